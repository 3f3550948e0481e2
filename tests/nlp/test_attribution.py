"""Every construction the extractor must handle, on French sentences written for these tests."""
from __future__ import annotations

import pytest

CASES = [
    # cue after the quote, inverted subject, apposition after the name
    ("« Nous ne céderons rien », a déclaré Marie Dupont, ministre de la Santé, lors d'une conférence de presse.",
     "Nous ne céderons rien", "Marie Dupont", "ministre de la Santé"),
    ("« Il faut agir vite », estime Jean-Baptiste Morel, économiste à l'OFCE.",
     "Il faut agir vite", "Jean-Baptiste Morel", "économiste à l'OFCE"),
    # cue before, with a colon; apposition before the name
    ("La ministre de la Culture, Rachida Benali, a prévenu : « Le budget sera tenu. »",
     "Le budget sera tenu.", "Rachida Benali", "ministre de la Culture"),
    # reported speech with a partial quote
    ("Le maire de Nantes, Paul Girard, a affirmé que la ville « ne reculera pas » face aux critiques.",
     "ne reculera pas", "Paul Girard", "maire de Nantes"),
    # qualification
    ("L'avocate de la famille, Sophie Martin, a qualifié le jugement de « scandaleux ».",
     "scandaleux", "Sophie Martin", "avocate de la famille"),
    ("Le syndicaliste Hugo Brunet parle d'une « trahison » de la direction.",
     "trahison", "Hugo Brunet", "syndicaliste"),
    # selon / d'après / pour
    ("Selon le procureur de Lyon, Antoine Lefèvre, l'enquête est « loin d'être terminée ».",
     "loin d'être terminée", "Antoine Lefèvre", "procureur de Lyon"),
    ("D'après la porte-parole du gouvernement, Claire Petit, la réforme sera « présentée en juin ».",
     "présentée en juin", "Claire Petit", "porte-parole du gouvernement"),
    ("Pour l'économiste Anne Caron, la hausse des taux est « inévitable ».",
     "inévitable", "Anne Caron", "économiste"),
    # role noun right before the name
    ("Le président brésilien Luiz Ramos a salué un accord « historique ».",
     "historique", "Luiz Ramos", "président brésilien"),
    # straight and curly quotes
    ('"Le marché est saturé", a expliqué Nadia Haddad, directrice commerciale de la société.',
     "Le marché est saturé", "Nadia Haddad", "directrice commerciale de la société"),
    ("“Nous serons prêts”, a assuré l'entraîneur Marc Leroy.",
     "Nous serons prêts", "Marc Leroy", "entraîneur"),
    # adverbials between the incise verb and its subject
    ("« Il n'y aura pas de hausse d'impôts », a martelé mardi soir sur Radio Sud le chef de l'État, Paul Renaud.",
     "Il n'y aura pas de hausse d'impôts", "Paul Renaud", "chef de l'État"),
    # an honorific before the name
    ("L'avocate de l'accusé, Me Claire Dubois, a plaidé l'acquittement : « Mon client est innocent. »",
     "Mon client est innocent.", "Claire Dubois", "avocate de l'accusé"),
    # « Pour X, … » with an apposition
    ("Pour Maud Leroux, secrétaire nationale des Verts, ce budget est « une faute ».",
     "une faute", "Maud Leroux", "secrétaire nationale des Verts"),
]


@pytest.mark.parametrize("text,quote,speaker,role", CASES, ids=[c[1][:25] for c in CASES])
def test_construction(extract, text, quote, speaker, role):
    quotes = extract(text)
    assert [q.text for q in quotes] == [quote]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == speaker
    assert quotes[0].speaker.role == role
    assert quotes[0].speaker.type == "person"


def test_pronoun_in_inverted_cue_resolves_to_the_named_speaker(extract):
    text = ("Le maire de Nantes, Paul Girard, a défendu son projet mardi. « Nous irons jusqu'au bout », "
            "a-t-il ajouté. « Et nous le ferons ensemble. »")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Paul Girard", "Paul Girard"]
    assert quotes[0].speaker.mention.text == "-il"
    assert quotes[1].cue is None  # a split quote goes on with the previous speaker


def test_surname_and_role_mentions_resolve_to_the_full_name(extract):
    text = ("La chancelière autrichienne Eva Brandt a reçu son homologue mardi.\n\n"
            "« La coopération est indispensable », a déclaré Brandt.\n\n"
            "« Nous signerons avant l'été », a ajouté la chancelière autrichienne.")
    names = [q.speaker.name for q in extract(text)]
    assert names == ["Eva Brandt", "Eva Brandt"]


def test_anaphor_resolves_to_the_last_subject(extract):
    text = ("L'entraîneur Marc Leroy a été limogé dimanche. « Je pars la tête haute », a confié l'intéressé.")
    [quote] = extract(text)
    assert quote.speaker.name == "Marc Leroy" and quote.speaker.role == "entraîneur"


def test_organisation_speaker_and_short_reference(extract):
    text = ("Le ministère de l'Intérieur a annoncé l'envoi de renforts.\n\n"
            "« La situation est sous contrôle », a précisé le ministère.")
    [quote] = extract(text)
    assert quote.speaker.name == "ministère de l'Intérieur"
    assert quote.speaker.type == "organisation"


def test_quote_continued_over_paragraphs_is_one_quote(extract):
    text = ("La juge Hélène Roy a lu sa décision.\n\n« Les faits sont établis.\n\n"
            "« La peine sera exemplaire », a-t-elle conclu.")
    [quote] = extract(text)
    assert quote.text.startswith("Les faits") and quote.text.endswith("exemplaire")
    assert quote.speaker.name == "Hélène Roy"


@pytest.mark.parametrize("text", [
    "Le film « Les Oubliés » sort mercredi en salles.",
    "Ces « experts » autoproclamés inondent les plateaux de télévision.",
    "Surnommé « le Bulldozer », il a quitté le club en juin.",
    "Le projet du « Grand Paris » avance lentement.",
    "La loi dite « Climat et résilience » a été votée en 2021.",
])
def test_titles_nicknames_and_scare_quotes_are_not_speech(extract, text):
    assert extract(text) == []


def test_partial_quotes_get_the_partial_kind_and_direct_quotes_the_direct_kind(extract):
    text = "Le ministre a salué un accord « équilibré ». « Nous avons tenu bon », a-t-il dit."
    assert [q.kind for q in extract(text)] == ["partial", "direct"]


def test_incise_inside_the_marks_splits_the_quote(extract):
    text = "Le ministre Louis Varenne a été clair. « Nous sommes prêts, a-t-il assuré, à négocier avec les syndicats. »"
    quotes = extract(text)
    assert [q.text for q in quotes] == ["Nous sommes prêts", "à négocier avec les syndicats."]
    assert {q.speaker.name for q in quotes} == {"Louis Varenne"}
    assert all(q.cue.text == "a-t-il assuré" for q in quotes)


def test_anonymous_source_is_kept_as_described(extract):
    [quote] = extract("D'après une source proche du dossier, l'accord serait « imminent ».")
    assert quote.speaker.name == "source proche du dossier" and quote.cue.text == "D'après"


def test_incise_ending_a_sentence_inside_the_marks_splits_the_quote(extract):
    text = "La juge Hélène Roussel a lu sa décision. « La loi est claire, dit-elle. Elle s'applique à tous. »"
    quotes = extract(text)
    assert [q.text for q in quotes] == ["La loi est claire", "Elle s'applique à tous."]
    assert {q.speaker.name for q in quotes} == {"Hélène Roussel"}


def test_definite_role_noun_without_a_matching_role_takes_the_nearby_person(extract):
    text = ("La procureure de Lille, Agnès Fournier, a requis dix ans de prison. "
            "« Les faits sont d'une gravité exceptionnelle », a insisté la magistrate.")
    [quote] = extract(text)
    assert quote.speaker.name == "Agnès Fournier"
    assert quote.speaker.role == "procureure de Lille"


def test_a_group_subject_of_a_reporting_verb_is_the_speaker(extract):
    [quote] = extract("Les familles des victimes ont dénoncé : « Personne ne nous a écoutés. »")
    assert quote.speaker is not None and "familles des victimes" in quote.speaker.name


# -- pronouns and descriptions agree in gender with the person they name -------------------------

def test_feminine_pronoun_skips_the_nearer_man(extract):
    text = ("La sénatrice Irène Vautrin a reçu les maires du canton. Le préfet, Gilles Aubry, a été retenu à Paris. "
            "« Nous attendons des actes », a-t-elle rappelé.")
    [quote] = extract(text)
    assert quote.speaker.name == "Irène Vautrin" and quote.speaker.role == "sénatrice"


def test_pronoun_subject_sentence_takes_the_person_of_its_gender(extract):
    text = ("La sénatrice Irène Vautrin a reçu le préfet Gilles Aubry mardi. Il a salué sa « détermination ». "
            "Elle a qualifié la réunion de « constructive ».")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Gilles Aubry", "Irène Vautrin"]


def test_gender_of_an_epicene_role_comes_from_a_later_determiner(extract):
    text = ("Dominique Lemoine, maire de Soissac, a ouvert la séance.\n\n"
            "L'opposition, menée par Claude Vernier, conteste le budget. L'élu a qualifié le projet de « ruineux ».\n\n"
            "La maire a répondu : « Les comptes sont sains. »")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Claude Vernier", "Dominique Lemoine"]


# -- the person named in apposition to a role is the speaker ---------------------------------------

@pytest.mark.parametrize("text,speaker,role", [
    ("Le premier adjoint chargé de la voirie, Gérard Fontaine, a assuré que les travaux seraient « terminés en mai ».",
     "Gérard Fontaine", "premier adjoint chargé de la voirie"),
    ("L'entraîneur de Rivemont, le Belge Tom Vermeulen, a jugé la défaite « logique ».",
     "Tom Vermeulen", "entraîneur de Rivemont"),
    ("« Ce roman nous a tous bouleversés », a expliqué le président du jury, l'écrivain Simon Ardent.",
     "Simon Ardent", "président du jury"),
    ("« Il faudra rester solides », a prévenu le gardien Hugo Salvat, capitaine de l'équipe.",
     "Hugo Salvat", "capitaine de l'équipe"),
    (("Interrogée, la vice-présidente du département chargée des routes, Laure Bastide, a assuré que le chantier "
      "restait « prioritaire »."), "Laure Bastide", "vice-présidente du département chargée des routes"),
])
def test_name_in_apposition_to_the_subject_is_the_speaker(extract, text, speaker, role):
    [quote] = extract(text)
    assert quote.speaker.name == speaker and quote.speaker.role == role


def test_name_after_a_possessive_role_and_honorific_is_the_speaker(extract):
    text = ("L'Union des pharmaciens ruraux a dénoncé la réforme. "
            "« Les officines sont à bout », a estimé son président, le Dr Paul Mérieux.")
    [quote] = extract(text)
    assert quote.speaker.name == "Paul Mérieux"


# -- role nouns and « l'intéressé » point back to the person ---------------------------------------

def test_role_noun_subject_resolves_to_the_person_just_named(extract):
    text = ("Le président du club, Rémy Garnier, a reçu les supporters mardi.\n\n"
            "« Nous ne vendrons aucun joueur », a martelé le coach.")
    [quote] = extract(text)
    assert quote.speaker.name == "Rémy Garnier"


def test_the_description_of_the_person_just_named_is_their_role(extract):
    text = ("En rentrant chez lui, Jean-Marc Huet remarque un panneau au bord de la route.\n\n"
            "Le conseiller municipal s'inquiète aussitôt. « Personne n'a été prévenu », dit-il.")
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.role) == ("Jean-Marc Huet", "conseiller municipal")


@pytest.mark.parametrize("text", [
    # the bare title first, then its fuller form, as a description of the same person
    ("Le ministre Paul Diallo a lancé la campagne mardi. « Nous vaincrons le paludisme », a-t-il promis.\n\n"
     "« Chaque district aura ses moustiquaires », assure le ministre de la Santé publique, qui veut convaincre."),
    # the same title given twice, bare and in full: the fuller form counts the bare one
    ("Le ministre Paul Diallo a lancé la campagne mardi. « Nous vaincrons le paludisme », a-t-il promis.\n\n"
     "Paul Diallo, ministre de la Santé publique, l'avait annoncé en mars."),
])
def test_a_fuller_form_of_a_persons_title_is_their_role_in_every_quote(extract, text):
    quotes = [q for q in extract(text) if q.kind != "indirect"]
    assert quotes and {(q.speaker.name, q.speaker.role) for q in quotes} == {("Paul Diallo",
                                                                                "ministre de la Santé publique")}


def test_fuller_role_is_the_same_title_with_more_words():
    from service.nlp.references import EntityIndex

    assert EntityIndex.fuller_role("ministre de la Santé publique", "ministre")
    assert EntityIndex.fuller_role("cheffe du service des urgences", "cheffe de service")
    assert not EntityIndex.fuller_role("ministre", "ministre de la Santé publique")
    assert not EntityIndex.fuller_role("ministre de la Santé", "ministre de la Santé")
    assert not EntityIndex.fuller_role("président de PSA", "vice-président")
    assert not EntityIndex.fuller_role("ministre de l'Intérieur", "ministre de la Santé")


def test_defendant_noun_skips_the_judge_of_the_other_gender(extract):
    text = ("Le tribunal a entendu Marc Dutertre, ancien maire de Valbois. Interrogé par la juge Anne Collet "
            "sur un virement, le prévenu a évoqué un « malentendu ».")
    [quote] = extract(text)
    assert quote.speaker.name == "Marc Dutertre"


def test_interesse_is_the_person_the_article_is_about(extract):
    text = ("Le parquet a requis deux ans contre Paul Rivière, ancien trésorier du club. Surnommé « le Coffre », "
            "M. Rivière aurait détourné 80 000 euros. "
            "La procureure, Inès Moreau, a pointé le rôle du comptable, dont le fils, Luc Garnier, sera jugé plus tard. "
            "Debout à la barre, l'intéressé a tout contesté. « Je n'ai rien volé », a-t-il affirmé.")
    [quote] = extract(text)
    assert quote.speaker.name == "Paul Rivière"


# -- organisations keep their noun ----------------------------------------------------------------

@pytest.mark.parametrize("text,speaker", [
    ("Le syndicat Force Ouvrière Rail dénonce une « provocation » de la direction.", "syndicat Force Ouvrière Rail"),
    ("Le ministère de l'Agriculture a promis « un soutien rapide » aux éleveurs.", "ministère de l'Agriculture"),
])
def test_organisation_named_with_its_noun_keeps_the_noun(extract, text, speaker):
    [quote] = extract(text)
    assert quote.speaker.name == speaker and quote.speaker.type == "organisation"


def test_relative_qui_after_an_incise_points_to_the_organisation(extract):
    text = ("La préfecture de l'Aude a pris un arrêté jeudi.\n\n"
            "Les baignades sont interdites, a rappelé la préfecture, qui annonce des contrôles « stricts ».")
    quotes = extract(text)
    assert [(q.kind, q.speaker.name) for q in quotes] == [("partial", "préfecture de l'Aude"),
                                                          ("indirect", "préfecture de l'Aude")]


# -- an incise naming the speaker inside the marks splits the quote --------------------------------

def test_named_incise_with_an_apposition_inside_the_marks(extract):
    text = ("« Les vignes ont souffert tout l'été, a résumé Julien Maury, viticulteur à Cahors. "
            "Il faudra replanter. »")
    quotes = extract(text)
    assert [q.text for q in quotes] == ["Les vignes ont souffert tout l'été", "Il faudra replanter."]
    assert {(q.speaker.name, q.speaker.role) for q in quotes} == {("Julien Maury", "viticulteur à Cahors")}


def test_named_incise_with_an_honorific_inside_the_marks(extract):
    text = "« Nous ne signerons rien, a insisté M. Paul Ferrand, tant que le texte restera en l'état. »"
    quotes = extract(text)
    assert [q.text for q in quotes] == ["Nous ne signerons rien", "tant que le texte restera en l'état."]
    assert {q.speaker.name for q in quotes} == {"Paul Ferrand"}


# -- partial quotes: coordination, passive agent after the quote, detached participle --------------

def test_coordinated_partial_quotes_share_the_reporting_verb(extract):
    text = "Le syndicaliste Marc Olivier estime que la situation est « explosive » et que « personne ne veut négocier »."
    quotes = extract(text)
    assert [q.text for q in quotes] == ["explosive", "personne ne veut négocier"]
    assert {q.speaker.name for q in quotes} == {"Marc Olivier"}


@pytest.mark.parametrize("text,speaker,role", [
    (("La réforme a été adoptée mardi. Une position jugée « frileuse » par le président de l'association "
      "Terre Vive, Moussa Keita."), "Moussa Keita", "président de l'association Terre Vive"),
    ("Le maire a annoncé la fermeture du pont. Des propos qualifiés de « scandaleux » par Sébastien Morin.",
     "Sébastien Morin", None),
])
def test_passive_agent_after_the_quote_is_the_speaker(extract, text, speaker, role):
    [quote] = extract(text)
    assert quote.speaker.name == speaker and quote.speaker.role == role


def test_detached_present_participle_speaks_for_the_subject(extract):
    text = ("Le directeur du théâtre, Alain Roux, a regretté la baisse des aides, "
            "qualifiant ce choix de « coup dur pour la création ».")
    [quote] = extract(text)
    assert quote.speaker.name == "Alain Roux"


# -- roles ------------------------------------------------------------------------------------------

def test_possessive_role_names_the_organisation_just_named(extract):
    text = ("La fédération des chasseurs de l'Ain conteste l'arrêté. "
            "Son président, Bruno Genet, l'a jugé « absurde ».")
    [quote] = extract(text)
    assert quote.speaker.name == "Bruno Genet"
    assert quote.speaker.role == "président de la fédération des chasseurs de l'Ain"


def test_possessive_role_of_a_person_is_theirs(extract):
    text = ("Jean Moulinier, ancien maire, était jugé mardi. Pour son avocat, Me Luc Bastien, "
            "le dossier est « vide ».")
    [quote] = extract(text)
    assert quote.speaker.name == "Luc Bastien" and quote.speaker.role == "avocat de Jean Moulinier"


@pytest.mark.parametrize("text,speaker", [
    ("Au tribunal, le prévenu est resté silencieux. Son avocat a dénoncé « un dossier vide ».",
     "avocat du prévenu"),
    ("La victime était absente. Son avocate a dénoncé « un dossier bâclé ».", "avocate de la victime"),
    ("L'accusé a gardé le silence. Son avocat a plaidé « la folie ».", "avocat de l'accusé"),
])
def test_possessive_role_of_a_described_person_keeps_its_article(extract, text, speaker):
    """The owner the article only describes is « du prévenu », not « de prévenu »."""
    [quote] = extract(text)
    assert quote.speaker.name == speaker


@pytest.mark.parametrize("text,speaker,role", [
    ("Pour la géologue Claire Dumas, chercheuse au CNRS de Grenoble, le glissement est « inévitable ».",
     "Claire Dumas", "chercheuse au CNRS de Grenoble"),
    ("Pour le critique Paul Verne, du magazine Écrans, le film est « raté ».",
     "Paul Verne", "critique du magazine Écrans"),
    ("« La piste était parfaite », a déclaré Kevin Marchal, 31 ans, fondeur de l'équipe de France.",
     "Kevin Marchal", "fondeur de l'équipe de France"),
    (("Selon Ana Lopes, paléontologue au Muséum de Lisbonne et première autrice de l'étude, le fossile est "
      "« unique »."), "Ana Lopes", "paléontologue au Muséum de Lisbonne et première autrice de l'étude"),
    ("Le paléontologue britannique Andrew Miles a salué une découverte « majeure ».",
     "Andrew Miles", "paléontologue britannique"),
    # a trade no list holds, known by its ending (« -iste »)
    ("Marie Leroy, fleuriste, résume : « On ne tiendra pas un mois. »", "Marie Leroy", "fleuriste"),
])
def test_fullest_apposition_is_the_role(extract, text, speaker, role):
    [quote] = extract(text)
    assert quote.speaker.name == speaker and quote.speaker.role == role


def test_name_set_off_by_commas_before_a_subjectless_verb_is_the_subject(extract):
    text = ("Du côté des familles, Me Sarah Klein, avocate des parties civiles, a rappelé les faits. "
            "Le juge Henri Bosc a levé la séance. « Justice doit être rendue », a-t-elle insisté.")
    [quote] = extract(text)
    assert quote.speaker.name == "Sarah Klein"


def test_named_incise_keeps_an_apposition_the_lexicon_does_not_know(extract):
    text = ("« On montait les bêtes en juin, a raconté Émile Sarrazin, ancien berger du col. "
            "Maintenant, plus personne ne monte. »")
    quotes = extract(text)
    assert [q.text for q in quotes] == ["On montait les bêtes en juin", "Maintenant, plus personne ne monte."]
    assert {q.speaker.name for q in quotes} == {"Émile Sarrazin"}


def test_gendered_description_reaches_back_past_people_of_the_other_gender(extract):
    text = ("« Le fossile est intact », a confié Lucía Ferraz, géologue au musée de Salta et première autrice "
            "de l'étude.\n\nLe ministre, Tomás Rivas, a salué le travail des équipes. Son adjoint Pablo Ortiz a promis "
            "des crédits. Les fouilles reprendront en mars. Le site sera fermé au public. Un musée est prévu.\n\n"
            "La chercheuse reste prudente : « Il faudra d'autres fouilles. »")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Lucía Ferraz", "Lucía Ferraz"]


# -- an incise inside the marks that carries more than its subject --------------------------------

@pytest.mark.parametrize("text,first,second,speaker", [
    (("La ministre Léa Fontaine a longtemps hésité. « Les chiffres sont têtus, a-t-elle fini par admettre. "
      "Il faut agir. »"), "Les chiffres sont têtus", "Il faut agir.", "Léa Fontaine"),
    (("Le procureur Paul Mercier a requis sept ans. « Un voleur ne revient pas, a-t-il tonné en regardant le box. "
      "Or il est revenu. »"), "Un voleur ne revient pas", "Or il est revenu.", "Paul Mercier"),
    ("« Je n'ai menti à personne, s'est justifié M. Alain Costes à la reprise. J'ai juste dit la vérité. »",
     "Je n'ai menti à personne", "J'ai juste dit la vérité.", "Alain Costes"),
    ("Qu'a dit l'entraîneur ? « Presque rien, sourit le pilier Marc Dubreuil, dit “Tonton”. Le staff nous a parlé. »",
     "Presque rien", "Le staff nous a parlé.", "Marc Dubreuil"),
    (("La cheffe d'orchestre Hélène Brassac nous reçoit chez elle. « Ce n'est pas de la chance. Non, poursuit celle "
      "qui a dirigé trois orchestres, c'est du travail. »"),
     "Ce n'est pas de la chance. Non", "c'est du travail.", "Hélène Brassac"),
])
def test_incise_with_complements_inside_the_marks_splits_the_quote(extract, text, first, second, speaker):
    quotes = extract(text)
    assert [q.text for q in quotes] == [first, second]
    assert {q.speaker.name for q in quotes} == {speaker}


def test_role_before_a_name_opens_at_its_own_determiner(extract):
    text = ("Paul Rivet, 40 ans, est accusé d'avoir volé de nuit son voisin, Henri Lacaze. "
            "« Je ne lui dois rien », a déclaré Henri Lacaze.")
    [quote] = extract(text)
    assert quote.speaker.role == "voisin de Paul Rivet"  # « son voisin », not « d'avoir volé de nuit son voisin »


# -- quoted names, nicknames and slogans are not speech ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Dix joueurs attendent dans ce que tout le club appelle « la salle des pas perdus ».",
    "Dans le virage, une banderole résumait l'ambiance : \"Toujours debout\". Le président a souri.",
    "Le procès de l'affaire dite « des faux tableaux » s'est ouvert lundi.",
    "Le pilier Marc Dubreuil, dit « Tonton », a quitté le club.",
])
def test_names_nicknames_and_banners_are_not_speech(extract, text):
    assert extract(text) == []


def test_a_clause_after_a_naming_noun_is_still_speech(extract):
    [quote] = extract("Le groupe Ardelis assure que l'opération « ne coûtera aucun emploi ».")
    assert quote.text == "ne coûtera aucun emploi"


# -- speakers: organisation metonyms, complements, detached participles, mistagged incise verbs ------

def test_person_completing_an_organisation_noun_is_not_the_speaker(extract):
    [quote] = extract("La direction de Lumarel promet « aucune fermeture d'usine », les syndicats restent prudents.")
    assert quote.speaker.name.startswith("direction de") and quote.speaker.type == "organisation"


def test_detached_participle_opening_the_sentence_is_not_the_subject(extract):
    text = "L'État suit le dossier de près. Interrogé, Matignon a promis « une vigilance de chaque instant »."
    [quote] = extract(text)
    assert quote.speaker is not None and quote.speaker.name == "Matignon"


def test_reporting_verb_tagged_as_a_noun_still_opens_an_incise(extract):
    text = ("Le directeur Paul Marin défend son bilan. La cheffe de service, Anne Vidal, n'y croit pas. "
            "« Nous tenons grâce aux équipes. Ce n'est pas un modèle », tranche l'intéressée.")
    [quote] = extract(text)
    assert quote.speaker.name == "Anne Vidal"


# -- roles: a role given by a described speaker, matched without its articles; figures are no title --

def test_role_of_a_described_speaker_is_kept_for_later_references(extract):
    text = ("Hélène Vasseur range ses dossiers. « Nous manquons de tout », résume la directrice de l'école "
            "des Tilleuls, à deux ans de la retraite.\n\nDerrière elle, Clara Noyer, surveillante, ferme les portes. "
            "Jean Ribot, le gardien, sort les poubelles.\n\n"
            "La directrice d'école fait ses calculs. Elle parle d'un « budget intenable ».")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Hélène Vasseur", "Hélène Vasseur"]
    assert quotes[1].speaker.role == "directrice de l'école des Tilleuls"


def test_apposition_telling_a_figure_gives_way_to_the_role_before_the_name(extract):
    text = "L'ouvreur toulonnais Yann Keruzec, auteur de 21 points, a déploré un match « raté »."
    [quote] = extract(text)
    assert quote.speaker.name == "Yann Keruzec" and quote.speaker.role == "ouvreur toulonnais"


# -- a quote with no cue right after a sentence whose subject is a named person ---------------------

def test_quote_without_cue_after_a_named_subject_is_that_persons(extract):
    text = ("« Mon client a tout perdu », a plaidé Me Laure Cassin, avocate de la défense. "
            "Avant la délibération, Julien Perrot s'est levé. « Je regrette chaque jour ce qui s'est passé. »")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Laure Cassin", "Julien Perrot"]


@pytest.mark.parametrize("text,speaker", [
    ("Interrogé par nos soins, le directeur de l'école se montre rassurant. « Tout est sous contrôle. »",
     "directeur de l'école"),
    ("La directrice a pris la parole. « Nous tiendrons nos engagements. »", "directrice"),
    # the person named before with that role
    ("Paul Martin a été réélu dimanche. Le maire se montre rassurant. « Rien ne changera. »", "Paul Martin"),
])
def test_quote_without_cue_after_a_subject_called_by_a_role_is_theirs(extract, text, speaker):
    [quote] = extract(text)
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_pronoun_cue_after_a_subject_called_by_a_role_with_a_copula_is_theirs(extract):
    """« était aux anges »: the sentence's predicate is its root; the coach named after is someone else."""
    text = ("Après le match, l'attaquant lensois était aux anges. « On a montré du caractère », a-t-il souligné. "
            "Son entraîneur, Will Still, était plus mesuré : « Il reste du travail. »")
    first, second = extract(text)
    assert first.speaker is not None and first.speaker.name == "attaquant lensois"
    assert second.speaker.name == "Will Still"


def test_pronoun_cue_that_names_no_one_is_not_the_person_named_after_it(extract):
    """A pronoun points back: « « … », lance-t-il. Son voisin, Marc X, renchérit » is not Marc X's."""
    text = ("« Nous avons tout donné », a déclaré Marie Lefort. « Je suis fière », a-t-elle ajouté.\n\n"
            "Un supporter exulte. « Quelle soirée ! », lance-t-il. Son voisin, Marc Petit, renchérit : « Inoubliable. »")
    quotes = extract(text)
    assert quotes[2].text == "Quelle soirée !" and (quotes[2].speaker is None or quotes[2].speaker.name != "Marc Petit")
    assert quotes[3].speaker.name == "Marc Petit"


def test_quote_without_cue_after_a_subject_that_is_no_person_is_nobodys(extract):
    """« la critique » is criticism here: the sentence names the person it is about."""
    [quote] = extract("Le débat s'est tendu. La critique ne trouble pas le maire de Lyon. « Nous irons au bout. »")
    assert quote.speaker is None or quote.speaker.name != "critique"


def test_name_in_apposition_to_a_subject_with_a_complement_is_the_subject(extract):
    text = ("Mardi, la présidente du tribunal, Odile Marchand, a longuement interrogé le prévenu. "
            "« Où étiez-vous cette nuit-là ? »")
    [quote] = extract(text)
    assert quote.speaker is not None and quote.speaker.name == "Odile Marchand"


def test_role_keeps_a_place_the_recogniser_took_for_a_person(extract):
    text = "L'entraîneur de Castelbrac, Yves Lamothe, a prévenu : « Nous jouerons pour gagner. »"
    [quote] = extract(text)
    assert quote.speaker.name == "Yves Lamothe" and quote.speaker.role.startswith("entraîneur de")


def test_occupation_after_an_age_is_a_role(extract):
    text = "Luc Perrin, 61 ans, ancien charpentier, est jugé depuis lundi. « Je n'ai rien volé », a déclaré Luc Perrin."
    [quote] = extract(text)
    assert quote.speaker.role == "ancien charpentier"


# -- « l'accusé »: the person the article said « est accusé »; a reference completing a noun ---------

def test_predicated_role_noun_lets_a_later_description_find_the_person(extract):
    text = ("Marc Ortolan, 44 ans, plombier, est accusé d'avoir incendié la grange de son frère, Yves Ortolan.\n\n"
            "Lundi, la présidente, Anne Pujol, a interrogé le témoin Paul Segond. L'accusé a gardé le silence. "
            "« Je ne sais plus, a-t-il fini par dire. Tout est flou. »")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Marc Ortolan", "Marc Ortolan"]


def test_reference_completing_a_noun_is_not_the_person_spoken_of(extract):
    text = ("Marc Ortolan, 44 ans, est accusé d'incendie.\n\n"
            "Me Hugo Ferrat, avocat de l'accusé, a pris la parole. « Rien ne prouve l'intention, a plaidé "
            "le pénaliste toulousain. Rien. »")
    quotes = extract(text)
    assert {q.speaker.name for q in quotes} == {"Hugo Ferrat"}


def test_focus_of_a_cleft_sentence_is_the_subject_later_pronouns_point_to(extract):
    text = ("Paul Mendy a ouvert le score à la 10e minute. Le second but est venu d'un centre de Jules Carrel. "
            "C'est justement l'ailier gauche qui a tout changé. « J'ai vu l'espace, a-t-il raconté. Le reste a suivi. »")
    quotes = extract(text)
    assert {q.speaker.name for q in quotes} == {"Jules Carrel"}


def test_name_after_an_organisation_noun_is_not_a_person(extract):
    text = ("Nadia Sorel, présidente du groupe d'opposition Ville Ouverte, a pris la parole. "
            "« Vous nous avez trompés », a lancé l'élue.")
    [quote] = extract(text)
    assert quote.speaker.name == "Nadia Sorel"


def test_passive_agent_with_a_possessive_role_and_a_name_is_the_speaker(extract):
    text = "L'entraîneur de Valcourt a critiqué l'arbitre. Une sortie jugée « indigne » par son homologue Luc Barrère."
    [quote] = extract(text)
    assert quote.speaker.name == "Luc Barrère"


def test_noun_modified_by_a_past_participle_is_not_the_speaker(extract):
    [quote] = extract("Le maire a présenté le projet. Une décision jugée « absurde » par les riverains.")
    assert quote.speaker.name == "riverains"


# -- verbs the tagger missed, « on » with the place that speaks, hypernyms of a role --

@pytest.mark.parametrize("text,speaker", [
    ("Hélène Garnier juge la réforme « injuste et brutale ».", "Hélène Garnier"),
    ("La Fédération nationale des taxis, par la voix de son président Marc Olier, juge le décret « inapplicable ».",
     "Fédération nationale des taxis"),
])
def test_reporting_verb_tagged_as_a_noun_in_a_verbless_sentence_is_the_cue(extract, text, speaker):
    [quote] = extract(text)
    assert quote.speaker is not None and quote.speaker.name == speaker and quote.cue.text == "juge"


def test_a_noun_after_a_determiner_is_not_taken_for_a_verb(extract):
    quotes = extract("Au tribunal, Anne Caron, la juge du « dossier maudit ».")
    assert all(q.cue is None or q.cue.text != "juge" for q in quotes)


@pytest.mark.parametrize("text,speaker,type_", [
    ("« Rien n'est décidé », assure-t-on à Matignon.", "Matignon", "organisation"),
    ("« Le calendrier tiendra », indique-t-on au ministère des Armées.", "ministère des Armées", "organisation"),
    ("« Il ne lâchera rien », confie-t-on dans l'entourage du maire.", "entourage du maire", "person"),
    ("« Le projet est abandonné », indique-t-on du côté de la préfecture.", "préfecture", "organisation"),
])
def test_on_with_the_place_after_the_verb_is_that_place(extract, text, speaker, type_):
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.type) == (speaker, type_)


def test_on_alone_names_nobody(extract):
    [quote] = extract("Le maire, Paul Roux, hésite encore. « Rien n'est décidé », souffle-t-on.")
    assert quote.speaker is None


def test_a_hypernym_of_the_role_names_the_person_just_spoken_of(extract):
    text = ("Le député Renaud Camus-Vidal estime que « le compromis reste possible ». "
            "Le parlementaire ajoute : « Il faut savoir finir une grève. »")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Renaud Camus-Vidal"] * 2


@pytest.mark.parametrize("text,speaker,cue", [
    ("La préfète de l'Aude, Sylvie Marand, fait état de « centaines de sinistrés ».", "Sylvie Marand", "fait état"),
    ("La direction a fait part de sa « profonde tristesse ».", "direction", "a fait part"),
])
def test_faire_etat_and_faire_part_report_speech(extract, text, speaker, cue):
    [quote] = extract(text)
    assert (quote.speaker.name, quote.cue.text) == (speaker, cue)


def test_a_verb_after_faire_that_reports_nothing_is_no_cue(extract):
    [quote] = extract("Le club a fait signer un « contrat en or » au joueur.")
    assert quote.cue is None and quote.method == "context" and quote.confidence < 0.7


def test_verb_mistagged_before_a_colon_takes_the_subject_before_the_apposition(extract):
    [quote] = extract("Un pompier, qui a requis l'anonymat, raconte : « Nous avons vu l'eau monter. »")
    assert quote.speaker.name == "pompier" and quote.cue.text == "raconte"


@pytest.mark.parametrize("text,name,role", [
    ("« L'eau est montée d'un coup », témoigne Ginette, 81 ans, retraitée du quartier.", "Ginette", "retraitée du quartier"),
    ("« Une victoire d'équipe », s'est félicitée la capitaine des Bleues, Maëlys Tardieu-Ngoma.",
     "Maëlys Tardieu-Ngoma", "capitaine des Bleues"),
])
def test_a_name_the_recogniser_missed_is_a_person_when_an_age_or_a_role_says_so(extract, text, name, role):
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.type, quote.speaker.role) == (name, "person", role)


def test_a_role_given_after_a_quote_is_the_speakers_role_for_it_too(extract):
    text = ("« Nous ne sommes pas dans une logique de sanction », a nuancé mardi Paul Ravel. "
            "Le ministre de l'Industrie a toutefois reconnu que « la situation est sérieuse ».")
    assert [q.speaker.role for q in extract(text)] == ["ministre de l'Industrie"] * 2


def test_quoted_words_that_are_the_subjects_own_verb_are_its_words(extract):
    quotes = extract("Dans un communiqué, le groupe Veltra « regrette » la décision et « étudie toutes les options ».")
    assert [(q.text, q.speaker.name, q.kind) for q in quotes] == [
        ("regrette", "groupe Veltra", "partial"), ("étudie toutes les options", "groupe Veltra", "partial")]


@pytest.mark.parametrize("text,name,role", [
    ("Réaction immédiate de la maire de Quimperlé, Odile Kervella : « Nous ne laisserons pas faire. »",
     "Odile Kervella", "maire de Quimperlé"),
    ("Même son de cloche chez l'entraîneur Yvon Pellerin : « On doit être plus tueurs. »", "Yvon Pellerin", "entraîneur"),
])
def test_a_verbless_lead_in_before_a_colon_names_the_speaker(extract, text, name, role):
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.role) == (name, role)


def test_a_participle_the_tagger_did_not_know_is_still_a_cue(extract):
    [quote] = extract("« Le climat n'attend pas », a tweeté la militante Inès Garrigou.")
    assert (quote.speaker.name, quote.cue.text) == ("Inès Garrigou", "a tweeté")


@pytest.mark.parametrize("text", [
    "Sur les remorques, des pancartes à la peinture fraîche : « Pas de paysans, pas de pain ».",
    "Les supporters ont déjà peint leur banderole : « Brest jusqu'au bout ».",
    "Le match aura lieu au stade, que tout le monde ici appelle « la Marmite ».",
])
def test_slogans_after_a_colon_and_nicknames_after_an_adverb_are_not_speech(extract, text):
    assert extract(text) == []


def test_a_partial_quote_that_names_no_speaker_is_a_scare_quote(extract):
    assert extract("Il est temps de dénoncer l'avalanche de « paperasse ».") == []


@pytest.mark.parametrize("text,speaker", [
    ("Du côté de la CGT, on dénonce « une provocation ».", "CGT"),
    ("Chez Renault, on assure que « aucune usine ne fermera ».", "Renault"),
    ("Du côté des agriculteurs, on dénonce « une trahison ».", "agriculteurs"),
    ("Côté syndicats, on dénonce « une provocation ».", "syndicats"),
    ("À Paris, on dénonce « une décision absurde ».", None),  # a city is where, not who
])
def test_on_speaks_for_the_circle_named_at_the_start_of_the_sentence(extract, text, speaker):
    [quote] = extract(text)
    assert (quote.speaker.name if quote.speaker else None) == speaker


@pytest.mark.parametrize("intro, speaker", [
    ("Une réponse qui ne convainc pas Sylvie Roux, 52 ans, dont vingt passés à la chaîne.", "Sylvie Roux"),
    ("Un argument qui laisse de marbre Sylvie Roux, ouvrière depuis vingt ans.", "Sylvie Roux"),
    ("Une réponse qui ne convainc pas les salariés.", "Olivier Marchal"),  # nobody brought in: he goes on
])
def test_a_person_brought_in_with_an_age_or_a_role_just_before_a_quote_says_it(extract, intro, speaker):
    quotes = extract("« Rien n'est arrêté », dit le directeur, Olivier Marchal.\n\n"
                     f"{intro} « J'ai donné ma vie à cette boîte. »")
    assert [q.speaker.name for q in quotes] == ["Olivier Marchal", speaker]


def test_the_focus_of_a_cleft_with_several_appositions_speaks_next(extract):
    """« c'est X, …, …, qui tient la caisse »: the focus of the cleft is the sentence's subject, past
    two appositions, and a person whatever the recogniser called a lone given name."""
    quotes = extract("« Tout va bien », dit Marc Vidal, le président du club.\n\n"
                     "Plus loin, c'est Maud, une Galloise installée à Vire, non loin de Caen, qui tient la caisse. "
                     "« J'aime donner un coup de main. »")
    assert [q.speaker.name for q in quotes] == ["Marc Vidal", "Maud"]


@pytest.mark.parametrize("text, speaker", [
    # someone's relative is not the person just named, and « elle » after it is the relative
    ("« Mon client est innocent », a martelé Me Sarah Benhamou.\n\nLa mère de la victime, présente à l'audience, "
     "n'a pas pu retenir ses larmes. « Je veux comprendre », a-t-elle confié.", "mère de la victime"),
    ("« Mon client est innocent », a martelé Me Sarah Benhamou.\n\nLa mère de la victime a confié : "
     "« Je veux comprendre. »", "mère de la victime"),
    # « mère de deux enfants » describes the woman herself
    ("Nadia Lamri habite au troisième étage. La mère de deux enfants a confié : « J'ai eu très peur. »", "Nadia Lamri"),
])
def test_a_relative_of_someone_else_is_not_the_person_just_named(extract, text, speaker):
    assert extract(text)[-1].speaker.name == speaker


def test_the_subject_before_an_apposition_that_the_parse_hung_elsewhere(extract):
    [quote] = extract("La mère de la victime, présente à l'audience, a confié : « Je veux comprendre. »")
    assert quote.speaker.name == "mère de la victime"


def test_a_name_in_apposition_after_a_described_subject_the_parse_left_without_verb(extract):
    """The parser hangs « regrettait » on « Paulo »: the subject is the description and its name."""
    quotes = extract("Après la victoire de Lens contre Lille (2-1), l'entraîneur Franck Haise savourait. « On a montré "
                     "du caractère », a-t-il confié en conférence de presse. Son homologue lillois, Paulo Fonseca, "
                     "regrettait « un manque d'efficacité ».")
    assert [q.speaker.name for q in quotes] == ["Franck Haise", "Paulo Fonseca"]


def test_the_coach_of_the_other_team_is_not_the_coach_described_first(extract):
    """Two teams have two coaches: « le coach lensois » is not the one called « le technicien breton »."""
    quotes = extract("« On a été trop passifs », a regretté Julien Stéphan. Le technicien breton a salué « la réaction » "
                     "de ses joueurs.\n\nEn face, Will Still ne cachait pas sa frustration. « On avait le match en main. » "
                     "Le coach lensois a reconnu que son équipe avait « manqué de maîtrise ».")
    assert [q.speaker.name for q in quotes] == ["Julien Stéphan", "Julien Stéphan", "Will Still", "Will Still"]


@pytest.mark.parametrize("text, speaker", [
    ("Paul Magnette dénonce un plan « qui frappe d'abord les plus fragiles ».", "Paul Magnette"),
    ("Le PS, principal parti d'opposition, dénonce un plan « qui frappe d'abord les plus fragiles ».", "PS"),
])
def test_a_relative_clause_in_marks_after_a_naming_noun_is_speech(extract, text, speaker):
    """« un plan « qui frappe … » » says what the plan does, in someone's words: no plan is called
    « qui frappe … »; and the organisation opening the sentence, not its apposition, is the subject."""
    [quote] = extract(text)
    assert (quote.text, quote.speaker.name) == ("qui frappe d'abord les plus fragiles", speaker)


def test_a_pronoun_after_a_quote_of_several_sentences_points_back_from_where_the_quote_opens(extract):
    """« « A ? B. », a-t-elle fait valoir » reads as « Elle a fait valoir : « A ? B. » »: the person the
    sentence before the quote names, not the last subject before that."""
    quotes = extract("« Il n'y a pas eu d'arrestation », a indiqué l'agente Caroline Roy, porte-parole de la police.\n\n"
                     "Pour Magali Brun, porte-parole de Vélo Québec, ce drame démontre l'urgence d'agir. « Combien de "
                     "morts faudra-t-il encore ? Cette intersection est dangereuse », a-t-elle fait valoir.")
    assert quotes[1].speaker.name == "Magali Brun"


@pytest.mark.parametrize("text, speaker", [
    ("La mairesse Valérie Plante s'est dite « profondément attristée ». Son cabinet a indiqué que des aménagements "
     "seraient étudiés.", "cabinet de Valérie Plante"),
    ("La FGTB appelle à la grève. Son bureau a indiqué que la mobilisation serait massive.", "FGTB"),
])
def test_a_body_with_a_possessive_belongs_to_the_person_just_spoken_of(extract, text, speaker):
    assert extract(text)[-1].speaker.name == speaker


def test_a_description_names_the_subject_of_the_sentence_before_not_the_last_name_in_it(extract):
    """« X a confié, lui qui incarne Y … L'acteur évoque … »: the actor is X, not his character Y."""
    quotes = extract("« Nous n'osions pas rêver d'un tel succès », a confié Pierre Niney, qui incarne Edmond Dantès. "
                     "L'acteur évoque un tournage « éprouvant mais magique ».")
    assert [q.speaker.name for q in quotes] == ["Pierre Niney", "Pierre Niney"]


def test_a_demonstrative_points_back_to_the_same_noun_said_before(extract):
    """« selon une source proche de l'enquête. « … », précise cette source »: that source, whom the
    reported clause named, not the person just spoken of (« la victime »)."""
    quotes = extract("La victime a été touchée à plusieurs reprises, selon une source proche de l'enquête. « Les "
                     "tireurs ont pris la fuite », précise cette source.")
    assert quotes[0].speaker.name == "source proche de l'enquête"


def test_a_capitalised_title_the_recogniser_glued_to_the_name_is_the_role(extract):
    [quote] = extract("Le Premier ministre Ousmane Sonko a renchéri sur les réseaux sociaux, évoquant "
                      "“un combat pour la souveraineté”.")
    assert (quote.speaker.name, quote.speaker.role) == ("Ousmane Sonko", "Premier ministre")


def test_a_body_speaks_by_the_voice_of_the_person_named(extract):
    quotes = extract("L'opposition, par la voix de l'ancien ministre Abdoulaye Diouf Sarr, a dénoncé "
                     "\"une politique de l'effet d'annonce\".")
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("Abdoulaye Diouf Sarr", "ancien ministre")]
    [quote] = extract("« Nous ferons appel », a fait savoir le club par la voix de son avocat, Me Paul Roux.")
    assert (quote.speaker.name, quote.speaker.role) == ("Paul Roux", "avocat du club")


def test_a_name_after_a_source_and_its_comma_opens_the_clause_it_is_no_apposition(extract):
    """« Selon son entourage, Marie X « n'en pouvait plus » »: the entourage speaks, of her."""
    [quote] = extract("Selon son entourage, Marie Lefort « n'en pouvait plus ».")
    assert quote.speaker.name != "Marie Lefort"
    [quote] = extract("Selon le ministre de l'Intérieur, Jean Dupont, « la menace est réelle ».")
    assert (quote.speaker.name, quote.speaker.role) == ("Jean Dupont", "ministre de l'Intérieur")


@pytest.mark.parametrize("text", [
    "Il a participé à l'émission « Qui veut gagner des millions ? » en 2010.",
    "Le ministre a présenté le plan « Qui sème récolte » mardi.",
])
def test_a_title_opening_on_a_capital_relative_pronoun_is_still_a_name(extract, text):
    assert extract(text) == []


def test_two_names_joined_by_et_before_a_colon_speak_together(extract):
    """« Anne X et Paul Y ont signé une tribune : « … » »: the parser makes the second name the
    first's conjunct; « et » joins names here, not the clause of a second subject."""
    [quote] = extract("Claire Vautrin et Lucas Perrin ont signé une tribune : « Il faut agir. »")
    assert quote.speaker.name == "Claire Vautrin et Lucas Perrin"


@pytest.mark.parametrize("text", [
    "« Il y a eu des erreurs », admet un cadre de l'entreprise sous couvert d'anonymat.",
    "« Il y a eu des erreurs », admet sous couvert d'anonymat un cadre de l'entreprise.",
])
def test_how_an_unnamed_source_spoke_is_no_part_of_who_it_is(extract, text):
    [quote] = extract(text)
    assert quote.speaker.name == "cadre de l'entreprise"


def test_they_after_two_names_joined_as_subject_is_both(extract):
    quotes = extract("Claire Vautrin et Lucas Perrin ont obtenu le prix. « Nous sommes heureux », ont-ils déclaré.")
    assert [q.speaker.name for q in quotes] == ["Claire Vautrin et Lucas Perrin"]


@pytest.mark.parametrize("text, name, role", [
    ("« Il faut du temps », tempère Hélène Roux, chargée de mission à la chambre d'agriculture.",
     "Hélène Roux", "chargée de mission à la chambre d'agriculture"),
    ("« Nous recrutons », indique la chargée de communication de la mairie, Anne Petit.",
     "Anne Petit", "chargée de communication de la mairie"),
])
def test_charge_de_heads_a_function(extract, text, name, role):
    """« chargé(e) de mission », « chargée de communication »: the participle is the function's head."""
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.role) == (name, role)


@pytest.mark.parametrize("text, name, role", [
    ("« Il était joyeux », raconte sa sœur, Nadia.", "Nadia", "sœur"),
    ("Sa sœur, Nadia, raconte : « Il était joyeux. »", "Nadia", "sœur"),
    ("« On n'a rien vu venir », souffle une voisine, Josiane, encore sous le choc.", "Josiane", "voisine"),
])
def test_a_lone_first_name_set_off_after_a_kinship_or_function_is_the_speaker(extract, text, name, role):
    """The recogniser takes a first name alone for MISC; apposed to « sa sœur » or « une voisine »
    and closed by a comma or a full stop, it is the person described."""
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.role) == (name, role)


@pytest.mark.parametrize("text, speaker", [
    ("Son homologue lyonnais, Paulo Fonseca, savourait. « C'est une victoire importante », a souligné le Portugais.",
     "Paulo Fonseca"),
    ("Iga Swiatek s'est qualifiée pour la finale. « J'ai bien servi », a expliqué la Polonaise.", "Iga Swiatek"),
    ("Pedro Sanchez a rencontré Emmanuel Macron. L'Espagnol a assuré que l'accord serait signé.", "Pedro Sanchez"),
])
def test_a_nationality_with_its_capital_points_back_to_the_person_named(extract, text, speaker):
    """« le Portugais », « la Polonaise », « l'Espagnol » (rules/demonyms.tsv), as sports and
    diplomatic pages name someone a second time: the person already named, as « l'intéressé »."""
    [quote] = extract(text)
    assert quote.speaker.name == speaker


def test_a_nationality_before_a_name_introduces_that_name(extract):
    [quote] = extract("Jean Dupont a parlé. « Je suis heureuse », a confié l'Américaine Coco Gauff.")
    assert quote.speaker.name == "Coco Gauff"


def test_a_crowd_before_a_name_gives_way_to_the_persons_own_apposition(extract):
    """« Parmi les manifestants, Jeanne, 52 ans, éleveuse de chèvres, … »: a plural noun before
    the name is a crowd the person is one of; the apposition after the name is what she does."""
    [quote] = extract("Parmi les manifestants, Jeanne, 52 ans, éleveuse de chèvres à Dieulefit, ne décolère pas. "
                      "« On travaille 70 heures par semaine pour rien », lâche-t-elle.")
    assert (quote.speaker.name, quote.speaker.role) == ("Jeanne", "éleveuse de chèvres à Dieulefit")


@pytest.mark.parametrize("text, name, role", [
    ("« Jamais la situation n'a été aussi grave », déclare Christophe Robert, Délégué général de la Fondation.",
     "Christophe Robert", "Délégué général de la Fondation"),
    ("« Il faut agir », souligne Paul Martin, Directeur général de la Fédération française du bâtiment.",
     "Paul Martin", "Directeur général de la Fédération française du bâtiment"),
])
def test_a_function_capitalised_as_press_releases_do_is_the_role_not_a_name(extract, text, name, role):
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.role) == (name, role)


@pytest.mark.parametrize("text, speaker", [
    ("VIDÉO. « On nous a abandonnés » : la colère des habitants de Mayotte\n\nL'eau manque.", "habitants de Mayotte"),
    ("« On ne peut plus vivre comme ça » : le coup de gueule d'un boulanger de Lille\n\nLa farine a doublé.",
     "boulanger de Lille"),
    ("« Nous sommes à bout » : le cri d'alarme des urgentistes\n\nLes urgences ferment la nuit.", "urgentistes"),
])
def test_a_headline_quote_then_a_noun_of_saying_names_whose_words_they_are(extract, text, speaker):
    """« « … » : la colère des habitants », « le coup de gueule d'un boulanger »: a headline's
    quote, a colon, a noun of words said or a feeling voiced (rules/utterance_nouns.txt), then whose."""
    [quote] = extract(text)
    assert quote.speaker.name == speaker


def test_a_title_in_marks_then_a_story_is_no_ones_words(extract):
    quotes = extract("« Titanic » : le récit du naufrage par les survivants.")
    assert all(q.speaker is None for q in quotes)


def test_a_name_in_four_parts_the_recogniser_cut_in_two_is_one_name(extract):
    [quote] = extract("Le ministre des Affaires étrangères, Kacou Houadja Léon Adom, a précisé que des accords "
                      "seraient signés.")
    assert (quote.speaker.name, quote.speaker.role) == ("Kacou Houadja Léon Adom", "ministre des Affaires étrangères")


def test_a_name_the_recogniser_did_not_know_is_a_person_when_a_function_follows_the_verbs_subject(extract):
    """« a déclaré Recep Tayyip Erdogan, président turc »: MISC for the recogniser; the subject of
    the incise's verb, set off by a function only a person holds, is a person with that role."""
    [quote] = extract("« Nous irons jusqu'au bout », a déclaré Recep Tayyip Erdogan, président turc.")
    assert (quote.speaker.name, quote.speaker.role) == ("Recep Tayyip Erdogan", "président turc")


@pytest.mark.parametrize("text, role", [
    ("« Nous irons », a déclaré Paul Martin, attaché de presse du ministre.", "attaché de presse du ministre"),
    ("« Nous irons », a déclaré Paul Martin, mandataire judiciaire.", "mandataire judiciaire"),
])
def test_functions_of_press_officers_and_receivers_are_roles(extract, text, role):
    [quote] = extract(text)
    assert quote.speaker.role == role


def test_what_a_person_does_replaces_how_they_are_related(extract):
    """« sa sœur, Nadia » gives « sœur »; « Infirmière à Lyon, elle … » later says what she does,
    which is her role (a bare kinship gives way to a function, not the other way round)."""
    quotes = extract("« Il était joyeux », raconte sa sœur, Nadia. Infirmière à Lyon, elle a tout quitté. "
                     "« Je voulais comprendre », dit-elle.")
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("Nadia", "infirmière à Lyon")] * 2


@pytest.mark.parametrize("text, role", [
    ("Mme Lefort a été licenciée en mars. « Je ne m'y attendais pas », confie cette mère de trois enfants.",
     "mère de trois enfants"),
    # an age is no complement of the role
    ("Paul Roux a été licencié en mars. « Je ne m'y attendais pas », confie le chauffeur de 45 ans.", "chauffeur"),
])
def test_a_number_completes_a_description_unless_it_is_an_age(extract, text, role):
    [quote] = extract(text)
    assert quote.speaker.role == role


@pytest.mark.parametrize("text, speaker, role", [
    ("« Le pays avance », a déclaré le chef de l'État, SEM Alassane Ouattara.", "Alassane Ouattara", "chef de l'État"),
    ("« Le pays avance », a déclaré Son Excellence Paul Biya, président de la République.", "Paul Biya",
     "président de la République"),
])
def test_honorifics_of_heads_of_state_are_no_part_of_the_name(extract, text, speaker, role):
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.role) == (speaker, role)


def test_two_roles_then_the_name_the_first_one_coordinating_two_ministries(extract):
    [quote] = extract("« Nous irons jusqu'au bout », a martelé le ministre de la Communication et des Médias, "
                      "porte-parole du gouvernement, Patrick Muyaya.")
    assert quote.speaker.name == "Patrick Muyaya"


def test_a_function_given_later_replaces_a_seat_in_a_body(extract):
    """« membre du directoire » is a seat; « le gouverneur de la Banque nationale » is what he does, and
    does not stop the description from naming him."""
    quotes = extract("La banque restera prudente, a déclaré vendredi Paul Martin, membre du directoire de la "
                     "Banque nationale. « Le match n'est pas fini », a ajouté sur France Inter le gouverneur de "
                     "la Banque nationale.")
    assert {(q.speaker.name, q.speaker.role) for q in quotes} == {("Paul Martin", "gouverneur de la Banque nationale")}


@pytest.mark.parametrize("text, speaker, role", [
    ("« Nous avons été surpris », reconnaît Paul Martin, membre du collectif.", "Paul Martin", "membre du collectif"),
    # a first name alone, then a role with its article
    ("« On a peur le soir », confie Léa, une habitante du quartier.", "Léa", "habitante du quartier"),
    ("« On ferme à minuit », dit Karim, le patron du bar.", "Karim", "patron du bar"),
])
def test_memberships_and_first_names_with_an_article_before_the_role(extract, text, speaker, role):
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.role) == (speaker, role)


@pytest.mark.parametrize("text, role", [
    ("« On joue tous les soirs », dit Marc Petit, jongleur du cirque Pinder.", "jongleur du cirque Pinder"),
    ("« Le public revient », dit Anne Roux, trapéziste depuis vingt ans.", "trapéziste"),
])
def test_circus_trades_are_roles(extract, text, role):
    [quote] = extract(text)
    assert quote.speaker.role == role


@pytest.mark.parametrize("text, speaker", [
    ("« Je ne pense pas à la retraite », a assuré le quintuple vainqueur du Tour, interrogé par L'Équipe.",
     "quintuple vainqueur du Tour"),
    ("« C'est un honneur », a réagi la lauréate du prix Goncourt.", "lauréate du prix Goncourt"),
])
def test_what_someone_won_describes_them(extract, text, speaker):
    [quote] = extract(text)
    assert quote.speaker.name == speaker


def test_a_capitalised_title_with_when_after_it_is_a_description_not_a_name(extract):
    """« a déclaré le Premier ministre mardi »: the recogniser takes « Premier ministre mardi » for a name."""
    [quote] = extract("« Nous agirons vite », a déclaré le Premier ministre mardi.")
    assert quote.speaker.name == "Premier ministre"


@pytest.mark.parametrize("text, speaker, role", [
    # « la Première » is no anaphor before its noun; « québécoise » a nationality, no name
    ("La Première ministre québécoise a annoncé sa démission. « J'ai pris cette décision pour ma famille », "
     "a expliqué Pauline Marois devant les militants.", "Pauline Marois", "Première ministre québécoise"),
    # the recogniser tags « Bruno » alone, and the parse makes « Maire » the subject
    ("Le ministre de l'Économie a présenté mardi son plan de relance. Bruno Le Maire a assuré que « la "
     "croissance reviendra ».", "Bruno Le Maire", "ministre de l'Économie"),
    # someone else described between: the name may be theirs
    ("Le maire de Lyon a reçu mardi le champion olympique. Teddy Riner a promis : « Je reviendrai. »",
     "Teddy Riner", None),
    # a coordinated subject is two people, not the one the sentence before spoke of
    ("Paul Roux dénonce une attaque contre sa ville.\n\nLe maire de Lyon et son homologue de Lille, Jean Durand et "
     "Paul Roux, ont écrit au préfet. « C'est inacceptable », a dit Paul Roux.", "Paul Roux", None),
])
def test_a_description_the_article_opens_with_is_the_role_of_the_person_named_next(extract, text, speaker, role):
    [quote] = extract(text)
    assert (quote.speaker.name, quote.speaker.role) == (speaker, role)


def test_a_capitalised_title_with_its_complement_and_no_name_is_a_description(extract):
    [quote] = extract("« Je suis fier », a dit le Chef de l'État devant les soldats.")
    assert (quote.speaker.name, quote.speaker.role) == ("Chef de l'État", "Chef de l'État")
    [quote] = extract("« Nous serons là », a promis le Ministre de la Santé Agnès Buzyn.")
    assert (quote.speaker.name, quote.speaker.role) == ("Agnès Buzyn", "Ministre de la Santé")


@pytest.mark.parametrize("text, role", [
    # the recogniser takes « Premier ministre devant ses partisans » for one name
    ("Édouard Philippe a tenu un meeting samedi. « Je ne suis pas candidat », a répété l'ancien Premier "
     "ministre devant ses partisans.", "ancien Premier ministre"),
    # « face » is tagged a noun: it is a preposition here
    ("Gabriel Attal a répondu aux questions. « Nous tiendrons », a expliqué le ministre face aux journalistes.",
     "ministre"),
])
def test_where_a_description_spoke_is_no_part_of_its_role(extract, text, role):
    [quote] = extract(text)
    assert quote.speaker.role == role


@pytest.mark.parametrize("text, speaker", [
    ("« Nous serons là », a expliqué le porte-parole sur BFMTV.", "porte-parole"),
    ("« Nous serons là », a réagi un porte-parole sur son compte X.", "porte-parole"),
    ("« Nous serons là », a déclaré un habitant sur place.", "habitant"),
])
def test_where_words_were_said_is_no_part_of_an_unnamed_speaker(extract, text, speaker):
    [quote] = extract(text)
    assert quote.speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Quant à la ministre, elle a assuré que les crédits seraient maintenus cette année.", "ministre"),
    ("La ministre de la Santé, Agnès Durand, était à Lille. Le maire, Paul Petit, l'a accueillie. Quant à la "
     "ministre, elle a assuré que les crédits seraient maintenus cette année.", "Agnès Durand"),
    ("Quant au maire, il a promis que la piscine rouvrirait en juin prochain.", "maire"),
])
def test_a_pronoun_after_a_topic_set_off_with_quant_a_is_that_topic(extract, text, speaker):
    [quote] = extract(text)
    assert quote.speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Réaction immédiate de la CGT : « C'est inacceptable. »", "CGT"),
    ("Même son de cloche chez Renault : « Nous ne fermerons aucune usine. »", "Renault"),
    ("Sur France Inter : « Le gouvernement ment. »", None),  # where it was said, not whose words
    ("Réponse du ministre : « Nous ne reculerons pas. »", "ministre"),
    ("Réaction immédiate du président du club : « Nous ferons appel. »", "président du club"),
    ("Dans le bureau du maire : « Rien ne va plus. »", None),  # a place, no noun of saying
])
def test_a_body_or_a_description_whose_reaction_comes_before_a_colon_says_the_quote(extract, text, speaker):
    [quote] = extract(text)
    assert (quote.speaker.name if quote.speaker else None) == speaker


@pytest.mark.parametrize("text, speaker", [
    # the verb's subject is a thing: the source that opens the sentence speaks, not the last speaker
    ("« On nous prend pour des idiots », a lâché Jean Roux. Selon la préfecture, aucune dégradation n'a été "
     "constatée, et le nettoyage « sera facturé aux syndicats ».", "préfecture"),
    # a public body is itself, not the organisation named before
    ("Les Jeunes Agriculteurs ont manifesté jeudi. « On ne lâchera rien », a lancé Jean Roux. Selon la préfecture, "
     "aucune dégradation n'a été constatée, dont le nettoyage « sera facturé aux syndicats ».", "préfecture"),
])
def test_a_quote_whose_verb_has_no_speaking_subject_is_the_source_s(extract, text, speaker):
    quote = extract(text)[-1]
    assert quote.speaker.name == speaker


def test_the_one_told_is_not_whose_lawyer_the_speaker_is(extract):
    [quote] = extract("« Mon client conteste fermement », a indiqué à l'AFP son avocat, Me Paul Roux.")
    assert (quote.speaker.name, quote.speaker.role) == ("Paul Roux", "avocat")


def test_a_role_opening_the_sentence_before_its_apposition_is_the_subject(extract):
    """The parse makes « un homme de 34 ans » the subject: « il » is still the defendant."""
    [quote] = extract("Le prévenu, un homme de 34 ans, a reconnu les faits. « J'étais ivre », a-t-il expliqué.")
    assert quote.speaker.name == "prévenu"


@pytest.mark.parametrize("text, speaker, role", [
    # « pointe » is tagged an adjective; « CFDT » qualifies « délégué »
    ("« Nous sommes inquiets », reconnaît Jean Roux. Le délégué CFDT pointe « un manque de visibilité ».",
     "Jean Roux", "délégué CFDT"),
    ("« Nous sommes inquiets », reconnaît Jean Roux. Le délégué CFDT a dénoncé « un manque de visibilité ».",
     "Jean Roux", "délégué CFDT"),
])
def test_an_organisation_right_after_a_role_noun_is_the_role_s_not_the_speaker(extract, text, speaker, role):
    quote = extract(text)[-1]
    assert (quote.speaker.name, quote.speaker.role) == (speaker, role)


@pytest.mark.parametrize("text, speaker", [
    ("Paul Roux a parlé avec Jean Petit. « Je suis ravi d'être là », a dit ce dernier.", "Jean Petit"),
    ("Paul Roux a parlé avec un dirigeant de la chaîne. « Je suis ravi d'être là », a dit ce dernier.",
     "dirigeant de la chaîne"),
])
def test_the_latter_as_the_inverted_subject_of_an_incise(extract, text, speaker):
    [quote] = extract(text)
    assert quote.speaker.name == speaker


@pytest.mark.parametrize("text", [
    "Le quotidien « Le Monde » révèle que le gouvernement prépare un remaniement.",
    "« Le gouvernement prépare un remaniement », écrit le quotidien « Le Monde ».",
])
def test_a_name_in_marks_after_a_kind_of_organisation_is_its_name(extract, text):
    [quote] = [q for q in extract(text) if q.text != "Le Monde"]
    assert quote.speaker.name == "Le Monde"


@pytest.mark.parametrize("text", [
    "Paul Roux a rencontré la ministre. « Rien n'est décidé », a-t-elle assuré.",
    "La ministre Anne Petit a reçu le maire. « Rien n'est décidé », a-t-il assuré.",
])
def test_a_pronoun_that_names_no_one_is_not_given_to_someone_of_the_other_gender(extract, text):
    """« elle » finds no woman named: the quote is better left without a speaker than given to Paul."""
    [quote] = extract(text)
    assert quote.speaker is None


def test_a_pronoun_still_finds_the_person_of_its_gender(extract):
    [quote] = extract("Paul Roux a rencontré Anne Petit. « Rien n'est décidé », a-t-elle assuré.")
    assert quote.speaker.name == "Anne Petit"


def test_a_relative_clause_closed_before_the_quote_does_not_report_it(extract):
    """The parser makes « souhaité » the sentence's root: the source that opens the sentence speaks."""
    quotes = extract("« Tessellia est la seule », assure Pierre-Louis de Montgazon, associé chez Alderan Capital. Pour "
                     "lui, la valorisation, que ni le fonds ni l'entreprise n'ont souhaité dévoiler, est « exigeante "
                     "mais justifiée ».")
    assert [q.speaker.name for q in quotes] == ["Pierre-Louis de Montgazon"] * 2


def test_a_source_inside_the_sentence_is_not_the_voice_of_its_verb(extract):
    [quote] = extract("Près de 400 agriculteurs selon les organisateurs, 220 selon la police, ont dénoncé "
                      "l'avalanche de « normes absurdes ».")
    assert quote.speaker.name not in ("organisateurs", "police")


def test_a_source_described_after_a_sentence_about_someone_is_not_that_someone(extract):
    """« Paul X souffre d'une « fracture », selon le médecin de l'équipe »: the source speaks of its
    sentence's subject; « le médecin » is someone else, whom the article does not name."""
    [quote] = extract("Paul Martin souffre d'une « fracture de fatigue », selon le médecin de l'équipe.")
    assert quote.speaker.name == "médecin de l'équipe"


@pytest.mark.parametrize("text, speaker", [
    ("Mason Greenwood a inscrit un doublé. « Je me sens bien ici », a confié le Marseillais.", "Mason Greenwood"),
    ("Paul Martin a égalisé en fin de match. Le Stéphanois a assuré que l'équipe ne lâcherait rien.", "Paul Martin"),
])
def test_a_club_or_city_demonym_points_back_to_the_player_named(extract, text, speaker):
    """« le Marseillais », « le Stéphanois » (rules/demonyms.tsv) as sports pages name a player a
    second time; « Mason Greenwood », MISC for the recogniser, is a person as the subject of a verb
    with a known first name (rules/first_names.tsv)."""
    [quote] = extract(text)
    assert quote.speaker.name == speaker
