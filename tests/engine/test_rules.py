"""Every rule on a CoNLL-U parse, without the models: what the rule function reads, and what
the engine as a whole attributes with it.

The parses in `conllu/` are Stanza's parses of invented sentences (written with
`conllu.write_conllu`), kept as they came, misattachments included: rules exist for those. Two
are written by hand in Stanza's style, for constructions the parser gets right on short
sentences: `source_colon` (a headline Stanza splits at its colon) and `clause_after_cue`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from quoteattr_server.engine import attribute, confidence
from quoteattr_server.engine.content import (
    CONTENT_RULES,
    according_to,
    as_phrase_before_cue,
    as_x_said,
    clause_after_cue,
    clause_of_other_verb,
    complement_clause,
    in_a_poll,
    name_colon,
    read_word,
    reported_infinitive,
    reported_object,
    reported_oblique,
    reported_parataxis,
    reported_passive,
    stance_phrase,
    trailing_cue,
)
from quoteattr_server.engine.cues import (
    FALLBACK_CUES,
    colon_cue,
    colon_noun_cue,
    cue_of,
    dash_cue,
    direct_cue_candidates,
    source_after_colon,
    speaker_of,
)
from quoteattr_server.engine.roles import (
    NAME_ROLE_RULES,
    SPEAKER_ROLE_RULES,
    apposition,
    description_before_name,
    office_after_name,
    relative_clause,
    roles_at,
    title_before_name,
)
from quoteattr_server.engine.rules import CueKind, Rule
from quoteattr_server.engine.speakers import (
    SPEAKER_RULES,
    SpeakerHead,
    inverted_subject,
    name_after_cue,
    name_before_cue,
    participle_continues_speaker,
    speaker_at_cue,
    subject_of_cue,
)
from quoteattr_server.engine.types import Quote, QuoteKind, SourceCategory, Speaker, SpeakerKind

from .rulekit import (
    LEXICON,
    cue_site,
    find_word,
    layout_of,
    mention_text,
    parsed,
    quote_containing,
    quoted_by,
    role_site,
    roles_by_name,
    speaker_name,
    text_of,
    word_site,
)
from .rulekit import speaker_of as speaker_in


@dataclass(frozen=True)
class Case:
    """One rule at work: the fixture, a fragment of the quote it attributes, and the result."""

    rule: Rule
    fixture: str
    fragment: str
    kind: QuoteKind
    speaker: str | None
    roles: tuple[str, ...] = ()


CASES = [
    Case(
        Rule.PASSIVE_AGENT,
        "passive_cue_with_agent",
        "reckless",
        QuoteKind.PARTIAL,
        "opposition leaders",
    ),
    Case(
        Rule.QUOTED_AS_SAYING,
        "quoted_as_saying",
        "intimidated",
        QuoteKind.DIRECT,
        "Elena Vasko",
        ("Foreign Minister",),
    ),
    Case(Rule.SUBJECT, "subject", "bridge", QuoteKind.DIRECT, "Ana Kovac"),
    Case(
        Rule.INVERTED,
        "inverted",
        "consulted",
        QuoteKind.DIRECT,
        "Tomas Ruiz",
        ("Deputy Mayor", "the city's budget chief"),
    ),
    Case(
        Rule.NAME_AFTER_CUE,
        "participle",
        "port is safe",
        QuoteKind.DIRECT,
        "Ana Kovac",
        ("the harbour master",),
    ),
    Case(
        Rule.NAME_BEFORE_CUE,
        "name_before_cue",
        "raid on our harbour",
        QuoteKind.DIRECT,
        "Petra Novak",
        ("the port commissioner of the county",),
    ),
    Case(
        Rule.CONTROLLER,
        "object_of_control_verb",
        "disaster waiting",
        QuoteKind.DIRECT,
        "Peter Wong",
        ("veteran pilot",),
    ),
    Case(
        Rule.PARTICIPLE,
        "participle",
        "old but reliable",
        QuoteKind.PARTIAL,
        "Ana Kovac",
        ("the harbour master",),
    ),
    Case(
        Rule.ACCORDING_TO,
        "according_to",
        "talks collapsed",
        QuoteKind.REPORTED,
        "two senior officials",
    ),
    Case(
        Rule.IN_THE_WORDS_OF,
        "in_the_words_of",
        "life support",
        QuoteKind.DIRECT,
        "one harbour pilot",
        ("one harbour pilot",),
    ),
    Case(Rule.DASH_SIGNATURE, "dash", "vote", QuoteKind.DIRECT, "Alma Ferris", ("Commissioner",)),
    Case(Rule.COLON, "colon", "rebuild", QuoteKind.DIRECT, "Ana Kovac"),
    Case(
        Rule.SOURCE_AFTER_COLON, "headline_quote_then_source", "disgrace", QuoteKind.DIRECT, "Fans"
    ),
    Case(Rule.TRANSCRIPT, "transcript", "consulted", QuoteKind.DIRECT, "Tomas Ruiz"),
    Case(Rule.IN_A_POLL, "in_a_poll", "most voters", QuoteKind.REPORTED, "a new survey"),
    # A source named only by its role keeps that description as its name and its role.
    Case(
        Rule.REPORTED_OTHER_VERB,
        "other_verb",
        "bill was dead",
        QuoteKind.REPORTED,
        "The senator",
        ("The senator",),
    ),
    Case(
        Rule.REPORTED_CLAUSE,
        "reported_clause",
        "harbour budget was safe",
        QuoteKind.REPORTED,
        "Ellen Pryce",
        ("the state's governor",),
    ),
    Case(
        Rule.REPORTED_INFINITIVE,
        "infinitive",
        "lawmakers to pass",
        QuoteKind.REPORTED,
        "The governor",
        ("The governor",),
    ),
    Case(
        Rule.REPORTED_OBJECT,
        "object",
        "trade deal",
        QuoteKind.REPORTED,
        "Ana Kovac",
        ("Senator",),
    ),
    Case(
        Rule.REPORTED_OBLIQUE,
        "oblique",
        "rising cost",
        QuoteKind.REPORTED,
        "The mayor",
        ("The mayor",),
    ),
    Case(
        Rule.REPORTED_PARATAXIS,
        "parataxis",
        "budget will pass",
        QuoteKind.REPORTED,
        "the governor",
        ("the governor",),
    ),
    Case(
        Rule.TRAILING_CUE,
        "trailing_cue",
        "port will close",
        QuoteKind.REPORTED,
        "officials",
    ),
    # "The mayor spoke on Monday", opening the line after her headline, is the person in focus.
    Case(
        Rule.NAME_COLON,
        "name_colon",
        "Bridge Will Not",
        QuoteKind.REPORTED,
        "Ana Kovac",
        ("The mayor",),
    ),
    # A stance noun as the holder's predicate is also their role ("a critic of X").
    Case(
        Rule.STANCE_PHRASE,
        "stance",
        "ferry levy",
        QuoteKind.REPORTED,
        "Ana Kovac",
        ("a longtime opponent of the ferry levy",),
    ),
    Case(
        Rule.POSSESSIVE_CLAIM,
        "possessive_claim",
        "never been late",
        QuoteKind.REPORTED,
        "Lind",
        ("Mayor",),
    ),
    Case(
        Rule.BELIEF_ADJECTIVE,
        "belief_adjective",
        "ferry rules will pass",
        QuoteKind.REPORTED,
        "The harbour minister",
        ("The harbour minister",),
    ),
    Case(
        Rule.REPORTED_PASSIVE,
        "passive",
        "harbour levy",
        QuoteKind.REPORTED,
        "the dockworkers union",
    ),
    Case(Rule.AS_X_SAID, "as_x_said", "port would reopen", QuoteKind.REPORTED, "Ruiz"),
    Case(Rule.CONTINUES, "continues", "told us anything", QuoteKind.DIRECT, "Ana Kovac"),
    Case(Rule.INTRODUCED, "introduced", "sink us", QuoteKind.DIRECT, "Tom Berg"),
    Case(
        Rule.CUE_WITHOUT_SPEAKER,
        "cue_without_speaker",
        "move from this square",
        QuoteKind.DIRECT,
        None,
    ),
    Case(Rule.UNATTRIBUTED, "unattributed", "end of an era", QuoteKind.DIRECT, None),
]


def test_every_rule_has_a_case() -> None:
    assert {case.rule for case in CASES} == set(Rule)


@pytest.mark.parametrize("case", CASES, ids=[case.rule.name for case in CASES])
def test_rule_attributes_its_quote(case: Case) -> None:
    result = attribute(parsed(case.fixture), LEXICON)
    quote = quote_containing(result, case.fragment)
    assert quote.rule == case.rule.value
    assert type(quote.rule) is str  # the plain string the proto carries
    assert quote.kind is case.kind
    speaker = speaker_in(result, quote)
    assert (speaker.name if speaker else None) == case.speaker
    roles = tuple(role.text for role in speaker.roles) if speaker else ()
    assert roles == case.roles


# Speakers: each rule of SPEAKER_RULES alone, at the cue of its fixture.


def test_speaker_rules_run_in_their_documented_order() -> None:
    assert [rule for rule, _ in SPEAKER_RULES] == [
        Rule.PASSIVE_AGENT,
        Rule.QUOTED_AS_SAYING,
        Rule.SUBJECT,
        Rule.INVERTED,
        Rule.CONTROLLER,
        Rule.NAME_AFTER_CUE,
        Rule.NAME_BEFORE_CUE,
        Rule.PARTICIPLE,
    ]


def test_subject_of_cue_reads_the_subject_before_the_cue() -> None:
    site = cue_site("subject", "said")
    assert mention_text(site, subject_of_cue(site)) == "Ana Kovac"
    assert inverted_subject(site) is None


def test_a_possessors_claim_or_view_is_theirs_and_a_rejected_claim_no_ones() -> None:
    # `Mayor Lind's claim that the ferry had never been late`: the clause is Lind's words;
    # `the union's view that ...` its belief; in `rejected the claim that fares would rise`
    # the claim has no possessor, and the board rejects it.
    result = attribute(parsed("possessive_claim"), LEXICON)
    types = [q.attribution_type.value for q in result.quotes]
    found = [
        (rule, text, kind, name)
        for (rule, text, name), kind in zip(
            quoted_by("possessive_claim", with_rule=True), types, strict=True
        )
    ]
    assert found == [
        ("possessive claim", "the ferry had never been late", "speech", "Lind"),
        ("reported object", "the claim that fares would rise", "stance", "The harbour board"),
        ("possessive claim", "the pier was unsafe", "belief", "the union"),
    ]


def test_the_question_a_report_answers_is_no_part_of_it() -> None:
    # `Kovac said the port would reopen, when asked about the strike`, with the question hung
    # on "reopen": it is when she said it; set off by a comma only (`would strike when asked
    # to work overtime` is what Ruiz said).
    assert quoted_by("question_after_content") == [
        ("the port would reopen", "Kovac"),
        ("she would not resign", "Lind"),
        ("the union would strike when asked to work overtime", "Ruiz"),
    ]


def test_a_participle_of_speech_after_the_content_is_a_second_attribution() -> None:
    # `Mayor Tomas Ruiz said he did not think ..., arguing that ...`, with "arguing" hung on
    # the content's verb: what he argued is his second attribution, no part of the first;
    # `Analysts said costs had slowed the ferry project, citing ...`: the analysts cite, not
    # the costs, the subject of the clause "citing" hangs on.
    assert quoted_by("participle_cue_after_content") == [
        ("he did not think the storm had damaged the old pier", "Tomas Ruiz"),
        ("it was years of neglect that had caused the cracks", "Tomas Ruiz"),
        ("costs had slowed the ferry project", "Analysts"),
        ("the price of steel", "Analysts"),
    ]


def test_a_clause_of_when_it_was_said_is_no_content() -> None:
    # `"...," Judge Alan Reid said as he sentenced Carter to 12 years.`, with the "as" clause
    # the complement of "said": it says when he spoke, not what; `argued before that ...`
    # keeps its content, opened by "that".
    assert quoted_by("clause_of_when_said") == [
        ("\u201cHe showed no remorse,\u201d", "Alan Reid"),
        ("the toll is unfair", "Kovac"),
    ]


def test_a_clause_of_when_opened_by_an_adverb_or_a_preposition_is_no_content() -> None:
    # `said when he resigned ...`, with "when" the clause's adverb, and `said after the jobs
    # report was released`, with "after" the preposition of its subject: both say when.
    assert quoted_by("circumstance_read_as_adverb_or_case") == [
        ('"Wages are rising,"', "Ana Kovac")
    ]


def test_branding_something_quotes_what_it_was_called() -> None:
    # `The ministry branded the report a "work of fiction."`: a verb of labelling, like
    # "called", quotes its words; the quotation was nobody's (or the mayor's, said before).
    assert quoted_by("branded_as_cue", with_rule=True) == [
        ("subject of cue", "\u201cwork of fiction.\u201d", "The ministry"),
    ]


def test_a_cue_parsed_under_a_relative_clause_speaks_for_the_noun_it_describes() -> None:
    # `One of the teachers who signed the letter called the plan a disaster`, parsed with
    # "called" as the complement of "signed": the teacher calls it so; "signed" reports nothing.
    site = cue_site("relative_clause_host", "called")
    assert mention_text(site, subject_of_cue(site)) == "One of the teachers"
    assert clause_of_other_verb(word_site("relative_clause_host", "signed")) == []
    result = attribute(parsed("relative_clause_host"), LEXICON)
    [quote] = result.quotes
    speaker = speaker_in(result, quote)
    assert (quote.text, quote.cue.text if quote.cue else None) == ("the plan a disaster", "called")
    assert speaker is not None
    assert speaker.name == "One of the teachers"


def test_a_statement_speaking_through_a_relative_clause_speaks_for_its_issuer() -> None:
    # `issued a statement that called ...`: the issuer's words (engine/data/issuing_verbs.txt);
    # through a control verb, its object's (`prompting its chair, Ana Lind, to make a
    # statement that described ...`).
    site = cue_site("statement_maker", "called")
    head = speaker_at_cue(site)
    assert head is not None
    assert mention_text(site, head.word) == "The mayor"
    result = attribute(parsed("statement_maker"), LEXICON)
    names = {
        quote.text: getattr(speaker_in(result, quote), "name", None) for quote in result.quotes
    }
    assert names['"in crisis."'] == "Ana Lind"
    # A statement someone rejects is not theirs: it still speaks for itself.
    assert names['"unlawful."'] == "a statement"


def test_inverted_subject_reads_the_subject_after_the_cue() -> None:
    site = cue_site("inverted", "said")
    assert subject_of_cue(site) is None
    assert mention_text(site, inverted_subject(site)) == "Deputy Mayor Tomas Ruiz"


def test_name_after_cue_repairs_a_name_parsed_as_an_object() -> None:
    # The parse makes "Ana" an indirect object of "said": no subject at all.
    site = cue_site("participle", "said")
    assert subject_of_cue(site) is None
    assert inverted_subject(site) is None
    assert mention_text(site, name_after_cue(site)) == "Ana Kovac"


def test_name_after_cue_only_right_after_a_closing_mark() -> None:
    # "Senator Ana Kovac criticized the new trade deal with Canada": Canada is no speaker.
    assert name_after_cue(cue_site("object", "criticized")) is None


def test_name_before_cue_reads_the_name_between_quote_and_cue() -> None:
    site = cue_site("name_before_cue", "said")
    assert subject_of_cue(site) is None
    assert mention_text(site, name_before_cue(site)) == "Petra Novak"


def test_participle_takes_the_speaker_of_an_earlier_cue_in_its_sentence() -> None:
    alone = cue_site("participle", "adding")
    _, ana = find_word(alone.layout, "Ana")
    # Alone, it borrows the name after the inverted cue it hangs on (`said Ana Kovac, ...,
    # adding that`); given the speaker of an earlier cue of its sentence, that one.
    assert participle_continues_speaker(alone) is ana
    earlier = (SpeakerHead(alone.sentence, ana, Rule.NAME_AFTER_CUE),)
    site = cue_site("participle", "adding", earlier)
    site = type(site)(alone.sentence, site.cue, alone.layout, LEXICON, earlier)
    assert participle_continues_speaker(site) is ana


def test_participle_on_a_noun_takes_the_noun() -> None:
    # "The plan will fail," the White House said in a statement: no participle there; the
    # subject rule answers first.
    site = cue_site("organization", "said")
    head = speaker_at_cue(site)
    assert head is not None
    assert head.rule is Rule.SUBJECT
    assert mention_text(site, head.word) == "the White House"


# Roles: each rule alone, at a mention.


def test_title_before_name_and_apposition_at_an_inverted_speaker() -> None:
    site = role_site("inverted", "Deputy")  # the parse heads the phrase on the title
    assert [role.text for role in roles_at(site, NAME_ROLE_RULES)] == [
        "Deputy Mayor",
        "the city's budget chief",
    ]
    assert [role.text for role in roles_at(site, SPEAKER_ROLE_RULES)] == [
        "Deputy Mayor",
        "the city's budget chief",
    ]


def test_description_before_name_reads_the_article_and_noun_joined_to_a_name() -> None:
    # `the coal mining giant Northfield Energy`, `The German carmaker Nordwagen`.
    giant = description_before_name(role_site("description_before_name", "Energy"))
    carmaker = description_before_name(role_site("description_before_name", "Nordwagen"))
    assert (giant.text if giant else None, carmaker.text if carmaker else None) == (
        "the coal mining giant",
        "The German carmaker",
    )
    # A noun the name is not joined to (`The plan Tomas Ruiz backed`), and a title of the
    # lexicon, which title_before_name reads, are none.
    assert description_before_name(role_site("description_before_name", "Ruiz")) is None
    assert description_before_name(role_site("description_before_name", "Wong")) is None
    result = attribute(parsed("description_before_name"), LEXICON)
    assert roles_by_name(result)["Northfield Energy"] == ["the coal mining giant"]
    # Two readings of one title, with and without its article, are one role.
    assert roles_by_name(result)["Peter Wong"] == ["The veteran pilot"]


def test_office_after_name_reads_an_offices_letters_not_a_rank_or_honour() -> None:
    # `Ann Lee MP said`: the letters of her office are her role; a barrister's rank (`KC`) and
    # an honour (`OBE`) are no post.
    role = office_after_name(role_site("office_after_name", "Lee"))
    assert role is not None
    assert role.text == "MP"
    assert office_after_name(role_site("office_after_name", "Hale")) is None
    assert office_after_name(role_site("office_after_name", "Ruiz")) is None
    result = attribute(parsed("office_after_name"), LEXICON)
    assert roles_by_name(result) == {"Ann Lee": ["MP"], "Simon Hale": []}


def test_relative_clause_role_only_where_names_are_read() -> None:
    site = role_site("relative", "Kovac")
    assert title_before_name(site) is None
    assert apposition(site) is None
    role = relative_clause(site)
    assert role is not None
    assert role.text == "heads the dockworkers' union"
    assert roles_at(site, SPEAKER_ROLE_RULES) == []


# Reported content: each rule of CONTENT_RULES alone, at the word it reads.


def test_content_rules_run_in_their_documented_order() -> None:
    assert [rule.rule for rule in CONTENT_RULES] == [
        Rule.IN_A_POLL,
        Rule.ACCORDING_TO,
        Rule.AS_X_SAID,
        Rule.BELIEF_ADJECTIVE,
        Rule.REPORTED_OTHER_VERB,
        Rule.REPORTED_CLAUSE,
        Rule.REPORTED_CLAUSE,
        Rule.REPORTED_INFINITIVE,
        Rule.REPORTED_OBJECT,
        Rule.REPORTED_OBLIQUE,
        Rule.REPORTED_PASSIVE,
        Rule.REPORTED_PARATAXIS,
        Rule.TRAILING_CUE,
        Rule.AS_X_SAID,
        Rule.STANCE_PHRASE,
        Rule.POSSESSIVE_CLAIM,
    ]


def _content(site_fixture: str, word: str, read: object) -> list[tuple[str, str, str | None]]:
    site = word_site(site_fixture, word)
    assert callable(read)
    found = read(site)
    assert found is not None, f"{read} found no construction at {word!r}"
    return [
        (
            str(item.rule),
            text_of(site.layout, item.content),
            item.source.text if item.source is not None else None,
        )
        for item in found
    ]


@pytest.mark.parametrize(
    ("fixture", "word", "read", "expected"),
    [
        (
            "in_a_poll",
            "survey",
            in_a_poll,
            ("in a poll", "most voters in the city rated the mayor highly", "survey"),
        ),
        (
            "according_to",
            "according",
            according_to,
            ("according to X", "The talks collapsed on Friday", "officials"),
        ),
        (
            "other_verb",
            "insinuated",
            clause_of_other_verb,
            ("reported clause of other verb", "the bill was dead", None),
        ),
        (
            "reported_clause",
            "said",
            complement_clause,
            ("reported clause", "the harbour budget was safe", None),
        ),
        (
            # Two subjects before the cue, but the clause has its own: no fronted subject.
            "role_before_speaker",
            "said",
            complement_clause,
            ("reported clause", "the cuts were wrong", None),
        ),
        (
            "infinitive",
            "urged",
            reported_infinitive,
            ("reported infinitive", "lawmakers to pass the budget before the recess", None),
        ),
        (
            "object",
            "criticized",
            reported_object,
            ("reported object", "the new trade deal with Canada", None),
        ),
        (
            # A pronoun object with what the cue says of it.
            "pronoun_object",
            "comparing",
            reported_object,
            ("reported object", "it favorably to the old toll bridge", None),
        ),
        (
            # A part of a group is a source: a cue of intent takes its infinitive.
            "part_of_group",
            "want",
            reported_infinitive,
            ("reported infinitive", "Peter Wong to lead the union again", None),
        ),
        (
            # The predicate hung on the object by the parser.
            "predicate_on_object",
            "called",
            reported_object,
            ("reported object", "the claims unfounded and invented by rival operators", None),
        ),
        (
            # Nor of the clause: `..., which the council has disputed for years`.
            "aside_after_clause",
            "said",
            complement_clause,
            ("reported clause", "the toll was far too high for the ferries", None),
        ),
        (
            # `..., said Ana Kovac, a senior manager`, the cue conjoined to the root.
            "trailing_inverted_cue",
            "said",
            reported_parataxis,
            (
                "reported parataxis",
                "Complaints about the night ferry led to its withdrawal from every route but one "
                "of the summer lines",
                None,
            ),
        ),
        (
            # An aside after a comma is no part of the phrase.
            "aside_after_phrase",
            "condemned",
            reported_object,
            ("reported object", "the fee in a late-night radio interview", None),
        ),
        (
            "aside_after_phrase",
            "urged",
            reported_infinitive,
            ("reported infinitive", "the council to keep the winter timetable", None),
        ),
        (
            "characterization",
            "called",
            reported_object,
            ("reported object", "the plan a disaster for the harbour", None),
        ),
        (
            "gerund_object",
            "mentioned",
            reported_object,
            ("reported object", "raising the toll", None),
        ),
        (
            "gerund_oblique",
            "called",
            reported_oblique,
            ("reported oblique", "reducing the sales tax", None),
        ),
        (
            # The passive subject is what the agent criticized.
            "passive",
            "criticized",
            reported_passive,
            ("reported passive", "The harbour levy", "union"),
        ),
        (
            # A participle's noun, without the participle's phrase.
            "passive",
            "proposed",
            reported_passive,
            ("reported passive", "the toll rules", "Mayor"),
        ),
        (
            "stance_object",
            "questions",
            stance_phrase,
            ("stance phrase", "the audit", "union"),
        ),
        (
            "oblique",
            "warned",
            reported_oblique,
            ("reported oblique", "about the rising cost of the bridge repairs", None),
        ),
        (
            "parataxis",
            "said",
            reported_parataxis,
            ("reported parataxis", "The budget will pass next week", None),
        ),
        # The parser made "$" the head of the complement: its words hold a verb.
        (
            "promoted_complement",
            "said",
            complement_clause,
            (
                "reported clause",
                "the brothers collected $12 million from the ferry levy over a decade",
                None,
            ),
        ),
        (
            "trailing_cue",
            "announced",
            trailing_cue,
            ("trailing cue", "The port will close in May", "officials"),
        ),
        # The parser made "pressure" the object of "said", and "greater" a clause with no
        # subject: the object is that subject.
        (
            "object_as_subject",
            "said",
            complement_clause,
            ("reported clause", "the pressure around the harbour vote would be much greater", None),
        ),
        # "prices rose and consumers complained": a joined clause with no complement of its own
        # is part of what was said.
        (
            "joined_clause",
            "said",
            complement_clause,
            ("reported clause", "prices rose and consumers complained", None),
        ),
        # "..., contradicting the first reports": a participle set off after it is not said.
        (
            "trailing_participle",
            "said",
            complement_clause,
            ("reported clause", "the officer fired twice", None),
        ),
        # "spoke to reporters about the budget cuts": who was addressed is not the content; the
        # content the parser hung on them is.
        (
            "addressee_oblique",
            "spoke",
            reported_oblique,
            ("reported oblique", "about the budget cuts", None),
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_content_rule_reads_its_construction(
    fixture: str, word: str, read: object, expected: tuple[str, str, str | None]
) -> None:
    assert _content(fixture, word, read) == [expected]


def test_clause_after_cue_repairs_a_clause_hung_on_an_earlier_verb() -> None:
    # Written by hand: "told" hangs on "arrived" as parataxis, so "reported" has no clause.
    site = word_site("clause_after_cue", "reported")
    assert complement_clause(site) is None
    assert _content("clause_after_cue", "reported", clause_after_cue) == [
        ("reported clause", "the mayor told him the bridge would close", None)
    ]
    assert [item.rule for item in read_word(site)] == [Rule.REPORTED_CLAUSE]


def test_an_attribution_joined_to_the_clause_is_not_part_of_it() -> None:
    # Written by hand: "she noted that ..." hangs on the reported "close", as newscc parses it.
    assert _content("joined_attribution", "said", complement_clause) == [
        ("reported clause", "the bridge would close in May", None)
    ]
    result = attribute(parsed("joined_attribution"), LEXICON)
    assert [(q.text, q.cue.text if q.cue else None) for q in result.quotes] == [
        ("the bridge would close in May", "said"),
        ("the ferry would stop", "noted"),
    ]


def test_a_that_clause_hung_on_an_oblique_is_the_cues() -> None:
    # `announced in an email this week that he had signed ...`: the parser makes the clause a
    # relative clause of "week".
    assert _content("clause_on_oblique", "announced", complement_clause) == [
        ("reported clause", "he had signed a lease with the ferry company", None)
    ]


def test_a_cue_takes_content_as_any_of_its_groups_allows() -> None:
    # "question" asks (no object content) and evaluates (object content).
    assert _content("questioned_object", "questioned", reported_object) == [
        ("reported object", "the safety of the new cranes", None)
    ]


def test_a_document_released_by_someone_is_a_source_not_content() -> None:
    # "A study released by the port authority shows ...": the study speaks; it is no content.
    assert reported_passive(word_site("passive", "released")) == []


def test_in_the_words_of_x_names_the_speaker_of_its_quote() -> None:
    # `In the words of one harbour pilot, "..."`, `"...," in the words of the mayor, Tom
    # Reyes`, `In his words, the toll was "..."`: the one whose words they are; "In other
    # words" names no one.
    assert quoted_by("in_the_words_of", with_rule=True) == [
        ("in the words of X", '"the port is on life support"', "one harbour pilot"),
        ("in the words of X", '"We are open for business,"', "Tom Reyes"),
        ("in the words of X", '"dead on arrival"', "Tom Reyes"),
        ("unattributed", '"the plan is over"', None),
    ]


def test_figures_released_by_someone_are_a_source_not_content() -> None:
    # "According to figures released by ...": "figures" (lemma "figure") is a finding as
    # written; "to figures" was reported as what the office released.
    assert reported_passive(word_site("figures_released_by", "released")) == []
    assert quoted_by("figures_released_by") == [
        ("inflation fell to 2.1 per cent", "Office for Civic Statistics")
    ]


def test_a_participle_cue_deep_in_a_reported_clause_ends_it() -> None:
    # `said he was owed money for a pier at one of the town's marinas, saying, "..."`, with
    # "saying" hung on "marinas": its own attribution, and the quotation is not the clause's.
    assert _content("participle_deep_in_clause", "said", complement_clause) == [
        ("reported clause", "he was owed money for a pier at one of the town's marinas", None)
    ]
    result = attribute(parsed("participle_deep_in_clause"), LEXICON)
    assert [q.kind for q in result.quotes] == [
        QuoteKind.REPORTED,
        QuoteKind.DIRECT,
        QuoteKind.REPORTED,
        QuoteKind.DIRECT,
    ]
    neglected = quote_containing(result, "neglected")
    assert neglected.text.endswith("the owners of the old shipyards")


def test_a_participle_introducing_a_quotation_deep_in_the_clause_ends_it() -> None:
    # `said the mayor will have to choose a side, saying, "..."`, with "saying" hung on
    # "choose": the clause was dropped for the quotation inside it.
    assert quoted_by("participle_cue_deep_in_clause") == [
        ("the mayor will have to choose a side", "a top party strategist"),
        ('"She cannot stay neutral forever."', "a top party strategist"),
    ]


def test_the_charge_after_the_accused_is_content_when_hung_on_the_cue() -> None:
    # `accused the union of blocking the harbour`, with "of blocking" a clause of the cue:
    # only "the union" was reported.
    assert quoted_by("charge_after_object")[-1] == (
        "the union of blocking the harbour for a week",
        "the ministry",
    )


def test_as_x_said_reads_the_clause_it_comments_on() -> None:
    # `The port will reopen in May, as one aide put it`: the parser conjoins "put" and makes
    # "as" a case of "aide"; the clause still opens with "as".
    assert _content("as_x_said", "put", as_x_said) == [
        ("as X said", "The port will reopen in May", None)
    ]
    # `The dockworkers applauded as she pleaded for lower fares`: a clause of time, with content.
    assert as_x_said(word_site("as_x_said", "pleaded")) is None
    result = attribute(parsed("as_x_said"), LEXICON)
    put = quote_containing(result, "The port will reopen")
    assert put.cue is not None
    assert (put.cue.text, put.cue.lemma) == ("put it", "put_it")


@pytest.mark.parametrize(
    ("fixture", "cue", "source"),
    [
        # "as Ms. Lind" parsed as a phrase on the cue's subject, the clause as its complement.
        ("as_source_on_subject", "told", "Ms."),
        # ... on the subject of the clause the cue governs ("The harbour ... has not flooded").
        ("as_source_on_clause_subject", "noted", "one"),
        # ... on the cue itself, with the clause as its conjunct.
        ("as_source_on_cue", "pointed", "one"),
    ],
)
def test_an_as_phrase_before_its_cue_is_the_source_of_the_clause_around_it(
    fixture: str, cue: str, source: str
) -> None:
    site = word_site(fixture, cue)
    found = as_phrase_before_cue(site)
    assert found is not None
    [item] = found
    assert item.source is not None
    assert item.source.text == source
    first, second = (text_of(site.layout, piece) for piece in item.pieces)
    # The subject before the phrase and the clause after the cue, never the source's words.
    assert (first + " " + second).count(" as ") == 0
    assert text_of(site.layout, item.content).startswith(first)
    assert text_of(site.layout, item.content).endswith(second)


def test_an_as_phrase_before_its_cue_names_the_speaker_not_the_subject() -> None:
    doc = parsed("as_source_on_subject")
    result = attribute(doc, LEXICON)
    quote = quote_containing(result, "will run twice a day")
    speaker = speaker_in(result, quote)
    assert speaker is not None
    assert speaker.name == "Lind"
    assert [doc.text[p.start : p.end] for p in quote.pieces] == [
        "The new ferry",
        "will run twice a day",
    ]
    result = attribute(parsed("as_source_on_cue"), LEXICON)
    quote = quote_containing(result, "rarely sees fog")
    speaker = speaker_in(result, quote)
    assert speaker is not None
    assert speaker.kind is SpeakerKind.PERSON
    assert [role.text for role in speaker.roles] == ["one of the port's pilots"]
    assert quote.cue is not None
    assert quote.cue.text == "pointed out"


def test_an_as_phrase_opening_the_sentence_before_its_cue_is_the_source() -> None:
    # `As one harbour blogger, @tidewatch, pointed out with a photo, the new pier is sinking`,
    # parsed with the phrase as an oblique of the cue and the clause as its conjunct.
    site = word_site("as_source_opening", "pointed")
    found = as_phrase_before_cue(site)
    assert found is not None
    [item] = found
    assert item.source is not None
    assert item.source.text == "blogger"
    assert text_of(site.layout, item.content) == "the new pier is already sinking"
    result = attribute(parsed("as_source_opening"), LEXICON)
    speaker = speaker_in(result, quote_containing(result, "already sinking"))
    assert speaker is not None
    assert [role.text for role in speaker.roles] == ["one harbour blogger"]


def test_an_as_clause_inside_the_clause_it_comments_on_leaves_it_in_two_pieces() -> None:
    # `The harbour, as the mayor noted, has not flooded`: the subject is part of the content.
    result = attribute(parsed("as_x_said_mid_sentence"), LEXICON)
    quote = quote_containing(result, "has not flooded")
    assert quote.rule == Rule.AS_X_SAID
    assert quote.text.startswith("The harbour")
    assert len(quote.pieces) == 2


def test_a_name_given_with_as_and_a_passive_is_no_report() -> None:
    # `The Harbour Safety Act, as the law is known,`: what it is called, not what was said.
    assert as_x_said(word_site("as_the_bill_is_called", "known")) is None
    assert attribute(parsed("as_the_bill_is_called"), LEXICON).quotes == ()


def test_a_role_after_a_fronted_as_belongs_to_the_name_after_the_comma() -> None:
    result = attribute(parsed("as_x_said"), LEXICON)
    speaker = speaker_in(result, quote_containing(result, "too shallow"))
    assert speaker is not None
    assert [role.text for role in speaker.roles] == ["a longtime harbour pilot"]


def test_a_time_taken_for_an_object_is_not_the_content() -> None:
    # `posted Friday on its website`, `addressed Tuesday the closing of the bridge`.
    assert reported_object(word_site("time_object", "posted")) is None
    assert _content("time_object", "addressed", reported_object) == [
        ("reported object", "the closing of the bridge", None)
    ]


def test_a_platform_is_not_the_content() -> None:
    # "complained on Twitter": where it was said, not what.
    assert reported_oblique(word_site("platform_oblique", "complained")) is None


def test_a_cue_verb_is_not_read_as_a_verb_outside_the_lexicon() -> None:
    assert clause_of_other_verb(word_site("reported_clause", "said")) is None


def test_an_infinitive_keeps_the_object_from_being_read_as_content() -> None:
    # "urged lawmakers to pass ...": "lawmakers" is the infinitive's subject, not what was urged.
    site = word_site("infinitive", "urged")
    assert [item.rule for item in read_word(site)] == [Rule.REPORTED_INFINITIVE]


def test_no_phrase_content_at_a_cue_with_a_clause() -> None:
    site = word_site("reported_clause", "said")
    assert [item.rule for item in read_word(site)] == [Rule.REPORTED_CLAUSE]


def test_content_opening_with_a_conjunction_is_joined_to_its_first_half() -> None:
    # The parser hangs the second conjunct on the cue: `..., and the hearing went downhill
    # after that, said one person` (the first half is the sentence before it) and `said the port
    # would close, and that the ferries would stop` (the first half is the cue's content).
    # The parser made "attempt" the subject of "said": what was said never holds who said it,
    # so the speaker is the one named after the cue.
    assert quoted_by("conjunct_content") == [
        (
            "Ruiz's attempt to explain the fees only angered the harbour board, and the hearing "
            "went downhill after that",
            "one person",
        ),
        ("the port would close, and that the ferries would stop in May", "Ruiz"),
    ]


def test_a_conjunct_after_a_subject_read_as_the_cues_object_starts_after_the_cue() -> None:
    # `A retired judge says Mayor Tomas Ruiz and the city's lawyers should settle ...`, with
    # "Ruiz" the cue's object and "and the city's lawyers should ..." its clause: the content
    # runs from "Mayor", not from the sentence's start (which held the judge, its speaker).
    assert quoted_by("first_subject_read_as_object") == [
        (
            "Mayor Tomas Ruiz and the city\u2019s lawyers should settle the case before the "
            "trial begins",
            "A retired judge",
        )
    ]


def test_a_content_holding_its_own_speaker_is_no_content() -> None:
    # `Dr. Ines Varga, who as a young surgeon ran ..., said that in 2004 ...` (hand-edited to
    # the shape newscc gives: the relative clause read as the root, "said" a parataxis of it):
    # the relative clause said nothing; the clause after "said" is hers.
    assert quoted_by("content_holding_its_speaker", with_rule=True) == [
        (
            "reported clause",
            "in 2004 the ministry hid the shortage of blood from the public",
            "Ines Varga",
        )
    ]


def test_a_trailing_according_to_attributes_all_before_its_comma() -> None:
    # The parser hangs the phrase on "counties"; the sentence before the comma is the content.
    assert _content("trailing_according", "according", according_to) == [
        (
            "according to X",
            'About 4,000 boat owners joined a coastwide "sail-out" from more than 60 harbours in '
            "12 counties",
            "organizer",
        )
    ]


def test_a_trailing_according_to_after_a_dash_attributes_all_before_it() -> None:
    # `... unsafe — some of them badly so — according to the harbour inspectors.`: the phrase
    # hangs on the aside; all before its dash is the content.
    assert _content("according_after_dash", "according", according_to) == [
        (
            "according to X",
            "Nearly a third of the trawlers are unsafe — some of them badly so",
            "inspectors",
        )
    ]


def test_according_to_hung_on_the_word_before_its_dash_names_the_noun_after_to() -> None:
    # `... — some badly so — according to the harbour inspectors`, parsed with "according" on
    # "so": the inspectors speak, not "so".
    result = attribute(parsed("according_hung_before_dash"), LEXICON)
    speakers = {s.id: s.name for s in result.speakers}
    assert [(q.text, speakers[q.speaker_id or ""]) for q in result.quotes] == [
        (
            "Nearly a third of trawlers are unsafe \u2014 some badly so",
            "the harbour inspectors",
        ),
        (
            "The deal is worth $2 billion \u2014 the largest this year",
            "people briefed on the talks",
        ),
    ]


def test_according_to_a_noun_tagged_as_a_verb_names_the_noun_after_it() -> None:
    # `according to show insiders`, with "show" tagged a verb and "insiders" its object: the
    # insiders are the source (and "They" after them), and "show" reports nothing.
    assert _content("according_to_tagged_verb", "according", according_to)[0][2] == "insiders"
    result = attribute(parsed("according_to_tagged_verb"), LEXICON)
    assert [getattr(speaker_in(result, q), "name", None) for q in result.quotes] == [
        "insiders",
        "insiders",
        "two former producers",
    ]
    # A title of a show opened by a capitalised article (`on "The Catch,"`) is no quotation.
    assert all(q.kind is QuoteKind.REPORTED for q in result.quotes)


def test_according_to_claims_its_word() -> None:
    site = word_site("according_to", "according")
    assert [item.rule for item in read_word(site)] == [Rule.ACCORDING_TO]
    assert site.present == {Rule.ACCORDING_TO}


def test_an_interviews_one_letter_label_names_nobody() -> None:
    # `Q: Will you stand again?`: a question's label, no speaker called "Q".
    layout = layout_of("interview_labels")
    assert name_colon(layout.sentences[0], layout, LEXICON) is None


def test_name_colon_reads_a_headline() -> None:
    layout = layout_of("name_colon")
    found = name_colon(layout.sentences[0], layout, LEXICON)
    assert found is not None
    assert text_of(layout, found.content) == "The Bridge Will Not Close This Year"
    assert found.source is not None
    assert found.source.text == "Ana"
    assert name_colon(layout.sentences[1], layout, LEXICON) is None


# Cues: the kinds and how each reads its quotation.


def test_a_noun_of_speech_after_a_dash_names_who_sent_the_quote() -> None:
    # `"..." — that was the message from Tomas Ruiz, the union's regional organiser.`: Ruiz's;
    # `"No surrender" — the slogan of the strike — ...`: a strike sends nothing.
    assert quoted_by("speech_noun_after_dash") == [
        ('"We will not back down"', "Tomas Ruiz"),
        ('"No surrender"', None),
    ]


def test_dash_then_colon_are_the_fallback_cues() -> None:
    assert (dash_cue, colon_cue, colon_noun_cue, source_after_colon) == FALLBACK_CUES


def test_dash_cue_signs_the_quote() -> None:
    layout = layout_of("dash")
    quote = layout.quotes[0]
    match = dash_cue(0, quote.span, layout, LEXICON)
    assert match is not None
    assert match.kind is CueKind.DASH
    assert cue_of(match, layout.doc.text).lemma == "dash"
    head = speaker_of(match, layout, LEXICON)
    assert head is not None
    assert head.rule is Rule.DASH_SIGNATURE
    site = cue_site("dash", "\u2014")
    assert mention_text(site, head.word) == "Commissioner Alma Ferris"


def test_quotation_set_off_by_dashes_after_a_name_is_that_persons_aside() -> None:
    layout = layout_of("dash_aside")
    horak, ruiz, slogan = layout.quotes
    candidates = direct_cue_candidates(ruiz, layout, LEXICON)
    # Before the sentence's own verb, "told", whose object would be taken for the speaker.
    assert [c.kind for c in candidates] == [CueKind.DASH]
    result = attribute(layout.doc, LEXICON)
    speakers = {
        quote.span: (found.name if (found := speaker_in(result, quote)) else None)
        for quote in result.quotes
        if quote.kind is QuoteKind.DIRECT
    }
    # Not the name after the closing dash (`-- and the economist Sara Lind`): no signature.
    assert speakers == {horak.span: "Ivan Horak", ruiz.span: "Ruiz", slogan.span: None}


def test_colon_cue_in_the_sentence_before_the_quote() -> None:
    layout = layout_of("colon")
    quote = layout.quotes[0]
    first = layout.sentence_index_at(quote.span.start)
    assert dash_cue(first, quote.span, layout, LEXICON) is None
    match = colon_cue(first, quote.span, layout, LEXICON)
    assert match is not None
    assert match.kind is CueKind.COLON
    assert match.word.text == "added"


def test_according_to_is_a_cue_of_its_own_kind() -> None:
    layout = layout_of("enclosing_according")
    candidates = direct_cue_candidates(layout.quotes[0], layout, LEXICON)
    assert [c.kind for c in candidates] == [CueKind.ACCORDING_TO]
    assert cue_of(candidates[0], layout.doc.text).text == "According to"


@pytest.mark.parametrize(
    ("fixture", "fragment", "rule", "speaker"),
    [
        ("source_poll", "deeply unhappy", Rule.IN_A_POLL, "a new poll"),
        ("source_colon", "rebuild the bridge", Rule.NAME_COLON, "Ana Kovac"),
    ],
)
def test_a_quote_inside_content_with_a_named_source_is_that_source_s(
    fixture: str, fragment: str, rule: Rule, speaker: str
) -> None:
    result = attribute(parsed(fixture), LEXICON)
    quote = quote_containing(result, fragment)
    assert quote.rule == rule
    found = speaker_in(result, quote)
    assert found is not None
    assert found.name == speaker


# Confidence: what the table says is what the engine gives.


@pytest.mark.parametrize(
    ("fixture", "fragment", "expected"),
    [
        ("unattributed", "end of an era", confidence.UNATTRIBUTED),
        ("continues", "told us anything", confidence.CONTINUES[True]),
        ("dash", "vote", confidence.CUE_KIND_BASE[CueKind.DASH]),
        ("subject", "bridge", confidence.CUE_GROUP["neutral"]),
        (
            "cue_without_speaker",
            "move from",
            confidence.CUE_GROUP["neutral"] * confidence.CUE_WITHOUT_SPEAKER,
        ),
        ("according_to", "talks", confidence.SOURCE_PHRASE[Rule.ACCORDING_TO]),
        ("reported_clause", "budget", confidence.CUE_GROUP["neutral"] * confidence.REPORTED_CUE),
        ("other_verb", "bill", confidence.REPORTED_OTHER_VERB),
        (
            "enclosing_according",
            "betrayal",
            confidence.CUE_KIND_BASE[CueKind.ACCORDING_TO] * confidence.UNLINKED_CUE,
        ),
    ],
)
def test_confidence_comes_from_the_table(fixture: str, fragment: str, expected: float) -> None:
    result = attribute(parsed(fixture), LEXICON)
    assert quote_containing(result, fragment).confidence == confidence.rounded(expected)


# Whole attributions on CoNLL-U parses: resolution, pieces and what is not a quote.


def test_pronoun_resolves_to_the_person_named_before() -> None:
    result = attribute(parsed("pronoun"), LEXICON)
    quote = quote_containing(result, "give up")
    assert quote.mention is not None
    assert quote.mention.text == "she"
    speaker = speaker_in(result, quote)
    assert speaker is not None
    assert speaker.name == "Marta Kovac"


def _spoken(fixture: str, fragment: str) -> tuple[Quote, Speaker]:
    """The quote containing `fragment` in the fixture's attributions, and its speaker."""
    result = attribute(parsed(fixture), LEXICON)
    quote = quote_containing(result, fragment)
    speaker = speaker_in(result, quote)
    assert speaker is not None, f"no speaker for {quote.text!r}"
    return quote, speaker


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    """ "Mr." states Ruiz's gender: the "she" after him is the woman named before him."""
    _, speaker = _spoken("pronoun_gender", "give up")
    assert speaker.name == "Ana Kovac"


def test_a_name_in_apposition_to_the_subject_is_the_one_a_pronoun_means() -> None:
    """ "The union's leader, Ana Kovac, spoke": the parser makes "leader" the subject and the
    name its apposition; "she" in the next paragraph is still Ana Kovac."""
    _, speaker = _spoken("apposed_subject", "give up")
    assert speaker.name == "Ana Kovac"


def test_named_people_conjoined_as_subject_all_speak() -> None:
    """ "Mayor Ana Kovac and Mr. Tomas Ruiz said": both are sources, each with their own role."""
    result = attribute(parsed("conjoined_speakers"), LEXICON)
    quote = quote_containing(result, "port would close")
    speaker = speaker_in(result, quote)
    assert speaker is not None
    assert speaker.name == "Tomas Ruiz"
    assert speaker.roles == ()
    # Each is listed with their own words (the quote keeps the whole conjunction), so what is
    # said of one ("Mr.") is evidence of no one else.
    assert [m.text for m in speaker.mentions] == ["Mr. Tomas Ruiz"]
    assert quote.mention is not None
    assert quote.mention.text == "Mayor Ana Kovac and Mr. Tomas Ruiz"
    (partner,) = [s for s in result.speakers if s.id in quote.co_speaker_ids]
    assert partner.name == "Ana Kovac"
    assert [r.text for r in partner.roles] == ["Mayor"]
    assert [m.text for m in partner.mentions] == ["Mayor Ana Kovac"]


@pytest.mark.parametrize(
    ("fixture", "fragment"),
    [
        ("conjoined_group", "port would close"),  # "Dockworkers and their families"
        ("conjoined_agency", "crossings would end"),  # "Harbour Pilotage and Customs Services"
    ],
)
def test_conjoined_groups_and_organization_names_are_one_speaker(
    fixture: str, fragment: str
) -> None:
    result = attribute(parsed(fixture), LEXICON)
    assert quote_containing(result, fragment).co_speaker_ids == ()
    assert len(result.speakers) == 1


def test_transcript_lines_are_quotes_of_the_name_before_the_colon() -> None:
    """Each `"NAME: ...` paragraph of a transcript is a quote of its own (though no mark closes
    the one before), spoken by the person named in capitals, without the label."""
    result = attribute(parsed("transcript"), LEXICON)
    lines = [q for q in result.quotes if q.rule == Rule.TRANSCRIPT]
    names = [getattr(speaker_in(result, q), "name", None) for q in lines]
    assert [(q.text, name) for q, name in zip(lines, names, strict=True)] == [
        ("The bridge will close in May, and it will reopen in June.", "Ana Kovac"),
        ("We were never consulted about any of it.", "Tomas Ruiz"),
    ]
    assert all(q.kind is QuoteKind.DIRECT and q.cue is None for q in lines)


def test_a_label_named_nowhere_else_reads_as_a_name() -> None:
    result = attribute(parsed("transcript_labels_only"), LEXICON)
    assert [s.name for s in result.speakers] == ["Kovac", "Ruiz"]


def test_a_participle_does_not_borrow_a_things_relative_pronoun() -> None:
    """ "a plan that cut the toll, saying it would "...": "that" is the plan, which says
    nothing; the speaker is the subject of the clause above it."""
    _, speaker = _spoken("participle_after_relative", "help every driver")
    assert speaker.name == "The council"


def test_a_transcript_label_with_nothing_said_after_it_is_no_quote() -> None:
    result = attribute(parsed("transcript_bare_label"), LEXICON)
    assert [q.text for q in result.quotes if q.kind is QuoteKind.DIRECT] == [
        "We will rebuild the bridge.",
        "Nobody asked us.",
    ]


def test_a_long_titled_subject_after_the_quote_still_leads_to_its_cue() -> None:
    """`"...," Senior harbour authority chief engineer Ana Kovac said`, in a sentence of its
    own: the words between the mark and the cue are all the cue's subject."""
    _, speaker = _spoken("titled_source_after_quote", "local workers")
    assert speaker.name == "Ana Kovac"
    assert [r.text for r in speaker.roles] == ["Senior harbour authority chief engineer"]


def test_a_complement_shared_by_conjoined_sources_is_part_of_their_name() -> None:
    quote, speaker = _spoken("shared_complement", "saved the harbour")
    assert speaker.name == "Skippers and traders in Split"
    assert quote.mention is not None
    assert quote.mention.text == "Skippers and traders in Split"


def test_a_state_speaks_as_an_organization_by_its_whole_name() -> None:
    # The tagger reads "United" as a verb; it still opens the name.
    _, speaker = _spoken("state_speaker", "talks would resume")
    assert (speaker.name, speaker.kind) == ("United Kingdom", SpeakerKind.ORGANIZATION)
    # "Embattled", tagged the same way, is no part of a person's name.
    _, speaker = _spoken("embattled", "port would close")
    assert speaker.name == "Ana Kovac"


def test_title_resolves_to_the_person_named_with_it() -> None:
    result = attribute(parsed("title"), LEXICON)
    speaker = speaker_in(result, quote_containing(result, "balanced"))
    assert speaker is not None
    assert speaker.name == "Petra Lind"
    # "the minister" refers to her: a description the article uses for her is a role too.
    assert [role.text for role in speaker.roles] == ["Finance Minister", "the minister"]


def test_verbal_relative_clause_is_no_role() -> None:
    """ "who heads X" says what someone does, not a role the article gives them."""
    result = attribute(parsed("relative"), LEXICON)
    speaker = speaker_in(result, quote_containing(result, "port would close"))
    assert speaker is not None
    assert speaker.roles == ()


@pytest.mark.parametrize(
    ("fixture", "pieces"),
    [
        ("split", ['"We will rebuild,"', '"but not this year."']),
        ("continues_piece", ['"Nobody asked us,"', '"Nobody has told us anything."']),
    ],
)
def test_one_attribution_in_pieces(fixture: str, pieces: list[str]) -> None:
    doc = parsed(fixture)
    result = attribute(doc, LEXICON)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert [doc.text[p.start : p.end] for p in quote.pieces] == pieces
    assert quote.fingerprint


def test_quote_inside_a_reported_clause_is_partial() -> None:
    result = attribute(parsed("partial"), LEXICON)
    quote = quote_containing(result, "betrayal")
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.rule == Rule.SUBJECT


def test_organization_speaker() -> None:
    result = attribute(parsed("organization"), LEXICON)
    speaker = speaker_in(result, quote_containing(result, "plan will fail"))
    assert speaker is not None
    assert speaker.name == "White House"
    assert speaker.kind.value == "organization"


@pytest.mark.parametrize("fixture", ["label", "title_of_work"])
def test_labels_and_titles_of_works_are_not_quotes(fixture: str) -> None:
    result = attribute(parsed(fixture), LEXICON)
    assert all('"' not in quote.text for quote in result.quotes)


def test_a_trailing_cue_reports_the_clause_before_its_source_however_it_is_hung() -> None:
    # newscc hangs "announced", "confirmed" as conjuncts, adverbial clauses or participles on
    # their sources; the cue after the content's own cue ("intends to") is the outermost. A
    # fronted clause of time (`But when ..., the mayor said enough`) and a phrasal verb (`the
    # city backed out`) are no trailing attribution.
    assert quoted_by("trailing_cue", with_rule=True) == [
        ("trailing cue", "The port will close in May", "officials"),
        ("trailing cue", "The ferries will stop running next week", "the harbour board"),
        (
            "trailing cue",
            "Meanwhile, the council intends to publish the inspection reports within weeks",
            "a spokeswoman",
        ),
    ]


def test_a_host_clause_running_into_the_cues_subject_is_no_content() -> None:
    # `Unite regional officer Dafydd Rees called ...`, with the union's name read as an
    # imperative and "called" its parataxis: no mark sets the "host" apart from the source, so
    # it is a misread part of the cue's clause; `..., the owners said` still reports.
    assert quoted_by("name_read_as_verb_before_cue", with_rule=True) == [
        ("reported parataxis", "The mill will close in March", "the owners"),
        ("subject of cue", '"a hammer blow"', "Dafydd Rees"),
    ]


def test_a_trailing_source_with_a_hyphen_speaks_and_a_found_thing_does_not() -> None:
    # `..., its secretary-general told a news conference on Monday.`: the hyphen inside the
    # source is part of its words. `..., potent compounds found in millions of fridges.`: a
    # participle on a thing that finds nothing; `..., the figures showed.` is a finding.
    assert quoted_by("trailing_sources_hyphen_and_finding", with_rule=True) == [
        (
            "trailing cue",
            "The union has suspended two of its officials over missing funds",
            "its secretary-general",
        ),
        ("trailing cue", "Unemployment rose for a third month in a row", "the figures"),
    ]


def test_a_trailing_source_may_carry_a_relative_clause_of_how_it_knows() -> None:
    # `..., an official who attended the meeting said.`: the parser hangs the cue on the
    # relative clause; the source is the phrase before "who", and the cue's addressee (`told
    # the Herald`) is no content of its own.
    assert quoted_by("trailing_source_with_relative", with_rule=True) == [
        ("trailing cue", "The ferry talks had stalled", "an official"),
        ("trailing cue", "The harbour board is preparing to sell the pier", "a person"),
        ("trailing cue", "The strike is unlikely to end soon", "a dockworker"),
    ]


def test_a_relative_pronoun_alone_is_no_trailing_source() -> None:
    # `The new clinic was opened on Monday by Mayor Ana Kovac, who told reporters.`: "who"
    # opens a relative clause on the name; the clause before the comma is narration, no
    # report of Kovac's.
    assert quoted_by("relative_who_as_trailing_source") == []


def test_a_cue_inside_the_relative_clause_is_no_trailing_cue() -> None:
    # `the harbour pilot who is riding a wave of anger to contend for the seat`, `retired
    # teachers who remember well the ferry strike`: the cue belongs to the clause.
    result = attribute(parsed("relative_clause_holds_the_cue"), LEXICON)
    assert all(quote.rule != "trailing cue" for quote in result.quotes)
    assert result.quotes[0].text.endswith("to contend for the seat")


def test_a_bare_day_after_the_cue_is_when_not_what() -> None:
    # Wire copy writes `said Sunday she would ...` and `told reporters Wednesday that ...`
    # without "on"; the parser takes the day (and the addressee) into the clause. A day that
    # opens the clause's subject (`said Monday's vote was rigged`) stays, and a comparative
    # the parser took for the cue's object (`said more than 500 boats`) rejoins its clause.
    result = attribute(parsed("bare_day_after_cue"), LEXICON)
    assert [quote.text for quote in result.quotes] == [
        "she would not resign over the ferry strike",
        "the town would sue the ferry company",
        "Monday's vote was rigged",
        "more than 500 boats had been stranded",
    ]


def test_the_sources_a_report_cites_are_no_content() -> None:
    # `..., Sky Sports reported on Tuesday, citing two sources.`: the citing clause is no
    # obstacle to the trailing cue; `reported, citing people familiar with the matter, that
    # ...`: the "that" conjunct is what was reported, and the people cited are not.
    result = attribute(parsed("citing_sources"), LEXICON)
    speakers = [speaker_in(result, q) for q in result.quotes[:2]]
    found = [(q.text, s.name if s else None) for q, s in zip(result.quotes, speakers, strict=False)]
    assert found == [
        ("The striker has agreed a move to the Harbour club", "Sky Sports"),
        ("the ferry company was exploring a sale", "Ledger"),
    ]
    assert not any("sources" in q.text or "familiar" in q.text for q in result.quotes)


def test_according_to_a_statement_after_a_speaker_is_the_channel_of_its_speech() -> None:
    # `The harbour board said ... it would review the contract, according to a statement.`:
    # the board speaks, through a statement; `according to a poll` after what voters said is
    # the source of all of it.
    result = attribute(parsed("according_channel"), LEXICON)
    speakers = [speaker_in(result, q) for q in result.quotes]
    found = [
        (q.rule, q.text, s.name if s else None)
        for q, s in zip(result.quotes, speakers, strict=True)
    ]
    assert found == [
        ("reported clause", "it would review the ferry contract", "The harbour board"),
        (
            "according to X",
            "More than half of the voters said the toll was unfair",
            "a poll by the Ledger",  # with its author, as any document
        ),
    ]


def test_the_question_put_to_a_speaker_is_no_attribution_of_theirs() -> None:
    # `Asked about the ferry strike, Hale said: "..."` and `... said when asked about the
    # timing`: the unnamed reporters asked; `Reporters asked the mayor about the toll` stays.
    result = attribute(parsed("asked_of_speaker"), LEXICON)
    assert [q.text for q in result.quotes] == [
        '"We will not be held to ransom."',
        '"We\'ll see,"',
        "about the toll",
    ]


def test_a_belief_adjective_attributes_a_belief_but_not_a_question() -> None:
    # `is confident that ...`, `remain hopeful that ...` (linked by "remain"): beliefs of
    # the subject; `is not sure why ...` asks, and states no belief.
    result = attribute(parsed("belief_adjective"), LEXICON)
    found = [(q.text, q.attribution_type.value) for q in result.quotes]
    assert found == [
        ("the new ferry rules will pass", "belief"),
        ("the strike will end in June", "belief"),
    ]


def test_figures_a_company_reports_are_results_not_words() -> None:
    # `reported a record quarterly profit`, `announced record sales`: results; `reported the
    # mayor's resignation` stays what the paper reported.
    result = attribute(parsed("reported_figures"), LEXICON)
    assert [q.text for q in result.quotes] == ["the mayor's resignation"]


def test_a_clause_opened_by_neither_or_either_is_content_whole() -> None:
    # The parser takes the first subject for the cue's object (or complement) and the verb for
    # the cue's conjunct: the content runs from "neither" to the end of that verb's phrase.
    assert _content("correlative_clause", "says", reported_object) == [
        (
            "reported object",
            "neither the mayor nor her staff helped the developer win the contract",
            None,
        )
    ]
    assert _content("correlative_clause", "said", complement_clause) == [
        ("reported clause", "either the ferry company or the city would pay for the repairs", None)
    ]


def test_a_stance_predicate_parsed_as_the_names_conjunct_is_the_names() -> None:
    # `Wong, a member of ..., has been a defender of X`, parsed with the name as the root and
    # "defender" as its conjunct: the name (its head word, "Peter") holds the view.
    assert _content("stance_predicate_as_conjunct", "defender", stance_phrase) == [
        ("stance phrase", "the old pier", "Peter")
    ]


def test_a_title_the_tagger_took_for_a_verb_reports_nothing() -> None:
    # `Celtics guard Tomas Ruiz shouted ...` with "guard" as the root verb: no clause of
    # another verb, only the quote Ruiz shouted.
    result = attribute(parsed("title_tagged_verb"), LEXICON)
    assert [(q.text, q.rule) for q in result.quotes] == [
        ('"We are going to the finals!"', "subject of cue")
    ]


def test_marks_inside_a_that_clause_hung_on_an_oblique_are_a_partial_quote() -> None:
    # `said in a statement that the offer was "fair and final."`: the clause is the cue's
    # content, so the quoted words sit inside it.
    result = attribute(parsed("statement_that_partial"), LEXICON)
    quote = quote_containing(result, "fair and final")
    assert quote.kind is QuoteKind.PARTIAL


def test_a_two_word_clause_ending_the_sentence_is_content() -> None:
    # `said profits fell.`: a noun subject and its verb are a whole clause; `said it had` (a
    # pronoun and an auxiliary) says nothing on its own.
    assert _content("short_whole_clause", "said", complement_clause) == [
        ("reported clause", "profits fell", None)
    ]
    result = attribute(parsed("short_whole_clause"), LEXICON)
    assert [q.text for q in result.quotes] == ["profits fell"]


def test_a_document_read_out_with_nothing_of_what_it_says_is_no_content() -> None:
    # `read a short statement in court`: no quote; `read a statement saying ...`: what it says.
    result = attribute(parsed("read_a_statement"), LEXICON)
    assert [q.text for q in result.quotes] == ["the pier would close"]


def test_a_name_set_off_after_a_description_and_names_listed_with_ages() -> None:
    # `Their landlord, Bayview Lettings, said`: the name set off after the description is the
    # whole name, headed by its last word; `Ortega, 34, and Brandt, 29, told the court`: the
    # ages set off by commas break the parser's conjunction, yet both speak.
    result = attribute(parsed("names_after_set_off_description_and_ages"), LEXICON)
    landlord, court = result.quotes
    assert speaker_in(result, landlord) is not None
    assert roles_by_name(result)["Bayview Lettings"] == ["Their landlord"]
    speaker = speaker_in(result, court)
    partners = [s for s in result.speakers if s.id in court.co_speaker_ids]
    assert speaker is not None
    assert [speaker.name, *(p.name for p in partners)] == ["Ortega", "Brandt"]


def test_names_listed_with_the_places_they_are_of_all_speak_with_the_shared_role() -> None:
    # `The two mayors, Lena Holm of Alderby and Tomas Ruiz of Kestrel, said`: past each name's
    # place, the list goes on; both speak, and the description before the list is each one's.
    result = attribute(parsed("listed_names_with_homes"), LEXICON)
    (quote,) = result.quotes
    speaker = speaker_in(result, quote)
    partners = [s for s in result.speakers if s.id in quote.co_speaker_ids]
    assert speaker is not None
    assert [speaker.name, *(p.name for p in partners)] == ["Lena Holm", "Tomas Ruiz"]
    assert roles_by_name(result) == {
        "Lena Holm": ["The two mayors"],
        "Tomas Ruiz": ["The two mayors"],
    }


def test_a_second_conjunct_hung_on_the_first_name_speaks_too() -> None:
    # `Interior Minister Jonas Berg and Justice Minister Eva Lind said in a joint statement`,
    # parsed with "Justice" a conjunct of Berg's "Minister": both ministers said it, each with
    # their own title.
    result = attribute(parsed("conjunct_on_name_word"), LEXICON)
    (quote,) = result.quotes
    speaker = speaker_in(result, quote)
    partners = [s for s in result.speakers if s.id in quote.co_speaker_ids]
    assert speaker is not None
    assert {speaker.name, *(p.name for p in partners)} == {"Jonas Berg", "Eva Lind"}
    assert roles_by_name(result) == {
        "Eva Lind": ["Justice Minister"],
        "Jonas Berg": ["Interior Minister"],
    }


def test_a_clause_after_the_listener_leaves_the_listener_out() -> None:
    # `told the BBC the strike would go ahead`, parsed with the first "the" hung on "strike":
    # what was said starts after the person told.
    result = attribute(parsed("listener_before_clause"), LEXICON)
    assert [q.text for q in result.quotes] == ["the strike would go ahead"]


def test_a_speaker_the_parser_gave_the_clause_is_not_what_was_said() -> None:
    # `Omar Reyes, chief operating officer of Kestrel Air, said fares would rise`, parsed with
    # Reyes the subject of "rise" and "said" without one: Reyes says it.
    result = attribute(parsed("participle_apposition_role"), LEXICON)
    quote = quote_containing(result, "fares")
    speaker = speaker_in(result, quote)
    assert quote.text == "fares would rise"
    assert speaker is not None
    assert speaker.name == "Omar Reyes"


def test_a_statement_joined_after_the_content_is_its_own() -> None:
    # `President Ana Kovac said the election had been free and fair, but opposition leader
    # Tomas Ruiz rejected the results`, with "rejected" a second complement of "said": Kovac's
    # words end before "but", and Ruiz's rejection is his.
    result = attribute(parsed("joined_statement_after_content"), LEXICON)
    found = [(q.text, speaker_in(result, q)) for q in result.quotes]
    assert [(text, s.name if s else None) for text, s in found] == [
        ("the election had been free and fair", "Ana Kovac"),
        ("the results", "Tomas Ruiz"),
    ]


def test_a_predicate_hung_deep_in_the_object_still_characterises() -> None:
    # `Critics called the toll and the demand for the mayor's public apology a cynical stunt
    # ...`, with "stunt" parsed as a noun modifier of "apology": what the critics called it is
    # their words.
    result = attribute(parsed("predicate_inside_object"), LEXICON)
    (quote,) = result.quotes
    speaker = speaker_in(result, quote)
    assert speaker is not None
    assert speaker.name == "Critics"
    assert quote.text.startswith("the toll and the demand")
    assert "a cynical stunt" in quote.text


def test_the_subject_after_an_asked_clause_is_whom_he_refers_to() -> None:
    # `Asked whether he was worried that Tomas Ruiz, ..., who has called the toll a scandal,
    # could be the next mayor, Kovac demurred. "...," he said.`: Kovac is the sentence's
    # subject (the parser hung "demurred" beside "mayor"), so "he" is Kovac, not Ruiz, whose
    # words inside the question are more recent.
    assert speaker_name("subject_after_asked_clause", "no point guessing") == "Peter Kovac"


def test_a_person_described_by_age_speaks_around_the_cue() -> None:
    # `"...," said the 23-year-old` (the hyphens split the description) and `"...," the
    # veteran councillor, 74, said` (the age set off before the cue): both described speakers.
    result = attribute(parsed("age_descriptions_at_cue"), LEXICON)
    found = [(q.text, speaker_in(result, q)) for q in result.quotes]
    assert [s.name if s else None for _, s in found] == [
        "the 23-year-old",
        "the veteran councillor",
    ]
    assert all(s is not None and s.kind is SpeakerKind.PERSON for _, s in found)


def test_a_name_after_on_is_where_it_was_said() -> None:
    # `Speaking to reporters on Air Force One`, `spoke on CNN about the floods`: the channel
    # or place is no content; what follows "about" is.
    result = attribute(parsed("place_after_on"), LEXICON)
    assert [q.text for q in result.quotes] == [
        "the president had not yet decided",
        "about the floods",
    ]


def test_a_capitalised_platform_the_tagger_took_for_a_noun_is_where_it_was_written() -> None:
    # `wrote on X: "..."`, "X" tagged a common noun: the platform is no content of "wrote".
    assert quoted_by("platform_tagged_a_noun") == [('"Absolutely shameful."', "Gary Lineker")]


def test_a_participle_after_an_inverted_cue_has_its_speaker() -> None:
    # `"...," said Amina Diallo, adding that the union would fight the plan in court`: "said"
    # has no subject arc (Diallo is its object), so "adding" borrows the name after it.
    result = attribute(parsed("participle_after_inverted_cue"), LEXICON)
    found = [(q.text, speaker_in(result, q)) for q in result.quotes]
    assert [(text, s.name if s else None) for text, s in found] == [
        ('"We were not consulted,"', "Amina Diallo"),
        ("the union would fight the plan in court", "Amina Diallo"),
    ]


def test_for_whom_one_writes_is_no_content() -> None:
    # `Writing for the majority, Chief Justice Mary Oakes said ...`: on whose behalf, not what.
    result = attribute(parsed("stacked_titles_and_writing_for"), LEXICON)
    assert [q.text for q in result.quotes] == [
        "two people had been arrested",
        "the statute could not stand",
    ]


def test_a_described_source_keeps_its_complement_without_time_or_relative_clause() -> None:
    # `Officials in the harbour town of Portmere on Monday delayed the order, saying ...`: the
    # officials speak (not Portmere, the name nearest the participle), "on Monday" is when;
    # `A spokesperson for Harbour Resources, which manages the flood defences, said`: the
    # relative clause is about the body, not part of who speaks.
    result = attribute(parsed("described_source_complements"), LEXICON)
    found = [speaker_in(result, q) for q in result.quotes]
    assert [s.name if s else None for s in found] == [
        "Officials in the harbour town of Portmere",
        "A spokesperson for Harbour Resources",
    ]


def test_a_warning_for_an_area_says_where_not_what() -> None:
    # `The weather service issued a red warning for the coast`: the coast is where it holds.
    result = attribute(parsed("warning_for_an_area"), LEXICON)
    assert [q.text for q in result.quotes] == ["gusts could reach 100 mph"]


def test_according_to_a_described_source_set_off_or_trailing() -> None:
    # `..., according to a person familiar with the talks, who spoke on condition of
    # anonymity`: all before the phrase, from the person (the relative clause is no cue of its
    # own); `The plan, according to a copy obtained by the Harbour Times, would cut 2,000
    # jobs`: the sentence around the phrase, in two pieces, from the copy (the paper obtained
    # it); `according to Mr. Okafor`: Okafor.
    result = attribute(parsed("according_variants"), LEXICON)
    found = [(q, speaker_in(result, q)) for q in result.quotes]
    assert [(q.text, s.name if s else None) for q, s in found] == [
        ("The mayor was furious", "a person familiar with the talks"),
        (
            "The plan, according to a copy obtained by the Harbour Times, would cut 2,000 jobs",
            "a copy obtained by the Harbour Times",
        ),
        ("The ferry firm spent roughly $8 million on the pier", "Okafor"),
    ]
    text = result.quotes[1].text
    pieces = [
        text[p.start - result.quotes[1].span.start : p.end - result.quotes[1].span.start]
        for p in result.quotes[1].pieces
    ]
    assert pieces == ["The plan", "would cut 2,000 jobs"]


def test_a_that_clause_hung_inside_an_oblique_makes_the_quote_partial() -> None:
    # `wrote in a note to the harbour master that the delays were "unacceptable."`: the
    # clause the parser hung on "master" is the content, so the quoted word is a partial quote.
    result = attribute(parsed("that_clause_inside_oblique"), LEXICON)
    (quote,) = result.quotes
    assert quote.kind is QuoteKind.PARTIAL


def test_a_lone_word_the_parser_split_off_opens_the_clause() -> None:
    # `said waiting lists were falling`, with "waiting" a complement of its own: the clause
    # starts at it; `Speaking on a radio programme` says where, not what.
    result = attribute(parsed("stray_word_before_clause"), LEXICON)
    assert [q.text for q in result.quotes] == ["waiting lists were falling"]


def test_one_of_a_group_named_after_the_cue_and_documents_someone_reviewed() -> None:
    # `"...," said one of the researchers, Dr. Aiko Tanaka`: Tanaka, one of the researchers;
    # `Documents reviewed by the Harbour Times show ...`: the documents, which the paper
    # reviewed, not the paper.
    result = attribute(parsed("one_of_them_named_after_cue"), LEXICON)
    found = [speaker_in(result, q) for q in result.quotes]
    assert [s.name if s else None for s in found] == [
        "Aiko Tanaka",
        "Documents reviewed by the Harbour Times",
    ]
    assert roles_by_name(result)["Aiko Tanaka"] == ["one of the researchers"]


def test_a_blog_or_platform_after_on_is_where_it_was_written() -> None:
    # `wrote on her blog that ...`, `wrote on her social media platform`: where, not what.
    result = attribute(parsed("venue_after_on_owned"), LEXICON)
    assert [q.text for q in result.quotes] == ["the toll was unfair", '"Fake news,"']


def test_counsel_are_expert_sources() -> None:
    # `Defence counsel Tom Reid argued ...`: counsel, barristers and solicitors are lawyers.
    result = attribute(parsed("counsel_category"), LEXICON)
    (speaker,) = result.speakers
    assert (speaker.name, speaker.category) == ("Tom Reid", SourceCategory.EXPERT)


def test_a_described_source_keeps_a_count_after_of() -> None:
    # `the 52-year-old mother of three told ...`: the whole description names her.
    assert (
        speaker_name("mother_of_three", "not going anywhere") == "the 52-year-old mother of three"
    )


def test_both_before_the_cue_is_no_part_of_what_was_said() -> None:
    # `The minister and her deputy both said the plan was on track`, with "both" hung on the
    # clause's subject.
    result = attribute(parsed("preconj_before_cue"), LEXICON)
    quote = quote_containing(result, "on track")
    assert quote.text == "the plan was on track"


def test_inverted_cue_after_a_clause_keeps_its_name_past_a_later_complement() -> None:
    # `The bank will raise rates again, said Ana Costa, an economist ..., adding that
    # inflation "remains sticky"`: the parser hangs "remains" on "said" as its complement,
    # which made the cue seem to report that, and "adding" seem to continue "The bank".
    result = attribute(parsed("inverted_after_clause_participle"), LEXICON)
    for fragment in ("raise rates again", "remains sticky"):
        speaker = speaker_in(result, quote_containing(result, fragment))
        assert speaker is not None
        assert speaker.name == "Ana Costa"


def test_a_headlines_topic_label_before_a_colon_says_nothing() -> None:
    # `Storm Bert: Thousands without power as floods hit Wales`: what the story is about.
    result = attribute(parsed("headline_topic"), LEXICON)
    assert result.quotes == ()


def test_a_relative_clause_on_coordinated_predicate_nouns_is_the_subjects() -> None:
    # `Tomas Ruiz runs the ferry line and is a pilot, a sailor and a writer who has said ...`
    assert speaker_name("relative_on_coordinated_predicate", "too small") == "Tomas Ruiz"


def test_a_quote_after_a_sentence_opened_by_a_participle_is_its_subjects() -> None:
    # `Asked whether he would run again, Tomas Ruiz smiled. "Never say never."`, parsed with
    # "Asked" as the root.
    assert speaker_name("introduced_after_participle", "Never say never") == "Tomas Ruiz"


def test_a_title_whose_complement_ends_in_a_common_noun_hangs_the_name_after_it() -> None:
    # `White House deputy chief of staff Maria Costa said`, with the name parsed as a
    # complement of "chief": she speaks, the title is her role.
    result = attribute(parsed("title_with_common_complement"), LEXICON)
    assert roles_by_name(result) == {"Maria Costa": ["White House deputy chief of staff"]}


def test_an_infinitive_parsed_as_adverbial_after_an_object_who_acts_is_content() -> None:
    # `Analysts expect the central bank to cut rates in March`, with "cut" an adverbial
    # clause of "expect": the bank and its infinitive are what is expected.
    result = attribute(parsed("object_then_infinitive"), LEXICON)
    quote = quote_containing(result, "cut rates")
    assert quote.text == "the central bank to cut rates in March"
    assert quote.rule == Rule.REPORTED_INFINITIVE.value


def test_an_object_named_by_a_plural_of_people_acts_on_the_infinitive_after_it() -> None:
    # `the pastor urged his followers to stay home`, "stay" an adverbial clause: followers
    # (groups.txt lists plurals) may act, so they and their infinitive are the content.
    result = attribute(parsed("infinitive_after_followers"), LEXICON)
    [quote] = result.quotes
    assert (quote.text, quote.rule) == ("his followers to stay home", "reported infinitive")
    # `urged both sides to return to the table`: the sides of a dispute are people too.
    result = attribute(parsed("infinitive_after_both_sides"), LEXICON)
    [quote] = result.quotes
    assert quote.text == "both sides to return to the table"


def test_a_gerund_clause_whose_preposition_the_parser_hung_inside_it_is_content() -> None:
    # `called for immediately reopening the harbour`, `decided against rebuilding the pier`,
    # with "for" and "against" hung on the gerunds' objects: the clause still opens with a
    # content preposition, so it is what was called for, or decided.
    result = attribute(parsed("gerund_content_after_adverb"), LEXICON)
    assert [(q.text, q.rule) for q in result.quotes] == [
        ("for immediately reopening the harbour, but on a smaller scale", "reported oblique"),
        ("against rebuilding the pier", "reported oblique"),
    ]


def test_a_time_hung_on_a_noun_of_the_content_is_when_it_was_said() -> None:
    # `defended the plan in parliament on Tuesday`, "Tuesday" parsed on "parliament": the day
    # is when she defended it; `expect the central bank to cut rates in March`: the month is
    # when the cut is expected, content still.
    result = attribute(parsed("time_inside_object"), LEXICON)
    assert [q.text for q in result.quotes] == [
        "the plan in parliament",
        "the central bank to cut rates in March",
    ]


def test_the_object_of_a_cue_inverted_after_its_clause_is_who_spoke() -> None:
    # `Ferry strike will cost millions, says harbour chief`: the chief is no content of "says".
    result = attribute(parsed("headline_inverted_says"), LEXICON)
    [quote] = result.quotes
    speaker = speaker_in(result, quote)
    assert speaker is not None
    assert (quote.text, speaker.name) == ("Ferry strike will cost millions", "harbour chief")


def test_a_document_keeps_its_author_after_by() -> None:
    # `According to a statement by the Harbour Trust, ...`, `A report by the central bank said
    # ...`: the document speaks, named with who wrote it.
    assert quoted_by("document_by_author") == [
        ("the pier will close on Friday", "a statement by the Harbour Trust"),
        ("growth would slow", "A report by the central bank"),
    ]


def test_a_document_published_in_a_journal_speaks_itself() -> None:
    # `according to a study published in Nature`: the study, not the journal ("by" would
    # name its issuer: `a notice posted by the council`).
    assert (
        speaker_name("document_published_in", "recovering faster") == "a study published in Nature"
    )


def test_a_trailing_source_may_hold_a_participle_after_its_noun() -> None:
    # `The talks ... have stalled, two officials briefed on the negotiations said on Sunday.`
    result = attribute(parsed("trailing_source_participle"), LEXICON)
    quote = quote_containing(result, "have stalled")
    speaker = speaker_in(result, quote)
    assert quote.rule == Rule.TRAILING_CUE.value
    assert speaker is not None
    assert speaker.name == "two officials briefed on the negotiations"


def test_a_headlines_quotation_after_a_name_and_colon_is_that_names() -> None:
    # `Kovac: 'We will not give up the harbour'`, in single marks.
    result = attribute(parsed("headline_name_quote"), LEXICON)
    quote = quote_containing(result, "give up the harbour")
    assert quote.kind is QuoteKind.DIRECT
    assert speaker_name("headline_name_quote", "give up the harbour") == "Kovac"


def test_a_name_right_after_the_addressee_is_no_content_told() -> None:
    # `told state television ERT`, parsed as two objects of "told": the channel and its name.
    result = attribute(parsed("told_channel_by_name"), LEXICON)
    assert [quote.kind for quote in result.quotes] == [QuoteKind.DIRECT]


def test_a_trailing_source_the_parser_hung_inside_the_clause_still_reports_it() -> None:
    # `The actor ... died on Tuesday at his home in Lisbon, his publicist, Jane Doyle, said.`,
    # with the publicist an apposition of "Lisbon" inside the clause "said" reports.
    result = attribute(parsed("trailing_source_inside_clause"), LEXICON)
    quote = quote_containing(result, "died on Tuesday")
    assert quote.rule == Rule.TRAILING_CUE.value
    assert quote.text.endswith("at his home in Lisbon")
    assert speaker_name("trailing_source_inside_clause", "died on Tuesday") == "Jane Doyle"


def test_marks_that_close_a_clause_begun_before_them_are_a_partial_quote() -> None:
    # `The ruling was "a victory for common sense," said Sarah Ellis, ...`
    result = attribute(parsed("inverted_cue_after_partial"), LEXICON)
    quote = quote_containing(result, "common sense")
    assert quote.kind is QuoteKind.PARTIAL
    assert speaker_name("inverted_cue_after_partial", "common sense") == "Sarah Ellis"


def test_an_attribution_inside_one_without_a_source_stands_on_its_own() -> None:
    # `was fined for ignoring a captain who said ...`: the passive cue names no source, so the
    # captain's words, held in its content, are read as their own attribution; an outer
    # attribution with a source still holds the one inside it (`wants to hire a diver who
    # said ...`), as only the outermost is kept.
    assert quoted_by("nested_without_outer_source", with_rule=True) == [
        ("reported clause", "the hull had cracked", "a captain"),
        (
            "reported infinitive",
            "hire a diver who said the wreck could be raised",
            "The harbour board",
        ),
    ]


def test_what_was_told_is_not_the_addressees_question() -> None:
    # `told a reporter who asked about the delay that "..."`, parsed with the "that" clause in
    # the relative clause on the reporter: "told" has no clause of its own, so the quotation
    # is what Kovac told, not what the reporter asked.
    assert quoted_by("told_addressee_who_asked", with_rule=True) == [
        ("subject of cue", '"nobody is in a hurry here."', "Ana Kovac"),
    ]


@pytest.mark.parametrize(("fragment", "holder"), [("water prices", "Farmers"), ("the deal", "Lee")])
def test_the_owner_of_a_view_holds_it_not_the_view(fragment: str, holder: str) -> None:
    # `Farmers' worries about water prices`, `Lee's criticism of the deal`: the possessor of a
    # stance noun is its source; the noun it owns is the cue, never a speaker of its own (as
    # the governor of `The bank's governor said` is).
    assert speaker_name("stance_of_possessor", fragment) == holder


def test_a_person_described_then_named_by_named_speaks_by_the_name() -> None:
    # `a rickshaw driver named Rafiq`: the name after "named" is the speaker's, the description
    # before it (and one set off before that) its roles, as the description of `A woman named
    # Grace Okafor` is; a body `called Brightwater` is left as the body that speaks.
    result = attribute(parsed("named_by_participle"), LEXICON)
    found = {}
    for quote in result.quotes:
        speaker = speaker_in(result, quote)
        assert speaker is not None
        found[speaker.name] = ([role.text for role in speaker.roles], speaker.kind.value)
    assert found == {
        "Rafiq": (["Her neighbour", "a rickshaw driver"], "person"),
        "Grace Okafor": (["A woman"], "person"),
        "The company": ([], "organization"),
    }


def test_a_family_name_first_is_joined_under_a_title_that_heads_it() -> None:
    # `Vietnamese leader Tran Van Minh`, parsed with "leader" as the head and the name as its
    # `flat`: the title still says the name is a person's, so the later `Tran` is the same man.
    result = attribute(parsed("title_heads_family_name"), LEXICON)
    assert [(s.name, [r.text for r in s.roles]) for s in result.speakers] == [
        ("Tran Van Minh", ["Vietnamese leader"])
    ]


def test_a_trailing_report_of_an_attribution_is_no_part_of_its_content() -> None:
    # `The minister said X, state television reported.`: the trailing source and cue report
    # the minister's attribution, which stays (the parser hangs them inside its content); they
    # are neither words of the minister's nor, read as a second clause of "told", a content.
    assert quoted_by("trailing_report_of_attribution") == [
        ("the border would reopen on Monday", "The minister"),
        ("the protests had been hijacked by criminals", "Kamau"),
        ("the bridge was safe", "Vance"),
    ]


def test_a_noun_of_standing_calls_the_person_named_last_whatever_their_post() -> None:
    # `Northwind chief executive Lena Brandt said ... The billionaire told reporters`: wealth or
    # renown goes with any post, unlike an occupation (`the striker` is not the groundsman).
    result = attribute(parsed("standing_epithet"), LEXICON)
    assert roles_by_name(result) == {
        "Lena Brandt": ["Northwind chief executive", "The billionaire"]
    }


def test_a_possessed_title_in_capitals_and_a_cue_before_a_title_are_read_apart() -> None:
    # `Tasmania's Premier, Ruth Calder, said`: the title the tagger calls a proper noun, owned
    # by a place, is the role of the name set off after it; `"...," vowed union boss Dana
    # Pryce`: the cue is no word of the title, though `retired` before one is.
    result = attribute(parsed("possessed_title_and_cue_before_title"), LEXICON)
    assert roles_by_name(result) == {
        "Ruth Calder": ["Tasmania's Premier"],
        "Dana Pryce": ["union boss"],
        "Tom Fenn": ["retired navy captain"],
    }


def test_a_title_heading_the_name_speaks_before_a_now_apposition() -> None:
    # `Former Wales captain Tom Fenwick, now a pundit for Coast Radio, said`, parsed with the
    # title noun heading the name and the apposition a second subject: the name speaks, and
    # the apposition after "now" is a role he holds.
    result = attribute(parsed("title_heading_name_and_now_apposition"), LEXICON)
    assert roles_by_name(result) == {
        "Tom Fenwick": ["Former Wales captain", "a pundit for Coast Radio"]
    }


def test_a_possessive_name_in_a_sources_complement_names_where_they_work() -> None:
    # `A spokesperson for St Columba's Ambulance said`: the name after the possessive lies in
    # the complement of "spokesperson", so the spokesperson speaks, not "Ambulance".
    result = attribute(parsed("possessive_name_in_complement"), LEXICON)
    assert roles_by_name(result) == {
        "A spokesperson for St Columba's Ambulance": ["A spokesperson for St Columba's Ambulance"]
    }


def test_a_predicate_piece_read_as_a_second_complement_ends_the_content() -> None:
    # `... after Kovac said the deal was off.`, parsed with "was" and "off" both complements
    # of "said": the particle ends the clause, which is not cut to "the deal was".
    assert quoted_by("predicate_piece_as_second_complement") == [("the deal was off", "Kovac")]


def test_a_bare_title_set_off_before_a_name_is_the_role_of_the_name() -> None:
    # `Green MP for Alderby West, Hana Kowalski, said`: a title the tagger calls a proper noun,
    # with no name of its own, is described by the name set off after its complement (hung on
    # the complement's last word); `Mayor Greta Holm, a former engineer,` holds its own name.
    result = attribute(parsed("bare_title_set_off_before_name"), LEXICON)
    assert roles_by_name(result) == {
        "Hana Kowalski": ["Green MP for Alderby West"],
        "Greta Holm": ["Mayor", "a former engineer"],
    }


def test_a_colon_after_a_titled_name_introduces_its_words_not_the_last_speakers() -> None:
    # `"...," Ruiz said. Mariners coach Tom Fenwick was less happy: "..."`: the title heads
    # the name in the parse; the quotation is Fenwick's, not a second piece of Ruiz's.
    assert quoted_by("colon_after_titled_name") == [
        ('"It was a team effort,"', "Ruiz"),
        ('"We did not defend."', "Tom Fenwick"),
    ]


def test_a_content_ending_in_a_cue_before_a_colon_introduces_someone_elses_words() -> None:
    # `... Mr Hale told MPs. Opposition leader Ana Kovac replied: "..."`, run together as one
    # sentence: "Kovac replied" is no content of "told"; a cue inside the content's own clause
    # stays (`hopes the vote will prove what her supporters have long said: ...`).
    assert quoted_by("cue_before_colon_in_content") == [
        ('"I will not resign,"', "Hale"),
        ('"He has lost the confidence of the country."', "Ana Kovac"),
        (
            "the vote will prove what her supporters have long said: the bridge must stay",
            "The mayor",
        ),
    ]


def test_a_fronted_clause_gives_back_the_subject_and_he_follows_a_described_relative() -> None:
    # `When the storm broke, Lena Okoro was at the harbour. She ran home ...`: the parser made
    # the name a second subject of "broke", so "she" had no one to stand for. `Her brother, a
    # fisherman, was stranded ... He did not reach ... "...," he said`: "he" goes back along
    # the chain of "he" to the relative described as a subject, an unnamed source.
    result = attribute(parsed("fronted_clause_and_described_chain"), LEXICON)
    found = []
    for quote in result.quotes:
        speaker = speaker_in(result, quote)
        assert speaker is not None
        found.append((quote.text, speaker.name, speaker.anonymous))
    assert found == [
        ("her boat", "Lena Okoro", False),
        ('"Everything was under water,"', "Lena Okoro", False),
        ('"I tried every ferry,"', "Her brother", True),
    ]


def test_an_infinitive_of_purpose_shares_the_subject_of_its_verb() -> None:
    # `Residents of Port Ellis packed a meeting to protest the ferry cuts`: the residents
    # protest (the first name before the cue, "Port", spoke); after a verb that makes its
    # object act, the object speaks (`led the union leader Maria Costa to warn`).
    assert quoted_by("purpose_infinitive") == [
        ("the ferry cuts", "Residents of Port Ellis"),
        ("strikes would follow", "Maria Costa"),
    ]


def test_an_adjective_read_as_a_second_subject_and_one_of_them_as_a_speaker() -> None:
    # `An aide close to the prime minister told ...`: "close", parsed as a second subject,
    # spoke; `One of them said ...`: a number picking from a group by a pronoun spoke nothing.
    assert quoted_by("aide_close_and_one_of_them") == [
        ("an announcement could come within days", "An aide close to the prime minister"),
        ("a deal was near", "Two senior officials"),
        ("the remaining gap was small", "One of them"),
    ]


def test_a_description_linked_to_a_name_before_is_no_delayed_identification() -> None:
    # `Ana Kovac: '...'` (a headline), then `The premier said ... Labour called ...`: the
    # premier is Kovac, whose role the description already is; not the next name, a party.
    assert quoted_by("description_linked_before_delayed") == [
        ("'We will rebuild the bridge'", "Ana Kovac"),
        ("'working'", "Ana Kovac"),
        ("'laughable'", "Labour"),
    ]


def test_a_cue_reporting_the_clause_before_has_no_circumstance_after_as_content() -> None:
    # `Norway's economy shrank ..., the government said Thursday, as weak consumer spending
    # offset ...`: the "as" clause says why, and was read as a second content of "said".
    assert quoted_by("circumstance_after_trailing_cue", with_rule=True) == [
        ("reported parataxis", "Norway's economy shrank in the last quarter", "the government")
    ]


def test_an_as_phrase_after_the_object_is_said_of_it() -> None:
    # `Ruiz dismissed the claims as false`: what the claims are called belongs to the content;
    # `as well as the port` is no such phrase.
    assert quoted_by("as_predicate_of_object") == [
        ("the claims as false", "Ruiz"),
        ("the ferry operators", "The union"),
    ]


def test_a_cue_in_a_whose_clause_reports_nothing_of_the_clause_before() -> None:
    # `The ruling was welcomed by the ferry workers' union, whose president, Marta Kovac, said
    # it was "long overdue."`: the parser made "said" a parataxis of "welcomed", but the
    # union's welcome is not what she said; her post is "president", without "whose".
    assert quoted_by("whose_post_named_after_body") == [
        ("\u201clong overdue.\u201d", "Marta Kovac")
    ]
    result = attribute(parsed("whose_post_named_after_body"), LEXICON)
    assert roles_by_name(result) == {"Marta Kovac": ["president"]}


def test_a_trailing_source_ends_before_its_cue_and_when() -> None:
    # `..., official figures showed on Thursday.` (hand-edited: "showed" a participle on
    # "figures"): the participle is the cue and "on Thursday" when, no description of the
    # figures (`officials briefed on the talks` keeps its description).
    assert quoted_by("source_participle_then_time") == [
        ("Ferry traffic fell by a third in May", "official figures")
    ]


def test_fragments_of_one_reported_clause_are_one_quote() -> None:
    # `Ruiz said the plan was "reckless" and that the council had been "misled."`: the first
    # fragment stood between the cue and the second, which was lost; both are his, as pieces
    # of one attribution.
    result = attribute(parsed("fragments_of_one_report"), LEXICON)
    first = result.quotes[0]
    assert first.kind is QuoteKind.PARTIAL
    text = parsed("fragments_of_one_report").text
    assert [text[p.start : p.end] for p in first.pieces] == [
        "\u201creckless\u201d",
        "\u201cmisled.\u201d",
    ]
    speaker = speaker_in(result, first)
    assert speaker is not None
    assert speaker.name == "Ruiz"


def test_a_verb_inside_the_reported_clause_does_not_split_its_fragments() -> None:
    # `said that "friends and colleagues" who sat on the board had "failed the harbour."`:
    # "sat" belongs to the clause both fragments are in; `said, adding that ... "another
    # week."` starts a clause of its own, and its fragment stays apart.
    found = [
        (q.text[:12], len(q.pieces))
        for q in attribute(parsed("fragments_around_a_clause_verb"), LEXICON).quotes
    ]
    assert found == [
        ("\u201cfriends and", 2),
        ("\u201cThe pier is", 0),
        ("\u201canother wee", 0),
    ]


def test_a_headline_split_at_its_colon_still_gives_the_name_its_words() -> None:
    # `Holm to voters: Trust me on the harbour`, which the tokenizer cut after the colon: the
    # line after it is what the name before it says (to the voters).
    assert quoted_by("name_colon_line_split", with_rule=True) == [
        ("name colon", "Trust me on the harbour", "Greta Holm")
    ]


def test_an_as_phrase_of_capacity_is_no_part_of_the_content() -> None:
    # `criticized the toll as harbour minister`: the post he spoke in, not what the toll is.
    assert quoted_by("as_capacity_not_predicate") == [("the toll", "Ruiz")]


def test_a_preposition_tagged_an_adjective_heads_no_content() -> None:
    # `Speaking alongside German Chancellor Frida Merz, Marceau said ...`, "alongside" tagged an
    # adjective on the chancellor, the object of "Speaking": with whom he spoke, not what.
    assert quoted_by("preposition_heads_no_content") == [
        ("his country would help", "Emil Marceau"),
        ("Europe needed to act", "Emil Marceau"),
    ]


def test_a_partial_quote_ending_an_according_to_clause_is_the_sources() -> None:
    # `According to the director of ..., Tomas Ruiz, the repairs were "long overdue."`: the
    # clause ends at "overdue", before the stop inside the closing mark; the quoted words are
    # still the partial quote of its source, not a scare quote dropped with the clause.
    assert quoted_by("according_to_a_description_then_quoted_word", with_rule=True) == [
        ("according to X", '"long overdue."', "Tomas Ruiz")
    ]


def test_a_second_relative_pronoun_stands_for_the_noun_of_the_first() -> None:
    # `Senator Ana Kovac, who ... threatened ..., and who has been hoping to win votes ...`:
    # the second clause is a conjunct of the first, and its "who" is Kovac too.
    assert quoted_by("second_relative_of_a_name") == [
        ("close the port", "Ana Kovac"),
        ("win votes away from the mayor", "Ana Kovac"),
    ]


def test_a_noun_of_a_role_or_occupation_is_a_source_for_any_cue() -> None:
    # `Campaigners welcomed the ruling`, `Paramedics praised the volunteers`: people named by
    # what they do (plural, and capitalised where the tagger leaves the lemma as written) can
    # welcome or praise, as residents or a union can.
    assert quoted_by("stance_of_role_noun_subjects") == [
        ("the ruling", "Campaigners"),
        ("the plan", "The nurse"),
        ("the volunteers", "Paramedics"),
    ]


def test_the_opposition_and_a_regime_are_bodies_that_take_a_stance() -> None:
    # `The opposition opposes the bill`, `The regime denied the reports`: bodies, official.
    result = attribute(parsed("opposition_as_a_body"), LEXICON)
    assert [(s.name, s.kind.value, s.category.value) for s in result.speakers] == [
        ("The opposition", "organization", "official"),
        ("The regime", "organization", "official"),
    ]
    assert [q.text for q in result.quotes] == ["the bill", "the reports"]


def test_agent_of_a_passive_cue_speaks_its_quotation() -> None:
    # `The plan was described as "reckless" by opposition leaders`: the quotation is the
    # leaders'; `Residents were warned that ...` names no one who warned, and says nothing.
    assert quoted_by("passive_cue_with_agent", with_rule=True) == [
        ("reported passive", "The plan", "opposition leaders"),
        ("agent of passive cue", '"reckless"', "opposition leaders"),
        ("reported passive", "The rumours", "the club"),
        ("agent of passive cue", '"nonsense"', "the club"),
    ]


def test_who_on_a_thing_that_completes_a_noun_of_people_is_those_people() -> None:
    # `calls from listeners to his radio show who said ...`, with "who" hung on "show": no
    # show speaks; the listeners do.
    assert quoted_by("who_on_a_thing_of_people") == [
        ("they were worried about the port", "listeners")
    ]
