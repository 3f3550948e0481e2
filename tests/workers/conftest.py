"""The queue against the real brokers of the machine (RabbitMQ on 5672, Redis on 6379, started by
``.ci/run``), and PostgreSQL when ``TEST_DATABASE_URL`` is set (else an SQLite file).

Each test gets its own queue names and its own database, so that tests run by other people on
the same servers at the same time never see its tasks or rows. Workers are either real
``python -m service worker`` processes (to kill them) or Celery's embedded test worker in a
thread of the test process (to give it an extractor that raises).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from service.app import create_app
from service.tasks import make_celery, queues, worker_context
from workers_support import AMQP_URL, REDIS_URL, SECRET, Receiver

ROOT = Path(__file__).resolve().parents[2]
@pytest.fixture
def queue_name():
    """A fresh queue prefix; its queues are deleted from both brokers afterwards."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    yield name
    for url in (AMQP_URL, REDIS_URL):
        app = make_celery({"BROKER_URL": url, "QUEUE_NAME": name})
        try:
            with app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1)
                channel = connection.default_channel
                for queue in queues(app):
                    try:
                        channel.queue_delete(queue)
                    except connection.channel_errors:
                        channel = connection.channel()
        except Exception:  # noqa: BLE001 - a broker a test cut stays cut: nothing to clean there
            pass


@pytest.fixture
def queue_db(tmp_path):
    """A database of the test's own: a fresh PostgreSQL database, or an SQLite file."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path / 'queue.sqlite3'}"
        return
    name = f"queue_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def queue_config(queue_db, queue_name):
    """Settings shared by the API, the workers and the CLI of one test (short backoffs)."""
    return {"TESTING": True, "DATABASE_URL": queue_db, "BROKER_URL": AMQP_URL, "QUEUE_NAME": queue_name,
            "RETRY_BACKOFF": 0.2, "TASK_ATTEMPTS": 3, "WEBHOOK_ATTEMPTS": 3, "WEBHOOK_TIMEOUT": 2.0,
            "WEBHOOK_SECRET": SECRET}


@pytest.fixture
def make_api():
    apps = []

    def make(config: dict):
        apps.append(create_app(config))
        return apps[-1]

    yield make
    for app in apps:
        if app.extensions["celery"] is not None:
            app.extensions["celery"].close()
        app.extensions["db_engine"].dispose()


@pytest.fixture
def thread_worker():
    """``with thread_worker(config, extractor=None):`` Celery's embedded worker, in this process."""
    started = []

    def start(config: dict, extractor=None, concurrency: int = 2):
        app = make_celery(config)
        app.conf.broker_heartbeat = 0  # else stopping the embedded worker waits 10 s on RabbitMQ
        context = worker_context(app)
        if extractor is not None:
            context.__dict__["extractor"] = extractor  # instead of the cached model
        started.append(context)
        return start_worker(app, pool="threads", concurrency=concurrency, perform_ping_check=False,
                            queues=queues(app), loglevel="WARNING", shutdown_timeout=30)

    yield start
    for context in started:
        context.engine.dispose()


class WorkerProcess:
    """``python -m service worker`` in its own process group, ready when Celery says so."""

    def __init__(self, config: dict, log_path: Path, concurrency: int = 1, metrics_port: int = 0,
                 beat: bool = False, program: list[str] | None = None):
        env = {**os.environ, "DATABASE_URL": config["DATABASE_URL"], "QUOTES_BROKER_URL": config["BROKER_URL"],
               "QUOTES_QUEUE_NAME": config["QUEUE_NAME"], "QUOTES_RETRY_BACKOFF": str(config["RETRY_BACKOFF"]),
               "QUOTES_WEBHOOK_SECRET": config["WEBHOOK_SECRET"],
               "QUOTES_WEBHOOK_TIMEOUT": str(config["WEBHOOK_TIMEOUT"]),
               "QUOTES_TASK_ATTEMPTS": str(config["TASK_ATTEMPTS"]),
               "QUOTES_WEBHOOK_ATTEMPTS": str(config["WEBHOOK_ATTEMPTS"]),
               **{f"QUOTES_{key}": str(config[key]) for key in ("VISIBILITY_TIMEOUT", "SWEEP_INTERVAL")
                  if key in config},
               "TMPDIR": str(log_path.parent)}  # beat's schedule file goes with the test's files
        self.log_path = log_path
        self.log = open(log_path, "a")
        start = log_path.stat().st_size
        self.process = subprocess.Popen(
            [*(program or [sys.executable, "-m", "service"]), "worker", "--concurrency", str(concurrency),
             "--metrics-port", str(metrics_port), *(["--beat"] if beat else [])], cwd=ROOT, env=env,
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 180
        while " ready." not in log_path.read_text()[start:]:
            assert self.process.poll() is None, log_path.read_text()[-3000:]
            assert time.monotonic() < deadline, "the worker did not start"
            time.sleep(0.3)

    def kill(self) -> None:
        """SIGKILL to the worker and its pool processes: nothing is acknowledged, nothing cleaned."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture
def worker_process(tmp_path):
    workers: list[WorkerProcess] = []

    def start(config: dict, concurrency: int = 1, metrics_port: int = 0, beat: bool = False,
              program: list[str] | None = None) -> WorkerProcess:
        workers.append(WorkerProcess(config, tmp_path / "worker.log", concurrency, metrics_port, beat, program))
        return workers[-1]

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()
