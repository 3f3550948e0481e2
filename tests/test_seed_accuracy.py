"""Accuracy bars, measured by the project's own scorer (``python -m service evaluate``).

``seeds/`` and ``tests/devset*`` are invented articles; ``tests/realdev`` are real ones (see its
README). Each bar is a floor: a change that lowers a score below it fails. The realdev floors are
where the extractor stood when they were set: raise them as accuracy improves. Issue 10's target on
realdev holdout is quote F1 ≥ 0.93, speaker (strict) ≥ 0.85, end-to-end F1 ≥ 0.80, and the quotes
of confidence ≥ 0.8 having the right speaker ≥ 90 % of the time (``right_at_0.8``).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from service.evaluation import evaluate, load_gold, predict

ROOT = Path(__file__).resolve().parent.parent

# gold file -> floor per score (keys of ``Evaluation.summary()``, plus ``right_at_0.8``).
# realdev: about 0.02 below where the extractor stands (measured this session, see README) - raise them
# as accuracy improves. right_at_0.8 mixes quotes in marks and reported speech (both are quotes).
REALDEV_BARS = {
    "tests/realdev/dev.jsonl": {"quote_f1": 0.96, "speaker_acc_strict": 0.91, "role_acc": 0.83, "e2e_f1": 0.90,
                                "right_at_0.8": 0.95, "indirect_f1": 0.89, "indirect_speaker_acc": 0.94},
    "tests/realdev/holdout.jsonl": {"quote_f1": 0.94, "speaker_acc_strict": 0.83, "role_acc": 0.46, "e2e_f1": 0.80,
                                    "right_at_0.8": 0.95, "indirect_f1": 0.83, "indirect_speaker_acc": 0.81},
}
# the invented sets: about 0.03 (one quote of a small holdout) below their scores at commit c7c2c06
INVENTED_BARS = {
    "seeds/gold.jsonl": {"quote_f1": 0.97, "speaker_acc_strict": 0.95, "role_acc": 0.85, "e2e_f1": 0.93},
    "tests/devset/dev.jsonl": {"quote_f1": 0.97, "speaker_acc_strict": 0.94, "role_acc": 0.97, "e2e_f1": 0.94},
    "tests/devset/holdout.jsonl": {"quote_f1": 0.95, "speaker_acc_strict": 0.90, "role_acc": 0.93, "e2e_f1": 0.88},
    "tests/devset2/dev.jsonl": {"quote_f1": 0.95, "speaker_acc_strict": 0.92, "role_acc": 0.88, "e2e_f1": 0.91},
    "tests/devset2/holdout.jsonl": {"quote_f1": 0.90, "speaker_acc_strict": 0.82, "role_acc": 0.29, "e2e_f1": 0.76},
    # speaker 0.805, role 0.658 until a person's description became their role (« Paul X … Le conseiller
    # municipal s'alarme »): 0.896, 0.795; role 0.822 once « ministre de X et des Y » was one role, 0.877 with
    # « rapporteur » a role noun; speaker 0.909 once « la société le surnom » was no description
    "tests/devset3/dev.jsonl": {"quote_f1": 0.93, "speaker_acc_strict": 0.89, "role_acc": 0.85, "e2e_f1": 0.84},
    # role 0.75 (33/44) at c7c2c06, 0.706 (36/51) at 2922c57: more quotes found, more roles right, a lower share
    "tests/devset3/holdout.jsonl": {"quote_f1": 0.87, "speaker_acc_strict": 0.85, "role_acc": 0.68, "e2e_f1": 0.77},
}
BARS = {**INVENTED_BARS, **REALDEV_BARS}


def right_at(summary: dict, threshold: float) -> float:
    """Share of the matched quotes of confidence ≥ threshold whose speaker is right (strict)."""
    buckets = [b for b in summary["calibration"] if b["low"] >= threshold]
    matched = sum(b["matched"] for b in buckets)
    return sum(b["right_speaker"] for b in buckets) / matched if matched else 0.0


@pytest.mark.parametrize("gold", BARS)
def test_scores_reach_the_bars(extractor, gold):
    articles = load_gold(ROOT / gold)
    summary = evaluate(articles, predict(extractor, [article.text for article in articles])).summary()
    summary["right_at_0.8"] = round(right_at(summary, 0.8), 3)
    assert summary["bad_offsets"] == 0
    below = {score: (summary[score], bar) for score, bar in BARS[gold].items() if summary[score] < bar}
    assert not below, f"{gold}: (score, bar) below the bar: {below}"

