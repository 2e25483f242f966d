"""engine.cues: the reporting word that attributes a quotation.

A cue is a lexicon verb outside every quotation, in a sentence the quote touches (or the colon
sentence just before it), preferably linked to the quote by the parse: the quote's head hangs on
the cue (`ccomp`, either side), the cue hangs on the quote's verb (`parataxis`), or the cue governs
a clause holding the quote (partial quotes). The small CPU parser misattaches often, so when no
link exists the nearest cue right beside the quote still counts, with lower confidence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quoteattr_server.engine import confidence
from quoteattr_server.engine.layout import Layout
from quoteattr_server.engine.lexicon import Lexicon, phrase_key
from quoteattr_server.engine.marks import MarkedQuote, stage_direction
from quoteattr_server.engine.rules import CueKind, Rule
from quoteattr_server.engine.speakers import (
    CueSite,
    SpeakerHead,
    according_to_source,
    dash_signature,
    is_participle,
    name_before_aside,
    past_beside_modal,
    speaker_at_cue,
    words_of_source,
    words_of_speaker,
)
from quoteattr_server.engine.types import Cue, QuoteKind, Sentence, Span, Word

# How far (in characters) an unlinked cue may sit from the quote it attributes.
ADJACENT_CHARS = 40


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue of a quotation: what kind it is, where it sits, and whether the parse links it."""

    kind: CueKind
    sentence: Sentence
    word: Word  # the cue's (first) word
    linked: bool
    last: Word | None = None  # the last word of a two-word cue: the "to" of "according to"
    source: SpeakerHead | None = None  # SOURCE: the source its construction names
    introduces: bool = False  # right before the opening mark: `Kovac replied, "..."`

    @property
    def span(self) -> Span:
        return Span(self.word.start, (self.last or self.word).end)


def is_verb_cue(word: Word, lexicon: Lexicon) -> bool:
    return (
        word.upos == "VERB"
        and lexicon.is_cue(word.lemma)
        and word.text.lower() not in lexicon.not_cue_forms
    )


def is_quoting_cue(word: Word, lexicon: Lexicon) -> bool:
    return (
        word.upos == "VERB"
        and lexicon.introduces_quotes(word.lemma)
        and word.text.lower() not in lexicon.not_cue_forms
    )


def is_according(sentence: Sentence, word: Word) -> Word | None:
    """The "to" after an "according", when `word` begins "according to"."""
    if word.text.lower() != "according" or word.index + 1 >= len(sentence.words):
        return None
    following = sentence.words[word.index + 1]
    return following if following.text.lower() == "to" else None


def _distance(word: Word, span: Span) -> int:
    if word.start >= span.end:
        return word.start - span.end
    if word.end <= span.start:
        return span.start - word.end
    return 0


# Relations by which a cue governs what it reports; a quote reached through an adverbial
# ("In an interview on "Face the Nation," she said") is not the cue's content.
_CONTENT_RELATIONS = frozenset(
    {"ccomp", "xcomp", "parataxis", "obj", "dep", "conj", "advcl", "csubj", "discourse", "list"}
)


def _linked(sentence: Sentence, cue: Word, quote: Span) -> bool:
    """Whether the parse connects the cue and the quote: the cue hangs on a quoted word, or a
    quoted word lies under the cue through a content relation (an oblique only after the cue:
    "warned of "chaos"", not "In an interview on "Face the Nation," she said")."""
    if cue.head >= 0 and quote.contains(sentence.words[cue.head].span):
        # Not a cue with a clause of its own after the quote: `"...," though she noted she has
        # also pushed for ...` reports that clause.
        return not _reports_own_clause(sentence, cue, quote)
    for word in sentence.words:
        if not quote.contains(word.span) or word.upos == "PUNCT":
            continue
        chain = [word, *sentence.ancestors(word.index)]
        child = next((w for w in chain if w.head == cue.index), None)
        if child is None:
            continue
        relation = child.deprel.split(":")[0]
        if relation in _CONTENT_RELATIONS or (relation == "obl" and child.start > cue.start):
            return True
        if child.start > cue.start and any(_that_clause(sentence, w) for w in chain):
            return True  # `told reporters in New Delhi that the arrests were "illegal"`
    return False


def _that_clause(sentence: Sentence, word: Word) -> bool:
    """A clause the parser hung on a noun, opened by the conjunction "that": a complement."""
    return word.deprel.startswith("acl") and any(
        c.deprel == "mark" and c.text.lower() == "that" for c in sentence.children(word.index)
    )


def _reports_own_clause(sentence: Sentence, cue: Word, quote: Span) -> bool:
    """The cue has a complement clause, with a subject of its own, outside the quote; or it
    heads a clause of time or cause (`"...," when Clinton blasted him for ...`)."""
    if cue.deprel == "advcl" and any(
        c.deprel in ("mark", "advmod") and c.text.lower() in _CIRCUMSTANCE_MARKS
        for c in sentence.children(cue.index)
    ):
        return True
    for child in sentence.children(cue.index):
        if child.deprel != "ccomp" or quote.contains(child.span):
            continue
        words = sentence.subtree(child.index)
        outside = all(not quote.contains(w.span) for w in words)
        if outside and any(c.deprel.startswith("nsubj") for c in sentence.children(child.index)):
            return True
    return False


# Conjunctions that open a clause of time or cause, not an attribution.
_CIRCUMSTANCE_MARKS = frozenset({"when", "after", "before", "while", "because", "since", "if"})

MAX_SOURCE_WORDS = 25


def _only_source_between(sentence: Sentence, cue: Word, quote: Span) -> bool:
    """`"...," Peter Wong, director of a survey at a harbour trust, said`: only the
    source (a name with its apposition, which may hold a relative clause; or a description,
    `one protester, a nursing student who ...,`) stands between the closing mark and the cue."""
    if cue.start < quote.end:
        return False
    between = [w for w in sentence.words if quote.end <= w.start and w.end <= cue.start]
    if not between or len(between) > MAX_SOURCE_WORDS:
        return False
    if between[0].upos not in ("PROPN", "DET", "NUM") and not _all_subject(sentence, cue, between):
        return False
    return all(
        w.upos not in ("VERB", "AUX") or w.deprel in ("amod", "acl", "acl:relcl") for w in between
    )


def _all_subject(sentence: Sentence, cue: Word, words: list[Word]) -> bool:
    """The words are the cue's subject and nothing else: `Port authority press officer Ana
    Kovac said`."""
    subjects = [c for c in sentence.children(cue.index) if c.deprel.startswith("nsubj")]
    inside = {w.index for subject in subjects for w in sentence.subtree(subject.index)}
    return all(w.index in inside or w.upos == "PUNCT" for w in words)


def _has_quote_between(layout: Layout, word: Word, quote: Span) -> bool:
    """True when another quotation stands between the cue and this quote."""
    low, high = (quote.end, word.start) if word.start >= quote.end else (word.end, quote.start)
    return any(
        other.span.start >= low and other.span.end <= high and other.span != quote
        for other in layout.quotes
    )


def _fragments_of_one_report(sentence: Sentence, cue: Word, quote: Span, layout: Layout) -> bool:
    """`said the plan was "reckless" and that the council had been "misled."`: the quotes
    between the cue and this one are fragments of the clause it reports, in its sentence, and
    the parse hangs all of them on it."""
    between = [
        other.span
        for other in layout.quotes
        if cue.end <= other.span.start and other.span.end <= quote.start
    ]
    return (
        bool(between)
        and quote.end <= sentence.end
        and _linked(sentence, cue, quote)
        and all(_linked(sentence, cue, other) for other in between)
    )


def _word_cue(
    sentence: Sentence, word: Word, span: Span, layout: Layout, lexicon: Lexicon
) -> tuple[tuple[int, int], CueMatch] | None:
    """`word` as a cue of the quote at `span`, with its rank (linked first, then nearest): a
    quoting verb or "according to" outside quotes, no other quote between, linked by the parse
    or beside the quote."""
    if layout.inside_quote(word) or _comparison(sentence, word):
        return None
    according = is_according(sentence, word)
    words_of = words_of_source(sentence, word)
    phrase_end = phrase_cue_end(sentence, word, lexicon)
    if words_of is not None:
        return _words_of_cue(sentence, word, span, layout)
    if (
        according is None
        and phrase_end is None
        and not is_quoting_cue(word, lexicon)
        and not _evaluates_quoted_words(sentence, word, span, lexicon)
    ):
        return None
    if _has_quote_between(layout, word, span) and not _fragments_of_one_report(
        sentence, word, span, layout
    ):
        return None
    introduces = according is None and _introduces(layout.doc.text, word, span)
    linked = according is None and (introduces or _linked(sentence, word, span))
    distance = _distance(word, span)
    if not linked and distance > ADJACENT_CHARS and not _only_source_between(sentence, word, span):
        return None
    kind = CueKind.VERB if according is None else CueKind.ACCORDING_TO
    match = CueMatch(
        kind, sentence, word, linked, last=according or phrase_end, introduces=introduces
    )
    return (0 if linked else 1, distance), match


def _words_of_cue(
    sentence: Sentence, word: Word, span: Span, layout: Layout
) -> tuple[tuple[int, int], CueMatch] | None:
    """`In the words of one diplomat, "..."`, `"...," in her words`: the phrase cues a quote of
    its sentence with no other quote between, nearest first."""
    if _has_quote_between(layout, word, span):
        return None
    return (1, _distance(word, span)), CueMatch(CueKind.WORDS_OF, sentence, word, False)


def _comparison(sentence: Sentence, word: Word) -> bool:
    """`rated 22% of claims as "true" compared to 11%`: "compared to" or "compared with" is a
    preposition there, no cue."""
    following = sentence.words[word.index + 1] if word.index + 1 < len(sentence.words) else None
    return (
        word.lemma.lower() == "compare"
        and word.text.lower() == "compared"
        and following is not None
        and following.text.lower() in ("to", "with")
    )


def _evaluates_quoted_words(sentence: Sentence, word: Word, span: Span, lexicon: Lexicon) -> bool:
    """`lauded Mr. Ruiz for building "a smarter, cleaner harbour."`: a verb of praise or
    blame whose own phrase holds the quoted words attributes them to its subject."""
    return (
        word.upos == "VERB"
        and lexicon.cue_group(word.lemma) == "evaluation"
        and _linked(sentence, word, span)
    )


def phrase_cue_end(sentence: Sentence, word: Word, lexicon: Lexicon) -> Word | None:
    """The second word of a two-word cue of the lexicon: the "it" of "as one aide put it"."""
    if word.upos != "VERB" or word.index + 1 >= len(sentence.words):
        return None
    following = sentence.words[word.index + 1]
    return following if lexicon.phrase_cue(word.lemma, following.text) else None


def _introduces(text: str, cue: Word, quote: Span) -> bool:
    """`Ruiz bragged, "That makes me lucky."`: the cue stands right before the opening mark,
    with only a comma or colon between, however the parser hung it."""
    return cue.end <= quote.start and text[cue.end : quote.start].strip() in (",", ":")


def direct_cue_candidates(quote: MarkedQuote, layout: Layout, lexicon: Lexicon) -> list[CueMatch]:
    """Every plausible cue of a quotation, best first: linked by the parse, then nearest.

    The caller takes the first whose speaker it can find: `Asked about the fire, Kovac said,
    "..."` links the quote to "Asked", which has no subject, while "said" has one."""
    span = quote.span
    indices = layout.sentences_overlapping(span)
    if not indices:
        return []
    aside = aside_cue(span, layout)
    if aside is not None:
        return [aside]
    following = indices[-1] + 1
    if (
        following < len(layout.sentences)
        and _starts_right_after(layout, span, following)
        and not _reports_its_own(layout.sentences[following], layout, lexicon)
    ):
        # `"Who would have guessed it?" Kovac said.`: the tokenizer ends the sentence at the
        # question mark inside the quote, so the trailing attribution is a sentence of its own.
        indices = [*indices, following]
    scored = [
        scored_match
        for index in indices
        for word in layout.sentences[index].words
        if (scored_match := _word_cue(layout.sentences[index], word, span, layout, lexicon))
        is not None
    ]
    if scored:
        scored.sort(key=lambda item: item[0])
        # The outermost reporting verb above each cue first; the cue itself after it, for when
        # the outer one has no speaker (`Asked about it, Kovac said, "..."` nests "said").
        candidates: list[CueMatch] = []
        for _, match in scored:
            for candidate in (_outermost(match, layout, lexicon), match):
                if candidate not in candidates:
                    candidates.append(candidate)
        # Last, a noun of speech before a colon, for when no verb has a speaker.
        noun = colon_noun_cue(indices[0], span, layout, lexicon)
        return candidates if noun is None else [*candidates, noun]
    for find in FALLBACK_CUES:
        fallback = find(indices[0], span, layout, lexicon)
        if fallback is not None:
            return [fallback]
    return []


DASHES = ("\u2014", "\u2013", "\u2015", "--")


def aside_cue(span: Span, layout: Layout) -> CueMatch | None:
    """`Ruiz — "We will not back down" — told the crowd ...`: a quotation set off by dashes
    right after a name is that person's aside, whatever verb the sentence has."""
    match = dash_cue(0, span, layout)
    if match is None or name_before_aside(match.sentence, match.word, layout) is None:
        return None
    return match


def dash_cue(
    first: int, span: Span, layout: Layout, lexicon: Lexicon | None = None
) -> CueMatch | None:
    """`"..." — Alma Ferris`: a dash right after the closing mark, before a name that signs the
    quote. Tried before `colon_cue`: the dash is on the quote's own line."""
    text = layout.doc.text
    position = span.end
    while position < len(text) and text[position] in " \t\u00a0":
        position += 1
    if not text.startswith(DASHES, position):
        return None
    for index in layout.sentences_overlapping(Span(position, position + 1)):
        sentence = layout.sentences[index]
        for word in sentence.words:
            if word.start <= position < word.end:
                return CueMatch(CueKind.DASH, sentence, word, linked=True)
    return None


def _reports_its_own(sentence: Sentence, layout: Layout, lexicon: Lexicon) -> bool:
    """The sentence's reporting verb has its own clause with a subject, or a quotation in its
    own complement (`Her oncologist says the odds are good`, `calls the shoot "exhausting"`):
    it reports that, not the quote before it."""
    for word in sentence.words:
        if word.head >= 0 or not is_quoting_cue(word, lexicon) or layout.inside_quote(word):
            continue  # the sentence's own reporting verb, not one in a clause of it
        for child in sentence.children(word.index):
            if child.start < word.start or _comma_between(sentence, word, child):
                continue  # `Ruiz declared, a line he likes to repeat ...`: an aside
            if child.deprel == "ccomp" and any(
                c.deprel.startswith("nsubj") for c in sentence.children(child.index)
            ):
                return True
            if child.deprel in ("xcomp", "obj") and any(
                layout.inside_quote(w) for w in sentence.subtree(child.index)
            ):
                return True
    return False


def _comma_between(sentence: Sentence, cue: Word, child: Word) -> bool:
    """A comma stands between the cue and the phrase: an aside or a relative clause the parser
    hung on the cue (`told Ana Kovac, who opened the door ...`)."""
    first = next((w for w in sentence.subtree(child.index) if w.upos != "PUNCT"), child)
    return any(w.text == "," for w in sentence.words[cue.index + 1 : first.index])


def _starts_right_after(layout: Layout, span: Span, index: int) -> bool:
    sentence = layout.sentences[index]
    gap = layout.doc.text[span.end : sentence.start]
    return (
        sentence.paragraph == layout.sentences[index - 1].paragraph
        and len(gap) <= 2
        and not gap.strip()
        and not layout.inside_quote(sentence.words[0])
    )


def _outermost(match: CueMatch, layout: Layout, lexicon: Lexicon) -> CueMatch:
    """`She said she recalls the aide being "confused"`: a cue inside another cue's clause is
    nested; the attribution belongs to the outermost reporting verb above it. Not a cue that
    introduces the quote itself with a verb of its own (`Kovac replied, "..."`), however the
    parser hung it; a participle (`while chanting, "..."`) still takes the clause above."""
    if match.kind is not CueKind.VERB or not match.linked:
        return match
    if match.introduces and not is_participle(match.word):
        return match
    sentence, chosen = match.sentence, match.word
    for ancestor in sentence.ancestors(chosen.index):
        if layout.inside_quote(ancestor):
            break
        if is_quoting_cue(ancestor, lexicon) and (
            _clause_link(sentence, ancestor, chosen)
            or _addressee_clause_link(sentence, ancestor, chosen, lexicon)
        ):
            chosen = ancestor
    return match if chosen is match.word else CueMatch(CueKind.VERB, sentence, chosen, linked=True)


def _clause_link(sentence: Sentence, outer: Word, inner: Word) -> bool:
    """True when `inner` sits in a complement clause of `outer` (not in a conjoined verb, nor
    in a contrasting clause the parser conjoined into the complement: `X told lawmakers the
    gap would narrow, while Y called the plan "..."` is Y's)."""
    current = inner
    while current.head >= 0 and current.head != outer.index:
        head = sentence.words[current.head]
        if current.deprel == "conj" and (
            any(
                c.deprel == "mark" and c.text.lower() in _CONTRASTING
                for c in sentence.children(current.index)
            )
            or past_beside_modal(sentence, head, current)
        ):
            return False
        current = head
    return current.head == outer.index and current.deprel in ("ccomp", "xcomp")


def _addressee_clause_link(sentence: Sentence, outer: Word, inner: Word, lexicon: Lexicon) -> bool:
    """`told a reporter who asked about the deadline that "..."`, with the "that" clause hung
    inside the relative clause on the addressee: "told" has no clause of its own, so the
    clause the relative's verb seems to report is what was told."""
    if outer.lemma.lower() not in lexicon.recipient_cues or any(
        c.deprel in ("ccomp", "xcomp", "parataxis") for c in sentence.children(outer.index)
    ):
        return False
    path = [inner, *sentence.ancestors(inner.index)]
    for below, word in itertools.pairwise(path):
        if word is outer:
            return False
        if below.deprel == "acl:relcl" and word.deprel in ("obj", "iobj"):
            return word.head == outer.index
    return False


# Conjunctions that open a clause of the writer's own beside a report: "while", "whereas".
_CONTRASTING = frozenset({"while", "whereas", "although", "though"})


def colon_cue(first: int, span: Span, layout: Layout, lexicon: Lexicon) -> CueMatch | None:
    """`Kovac added:` ending the sentence (or paragraph) before the quote; the last resort."""
    sentence = layout.sentences[first]
    before = [w for w in sentence.words if w.end <= span.start and w.upos != "PUNCT"]
    colon_sentence = sentence
    if not before and first > 0:
        colon_sentence = layout.sentences[first - 1]
        before = [w for w in colon_sentence.words if w.upos != "PUNCT"]
    if not before or ":" not in layout.doc.text[before[-1].end : span.start]:
        return None
    candidates = before
    for word in reversed(candidates):
        if is_quoting_cue(word, lexicon) and not layout.inside_quote(word):
            return CueMatch(CueKind.COLON, colon_sentence, word, linked=True)
    return None


def colon_noun_cue(first: int, span: Span, layout: Layout, lexicon: Lexicon) -> CueMatch | None:
    """`The mayor is trying out a new slogan: "It's about the port."`, `His answer was blunt:
    "No."`: a noun of speech (`nouns.txt`) right before the colon that introduces the quote;
    its owner speaks: the possessor, or the subject of the verb it is the object of."""
    sentence = layout.sentences[first]
    before = [w for w in sentence.words if w.end <= span.start and w.upos != "PUNCT"]
    if not before or layout.doc.text[before[-1].end : span.start].strip() not in (":", ':"'):
        return None
    noun = next(
        (w for w in reversed(before[-3:]) if w.lemma.lower() in lexicon.reporting_nouns), None
    )
    if noun is None or layout.inside_quote(noun):
        return None
    owner = _owner_of(sentence, noun)
    if owner is None:
        return None
    source = SpeakerHead(sentence, owner, Rule.COLON)
    return CueMatch(CueKind.SOURCE, sentence, noun, linked=True, source=source)


def _owner_of(sentence: Sentence, noun: Word) -> Word | None:
    """Whose a noun of speech is: `his message`, `Obama rolled out a message`, `The message
    of the mayor was`."""
    children = sentence.children(noun.index)
    possessor = next((c for c in children if c.deprel == "nmod:poss"), None)
    if possessor is not None or noun.deprel != "obj" or noun.head < 0:
        return possessor
    return next((c for c in sentence.children(noun.head) if c.deprel.startswith("nsubj")), None)


def source_after_colon(first: int, span: Span, layout: Layout, lexicon: Lexicon) -> CueMatch | None:
    """`'It's a disgrace': Fans react to ticket price rise` (a headline): a quotation opening
    its paragraph, then a colon, then a clause: the subject of the clause's verb said it."""
    text = layout.doc.text
    paragraph = next((p for p in layout.doc.paragraphs if p.start <= span.start < p.end), None)
    if paragraph is None or text[paragraph.start : span.start].strip():
        return None
    colon_at = span.end
    while colon_at < paragraph.end and text[colon_at] in " \t":
        colon_at += 1
    if not text.startswith(":", colon_at):
        return None
    said = lexicon.reporting_nouns | lexicon.artefacts
    # The tokenizer may end a sentence at the colon: the clause is then the next one.
    for index in layout.sentences_overlapping(Span(colon_at, paragraph.end)):
        sentence = layout.sentences[index]
        verb = next((w for w in sentence.words if w.start > colon_at and w.upos == "VERB"), None)
        subject = verb and next(
            (
                c
                for c in sentence.children(verb.index)
                if c.base_deprel == "nsubj"
                and c.start > colon_at
                and c.upos in ("NOUN", "PROPN")
                # `"...": Those words from the mayor came ...`: no speaker of its own
                and c.lemma.lower() not in said
            ),
            None,
        )
        if verb is not None and subject is not None and not layout.inside_quote(subject):
            source = SpeakerHead(sentence, subject, Rule.SOURCE_AFTER_COLON)
            return CueMatch(CueKind.SOURCE, sentence, verb, linked=True, source=source)
    return None


# Cues found on the surface when no reporting verb is in or beside the quote, in this order.
FALLBACK_CUES: tuple[Callable[[int, Span, Layout, Lexicon], CueMatch | None], ...] = (
    dash_cue,
    colon_cue,
    colon_noun_cue,
    source_after_colon,
)


def uncued_quote_kind(quote: MarkedQuote, layout: Layout) -> QuoteKind:
    """With no cue: PARTIAL when words of its sentence come before the opening mark."""
    span = quote.span
    sentence = layout.sentences[layout.sentence_index_at(span.start)]
    lead = [w for w in sentence.words if w.end <= span.start and w.upos != "PUNCT"]
    return QuoteKind.PARTIAL if lead else QuoteKind.DIRECT


def _introduced_kind(match: CueMatch, quote: MarkedQuote, layout: Layout) -> QuoteKind:
    """A cue that introduces the quote whole ("according to X", a colon, a dash): DIRECT."""
    return QuoteKind.DIRECT


def _that_clauses(sentence: Sentence, phrase: Word) -> list[Word]:
    """The words of the clauses opened by "that" that hang on `phrase` or a noun inside it
    (`wrote in a note to the harbour master that ...`, the clause on "master")."""
    return [
        w
        for node in sentence.subtree(phrase.index)
        for clause in sentence.children(node.index)
        if clause.deprel.startswith("acl")
        and any(c.text.lower() == "that" for c in sentence.children(clause.index))
        for w in sentence.subtree(clause.index)
    ]


def clause_kind(match: CueMatch, quote: MarkedQuote, layout: Layout) -> QuoteKind:
    """DIRECT when the marks hold the whole reported content, PARTIAL when they sit in a clause.

    The test is what stands between the cue and the opening mark: content words there ("Kovac
    said the delay was "a betrayal"") make the quote partial; the speaker, the recipient
    ("told reporters"), adverbials and punctuation do not.
    """
    span = quote.span
    if layout.doc.text[: span.start].rstrip().endswith((":", ",")):
        return QuoteKind.DIRECT  # introduced ("told reporters: "..."), not embedded in a clause
    sentence, cue = match.sentence, match.word
    excused: set[int] = {cue.index}
    for child in sentence.children(cue.index):
        if child.deprel.split(":")[0] in ("nsubj", "iobj", "obl", "advmod", "aux", "punct"):
            excused.update(w.index for w in sentence.subtree(child.index))
            # `said in a statement that the offer was "fair"`: a that-clause the parser hung on
            # the oblique is the content, not part of the adverbial.
            excused.difference_update(w.index for w in _that_clauses(sentence, child))
    low, high = (cue.end, span.start) if cue.end <= span.start else (span.end, cue.start)
    between = [
        w
        for w in sentence.words
        if w.start >= low
        and w.end <= high
        and w.index not in excused
        and w.upos != "PUNCT"
        and w.deprel != "mark"
        and not layout.inside_quote(w)
    ]
    if cue.end > span.start:
        return QuoteKind.PARTIAL if _clause_before(sentence, span, layout) else QuoteKind.DIRECT
    if between or _clause_goes_on(sentence, cue, span, layout):
        return QuoteKind.PARTIAL
    return QuoteKind.DIRECT


def _clause_before(sentence: Sentence, span: Span, layout: Layout) -> bool:
    """`The ruling was "a victory for common sense," said Sarah Ellis`: the marks close a
    clause that began before them, with a subject and verb of its own there."""
    before = [
        w
        for w in sentence.words
        if w.end <= span.start and w.upos != "PUNCT" and not layout.inside_quote(w)
    ]
    return any(w.base_deprel == "nsubj" for w in before) and any(
        w.upos in ("VERB", "AUX") for w in before
    )


def _clause_goes_on(sentence: Sentence, cue: Word, span: Span, layout: Layout) -> bool:
    """`said that "a pipe" had burst`: the reported clause continues after the marks."""
    after = next((w for w in sentence.words if w.start >= span.end and w.upos != "PUNCT"), None)
    if after is None or layout.inside_quote(after) or after.index == cue.index:
        return False
    return any(a.index == cue.index for a in sentence.ancestors(after.index)) and not any(
        a.index == after.index for a in sentence.ancestors(cue.index)
    )


MAX_TITLE_WORDS = 6


def is_label(quote: MarkedQuote, layout: Layout, lexicon: Lexicon) -> bool:
    """A quoted phrase right after "so-called", "dubbed", "titled", "known as the": a label, not
    speech."""
    text = layout.doc.text
    preceding = [
        w.lower().strip(",") for w in text[max(0, quote.span.start - 30) : quote.span.start].split()
    ]
    while len(preceding) > 1 and preceding[-1] in _LABEL_LINKS:
        preceding.pop()
    return (bool(preceding) and preceding[-1] in lexicon.labels) or _nickname(quote, text)


_NICKNAME = re.compile(r"^.[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)?.$")


def _nickname(quote: MarkedQuote, text: str) -> bool:
    """`Jaylen "Jet" Morrissey`: one or two capitalised words quoted between the words of a
    name are a nickname, no speech."""
    before, after = text[: quote.span.start], text[quote.span.end :]
    return (
        _NICKNAME.match(text[quote.span.start : quote.span.end]) is not None
        and re.search(r"[A-Z][\w.'\u2019-]* $", before) is not None
        and re.match(r" [A-Z][\w'\u2019-]+", after) is not None
    )


# Words between a label word and its quoted phrase: `known as the "Buffett rule"`.
_LABEL_LINKS = frozenset({"as", "the", "a", "an"})


def is_stage_direction(quote: MarkedQuote, text: str) -> bool:
    """`"(CROSSTALK.)`, `"(APPLAUSE)"`: a transcript's note in parentheses, no one's words."""
    return stage_direction(text, quote.span.start, quote.span.end)


def is_title_of_work(quote: MarkedQuote, layout: Layout, lexicon: Lexicon) -> bool:
    """A short phrase in title case inside a sentence: `an interview on "Face the Nation"`.

    The caller keeps it when it is called out ("!" or "?"): a slogan can be quoted speech.
    """
    text = layout.doc.text
    if not text[: quote.span.start].strip() or text[: quote.span.start].rstrip()[-1:] in ".\n:":
        return False
    inner = re.findall(r"[^\W\d_][\w'\u2019-]*", text[quote.span.start : quote.span.end])
    content = [w for w in inner if w.lower() not in lexicon.minor_words]
    # `on "The Apprentice"`: a capitalised article opening it makes one content word enough.
    article = bool(inner) and inner[0] in ("The", "A", "An") and len(inner) > 1
    return (
        0 < len(inner) <= MAX_TITLE_WORDS
        and len(content) >= (1 if article else 2)
        and all(w[0].isupper() for w in content)
    )


def word_count(quote: MarkedQuote, layout: Layout) -> int:
    return sum(
        1
        for index in layout.sentences_overlapping(quote.span)
        for w in layout.sentences[index].words
        if quote.span.contains(w.span) and w.upos != "PUNCT"
    )


def _verb_speaker(match: CueMatch, site: CueSite) -> SpeakerHead | None:
    return speaker_at_cue(site)


def _according_speaker(match: CueMatch, site: CueSite) -> SpeakerHead | None:
    return according_to_source(match.sentence, match.word)


def _words_of_speaker(match: CueMatch, site: CueSite) -> SpeakerHead | None:
    return words_of_speaker(match.sentence, match.word)


def _dash_speaker(match: CueMatch, site: CueSite) -> SpeakerHead | None:
    return dash_signature(match.sentence, match.word, site.layout, site.lexicon)


def _named_source(match: CueMatch, site: CueSite) -> SpeakerHead | None:
    return match.source


def _verb_lemma(match: CueMatch) -> str:
    """The lexicon key of the cue: `say`, or `put_it` for a two-word cue."""
    lemma = match.word.lemma.lower()
    return phrase_key(lemma, match.last.text) if match.last is not None else lemma


def _group_confidence(match: CueMatch, lexicon: Lexicon) -> float:
    return lexicon.cue_confidence(_verb_lemma(match))


def _kind_confidence(match: CueMatch, lexicon: Lexicon) -> float:
    return confidence.CUE_KIND_BASE[match.kind]


@dataclass(frozen=True, slots=True)
class CueReading:
    """How one kind of cue reads its quotation: speaker, quote kind, cue lemma, confidence."""

    speaker: Callable[[CueMatch, CueSite], SpeakerHead | None]
    quote_kind: Callable[[CueMatch, MarkedQuote, Layout], QuoteKind]
    lemma: Callable[[CueMatch], str]
    confidence: Callable[[CueMatch, Lexicon], float]
    rule: Rule | None = None  # the quote's rule when the kind decides it, not the speaker's


CUE_READINGS: dict[CueKind, CueReading] = {
    CueKind.VERB: CueReading(_verb_speaker, clause_kind, _verb_lemma, _group_confidence),
    CueKind.ACCORDING_TO: CueReading(
        _according_speaker, _introduced_kind, lambda _: "according to", _kind_confidence
    ),
    CueKind.WORDS_OF: CueReading(
        _words_of_speaker, _introduced_kind, lambda _: "in the words of", _kind_confidence
    ),
    CueKind.DASH: CueReading(_dash_speaker, _introduced_kind, lambda _: "dash", _kind_confidence),
    CueKind.COLON: CueReading(
        _verb_speaker, _introduced_kind, _verb_lemma, _group_confidence, rule=Rule.COLON
    ),
    CueKind.SOURCE: CueReading(_named_source, clause_kind, _verb_lemma, _group_confidence),
}


def speaker_of(
    match: CueMatch, layout: Layout, lexicon: Lexicon, earlier: Sequence[SpeakerHead] = ()
) -> SpeakerHead | None:
    """The speaker a cue gives its quotation, read as its kind says."""
    site = CueSite(match.sentence, match.word, layout, lexicon, earlier)
    return CUE_READINGS[match.kind].speaker(match, site)


def cue_of(match: CueMatch, text: str) -> Cue:
    """The `Cue` a quote reports: the cue's words and lemma."""
    span = match.span
    return Cue(text[span.start : span.end], span, CUE_READINGS[match.kind].lemma(match))
