"""Prometheus metrics: calls through a real server move the scraped series by what they did."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIServer

import grpc
import pytest
from prometheus_client.parser import text_string_to_metric_families

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_server import metrics
from quoteattr_server.engine import ENGINE_VERSION

SERVICE = "quoteattr.v1.QuoteAttribution"
KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'
STREAMED = (
    '"We will appeal the ruling," Tomas Brandt told reporters on Friday.',
    'Dr. Lena Okafor said: "The wards are full, and the staff are tired."',
    "The harbour master said the ferries would run again on Monday.",
)


@pytest.fixture(scope="module")
def metrics_url() -> Iterator[str]:
    server: WSGIServer = metrics.start_metrics_server(0, "127.0.0.1")
    yield f"http://127.0.0.1:{server.server_port}/metrics"
    server.shutdown()
    server.server_close()


def scrape(url: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of the endpoint, keyed by name and labels."""
    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode("utf-8")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def wait_until_idle(url: str) -> None:
    """Calls of earlier tests may still be ending; start counting once none is in flight."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        samples = scrape(url)
        if sum(v for (name, _), v in samples.items() if name == "quoteattr_rpc_in_flight") == 0:
            return
        time.sleep(0.05)
    pytest.fail("calls were still in flight 30 s later")


def test_calls_latency_documents_and_words_move_by_what_was_served(
    server_address: str, metrics_url: str
) -> None:
    wait_until_idle(metrics_url)
    before = scrape(metrics_url)

    with grpc.insecure_channel(server_address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        for document_id in ("one", "two"):
            stub.Attribute(pb.AttributeRequest(document_id=document_id, text=KOVAC), timeout=30)
        with pytest.raises(grpc.RpcError) as rejected:
            stub.Attribute(pb.AttributeRequest(document_id="blank", text="  \n"), timeout=30)
        assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        requests = (pb.AttributeRequest(document_id=str(i), text=t) for i, t in enumerate(STREAMED))
        assert len(list(stub.AttributeStream(requests, timeout=60))) == len(STREAMED)

    after = scrape(metrics_url)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    calls = "quoteattr_rpc_calls_total"
    assert moved(calls, service=SERVICE, method="Attribute", code="OK") == 2
    assert moved(calls, service=SERVICE, method="Attribute", code="INVALID_ARGUMENT") == 1
    assert moved(calls, service=SERVICE, method="AttributeStream", code="OK") == 1
    latency = "quoteattr_rpc_duration_seconds"
    assert moved(f"{latency}_count", service=SERVICE, method="Attribute") == 3
    assert moved(f"{latency}_count", service=SERVICE, method="AttributeStream") == 1
    assert moved(f"{latency}_sum", service=SERVICE, method="AttributeStream") > 0
    # Every call is at most as slow as the largest finite bucket, so +Inf and 300 s agree.
    assert moved(f"{latency}_bucket", service=SERVICE, method="Attribute", le="+Inf") == 3
    assert moved("quoteattr_documents_parsed_total") == 2 + len(STREAMED)
    words = 2 * len(KOVAC.split()) + sum(len(text.split()) for text in STREAMED)
    assert moved("quoteattr_words_parsed_total") == words
    assert value(after, "quoteattr_rpc_in_flight", service=SERVICE, method="Attribute") == 0


def test_health_checks_are_counted_under_their_own_service(
    server_address: str, metrics_url: str
) -> None:
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    wait_until_idle(metrics_url)
    labels = {"service": "grpc.health.v1.Health", "method": "Check", "code": "OK"}
    before = value(scrape(metrics_url), "quoteattr_rpc_calls_total", **labels)
    with grpc.insecure_channel(server_address) as channel:
        health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)

    assert value(scrape(metrics_url), "quoteattr_rpc_calls_total", **labels) == before + 1


def test_batch_size_queue_depth_and_build_info_are_exposed(metrics_url: str) -> None:
    before = value(scrape(metrics_url), "quoteattr_parser_batch_size_count")
    metrics.observe_parser_batch(3)
    metrics.QUEUE_DEPTH.set(2)
    metrics.record_models_loaded(
        load_seconds=1.5, engine_version="9.9.9", stanza_version="1.15.0", model_package="x"
    )
    try:
        samples = scrape(metrics_url)
    finally:
        metrics.QUEUE_DEPTH.set(0)

    assert value(samples, "quoteattr_parser_batch_size_count") == before + 1
    assert value(samples, "quoteattr_queue_depth") == 2
    assert value(samples, "quoteattr_model_load_seconds") == 1.5
    build = [labels for (name, labels), _ in samples.items() if name == "quoteattr_build_info"]
    assert [dict(labels)["engine_version"] for labels in build] == ["9.9.9"]


@pytest.mark.slow
def test_server_flag_serves_build_info_and_model_load_time(model_dir: Path, tmp_path: Path) -> None:
    """`quoteattr-server --metrics-port 0` logs the port it got and serves the real versions."""
    log = tmp_path / "server.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "quoteattr_server"),
                *("--host", "127.0.0.1", "--port", "0", "--metrics-port", "0"),
                *("--models", str(model_dir)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        port = _metrics_port_once_serving(process, log, timeout=120)
        samples = scrape(f"http://127.0.0.1:{port}/metrics")
    finally:
        process.terminate()
        process.wait(timeout=30)

    [labels] = [
        dict(labels) for (name, labels), _ in samples.items() if name == "quoteattr_build_info"
    ]
    assert labels["engine_version"] == ENGINE_VERSION
    assert labels["stanza_version"].startswith("1.")
    assert labels["model_package"]
    assert value(samples, "quoteattr_model_load_seconds") > 0
    assert value(samples, "process_resident_memory_bytes") > 0


def _metrics_port_once_serving(
    process: subprocess.Popen[bytes], log: Path, *, timeout: float
) -> str:
    """The metrics port the server logged, once its log says `serving`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = log.read_text(encoding="utf-8")
        if '"event": "serving"' in lines:
            found = re.search(r'"metrics_port": (\d+)', lines)
            assert found is not None, "the server logged no metrics_port"
            return found.group(1)
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}: {lines}")
        time.sleep(0.1)
    pytest.fail(f"the server was not serving after {timeout} s")
