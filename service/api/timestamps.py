"""Dates in and out: stored as naive UTC, accepted with any offset (none means UTC)."""
from __future__ import annotations

from datetime import UTC, datetime


def to_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)
