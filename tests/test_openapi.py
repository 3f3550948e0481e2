"""``openapi.yaml`` is the contract: it must be exactly what the code generates."""
from __future__ import annotations

import re
from pathlib import Path

SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"


def test_committed_openapi_matches_the_code(app):
    assert SPEC.read_text(encoding="utf-8") == app.extensions["quote_api"].to_yaml(), \
        "openapi.yaml is stale: run `python -m service openapi` and commit it"


def test_every_route_is_documented(app):
    spec = app.extensions["quote_api"].spec.to_dict()
    documented = {path for path in spec["paths"]}
    served = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(rule)) for rule in app.url_map.iter_rules()
              if str(rule).startswith("/v1/") and not str(rule).startswith("/v1/openapi")}
    assert served <= documented


def test_served_spec_is_the_committed_one(client):
    response = client.get("/v1/openapi.yaml")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == SPEC.read_text(encoding="utf-8")
