"""engine.department_titles: "Health and Human Services Secretary" is one title.

A post named after a department written with "and" ("Work and Pensions Secretary Liz Kendrew",
"Health and Human Services Secretary Dana Whitfield") is parsed as a coordination: the title
becomes a conjunct of the department's first word, with no conjunction of its own, and the
speaker's mention a list whose first member ("Health") seems to speak too. Before any rule
reads the parse, such a run of capitalised words joined by "and", ending in a title word that
a name hangs on, becomes one word: the title, with the place in the tree of the run's first
word. Text and offsets stay as written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from quoteattr_server.engine.hyphens import each_sentence_repaired, grouped, merged_words
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

# Words a department's name may be joined with ("Environment, Food and Rural Affairs").
_JOINERS = frozenset({"and", "&", ","})
# The longest department run read before the title word.
_MAX_RUN_WORDS = 8


def joined_department_titles(doc: ParsedDoc, lexicon: Lexicon) -> ParsedDoc:
    """`doc` with every department title written with "and" read as one word."""
    return each_sentence_repaired(doc, lambda sentence: _joined(sentence, doc.text, lexicon))


def _joined(sentence: Sentence, text: str, lexicon: Lexicon) -> Sentence:
    words = sentence.words
    runs = [run for index in range(len(words)) if (run := _department_run(words, index, lexicon))]
    if not runs:
        return sentence
    groups = grouped(len(words), runs)
    return dataclasses.replace(sentence, words=merged_words(words, groups, text, last_lemma=True))


def _department_run(words: Sequence[Word], index: int, lexicon: Lexicon) -> list[int] | None:
    """The word indices of the title ending at `index`, when the parser took the department's
    words for conjuncts: a capitalised title word, a conjunct with no "and" of its own, with a
    name hung on it and a department of capitalised words joined by "and" before it."""
    title = words[index]
    if not (
        title.text[:1].isupper()
        and lexicon.is_title(title.text)
        and title.deprel == "conj"
        and index + 1 < len(words)
        and words[index + 1].head == index
        and words[index + 1].upos == "PROPN"
        and not any(w.head == index and w.deprel == "cc" for w in words)
    ):
        return None
    start, joined = index, False
    while start > 0 and index - start < _MAX_RUN_WORDS:
        before = words[start - 1]
        if before.text.lower() in _JOINERS:
            joined = joined or before.text != ","
        elif not _department_word(before, lexicon):
            break
        start -= 1
    while start < index and words[start].text.lower() in _JOINERS:
        start += 1
    inside = range(start, index + 1)
    if not joined or start == index or title.head not in inside:
        return None
    return list(inside)


def _department_word(word: Word, lexicon: Lexicon) -> bool:
    """A capitalised word of a department's name: not a title, an honorific or a name's word
    that others hang on (`Mr. Ruiz and Interior Secretary Ana Kovac`)."""
    return (
        word.text[:1].isupper()
        and word.upos in ("PROPN", "NOUN", "ADJ")
        and word.deprel not in ("flat", "flat:name")
        and not lexicon.is_title(word.text)
        and not lexicon.is_honorific(word.text)
    )
