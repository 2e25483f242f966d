"""Settings: defaults, QUOTEATTR_* variables, flags over variables, and rejected values."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from quoteattr_server.__main__ import build_arg_parser, main
from quoteattr_server.settings import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_defaults() -> None:
    settings = Settings.from_env({})

    assert settings.address == "[::]:50051"
    assert settings.model_dir == REPO_ROOT.parent / "shared" / "models" / "stanza-en-cc"
    assert (settings.max_text_chars, settings.max_text_words) == (400_000, 60_000)
    assert settings.max_message_bytes == 8 * 1024 * 1024
    assert (settings.grace_seconds, settings.max_workers) == (10.0, 80)
    assert (settings.max_concurrent_rpcs, settings.max_queue) == (64, 64)
    assert settings.workers == len(os.sched_getaffinity(0))
    assert settings.threads_per_worker == max(1, len(os.sched_getaffinity(0)) // settings.workers)
    assert (settings.batch_wait_ms, settings.batch_max_words) == (5.0, 4_000)
    assert settings.tls_cert is settings.tls_key is settings.tls_client_ca is None


def test_environment_overrides_defaults() -> None:
    settings = Settings.from_env(
        {
            "QUOTEATTR_HOST": "127.0.0.1",
            "QUOTEATTR_PORT": "6000",
            "QUOTEATTR_MODELS": "/opt/models",
            "QUOTEATTR_MAX_TEXT_CHARS": "1000",
            "QUOTEATTR_MAX_TEXT_WORDS": "200",
            "QUOTEATTR_MAX_MESSAGE_BYTES": "65536",
            "QUOTEATTR_GRACE_SECONDS": "2.5",
            "QUOTEATTR_MAX_WORKERS": "2",
            "QUOTEATTR_LOG_LEVEL": "debug",
        }
    )

    assert settings == Settings(
        host="127.0.0.1",
        port=6000,
        model_dir=Path("/opt/models"),
        max_text_chars=1000,
        max_text_words=200,
        max_message_bytes=65536,
        grace_seconds=2.5,
        max_workers=2,
        log_level="debug",
    )


def test_threads_per_worker_share_out_the_cores_unless_set() -> None:
    cores = len(os.sched_getaffinity(0))

    assert Settings(workers=1).threads_per_worker == cores
    assert Settings(workers=cores * 2).threads_per_worker == 1
    assert Settings(workers=0).threads_per_worker == cores  # parsing in the server process
    assert Settings(workers=2, torch_threads=3).threads_per_worker == 3


def test_flags_override_the_environment() -> None:
    args = build_arg_parser().parse_args(["--port", "7000", "--models", "/m", "--grace", "1"])

    settings = Settings.from_env({"QUOTEATTR_PORT": "6000", "QUOTEATTR_HOST": "h"}).replace(
        **vars(args)
    )

    assert (settings.host, settings.port) == ("h", 7000)
    assert settings.model_dir == Path("/m")
    assert settings.grace_seconds == 1.0


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"QUOTEATTR_PORT": "http"}, "QUOTEATTR_PORT='http'"),
        ({"QUOTEATTR_PORT": "70000"}, "port must lie in"),
        ({"QUOTEATTR_MAX_TEXT_CHARS": "0"}, "max_text_chars must be at least 1"),
        ({"QUOTEATTR_GRACE_SECONDS": "-1"}, "grace_seconds must not be negative"),
        ({"QUOTEATTR_LOG_LEVEL": "LOUD"}, "log_level must be one of"),
        ({"QUOTEATTR_WORKERS": "-1"}, "workers must not be negative"),
        ({"QUOTEATTR_MAX_QUEUE": "0"}, "max_queue must be at least 1"),
        ({"QUOTEATTR_TLS_CERT": "/c.pem"}, "tls_cert and tls_key go together"),
        (
            {"QUOTEATTR_TLS_CLIENT_CA": "/ca.pem"},
            "tls_client_ca \\(mutual TLS\\) needs tls_cert and tls_key",
        ),
    ],
)
def test_bad_values_are_rejected(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Settings.from_env(environ)


def test_bad_flag_exits_with_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--port", "-5"])

    assert raised.value.code == 2
    assert "port must lie in [0, 65535]" in capsys.readouterr().err


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """`main` configures the root logger for the process; give pytest's handlers back."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("restore_logging")
def test_missing_models_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--host", "127.0.0.1", "--port", "0", "--models", str(tmp_path), "--grace", "0"])

    assert code == 1
    assert "resources.json missing" in capsys.readouterr().err
