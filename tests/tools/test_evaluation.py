"""The scorer's matching rules, on small hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteattr_server.tools.eval import format_speakers, read_articles, speakers_from_quotes
from quoteattr_server.tools.evaluation import (
    Gold,
    GoldSpeaker,
    PredictedSpeaker,
    Prediction,
    Report,
    bare_name,
    is_direct,
    match,
    match_speakers,
    roles_overlap,
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


# --- speakers: roles, names, gender, anonymity, category ---------------------------------------


def test_bare_name_strips_titles_honorifics_and_case() -> None:
    assert bare_name("Sen. Ann Lee") == "ann lee"
    assert bare_name("Mr. Tomas  Ruiz") == "tomas ruiz"
    assert bare_name("Governor Ruiz's") == "ruiz"
    assert bare_name("Ann Lee") != bare_name("Lee")


def test_roles_overlap_by_half_of_the_shorter_span() -> None:
    assert roles_overlap((10, 30), (20, 30))  # all of the shorter
    assert roles_overlap((10, 20), (15, 40))  # 5 of 10
    assert not roles_overlap((10, 20), (16, 40))  # 4 of 10


def test_speakers_match_by_last_word_preferring_shared_mentions() -> None:
    golds = [
        GoldSpeaker(name="Ann Lee", kind="person", mention_spans=((0, 7),)),
        GoldSpeaker(name="Bo Lee", kind="person", mention_spans=((50, 56),)),
        GoldSpeaker(name="Mira Osei", kind="person"),
    ]
    predictions = [
        PredictedSpeaker(name="Lee", mentions=((50, 53),)),
        PredictedSpeaker(name="Ann Lee", mentions=((0, 7),)),
        PredictedSpeaker(name="Tomas Ruiz"),
    ]
    assert match_speakers(golds, predictions) == [(0, 1), (1, 0)]


def test_role_recall_precision_and_speakers_with_none_wrong() -> None:
    report = Report()
    golds = [
        GoldSpeaker(name="Ann Lee", kind="person", roles=((0, 12), (40, 60))),
        GoldSpeaker(name="Tomas Ruiz", kind="person", roles=((100, 110),)),
        GoldSpeaker(name="Mira Osei", kind="person", roles=((200, 220),)),
    ]
    predictions = [
        PredictedSpeaker(name="Ann Lee", roles=((6, 12),)),  # one of two found, none wrong
        PredictedSpeaker(name="Ruiz", roles=((100, 110), (120, 130))),  # found, one wrong
    ]
    report.add_speakers("doc", golds, predictions)
    roles = report.summary()["speakers"]["roles"]
    assert (roles["gold"], roles["found"], roles["predicted"], roles["predicted_right"]) == (
        4,
        2,
        3,
        2,
    )
    assert roles["recall"] == 0.5
    assert roles["precision"] == 0.6667
    assert roles["speakers_found_none_wrong"] == 0.3333
    errors = sorted(e["error"] for e in report.errors)
    assert errors == ["name_wrong", "role_missed", "role_missed", "role_wrong"]


def test_name_accuracy_over_named_persons_and_over_matched_ones() -> None:
    report = Report()
    golds = [
        GoldSpeaker(name="Ann Lee", kind="person", anonymous=False),
        GoldSpeaker(name="Bo Park", kind="person", anonymous=False),
        GoldSpeaker(name="Sara Holm", kind="person", anonymous=False),
        GoldSpeaker(name="a senior official", kind="person", anonymous=True),
        GoldSpeaker(name="Harbour Trust", kind="organization", anonymous=False),
    ]
    predictions = [
        PredictedSpeaker(name="Dr. Ann Lee"),
        PredictedSpeaker(name="Park"),
        PredictedSpeaker(name="official"),
        PredictedSpeaker(name="Trust"),
    ]
    report.add_speakers("doc", golds, predictions)
    names = report.summary()["speakers"]["names"]
    assert (names["named_persons"], names["matched"], names["right"]) == (3, 2, 1)
    assert names["accuracy"] == 0.3333  # an unmatched named person counts as a wrong name
    assert names["accuracy_of_matched"] == 0.5


def test_gender_anonymity_and_category_scores() -> None:
    report = Report()
    golds = [
        GoldSpeaker("Ann Lee", "person", gender="female", anonymous=False, category="official"),
        GoldSpeaker("Bo Park", "person", gender="male", anonymous=False, category="expert"),
        GoldSpeaker("Sara Holm", "person", gender="female", anonymous=False, category="citizen"),
        GoldSpeaker("critics", "group", gender="unknown", anonymous=True, category="unknown"),
        GoldSpeaker("Eli Moss", "person", gender="male", anonymous=False, category="media"),
    ]
    predictions = [
        PredictedSpeaker("Ann Lee", gender="female", category="official"),
        PredictedSpeaker("Bo Park", gender="female", category="official"),
        PredictedSpeaker("Sara Holm", gender="unknown", category="citizen"),
        PredictedSpeaker("critics", anonymous=True),
    ]
    report.add_speakers("doc", golds, predictions)
    speakers = report.summary()["speakers"]
    female, male = speakers["gender"]["female"], speakers["gender"]["male"]
    assert (female["gold"], female["predicted"], female["true_positives"]) == (2, 2, 1)
    assert (female["precision"], female["recall"]) == (0.5, 0.5)
    assert (male["gold"], male["gold_matched"], male["predicted"]) == (2, 1, 0)
    assert male["f1"] == 0.0
    assert speakers["anonymous"]["f1"] == 1.0
    bo_found = Report()
    bo_found.add_speakers("doc", golds[1:2], [PredictedSpeaker("Bo Park", gender="male")])
    bo_found.add_speakers("doc", golds[4:5], [])  # Eli Moss: not found at all
    male = bo_found.summary()["speakers"]["gender"]["male"]
    assert (male["recall"], male["recall_all"], male["f1"]) == (1.0, 0.5, 1.0)
    category = speakers["category"]
    assert (category["gold"], category["matched"], category["right"]) == (4, 3, 2)
    assert category["accuracy"] == 0.6667


def test_gold_speakers_from_quote_roles() -> None:
    text = "Mayor Ann Lee spoke. Lee, the Mayor, said so. Bo Park said no."
    article = {
        "text": text,
        "quotes": [
            {"start": 0, "end": 1, "speaker": "Ann Lee", "role": "Mayor"},
            {"start": 2, "end": 3, "speaker": "Lee"},
            {"start": 4, "end": 5, "speaker": "Bo Park"},
        ],
    }
    speakers = {s.name: s for s in speakers_from_quotes(article)}
    assert set(speakers) == {"Ann Lee", "Bo Park"}
    assert [text[s:e] for s, e in speakers["Ann Lee"].roles] == ["Mayor", "Mayor"]
    assert speakers["Bo Park"].roles == ()


def test_speaker_lines_leave_out_what_the_gold_does_not_annotate() -> None:
    roles_only = Report()
    roles_only.add_speakers("doc", [GoldSpeaker("Ann Lee", "unknown", roles=((0, 5),))], [])
    lines = format_speakers(roles_only.summary()["speakers"])
    assert any(line.startswith("roles: recall 0.0") for line in lines)
    assert not any(line.startswith(("female", "male", "anonymous", "category")) for line in lines)
    full = Report()
    full.add_speakers(
        "doc", [GoldSpeaker("Ann Lee", "person", gender="female", anonymous=False)], []
    )
    lines = format_speakers(full.summary()["speakers"])
    assert any(line.startswith("female:") for line in lines)
    assert any(line.startswith("names of named persons: accuracy 0.0") for line in lines)


def test_every_nth_article_is_a_fixed_sample_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": f"a{n}", "text": "x", "quotes": []}) for n in range(10)]
    path.write_text("\n".join(lines[:5]) + "\n\n" + "\n".join(lines[5:]) + "\n")
    assert [a["id"] for a in read_articles(path)] == [f"a{n}" for n in range(10)]
    # Blank lines are no articles: the sample counts articles, not lines.
    assert [a["id"] for a in read_articles(path, every=4)] == ["a0", "a4", "a8"]
    with pytest.raises(ValueError, match="--every"):
        list(read_articles(path, every=0))
