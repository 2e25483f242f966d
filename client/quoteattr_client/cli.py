"""The `quoteattr` command: attribute an article or a whole archive, or check health.

    quoteattr attribute article.txt            a table of quote, speaker, role and cue
    quoteattr attribute --json - < article.txt the whole result as JSON
    quoteattr batch archive/ more.jsonl --out results.jsonl
                                               every article, one JSON line each; resumable
    quoteattr view article.txt --out page.html the article with its quotes highlighted,
                                               a self-contained page that opens offline
    quoteattr health                           SERVING, NOT_SERVING or SERVICE_UNKNOWN
    quoteattr report results.jsonl --out report.html
                                               who is quoted, from batch output

Exit status: 0 on success (and, for `health`, when the server is SERVING); 1 when the call
failed (rejected, unreachable, too slow), the input could not be read, the server is not
serving, or (for `batch`) any document failed or the job stopped early; 2 for bad command-line
usage; 130 when `batch` was interrupted (a re-run picks it up).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from quoteattr_client import batch, report
from quoteattr_client._client import DEFAULT_TARGET, DEFAULT_TIMEOUT, TLS, QuoteAttributionClient
from quoteattr_client._exceptions import QuoteAttrError
from quoteattr_client._models import AttributionResult, AttributionType
from quoteattr_client.viewer import render_page

_SPEAKER_WIDTH = 24
_ROLE_WIDTH = 30
_CUE_WIDTH = 14
_KIND_WIDTH = 8
_MIN_QUOTE_WIDTH = 30
# Long enough that the pause while a stream's last articles are answered costs little; short
# enough that a server that hangs is noticed within minutes.
BATCH_STREAM_TIMEOUT = 600.0


def build_arg_parser() -> argparse.ArgumentParser:
    target = argparse.ArgumentParser(add_help=False)
    target.add_argument(
        "--target",
        default=os.environ.get("QUOTEATTR_TARGET", DEFAULT_TARGET),
        help=f"server address host:port (env QUOTEATTR_TARGET, default {DEFAULT_TARGET}); "
        "several, comma-separated, take calls in turn",
    )
    target.add_argument(
        "--tls-ca", help="connect over TLS, checking the server against these PEM CAs"
    )
    target.add_argument("--tls-cert", help="PEM client certificate, for mutual TLS")
    target.add_argument("--tls-key", help="PEM key of --tls-cert")
    common = argparse.ArgumentParser(add_help=False, parents=[target])
    common.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds before the call fails (default {DEFAULT_TIMEOUT:g})",
    )
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--no-reported", action="store_true", help="leave out reported (indirect) speech"
    )
    options.add_argument(
        "--speech-only",
        action="store_true",
        help="only what people said or wrote, not what they believe, intend or support",
    )
    options.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        help="leave out quotes less confident than this, in [0, 1] (default 0)",
    )
    parser = argparse.ArgumentParser(
        prog="quoteattr", description="Attribute the quotes of news articles to their speakers."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    attribute = commands.add_parser(
        "attribute", parents=[common, options], help="attribute the quotes of one article"
    )
    attribute.add_argument("file", help="the article as UTF-8 text; - reads stdin")
    attribute.add_argument("--json", action="store_true", help="print the result as JSON")
    attribute.add_argument(
        "--document-id",
        help="name echoed in the result (default: the file's name; empty for stdin)",
    )

    view = commands.add_parser(
        "view",
        parents=[common, options],
        help="write the verification page of one article, its result embedded",
        description="Attribute one article and write the verification page with the result "
        "embedded: a self-contained HTML file (no server, no network) showing every quote "
        "highlighted in its speaker's colour.",
    )
    view.add_argument("file", help="the article as UTF-8 text; - reads stdin")
    view.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    view.add_argument(
        "--document-id",
        help="name echoed in the result (default: the file's name; empty for stdin)",
    )

    _add_batch_parser(commands, parents=[target, options])
    commands.add_parser("health", parents=[common], help="print the server's health status")
    report.add_parser(commands)
    return parser


def _add_batch_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    *,
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = commands.add_parser(
        "batch",
        parents=parents,
        help="attribute many articles over one stream; resumable",
        description="Attribute every article of the inputs into --out, one JSON line (or CSV "
        "rows) per article. Re-running with the same --out skips the articles already there, "
        "so an interrupted job picks up where it stopped. Input that cannot be sent and "
        "articles the server rejects are listed in --errors, and the job goes on; the exit "
        "status is 1 if any article failed.",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=BATCH_STREAM_TIMEOUT,
        help="seconds one stream of articles may last: it takes new articles for the first "
        "half, then ends once they are answered, and the next begins; a stream past it is "
        f"retried (default {BATCH_STREAM_TIMEOUT:g})",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".txt file (id: its path), folder of .txt files, .jsonl file (one JSON object a "
        "line), or - for JSON lines on stdin",
    )
    parser.add_argument("--out", type=Path, required=True, help="results file (appended to)")
    parser.add_argument(
        "--errors",
        type=Path,
        help="errors file, JSON lines, rewritten each run (default: OUT's name + .errors.jsonl)",
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        help="jsonl: a line per article as `attribute --json` prints it; csv: a row per quote "
        "(default: csv if OUT ends in .csv, else jsonl)",
    )
    parser.add_argument("--id-field", default="id", help="JSONL field of the id (default id)")
    parser.add_argument(
        "--text-field", default="text", help="JSONL field of the text (default text)"
    )
    parser.add_argument(
        "--in-flight",
        type=_positive_int,
        default=batch.DEFAULT_IN_FLIGHT,
        help=f"articles sent and not yet answered, at most (default {batch.DEFAULT_IN_FLIGHT})",
    )
    parser.add_argument(
        "--max-chars",
        type=_positive_int,
        default=batch.DEFAULT_MAX_CHARS,
        help="longer articles are listed as errors without being sent "
        f"(default {batch.DEFAULT_MAX_CHARS}, the server's default limit)",
    )
    parser.add_argument(
        "--retries",
        type=_non_negative_int,
        default=batch.DEFAULT_RETRIES,
        help="retries, with backoff, of an UNAVAILABLE or RESOURCE_EXHAUSTED stream before "
        f"giving up (default {batch.DEFAULT_RETRIES})",
    )
    parser.add_argument(
        "--progress-every",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="when stderr is not a terminal, a progress line this often (default 10)",
    )


def _confidence(value: str) -> float:
    """A confidence threshold in [0, 1], checked before any call (NaN is refused too)."""
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must lie in [0, 1], got {value}")
    return number


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _non_negative_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, got {number}")
    return number


def _client(args: argparse.Namespace, *, timeout: float) -> QuoteAttributionClient:
    """The client the --target and --tls-* options describe."""
    targets = [name.strip() for name in args.target.split(",") if name.strip()]
    tls = None
    if args.tls_ca or args.tls_cert or args.tls_key:
        tls = TLS(ca=args.tls_ca, cert=args.tls_cert, key=args.tls_key)
    return QuoteAttributionClient(targets, timeout=timeout, tls=tls)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_arg_parser().parse_args(argv)
    if args.command == "batch":
        return run_batch(args)
    if args.command == "report":
        return report.run_command(args)
    try:
        with _client(args, timeout=args.timeout) as client:
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
                attribution_types=_types(args),
            )
            if args.command == "view":
                page = render_page(text=text, result=batch.result_record(result))
                args.out.write_text(page, encoding="utf-8")
    except (QuoteAttrError, OSError, UnicodeDecodeError) as error:
        print(f"quoteattr: {error}", file=sys.stderr)
        return 1
    if args.command == "view":
        print(f"quoteattr view: {len(result.quotes)} quotes; wrote {args.out}", file=sys.stderr)
    else:
        print(format_json(result) if args.json else format_table(result))
    return 0


def _read_input(file: str) -> tuple[str, str]:
    """The text to attribute and the document id it gets by default."""
    if file == "-":
        return sys.stdin.read(), ""
    return Path(file).read_text(encoding="utf-8"), Path(file).name


def run_batch(args: argparse.Namespace) -> int:
    """`quoteattr batch`: open the outputs, run the job, print what it did."""
    output_format = args.format or ("csv" if args.out.suffix.lower() == ".csv" else "jsonl")
    errors_path = args.errors or batch.default_errors_path(args.out)
    missing = [name for name in args.inputs if name != batch.STDIN and not os.path.exists(name)]
    if missing:
        print(f"quoteattr: no such input: {', '.join(missing)}", file=sys.stderr)
        return 1
    try:
        writer = batch.open_writer(args.out, output_format)
    except (OSError, batch.OutputCorrupt) as error:
        print(f"quoteattr: {error}", file=sys.stderr)
        return 1
    errors = batch.ErrorLog(errors_path)
    progress = batch.Progress(sys.stderr, every=args.progress_every, bar=sys.stderr.isatty())
    options = batch.BatchOptions(
        id_field=args.id_field,
        text_field=args.text_field,
        max_chars=args.max_chars,
        in_flight=args.in_flight,
        retries=args.retries,
        stream_seconds=args.timeout / 2,
        include_reported_speech=not args.no_reported,
        min_confidence=args.min_confidence,
        attribution_types=_types(args),
    )
    try:
        with _client(args, timeout=args.timeout) as client:
            job = batch.BatchJob(
                client,
                args.inputs,
                writer=writer,
                errors=errors,
                progress=progress,
                options=options,
            )
            summary = job.run()
    finally:
        writer.close()
        errors.close()
    print(f"quoteattr batch: {_batch_report(summary, args.out, errors_path)}", file=sys.stderr)
    if summary.interrupted:
        return 130
    return 0 if summary.ok else 1


def _batch_report(summary: batch.BatchSummary, out: Path, errors_path: Path) -> str:
    rate = summary.written / summary.seconds if summary.seconds > 0 else 0.0
    parts = [
        f"{summary.written:,} written to {out} ({rate:.1f} docs/s)",
        f"{summary.skipped:,} skipped (already there)",
        f"{summary.failed:,} failed" + (f" (see {errors_path})" if summary.failed else ""),
    ]
    report = ", ".join(parts) + f" in {summary.seconds:.1f} s"
    if summary.aborted:
        report += f"; stopped early: {summary.aborted}; re-run the same command to resume"
    elif summary.interrupted:
        report += "; interrupted: re-run the same command to resume"
    return report


def _types(args: argparse.Namespace) -> tuple[str, ...]:
    """The attribution types the flags ask for; empty means all."""
    return (AttributionType.SPEECH.value,) if args.speech_only else ()


def format_json(result: AttributionResult) -> str:
    return json.dumps(batch.result_record(result), ensure_ascii=False, indent=2)


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
            quote.words,
            quote.kind.value,
            result.speaker_names(quote) or "-",
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
