"""Articles per second through the queue (1 and 2 worker processes) against in-process
``ingest --workers 1`` and ``--workers 2`` over the same articles, in the same run.

    python bench/queue_throughput.py [--copies 4] [--broker amqp://guest:guest@127.0.0.1:5672//]

The articles are the seeds and the three dev sets (``--copies`` times each, distinct ids).
In-process: ``ingest_records`` into a fresh SQLite store. Queue: ``python -m service worker
--concurrency N`` started and warmed up (every pool process has loaded the model), then
``ingest --queue`` (``enqueue_records``) into another fresh store, timed from the first task
published to the last job done. Bars: 2 workers >= 1.6 x one; queue >= 0.9 x in-process.
Also prints the CPU time each path spends per article, which other load on the machine
disturbs much less than the wall-clock rates.
"""
from __future__ import annotations

import sys
from pathlib import Path

# this file is named like the standard library's queue module: keep its folder off the path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.bulk import BulkReport, QueueReport, enqueue_records, ingest_records, read_records  # noqa: E402
from service.nlp import get_extractor  # noqa: E402
from service.store.db import make_engine, make_sessionmaker, upgrade  # noqa: E402
from service.tasks import make_celery, queues  # noqa: E402


def own_cpu() -> float:
    """CPU seconds of this process and of its children that ended (the ``--workers`` pool)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def group_cpu(pgid: int) -> float:
    """CPU seconds of the live processes of one process group (a worker and its pool)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def in_process(feed: Path, db: Path, workers: int, extractor) -> tuple[float, float]:
    """Articles per second, CPU seconds per article."""
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    report = BulkReport()
    cpu, started = own_cpu(), time.perf_counter()
    ingest_records(read_records([feed], report.bad), extractor, make_sessionmaker(engine, write=True), report,
                   batch_size=16, workers=workers, progress=False)
    elapsed, cpu = time.perf_counter() - started, own_cpu() - cpu
    engine.dispose()
    return report.stored / elapsed, cpu / report.stored


def through_queue(feed: Path, db: Path, workers: int, broker: str, log: Path) -> tuple[float, float]:
    """Articles per second, CPU seconds per article (worker processes and this enqueuer)."""
    config = {"DATABASE_URL": f"sqlite:///{db}", "BROKER_URL": broker, "QUEUE_NAME": f"bench-{uuid.uuid4().hex[:8]}"}
    engine = make_engine(config["DATABASE_URL"])
    upgrade(engine)
    env = {**os.environ, "DATABASE_URL": config["DATABASE_URL"], "QUOTES_BROKER_URL": broker,
           "QUOTES_QUEUE_NAME": config["QUEUE_NAME"]}
    with open(log, "w") as out:
        worker = subprocess.Popen([sys.executable, "-m", "service", "worker", "--concurrency", str(workers)],
                                  cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    celery = make_celery(config)
    try:
        while log.read_text().count("model loaded") < workers or " ready." not in log.read_text():
            if worker.poll() is not None:
                raise SystemExit(log.read_text()[-3000:])
            time.sleep(0.2)
        report = QueueReport()
        cpu, started = own_cpu() + group_cpu(worker.pid), time.perf_counter()
        # eight articles a task: enough for nlp.pipe, small enough to share between processes
        enqueue_records(read_records([feed], report.bad), celery, make_sessionmaker(engine, write=True), report,
                        batch_size=8, progress=False, wait=True, poll=0.5)
        elapsed, cpu = time.perf_counter() - started, own_cpu() + group_cpu(worker.pid) - cpu
        assert report.done == report.enqueued and not report.failed, report
        return report.done / elapsed, cpu / report.done
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
        with celery.connection_for_write() as connection:
            for name in queues(celery):
                connection.default_channel.queue_delete(name)
        celery.close()
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--broker", default=os.environ.get("QUOTES_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//"))
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="quotes-queue-bench-"))
    files = sorted((ROOT / "seeds").glob("*.txt"))
    for folder in ("devset", "devset2", "devset3"):
        files += sorted((ROOT / "tests" / folder).glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files] * args.copies
    feed = workdir / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": t, "external_id": f"a{i}"}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")

    extractor = get_extractor()
    extractor.extract_batch(texts[:2])
    rates = {}
    for workers in (1, 2):
        rates[("in-process", workers)] = in_process(feed, workdir / f"p{workers}.sqlite3", workers, extractor)
        rates[("queue", workers)] = through_queue(feed, workdir / f"q{workers}.sqlite3", workers, args.broker,
                                                  workdir / f"worker{workers}.log")

    print(f"articles: {len(texts)} ({len(files)} texts x {args.copies}); broker {args.broker.split('@')[-1]}; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (other processes count)")
    for (path, workers), (rate, cpu) in rates.items():
        label = f"ingest --workers {workers}" if path == "in-process" else f"queue, {workers} worker process(es)"
        print(f"{label:<32} {rate:6.2f} articles/s  {cpu * 1000:6.0f} ms CPU per article")
    speed = {key: rate for key, (rate, _) in rates.items()}
    cpu = {key: per_article for key, (_, per_article) in rates.items()}
    print(f"queue: 2 workers / 1 worker          {speed[('queue', 2)] / speed[('queue', 1)]:.2f}  (bar 1.6)")
    for workers in (1, 2):
        print(f"queue / in-process, {workers} process(es)     {speed[('queue', workers)] / speed[('in-process', workers)]:.2f}"
              f"  (bar 0.9); CPU per article, in-process / queue {cpu[('in-process', workers)] / cpu[('queue', workers)]:.2f}")
    print("On a machine shared with other work, articles/s follow the load; CPU per article does much less.")


if __name__ == "__main__":
    main()
