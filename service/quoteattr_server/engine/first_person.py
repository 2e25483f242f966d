"""engine.first_person: who "I" is when it speaks outside any quotation.

A column or an op-ed reports its writer's own words and beliefs in the first person ("I have
argued before that the tax code is unfair"). A speaker named "I" tells a reader nothing:
outside quotations it is the writer of the piece, named "the author". In a transcript line
("KOVAC: I think ...") it is the speaker of the line's label. Inside a quotation "I" is the
quoted speaker's, which the rules that read the quotation resolve. "We" stays as written: the
writers of an editorial, but as often everyone ("what we expect of a president").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from quoteattr_server.engine.marks import transcript_label
from quoteattr_server.engine.types import AttributionResult, Quote, Span, Speaker, SpeakerKind

# The writer of the piece, by the pronoun they write in (`my answer: "..."` too).
NARRATORS = dict.fromkeys(("i", "me", "my"), ("the author", SpeakerKind.PERSON))
NARRATOR_NAMES = frozenset(name for name, _ in NARRATORS.values())
# Marks a transcript paragraph may open with before its label (`"KOVAC: ...`).
_OPENING_MARKS = '"\u201c'


def first_person_resolved(
    result: AttributionResult, text: str, paragraphs: Sequence[Span], quoted: Sequence[Span]
) -> AttributionResult:
    """`result` with each speaker written only as "I" outside quotations named as the writer
    of the piece, and its transcript lines given to their labels' speakers."""
    narrators = {s.id: s for s in result.speakers if s.name.lower() in NARRATORS}
    if not narrators:
        return result
    quotes = [
        _to_label_speaker(quote, result.speakers, text, paragraphs)
        if quote.speaker_id in narrators
        else quote
        for quote in result.quotes
    ]
    renamed = {
        speaker_id: _as_writer(speaker)
        for speaker_id, speaker in narrators.items()
        if _all_narration(speaker_id, quotes, quoted)
    }
    # "I" and "my" are one writer: the quotes of the later speakers go to the first.
    writer = next(iter(renamed), None)
    quotes = [
        dataclasses.replace(quote, speaker_id=writer)
        if writer is not None and quote.speaker_id in renamed
        else quote
        for quote in quotes
    ]
    speakers = tuple(renamed.get(s.id, s) for s in result.speakers)
    return dataclasses.replace(result, speakers=speakers).with_quotes(tuple(quotes))


def _as_writer(speaker: Speaker) -> Speaker:
    name, kind = NARRATORS[speaker.name.lower()]
    return dataclasses.replace(speaker, name=name, kind=kind)


def _all_narration(speaker_id: str, quotes: Sequence[Quote], quoted: Sequence[Span]) -> bool:
    """Every mention of the speaker at its quotes lies outside the article's quotations."""
    mentions = [q.mention for q in quotes if q.speaker_id == speaker_id]
    return bool(mentions) and all(
        mention is not None
        and not any(span.start <= mention.span.start < span.end for span in quoted)
        for mention in mentions
    )


def _to_label_speaker(
    quote: Quote, speakers: Sequence[Speaker], text: str, paragraphs: Sequence[Span]
) -> Quote:
    """The quote, given to the speaker its paragraph's transcript label names, when the
    article has one by that name (`KOVAC: ... I believe we will win`: Kovac's)."""
    if quote.mention is None:
        return quote
    start = quote.mention.span.start
    paragraph = next((p for p in paragraphs if p.start <= start < p.end), None)
    if paragraph is None:
        return quote
    opening = paragraph.start + int(text[paragraph.start : paragraph.start + 1] in _OPENING_MARKS)
    label = transcript_label(text, opening, paragraph.end)
    if label is None or opening + len(label) > start:
        return quote
    wanted = label.split()[-1].strip(".").lower()
    owner = next(
        (
            s
            for s in speakers
            if s.name.lower() not in NARRATORS and s.name.split()[-1].lower() == wanted
        ),
        None,
    )
    return dataclasses.replace(quote, speaker_id=owner.id) if owner else quote
