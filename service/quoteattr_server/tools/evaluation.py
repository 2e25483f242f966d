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
            gold, prediction = golds[g], predictions[p]
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
        for g, gold in enumerate(golds):
            if g not in matched_gold:
                self._error(document_id, name, "missed", gold, None)
        for p, prediction in enumerate(predictions):
            if p not in matched_prediction:
                self._error(document_id, name, "spurious", None, prediction)

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

    def summary(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "direct": self.classes["direct"].summary(),
            "reported": self.classes["reported"].summary(),
            "rules": {rule: dict(counts) for rule, counts in sorted(self.rules.items())},
        }


def _as_dict(item: Gold | Prediction) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__slots__}
