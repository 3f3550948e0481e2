"""The bars of the seed articles, measured by the team's scorer (../shared/eval/score.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def test_seed_scores_reach_the_bars():
    assert SCORER.exists(), f"the scorer is expected at {SCORER}"
    result = subprocess.run([sys.executable, str(SCORER), "seeds/gold.jsonl", "--app", "service.app:create_app", "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["bad_offsets"] == 0
    assert scores["quote_f1"] >= 0.97, scores
    assert scores["speaker_acc_strict"] >= 0.95, scores
    assert scores["role_acc"] >= 0.85, scores
    assert scores["e2e_f1"] >= 0.93, scores
