"""A name or title written with a hyphen is one word before any rule reads the parse."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.hyphens import (
    compounds_cut_at_hyphen,
    joined_hyphenated_names,
    name_compounds_as_modifiers,
    party_tags_set_aside,
)
from quoteattr_server.engine.types import Sentence

from .rulekit import LEXICON, parsed, quoted_by


def _texts(sentence: Sentence) -> list[str]:
    return [w.text for w in sentence.words]


def test_hyphenated_names_and_titles_become_one_word_with_a_sound_tree() -> None:
    doc = parsed("hyphenated_names")
    joined = joined_hyphenated_names(doc)
    words = [w.text for s in joined.sentences for w in s.words]
    for name in ("Jean-Pierre", "al-Amiri", "Al-Amiri", "Secretary-General", "US-China"):
        assert name in words
    assert "-" not in words
    for sentence in joined.sentences:
        assert [w.index for w in sentence.words] == list(range(len(sentence.words)))
        assert all(-1 <= w.head < len(sentence.words) and w.head != w.index for w in sentence.words)
        # Offsets and text stay as written.
        assert all(joined.text[w.start : w.end] == w.text for w in sentence.words)
    assert joined.text == doc.text


def test_lower_case_compounds_and_spaced_dashes_stay_apart() -> None:
    # `the 34-year-old pilot`, `ferries - and buses - ran`: no name, no joining.
    doc = parsed("described_by_age")
    joined = joined_hyphenated_names(doc)
    assert [_texts(s) for s in joined.sentences] == [_texts(s) for s in doc.sentences]


def test_a_hyphenated_given_name_keeps_the_whole_name_and_its_later_surname() -> None:
    result = attribute(parsed("hyphenated_names"), LEXICON)
    names = [s.name for s in result.speakers]
    by_name = {s.name: [r.text for r in s.roles] for s in result.speakers}
    assert by_name["Ana Moreira"] == ["U.N. Secretary-General"]
    # The later surname alone ("Dumont", "Al-Amiri") is the same speaker, not a second one.
    assert sorted(names) == [
        "Ana Moreira",
        "Hassan al-Amiri",
        "Jean-Pierre Dumont",
        "The Anglo-Dutch shipping line",
    ]


def test_a_name_written_family_name_first_is_called_by_its_first_word() -> None:
    # `Tanaka Hiroshi, the governor of the port bank, ... Tanaka said`; not for a place:
    # `Mexico City ... Mexico said` stays Mexico.
    result = attribute(parsed("family_name_first"), LEXICON)
    by_id = {s.id: s.name for s in result.speakers}
    assert [by_id.get(q.speaker_id or "") for q in result.quotes] == [
        "Kim Min-jun",
        "Kim Min-jun",
        "Tanaka Hiroshi",
        "Tanaka Hiroshi",
        "Officials in Mexico City",
        "Mexico",
    ]


def test_a_name_of_three_words_written_family_name_first_needs_no_title() -> None:
    # `Pak Chol Min said ... Pak added`: three words, none a body's, are a person's name; a
    # run with a word in capitals (`Ruiz Harbour USA`) is a body's, so "Ruiz" stays Ruiz.
    assert quoted_by("family_name_first_untitled") == [
        ("the missile test was a success", "Pak Chol Min"),
        ("more tests would follow", "Pak Chol Min"),
    ]
    assert quoted_by("family_name_first_of_a_body") == [
        ("the money would go to advertising", "Ruiz")
    ]


def test_a_name_of_two_words_written_family_name_first_as_a_subject_is_a_persons() -> None:
    # `Li Wenjun told the assembly ... Li said`: no title, role or gender, but the name is a
    # sentence's subject; "Li" was a second speaker.
    assert quoted_by("family_name_first_subject") == [
        ("the port would reopen", "Li Wenjun"),
        ("the delay was regrettable", "Li Wenjun"),
    ]


def test_a_surname_opened_by_a_particle_is_a_place_of_the_name_for_later_descriptions() -> None:
    # `Hassan bin Khalid al-Amiri said ... The harbour minister spoke ...`: the description
    # continues the topic the name (written from a lower-case particle) opened.
    result = attribute(parsed("particle_surname_description"), LEXICON)
    assert {s.name: [r.text for r in s.roles] for s in result.speakers} == {
        "Hassan bin Khalid al-Amiri": ["The harbour minister"]
    }


def test_a_party_tag_cut_after_its_letter_is_no_name() -> None:
    # `said state Rep. Carla Nunez, D-Albuquerque, who sponsored the bill`: the tokenizer cut
    # "D-" off the place and the parser made the tag a conjunct of the name, which then spoke.
    doc = party_tags_set_aside(parsed("party_tag_after_name"))
    (tag,) = [w for w in doc.sentences[0].words if w.text == "D-Albuquerque"]
    assert (tag.upos, tag.deprel) == ("X", "dep")
    result = attribute(parsed("party_tag_after_name"), LEXICON)
    assert [s.name for s in result.speakers] == ["Carla Nunez"]


def test_a_compound_cut_after_its_hyphen_modifies_the_noun() -> None:
    # `dismissed the so-called "reform" as cosmetic`: "so-" and "called" were two words, "so-"
    # the object; joined, "so-called" modifies "reform", the object again, and the content is
    # whole.
    doc = compounds_cut_at_hyphen(parsed("compound_cut_at_hyphen"))
    words = {w.text: w for w in doc.sentences[0].words}
    assert (words["so-called"].upos, words["so-called"].deprel) == ("ADJ", "amod")
    assert words["reform"].deprel == "obj"
    result = attribute(parsed("compound_cut_at_hyphen"), LEXICON)
    assert [q.text for q in result.quotes] == ['the so-called "reform" as cosmetic']


def test_a_name_glued_to_a_participle_modifies_the_noun_after_it() -> None:
    # `Nobel Prize-winning economist Lena Fischer said`, parsed with "Nobel" the subject and
    # "economist" its apposition: "Nobel Prize-winning" is one modifier of "economist", which
    # takes the subject's place, with the name under it; `Oscar-winning director Ana Costa`
    # keeps its modifier in the role.
    doc = name_compounds_as_modifiers(parsed("name_glued_to_participle"))
    words = {w.text: w for w in doc.sentences[0].words}
    modifier, economist = words["Nobel Prize-winning"], words["economist"]
    assert (modifier.upos, modifier.deprel, modifier.head) == ("ADJ", "amod", economist.index)
    assert economist.deprel == "nsubj"
    assert words["Lena"].head == economist.index
    result = attribute(parsed("name_glued_to_participle"), LEXICON)
    assert {s.name: [r.text for r in s.roles] for s in result.speakers} == {
        "Lena Fischer": ["Nobel Prize-winning economist"],
        "Ana Costa": ["Oscar-winning director"],
    }
