"""The asyncio client: `QuoteAttributionClient`'s options and results over `grpc.aio`.

It takes the same `Retries` and `TLS` objects as the blocking client, sends the same requests,
converts the same responses (`result_from_proto`) and raises the same exceptions; only the
waiting is asynchronous, so one event loop can keep many calls in flight.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Sequence
from types import TracebackType

from grpc import aio
from grpc_health.v1 import health_pb2, health_pb2_grpc

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_client._client import (
    _MAX_MESSAGE_BYTES,
    DEFAULT_RETRIES,
    DEFAULT_TARGET,
    DEFAULT_TIMEOUT,
    SERVICE_NAME,
    TLS,
    Retries,
    Types,
    _RetryBudget,
    request_of,
    result_from_proto,
    retry_pause,
)
from quoteattr_client._exceptions import error_from_rpc
from quoteattr_client._models import AttributionResult

Documents = Iterable[tuple[str, str]] | AsyncIterable[tuple[str, str]]


class AsyncQuoteAttributionClient:
    """An asyncio client of the quoteattr gRPC service; use it with `async with`, or await
    `close()`.

    Args:
        target: the server's address, `host:port` (default `localhost:50051`); any gRPC target
            (`dns:///quoteattr.news.svc:50051` balances over every address of the name); or
            several targets, which calls take in turn (a retry goes to the next one).
        timeout: seconds each call may take, retries and their pauses included, before it fails
            with `TransportError` (DEADLINE_EXCEEDED); for `attribute_many`, the whole stream
            (default 60).
        retries: how `attribute` retries UNAVAILABLE and RESOURCE_EXHAUSTED (default
            `Retries()`: up to 10 tries, within a client-wide budget); `NO_RETRIES` turns
            retrying off. Streams are never retried: their results may be partly delivered.
        tls: connect over TLS (and present a client certificate, for mutual TLS); default
            plaintext.

    The channels are made on first use, inside the running event loop.
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
        # Read the PEM files now, so that a missing one fails here and not inside the loop.
        self._credentials = tls.credentials() if tls is not None else None
        self._server_name = tls.server_name if tls is not None else None
        self._targets = targets
        self._budget = _RetryBudget(retries)
        self._rng = random.Random()
        self._turn = itertools.count()
        self._channels: list[aio.Channel] = []

    async def __aenter__(self) -> AsyncQuoteAttributionClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        channels, self._channels = self._channels, []
        for channel in channels:
            await channel.close()

    def _next_channel(self) -> aio.Channel:
        if not self._channels:
            self._channels = [self._channel(target) for target in self._targets]
        return self._channels[next(self._turn) % len(self._channels)]

    def _channel(self, target: str) -> aio.Channel:
        options: list[tuple[str, int | str]] = [
            ("grpc.max_receive_message_length", _MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", _MAX_MESSAGE_BYTES),
            ("grpc.lb_policy_name", "round_robin"),
        ]
        if self._credentials is None:
            return aio.insecure_channel(target, options=options)
        if self._server_name is not None:
            options.append(("grpc.ssl_target_name_override", self._server_name))
        return aio.secure_channel(target, self._credentials, options=options)

    async def attribute(
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
            stub = quoteattr_pb2_grpc.QuoteAttributionStub(self._next_channel())
            try:
                response = await stub.Attribute(
                    request, timeout=max(0.0, deadline - time.monotonic())
                )
            except aio.AioRpcError as rpc_error:
                error = error_from_rpc(rpc_error, document_id=document_id)
                pause = retry_pause(self.retries, self._budget, error, attempt, deadline, self._rng)
                if pause is None:
                    raise error from None
                await asyncio.sleep(pause)
            else:
                return result_from_proto(response)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    async def attribute_many(
        self,
        documents: Documents,
        *,
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
        attribution_types: Types = (),
    ) -> AsyncIterator[AttributionResult]:
        """Attribute many `(document_id, text)` pairs over one stream, yielding results in order.

        `documents` may be an iterable or an async iterable; it is read lazily as the stream
        sends. The first bad document ends the stream: the results before it have been
        yielded, then its error is raised. Leaving the loop early cancels the stream.
        """
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(self._next_channel())
        call = stub.AttributeStream(
            _requests(
                documents,
                request_of(
                    "",
                    "",
                    include_reported_speech=include_reported_speech,
                    min_confidence=min_confidence,
                    attribution_types=attribution_types,
                ).options,
            ),
            timeout=self.timeout,
        )
        try:
            async for response in call:
                yield result_from_proto(response)
        except aio.AioRpcError as error:
            raise error_from_rpc(error) from None
        finally:
            call.cancel()

    async def health(self, service: str = SERVICE_NAME) -> str:
        """The server's health for `service` ("" for the whole server): "SERVING",
        "NOT_SERVING" or "SERVICE_UNKNOWN". With several targets: "SERVING" if any serves,
        else the first target's answer.

        Raises:
            TransportError: no target was reached.
        """
        if not self._channels:
            self._next_channel()
        statuses: list[str] = []
        failure: aio.AioRpcError | None = None
        for channel in self._channels:
            try:
                response = await health_pb2_grpc.HealthStub(channel).Check(
                    health_pb2.HealthCheckRequest(service=service), timeout=self.timeout
                )
            except aio.AioRpcError as error:
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


async def _requests(
    documents: Documents, options: pb.AttributeOptions
) -> AsyncIterator[pb.AttributeRequest]:
    if isinstance(documents, AsyncIterable):
        async for document_id, text in documents:
            yield pb.AttributeRequest(document_id=document_id, text=text, options=options)
    else:
        for document_id, text in documents:
            yield pb.AttributeRequest(document_id=document_id, text=text, options=options)
