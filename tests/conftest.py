"""Fixtures in the style of Flask's tutorial. The spaCy pipeline loads once per session.

``store_app``/``store_client`` run against SQLite always and PostgreSQL too when
``TEST_DATABASE_URL`` is set (``.ci/run`` sets it to the local server). Under pytest-xdist each
worker process has a PostgreSQL database of its own, created next to ``TEST_DATABASE_URL``'s for
the session and dropped after it.

Hypothesis runs derandomized, so that CI is repeatable; ``HYPOTHESIS_PROFILE=explore`` draws new
examples each run, to hunt for bugs (with ``CONTRACT_EXAMPLES=1000`` for the contract tests).
"""
from __future__ import annotations

import os

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from service.app import create_app
from service.nlp import get_extractor
from service.store.models import Base

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])

# The modules whose tests take tens of seconds (a pip install, gunicorn and Celery processes
# started and killed, a browser), slowest first: under pytest-xdist they are run first, handed
# out a test or two at a time (addopts' --maxschedchunk), so that they spread over the workers
# instead of ending the run on one of them.
SLOW_FIRST = ["tests/test_docker_steps.py", "tests/workers/test_queue_faults.py", "tests/workers/test_outbox.py",
              "tests/hardening/test_durability.py", "tests/web/test_browser.py", "tests/hardening/test_access_log.py",
              "tests/hardening/test_hostile_extraction.py", "tests/hardening/test_hostile_http.py",
              "tests/workers/test_queue.py"]


def pytest_collection_modifyitems(config, items):
    if hasattr(config, "workerinput"):  # an xdist worker; every worker sorts alike
        rank = {path: i for i, path in enumerate(SLOW_FIRST)}
        items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(SLOW_FIRST)))


@pytest.fixture(scope="session")
def extractor():
    return get_extractor()


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'test.sqlite3'}"})
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def postgresql_url():
    """``TEST_DATABASE_URL``, or under pytest-xdist a fresh database of this worker's on its server
    (named after the run and the worker, so that runs at the same time never meet)."""
    url = os.environ["TEST_DATABASE_URL"]
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        yield url
        return
    base = make_url(url)
    name = f"{base.database}_{worker}_{os.environ.get('PYTEST_XDIST_TESTRUNUID', '')[:8]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    url = request.getfixturevalue("postgresql_url")
    engine = create_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    return url


@pytest.fixture
def make_store_app(database_url):
    """``make_store_app(**settings)`` -> an app on the test database; engines closed after the test."""
    apps = []

    def make(**settings):
        apps.append(create_app({"TESTING": True, "DATABASE_URL": database_url, **settings}))
        return apps[-1]

    yield make
    for app in apps:
        app.extensions["db_engine"].dispose()


@pytest.fixture
def store_app(make_store_app):
    return make_store_app()


@pytest.fixture
def store_client(store_app):
    return store_app.test_client()


@pytest.fixture
def extract(extractor):
    """``extract(text)`` -> the quotes, checking the offset contract on every call."""

    def run(text: str):
        quotes = extractor.extract(text)
        for q in quotes:
            assert text[q.start:q.end] == q.text
        return quotes

    return run
