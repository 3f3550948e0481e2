"""Step 1 on raw strings: no model needed."""
from __future__ import annotations

import pytest

from service.nlp.quote_marks import find_quote_spans


def texts(text: str) -> list[str]:
    spans = find_quote_spans(text)
    for s in spans:
        assert text[s.start:s.end] == s.text
    return [s.text for s in spans]


@pytest.mark.parametrize("text", [
    "Elle a dit : «Tout va bien.»",
    "Elle a dit : « Tout va bien. »",
    "Elle a dit : «\u00a0Tout va bien.\u00a0»",
    "Elle a dit : «\u202fTout va bien.\u202f»",
    "Elle a dit : “Tout va bien.”",
    'Elle a dit : "Tout va bien."',
])
def test_every_style_of_mark_gives_the_same_words(text):
    assert texts(text) == ["Tout va bien."]


def test_nested_marks_stay_inside_the_outer_quote():
    text = "« Il m’a lancé “jamais” puis ‹ peut-être › et ‘d’accord’ », raconte-t-elle."
    assert texts(text) == ["Il m’a lancé “jamais” puis ‹ peut-être › et ‘d’accord’"]


def test_apostrophes_are_not_quotation_marks():
    assert texts("L’école d’été a rouvert aujourd’hui.") == []


def test_straight_quotes_after_an_elision():
    assert texts('Il parle d\'"erreur historique" et de "faute".') == ["erreur historique", "faute"]


def test_quote_continued_over_paragraphs():
    text = "« Nous avons tout essayé.\n\n« Rien n’a marché. »\nLa suite."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].text.startswith("Nous avons") and spans[0].text.endswith("marché.")


def test_unclosed_mark_in_mid_paragraph_ends_with_its_paragraph():
    text = "Le maire évoque « un projet.\n\nLe conseil a voté « pour » hier.\n\nFin de l’article."
    assert texts(text) == ["un projet.", "pour"]


def test_unclosed_quote_that_opens_a_paragraph_ends_with_it():
    text = "« Nous serons là demain, a-t-il promis.\n\nLe reste du texte."
    assert texts(text) == ["Nous serons là demain, a-t-il promis."]


def test_stray_closing_mark_is_ignored():
    assert texts("Un » perdu puis « vrai » ici.") == ["vrai"]


def test_reopened_guillemet_restarts_the_quote():
    assert texts("Il dit « premier et « second » fin") == ["second"]


def test_kind_direct_or_partial():
    spans = find_quote_spans("« Nous gagnerons. » Le ministre salue un « tournant ». « Une ère » commence.")
    assert [(s.text, s.kind) for s in spans] == [
        ("Nous gagnerons.", "direct"), ("tournant", "partial"), ("Une ère", "partial")]


def test_empty_and_punctuation_only_quotes_are_dropped():
    assert texts("« » et « … » et «  ! »") == []


# -- marks as real pages have them -------------------------------------------------------------

def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in find_quote_spans(text) if text[s.start:s.end] == s.text]


def test_straight_quotes_with_spaces_inside():
    text = 'La maire juge ces tarifs " inacceptables " et le dit.\n\n" Nous ne paierons pas ", prévient-elle.'
    assert kinds(text) == [("inacceptables", "partial"), ("Nous ne paierons pas", "direct")]


def test_straight_quote_closing_a_sentence_then_a_new_one():
    text = 'Il a répondu : "Vous verrez demain." "Rien n’est décidé, a-t-il ajouté. On attend."'
    assert texts(text) == ["Vous verrez demain.", "Rien n’est décidé, a-t-il ajouté. On attend."]


@pytest.mark.parametrize("text, expected", [
    ("Il réclame l'”ouverture” du dossier.", ["ouverture"]),
    ("Elle souhaite l’”apaisement” des esprits.", ["apaisement"]),
    ("Il juge la mesure d' »injuste » et s'en va.", ["injuste"]),
    ("La séance est levée.”Nous reviendrons demain”, a dit le maire.", ["Nous reviendrons demain"]),
])
def test_a_closing_glyph_glued_to_the_next_word_opens(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", [
    "Le préfet a tranché : ‘’Nous rouvrirons la route lundi.’’",
    "Le préfet a tranché : ''Nous rouvrirons la route lundi.''",
    "Le préfet a tranché : ‘‘Nous rouvrirons la route lundi.’’",
])
def test_doubled_single_marks_are_one_quotation_mark(text):
    spans = find_quote_spans(text)
    assert [(s.text, s.kind) for s in spans] == [("Nous rouvrirons la route lundi.", "direct")]
    assert text[spans[0].close_mark + 1:] == ""  # the closing mark's last character


def test_quote_with_no_opening_mark_begins_with_its_sentence():
    text = ("Le ministre est arrivé mardi. Les discussions ont été franches et utiles pour les deux pays\", "
            "souligne la même source.")
    spans = find_quote_spans(text)
    assert [(s.text, s.kind) for s in spans] == [
        ("Les discussions ont été franches et utiles pour les deux pays", "direct")]
    assert spans[0].open_mark == spans[0].start and text[spans[0].close_mark] == '"'


def test_quote_with_no_opening_mark_after_a_paragraph_left_open():
    text = ("Mais « si rien ne bouge, nous bloquerons les dépôts.\n\n"
            "Le gouvernement a les cartes en main », a prévenu Paul Verdier.")
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].text == "si rien ne bouge, nous bloquerons les dépôts.\n\nLe gouvernement a les cartes en main"
    assert text[spans[0].close_mark] == "»"


def test_quote_with_no_closing_mark_ends_with_its_paragraph():
    text = "Le syndicat parle d’un « recul historique.\n\nLa direction n’a pas répondu."
    spans = find_quote_spans(text)
    assert [(s.text, s.close_mark) for s in spans] == [("recul historique.", None)]


def test_stray_closing_mark_in_running_text_makes_no_quote():
    assert texts("La salle » était pleine et le débat vif.") == []


@pytest.mark.parametrize("text", [
    "« Nous ne céderons pas », a lancé la présidente du club.",
    "PARIS (AFP) – « Nous ne céderons pas », a lancé la présidente du club.",
    "LYON (AFP) - « Nous ne céderons pas », a lancé la présidente du club.",
    "La réunion a duré deux heures.« Nous ne céderons pas », a lancé la présidente du club.",
    "Titre du jour\n\n« Nous ne céderons pas », a lancé la présidente du club.",
])
def test_a_quote_that_opens_the_article_a_dateline_or_a_glued_sentence_is_direct(text):
    assert kinds(text) == [("Nous ne céderons pas", "direct")]


def test_no_space_before_the_next_sentence():
    text = "Le terrain est trop petit.« La mairie doit agir.»La présidente s’est tue."
    assert kinds(text) == [("La mairie doit agir.", "direct")]


def test_guillemet_repeated_at_each_paragraph_of_a_long_quote():
    text = ("Le coach a expliqué : « Nous avons manqué le début.\n\n"
            "« Ensuite, nous avons réagi.\n\n« Je suis fier du groupe », a-t-il conclu.\n\nLa suite.")
    spans = find_quote_spans(text)
    assert len(spans) == 1 and spans[0].kind == "direct"
    assert spans[0].text.startswith("Nous avons manqué") and spans[0].text.endswith("fier du groupe")


def test_dialogue_inside_a_quote_gives_one_quote_per_reply():
    text = ("La présidente l’interroge :\n\n« — Pourquoi êtes-vous parti ?\n\n— J’avais peur.\n\n"
            "— De quoi ?\n\n— De la police. »\n\nLe prévenu baisse la tête.")
    assert kinds(text) == [("Pourquoi êtes-vous parti ?", "direct"), ("J’avais peur.", "direct"),
                           ("De quoi ?", "direct"), ("De la police.", "direct")]


def test_dashes_after_a_quote_never_closed_are_not_replies():
    text = "Elle a dit : « Nous verrons.\n\n— Le budget est voté.\n\n— La séance est levée."
    assert texts(text) == ["Nous verrons."]


def test_inner_quote_left_open_closes_with_the_outer_one():
    assert texts("« Il a crié “jamais puis il est parti », raconte-t-elle.") == ["Il a crié “jamais puis il est parti"]


# -- linear time on any marks --------------------------------------------------------------------

HOSTILE = {
    "open « then runs of “ and ›": lambda n: "« " + "“" * n + "›" * n,
    "a run of « then one of »": lambda n: "«" * n + " x " + "»" * n,
    "tiny straight quotes": lambda n: '"a" ' * n,
    "reversed guillemets": lambda n: "» x « " * n,
    "closing marks with no opening one": lambda n: 'Le mot fin." Il dit oui", puis ' * n,
    "a closing mark closing a paragraph left open": lambda n: "Il dit « oui.\n\nEt non », puis.\n" * n,
    "dialogue replies never closed": lambda n: "« — Oui ?\n" + "— Non.\n" * n,
    "a quote continued over paragraphs": lambda n: "« Début.\n" + "« Suite.\n" * n + "Fin. »",
    "doubled and single marks": lambda n: "‘’a’’ ‘b’ ''c'' ’ " * n,
    "spaces before every mark": lambda n: " " * n + "«" + " " * n + "»" + " " * n + '"' + " " * n,
}


def _calls(function, *args) -> int:
    import sys

    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("shape", HOSTILE, ids=list(HOSTILE))
def test_the_scanner_is_linear_on_hostile_marks(shape):
    """Python calls (generators resumed included) for a text 4 times longer: about 4 times as many."""
    make = HOSTILE[shape]
    small, large = _calls(find_quote_spans, make(500)), _calls(find_quote_spans, make(2000))
    assert large <= 4 * 1.25 * small, f"{shape}: {small} -> {large} calls"


def test_words_said_in_the_first_person_after_a_colon_are_direct_without_a_capital():
    text = 'Tout s\'est emballé en janvier : "depuis le début de l\'année je travaille sur le procès".'
    assert kinds(text) == [("depuis le début de l'année je travaille sur le procès", "direct")]
    # a fragment after a colon, or words in the third person, stay partial
    assert kinds("Il résume le texte en trois mots : « inutile, coûteux, dangereux ».") == [
        ("inutile, coûteux, dangereux", "partial")]
    assert kinds("Le rapport conclut : « les services ont manqué de moyens cette année ».") == [
        ("les services ont manqué de moyens cette année", "partial")]


def test_a_mark_opened_again_at_a_sentence_inside_an_open_quote_goes_on_with_it():
    """« A. B. « C », a-t-il dit »: the page opened the marks again at a sentence, as pages do at a
    paragraph; mid-sentence, « A « B » still means the first was never closed."""
    text = ("Il a répondu : “Elles nous ont assuré qu’elles seraient prêtes. Le moment est venu. “Je demande à la "
            "Commission de le faire”, a-t-il ajouté.")
    assert kinds(text) == [("Elles nous ont assuré qu’elles seraient prêtes. Le moment est venu. “Je demande à la "
                            "Commission de le faire", "direct")]
    assert kinds("Il parle d’un « projet « inutile » pour la ville.") == [("inutile", "partial")]


def test_a_closing_glyph_after_a_colon_opens_the_quote():
    """« a déclaré : » Nous irons … » »: pages turn the opening mark round; the span holds no mark."""
    text = "Le maire a déclaré : » Nous irons jusqu'au bout. » Puis il est parti."
    assert [s.text for s in find_quote_spans(text)] == ["Nous irons jusqu'au bout."]
