"""List responses: a JSON page with a cursor, or every match streamed as NDJSON or CSV."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from urllib.parse import quote, urlencode

import orjson

from flask import Response, current_app, request, stream_with_context
from flask_smorest import abort
from sqlalchemy import Connection

from ..store.queries import BadCursor, QuoteQuery, page, stream
from ..store.reads import DriverReads, driver_reads

STREAM_TYPES = {"ndjson": "application/x-ndjson", "csv": "text/csv"}
# a spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
STREAM_RESPONSES = {"200": {"content": {  # replaces the content @blp.response documents, so JSON too
    "application/json": {"schema": {"$ref": "#/components/schemas/QuotePage"}},
    "application/x-ndjson": {"schema": {"type": "string", "description": "Every match, one JSON object a line"}},
    "text/csv": {"schema": {"type": "string", "description": "Every match, one CSV row each, with a header"}},
}}}

QUERY_SAFE = "!$'()*,/:;?@"  # what werkzeug's url_for leaves unquoted in a query (WHATWG)

# stored dates are naive UTC: written as RFC 3339 with « Z », as timestamps.rfc3339 writes them
JSON_OPTIONS = orjson.OPT_NAIVE_UTC | orjson.OPT_UTC_Z


def to_json(value) -> bytes:
    """``value`` as JSON, dates included (orjson: a page of 200 quotes is serialised in C)."""
    return orjson.dumps(value, option=JSON_OPTIONS)


def wanted_format(args: dict) -> str:
    if args.get("format"):
        return args["format"]
    if request.headers.get("Accept", "*/*") in ("*/*", "application/json"):  # most clients: no parsing
        return "json"
    best = request.accept_mimetypes.best_match(["application/json", *STREAM_TYPES.values()], default="application/json")
    return {v: k for k, v in STREAM_TYPES.items()}.get(best, "json")


def list_response(query: Callable[[Connection | DriverReads], QuoteQuery], args: dict,
                  fields: Callable[[object], dict], csv_fields: list[str], csv_row: Callable[[dict], dict],
                  require: Callable[[Connection | DriverReads], None] | None = None):
    """``{"items", "next"}`` with a ``Link: rel="next"`` header, or a stream of every match of
    ``query(connection)`` (built on the connection that reads it: a JSON page is read on the
    driver's connection by ``DriverReads``, a stream by a Core connection; no ORM session).
    ``fields(row)`` is an item with its dates as naive UTC datetimes; ``csv_row(item)`` its CSV cells.

    ``require(connection)`` aborts when the listed resource does not exist (a 404): it runs before
    a stream starts, but for a JSON page only when the page is empty or the cursor bad, so that a
    page costs one query of quotes."""
    fmt = wanted_format(args)
    if fmt != "json":
        if require is not None:
            with current_app.extensions["db_engine"].connect() as connection:
                require(connection)
        rows = _stream(query, fields, csv_fields, csv_row, fmt)
        return Response(stream_with_context(rows), mimetype=STREAM_TYPES[fmt])
    with driver_reads(current_app.extensions["db_engine"]) as connection:
        try:
            rows, cursor = page(connection, query(connection), args["limit"], args.get("cursor"))
        except BadCursor as error:
            if require is not None:
                require(connection)
            abort(400, message=str(error))
        if not rows and require is not None:
            require(connection)
        response = Response(to_json({"items": [fields(r) for r in rows], "next": cursor}), mimetype="application/json")
    if cursor:
        # this request's path and query with the next cursor, relative (RFC 8288): a Host or
        # X-Forwarded-* header sent by a client cannot end up in a response the cache gives to
        # others. Encoded as url_for encodes a query, without rebuilding the path from its rule
        query = urlencode({**request.args.to_dict(), "cursor": cursor}, safe=QUERY_SAFE)
        response.headers["Link"] = f'<{quote(request.script_root + request.path)}?{query}>; rel="next"'
    return response


def spreadsheet_safe(value):
    """A CSV cell that no spreadsheet takes for a formula: text starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so that no cell begins with
    them (OWASP's advice). Numbers and empty cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _stream(query: Callable[[Connection], QuoteQuery], fields, csv_fields: list[str], csv_row,
            fmt: str) -> Iterable[str | bytes]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_fields)
    if fmt == "csv":
        writer.writeheader()
        yield _drain(buffer)
    with current_app.extensions["db_engine"].connect() as connection:
        for row in stream(connection, query(connection)):
            item = fields(row)
            if fmt == "ndjson":
                yield to_json(item) + b"\n"
            else:
                writer.writerow({k: spreadsheet_safe(v) for k, v in csv_row(item).items()})
                yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
