"""No Docker engine runs here: run the image's own install and start steps instead, and lint
the Dockerfile."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_dockerfile_lints_clean():
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_the_tested_scripts():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "docker/install.sh" in dockerfile and "docker/start.sh" in dockerfile
    assert "spacy download" not in dockerfile and "HEALTHCHECK" in dockerfile and "USER 10001" in dockerfile


def test_install_then_start_serve_and_stop_gracefully(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    install = subprocess.run(["sh", "docker/install.sh", str(ROOT)], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, "PYTHON": python}, timeout=900)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHON": python, "DATABASE_URL": f"sqlite:///{tmp_path / 'data.sqlite3'}",
           "QUOTES_BIND": f"127.0.0.1:{port}", "QUOTES_WORKERS": "2", "QUOTES_MIGRATE_ON_START": "0"}
    server = subprocess.Popen(["sh", "docker/start.sh"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "the server did not become ready"
                time.sleep(1)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/extract", method="POST",
                                         data='{"text": "« Oui », a dit Jeanne Marin."}'.encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert b"Jeanne Marin" in response.read()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        code = server.wait(timeout=60)
        server.stdout.close()
    assert code == 0  # graceful shutdown
