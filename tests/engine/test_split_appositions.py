"""One apposition the parser split in two, read as one: on a Stanza parse of invented text."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.split_appositions import appositions_joined

from .rulekit import LEXICON, parsed, quote_containing, speaker_of


def test_two_proper_nouns_side_by_side_as_appositions_are_one_phrase() -> None:
    doc = parsed("split_apposition")
    words = doc.sentences[0].words
    deputy, district = (next(w for w in words if w.text == t) for t in ("Deputy", "District"))
    assert (deputy.deprel, district.deprel) == ("appos", "appos")  # as parsed
    joined = appositions_joined(doc).sentences[0].words
    assert (joined[deputy.index].head, joined[deputy.index].deprel) == (
        district.index,
        "compound",
    )
    assert joined[district.index] == district


def test_the_title_and_name_of_a_split_apposition_speak_as_one() -> None:
    result = attribute(parsed("split_apposition"), LEXICON)
    speaker = speaker_of(result, quote_containing(result, "the defendant had lied"))
    assert speaker is not None
    assert speaker.name == "Mark Liu"
    assert [role.text for role in speaker.roles] == ["The prosecutor", "Deputy District Attorney"]
