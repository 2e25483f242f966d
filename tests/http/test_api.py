"""POST /v1/attribute and GET / against the in-process HTTP server: the proto's JSON mapping
both ways, the gRPC path's validation and limits, and gRPC statuses as HTTP ones."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest
from google.protobuf import json_format

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc

StartHttp = Callable[..., str]

KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'
REPORTED = "Kovac said the repairs would cost less than expected."


def post(
    url: str, body: bytes | dict[str, Any], headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], dict[str, Any]]:
    """POST a JSON body; the status, headers and decoded JSON answer (errors included)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def test_attribute_answers_what_grpc_answers(
    http_url: str, stub: quoteattr_pb2_grpc.QuoteAttributionStub
) -> None:
    body = {"text": f"{KOVAC} {REPORTED}", "document_id": "kovac", "options": {}}

    status, headers, answer = post(f"{http_url}/v1/attribute", body)

    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    response = json_format.ParseDict(answer, pb.AttributeResponse())
    expected = stub.Attribute(json_format.ParseDict(body, pb.AttributeRequest()), timeout=30)
    response.processing_seconds = expected.processing_seconds = 0
    assert response == expected
    # The proto's JSON mapping: field names as in the .proto, enums by name.
    assert [quote["kind"] for quote in answer["quotes"]] == [
        "QUOTE_KIND_DIRECT",
        "QUOTE_KIND_REPORTED",
    ]
    assert answer["speakers"][0]["name"] == "Ana Kovac"
    assert answer["document_id"] == "kovac"


def test_options_in_either_json_spelling(http_url: str) -> None:
    snake = {"text": REPORTED, "options": {"include_reported_speech": False}}
    camel = {"text": REPORTED, "options": {"includeReportedSpeech": False}}

    for body in (snake, camel):
        status, _, answer = post(f"{http_url}/v1/attribute", body)
        assert status == 200
        assert answer["quotes"] == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"text": "   "}, "text is empty"),
        ({"text": KOVAC, "options": {"min_confidence": 1.5}}, "min_confidence must lie in"),
        ({"text": KOVAC, "colour": "red"}, "not an AttributeRequest"),
        (b"{not json", "not an AttributeRequest"),
        (b'{"text": "\xff"}', "not UTF-8"),
    ],
    ids=["empty", "confidence", "unknown-field", "not-json", "not-utf8"],
)
def test_bad_requests_are_400_with_the_reason(
    http_url: str, body: bytes | dict[str, Any], message: str
) -> None:
    status, _, answer = post(f"{http_url}/v1/attribute", body)

    assert status == 400
    assert answer["error"]["status"] == "INVALID_ARGUMENT"
    assert message in answer["error"]["message"]


def test_the_grpc_text_limits_apply(start_http: StartHttp) -> None:
    url = start_http(max_text_chars=40)

    status, _, answer = post(f"{url}/v1/attribute", {"text": KOVAC})

    assert status == 400
    assert "the limit is 40" in answer["error"]["message"]


def test_a_body_over_the_message_limit_is_413(start_http: StartHttp) -> None:
    url = start_http(max_message_bytes=1_000)

    status, _, answer = post(f"{url}/v1/attribute", {"text": "word " * 400})

    assert status == 413
    assert answer["error"]["status"] == "RESOURCE_EXHAUSTED"
    assert "1,000 bytes" in answer["error"]["message"]


def test_a_busy_server_is_429_with_retry_after(start_http: StartHttp) -> None:
    url = start_http(max_calls=0)  # the call gate admits nothing

    status, headers, answer = post(f"{url}/v1/attribute", {"text": KOVAC})

    assert status == 429
    assert answer["error"]["status"] == "RESOURCE_EXHAUSTED"
    assert headers["Retry-After"] == "1"


def test_a_loading_server_is_503(start_http: StartHttp) -> None:
    url = start_http(loaded=False)

    status, headers, answer = post(f"{url}/v1/attribute", {"text": KOVAC})

    assert status == 503
    assert answer["error"]["status"] == "UNAVAILABLE"
    assert "loading" in answer["error"]["message"]
    assert "Retry-After" in headers


def test_a_deadline_that_passes_is_504(http_url: str) -> None:
    long_text = " ".join([KOVAC, REPORTED] * 150)

    status, _, answer = post(
        f"{http_url}/v1/attribute", {"text": long_text}, {"X-Timeout-Seconds": "0.01"}
    )

    assert status == 504
    assert answer["error"]["status"] == "DEADLINE_EXCEEDED"
    status, _, answer = post(
        f"{http_url}/v1/attribute", {"text": KOVAC}, {"X-Timeout-Seconds": "soon"}
    )
    assert status == 400


def test_the_page_is_served(http_url: str) -> None:
    with urllib.request.urlopen(f"{http_url}/", timeout=30) as response:
        page = response.read().decode("utf-8")
        content_type = response.headers["Content-Type"]

    assert content_type.startswith("text/html")
    assert '"api": "/v1/attribute"' in page
    assert "{{" not in page  # every placeholder filled
