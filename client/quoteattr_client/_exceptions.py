"""The client's exceptions, one per way a call can fail that callers handle differently.

    QuoteAttrError
    ├── TransportError    the server was not reached or did not answer in time
    │                     (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED): retrying may help
    ├── RequestRejected   the server refused the request (INVALID_ARGUMENT, RESOURCE_EXHAUSTED,
    │                     FAILED_PRECONDITION, ...): retrying the same request will not help
    ├── ServerError       the server failed (INTERNAL, UNKNOWN, UNIMPLEMENTED, DATA_LOSS)
    └── TLSFileError      a TLS certificate or key file could not be read: no call was made

Each carries the gRPC status `code`, the server's `details` and the request's `document_id`,
and what the server put in the status details (`google.rpc.Status`, see `StatusDetails`): the
`reason` of its ErrorInfo, the stream `position` an error is about, and `retry_after`, the
seconds its RetryInfo asks the caller to wait.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import grpc
from google.rpc import error_details_pb2, status_pb2

_TRANSPORT_CODES = frozenset(
    {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED}
)
_SERVER_CODES = frozenset(
    {
        grpc.StatusCode.INTERNAL,
        grpc.StatusCode.UNKNOWN,
        grpc.StatusCode.UNIMPLEMENTED,
        grpc.StatusCode.DATA_LOSS,
    }
)
_STATUS_DETAILS_KEY = "grpc-status-details-bin"


@dataclass(frozen=True, slots=True)
class StatusDetails:
    """The typed details of a failed call's status, as the quoteattr server sends them.

    Args:
        reason: ErrorInfo's reason (`OVERLOADED`, `INVALID_REQUEST`, ...); "" if none.
        position: the 1-based number of the stream request the error is about (ErrorInfo
            metadata `position`); None for a unary call or an error about no one request.
        document_id: that request's document id (ErrorInfo metadata `document_id`).
        retry_after: seconds to wait before a retry (RetryInfo's `retry_delay`); None if the
            server gave none.
    """

    reason: str = ""
    position: int | None = None
    document_id: str | None = None
    retry_after: float | None = None


NO_DETAILS = StatusDetails()


def status_details(trailing_metadata: Iterable[tuple[str, Any]] | None) -> StatusDetails:
    """The details in a call's trailing metadata (`error.trailing_metadata()`, sync or
    asyncio); `NO_DETAILS` when there are none or they cannot be read."""
    for key, value in trailing_metadata or ():
        if key == _STATUS_DETAILS_KEY and isinstance(value, bytes):
            try:
                return _read_details(status_pb2.Status.FromString(value))
            except Exception:  # a malformed trailer from a proxy: read as no details
                return NO_DETAILS
    return NO_DETAILS


def _read_details(status: status_pb2.Status) -> StatusDetails:
    reason, position, document_id, retry_after = "", None, None, None
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason = info.reason
            raw_position = info.metadata.get("position", "")
            position = int(raw_position) if raw_position.isdigit() else None
            document_id = info.metadata.get("document_id")
        elif detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
            retry = error_details_pb2.RetryInfo()
            detail.Unpack(retry)
            retry_after = retry.retry_delay.ToMilliseconds() / 1000
    return StatusDetails(reason, position, document_id, retry_after)


class QuoteAttrError(Exception):
    """A call to the quoteattr service failed."""

    def __init__(
        self,
        code: grpc.StatusCode,
        details: str,
        *,
        document_id: str = "",
        status: StatusDetails = NO_DETAILS,
    ) -> None:
        where = f" (document_id {document_id!r})" if document_id else ""
        super().__init__(f"{code.name}{where}: {details}")
        self.code = code
        self.details = details
        self.document_id = document_id
        self.status = status

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked the caller to wait before trying again, if it did."""
        return self.status.retry_after

    @property
    def position(self) -> int | None:
        """The stream request (1-based) the error is about, if the server named one."""
        return self.status.position


class TransportError(QuoteAttrError):
    """The server was not reached, or did not answer in time."""


class RequestRejected(QuoteAttrError):
    """The server refused the request as sent."""


class ServerError(QuoteAttrError):
    """The server failed while handling the request."""


class TLSFileError(QuoteAttrError):
    """A TLS certificate or key file given to the client could not be read (`path` says which);
    the client made no call. Its `code` is INVALID_ARGUMENT: the argument was the problem."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(grpc.StatusCode.INVALID_ARGUMENT, f"cannot read TLS file {path}: {reason}")
        self.path = path


def error_from_rpc(error: grpc.RpcError, *, document_id: str = "") -> QuoteAttrError:
    """The exception of this module that matches a failed call's status code."""
    code: grpc.StatusCode = error.code()
    details: str = error.details() or ""
    trailing = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None
    status = status_details(trailing)
    if not document_id and status.document_id is not None:
        document_id = status.document_id
    kind = (
        TransportError
        if code in _TRANSPORT_CODES
        else ServerError
        if code in _SERVER_CODES
        else RequestRejected
    )
    return kind(code, details, document_id=document_id, status=status)
