"""A name the parser split into two siblings, joined again (engine.split_names)."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.split_names import split_names_joined

from .rulekit import LEXICON, parsed, quoted_by, roles_by_name, word_of


def test_two_proper_nouns_hung_side_by_side_on_one_word_are_one_name() -> None:
    # `According to Anika Sharma, an analyst at Harbour Bank, ...` with both names obliques
    # of "undervalued": the surname becomes the given name's `flat`, so the source is whole
    # and the apposition is her role.
    doc = split_names_joined(parsed("name_split_into_siblings"), LEXICON)
    anika = word_of(doc, "Anika")
    sharma = word_of(doc, "Sharma")
    assert (sharma.head, sharma.deprel) == (anika.index, "flat")
    result = attribute(parsed("name_split_into_siblings"), LEXICON)
    assert roles_by_name(result) == {
        "Anika Sharma": ["an analyst at Harbour Bank"],
        "Ana Lind": ["Secretary of State"],
        "200 protesters": [],
    }


def test_a_title_complement_and_quoted_words_stay_apart() -> None:
    # `Secretary of State Ana Lind`: "State", the complement of the title, is not joined to
    # "Ana"; `chanting "Dump Kovac."` (hand-edited to two objects): words inside quotation
    # marks are what was chanted, not a name.
    before = parsed("name_split_into_siblings")
    doc = split_names_joined(before, LEXICON)
    for text in ("Ana", "Kovac"):
        word = word_of(doc, text)
        was = word_of(before, text)
        assert (word.head, word.deprel) == (was.head, was.deprel)
    lind = word_of(doc, "Lind")
    ana = word_of(doc, "Ana")
    assert (lind.head, lind.deprel) == (ana.index, "flat")


def test_a_post_after_to_stays_apart_from_the_name_after_it() -> None:
    # `ambassador to Portugal Michael Lindqvist`, with "Portugal" and "Michael" both hung on
    # the title: a place after the title's "to" ends it before a name of two words.
    before = parsed("post_then_holder")
    doc = split_names_joined(before, LEXICON)
    michael, was = word_of(doc, "Michael"), word_of(before, "Michael")
    assert (
        (michael.head, michael.deprel)
        == (was.head, was.deprel)
        == (
            word_of(before, "ambassador").index,
            "nmod",
        )
    )


def test_a_word_tagged_a_preposition_inside_a_title_does_not_keep_the_name_apart() -> None:
    # `Harbour forward Jaylen Moore said`, "forward" tagged a preposition of "Jaylen": only
    # "of" and "for" (and "to" before a name of two words) make a title's complement, so the
    # name is whole.
    result = attribute(parsed("name_split_after_team_title"), LEXICON)
    assert roles_by_name(result) == {"Jaylen Moore": ["Harbour forward"]}


def test_a_name_hung_on_a_title_complement_is_read_off_it() -> None:
    # `said U.S. Secretary of State Marta Lindqvist`, with "Marta" a flat part of "State":
    # the name hangs on the title, so she speaks and the title is her role; also with "U.S."
    # the head and the title its flat part (hand-edited).
    repaired = split_names_joined(parsed("name_flat_on_title_complement"), LEXICON)
    marta, secretary = word_of(repaired, "Marta"), word_of(repaired, "Secretary")
    assert (marta.head, marta.deprel) == (secretary.index, "nmod")
    for fixture in ("name_flat_on_title_complement", "name_flat_on_title_complement_head_first"):
        result = attribute(parsed(fixture), LEXICON)
        assert roles_by_name(result) == {"Marta Lindqvist": ["U.S. Secretary of State"]}


def test_a_sentence_adverb_tagged_a_proper_noun_is_no_part_of_the_name_after_it() -> None:
    # `Meanwhile Kovac continues to oppose the levy.`, parsed as one name headed by
    # "Meanwhile": the adverb hangs on the verb, so the speaker is "Kovac", the same person
    # who says the quote after.
    doc = split_names_joined(parsed("sentence_adverb_before_name"), LEXICON)
    meanwhile, kovac = word_of(doc, "Meanwhile"), word_of(doc, "Kovac")
    continues = word_of(doc, "continues")
    assert (meanwhile.upos, meanwhile.head, meanwhile.deprel) == ("ADV", continues.index, "advmod")
    assert (kovac.head, kovac.deprel) == (continues.index, "nsubj")
    assert quoted_by("sentence_adverb_before_name") == [
        ("the levy", "Kovac"),
        ('"It is a tax on work,"', "Kovac"),
    ]
