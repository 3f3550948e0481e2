"""Mixed load on a real gunicorn server: reads, writes and extractions at once, bounded in time.

    python bench/load.py [--seconds 50] [--concurrency 6] [--database-url URL]

A 10 s baseline on a bare endpoint, then ``--seconds`` of mixed traffic (default 50: one minute
in all): 70 % reads (quotes by speaker, words, speaker search, one quote, one article), 20 %
article posts (new ones and updates of the same ``external_id``), 10 % ``/v1/extract``.
Prints the request rate, p50/p99 per kind, the ratio to the bare rate, and the error count,
which must be 0 (the exit status is 1 otherwise). The server runs ``gunicorn.conf.py``.
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from urllib.parse import quote

from api import drive, percentile, serving

FIRST = ["Claire", "Paul", "Inès", "Marc", "Yasmina", "Thomas", "Léa", "Hugo", "Nadia", "Julien"]
LAST = ["Garnier", "Lemoine", "Benali", "Roussel", "Keller", "Marchand", "Da Silva", "Perrin", "Diallo", "Faure"]
ROLES = ["maire de Rennes", "ministre de la Santé", "porte-parole du syndicat", "économiste à l'OFCE", "avocate"]
SAID = ["a déclaré", "a estimé", "a affirmé", "a prévenu", "a souligné", "a expliqué"]


def article(rng: random.Random, external_id: str) -> bytes:
    """A short French article quoting two people, in the shapes the extractor handles."""
    a, b = (f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2))
    text = (f"« Nous tiendrons le calendrier fixé pour {rng.randrange(2020, 2030)} », {rng.choice(SAID)} {a}, "
            f"{rng.choice(ROLES)}, lors d'une réunion publique.\n\n"
            f"Pour {b}, la réforme reste « {rng.choice(['fragile', 'inachevée', 'prometteuse'])} ». "
            f"« Il faudra des moyens », a-t-il ajouté.")
    return json.dumps({"text": text, "external_id": external_id, "published_at": "2026-05-04T08:00:00Z"}).encode()


def mixed_traffic(rng_seed: int = 0):
    """The request picker for ``drive``: 70 % reads, 20 % article posts, 10 % extractions."""
    def pick(rng: random.Random):
        roll = rng.random()
        if roll < 0.25:
            return "GET", f"/v1/quotes?speaker={quote(rng.choice(LAST).lower())}&limit=20", None
        if roll < 0.40:
            return "GET", f"/v1/quotes?q={quote(rng.choice(['calendrier', 'moyens', 'réforme']))}", None
        if roll < 0.50:
            return "GET", f"/v1/speakers?q={quote(rng.choice(FIRST).lower())}", None
        if roll < 0.60:
            return "GET", f"/v1/quotes/{rng.randrange(1, 40)}", None
        if roll < 0.70:
            return "GET", f"/v1/articles/{rng.randrange(1, 20)}", None
        if roll < 0.90:  # half updates of a few ids, half new articles
            ident = f"load-{rng.randrange(10)}" if rng.random() < 0.5 else f"load-{rng.getrandbits(48):x}"
            return "POST", "/v1/articles", article(rng, ident)
        return "POST", "/v1/extract", json.dumps({"text": json.loads(article(rng, "x"))["text"]}).encode()
    return pick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=50, help="mixed traffic, after a 10 s baseline")
    parser.add_argument("--concurrency", type=int, default=6)
    parser.add_argument("--port", type=int, default=18741)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="quotes-load-")
    url = args.database_url or f"sqlite:///{workdir}/load.sqlite3"
    with serving(url, args.port, workdir):
        rng = random.Random(3)
        seed = [("POST", "/v1/articles", article(rng, f"load-{n}")) for n in range(20)]
        drive(args.port, lambda r: seed.pop() if seed else ("GET", "/bench/bare", None), 2.0, 1, ok=(200, 201))
        bare = drive(args.port, ["/bench/bare"], 10.0, args.concurrency)
        started = time.perf_counter()
        # 404 is a right answer for an id that a random pick made up
        mixed = drive(args.port, mixed_traffic(), args.seconds, args.concurrency, ok=(200, 201, 404))
        elapsed = time.perf_counter() - started
    for label, (rate, lat, errors) in (("bare endpoint", bare), ("mixed reads and writes", mixed)):
        print(f"{label:24} {rate:8.1f} req/s  p50 {percentile(lat, 0.5):7.1f} ms  p99 {percentile(lat, 0.99):7.1f} ms"
              f"  errors {errors}")
    print(f"mixed: {len(mixed[1])} requests in {elapsed:.0f} s; ratio mixed / bare: {mixed[0] / bare[0]:.3f}")
    raise SystemExit(1 if mixed[2] or bare[2] else 0)


if __name__ == "__main__":
    main()
