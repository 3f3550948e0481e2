"""HTTP layer: one ``Api`` subclass (problem+json errors) and one blueprint per resource."""
from __future__ import annotations

import http

import flask_smorest
import marshmallow as ma
from flask_smorest import Api
from flask_smorest.spec.plugins import integerconverter2paramschema
from flask_smorest.utils import prepare_response
from webargs.flaskparser import FlaskParser
from webargs.multidictproxy import MultiDictProxy
from werkzeug.routing import IntegerConverter

from ..errors import PROBLEM_MIMETYPE, http_problem
from ..store.models import MAX_ID
from .auth import SECURITY_SCHEMES


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details."""

    type = ma.fields.String(metadata={"description": "A URI reference that identifies the problem type"})
    title = ma.fields.String(required=True, metadata={"description": "Short summary of the problem type"})
    status = ma.fields.Integer(required=True, metadata={"description": "The HTTP status code"})
    detail = ma.fields.String(metadata={"description": "What went wrong with this request"})
    errors = ma.fields.Dict(metadata={"description": "Field-by-field validation errors"})


class IdConverter(IntegerConverter):
    """``<id:article_id>``: a row id, 1 to ``MAX_ID``; anything else is a 404 before any SQL."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_ID)


class QueryStringParser(FlaskParser):
    """webargs' parser, reading a query string as a plain dict (each key's first value, what the
    multidict proxy gives a field that takes one value) unless the schema has a field that takes a
    repeated key: the proxy looks each field up in werkzeug's ``MultiDict``, where a missing key
    raises and catches an exception, the third of parsing a list page's arguments (issue 14)."""

    def load_querystring(self, req, schema: ma.Schema):
        proxy = MultiDictProxy(req.args, schema)
        return proxy if proxy.multiple_keys else req.args.to_dict()


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's blueprint, its arguments read by ``QueryStringParser``: every resource's."""

    ARGUMENTS_PARSER = QueryStringParser()


class QuoteApi(Api):
    """flask-smorest ``Api`` whose errors are ``application/problem+json`` in code and in the spec."""

    ERROR_SCHEMA = ProblemSchema

    def init_app(self, app, *args, **kwargs):
        app.url_map.converters["id"] = IdConverter
        super().init_app(app, *args, **kwargs)
        self.register_converter(IdConverter, integerconverter2paramschema)
        for name, scheme in SECURITY_SCHEMES.items():
            self.spec.components.security_scheme(name, scheme)

    def to_yaml(self) -> str:
        """The OpenAPI document, as committed in ``openapi.yaml``."""
        return self.spec.to_yaml({"allow_unicode": True, "sort_keys": False})

    def handle_http_exception(self, error):
        return http_problem(error)

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_MIMETYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_MIMETYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)
