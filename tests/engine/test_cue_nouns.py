"""A trailing cue the tagger read as a noun after a name: on a Stanza parse of invented text."""

from __future__ import annotations

from quoteattr_server.engine.cue_nouns import cue_nouns_as_verbs

from .rulekit import LEXICON, parsed, quoted_by


def test_a_plural_noun_cue_after_a_name_becomes_its_verb() -> None:
    doc = parsed("cue_noun_after_name")
    reports = doc.sentences[0].words[-2]
    assert (reports.text, reports.upos) == ("reports", "NOUN")  # as parsed
    mended = cue_nouns_as_verbs(doc, LEXICON).sentences[0].words
    ledger = mended[reports.index - 1]
    assert mended[reports.index].upos == "VERB"
    assert (ledger.text, ledger.head, ledger.deprel) == ("Ledger", reports.index, "nsubj")
    assert all(mended[i].head == ledger.index for i in (reports.index - 3, reports.index - 2))


def test_the_clause_and_the_quotation_before_the_cue_are_the_names() -> None:
    # `..., The Harbour Ledger reports.`, `"...," Lindqvist notes.`
    assert quoted_by("cue_noun_after_name", with_rule=True) == [
        ("trailing cue", "Ferry fares will rise by a fifth next year", "Harbour Ledger"),
        ("subject of cue", '"The islands cannot afford this,"', "Lindqvist"),
    ]


def test_a_cue_noun_after_a_name_opening_a_sentence_before_a_colon_is_its_verb() -> None:
    # `Ruiz reports:` before a block quotation, tagged as a compound noun: the name reports,
    # and the quotation on the next line is the reporter's.
    doc = parsed("cue_noun_before_colon")
    mended = cue_nouns_as_verbs(doc, LEXICON).sentences[1].words
    assert (mended[1].upos, mended[0].deprel, mended[0].head) == ("VERB", "nsubj", 1)
    assert quoted_by("cue_noun_before_colon") == [
        ('"The first thing you notice is the smell."', "Ana Ruiz")
    ]
