"""Subjects the parser lost, found again: on Stanza parses of invented text."""

from __future__ import annotations

import dataclasses

from quoteattr_server.engine import attribute
from quoteattr_server.engine.subject_repairs import subjects_repaired
from quoteattr_server.engine.types import ParsedDoc, Sentence, Span, Word

from .rulekit import (
    LEXICON,
    parsed,
    quote_containing,
    quoted_by,
    roles_by_name,
    speaker_of,
    word_of,
)


def test_verb_after_the_description_becomes_the_root_with_the_name_as_subject() -> None:
    doc = parsed("stranded_predicate")
    before = doc.sentences[1]
    # As parsed: the name is the root and "disagreed" hangs on "years" in the relative clause.
    assert next(w for w in before.words if w.head < 0).text == "Jim"
    after = subjects_repaired(doc, LEXICON).sentences[1]
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


def test_the_verb_right_after_a_relative_clause_is_the_main_verb_without_a_comma() -> None:
    # `A woman who lives nearby said ...` (as a second relative clause of "woman"), `The family
    # of a fisherman who vanished off the cape called for ...` (as a participle on "cape"):
    # the verb is the root and the noun its subject; `helped build` keeps its infinitive, so
    # "say" is the volunteers' verb.
    doc = parsed("main_verb_after_relative")
    assert [next(w for w in s.words if w.head < 0).text for s in doc.sentences] == [
        "woman",
        "family",
        "Volunteers",
    ]
    after = subjects_repaired(doc, LEXICON)
    roots = [next(w for w in s.words if w.head < 0) for s in after.sentences]
    assert [w.text for w in roots] == ["said", "called", "say"]
    subjects = [
        next(w.text for w in s.words if w.deprel == "nsubj" and w.head == root.index)
        for s, root in zip(after.sentences, roots, strict=True)
    ]
    assert subjects == ["woman", "family", "Volunteers"]
    assert quoted_by("main_verb_after_relative") == [
        ("the noise was unbearable", "A woman"),
        ("for the search", "The family of a fisherman"),
        ("it saved the village", "Volunteers"),
    ]


def test_sentences_parsed_with_a_verb_of_their_own_are_left_alone() -> None:
    doc = parsed("stranded_predicate_own_clause")
    assert subjects_repaired(doc, LEXICON) is doc
    # `Councillor Bridget O'Neill, who chairs the planning committee, said ...` keeps its
    # subject and verb; only the relative clause the parser hung on "said" moves (below).
    first = parsed("stranded_predicate").sentences[0]
    repaired = subjects_repaired(parsed("stranded_predicate"), LEXICON).sentences[0]
    moved = [w.text for w, was in zip(repaired.words, first.words, strict=True) if w != was]
    assert moved == ["chairs"]


def test_a_relative_clause_hung_on_the_cue_after_it_is_its_subjects() -> None:
    # `Councillor Bridget O'Neill, who chairs the planning committee, said ...`, with "chairs"
    # the complement of "said": the clause describes the councillor (so "committee" says
    # what she is), and what "said" reports is only the clause after it.
    repaired = subjects_repaired(parsed("stranded_predicate"), LEXICON).sentences[0]
    chairs = next(w for w in repaired.words if w.text == "chairs")
    assert (chairs.head, chairs.deprel) == (0, "acl:relcl")
    result = attribute(parsed("stranded_predicate"), LEXICON)
    quote = quote_containing(result, "residents had been consulted")
    speaker = speaker_of(result, quote)
    assert speaker is not None
    assert (quote.text, speaker.name) == ("residents had been consulted", "Bridget O'Neill")
    assert speaker.category.value == "official"


def test_noun_after_a_subordinator_read_as_preposition_is_the_next_verbs_subject() -> None:
    doc = parsed("subordinator_subject")
    words = subjects_repaired(doc, LEXICON).sentences[0].words
    found = next(w for w in words if w.text == "found")
    court = next(w for w in words if w.text == "court")
    though = next(w for w in words if w.text == "though")
    assert (court.head, court.deprel) == (found.index, "nsubj")
    assert (though.head, though.deprel) == (found.index, "mark")
    assert found.deprel == "advcl"  # a clause beside "kept", which no longer lends its subject
    result = attribute(doc, LEXICON)
    speaker = speaker_of(result, quote_containing(result, "the contract was unlawful"))
    assert speaker is not None
    assert speaker.name == "a court"


def test_time_phrase_parsed_as_the_subject_gives_the_subject_back() -> None:
    doc = parsed("time_subject")
    result = attribute(doc, LEXICON)
    names = {
        fragment: speaker.name
        for fragment in ("two men", "profits would drop", "the mine had closed")
        if (speaker := speaker_of(result, quote_containing(result, fragment))) is not None
    }
    # `Police late Monday` loses its time; `The company this year` gets its article back.
    assert names == {
        "two men": "Police",
        "profits would drop": "The company",
        "the mine had closed": "Harbour Times",
    }
    repaired = subjects_repaired(doc, LEXICON)
    monday = next(w for w in repaired.sentences[0].words if w.text == "Monday")
    assert monday.deprel == "obl:tmod"
    # A newspaper named "Times" is a name, not a time.
    assert repaired.sentences[2] is doc.sentences[2]


def test_noun_a_subordinator_marks_is_the_subject_of_the_verb_after_its_phrase() -> None:
    # `..., while the company's chief executive, Ana Kovac, said the terms were "..."`: parsed
    # with "while" marking "executive" and "said" with no subject, which took the union's.
    result = attribute(parsed("subordinator_mark_on_noun"), LEXICON)
    speaker = speaker_of(result, quote_containing(result, "essential requirements"))
    assert speaker is not None
    assert speaker.name == "Ana Kovac"
    union = speaker_of(result, quote_containing(result, "accepted the offer"))
    assert union is not None
    assert union.name == "The union"


def test_a_name_after_an_opening_participles_clause_is_the_subject() -> None:
    # `Speaking alongside Finance Minister Ana Kovac, Tomas Ruiz said ...`, with "alongside"
    # tagged an adjective: the parser made the minister the subject and Ruiz her conjunct.
    # He speaks; her title is "Finance Minister", without the preposition.
    assert quoted_by("preposition_before_title") == [
        ("the budget was sound", "Tomas Ruiz"),
        ("\u201cWe agree,\u201d", "Ana Kovac"),
    ]
    result = attribute(parsed("preposition_before_title"), LEXICON)
    assert roles_by_name(result) == {"Tomas Ruiz": [], "Ana Kovac": ["Finance Minister"]}


def test_the_noun_before_its_relative_clause_is_the_subject_of_the_verb_after_it() -> None:
    # `"...," one diplomat, who asked not to be named, told Reuters.`: "told" had no subject
    # and the diplomat hung on the quotation, so "asked" was the cue; the diplomat tells.
    result = attribute(parsed("subject_before_its_relative"), LEXICON)
    (quote,) = result.quotes
    speaker = speaker_of(result, quote)
    assert speaker is not None
    assert speaker.name == "one diplomat"
    assert quote.cue is not None
    assert quote.cue.text == "told"


def test_a_verb_the_parser_made_a_conjunct_of_the_relative_clause_is_the_main_verb() -> None:
    # `"...," a senior port official, who was not authorised to speak publicly, told the
    # Ledger.`: "told" hung inside the clause as a conjunct of "authorised"; it leaves the
    # clause, beside the sentence's root, with the official for its subject.
    doc = parsed("verb_swallowed_by_relative")
    after = subjects_repaired(doc, LEXICON)
    told = word_of(after, "told")
    assert word_of(doc, "told").deprel == "conj"
    assert told.deprel == "parataxis"
    assert word_of(after, "official").head == told.index
    result = attribute(doc, LEXICON)
    (quote,) = result.quotes
    speaker = speaker_of(result, quote)
    assert speaker is not None
    assert (speaker.name, speaker.anonymous) == ("a senior port official", True)
    assert quote.cue is not None
    assert quote.cue.text == "told"


def test_a_verb_the_parser_made_a_parataxis_of_the_relative_clause_is_the_main_verb() -> None:
    # `"...," one trader, who did not want to be named, told the Ledger.`: "told" hung inside
    # the clause as a parataxis of "want", with the trader an apposition of the quotation: the
    # quote had no speaker.
    doc = parsed("verb_after_relative_as_parataxis")
    assert word_of(doc, "told").deprel == "parataxis"
    told = word_of(subjects_repaired(doc, LEXICON), "told")
    assert told.head != word_of(doc, "want").index
    assert quoted_by("verb_after_relative_as_parataxis") == [
        ('"This is a disaster,"', "one trader")
    ]


def test_a_relative_clause_read_as_the_nouns_own_clause_is_hung_on_the_noun() -> None:
    # `..., while a trader in Port Ellis, who declined to be named, said investors had been
    # caught off guard`: the parser made the trader and "who" both subjects of "declined",
    # and "said" had no subject, so the analysts seemed to say it.
    repaired = subjects_repaired(parsed("relative_read_as_main_clause"), LEXICON)
    words = repaired.sentences[0].words
    trader, declined = word_of(repaired, "trader"), word_of(repaired, "declined")
    assert words[trader.head].text == "said"
    assert (declined.head, declined.deprel) == (trader.index, "acl:relcl")
    assert quoted_by("relative_read_as_main_clause")[-1] == (
        "investors had been caught off guard",
        "a trader in Port Ellis",
    )


def test_a_name_after_a_fronted_phrase_is_the_subject_of_the_verb_past_its_apposition() -> None:
    # `During a town-hall meeting last week in Port Ellis, Marta Lind, the head of the
    # Harbour Trust, bluntly told reporters ...`: the parser made Lind a conjunct of
    # the town and left "told" with no subject.
    repaired = subjects_repaired(parsed("name_after_fronted_phrase"), LEXICON)
    marta = word_of(repaired, "Marta")
    assert (repaired.sentences[0].words[marta.head].text, marta.deprel) == ("told", "nsubj")
    assert quoted_by("name_after_fronted_phrase") == [("the pier would close", "Marta Lind")]


def _word(index: int, text: str, upos: str, head: int, deprel: str, feats: str = "") -> Word:
    """Word `index` (0-based) of a hand-written sentence whose words are one space apart."""
    return Word(index, text, text.lower(), upos, feats, head, deprel, 0, 0)


def test_a_verb_out_of_a_relative_clause_on_the_root_noun_becomes_the_root() -> None:
    # `One diplomat, who asked not to be named, told Reuters.`, written by hand with the noun
    # as the root and "told" a conjunct of "asked": "told" becomes the root (no cycle through
    # the noun), with the diplomat its subject.
    rows = [
        ("One", "NUM", 1, "nummod"),
        ("diplomat", "NOUN", -1, "root"),
        (",", "PUNCT", 4, "punct"),
        ("who", "PRON", 4, "nsubj"),
        ("asked", "VERB", 1, "acl:relcl"),
        ("not", "PART", 7, "advmod"),
        ("to", "PART", 7, "mark"),
        ("be", "AUX", 8, "aux:pass"),
        ("named", "VERB", 4, "xcomp"),
        (",", "PUNCT", 10, "punct"),
        ("told", "VERB", 4, "conj"),
        ("Reuters", "PROPN", 10, "obj"),
        (".", "PUNCT", 10, "punct"),
    ]
    words, start = [], 0
    for index, (text, upos, head, deprel) in enumerate(rows):
        feats = "PronType=Rel" if text == "who" else ""
        word = _word(index, text, upos, head, deprel, feats)
        words.append(dataclasses.replace(word, start=start, end=start + len(text)))
        start += len(text) + 1
    text = " ".join(row[0] for row in rows)
    doc = ParsedDoc(text, (Sentence(tuple(words), 0),), (Span(0, len(text)),))
    after = subjects_repaired(doc, LEXICON).sentences[0].words
    assert (after[10].head, after[10].deprel) == (-1, "root")
    assert (after[1].head, after[1].deprel) == (10, "nsubj")
    assert (after[4].head, after[4].deprel) == (1, "acl:relcl")


def test_a_trailing_source_read_as_an_object_of_the_content_is_the_cues_subject() -> None:
    # `The ferry service will resume on Friday, union leader Elena Petrova told the BBC ...,
    # adding that ...`: "told" is parsed a conjunct of "resume" with no subject, and the union
    # leader an oblique of "resume"; repaired, she reports the clause before the comma and her
    # participle's words are hers, not the ferry service's.
    after = subjects_repaired(parsed("trailing_source_read_as_object"), LEXICON)
    told, leader = word_of(after, "told"), word_of(after, "leader")
    assert told.deprel == "parataxis"
    assert (leader.head, leader.deprel) == (told.index, "nsubj")
    assert quoted_by("trailing_source_read_as_object", with_rule=True) == [
        ("reported parataxis", "The ferry service will resume on Friday", "Elena Petrova"),
        ("participle continues speaker", '"ready to sail"', "Elena Petrova"),
    ]


def test_a_role_adjective_with_a_possessive_after_its_cue_is_a_noun_and_the_subject() -> None:
    # `..., said its chief executive.`: "executive" tagged an adjective and made the clause of
    # "said"; it is a noun and the speaker, not the carmaker of the clause before.
    after = subjects_repaired(parsed("role_adjective_after_inverted_cue"), LEXICON)
    executive, said = word_of(after, "executive"), word_of(after, "said")
    assert (executive.upos, executive.head, executive.deprel) == ("NOUN", said.index, "nsubj")
    assert quoted_by("role_adjective_after_inverted_cue") == [
        ("The carmaker will close two plants in March", "its chief executive")
    ]


def test_a_time_word_before_a_noun_and_a_verb_of_speech_opens_a_clause() -> None:
    # `Shares fell 5% after the carmaker's finance chief, Lena Okafor, warned of slowing
    # sales.`, with "after" the preposition of "chief": the chief is the subject of "warned",
    # so Okafor speaks with her role. `Farmers protested after the council closed ...`, with
    # no verb of speech, keeps the parser's reading.
    before = parsed("time_subordinator_before_speaker")
    doc = subjects_repaired(before, LEXICON)
    first = doc.sentences[0]
    chief, warned, after = (word_of(doc, text) for text in ("chief", "warned", "after"))
    assert (chief.head, chief.deprel) == (warned.index, "nsubj")
    assert (after.head, after.deprel) == (warned.index, "mark")
    assert first is not before.sentences[0]
    assert doc.sentences[1] == before.sentences[1]
    result = attribute(before, LEXICON)
    assert roles_by_name(result)["Lena Okafor"] == ["the carmaker\u2019s finance chief"]


def test_a_clause_after_a_cues_object_has_the_object_for_subject() -> None:
    # `... and reported the Croatian leader told him Zagreb stands ready to help`, with
    # "leader" the object of "reported" and "told" a conjunct with no subject: what Kovac
    # reported is the whole clause, the leader its subject (it was "the Croatian leader" and
    # "Zagreb stands ready to help", two contents).
    doc = subjects_repaired(parsed("object_read_for_clause_subject"), LEXICON)
    leader, told, reported = (word_of(doc, t) for t in ("leader", "told", "reported"))
    assert (leader.head, leader.deprel) == (told.index, "nsubj")
    assert (told.head, told.deprel) == (reported.index, "ccomp")
    assert quoted_by("object_read_for_clause_subject") == [
        ("the Croatian leader told him Zagreb stands ready to help", "Kovac")
    ]


def test_acting_before_a_title_is_its_rank_not_a_verb() -> None:
    # `said acting Prime Minister Jonas Berg`, with "acting" a participle and the title its
    # object: "acting" modifies the title, and Berg speaks (the quote had no speaker).
    doc = subjects_repaired(parsed("acting_read_as_verb"), LEXICON)
    acting, minister = word_of(doc, "acting"), word_of(doc, "Minister")
    assert (acting.upos, acting.head, acting.deprel) == ("ADJ", minister.index, "amod")
    result = attribute(parsed("acting_read_as_verb"), LEXICON)
    assert roles_by_name(result) == {"Jonas Berg": ["acting Prime Minister"]}


def test_the_one_told_tagged_a_verb_is_the_addressee() -> None:
    # `The minister told reporters the deal was dead`, with "reporters" tagged a verb and made
    # a clause of "told": it is the one told, and the content is the clause after it.
    doc = subjects_repaired(parsed("addressee_read_as_verb"), LEXICON)
    reporters, told = word_of(doc, "reporters"), word_of(doc, "told")
    assert (reporters.upos, reporters.head, reporters.deprel) == ("NOUN", told.index, "iobj")
    assert quoted_by("addressee_read_as_verb") == [("the deal was dead", "The minister")]


def test_a_participle_after_the_subject_read_as_its_verb_is_the_subjects() -> None:
    # `Two people briefed on the talks said a deal was close`, with "briefed" a finite verb,
    # "people" its subject and "said" left with none: "briefed on the talks" describes the
    # people, who speak, described.
    doc = subjects_repaired(parsed("participle_read_as_clause"), LEXICON)
    people, briefed, said = (word_of(doc, t) for t in ("people", "briefed", "said"))
    assert (people.head, people.deprel) == (said.index, "nsubj")
    assert (briefed.head, briefed.deprel) == (people.index, "acl")
    assert quoted_by("participle_read_as_clause") == [
        ("a deal was close", "Two people briefed on the talks")
    ]


def test_a_relative_clause_after_an_inverted_subject_is_the_subjects() -> None:
    # `"...," said Peter Wong, who heads the port authority.`, with "heads" the complement of
    # "said": the clause describes Wong (an official), and is no part of what he said.
    doc = subjects_repaired(parsed("relative_after_inverted_subject"), LEXICON)
    heads, peter = word_of(doc, "heads"), word_of(doc, "Peter")
    assert (heads.head, heads.deprel) == (peter.index, "acl:relcl")
    result = attribute(parsed("relative_after_inverted_subject"), LEXICON)
    assert [(s.name, s.category.value) for s in result.speakers] == [("Peter Wong", "official")]


def test_a_clause_hung_on_the_noun_after_a_relative_cue_is_what_it_said() -> None:
    # `... an architect who said he was never paid ...`, with "paid" a second relative clause
    # of "architect" and "said" left with nothing to report: the clause is what was said.
    doc = subjects_repaired(parsed("content_hung_on_relative_noun"), LEXICON)
    paid, said = word_of(doc, "paid"), word_of(doc, "said")
    assert (paid.head, paid.deprel) == (said.index, "ccomp")
    assert quoted_by("content_hung_on_relative_noun") == [
        ("he was never paid after he designed a hotel for the company", "an architect")
    ]


def test_a_relative_clause_after_a_party_tag_or_on_an_apposition_is_not_reported() -> None:
    # `Sen. Ana Kovac (D-Ohio), who has endorsed Ruiz, said ...` and `Tomas Ruiz, a former
    # harbour pilot who is a fierce critic of the mayor, suggests ...`, with each relative
    # clause the cue's complement: the first is the senator's, the second the pilot's, and
    # what either holds is the named one's, not a speaker "who".
    fixture = "relative_off_the_cue_past_tag_or_apposition"
    doc = subjects_repaired(parsed(fixture), LEXICON)
    endorsed, critic = word_of(doc, "endorsed"), word_of(doc, "critic")
    assert (endorsed.head, endorsed.deprel) == (word_of(doc, "Sen.").index, "acl:relcl")
    assert (critic.head, critic.deprel) == (word_of(doc, "pilot").index, "acl:relcl")
    result = attribute(parsed(fixture), LEXICON)
    assert [s.name for s in result.speakers] == ["Ana Kovac", "Tomas Ruiz"]


def test_a_participle_read_as_the_next_nouns_modifier_is_a_clause_on_the_subject() -> None:
    # `A union representing flight attendants endorsed ...`, with "representing" an adjective
    # of "attendants", a second subject: the participle describes the union, which speaks,
    # described, and "The union" later is the same one.
    doc = subjects_repaired(parsed("participle_read_as_modifier"), LEXICON)
    union, representing = word_of(doc, "union"), word_of(doc, "representing")
    assert (representing.head, representing.deprel) == (union.index, "acl")
    assert (word_of(doc, "attendants").head, word_of(doc, "attendants").deprel) == (
        representing.index,
        "obj",
    )
    result = attribute(parsed("participle_read_as_modifier"), LEXICON)
    assert [(s.name, s.kind.value) for s in result.speakers] == [
        ("A union representing flight attendants", "organization")
    ]
    assert len(result.quotes) == 2


def test_a_participle_that_stands_for_a_preposition_describes_no_source() -> None:
    # `... proposed by the government concerning naturalization`: "concerning" is no clause
    # on the government, whose name stays; `Lawyers representing the families` speak
    # described.
    doc = subjects_repaired(parsed("participle_of_preposition_after_source"), LEXICON)
    concerning = word_of(doc, "concerning")
    assert concerning.deprel == "amod"
    assert [name for _, name in quoted_by("participle_of_preposition_after_source")] == [
        "the government",
        "Lawyers representing the families",
    ]


def test_an_object_and_the_verb_made_its_complement_are_the_clause_shown() -> None:
    # `Data ... showed inflation fell to 2.1%`, with "inflation" the object of "showed" and
    # "fell" its complement: what the data showed is the whole clause.
    doc = subjects_repaired(parsed("evidential_object_and_participle_main"), LEXICON)
    inflation, fell = word_of(doc, "inflation"), word_of(doc, "fell")
    assert (inflation.head, inflation.deprel) == (fell.index, "nsubj")
    assert (fell.head, fell.deprel) == (word_of(doc, "showed").index, "ccomp")


def test_a_past_form_read_as_a_participle_after_a_speech_cues_object_is_its_clause() -> None:
    # `..., saying inflation risks remained high`, with "remained" tagged a participle and
    # made the complement of "saying" beside its object: "inflation risks" alone was said.
    doc = subjects_repaired(parsed("past_form_after_object"), LEXICON)
    risks, remained = word_of(doc, "risks"), word_of(doc, "remained")
    assert (risks.head, risks.deprel) == (remained.index, "nsubj")
    assert (remained.head, remained.deprel) == (word_of(doc, "saying").index, "ccomp")
    assert quoted_by("past_form_after_object") == [
        ("inflation risks remained high", "The harbour bank")
    ]


def test_an_opening_participle_read_as_the_main_verb_is_the_clauses_fronted_participle() -> None:
    # `Asked about the report, the harbour minister was defiant.`, with "Asked" the finite
    # root and the clause its complement: the minister was no sentence's subject, so the
    # next paragraph's "she told" had no one to refer to.
    doc = subjects_repaired(parsed("fronted_participle_read_as_main"), LEXICON)
    asked, defiant = word_of(doc, "Asked"), word_of(doc, "defiant")
    assert (defiant.head, asked.head, asked.deprel) == (-1, defiant.index, "advcl")
    assert quoted_by("fronted_participle_read_as_main") == [
        ('"I stand by every word,"', "the harbour minister")
    ]


def test_a_predicate_read_as_an_adverb_of_the_cue_is_its_clause() -> None:
    # `... wrote in a note that a recession was unlikely`, with "unlikely" an adverb of
    # "wrote": the cue reported nothing.
    doc = subjects_repaired(parsed("predicate_read_as_adverb"), LEXICON)
    unlikely = word_of(doc, "unlikely")
    assert (unlikely.head, unlikely.deprel) == (word_of(doc, "wrote").index, "ccomp")
    assert quoted_by("predicate_read_as_adverb") == [
        ("a recession was unlikely", "Harbour Bank analysts")
    ]


def test_a_participle_set_off_after_the_subject_read_as_a_clause_is_the_nouns() -> None:
    # `Analysts at Morrow Sachs, led by Jan Hetzel, wrote ...`, with "led" a finite verb of
    # the analysts, hung on "wrote", which had no subject.
    doc = subjects_repaired(parsed("participle_set_off_after_subject"), LEXICON)
    analysts, led = word_of(doc, "Analysts"), word_of(doc, "led")
    assert (analysts.head, analysts.deprel) == (word_of(doc, "wrote").index, "nsubj")
    assert (led.head, led.deprel) == (analysts.index, "acl")
    assert quoted_by("participle_set_off_after_subject") == [
        ("a recession was unlikely", "Analysts at Morrow Sachs")
    ]


def test_a_clause_read_as_a_relative_on_the_cues_document_is_the_cues() -> None:
    # `... wrote in a report that rates would stay high`, with "that" read as the relative
    # pronoun object of "stay" and the clause hung on "report": the cue reported nothing.
    doc = subjects_repaired(parsed("content_read_as_relative_of_medium"), LEXICON)
    stay, that = word_of(doc, "stay"), word_of(doc, "that")
    assert (stay.head, stay.deprel) == (word_of(doc, "wrote").index, "ccomp")
    assert (that.head, that.deprel) == (stay.index, "mark")
    assert quoted_by("content_read_as_relative_of_medium") == [
        ("rates would stay high", "Harbour Bank analysts")
    ]


def test_a_relative_clause_ending_the_content_hung_on_the_trailing_cue_is_the_nouns() -> None:
    # `The man was taken to a hospital, where he later died, police said.`, with "died" the
    # complement of "said" and "police" its second subject: "where he later died, police"
    # was reported by the man.
    doc = subjects_repaired(parsed("relative_of_content_on_trailing_cue"), LEXICON)
    died, police, said = (word_of(doc, t) for t in ("died", "police", "said"))
    assert (died.head, died.deprel) == (word_of(doc, "hospital").index, "acl:relcl")
    assert (police.head, police.deprel) == (said.index, "nsubj")
    assert quoted_by("relative_of_content_on_trailing_cue") == [
        ("The man was taken to a hospital, where he later died", "police")
    ]


def test_a_shows_title_read_as_a_clause_is_a_name_and_its_that_clause_the_cues() -> None:
    # `The governor told Harbour TV's "Meet the Mayor" that the state would sue.`, with the
    # title a clause whose subject is "TV" and "sue" hung on "Meet": the title was reported.
    doc = subjects_repaired(parsed("show_title_after_cue"), LEXICON)
    told, meet, sue = (word_of(doc, t) for t in ("told", "Meet", "sue"))
    assert (meet.head, meet.deprel, meet.upos) == (told.index, "iobj", "PROPN")
    assert (sue.head, sue.deprel) == (told.index, "ccomp")
    assert word_of(doc, "TV").head == meet.index
    assert quoted_by("show_title_after_cue") == [("the state would sue", "The governor")]


def test_a_relative_clause_hung_on_the_verb_after_it_is_the_nouns() -> None:
    # `According to Lindqvist, who chairs the committee, the vote will be held next week.`,
    # with "chairs" an adverbial clause of "held": the content began "who chairs ...".
    doc = subjects_repaired(parsed("relative_hung_on_verb_after"), LEXICON)
    chairs = word_of(doc, "chairs")
    assert (chairs.head, chairs.deprel) == (word_of(doc, "Lindqvist").index, "acl:relcl")
    assert quoted_by("relative_hung_on_verb_after") == [
        ("the vote will be held next week", "Lindqvist")
    ]


def test_a_participle_read_as_the_main_verb_before_a_cue_is_the_subjects() -> None:
    # `A UN report published on Tuesday warned that ...`, with "published" the root and
    # "warned" its complement: the report warned, and the time it was published says when,
    # not which report.
    doc = subjects_repaired(parsed("evidential_object_and_participle_main"), LEXICON)
    report, published, warned = (word_of(doc, t) for t in ("report", "published", "warned"))
    assert (report.head, report.deprel) == (warned.index, "nsubj")
    assert (published.head, published.deprel) == (report.index, "acl")
    assert warned.head == -1
    assert quoted_by("evidential_object_and_participle_main") == [
        ("inflation fell to 2.1%", "Harbour Statistics Office"),
        ("millions faced famine", "A UN report"),
    ]


def test_an_adjective_read_as_the_predicate_of_the_subject_noun_is_the_nouns() -> None:
    # `A source close to the prime minister, who asked not to be named, said ...`, read as
    # "the source [is] close ..." made the complement of "said", which had no subject: the
    # source speaks, described, not the prime minister.
    doc = subjects_repaired(parsed("adjective_on_subject_read_as_predicate"), LEXICON)
    source, close, said = (word_of(doc, t) for t in ("source", "close", "said"))
    assert (source.head, source.deprel) == (said.index, "nsubj")
    assert (close.head, close.deprel) == (source.index, "amod")
    result = attribute(parsed("adjective_on_subject_read_as_predicate"), LEXICON)
    assert [(s.name, s.anonymous) for s in result.speakers] == [
        ("A source close to the prime minister", True)
    ]


def test_a_share_opening_the_sentence_is_the_subject_of_say() -> None:
    # `Thirty-one percent of those surveyed say ...` (the number the root, "say" a clause of
    # it) and `Nearly a third say ...` ("say" a noun): the share says, a group of respondents;
    # `One in five say ...` counts them as "eight of 10" does.
    doc = subjects_repaired(parsed("share_of_respondents_says"), LEXICON)
    percent, third = word_of(doc, "percent"), word_of(doc, "third")
    first, second, _ = doc.sentences
    assert (percent.deprel, first.words[percent.head].text) == ("nsubj", "say")
    assert (third.upos, third.deprel, second.words[third.head].upos) == ("NOUN", "nsubj", "VERB")
    result = attribute(parsed("share_of_respondents_says"), LEXICON)
    assert [(s.name, s.kind.value) for s in result.speakers] == [
        ("Thirty-one percent", "group"),
        ("a third", "unknown"),
        ("One in five", "unknown"),
    ]
    assert [q.text for q in result.quotes] == [
        "they would back the plan",
        "they do not know",
        "that will not be true",
    ]
