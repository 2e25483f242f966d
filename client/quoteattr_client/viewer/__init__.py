"""viewer: the verification page, one self-contained HTML file (its CSS and script inlined).

The server serves it at `GET /` with `api` set (the page posts pasted articles there);
`quoteattr view` writes it with one article and its result embedded, to open offline. Either
way an editor sees every quote as a `<mark class="quote" data-speaker=... data-kind=...>` in
its speaker's colour, the speakers with their roles, and the details on hover.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import Any


def render_page(
    *, api: str | None = None, text: str | None = None, result: Mapping[str, Any] | None = None
) -> str:
    """The page: live (`api`, the path of `POST /v1/attribute`) or showing `text` with its
    `result` (the proto's JSON mapping, or the client's JSON as `quoteattr attribute --json`
    prints it)."""
    assets = resources.files(__package__)
    html = (assets / "page.html").read_text(encoding="utf-8")
    css = (assets / "page.css").read_text(encoding="utf-8")
    script = (assets / "page.js").read_text(encoding="utf-8")
    # Inside <script>, "</script>" (and "<!--") must not appear: escape every "<".
    data = json.dumps({"api": api, "text": text, "result": result}, ensure_ascii=False)
    data = data.replace("<", "\\u003c")
    html = html.replace("/*{{css}}*/", css).replace("//{{js}}", script)
    return html.replace("{{data}}", data)
