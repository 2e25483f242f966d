"""quoteattr server: gRPC quote attribution over Stanza dependency parses."""

__version__ = "0.1.0"
