"""The adapter keeps every offset pointing into the original article text."""

from __future__ import annotations

from typing import Any

import pytest

from quoteattr_server.engine.types import Span
from quoteattr_server.nlp.adapter import split_paragraphs
from quoteattr_server.nlp.pipeline import ModelLoadError, StanzaParser


def test_split_paragraphs_trims_and_skips_blank_lines() -> None:
    text = "  Headline without a stop\n\n\tFirst paragraph.\r\nSecond one.  \n   \n"
    spans = split_paragraphs(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Headline without a stop",
        "First paragraph.",
        "Second one.",
    ]


def test_single_newline_separates_paragraphs_for_the_parser(parser: Any) -> None:
    text = "Mayor Resigns\nThe mayor of the port city resigned on Monday."
    doc = parser.parse(text)
    assert [s.paragraph for s in doc.sentences] == [0, 1]
    assert doc.paragraphs == (Span(0, 13), Span(14, len(text)))


def test_word_offsets_slice_the_original_text(parser: Any) -> None:
    text = (
        "\u201cCaf\u00e9 owners won\u2019t wait,\u201d said Zo\u00eb Brandt.\n\n"
        "Kovac\u2019s plan didn't pass."
    )
    doc = parser.parse(text)
    words = [w for s in doc.sentences for w in s.words]
    assert words
    for word in words:
        assert text[word.start : word.end] == word.text
        assert 0 <= word.start < word.end <= len(text)
    assert {w.text for w in words} >= {"Zo\u00eb", "Brandt", "said"}


def test_heads_are_sentence_positions(parser: Any) -> None:
    doc = parser.parse("Kovac said the port would close.")
    sentence = doc.sentences[0]
    roots = [w for w in sentence.words if w.head == -1]
    assert len(roots) == 1
    assert all(-1 <= w.head < len(sentence.words) for w in sentence.words)
    said = next(w for w in sentence.words if w.text == "said")
    assert said.lemma == "say"


def test_parse_many_keeps_documents_apart(parser: Any) -> None:
    texts = ["First article.\nIts second paragraph.", "", "Second article here."]
    docs = parser.parse_many(texts)
    assert [d.text for d in docs] == texts
    assert len(docs[0].sentences) == 2
    assert docs[1].sentences == ()
    assert docs[2].sentences[0].words[0].text == "Second"


def test_missing_model_directory_is_a_clear_error(tmp_path: Any) -> None:
    with pytest.raises(ModelLoadError, match=r"resources\.json"):
        StanzaParser(tmp_path)


def test_a_title_stop_keeps_the_sentence_and_its_word(parser: Any) -> None:
    # The parser would end the sentence at "Gov." and lose the speaker of "said".
    text = "Former Pennsylvania Gov. Ed Rendell said the party would recover."
    doc = parser.parse(text)
    assert len(doc.sentences) == 1
    words = [w.text for w in doc.sentences[0].words]
    assert words[:4] == ["Former", "Pennsylvania", "Gov.", "Ed"]
    assert all(text[w.start : w.end] == w.text for w in doc.sentences[0].words)


def test_a_clitic_left_on_its_word_is_split_off(parser: Any) -> None:
    text = "Apple\u2019s chief said that she\u2019s thrilled and hasn\u2019t left."
    doc = parser.parse(text)
    words = [w.text for s in doc.sentences for w in s.words]
    assert words[:3] == ["Apple", "\u2019s", "chief"]
    assert {"she", "has", "n\u2019t"} <= set(words)
    assert all(text[w.start : w.end] == w.text for s in doc.sentences for w in s.words)


def test_a_stop_after_a_name_in_capitals_ends_the_sentence(parser: Any) -> None:
    # The tokenizer makes the stop a token but not a sentence end; Costa would become a
    # second subject of "told" and "said" would lose its speaker.
    text = '"We will appeal," the lawyer told CNN. Maria Costa said the ruling was unjust.'
    doc = parser.parse(text)
    assert [s.words[-1].text for s in doc.sentences] == [".", "."]
    assert doc.sentences[1].words[0].text == "Maria"
    assert all(text[w.start : w.end] == w.text for s in doc.sentences for w in s.words)
