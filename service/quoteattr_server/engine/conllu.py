"""engine.conllu: a `ParsedDoc` to and from CoNLL-U text, without a parser.

Rule tests build their parse from a hand-written CoNLL-U string, so each rule is tested alone
and without the models. The text of the document is the `# text =` line of each sentence,
joined by a space, with a new line where a `# newpar` comment opens a paragraph; word offsets
are found by reading each form in that text in order. Multi-word tokens (`1-2`) are read as one
surface form whose words share its span, as the adapter does when Stanza gives no offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from quoteattr_server.engine.types import ParsedDoc, Sentence, Span, Word

_COLUMNS = 10


class ConlluError(ValueError):
    """The CoNLL-U text does not describe the document (bad line, form not in the text)."""


@dataclass
class _Block:
    text: str = ""
    new_paragraph: bool = False
    rows: list[list[str]] = field(default_factory=list)


def _blocks(conllu: str) -> Iterator[_Block]:
    block = _Block()
    for number, raw in enumerate(conllu.splitlines(), start=1):
        line = raw.strip()
        if not line:
            if block.rows:
                yield block
            block = _Block()
        elif line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "text":
                block.text = value.strip()
            elif key.strip().startswith("newpar"):
                block.new_paragraph = True
        else:
            row = raw.rstrip("\n").split("\t")
            if len(row) != _COLUMNS:
                raise ConlluError(f"line {number}: {len(row)} columns, not {_COLUMNS}: {raw!r}")
            block.rows.append(row)
    if block.rows:
        yield block


def read_conllu(conllu: str) -> ParsedDoc:
    """The `ParsedDoc` a CoNLL-U document describes (sentences with `# text =` lines)."""
    text = ""
    paragraphs: list[Span] = []
    sentences: list[Sentence] = []
    for block in _blocks(conllu):
        if not block.text:
            raise ConlluError("every sentence needs a `# text =` line")
        if not paragraphs or block.new_paragraph:
            if paragraphs:
                text += "\n"
            paragraphs.append(Span(len(text), len(text)))
        else:
            text += " "
        start = len(text)
        text += block.text
        paragraphs[-1] = Span(paragraphs[-1].start, len(text))
        words = _words(text, start, block.rows)
        sentences.append(Sentence(words=tuple(words), paragraph=len(paragraphs) - 1))
    return ParsedDoc(text=text, sentences=tuple(sentences), paragraphs=tuple(paragraphs))


def _find(text: str, form: str, cursor: int) -> int:
    position = text.find(form, cursor)
    if position < 0 or text[cursor:position].strip():
        raise ConlluError(f"form {form!r} not found at offset {cursor} of {text[cursor:]!r}")
    return position


def _words(text: str, cursor: int, rows: list[list[str]]) -> list[Word]:
    words: list[Word] = []
    token_end = -1  # last word id covered by the current multi-word token
    token_span = Span(0, 0)
    for row in rows:
        ident, form, lemma, upos, _, feats, head, deprel, _, _ = row
        if "." in ident:
            continue  # empty nodes: Stanza makes none
        if "-" in ident:
            start = _find(text, form, cursor)
            token_span, token_end = Span(start, start + len(form)), int(ident.split("-")[1])
            cursor = token_span.end
            continue
        number = int(ident)
        if number <= token_end:
            span = token_span
        else:
            start = _find(text, form, cursor)
            span = Span(start, start + len(form))
            cursor = span.end
        words.append(
            Word(
                index=number - 1,
                text=text[span.start : span.end],
                lemma=lemma if lemma != "_" else form.lower(),
                upos=upos if upos != "_" else "X",
                feats=feats if feats != "_" else "",
                head=int(head) - 1,
                deprel=deprel,
                start=span.start,
                end=span.end,
            )
        )
    return words


def write_conllu(doc: ParsedDoc) -> str:
    """CoNLL-U for `doc`, which `read_conllu` reads back: words that share one span (a
    multi-word token without offsets of its own) under a range line."""
    lines: list[str] = []
    paragraph = -1
    for sentence in doc.sentences:
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            lines.append("# newpar")
        lines.append(f"# text = {doc.text[sentence.start : sentence.end]}")
        for word in sentence.words:
            sharing = [w for w in sentence.words if w.span == word.span]
            if len(sharing) > 1 and sharing[0] is word:
                lines.append(f"{word.index + 1}-{sharing[-1].index + 1}\t{word.text}" + "\t_" * 8)
            cells = [
                str(word.index + 1),
                word.text,
                word.lemma,
                word.upos,
                "_",
                word.feats or "_",
                str(word.head + 1),
                word.deprel,
                "_",
                "_",
            ]
            lines.append("\t".join(cells))
        lines.append("")
    return "\n".join(lines) + "\n"
