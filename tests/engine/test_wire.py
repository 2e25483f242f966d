"""Wire copy: datelines and credit lines are found on the text, and nothing else is."""

from __future__ import annotations

import pytest

from quoteattr_server.engine.types import Span
from quoteattr_server.engine.wire import blank_out, furniture_spans


def _furniture(paragraph: str) -> list[str]:
    return [
        paragraph[s.start : s.end] for s in furniture_spans(paragraph, [Span(0, len(paragraph))])
    ]


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        (
            "BRUSSELS (Reuters) - Ministers will meet on Friday, diplomats said.",
            "BRUSSELS (Reuters) -",
        ),
        ("LONDON, March 3 (AP) \u2014 Prices rose again.", "LONDON, March 3 (AP) \u2014"),
        ("WASHINGTON \u2014 The Senate voted late on Tuesday.", "WASHINGTON \u2014"),
        ("Washington (CNN) -- The president spoke on Monday.", "Washington (CNN) --"),
        (
            "NEW YORK, Jan. 5, 2026 (Bloomberg) \u2013 Shares fell.",
            "NEW YORK, Jan. 5, 2026 (Bloomberg) \u2013",
        ),
        ("KYIV, Ukraine \u2014 \u201cWe are ready,\u201d the mayor said.", "KYIV, Ukraine \u2014"),
    ],
)
def test_dateline_at_paragraph_start(paragraph: str, dateline: str) -> None:
    assert _furniture(paragraph) == [dateline]


@pytest.mark.parametrize(
    "paragraph",
    [
        "By Jane Doe, Associated Press",
        "By Jane Doe and John Roe",
        "(Reporting by Jane Doe; Editing by John Roe)",
    ],
)
def test_credit_line_is_a_whole_paragraph(paragraph: str) -> None:
    assert _furniture(paragraph) == [paragraph]


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO - the alliance - met on Friday.",
        "The mayor said - twice - that the bridge would close.",
        "By the end of the week, the mayor said, the bridge would close.",
        "US-China talks resumed on Friday.",
        "Kovac said the plan was reckless.",
        "FBI \u2014 and the police \u2014 said nothing.",
    ],
)
def test_ordinary_sentences_are_not_furniture(paragraph: str) -> None:
    assert _furniture(paragraph) == []


def test_blank_out_keeps_offsets() -> None:
    text = "PARIS (AFP) - Talks resumed."
    spans = furniture_spans(text, [Span(0, len(text))])
    blanked = blank_out(text, spans)
    assert len(blanked) == len(text)
    assert blanked.strip() == "Talks resumed."
    assert blanked.index("Talks") == text.index("Talks")
