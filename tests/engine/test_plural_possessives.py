"""A plural possessive the parser read as a word of its own: on a Stanza parse of invented text."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.plural_possessives import (
    plural_possessives_joined,
    sentences_rejoined_at_possessives,
)
from quoteattr_server.engine.types import Word

from .rulekit import LEXICON, parsed, quote_containing, speaker_of


def _word(words: tuple[Word, ...], text: str) -> Word:
    return next(w for w in words if w.text == text)


def test_a_possessor_read_as_a_second_subject_becomes_the_possessor() -> None:
    doc = parsed("plural_possessive")
    words = doc.sentences[0].words
    teachers, unions = _word(words, "Teachers"), _word(words, "unions")
    assert (teachers.deprel, unions.deprel) == ("nsubj", "nsubj")  # as parsed
    mended = plural_possessives_joined(doc).sentences[0].words
    assert (mended[teachers.index].head, mended[teachers.index].deprel) == (
        unions.index,
        "nmod:poss",
    )
    assert mended[teachers.index + 1].deprel == "case"
    assert mended[unions.index] == unions


def test_a_name_under_the_possessor_takes_its_place() -> None:
    # `Harbour News' Dana Reyes told ...`: parsed with the reporter's name as a part of the
    # network's; the name becomes the subject and the network its possessor.
    doc = parsed("plural_possessive")
    words = doc.sentences[1].words
    news, dana, told = _word(words, "News"), _word(words, "Dana"), _word(words, "told")
    assert (news.head, news.deprel, dana.head) == (told.index, "nsubj", news.index)  # as parsed
    mended = plural_possessives_joined(doc).sentences[1].words
    assert (mended[dana.index].head, mended[dana.index].deprel) == (told.index, "nsubj")
    assert (mended[news.index].head, mended[news.index].deprel) == (dana.index, "nmod:poss")


def test_the_mark_closing_a_single_quoted_word_is_no_possessive() -> None:
    doc = parsed("plural_possessive")
    assert plural_possessives_joined(doc).sentences[2] is doc.sentences[2]


def test_the_possessive_phrase_speaks_whole() -> None:
    result = attribute(parsed("plural_possessive"), LEXICON)
    names = [
        speaker.name if speaker else None
        for speaker in (
            speaker_of(result, quote_containing(result, "drive staff away")),
            speaker_of(result, quote_containing(result, "the ferry had sunk")),
        )
    ]
    assert names == ["Teachers' unions", "Dana Reyes"]


def test_a_sentence_cut_at_a_plural_possessive_is_rejoined() -> None:
    # `Critics, including the Harbour Residents' | Association, say ...`: the splitter took the
    # apostrophe for a closing mark. One sentence again: "Association" stands where "Residents"
    # stood (with its preposition and article), "Residents" is its possessor, and "Critics"
    # takes the subject's place, so the critics say it and the spokesman speaks whole.
    doc = parsed("sentence_cut_at_plural_possessive")
    assert len(doc.sentences) == 4
    joined = sentences_rejoined_at_possessives(doc)
    assert [s.words[0].text for s in joined.sentences] == ["Critics", "A"]
    words = joined.sentences[0].words
    critics, say = _word(words, "Critics"), _word(words, "say")
    residents, association = _word(words, "Residents"), _word(words, "Association")
    assert (critics.head, critics.deprel) == (say.index, "nsubj")
    assert (association.head, association.deprel) == (critics.index, "nmod")
    assert (residents.head, residents.deprel) == (association.index, "nmod:poss")
    assert {w.text for w in words if w.head == association.index and w.deprel != "punct"} >= {
        "including",
        "the",
        "Residents",
    }
    result = attribute(doc, LEXICON)
    names = [speaker.name for q in result.quotes if (speaker := speaker_of(result, q))]
    assert names == ["Critics", "A spokesman for the Prison Officers' Association"]
