"""logs: one JSON object per log line on stderr, so log collectors need no parsing rules.

Every line has `time`, `level`, `logger`, `event` (the message; `message` repeats it for
readers of the first format) and, inside a call, the call's `request_id`. Fields passed with
`extra={...}` become keys of the line; an exception adds its traceback as `exception`.

Article text is confidential (unpublished copy): nothing logs it, and as a second guard a field
named `text` is replaced by its length on every line above DEBUG.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

# Attributes every LogRecord has; anything else on a record came from `extra`.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}
# Fields that may carry article text; kept only on DEBUG lines.
_CONFIDENTIAL = frozenset({"text"})

# The id of the call the current thread is serving, set by the call interceptor.
_REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "quoteattr_request_id", default=None
)


def bind_request_id(request_id: str | None) -> contextvars.Token[str | None]:
    """Put `request_id` on the lines this thread logs until `unbind_request_id(token)`."""
    return _REQUEST_ID.set(request_id)


def unbind_request_id(token: contextvars.Token[str | None]) -> None:
    """Undo `bind_request_id`; a token from another context (a generator closed elsewhere)
    is ignored, as that context is not this thread's."""
    with contextlib.suppress(ValueError):
        _REQUEST_ID.reset(token)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": message,
            "message": message,
        }
        request_id = _REQUEST_ID.get()
        if request_id is not None:
            line["request_id"] = request_id
        for key, value in vars(record).items():
            if key in _STANDARD or key.startswith("_"):
                continue
            if key in _CONFIDENTIAL and record.levelno > logging.DEBUG:
                line[key] = f"<{len(value) if isinstance(value, str) else '?'} characters withheld>"
            else:
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


def configure_logging(level: str) -> None:
    """Send every logger's records at `level` and above to stderr as JSON lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
