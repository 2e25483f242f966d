"""engine.attribute: the engine's one entry point; runs the passes in order and nothing else.

marks -> cue per quotation -> speaker head at the cue -> reported clauses -> resolution of each
speaker mention to an entity (in article order) -> roles from the entity's mentions -> result.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from quoteattr_server.engine.content import ACCORDING_TO as REPORTED_ACCORDING_TO
from quoteattr_server.engine.content import (
    IN_ARTEFACT,
    NAME_COLON,
    ReportedContent,
    reported_contents,
)
from quoteattr_server.engine.cues import (
    CueMatch,
    direct_cue_candidates,
    is_label,
    is_title_of_work,
    quote_kind,
    word_count,
)
from quoteattr_server.engine.entities import NameIndex, Referent, Resolver
from quoteattr_server.engine.fingerprint import fingerprint
from quoteattr_server.engine.layout import Layout, span_of
from quoteattr_server.engine.lexicon import Lexicon, load_lexicon
from quoteattr_server.engine.marks import MarkedQuote, find_quotes
from quoteattr_server.engine.roles import (
    apposition_role,
    head_phrase_role,
    reverse_apposition_name,
    split_name,
    title_role,
)
from quoteattr_server.engine.sources import enrich_speakers
from quoteattr_server.engine.speakers import (
    ACCORDING_TO,
    SpeakerHead,
    dash_signature,
    mention_words,
    speaker_at_cue,
    speaker_of_participle,
)
from quoteattr_server.engine.types import (
    AttributionResult,
    Cue,
    ParsedDoc,
    Quote,
    QuoteKind,
    Sentence,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
    Word,
)

ENGINE_VERSION = "0.1.0"

CONTINUES = "previous speaker continues"
COLON = "colon introduction"
UNATTRIBUTED = "unattributed"
CUE_WITHOUT_SPEAKER = "cue without speaker"

# Reported speech whose source the construction itself names.
SOURCE_PHRASE_CONFIDENCE = {
    REPORTED_ACCORDING_TO: 0.85,
    IN_ARTEFACT: 0.6,
    NAME_COLON: 0.6,
}

# A quoted phrase this short with no cue is a scare quote, a title or a label, not speech.
MAX_UNCUED_LABEL_WORDS = 3
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


@dataclass(slots=True)
class _Draft:
    """An attribution before its speaker is resolved to an entity."""

    span: Span
    pieces: tuple[Span, ...]
    kind: QuoteKind
    cue: Cue | None
    cue_word: Word | None
    cue_sentence: Sentence | None
    speaker: SpeakerHead | None
    rule: str
    confidence: float
    direct: bool


@dataclass(slots=True)
class _EntityBuilder:
    referent: Referent
    roles: list[TextSpan] = field(default_factory=list)
    mentions: list[TextSpan] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return load_lexicon()


def attribute(
    doc: ParsedDoc,
    lexicon: Lexicon | None = None,
    *,
    include_reported: bool = True,
    min_confidence: float = 0.0,
) -> AttributionResult:
    """Every quotation and reported-speech attribution in `doc`, with speakers and roles."""
    lexicon = lexicon or _default_lexicon()
    layout = Layout(doc, find_quotes(doc.text, doc.paragraphs))
    reported = reported_contents(layout, lexicon)
    drafts = _direct_drafts(layout, lexicon, reported)
    drafts.extend(_reported_drafts(layout, lexicon, reported, drafts))
    drafts.sort(key=lambda d: d.span.start)
    quotes, speakers = _resolve(drafts, layout, lexicon)
    kept = tuple(
        with_fingerprint(q, doc.text)
        for q in quotes
        if q.confidence >= min_confidence and (include_reported or q.kind is not QuoteKind.REPORTED)
    )
    used = {q.speaker_id for q in kept}
    result = AttributionResult(quotes=kept, speakers=tuple(s for s in speakers if s.id in used))
    return enrich_speakers(doc, result)


def with_fingerprint(quote: Quote, text: str) -> Quote:
    """The quote with its fingerprint, computed over its pieces (or its whole text)."""
    pieces = [text[p.start : p.end] for p in quote.pieces] or [quote.text]
    return replace(quote, fingerprint=fingerprint(pieces))


def _cue_of(match: CueMatch, text: str) -> Cue:
    last = match.according_to or match.word
    lemma = "according to" if match.according_to is not None else match.word.lemma.lower()
    if match.dash:
        lemma = "dash"
    return Cue(text[match.word.start : last.end], Span(match.word.start, last.end), lemma)


def _direct_drafts(
    layout: Layout, lexicon: Lexicon, reported: list[ReportedContent]
) -> list[_Draft]:
    drafts: list[_Draft] = []
    earlier_speakers: list[SpeakerHead] = []
    for quote in layout.quotes:
        if is_label(quote, layout, lexicon):
            continue
        candidates = direct_cue_candidates(quote, layout, lexicon)
        enclosing = _enclosing_report(quote, reported)
        if enclosing is not None:
            candidates.append(enclosing)
        match = candidates[0] if candidates else None
        if (match is None or not match.linked) and is_title_of_work(quote, layout, lexicon):
            continue
        speaker = None
        for candidate in candidates:
            speaker = _speaker_for(candidate, layout, lexicon, earlier_speakers)
            if speaker is not None:
                match = candidate
                break
        if speaker is not None:
            earlier_speakers.append(speaker)
        drafts.append(_direct_draft(quote, match, speaker, layout, lexicon))
    return _merge_split_quotes(drafts)


def _enclosing_report(quote: MarkedQuote, reported: list[ReportedContent]) -> CueMatch | None:
    """`According to Limbaugh, the move reeks of "fear"`: a quoted fragment with no cue of its
    own, inside a reported clause, is a partial quote of that clause's source."""
    for item in reported:
        if item.content.contains(quote.span):
            according = item.cue_end if item.rule == REPORTED_ACCORDING_TO else None
            return CueMatch(
                item.sentence,
                item.cue,
                linked=True,
                according_to=according,
                source=item.source if according is None else None,
                source_rule=item.rule,
            )
    return None


def _speaker_for(
    match: CueMatch, layout: Layout, lexicon: Lexicon, earlier: list[SpeakerHead]
) -> SpeakerHead | None:
    sentence, word = match.sentence, match.word
    if match.source is not None:
        return SpeakerHead(sentence, match.source, match.source_rule)
    if match.according_to is not None:
        source = sentence.words[word.head] if word.head >= 0 else None
        return SpeakerHead(sentence, source, ACCORDING_TO) if source is not None else None
    if match.dash:
        return dash_signature(sentence, word, layout)
    return speaker_at_cue(sentence, word, layout, lexicon) or speaker_of_participle(
        sentence, word, layout, earlier
    )


def _direct_draft(
    quote: MarkedQuote,
    match: CueMatch | None,
    speaker: SpeakerHead | None,
    layout: Layout,
    lexicon: Lexicon,
) -> _Draft:
    text = layout.doc.text
    kind = quote_kind(match, quote, layout)
    if match is None:
        confidence = 0.3
        rule = UNATTRIBUTED
    else:
        lemma = "according" if match.according_to is not None else match.word.lemma
        confidence = 0.9 if match.according_to is not None else lexicon.cue_confidence(lemma)
        if match.dash:
            confidence = 0.85
        if not match.linked:
            confidence *= 0.85
        if speaker is None:
            confidence *= 0.6
            rule = CUE_WITHOUT_SPEAKER
        else:
            rule = COLON if match.via_colon else speaker.rule
    if not quote.closed:
        confidence *= 0.8
    return _Draft(
        span=quote.span,
        pieces=quote.pieces,
        kind=kind,
        cue=_cue_of(match, text) if match is not None else None,
        cue_word=match.word if match is not None else None,
        cue_sentence=match.sentence if match is not None else None,
        speaker=speaker,
        rule=rule,
        confidence=round(confidence, 3),
        direct=True,
    )


def _merge_split_quotes(drafts: list[_Draft]) -> list[_Draft]:
    """`"We will rebuild," Kovac said, "but not this year."`: one attribution, two pieces.

    Only when the shared cue stands between the two quotations, or when both are fragments of
    the one clause it reports (`called the plan "reckless" and "cruel"`); two quotes that merely
    hang on the same verb elsewhere stay apart."""
    merged: list[_Draft] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and draft.cue_word is not None
            and previous.cue_word is draft.cue_word
            and previous.span.end <= draft.span.start
            and (
                previous.span.end <= draft.cue_word.start < draft.span.start
                or (previous.kind is draft.kind is QuoteKind.PARTIAL)
            )
        ):
            merged[-1] = replace(
                previous,
                span=Span(previous.span.start, draft.span.end),
                pieces=previous.pieces + draft.pieces,
                kind=QuoteKind.PARTIAL if draft.kind is QuoteKind.PARTIAL else QuoteKind.DIRECT,
                confidence=max(previous.confidence, draft.confidence),
            )
            continue
        merged.append(draft)
    return merged


def _reported_drafts(
    layout: Layout, lexicon: Lexicon, reported: list[ReportedContent], direct: list[_Draft]
) -> list[_Draft]:
    """Reported clauses that no quotation already covers."""
    drafts: list[_Draft] = []
    text = layout.doc.text
    for item in reported:
        if any(d.span.overlaps(item.content) for d in direct):
            continue
        if item.source is not None:
            speaker: SpeakerHead | None = SpeakerHead(item.sentence, item.source, item.rule)
        else:
            speaker = speaker_at_cue(
                item.sentence, item.cue, layout, lexicon
            ) or speaker_of_participle(item.sentence, item.cue, layout, [])
        if speaker is None:
            continue
        according = item.rule == REPORTED_ACCORDING_TO
        lemma = "according to" if according else item.cue.lemma.lower()
        if item.source is not None:
            confidence = SOURCE_PHRASE_CONFIDENCE.get(item.rule, 0.6)
        elif lexicon.is_cue(lemma):
            confidence = lexicon.cue_confidence(lemma) * 0.9
        else:
            confidence = 0.35
        cue_span = Span(item.cue.start, item.cue_end.end)
        drafts.append(
            _Draft(
                span=item.content,
                pieces=(item.content,),
                kind=QuoteKind.REPORTED,
                cue=Cue(text[cue_span.start : cue_span.end], cue_span, lemma),
                cue_word=item.cue,
                cue_sentence=item.sentence,
                speaker=speaker,
                rule=item.rule,
                confidence=round(confidence, 3),
                direct=False,
            )
        )
    return drafts


def _continues_previous(draft: _Draft, previous: _Draft | None, layout: Layout) -> bool:
    """An uncued quote right after an attributed sentence keeps that speaker (C6, C7)."""
    if previous is None or previous.speaker is None or draft.cue is not None:
        return False
    previous_end = max(previous.span.end, previous.cue.span.end if previous.cue else 0)
    if draft.span.start < previous_end:
        return False
    gap = layout.sentence_index_at(draft.span.start) - layout.sentence_index_at(previous_end - 1)
    return gap <= 1


def _resolve(
    drafts: list[_Draft], layout: Layout, lexicon: Lexicon
) -> tuple[list[Quote], list[Speaker]]:
    text = layout.doc.text
    names = NameIndex(layout, lexicon)
    resolver = Resolver(names, lexicon, text)
    entities: dict[str, _EntityBuilder] = {}
    quotes: list[Quote] = []
    previous: tuple[_Draft, Referent, int] | None = None  # last attributed draft, its quote index
    for draft in drafts:
        referent: Referent | None = None
        mention: TextSpan | None = None
        rule, confidence = draft.rule, draft.confidence
        if draft.speaker is not None:
            referent, mention, roles = _resolve_speaker(
                draft.speaker, resolver, names, lexicon, text
            )
            if referent.resolved_by == "unresolved":
                confidence *= 0.8
            builder = entities.setdefault(referent.key, _EntityBuilder(referent))
            _add_unique(builder.roles, roles)
            _add_unique(builder.mentions, [mention])
        elif previous is not None and _continues_previous(draft, previous[0], layout):
            previous_draft, referent, index = previous
            if (
                draft.direct
                and index == len(quotes) - 1
                and quotes[index].kind is not QuoteKind.REPORTED
            ):
                # `"...," Kovac said. "More words."`: the same quotation goes on; one
                # attribution with another piece, as the reader takes it.
                quotes[index] = _with_piece(quotes[index], draft, text)
                extended = Span(previous_draft.span.start, draft.span.end)
                previous = (replace(previous_draft, span=extended), referent, index)
                continue
            rule, confidence = CONTINUES, 0.65 if draft.direct else 0.5
            mention = quotes[index].mention  # linked through the attribution it continues
        elif draft.direct and draft.cue is None and _is_scare_quote(draft, layout):
            continue
        quotes.append(
            Quote(
                text=text[draft.span.start : draft.span.end],
                span=draft.span,
                kind=draft.kind,
                speaker_id=referent.key if referent is not None else None,
                mention=mention,
                cue=draft.cue,
                confidence=round(confidence, 3),
                rule=rule,
                pieces=draft.pieces if len(draft.pieces) > 1 else (),
            )
        )
        if referent is not None:
            previous = (draft, referent, len(quotes) - 1)
    for builder in entities.values():
        if builder.referent.resolved_by in ("name", "pronoun", "title"):
            _add_unique(builder.roles, names.roles_of(builder.referent.name))
    return _number_speakers(quotes, entities)


def _with_piece(quote: Quote, draft: _Draft, text: str) -> Quote:
    """`quote` grown to take in the continuation `draft` as further pieces."""
    pieces = (quote.pieces or (quote.span,)) + draft.pieces
    span = Span(quote.span.start, draft.span.end)
    return replace(
        quote,
        span=span,
        text=text[span.start : span.end],
        pieces=pieces,
        kind=quote.kind if quote.kind is draft.kind else QuoteKind.DIRECT,
    )


def _is_scare_quote(draft: _Draft, layout: Layout) -> bool:
    quote = MarkedQuote(draft.span, draft.pieces, True)
    return word_count(quote, layout) <= MAX_UNCUED_LABEL_WORDS


def _resolve_speaker(
    head: SpeakerHead, resolver: Resolver, names: NameIndex, lexicon: Lexicon, text: str
) -> tuple[Referent, TextSpan, list[TextSpan]]:
    """Resolve the mention at a cue; gather the roles this mention and its entity carry."""
    sentence, word = head.sentence, head.word
    words = mention_words(sentence, word)
    mention_span = span_of(words)
    mention = TextSpan(text[mention_span.start : mention_span.end], mention_span)
    roles: list[TextSpan] = []
    target_words = words
    target_head = word
    if word.text.lower() in _RELATIVE_PRONOUNS and word.head >= 0:
        # `Kovac, who said ...`: the relative clause's head is the speaker.
        clause = sentence.words[word.head]
        if clause.deprel == "acl:relcl" and clause.head >= 0:
            target_head = sentence.words[clause.head]
            target_words = mention_words(sentence, target_head)
    reverse = reverse_apposition_name(sentence, target_head)
    if reverse is not None:
        role = head_phrase_role(text, target_words)
        if role is not None:
            roles.append(role)
        target_head = reverse
        target_words = mention_words(sentence, reverse)
    referent = resolver.resolve(target_words, sentence.paragraph)
    parts = split_name(target_words, lexicon)
    for role in (title_role(text, parts), apposition_role(text, sentence, target_head, lexicon)):
        if role is not None:
            roles.append(role)
    return referent, mention, roles


def _add_unique(items: list[TextSpan], new: list[TextSpan]) -> None:
    for item in new:
        if all(existing.text.lower() != item.text.lower() for existing in items):
            items.append(item)


def _number_speakers(
    quotes: list[Quote], entities: dict[str, _EntityBuilder]
) -> tuple[list[Quote], list[Speaker]]:
    """Give speakers short ids (s1, s2, ...) in order of their first quote."""
    ids: dict[str, str] = {}
    for quote in quotes:
        if quote.speaker_id is not None and quote.speaker_id not in ids:
            ids[quote.speaker_id] = f"s{len(ids) + 1}"
    speakers = []
    for key, speaker_id in ids.items():
        builder = entities[key]
        roles = sorted(builder.roles, key=lambda r: r.span.start)
        speakers.append(
            Speaker(
                id=speaker_id,
                name=builder.referent.name,
                kind=builder.referent.kind if builder.referent.kind else SpeakerKind.UNKNOWN,
                roles=tuple(roles),
                mentions=tuple(sorted(builder.mentions, key=lambda m: m.span.start)),
            )
        )
    renumbered = [
        replace(q, speaker_id=ids[q.speaker_id]) if q.speaker_id is not None else q for q in quotes
    ]
    return renumbered, speakers
