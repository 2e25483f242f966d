"""engine.stranded_predicates: a main verb the parser hung inside the subject's own clause.

News copy sets a long description between a subject and its verb: "Jim Harper, 67, a retired
postman who has lived on the street for 40 years, disagreed." Stanza often reads the name as the
root of a sentence with no verb and hangs "disagreed" on "years", inside the relative clause, so
the name is no subject and a pronoun after it ("he said") goes to someone named earlier. Before
any rule reads the parse, such a verb becomes the root again, with the name as its subject.
"""

from __future__ import annotations

import dataclasses

from quoteattr_server.engine.hyphens import each_sentence_repaired
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

# Relations the stranded verb is given on a word of the description before it.
_STRANDED_AS = frozenset({"acl", "advcl", "conj", "parataxis", "acl:relcl", "xcomp"})
# What marks a verb as a clause of its own (`..., saying`, `..., when it closed`).
_OWN_CLAUSE = frozenset({"nsubj", "nsubj:pass", "csubj", "mark", "expl"})


def predicates_restored(doc: ParsedDoc) -> ParsedDoc:
    """`doc` with each main verb found stranded in its subject's description made the root."""
    return each_sentence_repaired(doc, _restored)


def _restored(sentence: Sentence) -> Sentence:
    words = sentence.words
    root = next((w for w in words if w.head < 0), None)
    if root is None or root.upos not in ("PROPN", "NOUN"):
        return sentence
    verb = _stranded_verb(sentence, root)
    if verb is None:
        return sentence
    mended = list(words)
    mended[verb.index] = dataclasses.replace(verb, head=-1, deprel="root")
    mended[root.index] = dataclasses.replace(root, head=verb.index, deprel="nsubj")
    opener = words[0]
    if opener.deprel == "cc":
        # `But Jim Harper ... disagreed`: the conjunction opens the clause, not the name.
        mended[0] = dataclasses.replace(opener, head=verb.index)
    return dataclasses.replace(sentence, words=tuple(mended))


def _stranded_verb(sentence: Sentence, root: Word) -> Word | None:
    """A verb after a comma that ends the sentence with its own words only, hangs inside a
    relative clause of the root's description, and has no subject or opener of its own; only
    when the root, a name or noun with no subject or copula of its own, is set off by an
    apposition or relative clause."""
    children = sentence.children(root.index)
    if not any(c.deprel in ("appos", "acl:relcl") for c in children):
        return None
    if any(c.deprel in _OWN_CLAUSE or c.deprel in ("cop", "aux") for c in children):
        return None  # `We were in a square where ...`: a clause of its own
    words = sentence.words
    after_commas = [words[w.index + 1] for w in words[:-1] if w.text == ","]
    return next((v for v in after_commas if _strands(sentence, root, v)), None)


def _strands(sentence: Sentence, root: Word, verb: Word) -> bool:
    if verb.upos != "VERB" or verb.deprel not in _STRANDED_AS or "Tense=Past" not in verb.feats:
        return False
    if any(c.deprel in _OWN_CLAUSE for c in sentence.children(verb.index)):
        return False
    inside = {w.index for w in sentence.subtree(verb.index)}
    if any(w.index not in inside and w.upos != "PUNCT" for w in sentence.words[verb.index :]):
        return False
    ancestors = sentence.ancestors(verb.index)
    return ancestors[-1] is root and any(a.deprel == "acl:relcl" for a in ancestors)
