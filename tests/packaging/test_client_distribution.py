"""`pip install ./client` into a fresh virtualenv: no torch, no Stanza, the stubs generated from
the .proto while the wheel builds, and the installed client talks to a real server."""

from __future__ import annotations

import json
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def _not_copied(folder: str, names: list[str]) -> set[str]:
    """Build outputs, and the stubs `make proto` wrote: the copy must generate its own."""
    left_out = {n for n in names if n in {"build", "__pycache__"} or n.endswith(".egg-info")}
    if Path(folder) == REPO / "client":
        left_out.add("quoteattr")
    return left_out


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done.stdout


def _size_mib(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def test_the_client_installs_alone_and_calls_the_server(
    tmp_path: Path, server_address: str
) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(REPO / "client", checkout / "client", ignore=_not_copied)
    shutil.copytree(REPO / "proto", checkout / "proto", ignore=_not_copied)
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"

    _run(python, "-m", "pip", "install", "--quiet", "./client", cwd=checkout)

    installed = {
        item["name"].lower()
        for item in json.loads(_run(python, "-m", "pip", "list", "--format", "json"))
    }
    assert {"quoteattr-client", "grpcio", "protobuf"} <= installed
    assert not installed & {"torch", "stanza", "quoteattr-server", "aiohttp", "tqdm"}
    site = Path(
        _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").strip()
    )
    assert (site / "quoteattr" / "v1" / "quoteattr_pb2.py").is_file()
    assert (site / "quoteattr_client" / "viewer" / "page.js").is_file()
    print(f"fresh client venv: {sorted(installed)}; site-packages {_size_mib(site):.1f} MiB")

    script = (
        "import asyncio, sys\n"
        "from quoteattr_client import QuoteAttributionClient, AsyncQuoteAttributionClient\n"
        "with QuoteAttributionClient(sys.argv[1], timeout=30) as client:\n"
        "    result = client.attribute('\"The bridge will close in May,\" said Mayor Ana Kovac.')\n"
        "async def check():\n"
        "    async with AsyncQuoteAttributionClient(sys.argv[1], timeout=30) as client:\n"
        "        return await client.health()\n"
        "print(result.speakers[0].name, asyncio.run(check()))\n"
        "assert 'torch' not in sys.modules and 'stanza' not in sys.modules\n"
    )
    assert _run(python, "-c", script, server_address).strip() == "Ana Kovac SERVING"
    quoteattr = environment / "bin" / "quoteattr"
    assert _run(quoteattr, "health", "--target", server_address).strip() == "SERVING"
