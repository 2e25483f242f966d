"""The scorer's matching rules, on small hand-made cases."""

from __future__ import annotations

from quoteattr_server.tools.evaluation import (
    Gold,
    Prediction,
    Report,
    is_direct,
    match,
    spans_match,
    speaker_right,
    token_f1,
)


def gold(start: int, end: int, text: str = "x", **fields: object) -> Gold:
    return Gold(start=start, end=end, text=text, **fields)  # type: ignore[arg-type]


def predicted(start: int, end: int, text: str = "x", **fields: object) -> Prediction:
    return Prediction(start=start, end=end, text=text, rule="r", **fields)  # type: ignore[arg-type]


def test_direct_means_a_double_mark_of_any_style() -> None:
    assert is_direct('"yes," she said')
    assert is_direct("\u201cyes\u201d")
    assert is_direct("``yes''")
    assert not is_direct("that the plan isn't dead")
    assert not is_direct("the voters' choice")


def test_spans_match_on_half_of_the_shorter_span() -> None:
    assert spans_match(gold(0, 100), predicted(40, 60))  # inside: all of the shorter
    assert spans_match(gold(0, 10), predicted(5, 30))  # 5 of the shorter 10
    assert not spans_match(gold(0, 10), predicted(6, 30))  # 4 of 10


def test_matching_is_one_to_one_by_largest_overlap() -> None:
    golds = [gold(0, 20), gold(30, 50)]
    predictions = [predicted(28, 52), predicted(0, 25)]
    assert match(golds, predictions) == [(0, 1), (1, 0)]
    assert match([gold(0, 20)], [predicted(0, 20), predicted(1, 19)]) == [(0, 0)]


def test_speaker_right_by_mention_overlap_or_last_word() -> None:
    item = gold(0, 10, speaker="he", speaker_start=20, speaker_end=22)
    assert speaker_right(
        item, predicted(0, 10, speaker="Ana Kovac", mention_start=20, mention_end=22)
    )
    assert not speaker_right(
        item, predicted(0, 10, speaker="Ana Kovac", mention_start=30, mention_end=35)
    )
    named = gold(0, 10, speaker="Mayor Ana Kovac,", speaker_start=20, speaker_end=35)
    assert speaker_right(named, predicted(0, 10, speaker="Ana KOVAC"))
    assert not speaker_right(named, predicted(0, 10, speaker="Tomas Ruiz"))
    assert not speaker_right(named, predicted(0, 10))


def test_token_f1_for_roles() -> None:
    assert token_f1("Deputy Mayor", "deputy mayor") == 1.0
    assert token_f1("the city's budget chief", "budget chief") >= 0.5
    assert token_f1("Deputy Mayor", "senator") == 0.0


def test_report_counts_by_class_and_lists_errors() -> None:
    report = Report()
    golds = [
        gold(0, 20, '"We will rebuild."', speaker="Kovac", cue="said", cue_start=22, cue_end=26),
        gold(40, 70, "the budget would pass", speaker="Ruiz", role="Deputy Mayor"),
        gold(80, 90, "it was late", speaker="Lind"),
    ]
    predictions = [
        predicted(
            0, 20, '"We will rebuild."', speaker="Ana Kovac", cue="said", cue_start=22, cue_end=26
        ),
        predicted(40, 70, "the budget would pass", speaker="Marta Lind", roles=("deputy mayor",)),
        predicted(100, 120, "a spurious clause here"),
    ]
    report.add("doc", golds, predictions)
    summary = report.summary()
    direct, reported = summary["direct"], summary["reported"]
    assert (direct["gold"], direct["matched"], direct["f1"]) == (1, 1, 1.0)
    assert direct["speaker_accuracy"] == 1.0
    assert direct["cue_accuracy"] == 1.0
    assert (reported["gold"], reported["predicted"], reported["matched"]) == (2, 2, 1)
    assert reported["precision"] == 0.5
    assert reported["speaker_accuracy"] == 0.0
    assert reported["attribution_f1"] == 0.0
    assert reported["role_accuracy"] == 1.0
    kinds = sorted(error["error"] for error in report.errors)
    assert kinds == ["missed", "spurious", "wrong_speaker"]
    assert summary["rules"]["r"]["predicted"] == 3
