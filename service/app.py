"""Application factory: the only place that wires config, extensions, errors and blueprints."""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response
from werkzeug.middleware.proxy_fix import ProxyFix

from .api import QuoteApi, articles, extract, health, jobs, quotes, speakers
from .api.cache import register_response_cache
from .api.hooks import register_http_hooks
from .config import load_config
from .errors import unexpected_problem
from .logs import configure_logging
from .nlp import get_extractor
from .store.db import make_engine, make_sessionmaker, upgrade
from .store.queries import StoreSpread
from .tasks import make_celery
from . import web
from .webhooks import BackgroundWebhooks, check_scheme

log = logging.getLogger(__name__)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(load_config(config))
    configure_logging(app.config["LOG_LEVEL"])

    app.extensions["quote_extractor"] = get_extractor(app.config["SPACY_MODEL"])
    engine = make_engine(app.config["DATABASE_URL"], app.config["DB_CONNECT_TIMEOUT"],
                         app.config["DB_STATEMENT_TIMEOUT"])
    if app.config["MIGRATE_ON_START"]:
        upgrade(engine)
    app.extensions["db_engine"] = engine
    app.extensions["db_read"] = make_sessionmaker(engine)
    app.extensions["db_write"] = make_sessionmaker(engine, write=True)
    app.extensions["store_spread"] = StoreSpread()  # which word a page walks: words probed lately
    app.extensions["celery"] = make_celery(app.config) if app.config["BROKER_URL"] else None
    app.extensions["background_webhooks"] = BackgroundWebhooks(app.config, app.extensions["db_write"])
    if app.config["WEBHOOK_URL"]:
        check_scheme(app.config["WEBHOOK_URL"])
        if app.extensions["celery"] is None:  # the threads' sweep resumes what a dead process left
            app.before_request(app.extensions["background_webhooks"].start)
    if app.config["PROXY_COUNT"]:
        if not app.config["API_KEYS"]:  # behind a proxy on this host, every client is loopback
            raise RuntimeError("QUOTES_PROXY_COUNT is set but QUOTES_API_KEYS is not: set keys for writes.")
        n = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n)
    elif not app.config["API_KEYS"]:
        log.warning("QUOTES_API_KEYS is not set: writes are accepted from loopback clients only")

    api = QuoteApi(app)
    app.extensions["quote_api"] = api
    app.register_error_handler(Exception, unexpected_problem)
    register_http_hooks(app)
    register_response_cache(app)
    for module in (extract, articles, quotes, speakers, jobs, health):
        api.register_blueprint(module.blp)
    app.register_blueprint(web.bp)  # the newsroom desk: French pages over the same queries

    @app.get("/v1/openapi.yaml")
    def openapi_yaml():
        return Response(api.to_yaml(), mimetype="application/yaml")

    return app
