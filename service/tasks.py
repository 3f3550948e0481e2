"""The queue: the Celery app and its tasks (``QUOTES_BROKER_URL``: ``amqp://…`` or ``redis://…``).

    python -m service worker --concurrency 2      # or: celery -A service.tasks worker

``ingest_articles`` runs the same use case as ``POST /v1/articles`` (``service.ingest``) on a list
of articles, extracted in one ``nlp.pipe`` batch; each article is stored in its own transaction,
with its job marked ``done`` in that transaction. Tasks are acknowledged late with a prefetch of
one, so the tasks of a killed worker are delivered again; the jobs already done are skipped then,
so nothing is stored twice; a copy that runs while another still does (Redis's visibility
timeout ran out) stores nothing either, as its job moved on to another attempt. An article whose
extraction raises is tried again later (exponential backoff) on its own, then its job fails with
the reason; the rest of its batch goes on. The webhook of a stored article is a row of the outbox,
written in the transaction that stores it; ``deliver_webhook`` POSTs it to its ``callback_url``
with retries, and ``sweep`` (Celery beat, every ``QUOTES_SWEEP_INTERVAL``) publishes again the
deliveries whose publish was lost and prunes old jobs (``QUOTES_JOB_RETENTION_DAYS``).

Each worker process loads the spaCy model once, when it starts (``worker_process_init``).
"""
from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from dataclasses import asdict
import tempfile
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from celery import Celery, shared_task, signals
from celery import current_app as current_celery
from kombu.exceptions import OperationalError as BrokerError
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy.exc import OperationalError as DatabaseError

from .config import load_config
from .ingest import store_quotes, utc_now
from .metrics import ARTICLES, QUOTES, TASK_FAILURES, TASK_RETRIES, TASK_SECONDS
from .store.jobs import NewJob, claim, finish, mark, record_jobs, requeue
from .store.outbox import add_delivery, prune
from .store.queries import ArticleConflict, ArticleInput
from .webhooks import backoff, deliver, sweep_due

log = logging.getLogger(__name__)
INGEST_TASK, WEBHOOK_TASK, SWEEP_TASK = "quotes.ingest_articles", "quotes.deliver_webhook", "quotes.sweep"
# publishing from the API: a broker that is down is known within about two seconds
PUBLISH_RETRY = {"max_retries": 1, "interval_start": 0.2, "interval_step": 0.5, "interval_max": 1}
BROKER_ERRORS = (BrokerError, OSError)


class BrokerUnavailable(Exception):
    """The broker could not take the task."""


class Superseded(Exception):
    """Another copy of the task took the job meanwhile: this one stores nothing."""


def make_celery(config: dict[str, Any], current: bool = False) -> Celery:
    """A Celery app on ``config["BROKER_URL"]`` (settings as for ``create_app``: the rest from
    the environment); the tasks below belong to every such app."""
    config = load_config(config)
    queue = config["QUEUE_NAME"]
    app = Celery("service", broker=config["BROKER_URL"], set_as_current=current)
    if (config["BROKER_URL"] or "").startswith(("redis", "rediss", "sentinel")):
        # Redis has no acknowledgements: a task a worker took sits in an "unacked" hash, and any
        # worker puts back in the queue those held longer than the visibility timeout (a worker
        # killed without a chance to give them back). Every worker looks for them each tenth of
        # it (at most every minute), so a killed worker's tasks run again after 1.1 x the timeout.
        timeout = config["VISIBILITY_TIMEOUT"]
        app.conf.broker_transport_options = {
            "visibility_timeout": timeout,
            "unacked_restore_interval": max(1, min(60, timeout // 10)),
            "unacked_restore_throttle": 1,  # look every interval, not every tenth
            "socket_connect_timeout": 2,
        }
    app.conf.update(
        task_acks_late=True,  # acknowledged after the task ran: a killed worker's tasks come back
        task_reject_on_worker_lost=True,  # …also when only the pool process running it died
        worker_prefetch_multiplier=1,  # a worker holds one task beyond those it runs
        task_ignore_result=True,  # the jobs table is the result
        task_serializer="json", accept_content=["json"],
        task_default_queue=f"{queue}.ingest",
        task_routes={WEBHOOK_TASK: {"queue": f"{queue}.webhooks"}, SWEEP_TASK: {"queue": f"{queue}.webhooks"}},
        # `python -m service beat` (one per deployment) or `worker --beat`: the outbox sweep
        beat_schedule={"quotes-sweep": {"task": SWEEP_TASK, "schedule": config["SWEEP_INTERVAL"],
                                        "options": {"expires": config["SWEEP_INTERVAL"]}}},
        beat_schedule_filename=os.path.join(tempfile.gettempdir(), f"quotes-beat-{queue}"),
        # a pool process loads the model before it reports up (seconds on a busy machine): the
        # default of 4 s had the pool kill each process that replaced a dead one, over and over
        worker_proc_alive_timeout=300,
        broker_connection_timeout=2,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        quotes_config=config,
    )
    return app


celery_app = make_celery({}, current=True)  # the worker's: `celery -A service.tasks worker`


def queues(app: Celery) -> list[str]:
    name = app.conf.quotes_config["QUEUE_NAME"]
    return [f"{name}.ingest", f"{name}.webhooks"]


# -- publishing (API, ingest --queue) --------------------------------------------------------------
def enqueue(app: Celery, jobs: list[NewJob], batch: str | None = None) -> None:
    """Publish one task for ``jobs`` (extracted together); raises ``BrokerUnavailable``."""
    items = [{"job": job.id, "article": article_message(job.article), "callback_url": job.callback_url}
             for job in jobs]
    _publish(app, INGEST_TASK, [items, batch], task_id=jobs[0].id if len(jobs) == 1 else None)


def publish_delivery(app: Celery, delivery_id: int, countdown: float | None = None) -> None:
    """Publish the task of an outbox delivery; raises ``BrokerUnavailable`` (the sweep will)."""
    _publish(app, WEBHOOK_TASK, [delivery_id], countdown=countdown)


def _publish(app: Celery, name: str, args: list, **options) -> None:
    try:
        app.send_task(name, args=args, retry=True, retry_policy=PUBLISH_RETRY, **options)
    except BROKER_ERRORS as error:
        raise BrokerUnavailable(f"{type(error).__name__}: {error}") from error


def article_message(article: ArticleInput) -> dict[str, Any]:
    data = asdict(article)
    if article.published_at is not None:
        data["published_at"] = article.published_at.isoformat()
    return data


def article_from_message(data: dict[str, Any]) -> ArticleInput:
    if data.get("published_at"):
        data = {**data, "published_at": datetime.fromisoformat(data["published_at"])}
    return ArticleInput(**data)


def broker_status(app: Celery) -> str:
    """``ok``, or why the broker cannot be reached (for ``/readyz``)."""
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=2)
        return "ok"
    except BROKER_ERRORS as error:
        return type(error).__name__


class QueueCollector:
    """``quotes_queue_depth{queue}`` and ``quotes_broker_up``, read from the broker at scrape time."""

    def __init__(self, app: Celery):
        self.app = app

    def collect(self):
        depth = GaugeMetricFamily("quotes_queue_depth", "Tasks waiting in the broker", labels=["queue"])
        up = 1
        try:
            with self.app.connection_for_read() as connection:
                connection.ensure_connection(max_retries=1, interval_start=0, timeout=2)
                for name in queues(self.app):
                    depth.add_metric([name], _depth(connection, name))
        except BROKER_ERRORS:
            up = 0
        yield depth
        yield GaugeMetricFamily("quotes_broker_up", "1 when the broker answered this scrape", value=up)


def _depth(connection, name: str) -> int:
    channel = connection.channel()
    try:
        return channel.queue_declare(queue=name, passive=True).message_count
    except connection.channel_errors:  # not declared yet: no worker started
        return 0
    finally:
        try:
            channel.close()
        except Exception:  # noqa: BLE001 - a channel the broker closed already
            pass


# -- the worker side -------------------------------------------------------------------------------
class WorkerContext:
    """What a worker process needs: settings, database sessions, and the model (loaded once)."""

    def __init__(self, config: dict[str, Any]):
        from .store.db import make_engine, make_sessionmaker

        self.config = config
        self.engine = make_engine(config["DATABASE_URL"])
        self.sessions = make_sessionmaker(self.engine, write=True)

    @cached_property
    def extractor(self):
        from .nlp import get_extractor

        return get_extractor(self.config["SPACY_MODEL"])


_contexts: dict[int, WorkerContext] = {}
_contexts_lock = threading.Lock()


def worker_context(app: Celery) -> WorkerContext:
    with _contexts_lock:
        if id(app) not in _contexts:
            _contexts[id(app)] = WorkerContext(app.conf.quotes_config)
        return _contexts[id(app)]


@signals.worker_init.connect
def _migrate(sender=None, **_) -> None:
    """Once per worker, before the pool starts: the jobs table exists."""
    config = sender.app.conf.quotes_config
    if config["MIGRATE_ON_START"]:
        from .store.db import make_engine, upgrade

        engine = make_engine(config["DATABASE_URL"])
        upgrade(engine)
        engine.dispose()


@signals.worker_process_init.connect
def _load_model(**_) -> None:
    """In each pool process, after the fork: the model and the database connections."""
    worker_context(current_celery._get_current_object()).extractor
    log.info("pool process %d: model loaded", os.getpid())


@shared_task(bind=True, name=INGEST_TASK, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def ingest_articles(self, items: list[dict[str, Any]], batch: str | None = None) -> None:
    """Extract the articles in one batch and store each with its job marked ``done``."""
    started = time.perf_counter()
    try:
        _ingest(self, worker_context(self.app), items, batch)
    finally:
        TASK_SECONDS.labels("ingest").observe(time.perf_counter() - started)


def _ingest(task, context: WorkerContext, items: list[dict[str, Any]], batch: str | None) -> None:
    config = context.config
    jobs = [NewJob(item["job"], article_from_message(item["article"]), item.get("callback_url"), batch)
            for item in items]
    with context.sessions.begin() as session:
        now = utc_now()
        record_jobs(session, jobs, now)  # the publisher records them after publishing: maybe not yet
        attempts, given_up = claim(session, [job.id for job in jobs], config["TASK_ATTEMPTS"], now)
    TASK_FAILURES.labels("ingest").inc(len(given_up))
    todo = [job for job in jobs if job.id in attempts]
    if not todo:
        return
    for job, result in zip(todo, _extract(context.extractor, [job.article.text for job in todo])):
        if isinstance(result, Exception):
            _extraction_failed(task, context, job, attempts[job.id], result)
            continue
        url = job.callback_url or config["WEBHOOK_URL"]
        deliveries: list[int] = []

        def done(session, article, job=job, url=url, deliveries=deliveries):
            # in the article's transaction: the job (if this is still its attempt) and the webhook
            now = utc_now()
            if not finish(session, job.id, attempts[job.id], now, article_id=article.id,
                          webhook_status="pending" if url else None):
                raise Superseded(job.id)
            if url:
                deliveries.append(add_delivery(session, article.id, url, job.id, now))

        try:
            store_quotes(context.sessions, job.article, result, then=done)
        except Superseded:
            log.warning("job %s: another copy of its task took it over; this one stores nothing", job.id)
            continue
        except ArticleConflict as conflict:
            with context.sessions.begin() as session:
                mark(session, job.id, utc_now(), status="failed", error=str(conflict))
            TASK_FAILURES.labels("ingest").inc()
            continue
        for delivery in deliveries:
            try:
                publish_delivery(task.app, delivery)
            except BrokerUnavailable:
                log.warning("webhook delivery %d not published; the sweep will send it", delivery)


def _extract(extractor, texts: list[str]) -> list:
    """The quotes of each text, in one batch; if the batch raises, text by text, so that one
    poison article gets its exception and the others their quotes."""
    try:
        results = extractor.extract_batch(texts)
    except Exception:  # noqa: BLE001 - isolate the article that raises
        results = []
        for text in texts:
            try:
                results.append(extractor.extract(text))
            except Exception as error:  # noqa: BLE001
                results.append(error)
    good = [r for r in results if not isinstance(r, Exception)]
    ARTICLES.inc(len(good))
    QUOTES.inc(sum(map(len, good)))
    return results


def _extraction_failed(task, context: WorkerContext, job: NewJob, attempt: int, error: Exception) -> None:
    reason = f"{type(error).__name__}: {error}"[:1000]
    log.warning("extraction of job %s failed (attempt %d): %s", job.id, attempt, reason)
    if attempt < context.config["TASK_ATTEMPTS"]:
        # published first, then the job marked queued if its retry has not claimed it already:
        # no crash in between leaves a queued job that no task carries
        items = [{"job": job.id, "article": article_message(job.article), "callback_url": job.callback_url}]
        try:
            _publish(task.app, INGEST_TASK, [items, job.batch], countdown=backoff(context.config, attempt))
        except BrokerUnavailable as down:
            reason = f"{reason}; its retry could not be queued ({down})"[:1000]
        else:
            with context.sessions.begin() as session:
                requeue(session, job.id, attempt, utc_now(), error=f"attempt {attempt}: {reason}")
            TASK_RETRIES.labels("ingest").inc()
            return
    with context.sessions.begin() as session:
        mark(session, job.id, utc_now(), status="failed",
             error=f"extraction failed {attempt} times; last: {reason}")
    TASK_FAILURES.labels("ingest").inc()


@shared_task(bind=True, name=WEBHOOK_TASK, max_retries=None)
def deliver_webhook(self, delivery_id: int, url: str | None = None, job_id: str | None = None) -> None:
    """One attempt at an outbox delivery; a failure publishes the next one after a backoff (if
    that publish is lost, the sweep sends it)."""
    context = worker_context(self.app)
    if url is not None:  # a task published before the outbox: (article_id, url, job_id)
        with context.sessions.begin() as session:
            delivery_id = add_delivery(session, delivery_id, url, job_id, utc_now())
    started = time.perf_counter()
    try:
        outcome = deliver(context.config, context.sessions, delivery_id)
    finally:
        TASK_SECONDS.labels("webhook").observe(time.perf_counter() - started)
    if outcome.outcome == "failed":
        TASK_FAILURES.labels("webhook").inc()
    if outcome.retry_in is not None:
        TASK_RETRIES.labels("webhook").inc()
        try:
            publish_delivery(self.app, delivery_id, countdown=outcome.retry_in)
        except BrokerUnavailable:
            log.warning("retry of webhook delivery %d not published; the sweep will send it", delivery_id)


_last_prune: float | None = None  # monotonic time of this process's last prune


@shared_task(bind=True, name=SWEEP_TASK, ignore_result=True)
def sweep(self) -> dict[str, int]:
    """The periodic sweep: publish the outbox deliveries nobody took; prune old jobs (at most
    once an hour per process)."""
    global _last_prune
    context = worker_context(self.app)
    swept = sweep_due(context.config, context.sessions)
    for delivery in swept:
        publish_delivery(self.app, delivery)
    result = {"published": len(swept)}
    if context.config["JOB_RETENTION_DAYS"] > 0 and (_last_prune is None or time.monotonic() - _last_prune > 3600):
        result.update(prune_jobs(context.config, context.sessions))
        _last_prune = time.monotonic()
    if swept:
        log.info("sweep: %d webhook deliveries published again", len(swept))
    return result


def prune_jobs(config: dict[str, Any], sessions, days: float | None = None) -> dict[str, int]:
    """Delete finished jobs and deliveries older than the retention (``days``, else the setting)."""
    days = config["JOB_RETENTION_DAYS"] if days is None else days
    with sessions.begin() as session:
        return prune(session, utc_now() - timedelta(days=days))


def new_job_id() -> str:
    return str(uuid.uuid4())


# -- worker metrics --------------------------------------------------------------------------------
def serve_worker_metrics(port: int) -> None:
    """Serve the pool processes' metrics, summed, on ``port`` (``PROMETHEUS_MULTIPROC_DIR`` set)."""
    from prometheus_client import CollectorRegistry, multiprocess, start_http_server

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    start_http_server(port, registry=registry)


@signals.worker_process_shutdown.connect
def _forget_process(pid=None, **_) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid or os.getpid())
