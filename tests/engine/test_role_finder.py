"""Roles read at every mention of a speaker's name, on hand-written CoNLL-U parses."""

from __future__ import annotations

import pytest

from quoteattr_server.engine.lexicon import load_lexicon
from quoteattr_server.engine.role_finder import RoleReader, complete_roles
from quoteattr_server.engine.types import (
    AttributionResult,
    ParsedDoc,
    Sentence,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
    Word,
)

LEXICON = load_lexicon()


def parse(conllu: str) -> ParsedDoc:
    """A one-sentence document from CoNLL-U rows (ID FORM LEMMA UPOS HEAD DEPREL), words
    separated by single spaces unless the row's last column says `SpaceAfter=No`."""
    words: list[Word] = []
    text = ""
    for row in conllu.strip().splitlines():
        cells = row.split()
        index, form, lemma, upos, head, deprel = cells[:6]
        start = len(text)
        text += form
        words.append(
            Word(int(index) - 1, form, lemma, upos, "", int(head) - 1, deprel, start, len(text))
        )
        if not (len(cells) > 6 and cells[6] == "SpaceAfter=No"):
            text += " "
    text = text.rstrip()
    sentence = Sentence(tuple(words), 0)
    return ParsedDoc(text, (sentence,), (Span(0, len(text)),))


def roles_of(doc: ParsedDoc, name: str, kind: SpeakerKind = SpeakerKind.PERSON) -> Speaker:
    start = doc.text.index(name.split()[-1])
    speaker = Speaker("s1", name, kind, (), (TextSpan(name, Span(start, start + len(name))),))
    result = complete_roles(doc, AttributionResult((), (speaker,)), LEXICON)
    return result.speakers[0]


TITLE_WITH_HONORIFIC = """
1 " " PUNCT 5 punct SpaceAfter=No
2 It it PRON 5 nsubj
3 is be AUX 5 cop
4 safe safe ADJ 5 root SpaceAfter=No
5 , , PUNCT 4 punct SpaceAfter=No
6 " " PUNCT 4 punct
7 said say VERB 0 root
8 museum museum NOUN 9 compound
9 director director NOUN 12 nmod:desc
10 Sir Sir PROPN 12 compound
11 Alan Alan PROPN 7 nsubj
12 Whitby Whitby PROPN 11 flat SpaceAfter=No
13 . . PUNCT 7 punct
"""


def test_title_before_name_leaves_out_the_honorific() -> None:
    speaker = roles_of(parse(TITLE_WITH_HONORIFIC), "Alan Whitby")
    assert [r.text for r in speaker.roles] == ["museum director"]
    assert speaker.name == "Alan Whitby"


LEADING_TITLE_IN_NAME = """
1 said say VERB 0 root
2 Harbourmaster Harbourmaster PROPN 1 nsubj
3 Elena Elena PROPN 2 flat
4 Petrova Petrova PROPN 2 flat SpaceAfter=No
5 . . PUNCT 1 punct
"""


def test_title_at_the_front_of_a_name_becomes_a_role() -> None:
    speaker = roles_of(parse(LEADING_TITLE_IN_NAME), "Harbourmaster Elena Petrova")
    assert speaker.name == "Elena Petrova"
    assert [r.text for r in speaker.roles] == ["Harbourmaster"]


APPOSITION_AFTER_AGE = """
1 said say VERB 0 root
2 Dev Dev PROPN 1 nsubj
3 Patel Patel PROPN 2 flat SpaceAfter=No
4 , , PUNCT 5 punct
5 54 54 NUM 3 conj SpaceAfter=No
6 , , PUNCT 8 punct
7 a a DET 8 det
8 shopkeeper shopkeeper NOUN 2 appos
9 on on ADP 11 case
10 Main Main PROPN 11 compound
11 Street Street PROPN 8 nmod SpaceAfter=No
12 . . PUNCT 1 punct
"""


def test_apposition_after_an_age() -> None:
    speaker = roles_of(parse(APPOSITION_AFTER_AGE), "Dev Patel")
    assert [r.text for r in speaker.roles] == ["a shopkeeper on Main Street"]


ROLE_SET_OFF_BEFORE = """
1 The the DET 2 det
2 leader leader NOUN 8 nsubj
3 of of ADP 5 case
4 the the DET 5 det
5 opposition opposition NOUN 2 nmod SpaceAfter=No
6 , , PUNCT 7 punct
7 Victor Victor PROPN 2 appos
8 Alvarez Alvarez PROPN 7 flat SpaceAfter=No
9 , , PUNCT 7 punct
10 said say VERB 0 root
11 it it PRON 12 nsubj
12 failed fail VERB 10 ccomp SpaceAfter=No
13 . . PUNCT 10 punct
"""


def test_role_set_off_before_the_name() -> None:
    speaker = roles_of(parse(ROLE_SET_OFF_BEFORE), "Victor Alvarez")
    assert [r.text for r in speaker.roles] == ["The leader of the opposition"]


PREDICATE = """
1 Hale Hale PROPN 5 nsubj SpaceAfter=No
2 , , PUNCT 5 punct
3 who who PRON 5 nsubj
4 was be AUX 5 cop
5 a a DET 6 det
6 teacher teacher NOUN 1 acl:relcl SpaceAfter=No
7 , , PUNCT 6 punct
8 disagreed disagree VERB 0 root SpaceAfter=No
9 . . PUNCT 8 punct
"""


def test_copular_relative_clause_gives_a_role() -> None:
    speaker = roles_of(parse(PREDICATE), "Hale")
    assert [r.text for r in speaker.roles] == ["a teacher"]


NOT_A_ROLE = """
1 Hale Hale PROPN 9 nsubj SpaceAfter=No
2 , , PUNCT 5 punct
3 the the DET 4 det
4 day day NOUN 9 obl:tmod
5 after after ADP 7 case
6 the the DET 7 det
7 vote vote NOUN 4 nmod SpaceAfter=No
8 , , PUNCT 4 punct
9 resigned resign VERB 0 root SpaceAfter=No
10 . . PUNCT 9 punct
"""


def test_a_phrase_of_time_after_a_name_is_no_role() -> None:
    assert roles_of(parse(NOT_A_ROLE), "Hale").roles == ()


GROUP_LABEL = """
1 Voters voter NOUN 2 nsubj
2 said say VERB 0 root
3 no no INTJ 2 obj SpaceAfter=No
4 . . PUNCT 2 punct
"""


def test_a_group_label_is_not_its_role() -> None:
    assert roles_of(parse(GROUP_LABEL), "Voters", SpeakerKind.GROUP).roles == ()


@pytest.mark.parametrize(
    ("word", "expected"),
    [("vice-president", True), ("forward", True), ("Sen.", True), ("plan", False)],
)
def test_role_nouns(word: str, expected: bool) -> None:
    reader = RoleReader(word, LEXICON)
    assert (
        reader.is_role_noun(Word(0, word, word.lower(), "NOUN", "", -1, "root", 0, len(word)))
        is expected
    )
