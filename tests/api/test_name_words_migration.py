"""Migration 0012 writes the name words (``queries.name_words``) of every quote stored before it, with
its quote's signature, so that ``speaker=`` a name finds them; its downgrade takes them out again."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import create_engine, insert, select, text

from service.nlp.normalize import name_key
from service.store.db import downgrade, upgrade
from service.store.models import ANY_WORD, Article, Quote, QuoteWord, Speaker, SpeakerToken
from service.store.queries import QuoteFilters, page, quotes_query, signature_columns, words_of

WHEN = datetime(2025, 3, 1)
QUOTES = [("Le budget sera voté en juin", 1), ("« … »", 1), ("L'État tiendra ses engagements", 2), ("Rien", None)]
SPEAKERS = ["Jean-Marie Lefort", "Anne Lefort"]


def store(connection) -> None:
    connection.execute(insert(Speaker.__table__), [{"id": i + 1, "name": n, "key": name_key(n), "type": "person"}
                                                   for i, n in enumerate(SPEAKERS)])
    connection.execute(insert(SpeakerToken.__table__), [{"speaker_id": i + 1, "token": t} for i, n in enumerate(SPEAKERS)
                                                        for t in set(name_key(n).split())])
    connection.execute(insert(Article.__table__), [{"id": 1, "text": "…", "language": "fr",
                                                    "created_at": WHEN, "updated_at": WHEN}])
    connection.execute(insert(Quote.__table__), [
        {"id": i + 1, "article_id": 1, "speaker_id": speaker, "text": t, "text_key": name_key(t), "start": 0,
         "end": len(t), "kind": "direct", "confidence": 0.9, "sort_at": WHEN, "rejected": False}
        for i, (t, speaker) in enumerate(QUOTES)])
    connection.execute(insert(QuoteWord.__table__), [  # what 0011 left: each quote's words
        {"word": word, "sort_at": WHEN, "quote_id": i + 1, **signature_columns(words_of(t))}
        for i, (t, _) in enumerate(QUOTES) for word in words_of(t)])


def named(connection, name: str) -> list[int]:
    return [row[0] for row in page(connection, quotes_query(connection, QuoteFilters(speaker=name)), 10, None)[0]]


def test_quotes_stored_before_0012_are_found_by_their_speaker_s_name(database_url):
    engine = create_engine(database_url)
    try:
        upgrade(engine, "0011")
        with engine.begin() as connection:
            store(connection)
        upgrade(engine)
        with engine.connect() as connection:
            rows = connection.execute(select(QuoteWord.quote_id, QuoteWord.word, QuoteWord.signature,
                                             QuoteWord.signature_high).where(QuoteWord.word.startswith("_", autoescape=True))).all()
            assert sorted((quote_id, word) for quote_id, word, _, _ in rows) == [
                (1, "_jean"), (1, "_lefort"), (1, "_marie"), (2, "_jean"), (2, "_lefort"), (2, "_marie"),
                (3, "_anne"), (3, "_lefort")]
            signatures = {quote_id: (low, high) for quote_id, _, low, high in rows}
            assert signatures[1] == tuple(signature_columns(words_of(QUOTES[0][0])).values())
            assert signatures[2] == (ANY_WORD, ANY_WORD)  # no word of its own: may hold any, looked up
            assert named(connection, "lefort") == [3, 2, 1] and named(connection, "jean-marie") == [2, 1]
            assert named(connection, "anne lefort") == [3] and named(connection, "budget") == []
            found = page(connection, quotes_query(connection, QuoteFilters(speaker="lefort", q="budget")), 10, None)[0]
            assert [row[0] for row in found] == [1]
        downgrade(engine, "0011")
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM quote_words WHERE word LIKE '/_%' ESCAPE '/'")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM quote_words")).scalar() == \
                sum(len(words_of(t)) for t, _ in QUOTES)
    finally:
        engine.dispose()


def test_quotes_an_older_node_stored_after_0012_get_their_name_words(database_url, monkeypatch, capsys):
    """A rolling upgrade: once 0012 has run, a node still running the code of before it stores quotes
    with their words only; ``python -m service db complete-quotes`` writes their name words."""
    from service.cli import main

    engine = create_engine(database_url)
    try:
        upgrade(engine)
        with engine.begin() as connection:
            store(connection)  # no name word: what the older node writes
            assert named(connection, "lefort") == []
        monkeypatch.setenv("DATABASE_URL", database_url)
        assert main(["db", "complete-quotes"]) == 0
        assert "name words written for 3 quotes" in capsys.readouterr().out
        with engine.connect() as connection:
            assert named(connection, "lefort") == [3, 2, 1] and named(connection, "anne") == [3]
        assert main(["db", "complete-quotes"]) == 0
        assert "for 0 quotes" in capsys.readouterr().out
    finally:
        engine.dispose()
