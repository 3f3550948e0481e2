"""List responses: a JSON page with a cursor, or every match streamed as NDJSON or CSV."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable

from flask import Response, current_app, jsonify, request, stream_with_context, url_for
from flask_smorest import abort
from sqlalchemy import Select
from sqlalchemy.orm import Session

from ..store.queries import BadCursor, page, stream

STREAM_TYPES = {"ndjson": "application/x-ndjson", "csv": "text/csv"}
# a spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
STREAM_RESPONSES = {"200": {"content": {  # replaces the content @blp.response documents, so JSON too
    "application/json": {"schema": {"$ref": "#/components/schemas/QuotePage"}},
    "application/x-ndjson": {"schema": {"type": "string", "description": "Every match, one JSON object a line"}},
    "text/csv": {"schema": {"type": "string", "description": "Every match, one CSV row each, with a header"}},
}}}


def wanted_format(args: dict) -> str:
    if args.get("format"):
        return args["format"]
    best = request.accept_mimetypes.best_match(["application/json", *STREAM_TYPES.values()], default="application/json")
    return {v: k for k, v in STREAM_TYPES.items()}.get(best, "json")


def list_response(query: Callable[[Session], Select], args: dict, dump: Callable[[object], dict],
                  csv_fields: list[str], csv_row: Callable[[dict], dict],
                  require: Callable[[Session], None] | None = None):
    """``{"items", "next"}`` with a ``Link: rel="next"`` header, or a stream of every match of
    ``query(session)`` (built in the session that reads the page).

    ``require(session)`` aborts when the listed resource does not exist (a 404): it runs before
    a stream starts, but for a JSON page only when the page is empty or the cursor bad, so that a
    page costs one query."""
    fmt = wanted_format(args)
    if fmt != "json":
        if require is not None:
            with current_app.extensions["db_read"]() as session:
                require(session)
        rows = _stream(query, dump, csv_fields, csv_row, fmt)
        return Response(stream_with_context(rows), mimetype=STREAM_TYPES[fmt])
    with current_app.extensions["db_read"]() as session:
        try:
            rows, cursor = page(session, query(session), args["limit"], args.get("cursor"))
        except BadCursor as error:
            if require is not None:
                require(session)
            abort(400, message=str(error))
        if not rows and require is not None:
            require(session)
        response = jsonify({"items": [dump(r) for r in rows], "next": cursor})
    if cursor:
        query = {**request.args.to_dict(), **(request.view_args or {}), "cursor": cursor}
        # relative (RFC 8288): a Host or X-Forwarded-* header sent by a client cannot end up in
        # a response the cache gives to others
        response.headers["Link"] = f'<{url_for(request.endpoint, **query)}>; rel="next"'
    return response


def spreadsheet_safe(value):
    """A CSV cell that no spreadsheet takes for a formula: text starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so that no cell begins with
    them (OWASP's advice). Numbers and empty cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _stream(query: Callable[[Session], Select], dump, csv_fields: list[str], csv_row, fmt: str) -> Iterable[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_fields)
    if fmt == "csv":
        writer.writeheader()
        yield _drain(buffer)
    with current_app.extensions["db_read"]() as session:
        for row in stream(session, query(session)):
            item = dump(row)
            if fmt == "ndjson":
                yield json.dumps(item, ensure_ascii=False) + "\n"
            else:
                writer.writerow({k: spreadsheet_safe(v) for k, v in csv_row(item).items()})
                yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
