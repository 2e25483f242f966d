"""quoteattr-report-bench: time `quoteattr report` on generated batch output (`make bench-report`).

It writes N synthetic result lines (the shape `quoteattr batch` writes: speakers with gender,
category and roles, quotes with fingerprints, some recurring across documents), runs
`quoteattr report` on them in a child process for each output (text, HTML, CSV), and prints the
seconds and the child's peak memory. Running it on N and 4 N lines shows whether memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

_GIVEN = ["Ana", "Tomas", "Mira", "Dev", "Elena", "Sam", "Rachel", "Victor", "Lina", "Omar"]
_FAMILY = ["Kovac", "Ruiz", "Osei", "Patel", "Petrova", "Reyes", "Kim", "Alvarez", "Berg", "Holm"]
_ROLES = [
    ("Health Minister", "official"),
    ("an economist at the Harbour Institute", "expert"),
    ("chief executive of Northwind Air", "business"),
    ("a union organiser", "advocate"),
    ("a shopkeeper on Main Street", "citizen"),
    ("a reporter for the Valley Times", "media"),
]
_UNNAMED = ["a senior official", "two diplomats", "officials", "a person familiar with the plans"]
_OUTLETS = ["Harbour Herald", "Valley Times", "Coast Wire", "Metro Daily"]


def synthetic_record(number: int, rng: random.Random) -> dict[str, Any]:
    """One batch line with 2-6 speakers and 1-4 quotes each, its fields filled as the server
    fills them."""
    speakers: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    for index in range(rng.randint(2, 6)):
        speaker_id = f"s{index + 1}"
        if rng.random() < 0.2:
            name, anonymous, kind = rng.choice(_UNNAMED), True, "person"
            roles: list[dict[str, Any]] = []
            category = "official"
        else:
            name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
            anonymous, kind = False, "person"
            role, category = rng.choice(_ROLES)
            roles = [{"text": role, "span": {"start": 0, "end": len(role)}}]
        gender = (
            rng.choice(["female", "male", "unknown", "unknown"]) if not anonymous else "unknown"
        )
        speakers.append(
            {
                "id": speaker_id,
                "name": name,
                "kind": kind,
                "roles": roles,
                "mentions": [{"text": name, "span": {"start": 0, "end": len(name)}}],
                "gender": gender,
                "gender_evidence": [],
                "anonymous": anonymous,
                "category": category,
            }
        )
        for _ in range(rng.randint(1, 4)):
            shared = rng.random() < 0.05
            words = (
                f"shared line {rng.randint(0, 200)}" if shared else f"line {number}-{len(quotes)}"
            )
            text = f'"We will look at {words} again."'
            quotes.append(
                {
                    "text": text,
                    "span": {"start": 0, "end": len(text)},
                    "kind": "direct",
                    "speaker_id": speaker_id,
                    "mention": None,
                    "cue": {"text": "said", "span": {"start": 0, "end": 4}, "lemma": "say"},
                    "confidence": 0.9,
                    "rule": "subject of cue",
                    "pieces": [],
                    "attribution_type": "speech",
                    "fingerprint": f"we will look at {words} again",
                }
            )
    return {
        "document_id": f"doc-{number}",
        "outlet": rng.choice(_OUTLETS),
        "quotes": quotes,
        "speakers": speakers,
        "engine_version": "bench",
        "model": {"stanza_version": "-", "package": "-", "directory": "-"},
        "processing_seconds": 0.1,
    }


def synthetic_lines(count: int, seed: int = 13) -> Iterator[str]:
    rng = random.Random(seed)
    for number in range(count):
        yield json.dumps(synthetic_record(number, rng)) + "\n"


def write_synthetic(path: Path, count: int, seed: int = 13) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.writelines(synthetic_lines(count, seed))


def timed_report(results: Path, out: Path, extra: Sequence[str] = ()) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MiB of `quoteattr report` in a child."""
    command = [sys.executable, "-m", "quoteattr_client.cli", "report", str(results)]
    command += ["--out", str(out), *extra]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        error = child.stderr.read().decode() if child.stderr else ""
        raise RuntimeError(f"quoteattr report failed ({child.returncode}): {error}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="quoteattr-report-bench", description="Time `quoteattr report` on generated lines."
    )
    parser.add_argument("--lines", type=int, default=10_000, help="result lines (default 10000)")
    parser.add_argument(
        "--scale", type=int, default=4, help="also run on this many times the lines (default 4)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="quoteattr-report-bench-") as folder:
        for count in (args.lines, args.lines * args.scale):
            results = Path(folder, f"results-{count}.jsonl")
            write_synthetic(results, count)
            size = results.stat().st_size / 2**20
            for name, extra in (
                ("report.txt", ()),
                ("report.html", ("--by", "outlet")),
                ("report.csv", ("--by", "outlet")),
            ):
                seconds, cpu, peak = timed_report(results, Path(folder, name), extra)
                print(
                    f"{count:>8,} lines ({size:6.1f} MiB) -> {name:12} {seconds:6.2f} s "
                    f"({cpu:6.2f} s CPU), peak memory {peak:6.1f} MiB",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
