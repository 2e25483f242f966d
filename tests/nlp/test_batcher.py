"""The micro-batcher with scripted lanes: batching, word caps, balance, bounds, failures, leaving.

The lanes here block on events the test releases, so which jobs share a batch is decided by
the order of events, not by timing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from quoteattr_server.engine.types import AttributionResult
from quoteattr_server.nlp.batcher import (
    Abandoned,
    Closed,
    DeadlinePassed,
    Job,
    LaneLost,
    MicroBatcher,
    NoLanes,
    Outcome,
    QueueFull,
    Ticket,
)
from quoteattr_server.nlp.pipeline import ModelInfo, ParseStopped

INFO = ModelInfo(directory="/models", stanza_version="1.15.0", package="test")
WAIT = 10.0  # generous bound on every wait for an event: a hang fails instead of blocking


def job(text: str, words: int = 10, **options: float | bool | None) -> Job:
    return Job(text=text, words=words, **options)  # type: ignore[arg-type]


@dataclass
class ScriptedLane:
    """A runner that records its batches; `hold` makes it wait for `release` on each batch."""

    hold: bool = False
    fail_batch_of: str | None = None  # a batch holding this document fails as a whole ...
    fail_with: Exception = field(default_factory=lambda: RuntimeError("parser broke"))  # so
    fail_documents: set[str] = field(default_factory=set)
    batches: list[list[str]] = field(default_factory=list)
    restarts: int = 0
    started: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))
    gate: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))
    stop_seen: bool = False
    sentinel: int | None = None  # no process to watch
    alive: bool = True

    @property
    def info(self) -> ModelInfo:
        return INFO

    def run(self, jobs: Sequence[Job], abandoned: Callable[[], bool]) -> list[Outcome | Exception]:
        self.batches.append([j.text for j in jobs])
        self.started.release()
        if self.hold:
            assert self.gate.acquire(timeout=WAIT), "the test never released the lane"
        if abandoned():
            self.stop_seen = True
            raise ParseStopped("every caller left")
        if self.fail_batch_of in {j.text for j in jobs}:
            raise self.fail_with
        return [
            RuntimeError("engine broke") if j.text in self.fail_documents else outcome(len(jobs))
            for j in jobs
        ]

    def release(self) -> None:
        self.gate.release()

    def wait_started(self) -> None:
        assert self.started.acquire(timeout=WAIT), "no batch reached the lane"

    def restart(self) -> None:
        self.restarts += 1

    def close(self, timeout: float = 0.0) -> None:
        pass


def outcome(batch: int) -> Outcome:
    return Outcome(
        result=AttributionResult(quotes=(), speakers=()),
        parse_seconds=0.0,
        engine_seconds=0.0,
        batch_documents=batch,
    )


@pytest.fixture
def make_batcher() -> Iterator[Callable[..., MicroBatcher]]:
    made: list[MicroBatcher] = []

    def make(*lanes: ScriptedLane, **options: Any) -> MicroBatcher:
        batcher = MicroBatcher(list(lanes), **options)
        made.append(batcher)
        return batcher

    yield make
    for batcher in made:
        batcher.close(timeout=1)


def wait_for(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.01)


def results(tickets: Sequence[Ticket]) -> list[int]:
    return [ticket.result(timeout=WAIT).batch_documents for ticket in tickets]


def test_jobs_queued_while_the_lane_is_busy_share_one_batch(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lane = ScriptedLane(hold=True)
    batcher = make_batcher(lane)
    first = batcher.submit(job("a"))
    lane.wait_started()
    waiting = [batcher.submit(job(text)) for text in "bcd"]

    lane.release()
    lane.wait_started()
    lane.release()

    assert lane.batches == [["a"], ["b", "c", "d"]]
    assert results([first, *waiting]) == [1, 3, 3, 3]


def test_a_batch_stops_at_the_word_cap(make_batcher: Callable[..., MicroBatcher]) -> None:
    lane = ScriptedLane(hold=True)
    batcher = make_batcher(lane, max_words=100)
    batcher.submit(job("first"))
    lane.wait_started()
    tickets = [batcher.submit(job(text, words=40)) for text in ("b", "c", "d", "e")]
    big = batcher.submit(job("huge", words=500))

    for _ in range(3):
        lane.release()
        lane.wait_started()
    lane.release()

    assert lane.batches[1:] == [["b", "c"], ["d", "e"], ["huge"]]
    assert results([*tickets, big]) == [2, 2, 2, 2, 1]


def test_queued_jobs_are_shared_out_among_idle_lanes_by_words(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lanes = (ScriptedLane(hold=True), ScriptedLane(hold=True))
    # A window longer than the test: the jobs are dispatched once they fill both lanes.
    batcher = make_batcher(*lanes, max_wait=60.0, max_words=100)
    tickets = [batcher.submit(job(text, words=50)) for text in "abcd"]

    for lane in lanes:
        lane.wait_started()
        lane.release()

    assert sorted(len(lane.batches[0]) for lane in lanes) == [2, 2]
    assert results(tickets) == [2, 2, 2, 2]


def test_a_slow_batch_does_not_hold_up_the_other_lanes(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    slow_lane, free_lane = ScriptedLane(hold=True), ScriptedLane()
    batcher = make_batcher(slow_lane, free_lane)
    slow = batcher.submit(job("slow", words=5_000))
    slow_lane.wait_started()

    later = [batcher.submit(job(text)) for text in "ab"]

    results(later)  # answered while the slow batch is still held

    assert sorted(text for batch in free_lane.batches for text in batch) == ["a", "b"]
    assert slow_lane.batches == [["slow"]]
    slow_lane.release()
    assert slow.result(timeout=WAIT).batch_documents == 1


def test_a_full_queue_refuses_at_once(make_batcher: Callable[..., MicroBatcher]) -> None:
    lane = ScriptedLane(hold=True)
    batcher = make_batcher(lane, max_queue=2)
    batcher.submit(job("running"))
    lane.wait_started()
    batcher.submit(job("q1"))
    batcher.submit(job("q2"))

    with pytest.raises(QueueFull, match="2 documents are already waiting"):
        batcher.submit(job("refused"))
    lane.release()
    lane.release()


def test_an_abandoned_job_is_never_parsed(make_batcher: Callable[..., MicroBatcher]) -> None:
    lane = ScriptedLane(hold=True)
    batcher = make_batcher(lane)
    batcher.submit(job("running"))
    lane.wait_started()
    gone = batcher.submit(job("gone"))
    kept = batcher.submit(job("kept"))

    gone.abandon()
    lane.release()
    lane.wait_started()
    lane.release()

    with pytest.raises(Abandoned):
        gone.result(timeout=WAIT)
    assert kept.result(timeout=WAIT).batch_documents == 1
    assert lane.batches == [["running"], ["kept"]]
    assert batcher.queued == 0


def test_a_job_whose_deadline_passed_in_the_queue_is_dropped(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lane = ScriptedLane(hold=True)
    batcher = make_batcher(lane)
    batcher.submit(job("running"))
    lane.wait_started()
    late = batcher.submit(job("late", deadline=0.0))  # the monotonic clock passed 0 long ago

    lane.release()

    with pytest.raises(DeadlinePassed):
        late.result(timeout=WAIT)
    assert lane.batches == [["running"]]


def test_a_batch_whose_callers_all_left_is_told_to_stop(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lane = ScriptedLane(hold=True)
    batcher = make_batcher(lane)
    ticket = batcher.submit(job("long"))
    lane.wait_started()

    ticket.abandon()
    lane.release()

    with pytest.raises(Abandoned):
        ticket.result(timeout=WAIT)
    follow_up = batcher.submit(job("next"))
    lane.wait_started()
    lane.release()
    assert follow_up.result(timeout=WAIT).batch_documents == 1
    assert lane.stop_seen


def test_a_failed_batch_fails_each_of_its_documents(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lane = ScriptedLane(hold=True, fail_batch_of="b")
    batcher = make_batcher(lane)
    batcher.submit(job("blocker"))
    lane.wait_started()
    tickets = [batcher.submit(job(text)) for text in "ab"]

    lane.release()
    lane.wait_started()
    lane.release()

    for ticket in tickets:
        with pytest.raises(RuntimeError, match="parser broke"):
            ticket.result(timeout=WAIT)


def test_an_engine_error_fails_only_its_document(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lane = ScriptedLane(hold=True, fail_documents={"bad"})
    batcher = make_batcher(lane)
    batcher.submit(job("blocker"))
    lane.wait_started()
    good, bad = batcher.submit(job("good")), batcher.submit(job("bad"))

    lane.release()
    lane.wait_started()
    lane.release()

    assert good.result(timeout=WAIT).batch_documents == 2
    with pytest.raises(RuntimeError, match="engine broke"):
        bad.result(timeout=WAIT)


def test_a_lost_lane_fails_its_batch_and_is_restarted(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lane = ScriptedLane(fail_batch_of="doomed", fail_with=LaneLost("worker died"))
    changes: list[int] = []
    batcher = make_batcher(lane, on_lanes_changed=changes.append)

    lost = batcher.submit(job("doomed"))
    with pytest.raises(LaneLost, match="worker died"):
        lost.result(timeout=WAIT)
    assert changes[:1] == [0]  # out of rotation before its caller heard
    wait_for(lambda: changes == [0, 1])  # replaced, and said so
    after = batcher.submit(job("after"))

    assert after.result(timeout=WAIT).batch_documents == 1
    assert lane.restarts == 1
    assert changes == [0, 1]


def test_without_a_live_lane_submit_fails_fast(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lane = ScriptedLane()
    batcher = make_batcher(lane)
    batcher._lanes[0].live = False

    with pytest.raises(NoLanes, match="retry shortly"):
        batcher.submit(job("nobody"))


def test_close_fails_what_is_queued_and_refuses_more(
    make_batcher: Callable[..., MicroBatcher],
) -> None:
    lane = ScriptedLane(hold=True)
    batcher = make_batcher(lane)
    running = batcher.submit(job("running"))
    lane.wait_started()
    queued = batcher.submit(job("queued"))
    closer = threading.Thread(target=batcher.close, kwargs={"timeout": WAIT})

    closer.start()
    with pytest.raises(Closed):
        queued.result(timeout=WAIT)
    lane.release()  # the running batch still ends with its result
    closer.join(WAIT)

    assert running.result(timeout=WAIT).batch_documents == 1
    with pytest.raises(Closed):
        batcher.submit(job("late"))
