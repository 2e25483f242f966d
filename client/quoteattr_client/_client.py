"""The synchronous client: owns a gRPC channel, returns frozen result types, raises typed errors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_client._exceptions import error_from_rpc
from quoteattr_client._models import (
    AttributionResult,
    Cue,
    Mention,
    ModelInfo,
    Quote,
    QuoteKind,
    Role,
    Span,
    Speaker,
    SpeakerKind,
)

DEFAULT_TARGET = "localhost:50051"
DEFAULT_TIMEOUT = 60.0
SERVICE_NAME: str = pb.DESCRIPTOR.services_by_name["QuoteAttribution"].full_name
# Large enough for the server's default limits (400,000 characters of text) both ways.
_MAX_MESSAGE_BYTES = 8 * 1024 * 1024


class QuoteAttributionClient:
    """A client of the quoteattr gRPC service; use it as a context manager, or call `close()`.

    Args:
        target: the server's address, `host:port` (default `localhost:50051`).
        timeout: seconds each call may take before it fails with `TransportError`
            (DEADLINE_EXCEEDED); for `attribute_many`, the whole stream (default 60).
    """

    def __init__(self, target: str = DEFAULT_TARGET, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.target = target
        self.timeout = timeout
        self._channel = grpc.insecure_channel(
            target,
            options=[
                ("grpc.max_receive_message_length", _MAX_MESSAGE_BYTES),
                ("grpc.max_send_message_length", _MAX_MESSAGE_BYTES),
            ],
        )
        self._stub = quoteattr_pb2_grpc.QuoteAttributionStub(self._channel)
        self._health = health_pb2_grpc.HealthStub(self._channel)

    def __enter__(self) -> QuoteAttributionClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._channel.close()

    def attribute(
        self,
        text: str,
        *,
        document_id: str = "",
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
    ) -> AttributionResult:
        """Attribute the quotes of one article.

        Raises:
            RequestRejected: the server refused the text or options (INVALID_ARGUMENT).
            TransportError: the server was not reached, was loading, or took too long.
        """
        request = _request(document_id, text, include_reported_speech, min_confidence)
        try:
            response = self._stub.Attribute(request, timeout=self.timeout)
        except grpc.RpcError as error:
            raise error_from_rpc(error, document_id=document_id) from None
        return result_from_proto(response)

    def attribute_many(
        self,
        documents: Iterable[tuple[str, str]],
        *,
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
    ) -> Iterator[AttributionResult]:
        """Attribute many `(document_id, text)` pairs over one stream, yielding results in order.

        The documents are read lazily as the stream sends them. The first bad document ends the
        stream: the results before it have been yielded, then its error is raised.
        """
        requests = (
            _request(document_id, text, include_reported_speech, min_confidence)
            for document_id, text in documents
        )
        responses = self._stub.AttributeStream(requests, timeout=self.timeout)
        try:
            for response in responses:
                yield result_from_proto(response)
        except grpc.RpcError as error:
            raise error_from_rpc(error) from None
        finally:
            responses.cancel()

    def health(self, service: str = SERVICE_NAME) -> str:
        """The server's health for `service` ("" for the whole server): "SERVING",
        "NOT_SERVING" or "SERVICE_UNKNOWN".

        Raises:
            TransportError: the server was not reached.
        """
        try:
            response = self._health.Check(
                health_pb2.HealthCheckRequest(service=service), timeout=self.timeout
            )
        except grpc.RpcError as error:
            raise error_from_rpc(error) from None
        name: str = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
        return name


def _request(
    document_id: str, text: str, include_reported_speech: bool, min_confidence: float
) -> pb.AttributeRequest:
    return pb.AttributeRequest(
        document_id=document_id,
        text=text,
        options=pb.AttributeOptions(
            include_reported_speech=include_reported_speech, min_confidence=min_confidence
        ),
    )


def _span(message: pb.Span) -> Span:
    return Span(start=message.start, end=message.end)


_QUOTE_KINDS = {
    pb.QUOTE_KIND_DIRECT: QuoteKind.DIRECT,
    pb.QUOTE_KIND_PARTIAL: QuoteKind.PARTIAL,
    pb.QUOTE_KIND_REPORTED: QuoteKind.REPORTED,
}
_SPEAKER_KINDS = {
    pb.SPEAKER_KIND_UNKNOWN: SpeakerKind.UNKNOWN,
    pb.SPEAKER_KIND_PERSON: SpeakerKind.PERSON,
    pb.SPEAKER_KIND_ORGANIZATION: SpeakerKind.ORGANIZATION,
    pb.SPEAKER_KIND_GROUP: SpeakerKind.GROUP,
}


def _quote(message: pb.Quote) -> Quote:
    return Quote(
        text=message.text,
        span=_span(message.span),
        kind=_QUOTE_KINDS[message.kind],
        speaker_id=message.speaker_id or None,
        mention=(
            Mention(message.mention.text, _span(message.mention.span))
            if message.HasField("mention")
            else None
        ),
        cue=(
            Cue(message.cue.text, _span(message.cue.span), message.cue.lemma)
            if message.HasField("cue")
            else None
        ),
        confidence=message.confidence,
        rule=message.rule,
        pieces=tuple(_span(piece) for piece in message.pieces),
    )


def _speaker(message: pb.Speaker) -> Speaker:
    return Speaker(
        id=message.id,
        name=message.name,
        kind=_SPEAKER_KINDS.get(message.kind, SpeakerKind.UNKNOWN),
        roles=tuple(Role(role.text, _span(role.span)) for role in message.roles),
        mentions=tuple(Mention(m.text, _span(m.span)) for m in message.mentions),
    )


def result_from_proto(message: pb.AttributeResponse) -> AttributionResult:
    """The frozen result of one `AttributeResponse`."""
    return AttributionResult(
        document_id=message.document_id,
        quotes=tuple(_quote(quote) for quote in message.quotes),
        speakers=tuple(_speaker(speaker) for speaker in message.speakers),
        engine_version=message.engine_version,
        model=ModelInfo(
            stanza_version=message.model.stanza_version,
            package=message.model.package,
            directory=message.model.directory,
        ),
        processing_seconds=message.processing_seconds,
    )
