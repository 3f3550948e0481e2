"""A per-process cache of GET responses, valid while the store's version has not moved.

A hit costs one indexed read of ``store_version`` instead of argument parsing, the query and
serialisation; any write on any node moves the version on, so a cached page is never stale.
Only successful JSON answers to open reads are kept (never with ``QUOTES_PROTECT_READS``), and
never jobs (``/v1/jobs/``: the workers move them on without touching the store's version).
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Flask, Response, g, request
from sqlalchemy import select

from ..store.models import StoreVersion


class ResponseCache:
    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[int, bytes, list]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, version: int) -> Response | None:
        with self._lock:
            hit = self._entries.get(key)
            if hit is None or hit[0] != version:
                return None
            self._entries.move_to_end(key)
        return Response(hit[1], status=200, headers=hit[2])

    def put(self, key: str, version: int, response: Response) -> None:
        with self._lock:
            self._entries[key] = (version, response.get_data(), list(response.headers.items()))
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def register_response_cache(app: Flask) -> None:
    cache = ResponseCache(app.config["RESPONSE_CACHE_ENTRIES"])
    engine = app.extensions["db_engine"]
    version_query = select(StoreVersion.version).where(StoreVersion.id == 1)

    @app.before_request
    def serve_from_cache():
        if cache.max_entries == 0 or app.config["PROTECT_READS"] or request.method != "GET" \
                or not request.path.startswith("/v1/") or request.path.startswith(("/v1/openapi", "/v1/jobs/")):
            return None
        with engine.connect() as connection:
            g.store_version = connection.execute(version_query).scalar() or 0
        # everything a cached answer depends on: its links are relative to script_root
        g.cache_key = f"{request.script_root}{request.full_path}\n{request.headers.get('Accept', '')}"
        return cache.get(g.cache_key, g.store_version)

    @app.after_request
    def remember(response: Response) -> Response:
        key = g.pop("cache_key", None)
        if key is not None and response.status_code == 200 and not response.is_streamed \
                and response.mimetype == "application/json":
            cache.put(key, g.store_version, response)
        return response
