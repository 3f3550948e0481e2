"""Extraction work grows linearly with the text: counted in Python calls (deterministic), never
in seconds. A quadratic loop or regex shows up as a ratio near 16 for a text 4 times longer."""
from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

QUOTE = "« Nous ne lâcherons rien », a déclaré Odile Mercier, présidente de l'association. "
SHAPES = {
    "many quoted paragraphs": lambda n: "\n\n".join([QUOTE + "Elle a ensuite quitté la salle."] * n),
    "one long paragraph of quotes": lambda n: QUOTE * n,
    "unbalanced marks": lambda n: "Le « projet avance. » Puis « rien. “ Et ‹ encore " * n,
    "long paragraph without quotes": lambda n: "Le conseil municipal a voté le budget de la ville. " * n,
    "one quote over many paragraphs": lambda n: "« Début du discours.\n\n" + "« Suite du discours.\n\n" * n
                                                + "« Fin », a conclu Odile Mercier.",
}


def python_calls(function, *args) -> int:
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


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_work_grows_linearly_with_the_text(extractor, shape):
    make = SHAPES[shape]
    extractor.extract(make(2))  # warm caches (lexicons, lazy imports) before counting
    small, large = python_calls(extractor.extract, make(10)), python_calls(extractor.extract, make(40))
    assert large / small < 4 * 1.25, f"{shape}: {small} -> {large} calls for 4x the text"


MARKS = st.sampled_from(list("«»“”\"‘’‹›") + ["« ", " »", "\u00a0»", "«\u202f"])
WORDS = st.sampled_from(["Le maire", "a déclaré", "selon lui", "Kim", "東京", "Москва", "مرحبا", "🙂", ",", ".",
                         ":", "\n", "\n\n", "\t", "\r\n", "\x0b", "\u2028", "\ufeff", "\x00", "a-t-il dit"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(MARKS, WORDS, st.text(max_size=30)), min_size=200, max_size=600))
def test_long_mixed_texts_give_exact_non_overlapping_quotes(extractor, parts):
    text = " ".join(parts)
    quotes = extractor.extract(text)
    assert all(text[q.start:q.end] == q.text for q in quotes)
    spans = sorted((q.start, q.end) for q in quotes)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
