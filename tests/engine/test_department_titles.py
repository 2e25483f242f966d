"""engine.department_titles: a department's title written with "and" is one title."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.department_titles import joined_department_titles

from .rulekit import LEXICON, parsed, quote_containing, roles_by_name, speaker_of


def test_a_department_title_is_one_word_of_the_parse() -> None:
    doc = joined_department_titles(parsed("department_title_with_and"), LEXICON)
    words = [w.text for s in doc.sentences for w in s.words]
    assert "Health and Human Services Secretary" in words
    assert "Work and Pensions Secretary" in words
    # `Mr. Ruiz and Interior Secretary Ana Kovac`: two people, no department.
    assert [w for w in words if " " in w] == [
        "Health and Human Services Secretary",
        "Work and Pensions Secretary",
    ]


def test_the_department_title_is_the_role_and_nobody_else_speaks() -> None:
    # Parsed as a list, "Health" and "Work" seemed to speak beside the secretary, whose role
    # lost the department's first word.
    result = attribute(parsed("department_title_with_and"), LEXICON)
    assert roles_by_name(result) == {
        "Dana Whitfield": ["Health and Human Services Secretary"],
        "Liz Kendrew": ["Britain's Work and Pensions Secretary"],
        "Ana Kovac": ["Interior Secretary"],
        "Ruiz": [],
    }
    for fragment in ("program would expand", "cap would stay"):
        assert quote_containing(result, fragment).co_speaker_ids == ()
    pair = quote_containing(result, "bill would pass")
    assert speaker_of(result, pair) is not None
    assert len(pair.co_speaker_ids) == 1
