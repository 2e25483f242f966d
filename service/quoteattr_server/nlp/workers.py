"""nlp.workers: parser worker processes, one Stanza pipeline each, so every core parses.

Each worker is a spawned process (never forked: torch's thread pools do not survive a fork) that
loads the models once, warms them up, says it is ready, then answers one batch at a time over a
pipe. The server process itself never imports torch or Stanza in this mode.

A worker's torch threads are set before torch is imported, so that N workers with T threads each
keep to N x T cores instead of every worker spinning up one thread per core. Workers ignore
SIGINT: a Ctrl-C at the terminal reaches the whole process group, and the server must keep its
workers to finish the calls in flight while it drains; it closes them afterwards.

A worker that dies (killed, out of memory) fails the batch it held with `LaneLost`, and the
batcher calls `restart()` to replace it.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from quoteattr_server import metrics
from quoteattr_server.models import LoadReport
from quoteattr_server.nlp.batcher import Job, LaneLost, Outcome, RemoteError
from quoteattr_server.nlp.pipeline import ModelInfo, ModelLoadError, ParseStopped

_LOGGER = logging.getLogger(__name__)
_CONTEXT = multiprocessing.get_context("spawn")
# How often a lane waiting on its worker checks whether the batch is still wanted.
_POLL_SECONDS = 0.05
_STOP_SECONDS = 5.0


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

    def wait_ready(self, timeout: float | None = None) -> LoadReport:
        """Wait until the worker has loaded and warmed up its models.

        Raises:
            ModelLoadError: the models did not load, or the process died or did not answer.
        """
        process, conn = self._require()
        ready = wait([conn, process.sentinel], timeout)
        if conn not in ready:
            self._kill()
            if not ready:
                raise ModelLoadError(f"worker {self.number} not ready after {timeout} s")
            raise ModelLoadError(f"worker {self.number} exited with code {process.exitcode}")
        try:
            message = conn.recv()
        except (EOFError, OSError) as error:
            self._kill()
            raise ModelLoadError(f"worker {self.number} exited while loading") from error
        if message[0] != "ready":
            self._kill()
            raise ModelLoadError(message[1])
        _, info, report = message
        self._info = info
        assert isinstance(report, LoadReport)
        return report

    def run(self, jobs: Sequence[Job], abandoned: Callable[[], bool]) -> list[Outcome | Exception]:
        """Send the batch and wait for its outcomes, watching for the worker's death."""
        self.busy = True
        try:
            return self._run(jobs, abandoned)
        finally:
            self.busy = False

    def _run(self, jobs: Sequence[Job], abandoned: Callable[[], bool]) -> list[Outcome | Exception]:
        process, conn = self._require()
        self._batches += 1
        batch_id = self._batches
        try:
            conn.send(("batch", batch_id, list(jobs)))
        except OSError as error:
            raise LaneLost(f"worker {self.number} is gone: {error}") from error
        told = False
        while True:
            ready = wait([conn, process.sentinel], _POLL_SECONDS)
            if conn in ready:
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    ready = [process.sentinel]
                else:
                    return _outcomes(message, batch_id)
            if process.sentinel in ready:
                process.join(_STOP_SECONDS)
                raise LaneLost(
                    f"the parser worker died (exit code {process.exitcode}) while parsing this "
                    "document; it is being replaced: retry"
                )
            if not told and abandoned():
                conn.send(("abandon", batch_id))
                told = True

    def restart(self) -> None:
        """Replace a dead (or stuck) worker with a fresh one and wait for its models."""
        self._kill()
        self.start()
        self.wait_ready()

    def close(self) -> None:
        """Ask the worker to exit; kill it if it does not within a few seconds."""
        if self._process is None or self._conn is None:
            return
        with contextlib.suppress(OSError):
            self._conn.send(None)
        self._process.join(_STOP_SECONDS)
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

    def _require(self) -> tuple[BaseProcess, Connection]:
        if self._process is None or self._conn is None:
            raise LaneLost(f"worker {self.number} is not running")
        return self._process, self._conn


def _outcomes(message: Any, batch_id: int) -> list[Outcome | Exception]:
    kind, answered = message[0], message[1]
    if answered != batch_id:
        raise LaneLost(f"worker answered batch {answered}, expected {batch_id}")
    if kind == "stopped":
        raise ParseStopped("every caller of the batch left")
    if kind == "failed":
        error = message[2]
        assert isinstance(error, RemoteError)
        raise error
    outcomes: list[Outcome | Exception] = message[2]
    return outcomes


def start_workers(
    config: WorkerConfig, count: int, *, timeout: float | None = None
) -> tuple[list[WorkerProcess], list[LoadReport]]:
    """Spawn `count` workers at once (they load in parallel) and wait until all are ready.

    Raises:
        ModelLoadError: a worker could not load the models; every worker is stopped.
    """
    workers = [WorkerProcess(config, number=number) for number in range(count)]
    for worker in workers:
        worker.start()
    try:
        reports = [worker.wait_ready(timeout) for worker in workers]
    except ModelLoadError:
        for worker in workers:
            worker.close()
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
    from quoteattr_server.nlp.batcher import attribute_batch

    configure_logging(config.log_level)
    import torch

    torch.set_num_interop_threads(1)
    try:
        models, report = load_models(
            config.model_dir, torch_threads=config.torch_threads, device=config.device
        )
    except ModelLoadError as error:
        conn.send(("failed", str(error)))
        return
    conn.send(("ready", models.parser.info, report))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        if message is None:
            return
        if message[0] != "batch":
            continue  # an "abandon" that crossed the answer to its batch: nothing to stop
        _, batch_id, jobs = message
        stop = _StopSignal(conn, batch_id, jobs)
        try:
            outcomes = attribute_batch(models, jobs, should_stop=stop)
        except ParseStopped:
            conn.send(("stopped", batch_id))
        except Exception as error:
            conn.send(("failed", batch_id, RemoteError.of(error)))
        else:
            conn.send(
                (
                    "done",
                    batch_id,
                    [o if isinstance(o, Outcome) else RemoteError.of(o) for o in outcomes],
                )
            )
        if stop.exit_after:
            return


class _StopSignal:
    """`should_stop` for a batch: the server said every caller left, or every deadline passed."""

    def __init__(self, conn: Connection, batch_id: int, jobs: Sequence[Job]) -> None:
        self._conn = conn
        self._batch_id = batch_id
        self._jobs = jobs
        self.abandoned = False
        self.exit_after = False

    def __call__(self) -> bool:
        while self._conn.poll():
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                message = None  # the server is gone: nobody wants the batch
            if message is None:
                self.abandoned = self.exit_after = True
            elif message[0] == "abandon" and message[1] == self._batch_id:
                self.abandoned = True
        now = time.monotonic()
        return self.abandoned or all(job.expired(now) for job in self._jobs)
