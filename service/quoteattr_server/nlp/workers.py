"""nlp.workers: parser worker processes, one Stanza pipeline each, so every core parses.

Each worker is a spawned process (never forked: torch's thread pools do not survive a fork) that
loads the models once, warms them up, says it is ready, then answers one batch at a time over a
pipe. The server process itself never imports torch or Stanza in this mode.

A worker's torch threads are set before torch is imported, so that N workers with T threads each
keep to N x T cores instead of every worker spinning up one thread per core. Workers ignore
SIGINT: a Ctrl-C at the terminal reaches the whole process group, and the server must keep its
workers to finish the calls in flight while it drains; it closes them afterwards.

The pipe carries typed messages (the dataclasses below): `RunBatch`, `AbandonBatch` and `Exit`
to the worker; `Ready` or `LoadFailed`, then `BatchDone`, `BatchStopped` or `BatchFailed` back.

A worker that dies (killed, out of memory) is noticed by the batcher's watcher through its
process `sentinel`, busy or idle; a batch it held fails with `LaneLost`, and the batcher calls
`restart()` to replace it.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from quoteattr_server import metrics
from quoteattr_server.models import LoadReport, Models
from quoteattr_server.nlp.batcher import (
    Job,
    LaneLost,
    Outcome,
    RemoteError,
    attribute_batch,
)
from quoteattr_server.nlp.pipeline import ModelInfo, ModelLoadError, ParseStopped

_LOGGER = logging.getLogger(__name__)
_CONTEXT = multiprocessing.get_context("spawn")
# How often a lane waiting on its worker checks whether the batch is still wanted.
_POLL_SECONDS = 0.05
_STOP_SECONDS = 5.0
# A replacement worker that has not loaded its models by then is taken for stuck.
RESTART_SECONDS = 300.0


# --- what goes over the pipe --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ready:
    """Worker -> server: the models are loaded and warmed up."""

    info: ModelInfo
    report: LoadReport


@dataclass(frozen=True, slots=True)
class LoadFailed:
    """Worker -> server: the models could not be loaded; the worker exits."""

    reason: str


@dataclass(frozen=True, slots=True)
class RunBatch:
    """Server -> worker: parse and attribute these jobs."""

    batch_id: int
    jobs: list[Job]


@dataclass(frozen=True, slots=True)
class AbandonBatch:
    """Server -> worker: every caller of the batch left; stop parsing it."""

    batch_id: int


@dataclass(frozen=True, slots=True)
class Exit:
    """Server -> worker: finish the batch in hand (if any), then exit."""


@dataclass(frozen=True, slots=True)
class BatchDone:
    """Worker -> server: each job's outcome, or the engine's error on that document."""

    batch_id: int
    outcomes: list[Outcome | RemoteError]


@dataclass(frozen=True, slots=True)
class BatchStopped:
    """Worker -> server: the batch was abandoned and its parse stopped."""

    batch_id: int


@dataclass(frozen=True, slots=True)
class BatchFailed:
    """Worker -> server: the parse failed for the whole batch."""

    batch_id: int
    error: RemoteError


ToWorker = RunBatch | AbandonBatch | Exit
FromWorker = Ready | LoadFailed | BatchDone | BatchStopped | BatchFailed


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """What a worker process needs to load its models."""

    model_dir: Path
    torch_threads: int = 1
    log_level: str = "INFO"
    device: str = "cpu"


class WorkerProcess:
    """One parser worker process; a `Runner` lane of the batcher.

    `start()` spawns it and `wait_ready()` waits for its models; `run()` sends it a batch.
    """

    def __init__(self, config: WorkerConfig, *, number: int = 0) -> None:
        self.config = config
        self.number = number
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._info: ModelInfo | None = None
        self._batches = 0
        self.busy = False  # a batch is with the worker now

    @property
    def info(self) -> ModelInfo:
        if self._info is None:
            raise RuntimeError("the worker has not loaded its models yet")
        return self._info

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def sentinel(self) -> int | None:
        """Ready once the process exits (for `multiprocessing.connection.wait`)."""
        return self._process.sentinel if self._process is not None else None

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    @property
    def batches(self) -> int:
        """Batches sent to this lane's workers so far."""
        return self._batches

    def start(self) -> None:
        """Spawn the process; it loads its models in the background."""
        parent, child = _CONTEXT.Pipe(duplex=True)
        process = _CONTEXT.Process(
            target=_worker_main,
            args=(child, self.config),
            name=f"quoteattr-worker-{self.number}",
            daemon=True,
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        metrics.watch_worker(self.number, process.pid)

    def wait_ready(
        self, timeout: float | None = None, *, cancel: threading.Event | None = None
    ) -> LoadReport:
        """Wait until the worker has loaded and warmed up its models.

        Raises:
            ModelLoadError: the models did not load, the process died or did not answer in
                time, or `cancel` was set (the worker is then killed).
        """
        process, conn = self._require_started()
        deadline = None if timeout is None else time.monotonic() + timeout
        while not (ready := wait([conn, process.sentinel], _POLL_SECONDS * 4)):
            if cancel is not None and cancel.is_set():
                self._kill()
                raise ModelLoadError(f"worker {self.number}: loading cancelled")
            if deadline is not None and time.monotonic() > deadline:
                self._kill()
                raise ModelLoadError(f"worker {self.number} not ready after {timeout} s")
        if conn not in ready:
            self._kill()
            raise ModelLoadError(f"worker {self.number} exited with code {process.exitcode}")
        try:
            message: FromWorker = conn.recv()
        except (EOFError, OSError) as error:
            self._kill()
            raise ModelLoadError(f"worker {self.number} exited while loading") from error
        if not isinstance(message, Ready):
            self._kill()
            raise ModelLoadError(
                message.reason if isinstance(message, LoadFailed) else f"unexpected {message}"
            )
        self._info = message.info
        return message.report

    def run(self, jobs: Sequence[Job], abandoned: Callable[[], bool]) -> list[Outcome | Exception]:
        """Send the batch and wait for its outcomes, watching for the worker's death."""
        self.busy = True
        try:
            return self._run(jobs, abandoned)
        finally:
            self.busy = False

    def _run(self, jobs: Sequence[Job], abandoned: Callable[[], bool]) -> list[Outcome | Exception]:
        process, conn = self._require()
        if not process.is_alive():
            raise LaneLost(f"worker {self.number} has exited", delivered=False)
        self._batches += 1
        batch_id = self._batches
        try:
            conn.send(RunBatch(batch_id, list(jobs)))
        except OSError as error:
            raise LaneLost(f"worker {self.number} is gone: {error}", delivered=False) from error
        told = False
        while True:
            try:
                ready = wait([conn, process.sentinel], _POLL_SECONDS)
            except (OSError, ValueError) as error:  # closed under us: the server is stopping
                raise LaneLost(f"worker {self.number} was stopped") from error
            if conn in ready:
                try:
                    message: FromWorker = conn.recv()
                except (EOFError, OSError):
                    ready = [process.sentinel]
                else:
                    return _outcomes(message, batch_id)
            if process.sentinel in ready:
                raise LaneLost(
                    f"the parser worker died (exit code {process.exitcode}) while parsing this "
                    "document; it is being replaced: retry"
                )
            if not told and abandoned():
                conn.send(AbandonBatch(batch_id))
                told = True

    def restart(self) -> None:
        """Replace a dead (or stuck) worker with a fresh one and wait for its models."""
        self._kill()
        self.start()
        self.wait_ready(RESTART_SECONDS)

    def close(self, timeout: float = _STOP_SECONDS) -> None:
        """Ask the worker to exit; kill it if it has not within `timeout` seconds."""
        if self._process is None or self._conn is None:
            return
        with contextlib.suppress(OSError):
            self._conn.send(Exit())
        self._process.join(timeout)
        self._kill()

    def _kill(self) -> None:
        process, conn = self._process, self._conn
        self._process, self._conn = None, None
        metrics.watch_worker(self.number, None)
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(_STOP_SECONDS)

    def _require_started(self) -> tuple[BaseProcess, Connection]:
        if self._process is None or self._conn is None:
            raise ModelLoadError(f"worker {self.number} was not started")
        return self._process, self._conn

    def _require(self) -> tuple[BaseProcess, Connection]:
        if self._process is None or self._conn is None:
            raise LaneLost(f"worker {self.number} is not running", delivered=False)
        return self._process, self._conn


def _outcomes(message: FromWorker, batch_id: int) -> list[Outcome | Exception]:
    if not isinstance(message, BatchDone | BatchStopped | BatchFailed):
        raise LaneLost(f"unexpected message from the worker: {type(message).__name__}")
    if message.batch_id != batch_id:
        raise LaneLost(f"worker answered batch {message.batch_id}, expected {batch_id}")
    if isinstance(message, BatchStopped):
        raise ParseStopped("every caller of the batch left")
    if isinstance(message, BatchFailed):
        raise message.error
    return list(message.outcomes)


def start_workers(
    config: WorkerConfig,
    count: int,
    *,
    timeout: float | None = None,
    cancel: threading.Event | None = None,
) -> tuple[list[WorkerProcess], list[LoadReport]]:
    """Spawn `count` workers at once (they load in parallel) and wait until all are ready.

    Raises:
        ModelLoadError: a worker could not load the models, or `cancel` was set (the server
            is stopping); every worker is stopped.
    """
    workers = [WorkerProcess(config, number=number) for number in range(count)]
    for worker in workers:
        worker.start()
    try:
        reports = [worker.wait_ready(timeout, cancel=cancel) for worker in workers]
    except ModelLoadError:
        for worker in workers:
            worker.close(timeout=0.0)
        raise
    return workers, reports


# --- inside the worker process --------------------------------------------------------------


def _worker_main(conn: Connection, config: WorkerConfig) -> None:
    """The worker process: load, say ready, then answer batches until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threads = str(config.torch_threads)
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[variable] = threads

    from quoteattr_server.logs import configure_logging
    from quoteattr_server.models import load_models

    configure_logging(config.log_level)
    import torch

    torch.set_num_interop_threads(1)
    try:
        models, report = load_models(
            config.model_dir, torch_threads=config.torch_threads, device=config.device
        )
    except ModelLoadError as error:
        conn.send(LoadFailed(str(error)))
        return
    conn.send(Ready(models.parser.info, report))
    while True:
        try:
            message: ToWorker = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        if isinstance(message, Exit):
            return
        if not isinstance(message, RunBatch):
            continue  # an abandon that crossed the answer to its batch: nothing to stop
        stop = _StopSignal(conn, message)
        conn.send(_answer(models, message, stop))
        if stop.exit_after:
            return


def _answer(models: Models, batch: RunBatch, stop: _StopSignal) -> FromWorker:
    try:
        outcomes = attribute_batch(models, batch.jobs, should_stop=stop)
    except ParseStopped:
        return BatchStopped(batch.batch_id)
    except Exception as error:
        return BatchFailed(batch.batch_id, RemoteError.of(error))
    return BatchDone(
        batch.batch_id, [o if isinstance(o, Outcome) else RemoteError.of(o) for o in outcomes]
    )


class _StopSignal:
    """`should_stop` for a batch: the server said every caller left, or every deadline passed."""

    def __init__(self, conn: Connection, batch: RunBatch) -> None:
        self._conn = conn
        self._batch = batch
        self.abandoned = False
        self.exit_after = False

    def __call__(self) -> bool:
        while self._conn.poll():
            try:
                message: ToWorker | None = self._conn.recv()
            except (EOFError, OSError):
                message = None  # the server is gone: nobody wants the batch
            if message is None or isinstance(message, Exit):
                self.abandoned = self.exit_after = True
            elif isinstance(message, AbandonBatch) and message.batch_id == self._batch.batch_id:
                self.abandoned = True
        now = time.monotonic()
        return self.abandoned or all(job.expired(now) for job in self._batch.jobs)
