"""Roles read at every mention of a speaker's name, on hand-written CoNLL-U parses."""

from __future__ import annotations

import pytest

from quoteattr_server.engine import attribute
from quoteattr_server.engine.lexicon import load_lexicon
from quoteattr_server.engine.role_finder import RoleReader, complete_roles
from quoteattr_server.engine.types import (
    AttributionResult,
    ParsedDoc,
    Sentence,
    SourceCategory,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
    Word,
)

from .rulekit import parsed, quote_containing, quoted_by, roles_by_name, speaker_of

LEXICON = load_lexicon()


def parse(conllu: str) -> ParsedDoc:
    """A document from CoNLL-U rows (ID FORM LEMMA UPOS HEAD DEPREL [SpaceAfter=No]); a blank
    line starts a new sentence."""
    sentences: list[Sentence] = []
    text = ""
    for block in conllu.strip().split("\n\n"):
        words: list[Word] = []
        for row in block.strip().splitlines():
            cells = row.split()
            index, form, lemma, upos, head, deprel = cells[:6]
            start = len(text)
            text += form
            words.append(
                Word(int(index) - 1, form, lemma, upos, "", int(head) - 1, deprel, start, len(text))
            )
            if not (len(cells) > 6 and cells[6] == "SpaceAfter=No"):
                text += " "
        sentences.append(Sentence(tuple(words), 0))
    text = text.rstrip()
    return ParsedDoc(text, tuple(sentences), (Span(0, len(text)),))


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


RANK_AFTER_TITLE = """
1 Professor Professor PROPN 5 nsubj
2 Emeritus Emeritus PROPN 1 flat
3 John John PROPN 1 flat
4 Hale Hale PROPN 1 flat
5 said say VERB 0 root
6 it it PRON 7 nsubj
7 held hold VERB 5 ccomp SpaceAfter=No
8 . . PUNCT 5 punct
"""


def test_a_rank_written_after_its_title_stays_in_the_role() -> None:
    # `Professor Emeritus John Hale said`: "Emeritus" (titles.txt) is no given name.
    speaker = roles_of(parse(RANK_AFTER_TITLE), "Professor Emeritus John Hale")
    assert speaker.name == "John Hale"
    assert [r.text for r in speaker.roles] == ["Professor Emeritus"]


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
    [
        ("vice-president", True),
        ("forward", True),
        ("Sen.", True),
        ("mate", True),
        ("opponent", True),
        ("plan", False),
    ],
)
def test_role_nouns(word: str, expected: bool) -> None:
    reader = RoleReader(word, LEXICON)
    assert (
        reader.is_role_noun(Word(0, word, word.lower(), "NOUN", "", -1, "root", 0, len(word)))
        is expected
    )


SUFFIXED_NAME = """
1 Anton Anton PROPN 4 nsubj
2 R. R. PROPN 1 flat
3 Weller Weller PROPN 1 flat
4 Jr. Jr. PROPN 1 flat
5 arrived arrive VERB 0 root SpaceAfter=No
6 . . PUNCT 5 punct

1 Weller Weller PROPN 2 nsubj
2 said say VERB 0 root
3 no no INTJ 2 obj SpaceAfter=No
4 . . PUNCT 2 punct
"""


def test_fullest_name_with_its_suffix() -> None:
    doc = parse(SUFFIXED_NAME)
    mention = doc.text.rindex("Weller")
    speaker = Speaker(
        "s1", "Weller", SpeakerKind.PERSON, (), (TextSpan("Weller", Span(mention, mention + 6)),)
    )
    result = complete_roles(doc, AttributionResult((), (speaker,)), LEXICON)
    assert result.speakers[0].name == "Anton R. Weller Jr."


def test_a_speaker_called_by_a_word_inside_a_longer_name_has_all_of_it() -> None:
    # `President Rui Tavares da Costa ... Tavares told reporters`: the name goes on past
    # "Tavares", so the later mention is the same person, not "Rui Tavares"; the
    # `Tavares Institute` stays a body of its own.
    assert [name for _, name in quoted_by("surname_inside_longer_name")] == [
        "Rui Tavares da Costa",
        "Rui Tavares da Costa",
        "Tavares Institute",
    ]


def test_a_title_with_its_post_before_the_holders_name() -> None:
    # `Former U.S. ambassador to Portugal Michael Lindqvist said`, with the name and the
    # post's place both hung on "ambassador": the name is the speaker's, the title with its
    # post the role; also after a body (`to the United Nations`) and under "special envoy".
    # `An adviser to the Texas Republican Greg Holt` is an adviser, described.
    assert roles_by_name(attribute(parsed("post_then_holder"), LEXICON)) == {
        "Michael Lindqvist": ["Former U.S. ambassador to Portugal"],
        "Clara Thomas-Obuya": ["U.S. Ambassador to the United Nations"],
        "Geir Halvorsen": ["UN special envoy to Syria"],
        "An adviser to the Texas Republican Greg Holt": [
            "An adviser to the Texas Republican Greg Holt"
        ],
    }


def test_first_lady_is_a_post_and_an_eyewitness_a_role() -> None:
    # `said former first lady Ana Ruiz`: "lady" after "first" is no honorific to skip;
    # `Lady Marsh` keeps hers out of the name and the roles.
    assert roles_by_name(attribute(parsed("first_lady_and_eyewitness"), LEXICON)) == {
        "Ana Ruiz": ["former first lady"],
        "Tom Reilly": ["eyewitness"],
        "Marsh": ["the former president of the court"],
    }


def test_an_apposition_after_a_party_tag_set_off_by_commas_is_a_role() -> None:
    # `said Rep. Ana Lind, R-Texas, a member of the Armed Services Committee`: wire copy sets
    # the party tag off by commas, not brackets; the apposition after it is hers.
    assert roles_by_name(attribute(parsed("apposition_after_wire_party_tag"), LEXICON)) == {
        "Ana Lind": ["Rep.", "a member of the Armed Services Committee"],
        "Tom Reyes": ["Sen.", "the ranking member of the panel"],
    }


TWO_OF_A_NAME = """
1 Ivo Ivo PROPN 3 nsubj
2 Marin Marin PROPN 1 flat
3 spoke speak VERB 0 root
4 before before ADP 5 case
5 Lucija Lucija PROPN 3 obl
6 Marin Marin PROPN 5 flat SpaceAfter=No
7 . . PUNCT 3 punct

1 Marin Marin PROPN 2 nsubj
2 said say VERB 0 root
3 no no INTJ 2 obj SpaceAfter=No
4 . . PUNCT 2 punct
"""


def test_two_people_of_one_surname_take_the_one_named_last() -> None:
    doc = parse(TWO_OF_A_NAME)
    mention = doc.text.rindex("Marin")
    speaker = Speaker(
        "s1", "Marin", SpeakerKind.PERSON, (), (TextSpan("Marin", Span(mention, mention + 5)),)
    )
    result = complete_roles(doc, AttributionResult((), (speaker,)), LEXICON)
    assert result.speakers[0].name == "Lucija Marin"


SHARED_TITLE = """
1 Sens. Sens. PROPN 2 nmod:desc
2 Ann Ann PROPN 6 nsubj
3 Lee Lee PROPN 2 flat
4 and and CCONJ 5 cc
5 Mark Mark PROPN 2 conj
6 Tanner Tanner PROPN 5 flat
7 objected object VERB 0 root SpaceAfter=No
8 . . PUNCT 7 punct
"""


def test_a_plural_title_is_shared_by_conjoined_names() -> None:
    speaker = roles_of(parse(SHARED_TITLE), "Mark Tanner")
    assert [r.text for r in speaker.roles] == ["Sens."]


TITLE_OF_STATE = """
1 Secretary Secretary PROPN 4 nmod:desc
2 of of ADP 3 case
3 State State PROPN 1 nmod
4 Maria Maria PROPN 6 nsubj
5 Lind Lind PROPN 4 flat
6 spoke speak VERB 0 root SpaceAfter=No
7 . . PUNCT 6 punct
"""


def test_title_with_its_complement() -> None:
    speaker = roles_of(parse(TITLE_OF_STATE), "Maria Lind")
    assert [r.text for r in speaker.roles] == ["Secretary of State"]


DESCRIPTION_LATER = """
1 Governor Governor PROPN 2 nmod:desc
2 Ellen Ellen PROPN 4 nsubj
3 Pryce Pryce PROPN 2 flat
4 spoke speak VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct

1 The the DET 2 det
2 governor governor NOUN 3 nsubj
3 left leave VERB 0 root SpaceAfter=No
4 . . PUNCT 3 punct
"""


def test_definite_description_goes_to_the_named_speaker_with_that_title() -> None:
    speaker = roles_of(parse(DESCRIPTION_LATER), "Ellen Pryce")
    assert [r.text for r in speaker.roles] == ["Governor", "The governor"]


DASH_APPOSITION_AND_CHAIN = """
1 Omar Omar PROPN 9 nsubj
2 Selim Selim PROPN 1 flat
3 — — PUNCT 5 punct
4 a a DET 5 det
5 surgeon surgeon NOUN 1 appos
6 who who PRON 8 nsubj
7 is be AUX 8 cop
8 host host NOUN 5 acl:relcl
9 spoke speak VERB 0 root SpaceAfter=No
10 . . PUNCT 9 punct
"""


def test_dash_apposition_and_its_relative_predicate() -> None:
    speaker = roles_of(parse(DASH_APPOSITION_AND_CHAIN), "Omar Selim")
    assert [r.text for r in speaker.roles] == ["a surgeon", "host"]


PLACE_MODIFIER = """
1 Senator Senator PROPN 2 nmod:desc
2 Ann Ann PROPN 4 nsubj
3 Lee Lee PROPN 2 flat
4 spoke speak VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct

1 The the DET 3 det
2 Ohio Ohio PROPN 3 compound
3 senator senator NOUN 4 nsubj
4 left leave VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct
"""


def test_a_modifier_no_speaker_has_does_not_block_the_link() -> None:
    # Nothing in the article tells "Ohio" apart: the only senator named is the referent.
    speaker = roles_of(parse(PLACE_MODIFIER), "Ann Lee")
    assert [r.text for r in speaker.roles] == ["Senator", "The Ohio senator"]


PARTY_DESCRIPTIONS = """
1 Republican Republican ADJ 2 amod
2 Tom Tom PROPN 4 nsubj
3 Hale Hale PROPN 2 flat
4 spoke speak VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct

1 Democrat Democrat PROPN 2 nmod:desc
2 Ann Ann PROPN 4 nsubj
3 Lee Lee PROPN 2 flat
4 replied reply VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct

1 The the DET 3 det
2 GOP GOP PROPN 3 compound
3 nominee nominee NOUN 4 nsubj
4 left leave VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct

1 The the DET 4 det
2 Democratic Democratic ADJ 4 amod
3 presidential presidential ADJ 4 amod
4 candidate candidate NOUN 5 nsubj
5 stayed stay VERB 0 root SpaceAfter=No
6 . . PUNCT 5 punct

1 The the DET 5 det
2 Republican Republican ADJ 5 amod
3 vice vice ADJ 5 amod
4 presidential presidential ADJ 5 amod
5 nominee nominee NOUN 6 nsubj
6 arrived arrive VERB 0 root SpaceAfter=No
7 . . PUNCT 6 punct
"""


def _people(doc: ParsedDoc, *names: str) -> list[Speaker]:
    """Named people, each mentioned where the text first writes them, after `complete_roles`."""
    speakers = tuple(
        Speaker(f"s{i}", name, SpeakerKind.PERSON, (), (TextSpan(name, Span(at, at + len(name))),))
        for i, name in enumerate(names)
        for at in [doc.text.index(name)]
    )
    return list(complete_roles(doc, AttributionResult((), speakers), LEXICON).speakers)


def test_a_description_of_a_party_goes_to_the_one_speaker_of_that_party() -> None:
    # No one is called a nominee or a candidate: the party label tells who is meant.
    hale, lee = _people(parse(PARTY_DESCRIPTIONS), "Tom Hale", "Ann Lee")
    assert [r.text for r in hale.roles] == ["Republican", "The GOP nominee"]
    assert [r.text for r in lee.roles] == ["Democrat", "The Democratic presidential candidate"]


def test_a_rank_word_makes_the_description_another_post() -> None:
    # "the Republican vice presidential nominee" is not the Republican named so far.
    hale, _ = _people(parse(PARTY_DESCRIPTIONS), "Tom Hale", "Ann Lee")
    assert not any("vice" in r.text for r in hale.roles)


ONE_OF_A_CLASS = """
1 Ana Ana PROPN 8 nsubj
2 Kovac Kovac PROPN 1 flat SpaceAfter=No
3 , , PUNCT 4 punct
4 one one NUM 1 appos
5 of of ADP 7 case
6 the the DET 7 det
7 aides aides NOUN 4 nmod SpaceAfter=No
8 , , PUNCT 4 punct
9 spoke speak VERB 0 root SpaceAfter=No
10 . . PUNCT 9 punct
"""


def test_one_of_a_class_of_role_holders_is_a_role() -> None:
    # `one of the aides`: the role is the class the speaker is picked from (plural kept as
    # written by the lemmatizer).
    speaker = roles_of(parse(ONE_OF_A_CLASS), "Ana Kovac")
    assert [r.text for r in speaker.roles] == ["one of the aides"]


FORMER_AND_CURRENT = """
1 Former former ADJ 2 amod
2 President President PROPN 3 nmod:desc
3 Ann Ann PROPN 5 nsubj
4 Lee Lee PROPN 3 flat
5 spoke speak VERB 0 root SpaceAfter=No
6 . . PUNCT 5 punct

1 The the DET 2 det
2 president president NOUN 3 nsubj
3 noted note VERB 0 root
4 it it PRON 3 obj SpaceAfter=No
5 . . PUNCT 3 punct

1 The the DET 3 det
2 former former ADJ 3 amod
3 president president NOUN 4 nsubj
4 noted note VERB 0 root
5 it it PRON 4 obj SpaceAfter=No
6 . . PUNCT 4 punct
"""


def test_the_president_is_not_the_former_president() -> None:
    # "former" makes another post; and the phrase stops at the verb it is the subject of.
    speaker = roles_of(parse(FORMER_AND_CURRENT), "Ann Lee")
    assert [r.text for r in speaker.roles] == ["Former President", "The former president"]


PRONOUN_PREDICATE = """
1 Ann Ann PROPN 3 nsubj
2 Lee Lee PROPN 1 flat
3 spoke speak VERB 0 root SpaceAfter=No
4 . . PUNCT 3 punct

1 She she PRON 4 nsubj
2 was be AUX 4 cop
3 a a DET 4 det
4 judge judge NOUN 0 root
5 for for ADP 7 case
6 ten ten NUM 7 nummod
7 years year NOUN 4 nmod SpaceAfter=No
8 . . PUNCT 4 punct
"""


@pytest.mark.parametrize(
    "copula",
    [
        "2 was be AUX 4 cop",
        "2 \u2019s be AUX 4 cop",  # "She\u2019s a judge", with the clitic split off
    ],
)
def test_a_role_stated_of_a_pronoun_goes_to_the_person_named_last(copula: str) -> None:
    conllu = PRONOUN_PREDICATE.replace("2 was be AUX 4 cop", copula)
    if "\u2019s" in copula:
        conllu = conllu.replace("1 She she PRON 4 nsubj", "1 She she PRON 4 nsubj SpaceAfter=No")
    speaker = roles_of(parse(conllu), "Ann Lee")
    assert [r.text for r in speaker.roles] == ["a judge"]


PARTICIPLE_MODIFIER = """
1 Ann Ann PROPN 9 nsubj
2 Lee Lee PROPN 1 flat SpaceAfter=No
3 , , PUNCT 7 punct
4 the the DET 7 det
5 leading lead VERB 7 amod
6 opposition opposition NOUN 7 compound
7 candidate candidate NOUN 1 appos SpaceAfter=No
8 , , PUNCT 7 punct
9 spoke speak VERB 0 root SpaceAfter=No
10 . . PUNCT 9 punct
"""


def test_a_participle_modifier_stays_in_the_role() -> None:
    speaker = roles_of(parse(PARTICIPLE_MODIFIER), "Ann Lee")
    assert [r.text for r in speaker.roles] == ["the leading opposition candidate"]


POSSESSIVE_DESCRIPTION = """
1 Democrat Democrat PROPN 2 nmod:desc
2 Ann Ann PROPN 4 nsubj
3 Lee Lee PROPN 2 flat
4 spoke speak VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct

1 Libertarian Libertarian ADJ 3 amod
2 presidential presidential ADJ 3 amod
3 candidate candidate NOUN 4 nmod:desc
4 Tom Tom PROPN 6 nsubj
5 Hale Hale PROPN 4 flat
6 spoke speak VERB 0 root SpaceAfter=No
7 . . PUNCT 6 punct

1 The the DET 4 det
2 Democratic Democratic ADJ 4 amod
3 presidential presidential ADJ 4 amod
4 candidate candidate NOUN 6 nmod:poss SpaceAfter=No
5 's 's PART 4 case
6 plan plan NOUN 7 nsubj
7 failed fail VERB 0 root SpaceAfter=No
8 . . PUNCT 7 punct
"""


def test_a_possessive_description_of_another_party_is_not_the_candidate() -> None:
    # Hale is the one "presidential candidate" named, but of another party than the description.
    lee, hale = _people(parse(POSSESSIVE_DESCRIPTION), "Ann Lee", "Tom Hale")
    assert [r.text for r in lee.roles] == ["Democrat", "The Democratic presidential candidate"]
    assert [r.text for r in hale.roles] == ["Libertarian presidential candidate"]


FORMER_HOLDER = """
1 Ann Ann PROPN 8 nsubj
2 Lee Lee PROPN 1 flat SpaceAfter=No
3 , , PUNCT 4 punct
4 secretary secretary NOUN 1 appos
5 of of ADP 6 case
6 state state NOUN 4 nmod SpaceAfter=No
7 , , PUNCT 4 punct
8 spoke speak VERB 0 root SpaceAfter=No
9 . . PUNCT 8 punct

1 The the DET 4 det
2 former former ADJ 4 amod
3 secretary secretary NOUN 7 nsubj
4 of of ADP 5 case
5 state state NOUN 3 nmod
6 quickly quickly ADV 7 advmod
7 left leave VERB 0 root SpaceAfter=No
8 . . PUNCT 7 punct
"""


def test_the_former_holder_of_a_post_is_the_person_who_held_it() -> None:
    # The post's head is "secretary", not "state"; "former" may describe who holds it, and the
    # description stops before the adverb.
    speaker = roles_of(parse(FORMER_HOLDER), "Ann Lee")
    assert [r.text for r in speaker.roles] == [
        "secretary of state",
        "The former secretary of state",
    ]


LEADER_OF_SOMETHING_ELSE = """
1 Tom Tom PROPN 8 nsubj
2 Berg Berg PROPN 1 flat SpaceAfter=No
3 , , PUNCT 5 punct
4 the the DET 5 det
5 leader leader NOUN 1 appos
6 of of ADP 7 case
7 protest protest NOUN 5 nmod SpaceAfter=No
8 spoke speak VERB 0 root SpaceAfter=No
9 . . PUNCT 8 punct

1 The the DET 3 det
2 Russian Russian ADJ 3 amod
3 leader leader NOUN 4 nsubj
4 called call VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct

1 The the DET 3 det
2 iron-fisted iron-fisted ADJ 3 amod
3 leader leader NOUN 4 nsubj
4 left leave VERB 0 root SpaceAfter=No
5 . . PUNCT 4 punct

1 The the DET 2 det
2 leader leader NOUN 3 nsubj
3 smiled smile VERB 0 root SpaceAfter=No
4 . . PUNCT 3 punct
"""


def test_a_description_that_names_another_domain_is_another_post() -> None:
    # Berg leads the protest; "the Russian leader", "the iron-fisted leader" are someone else,
    # described by what Berg is not said to be; "the leader" may be him.
    speaker = roles_of(parse(LEADER_OF_SOMETHING_ELSE), "Tom Berg")
    assert [r.text for r in speaker.roles] == ["the leader of protest", "The leader"]


def _attributed_roles(fixture: str) -> list[str]:
    result = attribute(parsed(fixture), LEXICON)
    (kovac,) = [s for s in result.speakers if s.name == "Ana Kovac"]
    return [role.text for role in kovac.roles]


def test_a_description_opening_the_next_sentence_is_the_person_in_focus() -> None:
    """ "The former engineer has run the port": no role of hers says engineer, but she was the
    last person named, in the paragraph before, and no one else was named since."""
    assert _attributed_roles("focus_description") == ["the harbour master", "The former engineer"]


@pytest.mark.parametrize(
    "fixture",
    [
        "focus_named_again",  # "The former engineer praised Kovac": someone else
        "focus_possessed",  # "Kovac's deputy missed the meeting. The deputy has run ...": hers
    ],
)
def test_a_description_is_not_the_person_in_focus_when_the_text_says_otherwise(
    fixture: str,
) -> None:
    assert _attributed_roles(fixture) == ["the harbour master"]


def test_the_party_label_is_the_one_speaker_of_that_party() -> None:
    """ "Later the Republican said ...": of Kovac, a Republican, and Ruiz, a Democrat, her."""
    result = attribute(parsed("party_member"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["a Republican", "the Republican"]}


def test_a_surname_written_alone_carries_roles_of_a_name_with_a_suffix() -> None:
    # "Tomas G. Ruiz Jr., the state's top judge" and, later, "Chief Justice Ruiz".
    result = attribute(parsed("suffixed_name"), LEXICON)
    assert roles_by_name(result) == {
        "Tomas G. Ruiz Jr.": ["the state's top judge", "Chief Justice"]
    }


def test_a_subject_description_continues_the_topic_of_the_sentence_before() -> None:
    # `Ana Kovac says ... / The former harbour pilot spoke ..., a day after Tomas Ruiz
    # criticized the plan ... / The union leader said ...`: each subject continues the topic,
    # though another person was named last.
    result = attribute(parsed("topic_subject"), LEXICON)
    roles = roles_by_name(result)
    assert roles == {
        "Ana Kovac": ["The former harbour pilot", "The union leader"],
        "Tomas Ruiz": [],
    }


def test_two_speakers_of_one_name_are_one_referent_of_a_description() -> None:
    # Resolution can leave "Ana Kovac" as two speakers until the merge: a description of her
    # party is still hers alone.
    doc = parsed("same_name_twice")
    first, second = (doc.text.index("Ana Kovac"), doc.text.index("Kovac said the toll"))
    speakers = tuple(
        Speaker(f"s{n}", "Ana Kovac", SpeakerKind.PERSON, (), (TextSpan("x", Span(at, at + 5)),))
        for n, at in ((1, first), (2, second))
    )
    ruiz = doc.text.index("Tomas Ruiz")
    other = Speaker(
        "s3", "Tomas Ruiz", SpeakerKind.PERSON, (), (TextSpan("x", Span(ruiz, ruiz + 10)),)
    )
    result = complete_roles(doc, AttributionResult((), (*speakers, other)), LEXICON)
    roles = [[r.text for r in s.roles] for s in result.speakers]
    assert roles[0] == ["Rival", "a Democrat", "The Democratic mayoral candidate"]


def test_a_description_owning_another_speakers_role_is_linked_too() -> None:
    # `Tomas Ruiz, one of the president's senior advisers,`: his role, and a mention of her.
    result = attribute(parsed("possessor_in_role"), LEXICON)
    roles = roles_by_name(result)
    assert roles == {
        "Ana Kovac": ["President", "the president"],
        "Tomas Ruiz": ["one of the president's senior advisers"],
    }


def test_a_relation_set_off_before_a_name_is_a_role() -> None:
    # `summoned his senior harbour adviser, Ana Kovac, to the town hall`.
    result = attribute(parsed("possessive_relation"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["his senior harbour adviser"]}


def test_a_body_named_with_of_before_a_title_is_part_of_the_title() -> None:
    # `Bank of Arden Governor Lena Holm said`: the "of" joins the body's name, so the title is
    # whole, headed by "Governor": a person, an official, not the bank.
    result = attribute(parsed("body_name_before_title"), LEXICON)
    [holm] = result.speakers
    assert (holm.name, holm.kind, holm.category) == (
        "Lena Holm",
        SpeakerKind.PERSON,
        SourceCategory.OFFICIAL,
    )
    assert [role.text for role in holm.roles] == ["Bank of Arden Governor"]


def test_a_running_mate_set_off_before_a_name_is_a_role() -> None:
    # `Her running mate, Tom Baker, said ...`: a relation in the story, as "rival" is.
    result = attribute(parsed("running_mate_set_off"), LEXICON)
    assert roles_by_name(result) == {"Tom Baker": ["Her running mate"]}


def test_a_role_set_off_after_a_relative_pronoun_is_the_names() -> None:
    # `which the ferry line's managing director, Ana Kovac, called "plain robbery"`.
    result = attribute(parsed("name_set_off_before_cue"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["the ferry line's managing director"]}


def test_a_description_coordinated_by_nor_keeps_its_own_head() -> None:
    # `neither the Democratic mayor nor her campaign`: the head is "mayor", not "campaign".
    result = attribute(parsed("neither_nor"), LEXICON)
    roles = roles_by_name(result)
    assert roles["Ana Kovac"] == ["Mayor", "a Democrat", "the Democratic mayor"]


def test_what_is_said_of_a_linked_description_is_a_role_too() -> None:
    # `The former engineer is a professor of hydraulics ...`, the engineer being Ana Kovac.
    result = attribute(parsed("focus_predicate"), LEXICON)
    assert [(s.name, [r.text for r in s.roles]) for s in result.speakers] == [
        (
            "Ana Kovac",
            [
                "the harbour master",
                "The former engineer",
                "a professor of hydraulics at the city university",
            ],
        )
    ]


def test_a_counted_role_set_off_before_a_list_of_names_is_each_names() -> None:
    # `charged two harbour developers, Ana Kovac and Tomas Ruiz, with fraud`.
    result = attribute(parsed("counted_role_list"), LEXICON)
    roles = roles_by_name(result)
    assert roles["Tomas Ruiz"] == ["two harbour developers"]


def test_a_role_set_off_before_a_name_may_hold_in() -> None:
    # `reported on Sunday that the paper's editor in chief, Ana Kovac, said ...`.
    result = attribute(parsed("role_with_in"), LEXICON)
    assert roles_by_name(result)["Ana Kovac"] == ["the paper's editor in chief"]


def test_a_role_opening_the_sentence_as_the_subject_of_is_names_the_person_after_it() -> None:
    # `One of the mayor's closest allies is Peter Wong.`
    result = attribute(parsed("inverted_predicate"), LEXICON)
    assert roles_by_name(result) == {"Peter Wong": ["One of the mayor's closest allies"]}


def test_a_post_after_as_right_after_the_name_is_a_role_but_a_characterization_is_not() -> None:
    # `named Tomas Ruiz as its new port director, and critics painted Ruiz as a harbour
    # crusader`: "director" is a post of the lexicon; "crusader" is what critics call him.
    result = attribute(parsed("as_role_after_name"), LEXICON)
    assert roles_by_name(result)["Tomas Ruiz"] == ["its new port director"]


def test_a_fronted_as_role_may_hold_a_quoted_title() -> None:
    # `As a radio presenter on "Morning Tide," Daniel Price often teased his guests.`
    result = attribute(parsed("fronted_as_quoted_title"), LEXICON)
    assert roles_by_name(result) == {"Daniel Price": ['a radio presenter on "Morning Tide,"']}


def test_the_topic_of_the_sentence_before_outranks_a_title_match_without_party() -> None:
    # Ruiz was named "as its mayoral nominee" (no party); the paragraph before is about Kovac,
    # so `The Democratic nominee attacked the toll` is Kovac, not the last nominee.
    result = attribute(parsed("topic_before_title_match_named"), LEXICON)
    roles = roles_by_name(result)
    assert roles["Ana Kovac"] == ["The Democratic nominee"]
    assert roles["Tomas Ruiz"] == ["its mayoral nominee"]
    # `Party members first saw Tomas Ruiz as a serious mayoral nominee`: how they saw him, no
    # post; the nominee is Kovac all the same.
    seen = roles_by_name(attribute(parsed("topic_before_title_match"), LEXICON))
    assert seen["Ana Kovac"] == ["The Democratic nominee"]
    assert seen["Tomas Ruiz"] == []


def test_a_role_set_off_before_a_name_with_its_own_title_is_a_role_too() -> None:
    # `Her co-host, the lawyer and activist Ana Kovac, said ...`.
    result = attribute(parsed("role_of_titled_name_set_off"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["Her co-host", "lawyer", "activist"]}


def test_a_party_member_label_opening_the_sentence_before_the_name_is_a_role() -> None:
    # `A Republican, Mr. Bishop is campaigning for a seat on the harbour board.`
    result = attribute(parsed("honorific_title_surname"), LEXICON)
    assert roles_by_name(result) == {"Bishop": ["A Republican"]}


def test_an_apposition_opened_by_not_is_no_role() -> None:
    # `Ana Kovac, not her deputy, said ...`: the deputy is someone else.
    result = attribute(parsed("contrast_apposition"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": []}


def test_a_plural_noun_for_people_is_judged_by_its_lemma() -> None:
    # `One of the ferry's most loyal passengers is Peter Wong, a founder of a harbour charity.`
    result = attribute(parsed("plural_person_noun"), LEXICON)
    assert roles_by_name(result) == {
        "Peter Wong": ["One of the ferry's most loyal passengers", "a founder of a harbour charity"]
    }


def test_a_title_over_names_listed_with_appositions_and_their_plural_description() -> None:
    # `Senators Ana Kovac, Republican of Maine, and Tomas Ruiz, Democrat of Oregon, ...
    # The senators said ...`: the title is each name's, and so is the plural description.
    roles = roles_by_name(attribute(parsed("title_over_listed_appositions"), LEXICON))
    assert roles["Ana Kovac"] == ["Senators", "Republican of Maine", "The senators"]
    assert roles["Tomas Ruiz"] == ["Senators", "Democrat of Oregon", "The senators"]


def test_a_description_after_a_fronted_clause_is_that_clauses_subject() -> None:
    # `As far as whether Kovac still hears complaints ..., the Oregon senator conceded ...`:
    # the senator is Kovac, and the speaker of what was conceded.
    result = attribute(parsed("description_after_fronted_clause"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["the Oregon senator"]}


def test_an_athlete_of_any_sport_is_a_role() -> None:
    # `Kovac is a triathlete.`: the ending names a person.
    result = attribute(parsed("predicate_athlete"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["a triathlete"]}


def test_a_headline_names_a_person_by_the_post_the_story_gives_them() -> None:
    # Headlines drop articles: "Ferry line chief" is the one speaker holding that post.
    assert roles_by_name(attribute(parsed("headline_post"), LEXICON)) == {
        "Ana Kovac": ["Ferry line chief", "the ferry line chief"]
    }


def test_a_headline_post_none_of_whose_modifiers_the_speaker_has_is_someone_else() -> None:
    # "Island leader" is no "council leader": stripped of "Island", the post may be anyone's.
    assert roles_by_name(attribute(parsed("headline_other_post"), LEXICON)) == {
        "Tomas Ruiz": ["the council leader"]
    }


def test_a_pronouns_role_skips_a_name_that_only_modifies_a_noun() -> None:
    # "the Wong plan" names no one "He" could be: the role is Ruiz's.
    assert roles_by_name(attribute(parsed("pronoun_after_name_modifier"), LEXICON)) == {
        "Peter Wong": [],
        "Tomas Ruiz": ["the host of a harbour radio show"],
    }


def test_the_prime_minister_is_another_post_than_a_minister() -> None:
    # A rank word ("prime", rank_words.txt) the named minister's role lacks: someone else.
    assert roles_by_name(attribute(parsed("prime_minister_other_post"), LEXICON)) == {
        "Lena Ortiz": ["Health Minister"],
        "The prime minister": ["The prime minister"],
    }


def test_a_court_rules_with_quoted_words_and_a_description_ends_before_a_time() -> None:
    result = attribute(parsed("court_ruling"), LEXICON)
    ruled = quote_containing(result, "fundamentally flawed")
    assert ruled.cue is not None
    assert ruled.cue.lemma == "rule"
    # "on Monday" says when the judge acted, not who the judge is.
    assert roles_by_name(result) == {
        "A federal judge": ["A federal judge"],
        "A state judge": ["A state judge"],
    }


def test_predicates_after_has_been_and_roles_after_a_fronted_but_as() -> None:
    # `has been a steady and outspoken critic of the plan` (adjectives joined stay one
    # role), `But as governor of the province, Tomas Ruiz`, and a predicate that ends before
    # its time: `has been a registered Democrat since 2003`.
    roles = roles_by_name(attribute(parsed("perfect_predicate_roles")))
    assert roles == {
        "Ana Lind": [
            "a former member of the harbour board",
            "a steady and outspoken critic of the plan",
        ],
        "Tomas Ruiz": ["governor of the province"],
        "Peter Wong": ["a registered Democrat"],
    }


def test_a_description_inside_a_quotation_is_no_role() -> None:
    # `"Ruiz is a former mayor," said Ana Lind`: what Lind says of Ruiz, not a role the
    # article gives him.
    roles = roles_by_name(attribute(parsed("description_inside_quote")))
    assert roles == {"Ana Lind": ["a docker at the port"], "Ruiz": []}


def test_roles_coordinated_under_one_determiner_before_a_name_are_each_a_role() -> None:
    # `said the former harbour minister and current party leader, Ana Kovac`: one determiner
    # for both nouns, so both are Kovac's; `the veteran pilot and union organiser Tomas Ruiz`,
    # parsed as one mention with the name inside, still yields its two titles.
    result = attribute(parsed("roles_coordinated_before_name"), LEXICON)
    assert roles_by_name(result) == {
        "Ana Kovac": ["the former harbour minister", "current party leader"],
        "Tomas Ruiz": ["veteran pilot", "union organiser"],
    }


def test_a_post_after_as_names_the_possessor_or_the_object_before_it() -> None:
    # `Ana Kovac's record as harbour minister`; `re-elected Tomas Ruiz as port director on
    # Monday`, without its determiner and without the time.
    result = attribute(parsed("post_after_possessed_noun"), LEXICON)
    roles = roles_by_name(result)
    assert roles["Ana Kovac"] == ["harbour minister"]
    assert roles["Tomas Ruiz"] == ["port director"]


def test_honorifics_of_commonwealth_and_south_asian_copy_stay_out_of_names_and_roles() -> None:
    # `Hon. Peter Kamau`, `Shri Ramesh Iyer`; `Assoc Prof` is a title, so a role.
    result = attribute(parsed("honorifics_of_many_countries"), LEXICON)
    assert roles_by_name(result) == {
        "Peter Kamau": ["the MP for Harbourside"],
        "Ramesh Iyer": [],
        "Lena Fischer": ["Assoc Prof"],
    }


def test_a_description_after_a_quotation_opening_the_sentence_continues_the_topic() -> None:
    # `"...," the senior officer said.` after `Chief Superintendent Graham Oduya said ...`: the
    # quotation leaves the description the first words of the writer's own.
    result = attribute(parsed("description_after_opening_quote"), LEXICON)
    assert roles_by_name(result) == {"Graham Oduya": ["Chief Superintendent", "the senior officer"]}
    assert len({quote.speaker_id for quote in result.quotes}) == 1


def test_titles_the_tagger_misreads_are_roles_and_an_apostrophe_name_is_found() -> None:
    # "coach" tagged a verb before `Liam O'Rourke` (a surname the tokenizer cuts after its
    # apostrophe), "forward" a preposition, "managing" a verb; "TD" is a parliamentary title.
    result = attribute(parsed("titles_the_tagger_misreads"), LEXICON)
    assert roles_by_name(result) == {
        "Liam O'Rourke": ["Western Bulldogs coach"],
        "Dion Mabry": ["Lakers forward"],
        "Peter Mwangi": ["managing director of the harbour exchange"],
        "Siobhán Ní Bhriain": ["Fianna Fáil TD"],
    }


def test_a_team_and_its_skipper_title_the_name_and_a_later_description_is_theirs() -> None:
    # `Hawks skipper Ben Tuilagi` ("skipper" tagged a verb), then `"...," the 29-year-old
    # midfielder said.`: one speaker with both roles.
    result = attribute(parsed("sport_roles"), LEXICON)
    assert roles_by_name(result) == {"Ben Tuilagi": ["Hawks skipper", "the 29-year-old midfielder"]}


def test_a_speaker_known_only_by_a_capitalised_post_is_a_person_with_that_role() -> None:
    # `The Home Secretary said`, `The Prime Minister told MPs`: a post held by a person, not
    # an organisation; `Laura Bishop` is a surname, no post.
    result = attribute(parsed("post_as_name"), LEXICON)
    found = {s.name: ([r.text for r in s.roles], s.kind) for s in result.speakers}
    assert found == {
        "The Home Secretary": (["Home Secretary"], SpeakerKind.PERSON),
        "The Prime Minister": (["Prime Minister"], SpeakerKind.PERSON),
        "Laura Bishop": ([], SpeakerKind.PERSON),
    }


def test_a_firm_named_after_its_founder_keeps_the_role_and_sir_takes_a_first_name() -> None:
    # `Sir Alan Brentwood, the founder of Brentwood Ferries,`: the firm's name is no place of
    # his, so the role stands; `Sir Alan told staff` is him; `Lord Ashcombe` is a man.
    result = attribute(parsed("eponymous_firm_and_sir"), LEXICON)
    found = {s.name: ([r.text for r in s.roles], s.kind) for s in result.speakers}
    assert found == {
        "Alan Brentwood": (["the founder of Brentwood Ferries"], SpeakerKind.PERSON),
        "Ashcombe": ([], SpeakerKind.PERSON),
    }


def test_praise_is_no_role_but_a_rank_by_standing_is() -> None:
    # `said she was the best rower in the country`: an evaluation; `the most senior member
    # of the crew`: a standing.
    result = attribute(parsed("praise_predicate"), LEXICON)
    roles = roles_by_name(result)
    assert roles["Pieter Botha"] == ["Her coach"]
    assert roles["Ruth Ndlovu"] == ["the most senior member of the crew"]


def test_an_apposition_after_the_place_or_body_a_name_is_of_is_a_role() -> None:
    # `Senator Dale Whitcombe of Kansas, the ranking Republican ...,`, `Ana Kovac of the
    # Harbour Institute, a port economist,`.
    result = attribute(parsed("apposition_after_home"), LEXICON)
    assert roles_by_name(result) == {
        "Dale Whitcombe": ["Senator", "the ranking Republican on the harbour committee"],
        "Ana Kovac": ["a port economist"],
    }


def test_a_description_after_a_source_said_is_someone_of_the_story() -> None:
    # `Sheriff Dan Pike said the crash happened ... The driver said ...`: the driver is someone
    # the sheriff tells of, not the sheriff; so is `The firefighter`; a party (`The Democrat`)
    # or a title after a named source is still that source.
    result = attribute(parsed("description_after_source"), LEXICON)
    roles = {s.name: [role.text for role in s.roles] for s in result.speakers}
    assert roles == {
        "Dan Pike": ["Sheriff"],
        "The driver": ["The driver"],
        "Don Ruiz": ["Fire Chief"],
        "Luis Ortega": ["State Senator", "The Democrat"],
    }


def test_a_description_after_a_fronted_phrase_is_the_person_in_focus() -> None:
    # `In an interview with Radio North on Tuesday, the former mayor and current party chair
    # said ...`: a fronted phrase of time or place leaves the description opening the
    # sentence; both coordinated roles are Kovac's, and so is what was said.
    result = attribute(parsed("description_after_fronted_phrase"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["the former mayor", "current party chair"]}
    assert _speaker_name(result, "run again") == "Ana Kovac"


def test_a_fronted_phrase_may_end_in_a_quoted_title() -> None:
    # `On Tuesday's episode of "Morning Tide," the former mayor said`: the comma inside.
    result = attribute(parsed("description_after_quoted_title"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["the former mayor"]}


def test_a_description_after_a_fronted_possessive_is_someone_else() -> None:
    # `At his dinner, the chef served ...`: "his" is Ruiz; the chef is not.
    result = attribute(parsed("description_after_possessive_fronted"), LEXICON)
    assert roles_by_name(result)["Tomas Ruiz"] == []


def test_a_description_of_a_post_is_who_holds_it_not_who_spoke_last() -> None:
    # `"...," Senator Tomas Ruiz said. In defeat, the president appeared calm.`: the one called
    # President; `"He is wrong," the congresswoman said` after Sen. Ruiz is Rep. Kovac.
    held = roles_by_name(attribute(parsed("description_of_a_post_held"), LEXICON))
    assert held == {"Ana Kovac": ["President", "the president"], "Tomas Ruiz": ["Senator"]}
    result = attribute(parsed("description_by_title_over_focus"), LEXICON)
    assert _speaker_name(result, "He is wrong") == "Ana Kovac"
    assert roles_by_name(result)["Tomas Ruiz"] == ["Sen."]


def _speaker_name(result: AttributionResult, fragment: str) -> str:
    speaker = speaker_of(result, quote_containing(result, fragment))
    assert speaker is not None
    return speaker.name


def test_what_the_article_says_an_organisation_is_is_its_role() -> None:
    # An apposition or an "is" predicate that says something (`one of ...`, a complement, a
    # relative clause) is a role of the organisation; `the lender` only calls it what it is.
    result = attribute(parsed("organizations_described"), LEXICON)
    assert roles_by_name(result) == {
        "Northgate Mining": ["one of the country's largest gold producers"],
        "Coastal Trust": ["a charity that runs four shelters in the city"],
        "Brightwell Bank": ["the lender"],
        "Harbour Council": ["the body that sets ferry fares in the region"],
    }


def test_a_description_in_apposition_to_another_name_is_that_persons() -> None:
    # `Tomas Ruiz, the senator from Ohio, voted against it`: not Sen. Kovac's role.
    result = attribute(parsed("description_apposed_to_another_name"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["Sen."]}


def test_a_post_after_as_is_a_role_of_the_pronoun_it_is_said_of() -> None:
    # `But as finance minister he did not ...`, `her use of a private jet as harbour
    # commissioner`, `Her work at Harbour University as a surgeon and director of ...`.
    result = attribute(parsed("pronoun_as_posts"), LEXICON)
    roles = roles_by_name(result)
    assert roles["Tomas Ruiz"] == ["finance minister"]
    assert roles["Ana Kovac"] == [
        "harbour commissioner",
        "a surgeon",
        "director of the cancer unit",
    ]


def test_as_said_of_another_person_or_opening_a_clause_is_no_role() -> None:
    # `Her praise of Tomas Ruiz as a leader`: Ruiz is the leader; `as her deputy struggled`:
    # a clause of time.
    result = attribute(parsed("pronoun_as_not_posts"), LEXICON)
    assert roles_by_name(result)["Ana Kovac"] == []


def test_a_post_of_her_goes_to_no_one_a_cue_calls_he() -> None:
    # `"...," he said. The vote cemented her status as the party's nominee.`: Ruiz, named
    # last, is "he" at a cue; the nominee is Kovac.
    result = attribute(parsed("pronoun_as_of_gender"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["the party's nominee"], "Tomas Ruiz": []}


def test_a_vice_presidential_nominee_is_no_presidential_candidate() -> None:
    # `Democratic vice presidential nominee Tomas Ruiz ... representing the Democratic
    # presidential candidate`: "nominee" is read as "candidate" with its rank word.
    result = attribute(parsed("vice_nominee_is_no_candidate"), LEXICON)
    assert roles_by_name(result)["Tomas Ruiz"] == ["Democratic vice presidential nominee"]


def test_a_single_word_name_of_unknown_kind_is_no_one_in_focus() -> None:
    # `Brazil said ... The director said she was disappointed.`: the director is Brandt, the
    # person named before, not the country that spoke last.
    result = attribute(parsed("focus_on_a_single_word_place"), LEXICON)
    assert roles_by_name(result) == {"Lena Brandt": ["The director"], "Brazil": []}
    assert _speaker_name(result, "disappointed") == "Lena Brandt"


def test_a_plural_apposition_after_two_names_joined_by_and_is_each_ones_role() -> None:
    # `Ana Kovac and Tomas Ruiz, the two founders of the trust, said ...`.
    result = attribute(parsed("shared_plural_apposition"), LEXICON)
    assert roles_by_name(result) == {
        "Tomas Ruiz": ["the two founders of the trust"],
        "Ana Kovac": ["the two founders of the trust"],
    }


def test_a_plural_apposition_after_two_places_is_each_ones_organisation_role() -> None:
    reader = RoleReader("", LEXICON)
    doc = parsed("shared_plural_apposition")
    sentence = doc.sentences[-1]
    norway = next(w for w in sentence.words if w.text == "Norway")
    phrase = reader.shared_apposition(sentence, norway.index)
    assert " ".join(w.text for w in phrase) == "the region 's two biggest salmon producers"


def test_a_description_by_another_post_is_someone_else() -> None:
    # `Mayor Greta Holm said ... The police chief said ...`: another official; but `The
    # veteran diplomat` after Ambassador Sorensen and `The Ohio Republican` after Rep. Haskell
    # are what copy calls them besides their posts.
    result = attribute(parsed("description_of_another_post"), LEXICON)
    assert roles_by_name(result) == {
        "Greta Holm": ["Mayor"],
        "The police chief": ["The police chief"],
        "Hilde Sorensen": ["Ambassador", "The veteran diplomat"],
        "Tom Haskell": ["Rep.", "The Ohio Republican"],
    }
    assert _speaker_name(result, "posted there") == "The police chief"


def test_a_post_in_what_a_source_says_of_someone_else_is_not_the_sources() -> None:
    # `Her tenure as mayor was a disaster, Ruiz said`: the predecessor's post, not Ruiz's;
    # `Greta Holm said her years as mayor ...`: Holm's own; `The Coastal Trust is a shadow of
    # its former self, critics said`: what critics say, no role.
    result = attribute(parsed("posts_in_what_a_source_says"), LEXICON)
    roles = roles_by_name(result)
    assert roles["Tomas Ruiz"] == []
    assert roles["Greta Holm"] == ["mayor"]
    assert roles["Coastal Trust"] == []


def test_a_description_of_a_post_the_article_gives_another_name_is_that_person() -> None:
    # `Tomas Ruiz met Ana Kovac, the mayor, ... "...," Ruiz said. The mayor said ...`: Kovac,
    # not Ruiz, who spoke last.
    result = attribute(parsed("post_given_to_another_name"), LEXICON)
    assert roles_by_name(result) == {"Tomas Ruiz": [], "Ana Kovac": ["the mayor", "The mayor"]}
    assert _speaker_name(result, "disappointed") == "Ana Kovac"


def test_coordinated_roles_before_a_name_are_the_names() -> None:
    # `The founder and chief executive of Kestrel Robotics, Ivo Marek, said`: Marek speaks,
    # with both roles; `The singer-songwriter and activist Lena Ostrova`: two titles.
    result = attribute(parsed("coordinated_roles_before_names"), LEXICON)
    assert roles_by_name(result) == {
        "Ivo Marek": ["The founder", "chief executive of Kestrel Robotics"],
        "Lena Ostrova": ["The singer-songwriter", "activist"],
    }


def test_the_majority_leader_is_not_the_minority_leader() -> None:
    # `House Minority Leader Dale Price said ... The majority leader said ...`: "majority" and
    # "minority" are ranks of the post.
    result = attribute(parsed("minority_leader_is_no_majority_leader"), LEXICON)
    assert roles_by_name(result)["Dale Price"] == ["House Minority Leader"]
    assert _speaker_name(result, "pass easily") == "The majority leader"


def test_a_description_after_a_fronted_participle_or_time_is_the_person_in_focus() -> None:
    # `Speaking to reporters, the former mayor said`, `Earlier this month, the former minister
    # said`: no subject of their own, so the description opens the sentence.
    result = attribute(parsed("description_after_participle_or_time"), LEXICON)
    assert roles_by_name(result) == {
        "Ana Kovac": ["the former mayor"],
        "Tomas Ruiz": ["the former minister"],
    }


def test_a_word_written_with_a_hyphen_stays_whole_in_a_role() -> None:
    # `Kestrel Robotics, a start-up based in Selby,`, with "up" tagged a preposition.
    result = attribute(parsed("hyphenated_apposition"), LEXICON)
    assert roles_by_name(result) == {"Kestrel Robotics": ["a start-up based in Selby"]}


def test_a_verbal_relative_clause_is_no_role_of_an_organisation() -> None:
    # `The Marlow Nurses Union, which represents 8,000 nurses, said`: what it does, no role.
    result = attribute(parsed("organization_verbal_relative"), LEXICON)
    assert roles_by_name(result) == {"Marlow Nurses Union": []}


def test_an_apposition_with_an_owner_says_what_an_organisation_is() -> None:
    # `Valdor Steel, Marlow's biggest employer, said`.
    result = attribute(parsed("organization_owned_apposition"), LEXICON)
    assert roles_by_name(result) == {"Valdor Steel": ["Marlow's biggest employer"]}


def test_relations_after_an_official_and_posts_of_one_family() -> None:
    # `Mayor Greta Holm said ... The resident said`: someone of the story; `Health Secretary
    # Ana Kovac said ... The minister said`: the same post family; `The mother and father of
    # the missing boy`: two people.
    result = attribute(parsed("facets_and_families"), LEXICON)
    assert roles_by_name(result) == {
        "Greta Holm": ["Mayor"],
        "The resident": ["The resident"],
        "Ana Kovac": ["Health Secretary", "The minister"],
        "The mother and father of the missing boy": [],
    }
    kinds = {s.name: s.kind.value for s in result.speakers}
    assert kinds["The mother and father of the missing boy"] == "group"


def test_a_post_of_the_family_after_a_report_and_a_post_set_off_before_a_name() -> None:
    # `"...," Kovac said. The doctor said ...` for a cardiologist: her post, another way;
    # `Tomas Ruiz met the mayor, Greta Holm, ... The mayor said`: Holm's post, not Ruiz's.
    result = attribute(parsed("family_after_report_and_posts_set_off"), LEXICON)
    roles = roles_by_name(result)
    assert roles["Ana Kovac"] == ["a cardiologist at Marlow General Hospital", "The doctor"]
    assert roles["Tomas Ruiz"] == []
    assert _speaker_name(result, "disappointed") == "The mayor"


def test_posts_left_and_posts_a_speaker_states_of_themselves() -> None:
    # `who stepped down as chairman in 2019`; `"As finance minister, I cut taxes twice," Ana
    # Kovac said. "My years as mayor ..."`; `"I was a nurse for 20 years ...," said Greta Holm`.
    result = attribute(parsed("posts_left_and_first_person"), LEXICON)
    assert roles_by_name(result) == {
        "Tomas Ruiz": ["chairman"],
        "Ana Kovac": ["finance minister", "mayor"],
        "Greta Holm": ["a nurse"],
    }


def test_the_doctor_is_the_one_titled_dr_whatever_their_post() -> None:
    # `Dr. Samuel Achebe, the county's health director, said ... The doctor said ...`; `The
    # Republican senator` after `The Republican leader, Dale Price,`: the same party's member.
    result = attribute(parsed("doctor_and_party_after_another_post"), LEXICON)
    assert roles_by_name(result) == {
        "Samuel Achebe": ["the county's health director", "The doctor"],
        "Dale Price": ["The Republican leader", "The Republican senator"],
    }


def test_a_participle_after_the_role_noun_keeps_the_role() -> None:
    # `Karen Blake, a lawyer representing the families`: a lawyer, not "families"; `chief
    # operating officer` is still an officer.
    result = attribute(parsed("participle_apposition_role"), LEXICON)
    assert roles_by_name(result) == {
        "Karen Blake": ["a lawyer representing the families"],
        "Omar Reyes": ["chief operating officer of Kestrel Air"],
    }


def test_a_generic_person_is_no_role() -> None:
    # `"I was the first person in the queue," said Ana Kovac`: anyone could be; no post.
    result = attribute(parsed("generic_person_no_role"), LEXICON)
    assert roles_by_name(result) == {"Tomas Ruiz": [], "Ana Kovac": [], "Peter Wong": []}


def test_a_post_someone_could_hold_is_no_role() -> None:
    # `... could be the next mayor, Kovac demurred`: "the next mayor" describes no one who
    # holds the post, not Mayor Peter Kovac.
    result = attribute(parsed("subject_after_asked_clause"), LEXICON)
    assert roles_by_name(result)["Peter Kovac"] == ["Mayor"]


def test_an_abbreviation_read_as_a_pronoun_keeps_the_role() -> None:
    # `said Hans Berger, the WHO representative in the country`: the tagger took "WHO" for the
    # relative pronoun and the parser made a relative clause of the role.
    result = attribute(parsed("acronym_read_as_pronoun"), LEXICON)
    assert roles_by_name(result)["Hans Berger"] == ["the WHO representative in the country"]


def test_a_titled_name_set_off_after_a_description_is_the_speaker() -> None:
    # `Ortega's neighbour, retired teacher Helen Marsh, 71, said`, parsed with the teacher a
    # conjunct of the neighbour: one person, named, with both roles ("retired" a participle).
    result = attribute(parsed("titled_name_after_description"), LEXICON)
    assert roles_by_name(result) == {"Helen Marsh": ["Ortega's neighbour", "retired teacher"]}


def test_stacked_titles_before_a_name_are_two_roles() -> None:
    # `Police spokesman Sgt. Tom Riley`: a post and a rank.
    result = attribute(parsed("stacked_titles_and_writing_for"), LEXICON)
    assert roles_by_name(result)["Tom Riley"] == ["Police spokesman", "Sgt."]


def test_another_with_a_description_is_named_by_it() -> None:
    # `Another, a 45-year-old taxi driver, said`: "Another" names no one; the description is
    # the speaker's name, as for any unnamed person.
    result = attribute(parsed("another_described"), LEXICON)
    speaker = speaker_of(result, quote_containing(result, "not been paid"))
    assert speaker is not None
    assert speaker.name == "a 45-year-old taxi driver"
    assert speaker.kind is SpeakerKind.PERSON


def test_the_next_clauses_subject_after_the_names_comma_is_no_apposition() -> None:
    # `According to the Harbour Weather Office, a further 50mm of rain could fall ...`: the
    # phrase after the comma runs into its own verb; it was the office's role.
    result = attribute(parsed("according_then_subject"))
    (office,) = result.speakers
    assert office.name == "Harbour Weather Office"
    assert office.roles == ()


def test_a_predicate_after_an_age_set_off_after_the_name() -> None:
    # `Ana Kovac, 45, is a nurse from Portmere. She announced ...`: past the age, "is a nurse
    # from Portmere" states her role.
    result = attribute(parsed("predicate_after_age"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["a nurse from Portmere"]}


def test_a_bare_title_then_the_department_it_heads_is_one_role() -> None:
    # `said Dana Fox, vice-president, public affairs for Northwind Air`: the title, then after
    # its comma the department and the body it works for.
    result = attribute(parsed("title_then_department"), LEXICON)
    assert roles_by_name(result) == {
        "Dana Fox": ["vice-president, public affairs for Northwind Air"]
    }


def test_a_role_after_as_behind_an_opening_participle() -> None:
    # `Speaking as chair of the harbour committee, Ana Kovac said ...`: the post she spoke in.
    result = attribute(parsed("participle_as_role"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["chair of the harbour committee"]}


def test_a_title_word_as_surname_before_a_generation_suffix() -> None:
    # `said Robert Judge III, the founder's eldest son`: "Judge" ends the name before "III",
    # which tells him from his father and stays in the name.
    result = attribute(parsed("title_surname_with_suffix"), LEXICON)
    assert roles_by_name(result) == {"Robert Judge III": ["the founder's eldest son"]}


def test_a_profession_known_by_its_ending_is_a_role() -> None:
    # `said hydrologist Priya Natarajan`: "-ologist", "-ician", "-ographer" name professions
    # the lexicon need not list one by one.
    result = attribute(parsed("role_noun_by_profession_ending"), LEXICON)
    assert roles_by_name(result) == {"Priya Natarajan": ["hydrologist"]}


def test_an_as_phrase_on_a_verb_that_characterizes_is_no_role() -> None:
    # `named Tomas Ruiz as its new port director` gives a post; `described Ruiz as a ferry
    # evangelist` is how critics paint him, and is what they said.
    result = attribute(parsed("as_characterized_not_a_post"), LEXICON)
    assert roles_by_name(result) == {"Critics": [], "Tomas Ruiz": ["its new port director"]}
    described = quote_containing(result, "evangelist")
    assert described.text == "Ruiz as a ferry evangelist"


def test_a_hyphenated_general_title_is_no_part_of_the_name() -> None:
    # `said WTO Director-General Ngozi Okonjo-Iweala`, all one flat run in the parse: the
    # title and its body are her role, not words of her name.
    result = attribute(parsed("hyphenated_general_title"), LEXICON)
    assert roles_by_name(result) == {"Ngozi Okonjo-Iweala": ["WTO Director-General"]}


def test_offices_of_cities_universities_and_legislatures_are_titles() -> None:
    # `said Comptroller Ana Lind`, `said Del. Marcia Price`, `Vice-Chancellor Tomas Ruiz`.
    result = attribute(parsed("office_titles_before_names"), LEXICON)
    assert roles_by_name(result) == {
        "Ana Lind": ["Comptroller"],
        "Marcia Price": ["Del."],
        "Tomas Ruiz": ["Vice-Chancellor"],
    }


def test_a_description_owned_by_a_possessive_pronoun_is_the_unnamed_speakers_role() -> None:
    # `..., its chief executive said`, `"...," his lawyer said`: the pronoun only owns the noun
    # described; the post is what the article tells of the speaker, as with `the company's`.
    result = attribute(parsed("possessive_pronoun_description"), LEXICON)
    assert roles_by_name(result) == {
        "its chief executive": ["its chief executive"],
        "his lawyer": ["his lawyer"],
    }


def test_a_phrase_after_an_age_opened_by_a_conjunction_is_someone_elses() -> None:
    # `Maria Santos, 29, and her husband, Joao, fled ... "...," she said.`: "and her husband"
    # is the next person of the list, no role of hers (nor evidence of her gender).
    result = attribute(parsed("conjunction_after_age"), LEXICON)
    (speaker,) = result.speakers
    assert speaker.name == "Maria Santos"
    assert speaker.roles == ()
    assert speaker.gender.name == "FEMALE"


def test_predicates_of_a_relative_clause_past_when_and_not_what_is_denied() -> None:
    # `who served as port director for a decade and is now a councillor`: both posts, the
    # second past the time phrase, the first by its head noun; `ambassador to Chile from 2012`
    # stops before the year; `who is not a member of the board` states no role.
    first = attribute(parsed("predicates_past_time_phrase"), LEXICON)
    assert roles_by_name(first) == {"Marta Lind": ["port director", "a councillor"]}
    second = attribute(parsed("predicates_year_and_negation"), LEXICON)
    assert roles_by_name(second) == {
        "Tom Reyes": ["ambassador to Chile", "a lecturer"],
        "Ana Ruiz": [],
    }


def test_a_post_one_was_appointed_or_elected_to_is_a_role() -> None:
    # `who was appointed chief executive in 2019`, `who was elected mayor last year`: the post,
    # before when; `who was named in the lawsuit` names no post.
    result = attribute(parsed("appointed_elected_named_predicates"), LEXICON)
    assert roles_by_name(result) == {
        "Tomas Berg": ["chief executive"],
        "Ana Lind": ["mayor"],
        "Greta Holm": [],
    }


def test_an_apposition_opened_by_a_year_and_prize_winners_are_roles() -> None:
    # `Ana Ruiz, 2019 winner of the Harbour Prize for fiction,`: a year opens the role (no age
    # set off); "winner" and "laureate" are what a person is in the story.
    result = attribute(parsed("year_before_apposition_role"), LEXICON)
    assert roles_by_name(result) == {
        "Ana Ruiz": ["2019 winner of the Harbour Prize for fiction"],
        "Tom Reyes": ["a Nobel laureate"],
    }


def test_police_ranks_and_their_abbreviations_are_titles() -> None:
    # `Senior Constable Kate Hughes ... Snr Const Hughes`, as Australian copy writes them: the
    # ranks are her roles, no part of her name.
    result = attribute(parsed("police_rank_titles"), LEXICON)
    assert roles_by_name(result) == {"Kate Hughes": ["Senior Constable", "Snr Const"]}


def test_a_post_served_in_the_perfect_is_a_role() -> None:
    # `Ruiz has served as the port's chief engineer for a decade`: "has served as" states the
    # post as "served as" does.
    result = attribute(parsed("perfect_served_as"), LEXICON)
    assert roles_by_name(result) == {"Ruiz": ["the port's chief engineer"]}


def test_a_unit_of_a_body_is_an_organisation_with_that_role() -> None:
    # `Coastal Fraud Investigations, a unit of the Harbour Ministry, said`: a unit, a
    # division or a subsidiary is a body, and the apposition says what it is.
    result = attribute(parsed("body_named_by_a_unit"), LEXICON)
    assert [(s.name, s.kind.value, [r.text for r in s.roles]) for s in result.speakers] == [
        ("Coastal Fraud Investigations", "organization", ["a unit of the Harbour Ministry"])
    ]


def test_letters_after_a_name_do_not_hide_the_title_before_it() -> None:
    # `Defence barrister Tom Hale KC said`: "KC" is no word of another name the person's
    # runs into, so the title before the name is read there.
    result = attribute(parsed("title_before_name_with_post_nominal"), LEXICON)
    assert roles_by_name(result) == {"Tom Hale": ["Defence barrister"]}
