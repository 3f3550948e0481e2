"""gunicorn settings, from the environment with defaults for a 2-core machine.

The spaCy pipeline is loaded once in the master (``preload_app``) and shared copy-on-write.
"""
import os

wsgi_app = "service.app:create_app()"
bind = os.environ.get("QUOTES_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("QUOTES_WORKERS", "2"))
threads = int(os.environ.get("QUOTES_THREADS", "1"))
timeout = int(os.environ.get("QUOTES_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("QUOTES_GRACEFUL_TIMEOUT", "30"))
preload_app = True
accesslog = os.environ.get("QUOTES_ACCESS_LOG", "-") or None  # empty: no access log
