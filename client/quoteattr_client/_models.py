"""Frozen result types of the client, mirroring `quoteattr.v1.AttributeResponse`.

Callers get these instead of protobuf messages: they are hashable, typed, compare by value and
turn into JSON with `dataclasses.asdict`. Offsets are Unicode code points into the text sent,
so `text[quote.span.start:quote.span.end] == quote.text` in Python.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class QuoteKind(enum.StrEnum):
    DIRECT = "direct"
    PARTIAL = "partial"
    REPORTED = "reported"


class SpeakerKind(enum.StrEnum):
    UNKNOWN = "unknown"
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"


class AttributionType(enum.StrEnum):
    """What a quote attributes: speech, belief, intention or stance."""

    SPEECH = "speech"
    BELIEF = "belief"
    INTENTION = "intention"
    STANCE = "stance"


class Gender(enum.StrEnum):
    """A speaker's gender as the article states it; never guessed from a name."""

    UNKNOWN = "unknown"
    FEMALE = "female"
    MALE = "male"
    NONBINARY = "nonbinary"


class SourceCategory(enum.StrEnum):
    """The kind of source, for sourcing audits."""

    UNKNOWN = "unknown"
    OFFICIAL = "official"
    EXPERT = "expert"
    BUSINESS = "business"
    ADVOCATE = "advocate"
    CITIZEN = "citizen"
    MEDIA = "media"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of the text sent, in code points."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A place where the article names or refers to a speaker ("Kovac", "he")."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Role:
    """A capacity the article gives a speaker ("Deputy Mayor")."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Cue:
    """The word or phrase that signals reporting, with its lemma ("said", "say")."""

    text: str
    span: Span
    lemma: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """A source: canonical (fullest) name, kind, roles and every mention."""

    id: str
    name: str
    kind: SpeakerKind
    roles: tuple[Role, ...]
    mentions: tuple[Mention, ...]
    gender: Gender = Gender.UNKNOWN
    gender_evidence: tuple[Mention, ...] = ()
    anonymous: bool = False
    category: SourceCategory = SourceCategory.UNKNOWN


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed quotation; `speaker_id` is None when no speaker was found."""

    text: str
    span: Span
    kind: QuoteKind
    speaker_id: str | None
    mention: Mention | None
    cue: Cue | None
    confidence: float
    rule: str
    pieces: tuple[Span, ...]
    attribution_type: AttributionType = AttributionType.SPEECH
    fingerprint: str = ""
    # Others who said it together with the speaker ("Grassley and Leahy said"), by `Speaker.id`.
    co_speaker_ids: tuple[str, ...] = ()

    @property
    def words(self) -> str:
        """What a person reads as the speaker's words: the pieces of a quote broken by its
        attribution joined with " … ", never with "she said" inside; the text when whole."""
        if not self.pieces:
            return self.text
        start = self.span.start
        return " \u2026 ".join(self.text[p.start - start : p.end - start] for p in self.pieces)


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The Stanza models the server parsed with: the library version, the model package
    (`newsmix`), and `directory`, the package and its resources version (`newsmix@1.15.0`)."""

    stanza_version: str
    package: str
    directory: str


@dataclass(frozen=True, slots=True)
class AttributionResult:
    """The attributions of one article, as the server returned them."""

    document_id: str
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    engine_version: str
    model: ModelInfo
    processing_seconds: float

    def speaker(self, quote: Quote) -> Speaker | None:
        """The speaker `quote` is attributed to, or None."""
        if quote.speaker_id is None:
            return None
        return next((s for s in self.speakers if s.id == quote.speaker_id), None)

    def co_speakers(self, quote: Quote) -> tuple[Speaker, ...]:
        """The others `quote` is attributed to together with its speaker, in written order."""
        by_id = {s.id: s for s in self.speakers}
        return tuple(by_id[i] for i in quote.co_speaker_ids if i in by_id)

    def speaker_names(self, quote: Quote) -> str:
        """Who said it, as a person reads it: "Ana Kovac", "Ana Kovac and Tomas Ruiz"; empty
        when no speaker was found."""
        speaker = self.speaker(quote)
        if speaker is None:
            return ""
        names = [s.name for s in self.co_speakers(quote)] + [speaker.name]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
