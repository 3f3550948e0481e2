"""``openapi.yaml`` is the contract: it must be exactly what the code generates."""
from __future__ import annotations

from pathlib import Path

from service.cli import openapi_yaml

SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"


def test_committed_openapi_matches_the_code(app):
    assert SPEC.read_text(encoding="utf-8") == openapi_yaml(app), \
        "openapi.yaml is stale: run `python -m service openapi` and commit it"


def test_every_route_is_documented(app):
    spec = app.extensions["quote_api"].spec.to_dict()
    documented = {path for path in spec["paths"]}
    served = {str(rule) for rule in app.url_map.iter_rules() if str(rule).startswith("/v1/")
              and not str(rule).startswith("/v1/openapi")}
    assert served <= documented
