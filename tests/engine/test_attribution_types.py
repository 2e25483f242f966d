"""Attribution types: speech, belief, intention and stance from the cue and its content."""

from __future__ import annotations

import pytest

from quoteattr_server.engine import attribute
from quoteattr_server.engine.attribution_types import (
    load_attribution_types,
    parse_attribution_types,
    with_attribution_types,
)
from quoteattr_server.engine.conllu import read_conllu
from quoteattr_server.engine.lexicon import load_lexicon
from quoteattr_server.engine.types import AttributionResult, Cue, Quote, QuoteKind, Span
from quoteattr_server.engine.types import AttributionType as T

LEXICON = load_lexicon()
TYPES = load_attribution_types()


@pytest.mark.parametrize(
    ("lemma", "clausal", "expected"),
    [
        ("say", True, T.SPEECH),
        ("tell", True, T.SPEECH),
        ("announce", False, T.SPEECH),
        ("according to", True, T.SPEECH),
        ("believe", True, T.BELIEF),
        ("fear", True, T.BELIEF),
        ("expect", True, T.BELIEF),
        ("want", False, T.INTENTION),
        ("plan", False, T.INTENTION),
        ("refuse", False, T.INTENTION),
        ("decide", True, T.INTENTION),
        ("support", False, T.STANCE),
        ("oppose", False, T.STANCE),
        ("welcome", False, T.STANCE),
        ("praise", False, T.STANCE),
        ("criticize", False, T.STANCE),
        ("criticize", True, T.SPEECH),
        ("defend", False, T.STANCE),
        ("reject", False, T.STANCE),
        ("deny", True, T.SPEECH),
        ("agree", True, T.STANCE),
    ],
)
def test_type_of_cue(lemma: str, clausal: bool, expected: T) -> None:
    group = LEXICON.cue_group(lemma) if lemma != "according to" else None
    assert TYPES.of_cue(lemma, group, clausal=clausal) is expected


def test_no_cue_is_speech() -> None:
    assert TYPES.of_cue(None, None, clausal=True) is T.SPEECH


def test_every_lexicon_group_has_a_type() -> None:
    groups = set(LEXICON.cue_groups.values())
    assert groups <= set(TYPES.by_group), groups - set(TYPES.by_group)


def test_unknown_section_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown attribution type section"):
        parse_attribution_types("groups opinion: stance\n")


def _quote(kind: QuoteKind, rule: str, lemma: str | None) -> Quote:
    cue = Cue(lemma or "", Span(0, 1), lemma) if lemma is not None else None
    return Quote("x", Span(2, 3), kind, None, None, cue, 0.9, rule)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (_quote(QuoteKind.DIRECT, "subject of cue", "say"), T.SPEECH),
        (_quote(QuoteKind.DIRECT, "dash signature", None), T.SPEECH),
        (_quote(QuoteKind.REPORTED, "reported clause", "believe"), T.BELIEF),
        (_quote(QuoteKind.REPORTED, "reported object", "criticize"), T.STANCE),
        (_quote(QuoteKind.REPORTED, "reported clause", "criticize"), T.SPEECH),
        (_quote(QuoteKind.REPORTED, "reported infinitive", "plan"), T.INTENTION),
        (_quote(QuoteKind.REPORTED, "according to X", "according to"), T.SPEECH),
        # The small lemmatizer leaves some forms as written: typed by the lexicon's form.
        (_quote(QuoteKind.REPORTED, "reported object", "opposes"), T.STANCE),
        (_quote(QuoteKind.REPORTED, "reported object", "condemned"), T.STANCE),
        (_quote(QuoteKind.REPORTED, "belief adjective", "convinced"), T.BELIEF),
    ],
)
def test_quotes_typed_by_cue_and_content(quote: Quote, expected: T) -> None:
    typed = with_attribution_types(AttributionResult((quote,), ()), LEXICON)
    assert typed.quotes[0].attribution_type is expected


def test_attribute_selects_the_types_asked_for() -> None:
    doc = read_conllu(
        "# newpar\n# text = Voters believe the plan will fail.\n"
        "1\tVoters\tvoter\tNOUN\t_\tNumber=Plur\t2\tnsubj\t_\t_\n"
        "2\tbelieve\tbelieve\tVERB\t_\t_\t0\troot\t_\t_\n"
        "3\tthe\tthe\tDET\t_\t_\t4\tdet\t_\t_\n"
        "4\tplan\tplan\tNOUN\t_\tNumber=Sing\t6\tnsubj\t_\t_\n"
        "5\twill\twill\tAUX\t_\t_\t6\taux\t_\t_\n"
        "6\tfail\tfail\tVERB\t_\t_\t2\tccomp\t_\t_\n"
        "7\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    )
    everything = attribute(doc, LEXICON)
    assert [q.attribution_type for q in everything.quotes] == [T.BELIEF]
    speech_only = attribute(doc, LEXICON, attribution_types={T.SPEECH})
    assert speech_only.quotes == ()
    assert speech_only.speakers == ()
    assert attribute(doc, LEXICON, attribution_types={T.BELIEF}).quotes == everything.quotes
