"""Step 1 — find the spans between quotation marks.

French press typography in all its forms::

    >>> [s.text for s in find_quote_spans("Il a dit : « Nous viendrons. » Puis : “Demain”.")]
    ['Nous viendrons.', 'Demain']

``« »`` with or without (narrow) no-break spaces, ``“ ”``, ``„ “``, straight ``" "``; ``‹ ›`` and
``‘ ’`` nested inside an outer quote stay part of it. A paragraph that opens with ``«`` or ``»``
while a quote is open continues that quote (the news convention for long quotes). An
unclosed mark ends with its paragraph and only counts when it opened the paragraph, so a
stray mark never swallows the rest of the article.
"""
from __future__ import annotations

from .types import QuoteSpan

CLOSERS = {"«": "»", "“": "”„", "„": "“”", "‹": "›", '"': '"', "‘": "’"}
NESTED_ONLY = "‘"  # ’ is also the apostrophe: ‘ … ’ counts only inside another quote
REOPENERS = "«»“\""  # marks that continue an open quote at the start of a paragraph
SENTENCE_END = ".!?…:"
LEAD_PUNCT = "-–—•*"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return the outermost quoted spans of ``text`` in order, never overlapping."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (opening mark, its offset)
    para_start = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            j = _skip_space(text, i)
            if stack:
                if j < n and text[j] in REOPENERS and _opens_sentence(text, stack[0][1]):
                    del stack[1:]  # nested marks never cross a paragraph
                    i = j + 1
                    continue
                if _opens_paragraph(text, stack[0][1], para_start):
                    _emit(spans, text, stack[0][1], i, None)
                stack.clear()
            para_start = i = j
            continue
        if stack and c in CLOSERS[stack[-1][0]] and _can_close(text, i, stack[-1][0]):
            opener, pos = stack.pop()
            if not stack:
                _emit(spans, text, pos, i, i)
        elif c in CLOSERS and _can_open(text, i, bool(stack)):
            if stack and len(stack) == 1 and c == stack[0][0] and c != '"':
                # « … « … »: the first « was never closed — French nests with other marks
                stack.clear()
            stack.append((c, i))
        elif stack and c in "»”›" and any(c in CLOSERS[o] for o, _ in stack):
            # an inner quote left open: close back to the mark this one matches
            while stack and c not in CLOSERS[stack[-1][0]]:
                stack.pop()
            opener, pos = stack.pop()
            if not stack:
                _emit(spans, text, pos, i, i)
        i += 1
    if stack and _opens_paragraph(text, stack[0][1], para_start):
        _emit(spans, text, stack[0][1], n, None)
    return spans


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _can_open(text: str, i: int, nested: bool) -> bool:
    c = text[i]
    if c == NESTED_ONLY and not nested:
        return False
    if c == '"':
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return not before.isalnum() and not after.isspace()
    return True


def _can_close(text: str, i: int, opener: str) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    if opener == "‘":  # ’ followed by a letter is an apostrophe (l’accord)
        return not after.isalpha()
    if opener == '"':
        before = text[i - 1] if i else " "
        return not before.isspace() or not after.isalnum()
    return True


def _opens_paragraph(text: str, pos: int, para_start: int) -> bool:
    return text[para_start:pos].strip(" \t\u00a0\u202f" + LEAD_PUNCT) == ""


def _opens_sentence(text: str, open_mark: int) -> bool:
    """The mark opens a paragraph, or follows a colon or a sentence's end: a direct quote,
    the only kind that runs on over paragraphs."""
    line_start = text.rfind("\n", 0, open_mark) + 1
    before = text[line_start:open_mark].rstrip(" \t\u00a0\u202f")
    return before.strip(LEAD_PUNCT + " ") == "" or before[-1] in SENTENCE_END


def _emit(spans: list[QuoteSpan], text: str, open_mark: int, close: int, close_mark: int | None) -> None:
    start, end = open_mark + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and any(ch.isalnum() for ch in text[start:end]):
        kind = _kind(text, open_mark, start, end, close_mark)
        spans.append(QuoteSpan(start, end, open_mark, close_mark, kind, text[start:end]))


def _kind(text: str, open_mark: int, start: int, end: int, close_mark: int | None) -> str:
    """``direct`` when the quote is a sentence of its own: it opens a sentence with a capital
    and the journalist's sentence does not go on straight after it (« Un "X" dans …»)."""
    first = text[start]
    starts_sentence = _opens_sentence(text, open_mark)
    after = text[close_mark + 1:close_mark + 40].lstrip(" \t\u00a0\u202f") if close_mark is not None else ""
    runs_on = bool(after) and after[0].islower() and text[end - 1] not in ".!?…"

    capital = first.isupper() or first.isdigit() or first in "…[("
    return "direct" if starts_sentence and capital and not runs_on else "partial"
