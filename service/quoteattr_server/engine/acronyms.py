"""engine.acronyms: what the article's abbreviations stand for.

News spells an organisation out once, often with its abbreviation in parentheses ("the Federal
Aviation Administration (FAA)"), and abbreviates it afterwards ("the FAA said", "the S.E.C.
said"); the speaker is one organisation, under its full name. An abbreviation stands for a name
only when its letters are the initials of that name's capitalised words, so no guess ever
replaces a name the article wrote.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence

from quoteattr_server.engine.hyphens import each_sentence_repaired
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

# Lower-case words inside an organisation's name that its abbreviation skips:
# "Federal Bureau of Investigation" (FBI), "Alliance to Save Our Ports" (ASOP).
NAME_LINKS = frozenset({"of", "for", "on", "and", "&", "the", "to", "in", "at"})
MIN_LETTERS = 2
MAX_LETTERS = 8


# British and American departments keep the initial of a link in lower case: "MoD" (Ministry of
# Defence), "DfE" (Department for Education), "DoJ" (Department of Justice).
_LINKED_ABBREVIATION = re.compile(r"[A-Z](?:[afiot]?[A-Z])+")


def letters_of(name: str) -> str | None:
    """The letters of an abbreviation ("S.E.C." -> "SEC", "FAA", "MoD"); None for any other
    name."""
    bare = name.replace(".", "")
    if not MIN_LETTERS <= len(bare) <= MAX_LETTERS or not bare.isalpha():
        return None
    return bare if bare.isupper() or _LINKED_ABBREVIATION.fullmatch(bare) else None


def initials_of(tokens: Sequence[str], *, with_links: bool = False) -> str | None:
    """The initials of a name's capitalised words, its lower-case links skipped ("Office for
    National Statistics" -> "ONS"), or written in lower case `with_links` ("Ministry of
    Defence" -> "MoD"); None when a word is neither."""
    found = []
    for token in tokens:
        if letters_of(token) is not None and len(tokens) > 1:
            return None  # `The I.R.S.`: an abbreviation inside is no name spelled out
        if token[:1].isupper():
            found.append(token[0])
        elif token.lower() not in NAME_LINKS:
            return None
        elif with_links and token != "the":
            found.append(token[0])
    return "".join(found) if len(found) >= MIN_LETTERS else None


def _initials_variants(tokens: Sequence[str]) -> set[str]:
    """The ways an abbreviation may spell a name: "ONS"; "MoD", "DOJ" with its links."""
    plain, linked = initials_of(tokens), initials_of(tokens, with_links=True)
    return {i for i in (plain, linked, linked and linked.upper()) if i is not None}


def _spelled_before(words: Sequence[Word], opening: int, letters: str) -> tuple[int, int] | None:
    """The words right before a parenthesis whose initials are `letters`: (first, last)."""
    last = opening - 1
    first = last
    reach = 2 * len(letters) + 2
    while first >= 0 and last - first < reach:
        word = words[first]
        if not (word.text[:1].isupper() or word.text.lower() in NAME_LINKS):
            return None
        tokens = [w.text for w in words[first : last + 1]]
        if word.text[:1].isupper() and letters in _initials_variants(tokens):
            return first, last
        first -= 1
    return None


def parenthesized(sentence: Sentence, text: str) -> Iterator[tuple[str, str]]:
    """(letters, full name) for each `Full Name (ABBR)` of the sentence."""
    words = sentence.words
    for index in range(1, len(words) - 2):
        if words[index].text != "(" or words[index + 2].text != ")":
            continue
        letters = letters_of(words[index + 1].text)
        if letters is None:
            continue
        spelled = _spelled_before(words, index, letters)
        if spelled is not None:
            first, last = spelled
            yield letters, text[words[first].start : words[last].end]


# How many words a name spelled out for an abbreviation may have.
MAX_NAME_WORDS = 2 * MAX_LETTERS


def written_names(sentence: Sentence, text: str) -> Iterator[tuple[int, str]]:
    """(start, text) of every run of capitalised words of the sentence, their links inside
    ("Internal Fisheries Service", "Bureau of Prisons"), and of each part of such a run that
    starts and ends with a capitalised word: the names an abbreviation may stand for, however
    the tagger read them."""
    words = sentence.words
    index = 0
    while index < len(words):
        if not words[index].text[:1].isupper():
            index += 1
            continue
        end = index
        while end + 1 < len(words) and (
            words[end + 1].text[:1].isupper() or words[end + 1].text.lower() in NAME_LINKS
        ):
            end += 1
        run = list(words[index : end + 1])
        while not run[-1].text[:1].isupper():
            run.pop()
        for first, word in enumerate(run):
            if not word.text[:1].isupper():
                continue
            for last in range(first, min(len(run), first + MAX_NAME_WORDS)):
                if run[last].text[:1].isupper():
                    yield word.start, text[word.start : run[last].end]
        index = end + 1


def expansions(
    sentences: Sequence[Sentence], known_names: Sequence[tuple[int, str]], text: str
) -> dict[str, str]:
    """Letters of an abbreviation -> the full name it stands for: a name the article defines
    with it in parentheses; else the one name written before the abbreviation's first use
    whose initials the letters are, among the names the article is known to write
    (`known_names`, as (start, name)), then among all its runs of capitalised words (none when
    two share them; "RT" used before "Russia Today" is written is the name the article goes
    by)."""
    first_use: dict[str, int] = {}
    written = [
        (w.start, w.text) for sentence in sentences for w in sentence.words if w.text[:1].isupper()
    ]
    for start, name in sorted([*written, *known_names]):
        letters = letters_of(name)
        if letters is not None:
            first_use.setdefault(letters, start)
    if not first_use:
        return {}
    found: dict[str, str] = {}
    runs: list[tuple[int, str]] = []
    for sentence in sentences:
        for letters, full in parenthesized(sentence, text):
            found.setdefault(letters, full)
        runs.extend(written_names(sentence, text))
    for names in (known_names, runs):
        for initials, name in _named_once(names, first_use).items():
            found.setdefault(initials, name)
    return found


def _named_once(names: Sequence[tuple[int, str]], first_use: dict[str, int]) -> dict[str, str]:
    """Initials of an abbreviation the article uses -> the one name of `names` with them,
    written before its first use."""
    by_initials: dict[str, dict[str, int]] = {}
    for start, name in sorted(names):
        tokens = name.split()
        if len(tokens) < MIN_LETTERS:
            continue
        for initials in _initials_variants(tokens):
            if initials in first_use:
                by_initials.setdefault(initials, {}).setdefault(name, start)
    named: dict[str, str] = {}
    for initials, written in by_initials.items():
        name, start = next(iter(written.items()))
        if len(written) == 1 and start < first_use[initials]:
            named[initials] = name
    return named


def acronyms_as_names(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with every abbreviation the tagger read as a pronoun or function word ("the WHO
    representative", "US officials") read as a name. The parser made "WHO" a relative pronoun
    and its noun a relative clause (`Hans Berger, the WHO representative,`): that clause is an
    apposition again, with the abbreviation its modifier."""
    return each_sentence_repaired(doc, _names_read)


def _names_read(sentence: Sentence) -> Sentence:
    words = sentence.words
    if not any(_misread(words, word) for word in words):
        return sentence
    fixed = list(words)
    for word in words:
        if not _misread(words, word):
            continue
        fixed[word.index] = dataclasses.replace(word, upos="PROPN", lemma=word.text)
        host = words[word.head] if word.head >= 0 else None
        if host is not None and word.deprel == "nsubj" and host.deprel == "acl:relcl":
            fixed[word.index] = dataclasses.replace(fixed[word.index], deprel="compound")
            fixed[host.index] = dataclasses.replace(fixed[host.index], deprel="appos")
        elif host is not None and host.index == word.index + 1 and host.upos == "ADJ":
            # `said WHO chief Tedros Adhanom`: the title, tagged an adjective, is what it
            # modifies, not a predicate it is the subject of.
            fixed[word.index] = dataclasses.replace(fixed[word.index], deprel="compound")
        elif (twin := _phrase_beside(words, word)) is not None:
            fixed[word.index] = dataclasses.replace(
                fixed[word.index], head=twin.index, deprel="compound"
            )
        _name_after_made_head(sentence, word, fixed)
    return dataclasses.replace(sentence, words=tuple(fixed))


def _phrase_beside(words: Sequence[Word], acronym: Word) -> Word | None:
    """`the WHO chief urged ...`, `the WHO director-general urged ...`: the parser made the
    abbreviation a second subject beside the noun phrase right after it; it modifies that
    phrase, whose head (under the same word, in the same relation) this returns."""
    noun = words[acronym.index + 1]
    while acronym.index < noun.head != acronym.head:
        noun = words[noun.head]
    if noun.head == acronym.head and noun.deprel == acronym.deprel and noun.upos != "VERB":
        return noun
    return None


def _name_after_made_head(sentence: Sentence, acronym: Word, fixed: list[Word]) -> None:
    """`WHO Director-General Tedros Adhanom said`, parsed with the name under "WHO" or beside
    it: the abbreviation modifies the title after it, as "Health" does in `Health Minister
    Anna Berg`, and the name words it held take its place in the sentence."""
    words = sentence.words
    run = list(itertools.takewhile(_in_titled_name, words[acronym.index + 1 :]))
    if not run:
        return
    held = next((w for w in run if w.head == acronym.index), None)
    if held is not None:
        fixed[held.index] = dataclasses.replace(
            fixed[held.index], head=acronym.head, deprel=fixed[acronym.index].deprel
        )
        for child in sentence.children(acronym.index):
            if child is not held:
                fixed[child.index] = dataclasses.replace(fixed[child.index], head=held.index)
    elif run[0].deprel != "compound" or any(w is acronym for w in sentence.ancestors(run[0].index)):
        return  # no title hung on a name, or one the abbreviation holds: no arc would stand
    fixed[acronym.index] = dataclasses.replace(
        fixed[acronym.index], head=run[0].index, deprel="compound"
    )


def _in_titled_name(word: Word) -> bool:
    """A word of a title and name in capitals, over a title's hyphens (`Director-General`)."""
    return word.upos == "PROPN" or word.text == "-" or word.text[:1].isupper()


def _misread(words: Sequence[Word], word: Word) -> bool:
    """An abbreviation in capitals tagged as a word of grammar, in a sentence written in lower
    case (not a headline in capitals), right before the noun it modifies."""
    following = words[word.index + 1] if word.index + 1 < len(words) else None
    before = words[word.index - 1] if word.index > 0 else None
    return (
        word.upos in ("PRON", "DET", "ADP", "SCONJ", "CCONJ", "ADV")
        and letters_of(word.text) is not None
        and following is not None
        and (
            following.upos in ("NOUN", "PROPN")
            or (following.upos == "ADJ" and _before_name(words, following))
        )
        and (following.text[:1].islower() or following.upos == "PROPN")
        # `... KILLED IN DEADLY BLAST`: a word among capitals is a headline's, no abbreviation
        and not any(w is not None and _in_capitals(w) for w in (before, following))
        and _not_in_capitals(words)
    )


def _before_name(words: Sequence[Word], word: Word) -> bool:
    """A capitalised proper noun follows `word` (`WHO chief Tedros`, "chief" an adjective)."""
    following = words[word.index + 1] if word.index + 1 < len(words) else None
    return following is not None and following.upos == "PROPN" and following.text[:1].isupper()


def _in_capitals(word: Word) -> bool:
    return len(word.text) > 1 and word.text.isupper()


def _not_in_capitals(words: Sequence[Word]) -> bool:
    """Most of the sentence's words are not all capitals: no headline in capitals (a line
    of names and titles, `said WHO Director-General Tedros Adhanom`, is no headline)."""
    lettered = [w for w in words if w.text[:1].isalpha()]
    return sum(w.text.isupper() for w in lettered) * 2 <= len(lettered)
