"""Grammatical gender of the words that point at a person, to match pronouns with their antecedent.

French marks the gender of a person on the words around the name, rarely on the name itself::

    la procureure Nadia Benhamou        -> Fem (determiner, feminine form of the role noun)
    M. Le Bihan, Mme Durand             -> Masc, Fem (honorific)
    Isabelle Marchetti, directrice …    -> Fem (« directrice » is the feminine of « directeur »)
    a-t-elle ajouté, l'intéressée        -> Fem

A common first name (``rules/first_names.tsv``) is a weak vote, used only when the article's
words say nothing of the person. Epicene nouns (ministre, maire, juge, porte-parole) give nothing
on their own: only their determiner (« la ministre ») does.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

MASC, FEM = "Masc", "Fem"

HONORIFIC_GENDER = {"M.": MASC, "MM.": MASC, "Monsieur": MASC, "Mme": FEM, "Mmes": FEM, "Madame": FEM,
                    "Mlle": FEM, "Mademoiselle": FEM}
DETERMINER_GENDER = {"le": MASC, "un": MASC, "ce": MASC, "cet": MASC, "du": MASC, "au": MASC,
                     "la": FEM, "une": FEM, "cette": FEM, "sa": FEM}
PRONOUN_GENDER = {"il": MASC, "-il": MASC, "-t-il": MASC, "lui": MASC, "celui-ci": MASC, "celui": MASC,
                  "ce dernier": MASC, "le premier": MASC, "le second": MASC,
                  "elle": FEM, "-elle": FEM, "-t-elle": FEM, "celle-ci": FEM, "celle": FEM,
                  "cette dernière": FEM, "la première": FEM, "la seconde": FEM}
# feminine ending -> masculine ending of the same noun: avocate/avocat, directrice/directeur …
_FEMININE_ENDINGS = (("trice", "teur"), ("euse", "eur"), ("ière", "ier"), ("enne", "en"), ("onne", "on"),
                     ("esse", ""), ("ive", "if"), ("e", ""))


def noun_gender(word: str, nouns: frozenset[str]) -> str | None:
    """The gender a role noun shows by its form, when the lexicon also holds its other form:
    ``présidente`` -> Fem, ``président`` -> Masc, ``ministre`` -> None (epicene).

        >>> noun_gender("directrice", frozenset({"directeur", "directrice"}))
        'Fem'
    """
    word = word.lower().rsplit("-", 1)[-1] if "-" in word and word.lower() not in nouns else word.lower()
    for fem, masc in _FEMININE_ENDINGS:
        if word.endswith(fem) and len(word) > len(fem) + 1 and word[: -len(fem)] + masc in nouns \
                and word[: -len(fem)] + masc != word:
            return FEM
    for fem, masc in _FEMININE_ENDINGS:
        if (word.endswith(masc) or not masc) and word[: len(word) - len(masc)] + fem in nouns \
                and word[: len(word) - len(masc)] + fem != word:
            return MASC
    return None


def token_gender(tok: Token, nouns: frozenset[str]) -> str | None:
    """Gender shown by one word next to a person: determiner, honorific, gendered noun or adjective."""
    if tok.text in HONORIFIC_GENDER:
        return HONORIFIC_GENDER[tok.text]
    lower = tok.lower_
    if lower in DETERMINER_GENDER:
        return DETERMINER_GENDER[lower]
    if lower in nouns or (tok.lemma_ or "").lower() in nouns:
        return noun_gender(lower, nouns)
    return None


def phrase_gender(span: Span | list[Token], nouns: frozenset[str]) -> str | None:
    """The first gender a phrase shows, left to right: ``la vice-présidente`` -> Fem."""
    for tok in span:
        found = token_gender(tok, nouns)
        if found:
            return found
    return None


def pronoun_gender(words: str) -> str | None:
    """``-t-elle`` -> Fem, ``ce dernier`` -> Masc, ``l' intéressée`` -> Fem."""
    words = words.lower()
    if words in PRONOUN_GENDER:
        return PRONOUN_GENDER[words]
    if words.endswith("intéressée"):
        return FEM
    if words.endswith("intéressé"):
        return MASC
    return None


def first_name_gender(name: str, alone: bool = False) -> str | None:
    """``Paulette Lenert`` -> Fem, ``Didier Dinart`` -> Masc; a lone ``Frédéric`` -> Masc only when
    ``alone`` (the article never gives him a surname: « Martin » may well be one); a rare name -> None."""
    words = name.split()
    return _first_names().get(words[0]) if len(words) > 1 or alone and words else None


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    text = resources.files("service.nlp").joinpath("rules", "first_names.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    next(rows)
    return {name: gender for name, gender in rows}
