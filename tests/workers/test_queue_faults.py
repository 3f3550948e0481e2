"""Faults with real processes: a worker SIGKILLed mid-batch, the broker cut, 200 async posts.

The workers are ``python -m service worker`` processes; RabbitMQ is reached directly or through
a proxy the test cuts, as a broker crash would (``tests/hardening/conftest.py``).
"""
from __future__ import annotations

import importlib.util
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from service.bulk import QueueReport, enqueue_records, read_records
from service.store.db import make_sessionmaker
from service.store.models import Article, Job
from service.tasks import make_celery
from workers_support import AMQP_URL, REDIS_URL, wait_for

ROOT = Path(__file__).resolve().parents[2]
# the hardening tests' cuttable TCP proxy, loaded from their conftest under a name of its own
_spec = importlib.util.spec_from_file_location("hardening_support", ROOT / "tests" / "hardening" / "conftest.py")
_hardening = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hardening)
CuttableProxy = _hardening.CuttableProxy
ARTICLE = "« Le chantier reprendra lundi », a annoncé Lucie Morvan, présidente du port de {town}."


def job_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return dict(connection.execute(select(Job.status, func.count()).group_by(Job.status)).all())
    finally:
        engine.dispose()


@pytest.mark.parametrize("broker", [AMQP_URL, REDIS_URL], ids=["rabbitmq", "redis"])
def test_a_worker_killed_mid_batch_has_its_tasks_redelivered_and_each_article_stored_once(
        broker, queue_config, make_api, worker_process, tmp_path):
    # RabbitMQ gives a dead consumer's tasks back at once; Redis once they were held longer than
    # the visibility timeout (30 s here: well above a task of six articles and one in the prefetch)
    queue_config = {**queue_config, "BROKER_URL": broker, "VISIBILITY_TIMEOUT": 30}
    client = make_api(queue_config).test_client()
    # real articles (about 0.1 s of extraction each), six to a task, through ingest --queue
    texts = sorted((ROOT / "tests" / "devset").glob("*.txt")) + sorted((ROOT / "tests" / "devset2").glob("*.txt"))
    sessions = make_sessionmaker(client.application.extensions["db_engine"], write=True)
    report = enqueue_records(read_records(texts, []), make_celery(queue_config), sessions, QueueReport(),
                             batch_size=6, progress=False, wait=False)
    assert report.enqueued == len(texts) == 18
    # and articles with no identifier at all: only their job keeps them from being stored twice
    posted = [client.post("/v1/articles", headers={"Prefer": "respond-async"},
                          json={"text": ARTICLE.format(town=town)}) for town in ("Brest", "Sète", "Bayonne")]
    assert all(response.status_code == 202 for response in posted)

    worker = worker_process(queue_config)
    wait_for(lambda: {"done", "running"} <= set(job_counts(queue_config["DATABASE_URL"])), interval=0.05)
    worker.kill()  # some articles stored, others in the worker's hands
    with sessions() as session:
        in_hand = set(session.scalars(select(Job.id).where(Job.status == "running")))
    assert in_hand and job_counts(queue_config["DATABASE_URL"])["done"] < 21

    worker_process(queue_config)  # a fresh worker gets the unacknowledged tasks again
    wait_for(lambda: job_counts(queue_config["DATABASE_URL"]) == {"done": 21}, timeout=240)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 21
        assert session.scalar(select(func.count(func.distinct(Article.text)))) == 21
        articles = {job.article_id for job in session.scalars(select(Job))}
        assert len(articles) == 21 and None not in articles
        # those the killed worker held were delivered again, and run a second time
        assert {job.attempts for job in session.scalars(select(Job).where(Job.id.in_(in_hand)))} == {2}


def test_broker_down_async_posts_get_503_the_rest_works_and_it_recovers_by_itself(
        queue_config, make_api, thread_worker):
    proxy = CuttableProxy("127.0.0.1", 5672)
    try:
        client = make_api({**queue_config, "BROKER_URL": f"amqp://guest:guest@127.0.0.1:{proxy.port}//"}).test_client()
        article = {"text": ARTICLE.format(town="Brest")}
        assert client.post("/v1/articles", json=article, headers={"Prefer": "respond-async"}).status_code == 202

        proxy.down()
        refused = client.post("/v1/articles", json={"text": ARTICLE.format(town="Sète")},
                              headers={"Prefer": "respond-async"})
        assert refused.status_code == 503 and refused.mimetype == "application/problem+json"
        assert int(refused.headers["Retry-After"]) > 0 and "queue" in refused.get_json()["detail"]
        assert client.post("/v1/articles", json={"text": ARTICLE.format(town="Sète")}).status_code == 201
        assert len(client.get("/v1/quotes?speaker=morvan").get_json()["items"]) == 1
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.get_json()["status"] == "degraded"
        assert ready.get_json()["checks"]["broker"] != "ok" and ready.get_json()["checks"]["database"] == "ok"
        assert "quotes_broker_up 0.0" in client.get("/metrics").get_data(as_text=True)
        with client.application.extensions["db_read"]() as session:
            assert session.scalar(select(func.count()).select_from(Job)) == 1  # no job for the refused post

        proxy.up()
        again = client.post("/v1/articles", json={"text": ARTICLE.format(town="Bayonne")},
                            headers={"Prefer": "respond-async"})
        assert again.status_code == 202
        assert client.get("/readyz").get_json()["status"] == "ok"
        with thread_worker(queue_config):  # the worker reaches the broker directly
            wait_for(lambda: client.get(again.headers["Location"]).get_json()["status"] == "done")
        assert len(client.get("/v1/quotes?speaker=morvan").get_json()["items"]) == 3
    finally:
        proxy.down()


def test_200_async_posts_all_done_stored_once_webhooks_delivered_and_signed(
        queue_config, make_api, worker_process, receiver):
    client = make_api(queue_config).test_client()
    towns = [f"Ville-{i}" for i in range(200)]
    locations = []
    for town in towns:
        response = client.post("/v1/articles", headers={"Prefer": "respond-async"},
                               json={"text": ARTICLE.format(town=town), "external_id": f"afp-{town}",
                                     "callback_url": receiver.url})
        assert response.status_code == 202
        locations.append(response.headers["Location"])
    queue = queue_config["QUEUE_NAME"]
    assert f'quotes_queue_depth{{queue="{queue}.ingest"}} 200.0' in client.get("/metrics").get_data(as_text=True)
    port = _hardening.free_port()
    worker_process(queue_config, concurrency=2, metrics_port=port)
    wait_for(lambda: job_counts(queue_config["DATABASE_URL"]) == {"done": 200}, timeout=240, interval=0.5)
    wait_for(lambda: len({p["article"]["id"] for p in receiver.payloads()}) == 200, timeout=120, interval=0.5)
    assert f'quotes_queue_depth{{queue="{queue}.ingest"}} 0.0' in client.get("/metrics").get_data(as_text=True)
    # the workers' own metrics, summed over the pool processes
    scraped = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    assert 'quotes_task_seconds_count{task="ingest"} 200.0' in scraped
    assert 'quotes_webhooks_total{outcome="delivered"} 200.0' in scraped
    payloads = receiver.payloads()  # each signature checked
    assert sorted(p["article"]["external_id"] for p in payloads) == sorted(f"afp-{town}" for town in towns)
    assert all(len(p["quotes"]) == 1 and p["quotes"][0]["speaker"]["name"] == "Lucie Morvan" for p in payloads)
    with client.application.extensions["db_read"]() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 200
        assert session.scalar(select(func.count()).select_from(Job).where(Job.webhook_status == "delivered")) == 200
    assert client.get(locations[-1]).get_json()["article"].startswith("/v1/articles/")
