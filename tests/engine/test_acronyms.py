"""Abbreviations of organisations: what they stand for, read on Stanza parses of invented text."""

from __future__ import annotations

import pytest

from quoteattr_server.engine import attribute
from quoteattr_server.engine.acronyms import (
    acronyms_as_names,
    expansions,
    initials_of,
    letters_of,
    parenthesized,
    written_names,
)

from .rulekit import LEXICON, parsed, quote_containing, quoted_by, roles_by_name, speaker_of


@pytest.mark.parametrize(
    ("written", "letters"),
    [
        *(("S.E.C.", "SEC"), ("FAA", "FAA"), ("U.N.", "UN"), ("MoD", "MoD"), ("DfE", "DfE")),
        *(("Kovac", None), ("Mr.", None), ("McD", None), ("Mo", None)),
    ],
)
def test_letters_of_an_abbreviation(written: str, letters: str | None) -> None:
    assert letters_of(written) == letters


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Ports and Harbours Commission", "PHC"),
        ("Alliance to Save Our Ports", "ASOP"),
        ("Office of Harbour Safety", "OHS"),
        ("the harbour board", None),  # lower-case words other than links: no name
    ],
)
def test_initials_skip_the_links_of_a_name(name: str, initials: str | None) -> None:
    assert initials_of(name.split()) == initials


def test_parenthesized_abbreviation_takes_the_words_its_letters_spell() -> None:
    doc = parsed("abbreviated_organizations")
    found = [pair for sentence in doc.sentences for pair in parenthesized(sentence, doc.text)]
    # "The" before the name and "Members of the" before the alliance are no part of them.
    assert found == [
        ("FAA", "Federal Aviation Administration"),
        ("ASOP", "Alliance to Save Our Ports"),
    ]


def test_written_name_stands_for_an_abbreviation_used_after_it_only() -> None:
    written = [
        (10, "ABC"),
        (60, "Atlantic Boat Company"),
        (90, "Office of Harbour Safety"),
        (120, "OHS"),
    ]
    # "ABC" is used before the name with its initials is written: it is the name.
    assert expansions((), written, "") == {"OHS": "Office of Harbour Safety"}
    # Two names with the same initials: the letters stand for neither.
    assert expansions((), [(0, "Ana Bell Cole"), (5, "Atlantic Boat Company")], "") == {}


def test_speakers_abbreviated_after_the_full_name_go_by_it() -> None:
    result = attribute(parsed("abbreviated_organizations"), LEXICON)

    def named(fragment: str) -> tuple[str, str, str]:
        quote = quote_containing(result, fragment)
        speaker = speaker_of(result, quote)
        assert speaker is not None
        assert quote.mention is not None
        return speaker.name, speaker.kind.value, quote.mention.text

    assert named("inspections would take a week") == (
        "Federal Aviation Administration",
        "organization",
        "The FAA",
    )
    assert named("the pier was unsafe") == (
        "Office of Harbour Safety",
        "organization",
        "The O.H.S.",
    )
    assert named("the talks had failed") == ("Alliance to Save Our Ports", "organization", "ASOP")
    # Used before the article spells a name with its letters out: the abbreviation stays.
    assert named("the ferry was late")[0] == "ABC"


def test_capitalised_runs_stand_for_an_abbreviation_whatever_the_tags() -> None:
    # "Internal" an adjective, "Fisheries" a proper noun, "Service" a common noun: the run
    # of capitalised words is a name all the same.
    doc = parsed("abbreviation_of_run")
    runs = [name for sentence in doc.sentences for _, name in written_names(sentence, doc.text)]
    assert "Internal Fisheries Service" in runs
    assert expansions(doc.sentences, [], doc.text)["IFS"] == "Internal Fisheries Service"
    result = attribute(doc, LEXICON)
    speaker = speaker_of(result, quote_containing(result, "the audit would go on"))
    assert speaker is not None
    assert (speaker.name, speaker.kind.value) == ("Internal Fisheries Service", "organization")


def test_a_name_the_article_is_known_to_write_comes_before_other_runs() -> None:
    # Two runs share the initials; the one the parse reads as a name stands for the letters.
    runs = [(0, "Veterans Affairs"), (10, "Veterans of America"), (40, "VA")]
    assert expansions((), runs, "") == {}
    assert expansions((), [(0, "Veterans Affairs"), (40, "VA")], "") == {"VA": "Veterans Affairs"}


def test_an_abbreviation_tagged_as_a_pronoun_is_read_as_a_name() -> None:
    # `the WHO representative`: "WHO" a name modifying the role noun, which is an apposition
    # again, not a relative clause; "US" in `US officials` was a name already and stays.
    doc = acronyms_as_names(parsed("acronym_read_as_pronoun"))
    words = {w.text: w for w in doc.sentences[0].words}
    assert (words["WHO"].upos, words["WHO"].deprel) == ("PROPN", "compound")
    assert words["representative"].deprel == "appos"
    assert doc.sentences[1].words == parsed("acronym_read_as_pronoun").sentences[1].words


def test_an_abbreviation_read_as_a_pronoun_before_a_title_modifies_the_title() -> None:
    # `WHO Director-General Tedros Adhanom Ghebreyesus`, "WHO" tagged a relative pronoun with
    # the name under it (as subject, and as object of an inverted "said"): the name heads its
    # phrase, and "WHO" modifies the title, as "UN" does in `UN Secretary-General`. Before
    # this reading, "WHO" stood for "Geneva", the noun before its comma.
    doc = acronyms_as_names(parsed("acronym_before_title_and_name"))
    for sentence, role in zip(doc.sentences, ("nsubj", "obj"), strict=True):
        words = {w.text: w for w in sentence.words}
        assert (words["WHO"].upos, words["WHO"].deprel) == ("PROPN", "compound")
        assert sentence.words[words["WHO"].head].text == "Director"
        heads = [w for w in sentence.words if w.deprel == role and w.upos == "PROPN"]
        assert [w.text for w in heads] in (["Tedros"], ["Adhanom"])
    result = attribute(parsed("acronym_before_title_and_name"), LEXICON)
    (speaker,) = result.speakers
    assert [speaker_of(result, q) for q in result.quotes] == [speaker, speaker]
    assert speaker.name == "Tedros Adhanom Ghebreyesus"
    assert {r.text for r in speaker.roles} == {"WHO Director-General"}
    assert speaker.category.name == "OFFICIAL"


def test_an_abbreviation_before_a_title_tagged_an_adjective_modifies_it() -> None:
    # `said WHO chief Amara Nwosu`, parsed with "chief" an adjective, the clause of "said",
    # and "WHO" its relative subject: "WHO" modifies the title, which is a noun and the cue's
    # subject, so Nwosu speaks with the role `WHO chief` (the quote had no speaker).
    doc = acronyms_as_names(parsed("abbreviation_before_adjective_title"))
    words = {w.text: w for w in doc.sentences[0].words}
    assert (words["WHO"].upos, words["WHO"].deprel) == ("PROPN", "compound")
    assert roles_by_name(attribute(parsed("abbreviation_before_adjective_title"), LEXICON)) == {
        "Amara Nwosu": ["WHO chief"]
    }


def test_an_abbreviation_read_as_a_second_subject_modifies_the_noun_after_it() -> None:
    # `the WHO chief urged ...`, `the WHO director-general said ...`, parsed with "WHO" a
    # relative pronoun and a subject beside the noun: it modifies the noun, and the chief
    # speaks, not the organisation.
    doc = acronyms_as_names(parsed("abbreviation_beside_its_noun"))
    for sentence, head in zip(doc.sentences, ("chief", "general"), strict=True):
        words = {w.text: w for w in sentence.words}
        assert (words["WHO"].head, words["WHO"].deprel) == (words[head].index, "compound")
    assert [name for _, name in quoted_by("abbreviation_beside_its_noun")] == [
        "the WHO chief",
        "the WHO director-general",
    ]


def test_initials_with_links_keep_the_links_initials_in_lower_case() -> None:
    assert initials_of(["Ministry", "of", "Defence"], with_links=True) == "MoD"
    assert initials_of(["the", "Department", "for", "Education"], with_links=True) == "DfE"


def test_an_abbreviation_that_keeps_a_links_initial_stands_for_the_name() -> None:
    # `the Ministry of Defence ... The MoD added`, `The Department for Education (DfE)`, `the
    # Department of Justice ... The DOJ`: one speaker each, under its full name, and no role
    # that is the name itself.
    result = attribute(parsed("abbreviation_with_link_initials"), LEXICON)
    assert [(s.name, [r.text for r in s.roles]) for s in result.speakers] == [
        ("Ministry of Defence", []),
        ("Department for Education", []),
        ("Department of Justice", []),
    ]
