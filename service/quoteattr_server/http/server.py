"""http.server: runs the HTTP/JSON app on an event loop of its own, beside the gRPC server.

The gRPC server is thread-based; the HTTP one lives on one background thread with its own
asyncio loop, and hands each attribute call to a thread pool (the servicer's methods block
while the document waits for its parse). With TLS settings it serves HTTPS with the same
certificate (and the same client CAs for mutual TLS).
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web

from quoteattr_server.http.app import create_app
from quoteattr_server.settings import Settings
from quoteattr_server.transport.servicer import QuoteAttributionServicer

_START_SECONDS = 30.0


class HttpServer:
    """The HTTP/JSON endpoint on `settings.host` and `port`; `start()` binds and returns the
    port, `stop()` closes it (calls in progress get `grace` seconds)."""

    def __init__(self, servicer: QuoteAttributionServicer, settings: Settings, port: int) -> None:
        self._settings = settings
        self._port = port
        # As many threads as calls the gate admits: a call refused by it returns at once.
        self._executor = ThreadPoolExecutor(
            max_workers=settings.max_concurrent_rpcs + 4, thread_name_prefix="quoteattr-http"
        )
        self._app = create_app(
            servicer, executor=self._executor, max_body_bytes=settings.max_message_bytes
        )
        self._loop = asyncio.new_event_loop()
        self._runner = web.AppRunner(
            self._app,
            handler_cancellation=True,
            access_log=None,
            shutdown_timeout=settings.grace_seconds,
        )
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="quoteattr-http", daemon=True
        )
        self.port = 0

    def start(self) -> int:
        """Bind and serve; the port bound (the one asked for, or a free one for 0).

        Raises:
            OSError: the address cannot be bound.
            RuntimeError: a TLS file cannot be read.
        """
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        try:
            self.port = future.result(_START_SECONDS)
        except BaseException:
            self.stop()
            raise
        return self.port

    async def _start(self) -> int:
        await self._runner.setup()
        host = self._settings.host.strip("[]")
        site = web.TCPSite(
            self._runner,
            host,
            self._port,
            ssl_context=_ssl_context(self._settings),
            reuse_port=False,
        )
        await site.start()
        port: int = self._runner.addresses[0][1]
        return port

    def stop(self) -> None:
        """Close the listener, let calls in progress end (within the grace), stop the loop."""
        if self._thread.is_alive():
            future = asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop)
            future.result(self._settings.grace_seconds + 5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
        if not self._thread.is_alive() and not self._loop.is_closed():
            self._loop.close()
        self._executor.shutdown(wait=False, cancel_futures=True)


def _ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if settings.tls_cert is None or settings.tls_key is None:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(settings.tls_cert, settings.tls_key)
        if settings.tls_client_ca is not None:
            context.load_verify_locations(settings.tls_client_ca)
            context.verify_mode = ssl.CERT_REQUIRED
    except OSError as error:
        raise RuntimeError(f"cannot read a TLS file for HTTPS: {error}") from error
    return context
