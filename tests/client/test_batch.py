"""`quoteattr batch` against real servers on loopback: every good document once, bad ones listed,
resumable after a re-run, a kill or Ctrl-C; CSV rows; retries; and the job's recovery logic
against a scripted client."""

from __future__ import annotations

import csv
import io
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest

from quoteattr_client import QuoteAttributionClient, RequestRejected, TransportError
from quoteattr_client._exceptions import NO_DETAILS, StatusDetails
from quoteattr_client._models import AttributionResult, ModelInfo
from quoteattr_client.batch import (
    BadInput,
    BatchJob,
    BatchOptions,
    CsvWriter,
    Document,
    ErrorLog,
    JsonlWriter,
    OutputCorrupt,
    Progress,
    _culprit,
    read_inputs,
)
from quoteattr_client.cli import main
from quoteattr_server.models import Models
from quoteattr_server.nlp.batcher import MicroBatcher
from quoteattr_server.settings import Settings
from quoteattr_server.transport.server import PipelineSlot, create_server

StartServer = Callable[..., str]

SPEAKERS = (
    ("Mayor", "Ana Kovac"),
    ("Minister", "Tomas Brandt"),
    ("Dr.", "Lena Okafor"),
    ("Judge", "Piet Varga"),
    ("Senator", "Rosa Ilic"),
    ("Coach", "Marta Fenn"),
)
PLACES = ("bridge", "hospital", "harbour", "library", "railway", "stadium", "market")
MONTHS = ("March", "May", "July", "October")
# The test server's limit: every generated article fits, OVERSIZED does not.
SMALL_LIMIT = 1_500
OVERSIZED = "The council met again. " * 80


def article(number: int) -> str:
    """An invented two-paragraph article with a direct and a reported quote."""
    title, name = SPEAKERS[number % len(SPEAKERS)]
    place = PLACES[number % len(PLACES)]
    surname = name.split()[-1]
    return (
        f'"Work on the {place} will finish in {MONTHS[number % len(MONTHS)]}," said {title} '
        f"{name}.\n{surname} said the cost of the {place} had risen by {number + 3} percent.\n"
    )


def write_jsonl(path: Path, lines: Iterable[str]) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def record(document_id: str, text: str) -> str:
    return json.dumps({"id": document_id, "text": text})


def read_results(path: Path) -> list[dict[str, Any]]:
    """Every line of a results file, parsed (fails on a line that is not whole JSON)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_errors(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def small_limit_server(start_server: StartServer) -> str:
    return start_server(max_text_chars=SMALL_LIMIT)


@pytest.fixture
def archive(tmp_path: Path) -> tuple[list[str], set[str]]:
    """A folder of .txt articles (one nested) and a JSONL file with a malformed line (3) and
    an oversized document (5): the inputs, and the ids of the good documents."""
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    paths = [folder / "a.txt", folder / "b.txt", folder / "2024" / "c.txt"]
    for number, path in enumerate(paths):
        path.write_text(article(number), encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    jsonl = write_jsonl(
        tmp_path / "wire.jsonl",
        [
            record("wire-1", article(10)),
            record("wire-2", article(11)),
            '{"id": "wire-3", "text": "unterminated',
            record("wire-4", article(13)),
            record("too-long", OVERSIZED),
            json.dumps({"text": article(15)}),  # no id: file:line
        ],
    )
    good = {str(path) for path in paths} | {"wire-1", "wire-2", "wire-4", f"{jsonl}:6"}
    return [str(folder), str(jsonl)], good


# --- through the command line, against real servers ------------------------------------------


def test_writes_every_good_document_once_and_lists_the_bad_ones(
    small_limit_server: str,
    archive: tuple[list[str], set[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    inputs, good = archive
    out, errors = tmp_path / "results.jsonl", tmp_path / "errors.jsonl"
    command = ["batch", *inputs, "--out", str(out), "--errors", str(errors)]
    command += ["--target", small_limit_server, "--in-flight", "4"]

    assert main(command) == 1

    results = read_results(out)
    assert sorted(r["document_id"] for r in results) == sorted(good)
    assert all(r["quotes"] for r in results)
    bad = sorted(read_errors(errors), key=lambda e: e["line"])
    assert [(e["source"], e["line"]) for e in bad] == [(inputs[1], 3), (inputs[1], 5)]
    assert bad[0]["reason"].startswith("invalid JSON")
    assert bad[1]["id"] == "too-long"
    assert bad[1]["code"] == "INVALID_ARGUMENT"
    assert f"the limit is {SMALL_LIMIT:,}" in bad[1]["reason"]
    assert f"{len(good)} written" in capsys.readouterr().err

    # A second run writes nothing new, and lists the same two failures again.
    before = out.read_bytes()
    assert main(command) == 1
    assert out.read_bytes() == before
    assert len(read_errors(errors)) == 2
    report = capsys.readouterr().err
    assert "0 written" in report
    assert f"{len(good)} skipped" in report


def test_each_line_is_what_attribute_json_prints(
    server_address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "one.txt"
    path.write_text(article(4), encoding="utf-8")
    out = tmp_path / "out.jsonl"

    assert main(["batch", str(path), "--out", str(out), "--target", server_address]) == 0
    [line] = read_results(out)
    capsys.readouterr()
    command = ["attribute", "--json", str(path), "--document-id", str(path)]
    assert main([*command, "--target", server_address]) == 0
    printed = json.loads(capsys.readouterr().out)

    line.pop("processing_seconds")
    printed.pop("processing_seconds")
    assert line == printed


def test_csv_has_one_row_per_quote(server_address: str, tmp_path: Path) -> None:
    jsonl = write_jsonl(
        tmp_path / "in.jsonl",
        [record(f"d{n}", article(n)) for n in range(4)] + [record("none", "It rained all day.")],
    )
    as_json, as_csv = tmp_path / "out.jsonl", tmp_path / "out.csv"
    for out in (as_json, as_csv):
        assert main(["batch", str(jsonl), "--out", str(out), "--target", server_address]) == 0

    with as_csv.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    expected = [
        (result["document_id"], quote["text"], quote["kind"], quote["span"]["start"])
        for result in read_results(as_json)
        for quote in result["quotes"]
    ]
    assert sorted((r["document_id"], r["quote"], r["kind"], int(r["start"])) for r in rows) == (
        sorted(expected)
    )
    assert len(rows) >= 8  # two quotes in each generated article
    kovac = next(row for row in rows if row["document_id"] == "d0" and row["kind"] == "direct")
    assert (kovac["speaker"], kovac["role"], kovac["cue"]) == ("Ana Kovac", "Mayor", "said")
    assert 0 < float(kovac["confidence"]) <= 1
    assert kovac["type"] == "speech"
    # The document without quotes has no row, but the journal knows it is done.
    assert "none" in (tmp_path / "out.csv.done").read_text()
    assert main(["batch", str(jsonl), "--out", str(as_csv), "--target", server_address]) == 0
    with as_csv.open(newline="", encoding="utf-8") as stream:
        assert len(list(csv.DictReader(stream))) == len(rows)


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_a_stopped_run_leaves_whole_lines_and_a_rerun_completes_it(
    server_address: str, tmp_path: Path, stop: signal.Signals
) -> None:
    total = 30
    jsonl = write_jsonl(
        tmp_path / "in.jsonl", [record(f"doc-{n}", article(n) * 3) for n in range(total)]
    )
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-c", _CLI_WITH_CTRL_C, "batch", str(jsonl)]
    command += ["--out", str(out), "--target", server_address, "--in-flight", "2"]
    with open(tmp_path / "stderr", "wb") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        _wait_for_lines(out, 4, process)
        process.send_signal(stop)
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert code == (-signal.SIGKILL if stop == signal.SIGKILL else 130)
    written = read_results(out)
    assert 4 <= len(written) < total, "the run was not stopped half way"
    assert len({r["document_id"] for r in written}) == len(written)

    assert main(["batch", str(jsonl), "--out", str(out), "--target", server_address]) == 0
    ids = [r["document_id"] for r in read_results(out)]
    assert sorted(ids) == sorted(f"doc-{n}" for n in range(total))


# The CLI with ctrl-c turned into KeyboardInterrupt as in a terminal: a test runner started in
# the background has SIGINT ignored, and a child inherits that. Set in the child's own Python,
# not by a `preexec_fn`, which runs Python between fork and exec while the runner's gRPC
# threads are alive (the child then aborted now and then).
_CLI_WITH_CTRL_C = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('quoteattr_client.cli', run_name='__main__', alter_sys=True)"
)


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"batch exited with {process.returncode} before writing {count} lines")
        time.sleep(0.01)
    pytest.fail(f"no {count} lines after 120 s")


def test_a_partial_last_line_is_cut_and_its_document_written_again(
    server_address: str, tmp_path: Path
) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", [record(f"d{n}", article(n)) for n in range(3)])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(jsonl), "--out", str(out), "--target", server_address]) == 0
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # As if the machine had died in the middle of writing the last line.
    out.write_text(lines[0] + lines[1] + lines[2][:40], encoding="utf-8")

    assert main(["batch", str(jsonl), "--out", str(out), "--target", server_address]) == 0

    assert sorted(r["document_id"] for r in read_results(out)) == ["d0", "d1", "d2"]


def test_csv_rows_of_a_document_not_journalled_are_dropped_and_written_once(
    server_address: str, tmp_path: Path
) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", [record(f"d{n}", article(n)) for n in range(3)])
    out = tmp_path / "out.csv"
    assert main(["batch", str(jsonl), "--out", str(out), "--target", server_address]) == 0
    complete = out.read_text(encoding="utf-8")
    journal = out.with_name("out.csv.done")
    # Killed after d2's rows were written and before its journal line.
    *kept, _last = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    journal.write_text("".join(kept), encoding="utf-8")

    assert main(["batch", str(jsonl), "--out", str(out), "--target", server_address]) == 0

    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(complete.splitlines())


def test_stdin_is_read_as_json_lines_with_line_ids(
    server_address: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [json.dumps({"body": article(1)}), json.dumps({"key": "k2", "body": article(2)})]
    stdin = io.TextIOWrapper(io.BytesIO("\n".join(lines).encode("utf-8")))
    monkeypatch.setattr("sys.stdin", stdin)
    out = tmp_path / "out.jsonl"

    command = ["batch", "-", "--out", str(out), "--id-field", "key", "--text-field", "body"]
    assert main([*command, "--target", server_address]) == 0

    assert sorted(r["document_id"] for r in read_results(out)) == ["k2", "stdin:1"]


def test_server_that_stays_unavailable_stops_the_job_with_nothing_written(
    start_server: StartServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", [record("d0", article(0))])
    out = tmp_path / "out.jsonl"
    command = ["batch", str(jsonl), "--out", str(out), "--retries", "1"]

    assert main([*command, "--target", start_server(models=None)]) == 1

    assert out.read_text() == ""
    err = capsys.readouterr().err
    assert "UNAVAILABLE" in err
    assert "re-run the same command to resume" in err
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_unavailable_is_retried_until_the_models_are_loaded(
    server_settings: Settings,
    models: Models,
    make_pipeline: Callable[[Models], MicroBatcher],
    tmp_path: Path,
) -> None:
    slot = PipelineSlot()
    server, port = create_server(server_settings, slot)
    server.start()
    delays: list[float] = []

    def sleep(seconds: float) -> None:
        delays.append(seconds)
        if len(delays) == 2:
            slot.fill(make_pipeline(models))

    jsonl = write_jsonl(tmp_path / "in.jsonl", [record(f"d{n}", article(n)) for n in range(3)])
    try:
        with QuoteAttributionClient(f"127.0.0.1:{port}", timeout=60) as client:
            summary, out, _ = run_job(client, [str(jsonl)], tmp_path, sleep=sleep)
    finally:
        server.stop(grace=None)

    assert summary.ok
    assert len(delays) == 2
    assert delays[1] >= delays[0]  # backoff grows (each delay jittered within [0.5, 1] x)
    assert sorted(r["document_id"] for r in read_results(out)) == ["d0", "d1", "d2"]


# --- reading input -----------------------------------------------------------------------------


def test_bad_lines_are_reported_with_their_line_numbers(tmp_path: Path) -> None:
    jsonl = write_jsonl(
        tmp_path / "in.jsonl",
        [
            record("ok", "Fine text."),
            "",
            "[1, 2]",
            json.dumps({"id": "no-text"}),
            json.dumps({"id": "number", "text": 5}),
            record("blank", "  \n "),
            record("long", "x" * 101),
            json.dumps({"id": 7, "text": "Numbers make ids too."}),
        ],
    )
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))

    items = list(read_inputs([str(jsonl), str(tmp_path / "latin1.txt")], max_chars=100))

    src = str(jsonl)
    assert items == [
        Document("ok", "Fine text.", src, 1),
        BadInput(src, 3, "not a JSON object but list"),
        BadInput(src, 4, "no 'text' field", id="no-text"),
        BadInput(src, 5, "'text' is int, not a string", id="number"),
        BadInput(src, 6, "text is empty or only whitespace", id="blank"),
        BadInput(src, 7, "text has 101 characters; the limit is 100", id="long"),
        Document("7", "Numbers make ids too.", src, 8),
        BadInput(
            str(tmp_path / "latin1.txt"),
            None,
            "not valid UTF-8 (byte 3)",
            id=str(tmp_path / "latin1.txt"),
        ),
    ]


def test_a_line_too_long_to_hold_is_skipped_and_the_next_one_read(tmp_path: Path) -> None:
    # With max_chars=1 the longest line held is 17 MiB (16 MiB, plus room for escapes).
    jsonl = tmp_path / "in.jsonl"
    with jsonl.open("w", encoding="utf-8") as stream:
        stream.write(record("huge", "y" * (18 << 20)) + "\n")
        stream.write(record("next", "z") + "\n")

    items = list(read_inputs([str(jsonl)], max_chars=1))

    assert isinstance(items[0], BadInput)
    assert (items[0].line, items[0].reason.startswith("line longer than")) == (1, True)
    assert items[1] == Document("next", "z", str(jsonl), 2)


def test_an_output_file_not_written_by_batch_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"document_id": "a"}\nsomething else\n', encoding="utf-8")
    with pytest.raises(OutputCorrupt, match=r"out\.jsonl:2"):
        JsonlWriter(out)
    csv_out = tmp_path / "out.csv"
    csv_out.write_text("document_id,quote\n", encoding="utf-8")
    with pytest.raises(OutputCorrupt, match="without its journal"):
        CsvWriter(csv_out)
    assert out.read_text(encoding="utf-8").endswith("something else\n")


# --- recovery, against a scripted client ------------------------------------------------------


def result_for(document_id: str) -> AttributionResult:
    return AttributionResult(
        document_id=document_id,
        quotes=(),
        speakers=(),
        engine_version="test",
        model=ModelInfo("1.15.0", "test", "/models"),
        processing_seconds=0.0,
    )


class ScriptedClient:
    """Answers streams as the server does, failing the call at a text that contains a key of
    `failures` with that key's next error.

    Like gRPC, a thread of its own pulls the requests while the window lets it; before each
    answer it waits (briefly) for `ahead` requests, so that several are in flight when a call
    fails.
    """

    def __init__(self, failures: dict[str, list[Exception]], *, ahead: int = 3) -> None:
        self.failures = failures
        self.ahead = ahead
        self.streams: list[list[str]] = []

    def attribute_many(
        self,
        documents: Iterable[tuple[str, str]],
        *,
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
        attribution_types: Collection[str] = (),
    ) -> Iterator[AttributionResult]:
        sent: list[str] = []
        self.streams.append(sent)
        incoming: queue.Queue[tuple[str, str] | None] = queue.Queue()

        def pump() -> None:
            for item in documents:
                sent.append(item[0])
                incoming.put(item)
            incoming.put(None)

        threading.Thread(target=pump, daemon=True).start()
        pending: list[tuple[str, str]] = []
        ended = False
        while True:
            while not ended and len(pending) < self.ahead:
                try:
                    item = incoming.get(timeout=0.1 if pending else 10)
                except queue.Empty:
                    break
                if item is None:
                    ended = True
                else:
                    pending.append(item)
            if not pending:
                if ended:
                    return
                continue
            document_id, text = pending.pop(0)
            for key, errors in self.failures.items():
                if key in text and errors:
                    raise errors.pop(0)
            yield result_for(document_id)


def run_job(
    client: Any, inputs: list[str], tmp_path: Path, **kwargs: Any
) -> tuple[Any, Path, Path]:
    out, errors_path = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    writer, errors = JsonlWriter(out), ErrorLog(errors_path)
    progress = Progress(io.StringIO(), every=3600, bar=False)
    options = kwargs.pop("options", BatchOptions(in_flight=4))
    try:
        job = BatchJob(
            client,
            inputs,
            writer=writer,
            errors=errors,
            progress=progress,
            options=options,
            **kwargs,
        )
        summary = job.run()
    finally:
        writer.close()
        errors.close()
    return summary, out, errors_path


def test_an_error_naming_no_document_is_narrowed_down_by_sending_one_at_a_time(
    tmp_path: Path,
) -> None:
    rejected = RequestRejected(grpc.StatusCode.INVALID_ARGUMENT, "bad document")
    client = ScriptedClient({"poison": [rejected, rejected]}, ahead=3)
    texts = ["fine", "fine", "fine", "poison", "fine", "fine"]
    jsonl = write_jsonl(tmp_path / "in.jsonl", [record(f"d{n}", t) for n, t in enumerate(texts)])

    summary, out, errors = run_job(client, [str(jsonl)], tmp_path)

    assert sorted(r["document_id"] for r in read_results(out)) == ["d0", "d1", "d2", "d4", "d5"]
    [error] = read_errors(errors)
    assert (error["id"], error["line"], error["reason"]) == ("d3", 4, "bad document")
    assert summary.failed == 1


def at(position: int, document_id: str) -> StatusDetails:
    """The status details the server sends with an error about stream request `position`."""
    return StatusDetails("INVALID_REQUEST", position, document_id)


@pytest.mark.parametrize(
    ("details", "status", "left", "expected"),
    [
        ("request 5 (document_id 'c'): too long", at(5, "c"), ["b", "c", "d"], ("c", "too long")),
        ("request 9 (document_id 'z'): too long", at(9, "z"), ["b", "c"], (None, "too long")),
        ("message too large", NO_DETAILS, ["b"], ("b", "message too large")),
        ("message too large", NO_DETAILS, ["b", "c"], (None, "message too large")),
        # A position the message does not repeat is read from the details alone.
        ("too long", at(4, "c"), ["b", "c", "d"], ("b", "too long")),
    ],
    ids=["named", "named-out-of-range", "only-one-in-flight", "ambiguous", "details-only"],
)
def test_the_document_an_error_is_about(
    details: str, status: StatusDetails, left: list[str], expected: tuple[str | None, str]
) -> None:
    error = RequestRejected(grpc.StatusCode.INVALID_ARGUMENT, details, status=status)
    documents = [Document(name, "text", "in.jsonl", n) for n, name in enumerate(left)]

    culprit, reason = _culprit(error, documents, answered=3)

    assert (culprit.id if culprit else None, reason) == expected


def test_a_position_in_the_error_names_the_document_at_once(tmp_path: Path) -> None:
    rejected = RequestRejected(
        grpc.StatusCode.INVALID_ARGUMENT,
        "request 3 (document_id 'd2'): text is too long",
        status=at(3, "d2"),
    )
    client = ScriptedClient({"poison": [rejected]}, ahead=4)
    texts = ["fine", "fine", "poison", "fine", "fine"]
    jsonl = write_jsonl(tmp_path / "in.jsonl", [record(f"d{n}", t) for n, t in enumerate(texts)])

    _, out, errors = run_job(client, [str(jsonl)], tmp_path)

    [error] = read_errors(errors)
    assert (error["id"], error["reason"]) == ("d2", "text is too long")
    assert sorted(r["document_id"] for r in read_results(out)) == ["d0", "d1", "d3", "d4"]
    # One stream to the error, one after it; the second did not send d2 again.
    assert len(client.streams) == 2
    assert "d2" not in client.streams[1]


def test_resource_exhausted_is_retried_with_growing_backoff(tmp_path: Path) -> None:
    busy = TransportError(grpc.StatusCode.RESOURCE_EXHAUSTED, "queue full")
    client = ScriptedClient({"busy": [busy, busy, busy]})
    jsonl = write_jsonl(tmp_path / "in.jsonl", [record("a", "fine"), record("b", "busy")])
    delays: list[float] = []

    summary, out, _ = run_job(client, [str(jsonl)], tmp_path, sleep=delays.append)

    assert summary.ok
    assert sorted(r["document_id"] for r in read_results(out)) == ["a", "b"]
    assert len(delays) == 3
    assert 0.25 <= delays[0] <= 0.5
    assert 1.0 <= delays[2] <= 2.0


def test_a_document_busy_past_the_retries_is_listed_and_the_job_goes_on(tmp_path: Path) -> None:
    busy = TransportError(grpc.StatusCode.RESOURCE_EXHAUSTED, "message too large")
    client = ScriptedClient({"huge": [busy] * 3}, ahead=1)
    jsonl = write_jsonl(tmp_path / "in.jsonl", [record("a", "huge"), record("b", "fine")])
    options = BatchOptions(in_flight=1, retries=2)

    summary, out, errors = run_job(
        client, [str(jsonl)], tmp_path, sleep=lambda _: None, options=options
    )

    assert [r["document_id"] for r in read_results(out)] == ["b"]
    [error] = read_errors(errors)
    assert (error["id"], error["code"]) == ("a", "RESOURCE_EXHAUSTED")
    assert not summary.ok


def test_duplicate_ids_in_the_input_are_listed_not_written_twice(tmp_path: Path) -> None:
    jsonl = write_jsonl(
        tmp_path / "in.jsonl", [record("a", "one"), record("b", "two"), record("a", "three")]
    )

    summary, out, errors = run_job(ScriptedClient({}), [str(jsonl)], tmp_path)

    assert [r["document_id"] for r in read_results(out)] == ["a", "b"]
    [error] = read_errors(errors)
    assert (error["id"], error["line"], error["reason"]) == ("a", 3, "duplicate document id")
    assert summary.failed == 1


def test_plain_progress_lines_count_documents_against_the_total(tmp_path: Path) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", [record(f"d{n}", "fine") for n in range(3)])
    stream = io.StringIO()
    out = tmp_path / "out.jsonl"
    writer, errors = JsonlWriter(out), ErrorLog(tmp_path / "errors.jsonl")
    progress = Progress(stream, every=0, bar=False)
    progress.set_total(3)  # as the counting thread would; set here so the lines are known
    job = BatchJob(
        ScriptedClient({}), [str(jsonl)], writer=writer, errors=errors, progress=progress
    )
    try:
        job.run()
    finally:
        writer.close()
        errors.close()

    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("quoteattr batch: 3/3 documents (100.0%)")
    assert "docs/s" in lines[-1]
    assert os.path.getsize(out) > 0


def test_a_message_over_the_server_size_limit_is_listed_without_retries(
    start_server: StartServer, tmp_path: Path
) -> None:
    address = start_server(max_message_bytes=4_000)
    big = "The council met again and again. " * 200  # about 6,600 bytes
    jsonl = write_jsonl(
        tmp_path / "in.jsonl",
        [record("a", article(0)), record("big", big), record("c", article(2))],
    )
    delays: list[float] = []

    with QuoteAttributionClient(address, timeout=60) as client:
        summary, out, errors = run_job(client, [str(jsonl)], tmp_path, sleep=delays.append)

    assert sorted(r["document_id"] for r in read_results(out)) == ["a", "c"]
    [error] = read_errors(errors)
    assert (error["id"], error["line"], error["code"]) == ("big", 2, "RESOURCE_EXHAUSTED")
    assert delays == []
    assert summary.failed == 1


def test_the_terminal_bar_shows_documents_of_the_total_and_the_rate() -> None:
    stream = io.StringIO()
    progress = Progress(stream, every=10, bar=True)
    progress.set_total(3)
    for _ in range(3):
        progress.advance()
    progress.close()

    drawn = stream.getvalue()
    assert "3/3" in drawn
    assert "doc/s" in drawn
