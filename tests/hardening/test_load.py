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
from quoteattr_server.settings import default_model_dir
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


def launch(model_dir: Path, log_dir: Path, *flags: str) -> ServerProcess:
    """Start `quoteattr-server` on a free loopback port with extra flags, logging to a file in
    `log_dir`; wait until it is SERVING."""
    script = Path(sys.executable).parent / "quoteattr-server"
    port = free_port()
    log = log_dir / f"server-{port}.log"
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
    try:
        _wait_serving(server)
    except BaseException:
        server.process.kill()
        raise
    return server


@pytest.fixture
def server_process(model_dir: Path, tmp_path: Path) -> Iterator[StartProcess]:
    """Start `quoteattr-server` with extra flags and wait until it is SERVING."""
    started: list[ServerProcess] = []

    def start(*flags: str) -> ServerProcess:
        server = launch(model_dir, tmp_path, *flags)
        started.append(server)
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


# --- faults: overload, dying workers, shutdown within the grace ------------------------------
# One server for the three tests below, in this order (the last one stops it): two workers,
# the limits of the overload target, a grace of 2 s.

GRACE = 2.0
# How long a server started for a test may take to spawn its first worker.
STARTUP_WAIT = 30.0
FAULT_FLAGS = (
    *("--workers", "2", "--torch-threads", "1"),
    *("--max-concurrent-rpcs", "8", "--max-queue", "4", "--grace", str(GRACE)),
)


@pytest.fixture(scope="module")
def fault_server(
    model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    server = launch(model_dir, tmp_path_factory.mktemp("faults"), *FAULT_FLAGS)
    yield server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


def news_article(document_id: str, words: int, chooser: random.Random) -> Document:
    """An invented article of about `words` words: quotes, reported speech and narrative."""
    sentences: list[str] = []
    count = 0
    while count < words:
        speaker, place = chooser.choice(SPEAKERS), chooser.choice(PLACES)
        number = chooser.randint(2, 90)
        sentence = chooser.choice(
            [
                f'"The {place} will reopen in the spring," said Mayor {speaker}.',
                f"{speaker} told reporters that the {place} budget had grown by {number} percent.",
                f"The council discussed the {place} again and heard from {number} residents "
                "who live near it.",
            ]
        )
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[n : n + 3]) for n in range(0, len(sentences), 3)]
    return Document(document_id, "\n".join(paragraphs), None)


@dataclass
class OverloadFigures:
    calls: int
    failures: Counter[str]
    attempts: int  # Attribute calls the server logged, refusals included
    seconds: float

    @property
    def attempts_per_call(self) -> float:
        return self.attempts / self.calls

    def __str__(self) -> str:
        return (
            f"{self.calls} calls, {sum(self.failures.values())} failed {dict(self.failures)}, "
            f"{self.attempts} attempts seen by the server ({self.attempts_per_call:.2f} per "
            f"call), {self.seconds:.1f} s"
        )


def overload(
    server: ServerProcess, *, clients: int, documents: int, words: int, timeout: float = 120.0
) -> OverloadFigures:
    """`clients` threads, each with its own default `QuoteAttributionClient`, each sending
    `documents` articles of about `words` words one after another."""
    from quoteattr_client import QuoteAttrError, QuoteAttributionClient

    before = _attribute_calls(server)
    failures: Counter[str] = Counter()
    lock = threading.Lock()

    def client(number: int) -> None:
        chooser = random.Random(number)
        with QuoteAttributionClient(server.address, timeout=timeout) as attributor:
            for document in range(documents):
                article_ = news_article(f"c{number}-d{document}", words, chooser)
                try:
                    attributor.attribute(article_.text, document_id=article_.document_id)
                except QuoteAttrError as error:
                    with lock:
                        failures[error.code.name] += 1

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for future in [pool.submit(client, number) for number in range(clients)]:
            future.result()
    seconds = time.monotonic() - started
    time.sleep(0.2)  # the last call lines reach the log
    attempts = _attribute_calls(server) - before
    return OverloadFigures(clients * documents, failures, attempts, seconds)


def _attribute_calls(server: ServerProcess) -> int:
    return sum(
        1
        for record in server.log_records()
        if record.get("message") == "call" and str(record.get("method", "")).endswith("/Attribute")
    )


def test_overloaded_server_says_when_to_come_back_and_every_call_gets_through(
    fault_server: ServerProcess,
) -> None:
    # The target (16 clients x 6 articles of 500 words) scaled down to keep `make test` short;
    # `python tests/hardening/test_load.py` runs it whole and prints the figures.
    figures = overload(fault_server, clients=16, documents=3, words=250)
    print(f"overload (16 clients x 3 x 250 words): {figures}")

    assert not figures.failures, figures
    assert figures.attempts_per_call <= 1.5, figures


def test_a_dead_worker_is_noticed_at_once_and_health_fails_only_with_none_left(
    fault_server: ServerProcess,
) -> None:
    first, second = _workers(fault_server)
    lost_before = _count(fault_server, "parser worker lost")

    os.kill(first, signal.SIGKILL)
    killed = time.monotonic()
    _until(lambda: _count(fault_server, "parser worker lost") > lost_before, 5.0, "unnoticed")
    noticed = time.monotonic() - killed
    # One worker is left: still SERVING, and calls are answered.
    assert _health(fault_server) == "SERVING"
    assert run_calls(
        fault_server.address, [Call(article("one-left", 1, random.Random(2)), "normal")], 1
    ) == {"one-left": "OK"}

    os.kill(second, signal.SIGKILL)
    killed_second = time.monotonic()
    _until(lambda: _health(fault_server) == "NOT_SERVING", 5.0, "still SERVING with none left")
    not_serving = time.monotonic() - killed_second
    _until(lambda: _health(fault_server) == "SERVING", START_SECONDS, "never SERVING again")
    back = time.monotonic() - killed_second
    _until(
        lambda: _count(fault_server, "parser worker replaced") == 2, START_SECONDS, "not replaced"
    )
    replace_seconds = [
        r["replace_seconds"]
        for r in fault_server.log_records()
        if r.get("message") == "parser worker replaced"
    ]
    print(
        f"worker death noticed in {noticed:.3f} s; NOT_SERVING {not_serving:.3f} s after the "
        f"last died, SERVING again after {back:.1f} s; replacements took {replace_seconds} s"
    )

    assert noticed < 1.0
    assert not_serving < 1.0
    assert len(_workers(fault_server)) == 2
    assert not {first, second} & set(_workers(fault_server))


def test_sigterm_exits_within_the_grace_and_cuts_the_calls_left_with_unavailable(
    fault_server: ServerProcess,
) -> None:
    workers = _workers(fault_server)
    # Two long articles, one per worker, that take far longer to parse than the grace.
    long_articles = [news_article(f"long-{n}", 10_000, random.Random(n)) for n in range(2)]
    outcomes: dict[str, tuple[str, str]] = {}

    def call(document: Document) -> None:
        with grpc.insecure_channel(fault_server.address) as channel:
            stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
            try:
                stub.Attribute(document.request(), timeout=CALL_SECONDS)
                outcomes[document.document_id] = ("OK", "")
            except grpc.RpcError as error:
                outcomes[document.document_id] = (error.code().name, error.details())

    with ThreadPoolExecutor(max_workers=2) as pool:
        calls = [pool.submit(call, document) for document in long_articles]
        time.sleep(1.5)  # both reach a worker; each takes far longer than this to parse
        signalled = time.monotonic()
        fault_server.process.send_signal(signal.SIGTERM)
        code = fault_server.process.wait(timeout=GRACE + 30)
        exited = time.monotonic() - signalled
        for future in calls:
            future.result(timeout=CALL_SECONDS)
    print(f"SIGTERM to exit: {exited:.2f} s with --grace {GRACE}; calls cut: {outcomes}")

    assert code == 0
    assert exited <= GRACE + 1.0
    assert {status for status, _ in outcomes.values()} == {"UNAVAILABLE"}
    assert all("shutdown grace ran out" in details for _, details in outcomes.values())
    assert not [pid for pid in workers if _alive(pid)]


def test_sigterm_while_the_workers_load_stops_them_within_the_grace(
    model_dir: Path, tmp_path: Path
) -> None:
    script = Path(sys.executable).parent / "quoteattr-server"
    flags = ("--host", "127.0.0.1", "--port", "0", "--models", str(model_dir), *FAULT_FLAGS)
    with (tmp_path / "server.log").open("w") as stderr:
        process = subprocess.Popen([str(script), *flags], stderr=stderr)
    try:
        # Signal once the first worker is spawned (after the server set its handlers), while
        # the workers load, which takes several seconds; a fixed wait raced the server's own
        # start-up on a loaded machine.
        workers: list[int] = []
        deadline = time.monotonic() + STARTUP_WAIT
        while not workers and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = [pid for pid in _children(process.pid) if _is_worker(pid)]
        signalled = time.monotonic()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=GRACE + 30)
        exited = time.monotonic() - signalled
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    print(f"SIGTERM while loading: exit after {exited:.2f} s")

    assert code == 0
    assert exited <= GRACE + 1.0
    assert workers
    assert not [pid for pid in workers if _alive(pid)]


def _workers(server: ServerProcess) -> list[int]:
    """The server's live worker processes, found by their parent: a replacement's spawning
    thread has ended, so /proc's per-thread children lists may not show it."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(stat.parent.name)
        if parent == server.process.pid and _is_worker(pid) and _alive(pid):
            found.append(pid)
    return found


def _count(server: ServerProcess, message: str) -> int:
    return sum(1 for record in server.log_records() if record.get("message") == message)


def _health(server: ServerProcess) -> str:
    with grpc.insecure_channel(server.address) as channel:
        try:
            response = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=SERVICE_NAME), timeout=2
            )
        except grpc.RpcError as error:
            return str(error.code().name)
    return str(health_pb2.HealthCheckResponse.ServingStatus.Name(response.status))


def _until(condition: Callable[[], bool], seconds: float, failure: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(failure)
        time.sleep(0.02)


def main() -> None:
    """The overload target in full: 16 clients x 6 articles of ~500 words against
    `--max-concurrent-rpcs 8 --max-queue 4` (two workers), 120 s deadline; prints the figures."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument(
        "--models",
        type=Path,
        default=default_model_dir(),
    )
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--documents", type=int, default=6)
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as logs:
        server = launch(args.models, Path(logs), *FAULT_FLAGS)
        try:
            figures = overload(
                server, clients=args.clients, documents=args.documents, words=args.words
            )
        finally:
            server.terminate(timeout=30)
        refusals = [r for r in server.log_records() if r.get("message") == "call refused"]
    delays = sorted(float(r["retry_after_seconds"]) for r in refusals) or [0.0]
    print(
        f"refusals by reason: {dict(Counter(r['reason'] for r in refusals))}; delays given: "
        f"min {delays[0]} s, median {delays[len(delays) // 2]} s, max {delays[-1]} s"
    )
    print(
        f"overload ({args.clients} clients x {args.documents} articles of ~{args.words} words, "
        f"--max-concurrent-rpcs 8 --max-queue 4, 2 workers): {figures}"
    )


if __name__ == "__main__":
    main()
