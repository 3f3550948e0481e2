"""Lemmas the French lemmatizer gets wrong for the verbs quotes hang on.

``fr_core_news_md`` leaves some present forms as they are (« indique », « estime »): the matchers,
which read lemmas, would not see a reporting verb. ``reporting_verb_lemmas`` runs after the
lemmatizer and gives such a form the infinitive of the lexicon's reporting verb it comes from.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Doc

from .lexicon import load_lexicon


@Language.component("reporting_verb_lemmas")
def mend_reporting_verb_lemmas(doc: Doc) -> Doc:
    """« Il indique avoir entendu … »: lemma « indique » -> « indiquer »."""
    lexicon = load_lexicon()
    attrs = doc.to_array([POS, LEMMA, LOWER])  # the verbs whose lemma is their form, without a Python pass
    for i in numpy.flatnonzero((attrs[:, 0] == VERB) & (attrs[:, 1] == attrs[:, 2])):
        tok = doc[int(i)]
        if not tok.lower_.endswith(("er", "ir", "re")):
            guess = next((v for v in infinitives(tok.lower_) if lexicon.is_reporting(v)), None)
            if guess is not None:
                tok.lemma_ = guess
    return doc


# third-person present endings of the other conjugations -> their infinitive's ending
_IRREGULAR_PRESENT = (("iert", "érir"), ("uit", "uivre"), ("ient", "enir"), ("aît", "aître"), ("it", "ire"),
                      ("et", "ettre"), ("ut", "ure"), ("d", "dre"))


def infinitives(word: str) -> list[str]:
    """Infinitives a present form may come from, when the lemmatizer failed: « estime » -> estimer,
    « dénoncent » -> dénoncer, « lit » -> lire, « poursuit » -> poursuivre, « requiert » -> requérir,
    « répond » -> répondre, « admet » -> admettre, « soutient » -> soutenir, « suggère » -> suggérer,
    « rappelle » -> rappeler."""
    found = []
    if word.endswith("ent"):
        found.append(word[:-2] + "r")
    elif word.endswith(("e", "es")):
        found.append(word.rstrip("s") + "r")
    found += [alternative for first in found for alternative in stem_alternations(first)]
    found += [word[: -len(end)] + infinitive for end, infinitive in _IRREGULAR_PRESENT if word.endswith(end)]
    return found


def stem_alternations(word: str) -> list[str]:
    """The forms of ``word`` with a stem's alternation undone: « suggèrer » -> suggérer, suggerer;
    « rappeller » -> rappeler (« suggère », « relève », « rappelle », « jette »); « annonçant » ->
    annoncant, « jugeant » -> jugant (a soft c or g kept before a or o)."""
    found = []
    if "ç" in word:
        found.append(word.replace("ç", "c"))
    for soft in ("gea", "geo"):
        if soft in word:
            found.append(word.replace(soft, soft[0] + soft[2]))
    i = word.rfind("è")
    if i >= 0:
        found += [word[:i] + "é" + word[i + 1:], word[:i] + "e" + word[i + 1:]]
    for double in ("ll", "tt"):
        if double in word:
            found.append(word.replace(double, double[0]))
    return found


def participle_infinitives(word: str) -> list[str]:
    """« qualifiés » -> qualifier, « jugée » -> juger, « décrite » -> décrire."""
    word = word.rstrip("s")
    if word.endswith("ée"):
        word = word[:-1]
    if word.endswith("é"):
        return [word[:-1] + "er"]
    if word.endswith(("ite", "it")):
        return [word[: word.rfind("it")] + "ire"]
    return []
