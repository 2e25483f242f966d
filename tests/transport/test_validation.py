"""Request checks: limits, options and undecodable bytes, without a server."""

from __future__ import annotations

import math

import pytest

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_server.engine.types import AttributionType
from quoteattr_server.transport.errors import InvalidRequest
from quoteattr_server.transport.validation import (
    AttributeOptions,
    CheckedRequest,
    Limits,
    UndecodableRequest,
    check_text,
    decode_request,
    read_options,
    validate_request,
)

LIMITS = Limits(max_text_chars=40, max_text_words=5)


@pytest.mark.parametrize("text", ["", " ", "\n\t \r\n", "\u00a0\u2003"])
def test_blank_text_is_rejected(text: str) -> None:
    with pytest.raises(InvalidRequest, match="text is empty or only whitespace"):
        check_text(text, LIMITS)


def test_text_at_the_limits_passes() -> None:
    check_text("abcdefg " * 4 + "abcdefgh", LIMITS)  # 40 characters, 5 words


def test_one_character_over_names_the_limit() -> None:
    with pytest.raises(InvalidRequest, match="text has 41 characters; the limit is 40"):
        check_text("x" * 41, LIMITS)


def test_one_word_over_names_the_limit() -> None:
    with pytest.raises(InvalidRequest, match="text has 6 words; the limit is 5"):
        check_text("a b c d e f", LIMITS)


def test_characters_are_code_points_not_bytes() -> None:
    check_text("é" * 40, LIMITS)  # 80 bytes in UTF-8, 40 code points


def test_unset_options_take_their_defaults() -> None:
    assert read_options(pb.AttributeOptions()) == AttributeOptions(
        include_reported_speech=True, min_confidence=0.0
    )


def test_include_reported_speech_false_is_kept() -> None:
    options = read_options(pb.AttributeOptions(include_reported_speech=False))
    assert options.include_reported_speech is False


@pytest.mark.parametrize("value", [0.0, 0.5, 1.0])
def test_min_confidence_in_range_passes(value: float) -> None:
    assert read_options(pb.AttributeOptions(min_confidence=value)).min_confidence == value


@pytest.mark.parametrize("value", [-0.01, 1.01, math.inf, math.nan])
def test_min_confidence_out_of_range_is_rejected(value: float) -> None:
    with pytest.raises(InvalidRequest, match=r"min_confidence must lie in \[0, 1\]"):
        read_options(pb.AttributeOptions(min_confidence=value))


def test_validate_request_checks_text_then_options() -> None:
    request = pb.AttributeRequest(text="Fine.", options=pb.AttributeOptions(min_confidence=0.25))
    assert validate_request(request, LIMITS) == CheckedRequest(AttributeOptions(True, 0.25), 1)
    with pytest.raises(InvalidRequest, match="empty"):
        validate_request(pb.AttributeRequest(text=""), LIMITS)


def test_decode_request_returns_the_message() -> None:
    data = pb.AttributeRequest(document_id="d", text="Hello.").SerializeToString()
    assert decode_request(data) == pb.AttributeRequest(document_id="d", text="Hello.")


def test_decode_request_names_the_field_that_is_not_utf8() -> None:
    data = pb.AttributeRequest(document_id="d", text="Hello.").SerializeToString()
    undecodable = decode_request(data.replace(b"Hello", b"He\xffo!"))
    assert undecodable == UndecodableRequest("text is not valid UTF-8")


def test_decode_request_reports_malformed_bytes() -> None:
    assert decode_request(b"\x0a\x10abc") == UndecodableRequest(
        "request is not a valid AttributeRequest message"
    )


def test_attribution_types_are_read_and_unspecified_ignored() -> None:
    options = read_options(
        pb.AttributeOptions(
            attribution_types=[
                pb.ATTRIBUTION_TYPE_UNSPECIFIED,
                pb.ATTRIBUTION_TYPE_SPEECH,
                pb.ATTRIBUTION_TYPE_STANCE,
            ]
        )
    )
    assert options.attribution_types == {AttributionType.SPEECH, AttributionType.STANCE}


def test_an_unknown_attribution_type_is_rejected() -> None:
    options = pb.AttributeOptions()
    options.attribution_types.append(42)  # type: ignore[arg-type]  # an open enum's unknown
    with pytest.raises(InvalidRequest, match="unknown type 42"):
        read_options(options)
