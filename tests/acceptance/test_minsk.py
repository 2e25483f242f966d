"""Acceptance: every direct quote of the Minsk article, through the gRPC API, with the right
speaker (canonical name) and role.

The article and its gold annotations are read at run time from
`../shared/eval/minsk-tractor-plant.jsonl` (or `$QUOTEATTR_EVAL/minsk-tractor-plant.jsonl`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from quoteattr_client import AttributionResult, QuoteAttributionClient, QuoteKind

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = Path(os.environ.get("QUOTEATTR_EVAL", REPO_ROOT.parent / "shared" / "eval"))
ARTICLE = EVAL_DIR / "minsk-tractor-plant.jsonl"


def _load() -> dict[str, Any]:
    if not ARTICLE.is_file():
        pytest.fail(f"evaluation file missing: {ARTICLE}")
    document: dict[str, Any] = json.loads(ARTICLE.read_text(encoding="utf-8").splitlines()[0])
    return document


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return _load()


@pytest.fixture(scope="module")
def predicted(server_address: str, gold: dict[str, Any]) -> AttributionResult:
    with QuoteAttributionClient(server_address, timeout=60) as client:
        return client.attribute(gold["text"], document_id=gold["id"])


def _direct_quotes() -> list[dict[str, Any]]:
    return [q for q in _load()["quotes"] if q["kind"] == "direct"]


def test_the_article_has_five_direct_quotes(gold: dict[str, Any]) -> None:
    """Guards the test itself: a changed gold file must not pass with fewer cases."""
    assert len([q for q in gold["quotes"] if q["kind"] == "direct"]) == 5


@pytest.mark.parametrize(
    "expected", _direct_quotes() if ARTICLE.is_file() else [], ids=lambda q: q["text"][:40]
)
def test_direct_quote_has_its_speaker_and_role(
    predicted: AttributionResult, gold: dict[str, Any], expected: dict[str, Any]
) -> None:
    matches = [
        q
        for q in predicted.quotes
        if (q.span.start, q.span.end) == (expected["start"], expected["end"])
        and q.kind in {QuoteKind.DIRECT, QuoteKind.PARTIAL}
    ]
    assert matches, f"no direct or partial quote at [{expected['start']}, {expected['end']})"
    [quote] = matches
    assert quote.text == gold["text"][expected["start"] : expected["end"]]
    speaker = predicted.speaker(quote)
    assert speaker is not None, "quote has no speaker"
    assert speaker.name == expected["speaker"]
    if "role" in expected:
        assert expected["role"] in [role.text for role in speaker.roles]


def _reported() -> list[dict[str, Any]]:
    return [q for q in _load()["quotes"] if q["kind"] == "indirect"]


@pytest.mark.parametrize(
    "expected", _reported() if ARTICLE.is_file() else [], ids=lambda q: q["text"][:40]
)
def test_reported_speech_is_found_with_its_speaker(
    predicted: AttributionResult, expected: dict[str, Any]
) -> None:
    """Matched as `make eval` matches: spans overlapping by half of the shorter one."""

    gold_start, gold_end = int(expected["start"]), int(expected["end"])

    def overlaps(start: int, end: int) -> bool:
        shorter = min(end - start, gold_end - gold_start)
        shared = min(end, gold_end) - max(start, gold_start)
        return shared * 2 >= shorter

    matches = [
        q
        for q in predicted.quotes
        if q.kind is QuoteKind.REPORTED and overlaps(q.span.start, q.span.end)
    ]
    assert matches, f"no reported speech over [{expected['start']}, {expected['end']})"
    speaker = predicted.speaker(matches[0])
    assert speaker is not None
    assert speaker.name == expected["speaker"]
