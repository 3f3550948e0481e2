"""Constants and helpers of the queue tests (imported by their modules; fixtures are in conftest)."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AMQP_URL = os.environ.get("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
SECRET = "test-webhook-secret"


class Receiver:
    """A CMS on loopback that records the webhooks it gets; it can fail or be slow on purpose."""

    def __init__(self):
        self.received: list[tuple[dict, dict]] = []  # (headers, body)
        self.fail_first = 0  # answer 503 to this many requests
        self.delay = 0.0  # seconds before answering
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                time.sleep(receiver.delay)
                with receiver.lock:
                    failing = receiver.fail_first > 0
                    receiver.fail_first -= 1
                    if not failing:
                        receiver.received.append((dict(self.headers), body))
                self.send_response(503 if failing else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def payloads(self) -> list[dict]:
        """The bodies received, each checked against its signature."""
        with self.lock:
            received = list(self.received)
        bodies = []
        for headers, body in received:
            expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
            assert hmac.compare_digest(headers["X-Quotes-Signature"], expected)
            bodies.append(json.loads(body))
        return bodies


def wait_for(predicate, timeout: float = 90, interval: float = 0.2):
    """Poll until ``predicate()`` is truthy; returns its value, fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out"
        time.sleep(interval)
