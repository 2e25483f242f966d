"""http.app: the HTTP/JSON face of the gRPC servicer, and the verification page.

    POST /v1/attribute   an `AttributeRequest` in the proto's JSON mapping -> `AttributeResponse`
    GET  /               the verification page (paste or upload an article, see its quotes)

Every attribute call goes through the gRPC servicer's own `Attribute` method, wrapped by the
same `ObservingInterceptor` (metrics, request id, the `call` log line): the same validation,
limits, call gate, micro-batcher and parser workers as a gRPC call, only the bytes differ. The
servicer's blocking method runs on a thread pool; the call it sees is an `HttpCall`, which
stands in for gRPC's `ServicerContext` (deadline, abandon callbacks, abort). gRPC status codes
map to HTTP ones: INVALID_ARGUMENT 400, RESOURCE_EXHAUSTED 429 (413 for a body over
`max_body_bytes`), UNAVAILABLE 503, DEADLINE_EXCEEDED 504, anything else 500.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any, NoReturn

import grpc
from aiohttp import web
from google.protobuf import json_format
from google.rpc import error_details_pb2, status_pb2

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_client.viewer import render_page
from quoteattr_server.transport.interceptors import REQUEST_ID_KEY, ObservingInterceptor
from quoteattr_server.transport.server import SERVICE_NAME
from quoteattr_server.transport.servicer import QuoteAttributionServicer

ATTRIBUTE_PATH = "/v1/attribute"
# Seconds the call may take, like a gRPC deadline; without it the call has none.
TIMEOUT_HEADER = "X-Timeout-Seconds"
REQUEST_ID_HEADER = "X-Request-Id"
_METHOD = f"/{SERVICE_NAME}/Attribute"

HTTP_STATUS: dict[grpc.StatusCode, int] = {
    grpc.StatusCode.OK: 200,
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
    # The caller left: nobody reads the answer; 499 is what proxies log for it.
    grpc.StatusCode.CANCELLED: 499,
}
# What a client should wait before sending again a call the server could not take.
_RETRY_AFTER_SECONDS = "1"


class CallAborted(Exception):
    """`HttpCall.abort` was called: the servicer ended the call with a status."""


class HttpCall:
    """What the servicer and the interceptor use of `grpc.ServicerContext`, for one HTTP call.

    `cancel()` (the HTTP client went away) makes the call inactive and runs the callbacks the
    servicer added, so a document still queued is never parsed.
    """

    def __init__(self, timeout: float | None) -> None:
        self._deadline = time.monotonic() + timeout if timeout is not None else None
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []
        self._cancelled = False
        self._code: grpc.StatusCode | None = None
        self._details = ""
        self._retry_after: float | None = None

    def time_remaining(self) -> float:
        if self._deadline is None:
            return math.inf
        return max(0.0, self._deadline - time.monotonic())

    def is_active(self) -> bool:
        return not self._cancelled and self.time_remaining() > 0

    def add_callback(self, callback: Callable[[], None]) -> bool:
        with self._lock:
            if self._cancelled:
                return False
            self._callbacks.append(callback)
            return True

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def abort(self, code: grpc.StatusCode, details: str) -> NoReturn:
        self._code, self._details = code, details
        raise CallAborted(details)

    def abort_with_status(self, status: grpc.Status) -> NoReturn:
        """A status with typed details: its code, message and any RetryInfo's delay."""
        self._retry_after = _retry_delay(status.trailing_metadata or ())
        self.abort(status.code, status.details)

    def retry_after(self) -> float | None:
        """Seconds the server asked the caller to wait (a refusal for load), else None."""
        return self._retry_after

    def code(self) -> grpc.StatusCode | None:
        return self._code

    def details(self) -> str:
        return self._details


@dataclass(frozen=True, slots=True)
class _CallDetails:
    """`grpc.HandlerCallDetails` for the interceptor: the method and the caller's metadata."""

    method: str
    invocation_metadata: tuple[tuple[str, str], ...]


def create_app(
    servicer: QuoteAttributionServicer, *, executor: Executor, max_body_bytes: int
) -> web.Application:
    """The aiohttp application; `executor` runs the servicer's blocking calls."""
    app = web.Application(client_max_size=max_body_bytes)
    page = render_page(api=ATTRIBUTE_PATH)
    interceptor = ObservingInterceptor()
    handler = grpc.unary_unary_rpc_method_handler(servicer.Attribute)

    async def index(_request: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html", charset="utf-8")

    async def attribute(request: web.Request) -> web.Response:
        try:
            message = await _read_request(request, max_body_bytes)
            timeout = _timeout(request.headers.get(TIMEOUT_HEADER))
        except _BadRequest as error:
            return _error(error.status, error.code, error.message)
        request_id = request.headers.get(REQUEST_ID_HEADER)
        details = _CallDetails(
            _METHOD, ((REQUEST_ID_KEY, request_id),) if request_id is not None else ()
        )
        observed_handler = interceptor.intercept_service(lambda _: handler, details)
        assert observed_handler is not None
        observed = observed_handler.unary_unary
        call = HttpCall(timeout)
        loop = asyncio.get_running_loop()
        try:
            response = await loop.run_in_executor(executor, observed, message, call)
        except CallAborted:
            code = call.code() or grpc.StatusCode.UNKNOWN
            return _error(HTTP_STATUS.get(code, 500), code.name, call.details(), call.retry_after())
        except asyncio.CancelledError:
            call.cancel()  # the client disconnected: abandon its document
            raise
        return web.Response(
            text=json_format.MessageToJson(
                response,
                preserving_proto_field_name=True,
                always_print_fields_with_no_presence=True,
                indent=None,
                ensure_ascii=False,
            ),
            content_type="application/json",
        )

    app.router.add_get("/", index)
    app.router.add_post(ATTRIBUTE_PATH, attribute)
    return app


class _BadRequest(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


async def _read_request(request: web.Request, max_body_bytes: int) -> pb.AttributeRequest:
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise _BadRequest(
            413,
            grpc.StatusCode.RESOURCE_EXHAUSTED.name,
            f"the request body is larger than the limit of {max_body_bytes:,} bytes",
        ) from None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadRequest(400, "INVALID_ARGUMENT", "the body is not UTF-8") from None
    message = pb.AttributeRequest()
    try:
        json_format.Parse(text, message)
    except json_format.ParseError as error:
        raise _BadRequest(400, "INVALID_ARGUMENT", f"not an AttributeRequest: {error}") from None
    return message


def _timeout(header: str | None) -> float | None:
    if header is None:
        return None
    with contextlib.suppress(ValueError):
        seconds = float(header)
        if seconds > 0 and math.isfinite(seconds):
            return seconds
    raise _BadRequest(400, "INVALID_ARGUMENT", f"{TIMEOUT_HEADER} must be seconds > 0")


def _error(status: int, code: str, message: str, retry_after: float | None = None) -> web.Response:
    """The error body: `{"error": {"code": <HTTP status>, "status": <gRPC code>, "message"}}`;
    a refusal for load says in `Retry-After` when to come back (the server's own estimate,
    rounded up to whole seconds, as HTTP counts them)."""
    body: dict[str, Any] = {"error": {"code": status, "status": code, "message": message}}
    headers = None
    if status in (429, 503):
        seconds = _RETRY_AFTER_SECONDS if retry_after is None else str(math.ceil(retry_after))
        headers = {"Retry-After": seconds}
    return web.json_response(body, status=status, headers=headers)


def _retry_delay(metadata: Iterable[tuple[str, str | bytes]]) -> float | None:
    """The RetryInfo delay in a status's `grpc-status-details-bin` trailer, if any."""
    for key, value in metadata:
        if key != "grpc-status-details-bin" or not isinstance(value, bytes):
            continue
        status = status_pb2.Status.FromString(value)
        for detail in status.details:
            info = error_details_pb2.RetryInfo()
            if detail.Unpack(info):
                return float(info.retry_delay.ToTimedelta().total_seconds())
    return None
