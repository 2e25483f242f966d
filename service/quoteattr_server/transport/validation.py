"""transport.validation: request checks and limits, raised as `InvalidRequest` errors.

The checks run before any parsing so that a bad request costs nothing: the size limits bound
the parser's time and memory per call (Stanza's cost grows with the words of the article).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from google.protobuf import empty_pb2
from google.protobuf.internal.wire_format import WIRETYPE_LENGTH_DELIMITED
from google.protobuf.message import DecodeError
from google.protobuf.unknown_fields import UnknownFieldSet

from quoteattr.v1 import quoteattr_pb2
from quoteattr_server.engine.types import AttributionType
from quoteattr_server.transport.errors import InvalidRequest

_STRING_FIELDS = {
    item.number: item.name
    for item in quoteattr_pb2.AttributeRequest.DESCRIPTOR.fields
    if item.type == item.TYPE_STRING
}


@dataclass(frozen=True, slots=True)
class Limits:
    """The largest text a request may carry."""

    max_text_chars: int
    max_text_words: int


@dataclass(frozen=True, slots=True)
class AttributeOptions:
    """A request's options with their defaults filled in."""

    include_reported_speech: bool = True
    min_confidence: float = 0.0
    # The attribution types to return; empty means all.
    attribution_types: frozenset[AttributionType] = frozenset()


@dataclass(frozen=True, slots=True)
class CheckedRequest:
    """What validation learnt of a request: its options, defaults filled in, and its words."""

    options: AttributeOptions
    words: int


@dataclass(frozen=True, slots=True)
class UndecodableRequest:
    """Stands in for a request whose bytes did not decode, so the servicer can say why."""

    reason: str


def decode_request(data: bytes) -> quoteattr_pb2.AttributeRequest | UndecodableRequest:
    """The request deserializer: protobuf's own, but a decoding failure becomes a value.

    gRPC answers a deserializer's exception with a generic error instead of INVALID_ARGUMENT,
    and proto3 refuses string fields that are not valid UTF-8, so such text would otherwise get
    an unhelpful status. It never reaches the engine either way.
    """
    try:
        return quoteattr_pb2.AttributeRequest.FromString(data)
    except DecodeError:
        return UndecodableRequest(_why_undecodable(data))


def _why_undecodable(data: bytes) -> str:
    """Name the string field that is not UTF-8, by reading the fields without their types."""
    probe = empty_pb2.Empty()
    try:
        probe.ParseFromString(data)
    except DecodeError:
        return "request is not a valid AttributeRequest message"
    fields = UnknownFieldSet(probe)
    for item in (fields[index] for index in range(len(fields))):
        name = _STRING_FIELDS.get(item.field_number)
        if name is None or item.wire_type != WIRETYPE_LENGTH_DELIMITED:
            continue
        try:
            item.data.decode("utf-8")
        except UnicodeDecodeError:
            return f"{name} is not valid UTF-8"
    return "request is not a valid AttributeRequest message"


def validate_request(request: quoteattr_pb2.AttributeRequest, limits: Limits) -> CheckedRequest:
    """Check the text against `limits` and the options against their ranges.

    Raises:
        InvalidRequest: the text is empty, whitespace only or over a limit, or min_confidence
            lies outside [0, 1].
    """
    words = check_text(request.text, limits)
    return CheckedRequest(options=read_options(request.options), words=words)


def check_text(text: str, limits: Limits) -> int:
    """The text's whitespace-separated words, once it is known to be within `limits`."""
    if not text.strip():
        raise InvalidRequest("text is empty or only whitespace")
    if len(text) > limits.max_text_chars:
        raise InvalidRequest(
            f"text has {len(text):,} characters; the limit is {limits.max_text_chars:,}"
        )
    words = len(text.split())
    if words > limits.max_text_words:
        raise InvalidRequest(f"text has {words:,} words; the limit is {limits.max_text_words:,}")
    return words


def read_options(options: quoteattr_pb2.AttributeOptions) -> AttributeOptions:
    """The options with defaults for unset fields (`include_reported_speech` unset is true)."""
    min_confidence = options.min_confidence
    # `not (a <= x <= b)` also rejects NaN.
    if not 0.0 <= min_confidence <= 1.0:
        raise InvalidRequest(f"min_confidence must lie in [0, 1], got {min_confidence}")
    include_reported = (
        options.include_reported_speech if options.HasField("include_reported_speech") else True
    )
    return AttributeOptions(
        include_reported_speech=include_reported,
        min_confidence=min_confidence,
        attribution_types=read_attribution_types(options.attribution_types),
    )


# The wire's attribution types, as the engine names them; UNSPECIFIED selects nothing.
_ATTRIBUTION_TYPES = {
    quoteattr_pb2.ATTRIBUTION_TYPE_SPEECH: AttributionType.SPEECH,
    quoteattr_pb2.ATTRIBUTION_TYPE_BELIEF: AttributionType.BELIEF,
    quoteattr_pb2.ATTRIBUTION_TYPE_INTENTION: AttributionType.INTENTION,
    quoteattr_pb2.ATTRIBUTION_TYPE_STANCE: AttributionType.STANCE,
}


def read_attribution_types(
    values: Iterable[quoteattr_pb2.AttributionType],
) -> frozenset[AttributionType]:
    """The types asked for; a number this server does not know is an error, not "all"."""
    selected = set()
    for value in values:
        if value == quoteattr_pb2.ATTRIBUTION_TYPE_UNSPECIFIED:
            continue
        kind = _ATTRIBUTION_TYPES.get(value)
        if kind is None:
            raise InvalidRequest(f"attribution_types holds an unknown type {value}")
        selected.add(kind)
    return frozenset(selected)
