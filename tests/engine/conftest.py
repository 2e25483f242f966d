"""The real Stanza parser on short invented sentences, for the end-to-end engine table (slow)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from quoteattr_server.engine import attribute, load_lexicon
from quoteattr_server.engine.types import AttributionResult, Quote, Speaker

Attributor = Callable[..., AttributionResult]


@pytest.fixture(scope="session")
def attribute_text(parser: Any) -> Attributor:
    lexicon = load_lexicon()

    def run(text: str, **options: Any) -> AttributionResult:
        return attribute(parser.parse(text), lexicon, **options)

    return run


def quote_containing(result: AttributionResult, fragment: str) -> Quote:
    matches = [q for q in result.quotes if fragment in q.text]
    assert matches, f"no quote contains {fragment!r}: {[q.text for q in result.quotes]}"
    return matches[0]


def speaker_of(result: AttributionResult, quote: Quote) -> Speaker:
    assert quote.speaker_id is not None, f"quote {quote.text!r} has no speaker"
    return next(s for s in result.speakers if s.id == quote.speaker_id)
