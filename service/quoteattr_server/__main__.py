"""quoteattr-server: flags and environment -> Settings, build the server, serve until a signal.

Start-up order: listen at once with health NOT_SERVING (so probes get an answer, not a refused
connection), load the models and warm them up in the background, then report SERVING. SIGTERM
or SIGINT reports NOT_SERVING, refuses new calls and gives calls in flight the grace period.
"""

from __future__ import annotations

import argparse
import logging
import resource
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from grpc_health.v1 import health

from quoteattr_server import __version__
from quoteattr_server.logs import configure_logging
from quoteattr_server.models import ModelSlot, load_models
from quoteattr_server.nlp.pipeline import ModelLoadError
from quoteattr_server.settings import Settings
from quoteattr_server.transport.server import create_server, drain, set_serving

_LOGGER = logging.getLogger("quoteattr_server")
_POLL_SECONDS = 0.1


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
        "--max-workers", type=int, help="threads serving calls (QUOTEATTR_MAX_WORKERS, default 8)"
    )
    parser.add_argument("--log-level", help="DEBUG, INFO, WARNING, ERROR (QUOTEATTR_LOG_LEVEL)")
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
    return serve(settings)


def serve(settings: Settings) -> int:
    """Run the server until SIGTERM or SIGINT (exit 0) or until the models fail to load (1)."""
    started = time.perf_counter()
    slot = ModelSlot()
    health_servicer = health.HealthServicer()
    try:
        server, port = create_server(settings, slot, health_servicer=health_servicer)
    except RuntimeError as error:
        _LOGGER.error("cannot start", extra={"error": str(error)})
        return 1
    server.start()
    _LOGGER.info(
        "listening; loading models",
        extra={"host": settings.host, "port": port, "model_dir": str(settings.model_dir)},
    )

    stop = threading.Event()
    failed = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        _LOGGER.info("signal received", extra={"signal": signal.Signals(signum).name})
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, on_signal)

    def load() -> None:
        try:
            models, report = load_models(settings.model_dir)
        except ModelLoadError as error:
            _LOGGER.error("cannot load models", extra={"error": str(error)})
            failed.set()
            stop.set()
            return
        slot.fill(models)
        if stop.is_set():
            return
        set_serving(health_servicer, True)
        _LOGGER.info(
            "serving",
            extra={
                "port": port,
                "startup_seconds": round(time.perf_counter() - started, 3),
                "model_load_seconds": round(report.model_seconds, 3),
                "lexicon_load_seconds": round(report.lexicon_seconds, 3),
                "warm_up_seconds": round(report.warm_up_seconds, 3),
                "peak_rss_mib": round(_peak_rss_mib(), 1),
                "stanza_version": models.parser.info.stanza_version,
                "model_package": models.parser.info.package,
            },
        )

    # Not a daemon: a signal during loading lets the load finish before the process exits
    # (tearing down torch under a running load aborts the interpreter).
    threading.Thread(target=load, name="quoteattr-load").start()
    # Poll rather than block in Event.wait: a signal handler that sets the event while this
    # thread holds the event's lock inside wait() would deadlock.
    while not stop.is_set():
        time.sleep(_POLL_SECONDS)

    _LOGGER.info("draining", extra={"grace_seconds": settings.grace_seconds})
    drain(server, health_servicer, settings.grace_seconds)
    _LOGGER.info("stopped")
    return 1 if failed.is_set() else 0


def _peak_rss_mib() -> float:
    """Peak resident memory of this process (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
