"""Issue 9, item 3, against a real gunicorn with the shipped limits (``QUOTES_MAX_TEXT_BYTES``,
``QUOTES_TIMEOUT``): the texts that once ran past the worker timeout are answered, by the same
worker (none is killed), or refused with a 413 when over the size limit."""
from __future__ import annotations

from service.config import load_config

KILLERS = {
    "a run of « then one of »": "«" * 20000 + " x " + "»" * 20000,  # 80 kB: one 20,000-character token
    "thousands of tiny straight quotes": '"a" ' * 10000,  # 40 kB
    "« then runs of “ and ›": "« " + "“" * 4000 + "›" * 4000,
}


def test_texts_that_once_killed_workers_are_answered_by_the_same_worker(start_server, tmp_path):
    server = start_server(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    for name, text in KILLERS.items():
        assert len(text.encode("utf-8")) <= load_config()["MAX_TEXT_BYTES"], name
        status, body = server.call("POST", "/v1/extract", {"text": text})
        assert status == 200, (name, body)
        assert all(text[q["start"]:q["end"]] == q["text"] for q in body["quotes"]), name
    log = (tmp_path / "server.log").read_text()
    assert "WORKER TIMEOUT" not in log and "was sent SIGKILL" not in log, log[-2000:]
    assert server.call("GET", "/healthz")[0] == 200


def test_a_paragraph_over_the_size_limit_is_a_413(start_server, tmp_path):
    server = start_server(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    text = "Il a dit « oui » puis " * 5000  # 115 kB in one paragraph
    assert len(text.encode("utf-8")) > load_config()["MAX_TEXT_BYTES"]
    status, body = server.call("POST", "/v1/extract", {"text": text})
    assert status == 413 and body["status"] == 413
