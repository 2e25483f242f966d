"""The engine is a pure function: importing it pulls in neither the parser nor the transport."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("stanza", "torch", "grpc")


def test_importing_the_engine_imports_no_parser_and_no_grpc() -> None:
    probe = (
        "import json, sys\n"
        "import quoteattr_server.engine\n"
        "import quoteattr_server.engine.conllu\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(run.stdout) == []
