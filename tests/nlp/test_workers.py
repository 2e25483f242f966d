"""Two real parser worker processes behind the batcher: the same results as parsing in-process,
both workers used, a killed worker's batch failed and the worker replaced, and clean stops."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quoteattr_server.engine import Lexicon, attribute
from quoteattr_server.nlp.batcher import Job, LaneLost, MicroBatcher
from quoteattr_server.nlp.pipeline import ModelLoadError, StanzaParser
from quoteattr_server.nlp.workers import WorkerConfig, WorkerProcess, start_workers

pytestmark = pytest.mark.slow

ARTICLES = [
    '"The bridge will close in May," said Mayor Ana Kovac.',
    'Dr. Lena Okafor, a virologist at the city hospital, said: "The wards are full."',
    '"We will appeal the ruling," Tomas Brandt told reporters on Friday.\n'
    "Brandt said the court had ignored the evidence.",
    "The harbour reopened on Monday after the storm.",
]
LOAD_SECONDS = 120.0  # bound on loading, generous for a busy machine


def job(text: str) -> Job:
    return Job(text=text, words=len(text.split()))


@pytest.fixture(scope="module")
def workers(model_dir: Path) -> list[WorkerProcess]:
    # Closed by the batcher fixture: a worker closed under a running batcher would be replaced.
    started, _ = start_workers(WorkerConfig(model_dir, torch_threads=1), 2, timeout=LOAD_SECONDS)
    return started


@pytest.fixture(scope="module")
def lanes_seen() -> list[int]:
    """What the batcher reported each time a lane died or came back."""
    return []


@pytest.fixture(scope="module")
def batcher(workers: list[WorkerProcess], lanes_seen: list[int]) -> Iterator[MicroBatcher]:
    pipeline = MicroBatcher(workers, on_lanes_changed=lanes_seen.append)
    yield pipeline
    pipeline.close(timeout=0)


def test_workers_give_the_results_of_an_in_process_parse(
    batcher: MicroBatcher, parser: StanzaParser, lexicon: Lexicon
) -> None:
    tickets = [batcher.submit(job(text)) for text in ARTICLES]

    for text, ticket in zip(ARTICLES, tickets, strict=True):
        outcome = ticket.result(timeout=LOAD_SECONDS)
        assert outcome.result == attribute(parser.parse(text), lexicon)
        assert outcome.parse_seconds > 0


def test_concurrent_documents_are_shared_out_over_both_workers(
    batcher: MicroBatcher, workers: list[WorkerProcess]
) -> None:
    before = [worker.batches for worker in workers]

    tickets = [batcher.submit(job(text)) for text in ARTICLES * 2]
    for ticket in tickets:
        ticket.result(timeout=LOAD_SECONDS)

    assert all(w.batches > b for w, b in zip(workers, before, strict=True))
    assert len({worker.pid for worker in workers}) == 2


def test_a_killed_worker_fails_its_batch_and_is_replaced(
    batcher: MicroBatcher, workers: list[WorkerProcess]
) -> None:
    long_text = "The council said the budget would grow again next year. " * 150
    ticket = batcher.submit(job(long_text))
    victim = _busy_worker(workers)
    old_pid = victim.pid
    assert old_pid is not None

    os.kill(old_pid, signal.SIGKILL)

    with pytest.raises(LaneLost, match="died"):
        ticket.result(timeout=LOAD_SECONDS)
    _wait_for(lambda: batcher.live_lanes == 2 and not victim.busy, "the worker was not replaced")
    assert victim.pid not in (None, old_pid)
    after = batcher.submit(job(ARTICLES[0]))
    assert after.result(timeout=LOAD_SECONDS).result.quotes


def test_an_idle_worker_killed_is_noticed_at_once_and_replaced(
    batcher: MicroBatcher, workers: list[WorkerProcess], lanes_seen: list[int]
) -> None:
    _wait_for(lambda: batcher.live_lanes == 2 and not any(w.busy for w in workers), "not idle")
    victim = workers[0]
    old_pid = victim.pid
    assert old_pid is not None
    lanes_seen.clear()

    os.kill(old_pid, signal.SIGKILL)
    killed = time.monotonic()
    _wait_for(lambda: batcher.live_lanes == 1, "the death went unnoticed")
    noticed = time.monotonic() - killed
    # The other lane serves meanwhile: a document sent now is answered, not lost.
    during = batcher.submit(job(ARTICLES[0]))
    assert during.result(timeout=LOAD_SECONDS).result.quotes
    _wait_for(lambda: lanes_seen == [1, 2], "the worker was not replaced")
    replaced = time.monotonic() - killed

    assert noticed < 1.0, f"noticed after {noticed:.2f} s"
    assert victim.pid not in (None, old_pid)
    assert batcher.live_lanes == 2  # lanes_seen never held 0: the server stayed SERVING
    print(f"idle worker: death noticed in {noticed:.3f} s, replaced in {replaced:.1f} s")


def test_close_stops_the_worker_process(model_dir: Path) -> None:
    [worker], _ = start_workers(WorkerConfig(model_dir), 1, timeout=LOAD_SECONDS)
    pid = worker.pid
    assert pid is not None

    worker.close()

    assert worker.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_worker_without_models_fails_to_start(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match=r"resources\.json"):
        start_workers(WorkerConfig(tmp_path), 1, timeout=LOAD_SECONDS)


def _busy_worker(workers: list[WorkerProcess]) -> WorkerProcess:
    _wait_for(lambda: any(w.busy for w in workers), "no worker took the batch")
    return next(w for w in workers if w.busy)


def _wait_for(condition: Callable[[], bool], failure: str) -> None:
    """Poll `condition()` until it holds; fail after `LOAD_SECONDS`."""
    deadline = time.monotonic() + LOAD_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(failure)
        time.sleep(0.01)
