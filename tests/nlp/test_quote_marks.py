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


def test_unclosed_mark_in_mid_paragraph_does_not_swallow_the_article():
    text = "Le maire évoque « un projet.\n\nLe conseil a voté « pour » hier.\n\nFin de l’article."
    assert texts(text) == ["pour"]


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
