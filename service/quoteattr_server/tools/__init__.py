"""Tools for developers of quoteattr: `quoteattr-eval` (scores) and `quoteattr-bench` (speed).

They ship with the server distribution, not the client: they start a server of their own and
read the repository's shared/ data, which a service that only calls quoteattr never needs.
"""
