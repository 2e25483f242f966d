"""quoteattr report: who is quoted, from `quoteattr batch` output.

    results.jsonl ──stream──> per-document rows ──> SQLite file (temporary) ──GROUP BY──> tables
                                                                            └──> text, HTML, CSV

Every line of the batch output (one `AttributionResult` as JSON) is read once and turned into a
few rows — one per speaker (its quotes in that document) and one per quote (its fingerprint) —
that go to a temporary SQLite database on disk. The tables are SQL aggregates over it, so memory
stays flat however many lines there are; the database is deleted at the end.

The tables: speakers ranked by quotes (named speakers, joined across documents by name), the
shares of quoted sources by gender (unknown shown), by category and named/unnamed, an optional
breakdown by a field of the input (`--by outlet`), and the quotes that recur across documents
(same fingerprint). A source is a speaker in one document; shares count sources, and quotes
beside them.
"""

from __future__ import annotations

import csv
import html
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

try:  # a faster parser where it is installed (Stanza brings it); the standard one otherwise
    import orjson

    def _loads(raw: bytes) -> Any:
        return orjson.loads(raw)

except ImportError:  # pragma: no cover - depends on the environment

    def _loads(raw: bytes) -> Any:
        return json.loads(raw)


GENDERS = ("female", "male", "nonbinary", "unknown")
CATEGORIES = ("official", "expert", "business", "advocate", "citizen", "media", "unknown")
_PERSON_KINDS = "('person', 'unknown')"  # SQL: the kinds that can have a gender
TOP_SPEAKERS = 25
TOP_RECURRING = 25
MIN_RECURRING_WORDS = 3
TOP_BY_VALUES = 30
_BATCH_ROWS = 5_000  # rows inserted per transaction
_PROGRESS_BYTES = 1 << 20  # the progress bar moves once per MiB read
CSV_COLUMNS = (
    "table",
    "group",
    "name",
    "roles",
    "category",
    "gender",
    "fingerprint",
    "documents",
    "sources",
    "quotes",
    "share",
)


class ReportError(Exception):
    """The input cannot be read as `quoteattr batch` output."""


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    name: str
    roles: str
    category: str
    gender: str
    documents: int
    quotes: int


@dataclass(frozen=True, slots=True)
class ShareRow:
    """One label of a breakdown: sources (speakers in a document) and their quotes."""

    label: str
    sources: int
    quotes: int


@dataclass(frozen=True, slots=True)
class RecurringQuote:
    fingerprint: str
    text: str
    documents: int
    quotes: int
    speakers: str


@dataclass(slots=True)
class Report:
    """Everything `quoteattr report` prints or writes."""

    documents: int = 0
    quotes: int = 0
    sources: int = 0
    bad_lines: int = 0
    speakers: list[SpeakerRow] = field(default_factory=list)
    gender: list[ShareRow] = field(default_factory=list)
    category: list[ShareRow] = field(default_factory=list)
    unnamed: list[ShareRow] = field(default_factory=list)
    by_field: str | None = None
    by: dict[str, list[ShareRow]] = field(default_factory=dict)  # value -> gender shares
    by_unnamed: dict[str, ShareRow] = field(default_factory=dict)  # value -> unnamed sources
    recurring: list[RecurringQuote] = field(default_factory=list)


_SCHEMA = """
CREATE TABLE sources (
    doc INTEGER, name TEXT, key TEXT, kind TEXT, category TEXT, gender TEXT,
    anonymous INTEGER, roles TEXT, quotes INTEGER, by_value TEXT
);
CREATE TABLE quotes (doc INTEGER, fingerprint TEXT, text TEXT, speaker TEXT);
"""


def _speaker_key(speaker: dict[str, Any]) -> str:
    return " ".join(str(speaker.get("name", "")).lower().split())


def document_rows(
    record: dict[str, Any], doc: int, by_value: str | None
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The source rows and quote rows of one batch line."""
    speakers = {s.get("id"): s for s in record.get("speakers") or ()}
    counts: dict[Any, int] = {}
    quote_rows = []
    for quote in record.get("quotes") or ():
        speaker = speakers.get(quote.get("speaker_id"))
        # Everyone a quote is attributed to is a source of it ("Grassley and Leahy said").
        for speaker_id in (quote.get("speaker_id"), *(quote.get("co_speaker_ids") or ())):
            if speaker_id in speakers:
                counts[speaker_id] = counts.get(speaker_id, 0) + 1
        fingerprint = quote.get("fingerprint") or ""
        if _recurs(quote, fingerprint):
            name = speaker.get("name", "") if speaker is not None else ""
            quote_rows.append((doc, fingerprint, quote.get("text", ""), name))
    source_rows = [
        (
            doc,
            str(speaker.get("name", "")),
            _speaker_key(speaker),
            str(speaker.get("kind", "unknown")),
            str(speaker.get("category", "unknown")),
            str(speaker.get("gender", "unknown")),
            int(bool(speaker.get("anonymous", False))),
            "; ".join(str(r.get("text", "")) for r in speaker.get("roles") or ()),
            counts.get(speaker_id, 0),
            by_value,
        )
        for speaker_id, speaker in speakers.items()
        if counts.get(speaker_id, 0)
    ]
    unattributed = sum(1 for q in record.get("quotes") or () if q.get("speaker_id") is None)
    if unattributed:
        # Quotes with no speaker: counted in the quote totals, never as a source.
        source_rows.append((doc, "", "", "none", "", "", 0, "", unattributed, by_value))
    return source_rows, quote_rows


def _recurs(quote: dict[str, Any], fingerprint: str) -> bool:
    """Quotes worth following across documents: a quotation (not reported speech, which
    rewrites say in their own words) of at least a few words."""
    return quote.get("kind") != "reported" and len(fingerprint.split()) >= MIN_RECURRING_WORDS


def _field_value(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def read_field_values(path: Path, by: str, id_field: str) -> dict[str, str]:
    """`--inputs`: document id -> the value of `by`, from the JSONL that went into the batch."""
    values: dict[str, str] = {}
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(record, dict):
                continue
            value = _field_value(record, by)
            document_id = record.get(id_field, f"{path}:{number}")
            if value is not None:
                values[str(document_id)] = value
    return values


@dataclass(slots=True)
class _Reader:
    """Streams batch lines into the database, counting what it could not read."""

    db: sqlite3.Connection
    by: str | None
    field_values: dict[str, str] | None
    documents: int = 0
    bad_lines: int = 0
    # Every quote once, also one said by several speakers together (counted for each source).
    quote_total: int = 0
    sources: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)

    def add(self, raw: bytes) -> None:
        if not raw.strip():
            return
        try:
            record = _loads(raw)
        except ValueError:  # orjson.JSONDecodeError is a ValueError too
            self.bad_lines += 1
            return
        if not isinstance(record, dict) or "quotes" not in record:
            self.bad_lines += 1
            return
        by_value = None
        if self.by is not None:
            by_value = _field_value(record, self.by)
            if by_value is None and self.field_values is not None:
                by_value = self.field_values.get(str(record.get("document_id", "")))
            by_value = by_value if by_value is not None else "(none)"
        self.documents += 1
        self.quote_total += len(record.get("quotes") or ())
        sources, quotes = document_rows(record, self.documents, by_value)
        self.sources += sources
        self.quotes += quotes
        if len(self.sources) + len(self.quotes) >= _BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        with self.db:
            self.db.executemany("INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?)", self.sources)
            self.db.executemany("INSERT INTO quotes VALUES (?,?,?,?)", self.quotes)
        self.sources.clear()
        self.quotes.clear()


def _open_input(name: str) -> tuple[IO[bytes], int | None]:
    if name == "-":
        return sys.stdin.buffer, None
    path = Path(name)
    return path.open("rb"), path.stat().st_size


def build_report(
    inputs: Sequence[str],
    *,
    by: str | None = None,
    field_values: dict[str, str] | None = None,
    progress: bool = False,
    top: int = TOP_SPEAKERS,
) -> Report:
    """Read every batch line of `inputs` (`-` is stdin) and aggregate the report."""
    with tempfile.TemporaryDirectory(prefix="quoteattr-report-") as folder:
        db = sqlite3.connect(os.path.join(folder, "report.db"))
        try:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            reader = _Reader(db, by, field_values)
            for name in inputs:
                _read_into(reader, name, progress)
            reader.flush()
            report = _aggregate(db, by, top)
            report.documents, report.bad_lines = reader.documents, reader.bad_lines
            report.quotes = reader.quote_total
            return report
        finally:
            db.close()


class _Bar(Protocol):
    def update(self, n: int) -> object: ...

    def close(self) -> None: ...


class _NoBar:
    """No progress shown: not on a terminal, or without the `[cli]` extra (tqdm)."""

    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(name: str, size: int | None) -> _Bar:
    try:
        from tqdm import tqdm
    except ImportError:
        return _NoBar()
    return tqdm(
        total=size,
        unit="B",
        unit_scale=True,
        desc=Path(name).name if name != "-" else "stdin",
        file=sys.stderr,
    )


def _read_into(reader: _Reader, name: str, progress: bool) -> None:
    try:
        stream, size = _open_input(name)
    except OSError as error:
        raise ReportError(f"cannot read {name}: {error.strerror or error}") from error
    bar = _progress_bar(name, size) if progress else _NoBar()
    pending = 0
    try:
        for raw in stream:
            reader.add(raw)
            pending += len(raw)
            if pending >= _PROGRESS_BYTES:
                bar.update(pending)
                pending = 0
        bar.update(pending)
    finally:
        bar.close()
        if stream is not sys.stdin.buffer:
            stream.close()


def _shares(
    db: sqlite3.Connection, column: str, where: str, labels: Iterable[str]
) -> list[ShareRow]:
    rows = {
        label: (sources, quotes)
        for label, sources, quotes in db.execute(
            f"SELECT {column}, COUNT(*), SUM(quotes) FROM sources WHERE {where} GROUP BY {column}"
        )
    }
    ordered = [*labels, *sorted(label for label in rows if label not in labels)]
    return [ShareRow(label, *rows.get(label, (0, 0))) for label in ordered]


_SOURCES = "kind != 'none'"


def _aggregate(db: sqlite3.Connection, by: str | None, top: int) -> Report:
    report = Report(by_field=by)
    db.execute("CREATE INDEX sources_key ON sources (key)")
    (report.sources,) = db.execute(f"SELECT COUNT(*) FROM sources WHERE {_SOURCES}").fetchone()
    roles = _most_common("roles", "roles != ''")
    report.speakers = [
        SpeakerRow(*row)
        for row in db.execute(
            f"""SELECT {_most_common("name")}, COALESCE({roles}, ''), {_most_common("category")},
                       {_most_common("gender")}, documents, quotes
                FROM (SELECT key, COUNT(DISTINCT doc) AS documents, SUM(quotes) AS quotes
                      FROM sources WHERE anonymous = 0 AND {_SOURCES}
                      GROUP BY key ORDER BY SUM(quotes) DESC, key LIMIT ?) AS outer_sources""",
            (top,),
        )
    ]
    report.gender = _shares(db, "gender", f"{_SOURCES} AND kind IN {_PERSON_KINDS}", GENDERS)
    report.category = _shares(db, "category", _SOURCES, CATEGORIES)
    report.unnamed = _shares(
        db, "CASE anonymous WHEN 1 THEN 'unnamed' ELSE 'named' END", _SOURCES, ("named", "unnamed")
    )
    if by is not None:
        _aggregate_by(db, report)
    report.recurring = [
        RecurringQuote(fingerprint, text, documents, quotes, ", ".join((names or "").split(",")))
        for fingerprint, text, documents, quotes, names in db.execute(
            """SELECT fingerprint, MIN(text), COUNT(DISTINCT doc), COUNT(*),
                      GROUP_CONCAT(DISTINCT NULLIF(speaker, ''))
               FROM quotes GROUP BY fingerprint HAVING COUNT(DISTINCT doc) > 1
               ORDER BY COUNT(DISTINCT doc) DESC, COUNT(*) DESC, fingerprint LIMIT ?""",
            (TOP_RECURRING,),
        )
    ]
    return report


def _most_common(column: str, where: str = "1") -> str:
    """The value of `column` a speaker has most often across its documents."""
    return f"""(SELECT {column} FROM sources AS inner_sources
                WHERE inner_sources.key = outer_sources.key AND {where}
                GROUP BY {column} ORDER BY COUNT(*) DESC, {column} LIMIT 1)"""


def _aggregate_by(db: sqlite3.Connection, report: Report) -> None:
    """Gender shares and unnamed sources per value of the --by field (the commonest values)."""
    values = [
        value
        for (value,) in db.execute(
            f"""SELECT by_value FROM sources WHERE {_SOURCES} GROUP BY by_value
                ORDER BY COUNT(*) DESC, by_value LIMIT ?""",
            (TOP_BY_VALUES,),
        )
    ]
    genders: dict[str, dict[str, tuple[int, int]]] = {value: {} for value in values}
    unnamed: dict[str, tuple[int, int]] = {}
    for value, gender, anonymous, sources, quotes in db.execute(
        f"""SELECT by_value, CASE WHEN kind IN {_PERSON_KINDS} THEN gender END, anonymous,
                   COUNT(*), SUM(quotes)
            FROM sources WHERE {_SOURCES} GROUP BY 1, 2, 3"""
    ):
        if value not in genders:
            continue
        if gender is not None:
            before = genders[value].get(gender, (0, 0))
            genders[value][gender] = (before[0] + sources, before[1] + quotes)
        if anonymous:
            before = unnamed.get(value, (0, 0))
            unnamed[value] = (before[0] + sources, before[1] + quotes)
    for value in values:
        report.by[value] = [ShareRow(g, *genders[value].get(g, (0, 0))) for g in GENDERS]
        report.by_unnamed[value] = ShareRow("unnamed", *unnamed.get(value, (0, 0)))


# --- output ---------------------------------------------------------------------------------------


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _total(rows: Sequence[ShareRow]) -> int:
    return sum(row.sources for row in rows)


def format_text(report: Report) -> str:
    """The report as plain-text tables, for the terminal."""
    lines = [
        f"{report.documents:,} documents, {report.quotes:,} quotes, {report.sources:,} quoted "
        "sources (a speaker in one document)"
    ]
    if report.bad_lines:
        lines.append(f"{report.bad_lines:,} lines skipped: not batch results")
    lines += ["", f"{'speaker':32}{'quotes':>8}{'docs':>6}  {'gender':10}{'category':10}roles"]
    for row in report.speakers:
        lines.append(
            f"{row.name[:31]:32}{row.quotes:>8}{row.documents:>6}  {row.gender:10}"
            f"{row.category:10}{row.roles[:60]}"
        )
    for title, rows in (
        ("gender of quoted persons", report.gender),
        ("category", report.category),
        ("named or unnamed", report.unnamed),
    ):
        total = _total(rows)
        lines += ["", f"{title:32}{'sources':>8}{'share':>8}{'quotes':>8}"]
        for share_row in rows:
            share = _percent(share_row.sources, total)
            lines.append(
                f"{share_row.label:32}{share_row.sources:>8}{share:>8}{share_row.quotes:>8}"
            )
    if report.by_field is not None:
        lines += [
            "",
            f"by {report.by_field:29}" + "".join(f"{g:>10}" for g in GENDERS) + "   unnamed",
        ]
        for value, rows in report.by.items():
            total = _total(rows)
            cells = "".join(f"{_percent(r.sources, total):>10}" for r in rows)
            unnamed = report.by_unnamed[value].sources
            lines.append(f"{value[:32]:32}{cells}{unnamed:>10}")
    lines += [
        "",
        f"recurring quotes (same fingerprint in several documents): {len(report.recurring)}",
    ]
    for item in report.recurring:
        lines.append(f"{item.documents:>4} docs  {item.text[:80]}  — {item.speakers or '-'}")
    return "\n".join(lines)


def csv_rows(report: Report) -> Iterator[dict[str, Any]]:
    """The tables as rows of CSV_COLUMNS."""
    for row in report.speakers:
        yield {
            "table": "speakers",
            "name": row.name,
            "roles": row.roles,
            "category": row.category,
            "gender": row.gender,
            "documents": row.documents,
            "quotes": row.quotes,
        }
    for table, rows in (
        ("gender", report.gender),
        ("category", report.category),
        ("unnamed", report.unnamed),
    ):
        total = _total(rows)
        for share_row in rows:
            yield {
                "table": table,
                "name": share_row.label,
                "sources": share_row.sources,
                "quotes": share_row.quotes,
                "share": round(share_row.sources / total, 4) if total else "",
            }
    for value, rows in report.by.items():
        total = _total(rows)
        for share in [*rows, report.by_unnamed[value]]:
            yield {
                "table": f"gender by {report.by_field}",
                "group": value,
                "name": share.label,
                "sources": share.sources,
                "quotes": share.quotes,
                "share": round(share.sources / total, 4) if total else "",
            }
    for item in report.recurring:
        yield {
            "table": "recurring",
            "name": item.text,
            "fingerprint": item.fingerprint,
            "documents": item.documents,
            "quotes": item.quotes,
            "roles": item.speakers or "",
        }


def write_csv(report: Report, out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(csv_rows(report))


# --- HTML with inline SVG -------------------------------------------------------------------------

_COLOURS = {
    "female": "#b5179e",
    "male": "#3a86ff",
    "nonbinary": "#ffbe0b",
    "unknown": "#9e9e9e",
    "official": "#264653",
    "expert": "#2a9d8f",
    "business": "#e9c46a",
    "advocate": "#f4a261",
    "citizen": "#e76f51",
    "media": "#6d597a",
    "named": "#2a9d8f",
    "unnamed": "#9e9e9e",
}
_CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; margin: .5rem 0; } svg text { font-size: 12px; }
.legend span { display: inline-block; margin-right: 1rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; }
"""


def _colour(label: str) -> str:
    return _COLOURS.get(label, "#8d99ae")


def stacked_bar(rows: Sequence[ShareRow], title: str, width: int = 600) -> str:
    """One horizontal bar split by share of sources, with a legend."""
    total = _total(rows)
    parts, x = [], 0.0
    for row in rows:
        if not row.sources:
            continue
        w = width * row.sources / total
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="28" fill="{_colour(row.label)}">'
            f"<title>{html.escape(row.label)}: {row.sources} ({_percent(row.sources, total)})"
            "</title></rect>"
        )
        x += w
    if not parts:
        parts.append(f'<rect x="0" y="0" width="{width}" height="28" fill="#eee"/>')
    legend = "".join(
        f'<span><i style="background:{_colour(r.label)}"></i>{html.escape(r.label)} '
        f"{_percent(r.sources, total)}</span>"
        for r in rows
    )
    return (
        f'<svg class="chart" role="img" aria-label="{html.escape(title)}" width="{width}" '
        f'height="28" viewBox="0 0 {width} 28">{"".join(parts)}</svg>'
        f'<div class="legend">{legend}</div>'
    )


def bar_chart(items: Sequence[tuple[str, int]], title: str, width: int = 600) -> str:
    """Horizontal bars, one per item, labelled with the item and its value."""
    label_width, row_height = 200, 22
    largest = max((value for _, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        y = index * row_height
        w = (width - label_width - 50) * value / largest
        bars.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">'
            f"{html.escape(label[:30])}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row_height - 6}" '
            f'fill="{_colour(label)}"/>'
            f'<text x="{label_width + w + 4:.1f}" y="{y + 15}">{value}</text>'
        )
    height = max(row_height, row_height * len(items))
    return (
        f'<svg class="chart" role="img" aria-label="{html.escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">{"".join(bars)}</svg>'
    )


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: set[int]) -> str:
    head = "".join(
        f"<th{' class=n' if i in numeric else ''}>{html.escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=n' if i in numeric else ''}>{html.escape(str(cell))}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _share_section(title: str, rows: Sequence[ShareRow]) -> str:
    total = _total(rows)
    table = _table(
        ("", "sources", "share", "quotes"),
        ((r.label, r.sources, _percent(r.sources, total), r.quotes) for r in rows),
        {1, 2, 3},
    )
    return f"<h2>{html.escape(title)}</h2>{stacked_bar(rows, title)}{table}"


def render_html(report: Report) -> str:
    """One self-contained page: inline CSS and SVG, no scripts, nothing fetched."""
    sections = [
        f"<h1>Who is quoted</h1><p>{report.documents:,} documents, {report.quotes:,} quotes, "
        f"{report.sources:,} quoted sources (a speaker in one document).</p>",
        "<h2>Most quoted speakers</h2>",
        bar_chart([(r.name, r.quotes) for r in report.speakers], "Most quoted speakers"),
        _table(
            ("speaker", "quotes", "documents", "gender", "category", "roles"),
            (
                (r.name, r.quotes, r.documents, r.gender, r.category, r.roles)
                for r in report.speakers
            ),
            {1, 2},
        ),
        _share_section(
            "Gender of quoted persons (unknown: the article does not say)", report.gender
        ),
        _share_section("Sources by category", report.category),
        _share_section("Named and unnamed sources", report.unnamed),
    ]
    if report.by_field is not None:
        sections.append(f"<h2>Gender of quoted persons by {html.escape(report.by_field)}</h2>")
        for value, rows in report.by.items():
            unnamed = report.by_unnamed[value].sources
            sections.append(
                f"<h3>{html.escape(value)}</h3>{stacked_bar(rows, value)}"
                f"<p>{unnamed} unnamed sources</p>"
            )
    sections.append("<h2>Quotes that recur across documents</h2>")
    if report.recurring:
        sections.append(
            _table(
                ("quote", "documents", "times", "speakers"),
                ((r.text, r.documents, r.quotes, r.speakers or "") for r in report.recurring),
                {1, 2},
            )
        )
    else:
        sections.append("<p>No quote appears in more than one document.</p>")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>quoteattr report</title><style>{_CSS}</style></head><body>"
        + "".join(sections)
        + "</body></html>\n"
    )


def write_report(report: Report, out: Path | None) -> None:
    """Text on stdout without `out`; else HTML or CSV by its suffix."""
    if out is None:
        print(format_text(report))
        return
    suffix = out.suffix.lower()
    if suffix in (".html", ".htm"):
        out.write_text(render_html(report), encoding="utf-8")
    elif suffix == ".csv":
        with out.open("w", encoding="utf-8", newline="") as stream:
            write_csv(report, stream)
    else:
        out.write_text(format_text(report) + "\n", encoding="utf-8")


def run(
    inputs: Sequence[str],
    out: Path | None,
    *,
    by: str | None = None,
    field_inputs: Path | None = None,
    id_field: str = "id",
    top: int = TOP_SPEAKERS,
    progress: Callable[[], bool] = lambda: sys.stderr.isatty(),
) -> Report:
    """`quoteattr report`: build the report from batch output and write it."""
    values = read_field_values(field_inputs, by, id_field) if by and field_inputs else None
    report = build_report(inputs, by=by, field_values=values, progress=progress(), top=top)
    write_report(report, out)
    return report


def add_parser(commands: Any) -> None:
    """The `report` subcommand of `quoteattr` (its options live here, beside the code)."""
    parser = commands.add_parser(
        "report",
        help="who is quoted: speakers, gender, categories, unnamed sources, recurring quotes",
        description="Read `quoteattr batch` JSONL output (any size; - is stdin) and report who "
        "is quoted: speakers ranked by quotes, the shares of quoted sources by gender (unknown "
        "shown), by category and named/unnamed, an optional breakdown by an input field, and "
        "the quotes that recur across documents. Text on stdout, or --out report.html (one "
        "self-contained page) or report.csv (the tables).",
    )
    parser.add_argument("inputs", nargs="+", metavar="RESULTS", help="batch output, .jsonl")
    parser.add_argument("--out", type=Path, help="report.html, report.csv or a text file")
    parser.add_argument(
        "--by",
        metavar="FIELD",
        help="break the shares down by this field of each line (or of --inputs, by id)",
    )
    parser.add_argument(
        "--inputs",
        type=Path,
        dest="field_inputs",
        metavar="ARTICLES.jsonl",
        help="the JSONL that went into the batch, for a --by field the results do not carry",
    )
    parser.add_argument("--id-field", default="id", help="id field of --inputs (default id)")
    parser.add_argument(
        "--top", type=int, default=TOP_SPEAKERS, help=f"speakers listed (default {TOP_SPEAKERS})"
    )


def run_command(args: Any) -> int:
    """`quoteattr report` from parsed arguments; the exit status."""
    if args.field_inputs is not None and args.by is None:
        print("quoteattr report: --inputs needs --by FIELD", file=sys.stderr)
        return 2
    try:
        report = run(
            args.inputs,
            args.out,
            by=args.by,
            field_inputs=args.field_inputs,
            id_field=args.id_field,
            top=args.top,
        )
    except (ReportError, OSError, sqlite3.Error) as error:
        print(f"quoteattr report: {error}", file=sys.stderr)
        return 1
    if args.out is not None:
        print(
            f"quoteattr report: {report.documents:,} documents, {report.quotes:,} quotes "
            f"-> {args.out}",
            file=sys.stderr,
        )
    if report.bad_lines:
        print(
            f"quoteattr report: {report.bad_lines:,} lines skipped (not batch results)",
            file=sys.stderr,
        )
    return 0
