"""Use case: an article comes in, its quotes are extracted and stored (API and bulk CLI)."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from .metrics import ARTICLES, EXTRACTION, QUOTES
from .nlp import Quote, QuoteExtractor
from .store.models import Article
from .store.queries import ArticleInput, save_article


def ingest_article(extractor: QuoteExtractor, sessions: sessionmaker[Session], data: ArticleInput) -> tuple[Article, bool]:
    """Extract, then store in one transaction; returns the stored article and whether it is new."""
    quotes = extract_quotes(extractor, data.text)
    with sessions.begin() as session:
        article, created = save_article(session, data, quotes, utc_now())
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
