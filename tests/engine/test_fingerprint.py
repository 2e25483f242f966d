"""The quote fingerprint: equal for the same words however typeset, different for other words."""

from __future__ import annotations

import pytest

from quoteattr_server.engine.fingerprint import fingerprint, normalized_words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (['"We will not back down," '], ["\u201cWe will NOT back down.\u201d"]),
        (
            ["\u201cThe plant   stays open\u2014for now\u2026\u201d"],
            ['"the plant stays open - for now"'],
        ),
        (["\u201cDon\u2019t worry,"], ['"Dont worry!"']),
        (['"We are here', 'and we stay"'], ['"We are here \u2026 and we stay."']),
        (["\uff37e agree"], ["we agree"]),
    ],
)
def test_same_words_same_fingerprint(first: list[str], second: list[str]) -> None:
    assert fingerprint(first) == fingerprint(second)
    assert len(fingerprint(first)) == 16


def test_other_words_other_fingerprint() -> None:
    assert fingerprint(['"We will back down"']) != fingerprint(['"We will not back down"'])


def test_no_words_no_fingerprint() -> None:
    assert fingerprint(['"..."', "\u2014"]) == ""


def test_apostrophe_outside_a_word_is_a_break() -> None:
    assert normalized_words(["'tis the workers' plant"]) == "tis the workers plant"
