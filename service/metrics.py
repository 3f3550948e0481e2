"""Prometheus metrics. Under gunicorn with ``PROMETHEUS_MULTIPROC_DIR`` set, every worker
writes its own files and ``/metrics`` adds them up."""
from __future__ import annotations

import os

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

REQUESTS = Counter("quotes_http_requests_total", "HTTP requests", ["method", "endpoint", "status"])
LATENCY = Histogram("quotes_http_request_seconds", "HTTP request latency", ["method", "endpoint"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
ARTICLES = Counter("quotes_articles_extracted_total", "Articles run through the extractor")
QUOTES = Counter("quotes_quotes_extracted_total", "Quotes found by the extractor")
EXTRACTION = Histogram("quotes_extraction_seconds", "Time to extract the quotes of one article",
                       buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))


def render_metrics() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    from prometheus_client import REGISTRY

    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
