"""Articles as paragraphs: the unit the pipeline runs spaCy on.

Only paragraphs that hold a quotation are parsed; the others only go through the entity
recogniser (names and roles are needed article-wide, syntax only around quotes)::

    >>> [p for p in split_paragraphs("Titre\\n\\nLe texte.\\n")]
    [(0, 5), (7, 16)]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .types import TextSpan

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…»”\"])\s+(?=[«“\"A-ZÀ-ÖØ-Þ])")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-blank lines of ``text``."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


@dataclass
class Paragraph:
    """A paragraph's ``Doc`` and where it starts in the article."""

    index: int
    start: int
    doc: Doc
    parsed: bool

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)

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
        text, bounds, last = self.doc.text, [], 0
        for m in _SENTENCE_END.finditer(text):
            bounds.append((self.start + last, self.start + m.start()))
            last = m.end()
        bounds.append((self.start + last, self.start + len(text)))
        return bounds


def _token_end(tok: Token) -> int:
    return tok.idx + len(tok.text)
