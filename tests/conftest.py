"""Fixtures in the style of Flask's tutorial: ``app``, ``client``; the spaCy pipeline loads once."""
from __future__ import annotations

import pytest

from service.app import create_app
from service.nlp import get_extractor


@pytest.fixture(scope="session")
def extractor():
    return get_extractor()


@pytest.fixture
def app():
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def extract(extractor):
    """``extract(text)`` -> the quotes, checking the offset contract on every call."""

    def run(text: str):
        quotes = extractor.extract(text)
        for q in quotes:
            assert text[q.start:q.end] == q.text
        return quotes

    return run
