"""quoteattr_server.tools.evaluation: score predicted attributions against annotated articles.

The matching rules (documented in the README, "Evaluation"):

* A span is *direct* when its text holds a double quotation mark (`"`, `“`, `”`, `„`, `«`, `»`,
  or two apostrophes / backticks written as one), for gold and predictions alike, so a partial
  quote inside a reported clause counts as direct; every other span is *reported* speech.
* Within each class, a prediction matches a gold attribution when their spans overlap by at
  least half of the shorter span; pairs are taken greedily by overlap, each gold and each
  prediction at most once.
* The speaker of a matched pair is right when the predicted mention overlaps the gold source
  span, or the last word of the predicted canonical name equals the last word of the gold source
  (case-insensitive). Pairs whose gold has no source are left out of speaker accuracy.
* End-to-end attribution counts a match as a true positive only when its speaker is right (or
  the gold has no source).
* The cue is right when the spans overlap or the texts agree (case-insensitive); a role is right
  when some predicted role has token-overlap F1 of at least 0.5 with the gold role.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

_DOUBLE_MARKS = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]|''|``")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    role: str | None = None

    @property
    def direct(self) -> bool:
        return is_direct(self.text)

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> Gold:
        return cls(
            start=int(item["start"]),
            end=int(item["end"]),
            text=str(item.get("text", "")),
            speaker=item.get("speaker"),
            speaker_start=item.get("speaker_start"),
            speaker_end=item.get("speaker_end"),
            cue=item.get("cue"),
            cue_start=item.get("cue_start"),
            cue_end=item.get("cue_end"),
            role=item.get("role"),
        )


@dataclass(frozen=True, slots=True)
class Prediction:
    start: int
    end: int
    text: str
    rule: str
    speaker: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    roles: tuple[str, ...] = ()

    @property
    def direct(self) -> bool:
        return is_direct(self.text)


def is_direct(text: str) -> bool:
    return _DOUBLE_MARKS.search(text) is not None


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def spans_match(gold: Gold, prediction: Prediction) -> bool:
    shorter = min(gold.end - gold.start, prediction.end - prediction.start)
    overlap = _overlap(gold.start, gold.end, prediction.start, prediction.end)
    return shorter > 0 and overlap * 2 >= shorter


def match(golds: Sequence[Gold], predictions: Sequence[Prediction]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, greedily by overlap."""
    candidates = []
    for g, gold in enumerate(golds):
        for p, prediction in enumerate(predictions):
            if spans_match(gold, prediction):
                overlap = _overlap(gold.start, gold.end, prediction.start, prediction.end)
                candidates.append((-overlap, g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_prediction: set[int] = set()
    pairs = []
    for _, g, p in candidates:
        if g in used_gold or p in used_prediction:
            continue
        used_gold.add(g)
        used_prediction.add(p)
        pairs.append((g, p))
    return sorted(pairs)


def _last_word(text: str | None) -> str:
    words = _WORD.findall(text or "")
    return words[-1].lower() if words else ""


def speaker_right(gold: Gold, prediction: Prediction) -> bool:
    if (
        gold.speaker_start is not None
        and gold.speaker_end is not None
        and prediction.mention_start is not None
        and prediction.mention_end is not None
        and _overlap(
            gold.speaker_start, gold.speaker_end, prediction.mention_start, prediction.mention_end
        )
        > 0
    ):
        return True
    last = _last_word(prediction.speaker)
    return bool(last) and last == _last_word(gold.speaker)


def cue_right(gold: Gold, prediction: Prediction) -> bool:
    if (
        gold.cue_start is not None
        and gold.cue_end is not None
        and prediction.cue_start is not None
        and prediction.cue_end is not None
        and _overlap(gold.cue_start, gold.cue_end, prediction.cue_start, prediction.cue_end) > 0
    ):
        return True
    return (prediction.cue or "").strip().lower() == (gold.cue or "").strip().lower() != ""


def token_f1(a: str, b: str) -> float:
    left = Counter(w.lower() for w in _WORD.findall(a))
    right = Counter(w.lower() for w in _WORD.findall(b))
    common = sum((left & right).values())
    if not common:
        return 0.0
    precision = common / sum(right.values())
    recall = common / sum(left.values())
    return 2 * precision * recall / (precision + recall)


def role_right(gold: Gold, prediction: Prediction) -> bool:
    return any(token_f1(gold.role or "", role) >= 0.5 for role in prediction.roles)


@dataclass(slots=True)
class ClassScore:
    """Counts for one class (direct or reported) over a corpus."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    with_gold_speaker: int = 0
    speaker_right: int = 0
    attributed: int = 0
    with_gold_cue: int = 0
    cue_right: int = 0
    with_gold_role: int = 0
    role_right: int = 0

    @staticmethod
    def _ratio(numerator: int, denominator: int) -> float:
        return numerator / denominator if denominator else 0.0

    def _f1(self, true_positives: int) -> float:
        precision = self._ratio(true_positives, self.predicted)
        recall = self._ratio(true_positives, self.gold)
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self._ratio(self.matched, self.predicted), 4),
            "recall": round(self._ratio(self.matched, self.gold), 4),
            "f1": round(self._f1(self.matched), 4),
            "speaker_accuracy": round(self._ratio(self.speaker_right, self.with_gold_speaker), 4),
            "attribution_f1": round(self._f1(self.attributed), 4),
            "cue_accuracy": round(self._ratio(self.cue_right, self.with_gold_cue), 4),
            "role_accuracy": round(self._ratio(self.role_right, self.with_gold_role), 4),
            "pairs_with_role": self.with_gold_role,
        }


@dataclass(slots=True)
class Report:
    """Scores of a whole corpus, by class and by rule, and every error found."""

    classes: dict[str, ClassScore] = field(
        default_factory=lambda: {"direct": ClassScore(), "reported": ClassScore()}
    )
    rules: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0
    speakers: SpeakerScore | None = None

    def add(
        self, document_id: str, golds: Iterable[Gold], predictions: Iterable[Prediction]
    ) -> None:
        self.documents += 1
        gold_list, prediction_list = list(golds), list(predictions)
        for name, direct in (("direct", True), ("reported", False)):
            class_golds = [g for g in gold_list if g.direct == direct]
            class_predictions = [p for p in prediction_list if p.direct == direct]
            self._add_class(document_id, name, class_golds, class_predictions)

    def _add_class(
        self, document_id: str, name: str, golds: list[Gold], predictions: list[Prediction]
    ) -> None:
        score = self.classes[name]
        score.gold += len(golds)
        score.predicted += len(predictions)
        pairs = match(golds, predictions)
        matched_gold = {g for g, _ in pairs}
        matched_prediction = {p for _, p in pairs}
        for prediction in predictions:
            self.rules[prediction.rule]["predicted"] += 1
        for g, p in pairs:
            self._add_pair(document_id, name, score, golds[g], predictions[p])
        for g, gold in enumerate(golds):
            if g not in matched_gold:
                self._error(document_id, name, "missed", gold, None)
        for p, prediction in enumerate(predictions):
            if p not in matched_prediction:
                self._error(document_id, name, "spurious", None, prediction)

    def _add_pair(
        self, document_id: str, name: str, score: ClassScore, gold: Gold, prediction: Prediction
    ) -> None:
        """One matched pair: its speaker, cue and role, each where the gold has one."""
        score.matched += 1
        self.rules[prediction.rule]["matched"] += 1
        right = True
        if gold.speaker:
            score.with_gold_speaker += 1
            right = speaker_right(gold, prediction)
            score.speaker_right += right
            self.rules[prediction.rule]["speaker_right" if right else "speaker_wrong"] += 1
            if not right:
                self._error(document_id, name, "wrong_speaker", gold, prediction)
        score.attributed += right
        if gold.cue:
            score.with_gold_cue += 1
            score.cue_right += cue_right(gold, prediction)
        if gold.role:
            score.with_gold_role += 1
            score.role_right += role_right(gold, prediction)

    def _error(
        self,
        document_id: str,
        name: str,
        error: str,
        gold: Gold | None,
        prediction: Prediction | None,
    ) -> None:
        self.errors.append(
            {
                "document_id": document_id,
                "class": name,
                "error": error,
                "gold": None if gold is None else _as_dict(gold),
                "predicted": None if prediction is None else _as_dict(prediction),
            }
        )

    def add_speakers(
        self,
        document_id: str,
        golds: Sequence[GoldSpeaker],
        predictions: Sequence[PredictedSpeaker],
        text: str = "",
    ) -> None:
        """Score one article's speakers against its roles-file entry (errors quote `text`)."""
        if self.speakers is None:
            self.speakers = SpeakerScore()
        matched = {g: predictions[p] for g, p in match_speakers(golds, predictions)}
        for g, gold in enumerate(golds):
            predicted = matched.get(g)
            for error in score_speaker(self.speakers, gold, predicted):
                self.errors.append(
                    {
                        "document_id": document_id,
                        "class": "speaker",
                        "error": error,
                        "gold": _speaker_dict(gold, text),
                        "predicted": None if predicted is None else _speaker_dict(predicted, text),
                    }
                )

    def summary(self) -> dict[str, Any]:
        summary: dict[str, Any] = {
            "documents": self.documents,
            "direct": self.classes["direct"].summary(),
            "reported": self.classes["reported"].summary(),
            "rules": {rule: dict(counts) for rule, counts in sorted(self.rules.items())},
        }
        if self.speakers is not None:
            summary["speakers"] = self.speakers.summary()
        return summary


def _as_dict(item: Gold | Prediction | GoldSpeaker | PredictedSpeaker) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__slots__}


# --- Speakers: roles, names, gender, anonymity, category (a roles file) -----------------------
#
# Gold speakers come from a roles file (`shared/eval/README.md`, `polnear-dev-roles.jsonl`); each
# is matched to at most one predicted speaker of the same article by the last word of the name
# (ties broken by the exact name, then by shared mention spans). A gold role is found when a role
# of the matched speaker overlaps it by at least half of the shorter span; a predicted role of a
# matched speaker that overlaps no gold role of that speaker is wrong. Gold roles of unmatched
# speakers count as missed; roles of predicted speakers with no gold speaker are not judged (the
# gold lists only the sources of gold attributions). Gender, anonymity and category are judged on
# the speakers that carry them, with the same matching: precision over matched speakers, recall
# over all gold speakers.

_NAME_PREFIXES = frozenset(
    {
        *("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame", "lord", "lady"),
        *("sen", "senator", "rep", "representative", "gov", "governor", "lt", "gen", "col"),
        *("capt", "sgt", "adm", "maj", "cmdr", "president", "vice", "former", "the", "pres"),
        *("secretary", "minister", "mayor", "judge", "justice", "chief"),
    }
)
GENDERS = ("female", "male")


@dataclass(frozen=True, slots=True)
class GoldSpeaker:
    """One hand-annotated source of an article, from a roles file."""

    name: str
    kind: str
    roles: tuple[tuple[int, int], ...] = ()
    mention_spans: tuple[tuple[int, int], ...] = ()
    gender: str | None = None
    anonymous: bool | None = None
    category: str | None = None

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> GoldSpeaker:
        return cls(
            name=str(item["name"]),
            kind=str(item.get("kind", "unknown")),
            roles=tuple((int(r["start"]), int(r["end"])) for r in item.get("roles", ())),
            mention_spans=tuple((int(s), int(e)) for s, e in item.get("mention_spans", ())),
            gender=item.get("gender"),
            anonymous=item.get("anonymous"),
            category=item.get("category"),
        )


@dataclass(frozen=True, slots=True)
class PredictedSpeaker:
    """One speaker the service returned, as the speaker scorer sees it."""

    name: str
    kind: str = "unknown"
    roles: tuple[tuple[int, int], ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    gender: str = "unknown"
    anonymous: bool = False
    category: str = "unknown"


def bare_name(name: str) -> str:
    """A name without case, punctuation, titles or honorifics ("Sen. Ann Lee" -> "ann lee")."""
    words = [w.lower() for w in _WORD.findall(name.replace("\u2019s", "").replace("'s", ""))]
    while len(words) > 1 and words[0] in _NAME_PREFIXES:
        words.pop(0)
    return " ".join(words)


def roles_overlap(gold: tuple[int, int], predicted: tuple[int, int]) -> bool:
    """Overlap of at least half of the shorter span."""
    shorter = min(gold[1] - gold[0], predicted[1] - predicted[0])
    return shorter > 0 and _overlap(*gold, *predicted) * 2 >= shorter


def _shared_mentions(gold: GoldSpeaker, predicted: PredictedSpeaker) -> int:
    return sum(
        1
        for g in gold.mention_spans
        if any(_overlap(g[0], g[1], p[0], p[1]) > 0 for p in predicted.mentions)
    )


def match_speakers(
    golds: Sequence[GoldSpeaker], predictions: Sequence[PredictedSpeaker]
) -> list[tuple[int, int]]:
    """One-to-one (gold, prediction) pairs sharing the last word of the name, best first."""
    candidates = []
    for g, gold in enumerate(golds):
        last = _last_word(gold.name)
        for p, prediction in enumerate(predictions):
            if last and _last_word(prediction.name) == last:
                exact = bare_name(gold.name) == bare_name(prediction.name)
                candidates.append((-_shared_mentions(gold, prediction), not exact, g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_prediction: set[int] = set()
    pairs = []
    for _, _, g, p in candidates:
        if g not in used_gold and p not in used_prediction:
            used_gold.add(g)
            used_prediction.add(p)
            pairs.append((g, p))
    return sorted(pairs)


@dataclass(slots=True)
class BinaryScore:
    """One label (female, male, anonymous) over gold speakers. Precision is over the matched
    speakers that predict the label; `recall` over the gold speakers with the label that some
    predicted speaker matched (it judges this label, not finding speakers), `recall_all` over
    every gold speaker with it."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    gold_matched: int = 0

    def add(self, gold: bool, predicted: bool | None) -> None:
        """`predicted` is None when no predicted speaker matched the gold one."""
        self.gold += gold
        self.gold_matched += gold and predicted is not None
        self.predicted += bool(predicted)
        self.true_positives += gold and bool(predicted)

    def summary(self) -> dict[str, float | int]:
        precision = ClassScore._ratio(self.true_positives, self.predicted)
        recall = ClassScore._ratio(self.true_positives, self.gold_matched)
        recall_all = ClassScore._ratio(self.true_positives, self.gold)
        return {
            "gold": self.gold,
            "gold_matched": self.gold_matched,
            "predicted": self.predicted,
            "true_positives": self.true_positives,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(_harmonic(precision, recall), 4),
            "recall_all": round(recall_all, 4),
            "f1_all": round(_harmonic(precision, recall_all), 4),
        }


def _harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class SpeakerScore:
    """Counts over the gold speakers of a roles file."""

    gold_speakers: int = 0
    matched_speakers: int = 0
    gold_roles: int = 0
    roles_found: int = 0
    predicted_roles: int = 0
    predicted_roles_right: int = 0
    speakers_with_roles: int = 0
    speakers_role_found_none_wrong: int = 0
    named_persons: int = 0
    named_persons_matched: int = 0
    names_right: int = 0
    genders: dict[str, BinaryScore] = field(
        default_factory=lambda: {label: BinaryScore() for label in GENDERS}
    )
    anonymous: BinaryScore = field(default_factory=BinaryScore)
    with_category: int = 0
    category_matched: int = 0
    category_right: int = 0

    def summary(self) -> dict[str, Any]:
        ratio = ClassScore._ratio
        precision = ratio(self.predicted_roles_right, self.predicted_roles)
        recall = ratio(self.roles_found, self.gold_roles)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "gold_speakers": self.gold_speakers,
            "matched_speakers": self.matched_speakers,
            "roles": {
                "gold": self.gold_roles,
                "found": self.roles_found,
                "predicted": self.predicted_roles,
                "predicted_right": self.predicted_roles_right,
                "recall": round(recall, 4),
                "precision": round(precision, 4),
                "f1": round(f1, 4),
                "speakers_with_roles": self.speakers_with_roles,
                "speakers_found_none_wrong": round(
                    ratio(self.speakers_role_found_none_wrong, self.speakers_with_roles), 4
                ),
            },
            "names": {
                "named_persons": self.named_persons,
                "matched": self.named_persons_matched,
                "right": self.names_right,
                "accuracy": round(ratio(self.names_right, self.named_persons), 4),
                "accuracy_of_matched": round(
                    ratio(self.names_right, self.named_persons_matched), 4
                ),
            },
            "gender": {label: score.summary() for label, score in self.genders.items()},
            "anonymous": self.anonymous.summary(),
            "category": {
                "gold": self.with_category,
                "matched": self.category_matched,
                "right": self.category_right,
                "accuracy": round(ratio(self.category_right, self.category_matched), 4),
            },
        }


def _role_counts(
    gold: GoldSpeaker, predicted: PredictedSpeaker | None
) -> tuple[int, int, list[tuple[int, int]], list[tuple[int, int]]]:
    """(gold roles found, predicted roles right, missed gold roles, wrong predicted roles)."""
    roles = predicted.roles if predicted is not None else ()
    found = [g for g in gold.roles if any(roles_overlap(g, p) for p in roles)]
    missed = [g for g in gold.roles if g not in found]
    wrong = [p for p in roles if not any(roles_overlap(g, p) for g in gold.roles)]
    return len(found), len(roles) - len(wrong), missed, wrong


def score_speaker(
    score: SpeakerScore, gold: GoldSpeaker, predicted: PredictedSpeaker | None
) -> list[str]:
    """Add one gold speaker (and its match, if any) to `score`; returns the errors found."""
    score.gold_speakers += 1
    score.matched_speakers += predicted is not None
    return [
        *_score_roles(score, gold, predicted),
        *_score_name(score, gold, predicted),
        *_score_labels(score, gold, predicted),
    ]


def _score_roles(
    score: SpeakerScore, gold: GoldSpeaker, predicted: PredictedSpeaker | None
) -> list[str]:
    found, right, missed, wrong = _role_counts(gold, predicted)
    score.gold_roles += len(gold.roles)
    score.roles_found += found
    if predicted is not None:
        score.predicted_roles += len(predicted.roles)
        score.predicted_roles_right += right
    if gold.roles:
        score.speakers_with_roles += 1
        score.speakers_role_found_none_wrong += bool(found) and not wrong
    return ["role_missed"] * bool(missed) + ["role_wrong"] * bool(wrong)


def _score_name(
    score: SpeakerScore, gold: GoldSpeaker, predicted: PredictedSpeaker | None
) -> list[str]:
    if gold.kind != "person" or gold.anonymous:
        return []
    score.named_persons += 1
    if predicted is None:
        return []
    score.named_persons_matched += 1
    same = bare_name(gold.name) == bare_name(predicted.name)
    score.names_right += same
    return [] if same else ["name_wrong"]


def _score_labels(
    score: SpeakerScore, gold: GoldSpeaker, predicted: PredictedSpeaker | None
) -> list[str]:
    """Gender, anonymity and category, where the gold speaker has them."""
    errors: list[str] = []
    if gold.gender is not None:
        for label, binary in score.genders.items():
            binary.add(
                gold.gender == label, None if predicted is None else predicted.gender == label
            )
        if predicted is not None and predicted.gender != gold.gender:
            errors.append("gender_wrong")
    if gold.anonymous is not None:
        score.anonymous.add(gold.anonymous, None if predicted is None else predicted.anonymous)
        if predicted is not None and predicted.anonymous != gold.anonymous:
            errors.append("anonymous_wrong")
    if gold.category is not None and gold.category != "unknown":
        score.with_category += 1
        if predicted is not None:
            score.category_matched += 1
            score.category_right += predicted.category == gold.category
            errors += [] if predicted.category == gold.category else ["category_wrong"]
    return errors


def _speaker_dict(speaker: GoldSpeaker | PredictedSpeaker, text: str) -> dict[str, Any]:
    """A speaker for the errors file, its role spans shown with their words."""
    item = _as_dict(speaker)
    item["roles"] = [{"start": s, "end": e, "text": text[s:e]} for s, e in speaker.roles]
    return item
