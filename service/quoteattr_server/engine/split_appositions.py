"""engine.split_appositions: one name set off after a noun, which the parser split in two.

In "The prosecutor, Deputy District Attorney Mark Liu, told jurors ..." Stanza hangs "Deputy"
and "District" on "prosecutor" as two appositions side by side, so "Deputy" seemed a name of
its own and spoke. Two proper nouns hung on one word as appositions, written next to each
other with nothing between, are one phrase: the first becomes a compound of the second, as the
parser reads the same title and name where no description comes before them.
"""

from __future__ import annotations

import dataclasses
import itertools

from quoteattr_server.engine.hyphens import each_sentence_repaired
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word


def appositions_joined(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with each apposition split in two read as one."""
    return each_sentence_repaired(doc, _joined)


def _joined(sentence: Sentence) -> Sentence:
    words = sentence.words
    mended = list(words)
    changed = False
    for first, second in itertools.pairwise(words):
        if _split_pair(first, second):
            mended[first.index] = dataclasses.replace(first, head=second.index, deprel="compound")
            changed = True
    return dataclasses.replace(sentence, words=tuple(mended)) if changed else sentence


def _split_pair(first: Word, second: Word) -> bool:
    return (
        first.deprel == second.deprel == "appos"
        and first.head == second.head >= 0
        and first.upos == second.upos == "PROPN"
        and first.end <= second.start
    )
