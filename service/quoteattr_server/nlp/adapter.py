"""nlp.adapter: plans what Stanza parses, and turns its documents into an engine `ParsedDoc`.

Stanza only breaks paragraphs at blank lines, while news copy often separates paragraphs with a
single newline; a headline without a final stop would then fuse with the first sentence. So the
article is cut into paragraphs here, each paragraph parsed as its own Stanza document, and every
word offset shifted back by its paragraph's start.

Two kinds of input would otherwise hurt the parser, so the plan guards against them while every
offset keeps pointing into the text as sent:

- control characters (NUL, escape, form feed, ...) are replaced, one for one, in the copy the
  parser reads: line-like ones (vertical tab, form feed, U+2028, ...) by a newline, so they break
  paragraphs as a reader expects, the others by a space;
- datelines and credit lines of agency copy ("BRUSSELS (Reuters) -", "By Jane Doe") are
  blanked out (see `engine.wire`): they are neither speech nor speakers;
- the stop after a title before a name ("Gov. Ed Rendell", "Mrs. Clinton", "Sens. Ann Lee and
  ...") is hidden from the parser, which otherwise ends the sentence there and loses the
  speaker; the word gets its stop back afterwards, so roles read "Gov." as written;
- clitics the tokenizer leaves on their word ("she\u2019s", "hasn't", "Apple's" at the start of a
  sentence) are split off after tokenizing (`split_clitics`, Stanza's tokenizer postprocessor),
  as the parser's training data writes them, so possessives and negations parse;
- a stop the tokenizer made a token of its own but not a sentence end ("... told the BBC.
  Maria Costa said") ends the sentence there (`split_missed_sentence_ends`), or the next
  sentence's subject becomes the cue's second subject and its cue loses it;
- a paragraph longer than `MAX_PIECE_TOKENS` tokens (a transcript, a pasted table, a
  10,000-word "sentence" without punctuation, a run of thousands of quote marks) is cut into
  pieces, at a sentence end where there is one, else between words. Stanza's cost grows with
  the square of a sentence's length (a 1,000-word sentence takes gigabytes), so no sentence it
  sees may be longer than a piece. Tokens are counted as Stanza makes them, near enough: a run
  of letters or digits is one, every other visible character is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from quoteattr_server.engine.types import ParsedDoc, Sentence, Span, Word
from quoteattr_server.engine.wire import blank_out, furniture_spans

# Longest run of tokens the parser sees at once; real news sentences stay well under it.
MAX_PIECE_TOKENS = 250
# Longest piece in characters, for "words" that are themselves huge (base64, a URL list).
MAX_PIECE_CHARS = 4_000

_PARAGRAPH = re.compile(r"[^\r\n]+")
_TOKEN = re.compile(r"\w+|[^\w\s]")
# A sentence end: terminal punctuation, closing marks, space, then what starts a sentence.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
# "Mr. Kovac": a short capitalised word before the stop is an abbreviation, not a sentence end.
_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-zA-Z.]{0,3}$")
# A title or honorific abbreviation before a capitalised word: its stop is no sentence end.
_TITLE_STOP = re.compile(
    r"\b(?:Mr|Mrs|Ms|Messrs|Dr|Drs|Prof|Rev|Gov|Govs|Sen|Sens|Rep|Reps|Gen|Lt|Col|Capt|Sgt|Cpl"
    r"|Pvt|Adm|Maj|Cmdr|Brig|Supt|Insp|Det|Atty|Amb|Hon|Sec|Pres|Rt|Fr)(\.)"
    r"(?=[ \t\u00a0]+[A-Z])"
)
# An initial before a capitalised word ("G.K. Butterfield", "J. Edgar Hoover"), but not the
# place abbreviations that often end a sentence ("in the U.S. The ...").
_INITIAL_STOP = re.compile(r"(?<![\w.])(?:[A-Z]\.){0,2}[A-Z](\.)(?=[ \t\u00a0]+[A-Z][a-z])")
_PLACE_ABBREVIATIONS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "L.A.", "N.Y.", "N.J."})
# Line-like controls become newlines, other controls spaces; tab, LF and CR are text.
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))]
_CLEAN = str.maketrans(
    {c: ("\n" if c in _LINE_BREAKS else " ") for c in _CONTROLS + list(_LINE_BREAKS)}
    | {c: c for c in "\t\n\r"}
)


# A clitic glued to its word: "n't" (has|n't, ca|n't), or 's, 're, 've, 'll, 'd, 'm.
_NEGATION = re.compile(r"^([A-Za-z]+)(n['\u2019]t)$", re.IGNORECASE)
_CLITIC = re.compile(r"^([A-Za-z][\w.\-'\u2019]*?)(['\u2019](?:s|re|ve|ll|d|m))$", re.IGNORECASE)

# Words the tokenizer may flag as multi-word tokens that are one word: the possessive "its",
# which the expander splits as if it were "it's" when it opens a sentence.
_WHOLE_WORDS = frozenset({"its"})

# The tokenizer postprocessor's token: a string, or (string, is-multi-word-token).
Token = str | tuple[str, bool]


def postprocess_tokens(sentences: list[list[Token]]) -> list[list[Token]]:
    """Stanza tokenizer postprocessor: clitics split off, then missed sentence ends split."""
    return split_missed_sentence_ends(split_clitics(sentences))


def split_missed_sentence_ends(sentences: list[list[Token]]) -> list[list[Token]]:
    """Each sentence cut after a stop that stands alone as a token before a capitalised word.

    The tokenizer keeps the stop of an abbreviation on its word ("U.S.", "Inc.") and sees
    titles without theirs (`plan` hides them), so a stop of its own before a capital is a
    sentence end it missed, typically after a name in capitals ("told CNN. Maria Costa said").
    An ellipsis written as spaced stops is left alone."""
    result: list[list[Token]] = []
    for sentence in sentences:
        start = 0
        for index in range(1, len(sentence) - 1):
            if _is_missed_end(sentence, index):
                result.append(sentence[start : index + 1])
                start = index + 1
        result.append(sentence[start:])
    return result


def _is_missed_end(sentence: list[Token], index: int) -> bool:
    before, stop, after = (_token_text(token) for token in sentence[index - 1 : index + 2])
    return stop == "." and before != "." and after != "." and after[:1].isupper()


def _token_text(token: Token) -> str:
    return token if isinstance(token, str) else token[0]


def split_clitics(sentences: list[list[Token]]) -> list[list[Token]]:
    """Stanza tokenizer postprocessor: each token with a clitic glued on becomes two tokens.
    Only splits, never joins, so every token stays a substring of the text in order."""
    return [[part for token in sentence for part in _split(token)] for sentence in sentences]


def _split(token: Token) -> list[Token]:
    """A token flagged as a multi-word token is split here too: the expander leaves some of
    these ("she\u2019s") whole."""
    text = _token_text(token)
    if text.lower() in _WHOLE_WORDS:
        return [text]  # `Its chief executive` opening a sentence is no "It" + "s"
    match = _NEGATION.match(text) or _CLITIC.match(text)
    if match is None:
        return [token]
    return [match.group(1), match.group(2)]


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of one paragraph that the parser reads as one Stanza document."""

    paragraph: int
    span: Span


@dataclass(frozen=True, slots=True)
class Plan:
    """What the parser reads of one article: the cleaned text, its paragraphs and pieces."""

    clean: str
    paragraphs: tuple[Span, ...]
    pieces: tuple[Piece, ...]
    # Offsets of the stops of titles and initials hidden from the parser (`_TITLE_STOP`,
    # `_INITIAL_STOP`).
    hidden_stops: frozenset[int] = frozenset()


def plan(text: str) -> Plan:
    """Clean `text` for the parser (same length), then find its paragraphs and pieces.

    Wire-copy furniture (datelines, credit lines) is blanked out of the parser's copy, so a
    dateline city is never read as the subject of the lede, nor a byline as a paragraph.
    """
    clean = clean_for_parser(text)
    paragraphs = split_paragraphs(clean)
    furniture = furniture_spans(clean, paragraphs)
    if furniture:
        clean = blank_out(clean, furniture)
        paragraphs = split_paragraphs(clean)
    hidden = frozenset(match.start(1) for match in _TITLE_STOP.finditer(clean)) | frozenset(
        match.start(1)
        for match in _INITIAL_STOP.finditer(clean)
        if match.group() not in _PLACE_ABBREVIATIONS
    )
    if hidden:
        chars = list(clean)
        for offset in hidden:
            chars[offset] = " "
        clean = "".join(chars)
    return Plan(
        clean=clean,
        paragraphs=tuple(paragraphs),
        pieces=tuple(split_pieces(clean, paragraphs)),
        hidden_stops=hidden,
    )


def clean_for_parser(text: str) -> str:
    """`text` with control characters replaced one for one, so every offset stays valid."""
    return text.translate(_CLEAN)


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


def split_pieces(
    text: str,
    paragraphs: Sequence[Span],
    *,
    max_tokens: int = MAX_PIECE_TOKENS,
    max_chars: int = MAX_PIECE_CHARS,
) -> list[Piece]:
    """Each paragraph as one piece, or cut into pieces of at most `max_tokens` tokens and
    `max_chars` characters (trimmed of whitespace, never empty)."""
    return [
        Piece(number, span)
        for number, paragraph in enumerate(paragraphs)
        for span in _cut(text, paragraph, max_tokens, max_chars)
    ]


def _cut(text: str, paragraph: Span, max_tokens: int, max_chars: int) -> Iterator[Span]:
    token_ends = [match.end() for match in _TOKEN.finditer(text, paragraph.start, paragraph.end)]
    start, first = paragraph.start, 0
    while start < paragraph.end:
        last = min(first + max_tokens, len(token_ends)) - 1
        window_end = min(token_ends[last], start + max_chars)
        if window_end >= paragraph.end:
            yield _trimmed(text, start, paragraph.end)
            return
        at_word_end = text[window_end].isspace()
        end = _cut_point(text, start, window_end, at_word_end=at_word_end)
        yield _trimmed(text, start, end)
        start = end
        while start < paragraph.end and text[start].isspace():
            start += 1
        while first < len(token_ends) and token_ends[first] <= start:
            first += 1


def _cut_point(text: str, start: int, window_end: int, *, at_word_end: bool) -> int:
    """Where to end a piece that must end by `window_end`: after the last sentence end in the
    window's second half, else at the window's end if a word ends there, else at the last space,
    else (one giant word, a run of marks) at the window's end."""
    window = text[start:window_end]
    half = len(window) // 2
    sentence_ends = [
        match.end()
        for match in _SENTENCE_END.finditer(window, half)
        if not _ABBREVIATION.search(window, 0, match.start())
    ]
    if sentence_ends:
        return start + sentence_ends[-1]
    if at_word_end:
        return window_end
    space = max(window.rfind(" "), window.rfind("\t"))
    if space > 0:
        return start + space
    return window_end


def _trimmed(text: str, start: int, end: int) -> Span:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return Span(start + lead, start + len(piece.rstrip()))


def to_parsed_doc(
    text: str,
    paragraphs: Sequence[Span],
    pieces: Sequence[Piece],
    parsed: Iterable[Any],
    hidden_stops: frozenset[int] = frozenset(),
) -> ParsedDoc:
    """Join the Stanza documents of each piece (in order) into one `ParsedDoc` over `text`.

    Words slice `text`, the article as sent, even though the parser read a cleaned copy; a word
    right before a stop hidden from the parser ends after it ("Gov.").
    """
    sentences: list[Sentence] = []
    for piece, document in zip(pieces, parsed, strict=True):
        for stanza_sentence in document.sentences:
            words = _words(text, piece.span.start, stanza_sentence, hidden_stops)
            if words:
                sentences.append(Sentence(words=tuple(words), paragraph=piece.paragraph))
    return ParsedDoc(text=text, sentences=tuple(sentences), paragraphs=tuple(paragraphs))


def _words(
    text: str, offset: int, stanza_sentence: Any, hidden_stops: frozenset[int] = frozenset()
) -> list[Word]:
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
            if end in hidden_stops:
                end += 1
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
