"""``GET /healthz`` (the process answers), ``GET /readyz`` (model loaded, database reachable)
and ``GET /metrics`` (Prometheus)."""
from __future__ import annotations

import marshmallow as ma
from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..metrics import render_metrics
from ..tasks import QueueCollector, broker_status
from ..webhooks import OutboxCollector
from . import Blueprint

blp = Blueprint("health", __name__, description="Liveness, readiness and metrics")


class StatusSchema(ma.Schema):
    status = ma.fields.String(required=True)
    checks = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String(), required=True)


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, StatusSchema)
    def get(self):
        """The process is alive"""
        return {"status": "ok", "checks": {}}


@blp.route("/readyz")
class Ready(MethodView):
    @blp.response(200, StatusSchema)
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def get(self):
        """The model is loaded and the database answers"""
        checks = {"model": "ok" if current_app.extensions.get("quote_extractor") else "missing"}
        try:
            with current_app.extensions["db_engine"].connect() as connection:
                connection.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except SQLAlchemyError as error:
            checks["database"] = type(error).__name__
        if any(value != "ok" for value in checks.values()):
            abort(503, message="Not ready: " + ", ".join(f"{k} {v}" for k, v in checks.items() if v != "ok"),
                  headers={"Retry-After": "5"})
        celery = current_app.extensions.get("celery")
        if celery is not None:  # a queue that is down stops only respond-async: reported, still ready
            checks["broker"] = broker_status(celery)
        return {"status": "ok" if checks.get("broker", "ok") == "ok" else "degraded", "checks": checks}


@blp.route("/metrics")
class Metrics(MethodView):
    @blp.response(200, description="Prometheus text format", content_type="text/plain")
    def get(self):
        """Requests, latencies, articles and quotes extracted, extraction time"""
        celery = current_app.extensions.get("celery")
        live = [OutboxCollector(current_app.extensions["db_read"])]
        if celery is not None:
            live.append(QueueCollector(celery))
        body, content_type = render_metrics(*live)
        return Response(body, content_type=content_type)
