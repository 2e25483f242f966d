"""transport.errors: domain errors and the one place that turns them into gRPC statuses.

Servicer methods raise `ServiceError`s and never call `context.abort` themselves; the
decorators below map each error to its status code, and `from_batcher` gives the batcher's own
errors theirs. Anything else is a bug: it is logged with its traceback (a worker process's
traceback for a `RemoteError`) and answered INTERNAL, and the server goes on serving.

Every service error also carries typed details, in the `google.rpc.Status` that gRPC sends in
the `grpc-status-details-bin` trailer (read them with `grpc_status.rpc_status.from_call`):

- `google.rpc.ErrorInfo`: `reason` (one word per error kind: `OVERLOADED` for too many calls,
  `QUEUE_FULL`, `INVALID_REQUEST`, `MODELS_LOADING`, `UNAVAILABLE`, ...), `domain`
  `quoteattr.v1`, and, for an error that ended an `AttributeStream`, the metadata `position`
  (the 1-based number of the request it is about) and `document_id`;
- `google.rpc.RetryInfo` when the server knows when a retry would be taken (`retry_delay`: the
  pushback of an overloaded server, from its queue and recent parse times).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from typing import NoReturn, TypeVar

import grpc
from google.protobuf import duration_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

from quoteattr_server.nlp import batcher

_LOGGER = logging.getLogger(__name__)

_Self = TypeVar("_Self")
_Request = TypeVar("_Request")
_Response = TypeVar("_Response")

ERROR_DOMAIN = "quoteattr.v1"


class ServiceError(Exception):
    """An error the caller should see, with the gRPC status code it maps to.

    Args:
        message: what the caller reads (the status message).
        retry_after: seconds after which a retry is expected to be taken (sent as RetryInfo).
        position: the stream request (1-based) the error is about; with `document_id`, sent as
            ErrorInfo metadata.
    """

    code: grpc.StatusCode = grpc.StatusCode.INTERNAL
    reason: str = "INTERNAL"

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        position: int | None = None,
        document_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        self.position = position
        self.document_id = document_id

    def at(self, position: int, document_id: str) -> ServiceError:
        """The same error, about stream request `position` (whose id is `document_id`); the
        message names them too, for people reading it."""
        return type(self)(
            f"request {position} (document_id {document_id!r}): {self.message}",
            retry_after=self.retry_after,
            position=position,
            document_id=document_id,
        )

    def status(self) -> status_pb2.Status:
        """The `google.rpc.Status` to end the call with, details included."""
        metadata: dict[str, str] = {}
        if self.position is not None:
            metadata["position"] = str(self.position)
        if self.document_id is not None:
            metadata["document_id"] = self.document_id
        details = [
            error_details_pb2.ErrorInfo(reason=self.reason, domain=ERROR_DOMAIN, metadata=metadata)
        ]
        if self.retry_after is not None:
            delay = duration_pb2.Duration()
            delay.FromMilliseconds(max(1, round(self.retry_after * 1000)))
            details.append(error_details_pb2.RetryInfo(retry_delay=delay))
        status = status_pb2.Status(code=self.code.value[0], message=self.message)
        for detail in details:
            status.details.add().Pack(detail)
        return status


class InvalidRequest(ServiceError):
    """The request breaks a documented rule; sending it again will not help."""

    code = grpc.StatusCode.INVALID_ARGUMENT
    reason = "INVALID_REQUEST"


class NotReady(ServiceError):
    """The server cannot answer yet (models loading); retrying later will help."""

    code = grpc.StatusCode.UNAVAILABLE
    reason = "MODELS_LOADING"


class Overloaded(ServiceError):
    """The server has as many calls in progress as it takes; retrying after the delay given
    will help."""

    code = grpc.StatusCode.RESOURCE_EXHAUSTED
    reason = "OVERLOADED"


class QueueFull(Overloaded):
    """Too many documents wait for the parser; retrying after the delay given will help."""

    reason = "QUEUE_FULL"


class Unavailable(ServiceError):
    """The server cannot serve the call now (shutting down, worker replaced); retry."""

    code = grpc.StatusCode.UNAVAILABLE
    reason = "UNAVAILABLE"


class ClientGone(ServiceError):
    """The caller cancelled, or its deadline passed, before the result was ready."""

    code = grpc.StatusCode.CANCELLED
    reason = "CLIENT_GONE"


class DeadlineExceeded(ServiceError):
    """The caller's deadline passed before the result was ready."""

    code = grpc.StatusCode.DEADLINE_EXCEEDED
    reason = "DEADLINE_EXCEEDED"


_BATCHER_ERRORS: dict[type[batcher.BatcherError], type[ServiceError]] = {
    batcher.QueueFull: QueueFull,
    batcher.Closed: Unavailable,
    batcher.NoLanes: Unavailable,
    batcher.LaneLost: Unavailable,
    batcher.Abandoned: ClientGone,
    batcher.DeadlinePassed: DeadlineExceeded,
}


def from_batcher(error: batcher.BatcherError) -> ServiceError:
    """The service error (and so the status code) of one of the batcher's errors."""
    kind = _BATCHER_ERRORS.get(type(error), Unavailable)
    return kind(str(error), retry_after=error.retry_after)


def abort(context: grpc.ServicerContext, error: BaseException) -> NoReturn:
    """End the call with the status `error` maps to (INTERNAL, logged, for unknown errors).

    A call the client already left (cancelled, deadline passed) has no one to answer: it is
    ended with the status that says so, for the call's own log line and metrics, and without a
    traceback in the log.
    """
    if not context.is_active():
        gone = (
            grpc.StatusCode.DEADLINE_EXCEEDED
            if context.time_remaining() <= 0
            else grpc.StatusCode.CANCELLED
        )
        _LOGGER.info(
            "call ended by the client", extra={"error": type(error).__name__, "status": gone.name}
        )
        context.abort(gone, "the caller left before the answer")
    if isinstance(error, ServiceError):
        if error.retry_after is not None:
            _LOGGER.info(
                "call refused",
                extra={"reason": error.reason, "retry_after_seconds": round(error.retry_after, 3)},
            )
        context.abort_with_status(rpc_status.to_status(error.status()))
    elif isinstance(error, batcher.RemoteError):
        _LOGGER.error(
            "unexpected error in a parser worker", extra={"error": str(error), "trace": error.trace}
        )
        context.abort(grpc.StatusCode.INTERNAL, f"internal error: {error.kind}")
    else:
        _LOGGER.error("unexpected error while serving a call", exc_info=error)
        context.abort(grpc.StatusCode.INTERNAL, f"internal error: {type(error).__name__}")
    raise AssertionError("context.abort returned")  # pragma: no cover - abort always raises


def unary_errors(
    method: Callable[[_Self, _Request, grpc.ServicerContext], _Response],
) -> Callable[[_Self, _Request, grpc.ServicerContext], _Response]:
    """Map the errors of a unary-response servicer method to gRPC statuses."""

    @functools.wraps(method)
    def wrapper(self: _Self, request: _Request, context: grpc.ServicerContext) -> _Response:
        try:
            return method(self, request, context)
        except Exception as error:
            abort(context, error)

    return wrapper


def stream_errors(
    method: Callable[[_Self, _Request, grpc.ServicerContext], Iterator[_Response]],
) -> Callable[[_Self, _Request, grpc.ServicerContext], Iterator[_Response]]:
    """Map the errors of a streaming-response servicer method to gRPC statuses.

    Responses already yielded stay delivered; the error ends the stream with its status.
    """

    @functools.wraps(method)
    def wrapper(
        self: _Self, request: _Request, context: grpc.ServicerContext
    ) -> Iterator[_Response]:
        try:
            yield from method(self, request, context)
        except Exception as error:
            abort(context, error)

    return wrapper
