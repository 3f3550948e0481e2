"""Migration 0013 writes on each quote what a list shows of its speaker and article (the speaker's
name, the article's title, URL and outlet), so that a page reads ``quotes`` alone; its downgrade
drops them. Quotes an older node stores after it get them from ``python -m service db complete-quotes``."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import create_engine, insert, inspect

from service.nlp.normalize import name_key
from service.store.db import downgrade, upgrade
from service.store.models import Article, Quote, Speaker
from service.store.queries import QuoteFilters, page, quotes_query

WHEN = datetime(2025, 3, 1)
LISTING = ["speaker_canonical_name", "article_title", "article_url", "article_outlet"]
EXPECTED = [("Kim Jong Un", "Sommet", "https://example.org/1", "AFP"), (None, None, None, None)]


def store(connection) -> None:
    """Two articles, a known speaker quoted under another spelling, a quote without a speaker: in
    the columns revision 0012 has (an insert names only the columns its rows give)."""
    connection.execute(insert(Speaker.__table__), [{"id": 1, "name": "Kim Jong Un", "key": name_key("Kim Jong Un"),
                                                    "type": "person"}])
    connection.execute(insert(Article.__table__), [
        {"id": 1, "text": "…", "language": "fr", "title": "Sommet", "url": "https://example.org/1", "outlet": "AFP",
         "published_at": WHEN, "created_at": WHEN, "updated_at": WHEN},
        {"id": 2, "text": "…", "language": "fr", "title": None, "url": None, "outlet": None, "published_at": None,
         "created_at": WHEN, "updated_at": WHEN}])
    connection.execute(insert(Quote.__table__), [
        {"id": i + 1, "article_id": i + 1, "speaker_id": speaker, "speaker_name": name, "speaker_type": type_,
         "text": "Oui", "text_key": "oui", "start": 0, "end": 3, "kind": "direct", "confidence": 0.9,
         "published_at": WHEN if i == 0 else None, "sort_at": WHEN, "rejected": False}
        for i, (speaker, name, type_) in enumerate([(1, "Kim Jong-un", "person"), (None, None, None)])])


def listed(connection) -> list[tuple]:
    """The speaker name and article reference of each listed quote, by id."""
    rows, _ = page(connection, quotes_query(connection, QuoteFilters()), 10, None)
    return [tuple(row[-4:]) for row in sorted(rows, key=lambda row: row[0])]


def test_quotes_stored_before_0013_are_listed_with_their_speaker_and_article(database_url):
    engine = create_engine(database_url)
    try:
        upgrade(engine, "0012")
        with engine.begin() as connection:
            store(connection)
        upgrade(engine)
        with engine.connect() as connection:
            assert listed(connection) == EXPECTED
        downgrade(engine, "0012")
        assert not set(LISTING) & {column["name"] for column in inspect(engine).get_columns("quotes")}
    finally:
        engine.dispose()


def test_quotes_an_older_node_stored_after_0013_get_them_from_complete_quotes(database_url, monkeypatch, capsys):
    """A rolling upgrade: once 0013 has run, a node still running the code of before it stores quotes
    without these columns; ``python -m service db complete-quotes`` writes them, once."""
    from service.cli import main

    engine = create_engine(database_url)
    try:
        upgrade(engine)
        with engine.begin() as connection:
            store(connection)  # what the older node writes
            assert listed(connection) == [(None,) * 4] * 2
        monkeypatch.setenv("DATABASE_URL", database_url)
        assert main(["db", "complete-quotes"]) == 0
        assert "2 speaker names or article references written" in capsys.readouterr().out
        with engine.connect() as connection:
            assert listed(connection) == EXPECTED
        assert main(["db", "complete-quotes"]) == 0
        assert "0 speaker names or article references" in capsys.readouterr().out
    finally:
        engine.dispose()
