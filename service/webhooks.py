"""Webhooks: ``{"article": …, "quotes": […]}`` POSTed to the CMS once an article's quotes are stored,
signed ``X-Quotes-Signature: sha256=<HMAC-SHA256 of the body>`` with ``QUOTES_WEBHOOK_SECRET``.

Only ``http(s)`` addresses; never link-local or cloud metadata addresses (nor loopback and private
networks when ``QUOTES_WEBHOOK_PRIVATE=0``). Deliveries run on the queue's workers (``service.tasks``)
or, without a broker, on a background thread of the API process: never in the request's thread.
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
from typing import Any
from urllib.parse import urlsplit

import requests
from sqlalchemy.orm import Session, sessionmaker

from .metrics import WEBHOOKS
from .store.models import Article

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Quotes-Signature"
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
    """Seconds before retry number ``attempt`` (1, 2, …): exponential, capped at ten minutes."""
    return min(config["RETRY_BACKOFF"] * 2 ** (attempt - 1), 600.0)


class BackgroundWebhooks:
    """Deliveries with retries on two daemon threads of this process (no broker configured):
    best effort, what is pending when the process stops is lost; a broker makes them durable."""

    THREADS, PENDING = 2, 1000

    def __init__(self, config: dict[str, Any], sessions: sessionmaker[Session]):
        self.config, self.sessions = config, sessions
        self.pending: queue.Queue[tuple[int, str]] = queue.Queue(self.PENDING)
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []

    def submit(self, article_id: int, url: str) -> None:
        with self.lock:  # started on first use: after gunicorn forked its workers
            self.threads = [t for t in self.threads if t.is_alive()]
            while len(self.threads) < self.THREADS:
                self.threads.append(threading.Thread(target=self._run, name="webhooks", daemon=True))
                self.threads[-1].start()
        try:
            self.pending.put_nowait((article_id, url))
        except queue.Full:
            WEBHOOKS.labels("failed").inc()
            log.warning("webhook to %s dropped: %d deliveries pending already", url, self.PENDING)

    def _run(self) -> None:
        while True:
            try:
                self._deliver(*self.pending.get())
            except Exception:  # noqa: BLE001 - the database went away: log, keep the thread
                WEBHOOKS.labels("failed").inc()
                log.exception("webhook delivery failed")

    def _deliver(self, article_id: int, url: str) -> None:
        body = webhook_body(self.sessions, article_id)
        attempts = self.config["WEBHOOK_ATTEMPTS"]
        for attempt in range(1, attempts + 1):
            try:
                if body is not None:
                    post(url, body, self.config)
                WEBHOOKS.labels("delivered").inc()
                return
            except WebhookRefused as error:
                log.warning("webhook to %s refused: %s", url, error)
                break
            except DeliveryFailed as error:
                if attempt == attempts:
                    log.warning("webhook to %s failed: %s", url, error)
                    break
                WEBHOOKS.labels("retried").inc()
                time.sleep(backoff(self.config, attempt))
        WEBHOOKS.labels("failed").inc()
