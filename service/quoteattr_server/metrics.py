"""metrics: the server's Prometheus metrics, and the HTTP endpoint that serves them.

The metrics live in prometheus_client's default registry (beside its process and platform
collectors: resident memory, CPU seconds, open files), so every part of the server records into
the same objects by importing them from here:

- the call interceptor (`transport.interceptors`) counts calls by method and status code, times
  them, and counts the documents and words of every article answered;
- the parse path reports each parser call's batch size with `observe_parser_batch` and the
  documents waiting for the parser through `QUEUE_DEPTH`;
- start-up records the model load time and the build information once the models are loaded;
- the parser worker processes register their pids (`watch_worker`), and their resident memory
  is read from /proc at each scrape (`process_resident_memory_bytes` covers only the server).

`start_metrics_server(port)` serves them as text on `http://HOST:PORT/metrics` (any path).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from wsgiref.simple_server import WSGIServer

from prometheus_client import REGISTRY, Counter, Gauge, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from quoteattr_server import __version__

# Calls range from a health check (microseconds) to a stream of a whole archive (minutes).
_CALL_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128)

CALLS = Counter(
    "quoteattr_rpc_calls",
    "gRPC calls finished, by service, method and status code",
    ["service", "method", "code"],
)
CALL_SECONDS = Histogram(
    "quoteattr_rpc_duration_seconds",
    "Time from the start of a gRPC call to its status (a stream: all of its documents)",
    ["service", "method"],
    buckets=_CALL_BUCKETS,
)
CALLS_IN_FLIGHT = Gauge(
    "quoteattr_rpc_in_flight",
    "gRPC calls started and not yet finished, by service and method",
    ["service", "method"],
)
DOCUMENTS = Counter("quoteattr_documents_parsed", "Articles parsed and attributed")
WORDS = Counter(
    "quoteattr_words_parsed", "Whitespace-separated words of the articles parsed and attributed"
)
PARSER_BATCH_SIZE = Histogram(
    "quoteattr_parser_batch_size",
    "Articles handed to the parser in one call (micro-batches)",
    buckets=_BATCH_BUCKETS,
)
QUEUE_DEPTH = Gauge("quoteattr_queue_depth", "Articles received and waiting for the parser")
MODEL_LOAD_SECONDS = Gauge(
    "quoteattr_model_load_seconds", "Seconds spent loading the Stanza models at start-up"
)
BUILD_INFO = Gauge(
    "quoteattr_build_info",
    "Always 1; the labels name the server, engine, Stanza and model versions serving",
    ["version", "engine_version", "stanza_version", "model_package"],
)


# Parser worker number -> the pid of its process, while it runs.
_WORKER_PIDS: dict[int, int] = {}


def watch_worker(number: int, pid: int | None) -> None:
    """Export the resident memory of parser worker `number` (process `pid`; None: stopped)."""
    if pid is None:
        _WORKER_PIDS.pop(number, None)
    else:
        _WORKER_PIDS[number] = pid


class _WorkerMemory(Collector):
    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "quoteattr_parser_worker_resident_memory_bytes",
            "Resident memory of each parser worker process, in bytes",
            labels=["worker"],
        )
        for number, pid in sorted(_WORKER_PIDS.items()):
            resident = _resident_bytes(pid)
            if resident is not None:
                family.add_metric([str(number)], resident)
        yield family


def _resident_bytes(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None  # the process has just exited
    return float(pages * os.sysconf("SC_PAGE_SIZE"))


REGISTRY.register(_WorkerMemory())


def observe_document(words: int) -> None:
    """Count one article answered and its words."""
    DOCUMENTS.inc()
    WORDS.inc(words)


def observe_parser_batch(size: int) -> None:
    """Record how many articles one parser call received."""
    PARSER_BATCH_SIZE.observe(size)


def record_models_loaded(
    *, load_seconds: float, engine_version: str, stanza_version: str, model_package: str
) -> None:
    """Publish the model load time and the build-info labels once the models are loaded."""
    MODEL_LOAD_SECONDS.set(load_seconds)
    BUILD_INFO.clear()  # one series only, even if the models were ever loaded twice
    BUILD_INFO.labels(
        version=__version__,
        engine_version=engine_version,
        stanza_version=stanza_version,
        model_package=model_package,
    ).set(1)


def start_metrics_server(port: int, host: str = "[::]") -> WSGIServer:
    """Serve the metrics over HTTP on `host:port` from a daemon thread.

    `host` is written as for the gRPC server (`[::]`, `0.0.0.0`, `127.0.0.1`); `port` 0 picks a
    free one (the returned server's `server_port`). `shutdown()` stops it.

    Raises:
        OSError: the address cannot be bound.
    """
    server, _thread = start_http_server(port, addr=host.removeprefix("[").removesuffix("]"))
    return server
