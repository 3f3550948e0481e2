"""API keys for writes: ``Authorization: Bearer …`` or ``X-API-Key``, compared in constant time.

With no key configured, writes are accepted from loopback clients only (and the app warns
at start-up), so a fresh checkout works at once on one machine.
"""
from __future__ import annotations

import hmac
import ipaddress

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


def key_is_valid(key: str | None) -> bool:
    keys = current_app.config["API_KEYS"]
    if not key:
        return False
    return any(hmac.compare_digest(key.encode(), k.encode()) for k in keys)


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
