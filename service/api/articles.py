"""``POST /v1/articles`` (idempotent ingest), ``GET``/``DELETE /v1/articles/{id}``, its quotes."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app, request
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import bindparam, select
from sqlalchemy.orm.attributes import set_committed_value

from ..ingest import ingest_article
from ..store.models import Article
from ..store.queries import ArticleConflict, ArticleInput, delete_article
from . import Blueprint
from .auth import WRITE_SECURITY, require_key
from .jobs import (CALLBACK_URL_PATTERN, PREFER_HEADER, JobSchema, callback_url_allowed, enqueue_article,
                   prefers_async, send_webhook, webhook_outbox)
from .listing import STREAM_RESPONSES
from .quotes import filters_from, quote_list
from .schemas import NO_NUL, ListArgsSchema, QuotePageSchema, StoredQuoteSchema, Text
from .timestamps import UtcDateTime

blp = Blueprint("articles", __name__, url_prefix="/v1", description="Articles and their quotes")
blp.before_request(require_key)
ARTICLE_EXISTS = select(Article.id).where(Article.id == bindparam("id"))  # built once: a read compiles it once


@blp.before_request
def require_json():
    if request.method == "POST" and not request.is_json:
        abort(415, message="Send the article as JSON: Content-Type: application/json.")


class ArticleInSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    text = Text(required=True, validate=NO_NUL, metadata={"description": "The article, plain text"})
    title = Text(allow_none=True, validate=[ma.validate.Length(max=2000), NO_NUL])
    # any address as the newsroom spells it: it is an identifier here, never fetched
    url = Text(allow_none=True, validate=[ma.validate.Length(1, 2048), NO_NUL],
                           metadata={"description": "The article's address: sending it again updates the article"})
    external_id = Text(allow_none=True, validate=[ma.validate.Length(1, 512), NO_NUL],
                                   metadata={"description": "Your id: sending it again updates the article"})
    published_at = UtcDateTime(allow_none=True, metadata={"description": "ISO 8601; no offset means UTC"})
    outlet = Text(allow_none=True, validate=[ma.validate.Length(max=256), NO_NUL])
    language = Text(load_default="fr", validate=ma.validate.OneOf(["fr"]))


class ArticlePostSchema(ArticleInSchema):
    callback_url = Text(allow_none=True, validate=[ma.validate.Length(1, 2048), callback_url_allowed],
                        metadata={"description": "http(s) address POSTed the article and its quotes once stored "
                                                 "(signed X-Quotes-Signature: sha256=<HMAC of the body>); never a "
                                                 "link-local or cloud metadata address",
                                  "format": "uri", "pattern": CALLBACK_URL_PATTERN})


class ArticleSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    external_id = ma.fields.String(required=True, allow_none=True)
    url = ma.fields.String(required=True, allow_none=True)
    title = ma.fields.String(required=True, allow_none=True)
    outlet = ma.fields.String(required=True, allow_none=True)
    language = ma.fields.String(required=True)
    published_at = UtcDateTime(required=True, allow_none=True)
    created_at = UtcDateTime(required=True)
    updated_at = UtcDateTime(required=True)
    text = ma.fields.String(required=True)
    quotes = ma.fields.List(ma.fields.Nested(StoredQuoteSchema), required=True)

    @ma.pre_dump
    def link_quotes(self, article, **_):
        """Each quote carries its article's reference: give it this article, without a query."""
        for quote in article.quotes:
            set_committed_value(quote, "article", article)
        return article


@blp.route("/articles")
class Articles(MethodView):
    @blp.arguments(ArticlePostSchema, error_status_code=400)
    @blp.response(201, ArticleSchema, description="Created")
    @blp.alt_response(202, schema=JobSchema, success=True,
                      headers={"Location": {"schema": {"type": "string"}, "description": "/v1/jobs/{id}"},
                               "Preference-Applied": {"schema": {"type": "string"}}},
                      description="Accepted (Prefer: respond-async, with a queue): follow Location for the job")
    @blp.alt_response(200, schema=ArticleSchema, description="Updated: same external_id or url", success=True)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(409, response="CONFLICT", description="The external_id and the url name two different articles, "
                      "or one differs from the identifier the article has (never rewritten)")
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="respond-async asked and the queue is down")
    @blp.doc(security=WRITE_SECURITY, parameters=[PREFER_HEADER])
    def post(self, body):
        """Store an article and its quotes (idempotent by external_id, else url)"""
        limit = current_app.config["MAX_TEXT_BYTES"]
        if len(body["text"].encode("utf-8", "surrogatepass")) > limit:
            abort(413, message=f"The text is larger than the limit of {limit} bytes.")
        callback_url = body.pop("callback_url", None)
        if prefers_async():
            return enqueue_article(ArticleInput(**body), callback_url)
        then, deliveries = webhook_outbox(callback_url)  # written with the article: never lost
        try:
            article, created = ingest_article(current_app.extensions["quote_extractor"],
                                              current_app.extensions["db_write"], ArticleInput(**body), then)
        except ArticleConflict as conflict:
            abort(409, message=str(conflict))
        for delivery in deliveries:
            send_webhook(delivery)
        return article, 201 if created else 200


@blp.route("/articles/<id:article_id>")
class ArticleById(MethodView):
    @blp.response(200, ArticleSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, article_id):
        """One article with its quotes"""
        with current_app.extensions["db_read"]() as session:
            article = session.get(Article, article_id)
            if article is None:
                abort(404, message=f"No article has id {article_id}.")
            return article

    @blp.response(204)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.doc(security=WRITE_SECURITY)
    def delete(self, article_id):
        """Delete an article and its quotes"""
        with current_app.extensions["db_write"].begin() as session:
            if not delete_article(session, article_id):
                abort(404, message=f"No article has id {article_id}.")


@blp.route("/articles/<id:article_id>/quotes")
class ArticleQuotes(MethodView):
    @blp.arguments(ListArgsSchema, location="query", error_status_code=400, unknown=ma.RAISE)
    @blp.response(200, QuotePageSchema)
    @blp.doc(responses=STREAM_RESPONSES)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, args, article_id):
        """The quotes of one article"""
        def require_article(connection) -> None:
            if connection.scalar(ARTICLE_EXISTS, {"id": article_id}) is None:
                abort(404, message=f"No article has id {article_id}.")

        return quote_list(filters_from({}, article=article_id), args, require_article)
