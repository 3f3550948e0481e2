"""Migrations 0009 and 0011 give the quotes stored before them their words' signatures (quote_words
is built again from each quote's text: 0009 the low half, 0011 both), and their downgrades give the
table of the revision before back. A row written without the high half (by a node not yet upgraded)
may hold any word: it is still found."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import create_engine, insert, inspect, select, text

from service.store.db import downgrade, upgrade
from service.store.models import ANY_WORD, Article, Quote, QuoteWord
from service.store.queries import QuoteFilters, page, quotes_query, signature_columns, words_of

TEXTS = ["Le budget des écoles sera voté en juin", "L'État tiendra ses engagements", "Le budget est tenu"]
WHEN = datetime(2025, 3, 1)


def store_quotes(connection) -> None:
    connection.execute(insert(Article.__table__), [{"id": 1, "text": "…", "language": "fr",
                                                    "created_at": WHEN, "updated_at": WHEN}])
    connection.execute(insert(Quote.__table__), [
        {"id": i + 1, "article_id": 1, "text": t, "text_key": " ".join(words_of(t)), "start": 0,
         "end": len(t), "kind": "direct", "confidence": 0.9, "sort_at": WHEN, "rejected": False}
        for i, t in enumerate(TEXTS)])


def assert_signed_and_found(connection) -> None:
    rows = connection.execute(select(QuoteWord.quote_id, QuoteWord.word, QuoteWord.signature,
                                     QuoteWord.signature_high)).all()
    assert {(quote_id, word) for quote_id, word, _, _ in rows} == {
        (i + 1, word) for i, t in enumerate(TEXTS) for word in words_of(t)}
    assert all({"signature": low, "signature_high": high} == signature_columns(words_of(TEXTS[quote_id - 1]))
               for quote_id, _, low, high in rows)
    found = page(connection, quotes_query(connection, QuoteFilters(q="budget juin")), 10, None)[0]
    assert [row[0] for row in found] == [1]


def test_quotes_stored_before_0009_get_their_signatures(database_url):
    engine = create_engine(database_url)
    try:
        upgrade(engine, "0008")
        with engine.begin() as connection:
            store_quotes(connection)
            connection.execute(text("INSERT INTO quote_words (word, sort_at, quote_id) VALUES ('budget', :w, 1)"),
                               {"w": WHEN})  # what 0007 left: not read again
        upgrade(engine)
        with engine.connect() as connection:
            assert_signed_and_found(connection)
        downgrade(engine, "0008")
        columns = {column["name"] for column in inspect(engine).get_columns("quote_words")}
        assert columns == {"word", "sort_at", "quote_id"}
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM quote_words")).scalar() == \
                sum(len(words_of(t)) for t in TEXTS)
    finally:
        engine.dispose()


def test_quotes_stored_before_0011_get_the_high_half(database_url):
    engine = create_engine(database_url)
    try:
        upgrade(engine, "0010")
        with engine.begin() as connection:
            store_quotes(connection)
            connection.execute(text("INSERT INTO quote_words (word, sort_at, quote_id, signature) "
                                    "VALUES ('budget', :w, 1, 0)"), {"w": WHEN})  # what 0010 left: not read again
        upgrade(engine)
        with engine.connect() as connection:
            assert_signed_and_found(connection)
        downgrade(engine, "0010")
        columns = {column["name"] for column in inspect(engine).get_columns("quote_words")}
        assert columns == {"word", "sort_at", "quote_id", "signature"}
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT quote_id, signature FROM quote_words")).all()
        assert len(rows) == sum(len(words_of(t)) for t in TEXTS)
        assert all(signature == signature_columns(words_of(TEXTS[quote_id - 1]))["signature"]
                   for quote_id, signature in rows)
    finally:
        engine.dispose()


def test_a_row_written_without_the_high_half_may_hold_any_word(database_url):
    """What a node still running the code of 0010 writes, once 0011 has run on the database."""
    engine = create_engine(database_url)
    try:
        upgrade(engine)
        with engine.begin() as connection:
            store_quotes(connection)
            connection.execute(text("INSERT INTO quote_words (word, sort_at, quote_id, signature) "
                                    "VALUES (:word, :w, 1, :signature)"),
                               [{"word": word, "w": WHEN, "signature": signature_columns(words_of(TEXTS[0]))["signature"]}
                                for word in words_of(TEXTS[0])])
        with engine.connect() as connection:
            assert set(connection.scalars(select(QuoteWord.signature_high))) == {ANY_WORD}
            found = page(connection, quotes_query(connection, QuoteFilters(q="juin budget ecoles")), 10, None)[0]
            assert [row[0] for row in found] == [1]
            assert page(connection, quotes_query(connection, QuoteFilters(q="juin etat")), 10, None)[0] == []
    finally:
        engine.dispose()
