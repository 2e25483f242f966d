"""A first name set off after a kin noun takes the family's surname: on a Stanza parse of
invented text."""

from __future__ import annotations

from quoteattr_server.engine import attribute

from .rulekit import LEXICON, parsed, roles_by_name


def test_a_relative_named_by_first_name_takes_the_surname_of_whose_relative() -> None:
    # `George Harlow, who drafted the charter, and his wife, Mirela,` (the parser hangs "his wife"
    # on "bill": the name before the pronoun stands for "his"); `Harlow's son, Tom,` (the
    # possessor); a relative named in full keeps the name written (`her husband, Mark Ellison`).
    result = attribute(parsed("kin_first_name"), LEXICON)
    assert roles_by_name(result) == {
        "Mirela Harlow": ["his wife"],
        "Tom Harlow": ["Harlow's son"],
        "Mark Ellison": ["her husband"],
    }


def test_his_or_her_is_the_name_the_kin_noun_is_joined_to_or_the_subject() -> None:
    # `Varga and her husband, Piotr,`: the conjunct; `Elena Sato came with her brother, Ken,`:
    # the subject of the kin noun's clause.
    result = attribute(parsed("kin_first_name_parsed"), LEXICON)
    assert roles_by_name(result) == {"Piotr Varga": ["her husband"], "Ken Sato": ["her brother"]}
