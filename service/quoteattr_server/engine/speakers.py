"""engine.speakers: the speaker mention at a cue, read from the dependency parse.

Each function is one construction of English attribution: the subject of the cue ("Kovac
said"), the inverted subject ("said Kovac"), a subject-less participle that continues the
governing clause's speaker ("..., adding that ..."), and the object of "according to". The
mention is the head phrase (titles and name parts); appositions and relative clauses are roles,
read in `engine.roles`.
"""

from __future__ import annotations

from dataclasses import dataclass

from quoteattr_server.engine.layout import Layout
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.types import Sentence, Word

SUBJECT = "subject of cue"
INVERTED = "inverted said X"
PARTICIPLE = "participle continues speaker"
ACCORDING_TO = "according to X"
OBJECT_AFTER_CUE = "name after cue"
NAME_BEFORE_CUE = "name before cue"
DASH_SIGNATURE = "dash signature"

MAX_WORDS_BEFORE_CUE = 30
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})

_SUBJECT_RELATIONS = ("nsubj", "nsubj:pass")
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
# Left and right dependents that belong to the head phrase of a source mention.
_MENTION_RELATIONS = frozenset(
    {
        "flat",
        "flat:name",
        "compound",
        "nmod:desc",
        "amod",
        "det",
        "nmod:poss",
        "nummod",
        "case",
        "fixed",
        "conj",
        "cc",
    }
)
_PARTICIPLE_RELATIONS = frozenset({"advcl", "acl", "conj", "xcomp", "ccomp"})


@dataclass(frozen=True, slots=True)
class SpeakerHead:
    sentence: Sentence
    word: Word
    rule: str


def speaker_at_cue(
    sentence: Sentence, cue: Word, layout: Layout, lexicon: Lexicon
) -> SpeakerHead | None:
    """The source of `cue`: its subject, else a name right after it (said X parsed as object)."""
    subjects = [
        child
        for child in sentence.children(cue.index)
        if child.deprel in _SUBJECT_RELATIONS
        and not layout.inside_quote(child)
        and child.upos not in ("PUNCT", "SYM", "NUM")
        and child.text.lower() not in lexicon.time_words
    ]
    if subjects:
        # `The plan, Kovac said, was never funded` comes out with two subjects on the cue: the
        # one nearest the cue is the speaker, the other belongs to the reported clause.
        # A subject after the cue is the inverted speaker only when none stands before it;
        # otherwise it is the subject of a reported clause the parser attached to the cue.
        before = [child for child in subjects if child.start < cue.start]
        if before:
            # `Massimo Franco, a columnist, wrote` with both nouns as subjects: the name speaks.
            named = [child for child in before if child.upos in ("PROPN", "PRON")]
            return SpeakerHead(sentence, max(named or before, key=lambda c: c.index), SUBJECT)
        return SpeakerHead(sentence, min(subjects, key=lambda child: child.index), INVERTED)
    following = _nominal_right_after(sentence, cue, layout)
    if following is not None:
        return SpeakerHead(sentence, following, OBJECT_AFTER_CUE)
    preceding = _name_before_cue(sentence, cue, layout)
    if preceding is not None:
        return SpeakerHead(sentence, preceding, NAME_BEFORE_CUE)
    return None


def _name_before_cue(sentence: Sentence, cue: Word, layout: Layout) -> Word | None:
    """`"...," Scott Pruitt, the state's attorney general, said` with the subject arc lost: the
    first name or pronoun between the closing mark (or sentence start) and the cue."""
    run: list[Word] = []
    for word in reversed(sentence.words[: cue.index]):
        if layout.inside_quote(word):
            break
        run.insert(0, word)
    if len(run) > MAX_WORDS_BEFORE_CUE:
        return None
    for word in run:
        if word.upos == "PROPN" or (word.upos == "PRON" and word.text.lower() in _SPEAKER_PRONOUNS):
            return _phrase_head(sentence, word)
        if word.upos in ("VERB", "AUX"):
            return None
    return None


def speaker_of_participle(
    sentence: Sentence, cue: Word, layout: Layout, earlier_cues: list[SpeakerHead]
) -> SpeakerHead | None:
    """`..., adding that ...` has no subject: the speaker is that of the clause it hangs on.

    The parser often hangs the participle on the quote's own verb, whose subject is quoted
    speech, so the governing clause is found among ancestors outside quotes first, then among the
    cues of the same sentence that came before it.
    """
    if cue.deprel not in _PARTICIPLE_RELATIONS and cue.upos != "VERB":
        return None
    if cue.deprel == "acl" and cue.head >= 0:
        # `an outside group backing the senator`: the participle describes its noun.
        noun = sentence.words[cue.head]
        if noun.upos in _NOMINAL and not layout.inside_quote(noun):
            return SpeakerHead(sentence, noun, PARTICIPLE)
    for ancestor in sentence.ancestors(cue.index):
        if layout.inside_quote(ancestor):
            continue
        for child in sentence.children(ancestor.index):
            if child.deprel in _SUBJECT_RELATIONS and not layout.inside_quote(child):
                return SpeakerHead(sentence, child, PARTICIPLE)
    for earlier in reversed(earlier_cues):
        if earlier.sentence is sentence and earlier.word.start < cue.start:
            return SpeakerHead(sentence, earlier.word, PARTICIPLE)
    return None


def _nominal_right_after(sentence: Sentence, cue: Word, layout: Layout) -> Word | None:
    """`"...," said Kovac` parsed with Kovac as object or dep: the first name after the cue.

    Only in that inverted order, the cue right after a closing mark; elsewhere a name after
    the cue is its object ("encouraged Americans to ...").
    """
    before = [w for w in sentence.words[: cue.index] if w.upos != "PUNCT"]
    if before and not layout.inside_quote(before[-1]):
        return None
    for word in sentence.words[cue.index + 1 : cue.index + 4]:
        if layout.inside_quote(word) or word.upos == "PUNCT":
            return None
        if word.upos == "PROPN" or (word.upos == "NOUN" and word.text[:1].isupper()):
            return _phrase_head(sentence, word)
        if word.upos not in ("DET", "ADJ"):
            return None
    return None


def _phrase_head(sentence: Sentence, word: Word) -> Word:
    """Climb name-internal relations (flat, compound, title) to the head of the phrase."""
    current = word
    seen = {word.index}
    while current.head >= 0 and current.deprel in _MENTION_RELATIONS - {"conj", "cc", "case"}:
        parent = sentence.words[current.head]
        if parent.index in seen or parent.upos not in _NOMINAL | {"ADJ"}:
            break
        seen.add(parent.index)
        current = parent
    return current


def dash_signature(sentence: Sentence, dash: Word, layout: Layout) -> SpeakerHead | None:
    """`"..." — Commissioner Alma Ferris`: the capitalised phrase after the dash signs the quote."""
    for word in sentence.words[dash.index + 1 : dash.index + 4]:
        if layout.inside_quote(word):
            return None
        if word.upos == "PROPN" or (word.text[:1].isupper() and word.upos in ("NOUN", "X")):
            return SpeakerHead(sentence, _phrase_head(sentence, word), DASH_SIGNATURE)
    return None


def mention_words(sentence: Sentence, head: Word) -> list[Word]:
    """The head phrase of a source: the head with its name parts, titles and determiners.

    Only contiguous dependents are taken, so an apposition or relative clause never leaks in.
    """
    inside = {head.index}
    frontier = [head.index]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if child.index in inside or child.deprel not in _MENTION_RELATIONS:
                continue
            if child.deprel == "case" and child.text.lower() not in ("'s", "\u2019s", "'"):
                continue
            inside.add(child.index)
            frontier.append(child.index)
    # keep the contiguous run around the head
    start = end = head.index
    while start - 1 in inside:
        start -= 1
    while end + 1 in inside:
        end += 1
    words = list(sentence.words[start : end + 1])
    while words and (words[-1].upos in ("PUNCT", "CCONJ") or words[-1].deprel == "case"):
        words.pop()
    while words and words[0].upos in ("PUNCT", "CCONJ"):
        words.pop(0)
    return words or [head]
