"""Who "I" is outside quotations: the writer of the piece, or a transcript line's speaker."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.first_person import first_person_resolved
from quoteattr_server.engine.types import (
    AttributionResult,
    Quote,
    QuoteKind,
    SourceCategory,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
)

from .rulekit import LEXICON, parsed, quote_containing, quoted_by, speaker_of


def test_i_outside_quotations_is_the_author_with_no_role_from_a_noun_before_it() -> None:
    result = attribute(parsed("first_person_column"), LEXICON)
    author = speaker_of(result, quote_containing(result, "the tax code is unfair"))
    assert author is not None
    assert (author.name, author.kind) == ("the author", SpeakerKind.PERSON)
    # `the two books I wrote`: the guides are what the author wrote, no role of theirs.
    assert author.roles == ()
    assert author.category is SourceCategory.MEDIA
    assert author.anonymous is False
    quoted = speaker_of(result, quote_containing(result, "never resign"))
    assert quoted is not None
    assert quoted.name == "Ruiz"


def test_i_in_a_transcript_line_is_the_speaker_of_its_label() -> None:
    result = attribute(parsed("first_person_transcript"), LEXICON)
    speaker = speaker_of(result, quote_containing(result, "we will win"))
    assert speaker is not None
    assert speaker.name == "KOVAC"
    assert all(s.name not in ("I", "the author") for s in result.speakers)


def _said_by_i(mention_start: int) -> AttributionResult:
    i = Speaker(
        "s1", "I", SpeakerKind.UNKNOWN, (), (TextSpan("I", Span(mention_start, mention_start + 1)),)
    )
    quote = Quote(
        text="it works",
        span=Span(20, 28),
        kind=QuoteKind.REPORTED,
        speaker_id="s1",
        mention=TextSpan("I", Span(mention_start, mention_start + 1)),
        cue=None,
        confidence=0.5,
        rule="reported clause",
    )
    return AttributionResult((quote,), (i,))


def test_i_inside_a_quotation_keeps_its_name() -> None:
    text = '"I think it works," he said.'
    inside = _said_by_i(1)
    assert first_person_resolved(inside, text, [Span(0, len(text))], [Span(0, 19)]) == inside
    outside = first_person_resolved(_said_by_i(1), text, [Span(0, len(text))], [])
    assert outside.speakers[0].name == "the author"


def test_my_outside_quotations_is_the_author_and_never_whom_she_stands_for() -> None:
    # `I gave her my verdict: "..."`: the colon introduces the writer's words ("my" is the
    # writer's), not the aunt's of the sentence before; `She laughed and said` is the aunt's.
    assert quoted_by("writer_possessive") == [
        ("I trusted the old ferry", "My aunt"),
        ('"Never in winter."', "the author"),
        ('"Then you will walk."', "My aunt"),
    ]
    result = attribute(parsed("writer_possessive"), LEXICON)
    assert len({speaker.id for speaker in result.speakers}) == len(result.speakers) == 2
