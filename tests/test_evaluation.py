"""The scorer behind ``python -m service evaluate``: matching, speaker and role checks, calibration, gold errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main
from service.evaluation import GoldArticle, GoldError, evaluate, load_gold, predict

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("« Nous irons jusqu'au bout », a déclaré Hélène Durand, maire de Lyon. "
        "Le préfet a estimé que la ville paierait les travaux. Le projet « Lyon Demain » avance.")


def gold(words: str, speaker: str | None = "Hélène Durand", **fields) -> dict:
    start = TEXT.index(words)
    return {"start": start, "end": start + len(words), "text": words, "speaker": speaker, **fields}


def pred(words: str, name: str | None = "Hélène Durand", *, role: str | None = None, kind: str = "direct",
         confidence: float = 0.9, cut: int = 0) -> dict:
    start = TEXT.index(words)
    end = start + len(words) - cut
    speaker = None if name is None else {"name": name, "role": role, "type": "person", "mention": None}
    return {"text": TEXT[start:end], "start": start, "end": end, "kind": kind, "speaker": speaker,
            "confidence": confidence}


def score(golds: list[dict], preds: list[dict], non_quotes: list[dict] = ()) -> dict:
    return evaluate([GoldArticle("a", TEXT, golds, list(non_quotes))], [preds]).summary()


QUOTE = "Nous irons jusqu'au bout"
INDIRECT = "la ville paierait les travaux"


def test_a_quote_found_with_its_canonical_speaker_scores_one():
    s = score([gold(QUOTE, role="maire de Lyon")], [pred(QUOTE, "helene DURAND", role="maire")])
    assert (s["tp"], s["fp"], s["fn"]) == (1, 0, 0)
    assert s["quote_f1"] == s["speaker_acc_strict"] == s["role_acc"] == s["e2e_f1"] == 1.0


def test_spans_match_when_they_overlap_by_half_or_more():
    half = len(QUOTE) // 2
    assert score([gold(QUOTE)], [pred(QUOTE, cut=half - 1)])["tp"] == 1
    s = score([gold(QUOTE)], [pred(QUOTE, cut=half + 1)])
    assert (s["tp"], s["fp"], s["fn"], s["quote_f1"]) == (0, 1, 1, 0.0)


def test_a_surname_alone_is_right_only_leniently():
    s = score([gold(QUOTE)], [pred(QUOTE, "Durand")])
    assert (s["spk_strict"], s["spk_lenient"]) == (0, 1)
    assert s["quote_f1"] == 1.0 and s["e2e_f1"] == 0.0
    assert score([gold(QUOTE, speaker_mentions=["la maire"])], [pred(QUOTE, "La maire")])["spk_lenient"] == 1
    assert score([gold(QUOTE)], [pred(QUOTE, None)])["spk_lenient"] == 0


def test_a_role_needs_half_its_words():
    assert score([gold(QUOTE, role="maire de Lyon")], [pred(QUOTE, role="maire")])["role_acc"] == 1.0
    assert score([gold(QUOTE, role="maire de Lyon")], [pred(QUOTE, role="adjoint")])["role_acc"] == 0.0


def test_optional_gold_neither_rewards_nor_penalises():
    optional = gold(QUOTE, optional=True)
    found, missed = score([optional], [pred(QUOTE)]), score([optional], [])
    assert (found["tp"], found["fp"], found["fn"]) == (0, 0, 0)
    assert (missed["tp"], missed["fp"], missed["fn"]) == (0, 0, 0)


def test_an_extra_quote_on_a_non_quote_is_counted_apart():
    title = gold("Lyon Demain", speaker=None)
    s = score([gold(QUOTE)], [pred(QUOTE), pred("Lyon Demain")], non_quotes=[{"start": title["start"], "end": title["end"]}])
    assert (s["tp"], s["fp"], s["nonquote_fp"]) == (1, 1, 1)
    assert s["quote_p"] == 0.5


def test_indirect_quotes_are_scored_on_their_own():
    golds = [gold(QUOTE), gold(INDIRECT, "Le préfet", kind="indirect")]
    as_direct = score(golds, [pred(QUOTE), pred(INDIRECT, "préfet")])
    assert (as_direct["fp"], as_direct["indirect_r"], as_direct["indirect_counts"]["fn"]) == (1, 0.0, 1)
    as_indirect = score(golds, [pred(QUOTE), pred(INDIRECT, "préfet", kind="indirect")])
    assert (as_indirect["fp"], as_indirect["quote_f1"]) == (0, 1.0)
    assert as_indirect["indirect_f1"] == as_indirect["indirect_speaker_acc"] == 1.0
    assert "indirect_f1" not in score([gold(QUOTE)], [pred(QUOTE)])


def test_calibration_counts_matched_quotes_by_confidence():
    golds = [gold(QUOTE), gold(INDIRECT, "Le préfet", kind="indirect")]
    preds = [pred(QUOTE, "Durand", confidence=0.1), pred(INDIRECT, "préfet", kind="indirect", confidence=1.0),
             pred("Lyon Demain", confidence=0.85)]
    table = {(b["low"], b["high"]): b for b in score(golds, preds)["calibration"]}
    assert list(table) == [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0)]
    assert (table[0.0, 0.2]["matched"], table[0.0, 0.2]["share_right"]) == (1, 0.0)
    assert (table[0.8, 1.0]["matched"], table[0.8, 1.0]["share_right"], table[0.8, 1.0]["unmatched"]) == (1, 1.0, 1)
    assert table[0.4, 0.6]["share_right"] is None


def test_offsets_that_do_not_give_the_text_are_counted():
    broken = dict(pred(QUOTE), text="autre chose")
    assert score([gold(QUOTE)], [broken])["bad_offsets"] == 1


def test_gold_articles_are_read_from_the_texts_folder(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "file": "a.txt", "quotes": [gold(QUOTE)]}) + "\n\n", encoding="utf-8")
    [article] = load_gold(path, tmp_path / "texts")
    assert article.text == TEXT and article.quotes[0]["text"] == QUOTE


@pytest.mark.parametrize("line, message", [
    ("{not json", "not JSON"),
    (json.dumps({"text": TEXT, "quotes": []}), "no 'id'"),
    (json.dumps({"id": "a", "text": TEXT, "quotes": [dict(gold(QUOTE), text="autre")]}), "reads"),
    (json.dumps({"id": "a", "text": TEXT, "quotes": [dict(gold(QUOTE), end=10_000)]}), "outside the text"),
    (json.dumps({"id": "a", "text": TEXT, "quotes": [{"start": 0, "end": 3}]}), "no speaker"),
    (json.dumps(["a", TEXT]), "JSON object"),
])
def test_a_bad_gold_line_is_named(tmp_path, capsys, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": TEXT, "quotes": []}) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        load_gold(path)
    assert main(["evaluate", str(path)]) == 2
    assert f"{path}:2" in capsys.readouterr().err


def test_evaluate_command_prints_the_module_scores(tmp_path, capsys, extractor):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT, "quotes": [
        gold(QUOTE, role="maire de Lyon"), gold(INDIRECT, "Le préfet", kind="indirect")]}), encoding="utf-8")
    assert main(["evaluate", str(path), "--json", "--verbose"]) == 0
    *notes, printed = capsys.readouterr().out.strip().splitlines()
    summary = json.loads(printed)
    articles = load_gold(path)
    assert summary == evaluate(articles, predict(extractor, [TEXT])).summary()
    assert (summary["tp"], summary["speaker_acc_strict"]) == (1, 1.0)
    assert any(note.startswith("IMISS a [la ville paierait") for note in notes) or summary["indirect_counts"]["tp"] == 1


def test_evaluate_command_on_the_seeds_prints_scores_and_calibration(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["evaluate", "seeds/gold.jsonl"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("articles: 5\nquotes: P=")
    assert "bad_offsets=0" in report
    assert [line.split()[0] for line in report.splitlines() if line.startswith("[")] == ["[0.0,", "[0.2,", "[0.4,",
                                                                                          "[0.6,", "[0.8,"]
