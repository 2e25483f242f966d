"""http: the HTTP/JSON API (`POST /v1/attribute`) and the verification page (`GET /`)."""

from quoteattr_server.http.app import ATTRIBUTE_PATH, HTTP_STATUS, create_app
from quoteattr_server.http.server import HttpServer

__all__ = ["ATTRIBUTE_PATH", "HTTP_STATUS", "HttpServer", "create_app"]
