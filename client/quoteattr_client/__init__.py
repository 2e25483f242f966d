"""quoteattr_client: typed Python clients (blocking and asyncio) and CLI for quoteattr.

Example:
    from quoteattr_client import QuoteAttributionClient

    with QuoteAttributionClient("localhost:50051") as client:
        result = client.attribute('"The bridge will close in May," said Mayor Ana Kovac.')
        for quote in result.quotes:
            speaker = result.speaker(quote)
            print(quote.text, "->", speaker.name if speaker else "?")

    async with AsyncQuoteAttributionClient("localhost:50051") as client:
        result = await client.attribute(text)
"""

from quoteattr_client._async_client import AsyncQuoteAttributionClient
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
    TLSFileError,
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
    "AsyncQuoteAttributionClient",
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
    "TLSFileError",
    "TransportError",
    "result_from_proto",
]
