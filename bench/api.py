"""Query speed of ``GET /v1/quotes?speaker=…`` over 100,000 stored quotes, against a bare Flask
endpoint served by the same gunicorn set-up in the same run.

    python bench/api.py [--quotes 100000] [--seconds 10] [--concurrency 4]

Prints each endpoint's request rate and p50/p99 latency, and the ratio of the query rate to
the bare rate (target: >= 0.5, p99 < 50 ms on SQLite).
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bench_app():
    """The service plus one bare endpoint, for gunicorn (``--pythonpath bench api:bench_app()``)."""
    from service.app import create_app

    app = create_app()

    @app.get("/bench/bare")
    def bare():
        return {"ok": True}

    return app


def load_quotes(url: str, count: int, speakers: int = 2000, per_article: int = 10) -> list[str]:
    """Synthetic articles, speakers and quotes, written straight to the store."""
    from sqlalchemy import insert

    from service.nlp.normalize import name_key
    from service.store.db import make_engine, make_sessionmaker, upgrade
    from service.store.models import Article, Quote, Speaker, SpeakerToken

    engine = make_engine(url)
    upgrade(engine)
    rng = random.Random(7)
    first = ["Marie", "Jean", "Claire", "Paul", "Sophie", "Luc", "Anne", "Hugo", "Léa", "Marc"]
    syllables = ["ber", "lan", "mo", "ti", "gué", "ra", "vel", "do", "sen", "cour", "ma", "lé"]
    surnames = sorted({"".join(rng.choice(syllables) for _ in range(4)).capitalize() for _ in range(speakers * 3)})
    names = [f"{rng.choice(first)} {surname}" for surname in rng.sample(surnames, speakers)]
    start = datetime(2020, 1, 1)
    with make_sessionmaker(engine, write=True).begin() as session:
        session.execute(insert(Speaker), [{"id": i + 1, "name": n, "key": name_key(n), "type": "person"}
                                          for i, n in enumerate(names)])
        session.execute(insert(SpeakerToken), [{"speaker_id": i + 1, "token": t}
                                               for i, n in enumerate(names) for t in set(name_key(n).split())])
        articles = count // per_article
        session.execute(insert(Article), [{"id": a + 1, "text": "…", "language": "fr", "created_at": start,
                                           "updated_at": start, "published_at": start + timedelta(hours=a)}
                                          for a in range(articles)])
        rows = []
        for q in range(count):
            article = q // per_article
            speaker = rng.randrange(speakers)
            text = f"Citation numéro {q} sur la réforme des retraites et le budget"
            when = start + timedelta(hours=article)
            rows.append({"article_id": article + 1, "speaker_id": speaker + 1, "text": text, "text_key": name_key(text),
                         "start": 0, "end": len(text), "kind": "direct", "confidence": 0.9,
                         "speaker_name": names[speaker], "speaker_type": "person", "role": "ministre",
                         "role_key": "ministre", "published_at": when, "sort_at": when})
            if len(rows) == 10_000:
                session.execute(insert(Quote), rows)
                rows = []
        if rows:
            session.execute(insert(Quote), rows)
    engine.dispose()
    return names


def drive(port: int, pick, seconds: float, concurrency: int, ok=(200,)) -> tuple[float, list[float], int]:
    """Keep-alive clients sending requests for ``seconds``: (requests/s, latencies, errors).

    ``pick`` is a list of GET paths, or a function of a ``random.Random`` that gives
    ``(method, path, JSON body or None)``; a status outside ``ok`` counts as an error.
    """
    if isinstance(pick, list):
        paths = pick
        pick = lambda rng: ("GET", rng.choice(paths), None)  # noqa: E731
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.perf_counter() < deadline:
            method, path, body = pick(rng)
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
                response = conn.getresponse()
                response.read()
                good = response.status in ok
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                good = False
            mine.append(time.perf_counter() - started)
            if not good:
                with lock:
                    errors[0] += 1
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies) / (time.perf_counter() - started), latencies, errors[0]


@contextlib.contextmanager
def serving(url: str, port: int, workdir: str, **env: str):
    """gunicorn with ``gunicorn.conf.py`` serving ``bench_app()`` on ``port`` until the block ends;
    the block gets the master's ``Popen``."""
    env = {**os.environ, "DATABASE_URL": url, "QUOTES_ACCESS_LOG": "", "QUOTES_BIND": f"127.0.0.1:{port}", **env}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
                               "--pythonpath", str(ROOT / "bench"), "api:bench_app()"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=open(Path(workdir) / "gunicorn.log", "w"))
    try:
        for _ in range(240):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                conn.request("GET", "/bench/bare")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit(f"the server did not start: see {workdir}/gunicorn.log")
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=18731)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--no-cache", action="store_true", help="turn the response cache off (QUOTES_RESPONSE_CACHE_ENTRIES=0)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="quotes-bench-")
    url = args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
    started = time.perf_counter()
    names = load_quotes(url, args.quotes)
    print(f"loaded {args.quotes} quotes in {time.perf_counter() - started:.1f} s ({url.split(':')[0]})")

    env = {"QUOTES_RESPONSE_CACHE_ENTRIES": "0"} if args.no_cache else {}
    with serving(url, args.port, workdir, **env):
        rng = random.Random(1)
        speaker_paths = [f"/v1/quotes?speaker={quote(n.split()[-1].lower())}&limit=20" for n in rng.sample(names, 200)]
        drive(args.port, ["/bench/bare"] + speaker_paths[:5], 1.0, args.concurrency)  # warm up
        bare = drive(args.port, ["/bench/bare"], args.seconds, args.concurrency)
        query = drive(args.port, speaker_paths, args.seconds, args.concurrency)
    for label, (rate, lat, errors) in (("bare endpoint", bare), ("GET /v1/quotes?speaker=", query)):
        print(f"{label:26} {rate:8.1f} req/s  p50 {percentile(lat, 0.5):6.1f} ms  p99 {percentile(lat, 0.99):6.1f} ms"
              f"  errors {errors}")
    print(f"ratio query / bare: {query[0] / bare[0]:.2f}")


if __name__ == "__main__":
    main()
