"""Bulk ingestion of an archive: ``.txt`` files, folders, JSON lines -> extracted and stored.

    python -m service ingest archive/ more.jsonl --workers 2

Records are extracted in batches (``nlp.pipe`` inside the extractor; several processes with
``--workers``) and each batch is written in one transaction. Records are idempotent by
``external_id`` (a ``.txt`` file's is its absolute path; a JSON line without one gets the hash
of its text), and those already stored with the same text are skipped, so an interrupted load
resumes where it stopped without duplicates. Bad input is reported with its line and skipped.
"""
from __future__ import annotations

import json
import multiprocessing
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marshmallow import ValidationError
from sqlalchemy.orm import Session, sessionmaker
from tqdm import tqdm

from .api.articles import ArticleInSchema  # the API's own validation of an article
from .ingest import utc_now
from .metrics import ARTICLES, QUOTES
from .nlp import QuoteExtractor
from .store.queries import ArticleConflict, ArticleInput, already_stored, content_hash, save_article


@dataclass
class BadInput:
    where: str  # "file:line"
    reason: str


@dataclass
class BulkReport:
    stored: int = 0
    skipped: int = 0
    quotes: int = 0
    bad: list[BadInput] = field(default_factory=list)


def read_records(paths: Iterable[str | Path], bad: list[BadInput]) -> Iterator[ArticleInput]:
    """Articles from files and folders (recursively: ``*.txt``, ``*.jsonl``, ``*.ndjson``)."""
    schema = ArticleInSchema()
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl", ".ndjson")) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".txt":
                try:
                    text = file.read_bytes().decode("utf-8")
                except (OSError, UnicodeDecodeError) as error:
                    bad.append(BadInput(f"{file}", _reason(error)))
                    continue
                title = text.strip().splitlines()[0][:500] if text.strip() else None
                yield ArticleInput(text=text, title=title, external_id=f"file:{file.resolve()}")
                continue
            try:
                handle = file.open("rb")
            except OSError as error:
                bad.append(BadInput(f"{file}", _reason(error)))
                continue
            with handle:
                for number, raw in enumerate(handle, start=1):
                    if not raw.strip():
                        continue
                    try:
                        data = schema.load(json.loads(raw.decode("utf-8")))
                    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError, TypeError) as error:
                        bad.append(BadInput(f"{file}:{number}", _reason(error)))
                        continue
                    if not data.get("external_id") and not data.get("url"):
                        data["external_id"] = f"sha256:{content_hash(data['text'])}"
                    yield ArticleInput(**data)


def ingest_records(records: Iterable[ArticleInput], extractor: QuoteExtractor, sessions: sessionmaker[Session],
                   report: BulkReport, batch_size: int = 32, workers: int = 1, progress: bool = True) -> BulkReport:
    """Extract and store ``records`` batch by batch; each batch is one transaction."""
    bar = tqdm(unit=" articles", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    pool = _pool(extractor, workers) if workers > 1 else None
    try:
        for batch in _batches(records, batch_size):
            with sessions() as session:
                done = already_stored(session, batch)
            todo = [r for r in batch if r.external_id not in done]
            report.skipped += len(batch) - len(todo)
            texts = [r.text for r in todo]
            if pool is not None:
                chunks = [texts[i::workers] for i in range(workers)]
                parts = pool.map(_extract_in_worker, chunks)
                extracted = [None] * len(texts)
                for i, part in enumerate(parts):
                    extracted[i::workers] = part
            else:
                extracted = extractor.extract_batch(texts) if texts else []
            with sessions.begin() as session:
                now = utc_now()
                for record, quotes in zip(todo, extracted):
                    try:
                        with session.begin_nested():
                            save_article(session, record, quotes, now)
                    except ArticleConflict as conflict:
                        report.bad.append(BadInput(record.external_id or record.url, str(conflict)))
                        continue
                    report.quotes += len(quotes)
                    report.stored += 1
            ARTICLES.inc(len(todo))
            QUOTES.inc(sum(map(len, extracted)))
            bar.update(len(batch))
            bar.set_postfix(stored=report.stored, skipped=report.skipped, bad=len(report.bad))
    finally:
        bar.close()
        if pool is not None:
            pool.terminate()
    return report


_WORKER_EXTRACTOR: QuoteExtractor | None = None


def _pool(extractor: QuoteExtractor, workers: int):
    """Forked workers inherit the loaded model (copy-on-write): no second load."""
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = extractor
    return multiprocessing.get_context("fork").Pool(workers)


def _extract_in_worker(texts: list[str]):
    return _WORKER_EXTRACTOR.extract_batch(texts) if texts else []


def _batches(records: Iterable[ArticleInput], size: int) -> Iterator[list[ArticleInput]]:
    batch: list[ArticleInput] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}"
                         for k, v in error.normalized_messages().items())
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8"
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON ({error.msg})"
    return str(error)


@dataclass
class QueueReport:
    enqueued: int = 0
    skipped: int = 0  # stored already, same text
    already_queued: int = 0  # a job from an earlier run carries it still
    done: int = 0
    failed: int = 0
    bad: list[BadInput] = field(default_factory=list)


def enqueue_records(records: Iterable[ArticleInput], celery_app, sessions: sessionmaker[Session], report: QueueReport,
                    batch_size: int = 32, progress: bool = True, wait: bool = True, poll: float = 1.0) -> QueueReport:
    """``ingest --queue``: one task per batch of ``records`` for the workers, then (``wait``) follow
    the jobs until every one is done or failed. Records stored already, or still queued by an
    earlier run, are skipped: an interrupted run resumes. Raises ``BrokerUnavailable``."""
    from .store.jobs import NewJob, batch_counts, pending_external_ids, record_jobs
    from .tasks import enqueue, new_job_id

    run = new_job_id()
    enqueued = tqdm(desc="enqueued", unit=" articles", disable=not progress, file=sys.stderr, position=0)
    finished = tqdm(desc="done", unit=" articles", disable=not progress, file=sys.stderr, position=1)
    last_poll = 0.0

    def follow() -> None:
        nonlocal last_poll
        with sessions() as session:
            counts = batch_counts(session, run)
        report.done, report.failed = counts.get("done", 0), counts.get("failed", 0)
        finished.update(report.done + report.failed - finished.n)
        finished.set_postfix(failed=report.failed)
        last_poll = time.monotonic()

    try:
        for batch in _batches(records, batch_size):
            with sessions() as session:
                done = already_stored(session, batch)
                queued = pending_external_ids(session, [r for r in batch if r.external_id not in done])
            todo = [r for r in batch if r.external_id not in done and r.external_id not in queued]
            report.skipped += sum(r.external_id in done for r in batch)
            report.already_queued += len(queued)
            if todo:
                jobs = [NewJob(new_job_id(), record, batch=run) for record in todo]
                enqueue(celery_app, jobs, run)  # first: a job is never recorded for nothing
                with sessions.begin() as session:
                    record_jobs(session, jobs, utc_now())
                report.enqueued += len(jobs)
            enqueued.update(len(batch))
            enqueued.set_postfix(skipped=report.skipped, already_queued=report.already_queued)
            if time.monotonic() - last_poll > poll:
                follow()
        follow()
        while wait and report.done + report.failed < report.enqueued:
            time.sleep(poll)
            follow()
    finally:
        enqueued.close()
        finished.close()
    return report
