"""Load and shutdown, against the real `quoteattr-server` with a parser worker process.

The load test sends 200 calls from 16 concurrent clients: documents of mixed sizes (and a few of
the odd inputs), some with a deadline too short to meet, some cancelled while they wait. Every
call must end with its result or the status its caller asked for, the server must log no error,
its memory must come back near where it was, and it must still answer correctly.

The shutdown test sends SIGTERM in the middle of such a load and counts: every call ends with a
result or UNAVAILABLE (refused once the drain began), and every result is the server's one and
only answer to that document.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_server.transport.server import SERVICE_NAME

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class ServerProcess:
    """`quoteattr-server` running in a process of its own, with its log file."""

    process: subprocess.Popen[bytes]
    address: str
    log: Path

    def log_records(self) -> list[dict[str, Any]]:
        records = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            try:
                records.append(json.loads(line))
            except ValueError:
                continue  # a line of gRPC's own, not ours
        return records

    def rss_mib(self) -> float:
        """Resident memory now of the server and its parser workers, together."""
        return sum(_vm_rss_mib(pid) for pid in [self.process.pid, *_children(self.process.pid)])

    def terminate(self, timeout: float) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)


def _vm_rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
    return found


StartProcess = Callable[..., ServerProcess]
START_SECONDS = 120.0


@pytest.fixture
def server_process(model_dir: Path, tmp_path: Path) -> Iterator[StartProcess]:
    """Start `quoteattr-server` with extra flags and wait until it is SERVING."""
    started: list[ServerProcess] = []

    def start(*flags: str) -> ServerProcess:
        script = Path(sys.executable).parent / "quoteattr-server"
        port = free_port()
        log = tmp_path / f"server-{port}.log"
        with log.open("w") as stderr:
            process = subprocess.Popen(
                [
                    str(script),
                    *("--host", "127.0.0.1", "--port", str(port), "--models", str(model_dir)),
                    *flags,
                ],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                env={**os.environ, "QUOTEATTR_LOG_LEVEL": "INFO"},
            )
        server = ServerProcess(process, f"127.0.0.1:{port}", log)
        started.append(server)
        _wait_serving(server)
        return server

    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


def _wait_serving(server: ServerProcess) -> None:
    deadline = time.monotonic() + START_SECONDS
    with grpc.insecure_channel(server.address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                pytest.fail(f"the server exited: {server.log.read_text()[-2000:]}")
            try:
                status = health.Check(
                    health_pb2.HealthCheckRequest(service=SERVICE_NAME), timeout=1
                ).status
            except grpc.RpcError:
                status = None
            if status == health_pb2.HealthCheckResponse.SERVING:
                return
            time.sleep(0.05)
    pytest.fail(f"not SERVING after {START_SECONDS} s")


# --- documents -------------------------------------------------------------------------------

SPEAKERS = ["Ana Kovac", "Tomas Brandt", "Lena Okafor", "Piet Varga", "Rosa Ilic"]
PLACES = ["bridge", "harbour", "library", "hospital", "stadium", "market"]


@dataclass(frozen=True)
class Document:
    document_id: str
    text: str
    speaker: str | None  # who the first direct quote is by; None: not checked

    def request(self) -> pb.AttributeRequest:
        return pb.AttributeRequest(document_id=self.document_id, text=self.text)


def article(document_id: str, filler_sentences: int, chooser: random.Random) -> Document:
    """An invented article: a quote by a known speaker, then filler sentences."""
    speaker = chooser.choice(SPEAKERS)
    place = chooser.choice(PLACES)
    lines = [f'"The {place} will reopen in the spring," said Mayor {speaker}.']
    for number in range(filler_sentences):
        lines.append(
            f"The council met on day {number + 1} and discussed the {chooser.choice(PLACES)} "
            f"budget, which has grown by {chooser.randint(2, 40)} percent this year."
        )
    return Document(document_id, "\n".join(lines), speaker)


ODD = [
    'The\x00 budget\x1b grew.\x0c\n"We will win," said Mayor Ana Kovac.',
    '<p>"We will win," said <b>Mayor Ana Kovac</b>.</p>',
    '"' * 400 + '\n"We will win," said Mayor Ana Kovac.',
    '\u5e02\u957f\u8bb2\u8bdd\u4e86\u3002 \U0001f600\n"We will win," said Mayor Ana Kovac.',
]


def odd_document(document_id: str, chooser: random.Random) -> Document:
    return Document(document_id, chooser.choice(ODD), None)


SIZES = {"tiny": 0, "small": 4, "medium": 16, "large": 50}


# --- load ------------------------------------------------------------------------------------

CALL_SECONDS = 120.0


@dataclass(frozen=True)
class Call:
    document: Document
    mode: str  # "normal", "tiny-deadline" or "cancelled"


def load_plan(seed: int = 11) -> list[Call]:
    """200 calls: 160 normal of mixed sizes and odd inputs, 20 with a 1 ms deadline, 20
    cancelled while they wait."""
    chooser = random.Random(seed)
    calls: list[Call] = []
    sizes = ["tiny"] * 90 + ["small"] * 40 + ["medium"] * 20 + ["large"] * 5 + ["odd"] * 5
    for number, size in enumerate(sizes):
        document_id = f"n{number}-{size}"
        document = (
            odd_document(document_id, chooser)
            if size == "odd"
            else article(document_id, SIZES[size], chooser)
        )
        calls.append(Call(document, "normal"))
    for number in range(20):
        calls.append(Call(article(f"d{number}", 0, chooser), "tiny-deadline"))
        calls.append(Call(article(f"c{number}", SIZES["medium"], chooser), "cancelled"))
    chooser.shuffle(calls)
    return calls


def run_calls(address: str, calls: list[Call], clients: int) -> dict[str, str]:
    """Make every call from `clients` threads (a channel each); the status name of each."""
    outcomes: dict[str, str] = {}
    lock = threading.Lock()
    pending = iter(calls)
    chooser = random.Random(5)

    def client() -> None:
        with grpc.insecure_channel(address) as channel:
            stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
            while True:
                with lock:
                    call = next(pending, None)
                    delay = chooser.uniform(0.0, 0.1)
                if call is None:
                    return
                status = _make(stub, call, delay)
                with lock:
                    assert call.document.document_id not in outcomes
                    outcomes[call.document.document_id] = status

    with ThreadPoolExecutor(max_workers=clients) as pool:
        for future in [pool.submit(client) for _ in range(clients)]:
            future.result()
    return outcomes


def _make(stub: quoteattr_pb2_grpc.QuoteAttributionStub, call: Call, delay: float) -> str:
    """One call; its status name, or `WRONG: ...` when an answer is not the expected one."""
    timeout = 0.001 if call.mode == "tiny-deadline" else CALL_SECONDS
    future = stub.Attribute.future(call.document.request(), timeout=timeout)
    if call.mode == "cancelled":
        time.sleep(delay)
        future.cancel()
    try:
        response = future.result()
    except grpc.FutureCancelledError:
        return "CANCELLED"
    except grpc.RpcError as error:
        return str(error.code().name)
    return _check(call.document, response)


def _check(document: Document, response: pb.AttributeResponse) -> str:
    if response.document_id != document.document_id:
        return f"WRONG: answered as {response.document_id!r}"
    for quote in response.quotes:
        if document.text[quote.span.start : quote.span.end] != quote.text:
            return f"WRONG: offsets [{quote.span.start}, {quote.span.end})"
    if document.speaker is not None:
        names = {s.id: s.name for s in response.speakers}
        direct = [q for q in response.quotes if q.kind == pb.QUOTE_KIND_DIRECT]
        if not direct or names.get(direct[0].speaker_id) != document.speaker:
            return f"WRONG: speaker of {document.document_id}"
    return "OK"


EXPECTED = {
    "normal": {"OK"},
    "tiny-deadline": {"DEADLINE_EXCEEDED"},
    "cancelled": {"OK", "CANCELLED"},
}


def test_load_mixed_sizes_deadlines_and_cancellations(server_process: StartProcess) -> None:
    server = server_process("--workers", "2", "--torch-threads", "1", "--max-queue", "256")
    warm_up = [
        Call(article(f"w{n}-{size}", words, random.Random(n)), "normal")
        for n, (size, words) in enumerate(list(SIZES.items()) * 2)
    ]
    warm_up += [Call(odd_document(f"w-odd-{n}", random.Random(n)), "normal") for n in range(4)]
    assert set(run_calls(server.address, warm_up, clients=2).values()) == {"OK"}
    baseline = server.rss_mib()
    calls = load_plan()

    outcomes = run_calls(server.address, calls, clients=16)

    assert len(outcomes) == len(calls) == 200
    unexpected = {
        call.document.document_id: (call.mode, outcomes[call.document.document_id])
        for call in calls
        if outcomes[call.document.document_id] not in EXPECTED[call.mode]
    }
    assert not unexpected, unexpected
    assert Counter(outcomes.values())["CANCELLED"] >= 1  # the cancellations did reach calls
    records = server.log_records()
    assert [r for r in records if r.get("level") in {"ERROR", "CRITICAL"}] == []
    attributed = {r["document_id"] for r in records if r.get("message") == "attributed"}
    deadline_ids = {c.document.document_id for c in calls if c.mode == "tiny-deadline"}
    assert not attributed & deadline_ids  # abandoned, never answered
    # The queues are empty again and the memory with them, near where it was after warm-up.
    assert server.rss_mib() <= baseline * 1.25 + 100, (baseline, server.rss_mib())
    assert run_calls(
        server.address, [Call(article("after", 2, random.Random(1)), "normal")], 1
    ) == {"after": "OK"}


# --- shutdown under load ---------------------------------------------------------------------


def test_sigterm_under_load_answers_every_call_once(server_process: StartProcess) -> None:
    server = server_process("--workers", "1", "--torch-threads", "1", "--grace", "30")
    workers = [pid for pid in _children(server.process.pid) if _is_worker(pid)]
    chooser = random.Random(3)
    documents = iter(article(f"s{n}", chooser.choice([0, 0, 2, 4]), chooser) for n in range(10_000))
    lock = threading.Lock()
    answered = threading.Condition(lock)
    outcomes: dict[str, tuple[str, float, float]] = {}  # id -> (status, started, ended)

    def client() -> None:
        with grpc.insecure_channel(server.address) as channel:
            stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
            while True:
                with lock:
                    document = next(documents)
                started = time.monotonic()
                try:
                    response = stub.Attribute(document.request(), timeout=CALL_SECONDS)
                    status = _check(document, response)
                except grpc.RpcError as error:
                    status = str(error.code().name)
                with answered:
                    outcomes[document.document_id] = (status, started, time.monotonic())
                    answered.notify_all()
                if status != "OK":
                    return  # refused: the server is draining

    with ThreadPoolExecutor(max_workers=16) as pool:
        clients = [pool.submit(client) for _ in range(16)]
        with answered:
            assert answered.wait_for(lambda: len(outcomes) >= 40, timeout=CALL_SECONDS)
        terminated = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        for future in clients:
            future.result(timeout=CALL_SECONDS)
    assert server.process.wait(timeout=45) == 0

    records = server.log_records()
    handled = {r.get("document_id") for r in records if r.get("message") == "call"}
    statuses = Counter(status for status, _, _ in outcomes.values())
    assert set(statuses) <= {"OK", "UNAVAILABLE", "CANCELLED"}, statuses
    # Each client ended on a refusal, nothing hung: UNAVAILABLE from the draining servicer,
    # or, for a call sent as gRPC stopped and never begun, gRPC's own CANCELLED.
    assert statuses["UNAVAILABLE"] + statuses["CANCELLED"] == 16
    cancelled = [
        (doc_id, started > terminated, doc_id in handled)
        for doc_id, (status, started, _) in outcomes.items()
        if status == "CANCELLED"
    ]
    assert all(late and not seen for _, late, seen in cancelled), cancelled
    in_flight = [s for s, started, ended in outcomes.values() if started < terminated < ended]
    assert "OK" in in_flight  # calls in flight at SIGTERM were finished, not dropped
    logged = Counter(r["document_id"] for r in records if r.get("message") == "attributed")
    ok_ids = {doc_id for doc_id, (status, _, _) in outcomes.items() if status == "OK"}
    assert set(logged) == ok_ids  # every answer the clients got, and nothing else
    assert max(logged.values()) == 1  # none answered twice
    assert any(r.get("message") == "stopped" for r in records)
    assert not [pid for pid in workers if _alive(pid)]  # the workers went with it


def _is_worker(pid: int) -> bool:
    try:
        return b"multiprocessing.spawn" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}
