"""Step 6 — reported speech without marks: quotes of kind ``indirect``.

Runs last, on the parsed paragraphs, once the quotes in marks are attributed, and keeps only
what they leave free: an indirect span never overlaps a quote in marks, and a clause that only
frames one (« Il a déclaré que « … » ») is not reported speech. The span is the reported content
only, never the verb nor « que »:

    >>> quotes = get_extractor().extract("Marie Dupont a assuré que les négociations reprendraient "
    ...                                  "lundi. La réforme sera votée en juin, selon la porte-parole.")
    >>> [(q.text, q.speaker.name, q.cue.text) for q in quotes if q.kind == "indirect"]
    [('les négociations reprendraient lundi', 'Marie Dupont', 'a assuré'),
     ('La réforme sera votée en juin', 'porte-parole', 'selon')]

The constructions (``method`` of the quote), content in brackets:

- ``clause``      Le ministre a assuré que [les négociations reprendraient lundi].
- ``complement``  SNCF Réseau a annoncé [avoir subi un vol de câble].  Elle s'est dite [prête à négocier].
- ``incise``      [Le site fermera en juin], a déclaré le président de Renault.
- ``source``      [Le suspect aurait avoué], selon une source proche de l'enquête.
                  D'après le parquet, [l'enquête a été confiée à la police judiciaire].
                  Pour l'économiste Anne Caron, [la hausse des taux est inévitable].

Which verbs take which complement is data (``rules/reported_speech.tsv``); the speaker's words
are found and resolved by the same machinery as for quotes in marks (``CueFinder.subject_of``,
``CueFinder.find`` for incises, ``attribute_speaker`` through the caller's ``speaker_of``).
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources

import numpy
from spacy.attrs import LEMMA
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token

from .cues import (CueFinder, CueMatch, QuotedRegions, en_croire, past_aside, relative_clause_verb,
                   _looks_like_speaker, _opens_clause)
from .lemmas import infinitives, participle_infinitives, stem_alternations
from .lexicon import DEFINITE_ARTICLES, DEFINITE_SINGULAR, OF_WORDS, Lexicon
from .paragraphs import Paragraph
from .references import ORGANISATION, PERSON, EntityIndex
from .speakers import mention_confidence
from .types import Quote, QuoteSpan, Speaker

CONFIDENCE = {"clause": 0.75, "complement": 0.7, "incise": 0.75, "source": 0.7}  # measured: reported speech is right less often
PRIORITY = {"clause": 0, "complement": 0, "incise": 1, "source": 2}  # « a averti que A, selon lui, B »: one clause
MIN_WORDS = 3  # « qu'il viendrait » is reported speech, « qu'oui » is not worth a quote
_QUE = {"que", "qu'", "qu’"}
_REFLEXIVE = {"se", "s'", "s’"}
_CLAUSE_DEPS = ["ccomp", "obj", "xcomp", "advcl", "acl", "parataxis", "dep", "conj", "csubj"]
_SENTENCE_END = {".", "!", "?", "…", "...", ";"}
_ARTICLES = DEFINITE_ARTICLES | OF_WORDS | {"un", "une"}
# « alors que », « bien que »…: a conjunction of time, cause or concession, never what was said
_CONJUNCTION_OPENERS = {"alors", "bien", "tandis", "parce", "avant", "après", "sans", "dès", "ainsi", "afin",
                        "pendant", "depuis", "maintenant", "lors", "même"}
_RELATIVES = {"qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"}
_NEGATIONS = {"ne", "n'", "n’", "pas", "jamais", "guère", "nullement"}
_NEGATION_WORDS = {w.rstrip("'’") for w in _NEGATIONS} | {"plus", "rien"}  # as _WORD finds them in raw text: « affirme ne rien regretter »
_LEADING = {",", ":", "—", "–", "-", "et", "mais", "or", "donc", "Et", "Mais", "Or", "Donc"}
_WORD = re.compile(r"\w+")
_SOURCE_WORDS = re.compile(r"(?i:\bselon\b|\bd['’]apr[eè]s\b|\ben croi(?:re|t)\b|\baux dires\b|\bde l['’]aveu\b|-on appris\b"
                           r"|\byeux\b|\bavis\b|\bpoint de vue\b)"
                           r"|(?:^|[.!?»”]\s+)Pour\b")
_INCISE_AROUND = re.compile(r",\s*(?:(?:a|ont|avait|avaient|aurait|auraient)\s+)?(?:\w+\s+)?$"  # « …, a déclaré »
                            r"|-(?:t-)?(?:il|elle|on|ils|elles)\s+(?:\w+\s+)?$")  # « …, a-t-il assuré »
_QUE_AFTER = re.compile(r"\bqu(?:e\b|['’])")  # « a affirmé mardi à la presse que »
# characters from the verb to its « que », as far as the ten tokens _que_after_verb walks back:
# « a affirmé lundi soir, lors du conseil municipal, que »
_QUE_REACH = 64
_CLITIC_AFTER = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles)\b")  # « ajoute-t-elle »
_COMPLEMENT_WORD = re.compile(r"avoir|être|\w+(?:er|ir|re)|prêts?|prêtes?|\w+(?:é|ée|és|ées|if|ive|ifs|ives|able|ables)")
_VERB_ENDINGS = frozenset({"", "e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "a", "ant", "era", "erait",
                           "eraient", "eront", "èrent", "ra", "rait", "raient", "ront", "it", "ite", "its", "ites",
                           "is", "ise", "ises", "u", "ue", "us", "ues", "t", "s", "nt", "ient", "iennent", "ait",
                           "aît", "aissent", "ut", "ent", "gnent", "ons", "ez", "er", "ir", "re", "sent", "vent", "et",
                           "ettent", "enu", "enue", "int", "oit", "oient", "ivent", "isait", "isaient",
                           "i", "ie", "ies"})  # « démenti », « senti »


@dataclass(frozen=True)
class ReportedClause:
    """The reported content at article offsets ``[start, end)`` and the cue that reports it."""

    start: int
    end: int
    match: CueMatch


def load_frames() -> dict[str, frozenset[str]]:
    """``rules/reported_speech.tsv``: lemma (« faire savoir » included) -> {"que", "inf", "adj"}."""
    text = resources.files("service.nlp").joinpath("rules", "reported_speech.tsv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")][1:]
    return {lemma.strip().lower(): frozenset(frames.split()) for lemma, frames in csv.reader(rows, delimiter="\t")}


def _verb_patterns(lemmas: list[str]) -> dict[str, list[list[dict]]]:
    """``DependencyMatcher`` patterns: a verb of ``lemmas`` and the complement that carries what was said."""
    verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": lemmas}}}
    return {
        "que": [[verb,  # a affirmé que [...]
                    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "content", "RIGHT_ATTRS": {"DEP": {"IN": _CLAUSE_DEPS}}},
                    {"LEFT_ID": "content", "REL_OP": ">", "RIGHT_ID": "que",  # « qu' » is not always a mark
                     "RIGHT_ATTRS": {"LOWER": {"IN": sorted(_QUE)}}}]],
        "inf": [[verb,  # a annoncé [vouloir …]
                 {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "content",
                  "RIGHT_ATTRS": {"DEP": {"IN": _CLAUSE_DEPS}, "MORPH": {"IS_SUPERSET": ["VerbForm=Inf"]}}}],
                [verb,  # a annoncé [avoir subi …]
                 {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "content", "RIGHT_ATTRS": {"DEP": {"IN": _CLAUSE_DEPS}}},
                 {"LEFT_ID": "content", "REL_OP": ">", "RIGHT_ID": "aux",
                  "RIGHT_ATTRS": {"DEP": {"IN": ["aux:tense", "aux:pass", "cop"]},
                                  "MORPH": {"IS_SUPERSET": ["VerbForm=Inf"]}}}]],
        "adj": [[verb,  # s'est dit [prêt à …]
                 {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "content",
                  "RIGHT_ATTRS": {"POS": "ADJ", "DEP": {"IN": [*_CLAUSE_DEPS, "amod", "nsubj", "obl:mod"]}}},
                 {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "se", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(_REFLEXIVE)}}}]],
    }


class ReportedSpeechFinder:
    """Finds reported speech in parsed paragraphs with spaCy matchers on the parse."""

    def __init__(self, vocab, lexicon: Lexicon, cues: CueFinder):
        self.lexicon = lexicon
        self.cues = cues
        self.frames = load_frames()
        self.verbs = DependencyMatcher(vocab)
        verbs = sorted({v.split()[-1] for v in self.frames})
        for frame, patterns in _verb_patterns(verbs).items():
            self.verbs.add(frame, patterns)
        self._verb_lemmas = numpy.array([vocab.strings.add(v) for v in verbs], dtype="uint64")
        self.sources = Matcher(vocab)  # selon X, d'après X, pour X
        of = {"LOWER": {"IN": ["de", "du", "des", "d'", "d’"]}}
        self.sources.add("source", [[{"LOWER": {"IN": ["selon", "pour"]}}],
                                    [{"LOWER": {"IN": ["d'", "d’"]}}, {"LOWER": "après"}],
                                    [{"LOWER": {"IN": ["à", "a"]}}, {"LOWER": {"IN": ["l'", "l’"]}, "OP": "?"},
                                     {"LOWER": "en"}, {"LOWER": "croire"}],  # « À en croire X », « à l'en croire »
                                    [{"LOWER": "si"}, {"LOWER": {"IN": ["l'", "l’"]}, "OP": "?"}, {"LOWER": "on"},
                                     {"LOWER": "en"}, {"LOWER": "croit"}],  # « Si l'on en croit X »
                                    [{"LOWER": "aux"}, {"LOWER": "dires"}, of],  # « Aux dires des témoins »
                                    [{"LOWER": "de"}, {"LOWER": {"IN": ["l'", "l’"]}}, {"LOWER": "aveu"},
                                     {"LOWER": "même", "OP": "?"}, of],  # « De l'aveu même du directeur »
                                    [{"LOWER": "a"}, {"LOWER": "-t"}, {"LOWER": "-on"}, {"LOWER": "appris"},
                                     {"LOWER": {"IN": sorted(lexicon.time_words)}, "OP": "*"}, {"LOWER": "auprès"},
                                     of]])  # « …, a-t-on appris lundi auprès des pompiers »
        # « À ses yeux, … », « À son avis, … », « De son point de vue, … »: the person « son » points to
        self.sources.add("possessive_source", [[{"LOWER": "à"}, {"LOWER": {"IN": ["son", "ses"]}},
                                                {"LOWER": {"IN": ["yeux", "avis"]}}],
                                               [{"LOWER": "de"}, {"LOWER": "son"}, {"LOWER": "point"}, {"LOWER": "de"},
                                                {"LOWER": "vue"}]])
        self.sources.add("source_of", [[{"LOWER": "aux"}, {"LOWER": "yeux"}, of],  # « Aux yeux de l'élue, … »
                                       [{"LOWER": "de"}, {"LOWER": {"IN": ["l'", "l’"]}}, {"LOWER": "avis"}, of]])
        # « …, a-t-on appris de source policière »: the source's noun is the source named, not a word before it
        self.sources.add("unnamed_source", [[{"LOWER": "a"}, {"LOWER": "-t"}, {"LOWER": "-on"}, {"LOWER": "appris"},
                                             {"LOWER": {"IN": sorted(lexicon.time_words)}, "OP": "*"},
                                             {"LOWER": "de"}, {"LOWER": {"IN": ["source", "sources"]}}]])
        say = [v for v, kind in lexicon.reporting_verbs.items() if kind == "say"]
        self._stems = {_stem(v.split()[-1]) for v in (*self.frames, *say)}

    # -- which paragraphs to parse ------------------------------------------------------------
    def worth_parsing(self, text: str) -> bool:
        """A paragraph may hold reported speech: « selon », « d'après », a sentence opening on
        « Pour », or a form of a verb of saying (« a affirmé », « estiment », « dit ») with what
        its constructions need around it: « que », an infinitive or adjective after it, a comma
        or an inverted clitic (« a-t-il ajouté ») before or after it. A cheap test on the raw
        text, before any spaCy step: only these paragraphs are parsed for reported speech."""
        lowered = text.lower()
        if _SOURCE_WORDS.search(text):
            return True
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(lowered)]
        for i, (start, end, word) in enumerate(words):
            if not self._may_be_reporting(word):
                continue
            after = lowered[end:end + 14]
            j = i + 1  # « assure [ne pas vouloir …] »: past a negation of the infinitive
            while j < len(words) and j - i <= 2 and words[j][2] in _NEGATION_WORDS:
                j += 1
            if _QUE_AFTER.search(lowered, end, end + _QUE_REACH) or _INCISE_AROUND.search(lowered[max(0, start - 24):start]) or _CLITIC_AFTER.match(after) \
                    or (j < len(words) and _COMPLEMENT_WORD.fullmatch(words[j][2])) \
                    or any(w in ("avoir", "être") for _, _, w in words[i + 1:i + 9]):  # « a annoncé, lundi, avoir … »
                return True
        return False

    def _may_be_reporting(self, word: str) -> bool:
        """``word`` may be a form of a verb of saying: one of their stems and a verb ending, the
        stem's alternations undone (« rappelle », « martèle », « suggère », « relève »)."""
        forms = {word, *stem_alternations(word)}
        return any(form[:k] in self._stems and form[k:] in _VERB_ENDINGS
                   for form in forms for k in range(2, len(form) + 1))

    # -- entry point --------------------------------------------------------------------------
    def quotes(self, text: str, paragraphs: list[Paragraph], quoted: QuotedRegions, taken: list[Quote],
               index: EntityIndex, speaker_of: Callable[[CueMatch], Speaker | None]) -> list[Quote]:
        """The indirect quotes of an article, in text order, given the quotes in marks already
        ``taken``; ``speaker_of`` turns a cue's speaker words into a ``Speaker`` through ``index``."""
        found = [c for p in paragraphs if p.parsed and self.worth_parsing(p.text) for c in self.find(p, quoted)]
        blocked = [(q.start, q.end) for q in taken]
        kept: list[ReportedClause] = []
        for clause in sorted(found, key=lambda c: (PRIORITY[c.match.method], c.start - c.end, c.start)):
            if not any(s < clause.end and clause.start < e for s, e in blocked):
                kept.append(clause)
                blocked.append((clause.start, clause.end))
        quotes: list[Quote] = []
        for clause in sorted(kept, key=lambda c: c.start):
            match = clause.match
            speaker = speaker_of(match) if match.speaker is not None else None
            speaker = _fullest(speaker, match, index, self.lexicon)
            if speaker is None:  # « l'infectiologue » right after Yves X's quote is him; « les secours » are who speak
                nearby = _speaker_nearby(clause, [*taken, *quotes], paragraphs)
                described = _described(match, self.lexicon)
                speaker = (nearby or described) if _definite_singular(match) else (described or nearby)
            cue = match.paragraph.text_span(match.cue) if match.cue is not None else None
            confidence = round(CONFIDENCE[match.method] * mention_confidence(speaker), 2)
            quotes.append(Quote(text[clause.start:clause.end], clause.start, clause.end, "indirect",
                                speaker, cue, confidence, match.method))
        return quotes

    def find(self, para: Paragraph, quoted: QuotedRegions) -> list[ReportedClause]:
        """Every candidate clause of one parsed paragraph (they may overlap)."""
        self.quoted = quoted
        self.cues.quoted = quoted  # what CueFinder.find sets for its helpers (subject_of) to skip quoted words
        return [*self._verb_complements(para), *self._que_after_verb(para), *self._before_incise(para),
                *self._source_phrases(para)]

    # -- a reporting verb and its complement --------------------------------------------------
    def _verb_matches(self, doc: Doc):
        """The ``DependencyMatcher``'s matches as (frame, token indices), run only on a paragraph
        that holds one of its verbs."""
        if numpy.isin(doc.to_array(LEMMA), self._verb_lemmas).any():
            for match_id, tokens in self.verbs(doc):
                yield doc.vocab.strings[match_id], tokens

    def _verb_complements(self, para: Paragraph) -> list[ReportedClause]:
        doc, found = para.doc, []
        for frame, (verb_i, content_i, *rest) in self._verb_matches(doc):
            verb, content = doc[verb_i], doc[content_i]
            if frame not in self._frames_of(verb) or self._inside(para, verb) or content.i < verb.i \
                    or _negated(verb):
                continue
            if frame == "que":
                if _opens_conjunction(doc[rest[0]]):
                    continue
                first = doc[rest[0]].i + 1  # the word after « que »
                if first - 1 != min(t.i for t in content.subtree):
                    continue  # a relative « que » inside the clause, not the one opening it
            elif frame == "inf":
                first = min([content.i] + [c.i for c in content.children if c.i > verb.i and (
                    c.dep_.startswith("aux") or c.lower_ in _NEGATIONS)])  # « affirme [ne pas avoir …] »
                if _introduced_by_preposition(content, verb):  # « accuse de mentir », « appelle à voter »
                    continue
            else:
                first = content.i
            act = self._speakers_next_act(verb, content) if frame == "que" else None
            last = None if act is None else min(act, _sentence_last(content))
            span = self._content(para, first, content, last=last, cut=True, finite_conj=frame != "que")
            if span is None or (frame != "adj" and not _has_verb(doc[span[0]:span[1]])):
                continue
            subject = self._subject(self._lead_verb(verb) or verb, para)  # « Macron a fait valoir que »: of « fait »
            method = "clause" if frame == "que" else "complement"
            found.append(self._clause(para, span, CueMatch(method, para, _verb_group(verb), subject)))
        return found

    def _que_after_verb(self, para: Paragraph) -> list[ReportedClause]:
        """« a averti que [… to the end of the sentence] » by the words alone, for sentences the
        parser did not hang on the verb: the verb, a few adverbials (« mardi », « à la presse »), « que »."""
        doc, found = para.doc, []
        verbs: dict[int, Token] = {}  # each « que » with the verb of saying it opens the clause of
        for que in doc:
            if que.lower_ not in _QUE or self._inside(para, que) or _opens_conjunction(que):
                continue
            i = que.i - 1
            while i >= max(0, que.i - 10) and (doc[i].pos_ in ("ADV", "ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ")
                                               or doc[i].text == ",") and doc[i].text not in _SENTENCE_END \
                    and not self._mistagged_que_verb(doc[i]):
                i -= 1
            earlier = self._coordinated_que(doc, que, verbs)
            if earlier is not None:
                i = earlier.i  # « a souligné que « … » et que [les discussions continuaient] »
            elif i < 0 or "que" not in self._frames_of(doc[i]) \
                    or doc[i].pos_ not in ("VERB", "AUX") and not self._mistagged_que_verb(doc[i]) \
                    or self._inside(para, doc[i]) or _negated(doc[i]):
                continue
            verb = verbs[que.i] = doc[i]
            last = _sentence_last(que)
            if verb.dep_ == "acl:relcl":  # « X, qui a assuré que [la France tiendra], s'est rendu à Kiev »
                last = min(last, max(t.i for t in verb.subtree))
            head = que.head
            if head.head.i == verb.i and head.i > que.i:  # the parse hangs the clause on the verb
                act = self._speakers_next_act(verb, head)
                last = last if act is None else min(last, act)
                end = max(t.i for t in head.subtree)
                if end + 1 < last and _coordinates_to(doc[end + 1], verb):
                    last = end  # « reconnaît que le budget est serré mais refuse de couper »
            span = self._content(para, que.i + 1, None, last=last, cut=True)
            if span is None or not _has_verb(doc[span[0]:span[1]], finite=True):
                continue
            subject = self._subject(self._lead_verb(verb) or verb, para)
            if subject is not None and subject.start < verb.i < subject.end:
                subject = doc[subject.start:verb.i]  # « Le ministre juge que »: « juge » was read as his noun
            found.append(self._clause(para, span, CueMatch("clause", para, _verb_group(verb), subject)))
        return found

    @staticmethod
    def _coordinated_que(doc: Doc, que: Token, verbs: dict[int, Token]) -> Token | None:
        """The verb of saying of an earlier « que » of the sentence that « et que », « mais que »
        coordinates this one to: « a souligné que rien n'était décidé et que [les discussions continuaient] »."""
        i = que.i - 1
        if i < 1 or doc[i].lower_ not in ("et", "mais", "ou"):
            return None
        for k in range(i - 1, _sentence_start(que) - 1, -1):
            if k in verbs:
                return verbs[k]
        return None

    def _speakers_next_act(self, verb: Token, head: Token) -> int | None:
        """The last token of the content ``head`` heads before a verb coordinated to it that is what
        the speaker did next (``CueFinder.after_saying``), else ``None``."""
        for conj in head.children:
            said = self.cues.after_saying(conj) if conj.dep_ == "conj" and conj.i > head.i else None
            if said is not None and said.i == verb.i:
                return min(t.i for t in conj.subtree) - 1
            if conj.dep_ == "advcl" and conj.i > head.i and _next_act_after_comma(conj, verb):
                return min(t.i for t in conj.subtree) - 1
        return None

    def _mistagged_que_verb(self, tok: Token) -> bool:
        """« Le ministre juge que … », « note que »: a present of a verb taking « que » that the
        tagger took for a noun, an adjective or an adverb, in a sentence with no verb before it."""
        if tok.pos_ not in ("NOUN", "ADJ", "ADV") or not tok.is_lower or not tok.is_alpha:
            return False
        if not any("que" in self.frames.get(v, ()) for v in infinitives(tok.lower_)):
            return False
        return not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.sent.start:tok.i])

    def _subject(self, verb: Token, para: Paragraph) -> Span | None:
        """The verb's subject; of two subjects the parser gave it, the nearest before it: not « un
        verdict » in « Fustigeant un verdict …, son avocate X a indiqué que … »."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i
                    and not self._inside(para, c)]
        if len(subjects) > 1:
            return self.cues.noun_phrase(subjects[-1], para)
        found = self.cues.subject_of(verb, para)
        if found is None:  # « Macron a fait valoir … »: a name the tagger took for an adverb
            i = _verb_group(verb).start - 1
            while i >= 0 and verb.doc[i].pos_ == "ADV" and not verb.doc[i].ent_type_:
                i -= 1
            if i >= 0 and verb.doc[i].ent_type_ in ("PER", "ORG") and not self._inside(para, verb.doc[i]):
                return next(e for e in verb.doc.ents if e.start <= i < e.end)
        return found

    def _lead_verb(self, verb: Token) -> Token | None:
        """The first verb of a two-word reporting verb of the lexicon: « fait » of « a fait savoir »,
        « croit » of « croit savoir »."""
        lead = verb.doc[verb.i - 1] if verb.i else None
        if lead is None:
            return None
        key = f"{(lead.lemma_ or lead.lower_).lower()} {(verb.lemma_ or verb.lower_).lower()}"
        return lead if key in self.frames else None

    def _frames_of(self, verb: Token) -> frozenset[str]:
        """The complements a reporting verb takes, from its lemma or, when the tagger missed it, its
        form (« estime » taken for a noun); « fait savoir » is looked up as one verb."""
        lead = self._lead_verb(verb)
        if lead is not None:
            return self.frames[f"{(lead.lemma_ or lead.lower_).lower()} {(verb.lemma_ or verb.lower_).lower()}"]
        lemma = (verb.lemma_ or verb.lower_).lower()
        if lemma in self.frames:
            return self.frames[lemma] if verb.pos_ in ("VERB", "AUX") else self.frames[lemma] & {"que"}
        for guess in (*infinitives(verb.lower_), *participle_infinitives(verb.lower_)):
            if guess in self.frames:
                return self.frames[guess] & {"que"}
        return frozenset()

    # -- [content], a déclaré X -----------------------------------------------------------------
    def _before_incise(self, para: Paragraph) -> list[ReportedClause]:
        """« [Le site fermera], a déclaré le président », « [Il viendra], a-t-elle assuré »: the
        clause from the start of the sentence to the comma before an incise with a reporting verb."""
        doc, found = para.doc, []
        for comma in doc:
            if comma.text != "," or comma.i + 1 >= len(doc) or self._inside(para, comma):
                continue
            nxt = doc[comma.i + 1]
            if nxt.pos_ not in ("AUX", "VERB") and not self.cues._is_reporting(nxt) \
                    or not any(self.cues._is_reporting(t) for t in doc[comma.i + 1:comma.i + 5]):
                continue
            first = _past_lead_in(doc, _sentence_start(comma), comma.i)
            span = self._content(para, first, None, last=comma.i - 1)
            # a clause, not participles alone: « [Interrogée sur BFMTV, la secrétaire d'État chargée de la Mer],
            # X, a jugé … » is the subject's lead-in; nor a subject with its relative clause: « [Me X, qui
            # défend le prévenu], a plaidé la relaxe » (« la relaxe » is what was pleaded, not who)
            verbs = [t for t in doc[span[0]:span[1]] if t.pos_ in ("VERB", "AUX") and not relative_clause_verb(t)] \
                if span is not None else []
            if not verbs or all("Part" in t.morph.get("VerbForm") for t in verbs):
                continue
            start, end = para.start + doc[span[0]].idx, para.start + doc[span[1] - 1].idx + len(doc[span[1] - 1])
            match = self.cues.find(QuoteSpan(start, end, start, end - 1, "indirect", para.text_span(doc[span[0]:span[1]]).text),
                                   para, para, self.quoted)
            if not self._is_incise(match, comma):
                match = self._faire_incise(para, comma)
                if match is None:
                    continue
            found.append(self._clause(para, span, match))
        return found

    def _is_incise(self, match: CueMatch | None, comma: Token) -> bool:
        """The cue finder's incise right after ``comma``, with a verb of saying in a finite form or
        with a clitic (not « …, jugé coupable de … »), closing the sentence."""
        return match is not None and match.method == "incise" and match.cue is not None \
            and match.cue.start == comma.i + 1 and any(self.cues._is_reporting(t) for t in match.cue) \
            and _ends_sentence(match) and (_has_verb(match.cue, finite=True)
                                           or any(t.lower_ in self.cues.clitics for t in match.cue))

    def _faire_incise(self, para: Paragraph, comma: Token) -> CueMatch | None:
        """« …, a fait savoir ce lundi son avocate »: « faire savoir » and its kin, a date, the subject."""
        doc, i = para.doc, comma.i + 1
        while i < len(doc) and doc[i].pos_ == "AUX" and (doc[i].lemma_ or "").lower() != "faire":
            i += 1
        if i + 1 >= len(doc) or (doc[i].lemma_ or "").lower() != "faire" \
                or "faire " + doc[i + 1].lower_ not in self.frames:
            return None
        verb = doc[i + 1]
        j = verb.i
        when = self.lexicon.time_words
        while j + 1 < len(doc) and (doc[j + 1].pos_ == "ADV" or doc[j + 1].lower_ in when
                                    or (doc[j + 1].pos_ == "DET" and j + 2 < len(doc) and doc[j + 2].lower_ in when)):
            j += 1
        subject = self.cues.noun_phrase_after(doc[j])
        if subject is None or self._inside(para, subject[0]) or not _looks_like_speaker(subject, self.lexicon):
            return None
        match = CueMatch("incise", para, doc[comma.i + 1:verb.i + 1], subject)
        return match if _ends_sentence(match) else None

    # -- selon X, d'après X, pour X ---------------------------------------------------------------
    def _source_phrases(self, para: Paragraph) -> list[ReportedClause]:
        doc, found = para.doc, []
        matches = self.sources(doc)
        for match_id, start, end in matches:
            label = doc.vocab.strings[match_id]
            if label == "unnamed_source":
                end -= 1  # « de [source policière] »
            word = doc[end - 1]
            if self._inside(para, word) or _aside_after_que(doc, start):
                continue
            at_start = all((t.pos_ == "ADV" and word.lower_ != "pour") or t.pos_ == "CCONJ" or t.text in _LEADING
                           for t in doc[_sentence_start(word):start])  # « Toujours selon X, … »
            opens = at_start or _opens_clause(doc[start]) or (start > 0 and doc[start - 1].lower_ in _LEADING)
            if word.lower_ == "pour" and not opens:
                continue
            clitic = en_croire(word)
            if clitic is not None and doc[clitic].lower_ in ("l'", "l’"):
                subject = doc[clitic:clitic + 1]  # « à l'en croire »: the person just spoken of
            elif label == "possessive_source":
                subject = doc[start + 1:start + 2]  # « à ses yeux »: « ses » names them
            else:
                subject = self._author(self.cues.noun_phrase_after(word))
                if subject is None or self._inside(para, subject[0]) \
                        or not (_looks_like_speaker(subject, self.lexicon) or subject[-1].pos_ == "PROPN"
                                or _names_a_document(subject, self.lexicon)):
                    continue  # « selon les cas » names no one; « d'après Dakaractu » names a source
            subject = _with_coordinated_names(subject)
            after = end if label == "possessive_source" else \
                _past_cited_by(doc, _past_apposed_name(doc, past_aside(doc, subject.end)))
            cited = self.cues.cited_source(subject, para)
            if cited is not None:  # « Selon Le Monde, qui cite un proche, … »: the one cited speaks
                subject, after = cited, cited.end
            comma_after = after < len(doc) and doc[after].text == ","
            if word.lower_ == "pour" and not (comma_after or subject[0].pos_ == "PRON"):
                continue  # « Pour le dernier match, … » has no comma right after a speaker
            sent_first, sent_last = _sentence_start(word), _sentence_last(word)
            match = CueMatch("source", para, doc[start:end], subject)
            if at_start:
                first = _clause_start(doc, after + 1 if comma_after else after, sent_last)
                last = min([s - 2 for _, s, _ in matches if first < s - 1 <= sent_last and doc[s - 1].text == ","],
                           default=sent_last)  # not past a second source: « Pour lui, [A], selon Y, B »
                span = self._content(para, first, None, last=last)  # Selon X, [...]
            elif doc[start - 1].text == "," and all(t.is_punct for t in doc[after:sent_last + 1]):
                span = self._content(para, sent_first, None, last=start - 2)  # [...], selon X.
            elif word.lower_ != "pour" and doc[start - 1].text == "," and comma_after:
                # [A], selon X, [B].: the source splits the clause, as an incise splits a quote
                span = self._content(para, sent_first, None, last=sent_last)
                if span is None or not _has_verb(doc[span[0]:span[1]], finite=True) or not span[0] < start - 1 < span[1]:
                    continue
                first = span[0]
                opening = next((e for _, s, e in matches if span[0] <= s and e < start - 1), None)
                if opening is not None:  # « Pour lui, [A], selon Y, [B] »: A is after the first source
                    first = next((t.i + 1 for t in doc[opening:start - 1] if t.text == ","), first)
                relative = doc[after + 1].lower_ in _RELATIVES  # « selon une source, qui confirme … »: no [B]
                for piece in ((first, start - 1), (after + 1, after + 1 if relative else span[1])):
                    if piece[0] < piece[1]:
                        found.append(self._clause(para, piece, match))
                continue
            else:
                continue
            if span is None or not _has_verb(doc[span[0]:span[1]], finite=True):
                continue
            found.append(self._clause(para, span, match))
        return found

    def _author(self, phrase: Span | None) -> Span | None:
        """« selon des informations de RTL », « d'après les projections de la banque »: when the
        head of the phrase after « selon » cannot speak, the body its complement names does."""
        if phrase is None:
            return None
        head = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or head.ent_type_ or _looks_like_speaker(phrase[head.i - phrase.start:head.i - phrase.start + 1],
                                                                 self.lexicon):
            return phrase
        of = next((t for t in phrase if t.i > head.i and t.lower_ in OF_WORDS), None)
        if of is None or of.i + 1 >= phrase.end:
            return phrase
        author = phrase.doc[of.i + 1:phrase.end]
        return author if _looks_like_speaker(author, self.lexicon) else phrase

    # -- the content's words ------------------------------------------------------------------
    def _content(self, para: Paragraph, first: int, head: Token | None, last: int | None = None,
                 cut: bool = False, finite_conj: bool = False) -> tuple[int, int] | None:
        """Token range ``[first, end)`` of the reported content: the head's subtree (or up to
        ``last``), within its sentence, trimmed of punctuation. ``None`` when the clause opens on
        a quote or right after one (it frames a quote in marks), holds one (unless ``cut``: then
        it ends at the comma before a quote, « … le déclin du réseau, notamment le « marché » »),
        is a question or is too short. ``finite_conj``: a finite verb coordinated to the head is
        the subject's next act, not what was said (« estiment avoir fait leur temps et aimeraient … »)."""
        doc = para.doc
        if last is None:
            last = min(max(t.i for t in head.subtree), _sentence_last(head))
            if finite_conj:
                for c in head.children:
                    if c.dep_ == "conj" and c.i > head.i and "Fin" in c.morph.get("VerbForm"):
                        last = min(last, min(t.i for t in c.subtree) - 1)
        while first <= last and (doc[first].is_punct or doc[first].is_space) and doc[first].text not in "«“\"":
            first += 1
        if first + 3 <= last and doc[first].lower_ == "selon" and doc[first + 1].pos_ == "PRON" \
                and doc[first + 2].text == ",":
            first += 3  # « a expliqué que, selon lui, [la réforme serait votée] »
        before = first - 1
        while before >= 0 and doc[before].text in (",", ":", "-", "—", "–"):
            before -= 1
        if before >= 0 and self._inside(para, doc[before]):
            return None  # « « … », a résumé le gouverneur »: the words after a quote are its incise
        if _sentence_last(doc[last]) < len(doc) and doc[_sentence_last(doc[last])].text == "?":
            return None  # a question reports nothing
        for i in range(first, last + 1):
            if self._inside(para, doc[i]):
                if i <= first + 1 or not cut:
                    return None  # « a déclaré que « … » »: the quote is what is reported
                commas = [j for j in range(first, i) if doc[j].text in (",", ";", "(", "—", "–")]
                if not commas:
                    return None  # « a estimé que la décision était « inacceptable » »
                last = commas[-1] - 1
                break
        for j in range(first + 1, last):  # « a reconnu avoir commis des erreurs, sans donner de détails »
            if doc[j].text == "," and (_manner_of_saying(doc, j + 1) or self._incise_at(doc, j + 1)
                                       or self._reporting_participle_at(doc, j + 1) or self._comment_at(doc, j + 1)):
                last = j - 1  # « estime que la réforme menace des emplois, a déclaré sa secrétaire générale »
                break
        while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in ")»”%":
            last -= 1
        if sum(t.is_alpha for t in doc[first:last + 1]) < MIN_WORDS or doc[first].lower_ in _RELATIVES:
            return None  # « …, qui s'est offert … » is no clause of its own
        return first, last + 1

    def _comment_at(self, doc, i: int) -> bool:
        """« affirme que 60 % des salariés ont suivi le mouvement, un chiffre contesté par la direction »:
        an indefinite noun of a claim (``rules/claim_nouns.txt``) is the journalist's comment on it."""
        return i + 1 < len(doc) and doc[i].lower_ in ("un", "une", "des") \
            and doc[i + 1].lemma_.lower() in self.lexicon.claim_nouns

    def _reporting_participle_at(self, doc, i: int) -> bool:
        """« a rappelé que …, précisant qu'aucun accord … »: a present participle of saying opens the
        speaker's next words, not more of these."""
        return i < len(doc) and "Part" in doc[i].morph.get("VerbForm") and "Pres" in doc[i].morph.get("Tense") \
            and self.cues._is_reporting(doc[i])

    def _incise_at(self, doc, i: int) -> bool:
        """« a déclaré X », « précise-t-il », « estime le maire »: a reporting verb opens an incise at ``i``."""
        if i < len(doc) and doc[i].pos_ == "AUX" and doc[i].lower_ in ("a", "ont", "avait", "avaient"):
            i += 1
        elif i < len(doc) and "Part" in doc[i].morph.get("VerbForm"):
            return False  # « aurait, selon X, reconnu les faits »: a participle alone opens no incise
        return i + 1 < len(doc) and self.cues._is_reporting(doc[i]) \
            and (doc[i + 1].lower_ in self.cues.determiners or doc[i + 1].lower_ in self.cues.clitics
                 or doc[i + 1].pos_ == "PROPN" or doc[i + 1].pos_ == "ADV")

    def _clause(self, para: Paragraph, span: tuple[int, int], match: CueMatch) -> ReportedClause:
        words = para.text_span(para.doc[span[0]:span[1]])
        end = words.end - 1 if words.text.endswith(".") and not words.text.endswith("..") else words.end  # « 150 km/h. »
        return ReportedClause(words.start, end, match)

    def _inside(self, para: Paragraph, tok: Token) -> bool:
        return (para.start + tok.idx) in self.quoted


def _next_act_after_comma(clause: Token, verb: Token) -> bool:
    """A clause the parser hung on the content, set off by a comma, that is what the speaker did
    next: « a expliqué que le suspect avait avoué, avant d'ajouter que … », « …, tout en reconnaissant
    que … »; or, when the verb of
    saying is in a relative clause, the main verb of its antecedent: « Paul X, qui a précisé que
    le chantier serait fini en mai, s'est dit satisfait »."""
    doc, first = clause.doc, min(t.i for t in clause.subtree)
    if first == 0 or doc[first - 1].text != ",":
        return False
    if any(c.dep_ == "mark" and c.lower_ == "avant" for c in clause.children) or _gerund_at(doc, first):
        return True
    relative = verb.dep_ == "acl:relcl" and any(c.dep_.startswith("nsubj") and c.lower_ == "qui" for c in verb.children)
    finite = "Fin" in clause.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in clause.children)
    return relative and finite and not any(c.dep_.startswith("nsubj") for c in clause.children)


def _aside_after_que(doc: Doc, start: int) -> bool:
    """« a expliqué que, selon lui, … »: a source set off inside a clause a verb of saying reports,
    whose subject is the speaker."""
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in ("que", "qu'", "qu’")


def _gerund_at(doc: Doc, i: int) -> bool:
    """« (tout) en reconnaissant », « en ajoutant »: a gerund, what the speaker does as they speak."""
    if doc[i].lower_ == "tout":
        i += 1
    return i + 1 < len(doc) and doc[i].lower_ == "en" and "Part" in doc[i + 1].morph.get("VerbForm") \
        and "Pres" in doc[i + 1].morph.get("Tense")


def _names_a_document(phrase: Span, lexicon: Lexicon) -> bool:
    """« selon l'étude », « d'après le rapport »: its author speaks (``speakers`` finds them)."""
    head = next((t for t in phrase if t.pos_ == "NOUN"), None)
    return head is not None and (head.lemma_ or head.lower_).lower() in lexicon.document_nouns


def _stem(lemma: str) -> str:
    """The part of a verb its forms start with: « admettre » -> « adm » (admis, admet),
    « reconnaître » -> « reconn », « déclarer » -> « déclar », « dire » -> « di »."""
    for ending in ("aître", "ettre", "enir", "indre", "oire", "ire", "ir", "er", "re"):
        if lemma.endswith(ending) and len(lemma) - len(ending) >= 2:
            return lemma[: len(lemma) - len(ending)]
    return lemma


_LEAD_VERBS = frozenset(lemma.split()[0] for lemma in load_frames() if " " in lemma)  # « faire » of « faire savoir »


def _verb_group(verb: Token) -> Span:
    """The verb with its auxiliaries, reflexive and lead verb: « a affirmé », « s'est dit », « a fait
    savoir », « a laissé entendre »."""
    doc, start = verb.doc, verb.i
    while start > 0 and (doc[start - 1].pos_ == "AUX" or doc[start - 1].lower_ in _REFLEXIVE
                         or (doc[start - 1].lemma_ or "").lower() in _LEAD_VERBS):
        start -= 1
    return doc[start:verb.i + 1]


def _introduced_by_preposition(content: Token, verb: Token) -> bool:
    """« accuse les journalistes de crier », « appelle à voter »: a preposition opens the infinitive."""
    return any(c.dep_ in ("mark", "case") and c.i < content.i for c in content.children) \
        or (content.i > 0 and content.doc[content.i - 1].lower_ in ("de", "d'", "d’", "à") and content.i - 1 > verb.i)


def _speaker_nearby(clause: ReportedClause, quotes: list[Quote], paragraphs: list[Paragraph]) -> Speaker | None:
    """Words that name no one the article knows (« Elle précise que … » after « La CSC a indiqué
    que … », « l'infectiologue a annoncé que … ») name the speaker the text is giving the floor to:
    the one of the quote just before, in the same or the previous paragraph, else the next one in
    the same paragraph."""
    here = clause.match.paragraph.index

    def paragraph_of(quote: Quote) -> int:
        return next(p.index for p in reversed(paragraphs) if p.start <= quote.start)

    named = sorted((q for q in quotes if q.speaker is not None), key=lambda q: q.start)
    before = [q for q in named if q.end <= clause.start and here - paragraph_of(q) <= 1]
    if before:
        return before[-1].speaker
    after = [q for q in named if q.start >= clause.end and paragraph_of(q) == here]
    return after[0].speaker if after else None


def _definite_singular(match: CueMatch) -> bool:
    """« l'infectiologue », « le communiqué », « il »: words for someone or something just spoken of."""
    words = match.speaker
    return words is None or words[0].lower_ in DEFINITE_SINGULAR or words[0].pos_ == "PRON"


def _described(match: CueMatch, lexicon: Lexicon) -> Speaker | None:
    """« …, ont indiqué les secours »: the subject of a verb of saying speaks, whatever its noun;
    an article that names no one gives its description (« secours », « enquêteurs »); not a
    document (its author speaks) nor a date the parser took for the subject (« a annoncé jeudi »)."""
    words = match.speaker
    if words is None or match.method == "source" or not any(t.pos_ == "NOUN" for t in words) \
            or any(t.lower_ in lexicon.time_words or (t.lemma_ or "").lower() in lexicon.document_nouns for t in words):
        return None
    toks = [t for t in words]
    while toks and toks[0].lower_ in _ARTICLES:  # « sa mère » keeps its possessive, « les secours » loses « les »
        toks = toks[1:]
    if not toks or toks[0].pos_ in ("PRON", "ADP"):
        return None
    return Speaker(words.doc[toks[0].i:words.end].text.strip(" ,"), PERSON, None, match.paragraph.text_span(words))


def _fullest(speaker: Speaker | None, match: CueMatch, index: EntityIndex, lexicon: Lexicon) -> Speaker | None:
    """The fullest name for a speaker ``attribute_speaker`` left short:

    - « le Comité de normalisation de la PFF » -> the whole name, not the recogniser's « Comité de normalisation »;
    - « a déclaré la commissaire européenne au Commerce », with « la commissaire Cecilia X » elsewhere
      in the article -> Cecilia X: the person whose role has that head noun."""
    if speaker is None or match.speaker is None:
        return speaker
    words = match.speaker
    title = speaker.name.split()[0].lower() if speaker.name.split() else ""
    if speaker.type == ORGANISATION and title in lexicon.role_nouns:  # « la Commissaire européenne au Commerce »
        person = index.person_by_role(title, match.paragraph.start + words.start_char)
        if person is not None:
            index.add_role(person, speaker.name)  # her role, if she has none or it is a fuller form of hers
            return Speaker(person, PERSON, index.role_of(person), speaker.mention)
    if speaker.type == ORGANISATION:
        said = words.text
        for det in ("le ", "la ", "les ", "l'", "l’"):
            said = said[len(det):] if said.lower().startswith(det) else said
        rest = said[len(speaker.name):].split()
        if said.startswith(speaker.name) and rest and rest[0].lower() in OF_WORDS | {"de la", "de l'"}:
            return replace(speaker, name=said.strip(" ,"))
        return speaker
    if speaker.type != PERSON or index.knows(speaker.name) or any(t.ent_type_ == "PER" for t in words):
        return speaker
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in OF_WORDS), None)
    if head is None:
        return speaker
    position = match.paragraph.start + words.start_char
    person = index.person_by_role(head.lower_, position)
    if person is None:
        return speaker
    index.add_role(person, speaker.name)
    return Speaker(person, PERSON, index.role_of(person), speaker.mention)


def _past_lead_in(doc, first: int, comma: int) -> int:
    """Where the reported clause starts in a sentence that opens on a dateline (« PARIS (Reuters) - »)
    or on a detached participle or adverbial (« Condamné lundi à trois ans, [il fera appel] »)."""
    for i in range(first, min(first + 6, comma)):
        if doc[i].text in ("-", "–", "—") and not _has_verb(doc[first:i]):
            return i + 1
    lead = doc[first]
    if lead.pos_ in ("ADP", "ADV") or (lead.pos_ == "VERB" and "Part" in lead.morph.get("VerbForm")):
        for i in range(first + 1, comma):
            if doc[i].text == ",":
                return i + 1 if _has_verb(doc[i + 1:comma], finite=True) else first
    return first


def _with_coordinated_names(subject: Span) -> Span:
    """« selon Syna et Unia », « d'après Anne X et Paul Y »: the names joined to the source's."""
    doc, end = subject.doc, subject.end
    if not subject.ents or subject.ents[-1].end != end:
        return subject
    while end + 1 < len(doc) and doc[end].lower_ in ("et", ",") and doc[end + 1].ent_iob_ == "B" \
            and doc[end + 1].ent_type_ in ("PER", "ORG"):
        end = next(e.end for e in doc.ents if e.start == end + 1)
    return doc[subject.start:end]


def _past_apposed_name(doc, i: int) -> int:
    """« Pour l'échevin, Anne X (Ecolo), … »: after the name set off by commas after the source."""
    if i + 1 >= len(doc) or doc[i].text != "," or not (doc[i + 1].ent_iob_ == "B" and doc[i + 1].ent_type_ == "PER"):
        return i
    end = past_aside(doc, next(e.end for e in doc.ents if e.start == i + 1))
    return end if end < len(doc) and doc[end].text == "," else i


_RELAY_PARTICIPLES = ("cité", "interrogé", "contacté", "joint", "interviewé", "relayé", "repris")


def _past_cited_by(doc, i: int) -> int:
    """« selon la police, citée par l'AFP, », « selon des témoins interrogés par Le Parisien »: the
    medium that relays the source is no part of the sentence around it; where it ends, else ``i``."""
    k = i + 1 if i < len(doc) and doc[i].text == "," else i
    if not (k + 1 < len(doc) and doc[k].lower_.rstrip("s").rstrip("e").startswith(_RELAY_PARTICIPLES)
            and doc[k + 1].lower_ == "par"):
        return i
    k += 2
    while k < len(doc) and not doc[k].is_punct:
        k += 1
    return k


def _manner_of_saying(doc, i: int) -> bool:
    """« sans donner de détails », « en précisant … »: after a comma, how the thing was said, not what."""
    if i + 1 >= len(doc):
        return False
    word, nxt = doc[i], doc[i + 1]
    return (word.lower_ == "sans" and "Inf" in nxt.morph.get("VerbForm")) or (
        word.lower_ == "en" and nxt.pos_ in ("VERB", "AUX") and "Part" in nxt.morph.get("VerbForm")
        and "Pres" in nxt.morph.get("Tense"))


def _coordinates_to(cc: Token, verb: Token) -> bool:
    """« mais refuse »: a conjunction opening a verb coordinated to ``verb``, with no subject of its own."""
    other = cc.head
    return cc.dep_ == "cc" and other.dep_ == "conj" and other.head.i == verb.i and other.pos_ == "VERB" \
        and not any(c.dep_.startswith("nsubj") for c in other.children)


def _opens_conjunction(que: Token) -> bool:
    """« a déclaré X, alors que la séance commençait »: « que » closes a conjunction, it opens no speech."""
    return que.i > 0 and que.doc[que.i - 1].lower_ in _CONJUNCTION_OPENERS


def _negated(verb: Token) -> bool:
    """« ne prétend pas maîtriser », « n'a jamais dit que »: nothing was said."""
    return any(c.lower_ in _NEGATIONS for c in verb.children)


def _clause_start(doc, i: int, last: int) -> int:
    """Where the clause starts, past what is set off by a comma before its first finite verb:
    « Pour lui comme pour son équipe, [c'est …] », « Selon le parquet, cité par l'AFP, [le conducteur …] »."""
    start = i
    for j in range(i, last + 1):
        if doc[j].pos_ in ("VERB", "AUX") and "Fin" in doc[j].morph.get("VerbForm"):
            break
        if doc[j].text == ",":
            start = j + 1
    return start


def _has_verb(span: Span, finite: bool = False) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and (not finite or "Fin" in t.morph.get("VerbForm")) for t in span)


def _sentence_start(tok: Token) -> int:
    """The first token of ``tok``'s sentence, by punctuation (the parser's splits can be wrong)."""
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i - 1].text not in _SENTENCE_END:
        i -= 1
    return i


def _sentence_last(tok: Token) -> int:
    """The last token of ``tok``'s sentence (its final punctuation), by punctuation."""
    doc, i = tok.doc, tok.i
    while i + 1 < len(doc) and doc[i].text not in _SENTENCE_END:
        i += 1
    return i


def _ends_sentence(match: CueMatch) -> bool:
    """The incise closes the sentence (or an apposition or adverbial follows a comma): not
    « …, a déclaré le ministre qui devait partir » — a new clause after the speaker."""
    doc, i = match.paragraph.doc, match.speaker.end
    return i >= len(doc) or doc[i].text in _SENTENCE_END | {",", ":", "(", "»", "”"} or not _has_verb(
        doc[i:_sentence_last(doc[i]) + 1], finite=True)
