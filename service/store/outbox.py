"""The webhook outbox (``webhook_deliveries``): a delivery is written in the transaction that
stores its article, then published to a worker (or a thread of the API without a broker). If the
process dies between the commit and the publish, or a worker dies with the delivery in hand, the
row is still ``pending`` and the periodic sweep publishes it again.

An attempt leases its row (``leased_until``) so that two copies of one delivery task (the fast
path and the sweep, a broker redelivery) never post at the same time; a copy that finds the row
delivered, failed, leased or not yet due does nothing. Delivery is at least once: a worker killed
after the receiver answered and before the row says ``delivered`` sends it again.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from .models import Job, WebhookDelivery

EARLY = timedelta(seconds=1)  # a retry's task may arrive this much before its due time


@dataclass(frozen=True)
class Attempt:
    id: int
    article_id: int
    url: str
    job_id: str | None
    attempt: int


def add_delivery(session: Session, article_id: int, url: str, job_id: str | None, now: datetime) -> int:
    """Write a pending delivery in the caller's transaction; returns its id."""
    row = WebhookDelivery(article_id=article_id, url=url, job_id=job_id, status="pending", attempts=0,
                          due_at=now, created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    return row.id


def claim_delivery(session: Session, delivery_id: int, now: datetime, lease_seconds: float) -> Attempt | None:
    """Lease a pending delivery that is due and not in flight, counting the attempt; None when
    this copy of the task has nothing to do."""
    row = session.scalar(select(WebhookDelivery).where(WebhookDelivery.id == delivery_id).with_for_update())
    if row is None or row.status != "pending" or row.due_at > now + EARLY:
        return None
    if row.leased_until is not None and row.leased_until > now:
        return None
    row.attempts += 1
    row.leased_until = now + timedelta(seconds=lease_seconds)
    row.updated_at = now
    return Attempt(row.id, row.article_id, row.url, row.job_id, row.attempts)


def finish_attempt(session: Session, attempt: Attempt, now: datetime, status: str, error: str | None = None,
                   retry_at: datetime | None = None) -> None:
    """Record an attempt's outcome (``delivered``, ``failed``, or ``pending`` again at
    ``retry_at``) on the delivery and on its job's webhook state."""
    values = {"status": status, "error": error, "leased_until": None, "updated_at": now}
    if retry_at is not None:
        values["due_at"] = retry_at
    mine = session.execute(update(WebhookDelivery).where(WebhookDelivery.id == attempt.id,
                                                         WebhookDelivery.attempts == attempt.attempt).values(**values))
    if attempt.job_id and mine.rowcount:
        session.execute(update(Job).where(Job.id == attempt.job_id).values(
            webhook_status=status, webhook_attempts=attempt.attempt, webhook_error=error, updated_at=now))


def due_deliveries(session: Session, now: datetime, grace: float, resweep: float, limit: int = 1000) -> list[int]:
    """Pending deliveries due for ``grace`` seconds that nobody has in hand (never published, a
    publish lost, a lease run out), not swept in the last ``resweep`` seconds; marked swept."""
    rows = select(WebhookDelivery.id).where(
        WebhookDelivery.status == "pending",
        WebhookDelivery.due_at <= now - timedelta(seconds=grace),
        or_(WebhookDelivery.leased_until.is_(None), WebhookDelivery.leased_until <= now),
        or_(WebhookDelivery.swept_at.is_(None), WebhookDelivery.swept_at <= now - timedelta(seconds=resweep)),
    ).order_by(WebhookDelivery.due_at).limit(limit)
    if session.bind.dialect.name == "postgresql":
        rows = rows.with_for_update(skip_locked=True)  # two sweeps at once take different rows
    ids = list(session.scalars(rows))
    if ids:
        session.execute(update(WebhookDelivery).where(WebhookDelivery.id.in_(ids)).values(swept_at=now))
    return ids


def prune(session: Session, before: datetime) -> dict[str, int]:
    """Delete the jobs done or failed, and the deliveries delivered or failed, whose last change
    is older than ``before``; a job whose webhook is still pending stays."""
    jobs = session.execute(delete(Job).where(
        Job.updated_at < before, Job.status.in_(("done", "failed")),
        or_(Job.webhook_status.is_(None), Job.webhook_status != "pending")))
    deliveries = session.execute(delete(WebhookDelivery).where(
        and_(WebhookDelivery.updated_at < before, WebhookDelivery.status.in_(("delivered", "failed")))))
    return {"jobs": jobs.rowcount, "webhook_deliveries": deliveries.rowcount}
