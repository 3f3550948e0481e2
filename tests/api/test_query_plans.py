"""Every list query the API offers reads ``quotes`` through an index, on SQLite and PostgreSQL
(issue 14). The statements are the ones the API really sends: each filter of ``GET /v1/quotes``
(and the speaker's and article's lists), with and without a cursor, is requested with the
response cache off, its SQL is captured and given to ``EXPLAIN`` with the same parameters.

Filters an index serves (speaker, article, since/until, a cursor) must be searches of an index,
never of the kind index ``ix_quotes_kind_sort`` (a kind has hundreds of thousands of quotes);
words of ``q`` and of a speaker's name (``_paul``) must walk the word index ``quote_words`` (whose
key is in page order) with no sort (several words on PostgreSQL: through ``quote_words`` only, as
on this small table the generic plan sorts the rarest word's few entries; at 100,000 and 1,000,000
quotes it walks them in page order; PostgreSQL's statistics are told that a word has as many
entries as at a million quotes);
one kind alone (with dates or not) must walk its range of ``ix_quotes_kind_sort`` in page order;
the others (no filter, several kinds, ``include_rejected``, words in ``role``) must walk the keyset
index ``ix_quotes_sort`` in the order of the page, so that ``LIMIT`` ends the walk, with no sort
of the table. On PostgreSQL the plan checked is the generic one, planned for any values, which
every page runs with (``db.make_engine`` sets ``plan_cache_mode``), and sequential scans are
turned off for the ``EXPLAIN``: on a
small test table the planner would rightly prefer one, and what is checked here is that an index
serves each query (``bench/api.py`` measures the planner's choices at a million quotes). A SQLite
store is checked analysed and never analysed: the service never runs ``ANALYZE`` on SQLite, so
a store it fills has no statistics and the planner guesses (PostgreSQL's autovacuum analyses)."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import psycopg
import pytest
from sqlalchemy import event, insert, text

from service.api.schemas import QuoteFiltersSchema
from tests.conftest import DATABASES
from service.nlp.normalize import name_key
from service.store.models import Article, Quote, QuoteWord, Speaker, SpeakerToken
from service.store.queries import StoreSpread, name_words, signature_columns, words_of
from service.store.reads import DriverReads

# the proportions of a large store: one speaker says 0.5 % of the quotes, one article has 10
SPEAKERS = [f"{first} {last}" for first in ("Claire", "Paul", "Inès", "Marc", "Léa", "Hugo", "Nadia", "Julien")
            for last in ("Garnier", "Lemoine", "Benali", "Roussel", "Keller", "Perrin", "Diallo", "Faure", "Da Silva",
                         "Marin", "Girard", "Bonnet", "Mercier", "Blanc", "Guerin", "Muller", "Henry", "Roux",
                         "Fournier", "Morel", "Andre", "Lefevre", "Caron", "Picard", "Robin")]
START = datetime(2024, 1, 1)

# one request per filter the API offers; "ordered walk": no index can select those rows
REQUESTS = {
    "/v1/quotes?limit=5": "ordered walk",
    "/v1/quotes?limit=5&speaker=2": "search",
    # a name's words, as q='s (a first name: 25 speakers who said an eighth of the quotes)
    "/v1/quotes?limit=5&speaker=paul%20lemoine": "word walk",
    "/v1/quotes?limit=5&speaker=paul": "word walk",
    "/v1/quotes?limit=5&article=7": "search",
    "/v1/quotes?limit=5&since=2024-03-01": "search",
    "/v1/quotes?limit=5&until=2024-03-01": "search",
    "/v1/quotes?limit=5&since=2024-02-01&until=2024-03-01": "search",
    "/v1/quotes?limit=5&speaker=3&since=2024-02-01": "search",
    "/v1/quotes?limit=5&kind=indirect": "kind walk",
    "/v1/quotes?limit=5&kind=indirect&since=2024-02-01&until=2024-03-01": "kind walk",
    "/v1/quotes?limit=5&kind=direct,partial": "ordered walk",
    "/v1/quotes?limit=5&kind=direct,partial&since=2024-02-01&until=2024-03-01": "search",
    "/v1/quotes?limit=2&kind=indirect&speaker=3&since=2024-02-01": "search",
    "/v1/quotes?limit=2&kind=direct&speaker=paul%20lemoine": "word walk",
    "/v1/quotes?limit=2&q=budget&speaker=lemoine": "word walk",
    "/v1/quotes?limit=2&kind=indirect&article=7": "search",
    "/v1/quotes?limit=5&kind=direct&role=ministre": "kind walk",
    "/v1/quotes?limit=5&include_rejected=true": "ordered walk",
    "/v1/quotes?limit=5&q=budget": "word walk",
    "/v1/quotes?limit=5&q=Budget%20LE": "word walk",
    "/v1/quotes?limit=5&q=budget&since=2024-02-01&kind=direct": "word walk",
    "/v1/quotes?limit=5&q=budget&speaker=3": "search",
    "/v1/quotes?limit=5&q=budget&article=7": "search",
    "/v1/quotes?limit=5&role=ministre": "ordered walk",
    "/v1/speakers/2/quotes?limit=5": "search",
    "/v1/articles/7/quotes?limit=5": "search",
}


# each database with its statistics; SQLite also without any (a store the service fills is never
# analysed), not PostgreSQL (its autovacuum analyses a table that changed)
BIG_STORES = pytest.mark.parametrize(
    "database_url,big_store", [pytest.param(db, stats, id=f"{db}-{stats}") for db in DATABASES
                               for stats in ("analysed", "never analysed") if db == "sqlite" or stats == "analysed"],
    indirect=True)


@pytest.fixture
def big_store(request, make_store_app):
    """An app with the response cache off over 2,000 quotes of 200 speakers in 200 articles, with
    the database's statistics of them or none."""
    app = make_store_app(RESPONSE_CACHE_ENTRIES=0)
    engine = app.extensions["db_engine"]
    with engine.begin() as connection:
        # with the count of quotes listed that the service's writes keep (each speaker's tenth, the rejected aside)
        connection.execute(insert(Speaker), [{"id": i + 1, "name": n, "key": name_key(n), "type": "person",
                                              "quote_count": sum(1 for q in range(i, 2000, 200) if q % 97)}
                                             for i, n in enumerate(SPEAKERS)])
        connection.execute(insert(SpeakerToken), [{"speaker_id": i + 1, "token": t} for i, n in enumerate(SPEAKERS)
                                                  for t in name_key(n).split()])
        connection.execute(insert(Article), [
            {"id": a, "text": "…", "language": "fr", "created_at": START, "updated_at": START,
             "published_at": None if a % 50 == 0 else START + timedelta(days=a)} for a in range(1, 201)])
        connection.execute(insert(Quote), [
            {"id": q + 1, "article_id": q // 10 + 1, "speaker_id": q % 200 + 1, "text": f"Le budget {q}", "text_key": f"le budget {q}",
             "start": 0, "end": 10, "kind": ["direct", "partial", "indirect"][q % 3], "confidence": 0.9,
             "speaker_name": SPEAKERS[q % 200], "speaker_type": "person", "role": "ministre", "role_key": "ministre",
             "published_at": None if (q // 10 + 1) % 50 == 0 else START + timedelta(days=q // 10 + 1),
             "sort_at": START + timedelta(days=q // 10 + 1), "rejected": q % 97 == 0} for q in range(2000)])
        connection.execute(insert(QuoteWord), [  # its words, and its speaker's name words
            {"word": word, "sort_at": START + timedelta(days=q // 10 + 1), "quote_id": q + 1,
             **signature_columns(words_of(f"Le budget {q}"))}
            for q in range(2000)
            for word in words_of(f"Le budget {q}") + name_words(name_key(SPEAKERS[q % 200]).split())])
        if request.param == "analysed":
            if engine.dialect.name == "postgresql":  # as many entries a word as at a million quotes (500,
                # where these 2,000 numbers have 5): on this small table the planner would sort a word's few
                connection.execute(text("ALTER TABLE quote_words ALTER COLUMN word SET (n_distinct = -0.002)"))
            connection.execute(text("ANALYZE"))
    return app


def quote_selects(app, path: str, table: str = "quotes") -> list[tuple[str, object]]:
    """The SELECTs reading ``table`` that answering ``path`` sent, with their parameters: through
    a Core connection (streams) or on the driver's (``DriverReads``, JSON pages)."""
    sent = []

    def capture(_conn, _cursor, statement, parameters, _context, _executemany):
        if statement.lstrip().upper().startswith("SELECT") and re.search(rf"\b(FROM|JOIN) {table}\b", statement):
            sent.append((statement, parameters))

    driver_execute = DriverReads.execute_sql

    def capture_driver(self, statement, parameters, **kwargs):
        capture(None, None, statement, parameters, None, False)
        return driver_execute(self, statement, parameters, **kwargs)

    engine = app.extensions["db_engine"]
    event.listen(engine, "before_cursor_execute", capture)
    DriverReads.execute_sql = capture_driver
    try:
        response = app.test_client().get(path)
        response.get_data()  # a stream is read as the client reads it
    finally:
        event.remove(engine, "before_cursor_execute", capture)
        DriverReads.execute_sql = driver_execute
    assert response.status_code == 200, response.get_data(as_text=True)
    return sent


def plan(app, statement: str, parameters) -> list[str]:
    """SQLite's plan of ``statement``; on PostgreSQL its generic plan, the one a page runs with
    (``db.make_engine``: psycopg prepares a statement run five times, planned once for any values)."""
    engine = app.extensions["db_engine"]
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":  # each step indented under its parent, as sqlite3 prints it
            depth = {0: -1}
            lines = []
            for step, parent, _, detail in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters):
                depth[step] = depth[parent] + 1
                lines.append("  " * depth[step] + detail)
            return lines
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        connection.execute(text("SET LOCAL plan_cache_mode = force_generic_plan"))
        names = list(dict.fromkeys(re.findall(r"%\((\w+)\)s", statement)))
        numbered = re.sub(r"%\((\w+)\)s", lambda m: f"${names.index(m.group(1)) + 1}", statement)
        connection.exec_driver_sql("PREPARE listed AS " + numbered.replace("%%", "%"))
        driver = connection.connection.driver_connection  # EXECUTE takes its values as literals
        values = ", ".join(psycopg.sql.Literal(parameters[name]).as_string(driver) for name in names)
        with driver.cursor() as cursor:  # no parameters: the literals' « % » are text
            lines = [row[0] for row in cursor.execute(f"EXPLAIN EXECUTE listed({values})")]
        connection.exec_driver_sql("DEALLOCATE listed")
        return lines


def assert_indexed(lines: list[str], dialect: str, expected: str, with_cursor: bool, path: str = "") -> None:
    joined = "\n".join(lines)
    if expected != "kind walk":  # a kind's many quotes are walked only for that kind alone
        assert "ix_quotes_kind_sort" not in joined, joined
    if dialect == "postgresql":
        assert not re.search(r"Seq Scan on (quotes|quote_words)\b", joined), joined
        if expected == "ordered walk" and not with_cursor:
            assert "Index Scan Backward using ix_quotes_sort on quotes" in joined, joined
        if expected == "kind walk" and not with_cursor:  # either keyset index gives the page's order
            assert re.search(r"Index Scan Backward using ix_quotes_(kind_)?sort on quotes", joined), joined
            assert not re.search(r"\bSort\b", joined), joined
        if expected == "word walk":  # words are looked up in quote_words' key
            assert re.search(r"on quote_words w0\b", joined), joined
            if not re.search(r"on quote_words w[1-9]\b", joined):  # one word: its part of the key, newest
                # first, and LIMIT ends the walk
                assert re.search(r"Index (Only )?Scan Backward using quote_words_pkey on quote_words w0\b", joined), joined
                assert not re.search(r"\bSort\b", joined), joined
        return
    # a line without indent is a step of the page's own walk; indented ones are subqueries' steps
    # (the few rows of the choice of the word walked are sorted: the page is not)
    if expected == "word walk":
        assert re.search(r"^SEARCH w0 USING PRIMARY KEY \(word=\?", joined, re.M), joined
        assert not re.search(r"^USE TEMP B-TREE FOR ORDER BY", joined, re.M), joined
        expected = "search"  # and each quote is then read by its id
    assert not re.search(r"^\s*SCAN (w\d|quote_words)\b", joined, re.M), joined
    access = [line.strip() for line in lines if re.match(r"\s*(SCAN|SEARCH) quotes\b", line)]
    assert access, joined
    for line in access:
        if expected == "kind walk":
            assert line.startswith("SEARCH quotes USING INDEX ix_quotes_kind_sort (kind=?"), joined
        elif expected == "search" or with_cursor:
            assert line.startswith("SEARCH quotes USING"), joined
        else:
            assert line == "SCAN quotes USING INDEX ix_quotes_sort", joined
    if expected in ("ordered walk", "kind walk"):
        assert not re.search(r"^USE TEMP B-TREE FOR ORDER BY", joined, re.M), joined


def test_every_filter_the_api_offers_is_checked():
    offered = set(QuoteFiltersSchema().fields) - {"limit", "cursor", "format"}
    asked = {name for path in REQUESTS for name in re.findall(r"[?&](\w+)=", path)}
    assert offered <= asked, f"add a request for {offered - asked}"


@pytest.mark.parametrize("path", list(REQUESTS))
@BIG_STORES
def test_list_queries_read_quotes_through_an_index(big_store, path):
    dialect = big_store.extensions["db_engine"].dialect.name
    first = big_store.test_client().get(path).get_json()
    assert first["items"] and first["next"], "the request must select rows and have a next page"
    for with_cursor, url in ((False, path), (True, f"{path}&cursor={first['next']}")):
        selects = quote_selects(big_store, url)
        assert len(selects) == 1, f"one query per page, not {len(selects)}"
        assert_indexed(plan(big_store, *selects[0]), dialect, REQUESTS[path], with_cursor, path)


@pytest.mark.parametrize("filters", ["", "&since=2024-02-01", "&kind=direct", "&kind=direct,partial&until=2024-06-01",
                                     "&include_rejected=true&since=2024-02-01&until=2024-06-01"])
@BIG_STORES
def test_a_first_name_walks_its_name_word(big_store, filters):
    """« paul » names 25 speakers who said an eighth of the quotes: a page is one statement that
    walks the name word ``_paul`` of ``quote_words`` in page order, instead of reading all they said
    and sorting it; the pages hold what a stream of every match (which reads all) holds."""
    client, dialect = big_store.test_client(), big_store.extensions["db_engine"].dialect.name
    path = f"/v1/quotes?limit=5&speaker=paul{filters}"
    paged, url = [], path
    while url:
        [(statement, parameters)] = quote_selects(big_store, url)
        assert parameters["word0"] == "_paul" if isinstance(parameters, dict) else "_paul" in parameters
        lines = plan(big_store, statement, parameters)
        assert "ix_quotes_speaker_sort" not in "\n".join(lines), lines
        # (PostgreSQL sorts the few entries of a closed range of dates on this small table; it walks
        # them in page order at a million quotes)
        if not (dialect == "postgresql" and "since" in filters and "until" in filters):
            assert not any(re.search(r"\bSort\b|USE TEMP B-TREE FOR ORDER BY", line) for line in lines), lines
        if dialect == "postgresql":
            assert not any(re.search(r"Seq Scan on (quotes|quote_words)", line) for line in lines), lines
            assert any(re.search(r"Scan .*on quote_words w0\b", line) for line in lines), lines
        else:
            assert any(re.match(r"SEARCH w0 USING PRIMARY KEY \(word=\?", line) for line in lines), lines
        body = client.get(url).get_json()
        paged += [q["id"] for q in body["items"]]
        url = f"{path}&cursor={body['next']}" if body["next"] else None
    streamed = [json.loads(line)["id"] for line in client.get(f"{path}&format=ndjson").get_data(as_text=True).splitlines()]
    assert paged == streamed and len(paged) > 5
    assert all(q["speaker"]["name"].startswith("Paul ") for q in client.get(path).get_json()["items"])


@BIG_STORES
def test_a_csv_export_reads_quotes_through_an_index(big_store):
    selects = quote_selects(big_store, "/v1/speakers/2/quotes?format=csv")
    assert selects
    for statement, parameters in selects:
        assert_indexed(plan(big_store, statement, parameters), big_store.extensions["db_engine"].dialect.name,
                       "search", False)


@BIG_STORES
def test_the_rarity_of_words_is_probed_in_their_part_of_the_word_index(big_store):
    """Before a page of several words, the words this process does not know yet are probed (how
    rare each is, ``queries.StoreSpread``): each one's newest entries of ``quote_words``, read in its
    part of the key, newest first, with no sort; the next page of the same words probes nothing.
    (PostgreSQL's statistics, once it has them, spare the probe: see the next test.)"""
    big_store.extensions["store_spread"] = StoreSpread(statistics=False)  # nothing known
    path = "/v1/quotes?limit=5&q=budget%20le%2017"
    probes = [sent for sent in quote_selects(big_store, path, "quote_words")
              if not re.search(r"\b(FROM|JOIN) quotes\b", sent[0])]
    assert len(probes) == 1
    joined = "\n".join(plan(big_store, *probes[0]))
    if big_store.extensions["db_engine"].dialect.name == "postgresql":
        assert not re.search(r"Seq Scan|\bSort\b", joined), joined
        assert len(re.findall(r"Index Only Scan Backward using quote_words_pkey on quote_words\b", joined)) == 3, joined
    else:
        assert len(re.findall(r"SEARCH quote_words USING PRIMARY KEY \(word=\?\)", joined)) == 3, joined
        assert not re.search(r"SCAN quote_words|TEMP B-TREE", joined), joined
    assert len(quote_selects(big_store, path, "quote_words")) == 1  # the page alone


@BIG_STORES
def test_an_analysed_postgresql_chooses_the_word_walked_with_no_probe(big_store):
    """PostgreSQL's statistics of the word index (``queries.StoreSpread.common_words``) choose the
    word a page of several walks: the page is the only statement reading ``quote_words``, and it
    walks the rarest word. SQLite, whose statistics say no such thing, probes first."""
    big_store.extensions["store_spread"] = StoreSpread()  # nothing read yet
    sent = quote_selects(big_store, "/v1/quotes?limit=5&q=budget%20le%2017", "quote_words")
    if big_store.extensions["db_engine"].dialect.name == "postgresql":
        assert len(sent) == 1 and re.search(r"\bJOIN quotes\b", sent[0][0])
        assert sent[0][1]["word0"] == "17"  # in one quote; budget and le in each
    else:
        assert len(sent) == 2 and "newest" in sent[0][0]


@BIG_STORES
def test_the_speakers_list_reads_no_quote(big_store):
    """``GET /v1/speakers`` gives each speaker's count of quotes from ``speakers.quote_count``
    (kept by every write): counting every quote for it took seconds at a million quotes."""
    for path in ("/v1/speakers?limit=5", "/v1/speakers?q=paul&limit=5"):
        assert quote_selects(big_store, path) == [], path
