"""nlp.batcher: micro-batching of documents onto parser lanes (worker processes or in-process).

Each call submits one `Job` and waits on its `Ticket`. A dispatcher thread lets the queue fill
for a short window (`max_wait`, from the oldest job's arrival, or from the moment a lane freed
if that is later: the callers it answered are about to send again) or until it holds a full batch
(`max_words`) for every idle lane, then splits the queued jobs across the idle lanes, balanced
by words. Each lane runs one parse per batch (Stanza batches the sentences of all its
documents), the engine per document, and hands each ticket its own outcome; a batch that fails
fails each of its tickets. The window costs a lane at most `max_wait` per batch (against
seconds of parsing), and nothing once the queue holds a full batch: on a busy server jobs queue
while every lane parses, and a lane that frees takes its next batch at once.

The queue is bounded (`max_queue` documents): when it is full `submit` raises `QueueFull` at
once rather than letting latency grow without limit, with the time the caller should wait
before it comes back (`nlp.pushback`, from the words ahead and the recent parse speed). A ticket
whose caller left (cancelled, deadline passed) is dropped from the queue, or, when its whole
batch has been abandoned, the parse is told to stop between chunks.

A watcher thread waits on the worker processes' sentinels, so a worker that dies is noticed at
once whether it was parsing or idle; it is taken out of rotation and replaced at once, while the
other lanes go on serving. `close` fails what is queued, gives running batches a set time, then
fails them too and stops the workers: it never waits longer than it was told.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Protocol

from quoteattr_server import metrics
from quoteattr_server.engine import attribute
from quoteattr_server.engine.types import AttributionResult, AttributionType
from quoteattr_server.models import Models
from quoteattr_server.nlp.pipeline import ModelInfo, ParseStopped
from quoteattr_server.nlp.pushback import Pushback

if TYPE_CHECKING:
    from quoteattr_server.settings import Settings

_LOGGER = logging.getLogger(__name__)

DEFAULT_MAX_WAIT = 0.005
DEFAULT_MAX_WORDS = 4_000
DEFAULT_MAX_QUEUE = 64
_RESTART_BACKOFF = (1.0, 2.0, 5.0, 10.0, 30.0)


@dataclass(frozen=True, slots=True)
class Job:
    """One document to parse and attribute, with its options; sent to worker processes as is."""

    text: str
    words: int
    include_reported: bool = True
    min_confidence: float = 0.0
    attribution_types: frozenset[AttributionType] = frozenset()  # empty: all
    # time.monotonic() after which nobody waits for the result (the clock is system-wide).
    deadline: float | None = None

    def expired(self, now: float | None = None) -> bool:
        if self.deadline is None:
            return False
        return (time.monotonic() if now is None else now) >= self.deadline


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document's result and what it cost."""

    result: AttributionResult
    parse_seconds: float  # the document's share of its batch's parse, by words
    engine_seconds: float  # the attribution engine on this document alone
    batch_documents: int  # documents parsed with it in one batch


# --- errors (the transport maps each to a status code) -----------------------------------


class BatcherError(Exception):
    """A document could not be served for a reason of the batcher's, not of the document's.

    `retry_after` is the batcher's estimate, in seconds, of when a retry would be taken (set
    for `QueueFull`); None when it has none.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class QueueFull(BatcherError):
    """Too many documents are waiting for the parser; the caller should back off and retry."""


class Closed(BatcherError):
    """The batcher is shutting down and takes no more work."""


class NoLanes(BatcherError):
    """No parser lane is running (every worker is being replaced)."""


class LaneLost(BatcherError):
    """The worker process of a lane died; the worker is replaced.

    `delivered` says whether the batch reached the worker: a batch that did is lost (its
    documents fail), one that did not is queued again for another lane.
    """

    def __init__(self, message: str, *, delivered: bool = True) -> None:
        super().__init__(message)
        self.delivered = delivered


class Abandoned(BatcherError):
    """The caller left (cancelled, or its deadline passed) before the result was ready."""


class DeadlinePassed(BatcherError):
    """The job's deadline passed while it waited in the queue."""


class RemoteError(Exception):
    """An exception raised inside a worker process, carried back by name, message, traceback."""

    def __init__(self, kind: str, message: str, trace: str = "") -> None:
        super().__init__(kind, message, trace)
        self.kind = kind
        self.message = message
        self.trace = trace

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"

    @classmethod
    def of(cls, error: BaseException) -> RemoteError:
        trace = "".join(traceback.format_exception(error))
        return cls(type(error).__name__, str(error), trace)


# --- running one batch ---------------------------------------------------------------------


def attribute_batch(
    models: Models, jobs: Sequence[Job], *, should_stop: Callable[[], bool] | None = None
) -> list[Outcome | Exception]:
    """One parse for all `jobs`, then the engine on each document.

    An engine error fails its own document only (its place holds the exception).

    Raises:
        ParseStopped: `should_stop()` said the batch is no longer wanted.
        Exception: whatever the parse raised; it fails the whole batch.
    """
    started = time.perf_counter()
    docs = models.parser.parse_many([job.text for job in jobs], should_stop=should_stop)
    parse_seconds = time.perf_counter() - started
    total_words = sum(max(job.words, 1) for job in jobs)
    outcomes: list[Outcome | Exception] = []
    for job, doc in zip(jobs, docs, strict=True):
        started = time.perf_counter()
        try:
            result = attribute(
                doc,
                models.lexicon,
                include_reported=job.include_reported,
                min_confidence=job.min_confidence,
                attribution_types=job.attribution_types,
            )
        except Exception as error:
            outcomes.append(error)
            continue
        outcomes.append(
            Outcome(
                result=result,
                parse_seconds=parse_seconds * max(job.words, 1) / total_words,
                engine_seconds=time.perf_counter() - started,
                batch_documents=len(jobs),
            )
        )
    return outcomes


class Runner(Protocol):
    """A parser lane: runs one batch at a time (`WorkerProcess`, or `InProcessRunner`)."""

    @property
    def info(self) -> ModelInfo: ...

    @property
    def sentinel(self) -> int | None:
        """A handle that becomes ready when the lane's process exits (None: it cannot)."""
        ...

    @property
    def alive(self) -> bool: ...

    def run(self, jobs: Sequence[Job], abandoned: Callable[[], bool]) -> list[Outcome | Exception]:
        """Parse and attribute `jobs`; `abandoned()` says every caller has left.

        Raises:
            LaneLost: the lane died; `restart()` brings it back.
            ParseStopped: the parse stopped because `abandoned()` was true.
        """
        ...

    def restart(self) -> None: ...

    def close(self, timeout: float = ...) -> None:
        """Stop the lane within `timeout` seconds (killing it if it does not stop)."""
        ...


class InProcessRunner:
    """Runs batches in this process on already loaded models (tests, and `--workers 0`)."""

    sentinel = None
    alive = True

    def __init__(self, models: Models) -> None:
        self._models = models

    @property
    def info(self) -> ModelInfo:
        return self._models.parser.info

    def run(self, jobs: Sequence[Job], abandoned: Callable[[], bool]) -> list[Outcome | Exception]:
        return attribute_batch(self._models, jobs, should_stop=abandoned)

    def restart(self) -> None:
        """Nothing to restart: an in-process lane cannot die without the server."""

    def close(self, timeout: float = 0.0) -> None:
        """The models belong to the caller."""


# --- tickets -------------------------------------------------------------------------------


class Ticket:
    """A submitted job: the caller waits on it, a lane resolves it, the caller may abandon it."""

    def __init__(self, job: Job, forget: Callable[[Ticket], None]) -> None:
        self.job = job
        self.submitted = time.monotonic()
        self.dispatched: float | None = None
        self._forget = forget
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._state = "queued"  # queued -> running -> done; or abandoned from queued/running
        self._outcome: Outcome | None = None
        self._error: BaseException | None = None

    @property
    def unwanted(self) -> bool:
        """Nobody will read the result: abandoned, or past its deadline."""
        return self._state == "abandoned" or self.job.expired()

    @property
    def done(self) -> bool:
        """The outcome (or the error) is there to read, or the caller left."""
        return self._done.is_set()

    def abandon(self) -> None:
        """The caller left: wake its wait, and drop the job if it has not started."""
        with self._lock:
            if self._state in ("done", "abandoned"):
                return
            queued = self._state == "queued"
            self._state = "abandoned"
            self._error = Abandoned("the caller left before the result was ready")
        self._done.set()
        if queued:
            self._forget(self)

    def result(self, timeout: float | None = None) -> Outcome:
        """Wait for the outcome.

        Raises:
            TimeoutError: `timeout` seconds passed first.
            BatcherError, RemoteError, Exception: why the document has no result.
        """
        if not self._done.wait(timeout):
            raise TimeoutError("no result within the time left")
        if self._error is not None:
            raise self._error
        assert self._outcome is not None
        return self._outcome

    def _start(self) -> bool:
        """Claim the job for a batch; False if its caller already left."""
        with self._lock:
            if self._state != "queued":
                return False
            self._state = "running"
            self.dispatched = time.monotonic()
            return True

    def _unstart(self) -> bool:
        """Put a claimed job back to queued (its batch never reached a worker); False if its
        caller left meanwhile."""
        with self._lock:
            if self._state != "running":
                return False
            self._state = "queued"
            return True

    def _finish(self, outcome: Outcome | BaseException) -> None:
        with self._lock:
            if self._state in ("done", "abandoned"):
                return
            self._state = "done"
            if isinstance(outcome, Outcome):
                self._outcome = outcome
            else:
                self._error = outcome
        self._done.set()


# --- the batcher ---------------------------------------------------------------------------


class _Lane:
    def __init__(self, runner: Runner, number: int) -> None:
        self.runner = runner
        self.number = number
        self.batch: list[Ticket] | None = None
        self.started = 0.0  # when the batch began (time.monotonic())
        self.live = True
        self.replacing = False

    @property
    def batch_words(self) -> int:
        return sum(ticket.job.words for ticket in self.batch or ())


# How often the watcher looks again at which worker processes to watch.
_WATCH_SECONDS = 0.25
STOPPED_MESSAGE = (
    "the server stopped before this document was answered (its shutdown grace ran out); "
    "send it again"
)


class MicroBatcher:
    """Queues jobs from many threads and runs them in batches on `runners`, one lane each.

    A watcher thread waits on the lanes' process sentinels: a worker that dies, busy or idle,
    is noticed at once, taken out of rotation and replaced (in a thread of its own, so the
    other lanes go on serving).

    Args:
        runners: the lanes; each runs one batch at a time.
        max_wait: seconds the first queued job may wait for others to join its batch.
        max_words: words per batch; a bigger document is a batch of its own.
        max_queue: documents that may wait for a lane; more get `QueueFull`.
        on_lanes_changed: called with the number of running lanes when a lane dies or returns.
    """

    def __init__(
        self,
        runners: Sequence[Runner],
        *,
        max_wait: float = DEFAULT_MAX_WAIT,
        max_words: int = DEFAULT_MAX_WORDS,
        max_queue: int = DEFAULT_MAX_QUEUE,
        on_lanes_changed: Callable[[int], None] | None = None,
    ) -> None:
        if not runners:
            raise ValueError("a batcher needs at least one runner")
        self.max_wait = max_wait
        self.max_words = max_words
        self.max_queue = max_queue
        self.pushback = Pushback()
        self._on_lanes_changed = on_lanes_changed
        self._cond = threading.Condition()
        self._queue: deque[Ticket] = deque()
        self._queued_words = 0
        self._closed = False
        self._freed = 0.0  # when a lane last finished a batch (time.monotonic())
        self._lanes = [_Lane(runner, number) for number, runner in enumerate(runners)]
        self._idle = list(self._lanes)
        self._threads = [
            threading.Thread(target=self._dispatch, name="quoteattr-dispatch", daemon=True)
        ]
        if any(runner.sentinel is not None for runner in runners):  # processes to watch
            self._threads.append(
                threading.Thread(target=self._watch, name="quoteattr-watch", daemon=True)
            )
        self._threads += [
            threading.Thread(
                target=self._serve_lane,
                args=(lane,),
                name=f"quoteattr-lane-{lane.number}",
                daemon=True,
            )
            for lane in self._lanes
        ]
        for thread in self._threads:
            thread.start()

    @property
    def info(self) -> ModelInfo:
        return self._lanes[0].runner.info

    @property
    def live_lanes(self) -> int:
        return sum(lane.live for lane in self._lanes)

    @property
    def queued(self) -> int:
        return len(self._queue)

    def submit(self, job: Job, *, wait: bool = False) -> Ticket:
        """Queue `job`; with `wait`, block while the queue is full (until the job's deadline).

        Raises:
            QueueFull: the queue is full (and `wait` is false, or the deadline passed); its
                `retry_after` says when to come back.
            NoLanes: no lane is running.
            Closed: the batcher is shutting down.
        """
        self.pushback.document_seen(job.words)
        with self._cond:
            while True:
                self._check_open()
                if len(self._queue) < self.max_queue:
                    break
                if not wait or job.expired():
                    raise QueueFull(
                        f"the server is busy: {len(self._queue)} documents are already waiting "
                        "for the parser; retry after the delay it gives",
                        retry_after=self._retry_after_locked(),
                    )
                self._cond.wait(0.05)
            ticket = Ticket(job, self._forget)
            self._queue.append(ticket)
            self._queued_words += job.words
            metrics.QUEUE_DEPTH.set(len(self._queue))
            self._cond.notify_all()
        return ticket

    def retry_after(self) -> float:
        """Seconds a caller refused now should wait before trying again (see `Pushback`)."""
        with self._cond:
            return self._retry_after_locked()

    def _retry_after_locked(self) -> float:
        now = time.monotonic()
        backlog = float(self._queued_words)
        slowest = 0.0  # seconds per word the running batches have taken so far, at the most
        for lane in self._lanes:
            if lane.batch is not None:  # running batches count whole: their callers re-send
                backlog += lane.batch_words
                slowest = max(slowest, (now - lane.started) / max(lane.batch_words, 1))
        return self.pushback.delay(backlog, max(self.live_lanes, 1), now=now, slowest=slowest)

    def _check_open(self) -> None:
        if self._closed:
            raise Closed("the server is shutting down")
        if not any(lane.live for lane in self._lanes):
            raise NoLanes("no parser worker is running (restarting); retry shortly")

    def close(self, *, timeout: float = 5.0) -> None:
        """Refuse new jobs and fail the queued ones; give running batches `timeout` seconds,
        then fail what is still running and stop the runners (at once)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            self._closed = True
            pending = list(self._queue)
            self._queue.clear()
            self._queued_words = 0
            self._cond.notify_all()
        for ticket in pending:
            ticket._finish(Closed(STOPPED_MESSAGE))
        with self._cond:
            self._cond.wait_for(
                lambda: all(lane.batch is None for lane in self._lanes),
                max(0.0, deadline - time.monotonic()),
            )
            running = [ticket for lane in self._lanes for ticket in lane.batch or ()]
            # A worker still parsing (its callers are answered) or being replaced is stopped
            # at once; an idle one gets a moment to exit on its own.
            waits = [0.5 if lane.live and lane.batch is None else 0.0 for lane in self._lanes]
        for ticket in running:
            ticket._finish(Closed(STOPPED_MESSAGE))
        stoppers = [
            threading.Thread(target=lane.runner.close, args=(wait,), daemon=True)
            for lane, wait in zip(self._lanes, waits, strict=True)
        ]
        for stopper in stoppers:
            stopper.start()
        stopped_by = time.monotonic() + 1.0
        for stopper in stoppers:
            stopper.join(max(0.0, stopped_by - time.monotonic()))

    def _forget(self, ticket: Ticket) -> None:
        with self._cond:
            try:
                self._queue.remove(ticket)
            except ValueError:
                return
            self._queued_words -= ticket.job.words
            metrics.QUEUE_DEPTH.set(len(self._queue))
            self._cond.notify_all()

    def _dispatch(self) -> None:
        with self._cond:
            while not self._closed:
                idle = [lane for lane in self._idle if lane.live]
                if not self._queue or not idle:
                    self._cond.wait()
                    continue
                # The window opens when the oldest job arrives or, if later, when a lane frees:
                # the callers it just answered are about to send their next documents.
                opened = max(self._queue[0].submitted, self._freed)
                age = time.monotonic() - opened
                if age < self.max_wait and self._queued_words < self.max_words * len(idle):
                    self._cond.wait(self.max_wait - age)
                    continue
                for lane, batch in zip(idle, self._take(len(idle)), strict=False):
                    self._idle.remove(lane)
                    lane.batch = batch
                    lane.started = time.monotonic()
                metrics.QUEUE_DEPTH.set(len(self._queue))
                self._cond.notify_all()

    def _take(self, lanes: int) -> list[list[Ticket]]:
        """Up to `lanes` batches from the front of the queue, balanced by words (largest job
        first into the lightest batch); jobs whose callers left or whose deadline passed are
        dropped on the way."""
        budget = self.max_words * lanes
        taken: list[Ticket] = []
        words = 0
        now = time.monotonic()
        while self._queue and (not taken or words + self._queue[0].job.words <= budget):
            ticket = self._queue.popleft()
            self._queued_words -= ticket.job.words
            if ticket.job.expired(now):
                ticket._finish(DeadlinePassed("the deadline passed while queued"))
            elif ticket._start():
                taken.append(ticket)
                words += ticket.job.words
        batches: list[list[Ticket]] = [[] for _ in range(min(lanes, len(taken)))]
        loads = [0] * len(batches)
        for ticket in sorted(taken, key=lambda t: -t.job.words):
            lightest = loads.index(min(loads))
            batches[lightest].append(ticket)
            loads[lightest] += ticket.job.words
        return batches

    def _serve_lane(self, lane: _Lane) -> None:
        while True:
            with self._cond:
                while lane.batch is None and not self._closed:
                    self._cond.wait()
                if lane.batch is None:
                    return
                batch = lane.batch
            self._run(lane, batch)
            with self._cond:
                lane.batch = None
                self._idle.append(lane)  # the dispatcher skips it while it is not live
                self._freed = time.monotonic()
                self._cond.notify_all()

    def _run(self, lane: _Lane, batch: list[Ticket]) -> None:
        metrics.observe_parser_batch(len(batch))
        started = time.perf_counter()
        try:
            outcomes = lane.runner.run(
                [ticket.job for ticket in batch], lambda: all(t.unwanted for t in batch)
            )
        except ParseStopped:
            for ticket in batch:
                ticket._finish(Abandoned("every caller of the batch left; the parse stopped"))
        except LaneLost as error:
            self._lost_batch(lane, batch, error)
        except Exception as error:
            _LOGGER.error(
                "batch failed",
                extra={"lane": lane.number, "documents": len(batch)},
                exc_info=error,
            )
            for ticket in batch:
                ticket._finish(error)
        else:
            self.pushback.batch_parsed(
                sum(ticket.job.words for ticket in batch), time.perf_counter() - started
            )
            for ticket, outcome in zip(batch, outcomes, strict=True):
                ticket._finish(outcome)

    def _lost_batch(self, lane: _Lane, batch: list[Ticket], error: LaneLost) -> None:
        """A batch whose worker died: lost if the worker had it, else queued again."""
        self._lose(lane, str(error))  # out of rotation before its callers hear of it
        requeued = []
        for ticket in batch:
            if not error.delivered and not self._closed and ticket._unstart():
                requeued.append(ticket)
            else:
                ticket._finish(error)
        if requeued:
            with self._cond:
                self._queue.extendleft(reversed(requeued))
                self._queued_words += sum(ticket.job.words for ticket in requeued)
                self._cond.notify_all()

    # --- watching and replacing workers ---------------------------------------------------

    def _watch(self) -> None:
        """Wait on the live lanes' process sentinels; a lane whose process exits is lost."""
        while not self._closed:
            with self._cond:
                watched = {
                    lane.runner.sentinel: lane
                    for lane in self._lanes
                    if lane.live and lane.runner.sentinel is not None
                }
            if not watched:
                with self._cond:
                    self._cond.wait(_WATCH_SECONDS)
                continue
            try:
                ready = wait(list(watched), _WATCH_SECONDS)
            except (OSError, ValueError):  # a sentinel closed under us: the lane was replaced
                continue
            for sentinel in ready:
                lane = watched[sentinel]  # type: ignore[index]  # wait returns what it was given
                if not lane.runner.alive:
                    self._lose(lane, "the parser worker process exited")

    def _lose(self, lane: _Lane, why: str) -> None:
        """Take a dead lane out of rotation and start replacing it (once, however many times
        its death is reported)."""
        with self._cond:
            if lane.replacing or self._closed:
                return
            lane.replacing = True
            busy = lane.batch is not None
        _LOGGER.error("parser worker lost", extra={"lane": lane.number, "busy": busy, "error": why})
        self._set_live(lane, False)
        threading.Thread(
            target=self._replace, args=(lane,), name=f"quoteattr-replace-{lane.number}", daemon=True
        ).start()

    def _replace(self, lane: _Lane) -> None:
        """Restart a lost lane's runner, retrying with backoff; the lane is out meanwhile."""
        started = time.monotonic()
        with self._cond:  # the lane's thread must be done with the dead worker first
            self._cond.wait_for(lambda: lane.batch is None or self._closed)
        for attempt in itertools.count():
            if self._closed:
                return
            try:
                lane.runner.restart()
            except Exception as error:
                pause = _RESTART_BACKOFF[min(attempt, len(_RESTART_BACKOFF) - 1)]
                _LOGGER.error(
                    "cannot restart parser worker",
                    extra={"lane": lane.number, "error": str(error), "retry_seconds": pause},
                )
                time.sleep(pause)
                continue
            break
        if self._closed:
            return
        _LOGGER.info(
            "parser worker replaced",
            extra={"lane": lane.number, "replace_seconds": round(time.monotonic() - started, 3)},
        )
        with self._cond:
            lane.replacing = False
        self._set_live(lane, True)

    def _set_live(self, lane: _Lane, live: bool) -> None:
        with self._cond:
            lane.live = live
            running = self.live_lanes
            orphans: list[Ticket] = []
            if not running:  # nobody left to serve the queue: fail it rather than let it hang
                orphans = list(self._queue)
                self._queue.clear()
                self._queued_words = 0
            self._cond.notify_all()
        for ticket in orphans:
            ticket._finish(NoLanes("no parser worker is running (restarting); retry shortly"))
        if self._on_lanes_changed is not None:
            self._on_lanes_changed(running)


def make_batcher(
    runners: Sequence[Runner],
    settings: Settings,
    *,
    on_lanes_changed: Callable[[int], None] | None = None,
) -> MicroBatcher:
    """A batcher over `runners`, batching and queueing as `settings` say."""
    return MicroBatcher(
        runners,
        max_wait=settings.batch_wait_ms / 1000,
        max_words=settings.batch_max_words,
        max_queue=settings.max_queue,
        on_lanes_changed=on_lanes_changed,
    )
