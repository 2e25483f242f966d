"""Gender, anonymity and category of sources (engine/sources.py) on hand-parsed sentences.

Each document is written as CoNLL-U-like rows (`form upos head deprel`, heads 1-based, 0 for
the root), so these tests need no models; a few slow ones run the real parser end to end.
"""

from __future__ import annotations

from typing import Any

import pytest

from quoteattr_server.engine import attribute
from quoteattr_server.engine.sources import (
    _possessor,
    enrich_speakers,
    load_source_lexicon,
    phrase_category,
)
from quoteattr_server.engine.types import (
    AttributionResult,
    Gender,
    ParsedDoc,
    Sentence,
    SourceCategory,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
    Word,
)

from .rulekit import LEXICON
from .rulekit import parsed as fixture


def parsed(text: str, *sentences: str) -> ParsedDoc:
    """A one-paragraph document from rows `form upos head deprel`, one sentence per string."""
    position = 0
    built = []
    for rows in sentences:
        words = []
        for index, row in enumerate(line.split() for line in rows.strip().splitlines()):
            form, upos, head, deprel = row
            start = text.index(form, position)
            position = start + len(form)
            words.append(
                Word(index, form, form.lower(), upos, "", int(head) - 1, deprel, start, position)
            )
        built.append(Sentence(tuple(words), 0))
    return ParsedDoc(text, tuple(built), (Span(0, len(text)),))


def piece(text: str, fragment: str, occurrence: int = 0) -> TextSpan:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return TextSpan(fragment, Span(start, start + len(fragment)))


def speaker(
    name: str,
    mentions: list[TextSpan],
    roles: list[TextSpan] | None = None,
    kind: SpeakerKind = SpeakerKind.PERSON,
) -> Speaker:
    return Speaker("s1", name, kind, tuple(roles or ()), tuple(mentions))


def enriched(doc: ParsedDoc, *speakers: Speaker) -> list[Speaker]:
    result = AttributionResult(quotes=(), speakers=speakers)
    return list(enrich_speakers(doc, result).speakers)


SPOKESWOMAN = "Ann Lee, a spokeswoman for the union, said talks failed. She said they would strike."
SPOKESWOMAN_ROWS = (
    """
    Ann PROPN 9 nsubj
    Lee PROPN 1 flat
    , PUNCT 5 punct
    a DET 5 det
    spokeswoman NOUN 1 appos
    for ADP 8 case
    the DET 8 det
    union NOUN 5 nmod
    said VERB 0 root
    talks NOUN 11 nsubj
    failed VERB 9 ccomp
    . PUNCT 9 punct
    """,
    """
    She PRON 2 nsubj
    said VERB 0 root
    they PRON 5 nsubj
    would AUX 5 aux
    strike VERB 2 ccomp
    . PUNCT 2 punct
    """,
)


def test_pronoun_and_gendered_role_noun_are_evidence() -> None:
    text = SPOKESWOMAN
    doc = parsed(text, *SPOKESWOMAN_ROWS)
    source = speaker(
        "Ann Lee",
        [piece(text, "Ann Lee"), piece(text, "She")],
        [piece(text, "a spokeswoman for the union")],
    )
    (result,) = enriched(doc, source)
    assert result.gender is Gender.FEMALE
    assert [e.text for e in result.gender_evidence] == ["spokeswoman", "She"]
    assert all(text[e.span.start : e.span.end] == e.text for e in result.gender_evidence)
    assert result.anonymous is False
    assert result.category is SourceCategory.ADVOCATE  # "spokeswoman for the union"


def test_a_first_name_alone_is_never_evidence() -> None:
    text = SPOKESWOMAN
    doc = parsed(text, *SPOKESWOMAN_ROWS)
    (result,) = enriched(doc, speaker("Ann Lee", [piece(text, "Ann Lee")]))
    # Without the engine's link, the apposition after the name and the subject pronoun of the
    # next sentence (nobody else named between) still say so; take them away and nothing is left.
    assert result.gender is Gender.FEMALE
    assert [e.text for e in result.gender_evidence] == ["spokeswoman", "She"]
    bare = "Ann Lee said talks failed."
    doc = parsed(
        bare,
        """
        Ann PROPN 3 nsubj
        Lee PROPN 1 flat
        said VERB 0 root
        talks NOUN 5 nsubj
        failed VERB 3 ccomp
        . PUNCT 3 punct
        """,
    )
    (result,) = enriched(doc, speaker("Ann Lee", [piece(bare, "Ann Lee")]))
    assert (result.gender, result.gender_evidence) == (Gender.UNKNOWN, ())


def test_a_pronoun_after_someone_else_is_named_is_not_evidence() -> None:
    text = 'Ann Lee met Bo Park. He said "she is right" and Lee scolded him.'
    doc = parsed(
        text,
        """
        Ann PROPN 3 nsubj
        Lee PROPN 1 flat
        met VERB 0 root
        Bo PROPN 3 obj
        Park PROPN 4 flat
        . PUNCT 3 punct
        """,
        """
        He PRON 2 nsubj
        said VERB 0 root
        " PUNCT 6 punct
        she PRON 6 nsubj
        is AUX 6 cop
        right ADJ 2 ccomp
        " PUNCT 6 punct
        and CCONJ 11 cc
        Lee PROPN 11 nsubj
        scolded VERB 2 conj
        him PRON 11 obj
        . PUNCT 2 punct
        """,
    )
    # "He" follows "Bo Park"; "she" is inside a quotation; "him" is the object of Lee's verb.
    (result,) = enriched(doc, speaker("Ann Lee", [piece(text, "Ann Lee")]))
    assert (result.gender, result.gender_evidence) == (Gender.UNKNOWN, ())


def test_an_engine_link_across_another_subject_is_not_trusted() -> None:
    text = "Ann Lee spoke first. Bo Park said it failed, and he left."
    doc = parsed(
        text,
        """
        Ann PROPN 3 nsubj
        Lee PROPN 1 flat
        spoke VERB 0 root
        first ADV 3 advmod
        . PUNCT 3 punct
        """,
        """
        Bo PROPN 3 nsubj
        Park PROPN 1 flat
        said VERB 0 root
        it PRON 5 nsubj
        failed VERB 3 ccomp
        , PUNCT 9 punct
        and CCONJ 9 cc
        he PRON 9 nsubj
        left VERB 3 conj
        . PUNCT 3 punct
        """,
    )
    linked = speaker("Ann Lee", [piece(text, "Ann Lee"), piece(text, "he")])  # a wrong link
    (result,) = enriched(doc, linked)
    assert result.gender is Gender.UNKNOWN


HONORIFIC = "Mr. Ruiz arrived late. Tomas Ruiz, the mayor, said the bridge would close."
HONORIFIC_ROWS = (
    """
    Mr. PROPN 2 compound
    Ruiz PROPN 3 nsubj
    arrived VERB 0 root
    late ADV 3 advmod
    . PUNCT 3 punct
    """,
    """
    Tomas PROPN 7 nsubj
    Ruiz PROPN 1 flat
    , PUNCT 5 punct
    the DET 5 det
    mayor NOUN 1 appos
    , PUNCT 5 punct
    said VERB 0 root
    the DET 9 det
    bridge NOUN 11 nsubj
    would AUX 11 aux
    close VERB 7 ccomp
    . PUNCT 7 punct
    """,
)


def test_honorific_before_any_writing_of_the_name() -> None:
    text = HONORIFIC
    doc = parsed(text, *HONORIFIC_ROWS)
    (result,) = enriched(doc, speaker("Tomas Ruiz", [piece(text, "Tomas Ruiz")]))
    assert result.gender is Gender.MALE
    assert [e.text for e in result.gender_evidence] == ["Mr."]
    assert result.gender_evidence[0].span == Span(0, 3)
    assert result.category is SourceCategory.OFFICIAL  # "the mayor", an apposition


def test_conflicting_evidence_gives_unknown() -> None:
    text = HONORIFIC
    doc = parsed(text, *HONORIFIC_ROWS)
    source = speaker("Tomas Ruiz", [piece(text, "Tomas Ruiz")], [piece(text, "the mayor")])
    contradicted = Speaker(
        "s1",
        source.name,
        source.kind,
        (TextSpan("mother", Span(0, 0)),),  # an invented contradiction
        source.mentions,
    )
    (result,) = enriched(doc, contradicted)
    assert (result.gender, result.gender_evidence) == (Gender.UNKNOWN, ())


def test_someone_else_with_the_surname_blocks_the_honorific_scan() -> None:
    text = "Mr. Lee thanked Bill Lee. Ann Lee said it was over."
    doc = parsed(
        text,
        """
        Mr. PROPN 2 compound
        Lee PROPN 3 nsubj
        thanked VERB 0 root
        Bill PROPN 3 obj
        Lee PROPN 4 flat
        . PUNCT 3 punct
        """,
        """
        Ann PROPN 3 nsubj
        Lee PROPN 1 flat
        said VERB 0 root
        it PRON 6 nsubj
        was AUX 6 cop
        over ADV 3 ccomp
        . PUNCT 3 punct
        """,
    )
    (result,) = enriched(doc, speaker("Ann Lee", [piece(text, "Ann Lee")]))
    assert result.gender is Gender.UNKNOWN


def test_chairman_is_not_evidence() -> None:
    text = "Chairman Alex Kim said the vote stands."
    doc = parsed(
        text,
        """
        Chairman PROPN 2 compound
        Alex PROPN 4 nsubj
        Kim PROPN 2 flat
        said VERB 0 root
        the DET 6 det
        vote NOUN 7 nsubj
        stands VERB 4 ccomp
        . PUNCT 4 punct
        """,
    )
    (result,) = enriched(
        doc, speaker("Alex Kim", [piece(text, "Chairman Alex Kim")], [piece(text, "Chairman")])
    )
    assert result.gender is Gender.UNKNOWN
    assert result.category is SourceCategory.OFFICIAL


def test_nonbinary_only_from_an_explicit_statement() -> None:
    text = "Sam Reyes, who is nonbinary, said they would run."
    doc = parsed(
        text,
        """
        Sam PROPN 8 nsubj
        Reyes PROPN 1 flat
        , PUNCT 6 punct
        who PRON 6 nsubj
        is AUX 6 cop
        nonbinary ADJ 1 acl:relcl
        , PUNCT 6 punct
        said VERB 0 root
        they PRON 11 nsubj
        would AUX 11 aux
        run VERB 8 ccomp
        . PUNCT 8 punct
        """,
    )
    (result,) = enriched(doc, speaker("Sam Reyes", [piece(text, "Sam Reyes"), piece(text, "they")]))
    assert result.gender is Gender.NONBINARY
    assert [e.text for e in result.gender_evidence] == ["nonbinary"]


def test_organizations_and_groups_have_no_gender() -> None:
    text = "Northwind Corp. said she was right, and critics said he was not."
    doc = parsed(text)
    company = speaker(
        "Northwind Corp.", [piece(text, "Northwind Corp.")], kind=SpeakerKind.ORGANIZATION
    )
    critics = Speaker("s2", "critics", SpeakerKind.GROUP, (), (piece(text, "critics"),))
    first, second = enriched(doc, company, critics)
    assert (first.gender, first.anonymous, first.category) == (
        Gender.UNKNOWN,
        False,
        SourceCategory.BUSINESS,
    )
    assert (second.gender, second.anonymous) == (Gender.UNKNOWN, True)


def test_category_from_campaign_party_tag_and_predicate() -> None:
    text = "The Lee campaign said Ann Lee (D-Ohio) would speak. Bo Park is the city's mayor."
    doc = parsed(
        text,
        """
        The DET 3 det
        Lee PROPN 3 compound
        campaign NOUN 4 nsubj
        said VERB 0 root
        Ann PROPN 12 nsubj
        Lee PROPN 5 flat
        ( PUNCT 8 punct
        D-Ohio PROPN 5 appos
        ) PUNCT 8 punct
        would AUX 12 aux
        speak VERB 4 ccomp
        . PUNCT 4 punct
        """,
        """
        Bo PROPN 6 nsubj
        Park PROPN 1 flat
        is AUX 6 cop
        the DET 6 det
        city's NOUN 6 nmod:poss
        mayor NOUN 0 root
        . PUNCT 6 punct
        """,
    )
    lee = speaker("Ann Lee", [piece(text, "Ann Lee")])
    park = Speaker("s2", "Bo Park", SpeakerKind.PERSON, (), (piece(text, "Bo Park"),))
    first, second = enriched(doc, lee, park)
    assert first.category is SourceCategory.OFFICIAL  # "the Lee campaign", "(D-Ohio)"
    assert second.category is SourceCategory.OFFICIAL  # "is the city's mayor"


def test_surface_apposition_and_a_description_as_subject() -> None:
    text = "Ann Lee, a professor of law, spoke. The senator said it failed."
    doc = parsed(
        text,
        """
        Ann PROPN 9 nsubj
        Lee PROPN 1 flat
        , PUNCT 5 punct
        a DET 5 det
        professor NOUN 9 obl
        of ADP 7 case
        law NOUN 5 nmod
        , PUNCT 5 punct
        spoke VERB 0 root
        . PUNCT 9 punct
        """,
        """
        The DET 2 det
        senator NOUN 3 nsubj
        said VERB 0 root
        it PRON 5 nsubj
        failed VERB 3 ccomp
        . PUNCT 3 punct
        """,
    )
    # The parse missed the apposition (an oblique here): it is read on the words.
    lee = speaker("Ann Lee", [piece(text, "Ann Lee")])
    (result,) = enriched(doc, lee)
    assert result.category is SourceCategory.EXPERT  # the apposition; a tie goes to it, first
    alone = parsed(
        "Bo Park spoke. The senator said it failed.",
        """
        Bo PROPN 3 nsubj
        Park PROPN 1 flat
        spoke VERB 0 root
        . PUNCT 3 punct
        """,
        """
        The DET 2 det
        senator NOUN 3 nsubj
        said VERB 0 root
        it PRON 5 nsubj
        failed VERB 3 ccomp
        . PUNCT 3 punct
        """,
    )
    park = speaker("Bo Park", [TextSpan("Bo Park", Span(0, 7))])
    (result,) = enriched(alone, park)
    assert result.category is SourceCategory.OFFICIAL  # "The senator" just after Park


def test_a_named_person_with_no_role_is_a_citizen() -> None:
    text = "Ann Lee said talks failed."
    doc = parsed(
        text,
        """
        Ann PROPN 3 nsubj
        Lee PROPN 1 flat
        said VERB 0 root
        talks NOUN 5 nsubj
        failed VERB 3 ccomp
        . PUNCT 3 punct
        """,
    )
    (result,) = enriched(doc, speaker("Ann Lee", [piece(text, "Ann Lee")]))
    assert result.category is SourceCategory.CITIZEN
    (unnamed,) = enriched(doc, speaker("a witness", [piece(text, "Ann Lee")]))
    assert unnamed.category is SourceCategory.CITIZEN  # the description says so
    (vague,) = enriched(doc, speaker("someone", [piece(text, "Ann Lee")]))
    assert vague.category is SourceCategory.UNKNOWN


def test_a_speaker_of_unknown_kind_takes_only_stated_evidence() -> None:
    text = SPOKESWOMAN
    doc = parsed(text, *SPOKESWOMAN_ROWS)
    source = speaker("Ann Lee", [piece(text, "Ann Lee")], kind=SpeakerKind.UNKNOWN)
    (result,) = enriched(doc, source)
    # "spokeswoman" is stated; the pronoun read off the parse is not used for it.
    assert [e.text for e in result.gender_evidence] == ["spokeswoman"]


@pytest.mark.parametrize(
    ("name", "kind", "anonymous"),
    [
        ("a senior official", SpeakerKind.PERSON, True),
        ("two diplomats", SpeakerKind.PERSON, True),
        ("people familiar with the plans", SpeakerKind.UNKNOWN, True),
        ("sources", SpeakerKind.GROUP, True),
        ("Republicans", SpeakerKind.GROUP, True),
        ("Ann Lee", SpeakerKind.PERSON, False),
        ("Lee", SpeakerKind.PERSON, False),
        ("the Harbour Trust", SpeakerKind.ORGANIZATION, False),
        ("the agency", SpeakerKind.ORGANIZATION, False),
        ("a shipping company", SpeakerKind.ORGANIZATION, True),
        ("Democrats", SpeakerKind.UNKNOWN, True),
        # An outlet whose name ends in "s" is named, no plural label.
        ("Reuters", SpeakerKind.UNKNOWN, False),
        # A party and a post in capitals describe one unnamed member.
        ("a Tory MP", SpeakerKind.PERSON, True),
        ("Twelve percent", SpeakerKind.UNKNOWN, True),
        # A named organisation does not name its official.
        ("a Harbour Trust official", SpeakerKind.PERSON, True),
        ("the Harbour Trust director", SpeakerKind.PERSON, True),
        ("Harbour Trust director Ann Lee", SpeakerKind.PERSON, False),
        # A place owning the post names no one.
        ("Norway's harbour minister", SpeakerKind.PERSON, True),
        ("Ruiz's", SpeakerKind.PERSON, False),
    ],
)
def test_anonymous_when_the_article_gives_no_name(
    name: str, kind: SpeakerKind, anonymous: bool
) -> None:
    doc = parsed(name)
    (result,) = enriched(doc, speaker(name, [TextSpan(name, Span(0, len(name)))], kind=kind))
    assert result.anonymous is anonymous


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("Health Minister", SourceCategory.OFFICIAL),
        ("longtime Democratic pollster", SourceCategory.EXPERT),
        ("a professor of economics at the Harbour Institute", SourceCategory.EXPERT),
        ("the company's chief executive", SourceCategory.BUSINESS),
        ("president of the carmaker's union", SourceCategory.ADVOCATE),
        ("a spokesman for the campaign", SourceCategory.OFFICIAL),
        ("company spokesman", SourceCategory.BUSINESS),
        ("a shopkeeper on Main Street", SourceCategory.BUSINESS),
        # A firm's name ending in a word of finance names a business.
        ("head of commodity strategy at Harbour Capital Markets", SourceCategory.BUSINESS),
        ("a resident of the town", SourceCategory.CITIZEN),
        ("a reporter for the Daily Ledger", SourceCategory.MEDIA),
        ("the 40-year-old nurse", SourceCategory.CITIZEN),
        ("a columnist for the Valley Times", SourceCategory.MEDIA),
        ("an unusually tall figure", None),
        ("regulators and environmental groups", SourceCategory.OFFICIAL),  # the first conjunct
        ("painter and late-night radio host", SourceCategory.MEDIA),  # the first that says
        ("a marine biologist at Kyoto University", SourceCategory.EXPERT),  # not "marine"
        ("Chief operating officer", SourceCategory.BUSINESS),
        # A generic head takes a generic modifier's category before its own.
        ("Chief executive officer", SourceCategory.BUSINESS),
        ("Chief financial officer", SourceCategory.BUSINESS),
        ("a police officer", SourceCategory.OFFICIAL),
        ("a judge on the trade tribunal", SourceCategory.OFFICIAL),
        ("Leeds striker", SourceCategory.CITIZEN),
        ("the MP for Bristol West", SourceCategory.OFFICIAL),
        ("the EU's foreign policy chief", SourceCategory.OFFICIAL),
        # British police ranks, written without stops.
        ("Det Sgt", SourceCategory.OFFICIAL),
        ("Ch Insp", SourceCategory.OFFICIAL),
        ("DCI", SourceCategory.OFFICIAL),
        # A place's noun is its public body as the head, not where someone is or lives.
        ("The city of Port Ellis", SourceCategory.OFFICIAL),
        ("City Attorney", SourceCategory.OFFICIAL),
        ("the city manager", SourceCategory.OFFICIAL),
        ("a resident of the city", SourceCategory.CITIZEN),
        ("a city resident", SourceCategory.CITIZEN),
        ("a campaign volunteer in Harbour County", SourceCategory.CITIZEN),
        ("a shopkeeper in the town", SourceCategory.BUSINESS),
        ("Harbour City boss", None),  # a club's name ending in "City", no city's body
        ("A jury in Port Ellis", SourceCategory.OFFICIAL),
        ("the provincial health director", SourceCategory.OFFICIAL),
        ("Labour", SourceCategory.OFFICIAL),
        ("the ruler of the emirate", SourceCategory.OFFICIAL),
        ("State media", SourceCategory.MEDIA),
        # Seats and capitals that speak for a government, and the street of a trade.
        ("Downing Street", SourceCategory.OFFICIAL),
        ("Pyongyang", SourceCategory.OFFICIAL),
        ("Wall Street", SourceCategory.BUSINESS),
        ("Harbourmaster", SourceCategory.OFFICIAL),
        ("South Africa's electricity utility", SourceCategory.BUSINESS),
        ("Her former deputy", SourceCategory.OFFICIAL),
        # Local elected posts and public services.
        ("Assemblywoman", SourceCategory.OFFICIAL),
        ("a Brookfield alderman", SourceCategory.OFFICIAL),
        ("District Attorney", SourceCategory.OFFICIAL),
        ("Assistant District Attorney", SourceCategory.OFFICIAL),
        ("a resident of the district", SourceCategory.CITIZEN),
        ("a firefighter", SourceCategory.OFFICIAL),
        ("Comptroller", SourceCategory.OFFICIAL),
        ("Del.", SourceCategory.OFFICIAL),
        ("Vice-Chancellor", SourceCategory.EXPERT),
        # A doctor's or professor's title, with or without its stop (British copy).
        ("Dr. Lynch", SourceCategory.EXPERT),
        ("Dr Lynch", SourceCategory.EXPERT),
        ("Prof Fischer", SourceCategory.EXPERT),
        # Companies by their trade.
        ("the airline", SourceCategory.BUSINESS),
        ("the German carmaker", SourceCategory.BUSINESS),
        ("a spokesman for the rail operator", SourceCategory.BUSINESS),
        ("The Foreign Office", SourceCategory.OFFICIAL),
        # Armed forces: `air` is no airline here.
        ("Ukraine's air force", SourceCategory.OFFICIAL),
        ("Israeli forces", SourceCategory.OFFICIAL),
        ("Cllr", SourceCategory.OFFICIAL),  # a British councillor's title
        ("The Taoiseach", SourceCategory.OFFICIAL),
        # Officers of the courts.
        ("The coroner", SourceCategory.OFFICIAL),
        ("a district magistrate", SourceCategory.OFFICIAL),
    ],
)
def test_category_of_a_role_phrase(phrase: str, category: SourceCategory | None) -> None:
    assert phrase_category(phrase, load_source_lexicon()) is category


# --- end to end, real parses ------------------------------------------------------------------


@pytest.mark.slow
def test_enrichment_on_real_parses(parser: Any) -> None:
    from quoteattr_server.engine import attribute, load_lexicon

    text = (
        '"We will not give up," said Maria Olsen, a spokeswoman for the nurses\' union.\n'
        "Ms. Olsen said the strike would go on.\n"
        '"The numbers do not add up," said Peter Hale, an economist at the Harbour Institute. '
        '"It is a bad deal," he added.\n'
        "Two senior officials, speaking on condition of anonymity, said talks had stalled."
    )
    result = enrich_speakers(parser.parse(text), attribute(parser.parse(text), load_lexicon()))
    by_name = {s.name: s for s in result.speakers}
    olsen, hale = by_name["Maria Olsen"], by_name["Peter Hale"]
    assert olsen.gender is Gender.FEMALE
    assert {e.text for e in olsen.gender_evidence} >= {"spokeswoman", "Ms."}
    assert olsen.category is SourceCategory.ADVOCATE
    assert hale.gender is Gender.MALE
    assert hale.category is SourceCategory.EXPERT
    assert not olsen.anonymous
    assert not hale.anonymous
    unnamed = [s for s in result.speakers if s.anonymous]
    assert unnamed
    assert all(s.gender is Gender.UNKNOWN for s in unnamed)


def test_a_pronoun_someone_else_was_just_called_by_is_no_evidence() -> None:
    # `"...," she told reporters. ... The opposition leader, Paul Hines, said she had lost the
    # confidence of parliament`: a woman known only as "she" is about, whom the second "she"
    # means; Hines's gender is not stated.
    result = attribute(fixture("pronoun_of_someone_else"), LEXICON)
    genders = {s.name: s.gender for s in result.speakers}
    assert genders["Paul Hines"] is Gender.UNKNOWN


def test_she_after_a_described_subject_is_that_person() -> None:
    # `The minister, who has been under pressure for weeks, refused to resign. "...," she told
    # reporters.`: no one is named before "she"; the minister, the sentence's subject, is meant.
    result = attribute(fixture("pronoun_of_someone_else"), LEXICON)
    minister = next(s for s in result.speakers if s.name == "The minister")
    assert [r.text for r in minister.roles] == ["The minister"]
    assert minister.gender is Gender.FEMALE


def test_a_possessive_on_the_names_apposition_is_someone_else_of_its_gender() -> None:
    # `Her coach, Tomas Berg, said she would ...`: "she" is whoever "her" is, not the coach.
    result = attribute(fixture("gender_possessive_apposed"), LEXICON)
    (coach,) = result.speakers
    assert coach.name == "Tomas Berg"
    assert coach.gender is Gender.UNKNOWN


def test_a_gendered_noun_after_whose_is_not_the_speakers_gender() -> None:
    # `Ms Okafor, whose son was killed in the crash, said ...`: the son is his, "Ms" is hers.
    result = attribute(fixture("gender_whose_son"), LEXICON)
    (mother,) = result.speakers
    assert mother.gender is Gender.FEMALE
    assert [word.text for word in mother.gender_evidence] == ["Ms"]


def test_a_gendered_noun_after_and_in_a_mention_is_the_other_persons() -> None:
    # `"...," said Lena Ortiz and her husband, Mark, ...`: the husband is the one beside her.
    result = attribute(fixture("person_and_spouse_at_cue"), LEXICON)
    (speaker,) = result.speakers
    assert speaker.name == "Lena Ortiz"
    assert speaker.gender is Gender.UNKNOWN


def test_a_pronoun_object_of_the_speakers_participle_is_someone_else() -> None:
    # `Judge Helen Marsh told the defendant before sentencing him`: "him" is the defendant.
    result = attribute(fixture("gender_object_of_participle"), LEXICON)
    (judge,) = result.speakers
    assert judge.name == "Helen Marsh"
    assert judge.gender is Gender.UNKNOWN


def test_a_pronoun_after_a_person_the_speaker_acts_on_is_no_evidence() -> None:
    # `sentenced Dawson to 12 years, saying his crimes ...`, `praised the striker, saying his
    # goal ...`: "his" may be the object's; a day misread as the object (`said Friday that
    # she`) is nobody, so "she" is the mayor's.
    result = attribute(fixture("gender_person_as_object"), LEXICON)
    genders = {s.name: s.gender for s in result.speakers}
    assert genders == {
        "Maria Chen": Gender.UNKNOWN,
        "Ana Ruiz": Gender.UNKNOWN,
        "Lena Holt": Gender.FEMALE,
    }


def test_a_description_inside_the_speakers_quotation_says_nothing_of_the_speaker() -> None:
    # `"... ," said Maria Santos, who runs a bakery ... "The council kept promising. ...`: the
    # council is what she talks of, no description of her (she was an official by it).
    result = attribute(fixture("category_description_in_quote"), LEXICON)
    assert [(s.name, s.category) for s in result.speakers] == [
        ("Maria Santos", SourceCategory.CITIZEN)
    ]


def test_a_body_named_after_the_name_says_the_category_unless_it_names_no_office() -> None:
    # `said Kenji Mori of the Harbour Research Institute`: an institute's expert; `Lena Holt of
    # The Nation` (a magazine whose name is a word of government) is left as a citizen.
    result = attribute(fixture("affiliation_after_name"), LEXICON)
    assert [(s.name, s.category) for s in result.speakers] == [
        ("Kenji Mori", SourceCategory.EXPERT),
        ("Lena Holt", SourceCategory.CITIZEN),
    ]


def test_a_given_name_written_like_a_country_is_no_government() -> None:
    # `Jordan Lee, a nurse`, `Israel Ortiz, a farmer`: members of the public, though "Jordan"
    # and "Israel" also name states.
    result = attribute(fixture("given_name_written_like_a_country"), LEXICON)
    categories = {s.name: s.category for s in result.speakers}
    assert categories == {
        "Jordan Lee": SourceCategory.CITIZEN,
        "Israel Ortiz": SourceCategory.CITIZEN,
    }


def test_a_description_in_the_names_own_sentence_is_someone_else() -> None:
    # `Greta Holm thinks the council is wrong`: the council is what she speaks of, so it gives
    # her no category; she has no role, a member of the public.
    result = attribute(fixture("description_in_the_names_sentence"), LEXICON)
    assert {s.name: s.category for s in result.speakers} == {"Greta Holm": SourceCategory.CITIZEN}


def test_a_gendered_possessor_in_a_description_is_someone_else() -> None:
    # `the boy's mother`: "boy" owns the mother, so it says nothing of her gender.
    result = attribute(fixture("gendered_possessor_in_description"), LEXICON)
    (speaker,) = result.speakers
    assert speaker.gender is Gender.FEMALE
    assert [e.text for e in speaker.gender_evidence] == ["mother"]


def test_an_honorific_of_a_possessor_is_no_evidence_of_the_speakers_gender() -> None:
    # `Mrs Lind's solicitor, Tomas Berg, told the tribunal ...`: "Mrs" is Lind's, who owns the
    # solicitor; nothing says whether Berg is a man or a woman.
    result = attribute(fixture("honorific_of_possessor"), LEXICON)
    (speaker,) = result.speakers
    assert speaker.name == "Tomas Berg"
    assert speaker.gender is Gender.UNKNOWN


def test_a_description_named_in_apposition_is_no_one_named_before() -> None:
    # `... said Ana Kovac, 71. The regional transport minister, Peter Wong, said ...`: the
    # minister is Wong, so the description gives Kovac, a passenger, no category.
    result = attribute(fixture("description_named_in_apposition"), LEXICON)
    assert {s.name: s.category for s in result.speakers} == {
        "Ana Kovac": SourceCategory.CITIZEN,
        "Peter Wong": SourceCategory.OFFICIAL,
    }


@pytest.mark.parametrize(
    ("text", "word", "owns"),
    [
        ("the boy's mother", "boy", True),
        ("the boys' mother", "boys", True),
        ("the boy\u2019s mother", "boy", True),
        ("the \u2018mother\u2019 said", "mother", False),  # single quotation marks
    ],
)
def test_a_possessor_is_read_on_the_surface(text: str, word: str, owns: bool) -> None:
    start = text.index(word)
    assert _possessor(text, TextSpan(word, Span(start, start + len(word)))) is owns


def test_an_honorific_the_parser_made_the_head_of_the_name_is_evidence() -> None:
    # `The head teacher, Mrs Lorna Grant, said`, with "Mrs" (no stop) the head of the apposed
    # name: it is written right before her name, and says she is a woman.
    result = attribute(fixture("honorific_heading_apposed_name"), LEXICON)
    (grant,) = result.speakers
    assert (grant.name, grant.gender, [e.text for e in grant.gender_evidence]) == (
        "Lorna Grant",
        Gender.FEMALE,
        ["Mrs"],
    )


def test_a_party_tag_set_off_by_commas_makes_an_official() -> None:
    # `Ana Kovac, D-N.Y., said`, as AP sets the tag off: an elected politician, like
    # `Ana Kovac (D-N.Y.)`; the tag is no role.
    result = attribute(fixture("party_tag_between_commas"), LEXICON)
    (kovac,) = result.speakers
    assert (kovac.name, kovac.category, kovac.roles) == ("Ana Kovac", SourceCategory.OFFICIAL, ())


def test_a_street_that_stands_for_a_government_is_a_body() -> None:
    # `Downing Street said ...`: the prime minister's office, no person.
    result = attribute(fixture("seat_of_government_speaks"), LEXICON)
    assert [(s.name, s.kind.value, s.category) for s in result.speakers] == [
        ("Downing Street", "organization", SourceCategory.OFFICIAL)
    ]


def test_letters_after_a_name_name_no_one_between_it_and_a_pronoun() -> None:
    # `Tom Hale KC said his client would appeal`: "KC" is no other person named between the
    # name and "his", which says Hale is a man.
    result = attribute(fixture("pronoun_after_name_with_post_nominal"), LEXICON)
    (hale,) = result.speakers
    assert (hale.name, hale.gender, [e.text for e in hale.gender_evidence]) == (
        "Tom Hale",
        Gender.MALE,
        ["his"],
    )
