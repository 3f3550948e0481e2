"""Turn an article and its quotes (as the API returns them) into pieces a template can mark up,
and the numbers of the desk's small SVG charts. No HTML here: the templates escape everything."""
from __future__ import annotations

from datetime import date

LOW_CONFIDENCE = 0.7  # below this a quote is flagged for a person to check (the extractor gives 0.6 to guesses)


def pieces(text: str, quotes: list[dict], start: int = 0, end: int | None = None) -> list[dict]:
    """``[{"text", "quote", "children"}]`` covering ``text[start:end]`` in order; ``quote`` is the
    quote dict of a highlighted piece, ``None`` for plain text, and ``children`` the pieces of a
    quote that holds other quotes (marks nest). A quote crossing the end of another is listed
    but not marked."""
    end = len(text) if end is None else end
    ordered = sorted(quotes, key=lambda q: (q["start"], -q["end"], q.get("n", 0)))
    out, at, i = [], start, 0
    while i < len(ordered):
        quote, j = ordered[i], i + 1
        while j < len(ordered) and ordered[j]["start"] < quote["end"]:
            j += 1
        if at <= quote["start"] and quote["end"] <= end:
            if quote["start"] > at:
                out.append({"text": text[at:quote["start"]], "quote": None, "children": []})
            inside = [q for q in ordered[i + 1:j] if q["end"] <= quote["end"]]
            out.append({"text": text[quote["start"]:quote["end"]], "quote": quote,
                        "children": pieces(text, inside, quote["start"], quote["end"]) if inside else []})
            at = quote["end"]
        i = j
    if at < end:
        out.append({"text": text[at:end], "quote": None, "children": []})
    return out


def number(quotes: list[dict]) -> list[dict]:
    """The quotes in text order, each given ``n`` (1, 2, …) and ``low`` (confidence to check)."""
    ordered = sorted(quotes, key=lambda q: (q["start"], q["end"]))
    return [{**q, "n": i, "low": q["confidence"] < LOW_CONFIDENCE} for i, q in enumerate(ordered, 1)]


def month_bars(months: dict[str, int], width: int = 640, height: int = 160) -> dict:
    """Bars for quotes per month (``{"2024-06": 3}``), every month between the first and the last
    included: ``{"bars": [{"x", "y", "w", "h", "month", "count"}], "width", "height", "max"}``."""
    if not months:
        return {"bars": [], "width": width, "height": height, "max": 0}
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:])
    keys = []
    while f"{year:04d}-{month:02d}" <= last:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    top = max(months.values())
    plot, headroom = height - 30, 18  # room below for the month labels, above for the counts
    step = width / len(keys)
    bar = min(step * 0.8, 56)
    bars = []
    for i, key in enumerate(keys):
        count = months.get(key, 0)
        h = round((plot - headroom) * count / top) if top else 0
        bars.append({"x": round(i * step + (step - bar) / 2, 1), "w": round(bar, 1), "y": plot - h, "h": h,
                     "month": key, "label": month_label(key), "count": count})
    return {"bars": bars, "width": width, "height": height, "max": top, "base": plot}


MONTHS_FR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def month_label(key: str) -> str:
    """``"2024-06"`` -> ``"juin 2024"``."""
    return f"{MONTHS_FR[int(key[5:]) - 1]} {key[:4]}"


def french_date(value: str | None) -> str:
    """An RFC 3339 date of the API as a French day: ``"2024-06-19T08:00:00Z"`` -> ``19/06/2024``."""
    if not value:
        return ""
    day = date.fromisoformat(value[:10])
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
