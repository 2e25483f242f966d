"""Log lines are one JSON object each: standard fields, `extra` fields, the request id, and
never the article text at the default level."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator

import grpc
import pytest

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_server.logs import JsonFormatter, bind_request_id, unbind_request_id

# An unpublished article: none of it may reach the logs at the default level.
SECRET = '"The harbour will stay under quarantine until June," said Port Director Zephyrine Molnar.'


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


def test_request_id_bound_to_the_thread_goes_on_each_line() -> None:
    token = bind_request_id("req-42")
    try:
        inside = json.loads(JsonFormatter().format(_record()))
    finally:
        unbind_request_id(token)
    outside = json.loads(JsonFormatter().format(_record()))

    assert inside["request_id"] == "req-42"
    assert inside["event"] == "hello you"
    assert "request_id" not in outside


def test_a_text_field_is_withheld_above_debug() -> None:
    info = json.loads(JsonFormatter().format(_record(text=SECRET)))
    debug_record = _record(text=SECRET)
    debug_record.levelno, debug_record.levelname = logging.DEBUG, "DEBUG"
    debug = json.loads(JsonFormatter().format(debug_record))

    assert SECRET not in json.dumps(info)
    assert info["text"] == f"<{len(SECRET)} characters withheld>"
    assert debug["text"] == SECRET


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """Everything the server logs at INFO (the default level), as JSON lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def test_calls_log_json_lines_with_their_fields_and_no_article_text(
    server_address: str, log_lines: io.StringIO
) -> None:
    metadata = (("x-request-id", "newsdesk-7"),)
    with grpc.insecure_channel(server_address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        stub.Attribute(
            pb.AttributeRequest(document_id="embargoed-1", text=SECRET),
            timeout=30,
            metadata=metadata,
        )
        with pytest.raises(grpc.RpcError):
            stub.Attribute(pb.AttributeRequest(document_id="blank", text=" "), timeout=30)

    lines = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    calls = [line for line in lines if line["event"] == "call"]
    [served] = [line for line in calls if line.get("request_id") == "newsdesk-7"]
    assert {"time", "level", "event", "request_id", "duration_seconds", "status"} <= set(served)
    assert served["document_id"] == "embargoed-1"
    assert served["status"] == "OK"
    assert served["level"] == "INFO"
    assert served["method"] == "quoteattr.v1.QuoteAttribution/Attribute"
    [refused] = [line for line in calls if line.get("document_id") == "blank"]
    assert refused["status"] == "INVALID_ARGUMENT"
    assert len(refused["request_id"]) == 16  # none sent: the server made one up
    # The servicer's own line for the article carries the call's request id too.
    assert any(
        line["event"] == "attributed" and line.get("request_id") == "newsdesk-7" for line in lines
    )
    for fragment in ("Zephyrine", "quarantine", "harbour"):
        assert fragment not in log_lines.getvalue()
