"""quoteattr server: gRPC and HTTP quote attribution over Stanza dependency parses, and the
in-process `Attributor` (`from quoteattr_server import Attributor`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Attributor", "__version__"]

if TYPE_CHECKING:
    from quoteattr_server.attributor import Attributor


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `import quoteattr_server.settings` stays light.
    if name == "Attributor":
        from quoteattr_server.attributor import Attributor

        return Attributor
    raise AttributeError(f"module 'quoteattr_server' has no attribute {name!r}")
