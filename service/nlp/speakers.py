"""Step 3 — turn the words naming a speaker into a ``Speaker``, through the article's index.

    a déclaré Marie Dupont, …        -> Marie Dupont (name)
    a-t-elle ajouté                  -> the antecedent of « elle » (pronoun)
    a précisé le ministre de la Santé -> the person the article calls so, else « ministre de la Santé »
    a indiqué le ministère           -> « ministère de l'Intérieur » named earlier (organisation)
"""
from __future__ import annotations

from spacy.tokens import Span

from .cues import past_aside
from .gender import phrase_gender, token_gender
from .lexicon import DEFINITE_SINGULAR, DEMONSTRATIVES_SINGULAR, OF_WORDS, Lexicon, load_lexicon
from .names import HONORIFICS
from .paragraphs import Paragraph
from .quote_marks import CLOSING, OPENING
from .references import LATTER, ORGANISATION, PERSON, EntityIndex
from .roles import POSSESSIVES, role_of_person
from .types import Speaker, TextSpan

SINGULAR_PRONOUNS = {"il", "elle", "-il", "-elle", "-t-il", "-t-elle", "lui",
                     "celle", "celui",  # « …, explique celle qui a … »: the person just spoken of
                     "l'", "l’",  # « À l'en croire, … »
                     "son", "ses"}  # « À ses yeux, … », « De son point de vue, … »
ORGANISATION_LABELS = {"ORG", "MISC", "LOC"}


def attribute_speaker(mention: Span, paragraph: Paragraph, index: EntityIndex, lexicon: Lexicon,
                      sentence: int) -> Speaker | None:
    """Resolve the mention to a canonical speaker with its type and role, or ``None``."""
    position = paragraph.start + mention.start_char
    surface = paragraph.text_span(mention)
    words = [t.lower_ for t in mention]
    if len(mention) == 1 and words[0] in ("ils", "elles", "-ils", "-elles", "-t-ils", "-t-elles", "eux"):
        group = _plural_antecedent(mention, lexicon)
        return None if group is None else Speaker(group, PERSON, None, surface)
    if len(mention) == 1 and words[0] in SINGULAR_PRONOUNS or " ".join(words) in lexicon.anaphors:
        if words[0] in ("ils", "elles", "-ils", "-elles", "-on", "on"):
            return None
        phrase = " ".join(words)
        latter = _latter_described(mention, lexicon, lexicon.anaphor_gender(phrase)) if phrase in LATTER else None
        if latter is not None:  # « … avec un dirigeant de la chaîne. Ce dernier a répondu que … »
            description, function = latter
            return Speaker(description, PERSON, description if function else None, surface)
        body = _organisation_subject_before(mention, lexicon) if len(mention) == 1 else None
        if body is not None:  # « La présidence de l'université a réagi. Elle assure que … »
            return attribute_speaker(body, paragraph, index, lexicon, sentence)
        topic = _topic_before(mention) if len(mention) == 1 else None
        if topic is not None:  # « Quant à la ministre, elle a assuré que … »
            return attribute_speaker(topic, paragraph, index, lexicon, sentence)
        name = index.person_referred_to(phrase, position, sentence, lexicon.anaphor_gender(phrase))
        return None if name is None else Speaker(name, PERSON, index.role_of(name), surface)

    head = _head_noun(mention, lexicon)
    if head is not None and _lemma(head) in lexicon.document_nouns:
        return _author(mention, head, paragraph, index, lexicon, sentence)
    together = _coordinated_names(mention)
    if together is not None:  # « la CGT et l'Unsa ont souligné », « Anne X, Luc Y et Marc Z estiment »
        return _speaking_together(mention, together, surface)
    people = [e for e in mention.ents if not _completes_head(e, head, lexicon)
              and (e.label_ == "PER" or e.label_ in ORGANISATION_LABELS and index.knows(e.text))]  # « Majka » taken for MISC
    if people:
        name = index.canonical(people[-1].text)
        return Speaker(name, PERSON, index.role_of(name), surface)

    named = [e for e in mention.ents if e.label_ in ORGANISATION_LABELS
             and (e.start == mention.start or not _complement(e))  # « Credit Suisse » found after « une étude de »
             and not _of_role(e, head, lexicon)  # « la présidente du groupe RN » is a person
             and not any(t.is_lower and t.lower_ in lexicon.role_nouns for t in e)]  # « la Première ministre »
    if named:  # « l'agence de presse officielle XYZ » is XYZ, « le syndicat Sud-Rail » is syndicat Sud-Rail
        ent = named[-1]
        before = mention.doc[ent.start - 1] if ent.start > 0 else None  # the parser may leave it out
        if before is not None and before.lower_ in lexicon.organisation_nouns:
            ent = mention.doc[before.i:ent.end]
        name = index.organisation_name(ent.text)
        return Speaker(name, ORGANISATION, index.role_of(name), surface)
    if head is None:
        return None

    lemma = (head.lemma_ or head.lower_).lower()
    described = _without_determiner(mention)
    if lemma in lexicon.organisation_nouns or head.lower_ in lexicon.organisation_nouns:
        group = _organisations_named_together(mention) if mention[0].lower_ == "les" else None
        if group is not None:  # « Syna et Unia ont lancé un appel. Selon les syndicats, … »
            return Speaker(group, ORGANISATION, None, surface)
        title = _name_in_marks_after(mention) if len(described.split()) == 1 else None
        if title is not None:  # « Le quotidien « Le Monde » révèle que … »
            return Speaker(index.organisation_name(title), ORGANISATION, None, surface)
        if mention[0].lower_ in POSSESSIVES and len(described.split()) == 1:
            owner = index.antecedent(position, sentence, window=1)  # « La maire … Son cabinet a indiqué »
            if owner is not None:
                owner_name = index.canonical(owner.name)
                return Speaker(role_of_person(described, owner_name, index.gender_as_owner(owner_name)),
                               ORGANISATION, None, surface)
        if len(described.split()) == 1 and mention[0].lower_ != "les":  # « la compagnie », « le groupe »: the one named
            earlier = index.organisation_by_head(lemma, position)
            salient = None if lemma in lexicon.public_bodies else index.salient_organisation(position)
            described = earlier or salient or described
        elif described.islower() and mention[0].lower_ in DEFINITE_SINGULAR:  # « l'instance dirigeante du football »
            described = index.organisation_of_sentence(sentence, position) \
                or index.organisation_by_head(lemma, position) or index.salient_organisation(position) \
                or described  # « l'entreprise suisse »: the one the article named
        index.add_organisation(position, lemma, described)
        return Speaker(index.organisation_name(described), ORGANISATION, None, surface)
    singular = "Plur" not in head.morph.get("Number")
    if mention[0].lower_ in POSSESSIVES and (lemma in lexicon.counterpart_nouns or head.lower_ in lexicon.counterpart_nouns):
        other = index.counterpart(position, sentence)  # « a répondu son adversaire »: the other one of the two
        if other is not None:
            return Speaker(other, PERSON, index.role_of(other), surface)
    agent = lexicon.is_agent_noun(head.lower_)  # « le glaciologue »: a role no list holds
    titled = lemma in lexicon.role_nouns or head.lower_ in lexicon.role_nouns
    if titled or agent:
        if singular:
            gender = phrase_gender(mention, lexicon.role_nouns)
            person = index.person_by_role(described, position, gender) or index.person_by_party(described, position, gender)
            if person is not None and gender:
                index.add_gender(person, gender)
            anonymous = lemma in lexicon.anonymous_nouns or head.lower_ in lexicon.anonymous_nouns
            definite = mention[0].lower_ in DEFINITE_SINGULAR
            pointing = mention[0].lower_ in DEMONSTRATIVES_SINGULAR  # « ce responsable », « cette élue »
            if person is None and pointing:  # « selon une source proche de l'enquête … précise cette source »
                earlier = _same_noun_before(mention, head)
                if earlier is not None:
                    description = _full_description(*earlier)
                    return Speaker(description, PERSON, None, surface)
            if person is None and (definite and not anonymous or pointing):  # « la magistrate » after « la procureure »
                source = mention.start > 0 and mention.doc[mention.start - 1].lower_ in ("selon", "après")
                person = index.person_just_described(position, sentence, gender, described, source=source)
            if person is not None:
                index.add_role(person, described)
                return Speaker(person, PERSON, index.role_of(person), surface)
            if definite:  # « …, a répondu le procureur. « … », a-t-il ajouté », « le porte-parole » too
                name = index.describe(_full_description(mention, head), position, sentence, True, gender)
                return Speaker(name, PERSON, None, surface)
            possessive = mention[0].lower_ in POSSESSIVES and len(mention) == 2
            named = index.named_with_role(described) if possessive else None
            if named is not None:  # « a fait savoir son avocate » … « Anne X, avocate de Paul Y »
                return Speaker(named, PERSON, index.role_of(named), surface)
            owner = index.person_referred_to("il", position, sentence, None) if possessive else None
            function = _tells_a_function((lemma, head.lower_), lexicon)
            if owner is not None:  # « Paul X lâche un soupir et son avocat s'avance » -> avocat de Paul X
                description = role_of_person(described, owner, index.gender_as_owner(owner))
                return Speaker(description, PERSON, description if function else None, surface)
            if function:  # « a estimé un député de la majorité »
                description = _full_description(mention, head)
                return Speaker(description, PERSON, description, surface)
        return Speaker(_full_description(mention, head), PERSON, None, surface)
    if head.pos_ == "PROPN":
        if not head.ent_type_ and not index.knows(described):
            return None  # « Émue, … », « Alcoolémie : … »: a capital, not a name
        name = index.canonical(described)
        return Speaker(name, PERSON, index.role_of(name), surface)
    if lemma in lexicon.people_nouns or head.lower_ in lexicon.people_nouns:  # « les familles des victimes »
        return Speaker(_full_description(mention, head), PERSON, None, surface)
    return None  # « la colère », « le montant des aides »: nothing that can speak


def _author(mention: Span, document, paragraph: Paragraph, index: EntityIndex, lexicon: Lexicon,
            sentence: int) -> Speaker | None:
    """« le communiqué de la préfecture », « une lettre de Jean Dupont »: the author speaks; « le
    communiqué » alone is the organisation the sentence, else the article so far, speaks of most."""
    after = mention.doc[document.i + 1:mention.end]
    if not len(after) or after[0].lower_ not in OF_WORDS:
        if mention[0].lower_ not in DEFINITE_SINGULAR:
            return None
        position = paragraph.start + mention.start_char
        name = index.organisation_of_sentence(sentence, position) or index.salient_organisation(position)
        return Speaker(name, ORGANISATION, None, paragraph.text_span(mention)) if name else None
    return attribute_speaker(after[1:], paragraph, index, lexicon, sentence) if len(after) > 1 else None


_COMPLEMENT_DEPS = ("nmod", "amod", "nummod", "flat:name", "fixed")


def _same_noun_before(mention: Span, head) -> tuple[Span, object] | None:
    """« cette source » -> « une source proche de l'enquête », the last noun phrase of the paragraph
    before it with the same noun, and its head; ``None`` if a name goes with that phrase (« le
    responsable syndical Paul X »: the name is who « ce responsable » is)."""
    doc, key = mention.doc, _lemma(head)
    for tok in reversed(doc[:mention.start]):
        if tok.pos_ != "NOUN" or _lemma(tok) != key:
            continue
        start = tok.i
        while start > 0 and (doc[start - 1].pos_ in ("DET", "ADJ") or doc[start - 1].lower_ in ("l'", "l’")):
            start -= 1
        near = doc[max(0, start - 2):min(len(doc), tok.i + 4)]
        if any(t.ent_type_ == "PER" for t in near):
            return None
        return doc[start:tok.i + 1], tok
    return None


_LATTER_REACH = 80  # tokens: two sentences of a news page


def _latter_described(mention: Span, lexicon: Lexicon, gender: str | None) -> tuple[str, bool] | None:
    """« Mme X s'était entretenue avec un dirigeant de la chaîne. Ce dernier a répondu … »: « ce
    dernier » is the last person spoken of, here one the article describes and does not name (« un
    dirigeant de la chaîne »), when no name comes after that description in this or the last sentence.
    The description, and whether it tells a function (a role, as « un député » does, not « un voisin »)."""
    doc, ends = mention.doc, 0
    # back to the start of the sentence before, within _LATTER_REACH tokens (a hostile sentence of
    # thousands of words stays cheap)
    for tok in reversed(doc[max(0, mention.start - _LATTER_REACH):mention.start]):
        if tok.text in (".", "!", "?"):
            ends += 1
            if ends == 2:
                return None
        if tok.ent_type_ == "PER":
            return None
        lemma = (tok.lemma_ or tok.lower_).lower()
        if tok.pos_ != "NOUN" or not tok.is_lower or tok.i == 0 or doc[tok.i - 1].lower_ not in ("un", "une") \
                or not any(w in nouns for w in (lemma, tok.lower_)
                           for nouns in (lexicon.role_nouns, lexicon.people_nouns, lexicon.anonymous_nouns)):
            continue
        found = token_gender(tok, lexicon.role_nouns)
        if gender and found and found != gender:
            return None
        return _full_description(doc[tok.i - 1:tok.i + 1], tok), _tells_a_function((lemma, tok.lower_), lexicon)
    return None


def _tells_a_function(words: tuple[str, ...], lexicon: Lexicon) -> bool:
    """A role noun that is a function, named or not (« un député »), by its lemma or its form; « un
    boulanger », « un témoin » (rules/anonymous_nouns.txt) are people described, with no role."""
    return any(w in lexicon.role_nouns for w in words) and (
        not any(w in lexicon.anonymous_nouns for w in words) or any(w in lexicon.anonymous_functions for w in words))


def _full_description(mention: Span, head) -> str:
    """An unnamed speaker is the whole description, complements included: « une source à la
    Commission européenne », « l'habitant du dernier étage », not « source », « habitant »."""
    doc, end = head.doc, mention.end
    for child in head.rights:
        if child.dep_ not in _COMPLEMENT_DEPS or any(t.is_punct and t.text not in "-'’" for t in doc[end:child.i]):
            break
        if child.dep_ == "nmod" and not any(c.dep_ == "case" for c in child.children):
            break  # « l'entreprise romande samedi »: a date, not a complement
        if child.i == end and child.i + 1 < len(doc) and doc[child.i + 1].text == ":":
            break  # « Une bénévole sourit : « … » »: the cue left out a verb the tagger took for an adjective
        if child.i + 1 < len(doc) and doc[child.i + 1].lower_ in ("que", "qu'", "qu’") \
                and not any(c.dep_ == "case" for c in child.children):
            break  # « le ministre juge que … »: a verb the tagger took for a noun, not a complement
        right = max(t.i for t in child.subtree) + 1
        # « un cadre de l'entreprise sous couvert d'anonymat »: how he spoke, not who he is
        right = next((t.i for t in doc[end:right] if t.lower_ == "sous" and t.dep_ == "case"), right)
        if right <= end:
            break
        if any(_age_at(t) for t in doc[child.i:right]):
            break  # « l'élue de 51 ans »: her age, not what she is
        if right - head.i > 10 or any(t.text in '«»“”"' or t.text in ",;:." for t in doc[child.i:right]):
            break
        end = max(end, right)
    end = _before_addressee(mention, head, end)
    number = next((t.i for t in doc[head.i + 1:end] if _age_at(t)), None)
    if number is not None:  # « un habitant de 51 ans »: his age is no part of what he is
        end = next((t.i for t in doc[head.i + 1:number] if t.lower_ in OF_WORDS), head.i + 1)
    toks = [t for t in doc[mention.start:end]]
    while toks and (toks[0].pos_ == "DET" or toks[0].lower_ in ("l'", "l’")) \
            and (toks[0].lower_ in ("un", "une") or toks[0].lower_ not in _QUANTIFIERS and not toks[0].like_num):
        # « plusieurs témoins », « deux élus » keep their number
        toks = toks[1:]
    return doc[toks[0].i:end].text.strip(" ,") if toks else mention.text


_TO_WORDS = ("à", "au", "aux")


def _before_addressee(mention: Span, head, end: int) -> int:
    """« a déclaré un porte-parole à l'AFP », « a confié une source proche du dossier à l'AFP »: after
    a verb, « à … » past the speaker's description is whom it was said to, not part of who; right
    after a noun of ``rules/workplace_nouns.txt`` it is where they work (« une chercheuse au CNRS »)."""
    doc = head.doc
    if mention.start == 0 or doc[mention.start - 1].pos_ not in ("VERB", "AUX"):
        return end
    lexicon = load_lexicon()
    for tok in doc[head.i + 1:end]:
        if tok.lower_ in _TO_WORDS and tok.dep_ == "case":
            if tok.i == head.i + 1 and (head.lower_ in lexicon.workplace_nouns or head.lemma_.lower() in lexicon.workplace_nouns):
                continue
            return tok.i
        if tok.lower_ in ("sur", "dans") and tok.dep_ == "case" and _names_a_medium(tok.head, lexicon) \
                or tok.lower_ == "sur" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "place":
            return tok.i  # « a expliqué le porte-parole sur BFMTV », « … dans un communiqué », « … sur place »
    return end


def _names_a_medium(noun, lexicon: Lexicon) -> bool:
    """« BFMTV », « son compte X », « un communiqué »: a medium or a document, where words are said."""
    lemma = (noun.lemma_ or noun.lower_).lower()
    return noun.ent_type_ in ("ORG", "MISC") or (noun.pos_ == "PROPN" and noun.is_title) \
        or lemma in lexicon.medium_nouns or lemma in lexicon.document_nouns


def _age_at(tok) -> bool:
    """« 51 ans »: an age, not « la 12e chambre » nor « les élèves de seconde »."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.like_num and nxt is not None and nxt.lower_ in ("ans", "an")


_QUANTIFIERS = {"plusieurs", "quelques", "certains", "certaines", "nombreux", "nombreuses", "divers", "diverses",
                "maints", "maintes", "différents", "différentes"}


def _topic_before(pronoun: Span) -> Span | None:
    """« Quant à la ministre, elle a assuré que … »: the subject pronoun right after a topic set
    off at the start of its sentence stands for that topic."""
    doc, tok = pronoun.doc, pronoun[0]
    if tok.i < 4 or doc[tok.i - 1].text != ",":
        return None
    start = tok.i - 2
    while start > 0 and doc[start - 1].text not in (".", "!", "?", "\n", "»", ":") and not doc[start - 1].is_space:
        start -= 1
    if doc[start].lower_ != "quant" or doc[start + 1].lower_ not in ("à", "au", "aux"):
        return None
    phrase = doc[start + 2:tok.i - 1]  # « la ministre », « maire » of « au maire »
    return phrase if len(phrase) and any(t.pos_ in ("NOUN", "PROPN") for t in phrase) else None


def _organisation_subject_before(pronoun: Span, lexicon: Lexicon) -> Span | None:
    """« Le groupe a annoncé la fermeture. Il précise que … »: the subject pronoun of a sentence right
    after one whose subject is a body (an organisation noun or name, of the pronoun's gender) stands
    for that body."""
    doc, tok = pronoun.doc, pronoun[0]
    sent = tok.sent
    if sent.start == 0 or tok.lower_.lstrip("-") not in ("il", "elle") or not tok.dep_.startswith(("nsubj", "expl")) \
            or tok.head.dep_ != "ROOT":
        return None  # the subject of its sentence's main verb only
    before = doc[sent.start - 1].sent
    if any(t.text in "«»“”\"" for t in doc[before.start:tok.i]):
        return None  # « « Le Département peut aider. » , a-t-il glissé »: a subject inside a quote is no antecedent
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubj:pass") and t.head.dep_ == "ROOT"]
    if len(subjects) != 1:
        return None
    head = subjects[0]
    if head.ent_type_ == "PER" or head.pos_ == "PRON":
        return None
    organisation = head.ent_type_ == "ORG" or head.pos_ == "NOUN" and _lemma(head) in lexicon.organisation_nouns
    gender = "Fem" if tok.lower_.lstrip("-") == "elle" else "Masc"
    if not organisation or (head.morph.get("Gender") and gender not in head.morph.get("Gender")):
        return None
    start = min(t.i for t in head.subtree if t.i <= head.i)
    end = max(t.i for t in head.subtree if t.dep_ not in ("acl", "acl:relcl", "appos", "punct")) + 1
    return doc[start:max(end, head.i + 1)]


def _speaking_together(mention: Span, together: list[Span], surface: TextSpan) -> Speaker:
    """One speaker for names joined by « et », their asides left out (« la CGT (1er syndicat) et
    l'Unsa »), with the plural description they are in apposition to as role (« Les avocats de la
    famille, Me A et Me B »)."""
    kind = PERSON if all(e.label_ == "PER" for e in together) else ORGANISATION
    doc, first, last = mention.doc, together[0], together[-1]
    asides = {t.i for e in together[:-1] for t in doc[e.end:past_aside(doc, e.end)]}
    start = first.start - (first.start > 0 and doc[first.start - 1].text in HONORIFICS)  # « Me A et Me B »
    name = "".join(t.text_with_ws for t in doc[start:last.end] if t.i not in asides).strip()
    described = doc[mention.start:start - 1] if start - 1 > mention.start and doc[start - 1].text == "," else None
    return Speaker(name, kind, _without_determiner(described) if described else None, surface)


def _organisations_named_together(mention: Span) -> str | None:
    """The last organisations named together by « et » before a plural description of the same
    paragraph: « Syna et Unia ont lancé un appel. Selon les syndicats, … » -> « Syna et Unia »."""
    doc = mention.doc
    ents = [e for e in doc.ents if e.label_ == "ORG" and e.end <= mention.start]
    for first, second in reversed(list(zip(ents, ents[1:]))):
        joint = [t.lower_ for t in doc[first.end:second.start]]
        if joint[:1] == ["et"] and joint in _NAME_JOINTS:  # « Syna et Unia », « la CGT et l'Unsa »
            return doc[first.start:second.end].text
    return None


def _plural_antecedent(pronoun: Span, lexicon: Lexicon) -> str | None:
    """« Deux témoins ont été entendus. Ils disent … », « …, selon elles » after « les autorités
    tunisiennes », « Selon eux, … »: the plural subject of a noun that can speak, in this sentence or the one before."""
    doc = pronoun.doc
    sentences = [pronoun.sent] + ([doc[pronoun.sent.start - 1].sent] if pronoun.sent.start > 0 else [])
    feminine = pronoun[0].lower_.endswith("elles")
    for sent in sentences:
        for tok in reversed(doc[sent.start:min(sent.end, pronoun.start)]):
            joined = _names_joined_as_subject(tok)
            if joined is not None:  # « Anne X et Paul Y ont signé. « … », ont-ils déclaré »
                return joined
            if not tok.dep_.startswith("nsubj") or tok.pos_ != "NOUN" or "Plur" not in tok.morph.get("Number"):
                continue
            if feminine and "Masc" in tok.morph.get("Gender"):
                continue
            lemma = _lemma(tok)
            if lemma in lexicon.people_nouns or lemma in lexicon.role_nouns or lemma in lexicon.organisation_nouns:
                return _full_description(doc[min(t.i for t in tok.subtree):tok.i + 1], tok)
    return None


def _names_joined_as_subject(tok) -> str | None:
    """« Anne X et Paul Y » as a subject (the parser's conjuncts): the two names, else ``None``."""
    if not tok.dep_.startswith("nsubj") or tok.ent_iob_ != "B" or tok.ent_type_ != "PER":
        return None
    doc = tok.doc
    first = next(e for e in doc.ents if e.start == tok.i)
    conjuncts = [c for t in first for c in t.children if c.dep_ == "conj" and c.ent_iob_ == "B" and c.ent_type_ == "PER"]
    names = [first, *(next(e for e in doc.ents if e.start == c.i) for c in conjuncts)]
    return " et ".join(e.text for e in names) if len(names) > 1 else None


def _lemma(token) -> str:
    return (token.lemma_ or token.lower_).lower()


_NAME_JOINTS = ([","], ["et"], [",", "et"], ["et", "l'"], ["et", "l’"], ["et", "la"], ["et", "le"], ["et", "les"])


def _coordinated_names(mention: Span) -> list[Span] | None:
    """Two or more names joined by « et » (and commas) that speak together, each a name of its own."""
    doc = mention.doc
    ents = [e for e in doc.ents if e.label_ in ("PER", "ORG") and mention.start <= e.start < mention.end + 12]
    if not ents:
        return None
    opening = ents[0].start - (doc[ents[0].start - 1].text in HONORIFICS)
    if ents[0].start > mention.start + 2 and doc[opening - 1].text != ",":
        return None  # not « les avocats de la famille, Me Paul X et Me Anne Y, »
    chain, joined = [ents[0]], False
    for ent in ents[1:]:
        if ent.start < past_aside(doc, chain[-1].end):
            continue  # « la CGT (1er syndicat de la SNCF) et l'Unsa »: a name inside the aside
        between = [t.lower_ for t in doc[past_aside(doc, chain[-1].end):ent.start] if t.text not in HONORIFICS]
        if between not in _NAME_JOINTS or joined:
            break
        chain.append(ent)
        joined = "et" in between  # « A, B et C »: nothing after the « et »
    return chain if joined else None


def _completes_head(ent: Span, head, lexicon: Lexicon) -> bool:
    """« la direction d'Hestiane », « l'avocat de Paul X »: the name completes the role or
    organisation noun that heads the mention, it does not speak."""
    if head is None or head.i >= ent.start or not _complement(ent):
        return False
    lemma = (head.lemma_ or head.lower_).lower()
    return any(w in lexicon.organisation_nouns or w in lexicon.role_nouns for w in (lemma, head.lower_))


def _name_in_marks_after(mention: Span) -> str | None:
    """« le quotidien « Le Monde » », « l'hebdomadaire “Marianne” »: the capitalised name in marks
    right after the noun that says what it is."""
    doc, i = mention.doc, mention.end
    if i >= len(doc) or doc[i].text not in OPENING and doc[i].text != '"':
        return None
    closing = next((k for k in range(i + 2, min(i + 8, len(doc))) if doc[k].text in CLOSING or doc[k].text == '"'),
                   None)
    if closing is None or not doc[i + 1].is_title:
        return None
    return doc[i + 1:closing].text


def _of_role(ent: Span, head, lexicon: Lexicon) -> bool:
    """« la présidente du groupe RN », « le directeur de l'usine Renault », « le délégué CFDT »: an
    organisation named in the complement of the role noun heading the mention, or right after it, is
    the role's, not the speaker."""
    if head is None or head.i >= ent.start or head.i + 1 < ent.start and ent.doc[head.i + 1].lower_ not in OF_WORDS:
        return False
    return any(w in lexicon.role_nouns for w in ((head.lemma_ or head.lower_).lower(), head.lower_))


def _complement(ent: Span) -> bool:
    """The name completes a noun before it: « ministère de la Transition écologique », « du Sénat »."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].lower_ in DEFINITE_SINGULAR and i > 0 and doc[i - 1].lower_ in OF_WORDS:
        i -= 1
    return i >= 0 and doc[i].lower_ in OF_WORDS


def _head_noun(mention: Span, lexicon: Lexicon):
    """The noun heading the mention; a role noun the tagger took for a participle counts too:
    « le prévenu », « l'élu »; and a role noun after a capitalised adjective: « la Première ministre »."""
    for t in mention:
        if t.lower_ in OF_WORDS or t.is_punct:
            break
        if t.i > mention.start and t.lower_ in lexicon.role_nouns and mention.doc[t.i - 1].pos_ in ("ADJ", "PROPN") \
                and mention.doc[t.i - 1].lower_ in lexicon.prenominal_modifiers:
            return t
    for t in mention:
        if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "ADJ" and t.i == mention.end - 1):
            return t
        if t.lower_ in lexicon.role_nouns and t.i > mention.start and mention.doc[t.i - 1].pos_ == "DET":
            return t
    return None


def _without_determiner(mention: Span) -> str:
    toks = list(mention)
    while toks and (toks[0].pos_ == "DET" or toks[0].lower_ in ("l'", "l’")):
        toks = toks[1:]
    if not toks:
        return mention.text
    return mention.doc[toks[0].i:mention.end].text.strip(" ,")


# How often a speaker is right by how the text named it, measured on real articles: a name in the
# cue is rarely wrong, a pronoun sometimes, a description (« le porte-parole ») often.
MENTION_CONFIDENCE = {"name": 1.0, "pronoun": 0.82, "description": 0.7}


def mention_confidence(speaker: Speaker | None) -> float:
    """The factor the way the speaker was named puts on a cue's confidence (0.5 with no speaker)."""
    if speaker is None:
        return 0.5
    mention = speaker.mention.text if speaker.mention is not None else None
    if mention is None:
        kind = "name"  # no words of its own: the method's figure says it all
    elif mention.lower().lstrip("-t").lstrip("-") in ("il", "elle", "lui"):
        kind = "pronoun"
    elif _names_in(speaker.name, mention):
        kind = "name"  # « a déclaré Marie Dupont », « le ministre, Paul X, » — not « la compagnie »
    else:
        kind = "description"
    return MENTION_CONFIDENCE[kind]


def _names_in(name: str, mention: str) -> bool:
    """The mention gives the speaker's name, not as a complement (« l'allié politique de Paul X »)."""
    lowered = mention.lower()
    for word in name.split():
        at = lowered.find(word.lower())
        if word[:1].isupper() and at >= 0:
            before = lowered[:at].rstrip().rsplit(" ", 1)[-1]
            return before not in ("de", "du", "des", "d'", "d’") and not before.endswith(("d'", "d’"))
    return False
