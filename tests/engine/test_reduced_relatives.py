"""A relative clause with no "that", read by the parser as a compound: on a Stanza parse of
invented text."""

from __future__ import annotations

from quoteattr_server.engine.reduced_relatives import reduced_relatives_read

from .rulekit import LEXICON, parsed, quoted_by


def test_the_described_noun_heads_an_apposition_with_the_cue_as_its_relative_clause() -> None:
    doc = parsed("reduced_relative")
    words = doc.sentences[0].words
    decision, analysts, said = (
        next(w for w in words if w.text == t) for t in ("decision", "analysts", "said")
    )
    assert (decision.deprel, decision.head, said.deprel) == (
        "compound",
        analysts.index,
        "parataxis",
    )
    mended = reduced_relatives_read(doc, LEXICON).sentences[0].words
    assert mended[decision.index].deprel == "appos"
    assert (mended[said.index].head, mended[said.index].deprel) == (decision.index, "acl:relcl")
    assert mended[analysts.index] == analysts  # still the subject of "said"


def test_the_speakers_are_the_plural_noun_and_the_clause_before_is_no_content() -> None:
    # `..., a decision analysts said would slow growth`: "a decision analysts" spoke, and the
    # sentence before the comma was read as what they said.
    assert quoted_by("reduced_relative", with_rule=True) == [
        ("reported clause", "would slow growth", "analysts"),
        ("reported clause", "is far too high", "unions"),
    ]
