"""Step 1 — find the spans between quotation marks.

French press typography in all its forms, and as real pages have it::

    >>> [s.text for s in find_quote_spans("Il a dit : « Nous viendrons. » Puis : “Demain”.")]
    ['Nous viendrons.', 'Demain']

``« »`` with or without (narrow) no-break spaces, ``“ ”``, ``„ “``, straight ``" "`` (with or
without spaces inside), doubled single marks (``‘’ … ’’``, ``'' … ''``); ``‹ ›`` and ``‘ ’``
nested inside an outer quote stay part of it.

A mark's glyph is a hint, not a rule: while no quote of its family is open, a closing mark
glued to the next word opens one (``l'”ouverture”``, ``d' »unitaire »``), and an opening
mark glued to the word before closes one. A paragraph end closes a quote left open, unless
the next paragraph goes on with a mark (the news convention for long quotes) or a dialogue
dash (each reply its own quote). A closing mark with no opening one closes a quote that
began with its sentence (``… davantage", souligne la source``) — or, right after a paragraph
that left a quote open, a quote that began there. The scanner looks at each character once:
its time is linear in the text whatever the marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .types import QuoteSpan

# each mark's family (marks of one family pair with each other) and what its glyph suggests
FAMILY = {"«": "«", "»": "«", "“": "“", "”": "“", "„": "“", "‹": "‹", "›": "‹", "‘": "‘", "’": "‘",
          '"': '"', "''": "''", "’’": "''", "‘‘": "''", "‘’": "''"}
OPENING = set("«“„‹‘")
CLOSING = set("»”›’")  # the rest (" and the doubled marks) go both ways
NESTED_ONLY = "‘’"  # ’ is also the apostrophe: ‘ … ’ counts only inside another quote
REOPENERS = "«»“\""  # marks that continue an open quote at the start of a paragraph
DIALOGUE_DASHES = "—–"
SENTENCE_END = ".!?…"
LEAD_PUNCT = "-–—•*"
SPACES = " \t\u00a0\u202f\u2009\r"
# a word of the first person: « je », « j'ai », « nous », « mon »… (words said, not the journalist's)
FIRST_PERSON_WORD = re.compile(r"(?<!\w)(?:(?:je|nous|moi|me|mon|ma|mes|notre|nos)(?!\w)|[jm]['’](?=\w))", re.I)
_MARKS = re.compile(r"\n|''|’’|‘‘|‘’|[«»“”„‹›\"‘’]")
_SENTENCE_START = re.compile(r"(?:[.!?…:]|\.\.\.)[\s\u00a0\u202f]+(?=[^\s\u00a0\u202f])")


@dataclass
class _Open:
    """An open quote: its family, where its mark starts, how wide the mark is and whether it
    opens a sentence (see ``_Scanner._opens_sentence``)."""

    family: str
    pos: int
    width: int
    opens_sentence: bool


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return the outermost quoted spans of ``text`` in order, never overlapping."""
    return _Scanner(text).run()


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.spans: list[QuoteSpan] = []
        self.stack: list[_Open] = []
        self.depth: dict[str, int] = {}  # family -> how many of its quotes are on the stack
        self.para_start = 0
        self.floor = 0  # a quote with no opening mark starts at or after this offset
        self.runaway: tuple[int, _Open] | None = None  # the previous paragraph's unclosed quote
        self.dialogue: int | None = None  # first span of replies continued by dashes, not yet closed
        self.first_event = True  # no mark seen yet in this paragraph

    def run(self) -> list[QuoteSpan]:
        text, skip_to = self.text, 0
        for m in _MARKS.finditer(text):
            i, mark = m.start(), m.group()
            if i < skip_to:
                continue
            if mark == "\n":
                skip_to = self._paragraph_end(i)
                continue
            family = FAMILY[mark]
            if self.depth.get(family):
                self._close_or_nest(i, mark, family)
            elif self._can_open(i, mark):
                self._push(self._open(family, i, len(mark)))
            elif not self.stack and mark != "’":  # ’ alone is the apostrophe
                self._lone_closer(i, len(mark))
            else:
                continue
            self.first_event = False
        if self.stack:
            self._emit(self.stack[0], len(text), None)
        self._drop_open_dialogue()
        return self.spans

    # -- the stack -----------------------------------------------------------------------------
    def _open(self, family: str, i: int, width: int) -> _Open:
        return _Open(family, i, width, self._opens_sentence(i))

    def _push(self, opened: _Open) -> None:
        glyph = self.text[opened.pos]
        if len(self.stack) == 1 and glyph in OPENING and glyph == self.text[self.stack[0].pos]:
            if self.stack[0].opens_sentence and self._after_sentence_end(opened.pos):
                return  # « A. Le moment est venu. « B … »: marks opened again at a sentence, as at a paragraph
            self._clear()  # « … « … »: the first « was never closed — French nests with other marks
        self.stack.append(opened)
        self.depth[opened.family] = self.depth.get(opened.family, 0) + 1

    def _after_sentence_end(self, i: int) -> bool:
        b = i - 1
        while b >= self.para_start and self.text[b] in SPACES:
            b -= 1
        return b >= self.para_start and self.text[b] in SENTENCE_END

    def _pop(self) -> _Open:
        opened = self.stack.pop()
        self.depth[opened.family] -= 1
        return opened

    def _clear(self, keep: int = 0) -> None:
        while len(self.stack) > keep:
            self._pop()

    def _close_or_nest(self, i: int, mark: str, family: str) -> None:
        """A mark of a family already open closes it, unless it reads as an opening mark: an
        opening glyph not glued to the word before, a two-way mark after a space and glued to
        the next word."""
        text, end = self.text, i + len(mark)
        if mark == "’" and end < len(text) and text[end].isalpha():
            return  # l’accord: an apostrophe
        if mark in OPENING:
            closes = _glued_before(text, i) and not _glued_after(text, end)
        elif mark in CLOSING:
            closes = True
        else:
            closes = not ((i == 0 or text[i - 1].isspace()) and end < len(text) and text[end].isalnum())
        if not closes:
            if self._can_open(i, mark):
                self._push(self._open(family, i, len(mark)))  # an inner quote, or « … « …
            return
        while self.stack[-1].family != family:  # an inner quote left open: close back to this one
            self._pop()
        opened = self._pop()
        if not self.stack:
            self._emit(opened, i, end - 1)
            self.dialogue = None

    def _can_open(self, i: int, mark: str) -> bool:
        text, end = self.text, i + len(mark)
        if mark == "’" or (mark == "‘" and not self.stack):
            return False
        if mark in OPENING:
            return True
        after = text[end] if end < len(text) else "\n"
        before = text[i - 1] if i else " "
        if before.isalnum():
            return False
        if mark in CLOSING:  # a closing glyph glued to the next word: l'”ouverture”, .”Nous
            return after.isalnum() or after in "…[(" or _after_colon_before_capital(text, i, end)
        if after.isalnum() or after in "…[(«“":  # a two-way mark glued to the next word
            return True
        if after in SPACES and before not in ".,;!?…)%":  # " inacceptables ": a word follows
            j = end
            while j < len(text) and text[j] in SPACES:
                j += 1
            return j < len(text) and (text[j].isalnum() or text[j] in "…([")
        return False

    # -- paragraphs --------------------------------------------------------------------------
    def _paragraph_end(self, i: int) -> int:
        """Close or continue what is open at the newline ``i``; return where scanning resumes."""
        text, n = self.text, len(self.text)
        j = i
        while j < n and text[j].isspace():
            j += 1
        runaway = None
        if self.stack:
            first = self.stack[0]
            reopener = _mark_at(text, j)
            if reopener and reopener[0] in REOPENERS and first.opens_sentence:
                self._clear(keep=1)  # nested marks never cross a paragraph
                self._new_paragraph(j)
                self.first_event = False
                return j + len(reopener)
            if j < n and text[j] in DIALOGUE_DASHES and first.opens_sentence:
                self._emit(first, i, None)  # « — Pourquoi ? ⏎ — Je ne sais pas. »: one quote a reply
                if self.dialogue is None:
                    self.dialogue = len(self.spans)
                self._clear()
                self._push(_Open(first.family, j, 1, True))
                self._new_paragraph(j)
                return j + 1
            if self.dialogue is None and self._emit(first, i, None):  # a paragraph end closes a runaway quote
                runaway = (len(self.spans) - 1, first)
            self._clear()
        self._drop_open_dialogue()
        self._new_paragraph(j)
        self.runaway = runaway
        return j

    def _new_paragraph(self, j: int) -> None:
        self.para_start = self.floor = j
        self.first_event = True
        self.runaway = None

    def _drop_open_dialogue(self) -> None:
        """Replies continued by dashes that no closing mark ended were not a quote after all."""
        if self.dialogue is not None:
            del self.spans[self.dialogue:]
            self.dialogue = None

    # -- quotes with no opening mark ---------------------------------------------------------
    def _lone_closer(self, i: int, width: int) -> None:
        """A closing mark with nothing open ends a quote when an incise follows it or it closes
        a sentence: that quote began in the paragraph before (left open there) or with its
        sentence. Anything else is a stray mark."""
        text, n = self.text, len(self.text)
        j = i + width
        while j < n and text[j] in SPACES:
            j += 1
        after = text[j] if j < n else "\n"
        b = i - 1
        while b >= self.floor and text[b] in SPACES:
            b -= 1
        before = text[b] if b >= self.floor else ""
        incise = after in ",–—"
        ends_sentence = before in SENTENCE_END and (after == "\n" or after.isupper() or after in "«“\"")
        if not (incise or ends_sentence) or not before:
            return
        floor, self.floor = self.floor, i + width
        if self.runaway is not None and self.first_event:
            index, opened = self.runaway
            quote = self._span(opened.pos + opened.width, i, opened.pos, i + width - 1, opened.opens_sentence)
            if quote is not None:
                self.spans[index] = quote
            self.runaway = None
            return
        start = floor
        for m in _SENTENCE_START.finditer(text, floor, i):
            start = m.end()
        quote = self._span(start, i, start, i + width - 1)
        if quote is not None:
            self.spans.append(quote)

    # -- spans ---------------------------------------------------------------------------------
    def _emit(self, opened: _Open, close: int, close_mark: int | None) -> bool:
        quote = self._span(opened.pos + opened.width, close, opened.pos, close_mark, opened.opens_sentence)
        if close_mark is not None:
            self.floor = close_mark + 1
        if quote is None:
            return False
        self.spans.append(quote)
        return True

    def _span(self, start: int, end: int, open_mark: int, close_mark: int | None,
              opens_sentence: bool | None = None) -> QuoteSpan | None:
        """The quoted words between ``start`` and ``end``, trimmed; ``None`` when there are none."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        if start + 1 < end and text[start] in DIALOGUE_DASHES and text[start + 1].isspace():
            start += 2  # « — Pourquoi ? »: the dash marks the reply, it is not said
            while start < end and text[start].isspace():
                start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or not any(ch.isalnum() for ch in text[start:end]):
            return None
        if opens_sentence is None:
            opens_sentence = self._opens_sentence(open_mark)
        kind = self._kind(start, end, close_mark, opens_sentence)
        return QuoteSpan(start, end, open_mark, close_mark, kind, text[start:end])

    def _kind(self, start: int, end: int, close_mark: int | None, opens_sentence: bool) -> str:
        """``direct`` when the quote is a sentence of its own: it opens a sentence with a capital
        and the journalist's sentence does not go on straight after it (« Un "X" dans …»); also
        when a page left the capital out of words someone says in the first person after a colon
        (« Tout s'est emballé : "depuis janvier je travaille sur le procès" »)."""
        text = self.text
        first = text[start]
        after = text[close_mark + 1:close_mark + 40].lstrip(SPACES) if close_mark is not None else ""
        runs_on = bool(after) and after[0].islower() and text[end - 1] not in ".!?…"
        capital = first.isupper() or first.isdigit() or first in "…[(" or self._said_after_colon(start, end)
        return "direct" if capital and not runs_on and opens_sentence else "partial"

    def _said_after_colon(self, start: int, end: int) -> bool:
        """Five words or more, after a colon, with a first-person subject: a sentence someone said."""
        text, b = self.text, start - 1
        while b >= self.para_start and (text[b] in SPACES or text[b] in FAMILY):  # back over the mark
            b -= 1
        return b >= self.para_start and text[b] == ":" and len(text[start:end].split()) >= 5 \
            and FIRST_PERSON_WORD.search(text, start, end) is not None

    def _opens_sentence(self, open_mark: int) -> bool:
        """The mark opens its paragraph (past a dash or bullet), or follows a colon, a sentence's
        end (with or without a space, past a closing mark: ``matin." "Est-ce…``) or a dash (a
        dateline: ``PARIS (AFP) – « …``): a direct quote, the only kind that runs on over
        paragraphs. Looks back over the spaces and punctuation just before the mark only."""
        text, b, start = self.text, open_mark - 1, self.para_start
        while b >= start and (text[b] in SPACES or text[b] in LEAD_PUNCT):
            if text[b] in "–—" or (text[b] == "-" and b > start and text[b - 1] in SPACES):
                return True  # a dateline or a dialogue dash
            b -= 1
        if b < start:
            return True
        if text[b] in "»”\"’" and b > start:  # the end of the quote before: « … matin. » « Est-ce … »
            b -= 1
            while b > start and text[b] in SPACES:
                b -= 1
        return text[b] in SENTENCE_END or text[b] == ":"


def _after_colon_before_capital(text: str, i: int, end: int) -> bool:
    """« a déclaré : » Nous irons … » »: a closing glyph after a colon, before a capital, opens."""
    b = i - 1
    while b >= 0 and text[b] in SPACES:
        b -= 1
    j = end
    while j < len(text) and text[j] in SPACES:
        j += 1
    return b >= 0 and text[b] == ":" and j < len(text) and text[j].isupper()


def _glued_before(text: str, i: int) -> bool:
    """The character before offset ``i`` is part of a word or closes a sentence (no space)."""
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".,;!?…)%")


def _glued_after(text: str, j: int) -> bool:
    return j < len(text) and not text[j].isspace() and text[j] not in ",.;:!?)»”"


def _mark_at(text: str, j: int) -> str | None:
    m = _MARKS.match(text, j)
    return m.group() if m and m.group() != "\n" else None
