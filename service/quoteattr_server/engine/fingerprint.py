"""engine.fingerprint: a key equal for the same quoted words, however they were typeset.

The algorithm is the one documented on `Quote.fingerprint` in the proto, so that other systems
can compute the same key: join the pieces with a space, NFKC and case-fold, keep letters and
digits (an apostrophe inside a word is dropped, so "don't" matches "dont", whichever apostrophe
it was typed with), collapse whitespace, and take the first 16 hex digits of the SHA-256 of the
UTF-8 result.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable

_APOSTROPHES = frozenset("'\u2019")
_DIGITS = 16


def normalized_words(pieces: Iterable[str]) -> str:
    """The pieces' words as the fingerprint reads them: case-folded, marks and punctuation gone."""
    text = unicodedata.normalize("NFKC", " ".join(pieces)).casefold()
    kept: list[str] = []
    for index, char in enumerate(text):
        if unicodedata.category(char)[0] in "LN":
            kept.append(char)
        elif char in _APOSTROPHES and _inside_word(text, index):
            continue
        else:
            kept.append(" ")
    return " ".join("".join(kept).split())


def fingerprint(pieces: Iterable[str]) -> str:
    """The fingerprint of a quote's pieces; empty when no letter or digit remains."""
    words = normalized_words(pieces)
    if not words:
        return ""
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:_DIGITS]


def _inside_word(text: str, index: int) -> bool:
    return (
        0 < index < len(text) - 1
        and unicodedata.category(text[index - 1])[0] in "LN"
        and unicodedata.category(text[index + 1])[0] in "LN"
    )
