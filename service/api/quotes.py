"""``GET /v1/quotes`` (filters, cursor pages, streams), ``GET``/``PATCH /v1/quotes/{id}`` and its history."""
from __future__ import annotations

import hashlib
import json

import marshmallow as ma
from flask import current_app, request
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import select

from ..ingest import utc_now
from ..nlp.normalize import name_key
from ..store.corrections import CorrectionError, correct_quote, quote_history
from ..store.models import Quote
from ..store.queries import QuoteFilters, quotes_query
from . import Blueprint
from .auth import WRITE_SECURITY, require_key, writer_label
from .listing import STREAM_RESPONSES, list_response
from .schemas import (WORDS, QuoteFiltersSchema, QuotePageSchema, StoredQuoteSchema, Text,
                      stored_quote_fields, stored_quote_json)
from .timestamps import UtcDateTime, rfc3339

blp = Blueprint("quotes", __name__, url_prefix="/v1", description="Stored quotes, newest first")
blp.before_request(require_key)

CSV_FIELDS = ["id", "article_id", "published_at", "speaker_id", "speaker_name", "speaker_role", "speaker_type",
              "kind", "text", "start", "end", "cue", "confidence", "article_title", "article_url", "article_outlet",
              "rejected"]
MERGE_PATCH = "application/merge-patch+json"


def csv_row(item: dict) -> dict:
    """The CSV cells of ``stored_quote_fields(row)``."""
    speaker = item["speaker"] or {}
    published_at = None if item["published_at"] is None else rfc3339(item["published_at"])
    return {"id": item["id"], "article_id": item["article_id"], "published_at": published_at,
            "speaker_id": speaker.get("id"), "speaker_name": speaker.get("name"), "speaker_role": speaker.get("role"),
            "speaker_type": speaker.get("type"), "kind": item["kind"], "text": item["text"], "start": item["start"],
            "end": item["end"], "cue": (item["cue"] or {}).get("text"), "confidence": item["confidence"],
            "article_title": item["article"]["title"], "article_url": item["article"]["url"],
            "article_outlet": item["article"]["outlet"], "rejected": item["rejected"]}


def filters_from(args: dict, **fixed) -> QuoteFilters:
    values = {k: args.get(k) for k in ("speaker", "q", "role", "article", "kind", "since", "until")}
    return QuoteFilters(**{**values, "include_rejected": bool(args.get("include_rejected")), **fixed})


def quote_list(filters: QuoteFilters, args: dict, require=None):
    """The quotes matching ``filters``, as ``list_response`` gives them (``require``: see there)."""
    spread = current_app.extensions["store_spread"]
    return list_response(lambda db: quotes_query(db, filters, spread), args, stored_quote_fields,
                         CSV_FIELDS, csv_row, require)


def quote_etag(item: dict) -> str:
    """The entity tag of a quote's JSON (``stored_quote_json``): it changes with every correction."""
    return hashlib.sha256(json.dumps(item, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


def load_quote(session, quote_id: int, for_update: bool = False) -> Quote:
    stmt = select(Quote).where(Quote.id == quote_id)
    quote = session.scalar(stmt.with_for_update(of=Quote) if for_update else stmt)  # not the outer-joined speaker
    if quote is None:
        abort(404, message=f"No quote has id {quote_id}.")
    return quote


class SpeakerPatchSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    name = Text(validate=[ma.validate.Length(1, 512), WORDS],
                metadata={"description": "Who said it; linked to a known speaker like an extracted name"})
    role = Text(allow_none=True, validate=[ma.validate.Length(max=1024), WORDS])
    type = Text(validate=ma.validate.OneOf(["person", "organisation"]))

    @ma.validates_schema
    def keys_fit(self, data, **_):
        """The search keys stored beside a name and a role (NFKD can lengthen a string) fit their columns."""
        for field, limit in (("name", 512), ("role", 1024)):
            if data.get(field) and len(name_key(data[field])) > limit:
                raise ma.ValidationError(f"Too long once normalised (over {limit} characters).", field)


class QuotePatchSchema(ma.Schema):
    """A JSON merge patch (RFC 7396) of a stored quote."""

    class Meta:
        unknown = ma.RAISE

    speaker = ma.fields.Nested(SpeakerPatchSchema, allow_none=True,
                               metadata={"description": "Re-attribute (a new name takes the role given, or none); "
                                                        "null: nobody"})
    rejected = ma.fields.Boolean(metadata={"description": "true: this is not a quote (it leaves lists and counts)"})


class CorrectionSchema(ma.Schema):
    at = UtcDateTime(required=True)
    by = ma.fields.String(required=True, metadata={"description": "Label of the API key"})
    changes = ma.fields.Dict(required=True, metadata={"description": "The merge patch sent"})
    before = ma.fields.Dict(required=True, metadata={"description": "speaker and rejected before"})
    after = ma.fields.Dict(required=True, metadata={"description": "speaker and rejected after"})


class HistorySchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(CorrectionSchema), required=True)


IF_MATCH = {"in": "header", "name": "If-Match", "required": False, "schema": {"type": "string"},
            "description": "The quote's ETag: the correction is refused (412) if someone changed it since"}


@blp.route("/quotes")
class Quotes(MethodView):
    @blp.arguments(QuoteFiltersSchema(), location="query", error_status_code=400, unknown=ma.RAISE)
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
            quote = load_quote(session, quote_id)
        return quote, 200, {"ETag": f'"{quote_etag(stored_quote_json(quote))}"'}

    @blp.arguments(QuotePatchSchema, error_status_code=400, content_type=MERGE_PATCH)
    @blp.response(200, StoredQuoteSchema, description="The corrected quote, with its new ETag")
    @blp.alt_response(400, response="BAD_REQUEST")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(412, response="PRECONDITION_FAILED", description="If-Match names an older version")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    @blp.doc(security=WRITE_SECURITY, parameters=[IF_MATCH])
    def patch(self, patch, quote_id):
        """Correct a quote: re-attribute it, or reject it (JSON merge patch)"""
        if not request.is_json:
            abort(415, message=f"Send a JSON merge patch: Content-Type: {MERGE_PATCH}.")
        with current_app.extensions["db_write"].begin() as session:
            quote = load_quote(session, quote_id, for_update=True)
            current = quote_etag(stored_quote_json(quote))
            if request.if_match and not (request.if_match.star_tag or request.if_match.contains(current)):
                abort(412, message="The quote changed since you read it: get it again, then correct it.")
            try:
                correct_quote(session, quote, patch, writer_label(), utc_now())
            except CorrectionError as error:
                abort(400, message=str(error))
        return quote, 200, {"ETag": f'"{quote_etag(stored_quote_json(quote))}"'}


@blp.route("/quotes/<id:quote_id>/history")
class QuoteHistory(MethodView):
    @blp.response(200, HistorySchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, quote_id):
        """Every correction of a quote, oldest first: who, when, before and after"""
        with current_app.extensions["db_read"]() as session:
            load_quote(session, quote_id)
            return {"items": quote_history(session, quote_id)}
