"""transport.server: builds the gRPC server (servicer, health, reflection, TLS) and drains it.

The service's method handlers are registered here rather than through the generated
`add_QuoteAttributionServicer_to_server`, to install `decode_request` as the deserializer: with
the generated one, a request whose text is not valid UTF-8 fails inside gRPC and the caller
gets a generic error instead of INVALID_ARGUMENT.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent import futures
from pathlib import Path

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_server.models import Models
from quoteattr_server.nlp.batcher import InProcessRunner, MicroBatcher
from quoteattr_server.settings import Settings
from quoteattr_server.transport.interceptors import ObservingInterceptor
from quoteattr_server.transport.servicer import CallGate, Pipeline, QuoteAttributionServicer
from quoteattr_server.transport.validation import Limits, decode_request

SERVICE_NAME: str = pb.DESCRIPTOR.services_by_name["QuoteAttribution"].full_name


def create_server(
    settings: Settings,
    pipeline: Callable[[], Pipeline | Models | None],
    *,
    health_servicer: health.HealthServicer | None = None,
    gate: CallGate | None = None,
) -> tuple[grpc.Server, int]:
    """A server bound to `settings.address` (not started) and the port it got.

    `pipeline()` returns the parse path: a `MicroBatcher` over worker processes in production;
    loaded `Models` are served in this process, through a batcher made for them on first use
    (tests, `--workers 0`); None means still loading (calls get UNAVAILABLE). Health reports
    SERVING at once if `pipeline()` already returns one, else NOT_SERVING until the caller runs
    `set_serving`. Pass `health_servicer` and `gate` to keep a handle on them (`drain` needs
    both). With `settings.tls_cert` the
    port speaks TLS only (and with `settings.tls_client_ca`, only to clients with a certificate
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
    servicer = QuoteAttributionServicer(
        _InProcess(pipeline, settings),
        Limits(settings.max_text_chars, settings.max_text_words),
        gate=gate or CallGate(settings.max_concurrent_rpcs),
    )
    _add_servicer(servicer, server)

    health_servicer = health_servicer or health.HealthServicer()
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
    return server, port


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
    """Holds the pipeline once the workers are ready; calling it returns it, or None before."""

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self._pipeline = pipeline

    def __call__(self) -> Pipeline | None:
        return self._pipeline

    def fill(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline  # one reference assignment: atomic for the reading threads


class _InProcess:
    """The servicer's pipeline source: passes pipelines through, and wraps loaded `Models` in
    an in-process batcher (one per `Models`, made on first use)."""

    def __init__(self, source: Callable[[], Pipeline | Models | None], settings: Settings) -> None:
        self._source = source
        self._settings = settings
        self._lock = threading.Lock()
        self._wrapped: tuple[Models, MicroBatcher] | None = None

    def __call__(self) -> Pipeline | None:
        found = self._source()
        if not isinstance(found, Models):
            return found
        with self._lock:
            if self._wrapped is None or self._wrapped[0] is not found:
                self._wrapped = (found, in_process_batcher(found, self._settings))
            return self._wrapped[1]


def in_process_batcher(models: Models, settings: Settings) -> MicroBatcher:
    """A batcher with one lane that parses in this process, batching as `settings` say."""
    return MicroBatcher(
        [InProcessRunner(models)],
        max_wait=settings.batch_wait_ms / 1000,
        max_words=settings.batch_max_words,
        max_queue=settings.max_queue,
    )


def set_serving(health_servicer: health.HealthServicer, serving: bool) -> None:
    """Report the service, and the server as a whole (""), as SERVING or NOT_SERVING."""
    status = (
        health_pb2.HealthCheckResponse.SERVING
        if serving
        else health_pb2.HealthCheckResponse.NOT_SERVING
    )
    for name in ("", SERVICE_NAME):
        health_servicer.set(name, status)


def drain(
    server: grpc.Server,
    health_servicer: health.HealthServicer,
    grace: float,
    gate: CallGate | None = None,
) -> None:
    """Report NOT_SERVING, refuse new calls and give calls in flight `grace` seconds to end.

    With the servicer's `gate`, new calls are refused by the servicer (UNAVAILABLE, with a
    message) while the server still accepts connections, until the calls in progress end; only
    then does gRPC stop. Stopping gRPC at once would cancel the calls it had received but not
    yet handed to a thread (CANCELLED, never answered), which a busy server always has.
    """
    started = time.monotonic()
    health_servicer.enter_graceful_shutdown()
    if gate is not None:
        gate.drain(grace)
    server.stop(max(0.0, grace - (time.monotonic() - started))).wait()


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
