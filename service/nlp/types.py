"""Plain, frozen records returned by the pipeline: no spaCy object ever leaves ``service.nlp``."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words found between quotation marks, as character offsets in the article.

    ``start``/``end`` exclude the marks and surrounding spaces; ``open_mark`` is the offset
    of the opening mark and ``close_mark`` that of the closing one (``None`` when a
    paragraph ended the quote). ``kind`` is ``direct`` (whole sentences of the speaker)
    or ``partial`` (a few words inside the journalist's sentence).
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    kind: str
    text: str


@dataclass(frozen=True)
class TextSpan:
    """A piece of the article: ``text == article[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """Who said it: canonical name, role in the article, ``person`` or ``organisation``."""

    name: str
    type: str
    role: str | None = None
    mention: TextSpan | None = None


@dataclass(frozen=True)
class Quote:
    """One attributed quotation."""

    text: str
    start: int
    end: int
    kind: str
    speaker: Speaker | None = None
    cue: TextSpan | None = None
    confidence: float = 0.0
    method: str = field(default="none", compare=False)
