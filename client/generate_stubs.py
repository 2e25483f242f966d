"""Generate the `quoteattr` package (protobuf and gRPC stubs) from ../proto into this folder.

The one code generator of the repository: `make proto` runs it for the development install,
and `setup.py` runs it when pip builds the `quoteattr-client` distribution, so the wheel ships
the stubs while the repository tracks only the `.proto` (generated code is never edited).
Nothing is regenerated while the stubs are newer than the `.proto`.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROTO_ROOT = HERE.parent / "proto"
PROTO = Path("quoteattr") / "v1" / "quoteattr.proto"
PACKAGE = HERE / "quoteattr"
STUB = PACKAGE / "v1" / "quoteattr_pb2.py"


def generate(*, force: bool = False) -> bool:
    """Write quoteattr/v1/*_pb2*.py(i) and the package's __init__ files; True if it ran.

    Raises:
        FileNotFoundError: neither the .proto nor stubs made from it are here (a copy of
            client/ taken without ../proto).
        RuntimeError: protoc failed.
    """
    source = PROTO_ROOT / PROTO
    if not source.is_file():
        if STUB.is_file():
            return False  # built from a copy that already holds the stubs (an sdist)
        raise FileNotFoundError(f"no {source} to generate the gRPC stubs from")
    if not force and STUB.is_file() and STUB.stat().st_mtime >= source.stat().st_mtime:
        return False
    import grpc_tools
    from grpc_tools import protoc

    includes = Path(grpc_tools.__file__).resolve().parent / "_proto"
    (PACKAGE / "v1").mkdir(parents=True, exist_ok=True)
    status = protoc.main(
        [
            "grpc_tools.protoc",
            f"-I{PROTO_ROOT}",
            f"-I{includes}",
            f"--python_out={HERE}",
            f"--grpc_python_out={HERE}",
            f"--pyi_out={HERE}",
            str(source),
        ]
    )
    if status != 0:
        raise RuntimeError(f"protoc failed on {source} (exit {status})")
    shutil.copyfile(source, PACKAGE / "v1" / PROTO.name)
    for init in (PACKAGE / "__init__.py", PACKAGE / "v1" / "__init__.py"):
        init.touch()
    STUB.touch()
    return True


if __name__ == "__main__":
    print("generated" if generate(force="--force" in sys.argv) else "up to date")
