"""Schemathesis cases from ``openapi.yaml`` with hostile values put in (``tests/hostile.py``):
forged cursors in every operation that pages, and lone surrogates, formula prefixes and LIKE
wildcards in every string of the bodies. The schema cannot tell these apart from good values,
so the check is the one that holds for any input: never a 5xx, every error a problem document."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())
KEY = "contract-test-key"
EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES", "30"))
PAGED = [(path, "GET") for path, item in SPEC["paths"].items()
         if any(p.get("name") == "cursor" for p in item.get("get", {}).get("parameters", []))]
WITH_BODY = [(path, method.upper()) for path, item in SPEC["paths"].items() for method, op in item.items()
             if method in {"post", "put", "patch"} and "application/json" in op.get("requestBody", {}).get("content", {})]


@pytest.fixture
def schema(make_store_app):
    app = make_store_app(API_KEYS=[KEY])
    created = app.test_client().post("/v1/articles", headers={"X-API-Key": KEY}, json={
        "text": "« Un », a dit Anne Roy. « Deux », a dit Paul Roux. « Trois », a dit Luc Bon.",
        "external_id": "hostile-contract"})
    assert created.status_code == 201
    return schemathesis.openapi.from_wsgi("/v1/openapi.yaml", app)


def check(case, body=None) -> None:
    """Call ``case`` (with ``body`` instead of its own, when given) and check the answer."""
    # JSON as a client writes it, a lone surrogate escaped as \ud800: the test client's own
    # encoding cannot carry one, and schemathesis re-validates a case's body it is given
    extra = {} if body is None else {"data": json.dumps(body).encode()}
    response = case.call(headers={"Authorization": f"Bearer {KEY}"}, **extra)
    assert response.status_code < 500, response.text[:500]
    if response.status_code >= 400:
        assert response.headers["content-type"][0] == "application/problem+json"
        body = response.json()
        assert body["status"] == response.status_code and body["detail"]


def with_cursor(case, cursor: str):
    case.query = {**(case.query or {}), "cursor": cursor}
    return case


def hostile_strings_in(value):
    """A strategy giving ``value`` with each of its strings possibly replaced by a hostile one."""
    if isinstance(value, str):
        return st.one_of(hostile.hostile_strings(min_size=1), st.just(value))
    if isinstance(value, dict):
        return st.fixed_dictionaries({k: hostile_strings_in(v) for k, v in value.items()})
    if isinstance(value, list):
        return st.tuples(*(hostile_strings_in(v) for v in value)).map(list)
    return st.just(value)


@pytest.mark.parametrize("path,method", PAGED, ids=[p for p, _ in PAGED])
def test_forged_cursors_in_generated_requests_are_never_a_5xx(schema, path, method):
    cases = schema[path][method].as_strategy().flatmap(
        lambda case: hostile.cursors().filter(lambda c: len(c) <= 200).map(lambda c: with_cursor(case, c)))

    @given(case=cases)
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def run(case):
        check(case)

    run()


@pytest.mark.parametrize("path,method", WITH_BODY, ids=[f"{m} {p}" for p, m in WITH_BODY])
def test_hostile_strings_in_generated_bodies_are_never_a_5xx(schema, path, method):
    cases = schema[path][method].as_strategy().flatmap(
        lambda case: hostile_strings_in(case.body).map(lambda body: (case, body)))

    @given(case_and_body=cases)
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def run(case_and_body):
        check(*case_and_body)

    run()
