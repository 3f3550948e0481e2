"""Use case: an article comes in, its quotes are extracted and stored (API and bulk CLI)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from .metrics import ARTICLES, EXTRACTION, QUOTES
from .nlp import Quote, QuoteExtractor
from .store.models import Article
from .store.queries import ArticleInput, save_article


def ingest_article(extractor: QuoteExtractor, sessions: sessionmaker[Session], data: ArticleInput,
                   then: Callable[[Session, Article], None] | None = None) -> tuple[Article, bool]:
    """Extract, then store in one transaction (``then`` as for ``store_quotes``); returns the
    stored article and whether it is new."""
    return store_quotes(sessions, data, extract_quotes(extractor, data.text), then=then)


def store_quotes(sessions: sessionmaker[Session], data: ArticleInput, quotes: list[Quote],
                 then: Callable[[Session, Article], None] | None = None) -> tuple[Article, bool]:
    """Store the article and its quotes in one transaction, in which ``then(session, article)``
    runs too (the queue marks its job done there); returns the article and whether it is new."""
    with sessions.begin() as session:
        article, created = save_article(session, data, quotes, utc_now())
        if then is not None:
            then(session, article)
        article.quotes  # load them before the session closes
        return article, created


def extract_quotes(extractor: QuoteExtractor, text: str) -> list[Quote]:
    """Extract, counted and timed for ``/metrics``."""
    with EXTRACTION.time():
        quotes = extractor.extract(text)
    ARTICLES.inc()
    QUOTES.inc(len(quotes))
    return quotes


def utc_now() -> datetime:
    """Naive UTC, as every date is stored."""
    return datetime.now(UTC).replace(tzinfo=None)
