"""gunicorn settings, from the environment, with defaults for a 2-core machine.

The spaCy pipeline is loaded once in the master (``preload_app``) and shared copy-on-write by
the workers; each worker opens its own database connections after the fork.
"""
import multiprocessing
import os
import tempfile

wsgi_app = "service.app:create_app()"
bind = os.environ.get("QUOTES_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("QUOTES_WORKERS", str(min(4, multiprocessing.cpu_count()))))
threads = int(os.environ.get("QUOTES_THREADS", "1"))
timeout = int(os.environ.get("QUOTES_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("QUOTES_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
preload_app = True
max_requests = int(os.environ.get("QUOTES_MAX_REQUESTS", "0"))  # 0: workers are never recycled
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("QUOTES_ACCESS_LOG", "-") or None  # empty: no access log
access_log_format = ('{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", "query": "%(q)s", '
                     '"status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s, "request_id": "%({x-request-id}o)s"}')

# several workers add up their Prometheus metrics through files in one folder
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="quotes-metrics-"))


def post_fork(server, worker):
    """Connections made by the master before the fork must not be shared by workers."""
    app = server.app.wsgi()
    app.extensions["db_engine"].dispose(close=False)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
