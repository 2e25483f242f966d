"""batch: attribute a whole archive over the streaming RPC; resumable, with progress and errors.

    inputs ──reader thread──> Document ──bounded queue──> AttributeStream ──> results file
                          └─> bad line ──────────────────────────────────────> errors file

- Input is streamed: a bounded queue and a bounded number of documents in flight keep memory
  flat however long the input is.
- Nothing lost, nothing twice: each result is one `os.write` of one whole line (or, for CSV,
  one document's rows) to a file opened for appending, so an interrupted job leaves whole
  records. On start the ids already in the results file are skipped, and a trailing partial
  record (a crash mid-write) is cut off first. CSV rows do not name a document without quotes
  and a document's rows span several lines, so CSV output keeps a journal beside it
  (`results.csv.done`: each finished id with the file's length after its rows); the CSV file is
  cut back to the last journalled length on start.
- A bad input line or a document the server rejects goes to the errors file with its source,
  line and reason, and the job goes on. The first bad request ends a gRPC stream (the status
  details name its position), so the documents it left unanswered are sent again on a new
  stream. UNAVAILABLE and RESOURCE_EXHAUSTED (and a stream past its deadline) are retried with
  the client library's policy (`Retries`): after the delay the server asks for, else with
  exponential backoff.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

import grpc

from quoteattr_client._client import DEFAULT_RETRIES as DEFAULT_POLICY
from quoteattr_client._client import Retries, retryable
from quoteattr_client._exceptions import QuoteAttrError
from quoteattr_client._models import AttributionResult

if TYPE_CHECKING:
    from tqdm import tqdm

STDIN = "-"
DEFAULT_MAX_CHARS = 400_000  # the server's default limit
DEFAULT_IN_FLIGHT = 16  # as many as the server reads ahead on a stream
DEFAULT_RETRIES = 5
CSV_COLUMNS = (
    "document_id",
    "quote",
    "kind",
    "speaker",
    "role",
    "cue",
    "start",
    "end",
    "confidence",
    # Last, so that a results file begun by an earlier version keeps its columns in place.
    "type",
)
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_POLL_SECONDS = 0.1
# Codes that no document causes: every document would fail the same way.
_JOB_WIDE = frozenset(
    {
        grpc.StatusCode.UNIMPLEMENTED,
        grpc.StatusCode.UNAUTHENTICATED,
        grpc.StatusCode.PERMISSION_DENIED,
    }
)


# --- what is read ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Document:
    """An article to attribute and where it came from (`line` is None for a .txt file)."""

    id: str
    text: str
    source: str
    line: int | None


@dataclass(frozen=True, slots=True)
class BadInput:
    """Input that cannot be sent: where it is, why, and its id when it has one."""

    source: str
    line: int | None
    reason: str
    id: str | None = None


def read_inputs(
    inputs: Sequence[str],
    *,
    id_field: str = "id",
    text_field: str = "text",
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | BadInput]:
    """Every document of `inputs`, in order, read lazily; bad input is yielded as `BadInput`.

    An input is a .txt file (its id is its path), a folder (its .txt files, recursively, in
    name order), a .jsonl/.ndjson file (one JSON object a line; the id is `id_field`, else
    `file:line`) or `-`, standard input read as JSON lines. Other files are read as text.
    Blank lines of JSONL are skipped.
    """
    for name in inputs:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_jsonl(stream, "stdin", id_field, text_field, max_chars)
        elif os.path.isdir(name):
            for path in _walk_texts(name):
                yield _read_text_file(path, max_chars)
        elif Path(name).suffix.lower() in _JSONL_SUFFIXES:
            try:
                with open(name, "rb") as stream:
                    yield from _read_jsonl(stream, name, id_field, text_field, max_chars)
            except OSError as error:
                yield BadInput(name, None, f"cannot read: {error.strerror or error}")
        else:
            yield _read_text_file(name, max_chars)


def count_inputs(inputs: Sequence[str]) -> int | None:
    """How many documents `inputs` hold at most (JSONL: its lines), for the progress bar's
    total; None when unknown (standard input) or unreadable. Reads in chunks: flat memory."""
    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        try:
            if os.path.isdir(name):
                total += sum(1 for _ in _walk_texts(name))
            elif Path(name).suffix.lower() in _JSONL_SUFFIXES:
                total += _count_lines(name)
            else:
                total += 1
        except OSError:
            return None
    return total


def _count_lines(path: str) -> int:
    lines = 0
    last = b"\n"
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _walk_texts(folder: str) -> Iterator[str]:
    """The .txt files under `folder`, depth first in name order, one directory listed at a time."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".txt"):
                yield os.path.join(root, name)


def _read_text_file(path: str, max_chars: int) -> Document | BadInput:
    try:
        # UTF-8 spends at most 4 bytes a character: a larger file is over the limit unread.
        size = os.path.getsize(path)
        if size > 4 * max_chars:
            return BadInput(
                path,
                None,
                f"file has {size:,} bytes; the limit is {max_chars:,} characters",
                id=path,
            )
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        return BadInput(path, None, f"cannot read: {error.strerror or error}", id=path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return BadInput(path, None, f"not valid UTF-8 (byte {error.start})", id=path)
    problem = _text_problem(text, max_chars)
    if problem is not None:
        return BadInput(path, None, problem, id=path)
    return Document(path, text, path, None)


def _read_jsonl(
    stream: IO[bytes], source: str, id_field: str, text_field: str, max_chars: int
) -> Iterator[Document | BadInput]:
    # JSON may spell a character in up to 12 bytes (a surrogate pair of \\u escapes); other
    # fields of the line get room too. Longer lines are skipped without being held whole.
    limit = max(16 << 20, 12 * max_chars + (1 << 20))
    for number, raw in _lines(stream, limit):
        if raw is None:
            yield BadInput(source, number, f"line longer than {limit:,} bytes")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError as error:  # JSONDecodeError and UnicodeDecodeError alike
            yield BadInput(source, number, f"invalid JSON: {error}")
            continue
        if not isinstance(record, dict):
            yield BadInput(source, number, f"not a JSON object but {type(record).__name__}")
            continue
        document_id = _document_id(record.get(id_field), f"{source}:{number}")
        text = record.get(text_field)
        if text is None:
            yield BadInput(source, number, f"no {text_field!r} field", id=document_id)
            continue
        if not isinstance(text, str):
            reason = f"{text_field!r} is {type(text).__name__}, not a string"
            yield BadInput(source, number, reason, id=document_id)
            continue
        problem = _text_problem(text, max_chars)
        if problem is not None:
            yield BadInput(source, number, problem, id=document_id)
            continue
        yield Document(document_id, text, source, number)


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of `stream`; None for a line over `limit` bytes, whose rest is skipped."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _document_id(value: object, fallback: str) -> str:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return fallback


def _text_problem(text: str, max_chars: int) -> str | None:
    if not text.strip():
        return "text is empty or only whitespace"
    if len(text) > max_chars:
        return f"text has {len(text):,} characters; the limit is {max_chars:,}"
    return None


# --- what is written ---------------------------------------------------------------------------


def result_record(result: AttributionResult) -> dict[str, Any]:
    """A result as plain JSON data: what `quoteattr attribute --json` prints and each line of
    `batch`'s JSONL output holds."""
    return dataclasses.asdict(result)


def csv_rows(result: AttributionResult) -> list[list[str]]:
    """One row per quote, in CSV_COLUMNS order."""
    rows = []
    for quote in result.quotes:
        speaker = result.speaker(quote)
        rows.append(
            [
                result.document_id,
                quote.words,
                quote.kind.value,
                result.speaker_names(quote),
                "; ".join(role.text for role in speaker.roles) if speaker else "",
                quote.cue.text if quote.cue else "",
                str(quote.span.start),
                str(quote.span.end),
                f"{quote.confidence:.3f}",
                quote.attribution_type.value,
            ]
        )
    return rows


class OutputCorrupt(Exception):
    """The results file holds something this program did not write; it is left untouched."""


class ResultWriter(Protocol):
    """Where results go: `done` holds the ids found there on opening; each `write` appends
    one document."""

    @property
    def done(self) -> set[str]: ...

    def write(self, result: AttributionResult) -> None: ...

    def close(self) -> None: ...


def _append_fd(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)


def _write_all(fd: int, data: bytes) -> None:
    """One write call for the whole record (a signal cannot split a write to a regular file);
    looped only for the short writes of a full disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _cut_partial_line(path: Path) -> int:
    """Truncate `path` after its last newline; returns the new length."""
    with open(path, "rb+") as stream:
        size = stream.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - (1 << 16))
            stream.seek(start)
            block = stream.read(end - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                end = start + newline + 1
                break
            end = start
        if end != size:
            stream.truncate(end)
        return end


class JsonlWriter:
    """One JSON line per document; the ids already written are read back on opening."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: set[str] = set()
        if path.exists():
            _cut_partial_line(path)
            with open(path, "rb") as stream:
                for number, line in enumerate(stream, start=1):
                    self.done.add(_written_id(line, path, number))
        self._fd = _append_fd(path)

    def write(self, result: AttributionResult) -> None:
        line = json.dumps(result_record(result), ensure_ascii=False) + "\n"
        _write_all(self._fd, line.encode("utf-8"))

    def close(self) -> None:
        os.fsync(self._fd)
        os.close(self._fd)


def _written_id(line: bytes, path: Path, number: int) -> str:
    try:
        record = json.loads(line)
        document_id = record["document_id"]
        if isinstance(document_id, str):
            return document_id
    except (ValueError, TypeError, KeyError):
        pass
    raise OutputCorrupt(f"{path}:{number} is not a result line; move the file or fix that line")


class CsvWriter:
    """One row per quote, after a header; `<path>.done` journals each finished document.

    A journal line is `[length, id]`: the CSV file's length once the document's rows were
    written. On opening, the CSV is cut back to the last journalled length, which drops the
    rows of a document whose journal line never made it, so it is written once, again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.journal_path = path.with_name(path.name + ".done")
        self.done: set[str] = set()
        length = 0
        if self.journal_path.exists():
            _cut_partial_line(self.journal_path)
            with open(self.journal_path, "rb") as stream:
                for number, line in enumerate(stream, start=1):
                    length, document_id = _journal_entry(line, self.journal_path, number)
                    self.done.add(document_id)
        elif path.exists() and path.stat().st_size > 0:
            raise OutputCorrupt(
                f"{path} exists without its journal {self.journal_path.name}, so the documents "
                "it holds are unknown; move it or choose another --out"
            )
        self._fd = _append_fd(path)
        size = os.fstat(self._fd).st_size
        if size < length:
            os.close(self._fd)
            raise OutputCorrupt(f"{path} is shorter than its journal says ({size} < {length})")
        os.ftruncate(self._fd, length)
        self._length = length
        self._journal = _append_fd(self.journal_path)
        if length == 0:
            self._append(_csv_text([list(CSV_COLUMNS)]))

    def write(self, result: AttributionResult) -> None:
        rows = csv_rows(result)
        if rows:
            self._append(_csv_text(rows))
        entry = json.dumps([self._length, result.document_id], ensure_ascii=False) + "\n"
        _write_all(self._journal, entry.encode("utf-8"))

    def _append(self, text: str) -> None:
        data = text.encode("utf-8")
        _write_all(self._fd, data)
        self._length += len(data)

    def close(self) -> None:
        for fd in (self._fd, self._journal):
            os.fsync(fd)
            os.close(fd)


def _csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def _journal_entry(line: bytes, path: Path, number: int) -> tuple[int, str]:
    try:
        length, document_id = json.loads(line)
        if isinstance(length, int) and isinstance(document_id, str):
            return length, document_id
    except (ValueError, TypeError):
        pass
    raise OutputCorrupt(f"{path}:{number} is not a journal line; move the file or fix that line")


def open_writer(path: Path, output_format: str) -> ResultWriter:
    """A writer of `output_format` ("jsonl" or "csv") appending to `path`."""
    if output_format == "csv":
        return CsvWriter(path)
    return JsonlWriter(path)


class ErrorLog:
    """The errors file: one JSON line per failed document; written from two threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._lock = threading.Lock()
        self._fd: int | None = None
        # Each run lists the failures of its own documents: a re-run tries them all again.
        path.unlink(missing_ok=True)

    def write(
        self,
        *,
        source: str,
        line: int | None,
        reason: str,
        document_id: str | None,
        code: str | None = None,
    ) -> None:
        record = {"id": document_id, "source": source, "line": line, "reason": reason}
        if code is not None:
            record["code"] = code
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            if self._fd is None:
                self._fd = _append_fd(self.path)
            _write_all(self._fd, data)
            self.count += 1

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


# --- progress ----------------------------------------------------------------------------------


def _bar(stream: IO[str]) -> tqdm[Any] | None:
    """A tqdm bar, or None (plain lines) without the `[cli]` extra that installs tqdm."""
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(file=stream, unit="doc", dynamic_ncols=True, smoothing=0.05)


class Progress:
    """Documents done (written or failed) of the total, docs/s and ETA: a tqdm bar on a
    terminal, else one plain line every `every` seconds (0: every document)."""

    def __init__(self, stream: IO[str], *, every: float, bar: bool) -> None:
        self._stream = stream
        self._every = every
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._last_line = self._started
        self.total: int | None = None
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self._closed = False
        self._bar: tqdm[Any] | None = _bar(stream) if bar else None

    def set_total(self, total: int | None) -> None:
        with self._lock:
            self.total = total
            if self._bar is not None and total is not None and not self._closed:
                self._bar.total = total
                self._bar.refresh()

    def advance(self, *, failed: bool = False) -> None:
        with self._lock:
            self.done += 1
            self.failed += failed
            if self._bar is not None:
                self._bar.update(1)
                if failed:
                    self._bar.set_postfix(self._postfix(), refresh=False)
            elif time.monotonic() - self._last_line >= self._every:
                self._last_line = time.monotonic()
                self._stream.write(f"quoteattr batch: {self._summary()}\n")
                self._stream.flush()

    def skip(self) -> None:
        with self._lock:
            self.skipped += 1
            if self._bar is not None and self.skipped % 1000 == 1:
                self._bar.set_postfix(self._postfix())

    def note(self, message: str) -> None:
        """A line that must not be drawn over by the bar (retries, giving up)."""
        with self._lock:
            if self._bar is not None:
                self._bar.write(f"quoteattr batch: {message}", file=self._stream)
            else:
                self._stream.write(f"quoteattr batch: {message}\n")
                self._stream.flush()

    def close(self) -> None:
        with self._lock:
            if self._bar is not None and not self._closed:
                self._bar.close()
            self._closed = True

    def rate(self) -> float:
        elapsed = time.monotonic() - self._started
        return self.done / elapsed if elapsed > 0 else 0.0

    def _postfix(self) -> dict[str, int]:
        return {"failed": self.failed, "skipped": self.skipped}

    def _summary(self) -> str:
        rate = self.rate()
        if self.total:
            share = f"{self.done:,}/{self.total:,} documents ({100 * self.done / self.total:.1f}%)"
            left = max(self.total - self.done, 0)
            eta = f", ETA {_clock(left / rate)}" if rate > 0 else ""
        else:
            share, eta = f"{self.done:,} documents", ""
        return (
            f"{share}, {rate:.1f} docs/s{eta}; {self.failed:,} failed, "
            f"{self.skipped:,} skipped (already done)"
        )


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


# --- the job -----------------------------------------------------------------------------------


class BatchAborted(Exception):
    """The job stopped before the end of its input (the server stayed unavailable, refused
    every call, or answered out of order); a re-run resumes it."""


class Attributor(Protocol):
    """What the job needs of `QuoteAttributionClient`."""

    def attribute_many(
        self,
        documents: Iterable[tuple[str, str]],
        *,
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
        attribution_types: Collection[str] = (),
    ) -> Iterator[AttributionResult]: ...


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a job reads, sends and retries; see `quoteattr batch --help`."""

    id_field: str = "id"
    text_field: str = "text"
    max_chars: int = DEFAULT_MAX_CHARS
    in_flight: int = DEFAULT_IN_FLIGHT
    retries: int = DEFAULT_RETRIES
    # The pause before each retry (its `attempts` is not used: `retries` counts them).
    policy: Retries = DEFAULT_POLICY
    # A stream takes new documents for this long, then ends once its documents are answered;
    # the client's deadline for the stream must leave them time (the CLI uses half of it).
    stream_seconds: float = 30.0
    include_reported_speech: bool = True
    min_confidence: float = 0.0
    # Only quotes of these types ("speech", ...); empty keeps all.
    attribution_types: tuple[str, ...] = ()


@dataclass(slots=True)
class BatchSummary:
    """What one run did."""

    written: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    aborted: str | None = None
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not (self.failed or self.aborted or self.interrupted)


class _End:
    """Put on the queue after the last document."""


class _Wait:
    """Nothing to send yet; ask again."""


_END = _End()
_WAIT = _Wait()


@dataclass
class _Feed:
    """Documents to send: first those a failed stream left unanswered, then new input."""

    queue: queue.Queue[Document | _End]
    retry: deque[Document] = field(default_factory=deque)
    exhausted: bool = False

    def take(self, *, new: bool) -> Document | _Wait | None:
        """The next document; None when there is none to send on this stream."""
        if self.retry:
            return self.retry.popleft()
        if self.exhausted or not new:
            return None
        try:
            item = self.queue.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            return _WAIT
        if isinstance(item, _End):
            self.exhausted = True
            return None
        return item

    @property
    def finished(self) -> bool:
        return self.exhausted and not self.retry


class _Stream:
    """One AttributeStream call: the documents it sent and has not had answered, in order.

    gRPC's sending thread pulls `requests()`; this job's thread calls `answered()` for each
    response and `close()` when the call ends. Taking a document and recording it as pending
    happen under one lock that `close()` also takes, so after `close()` every document taken
    is in the list it returns and no more are taken.
    """

    def __init__(self, feed: _Feed, *, window: int, accept_new_until: float) -> None:
        self._feed = feed
        self._slots = threading.Semaphore(window)
        self._lock = threading.Lock()
        self._pending: deque[Document] = deque()
        self._closed = False
        self._accept_new_until = accept_new_until
        self.sent = 0

    def requests(self) -> Iterator[tuple[str, str]]:
        while (document := self._next()) is not None:
            yield document.id, document.text

    def _next(self) -> Document | None:
        while not self._slots.acquire(timeout=_POLL_SECONDS):
            if self._closed:
                return None
        while True:
            with self._lock:
                if self._closed:
                    break
                item = self._feed.take(new=time.monotonic() < self._accept_new_until)
                if item is None:
                    break
                if isinstance(item, Document):
                    self._pending.append(item)
                    self.sent += 1
                    return item
        self._slots.release()
        return None

    def answered(self) -> Document:
        if not self._pending:
            raise BatchAborted("the server answered a document that was not sent")
        document = self._pending.popleft()
        self._slots.release()
        return document

    def close(self) -> list[Document]:
        with self._lock:
            self._closed = True
            left = list(self._pending)
            self._pending.clear()
        return left


class BatchJob:
    """Attributes every document of `inputs` into `writer`, listing failures in `errors`.

    Args:
        client: a `QuoteAttributionClient` (anything with its `attribute_many`).
        inputs: files, folders or `-`, as `read_inputs` takes them.
        writer: the results file, already opened (it knows the ids done before).
        errors: the errors file.
        progress: where progress goes.
        options: reading, window, retries and attribution options.
        sleep: waits between retries (tests pass their own).
        stdin: standard input as bytes (default: the process's).
    """

    def __init__(
        self,
        client: Attributor,
        inputs: Sequence[str],
        *,
        writer: ResultWriter,
        errors: ErrorLog,
        progress: Progress,
        options: BatchOptions = BatchOptions(),
        sleep: Callable[[float], None] = time.sleep,
        stdin: IO[bytes] | None = None,
    ) -> None:
        self._client = client
        self._inputs = inputs
        self._writer = writer
        self._errors = errors
        self._progress = progress
        self._options = options
        self._sleep = sleep
        self._stdin = stdin
        self._summary = BatchSummary()
        self._feed = _Feed(queue.Queue(maxsize=options.in_flight))
        self._stop_reading = threading.Event()
        self._reader_failure: BaseException | None = None
        # Documents to send one at a time, to find which of them a stream error was about.
        self._isolate = 0

    def run(self) -> BatchSummary:
        """Run to the end of the input; KeyboardInterrupt stops it with whole records written."""
        started = time.monotonic()
        reader = threading.Thread(target=self._read, name="quoteattr-batch-reader", daemon=True)
        counter = threading.Thread(target=self._count, name="quoteattr-batch-count", daemon=True)
        reader.start()
        counter.start()
        try:
            self._send_all()
        except BatchAborted as error:
            self._summary.aborted = str(error)
        except KeyboardInterrupt:
            self._summary.interrupted = True
        finally:
            self._stop_reading.set()
            # Files are left at the next document; standard input may block in a read, so
            # the (daemon) thread is not waited for long.
            reader.join(timeout=5)
            self._progress.close()
            self._summary.seconds = time.monotonic() - started
            self._summary.skipped = self._progress.skipped
            self._summary.failed = self._errors.count
        if self._reader_failure is not None:
            raise self._reader_failure
        return self._summary

    def _count(self) -> None:
        total = count_inputs(self._inputs)
        if total is not None:
            total = max(total - len(self._writer.done), 0)
        self._progress.set_total(total)

    def _read(self) -> None:
        """The reader thread: documents onto the queue, bad input into the errors file."""
        done = self._writer.done  # only the job's thread adds to it, ids this thread queued
        queued: set[str] = set()
        options = self._options
        try:
            for item in read_inputs(
                self._inputs,
                id_field=options.id_field,
                text_field=options.text_field,
                max_chars=options.max_chars,
                stdin=self._stdin,
            ):
                if self._stop_reading.is_set():
                    return
                if isinstance(item, BadInput):
                    if item.id is not None and item.id in done:
                        self._progress.skip()  # done before; the input changed since
                        continue
                    self._fail(item.source, item.line, item.reason, item.id)
                elif item.id in done:
                    self._progress.skip()
                elif item.id in queued:
                    self._fail(item.source, item.line, "duplicate document id", item.id)
                else:
                    queued.add(item.id)
                    if not self._put(item):
                        return
            self._put(_END)
        except BaseException as error:  # a bug: the job's thread raises it once stopped
            self._reader_failure = error
            self._put(_END)

    def _put(self, item: Document | _End) -> bool:
        while not self._stop_reading.is_set():
            try:
                self._feed.queue.put(item, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def _fail(
        self, source: str, line: int | None, reason: str, document_id: str | None, code: str = ""
    ) -> None:
        self._errors.write(
            source=source, line=line, reason=reason, document_id=document_id, code=code or None
        )
        self._progress.advance(failed=True)

    def _send_all(self) -> None:
        """Open streams until every document is written or has failed."""
        options = self._options
        failures = 0  # consecutive stream errors with no result in between
        while not self._feed.finished:
            if not self._feed.retry:
                self._isolate = 0
            isolating = self._isolate > 0
            stream = _Stream(
                self._feed,
                window=1 if isolating else options.in_flight,
                # While isolating, only the documents under suspicion are sent.
                accept_new_until=0.0 if isolating else time.monotonic() + options.stream_seconds,
            )
            error: QuoteAttrError | None = None
            try:
                results = self._client.attribute_many(
                    stream.requests(),
                    include_reported_speech=options.include_reported_speech,
                    min_confidence=options.min_confidence,
                    attribution_types=options.attribution_types,
                )
                try:
                    for result in results:
                        document = stream.answered()
                        if result.document_id != document.id:
                            raise BatchAborted(
                                f"the server answered {result.document_id!r} for {document.id!r}"
                            )
                        self._writer.write(result)
                        self._summary.written += 1
                        self._progress.advance()
                        failures = 0
                        self._isolate = max(self._isolate - 1, 0)
                finally:
                    _close(results)
            except QuoteAttrError as caught:
                error = caught
            finally:
                left = stream.close()
                self._feed.retry.extendleft(reversed(left))
            if self._reader_failure is not None:
                return
            if error is not None:
                failures = self._recover(error, left, stream.sent, failures)

    def _recover(
        self, error: QuoteAttrError, left: list[Document], sent: int, failures: int
    ) -> int:
        """Deal with a stream that ended in `error` with `left` unanswered (now first in the
        retry queue); returns the new count of consecutive failures."""
        if error.code in _JOB_WIDE:
            raise BatchAborted(str(error))
        culprit, reason = _culprit(error, left, answered=sent - len(left))
        if _transient(error):
            failures += 1
            if failures <= self._options.retries:
                delay = self._options.policy.pause(failures, error.retry_after)
                self._progress.note(
                    f"{error.code.name}: {error.details}; retry {failures} of "
                    f"{self._options.retries} in {delay:.1f} s"
                )
                self._sleep(delay)
                return failures
            if error.code == grpc.StatusCode.UNAVAILABLE or not left:
                raise BatchAborted(f"{error} (after {self._options.retries} retries)")
        elif not left:
            raise BatchAborted(str(error))
        if culprit is None:
            # Several documents were in flight and the error does not say which one it was
            # about: send them one at a time to find out.
            self._isolate = len(left)
            self._progress.note(f"{error.code.name}: sending {len(left)} documents one by one")
            return 0
        self._feed.retry.remove(culprit)
        self._isolate = max(self._isolate - 1, 0)
        self._fail(culprit.source, culprit.line, reason, culprit.id, error.code.name)
        return 0


def _transient(error: QuoteAttrError) -> bool:
    """Might the same request succeed later? (A stream past its deadline too: it was long.)"""
    return error.code == grpc.StatusCode.DEADLINE_EXCEEDED or retryable(error.code, error.details)


def _culprit(
    error: QuoteAttrError, left: list[Document], *, answered: int
) -> tuple[Document | None, str]:
    """The document an error is about, and the reason without the stream position: the one
    its status details name, else the only one in flight, else None."""
    reason = error.details
    position = error.position
    if position is not None:
        # The server puts the position before its message for people; the details say it too.
        named = f"request {position} (document_id {error.status.document_id!r}): "
        reason = reason.removeprefix(named)
        index = position - answered - 1
        if 0 <= index < len(left):
            return left[index], reason
    if len(left) == 1:
        return left[0], reason
    return None, reason


def _close(results: Iterator[AttributionResult]) -> None:
    """Close the client's result generator now, which cancels the call, rather than at GC."""
    close = getattr(results, "close", None)
    if close is not None:
        close()


def default_errors_path(out: Path) -> Path:
    """`results.jsonl` -> `results.errors.jsonl`, beside it."""
    return out.with_name(f"{out.stem}.errors.jsonl")
