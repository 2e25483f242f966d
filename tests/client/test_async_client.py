"""The asyncio client against in-process servers: the same results, options, errors, retries
and health as the blocking client, over `grpc.aio`."""

from __future__ import annotations

import asyncio
import dataclasses
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import grpc
import pytest

from quoteattr_client import (
    NO_RETRIES,
    TLS,
    AsyncQuoteAttributionClient,
    AttributionResult,
    QuoteAttributionClient,
    QuoteKind,
    RequestRejected,
    Retries,
    TLSFileError,
    TransportError,
)

StartServer = Callable[..., str]

KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'
BRANDT = '"We will appeal the ruling," Tomas Brandt told reporters on Friday.'


def _comparable(result: AttributionResult) -> AttributionResult:
    return dataclasses.replace(result, processing_seconds=0.0)


def test_attribute_gives_what_the_blocking_client_gives(server_address: str) -> None:
    async def attribute() -> AttributionResult:
        async with AsyncQuoteAttributionClient(server_address, timeout=30) as client:
            return await client.attribute(KOVAC, document_id="kovac")

    result = asyncio.run(attribute())
    with QuoteAttributionClient(server_address, timeout=30) as blocking:
        expected = blocking.attribute(KOVAC, document_id="kovac")

    assert _comparable(result) == _comparable(expected)
    [quote] = result.quotes
    assert quote.kind is QuoteKind.DIRECT
    speaker = result.speaker(quote)
    assert speaker is not None
    assert speaker.name == "Ana Kovac"


def test_options_reach_the_server(server_address: str) -> None:
    async def attribute() -> tuple[AttributionResult, AttributionResult]:
        async with AsyncQuoteAttributionClient(server_address, timeout=30) as client:
            strict = await client.attribute(KOVAC, min_confidence=1.0)
            no_reported = await client.attribute(
                "Kovac said the repairs would cost less.", include_reported_speech=False
            )
            return strict, no_reported

    strict, no_reported = asyncio.run(attribute())
    assert all(quote.confidence >= 1.0 for quote in strict.quotes)
    assert no_reported.quotes == ()


def test_attribute_many_streams_an_async_iterable_in_order(server_address: str) -> None:
    async def documents() -> AsyncIterator[tuple[str, str]]:
        for number in range(5):
            await asyncio.sleep(0)
            yield f"d{number}", KOVAC if number % 2 else BRANDT

    async def collect() -> list[AttributionResult]:
        async with AsyncQuoteAttributionClient(server_address, timeout=60) as client:
            return [result async for result in client.attribute_many(documents())]

    results = asyncio.run(collect())
    assert [result.document_id for result in results] == ["d0", "d1", "d2", "d3", "d4"]
    speakers = [result.speaker(result.quotes[0]) for result in results]
    assert [s.name if s else None for s in speakers] == ["Tomas Brandt", "Ana Kovac"] * 2 + [
        "Tomas Brandt"
    ]


def test_attribute_many_raises_at_the_bad_document(server_address: str) -> None:
    seen: list[str] = []

    async def run() -> None:
        async with AsyncQuoteAttributionClient(server_address, timeout=60) as client:
            documents = [("good", KOVAC), ("empty", "   "), ("never", BRANDT)]
            async for result in client.attribute_many(documents):
                seen.append(result.document_id)

    with pytest.raises(RequestRejected) as raised:
        asyncio.run(run())
    assert seen == ["good"]
    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "request 2" in raised.value.details


def test_out_of_range_option_is_rejected(server_address: str) -> None:
    async def attribute() -> None:
        async with AsyncQuoteAttributionClient(server_address, timeout=30) as client:
            await client.attribute(KOVAC, document_id="odd", min_confidence=1.5)

    with pytest.raises(RequestRejected) as raised:
        asyncio.run(attribute())
    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert raised.value.document_id == "odd"


def test_health_and_a_loading_server(start_server: StartServer, server_address: str) -> None:
    loading = start_server(models=None)

    async def check() -> tuple[str, str]:
        async with AsyncQuoteAttributionClient(server_address, timeout=30) as ready:
            serving = await ready.health()
        async with AsyncQuoteAttributionClient(loading, timeout=30, retries=NO_RETRIES) as client:
            not_serving = await client.health()
            with pytest.raises(TransportError) as raised:
                await client.attribute(KOVAC)
            assert raised.value.code == grpc.StatusCode.UNAVAILABLE
        return serving, not_serving

    assert asyncio.run(check()) == ("SERVING", "NOT_SERVING")


def test_a_refused_call_is_retried_on_the_next_target(
    start_server: StartServer, server_address: str
) -> None:
    loading = start_server(models=None)  # answers UNAVAILABLE until its models are loaded

    async def attribute() -> list[AttributionResult]:
        retries = Retries(attempts=2, backoff=0.01)
        async with AsyncQuoteAttributionClient(
            [loading, server_address], timeout=30, retries=retries
        ) as client:
            return [await client.attribute(KOVAC, document_id=f"d{n}") for n in range(3)]

    results = asyncio.run(attribute())
    assert [result.document_id for result in results] == ["d0", "d1", "d2"]


def test_unreachable_server_is_a_transport_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound but not listening: connections are refused

        async def attribute() -> None:
            async with AsyncQuoteAttributionClient(f"127.0.0.1:{port}", timeout=2) as client:
                await client.attribute(KOVAC)

        with pytest.raises(TransportError) as raised:
            asyncio.run(attribute())
    assert raised.value.code in {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED}


def test_a_missing_tls_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "ca.pem"
    with pytest.raises(TLSFileError) as raised:
        AsyncQuoteAttributionClient("localhost:1", tls=TLS(ca=missing))
    assert raised.value.path == str(missing)
    assert str(missing) in str(raised.value)
    with pytest.raises(TLSFileError):
        QuoteAttributionClient("localhost:1", tls=TLS(ca=str(missing)))
