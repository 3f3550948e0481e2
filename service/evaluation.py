"""Score the extractor against gold annotations: ``python -m service evaluate GOLD.jsonl``.

The gold scheme is ``docs/ANNOTATION.md``: one JSON line per article, ``{"id", "text" | "file",
"quotes": [...], "non_quotes": [...]}``. Matching and metrics are the team scorer's
(``score.py``), so the figures are comparable:

- a predicted quote matches the unused gold quote it overlaps most, if the overlap (intersection
  over union of the character spans) is at least 0.5; quote P/R/F1 count those matches;
- speaker *strict*: the predicted name equals the gold canonical name once lower-cased, without
  accents, apostrophes, hyphens and leading articles; *lenient*: or one of the gold mentions, or the
  same last word; role: token Dice ≥ 0.5 with the gold role; end-to-end F1: a match with the
  strict speaker is the only true positive;
- gold quotes marked ``optional`` neither reward nor penalise; unmatched predictions lying on a
  ``non_quotes`` span are counted apart as well (``nonquote_fp``);
- quotes of kind ``indirect`` (reported speech without marks) are scored on their own, never
  against quotes in marks.

The calibration table groups the matched predictions (optional gold excluded, indirect included)
by confidence and gives the share whose speaker is right (strict), so that a newsroom can choose
the confidence threshold it publishes from.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .nlp import QuoteExtractor

ARTICLES = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d"}
MATCH_OVERLAP = 0.5
CONFIDENCE_BUCKETS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))


class GoldError(ValueError):
    """The gold file cannot be read as the annotation scheme says."""


@dataclass
class GoldArticle:
    id: str
    text: str
    quotes: list[dict]
    non_quotes: list[dict]


@dataclass
class Bucket:
    """Predictions whose confidence lies in [low, high) (the last bucket includes 1.0)."""

    low: float
    high: float
    matched: int = 0
    right_speaker: int = 0
    unmatched: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "matched": self.matched, "right_speaker": self.right_speaker,
                "share_right": round(self.right_speaker / self.matched, 3) if self.matched else None,
                "unmatched": self.unmatched}


@dataclass
class Evaluation:
    """Counts gathered over the articles; ``summary()`` turns them into the scores."""

    articles: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("tp", "fp", "fn", "spk_strict", "spk_lenient", "e2e_tp", "role_n", "role_ok", "nonquote_fp", "bad_offsets"), 0))
    indirect: dict[str, int] = field(default_factory=lambda: dict.fromkeys(("tp", "fp", "fn", "spk_strict", "gold"), 0))
    buckets: list[Bucket] = field(default_factory=lambda: [Bucket(low, high) for low, high in CONFIDENCE_BUCKETS])
    notes: list[str] = field(default_factory=list)  # one line per miss, extra or wrong speaker (--verbose)

    def summary(self) -> dict[str, Any]:
        """The scores, under the team scorer's keys, plus ``articles`` and ``calibration``."""
        c = self.counts
        p, r, f1 = prf(c["tp"], c["fp"], c["fn"])
        e2e_p = ratio(c["e2e_tp"], c["tp"] + c["fp"])
        e2e_r = ratio(c["e2e_tp"], c["tp"] + c["fn"])
        result: dict[str, Any] = dict(
            c, articles=self.articles, quote_p=round(p, 3), quote_r=round(r, 3), quote_f1=round(f1, 3),
            speaker_acc_strict=round(ratio(c["spk_strict"], c["tp"]), 3),
            speaker_acc_lenient=round(ratio(c["spk_lenient"], c["tp"]), 3),
            role_acc=round(ratio(c["role_ok"], c["role_n"]), 3),
            e2e_f1=round(harmonic(e2e_p, e2e_r), 3))
        ind = self.indirect
        if ind["gold"]:
            ip, ir, if1 = prf(ind["tp"], ind["fp"], ind["fn"])
            result.update(indirect_p=round(ip, 3), indirect_r=round(ir, 3), indirect_f1=round(if1, 3),
                          indirect_speaker_acc=round(ratio(ind["spk_strict"], ind["tp"]), 3),
                          indirect_counts=dict(ind))
        result["calibration"] = [bucket.as_dict() for bucket in self.buckets]
        return result

    def calibrate(self, prediction: dict, right: bool | None) -> None:
        """Count one prediction in its confidence bucket: ``right`` is None when it matched no gold quote."""
        confidence = prediction.get("confidence")
        if confidence is None:
            return
        for bucket in self.buckets:
            if confidence < bucket.high or bucket is self.buckets[-1]:
                break
        if right is None:
            bucket.unmatched += 1
        else:
            bucket.matched += 1
            bucket.right_speaker += right


# -- gold and predictions ---------------------------------------------------------------------------
def load_gold(path: str | Path, texts: str | Path | None = None) -> list[GoldArticle]:
    """Read a gold file; ``file`` entries are read from ``texts`` (default: the gold file's folder)."""
    path = Path(path)
    folder = Path(texts) if texts is not None else path.parent
    articles = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                doc = json.loads(line)
                text = doc.get("text")
                if text is None:
                    text = (folder / doc["file"]).read_text(encoding="utf-8")
                article = GoldArticle(str(doc["id"]), text, list(doc.get("quotes", [])), list(doc.get("non_quotes", [])))
            except json.JSONDecodeError as error:
                raise GoldError(f"{where}: not JSON ({error.msg})") from None
            except KeyError as error:
                raise GoldError(f"{where}: no {error.args[0]!r} (each line needs an id and a text or file)") from None
            except (TypeError, AttributeError):
                raise GoldError(f"{where}: each line must be a JSON object") from None
            check_spans(article, where)
            articles.append(article)
    return articles


def check_spans(article: GoldArticle, where: str) -> None:
    """Every gold span must be inside the text and, when it gives its words, match them."""
    for n, span in enumerate(article.quotes + article.non_quotes):
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            raise GoldError(f"{where}: span {n} needs integer start and end") from None
        if not 0 <= start <= end <= len(article.text):
            raise GoldError(f"{where}: span {n} [{start}, {end}) is outside the text ({len(article.text)} characters)")
        if "text" in span and article.text[start:end] != span["text"]:
            raise GoldError(f"{where}: span {n} [{start}, {end}) reads {article.text[start:end]!r}, "
                            f"not {span['text']!r}")
    for quote in article.quotes:
        if not quote.get("optional") and "speaker" not in quote:
            raise GoldError(f"{where}: the quote {quote.get('text', '')[:40]!r} has no speaker (null if unknown)")


def predict(extractor: QuoteExtractor, texts: list[str]) -> list[list[dict]]:
    """The extractor's quotes for each text, as plain dicts in the ``/v1/extract`` shape."""
    return [[asdict(quote) for quote in quotes] for quotes in extractor.extract_batch(texts)]


# -- scoring ----------------------------------------------------------------------------------------
def evaluate(gold: list[GoldArticle], predictions: list[list[dict]]) -> Evaluation:
    """Score predictions (one list of ``/v1/extract`` quotes per gold article, in the same order)."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(predictions)} predictions for {len(gold)} gold articles")
    result = Evaluation()
    for article, quotes in zip(gold, predictions):
        score_article(article, quotes, result)
    return result


def score_article(article: GoldArticle, quotes: list[dict], result: Evaluation) -> None:
    result.articles += 1
    c, notes = result.counts, result.notes
    c["bad_offsets"] += sum(article.text[q["start"]:q["end"]] != q["text"] for q in quotes)
    score_indirect(article, [q for q in quotes if q.get("kind") == "indirect"], result)
    marked = [q for q in quotes if q.get("kind") != "indirect"]
    used: set[int] = set()
    for gold in article.quotes:
        if gold.get("kind") == "indirect":
            continue
        i = best_match(gold, marked, used)
        if i is None:
            if not gold.get("optional"):
                c["fn"] += 1
                notes.append(f"MISS  {article.id} «{clip(gold_words(article, gold), 70)}» ({gold.get('speaker')})")
            continue
        used.add(i)
        if gold.get("optional"):
            continue
        c["tp"] += 1
        speaker = marked[i].get("speaker") or {}
        name = norm(speaker.get("name"))
        strict = name != "" and name == norm(gold.get("speaker"))
        lenient = strict or (name != "" and (
            any(name == norm(m) for m in gold.get("speaker_mentions") or [])
            or name.split()[-1:] == norm(gold.get("speaker")).split()[-1:]))
        c["spk_strict"] += strict
        c["spk_lenient"] += lenient
        c["e2e_tp"] += strict
        result.calibrate(marked[i], strict)
        if not strict:
            notes.append(f"SPKR  {article.id} «{clip(gold_words(article, gold), 50)}» "
                         f"gold={gold.get('speaker')!r} pred={speaker.get('name')!r}")
        if gold.get("role"):
            c["role_n"] += 1
            ok = role_ok(speaker.get("role"), gold["role"])
            c["role_ok"] += ok
            if not ok and strict:
                notes.append(f"ROLE  {article.id} gold={gold['role']!r} pred={speaker.get('role')!r}")
    not_quotes = [(n["start"], n["end"]) for n in article.non_quotes]
    for i, quote in enumerate(marked):
        if i in used:
            continue
        c["fp"] += 1
        c["nonquote_fp"] += any(overlap(span, (quote["start"], quote["end"])) >= MATCH_OVERLAP for span in not_quotes)
        result.calibrate(quote, None)
        notes.append(f"EXTRA {article.id} «{clip(quote['text'], 70)}» ({(quote.get('speaker') or {}).get('name')})")


def score_indirect(article: GoldArticle, quotes: list[dict], result: Evaluation) -> None:
    """Reported speech without marks: matched span for span, speaker strict."""
    ind, notes = result.indirect, result.notes
    used: set[int] = set()
    for gold in article.quotes:
        if gold.get("kind") != "indirect":
            continue
        i = best_match(gold, quotes, used)
        if i is None:
            if not gold.get("optional"):
                ind["gold"] += 1
                ind["fn"] += 1
                notes.append(f"IMISS {article.id} [{clip(gold_words(article, gold), 70)}] ({gold.get('speaker')})")
            continue
        used.add(i)
        if gold.get("optional"):
            continue
        ind["gold"] += 1
        ind["tp"] += 1
        name = norm((quotes[i].get("speaker") or {}).get("name"))
        strict = name != "" and name == norm(gold.get("speaker"))
        ind["spk_strict"] += strict
        result.calibrate(quotes[i], strict)
        if not strict:
            notes.append(f"ISPKR {article.id} [{clip(gold_words(article, gold), 50)}] "
                         f"gold={gold.get('speaker')!r} pred={(quotes[i].get('speaker') or {}).get('name')!r}")
    for i, quote in enumerate(quotes):
        if i not in used:
            ind["fp"] += 1
            result.calibrate(quote, None)
            notes.append(f"IEXTRA {article.id} [{clip(quote['text'], 70)}]")


def best_match(gold: dict, quotes: list[dict], used: set[int]) -> int | None:
    """The unused prediction overlapping the gold span most, if the overlap reaches the threshold."""
    best, best_i = 0.0, None
    for i, quote in enumerate(quotes):
        if i in used:
            continue
        o = overlap((gold["start"], gold["end"]), (quote["start"], quote["end"]))
        if o > best:
            best, best_i = o, i
    return best_i if best >= MATCH_OVERLAP else None


def gold_words(article: GoldArticle, gold: dict) -> str:
    return gold.get("text") or article.text[gold["start"]:gold["end"]]


def clip(words: str, length: int) -> str:
    """The first ``length`` characters on one line."""
    return re.sub(r"\s+", " ", words[:length])


def norm(name: str | None) -> str:
    """Lower-case, strip accents and apostrophes/hyphens, drop leading articles."""
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    name = re.sub(r"[’'\-‐–]", " ", name)
    words = re.findall(r"\w+", name)
    while words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two character spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def role_ok(predicted: str | None, gold: str | None) -> bool:
    """Token Dice coefficient of the normalised roles ≥ 0.5."""
    p, g = set(norm(predicted).split()), set(norm(gold).split())
    if not p or not g:
        return False
    inter = len(p & g)
    return bool(inter) and 2 * inter / (len(p) + len(g)) >= 0.5


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return p, r, harmonic(p, r)


# -- report ---------------------------------------------------------------------------------------
def format_report(summary: dict[str, Any]) -> str:
    """The scores and the calibration table as text."""
    s = summary
    lines = [f"articles: {s['articles']}",
             f"quotes: P={s['quote_p']} R={s['quote_r']} F1={s['quote_f1']}  "
             f"speaker(strict)={s['speaker_acc_strict']} speaker(lenient)={s['speaker_acc_lenient']} "
             f"role={s['role_acc']}  end-to-end F1={s['e2e_f1']}  "
             f"(tp={s['tp']} fp={s['fp']} fn={s['fn']} bad_offsets={s['bad_offsets']})"]
    if "indirect_f1" in s:
        ind = s["indirect_counts"]
        lines.append(f"indirect: P={s['indirect_p']} R={s['indirect_r']} F1={s['indirect_f1']}  "
                     f"speaker(strict)={s['indirect_speaker_acc']}  (gold={ind['gold']} tp={ind['tp']} fp={ind['fp']})")
    lines += ["", "calibration: matched quotes by confidence, and the share with the right speaker (strict)",
              f"{'confidence':<12}{'matched':>8}{'right':>7}{'unmatched':>11}   {'conf. ≥':>7}{'matched':>8}{'right':>7}"]
    buckets = s["calibration"]
    for k, b in enumerate(buckets):
        bounds = f"[{b['low']:.1f}, {b['high']:.1f}{']' if k == len(buckets) - 1 else ')'}"
        matched = sum(x["matched"] for x in buckets[k:])
        right = sum(x["right_speaker"] for x in buckets[k:])
        lines.append(f"{bounds:<12}{b['matched']:>8}{share(b['right_speaker'], b['matched']):>7}{b['unmatched']:>11}"
                     f"   {b['low']:>7.1f}{matched:>8}{share(right, matched):>7}")
    return "\n".join(lines)


def share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"
