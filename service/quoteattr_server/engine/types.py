"""engine.types: the engine's own small data types.

The engine reads a `ParsedDoc` (built from a Stanza document by `nlp.adapter`, or by hand in
tests) and returns an `AttributionResult`. Neither side imports stanza or grpc, so the engine
stays a pure function of its input.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range [start, end) into the document text, in code points."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word of a sentence, with its dependency arc.

    `index` and `head` are 0-based positions inside the sentence; `head` is -1 for the root.
    `text` is always the slice of the original document at [start, end).
    """

    index: int
    text: str
    lemma: str
    upos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def base_deprel(self) -> str:
        """The relation without its subtype: `nsubj:pass` -> `nsubj`."""
        return self.deprel.split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[Word, ...]
    paragraph: int

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def children(self, head: int) -> list[Word]:
        return [w for w in self.words if w.head == head]

    def subtree(self, head: int) -> list[Word]:
        """The word at `head` and every word under it, in sentence order."""
        inside = {head}
        changed = True
        while changed:
            changed = False
            for w in self.words:
                if w.index not in inside and w.head in inside:
                    inside.add(w.index)
                    changed = True
        return [w for w in self.words if w.index in inside]

    def ancestors(self, index: int) -> list[Word]:
        """Heads above `index`, nearest first (cycle-safe)."""
        chain: list[Word] = []
        seen = {index}
        current = self.words[index].head
        while current >= 0 and current not in seen:
            seen.add(current)
            chain.append(self.words[current])
            current = self.words[current].head
        return chain


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """A parsed article: the original text, its paragraphs and its sentences."""

    text: str
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Span, ...]


class QuoteKind(enum.Enum):
    DIRECT = "direct"
    PARTIAL = "partial"
    REPORTED = "reported"


class SpeakerKind(enum.Enum):
    UNKNOWN = "unknown"
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"


class AttributionType(enum.Enum):
    """What a quote attributes: words spoken or written, a belief, an intention or a stance."""

    SPEECH = "speech"
    BELIEF = "belief"
    INTENTION = "intention"
    STANCE = "stance"


class Gender(enum.Enum):
    """A speaker's gender as the article states it; UNKNOWN without (or with conflicting)
    evidence."""

    UNKNOWN = "unknown"
    FEMALE = "female"
    MALE = "male"
    NONBINARY = "nonbinary"


class SourceCategory(enum.Enum):
    """The kind of source, for sourcing audits."""

    UNKNOWN = "unknown"
    OFFICIAL = "official"
    EXPERT = "expert"
    BUSINESS = "business"
    ADVOCATE = "advocate"
    CITIZEN = "citizen"
    MEDIA = "media"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the document: its text and where it sits."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    span: Span
    lemma: str


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str
    kind: SpeakerKind
    roles: tuple[TextSpan, ...]
    mentions: tuple[TextSpan, ...]
    gender: Gender = Gender.UNKNOWN
    gender_evidence: tuple[TextSpan, ...] = ()
    anonymous: bool = False
    category: SourceCategory = SourceCategory.UNKNOWN


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    span: Span
    kind: QuoteKind
    speaker_id: str | None
    mention: TextSpan | None
    cue: Cue | None
    confidence: float
    rule: str
    pieces: tuple[Span, ...] = field(default=())
    attribution_type: AttributionType = AttributionType.SPEECH
    fingerprint: str = ""
    # Speakers named beside `speaker_id` as saying it together ("Grassley and Leahy said").
    co_speaker_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AttributionResult:
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]

    def with_quotes(self, quotes: tuple[Quote, ...]) -> AttributionResult:
        """The result with these quotes and only the speakers they still refer to."""
        used = {quote.speaker_id for quote in quotes} | {
            co for quote in quotes for co in quote.co_speaker_ids
        }
        return AttributionResult(quotes, tuple(s for s in self.speakers if s.id in used))
