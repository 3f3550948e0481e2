"""Settings: defaults, then the environment, then the overrides given to ``create_app``."""
from __future__ import annotations

import os
from typing import Any


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value in (None, "") else value.strip().lower() in ("1", "true", "yes", "on")


def load_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    # the largest text extracted in a request: real articles cost ~16 s per 100 kB on a loaded
    # 2-core machine and no text more than 3 times that (bench/adversarial.py), within the
    # worker timeout (QUOTES_TIMEOUT, 60 s); bigger documents go through `python -m service ingest`
    max_text = _int("QUOTES_MAX_TEXT_BYTES", 100_000)
    config: dict[str, Any] = {
        "SPACY_MODEL": os.environ.get("QUOTES_SPACY_MODEL", "fr_core_news_md"),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or "sqlite:///quotes.sqlite3",
        "MIGRATE_ON_START": _flag("QUOTES_MIGRATE_ON_START", True),
        # a database that accepts connections but never answers must not hold a worker for
        # good: connecting gives up after this (PostgreSQL; at least 2 s), a statement or a
        # wait for SQLite's write lock after the other; then 503 with Retry-After
        "DB_CONNECT_TIMEOUT": _int("QUOTES_DB_CONNECT_TIMEOUT", 5),
        "DB_STATEMENT_TIMEOUT": _float("QUOTES_DB_STATEMENT_TIMEOUT", 30.0),
        # reverse proxies in front of the service whose X-Forwarded-* headers are trusted
        # (werkzeug's ProxyFix); 0: none, the headers are ignored
        "PROXY_COUNT": _int("QUOTES_PROXY_COUNT", 0),
        "API_KEYS": _list("QUOTES_API_KEYS"),
        "PROTECT_READS": _flag("QUOTES_PROTECT_READS", False),
        "CORS_ORIGINS": _list("QUOTES_CORS_ORIGINS"),
        "LOG_LEVEL": os.environ.get("QUOTES_LOG_LEVEL", "INFO"),
        "RESPONSE_CACHE_ENTRIES": _int("QUOTES_RESPONSE_CACHE_ENTRIES", 2048),
        "MAX_TEXT_BYTES": max_text,
        # the queue (service/tasks.py): unset, everything runs in-process
        "BROKER_URL": os.environ.get("QUOTES_BROKER_URL") or None,
        "QUEUE_NAME": os.environ.get("QUOTES_QUEUE_NAME", "quotes"),
        "TASK_ATTEMPTS": _int("QUOTES_TASK_ATTEMPTS", 3),
        "RETRY_BACKOFF": _float("QUOTES_RETRY_BACKOFF", 2.0),
        "WEBHOOK_URL": os.environ.get("QUOTES_WEBHOOK_URL") or None,
        "WEBHOOK_SECRET": os.environ.get("QUOTES_WEBHOOK_SECRET") or None,
        "WEBHOOK_ATTEMPTS": _int("QUOTES_WEBHOOK_ATTEMPTS", 6),
        "WEBHOOK_TIMEOUT": _float("QUOTES_WEBHOOK_TIMEOUT", 10.0),
        "WEBHOOK_PRIVATE": _flag("QUOTES_WEBHOOK_PRIVATE", True),
        # Redis only (RabbitMQ gives a lost worker's tasks back at once): a task neither
        # acknowledged nor finished this many seconds after a worker took it is delivered again.
        # It must exceed a task's wait in the worker's prefetch plus its run, and every retry's
        # countdown (capped at half of it): too short, tasks run twice; too long, the tasks of a
        # killed worker wait that long
        "VISIBILITY_TIMEOUT": _int("QUOTES_VISIBILITY_TIMEOUT", 1800),
        # the periodic sweep (Celery beat, or the API's webhook threads without a broker):
        # webhooks whose publish was lost are sent again, old jobs pruned
        "SWEEP_INTERVAL": _float("QUOTES_SWEEP_INTERVAL", 30.0),
        # finished jobs and webhook deliveries are deleted this many days after their last
        # change (0: kept for ever)
        "JOB_RETENTION_DAYS": _float("QUOTES_JOB_RETENTION_DAYS", 30.0),
        # the JSON body may escape every character of the text: leave room, then 413
        "MAX_CONTENT_LENGTH": _int("QUOTES_MAX_BODY_BYTES", 6 * max_text + 64_000),
        "API_TITLE": "French quote attribution",
        "API_VERSION": "1.0.0",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": "/",
        "OPENAPI_JSON_PATH": "v1/openapi.json",
        # Swagger UI from the flask-swagger-ui package, served by service/web: /docs fetches nothing outside
        "OPENAPI_SWAGGER_UI_PATH": "docs",
        "OPENAPI_SWAGGER_UI_URL": "/docs/static/",
        "OPENAPI_SWAGGER_UI_CONFIG": {"validatorUrl": None},
        "JSON_SORT_KEYS": False,
    }
    if overrides:
        config.update(overrides)
    return config
