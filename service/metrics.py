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

# the queue (service/tasks.py): recorded by the workers, served by `python -m service worker --metrics-port`
TASK_SECONDS = Histogram("quotes_task_seconds", "Time a worker spent on one task", ["task"],
                         buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120))
TASK_RETRIES = Counter("quotes_task_retries_total", "Articles or webhooks scheduled again after a failure", ["task"])
TASK_FAILURES = Counter("quotes_task_failures_total", "Jobs failed for good (bounded retries used up)", ["task"])
WEBHOOKS = Counter("quotes_webhooks_total", "Webhook deliveries by outcome", ["outcome"])


def render_metrics(*live) -> tuple[bytes, str]:
    """The process's (or every gunicorn worker's) metrics, then those of the ``live`` collectors,
    read at each scrape (the queue's depth)."""
    extra = CollectorRegistry()
    for collector in live:
        extra.register(collector)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry) + generate_latest(extra), CONTENT_TYPE_LATEST
    from prometheus_client import REGISTRY

    return generate_latest(REGISTRY) + generate_latest(extra), CONTENT_TYPE_LATEST
