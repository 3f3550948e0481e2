"""``speakers.quote_count`` is kept by every write of quotes (storing an article again, a correction
that rejects or re-attributes, a deletion) and by migration 0010 for quotes stored before it: it
always equals a count of the speaker's quotes not rejected, which ``GET /v1/speakers`` and the
all-time ranking read instead of counting every quote."""
from __future__ import annotations

import json
import threading
from datetime import datetime

from sqlalchemy import create_engine, insert, inspect, select, text

from service.store.db import downgrade, upgrade
from service.store.models import Article, Quote, Speaker

FIRST = "« Un », a dit Anne Roy. « Deux », a dit Anne Roy. « Trois », a dit Paul Roux."
AGAIN = "« Un », a dit Anne Roy. « Quatre », a dit Luc Bon."
OTHER = "« Cinq », a dit Anne Roy."


def stored_and_counted(app) -> tuple[dict, dict]:
    """Each speaker's stored ``quote_count``, and a count of its quotes not rejected."""
    with app.extensions["db_engine"].connect() as connection:
        stored = dict(connection.execute(select(Speaker.id, Speaker.quote_count)).all())
        counted = dict(connection.execute(select(Quote.speaker_id, text("count(*)")).where(
            Quote.rejected.is_(False), Quote.speaker_id.is_not(None)).group_by(Quote.speaker_id)).all())
    return stored, {speaker_id: counted.get(speaker_id, 0) for speaker_id in stored}


def assert_counts_kept(app, client) -> dict:
    stored, counted = stored_and_counted(app)
    assert stored == counted
    listed = client.get("/v1/speakers?limit=200").get_json()["items"]
    assert {s["id"]: s["quote_count"] for s in listed} == counted
    assert [s["quote_count"] for s in listed] == sorted(counted.values(), reverse=True)
    return {s["name"]: s["quote_count"] for s in listed}


def post(client, text_: str, external_id: str, **fields) -> dict:
    response = client.post("/v1/articles", json={"text": text_, "external_id": external_id, **fields})
    assert response.status_code in (200, 201), response.get_data(as_text=True)
    return response.get_json()


def patch(client, quote_id: int, body: dict) -> None:
    response = client.patch(f"/v1/quotes/{quote_id}", data=json.dumps(body), content_type="application/merge-patch+json")
    assert response.status_code == 200, response.get_data(as_text=True)


def test_counts_follow_every_write(store_app, store_client):
    first = post(store_client, FIRST, "a")
    other = post(store_client, OTHER, "b")
    assert assert_counts_kept(store_app, store_client) == {"Anne Roy": 3, "Paul Roux": 1}

    again = post(store_client, AGAIN, "a")  # stored again: Paul Roux's quote is gone, Luc Bon's new
    assert assert_counts_kept(store_app, store_client) == {"Anne Roy": 2, "Luc Bon": 1, "Paul Roux": 0}

    luc = next(q for q in again["quotes"] if q["speaker"]["name"] == "Luc Bon")
    patch(store_client, luc["id"], {"speaker": {"name": "Paul Roux"}})
    patch(store_client, other["quotes"][0]["id"], {"rejected": True})
    assert assert_counts_kept(store_app, store_client) == {"Anne Roy": 1, "Paul Roux": 1, "Luc Bon": 0}

    replayed = post(store_client, AGAIN + " ", "a")  # extracted again: the corrections follow the new quotes
    assert assert_counts_kept(store_app, store_client) == {"Anne Roy": 1, "Paul Roux": 1, "Luc Bon": 0}

    patch(store_client, other["quotes"][0]["id"], {"rejected": False})
    patch(store_client, next(q["id"] for q in replayed["quotes"] if q["text"] == "Quatre"), {"speaker": None})
    assert assert_counts_kept(store_app, store_client) == {"Anne Roy": 2, "Paul Roux": 0, "Luc Bon": 0}

    assert store_client.delete(f"/v1/articles/{first['id']}").status_code == 204
    assert assert_counts_kept(store_app, store_client) == {"Anne Roy": 1, "Paul Roux": 0, "Luc Bon": 0}


def test_the_all_time_ranking_reads_the_counts(store_app, store_client):
    post(store_client, FIRST, "a", published_at="2025-03-01T08:00:00Z")
    post(store_client, OTHER, "b", published_at="2025-03-02T08:00:00Z")
    with store_app.extensions["db_engine"].begin() as connection:  # a count the quotes do not give
        connection.execute(Speaker.__table__.update().where(Speaker.name == "Paul Roux").values(quote_count=9))
    ranked = store_client.get("/v1/speakers/ranking").get_json()["items"]
    assert [(s["name"], s["quote_count"]) for s in ranked] == [("Paul Roux", 9), ("Anne Roy", 3)]
    dated = store_client.get("/v1/speakers/ranking?since=2000-01-01T00:00:00Z").get_json()["items"]
    assert [(s["name"], s["quote_count"]) for s in dated] == [("Anne Roy", 3), ("Paul Roux", 1)]  # counted


def test_writers_of_the_same_speakers_at_once_keep_the_counts(store_app, store_client):
    """Articles quoting the same people in opposite orders, stored again and again by four
    threads: no write fails (no deadlock on PostgreSQL) and no count is lost."""
    texts = ["« Un », a dit Anne Roy. « Deux », a dit Paul Roux.", "« Trois », a dit Paul Roux. « Quatre », a dit Anne Roy."]
    failures = []

    def write(n: int) -> None:
        client = store_app.test_client()
        for i in range(6):
            response = client.post("/v1/articles", json={"text": texts[(n + i) % 2] + " " * i, "external_id": f"{n % 2}"})
            if response.status_code not in (200, 201):
                failures.append(response.get_data(as_text=True))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert assert_counts_kept(store_app, store_client) == {"Anne Roy": 2, "Paul Roux": 2}


def test_migration_counts_the_quotes_stored_before(database_url):
    engine = create_engine(database_url)
    try:
        upgrade(engine, "0009")
        when = datetime(2025, 3, 1)
        with engine.begin() as connection:
            connection.execute(insert(Article.__table__), [{"id": 1, "text": "…", "language": "fr",
                                                            "created_at": when, "updated_at": when}])
            connection.execute(text("INSERT INTO speakers (id, name, key, type) VALUES "
                                    "(1, 'Anne Roy', 'anne roy', 'person'), (2, 'Paul Roux', 'paul roux', 'person'), "
                                    "(3, 'Luc Bon', 'luc bon', 'person')"))
            connection.execute(insert(Quote.__table__), [
                {"id": i + 1, "article_id": 1, "speaker_id": speaker, "text": "x", "text_key": "x", "start": 0,
                 "end": 1, "kind": "direct", "confidence": 0.9, "sort_at": when, "rejected": rejected}
                for i, (speaker, rejected) in enumerate([(1, False), (1, False), (1, True), (2, False), (None, False)])])
        upgrade(engine)
        with engine.connect() as connection:
            assert dict(connection.execute(text("SELECT id, quote_count FROM speakers")).all()) == {1: 2, 2: 1, 3: 0}
        downgrade(engine, "0009")
        assert "quote_count" not in {column["name"] for column in inspect(engine).get_columns("speakers")}
    finally:
        engine.dispose()


def test_the_people_of_an_article_are_resolved_in_the_order_of_their_keys(store_client, monkeypatch):
    """What keeps two articles that name the same new people from deadlocking when stored at once."""
    from service.store import queries

    resolved = []
    resolve = queries.resolve_speaker
    monkeypatch.setattr(queries, "resolve_speaker", lambda session, name, type_: resolved.append(name)
                        or resolve(session, name, type_))
    post(store_client, "« Un », a dit Paul Roux. « Deux », a dit Anne Roy. « Trois », a dit Paul Roux.", "a")
    assert resolved == ["Anne Roy", "Paul Roux"]


def test_a_lone_surname_follows_the_full_name_of_the_same_article(store_app):
    """Resolved in one order, full names first: « Abel » alone is linked to « Paul Abel », though its
    key sorts first and the article names him by his surname first."""
    from types import SimpleNamespace

    from service.ingest import utc_now
    from service.store.db import make_sessionmaker
    from service.store.queries import ArticleInput, save_article

    def said(name: str, start: int):
        return SimpleNamespace(text="Oui", start=start, end=start + 3, kind="direct", confidence=0.9, cue=None,
                               speaker=SimpleNamespace(name=name, type="person", role=None, mention=None))

    with make_sessionmaker(store_app.extensions["db_engine"], write=True).begin() as session:
        article, _ = save_article(session, ArticleInput(text="Oui. Oui."), [said("Abel", 0), said("Paul Abel", 5)],
                                  utc_now())
        assert [quote.speaker.name for quote in sorted(article.quotes, key=lambda q: q.start)] == ["Paul Abel"] * 2
