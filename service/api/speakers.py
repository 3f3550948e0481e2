"""``GET /v1/speakers?q=``, ``GET /v1/speakers/{id}`` and ``GET /v1/speakers/{id}/quotes``."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import bindparam, select

from ..store.models import Speaker
from ..store.queries import QuoteFilters, speaker_ranking, speakers_query
from . import Blueprint
from .auth import require_key
from .listing import STREAM_RESPONSES
from .quotes import filters_from, quote_list
from .schemas import WORDS, ListArgsSchema, QuotePageSchema, Text
from .timestamps import UtcDateTime

blp = Blueprint("speakers", __name__, url_prefix="/v1", description="People and organisations quoted")
blp.before_request(require_key)
SPEAKER_EXISTS = select(Speaker.id).where(Speaker.id == bindparam("id"))  # built once: a read compiles it once


class SpeakerRoleSchema(ma.Schema):
    role = ma.fields.String(required=True)
    article_id = ma.fields.Integer(required=True)
    published_at = UtcDateTime(required=True, allow_none=True)


class SpeakerEntitySchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    type = ma.fields.String(required=True, validate=ma.validate.OneOf(["person", "organisation"]))
    quote_count = ma.fields.Integer(required=True)
    aliases = ma.fields.List(ma.fields.String(), required=True, metadata={"description": "Spellings seen"})
    roles = ma.fields.List(ma.fields.Nested(SpeakerRoleSchema), required=True)

    @ma.pre_dump
    def from_row(self, row, **_):
        """``(Speaker, quote count)`` rows of ``speakers_query``."""
        speaker, count = row["speaker"], row["quote_count"]
        return {"id": speaker.id, "name": speaker.name, "type": speaker.type, "quote_count": count,
                "aliases": sorted({a.alias for a in speaker.aliases}),
                "roles": sorted(({"role": r.role, "article_id": r.article_id, "published_at": r.published_at}
                                 for r in speaker.roles), key=lambda r: (r["published_at"] is None, r["published_at"] or 0,
                                                                           r["article_id"]))}


class SpeakerDetailSchema(SpeakerEntitySchema):
    by_kind = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer(), required=True,
                             metadata={"description": "The speaker's quotes counted by kind: direct, partial, indirect"})

    @ma.pre_dump
    def from_row(self, row, **kwargs):
        return {**super().from_row(row, **kwargs), "by_kind": row["by_kind"]}


class SpeakerSearchSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    q = Text(validate=[ma.validate.Length(1, 200), WORDS], metadata={"description": "Words of a name"})
    limit = ma.fields.Integer(load_default=50, validate=ma.validate.Range(1, 200))


class SpeakerListSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(SpeakerEntitySchema), required=True)


@blp.route("/speakers")
class Speakers(MethodView):
    @blp.arguments(SpeakerSearchSchema, location="query", error_status_code=400, unknown=ma.RAISE)
    @blp.response(200, SpeakerListSchema)
    def get(self, args):
        """Speakers whose name matches q (accent-, case- and hyphen-insensitive), most quoted first"""
        with current_app.extensions["db_read"]() as session:
            rows = session.execute(speakers_query(args.get("q")).limit(args["limit"])).unique().all()
            return {"items": [{"speaker": s, "quote_count": c} for s, c in rows]}


class RankingArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    since = UtcDateTime(metadata={"description": "Quotes published at or after (ISO 8601)"})
    until = UtcDateTime(metadata={"description": "Quotes published at or before (ISO 8601)"})
    limit = ma.fields.Integer(load_default=20, validate=ma.validate.Range(1, 200))


class SpeakerRankSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    type = ma.fields.String(required=True, validate=ma.validate.OneOf(["person", "organisation"]))
    quote_count = ma.fields.Integer(required=True, metadata={"description": "Quotes in the period"})
    by_kind = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer(), required=True,
                             metadata={"description": "The same quotes counted by kind"})

    @ma.pre_dump
    def from_row(self, row, **_):
        """Rows of ``speaker_ranking``."""
        speaker = row["speaker"]
        return {"id": speaker.id, "name": speaker.name, "type": speaker.type,
                "quote_count": row["quote_count"], "by_kind": row["by_kind"]}


class SpeakerRankingSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(SpeakerRankSchema), required=True)


@blp.route("/speakers/ranking")
class SpeakerRanking(MethodView):
    @blp.arguments(RankingArgsSchema, location="query", error_status_code=400, unknown=ma.RAISE)
    @blp.response(200, SpeakerRankingSchema)
    def get(self, args):
        """The most quoted speakers over a period, with their quotes counted by kind"""
        with current_app.extensions["db_read"]() as session:
            return {"items": speaker_ranking(session, QuoteFilters(since=args.get("since"), until=args.get("until")),
                                             args["limit"])}


@blp.route("/speakers/<id:speaker_id>")
class SpeakerById(MethodView):
    @blp.response(200, SpeakerDetailSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, speaker_id):
        """One speaker with its aliases, roles and quote count, and its quotes counted by kind"""
        with current_app.extensions["db_read"]() as session:
            row = session.execute(speakers_query(None).where(Speaker.id == speaker_id)).unique().first()
            if row is None:
                abort(404, message=f"No speaker has id {speaker_id}.")
            ranked = speaker_ranking(session, QuoteFilters(speaker=str(speaker_id)), 1)
            return {"speaker": row[0], "quote_count": row[1], "by_kind": ranked[0]["by_kind"] if ranked else {}}


@blp.route("/speakers/<id:speaker_id>/quotes")
class SpeakerQuotes(MethodView):
    @blp.arguments(ListArgsSchema(), location="query", error_status_code=400, unknown=ma.RAISE)
    @blp.response(200, QuotePageSchema)
    @blp.doc(responses=STREAM_RESPONSES)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, args, speaker_id):
        """The quotes of one speaker, newest first"""
        def require_speaker(connection) -> None:
            if connection.scalar(SPEAKER_EXISTS, {"id": speaker_id}) is None:
                abort(404, message=f"No speaker has id {speaker_id}.")

        return quote_list(filters_from({}, speaker=str(speaker_id)), args, require_speaker)
