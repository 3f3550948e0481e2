"""``GET /v1/quotes`` (filters, cursor pages, streams) and ``GET /v1/quotes/{id}``."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ..store.models import Quote
from ..store.queries import QuoteFilters, quotes_query
from .auth import require_key
from .listing import STREAM_RESPONSES, list_response
from .schemas import QuoteFiltersSchema, QuotePageSchema, StoredQuoteSchema, stored_quote_json

blp = Blueprint("quotes", __name__, url_prefix="/v1", description="Stored quotes, newest first")
blp.before_request(require_key)

CSV_FIELDS = ["id", "article_id", "published_at", "speaker_id", "speaker_name", "speaker_role", "speaker_type",
              "kind", "text", "start", "end", "cue", "confidence"]


def csv_row(item: dict) -> dict:
    speaker = item["speaker"] or {}
    return {"id": item["id"], "article_id": item["article_id"], "published_at": item["published_at"],
            "speaker_id": speaker.get("id"), "speaker_name": speaker.get("name"), "speaker_role": speaker.get("role"),
            "speaker_type": speaker.get("type"), "kind": item["kind"], "text": item["text"], "start": item["start"],
            "end": item["end"], "cue": (item["cue"] or {}).get("text"), "confidence": item["confidence"]}


def filters_from(args: dict, **fixed) -> QuoteFilters:
    values = {k: args.get(k) for k in ("speaker", "q", "role", "article", "kind", "since", "until")}
    return QuoteFilters(**{**values, **fixed})


def quote_list(filters: QuoteFilters, args: dict):
    return list_response(quotes_query(filters), args, stored_quote_json, CSV_FIELDS, csv_row)


@blp.route("/quotes")
class Quotes(MethodView):
    @blp.arguments(QuoteFiltersSchema, location="query", error_status_code=400, unknown=ma.RAISE)
    @blp.response(200, QuotePageSchema)
    @blp.doc(responses=STREAM_RESPONSES)
    def get(self, args):
        """Quotes matching the filters, newest first"""
        return quote_list(filters_from(args), args)


@blp.route("/quotes/<id:quote_id>")
class QuoteById(MethodView):
    @blp.response(200, StoredQuoteSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, quote_id):
        """One stored quote"""
        with current_app.extensions["db_read"]() as session:
            quote = session.get(Quote, quote_id)
            if quote is None:
                abort(404, message=f"No quote has id {quote_id}.")
            return quote
