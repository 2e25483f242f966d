"""Session fixtures: the real Stanza parser (loaded once), the lexicon, and a real gRPC server.

The models are the server's default: `QUOTEATTR_MODELS`, else `../shared/models/stanza-en-cc`
beside the checkout. The server listens on 127.0.0.1 with a port the OS picks, and serves from
the same parser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest

from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_server.engine import Lexicon, load_lexicon
from quoteattr_server.models import Models
from quoteattr_server.nlp.batcher import InProcessRunner, MicroBatcher, make_batcher
from quoteattr_server.nlp.pipeline import StanzaParser
from quoteattr_server.settings import Settings, default_model_dir
from quoteattr_server.transport.server import PipelineSlot, Server, create_server


@pytest.fixture(scope="session")
def model_dir() -> Path:
    path = default_model_dir()
    if not (path / "resources.json").is_file():
        pytest.fail(f"no Stanza models at {path}; set QUOTEATTR_MODELS or run `make models`")
    return path


@pytest.fixture(scope="session")
def parser(model_dir: Path) -> StanzaParser:
    return StanzaParser(model_dir)


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def models(parser: StanzaParser, lexicon: Lexicon) -> Models:
    return Models(parser=parser, lexicon=lexicon)


StartServer = Callable[..., str]


def in_process_pipeline(settings: Settings, models: Models) -> MicroBatcher:
    """A one-lane batcher that parses with `models` in this process, batching as `settings`
    say: the pipeline of `--workers 0`, on models the tests already loaded."""
    return make_batcher([InProcessRunner(models)], settings)


def _start(settings: Settings, models: Models | None) -> tuple[Server, str]:
    slot = PipelineSlot(None if models is None else in_process_pipeline(settings, models))
    server, port = create_server(settings, slot)
    server.start()
    return server, f"127.0.0.1:{port}"


@pytest.fixture(scope="session")
def server_settings(model_dir: Path) -> Settings:
    """Default limits, loopback only, a port the OS picks."""
    return Settings(host="127.0.0.1", port=0, model_dir=model_dir, max_workers=24)


@pytest.fixture(scope="session")
def server_address(server_settings: Settings, models: Models) -> Iterator[str]:
    """The address of the session-wide server (default limits, the session's parser)."""
    server, address = _start(server_settings, models)
    yield address
    server.stop(grace=None)


@pytest.fixture
def start_server(server_settings: Settings, models: Models) -> Iterator[StartServer]:
    """Start another server for one test: `start_server(max_text_chars=100)` -> its address.

    Keyword arguments change its settings; `models=` gives it other models (None: not loaded).
    """
    servers: list[Server] = []

    def start(*, models: Models | None = models, **changes: Any) -> str:
        server, address = _start(server_settings.replace(**changes), models)
        servers.append(server)
        return address

    yield start
    for server in servers:
        server.stop(grace=None)


@pytest.fixture
def make_pipeline(server_settings: Settings) -> Callable[[Models], MicroBatcher]:
    """`make_pipeline(models)`: an in-process pipeline with the session's settings."""
    return lambda models: in_process_pipeline(server_settings, models)


@pytest.fixture
def channel(server_address: str) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(server_address) as channel:
        yield channel


@pytest.fixture
def stub(channel: grpc.Channel) -> quoteattr_pb2_grpc.QuoteAttributionStub:
    return quoteattr_pb2_grpc.QuoteAttributionStub(channel)
