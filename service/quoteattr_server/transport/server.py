"""transport.server: builds the gRPC server (servicer, health, reflection) and drains it.

The service's method handlers are registered here rather than through the generated
`add_QuoteAttributionServicer_to_server`, to install `decode_request` as the deserializer: with
the generated one, a request whose text is not valid UTF-8 fails inside gRPC and the caller
gets a generic error instead of INVALID_ARGUMENT.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_server.models import Models
from quoteattr_server.settings import Settings
from quoteattr_server.transport.servicer import QuoteAttributionServicer
from quoteattr_server.transport.validation import Limits, decode_request

SERVICE_NAME: str = pb.DESCRIPTOR.services_by_name["QuoteAttribution"].full_name


def create_server(
    settings: Settings,
    models: Callable[[], Models | None],
    *,
    health_servicer: health.HealthServicer | None = None,
) -> tuple[grpc.Server, int]:
    """A server bound to `settings.address` (not started) and the port it got.

    Health reports SERVING at once if `models()` already returns models, else NOT_SERVING until
    the caller runs `set_serving`. Pass `health_servicer` to keep a handle on it.

    Raises:
        RuntimeError: the address cannot be bound.
    """
    options = [
        ("grpc.max_receive_message_length", settings.max_message_bytes),
        ("grpc.max_send_message_length", settings.max_message_bytes),
        # Without this a second server on the same port starts silently and shares its calls.
        ("grpc.so_reuseport", 0),
    ]
    server = grpc.server(
        futures.ThreadPoolExecutor(
            max_workers=settings.max_workers, thread_name_prefix="quoteattr-rpc"
        ),
        options=options,
    )
    servicer = QuoteAttributionServicer(
        models, Limits(settings.max_text_chars, settings.max_text_words)
    )
    _add_servicer(servicer, server)

    health_servicer = health_servicer or health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    set_serving(health_servicer, models() is not None)

    reflection.enable_server_reflection(
        (SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME), server
    )
    port: int = server.add_insecure_port(settings.address)
    if port == 0:  # older grpcio reports a failed bind this way rather than raising
        raise RuntimeError(f"cannot listen on {settings.address}")
    return server, port


def set_serving(health_servicer: health.HealthServicer, serving: bool) -> None:
    """Report the service, and the server as a whole (""), as SERVING or NOT_SERVING."""
    status = (
        health_pb2.HealthCheckResponse.SERVING
        if serving
        else health_pb2.HealthCheckResponse.NOT_SERVING
    )
    for name in ("", SERVICE_NAME):
        health_servicer.set(name, status)


def drain(server: grpc.Server, health_servicer: health.HealthServicer, grace: float) -> None:
    """Report NOT_SERVING, refuse new calls and give calls in flight `grace` seconds to end."""
    health_servicer.enter_graceful_shutdown()
    server.stop(grace).wait()


def _add_servicer(servicer: QuoteAttributionServicer, server: grpc.Server) -> None:
    handlers = {
        "Attribute": grpc.unary_unary_rpc_method_handler(
            servicer.Attribute,
            request_deserializer=decode_request,
            response_serializer=pb.AttributeResponse.SerializeToString,
        ),
        "AttributeStream": grpc.stream_stream_rpc_method_handler(
            servicer.AttributeStream,
            request_deserializer=decode_request,
            response_serializer=pb.AttributeResponse.SerializeToString,
        ),
    }
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE_NAME, handlers),))
    server.add_registered_method_handlers(SERVICE_NAME, handlers)
