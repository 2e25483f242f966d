"""Overload: a full queue or too many calls get RESOURCE_EXHAUSTED at once (health checks still
answer), the client's retries get through once there is room, and calls that arrive behind a
slow one wait for that one parse, then share the next.

The parser here holds its first batch until the test lets it go, so "busy" is a state the test
sets up, not a race it hopes to win.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client import REGISTRY

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_client import NO_RETRIES, QuoteAttributionClient, RequestRejected, Retries
from quoteattr_client._client import STREAM_WINDOW
from quoteattr_client._exceptions import status_details
from quoteattr_server.engine.types import ParsedDoc
from quoteattr_server.models import Models, Parser
from quoteattr_server.nlp.pipeline import ModelInfo
from quoteattr_server.transport.server import SERVICE_NAME
from quoteattr_server.transport.servicer import READ_AHEAD

StartServer = Callable[..., str]
KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'
WAIT = 60.0


@dataclass
class HeldParser:
    """The session's parser, holding the first batch until `gate` is set."""

    parser: Parser
    gate: threading.Event = field(default_factory=threading.Event)
    holding: threading.Event = field(default_factory=threading.Event)
    batches: list[int] = field(default_factory=list)

    @property
    def info(self) -> ModelInfo:
        return self.parser.info

    def parse(self, text: str) -> ParsedDoc:
        return self.parse_many([text])[0]

    def parse_many(
        self, texts: Sequence[str], *, should_stop: Callable[[], bool] | None = None
    ) -> list[ParsedDoc]:
        self.batches.append(len(texts))
        if len(self.batches) == 1:
            self.holding.set()
            assert self.gate.wait(WAIT), "the test never let the parser go"
        return self.parser.parse_many(texts)


@pytest.fixture
def held(models: Models) -> Iterator[HeldParser]:
    parser = HeldParser(models.parser)
    yield parser
    parser.gate.set()  # never leave a server thread waiting


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(max_workers=16) as executor:
        yield executor


def request(document_id: str) -> pb.AttributeRequest:
    return pb.AttributeRequest(document_id=document_id, text=KOVAC)


def test_a_full_queue_is_resource_exhausted_and_retries_get_through(
    start_server: StartServer, models: Models, held: HeldParser, pool: ThreadPoolExecutor
) -> None:
    address = start_server(models=Models(held, models.lexicon), max_queue=2)
    with grpc.insecure_channel(address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        first = stub.Attribute.future(request("first"), timeout=WAIT)
        assert held.holding.wait(WAIT)

        # Calls queue behind the held batch until the queue is full; the next is refused.
        accepted: list[grpc.Future] = []
        refusal = None
        for number in range(10):
            call = stub.Attribute.future(request(f"queued-{number}"), timeout=WAIT)
            try:
                call.result(timeout=0.5)
            except grpc.FutureTimeoutError:
                accepted.append(call)  # waiting in the queue, as it should
                continue
            except grpc.RpcError as error:
                refusal = error
                break
        assert refusal is not None, "the queue never filled"
        assert refusal.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert "retry after the delay it gives" in refusal.details()
        pushback = status_details(refusal.trailing_metadata())
        assert pushback.reason == "QUEUE_FULL"
        assert pushback.retry_after is not None
        assert 0.1 <= pushback.retry_after <= 60
        assert len(accepted) == 2

        patient = Retries(attempts=100, backoff=0.05, max_backoff=0.2, min_retries=100)
        with QuoteAttributionClient(address, timeout=WAIT, retries=patient) as client:
            retried = pool.submit(client.attribute, KOVAC, document_id="retried")
            held.gate.set()
            assert retried.result(timeout=WAIT).document_id == "retried"

        assert first.result(timeout=WAIT).document_id == "first"
        assert [call.result(timeout=WAIT).document_id for call in accepted] == [
            "queued-0",
            "queued-1",
        ]


def test_calls_over_the_limit_are_refused_while_health_still_answers(
    start_server: StartServer, models: Models, held: HeldParser
) -> None:
    address = start_server(models=Models(held, models.lexicon), max_concurrent_rpcs=1)
    with grpc.insecure_channel(address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        first = stub.Attribute.future(request("first"), timeout=WAIT)
        assert held.holding.wait(WAIT)

        with QuoteAttributionClient(address, timeout=WAIT, retries=NO_RETRIES) as client:
            with pytest.raises(RequestRejected) as raised:
                client.attribute(KOVAC)
            health = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=SERVICE_NAME), timeout=5
            )

        held.gate.set()
        assert first.result(timeout=WAIT).document_id == "first"
    assert raised.value.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "1 calls are in progress" in raised.value.details
    assert health.status == health_pb2.HealthCheckResponse.SERVING


def test_calls_behind_a_slow_one_are_batched_together_not_queued_one_by_one(
    start_server: StartServer, models: Models, held: HeldParser
) -> None:
    address = start_server(models=Models(held, models.lexicon))
    with grpc.insecure_channel(address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        slow = stub.Attribute.future(request("slow"), timeout=WAIT)
        assert held.holding.wait(WAIT)
        behind: list[Future[pb.AttributeResponse]] = [
            stub.Attribute.future(request(f"behind-{n}"), timeout=WAIT) for n in range(5)
        ]
        _wait_until_queued(5)

        held.gate.set()

        assert slow.result(timeout=WAIT).quotes
        assert all(call.result(timeout=WAIT).quotes for call in behind)
    # One batch for the slow call, one for the five behind it: they waited for one parse.
    assert held.batches == [1, 5]


def _wait_until_queued(count: int) -> None:
    """Until `count` documents wait in the server's queue, as its metrics gauge says."""
    deadline = time.monotonic() + WAIT
    while (REGISTRY.get_sample_value("quoteattr_queue_depth") or 0) < count:
        if time.monotonic() > deadline:
            pytest.fail(f"{count} calls never queued")
        time.sleep(0.01)


def test_a_stream_reads_ahead_so_its_documents_share_batches(
    start_server: StartServer, models: Models, held: HeldParser
) -> None:
    address = start_server(models=Models(held, models.lexicon))
    with grpc.insecure_channel(address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        blocker = stub.Attribute.future(request("blocker"), timeout=WAIT)
        assert held.holding.wait(WAIT)
        responses = stub.AttributeStream(
            iter([request(f"doc-{n}") for n in range(6)]), timeout=WAIT
        )
        _wait_until_queued(6)  # all read and queued before the first is answered

        held.gate.set()

        assert [r.document_id for r in responses] == [f"doc-{n}" for n in range(6)]
        assert blocker.result(timeout=WAIT).document_id == "blocker"
    assert held.batches == [1, 6]


# --- stream back-pressure ------------------------------------------------------------------


@dataclass
class CountingCachedParser:
    """The session's parser, parsing each distinct text once (a real parse, reused) and
    counting the documents it was asked for: how far a stream has been parsed."""

    parser: Parser
    parsed: int = 0
    cache: dict[str, ParsedDoc] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def info(self) -> ModelInfo:
        return self.parser.info

    def parse(self, text: str) -> ParsedDoc:
        return self.parse_many([text])[0]

    def parse_many(
        self, texts: Sequence[str], *, should_stop: Callable[[], bool] | None = None
    ) -> list[ParsedDoc]:
        with self.lock:
            for text in texts:
                if text not in self.cache:
                    self.cache[text] = self.parser.parse(text)
            self.parsed += len(texts)
            return [self.cache[text] for text in texts]


# 150 attributed quotes: a response of tens of kilobytes.
_MONTHS = ["May", "June", "July", "August", "September", "October", "November", "December"]
_MONTHS += ["January", "February", "March"]
QUOTED = "\n".join(
    f'"The {place} will close in {month}," said Mayor Ana Kovac. "It will reopen in spring," '
    "she added."
    for place in ("bridge", "harbour", "library", "stadium", "market", "museum", "school")
    for month in _MONTHS
)


def _ahead_while_reading(
    responses: Iterator[Any], counting: CountingCachedParser, pause: float
) -> list[int]:
    """Read every response, `pause` seconds apart; after each, how many documents were parsed
    and not yet read."""
    ahead = []
    for read, _ in enumerate(responses, start=1):
        time.sleep(pause)
        ahead.append(counting.parsed - read)
    return ahead


def test_a_slow_reader_holds_the_stream_to_its_read_ahead(
    start_server: StartServer, models: Models
) -> None:
    counting = CountingCachedParser(models.parser)
    address = start_server(models=Models(counting, models.lexicon))
    documents = [request(f"doc-{n}") for n in range(24)]
    for document in documents:
        document.text = QUOTED
    # A client that sends everything at once; its receive window stays at HTTP/2's 64 KB, so
    # what runs ahead of its reading is what the server parsed, not what the network holds.
    with grpc.insecure_channel(address, options=[("grpc.http2.bdp_probe", 0)]) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        responses = stub.AttributeStream(iter(documents), timeout=WAIT)
        size = len(next(responses).SerializeToString())
        assert size > 20_000  # large responses, as the test means
        # Slower than the server answers: it parses as far ahead as it may, and no further.
        # (0.5 s a response, so that a loaded machine still parses to the limit meanwhile.)
        ahead = _ahead_while_reading(responses, counting, pause=0.5)

    in_window = math.ceil(65_535 / size) + 1  # sent, and waiting in the client's window
    print(
        f"raw client, 64 KB window, {size:,}-byte responses: at most {max(ahead)} documents "
        f"parsed ahead of reading (read-ahead {READ_AHEAD} + {in_window} in the window)"
    )
    assert len(ahead) == 23
    assert READ_AHEAD <= max(ahead) <= READ_AHEAD + in_window


def test_the_client_library_keeps_a_stream_within_its_window_whatever_the_network_holds(
    start_server: StartServer, models: Models
) -> None:
    counting = CountingCachedParser(models.parser)
    address = start_server(models=Models(counting, models.lexicon))
    # Small responses: thousands would fit in the network's buffers.
    documents = ((f"doc-{n}", KOVAC) for n in range(80))

    with QuoteAttributionClient(address, timeout=WAIT) as client:
        ahead = _ahead_while_reading(client.attribute_many(documents), counting, pause=0.05)

    print(f"client library: at most {max(ahead)} documents parsed ahead of reading")
    assert len(ahead) == 80
    assert max(ahead) <= STREAM_WINDOW
