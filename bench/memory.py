"""Memory of the gunicorn service with 1 and with 4 workers, measured in the same run.

    python bench/memory.py

Each server loads the model once in the master (``preload_app``) and forks workers that share
it copy-on-write. After a few extraction requests per worker, prints for each set-up the summed
RSS (which counts shared pages once per process), the summed PSS (shared pages divided among
the processes that share them: the memory really used) and the ratio 4 workers / 1 worker.
Target: the 4-worker PSS below 2.5 times the 1-worker PSS.
"""
from __future__ import annotations

import http.client
import json
import socket
import tempfile
import threading
import time
from pathlib import Path

from api import ROOT, serving

ARTICLE = (ROOT / "seeds" / "000_fceb5003a30c558a.txt").read_text(encoding="utf-8")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().split(") ")[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                pass
    return found


def memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process, in KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] in ("Rss:", "Pss:"):
            values[parts[0]] = int(parts[1])
    return values["Rss:"], values["Pss:"]


def measure(workers: int) -> tuple[int, int, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    workdir = tempfile.mkdtemp(prefix="quotes-mem-")
    with serving(f"sqlite:///{workdir}/m.sqlite3", port, workdir, QUOTES_WORKERS=str(workers)) as server:
        def extract() -> None:
            for _ in range(3):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                conn.request("POST", "/v1/extract", body=json.dumps({"text": ARTICLE}),
                             headers={"Content-Type": "application/json"})
                conn.getresponse().read()

        # concurrent requests, so that every worker extracts and grows to its working size
        clients = [threading.Thread(target=extract) for _ in range(workers * 2)]
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        time.sleep(1)
        pids = [server.pid, *children(server.pid)]
        rss, pss = map(sum, zip(*(memory_kib(p) for p in pids)))
        return len(pids) - 1, rss, pss


def main() -> None:
    one, four = measure(1), measure(4)
    for label, (workers, rss, pss) in (("1 worker ", one), ("4 workers", four)):
        print(f"{label} ({workers} forked): RSS {rss / 1024:7.0f} MiB   PSS {pss / 1024:7.0f} MiB")
    print(f"ratio 4 workers / 1 worker: PSS {four[2] / one[2]:.2f}   RSS {four[1] / one[1]:.2f}  (target PSS < 2.5)")


if __name__ == "__main__":
    main()
