"""`quoteattr-eval`: score the running service on annotated articles.

Every article of a JSONL file (`{"id", "text", "quotes": [...]}`, the format of
`shared/eval/README.md`) goes through the service's gRPC API; the predictions are scored with
`quoteattr_server.tools.evaluation` and printed per class (direct quotes, reported speech), with a
breakdown by the rule that fired. Every error goes to a JSONL file for reading.

`--serve` starts a server of its own (the installed `quoteattr-server`) on a free port, waits
until it is SERVING and stops it at the end, so one command evaluates a clean checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from quoteattr_client._client import QuoteAttributionClient
from quoteattr_client._exceptions import QuoteAttrError, TransportError
from quoteattr_client._models import AttributionResult
from quoteattr_server.tools.evaluation import (
    Gold,
    GoldSpeaker,
    PredictedSpeaker,
    Prediction,
    Report,
)

DEFAULT_TARGET = "localhost:50051"
START_TIMEOUT_SECONDS = 120.0


def predictions_of(result: AttributionResult) -> list[Prediction]:
    """The service's quotes as the scorer sees them."""
    predictions = []
    for quote in result.quotes:
        speaker = result.speaker(quote)
        predictions.append(
            Prediction(
                start=quote.span.start,
                end=quote.span.end,
                text=quote.text,
                rule=quote.rule,
                speaker=speaker.name if speaker is not None else None,
                mention_start=quote.mention.span.start if quote.mention else None,
                mention_end=quote.mention.span.end if quote.mention else None,
                cue=quote.cue.text if quote.cue else None,
                cue_start=quote.cue.span.start if quote.cue else None,
                cue_end=quote.cue.span.end if quote.cue else None,
                roles=tuple(role.text for role in speaker.roles) if speaker else (),
            )
        )
    return predictions


def speakers_of(result: AttributionResult) -> list[PredictedSpeaker]:
    """The service's speakers as the speaker scorer sees them."""
    return [
        PredictedSpeaker(
            name=speaker.name,
            kind=str(speaker.kind),
            roles=tuple((role.span.start, role.span.end) for role in speaker.roles),
            mentions=tuple((m.span.start, m.span.end) for m in speaker.mentions),
            gender=str(speaker.gender),
            anonymous=speaker.anonymous,
            category=str(speaker.category),
        )
        for speaker in result.speakers
    ]


def read_roles(path: Path) -> dict[str, list[GoldSpeaker]]:
    """A roles file (`shared/eval/README.md`): article id -> its gold speakers."""
    roles: dict[str, list[GoldSpeaker]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            item = json.loads(line)
            if "id" not in item or "speakers" not in item:
                raise ValueError(f"{path}:{number}: a roles line needs `id` and `speakers`")
            roles[str(item["id"])] = [GoldSpeaker.from_json(s) for s in item["speakers"]]
    return roles


def speakers_from_quotes(article: dict[str, Any]) -> list[GoldSpeaker]:
    """Gold speakers from the `role` of an article's quotes (the Minsk file's form), grouped by
    the last word of the speaker; each role counts at every place the article writes it."""
    text: str = article["text"]
    grouped: dict[str, tuple[str, set[str]]] = {}
    for quote in article["quotes"]:
        speaker = quote.get("speaker") or ""
        words = speaker.split()
        if not words:
            continue
        name, roles = grouped.setdefault(words[-1].lower(), (speaker, set()))
        if len(speaker) > len(name):
            grouped[words[-1].lower()] = (speaker, roles)
        if quote.get("role"):
            roles.add(quote["role"])
    speakers = []
    for name, roles in grouped.values():
        spans = sorted(
            (match.start(), match.end())
            for role in roles
            for match in re.finditer(re.escape(role), text)
        )
        speakers.append(GoldSpeaker(name=name, kind="unknown", roles=tuple(spans)))
    return speakers


def read_articles(path: Path, every: int = 1) -> Iterator[dict[str, Any]]:
    """The articles of a JSONL file; with `every` above 1, only the first of each run of that
    many (a sample spread over the whole file, the same one every time)."""
    if every < 1:
        raise ValueError(f"--every must be 1 or more, not {every}")
    with path.open(encoding="utf-8") as lines:
        articles = (item for item in enumerate(lines, start=1) if item[1].strip())
        for position, (number, line) in enumerate(articles):
            if position % every:
                continue
            article = json.loads(line)
            if "text" not in article or "quotes" not in article:
                raise ValueError(f"{path}:{number}: an article needs `text` and `quotes`")
            article.setdefault("id", f"{path.name}:{number}")
            yield article


def evaluate(
    client: QuoteAttributionClient,
    path: Path,
    *,
    roles: dict[str, list[GoldSpeaker]] | None = None,
    progress: bool = False,
    every: int = 1,
) -> Report:
    """Score every article of `path` (or every `every`-th); speakers too, against `roles` where
    it has the article (without a roles file, against the `role`s of the gold quotes where
    there are any)."""
    report = Report()
    for article in read_articles(path, every):
        document_id = str(article["id"])
        result = client.attribute(article["text"], document_id=document_id)
        golds = [Gold.from_json(item) for item in article["quotes"]]
        report.add(document_id, golds, predictions_of(result))
        if roles is not None:
            gold_speakers = roles.get(document_id)
        elif any(quote.get("role") for quote in article["quotes"]):
            gold_speakers = speakers_from_quotes(article)
        else:
            gold_speakers = None
        if gold_speakers is not None:
            report.add_speakers(document_id, gold_speakers, speakers_of(result), article["text"])
        if progress:
            print(f"\r{report.documents} articles", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    return report


def format_report(summary: dict[str, Any]) -> str:
    lines = [f"{summary['documents']} articles"]
    columns = [
        "gold",
        "predicted",
        "matched",
        "precision",
        "recall",
        "f1",
        "speaker_accuracy",
        "attribution_f1",
        "cue_accuracy",
        "role_accuracy",
        "pairs_with_role",
    ]
    lines.append(f"{'class':10}" + "".join(f"{name:>17}" for name in columns))
    for name in ("direct", "reported"):
        row = summary[name]
        lines.append(f"{name:10}" + "".join(f"{row[column]:>17}" for column in columns))
    lines.append("")
    lines.append(f"{'rule':36}{'predicted':>10}{'matched':>10}{'speaker ok':>12}{'wrong':>8}")
    for rule, counts in summary["rules"].items():
        lines.append(
            f"{rule:36}{counts.get('predicted', 0):>10}{counts.get('matched', 0):>10}"
            f"{counts.get('speaker_right', 0):>12}{counts.get('speaker_wrong', 0):>8}"
        )
    if "speakers" in summary:
        lines += ["", *format_speakers(summary["speakers"])]
    return "\n".join(lines)


def format_speakers(speakers: dict[str, Any]) -> list[str]:
    """The speaker scores (roles, names, gender, anonymity, category) as text lines."""
    roles, names = speakers["roles"], speakers["names"]
    lines = [
        f"speakers: {speakers['matched_speakers']} of {speakers['gold_speakers']} gold speakers "
        "matched by the last word of the name",
        f"roles: recall {roles['recall']} ({roles['found']}/{roles['gold']}), precision "
        f"{roles['precision']} ({roles['predicted_right']}/{roles['predicted']}), "
        f"f1 {roles['f1']}; "
        f"speakers with a role found and none wrong {roles['speakers_found_none_wrong']} "
        f"(of {roles['speakers_with_roles']})",
    ]
    # What the gold file does not annotate (a Minsk-style file: roles only) is not shown.
    if names["named_persons"]:
        lines.append(
            f"names of named persons: accuracy {names['accuracy']} ({names['right']}/"
            f"{names['named_persons']}; of the {names['matched']} matched: "
            f"{names['accuracy_of_matched']})"
        )
    labelled = [*speakers["gender"].items(), ("anonymous", speakers["anonymous"])]
    for label, row in labelled:
        if not row["gold"] and not row["predicted"]:
            continue
        lines.append(
            f"{label + ':':11}precision {row['precision']} recall {row['recall']} f1 {row['f1']} "
            f"(gold {row['gold']}, matched {row['gold_matched']}, predicted {row['predicted']}, "
            f"right {row['true_positives']}; over all gold: recall {row['recall_all']} "
            f"f1 {row['f1_all']})"
        )
    category = speakers["category"]
    if category["gold"]:
        lines.append(
            f"category:  accuracy {category['accuracy']} ({category['right']}/"
            f"{category['matched']} matched, {category['gold']} in gold)"
        )
    return lines


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _start_server(models: str | None) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [
        str(Path(sys.executable).with_name("quoteattr-server")),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    if models:
        command += ["--models", models]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    target = f"127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    with QuoteAttributionClient(target, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"quoteattr-server exited with status {process.returncode}")
            try:
                if client.health() == "SERVING":
                    return process, target
            except TransportError:
                pass
            time.sleep(0.25)
    process.terminate()
    raise RuntimeError(f"quoteattr-server was not SERVING after {START_TIMEOUT_SECONDS:.0f} s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="quoteattr-eval",
        description="Score the quoteattr service on a JSONL file of annotated articles.",
    )
    parser.add_argument("file", type=Path, help="JSONL of articles with gold `quotes`")
    parser.add_argument(
        "--target",
        default=os.environ.get("QUOTEATTR_TARGET", DEFAULT_TARGET),
        help="server address (default: $QUOTEATTR_TARGET or localhost:50051)",
    )
    parser.add_argument(
        "--serve", action="store_true", help="start a server of its own on a free port"
    )
    parser.add_argument("--models", default=None, help="model directory for --serve")
    parser.add_argument(
        "--errors", type=Path, default=Path("eval-errors.jsonl"), help="where errors go"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the summary here")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per article")
    parser.add_argument(
        "--roles",
        type=Path,
        default=None,
        help="roles file (shared/eval/README.md): also score speakers' roles, names, gender, "
        "anonymity and category",
    )
    parser.add_argument(
        "--every",
        type=int,
        default=1,
        help="score only the first of every N articles: a fixed sample of a large file "
        "(default 1: all)",
    )
    args = parser.parse_args(argv)

    server: subprocess.Popen[bytes] | None = None
    target = args.target
    try:
        roles = read_roles(args.roles) if args.roles is not None else None
        if args.serve:
            server, target = _start_server(args.models)
        with QuoteAttributionClient(target, timeout=args.timeout) as client:
            report = evaluate(
                client, args.file, roles=roles, progress=sys.stderr.isatty(), every=args.every
            )
    except (QuoteAttrError, RuntimeError, ValueError, OSError) as error:
        print(f"quoteattr-eval: {error}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    summary = report.summary()
    print(format_report(summary))
    with args.errors.open("w", encoding="utf-8") as out:
        for item in report.errors:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"\n{len(report.errors)} errors written to {args.errors}")
    if args.json is not None:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
