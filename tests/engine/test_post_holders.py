"""engine.post_holders: a name after a title's post holds the post."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.post_holders import post_holders_rehung

from .rulekit import LEXICON, parsed, roles_by_name, speaker_name, word_of


def test_the_name_after_the_post_hangs_on_the_title() -> None:
    doc = post_holders_rehung(parsed("post_holder_after_post"), LEXICON)
    minister, tomas = word_of(doc, "Minister"), word_of(doc, "Tomas")
    assert (tomas.head, tomas.deprel) == (minister.index, "nmod")
    assert word_of(doc, "Albrecht").head == tomas.index
    # `Staff Gen. Marcus Hale`: the title before the name goes with the name.
    marcus = word_of(doc, "Marcus")
    assert (marcus.head, marcus.deprel) == (word_of(doc, "Chairman").index, "nmod")
    assert (word_of(doc, "Gen.").head, word_of(doc, "Gen.").deprel) == (marcus.index, "compound")


def test_the_holder_speaks_with_the_post_as_role() -> None:
    # The names were hung on "Europe", "Staff" and "Nations": the title spoke ("Minister"),
    # or the post's last word became a first name.
    result = attribute(parsed("post_holder_after_post"), LEXICON)
    assert speaker_name("post_holder_after_post", "We are ready") == "Tomas Albrecht"
    assert speaker_name("post_holder_after_post", "troops were ready") == "Marcus Hale"
    assert speaker_name("post_holder_after_post", "vote was a disgrace") == "Dana Whitlock"
    roles = roles_by_name(result)
    assert roles["Tomas Albrecht"] == ["Minister of State for Europe"]
    assert roles["Dana Whitlock"] == ["Former U.S. Ambassador to the United Nations"]


def test_the_name_of_a_title_in_the_post_is_not_the_holder() -> None:
    # `An adviser to Prime Minister Ana Kovac`: Kovac is the minister, the adviser speaks.
    assert speaker_name("post_holder_after_post", "talks were over") == (
        "An adviser to Prime Minister Ana Kovac"
    )


def test_a_portfolio_with_an_adjective_is_no_part_of_the_name() -> None:
    result = attribute(parsed("post_holder_adjective_portfolio"), LEXICON)
    assert speaker_name("post_holder_adjective_portfolio", "cases were falling") == "Sarah Okonjo"
    assert roles_by_name(result)["Sarah Okonjo"] == ["Director of Public Health"]
