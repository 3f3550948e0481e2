"""Fixtures in the style of Flask's tutorial. The spaCy pipeline loads once per session.

``store_app``/``store_client`` run against SQLite always and PostgreSQL too when
``TEST_DATABASE_URL`` is set (``.ci/run`` sets it to the local server).

Hypothesis runs derandomized, so that CI is repeatable; ``HYPOTHESIS_PROFILE=explore`` draws new
examples each run, to hunt for bugs (with ``CONTRACT_EXAMPLES=1000`` for the contract tests).
"""
from __future__ import annotations

import os

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text

from service.app import create_app
from service.nlp import get_extractor
from service.store.models import Base

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


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


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    url = os.environ["TEST_DATABASE_URL"]
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
