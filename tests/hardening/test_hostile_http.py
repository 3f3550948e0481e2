"""Issue 9 against a real gunicorn (``gunicorn.conf.py``): what reaches the server before Flask
sees it (chunked bodies, long request lines, Host and forwarded headers, invented methods)."""
from __future__ import annotations

import http.client
import json
import urllib.parse

import pytest

TEXT_LIMIT = 20_000  # a small text limit, so that an oversized body stays small in a test


def call(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
         chunked: bool = False) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        if chunked:
            connection.putrequest(method, path)
            for key, value in {"Content-Type": "application/json", "Transfer-Encoding": "chunked",
                               **(headers or {})}.items():
                connection.putheader(key, value)
            connection.endheaders()
            for start in range(0, len(body), 8192):
                piece = body[start:start + 8192]
                connection.send(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            connection.send(b"0\r\n\r\n")
        else:
            connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def assert_problem(status, headers, body, expected: int) -> dict:
    assert status == expected, body[:300]
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == expected and problem["detail"]
    return problem


@pytest.fixture
def server(start_server, tmp_path):
    return start_server(f"sqlite:///{tmp_path / 'live.sqlite3'}", QUOTES_MAX_TEXT_BYTES=str(TEXT_LIMIT),
                        QUOTES_RESPONSE_CACHE_ENTRIES="64")


def test_a_chunked_body_over_the_limit_is_a_413_problem(server):
    body = json.dumps({"text": "x" * (6 * TEXT_LIMIT + 70_000)}).encode()  # over the body limit: 6 × text + 64 kB
    for path in ("/v1/extract", "/v1/articles"):
        assert_problem(*call(server, "POST", path, body, chunked=True), 413)
    status, _, _ = call(server, "POST", "/v1/extract", json.dumps({"text": "« Oui », a dit Anne Roy."}).encode(),
                        chunked=True)
    assert status == 200  # chunked bodies within the limit are read as usual


def test_a_long_query_value_is_the_apis_400_problem_not_the_servers_414(server):
    for value in ("mot " * 1000, "é" * 1000):  # 4 kB, and 1,000 characters that take 6 kB in the URL
        path = "/v1/quotes?" + urllib.parse.urlencode({"q": value})
        assert_problem(*call(server, "GET", path), 400)
    # the longest q the API documents, in 4-byte characters: 6 kB in the URL, still read
    status, _, body = call(server, "GET", "/v1/quotes?" + urllib.parse.urlencode({"q": "𝔘" * 500}))
    assert status == 200 and json.loads(body)["items"] == []


def test_a_host_header_does_not_poison_the_links_others_get(server):
    article = {"text": "« Un », a dit Anne Roy. « Deux », a dit Paul Roux.", "external_id": "live"}
    status, _, _ = call(server, "POST", "/v1/articles", json.dumps(article).encode(), {"Content-Type": "application/json"})
    assert status == 201
    evil = {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "198.51.100.7"}
    for _ in range(2):  # the first fills the cache, the second may come from it
        status, headers, body = call(server, "GET", "/v1/quotes?limit=1&kind=direct", headers=evil)
        assert status == 200 and headers["link"].startswith("</v1/quotes?")
    status, headers, body = call(server, "GET", "/v1/quotes?limit=1&kind=direct")
    assert status == 200 and headers["link"].startswith("</v1/quotes?") and b"evil" not in body


def test_invented_methods_are_one_metric_label(server):
    for i in range(20):
        status, headers, _ = call(server, f"M{i:05d}", "/v1/quotes")
        assert 400 <= status < 500
    status, _, metrics = call(server, "GET", "/metrics")
    assert status == 200 and b"M00001" not in metrics and b'method="other"' in metrics
