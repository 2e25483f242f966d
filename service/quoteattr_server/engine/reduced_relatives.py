"""engine.reduced_relatives: a relative clause with no "that", which the parser read as a compound.

In "..., a move officials say is needed to close the gap." the speakers' noun follows the noun
the clause describes with no relative pronoun between them. Stanza reads "move" as a compound of
"officials", with the article on "officials", and the cue as a clause beside the sentence, so
"a move officials" spoke and the whole sentence before the comma became its content. An "a" or
"an" before a singular noun and a plural one (an article that cannot be the plural's) that is
the subject of a cue, set off by a comma, is that: the singular noun is the head of an
apposition, and the cue a relative clause on it, whose subject is the plural noun.
"""

from __future__ import annotations

import dataclasses

from quoteattr_server.engine.hyphens import each_sentence_repaired
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

_SINGULAR_ARTICLES = frozenset({"a", "an"})


def reduced_relatives_read(doc: ParsedDoc, lexicon: Lexicon) -> ParsedDoc:
    """`doc` with each such relative clause read on the noun it describes."""
    return each_sentence_repaired(doc, lambda sentence: _mended(sentence, lexicon))


def _mended(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    words = sentence.words
    for cue in words:
        found = _described_and_speakers(sentence, cue, lexicon)
        if found is None:
            continue
        described, speakers = found
        mended = list(words)
        for word in sentence.children(speakers.index):
            if word.index < described.index:  # the article and adjectives before the noun
                mended[word.index] = dataclasses.replace(word, head=described.index)
        mended[described.index] = dataclasses.replace(described, head=cue.head, deprel="appos")
        mended[cue.index] = dataclasses.replace(cue, head=described.index, deprel="acl:relcl")
        return dataclasses.replace(sentence, words=tuple(mended))
    return sentence


def _described_and_speakers(
    sentence: Sentence, cue: Word, lexicon: Lexicon
) -> tuple[Word, Word] | None:
    """The noun a reduced relative clause on `cue` describes, and the clause's subject."""
    if cue.upos != "VERB" or cue.head < 0 or not lexicon.is_cue(cue.lemma):
        return None
    words = sentence.words
    subject = next((c for c in sentence.children(cue.index) if c.deprel == "nsubj"), None)
    if subject is None or subject.upos != "NOUN" or "Number=Plur" not in subject.feats:
        return None
    children = sentence.children(subject.index)
    article = next((c for c in children if c.deprel == "det"), None)
    described = next(
        (c for c in children if c.deprel == "compound" and c.index == subject.index - 1), None
    )
    if article is None or described is None or article.text.lower() not in _SINGULAR_ARTICLES:
        return None
    if described.upos != "NOUN" or "Number=Sing" not in described.feats:
        return None
    opening = min(article.index, described.index)
    if opening == 0 or words[opening - 1].text != ",":
        return None
    return described, subject
