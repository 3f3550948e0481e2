"""Step 5 — roles: the title or affiliation an article gives a name, from an apposition.

    le président russe Vladimir Poutine                      -> président russe
    Le secrétaire général de l'Otan, Jens Stoltenberg, …     -> secrétaire général de l'Otan
    Marie Dupont, professeure à l'université de Lyon, a …    -> professeure à l'université de Lyon
    l'agence de presse officielle XYZ                        -> agence de presse officielle

Works on tokens, entities and the lexicons only, so it runs on unparsed paragraphs too.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IDX
from spacy.tokens import Span, Token

from .gender import (
    DETERMINER_GENDER,
    HONORIFIC_GENDER,
    first_name_gender,
    noun_gender,
    phrase_gender,
)
from .lexicon import DEFINITE_ARTICLES, DEFINITE_SINGULAR, DEMONSTRATIVES_SINGULAR, OF_WORDS, VOWELS, Lexicon
from .names import HONORIFICS, after_quote_and_comma, clefted
from .normalize import name_key
from .paragraphs import Paragraph

PERSON_LABELS = {"PER"}
NAME_LABELS = {"PER", "ORG", "MISC"}
_STOP_WORDS = {"a", "ont", "avait", "avaient", "aura", "est", "sont", "était", "et", "ou", "que", "qu'", "qu’",
               "qui", "dont", "mais", "car", "avec", "par", "selon", "lors", "dans", "sur", "entre", "contre",
               "pendant", "après", "avant", "lorsque", "quand", "comme", "si", "ne", "n'", "n’", "se", "s'", "s’", "où"}
_ROLE_END = {",", ".", ";", ":", "(", ")", "!", "?", "«", "»", "“", "”", '"', "—", "–"}
_LINK_WORDS = {"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les", "à", "au", "aux", "en", "pour"}
MAX_ROLE_TOKENS = 14
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
_AGE_WORDS = {"ans", "an"}
# before a role set off after a name, they say when or how it holds, not what it is:
# « Paul X, alors ministre de la Culture », « …, lui-même ancien maire », « …, également députée »
ROLE_ADVERBS = {"alors", "désormais", "aujourd'hui", "aujourd’hui", "actuellement", "également", "aussi",
                 "toujours", "longtemps", "lui-même", "elle-même"}
NOW_ADVERBS = {"désormais", "aujourd'hui", "aujourd’hui", "actuellement"}  # a role that replaced an earlier one
FORMER_MODIFIERS = {"ancien", "ancienne", "ex"}
_NP_OPENERS = {"le", "la", "l'", "l’", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette"}


@dataclass(frozen=True)
class RoleMention:
    """``role`` given to the name ``name`` at article offset ``start``.

    ``gender``: what the role's words show (« la procureure » -> Fem); ``possessive``: the role
    came with « son », « sa », « leur » (« son président »), so it belongs to someone named before.
    """

    name: str
    label: str
    role: str
    start: int
    gender: str | None = None
    possessive: bool = False
    predicate: bool = False  # « X, 52 ans, est accusé de … »: what the person is, to find « l'accusé » by


@dataclass(frozen=True)
class _Role:
    text: str
    first: Token  # first word of the role (after its determiner)
    last: Token
    tight: bool = False  # right before the name, no comma: « le défenseur Yoann Le Gall »


def find_roles(paragraph: Paragraph, lexicon: Lexicon, determiners: frozenset[str],
               modifiers: frozenset[str]) -> list[RoleMention]:
    """Roles given by appositions to the named entities of one paragraph."""
    found = []
    # « Marie X, fleuriste, … »: a noun of this paragraph that names a person by what they do, by its
    # ending (« -iste », « -logue »), is a role noun here though no list holds it
    agents = frozenset(t.lower_ for t in paragraph.doc if t.pos_ == "NOUN" and lexicon.is_agent_noun(t.lower_))
    for ent in paragraph.doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        person = ent.label_ in PERSON_LABELS
        heads = lexicon.role_nouns | agents if person else lexicon.organisation_nouns
        before = None if lexicon.aside_ending_at(ent.doc, ent.start - 1) else \
            _role_before(ent, heads, determiners, modifiers, paragraph.parsed)  # not « juge pour sa part X »
        if person and before is None:
            before = _role_by_clause_before(ent, lexicon.role_clauses, heads, determiners, modifiers,
                                            paragraph.parsed)
        if person and before is None and paragraph.parsed:
            before = _role_by_passive(ent, lexicon.role_passives)
        after = _role_after(ent, heads, determiners, modifiers, paragraph.parsed)
        if person and after is None:
            after = _role_by_copula(ent, lexicon.role_copulas, heads, determiners, modifiers, paragraph.parsed)
        if person and after is None:
            after = _role_by_clause(ent, lexicon.role_clauses, lexicon.role_verbs, heads, determiners, modifiers,
                                    paragraph.parsed)
        role = _choose(ent, before, after) if person else (before or after)
        gender = _gender_of(ent, before, after, lexicon.role_nouns) if person else None
        if role:
            prev = role.first.doc[role.first.i - 1] if role.first.i > 0 else None
            possessive = prev is not None and prev.lower_ in POSSESSIVES
            found.append(RoleMention(ent.text, ent.label_, role.text, paragraph.start + ent.start_char,
                                     gender, possessive))
        elif gender:
            found.append(RoleMention(ent.text, ent.label_, "", paragraph.start + ent.start_char, gender))
        described = _predicate_role(ent, heads) if person else None
        if described:
            found.append(RoleMention(ent.text, ent.label_, described, paragraph.start + ent.start_char,
                                     predicate=True))
    return [r for r in found if r.role or r.gender]


_COPULAS = {"est", "était", "sera", "serait", "fut"}


def _predicate_role(ent: Span, heads) -> str | None:
    """« Luc X, 47 ans, ancien charpentier, est accusé d'avoir … » -> « accusé »: a role noun
    predicated of the name (past its appositions), that « l'accusé » later points back to."""
    doc, k = ent.doc, _past_appositions(ent)
    if k + 1 < len(doc) and doc[k].lower_ in _COPULAS and _is_head(doc[k + 1], heads):
        return doc[k + 1].lower_
    return None


def _past_appositions(ent: Span) -> int:
    """The token after the name and up to three short appositions set off by commas, when a
    copula follows them (« Luc X, 47 ans, ancien charpentier, est … » -> « est »), else right after the name."""
    doc, k = ent.doc, ent.end
    for _ in range(4):
        if k + 1 >= len(doc) or doc[k].text != ",":
            break
        if doc[k + 1].lower_ in _COPULAS:
            return k + 1
        nxt = next((j for j in range(k + 1, min(k + 8, len(doc))) if doc[j].text == ","), None)
        if nxt is None:
            break
        k = nxt
    return ent.end


def _choose(ent: Span, before: _Role | None, after: _Role | None) -> _Role | None:
    """One role per mention: the fuller apposition wins over a bare noun glued to the name.

        la climatologue Anne X, chercheuse au CNRS   -> chercheuse au CNRS
        le critique Paul X, du magazine Écrans       -> critique du magazine Écrans
        son ancien élève, Paul X, désormais chercheur -> chercheur (not « le maire, Paul X, désormais candidat »)
    """
    if before is None or after is None:
        return before or after
    if after.first.i > 0 and ent.doc[after.first.i - 1].lower_ in NOW_ADVERBS \
            and before.first.lower_.split("-")[0] in FORMER_MODIFIERS:
        return after  # « son ancien élève, Paul X, aujourd'hui chercheur au CNRS »: what he is now
    if _plural_role(before) and not _plural_role(after):
        return after  # « Parmi les manifestants, Jeanne, 52 ans, éleveuse … »: a crowd she is one of
    if not before.tight or _tells_a_figure(after):
        return before
    if after.first.lower_ in OF_WORDS:
        doc = ent.doc
        return _Role(_clean(doc[before.first.i:before.last.i + 1]) + " " + after.text, before.first, after.last)
    return after


def _tells_a_figure(role: _Role) -> bool:
    """« auteur de 14 points », « buteur à trois reprises »: a figure of the day, not a title."""
    doc = role.first.doc
    return any(t.like_num or t.pos_ == "NUM" for t in doc[role.first.i:role.last.i + 1])


def _gender_of(ent: Span, before: _Role | None, after: _Role | None, nouns: frozenset[str]) -> str | None:
    """Gender shown by the honorific, or the determiner and form of the role: « la procureure X »."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text in HONORIFIC_GENDER:
        return HONORIFIC_GENDER[doc[ent.start - 1].text]
    for role in (before, after):
        if role is None:
            continue
        prev = doc[role.first.i - 1] if role.first.i > 0 else None
        if prev is not None and prev.lower_ in DETERMINER_GENDER:
            return DETERMINER_GENDER[prev.lower_]
        found = _role_words_gender(doc[role.first.i:role.last.i + 1], nouns)
        if found == "Masc" and first_name_gender(ent.text) == "Fem":
            return None  # « Pauline X, auteur de … »: a woman's title in its masculine form says nothing
        if found:
            return found
    return None


def _role_words_gender(role: Span, nouns: frozenset[str]) -> str | None:
    """The gender shown by the role nouns of each conjunct, not by their complements:
    « paléontologue au musée et première autrice de l'étude » -> Fem, « avocat de la victime » -> Masc."""
    in_complement = False
    for tok in role:
        if tok.lower_ == "et":
            in_complement = False
        elif tok.lower_ in _LINK_WORDS:
            in_complement = True
        elif not in_complement and (tok.lower_ in nouns or (tok.lemma_ or "").lower() in nouns):
            found = noun_gender(tok.lower_, nouns)
            if found:
                return found
    return None


@dataclass(frozen=True)
class RoleReference:
    """A person named without a name: « la maire », « le président russe », « l'intéressé », « elle »."""

    start: int
    role: str  # "maire", "président russe"; the words themselves for anaphors and pronouns
    gender: str | None
    subject: bool  # subject of a main clause
    anaphor: bool  # « l'intéressé », « ce dernier », « elle »
    complement: bool = False  # « l'avocat de l'accusé »: completes another noun, not the one spoken of
    main_subject: bool = False  # the subject of the sentence's main verb: « Le prévenu hausse les épaules »


_SENTENCE_ENDS = {".", "!", "?", "…", ":", "»", "\n"}
_SUBJECT_PRONOUNS = {"il": "Masc", "elle": "Fem"}


def find_pronoun_appositions(paragraph: Paragraph, lexicon: Lexicon, determiners: frozenset[str],
                             modifiers: frozenset[str]) -> list[tuple[int, str, str]]:
    """A function opening a sentence, without a determiner, set off by a comma before its subject
    pronoun: « Ancienne ministre de la Culture, elle a … » -> (offset of « elle », "ancienne ministre
    de la Culture", "Fem"): the role of the person the pronoun names."""
    doc, found = paragraph.doc, []
    heads, parsed = lexicon.role_nouns, paragraph.parsed
    for tok in doc:
        if tok.lower_ not in _SUBJECT_PRONOUNS or tok.i < 2 or doc[tok.i - 1].text != ",":
            continue
        first = tok.i - 2
        while first > 0 and not (doc[first - 1].is_space or doc[first - 1].text in _SENTENCE_ENDS):
            first -= 1
        j = first
        while j < tok.i and doc[j].lower_.rstrip("-") in modifiers:
            j += 1
        if j >= tok.i - 1 or not _is_head(doc[j], heads):
            continue
        end = _role_end(doc, j + 1, first, heads, determiners, modifiers, parsed)
        while end < tok.i - 1 and doc[end].text == "," \
                and _role_head_follows(doc, end + 1, heads, determiners, modifiers):  # « Auteure, compositrice et … »
            end = _role_end(doc, end + 2, end + 1, heads, determiners, modifiers, parsed)
        if end != tok.i - 1 and not _since_when(doc[end:tok.i - 1]):
            continue  # « Malgré la colère des élus, il … »: not a function through to the comma
        role = doc[first:end].text  # its capital is the sentence's: « Ancienne ministre » -> ancienne ministre
        found.append((paragraph.start + tok.idx, role[:1].lower() + role[1:], _SUBJECT_PRONOUNS[tok.lower_]))
    return found


def find_role_references(paragraph: Paragraph, lexicon: Lexicon, quoted) -> list[RoleReference]:
    """Definite role nouns, anaphors and subject pronouns outside quotations, in text order:
    ``L'élu a qualifié …`` -> RoleReference(…, "élu", Masc, subject=True, anaphor=False).
    A role noun glued to a name (« la maire Anne X », « la maire, Anne X ») is a role, not a reference."""
    doc, found = paragraph.doc, []
    for tok in doc:
        if (paragraph.start + tok.idx) in quoted:
            continue
        ref = anaphor_at(tok, lexicon) or _role_reference_at(tok, lexicon, paragraph.parsed)
        if ref is None:
            continue
        words, head, anaphor = ref
        gender = lexicon.anaphor_gender(" ".join(t.lower_ for t in words)) if anaphor \
            else phrase_gender(words, lexicon.role_nouns)
        if paragraph.parsed:
            # not « Le premier ministre fédéral et son homologue provincial, X et Y, ont … »: two people
            subject = head.dep_.startswith("nsubj") and not head.head.dep_.startswith("acl") \
                and not any(c.dep_ == "conj" for c in head.children) or clefted(words) or _apposed_subject(words)
            main = subject and head.head.dep_ == "ROOT"
        else:  # a paragraph with no quote and no verb of saying is not parsed: a role opening a sentence
            subject = main = not anaphor and _opens_sentence(words[0]) and words[-1].i + 1 < len(doc) \
                and doc[words[-1].i + 1].is_alpha  # « Le maire de Lille a ensuite quitté la salle »
        # a role as the page spells it (« ministre de l'Industrie »), an anaphor as the lexicon does
        role = doc[words[1].i:words[-1].i + 1].text if not anaphor else " ".join(t.lower_ for t in words)
        first = words[0].i
        complement = first > 1 and doc[first - 1].lower_ in OF_WORDS and doc[first - 2].is_alpha \
            and (doc[first - 2].pos_ in ("NOUN", "") and not doc[first - 2].is_title)
        found.append(RoleReference(paragraph.start + words[0].idx, role, gender, subject, anaphor, complement, main))
    return found


def _apposed_subject(words: list[Token]) -> bool:
    """« Le prévenu, un homme de 34 ans, a reconnu les faits »: the parse makes the apposition the
    subject of the verb; the role that opens the sentence before it is."""
    doc, last, head = words[0].doc, words[-1], words[-1].head
    if not _opens_sentence(words[0]) or last.i + 1 >= len(doc) or doc[last.i + 1].text != ",":
        return False
    subjects = [c for c in head.children if c.dep_.startswith("nsubj")]
    return head.dep_ == "ROOT" and head.i > last.i and bool(subjects) and all(last.i < c.i < head.i for c in subjects)


def _since_when(words: Span) -> bool:
    """« depuis 2010 », « depuis quinze ans », « en 2014 »: since when a role is held, not the role."""
    return 0 < len(words) <= 5 and (words[0].lower_ == "depuis" or words[0].lower_ == "en" and len(words) > 1
                                    and words[1].like_num) \
        and not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in words)


def _opens_sentence(tok: Token) -> bool:
    return tok.i == 0 or tok.doc[tok.i - 1].text in (".", "!", "?", "…")


def anaphor_at(tok: Token, lexicon: Lexicon):
    """« l'intéressé », « ce dernier » anywhere; « il »/« elle » as the subject of a main clause."""
    if tok.lower_ not in lexicon.anaphor_openers:
        return None
    doc = tok.doc
    for size in (2, 1):
        words = doc[tok.i:tok.i + size]
        if len(words) == size and " ".join(t.lower_ for t in words) in lexicon.anaphors:
            if size == 1 and not (tok.pos_ == "PRON" and tok.dep_.startswith("nsubj")):
                return None
            if " ".join(t.lower_ for t in words) in lexicon.demonym_anaphors and not _demonym_alone(words[-1]):
                return None
            if size == 2 and _noun_after(words[-1], lexicon):
                return None  # « la Première ministre », « ce dernier rapport »: a determiner and an adjective
            return list(words), words[-1], True
    return None


def _noun_after(tok: Token, lexicon: Lexicon) -> bool:
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is not None and after.is_alpha and (after.pos_ == "NOUN" or after.lower_ in lexicon.role_nouns)


def _demonym_alone(tok: Token) -> bool:
    """« le Portugais » with its capital and no name after it: a person already named (« le
    Portugais Paulo X » introduces X; « le portugais » is the language)."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.is_title and (after is None or not (after.is_title and after.is_alpha))


def _role_reference_at(tok: Token, lexicon: Lexicon, parsed: bool):
    """« la maire », « le président russe », « l'entraîneur de Valcourt », « cette infirmière »: a
    definite or demonstrative singular role noun, with its adjectives and one complement, and no
    name after it."""
    doc = tok.doc
    if tok.lower_ not in DEFINITE_SINGULAR | DEMONSTRATIVES_SINGULAR or tok.i + 1 >= len(doc) \
            or tok.ent_type_ == "PER":  # « Bruno Le Maire »
        return None
    head = doc[tok.i + 1]
    k = tok.i + 1  # « l'ancien ministre », « la Première ministre québécoise »: the noun past its modifiers
    while k + 1 < len(doc) and doc[k].lower_ in lexicon.prenominal_modifiers:
        k += 1
    if k > tok.i + 1 and _is_head(doc[k], lexicon.role_nouns):
        head = doc[k]
    if not _is_head(head, lexicon.role_nouns) or "Plur" in head.morph.get("Number"):
        return None
    end = _reference_end(doc, head.i + 1, parsed)
    if end < len(doc) and doc[end].lower_ in OF_WORDS:
        k = end + 1
        if k < len(doc) and doc[k].lower_ in DEFINITE_ARTICLES:
            k += 1
        if k < len(doc) and doc[k].is_alpha and (not parsed or doc[k].pos_ in ("NOUN", "PROPN")):
            end = _reference_end(doc, k + 1, parsed)
            while end + 1 < len(doc) and doc[end].lower_ == "et" and doc[end + 1].lower_ in OF_WORDS:
                k = end + 2 + (end + 2 < len(doc) and doc[end + 2].lower_ in DEFINITE_ARTICLES)
                if k >= len(doc) or not doc[k].is_alpha:
                    break
                end = _reference_end(doc, k + 1, parsed)  # « la ministre du Travail et de l'Emploi »
    if _name_at(doc, end + 1 if end < len(doc) and doc[end].text == "," else end):
        return None
    return list(doc[tok.i:end]), head, False


def _reference_end(doc, k: int, parsed: bool) -> int:
    while parsed and k < len(doc) and doc[k].pos_ == "ADJ":
        k += 1
    return k


def _name_at(doc, i: int) -> bool:
    """A name starts at ``i``, after a determiner and a descriptor at most: « le Dr X », « le Belge X »."""
    for _ in range(3):
        if i >= len(doc):
            return False
        if doc[i].ent_type_ == "PER" or doc[i].text in HONORIFICS:
            return True
        if not doc[i].is_alpha:
            return False
        i += 1
    return False


def find_organisation_genitives(paragraph: Paragraph, described_here: list[tuple[int, str, str]],
                                lexicon: Lexicon, quoted) -> list[tuple[int, str]]:
    """Where each organisation is named, and how a role would name it: ``(offset, "de la chambre
    d'agriculture")``, ``(offset, "du syndicat Sud-Rail")``; acronyms in brackets are left out.
    ``described_here``: the paragraph's ``find_described_organisations``."""
    doc, found = paragraph.doc, []
    described = {start - paragraph.start: text for start, _, text in described_here
                 if not text.split()[0].lower().endswith(("s", "x"))}  # « les services comptables »: not one body
    spans = [(start - paragraph.start, start - paragraph.start + len(text)) for start, _, text in described_here]
    for ent in doc.ents:
        if ent.label_ == "ORG" and not (ent.start > 0 and doc[ent.start - 1].text == "(") \
                and not any(s < ent.start_char < e for s, e in spans):  # « le syndicat Unia » is named whole
            described.setdefault(ent.start_char, ent.text)
    for tok in doc[1:]:  # « la direction », « le syndicat » on their own
        if _is_head(tok, lexicon.organisation_nouns) and doc[tok.i - 1].lower_ in DEFINITE_SINGULAR \
                and not tok.ent_type_:
            described.setdefault(tok.idx, tok.text)
    starts = doc.to_array(IDX) if described else None  # each token's offset, without a Token for each
    for char, text in described.items():
        i = int(numpy.searchsorted(starts, char))
        if i >= len(doc) or starts[i] != char or (paragraph.start + char) in quoted \
                or not any(c.isalpha() for c in text) or (i > 0 and doc[i - 1].lower_ in POSSESSIVES):
            continue  # « la fédération réunissait son assemblée, … sa présidente »: a part of a body, not its owner
        j = i - 1
        while j > 0 and doc[j].pos_ == "ADJ":
            j -= 1
        if j > 0 and doc[j].text == "," and doc[j - 1].ent_type_ == "ORG" and not doc[i].ent_type_:
            continue  # « Le PS, principal parti d'opposition, … Son président »: the apposition of the name
        told = i - 1 - (i > 0 and doc[i - 1].lower_ in DEFINITE_ARTICLES)
        if told > 0 and doc[told].lower_ in ("à", "au", "aux") and doc[told - 1].pos_ == "VERB":
            continue  # « a indiqué à l'AFP son avocat »: the one told, not the one « son » names
        found.append((paragraph.start + char, _genitive(doc[i - 1] if i > 0 else None, text)))
    return sorted(found)


def _genitive(determiner: Token | None, name: str) -> str:
    word = determiner.lower_ if determiner is not None else ""
    if word in ("l'", "l’"):
        return f"de {determiner.text.lower()}{name}"
    if word not in ("la", "le", "les") and name[:1].lower() in VOWELS:
        return f"d'{name}"  # « secrétaire d'Unia »
    return {"la": "de la ", "le": "du ", "les": "des "}.get(word, "de ") + name


def role_of_person(role: str, owner: str, described_as: str | None = None) -> str:
    """« avocate » of « Nicolas Sarkozy » -> ``avocate de Nicolas Sarkozy`` (« d'Emmanuel Macron »).
    An owner the article only describes takes its article (``described_as``, its gender): « avocat »
    of « prévenu » -> ``avocat du prévenu``, of « victime » (``Fem``) -> ``avocat de la victime``."""
    if described_as is not None:
        if owner[:1].lower() in VOWELS or owner[:1].lower() == "h":
            return f"{role} de l'{owner}"
        return f"{role} de la {owner}" if described_as == "Fem" else f"{role} du {owner}"
    return f"{role} d'{owner}" if owner[:1].lower() in VOWELS else f"{role} de {owner}"


def complete_possessive_roles(roles: list[RoleMention], organisations: list[tuple[int, str]],
                              people: list[int], reach: int = 400) -> list[RoleMention]:
    """« La chambre d'agriculture réclame … Son président, Michel X, a jugé … »: a role given with
    « son »/« sa »/« leur » belongs to the organisation named just before, when no person came
    between -> ``président de la chambre d'agriculture``."""
    completed = []
    for r in roles:
        # « son ministre des Comptes publics » names its body already
        if r.possessive and r.role and not set(name_key(r.role).split()) & OF_WORDS:
            owner = next(((start, genitive) for start, genitive in reversed(organisations)
                          if start < r.start and r.start - start <= reach), None)
            if owner is not None and not any(owner[0] < p < r.start for p in people):
                r = RoleMention(r.name, r.label, f"{r.role} {owner[1]}", r.start, r.gender, r.possessive)
        completed.append(r)
    return completed


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
                    or (paragraph.parsed and nxt.pos_ in ("VERB", "AUX", "PRON", "ADV")) \
                    or (nxt.lower_ in DEFINITE_ARTICLES and doc[k - 1].lower_ not in _LINK_WORDS):
                break  # « valoir à la société le surnom de … »: an article after the noun opens another one
            k += 1
        while k > tok.i + 1 and (doc[k - 1].lower_ in _LINK_WORDS):
            k -= 1
        if k > tok.i + 1:
            found.append((paragraph.start + tok.idx, (tok.lemma_ or tok.lower_).lower(), doc[tok.i:k].text))
    return found


def _is_head(tok: Token, heads: frozenset[str]) -> bool:
    return tok.lower_ in heads or (tok.lemma_ or "").lower() in heads


def _role_before(ent: Span, heads, determiners, modifiers, parsed: bool) -> _Role | None:
    """The role that ends right before the name, or before the comma that precedes it:
    ``le président brésilien Luiz Ramos``, ``Le ministre de l'Intérieur, Jean Dupont``. A short
    descriptor between a comma and the name (« le Portugais », « le comédien », « le Dr ») gives
    way to the role before the comma: ``l'entraîneur de X, le Portugais Luis Y``."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].text in HONORIFICS:  # "l'avocate, Me Claire Dubois"
        i -= 1
    if i >= 0 and doc[i].text == ",":  # "Le ministre de l'Intérieur, Jean Dupont,"
        role = _role_ending_at(doc, i - 1, heads, determiners, modifiers, parsed)
        if role is not None and _source_phrase(role) and ent.end < len(doc) and doc[ent.end].text not in ",.":
            return None  # « Selon son entourage, Marie X « n'en pouvait plus » »: the source, then the subject
        return role
    if i >= 0 and doc[i].lower_ in OF_WORDS:
        return None  # « le père de Paul X »: the name completes the noun, it does not hold it
    inner = _role_ending_at(doc, i, heads, determiners, modifiers, parsed)
    start = _descriptor_start(doc, i, inner, determiners)
    if start > 1 and doc[start - 1].text == "," and doc[start].lower_ in determiners \
            and not (inner is not None and doc[start].lower_ in POSSESSIVES):  # « le chef de l'État, son avocate X »
        outer = _role_ending_at(doc, start - 2, heads, determiners, modifiers, parsed)
        if outer is not None:
            return outer
    if inner is None:
        return None
    return _Role(inner.text, inner.first, inner.last, tight=True)


_SOURCE_PREPOSITIONS = {"selon", "d'après", "d’après"}


def _source_phrase(role: _Role) -> bool:
    """« selon son entourage », « d'après le maire »: the role opens a source phrase."""
    doc, i = role.first.doc, role.first.i - 1
    if i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i >= 0 and (doc[i].lower_ in _SOURCE_PREPOSITIONS or i > 0 and doc[i].lower_ == "après"
                       and doc[i - 1].lower_ in ("d'", "d’"))


_PLURAL_DETERMINERS = {"les", "des", "ces", "leurs", "nos", "vos", "mes", "tes", "ses"}


def _plural_role(role: _Role) -> bool:
    """« les manifestants », « ses coéquipiers »: a role that names several people."""
    i = role.first.i
    return i > 0 and role.first.doc[i - 1].lower_ in _PLURAL_DETERMINERS


def _descriptor_start(doc, i: int, inner: _Role | None, determiners) -> int:
    """Where the words glued before a name start, with their determiner: « le comédien »."""
    start = inner.first.i if inner is not None else i + 1
    if inner is None:
        while start > 0 and start > i - 1 and doc[start - 1].is_alpha and doc[start - 1].lower_ not in determiners \
                and doc[start - 1].lower_ not in _STOP_WORDS:
            start -= 1  # « le Portugais »: one descriptor the lexicon does not know
    return start - 1 if start > 0 and doc[start - 1].lower_ in determiners else start


def _role_ending_at(doc, i: int, heads, determiners, modifiers, parsed: bool) -> _Role | None:
    """A role whose last word is token ``i``: « secrétaire général de l'Otan »."""
    end, chain = i + 1, []
    while i >= 0 and len(chain) < MAX_ROLE_TOKENS:
        tok = doc[i]
        if tok.lower_ == "et" and chain and (_is_head(chain[-1], heads) or chain[-1].lower_ in OF_WORDS) \
                and i > 0 and not doc[i - 1].is_punct:
            # « ministre de la Communication et porte-parole du gouvernement »: one person; « ministre de
            # la Culture et des Communications »: one ministry
            chain.append(tok)
            i -= 1
            continue
        if tok.text == ")" and i > 1:  # « le maire (LR) de Nice », « le président de la Commission (CENI), »
            opening = next((k for k in range(i - 1, max(i - 5, -1), -1) if doc[k].text == "("), None)
            if opening is not None and opening > 0 and not any(doc[k].is_punct for k in range(opening + 1, i)):
                chain.extend(doc[k] for k in range(i, opening - 1, -1))
                i = opening - 1
                continue
        if (tok.is_punct and tok.text not in ("-",)) or tok.lower_ in _STOP_WORDS \
                or (tok.ent_type_ == "PER" and not _completes_a_noun(tok)) \
                or (tok.pos_ in ("VERB", "AUX") and not _is_participle(tok, parsed) and not _role_noun_as_verb(tok, heads)) \
                or tok.is_space:
            break
        chain.append(tok)
        if tok.lower_ in _NP_OPENERS and i > 0 and doc[i - 1].lower_ not in _LINK_WORDS \
                and not (tok.is_title and not doc[i - 1].is_punct):  # « du restaurant Le Bistrot »: a name's article
            break  # « … de fusil son associé, X »: the role's noun phrase opens at « son »
        i -= 1
    for tok in reversed(chain):  # the first head: « avocate de l'accusé » is an avocate
        if not _is_head(tok, heads):
            continue
        start = with_modifiers(tok, modifiers)
        prev = doc[start.i - 1] if start.i > 0 else None
        if after_quote_and_comma(doc, start.i):
            return None  # « « … », juge Paul X »: a verb whose subject follows, no role without its article
        opening = prev is None or prev.is_punct
        if parsed and start.pos_ == "VERB" and opening:
            continue  # « Élue en 2021 à la tête de la région, X »: a participle opens the clause, no noun
        if opening and tok.i + 1 < end and _is_head(doc[tok.i + 1], heads):
            continue  # « Élu maire de Lille en 2020, X »: how X became the role that follows
        if prev is None or prev.lower_ in determiners or prev.is_punct or prev.lower_ in _STOP_WORDS \
                or _opens_as_participle(prev, heads, parsed) or _opens_as_adverb(prev):
            # « Directeur de l'hôpital depuis 2019, X », « Nommée directrice en 2019, X »: since when
            # is not the role (as _role_end stops there)
            end = next((t.i for t in doc[start.i + 1:end] if t.lower_ == "depuis"
                        or (t.lower_ == "en" and t.i + 1 < end and doc[t.i + 1].like_num)), end)
            text = _clean(doc[start.i:end])
            return _Role(text, start, doc[end - 1]) if text else None
    return None


def _opens_as_adverb(tok: Token) -> bool:
    """« Aujourd'hui consultant pour une chaîne, X », « Désormais ministre, X »: an adverb of when
    opening the clause, right before the role it qualifies."""
    return tok.lower_ in ROLE_ADVERBS and (tok.i == 0 or tok.doc[tok.i - 1].is_punct)


def _opens_as_participle(tok: Token, heads, parsed: bool) -> bool:
    """« Nommée directrice … », « Élu maire … »: a participle (or a role noun used as one) opening the
    clause, right before the role it gave."""
    if tok.i > 0 and not tok.doc[tok.i - 1].is_punct:
        return False
    return _is_head(tok, heads) or (parsed and tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm"))


def _completes_a_noun(tok: Token) -> bool:
    """« l'entraîneur de Valcourt »: a name the recogniser took for a person, after « de »
    and a noun, completes that noun (a club, a town), it does not end the role; so does one right
    after a plural noun (« le patron des députés Renaissance »: a party, no one's name)."""
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    if i > 0 and doc[i - 1].pos_ == "NOUN" and doc[i - 1].is_lower and "Plur" in doc[i - 1].morph.get("Number"):
        return True
    return i > 1 and doc[i - 1].lower_ in OF_WORDS and doc[i - 2].pos_ == "NOUN"


def _role_noun_as_verb(tok: Token, heads) -> bool:
    """« consultant », « enseignant », « dirigeant »: a role noun the tagger took for a present participle."""
    return _is_head(tok, heads) and "Pres" in tok.morph.get("Tense") and "Part" in tok.morph.get("VerbForm")


def _is_participle(tok: Token, parsed: bool) -> bool:
    """« chargé des finances »: a past participle with its complement stays in a role."""
    return parsed and tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") \
        and "Past" in tok.morph.get("Tense") and tok.i + 1 < len(tok.doc) \
        and tok.doc[tok.i + 1].lower_ in _LINK_WORDS


def _role_after(ent: Span, heads, determiners, modifiers, parsed: bool) -> _Role | None:
    """The apposition after the name: ``Marie X, professeure à l'université de Lyon``, past an
    age (``Kevin X, 31 ans, fondeur``), through a coordination of roles (``… et première autrice
    de l'étude``); or a complement that completes a role before the name (``, du magazine Y``)."""
    doc, j = ent.doc, ent.end
    bracketed = _role_in_brackets(doc, j, heads, determiners, modifiers) if ent.label_ in PERSON_LABELS else None
    if bracketed is not None:
        return bracketed  # « Paul X (maire de Lille) a dénoncé … »
    closing = _bracket_end(doc, j) if ent.label_ in PERSON_LABELS else None
    if closing is not None and closing + 1 < len(doc) and doc[closing + 1].text == ",":
        j = closing + 1  # « Marc X (PS), adjoint au maire »: the party between the name and its role
    if j >= len(doc) or (doc[j].text != "," and doc[j].lower_ not in DEFINITE_SINGULAR):
        return None
    if doc[j].text == ",":
        j += 1
        aged = j + 2 < len(doc) and doc[j].like_num and doc[j + 1].lower_ in _AGE_WORDS and doc[j + 2].text == ","
        if aged:
            j += 3
            occupation = _occupation_after_age(doc, j, modifiers)
            if occupation is not None:
                return occupation
        if j < len(doc) and doc[j].lower_ in OF_WORDS:
            k = _role_end(doc, j + 1, j, heads, determiners, modifiers, parsed)
            return _Role(_clean(doc[j:k]), doc[j], doc[k - 1]) if k > j + 1 and _clean(doc[j:k]) else None
    # else « a annoncé Jean X le président de Renault »: an apposition whose comma the page left out
    while j < len(doc) and doc[j].lower_ in ROLE_ADVERBS and doc[j - 1].text == ",":
        j += 1
    while j < len(doc) and (doc[j].lower_ in determiners or doc[j].lower_ in modifiers):
        j += 1
    if j >= len(doc) or not _is_head(doc[j], heads):
        return None
    start = with_modifiers(doc[j], modifiers)
    k = _role_end(doc, j + 1, start.i, heads, determiners, modifiers, parsed)
    if parsed and doc[j].dep_.startswith("nsubj") and doc[j].head.i >= k and k < len(doc) and doc[k].text != ",":
        return None  # « Selon Paul X, le ministre aurait menti »: the next clause's subject, no apposition
    text = _clean(doc[start.i:k])
    return _Role(text, start, doc[k - 1]) if text else None


def _role_in_brackets(doc, j: int, heads, determiners, modifiers) -> _Role | None:
    """« Paul X (maire de Lille) »: a role, whole, between brackets right after the name."""
    if j >= len(doc) or doc[j].text != "(":
        return None
    closing = next((k for k in range(j + 1, min(j + MAX_ROLE_TOKENS + 2, len(doc))) if doc[k].text == ")"), None)
    if closing is None or any(t.is_punct and t.text not in "-'’" for t in doc[j + 1:closing]):
        return None
    k = j + 1
    while k < closing and (doc[k].lower_ in determiners or doc[k].lower_ in modifiers):
        k += 1
    if k >= closing or not _is_head(doc[k], heads):
        return None
    start = with_modifiers(doc[k], modifiers)
    text = _clean(doc[start.i:closing])
    return _Role(text, start, doc[closing - 1]) if text else None


def _role_by_copula(ent: Span, copulas: tuple[tuple[str, ...], ...], heads, determiners, modifiers,
                    parsed: bool) -> _Role | None:
    """« Jean X est le directeur de l'hôpital », « Anne Y, qui est la présidente du club, … »: a
    definite role said of the name by « être » (or by ``copulas``: « a été nommée », « travaille
    comme », ``rules/role_copulas.txt``) is the person's role; so is a role noun without an article
    when the name opens the clause (« Paul X est délégué CGT », « Sophie Y, 45 ans, est infirmière
    aux urgences »), unless it is a passive participle (« est accusé d'avoir … »)."""
    doc, j = ent.doc, ent.end
    relative = j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "qui"
    opens_clause = _opens_clause(ent)
    j = j + 2 if relative else _past_appositions(ent)
    copula = next((c for c in copulas if tuple(t.lower_ for t in doc[j:j + len(c)]) == c), None)
    if copula is None or j + len(copula) >= len(doc):
        return None
    j += len(copula) - 1  # its last word
    definite = doc[j + 1].lower_ in DEFINITE_SINGULAR
    if not definite and not (opens_clause or relative):
        return None  # « le père de Paul X est médecin »: the name does not say who is
    k = j + 2 if definite else j + 1
    while k < len(doc) and doc[k].lower_.rstrip("-") in modifiers:
        k += 1
    if k >= len(doc) or not _is_head(doc[k], heads) or (not definite and _passive_complement(doc, k + 1)):
        return None
    start = with_modifiers(doc[k], modifiers)
    end = _role_end(doc, k + 1, start.i, heads, determiners, modifiers, parsed)
    text = _clean(doc[start.i:end])
    return _Role(text, start, doc[end - 1]) if text else None


def _opens_clause(ent: Span) -> bool:
    """The name opens its sentence or clause: after a mark that is no quotation mark."""
    return ent.start == 0 or (ent.doc[ent.start - 1].is_punct and not ent.doc[ent.start - 1].is_quote)


def _passive_complement(doc, k: int) -> bool:
    """« accusé d'avoir menti », « élu par le conseil »: after a participle, what makes it a passive
    verb rather than a role noun."""
    if k >= len(doc):
        return False
    if doc[k].lower_ == "par":
        return True
    return (doc[k].lower_ in OF_WORDS or doc[k].lower_ == "à") and k + 1 < len(doc) \
        and doc[k + 1].pos_ in ("VERB", "AUX") and "Inf" in doc[k + 1].morph.get("VerbForm")


def _role_by_clause(ent: Span, clauses: dict[tuple[str, ...], tuple[str, str] | None],
                    verbs: dict[tuple[str, ...], tuple[str, str]], heads, determiners, modifiers,
                    parsed: bool) -> _Role | None:
    """« Marie X, qui préside l'association » -> « présidente de l'association »; « Jean Y, à la tête
    de la fédération depuis 2015 » -> « à la tête de la fédération » (``rules/role_clauses.tsv``).
    ``verbs`` say it as the clause's verb when the name opens the clause: « Marie X préside
    l'association des commerçants »; the clauses kept as written, after « est » or « , qui est »:
    « Jean Y est à la tête de la fédération »."""
    doc = ent.doc
    kept = {opening: nouns for opening, nouns in clauses.items() if nouns is None}  # « est à la tête de … »
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        role = _role_from_clause_at(ent, ent.end + 1, clauses, heads, determiners, modifiers, parsed)
        if role is None and ent.end + 3 < len(doc) and doc[ent.end + 1].lower_ == "qui" \
                and doc[ent.end + 2].lower_ in _COPULAS:  # « Marc X, qui est à la tête de l'usine »
            role = _role_from_clause_at(ent, ent.end + 3, kept, heads, determiners, modifiers, parsed)
        if role is not None:
            return role
    if _opens_clause(ent) and ent.end + 1 < len(doc) and doc[ent.end].lower_ in _COPULAS:
        return _role_from_clause_at(ent, ent.end + 1, kept, heads, determiners, modifiers, parsed)
    if _opens_clause(ent):
        return _role_from_clause_at(ent, ent.end, verbs, heads, determiners, modifiers, parsed)
    return None


def _role_from_clause_at(ent: Span, j: int, clauses: dict[tuple[str, ...], tuple[str, str] | None], heads,
                         determiners, modifiers, parsed: bool) -> _Role | None:
    """The role told by the clause of ``clauses`` that opens at token ``j``, if one does."""
    doc = ent.doc
    for opening, nouns in clauses.items():
        k = j + len(opening)
        if tuple(t.lower_ for t in doc[j:k]) != opening:
            continue
        if nouns is not None and k < len(doc) and doc[k].lower_ == "depuis":  # « préside depuis 2020 la … »
            k = next((m for m in range(k + 2, min(k + 5, len(doc))) if doc[m].lower_ in DEFINITE_ARTICLES
                      and not any(t.is_punct for t in doc[k:m])), k)
        end = _role_end(doc, k, k - 1, heads, determiners, modifiers, parsed)
        if end <= k or (parsed and doc[k].pos_ in ("VERB", "AUX", "ADV")):
            return None  # « qui préside depuis 2010 … », « qui dirige aussi … »: no complement right after
        if nouns is None:
            return _Role(_clean(doc[j:end]), doc[j], doc[end - 1])
        first, rest = doc[k], doc[k + 1:end].text
        # « Mme X », else « Marie X » or « Sylvie » alone
        gender = _gender_of(ent, None, None, heads) or first_name_gender(ent.text, alone=True)
        noun = nouns[1] if gender == "Fem" else nouns[0]
        if first.lower_ in DEFINITE_ARTICLES and rest:
            text = f"{noun} {_genitive(first, rest)}"
        else:
            text = role_of_person(noun, doc[k:end].text)
        return _Role(text, doc[j], doc[end - 1])
    return None


def _role_by_clause_before(ent: Span, clauses: dict[tuple[str, ...], tuple[str, str] | None], heads,
                           determiners, modifiers, parsed: bool) -> _Role | None:
    """« À la tête de l'entreprise depuis 2018, Marie X affirme … » -> « à la tête de l'entreprise »:
    a clause of ``clauses`` kept as written that opens the sentence and ends at the comma before the name."""
    doc, comma = ent.doc, ent.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    j = comma - 1
    while j > 0 and not (doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    if j > 0 and doc[j - 1].text not in _SENTENCE_ENDS:
        return None
    keep = {opening: nouns for opening, nouns in clauses.items() if nouns is None}
    role = _role_from_clause_at(ent, j, keep, heads, determiners, modifiers, parsed)
    return role if role is not None and role.last.i < comma else None


def _role_by_passive(ent: Span, passives: dict[tuple[str, ...], tuple[str, str]]) -> _Role | None:
    """« l'association des commerçants, présidée par Marie X » -> « présidente de l'association des
    commerçants »; « Le club est entraîné par Paul Y » -> « entraîneur du club »: the name heads the
    noun phrase the participle hangs on, or is said of (``rules/role_clauses.tsv``, use « passive »)."""
    doc = ent.doc
    opening = next((o for o in passives if ent.start >= len(o)
                    and tuple(t.lower_ for t in doc[ent.start - len(o):ent.start]) == o), None)
    if opening is None:
        return None
    participle = doc[ent.start - len(opening)]
    if participle.dep_ == "acl" and participle.head.pos_ == "NOUN" and participle.head.i < participle.i:
        noun = participle.head
        first, last = min(t.i for t in noun.subtree), participle.i - 1
    else:
        noun = next((c for c in participle.children if c.dep_ == "nsubj:pass" and c.pos_ == "NOUN"), None)
        if noun is None:
            return None
        first, last = min(t.i for t in noun.subtree), max(t.i for t in noun.subtree)
    while last > first and doc[last].is_punct:
        last -= 1
    if doc[first].lower_ not in DEFINITE_ARTICLES or last - first > MAX_ROLE_TOKENS \
            or any(t.is_punct or t.ent_type_ == "PER" for t in doc[first:last + 1]):
        return None  # « une association », « l'équipe, qui … »: not one named thing, or not all of it
    gender = _gender_of(ent, None, None, frozenset()) or first_name_gender(ent.text)
    nouns = passives[opening]
    noun_word = nouns[1] if gender == "Fem" else nouns[0]
    text = f"{noun_word} {_genitive(doc[first], doc[first + 1:last + 1].text)}"
    return _Role(text, participle, doc[ent.start - 1])


def _occupation_after_age(doc, j: int, modifiers) -> _Role | None:
    """« Luc X, 47 ans, ancien charpentier, … »: after an age, a short noun phrase set off by
    commas is the person's occupation, even with a noun the lexicon does not know."""
    k = j
    while k < len(doc) and k - j < 5 and doc[k].text != ",":
        tok = doc[k]
        if not tok.is_alpha or not tok.is_lower or tok.lower_ in _STOP_WORDS or tok.pos_ not in ("NOUN", "ADJ", "ADP", "DET", ""):
            return None  # (no tags in a paragraph that was not parsed)
        k += 1
    first = j
    while first < k and doc[first].lower_ in modifiers:
        first += 1
    if k >= len(doc) or doc[k].text != "," or first >= k or doc[first].pos_ not in ("NOUN", "ADJ", ""):
        return None
    return _Role(_clean(doc[j:k]), doc[j], doc[k - 1])


def _role_end(doc, k: int, start: int, heads, determiners, modifiers, parsed: bool) -> int:
    while k < len(doc) and k - start < MAX_ROLE_TOKENS:
        tok = doc[k]
        if tok.lower_ == "et" and (_role_head_follows(doc, k + 1, heads, determiners, modifiers)
                                   or k > start and k + 1 < len(doc) and doc[k - 1].is_title and doc[k + 1].is_title
                                   and doc[k + 1].ent_type_ != "PER"):
            k += 1  # « … et première autrice de l'étude », « de l'association Habitat et Humanisme »
            continue
        closing = _bracket_end(doc, k)
        if closing is not None and closing + 1 < len(doc) and doc[closing + 1].lower_ in _LINK_WORDS:
            k = closing + 1  # « président (PS) du conseil départemental »: the role goes on after the party
            continue
        if tok.text in _ROLE_END or tok.is_space or tok.lower_ in ("qui", "dont", "et", "a", "ont", "depuis") \
                or (tok.text in ("est", "Est") and not (tok.text == "Est" and doc[k - 1].is_title)) \
                or (parsed and tok.pos_ in ("VERB", "AUX") and not _is_participle(tok, parsed)):
            break
        if tok.lower_ in ("de", "d'", "d’") and k + 2 < len(doc) and doc[k + 1].like_num \
                and doc[k + 2].lower_ in _AGE_WORDS:
            break  # « une infirmière de 34 ans »: her age, not what she does
        if tok.lower_ == "en" and k + 1 < len(doc) and doc[k + 1].like_num:
            break  # « présidente de l'association en 2019 »: when, not what
        k += 1
    while k > start + 1 and doc[k - 1].lower_ in _LINK_WORDS:  # « auteur de « Titre » »: the title is no role
        k -= 1
    return k


def _bracket_end(doc, k: int) -> int | None:
    """The ``)`` of a short bracket opening at token ``k`` (a party, an acronym: « (PS) », « (CGT) »):
    at most three words, no punctuation inside; else None."""
    if k >= len(doc) or doc[k].text != "(":
        return None
    for i in range(k + 1, min(k + 5, len(doc))):
        if doc[i].text == ")":
            return i if i > k + 1 else None
        if doc[i].is_punct or doc[i].is_space:
            return None
    return None


def _role_head_follows(doc, k: int, heads, determiners, modifiers) -> bool:
    """« … et première autrice de l'étude »: a second role is coordinated with the first."""
    while k < len(doc) and (doc[k].lower_ in determiners or doc[k].lower_.rstrip("-") in modifiers):
        k += 1
    return k < len(doc) and _is_head(doc[k], heads)


def with_modifiers(tok: Token, modifiers) -> Token:
    """The first of the modifiers before a role noun: « la [vice-Première] ministre », « l'[ancien] maire »."""
    doc, i = tok.doc, tok.i
    while i > 0 and all(part in modifiers for part in doc[i - 1].lower_.rstrip("-").split("-")):
        i -= 1
    return doc[i]


def _clean(span: Span) -> str | None:
    text = span.text.strip(" ,-–—\u00a0")
    return text or None


_PASSIVE_AUXILIARIES = {"est", "sont", "était", "étaient", "sera", "seront", "fut", "été"}


def party_of_subject(ent: Span, lexicon: Lexicon) -> frozenset[str] | None:
    """The party of a person by what is done to them: « Paul X est jugé pour vol », « Anne Y,
    poursuivie pour fraude, » -> {defendant} (``passive`` rows of ``rules/role_groups.tsv``)."""
    doc, i = ent.doc, ent.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    while i < len(doc) and (doc[i].lower_ in _PASSIVE_AUXILIARIES
                            or i + 1 < len(doc) and doc[i + 1].lower_ == "été"):  # not « X a accusé Y »
        i += 1
    if i >= len(doc):
        return None
    word = doc[i].lower_
    word = word[:-1] if word.endswith("s") else word
    word = word[:-1] if word.endswith(("ée", "ie", "ue")) else word
    return lexicon.passive_parties.get(word)
