"""engine.late_appositions: a name set off after a post's complement, hung on the post again.

`"...," said a lawyer for the family, Tom Reyes.` comes back with "Tom Reyes" an apposition of
"family", the last noun before the comma: the speaker was then "a lawyer", and the name seemed
the family's. A person's name (a proper noun with a `flat` part, as the parser writes given name
and surname) set off by a comma right after the complement of a post ("a lawyer for the family",
"the president of the farmers' union", "a spokesman for the Ministry of Defence", "the Chief
Minister of Punjab", there read as a conjunct with no "and", its parts sometimes two such
conjuncts: "the mayor of Lyon, Grégory Doucet") names the holder of the post: it becomes the
post's apposition. Not when the name ends in a word of organisations' names ("a
spokeswoman for the maker, Kestrel Pharma": the maker's name), when a noun of the complement
is a post or relation itself ("a lawyer for the mayor, Tom Reyes" may name the mayor), when
the name does not follow the complement at once, nor for a plural post ("Several harbour
pilots -- for example, Tomas Ruiz": an example of many).
"""

from __future__ import annotations

from quoteattr_server.engine.hyphens import each_sentence_repaired, with_arcs
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word


def late_appositions_rehung(doc: ParsedDoc, lexicon: Lexicon) -> ParsedDoc:
    """`doc` with each name set off after a post's complement hung on the post."""
    return each_sentence_repaired(doc, lambda sentence: _rehung(sentence, lexicon))


def _rehung(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    sentence = with_arcs(sentence, _name_parts_joined(sentence))
    arcs: dict[int, tuple[int, str | None]] = {}
    for word in sentence.words:
        post = _post_named(sentence, word, lexicon)
        if post is not None:
            arcs[word.index] = (post.index, "appos")
    return with_arcs(sentence, arcs)


def _post_named(sentence: Sentence, name: Word, lexicon: Lexicon) -> Word | None:
    """The post whose complement the person's name `name` was hung on, if it names its holder."""
    if not _person_name_apposed(sentence, name) or _names_organization(sentence, name, lexicon):
        return None
    words = sentence.words
    noun = words[name.head]
    before_name = [w.index for w in sentence.subtree(noun.index) if w.index < name.index - 1]
    if not before_name or max(before_name) != name.index - 2:
        return None  # the name does not follow the complement and its comma at once
    while noun.deprel == "nmod" and noun.upos in ("NOUN", "PROPN"):
        if _person_noun(noun, lexicon):
            return None  # `a lawyer for the mayor, Tom Reyes`: maybe the mayor's name
        noun = words[noun.head]
        if (noun.upos == "NOUN" or lexicon.is_title(noun.text)) and _person_noun(noun, lexicon):
            # One post, one holder: `Several harbour pilots -- for example, Tomas Ruiz` is an
            # example of many.
            return noun if "Number=Plur" not in noun.feats else None
    return None


def _name_parts_joined(sentence: Sentence) -> dict[int, tuple[int, str | None]]:
    """`said the mayor of Lyon, Grégory Doucet.`, parsed with "Grégory" and "Doucet" two
    conjuncts of "Lyon": a capitalised proper noun right after such a conjunct, with nothing
    between them and no words of its own, is the next part of its name."""
    words = sentence.words
    arcs: dict[int, tuple[int, str | None]] = {}
    for part in words[2:]:
        first = words[part.index - 1]
        while first.index in arcs:
            first = words[arcs[first.index][0]]
        if (
            part.deprel == "conj"
            and first.deprel == "conj"
            and part.head == first.head
            and part.upos == first.upos == "PROPN"
            and part.text[:1].isupper()
            and words[first.index - 1].text == ","
            and not sentence.children(part.index)
        ):
            arcs[part.index] = (first.index, "flat")
    return arcs


def _person_name_apposed(sentence: Sentence, name: Word) -> bool:
    """A capitalised proper noun with a `flat` part, set off by a comma as an apposition (or
    as a conjunct with no "and": `the Chief Minister of Punjab, Bhagwant Mann`)."""
    return (
        (
            name.deprel == "appos"
            or (
                name.deprel == "conj"
                and not any(c.deprel == "cc" for c in sentence.children(name.index))
            )
        )
        and name.upos == "PROPN"
        and name.text[:1].isupper()
        and name.head >= 0
        and name.index > 0
        and sentence.words[name.index - 1].text == ","
        and any(c.deprel.startswith("flat") for c in sentence.children(name.index))
    )


def _names_organization(sentence: Sentence, name: Word, lexicon: Lexicon) -> bool:
    """`the maker, Kestrel Pharma`: a name ending in a word of organisations' names is the
    complement's own."""
    last = sentence.subtree(name.index)[-1]
    return lexicon.is_organization_head(last.text, last.lemma)


def _person_noun(word: Word, lexicon: Lexicon) -> bool:
    """A post or a relation (`a lawyer for his brother, Tom Reyes` may name the brother)."""
    return (
        lexicon.is_role_word(word.text)
        or lexicon.is_role_word(word.lemma)
        or word.lemma.lower() in lexicon.relation_nouns
    )
