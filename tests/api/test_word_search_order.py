"""``q=`` of several words walks the rarest one where a page starts, chosen by the page's own
statement (``queries._walked_word``): a word no quote has, then the fewest entries, then, of words
with ``PROBE`` entries or more, the one whose ``PROBE`` newest go back furthest, then the order of
``q``; the others are tested on each entry walked."""
from __future__ import annotations

import itertools
import re
import string
from datetime import datetime, timedelta

import pytest
from sqlalchemy import create_engine, insert, select, text

from service.store import queries
from service.store.db import make_engine, upgrade
from service.store.models import Article, Quote, QuoteWord
from service.store.queries import QuoteFilters, page, quotes_query, words_signature
from service.store.reads import DriverReads, driver_reads

# quote n (1 to 10) is dated day n and holds these words
WORDS = {n: ["commun"] + (["rare"] if n >= 9 else []) + (["ancien"] if n <= 5 else ["recent"]) for n in range(1, 11)}
DAY = datetime(2025, 1, 1)


def store_quotes(engine, said: dict[int, list[str]]) -> None:
    """An article holding quote n (dated day n) of each ``said[n]`` words, with its word index."""
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(insert(Article), [{"id": 1, "text": "…", "language": "fr", "created_at": DAY,
                                              "updated_at": DAY}])
        connection.execute(insert(Quote), [
            {"id": n, "article_id": 1, "text": " ".join(words), "text_key": " ".join(words), "start": 0, "end": 1,
             "kind": "direct", "confidence": 0.9, "sort_at": DAY + timedelta(days=n), "rejected": False}
            for n, words in said.items()])
        connection.execute(insert(QuoteWord), [
            {"word": word, "sort_at": DAY + timedelta(days=n), "quote_id": n, "signature": words_signature(words)}
            for n, words in said.items() for word in words])


def statements_sent(monkeypatch) -> list[str]:
    """The SQL of every statement read on the driver's connection from now on, in order."""
    sent = []
    execute_sql = DriverReads.execute_sql
    monkeypatch.setattr(DriverReads, "execute_sql",
                        lambda self, sql, params, **kw: sent.append(sql) or execute_sql(self, sql, params, **kw))
    return sent


@pytest.fixture
def engine(database_url):
    engine = create_engine(database_url)
    store_quotes(engine, WORDS)
    yield engine
    engine.dispose()


def walked_word(db, words: list[str]) -> str:
    """The word of ``words`` a page's walk follows: the choice its statement makes."""
    params = {"probe": queries.PROBE, **{f"word{i}": word for i, word in enumerate(words)}}
    return db.scalar(select(queries._walked_word(len(words))), params)


def test_the_walk_follows_the_rarest_word_where_pages_start(engine, monkeypatch):
    monkeypatch.setattr(queries, "PROBE", 3)
    with driver_reads(engine) as db:
        assert walked_word(db, ["commun", "recent", "ancien", "rare", "absent"]) == "absent"
        assert walked_word(db, ["commun", "recent", "ancien", "rare"]) == "rare"
        # ancien's 3 newest go back to day 3, the others' to day 8
        assert walked_word(db, ["commun", "recent", "ancien"]) == "ancien"
        assert walked_word(db, ["recent", "commun"]) == "recent"  # a tie: the order of q
        assert walked_word(db, ["commun", "recent"]) == "commun"
        query = quotes_query(db, QuoteFilters(q="commun recent ancien rare absent"))
        assert query.shape.by_words and query.params["words_bits"] == words_signature(
            ["commun", "recent", "ancien", "rare", "absent"])
        assert page(db, query, 10, None)[0] == []
        found = page(db, quotes_query(db, QuoteFilters(q="recent commun rare")), 10, None)[0]
        assert [row[0] for row in found] == [10, 9]
        found = page(db, quotes_query(db, QuoteFilters(q="ancien commun")), 2, None)[0]
        assert [row[0] for row in found] == [5, 4]
        found = page(db, quotes_query(db, QuoteFilters(q="commun ancien")), 2, None)[0]
        assert [row[0] for row in found] == [5, 4]


def test_a_page_of_several_words_is_one_statement(engine, monkeypatch):
    sent = statements_sent(monkeypatch)
    with driver_reads(engine) as db:
        query = quotes_query(db, QuoteFilters(q="ancien commun rare"))
        rows, cursor = page(db, query, 1, None)
    assert [row[0] for row in rows] == [] and cursor is None and len(sent) == 1
    sent.clear()
    with driver_reads(engine) as db:
        rows, cursor = page(db, quotes_query(db, QuoteFilters(q="recent commun")), 2, None)
        assert [row[0] for row in rows] == [10, 9] and cursor and len(sent) == 1
        assert [row[0] for row in page(db, quotes_query(db, QuoteFilters(q="recent commun")), 2, cursor)[0]] == [8, 7]


def longest_q() -> list[str]:
    """As many distinct words as ``q``'s 500 characters hold: one and two letters or digits."""
    alphabet = string.ascii_lowercase + string.digits
    words, length = [], -1
    for word in [*alphabet, *("".join(pair) for pair in itertools.product(alphabet, repeat=2))]:
        if length + 1 + len(word) > 500:
            return words
        words.append(word)
        length += 1 + len(word)


def test_the_longest_q_is_one_statement_choosing_among_a_few_words(database_url, monkeypatch):
    engine = make_engine(database_url)
    words = longest_q()
    store_quotes(engine, {1: words, 2: words[:-1]})
    sent = statements_sent(monkeypatch)
    try:
        with driver_reads(engine) as db:
            assert [row[0] for row in page(db, quotes_query(db, QuoteFilters(q=" ".join(words))), 10, None)[0]] == [1]
            assert [row[0] for row in page(db, quotes_query(db, QuoteFilters(q=" ".join(words[:-1]))), 10, None)[0]] \
                == [2, 1]
        # one statement a page; the walk is chosen among WALK_CHOICES words, the others looked up
        assert len(words) > 150 and len(sent) == 2
        assert all(set(re.findall(r"\bnewest(\d+)\b", sql)) == {str(i) for i in range(queries.WALK_CHOICES)}
                   for sql in sent)
        if engine.dialect.name == "postgresql":  # JIT compiled such a statement for seconds
            with engine.connect() as connection:
                assert connection.scalar(text("SHOW jit")) == "off"
    finally:
        engine.dispose()
