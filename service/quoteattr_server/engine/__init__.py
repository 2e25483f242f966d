"""engine: pure functions from a parsed document to quote attributions (no I/O, no gRPC)."""

from quoteattr_server.engine.attribute import ENGINE_VERSION, attribute
from quoteattr_server.engine.lexicon import Lexicon, load_lexicon

__all__ = ["ENGINE_VERSION", "Lexicon", "attribute", "load_lexicon"]
