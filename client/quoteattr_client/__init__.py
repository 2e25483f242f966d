"""quoteattr_client: a typed Python client and CLI for the quoteattr gRPC service.

Example:
    from quoteattr_client import QuoteAttributionClient

    with QuoteAttributionClient("localhost:50051") as client:
        result = client.attribute('"The bridge will close in May," said Mayor Ana Kovac.')
        for quote in result.quotes:
            speaker = result.speaker(quote)
            print(quote.text, "->", speaker.name if speaker else "?")
"""

from quoteattr_client._client import (
    DEFAULT_RETRIES,
    DEFAULT_TARGET,
    DEFAULT_TIMEOUT,
    NO_RETRIES,
    TLS,
    QuoteAttributionClient,
    Retries,
    result_from_proto,
)
from quoteattr_client._exceptions import (
    QuoteAttrError,
    RequestRejected,
    ServerError,
    TransportError,
)
from quoteattr_client._models import (
    AttributionResult,
    AttributionType,
    Cue,
    Gender,
    Mention,
    ModelInfo,
    Quote,
    QuoteKind,
    Role,
    SourceCategory,
    Span,
    Speaker,
    SpeakerKind,
)

__all__ = [
    "DEFAULT_RETRIES",
    "DEFAULT_TARGET",
    "DEFAULT_TIMEOUT",
    "NO_RETRIES",
    "TLS",
    "AttributionResult",
    "AttributionType",
    "Cue",
    "Gender",
    "Mention",
    "ModelInfo",
    "Quote",
    "QuoteAttrError",
    "QuoteAttributionClient",
    "QuoteKind",
    "RequestRejected",
    "Retries",
    "Role",
    "ServerError",
    "SourceCategory",
    "Span",
    "Speaker",
    "SpeakerKind",
    "TransportError",
    "result_from_proto",
]
