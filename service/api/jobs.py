"""``GET /v1/jobs/{id}``: an article sent with ``Prefer: respond-async`` on its way through the
queue; and the helpers ``POST /v1/articles`` uses to enqueue an article and to send webhooks."""
from __future__ import annotations

import re

import marshmallow as ma
from flask import current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import abort

from ..ingest import utc_now
from ..store.jobs import NewJob, record_jobs
from ..store.models import Job
from ..store.queries import ArticleInput
from ..store.outbox import add_delivery
from ..tasks import BrokerUnavailable, enqueue, new_job_id, publish_delivery
from ..webhooks import WebhookRefused, check_scheme
from . import Blueprint
from .auth import require_key
from .timestamps import UtcDateTime

blp = Blueprint("jobs", __name__, url_prefix="/v1", description="Articles processed asynchronously")
blp.before_request(require_key)
RETRY_AFTER_SECONDS = "10"
PREFER_HEADER = {"in": "header", "name": "Prefer", "required": False, "schema": {"type": "string"},
                 "description": "`respond-async` (RFC 7240): with a queue configured, answer 202 at once "
                                "and extract on a worker; ignored without a queue"}


# what the OpenAPI document promises; callback_url_allowed also refuses forbidden addresses
CALLBACK_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9._~-]+(:[0-9]{1,5})?(/[!-~]*)?$"


def callback_url_allowed(url: str) -> None:
    try:
        check_scheme(url)
    except WebhookRefused as refused:
        raise ma.ValidationError(str(refused)) from refused


class WebhookStateSchema(ma.Schema):
    status = ma.fields.String(required=True, metadata={"description": "pending | delivered | failed"})
    attempts = ma.fields.Integer(required=True)
    error = ma.fields.String(required=True, allow_none=True, metadata={"description": "Why the last attempt failed"})


class JobSchema(ma.Schema):
    id = ma.fields.String(required=True)
    status = ma.fields.String(required=True, validate=ma.validate.OneOf(["queued", "running", "done", "failed"]))
    article_id = ma.fields.Integer(required=True, allow_none=True)
    article = ma.fields.Method("article_url", required=True, allow_none=True,
                               metadata={"type": "string", "description": "The stored article, once done"})
    error = ma.fields.String(required=True, allow_none=True, metadata={"description": "Why it failed (or was retried)"})
    attempts = ma.fields.Integer(required=True)
    created_at = UtcDateTime(required=True)
    updated_at = UtcDateTime(required=True)
    webhook = ma.fields.Method("webhook_state", required=True, allow_none=True,
                               metadata={"type": "object", "description": "The callback's delivery, if any"})

    def article_url(self, job: Job) -> str | None:
        return f"/v1/articles/{job.article_id}" if job.article_id else None

    def webhook_state(self, job: Job) -> dict | None:
        if job.webhook_status is None:
            return None
        return {"status": job.webhook_status, "attempts": job.webhook_attempts, "error": job.webhook_error}


@blp.route("/jobs/<uuid:job_id>")
class JobById(MethodView):
    @blp.response(200, JobSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, job_id):
        """Where an article sent with `Prefer: respond-async` is: queued, running, done or failed"""
        with current_app.extensions["db_read"]() as session:
            job = session.get(Job, str(job_id))
            if job is None:
                abort(404, message=f"No job has id {job_id}.")
            return job


def prefers_async() -> bool:
    """``Prefer: respond-async`` (RFC 7240), and a queue to honour it."""
    if current_app.extensions.get("celery") is None:
        return False
    preferences = re.split(r"[,;]", request.headers.get("Prefer", ""))
    return any(p.strip().lower() == "respond-async" for p in preferences)


def enqueue_article(data: ArticleInput, callback_url: str | None):
    """Publish the article to the queue, record its job; 202 with ``Location``, or 503."""
    job = NewJob(new_job_id(), data, callback_url or current_app.config["WEBHOOK_URL"])
    try:
        enqueue(current_app.extensions["celery"], [job])  # first: a job is never recorded for nothing
    except BrokerUnavailable:
        abort(503, message="The queue is unavailable: send the article again later, or without respond-async.",
              headers={"Retry-After": RETRY_AFTER_SECONDS})
    with current_app.extensions["db_write"].begin() as session:
        record_jobs(session, [job], utc_now())
        stored = session.get(Job, job.id)
        body = JobSchema().dump(stored)
    response = jsonify(body)
    response.status_code = 202
    response.headers.update({"Location": f"/v1/jobs/{job.id}", "Preference-Applied": "respond-async",
                             "Vary": "Prefer"})
    return response


def webhook_outbox(callback_url: str | None):
    """For a synchronous store: a ``then`` that writes the webhook's outbox row in the article's
    transaction (None without a URL), and the list that gets the row's id."""
    url = callback_url or current_app.config["WEBHOOK_URL"]
    deliveries: list[int] = []
    if not url:
        return None, deliveries

    def then(session, article) -> None:
        deliveries.append(add_delivery(session, article.id, url, None, utc_now()))

    return then, deliveries


def send_webhook(delivery_id: int) -> None:
    """After the commit: the delivery goes to the queue, or to a background thread; if this
    process dies first, or the broker is down, the row waits for the sweep."""
    celery = current_app.extensions.get("celery")
    if celery is not None:
        try:
            publish_delivery(celery, delivery_id)
            return
        except BrokerUnavailable:
            pass
    current_app.extensions["background_webhooks"].submit(delivery_id)
