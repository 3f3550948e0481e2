"""``POST /v1/extract``: quotes of one article, nothing stored."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app, request
from flask.views import MethodView
from flask_smorest import abort

from ..ingest import extract_quotes
from . import Blueprint
from .schemas import QuoteSchema, Text

blp = Blueprint("extract", __name__, url_prefix="/v1", description="Extract attributed quotes from a French article")


class ExtractRequestSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    text = Text(required=True, metadata={"description": "The article, plain text"})


class ExtractResponseSchema(ma.Schema):
    quotes = ma.fields.List(ma.fields.Nested(QuoteSchema), required=True)


@blp.before_request
def require_json():
    if request.method == "POST" and not request.is_json:
        abort(415, message="Send the article as JSON: Content-Type: application/json.")


@blp.route("/extract")
class Extract(MethodView):
    @blp.arguments(ExtractRequestSchema, error_status_code=400)
    @blp.response(200, ExtractResponseSchema)
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    def post(self, body):
        """Extract every quotation with its speaker, role and cue"""
        limit = current_app.config["MAX_TEXT_BYTES"]
        if len(body["text"].encode("utf-8", "surrogatepass")) > limit:
            abort(413, message=f"The text is larger than the limit of {limit} bytes.")
        return {"quotes": extract_quotes(current_app.extensions["quote_extractor"], body["text"])}
