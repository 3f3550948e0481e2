"""Settings: defaults, then the environment, then the overrides given to ``create_app``."""
from __future__ import annotations

import os
from typing import Any


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def load_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    max_text = _int("QUOTES_MAX_TEXT_BYTES", 1_000_000)
    config: dict[str, Any] = {
        "SPACY_MODEL": os.environ.get("QUOTES_SPACY_MODEL", "fr_core_news_md"),
        "MAX_TEXT_BYTES": max_text,
        # the JSON body may escape every character of the text: leave room, then 413
        "MAX_CONTENT_LENGTH": _int("QUOTES_MAX_BODY_BYTES", 6 * max_text + 64_000),
        "API_TITLE": "French quote attribution",
        "API_VERSION": "1.0.0",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": "/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
        "JSON_SORT_KEYS": False,
    }
    if overrides:
        config.update(overrides)
    return config
