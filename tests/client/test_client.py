"""The Python client against the in-process server: results, options, streaming, errors."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Callable, Iterator

import grpc
import pytest

from quoteattr_client import (
    AttributionResult,
    QuoteAttributionClient,
    QuoteKind,
    RequestRejected,
    SpeakerKind,
    TransportError,
)

StartServer = Callable[..., str]

KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'
MIXED = (
    '"The bridge will close in May," said Mayor Ana Kovac. '
    "Kovac said the repairs would cost less than expected."
)
BRANDT = '"We will appeal the ruling," Tomas Brandt told reporters on Friday.'


@pytest.fixture
def client(server_address: str) -> Iterator[QuoteAttributionClient]:
    with QuoteAttributionClient(server_address, timeout=30) as client:
        yield client


def test_attribute_returns_frozen_typed_results(client: QuoteAttributionClient) -> None:
    result = client.attribute(KOVAC, document_id="kovac")

    assert isinstance(result, AttributionResult)
    assert result.document_id == "kovac"
    [quote] = result.quotes
    assert quote.kind is QuoteKind.DIRECT
    assert KOVAC[quote.span.start : quote.span.end] == quote.text
    assert quote.cue is not None
    assert quote.cue.lemma == "say"
    speaker = result.speaker(quote)
    assert speaker is not None
    assert (speaker.name, speaker.kind) == ("Ana Kovac", SpeakerKind.PERSON)
    assert [role.text for role in speaker.roles] == ["Mayor"]
    assert result.model.stanza_version == "1.15.0"
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.text = "changed"  # type: ignore[misc]


def test_reported_speech_is_on_by_default_and_can_be_left_out(
    client: QuoteAttributionClient,
) -> None:
    with_reported = client.attribute(MIXED)
    without = client.attribute(MIXED, include_reported_speech=False)

    assert QuoteKind.REPORTED in {q.kind for q in with_reported.quotes}
    assert without.quotes
    assert QuoteKind.REPORTED not in {q.kind for q in without.quotes}


def test_min_confidence_filters_quotes(client: QuoteAttributionClient) -> None:
    everything = client.attribute(MIXED)
    threshold = max(q.confidence for q in everything.quotes)

    confident = client.attribute(MIXED, min_confidence=threshold)

    assert confident.quotes
    assert all(q.confidence >= threshold for q in confident.quotes)
    assert len(confident.quotes) <= len(everything.quotes)


def test_attribute_many_yields_results_in_order(client: QuoteAttributionClient) -> None:
    documents = [("one", KOVAC), ("two", BRANDT), ("three", MIXED)]

    results = list(client.attribute_many(iter(documents)))

    assert [r.document_id for r in results] == ["one", "two", "three"]
    first_speakers = [r.speaker(r.quotes[0]) for r in results]
    assert [s.name if s else None for s in first_speakers] == [
        "Ana Kovac",
        "Tomas Brandt",
        "Ana Kovac",
    ]


def test_attribute_many_raises_at_the_bad_document(client: QuoteAttributionClient) -> None:
    results = client.attribute_many([("good", KOVAC), ("empty", "")])

    assert next(results).document_id == "good"
    with pytest.raises(RequestRejected) as raised:
        next(results)
    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "document_id 'empty'" in raised.value.details


def test_rejected_request_carries_code_details_and_document_id(
    client: QuoteAttributionClient,
) -> None:
    with pytest.raises(RequestRejected) as raised:
        client.attribute("   ", document_id="blank")

    error = raised.value
    assert error.code == grpc.StatusCode.INVALID_ARGUMENT
    assert error.details == "text is empty or only whitespace"
    assert error.document_id == "blank"
    assert "INVALID_ARGUMENT (document_id 'blank')" in str(error)


def test_out_of_range_option_is_rejected(client: QuoteAttributionClient) -> None:
    with pytest.raises(RequestRejected, match="min_confidence"):
        client.attribute(KOVAC, min_confidence=2.0)


def test_oversized_message_is_rejected(start_server: StartServer) -> None:
    with (
        QuoteAttributionClient(start_server(max_message_bytes=512), timeout=30) as client,
        pytest.raises(RequestRejected) as raised,
    ):
        client.attribute(KOVAC * 20)
    assert raised.value.code == grpc.StatusCode.RESOURCE_EXHAUSTED


def test_health_reports_serving(client: QuoteAttributionClient) -> None:
    assert client.health() == "SERVING"
    assert client.health("") == "SERVING"


def test_loading_server_is_a_transport_error(start_server: StartServer) -> None:
    with QuoteAttributionClient(start_server(models=None), timeout=30) as client:
        assert client.health() == "NOT_SERVING"
        with pytest.raises(TransportError) as raised:
            client.attribute(KOVAC)
    assert raised.value.code == grpc.StatusCode.UNAVAILABLE


def test_unreachable_server_is_a_transport_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound but not listening: connections are refused
        with QuoteAttributionClient(f"127.0.0.1:{port}", timeout=2) as client:
            with pytest.raises(TransportError) as raised:
                client.attribute(KOVAC)
            with pytest.raises(TransportError):
                client.health()
    assert raised.value.code in {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED}
