"""Extraction work grows linearly with the text, on prose and on hostile texts alike.

Work is counted, never timed: Python calls (``sys.setprofile``, C functions called from Python
included) for the rules, and for the work spaCy does in C, the documents and tokens that go
through each pipeline component and the tokenizer's affix work (quadratic in the length of a run
with no space: one of 20,000 marks once took minutes). A quadratic step shows up as a ratio
near 16 for a text 4 times longer."""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.nlp.extractor import MAX_TOKEN_CHARS
from service.nlp.paragraphs import MAX_PIECE_CHARS

QUOTE = "« Nous ne lâcherons rien », a déclaré Odile Mercier, présidente de l'association. "
NAMES = ["Odile Mercier", "Paul Verdier", "Anne Roux", "Karim Benali", "Fatou Diop", "Hugo Petit"]


def fill(unit: str | Callable[[int], str], chars: int) -> str:
    parts, total, i = [], 0, 0
    while total < chars:
        part = unit(i) if callable(unit) else unit
        parts.append(part)
        total, i = total + len(part), i + 1
    return "".join(parts)


SHAPES: dict[str, Callable[[int], str]] = {
    "many quoted paragraphs": lambda n: fill("\n\n" + QUOTE + "Elle a ensuite quitté la salle.", n),
    "one long paragraph of quotes": lambda n: fill(QUOTE, n),
    "unbalanced marks": lambda n: fill("Le « projet avance. » Puis « rien. “ Et ‹ encore ", n),
    "long paragraph without quotes": lambda n: fill("Le conseil municipal a voté le budget de la ville. ", n),
    "one quote over many paragraphs": lambda n: "« Début du discours.\n\n" + fill("« Suite du discours.\n\n", n)
                                                + "« Fin », a conclu Odile Mercier.",
    "one run of « then one of »": lambda n: "«" * (n // 2) + " x " + "»" * (n // 2),
    "« then runs of “ and ›": lambda n: "« " + "“" * (n // 2) + "›" * (n // 2),
    "tiny straight quotes": lambda n: fill('"a" ', n),
    "tiny quotes with a cue each": lambda n: fill("Il a dit « oui » puis ", n),
    "thousands of short paragraphs": lambda n: fill("« Oui », a dit Paul.\n", n),
    "many entities": lambda n: fill(lambda i: f"{NAMES[i % 6]} et {NAMES[(i + 1) % 6]} ont dit « oui ». ", n),
    "reversed marks after colons": lambda n: fill("Il a dit : » Oui. » ", n),
    # a different surname per quote: name clustering and the misspelling search must stay linear
    "many distinct names": lambda n: fill(lambda i: f"« Oui », a dit Jean {_surname(i)}. ", n),
}


def _surname(i: int) -> str:
    """Bacar, Becar, …: a different capitalised surname for each ``i``."""
    consonants, vowels, letters = "bcdfglmnprstvz", "aeiou", []
    while True:
        i, r = divmod(i, 70)
        letters += [consonants[r % 14], vowels[r // 14]]
        if not i:
            return "".join(letters).capitalize() + "r"
SMALL = 1_500  # characters; the large text is 4 times longer


class _CountingPipe:
    """A pipeline component that counts the documents and tokens it processes."""

    def __init__(self, proc, name: str, counts: Counter):
        self.proc, self.name, self.counts = proc, name, counts

    def _counted(self, doc):
        self.counts["docs"] += 1
        self.counts["component tokens"] += len(doc)
        self.counts["largest doc"] = max(self.counts["largest doc"], len(doc.text))
        return doc

    def pipe(self, docs, batch_size: int = 64):
        done = self.proc.pipe(docs, batch_size=batch_size) if hasattr(self.proc, "pipe") else map(self.proc, docs)
        return (self._counted(doc) for doc in done)

    def __call__(self, doc):
        return self._counted(self.proc(doc))


def measure(extractor, monkeypatch, text: str) -> Counter:
    """The work of one extraction: Python calls and spaCy's documents, tokens and affix work."""
    counts: Counter = Counter()
    nlp = extractor.nlp
    make_doc, get_pipe = type(nlp).make_doc.__get__(nlp), type(nlp).get_pipe.__get__(nlp)

    def counting_make_doc(piece: str):
        words = piece.split()  # the tokenizer splits on spaces, then peels affixes off each word,
        counts["tokenizer affix work"] += sum(len(w) ** 2 for w in words)  # rescanning what is left
        counts["longest word"] = max([counts["longest word"]] + [len(w) for w in words])
        return make_doc(piece)

    monkeypatch.setattr(nlp, "make_doc", counting_make_doc)
    monkeypatch.setattr(nlp, "get_pipe", lambda name: _CountingPipe(get_pipe(name), name, counts))

    def count(frame, event, arg):
        if event in ("call", "c_call"):
            counts["python calls"] += 1

    sys.setprofile(count)
    try:
        extractor.extract(text)
    finally:
        sys.setprofile(None)
        monkeypatch.undo()
    return counts


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_work_grows_linearly_with_the_text(extractor, monkeypatch, shape):
    make = SHAPES[shape]
    extractor.extract(make(200))  # warm caches (lexicons, lazy imports) before counting
    small = measure(extractor, monkeypatch, make(SMALL))
    large = measure(extractor, monkeypatch, make(4 * SMALL))
    for meter in ("python calls", "docs", "component tokens", "tokenizer affix work"):
        assert large[meter] <= 4 * 1.25 * max(small[meter], 1), \
            f"{shape}: {meter} {small[meter]} -> {large[meter]} for 4x the text"
    assert large["longest word"] <= MAX_TOKEN_CHARS and large["largest doc"] <= MAX_PIECE_CHARS


def test_a_text_of_marks_is_only_tokenised(extractor, monkeypatch):
    """Runs of marks and thousands of one-letter quotes are not prose: spaCy's statistical
    components never see them, and their quotes are still returned with exact offsets."""
    for text in ("«" * 3000 + " x " + "»" * 3000, '"a" ' * 1500, "«»\n" * 1000):
        work = measure(extractor, monkeypatch, text)
        assert work["component tokens"] == 0, text[:20]
    text = '"Oui." ' * 1500
    assert measure(extractor, monkeypatch, text)["component tokens"] == 0
    quotes = extractor.extract(text)
    assert len(quotes) == 1500 and all(text[q.start:q.end] == q.text == "Oui." for q in quotes)


def test_a_huge_paragraph_reaches_spacy_in_pieces_with_exact_offsets(extractor, monkeypatch):
    paragraph = " ".join([QUOTE] * 200)  # one paragraph of about 17,000 characters
    work = measure(extractor, monkeypatch, paragraph)
    assert work["largest doc"] <= MAX_PIECE_CHARS and work["docs"] >= len(paragraph) // MAX_PIECE_CHARS
    quotes = extractor.extract(paragraph)
    assert len(quotes) == 200
    assert all(paragraph[q.start:q.end] == q.text == "Nous ne lâcherons rien" for q in quotes)
    assert all(q.speaker is not None and q.speaker.name == "Odile Mercier" for q in quotes)


MARKS = st.sampled_from(list("«»“”\"‘’‹›") + ["« ", " »", "\u00a0»", "«\u202f", "''", "‘’", "’’"])
WORDS = st.sampled_from(["Le maire", "a déclaré", "selon lui", "Kim", "東京", "Москва", "مرحبا", "🙂", ",", ".",
                         ":", "\n", "\n\n", "\t", "\r\n", "\x0b", "\u2028", "\ufeff", "\x00", "a-t-il dit", "— ",
                         "PARIS (AFP) –"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(MARKS, WORDS, st.text(max_size=30)), min_size=200, max_size=600))
def test_long_mixed_texts_give_exact_non_overlapping_quotes(extractor, parts):
    text = " ".join(parts)
    quotes = extractor.extract(text)
    assert all(text[q.start:q.end] == q.text for q in quotes)
    spans = sorted((q.start, q.end) for q in quotes)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_cues_of_one_long_sentence_are_read_in_linear_work(extractor, monkeypatch):
    """One sentence of thousands of cued quotes: a verb's search for an earlier reporting verb whose
    subject it shares, and « ce dernier »'s look back, stay within a few dozen words of each quote
    (they walked the whole sentence: 6.65 times the cost of real articles in bench/adversarial.py,
    2.28 after). spaCy's DependencyMatcher on such a sentence still grows faster than the text."""
    from service.nlp.cues import CueFinder

    make = lambda n: "Il a vu un dirigeant du club, " + fill("et ce dernier lui a répondu que « tout va bien », ", n)
    reporting = CueFinder._is_reporting
    extractor.extract(make(200))
    counts = []
    for chars in (SMALL, 4 * SMALL):
        calls = Counter()

        def counted(self, tok, calls=calls):
            calls["reporting"] += 1
            return reporting(self, tok)

        monkeypatch.setattr(CueFinder, "_is_reporting", counted)
        extractor.extract(make(chars))
        counts.append(calls["reporting"])
    assert counts[1] <= 4 * 1.25 * counts[0], counts
