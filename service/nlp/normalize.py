"""The one normaliser for names: the key that makes ``Kim Jong-un`` and ``KIM JONG UN`` one speaker."""
from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—'’‘`´.]+")


def name_key(name: str) -> str:
    """Accent-, case-, hyphen- and apostrophe-insensitive key.

    >>> name_key("Kim Jong-Un") == name_key("KIM JONG UN") == name_key("kim  jong un")
    True
    >>> name_key("Élisabeth Borne")
    'elisabeth borne'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", stripped.casefold()).strip()
