"""API keys for writes: ``Authorization: Bearer …`` or ``X-API-Key``, compared in constant time.

With no key configured, writes are accepted from loopback clients only (and the app warns
at start-up), so a fresh checkout works at once on one machine.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re

from flask import current_app, request
from flask_smorest import abort

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
SECURITY_SCHEMES = {
    "bearerAuth": {"type": "http", "scheme": "bearer", "description": "One of QUOTES_API_KEYS"},
    "apiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "One of QUOTES_API_KEYS"},
}
WRITE_SECURITY = [{name: []} for name in SECURITY_SCHEMES]  # for @blp.doc(security=...) on writes


def presented_key() -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("X-API-Key")


_LABEL = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def labelled_key(entry: str) -> tuple[str, str]:
    """A ``QUOTES_API_KEYS`` entry as ``(label, secret)``: ``desk:secret1`` -> ``("desk", "secret1")``;
    a plain key is labelled by a digest prefix, so that the secret is never shown."""
    label, sep, secret = entry.partition(":")
    if sep and secret and _LABEL.match(label):
        return label, secret
    return "key-" + hashlib.sha256(entry.encode()).hexdigest()[:8], entry


def key_label(key: str | None) -> str | None:
    """The label of a valid key, else ``None``."""
    if not key:
        return None
    found = None
    for label, secret in map(labelled_key, current_app.config["API_KEYS"]):
        if hmac.compare_digest(key.encode(), secret.encode()) and found is None:
            found = label
    return found


def key_is_valid(key: str | None) -> bool:
    return key_label(key) is not None


def writer_label() -> str:
    """Who is writing, for the record: the label of the presented key, or ``local`` when no key is
    configured (writes then come from this machine)."""
    return key_label(presented_key()) or "local"


def write_label(key: str | None) -> str | None:
    """The label under which ``key`` may write (``local`` for a loopback client while no key is
    configured), or ``None`` when it may not: the pages' check, same rule as ``require_key``."""
    if not current_app.config["API_KEYS"]:
        return "local" if _from_loopback() else None
    return key_label(key)


def require_key() -> None:
    """``before_request`` hook of the blueprints over stored data: writes need a key, reads
    too when ``QUOTES_PROTECT_READS`` is set."""
    if request.method == "OPTIONS":
        return
    is_write = request.method in WRITE_METHODS
    if not is_write and not current_app.config["PROTECT_READS"]:
        return
    if not current_app.config["API_KEYS"]:
        if is_write and not _from_loopback():
            abort(401, message="Writes are only accepted from this machine until QUOTES_API_KEYS is set.",
                  headers={"WWW-Authenticate": "Bearer"})
        return
    if not key_is_valid(presented_key()):
        abort(401, message="A valid API key is required (Authorization: Bearer <key> or X-API-Key).",
              headers={"WWW-Authenticate": "Bearer"})


def _from_loopback() -> bool:
    try:
        return ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        return False
