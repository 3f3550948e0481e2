"""Application factory: the only place that wires config, extensions, errors and blueprints."""
from __future__ import annotations

from typing import Any

from flask import Flask

from .api import QuoteApi
from .api import extract
from .config import load_config
from .errors import unexpected_problem
from .nlp import get_extractor


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(load_config(config))

    app.extensions["quote_extractor"] = get_extractor(app.config["SPACY_MODEL"])

    api = QuoteApi(app)
    app.extensions["quote_api"] = api
    app.register_error_handler(Exception, unexpected_problem)
    api.register_blueprint(extract.blp)
    return app
