"""models: what a parser must load before it can answer (the parser, the lexicon), warmed up.

Each parser worker process calls `load_models` once (the server process itself does only with
`--workers 0`). The server listens before the models are loaded (so health checks answer
NOT_SERVING rather than connection refused); until its pipeline fills the server's slot
(`transport.server.PipelineSlot`), calls get UNAVAILABLE.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from quoteattr_server.engine import Lexicon, attribute, load_lexicon
from quoteattr_server.engine.types import ParsedDoc
from quoteattr_server.nlp.pipeline import ModelInfo, StanzaParser

# One short sentence with a quote and a cue: the first parse pays for lazy initialisation
# (torch kernels, Stanza caches), so it happens before the server reports SERVING.
_WARM_UP_TEXT = '"The warm-up is done," the server said.'


class Parser(Protocol):
    """What the servicer needs of a parser (`StanzaParser` in production)."""

    @property
    def info(self) -> ModelInfo: ...

    def parse(self, text: str) -> ParsedDoc: ...

    def parse_many(
        self, texts: Sequence[str], *, should_stop: Callable[[], bool] | None = None
    ) -> list[ParsedDoc]: ...


@dataclass(frozen=True, slots=True)
class Models:
    """A loaded parser and the lexicon the engine reads."""

    parser: Parser
    lexicon: Lexicon


@dataclass(frozen=True, slots=True)
class LoadReport:
    """How long each loading step took, for the start-up log line."""

    model_seconds: float
    lexicon_seconds: float
    warm_up_seconds: float


def load_models(
    model_dir: Path, *, torch_threads: int | None = None, device: str = "cpu"
) -> tuple[Models, LoadReport]:
    """Load the Stanza pipeline (on `device`: auto, cpu or cuda) and the lexicon, then warm
    both up with one short parse.

    Raises:
        ModelLoadError: the model directory is missing or incomplete.
    """
    parser = StanzaParser(model_dir, torch_threads=torch_threads, device=device)
    started = time.perf_counter()
    lexicon = load_lexicon()
    lexicon_seconds = time.perf_counter() - started
    started = time.perf_counter()
    attribute(parser.parse(_WARM_UP_TEXT), lexicon)
    warm_up_seconds = time.perf_counter() - started
    return Models(parser=parser, lexicon=lexicon), LoadReport(
        model_seconds=parser.load_seconds,
        lexicon_seconds=lexicon_seconds,
        warm_up_seconds=warm_up_seconds,
    )
