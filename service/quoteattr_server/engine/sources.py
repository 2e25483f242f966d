"""engine.sources: who the sources are — gender from the article's own words, unnamed sources,
source categories — as a post-pass over the engine's result.

Gender comes only from evidence in the text, each piece returned as a span: pronouns the engine
linked to the speaker (its mentions "she", "he"), the honorifics Mr./Ms./Mrs./Miss right before
the speaker's name, gendered nouns in the speaker's own mentions, roles, titles and appositions
("spokeswoman", "his wife"), and, for nonbinary, only an explicit statement next to the name. A
first name is never evidence, organisations and groups never have a gender, and evidence for two
genders gives UNKNOWN. A speaker is anonymous when the article never names it (a description, a
group). Its category comes from the head nouns of its roles, titles, appositions and, for
organisations and groups, its name, through the lexicon in `data/source_categories.txt`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from quoteattr_server.engine.first_person import NARRATOR_NAMES
from quoteattr_server.engine.lexicon import data_words, packaged_data
from quoteattr_server.engine.roles import ARTICLES, runs_into_its_verb
from quoteattr_server.engine.types import (
    AttributionResult,
    Gender,
    ParsedDoc,
    Sentence,
    SourceCategory,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
    Word,
)

# Dependency relations that join a name's words to its head word.
_NAME_RELATIONS = frozenset({"flat", "compound"})
_PRONOUN = "pronoun"
# A pronoun after a writing of the name counts in its paragraph and this many more.
_PRONOUN_PARAGRAPHS = 1
_INDEFINITE = frozenset({"a", "an", "one", "two", "three", "several", "some", "many"})
_MAIN_CLAUSE = frozenset({"conj", "parataxis"})  # clauses that stand beside the root
_PHRASE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "PRON", "CCONJ", "PART"})
_TITLE_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})
# A pronoun counts only this close after a writing of the speaker (code points).
_PRONOUN_REACH = 600
_LOOK_BACK = 3000  # characters read back for open quotation marks and parentheses


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    """The word lists this pass reads, loaded from `engine/data/`."""

    gender_words: dict[str, dict[str, Gender]]  # evidence kind -> word -> gender
    nonbinary: frozenset[str]
    categories: dict[str, SourceCategory]  # word -> category
    category_prefixes: tuple[tuple[str, SourceCategory], ...]  # "legislat" -> OFFICIAL
    generic_heads: frozenset[str]
    description_openers: frozenset[str]
    after_name: frozenset[str] = frozenset()  # "the Lee campaign": Lee is a candidate
    place_heads: frozenset[str] = frozenset()  # "The city of Port Ellis": a public body
    time_words: frozenset[str] = frozenset()  # "said Friday that she": when, no one
    post_nominals: frozenset[str] = frozenset()  # "Tom Hale KC": letters, no one else named

    def gender_of(self, kind: str, word: str) -> Gender | None:
        return self.gender_words.get(kind, {}).get(word.lower())

    def category_of(self, word: str) -> SourceCategory | None:
        word = word.lower()
        found = self.categories.get(word)
        if found is None and len(word) > 3 and word.endswith("s"):
            found = self.categories.get(word[:-1])  # "leaders", "governors"
        if found is None:
            found = next((c for p, c in self.category_prefixes if word.startswith(p)), None)
        return found


def _grouped_lines(text: str) -> Iterator[tuple[str, list[str]]]:
    """`label: word word` lines (continued on indented lines), comments dropped."""
    label: str | None = None
    words: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0]
        if not line.strip():
            continue
        if line[0].isspace() and label is not None:
            words.extend(line.split())
            continue
        if label is not None:
            yield label, words
        label, _, rest = line.partition(":")
        label, words = label.strip(), rest.split()
    if label is not None:
        yield label, words


@functools.lru_cache(maxsize=1)
def load_source_lexicon() -> SourceLexicon:
    """The lexicon from the package's data files (read once)."""
    gender_words: dict[str, dict[str, Gender]] = {}
    nonbinary: set[str] = set()
    for label, words in _grouped_lines(packaged_data("gender_words.txt")):
        if label == "nonbinary":
            nonbinary.update(w.lower() for w in words)
            continue
        kind, gender = label.split()
        table = gender_words.setdefault(kind, {})
        table.update({w.lower(): Gender(gender) for w in words})
    categories: dict[str, SourceCategory] = {}
    prefixes: list[tuple[str, SourceCategory]] = []
    generic: frozenset[str] = frozenset()
    after_name: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    for label, words in _grouped_lines(packaged_data("source_categories.txt")):
        if label == "generic":
            generic = frozenset(w.lower() for w in words)
            continue
        if label == "after name":
            after_name = frozenset(w.lower() for w in words)
            continue
        if label == "place":
            places = frozenset(w.lower() for w in words)
            continue
        category = SourceCategory(label)
        for word in (w.lower() for w in words):
            if word.endswith("*"):
                prefixes.append((word[:-1], category))
            else:
                categories.setdefault(word, category)
    openers = frozenset(w.lower() for w in data_words(packaged_data("unnamed_sources.txt")))
    return SourceLexicon(
        gender_words=gender_words,
        nonbinary=frozenset(nonbinary),
        categories=categories,
        category_prefixes=tuple(prefixes),
        generic_heads=generic,
        description_openers=openers,
        after_name=after_name,
        place_heads=places,
        time_words=frozenset(w.lower() for w in data_words(packaged_data("time_words.txt"))),
        post_nominals=frozenset(w.lower() for w in data_words(packaged_data("post_nominals.txt"))),
    )


@dataclass(frozen=True, slots=True)
class _DocFacts:
    """What every speaker's pass reads of the whole article, worked out once."""

    subject_names: tuple[Word, ...]  # proper nouns inside subjects
    people: frozenset[str]  # words of multi-word proper names
    by_text: dict[str, list[tuple[Sentence, Word]]]  # capitalised words, 's dropped
    subject_starts: tuple[int, ...] = ()  # where each of `subject_names` starts

    @classmethod
    def of(cls, doc: ParsedDoc) -> _DocFacts:
        names = [
            word
            for sentence in doc.sentences
            for subject in sentence.words
            if subject.base_deprel == "nsubj"
            for word in sentence.subtree(subject.index)
            if word.upos == "PROPN"
        ]
        by_text: dict[str, list[tuple[Sentence, Word]]] = {}
        for sentence in doc.sentences:
            for word in sentence.words:
                if word.text[:1].isupper():
                    by_text.setdefault(_without_possessive(word.text), []).append((sentence, word))
        names.sort(key=lambda w: w.start)
        starts = tuple(w.start for w in names)
        return cls(tuple(names), frozenset(_person_words(doc)), by_text, starts)

    def subject_names_in(self, window: Span) -> tuple[Word, ...]:
        starts = self.subject_starts
        return self.subject_names[
            bisect.bisect_left(starts, window.start) : bisect.bisect_left(starts, window.end)
        ]


def enrich_speakers(
    doc: ParsedDoc, result: AttributionResult, lexicon: SourceLexicon | None = None
) -> AttributionResult:
    """`result` with every speaker's gender (and its evidence), anonymity and category."""
    lexicon = lexicon or load_source_lexicon()
    facts = _DocFacts.of(doc)
    found: dict[str, list[NameOccurrence]] = {}
    by_surname: dict[str | None, list[Speaker]] = {}
    for speaker in result.speakers:
        by_surname.setdefault(_surname(speaker), []).append(speaker)
    for speaker in result.speakers:
        same = by_surname[_surname(speaker)] if _surname(speaker) is not None else []
        shared = any(_namesakes(speaker, other) for other in same)
        unnamed = is_unnamed(speaker, lexicon)
        found[speaker.id] = (
            [] if unnamed else list(name_occurrences(doc, speaker, lexicon, shared, facts))
        )
    described = _descriptions(doc, found, lexicon)
    enriched = [
        _enrich(
            doc, speaker, lexicon, found[speaker.id], described.get(speaker.id, []), result, facts
        )
        for speaker in result.speakers
    ]
    return replace(result, speakers=tuple(enriched))


def _enrich(
    doc: ParsedDoc,
    speaker: Speaker,
    lexicon: SourceLexicon,
    occurrences: list[NameOccurrence],
    described: list[TextSpan],
    result: AttributionResult,
    facts: _DocFacts,
) -> Speaker:
    anonymous = is_unnamed(speaker, lexicon)
    context = list(_context_phrases(doc, occurrences, lexicon))
    gender: Gender = Gender.UNKNOWN
    evidence: tuple[TextSpan, ...] = ()
    if speaker.kind is SpeakerKind.PERSON or (
        speaker.kind is SpeakerKind.UNKNOWN and not anonymous
    ):
        gender, evidence = gender_of(
            doc, speaker, occurrences, context, lexicon, result.speakers, facts
        )
    # A speaker of unknown kind with a gender in the text is a person too.
    person = speaker.kind is SpeakerKind.PERSON or gender is not Gender.UNKNOWN
    phrases = context + list(_after_name(doc.text, occurrences, lexicon)) + described
    category = category_of(speaker, phrases, lexicon, person=person)
    return replace(
        speaker,
        kind=SpeakerKind.PERSON if person else speaker.kind,
        gender=gender,
        gender_evidence=evidence,
        anonymous=anonymous,
        category=category,
    )


def _descriptions(
    doc: ParsedDoc, found: dict[str, list[NameOccurrence]], lexicon: SourceLexicon
) -> dict[str, list[TextSpan]]:
    """Definite descriptions as subjects ("The Republican nominee said ..."), with nothing
    in apposition, each given to the speaker last written by name in a sentence before it, in its
    paragraph or the one before; for the category only (a reader's guess, never gender
    evidence)."""
    names = sorted(
        (o.span.start, o.sentence.paragraph, speaker_id)
        for speaker_id, occurrences in found.items()
        for o in occurrences
        if _is_subject(o, main=False)
    )
    described: dict[str, list[TextSpan]] = {}
    for sentence in doc.sentences:
        for word in sentence.words:
            if word.base_deprel != "nsubj" or word.upos != "NOUN":
                continue
            if lexicon.category_of(word.text) is None or _inside_quotation(doc.text, word):
                continue  # `"The council kept promising," she said`: the speaker's words
            phrase = [w for w in sentence.subtree(word.index) if w.upos != "PUNCT"]
            if phrase[0].text.lower() != "the":
                continue
            if any(w.deprel == "appos" for w in phrase):
                continue  # `The regional transport minister, Peter Wong, said`: named
            # A sentence before: in the name's own sentence a description is someone else
            # (`Ms. Ortiz thinks the council is wrong`).
            before = [n for n in names if n[0] < sentence.start]
            if before and sentence.paragraph - before[-1][1] <= 1:
                described.setdefault(before[-1][2], []).append(_text_span(doc.text, phrase))
    return described


# --- names and unnamed sources ------------------------------------------------------------------


def _namesakes(speaker: Speaker, other: Speaker) -> bool:
    """Two speakers with one surname and different first names ("Bill" and "Hillary Clinton"),
    or of one name kept apart (`Mrs. Patel` and `Mr. Patel`); "Olsen" beside "Maria Olsen" is
    taken as one person."""
    surname = _surname(speaker)
    if other.id == speaker.id or surname is None or surname != _surname(other):
        return False
    if speaker.name == other.name:
        return True
    first, second = speaker.name.split()[:-1], other.name.split()[:-1]
    return bool(first) and bool(second) and not set(first) & set(second)


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def _surname(speaker: Speaker) -> str | None:
    words = [_without_possessive(w) for w in speaker.name.split()]
    return words[-1] if words and words[-1][:1].isupper() else None


# Words after a head that open its complement ("spokeswoman for the union"). Not "of": `the
# city of Port Ellis` is named by its complement, and `president of the company` takes the
# category of its last word.
_DESCRIPTION_COMPLEMENT_OPENERS = frozenset({"for", "at", "on", "in", "with", "from", "familiar"})


def is_unnamed(speaker: Speaker, lexicon: SourceLexicon) -> bool:
    """No name in the article: a group ("Democrats", "residents"), or a description ("a senior
    official", "sources"). An organisation has a name unless it is only ever "a company"; the
    writer of the piece ("the author") has their byline."""
    if speaker.name in NARRATOR_NAMES:
        return False
    if speaker.kind is SpeakerKind.GROUP:
        return True
    words = speaker.name.split()
    if not words:
        return True
    if speaker.kind is SpeakerKind.ORGANIZATION:
        # "a Harbour bank" is unnamed; "the agency" stands for one the article names.
        return words[0].lower() in _INDEFINITE and not any(w[:1].isupper() for w in words[1:])
    if len(words) == 1 and words[0].endswith("s") and lexicon.category_of(words[0]) is not None:
        # a plural label: "Democrats", "Americans", "officials"; not an outlet ("Reuters")
        return not _outlet_name(words[0], lexicon)
    capitalised = [w for w in words[1:] if w[:1].isupper()]
    if (
        words[0][:1].isupper()
        and words[0].lower() not in lexicon.description_openers
        and not (len(words) > 1 and _possessive(words[0]))  # `France's culture minister`
    ):
        return False
    # "one West Virginia official", "the FBI director", "a reporter for the Daily Ledger": a
    # name inside, or in the complement, is not the speaker's.
    head = next(
        (words[i - 1] for i in range(1, len(words)) if words[i] in _DESCRIPTION_COMPLEMENT_OPENERS),
        words[-1],
    )
    # `a Tory MP`: a post written in capitals (MP, MEP, TD) heads a description, no name.
    post = len(capitalised) >= 2 and head.isupper() and len(head) <= _MAX_POST_LETTERS
    return not capitalised or not head[:1].isupper() or post


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "\u2019s", "s'", "s\u2019"))


# How many capitals a post abbreviation after a party may have: `MP`, `MEP`, `MLA`.
_MAX_POST_LETTERS = 4


def _outlet_name(word: str, lexicon: SourceLexicon) -> bool:
    """`Reuters`, `Times`: a capitalised word the media list holds as written names an outlet."""
    return word[:1].isupper() and lexicon.categories.get(word.lower()) is SourceCategory.MEDIA


@dataclass(frozen=True, slots=True)
class NameOccurrence:
    """A place where the article writes the speaker's name: the sentence and the name's words."""

    sentence: Sentence
    words: tuple[Word, ...]

    @property
    def span(self) -> Span:
        return Span(self.words[0].start, self.words[-1].end)


def name_occurrences(
    doc: ParsedDoc,
    speaker: Speaker,
    lexicon: SourceLexicon,
    shared: bool,
    facts: _DocFacts | None = None,
) -> Iterator[NameOccurrence]:
    """Every writing of the speaker's surname: anywhere when no one else in the article carries
    that surname ("Bill Lee" beside "Ann Lee"), else only with the speaker's first name or
    inside the speaker's own mentions."""
    surname = _surname(speaker)
    if surname is None:
        return
    own = {w.lower() for w in speaker.name.split()}
    mentions = [m.span for m in speaker.mentions]
    facts = facts or _DocFacts.of(doc)
    found = [
        NameOccurrence(sentence, _name_words(sentence, word, lexicon))
        for sentence, word in facts.by_text.get(surname, [])
    ]
    shared = shared or len(_other_first_names(found, own, lexicon, speaker.name)) > 0
    for occurrence in found:
        firsts = {w.text.lower() for w in occurrence.words[:-1]} - {surname.lower()}
        if (
            not shared
            or bool(firsts & own)  # the full name: "Hillary Clinton" beside "Bill Clinton"
            or any(m.contains(occurrence.words[-1].span) for m in mentions)
        ):
            yield occurrence


def _name_words(sentence: Sentence, word: Word, lexicon: SourceLexicon) -> tuple[Word, ...]:
    """The capitalised proper-noun run that ends at `word` ("Ann Lee" for "Lee"), without the
    titles the parser may tag as proper nouns ("President", "Leader")."""
    start = word.index
    while start > 0:
        before = sentence.words[start - 1]
        if (
            before.upos != "PROPN"
            or not before.text[:1].isupper()
            or before.text.endswith(".")
            or lexicon.category_of(before.text) is not None
        ):
            break
        start -= 1
    return sentence.words[start : word.index + 1]


def _other_first_names(
    found: list[NameOccurrence], own: set[str], lexicon: SourceLexicon, name: str
) -> set[str]:
    """First names written with the surname that are not the speaker's ("Bill Clinton" beside
    "Hillary Clinton"). A speaker named by its surname alone takes the one first name the
    article gives with it as its own; two different ones make the surname shared."""
    firsts = {
        " ".join(
            w.text.lower()
            for w in o.words[:-1]
            if lexicon.category_of(w.text) is None and len(w.text.rstrip(".")) > 1
        )
        for o in found
    }
    # "Donald J. Trump" is "Donald Trump": a first name the speaker's name holds is its own.
    others = {first for first in firsts if first and not set(first.split()) & own}
    if len(name.split()) == 1 and len(others) == 1:
        return set()
    return others


# --- context: titles and appositions around the name ---------------------------------------------


def _head_of_name(sentence: Sentence, occurrence: tuple[Word, ...]) -> Word:
    """The word heading the name's noun phrase ("Ann" heads "Ann Lee" in UD's flat names)."""
    inside = {w.index for w in occurrence}
    head = occurrence[-1]
    while head.head >= 0 and head.head in inside and head.base_deprel in _NAME_RELATIONS:
        head = sentence.words[head.head]
    for word in occurrence:
        if word.head not in inside:
            return word
    return head


def _context_phrases(
    doc: ParsedDoc, occurrences: list[NameOccurrence], lexicon: SourceLexicon
) -> Iterator[TextSpan]:
    """The title words before each writing of the name and the apposition after it."""
    for occurrence in occurrences:
        sentence = occurrence.sentence
        head = _head_of_name(sentence, occurrence.words)
        title = _title_before(sentence, occurrence.words[0].index)
        if title:
            yield _text_span(doc.text, title)
        for child in sentence.children(head.index):
            if child.deprel == "appos" and child.index > head.index:
                words = _clause_free(sentence, child)
                if words:
                    yield _text_span(doc.text, words)
        yield from _predicates(doc.text, sentence, head)
        for words in _surface_appositions(sentence, occurrence.words):
            yield _text_span(doc.text, words)
        affiliation = _affiliation_after(sentence, occurrence.words)
        if affiliation and phrase_category(_text_span(doc.text, affiliation).text, lexicon) in (
            _AFFILIATION_CATEGORIES
        ):
            yield _text_span(doc.text, affiliation)


# Prepositions that tie a name to the body it works for: `Takuya Hoshino of the Dai-ichi Life
# Research Institute`, `Mark Zandi at Moody's Analytics`.
_AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "from"})
# What such a body makes a person; not official, as `of The Nation` (a magazine) or `of
# Nagorno-Karabakh` name no government body by their words.
_AFFILIATION_CATEGORIES = frozenset(
    {SourceCategory.EXPERT, SourceCategory.BUSINESS, SourceCategory.MEDIA, SourceCategory.ADVOCATE}
)


def _affiliation_after(sentence: Sentence, name: tuple[Word, ...]) -> list[Word]:
    """The body named right after the name with "of", "at" or "from" (for the category only:
    the body's head word decides, `Institute` an expert's)."""
    words = sentence.words
    after = name[-1].index + 1
    if after + 1 >= len(words) or words[after].text.lower() not in _AFFILIATION_PREPOSITIONS:
        return []
    body = list(
        itertools.takewhile(
            lambda w: w.upos in ("DET", "PROPN", "PART") or w.text in ("-", "&"),
            words[after + 1 :],
        )
    )
    while body and body[-1].upos != "PROPN":
        body.pop()
    return [words[after], *body] if any(w.upos == "PROPN" for w in body) else []


def _surface_appositions(sentence: Sentence, name: tuple[Word, ...]) -> Iterator[list[Word]]:
    """Appositions read on the words where the parse may have missed them: ", a former aide
    who ..." after the name (past an age: ", 54, a shopkeeper"), and "his adviser, Ann Lee," set
    off by commas before it."""
    words = sentence.words
    after = name[-1].index + 1
    if after + 1 < len(words) and words[after].text == ",":
        start = after + 1
        if words[start].upos == "NUM" and start + 2 < len(words) and words[start + 1].text == ",":
            start += 2
        if words[start].upos in ("DET", "ADJ", "NOUN") and words[start].text[:1].islower():
            phrase = list(itertools.takewhile(_in_noun_phrase, words[start:]))
            if (
                phrase
                and phrase[-1].upos in ("NOUN", "PROPN")
                and not runs_into_its_verb(sentence, name, phrase)
            ):
                yield phrase
    first = name[0].index
    closed = after < len(words) and words[after].text == ","
    if closed and first >= 2 and words[first - 1].text == ",":
        phrase = list(
            reversed(list(itertools.takewhile(_in_noun_phrase, reversed(words[: first - 1]))))
        )
        if phrase and phrase[-1].upos == "NOUN" and phrase[0].text[:1].islower():
            yield phrase


def _in_noun_phrase(word: Word) -> bool:
    """Words a role phrase runs over: not punctuation, verbs or relative pronouns."""
    if word.text in ("-", "\u2010", "\u2011"):
        return True  # "a two-decade veteran", split at its hyphen
    return word.upos in _PHRASE_TAGS and word.text.lower() not in ("who", "whose", "which", "that")


def _predicates(text: str, sentence: Sentence, head: Word) -> Iterator[TextSpan]:
    """Nouns the name is said to be: "Lee is the mayor", "Lee, who is a nurse, ..."."""
    candidates = [c for c in sentence.children(head.index) if c.deprel == "acl:relcl"]
    if head.base_deprel == "nsubj" and head.head >= 0:
        candidates.append(sentence.words[head.head])
    for predicate in candidates:
        if predicate.upos != "NOUN":
            continue
        if not any(c.deprel == "cop" for c in sentence.children(predicate.index)):
            continue
        own = predicate.index == head.head  # "Lee is the mayor": leave the name out
        skip = {w.index for w in sentence.subtree(head.index)} if own else set()
        words = [
            w
            for w in _clause_free(sentence, predicate)
            if w.index not in skip
            and w.deprel not in ("cop", "nsubj")
            and w.index >= predicate.index - 4
        ]
        if words:
            yield _text_span(text, words)


def _after_name(
    text: str, occurrences: list[NameOccurrence], lexicon: SourceLexicon
) -> Iterator[TextSpan]:
    """A noun right after the name that says what the person leads ("the Lee campaign", "Lee's
    administration") and relative clauses of what the person does ("who led the party"); for
    the category only (never gender: "Lee's wife" is someone else)."""
    for occurrence in occurrences:
        sentence = occurrence.sentence
        head = _head_of_name(sentence, occurrence.words)
        for clause in sentence.children(head.index):
            if clause.deprel == "acl:relcl" and clause.upos == "VERB":
                # "Ruiz, who led the party's committee": what the person does.
                words_of = _clause_free(sentence, clause)
                if words_of:
                    yield _text_span(text, words_of)
        words = sentence.words
        after = occurrence.words[-1].index + 1
        end = occurrence.words[-1].end
        tagged = _SET_OFF_PARTY_TAG.match(text, end)
        if tagged is not None:
            # "Lee (D-Ohio)", and as AP sets it off with commas: "Lee, D-N.Y., said".
            yield TextSpan(tagged.group(1), Span(tagged.start(1), tagged.end(1)))
        if after < len(words) and words[after].text in ("'s", "\u2019s", "'"):
            after += 1
        if after < len(words) and words[after].text.lower() in lexicon.after_name:
            yield TextSpan(words[after].text, words[after].span)


def _title_before(sentence: Sentence, first: int) -> list[Word]:
    """The nouns and adjectives right before a name ("Clinton communications director" before
    "Marta Lindqvist"), stopping at anything else."""
    start = first
    while start > 0 and sentence.words[start - 1].upos in _TITLE_TAGS:
        start -= 1
    return list(sentence.words[start:first])


def _clause_free(sentence: Sentence, head: Word) -> list[Word]:
    """An apposition's words up to its first comma or relative clause."""
    words = []
    for word in sentence.subtree(head.index):
        if word.index > head.index and (word.text in (",", ";", "(") or word.deprel == "acl:relcl"):
            break
        if word.upos != "PUNCT" or word.index > head.index:
            words.append(word)
    return [w for w in words if w.upos != "PUNCT"]


def _text_span(text: str, words: list[Word]) -> TextSpan:
    span = Span(words[0].start, words[-1].end)
    return TextSpan(text[span.start : span.end], span)


# --- gender ---------------------------------------------------------------------------------------

_PARTY_TAG = re.compile(r"^[dri]-(?:[a-z]|$)")  # "(D-N.C.)", "(R-La.)", lower-cased
# A party tag set off right after a name, in brackets or between commas.
_SET_OFF_PARTY_TAG = re.compile(r"\s*(?:\(|,\s)([DRI]-[A-Z][A-Za-z.]*)(?:\)|,)")
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_TOKEN = re.compile(r"[\w.'\u2019-]+")


def _tokens(piece: TextSpan) -> Iterator[TextSpan]:
    for match in _TOKEN.finditer(piece.text):
        word = match.group().rstrip("'\u2019")
        if word.lower().endswith(("'s", "\u2019s")):
            word = word[:-2]
        start = piece.span.start + match.start()
        yield TextSpan(word, Span(start, start + len(word)))


def gender_of(
    doc: ParsedDoc,
    speaker: Speaker,
    occurrences: list[NameOccurrence],
    context: list[TextSpan],
    lexicon: SourceLexicon,
    others: Sequence[Speaker] = (),
    facts: _DocFacts | None = None,
) -> tuple[Gender, tuple[TextSpan, ...]]:
    """The gender the article states for `speaker`, and the words that state it."""
    statement = _nonbinary_statement(doc, occurrences, lexicon)
    if statement is not None:
        return Gender.NONBINARY, (statement,)
    facts = facts or _DocFacts.of(doc)
    stated = _by_span(_evidence(doc, speaker, occurrences, context, lexicon, others, facts))
    nearby = (
        _by_span(
            _nearby_pronouns(doc, occurrences, lexicon, facts.people, _pronouns_of(others, lexicon))
        )
        if speaker.kind is SpeakerKind.PERSON  # not for what may be a place or a company
        else {}
    )
    genders = {gender for gender, _ in stated.values()}
    if not genders:
        # Only pronouns read off the parse: they must all agree.
        stated, genders = nearby, {gender for gender, _ in nearby.values()}
    if len(genders) != 1:
        return Gender.UNKNOWN, ()
    gender = genders.pop()
    # Parse-read pronouns are weaker than the rest: those that disagree with it are dropped
    # as someone else's, those that agree join the evidence.
    agreeing = {span: item for span, item in nearby.items() if item[0] is gender}
    found = {**agreeing, **stated}
    return gender, tuple(word for _, word in sorted(found.values(), key=lambda e: e[1].span))


def _by_span(
    items: Iterable[tuple[Gender, TextSpan]],
) -> dict[Span, tuple[Gender, TextSpan]]:
    found: dict[Span, tuple[Gender, TextSpan]] = {}
    for gender, word in items:
        found.setdefault(word.span, (gender, word))
    return found


def _evidence(
    doc: ParsedDoc,
    speaker: Speaker,
    occurrences: list[NameOccurrence],
    context: list[TextSpan],
    lexicon: SourceLexicon,
    others: Sequence[Speaker],
    facts: _DocFacts,
) -> Iterator[tuple[Gender, TextSpan]]:
    pronouns = [m for m in speaker.mentions if lexicon.gender_of(_PRONOUN, m.text.strip())]
    if pronouns:
        anchors = sorted(
            [m.span for m in speaker.mentions if m not in pronouns] + [o.span for o in occurrences]
        )
        for mention in pronouns:
            window = Span(max(0, mention.span.start - _PRONOUN_REACH), mention.span.start)
            rivals = [
                o.span
                for o in _rival_subjects(speaker, occurrences, others, lexicon, facts, window)
            ]
            gender = lexicon.gender_of(_PRONOUN, mention.text.strip())
            if gender is not None and _pronoun_follows(mention.span, anchors, rivals):
                yield gender, mention
    yield from _honorifics(doc, speaker, occurrences, lexicon)
    pieces: Iterable[TextSpan] = [*speaker.mentions, *speaker.roles, *context]
    for piece in pieces:
        tokens = list(_tokens(piece))
        if piece in speaker.mentions:
            tokens = _first_conjunct(tokens)  # `Lena Ortiz and her husband`: not his
        for position, token in enumerate(tokens):
            gender = lexicon.gender_of("noun", token.text)
            owned = any(t.text.lower() == "whose" for t in tokens[max(0, position - 2) : position])
            # `Ms Okafor, whose son was killed`: his; `the boy's mother`: the boy is someone else.
            if gender is not None and not owned and not _possessor(doc.text, token):
                yield gender, token


def _possessor(text: str, token: TextSpan) -> bool:
    """The token owns what follows it (`boy's`, `boys'`): another person than the speaker; not
    a word in single quotation marks (`the 'mother' said`)."""
    after = text[token.span.end : token.span.end + 2]
    if after[:1] not in ("'", "\u2019"):
        return False
    return after[1:] == "s" or (token.text.lower().endswith("s") and not after[1:].isalpha())


_COORDINATORS = frozenset({"and", "or", "&"})


def _first_conjunct(tokens: list[TextSpan]) -> list[TextSpan]:
    """The tokens of a mention before its first "and": a person named beside another."""
    cut = next((i for i, t in enumerate(tokens) if t.text.lower() in _COORDINATORS), None)
    return tokens if cut is None else tokens[:cut]


def _honorifics(
    doc: ParsedDoc, speaker: Speaker, occurrences: list[NameOccurrence], lexicon: SourceLexicon
) -> Iterator[tuple[Gender, TextSpan]]:
    """Mr./Ms./Mrs./Miss in a mention, or right before a writing of the name."""
    for mention in speaker.mentions:
        tokens = list(_tokens(mention))
        for position, token in enumerate(tokens):
            gender = lexicon.gender_of("honorific", token.text)
            named = tokens[position + 1] if position + 1 < len(tokens) else None
            if named is not None and _possessor(doc.text, named):
                continue  # `Ms Ortega's lawyer, Daniel Price`: the honorific is Ortega's
            if gender is not None:
                yield gender, token
    for occurrence in occurrences:
        first = occurrence.words[0] if occurrence.words else None
        if first is not None and (gender := lexicon.gender_of("honorific", first.text)):
            # `The head teacher, Mrs Lorna Grant,`: the parser made the honorific the name's head.
            yield gender, TextSpan(first.text, first.span)
            continue
        # Read on the text: the parser may end a sentence after "Ms.".
        start = occurrence.span.start
        before = _WORD_BEFORE.search(doc.text, max(0, start - 16), start)
        if before is None:
            continue
        gender = lexicon.gender_of("honorific", before.group(1))
        if gender is not None:
            span = Span(before.start(1), before.end(1))
            yield gender, TextSpan(before.group(1), span)


def _nearby_pronouns(
    doc: ParsedDoc,
    occurrences: list[NameOccurrence],
    lexicon: SourceLexicon,
    people: frozenset[str],
    rival_pronouns: Sequence[TextSpan] = (),
) -> Iterator[tuple[Gender, TextSpan]]:
    """Third-person pronouns outside quotations after the speaker's name as a subject, in its
    paragraph or the next, with no other proper noun, no other writing of the name and no
    pronoun of the other gender between them: "Lee said her plan ...", "Lee spoke. She ..."."""
    anchors = {w.start for o in occurrences if _is_subject(o) for w in o.words}
    elsewhere = {w.start for o in occurrences for w in o.words} - anchors
    if not anchors:
        return
    anchored: int | None = None  # the paragraph of the last anchor, while it still holds
    genders: set[Gender] = set()  # genders of the pronouns since the last anchor
    rivalled: set[Gender] = set()  # genders of pronouns just before the last anchor
    near = {o.sentence.paragraph + step for o in occurrences for step in range(2)}
    paragraph_starts = _paragraph_starts(doc)
    for sentence in (s for s in doc.sentences if s.paragraph in near):
        if anchored is not None and sentence.paragraph - anchored > _PRONOUN_PARAGRAPHS:
            anchored = None
        for word in sentence.words:
            if word.start in anchors:
                anchored, genders = sentence.paragraph, set()
                # `The minister ... "...," she told the BBC. Paul Hines said she had lost ...`:
                # a gender someone else was just called by says nothing of this speaker.
                earliest = paragraph_starts.get(
                    sentence.paragraph - _PRONOUN_PARAGRAPHS, paragraph_starts[sentence.paragraph]
                )  # from the start of the paragraph before
                rivalled = _genders_between(lexicon, earliest, word.start, rival_pronouns)
                # `Her coach, Tomas Berg, said she ...`: "she" is whoever "her" is.
                rivalled |= _possessors_apposed(sentence, word, lexicon)
            elif anchored is None:
                continue
            elif (
                word.start in elsewhere
                or (
                    _without_possessive(word.text) in people
                    and _names_someone(doc.text, word, lexicon)
                )
                or _person_as_object(doc.text, word, lexicon)
            ):
                anchored = None  # someone (or something) else is named in between
            else:
                gender = _pronoun_gender(sentence, word, anchors, lexicon)
                if gender is None:
                    continue
                genders.add(gender)
                if (
                    len(genders) == 1
                    and gender not in rivalled
                    and not _inside_quotation(doc.text, word)
                ):
                    yield gender, TextSpan(word.text, word.span)


def _person_as_object(text: str, word: Word, lexicon: SourceLexicon) -> bool:
    """`sentenced Dawson to 12 years, saying his crimes ...`, `praised the striker, saying his
    goal ...`: one person the speaker acts on, whom the next "his" or "her" may be about; a
    name not in capitals (`told the BBC`) nor quoted (a title, `"The Apprentice"`), or a noun
    of an ordinary person's."""
    if word.deprel not in ("obj", "iobj") or "Number=Plur" in word.feats:
        return False
    if _inside_quotation(text, word):
        return False
    if word.upos == "PROPN":
        # Not `said Friday that she ...`, misparsed with the day as the object.
        return (
            word.text[:1].isupper()
            and not word.text.isupper()
            and word.text.lower() not in lexicon.time_words
        )
    return word.upos == "NOUN" and lexicon.category_of(word.text) is SourceCategory.CITIZEN


def _possessors_apposed(sentence: Sentence, anchor: Word, lexicon: SourceLexicon) -> set[Gender]:
    """The genders of possessive pronouns on a noun in apposition to the name: someone else of
    that gender is near (`Her coach, Tomas Berg, said she ...`, `Ana Kovac, his rival,`); not
    one before the name elsewhere in its sentence (`On her blog, Kovac posted ...` is hers)."""
    name = anchor
    while name.deprel in ("flat", "compound") and name.head >= 0:
        name = sentence.words[name.head]
    apposed = {c.index for c in sentence.children(name.index) if c.deprel == "appos"}
    if name.deprel == "appos" and name.head >= 0:
        apposed.add(name.head)
    return {
        gender
        for word in sentence.words
        if word.head in apposed
        and word.deprel == "nmod:poss"
        and (gender := lexicon.gender_of(_PRONOUN, word.text)) is not None
    }


def _pronoun_gender(
    sentence: Sentence, word: Word, anchors: set[int], lexicon: SourceLexicon
) -> Gender | None:
    """The gender of a pronoun that may refer to the speaker: not "Lee scolded him" (someone
    else), nor a pronoun in a capitals headline."""
    gender = lexicon.gender_of(_PRONOUN, word.text)
    if (
        gender is None
        or word.text.isupper()
        or _object_of_anchor(sentence, word, anchors)
        or not _in_subject_or_anchor_clause(sentence, word, anchors)
    ):
        return None
    return gender


def _pronouns_of(speakers: Sequence[Speaker], lexicon: SourceLexicon) -> list[TextSpan]:
    """The pronouns at the cues of speakers the article names nowhere (`The minister ...
    "...," she told the BBC`): people about whom no name tells the pronouns apart."""
    return [
        m
        for s in speakers
        if s.kind is not SpeakerKind.GROUP and is_unnamed(s, lexicon)
        for m in s.mentions
        if lexicon.gender_of(_PRONOUN, m.text.lower()) is not None
    ]


def _paragraph_starts(doc: ParsedDoc) -> dict[int, int]:
    """Where each paragraph's first sentence starts."""
    starts: dict[int, int] = {}
    for sentence in doc.sentences:
        starts.setdefault(sentence.paragraph, sentence.words[0].start)
    return starts


def _genders_between(
    lexicon: SourceLexicon, start: int, end: int, rival_pronouns: Sequence[TextSpan]
) -> set[Gender]:
    """The genders of the pronouns of unnamed speakers between `start` and `end`: a person of
    that gender is about, whom a pronoun there may mean."""
    return {
        gender
        for pronoun in rival_pronouns
        if start <= pronoun.span.start < end
        and (gender := lexicon.gender_of(_PRONOUN, pronoun.text)) is not None
    }


def _is_subject(occurrence: NameOccurrence, *, main: bool = True) -> bool:
    """The name is the subject of the sentence's main clause (or heads it with a title before
    it): the one a following pronoun most likely means, unlike "why Lee failed where he ..."."""
    sentence = occurrence.sentence
    word = _head_of_name(sentence, occurrence.words)
    while word.base_deprel in ("flat", "compound", "appos") and word.head >= 0:
        word = sentence.words[word.head]
    if word.base_deprel != "nsubj" or word.head < 0:
        return False
    if not main:
        return True
    clause = sentence.words[word.head]
    while clause.base_deprel in _MAIN_CLAUSE and clause.head >= 0:
        clause = sentence.words[clause.head]
    return clause.head < 0


def _in_subject_or_anchor_clause(sentence: Sentence, word: Word, anchors: set[int]) -> bool:
    """The pronoun is (in) the subject of its clause ("Lee said she would run", "Her aide
    said"), or in the clause whose subject is the speaker ("Lee read her speech"); not "Lee
    said nobody would question her"."""
    for clause in [word, *sentence.ancestors(word.index)]:
        subjects = [c for c in sentence.children(clause.index) if c.base_deprel == "nsubj"]
        if not subjects:
            continue
        inside = {w.index for s in subjects for w in sentence.subtree(s.index)}
        return word.index in inside or any(sentence.words[i].start in anchors for i in inside)
    return True


def _object_of_anchor(sentence: Sentence, word: Word, anchors: set[int]) -> bool:
    """A pronoun that is the object of a verb whose subject is the speaker never refers to the
    speaker (that would be "herself"); nor the object of a participle or infinitive the
    speaker's clause governs (`Judge Marsh told the defendant before sentencing him`)."""
    if word.base_deprel not in ("obj", "iobj", "obl") or word.head < 0:
        return False
    for verb in [sentence.words[word.head], *sentence.ancestors(word.head)]:
        subjects = [c for c in sentence.children(verb.index) if c.base_deprel == "nsubj"]
        if subjects:
            return any(
                any(w.start in anchors for w in sentence.subtree(child.index)) for child in subjects
            )
        if verb.upos not in ("VERB", "AUX") or "VerbForm=Fin" in verb.feats:
            return False  # a finite verb with no subject, or no verb: nothing to say
    return False


def _person_words(doc: ParsedDoc) -> set[str]:
    """Words of the article's multi-word proper names ("Joe Scarborough"), which may be
    people; a lone "Florida" or "Wednesday" is not taken for someone."""
    words: set[str] = set()
    for sentence in doc.sentences:
        run: list[str] = []
        for word in [*sentence.words, None]:
            if word is not None and word.upos == "PROPN" and word.text[:1].isupper():
                run.append(_without_possessive(word.text))
                continue
            if len([w for w in run if not w.endswith(".")]) >= 2:
                words.update(run)
            run = []
    return words


def _names_someone(text: str, word: Word, lexicon: SourceLexicon) -> bool:
    """A proper noun in the narrative: not an honorific, not in a quotation or in parentheses
    ("Kovac (D-Mo.) ... she said")."""
    if (
        word.upos != "PROPN"
        or lexicon.gender_of("honorific", word.text) is not None
        or word.text.lower() in lexicon.post_nominals  # `Tom Hale KC said his client ...`
    ):
        return False
    line = _line_before(text, word.start)
    return line.count("(") <= line.count(")") and not _inside_quotation(text, word)


def _line_before(text: str, end: int) -> str:
    """The text from the start of the line to `end`, at most _LOOK_BACK characters of it (a
    bound on the work for an article written as one long line)."""
    floor = max(0, end - _LOOK_BACK)
    newline = text.rfind("\n", floor, end)
    return text[newline + 1 if newline >= 0 else floor : end]


def _inside_quotation(text: str, word: Word) -> bool:
    """An odd number of straight marks, or more openings than closings, since the line began."""
    before = _line_before(text, word.start)
    return (
        before.count('"') % 2 == 1
        or before.count("\u201c") > before.count("\u201d")
        or (before.count("''") + before.count("``")) % 2 == 1  # PolNeAR-style marks
    )


def _pronoun_follows(pronoun: Span, anchors: list[Span], rivals: list[Span]) -> bool:
    """The engine linked `pronoun` to the speaker; trust it only when the speaker was written
    shortly before and no other person became the subject in between ("Lee said Kim was right
    when he spoke": "he" is not taken as Lee's)."""
    before = [a for a in anchors if a.end <= pronoun.start]
    if not before:
        return False
    last = before[-1]
    if pronoun.start - last.end > _PRONOUN_REACH:
        return False
    return not any(last.end <= r.start and r.end <= pronoun.start for r in rivals)


def _rival_subjects(
    speaker: Speaker,
    occurrences: list[NameOccurrence],
    others: Sequence[Speaker],
    lexicon: SourceLexicon,
    facts: _DocFacts,
    window: Span,
) -> Iterator[TextSpan]:
    """Proper nouns of subjects that are not the speaker's, and other speakers' mentions, in
    `window`."""
    own = {w.lower() for w in speaker.name.split()}
    mine = [o.span for o in occurrences if o.span.overlaps(window)]
    mine += [m.span for m in speaker.mentions if m.span.overlaps(window)]
    # Names inside the speaker's own roles ("an economist at the Harbour Institute") are no rival.
    mine += [r.span for r in speaker.roles if r.span.overlaps(window)]
    for word in facts.subject_names_in(window):
        if (
            word.text.lower() not in own
            and lexicon.category_of(word.text) is None
            and not any(m.contains(word.span) for m in mine)
        ):
            yield TextSpan(word.text, word.span)
    for other in others:
        if other.id != speaker.id and other.kind is not SpeakerKind.ORGANIZATION:
            yield from (
                m
                for m in other.mentions
                if m.span.overlaps(window) and not any(m.span.overlaps(x) for x in mine)
            )


def _nonbinary_statement(
    doc: ParsedDoc, occurrences: list[NameOccurrence], lexicon: SourceLexicon
) -> TextSpan | None:
    """A nonbinary word in a clause about the named speaker ("Lee, who is nonbinary")."""
    for occurrence in occurrences:
        for word in occurrence.sentence.words:
            if word.text.lower() in lexicon.nonbinary:
                return TextSpan(doc.text[word.start : word.end], word.span)
    return None


# --- category -------------------------------------------------------------------------------------


def category_of(
    speaker: Speaker, context: list[TextSpan], lexicon: SourceLexicon, *, person: bool = False
) -> SourceCategory:
    """The category most of the speaker's role phrases point to (the earliest on a tie); the
    writer of the piece is the media's."""
    if speaker.name in NARRATOR_NAMES:
        return SourceCategory.MEDIA
    phrases = [role.text for role in speaker.roles] + [piece.text for piece in context]
    if speaker.kind is not SpeakerKind.PERSON or is_unnamed(speaker, lexicon):
        phrases.append(speaker.name)
    else:  # a title the name still carries: "Democrat Ann Lee"
        words = speaker.name.split()
        titles = list(itertools.takewhile(lambda w: lexicon.category_of(w) is not None, words))
        if titles and len(titles) < len(words):
            phrases.append(" ".join(titles))
    named_person = speaker.kind is SpeakerKind.PERSON and not is_unnamed(speaker, lexicon)
    phrases += [
        _without_name(m.text, speaker.name) if named_person else m.text
        for m in speaker.mentions
        if lexicon.gender_of(_PRONOUN, m.text) is None
    ]
    votes: dict[SourceCategory, int] = {}
    for phrase in phrases:
        category = phrase_category(phrase, lexicon)
        if category is not None:
            votes[category] = votes.get(category, 0) + 1
    if votes:
        return max(votes, key=lambda c: votes[c])
    if (person or speaker.kind is SpeakerKind.PERSON) and not is_unnamed(speaker, lexicon):
        # A named person the article gives no role at all: a member of the public.
        return SourceCategory.CITIZEN
    return SourceCategory.UNKNOWN


def _without_name(mention: str, name: str) -> str:
    """A person's mention without their given name, which may be written like a place
    (`Jordan Lee` is no country; `Sen. Jordan Lee` still a senator)."""
    words = name.split()
    if len(words) < 2:
        return mention
    return " ".join(w for w in mention.split() if w != words[0])


def phrase_category(phrase: str, lexicon: SourceLexicon) -> SourceCategory | None:
    """The category of a noun phrase's head ("the company's chief executive" -> BUSINESS); a
    generic head ("president", "spokeswoman") takes the category of its complement's head
    ("president of the teachers' federation"); of coordinated ones, the first decides."""
    words = _phrase_words(phrase, lexicon)
    if any(_PARTY_TAG.match(word) for word in words):
        return SourceCategory.OFFICIAL  # "(D-Ohio)": an elected politician
    conjuncts: list[list[str]] = [[]]
    for index, word in enumerate(words):
        if index and word == "and":
            conjuncts.append([])
        else:
            conjuncts[-1].append(word)
    for conjunct in conjuncts:  # the first that says something
        found = _conjunct_category(conjunct, lexicon)
        if found is not None:
            return found
    return None


def _phrase_words(phrase: str, lexicon: SourceLexicon) -> list[str]:
    """The phrase's words, lower-cased; a place's noun that ends a name (`Manchester City
    manager`, `Mexico City`) is marked as no place of its own."""
    tokens = [t.text for t in _tokens(TextSpan(phrase, Span(0, len(phrase))))]
    words = [token.lower() for token in tokens]
    for index in range(1, len(tokens)):
        before = tokens[index - 1]
        if (
            words[index] in lexicon.place_heads
            and tokens[index][:1].isupper()
            and before[:1].isupper()
            and before.lower() not in ARTICLES
            and before.lower() not in _RANKS  # `Assistant District Attorney`: a post
        ):
            words[index] = f"{words[index]} of a name"
    return words


# Words of rank before a place's noun in a title, not a name ending in it.
_RANKS = frozenset({"assistant", "deputy", "acting", "chief", "senior", "associate", "interim"})


def _conjunct_category(words: list[str], lexicon: SourceLexicon) -> SourceCategory | None:
    segments: list[list[str]] = [[]]
    for index, word in enumerate(words):
        if index and word in _DESCRIPTION_COMPLEMENT_OPENERS:
            segments.append([])
        segments[-1].append(word)
    heads = [_segment_head(segment, lexicon) for segment in segments]
    head = heads[0]
    if head is None or head[0] in lexicon.generic_heads:
        # The complement first ("spokeswoman for the union"), then the modifiers ("company
        # spokesman"), then the generic head itself.
        complements = [found for found in heads[1:] if found is not None]
        specific = [found for found in complements if found[0] not in lexicon.generic_heads]
        if specific or complements:
            return (specific or complements)[0][1]
        found = _modifier_category(segments[0], lexicon)
        if found is not None:
            return found
    return head[1] if head is not None else None


def _modifier_category(words: list[str], lexicon: SourceLexicon) -> SourceCategory | None:
    """The category a generic head takes from the words before it: a specific one first
    (`City Attorney`, `the city manager`: a place's noun modifies as its body), then a generic
    one (`Chief executive officer`: an executive's)."""
    categories = [
        (
            word,
            SourceCategory.OFFICIAL if word in lexicon.place_heads else lexicon.category_of(word),
        )
        for word in reversed(words)
    ]
    specific = [c for w, c in categories if c is not None and w not in lexicon.generic_heads]
    if specific:
        return specific[0]
    modifiers = [c for _, c in categories[1:] if c is not None]
    return modifiers[0] if modifiers else None


def _segment_head(words: list[str], lexicon: SourceLexicon) -> tuple[str, SourceCategory] | None:
    """The last word of a segment that the lexicon knows, with its category. A place's noun
    (`city`, `county`) is a public body only as the phrase's own head: `The city of Port Ellis`,
    `City Attorney`; not after another known word (`a resident of the city`) nor where the
    segment says where (`in Richland County`)."""
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        if word in lexicon.place_heads:
            if words[0] in _LOCATIVE_OPENERS or any(
                lexicon.category_of(w) is not None for w in words[:position]
            ):
                continue
            return word, SourceCategory.OFFICIAL
        category = lexicon.category_of(word)
        if category is not None:
            return word, category
    return None


_LOCATIVE_OPENERS = frozenset({"in", "from", "at", "on"})
