"""quoteattr-server: flags and environment -> Settings, build the server, serve until a signal.

Start-up order: listen at once with health NOT_SERVING (so probes get an answer, not a refused
connection), start the parser worker processes (each loads and warms up the models, side by
side), then report SERVING. SIGTERM or SIGINT reports NOT_SERVING, refuses new calls
(UNAVAILABLE) and gives calls in flight the grace period; calls still running when it ends are
cut with UNAVAILABLE ("the server stopped before this document was answered ..."), the workers
are stopped (killed if they do not exit at once), and the process exits: all within the grace
plus one second (`SHUTDOWN_MARGIN`). A signal while the workers load stops them too.
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

from quoteattr_server import __version__, metrics
from quoteattr_server.engine import ENGINE_VERSION
from quoteattr_server.http import HttpServer
from quoteattr_server.logs import configure_logging
from quoteattr_server.models import LoadReport, load_models
from quoteattr_server.nlp.batcher import InProcessRunner, MicroBatcher, make_batcher
from quoteattr_server.nlp.pipeline import ModelLoadError
from quoteattr_server.nlp.workers import WorkerConfig, start_workers
from quoteattr_server.settings import Settings
from quoteattr_server.transport.server import PipelineSlot, Server, create_server
from quoteattr_server.transport.servicer import CallGate, QuoteAttributionServicer
from quoteattr_server.transport.validation import Limits

_LOGGER = logging.getLogger("quoteattr_server")
_POLL_SECONDS = 0.1
# A worker that has not loaded its models by then is taken for stuck: start-up fails.
_LOAD_SECONDS = 300.0
# After the grace period: the most the cut, the workers' stop and the exit may take.
SHUTDOWN_MARGIN = 1.0
# Once the calls are answered or cut, what gRPC gets to send their last messages.
_STOP_SECONDS = 0.2


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
        help="Stanza resources directory (QUOTEATTR_MODELS, default ../shared/models/stanza-en-cc "
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
    workers_given = args.workers is not None or "QUOTEATTR_WORKERS" in os.environ
    if not workers_given and settings.device != "cpu" and _gpu_present():
        # One GPU: one worker holds the models on it and batches for it; more would only
        # queue for the same device and each take its memory.
        settings = settings.replace(workers=1)
    configure_logging(settings.log_level)
    return serve(settings)


def _gpu_present() -> bool:
    """An NVIDIA device node, without importing torch in the server process."""
    return any(Path("/dev").glob("nvidia[0-9]*"))


def serve(settings: Settings) -> int:
    """Run the server until SIGTERM or SIGINT (exit 0) or until the models fail to load (1)."""
    slot = PipelineSlot()
    try:
        server, port = create_server(settings, slot)
    except RuntimeError as error:
        _LOGGER.error("cannot start", extra={"error": str(error)})
        return 1
    server.start()
    _LOGGER.info(
        "listening; loading models",
        extra={"host": settings.host, "port": port, "model_dir": str(settings.model_dir)},
    )
    if settings.metrics_port is not None and not _serve_metrics(settings):
        server.stop(None)
        return 1
    http_server = _start_http(settings, slot, server.gate)
    if settings.http_port is not None and http_server is None:
        server.stop(None)
        return 1
    life = _Lifecycle(settings, server, slot, http_server)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, life.on_signal)
    return life.run()


def _serve_metrics(settings: Settings) -> bool:
    assert settings.metrics_port is not None
    try:
        metrics_server = metrics.start_metrics_server(settings.metrics_port, settings.host)
    except OSError as error:
        _LOGGER.error("cannot serve metrics", extra={"error": str(error)})
        return False
    _LOGGER.info("serving metrics", extra={"metrics_port": metrics_server.server_port})
    return True


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


class _Lifecycle:
    """Loads the pipeline in the background, serves until a signal, then shuts down within
    the grace period: drain, cut what is left, stop the workers, exit."""

    def __init__(
        self,
        settings: Settings,
        server: Server,
        slot: PipelineSlot,
        http_server: HttpServer | None = None,
    ) -> None:
        self.settings = settings
        self.server = server
        self.slot = slot
        self.http_server = http_server
        self.started = time.perf_counter()
        self.stop = threading.Event()
        self.failed = threading.Event()
        self.signaled: float | None = None  # time.monotonic() of the first signal
        self._lock = threading.Lock()
        self._pipelines: list[MicroBatcher] = []

    def on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.signaled is None:
            self.signaled = time.monotonic()
        _LOGGER.info("signal received", extra={"signal": signal.Signals(signum).name})
        self.stop.set()

    def run(self) -> int:
        # Not a daemon: a signal during an in-process load lets the load finish (tearing down
        # torch under a running load aborts the interpreter), unless the grace runs out first.
        loader = threading.Thread(target=self._load, name="quoteattr-load")
        loader.start()
        # Poll rather than block in Event.wait: a signal handler that sets the event while this
        # thread holds the event's lock inside wait() would deadlock.
        while not self.stop.is_set():
            time.sleep(_POLL_SECONDS)
        return self._shut_down(loader)

    def _lanes_changed(self, running: int) -> None:
        # A worker being replaced is out of rotation; with none left, readiness fails too.
        if not self.stop.is_set():
            self.server.set_serving(running > 0)

    def _load(self) -> None:
        try:
            pipeline, report = load_pipeline(
                self.settings, on_lanes_changed=self._lanes_changed, cancel=self.stop
            )
        except ModelLoadError as error:
            if not self.stop.is_set():
                _LOGGER.error("cannot load models", extra={"error": str(error)})
                self.failed.set()
                self.stop.set()
            return
        with self._lock:
            if self.stop.is_set():  # too late: the server is shutting down
                pipeline.close(timeout=0.0)
                return
            self._pipelines.append(pipeline)
            self.slot.fill(pipeline)
        metrics.record_models_loaded(
            load_seconds=report.model_seconds,
            engine_version=ENGINE_VERSION,
            stanza_version=pipeline.info.stanza_version,
            model_package=pipeline.info.package,
        )
        self.server.set_serving(True)
        self._log_serving(pipeline, report)

    def _log_serving(self, pipeline: MicroBatcher, report: LoadReport) -> None:
        _LOGGER.info(
            "serving",
            extra={
                "port": self.server.port,
                "workers": self.settings.workers,
                "torch_threads": self.settings.threads_per_worker,
                "startup_seconds": round(time.perf_counter() - self.started, 3),
                "model_load_seconds": round(report.model_seconds, 3),
                "lexicon_load_seconds": round(report.lexicon_seconds, 3),
                "warm_up_seconds": round(report.warm_up_seconds, 3),
                "peak_rss_mib": round(_peak_rss_mib(), 1),
                "stanza_version": pipeline.info.stanza_version,
                "model_package": pipeline.info.package,
            },
        )

    def _shut_down(self, loader: threading.Thread) -> int:
        """Drain until the grace ends, then cut the calls left (UNAVAILABLE) and stop the
        workers; the process exits within `grace` + `SHUTDOWN_MARGIN` seconds of the signal."""
        signaled = self.signaled if self.signaled is not None else time.monotonic()
        deadline = signaled + self.settings.grace_seconds
        _LOGGER.info("draining", extra={"grace_seconds": self.settings.grace_seconds})
        if not self.server.drain(deadline):
            _LOGGER.warning(
                "grace period over; cutting the calls still in progress",
                extra={"calls": self.server.gate.calls},
            )
        if self.http_server is not None:  # its calls counted in the drain: none left to wait
            self.http_server.stop()
        with self._lock:
            pipelines = list(self._pipelines)
        for pipeline in pipelines:  # fails what is left (UNAVAILABLE), stops the workers
            pipeline.close(timeout=max(0.0, deadline - time.monotonic()))
        self.server.stop(_STOP_SECONDS).wait(_STOP_SECONDS * 2)
        code = 1 if self.failed.is_set() else 0
        loader.join(max(0.0, deadline + SHUTDOWN_MARGIN / 4 - time.monotonic()))
        seconds = round(time.monotonic() - signaled, 3)
        if loader.is_alive():  # an in-process load cannot be cut short: leave without it
            _LOGGER.warning("stopped with the models still loading", extra={"seconds": seconds})
            logging.shutdown()
            os._exit(code)
        _LOGGER.info("stopped", extra={"shutdown_seconds": seconds})
        return code


def load_pipeline(
    settings: Settings,
    *,
    on_lanes_changed: Callable[[int], None] | None = None,
    cancel: threading.Event | None = None,
) -> tuple[MicroBatcher, LoadReport]:
    """The micro-batcher over `settings.workers` worker processes (each loads the models), or
    over models loaded in this process when `settings.workers` is 0.

    Raises:
        ModelLoadError: the models cannot be loaded, or `cancel` was set while they loaded.
    """
    threads = settings.threads_per_worker
    if settings.workers == 0:
        models, report = load_models(
            settings.model_dir, torch_threads=threads, device=settings.device
        )
        return make_batcher([InProcessRunner(models)], settings), report
    config = WorkerConfig(
        settings.model_dir,
        torch_threads=threads,
        log_level=settings.log_level,
        device=settings.device,
    )
    workers, reports = start_workers(config, settings.workers, timeout=_LOAD_SECONDS, cancel=cancel)
    pipeline = make_batcher(workers, settings, on_lanes_changed=on_lanes_changed)
    # The workers loaded side by side: the slowest of them is the start-up's cost.
    return pipeline, max(reports, key=lambda report: report.model_seconds + report.warm_up_seconds)


def _peak_rss_mib() -> float:
    """Peak resident memory of this process (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
