"""The in-process Attributor: the service's results without a server, the same checks, texts
parsed in batches."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import pytest

from quoteattr_client import AttributionResult, QuoteAttributionClient, RequestRejected
from quoteattr_server import Attributor
from quoteattr_server.engine.types import ParsedDoc
from quoteattr_server.models import Models, Parser
from quoteattr_server.nlp.pipeline import ModelInfo, ModelLoadError
from quoteattr_server.transport.validation import Limits

KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'
BRANDT = '"We will appeal the ruling," Tomas Brandt told reporters on Friday.'
REPORTED = "Kovac said the repairs would cost less than expected."


@dataclass
class BatchRecorder:
    """The session's parser, recording how many texts each parse call got."""

    parser: Parser
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
        return self.parser.parse_many(texts, should_stop=should_stop)


def _comparable(result: AttributionResult) -> AttributionResult:
    return dataclasses.replace(result, processing_seconds=0.0)


def test_results_are_the_services_own(models: Models, server_address: str) -> None:
    attributor = Attributor(models)
    local = attributor.attribute(KOVAC + " " + REPORTED, document_id="kovac")
    with QuoteAttributionClient(server_address, timeout=30) as client:
        remote = client.attribute(KOVAC + " " + REPORTED, document_id="kovac")

    assert isinstance(local, AttributionResult)
    assert _comparable(local) == _comparable(remote)
    assert [q.kind.value for q in local.quotes] == ["direct", "reported"]


def test_options_match_the_clients(models: Models) -> None:
    attributor = Attributor(models)
    without_reported = attributor.attribute(REPORTED, include_reported_speech=False)
    everything = attributor.attribute(REPORTED)
    confident = attributor.attribute(KOVAC + " " + REPORTED, min_confidence=0.99)

    assert without_reported.quotes == ()
    assert len(everything.quotes) == 1
    assert all(quote.confidence >= 0.99 for quote in confident.quotes)


def test_attribute_many_parses_consecutive_texts_in_batches(models: Models) -> None:
    recorder = BatchRecorder(models.parser)
    attributor = Attributor(Models(recorder, models.lexicon), batch_words=21)

    results = list(attributor.attribute_many([KOVAC, ("brandt", BRANDT), REPORTED]))

    # 10 + 11 words fill a batch of 21; the third text (8 words) starts the next.
    assert recorder.batches == [2, 1]
    assert [r.document_id for r in results] == ["", "brandt", ""]
    names = [r.speakers[0].name for r in results]
    assert names == ["Ana Kovac", "Tomas Brandt", "Kovac"]


def test_a_text_the_service_refuses_raises_what_the_client_raises(models: Models) -> None:
    attributor = Attributor(models, limits=Limits(max_text_chars=60, max_text_words=1_000))
    results = attributor.attribute_many([("ok", KOVAC), ("long", BRANDT + " " * 10)])

    assert next(results).document_id == "ok"
    with pytest.raises(RequestRejected) as raised:
        next(results)

    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert raised.value.document_id == "long"
    assert "limit is 60" in raised.value.details
    with pytest.raises(RequestRejected, match="min_confidence"):
        attributor.attribute(KOVAC, min_confidence=1.5)
    with pytest.raises(RequestRejected, match="empty"):
        attributor.attribute("  \n ")


@pytest.mark.slow
def test_load_reads_a_model_directory_on_the_cpu(model_dir: Path) -> None:
    attributor = Attributor.load(models=model_dir, device="cpu", torch_threads=1)

    result = attributor.attribute(KOVAC)

    assert result.speakers[0].name == "Ana Kovac"
    # The models' package and version, not a path of this machine's disk.
    assert result.model.directory.startswith(f"{result.model.package}@")
    assert "/" not in result.model.directory


def test_load_refuses_a_directory_without_models(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match=r"resources\.json"):
        Attributor.load(models=tmp_path, device="cpu")
