"""Overload: a full queue or too many calls get RESOURCE_EXHAUSTED at once (health checks still
answer), the client's retries get through once there is room, and calls that arrive behind a
slow one wait for that one parse, then share the next.

The parser here holds its first batch until the test lets it go, so "busy" is a state the test
sets up, not a race it hopes to win.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client import REGISTRY

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_client import NO_RETRIES, QuoteAttributionClient, RequestRejected, Retries
from quoteattr_client._exceptions import status_details
from quoteattr_server.engine.types import ParsedDoc
from quoteattr_server.models import Models, Parser
from quoteattr_server.nlp.pipeline import ModelInfo
from quoteattr_server.transport.server import SERVICE_NAME

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
        assert pushback.reason == "OVERLOADED"
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
