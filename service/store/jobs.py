"""Jobs of the queue: created when an article is enqueued, moved on by the workers.

A job is marked ``done`` in the same transaction that stores its article, so a task delivered
twice (a worker killed before its acknowledgement) finds the job done and stores nothing again.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .models import Job
from .queries import ArticleInput, _insert_ignore, content_hash

PENDING = ("queued", "running")


@dataclass(frozen=True)
class NewJob:
    id: str
    article: ArticleInput
    callback_url: str | None = None
    batch: str | None = None


def record_jobs(session: Session, jobs: list[NewJob], now: datetime) -> None:
    """Insert the jobs as ``queued``; a job a worker already recorded is left as it is."""
    for job in jobs:
        _insert_ignore(session, Job, {
            "id": job.id, "status": "queued", "batch": job.batch, "external_id": job.article.external_id,
            "content_hash": content_hash(job.article.text), "callback_url": job.callback_url,
            "webhook_status": "pending" if job.callback_url else None, "attempts": 0, "webhook_attempts": 0,
            "created_at": now, "updated_at": now})


def claim(session: Session, ids: list[str], max_attempts: int, now: datetime) -> tuple[dict[str, int], list[str]]:
    """Lock the jobs, mark those still to do ``running`` and count the attempt. Returns the ids
    to run with their attempt number, and those given up because they already used every
    attempt (a worker died on them each time)."""
    to_run: dict[str, int] = {}
    given_up: list[str] = []
    rows = session.scalars(select(Job).where(Job.id.in_(ids)).order_by(Job.id).with_for_update())
    for job in rows:
        if job.status not in PENDING:
            continue  # delivered again after it was done or failed
        if job.attempts >= max_attempts:
            job.status, job.error = "failed", job.error or f"gave up after {job.attempts} attempts (worker lost)"
            given_up.append(job.id)
        else:
            job.status, job.attempts = "running", job.attempts + 1
            to_run[job.id] = job.attempts
        job.updated_at = now
    return to_run, given_up


def mark(session: Session, job_id: str, now: datetime, **values) -> None:
    """Set columns of one job (``status``, ``error``, ``article_id``, ``webhook_*``)."""
    session.execute(update(Job).where(Job.id == job_id).values(updated_at=now, **values))


def finish(session: Session, job_id: str, attempt: int, now: datetime, **values) -> bool:
    """Mark a job ``done`` (with ``values``) in the transaction that stores its article, if it is
    still running the attempt ``attempt``: False when another copy of its task took it over
    since (Redis delivered it again while this one ran), and the caller must store nothing."""
    result = session.execute(update(Job).where(Job.id == job_id, Job.status == "running", Job.attempts == attempt)
                             .values(status="done", error=None, updated_at=now, **values))
    return result.rowcount == 1


def requeue(session: Session, job_id: str, attempt: int, now: datetime, error: str) -> None:
    """Back to ``queued`` after a failed attempt whose retry is published, unless that retry
    claimed the job already."""
    session.execute(update(Job).where(Job.id == job_id, Job.status == "running", Job.attempts == attempt)
                    .values(status="queued", error=error, updated_at=now))


def pending_external_ids(session: Session, records: list[ArticleInput]) -> set[str]:
    """External ids of ``records`` that a queued or running job already carries, same text."""
    ids = [r.external_id for r in records if r.external_id]
    if not ids:
        return set()
    rows = session.execute(select(Job.external_id, Job.content_hash)
                           .where(Job.external_id.in_(ids), Job.status.in_(PENDING)))
    pending = {(external_id, digest) for external_id, digest in rows}
    return {r.external_id for r in records if (r.external_id, content_hash(r.text)) in pending}


def batch_counts(session: Session, batch: str) -> dict[str, int]:
    """How many jobs of one ``ingest --queue`` run are in each status."""
    rows = session.execute(select(Job.status, func.count()).where(Job.batch == batch).group_by(Job.status))
    return dict(rows.all())
