"""engine.merge: one speaker per person once names and roles are final.

Resolution works mention by mention, before the fullest name is known, so "Lindqvist" and
"Marta Lindqvist" can start as two speakers that `complete_roles` later names alike; and a
mention the parser cut out of a longer description ("a senior adviser" in "Ana Kovac, a senior
adviser to the campaign, said") can become a speaker of its own although it lies inside the
role of a named one. This pass folds each such speaker into the one it is, and points its
quotes there.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence

from quoteattr_server.engine.role_finder import is_named, paragraph_finder
from quoteattr_server.engine.roles import ABBREVIATED_TITLES
from quoteattr_server.engine.sources import load_source_lexicon
from quoteattr_server.engine.speakers import COMPLEMENT_PREPOSITIONS
from quoteattr_server.engine.types import (
    AttributionResult,
    Gender,
    Quote,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
)
from quoteattr_server.engine.wire import furniture_spans


def merged_speakers(
    result: AttributionResult, text: str = "", paragraphs: Sequence[Span] = ()
) -> AttributionResult:
    """`result` with speakers of the same name, speakers mentioned only inside another's
    role, and described sources identified in the paragraph after, merged into the one they
    are."""
    target: dict[str, str] = _delayed_identifications(result, text, paragraphs)
    by_name: dict[str, Speaker] = {}
    for speaker in result.speakers:
        key = speaker.name.lower()
        if key and key in by_name and _compatible(by_name[key], speaker):
            target[speaker.id] = by_name[key].id
        else:
            by_name.setdefault(key, speaker)
    for speaker in result.speakers:
        if speaker.id not in target:
            owner = _role_owner(speaker, result.speakers, text)
            if owner is not None and owner.id not in target:
                target[speaker.id] = owner.id
    if not target:
        return result
    return _applied(result, target)


_PERSONS = (SpeakerKind.PERSON, SpeakerKind.UNKNOWN)
_DESCRIPTION_OPENERS = frozenset({"a", "an", "the"})


def _delayed_identifications(
    result: AttributionResult, text: str, paragraphs: Sequence[Span]
) -> dict[str, str]:
    """Wire copy's delayed identification: `A former party chairman says ...` opens a paragraph
    (or its lede, after a dateline), and the first person named as a speaker after it, in its
    paragraph or the next, by the bare name, is him (`Tomas Ruiz says ...`), unless the
    article named that person before. One introduced with a role of their own (`Port lawyer
    Marc Lind said`) is someone else."""
    if not paragraphs:
        return {}
    paragraph_of = paragraph_finder(paragraphs)

    # A person, or a name of two words or more (not `Labour`, a party of unknown kind).
    named = sorted(
        (
            s
            for s in result.speakers
            if s.mentions
            and is_named(s)
            and (s.kind is SpeakerKind.PERSON or (s.kind in _PERSONS and " " in s.name))
        ),
        key=lambda s: s.mentions[0].span.start,
    )
    found: dict[str, str] = {}
    dateline_ends = {span.start: span.end for span in furniture_spans(text, paragraphs)}
    for speaker in result.speakers:
        if speaker.kind is not SpeakerKind.PERSON or not speaker.mentions or is_named(speaker):
            continue
        opening = speaker.mentions[0]
        if not any(role.span.start == opening.span.start for role in speaker.roles):
            continue  # not described by a role: "a chorus of Republicans", "the website"
        if any(
            role.span == opening.span
            for other in result.speakers
            if other is not speaker
            for role in other.roles
        ):
            continue  # the description is already a role of the one it refers to
        paragraph = paragraph_of(opening.span.start)
        lead = dateline_ends.get(paragraphs[paragraph].start, paragraphs[paragraph].start)
        if text[lead : opening.span.start].strip() or not _describes(opening.text):
            continue  # (`WELLINGTON (AP) — New Zealand's prime minister said`: the lede's)
        later = [
            n
            for n in named
            if n.mentions[0].span.start > opening.span.end
            and paragraph_of(n.mentions[0].span.start) <= paragraph + 1
        ]
        if (
            later
            and _introduced_as(later[0], opening.text, text)
            and not _written_before(later[0].name.split()[-1], text, opening.span.start)
        ):
            found[speaker.id] = later[0].id
    return found


def _introduced_as(named: Speaker, description: str, text: str) -> bool:
    """The named speaker's first mention is the bare name (`Tomas Ruiz says`), or carries the
    post the description gave (`The state attorney general ...` / `Attorney General Ana
    Kovac`), or a post at the body a spokesperson was described for (`A spokeswoman for the
    Harbour Board says ...` / `Harbour Board communications director Ana Lind`), not another
    (`Port lawyer Marc Lind`, `Marc Lind, a port lawyer,`)."""
    first = named.mentions[0]
    written = first.text.split()
    first_name = named.name.split()[0]
    if not written or written[0] == first_name:
        apposition = _apposition_of(named, first, text)
        return apposition is None or _same_post(apposition.text.split(), description)
    title = written[: written.index(first_name)] if first_name in written else []
    return bool(title) and _same_post(title, description)


def _apposition_of(named: Speaker, mention: TextSpan, text: str) -> TextSpan | None:
    """The role set off by a comma right after the mention (`Marc Lind, a port lawyer,`),
    past an age (`Marc Lind, 54, a port lawyer`)."""
    for role in named.roles:
        if role.span.start > mention.span.end and _APPOSED.fullmatch(
            text, mention.span.end, role.span.start
        ):
            return role
    return None


_APPOSED = re.compile(r"\s*,\s*(?:\d+\s*,\s*)?")


def _same_post(role: Sequence[str], description: str) -> bool:
    """The role names the post the description gave (`Party chairman` / `A former party
    chairman`, `Gov.` / `the governor`), at the body the description names, if it names one
    (`A spokeswoman for the Harbour Board` is no `Port Authority spokeswoman`); or the body a
    spokesperson was described for."""
    words = description.split()
    body = [w for w in _complement(words) if w[:1].isupper()]
    written = {w.lower().removesuffix("'s").removesuffix("\u2019s") for w in role}
    if _post(role) == _post(words) and (not body or body[-1].lower() in written):
        return True
    speaks_for = body if len(words) > 2 and words[1].lower() in _SPOKESPEOPLE else []
    return bool(speaks_for) and speaks_for[-1].lower() in written


def _complement(words: Sequence[str]) -> Sequence[str]:
    """The words after a description's head noun, from its first preposition on."""
    opening = next((i for i, w in enumerate(words) if w.lower() in COMPLEMENT_PREPOSITIONS), None)
    return words[opening + 1 :] if opening is not None else ()


def _post(words: Sequence[str]) -> str:
    """A role's head noun, before its complement, each abbreviation as the post it names."""
    head = list(itertools.takewhile(lambda w: w.lower() not in COMPLEMENT_PREPOSITIONS, words))
    if not head:
        return ""
    key = head[-1].lower().strip(".,")
    return ABBREVIATED_TITLES.get(key, key)


# Descriptions of one who speaks for a body: `A spokeswoman for the Harbour Board`.
_SPOKESPEOPLE = frozenset({"spokeswoman", "spokesman", "spokesperson"})


def _written_before(word: str, text: str, offset: int) -> bool:
    """Whether `word` stands as a word of its own before `offset` ("Lee", not "Leeds")."""
    return re.search(rf"\b{re.escape(word)}\b", text[:offset]) is not None


def _describes(mention: str) -> bool:
    """A description of one person: `A spokeswoman for the clinic`, `Ohio's attorney general`,
    `New Zealand's prime minister` (a possessor of a few capitalised words)."""
    words = mention.split()
    if words[0].lower() in _DESCRIPTION_OPENERS:
        return True
    owner = next((i for i, w in enumerate(words) if w.endswith(("'s", "\u2019s"))), None)
    return (
        owner is not None
        and owner < MAX_POSSESSOR_WORDS
        and all(w[:1].isupper() for w in words[: owner + 1])
    )


# How many words a place or body owning a description may have: `New Zealand's`.
MAX_POSSESSOR_WORDS = 3


def _compatible(first: Speaker, second: Speaker) -> bool:
    """Of one kind (or one of unknown kind), and not called by honorifics of two genders
    (`Mrs. Patel` is not `Mr. Patel`)."""
    kinds = SpeakerKind.UNKNOWN in (first.kind, second.kind) or first.kind is second.kind
    genders = _honorific_genders(first) | _honorific_genders(second)
    return kinds and len(genders) < 2


def _honorific_genders(speaker: Speaker) -> set[Gender]:
    """The genders the honorifics opening the speaker's mentions state (`gender_words.txt`)."""
    lexicon = load_source_lexicon()
    return {
        gender
        for mention in speaker.mentions
        if (gender := lexicon.gender_of("honorific", mention.text.split(" ", 1)[0]))
    }


def _role_owner(speaker: Speaker, speakers: tuple[Speaker, ...], text: str) -> Speaker | None:
    """The one other speaker whose roles hold every mention of `speaker`."""
    if not speaker.mentions:
        return None
    owners = [
        other
        for other in speakers
        if other.id != speaker.id
        and all(
            _within_roles(m.span, other.roles, text, whole=other.kind is SpeakerKind.ORGANIZATION)
            for m in speaker.mentions
        )
    ]
    return owners[0] if len(owners) == 1 else None


_ROLE_JOINS = re.compile(r"(?:\s|,|\band\b)*")
# What a role may open with before the description a mention cut out of it: `one of`, an
# article, a number (`one of the aides`, `a senior adviser`).
_PICKED_FROM = re.compile(
    r"(?i)(?:(?:one|two|three|some|several|many|most|all|each|any)\s+of\s+)?(?:the\s+|an?\s+)?"
)


def _within_roles(mention: Span, roles: Sequence[TextSpan], text: str, *, whole: bool) -> bool:
    """The mention lies inside one role, or runs over roles it coordinates (`the former mayor
    and current party chair`, two roles) with nothing but "and" and commas between them. With
    `whole` (an organisation's roles, which name other bodies: `one of the start-ups backed by
    the fund`), only as the description the role opens with, not inside its complement."""
    position = mention.start
    for role in sorted(roles, key=lambda r: r.span.start):
        if (
            whole
            and role.span.start < position < role.span.end
            and not _PICKED_FROM.fullmatch(text, role.span.start, position)
        ):
            return False
        if role.span.start <= position < role.span.end or role.span.start == position:
            position = role.span.end
            if position >= mention.end:
                return True
            joined = _ROLE_JOINS.match(text, position)
            position = joined.end() if joined else position
    return False


def _overlaps(a: TextSpan, b: TextSpan) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end


def _applied(result: AttributionResult, target: dict[str, str]) -> AttributionResult:
    def final(speaker_id: str) -> str:
        seen = {speaker_id}
        while speaker_id in target and target[speaker_id] not in seen:
            speaker_id = target[speaker_id]
            seen.add(speaker_id)
        return speaker_id

    kept: dict[str, Speaker] = {s.id: s for s in result.speakers if final(s.id) == s.id}
    for speaker in result.speakers:
        if speaker.id not in kept:
            into = kept[final(speaker.id)]
            kept[into.id] = _union(into, speaker)
    quotes = tuple(_repointed(q, final) for q in result.quotes)
    return AttributionResult(quotes, tuple(kept.values()))


def _union(into: Speaker, other: Speaker) -> Speaker:
    def spans(items: tuple[TextSpan, ...]) -> tuple[TextSpan, ...]:
        unique = {(item.span.start, item.span.end): item for item in items}
        return tuple(item for _, item in sorted(unique.items()))

    kind = other.kind if into.kind is SpeakerKind.UNKNOWN else into.kind
    # A role of the merged speaker that overlaps one already known is the same role.
    new_roles = [r for r in other.roles if not any(_overlaps(r, known) for known in into.roles)]
    return dataclasses.replace(
        into,
        name=other.name if _fuller_name(other.name, into.name) else into.name,
        kind=kind,
        roles=spans((*into.roles, *new_roles)),
        mentions=spans((*into.mentions, *other.mentions)),
    )


def _fuller_name(name: str, than: str) -> bool:
    """`name` writes every word of `than` and more, as a name (`Tedros Adhanom Ghebreyesus`
    than `Tedros`): the speaker keeps the fullest name the article gives."""
    words, fewer = name.split(), than.split()
    return bool(fewer) and set(fewer) < set(words) and all(word[:1].isupper() for word in words)


def _repointed(quote: Quote, final: Callable[[str], str]) -> Quote:
    if quote.speaker_id is None:
        return quote
    new_id = final(quote.speaker_id)
    partners = tuple(dict.fromkeys(final(co) for co in quote.co_speaker_ids if final(co) != new_id))
    if new_id == quote.speaker_id and partners == quote.co_speaker_ids:
        return quote
    return dataclasses.replace(quote, speaker_id=new_id, co_speaker_ids=partners)
