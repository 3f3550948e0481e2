"""Corrections by people: PATCH /v1/quotes/{id}, If-Match, history, rejection, and corrections that
survive re-posting the article; every quote carries its article. SQLite and (in CI) PostgreSQL."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_fceb5003a30c558a.txt"
DESK = {"X-API-Key": "secret-desk"}
CMS = {"Authorization": "Bearer secret-cms"}
PLAIN = {"X-API-Key": "plainkey"}
ARTICLE = {"external_id": "seed-000", "title": "Poutine à Pyongyang", "url": "https://example.org/pyongyang",
           "outlet": "AFP", "published_at": "2024-06-19T09:00:00Z"}


@pytest.fixture
def desk(make_store_app):
    app = make_store_app(API_KEYS=["desk:secret-desk", "cms:secret-cms", "plainkey"])
    return app.test_client()


@pytest.fixture
def posted(desk):
    response = desk.post("/v1/articles", headers=DESK, json={**ARTICLE, "text": SEED.read_text("utf-8")})
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def stoltenberg_quote(article: dict) -> dict:
    return next(q for q in article["quotes"] if q["speaker"] and q["speaker"]["name"] == "Jens Stoltenberg")


def merge_patch(client, quote_id, body, headers=DESK, etag=None):
    extra = {"If-Match": etag} if etag else {}
    return client.patch(f"/v1/quotes/{quote_id}", data=json.dumps(body),
                        content_type="application/merge-patch+json", headers={**headers, **extra})


def test_list_items_carry_their_article_as_posted(desk, posted):
    items = desk.get("/v1/quotes?limit=200").get_json()["items"]
    assert items and all(q["article"] == {"id": posted["id"], "title": ARTICLE["title"], "url": ARTICLE["url"],
                                          "outlet": "AFP", "published_at": ARTICLE["published_at"]} for q in items)
    lines = desk.get("/v1/quotes?format=ndjson").get_data(as_text=True).splitlines()
    assert [json.loads(line)["article"]["title"] for line in lines] == [ARTICLE["title"]] * len(items)
    rows = list(csv.DictReader(io.StringIO(desk.get("/v1/quotes?format=csv").get_data(as_text=True))))
    assert len(rows) == len(items)
    assert {(r["article_title"], r["article_url"], r["article_outlet"]) for r in rows} == \
        {(ARTICLE["title"], ARTICLE["url"], "AFP")}


def test_reattributing_a_quote_moves_it_to_the_new_speaker(desk, posted):
    quote = stoltenberg_quote(posted)
    before = len(desk.get("/v1/quotes?speaker=stoltenberg&limit=200").get_json()["items"])
    response = merge_patch(desk, quote["id"], {"speaker": {"name": "Mark Rutte", "role": "Premier ministre néerlandais"}})
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["speaker"]["name"] == "Mark Rutte" and body["speaker"]["role"] == "Premier ministre néerlandais"
    assert body["speaker"]["type"] == "person" and body["speaker"]["mention"] is None
    assert body["corrected"]["by"] == "desk" and body["corrected"]["at"].endswith("Z")
    assert body["text"] == quote["text"] and body["start"] == quote["start"]
    assert response.headers["ETag"] == desk.get(f"/v1/quotes/{quote['id']}").headers["ETag"]
    assert [q["id"] for q in desk.get("/v1/quotes?speaker=rutte").get_json()["items"]] == [quote["id"]]
    after = desk.get("/v1/quotes?speaker=stoltenberg&limit=200").get_json()["items"]
    assert len(after) == before - 1 and quote["id"] not in {q["id"] for q in after}
    [rutte] = desk.get("/v1/speakers?q=rutte").get_json()["items"]
    assert rutte["quote_count"] == 1 and rutte["roles"][0]["role"] == "Premier ministre néerlandais"


def test_a_correction_links_to_the_known_speaker_like_extraction(desk, posted):
    other = next(q for q in posted["quotes"] if not q["speaker"] or q["speaker"]["name"] != "Jens Stoltenberg")
    known_id = stoltenberg_quote(posted)["speaker"]["id"]
    body = merge_patch(desk, other["id"], {"speaker": {"name": "STOLTENBERG"}}).get_json()
    assert body["speaker"]["id"] == known_id  # a surname naming one known person, as in extraction
    listed = next(q for q in desk.get("/v1/quotes?speaker=stoltenberg&limit=200").get_json()["items"]
                  if q["id"] == other["id"])
    assert listed["speaker"]["name"] == "Jens Stoltenberg"  # the known speaker's name, not the one sent


def test_if_match_refuses_a_stale_correction(desk, posted):
    quote = stoltenberg_quote(posted)
    etag = desk.get(f"/v1/quotes/{quote['id']}").headers["ETag"]
    first = merge_patch(desk, quote["id"], {"speaker": {"name": "Mark Rutte"}}, etag=etag)
    assert first.status_code == 200 and first.headers["ETag"] != etag
    stale = merge_patch(desk, quote["id"], {"speaker": {"name": "Olaf Scholz"}}, headers=CMS, etag=etag)
    assert stale.status_code == 412 and stale.content_type == "application/problem+json"
    assert desk.get(f"/v1/quotes/{quote['id']}").get_json()["speaker"]["name"] == "Mark Rutte"
    fresh = merge_patch(desk, quote["id"], {"speaker": {"name": "Olaf Scholz"}}, headers=CMS, etag=first.headers["ETag"])
    assert fresh.status_code == 200 and fresh.get_json()["corrected"]["by"] == "cms"


def test_history_lists_every_correction_with_before_after_and_who(desk, posted):
    quote = stoltenberg_quote(posted)
    merge_patch(desk, quote["id"], {"speaker": {"name": "Mark Rutte"}})
    merge_patch(desk, quote["id"], {"rejected": True}, headers=PLAIN)
    history = desk.get(f"/v1/quotes/{quote['id']}/history").get_json()["items"]
    assert [h["by"] for h in history] == ["desk", history[1]["by"]]
    assert history[1]["by"].startswith("key-") and "plainkey" not in json.dumps(history)
    assert history[0]["before"]["speaker"]["name"] == "Jens Stoltenberg"
    assert history[0]["after"]["speaker"]["name"] == "Mark Rutte"
    assert history[1]["changes"] == {"rejected": True}
    assert history[1]["before"]["rejected"] is False and history[1]["after"]["rejected"] is True
    assert desk.get("/v1/quotes/2147483647/history").status_code == 404


def test_rejected_quotes_leave_lists_and_counts(desk, posted):
    quote = stoltenberg_quote(posted)
    count = desk.get("/v1/speakers?q=stoltenberg").get_json()["items"][0]["quote_count"]
    assert merge_patch(desk, quote["id"], {"rejected": True}).get_json()["rejected"] is True
    ids = {q["id"] for q in desk.get("/v1/quotes?limit=200").get_json()["items"]}
    assert quote["id"] not in ids
    assert quote["id"] not in {q["id"] for q in desk.get(f"/v1/articles/{posted['id']}/quotes?limit=200").get_json()["items"]}
    assert quote["id"] in {q["id"] for q in desk.get("/v1/quotes?limit=200&include_rejected=true").get_json()["items"]}
    assert desk.get("/v1/speakers?q=stoltenberg").get_json()["items"][0]["quote_count"] == count - 1
    assert desk.get(f"/v1/quotes/{quote['id']}").get_json()["rejected"] is True
    assert merge_patch(desk, quote["id"], {"rejected": False}).get_json()["rejected"] is False
    assert quote["id"] in {q["id"] for q in desk.get("/v1/quotes?limit=200").get_json()["items"]}


def test_corrections_survive_reposting_the_article(desk, posted):
    quotes = [q for q in posted["quotes"] if q["speaker"] and q["speaker"]["name"] == "Jens Stoltenberg"]
    moved, rejected = quotes[0], quotes[1]
    merge_patch(desk, moved["id"], {"speaker": {"name": "Mark Rutte", "role": "Premier ministre"}})
    merge_patch(desk, rejected["id"], {"rejected": True})
    again = desk.post("/v1/articles", headers=DESK, json={**ARTICLE, "text": SEED.read_text("utf-8")})
    assert again.status_code == 200
    by_text = {q["text"]: q for q in again.get_json()["quotes"]}
    assert by_text[moved["text"]]["speaker"]["name"] == "Mark Rutte"
    assert by_text[moved["text"]]["speaker"]["role"] == "Premier ministre"
    assert by_text[moved["text"]]["corrected"]["by"] == "desk"
    assert by_text[rejected["text"]]["rejected"] is True
    rutte = desk.get("/v1/quotes?speaker=rutte").get_json()["items"]
    assert [q["text"] for q in rutte] == [moved["text"]]
    assert moved["text"] not in {q["text"] for q in desk.get("/v1/quotes?speaker=stoltenberg&limit=200").get_json()["items"]}
    # the history follows the quote to its new row
    new_id = by_text[moved["text"]]["id"]
    assert [h["after"]["speaker"]["name"] for h in desk.get(f"/v1/quotes/{new_id}/history").get_json()["items"]] == ["Mark Rutte"]


def test_an_edited_article_keeps_corrections_whose_words_remain(desk, posted):
    quote = stoltenberg_quote(posted)
    merge_patch(desk, quote["id"], {"speaker": {"name": "Mark Rutte"}})
    edited = "Mise à jour : précisions ajoutées en tête de dépêche.\n\n" + SEED.read_text("utf-8")
    again = desk.post("/v1/articles", headers=DESK, json={**ARTICLE, "text": edited}).get_json()
    [same] = [q for q in again["quotes"] if q["text"] == quote["text"]]
    assert same["start"] > quote["start"] and edited[same["start"]:same["end"]] == same["text"]
    assert same["speaker"]["name"] == "Mark Rutte"


@pytest.mark.parametrize("body,status", [
    ({"speaker": {"name": ""}}, 400), ({"speaker": {"name": "   "}}, 400), ({"rejected": "peut-être"}, 400),
    ({"speaker": {"name": "X", "bogus": 1}}, 400), ({"unknown": True}, 400), ([], 400), ({}, 200),
    ({"speaker": {"name": "\ufdfa" * 100}}, 400), ({"speaker": {"name": "A" * 513}}, 400),
])
def test_bad_patches_are_clear_400s(desk, posted, body, status):
    quote = stoltenberg_quote(posted)
    response = merge_patch(desk, quote["id"], body)
    assert response.status_code == status, response.get_data(as_text=True)
    if status == 400:
        assert response.content_type == "application/problem+json"
    assert desk.get(f"/v1/quotes/{quote['id']}").get_json()["speaker"]["name"] == "Jens Stoltenberg"


def test_patch_needs_a_key_json_and_an_existing_quote(desk, posted):
    quote = stoltenberg_quote(posted)
    assert merge_patch(desk, quote["id"], {"rejected": True}, headers={}).status_code == 401
    assert merge_patch(desk, quote["id"], {"rejected": True}, headers={"X-API-Key": "nope"}).status_code == 401
    assert desk.patch(f"/v1/quotes/{quote['id']}", data="rejected=1", headers=DESK,
                      content_type="application/x-www-form-urlencoded").status_code == 415
    assert merge_patch(desk, 2147483647, {"rejected": True}).status_code == 404
    assert desk.get(f"/v1/quotes/{quote['id']}/history").get_json()["items"] == []


def test_a_correction_follows_its_quote_when_the_extractor_moves_a_boundary(make_store_app):
    """Stored through ``save_article`` with hand-made quotes: a new extractor may widen a span."""
    from datetime import datetime

    from service.nlp import Quote, Speaker
    from service.store.corrections import correct_quote
    from service.store.models import Quote as StoredQuote
    from service.store.queries import ArticleInput, save_article
    from sqlalchemy import select

    app = make_store_app()
    text = "« Nous tiendrons bon, quoi qu'il arrive », a dit Anne Roy. « Rien ne change », a-t-elle ajouté."
    data = ArticleInput(text=text, external_id="moved-boundary")
    now = datetime(2026, 1, 5, 10)

    def quote(words: str, name: str | None = "Anne Roy") -> Quote:
        start = text.index(words)
        return Quote(text=words, start=start, end=start + len(words), kind="direct", confidence=0.9,
                     speaker=Speaker(name=name, type="person") if name else None)

    with app.extensions["db_write"].begin() as session:
        save_article(session, data, [quote("Nous tiendrons bon, quoi qu"), quote("Rien ne change")], now)
    with app.extensions["db_write"].begin() as session:
        first, second = session.scalars(select(StoredQuote).order_by(StoredQuote.start)).all()
        correct_quote(session, first, {"speaker": {"name": "Paul Roy"}}, "desk", now)
        correct_quote(session, second, {"speaker": {"role": "maire"}}, "desk", now)
    # the next extraction widens the first span and no longer names anyone for the second
    with app.extensions["db_write"].begin() as session:
        save_article(session, data, [quote("Nous tiendrons bon, quoi qu'il arrive"), quote("Rien ne change", None)], now)
    with app.extensions["db_read"]() as session:
        first, second = session.scalars(select(StoredQuote).order_by(StoredQuote.start)).all()
        assert first.text == "Nous tiendrons bon, quoi qu'il arrive" and first.speaker_name == "Paul Roy"
        assert second.speaker_name is None and second.corrected_by == "desk"  # a role alone has nobody to go to
