"""nlp.pipeline: loads one Stanza pipeline from a resources directory and parses articles.

Nothing is downloaded: the pipeline is built with `download_method=None`, so a directory that
lacks a model fails at start-up with Stanza's own message rather than reaching for the network.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quoteattr_server.engine.types import ParsedDoc
from quoteattr_server.nlp.adapter import split_paragraphs, to_parsed_doc

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
_LOGGER = logging.getLogger(__name__)


class ModelLoadError(RuntimeError):
    """The model directory is missing or incomplete."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    directory: str
    stanza_version: str
    package: str


class StanzaParser:
    """Owns a Stanza pipeline; `parse` is safe to call from several threads (calls serialise)."""

    def __init__(self, model_dir: str | Path, *, torch_threads: int | None = None) -> None:
        model_path = Path(model_dir)
        if not (model_path / "resources.json").is_file():
            raise ModelLoadError(
                f"no Stanza resources directory at {model_path} (resources.json missing); "
                "set --models / QUOTEATTR_MODELS or run `make models`"
            )
        import stanza
        import torch

        if torch_threads:
            torch.set_num_threads(torch_threads)
        started = time.perf_counter()
        try:
            self._pipeline = stanza.Pipeline(
                "en",
                dir=str(model_path),
                processors=PROCESSORS,
                download_method=None,
                logging_level="WARN",
                use_gpu=False,
            )
        except Exception as error:  # stanza raises a variety of types for missing files
            raise ModelLoadError(f"cannot load Stanza models from {model_path}: {error}") from error
        self.load_seconds = time.perf_counter() - started
        self.info = ModelInfo(
            directory=str(model_path.resolve()),
            stanza_version=stanza.__version__,
            package=_package_name(model_path),
        )
        self._lock = threading.Lock()
        self._torch = torch

    def parse(self, text: str) -> ParsedDoc:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[ParsedDoc]:
        """Parse several articles in one bulk Stanza call (paragraphs of all of them batched)."""
        from stanza.models.common.doc import Document

        layouts = [split_paragraphs(text) for text in texts]
        documents = [
            Document([], text=text[span.start : span.end])
            for text, spans in zip(texts, layouts, strict=True)
            for span in spans
        ]
        with self._lock, self._torch.inference_mode():
            parsed = self._pipeline.bulk_process(documents) if documents else []
        results: list[ParsedDoc] = []
        cursor = 0
        for text, spans in zip(texts, layouts, strict=True):
            results.append(to_parsed_doc(text, spans, parsed[cursor : cursor + len(spans)]))
            cursor += len(spans)
        return results


def _package_name(model_path: Path) -> str:
    """The package named in resources.json for depparse (e.g. `newsmix`), or `unknown`."""
    import json

    try:
        resources = json.loads((model_path / "resources.json").read_text(encoding="utf-8"))
        default = resources.get("en", {}).get("default_processors", {})
        return str(default.get("depparse", "unknown"))
    except (OSError, ValueError, AttributeError):
        return "unknown"
