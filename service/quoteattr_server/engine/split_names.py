"""engine.split_names: a person's name the parser split into two siblings, joined again.

"According to Anika Sharma, an analyst at Barclays, ..." may come back with "Anika" and "Sharma"
both obliques of the main verb: the source is then "Anika", and the apposition describes her
alone. Two capitalised proper nouns written with one space between them, hung on the same word
by the same relation, are one name (a list would put a comma or "and" between them): before any
rule reads the parse, the second becomes the first's `flat`. Days and months stay apart (`told
Reuters Tuesday`), and so do a title's last word (`Secretary of State Ana Lind`) and words inside
quotation marks (`chanting "Dump Trump"`). A name the parser made a `flat` part of a title's
complement ("said U.S. Secretary of State Marco Rubio", "Marco" under "State") hangs on the title
instead. A sentence adverb that opens the sentence, capitalised and so tagged a proper noun,
is no part of the name after it ("Meanwhile Trump continues ...": the name is "Trump"). Text and
offsets stay as written.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Callable

from quoteattr_server.engine.hyphens import each_sentence_repaired, with_arcs
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.marks import find_quotes
from quoteattr_server.engine.types import ParsedDoc, Sentence, Span, Word

# Prepositions inside a title before a name: `Secretary of State`, `Minister for Housing`.
_TITLE_PREPOSITIONS = frozenset({"of", "for"})
# The preposition of a post's place (`ambassador to Russia Michael Lind`): it ends the title
# only before a name of two words or more (`an aide to Ana Lind` is one name).
_POST_PREPOSITIONS = frozenset({"to"})
# Relations by which a name hangs on the word it depends on; the parser splits names in these.
_NAME_RELATIONS = frozenset({"obl", "obj", "iobj", "nsubj", "nsubj:pass", "nmod", "appos"})


def split_names_joined(doc: ParsedDoc, lexicon: Lexicon) -> ParsedDoc:
    """`doc` with each name split into two siblings read as one."""

    @functools.cache
    def quoted() -> list[Span]:
        """The quotations' spans, found only when some sentence has a split pair (rare)."""
        return [quote.span for quote in find_quotes(doc.text, doc.paragraphs)]

    def repaired(sentence: Sentence) -> Sentence:
        sentence = _adverb_set_apart(sentence, lexicon)
        return _off_title_complement(_joined(sentence, lexicon, quoted), lexicon)

    return each_sentence_repaired(doc, repaired)


def _adverb_set_apart(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`Meanwhile Trump continues ...`, parsed as one name headed by "Meanwhile" (or with it a
    compound of "Trump"): the adverb that opens the sentence hangs on the clause as an adverb,
    and the name after it takes its place."""
    words = sentence.words
    if len(words) < 2:
        return sentence
    adverb, name = words[0], words[1]
    if (
        adverb.upos != "PROPN"
        or adverb.text.lower() not in lexicon.sentence_adverbs
        or not _name_word(name, lexicon)
        or adverb.end + 1 != name.start
    ):
        return sentence
    arcs: dict[int, tuple[int, str | None]] = {}
    if name.head == adverb.index and name.deprel == "flat":
        arcs[name.index] = (adverb.head, adverb.deprel)
        for child in sentence.children(adverb.index):
            if child.index != name.index:
                arcs[child.index] = (name.index, None)
        clause = adverb.head if adverb.head >= 0 else name.index
    elif adverb.head == name.index and adverb.deprel in ("flat", "compound", "amod"):
        clause = name.head if name.head >= 0 else name.index
    else:
        return sentence
    arcs[adverb.index] = (clause, "advmod")
    repaired = with_arcs(sentence, arcs)
    first = dataclasses.replace(repaired.words[0], upos="ADV")
    return dataclasses.replace(repaired, words=(first, *repaired.words[1:]))


def _off_title_complement(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`said U.S. Secretary of State Marco Rubio`, parsed with "Marco" a `flat` part of
    "State": a capitalised name after the complement of a title ("of State", "for Housing")
    hangs on the title, as the parser reads it elsewhere, so the name is read whole."""
    words = sentence.words
    arcs: dict[int, tuple[int, str | None]] = {}
    for complement in words:
        title = words[complement.head] if complement.head >= 0 else None
        if (
            title is None
            or complement.deprel != "nmod"
            or not lexicon.is_title(title.text)
            or not any(
                c.deprel == "case" and c.text.lower() in _TITLE_PREPOSITIONS
                for c in sentence.children(complement.index)
            )
        ):
            continue
        name = next(
            (
                c
                for c in sentence.children(complement.index)
                if c.deprel == "flat" and c.index == complement.index + 1 and _name_word(c, lexicon)
            ),
            None,
        )
        if name is not None and any(c.deprel == "flat" for c in sentence.children(name.index)):
            arcs[name.index] = (title.index, "nmod")
    return with_arcs(sentence, arcs)


def _joined(sentence: Sentence, lexicon: Lexicon, quoted: Callable[[], list[Span]]) -> Sentence:
    arcs: dict[int, tuple[int, str | None]] = {}
    for first, second in itertools.pairwise(sentence.words):
        if (
            _split_pair(first, second, lexicon)
            and not _ends_a_title(sentence, first, second, lexicon)
            and not any(span.contains(first.span) for span in quoted())
        ):
            arcs[second.index] = (first.index, "flat")
    return with_arcs(sentence, arcs)


def _split_pair(first: Word, second: Word, lexicon: Lexicon) -> bool:
    return (
        _name_word(first, lexicon)
        and _name_word(second, lexicon)
        and first.end + 1 == second.start
        and first.head == second.head
        and first.head >= 0
        and first.deprel == second.deprel
        and first.deprel in _NAME_RELATIONS
    )


def _name_word(word: Word, lexicon: Lexicon) -> bool:
    """A capitalised proper noun of letters that is no day, month or title."""
    return (
        word.upos == "PROPN"
        and word.text[:1].isupper()
        and word.text.replace("'", "").replace("\u2019", "").isalpha()
        and word.text.lower() not in lexicon.time_words
        and not lexicon.is_title(word.text)
    )


def _ends_a_title(sentence: Sentence, first: Word, second: Word, lexicon: Lexicon) -> bool:
    """`Secretary of State Ana Lind`, `Minister for Housing Tom Delaney`, `ambassador to
    Washington Peter Lind`: a word after the "of" or "for" of the title it hangs on, or its
    "to" before a name of its own, ends that title before the name (not `Celtics forward
    Jaylen Moore`, "forward" tagged a preposition)."""
    head = sentence.words[first.head]
    if not (head.upos == "PROPN" or lexicon.is_title(head.text)):
        return False
    prepositions = _TITLE_PREPOSITIONS
    if any(child.deprel == "flat" for child in sentence.children(second.index)):
        prepositions = prepositions | _POST_PREPOSITIONS
    return any(
        child.deprel == "case" and child.text.lower() in prepositions
        for child in sentence.children(first.index)
    )
