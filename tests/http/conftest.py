"""HTTP fixtures: the HTTP/JSON server in this process, over the session's parser.

It is built as `quoteattr-server --http-port` builds it: a gRPC servicer over a pipeline slot
(here an in-process batcher), with a call gate, served by `HttpServer` on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from quoteattr_server.http import HttpServer
from quoteattr_server.models import Models
from quoteattr_server.nlp.batcher import InProcessRunner, MicroBatcher, make_batcher
from quoteattr_server.settings import Settings
from quoteattr_server.transport.server import PipelineSlot
from quoteattr_server.transport.servicer import CallGate, QuoteAttributionServicer
from quoteattr_server.transport.validation import Limits

StartHttp = Callable[..., str]


@pytest.fixture
def start_http(server_settings: Settings, models: Models) -> Iterator[StartHttp]:
    """`start_http(max_text_chars=100, loaded=False, max_calls=0)` -> the base URL."""
    servers: list[HttpServer] = []
    batchers: list[MicroBatcher] = []

    def start(*, loaded: bool = True, max_calls: int | None = None, **changes: Any) -> str:
        settings = server_settings.replace(**changes)
        slot = PipelineSlot()
        if loaded:
            batchers.append(make_batcher([InProcessRunner(models)], settings))
            slot.fill(batchers[-1])
        gate = CallGate(settings.max_concurrent_rpcs if max_calls is None else max_calls)
        servicer = QuoteAttributionServicer(
            slot, Limits(settings.max_text_chars, settings.max_text_words), gate=gate
        )
        server = HttpServer(servicer, settings, 0)
        servers.append(server)
        return f"http://127.0.0.1:{server.start()}"

    yield start
    for server in servers:
        server.stop()
    for batcher in batchers:
        batcher.close()


@pytest.fixture
def http_url(start_http: StartHttp) -> str:
    return start_http()
