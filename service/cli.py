"""Command line: ``python -m service extract FILE`` (``-`` for stdin) prints the /v1/extract JSON."""
from __future__ import annotations

import argparse
import json
import os
import sys

from .api.extract import ExtractResponseSchema


def extract_command(args: argparse.Namespace) -> int:
    from .config import load_config
    from .nlp import get_extractor

    if args.file == "-":
        text = sys.stdin.read()
    else:
        with open(args.file, encoding="utf-8") as source:
            text = source.read()
    extractor = get_extractor(load_config()["SPACY_MODEL"])
    body = ExtractResponseSchema().dump({"quotes": extractor.extract(text)})
    json.dump(body, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 0


def openapi_command(args: argparse.Namespace) -> int:
    from .app import create_app

    spec = create_app().extensions["quote_api"].to_yaml()
    if args.output == "-":
        sys.stdout.write(spec)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(spec)
    return 0


def db_upgrade_command(args: argparse.Namespace) -> int:
    from .config import load_config
    from .store.db import make_engine, upgrade

    config = load_config()
    engine = make_engine(config["DATABASE_URL"], config["DB_CONNECT_TIMEOUT"], config["DB_STATEMENT_TIMEOUT"])
    upgrade(engine, args.revision)
    engine.dispose()
    print(f"database at revision {args.revision}")
    return 0


def db_complete_quotes_command(args: argparse.Namespace) -> int:
    from .config import load_config
    from .store.db import make_engine, make_sessionmaker
    from .store.queries import fill_listing_columns, index_missing_name_words

    config = load_config()  # a maintenance task: its statements read the whole store (13 s at a million quotes)
    engine = make_engine(config["DATABASE_URL"], config["DB_CONNECT_TIMEOUT"], statement_timeout=3600)
    with make_sessionmaker(engine, write=True).begin() as session:
        named = index_missing_name_words(session)
        listed = fill_listing_columns(session)
    engine.dispose()
    print(f"name words written for {named} quotes; {listed} speaker names or article references written")
    return 0


def ingest_command(args: argparse.Namespace) -> int:
    from .bulk import BulkReport, ingest_records, read_records
    from .config import load_config
    from .nlp import get_extractor
    from .store.db import make_engine, make_sessionmaker, upgrade

    config = load_config()
    if args.queue:
        return queue_ingest_command(args, config)
    engine = make_engine(config["DATABASE_URL"], config["DB_CONNECT_TIMEOUT"], config["DB_STATEMENT_TIMEOUT"])
    upgrade(engine)
    report = BulkReport()
    records = read_records(args.paths, report.bad)
    try:
        ingest_records(records, get_extractor(config["SPACY_MODEL"]), make_sessionmaker(engine, write=True), report,
                       batch_size=args.batch_size, workers=args.workers, progress=not args.quiet)
    except KeyboardInterrupt:
        print(f"interrupted after {report.stored} articles: run the same command again to resume", file=sys.stderr)
        return 130
    finally:
        engine.dispose()
        for bad in report.bad:
            print(f"{bad.where}: {bad.reason}", file=sys.stderr)
    print(json.dumps({"stored": report.stored, "skipped": report.skipped, "quotes": report.quotes,
                      "bad": len(report.bad)}))
    return 1 if report.bad and not report.stored and not report.skipped else 0


def queue_ingest_command(args: argparse.Namespace, config: dict) -> int:
    """``ingest --queue``: the workers extract; this follows their progress."""
    from .bulk import QueueReport, enqueue_records, read_records
    from .store.db import make_engine, make_sessionmaker, upgrade
    from .tasks import BrokerUnavailable, make_celery

    if not config["BROKER_URL"]:
        print("error: --queue needs QUOTES_BROKER_URL (amqp://… or redis://…)", file=sys.stderr)
        return 2
    engine = make_engine(config["DATABASE_URL"], config["DB_CONNECT_TIMEOUT"], config["DB_STATEMENT_TIMEOUT"])
    upgrade(engine)
    report = QueueReport()
    try:
        enqueue_records(read_records(args.paths, report.bad), make_celery(config), make_sessionmaker(engine, write=True),
                        report, batch_size=args.batch_size, progress=not args.quiet, wait=not args.no_wait)
    except BrokerUnavailable as error:
        print(f"error: the broker is unreachable ({error}) after {report.enqueued} articles were enqueued: "
              "run the same command again to resume", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"interrupted after {report.enqueued} articles were enqueued (the workers go on): "
              "run the same command again to resume", file=sys.stderr)
        return 130
    finally:
        engine.dispose()
        for bad in report.bad:
            print(f"{bad.where}: {bad.reason}", file=sys.stderr)
    print(json.dumps({"enqueued": report.enqueued, "skipped": report.skipped, "already_queued": report.already_queued,
                      "done": report.done, "failed": report.failed, "bad": len(report.bad)}))
    return 1 if report.failed or (report.bad and not report.enqueued and not report.skipped) else 0


def worker_command(args: argparse.Namespace) -> int:
    """A Celery worker of ``service.tasks.celery_app`` on this deployment's queues."""
    import tempfile

    from .config import load_config

    if not load_config()["BROKER_URL"]:
        print("error: set QUOTES_BROKER_URL (amqp://… or redis://…) to run a worker", file=sys.stderr)
        return 2
    if args.metrics_port and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # the pool processes write their metrics to files: the variable must be set before
        # prometheus_client is imported, so start again with it
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="quotes-worker-metrics-")
        os.execv(sys.executable, [sys.executable, "-m", "service", *sys.argv[1:]])
    from .logs import configure_logging
    from .tasks import celery_app, queues, serve_worker_metrics

    configure_logging(celery_app.conf.quotes_config["LOG_LEVEL"])
    if args.metrics_port:
        serve_worker_metrics(args.metrics_port)
    celery_app.worker_main(["worker", f"--concurrency={args.concurrency}", f"--queues={','.join(queues(celery_app))}",
                            f"--loglevel={args.loglevel}", f"--hostname=quotes-{os.getpid()}@%h",
                            "--without-gossip", "--without-mingle", *(["--beat"] if args.beat else [])])
    return 0


def beat_command(args: argparse.Namespace) -> int:
    """Celery beat: publishes the sweep every ``QUOTES_SWEEP_INTERVAL`` (one per deployment)."""
    from .config import load_config

    if not load_config()["BROKER_URL"]:
        print("error: set QUOTES_BROKER_URL (amqp://… or redis://…) to run beat", file=sys.stderr)
        return 2
    from .logs import configure_logging
    from .tasks import celery_app

    configure_logging(celery_app.conf.quotes_config["LOG_LEVEL"])
    celery_app.start(["beat", f"--loglevel={args.loglevel}"])
    return 0


def prune_command(args: argparse.Namespace) -> int:
    """Delete finished jobs and webhook deliveries older than the retention."""
    from .config import load_config
    from .store.db import make_engine, make_sessionmaker, upgrade
    from .tasks import prune_jobs

    config = load_config()
    days = config["JOB_RETENTION_DAYS"] if args.days is None else args.days
    if days <= 0:
        print("error: retention is off (QUOTES_JOB_RETENTION_DAYS=0): give --days", file=sys.stderr)
        return 2
    engine = make_engine(config["DATABASE_URL"], config["DB_CONNECT_TIMEOUT"], config["DB_STATEMENT_TIMEOUT"])
    try:
        upgrade(engine)
        print(json.dumps({"older_than_days": days, **prune_jobs(config, make_sessionmaker(engine, write=True), days)}))
    finally:
        engine.dispose()
    return 0


def evaluate_command(args: argparse.Namespace) -> int:
    from .config import load_config
    from .evaluation import GoldError, evaluate, format_report, load_gold, predict
    from .nlp import get_extractor

    try:
        gold = load_gold(args.gold, args.texts)
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    extractor = get_extractor(load_config()["SPACY_MODEL"])
    result = evaluate(gold, predict(extractor, [article.text for article in gold]))
    if args.verbose:
        print("\n".join(result.notes))
    summary = result.summary()
    print(json.dumps(summary) if args.json else format_report(summary))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print the quotes of an article as JSON")
    extract.add_argument("file", help="a UTF-8 text file, or - for standard input")
    extract.add_argument("--pretty", action="store_true", help="indent the JSON")
    extract.set_defaults(run=extract_command)
    openapi = commands.add_parser("openapi", help="write the OpenAPI document generated from the code")
    openapi.add_argument("--output", default="openapi.yaml", help="file to write, or - for stdout")
    openapi.set_defaults(run=openapi_command)
    ingest = commands.add_parser("ingest", help="extract and store an archive: .txt files, folders, JSON lines")
    ingest.add_argument("paths", nargs="+", help=".txt or .jsonl files, or folders of them")
    ingest.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    ingest.add_argument("--batch-size", type=int, default=32, help="articles per batch and transaction")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument("--queue", action="store_true", help="enqueue for the workers (QUOTES_BROKER_URL) and follow them")
    ingest.add_argument("--no-wait", action="store_true", help="with --queue: exit once everything is enqueued")
    ingest.set_defaults(run=ingest_command)
    worker = commands.add_parser("worker", help="extract queued articles and send webhooks (a Celery worker)")
    worker.add_argument("--concurrency", type=int, default=os.cpu_count() or 1, help="processes (default: cores)")
    worker.add_argument("--loglevel", default="INFO")
    worker.add_argument("--metrics-port", type=int, default=0, help="serve Prometheus metrics on this port")
    worker.add_argument("--beat", action="store_true",
                        help="also run the periodic sweep (Celery beat): in one worker of the deployment only")
    worker.set_defaults(run=worker_command)
    beat = commands.add_parser("beat", help="publish the periodic sweep (webhooks left pending, old jobs): run one")
    beat.add_argument("--loglevel", default="INFO")
    beat.set_defaults(run=beat_command)
    prune = commands.add_parser("prune", help="delete finished jobs and webhook deliveries past the retention")
    prune.add_argument("--days", type=float, default=None,
                       help="older than this many days (default: QUOTES_JOB_RETENTION_DAYS, 30)")
    prune.set_defaults(run=prune_command)
    evaluate = commands.add_parser("evaluate", help="score the extractor against gold annotations (JSON lines)")
    evaluate.add_argument("gold", help="gold file, one article per line (docs/ANNOTATION.md)")
    evaluate.add_argument("--texts", help="folder of the articles named by \"file\" (default: the gold file's folder)")
    evaluate.add_argument("--verbose", action="store_true", help="list every miss, extra quote and wrong speaker")
    evaluate.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    evaluate.set_defaults(run=evaluate_command)
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_upgrade = db_commands.add_parser("upgrade", help="run the Alembic migrations")
    db_upgrade.add_argument("revision", nargs="?", default="head")
    db_upgrade.set_defaults(run=db_upgrade_command)
    db_complete = db_commands.add_parser(
        "complete-quotes", aliases=["index-names"],
        help="after a rolling upgrade to 0012 or 0013: write what quotes stored by older nodes lack "
             "(name words; speaker name and article reference)")
    db_complete.set_defaults(run=db_complete_quotes_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (OSError, UnicodeDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
