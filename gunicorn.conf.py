"""gunicorn settings, from the environment, with defaults for a 2-core machine.

The spaCy pipeline is loaded once in the master (``preload_app``) and shared copy-on-write by
the workers; each worker opens its own database connections after the fork.
"""
import json
import multiprocessing
import os
import tempfile
import time

from gunicorn import glogging

wsgi_app = "service.app:create_app()"
bind = os.environ.get("QUOTES_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("QUOTES_WORKERS", str(min(4, multiprocessing.cpu_count()))))
threads = int(os.environ.get("QUOTES_THREADS", "1"))
# a worker that has not answered in this time is killed: it must exceed the extraction of the
# largest text accepted (QUOTES_MAX_TEXT_BYTES; README, Operations: size limit and timeout)
timeout = int(os.environ.get("QUOTES_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("QUOTES_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
preload_app = True
max_requests = int(os.environ.get("QUOTES_MAX_REQUESTS", "0"))  # 0: workers are never recycled
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("QUOTES_ACCESS_LOG", "-") or None  # empty: no access log
# the longest request line gunicorn reads (its ceiling): room for any one query parameter at the
# length the API documents whatever its script (500 characters of 4 UTF-8 bytes are 6,000 bytes
# percent-encoded), so that a value too long is the API's 400 problem, not an HTML 414
limit_request_line = 8190
# forwarded headers are trusted only through werkzeug's ProxyFix (QUOTES_PROXY_COUNT), never by
# gunicorn on its own for any client on this host
forwarded_allow_ips = ""
secure_scheme_headers = {}


class JsonAccessLogger(glogging.Logger):
    """One JSON object per request, escaped by ``json.dumps`` whatever the client sent."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        self.access_log.info(json.dumps({
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "remote": atoms["h"],
            "method": atoms["m"], "path": atoms["U"], "query": atoms["q"], "status": resp.status_code,
            "bytes": atoms["B"], "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": atoms.get("{x-request-id}o", "-")}, ensure_ascii=False))


logger_class = JsonAccessLogger

# several workers add up their Prometheus metrics through files in one folder
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="quotes-metrics-"))


def post_fork(server, worker):
    """Connections made by the master before the fork must not be shared by workers."""
    app = server.app.wsgi()
    app.extensions["db_engine"].dispose(close=False)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
