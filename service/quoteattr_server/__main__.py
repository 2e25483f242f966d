"""quoteattr-server: flags and environment -> Settings, build the server, serve until a signal.

Start-up order: listen at once with health NOT_SERVING (so probes get an answer, not a refused
connection), start the parser worker processes (each loads and warms up the models, side by
side), then report SERVING. SIGTERM or SIGINT reports NOT_SERVING, refuses new calls, gives
calls in flight the grace period, then stops the workers.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType

from grpc_health.v1 import health

from quoteattr_server import __version__, metrics
from quoteattr_server.engine import ENGINE_VERSION
from quoteattr_server.http import HttpServer
from quoteattr_server.logs import configure_logging
from quoteattr_server.models import LoadReport, load_models
from quoteattr_server.nlp.batcher import MicroBatcher
from quoteattr_server.nlp.pipeline import ModelLoadError
from quoteattr_server.nlp.workers import WorkerConfig, start_workers
from quoteattr_server.settings import Settings
from quoteattr_server.transport.server import (
    PipelineSlot,
    create_server,
    drain,
    in_process_batcher,
    set_serving,
)
from quoteattr_server.transport.servicer import CallGate, QuoteAttributionServicer
from quoteattr_server.transport.validation import Limits

_LOGGER = logging.getLogger("quoteattr_server")
_POLL_SECONDS = 0.1
# A worker that has not loaded its models by then is taken for stuck: start-up fails.
_LOAD_SECONDS = 300.0


def build_arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr-server",
        description="Serve quoteattr.v1.QuoteAttribution over gRPC. Every flag overrides its "
        "QUOTEATTR_* environment variable.",
    )
    parser.add_argument("--host", help="address to listen on (QUOTEATTR_HOST, default [::])")
    parser.add_argument("--port", type=int, help="port, 0 for any (QUOTEATTR_PORT, default 50051)")
    parser.add_argument(
        "--models",
        dest="model_dir",
        type=Path,
        help="Stanza resources directory (QUOTEATTR_MODELS, default ../shared/models/stanza-en "
        "beside the checkout)",
    )
    parser.add_argument(
        "--max-text-chars",
        type=int,
        help="longest text accepted, in characters (QUOTEATTR_MAX_TEXT_CHARS, default 400000)",
    )
    parser.add_argument(
        "--max-text-words",
        type=int,
        help="most words accepted in a text (QUOTEATTR_MAX_TEXT_WORDS, default 60000)",
    )
    parser.add_argument(
        "--max-message-bytes",
        type=int,
        help="largest gRPC message (QUOTEATTR_MAX_MESSAGE_BYTES, default 8388608)",
    )
    parser.add_argument(
        "--grace",
        dest="grace_seconds",
        type=float,
        help="seconds calls in flight get on SIGTERM (QUOTEATTR_GRACE_SECONDS, default 10)",
    )
    parser.add_argument(
        "--max-workers",
        type=int,
        help="threads serving calls; keep above --max-concurrent-rpcs so health checks find "
        "one (QUOTEATTR_MAX_WORKERS, default 80)",
    )
    parser.add_argument(
        "--max-concurrent-rpcs",
        type=int,
        help="Attribute calls and streams in progress at once; more get RESOURCE_EXHAUSTED "
        "(QUOTEATTR_MAX_CONCURRENT_RPCS, default 64)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        help="parser processes, each with its own models; 0 parses in the server process "
        "(QUOTEATTR_WORKERS, default: the number of cores)",
    )
    parser.add_argument(
        "--torch-threads",
        type=int,
        help="torch threads per parser; 0 shares the cores out among the workers "
        "(QUOTEATTR_TORCH_THREADS, default 0)",
    )
    parser.add_argument(
        "--batch-wait-ms",
        type=float,
        help="milliseconds a document may wait for others to join its batch "
        "(QUOTEATTR_BATCH_WAIT_MS, default 5)",
    )
    parser.add_argument(
        "--batch-max-words",
        type=int,
        help="words per parser batch; a longer document is parsed alone "
        "(QUOTEATTR_BATCH_MAX_WORDS, default 4000)",
    )
    parser.add_argument(
        "--max-queue",
        type=int,
        help="documents waiting for a parser; more get RESOURCE_EXHAUSTED "
        "(QUOTEATTR_MAX_QUEUE, default 64)",
    )
    parser.add_argument(
        "--tls-cert",
        type=Path,
        help="PEM certificate chain; with --tls-key, serve TLS only (QUOTEATTR_TLS_CERT)",
    )
    parser.add_argument("--tls-key", type=Path, help="PEM private key (QUOTEATTR_TLS_KEY)")
    parser.add_argument(
        "--tls-client-ca",
        type=Path,
        help="PEM CA certificates; clients must present a certificate they signed "
        "(mutual TLS; QUOTEATTR_TLS_CLIENT_CA)",
    )
    parser.add_argument("--log-level", help="DEBUG, INFO, WARNING, ERROR (QUOTEATTR_LOG_LEVEL)")
    parser.add_argument(
        "--metrics-port",
        type=int,
        help="serve Prometheus metrics over HTTP on this port, 0 for any "
        "(QUOTEATTR_METRICS_PORT, default: no metrics endpoint)",
    )
    parser.add_argument(
        "--http-port",
        type=int,
        help="also serve HTTP/JSON (POST /v1/attribute) and the verification page (GET /) on "
        "this port, 0 for any (QUOTEATTR_HTTP_PORT, default: no HTTP)",
    )
    parser.add_argument(
        "--device",
        choices=("auto", "cpu", "cuda"),
        help="where Stanza parses: auto takes a GPU when torch sees one; with a GPU and no "
        "--workers, one worker (QUOTEATTR_DEVICE, default auto)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arg_parser = build_arg_parser()
    args = arg_parser.parse_args(argv)
    try:
        settings = Settings.from_env().replace(**vars(args))
    except ValueError as error:
        arg_parser.error(str(error))
    configure_logging(settings.log_level)
    workers_given = args.workers is not None or "QUOTEATTR_WORKERS" in os.environ
    if not workers_given and settings.device != "cpu" and _gpu_present():
        # One GPU: one worker holds the models on it and batches for it; more would only
        # queue for the same device and each take its memory.
        settings = settings.replace(workers=1)
    return serve(settings)


def _gpu_present() -> bool:
    """An NVIDIA device node, without importing torch in the server process."""
    return any(Path("/dev").glob("nvidia[0-9]*"))


def serve(settings: Settings) -> int:
    """Run the server until SIGTERM or SIGINT (exit 0) or until the models fail to load (1)."""
    started = time.perf_counter()
    slot = PipelineSlot()
    health_servicer = health.HealthServicer()
    gate = CallGate(settings.max_concurrent_rpcs)
    try:
        server, port = create_server(settings, slot, health_servicer=health_servicer, gate=gate)
    except RuntimeError as error:
        _LOGGER.error("cannot start", extra={"error": str(error)})
        return 1
    server.start()
    _LOGGER.info(
        "listening; loading models",
        extra={"host": settings.host, "port": port, "model_dir": str(settings.model_dir)},
    )
    if settings.metrics_port is not None:
        try:
            metrics_server = metrics.start_metrics_server(settings.metrics_port, settings.host)
        except OSError as error:
            _LOGGER.error("cannot serve metrics", extra={"error": str(error)})
            server.stop(None)
            return 1
        _LOGGER.info("serving metrics", extra={"metrics_port": metrics_server.server_port})
    http_server = _start_http(settings, slot, gate)
    if settings.http_port is not None and http_server is None:
        server.stop(None)
        return 1

    stop = threading.Event()
    failed = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        _LOGGER.info("signal received", extra={"signal": signal.Signals(signum).name})
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, on_signal)

    def lanes_changed(running: int) -> None:
        # A worker being replaced is out of rotation; with none left, readiness fails too.
        if not stop.is_set():
            set_serving(health_servicer, running > 0)

    pipelines: list[MicroBatcher] = []

    def load() -> None:
        try:
            pipeline, report = load_pipeline(settings, on_lanes_changed=lanes_changed)
        except ModelLoadError as error:
            _LOGGER.error("cannot load models", extra={"error": str(error)})
            failed.set()
            stop.set()
            return
        pipelines.append(pipeline)
        slot.fill(pipeline)
        metrics.record_models_loaded(
            load_seconds=report.model_seconds,
            engine_version=ENGINE_VERSION,
            stanza_version=pipeline.info.stanza_version,
            model_package=pipeline.info.package,
        )
        if stop.is_set():
            return
        set_serving(health_servicer, True)
        _LOGGER.info(
            "serving",
            extra={
                "port": port,
                "workers": settings.workers,
                "torch_threads": settings.threads_per_worker,
                "startup_seconds": round(time.perf_counter() - started, 3),
                "model_load_seconds": round(report.model_seconds, 3),
                "lexicon_load_seconds": round(report.lexicon_seconds, 3),
                "warm_up_seconds": round(report.warm_up_seconds, 3),
                "peak_rss_mib": round(_peak_rss_mib(), 1),
                "stanza_version": pipeline.info.stanza_version,
                "model_package": pipeline.info.package,
            },
        )

    # Not a daemon: a signal during loading lets the load finish before the process exits
    # (tearing down torch under a running load aborts the interpreter).
    loader = threading.Thread(target=load, name="quoteattr-load")
    loader.start()
    # Poll rather than block in Event.wait: a signal handler that sets the event while this
    # thread holds the event's lock inside wait() would deadlock.
    while not stop.is_set():
        time.sleep(_POLL_SECONDS)

    _LOGGER.info("draining", extra={"grace_seconds": settings.grace_seconds})
    drain(server, health_servicer, settings.grace_seconds, gate)
    if http_server is not None:
        http_server.stop()
    loader.join()  # a signal during loading: let the workers finish loading, then stop them
    for pipeline in pipelines:
        pipeline.close()
    _LOGGER.info("stopped")
    return 1 if failed.is_set() else 0


def _start_http(settings: Settings, slot: PipelineSlot, gate: CallGate) -> HttpServer | None:
    """The HTTP/JSON endpoint, serving through the gRPC servicer's own logic: the same pipeline
    slot, limits and call gate (so the call limit and the drain count both kinds of call)."""
    if settings.http_port is None:
        return None
    servicer = QuoteAttributionServicer(
        slot, Limits(settings.max_text_chars, settings.max_text_words), gate=gate
    )
    http_server = HttpServer(servicer, settings, settings.http_port)
    try:
        port = http_server.start()
    except (OSError, RuntimeError) as error:
        _LOGGER.error("cannot serve HTTP", extra={"error": str(error)})
        return None
    _LOGGER.info("serving HTTP", extra={"http_port": port})
    return http_server


def load_pipeline(
    settings: Settings, *, on_lanes_changed: Callable[[int], None] | None = None
) -> tuple[MicroBatcher, LoadReport]:
    """The micro-batcher over `settings.workers` worker processes (each loads the models), or
    over models loaded in this process when `settings.workers` is 0.

    Raises:
        ModelLoadError: the models cannot be loaded.
    """
    threads = settings.threads_per_worker
    if settings.workers == 0:
        models, report = load_models(
            settings.model_dir, torch_threads=threads, device=settings.device
        )
        return in_process_batcher(models, settings), report
    config = WorkerConfig(
        settings.model_dir,
        torch_threads=threads,
        log_level=settings.log_level,
        device=settings.device,
    )
    workers, reports = start_workers(config, settings.workers, timeout=_LOAD_SECONDS)
    pipeline = MicroBatcher(
        workers,
        max_wait=settings.batch_wait_ms / 1000,
        max_words=settings.batch_max_words,
        max_queue=settings.max_queue,
        on_lanes_changed=on_lanes_changed,
    )
    # The workers loaded side by side: the slowest of them is the start-up's cost.
    return pipeline, max(reports, key=lambda report: report.model_seconds + report.warm_up_seconds)


def _peak_rss_mib() -> float:
    """Peak resident memory of this process (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
