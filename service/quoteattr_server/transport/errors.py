"""transport.errors: domain errors and the one place that turns them into gRPC statuses.

Servicer methods raise `ServiceError`s and never call `context.abort` themselves; the
decorators below map each error to its status code, and `from_batcher` gives the batcher's own
errors theirs. Anything else is a bug: it is logged with its traceback (a worker process's
traceback for a `RemoteError`) and answered INTERNAL, and the server goes on serving.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from typing import NoReturn, TypeVar

import grpc

from quoteattr_server.nlp import batcher

_LOGGER = logging.getLogger(__name__)

_Self = TypeVar("_Self")
_Request = TypeVar("_Request")
_Response = TypeVar("_Response")


class ServiceError(Exception):
    """An error the caller should see, with the gRPC status code it maps to."""

    code: grpc.StatusCode = grpc.StatusCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def within(self, where: str) -> ServiceError:
        """The same error with `where` (e.g. the stream position) put before its message."""
        return type(self)(f"{where}: {self.message}")


class InvalidRequest(ServiceError):
    """The request breaks a documented rule; sending it again will not help."""

    code = grpc.StatusCode.INVALID_ARGUMENT


class NotReady(ServiceError):
    """The server cannot answer yet (models loading); retrying later will help."""

    code = grpc.StatusCode.UNAVAILABLE


class Overloaded(ServiceError):
    """The server has more work queued than it takes; retrying after a backoff will help."""

    code = grpc.StatusCode.RESOURCE_EXHAUSTED


class Unavailable(ServiceError):
    """The server cannot serve the call now (shutting down, worker replaced); retry."""

    code = grpc.StatusCode.UNAVAILABLE


class ClientGone(ServiceError):
    """The caller cancelled, or its deadline passed, before the result was ready."""

    code = grpc.StatusCode.CANCELLED


class DeadlineExceeded(ServiceError):
    """The caller's deadline passed before the result was ready."""

    code = grpc.StatusCode.DEADLINE_EXCEEDED


_BATCHER_ERRORS: dict[type[batcher.BatcherError], type[ServiceError]] = {
    batcher.QueueFull: Overloaded,
    batcher.Closed: Unavailable,
    batcher.NoLanes: Unavailable,
    batcher.LaneLost: Unavailable,
    batcher.Abandoned: ClientGone,
    batcher.DeadlinePassed: DeadlineExceeded,
}


def from_batcher(error: batcher.BatcherError) -> ServiceError:
    """The service error (and so the status code) of one of the batcher's errors."""
    kind = _BATCHER_ERRORS.get(type(error), Unavailable)
    return kind(str(error))


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
        context.abort(error.code, error.message)
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
