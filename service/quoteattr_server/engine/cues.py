"""engine.cues: the reporting word that attributes a quotation.

A cue is a lexicon verb outside every quotation, in a sentence the quote touches (or the colon
sentence just before it), preferably linked to the quote by the parse: the quote's head hangs on
the cue (`ccomp`, either side), the cue hangs on the quote's verb (`parataxis`), or the cue governs
a clause holding the quote (partial quotes). The small CPU parser misattaches often, so when no
link exists the nearest cue right beside the quote still counts, with lower confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quoteattr_server.engine.layout import Layout
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.marks import MarkedQuote
from quoteattr_server.engine.types import QuoteKind, Sentence, Span, Word

# How far (in characters) an unlinked cue may sit from the quote it attributes.
ADJACENT_CHARS = 40


@dataclass(frozen=True, slots=True)
class CueMatch:
    sentence: Sentence
    word: Word
    linked: bool
    via_colon: bool = False
    according_to: Word | None = None  # the "to" of "according to", when that is the cue
    dash: bool = False  # a dash signature: `"..." — Name`
    source: Word | None = None  # a source the construction names ("In a poll", "Name:")
    source_rule: str = ""


def is_verb_cue(word: Word, lexicon: Lexicon) -> bool:
    return word.upos == "VERB" and lexicon.is_cue(word.lemma)


def is_quoting_cue(word: Word, lexicon: Lexicon) -> bool:
    return word.upos == "VERB" and lexicon.introduces_quotes(word.lemma)


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
        return True
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
    return False


MAX_SOURCE_WORDS = 25


def _only_source_between(sentence: Sentence, cue: Word, quote: Span) -> bool:
    """`"...," Fred Kagan, director of a research project at a think tank, said`: only the
    source (a name with its apposition) stands between the closing mark and the cue."""
    if cue.start < quote.end:
        return False
    between = [w for w in sentence.words if quote.end <= w.start and w.end <= cue.start]
    if not between or len(between) > MAX_SOURCE_WORDS or between[0].upos not in ("PROPN", "DET"):
        return False
    return all(w.upos not in ("VERB", "AUX") or w.deprel in ("amod", "acl") for w in between)


def _has_quote_between(layout: Layout, word: Word, quote: Span) -> bool:
    """True when another quotation stands between the cue and this quote."""
    low, high = (quote.end, word.start) if word.start >= quote.end else (word.end, quote.start)
    return any(
        other.span.start >= low and other.span.end <= high and other.span != quote
        for other in layout.quotes
    )


def find_direct_cue(quote: MarkedQuote, layout: Layout, lexicon: Lexicon) -> CueMatch | None:
    """The cue of a quotation, or None when nothing in or beside its sentences reports it."""
    candidates = direct_cue_candidates(quote, layout, lexicon)
    return candidates[0] if candidates else None


def direct_cue_candidates(quote: MarkedQuote, layout: Layout, lexicon: Lexicon) -> list[CueMatch]:
    """Every plausible cue of a quotation, best first: linked by the parse, then nearest.

    The caller takes the first whose speaker it can find: `Asked about the fire, Kovac said,
    "..."` links the quote to "Asked", which has no subject, while "said" has one."""
    span = quote.span
    indices = layout.sentences_overlapping(span)
    if not indices:
        return []
    following = indices[-1] + 1
    if following < len(layout.sentences) and _starts_right_after(layout, span, following):
        # `"Who would have believed it?" Trump said.`: the tokenizer ends the sentence at the
        # question mark inside the quote, so the trailing attribution is a sentence of its own.
        indices = [*indices, following]
    scored: list[tuple[tuple[int, int], CueMatch]] = []
    for index in indices:
        sentence = layout.sentences[index]
        for word in sentence.words:
            if layout.inside_quote(word):
                continue
            according = is_according(sentence, word)
            if according is None and not is_quoting_cue(word, lexicon):
                continue
            if _has_quote_between(layout, word, span):
                continue
            linked = according is None and _linked(sentence, word, span)
            distance = _distance(word, span)
            if (
                not linked
                and distance > ADJACENT_CHARS
                and not _only_source_between(sentence, word, span)
            ):
                continue
            score = (0 if linked else 1, distance)
            scored.append((score, CueMatch(sentence, word, linked, according_to=according)))
    if scored:
        scored.sort(key=lambda item: item[0])
        return [_outermost(match, layout, lexicon) for _, match in scored]
    fallback = _dash_signature(span, layout) or _colon_introduction(
        indices[0], span, layout, lexicon
    )
    return [fallback] if fallback is not None else []


_DASHES = ("\u2014", "\u2013", "\u2015", "--")


def _dash_signature(span: Span, layout: Layout) -> CueMatch | None:
    """A dash right after the closing mark, before a name that signs the quote."""
    text = layout.doc.text
    position = span.end
    while position < len(text) and text[position] in " \t\u00a0":
        position += 1
    if not text.startswith(_DASHES, position):
        return None
    for index in layout.sentences_overlapping(Span(position, position + 1)):
        sentence = layout.sentences[index]
        for word in sentence.words:
            if word.start <= position < word.end:
                return CueMatch(sentence, word, linked=True, dash=True)
    return None


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
    nested; the attribution belongs to the outermost reporting verb above it."""
    if match.according_to is not None or not match.linked:
        return match
    sentence, chosen = match.sentence, match.word
    for ancestor in sentence.ancestors(chosen.index):
        if layout.inside_quote(ancestor):
            break
        if is_quoting_cue(ancestor, lexicon) and _clause_link(sentence, ancestor, chosen):
            chosen = ancestor
    return match if chosen is match.word else CueMatch(sentence, chosen, linked=True)


def _clause_link(sentence: Sentence, outer: Word, inner: Word) -> bool:
    """True when `inner` sits in a complement clause of `outer` (not in a conjoined verb)."""
    current = inner
    while current.head >= 0 and current.head != outer.index:
        current = sentence.words[current.head]
    return current.head == outer.index and current.deprel in ("ccomp", "xcomp")


def _colon_introduction(
    first: int, span: Span, layout: Layout, lexicon: Lexicon
) -> CueMatch | None:
    """`Kovac added:` ending the sentence (or paragraph) before the quote."""
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
            return CueMatch(colon_sentence, word, linked=True, via_colon=True)
    return None


def quote_kind(match: CueMatch | None, quote: MarkedQuote, layout: Layout) -> QuoteKind:
    """DIRECT when the marks hold the whole reported content, PARTIAL when they sit in a clause.

    The test is what stands between the cue and the opening mark: content words there ("Kovac
    said the delay was "a betrayal"") make the quote partial; the speaker, the recipient
    ("told reporters"), adverbials and punctuation do not.
    """
    span = quote.span
    if match is None or match.according_to is not None or match.via_colon or match.dash:
        sentence = layout.sentences[layout.sentence_index_at(span.start)]
        lead = [w for w in sentence.words if w.end <= span.start and w.upos != "PUNCT"]
        return QuoteKind.PARTIAL if lead and match is None else QuoteKind.DIRECT
    if layout.doc.text[: span.start].rstrip().endswith((":", ",")):
        return QuoteKind.DIRECT  # introduced ("told reporters: "..."), not embedded in a clause
    sentence, cue = match.sentence, match.word
    excused: set[int] = {cue.index}
    for child in sentence.children(cue.index):
        if child.deprel.split(":")[0] in ("nsubj", "iobj", "obl", "advmod", "aux", "punct"):
            excused.update(w.index for w in sentence.subtree(child.index))
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
        return QuoteKind.DIRECT
    if between or _clause_goes_on(sentence, cue, span, layout):
        return QuoteKind.PARTIAL
    return QuoteKind.DIRECT


def _clause_goes_on(sentence: Sentence, cue: Word, span: Span, layout: Layout) -> bool:
    """`said that "a bomb" had gone off`: the reported clause continues after the marks."""
    after = next((w for w in sentence.words if w.start >= span.end and w.upos != "PUNCT"), None)
    if after is None or layout.inside_quote(after) or after.index == cue.index:
        return False
    return any(a.index == cue.index for a in sentence.ancestors(after.index)) and not any(
        a.index == after.index for a in sentence.ancestors(cue.index)
    )


MAX_TITLE_WORDS = 6


def is_label(quote: MarkedQuote, layout: Layout, lexicon: Lexicon) -> bool:
    """A quoted phrase right after "so-called", "dubbed", "titled": a label, not speech."""
    text = layout.doc.text
    preceding = text[max(0, quote.span.start - 30) : quote.span.start].split()
    return bool(preceding) and preceding[-1].lower().strip(",") in lexicon.labels


def is_title_of_work(quote: MarkedQuote, layout: Layout, lexicon: Lexicon) -> bool:
    """A short phrase in title case inside a sentence: `an interview on "Face the Nation"`.

    The caller keeps it when a cue governs it through the parse: a slogan can be quoted speech.
    """
    text = layout.doc.text
    if not text[: quote.span.start].strip() or text[: quote.span.start].rstrip()[-1:] in ".\n:":
        return False
    inner = re.findall(r"[^\W\d_][\w'\u2019-]*", text[quote.span.start : quote.span.end])
    content = [w for w in inner if w.lower() not in lexicon.minor_words]
    return (
        0 < len(inner) <= MAX_TITLE_WORDS
        and len(content) >= 2
        and all(w[0].isupper() for w in content)
    )


def word_count(quote: MarkedQuote, layout: Layout) -> int:
    return sum(
        1
        for index in layout.sentences_overlapping(quote.span)
        for w in layout.sentences[index].words
        if quote.span.contains(w.span) and w.upos != "PUNCT"
    )
