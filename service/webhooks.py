"""Webhooks: ``{"article": …, "quotes": […]}`` POSTed to the CMS once an article's quotes are stored,
signed ``X-Quotes-Signature: sha256=<HMAC-SHA256 of the body>`` with ``QUOTES_WEBHOOK_SECRET``.

Only ``http(s)`` addresses; never link-local or cloud metadata addresses (nor loopback and private
networks when ``QUOTES_WEBHOOK_PRIVATE=0``). Deliveries run on the queue's workers (``service.tasks``)
or, without a broker, on a background thread of the API process: never in the request's thread.
Each delivery is a row of the outbox (``service.store.outbox``), written with its article: what a
crash leaves pending, the periodic sweep sends again.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import queue
import socket
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import requests
from sqlalchemy.orm import Session, sessionmaker

from .metrics import WEBHOOKS
from .store.models import Article
from .store.outbox import claim_delivery, due_deliveries, finish_attempt

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Quotes-Signature"
LEASE_MARGIN = 30  # seconds an attempt holds its delivery beyond the POST's timeout
# metadata services that are not link-local: AWS over IPv6, Alibaba Cloud
METADATA_ADDRESSES = {ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")}
METADATA_HOSTS = {"metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal"}


class WebhookRefused(ValueError):
    """The address may not receive webhooks: wrong scheme, or a forbidden network."""


class DeliveryFailed(Exception):
    """The receiver could not be reached or did not answer 2xx."""


def check_scheme(url: str) -> None:
    """Refuse what can be told without DNS: scheme, host, literal forbidden addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookRefused("A callback_url must be an http:// or https:// address with a host.")
    if parts.hostname.lower().rstrip(".") in METADATA_HOSTS:
        raise WebhookRefused("A callback_url may not name a cloud metadata service.")
    try:
        address = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return
    _check_address(address, allow_private=True)


def check_url(url: str, allow_private: bool = True) -> None:
    """:func:`check_scheme`, then every address the host resolves to."""
    check_scheme(url)
    parts = urlsplit(url)
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        raise DeliveryFailed(f"cannot resolve {parts.hostname}: {error}") from error
    for info in infos:
        _check_address(ipaddress.ip_address(info[4][0].split("%")[0]), allow_private)


def _check_address(address, allow_private: bool) -> None:
    if getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    if (address.is_link_local or address.is_multicast or address.is_unspecified or address.is_reserved
            or address in METADATA_ADDRESSES):
        raise WebhookRefused(f"Webhooks are not sent to {address} (link-local, metadata or reserved).")
    if not allow_private and (address.is_loopback or address.is_private):
        raise WebhookRefused(f"Webhooks are not sent to {address} (private network; QUOTES_WEBHOOK_PRIVATE=0).")


def signature(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook_body(sessions: sessionmaker[Session], article_id: int) -> bytes | None:
    """The JSON sent for a stored article, or None if it was deleted meanwhile."""
    from .api.articles import ArticleSchema  # the API's own representation

    with sessions() as session:
        article = session.get(Article, article_id)
        if article is None:
            return None
        data = ArticleSchema().dump(article)
    quotes = data.pop("quotes")
    return json.dumps({"article": data, "quotes": quotes}, ensure_ascii=False).encode()


def post(url: str, body: bytes, config: dict[str, Any]) -> None:
    """One delivery attempt; raises ``DeliveryFailed`` (retry) or ``WebhookRefused`` (don't)."""
    check_url(url, config["WEBHOOK_PRIVATE"])
    headers = {"Content-Type": "application/json", "User-Agent": "quote-service-webhook"}
    if config["WEBHOOK_SECRET"]:
        headers[SIGNATURE_HEADER] = signature(body, config["WEBHOOK_SECRET"])
    try:
        response = requests.post(url, data=body, headers=headers, timeout=config["WEBHOOK_TIMEOUT"],
                                 allow_redirects=False)
    except requests.RequestException as error:
        raise DeliveryFailed(f"{type(error).__name__}: {error}"[:500]) from error
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed(f"the receiver answered {response.status_code}")


def backoff(config: dict[str, Any], attempt: int) -> float:
    """Seconds before retry number ``attempt`` (1, 2, …): exponential, capped at ten minutes and
    at half the broker's visibility timeout (Redis delivers again a task held longer than that,
    and a worker holds a task with a countdown until it runs)."""
    return min(config["RETRY_BACKOFF"] * 2 ** (attempt - 1), 600.0, config["VISIBILITY_TIMEOUT"] / 2)


@dataclass(frozen=True)
class Outcome:
    """What one call of :func:`deliver` did: ``delivered``, ``retried`` (again in ``retry_in``
    seconds), ``failed``, or None when this copy of the delivery had nothing to do."""

    outcome: str | None
    attempt: int = 0
    retry_in: float | None = None
    error: str | None = None


def deliver(config: dict[str, Any], sessions: sessionmaker[Session], delivery_id: int) -> Outcome:
    """One attempt at an outbox delivery: lease it, POST, record the outcome (and its job's)."""
    from .ingest import utc_now

    with sessions.begin() as session:
        attempt = claim_delivery(session, delivery_id, utc_now(), config["WEBHOOK_TIMEOUT"] + LEASE_MARGIN)
    if attempt is None:
        return Outcome(None)
    outcome, error = "delivered", None
    try:
        body = webhook_body(sessions, attempt.article_id)
        if body is None:
            raise WebhookRefused("the article was deleted before its webhook was sent")
        post(attempt.url, body, config)
    except WebhookRefused as refused:
        outcome, error = "failed", str(refused)
    except DeliveryFailed as failed:
        outcome, error = ("retried" if attempt.attempt < config["WEBHOOK_ATTEMPTS"] else "failed"), str(failed)
    retry_in = backoff(config, attempt.attempt) if outcome == "retried" else None
    now = utc_now()
    with sessions.begin() as session:
        finish_attempt(session, attempt, now, "pending" if retry_in is not None else outcome, error,
                       retry_at=now + timedelta(seconds=retry_in) if retry_in is not None else None)
    WEBHOOKS.labels(outcome).inc()
    if outcome == "failed":
        log.warning("webhook for article %s to %s failed after %d attempts: %s", attempt.article_id, attempt.url,
                    attempt.attempt, error)
    return Outcome(outcome, attempt.attempt, retry_in, error)


def sweep_due(config: dict[str, Any], sessions: sessionmaker[Session]) -> list[int]:
    """The outbox deliveries to publish again: pending one sweep interval past their due time,
    in nobody's hands (marked swept: the next sweeps leave them ten intervals to arrive)."""
    from .ingest import utc_now

    interval = config["SWEEP_INTERVAL"]
    with sessions.begin() as session:
        return due_deliveries(session, utc_now(), grace=interval, resweep=10 * interval)


class OutboxCollector:
    """``quotes_webhooks_pending`` and ``quotes_webhooks_oldest_pending_seconds``, read from the
    outbox at scrape time: a count that grows, or an age past a few sweep intervals, says that
    deliveries are not getting out (receivers down, no beat, no worker)."""

    def __init__(self, sessions: sessionmaker[Session]):
        self.sessions = sessions

    def collect(self):
        from prometheus_client.core import GaugeMetricFamily
        from sqlalchemy import func, select
        from sqlalchemy.exc import SQLAlchemyError

        from .ingest import utc_now
        from .store.models import WebhookDelivery

        try:
            with self.sessions() as session:
                count, oldest = session.execute(select(func.count(), func.min(WebhookDelivery.created_at))
                                                .where(WebhookDelivery.status == "pending")).one()
        except SQLAlchemyError:  # the database is down: /readyz says so, the scrape goes on
            return
        yield GaugeMetricFamily("quotes_webhooks_pending", "Webhook deliveries not yet delivered nor failed",
                                value=count)
        age = (utc_now() - oldest).total_seconds() if oldest is not None else 0.0
        yield GaugeMetricFamily("quotes_webhooks_oldest_pending_seconds",
                                "Age of the oldest pending webhook delivery (0 when none)", value=max(age, 0.0))


class BackgroundWebhooks:
    """Deliveries with retries on two daemon threads of this process (no broker configured). The
    outbox keeps them: when idle, the threads sweep it for deliveries a process that died (or a
    full backlog) left pending; several API processes share that work through the leases."""

    THREADS, PENDING = 2, 1000

    def __init__(self, config: dict[str, Any], sessions: sessionmaker[Session]):
        self.config, self.sessions = config, sessions
        self.pending: queue.Queue[int] = queue.Queue(self.PENDING)
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        with self.lock:  # started on first use: after gunicorn forked its workers
            self.threads = [t for t in self.threads if t.is_alive()]
            while len(self.threads) < self.THREADS:
                self.threads.append(threading.Thread(target=self._run, name="webhooks", daemon=True))
                self.threads[-1].start()

    def submit(self, delivery_id: int) -> None:
        self.start()
        try:
            self.pending.put_nowait(delivery_id)
        except queue.Full:
            log.warning("webhook delivery %d left to the sweep: %d deliveries pending already", delivery_id,
                        self.PENDING)

    def _run(self) -> None:
        while True:
            try:
                try:
                    delivery_id = self.pending.get(timeout=self.config["SWEEP_INTERVAL"])
                except queue.Empty:
                    for swept in sweep_due(self.config, self.sessions):
                        self._deliver(swept)
                    continue
                self._deliver(delivery_id)
            except Exception:  # noqa: BLE001 - the database went away: log, keep the thread (the row waits)
                log.exception("webhook delivery failed")

    def _deliver(self, delivery_id: int) -> None:
        while (outcome := deliver(self.config, self.sessions, delivery_id)).retry_in is not None:
            time.sleep(outcome.retry_in)
