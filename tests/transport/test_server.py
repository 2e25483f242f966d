"""The gRPC server over real channels: every RPC, health, reflection, bad input, start and stop."""

from __future__ import annotations

import json
import math
import os
import queue
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)
from grpc_status import rpc_status

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_server.engine import ENGINE_VERSION
from quoteattr_server.engine.types import ParsedDoc
from quoteattr_server.models import Models
from quoteattr_server.nlp.pipeline import ModelInfo
from quoteattr_server.transport.server import SERVICE_NAME

StartServer = Callable[..., str]

KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'
OKAFOR = 'Dr. Lena Okafor, a virologist at the city hospital, said: "The wards are full."'
BRANDT = '"We will appeal the ruling," Tomas Brandt told reporters on Friday.'
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


def request(
    text: str, document_id: str = "", *, min_confidence: float = 0.0
) -> pb.AttributeRequest:
    return pb.AttributeRequest(
        document_id=document_id,
        text=text,
        options=pb.AttributeOptions(min_confidence=min_confidence),
    )


def speaker_name(response: pb.AttributeResponse, quote: pb.Quote) -> str:
    return next(s.name for s in response.speakers if s.id == quote.speaker_id)


def assert_answers_good_call(address: str) -> None:
    """The server still serves a valid request after a bad one."""
    with grpc.insecure_channel(address) as channel:
        response = quoteattr_pb2_grpc.QuoteAttributionStub(channel).Attribute(
            request(KOVAC), timeout=30
        )
    assert [speaker_name(response, q) for q in response.quotes] == ["Ana Kovac"]


@dataclass
class CountingParser:
    """The real parser, counting calls and failing on demand: shows what reaches the parse."""

    parser: Callable[[str], ParsedDoc]
    info: ModelInfo
    fail_on: str | None = None
    texts: list[str] = field(default_factory=list)

    def parse(self, text: str) -> ParsedDoc:
        return self.parse_many([text])[0]

    def parse_many(
        self, texts: Sequence[str], *, should_stop: Callable[[], bool] | None = None
    ) -> list[ParsedDoc]:
        self.texts.extend(texts)
        if self.fail_on is not None and any(self.fail_on in text for text in texts):
            raise RuntimeError("injected failure")
        return [self.parser(text) for text in texts]


@pytest.fixture
def counting(models: Models) -> CountingParser:
    return CountingParser(parser=models.parser.parse, info=models.parser.info)


# --- every RPC ---------------------------------------------------------------------------


def test_attribute_returns_quote_speaker_role_and_metadata(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub, model_dir: Path
) -> None:
    response = stub.Attribute(request(KOVAC, "kovac-1"), timeout=30)

    # What the server reports is what the directory it loaded declares, whichever models those are.
    resources = json.loads((model_dir / "resources.json").read_text(encoding="utf-8"))
    package = resources["en"]["default_processors"]["depparse"]
    assert response.document_id == "kovac-1"
    assert response.engine_version == ENGINE_VERSION
    assert response.model.stanza_version == "1.15.0"
    assert response.model.package == package
    assert response.model.directory == f"{package}@{resources['__stanza_version__']}"
    assert 0 < response.processing_seconds < 30
    [quote] = response.quotes
    assert quote.kind == pb.QUOTE_KIND_DIRECT
    assert quote.text == '"The bridge will close in May,"'
    assert KOVAC[quote.span.start : quote.span.end] == quote.text
    assert quote.cue.text == "said"
    assert quote.cue.lemma == "say"
    assert KOVAC[quote.cue.span.start : quote.cue.span.end] == "said"
    assert 0 < quote.confidence <= 1
    assert quote.rule
    [speaker] = [s for s in response.speakers if s.id == quote.speaker_id]
    assert speaker.name == "Ana Kovac"
    assert speaker.kind == pb.SPEAKER_KIND_PERSON
    assert [role.text for role in speaker.roles] == ["Mayor"]
    assert all(KOVAC[m.span.start : m.span.end] == m.text for m in speaker.mentions)


def test_offsets_count_code_points_not_bytes(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub,
) -> None:
    text = "Zoë Ørsted-Łukasz opened the café. “Prices will rise,” said Zoë Ørsted-Łukasz."
    response = stub.Attribute(request(text), timeout=30)

    [quote] = [q for q in response.quotes if q.kind == pb.QUOTE_KIND_DIRECT]
    assert text[quote.span.start : quote.span.end] == "“Prices will rise,”"
    assert all(text[q.span.start : q.span.end] == q.text for q in response.quotes)


def test_stream_answers_each_document_in_order(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub,
) -> None:
    documents = [("a-kovac", KOVAC), ("b-okafor", OKAFOR), ("c-brandt", BRANDT)]

    responses = list(
        stub.AttributeStream((request(text, doc_id) for doc_id, text in documents), timeout=60)
    )

    assert [r.document_id for r in responses] == ["a-kovac", "b-okafor", "c-brandt"]
    direct = [
        [speaker_name(r, q) for q in r.quotes if q.kind == pb.QUOTE_KIND_DIRECT] for r in responses
    ]
    assert direct == [["Ana Kovac"], ["Lena Okafor"], ["Tomas Brandt"]]


def test_stream_ends_at_a_bad_document_naming_it(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub, server_address: str
) -> None:
    requests = [request(KOVAC, "good"), request("  ", "blank"), request(BRANDT, "never")]
    responses = stub.AttributeStream(iter(requests), timeout=60)

    assert next(responses).document_id == "good"
    with pytest.raises(grpc.RpcError) as raised:
        next(responses)
    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "request 2 (document_id 'blank')" in raised.value.details()
    # The same, typed: a google.rpc.Status whose ErrorInfo names the request.
    status = rpc_status.from_call(raised.value)
    assert status is not None
    [detail] = status.details
    info = error_details_pb2.ErrorInfo()
    assert detail.Unpack(info)
    assert (info.reason, info.domain) == ("INVALID_REQUEST", "quoteattr.v1")
    assert dict(info.metadata) == {"position": "2", "document_id": "blank"}
    assert_answers_good_call(server_address)


def test_health_reports_serving(channel: grpc.Channel) -> None:
    health = health_pb2_grpc.HealthStub(channel)
    for service in ("", SERVICE_NAME):
        check = health.Check(health_pb2.HealthCheckRequest(service=service), timeout=5)
        assert check.status == SERVING


def test_reflection_lists_and_describes_the_service(channel: grpc.Channel) -> None:
    database = ProtoReflectionDescriptorDatabase(channel)

    services = database.get_services()

    assert "quoteattr.v1.QuoteAttribution" in services
    assert "grpc.health.v1.Health" in services
    described = database.FindFileContainingSymbol("quoteattr.v1.QuoteAttribution")
    assert described.package == "quoteattr.v1"
    assert {m.name for m in described.service[0].method} == {"Attribute", "AttributeStream"}


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (request(""), "text is empty or only whitespace"),
        (request(" \n\t\u3000 "), "text is empty or only whitespace"),
        (request(KOVAC, min_confidence=-0.1), "min_confidence must lie in [0, 1]"),
        (request(KOVAC, min_confidence=1.5), "min_confidence must lie in [0, 1]"),
        (request(KOVAC, min_confidence=math.nan), "min_confidence must lie in [0, 1]"),
    ],
    ids=["empty", "whitespace", "confidence-below", "confidence-above", "confidence-nan"],
)
def test_bad_request_is_invalid_argument(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub,
    server_address: str,
    bad: pb.AttributeRequest,
    message: str,
) -> None:
    with pytest.raises(grpc.RpcError) as raised:
        stub.Attribute(bad, timeout=30)

    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert message in raised.value.details()
    assert_answers_good_call(server_address)


def test_default_character_limit_is_enforced(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub, server_address: str
) -> None:
    with pytest.raises(grpc.RpcError) as raised:
        stub.Attribute(request("x" * 400_001), timeout=30)

    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "the limit is 400,000" in raised.value.details()
    assert_answers_good_call(server_address)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("word " * 30, "text has 150 characters; the limit is 120"),
        ("a b c d e f g h i j k l", "text has 12 words; the limit is 10"),
    ],
    ids=["characters", "words"],
)
def test_configured_limits_are_enforced(start_server: StartServer, text: str, message: str) -> None:
    address = start_server(max_text_chars=120, max_text_words=10)
    with grpc.insecure_channel(address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        with pytest.raises(grpc.RpcError) as raised:
            stub.Attribute(request(text), timeout=30)

    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert raised.value.details() == message
    assert_answers_good_call(address)


def test_message_over_the_size_limit_is_resource_exhausted(start_server: StartServer) -> None:
    address = start_server(max_message_bytes=1024)
    with grpc.insecure_channel(address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        with pytest.raises(grpc.RpcError) as raised:
            stub.Attribute(request("Long text. " * 200), timeout=30)

    assert raised.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert_answers_good_call(address)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            request("The bridge will close.", "doc")
            .SerializeToString()
            .replace(b"close", b"cl\xffse"),
            "text is not valid UTF-8",
        ),
        (
            request(KOVAC, "doc-\u00e9").SerializeToString().replace("é".encode(), b"\xc3("),
            "document_id is not valid UTF-8",
        ),
        (b"\x12\xff\xff", "request is not a valid AttributeRequest message"),
    ],
    ids=["text", "document-id", "truncated"],
)
def test_undecodable_request_never_reaches_the_parser(
    start_server: StartServer,
    models: Models,
    counting: CountingParser,
    payload: bytes,
    message: str,
) -> None:
    address = start_server(models=Models(parser=counting, lexicon=models.lexicon))
    with grpc.insecure_channel(address) as channel:
        raw_attribute = channel.unary_unary(
            "/quoteattr.v1.QuoteAttribution/Attribute",
            request_serializer=None,  # the bytes go out as they are
            response_deserializer=pb.AttributeResponse.FromString,
        )
        with pytest.raises(grpc.RpcError) as raised:
            raw_attribute(payload, timeout=30)

    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert raised.value.details() == message
    assert counting.texts == []
    assert_answers_good_call(address)
    assert counting.texts == [KOVAC]


def test_unexpected_error_is_internal_and_the_server_goes_on(
    start_server: StartServer, models: Models, counting: CountingParser
) -> None:
    counting.fail_on = "EXPLODE"
    address = start_server(models=Models(parser=counting, lexicon=models.lexicon))
    with grpc.insecure_channel(address) as channel:
        stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
        with pytest.raises(grpc.RpcError) as raised:
            stub.Attribute(request("EXPLODE, they said."), timeout=30)

    assert raised.value.code() == grpc.StatusCode.INTERNAL
    assert raised.value.details() == "internal error: RuntimeError"
    assert_answers_good_call(address)


def test_before_models_load_calls_are_unavailable(start_server: StartServer) -> None:
    address = start_server(models=None)
    with grpc.insecure_channel(address) as channel:
        check = health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=SERVICE_NAME), timeout=5
        )
        with pytest.raises(grpc.RpcError) as raised:
            quoteattr_pb2_grpc.QuoteAttributionStub(channel).Attribute(request(KOVAC), timeout=5)

    assert check.status == NOT_SERVING
    assert raised.value.code() == grpc.StatusCode.UNAVAILABLE
    assert "still loading" in raised.value.details()


# --- the console entry point -------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _server_command() -> list[str]:
    script = Path(sys.executable).parent / "quoteattr-server"
    if not script.exists():
        pytest.fail(f"console script missing at {script}: install the project (make test)")
    return [str(script)]


@pytest.mark.slow
def test_entry_point_starts_not_serving_then_serves_and_drains_on_sigterm(
    model_dir: Path, tmp_path: Path
) -> None:
    port = _free_port()
    address = f"127.0.0.1:{port}"
    log = tmp_path / "server.log"
    grace = 30.0  # generous: the open stream must finish even on a loaded machine
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [
                *_server_command(),
                *("--host", "127.0.0.1", "--port", str(port), "--models", str(model_dir)),
                *("--grace", str(grace)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={**os.environ, "QUOTEATTR_LOG_LEVEL": "INFO"},
        )
    try:
        with grpc.insecure_channel(address) as channel:
            health = health_pb2_grpc.HealthStub(channel)
            stub = quoteattr_pb2_grpc.QuoteAttributionStub(channel)
            seen, loading_call = _poll_until_serving(health, stub, process)
            assert "NOT_SERVING" in seen, seen
            assert loading_call == grpc.StatusCode.UNAVAILABLE
            assert stub.Attribute(request(KOVAC), timeout=30).quotes

            # A stream open when SIGTERM arrives is served to its end; new calls are refused.
            pending: queue.Queue[pb.AttributeRequest | None] = queue.Queue()
            stream = stub.AttributeStream(iter(pending.get, None), timeout=60)
            pending.put(request(KOVAC, "before"))
            assert next(stream).document_id == "before"
            process.send_signal(signal.SIGTERM)
            assert _refused_while_draining(stub) == grpc.StatusCode.UNAVAILABLE
            pending.put(request(BRANDT, "after"))
            pending.put(None)
            assert [r.document_id for r in stream] == ["after"]
            assert process.wait(timeout=grace + 5) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    lines = log.read_text()
    for message in ("serving", "draining", "stopped"):
        assert f'"message": "{message}"' in lines
    assert '"startup_seconds"' in lines


def _refused_while_draining(stub: quoteattr_pb2_grpc.QuoteAttributionStub) -> grpc.StatusCode:
    """Call until the server refuses (calls accepted just before the drain began succeed)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            stub.Attribute(request(KOVAC), timeout=10)
        except grpc.RpcError as error:
            code: grpc.StatusCode = error.code()
            return code
        time.sleep(0.05)
    pytest.fail("new calls were still accepted 30 s after SIGTERM")


def _poll_until_serving(
    health: health_pb2_grpc.HealthStub,
    stub: quoteattr_pb2_grpc.QuoteAttributionStub,
    process: subprocess.Popen[bytes],
) -> tuple[list[str], grpc.StatusCode | None]:
    """Health statuses seen (UNAVAILABLE while not listening) and the code of an Attribute
    call made while NOT_SERVING."""
    seen: list[str] = []
    loading_call: grpc.StatusCode | None = None
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited during start-up"
        try:
            status = health.Check(
                health_pb2.HealthCheckRequest(service=SERVICE_NAME), timeout=1
            ).status
        except grpc.RpcError as error:
            seen.append(error.code().name)
        else:
            name = health_pb2.HealthCheckResponse.ServingStatus.Name(status)
            seen.append(name)
            if status == SERVING:
                return seen, loading_call
            if loading_call is None:
                try:
                    stub.Attribute(request(KOVAC), timeout=5)
                except grpc.RpcError as error:
                    loading_call = error.code()
        time.sleep(0.05)
    pytest.fail(f"not SERVING after 90 s; saw {seen[-5:]}")


def test_attribution_types_select_what_comes_back(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub,
) -> None:
    text = (
        "Mayor Ana Kovac said the bridge would close in May. Residents fear the floods will "
        "return. The council welcomed the plan."
    )
    everything = stub.Attribute(pb.AttributeRequest(text=text), timeout=60)
    types = {q.text: q.attribution_type for q in everything.quotes}
    assert types["the bridge would close in May"] == pb.ATTRIBUTION_TYPE_SPEECH
    assert types["the floods will return"] == pb.ATTRIBUTION_TYPE_BELIEF
    assert types["the plan"] == pb.ATTRIBUTION_TYPE_STANCE

    speech = stub.Attribute(
        pb.AttributeRequest(
            text=text,
            options=pb.AttributeOptions(attribution_types=[pb.ATTRIBUTION_TYPE_SPEECH]),
        ),
        timeout=60,
    )
    assert [q.text for q in speech.quotes] == ["the bridge would close in May"]
    assert [s.name for s in speech.speakers] == ["Ana Kovac"]


def test_people_who_say_it_together_are_all_speakers_of_the_quote(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub,
) -> None:
    text = "Mayor Ana Kovac and Mr. Tomas Ruiz said the port would close in May."
    response = stub.Attribute(pb.AttributeRequest(text=text), timeout=60)
    [quote] = response.quotes
    speakers = {s.id: s for s in response.speakers}
    named = [speakers[quote.speaker_id].name] + [speakers[i].name for i in quote.co_speaker_ids]
    assert sorted(named) == ["Ana Kovac", "Tomas Ruiz"]
    kovac = next(s for s in response.speakers if s.name == "Ana Kovac")
    assert [role.text for role in kovac.roles] == ["Mayor"]
