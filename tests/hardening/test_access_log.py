"""gunicorn's access log is JSON a line, even when the client sends quotes and backslashes."""
from __future__ import annotations

import json


def test_access_log_lines_are_json_whatever_the_request(start_server, database_url, tmp_path):
    log = tmp_path / "access.log"
    server = start_server(database_url, QUOTES_ACCESS_LOG=str(log))
    assert server.call("GET", '/v1/quotes?q="dit"\\')[0] == 200  # raw quote and backslash in the request line
    assert server.call("GET", '/v1/articles/424242')[0] == 404
    server.stop()
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    quoted = next(e for e in entries if e["path"] == "/v1/quotes")
    assert quoted["query"] == 'q="dit"\\' and quoted["status"] == 200
    missing = next(e for e in entries if e["path"] == "/v1/articles/424242")
    assert missing["status"] == 404 and len(missing["request_id"]) == 32 and missing["duration_ms"] >= 0
