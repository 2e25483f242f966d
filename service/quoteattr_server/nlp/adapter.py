"""nlp.adapter: Stanza documents -> engine `ParsedDoc`, with offsets into the original text.

Stanza only breaks paragraphs at blank lines, while news copy often separates paragraphs with a
single newline; a headline without a final stop would then fuse with the first sentence. So the
article is cut into paragraphs here, each paragraph parsed as its own Stanza document, and every
word offset shifted back by its paragraph's start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from quoteattr_server.engine.types import ParsedDoc, Sentence, Span, Word

_PARAGRAPH = re.compile(r"[^\r\n]+")


def split_paragraphs(text: str) -> list[Span]:
    """Spans of the non-blank lines of `text`, trimmed of surrounding whitespace."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append(Span(start, start + len(stripped)))
    return spans


def to_parsed_doc(text: str, paragraphs: Sequence[Span], parsed: Iterable[Any]) -> ParsedDoc:
    """Join the Stanza documents of each paragraph (in order) into one `ParsedDoc`."""
    sentences: list[Sentence] = []
    for number, (paragraph, document) in enumerate(zip(paragraphs, parsed, strict=True)):
        for stanza_sentence in document.sentences:
            words = _words(text, paragraph.start, stanza_sentence)
            if words:
                sentences.append(Sentence(words=tuple(words), paragraph=number))
    return ParsedDoc(text=text, sentences=tuple(sentences), paragraphs=tuple(paragraphs))


def _words(text: str, offset: int, stanza_sentence: Any) -> list[Word]:
    words: list[Word] = []
    for token in stanza_sentence.tokens:
        token_start = offset + token.start_char
        token_end = offset + token.end_char
        for word in token.words:
            # Words inside a multi-word token may lack offsets: fall back on the token's.
            if word.start_char is not None and word.end_char is not None:
                start, end = offset + word.start_char, offset + word.end_char
            else:
                start, end = token_start, token_end
            words.append(
                Word(
                    index=word.id - 1,
                    text=text[start:end],
                    lemma=word.lemma or text[start:end].lower(),
                    upos=word.upos or "X",
                    feats=word.feats or "",
                    head=(word.head or 0) - 1,
                    deprel=word.deprel or "dep",
                    start=start,
                    end=end,
                )
            )
    return words
