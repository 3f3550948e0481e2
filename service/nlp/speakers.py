"""Step 3 — turn the words naming a speaker into a ``Speaker``, through the article's index.

    a déclaré Marie Dupont, …        -> Marie Dupont (name)
    a-t-elle ajouté                  -> the antecedent of « elle » (pronoun)
    a précisé le ministre de la Santé -> the person the article calls so, else « ministre de la Santé »
    a indiqué le ministère           -> « ministère de l'Intérieur » named earlier (organisation)
"""
from __future__ import annotations

from spacy.tokens import Span

from .lexicon import Lexicon
from .paragraphs import Paragraph
from .references import ORGANISATION, PERSON, EntityIndex
from .types import Speaker

SINGULAR_PRONOUNS = {"il", "elle", "-il", "-elle", "-t-il", "-t-elle", "lui"}
ORGANISATION_LABELS = {"ORG", "MISC", "LOC"}
_LINKS = {"de", "du", "des", "d'", "d’", "d"}


def attribute_speaker(mention: Span, paragraph: Paragraph, index: EntityIndex, lexicon: Lexicon,
                      sentence: int) -> Speaker | None:
    """Resolve the mention to a canonical speaker with its type and role, or ``None``."""
    position = paragraph.start + mention.start_char
    surface = paragraph.text_span(mention)
    words = [t.lower_ for t in mention]
    if len(mention) == 1 and words[0] in SINGULAR_PRONOUNS or " ".join(words) in lexicon.anaphors:
        if words[0] in ("ils", "elles", "-ils", "-elles", "-on", "on"):
            return None
        found = index.antecedent(position, sentence)
        if found is None:
            return None
        name = index.canonical(found.name) if found.type == PERSON else found.name
        return Speaker(name, found.type, index.role_of(name), surface)

    people = [e for e in mention.ents if e.label_ == "PER"]
    if people:
        name = index.canonical(people[-1].text)
        return Speaker(name, PERSON, index.role_of(name), surface)

    head = _head_noun(mention)
    named = [e for e in mention.ents if e.label_ in ORGANISATION_LABELS
             and (e.start == mention.start or mention.doc[e.start - 1].lower_ not in _LINKS)]
    if named:  # « l'agence de presse officielle XYZ » is XYZ
        name = named[-1].text
        return Speaker(name, ORGANISATION, index.role_of(name), surface)
    if head is None:
        return None

    lemma = (head.lemma_ or head.lower_).lower()
    described = _without_determiner(mention)
    if lemma in lexicon.organisation_nouns or head.lower_ in lexicon.organisation_nouns:
        if len(described.split()) == 1:
            earlier = index.organisation_by_head(lemma, position)
            described = earlier or described
        index.add_organisation(position, lemma, described)
        return Speaker(described, ORGANISATION, None, surface)
    if lemma in lexicon.role_nouns or head.lower_ in lexicon.role_nouns:
        if "Plur" not in head.morph.get("Number"):
            person = index.person_by_role(described, position)
            if person is not None:
                return Speaker(person, PERSON, index.role_of(person) or described, surface)
        return Speaker(described, PERSON, None, surface)
    if head.pos_ == "PROPN":
        name = index.canonical(described)
        return Speaker(name, PERSON, index.role_of(name), surface)
    return None


def _head_noun(mention: Span):
    return next((t for t in mention if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "ADJ" and t.i == mention.end - 1)), None)


def _without_determiner(mention: Span) -> str:
    toks = list(mention)
    while toks and (toks[0].pos_ == "DET" or toks[0].lower_ in ("l'", "l’")):
        toks = toks[1:]
    if not toks:
        return mention.text
    return mention.doc[toks[0].i:mention.end].text.strip(" ,")
