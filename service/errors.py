"""Every HTTP error as an RFC 9457 problem document (``application/problem+json``)."""
from __future__ import annotations

import json
import logging

from flask import Response
from werkzeug.exceptions import HTTPException

PROBLEM_MIMETYPE = "application/problem+json"
log = logging.getLogger(__name__)


def problem_response(status: int, title: str, detail: str | None = None, headers=None, **extra) -> Response:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update({k: v for k, v in extra.items() if v is not None})
    response = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_MIMETYPE)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def http_problem(error: HTTPException) -> Response:
    """Turn a werkzeug/webargs HTTP error into a problem document, keeping its headers."""
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    detail = data.get("message") or error.description
    if errors and not data.get("message"):
        detail = _summarise(errors)
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    return problem_response(error.code or 500, error.name, detail, headers, errors=errors)


def unexpected_problem(error: Exception) -> Response:
    """Log the failure and answer 500 without a trace or internals in the body."""
    log.exception("unhandled error", exc_info=error)
    return problem_response(500, "Internal Server Error", "The server could not complete the request.")


def _summarise(errors) -> str:
    """``{"json": {"text": ["Missing data"]}}`` -> ``text: Missing data``."""
    parts = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + ([str(key)] if key not in ("json", "query", "headers", "files", "form") else []))
        elif isinstance(node, list) and all(isinstance(x, str) for x in node):
            parts.append(f"{'.'.join(path) or 'body'}: {' '.join(node)}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, path + [str(i)])
        else:
            parts.append(f"{'.'.join(path) or 'body'}: {node}")

    walk(errors, [])
    return "; ".join(parts) or "Invalid request."
