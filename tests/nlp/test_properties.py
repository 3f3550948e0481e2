"""Properties of the extractor on arbitrary text: it never raises, offsets are exact, quotes
never overlap."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = st.sampled_from([
    "« ", " »", "«", "»", "“", "”", '"', "‘", "’", "‹", "›", "\n", "\n\n", "\u00a0", "\u202f", ", ", ". ", " : ",
    "a déclaré ", "a-t-il dit", ", a-t-elle ajouté, ", "selon ", "Pour ", "d'après ", "Marie Dupont", "le ministre ",
    "l'intéressé ", " que ", "Me ", "Nous viendrons", "\x00", "\u200b", "日本", "🙂", "Ω",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_gives_exact_non_overlapping_quotes(extractor, text):
    quotes = extractor.extract(text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
        for part in (q.cue, q.speaker.mention if q.speaker else None):
            if part is not None:
                assert text[part.start:part.end] == part.text
    spans = sorted((q.start, q.end) for q in quotes)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_unbalanced_marks_in_a_long_article_stay_local(extractor):
    paragraph = "Le conseil municipal a voté « pour le projet. Rien ne bouge ici.\n\n"
    text = paragraph * 200 + "« Fin », a dit Marie Dupont."
    quotes = extractor.extract(text)
    # a paragraph end closes each runaway quote: none swallows the next paragraph
    assert all("\n" not in q.text and q.text in ("pour le projet. Rien ne bouge ici.", "Fin") for q in quotes)
    assert quotes[-1].text == "Fin" and quotes[-1].speaker.name == "Marie Dupont"
