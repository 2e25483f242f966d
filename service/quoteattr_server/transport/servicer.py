"""transport.servicer: the `quoteattr.v1.QuoteAttribution` RPC methods, and nothing else.

Each call is validated, submitted to the pipeline (the micro-batcher in front of the parser
workers), awaited and converted; the work itself lives in `nlp` and `engine`, the status codes
in `errors`. A call that ends early (cancelled, deadline passed) abandons its ticket through
`context.add_callback`, so a document still queued is never parsed and the handler thread is
freed at once.

A stream reads its requests ahead of its responses, so that its documents are batched together
and spread over the workers, but never more than `READ_AHEAD` documents beyond the responses
gRPC has taken to send: a client that reads slowly holds the server to that many parsed
responses, however large, and no more are parsed until it reads.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Protocol

import grpc

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_server import metrics
from quoteattr_server.engine import ENGINE_VERSION
from quoteattr_server.nlp.batcher import BatcherError, Job, Outcome, Ticket
from quoteattr_server.nlp.pipeline import ModelInfo
from quoteattr_server.transport.converters import result_to_proto
from quoteattr_server.transport.errors import (
    DeadlineExceeded,
    InvalidRequest,
    NotReady,
    Overloaded,
    ServiceError,
    Unavailable,
    from_batcher,
    stream_errors,
    unary_errors,
)
from quoteattr_server.transport.validation import Limits, UndecodableRequest, validate_request

_LOGGER = logging.getLogger(__name__)

Request = pb.AttributeRequest | UndecodableRequest
# gRPC reports "no deadline" as a remaining time of about 292 years.
_NO_DEADLINE = 1e9
# Documents of one stream parsed (or being parsed) ahead of the responses sent: enough to fill
# batches on every worker, few enough that a slow reader holds little in the server.
READ_AHEAD = 16
# While a seat is awaited, how often the stream's reader looks whether the call has ended.
_POLL_SECONDS = 0.1


class Pipeline(Protocol):
    """What the servicer needs of the parse path (`MicroBatcher` in production)."""

    @property
    def info(self) -> ModelInfo: ...

    def submit(self, job: Job, *, wait: bool = False) -> Ticket: ...

    def retry_after(self) -> float: ...


# After the last call in progress ends, a draining server waits this long without a new call
# before gRPC stops.
DRAIN_QUIET_SECONDS = 0.25


class CallGate:
    """Admits calls of the service: at most `max_calls` at once (a stream counts as one), more
    get RESOURCE_EXHAUSTED at once, with `retry_after()` as the time to come back; once
    `drain()` is called, none (UNAVAILABLE), while the calls already in finish. Health checks
    do not pass through it, so probes answer under any load.
    """

    def __init__(
        self, max_calls: int, *, retry_after: Callable[[], float | None] = lambda: None
    ) -> None:
        self.max_calls = max_calls
        self._retry_after = retry_after
        self._calls = 0
        self._draining = False
        self._last_refusal = 0.0
        self._idle = threading.Condition()

    @property
    def calls(self) -> int:
        return self._calls

    @contextlib.contextmanager
    def admitted(self) -> Iterator[None]:
        """Count the call in for the block, or refuse it."""
        with self._idle:
            if self._draining:
                self._last_refusal = time.monotonic()
                raise Unavailable(
                    "the server is shutting down; send the call again (another replica, or "
                    "this one once restarted, will answer)"
                )
            full = self._calls >= self.max_calls
            if not full:
                self._calls += 1
        if full:
            raise Overloaded(
                f"the server is busy: {self.max_calls} calls are in progress (the limit); "
                "retry after the delay it gives",
                retry_after=self._retry_after(),
            )
        try:
            yield
        finally:
            with self._idle:
                self._calls -= 1
                self._idle.notify_all()

    def drain(self, timeout: float, *, quiet: float = DRAIN_QUIET_SECONDS) -> bool:
        """Refuse new calls, and wait up to `timeout` seconds for those in progress to end and
        then for `quiet` seconds without a refused call; True if the calls all ended.

        The quiet spell catches the call a client sends just as its previous one is answered:
        it is refused here, with a message, rather than cancelled by gRPC as it stops.
        """
        deadline = time.monotonic() + timeout
        with self._idle:
            self._draining = True
            ended = self._idle.wait_for(lambda: self._calls == 0, timeout)
        while time.monotonic() - self._last_refusal < quiet and time.monotonic() < deadline:
            time.sleep(quiet / 5)
        return ended


class QuoteAttributionServicer:
    """Serves `quoteattr.v1.QuoteAttribution` through the pipeline that `pipeline()` returns.

    Args:
        pipeline: returns the pipeline, or None while the models load (calls get UNAVAILABLE).
        limits: the largest text a request may carry.
        gate: admits calls (up to its limit, and none once draining).
    """

    def __init__(
        self, pipeline: Callable[[], Pipeline | None], limits: Limits, *, gate: CallGate
    ) -> None:
        self._pipeline = pipeline
        self._limits = limits
        self._gate = gate

    @unary_errors
    def Attribute(self, request: Request, context: grpc.ServicerContext) -> pb.AttributeResponse:
        started = time.perf_counter()
        with self._gate.admitted():
            pipeline, job = self._job(request, context)
            ticket = _submit(pipeline, job, wait=False)
            if not context.add_callback(ticket.abandon):
                ticket.abandon()  # the call ended between the submit and here
            outcome = _await(ticket, context)
        return _respond(request, pipeline.info, ticket, outcome, started)

    @stream_errors
    def AttributeStream(
        self, requests: Iterator[Request], context: grpc.ServicerContext
    ) -> Iterator[pb.AttributeResponse]:
        with self._gate.admitted():
            yield from self._stream(requests, context)

    def _stream(
        self, requests: Iterator[Request], context: grpc.ServicerContext
    ) -> Iterator[pb.AttributeResponse]:
        reader = _StreamReader(self, requests, context)
        if not context.add_callback(reader.stop):
            return
        try:
            for pending in reader:
                yield pending.answer(context)
                # gRPC asks for the next response once it has taken this one to send.
                reader.sent(pending)
        finally:
            reader.stop()

    def _job(self, request: Request, context: grpc.ServicerContext) -> tuple[Pipeline, Job]:
        """Check the request and turn it into a job for the pipeline."""
        if isinstance(request, UndecodableRequest):
            raise InvalidRequest(request.reason)
        checked = validate_request(request, self._limits)
        pipeline = self._pipeline()
        if pipeline is None:
            raise NotReady("the models are still loading; retry shortly")
        remaining = context.time_remaining()
        deadline = time.monotonic() + remaining if remaining < _NO_DEADLINE else None
        return pipeline, Job(
            text=request.text,
            words=checked.words,
            include_reported=checked.options.include_reported_speech,
            min_confidence=checked.options.min_confidence,
            attribution_types=checked.options.attribution_types,
            deadline=deadline,
        )


def _submit(pipeline: Pipeline, job: Job, *, wait: bool) -> Ticket:
    try:
        return pipeline.submit(job, wait=wait)
    except BatcherError as error:
        raise from_batcher(error) from error


def _await(ticket: Ticket, context: grpc.ServicerContext) -> Outcome:
    """The ticket's outcome, or the service error that says why there is none."""
    remaining = context.time_remaining()
    try:
        return ticket.result(timeout=remaining if remaining < _NO_DEADLINE else None)
    except TimeoutError:
        ticket.abandon()
        raise DeadlineExceeded("the deadline passed before the result was ready") from None
    except BatcherError as error:
        raise from_batcher(error) from error


def _respond(
    request: Request, info: ModelInfo, ticket: Ticket, outcome: Outcome, started: float
) -> pb.AttributeResponse:
    assert isinstance(request, pb.AttributeRequest)
    seconds = time.perf_counter() - started
    queued = (ticket.dispatched or ticket.submitted) - ticket.submitted
    # Counted before the response leaves, so a caller that has it sees the count; the words
    # are those validation counted.
    metrics.observe_document(ticket.job.words)
    _LOGGER.info(
        "attributed",
        extra={
            "document_id": request.document_id,
            "chars": len(request.text),
            "words": ticket.job.words,
            "quotes": len(outcome.result.quotes),
            "seconds": round(seconds, 4),
            "queue_seconds": round(queued, 4),
            "parse_seconds": round(outcome.parse_seconds, 4),
            "engine_seconds": round(outcome.engine_seconds, 5),
            "batch_documents": outcome.batch_documents,
        },
    )
    return result_to_proto(
        outcome.result,
        document_id=request.document_id,
        engine_version=ENGINE_VERSION,
        model=info,
        processing_seconds=seconds,
    )


class _Pending:
    """One request of a stream as read: its ticket once submitted, or why it has none."""

    def __init__(self, position: int, request: Request) -> None:
        self.position = position
        self.request = request
        self.started = time.perf_counter()
        self.pipeline: Pipeline | None = None
        self.ticket: Ticket | None = None
        self.error: ServiceError | None = None

    def answer(self, context: grpc.ServicerContext) -> pb.AttributeResponse:
        """The response, or the error naming this request's position and document id."""
        try:
            if self.error is not None:
                raise self.error
            assert self.pipeline is not None
            assert self.ticket is not None
            outcome = _await(self.ticket, context)
            return _respond(self.request, self.pipeline.info, self.ticket, outcome, self.started)
        except ServiceError as error:
            document_id = (
                self.request.document_id if isinstance(self.request, pb.AttributeRequest) else ""
            )
            raise error.at(self.position, document_id) from error


_END = object()


class _StreamReader:
    """Reads a stream's requests on a thread of its own and submits each at once, at most
    `READ_AHEAD` ahead of the responses sent; iterating yields them in order.

    The reader must not run in the handler's thread: a client that sends its next request only
    after reading the previous response would then wait for the server and the server for it.
    A request is read only when a seat is free, and the handler frees one (`sent`) only once
    gRPC has taken the response before it. The first bad request is yielded with its error,
    and reading stops there.
    """

    def __init__(
        self,
        servicer: QuoteAttributionServicer,
        requests: Iterator[Request],
        context: grpc.ServicerContext,
    ) -> None:
        self._servicer = servicer
        self._requests = requests
        self._context = context
        self._seats = threading.Semaphore(READ_AHEAD)
        self._ready: queue.Queue[_Pending | object] = queue.Queue()
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._tickets: set[Ticket] = set()
        self._thread = threading.Thread(target=self._read, name="quoteattr-stream", daemon=True)
        self._thread.start()

    def __iter__(self) -> Iterator[_Pending]:
        while True:
            try:
                item = self._ready.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if self._stopped.is_set():
                    return
                continue
            if item is _END:
                return
            assert isinstance(item, _Pending)
            yield item

    def sent(self, pending: _Pending) -> None:
        """`pending`'s response went out: one more request may be read."""
        if pending.ticket is not None:
            with self._lock:
                self._tickets.discard(pending.ticket)
        self._seats.release()

    def stop(self) -> None:
        """The call ended: stop reading and abandon every document not yet answered."""
        self._stopped.set()
        with self._lock:
            tickets, self._tickets = self._tickets, set()
        for ticket in tickets:
            ticket.abandon()

    def _read(self) -> None:
        try:
            position = 0
            while self._take_seat():
                request = next(self._requests, None)
                if request is None:
                    return
                position += 1
                pending = self._submit(_Pending(position, request))
                self._ready.put(pending)
                if pending.error is not None:
                    return
        except Exception as error:  # the request stream broke (the call ended): nothing to do
            if not self._stopped.is_set():
                _LOGGER.info("stream ended while reading", extra={"error": type(error).__name__})
        finally:
            self._ready.put(_END)

    def _take_seat(self) -> bool:
        """Wait for a free seat; False if the call ends first."""
        while not self._seats.acquire(timeout=_POLL_SECONDS):
            if self._stopped.is_set():
                return False
        return not self._stopped.is_set()

    def _submit(self, pending: _Pending) -> _Pending:
        try:
            pipeline, job = self._servicer._job(pending.request, self._context)
            ticket = _submit(pipeline, job, wait=True)
        except ServiceError as error:
            pending.error = error
            return pending
        pending.pipeline, pending.ticket = pipeline, ticket
        with self._lock:
            self._tickets.add(ticket)
        if self._stopped.is_set():
            ticket.abandon()
        return pending
