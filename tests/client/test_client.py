"""The Python client against in-process servers: results, options, streaming, errors, calls
spread over several servers, and retries (against a scripted server)."""

from __future__ import annotations

import dataclasses
import random
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent import futures
from dataclasses import dataclass, field

import grpc
import pytest
from google.protobuf import duration_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_client import (
    DEFAULT_RETRIES,
    NO_RETRIES,
    AttributionResult,
    QuoteAttrError,
    QuoteAttributionClient,
    QuoteKind,
    RequestRejected,
    Retries,
    SpeakerKind,
    TransportError,
)
from quoteattr_server.engine.types import ParsedDoc
from quoteattr_server.models import Models, Parser
from quoteattr_server.nlp.pipeline import ModelInfo
from quoteattr_server.transport.server import SERVICE_NAME

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
    assert (raised.value.position, raised.value.document_id) == (2, "empty")  # typed details
    assert raised.value.status.reason == "INVALID_REQUEST"


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


# --- several targets, round-robin ----------------------------------------------------------


@dataclass
class CountingParser:
    """The session's parser, recording the texts one server parsed."""

    parser: Parser
    texts: list[str] = field(default_factory=list)

    @property
    def info(self) -> ModelInfo:
        return self.parser.info

    def parse(self, text: str) -> ParsedDoc:
        return self.parse_many([text])[0]

    def parse_many(
        self, texts: Sequence[str], *, should_stop: Callable[[], bool] | None = None
    ) -> list[ParsedDoc]:
        self.texts.extend(texts)
        return self.parser.parse_many(texts, should_stop=should_stop)


@pytest.fixture
def two_servers(
    start_server: StartServer, models: Models
) -> tuple[list[str], list[CountingParser]]:
    """Two real servers on two ports, each counting what it parsed."""
    parsers = [CountingParser(models.parser), CountingParser(models.parser)]
    addresses = [
        start_server(models=Models(parser=parser, lexicon=models.lexicon)) for parser in parsers
    ]
    return addresses, parsers


def test_several_targets_take_calls_in_turn(
    two_servers: tuple[list[str], list[CountingParser]],
) -> None:
    addresses, parsers = two_servers
    with QuoteAttributionClient(addresses, timeout=30) as client:
        results = [client.attribute(KOVAC, document_id=f"d{n}") for n in range(4)]

    assert [r.document_id for r in results] == ["d0", "d1", "d2", "d3"]
    assert [len(parser.texts) for parser in parsers] == [2, 2]


def test_one_target_naming_two_addresses_balances_over_both(
    two_servers: tuple[list[str], list[CountingParser]],
) -> None:
    addresses, parsers = two_servers
    ports = [address.rsplit(":", 1)[1] for address in addresses]
    target = f"ipv4:127.0.0.1:{ports[0]},127.0.0.1:{ports[1]}"

    with QuoteAttributionClient(target, timeout=30) as client:
        for _ in range(20):  # round_robin spreads calls once both connections are up
            client.attribute(KOVAC)
            if all(parser.texts for parser in parsers):
                break

    assert all(parser.texts for parser in parsers), [len(p.texts) for p in parsers]


# --- retries, against a scripted server ----------------------------------------------------


class ScriptedService:
    """Answers Attribute with the next status of its script (None: a response), then repeats
    the last; counts the calls it got."""

    def __init__(self, *script: tuple[grpc.StatusCode, str] | grpc.Status | None) -> None:
        self.script = script
        self.calls = 0

    def attribute(self, request: pb.AttributeRequest, context: grpc.ServicerContext) -> bytes:
        step = self.script[min(self.calls, len(self.script) - 1)]
        self.calls += 1
        if isinstance(step, grpc.Status):  # before tuple: gRPC's statuses are tuples too
            context.abort_with_status(step)
        elif step is not None:
            context.abort(*step)
        return pb.AttributeResponse(document_id=request.document_id).SerializeToString()


@pytest.fixture
def scripted() -> Iterator[Callable[..., tuple[str, ScriptedService]]]:
    servers: list[grpc.Server] = []

    def start(
        *script: tuple[grpc.StatusCode, str] | grpc.Status | None,
    ) -> tuple[str, ScriptedService]:
        service = ScriptedService(*script)
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
        handler = grpc.unary_unary_rpc_method_handler(
            service.attribute, request_deserializer=pb.AttributeRequest.FromString
        )
        server.add_generic_rpc_handlers(
            (grpc.method_handlers_generic_handler(SERVICE_NAME, {"Attribute": handler}),)
        )
        port = server.add_insecure_port("127.0.0.1:0")
        server.start()
        servers.append(server)
        return f"127.0.0.1:{port}", service

    yield start
    for server in servers:
        server.stop(grace=None)


UNAVAILABLE = (grpc.StatusCode.UNAVAILABLE, "loading")
BUSY = (grpc.StatusCode.RESOURCE_EXHAUSTED, "the server is busy")
QUICK = Retries(attempts=4, backoff=0.01)


def test_unavailable_and_busy_are_retried_until_the_call_succeeds(
    scripted: Callable[..., tuple[str, ScriptedService]],
) -> None:
    address, service = scripted(UNAVAILABLE, BUSY, None)

    with QuoteAttributionClient(address, timeout=30, retries=QUICK) as client:
        result = client.attribute(KOVAC, document_id="third-time")

    assert result.document_id == "third-time"
    assert service.calls == 3


@pytest.mark.parametrize(
    "refusal",
    [
        (grpc.StatusCode.INVALID_ARGUMENT, "text is empty"),
        (grpc.StatusCode.RESOURCE_EXHAUSTED, "Received message larger than max (9 vs. 8)"),
        (grpc.StatusCode.INTERNAL, "internal error: RuntimeError"),
    ],
    ids=["invalid", "too-large", "internal"],
)
def test_what_a_retry_cannot_fix_is_not_retried(
    scripted: Callable[..., tuple[str, ScriptedService]], refusal: tuple[grpc.StatusCode, str]
) -> None:
    address, service = scripted(refusal)

    with (
        QuoteAttributionClient(address, timeout=30, retries=QUICK) as client,
        pytest.raises(QuoteAttrError) as raised,
    ):
        client.attribute(KOVAC)

    assert raised.value.code == refusal[0]
    assert service.calls == 1


def test_retries_stop_after_the_last_attempt(
    scripted: Callable[..., tuple[str, ScriptedService]],
) -> None:
    address, service = scripted(UNAVAILABLE)

    with (
        QuoteAttributionClient(
            address, timeout=30, retries=Retries(attempts=3, backoff=0.01)
        ) as client,
        pytest.raises(TransportError),
    ):
        client.attribute(KOVAC)

    assert service.calls == 3


def test_no_retries_means_one_attempt(
    scripted: Callable[..., tuple[str, ScriptedService]],
) -> None:
    address, service = scripted(BUSY)

    with (
        QuoteAttributionClient(address, timeout=30, retries=NO_RETRIES) as client,
        pytest.raises(RequestRejected),
    ):
        client.attribute(KOVAC)

    assert service.calls == 1


def test_the_retry_budget_is_shared_by_every_call_of_the_client(
    scripted: Callable[..., tuple[str, ScriptedService]],
) -> None:
    address, service = scripted(UNAVAILABLE)
    retries = Retries(attempts=5, backoff=0.001, budget=0.0, min_retries=2)

    with QuoteAttributionClient(address, timeout=30, retries=retries) as client:
        for _ in range(2):
            with pytest.raises(TransportError):
                client.attribute(KOVAC)

    assert service.calls == 3 + 1  # two retries from the reserve, then none left


def test_no_retry_pause_runs_past_the_timeout(
    scripted: Callable[..., tuple[str, ScriptedService]],
) -> None:
    address, service = scripted(UNAVAILABLE)
    slow = Retries(attempts=5, backoff=60.0, max_backoff=60.0)

    with (
        QuoteAttributionClient(address, timeout=0.5, retries=slow) as client,
        pytest.raises(TransportError),
    ):
        # Every pause is drawn below 60 s; one that would pass the 0.5 s timeout is not taken.
        client.attribute(KOVAC)

    assert service.calls <= 2


def test_retries_reject_nonsense() -> None:
    with pytest.raises(ValueError, match="attempts must be at least 1"):
        Retries(attempts=0)


def busy_for(seconds: float) -> grpc.Status:
    """RESOURCE_EXHAUSTED with a RetryInfo, as an overloaded quoteattr server answers."""
    delay = duration_pb2.Duration()
    delay.FromMilliseconds(round(seconds * 1000))
    status = status_pb2.Status(
        code=grpc.StatusCode.RESOURCE_EXHAUSTED.value[0], message="the server is busy"
    )
    status.details.add().Pack(error_details_pb2.RetryInfo(retry_delay=delay))
    return rpc_status.to_status(status)


def test_the_delay_the_server_asks_for_is_waited_and_draws_no_budget(
    scripted: Callable[..., tuple[str, ScriptedService]],
) -> None:
    address, service = scripted(busy_for(0.4), busy_for(0.4), None)
    no_budget = Retries(budget=0.0, min_retries=0)  # only the server's delays allow retries

    with QuoteAttributionClient(address, timeout=30, retries=no_budget) as client:
        started = time.monotonic()
        result = client.attribute(KOVAC, document_id="patient")
        waited = time.monotonic() - started

    assert result.document_id == "patient"
    assert service.calls == 3
    assert 0.8 <= waited < 0.8 * 1.1 + 1.0


def test_a_delay_past_the_timeout_fails_at_once_with_the_delay(
    scripted: Callable[..., tuple[str, ScriptedService]],
) -> None:
    address, service = scripted(busy_for(20.0))

    with (
        QuoteAttributionClient(address, timeout=5, retries=DEFAULT_RETRIES) as client,
        pytest.raises(RequestRejected) as raised,
    ):
        client.attribute(KOVAC)

    assert service.calls == 1
    assert raised.value.retry_after == pytest.approx(20.0)


@pytest.mark.parametrize(
    ("attempt", "pushback", "low", "high"),
    [
        (1, None, 0.25, 0.5),  # backoff 0.5 s: drawn between half and all of it
        (3, None, 1.0, 2.0),  # doubled per retry
        (9, None, 5.0, 10.0),  # capped at max_backoff
        (1, 4.0, 4.0, 4.4),  # the server's delay, plus up to 10 %
        (5, 4.0, 4.0, 4.4),  # whatever the attempt
        (1, 500.0, 30.0, 33.0),  # capped at max_pushback
    ],
)
def test_the_default_pause(attempt: int, pushback: float | None, low: float, high: float) -> None:
    rng = random.Random(attempt)
    pauses = [DEFAULT_RETRIES.pause(attempt, pushback, rng) for _ in range(200)]

    assert low <= min(pauses) <= max(pauses) <= high
