"""An acknowledged write is on disk: it survives SIGKILL of every server process."""
from __future__ import annotations

ARTICLE = {"text": "« Nous tiendrons nos engagements », a déclaré Hélène Vasseur, maire de Quimper.",
           "external_id": "durable-1", "published_at": "2026-03-01T09:00:00Z"}


def test_an_acknowledged_write_survives_sigkill_and_restart(start_server, database_url):
    server = start_server(database_url)
    status, created = server.call("POST", "/v1/articles", ARTICLE)
    assert status == 201 and created["quotes"]
    server.kill()

    again = start_server(database_url)
    status, article = again.call("GET", f"/v1/articles/{created['id']}")
    assert status == 200 and article["text"] == ARTICLE["text"]
    assert [q["id"] for q in article["quotes"]] == [q["id"] for q in created["quotes"]]
    status, page = again.call("GET", "/v1/quotes?speaker=vasseur")
    assert status == 200 and [q["text"] for q in page["items"]] == ["Nous tiendrons nos engagements"]
