"""Wire copy: datelines and credit lines are found on the text, and nothing else is."""

from __future__ import annotations

import dataclasses

import pytest

from quoteattr_server.engine import attribute
from quoteattr_server.engine.lexicon import load_lexicon
from quoteattr_server.engine.types import (
    AttributionResult,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)
from quoteattr_server.engine.wire import (
    anonymity_spans,
    blank_out,
    furniture_spans,
    without_anonymity_grants,
    without_implausible_speakers,
)

from .rulekit import parsed


def _furniture(paragraph: str) -> list[str]:
    return [
        paragraph[s.start : s.end] for s in furniture_spans(paragraph, [Span(0, len(paragraph))])
    ]


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        (
            "BRUSSELS (Reuters) - Ministers will meet on Friday, diplomats said.",
            "BRUSSELS (Reuters) -",
        ),
        ("LONDON, March 3 (AP) \u2014 Prices rose again.", "LONDON, March 3 (AP) \u2014"),
        ("WASHINGTON \u2014 The Senate voted late on Tuesday.", "WASHINGTON \u2014"),
        ("Washington (CNN) -- The president spoke on Monday.", "Washington (CNN) --"),
        (
            "NEW YORK, Jan. 5, 2026 (Bloomberg) \u2013 Shares fell.",
            "NEW YORK, Jan. 5, 2026 (Bloomberg) \u2013",
        ),
        ("KYIV, Ukraine \u2014 \u201cWe are ready,\u201d the mayor said.", "KYIV, Ukraine \u2014"),
        # The horizontal bar some sites print for a dash.
        ("RIVERTON \u2015 The ferry line said it would appeal.", "RIVERTON \u2015"),
        # A live blog's time stamps.
        ('2.15pm: Harbour leader Ana Lind has said the plan "fails the town".', "2.15pm:"),
        ("14:05 Tennis star Elena Vosk says she will not play.", "14:05"),
        ("10.42am BST - The ferry is running again.", "10.42am BST -"),
        # An agency in lower case, a date with the day first, a press-release service.
        ("MADRID, Oct 2 (dpa) - The ferry strike ended.", "MADRID, Oct 2 (dpa) -"),
        ("LONDON, 3 March (Reuters) - Prices rose.", "LONDON, 3 March (Reuters) -"),
        ("GENEVA, 12 June 2026 (IRIN) - Camps were full.", "GENEVA, 12 June 2026 (IRIN) -"),
        (
            "DURBAN, South Africa, Sept. 3, 2026 /PRNewswire/ -- Harbour Foods said it grew.",
            "DURBAN, South Africa, Sept. 3, 2026 /PRNewswire/ --",
        ),
        # An agency credit with no place before its dash.
        ("(CNN) \u2014 Firefighters battled a wildfire, officials said.", "(CNN) \u2014"),
        # An agency credit needs no dash after it.
        ("Kolkata, Feb 4 (PTI) West Bengal's ferries stopped.", "Kolkata, Feb 4 (PTI)"),
        # At the top of an article: a place in capitals and a colon, a place with its country.
        (
            "NEW DELHI: The ferry minister resigned on Monday after the second strike in a month.",
            "NEW DELHI:",
        ),
        (
            "Nairobi, Kenya \u2014 The port reopened on Friday after a strike that lasted a week.",
            "Nairobi, Kenya \u2014",
        ),
    ],
)
def test_dateline_at_paragraph_start(paragraph: str, dateline: str) -> None:
    assert _furniture(paragraph) == [dateline]


def test_top_of_article_datelines_only_open_the_article() -> None:
    # A colon after capitals and a title-case place with its country are datelines only in the
    # first paragraphs (a headline may come first), and never in a transcript's labels.
    lede = "The strike ended on Monday after the ferry company raised wages by a tenth."
    text = f"Ferry strike ends\n\nNEW DELHI: {lede}\n\nMumbai, India \u2014 {lede}"
    paragraphs = [Span(0, 17), Span(19, 19 + 11 + len(lede)), Span(21 + 11 + len(lede), len(text))]
    assert [text[s.start : s.end] for s in furniture_spans(text, paragraphs)] == ["NEW DELHI:"]
    transcript = "GREENBERG: I think so.\n\nHOST: Why?\n\nGREENBERG: Prices fell."
    paragraphs = [Span(0, 22), Span(24, 34), Span(36, len(transcript))]
    assert furniture_spans(transcript, paragraphs) == ()


def test_a_title_case_place_and_colon_is_a_dateline_only_for_a_known_place() -> None:
    # `Mumbai: ...`, as Indian copy writes its dateline, but not a headline's speaker before a
    # colon (`Kovac: ...`), nor a label before words in the first person.
    lede = "Maharashtra's ferry minister on Monday said the state would double the relief fund."
    for paragraph, found in (
        (f"Mumbai: {lede}", ["Mumbai:"]),
        (f"Dar es Salaam: {lede}", ["Dar es Salaam:"]),
        (f"Kovac: {lede}", []),
        ("Lahore: We will not allow anyone to take the law into their hands, he said.", []),
        ("KOVAC: I will not allow anyone to take the law into their own hands, ever.", []),
        # A known place needs no long lede; an unknown word in capitals does (a kicker).
        ("ISLAMABAD: The foreign office said the talks had been postponed.", ["ISLAMABAD:"]),
        ("EXCLUSIVE: The foreign office said the talks had been postponed.", []),
    ):
        assert [paragraph[s.start : s.end] for s in _top(paragraph)] == found, paragraph


def _top(paragraph: str) -> tuple[Span, ...]:
    return furniture_spans(paragraph, [Span(0, len(paragraph))])


def test_a_pictures_caption_or_credit_is_a_whole_paragraph() -> None:
    # A page pasted as text: the caption repeats the story's words, the credit names a
    # picture agency; neither reports anything.
    caption = "Image caption, The harbour minister said the ferry would run again in May"
    assert _furniture(caption) == [caption]
    assert _furniture("Image source, Harbour Pictures") == ["Image source, Harbour Pictures"]
    assert _furniture("Media caption: Watch the ferry arrive") == [
        "Media caption: Watch the ferry arrive"
    ]


def test_a_link_to_another_story_is_a_whole_paragraph() -> None:
    # Its headline reports nothing of this story (`Council approves ...` was a stance).
    for link in (
        "READ MORE: Council approves new cycle lanes",
        "Related: Judge blocks harbour toll, says it breaks state law",
        "See also - Ferry strike ends after ten days",
    ):
        assert _furniture(link) == [link]
    assert _furniture("Related groups said the toll was unfair.") == []


def test_a_time_stamp_alone_is_a_whole_paragraph() -> None:
    assert _furniture("10 a.m.") == ["10 a.m."]
    assert _furniture("5:45 p.m.") == ["5:45 p.m."]


@pytest.mark.parametrize(
    "paragraph",
    [
        "By Jane Doe, Associated Press",
        "By Jane Doe and John Roe",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Follow Jane Doe on Twitter @janedoe",
        '"Follow Jane Doe on Twitter @janedoe."',
    ],
)
def test_credit_line_is_a_whole_paragraph(paragraph: str) -> None:
    assert _furniture(paragraph) == [paragraph]


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO - the alliance - met on Friday.",
        "The mayor said - twice - that the bridge would close.",
        "By the end of the week, the mayor said, the bridge would close.",
        "US-China talks resumed on Friday.",
        "Kovac said the plan was reckless.",
        "FBI \u2014 and the police \u2014 said nothing.",
        "Follow the money, Kovac said on Twitter.",
        # Numbers that open a lede are no time stamps.
        "12 people were hurt, police said.",
        "2.50 a share was the offer, the board said.",
        "1999: The year the harbour froze.",
        # A party tag is no agency: the lede after a dateline opens with a capital.
        "Ruiz (D-Ohio) said the ferry would run.",
        # A headline's kicker or source before a colon.
        "EXCLUSIVE: Ferry boss quits over strike",
    ],
)
def test_ordinary_sentences_are_not_furniture(paragraph: str) -> None:
    assert _furniture(paragraph) == []


def test_blank_out_keeps_offsets() -> None:
    text = "PARIS (AFP) - Talks resumed."
    spans = furniture_spans(text, [Span(0, len(text))])
    blanked = blank_out(text, spans)
    assert len(blanked) == len(text)
    assert blanked.strip() == "Talks resumed."
    assert blanked.index("Talks") == text.index("Talks")


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "Officials, speaking on condition of anonymity, said the talks had stalled.",
            "speaking on condition of anonymity",
        ),
        (
            "A diplomat, who asked not to be named, said the vote would slip.",
            "who asked not to be named",
        ),
        (
            "Two aides said, on the condition that they not be identified, that it was over.",
            "on the condition that they not be identified",
        ),
        (
            "The person was not authorized to speak publicly about the ferry contract.",
            "not authorized to speak publicly",
        ),
        (
            "A source said, because she was not authorized to discuss the case, nothing more.",
            "because she was not authorized to discuss the case",
        ),
        ("An aide, speaking privately, said the bill was dead.", "speaking privately"),
        (
            "Maria, a student who asked that her last name not be used, said she fled.",
            "who asked that her last name not be used",
        ),
        (
            "Rosa, a nurse who asked that her surname not be used, said she was exhausted.",
            "who asked that her surname not be used",
        ),
        (
            "The aide, who requested anonymity to discuss the talks, said they had stalled.",
            "who requested anonymity to discuss the talks",
        ),
        (
            "Two officials, who were granted anonymity to speak freely, said it was over.",
            "who were granted anonymity to speak freely",
        ),
        (  # no comma after the grant: it ends before the cue, never taking the content
            "An aide who requested anonymity to discuss the talks said they had collapsed.",
            "who requested anonymity to discuss the talks",
        ),
        (
            "An aide, speaking because he was not allowed to brief reporters, said it was over.",
            "because he was not allowed to brief reporters",
        ),
        (
            "Sarah, who did not want her surname published, said she had waited two years.",
            "who did not want her surname published",
        ),
    ],
)
def test_anonymity_phrases(sentence: str, phrase: str) -> None:
    assert [sentence[s.start : s.end] for s in anonymity_spans(sentence)] == [phrase]


def test_named_sources_grant_no_anonymity() -> None:
    text = "Kovac, speaking at a rally, said the plan was reckless and asked to be heard."
    assert anonymity_spans(text) == ()
    # Anonymity as a subject of the story, no grant to a source.
    assert anonymity_spans("The group fights for online anonymity, Kovac said.") == ()


def test_anonymity_grant_is_never_a_quote() -> None:
    text = "Officials, speaking on condition of anonymity, said the talks had stalled."
    grant = text.index("on condition")
    content = text.index("the talks")
    grant_quote = Quote(
        "on condition of anonymity",
        Span(grant, grant + 25),
        QuoteKind.REPORTED,
        "s1",
        None,
        None,
        0.5,
        "reported oblique",
    )
    said = Quote(
        "the talks had stalled",
        Span(content, content + 21),
        QuoteKind.REPORTED,
        "s1",
        None,
        None,
        0.85,
        "reported clause",
    )
    speaker = Speaker("s1", "Officials", SpeakerKind.GROUP, (), ())
    kept = without_anonymity_grants(AttributionResult((grant_quote, said), (speaker,)), text)
    assert [q.text for q in kept.quotes] == ["the talks had stalled"]
    assert kept.speakers == (speaker,)


def test_implausible_speakers_leave_an_empty_speaker() -> None:
    lexicon = load_lexicon()
    anybody = Speaker("s1", "anybody", SpeakerKind.UNKNOWN, (), ())
    twitter = Speaker("s2", "Twitter", SpeakerKind.UNKNOWN, (), ())
    kovac = Speaker("s3", "Ana Kovac", SpeakerKind.PERSON, (), ())
    # A sentence adverb the tagger took for a name: `Besides attacking the plan, Ruiz said ...`.
    besides = Speaker("s4", "Besides", SpeakerKind.UNKNOWN, (), ())
    quotes = tuple(
        Quote(
            f"q{n}", Span(n, n + 1), QuoteKind.REPORTED, speaker, None, None, 0.8, "reported clause"
        )
        for n, speaker in enumerate(("s1", "s2", "s3", "s4"))
    )
    kept = without_implausible_speakers(
        AttributionResult(quotes, (anybody, twitter, kovac, besides)), lexicon.not_speakers
    )
    assert [q.speaker_id for q in kept.quotes] == [None, None, "s3", None]
    assert [q.mention for q in kept.quotes[:2]] == [None, None]
    assert kept.speakers == (kovac,)


def test_a_time_or_a_bare_relative_pronoun_is_no_speaker() -> None:
    # `But these days the figures ...`, `The Feb. 13 ruling left ...`, and a "who" no noun
    # was found for name no one; `The Times` is a newspaper.
    lexicon = load_lexicon()
    names = ("these days", "Last week", "Feb.", "who", "The Times", "Ana Kovac")
    speakers = tuple(
        Speaker(f"s{n}", name, SpeakerKind.UNKNOWN, (), ()) for n, name in enumerate(names)
    )
    quotes = tuple(
        Quote(f"q{n}", Span(n, n + 1), QuoteKind.REPORTED, s.id, None, None, 0.8, "reported clause")
        for n, s in enumerate(speakers)
    )
    kept = without_implausible_speakers(
        AttributionResult(quotes, speakers), lexicon.not_speakers, lexicon.time_words
    )
    assert [s.name for s in kept.speakers] == ["The Times", "Ana Kovac"]


def test_a_quote_said_with_an_implausible_speaker_goes_to_the_others() -> None:
    lexicon = load_lexicon()
    twitter = Speaker("s1", "Twitter", SpeakerKind.UNKNOWN, (), ())
    kovac = Speaker("s2", "Ana Kovac", SpeakerKind.PERSON, (), ())
    ruiz = Speaker("s3", "Tomas Ruiz", SpeakerKind.PERSON, (), ())
    joint = Quote("q", Span(0, 1), QuoteKind.REPORTED, "s1", None, None, 0.8, "reported clause")
    joint = dataclasses.replace(joint, co_speaker_ids=("s2", "s3"))
    kept = without_implausible_speakers(
        AttributionResult((joint,), (twitter, kovac, ruiz)), lexicon.not_speakers
    )
    (quote,) = kept.quotes
    assert (quote.speaker_id, quote.co_speaker_ids) == ("s2", ("s3",))
    assert kept.speakers == (kovac, ruiz)


def test_what_a_correction_says_an_earlier_version_said_is_no_quote() -> None:
    # `CORRECTION: A previous version of this article incorrectly said ...`: the article's own
    # error; `apologised to passengers`: the ones addressed, not what was said.
    result = attribute(parsed("correction_and_apology"), load_lexicon())
    assert [q.text for q in result.quotes] == ["for the delays"]
