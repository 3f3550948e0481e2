"""Articles per second through the queue (1 and 2 worker processes) against in-process
``ingest --workers 1`` and ``--workers 2`` over the same articles, in the same run.

    python bench/queue_throughput.py [--copies 4] [--broker amqp://guest:guest@127.0.0.1:5672//]

The articles are the seeds and the three dev sets (``--copies`` times each, distinct ids).
In-process: ``ingest_records`` into a fresh SQLite store. Queue: ``python -m service worker
--concurrency N`` started and warmed up (every pool process has loaded the model), then
``ingest --queue`` (``enqueue_records``) into another fresh store, timed from the first task
published to the last job done. Bars: 2 workers >= 1.6 x one; queue >= 0.9 x in-process.
Also prints the CPU time each path spends per article, which other load on the machine
disturbs much less than the wall-clock rates, and the cores other processes used during each
measurement (from /proc/stat): on 2 cores, a 2-process measurement means little when others
took one. ``--rounds N`` measures every path N times, interleaved, and keeps each one's best.
"""
from __future__ import annotations

import sys
from pathlib import Path

# this file is named like the standard library's queue module: keep its folder off the path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
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


def machine_cpu() -> float:
    """CPU seconds every process of the machine has used since boot (/proc/stat)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def in_process(feed: Path, db: Path, workers: int, extractor) -> tuple[float, float, float]:
    """Articles per second, CPU seconds per article, cores other processes used meanwhile."""
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    report = BulkReport()
    cpu, machine, started = own_cpu(), machine_cpu(), time.perf_counter()
    ingest_records(read_records([feed], report.bad), extractor, make_sessionmaker(engine, write=True), report,
                   batch_size=16, workers=workers, progress=False)
    elapsed, cpu = time.perf_counter() - started, own_cpu() - cpu
    others = (machine_cpu() - machine - cpu) / elapsed
    engine.dispose()
    return report.stored / elapsed, cpu / report.stored, others


def through_queue(feed: Path, db: Path, workers: int, broker: str, log: Path) -> tuple[float, float, float]:
    """Articles per second, CPU seconds per article (worker processes and this enqueuer), cores
    other processes used meanwhile."""
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
        cpu, machine, started = own_cpu() + group_cpu(worker.pid), machine_cpu(), time.perf_counter()
        # eight articles a task: enough for nlp.pipe, small enough to share between processes
        enqueue_records(read_records([feed], report.bad), celery, make_sessionmaker(engine, write=True), report,
                        batch_size=8, progress=False, wait=True, poll=0.5)
        elapsed, cpu = time.perf_counter() - started, own_cpu() + group_cpu(worker.pid) - cpu
        others = (machine_cpu() - machine - cpu) / elapsed
        assert report.done == report.enqueued and not report.failed, report
        return report.done / elapsed, cpu / report.done, others
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
    parser.add_argument("--rounds", type=int, default=1, help="measure each path this many times, keep the best")
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
    load_before = os.getloadavg()
    rates: dict[tuple[str, int], tuple[float, float, float]] = {}
    for round_ in range(args.rounds):
        for workers in (1, 2):
            for key in (("in-process", workers), ("queue", workers)):
                name = f"{key[0][0]}{workers}-{round_}"
                if key[0] == "in-process":
                    measured = in_process(feed, workdir / f"{name}.sqlite3", workers, extractor)
                else:
                    measured = through_queue(feed, workdir / f"{name}.sqlite3", workers, args.broker,
                                             workdir / f"worker-{name}.log")
                print(f"round {round_ + 1} {key[0]:<10} {workers} process(es): {measured[0]:6.2f} articles/s, "
                      f"others used {measured[2]:.2f} cores", file=sys.stderr)
                if key not in rates or measured[0] > rates[key][0]:
                    rates[key] = measured

    print(f"articles: {len(texts)} ({len(files)} texts x {args.copies}), best of {args.rounds}; "
          f"broker {args.broker.split('@')[-1]}; {os.cpu_count()} cores, load average (1, 5, 15 min) "
          f"{' '.join(f'{x:.1f}' for x in load_before)} before, {' '.join(f'{x:.1f}' for x in os.getloadavg())} after")
    for (path, workers), (rate, cpu, others) in rates.items():
        label = f"ingest --workers {workers}" if path == "in-process" else f"queue, {workers} worker process(es)"
        print(f"{label:<32} {rate:6.2f} articles/s  {cpu * 1000:6.0f} ms CPU per article  "
              f"(other processes: {others:.2f} cores)")
    speed = {key: rate for key, (rate, _, _) in rates.items()}
    cpu = {key: per_article for key, (_, per_article, _) in rates.items()}
    print(f"queue: 2 workers / 1 worker          {speed[('queue', 2)] / speed[('queue', 1)]:.2f}  (bar 1.6)")
    for workers in (1, 2):
        print(f"queue / in-process, {workers} process(es)     {speed[('queue', workers)] / speed[('in-process', workers)]:.2f}"
              f"  (bar 0.9); CPU per article, in-process / queue {cpu[('in-process', workers)] / cpu[('queue', workers)]:.2f}")
    print("On a machine shared with other work, articles/s follow the load; CPU per article does much less.")
    busiest = max(others for _, _, others in rates.values())
    if busiest > 0.25 * (os.cpu_count() or 1):
        print(f"warning: other processes used up to {busiest:.2f} of the {os.cpu_count()} cores during the "
              "measurements kept: these ratios measure the machine's load as much as the queue")
    shutil.rmtree(workdir, ignore_errors=True)  # kept when a measurement fails: the workers' logs are there


if __name__ == "__main__":
    main()
