"""POST /v1/extract through the Flask test client."""
from __future__ import annotations

import pytest

ARTICLE = ("La ministre de la Culture, Rachida Benali, a présenté son budget mardi.\n\n"
           "« Nous tiendrons nos engagements », a-t-elle assuré devant les députés.")


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_extract_returns_attributed_quotes_with_exact_offsets(client):
    response = client.post("/v1/extract", json={"text": ARTICLE})
    assert response.status_code == 200
    [quote] = response.get_json()["quotes"]
    assert ARTICLE[quote["start"]:quote["end"]] == quote["text"] == "Nous tiendrons nos engagements"
    assert quote["kind"] == "direct"
    assert quote["speaker"]["name"] == "Rachida Benali"
    assert quote["speaker"]["role"] == "ministre de la Culture"
    assert quote["speaker"]["type"] == "person"
    mention = quote["speaker"]["mention"]
    assert ARTICLE[mention["start"]:mention["end"]] == mention["text"]
    assert ARTICLE[quote["cue"]["start"]:quote["cue"]["end"]] == quote["cue"]["text"] == "a-t-elle assuré"
    assert 0 < quote["confidence"] <= 1


@pytest.mark.parametrize("text", ["", "   ", "Un article sans la moindre citation."])
def test_empty_or_quote_free_text_gives_no_quotes(client, text):
    response = client.post("/v1/extract", json={"text": text})
    assert response.status_code == 200
    assert response.get_json() == {"quotes": []}


def test_quote_without_speaker_has_null_speaker_and_cue(client):
    response = client.post("/v1/extract", json={"text": "« Rien ne va plus. »"})
    [quote] = response.get_json()["quotes"]
    assert quote["speaker"] is None and quote["cue"] is None


@pytest.mark.parametrize("body", [{}, {"text": 42}, {"text": None}, {"text": ["a"]}, {"title": "x"}, [], "texte"])
def test_missing_or_non_string_text_is_400(client, body):
    body = assert_problem(client.post("/v1/extract", json=body), 400)
    assert "text" in body["detail"] or "body" in body["detail"] or "Invalid" in body["detail"]


def test_invalid_json_is_400(client):
    response = client.post("/v1/extract", data='{"text": "« a »"', content_type="application/json")
    assert_problem(response, 400)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_wrong_content_type_is_415(client, content_type):
    kwargs = {"content_type": content_type} if content_type else {}
    assert_problem(client.post("/v1/extract", data='{"text": "x"}', **kwargs), 415)


def test_text_over_the_limit_is_413(app):
    app.config["MAX_TEXT_BYTES"] = 100
    client = app.test_client()
    assert_problem(client.post("/v1/extract", json={"text": "é" * 51}), 413)
    assert client.post("/v1/extract", json={"text": "é" * 50}).status_code == 200


def test_body_over_the_request_limit_is_413(app):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    client = app.test_client()
    assert_problem(client.post("/v1/extract", json={"text": "a" * 2000}), 413)


def test_wrong_method_is_405_with_allow_header(client):
    response = client.get("/v1/extract")
    assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_unknown_path_is_404_problem(client):
    assert_problem(client.get("/v1/nothing-here"), 404)
