"""Migration 0009 gives the quotes stored before it their words' signatures (quote_words is built
again from each quote's text), and the downgrade gives the table of 0007 back."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import create_engine, insert, inspect, select, text

from service.store.db import downgrade, upgrade
from service.store.models import Article, Quote, QuoteWord
from service.store.queries import QuoteFilters, page, quotes_query, words_of, words_signature

TEXTS = ["Le budget des écoles sera voté en juin", "L'État tiendra ses engagements", "Le budget est tenu"]


def test_quotes_stored_before_get_their_signatures(database_url):
    engine = create_engine(database_url)
    try:
        upgrade(engine, "0008")
        when = datetime(2025, 3, 1)
        with engine.begin() as connection:
            connection.execute(insert(Article.__table__), [{"id": 1, "text": "…", "language": "fr",
                                                            "created_at": when, "updated_at": when}])
            connection.execute(insert(Quote.__table__), [
                {"id": i + 1, "article_id": 1, "text": t, "text_key": " ".join(words_of(t)), "start": 0,
                 "end": len(t), "kind": "direct", "confidence": 0.9, "sort_at": when, "rejected": False}
                for i, t in enumerate(TEXTS)])
            connection.execute(text("INSERT INTO quote_words (word, sort_at, quote_id) VALUES ('budget', :w, 1)"),
                               {"w": when})  # what 0007 left: not read again
        upgrade(engine)
        with engine.connect() as connection:
            rows = connection.execute(select(QuoteWord.quote_id, QuoteWord.word, QuoteWord.signature)).all()
            assert {(quote_id, word) for quote_id, word, _ in rows} == {
                (i + 1, word) for i, t in enumerate(TEXTS) for word in words_of(t)}
            assert all(signature == words_signature(words_of(TEXTS[quote_id - 1])) for quote_id, _, signature in rows)
            found = page(connection, quotes_query(connection, QuoteFilters(q="budget juin")), 10, None)[0]
            assert [row[0] for row in found] == [1]
        downgrade(engine, "0008")
        columns = {column["name"] for column in inspect(engine).get_columns("quote_words")}
        assert columns == {"word", "sort_at", "quote_id"}
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM quote_words")).scalar() == \
                sum(len(words_of(t)) for t in TEXTS)
    finally:
        engine.dispose()
