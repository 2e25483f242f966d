"""transport.server: builds the gRPC server (servicer, health, reflection, TLS) and drains it.

The service's method handlers are registered here rather than through the generated
`add_QuoteAttributionServicer_to_server`, to install `decode_request` as the deserializer: with
the generated one, a request whose text is not valid UTF-8 fails inside gRPC and the caller
gets a generic error instead of INVALID_ARGUMENT.
"""

from __future__ import annotations

import threading
import time
from concurrent import futures
from pathlib import Path

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_server.settings import Settings
from quoteattr_server.transport.interceptors import ObservingInterceptor
from quoteattr_server.transport.servicer import CallGate, Pipeline, QuoteAttributionServicer
from quoteattr_server.transport.validation import Limits, decode_request

SERVICE_NAME: str = pb.DESCRIPTOR.services_by_name["QuoteAttribution"].full_name


class Server:
    """A built server: the gRPC server, the port it got, its health service and call gate.

    `start` and `stop` are gRPC's; `set_serving` reports health; `drain` refuses new calls and
    waits for those in progress to end, until a deadline.
    """

    def __init__(
        self, server: grpc.Server, port: int, health_servicer: health.HealthServicer, gate: CallGate
    ) -> None:
        self.grpc = server
        self.port = port
        self.health = health_servicer
        self.gate = gate

    def start(self) -> None:
        self.grpc.start()

    def stop(self, grace: float | None) -> threading.Event:
        """Stop gRPC; calls still running after `grace` seconds are cancelled."""
        event: threading.Event = self.grpc.stop(grace)
        return event

    def set_serving(self, serving: bool) -> None:
        set_serving(self.health, serving)

    def drain(self, deadline: float) -> bool:
        """Report NOT_SERVING, refuse new calls and wait until those in progress end or
        `deadline` (time.monotonic()) passes; True if they all ended.

        New calls are refused by the servicer (UNAVAILABLE, with a message) while the server
        still accepts connections: stopping gRPC at once would cancel the calls it had received
        but not yet handed to a thread (never answered), which a busy server always has.
        """
        self.health.enter_graceful_shutdown()
        return self.gate.drain(max(0.0, deadline - time.monotonic()))


def create_server(settings: Settings, pipeline: PipelineSlot) -> tuple[Server, int]:
    """A server bound to `settings.address` (not started) and the port it got.

    `pipeline` holds the parse path (the micro-batcher) once it is ready; while it is empty
    calls get UNAVAILABLE and health reports NOT_SERVING (`Server.set_serving` changes that);
    if it is filled already, health reports SERVING at once. With `settings.tls_cert` the port
    speaks TLS only (and with `settings.tls_client_ca`, only to clients with a certificate
    signed by those CAs).

    Raises:
        RuntimeError: the address cannot be bound, or a TLS file cannot be read.
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
        # Metrics, request ids and the per-call log line, for every method.
        interceptors=(ObservingInterceptor(),),
    )
    gate = CallGate(settings.max_concurrent_rpcs, retry_after=pipeline.retry_after)
    servicer = QuoteAttributionServicer(
        pipeline, Limits(settings.max_text_chars, settings.max_text_words), gate=gate
    )
    _add_servicer(servicer, server)

    health_servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    set_serving(health_servicer, pipeline() is not None)

    reflection.enable_server_reflection(
        (SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME), server
    )
    credentials = server_credentials(settings)
    if credentials is None:
        port: int = server.add_insecure_port(settings.address)
    else:
        port = server.add_secure_port(settings.address, credentials)
    if port == 0:  # older grpcio reports a failed bind this way rather than raising
        raise RuntimeError(f"cannot listen on {settings.address}")
    return Server(server, port, health_servicer, gate), port


def server_credentials(settings: Settings) -> grpc.ServerCredentials | None:
    """TLS credentials from the settings' PEM files, or None to serve plaintext.

    Raises:
        RuntimeError: a file cannot be read.
    """
    if settings.tls_cert is None or settings.tls_key is None:
        return None
    client_ca = _read_pem(settings.tls_client_ca) if settings.tls_client_ca else None
    return grpc.ssl_server_credentials(
        [(_read_pem(settings.tls_key), _read_pem(settings.tls_cert))],
        root_certificates=client_ca,
        require_client_auth=client_ca is not None,
    )


def _read_pem(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise RuntimeError(f"cannot read TLS file {path}: {error.strerror}") from error


class PipelineSlot:
    """Holds the pipeline once it is ready; calling the slot returns it, or None before."""

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self._pipeline = pipeline

    def __call__(self) -> Pipeline | None:
        return self._pipeline

    def fill(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline  # one reference assignment: atomic for the reading threads

    def retry_after(self) -> float | None:
        """The pipeline's estimate of when a refused caller should come back (None: empty)."""
        pipeline = self._pipeline
        return pipeline.retry_after() if pipeline is not None else None


def set_serving(health_servicer: health.HealthServicer, serving: bool) -> None:
    """Report the service, and the server as a whole (""), as SERVING or NOT_SERVING."""
    status = (
        health_pb2.HealthCheckResponse.SERVING
        if serving
        else health_pb2.HealthCheckResponse.NOT_SERVING
    )
    for name in ("", SERVICE_NAME):
        health_servicer.set(name, status)


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
