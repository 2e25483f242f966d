"""Attributor: quote attribution in this process, for notebooks and jobs that have the models.

    from quoteattr_server import Attributor

    attributor = Attributor.load(models="../shared/models/stanza-en-cc")
    result = attributor.attribute('"We will rebuild," said Mayor Ana Kovac.')
    for result in attributor.attribute_many(texts):   # parsed in batches
        ...

No server runs. Each text is checked as the service checks it (`transport.validation`, the same
limits), parsed by the same Stanza pipeline, attributed by the same engine, and converted
through the service's own protobuf mapping into the client's `AttributionResult`: a result is
the same whichever way it came, and a text the service would refuse raises the same
`RequestRejected`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import grpc

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_client import AttributionResult, RequestRejected, result_from_proto
from quoteattr_client._client import Types, request_of
from quoteattr_server.engine import ENGINE_VERSION
from quoteattr_server.models import Models, load_models
from quoteattr_server.nlp.batcher import Job, Outcome, attribute_batch
from quoteattr_server.settings import Settings, default_model_dir
from quoteattr_server.transport.converters import result_to_proto
from quoteattr_server.transport.errors import InvalidRequest
from quoteattr_server.transport.validation import Limits, validate_request

_DEFAULTS = Settings(workers=0)
DEFAULT_LIMITS = Limits(_DEFAULTS.max_text_chars, _DEFAULTS.max_text_words)
DEFAULT_BATCH_WORDS = _DEFAULTS.batch_max_words

Document = str | tuple[str, str]


class Attributor:
    """Attributes quotes with models loaded in this process; `Attributor.load()` builds one.

    Args:
        models: the loaded parser and lexicon.
        limits: the largest text accepted (default: the server's defaults).
        batch_words: `attribute_many` parses consecutive texts together up to this many words
            (default: the server's batch size, 4,000).
    """

    def __init__(
        self,
        models: Models,
        *,
        limits: Limits = DEFAULT_LIMITS,
        batch_words: int = DEFAULT_BATCH_WORDS,
    ) -> None:
        if batch_words < 1:
            raise ValueError(f"batch_words must be at least 1, got {batch_words}")
        self.models = models
        self.limits = limits
        self.batch_words = batch_words

    @classmethod
    def load(
        cls,
        models: str | Path | None = None,
        *,
        device: str = "auto",
        torch_threads: int | None = None,
        limits: Limits = DEFAULT_LIMITS,
        batch_words: int = DEFAULT_BATCH_WORDS,
    ) -> Attributor:
        """Load the Stanza models from `models` (default: `QUOTEATTR_MODELS`, else the bundled
        ../shared/models/stanza-en-cc) on `device` (auto, cpu or cuda), warmed up.

        Raises:
            ModelLoadError: the directory holds no usable models, or cuda was asked for and
                there is no GPU.
        """
        model_dir = Path(models).expanduser() if models is not None else default_model_dir()
        loaded, _ = load_models(model_dir, torch_threads=torch_threads, device=device)
        return cls(loaded, limits=limits, batch_words=batch_words)

    def attribute(
        self,
        text: str,
        *,
        document_id: str = "",
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
        attribution_types: Types = (),
    ) -> AttributionResult:
        """Attribute the quotes of one article.

        Raises:
            RequestRejected: the text is empty or over a limit, or min_confidence lies outside
                [0, 1] (INVALID_ARGUMENT, as the service says it).
        """
        [result] = self.attribute_many(
            [(document_id, text)],
            include_reported_speech=include_reported_speech,
            min_confidence=min_confidence,
            attribution_types=attribution_types,
        )
        return result

    def attribute_many(
        self,
        documents: Iterable[Document],
        *,
        include_reported_speech: bool = True,
        min_confidence: float = 0.0,
        attribution_types: Types = (),
    ) -> Iterator[AttributionResult]:
        """Attribute texts, or `(document_id, text)` pairs, yielding results in order.

        Consecutive documents are parsed together, up to `batch_words` words a batch; the
        documents are read lazily, a batch at a time. The first document that fails the
        checks ends the run: the results before it have been yielded, then it raises.

        Raises:
            RequestRejected: as for `attribute`, naming the document.
        """
        batch: list[tuple[pb.AttributeRequest, Job]] = []
        words = 0
        for document in documents:
            try:
                request, job = self._job(
                    document,
                    request_of(
                        "",
                        "",
                        include_reported_speech=include_reported_speech,
                        min_confidence=min_confidence,
                        attribution_types=attribution_types,
                    ).options,
                )
            except RequestRejected:
                yield from self._run(batch)  # the documents before it first
                raise
            if batch and words + job.words > self.batch_words:
                yield from self._run(batch)
                batch, words = [], 0
            batch.append((request, job))
            words += job.words
        if batch:
            yield from self._run(batch)

    def _job(
        self, document: Document, options: pb.AttributeOptions
    ) -> tuple[pb.AttributeRequest, Job]:
        document_id, text = ("", document) if isinstance(document, str) else document
        request = pb.AttributeRequest(document_id=document_id, text=text, options=options)
        try:
            checked = validate_request(request, self.limits)
        except InvalidRequest as error:
            raise RequestRejected(
                grpc.StatusCode.INVALID_ARGUMENT, error.message, document_id=document_id
            ) from None
        return request, Job(
            text=text,
            words=checked.words,
            include_reported=checked.options.include_reported_speech,
            min_confidence=checked.options.min_confidence,
            attribution_types=checked.options.attribution_types,
        )

    def _run(self, batch: Sequence[tuple[pb.AttributeRequest, Job]]) -> Iterator[AttributionResult]:
        if not batch:
            return
        outcomes = attribute_batch(self.models, [job for _, job in batch])
        for (request, _), outcome in zip(batch, outcomes, strict=True):
            if not isinstance(outcome, Outcome):
                raise outcome  # the engine failed on this document: its own traceback
            yield result_from_proto(
                result_to_proto(
                    outcome.result,
                    document_id=request.document_id,
                    engine_version=ENGINE_VERSION,
                    model=self.models.parser.info,
                    processing_seconds=outcome.parse_seconds + outcome.engine_seconds,
                )
            )
