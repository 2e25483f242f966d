"""`quoteattr-bench` (`make bench`): the service's throughput and latency beside bare Stanza's.

For each setting (workers x torch threads) it starts `quoteattr-server` as `make run` does, in a
process of its own, waits for SERVING, and drives it from this process with 1, 4 and 16
concurrent clients (each its own channel) over a corpus of articles; per level it measures
documents/s, words/s, latency p50/p95/p99, errors, and (from the server's `attributed` log
lines) the share of the server's parse-and-attribute time spent in the attribution engine. It
reads the peak resident memory (VmHWM) of the server and of each worker process from /proc.

In the same run it times bare Stanza in a process of its own: the same pipeline, loaded from
the same models, `bulk_process` over the same texts in batches of at most the service's batch
word cap, and prints the service/bare ratios and the issue's targets beside the figures.
Results go to a JSON file as well. A progress bar shows on a terminal.

    quoteattr-bench --quick                  a few documents: a couple of minutes
    quoteattr-bench                          the PolNeAR dev texts (84 articles)
    quoteattr-bench --corpus articles/ --settings 1x2,2x1 --clients 4,16
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import queue
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

import grpc
from tqdm import tqdm

from quoteattr_client._client import NO_RETRIES, QuoteAttributionClient
from quoteattr_client._exceptions import QuoteAttrError
from quoteattr_server.settings import BUNDLED_MODELS

_REPO = Path(__file__).resolve().parents[3]
DEFAULT_CORPUS = _REPO.parent / "shared" / "eval" / "polnear-dev.jsonl"
DEFAULT_MODELS = BUNDLED_MODELS
DEFAULT_OUTPUT = Path(".bench") / "results.json"
DEFAULT_CLIENTS = (1, 4, 16)
QUICK_DOCUMENTS = 16
# The server's default batch cap; bare Stanza gets batches of the same size.
DEFAULT_BATCH_WORDS = 4_000
_START_SECONDS = 180.0
_CALL_SECONDS = 900.0

# The targets, printed beside the figures.
TARGET_BARE_RATIO = 0.90
TARGET_SCALING = 1.6
TARGET_ENGINE_SHARE = 0.05
TARGET_TAIL_RATIO = 3.0
TARGET_RSS_MIB_PER_WORKER = 1536.0
TARGET_STARTUP_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class Setting:
    workers: int
    threads: int

    @property
    def name(self) -> str:
        return f"{self.workers}x{self.threads}"


@dataclass
class Level:
    """One run of the corpus with `clients` concurrent clients."""

    clients: int
    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    engine_seconds: float = 0.0
    parse_seconds: float = 0.0
    mean_batch_documents: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def engine_share(self) -> float:
        busy = self.engine_seconds + self.parse_seconds
        return self.engine_seconds / busy if busy else 0.0


@dataclass
class SettingRun:
    setting: Setting
    startup_seconds: float = 0.0  # from launching the server to SERVING, as measured here
    server_startup_seconds: float = 0.0  # the server's own figure (listening -> SERVING)
    server_peak_rss_mib: float = 0.0
    worker_peak_rss_mib: list[float] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)


@dataclass
class BareRun:
    threads: int
    batch_words: int
    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    peak_rss_mib: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


# --- corpus ----------------------------------------------------------------------------------


def read_corpus(path: Path, *, text_field: str = "text") -> list[tuple[str, str]]:
    """(id, text) pairs from a JSONL file (an object per line) or a folder of .txt files."""
    if path.is_dir():
        return [
            (file.name, file.read_text(encoding="utf-8")) for file in sorted(path.glob("*.txt"))
        ]
    documents = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                record = json.loads(line)
                documents.append((str(record.get("id", number)), str(record[text_field])))
    return documents


def pick(documents: Sequence[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """`count` documents spread evenly over the corpus (not just its first, often alike)."""
    if count >= len(documents):
        return list(documents)
    step = len(documents) / count
    return [documents[int(index * step)] for index in range(count)]


# --- the server under test -------------------------------------------------------------------


class ServerProcess:
    """`quoteattr-server` in a process of its own, its log in a file."""

    def __init__(self, setting: Setting, models: Path, log: Path, extra: Sequence[str]) -> None:
        self.port = _free_port()
        self.log = log
        self.address = f"127.0.0.1:{self.port}"
        command = [
            str(Path(sys.executable).parent / "quoteattr-server"),
            *("--host", "127.0.0.1", "--port", str(self.port), "--models", str(models)),
            *("--workers", str(setting.workers), "--torch-threads", str(setting.threads)),
            *("--log-level", "INFO", "--grace", "5"),
            *extra,
        ]
        self._log_file = log.open("w", encoding="utf-8")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self._log_file)

    def wait_serving(self) -> float:
        """Seconds from launch to SERVING."""
        deadline = time.monotonic() + _START_SECONDS
        with QuoteAttributionClient(self.address, timeout=2, retries=NO_RETRIES) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the server exited during start-up; see {self.log}")
                try:
                    if client.health() == "SERVING":
                        return time.perf_counter() - self.started
                except QuoteAttrError:
                    pass
                time.sleep(0.05)
        raise RuntimeError(f"the server was not SERVING after {_START_SECONDS:.0f} s")

    def peak_rss_mib(self) -> tuple[float, list[float]]:
        """Peak resident memory of the server process and of each parser worker."""
        server = _vm_hwm_mib(self.process.pid)
        workers = [
            _vm_hwm_mib(pid)
            for pid in _children(self.process.pid)
            if b"multiprocessing.spawn" in _cmdline(pid)
        ]
        return server, workers

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_file.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _vm_hwm_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


# --- driving it ------------------------------------------------------------------------------


def run_level(
    address: str,
    documents: Sequence[tuple[str, str]],
    clients: int,
    log: Path,
    progress: tqdm[Any],
) -> Level:
    """Send every document once, from `clients` threads with a channel each."""
    level = Level(clients=clients)
    offset = log.stat().st_size
    work: queue.Queue[tuple[str, str]] = queue.Queue()
    for document_id, text in documents:
        work.put((f"{document_id}@{clients}", text))
    latencies: list[float] = []
    lock = threading.Lock()

    def client_thread() -> None:
        with QuoteAttributionClient(address, timeout=_CALL_SECONDS, retries=NO_RETRIES) as client:
            while True:
                try:
                    document_id, text = work.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                error: str | None = None
                try:
                    client.attribute(text, document_id=document_id)
                except QuoteAttrError as failure:
                    error = failure.code.name
                seconds = time.perf_counter() - started
                with lock:
                    if error is None:
                        latencies.append(seconds)
                        level.documents += 1
                        level.words += len(text.split())
                    else:
                        level.errors[error] = level.errors.get(error, 0) + 1
                progress.update(1)

    started = time.perf_counter()
    threads = [threading.Thread(target=client_thread) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    level.seconds = time.perf_counter() - started
    if latencies:
        level.p50, level.p95, level.p99 = (_percentile(latencies, q) for q in (50, 95, 99))
    _read_server_times(level, log, offset)
    return level


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(0, math.ceil(q / 100 * len(ordered)) - 1)
    return ordered[rank]


def _read_server_times(level: Level, log: Path, offset: int) -> None:
    """Sum the parse and engine seconds of the server's `attributed` lines since `offset`."""
    batches = []
    with log.open(encoding="utf-8") as lines:
        lines.seek(offset)
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("message") == "attributed":
                level.engine_seconds += float(record.get("engine_seconds", 0.0))
                level.parse_seconds += float(record.get("parse_seconds", 0.0))
                batches.append(int(record.get("batch_documents", 1)))
    level.mean_batch_documents = statistics.fmean(batches) if batches else 0.0


def _server_startup(log: Path) -> float:
    for line in log.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("message") == "serving":
            return float(record.get("startup_seconds", 0.0))
    return 0.0


def bench_setting(
    setting: Setting,
    documents: Sequence[tuple[str, str]],
    levels: Sequence[int],
    *,
    models: Path,
    log: Path,
    extra: Sequence[str],
    progress: tqdm[Any],
) -> SettingRun:
    run = SettingRun(setting)
    server = ServerProcess(setting, models, log, extra)
    try:
        run.startup_seconds = server.wait_serving()
        run.server_startup_seconds = _server_startup(log)
        # Warm-up, untimed: every worker parses once more before the clock starts.
        warm = list(documents[: max(1, setting.workers)])
        run_level(server.address, warm, setting.workers, log, tqdm(disable=True))
        for clients in levels:
            progress.set_postfix_str(f"{setting.name}, {clients} clients")
            run.levels.append(
                run_level(server.address, _at_least(documents, clients), clients, log, progress)
            )
        run.server_peak_rss_mib, run.worker_peak_rss_mib = server.peak_rss_mib()
    finally:
        server.stop()
    return run


def _at_least(documents: Sequence[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """The documents, repeated if need be so that every client has some to send."""
    repeated = list(documents)
    while len(repeated) < count:
        repeated.extend(documents)
    return repeated


# --- bare Stanza -----------------------------------------------------------------------------


def bench_bare(
    documents: Sequence[tuple[str, str]], *, models: Path, threads: int, batch_words: int
) -> BareRun:
    """Time bare Stanza on the texts, in a spawned process with `threads` torch threads."""
    context = multiprocessing.get_context("spawn")
    results: multiprocessing.Queue[dict[str, float]] = context.Queue()
    texts = [text for _, text in documents]
    process = context.Process(
        target=_bare_main, args=(str(models), texts, threads, batch_words, results)
    )
    process.start()
    try:
        figures = results.get(timeout=_CALL_SECONDS * 4)
    finally:
        process.join(30)
        if process.is_alive():
            process.kill()
    return BareRun(
        threads=threads,
        batch_words=batch_words,
        documents=len(texts),
        words=sum(len(text.split()) for text in texts),
        seconds=figures["seconds"],
        peak_rss_mib=figures["peak_rss_mib"],
    )


def _bare_main(
    models: str,
    texts: list[str],
    threads: int,
    batch_words: int,
    results: multiprocessing.Queue[dict[str, float]],
) -> None:
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[variable] = str(threads)
    import stanza
    import torch
    from stanza.models.common.doc import Document

    torch.set_num_threads(threads)
    pipeline = stanza.Pipeline(
        "en",
        dir=models,
        processors="tokenize,mwt,pos,lemma,depparse",
        download_method=None,
        logging_level="WARN",
        use_gpu=False,
    )
    with torch.inference_mode():
        pipeline.bulk_process([Document([], text="The warm-up is done, the bench said.")])
        started = time.perf_counter()
        for batch in _word_batches(texts, batch_words):
            pipeline.bulk_process([Document([], text=text) for text in batch])
        seconds = time.perf_counter() - started
    results.put({"seconds": seconds, "peak_rss_mib": _vm_hwm_mib(os.getpid())})


def _word_batches(texts: Sequence[str], limit: int) -> Iterator[list[str]]:
    batch: list[str] = []
    words = 0
    for text in texts:
        size = len(text.split())
        if batch and words + size > limit:
            yield batch
            batch, words = [], 0
        batch.append(text)
        words += size
    if batch:
        yield batch


# --- report ----------------------------------------------------------------------------------


def summarise(runs: Sequence[SettingRun], bare: BareRun | None) -> dict[str, Any]:
    """The issue's figures from the runs, each with its target and whether it is met."""
    summary: dict[str, Any] = {}

    def level(run: SettingRun, clients: int) -> Level | None:
        return next((lv for lv in run.levels if lv.clients == clients), None)

    one_worker = [run for run in runs if run.setting.workers == 1]
    if bare is not None and one_worker:
        same = [run for run in one_worker if run.setting.threads == bare.threads] or one_worker
        at4 = [(run, level(run, 4)) for run in same]
        best = max(
            ((run, lv) for run, lv in at4 if lv is not None),
            key=lambda pair: pair[1].docs_per_second,
            default=None,
        )
        if best is not None and bare.docs_per_second:
            ratio = best[1].docs_per_second / bare.docs_per_second
            summary["service_over_bare_1_worker_4_clients"] = _target(
                ratio, TARGET_BARE_RATIO, at_least=True, setting=best[0].setting.name
            )
    base = next((r for r in runs if (r.setting.workers, r.setting.threads) == (1, 1)), None)
    at16 = [(run, level(run, 16)) for run in runs]
    best16 = max(
        ((run, lv) for run, lv in at16 if lv is not None),
        key=lambda pair: pair[1].docs_per_second,
        default=None,
    )
    base16 = level(base, 16) if base is not None else None
    if best16 is not None and base16 is not None and base16.docs_per_second:
        summary["scaling_16_clients_best_over_1x1"] = _target(
            best16[1].docs_per_second / base16.docs_per_second,
            TARGET_SCALING,
            at_least=True,
            setting=best16[0].setting.name,
        )
    shares = [lv.engine_share for run in runs for lv in run.levels]
    if shares:
        summary["engine_share_max"] = _target(max(shares), TARGET_ENGINE_SHARE, at_least=False)
    for run in runs:
        four = level(run, 4)
        if four is not None and four.p50 > 0:
            summary[f"p99_over_p50_4_clients_{run.setting.name}"] = _target(
                four.p99 / four.p50, TARGET_TAIL_RATIO, at_least=False, setting=run.setting.name
            )
    worker_peaks = [peak for run in runs for peak in run.worker_peak_rss_mib]
    if worker_peaks:
        summary["peak_rss_mib_per_worker_max"] = _target(
            max(worker_peaks), TARGET_RSS_MIB_PER_WORKER, at_least=False
        )
    if runs:
        slowest = max(runs, key=lambda run: run.startup_seconds)
        summary["startup_seconds_max"] = _target(
            slowest.startup_seconds,
            TARGET_STARTUP_SECONDS,
            at_least=False,
            setting=slowest.setting.name,
        )
    return summary


def _target(value: float, target: float, *, at_least: bool, setting: str = "") -> dict[str, Any]:
    met = value >= target if at_least else value <= target
    figure: dict[str, Any] = {
        "value": round(value, 4),
        "target": f"{'>=' if at_least else '<='} {target:g}",
        "met": met,
    }
    if setting:
        figure["setting"] = setting
    return figure


def print_report(
    runs: Sequence[SettingRun], bare: BareRun | None, summary: dict[str, Any], out: TextIO
) -> None:
    header = (
        f"{'setting':<8} {'clients':>7} {'docs/s':>8} {'words/s':>8} {'p50 s':>7} {'p95 s':>7} "
        f"{'p99 s':>7} {'errors':>6} {'engine':>7} {'batch':>6}"
    )
    print(header, file=out)
    for run in runs:
        for lv in run.levels:
            errors = sum(lv.errors.values())
            print(
                f"{run.setting.name:<8} {lv.clients:>7} {lv.docs_per_second:>8.2f} "
                f"{lv.words_per_second:>8.0f} {lv.p50:>7.2f} {lv.p95:>7.2f} {lv.p99:>7.2f} "
                f"{errors:>6} {lv.engine_share:>6.1%} {lv.mean_batch_documents:>6.1f}",
                file=out,
            )
    for run in runs:
        workers = ", ".join(f"{peak:.0f}" for peak in run.worker_peak_rss_mib) or "-"
        print(
            f"{run.setting.name}: SERVING after {run.startup_seconds:.1f} s "
            f"(server's own count {run.server_startup_seconds:.1f} s); peak RSS server "
            f"{run.server_peak_rss_mib:.0f} MiB, workers {workers} MiB",
            file=out,
        )
    if bare is not None:
        print(
            f"bare Stanza ({bare.threads} torch threads, batches of <= {bare.batch_words} words): "
            f"{bare.docs_per_second:.2f} docs/s, {bare.words_per_second:.0f} words/s, "
            f"peak RSS {bare.peak_rss_mib:.0f} MiB",
            file=out,
        )
    for name, figure in summary.items():
        where = f" [{figure['setting']}]" if "setting" in figure else ""
        verdict = "met" if figure["met"] else "NOT met"
        print(f"{name}{where}: {figure['value']} (target {figure['target']}: {verdict})", file=out)


# --- command line ----------------------------------------------------------------------------


def build_arg_parser() -> argparse.ArgumentParser:
    cores = len(os.sched_getaffinity(0))
    parser = argparse.ArgumentParser(
        prog="quoteattr-bench",
        description="Benchmark quoteattr-server against bare Stanza on a corpus of articles.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"JSONL file (one object with a text field a line) or folder of .txt files "
        f"(default {DEFAULT_CORPUS})",
    )
    parser.add_argument("--text-field", default="text", help="JSONL text field (default text)")
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS, help="Stanza models")
    parser.add_argument("--limit", type=int, help="use this many documents of the corpus")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_DOCUMENTS} documents spread over the corpus: a couple of minutes",
    )
    parser.add_argument(
        "--settings",
        default=",".join(_default_settings(cores)),
        help="server settings to run, WORKERSxTHREADS, comma-separated "
        f"(default on this machine: {','.join(_default_settings(cores))})",
    )
    parser.add_argument(
        "--clients",
        default=",".join(map(str, DEFAULT_CLIENTS)),
        help="concurrent clients per level, comma-separated (default 1,4,16)",
    )
    parser.add_argument(
        "--bare-threads",
        type=int,
        default=cores,
        help=f"torch threads of the bare Stanza run (default: the cores, {cores})",
    )
    parser.add_argument(
        "--batch-words",
        type=int,
        default=DEFAULT_BATCH_WORDS,
        help="words per batch, for the server (--batch-max-words) and bare Stanza alike "
        f"(default {DEFAULT_BATCH_WORDS})",
    )
    parser.add_argument("--batch-wait-ms", type=float, help="the server's --batch-wait-ms")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare Stanza run")
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"results JSON (default {DEFAULT_OUTPUT}); server logs go beside it",
    )
    return parser


def _default_settings(cores: int) -> list[str]:
    settings = ["1x1", f"1x{cores}", f"{cores}x1"]
    return list(dict.fromkeys(settings))


def _parse_settings(value: str) -> list[Setting]:
    settings = []
    for item in value.split(","):
        workers, _, threads = item.strip().partition("x")
        settings.append(Setting(int(workers), int(threads or 1)))
    return settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_arg_parser()
    args = parser.parse_args(argv)
    try:
        settings = _parse_settings(args.settings)
        levels = [int(value) for value in args.clients.split(",")]
    except ValueError:
        parser.error("--settings takes WORKERSxTHREADS,... and --clients numbers, e.g. 1,4,16")
    if not args.corpus.exists():
        print(f"quoteattr-bench: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    corpus = read_corpus(args.corpus, text_field=args.text_field)
    count = args.limit or (QUICK_DOCUMENTS if args.quick else len(corpus))
    documents = pick(corpus, count)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    extra = ["--batch-max-words", str(args.batch_words), "--max-queue", "1024"]
    if args.batch_wait_ms is not None:
        extra += ["--batch-wait-ms", str(args.batch_wait_ms)]
    load_before = os.getloadavg()
    words = sum(len(text.split()) for _, text in documents)
    print(
        f"{len(documents)} documents, {words:,} words; settings {args.settings}; clients "
        f"{args.clients}; {len(os.sched_getaffinity(0))} cores, load average {load_before[0]:.2f}",
        file=sys.stderr,
    )
    total = sum(len(_at_least(documents, clients)) for clients in levels) * len(settings)
    runs: list[SettingRun] = []
    with tqdm(total=total, unit="doc", disable=None, file=sys.stderr) as progress:
        for setting in settings:
            log = args.output.parent / f"server-{setting.name}.log"
            try:
                runs.append(
                    bench_setting(
                        setting,
                        documents,
                        levels,
                        models=args.models,
                        log=log,
                        extra=extra,
                        progress=progress,
                    )
                )
            except (RuntimeError, grpc.RpcError) as error:
                print(f"quoteattr-bench: {setting.name}: {error}", file=sys.stderr)
                return 1
    bare = None
    if not args.no_bare:
        print("timing bare Stanza ...", file=sys.stderr)
        bare = bench_bare(
            documents, models=args.models, threads=args.bare_threads, batch_words=args.batch_words
        )
    summary = summarise(runs, bare)
    print_report(runs, bare, summary, sys.stdout)
    results = {
        "command": ["quoteattr-bench", *(argv if argv is not None else sys.argv[1:])],
        "corpus": str(args.corpus),
        "documents": len(documents),
        "words": words,
        "cores": len(os.sched_getaffinity(0)),
        "load_average_before": load_before[0],
        "load_average_after": os.getloadavg()[0],
        "runs": [_run_record(run) for run in runs],
        "bare": None if bare is None else {**asdict(bare), "docs_per_s": bare.docs_per_second},
        "summary": summary,
    }
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"results in {args.output}", file=sys.stderr)
    return 0


def _run_record(run: SettingRun) -> dict[str, Any]:
    record = asdict(run)
    record["setting"] = run.setting.name
    for level, out in zip(run.levels, record["levels"], strict=True):
        out["docs_per_s"] = round(level.docs_per_second, 4)
        out["words_per_s"] = round(level.words_per_second, 1)
        out["engine_share"] = round(level.engine_share, 5)
    return record


if __name__ == "__main__":
    sys.exit(main())
