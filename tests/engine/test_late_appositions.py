"""A name set off after a post's complement, hung on the post again (engine.late_appositions)."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.late_appositions import late_appositions_rehung

from .rulekit import LEXICON, parsed, quoted_by, roles_by_name, word_of


def test_a_name_after_a_posts_complement_names_the_holder_of_the_post() -> None:
    # `said a lawyer for the family, Tom Reyes`: the parser hung "Tom Reyes" on "family".
    before = parsed("name_after_post_complement")
    tom = word_of(before, "Tom")
    family = word_of(before, "family")
    assert (tom.head, tom.deprel) == (family.index, "appos")
    tom = word_of(late_appositions_rehung(before, LEXICON), "Tom")
    lawyer = word_of(before, "lawyer")
    assert (tom.head, tom.deprel) == (lawyer.index, "appos")


def test_the_holder_speaks_with_the_post_as_role() -> None:
    # The third name follows "the mayor", a post itself: it may be the mayor's, and stays.
    assert quoted_by("name_after_post_complement") == [
        ("\u201cWe will appeal,\u201d", "Tom Reyes"),
        ("\u201cThe vote was rigged,\u201d", "Ana Lind"),
        ("\u201cHe was not there,\u201d", "a lawyer"),
    ]
    roles = roles_by_name(attribute(parsed("name_after_post_complement"), LEXICON))
    assert roles["Tom Reyes"] == ["a lawyer for the family"]
    assert roles["Ana Lind"] == ["the president of the ferry workers\u2019 union"]


def test_a_name_given_as_an_example_of_a_plural_post_stays() -> None:
    # `Several harbour pilots -- for example, Tomas Ruiz of Port Ellis -- have called for a
    # strike` (hand-edited: "example" on "pilots"): one of many, not the holder of a post.
    before = parsed("name_as_example_of_a_plural_post")
    tomas = word_of(late_appositions_rehung(before, LEXICON), "Tomas")
    example = word_of(before, "example")
    assert (tomas.head, tomas.deprel) == (example.index, "appos")
    assert quoted_by("name_as_example_of_a_plural_post") == [
        ("for a strike", "Several harbour pilots")
    ]


def test_a_name_after_a_relation_in_the_complement_stays_there() -> None:
    # `said a lawyer for his brother, Tom Reyes`: the name may be the brother's.
    assert quoted_by("name_after_relation_complement") == [
        ("\u201cWe will appeal,\u201d", "a lawyer")
    ]


def test_a_name_read_as_a_conjunct_of_a_titles_complement_names_its_holder() -> None:
    # `said the Chief Minister of Punjab, Bhagwant Mann.`, with the name a conjunct of
    # "Punjab" (no "and"): the name is the capitalised title's apposition, so Mann speaks
    # with the post as his role (the speaker was "the Chief Minister").
    doc = late_appositions_rehung(parsed("post_complement_then_name_as_conjunct"), LEXICON)
    name, minister = word_of(doc, "Bhagwant"), word_of(doc, "Minister")
    assert (name.head, name.deprel) == (minister.index, "appos")
    result = attribute(parsed("post_complement_then_name_as_conjunct"), LEXICON)
    assert roles_by_name(result) == {"Bhagwant Mann": ["the Chief Minister of Punjab"]}


def test_a_name_read_as_two_conjuncts_of_the_complement_is_one_name() -> None:
    # `said the mayor of Lyon, Grégory Doucet.`, with "Grégory" and "Doucet" two conjuncts of
    # "Lyon": the surname is part of the name, which names the mayor (the speaker was "the
    # mayor").
    doc = late_appositions_rehung(parsed("post_complement_then_name_in_two_conjuncts"), LEXICON)
    given, surname = word_of(doc, "Grégory"), word_of(doc, "Doucet")
    assert (surname.head, surname.deprel) == (given.index, "flat")
    assert (given.head, given.deprel) == (word_of(doc, "mayor").index, "appos")
    result = attribute(parsed("post_complement_then_name_in_two_conjuncts"), LEXICON)
    assert roles_by_name(result) == {"Grégory Doucet": ["the mayor of Lyon"]}
