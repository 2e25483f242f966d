"""transport.converters: engine result dataclasses -> `quoteattr.v1` protobuf messages.

One function per message, so each mapping can be tested on its own without a server. Offsets
pass through unchanged: the engine and the proto both count code points into the request text.
"""

from __future__ import annotations

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_server.engine import types
from quoteattr_server.nlp.pipeline import ModelInfo

QUOTE_KINDS: dict[types.QuoteKind, pb.QuoteKind] = {
    types.QuoteKind.DIRECT: pb.QUOTE_KIND_DIRECT,
    types.QuoteKind.PARTIAL: pb.QUOTE_KIND_PARTIAL,
    types.QuoteKind.REPORTED: pb.QUOTE_KIND_REPORTED,
}

SPEAKER_KINDS: dict[types.SpeakerKind, pb.SpeakerKind] = {
    types.SpeakerKind.UNKNOWN: pb.SPEAKER_KIND_UNKNOWN,
    types.SpeakerKind.PERSON: pb.SPEAKER_KIND_PERSON,
    types.SpeakerKind.ORGANIZATION: pb.SPEAKER_KIND_ORGANIZATION,
    types.SpeakerKind.GROUP: pb.SPEAKER_KIND_GROUP,
}


ATTRIBUTION_TYPES: dict[types.AttributionType, pb.AttributionType] = {
    types.AttributionType.SPEECH: pb.ATTRIBUTION_TYPE_SPEECH,
    types.AttributionType.BELIEF: pb.ATTRIBUTION_TYPE_BELIEF,
    types.AttributionType.INTENTION: pb.ATTRIBUTION_TYPE_INTENTION,
    types.AttributionType.STANCE: pb.ATTRIBUTION_TYPE_STANCE,
}

GENDERS: dict[types.Gender, pb.Gender] = {
    types.Gender.UNKNOWN: pb.GENDER_UNKNOWN,
    types.Gender.FEMALE: pb.GENDER_FEMALE,
    types.Gender.MALE: pb.GENDER_MALE,
    types.Gender.NONBINARY: pb.GENDER_NONBINARY,
}

SOURCE_CATEGORIES: dict[types.SourceCategory, pb.SourceCategory] = {
    types.SourceCategory.UNKNOWN: pb.SOURCE_CATEGORY_UNKNOWN,
    types.SourceCategory.OFFICIAL: pb.SOURCE_CATEGORY_OFFICIAL,
    types.SourceCategory.EXPERT: pb.SOURCE_CATEGORY_EXPERT,
    types.SourceCategory.BUSINESS: pb.SOURCE_CATEGORY_BUSINESS,
    types.SourceCategory.ADVOCATE: pb.SOURCE_CATEGORY_ADVOCATE,
    types.SourceCategory.CITIZEN: pb.SOURCE_CATEGORY_CITIZEN,
    types.SourceCategory.MEDIA: pb.SOURCE_CATEGORY_MEDIA,
}


def span_to_proto(span: types.Span) -> pb.Span:
    return pb.Span(start=span.start, end=span.end)


def text_span_to_proto(piece: types.TextSpan) -> pb.TextSpan:
    return pb.TextSpan(text=piece.text, span=span_to_proto(piece.span))


def cue_to_proto(cue: types.Cue) -> pb.Cue:
    return pb.Cue(text=cue.text, span=span_to_proto(cue.span), lemma=cue.lemma)


def quote_to_proto(quote: types.Quote) -> pb.Quote:
    message = pb.Quote(
        text=quote.text,
        span=span_to_proto(quote.span),
        kind=QUOTE_KINDS[quote.kind],
        speaker_id=quote.speaker_id or "",
        confidence=quote.confidence,
        rule=quote.rule,
        pieces=[span_to_proto(piece) for piece in quote.pieces],
        attribution_type=ATTRIBUTION_TYPES[quote.attribution_type],
        fingerprint=quote.fingerprint,
        co_speaker_ids=list(quote.co_speaker_ids),
    )
    if quote.mention is not None:
        message.mention.CopyFrom(text_span_to_proto(quote.mention))
    if quote.cue is not None:
        message.cue.CopyFrom(cue_to_proto(quote.cue))
    return message


def speaker_to_proto(speaker: types.Speaker) -> pb.Speaker:
    return pb.Speaker(
        id=speaker.id,
        name=speaker.name,
        kind=SPEAKER_KINDS[speaker.kind],
        roles=[text_span_to_proto(role) for role in speaker.roles],
        mentions=[text_span_to_proto(mention) for mention in speaker.mentions],
        gender=GENDERS[speaker.gender],
        gender_evidence=[text_span_to_proto(evidence) for evidence in speaker.gender_evidence],
        anonymous=speaker.anonymous,
        category=SOURCE_CATEGORIES[speaker.category],
    )


def model_info_to_proto(info: ModelInfo) -> pb.ModelInfo:
    return pb.ModelInfo(
        stanza_version=info.stanza_version, package=info.package, directory=info.directory
    )


def result_to_proto(
    result: types.AttributionResult,
    *,
    document_id: str,
    engine_version: str,
    model: ModelInfo,
    processing_seconds: float,
) -> pb.AttributeResponse:
    """The whole response; quotes come out in text order, as the proto promises."""
    quotes = sorted(result.quotes, key=lambda quote: (quote.span.start, quote.span.end))
    return pb.AttributeResponse(
        document_id=document_id,
        quotes=[quote_to_proto(quote) for quote in quotes],
        speakers=[speaker_to_proto(speaker) for speaker in result.speakers],
        engine_version=engine_version,
        model=model_info_to_proto(model),
        processing_seconds=processing_seconds,
    )
