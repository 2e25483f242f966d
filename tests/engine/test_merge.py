"""One speaker per person once names and roles are final (engine.merge)."""

from __future__ import annotations

import dataclasses

from quoteattr_server.engine import attribute, load_lexicon
from quoteattr_server.engine.merge import merged_speakers
from quoteattr_server.engine.types import (
    AttributionResult,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
)

from .rulekit import parsed, roles_by_name


def _span(text: str, start: int) -> TextSpan:
    return TextSpan(text, Span(start, start + len(text)))


def _quote(speaker_id: str, start: int) -> Quote:
    return Quote("x", Span(start, start + 1), QuoteKind.DIRECT, speaker_id, None, None, 0.9, "r")


def test_speakers_named_alike_become_one() -> None:
    # "Halvorsen" and "Ingrid Halvorsen" resolved apart, then both got the fullest name.
    first = Speaker("s1", "Ingrid Halvorsen", SpeakerKind.PERSON, (), (_span("Halvorsen", 10),))
    second = Speaker("s2", "Ingrid Halvorsen", SpeakerKind.UNKNOWN, (_span("aide", 90),), ())
    result = merged_speakers(
        AttributionResult((_quote("s1", 0), _quote("s2", 80)), (first, second))
    )
    (speaker,) = result.speakers
    assert speaker.id == "s1"
    assert speaker.kind is SpeakerKind.PERSON
    assert [r.text for r in speaker.roles] == ["aide"]
    assert [q.speaker_id for q in result.quotes] == ["s1", "s1"]


def test_a_speaker_mentioned_only_inside_another_speakers_role_is_that_speaker() -> None:
    # "Ana Kovac, a senior adviser to the harbour board, said": the parser made "adviser" speak.
    role = _span("a senior adviser to the harbour board", 11)
    kovac = Speaker("s1", "Ana Kovac", SpeakerKind.PERSON, (role,), (_span("Ana Kovac", 0),))
    adviser = Speaker(
        "s2", "a senior adviser", SpeakerKind.PERSON, (), (_span("a senior adviser", 11),)
    )
    result = merged_speakers(AttributionResult((_quote("s2", 60),), (kovac, adviser)))
    assert [s.name for s in result.speakers] == ["Ana Kovac"]
    assert result.quotes[0].speaker_id == "s1"


def test_the_merged_speaker_keeps_the_fullest_name_of_either() -> None:
    # `The head of the agency, Tedros Adhanom Ghebreyesus, warned ... Tedros said`: the short
    # name holds the role the full one is mentioned in, and is merged into; the name stays full.
    role = _span("The head of the agency", 0)
    short = Speaker("s1", "Tedros", SpeakerKind.PERSON, (role,), (_span("Tedros", 80),))
    full = Speaker(
        "s2", "Tedros Adhanom Ghebreyesus", SpeakerKind.PERSON, (), (_span("The head", 0),)
    )
    result = merged_speakers(AttributionResult((_quote("s2", 50), _quote("s1", 90)), (short, full)))
    assert [s.name for s in result.speakers] == ["Tedros Adhanom Ghebreyesus"]
    # A description is no fuller name than the name it merges into.
    adviser = Speaker("s3", "a senior adviser Ana", SpeakerKind.PERSON, (), (_span("a", 0),))
    kovac = Speaker("s4", "Ana", SpeakerKind.PERSON, (_span("a senior adviser Ana", 0),), ())
    kept = merged_speakers(AttributionResult((_quote("s3", 50),), (kovac, adviser)))
    assert [s.name for s in kept.speakers] == ["Ana"]


def test_different_kinds_of_one_name_stay_apart() -> None:
    person = Speaker("s1", "Ford", SpeakerKind.PERSON, (), (_span("Ford", 0),))
    company = Speaker("s2", "Ford", SpeakerKind.ORGANIZATION, (), (_span("Ford", 40),))
    result = merged_speakers(AttributionResult((), (person, company)))
    assert len(result.speakers) == 2


def test_one_surname_called_by_honorifics_of_two_genders_stays_two_people() -> None:
    # `"...," said Mrs. Okafor. Mr. Okafor said ... "...," he said.`: one surname, no first
    # names, two people; each keeps the gender its honorific states, and "he" is Mr. Okafor.
    wife = Speaker("s1", "Okafor", SpeakerKind.PERSON, (), (_span("Mrs. Okafor", 0),))
    husband = Speaker("s2", "Okafor", SpeakerKind.PERSON, (), (_span("Mr. Okafor", 40),))
    result = merged_speakers(
        AttributionResult((_quote("s1", 0), _quote("s2", 40)), (wife, husband))
    )
    assert len(result.speakers) == 2
    found = attribute(parsed("one_surname_two_honorifics"), load_lexicon())
    by_id = {s.id: (s.name, s.gender.value) for s in found.speakers}
    assert [by_id[q.speaker_id or ""] for q in found.quotes] == [
        ("Okafor", "female"),
        ("Okafor", "male"),
        ("Okafor", "male"),
    ]


def test_co_speakers_follow_their_merge_and_never_repeat_the_speaker() -> None:
    # "Ruiz and Kovac said" (s2: Kovac), then Kovac's own quote (s3): merged into s2.
    ruiz = Speaker("s1", "Tomas J. Ruiz", SpeakerKind.PERSON, (), (_span("Ruiz", 0),))
    kovac = Speaker("s2", "Ana M. Kovac", SpeakerKind.PERSON, (), (_span("Kovac", 9),))
    again = Speaker("s3", "Ana M. Kovac", SpeakerKind.PERSON, (), (_span("Kovac", 50),))
    joint = dataclasses.replace(_quote("s1", 20), co_speaker_ids=("s3",))
    own = dataclasses.replace(_quote("s3", 60), co_speaker_ids=("s2",))
    result = merged_speakers(AttributionResult((joint, own), (ruiz, kovac, again)))
    assert [s.id for s in result.speakers] == ["s1", "s2"]
    assert result.quotes[0].co_speaker_ids == ("s2",)
    assert result.quotes[1].speaker_id == "s2"
    assert result.quotes[1].co_speaker_ids == ()


ARTICLE = (
    "A former party chairman says the vote should be delayed.\n\n"
    "Petar Horvat says the rules allow it."
)
PARAGRAPHS = (Span(0, 56), Span(58, len(ARTICLE)))


def _described(text: str, role: str = "") -> Speaker:
    start = ARTICLE.index(text)
    roles = (_span(role or text, start),)
    return Speaker("s1", text, SpeakerKind.PERSON, roles, (_span(text, start),))


def _named(mention: str, name: str = "Petar Horvat") -> Speaker:
    start = ARTICLE.index(mention) if mention in ARTICLE else 58
    return Speaker("s2", name, SpeakerKind.PERSON, (), (_span(mention, start),))


def test_a_described_source_named_in_the_next_paragraph_is_that_person() -> None:
    """Wire copy's delayed identification: the lede describes, the next paragraph names."""
    described = _described("A former party chairman")
    result = merged_speakers(
        AttributionResult(
            (_quote("s1", 30), _quote("s2", 80)), (described, _named("Petar Horvat"))
        ),
        ARTICLE,
        PARAGRAPHS,
    )
    (speaker,) = result.speakers
    assert speaker.name == "Petar Horvat"
    assert [r.text for r in speaker.roles] == ["A former party chairman"]
    assert [q.speaker_id for q in result.quotes] == ["s2", "s2"]


def test_a_described_source_named_with_the_same_post_is_that_person() -> None:
    """`A former party chairman says ... / Party chairman Petar Horvat says ...`: the title the
    name is introduced with is the post the description gave."""
    described = _described("A former party chairman")
    titled = _named("Party chairman Petar Horvat")
    quotes = (_quote("s1", 30), _quote("s2", 80))
    result = merged_speakers(AttributionResult(quotes, (described, titled)), ARTICLE, PARAGRAPHS)
    assert [s.name for s in result.speakers] == ["Petar Horvat"]


def test_a_delayed_identification_with_the_same_post_in_a_parse() -> None:
    """`The county harbour commissioner is confirming ... / But Harbour Commissioner Ana Kovac
    said`."""
    result = attribute(parsed("delayed_same_post"), load_lexicon())
    assert roles_by_name(result) == {
        "Ana Kovac": ["The county harbour commissioner", "Harbour Commissioner"]
    }


def test_a_spokesperson_named_with_a_post_at_the_body_they_spoke_for_is_that_person() -> None:
    """`A spokeswoman for the Harbour Board says ... / Harbour Board communications director
    Ana Lind told reporters ...`: AP's delayed identification, with another post at the body."""
    result = attribute(parsed("delayed_identification_affiliation"), load_lexicon())
    assert roles_by_name(result) == {
        "Ana Lind": ["A spokeswoman for the Harbour Board", "Harbour Board communications director"]
    }


def test_no_delayed_identification_for_someone_introduced_with_a_role_or_named_before() -> None:
    described = _described("A former party chairman")
    # "Party lawyer Petar Horvat says": a person introduced with a role of their own.
    titled = _named("Party lawyer Petar Horvat")
    quotes = (_quote("s1", 30), _quote("s2", 80))
    result = merged_speakers(AttributionResult(quotes, (described, titled)), ARTICLE, PARAGRAPHS)
    assert len(result.speakers) == 2
    # Named in the headline before the description: not identified later.
    text = "Horvat Wants Delay\n\n" + ARTICLE
    shifted = (Span(0, 18), *(Span(p.start + 20, p.end + 20) for p in PARAGRAPHS))
    moved = Speaker(
        "s1",
        "A former party chairman",
        SpeakerKind.PERSON,
        (_span("A former party chairman", 20),),
        (_span("A former party chairman", 20),),
    )
    horvat = Speaker("s2", "Petar Horvat", SpeakerKind.PERSON, (), (_span("Petar Horvat", 78),))
    result = merged_speakers(AttributionResult(quotes, (moved, horvat)), text, shifted)
    assert len(result.speakers) == 2
    # A word that only begins with the name is no writing of it ("Horvatville").
    text = "Horvatville Vote\n\n" + ARTICLE
    shifted = (Span(0, 16), *(Span(p.start + 18, p.end + 18) for p in PARAGRAPHS))
    moved = dataclasses.replace(
        moved,
        roles=(_span("A former party chairman", 18),),
        mentions=(_span("A former party chairman", 18),),
    )
    horvat = dataclasses.replace(horvat, mentions=(_span("Petar Horvat", 76),))
    result = merged_speakers(AttributionResult(quotes, (moved, horvat)), text, shifted)
    assert [s.name for s in result.speakers] == ["Petar Horvat"]


def test_a_description_is_not_someone_named_after_it_with_another_post_in_apposition() -> None:
    """`The minister defended the plan ... said Mara Lindqvist, director of the Harbour Tenants
    Network`: the name's apposition gives another post, so she is not the minister."""
    result = attribute(parsed("delayed_description_other_apposition"), load_lexicon())
    assert roles_by_name(result) == {
        "The minister": ["The minister"],
        "Mara Lindqvist": ["director of the Harbour Tenants Network"],
    }


def test_an_apposition_with_the_described_post_still_identifies() -> None:
    """`A former party chairman says ... / Petar Horvat, 61, a former chairman of the party,
    says`: the apposition names the post (past an age); `a party lawyer` names another."""
    described = _described("A former party chairman")
    text = ARTICLE.replace("Petar Horvat says", "Petar Horvat, 61, {} says")
    quotes = (_quote("s1", 30), _quote("s2", 80))
    merged = []
    for apposition in ("a former chairman of the party", "a party lawyer"):
        written = text.format(apposition)
        role = _span(apposition, written.index(apposition))
        named = dataclasses.replace(_named("Petar Horvat"), roles=(role,))
        paragraphs = (PARAGRAPHS[0], Span(58, len(written)))
        result = merged_speakers(AttributionResult(quotes, (described, named)), written, paragraphs)
        merged.append(len(result.speakers) == 1)
    assert merged == [True, False]


def test_a_body_named_inside_an_organisations_role_is_not_that_organisation() -> None:
    # `Kestrel Robotics, one of the start-ups backed by the fund, said`: the fund backs the
    # start-ups; it is no mention of Kestrel.
    result = attribute(parsed("organization_role_naming_another_body"), load_lexicon())
    speakers = {s.id: s.name for s in result.speakers}
    backed = next(q for q in result.quotes if q.text == "the start-ups")
    assert speakers[backed.speaker_id or ""] == "the fund"


def test_a_description_at_one_body_is_no_one_named_with_a_post_at_another() -> None:
    """`A spokeswoman for the Harbour Board says ... / Port Authority spokeswoman Petar
    Horvat says ...`: the same post at another body is someone else; at the body the
    description names (`Harbour Board spokeswoman`), the same person."""
    text = ARTICLE.replace("A former party chairman", "A spokeswoman for the Harbour Board")
    paragraphs = (Span(0, text.index("\n")), Span(text.index("\n") + 2, len(text)))
    described = Speaker(
        "s1",
        "A spokeswoman for the Harbour Board",
        SpeakerKind.PERSON,
        (_span("A spokeswoman for the Harbour Board", 0),),
        (_span("A spokeswoman for the Harbour Board", 0),),
    )
    merged = []
    for title in ("Port Authority spokeswoman", "Harbour Board spokeswoman"):
        mention = f"{title} Petar Horvat"
        written = text.replace("Petar Horvat", mention)
        named = Speaker(
            "s2",
            "Petar Horvat",
            SpeakerKind.PERSON,
            (),
            (_span(mention, written.index(mention)),),
        )
        quotes = (_quote("s1", 5), _quote("s2", written.index(mention) + 5))
        result = merged_speakers(AttributionResult(quotes, (described, named)), written, paragraphs)
        merged.append(len(result.speakers) == 1)
    assert merged == [False, True]


def test_an_abbreviated_title_names_the_post_the_description_gave() -> None:
    """`The state governor says ... / Gov. Petar Horvat says ...`: "Gov." is the governor."""
    text = ARTICLE.replace("A former party chairman", "The state governor")
    paragraphs = (Span(0, text.index("\n")), Span(text.index("\n") + 2, len(text)))
    described = Speaker(
        "s1",
        "The state governor",
        SpeakerKind.PERSON,
        (_span("The state governor", 0),),
        (_span("The state governor", 0),),
    )
    written = text.replace("Petar Horvat", "Gov. Petar Horvat")
    start = written.index("Gov. Petar Horvat")
    named = Speaker(
        "s2", "Petar Horvat", SpeakerKind.PERSON, (), (_span("Gov. Petar Horvat", start),)
    )
    quotes = (_quote("s1", 5), _quote("s2", start + 5))
    result = merged_speakers(AttributionResult(quotes, (described, named)), written, paragraphs)
    assert [s.name for s in result.speakers] == ["Petar Horvat"]


def test_a_description_opening_the_lede_after_a_dateline_is_identified_later() -> None:
    """`OSLO (Reuters) - Norway's foreign minister said ... / "...," Foreign Minister Ingrid
    Dahl told reporters`: the dateline opens the paragraph, the description the lede; its
    possessor may have several words (`New Zealand's`)."""
    article = (
        "OSLO (Reuters) - New Zealand's foreign minister said the talks would resume.\n\n"
        '"We remain hopeful," Foreign Minister Ingrid Dahl told reporters.'
    )
    paragraphs = (Span(0, article.index("\n")), Span(article.index('"'), len(article)))
    opening = "New Zealand's foreign minister"
    start = article.index(opening)
    described = Speaker(
        "s1", opening, SpeakerKind.PERSON, (_span(opening, start),), (_span(opening, start),)
    )
    mention = "Foreign Minister Ingrid Dahl"
    titled = Speaker(
        "s2", "Ingrid Dahl", SpeakerKind.PERSON, (), (_span(mention, article.index(mention)),)
    )
    quotes = (_quote("s1", start), _quote("s2", paragraphs[1].start))
    result = merged_speakers(AttributionResult(quotes, (described, titled)), article, paragraphs)
    assert [s.name for s in result.speakers] == ["Ingrid Dahl"]
    assert [q.speaker_id for q in result.quotes] == ["s2", "s2"]
