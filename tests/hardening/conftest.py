"""A real gunicorn server for the tests that kill it, and a TCP proxy that can cut the database."""
from __future__ import annotations

import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """``gunicorn -c gunicorn.conf.py`` on a free loopback port, in its own process group."""

    def __init__(self, database_url: str, log_path: Path, **env: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")], cwd=ROOT,
            env={**os.environ, "DATABASE_URL": database_url, "QUOTES_BIND": f"127.0.0.1:{self.port}",
                 "QUOTES_WORKERS": "1", "QUOTES_ACCESS_LOG": "", **env},
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 180
        while self.call("GET", "/readyz")[0] != 200:
            assert self.process.poll() is None, log_path.read_text()[-3000:]
            assert time.monotonic() < deadline, "the server did not become ready"
            time.sleep(0.5)

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | None]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")
        except OSError:
            return 0, None

    def kill(self) -> None:
        """SIGKILL to the master and its workers: no shutdown code runs."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.log.close() if not self.log.closed else None

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)
        self.log.close() if not self.log.closed else None


class CuttableProxy:
    """A TCP proxy to the database that the test can cut (``down()``) and restore (``up()``),
    as a server crash or a network partition would: open connections are reset, new ones refused."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = free_port()
        self._links: list[socket.socket] = []
        self._lock = threading.Lock()
        self._open = False
        self.up()

    def up(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        with self._lock:
            self._open = True
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def down(self) -> None:
        with self._lock:
            self._open = False
            links, self._links = self._links, []
        self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread; close() alone would not
        self._listener.close()
        for link in links:
            link.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST, not FIN
            try:
                link.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            link.close()

    def _keep(self, *links: socket.socket) -> bool:
        """Track new sockets, or close them if the proxy went down meanwhile."""
        with self._lock:
            if self._open:
                self._links += links
                return True
        for link in links:
            link.close()
        return False

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            if not self._keep(client):
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            if self._keep(server):
                for a, b in ((client, server), (server, client)):
                    threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass


@pytest.fixture
def start_server(tmp_path):
    """``start_server(database_url, **env)`` -> a ready ``LiveServer``; all stopped after the test."""
    servers: list[LiveServer] = []

    def start(database_url: str, **env: str) -> LiveServer:
        servers.append(LiveServer(database_url, tmp_path / "server.log", **env))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def cuttable_proxy():
    """``cuttable_proxy(host, port)`` -> a ``CuttableProxy`` to that server, cut after the test."""
    proxies: list[CuttableProxy] = []

    def make(host: str, port: int) -> CuttableProxy:
        proxies.append(CuttableProxy(host, port))
        return proxies[-1]

    yield make
    for proxy in proxies:
        proxy.down()
