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
