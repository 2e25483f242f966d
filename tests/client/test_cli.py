"""The `quoteattr` command against the in-process server, run in-process through `main`."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from quoteattr_client.cli import main

KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.\n'


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "kovac.txt"
    path.write_text(KOVAC, encoding="utf-8")
    return path


def test_table_shows_quote_speaker_role_and_cue(
    server_address: str, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["attribute", str(article), "--target", server_address]) == 0

    out = capsys.readouterr().out
    header, row, *_ = out.splitlines()
    assert header.split() == ["QUOTE", "KIND", "SPEAKER", "ROLE", "CUE"]
    assert '"The bridge will close in May,"' in row
    assert row.split()[-5:] == ["direct", "Ana", "Kovac", "Mayor", "said"]
    assert "1 quote, 1 speaker" in out


def test_json_output_parses(
    server_address: str, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["attribute", "--json", str(article), "--target", server_address]) == 0

    result = json.loads(capsys.readouterr().out)
    assert result["document_id"] == "kovac.txt"
    [quote] = result["quotes"]
    assert quote["kind"] == "direct"
    assert quote["span"] == {"start": 0, "end": 31}
    [speaker] = [s for s in result["speakers"] if s["id"] == quote["speaker_id"]]
    assert speaker["name"] == "Ana Kovac"
    assert speaker["kind"] == "person"


def test_reads_stdin_with_dash(
    server_address: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(KOVAC))

    code = main(["attribute", "-", "--json", "--document-id", "piped", "--target", server_address])

    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["document_id"] == "piped"
    assert result["quotes"][0]["text"] == '"The bridge will close in May,"'


def test_no_reported_leaves_out_reported_speech(
    server_address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(KOVAC + "Kovac said the repairs would cost less than expected.\n")

    assert main(["attribute", str(path), "--json", "--target", server_address]) == 0
    kinds = {q["kind"] for q in json.loads(capsys.readouterr().out)["quotes"]}
    assert (
        main(["attribute", str(path), "--json", "--no-reported", "--target", server_address]) == 0
    )
    kinds_without = {q["kind"] for q in json.loads(capsys.readouterr().out)["quotes"]}

    assert "reported" in kinds
    assert kinds_without
    assert "reported" not in kinds_without


def test_target_comes_from_the_environment(
    server_address: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUOTEATTR_TARGET", server_address)

    assert main(["health"]) == 0
    assert capsys.readouterr().out.strip() == "SERVING"


def test_rejected_text_exits_1_with_a_message(
    server_address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")

    assert main(["attribute", str(empty), "--target", server_address]) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert "INVALID_ARGUMENT" in captured.err
    assert "text is empty" in captured.err


def test_missing_file_exits_1(server_address: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["attribute", "/nonexistent/article.txt", "--target", server_address]) == 1
    assert "No such file" in capsys.readouterr().err


def test_unreachable_server_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        target = f"127.0.0.1:{probe.getsockname()[1]}"
        assert main(["health", "--target", target, "--timeout", "2"]) == 1
    assert "quoteattr: " in capsys.readouterr().err


def test_health_not_serving_exits_1(
    start_server: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["health", "--target", start_server(models=None)]) == 1
    assert capsys.readouterr().out.strip() == "NOT_SERVING"


def test_batch_with_a_missing_input_exits_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"

    assert main(["batch", str(tmp_path / "nowhere.jsonl"), "--out", str(out)]) == 1

    assert "no such input" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("flag", ["--in-flight", "--max-chars"])
def test_batch_refuses_a_window_or_limit_below_one(tmp_path: Path, flag: str) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["batch", str(tmp_path), "--out", str(tmp_path / "o.jsonl"), flag, "0"])
    assert usage.value.code == 2


def test_batch_over_an_output_it_did_not_write_exits_1_and_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_text("my own notes\n", encoding="utf-8")

    assert main(["batch", str(tmp_path), "--out", str(out)]) == 1

    assert "is not a result line" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my own notes\n"


MIXED = (
    '"We will rebuild," Mayor Ana Kovac said, "but not this year." '
    "Residents fear the floods will return.\n"
)


def test_speech_only_leaves_out_beliefs_and_broken_quotes_read_whole(
    server_address: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # no wrapping inside the quote's cell
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")

    assert main(["attribute", str(path), "--target", server_address]) == 0
    everything = capsys.readouterr().out
    assert "floods will return" in everything
    # The speaker's words only: the pieces joined, "Ana Kovac said" left out.
    assert '"We will rebuild," \u2026 "but not this year."' in everything
    assert "Kovac said" not in everything.splitlines()[1]

    assert main(["attribute", str(path), "--speech-only", "--target", server_address]) == 0
    speech = capsys.readouterr().out
    assert "floods will return" not in speech
    assert "1 quote, 1 speaker" in speech
