"""The synchronous client: owns gRPC channels, returns frozen result types, raises typed errors.

It spreads calls round-robin over several targets (one channel each) and over every address a
`dns:///` name resolves to (gRPC's `round_robin` policy inside each channel); it retries what
the server could not take (UNAVAILABLE, RESOURCE_EXHAUSTED) after the delay the server asks
for, or with jittered exponential backoff, within the call's timeout and a client-wide retry
budget (`Retries`); and it speaks TLS or mutual TLS.
"""

from __future__ import annotations

import itertools
import os
import random
import threading
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_client._exceptions import QuoteAttrError, TLSFileError, error_from_rpc
from quoteattr_client._models import (
    AttributionResult,
    AttributionType,
    Cue,
    Gender,
    Mention,
    ModelInfo,
    Quote,
    QuoteKind,
    Role,
    SourceCategory,
    Span,
    Speaker,
    SpeakerKind,
)

DEFAULT_TARGET = "localhost:50051"
DEFAULT_TIMEOUT = 60.0
# Documents a stream sends ahead of the results read: the server's read-ahead (16), so its
# batches fill while a slow reader holds at most this many results.
STREAM_WINDOW = 16
SERVICE_NAME: str = pb.DESCRIPTOR.services_by_name["QuoteAttribution"].full_name
# Large enough for the server's default limits (400,000 characters of text) both ways.
_MAX_MESSAGE_BYTES = 8 * 1024 * 1024
# CANCELLED too: `attribute` never cancels its own calls, so the server (or a proxy) did; a
# server that stops cancels the calls it had received and not yet begun.
RETRYABLE_CODES = frozenset(
    {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.CANCELLED}
)

PemSource = bytes | str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class Retries:
    """How a call the server could not take (UNAVAILABLE, RESOURCE_EXHAUSTED, or CANCELLED by
    a server that was stopping) is retried; `quoteattr batch` and any other client of this
    package use the same policy.

    An overloaded quoteattr server says when to come back (a `google.rpc.RetryInfo` in the
    status details, from its queue and recent parse times): the client waits that long, plus up
    to 10 % so that callers told the same delay do not return together. Without it, the pause
    is an exponential backoff with jitter. A message over the size limit is RESOURCE_EXHAUSTED
    too but is never retried: it would fail the same way again. Retries stop when the call's
    timeout would pass during the next pause, so the timeout, not `attempts`, usually ends them.

    The defaults suit this service, whose calls hold a parser for seconds, not milliseconds.

    Args:
        attempts: tries per call, the first included; 1 means no retries (default 10).
        backoff: without a delay from the server, the longest pause before the first retry, in
            seconds; it doubles for each further retry, up to `max_backoff`, and each pause is
            drawn between half of it and all of it (default 0.5).
        max_backoff: the longest pause without a delay from the server (default 10).
        max_pushback: the longest delay from the server honoured; a longer one is cut to this
            (default 30).
        budget: retries without a delay from the server the client may make per call it makes,
            so that a struggling server is not sent several times its load (default 0.2: one
            per five calls) ...
        min_retries: ... beyond a reserve of this many, which the budget refills up to
            (default 10). Retries at the server's own delay draw nothing from the budget: the
            server asked for them, when it expects to have room.
    """

    attempts: int = 10
    backoff: float = 0.5
    max_backoff: float = 10.0
    max_pushback: float = 30.0
    budget: float = 0.2
    min_retries: int = 10

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError(f"attempts must be at least 1, got {self.attempts}")
        numbers = (self.backoff, self.max_backoff, self.max_pushback, self.budget)
        if min(numbers) < 0 or self.min_retries < 0:
            raise ValueError(
                "backoff, max_backoff, max_pushback, budget and min_retries must not be negative"
            )

    def pause(
        self, attempt: int, pushback: float | None = None, rng: random.Random | None = None
    ) -> float:
        """Seconds to wait before retry number `attempt` (1 for the first retry): the server's
        `pushback` (seconds, capped at `max_pushback`, plus up to 10 %) when it gave one, else
        the backoff for that retry."""
        draw = (rng or _RANDOM).uniform
        if pushback is not None:
            return min(self.max_pushback, pushback) * draw(1.0, 1.1)
        ceiling = min(self.max_backoff, self.backoff * 2 ** max(attempt - 1, 0))
        return draw(ceiling / 2, ceiling)


_RANDOM = random.Random()
DEFAULT_RETRIES = Retries()
NO_RETRIES = Retries(attempts=1)


def retryable(code: grpc.StatusCode, details: str) -> bool:
    """Might the same request succeed if sent again? Not a message over the size limit, which
    is RESOURCE_EXHAUSTED too."""
    return code in RETRYABLE_CODES and "larger than max" not in details


@dataclass(frozen=True, slots=True)
class TLS:
    """Transport security for the client's channels.

    Each certificate or key is PEM: bytes as they are, or a path (str or `Path`) to read.

    Args:
        ca: the CA certificates to check the server's certificate against; None uses the
            system's roots.
        cert: the client's certificate chain, for servers that require one (mutual TLS).
        key: the private key of `cert`.
        server_name: the name to check the server's certificate for, when it differs from the
            target's host (an IP address, a tunnel).
    """

    ca: PemSource | None = None
    cert: PemSource | None = None
    key: PemSource | None = None
    server_name: str | None = None

    def __post_init__(self) -> None:
        if (self.cert is None) != (self.key is None):
            raise ValueError("cert and key go together: give both or neither")

    def credentials(self) -> grpc.ChannelCredentials:
        return grpc.ssl_channel_credentials(
            root_certificates=_pem(self.ca),
            private_key=_pem(self.key),
            certificate_chain=_pem(self.cert),
        )


def _pem(source: PemSource | None) -> bytes | None:
    if source is None or isinstance(source, bytes):
        return source
    try:
        with open(source, "rb") as file:
            return file.read()
    except OSError as error:
        raise TLSFileError(os.fspath(source), error.strerror or str(error)) from error


def retry_pause(
    retries: Retries,
    budget: _RetryBudget,
    error: QuoteAttrError,
    attempt: int,
    deadline: float,
    rng: random.Random,
) -> float | None:
    """The pause before retrying after try number `attempt` failed, or None when the call must
    not be retried (the sync and the asyncio client decide alike). A retry at the server's own
    delay does not draw on the budget: the server asked for it."""
    if not retryable(error.code, error.details) or attempt >= retries.attempts:
        return None
    pause = retries.pause(attempt, error.retry_after, rng)
    if time.monotonic() + pause >= deadline:
        return None
    if error.retry_after is None and not budget.withdraw():
        return None
    return pause


class _RetryBudget:
    """Client-wide: each call deposits `budget` tokens (up to `min_retries`), a retry takes one."""

    def __init__(self, retries: Retries) -> None:
        self._retries = retries
        self._tokens = float(retries.min_retries)
        self._lock = threading.Lock()

    def deposit(self) -> None:
        with self._lock:
            self._tokens = min(
                float(self._retries.min_retries), self._tokens + self._retries.budget
            )

    def withdraw(self) -> bool:
        with self._lock:
            if self._tokens < 1.0:
                return False
            self._tokens -= 1.0
            return True


class QuoteAttributionClient:
    """A client of the quoteattr gRPC service; use it as a context manager, or call `close()`.

    Args:
        target: the server's address, `host:port` (default `localhost:50051`); any gRPC target
            (`dns:///quoteattr.news.svc:50051` balances over every address of the name,
            `ipv4:10.0.0.1:50051,10.0.0.2:50051` over those); or several targets, which calls
            take in turn (a retry goes to the next one).
        timeout: seconds each call may take, retries and their pauses included, before it fails
            with `TransportError` (DEADLINE_EXCEEDED); for `attribute_many`, the whole stream
            (default 60).
        retries: how `attribute` retries UNAVAILABLE and RESOURCE_EXHAUSTED (default
            `Retries()`: at the delay the server asks for, else with backoff, within the
            timeout); `NO_RETRIES` turns retrying off. Streams are never retried: their results
            may already be partly delivered (`quoteattr batch` re-sends what was not answered).
        tls: connect over TLS (and present a client certificate, for mutual TLS); default
            plaintext.
    """

    def __init__(
        self,
        target: str | Sequence[str] = DEFAULT_TARGET,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retries: Retries = DEFAULT_RETRIES,
        tls: TLS | None = None,
    ) -> None:
        targets = [target] if isinstance(target, str) else list(target)
        if not targets:
            raise ValueError("give at least one target")
        self.target = target
        self.timeout = timeout
        self.retries = retries
        self._budget = _RetryBudget(retries)
        self._rng = random.Random()
        self._channels = [_channel(name, tls) for name in targets]
        self._stubs = [quoteattr_pb2_grpc.QuoteAttributionStub(c) for c in self._channels]
        self._health = [health_pb2_grpc.HealthStub(c) for c in self._channels]
        self._turn = itertools.count()

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
        for channel in self._channels:
            channel.close()

    def attribute(
        self,
        text: str,
        *,
        document_id: str = "",
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
        attribution_types: Types = (),
    ) -> AttributionResult:
        """Attribute the quotes of one article.

        `attribution_types` keeps only quotes of those types ("speech", "belief",
        "intention", "stance"); empty keeps all. `min_confidence` drops weaker attributions.

        Raises:
            RequestRejected: the server refused the text or options (INVALID_ARGUMENT), or
                stayed too busy to take it through every retry (RESOURCE_EXHAUSTED).
            TransportError: the server was not reached, was loading, or took too long.
        """
        request = request_of(
            document_id,
            text,
            include_reported_speech=include_reported_speech,
            min_confidence=min_confidence,
            attribution_types=attribution_types,
        )
        deadline = time.monotonic() + self.timeout
        self._budget.deposit()
        for attempt in itertools.count(1):
            stub = self._stubs[next(self._turn) % len(self._stubs)]
            try:
                response = stub.Attribute(request, timeout=max(0.0, deadline - time.monotonic()))
            except grpc.RpcError as rpc_error:
                error = error_from_rpc(rpc_error, document_id=document_id)
                pause = self._retry_pause(error, attempt, deadline)
                if pause is None:
                    raise error from None
                time.sleep(pause)
            else:
                return result_from_proto(response)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _retry_pause(self, error: QuoteAttrError, attempt: int, deadline: float) -> float | None:
        return retry_pause(self.retries, self._budget, error, attempt, deadline, self._rng)

    def attribute_many(
        self,
        documents: Iterable[tuple[str, str]],
        *,
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
        attribution_types: Types = (),
    ) -> Iterator[AttributionResult]:
        """Attribute many `(document_id, text)` pairs over one stream, yielding results in order.

        The documents are read lazily as the stream sends them, at most `STREAM_WINDOW` ahead
        of the results read, so a slow reader holds few results in memory (here and on the
        server). The first bad document ends the stream: the results before it have been
        yielded, then its error is raised (its `position` and `document_id` name it).
        """
        window = threading.Semaphore(STREAM_WINDOW)
        ended = threading.Event()

        def requests() -> Iterator[pb.AttributeRequest]:
            for document_id, text in documents:
                while not window.acquire(timeout=0.1):
                    if ended.is_set():
                        return
                yield request_of(
                    document_id,
                    text,
                    include_reported_speech=include_reported_speech,
                    min_confidence=min_confidence,
                    attribution_types=attribution_types,
                )

        stub = self._stubs[next(self._turn) % len(self._stubs)]
        responses = stub.AttributeStream(requests(), timeout=self.timeout)
        try:
            for response in responses:
                window.release()
                yield result_from_proto(response)
        except grpc.RpcError as error:
            raise error_from_rpc(error) from None
        finally:
            ended.set()
            responses.cancel()

    def health(self, service: str = SERVICE_NAME) -> str:
        """The server's health for `service` ("" for the whole server): "SERVING",
        "NOT_SERVING" or "SERVICE_UNKNOWN". With several targets: "SERVING" if any serves,
        else the first target's answer.

        Raises:
            TransportError: no target was reached.
        """
        statuses: list[str] = []
        failure: grpc.RpcError | None = None
        for stub in self._health:
            try:
                response = stub.Check(
                    health_pb2.HealthCheckRequest(service=service), timeout=self.timeout
                )
            except grpc.RpcError as error:
                failure = failure or error
                continue
            name: str = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
            if name == "SERVING":
                return name
            statuses.append(name)
        if statuses:
            return statuses[0]
        assert failure is not None
        raise error_from_rpc(failure) from None


def _channel(target: str, tls: TLS | None) -> grpc.Channel:
    options: list[tuple[str, int | str]] = [
        ("grpc.max_receive_message_length", _MAX_MESSAGE_BYTES),
        ("grpc.max_send_message_length", _MAX_MESSAGE_BYTES),
        # Every address a name resolves to gets calls, not only the first that connects.
        ("grpc.lb_policy_name", "round_robin"),
    ]
    if tls is None:
        return grpc.insecure_channel(target, options=options)
    if tls.server_name is not None:
        options.append(("grpc.ssl_target_name_override", tls.server_name))
    return grpc.secure_channel(target, tls.credentials(), options=options)


Types = Collection[AttributionType | str]


def request_of(
    document_id: str,
    text: str,
    *,
    include_reported_speech: bool = True,
    min_confidence: float = 0.0,
    attribution_types: Types = (),
) -> pb.AttributeRequest:
    """The request for one article; `attribution_types` ("speech", "belief", "intention",
    "stance", or `AttributionType`s) selects what comes back, empty meaning all."""
    return pb.AttributeRequest(
        document_id=document_id,
        text=text,
        options=pb.AttributeOptions(
            include_reported_speech=include_reported_speech,
            min_confidence=min_confidence,
            attribution_types=[_WIRE_TYPES[AttributionType(kind)] for kind in attribution_types],
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
_ATTRIBUTION_TYPES = {
    pb.ATTRIBUTION_TYPE_SPEECH: AttributionType.SPEECH,
    pb.ATTRIBUTION_TYPE_BELIEF: AttributionType.BELIEF,
    pb.ATTRIBUTION_TYPE_INTENTION: AttributionType.INTENTION,
    pb.ATTRIBUTION_TYPE_STANCE: AttributionType.STANCE,
}
_WIRE_TYPES = {kind: value for value, kind in _ATTRIBUTION_TYPES.items()}
_GENDERS = {
    pb.GENDER_UNKNOWN: Gender.UNKNOWN,
    pb.GENDER_FEMALE: Gender.FEMALE,
    pb.GENDER_MALE: Gender.MALE,
    pb.GENDER_NONBINARY: Gender.NONBINARY,
}
_SOURCE_CATEGORIES = {
    pb.SOURCE_CATEGORY_OFFICIAL: SourceCategory.OFFICIAL,
    pb.SOURCE_CATEGORY_EXPERT: SourceCategory.EXPERT,
    pb.SOURCE_CATEGORY_BUSINESS: SourceCategory.BUSINESS,
    pb.SOURCE_CATEGORY_ADVOCATE: SourceCategory.ADVOCATE,
    pb.SOURCE_CATEGORY_CITIZEN: SourceCategory.CITIZEN,
    pb.SOURCE_CATEGORY_MEDIA: SourceCategory.MEDIA,
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
        # An older server sends no type: its quotes are read as speech.
        attribution_type=_ATTRIBUTION_TYPES.get(message.attribution_type, AttributionType.SPEECH),
        fingerprint=message.fingerprint,
        co_speaker_ids=tuple(message.co_speaker_ids),
    )


def _speaker(message: pb.Speaker) -> Speaker:
    return Speaker(
        id=message.id,
        name=message.name,
        kind=_SPEAKER_KINDS.get(message.kind, SpeakerKind.UNKNOWN),
        roles=tuple(Role(role.text, _span(role.span)) for role in message.roles),
        mentions=tuple(Mention(m.text, _span(m.span)) for m in message.mentions),
        gender=_GENDERS.get(message.gender, Gender.UNKNOWN),
        gender_evidence=tuple(Mention(e.text, _span(e.span)) for e in message.gender_evidence),
        anonymous=message.anonymous,
        category=_SOURCE_CATEGORIES.get(message.category, SourceCategory.UNKNOWN),
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
