"""Quotation-mark pairing works on characters alone: no parser needed."""

from __future__ import annotations

import pytest

from quoteattr_server.engine import attribute
from quoteattr_server.engine.marks import find_quotes, is_transcript, stage_direction
from quoteattr_server.nlp.adapter import split_paragraphs

from .rulekit import LEXICON, parsed


def quoted(text: str) -> list[str]:
    return [text[q.span.start : q.span.end] for q in find_quotes(text, split_paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Straight marks," she said.', ['"Straight marks,"']),
        ("\u201cCurly marks,\u201d she said.", ["\u201cCurly marks,\u201d"]),
        (
            '\u201cCurly opened, straight closed," he said.',
            ['\u201cCurly opened, straight closed,"'],
        ),
        ('He called it "our plan\u201d today.', ['"our plan\u201d']),
        ("``Doubled backticks,'' she said.", ["``Doubled backticks,''"]),
        ('"One," he said, "two."', ['"One,"', '"two."']),
        ("It isn't the mayor's plan.", []),
    ],
)
def test_pairs_marks_of_every_style(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_quote_reopened_in_next_paragraph_continues_as_one_quote() -> None:
    text = '"First paragraph of the statement.\n"Second paragraph closes it," she said.'
    quotes = find_quotes(text, split_paragraphs(text))
    assert len(quotes) == 1
    assert quotes[0].closed
    assert len(quotes[0].pieces) == 2
    assert text[quotes[0].span.start : quotes[0].span.end].endswith('closes it,"')


def test_unclosed_quote_stops_at_its_paragraph_end() -> None:
    text = '"This quote never closes.\nThe next paragraph is narrative with "a quote" inside.'
    quotes = find_quotes(text, split_paragraphs(text))
    assert [text[q.span.start : q.span.end] for q in quotes] == [
        '"This quote never closes.',
        '"a quote"',
    ]
    assert not quotes[0].closed
    assert quotes[1].closed


def test_isolated_straight_mark_is_ignored() -> None:
    assert quoted('A stray " mark sits here.\nNothing else.') == []


def test_new_opening_mark_ends_an_unclosed_quote() -> None:
    text = "\u201cThe first never closes. \u201cThe second does,\u201d she said."
    assert quoted(text) == ["\u201cThe first never closes.", "\u201cThe second does,\u201d"]


def test_a_curly_quote_inside_an_open_one_nests_when_both_close() -> None:
    text = (
        "\u201cWe still believe in what she calls \u201cthe harbour spirit\u201d and it will"
        " carry us.\u201d \u2015 Ana Kovac"
    )
    assert quoted(text) == [text[: text.index(" \u2015")]]


def test_each_labelled_line_of_a_transcript_is_a_quote_of_its_own() -> None:
    # No mark closes a line: the next label's reopening mark would otherwise continue it.
    text = '"KOVAC: The bridge will close.\n\n"RUIZ: Nobody told us.\n\n"KOVAC: We did tell you.'
    assert quoted(text) == [
        '"KOVAC: The bridge will close.',
        '"RUIZ: Nobody told us.',
        '"KOVAC: We did tell you.',
    ]
    assert is_transcript(text, split_paragraphs(text))


def test_one_label_is_no_transcript() -> None:
    """A single capitalised word and a colon is a heading, not a speaker's label: the quote
    reopened in the next paragraph goes on."""
    text = '"WARNING: The bridge will close.\n\n"Residents should leave by noon."'
    assert not is_transcript(text, split_paragraphs(text))
    assert len(quoted(text)) == 1


def test_a_stage_direction_ends_a_transcript_line_and_is_no_quote() -> None:
    # `"KOVAC: ...` then `"(CROSSTALK.)` then `"RUIZ: ...`; and `known as the "harbour rule"`.
    result = attribute(parsed("label_and_stage_direction"), LEXICON)
    assert [q.text for q in result.quotes] == ["We will rebuild the bridge.", "Nobody asked us."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"(CROSSTALK.)', True),
        ('"(APPLAUSE)"', True),
        ('"(BEGIN VIDEO CLIP)', True),
        ('"We (the union) will win."', False),
        ('"(We will not go back to the old toll, whatever the council decides.)"', False),
    ],
)
def test_stage_direction(text: str, expected: bool) -> None:
    assert stage_direction(text, 0, len(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British copy quotes with single marks: read as quotes when no double mark is used.
        ("'I never wanted to leave,' the striker said.", ["'I never wanted to leave,'"]),
        ("\u2018This is the end,\u2019 said Ann Lee.", ["\u2018This is the end,\u2019"]),
        (
            "Mrs Patel said: 'We were treated like criminals.'",
            ["'We were treated like criminals.'"],
        ),
        # Apostrophes stay: elisions, possessives, a plural possessive before a noun.
        ("The workers' union said it won't back Patel's plan.", []),
        # A partial quote closed before a word, when the next quote opens.
        (
            "It called the deal 'a betrayal' and left. 'We don't accept it,' a spokesman said.",
            ["'a betrayal'", "'We don't accept it,'"],
        ),
        # With double marks in the article, single marks are quotes within quotes or apostrophes.
        ("\"He called it 'a betrayal',\" she said.", ["\"He called it 'a betrayal',\""]),
    ],
)
def test_single_marks_quote_when_the_article_has_no_double_marks(
    text: str, expected: list[str]
) -> None:
    assert quoted(text) == expected
