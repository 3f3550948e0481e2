"""Read speed at scale: the API's list queries over ``--quotes`` stored quotes (default
1,000,000), against a bare Flask endpoint served by the same gunicorn set-up in the same run.

    python bench/api.py [--quotes 1000000] [--seconds 8] [--concurrency 4] [--no-cache]
                        [--database-url postgresql+psycopg://USER@HOST/NEW_DB]

The store is filled by bulk inserts (SQLite: one transaction; PostgreSQL: ``COPY``), its word
index ``quote_words`` included (the quotes' words and their speakers' name words), with a long tail of speakers (every one equally likely, so the response cache cannot help), one big speaker,
quotes whose words follow a Zipf law, and dates over five years. Then, once with the response
cache on and once with it off (``--no-cache``: off only), each kind of read is driven on its own
for ``--seconds``: a speaker by id, by name and by first name, cursors to page 5, ``q=`` words (common and rare),
``since``/``until`` ranges, ``kind=``; and a CSV export of the big speaker. Prints each one's
request rate, p50/p99 and its ratio to the bare endpoint's rate, measured in the same server in
turns with it (eight of ``--seconds / 8`` each) (targets, issue 14: ratio >= 0.5 and p99 < 20 ms
with the cache off; ``q=`` p99 < 50 ms), and the CPU the workers and this machine's PostgreSQL
spent per request, with the ratio of the bare one's to it: on a machine shared with other work,
latencies and rates move with the others' load, the CPU per request much less.

A PostgreSQL ``--database-url`` must name a database that does not exist: the bench creates it
and drops it at the end. A SQLite store lives in a temporary folder, removed at the end.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import http.client
import io
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# bench/ holds scripts: the repository root is searched first and bench/ not at all, so that a
# script named like a standard module (queue.py, say) shadows nothing
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != BENCH]

FIRST = ["Marie", "Jean", "Claire", "Paul", "Sophie", "Luc", "Anne", "Hugo", "Léa", "Marc", "Inès", "Karim"]
SYLLABLES = ["ber", "lan", "mo", "ti", "gué", "ra", "vel", "do", "sen", "cour", "ma", "lé", "pi", "nor", "sa", "ju"]
START = datetime(2021, 1, 1)
YEARS = 5


def bench_app():
    """The service plus one bare endpoint, for gunicorn (``bench.api:bench_app()``)."""
    from service.app import create_app

    app = create_app()

    @app.get("/bench/bare")
    def bare():
        return {"ok": True}

    return app


def vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    """Made-up lower-case ASCII words (their own ``name_key``), most frequent first."""
    words: list[str] = []
    seen = set()
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).replace("é", "e")
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def load_quotes(url: str, count: int, speakers: int | None = None, per_article: int = 10) -> dict:
    """Synthetic articles, speakers and quotes, bulk-written straight to the store. Returns what
    the request mix needs: speaker names, the words by frequency, the big speaker's id."""
    from sqlalchemy import insert, text

    from service.nlp.normalize import name_key
    from service.store.db import make_engine, make_sessionmaker, upgrade
    from service.store.models import Article, Speaker, SpeakerToken
    from service.store.queries import add_quote_counts, name_words, signature_columns

    speakers = speakers or max(100, count // 50)
    engine = make_engine(url, statement_timeout=3600)
    upgrade(engine)
    rng = random.Random(7)
    surnames = sorted({"".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize() for _ in range(speakers * 4)})
    names = [f"{rng.choice(FIRST)} {surname}" for surname in rng.sample(surnames, speakers)]
    words = vocabulary(rng)
    cum_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))  # Zipf
    articles = count // per_article
    span = YEARS * 365 * 24 * 3600
    dates = sorted(START + timedelta(seconds=rng.randrange(span)) for _ in range(articles))
    kinds = ["direct"] * 6 + ["partial"] * 3 + ["indirect"]
    with make_sessionmaker(engine, write=True).begin() as session:
        session.execute(insert(Speaker), [{"id": i + 1, "name": n, "key": name_key(n), "type": "person"}
                                          for i, n in enumerate(names)])
        session.execute(insert(SpeakerToken), [{"speaker_id": i + 1, "token": t}
                                               for i, n in enumerate(names) for t in set(name_key(n).split())])
        session.execute(insert(Article), [
            {"id": a + 1, "text": "…", "language": "fr", "title": f"Article {a + 1}", "outlet": "Le Bench",
             "url": f"https://bench.example/{a + 1}", "created_at": dates[a], "updated_at": dates[a],
             # one article in 100 has no date: its quotes sort by ingestion time
             "published_at": None if a % 100 == 99 else dates[a]} for a in range(articles)])

    postings: list[tuple] = []  # quote_words rows, written after the quotes in their key's order
    named = [name_words(name_key(n).split()) for n in names]  # each speaker's name words
    quoted: Counter[int] = Counter()  # speakers' quote counts, kept by the service's writes (add_quote_counts)

    def quote_rows():
        for q in range(articles * per_article):
            article = q // per_article
            # speaker 1 is the big one (2 % of the quotes), the others equally likely
            speaker = 0 if rng.random() < 0.02 else rng.randrange(1, speakers)
            said = rng.choices(words, cum_weights=cum_weights, k=rng.randint(6, 14))
            text = " ".join(said).capitalize() + "."
            when = dates[article]
            plain = list(dict.fromkeys(said))  # words_of(text): the words are plain
            signature = signature_columns(plain)
            postings.extend((word, when, q + 1, signature["signature"], signature["signature_high"])
                            for word in plain + named[speaker])
            quoted[speaker + 1] += 1
            yield (q + 1, article + 1, speaker + 1, text, " ".join(said), 0, len(text), rng.choice(kinds), 0.9,
                   names[speaker], "person", "ministre", "ministre", None if article % 100 == 99 else when, when, False,
                   names[speaker], f"Article {article + 1}", f"https://bench.example/{article + 1}", "Le Bench")

    columns = ("id", "article_id", "speaker_id", "text", "text_key", "start", "end", "kind", "confidence",
               "speaker_name", "speaker_type", "role", "role_key", "published_at", "sort_at", "rejected",
               "speaker_canonical_name", "article_title", "article_url", "article_outlet")  # as save_article writes them
    names_sql = ", ".join(f'"{c}"' for c in columns)  # "end" is a keyword
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if engine.dialect.name == "postgresql":
            with cursor.copy(f"COPY quotes ({names_sql}) FROM STDIN") as copy:
                for row in quote_rows():
                    copy.write_row(row)
            postings.sort()
            with cursor.copy("COPY quote_words (word, sort_at, quote_id, signature, signature_high) FROM STDIN") as copy:
                for row in postings:
                    copy.write_row(row)
        else:
            cursor.execute("BEGIN")
            cursor.executemany(f"INSERT INTO quotes ({names_sql}) "
                               f"VALUES ({', '.join('?' * len(columns))})",
                               ((*r[:13], *(d and d.strftime("%Y-%m-%d %H:%M:%S.%f") for d in r[13:15]), *r[15:])
                                for r in quote_rows()))
            postings.sort()
            cursor.executemany("INSERT INTO quote_words (word, sort_at, quote_id, signature, signature_high) "
                               "VALUES (?, ?, ?, ?, ?)",
                               ((w, d.strftime("%Y-%m-%d %H:%M:%S.%f"), i, s, h) for w, d, i, s, h in postings))
        raw.commit()
        postings.clear()
    finally:
        raw.close()
    with make_sessionmaker(engine, write=True).begin() as session:
        add_quote_counts(session, quoted, Counter())
    # SQLite is left without statistics, as the service leaves a store (it never runs ANALYZE;
    # the ANALYZE this bench ran until issue 14's kind index was rolled back with its connection)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("SELECT setval('quotes_id_seq', (SELECT max(id) FROM quotes))"))
            connection.execute(text("VACUUM ANALYZE"))  # what autovacuum does after a bulk load
    engine.dispose()
    return {"names": names, "words": words}


@contextlib.contextmanager
def bench_database(url: str | None, workdir: str):
    """The URL of a store for this run only: a new SQLite file, or a new PostgreSQL database
    (named by ``url``, which must not exist yet), dropped at the end."""
    if url is None or url.startswith("sqlite"):
        yield url or f"sqlite:///{workdir}/bench.sqlite3"
        return
    from sqlalchemy import create_engine, make_url, text

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}):
            raise SystemExit(f"database {target.database!r} exists: name a new one, the bench drops it at the end")
        connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        admin.dispose()


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
                               "bench.api:bench_app()"],
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


def later_pages(url: str, paths: list[str], pages: int = 5) -> list[str]:
    """Each of ``paths`` with the cursor of its page ``pages``, found through the store's own
    queries (not through the server, whose response cache would then be warm)."""
    from urllib.parse import parse_qsl, urlsplit

    from service.api.quotes import filters_from
    from service.store.db import make_engine, make_sessionmaker
    from service.store.queries import page, quotes_query

    engine = make_engine(url)
    found = []
    with make_sessionmaker(engine)() as session:
        for path in paths:
            parts = urlsplit(path)
            args = dict(parse_qsl(parts.query))
            if parts.path.startswith("/v1/speakers/"):
                args["speaker"] = parts.path.split("/")[3]
            query = quotes_query(session, filters_from(args))
            cursor = None
            for _ in range(pages - 1):
                _, cursor = page(session, query, int(args.get("limit", 50)), cursor)
                if cursor is None:
                    break
            if cursor:
                found.append(f"{path}&cursor={cursor}")
    engine.dispose()
    return found


def request_mix(data: dict, url: str) -> dict[str, list[str]]:
    """The GET paths of each kind of read, drawn from the long tail."""
    rng = random.Random(1)
    names, words = data["names"], data["words"]
    ids = list(range(2, len(names) + 1))

    def window() -> str:
        since = START + timedelta(days=rng.randrange(YEARS * 365 - 60))
        until = since + timedelta(days=rng.choice([1, 7, 30]))
        return f"since={since:%Y-%m-%d}T00:00:00Z&until={until:%Y-%m-%d}T00:00:00Z"

    mix = {
        "/v1/speakers/{id}/quotes": [f"/v1/speakers/{rng.choice(ids)}/quotes?limit=20" for _ in range(2000)],
        "/v1/quotes?speaker=<name>": [f"/v1/quotes?speaker={quote(names[i - 1].split()[-1].lower())}&limit=20"
                                     for i in rng.sample(ids, min(2000, len(ids)))],
        "?speaker= page 5": [],
        # a first name names a twelfth of the speakers: they are read by walking the newest quotes
        "?speaker=<first name>": [f"/v1/quotes?speaker={quote(first.lower())}&limit=20" for first in FIRST],
        "?q=<word> (any frequency)": [f"/v1/quotes?q={rng.choice(words)}&limit=20" for _ in range(2000)],
        "?q=<two words>": [f"/v1/quotes?q={rng.choice(words[:300])}+{rng.choice(words)}&limit=20"
                           for _ in range(2000)],
        "?since=&until=": [f"/v1/quotes?{window()}&limit=20" for _ in range(2000)],
        "?speaker=<id>&since=": [f"/v1/quotes?speaker={rng.choice(ids)}&limit=20&{window().split('&')[0]}"
                             for _ in range(2000)],
        "?kind=indirect": [f"/v1/quotes?kind=indirect&limit=20&{window()}" for _ in range(500)],
        "?q= page 5": [],
    }
    mix["?speaker= page 5"] = later_pages(url, [f"/v1/speakers/{rng.choice(ids)}/quotes?limit=10" for _ in range(300)])
    mix["?q= page 5"] = later_pages(url, [f"/v1/quotes?q={rng.choice(words[:1000])}&limit=20" for _ in range(300)])
    return mix


def csv_export(port: int, speaker_id: int, times: int = 3) -> tuple[list[float], int]:
    """Seconds each full CSV export of one speaker took, and its row count."""
    seconds, rows = [], 0
    for _ in range(times):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        started = time.perf_counter()
        conn.request("GET", f"/v1/speakers/{speaker_id}/quotes?format=csv")
        response = conn.getresponse()
        body = response.read().decode()
        seconds.append(time.perf_counter() - started)
        if response.status != 200:
            raise SystemExit(f"CSV export: HTTP {response.status}")
        rows = sum(1 for _ in csv.reader(io.StringIO(body))) - 1
        conn.close()
    return seconds, rows


def processes_cpu_seconds(master_pid: int) -> tuple[float, float]:
    """CPU time (user + system) used so far by the server's worker processes, and by this
    machine's PostgreSQL processes (0 on SQLite, whose work is the workers')."""
    workers = database = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                name, _, rest = (entry / "stat").read_text().partition(" (")[2].rpartition(") ")
                fields = rest.split()
            except (OSError, IndexError):
                continue
            # fields[1] is the parent pid; [11], [12]: utime, stime
            if int(fields[1]) == master_pid:
                workers += int(fields[11]) + int(fields[12])
            elif name == "postgres":
                database += int(fields[11]) + int(fields[12])
    return workers / os.sysconf("SC_CLK_TCK"), database / os.sysconf("SC_CLK_TCK")


def measured(server, port: int, paths: list[str], seconds: float, concurrency: int) -> tuple:
    """``drive`` plus the CPU milliseconds per request of the workers and of the database, which
    other processes on the machine do not inflate the way they inflate latencies."""
    before = processes_cpu_seconds(server.pid)
    rate, latencies, errors = drive(port, paths, seconds, concurrency)
    after = processes_cpu_seconds(server.pid)
    return rate, latencies, errors, tuple((b - a) * 1000 / max(1, len(latencies)) for a, b in zip(before, after))


def interleaved(server, port: int, paths: list[str], seconds: float, concurrency: int, slices: int = 8) -> tuple:
    """``measured`` of the bare endpoint and of ``paths``, in turns of ``seconds / slices`` each,
    ``seconds`` in all for each: the two rates cover the same stretch of time, so that their ratio
    is the read's cost, not the move of the machine's load between two measurements."""
    turns: dict[str, list] = {"bare": [], "read": []}
    for _ in range(slices):
        for key, kind in (("bare", ["/bench/bare"]), ("read", paths)):
            turns[key].append(measured(server, port, kind, seconds / slices, concurrency))

    def joined(parts: list) -> tuple:
        count = sum(len(latencies) for _, latencies, _, _ in parts)
        elapsed = sum(len(latencies) / rate for rate, latencies, _, _ in parts if rate)
        cpu = tuple(sum(cpu[i] * len(lat) for _, lat, _, cpu in parts) / max(1, count) for i in (0, 1))
        return (count / elapsed if elapsed else 0.0, [t for _, latencies, _, _ in parts for t in latencies],
                sum(errors for _, _, errors, _ in parts), cpu)

    return joined(turns["bare"]), joined(turns["read"])


def run(url: str, port: int, workdir: str, mix: dict, seconds: float, concurrency: int, cache: bool) -> None:
    env = {} if cache else {"QUOTES_RESPONSE_CACHE_ENTRIES": "0"}
    with serving(url, port, workdir, **env) as server:
        drive(port, ["/bench/bare"] + [p for paths in mix.values() for p in paths[:3]], 2.0, concurrency)  # warm up
        bare = measured(server, port, ["/bench/bare"], seconds, concurrency)
        # each read against the bare endpoint in turns of a second: on a shared machine the load
        # moves within seconds, and a ratio to a rate measured earlier would measure that move
        results = [(label, *interleaved(server, port, paths, seconds, concurrency)) for label, paths in mix.items()]
        export, rows = csv_export(port, 1)
    print(f"\n== response cache {'on' if cache else 'off'} ==")
    # cpu: the workers' ms a request; db: PostgreSQL's; cpu ratio: the bare endpoint's (both) to the read's
    print(f"{'endpoint':30} {'req/s':>8} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} {'cpu ms':>6} {'db ms':>6}"
          f" {'cpu ratio':>9} errors {'bare req/s':>10} {'bare p99':>8}")
    for label, base, (rate, lat, errors, (cpu, db)) in [("bare endpoint", bare, bare), *results]:
        print(f"{label:30} {rate:8.1f} {rate / base[0]:6.2f} {percentile(lat, 0.5):7.1f} {percentile(lat, 0.99):7.1f}"
              f" {cpu:6.2f} {db:6.2f} {sum(base[3]) / (cpu + db) if cpu + db else 0:9.2f} {errors:6}"
              f" {base[0]:10.1f} {percentile(base[1], 0.99):8.1f}")
    print(f"CSV export of the big speaker: {rows} rows in {min(export):.2f} s (best of {len(export)}),"
          f" {rows / min(export):,.0f} rows/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=8, help="for each kind of read")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=18731)
    parser.add_argument("--database-url", help="a PostgreSQL database to create and drop; default: a SQLite file")
    parser.add_argument("--no-cache", action="store_true", help="only the run with the response cache off")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="quotes-bench-")
    try:
        with bench_database(args.database_url, workdir) as url:
            started = time.perf_counter()
            data = load_quotes(url, args.quotes)
            print(f"loaded {args.quotes:,} quotes in {time.perf_counter() - started:.0f} s ({url.split(':')[0]}); "
                  f"{len(data['names']):,} speakers; {os.cpu_count()} cores shared with whatever else runs")
            mix = request_mix(data, url)
            for cache in ([False] if args.no_cache else [False, True]):
                run(url, args.port, workdir, mix, args.seconds, args.concurrency, cache)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
