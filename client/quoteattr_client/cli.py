"""The `quoteattr` command: attribute an article from a file or stdin, or check health.

    quoteattr attribute article.txt            a table of quote, speaker, role and cue
    quoteattr attribute --json - < article.txt the whole result as JSON
    quoteattr health                           SERVING, NOT_SERVING or SERVICE_UNKNOWN

Exit status: 0 on success (and, for `health`, when the server is SERVING); 1 when the call
failed (rejected, unreachable, too slow), the input could not be read, or the server is not
serving; 2 for bad command-line usage.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from quoteattr_client._client import DEFAULT_TARGET, DEFAULT_TIMEOUT, QuoteAttributionClient
from quoteattr_client._exceptions import QuoteAttrError
from quoteattr_client._models import AttributionResult

_SPEAKER_WIDTH = 24
_ROLE_WIDTH = 30
_CUE_WIDTH = 14
_KIND_WIDTH = 8
_MIN_QUOTE_WIDTH = 30


def build_arg_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--target",
        default=os.environ.get("QUOTEATTR_TARGET", DEFAULT_TARGET),
        help=f"server address host:port (env QUOTEATTR_TARGET, default {DEFAULT_TARGET})",
    )
    common.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds before the call fails (default {DEFAULT_TIMEOUT:g})",
    )
    parser = argparse.ArgumentParser(
        prog="quoteattr", description="Attribute the quotes of news articles to their speakers."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    attribute = commands.add_parser(
        "attribute", parents=[common], help="attribute the quotes of one article"
    )
    attribute.add_argument("file", help="the article as UTF-8 text; - reads stdin")
    attribute.add_argument("--json", action="store_true", help="print the result as JSON")
    attribute.add_argument(
        "--no-reported", action="store_true", help="leave out reported (indirect) speech"
    )
    attribute.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="leave out quotes less confident than this, in [0, 1] (default 0)",
    )
    attribute.add_argument(
        "--document-id", help="name echoed in the result (default: the file's name)"
    )

    commands.add_parser("health", parents=[common], help="print the server's health status")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_arg_parser().parse_args(argv)
    try:
        with QuoteAttributionClient(args.target, timeout=args.timeout) as client:
            if args.command == "health":
                status = client.health()
                print(status)
                return 0 if status == "SERVING" else 1
            text, default_id = _read_input(args.file)
            result = client.attribute(
                text,
                document_id=args.document_id if args.document_id is not None else default_id,
                include_reported_speech=not args.no_reported,
                min_confidence=args.min_confidence,
            )
    except (QuoteAttrError, OSError, UnicodeDecodeError) as error:
        print(f"quoteattr: {error}", file=sys.stderr)
        return 1
    print(format_json(result) if args.json else format_table(result))
    return 0


def _read_input(file: str) -> tuple[str, str]:
    """The text to attribute and the document id it gets by default."""
    if file == "-":
        return sys.stdin.read(), ""
    return Path(file).read_text(encoding="utf-8"), Path(file).name


def format_json(result: AttributionResult) -> str:
    return json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2)


def format_table(result: AttributionResult, *, width: int | None = None) -> str:
    """One row per quote (quote, kind, speaker, role, cue), long cells wrapped in place."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    fixed = _KIND_WIDTH + _SPEAKER_WIDTH + _ROLE_WIDTH + _CUE_WIDTH + 2 * 4
    quote_width = max(_MIN_QUOTE_WIDTH, width - fixed)
    widths = (quote_width, _KIND_WIDTH, _SPEAKER_WIDTH, _ROLE_WIDTH, _CUE_WIDTH)
    lines = [_row(("QUOTE", "KIND", "SPEAKER", "ROLE", "CUE"), widths)]
    for quote in result.quotes:
        speaker = result.speaker(quote)
        cells = (
            quote.text,
            quote.kind.value,
            speaker.name if speaker else "-",
            "; ".join(role.text for role in speaker.roles) if speaker else "",
            quote.cue.text if quote.cue else "",
        )
        lines.append(_row(cells, widths))
    lines.append(
        f"{_count(len(result.quotes), 'quote')}, {_count(len(result.speakers), 'speaker')}; "
        f"engine {result.engine_version}, {result.processing_seconds:.2f} s"
    )
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    wrapped = [
        textwrap.wrap(cell, width) or [""] for cell, width in zip(cells, widths, strict=True)
    ]
    lines = []
    for parts in itertools.zip_longest(*wrapped, fillvalue=""):
        padded = (part.ljust(width) for part, width in zip(parts, widths, strict=True))
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
