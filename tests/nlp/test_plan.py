"""What the parser is given: control characters replaced in place, long paragraphs cut into
pieces that bound every sentence, every offset still pointing into the text as sent."""

from __future__ import annotations

import itertools
import re

import pytest

from quoteattr_server.engine.types import Span
from quoteattr_server.nlp.adapter import (
    MAX_PIECE_TOKENS,
    clean_for_parser,
    plan,
    split_clitics,
    split_missed_sentence_ends,
    split_paragraphs,
    split_pieces,
)

TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str) -> int:
    return len(TOKEN.findall(text))


def test_controls_are_replaced_one_for_one() -> None:
    text = "A\x00B\x1b[1mC\x7fD\x85E\u2028F\x0cG\tH\r\nI\u0091J"

    clean = clean_for_parser(text)

    assert len(clean) == len(text)
    assert clean == "A B [1mC D\nE\nF\nG\tH\r\nI J"


def test_line_like_controls_break_paragraphs() -> None:
    layout = plan("Headline\x0bFirst paragraph.\u2029Second one.")

    assert [layout.clean[p.start : p.end] for p in layout.paragraphs] == [
        "Headline",
        "First paragraph.",
        "Second one.",
    ]


def test_a_normal_paragraph_is_one_piece() -> None:
    text = "The mayor spoke. " * 10
    [paragraph] = split_paragraphs(text)

    assert [piece.span for piece in split_pieces(text, [paragraph])] == [paragraph]


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["word"] * 10_000),  # a 10,000-word sentence without punctuation
        '"' * 5_000,  # thousands of quote marks in one run
        '" ' * 3_000,  # ... or spaced out
        "x" * 20_000,  # one giant word
        "Mr. Kovac spoke at length. " * 400,  # many short sentences
    ],
    ids=["no-punctuation", "mark-run", "spaced-marks", "giant-word", "sentences"],
)
def test_long_paragraphs_are_cut_into_bounded_pieces_covering_the_text(text: str) -> None:
    layout = plan(text)

    pieces = [text[p.span.start : p.span.end] for p in layout.pieces]
    # Bounded as the parser reads them (title stops hidden).
    read = [layout.clean[p.span.start : p.span.end] for p in layout.pieces]

    assert len(pieces) > 1
    assert all(tokens(piece) <= MAX_PIECE_TOKENS for piece in read)
    assert all(piece and piece == piece.strip() for piece in pieces)
    assert {p.paragraph for p in layout.pieces} == {0}
    # In order, without overlap, and nothing but whitespace left between them.
    ends = [Span(0, 0), *(p.span for p in layout.pieces), Span(len(text), len(text))]
    for before, after in itertools.pairwise(ends):
        assert before.end <= after.start
        assert not text[before.end : after.start].strip()


def test_pieces_end_at_a_sentence_end_not_after_an_abbreviation() -> None:
    sentence = "Mr. Kovac said the budget of the city would grow again next year. "
    text = sentence * 40

    layout = plan(text)

    for piece in layout.pieces[:-1]:
        assert text[piece.span.start : piece.span.end].endswith("next year.")


def test_wire_furniture_is_blanked_for_the_parser() -> None:
    text = (
        "By Jane Doe, Associated Press\nBRUSSELS (Reuters) - Ministers will meet, diplomats said."
    )

    layout = plan(text)

    assert len(layout.clean) == len(text)
    assert [text[p.start : p.end] for p in layout.paragraphs] == [
        "Ministers will meet, diplomats said."
    ]
    assert "BRUSSELS" not in layout.clean


def test_the_stop_of_a_title_before_a_name_is_hidden_from_the_parser() -> None:
    text = "Former Gov. Ed Rendell and Mrs. Lee met Sens. Ann Berg. It ended at 5 p.m. Then Rep."

    layout = plan(text)

    assert len(layout.clean) == len(text)
    assert layout.clean.startswith("Former Gov  Ed Rendell and Mrs  Lee met Sens  Ann Berg.")
    assert {text[i - 3 : i + 1] for i in layout.hidden_stops} == {"Gov.", "Mrs.", "ens."}
    # A stop with no name after it, or after a word that is no title, stays.
    assert layout.clean.endswith("at 5 p.m. Then Rep.")


def test_the_stop_of_an_initial_is_hidden_but_not_a_place_abbreviation() -> None:
    text = "Rep. G.K. Butterfield and John F. Kennedy flew to the U.S. The trip ended."

    layout = plan(text)

    assert (
        layout.clean == "Rep  G.K  Butterfield and John F  Kennedy flew to the U.S. The trip ended."
    )


def test_clitics_glued_to_their_word_are_split_off() -> None:
    tokens: list[list[str | tuple[str, bool]]] = [
        [("she\u2019s", True), "hasn\u2019t", "Apple's", "O'Neill's", "D'Souza", "can't"]
    ]

    expected: list[str | tuple[str, bool]] = ["she", "\u2019s", "has", "n\u2019t", "Apple", "'s"]
    expected += ["O'Neill", "'s", "D'Souza", "ca", "n't"]
    assert split_clitics(tokens) == [expected]


def test_its_flagged_as_a_multi_word_token_stays_one_word() -> None:
    # The tokenizer flags a sentence-opening "Its" as if it were "It's"; it is one word.
    tokens: list[list[str | tuple[str, bool]]] = [[("Its", True), "owner", ("its", True)]]
    assert split_clitics(tokens) == [["Its", "owner", "its"]]


def test_a_stop_of_its_own_before_a_capital_ends_the_sentence() -> None:
    tokens: list[list[str | tuple[str, bool]]] = [
        ["He", "told", "CNN", ".", "Maria", "Costa", "said", "so", "."]
    ]
    assert split_missed_sentence_ends(tokens) == [
        ["He", "told", "CNN", "."],
        ["Maria", "Costa", "said", "so", "."],
    ]


def test_spaced_stops_and_a_stop_before_a_number_do_not_end_the_sentence() -> None:
    tokens: list[list[str | tuple[str, bool]]] = [
        ["Wait", ".", ".", ".", "Then", "it", "fell", "on", "Jan", ".", "5", "."]
    ]
    assert split_missed_sentence_ends(tokens) == tokens
