"""Engine dataclasses -> protobuf, one message at a time, built by hand."""

from __future__ import annotations

import dataclasses

import pytest

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_server.engine import types
from quoteattr_server.nlp.pipeline import ModelInfo
from quoteattr_server.transport.converters import (
    QUOTE_KINDS,
    SPEAKER_KINDS,
    quote_to_proto,
    result_to_proto,
    speaker_to_proto,
)

TEXT = '"The bridge will close in May," said Mayor Ana Kovac.'
KOVAC = types.Speaker(
    id="s1",
    name="Ana Kovac",
    kind=types.SpeakerKind.PERSON,
    roles=(types.TextSpan("Mayor", types.Span(37, 42)),),
    mentions=(types.TextSpan("Mayor Ana Kovac", types.Span(37, 52)),),
)
QUOTE = types.Quote(
    text='"The bridge will close in May,"',
    span=types.Span(0, 31),
    kind=types.QuoteKind.DIRECT,
    speaker_id="s1",
    mention=types.TextSpan("Mayor Ana Kovac", types.Span(37, 52)),
    cue=types.Cue("said", types.Span(32, 36), "say"),
    confidence=0.9,
    rule="trailing cue",
    pieces=(types.Span(1, 11), types.Span(12, 30)),
)
MODEL = ModelInfo(directory="/models", stanza_version="1.15.0", package="newsmix")


@pytest.mark.parametrize("kind", list(types.QuoteKind))
def test_every_quote_kind_has_a_proto_value(kind: types.QuoteKind) -> None:
    assert QUOTE_KINDS[kind] != pb.QUOTE_KIND_UNSPECIFIED
    assert pb.QuoteKind.Name(QUOTE_KINDS[kind]) == f"QUOTE_KIND_{kind.name}"


@pytest.mark.parametrize("kind", list(types.SpeakerKind))
def test_every_speaker_kind_has_a_proto_value(kind: types.SpeakerKind) -> None:
    assert pb.SpeakerKind.Name(SPEAKER_KINDS[kind]) == f"SPEAKER_KIND_{kind.name}"


def test_quote_fields_and_offsets_pass_through() -> None:
    message = quote_to_proto(QUOTE)

    assert message.text == QUOTE.text
    assert (message.span.start, message.span.end) == (0, 31)
    assert message.kind == pb.QUOTE_KIND_DIRECT
    assert message.speaker_id == "s1"
    assert message.mention == pb.TextSpan(text="Mayor Ana Kovac", span=pb.Span(start=37, end=52))
    assert message.cue == pb.Cue(text="said", span=pb.Span(start=32, end=36), lemma="say")
    assert message.confidence == pytest.approx(0.9)
    assert message.rule == "trailing cue"
    assert [(p.start, p.end) for p in message.pieces] == [(1, 11), (12, 30)]


def test_co_speakers_pass_through_in_order() -> None:
    joint = dataclasses.replace(QUOTE, co_speaker_ids=("s3", "s2"))
    assert list(quote_to_proto(joint).co_speaker_ids) == ["s3", "s2"]
    assert list(quote_to_proto(QUOTE).co_speaker_ids) == []


def test_quote_without_speaker_or_cue_leaves_them_unset() -> None:
    bare = types.Quote(
        text='"No comment."',
        span=types.Span(0, 13),
        kind=types.QuoteKind.DIRECT,
        speaker_id=None,
        mention=None,
        cue=None,
        confidence=0.3,
        rule="unattributed",
    )
    message = quote_to_proto(bare)

    assert message.speaker_id == ""
    assert not message.HasField("mention")
    assert not message.HasField("cue")
    assert list(message.pieces) == []


def test_speaker_carries_roles_and_mentions() -> None:
    message = speaker_to_proto(KOVAC)

    assert (message.id, message.name) == ("s1", "Ana Kovac")
    assert message.kind == pb.SPEAKER_KIND_PERSON
    assert [(r.text, r.span.start, r.span.end) for r in message.roles] == [("Mayor", 37, 42)]
    assert [m.text for m in message.mentions] == ["Mayor Ana Kovac"]


def test_response_sorts_quotes_by_position_and_fills_metadata() -> None:
    later = types.Quote(
        text="later",
        span=types.Span(40, 45),
        kind=types.QuoteKind.REPORTED,
        speaker_id="s1",
        mention=None,
        cue=None,
        confidence=0.5,
        rule="r",
    )
    result = types.AttributionResult(quotes=(later, QUOTE), speakers=(KOVAC,))

    response = result_to_proto(
        result, document_id="doc", engine_version="9.9", model=MODEL, processing_seconds=0.25
    )

    assert [q.span.start for q in response.quotes] == [0, 40]
    assert [s.id for s in response.speakers] == ["s1"]
    assert response.document_id == "doc"
    assert response.engine_version == "9.9"
    assert response.model == pb.ModelInfo(
        stanza_version="1.15.0", package="newsmix", directory="/models"
    )
    assert response.processing_seconds == 0.25
