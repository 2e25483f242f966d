"""Who an organisation speaker is (engine.entities and the names engine.roles reads), on Stanza
parses of invented text."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.types import AttributionResult, SourceCategory, SpeakerKind

from .rulekit import (
    LEXICON,
    attributed,
    parsed,
    quote_containing,
    quoted_by,
    roles_by_name,
    speaker_name,
    speaker_of,
)


def _speaker(result: AttributionResult, fragment: str) -> tuple[str, str]:
    speaker = speaker_of(result, quote_containing(result, fragment))
    assert speaker is not None
    return speaker.name, speaker.kind.value


def test_organisation_names_joined_by_and_or_opened_by_adjectives_stay_whole() -> None:
    result = attribute(parsed("organization_names_joined"), LEXICON)
    assert _speaker(result, "the filing was late") == (
        "Ports and Harbours Commission",
        "organization",
    )
    assert _speaker(result, "it would review the case") == (
        "United Kingdom Coastguard and Harbour Agency",
        "organization",
    )
    assert _speaker(result, "the advertisement was false") == (
        "Republican National Committee",
        "organization",
    )
    # Two organisations joined by "and", the first with a head word of its own: not one name.
    names = {s.name for s in result.speakers}
    assert "United States and European Union" not in names
    assert "European Union" in names


def test_an_organisation_named_by_its_purpose_keeps_the_whole_name() -> None:
    # `The Committee to Protect Harbour Workers said`, `According to the Alliance to Save Our
    # Piers`: "to" and a capitalised verb go on the name, with the capitalised words after it.
    result = attribute(parsed("organization_named_by_purpose"), LEXICON)
    assert _speaker(result, "dockers had been detained") == (
        "Committee to Protect Harbour Workers",
        "organization",
    )
    assert _speaker(result, "close three jetties") == ("Alliance to Save Our Piers", "organization")


def test_a_place_before_adjectives_and_a_noun_names_no_one() -> None:
    # `Harbour Electronics reported ... The South Korean company said`: "South" only modifies
    # "company" (past the adjective), so the company described is the one named before.
    assert speaker_name("name_modifying_noun_past_adjective", "remained weak") == (
        "Harbour Electronics"
    )


def test_a_company_shortened_to_the_words_before_its_trade_is_the_same_company() -> None:
    # `Northwind Energy ... Northwind said`: one organisation, by its trade word
    # (engine/data/company_words.txt).
    result = attribute(parsed("company_short_name"), LEXICON)
    assert _speaker(result, "close two plants") == ("Northwind Energy", "organization")
    assert _speaker(result, "We regret the decision") == ("Northwind Energy", "organization")
    # A committee is no trade: `The HPA` stays the organisation it names.
    assert _speaker(result, "the vote would go ahead") == ("HPA", "organization")


def test_an_organisation_named_with_a_possessive_stays_whole() -> None:
    # `The Riverton County Sheriff's Office`, `The Cook County State's Attorney's Office`: one
    # name; a person's possessive is not part of it (`Trump's Justice Department`); a mission
    # named in a complement is where officials work (`Officials at the British High
    # Commission in Lagos`).
    result = attribute(parsed("possessive_organisation_names"), LEXICON)
    assert _speaker(result, "deputies were called") == (
        "Riverton County Sheriff's Office",
        "organization",
    )
    assert _speaker(result, "charges were expected") == (
        "Cook County State's Attorney's Office",
        "organization",
    )
    assert _speaker(result, "the inquiry was closed") == ("Justice Department", "organization")
    assert _speaker(result, "aware of the arrest") == (
        "Officials at the British High Commission in Lagos",
        "group",
    )


def test_definite_description_by_head_word_is_the_organisation_named_before() -> None:
    result = attribute(parsed("organization_described"), LEXICON)
    assert _speaker(result, "the pier was unsafe") == (
        "Commission on Harbour Safety",
        "organization",
    )
    # A modifier the name lacks makes another court.
    assert _speaker(result, "the ruling would stand") == ("The appeals court", "organization")


def test_name_written_after_the_article_is_an_organisation() -> None:
    result = attribute(parsed("organization_after_article"), LEXICON)
    assert _speaker(result, "the mayor had resigned") == ("Daily Ledger", "organization")
    assert _speaker(result, "the report was false") == ("Ana Kovac", "person")


def test_a_title_word_before_an_organisations_head_word_names_the_organisation() -> None:
    result = attribute(parsed("title_in_organization_name"), LEXICON)
    speaker = speaker_of(result, quote_containing(result, "the inquiry was closed"))
    assert speaker is not None
    assert (speaker.name, speaker.kind.value, speaker.roles) == (
        "Justice Department",
        "organization",
        (),
    )
    # Before a name it is a title.
    assert _speaker(result, "the ruling would stand") == ("Ana Kovac", "person")
    kovac = speaker_of(result, quote_containing(result, "the ruling would stand"))
    assert kovac is not None
    assert [role.text for role in kovac.roles] == ["Supreme Court Justice"]


def test_a_name_hung_on_a_role_noun_is_a_name_of_the_article_and_its_subject() -> None:
    # `City boss Ana Lind was less happy. "...," she told reporters.`: "she" is Lind, the
    # subject named last, not Reyes of the paragraph before.
    result = attribute(parsed("name_on_role_noun"), LEXICON)
    assert _speaker(result, "two soft goals") == ("Ana Lind", "person")
    assert _speaker(result, "They never stopped") == ("Tom Reyes", "person")


def test_organisations_by_their_trade_and_groups_by_their_number() -> None:
    result = attribute(parsed("organisations_by_trade"), LEXICON)
    # A company described by its trade is an organisation, its description its role (as a
    # person's is: `a senior official`).
    carmaker = speaker_of(result, quote_containing(result, "cut 10,000 jobs"))
    assert carmaker is not None
    assert (carmaker.name, carmaker.kind.value, [r.text for r in carmaker.roles]) == (
        "The country's biggest carmaker",
        "organization",
        ["The country's biggest carmaker"],
    )
    # A name whose apposition is headed by an organisation's head word is an organisation.
    assert _speaker(result, "fight the plan") == ("Metallbund", "organization")
    # Many of a kind, and people named by what they do at a bank, are groups.
    assert _speaker(result, "more scrutiny") == ("State regulators", "group")
    assert _speaker(result, "save money") == ("Analysts at Harbour Bank", "group")


def test_a_name_after_an_organisations_noun_is_an_organisation() -> None:
    result = attribute(parsed("organization_noun_before_name"), LEXICON)
    assert _speaker(result, "ignored warnings") == ("Harbour Herald", "organization")


def test_a_headline_of_capitalised_words_lends_no_name() -> None:
    # Every word of the headline capitalised (and tagged a proper noun): it is a headline, so
    # "Ruiz" is the body's "Sen. Tomas Ruiz", not the headline's run of capitals.
    result = attribute(parsed("capitalised_headline"), LEXICON)
    assert _speaker(result, "I will win") == ("Tomas Ruiz", "person")


def test_an_honorific_picks_the_one_of_its_gender_among_people_sharing_a_surname() -> None:
    # `Anil Patel ... his wife, Meena Patel. Mr Patel said ... Mrs Patel said ...`: "Mr" is
    # not the wife named last before it.
    result = attribute(parsed("shared_surname_honorific"), LEXICON)
    names = [
        speaker.name if speaker else None
        for speaker in (
            speaker_of(result, quote_containing(result, fragment))
            for fragment in ("business had halved", "they would stay")
        )
    ]
    assert names == ["Anil Patel", "Meena Patel"]


def test_a_person_called_by_age_alone_is_the_person_named_last() -> None:
    # `Josh Taylor scored twice ... "...," the 23-year-old said.`: no role, but him.
    result = attribute(parsed("age_only_description"), LEXICON)
    speaker = speaker_of(result, quote_containing(result, "kept going"))
    assert speaker is not None
    assert (speaker.name, speaker.roles) == ("Josh Taylor", ())


def test_a_company_called_by_what_it_is_is_the_company_named_last() -> None:
    # `Carmaker Voltra Motors said ... The carmaker said ...`: one speaker, named without the
    # trade noun, whose trade is its role as the article gives it (a generic noun, `The
    # company`, is none); `The company said` after a ministry is no ministry.
    result = attribute(parsed("company_described"), LEXICON)
    speakers = [speaker_of(result, quote) for quote in result.quotes]
    found = [(s.name, [r.text for r in s.roles]) if s else None for s in speakers]
    assert found == [
        ("Voltra Motors", ["The carmaker"]),
        ("Voltra Motors", ["The carmaker"]),
        ("Transport Ministry", []),
        ("The company", []),
    ]


def test_an_epithet_given_in_an_apposition_the_parse_missed_or_of_two_words() -> None:
    # `Police arrested Tomas Ruiz, a 34-year-old bus driver, ... The driver later told
    # reporters ...`: the apposition, hung as a second object and broken by the hyphens of
    # the age, is still read where he is named, so "the driver" is him.
    result = attribute(parsed("epithet_after_hyphenated_apposition"), LEXICON)
    assert roles_by_name(result) == {"Tomas Ruiz": ["a 34-year-old bus driver", "The driver"]}
    # `Ana Kovac, the harbour master, ... "...," the harbour master said.`: a post of two
    # words, headed by "master".
    result = attribute(parsed("two_word_post_epithet"), LEXICON)
    assert [s.name for s in result.speakers] == ["Ana Kovac"]


def test_a_post_named_again_by_another_word_is_the_same_person() -> None:
    # `Pope Clement ... told the families that "..." The pontiff, ..., said ...`: the pope.
    result = attribute(parsed("pontiff_after_pope"), LEXICON)
    assert roles_by_name(result) == {"Clement": ["Pope", "The pontiff"]}
    assert len(result.quotes) == 2


def test_they_after_a_described_group_is_that_group() -> None:
    # `Analysts at Harbour Bank raised their forecast ... "...," they wrote`: no group was
    # named before, so "they" is the plural of people opening the sentence before.
    result = attribute(parsed("they_after_described_group"), LEXICON)
    assert _speaker(result, "far better than we thought") == ("Analysts at Harbour Bank", "group")


def test_an_epithet_with_a_count_after_its_noun_is_the_person_named_before() -> None:
    # `Maria Santos was at home ... "...," the mother of three said.`: the noun is "mother".
    assert speaker_name("epithet_with_count", "grabbed the children") == "Maria Santos"


def test_it_is_the_body_or_document_the_sentence_before_is_about() -> None:
    # `The harbour board sent a letter ... It says ...`: the board; `The report was published
    # on Monday. It found ...`: the report, not the board named a paragraph earlier.
    assert quoted_by("it_after_described_body") == [
        ("the contract was broken", "The harbour board"),
        ("rents had doubled", "The report"),
    ]


def test_an_epithet_right_after_a_name_is_that_person_but_not_a_participant_of_a_thing() -> None:
    # `Margaret Doyle, 84, ... "...," the retired teacher said.`: her, with the epithet as a
    # role; `As a bell rang, the announcer said` (not opening the sentence) and `the ad's
    # narrator` (owned by a thing) are other people.
    result = attribute(parsed("epithet_after_name"), LEXICON)
    names = [s.name if s else None for s in (speaker_of(result, q) for q in result.quotes)]
    assert names == [
        "Margaret Doyle",
        "A harbour ad",
        "the announcer",
        "Gord Simmons",
        "the ad's narrator",
    ]


def test_a_source_cited_by_news_copy_is_a_person() -> None:
    # `a source who has seen the plan said`, `One source said`: one unnamed person each.
    result = attribute(parsed("people_as_sources"), LEXICON)
    assert [(s.name, s.kind.value, s.anonymous) for s in result.speakers] == [
        ("a source", "person", True),
        ("One source", "person", True),
    ]


def test_a_title_before_two_names_is_the_first_ones_unless_plural() -> None:
    # `Vice President Tomas Berg and Anna Holm`: the title is his; `the president` later is
    # President Lindqvist, not the vice president; `Sens. Ana Kovac and Tom Ruiz` are both
    # senators.
    result = attribute(parsed("title_of_first_conjunct"), LEXICON)
    found = [
        (speaker.name, [role.text for role in speaker.roles])
        for quote, speaker in attributed(result)
    ]
    assert found == [
        ("Maria Lindqvist", ["President", "the president"]),
        ("Anna Holm", ["the former transport minister"]),
        ("Maria Lindqvist", ["President", "the president"]),
        ("Tom Ruiz", ["Sens."]),
    ]
    (partner,) = [s for s in result.speakers if s.id in result.quotes[-1].co_speaker_ids]
    assert (partner.name, [role.text for role in partner.roles]) == ("Ana Kovac", ["Sens."])


def test_a_nationality_right_after_a_name_is_that_person_and_a_paper_is_the_one_named() -> None:
    # `Striker Marcus Oduya scored twice. "...," the Nigerian said`, `The Italian added`: the
    # person named last (nationalities.txt), never an organisation called "Nigerian";
    # `The Harbour Herald reported ... the newspaper said`: the paper named last.
    result = attribute(parsed("nationality_after_name"), LEXICON)
    found = [(s.name, s.kind.value) for s in (speaker_of(result, q) for q in result.quotes) if s]
    assert found == [
        ("Marcus Oduya", "person"),
        ("Lena Fischer", "person"),
        ("Luca Bianchi", "person"),
        ("Luca Bianchi", "person"),
        ("Harbour Herald", "organization"),
        ("Harbour Herald", "organization"),
    ]
    # The description is a role of the one it calls so (the paper's is its trade).
    assert roles_by_name(result) == {
        "Marcus Oduya": ["Striker", "the Nigerian"],
        "Lena Fischer": ["the South African"],
        "Luca Bianchi": ["The Italian"],
        "Harbour Herald": ["the newspaper"],
    }


def test_a_pronoun_in_a_clause_on_an_event_a_person_owns_is_that_person() -> None:
    # `Ana Kovac's radio interview, in which she said ...`: Kovac, not the reader quoted
    # before; `Tom Ruiz's speech, during which he said ...`: Ruiz.
    result = attribute(parsed("pronoun_in_owned_event"), LEXICON)
    found = [s.name if s else None for s in (speaker_of(result, q) for q in result.quotes)]
    assert found == ["a reader from Dover", "Ana Kovac", "Tom Ruiz"]


def test_a_name_after_its_copula_is_the_subject_a_pronoun_goes_to() -> None:
    # `Among the protesters was Edna Price, 71, ... "...," she said.`: the name is the subject
    # of the inverted copula (the parser made "protesters" one, with its preposition), so she
    # speaks, not the councillor quoted before.
    result = attribute(parsed("inverted_copular_subject"), LEXICON)
    found = [s.name if s else None for s in (speaker_of(result, q) for q in result.quotes)]
    assert found == ["Tom Reyes", "Edna Price"]


def test_a_pronoun_goes_to_the_person_the_writer_spoke_to() -> None:
    # `When I asked the harbour master whether ..., she shrugged. "...," she said.`: the writer
    # is no one "she" means; the person they asked, described by a role noun, is.
    result = attribute(parsed("pronoun_for_writers_interlocutor"), LEXICON)
    found = [s.name if s else None for s in (speaker_of(result, q) for q in result.quotes)]
    assert found == ["the harbour master"]


def test_a_role_stated_of_he_goes_to_the_speaker_he_stands_for() -> None:
    # `He met Ruiz on Friday. The difference now, he told reporters, is that he is the head of
    # the pilots' union`: Marsh's role (the pronoun at the cue is his), not Ruiz's, though
    # Ruiz is the name written last.
    result = attribute(parsed("pronoun_predicate_of_speaker"), LEXICON)
    roles = {s.name: [role.text for role in s.roles] for s in result.speakers}
    assert roles == {
        "Tom Ruiz": ["Mayor", "the mayor"],
        "Ed Marsh": ["a ferry captain", "the head of the pilots' union"],
    }


def test_what_a_quotation_says_of_he_is_no_role() -> None:
    # `"He's a liar ..."` inside Marsh's quotation: his words about someone, no role of anyone.
    result = attribute(parsed("quoted_predicate_no_role"), LEXICON)
    roles = {s.name: [role.text for role in s.roles] for s in result.speakers}
    assert roles == {"Tom Ruiz": ["Mayor"], "Ed Marsh": ["a ferry captain"]}


def test_a_company_called_by_its_trade_and_a_club_by_club() -> None:
    # `Tessaly Pharma ... The drugmaker said`, `Freshway Stores ... The grocer said`: the
    # company; `the club` is Brookfield Wanderers, not the grocer named before; `The Teachers'
    # Union` keeps its whole name.
    result = attribute(parsed("company_descriptors"), LEXICON)
    found = [(s.name, s.kind.value) for s in (speaker_of(result, q) for q in result.quotes) if s]
    assert found == [
        ("Tessaly Pharma", "organization"),
        ("Freshway Stores", "organization"),
        ("Brookfield Wanderers", "organization"),
        ("Teachers' Union", "organization"),
    ]


def test_titles_of_local_and_sports_copy() -> None:
    # `Det Supt Doherty` is Jayne Doherty (abbreviated ranks), `Acting Chief` keeps "Acting"
    # though tagged a verb, `Winemaker` is a role, not a name, and `the Nigeria international`
    # is the striker named just before.
    result = attribute(parsed("titles_of_local_copy"), LEXICON)
    assert {s.name: [role.text for role in s.roles] for s in result.speakers} == {
        "Jayne Doherty": ["Detective Superintendent", "Det Supt"],
        "Ana Ruiz": ["Acting Chief"],
        "Sophie Blake": ["Winemaker"],
        "Jamal Okafor": ["Striker", "the Nigeria international"],
    }


def test_documents_relatives_and_unnamed_nationals() -> None:
    # `"...," said the Welshman` with no one named before: a person, never an organisation;
    # `the statement said` is the hospital, which put the statement out; `One of the victims,
    # Sunita Deshmukh,` is her; `Lyle's sister, Angela Lyle,` keeps her role though it holds
    # her surname; `the 71-year-old` is the one of 71, not the boy named last; `said its
    # president, Moira Flanagan` is her.
    result = attribute(parsed("documents_and_relatives"), LEXICON)
    found = [
        (speaker.name, speaker.kind.value, [role.text for role in speaker.roles])
        for quote, speaker in attributed(result)
    ]
    assert found == [
        ("the Welshman", "person", []),
        ("The hospital", "organization", []),
        ("The hospital", "organization", []),
        ("Sunita Deshmukh", "person", ["One of the victims"]),
        ("Angela Lyle", "person", ["Lyle's sister"]),
        ("Joe Mendes", "person", []),
        ("Moira Flanagan", "person", ["its president"]),
    ]


def test_counsel_sides_and_a_name_parsed_as_a_vocative() -> None:
    # `Prosecuting, Helen Marsh said`, `Ian Curtis, defending, said`: the side is the role;
    # `Duran, who led the team ..., thanked the fans. "...," he wrote`, with "Duran" parsed
    # as a vocative: he is the subject "he" goes to, not the manager quoted before; the club
    # that `dismissed head coach Mike Duran` said nothing of him.
    result = attribute(parsed("court_sides_and_fronted_name"), LEXICON)
    found = [
        (quote.text, speaker.name, [role.text for role in speaker.roles])
        for quote, speaker in attributed(result)
    ]
    assert found == [
        ("the defendant had shown no remorse", "Helen Marsh", ["Prosecuting"]),
        ("his client was sorry", "Ian Curtis", ["defending"]),
        ('"It was a hard call,"', "Laura Chen", ["Falcons general manager"]),
        ('"I gave everything,"', "Mike Duran", ["head coach"]),
    ]


def test_a_post_quoted_first_is_the_holder_named_right_after() -> None:
    # `"...," the opposition leader said. Raila Mwangaza, the opposition leader, said ...`,
    # `"...," Kenya's interior minister said. Interior Minister Joseph Wanjiru made the remarks
    # in Nairobi on Tuesday.`: the one person named after with that post speaks (and "on
    # Tuesday" is when the remarks were made, no content of them).
    result = attribute(parsed("post_named_after_quote"), LEXICON)
    found = [(q.text, s.name) for q in result.quotes if (s := speaker_of(result, q))]
    assert found == [
        ('"We will not rest,"', "Raila Mwangaza"),
        ("the vote had been stolen", "Raila Mwangaza"),
        ('"We are not going to negotiate with criminals,"', "Joseph Wanjiru"),
    ]


def test_a_portfolio_after_a_title_is_no_part_of_the_name() -> None:
    # `Minister for Housing Tom Delaney`, `Secretary of State for Transport Mark Harper`: the
    # portfolio is the title's; `Voters for Clean Water` is a group's name and `a candidate for
    # Hillary Mendes` no post of hers.
    result = attribute(parsed("portfolio_titles"), LEXICON)
    assert {s.name: [role.text for role in s.roles] for s in result.speakers} == {
        "Tom Delaney": ["Minister for Housing"],
        "Mark Harper": ["Secretary of State for Transport"],
        "Voters for Clean Water": [],
        "Hillary Mendes": [],
    }


def test_a_shadow_post_is_another_and_an_expectation_is_nobodys_word() -> None:
    # `the health secretary` is the Health Secretary, not the shadow health secretary;
    # `Kestrel Robotics` is a company that `The company` goes on; `Lund is expected to run`
    # and `The drug is believed to be safe` are others' views, no attribution of Lund's.
    result = attribute(parsed("shadow_posts_and_expectations"), LEXICON)
    found = [(q.text, s.name, s.kind.value) for q in result.quotes if (s := speaker_of(result, q))]
    assert found == [
        ("the plan", "Ruth Amadi", "person"),
        ('"The plan is sound,"', "Tom Ellis", "person"),
        ("it would cut jobs", "Kestrel Robotics", "organization"),
        ("the cuts were painful", "Kestrel Robotics", "organization"),
    ]


def test_a_first_name_alone_is_the_person_given_an_age_or_honorific() -> None:
    # `Twelve-year-old Mia Sorensen ... Mia said`, `Maria Gonzalez, 34, ... Maria said`: the
    # one full name opening with it, which an age says is a person's; `Dr. Chen` is a person.
    result = attribute(parsed("first_names_in_features"), LEXICON)
    found = [(s.name, s.kind.value) for q in result.quotes if (s := speaker_of(result, q))]
    assert found == [
        ("Mia Sorensen", "person"),
        ("Maria Gonzalez", "person"),
        ("Maria Gonzalez", "person"),
        ("Chen", "person"),
    ]


def test_a_party_member_by_post_is_described_not_named() -> None:
    # `a Tory MP said`, `one Labour MP told the BBC`: one unnamed member each, never a speaker
    # called "Tory" or "Labour".
    result = attribute(parsed("party_member_described"), LEXICON)
    found = [(s.name, s.kind.value, s.anonymous) for _, s in attributed(result)]
    assert found == [("a Tory MP", "person", True), ("one Labour MP", "person", True)]


def test_two_descriptions_joined_by_and_are_a_group_with_no_roles() -> None:
    # `The mayor and the police chief said`, `The senator and her husband said`: two people;
    # `The former mayor and current party chair said`: one, with both roles.
    result = attribute(parsed("two_described_speak"), LEXICON)
    assert _speaker(result, "park would reopen") == ("The mayor and the police chief", "group")
    assert _speaker(result, "shocked") == ("The senator and her husband", "group")
    assert _speaker(result, "run again") == ("The former mayor and current party chair", "person")
    roles = {s.name: [r.text for r in s.roles] for s in result.speakers}
    assert roles["The senator and her husband"] == []
    assert roles["The former mayor and current party chair"] == [
        "The former mayor",
        "current party chair",
    ]


def test_an_epithet_the_article_gave_someone_named_is_that_person() -> None:
    # `Striker Pablo Nunez was sent off by referee Hugo Brandt ... The referee said`: Brandt,
    # not Nunez, who spoke last.
    result = attribute(parsed("epithet_given_to_another"), LEXICON)
    assert _speaker(result, "no doubt") == ("Hugo Brandt", "person")


def test_the_senator_is_the_one_titled_sen() -> None:
    # `Gov. Rita Marsh met Sen. Ana Kovac ... "...," Marsh said. The senator said ...`: the
    # abbreviated title names the post; not Marsh, who spoke last.
    result = attribute(parsed("abbreviated_title_holder"), LEXICON)
    assert _speaker(result, "back the plan") == ("Ana Kovac", "person")


def test_a_former_holder_named_after_is_not_the_post_quoted_first() -> None:
    # `"...," the minister said. ... Among the rebels was Tomas Ruiz, a former minister.`: a
    # former minister is not the minister.
    result = attribute(parsed("former_post_named_after"), LEXICON)
    assert _speaker(result, "back down") == ("the minister", "person")


def test_an_owned_post_quoted_first_is_the_holder_named_right_after() -> None:
    # `the town's mayor said ... "...," said Mayor Greta Holm.`: the possessor says whose
    # post it is, not which.
    result = attribute(parsed("owned_post_named_after"), LEXICON)
    assert _speaker(result, "hurt shops") == ("Greta Holm", "person")


def test_a_spokeswoman_for_a_body_named_after_its_description_is_the_spokeswoman() -> None:
    # `A spokeswoman for the maker, Kestrel Pharma, said`: the name is the maker's.
    result = attribute(parsed("spokeswoman_for_named_body"), LEXICON)
    assert _speaker(result, "no plans") == ("A spokeswoman", "person")


def test_a_name_ending_in_a_trade_word_is_a_company() -> None:
    # `Kestrel Air said`: "Air" ends airline names as "Energy" ends energy companies' names.
    result = attribute(parsed("company_named_by_trade"), LEXICON)
    (speaker,) = result.speakers
    assert (speaker.name, speaker.kind) == ("Kestrel Air", SpeakerKind.ORGANIZATION)
    assert speaker.category is SourceCategory.BUSINESS


def test_the_chief_of_a_body_is_who_holds_its_title() -> None:
    # `UN Secretary-General Alberto Ruiz said ... The UN chief added`: the person named with a
    # title of the UN.
    result = attribute(parsed("head_of_body"), LEXICON)
    speakers = [speaker_of(result, q) for q in result.quotes]
    assert [s.name if s else None for s in speakers] == ["Alberto Ruiz", "Alberto Ruiz"]


def test_bare_surname_is_the_person_last_named_as_a_subject() -> None:
    # `Former mayor Tomas Ruiz criticised ... for his wife Ana Ruiz. "...," Ruiz said.`
    assert speaker_name("surname_of_the_subject", "It makes no sense") == "Tomas Ruiz"


def test_bare_surname_after_people_named_in_passing_is_the_one_named_first() -> None:
    # `Ana Ruiz's campaign opened an office ... bought under former mayor Tomas Ruiz.` and,
    # two paragraphs on, `Ruiz said`: neither was named as a subject, and the husband was
    # named in passing a paragraph back, so the story's own subject, named first, speaks.
    assert speaker_name("shared_surname_named_in_passing", "stay open all year") == "Ana Ruiz"


def test_bare_surname_is_no_body_named_after_the_person() -> None:
    # `Tomas Ruiz spoke at a rally of the Citizens Alliance for Ruiz. "...," Ruiz said.`
    assert speaker_name("surname_not_of_a_body", "We will win") == "Tomas Ruiz"


def test_a_nationality_or_an_age_after_a_bare_surname_is_that_person() -> None:
    # `"...," Arteta told Sky Sports ... The Spaniard added ... "...," the 42-year-old said.`:
    # a surname alone is of unknown kind, and still the person meant.
    assert speaker_name("epithet_after_surname", "deserved to win") == "Arteta"
    assert speaker_name("epithet_after_surname", "come back stronger") == "Arteta"


def test_trade_words_end_company_names_and_a_body_set_off_after_its_description_speaks() -> None:
    # `The ferry operator, Coastline Ferries, said`: "Ferries" ends a company's name, so the
    # speaker is an organisation, not a person of two names; set off right after the noun that
    # describes it (no complement between), the company speaks, with that description.
    result = attribute(parsed("company_set_off_after_its_description"), LEXICON)
    kinds = {s.name: s.kind for s in result.speakers}
    assert kinds["Coastline Ferries"] is SpeakerKind.ORGANIZATION
    assert roles_by_name(result)["Coastline Ferries"] == ["The ferry operator"]


def test_a_company_description_after_a_bare_name_in_its_paragraph_is_that_company() -> None:
    # `Nordvik said ... The automaker also said ...`: a one-word name the article never
    # writes with a given name is the company the description means; in a later paragraph,
    # after a person, `The company said` stays a description.
    assert quoted_by("company_by_bare_name") == [
        ("it expected to sell 10 million vehicles", "Nordvik"),
        ("it would raise prices", "Nordvik"),
        ("fares would rise", "Ana Ruiz"),
        ("it would hire more crew", "The company"),
    ]
