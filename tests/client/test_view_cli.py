"""`quoteattr` options checked before any call, and `quoteattr view`'s failures."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from quoteattr_client.cli import main as quoteattr


def _refused_target() -> tuple[socket.socket, str]:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))  # bound but not listening: a call would be refused
    return probe, f"127.0.0.1:{probe.getsockname()[1]}"


@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "high"])
@pytest.mark.parametrize("command", ["attribute", "view"])
def test_min_confidence_outside_0_1_is_a_usage_error(
    command: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"Yes," she said.', encoding="utf-8")
    probe, target = _refused_target()
    with probe:
        extra = ["--out", str(tmp_path / "a.html")] if command == "view" else []
        with pytest.raises(SystemExit) as exited:
            quoteattr(
                [command, str(article), "--target", target, "--min-confidence", value, *extra]
            )

    assert exited.value.code == 2
    assert "--min-confidence" in capsys.readouterr().err
    assert not (tmp_path / "a.html").exists()


def test_view_against_an_unreachable_server_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"Yes," she said.', encoding="utf-8")
    out = tmp_path / "a.html"
    probe, target = _refused_target()
    with probe:
        code = quoteattr(
            ["view", str(article), "--target", target, "--timeout", "2", "--out", str(out)]
        )

    assert code == 1
    error = capsys.readouterr().err
    assert "UNAVAILABLE" in error or "DEADLINE_EXCEEDED" in error
    assert not out.exists()


def test_a_missing_tls_file_is_named_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "ca.pem"

    code = quoteattr(["health", "--tls-ca", str(missing)])

    assert code == 1
    assert f"cannot read TLS file {missing}" in capsys.readouterr().err
