"""engine.plural_possessives: a plural possessive the parser read as a word of its own.

In "Teachers' unions said ..." Stanza often reads the apostrophe after "Teachers" as a quotation
mark and hangs "Teachers" on the verb as a second subject, so the speaker became "unions"; in
"After the port workers' union objected" the possessor hangs on the verb as an oblique, and in
"Fox News' Dana Reyes confronted him" the network stands as the subject. A noun ending in "s",
the apostrophe glued to it and a space after, then a noun phrase, is a possessor of that
phrase's head, as the parser reads "The teachers' union": the possessor becomes its `nmod:poss`
and the apostrophe its `case`. Not inside a quotation opened with a single mark (`called them
'pests' locals say`), where the apostrophe closes the quotation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from quoteattr_server.engine.hyphens import each_sentence_repaired, with_arcs
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

_APOSTROPHES = frozenset({"'", "\u2019"})
_OPENING_SINGLE = frozenset({"'", "\u2018"})
# Words that open the possessed phrase: `workers' union`, `voters' new worries`, `Fox News'
# Dana Reyes`.
_PHRASE_OPENERS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# How a word of the possessed phrase hangs on a head further right in it.
_PHRASE_MODIFIERS = frozenset({"compound", "amod", "nummod", "flat", "flat:name"})
_NAME_PARTS = frozenset({"flat", "flat:name"})


def sentences_rejoined_at_possessives(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with each sentence the splitter ended at a plural possessive rejoined to the next:
    in "The Department of Veterans' Affairs said ..." or "Critics, including the Harbour
    Residents' Association, say ..." Stanza often takes the apostrophe for a closing mark and
    ends the sentence there, so "Affairs" or "Association" spoke. The two parses become one:
    the possessed phrase takes the possessor's place in the first, the possessor becomes its
    `nmod:poss`, and the first part's head takes the possessed phrase's place in the second."""
    sentences: list[Sentence] = []
    for sentence in doc.sentences:
        if sentences and _cut_at_possessive(sentences[-1], sentence):
            sentences[-1] = _rejoined(sentences[-1], sentence)
        else:
            sentences.append(sentence)
    if len(sentences) == len(doc.sentences):
        return doc
    return dataclasses.replace(doc, sentences=tuple(sentences))


def _cut_at_possessive(first: Sentence, second: Sentence) -> bool:
    """`first` ends with a plural noun and its glued apostrophe, outside any quotation opened
    with a single mark, and `second`, in the same paragraph, opens with a capitalised noun
    phrase after a space: one sentence the splitter cut in two."""
    words = first.words
    if len(words) < 2 or first.paragraph != second.paragraph:
        return False
    owner, mark, opener = words[-2], words[-1], second.words[0]
    return (
        _plural_possessive(owner, mark, opener)
        and opener.start == mark.end + 1
        and opener.text[:1].isupper()
        and not _single_quote_open(words, len(words) - 2)
    )


def _rejoined(first: Sentence, second: Sentence) -> Sentence:
    """One sentence of the two parts, with the arcs that join them (see above)."""
    shift = len(first.words)
    words = list(first.words) + [
        dataclasses.replace(w, index=w.index + shift, head=w.head + shift if w.head >= 0 else -1)
        for w in second.words
    ]
    owner = _name_head(words, shift - 2)
    head = _phrase_head(words, shift)
    first_root = next(w for w in first.words if w.head < 0)
    arcs: dict[int, tuple[int, str | None]] = {}
    # The possessed phrase stands where the possessor stood; the first part's head takes the
    # possessed phrase's relation in the second (its root, when the phrase was that root).
    if first_root.index != owner.index:
        arcs[first_root.index] = (head.head, head.deprel if head.head >= 0 else "root")
        arcs[head.index] = (owner.head, owner.deprel)
        for child in words[: owner.index]:
            if child.head == owner.index and child.deprel in ("case", "det"):
                # `of the Veterans' Affairs`: the preposition and article open the new phrase.
                arcs[child.index] = (head.index, None)
    arcs[owner.index] = (head.index, "nmod:poss")
    arcs[shift - 1] = (owner.index, "case")
    return with_arcs(dataclasses.replace(first, words=tuple(words)), arcs)


def plural_possessives_joined(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with each plural possessive read as the possessor of the phrase after it."""
    return each_sentence_repaired(doc, _joined)


def _joined(sentence: Sentence) -> Sentence:
    words = sentence.words
    if not any(w.text in _APOSTROPHES for w in words):
        return sentence
    mended = list(words)
    for index in range(len(words) - 2):
        if _misread_possessive(words, index):
            _make_possessor(mended, index)
    if all(new is old for new, old in zip(mended, words, strict=True)):
        return sentence
    return dataclasses.replace(sentence, words=tuple(mended))


def _misread_possessive(words: Sequence[Word], index: int) -> bool:
    owner, mark, opener = words[index], words[index + 1], words[index + 2]
    return (
        _plural_possessive(owner, mark, opener)
        and owner.deprel not in ("nmod:poss", "case")
        and not _single_quote_open(words, index)
    )


def _plural_possessive(owner: Word, mark: Word, opener: Word) -> bool:
    """A noun ending in "s", the apostrophe glued to it, then a space and a noun phrase."""
    return (
        owner.upos in ("NOUN", "PROPN")
        and owner.text[-1:] in ("s", "S")
        and mark.text in _APOSTROPHES
        and mark.start == owner.end
        and opener.start > mark.end
        and opener.upos in _PHRASE_OPENERS
    )


def _single_quote_open(words: Sequence[Word], owner: int) -> bool:
    """A quotation opened with a single mark is still open at the word `owner` (the mark may
    be a token of its own or the first character of a word: `'madness`)."""
    is_open = False
    for index in range(owner + 1):
        word = words[index]
        glued_before = index > 0 and words[index - 1].end == word.start
        if word.text[0] in _OPENING_SINGLE and not glued_before:
            is_open = len(word.text) > 1 or (
                index + 1 < len(words) and words[index + 1].start == word.end
            )
        elif word.text in _APOSTROPHES and glued_before:
            is_open = False
    return is_open


def _make_possessor(mended: list[Word], index: int) -> None:
    """Hang the possessor (the whole name it ends) on the head of the phrase after its mark."""
    owner = _name_head(mended, index)
    head = _phrase_head(mended, index + 2)
    if _under(mended, head, owner.index):
        # `Sanders' campaign` read with "campaign" under "Sanders": the phrase takes its place.
        mended[head.index] = dataclasses.replace(head, head=owner.head, deprel=owner.deprel)
    mended[owner.index] = dataclasses.replace(owner, head=head.index, deprel="nmod:poss")
    mark = mended[index + 1]
    mended[index + 1] = dataclasses.replace(mark, head=owner.index, deprel="case")


def _name_head(words: Sequence[Word], index: int) -> Word:
    """The head of the name the word at `index` ends (`Fox News'`: its first word)."""
    owner = words[index]
    while owner.deprel in _NAME_PARTS and 0 <= owner.head < owner.index:
        owner = words[owner.head]
    return owner


def _phrase_head(words: Sequence[Word], index: int) -> Word:
    """The head of the noun phrase the word at `index` opens, up its modifiers."""
    head = words[index]
    while head.deprel in _PHRASE_MODIFIERS and head.head > head.index:
        head = words[head.head]
    return head


def _under(words: Sequence[Word], word: Word, ancestor: int) -> bool:
    """`word` stands somewhere under the word at `ancestor`."""
    seen = 0
    current = word
    while current.head >= 0 and seen < len(words):
        if current.head == ancestor:
            return True
        current = words[current.head]
        seen += 1
    return False
