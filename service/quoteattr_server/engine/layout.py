"""engine.layout: where things sit in a parsed document — sentences, quotes, words by offset.

Every rule asks the same questions ("which sentence holds this offset?", "is this word inside
a quotation?"); answering them once here keeps the rules short and the walk over the parse single.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from quoteattr_server.engine.marks import MarkedQuote
from quoteattr_server.engine.types import ParsedDoc, Sentence, Span, Word


class Layout:
    def __init__(self, doc: ParsedDoc, quotes: Sequence[MarkedQuote]) -> None:
        self.doc = doc
        self.quotes = list(quotes)
        self._sentence_starts = [s.start for s in doc.sentences]
        self._quote_spans = sorted(piece for q in quotes for piece in q.pieces)
        self._quote_starts = [span.start for span in self._quote_spans]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.doc.sentences

    def text(self, span: Span) -> str:
        return self.doc.text[span.start : span.end]

    def sentence_index_at(self, offset: int) -> int:
        """Index of the last sentence starting at or before `offset` (0 when none does)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentences_overlapping(self, span: Span) -> list[int]:
        first = self.sentence_index_at(span.start)
        found = []
        for index in range(first, len(self.doc.sentences)):
            sentence = self.doc.sentences[index]
            if sentence.start >= span.end:
                break
            if sentence.span.overlaps(span):
                found.append(index)
        return found

    def quote_span_of(self, word: Word) -> Span | None:
        """The quote piece holding `word`, if any."""
        position = bisect.bisect_right(self._quote_starts, word.start) - 1
        if position >= 0 and self._quote_spans[position].end >= word.end:
            return self._quote_spans[position]
        return None

    def inside_quote(self, word: Word) -> bool:
        return self.quote_span_of(word) is not None


def span_of(words: Sequence[Word]) -> Span:
    return Span(min(w.start for w in words), max(w.end for w in words))


def trim_punct(words: Sequence[Word]) -> list[Word]:
    """Drop punctuation and subordinators ("that") at both ends of a word run; also a "that"
    opening it that the parser took for the object of its clause (`said in a statement that
    growth would recover`; "that" as a subject, `that is likely`, stays)."""
    items = list(words)
    while items and (
        items[0].upos == "PUNCT"
        or items[0].deprel == "mark"
        or (items[0].text.lower() == "that" and items[0].deprel == "obj" and len(items) > 1)
    ):
        items.pop(0)
    while items and items[-1].upos == "PUNCT" and not _closes_mark_inside(items):
        items.pop()
    return items


# Quotation marks as the tokenizer writes them, single ones too (`of 'perfect storm'`).
_MARK_TOKENS = frozenset({'"', "\u201c", "\u201d", "''", "``", "'", "\u2018", "\u2019"})


def _closes_mark_inside(items: Sequence[Word]) -> bool:
    """The run ends in a quotation mark that closes one opened inside it (`warn of 'perfect
    storm'`): the pair stays whole."""
    if items[-1].text not in _MARK_TOKENS:
        return False
    return sum(w.text in _MARK_TOKENS for w in items[:-1]) % 2 == 1
