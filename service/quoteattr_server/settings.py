"""settings: the server's typed settings, read from `QUOTEATTR_*` variables and then flags.

Every setting has a default, an environment variable and a command-line flag; a flag beats the
variable, the variable beats the default. Limits live here (not in the servicer) so tests can
build a second server with small ones.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_PREFIX = "QUOTEATTR_"
# <repo>/service/quoteattr_server/settings.py -> <repo>/../shared/models/stanza-en-cc: the
# commercially usable set (newscc, CC BY-SA 4.0); ../shared/models/stanza-en (newsmix, CC BY-NC-SA
# 4.0, research only) is chosen with QUOTEATTR_MODELS or --models.
BUNDLED_MODELS = Path(__file__).resolve().parents[2].parent / "shared" / "models" / "stanza-en-cc"
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_DEVICES = ("auto", "cpu", "cuda")


def default_model_dir(environ: Mapping[str, str] | None = None) -> Path:
    """`QUOTEATTR_MODELS` if set, else the bundled models beside the checkout."""
    environ = os.environ if environ is None else environ
    configured = environ.get(f"{ENV_PREFIX}MODELS")
    return Path(configured).expanduser() if configured else BUNDLED_MODELS


@dataclass(frozen=True, slots=True)
class Settings:
    """Server settings; each field's variable is `QUOTEATTR_` + the name in the comment."""

    host: str = "[::]"  # HOST: address to listen on
    port: int = 50051  # PORT: 0 picks a free port
    model_dir: Path = field(default_factory=default_model_dir)  # MODELS: Stanza resources dir
    max_text_chars: int = 400_000  # MAX_TEXT_CHARS: longer texts get INVALID_ARGUMENT
    max_text_words: int = 60_000  # MAX_TEXT_WORDS: texts with more words get INVALID_ARGUMENT
    max_message_bytes: int = 8 * 1024 * 1024  # MAX_MESSAGE_BYTES: larger messages are refused
    grace_seconds: float = 10.0  # GRACE_SECONDS: time in-flight calls get on SIGTERM
    max_workers: int = 80  # MAX_WORKERS: threads serving calls (they mostly wait on the parser)
    max_concurrent_rpcs: int = 64  # MAX_CONCURRENT_RPCS: calls at once; more: RESOURCE_EXHAUSTED
    workers: int = field(default_factory=lambda: cpu_count())  # WORKERS: parser processes; 0: none
    torch_threads: int = 0  # TORCH_THREADS: per worker; 0 means cores / workers, at least 1
    batch_wait_ms: float = 5.0  # BATCH_WAIT_MS: how long a document waits for others to join it
    batch_max_words: int = 4_000  # BATCH_MAX_WORDS: words per parser batch
    max_queue: int = 64  # MAX_QUEUE: documents waiting for a worker; more: RESOURCE_EXHAUSTED
    tls_cert: Path | None = None  # TLS_CERT: PEM certificate chain; with TLS_KEY, serve TLS only
    tls_key: Path | None = None  # TLS_KEY: PEM private key of TLS_CERT
    tls_client_ca: Path | None = None  # TLS_CLIENT_CA: PEM CAs; clients must present a cert (mTLS)
    log_level: str = "INFO"  # LOG_LEVEL: DEBUG, INFO, WARNING, ERROR
    metrics_port: int | None = None  # METRICS_PORT: Prometheus metrics over HTTP; unset: none
    http_port: int | None = None  # HTTP_PORT: HTTP/JSON API and verification page; unset: none
    device: str = "auto"  # DEVICE: auto (a GPU if torch sees one), cpu or cuda

    def __post_init__(self) -> None:
        self._check_numbers()
        if (self.tls_cert is None) != (self.tls_key is None):
            raise ValueError("tls_cert and tls_key go together: give both or neither")
        if self.tls_client_ca is not None and self.tls_cert is None:
            raise ValueError("tls_client_ca (mutual TLS) needs tls_cert and tls_key")
        if self.device not in _DEVICES:
            raise ValueError(f"device must be one of {', '.join(_DEVICES)}, got {self.device!r}")
        if self.log_level.upper() not in _LOG_LEVELS:
            raise ValueError(f"log_level must be one of {', '.join(_LOG_LEVELS)}")

    def _check_numbers(self) -> None:
        for name in ("port", "metrics_port", "http_port"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 65535:
                raise ValueError(f"{name} must lie in [0, 65535], got {value}")
        for name in _AT_LEAST_ONE:
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        for name in ("workers", "torch_threads", "batch_wait_ms", "grace_seconds"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, got {getattr(self, name)}")

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def threads_per_worker(self) -> int:
        """Torch threads for each parser: as set, else the cores shared out among the workers."""
        return self.torch_threads or max(1, cpu_count() // max(self.workers, 1))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Defaults overridden by every `QUOTEATTR_*` variable that is set."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {"model_dir": default_model_dir(environ)}
        for name, parse in _PARSERS.items():
            variable = ENV_PREFIX + name.upper()
            raw = environ.get(variable)
            if raw is None:
                continue
            try:
                values[name] = parse(raw)
            except ValueError as error:
                raise ValueError(f"{variable}={raw!r}: {error}") from error
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        """A copy with the given fields changed; `None` values are ignored (flags not given)."""
        return dataclasses.replace(
            self, **{name: value for name, value in changes.items() if value is not None}
        )


def cpu_count() -> int:
    """The cores this process may run on (a container's CPU set, not the host's)."""
    return len(os.sched_getaffinity(0))


_AT_LEAST_ONE = (
    "max_text_chars",
    "max_text_words",
    "max_message_bytes",
    "max_workers",
    "max_concurrent_rpcs",
    "batch_max_words",
    "max_queue",
)

# Settings read from QUOTEATTR_<NAME>; model_dir is read from QUOTEATTR_MODELS above.
_PARSERS: dict[str, Callable[[str], Any]] = {
    "host": str,
    "port": int,
    "max_text_chars": int,
    "max_text_words": int,
    "max_message_bytes": int,
    "grace_seconds": float,
    "max_workers": int,
    "max_concurrent_rpcs": int,
    "workers": int,
    "torch_threads": int,
    "batch_wait_ms": float,
    "batch_max_words": int,
    "max_queue": int,
    "tls_cert": Path,
    "tls_key": Path,
    "tls_client_ca": Path,
    "log_level": str,
    "metrics_port": int,
    "http_port": int,
    "device": str,
}
