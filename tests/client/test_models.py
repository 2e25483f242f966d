"""The client's result types: what a person reads of a quote."""

from __future__ import annotations

from quoteattr_client import Quote, QuoteKind, Span


def _quote(text: str, start: int, pieces: tuple[Span, ...]) -> Quote:
    span = Span(start, start + len(text))
    return Quote(text, span, QuoteKind.DIRECT, None, None, None, 0.9, "subject of cue", pieces)


def test_a_quote_in_one_piece_reads_as_its_text() -> None:
    assert _quote('"We will rebuild."', 10, ()).words == '"We will rebuild."'


def test_a_broken_quote_reads_as_its_pieces_without_the_attribution() -> None:
    text = '"We will rebuild," she said, "but not this year."'
    first = Span(100, 100 + len('"We will rebuild,"'))
    second_start = 100 + text.index('"but')
    second = Span(second_start, 100 + len(text))
    quote = _quote(text, 100, (first, second))
    assert quote.words == '"We will rebuild," \u2026 "but not this year."'
