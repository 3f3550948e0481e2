"""The database server going away: 503 with ``Retry-After`` and a problem document, nothing
half-written, and the service recovering by itself when the server comes back.

PostgreSQL only (``TEST_DATABASE_URL``, set by ``.ci/run``): an embedded SQLite file cannot go
away. The connection runs through a proxy the test cuts, as a server restart would.
"""
from __future__ import annotations

import os

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from service.app import create_app

POSTGRES = ["postgresql"] if os.environ.get("TEST_DATABASE_URL") else []
ARTICLE = {"text": "« Le chantier reprendra lundi », a annoncé Lucie Morvan, présidente du port.",
           "external_id": "fault-1"}


@pytest.fixture
def proxied(database_url, cuttable_proxy):
    url = make_url(database_url)
    proxy = cuttable_proxy(url.host, url.port or 5432)
    app = create_app({"TESTING": True, "DATABASE_URL": url.set(host="127.0.0.1", port=proxy.port)
                     .render_as_string(hide_password=False)})
    yield app, proxy
    app.extensions["db_engine"].dispose()


def assert_unavailable(response):
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert int(response.headers["Retry-After"]) > 0 and response.get_json()["detail"]
    body = response.get_data(as_text=True)
    assert "psycopg" not in body and "SELECT" not in body and "Traceback" not in body


@pytest.mark.parametrize("database_url", POSTGRES, indirect=True)
def test_database_down_gives_503_then_the_service_recovers_by_itself(proxied):
    app, proxy = proxied
    client = app.test_client()
    assert client.post("/v1/articles", json=ARTICLE).status_code == 201

    proxy.down()
    for response in (client.get("/v1/quotes?speaker=morvan"), client.get("/readyz"),
                     client.post("/v1/articles", json={**ARTICLE, "external_id": "fault-2"})):
        assert_unavailable(response)
    assert client.get("/healthz").status_code == 200  # the process itself is alive

    proxy.up()
    assert client.get("/readyz").status_code == 200
    assert len(client.get("/v1/quotes?speaker=morvan").get_json()["items"]) == 1
    assert client.post("/v1/articles", json={**ARTICLE, "external_id": "fault-2"}).status_code == 201


@pytest.mark.parametrize("database_url", POSTGRES, indirect=True)
def test_database_lost_in_the_middle_of_a_write_leaves_nothing_half_written(proxied):
    app, proxy = proxied
    client = app.test_client()

    def cut_before_quotes(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO QUOTES"):
            proxy.down()

    engine = app.extensions["db_engine"]
    event.listen(engine, "before_cursor_execute", cut_before_quotes)
    assert_unavailable(client.post("/v1/articles", json=ARTICLE))
    event.remove(engine, "before_cursor_execute", cut_before_quotes)

    proxy.up()
    assert client.get("/v1/quotes").get_json()["items"] == []
    assert client.get("/v1/speakers?q=morvan").get_json()["items"] == []
    created = client.post("/v1/articles", json=ARTICLE)
    assert created.status_code == 201 and len(created.get_json()["quotes"]) == 1


@pytest.mark.parametrize("database_url", POSTGRES, indirect=True)
def test_connections_the_server_dropped_cost_no_request(database_url, cuttable_proxy):
    """A list page is read on a pooled connection without the ping a checkout otherwise costs:
    when the server has dropped the pool's connections (a restart), the read runs again on a
    pinged one, and writes are pinged as before: every request succeeds. (The response cache,
    off here, would ping a connection first to read the store's version.)"""
    url = make_url(database_url)
    proxy = cuttable_proxy(url.host, url.port or 5432)
    app = create_app({"TESTING": True, "RESPONSE_CACHE_ENTRIES": 0, "DATABASE_URL": url.set(
        host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)})
    client = app.test_client()
    try:
        assert client.post("/v1/articles", json=ARTICLE).status_code == 201
        for _ in range(3):  # pooled connections, used for reads
            assert len(client.get("/v1/quotes?speaker=morvan").get_json()["items"]) == 1

        proxy.down()  # the server's side of every pooled connection is gone
        proxy.up()
        assert len(client.get("/v1/quotes?speaker=morvan").get_json()["items"]) == 1
        assert len(client.get("/v1/speakers/1/quotes").get_json()["items"]) == 1
        assert client.post("/v1/articles", json={**ARTICLE, "external_id": "fault-2"}).status_code == 201
        assert len(client.get("/v1/quotes?q=chantier").get_json()["items"]) == 2
    finally:
        app.extensions["db_engine"].dispose()
