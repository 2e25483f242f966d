"""The client's exceptions, one per way a call can fail that callers handle differently.

    QuoteAttrError
    ├── TransportError    the server was not reached or did not answer in time
    │                     (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED): retrying may help
    ├── RequestRejected   the server refused the request (INVALID_ARGUMENT, RESOURCE_EXHAUSTED,
    │                     FAILED_PRECONDITION, ...): retrying the same request will not help
    ├── ServerError       the server failed (INTERNAL, UNKNOWN, UNIMPLEMENTED, DATA_LOSS)
    └── TLSFileError      a TLS certificate or key file could not be read: no call was made

Each carries the gRPC status `code`, the server's `details` and the request's `document_id`.
"""

from __future__ import annotations

import grpc

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


class QuoteAttrError(Exception):
    """A call to the quoteattr service failed."""

    def __init__(self, code: grpc.StatusCode, details: str, *, document_id: str = "") -> None:
        where = f" (document_id {document_id!r})" if document_id else ""
        super().__init__(f"{code.name}{where}: {details}")
        self.code = code
        self.details = details
        self.document_id = document_id


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
    if code in _TRANSPORT_CODES:
        return TransportError(code, details, document_id=document_id)
    if code in _SERVER_CODES:
        return ServerError(code, details, document_id=document_id)
    return RequestRejected(code, details, document_id=document_id)
