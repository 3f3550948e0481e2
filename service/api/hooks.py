"""Cross-cutting HTTP behaviour: ETags on reads, CORS for configured origins, 503 when the
database is unreachable."""
from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, g, request
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import RequestEntityTooLarge

from ..errors import problem_response
from ..metrics import LATENCY, REQUESTS
from .auth import WRITE_METHODS

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = "5"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# what Response.make_conditional answers (304, 412, 206); without them it changes nothing gunicorn does not
CONDITIONAL_HEADERS = frozenset({"HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_RANGE"})


def register_http_hooks(app: Flask) -> None:
    @app.before_request
    def start_request():
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.before_request
    def refuse_oversized_stream():
        """A chunked body has no Content-Length to refuse up front: werkzeug stops reading it at
        the body limit and hands over the truncated bytes (then « Invalid JSON »). A body that
        fills the limit is over it: 413."""
        limit = request.max_content_length
        if (request.method in WRITE_METHODS and request.content_length is None and limit
                and len(request.get_data(cache=True)) >= limit):
            raise RequestEntityTooLarge()

    @app.after_request
    def finish_request(response):
        response.headers["X-Request-ID"] = g.get("request_id", "")
        # labels from a closed set: any method or path a client invents is "other" / "unmatched"
        endpoint = request.url_rule.rule if request.url_rule else "unmatched"
        method = request.method if request.method in KNOWN_METHODS else "other"
        REQUESTS.labels(method, endpoint, str(response.status_code)).inc()
        if "started" in g:
            LATENCY.labels(method, endpoint).observe(time.perf_counter() - g.started)
        return response

    @app.after_request
    def conditional_get(response):
        if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.is_streamed \
                and response.mimetype == "application/json":
            response.add_etag()
            if not CONDITIONAL_HEADERS.isdisjoint(request.environ):  # werkzeug's parsing: about 4 % of a list page
                response.make_conditional(request)
        return response

    @app.after_request
    def cors(response):
        origin = request.headers.get("Origin")
        allowed = app.config["CORS_ORIGINS"]
        if origin and ("*" in allowed or origin in allowed):
            response.headers["Access-Control-Allow-Origin"] = "*" if "*" in allowed else origin
            response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-API-Key, If-None-Match, If-Match"
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, PATCH, DELETE, OPTIONS"
            response.headers["Access-Control-Expose-Headers"] = "ETag, Link"
            response.vary.add("Origin")
        return response

    def database_unavailable(error: Exception):
        if isinstance(error, DBAPIError) and not isinstance(error, OperationalError) \
                and not error.connection_invalidated:
            raise error
        log.warning("database unavailable: %s", type(error).__name__)
        return problem_response(503, "Service Unavailable", "The database cannot be reached; retry shortly.",
                                {"Retry-After": RETRY_AFTER_SECONDS})

    app.register_error_handler(OperationalError, database_unavailable)
    app.register_error_handler(PoolTimeout, database_unavailable)
    app.register_error_handler(DBAPIError, database_unavailable)
