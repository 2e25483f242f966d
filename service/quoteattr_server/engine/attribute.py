"""engine.attribute: the engine's one entry point; runs the passes in order and nothing else.

marks -> reported content (`content.CONTENT_RULES`) -> a cue per quotation (`cues`) -> its
speaker as the cue's kind reads it (`cues.CUE_READINGS`, `speakers.SPEAKER_RULES`) ->
resolution of each speaker mention to an entity, in article order, with the quotes that continue
the previous speaker -> roles from the entity's mentions -> result.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace

from quoteattr_server.engine import confidence
from quoteattr_server.engine.acronyms import acronyms_as_names
from quoteattr_server.engine.attribution_types import with_attribution_types
from quoteattr_server.engine.confidence import rounded
from quoteattr_server.engine.content import ReportedContent, outermost, reported_contents
from quoteattr_server.engine.cue_nouns import cue_nouns_as_verbs
from quoteattr_server.engine.cues import (
    CUE_READINGS,
    CueMatch,
    cue_of,
    direct_cue_candidates,
    is_label,
    is_stage_direction,
    is_title_of_work,
    speaker_of,
    uncued_quote_kind,
    word_count,
)
from quoteattr_server.engine.department_titles import joined_department_titles
from quoteattr_server.engine.entities import NameIndex, Referent, Resolver
from quoteattr_server.engine.fingerprint import fingerprint
from quoteattr_server.engine.first_person import first_person_resolved
from quoteattr_server.engine.hyphens import (
    compounds_cut_at_hyphen,
    joined_hyphenated_names,
    name_compounds_as_modifiers,
    party_tags_set_aside,
)
from quoteattr_server.engine.late_appositions import late_appositions_rehung
from quoteattr_server.engine.layout import Layout, span_of, trim_punct
from quoteattr_server.engine.lexicon import Lexicon, load_lexicon, phrase_key
from quoteattr_server.engine.marks import (
    MarkedQuote,
    find_quotes,
    is_transcript,
    transcript_label,
)
from quoteattr_server.engine.merge import merged_speakers
from quoteattr_server.engine.plural_possessives import (
    plural_possessives_joined,
    sentences_rejoined_at_possessives,
)
from quoteattr_server.engine.post_holders import post_holders_rehung
from quoteattr_server.engine.reduced_relatives import reduced_relatives_read
from quoteattr_server.engine.role_finder import MAX_HOME_WORDS, complete_roles
from quoteattr_server.engine.roles import (
    SPEAKER_ROLE_RULES,
    RoleSite,
    head_phrase_role,
    name_under_title,
    reverse_apposition_name,
    roles_at,
    split_name,
    titles_a_description,
)
from quoteattr_server.engine.rules import CueKind, Rule
from quoteattr_server.engine.sources import enrich_speakers
from quoteattr_server.engine.speakers import (
    CueSite,
    SpeakerHead,
    after_party_tag,
    description_tail,
    introduced_before,
    introduced_by_colon,
    is_participle,
    is_person_noun,
    is_source_noun,
    mention_words,
    name_after_cue,
    name_set_off_after,
    named_by_participle,
    organization_name,
    owned_after,
    phrase_head,
    speaker_at_cue,
    transcript_speaker,
)
from quoteattr_server.engine.split_appositions import appositions_joined
from quoteattr_server.engine.split_names import split_names_joined
from quoteattr_server.engine.subject_repairs import subjects_repaired
from quoteattr_server.engine.types import (
    AttributionResult,
    AttributionType,
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
from quoteattr_server.engine.wire import (
    without_anonymity_grants,
    without_corrections,
    without_implausible_speakers,
)

ENGINE_VERSION = "0.8.0"

# A quoted phrase this short with no cue is a scare quote, a title or a label, not speech.
MAX_UNCUED_LABEL_WORDS = 3


@dataclass(slots=True)
class _Draft:
    """An attribution before its speaker is resolved to an entity."""

    span: Span
    pieces: tuple[Span, ...]
    kind: QuoteKind
    cue: Cue | None
    cue_word: Word | None
    speaker: SpeakerHead | None
    rule: Rule
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
    attribution_types: Collection[AttributionType] = (),
) -> AttributionResult:
    """Every quotation and reported-speech attribution in `doc`, with speakers and roles.

    The caller's selection (`include_reported`, `min_confidence`, `attribution_types`: empty
    means all) applies last, to the finished attributions; speakers left with no quote go too.
    """
    lexicon = lexicon or _default_lexicon()
    doc = sentences_rejoined_at_possessives(doc)
    doc = party_tags_set_aside(compounds_cut_at_hyphen(joined_hyphenated_names(doc)))
    doc = name_compounds_as_modifiers(doc)
    doc = acronyms_as_names(joined_department_titles(doc, lexicon))
    doc = post_holders_rehung(doc, lexicon)
    doc = late_appositions_rehung(split_names_joined(doc, lexicon), lexicon)
    doc = appositions_joined(subjects_repaired(plural_possessives_joined(doc), lexicon))
    doc = reduced_relatives_read(cue_nouns_as_verbs(doc, lexicon), lexicon)
    layout = Layout(doc, find_quotes(doc.text, doc.paragraphs))
    reported = reported_contents(layout, lexicon)
    drafts = _direct_drafts(layout, lexicon, reported)
    drafts.extend(_reported_drafts(layout, lexicon, reported, drafts))
    drafts.sort(key=lambda d: d.span.start)
    resolution = _Resolution(layout, lexicon)
    for draft in drafts:
        resolution.add(draft)
    quotes, speakers = resolution.result()
    found = AttributionResult(
        quotes=tuple(with_fingerprint(q, doc.text) for q in quotes), speakers=tuple(speakers)
    )
    # Passes over the finished attributions: sourcing conventions, then roles and names read at
    # every mention, then the speakers' gender, anonymity and category, then what each quote
    # attributes.
    found = without_anonymity_grants(found, doc.text)
    found = without_implausible_speakers(
        without_corrections(found), lexicon.not_speakers, lexicon.time_words
    )
    quoted = [quote.span for quote in layout.quotes]
    found = merged_speakers(complete_roles(doc, found, lexicon, quoted), doc.text, doc.paragraphs)
    found = first_person_resolved(found, doc.text, doc.paragraphs, quoted)
    found = enrich_speakers(doc, found)
    found = with_attribution_types(found, lexicon)
    return _selected(found, include_reported, min_confidence, frozenset(attribution_types))


def _selected(
    result: AttributionResult,
    include_reported: bool,
    min_confidence: float,
    types: frozenset[AttributionType],
) -> AttributionResult:
    kept = tuple(
        q
        for q in result.quotes
        if q.confidence >= min_confidence
        and (include_reported or q.kind is not QuoteKind.REPORTED)
        and (not types or q.attribution_type in types)
    )
    return result.with_quotes(kept)


def with_fingerprint(quote: Quote, text: str) -> Quote:
    """The quote with its fingerprint, computed over its pieces (or its whole text)."""
    pieces = [text[p.start : p.end] for p in quote.pieces] or [quote.text]
    return replace(quote, fingerprint=fingerprint(pieces))


def _direct_drafts(
    layout: Layout, lexicon: Lexicon, reported: list[ReportedContent]
) -> list[_Draft]:
    drafts: list[_Draft] = []
    earlier_speakers: list[SpeakerHead] = []
    transcript = is_transcript(layout.doc.text, layout.doc.paragraphs)
    for quote in layout.quotes:
        if is_label(quote, layout, lexicon) or is_stage_direction(quote, layout.doc.text):
            continue
        if transcript and transcript_label(layout.doc.text, quote.span.start + 1, quote.span.end):
            line = transcript_speaker(quote.span, layout, lexicon)
            if line is not None:  # else a label with nothing said after it
                drafts.append(_transcript_draft(quote, *line))
            continue
        candidates = _within_colon_introduction(
            quote, direct_cue_candidates(quote, layout, lexicon), layout, lexicon
        )
        enclosing = _enclosing_report(quote, reported, layout.doc.text)
        if enclosing is not None:
            candidates.append(enclosing)
        match = candidates[0] if candidates else None
        if is_title_of_work(quote, layout, lexicon) and not _exclaimed(quote, layout.doc.text):
            continue
        match, speaker = _first_with_speaker(candidates, match, layout, lexicon, earlier_speakers)
        if speaker is not None:
            earlier_speakers.append(speaker)
        drafts.append(_direct_draft(quote, match, speaker, layout, lexicon))
    return _merge_split_quotes(drafts, layout)


def _within_colon_introduction(
    quote: MarkedQuote, candidates: list[CueMatch], layout: Layout, lexicon: Lexicon
) -> list[CueMatch]:
    """`"...," James said. Celtics coach Joe Moran was less happy: "..."`: a quotation whose
    own sentence introduces it with a colon after a person takes no cue from another sentence
    (James's "said"), so that person speaks it."""
    if not candidates or introduced_by_colon(layout, lexicon, quote.span) is None:
        return candidates
    sentence = layout.sentences[layout.sentence_index_at(quote.span.start)]
    return [c for c in candidates if sentence.start <= c.word.start < sentence.end]


def _transcript_draft(quote: MarkedQuote, speaker: SpeakerHead, words: Span) -> _Draft:
    """A transcript line: its words after the speaker's label, spoken by the label's name. The
    next label ends it, so no closing mark is missing."""
    pieces = quote.pieces
    if len(pieces) > 1:  # an answer over several paragraphs
        pieces = (Span(words.start, pieces[0].end), *pieces[1:])
    return _Draft(
        span=words,
        pieces=pieces if len(pieces) > 1 else (),
        kind=QuoteKind.DIRECT,
        cue=None,
        cue_word=None,
        speaker=speaker,
        rule=Rule.TRANSCRIPT,
        confidence=confidence.TRANSCRIPT,
        direct=True,
    )


def _exclaimed(quote: MarkedQuote, text: str) -> bool:
    """`chanting "Lock Her Up!"`: a slogan called out is speech, though in title case."""
    return any(mark in text[quote.span.start : quote.span.end] for mark in "!?")


def _first_with_speaker(
    candidates: list[CueMatch],
    best: CueMatch | None,
    layout: Layout,
    lexicon: Lexicon,
    earlier: list[SpeakerHead],
) -> tuple[CueMatch | None, SpeakerHead | None]:
    """The first cue whose speaker is found (`Asked about the fire, Kovac said, "..."`), else
    the best cue without one. Quoted words never speak themselves: `admitted there were "a few
    skippers" who worry about them` is not said by "a few skippers"."""
    for candidate in candidates:
        speaker = speaker_of(candidate, layout, lexicon, earlier)
        if speaker is not None and layout.inside_quote(_named_word(speaker, lexicon)):
            # A cue of the quoted words themselves: no cue of this quote at all.
            best = None if best is candidate else best
            continue
        if speaker is not None and _thing_of_relative_clause(speaker, lexicon):
            # `told analysts on a call that demand remained "soft"`, parsed with "demand" a
            # verb of a relative clause on "call": a thing cannot speak; the next cue may.
            best = None if best is candidate else best
            continue
        if speaker is not None:
            return candidate, speaker
    return best, None


def _thing_of_relative_clause(speaker: SpeakerHead, lexicon: Lexicon) -> bool:
    """The speaker is a relative pronoun whose noun is a common noun of no one who can
    speak: no person, body, group, document or statement."""
    word = speaker.word
    if not lexicon.pronouns.is_relative_speaker(word) or word.head < 0:
        return False
    noun = _speaking_antecedent(speaker.sentence, word, lexicon)
    return noun is not None and _is_mute_noun(noun, lexicon)


def _is_mute_noun(noun: Word, lexicon: Lexicon) -> bool:
    """A common noun of no one who can speak: no person, body, group, document or statement."""
    return (
        noun.upos == "NOUN"
        and not is_source_noun(noun, lexicon)
        and not is_person_noun(noun, lexicon)
        and noun.lemma.lower() not in lexicon.genders
        and noun.lemma.lower()
        not in lexicon.relation_nouns | lexicon.holder_nouns | lexicon.standing_nouns
        # `a comment that described ...` speaks for its maker; `a call that ...` does not.
        and noun.lemma.lower() not in lexicon.reporting_nouns - lexicon.speech_venues
    )


# Relative pronouns that stand for people only: `the verdict of Judge Nwosu, who dismissed`.
_PERSONAL_RELATIVES = frozenset({"who", "whom"})


def _stands_for_no_one(noun: Word, pronoun: Word, lexicon: Lexicon) -> bool:
    """A relative pronoun's noun that is no one it could stand for: a thing that says nothing,
    or, for "who", a statement or document (which speaks for its maker, but is no "who")."""
    if _is_mute_noun(noun, lexicon):
        return True
    lemma = noun.lemma.lower()
    return (
        pronoun.text.lower() in _PERSONAL_RELATIVES
        and noun.upos == "NOUN"
        and (lemma in lexicon.reporting_nouns or lemma in lexicon.artefacts)
    )


def _speaking_antecedent(sentence: Sentence, pronoun: Word, lexicon: Lexicon) -> Word | None:
    """The noun a relative pronoun of a speaker stands for. `in the mouth of Mayor Holm, who
    declared ...`: a relative clause hung on a thing that cannot speak stands for the name
    right before its comma, when that name is the thing's "of" phrase."""
    noun = _relative_antecedent(sentence, pronoun)
    if noun is None or not _stands_for_no_one(noun, pronoun, lexicon) or pronoun.index < 2:
        return noun
    before = sentence.words[pronoun.index - 2]
    for owner in sentence.children(noun.index):
        if (
            owner.deprel == "nmod"
            and owner.upos == "PROPN"
            and any(w.text.lower() == "of" for w in sentence.children(owner.index))
            and mention_words(sentence, owner)[-1].index == before.index
        ):
            return owner
    return _people_above(sentence, noun, pronoun, lexicon) or noun


def _people_above(sentence: Sentence, noun: Word, pronoun: Word, lexicon: Lexicon) -> Word | None:
    """`listeners to his radio show who said ...`: "who" right after a thing that is the
    complement of a noun of people, with no comma between, stands for those people."""
    if pronoun.text.lower() not in _PERSONAL_RELATIVES or (
        pronoun.index > 0 and sentence.words[pronoun.index - 1].text == ","
    ):
        return None
    current = noun
    while current.deprel == "nmod" and current.head >= 0:
        current = sentence.words[current.head]
        if is_person_noun(current, lexicon) or is_source_noun(current, lexicon):
            return current if current.upos == "NOUN" else None
    return None


def _named_word(speaker: SpeakerHead, lexicon: Lexicon) -> Word:
    """The word a speaker head names: a relative pronoun's antecedent, else the head itself."""
    word = speaker.word
    if lexicon.pronouns.is_relative_speaker(word) and word.head >= 0:
        return _speaking_antecedent(speaker.sentence, word, lexicon) or word
    return word


def _enclosing_report(
    quote: MarkedQuote, reported: list[ReportedContent], text: str
) -> CueMatch | None:
    """`According to Kovac, the levy smacks of "panic"`: a quoted fragment with no cue of its
    own, inside a reported clause, is a partial quote of that clause's source; a headline's
    quotation that is all a name's content after its colon, less its marks, is that name's
    (`Zelensky: 'We will not give up'`)."""
    inner = _within_marks(quote.span, text)
    words = _without_final_stop(inner, text)
    for item in reported:
        whole = item.rule is Rule.NAME_COLON and item.content == inner
        if not (item.content.contains(quote.span) or item.content.contains(words) or whole):
            continue
        if item.rule is Rule.ACCORDING_TO:
            return CueMatch(
                CueKind.ACCORDING_TO, item.sentence, item.cue, linked=True, last=item.cue_end
            )
        if item.source is not None:
            source = SpeakerHead(item.sentence, item.source, item.rule)
            return CueMatch(CueKind.SOURCE, item.sentence, item.cue, linked=True, source=source)
        return CueMatch(CueKind.VERB, item.sentence, item.cue, linked=True)
    return None


# Characters of quotation marks, single and double, straight and curly, and backticks.
_QUOTE_MARK_CHARACTERS = frozenset("\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb")


def _within_marks(span: Span, text: str) -> Span:
    """The span of a quotation without its marks and the spaces inside them."""
    start, end = span.start, span.end
    while start < end and (text[start] in _QUOTE_MARK_CHARACTERS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _QUOTE_MARK_CHARACTERS or text[end - 1].isspace()):
        end -= 1
    return Span(start, end)


# Punctuation that ends a quoted sentence inside its closing mark (`is "catastrophic."`),
# which the parser leaves out of the clause the quoted words end.
_FINAL_STOPS = frozenset(".,;:!?\u2026")


def _without_final_stop(span: Span, text: str) -> Span:
    """`catastrophic.` as the words `catastrophic`: a reported clause ends at its last word,
    before the stop the writer put inside the closing mark."""
    end = span.end
    while end > span.start and text[end - 1] in _FINAL_STOPS:
        end -= 1
    return Span(span.start, end)


def _direct_draft(
    quote: MarkedQuote,
    match: CueMatch | None,
    speaker: SpeakerHead | None,
    layout: Layout,
    lexicon: Lexicon,
) -> _Draft:
    if match is None:
        kind = uncued_quote_kind(quote, layout)
        score, rule = confidence.UNATTRIBUTED, Rule.UNATTRIBUTED
    else:
        reading = CUE_READINGS[match.kind]
        kind = reading.quote_kind(match, quote, layout)
        score = reading.confidence(match, lexicon)
        if not match.linked:
            score *= confidence.UNLINKED_CUE
        if speaker is None:
            score *= confidence.CUE_WITHOUT_SPEAKER
            rule = Rule.CUE_WITHOUT_SPEAKER
        else:
            rule = reading.rule or speaker.rule
    if not quote.closed:
        score *= confidence.UNCLOSED
    return _Draft(
        span=quote.span,
        pieces=quote.pieces,
        kind=kind,
        cue=cue_of(match, layout.doc.text) if match is not None else None,
        cue_word=match.word if match is not None else None,
        speaker=speaker,
        rule=rule,
        confidence=rounded(score),
        direct=True,
    )


def _another_verb_between(layout: Layout, previous: _Draft, draft: _Draft) -> bool:
    """`"...," the mayor said, adding that repairs need "another week"`: a second verb between
    the quotations starts a clause of its own, so the second quote is no piece of the first;
    not a verb of the one clause the cue reports, which holds both quotations (`called his
    "friend and colleague" Ana Lind a "tireless" leader`)."""
    between = Span(previous.span.end, draft.span.start)
    for index in layout.sentences_overlapping(between):
        sentence = layout.sentences[index]
        clause = _reported_clause_holding(sentence, draft.cue_word, previous.span, draft.span)
        for word in sentence.words:
            if (
                word.upos == "VERB"
                and word is not draft.cue_word
                and between.contains(word.span)
                and word.index not in clause
            ):
                return True
    return False


def _reported_clause_holding(
    sentence: Sentence, cue: Word | None, first: Span, second: Span
) -> set[int]:
    """The words of the cue's one dependent whose subtree holds words of both quotations."""
    if cue is None or not sentence.start <= cue.start < sentence.end:
        return set()
    for child in sentence.children(cue.index):
        words = sentence.subtree(child.index)
        if any(first.contains(w.span) for w in words) and any(
            second.contains(w.span) for w in words
        ):
            return {w.index for w in words}
    return set()


def _merge_split_quotes(drafts: list[_Draft], layout: Layout) -> list[_Draft]:
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
            and not _another_verb_between(layout, previous, draft)
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
        item = _before_quoted_report(item, direct, layout)
        if any(d.span.overlaps(item.content) for d in direct):
            continue
        if item.source is not None:
            speaker: SpeakerHead | None = SpeakerHead(item.sentence, item.source, item.rule)
        else:
            speaker = speaker_at_cue(CueSite(item.sentence, item.cue, layout, lexicon))
        if speaker is not None and speaker.rule is Rule.PASSIVE_AGENT:
            # `was called by the party to force ...`: what a passive cue reports is its subject
            # (`reported passive`), never a phrase after it; its agent speaks quotations only.
            speaker = None
        if speaker is not None and _holds(item, speaker.word):
            # What someone said never holds the one who said it: `Ruiz's attempt to explain
            # the fees ..., said one person`, parsed with "attempt" the subject of "said", is
            # the person's after the cue; `Dr. Ines Varga, who ..., said that ...`, read as
            # a parataxis of the clause after, nobody's.
            after = name_after_cue(CueSite(item.sentence, item.cue, layout, lexicon))
            if after is None or _holds(item, after):
                continue
            speaker = SpeakerHead(item.sentence, after, Rule.NAME_AFTER_CUE)
        if speaker is None:
            drafts.extend(_reported_drafts(layout, lexicon, outermost(item.nested), direct))
            continue
        lemma = _reported_lemma(item)
        cue_span = Span(item.cue.start, item.cue_end.end)
        drafts.append(
            _Draft(
                span=item.content,
                pieces=item.pieces or (item.content,),
                kind=QuoteKind.REPORTED,
                cue=Cue(text[cue_span.start : cue_span.end], cue_span, lemma),
                cue_word=item.cue,
                speaker=speaker,
                rule=item.rule,
                confidence=rounded(_reported_confidence(item, lemma, lexicon)),
                direct=False,
            )
        )
    return drafts


def _before_quoted_report(
    item: ReportedContent, direct: list[_Draft], layout: Layout
) -> ReportedContent:
    """`who said he was stiffed after he designed a clubhouse, saying, "Maybe ..."`: a
    quotation introduced by a participle set off by a comma (`, saying,`, `, adding:`) inside
    the reported content ends that content before the participle."""
    content = item.content
    words = item.sentence.words
    cues = [
        d.cue_word
        for d in direct
        if d.cue_word is not None
        and d.span.overlaps(content)
        and content.start < d.cue_word.start < content.end
        and d.cue_word.start < d.span.start
        and is_participle(d.cue_word)
        and d.cue_word.index > 0
        and words[d.cue_word.index - 1].text == ","
    ]
    if not cues or item.pieces:
        return item
    cut = min(cue.start for cue in cues)
    before = [w for w in words if content.start <= w.start and w.end <= cut]
    kept = trim_punct(before)
    if not kept or layout.inside_quote(kept[-1]):
        return item
    return replace(item, content=Span(content.start, kept[-1].end))


def _holds(item: ReportedContent, word: Word) -> bool:
    """Whether a reported content holds `word` (a medial cue's content is in pieces around its
    source: `The museum, Mr. Bush said, celebrated ...` holds no Bush)."""
    return any(piece.contains(word.span) for piece in item.pieces or (item.content,))


def _reported_lemma(item: ReportedContent) -> str:
    """The lexicon key of a reported attribution's cue: `say`, `put_it`, "according to"."""
    if item.rule is Rule.ACCORDING_TO:
        return "according to"
    if item.rule is Rule.BELIEF_ADJECTIVE:
        return item.cue.text.lower()  # `convinced`, not the verb "convince"
    lemma = item.cue.lemma.lower()
    return lemma if item.cue_end is item.cue else phrase_key(lemma, item.cue_end.text)


def _reported_confidence(item: ReportedContent, lemma: str, lexicon: Lexicon) -> float:
    if item.source is not None and item.rule in confidence.SOURCE_PHRASE:
        return confidence.SOURCE_PHRASE[item.rule]
    if lexicon.is_cue(lemma):
        return lexicon.cue_confidence(lemma) * confidence.REPORTED_CUE
    return confidence.REPORTED_OTHER_VERB


def _continues_previous(draft: _Draft, previous: _Draft | None, layout: Layout) -> bool:
    """An uncued quote right after an attributed sentence keeps that speaker (C6, C7)."""
    if previous is None or previous.speaker is None or draft.cue is not None:
        return False
    previous_end = max(previous.span.end, previous.cue.span.end if previous.cue else 0)
    if draft.span.start < previous_end:
        return False
    gap = layout.sentence_index_at(draft.span.start) - layout.sentence_index_at(previous_end - 1)
    return gap <= 1 and not _embedded_fragment(draft, layout)


def _embedded_fragment(draft: _Draft, layout: Layout) -> bool:
    """`... its "chief harbour correspondent" Mira ...`: a few quoted words inside a
    sentence of the writer's own are a label or an echo, not a further quotation."""
    sentence = layout.sentences[layout.sentence_index_at(draft.span.start)]
    words = [w for w in sentence.words if w.upos != "PUNCT"]
    before = [w for w in words if w.end <= draft.span.start]
    inside = [w for w in words if draft.span.contains(w.span)]
    return bool(before) and len(inside) <= MAX_UNCUED_LABEL_WORDS


@dataclass(slots=True)
class _Attributed:
    """The last quote with a speaker: its draft, its referent, its place among the quotes."""

    draft: _Draft
    referent: Referent
    index: int


class _Resolution:
    """Resolves drafts to speakers in article order; the speakerless ones continue the previous
    speaker (`Rule.CONTINUES`), stay unattributed, or drop as scare quotes."""

    def __init__(self, layout: Layout, lexicon: Lexicon) -> None:
        self.layout = layout
        self.lexicon = lexicon
        self.text = layout.doc.text
        self.names = NameIndex(layout, lexicon)
        self.resolver = Resolver(self.names, lexicon, self.text)
        self.entities: dict[str, _EntityBuilder] = {}
        self.quotes: list[Quote] = []
        self.previous: _Attributed | None = None

    def add(self, draft: _Draft) -> None:
        if draft.speaker is not None:
            self._attributed(draft, draft.speaker)
        elif (by_colon := self._introduced_by_colon(draft)) is not None:
            self._attributed(*by_colon)
        elif self.previous is not None and _continues_previous(
            draft, self.previous.draft, self.layout
        ):
            self._continued(draft, self.previous)
        elif (introduced := self._introduced(draft)) is not None:
            self._attributed(*introduced)
        elif not (draft.direct and draft.cue is None and _is_scare_quote(draft, self.layout)):
            self._emit(draft, None, None, draft.rule, draft.confidence)

    def _introduced_by_colon(self, draft: _Draft) -> tuple[_Draft, SpeakerHead] | None:
        """`Her deputy, Alain Fortier, was more optimistic: "..."`: the subject of the clause the
        colon ends speaks, before any speaker of the quotation just before."""
        if draft.cue is not None or not draft.direct:
            return None
        head = introduced_by_colon(self.layout, self.lexicon, draft.span)
        if head is None:
            return None
        introduced = replace(
            draft,
            speaker=head,
            rule=Rule.INTRODUCED,
            kind=QuoteKind.DIRECT,
            confidence=confidence.INTRODUCED,
        )
        return introduced, head

    def _introduced(self, draft: _Draft) -> tuple[_Draft, SpeakerHead] | None:
        """An uncued quotation with the speaker the sentence before introduces."""
        if not draft.direct or draft.cue is not None:
            return None
        head = introduced_before(self.layout, self.lexicon, draft.span)
        if head is None:
            return None
        introduced = replace(
            draft, speaker=head, rule=Rule.INTRODUCED, confidence=confidence.INTRODUCED
        )
        return introduced, head

    def _attributed(self, draft: _Draft, speaker: SpeakerHead) -> None:
        resolved = _resolve_speaker(
            speaker, self.resolver, self.lexicon, self.text, cue=draft.cue_word
        )
        if draft.rule is Rule.TRANSCRIPT and resolved.referent.name.isupper():
            # `"WALLACE: ...` with the name written nowhere else: "Wallace", as a name reads.
            titled = replace(resolved.referent, name=resolved.referent.name.title())
            resolved = replace(resolved, referent=titled)
        referent, mention = resolved.referent, resolved.mention
        score = draft.confidence
        if referent.resolved_by == "unresolved":
            score *= confidence.UNRESOLVED
        for found in (resolved, *resolved.partners):
            builder = self.entities.setdefault(found.referent.key, _EntityBuilder(found.referent))
            _add_unique(builder.roles, found.roles)
            written = [found.referent.written] if found.referent.written else []
            _add_unique(builder.mentions, [found.own or found.mention, *written])
        partners = tuple(p.referent.key for p in resolved.partners)
        self._emit(draft, referent, mention, draft.rule, score, partners)

    def _continued(self, draft: _Draft, previous: _Attributed) -> None:
        quotes = self.quotes
        index = previous.index
        if (
            draft.direct
            and index == len(quotes) - 1
            and quotes[index].kind is not QuoteKind.REPORTED
        ):
            # `"...," Kovac said. "More words."`: the same quotation goes on; one attribution
            # with another piece, as the reader takes it.
            quotes[index] = _with_piece(quotes[index], draft, self.text)
            extended = Span(previous.draft.span.start, draft.span.end)
            self.previous = _Attributed(
                replace(previous.draft, span=extended), previous.referent, index
            )
            return
        # linked through the attribution it continues
        mention = quotes[index].mention
        score = confidence.CONTINUES[draft.direct]
        partners = quotes[index].co_speaker_ids
        self._emit(draft, previous.referent, mention, Rule.CONTINUES, score, partners)

    def _emit(
        self,
        draft: _Draft,
        referent: Referent | None,
        mention: TextSpan | None,
        rule: Rule,
        score: float,
        partners: tuple[str, ...] = (),
    ) -> None:
        self.quotes.append(
            Quote(
                text=self.text[draft.span.start : draft.span.end],
                span=draft.span,
                kind=draft.kind,
                speaker_id=referent.key if referent is not None else None,
                mention=mention,
                cue=draft.cue,
                confidence=rounded(score),
                rule=rule.value,  # the plain string clients have always seen
                pieces=draft.pieces if len(draft.pieces) > 1 else (),
                co_speaker_ids=partners,
            )
        )
        if referent is not None:
            self.previous = _Attributed(draft, referent, len(self.quotes) - 1)

    def result(self) -> tuple[list[Quote], list[Speaker]]:
        for builder in self.entities.values():
            if builder.referent.resolved_by in ("name", "pronoun", "title"):
                _add_unique(builder.roles, self.names.roles_of(builder.referent.name))
        return _number_speakers(self.quotes, self.entities)


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


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A speaker mention resolved: who, the words that name them, the roles written there, and
    the others named beside them as saying it together."""

    referent: Referent
    mention: TextSpan
    roles: list[TextSpan]
    partners: tuple[_Resolved, ...] = ()
    # In a conjunction, the speaker's own words ("Tomas Ruiz" of "Ana Kovac and Tomas Ruiz"):
    # the mention the speaker is listed with, and the only one its analytics read.
    own: TextSpan | None = None


def _resolve_speaker(
    head: SpeakerHead, resolver: Resolver, lexicon: Lexicon, text: str, cue: Word | None = None
) -> _Resolved:
    """Resolve the mention at a cue; gather the roles this mention and its entity carry."""
    sentence, word = head.sentence, _past_honorific(head.sentence, head.word, lexicon)
    words = description_tail(
        sentence,
        organization_name(sentence, mention_words(sentence, word), lexicon),
        lexicon,
        cue=cue,
    )
    roles: list[TextSpan] = []
    target_words = words
    target_head = word
    owned = owned_after(sentence, words)
    # `The club's statement`, `message`; `Lee's criticism of the deal`, a view the owner holds.
    said = lexicon.artefacts | lexicon.reporting_nouns | lexicon.stance_words | lexicon.claim_nouns
    if owned and owned[-1].lemma.lower() not in said and owned[-1].text.lower() not in said:
        # `The Bank of England's governor, Andrew Bailey, said`, parsed with the bank as the
        # subject: the governor speaks, by the name set off after the role when there is one.
        described = [*words, *owned]
        named = name_set_off_after(sentence, owned[-1])
        words = target_words = mention_words(sentence, named) if named else described
        target_head = named or owned[-1]
        if named:
            roles.append(TextSpan(text[described[0].start : described[-1].end], span_of(described)))
    mention_span = span_of(words)
    mention = TextSpan(text[mention_span.start : mention_span.end], mention_span)
    if lexicon.pronouns.is_relative_speaker(word) and word.head >= 0:
        # `Kovac, who said ...`: the relative clause's head is the speaker.
        antecedent = _speaking_antecedent(sentence, word, lexicon)
        if antecedent is not None:
            target_head = _described_by_predicate(sentence, antecedent)
            target_words = mention_words(sentence, target_head)
    titled = name_under_title(sentence, target_head, lexicon)
    if titled is not None:
        target_head = titled
        target_words = mention_words(sentence, titled)
        mention_span = Span(mention_span.start, max(mention_span.end, target_words[-1].end))
        mention = TextSpan(text[mention_span.start : mention_span.end], mention_span)
    target_head, target_words, referent = _through_name_set_off(
        sentence, target_head, target_words, resolver, lexicon, text, roles
    )
    parts = split_name(target_words, lexicon)
    roles.extend(
        roles_at(RoleSite(text, sentence, target_head, parts, lexicon), SPEAKER_ROLE_RULES)
    )
    if not _is_named_person(referent):
        return _Resolved(referent, mention, roles)
    conjuncts = list(_conjoined(sentence, target_head, target_words, resolver, lexicon, text))
    partners = tuple(
        part
        for part in conjuncts
        if part.referent.key != referent.key and _is_named_person(part.referent)
    )
    own = next((part.mention for part in conjuncts if part.referent.key == referent.key), None)
    return _Resolved(referent, mention, roles, partners, own if partners else None)


def _past_honorific(sentence: Sentence, word: Word, lexicon: Lexicon) -> Word:
    """`a speech Mrs. Clinton delivered`, parsed with "Mrs." as the head: an honorific alone
    names no one; the name after it does."""
    following = sentence.words[word.index + 1] if word.index + 1 < len(sentence.words) else None
    if following is None or following.upos != "PROPN" or not lexicon.is_honorific(word.text):
        return word
    if following in mention_words(sentence, word):
        return word  # `Mr. Ruiz's letter`: the name is the honorific's already
    return phrase_head(sentence, following)


def _through_name_set_off(
    sentence: Sentence,
    head: Word,
    words: list[Word],
    resolver: Resolver,
    lexicon: Lexicon,
    text: str,
    roles: list[TextSpan],
) -> tuple[Word, list[Word], Referent]:
    """The speaker a description names: the name set off after it (`The spokeswoman for the
    Foreign Office, Emma Lloyd, declined`, also with the name hung on the complement), whose
    role the description then is; not a body's name set off after its own description, where
    the person described speaks (`A spokeswoman for the maker, Corbel Pharma, said`)."""
    apposed = reverse_apposition_name(sentence, _one_of(sentence, head), lexicon)
    reverse = apposed or (
        name_set_off_after(sentence, head, title=titles_a_description(sentence, head, lexicon))
    )
    if reverse is None:
        reverse, words = _named_by_participle(sentence, head, words, lexicon, text, roles)
    if reverse is not None:
        reverse = _past_honorific(sentence, reverse, lexicon)
        named = mention_words(sentence, reverse)
        referent = resolver.resolve(named, sentence.paragraph)
        # `A spokeswoman for the maker, Corbel Pharma,`: a body named after the complement is
        # the complement's; the person described speaks (`parent` may be a body). A body set
        # off right after the noun is what it describes: `Her landlord, Harbour Homes,`.
        person = lexicon.is_role_word(head.lemma) and head.lemma not in lexicon.relation_nouns
        right_after = apposed is not None or _comma_after(sentence, head)
        if not (referent.kind is SpeakerKind.ORGANIZATION and person and not right_after):
            role = head_phrase_role(text, words)
            if role is not None:
                roles.append(role)
            return reverse, named, referent
    return head, words, resolver.resolve(words, sentence.paragraph)


def _comma_after(sentence: Sentence, word: Word) -> bool:
    following = word.index + 1
    return following < len(sentence.words) and sentence.words[following].text == ","


def _named_by_participle(
    sentence: Sentence,
    head: Word,
    words: list[Word],
    lexicon: Lexicon,
    text: str,
    roles: list[TextSpan],
) -> tuple[Word | None, list[Word]]:
    """`Her neighbour, a rickshaw driver named Rafiq, said`: the name after "named", with the
    description set off before it as a role when its noun is one of a post or occupation;
    the words of the head's own description, emptied when they hold no role (the roles read
    at the name later give `A woman` of `A woman named Grace Okafor` all the same)."""
    found = named_by_participle(sentence, head, lexicon)
    if found is None:
        return None, words
    name, described = found
    if described is not head and lexicon.is_role_word(described.lemma):
        role = head_phrase_role(text, mention_words(sentence, described))
        if role is not None:
            roles.append(role)
    return name, words if lexicon.is_role_word(head.lemma) else []


def _one_of(sentence: Sentence, head: Word) -> Word:
    """`One of the victims, Sunita Deshmukh, 68, said`: the noun of the "of" phrase, which the
    name is set off after; else `head`."""
    if head.upos != "NUM" or head.lemma.lower() != "one":
        return head
    return next(
        (c for c in sentence.children(head.index) if c.deprel == "nmod" and c.upos == "NOUN"),
        head,
    )


def _relative_antecedent(sentence: Sentence, pronoun: Word) -> Word | None:
    """The noun a relative pronoun stands for: the head of its relative clause; when the parser
    hung the clause on a verb (`credited to Mayor Tomas Ruiz, who proposed ...` as an
    adverbial clause), the noun phrase right before it and its comma."""
    clause = sentence.words[pronoun.head]
    while clause.deprel == "conj" and clause.head >= 0:
        clause = sentence.words[clause.head]  # `... who lives here and who asked not to be named`
    if clause.deprel == "acl:relcl" and clause.head >= 0:
        noun = sentence.words[clause.head]
        if noun.deprel == "appos" and noun.head >= 0 and sentence.words[noun.head].upos == "PROPN":
            # `Rebecca Osei, an economist at Hallam Partners, who expects ...`: the named one.
            return sentence.words[noun.head]
        set_off = pronoun.index > 0 and sentence.words[pronoun.index - 1].text == ","
        return (_name_apposed_above(sentence, noun) if set_off else None) or noun
    before = pronoun.index - 1
    if before < 1 or sentence.words[before].text != ",":
        return None
    noun = sentence.words[before - 1]
    if noun.upos == "NUM" and before >= 3 and sentence.words[before - 2].text == ",":
        noun = sentence.words[before - 3]  # `Maria, 34, who asked ...`: past the age
    return phrase_head(sentence, noun) if noun.upos in ("NOUN", "PROPN") else None


# How a noun inside an apposition hangs on the apposition's head: `a charity that runs the
# shelters`, `a unit of the ministry`.
_INSIDE_APPOSITION = frozenset({"obj", "nmod", "obl", "acl:relcl", "acl", "compound"})
MAX_APPOSITION_DEPTH = 4


def _name_apposed_above(sentence: Sentence, noun: Word) -> Word | None:
    """`the Harbour Trust, a charity that runs the shelters, which said ...`: a relative set
    off by a comma after an apposition to a name, which the parser hung on a noun inside the
    apposition, stands for the name."""
    current = noun
    for _ in range(MAX_APPOSITION_DEPTH):
        if current.head < 0:
            return None
        above = sentence.words[current.head]
        if current.deprel == "appos":
            return above if above.upos == "PROPN" and current is not noun else None
        if current.deprel not in _INSIDE_APPOSITION:
            return None
        current = above
    return None


def _described_by_predicate(sentence: Sentence, noun: Word) -> Word:
    """`Kovac is a former harbour pilot who is ...`: a relative clause on a predicate
    noun describes the copula's subject; also on the last of coordinated predicate nouns
    (`Kovac is a pilot, a sailor and a writer who ...`), whose subject may be that of the verb
    the predicate is coordinated with (`Kovac sails and is a writer who ...`)."""
    predicate = noun
    while predicate.deprel == "conj" and predicate.head >= 0:
        if any(c.deprel == "cop" for c in sentence.children(predicate.index)):
            break
        predicate = sentence.words[predicate.head]
    if not any(c.deprel == "cop" for c in sentence.children(predicate.index)):
        return noun
    holders = [predicate]
    if predicate.deprel == "conj" and predicate.head >= 0:
        holders.append(sentence.words[predicate.head])
    subject = next(
        (
            c
            for holder in holders
            for c in sentence.children(holder.index)
            if c.deprel == "nsubj" and c.upos == "PROPN"
        ),
        None,
    )
    return subject or noun


def _is_named_person(referent: Referent) -> bool:
    """Named, and not an organization: "Kovac and Ruiz" are two speakers; "Coastguard and
    Harbour Agency" and "supporters and developers" are one."""
    return referent.resolved_by == "name" and referent.kind in (
        SpeakerKind.PERSON,
        SpeakerKind.UNKNOWN,
    )


def _conjoined(
    sentence: Sentence,
    head: Word,
    words: list[Word],
    resolver: Resolver,
    lexicon: Lexicon,
    text: str,
) -> Iterator[_Resolved]:
    """`Mr. Ruiz and Ms. Kovac said`, `Chile, Peru and Bolivia said`: each conjunct of a
    speaker mention speaks too. The conjunction as a whole resolves to one of them (the
    quote's speaker); the others are read here, without becoming the latest one mentioned."""
    for words_of_part, part_head in _conjunct_parts(sentence, head, words, lexicon):
        part = trim_punct(words_of_part)
        if not part or part[0].upos == "PRON" or part[0].lemma.lower() in lexicon.not_speakers:
            continue
        referent = resolver.resolve(part, sentence.paragraph, remember=False)
        if referent.resolved_by == "unresolved":
            continue
        name_parts = split_name(part, lexicon)
        site = RoleSite(text, sentence, part_head, name_parts, lexicon)
        part_span = span_of(part)
        mention = TextSpan(text[part_span.start : part_span.end], part_span)
        yield _Resolved(referent, mention, list(roles_at(site, SPEAKER_ROLE_RULES)))


def _conjunct_parts(
    sentence: Sentence, head: Word, words: list[Word], lexicon: Lexicon
) -> list[tuple[list[Word], Word]]:
    """The conjuncts of a mention (their words and head): by the parse's `conj` arcs, else
    names listed after it on the surface. Fewer than two: no conjunction."""
    inside = {w.index for w in words}
    # `Interior Minister Jonas Berg and Justice Minister Eva Lind`: the parser may hang the
    # second conjunct on a word of the first one's title and name, read as one flat run.
    run = [w for w in words if w.head == head.index and w.deprel in ("flat", "flat:name")]
    titled = any(lexicon.is_title(w.text) for w in (head, *run))
    owners = {head.index} | ({w.index for w in run} if titled else set())
    starts, heads = [words[0].index], [head]
    for word in sentence.words:
        if word.deprel == "conj" and word.head in owners and word.index in inside:
            start = _conjunct_start(sentence, word)
            # A conjunct stands after "and" or a comma; the parser also marks the next word
            # of a name so ("Hillary" conj, "Clinton" conj).
            if start > starts[-1] and sentence.words[start - 1].upos in ("CCONJ", "PUNCT"):
                starts.append(start)
                heads.append(word)
    if len(starts) < 2:
        listed = _listed_after(sentence, words)
        return [(list(words), head), *((name, name[-1]) for name in listed)] if listed else []
    ends = [start - 1 for start in starts[1:]] + [words[-1].index]
    return [
        (
            [w for w in sentence.words[first : last + 1] if w.index in inside and w.deprel != "cc"],
            part_head,
        )
        for first, last, part_head in zip(starts, ends, heads, strict=True)
    ]


def _listed_after(sentence: Sentence, words: list[Word]) -> list[list[Word]]:
    """`Ana Kovac (D-Ore.), Tomas Ruiz (R-Ohio) and Peter Wong (D-N.J.) said`, `Kovac, 52,
    and Lind, 47, told`: names listed after the mention, read on the surface where the parser
    lost the conjunction (the party tags in parentheses and the ages set off by commas break
    its arcs). Only a list closed by "and"; a name of one word only with an age."""
    names: list[list[Word]] = []
    position, closed = words[-1].index + 1, False
    all_words = sentence.words
    while position < len(all_words) and not closed:
        position = _after_age(
            all_words, _after_home(all_words, after_party_tag(all_words, position))
        )
        joiners = 0
        while position < len(all_words) and all_words[position].text.lower() in (",", "and"):
            closed = closed or all_words[position].text.lower() == "and"
            position, joiners = position + 1, joiners + 1
        name = []
        while position < len(all_words) and all_words[position].upos == "PROPN":
            name.append(all_words[position])
            position += 1
        aged = _after_age(all_words, position) > position
        if not joiners or not name or (len(name) < 2 and not aged):
            return []
        names.append(name)
    position = _after_age(all_words, position)
    return names if closed and position < len(all_words) else []


def _after_home(words: Sequence[Word], position: int) -> int:
    """Past the place a listed name is "of" (`Ana Kovac of Croatia and Tomas Berg of
    Sweden`): up to three capitalised words; else `position`."""
    if position >= len(words) or words[position].text != "of":
        return position
    end = position + 1
    while end < len(words) and end - position <= MAX_HOME_WORDS and words[end].upos == "PROPN":
        end += 1
    return end if end > position + 1 else position


def _after_age(words: Sequence[Word], position: int) -> int:
    """Past an age set off after a name (`, 52`), up to the comma that closes it; else
    `position`."""
    if (
        position + 2 < len(words)
        and words[position].text == ","
        and words[position + 1].upos == "NUM"
        and words[position + 1].text.isdigit()
        and words[position + 2].text == ","
    ):
        return position + 2
    return position


def _conjunct_start(sentence: Sentence, conjunct: Word) -> int:
    """Where a conjunct's own words begin: the first of its dependents before it, not counting
    the "and" or comma that joins it."""
    start = conjunct.index
    while start - 1 >= 0:
        before = sentence.words[start - 1]
        if before.upos in ("CCONJ", "PUNCT") or conjunct not in sentence.ancestors(before.index):
            break
        start -= 1
    return start


def _add_unique(items: list[TextSpan], new: list[TextSpan]) -> None:
    for item in new:
        if all(existing.text.lower() != item.text.lower() for existing in items):
            items.append(item)


def _names_itself(role: str, name: str) -> bool:
    """A role that is the speaker's own name, its article aside: `The Department for
    Education (DfE) said`, read as the role of "DfE" before the abbreviation took the name."""
    words = role.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).lower() == name.lower()


def _number_speakers(
    quotes: list[Quote], entities: dict[str, _EntityBuilder]
) -> tuple[list[Quote], list[Speaker]]:
    """Give speakers short ids (s1, s2, ...) in order of their first quote."""
    ids: dict[str, str] = {}
    for quote in quotes:
        for key in (quote.speaker_id, *quote.co_speaker_ids):
            if key is not None and key not in ids:
                ids[key] = f"s{len(ids) + 1}"
    speakers = []
    for key, speaker_id in ids.items():
        builder = entities[key]
        roles = sorted(
            (r for r in builder.roles if not _names_itself(r.text, builder.referent.name)),
            key=lambda r: r.span.start,
        )
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
        replace(
            q,
            speaker_id=ids[q.speaker_id] if q.speaker_id is not None else None,
            co_speaker_ids=tuple(ids[key] for key in q.co_speaker_ids),
        )
        for q in quotes
    ]
    return renumbered, speakers
