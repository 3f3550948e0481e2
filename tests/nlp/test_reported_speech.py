"""Reported speech without marks (kind ``indirect``), on French sentences written for these tests."""
from __future__ import annotations

import pytest


def indirect(quotes):
    return [q for q in quotes if q.kind == "indirect"]


CONSTRUCTIONS = [
    # an infinitive after a negation: « assure [ne pas vouloir …] »
    ("Le maire de Lyon, Paul Martin, assure ne pas vouloir se représenter en 2026.",
     "ne pas vouloir se représenter en 2026", "Paul Martin", "maire de Lyon", "assure"),
    # a gerund whose stem keeps its soft c (« annonçant »): the paragraph is screened in
    ("En annonçant avoir déposé un recours contre le scrutin, Paul Martin a quitté la séance.",
     "avoir déposé un recours contre le scrutin", "Paul Martin", None, "annonçant"),
    ("L'ancienne ministre Claire Vautrin affirme ne rien regretter de son passage au gouvernement.",
     "ne rien regretter de son passage au gouvernement", "Claire Vautrin", "ancienne ministre", "affirme"),
    # a reporting verb and its « que » clause: the content only, not the verb, not « que »
    ("La ministre de la Santé, Claire Vautrin, a assuré que les hôpitaux recevraient des renforts avant l'hiver.",
     "les hôpitaux recevraient des renforts avant l'hiver", "Claire Vautrin", "ministre de la Santé", "a assuré"),
    # « faire savoir que », an organisation speaks
    ("Le ministère de l'Intérieur a fait savoir que les contrôles seraient renforcés aux frontières.",
     "les contrôles seraient renforcés aux frontières", "ministère de l'Intérieur", None, "a fait savoir"),
    # a bare infinitive
    ("Le syndicat Force Unie a annoncé avoir déposé un préavis de grève pour le 12 mars.",
     "avoir déposé un préavis de grève pour le 12 mars", "syndicat Force Unie", None, "a annoncé"),
    # « se dire » + adjective
    ("Le maire de Quimper, Hervé Le Goff, s'est dit prêt à rouvrir la discussion avec les commerçants.",
     "prêt à rouvrir la discussion avec les commerçants", "Hervé Le Goff", "maire de Quimper", "s'est dit"),
    # the clause before an incise
    ("La ligne sera rouverte à la circulation dès lundi matin, a indiqué mardi la directrice régionale de la SNCF, "
     "Sophie Marchal.",
     "La ligne sera rouverte à la circulation dès lundi matin", "Sophie Marchal", "directrice régionale de la SNCF",
     "a indiqué"),
    # « [...], selon X »
    ("La réforme sera votée en juin, selon la porte-parole du gouvernement, Maud Leclerc.",
     "La réforme sera votée en juin", "Maud Leclerc", "porte-parole du gouvernement", "selon"),
    # « D'après X, [...] »
    ("D'après le procureur de la République de Lyon, Antoine Ferrand, l'enquête a été confiée à la police judiciaire.",
     "l'enquête a été confiée à la police judiciaire", "Antoine Ferrand", "procureur de la République de Lyon",
     "D'après"),
    # hearsay conditional with « selon » and an unnamed source
    ("Le suspect aurait reconnu les faits lors de sa garde à vue, selon une source proche de l'enquête.",
     "Le suspect aurait reconnu les faits lors de sa garde à vue", "source proche de l'enquête", None, "selon"),
    # « Selon X, cité par Y, [...] »: the apposition is not the content
    ("Selon le parquet de Nantes, cité par l'AFP, le conducteur roulait à 150 km/h.",
     "le conducteur roulait à 150 km/h", "parquet de Nantes", None, "Selon"),
    ("Toujours selon la préfecture du Gard, trois personnes ont été blessées.",
     "trois personnes ont été blessées", "préfecture du Gard", None, "selon"),
    # the author of a document after « selon »
    ("Selon une étude de l'Insee publiée jeudi, le chômage a baissé de 0,2 point.",
     "le chômage a baissé de 0,2 point", "Insee", None, "Selon"),
    # unnamed speakers are their description
    ("Le feu a été maîtrisé dans la nuit, ont indiqué les sapeurs-pompiers.",
     "Le feu a été maîtrisé dans la nuit", "sapeurs-pompiers", None, "ont indiqué"),
    # the negation belongs to the content; how it was said (« sans … ») does not
    ("Le président du club, Éric Vidal, affirme ne pas vouloir vendre son meilleur joueur.",
     "ne pas vouloir vendre son meilleur joueur", "Éric Vidal", "président du club", "affirme"),
    ("Le constructeur a reconnu avoir commis des erreurs, sans donner plus de détails.",
     "avoir commis des erreurs", "constructeur", None, "a reconnu"),
    # the journalist's comment on the claim after a comma is not part of it; an apposition inside it is
    ("Le syndicat affirme que 60 % des salariés ont suivi le mouvement, un chiffre contesté par la direction.",
     "60 % des salariés ont suivi le mouvement", "syndicat", None, "affirme"),
    ("La police a indiqué que le suspect avait agi seul, une version que conteste la famille.",
     "le suspect avait agi seul", "police", None, "a indiqué"),
    ("Le maire a annoncé que Paul Durand, un ancien adjoint, serait candidat.",
     "Paul Durand, un ancien adjoint, serait candidat", "maire", "maire", "a annoncé"),
    # a denial or a reminder takes an infinitive too; « démenti » is screened in (a past participle in -i)
    ("Le groupe a démenti avoir reçu la moindre mise en demeure.",
     "avoir reçu la moindre mise en demeure", "groupe", None, "a démenti"),
    ("Le prévenu conteste avoir porté le moindre coup.", "avoir porté le moindre coup", "prévenu", "prévenu",
     "conteste"),
    ("Le maire rappelle avoir alerté la préfecture dès 2019.", "avoir alerté la préfecture dès 2019", "maire",
     "maire", "rappelle"),
    # « faire savoir » in an incise, after a date; a detached participle before the clause
    ("Condamné lundi à deux ans de prison, le maire de Vierzon fera appel, a fait savoir mardi son avocate, "
     "Me Claire Dubois.",
     "le maire de Vierzon fera appel", "Claire Dubois", "avocate", "a fait savoir"),
    # a dateline before the clause
    ("LYON (AFP) - La ligne de tramway T9 sera prolongée jusqu'à Vaulx-en-Velin, a annoncé jeudi le maire, "
     "Paul Girard.",
     "La ligne de tramway T9 sera prolongée jusqu'à Vaulx-en-Velin", "Paul Girard", "maire", "a annoncé"),
    # « croire savoir que »
    ("Le directeur de l'hôpital, Marc Aubry, croit savoir que les urgences rouvriront en mars.",
     "les urgences rouvriront en mars", "Marc Aubry", "directeur de l'hôpital", "croit savoir"),
    # « Pour X, [...] » giving an opinion
    ("Pour l'économiste Anne Caron, la hausse des taux va freiner l'investissement.",
     "la hausse des taux va freiner l'investissement", "Anne Caron", "économiste", "Pour"),
]


@pytest.mark.parametrize("text,content,speaker,role,cue", CONSTRUCTIONS, ids=[c[1][:30] for c in CONSTRUCTIONS])
def test_reported_speech_construction(extract, text, content, speaker, role, cue):
    quotes = extract(text)
    assert [q.text for q in indirect(quotes)] == [content]
    [quote] = indirect(quotes)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert quote.speaker.role == role
    assert quote.cue is not None and quote.cue.text == cue
    assert 0 < quote.confidence <= 1


def test_a_pronoun_after_a_named_speaker_is_that_speaker(extract):
    text = ("Marie Lambert, présidente du conseil départemental, a annoncé que le budget serait voté en avril. "
            "Elle a ajouté que les routes resteraient la priorité.")
    quotes = indirect(extract(text))
    assert [q.text for q in quotes] == ["le budget serait voté en avril", "les routes resteraient la priorité"]
    assert {q.speaker.name for q in quotes} == {"Marie Lambert"}
    assert quotes[1].speaker.role == "présidente du conseil départemental"
    assert quotes[1].cue.text == "a ajouté"


def test_a_title_the_recogniser_took_for_an_organisation_is_the_person_with_that_title(extract):
    text = ("Les droits de douane seront relevés, a déclaré mardi la Commissaire européenne au Commerce.\n\n"
            "La commissaire Ingrid Olsen a rencontré le ministre japonais.")
    [quote] = indirect(extract(text))
    assert quote.speaker.name == "Ingrid Olsen"


def test_an_inverted_pronoun_in_an_incise_is_the_person_named_before(extract):
    text = "Paul Girard, maire de Nantes, a visité le chantier mardi. Les travaux seront terminés avant l'été, a-t-il assuré."
    [quote] = indirect(extract(text))
    assert quote.text == "Les travaux seront terminés avant l'été"
    assert (quote.speaker.name, quote.speaker.role) == ("Paul Girard", "maire de Nantes")


def test_reported_speech_in_an_article_without_quotation_marks(extract):
    text = ("Fermeture d'usine\n\nLe groupe Métalor a confirmé que son site de Vierzon fermerait en décembre.\n\n"
            "Les salariés seront reclassés, selon la direction.")
    assert [q.text for q in extract(text)] == ["son site de Vierzon fermerait en décembre",
                                               "Les salariés seront reclassés"]


NOT_REPORTED_SPEECH = [
    "Il faut que les élus se mettent d'accord avant la fin du mois.",  # « que » of another verb
    "Bien que la pluie soit tombée toute la nuit, le match a eu lieu.",  # a conjunction
    "Les policiers ont vu que la porte était forcée.",  # perception, not saying
    "Le témoin a entendu que la voiture démarrait.",
    "Les agents ont constaté que le conducteur était ivre.",
    "Il pense que la saison sera difficile.",  # thought without an act of saying
    "Le maire n'a pas dit que le projet serait abandonné.",  # nothing was said
    "Les horaires varient selon les saisons.",  # « selon » names no one
    "Pour le dernier match, l'entraîneur a fait tourner son effectif.",  # « pour » gives no opinion
    "Fallait-il rouvrir la route, a demandé un habitant ?",  # a question reports nothing
    # a subject with its relative clause, then its verb and object: no incise
    "Me Claire Dubois, qui défend le prévenu, a plaidé la relaxe.",
    "La ministre, dont le projet a été rejeté, a dénoncé une manœuvre.",
]


@pytest.mark.parametrize("text", NOT_REPORTED_SPEECH, ids=[t[:30] for t in NOT_REPORTED_SPEECH])
def test_not_reported_speech(extract, text):
    assert indirect(extract(text)) == []


def test_a_clause_that_frames_a_quote_is_the_quote_only(extract):
    quotes = extract("Le ministre du Travail, Luc Perrin, a déclaré que « la réforme ira jusqu'au bout ».")
    assert [(q.kind, q.text) for q in quotes] == [("partial", "la réforme ira jusqu'au bout")]


def test_the_words_after_a_direct_quote_are_its_incise_not_reported_speech(extract):
    quotes = extract("« Nous ne céderons pas », a déclaré la ministre de la Culture, Rachida Benali.")
    assert [(q.kind, q.text) for q in quotes] == [("direct", "Nous ne céderons pas")]


def test_a_clause_holding_a_partial_quote_is_not_also_indirect(extract):
    quotes = extract("Le maire, Paul Girard, a estimé que la décision était « inacceptable ».")
    assert [(q.kind, q.text) for q in quotes] == [("partial", "inacceptable")]


def test_reported_content_stops_at_the_comma_before_a_partial_quote(extract):
    text = ("La directrice, Anne Roux, a reconnu que les délais avaient été dépassés, évoquant des "
            "« difficultés imprévues ».")
    quotes = extract(text)
    assert [(q.kind, q.text) for q in quotes] == [("partial", "difficultés imprévues"),
                                                  ("indirect", "les délais avaient été dépassés")]
    assert {q.speaker.name for q in quotes} == {"Anne Roux"}


def test_reported_speech_inside_quotation_marks_is_the_quote_only(extract):
    quotes = extract("« Le ministre a assuré que tout irait bien, et il avait tort », raconte un conseiller, Marc Petit.")
    assert [q.kind for q in quotes] == ["direct"]


def test_selon_inside_a_reported_clause_gives_one_quote(extract):
    text = "Le président, Henri Dumas, a averti que ces taxes pénaliseraient l'économie, ce qui, selon lui, nuirait à tous."
    [quote] = indirect(extract(text))
    assert quote.text == "ces taxes pénaliseraient l'économie, ce qui, selon lui, nuirait à tous"
    assert quote.speaker.name == "Henri Dumas"


def test_indirect_spans_never_overlap_quotes_in_marks(extract):
    text = ("Le préfet, Jean Morel, a annoncé que la route serait fermée. « Nous n'avons pas le choix », a-t-il dit. "
            "Il a ajouté que les travaux dureraient « au moins trois semaines », selon la préfecture.")
    quotes = extract(text)
    marked = [q for q in quotes if q.kind != "indirect"]
    assert marked and indirect(quotes)
    for q in indirect(quotes):
        assert not any(m.start < q.end and q.start < m.end for m in marked)


def test_reported_content_keeps_its_percent_sign_and_stops_before_an_incise(extract):
    [quote] = [q for q in extract("Bruxelles estime que les émissions baisseront de 55 %.") if q.kind == "indirect"]
    assert quote.text == "les émissions baisseront de 55 %"
    quotes = [q for q in extract("Le syndicat estime que la réforme menace 2 000 emplois, a déclaré sa "
                                 "secrétaire générale Sophie Binet.") if q.kind == "indirect"]
    assert all(", a déclaré" not in q.text for q in quotes) and quotes


@pytest.mark.parametrize("text,speaker", [
    ("La Commission européenne demeure déterminée à faire baisser les émissions de 55% entre fin 2025 et fin "
     "2030, a déclaré jeudi Anne Lefort.", "Anne Lefort"),
    ("La Fédération française de football reste décidée à faire progresser le nombre de licenciées de 20% entre "
     "fin 2024 et fin 2026, a indiqué mardi Paul Girard.", "Paul Girard"),
])
def test_a_subject_the_parser_found_among_the_reported_words_is_not_the_incises(extract, text, speaker):
    """The parser took a word of the clause for the subject of « a déclaré »: the subject is after it."""
    [quote] = extract(text)
    assert (quote.kind, quote.speaker.name) == ("indirect", speaker)
    assert quote.text == text[:text.index(", a ")]


def test_a_demonstrative_description_points_back_to_the_person_just_named(extract):
    text = ("Olivier Kabura, cadre au ministère de la Santé, a présenté la campagne. Selon ce responsable, "
            "la campagne durera trois jours.")
    [quote] = [q for q in extract(text) if q.kind == "indirect"]
    assert (quote.text, quote.speaker.name) == ("la campagne durera trois jours", "Olivier Kabura")


def test_the_medium_relaying_a_source_is_skipped(extract):
    for text in ("Le suspect a pris la fuite, selon la police citée par l’AFP.",
                 "D’après les secours, cités par l’AFP, les deux blessés ont été conduits à l’hôpital."):
        [quote] = [q for q in extract(text) if q.kind == "indirect"]
        assert quote.speaker.name in ("police", "secours")
        assert "AFP" not in quote.text and text[quote.start:quote.end] == quote.text


def test_a_place_after_a_is_not_the_inverted_subject(extract):
    text = ("Les prochaines décisions de la banque centrale dépendront de l’inflation, a indiqué mardi à Rabat le "
            "gouverneur de la banque, Abdellatif Jouahri.")
    [quote] = [q for q in extract(text) if q.kind == "indirect"]
    assert quote.speaker.name == "Abdellatif Jouahri"


def test_a_lower_case_article_inside_a_name_ends_it_unless_after_de(extractor):
    doc = extractor.nlp("Il a rencontré mardi à Rabat le Wali de la banque et Jean de la Fontaine.")
    assert "Rabat le Wali" not in [e.text for e in doc.ents]


def test_names_coordinated_in_apposition_speak_together_with_their_role(extract):
    [quote] = extract("Les avocats de la famille, Me Paul Roux et Me Anne Lenoir, ont fait savoir qu'ils feraient appel.")
    assert (quote.speaker.name, quote.speaker.role) == ("Me Paul Roux et Me Anne Lenoir", "avocats de la famille")


def test_a_lower_case_description_of_a_company_is_the_company_named(extract):
    text = ("Le président ukrainien a accusé Nestlé de travailler en Russie. L'entreprise suisse a répondu que ses "
            "activités en Russie avaient été fortement réduites.")
    [quote] = [q for q in extract(text) if q.kind == "indirect"]
    assert quote.speaker.name == "Nestlé"


def test_a_plural_pronoun_stands_for_the_group_just_named(extract):
    [quote] = extract("Deux témoins ont été entendus. Ils disent avoir entendu quatre détonations.")
    assert (quote.text, quote.speaker.name) == ("avoir entendu quatre détonations", "Deux témoins")
    [quote] = extract("Les autorités tunisiennes ont réagi. C'est l'évaporation qui serait responsable de la pénurie, "
                      "selon elles.")
    assert quote.speaker.name == "autorités tunisiennes"
    [quote] = extract("Les élus d'opposition ont quitté la séance. Selon eux, « le débat était confisqué ».")
    assert quote.speaker.name == "élus d'opposition"
    [quote] = extract("Le vent soufflait. « On n'a rien vu », disent-ils.")
    assert quote.speaker is None


def test_a_document_as_source_is_its_authors(extract):
    [quote] = extract("Credit Suisse a publié une étude lundi. D'ici 2025, 80 000 PME changeront de mains, selon l'étude.")
    assert (quote.kind, quote.speaker.name) == ("indirect", "Credit Suisse")


def test_a_source_with_an_aside_an_apposed_name_or_a_partner(extract):
    cases = {"Pour l'échevin lustinois, François Piette (Ecolo), construire en zone verte revient à malmener le "
             "paysage.": "François Piette",
             "Pour François Piette (Lustin), le projet s’écarte des orientations du schéma.": "François Piette",
             "Un tel front commun est exceptionnel, selon Syna et Unia.": "Syna et Unia"}
    for text, speaker in cases.items():
        [quote] = extract(text)
        assert (quote.kind, quote.speaker.name) == ("indirect", speaker), text
        assert "(" not in quote.text and "selon" not in quote.text


def test_a_place_glued_before_a_persons_name_after_de_is_cut_off(extract):
    [quote] = extract("Selon l'élu de Lustin François Piette, le projet s’écarte des orientations du schéma.")
    assert quote.speaker.name == "François Piette"


def test_a_subject_pronoun_after_a_sentence_whose_subject_is_a_body_stands_for_it(extract):
    [quote] = extract("Le groupe Renault a annoncé la fermeture de l'usine. Il précise que les salariés seront reclassés.")
    assert quote.speaker.name == "groupe Renault"
    [quote] = extract("Paul Martin dirige le groupe. Il précise que les salariés seront reclassés.")
    assert quote.speaker.name == "Paul Martin"
    quotes = extract("Le conseiller, Paul Roux, était là. « Le Département peut aider. Rien de plus », a-t-il glissé.")
    assert [q.speaker.name for q in quotes] == ["Paul Roux"]


def test_the_author_of_a_document_named_as_source(extract):
    [quote] = extract("D'ici 2030, 80 000 PME changeront de propriétaire, selon une étude de Credit Suisse.")
    assert quote.speaker.name == "Credit Suisse"


def test_names_joined_before_the_subject_the_parser_kept(extract):
    [quote] = extract("Syna et Unia estiment qu'un tel front commun est exceptionnel.")
    assert quote.speaker.name == "Syna et Unia"


def test_a_medium_citing_a_source_gives_the_floor_to_the_source(extract):
    for text in ("Les deux blessés ont été conduits à l'hôpital, rapporte BFM Marseille, citant les secours.",
                 "Selon BFM Marseille, qui cite les secours, les deux blessés ont été conduits à l'hôpital."):
        [quote] = extract(text)
        assert quote.speaker.name == "secours", text
        assert "BFM" not in quote.text and "secours" not in quote.text


def test_a_plural_organisation_noun_after_two_bodies_named_together(extract):
    [quote] = extract("Syna et Unia ont lancé un appel commun. Selon les syndicats, un tel front commun est exceptionnel.")
    assert quote.speaker.name == "Syna et Unia"


def test_a_clause_reported_in_a_relative_ends_with_the_relative(extract):
    [quote] = extract("La maire, qui a rappelé que la ville manquait de logements, a présenté son plan lundi.")
    assert quote.text == "la ville manquait de logements"
    [quote] = extract("Le président Paul Vernier, qui a assuré que le pays ne reculerait pas, s'est rendu à Kiev.")
    assert (quote.text, quote.speaker.name) == ("le pays ne reculerait pas", "Paul Vernier")


def test_a_newspaper_named_with_its_article_is_the_source(extract):
    for text, name in (("Selon le quotidien Le Soir, le gouvernement envisage de relever la TVA.", "quotidien Le Soir"),
                       ("Le journal La Presse affirme que le ministre aurait menti.", "journal La Presse")):
        [quote] = extract(text)
        assert quote.speaker.name == name, text


def test_the_subject_after_a_source_is_no_apposition_of_it(extract):
    [quote] = extract("D'après l'hebdomadaire Marianne, le ministre aurait menti aux députés.")
    assert (quote.speaker.name, quote.speaker.role) == ("Marianne", None)
    [quote] = extract("Selon Paul Vernier, le ministre de l'Intérieur, la situation est sous contrôle.")
    assert (quote.speaker.name, quote.speaker.role) == ("Paul Vernier", "ministre de l'Intérieur")


def test_descriptions_after_the_last_quote_in_marks_are_read_in_text_order(extract):
    """« le conseiller » points back to Paul Martin, and « il » after it: with a quote in marks
    before them, or with none in the article."""
    story = ("Le conseiller Paul Martin a voté contre. Le maire Jacques Lenoir a voté pour. À la fin de la séance, "
             "le conseiller a quitté la salle. Il a assuré que le projet coûtait trop cher.")
    for text in (story, "« Nous avons tout donné », a lancé Anne Roux.\n\n" + story):
        [quote] = indirect(extract(text))
        assert (quote.text, quote.speaker.name) == ("le projet coûtait trop cher", "Paul Martin"), text
    [quote] = indirect(extract("La conseillère Marie Dupuis a voté contre. La maire Julie Lenoir a voté pour. À la fin "
                               "de la séance, la conseillère a quitté la salle. Selon elle, le projet coûte trop cher."))
    assert quote.speaker.name == "Marie Dupuis"


def test_ce_dernier_is_the_last_person_named_not_the_subject(extract):
    for text, name in (("Paul Durand a rencontré le ministre Jacques Morel. Ce dernier a affirmé que la réforme serait "
                        "reportée.", "Jacques Morel"),
                       ("Anne Roux a reçu Marie Dupuis, la directrice de l'école. Cette dernière a indiqué que les cours "
                        "reprendraient lundi.", "Marie Dupuis"),
                       ("Paul Durand a rencontré la ministre Claire Morel. Il a affirmé que la réforme serait reportée.",
                        "Paul Durand")):
        [quote] = indirect(extract(text))
        assert quote.speaker.name == name, text


def test_a_source_inside_the_clause_splits_it_as_an_incise_splits_a_quote(extract):
    for text, pieces, name in (
            ("La réforme, selon le ministre Paul Durand, sera votée en juin.",
             ["La réforme", "sera votée en juin"], "Paul Durand"),
            ("Le suspect aurait, selon une source proche de l'enquête, reconnu les faits.",
             ["Le suspect aurait", "reconnu les faits"], "source proche de l'enquête"),
            # a relative after the source is about the source, not what it said
            ("L'incendie a détruit trois hangars, selon une source policière, qui confirme une information du Progrès.",
             ["L'incendie a détruit trois hangars"], "source policière")):
        quotes = indirect(extract(text))
        assert [q.text for q in quotes] == pieces, text
        assert {q.speaker.name for q in quotes} == {name}, text


def test_a_second_source_in_a_sentence_opened_by_one(extract):
    quotes = indirect(extract("Paul Martin s'oppose au projet. Pour lui, le projet prévoit deux maisons en zone verte, "
                              "une troisième empiétant, selon le conseiller, sur la zone verte."))
    assert [q.text for q in quotes] == ["le projet prévoit deux maisons en zone verte, une troisième empiétant",
                                        "sur la zone verte"]
    assert {q.speaker.name for q in quotes} == {"Paul Martin"}


@pytest.mark.parametrize("verb", ["indique", "estime", "explique", "précise", "témoigne"])
def test_a_bare_infinitive_after_a_present_the_lemmatizer_missed_or_a_verb_of_explaining(extract, verb):
    [quote] = indirect(extract(f"Paul Martin est riverain. Il {verb} avoir entendu les sirènes vers minuit."))
    assert (quote.text, quote.speaker.name) == ("avoir entendu les sirènes vers minuit", "Paul Martin")


def test_the_lemma_of_a_reporting_verb_is_mended(extractor):
    doc = extractor.nlp("Il indique avoir entendu les sirènes.")
    assert doc[1].lemma_ == "indiquer"


@pytest.mark.parametrize("verb", ["rappelle", "martèle", "suggère", "relève", "juge", "note"])
def test_a_present_with_a_stem_alternation_or_taken_for_a_noun(extract, verb):
    """« rappelle », « martèle »: the cheap test that picks paragraphs to parse knows the stem's
    alternations; « Le ministre juge que »: the verb the tagger took for a noun still reports."""
    [quote] = indirect(extract(f"Le ministre {verb} que les salaires augmenteront en juin."))
    assert (quote.text, quote.speaker.name) == ("les salaires augmenteront en juin", "ministre")


def test_participles_before_the_subject_are_no_reported_clause(extract):
    """« Interrogée sur BFMTV, la secrétaire d'État chargée de la Mer, X, a jugé … »: the subject's
    lead-in, not words « a jugé » reports."""
    quotes = extract("Interrogée sur BFMTV, la secrétaire d'État chargée de la Mer, Hervé Berville, a jugé la "
                     "situation « préoccupante ».")
    assert indirect(quotes) == [] and [q.text for q in quotes] == ["préoccupante"]
    # a clause with an infinitive is one, whatever the tagger made of its main verb
    [quote] = indirect(extract("La Banque nationale demeure résolue à faire baisser les prix, a déclaré Paul Garnier."))
    assert quote.speaker.name == "Paul Garnier"


@pytest.mark.parametrize("text, said", [
    ("La ministre reconnaît que le budget est serré mais refuse de couper dans les aides.",
     [("le budget est serré", "ministre")]),
    ("Le maire a assuré que la piscine rouvrirait en juin et a promis de nouveaux horaires.",
     [("la piscine rouvrirait en juin", "maire")]),
    ("Le président a rappelé que la France soutenait l'Ukraine et a ajouté que l'aide serait maintenue.",
     [("la France soutenait l'Ukraine", "président"), ("l'aide serait maintenue", "président")]),
    ("Le syndicat a rappelé que les négociations devaient reprendre lundi, précisant qu'aucun accord n'était en vue.",
     [("les négociations devaient reprendre lundi", "syndicat"), ("aucun accord n'était en vue", "syndicat")]),
    # the content's own subject goes on: one clause
    ("Le maire a assuré que la piscine, qui a fermé en mars, rouvrirait en juin et serait rénovée.",
     [("la piscine, qui a fermé en mars, rouvrirait en juin et serait rénovée", "maire")]),
])
def test_what_the_speaker_does_next_ends_the_reported_clause(extract, text, said):
    """A verb coordinated with the reporting verb's auxiliary and no subject of its own (« et a
    promis », « mais refuse »), or a present participle of saying after a comma (« , précisant »),
    is the speaker's next act: the content ends before it, and its own clause is the speaker's."""
    assert [(q.text, q.speaker.name) for q in indirect(extract(text))] == said


@pytest.mark.parametrize("text, said, source", [
    ("Aux dires des témoins, la voiture roulait très vite.", "la voiture roulait très vite", "témoins"),
    ("De l'aveu même du directeur, l'usine perd de l'argent.", "l'usine perd de l'argent", "directeur"),
    ("Si l'on en croit la préfecture, 3 000 personnes ont défilé.", "3 000 personnes ont défilé", "préfecture"),
    ("La victime a été transportée à l'hôpital, a-t-on appris auprès des pompiers.",
     "La victime a été transportée à l'hôpital", "pompiers"),
    ("L'usine fermera en juin, a-t-on appris lundi auprès de la direction.", "L'usine fermera en juin", "direction"),
    ("Deux personnes ont été blessées, a-t-on appris de source policière.", "Deux personnes ont été blessées",
     "source policière"),
    ("Le suspect a été relâché, a-t-on appris mardi de sources concordantes.", "Le suspect a été relâché",
     "sources concordantes"),
])
def test_other_phrases_that_name_a_source_like_selon(extract, text, said, source):
    [quote] = indirect(extract(text))
    assert (quote.text, quote.speaker.name) == (said, source)


@pytest.mark.parametrize("text, source", [
    ("Airbus a livré 60 avions en mai. Selon l'avionneur, la cadence va encore augmenter.", "Airbus"),
    ("Chez Carrefour, les ventes reculent. Selon le distributeur, elles ont baissé de 3 %.", "Carrefour"),
    ("Amazon a ouvert un entrepôt à Metz. Selon le géant américain, 500 emplois seront créés.", "Amazon"),
    ("Le Conseil d'État a rejeté le recours. Selon la haute juridiction, l'atteinte n'est pas disproportionnée.",
     "Conseil d'État"),
])
def test_a_company_named_by_its_trade_is_the_company_named_before(extract, text, source):
    """« l'avionneur », « le distributeur », « le géant américain »: nouns for a company by its
    trade (rules/organisation_nouns.txt) point back to the company the article named."""
    [quote] = indirect(extract(text))
    assert quote.speaker.name == source


@pytest.mark.parametrize("text, said", [
    ("Le procureur a expliqué que le suspect avait avoué, avant d'ajouter que l'enquête se poursuivait activement.",
     ["le suspect avait avoué", "l'enquête se poursuivait activement"]),
    ("Paul Martin, qui a précisé que le chantier serait terminé en mai, s'est dit satisfait du travail accompli.",
     ["le chantier serait terminé en mai", "satisfait du travail accompli"]),
    ("Le Premier ministre estime que la réforme est nécessaire, tout en reconnaissant que le calendrier est serré.",
     ["la réforme est nécessaire", "le calendrier est serré"]),
    ("La ministre a dit que les prix avaient augmenté, en ajoutant que les salaires suivraient bientôt.",
     ["les prix avaient augmenté", "les salaires suivraient bientôt"]),
])
def test_what_the_speaker_did_next_after_a_comma_is_no_part_of_what_was_said(extract, text, said):
    """« …, avant d'ajouter que … », « …, tout en reconnaissant que … », and the antecedent's own
    verb after a relative clause of saying (« X, qui a précisé que …, s'est dit … »): the parser
    hangs them on the content."""
    assert [q.text for q in indirect(extract(text))] == said


def test_que_after_long_adverbials_is_still_the_verb_s_clause(extract):
    """« a affirmé lundi soir, lors du conseil municipal, que … »: 41 characters from the verb to « que »."""
    [quote] = indirect(extract("Le maire a affirmé lundi soir, lors du conseil municipal, que la piscine serait rénovée en 2025."))
    assert (quote.text, quote.speaker.name) == ("la piscine serait rénovée en 2025", "maire")


def test_a_source_set_off_inside_a_reported_clause_is_an_aside(extract):
    """« a expliqué que, selon lui, … »: the verb's subject speaks, and the aside is no part of the content."""
    [quote] = indirect(extract("Le ministre a expliqué mardi que, selon lui, la réforme serait votée avant l'été."))
    assert (quote.text, quote.speaker.name) == ("la réforme serait votée avant l'été", "ministre")


def test_a_verb_taken_for_a_noun_before_que_is_no_part_of_its_subject(extract):
    """« La ministre juge que … »: the tagger reads « juge » as a noun after « ministre »."""
    quotes = extract("La ministre juge que la situation est « préoccupante » mais estime que des solutions existent.")
    assert [(q.kind, q.text, q.speaker.name) for q in quotes] == [
        ("partial", "préoccupante", "ministre"), ("indirect", "des solutions existent", "ministre")]


def test_laisser_entendre_reports_what_was_hinted_and_entendre_alone_does_not(extract):
    [quote] = indirect(extract("La ministre a laissé entendre qu'elle pourrait démissionner avant l'été."))
    assert (quote.text, quote.speaker.name, quote.cue.text) == (
        "elle pourrait démissionner avant l'été", "ministre", "a laissé entendre")
    assert indirect(extract("Le voisin a entendu que la réforme serait abandonnée.")) == []


def test_a_second_que_clause_after_a_quoted_first_one_is_reported_by_the_same_verb(extract):
    """« a souligné que « rien n'était décidé » et que [les discussions continuaient] »: the first
    clause frames a quote; the one « et que » coordinates to it is reported speech of the same verb."""
    [quote] = indirect(extract("La porte-parole a souligné que « rien n'était décidé » et que les discussions "
                               "continuaient entre les parties."))
    assert (quote.text, quote.speaker.name) == ("les discussions continuaient entre les parties", "porte-parole")


def test_que_clauses_of_a_verb_that_reports_nothing_stay_out(extract):
    assert indirect(extract("Il faut que les élèves travaillent et que les parents suivent les devoirs de près.")) == []


@pytest.mark.parametrize("opening", ["À ses yeux,", "À son avis,", "De son point de vue,", "Aux yeux de l'élue,",
                                     "De l'avis de l'élue,"])
def test_whose_view_opens_the_sentence_names_a_source_like_selon(extract, opening):
    text = f"Marie Dupont, maire de Lille, a présenté son plan. {opening} la ville doit devenir plus verte d'ici 2030."
    [quote] = indirect(extract(text))
    assert (quote.text, quote.speaker.name) == ("la ville doit devenir plus verte d'ici 2030", "Marie Dupont")


def test_in_the_eyes_of_inside_a_sentence_is_no_source(extract):
    assert indirect(extract("Le maire a perdu toute crédibilité aux yeux des électeurs de la ville.")) == []
