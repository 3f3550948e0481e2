"""Step 5 — roles: the title or affiliation an article gives a name, from an apposition.

    le président russe Vladimir Poutine                      -> président russe
    Le secrétaire général de l'Otan, Jens Stoltenberg, …     -> secrétaire général de l'Otan
    Marie Dupont, professeure à l'université de Lyon, a …    -> professeure à l'université de Lyon
    l'agence de presse officielle XYZ                        -> agence de presse officielle

Works on tokens, entities and the lexicons only, so it runs on unparsed paragraphs too.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .names import HONORIFICS
from .paragraphs import Paragraph

PERSON_LABELS = {"PER"}
NAME_LABELS = {"PER", "ORG", "MISC"}
_STOP_WORDS = {"a", "ont", "avait", "avaient", "aura", "est", "sont", "était", "et", "ou", "que", "qu'", "qu’",
               "qui", "dont", "mais", "car", "avec", "par", "selon", "lors", "dans", "sur", "entre", "contre",
               "pendant", "après", "avant", "lorsque", "quand", "comme", "si", "ne", "n'", "n’", "se", "s'", "s’"}
_ROLE_END = {",", ".", ";", ":", "(", ")", "!", "?", "«", "»", "“", "”", '"', "—", "–"}
_LINK_WORDS = {"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les", "à", "au", "aux", "en", "pour"}
MAX_ROLE_TOKENS = 14


@dataclass(frozen=True)
class RoleMention:
    """``role`` given to the name ``name`` at article offset ``start``."""

    name: str
    label: str
    role: str
    start: int


def find_roles(paragraph: Paragraph, lexicon: Lexicon, determiners: frozenset[str],
               modifiers: frozenset[str]) -> list[RoleMention]:
    """Roles given by appositions to the named entities of one paragraph."""
    found = []
    for ent in paragraph.doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        heads = lexicon.role_nouns if ent.label_ in PERSON_LABELS else lexicon.organisation_nouns
        role = (_role_before(ent, heads, determiners, modifiers)
                or _role_after(ent, heads, determiners, modifiers, paragraph.parsed))
        if role:
            found.append(RoleMention(ent.text, ent.label_, role, paragraph.start + ent.start_char))
    return found


def find_described_organisations(paragraph: Paragraph, lexicon: Lexicon) -> list[tuple[int, str, str]]:
    """Organisations named by description, for ``le ministère`` to point back to later:
    ``Le ministère sud-coréen des Affaires étrangères a …`` -> (offset, "ministère", "ministère sud-coréen
    des Affaires étrangères")."""
    doc, found = paragraph.doc, []
    for tok in doc:
        if not _is_head(tok, lexicon.organisation_nouns) or tok.ent_type_ in NAME_LABELS:
            continue
        k = tok.i + 1
        while k < len(doc) and k - tok.i < MAX_ROLE_TOKENS:
            nxt = doc[k]
            if nxt.text in _ROLE_END or nxt.is_space or nxt.lower_ in _STOP_WORDS or nxt.like_num \
                    or (paragraph.parsed and nxt.pos_ in ("VERB", "AUX", "PRON", "ADV")):
                break
            k += 1
        while k > tok.i + 1 and (doc[k - 1].lower_ in _LINK_WORDS):
            k -= 1
        if k > tok.i + 1:
            found.append((paragraph.start + tok.idx, (tok.lemma_ or tok.lower_).lower(), doc[tok.i:k].text))
    return found


def _is_head(tok: Token, heads: frozenset[str]) -> bool:
    return tok.lower_ in heads or (tok.lemma_ or "").lower() in heads


def _role_before(ent: Span, heads, determiners, modifiers) -> str | None:
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].text in HONORIFICS:  # "l'avocate, Me Claire Dubois"
        i -= 1
    if i >= 0 and doc[i].text == ",":  # "Le ministre de l'Intérieur, Jean Dupont,"
        i -= 1
    end, chain = i + 1, []
    while i >= 0 and len(chain) < MAX_ROLE_TOKENS:
        tok = doc[i]
        if (tok.is_punct and tok.text not in ("-",)) or tok.lower_ in _STOP_WORDS or tok.ent_type_ == "PER" \
                or tok.pos_ in ("VERB", "AUX") or tok.is_space:
            break
        chain.append(tok)
        i -= 1
    for tok in chain:  # nearest head first
        if not _is_head(tok, heads):
            continue
        start = _with_modifiers(tok, modifiers)
        prev = doc[start.i - 1] if start.i > 0 else None
        if prev is None or prev.lower_ in determiners or prev.is_punct or prev.lower_ in _STOP_WORDS:
            return _clean(doc[start.i:end])
    return None


def _role_after(ent: Span, heads, determiners, modifiers, parsed: bool) -> str | None:
    doc, j = ent.doc, ent.end
    if j >= len(doc) or doc[j].text != ",":
        return None
    j += 1
    while j < len(doc) and (doc[j].lower_ in determiners or doc[j].lower_ in modifiers):
        j += 1
    if j >= len(doc) or not _is_head(doc[j], heads):
        return None
    start = _with_modifiers(doc[j], modifiers)
    k = j + 1
    while k < len(doc) and k - start.i < MAX_ROLE_TOKENS:
        tok = doc[k]
        if tok.text in _ROLE_END or tok.is_space or tok.lower_ in ("qui", "dont", "et", "a", "ont", "est") \
                or (parsed and tok.pos_ in ("VERB", "AUX")):
            break
        k += 1
    return _clean(doc[start.i:k])


def _with_modifiers(tok: Token, modifiers) -> Token:
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i - 1].lower_.rstrip("-") in modifiers:
        i -= 1
    return doc[i]


def _clean(span: Span) -> str | None:
    text = span.text.strip(" ,-–—\u00a0")
    return text or None
