"""Bulk ingestion: files, folders and JSON lines; bad lines reported; resumable without duplicates."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from service.bulk import BulkReport, ingest_records, read_records
from service.store.db import make_engine, make_sessionmaker, upgrade
from service.store.models import Article, Quote

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (folder / "sub" / seed.name).write_text(seed.read_text("utf-8"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe pas de l'UTF-8")
    lines = [json.dumps({"text": "« Oui », a dit Jeanne Marin.", "external_id": "j-1", "outlet": "AFP",
                         "published_at": "2024-01-02T10:00:00+01:00"}, ensure_ascii=False),
             "{pas du JSON",
             json.dumps({"title": "sans texte"}),
             json.dumps({"text": "« Non », a répondu Paul Roux."}, ensure_ascii=False)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def store(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    yield make_sessionmaker(engine, write=True)
    engine.dispose()


def run(paths, extractor, store, **options) -> BulkReport:
    report = BulkReport()
    ingest_records(read_records(paths, report.bad), extractor, store, report, progress=False, **options)
    return report


def counts(store):
    with store() as session:
        return session.scalar(select(func.count(Article.id))), session.scalar(select(func.count(Quote.id)))


def test_archive_is_stored_and_bad_input_reported_with_lines(archive, extractor, store):
    report = run([archive], extractor, store, batch_size=2)
    assert report.stored == 4 and report.skipped == 0
    assert sorted(b.where.rsplit("/", 1)[-1] for b in report.bad) == ["broken.txt", "feed.jsonl:2", "feed.jsonl:3"]
    reasons = {b.where.rsplit("/", 1)[-1]: b.reason for b in report.bad}
    assert reasons["broken.txt"] == "not UTF-8" and "JSON" in reasons["feed.jsonl:2"] and "text" in reasons["feed.jsonl:3"]
    articles, quotes = counts(store)
    assert articles == 4 and quotes == report.quotes > 10
    with store() as session:
        marin = session.scalar(select(Article).where(Article.external_id == "j-1"))
        assert marin.outlet == "AFP" and marin.published_at.hour == 9  # stored in UTC


def test_running_again_skips_what_is_stored(archive, extractor, store):
    first = run([archive], extractor, store)
    again = run([archive], extractor, store)
    assert again.stored == 0 and again.skipped == first.stored
    assert counts(store) == (4, first.quotes)


def test_interrupted_load_resumes_without_duplicates(archive, extractor, store):
    bad: list = []

    def interrupted():
        for n, record in enumerate(read_records([archive], bad)):
            if n == 3:
                raise KeyboardInterrupt
            yield record

    with pytest.raises(KeyboardInterrupt):
        ingest_records(interrupted(), extractor, store, BulkReport(), batch_size=2, progress=False)
    assert counts(store)[0] == 2  # the first batch was committed, the second was not
    report = run([archive], extractor, store, batch_size=2)
    assert report.skipped == 2 and report.stored == 2
    assert counts(store)[0] == 4


def test_two_workers_store_the_same_as_one(archive, extractor, store, tmp_path):
    run([archive], extractor, store, workers=2, batch_size=4)
    with store() as session:
        two = sorted(session.execute(select(Quote.text, Quote.speaker_name)).all())
    other = make_engine(f"sqlite:///{tmp_path / 'one.sqlite3'}")
    upgrade(other)
    one_store = make_sessionmaker(other, write=True)
    run([archive], extractor, one_store, workers=1)
    with one_store() as session:
        one = sorted(session.execute(select(Quote.text, Quote.speaker_name)).all())
    other.dispose()
    assert two == one and two


def test_a_record_whose_ids_name_two_articles_is_reported_and_the_rest_stored(tmp_path, extractor, store):
    feed = tmp_path / "feed.jsonl"
    records = [{"text": "« Oui », a dit Anne Roy.", "external_id": "a", "url": "https://example.org/a"},
               {"text": "« Non », a dit Paul Roux.", "external_id": "b", "url": "https://example.org/b"},
               {"text": "« Si », a dit Luc Bon.", "external_id": "a", "url": "https://example.org/b"},
               {"text": "« Enfin », a dit Eve Gal.", "external_id": "c"}]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    report = run([feed], extractor, store)
    assert report.stored == 3 and [b.where for b in report.bad] == ["a"]
    assert "belongs to article" in report.bad[0].reason
    assert counts(store) == (3, 3)
