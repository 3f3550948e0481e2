"""The webhook outbox and job retention.

A webhook is a row written in the transaction that stores its article: a process killed between
that commit and the publish of the delivery task (the API's, or a worker's) loses nothing, the
periodic sweep (Celery beat, or the API's threads without a broker) sends it. Two copies of a
task (Redis delivering again a task that outlived its visibility timeout) store one article.
Finished jobs and deliveries are pruned after the retention.
"""
from __future__ import annotations

import json
import re
import signal
import sys
import textwrap
import threading
import time
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

import service.tasks
from service.cli import main
from service.ingest import utc_now
from service.store.db import make_engine, make_sessionmaker, upgrade
from service.store.models import Article, Job, WebhookDelivery
from service.store.outbox import add_delivery, claim_delivery, due_deliveries, finish_attempt
from service.tasks import SWEEP_TASK, make_celery
from workers_support import REDIS_URL, SECRET, wait_for

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "« Nous ne fermerons pas la maternité », a déclaré Claire Moreau, maire de Vierzon."
SECONDS = timedelta(seconds=1)


@pytest.fixture
def sessions(queue_db):
    engine = make_engine(queue_db)
    upgrade(engine)
    yield make_sessionmaker(engine, write=True)
    engine.dispose()


def gauge(metrics: str, name: str) -> float:
    """The value of an unlabelled gauge in a /metrics page (a substring test would take 0.07 for 0.0)."""
    [value] = re.findall(rf"^{name} (\S+)$", metrics, re.MULTILINE)
    return float(value)


def deliveries(sessions) -> list[WebhookDelivery]:
    with sessions() as session:
        return list(session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def test_a_delivery_is_leased_by_one_attempt_and_swept_only_when_nobody_has_it(sessions):
    now = utc_now()
    with sessions.begin() as session:
        delivery = add_delivery(session, 7, "http://cms.example/hook", None, now)
    with sessions.begin() as session:  # the task published after the commit has its time
        assert due_deliveries(session, now + 10 * SECONDS, grace=30, resweep=300) == []
    with sessions.begin() as session:
        first = claim_delivery(session, delivery, now, lease_seconds=40)
    assert first.attempt == 1 and first.article_id == 7
    with sessions.begin() as session:  # another copy of the task while the first posts: nothing
        assert claim_delivery(session, delivery, now + 5 * SECONDS, 40) is None
    with sessions.begin() as session:  # in flight: not swept either
        assert due_deliveries(session, now + 35 * SECONDS, grace=30, resweep=300) == []
    # the worker died with it: the lease runs out, the sweep takes it, once per resweep
    later = now + 60 * SECONDS
    with sessions.begin() as session:
        assert due_deliveries(session, later, grace=30, resweep=300) == [delivery]
    with sessions.begin() as session:
        assert due_deliveries(session, later + SECONDS, grace=30, resweep=300) == []
    with sessions.begin() as session:
        second = claim_delivery(session, delivery, later, 40)
    assert second.attempt == 2
    with sessions.begin() as session:  # the first attempt, back late, no longer owns the row
        finish_attempt(session, first, later, "failed", "late")
        finish_attempt(session, second, later, "pending", "the receiver answered 503", retry_at=later + 100 * SECONDS)
    [row] = deliveries(sessions)
    assert (row.status, row.error, row.leased_until) == ("pending", "the receiver answered 503", None)
    with sessions.begin() as session:  # a copy arriving before the retry is due: nothing
        assert claim_delivery(session, delivery, later + 10 * SECONDS, 40) is None
    with sessions.begin() as session:
        third = claim_delivery(session, delivery, later + 100 * SECONDS, 40)
        finish_attempt(session, third, later + 101 * SECONDS, "delivered")
    with sessions.begin() as session:
        assert claim_delivery(session, delivery, later + 1000 * SECONDS, 40) is None
        assert due_deliveries(session, later + 1000 * SECONDS, grace=30, resweep=300) == []
    [row] = deliveries(sessions)
    assert (row.status, row.attempts, row.error) == ("delivered", 3, None)


def add_job(session, job_id: str, status: str, webhook: str | None, at) -> None:
    session.add(Job(id=job_id, status=status, webhook_status=webhook, attempts=1, webhook_attempts=0,
                    created_at=at, updated_at=at))


def test_prune_deletes_finished_jobs_and_deliveries_past_the_retention(queue_db, sessions, monkeypatch, capsys):
    now = utc_now()
    old, recent = now - timedelta(days=40), now - timedelta(days=5)
    with sessions.begin() as session:
        add_job(session, "old-done", "done", None, old)
        add_job(session, "old-failed", "failed", "failed", old)
        add_job(session, "old-done-webhook-pending", "done", "pending", old)
        add_job(session, "old-queued", "queued", None, old)  # never finished: kept
        add_job(session, "recent-done", "done", "delivered", recent)
        for status, at in (("delivered", old), ("pending", old), ("failed", recent)):
            delivery = add_delivery(session, 1, "http://cms.example/hook", None, at)
            session.get(WebhookDelivery, delivery).status = status
    monkeypatch.setenv("DATABASE_URL", queue_db)
    monkeypatch.delenv("QUOTES_JOB_RETENTION_DAYS", raising=False)

    assert main(["prune"]) == 0  # the setting: 30 days
    assert json.loads(capsys.readouterr().out) == {"older_than_days": 30.0, "jobs": 2, "webhook_deliveries": 1}
    with sessions() as session:
        assert set(session.scalars(select(Job.id))) == {"old-done-webhook-pending", "old-queued", "recent-done"}
    assert [(d.status, d.updated_at) for d in deliveries(sessions)] == [("pending", old), ("failed", recent)]

    assert main(["prune", "--days", "1"]) == 0
    assert json.loads(capsys.readouterr().out) == {"older_than_days": 1.0, "jobs": 1, "webhook_deliveries": 1}
    monkeypatch.setenv("QUOTES_JOB_RETENTION_DAYS", "0")
    assert main(["prune"]) == 2  # retention off: nothing without --days


def test_the_periodic_sweep_publishes_what_nobody_sent_and_prunes(queue_config, sessions, monkeypatch):
    now = utc_now()
    with sessions.begin() as session:
        add_job(session, "old-done", "done", None, now - timedelta(days=40))
        add_job(session, "recent-done", "done", None, now)
        stranded = add_delivery(session, 1, "http://cms.example/hook", None, now - timedelta(minutes=5))
        add_delivery(session, 2, "http://cms.example/hook", None, now)  # just written: its task is on its way
    monkeypatch.setattr(service.tasks, "_last_prune", None)
    app = make_celery({**queue_config, "SWEEP_INTERVAL": 30})
    assert app.conf.beat_schedule["quotes-sweep"]["schedule"] == 30
    published = []
    monkeypatch.setattr(service.tasks, "publish_delivery", lambda app, delivery, **_: published.append(delivery))
    try:
        result = app.tasks[SWEEP_TASK].apply().get()
    finally:
        service.tasks.worker_context(app).engine.dispose()
    assert result == {"published": 1, "jobs": 1, "webhook_deliveries": 0}
    assert published == [stranded]
    with sessions() as session:
        assert list(session.scalars(select(Job.id))) == ["recent-done"]


def test_without_a_broker_the_api_threads_sweep_what_a_dead_process_left(tmp_path, make_api, receiver, monkeypatch):
    app = make_api({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
                    "WEBHOOK_URL": receiver.url, "WEBHOOK_SECRET": SECRET, "SWEEP_INTERVAL": 0.5})
    client = app.test_client()
    with monkeypatch.context() as patch:  # stored, and the process "dies" before handing the webhook over
        patch.setattr("service.api.articles.send_webhook", lambda delivery: None)
        stored = client.post("/v1/articles", json={"text": ARTICLE})
    assert stored.status_code == 201
    client.get("/healthz")  # any request starts the webhook threads; their sweep finds the row
    [payload] = wait_for(lambda: receiver.payloads(), timeout=30)
    assert payload["article"]["id"] == stored.get_json()["id"]
    sessions = app.extensions["db_write"]
    wait_for(lambda: deliveries(sessions)[0].status == "delivered", timeout=10)
    assert deliveries(sessions)[0].attempts == 1 and len(receiver.payloads()) == 1


API_KILLED_AFTER_COMMIT = """
import json, os, signal, sys
import service.api.articles
from service.app import create_app

config, text, callback = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
client = create_app(config).test_client()
# the article and its webhook row are committed; the process dies before publishing the task
service.api.articles.send_webhook = lambda delivery: os.kill(os.getpid(), signal.SIGKILL)
client.post("/v1/articles", json={"text": text, "external_id": "cms-kill", "callback_url": callback})
print("not killed")
"""


def test_an_api_killed_between_commit_and_publish_loses_no_webhook(queue_config, sessions, worker_process,
                                                                   receiver, tmp_path, make_api):
    script = tmp_path / "api_killed.py"
    script.write_text(textwrap.dedent(API_KILLED_AFTER_COMMIT))
    run = subprocess.run([sys.executable, str(script), json.dumps(queue_config), ARTICLE, receiver.url],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-3000:]
    [stranded] = deliveries(sessions)
    assert (stranded.status, stranded.attempts) == ("pending", 0) and receiver.payloads() == []
    with sessions() as session:
        assert session.scalar(select(Article.external_id).where(Article.id == stranded.article_id)) == "cms-kill"
    other_node = make_api(queue_config).test_client()  # /metrics shows it waiting
    metrics = other_node.get("/metrics").get_data(as_text=True)
    assert gauge(metrics, "quotes_webhooks_pending") == 1 and gauge(metrics, "quotes_webhooks_oldest_pending_seconds") > 0

    worker_process({**queue_config, "SWEEP_INTERVAL": 1}, beat=True)  # beat's sweep publishes it again
    [payload] = wait_for(lambda: receiver.payloads(), timeout=120)
    assert payload["article"]["external_id"] == "cms-kill" and payload["quotes"][0]["speaker"]["name"] == "Claire Moreau"
    wait_for(lambda: deliveries(sessions)[0].status == "delivered", timeout=30)
    time.sleep(3)  # three more sweeps: nothing sent twice
    assert len(receiver.payloads()) == 1 and deliveries(sessions)[0].attempts == 1
    metrics = other_node.get("/metrics").get_data(as_text=True)
    assert gauge(metrics, "quotes_webhooks_pending") == 0 and gauge(metrics, "quotes_webhooks_oldest_pending_seconds") == 0


WORKER_KILLED_AFTER_COMMIT = """
import os, signal, sys
import service.tasks
from service.cli import main

# the pool process dies once its article, job and webhook row are committed, before the publish
service.tasks.publish_delivery = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
sys.exit(main(sys.argv[1:]))
"""


def test_a_worker_killed_between_commit_and_publish_loses_no_webhook(queue_config, sessions, make_api,
                                                                     worker_process, receiver, tmp_path):
    client = make_api(queue_config).test_client()
    posted = client.post("/v1/articles", headers={"Prefer": "respond-async"},
                         json={"text": ARTICLE, "callback_url": receiver.url})
    assert posted.status_code == 202
    script = tmp_path / "worker_killed.py"
    script.write_text(textwrap.dedent(WORKER_KILLED_AFTER_COMMIT))
    doomed = worker_process(queue_config, program=[sys.executable, str(script)])
    wait_for(lambda: "signal 9" in doomed.log_path.read_text(), timeout=120)
    # the task came back to a fresh pool process, which found its job done and did nothing
    wait_for(lambda: "succeeded" in doomed.log_path.read_text(), timeout=60)
    doomed.stop()
    job = client.get(posted.headers["Location"]).get_json()
    assert job["status"] == "done" and job["attempts"] == 1 and job["webhook"]["status"] == "pending"
    [stranded] = deliveries(sessions)
    assert (stranded.status, stranded.attempts, stranded.job_id) == ("pending", 0, job["id"])
    assert receiver.payloads() == []

    worker_process({**queue_config, "SWEEP_INTERVAL": 1}, beat=True)
    [payload] = wait_for(lambda: receiver.payloads(), timeout=120)
    assert f"/v1/articles/{payload['article']['id']}" == job["article"]
    job = wait_for(lambda: (state := client.get(posted.headers["Location"]).get_json())["webhook"]["status"]
                   == "delivered" and state)
    assert job["webhook"] == {"status": "delivered", "attempts": 1, "error": None}
    time.sleep(3)
    assert len(receiver.payloads()) == 1


class SlowOnce:
    """The real extractor, but its first batch takes longer than the visibility timeout."""

    def __init__(self, real, seconds: float):
        self.real, self.seconds = real, seconds
        self.calls, self.lock, self.first_done = 0, threading.Lock(), threading.Event()

    def extract(self, text):
        return self.real.extract(text)

    def extract_batch(self, texts):
        with self.lock:
            self.calls += 1
            first = self.calls == 1
        if not first:
            return self.real.extract_batch(texts)
        time.sleep(self.seconds)
        try:
            return self.real.extract_batch(texts)
        finally:
            self.first_done.set()


def test_redis_delivers_a_task_again_past_its_visibility_timeout_and_one_copy_stores(
        queue_config, make_api, thread_worker, extractor):
    config = {**queue_config, "BROKER_URL": REDIS_URL, "VISIBILITY_TIMEOUT": 3}
    client = make_api(config).test_client()
    posted = client.post("/v1/articles", headers={"Prefer": "respond-async"}, json={"text": ARTICLE})
    assert posted.status_code == 202
    slow = SlowOnce(extractor, seconds=15)
    with thread_worker(config, extractor=slow):
        # the first copy is still extracting when Redis gives the task to the second thread
        done = wait_for(lambda: (job := client.get(posted.headers["Location"]).get_json())["status"] == "done" and job)
        assert done["attempts"] == 2 and not slow.first_done.is_set()
        assert slow.first_done.wait(30)  # the first copy finished: it finds its attempt superseded
        time.sleep(1)
    assert client.get(posted.headers["Location"]).get_json()["status"] == "done"
    with client.application.extensions["db_read"]() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 1


def test_a_retry_that_cannot_be_queued_fails_its_job_with_the_reason(queue_config, make_api, thread_worker,
                                                                     extractor, monkeypatch):
    from test_queue import PoisonExtractor

    client = make_api(queue_config).test_client()
    posted = client.post("/v1/articles", headers={"Prefer": "respond-async"}, json={"text": "POISON " + ARTICLE})
    assert posted.status_code == 202

    def broker_down(app, name, args, **options):
        raise service.tasks.BrokerUnavailable("OperationalError: connection refused")

    monkeypatch.setattr(service.tasks, "_publish", broker_down)  # the broker goes down after the post
    with thread_worker(queue_config, extractor=PoisonExtractor(extractor)):
        job = wait_for(lambda: (state := client.get(posted.headers["Location"]).get_json())["status"] == "failed"
                       and state)
    assert job["attempts"] == 1  # never left queued with no task to carry it
    assert job["error"] == ("extraction failed 1 times; last: RuntimeError: poisoned article; its retry could not "
                            "be queued (OperationalError: connection refused)")
