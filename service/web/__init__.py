"""The newsroom desk: server-rendered French pages over the same schemas and queries as the API.

Every page works without JavaScript (forms post, pages render); ``static/desk.js`` only links a
highlighted quote and its line in « Qui a dit quoi ». Writes (storing an article, correcting a
quote) use the same rules as the API: a key from ``QUOTES_API_KEYS``, given once and kept in a
``SameSite=Strict``, ``HttpOnly`` cookie, or a loopback client while no key is configured.
"""
from __future__ import annotations

from importlib.resources import files

import marshmallow as ma
from flask import (Blueprint, Response, abort, current_app, redirect, render_template, request,
                   send_from_directory, url_for)

from ..api.articles import ArticleInSchema, ArticleSchema
from ..api.auth import key_label, write_label
from ..api.quotes import load_quote, quote_etag
from ..api.schemas import QuoteSchema, stored_quote_json
from ..api.speakers import RankingArgsSchema, SpeakerEntitySchema, SpeakerRankSchema, SpeakerSearchSchema
from ..ingest import extract_quotes, ingest_article, utc_now
from ..store.corrections import CorrectionError, correct_quote
from ..store.models import Article, Speaker
from ..store.queries import (ArticleConflict, ArticleInput, BadCursor, QuoteFilters, page, quotes_per_month,
                             quotes_query, speaker_ranking, speakers_query)
from .highlight import LOW_CONFIDENCE, french_date, month_bars, number, pieces

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static",
               static_url_path="/desk/static")
KEY_COOKIE = "desk_key"
SWAGGER_UI = files("flask_swagger_ui") / "dist"  # Swagger UI shipped inside a PyPI package: nothing fetched


@bp.app_template_filter("date_fr")
def _date_fr(value):
    return french_date(value)


@bp.context_processor
def _desk_context():
    return {"writer": write_label(request.cookies.get(KEY_COOKIE)), "low_confidence": LOW_CONFIDENCE}


@bp.before_request
def _protect_reads():
    """With ``QUOTES_PROTECT_READS`` the pages, like the API, need a key (given in the key form)."""
    if not current_app.config["PROTECT_READS"] or request.endpoint in ("web.set_key", "web.static", "web.swagger_ui"):
        return None
    if key_label(request.cookies.get(KEY_COOKIE)) is None:
        return render_template("key_required.html"), 401
    return None


# -- « Vérifier un article » -----------------------------------------------------------------------
@bp.get("/")
def index():
    return render_template("index.html", form={}, quotes=None)


@bp.post("/")
def check_or_store():
    """``action=verifier``: extract and show; ``action=enregistrer``: store, then show the article."""
    form = {k: request.form.get(k, "").strip() if k != "text" else request.form.get("text", "")
            for k in ("text", "title", "url", "outlet", "published_at", "external_id")}
    if not form["text"].strip():
        return render_template("index.html", form=form, quotes=None, error="Collez le texte d'un article."), 400
    limit = current_app.config["MAX_TEXT_BYTES"]
    if len(form["text"].encode("utf-8", "surrogatepass")) > limit:
        return render_template("index.html", form=form, quotes=None,
                               error=f"Le texte dépasse la limite de {limit} octets."), 413
    if request.form.get("action") == "enregistrer":
        return _store(form)
    quotes = QuoteSchema(many=True).dump(extract_quotes(current_app.extensions["quote_extractor"], form["text"]))
    numbered = number(quotes)
    return render_template("index.html", form=form, quotes=numbered, pieces=pieces(form["text"], numbered))


def _store(form: dict):
    if write_label(request.cookies.get(KEY_COOKIE)) is None:
        return render_template("index.html", form=form, quotes=None,
                               error="Enregistrer demande une clé d'API : saisissez-la ci-dessous."), 401
    fields = {k: v for k, v in form.items() if v}
    if "published_at" in fields and len(fields["published_at"]) == 10:  # <input type="date">
        fields["published_at"] += "T00:00:00Z"
    try:
        data = ArticleInSchema().load(fields)
        article, _ = ingest_article(current_app.extensions["quote_extractor"], current_app.extensions["db_write"],
                                    ArticleInput(**data))
    except ma.ValidationError as error:
        detail = "; ".join(f"{k} : {' '.join(map(str, v))}" for k, v in error.messages.items())
        return render_template("index.html", form=form, quotes=None, error=f"Article refusé — {detail}"), 400
    except ArticleConflict as conflict:
        return render_template("index.html", form=form, quotes=None, error=str(conflict)), 409
    return redirect(url_for("web.article", article_id=article.id), 303)


# -- a stored article, and corrections -------------------------------------------------------------
@bp.get("/articles/<id:article_id>")
def article(article_id: int, error: str | None = None, status: int = 200):
    with current_app.extensions["db_read"]() as session:
        found = session.get(Article, article_id)
        if found is None:
            abort(404)
        data = ArticleSchema().dump(found)
        etags = {q.id: quote_etag(stored_quote_json(q)) for q in found.quotes}
    numbered = number(data["quotes"])
    for quote in numbered:
        quote["etag"] = etags[quote["id"]]
    return render_template("article.html", article=data, quotes=numbered, pieces=pieces(data["text"], numbered),
                           error=error), status


@bp.post("/articles/<id:article_id>/quotes/<id:quote_id>")
def correct(article_id: int, quote_id: int):
    """The correction form of one quote: the same correction as ``PATCH /v1/quotes/{id}``, with the
    form's ETag as ``If-Match``."""
    writer = write_label(request.cookies.get(KEY_COOKIE))
    if writer is None:
        return article(article_id, "Corriger demande une clé d'API valide.", 401)
    try:
        with current_app.extensions["db_write"].begin() as session:
            quote = load_quote(session, quote_id, for_update=True)
            if quote.article_id != article_id:
                abort(404)
            if request.form.get("etag") != quote_etag(stored_quote_json(quote)):
                raise _Refused(412, "Cette citation a été modifiée entre-temps : voici sa version actuelle, "
                                    "corrigez-la de nouveau si besoin.")
            try:
                correct_quote(session, quote, _patch_from_form(quote), writer, utc_now())
            except CorrectionError as error:
                raise _Refused(400, str(error)) from error
    except _Refused as refused:
        return article(article_id, refused.message, refused.status)
    return redirect(url_for("web.article", article_id=article_id, _anchor=f"quote-{quote_id}"), 303)


class _Refused(Exception):
    """A correction not made: rolled back, the article shown again with the message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _patch_from_form(quote) -> dict:
    """A merge patch holding only what the form changes: an empty name means « nobody »."""
    patch: dict = {}
    name = " ".join(request.form.get("name", "").split())
    role = " ".join(request.form.get("role", "").split()) or None
    current = quote.speaker.name if quote.speaker else quote.speaker_name
    if not name and current is not None:
        patch["speaker"] = None
    elif name and name != current:
        patch["speaker"] = {"name": name, "role": role}
    elif name and role != quote.role:
        patch["speaker"] = {"role": role}
    rejected = request.form.get("rejected") == "1"
    if rejected != bool(quote.rejected):
        patch["rejected"] = rejected
    return patch


@bp.post("/cle")
def set_key():
    """Remember the API key for the desk's writes (or forget it with ``oublier``)."""
    back = request.form.get("next", "")
    back = back if back.startswith("/") and not back.startswith("//") else url_for("web.index")
    response = redirect(back, 303)
    if request.form.get("action") == "oublier":
        response.delete_cookie(KEY_COOKIE, path="/")
        return response
    key = request.form.get("key", "").strip()
    if key_label(key) is None:
        return render_template("key_required.html", error="Cette clé n'est pas reconnue.", next=back), 401
    response.set_cookie(KEY_COOKIE, key, httponly=True, samesite="Strict", secure=request.is_secure, path="/")
    return response


# -- speakers --------------------------------------------------------------------------------------
@bp.get("/speakers")
def speakers():
    """With ``q``: search. Without: « Qui parle ? », the most quoted over a period."""
    if request.args.get("q", "").strip():
        try:
            args = SpeakerSearchSchema().load({"q": request.args["q"].strip()})
        except ma.ValidationError:
            return render_template("speakers.html", q=request.args["q"], items=[],
                                   error="Cette recherche n'est pas valide."), 400
        with current_app.extensions["db_read"]() as session:
            rows = session.execute(speakers_query(args["q"]).limit(args["limit"])).unique().all()
            items = SpeakerEntitySchema(many=True).dump([{"speaker": s, "quote_count": c} for s, c in rows])
        return render_template("speakers.html", q=args["q"], items=items)
    period = {k: request.args.get(k, "") for k in ("since", "until")}
    try:
        args = RankingArgsSchema().load({k: f"{v}T00:00:00Z" if k == "since" else f"{v}T23:59:59Z"
                                         for k, v in period.items() if v})
    except ma.ValidationError:
        return render_template("ranking.html", period=period, items=[], kinds=[],
                               error="Choisissez des dates valides."), 400
    with current_app.extensions["db_read"]() as session:
        rows = speaker_ranking(session, QuoteFilters(since=args.get("since"), until=args.get("until")), args["limit"])
        items = SpeakerRankSchema(many=True).dump(rows)
    kinds = sorted({k for item in items for k in item["by_kind"]}, key=_kind_order)
    return render_template("ranking.html", period=period, items=items, kinds=kinds,
                           top=max((i["quote_count"] for i in items), default=0))


def _kind_order(kind: str) -> tuple:
    return (["direct", "partial", "indirect"].index(kind) if kind in ("direct", "partial", "indirect") else 9, kind)


@bp.get("/speakers/<id:speaker_id>")
def speaker(speaker_id: int):
    filters = QuoteFilters(speaker=str(speaker_id))
    with current_app.extensions["db_read"]() as session:
        row = session.execute(speakers_query(None).where(Speaker.id == speaker_id)).unique().first()
        if row is None:
            abort(404)
        entity = SpeakerEntitySchema().dump({"speaker": row[0], "quote_count": row[1]})
        try:
            rows, cursor = page(session, quotes_query(session, filters), 50, request.args.get("cursor") or None)
        except BadCursor:
            abort(400)
        quotes = [stored_quote_json(r) for r in rows]
        chart = month_bars(quotes_per_month(session, filters))
        ranked = speaker_ranking(session, filters, 1)
    by_kind = sorted((ranked[0]["by_kind"] if ranked else {}).items(), key=lambda kv: _kind_order(kv[0]))
    return render_template("speaker.html", speaker=entity, quotes=quotes, cursor=cursor, chart=chart, by_kind=by_kind)


@bp.errorhandler(404)
def _not_found(_error):
    return render_template("not_found.html"), 404


# -- /docs assets ----------------------------------------------------------------------------------
@bp.get("/docs/static/<path:filename>")
def swagger_ui(filename: str) -> Response:
    return send_from_directory(str(SWAGGER_UI), filename, max_age=86400)
