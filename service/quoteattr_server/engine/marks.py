"""engine.marks: quotation spans found on the characters, before any parse is consulted.

Quote boundaries come from the marks, never from sentence boundaries: a quote often spans two
Stanza sentences, and a sentence can hold two quotes. Pairing works paragraph by paragraph, so a
stray mark closes at its paragraph's end instead of swallowing the rest of the article; a quote
runs into the next paragraph only when that paragraph reopens the mark (the news convention for
long quotes).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from quoteattr_server.engine.types import Span

_OPENERS = frozenset({"\u201c", "\u201e", "\u00ab", "``"})  # “ „ « ``
_CLOSERS = frozenset({"\u201d", "\u00bb", "''"})  # ” » ''
_STRAIGHT = '"'
# Double quotation marks as the parser writes them as words (`` and '' for some copy's marks).
QUOTE_MARK_WORDS = frozenset({'"', "\u201c", "\u201d", "''", "``"})
_BEFORE_OPENER = frozenset("([{\u2014\u2013-/:>")  # ">" ends a markup tag
_CLOSING_PUNCT = frozenset(".,;:!?)]}\u2014\u2013-")
# A transcript line's speaker label: a name in capitals and a colon (`"WALLACE: ...`).
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,40}):\s")


class MarkRole(enum.Enum):
    OPEN = "open"
    CLOSE = "close"


@dataclass(frozen=True, slots=True)
class QuoteMark:
    start: int
    end: int
    glyph: str


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """A span from an opening mark to its closing mark, both included.

    `pieces` holds one span per paragraph for a quote that runs over paragraphs; `closed` is
    False when no closing mark was found and the span was cut at its paragraph's end.
    """

    span: Span
    pieces: tuple[Span, ...]
    closed: bool


def find_marks(text: str, start: int, end: int) -> list[QuoteMark]:
    """Double quotation marks in text[start:end], including `` and '' written as marks."""
    marks: list[QuoteMark] = []
    i = start
    while i < end:
        pair = text[i : i + 2]
        if pair in ("``", "''") and i + 2 <= end:
            marks.append(QuoteMark(i, i + 2, pair))
            i += 2
            continue
        char = text[i]
        if char == _STRAIGHT or char in _OPENERS or char in _CLOSERS:
            marks.append(QuoteMark(i, i + 1, char))
        i += 1
    return marks


def _looks_open(text: str, mark: QuoteMark, start: int, end: int) -> bool:
    before = text[mark.start - 1] if mark.start > start else None
    after = text[mark.end] if mark.end < end else None
    return (before is None or before.isspace() or before in _BEFORE_OPENER) and (
        after is not None and not after.isspace()
    )


def _looks_closed(text: str, mark: QuoteMark, start: int, end: int) -> bool:
    before = text[mark.start - 1] if mark.start > start else None
    after = text[mark.end] if mark.end < end else None
    return (before is not None and not before.isspace()) and (
        after is None or after.isspace() or after in _CLOSING_PUNCT or after in _CLOSERS
    )


def _role(text: str, mark: QuoteMark, is_open: bool, start: int, end: int) -> MarkRole | None:
    """Decide what a mark does, given whether a quote is open. None: a stray mark to skip.

    Curly marks say their direction, but copy mixes them up (“…" and "…” are common), so a
    directed mark whose surroundings clearly say the opposite is read by its surroundings.
    """
    opens = _looks_open(text, mark, start, end)
    closes = _looks_closed(text, mark, start, end)
    if mark.glyph == _STRAIGHT:
        if is_open:
            return MarkRole.CLOSE
        return MarkRole.OPEN if opens else None
    if mark.glyph in _OPENERS:
        if is_open and closes and not opens:
            return MarkRole.CLOSE
        return MarkRole.OPEN
    # a directed closing mark
    if not is_open:
        return MarkRole.OPEN if opens and not closes else None
    return MarkRole.CLOSE


def _reopens(text: str, paragraph: Span) -> QuoteMark | None:
    """The opening mark a paragraph starts with, if it starts with one."""
    marks = find_marks(text, paragraph.start, min(paragraph.end, paragraph.start + 2))
    if marks and marks[0].start == paragraph.start:
        mark = marks[0]
        if mark.glyph in _OPENERS or (
            mark.glyph == _STRAIGHT and _looks_open(text, mark, paragraph.start, paragraph.end)
        ):
            return mark
    return None


def transcript_label(text: str, after_mark: int, end: int) -> str | None:
    """The speaker label right after a quotation's opening mark (`"WALLACE: ...` -> "WALLACE"),
    if any."""
    found = _TRANSCRIPT_LABEL.match(text, after_mark, end)
    return found.group(1) if found else None


_STAGE_DIRECTION = re.compile(r"\(\s*[A-Za-z][A-Za-z ,'\u2019-]*[.!]?\s*\)[.,]?")
MAX_STAGE_DIRECTION_WORDS = 4  # "(BEGIN VIDEO CLIP)", "(CROSSTALK)", "(inaudible)"


def stage_direction(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], less its marks, is a transcript's note in parentheses
    (`"(CROSSTALK.)`, `"(APPLAUSE)"`): no one's words."""
    inner = text[start:end].strip(" \n\"'\u201c\u201d\u2018\u2019")
    return len(inner.split()) <= MAX_STAGE_DIRECTION_WORDS and bool(
        _STAGE_DIRECTION.fullmatch(inner)
    )


def is_transcript(text: str, paragraphs: Sequence[Span]) -> bool:
    """Whether the article holds a transcript: paragraphs opening with a quotation mark and the
    labels of two speakers or more (`"WALLACE: ...`, `"PENCE: ...`). One capitalised word and a
    colon alone (`"WARNING: ...`) is no transcript."""
    labels = {
        transcript_label(text, p.start + 1, p.end)
        for p in paragraphs
        if text[p.start : p.start + 1] in ('"', "\u201c")
    }
    return len(labels - {None}) >= 2


def find_quotes(text: str, paragraphs: Sequence[Span]) -> list[MarkedQuote]:
    """Pair the double quotation marks of each paragraph into quote spans (an article that
    quotes with single marks throughout, as British copy does, has them read as double)."""
    text = single_marks_as_double(text, paragraphs)
    pairing = _Pairing(text, is_transcript(text, paragraphs))
    for number, paragraph in enumerate(paragraphs):
        marks = find_marks(text, paragraph.start, paragraph.end)
        if pairing.open_at is not None and pairing.carry_over(paragraphs[number - 1], paragraph):
            marks = marks[1:]  # the reopening mark continues the open quote
        for position, mark in enumerate(marks):
            pairing.read(mark, paragraph, marks[position + 1 :])
    if pairing.open_at is not None:
        pairing.emit(paragraphs[-1].end, closed=False)
    return pairing.quotes


_SINGLE_OPEN = frozenset("\u2018'")  # left single mark, straight apostrophe
_SINGLE_CLOSE = frozenset("\u2019'")  # right single mark, straight apostrophe
_DOUBLE_MARK = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]|``|''")
_PUNCT_INSIDE = frozenset(".,!?;:")


def single_marks_as_double(text: str, paragraphs: Sequence[Span]) -> str:
    """`'I never wanted to leave,' the striker said`: when an article has no double marks at
    all, each single opening mark (after a space, at a line's start, before a letter) paired
    with a closing one (after punctuation, or before punctuation or the line's end) is read
    as a double mark, one character for one; apostrophes (`don't`, `Patel's`, `the workers'
    union`) stay as they are. A mark between a word and a space closes the quote when another
    opens before any surer close (`called it 'a betrayal' and ... 'We ...`)."""
    if _DOUBLE_MARK.search(text):
        return text
    chars = list(text)
    for paragraph in paragraphs:
        for opening, closing in _single_pairs(text, paragraph):
            chars[opening], chars[closing] = "\u201c", "\u201d"
    return "".join(chars)


def _single_pairs(text: str, paragraph: Span) -> list[tuple[int, int]]:
    """The (opening, closing) offsets of the single marks of a paragraph that pair as quotes."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    loose: int | None = None  # a mark that may close the open quote, or be an apostrophe
    for i in range(paragraph.start, paragraph.end):
        if text[i] not in _SINGLE_OPEN and text[i] not in _SINGLE_CLOSE:
            continue
        before = text[i - 1] if i > paragraph.start else " "
        after = text[i + 1] if i + 1 < paragraph.end else " "
        opens = text[i] in _SINGLE_OPEN and _opens_single(before, after)
        if opened is None or (opens and loose is not None):
            if opened is not None and loose is not None:
                pairs.append((opened, loose))
            opened, loose = (i if opens else None), None
        elif text[i] in _SINGLE_CLOSE and not before.isspace():
            if _closes_single(text, i, before, after, paragraph.end):
                pairs.append((opened, i))
                opened, loose = None, None
            elif after.isspace():
                loose = i
    if opened is not None and loose is not None:
        pairs.append((opened, loose))
    return pairs


def _closes_single(text: str, i: int, before: str, after: str, end: int) -> bool:
    return (
        before in _PUNCT_INSIDE
        or after in _CLOSING_PUNCT
        or (after.isspace() and _ends_clause(text, i + 1, end))
    )


def _opens_single(before: str, after: str) -> bool:
    return (before.isspace() or before in "([\u2014\u2013-") and after.isalnum()


def _ends_clause(text: str, start: int, end: int) -> bool:
    """After a closing mark and its space: the line's end, or no word (a dash, a bracket)."""
    rest = text[start:end].lstrip()
    return not rest or not rest[0].isalnum()


class _Pairing:
    """The quotes found so far, and the one still open (with its earlier paragraphs' pieces)."""

    def __init__(self, text: str, transcript: bool = False) -> None:
        self.text = text
        self.transcript = transcript  # each labelled paragraph starts a quote of its own
        self.quotes: list[MarkedQuote] = []
        self.open_at: int | None = None  # start of the current piece's opening mark
        self.pieces: list[Span] = []  # finished pieces of a multi-paragraph quote
        # Curly quotes open inside the open one (`“... calls “the harbour spirit” ...”`).
        self.nested = 0

    def emit(self, end: int, closed: bool) -> None:
        assert self.open_at is not None
        all_pieces = (*self.pieces, Span(self.open_at, end))
        if any(char.isalnum() for char in self.text[all_pieces[0].start : end]):
            self.quotes.append(MarkedQuote(Span(all_pieces[0].start, end), all_pieces, closed))
        self.open_at, self.pieces, self.nested = None, [], 0

    def carry_over(self, previous: Span, paragraph: Span) -> bool:
        """A quote left open by the previous paragraph continues here only if this paragraph
        reopens the mark (True: its first mark is that reopening); otherwise it ends where its
        paragraph ended."""
        assert self.open_at is not None
        reopening = _reopens(self.text, paragraph)
        if reopening is None:
            self.emit(previous.end, closed=False)
            return False
        if self.transcript and (
            transcript_label(self.text, reopening.end, paragraph.end)
            or stage_direction(self.text, reopening.start, paragraph.end)
        ):
            # `"PENCE: ...` after `"WALLACE: ...`: each transcript line is a quote of its own;
            # a note (`"(CROSSTALK.)`) ends the line before it.
            self.emit(previous.end, closed=False)
        else:
            self.pieces.append(Span(self.open_at, previous.end))
        self.open_at = reopening.start
        return True

    def read(self, mark: QuoteMark, paragraph: Span, rest: Sequence[QuoteMark] = ()) -> None:
        """Pair `mark`; `rest` are the marks after it in its paragraph."""
        role = _role(self.text, mark, self.open_at is not None, paragraph.start, paragraph.end)
        if role is None:
            return
        if self.open_at is None:
            if role is MarkRole.OPEN:
                self.open_at = mark.start
        elif role is MarkRole.CLOSE:
            if self.nested:
                self.nested -= 1
            else:
                self.emit(mark.end, closed=True)
        elif _nests(mark, rest, self.nested):
            self.nested += 1
        else:
            # A new opening mark while a quote is open: the earlier one was never closed.
            self.emit(_trim_end(self.text, self.open_at, mark.start), closed=False)
            self.open_at = mark.start


def _nests(mark: QuoteMark, rest: Sequence[QuoteMark], nested: int) -> bool:
    """A curly opening mark inside an open quote opens a quote within it when the marks after
    it close both before another opens (`“We still believe in what she calls “the harbour
    spirit” and ...”`); else the open quote was never closed."""
    if mark.glyph not in _OPENERS:
        return False
    wanted = nested + 2
    closers = 0
    for following in rest:
        if following.glyph in _OPENERS:
            return False
        if following.glyph in _CLOSERS:
            closers += 1
            if closers == wanted:
                return True
    return False


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
