"""engine.cue_nouns: a cue ending its sentence after a name, which the tagger read as a noun.

In "..., The Harbour Ledger reports." or `"...," Lindqvist notes.` Stanza often tags the cue
as a plural noun with the name as its compound, so no verb reported anything and the clause
or quotation before went unattributed. A lower-case word ending in "s" whose lemma is a cue,
right after a name and last in its sentence but for punctuation, with a comma or a closing
quotation mark before the name (or the name opening a sentence that ends in a colon:
`Lindqvist writes:`), is the verb: it becomes a present-tense verb and the name its
subject (the name's other words hung on it again).
"""

from __future__ import annotations

import dataclasses

from quoteattr_server.engine.entities import CLOSING_MARKS
from quoteattr_server.engine.hyphens import each_sentence_repaired
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

_PRESENT_FEATS = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
# A comma or a closing quotation mark before the name.
_SET_OFF = CLOSING_MARKS | {","}


def cue_nouns_as_verbs(doc: ParsedDoc, lexicon: Lexicon) -> ParsedDoc:
    """`doc` with each trailing cue read as a noun read as the verb it is."""
    return each_sentence_repaired(doc, lambda sentence: _mended(sentence, lexicon))


def _mended(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    words = sentence.words
    last = next((w for w in reversed(words) if w.upos != "PUNCT"), None)
    if last is None or not _cue_noun(last, lexicon):
        return sentence
    first = last.index
    while first > 0 and words[first - 1].upos == "PROPN":
        first -= 1
    if first == last.index:
        return sentence
    opening = first - 1 if first > 0 and words[first - 1].upos == "DET" else first
    if opening == 0:
        if words[-1].text != ":":
            return sentence  # `McCrummen reports:` before a block quotation is a sentence too
    elif words[opening - 1].text not in _SET_OFF:
        return sentence
    name_head = words[last.index - 1]
    mended = list(words)
    mended[last.index] = dataclasses.replace(last, upos="VERB", feats=_PRESENT_FEATS)
    for word in words[opening : last.index - 1]:
        if word.head == last.index:
            mended[word.index] = dataclasses.replace(word, head=name_head.index)
    mended[name_head.index] = dataclasses.replace(name_head, head=last.index, deprel="nsubj")
    return dataclasses.replace(sentence, words=tuple(mended))


def _cue_noun(word: Word, lexicon: Lexicon) -> bool:
    return (
        word.upos == "NOUN"
        and word.text.islower()
        and word.text.endswith("s")
        and lexicon.is_cue(word.lemma)
        and word.text not in lexicon.not_cue_forms
    )
