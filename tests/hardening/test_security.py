"""Keys, hostile filter values, and what a response may never show."""
from __future__ import annotations

import pytest

from service.api import quotes as quotes_module

HOSTILE = ["' OR '1'='1", "1; DROP TABLE quotes; --", "\" UNION SELECT * FROM articles --", "%%", "\\", "\x00",
           "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "<script>alert(1)</script>"]


@pytest.fixture
def guarded_client(make_store_app):
    app = make_store_app(API_KEYS=["right-key"])
    client = app.test_client()
    created = client.post("/v1/articles", headers={"X-API-Key": "right-key"},
                          json={"text": "« Rien ne change », a déclaré Yann Corre, maire de Brest."})
    assert created.status_code == 201
    return client


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": "Basic cmlnaHQta2V5Og=="}, {"X-API-Key": "right-key "}])
def test_writes_without_a_valid_key_are_refused_and_change_nothing(guarded_client, headers):
    before = guarded_client.get("/v1/quotes").get_json()["items"]
    refused = [guarded_client.post("/v1/articles", headers=headers, json={"text": "« Non », a dit Anne Roy."}),
               guarded_client.delete(f"/v1/articles/{before[0]['article_id']}", headers=headers)]
    for response in refused:
        assert response.status_code == 401 and response.mimetype == "application/problem+json"
    assert guarded_client.get("/v1/quotes").get_json()["items"] == before


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name", ["speaker", "q", "role"])
def test_sql_shaped_filter_values_are_plain_text(guarded_client, name, value):
    response = guarded_client.get("/v1/quotes", query_string={name: value})
    assert response.status_code in (200, 400) and response.is_json or response.mimetype == "application/problem+json"
    if response.status_code == 200:
        assert response.get_json()["items"] == []
    assert len(guarded_client.get("/v1/quotes").get_json()["items"]) == 1  # nothing was dropped


@pytest.mark.parametrize("url", ["/v1/quotes?speaker=" + "a" * 5000, "/v1/quotes?q=" + "mot " * 2000,
                                 "/v1/quotes?role=" + "r" * 300, "/v1/speakers?q=" + "z" * 5000,
                                 "/v1/quotes?cursor=" + "c" * 5000, "/v1/quotes?limit=" + "9" * 400,
                                 "/v1/quotes?since=" + "2" * 300, "/v1/quotes?article=" + "1" * 300])
def test_oversized_filter_values_are_400_problems(guarded_client, url):
    response = guarded_client.get(url)
    assert response.status_code == 400 and response.mimetype == "application/problem+json"
    assert len(response.get_data()) < 2000  # the value is not echoed back at length


def test_an_internal_failure_shows_no_trace_and_no_sql(guarded_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("SELECT secret FROM internals WHERE password = 'hunter2'")

    monkeypatch.setattr(quotes_module, "quote_list", broken)
    response = guarded_client.get("/v1/quotes?kind=direct")
    assert response.status_code == 500 and response.mimetype == "application/problem+json"
    body = response.get_data(as_text=True)
    for leak in ("SELECT", "hunter2", "Traceback", "RuntimeError", ".py"):
        assert leak not in body


def test_a_nul_character_is_refused_by_the_store_but_not_by_extraction(guarded_client):
    text = "« Oui\x00 », a dit Anne Roy."
    stored = guarded_client.post("/v1/articles", headers={"X-API-Key": "right-key"}, json={"text": text})
    assert stored.status_code == 400 and "NUL" in stored.get_json()["detail"]
    extracted = guarded_client.post("/v1/extract", json={"text": text})
    assert extracted.status_code == 200 and extracted.get_json()["quotes"][0]["text"] == "Oui\x00"
