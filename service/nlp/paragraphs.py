"""Articles as paragraphs: the unit the pipeline runs spaCy on.

Only paragraphs that hold a quotation are parsed; the others only go through the entity
recogniser (names and roles are needed article-wide, syntax only around quotes)::

    >>> [p for p in split_paragraphs("Titre\\n\\nLe texte.\\n")]
    [(0, 5), (7, 16)]

The cost of a paragraph must not grow faster than its length: a paragraph longer than
``MAX_PIECE_CHARS`` (no real one is) reaches spaCy in pieces cut at a sentence end, and the
rules look at one piece at a time (``bounded_pieces``)::

    >>> bounded_pieces("Un. Deux. Trois.", 0, 16, limit=10)
    [(0, 9), (10, 16)]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .types import TextSpan

MAX_PIECE_CHARS = 2_000  # real paragraphs are shorter (1,600 at most in the real-news sets)
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…»”\"])\s+(?=[«“\"A-ZÀ-ÖØ-Þ])")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-blank lines of ``text``."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def bounded_pieces(text: str, start: int, end: int, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` cut into pieces of at most ``limit`` characters: after the last sentence
    end of the second half of the limit, else at its last space, else anywhere (a run of marks
    with no space). Offsets are the article's; nothing is left out but the spaces of a cut."""
    pieces = []
    while end - start > limit:
        window = text[start + limit // 2:start + limit]
        sentence = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("… "))
        space = max(window.rfind(" "), window.rfind("\t"), window.rfind("\u00a0"))
        cut = start + limit // 2 + (sentence + 1 if sentence >= 0 else space if space >= 0 else len(window))
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


@dataclass
class Paragraph:
    """A paragraph's ``Doc`` (or a piece of a very long one, see ``bounded_pieces``) and where
    it starts in the article. ``cue_budget`` is how many of the quotes opening here still get a
    search for their cue (``CueFinder.find``): prose has far fewer quotes than characters."""

    index: int
    start: int
    doc: Doc
    parsed: bool
    cue_budget: int = 1 << 30
    text: str = field(init=False, repr=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.doc.text  # built once: ``Doc.text`` joins every token on each call
        self.end = self.start + len(self.text)

    def text_span(self, span: Span | Token) -> TextSpan:
        if isinstance(span, Token):
            span = span.doc[span.i : span.i + 1]
        return TextSpan(span.text, self.start + span.start_char, self.start + span.end_char)

    def tokens_between(self, start: int, end: int) -> Span | None:
        """The tokens covering article offsets ``[start, end)`` clipped to this paragraph."""
        lo, hi = max(start, self.start) - self.start, min(end, self.end) - self.start
        if lo >= hi:
            return None
        return self.doc.char_span(lo, hi, alignment_mode="expand")

    def token_after(self, offset: int) -> int | None:
        """Index of the token at or after article offset ``offset``: the first that ends after it."""
        i = bisect_right(self.doc, offset - self.start, key=_token_end)
        return i if i < len(self.doc) else None

    def token_before(self, offset: int) -> int | None:
        """Index of the last token that ends at or before article offset ``offset``."""
        i = bisect_right(self.doc, offset - self.start, key=_token_end)
        return i - 1 if i else None

    def sentence_ranges(self) -> list[tuple[int, int]]:
        """Article offsets of the sentences: from the parse, or punctuation when unparsed."""
        if self.parsed:
            return [(self.start + s.start_char, self.start + s.end_char) for s in self.doc.sents]
        text, bounds, last = self.text, [], 0
        for m in _SENTENCE_END.finditer(text):
            bounds.append((self.start + last, self.start + m.start()))
            last = m.end()
        bounds.append((self.start + last, self.start + len(text)))
        return bounds


def _token_end(tok: Token) -> int:
    return tok.idx + len(tok.text)
