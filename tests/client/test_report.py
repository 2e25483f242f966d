"""`quoteattr report` on small batch outputs written by hand (and a generated one)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from quoteattr_client.cli import main as quoteattr
from quoteattr_client.report import build_report, format_text, render_html
from quoteattr_server.tools.report_bench import write_synthetic


def speaker(
    speaker_id: str,
    name: str,
    *,
    gender: str = "unknown",
    category: str = "unknown",
    anonymous: bool = False,
    kind: str = "person",
    roles: tuple[str, ...] = (),
) -> dict[str, Any]:
    return {
        "id": speaker_id,
        "name": name,
        "kind": kind,
        "roles": [{"text": r, "span": {"start": 0, "end": len(r)}} for r in roles],
        "mentions": [],
        "gender": gender,
        "gender_evidence": [],
        "anonymous": anonymous,
        "category": category,
    }


def quote(speaker_id: str | None, text: str, fingerprint: str | None = None) -> dict[str, Any]:
    return {
        "text": text,
        "span": {"start": 0, "end": len(text)},
        "kind": "direct",
        "speaker_id": speaker_id,
        "fingerprint": fingerprint if fingerprint is not None else text.lower().strip('"'),
    }


def line(
    document_id: str, speakers: list[dict[str, Any]], quotes: list[dict[str, Any]], **extra: Any
) -> str:
    record = {"document_id": document_id, "quotes": quotes, "speakers": speakers, **extra}
    return json.dumps(record) + "\n"


@pytest.fixture
def results(tmp_path: Path) -> Path:
    lee = speaker("s1", "Ann Lee", gender="female", category="official", roles=("Mayor",))
    ruiz = speaker("s2", "Tomas Ruiz", gender="male", category="expert")
    unnamed = speaker("s3", "a senior official", category="official", anonymous=True)
    path = tmp_path / "results.jsonl"
    path.write_text(
        line(
            "a",
            [lee, ruiz, unnamed],
            [
                quote("s1", '"One."'),
                quote("s1", '"Two."'),
                quote("s2", '"Same words here."', "same words here"),
                quote("s3", '"Three."'),
                quote(None, '"Nobody\'s."'),
            ],
            outlet="Harbour Herald",
        )
        + "not json\n"
        + line(
            "b",
            [speaker("s1", "ann lee", gender="female", category="official"), ruiz],
            [
                quote("s1", '"Four."'),
                quote("s2", "\u201csame WORDS here\u201d", "same words here"),
                quote("s1", '"Two."', "two"),  # too short to follow
                {**quote("s1", "that same words here", "same words here"), "kind": "reported"},
            ],
            outlet="Valley Times",
        ),
        encoding="utf-8",
    )
    return path


def test_tables_count_sources_and_quotes(results: Path) -> None:
    report = build_report([str(results)], by="outlet")
    assert (report.documents, report.bad_lines) == (2, 1)
    assert report.quotes == 9  # the quote with no speaker counts, as a quote only
    assert report.sources == 5  # a speaker in one document
    top = report.speakers[0]
    assert (top.name, top.quotes, top.documents, top.gender, top.category) == (
        "Ann Lee",
        5,
        2,
        "female",
        "official",
    )
    assert "a senior official" not in [row.name for row in report.speakers]
    gender = {row.label: (row.sources, row.quotes) for row in report.gender}
    assert gender == {"female": (2, 5), "male": (2, 2), "nonbinary": (0, 0), "unknown": (1, 1)}
    unnamed = {row.label: row.sources for row in report.unnamed}
    assert unnamed == {"named": 4, "unnamed": 1}
    category = {row.label: row.sources for row in report.category}
    assert (category["official"], category["expert"], category["media"]) == (3, 2, 0)
    assert set(report.by) == {"Harbour Herald", "Valley Times"}
    herald = {row.label: row.sources for row in report.by["Harbour Herald"]}
    assert herald == {"female": 1, "male": 1, "nonbinary": 0, "unknown": 1}
    assert report.by_unnamed["Harbour Herald"].sources == 1
    assert report.by_unnamed["Valley Times"].sources == 0
    (recurring,) = report.recurring  # not the short one, nor reported speech
    assert (recurring.fingerprint, recurring.documents, recurring.speakers) == (
        "same words here",
        2,
        "Tomas Ruiz",
    )


def test_by_field_from_the_batch_inputs(results: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "articles.jsonl"
    inputs.write_text(
        json.dumps({"id": "a", "text": "x", "desk": "politics"})
        + "\n"
        + json.dumps({"id": "b", "text": "y", "desk": "sport"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.csv"
    assert (
        quoteattr(
            ["report", str(results), "--by", "desk", "--inputs", str(inputs), "--out", str(out)]
        )
        == 0
    )
    with out.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    tables = {row["table"] for row in rows}
    assert tables >= {"speakers", "gender", "category", "unnamed", "gender by desk", "recurring"}
    desks = {row["group"] for row in rows if row["table"] == "gender by desk"}
    assert desks == {"politics", "sport"}
    female = next(r for r in rows if r["table"] == "gender" and r["name"] == "female")
    assert (female["sources"], female["quotes"], female["share"]) == ("2", "5", "0.4")


def test_text_report_on_stdout(results: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert quoteattr(["report", str(results)]) == 0
    captured = capsys.readouterr()
    assert "2 documents, 9 quotes, 5 quoted sources" in captured.out
    assert "unknown" in captured.out
    assert "unnamed" in captured.out
    assert "1 lines skipped" in captured.err
    assert format_text(build_report([str(results)])).splitlines()[0] in captured.out


def test_html_is_self_contained_with_charts(results: Path) -> None:
    page = render_html(build_report([str(results)], by="outlet"))
    assert page.count("<svg") >= 5
    assert "http://" not in page
    assert "https://" not in page
    assert "<script" not in page
    assert "Ann Lee" in page
    assert "same words here" in page.lower()


def test_missing_input_and_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert quoteattr(["report", str(tmp_path / "nope.jsonl")]) == 1
    assert "cannot read" in capsys.readouterr().err
    assert quoteattr(["report", str(tmp_path / "x.jsonl"), "--inputs", "a.jsonl"]) == 2


def test_generated_lines_keep_their_totals(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    write_synthetic(path, 300)
    records = [json.loads(raw) for raw in path.read_text(encoding="utf-8").splitlines()]
    report = build_report([str(path)], by="outlet")
    assert report.documents == 300
    assert report.quotes == sum(len(r["quotes"]) for r in records)
    assert report.sources == sum(len(r["speakers"]) for r in records)
    assert sum(row.sources for row in report.category) == report.sources
    assert report.recurring
    assert all(item.documents > 1 for item in report.recurring)


def test_everyone_a_quote_is_attributed_to_is_a_source(tmp_path: Path) -> None:
    """ "Grassley and Leahy said": one quote, two sources, each credited with it."""
    leahy = speaker("s1", "Patrick Leahy", gender="male")
    grassley = speaker("s2", "Charles Grassley", gender="male")
    joint = {**quote("s1", "that the program needs reform"), "co_speaker_ids": ["s2"]}
    path = tmp_path / "joint.jsonl"
    path.write_text(
        line("a", [leahy, grassley], [joint, quote("s1", '"Alone."')]), encoding="utf-8"
    )
    report = build_report([str(path)])
    assert report.quotes == 2  # each quote once
    assert report.sources == 2
    assert {(row.name, row.quotes) for row in report.speakers} == {
        ("Patrick Leahy", 2),
        ("Charles Grassley", 1),
    }
