"""Log lines are one JSON object each, with `extra` fields and tracebacks as keys."""

from __future__ import annotations

import json
import logging
import sys

from quoteattr_server.logs import JsonFormatter


def _record(**extra: object) -> logging.LogRecord:
    record = logging.LogRecord(
        "quoteattr_server", logging.INFO, __file__, 1, "hello %s", ("you",), None
    )
    record.__dict__.update(extra)
    return record


def test_line_is_json_with_standard_keys_and_extra_fields() -> None:
    line = json.loads(JsonFormatter().format(_record(port=50051, seconds=0.5)))

    assert line["level"] == "INFO"
    assert line["logger"] == "quoteattr_server"
    assert line["message"] == "hello you"
    assert (line["port"], line["seconds"]) == (50051, 0.5)
    assert "args" not in line
    assert "msg" not in line
    assert line["time"].endswith("+00:00")


def test_exception_is_kept_as_text() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = json.loads(JsonFormatter().format(record))

    assert "ValueError: boom" in line["exception"]
