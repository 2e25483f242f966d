"""engine.kin_names: a first name set off after a kin noun, with the family's surname.

News names a relative by first name alone after the person it belongs to: "George Harlow, who
drafted the charter, and his wife, Mirela, who recalled ..."; "Harlow's son, Tom, said ...". The
copy means Mirela Harlow and Tom Harlow (it writes a full name where the surname differs), so a
speaker known only by such a first name takes the surname of the person the kin noun belongs
to: the possessor written before "'s"; for "his" and "her", the name the kin noun is joined to
by "and", else the proper-noun subject of its clause, else the last name before the pronoun
that stands for someone.
"""

from __future__ import annotations

import re

from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.types import ParsedDoc, Sentence, SpeakerKind, Word

_KIN = (
    "wife",
    "husband",
    "widow",
    "widower",
    "son",
    "daughter",
    "brother",
    "sister",
    "mother",
    "father",
)


def with_kin_surname(doc: ParsedDoc, name: str, kind: SpeakerKind, lexicon: Lexicon) -> str:
    """`name` with the surname of the person whose relative it is, when the article names a
    person only by a first name set off after a kin noun; else `name`."""
    if kind not in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN):
        return name
    if " " in name or not name[:1].isupper() or f", {name}" not in doc.text:
        return name
    kin = "|".join(_KIN)
    pattern = re.compile(
        rf"\b(?:(?P<pronoun>[Hh]is|[Hh]er)|(?P<owner>[A-Z][\w.-]*)(?:'s|\u2019s))\s+"
        rf"(?:late\s+|former\s+)?(?:{kin}),\s+{re.escape(name)}\b"
    )
    for match in pattern.finditer(doc.text):
        owner = match.group("owner")
        surname = owner if owner else _pronoun_owner_surname(doc, match.start(), lexicon)
        if surname and surname != name:
            return f"{name} {surname}"
    return name


def _pronoun_owner_surname(doc: ParsedDoc, offset: int, lexicon: Lexicon) -> str | None:
    """The surname of the person a "his" or "her" at `offset` stands for: the name the kin
    noun is conjoined to (`Varga and her husband`), else the name that is the subject of the
    kin noun's clause (`Ana Ruiz arrived with her husband`), else the name before the pronoun
    (`George Harlow, who drafted the charter, and his wife`, "wife" parsed on "charter")."""
    sentence = next((s for s in doc.sentences if s.start <= offset < s.end), None)
    if sentence is None:
        return None
    pronoun = next((w for w in sentence.words if w.start == offset), None)
    if pronoun is None or pronoun.head < 0:
        return None
    kin = sentence.words[pronoun.head]
    owner = _conjoined_name(sentence, kin) or _subject_name(sentence, kin)
    last = _name_end(sentence, owner) if owner is not None else _name_before(sentence, pronoun)
    if last is None or lexicon.is_organization_head(last.text):
        return None
    return last.text


def _name_before(sentence: Sentence, pronoun: Word) -> Word | None:
    """The last word of the last name written before `pronoun` that stands for someone: not
    after "the", not owning (`Tom's shoes`) and not modifying a noun (`a North Face jacket`);
    when the parser hung "and his wife" on the wrong noun (`George Harlow, who signed the
    bill, and his wife`)."""
    words = sentence.words
    for index in range(pronoun.index - 1, -1, -1):
        word = words[index]
        if word.upos != "PROPN" or not word.text[:1].isupper():
            continue
        after = words[index + 1]
        if after.upos == "PROPN" or after.text in ("'s", "\u2019s"):
            continue  # inside the name, or a possessor
        first = index
        while first > 0 and words[first - 1].upos == "PROPN":
            first -= 1
        if (after.upos == "NOUN" and after.text.islower()) or (
            first > 0 and words[first - 1].text.lower() == "the"
        ):
            continue
        return word
    return None


def _conjoined_name(sentence: Sentence, kin: Word) -> Word | None:
    if kin.deprel != "conj" or kin.head < 0:
        return None
    head = sentence.words[kin.head]
    return head if head.upos == "PROPN" else None


def _subject_name(sentence: Sentence, kin: Word) -> Word | None:
    """The proper-noun subject of the nearest verb above `kin`."""
    current = kin
    while current.head >= 0 and current.upos not in ("VERB", "AUX"):
        current = sentence.words[current.head]
    subject = next(
        (c for c in sentence.children(current.index) if c.deprel in ("nsubj", "nsubj:pass")),
        None,
    )
    return subject if subject is not None and subject.upos == "PROPN" else None


def _name_end(sentence: Sentence, head: Word) -> Word:
    """The last word of the name headed by `head` (its `flat` parts)."""
    parts = [c for c in sentence.children(head.index) if c.deprel in ("flat", "flat:name")]
    last = max(parts, key=lambda w: w.index, default=head)
    return last if last.index > head.index else head
