"""A main verb hung inside its subject's description, on Stanza parses of invented text."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.stranded_predicates import predicates_restored

from .rulekit import LEXICON, parsed, quote_containing, speaker_of


def test_verb_after_the_description_becomes_the_root_with_the_name_as_subject() -> None:
    doc = parsed("stranded_predicate")
    before = doc.sentences[1]
    # As parsed: the name is the root and "disagreed" hangs on "years" in the relative clause.
    assert next(w for w in before.words if w.head < 0).text == "Jim"
    after = predicates_restored(doc).sentences[1]
    verb = next(w for w in after.words if w.head < 0)
    assert verb.text == "disagreed"
    subject = next(w for w in after.words if w.deprel == "nsubj" and w.head == verb.index)
    assert subject.text == "Jim"
    opener = next(w for w in after.words if w.text == "But")
    assert (opener.head, opener.deprel) == (verb.index, "cc")
    # The description keeps its own clause.
    assert next(w for w in after.words if w.text == "lived").deprel == "acl:relcl"


def test_pronoun_after_the_repaired_sentence_goes_to_its_subject() -> None:
    result = attribute(parsed("stranded_predicate"), LEXICON)
    speaker = speaker_of(result, quote_containing(result, "Nobody asked me"))
    assert speaker is not None
    assert speaker.name == "Jim Harper"
    assert [role.text for role in speaker.roles] == ["a retired postman"]


def test_sentences_parsed_with_a_verb_of_their_own_are_left_alone() -> None:
    doc = parsed("stranded_predicate_own_clause")
    assert predicates_restored(doc) is doc
    first = parsed("stranded_predicate")
    assert predicates_restored(first).sentences[0] is first.sentences[0]
