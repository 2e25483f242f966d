"""`quoteattr-server --http-port 0` as a process with a parser worker: HTTP answers through the
workers, the call is counted like a gRPC one, the worker's memory is exported, and SIGTERM
stops both ports."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'


def _ports_once_serving(process: subprocess.Popen[bytes], log: Path) -> tuple[int, int]:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        lines = log.read_text(encoding="utf-8")
        if '"event": "serving"' in lines:
            http = re.search(r'"http_port": (\d+)', lines)
            metrics = re.search(r'"metrics_port": (\d+)', lines)
            assert http is not None, lines
            assert metrics is not None, lines
            return int(http.group(1)), int(metrics.group(1))
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}: {lines}")
        time.sleep(0.2)
    pytest.fail("the server was not serving after 180 s")


def _sample(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{key}="{value}"' in line for key, value in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no sample {name} {labels}")


def test_http_through_a_worker_process(model_dir: Path, tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "quoteattr_server"),
                *("--host", "127.0.0.1", "--port", "0", "--http-port", "0"),
                *("--metrics-port", "0", "--workers", "1", "--device", "cpu"),
                *("--models", str(model_dir)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        http_port, metrics_port = _ports_once_serving(process, log)
        request = urllib.request.Request(
            f"http://127.0.0.1:{http_port}/v1/attribute",
            data=json.dumps({"text": KOVAC, "document_id": "kovac"}).encode(),
            headers={"Content-Type": "application/json", "X-Request-Id": "http-test-1"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.loads(response.read())
        with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/", timeout=30) as response:
            scraped = response.read().decode()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert answer["speakers"][0]["name"] == "Ana Kovac"
    assert answer["model"]["directory"].startswith(answer["model"]["package"] + "@")
    assert _sample(scraped, "quoteattr_rpc_calls_total", method="Attribute", code="OK") == 1
    worker_memory = _sample(scraped, "quoteattr_parser_worker_resident_memory_bytes", worker="0")
    assert worker_memory > 100 * 2**20  # a Stanza pipeline in memory
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    [call] = [line for line in lines if line.get("event") == "call"]
    assert call["request_id"] == "http-test-1"
    assert call["status"] == "OK"
    with pytest.raises(urllib.error.URLError, match="Connection refused"):
        urllib.request.urlopen(f"http://127.0.0.1:{http_port}/", timeout=5)
