"""Helpers for rule tests: a parse from a CoNLL-U fixture, and the sites rules read."""

from __future__ import annotations

from pathlib import Path

from quoteattr_server.engine import attribute, load_lexicon
from quoteattr_server.engine.conllu import read_conllu
from quoteattr_server.engine.content import WordSite
from quoteattr_server.engine.layout import Layout
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.marks import find_quotes
from quoteattr_server.engine.roles import RoleSite, split_name
from quoteattr_server.engine.speakers import CueSite, SpeakerHead, mention_words
from quoteattr_server.engine.types import (
    AttributionResult,
    ParsedDoc,
    Quote,
    Sentence,
    Span,
    Speaker,
    Word,
)

FIXTURES = Path(__file__).parent / "conllu"
LEXICON: Lexicon = load_lexicon()


def parsed(name: str) -> ParsedDoc:
    """The parse in `conllu/<name>.conllu` (a Stanza parse of an invented sentence)."""
    return read_conllu((FIXTURES / f"{name}.conllu").read_text(encoding="utf-8"))


def layout_of(name: str) -> Layout:
    doc = parsed(name)
    return Layout(doc, find_quotes(doc.text, doc.paragraphs))


def find_word(layout: Layout, text: str) -> tuple[Sentence, Word]:
    """The first word written `text`, with its sentence."""
    for sentence in layout.sentences:
        for word in sentence.words:
            if word.text == text:
                return sentence, word
    raise AssertionError(f"no word {text!r} in {layout.doc.text!r}")


def word_of(doc: ParsedDoc, text: str) -> Word:
    """The first word of a parsed document written `text`."""
    for sentence in doc.sentences:
        for word in sentence.words:
            if word.text == text:
                return word
    raise AssertionError(f"no word {text!r} in {doc.text!r}")


def cue_site(name: str, cue: str, earlier: tuple[SpeakerHead, ...] = ()) -> CueSite:
    layout = layout_of(name)
    sentence, word = find_word(layout, cue)
    return CueSite(sentence, word, layout, LEXICON, earlier)


def word_site(name: str, text: str) -> WordSite:
    layout = layout_of(name)
    sentence, word = find_word(layout, text)
    return WordSite(sentence, word, layout, LEXICON)


def text_of(layout: Layout, span: Span) -> str:
    return layout.doc.text[span.start : span.end]


def mention_text(site: CueSite, head: Word | None) -> str | None:
    """The speaker mention a rule's head word stands for, as written."""
    if head is None:
        return None
    words = mention_words(site.sentence, head)
    return site.layout.doc.text[words[0].start : words[-1].end]


def quote_containing(result: AttributionResult, fragment: str) -> Quote:
    matches = [q for q in result.quotes if fragment in q.text]
    assert matches, f"no quote contains {fragment!r}: {[q.text for q in result.quotes]}"
    return matches[0]


def speaker_of(result: AttributionResult, quote: Quote) -> Speaker | None:
    return next((s for s in result.speakers if s.id == quote.speaker_id), None)


def speaker_name(fixture: str, fragment: str) -> str | None:
    """The name of the speaker the engine gives the quote holding `fragment` in a fixture."""
    result = attribute(parsed(fixture), LEXICON)
    speaker = speaker_of(result, quote_containing(result, fragment))
    return speaker.name if speaker is not None else None


def attributed(result: AttributionResult) -> list[tuple[Quote, Speaker]]:
    """Each quote with its speaker, in quote order; every quote must have one."""
    pairs = []
    for quote in result.quotes:
        speaker = speaker_of(result, quote)
        assert speaker is not None, f"no speaker for {quote.text!r}"
        pairs.append((quote, speaker))
    return pairs


def roles_by_name(result: AttributionResult) -> dict[str, list[str]]:
    """Each speaker's name with the texts of its roles, in speaker order."""
    return {s.name: [r.text for r in s.roles] for s in result.speakers}


def role_site(name: str, head: str) -> RoleSite:
    """The mention whose head word is written `head`, as the role rules read it."""
    layout = layout_of(name)
    sentence, word = find_word(layout, head)
    parts = split_name(mention_words(sentence, word), LEXICON)
    return RoleSite(layout.doc.text, sentence, word, parts, LEXICON)


def quoted_by(fixture: str, *, with_rule: bool = False) -> list[tuple[str | None, ...]]:
    """Each quote of a fixture's attribution, in order, as (text, speaker name), with the rule
    first when `with_rule`."""
    result = attribute(parsed(fixture), LEXICON)
    found: list[tuple[str | None, ...]] = []
    for quote in result.quotes:
        speaker = speaker_of(result, quote)
        name = speaker.name if speaker is not None else None
        found.append((quote.rule, quote.text, name) if with_rule else (quote.text, name))
    return found
