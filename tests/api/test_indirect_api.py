"""Reported speech (kind ``indirect``) through the API: extracted, stored, filtered, counted by kind."""
from __future__ import annotations

import pytest

ARTICLE = ("La ministre de la Santé, Claire Vautrin, a assuré que les hôpitaux recevraient des renforts avant l'hiver. "
           "« Nous tiendrons nos engagements », a-t-elle ajouté. Elle a dénoncé des « retards inadmissibles » dans "
           "certaines régions.\n\n"
           "Les urgences de Dax rouvriront en mars, selon l'agence régionale de santé.")


@pytest.fixture
def article(store_client):
    response = store_client.post("/v1/articles", json={"text": ARTICLE, "external_id": "sante-renforts",
                                                       "published_at": "2024-06-20T08:00:00Z"})
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def kinds(items):
    return sorted(q["kind"] for q in items)


def test_extract_returns_indirect_quotes_with_exact_offsets(client):
    quotes = client.post("/v1/extract", json={"text": ARTICLE}).get_json()["quotes"]
    reported = [q for q in quotes if q["kind"] == "indirect"]
    assert [q["text"] for q in reported] == ["les hôpitaux recevraient des renforts avant l'hiver",
                                             "Les urgences de Dax rouvriront en mars"]
    assert all(ARTICLE[q["start"]:q["end"]] == q["text"] for q in quotes)
    assert reported[0]["speaker"]["name"] == "Claire Vautrin" and reported[0]["cue"]["text"] == "a assuré"


def test_quotes_filter_by_one_kind_or_a_comma_list(store_client, article):
    every = store_client.get("/v1/quotes?limit=200").get_json()["items"]
    assert kinds(every) == ["direct", "indirect", "indirect", "partial"]
    only = store_client.get("/v1/quotes?kind=indirect").get_json()["items"]
    assert kinds(only) == ["indirect", "indirect"]
    marked = store_client.get("/v1/quotes?kind=direct,partial").get_json()["items"]
    assert kinds(marked) == ["direct", "partial"]
    assert kinds(store_client.get("/v1/quotes?kind=partial,indirect").get_json()["items"]) == \
        ["indirect", "indirect", "partial"]
    stored = store_client.get(f"/v1/articles/{article['id']}").get_json()
    assert "indirect" in {q["kind"] for q in stored["quotes"]}


@pytest.mark.parametrize("value", ["rumour", "direct,", ",direct", "direct,,partial", "direct;partial", "Indirect"])
def test_a_bad_kind_list_is_a_400_problem(store_client, value):
    response = store_client.get("/v1/quotes", query_string={"kind": value})
    assert response.status_code == 400 and response.mimetype == "application/problem+json"


def test_a_speaker_shows_its_quotes_counted_by_kind(store_client, article):
    [item] = store_client.get("/v1/quotes?kind=indirect&speaker=vautrin").get_json()["items"]
    speaker = store_client.get(f"/v1/speakers/{item['speaker']['id']}").get_json()
    assert speaker["name"] == "Claire Vautrin"
    assert speaker["by_kind"] == {"direct": 1, "partial": 1, "indirect": 1}
    assert speaker["quote_count"] == 3
