"""transport.interceptors: the server interceptor that observes every call, whatever its method.

For each call it takes a request id (the caller's `x-request-id` metadata, else a new one) and
binds it to the log lines the call writes; when the call ends it counts the call by method and
status code, times it, and logs one `call` line with the number of articles answered. (The
articles and their words go to the metrics from the servicer, which has the words validation
counted: each text is counted once.)
It wraps the method's handler and keeps its (de)serializers, so the servicer's own decoding and
error mapping run unchanged underneath.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import grpc

from quoteattr_server import metrics
from quoteattr_server.logs import bind_request_id, unbind_request_id

_LOGGER = logging.getLogger(__name__)

REQUEST_ID_KEY = "x-request-id"
# A caller's id is kept if it looks like an id: it goes into every log line of the call.
_REQUEST_ID_FORM = re.compile(r"[A-Za-z0-9._:/-]{1,128}")
_HEALTH_SERVICE = "grpc.health.v1.Health"
_REFLECTION_PREFIX = "grpc.reflection."

Behavior = Callable[[Any, grpc.ServicerContext], Any]


class ObservingInterceptor(grpc.ServerInterceptor):  # type: ignore[misc]  # grpc is untyped
    """Metrics, request ids and one log line for every call the server handles."""

    def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(handler_call_details)
        if handler is None:
            return None  # unknown method: gRPC answers UNIMPLEMENTED itself
        service, method = split_method(handler_call_details.method)
        request_id = _request_id(handler_call_details.invocation_metadata)

        def observe() -> _CallObserver:
            return _CallObserver(service, method, request_id)

        options = {
            "request_deserializer": handler.request_deserializer,
            "response_serializer": handler.response_serializer,
        }
        if handler.unary_unary is not None:
            return grpc.unary_unary_rpc_method_handler(
                _unary_response(handler.unary_unary, observe, streaming_requests=False), **options
            )
        if handler.stream_unary is not None:
            return grpc.stream_unary_rpc_method_handler(
                _unary_response(handler.stream_unary, observe, streaming_requests=True), **options
            )
        if handler.unary_stream is not None:
            return grpc.unary_stream_rpc_method_handler(
                _stream_response(handler.unary_stream, observe, streaming_requests=False),
                **options,
            )
        return grpc.stream_stream_rpc_method_handler(
            _stream_response(handler.stream_stream, observe, streaming_requests=True), **options
        )


def split_method(full_method: str) -> tuple[str, str]:
    """`/quoteattr.v1.QuoteAttribution/Attribute` -> service and method name."""
    service, _, method = full_method.lstrip("/").rpartition("/")
    return service, method


def _request_id(metadata: Any) -> str:
    for key, value in metadata or ():
        if key == REQUEST_ID_KEY and isinstance(value, str) and _REQUEST_ID_FORM.fullmatch(value):
            return value
    return uuid.uuid4().hex[:16]


def _unary_response(
    behavior: Behavior, observe: Callable[[], _CallObserver], *, streaming_requests: bool
) -> Behavior:
    def observed(request: Any, context: grpc.ServicerContext) -> Any:
        call = observe()
        token = bind_request_id(call.request_id)
        failed = False
        try:
            if not streaming_requests:
                call.received(request)
            response = behavior(request, context)
            call.answered()
            return response
        except BaseException:
            failed = True
            raise
        finally:
            call.end(context, failed=failed)
            unbind_request_id(token)

    return observed


def _stream_response(
    behavior: Behavior, observe: Callable[[], _CallObserver], *, streaming_requests: bool
) -> Behavior:
    def observed(request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
        call = observe()
        token = bind_request_id(call.request_id)
        failed = False
        try:
            if not streaming_requests:
                call.received(request)
            for response in behavior(request, context):
                call.answered()
                yield response
        except BaseException:  # GeneratorExit included: gRPC dropped a cancelled call
            failed = True
            raise
        finally:
            call.end(context, failed=failed)
            unbind_request_id(token)

    return observed


class _CallObserver:
    """One call: its names and request id, when it began, and the articles it has answered."""

    def __init__(self, service: str, method: str, request_id: str) -> None:
        self.service = service
        self.method = method
        self.request_id = request_id
        self.started = time.perf_counter()
        self.documents = 0
        self.document_id: str | None = None
        metrics.CALLS_IN_FLIGHT.labels(service, method).inc()

    def received(self, request: Any) -> None:
        document_id = getattr(request, "document_id", None)
        if isinstance(document_id, str) and document_id:
            self.document_id = document_id

    def answered(self) -> None:
        """A response of the service (one article each) is on its way."""
        if self.service != _HEALTH_SERVICE and not self.service.startswith(_REFLECTION_PREFIX):
            self.documents += 1

    def end(self, context: grpc.ServicerContext, *, failed: bool) -> None:
        seconds = time.perf_counter() - self.started
        code = status_code(context, failed=failed)
        metrics.CALLS_IN_FLIGHT.labels(self.service, self.method).dec()
        metrics.CALLS.labels(self.service, self.method, code.name).inc()
        metrics.CALL_SECONDS.labels(self.service, self.method).observe(seconds)
        fields: dict[str, Any] = {
            "method": f"{self.service}/{self.method}",
            "status": code.name,
            "duration_seconds": round(seconds, 4),
        }
        if self.document_id is not None:
            fields["document_id"] = self.document_id
        if self.documents or self.method == "AttributeStream":
            fields["documents"] = self.documents
        # Probes and reflection would drown the calls that matter at INFO.
        quiet = self.service == _HEALTH_SERVICE or self.service.startswith(_REFLECTION_PREFIX)
        _LOGGER.log(logging.DEBUG if quiet else logging.INFO, "call", extra=fields)


def status_code(context: grpc.ServicerContext, *, failed: bool) -> grpc.StatusCode:
    """The status a call ended with: the one it was aborted with, else what its end implies.

    A handler that returns ends OK; one that raised without aborting left either a caller that
    had gone (DEADLINE_EXCEEDED when the deadline passed, else CANCELLED) or a bug (UNKNOWN).
    """
    code: grpc.StatusCode | None = context.code()
    if code is not None:
        return code
    if not failed:
        return grpc.StatusCode.OK
    if not context.is_active():
        if context.time_remaining() <= 0:
            return grpc.StatusCode.DEADLINE_EXCEEDED
        return grpc.StatusCode.CANCELLED
    return grpc.StatusCode.UNKNOWN
