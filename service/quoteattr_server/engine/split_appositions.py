"""engine.split_appositions: one name set off after a noun, which the parser split in two.

In "The prosecutor, Deputy District Attorney Mark Liu, told jurors ..." Stanza hangs "Deputy"
and "District" on "prosecutor" as two appositions side by side, so "Deputy" seemed a name of
its own and spoke. Two proper nouns hung on one word as appositions, written next to each
other with nothing between, are one phrase: the first becomes a compound of the second, as the
parser reads the same title and name where no description comes before them.
"""

from __future__ import annotations

import itertools

from quoteattr_server.engine.hyphens import each_sentence_repaired, with_arcs
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word


def appositions_joined(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with each apposition split in two read as one."""
    return each_sentence_repaired(doc, _joined)


def _joined(sentence: Sentence) -> Sentence:
    arcs: dict[int, tuple[int, str | None]] = {
        first.index: (second.index, "compound")
        for first, second in itertools.pairwise(sentence.words)
        if _split_pair(first, second)
    }
    return with_arcs(sentence, arcs)


def _split_pair(first: Word, second: Word) -> bool:
    return (
        first.deprel == second.deprel == "appos"
        and first.head == second.head >= 0
        and first.upos == second.upos == "PROPN"
        and first.end <= second.start
    )
