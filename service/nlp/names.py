"""A pipeline component that trims entity spans the recogniser glued to their neighbours.

    la visite de l'Otan Mark Rutte               PER « Otan Mark Rutte »  -> « Mark Rutte »
    le président de la BCE Anne Martin           ORG « BCE Anne Martin »  -> ORG « BCE », PER « Anne Martin »
    l'agence de presse officielle XYZ            ORG « agence de presse officielle XYZ » -> « XYZ »

French person names take no definite article, so a PER span right after ``l'``/``la``/``le``
starts with someone else's word, and so does a longer span after ``<role> de la`` (the
organisation of the role, then the person); an organisation span that opens on a lower-case
noun carries its description, which stays in the text for the role step.

A span the recogniser did not take for a person is one when the text says so:

    Josiane, 72 ans, habitante du quartier       MISC « Josiane »       -> PER (an age follows)
    Mme Kerbrat                                  LOC « Kerbrat »        -> PER (an honorific precedes)

A span the recogniser cut short goes on: « Astrid Panosyan | -Bouvet » (a hyphenated last part),
« le Conseil | constitutionnel » (an organisation noun's adjective).

And one that is no name at all is dropped: « président de la République » (a description alone),
« Émue, elle a déclaré » (a detached adjective), « Alcoolémie relevée : … » (a heading).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .gender import first_name_gender
from .lexicon import DEFINITE_ARTICLES, OF_WORDS, load_lexicon
from .quote_marks import CLOSING

# Monsieur, Madame, Maître, Docteur …, Son Excellence Monsieur (« SEM Alassane X », in West and Central African pages)
HONORIFICS = {"M.", "Mme", "Mlle", "Me", "Dr", "Pr", "Mgr", "SEM", "S.E.M."}
_HONORIFIC_PHRASES = {"Son Excellence", "Sa Majesté", "Sa Sainteté"}  # « Son Excellence Paul X »: not his name
_HONORIFIC_WORDS = {"Monsieur", "Madame", "Mademoiselle", "Maître"}  # spelt out, they stay in the name
_QUOTE_MARKS = "«»“”\"„"
_NAME_PARTICLES = {"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "ter", "ten", "ben", "bin",
                   "ibn", "el", "al", "da", "di", "do", "dos", "das", "y", "e", "zu", "af"}



@Language.component("entity_trimmer")
def trim_entities(doc: Doc) -> Doc:
    spans = []
    for ent in doc.ents:
        if _detached_adjective(doc, ent) or _capitalised_function(doc, ent) or _title_alone(ent) \
                or ent.text in HONORIFICS or ent.text in _HONORIFIC_PHRASES:  # « SEM » taken for an organisation
            continue
        person = _person_inside(ent)
        if person is not None:  # « le coach des Lions Aliou Cissé »: the team, then the coach
            before = "ORG" if ent[0].text.isupper() else "LOC" if ent.label_ == "PER" else ent.label_
            spans += [Span(doc, ent.start, person, label=before), Span(doc, person, ent.end, label="PER")]
            continue
        tail = _hyphenated_tail(doc, ent)
        if tail > ent.end:  # « Astrid Panosyan | -Bouvet »: the recogniser stopped at the hyphen
            ent = Span(doc, ent.start, tail, label=ent.label_)
        if _institution_adjective_after(doc, ent):  # « le Conseil | constitutionnel »
            spans.append(Span(doc, ent.start, ent.end + 1, label=ent.label_))
            continue
        surname_end = _surname_after(doc, ent)
        if surname_end > ent.end:  # « Amélie Oudéa-Castéra », of which the recogniser took « Amélie » only
            spans.append(Span(doc, ent.start, surname_end, label="PER"))
            continue
        start = ent.start
        if ent.label_ == "PER" and _first_name_before(doc, start):
            start -= 1  # « Marine | Le Pen »: the recogniser left the first name out
        after_article = start > 0 and doc[start - 1].lower_ in DEFINITE_ARTICLES
        if after_article and len(ent) >= 3 and ent.label_ != "PER" and _follows_role(doc, start - 1) \
                and all(t.text[:1].isupper() for t in ent):
            spans.append(Span(doc, start, start + 1, label="ORG"))
            spans.append(Span(doc, start + 1, ent.end, label="PER"))
            continue
        if after_article and start > 1 and doc[start - 2].lower_ == "à" and len(ent) >= 2 \
                and len(ent[0].text) > 1 and ent[0].text.isupper() and ent[1].text[:1].isupper():
            # « a indiqué à l'AFP SNCF Réseau »: the one the words were said to, then the speaker
            spans.append(Span(doc, start, start + 1, label="ORG"))
            spans.append(Span(doc, start + 1, ent.end, label=ent.label_))
            continue
        if ent.label_ == "PER" and len(ent) > 2 and ent[:2].text in _HONORIFIC_PHRASES:
            start += 2
        elif ent.label_ == "PER" and len(ent) >= 2 and (after_article or ent[0].text in HONORIFICS):
            start += 1
        elif start > 0 and doc[start - 1].text in _HONORIFIC_WORDS and ent[0].text[:1].isupper():
            start -= 1  # « Monsieur Garnier », whatever the recogniser made of « Garnier »
        if ent[0].is_lower and ent[0].is_alpha:
            capitals = _name_starts(ent)
            if not capitals:
                continue  # « président de la République »: a description, no name in it
            start = capitals[-1]
        titled = _after_a_title(ent) if ent.label_ != "ORG" else None
        if titled is not None:  # « Premier ministre Ousmane Sonko » (MISC): the title, then the person
            spans.append(Span(doc, titled, ent.end, label="PER"))
            continue
        end = next((t.i for t in ent if t.i > start and (
            t.text == "," or any(m in t.text for m in _QUOTE_MARKS) or t.text in _AUXILIARIES
            or ent.label_ == "PER" and t.is_lower and t.is_alpha and doc[t.i - 1].whitespace_
            and not _name_particle(t))), ent.end)  # « Seong-chang » is one name
        # « Ginette, 81 ans », « Géraldine dit n’«avoir »: no name has a comma, a quote mark or a verb
        label = "PER" if ent.label_ != "PER" and _said_to_be_a_person(doc, doc[start:end]) else ent.label_
        if label == "PER" and _named_by_its_kind(doc[start:end]):
            label = "ORG"
        elif label == "PER" and _titles_a_document(doc, start):
            label = "MISC"
        changed = (start, end, label) != (ent.start, ent.end, ent.label_)
        spans.append(Span(doc, start, end, label=label) if changed else ent)
    spans += _aged_names_left_out(doc)
    doc.ents = _adjacent_names_joined(filter_spans(spans))
    return doc


def _adjacent_names_joined(spans: list[Span]) -> list[Span]:
    """« Kacou Houadja | Léon Adom »: two person spans with nothing between them are one name
    the recogniser cut in two (French never sets two people's names side by side)."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if last is not None and last.label_ == span.label_ == "PER" and last.end == span.start \
                and span[0].text[:1].isupper() and not any(t.text in HONORIFICS for t in last):  # not « Me | Anne X »
            joined[-1] = Span(span.doc, last.start, span.end, label="PER")
        else:
            joined.append(span)
    return joined


def aged_after(doc: Doc, i: int) -> bool:
    """« , 58 ans » from token ``i``: an age set off after a name."""
    return i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].lower_ in ("ans", "an")


def _after_a_title(ent: Span) -> int | None:
    """Where the name starts in a span that opens on a capitalised title (« Premier ministre
    Ousmane X », « Président Y »): after the title's words, one of them a role noun."""
    lexicon = load_lexicon()
    doc, i, titled = ent.doc, ent.start, False
    while i < ent.end - 1 and (doc[i].lower_ in lexicon.role_nouns or doc[i].lower_ in lexicon.prenominal_modifiers):
        titled = titled or doc[i].lower_ in lexicon.role_nouns
        i += 1
    if not titled or not doc[ent.start].text[:1].isupper() or not doc[i].text[:1].isupper() or not doc[i].is_alpha:
        return None
    return i


def _aged_names_left_out(doc: Doc) -> list[Span]:
    """« Fatima, 58 ans, habite au troisième étage »: a name the recogniser did not tag at all, that
    an age right after it says is a person's (a proper noun or a known first name, and the
    capitalised words before it in no entity)."""
    found = []
    for tok in doc[:-3]:
        if tok.ent_iob_ != "O" or not tok.is_title or not tok.is_alpha \
                or not (tok.pos_ == "PROPN" or first_name_gender(tok.text, alone=True)):
            continue
        if not aged_after(doc, tok.i + 1):
            continue
        start = tok.i
        while start > 0 and tok.i - start < 3 and doc[start - 1].ent_iob_ == "O" and doc[start - 1].is_title \
                and doc[start - 1].pos_ == "PROPN":
            start -= 1
        found.append(Span(doc, start, tok.i + 1, label="PER"))
    return found


def _name_starts(ent: Span) -> list[int]:
    """Where names start in a span that opens on a description: « agence de presse officielle XYZ »
    -> XYZ, « ministre de l'Intérieur Bruno X » -> Bruno; a capital completing « de », « de la »,
    « du » is the description's (« de la République »), and one right after a name goes on with it."""
    doc, starts, previous = ent.doc, [], "lower"
    for t in ent:
        if not t.text[:1].isupper():
            previous = "lower"
            continue
        before = doc[t.i - 1]
        if before.lower_ in OF_WORDS or (before.lower_ in DEFINITE_ARTICLES and t.i >= 2
                                          and doc[t.i - 2].lower_ in OF_WORDS):
            previous = "complement"
        elif previous != "name":
            starts.append(t.i)
            previous = "name"
    return starts


_SUBJECT_CLITICS = {"il", "elle", "ils", "elles"}
_AUXILIARIES = {"a", "ont", "est", "sont", "avait", "avaient", "était", "étaient"}  # « le Premier ministre a botté »
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "ie", "is", "ies", "it", "ite")


def after_quote_and_comma(doc: Doc, i: int) -> bool:
    """Token ``i`` comes right after « », »: the verb of a cue whose subject follows (« « … », juge
    Paul X », « « … », annonce Paul X »), whatever its tag, never a noun without its article."""
    return i > 1 and doc[i - 1].text == "," and doc[i - 2].text in _CLOSING_MARKS


_CLOSING_MARKS = CLOSING | {'"'}


def _first_name_before(doc: Doc, start: int) -> bool:
    """A known first name, capitalised and in no entity, right before a person's name."""
    return start > 0 and doc[start - 1].ent_iob_ == "O" and doc[start - 1].is_title \
        and first_name_gender(doc[start - 1].text, alone=True) is not None


def _surname_after(doc: Doc, ent: Span) -> int:
    """Where the surname ends that follows a lone first name the recogniser cut it from: capitalised
    words in no entity, hyphenated ones included (« Amélie | Oudéa-Castéra »); ``ent.end`` if none."""
    if len(ent) != 1 or not first_name_gender(ent[0].text, alone=True):
        return ent.end
    k = ent.end
    while k < len(doc) and k - ent.end < 4 and doc[k].ent_iob_ == "O" and (
            doc[k].is_title and doc[k].is_alpha
            or doc[k].text == "-" and k > ent.end and not doc[k - 1].whitespace_ and not doc[k].whitespace_):
        k += 1
    return k if k > ent.end and doc[k - 1].text != "-" else ent.end


def _hyphenated_tail(doc: Doc, ent: Span) -> int:
    """Where a name ends whose hyphenated last part the recogniser left out (« Astrid Panosyan-Bouvet »
    tagged « Astrid Panosyan », « le Conseil café-cacao » tagged « Conseil café »): ``-`` and the
    words glued to the name, capitalised in a person's."""
    k = ent.end
    while k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
            and doc[k + 1].is_alpha and doc[k + 1].ent_iob_ == "O" and (doc[k + 1].is_title or ent.label_ != "PER"):
        k += 2
    return k


def _name_particle(tok) -> bool:
    """« de », « van », « ben » in a name; « la »/« le » only after « de » (« de la Fontaine », not
    « Rabat le Wali »)."""
    if tok.lower_ in DEFINITE_ARTICLES:
        return tok.i > 0 and tok.doc[tok.i - 1].lower_ in OF_WORDS
    return tok.lower_ in _NAME_PARTICLES


# endings of the adjectives of an institution's name (« constitutionnel », « régional », « européenne »,
# « administratif »); not « -ique » nor « -elle » alone, which end verbs too (« indique », « appelle »)
_INSTITUTION_ADJECTIVE_ENDINGS = ("el", "nelle", "al", "ale", "aux", "ien", "ienne", "éen", "éenne", "if", "ive", "aire")


def _institution_adjective_after(doc: Doc, ent: Span) -> bool:
    """« le Conseil constitutionnel » of which the recogniser took « Conseil » only: an organisation
    named by a capitalised organisation noun (``rules/organisation_nouns.txt``) goes on over the
    adjective right after it."""
    if ent.label_ not in ("ORG", "MISC") or not ent[-1].text[:1].isupper() or ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    if ent[-1].lower_ not in load_lexicon().organisation_nouns or not (nxt.is_lower and nxt.is_alpha) \
            or not nxt.lower_.endswith(_INSTITUTION_ADJECTIVE_ENDINGS) or not doc[ent.end - 1].whitespace_:
        return False
    return not doc.has_annotation("DEP") or (nxt.dep_ == "amod" and nxt.head.i == ent.end - 1)


_TITLE_LINKS = {"à", "au", "aux"}


def _title_alone(ent: Span) -> bool:
    """« a déclaré le Premier ministre mardi », « le Chef de l'État », « la Première ministre
    québécoise »: a capitalised title, perhaps with one complement, a nationality, when or where,
    and no name."""
    lexicon = load_lexicon()
    # « Premier ministre devant ses partisans »: a preposition other than « de » or « à » (« Ministre au
    # Commerce extérieur ») opens where or when
    cut = next((k for k, t in enumerate(ent) if k and t.is_lower and t.pos_ == "ADP"
                and t.lower_ not in OF_WORDS | _TITLE_LINKS), len(ent))
    words = [t.lower_ for t in ent[:cut]]

    def titled(part: list[str], also: frozenset[str] = frozenset()) -> bool:
        return any(w in lexicon.role_nouns for w in part) and all(
            w in lexicon.role_nouns or w in lexicon.prenominal_modifiers or w in also for w in part)

    if titled(words, lexicon.time_words | lexicon.demonyms):
        return True  # « Premier ministre mardi », « Première ministre québécoise », in any order
    of = next((k for k, w in enumerate(words) if w in OF_WORDS), None)
    if of is None or not titled(words[:of]):
        return False
    k = of + 1 + (of + 1 < len(words) and words[of + 1] in DEFINITE_ARTICLES)  # « de l'État »: one word
    return k < len(words) and all(w in lexicon.time_words for w in words[k + 1:])


def _capitalised_function(doc: Doc, ent: Span) -> bool:
    """« déclare Christophe X, Délégué général de la Fondation »: press releases capitalise the
    function set off after a name; the recogniser takes it for a name of its own."""
    if ent.start < 2 or doc[ent.start - 1].text != "," or doc[ent.start - 2].ent_type_ != "PER":
        return False
    first = ent[0].text.split("-")[0]
    return first[:1].isupper() and first.lower() in load_lexicon().role_nouns


def _detached_adjective(doc: Doc, ent: Span) -> bool:
    """« Émue, elle a déclaré », « Ébranlé, le maire a dit »: one capitalised word opening the
    sentence, then a comma and the subject, is how the subject felt, not a name — unless it is a
    first name (« René, le maire du village, … »); nor is the first of functions listed before
    their subject (« Auteure, compositrice et interprète, elle … »)."""
    opens = ent.start == 0 or doc[ent.start - 1].text in (".", "!", "?", "…", ":", "«", '"', "“")
    after = doc[ent.end:ent.end + 2]
    if len(ent) == 1 and opens and len(after) == 2 and after[1].text in (":", ",") and after[0].is_lower \
            and (after[0].pos_ == "ADJ" or "Part" in after[0].morph.get("VerbForm")):
        return True  # « Alcoolémie relevée : 0,93 mg »: a noun and its participle, a heading
    if len(ent) != 1 or not opens or len(after) < 2 or after[0].text != ",":
        return False
    if after[1].lower_ in _SUBJECT_CLITICS:
        return True
    roles = load_lexicon().role_nouns
    if ent[0].lower_ in roles and after[1].lower_ in roles:
        return True  # « Auteure, compositrice et interprète, elle … »: functions listed, no name
    word = ent[0].text
    return after[1].lower_ in DEFINITE_ARTICLES | {"l'", "l’", "un", "une"} \
        and word.lower().endswith(_PARTICIPLE_ENDINGS) and first_name_gender(word, alone=True) is None


def _person_inside(ent: Span) -> int | None:
    """Where a person's name starts inside an organisation span, or inside a person span right after
    « de » (« l'élu de Lustin François Piette »): at a known first name followed by a capitalised
    word, after at least one word of the place's or the organisation's."""
    if len(ent) < 3:
        return None
    if len(ent[0].text) >= 2 and ent[0].text.isupper() and ent[0].is_alpha \
            and all(t.is_title and t.is_alpha for t in ent[1:]):
        return ent.start + 1  # « l'attaquant du PSG Kylian X », « le député RN Jordan X »: the acronym, then the person
    if ent.label_ == "PER" and not (ent.start > 0 and ent.doc[ent.start - 1].lower_ in OF_WORDS
                                    and first_name_gender(ent[0].text, alone=True) is None):
        return None
    for tok in ent[1:-1]:
        nxt = ent.doc[tok.i + 1]
        if first_name_gender(tok.text, alone=True) and nxt.text[:1].isupper() and tok.doc[tok.i - 1].text[:1].isupper():
            return tok.i
    return None


_APPOSITION_ARTICLES = {"un", "une", "le", "la", "l'", "l’"}


def _role_noun_at(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ in load_lexicon().role_nouns


def _said_to_be_a_person(doc: Doc, ent: Span) -> bool:
    """An age after the name, a function after a first name and a name, or an honorific before it."""
    if not all(t.text[:1].isupper() for t in ent) or len(ent) > 3:
        return False
    if len(ent) >= 2 and ent[0].text in _HONORIFIC_WORDS:  # « Monsieur D. », « Madame Lefort »
        return True
    if aged_after(doc, ent.end):
        return True
    after = doc[ent.end:ent.end + 2]
    if len(after) == 2 and after[0].text == "," and first_name_gender(ent[0].text, alone=True) \
            and _role_noun_at(doc, after[1].i + (after[1].lower_ in _APPOSITION_ARTICLES)):
        return True  # « Pauline Dreyfus, auteur de « … » », « Nadia, mère de deux enfants », « Léa, une habitante »
    if len(ent) >= 2 and ent[0].ent_type_ == "MISC" and first_name_gender(ent.text) and ent.root.dep_ == "nsubj" \
            and ent.root.head.pos_ == "VERB":
        return True  # « Mason Greenwood a inscrit un doublé »: a first name, then the subject of a verb
    if len(after) == 2 and after[0].text == "," and ent.start > 0 and doc[ent.start - 1].pos_ == "VERB" \
            and _personal_function(after[1]):
        return True  # « a déclaré Recep Tayyip Erdogan, président turc »: the verb's subject, then a function
    if (ent[0].ent_type_ == "MISC" or first_name_gender(ent[0].text, alone=True)) and clefted(ent):
        return True  # « c'est Ann, une Anglaise établie ici, qui tient la billetterie »: who does it
    if first_name_gender(ent[0].text, alone=True) and _apposed_to_a_function(doc, ent.start) \
            and (len(ent) >= 2 or _apposition_closes(doc, ent.end)):
        return True  # « le sélectionneur des Lions de la Teranga, Aliou Cissé, », « sa sœur, Nadia. »
    return ent.start > 0 and doc[ent.start - 1].text in HONORIFICS


_CLEFT_COPULAS = {"est", "était", "fut"}


def clefted(words: list[Token] | Span) -> bool:
    """« C'est justement le talonneur qui a marqué », « c'est Ann, une Anglaise établie ici, qui
    tient la billetterie »: the focus of a cleft sentence is its subject."""
    doc, i, end = words[0].doc, words[0].i - 1, words[-1].i + 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    # past appositions: « c'est Ann, une Anglaise établie à X, non loin de Y, qui … »
    if end < len(doc) and doc[end].text == ",":
        for k in range(end + 1, min(end + 30, len(doc))):
            if doc[k].text in (".", "!", "?", ";", ":", "«", "»"):
                break
            if doc[k].lower_ == "qui" and doc[k - 1].text == ",":
                end = k
                break
    return i > 0 and doc[i].lower_ in _CLEFT_COPULAS and doc[i - 1].lower_ in ("c'", "c’", "ce") \
        and end < len(doc) and doc[end].lower_ == "qui"


def _personal_function(tok: Token) -> bool:
    """« président », « porte-parole »: a function only a person holds (not « constructeur »,
    which an organisation is too)."""
    lexicon = load_lexicon()
    return tok.is_lower and tok.lower_ in lexicon.role_nouns and tok.lower_ not in lexicon.organisation_nouns


def _apposed_to_a_function(doc: Doc, start: int, reach: int = 10) -> bool:
    """A comma before ``start``, and before it a function or a kinship since the last mark: « le
    maire de la ville, | … », « sa sœur, | … »."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    lexicon = load_lexicon()
    for tok in reversed(doc[max(0, start - 1 - reach):start - 1]):
        if tok.is_punct:
            return False
        if (tok.lower_ in lexicon.role_nouns or tok.lower_ in lexicon.relative_nouns) and tok.is_lower:
            return True
    return False


def _apposition_closes(doc: Doc, end: int) -> bool:
    """The apposition ends right after the name: a comma, a full stop, a closing bracket or the end."""
    return end >= len(doc) or doc[end].text in (",", ".", ";", ")", "!", "?")


def _named_by_its_kind(ent: Span) -> bool:
    """« Radio-Canada », « Banque Misr », « Groupe Bolloré »: a name that opens on an organisation
    noun is an organisation's, whatever the recogniser said."""
    first = ent[0].text.split("-")[0]
    if not first[:1].isupper() or first.lower() not in load_lexicon().organisation_nouns:
        return False
    return len(ent) > 1 or first != ent[0].text  # a word more: « Radio » alone may be a surname


def _titles_a_document(doc: Doc, start: int) -> bool:
    """« le rapport semestriel Africa's Pulse », « l'étude Constances »: a name right after a
    document noun (and its adjectives) is the document's title, not a person's."""
    i = start - 1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1
    # not the verb spelt like the noun: « », annonce Paul X », « », note Paul X »
    return i >= 0 and doc[i].is_lower and doc[i].lower_ in load_lexicon().document_nouns \
        and doc[i].pos_ not in ("VERB", "AUX") and not after_quote_and_comma(doc, i)


def _follows_role(doc: Doc, article: int) -> bool:
    """``secrétaire général de l'`` before the span: a role, its ``de``, the article."""
    if article == 0 or doc[article - 1].lower_ not in OF_WORDS:
        return False
    roles = load_lexicon().role_nouns
    return any(t.lower_ in roles for t in doc[max(0, article - 5):article - 1])
