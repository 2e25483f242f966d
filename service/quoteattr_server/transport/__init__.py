"""transport: the gRPC face of the service (server, servicer, validation, converters, errors)."""
