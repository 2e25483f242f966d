"""The engine on real parses: invented sentences through the Stanza models, one table.

Each rule is tested alone on CoNLL-U in `test_rules.py`; these cases check that the rules
meet the parser's actual output, a construction per row.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from quoteattr_server.engine.types import AttributionResult, QuoteKind, SpeakerKind

from .conftest import Attributor, quote_containing, speaker_of

pytestmark = pytest.mark.slow

DIRECT, PARTIAL, REPORTED = QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.REPORTED


@dataclass(frozen=True)
class Expected:
    """A quote containing `fragment`, its speaker's name, and what else is checked (None: not)."""

    fragment: str
    speaker: str
    kind: QuoteKind | None = None
    rule: str | None = None
    roles: tuple[str, ...] | None = None
    cue: str | None = None  # the cue's lemma
    mention: str | None = None
    pieces: int | None = None
    whole: bool = False  # the quote's text is exactly `fragment`
    speaker_kind: SpeakerKind | None = None


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    quotes: tuple[Expected, ...]
    exactly: bool = False  # no quote beyond `quotes`


CASES = [
    Case(
        "a second verb keeps the quotes apart",
        '"We are watching the river," the harbour master said, adding that the tide was '
        '"rising fast."',
        (
            # One piece each (no `pieces`): "rising fast" is not the first quote's second half.
            Expected("watching the river", "the harbour master", DIRECT, pieces=0),
            Expected("rising fast", "the harbour master", pieces=0),
        ),
        exactly=True,
    ),
    Case(
        "subject of cue",
        '"The bridge will close in May," Ana Kovac said.',
        (
            Expected(
                "bridge", "Ana Kovac", DIRECT, "subject of cue", cue="say", mention="Ana Kovac"
            ),
        ),
    ),
    Case(
        "inverted, title and apposition",
        '"We were never consulted," said Deputy Mayor Tomas Ruiz, the city\'s budget chief.',
        (
            Expected(
                # The rule that finds him depends on the models: the inverted subject, or the
                # name right after the cue when the parse makes him its object.
                "consulted",
                "Tomas Ruiz",
                roles=("Deputy Mayor", "the city's budget chief"),
                speaker_kind=SpeakerKind.PERSON,
            ),
        ),
    ),
    Case(
        "title before name",
        '"The budget is final," Finance Minister Petra Lind said.',
        (Expected("budget", "Petra Lind", roles=("Finance Minister",)),),
    ),
    Case(
        "apposition role carried to the surname",
        "Marta Kovac, a union organiser at the port, criticised the plan on Monday.\n"
        '"It will cost hundreds of jobs," Kovac said.',
        (Expected("hundreds", "Marta Kovac", roles=("a union organiser at the port",)),),
    ),
    Case(
        "pronoun resolved to the previous person",
        'Marta Kovac leads the dockworkers at the port.\n"We will not give up," she said.',
        (Expected("give up", "Marta Kovac", mention="she"),),
    ),
    Case(
        "colon introduction with a recipient",
        'Governor Ellen Pryce told reporters: "The budget is not negotiable."',
        (Expected("negotiable", "Ellen Pryce", DIRECT, cue="tell", roles=("Governor",)),),
    ),
    Case(
        "colon introduction across paragraphs",
        'The mayor spoke after the vote. Ana Kovac added:\n"We are ready to rebuild the bridge."',
        (Expected("rebuild", "Ana Kovac", rule="colon introduction", cue="add"),),
    ),
    Case(
        "split quote: one attribution, two pieces",
        '"We will rebuild," Marta Kovac said, "but not this year."',
        (Expected("We will rebuild", "Marta Kovac", pieces=2),),
        exactly=True,
    ),
    Case(
        "partial quote inside a reported clause",
        'Tomas Ruiz said the delay was "a betrayal of every family on the line."',
        (Expected('"a betrayal of every family on the line."', "Tomas Ruiz", PARTIAL, whole=True),),
    ),
    Case(
        "participle continues speaker",
        '"The port is safe," said Ana Kovac, the harbour master, adding that the cranes were '
        '"old but reliable."',
        (
            # The speaker of "adding" is the one of "said"; which cue and rule carry the partial
            # quote depends on how the models attach it.
            Expected("old but reliable", "Ana Kovac"),
        ),
    ),
    Case(
        "quote over two sentences takes the cue after it",
        '"The mill is closing. Two hundred jobs go with it," union leader Marta Kovac said.',
        (
            Expected(
                '"The mill is closing. Two hundred jobs go with it,"', "Marta Kovac", whole=True
            ),
        ),
        exactly=True,
    ),
    Case(
        "quote over two paragraphs",
        '"This is the first paragraph of a long statement.\n'
        '"And this second paragraph ends the quote," Mayor Ana Kovac said.',
        (Expected("first paragraph", "Ana Kovac", pieces=2),),
        exactly=True,
    ),
    Case(
        "previous speaker continues as another piece",
        '"Nobody asked us," Ruiz said. "Nobody has told us anything."',
        (Expected("Nobody asked us", "Ruiz", pieces=2),),
        exactly=True,
    ),
    Case(
        "previous speaker continues after reported speech",
        'Ana Kovac said the harbour would close in May.\n"Nobody has told us anything."',
        (
            Expected("harbour", "Ana Kovac", REPORTED, "reported clause"),
            Expected("anything", "Ana Kovac", DIRECT, "previous speaker continues"),
        ),
        exactly=True,
    ),
    Case(
        "according to X",
        "The talks collapsed on Friday, according to two senior officials.",
        (
            Expected(
                "talks collapsed",
                "two senior officials",
                REPORTED,
                "according to X",
                cue="according to",
                speaker_kind=SpeakerKind.GROUP,
            ),
        ),
    ),
    Case(
        "reported clause",
        "Ellen Pryce, the state's governor, said on Thursday that the harbour budget was safe.",
        (
            Expected(
                "the harbour budget was safe",
                "Ellen Pryce",
                REPORTED,
                "reported clause",
                roles=("the state's governor",),
                whole=True,
            ),
        ),
    ),
    Case(
        "medial attribution",
        "The new budget, the governor said, will pass next week.",
        (Expected("The new budget", "the governor", REPORTED, cue="say", mention="the governor"),),
    ),
    Case(
        "reported parataxis",
        "The budget will pass next week, the governor said.",
        (
            Expected(
                "The budget will pass next week",
                "the governor",
                REPORTED,
                "reported parataxis",
                whole=True,
            ),
        ),
    ),
    Case(
        "organisation speaker",
        '"The plan will fail," the White House said in a statement.',
        (Expected("plan", "White House", speaker_kind=SpeakerKind.ORGANIZATION),),
    ),
    Case(
        "dash signature",
        '"Every vote has to count." \u2014 Commissioner Alma Ferris',
        (Expected("vote", "Alma Ferris", rule="dash signature", roles=("Commissioner",)),),
    ),
    Case(
        "name before cue when the subject arc is lost",
        '"This is a raid on our harbour," Petra Novak, the port commissioner of the county, '
        "said on Tuesday.",
        (Expected("raid", "Petra Novak", roles=("the port commissioner of the county",)),),
    ),
    Case(
        "copular relative clause role",
        "Kovac, who is the head of the dockworkers' union, said the port would close.",
        (Expected("port would close", "Kovac", roles=("the head of the dockworkers' union",)),),
    ),
    Case(
        # "who heads X" describes what someone does, not a role the article gives them.
        "verbal relative clause is no role",
        "Kovac, who heads the dockworkers' union, said the port would close.",
        (Expected("port would close", "Kovac", roles=()),),
    ),
    Case(
        "reported infinitive",
        "The governor urged lawmakers to pass the budget before the recess.",
        (
            Expected(
                "lawmakers to pass the budget before the recess",
                "The governor",
                REPORTED,
                "reported infinitive",
                cue="urge",
                whole=True,
            ),
        ),
    ),
    Case(
        "reported object",
        "Senator Ana Kovac criticized the new trade deal with Canada.",
        (
            Expected(
                "the new trade deal with Canada",
                "Ana Kovac",
                REPORTED,
                "reported object",
                whole=True,
            ),
        ),
    ),
    Case(
        "reported oblique",
        "The mayor warned about the rising cost of the bridge repairs.",
        (Expected("about the rising cost", "The mayor", REPORTED, "reported oblique"),),
    ),
    Case(
        "clause of a verb outside the lexicon",
        "The senator insinuated that the bill was dead.",
        (Expected("bill was dead", "The senator", REPORTED, "reported clause of other verb"),),
    ),
    Case(
        "no attribution without a source",
        "The storm destroyed the old pier near the harbour.",
        (),
        exactly=True,
    ),
    Case(
        "an oblique of time is not content",
        '"We will appeal the ruling," Tomas Brandt told reporters on Friday.',
        (Expected("appeal", "Tomas Brandt", DIRECT),),
        exactly=True,
    ),
    Case(
        "relative clause is neither a role nor reported content",
        '"That is where the money goes," said Nina Brandt, who runs a shipping consultancy in '
        'the port town. "Nothing else comes close."',
        (
            Expected(
                "where the money goes",
                "Nina Brandt",
                roles=(),
                pieces=2,
            ),
        ),
        exactly=True,
    ),
    Case(
        "object of a speech verb is content",
        "The deckhand said the ferry sped up as it was leaving the harbour.",
        (
            Expected(
                "the ferry sped up as it was leaving the harbour",
                "The deckhand",
                REPORTED,
                whole=True,
            ),
        ),
    ),
    Case(
        "a document as source of an evidential cue",
        "A new poll shows broad support for the harbour plan.",
        (Expected("support", "A new poll", cue="show"),),
    ),
    Case(
        "name colon headline",
        "Ana Kovac: The Bridge Will Not Close This Year\nThe mayor spoke on Monday.",
        (Expected("Bridge Will Not Close", "Ana Kovac", REPORTED, "name colon", cue=":"),),
    ),
    Case(
        "in a poll",
        "In a new survey, most voters in the city rated the mayor highly.",
        (Expected("most voters", "a new survey", REPORTED, "in a poll", mention="a new survey"),),
    ),
    Case(
        "cue verb of position",
        "The governor expressed concern about the price of the harbour repairs.",
        (Expected("concern", "The governor", REPORTED, cue="express"),),
    ),
    Case(
        "fragments of one clause are one partial quote",
        'Senator Ana Kovac called the plan "reckless" and "cruel to every family on the line."',
        (Expected("reckless", "Ana Kovac", PARTIAL, pieces=2),),
        exactly=True,
    ),
    Case(
        "quoted subject of a reported clause is partial",
        'Tomas Ruiz said at a rally that "a fire" had broken out on the pier.',
        (Expected("a fire", "Tomas Ruiz", PARTIAL),),
    ),
    Case(
        "a cue with a speaker wins over a subjectless one",
        'Asked to describe the damage, Commissioner Ana Kovac said, "I will not guess."',
        (Expected("will not guess", "Ana Kovac", cue="say"),),
    ),
    Case(
        "title resolved to the person named earlier",
        'Finance Minister Petra Lind presented the budget on Monday. "It is balanced," the '
        "minister said.",
        (
            Expected(
                "balanced",
                "Petra Lind",
                mention="the minister",
                roles=("Finance Minister", "the minister"),
            ),
        ),
    ),
    Case(
        "in a statement, the organisation said",
        "In a statement, the ministry said the talks had failed.",
        (
            Expected(
                "the talks had failed",
                "the ministry",
                REPORTED,
                whole=True,
                speaker_kind=SpeakerKind.ORGANIZATION,
            ),
        ),
    ),
    Case(
        "told reporters after the quote",
        '"We were ready," Kovac told reporters after the vote.',
        (Expected("ready", "Kovac", cue="tell"),),
    ),
    Case("scare quote", 'The so-called "reform" of the tax code passed on Friday.', (), True),
    Case("nickname", 'Senator Ana "Iron" Kovac voted against the bill on Friday.', (), True),
    Case("emphasis", 'It was a "very" big deal for the town.', (), True),
]


def _check(result: AttributionResult, expected: Expected) -> None:
    quote = quote_containing(result, expected.fragment)
    speaker = speaker_of(result, quote)
    checks = {
        "speaker": (speaker.name, expected.speaker),
        "kind": (quote.kind, expected.kind),
        "rule": (quote.rule, expected.rule),
        "roles": (tuple(role.text for role in speaker.roles), expected.roles),
        "cue": (quote.cue.lemma if quote.cue else None, expected.cue),
        "mention": (quote.mention.text if quote.mention else None, expected.mention),
        "pieces": (len(quote.pieces), expected.pieces),
        "text": (quote.text, expected.fragment if expected.whole else None),
        "speaker kind": (speaker.kind, expected.speaker_kind),
    }
    wrong = {
        name: found
        for name, (found, wanted) in checks.items()
        if wanted is not None and found != wanted
    }
    assert not wrong, f"{expected.fragment!r}: {wrong}"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_attribution(attribute_text: Attributor, case: Case) -> None:
    result = attribute_text(case.text)
    for expected in case.quotes:
        _check(result, expected)
    if case.exactly:
        assert len(result.quotes) == len(case.quotes), [q.text for q in result.quotes]


def test_title_of_work_is_not_a_quote(attribute_text: Attributor) -> None:
    text = 'In an interview on "Face the Nation," Senator Ana Kovac said the bill was dead.'
    result = attribute_text(text)
    assert all("Face the Nation" not in q.text for q in result.quotes)
    assert speaker_of(result, quote_containing(result, "bill was dead")).name == "Ana Kovac"


def test_a_few_quoted_words_inside_the_writers_sentence_do_not_continue_a_speaker(
    attribute_text: Attributor,
) -> None:
    text = (
        '"We will rebuild the pier," Ana Kovac said. The paper hired its "harbour reporter" in May.'
    )
    result = attribute_text(text)
    assert all("harbour reporter" not in q.text for q in result.quotes if q.speaker_id)


def test_a_title_named_by_its_verb_is_not_a_quote(attribute_text: Attributor) -> None:
    # `called the skipper "Captain Cod"`: the verb governs the marks, but a title-case name is
    # no speech.
    text = (
        'The host called the skipper "Captain Cod" during the broadcast, '
        'and fans chanted "Bring Her Back!"'
    )
    result = attribute_text(text)
    assert all("Captain Cod" not in q.text for q in result.quotes)
    assert any("Bring Her Back!" in q.text for q in result.quotes)


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
    assert quote_containing(result, "Real quote").text == '"Real quote,"'


def test_participle_on_a_noun_takes_the_noun_as_source(attribute_text: Attributor) -> None:
    result = attribute_text("An outside group backing Senator Ana Kovac spent millions last month.")
    # Some models cut the name at "Ana" (Kovac as the subject of "spent"); the attribution holds.
    quote = quote_containing(result, "Senator Ana")
    assert quote.cue is not None
    assert quote.cue.lemma == "back"
    assert quote.mention is not None
    assert "group" in quote.mention.text
