"""Liveness, readiness, metrics, request ids."""
from __future__ import annotations

from service.app import create_app


def test_healthz_and_readyz(client):
    assert client.get("/healthz").get_json()["status"] == "ok"
    ready = client.get("/readyz").get_json()
    assert ready["checks"] == {"model": "ok", "database": "ok"}


def test_readyz_is_503_when_the_database_is_unreachable(tmp_path):
    app = create_app({"TESTING": True, "MIGRATE_ON_START": False,
                      "DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"})
    response = app.test_client().get("/readyz")
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert response.headers["Retry-After"] and "database" in response.get_json()["detail"]
    quotes = app.test_client().get("/v1/quotes")
    assert quotes.status_code == 503 and quotes.headers["Retry-After"]
    assert "psycopg" not in quotes.get_data(as_text=True) and "SELECT" not in quotes.get_data(as_text=True)
    app.extensions["db_engine"].dispose()


def test_metrics_count_requests_and_extractions(client):
    client.post("/v1/extract", json={"text": "« Oui », a dit Jeanne Marin."})
    body = client.get("/metrics").get_data(as_text=True)
    assert "quotes_http_requests_total" in body and "quotes_quotes_extracted_total" in body
    assert 'endpoint="/v1/extract"' in body and "quotes_extraction_seconds_count" in body


def test_request_id_is_echoed_or_made(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id\\n"}).headers["X-Request-ID"]
    assert made and made != "bad id\\n" and len(made) == 32
