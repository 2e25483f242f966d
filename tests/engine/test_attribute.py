"""One test per construction the engine reads, each on an invented sentence and a real parse."""

from __future__ import annotations

import pytest

from quoteattr_server.engine.types import QuoteKind, SpeakerKind

from .conftest import Attributor, quote_containing, speaker_of


def test_subject_of_cue(attribute_text: Attributor) -> None:
    result = attribute_text('"The bridge will close in May," Ana Kovac said.')
    quote = quote_containing(result, "bridge")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.rule == "subject of cue"
    assert quote.cue is not None
    assert quote.cue.lemma == "say"
    assert speaker_of(result, quote).name == "Ana Kovac"
    assert quote.mention is not None
    assert quote.mention.text == "Ana Kovac"


def test_inverted_said_x_with_title_and_apposition(attribute_text: Attributor) -> None:
    result = attribute_text(
        '"We were never consulted," said Deputy Mayor Tomas Ruiz, the city\'s budget chief.'
    )
    quote = quote_containing(result, "consulted")
    assert quote.rule == "inverted said X"
    speaker = speaker_of(result, quote)
    assert speaker.name == "Tomas Ruiz"
    assert speaker.kind is SpeakerKind.PERSON
    roles = [role.text for role in speaker.roles]
    assert "Deputy Mayor" in roles
    assert "the city's budget chief" in roles


def test_title_before_name_role(attribute_text: Attributor) -> None:
    result = attribute_text('"The budget is final," Finance Minister Petra Lind said.')
    speaker = speaker_of(result, quote_containing(result, "budget"))
    assert speaker.name == "Petra Lind"
    assert [role.text for role in speaker.roles] == ["Finance Minister"]


def test_apposition_role_carried_to_surname(attribute_text: Attributor) -> None:
    text = (
        "Marta Kovac, a union organiser at the port, criticised the plan on Monday.\n"
        '"It will cost hundreds of jobs," Kovac said.'
    )
    result = attribute_text(text)
    speaker = speaker_of(result, quote_containing(result, "hundreds"))
    assert speaker.name == "Marta Kovac"
    assert [role.text for role in speaker.roles] == ["a union organiser at the port"]
    role = speaker.roles[0]
    assert text[role.span.start : role.span.end] == role.text


def test_pronoun_resolved_to_previous_speaker(attribute_text: Attributor) -> None:
    result = attribute_text(
        'Marta Kovac leads the dockworkers at the port.\n"We will not give up," she said.'
    )
    quote = quote_containing(result, "give up")
    assert quote.mention is not None
    assert quote.mention.text == "she"
    assert speaker_of(result, quote).name == "Marta Kovac"


def test_colon_introduction_with_recipient(attribute_text: Attributor) -> None:
    result = attribute_text('Governor Ellen Pryce told reporters: "The budget is not negotiable."')
    quote = quote_containing(result, "negotiable")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.cue is not None
    assert quote.cue.lemma == "tell"
    speaker = speaker_of(result, quote)
    assert speaker.name == "Ellen Pryce"
    assert [role.text for role in speaker.roles] == ["Governor"]


def test_split_quote_is_one_attribution_with_two_pieces(attribute_text: Attributor) -> None:
    text = '"We will rebuild," Marta Kovac said, "but not this year."'
    result = attribute_text(text)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert [text[p.start : p.end] for p in quote.pieces] == [
        '"We will rebuild,"',
        '"but not this year."',
    ]
    assert speaker_of(result, quote).name == "Marta Kovac"


def test_partial_quote_inside_reported_clause(attribute_text: Attributor) -> None:
    result = attribute_text(
        'Tomas Ruiz said the delay was "a betrayal of every family on the line."'
    )
    quote = quote_containing(result, "betrayal")
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.text.startswith('"a betrayal')
    assert speaker_of(result, quote).name == "Tomas Ruiz"


def test_participle_continues_speaker(attribute_text: Attributor) -> None:
    result = attribute_text(
        '"The port is safe," said Ana Kovac, the harbour master, adding that the cranes were '
        '"old but reliable."'
    )
    quote = quote_containing(result, "old but reliable")
    assert quote.rule == "participle continues speaker"
    assert quote.cue is not None
    assert quote.cue.lemma == "add"
    assert speaker_of(result, quote).name == "Ana Kovac"


def test_multi_sentence_quote_takes_cue_from_last_sentence(attribute_text: Attributor) -> None:
    result = attribute_text(
        '"The mill is closing. Two hundred jobs go with it," union leader Marta Kovac said.'
    )
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert quote.text.startswith('"The mill')
    assert quote.text.endswith('with it,"')
    assert speaker_of(result, quote).name == "Marta Kovac"


def test_multi_paragraph_quote(attribute_text: Attributor) -> None:
    text = (
        '"This is the first paragraph of a long statement.\n'
        '"And this second paragraph ends the quote," Mayor Ana Kovac said.'
    )
    result = attribute_text(text)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert len(quote.pieces) == 2
    assert speaker_of(result, quote).name == "Ana Kovac"


def test_previous_speaker_continues_as_another_piece(attribute_text: Attributor) -> None:
    text = '"Nobody asked us," Ruiz said. "Nobody has told us anything."'
    result = attribute_text(text)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert [text[p.start : p.end] for p in quote.pieces] == [
        '"Nobody asked us,"',
        '"Nobody has told us anything."',
    ]
    assert speaker_of(result, quote).name == "Ruiz"


def test_previous_speaker_continues_after_reported_speech(attribute_text: Attributor) -> None:
    result = attribute_text(
        'Ana Kovac said the harbour would close in May.\n"Nobody has told us anything."'
    )
    follow_up = quote_containing(result, "anything")
    assert follow_up.rule == "previous speaker continues"
    assert follow_up.kind is QuoteKind.DIRECT
    assert speaker_of(result, follow_up).name == "Ana Kovac"
    assert follow_up.confidence < quote_containing(result, "harbour").confidence


def test_according_to_x(attribute_text: Attributor) -> None:
    result = attribute_text("The talks collapsed on Friday, according to two senior officials.")
    quote = quote_containing(result, "talks collapsed")
    assert quote.kind is QuoteKind.REPORTED
    assert quote.rule == "according to X"
    assert quote.cue is not None
    assert quote.cue.text == "according to"
    speaker = speaker_of(result, quote)
    assert speaker.name == "two senior officials"
    assert speaker.kind is SpeakerKind.GROUP


def test_reported_clause(attribute_text: Attributor) -> None:
    result = attribute_text(
        "Ellen Pryce, the state's governor, said on Tuesday that the budget would pass."
    )
    quote = quote_containing(result, "budget")
    assert quote.kind is QuoteKind.REPORTED
    assert quote.text == "the budget would pass"
    speaker = speaker_of(result, quote)
    assert speaker.name == "Ellen Pryce"
    assert [role.text for role in speaker.roles] == ["the state's governor"]


def test_medial_attribution(attribute_text: Attributor) -> None:
    result = attribute_text("The new budget, the governor said, will pass next week.")
    quote = quote_containing(result, "budget")
    assert quote.kind is QuoteKind.REPORTED
    assert quote.text.startswith("The new budget")
    assert quote.text.endswith("next week")
    assert quote.cue is not None
    assert quote.cue.text == "said"
    assert quote.mention is not None
    assert quote.mention.text == "the governor"


def test_reported_parataxis(attribute_text: Attributor) -> None:
    result = attribute_text("The budget will pass next week, the governor said.")
    quote = quote_containing(result, "budget")
    assert quote.kind is QuoteKind.REPORTED
    assert quote.rule == "reported parataxis"
    assert quote.text == "The budget will pass next week"
    assert quote.mention is not None
    assert quote.mention.text == "the governor"


def test_colon_introduction_across_paragraphs(attribute_text: Attributor) -> None:
    result = attribute_text(
        'The mayor spoke after the vote. Ana Kovac added:\n"We are ready to rebuild the bridge."'
    )
    quote = quote_containing(result, "rebuild")
    assert quote.rule == "colon introduction"
    assert quote.cue is not None
    assert quote.cue.lemma == "add"
    assert speaker_of(result, quote).name == "Ana Kovac"


def test_organization_speaker(attribute_text: Attributor) -> None:
    result = attribute_text('"The plan will fail," the White House said in a statement.')
    speaker = speaker_of(result, quote_containing(result, "plan"))
    assert speaker.name == "White House"
    assert speaker.kind is SpeakerKind.ORGANIZATION


def test_scare_quote_is_not_a_quote(attribute_text: Attributor) -> None:
    result = attribute_text('The so-called "reform" of the tax code passed on Friday.')
    assert result.quotes == ()


def test_options_filter_reported_speech_and_low_confidence(attribute_text: Attributor) -> None:
    text = 'The union said it would strike.\n"Nobody asked us," Ruiz said. "Not once."'
    everything = attribute_text(text)
    assert {q.kind for q in everything.quotes} >= {QuoteKind.REPORTED, QuoteKind.DIRECT}
    direct_only = attribute_text(text, include_reported=False)
    assert all(q.kind is not QuoteKind.REPORTED for q in direct_only.quotes)
    confident = attribute_text(text, min_confidence=0.9)
    assert confident.quotes
    assert all(q.confidence >= 0.9 for q in confident.quotes)
    assert {s.id for s in confident.speakers} == {q.speaker_id for q in confident.quotes}


def test_offsets_point_into_the_original_text(attribute_text: Attributor) -> None:
    text = (
        "Headline without a stop\n\n"
        "\u201cCaf\u00e9 owners won\u2019t wait,\u201d said Zo\u00eb Brandt, who runs a bakery.\n"
        'She said the rent had "doubled in a year."'
    )
    result = attribute_text(text)
    assert result.quotes
    for quote in result.quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
        if quote.mention is not None:
            assert text[quote.mention.span.start : quote.mention.span.end] == quote.mention.text
        if quote.cue is not None:
            assert text[quote.cue.span.start : quote.cue.span.end] == quote.cue.text


def test_unbalanced_marks_never_swallow_the_article(attribute_text: Attributor) -> None:
    text = 'A stray " mark opens here and the story goes on.\n"Real quote," Kovac said.'
    result = attribute_text(text)
    quote = quote_containing(result, "Real quote")
    assert quote.text == '"Real quote,"'
    assert speaker_of(result, quote).name == "Kovac"


def test_dash_signature(attribute_text: Attributor) -> None:
    result = attribute_text('"Every vote has to count." \u2014 Commissioner Alma Ferris')
    quote = quote_containing(result, "vote")
    assert quote.rule == "dash signature"
    assert quote.cue is not None
    assert quote.cue.text == "\u2014"
    speaker = speaker_of(result, quote)
    assert speaker.name == "Alma Ferris"
    assert [role.text for role in speaker.roles] == ["Commissioner"]


def test_name_before_cue_when_subject_arc_is_lost(attribute_text: Attributor) -> None:
    result = attribute_text(
        '"It is an invasion of our domain," Scott Pruitt, the attorney general of the state, '
        "said on Monday."
    )
    speaker = speaker_of(result, quote_containing(result, "invasion"))
    assert speaker.name == "Scott Pruitt"
    assert [role.text for role in speaker.roles] == ["the attorney general of the state"]


def test_copular_relative_clause_role(attribute_text: Attributor) -> None:
    result = attribute_text(
        "Kovac, who is the head of the dockworkers' union, said the port would close."
    )
    speaker = speaker_of(result, quote_containing(result, "port would close"))
    assert [role.text for role in speaker.roles] == ["the head of the dockworkers' union"]


def test_verbal_relative_clause_is_no_role(attribute_text: Attributor) -> None:
    """News style guides and the annotation conventions read "who heads X" as a description
    of what someone does, not a role the article gives them."""
    result = attribute_text("Kovac, who heads the dockworkers' union, said the port would close.")
    speaker = speaker_of(result, quote_containing(result, "port would close"))
    assert speaker.roles == ()


def test_reported_infinitive(attribute_text: Attributor) -> None:
    result = attribute_text("The governor urged lawmakers to pass the budget before the recess.")
    quote = quote_containing(result, "lawmakers")
    assert quote.rule == "reported infinitive"
    assert quote.text == "lawmakers to pass the budget before the recess"
    assert quote.cue is not None
    assert quote.cue.lemma == "urge"


def test_reported_object(attribute_text: Attributor) -> None:
    result = attribute_text("Senator Ana Kovac criticized the new trade deal with Canada.")
    quote = quote_containing(result, "trade deal")
    assert quote.rule == "reported object"
    assert quote.text == "the new trade deal with Canada"
    assert speaker_of(result, quote).name == "Ana Kovac"


def test_reported_oblique(attribute_text: Attributor) -> None:
    result = attribute_text("The mayor warned about the rising cost of the bridge repairs.")
    quote = quote_containing(result, "rising cost")
    assert quote.rule == "reported oblique"
    assert quote.text.startswith("about the rising cost")


def test_clause_of_a_verb_outside_the_lexicon(attribute_text: Attributor) -> None:
    result = attribute_text("The senator insinuated that the bill was dead.")
    quote = quote_containing(result, "bill was dead")
    assert quote.rule == "reported clause of other verb"
    assert quote.confidence < 0.5


def test_no_attribution_without_a_source(attribute_text: Attributor) -> None:
    result = attribute_text("The storm destroyed the old pier near the harbour.")
    assert result.quotes == ()


def test_oblique_of_time_is_not_content(attribute_text: Attributor) -> None:
    result = attribute_text('"We will appeal the ruling," Tomas Brandt told reporters on Friday.')
    assert [q.kind for q in result.quotes] == [QuoteKind.DIRECT]


def test_title_of_work_is_not_a_quote(attribute_text: Attributor) -> None:
    text = 'In an interview on "Face the Nation," Senator Ana Kovac said the bill was dead.'
    result = attribute_text(text)
    assert all("Face the Nation" not in q.text for q in result.quotes)
    quote = quote_containing(result, "bill was dead")
    assert speaker_of(result, quote).name == "Ana Kovac"


def test_relative_clause_is_not_reported_content(attribute_text: Attributor) -> None:
    text = (
        '"That is the weak point," said Luis Rubio, who heads a research centre in the capital. '
        '"Nothing matters more than trade."'
    )
    result = attribute_text(text)
    assert len(result.quotes) == 1
    assert len(result.quotes[0].pieces) == 2
    speaker = speaker_of(result, result.quotes[0])
    assert speaker.name == "Luis Rubio"
    assert speaker.roles == ()


def test_object_of_a_speech_verb_is_content(attribute_text: Attributor) -> None:
    result = attribute_text("The witness said the driver accelerated as he was mowing people down.")
    quote = quote_containing(result, "driver accelerated")
    assert quote.kind is QuoteKind.REPORTED
    assert quote.text == "the driver accelerated as he was mowing people down"
    assert speaker_of(result, quote).name == "The witness"


def test_artefact_source_for_evidential_cue(attribute_text: Attributor) -> None:
    result = attribute_text("A new poll shows broad support for the harbour plan.")
    quote = quote_containing(result, "support")
    assert quote.cue is not None
    assert quote.cue.lemma == "show"
    assert speaker_of(result, quote).name == "A new poll"


def test_name_colon_headline(attribute_text: Attributor) -> None:
    result = attribute_text(
        "Ana Kovac: The Bridge Will Not Close This Year\nThe mayor spoke on Monday."
    )
    quote = quote_containing(result, "Bridge Will Not Close")
    assert quote.rule == "name colon"
    assert quote.cue is not None
    assert quote.cue.text == ":"
    assert speaker_of(result, quote).name == "Ana Kovac"


def test_poll_as_source(attribute_text: Attributor) -> None:
    result = attribute_text("In a new survey, most voters in the city rated the mayor highly.")
    quote = quote_containing(result, "most voters")
    assert quote.rule == "in a poll"
    assert quote.mention is not None
    assert quote.mention.text == "a new survey"


def test_cue_verbs_of_position(attribute_text: Attributor) -> None:
    result = attribute_text("The governor expressed concern about the cost of the new bridge.")
    quote = quote_containing(result, "concern")
    assert quote.cue is not None
    assert quote.cue.lemma == "express"
    assert quote.text.startswith("concern")


def test_fragments_of_one_clause_are_one_partial_quote(attribute_text: Attributor) -> None:
    text = 'Senator Ana Kovac called the plan "reckless" and "cruel to every family on the line."'
    result = attribute_text(text)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert quote.kind is QuoteKind.PARTIAL
    assert [text[p.start : p.end] for p in quote.pieces] == [
        '"reckless"',
        '"cruel to every family on the line."',
    ]
    assert speaker_of(result, quote).name == "Ana Kovac"


def test_quoted_subject_of_a_reported_clause_is_partial(attribute_text: Attributor) -> None:
    result = attribute_text('Donald Trump said at a rally that "a bomb" had gone off in the city.')
    quote = quote_containing(result, "a bomb")
    assert quote.kind is QuoteKind.PARTIAL
    assert speaker_of(result, quote).name == "Donald Trump"


def test_cue_with_a_speaker_wins_over_a_subjectless_one(attribute_text: Attributor) -> None:
    result = attribute_text(
        'Asked to describe the device, Commissioner Ana Kovac said, "Not going into that."'
    )
    quote = quote_containing(result, "Not going")
    assert quote.cue is not None
    assert quote.cue.lemma == "say"
    assert speaker_of(result, quote).name == "Ana Kovac"


def test_participle_on_a_noun_takes_the_noun_as_source(attribute_text: Attributor) -> None:
    result = attribute_text("An outside group backing Senator Ana Kovac spent millions last month.")
    quote = quote_containing(result, "Ana Kovac")
    assert quote.cue is not None
    assert quote.cue.lemma == "back"
    assert quote.mention is not None
    assert "group" in quote.mention.text


def test_title_resolved_to_the_person_named_earlier(attribute_text: Attributor) -> None:
    result = attribute_text(
        'Finance Minister Petra Lind presented the budget on Monday. "It is balanced," the '
        "minister said."
    )
    quote = quote_containing(result, "balanced")
    assert quote.mention is not None
    assert quote.mention.text == "the minister"
    speaker = speaker_of(result, quote)
    assert speaker.name == "Petra Lind"
    assert [role.text for role in speaker.roles] == ["Finance Minister", "the minister"]


def test_in_a_statement_organisation_said(attribute_text: Attributor) -> None:
    result = attribute_text("In a statement, the ministry said the talks had failed.")
    quote = quote_containing(result, "talks had failed")
    assert quote.text == "the talks had failed"
    speaker = speaker_of(result, quote)
    assert speaker.kind is SpeakerKind.ORGANIZATION


def test_told_reporters_after_the_quote(attribute_text: Attributor) -> None:
    result = attribute_text('"We were ready," Kovac told reporters after the vote.')
    quote = quote_containing(result, "ready")
    assert quote.cue is not None
    assert quote.cue.lemma == "tell"
    assert speaker_of(result, quote).name == "Kovac"


@pytest.mark.parametrize(
    "text",
    [
        'Senator Ana "Iron" Kovac voted against the bill on Friday.',
        'It was a "very" big deal for the town.',
    ],
    ids=["nickname", "emphasis"],
)
def test_nicknames_and_emphasis_are_not_quotes(attribute_text: Attributor, text: str) -> None:
    assert attribute_text(text).quotes == ()
