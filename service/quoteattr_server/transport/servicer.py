"""transport.servicer: the `quoteattr.v1.QuoteAttribution` RPC methods, and nothing else.

Each call is validated, parsed, attributed and converted; the work itself lives in `nlp` and
`engine`, the status codes in `errors`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator

import grpc

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_server.engine import ENGINE_VERSION, attribute
from quoteattr_server.models import Models
from quoteattr_server.transport.converters import result_to_proto
from quoteattr_server.transport.errors import (
    InvalidRequest,
    NotReady,
    ServiceError,
    stream_errors,
    unary_errors,
)
from quoteattr_server.transport.validation import Limits, UndecodableRequest, validate_request

_LOGGER = logging.getLogger(__name__)

Request = pb.AttributeRequest | UndecodableRequest


class ClientGone(ServiceError):
    """The caller cancelled or its deadline passed before the work started."""

    code = grpc.StatusCode.CANCELLED


class QuoteAttributionServicer:
    """Serves `quoteattr.v1.QuoteAttribution` from the models that `models()` returns.

    Args:
        models: returns the loaded models, or None while they load (calls then get UNAVAILABLE).
        limits: the largest text a request may carry.
    """

    def __init__(self, models: Callable[[], Models | None], limits: Limits) -> None:
        self._models = models
        self._limits = limits

    @unary_errors
    def Attribute(self, request: Request, context: grpc.ServicerContext) -> pb.AttributeResponse:
        return self._attribute(request, context)

    @stream_errors
    def AttributeStream(
        self, requests: Iterator[Request], context: grpc.ServicerContext
    ) -> Iterator[pb.AttributeResponse]:
        for position, request in enumerate(requests, start=1):
            try:
                yield self._attribute(request, context)
            except ServiceError as error:
                document_id = (
                    request.document_id if isinstance(request, pb.AttributeRequest) else ""
                )
                raise error.within(f"request {position} (document_id {document_id!r})") from error

    def _attribute(self, request: Request, context: grpc.ServicerContext) -> pb.AttributeResponse:
        started = time.perf_counter()
        if isinstance(request, UndecodableRequest):
            raise InvalidRequest(request.reason)
        options = validate_request(request, self._limits)
        models = self._models()
        if models is None:
            raise NotReady("the models are still loading; retry shortly")
        # The parser serialises calls: a caller that left while waiting is not worth a parse.
        if not context.is_active():
            raise ClientGone("the caller left before the parse")
        doc = models.parser.parse(request.text)
        result = attribute(
            doc,
            models.lexicon,
            include_reported=options.include_reported_speech,
            min_confidence=options.min_confidence,
        )
        seconds = time.perf_counter() - started
        _LOGGER.info(
            "attributed",
            extra={
                "document_id": request.document_id,
                "chars": len(request.text),
                "quotes": len(result.quotes),
                "seconds": round(seconds, 4),
            },
        )
        return result_to_proto(
            result,
            document_id=request.document_id,
            engine_version=ENGINE_VERSION,
            model=models.parser.info,
            processing_seconds=seconds,
        )
