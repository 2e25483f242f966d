"""engine.hyphens: a name or title written with a hyphen is one word.

The tokenizer splits "Jean-Pierre", "Min-jun", "al-Amiri" and "Secretary-General" into three
words (the hyphen its own), and the parser hangs the pieces as it likes: a name then loses its
given name or its surname, and a title its second half. Before any rule reads the parse, a
hyphen written without spaces between two words of a name joins them into one word, with the
place in the tree of the piece that heads the others. Text and offsets stay as written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

# Lower-case particles that open a surname with a hyphen: "al-Amiri", "bin-Laden", "el-Sayed".
HYPHENED_PARTICLES = frozenset({"al", "el", "ul", "ud", "bin", "ibn", "abu", "ben", "bint"})


def each_sentence_repaired(doc: ParsedDoc, repair: Callable[[Sentence], Sentence]) -> ParsedDoc:
    """`doc` with `repair` applied to each sentence; `doc` itself when no sentence changed
    (a repair returns the sentence it was given when it has nothing to mend). The parse
    repairs of this module, `department_titles` and `acronyms` all run through it."""
    sentences = tuple(repair(sentence) for sentence in doc.sentences)
    if all(new is old for new, old in zip(sentences, doc.sentences, strict=True)):
        return doc
    return dataclasses.replace(doc, sentences=sentences)


def with_arcs(sentence: Sentence, arcs: Mapping[int, tuple[int, str | None]]) -> Sentence:
    """`sentence` with each word at a key of `arcs` hung on a new head by a new relation (None
    keeps its relation); `sentence` itself when there is none, so `each_sentence_repaired`
    sees nothing changed. The parse repairs mend arcs through it."""
    if not arcs:
        return sentence
    words = list(sentence.words)
    for index, (head, deprel) in arcs.items():
        word = words[index]
        words[index] = dataclasses.replace(word, head=head, deprel=deprel or word.deprel)
    return dataclasses.replace(sentence, words=tuple(words))


def joined_hyphenated_names(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with every hyphenated name or title of its sentences read as one word."""
    return each_sentence_repaired(doc, lambda sentence: _joined(sentence, doc.text))


def _joins_name(words: Sequence[Word], index: int) -> bool:
    """The hyphen at `index` is written between two words of a name: glued to both, the word
    after it capitalised or a proper noun ("Min-jun"), the word before it capitalised or a
    particle ("al-Amiri")."""
    if not 0 < index < len(words) - 1 or words[index].text != "-":
        return False
    before, hyphen, after = words[index - 1], words[index], words[index + 1]
    if before.end != hyphen.start or hyphen.end != after.start:
        return False
    if not (before.text.isalpha() and after.text.isalpha()):
        return False
    opens = before.text[:1].isupper() or before.text.lower() in HYPHENED_PARTICLES
    continues = after.text[:1].isupper() or (after.upos == "PROPN" and before.upos == "PROPN")
    return opens and continues


def _joined(sentence: Sentence, text: str) -> Sentence:
    words = sentence.words
    groups: list[list[int]] = []
    index = 0
    while index < len(words):
        if groups and groups[-1][-1] == index - 1 and _joins_name(words, index):
            groups[-1].extend([index, index + 1])  # `Maria-José-Luisa`: one run
            index += 2
            continue
        if _joins_name(words, index + 1):
            groups.append([index, index + 1, index + 2])
            index += 3
            continue
        groups.append([index])
        index += 1
    if len(groups) == len(words):
        return sentence
    return dataclasses.replace(sentence, words=merged_words(words, groups, text))


def grouped(count: int, runs: Sequence[Sequence[int]]) -> list[list[int]]:
    """The groups of old indices, one per new word, of a sentence of `count` words whose
    `runs` (of consecutive indices) each become one word: `merged_words` takes them."""
    in_run = {index: run for run in runs for index in run}
    groups: list[list[int]] = []
    for index in range(count):
        run = in_run.get(index)
        if run is None:
            groups.append([index])
        elif index == run[0]:
            groups.append(list(run))
    return groups


def merged_words(
    words: Sequence[Word], groups: list[list[int]], text: str, *, last_lemma: bool = False
) -> tuple[Word, ...]:
    """One word per group, with heads renumbered; a group takes the place in the tree of the
    piece whose head lies outside it. A group's lemma is its text, or with `last_lemma` the
    lemma of its last piece (a title is what its last word is)."""
    new_index = {old: number for number, group in enumerate(groups) for old in group}
    merged: list[Word] = []
    for number, group in enumerate(groups):
        pieces = [words[i] for i in group]
        top = next((w for w in pieces if w.head not in group), pieces[0])
        first, last = pieces[0], pieces[-1]
        names = [w for w in pieces if w.text != "-"]
        upos = "PROPN" if any(w.upos == "PROPN" for w in names) else last.upos
        written = text[first.start : last.end]
        head = new_index[top.head] if top.head >= 0 else -1
        merged.append(
            dataclasses.replace(
                top,
                index=number,
                text=written if len(pieces) > 1 else top.text,
                lemma=(last.lemma if last_lemma else written) if len(pieces) > 1 else top.lemma,
                upos=upos if len(pieces) > 1 else top.upos,
                head=-1 if head == number else head,
                start=first.start,
                end=last.end,
            )
        )
    return tuple(merged)


# Party letters that open a tag set off after a politician's name: `Carla Nunez, D-Albuquerque,`.
PARTY_LETTERS = frozenset({"D-", "R-", "I-"})


def party_tags_set_aside(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with each party tag the tokenizer cut after its letter (`D-` + `Albuquerque`) read
    as one word of no name: the parser made it a conjunct of the name before it, a second
    person who seemed to speak."""
    return each_sentence_repaired(doc, lambda sentence: _tags_joined(sentence, doc.text))


def _tags_joined(sentence: Sentence, text: str) -> Sentence:
    words = sentence.words
    tags = [i for i in range(1, len(words) - 1) if _opens_party_tag(words, i)]
    if not tags:
        return sentence
    groups, merged = _pairs_joined(words, tags, text)
    for number, group in enumerate(groups):
        if len(group) == 2:
            merged[number] = dataclasses.replace(merged[number], upos="X", deprel="dep")
    return dataclasses.replace(sentence, words=tuple(merged))


def _pairs_joined(
    words: Sequence[Word], firsts: Sequence[int], text: str
) -> tuple[list[list[int]], list[Word]]:
    """Each word at `firsts` joined with the word after it: the groups of old indices, one per
    new word, and the new words."""
    groups: list[list[int]] = []
    for index in range(len(words)):
        if index - 1 in firsts:
            continue
        groups.append([index, index + 1] if index in firsts else [index])
    return groups, list(merged_words(words, groups, text))


def _opens_party_tag(words: Sequence[Word], index: int) -> bool:
    """`, D-Albuquerque`: a party letter and its hyphen as one token, glued to a capitalised
    place, right after a comma."""
    letter, place = words[index], words[index + 1]
    return (
        letter.text in PARTY_LETTERS
        and words[index - 1].text == ","
        and letter.end == place.start
        and place.text[:1].isupper()
    )


def compounds_cut_at_hyphen(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with each lower-case compound the tokenizer cut after its hyphen (`so-` + `called`,
    `well-` + `known`) read as one modifier of the noun after it: the parser made "so-" a noun
    and the object of the verb, which then lost the noun (`dismissed the so-called "reform"`)."""
    return each_sentence_repaired(doc, lambda sentence: _compounds_joined(sentence, doc.text))


def _cut_compound(words: Sequence[Word], index: int) -> bool:
    first, second = words[index], words[index + 1]
    return (
        len(first.text) > 1
        and first.text.endswith("-")
        and first.text[:-1].isalpha()
        and first.text[:1].islower()
        and first.end == second.start
        and second.text.isalpha()
        and second.text[:1].islower()
    )


def _compounds_joined(sentence: Sentence, text: str) -> Sentence:
    words = sentence.words
    cuts = [i for i in range(len(words) - 1) if _cut_compound(words, i)]
    if not cuts:
        return sentence
    groups, merged = _pairs_joined(words, cuts, text)
    for number, group in enumerate(groups):
        if len(group) == 2 and words[group[1]].upos in ("VERB", "ADJ"):
            _modify_next_noun(merged, number)  # `so-called`, `well-known`; not `ex-president`
    return dataclasses.replace(sentence, words=tuple(merged))


def name_compounds_as_modifiers(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with each name glued by a hyphen to a participle before a noun (`Oscar-winning
    director Ana Costa`, `Nobel Prize-winning economist Lena Fischer`, `Harbour City-based firm`)
    read as one modifier of that noun: the parser made the name a subject (so "Nobel Prize"
    spoke) or the head of the person's own name (so the role lost its modifier)."""
    return each_sentence_repaired(doc, lambda sentence: _name_compounds_joined(sentence, doc.text))


def _name_compounds_joined(sentence: Sentence, text: str) -> Sentence:
    words = sentence.words
    spans: list[tuple[int, int]] = []
    for hyphen in range(1, len(words) - 2):
        span = _name_compound(words, hyphen)
        if span is not None and (not spans or span[0] > spans[-1][1]):
            spans.append(span)  # (never one overlapping the last)
    if not spans:
        return sentence
    groups = grouped(len(words), [list(range(first, last + 1)) for first, last in spans])
    merged = list(merged_words(words, groups, text))
    for number, group in enumerate(groups):
        if len(group) > 1:
            _modify_next_noun(merged, number)
            _names_to_noun(merged, number)
    return dataclasses.replace(sentence, words=tuple(merged))


# Participles a name is glued to before a noun: `Oscar-winning`, `London-based`, `Kremlin-backed`.
_NAME_PARTICIPLE_ENDINGS = ("ing", "ed")
_NAME_PARTICIPLES = frozenset({"born", "led", "run", "built", "made", "era", "style"})


def _name_compound(words: Sequence[Word], hyphen: int) -> tuple[int, int] | None:
    """The first and last index of a capitalised name, a glued hyphen and a lower-case
    participle before a noun, with the hyphen at `hyphen`; None when there is none."""
    if not glued_hyphen(words, hyphen):
        return None
    name, participle, after = words[hyphen - 1], words[hyphen + 1], words[hyphen + 2]
    lowered = participle.text.lower()
    if (
        not name.text[:1].isupper()
        or name.upos not in ("PROPN", "NOUN")
        or participle.text != lowered
        or not lowered.isalpha()
        or not (lowered.endswith(_NAME_PARTICIPLE_ENDINGS) or lowered in _NAME_PARTICIPLES)
        or after.upos not in ("NOUN", "ADJ")
        or not after.text[:1].islower()
    ):
        return None
    first = hyphen - 1
    while (
        first > 0
        and words[first - 1].upos == "PROPN"
        and words[first - 1].text[:1].isupper()
        and words[first - 1].end + 1 == words[first].start
    ):
        first -= 1
    return first, hyphen + 1


def _names_to_noun(words: list[Word], number: int) -> None:
    """The words the parser hung on the joined modifier after its noun (`Ana Costa` of
    `Oscar-winning director Ana Costa`) hang on the noun instead."""
    modifier = words[number]
    if modifier.deprel != "amod":
        return
    for word in words[modifier.head + 1 :]:
        if word.head == number:
            words[word.index] = dataclasses.replace(word, head=modifier.head)


def _modify_next_noun(words: list[Word], number: int) -> None:
    """Make the joined word an adjective on the noun after it (past quotation marks): a noun the
    parser hung on the joined word takes its place in the tree."""
    modifier = words[number]
    noun = next((w for w in words[number + 1 : number + 4] if w.upos in ("NOUN", "PROPN")), None)
    if noun is None or noun.head != number:
        # `a well-known actor` parsed with the modifier on its noun already: only its tag.
        words[number] = dataclasses.replace(modifier, upos="ADJ")
        return
    words[noun.index] = dataclasses.replace(noun, head=modifier.head, deprel=modifier.deprel)
    words[number] = dataclasses.replace(modifier, upos="ADJ", head=noun.index, deprel="amod")


def glued_hyphen(words: Sequence[Word], index: int) -> bool:
    """A hyphen written between two words without spaces: "34-year-old"."""
    return (
        0 < index < len(words) - 1
        and words[index].text == "-"
        and words[index - 1].end == words[index].start
        and words[index].end == words[index + 1].start
    )


def leads_into_hyphen(words: Sequence[Word], index: int) -> bool:
    """A glued hyphen, or a lowercase word or number right before one: the pieces of
    `67-year-old` but its last, which may head the phrase (`the 23-year-old`). Capitalised
    pieces stay: `Jean-Pierre` names a person."""
    if glued_hyphen(words, index):
        return True
    text = words[index].text
    return (text[:1].isdigit() or text[:1].islower()) and glued_hyphen(words, index + 1)
