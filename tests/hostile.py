"""Hypothesis strategies for what a hostile client sends over HTTP (issue 9): strings with lone
surrogates, formula prefixes and LIKE wildcards, names holding ``%`` and ``_``, and cursors
that decode to anything at all (huge integers, ``1e400``, wrong types).

Imported by the tests as ``hostile`` (``tests/`` is on the path beside ``conftest.py``).
"""
from __future__ import annotations

import base64
import json

from hypothesis import strategies as st

LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
FORMULA_PREFIXES = ["=", "+", "-", "@", "\t", "\r"]
WILDCARDS = ["%", "_"]

# every code point, surrogates included (hypothesis leaves them out unless told), and the
# characters that have broken something before, often
hostile_chars = st.one_of(
    st.characters(exclude_categories=()),
    st.sampled_from(LONE_SURROGATES + FORMULA_PREFIXES + WILDCARDS + ["\x00", "\\", "'", '"', "«", "»", " "]),
)


def hostile_strings(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text, often starting with a formula prefix and holding surrogates or wildcards."""
    body = st.text(hostile_chars, min_size=min_size, max_size=max_size)
    planted = st.builds(lambda head, bad, tail: head + bad + tail, st.text(max_size=10),
                        st.sampled_from(LONE_SURROGATES + WILDCARDS + ["\x00"]), st.text(max_size=10))
    prefixed = st.builds(lambda p, b: p + b, st.sampled_from(FORMULA_PREFIXES), body)
    return st.one_of(body, planted, prefixed)


def wildcard_names() -> st.SearchStrategy[str]:
    """One-word names (the kind matched as a surname) made of letters and ``%``/``_``."""
    return st.text(st.sampled_from("aeDnoptu%_"), min_size=1, max_size=8).filter(lambda s: "%" in s or "_" in s)


def cursor_of(value) -> str:
    """``value`` encoded the way the service encodes its cursors (JSON, URL-safe base64)."""
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=2**31 - 3, max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["2024-01-01T00:00:00", "2024-01-01T00:00:00+14:00", "0001-01-01", "9999-12-31T23:59:59.999999"]),
)


def cursors() -> st.SearchStrategy[str]:
    """Cursors a client could forge: pairs of anything, other shapes, raw JSON such as
    ``[…, 1e400]`` and bytes that are not base64 at all."""
    pairs = st.lists(json_scalars, min_size=2, max_size=2)
    shapes = st.one_of(pairs, st.lists(json_scalars, max_size=4), json_scalars,
                       st.dictionaries(st.text(max_size=5), json_scalars, max_size=2))
    raw = st.sampled_from(['["2024-01-01T00:00:00", 1e400]', '["2024-01-01T00:00:00", 99999999999999999999999]',
                           '["2024-01-01T00:00:00", -1e400]', '[[[[[[]]]]]]'])
    return st.one_of(shapes.map(cursor_of), raw.map(lambda r: base64.urlsafe_b64encode(r.encode()).decode().rstrip("=")),
                     st.text(max_size=60))
