#!/bin/sh
# Start step of the image: migrate, then serve with gunicorn (DATABASE_URL honoured).
set -eu
PYTHON="${PYTHON:-python3}"
"$PYTHON" -m service db upgrade
exec "$PYTHON" -m gunicorn -c "${GUNICORN_CONF:-gunicorn.conf.py}"
