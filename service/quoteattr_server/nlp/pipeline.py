"""nlp.pipeline: loads one Stanza pipeline from a resources directory and parses articles.

Nothing is downloaded: the pipeline is built with `download_method=None`, so a directory that
lacks a model fails at start-up with Stanza's own message rather than reaching for the network.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quoteattr_server.engine.types import ParsedDoc
from quoteattr_server.nlp.adapter import plan, postprocess_tokens, to_parsed_doc

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
# Words handed to Stanza per bulk call: big enough to batch well, small enough that a stop
# request (caller gone) is heard within a second or two even inside a 40,000-word transcript.
CHUNK_WORDS = 2_500
_LOGGER = logging.getLogger(__name__)


class ModelLoadError(RuntimeError):
    """The model directory is missing or incomplete."""


DEVICES = ("auto", "cpu", "cuda")


def resolve_device(device: str) -> str:
    """`cpu` or `cuda`: `auto` is `cuda` where torch sees a GPU, else `cpu`.

    Raises:
        ModelLoadError: `cuda` was asked for and torch sees no GPU.
    """
    if device not in DEVICES:
        raise ValueError(f"device must be one of {', '.join(DEVICES)}, got {device!r}")
    if device == "cpu":
        return "cpu"
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if device == "cuda":
        raise ModelLoadError("--device cuda, but torch sees no GPU (a CPU build, or no driver)")
    return "cpu"


class ParseStopped(Exception):
    """`should_stop` asked `parse_many` to give up (every caller of the batch has left)."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    # The models' package and version ("newsmix@1.15.0"), not a path of the server's disk.
    directory: str
    stanza_version: str
    package: str


class StanzaParser:
    """Owns a Stanza pipeline; `parse` is safe to call from several threads (calls serialise)."""

    def __init__(
        self, model_dir: str | Path, *, torch_threads: int | None = None, device: str = "cpu"
    ) -> None:
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
        self.device = resolve_device(device)
        started = time.perf_counter()
        try:
            self._pipeline = stanza.Pipeline(
                "en",
                dir=str(model_path),
                processors=PROCESSORS,
                download_method=None,
                logging_level="WARN",
                tokenize_postprocessor=postprocess_tokens,
                use_gpu=self.device == "cuda",
                device=self.device,
            )
        except Exception as error:  # stanza raises a variety of types for missing files
            raise ModelLoadError(f"cannot load Stanza models from {model_path}: {error}") from error
        self.load_seconds = time.perf_counter() - started
        package = _package_name(model_path)
        self.info = ModelInfo(
            directory=f"{package}@{_resources_version(model_path)}",
            stanza_version=stanza.__version__,
            package=package,
        )
        self._lock = threading.Lock()
        self._torch = torch

    def parse(self, text: str) -> ParsedDoc:
        return self.parse_many([text])[0]

    def parse_many(
        self, texts: Sequence[str], *, should_stop: Callable[[], bool] | None = None
    ) -> list[ParsedDoc]:
        """Parse several articles in bulk Stanza calls (the pieces of all of them batched).

        Between calls of about `CHUNK_WORDS` words each, `should_stop()` is asked whether the
        work is still wanted.

        Raises:
            ParseStopped: `should_stop()` returned true.
        """
        from stanza.models.common.doc import Document

        plans = [plan(text) for text in texts]
        documents = [
            Document([], text=layout.clean[piece.span.start : piece.span.end])
            for layout in plans
            for piece in layout.pieces
        ]
        sizes = [len(document.text.split()) for document in documents]
        parsed: list[Any] = []
        with self._lock, self._torch.inference_mode():
            for start, end in _chunks(sizes, CHUNK_WORDS):
                if should_stop is not None and should_stop():
                    raise ParseStopped("every caller of the batch has left")
                parsed.extend(self._pipeline.bulk_process(documents[start:end]))
        results: list[ParsedDoc] = []
        cursor = 0
        for text, layout in zip(texts, plans, strict=True):
            count = len(layout.pieces)
            results.append(
                to_parsed_doc(
                    text,
                    layout.paragraphs,
                    layout.pieces,
                    parsed[cursor : cursor + count],
                    layout.hidden_stops,
                )
            )
            cursor += count
        return results


def _chunks(sizes: Sequence[int], limit: int) -> Iterator[tuple[int, int]]:
    """[start, end) ranges of consecutive items whose sizes sum to at most `limit` (a bigger
    item alone)."""
    start, total = 0, 0
    for index, size in enumerate(sizes):
        if index > start and total + size > limit:
            yield start, index
            start, total = index, 0
        total += size
    if start < len(sizes):
        yield start, len(sizes)


def _resources_version(model_path: Path) -> str:
    """The version of the Stanza resources the models came with, or `unknown`."""
    import json

    try:
        resources = json.loads((model_path / "resources.json").read_text(encoding="utf-8"))
        return str(resources.get("__stanza_version__", "unknown"))
    except (OSError, ValueError, AttributeError):
        return "unknown"


def _package_name(model_path: Path) -> str:
    """The package named in resources.json for depparse (e.g. `newsmix`), or `unknown`."""
    import json

    try:
        resources = json.loads((model_path / "resources.json").read_text(encoding="utf-8"))
        default = resources.get("en", {}).get("default_processors", {})
        return str(default.get("depparse", "unknown"))
    except (OSError, ValueError, AttributeError):
        return "unknown"
