"""engine.attribution_types: what an attribution reports, from its cue and its content.

Newsroom callers want what people said apart from what they believe, intend or stand for.
The cue's lexicon group decides the type ("believes" is belief, "plans" intention, "welcomed"
stance), single lemmas override their group, and a speech verb whose content is a thing and not
a clause reports a position taken, not words ("criticized the plan" is a stance; "criticized
the plan as reckless, saying ..." keeps its speech in the clause). The table is data:
`engine/data/attribution_types.txt`.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from quoteattr_server.engine.lexicon import Lexicon, packaged_data
from quoteattr_server.engine.types import AttributionResult, AttributionType, Quote, QuoteKind

_TYPES = {member.value: member for member in AttributionType}


@dataclass(frozen=True, slots=True)
class AttributionTypes:
    """The type table: by cue group, by lemma, and the speech cues that take a stance on things."""

    by_group: dict[str, AttributionType]
    by_lemma: dict[str, AttributionType]
    stance_with_object: frozenset[str]

    def of_cue(self, lemma: str | None, group: str | None, *, clausal: bool) -> AttributionType:
        """The type of an attribution cued by `lemma` (of cue group `group`).

        `clausal` says whether the content is a clause or a quotation rather than a thing (an
        object or an oblique noun phrase). No cue (a dash, a colon, a continuation) is speech.
        """
        if lemma is None:
            return AttributionType.SPEECH
        lemma = lemma.lower()
        kind = self.by_lemma.get(lemma) or self.by_group.get(group or "", AttributionType.SPEECH)
        if kind is AttributionType.SPEECH and not clausal and lemma in self.stance_with_object:
            return AttributionType.STANCE
        return kind


def parse_attribution_types(text: str) -> AttributionTypes:
    """Read the table from its file format (see the data file's header)."""
    by_group: dict[str, AttributionType] = {}
    by_lemma: dict[str, AttributionType] = {}
    stance_with_object: set[str] = set()
    target: tuple[str, str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0]
        if not line.strip():
            continue
        words = line.split()
        if not line[0].isspace():
            head, _, rest = line.partition(":")
            target = _target(head.split())
            words = rest.split()
        if target is None:
            raise ValueError(f"attribution type line outside a section: {raw!r}")
        section, type_name = target
        for word in words:
            if section == "groups":
                by_group[word.lower()] = _TYPES[type_name]
            elif section == "lemmas":
                by_lemma[word.lower()] = _TYPES[type_name]
            else:
                stance_with_object.add(word.lower())
    return AttributionTypes(by_group, by_lemma, frozenset(stance_with_object))


def _target(head: list[str]) -> tuple[str, str]:
    if head == ["stance_with_object"]:
        return ("stance_with_object", "stance")
    if len(head) == 2 and head[0] in ("groups", "lemmas") and head[1] in _TYPES:
        return (head[0], head[1])
    raise ValueError(f"unknown attribution type section: {' '.join(head)!r}")


@functools.lru_cache(maxsize=1)
def load_attribution_types() -> AttributionTypes:
    """The packaged table."""
    return parse_attribution_types(packaged_data("attribution_types.txt"))


# Rules whose content is a thing (an object or an oblique phrase), not a clause or a quotation.
_THING_CONTENT_RULES = frozenset({"reported object", "reported oblique"})


def with_attribution_types(
    result: AttributionResult, lexicon: Lexicon, table: AttributionTypes | None = None
) -> AttributionResult:
    """Every quote typed by its cue: direct and partial quotes are speech unless their cue
    reports a belief, an intention or a stance."""
    table = table or load_attribution_types()
    quotes = []
    for quote in result.quotes:
        lemma = _lemma_of(quote, lexicon, table)
        group = lexicon.cue_group(lemma) if lemma is not None else None
        clausal = quote.kind is not QuoteKind.REPORTED or quote.rule not in _THING_CONTENT_RULES
        kind = table.of_cue(lemma, group, clausal=clausal)
        quotes.append(dataclasses.replace(quote, attribution_type=kind))
    return dataclasses.replace(result, quotes=tuple(quotes))


def _lemma_of(quote: Quote, lexicon: Lexicon, table: AttributionTypes) -> str | None:
    """The cue's lemma as the table knows it: as written when the table lists it (`convinced`,
    a belief), else in the cue lexicon's form (`opposes` -> `oppose`)."""
    if quote.cue is None:
        return None
    written = quote.cue.lemma.lower()
    return written if written in table.by_lemma else lexicon.cue_lemma(written)
