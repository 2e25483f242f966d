from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from quoteattr_server.engine.lexicon import load_lexicon


def test_packaged_lexicon_groups_cues() -> None:
    lexicon = load_lexicon()
    assert lexicon.cue_group("say") == "neutral"
    assert lexicon.takes_direct_quote("warn")
    assert not lexicon.takes_direct_quote("believe")
    assert lexicon.cue_confidence("say") > lexicon.cue_confidence("believe")
    assert lexicon.is_title("Minister")
    assert lexicon.is_honorific("Mr.")
    assert lexicon.pronoun_kinds["she"] == "person"


def test_lexicon_loads_from_a_directory(tmp_path: Path) -> None:
    packaged = Path(__file__).parents[2] / "service" / "quoteattr_server" / "engine" / "data"
    for source in packaged.glob("*.txt"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cues.txt").write_text("neutral: say\n  opine\n", encoding="utf-8")
    lexicon = load_lexicon(tmp_path)
    assert lexicon.is_cue("opine")
    assert not lexicon.is_cue("warn")


def test_malformed_group_file_is_reported(tmp_path: Path) -> None:
    packaged = Path(__file__).parents[2] / "service" / "quoteattr_server" / "engine" / "data"
    for source in packaged.glob("*.txt"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cues.txt").write_text("say tell\n", encoding="utf-8")
    with pytest.raises(ValueError, match="outside a group"):
        load_lexicon(tmp_path)


def test_unlemmatised_inflections_still_find_their_cue() -> None:
    lexicon = load_lexicon()
    assert lexicon.cue_group("denounced") == lexicon.cue_group("denounce")
    assert lexicon.cue_group("slammed") == lexicon.cue_group("slam")
    # Irregular pasts the lemmatizer left as written ("Said Ellis: ...").
    assert lexicon.cue_group("said") == "neutral"
    assert lexicon.cue_group("wrote") == lexicon.cue_group("write")
    assert lexicon.cue_group("criticizing") == lexicon.cue_group("criticize")
    assert lexicon.cue_group("carried") is None


def test_gender_words_are_read_as_word_to_gender() -> None:
    genders = load_lexicon().genders
    assert genders["she"] == "female"
    assert genders["mr."] == "male"
    assert genders["spokeswoman"] == "female"
    assert "nonbinary" not in genders
    assert "they" not in genders


def test_pronoun_groups_combine_by_use() -> None:
    pronouns = load_lexicon().pronouns
    assert pronouns.speakers == {"i", "we", "he", "she", "they"}
    assert pronouns.sources == pronouns.speakers | {"you", "who"}
    assert pronouns.relative_subjects == {"who", "which", "that"}
    assert pronouns.relative_speakers == {"who", "which", "that", "whom"}
    # "that" also opens complement clauses ("said that ..."): not a relative opener.
    assert pronouns.relative_openers == {"who", "which", "whom", "whose"}


def test_groups_come_from_the_data_directory(tmp_path: Path) -> None:
    source = Path(str(resources.files("quoteattr_server.engine").joinpath("data")))
    for item in source.iterdir():
        (tmp_path / item.name).write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pronoun_groups.txt").write_text("third_singular: he she xe\n", encoding="utf-8")
    pronouns = load_lexicon(tmp_path).pronouns
    assert pronouns.speakers == {"he", "she", "xe"}
    assert pronouns.relative_openers == frozenset()


def test_facet_nouns_hold_relations_holders_and_families_of_posts() -> None:
    lexicon = load_lexicon()
    assert {"resident", "mother", "survivor"} <= lexicon.relation_nouns
    assert "diplomat" in lexicon.holder_nouns
    assert frozenset({"minister", "secretary", "chancellor"}) in lexicon.post_families
    assert not lexicon.relation_nouns & lexicon.holder_nouns


@pytest.mark.parametrize(
    ("written", "group"),
    [("opined", "assertive"), ("averred", "assertive"), ("rue", "emphatic")],
)
def test_verbs_of_speech_of_south_asian_and_african_news_are_cues(written: str, group: str) -> None:
    # `"The situation is under control," the district collector opined.`
    assert load_lexicon().cue_group(written) == group
