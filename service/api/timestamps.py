"""Dates in and out: accepted with any offset (none means UTC) and stored as naive UTC, returned
as RFC 3339 with ``Z``, as OpenAPI's ``date-time`` format requires.

A valid RFC 3339 date can fall outside Python's calendar once moved to UTC
(``0001-01-01T00:00:00+05:00``); it is clamped to the calendar's first or last instant, which
is exact for a ``since``/``until`` bound and moves a stored date by at most a day."""
from __future__ import annotations

from datetime import UTC, datetime

import marshmallow as ma


def to_utc(value: datetime) -> datetime:
    """``2026-01-05T11:00:00+01:00`` -> ``datetime(2026, 1, 5, 10)`` (naive UTC)."""
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:
        return datetime.min if value.year == datetime.min.year else datetime.max


def rfc3339(value: datetime) -> str:
    """``datetime(2026, 1, 5, 10)`` (naive UTC) -> ``"2026-01-05T10:00:00Z"``."""
    return to_utc(value).isoformat() + "Z"


class UtcDateTime(ma.fields.DateTime):
    """A ``DateTime`` field that loads any offset as naive UTC and dumps RFC 3339 with ``Z``."""

    def _deserialize(self, value, attr, data, **kwargs):
        return to_utc(super()._deserialize(value, attr, data, **kwargs))

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else rfc3339(value)
