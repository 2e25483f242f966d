"""Properties of the engine on generated text, parsed by the real parser.

Whatever the text, `attribute` must not raise; every span it returns must lie inside the text
and slice out exactly the text it reports; and direct quotes must never overlap each other.
The text is built from pieces news copy is made of (names, titles, cues, clauses, quotation
marks of every style, line breaks) in random order, so that marks open without closing, nest,
and land mid-sentence. Example counts stay small: each example is a real Stanza parse.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr_server.engine import Lexicon, attribute
from quoteattr_server.engine.types import AttributionResult, QuoteKind, Span
from quoteattr_server.nlp.pipeline import StanzaParser

PIECES = [
    "Mayor Ana Kovac",
    "Tomas Brandt",
    "the minister",
    "officials",
    "she",
    "he",
    "said",
    "told reporters",
    "according to",
    "added",
    "warned that",
    "the bridge will close in May",
    "prices will rise",
    "we will appeal the ruling",
    "on Friday",
    "in a statement",
    ",",
    ".",
    ":",
    "\u2014",
    "?",
]
MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "``", "''", "\u00ab", "\u00bb"]
BREAKS = ["\n", "\n\n", " "]

texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(MARKS), st.sampled_from(BREAKS)),
    min_size=1,
    max_size=30,
).map(" ".join)

SETTINGS = settings(
    max_examples=40,
    deadline=None,  # a parse takes what it takes; speed is the bench's business
    database=None,  # nothing written into the checkout
    derandomize=True,  # the same examples on every run, so a failure reproduces
    suppress_health_check=[HealthCheck.too_slow],
)


def spans(result: AttributionResult) -> list[tuple[Span, str]]:
    """Every span of the result, with the text the result claims it holds."""
    found: list[tuple[Span, str]] = []
    for quote in result.quotes:
        found.append((quote.span, quote.text))
        found.extend((piece, "") for piece in quote.pieces)
        if quote.cue is not None:
            found.append((quote.cue.span, quote.cue.text))
        if quote.mention is not None:
            found.append((quote.mention.span, quote.mention.text))
    for speaker in result.speakers:
        found.extend((item.span, item.text) for item in (*speaker.roles, *speaker.mentions))
    return found


@SETTINGS
@given(text=texts)
def test_attribute_keeps_its_promises_on_any_text(
    parser: StanzaParser, lexicon: Lexicon, text: str
) -> None:
    result = attribute(parser.parse(text), lexicon)  # no exception, whatever the text

    for span, claimed in spans(result):
        assert 0 <= span.start <= span.end <= len(text), (span, text)
        if claimed:
            assert text[span.start : span.end] == claimed, (span, claimed, text)
    for quote in result.quotes:
        assert all(quote.span.contains(piece) for piece in quote.pieces), (quote, text)
    direct = [q.span for q in result.quotes if q.kind is QuoteKind.DIRECT]
    for one, other in itertools.combinations(direct, 2):
        assert not one.overlaps(other), (one, other, text)
