"""``Prefer: respond-async`` through a real broker to a worker, jobs, webhooks, ``ingest --queue``."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, func, select

from service.cli import main
from service.store.models import Article, Job
from service.webhooks import DeliveryFailed, WebhookRefused, check_scheme, check_url

from workers_support import AMQP_URL, REDIS_URL, wait_for

ARTICLE = "« Nous ne fermerons pas la maternité », a déclaré Claire Moreau, maire de Vierzon."


def article_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(Article))
    finally:
        engine.dispose()


def job_of(client, response) -> dict:
    assert response.status_code == 202, response.get_json()
    assert response.headers["Preference-Applied"] == "respond-async"
    assert response.headers["Location"] == f"/v1/jobs/{response.get_json()['id']}"
    return response.get_json()


def finished(client, location: str):
    body = client.get(location).get_json()
    return body if body["status"] in ("done", "failed") else None


def test_without_a_broker_the_preference_is_ignored(client):
    response = client.post("/v1/articles", json={"text": ARTICLE}, headers={"Prefer": "respond-async"})
    assert response.status_code == 201 and "Preference-Applied" not in response.headers
    assert response.get_json()["quotes"][0]["speaker"]["name"] == "Claire Moreau"


@pytest.mark.parametrize("url", ["ftp://example.org/hook", "http://169.254.169.254/latest/meta-data",
                                 "http://[fe80::1]/hook", "http://metadata.google.internal/x",
                                 "http://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/", "javascript:alert(1)"])
def test_callback_urls_that_are_refused(client, url):
    response = client.post("/v1/articles", json={"text": ARTICLE, "callback_url": url})
    assert response.status_code == 400 and response.mimetype == "application/problem+json"
    assert "callback_url" in response.get_json()["errors"]["json"]
    assert client.get("/v1/quotes").get_json()["items"] == []  # nothing stored


def test_addresses_checked_again_at_delivery():
    check_url("http://127.0.0.1:9/hook")  # loopback allowed by default (a CMS on the same host)
    with pytest.raises(WebhookRefused):
        check_url("http://127.0.0.1:9/hook", allow_private=False)
    with pytest.raises(WebhookRefused):
        check_url("http://10.1.2.3/hook", allow_private=False)
    with pytest.raises(WebhookRefused):
        check_url("http://169.254.169.254/")
    with pytest.raises(DeliveryFailed):
        check_url("http://name-that-does-not-resolve.invalid/hook")
    check_scheme("https://cms.example.org/hooks/quotes")


@pytest.mark.parametrize("broker", [AMQP_URL, REDIS_URL], ids=["rabbitmq", "redis"])
def test_async_post_is_extracted_by_a_worker_and_the_webhook_signed(broker, queue_config, make_api, thread_worker,
                                                                     receiver):
    config = {**queue_config, "BROKER_URL": broker}
    client = make_api(config).test_client()
    job = job_of(client, client.post("/v1/articles", headers={"Prefer": "respond-async, wait=5"},
                                     json={"text": ARTICLE, "external_id": "cms-1", "callback_url": receiver.url}))
    assert job["status"] == "queued" and job["article"] is None
    assert client.get(f"/v1/jobs/{job['id']}").get_json()["status"] == "queued"  # any API node sees it

    with thread_worker(config):
        done = wait_for(lambda: finished(client, f"/v1/jobs/{job['id']}"))
        assert done["status"] == "done" and done["error"] is None and done["attempts"] == 1
        article = client.get(done["article"]).get_json()
        assert article["external_id"] == "cms-1" and article["quotes"][0]["speaker"]["name"] == "Claire Moreau"
        wait_for(lambda: client.get(f"/v1/jobs/{job['id']}").get_json()["webhook"]["status"] == "delivered")

    [payload] = receiver.payloads()  # signature checked
    assert payload["article"]["id"] == article["id"] and "quotes" not in payload["article"]
    assert payload["quotes"] == article["quotes"]
    assert client.get("/v1/jobs/00000000-0000-4000-8000-000000000000").status_code == 404
    assert client.get("/v1/jobs/not-a-uuid").status_code == 404


def test_a_sync_post_sends_its_webhook_from_a_worker_not_the_request(queue_config, make_api, thread_worker, receiver):
    client = make_api({**queue_config, "WEBHOOK_URL": receiver.url}).test_client()
    response = client.post("/v1/articles", json={"text": ARTICLE})
    assert response.status_code == 201
    assert receiver.payloads() == []  # the answer did not wait for the webhook
    with thread_worker(queue_config):
        wait_for(lambda: receiver.payloads())
    assert receiver.payloads()[0]["article"]["id"] == response.get_json()["id"]


def test_without_a_broker_webhooks_go_from_a_background_thread(tmp_path, make_api, receiver):
    app = make_api({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
                    "WEBHOOK_SECRET": "test-webhook-secret"})
    response = app.test_client().post("/v1/articles", json={"text": ARTICLE, "callback_url": receiver.url})
    assert response.status_code == 201
    [payload] = wait_for(lambda: receiver.payloads(), timeout=30)
    assert payload["quotes"][0]["text"] == "Nous ne fermerons pas la maternité"


class PoisonExtractor:
    """The real extractor, except that a text containing ``POISON`` makes it raise."""

    def __init__(self, real):
        self.real = real

    def extract(self, text):
        if "POISON" in text:
            raise RuntimeError("poisoned article")
        return self.real.extract(text)

    def extract_batch(self, texts):
        if any("POISON" in text for text in texts):
            raise RuntimeError("poisoned batch")
        return self.real.extract_batch(texts)


def test_a_poison_article_fails_its_job_after_bounded_retries_and_blocks_nothing(
        queue_config, make_api, thread_worker, extractor, tmp_path):
    client = make_api(queue_config).test_client()
    poison = job_of(client, client.post("/v1/articles", headers={"Prefer": "respond-async"},
                                        json={"text": "POISON " + ARTICLE, "external_id": "poison"}))
    # the poison also travels in a batch with good articles (ingest --queue)
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps({"text": t, "external_id": e}) for t, e in (
        (ARTICLE, "good-1"), ("POISON twice", "poison-2"), (ARTICLE.replace("Vierzon", "Tours"), "good-2"))))
    with thread_worker(queue_config, extractor=PoisonExtractor(extractor)):
        failed = wait_for(lambda: finished(client, f"/v1/jobs/{poison['id']}"))
        good = client.post("/v1/articles", headers={"Prefer": "respond-async"}, json={"text": ARTICLE})
        assert wait_for(lambda: finished(client, good.headers["Location"]))["status"] == "done"
        with pytest.MonkeyPatch.context() as env:
            env.setenv("DATABASE_URL", queue_config["DATABASE_URL"])
            env.setenv("QUOTES_BROKER_URL", queue_config["BROKER_URL"])
            env.setenv("QUOTES_QUEUE_NAME", queue_config["QUEUE_NAME"])
            assert main(["ingest", "--queue", "--quiet", "--batch-size", "3", str(tmp_path / "a.jsonl")]) == 1
    assert failed["status"] == "failed" and failed["attempts"] == 3
    assert failed["error"] == "extraction failed 3 times; last: RuntimeError: poisoned article"
    with client.application.extensions["db_read"]() as session:
        jobs = {job.external_id: job for job in session.scalars(select(Job))}
        assert jobs["poison-2"].status == "failed" and jobs["poison-2"].attempts == 3
        assert jobs["good-1"].status == jobs["good-2"].status == "done" and jobs["good-1"].attempts == 1
        assert session.scalar(select(func.count()).select_from(Article)) == 3  # good-1, good-2, the API's
        assert session.scalar(select(func.count()).where(Article.external_id.like("poison%"))) == 0


def test_webhook_receiver_down_then_back_gets_it_after_retries(queue_config, make_api, thread_worker, receiver):
    receiver.fail_first = 2
    client = make_api(queue_config).test_client()
    job = job_of(client, client.post("/v1/articles", headers={"Prefer": "respond-async"},
                                     json={"text": ARTICLE, "callback_url": receiver.url}))
    with thread_worker(queue_config):
        state = wait_for(lambda: (client.get(f"/v1/jobs/{job['id']}").get_json()["webhook"] or {})
                         .get("status") == "delivered" and client.get(f"/v1/jobs/{job['id']}").get_json())
    assert state["webhook"] == {"status": "delivered", "attempts": 3, "error": None}
    assert len(receiver.payloads()) == 1


def test_webhook_receiver_too_slow_records_the_failure_and_slows_nothing_else(queue_config, make_api,
                                                                               thread_worker, receiver):
    receiver.delay = 3  # longer than WEBHOOK_TIMEOUT (2 s)
    config = {**queue_config, "WEBHOOK_ATTEMPTS": 2}
    client = make_api(config).test_client()
    slow = job_of(client, client.post("/v1/articles", headers={"Prefer": "respond-async"},
                                      json={"text": ARTICLE, "callback_url": receiver.url}))
    with thread_worker(config):
        wait_for(lambda: finished(client, f"/v1/jobs/{slow['id']}"))
        others = [client.post("/v1/articles", headers={"Prefer": "respond-async"},
                              json={"text": ARTICLE.replace("Vierzon", town)}) for town in ("Blois", "Dreux", "Sens")]
        for other in others:  # stored while the webhook is still being tried
            assert wait_for(lambda: finished(client, other.headers["Location"]))["status"] == "done"
        assert client.get(f"/v1/jobs/{slow['id']}").get_json()["webhook"]["status"] == "pending"
        state = wait_for(lambda: client.get(f"/v1/jobs/{slow['id']}").get_json()["webhook"]["status"] == "failed"
                         and client.get(f"/v1/jobs/{slow['id']}").get_json())
    assert state["status"] == "done"  # the article is stored all the same
    assert state["webhook"]["attempts"] == 2 and "Timeout" in state["webhook"]["error"]


def test_ingest_queue_enqueues_follows_and_resumes(queue_config, thread_worker, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    for i, town in enumerate(("Blois", "Dreux", "Sens", "Laval", "Niort")):
        (folder / f"{i}.txt").write_text(ARTICLE.replace("Vierzon", town), encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", queue_config["DATABASE_URL"])
    monkeypatch.setenv("QUOTES_BROKER_URL", queue_config["BROKER_URL"])
    monkeypatch.setenv("QUOTES_QUEUE_NAME", queue_config["QUEUE_NAME"])

    def run(*args) -> dict:
        assert main(["ingest", "--queue", "--quiet", "--batch-size", "2", *args, str(folder)]) == 0
        return json.loads(capsys.readouterr().out)

    # no worker yet: enqueued, then enqueued again by nobody (an interrupted run resumed)
    assert run("--no-wait") == {"enqueued": 5, "skipped": 0, "already_queued": 0, "done": 0, "failed": 0, "bad": 0}
    assert run("--no-wait")["already_queued"] == 5
    (folder / "5.txt").write_text(ARTICLE.replace("Vierzon", "Redon"), encoding="utf-8")
    with thread_worker(queue_config):
        report = run()  # waits for its own jobs
        assert report["enqueued"] == 1 and report["done"] == 1 and report["already_queued"] == 5
        wait_for(lambda: article_count(queue_config["DATABASE_URL"]) == 6)
    assert run() == {"enqueued": 0, "skipped": 6, "already_queued": 0, "done": 0, "failed": 0, "bad": 0}
