"""``q=`` of several words walks the rarest one where a page starts (``queries.StoreSpread.rarest``): a
word no quote has, then the fewest entries, then, of words with ``PROBE`` entries or more, the one
whose ``PROBE`` newest go back furthest, then the order of ``q``; the others are tested on each
entry walked. What a probe finds is kept for a while, so that a page of words seen lately is one
statement; a stale spread walks another word, and finds the same quotes. Once PostgreSQL has
analysed the word index, its statistics choose instead, and no page probes."""
from __future__ import annotations

import itertools
import re
import string
from datetime import datetime, timedelta

import pytest
from sqlalchemy import create_engine, insert, text

from service.store import queries
from service.store.db import downgrade, make_engine, upgrade
from service.store.models import Article, Quote, QuoteWord
from service.store.queries import QuoteFilters, StoreSpread, page, quotes_query, signature_columns, words_signature
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
            {"word": word, "sort_at": DAY + timedelta(days=n), "quote_id": n, **signature_columns(words)}
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


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def ids(db, q: str, limit: int = 10, spread: StoreSpread | None = None, cursor: str | None = None) -> list[int]:
    return [row[0] for row in page(db, quotes_query(db, QuoteFilters(q=q), spread), limit, cursor)[0]]


def test_the_walk_follows_the_rarest_word_where_pages_start(engine, monkeypatch):
    monkeypatch.setattr(queries, "PROBE", 3)
    rarest = StoreSpread(seconds=0, statistics=False).rarest
    with driver_reads(engine) as db:
        assert rarest(db, ["commun", "recent", "ancien", "rare", "absent"]) == "absent"
        assert rarest(db, ["commun", "recent", "ancien", "rare"]) == "rare"
        # ancien's 3 newest go back to day 3, the others' to day 8
        assert rarest(db, ["commun", "recent", "ancien"]) == "ancien"
        assert rarest(db, ["recent", "commun"]) == "recent"  # a tie: the order given
        assert rarest(db, ["commun", "recent"]) == "commun"
        query = quotes_query(db, QuoteFilters(q="commun recent ancien rare absent"))
        assert query.shape.by_words and query.params["word0"] == "absent"  # the word walked is word0
        bits = words_signature(["commun", "recent", "ancien", "rare", "absent"])
        assert (query.params["words_bits"], query.params["words_bits_high"]) == (bits % 2**63, bits >> 63)
        assert page(db, query, 10, None)[0] == []
        assert ids(db, "recent commun rare") == [10, 9]
        assert ids(db, "ancien commun", 2) == ids(db, "commun ancien", 2) == [5, 4]


def test_a_page_of_words_seen_lately_is_one_statement(engine, monkeypatch):
    spread = StoreSpread(statistics=False)
    sent = statements_sent(monkeypatch)
    with driver_reads(engine) as db:
        assert ids(db, "ancien commun rare", spread=spread) == []
        assert len(sent) == 2  # the words' probe, then the page
        sent.clear()
        rows, cursor = page(db, quotes_query(db, QuoteFilters(q="recent commun"), spread), 2, None)
        assert [row[0] for row in rows] == [10, 9] and cursor and len(sent) == 2  # recent is new
        sent.clear()
        assert ids(db, "commun recent", 2, spread, cursor) == [8, 7] and len(sent) == 1
        assert ids(db, "rare ancien", spread=spread) == [] and len(sent) == 2
    assert not any("newest" in sql for sql in sent)  # the pages probe nothing


def test_what_a_probe_found_is_kept_for_a_while(engine, monkeypatch):
    monkeypatch.setattr(queries, "PROBE", 3)
    clock = Clock()
    spread = StoreSpread(seconds=60, size=3, clock=clock, statistics=False)
    with driver_reads(engine) as db:
        assert spread.rarest(db, ["commun", "rare"]) == "rare"
        with engine.begin() as connection:  # « commun » leaves every quote but the oldest: rare is now commoner
            connection.execute(text("DELETE FROM quote_words WHERE word = 'commun' AND quote_id > 1"))
        clock.now += 59
        assert spread.rarest(db, ["commun", "rare"]) == "rare"  # as probed a minute ago
        assert ids(db, "commun rare", spread=spread) == []  # the walk along rare still finds what is stored
        clock.now += 1
        assert spread.rarest(db, ["commun", "rare"]) == "commun"  # probed again
        sent = statements_sent(monkeypatch)
        assert spread.rarest(db, ["recent", "ancien"]) == "ancien" and len(sent) == 1
        assert spread.rarest(db, ["rare"]) == "rare" and len(sent) == 1  # known
        assert spread.rarest(db, ["commun"]) == "commun" and len(sent) == 2  # of 3 words kept, the least recently used went


def test_postgresql_statistics_choose_the_word_walked_and_no_page_probes(engine, monkeypatch):
    """Once PostgreSQL has analysed ``quote_words``, the word walked is the one of the smallest share
    of its most common words (a word they do not list is rarer than any they do; of equal shares,
    the order given), read once a while, whatever the words: no page probes. SQLite keeps no such
    statistics, nor PostgreSQL before its first ``ANALYZE``: their words are probed."""
    clock = Clock()
    spread = StoreSpread(seconds=60, clock=clock)
    sent = statements_sent(monkeypatch)
    with driver_reads(engine) as db:
        assert spread.common_words(db) is None
        assert spread.rarest(db, ["commun", "rare"]) == "rare"
        assert any("newest" in sql for sql in sent)  # probed
        if engine.dialect.name == "sqlite":
            assert not any("pg_stats" in sql for sql in sent)
            return
        with engine.begin() as connection:
            connection.execute(text("ANALYZE quote_words"))
        clock.now += 60  # « no statistics » is read again after a while too
        sent.clear()
        common = spread.common_words(db)
        # 10 quotes hold commun, 5 ancien, 5 recent, 2 rare: shares of the 22 entries
        assert common == pytest.approx({"commun": 10 / 22, "ancien": 5 / 22, "recent": 5 / 22, "rare": 2 / 22})
        assert spread.rarest(db, ["commun", "recent", "ancien", "rare"]) == "rare"
        assert spread.rarest(db, ["commun", "recent", "ancien"]) == "recent"  # a tie: the order given
        assert spread.rarest(db, ["commun", "absent", "inconnu"]) == "absent"  # unlisted: rarer than any listed
        assert ids(db, "ancien commun", 2, spread) == [5, 4]
        assert ids(db, "recent rare commun", spread=spread) == [10, 9]
        assert len(sent) == 3 and "pg_stats" in sent[0] and not any("newest" in sql for sql in sent)
        with engine.begin() as connection:  # commun leaves all but quote 1; read again after a while
            connection.execute(text("DELETE FROM quote_words WHERE word = 'commun' AND quote_id > 1"))
            connection.execute(text("ANALYZE quote_words"))
        assert spread.rarest(db, ["commun", "rare"]) == "rare"
        clock.now += 60
        assert spread.rarest(db, ["commun", "rare"]) == "commun"


def test_a_stale_rarity_finds_the_same_quotes(engine, monkeypatch):
    """Whichever word is walked, every word of q is required: a spread that names the commonest
    word (as a stale one may) costs a longer walk, not another page."""
    with driver_reads(engine) as db:
        expected = {q: ids(db, q, 3) for q in ("commun rare", "recent commun", "ancien commun", "rare ancien")}
        monkeypatch.setattr(StoreSpread, "rarest", lambda self, db, words: "commun" if "commun" in words else words[0])
        for q, found in expected.items():
            assert ids(db, q, 3, StoreSpread()) == found
            assert ids(db, q, 2, StoreSpread()) == found[:2]


def longest_q() -> list[str]:
    """As many distinct words as ``q``'s 500 characters hold: one and two letters or digits."""
    alphabet = string.ascii_lowercase + string.digits
    words, length = [], -1
    for word in [*alphabet, *("".join(pair) for pair in itertools.product(alphabet, repeat=2))]:
        if length + 1 + len(word) > 500:
            return words
        words.append(word)
        length += 1 + len(word)


def test_the_longest_q_probes_a_few_words_then_is_one_statement(database_url, monkeypatch):
    engine = make_engine(database_url)
    words = longest_q()
    store_quotes(engine, {1: words, 2: words[:-1]})
    spread = StoreSpread(statistics=False)
    sent = statements_sent(monkeypatch)
    try:
        with driver_reads(engine) as db:
            assert ids(db, " ".join(words), spread=spread) == [1]
            assert ids(db, " ".join(words[:-1]), spread=spread) == [2, 1]
        # the walk is chosen among the WALK_CHOICES longest words (probed once), the others looked up
        assert len(words) > 150 and len(sent) == 3
        assert set(re.findall(r"\bnewest(\d+)\b", sent[0])) == {str(i) for i in range(queries.WALK_CHOICES)}
        assert not any("newest" in sql for sql in sent[1:])
        if engine.dialect.name == "postgresql":  # JIT compiled such a statement for seconds
            with engine.connect() as connection:
                assert connection.scalar(text("SHOW jit")) == "off"
    finally:
        engine.dispose()


def test_the_longest_name_with_the_longest_q_probes_a_few_words_then_is_one_statement(database_url, monkeypatch):
    """``speaker=`` a name is words too (``_lefort``): the longest name the API takes (200 characters,
    as many words as it can hold) with the longest ``q`` probes no more words than ``q`` alone."""
    engine = make_engine(database_url)
    words = longest_q()
    store_quotes(engine, {1: words})
    name = " ".join(f"{a}{b}" for a in "bcdfghjklmnpqrstvz" for b in "aeiou")[:200].rsplit(" ", 1)[0]
    spread = StoreSpread(statistics=False)
    sent = statements_sent(monkeypatch)
    try:
        with driver_reads(engine) as db:
            for _ in range(2):
                query = quotes_query(db, QuoteFilters(q=" ".join(words), speaker=name), spread)
                assert page(db, query, 10, None)[0] == []
        assert len(name.split()) > 60 and len(sent) == 3  # the probe, then the page twice
        assert set(re.findall(r"\bnewest(\d+)\b", sent[0])) == {str(i) for i in range(queries.WALK_CHOICES)}
    finally:
        engine.dispose()


def test_migration_0014_keeps_statistics_of_the_1000_most_common_words(database_url):
    """PostgreSQL's default keeps the 100 most common values of a column: at a million quotes
    those are words of every other quote, and the word walked among the rest was a guess."""
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        target = "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'quote_words'::regclass AND attname = 'word'"
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                assert connection.scalar(text(target)) == queries.COMMON_WORDS == 1000
        downgrade(engine, "0013")
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                assert connection.scalar(text(target)) in (-1, None)  # the default (None since PostgreSQL 17)
        upgrade(engine)
    finally:
        engine.dispose()
