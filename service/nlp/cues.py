"""Step 2 — find the cue that introduces a quote and the words naming its speaker.

Tried in this order, first hit wins:

- ``incise``:     « … », a déclaré Marie Dupont.  /  « … », a-t-elle ajouté.  /  « … », estime-t-il.
- ``colon``:      Le ministre a prévenu : « … »
- ``governing``:  the nearest reporting verb above the quote in the parse:
                  Le maire a affirmé que la ville « ne cédera pas »;  Il a qualifié l'accord de « farce »
- ``source``:     Selon le ministre, la réforme est « indispensable »;  Pour l'économiste Jean Dupont, …
- ``preceding``:  a reporting verb earlier in the sentence the parse failed to connect.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .lemmas import infinitives, participle_infinitives
from .lexicon import DEFINITE_ARTICLES, OF_WORDS, Lexicon
from .names import HONORIFICS
from .normalize import name_key
from .paragraphs import Paragraph
from .roles import ROLE_ADVERBS, anaphor_at, with_modifiers
from .types import QuoteSpan

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_SHARED_REACH = 60  # tokens back to an earlier reporting verb whose subject a participle shares
SHARED_SUBJECT_DEPS = ("conj", "advcl", "xcomp", "acl", "ccomp", "parataxis", "dep", "fixed")
_QUOTE_MARKS = set("«»“”„‹›\"")
_SENTENCE_END = {".", "!", "?", "…"}
_INCISE_LEADS = {",", "—", "–", "-"}
_DEMONSTRATIVES = {"celle", "celui"}  # « …, explique celle qui a … »
_MAX_INCISE_TAIL = 16
_SENTENCE_WINDOW = 150  # tokens: a real sentence has fewer before or after the quote
_FAIRE_FORMS = {"fait", "font", "faisait", "faisaient", "fera", "feront"}  # « fait savoir », « fait » tagged a noun
_CUE_WINDOW = 16  # tokens: no cue pattern (rules/cue_patterns.json) spans more
_SOURCE_PLACE_PREPOSITIONS = {"à", "au", "aux", "dans", "chez", "auprès"}  # « …, confie-t-on à l'Élysée »
_NOT_SUBJECTS = {"-t", "l'", "l’", "le", "la", "les", "lui", "leur", "se", "s'", "s’", "y", "en"}  # « Il l'a invité »
_SKIPPABLE_BEFORE_VERB = {"ne", "n'", "n’", "se", "s'", "s’", "y", "en", "lui", "leur", "l'", "l’", "le", "la", "les",
                          "nous", "vous", "me", "m'", "m’", "te", "t'", "t’"}


@dataclass
class CueMatch:
    """Tokens of the cue (may be ``None``) and of the speaker's mention, in one paragraph."""

    method: str
    paragraph: Paragraph
    cue: Span | None
    speaker: Span | None
    interruption: tuple[int, int] | None = None  # article offsets of an incise inside the quote


def _opens_relative_demonstrative(doc: Doc, i: int, end: int) -> bool:
    """« celle qui », « celui qui » at token ``i`` (before ``end``): the one who, as a subject."""
    return i + 1 < end and doc[i].lower_ in _DEMONSTRATIVES and doc[i + 1].lower_ == "qui"


class QuotedRegions:
    """Which article offsets lie inside a quotation (marks included)."""

    def __init__(self, spans: list[QuoteSpan]):
        self._starts = [s.open_mark for s in spans]
        self._ends = [(s.close_mark + 1) if s.close_mark is not None else s.end for s in spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


class CueFinder:
    """Finds cues with spaCy ``Matcher`` patterns from ``rules/cue_patterns.json`` and the parse."""

    def __init__(self, vocab, lexicon: Lexicon, clitics: list[str], determiners: frozenset[str]):
        self.lexicon = lexicon
        self.clitics = {c.lower() for c in clitics}
        self.determiners = determiners
        self.matcher = Matcher(vocab)
        for name, pattern in lexicon.cue_patterns.items():
            self.matcher.add(name, [pattern])
        self._sentence_ends_of: tuple | None = None  # (doc, quoted regions) of ``_sentence_ends``
        self._sentence_ends: list[int] = []

    # -- entry point -------------------------------------------------------------------------
    def find(self, quote: QuoteSpan, opening: Paragraph, closing: Paragraph, quoted: QuotedRegions,
             previous: Paragraph | None = None) -> CueMatch | None:
        self.quoted = quoted
        if opening.cue_budget <= 0:
            return None  # far more quotes than prose has: the rest get no cue (Paragraph.cue_budget)
        opening.cue_budget -= 1
        strategies = (lambda: self._incise_after(quote, closing),
                      lambda: self._utterance_after_colon(quote, closing),
                      lambda: self._colon_before(quote, opening, strong=True, previous=previous),
                      lambda: self._incise_inside(quote, opening),
                      lambda: self._en_croire(quote, opening),
                      lambda: self._passive_agent(quote, opening),
                      lambda: self._governing_verb_or_closing_source(quote, opening),
                      lambda: self._mistagged_main_verb(quote, opening),
                      lambda: self._quoted_predicate(quote, opening),
                      lambda: self._source_phrase(quote, opening),
                      lambda: self._preceding_verb(quote, opening),
                      lambda: self._colon_before(quote, opening, strong=False, previous=previous))
        for strategy in strategies:
            match = strategy()
            if match is not None and not self._cue_had_its_quote(match, quote):
                return match
        return None

    def _cue_had_its_quote(self, match: CueMatch, quote: QuoteSpan) -> bool:
        """« Paul X lâche un « tsss » et son avocat s'avance : « … » »: a verb before another quote
        of the same sentence, with a colon after that one, reports it, not this one (« a qualifié
        cela d'« escalade » et de « grave » » reports both)."""
        if match.cue is None or match.cue.start_char + match.paragraph.start > quote.open_mark:
            return False
        para, doc = match.paragraph, match.cue.doc
        i = para.token_after(quote.open_mark)
        if i is None:
            return False
        between = [t for t in doc[match.cue.end:i] if t.sent == match.cue[-1].sent]
        quoted = [k for k, t in enumerate(between) if self._inside(para, t)]
        # its object: « lâche un « tsss » », not « s'explique sur le choix emprunté à « L'Étranger » : »
        return bool(quoted) and quoted[0] <= _OBJECT_WORDS and any(t.text == ":" for t in between[quoted[-1]:])

    # -- helpers shared by the strategies ----------------------------------------------------
    def _inside(self, para: Paragraph, tok: Token) -> bool:
        return (para.start + tok.idx) in self.quoted

    def _is_reporting(self, tok: Token) -> bool:
        if tok.pos_ == "X":  # a word the tagger did not know: « a tweeté »
            return self._reporting_participle_form(tok.lower_)
        if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
            return False
        if tok.pos_ == "VERB" and (tok.lemma_ or "").lower() in self.lexicon.reflexive_verbs and not _reflexive(tok):
            return False  # « pour amuser un député : « … » »: the deputy was amused, and spoke
        prev = tok.doc[tok.i - 1] if tok.i else None
        after_faire = prev is not None and ((prev.lemma_ or "").lower() == "faire" or prev.lower_ in _FAIRE_FORMS)
        if (tok.lemma_ or "").lower() == "faire" and self._faire_noun(tok) is not None:
            return True  # « fait état de « … » »: the quote hangs on « fait », not on « état »
        return self.lexicon.is_reporting(tok.lemma_, after_faire) or (
            tok.pos_ in ("VERB", "AUX") and (self.lexicon.is_reporting(tok.lemma_)
                                             or self._reporting_finite_form(tok.lower_)))

    def _reporting_finite_form(self, word: str) -> bool:
        """« estime », « dénoncent »: a present form of a reporting verb, whatever the tagger said."""
        return any(self.lexicon.is_reporting(v) for v in infinitives(word))

    def _reporting_participle_form(self, word: str) -> bool:
        """« jugée », « tweeté »: a past participle of a reporting verb, whatever the tagger said."""
        return any(self.lexicon.is_reporting(v) for v in participle_infinitives(word))

    def _is_reporting_participle(self, tok: Token) -> bool:
        """« qualifiés », « jugée », « présentée »: a past participle of a reporting verb, whatever
        the tagger made of it."""
        return tok.is_alpha and (self._is_reporting(tok) and tok.pos_ in ("VERB", "ADJ")
                                 or self._reporting_participle_form(tok.lower_))

    def _match_at(self, doc: Doc, i: int) -> tuple[str, int] | None:
        """The longest cue pattern match starting at token ``i``, as (pattern name, end): the
        patterns run on the few tokens there, not on the whole paragraph."""
        best = None
        for match_id, start, end in self.matcher(doc[i:i + _CUE_WINDOW]):
            if start == 0 and (best is None or i + end > best[1]):
                best = (doc.vocab.strings[match_id], i + end)
        return best

    # -- strategies --------------------------------------------------------------------------
    def _incise_after(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        if quote.close_mark is None:
            return None
        doc = para.doc
        i = para.token_after(quote.close_mark + 1)
        if i is None:
            return None
        while i < len(doc) and doc[i].text in _QUOTE_MARKS:
            i += 1
        comma = i < len(doc) and doc[i].text in _INCISE_LEADS
        if comma:
            i += 1
        match = self._match_at(doc, i) or self._mistagged_incise_verb(doc, i)
        if match is None:
            return None
        if not comma and quote.kind == "partial" and not match[0].startswith("INCISE_CLITIC") \
                and not self._is_reporting(doc[match[1] - 1]):
            return None  # « « Nous continuerons » a déclaré le maire »: a comma left out; not « « X » a gagné »
        name, end = match
        span = doc[i:end]
        if name == "INCISE_INVERTED_FAIRE" and not self.lexicon.is_reporting(span[-1].lemma_, after_faire=True):
            return None  # « », fait savoir l'entourage », not « », fait sourire la maire »
        if name.startswith("INCISE_CLITIC"):
            clitic = next(t for t in span if t.lower_ in self.clitics)
            verb = next((t for t in reversed(span) if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and t.i > clitic.i), None)
            cue = doc[i:end] if verb is None else doc[span.start:end]
            where = self._impersonal_source(doc, end, para) if clitic.lower_ in ("-on", "on") else None
            return CueMatch("incise", para, cue, where or doc[clitic.i:clitic.i + 1])
        verb = span[-1]
        if any(c.dep_.startswith("nsubj") and c.i < i and not self._inside(para, c)
               and not self._in_reported_clause(c, quote, para) for c in verb.children):
            return None  # « Le collectif, baptisé « X », réclame … »: the verb has its subject before
        subject = self._inverted_subject(verb, para)
        if subject is None or self._inside(para, subject[0]):
            return None
        subject = self.cited_source(subject, para) or self._voice_of(subject, para) or subject
        named = any(t.ent_type_ == "PER" for t in subject)
        inverted = verb.i == i and "Fin" in verb.morph.get("VerbForm") and self._role_follows(doc, subject.start)
        if not self._is_reporting(verb) and name != "INCISE_MISTAGGED" and not named and not inverted:
            return None  # « « … », motive l'actrice »: a verb right after the quote, inverted, names its speaker
        return CueMatch("incise", para, span, subject)

    def _utterance_after_colon(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        """« « On nous a abandonnés » : la colère des habitants de Mayotte »: a quote opening its
        sentence, as a headline does, then a colon, a noun of words said or of a feeling voiced
        (``rules/utterance_nouns.txt``) and, after « de », whose they are."""
        if quote.close_mark is None:
            return None
        doc = para.doc
        i = para.token_after(quote.close_mark + 1)
        if i is None:
            return None
        while i < len(doc) and doc[i].text in _QUOTE_MARKS:
            i += 1
        if i >= len(doc) or doc[i].text != ":":
            return None
        opening = para.token_after(quote.open_mark)
        if opening is None or opening != self._sentence(para, opening).start:
            return None
        j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ in self.determiners)
        words = [t.lower_ for t in doc[j:j + 4]]
        noun = next((n for n in self.lexicon.utterance_nouns if tuple(words[:len(n)]) == n), None)
        k = j + len(noun) if noun is not None else None
        if k is None or k >= len(doc) or doc[k].lower_ not in OF_WORDS:
            return None
        subject = self.noun_phrase_after(doc[k])
        if subject is None or self._inside(para, subject[0]) or not _looks_like_speaker(subject, self.lexicon):
            return None
        return CueMatch("colon", para, doc[j:k], subject)

    @staticmethod
    def _in_reported_clause(tok: Token, quote: QuoteSpan, para: Paragraph) -> bool:
        """``tok`` is among reported words where a verb follows it with no comma between: the words
        are its clause, and the parser took it for the subject of the incise's verb by mistake
        (« [La Banque centrale européenne demeure résolue à …], a déclaré X », « demeure » taken
        for a noun), unlike the subject of « [L'opposition, menée par X], conteste »."""
        if quote.kind != "indirect" or not quote.start <= para.start + tok.idx < quote.end:
            return False
        for t in tok.doc[tok.i + 1:para.token_before(quote.end) + 1]:
            if t.text == ",":
                return False
            if t.pos_ in ("VERB", "AUX"):
                return True
        return False

    def _impersonal_source(self, doc: Doc, i: int, para: Paragraph) -> Span | None:
        """« …, explique-t-on à Matignon », « …, indique-t-on dans l'entourage du ministre », « …,
        apprend-on de source policière », « …, indique-t-on du côté de la préfecture »: with « on », the
        place, circle or source named after the verb is the speaker."""
        if i < len(doc) and "Inf" in doc[i].morph.get("VerbForm"):
            i += 1  # « …, peut-on lire dans le communiqué de X »
        if i + 1 < len(doc) and doc[i].lower_ == "de" and doc[i + 1].lower_ == "source":
            return self.noun_phrase(doc[i + 1], para)  # « …, indique-t-on de source policière »
        if i + 2 < len(doc) and doc[i].lower_ == "du" and doc[i + 1].lower_ == "côté" and doc[i + 2].lower_ in OF_WORDS:
            i += 2  # « …, indique-t-on du côté de la préfecture »
        elif i >= len(doc) or doc[i].lower_ not in _SOURCE_PLACE_PREPOSITIONS:
            return None
        lead = doc[i]
        if lead.lower_ == "auprès" and i + 1 < len(doc) and doc[i + 1].lower_ in OF_WORDS:
            lead = doc[i + 1]
        place = self.noun_phrase_after(lead)
        if place is None or self._inside(para, place[0]) or place[-1].pos_ == "PRON":
            return None
        return place if _looks_like_speaker(place, self.lexicon) or place.ents else None

    def _fronted_source(self, verb: Token, para: Paragraph) -> Span | None:
        """« Du côté de la CGT, on dénonce « … » », « Chez Renault, on assure que … »: with « on »
        before the verb, the circle named by the phrase that opens the sentence is the speaker."""
        doc, start = verb.doc, verb.sent.start
        comma = next((t.i for t in doc[start:verb.i] if t.text == ","), None)
        if comma is None:
            return None
        if [t.lower_ for t in doc[start:start + 2]] == ["du", "côté"] and start + 2 < comma:
            lead = doc[start + 2]  # « de », « du », « des »
        elif doc[start].lower_ == "côté" and start + 1 < comma:
            lead = doc[start]  # « Côté syndicats, on dénonce … »
        elif doc[start].lower_ in _SOURCE_PLACE_PREPOSITIONS:
            lead = doc[start]
        else:
            return None
        place = self.noun_phrase_after(lead)
        if place is None or place.end > comma or self._inside(para, place[0]) or place[-1].pos_ == "PRON":
            return None
        return place if _looks_like_speaker(place, self.lexicon) else None

    def continues(self, cue: str) -> bool:
        """« a ajouté », « poursuit-elle », « a-t-il conclu »: a cue saying its speaker spoke just before."""
        words = [w for w in cue.lower().replace("’", "'").split() if w not in self.clitics]
        if not words:
            return False
        verb = words[-1].split("-", 1)[0]
        return any(v in self.lexicon.continuation_verbs
                   for v in (verb, *infinitives(verb), *participle_infinitives(verb)))

    def _mistagged_incise_verb(self, doc: Doc, i: int) -> tuple[str, int] | None:
        """« …», tranche l'intéressée », « … », note la ministre »: a reporting verb the tagger took
        for a noun, recognised by its form and the determiner of the subject after it."""
        if i < len(doc) and doc[i].lower_ in ("s'", "s’", "se"):
            i += 1  # « », s'indigne Marie X »: « indigne » taken for the adjective
        if i + 1 >= len(doc) or doc[i].pos_ not in ("NOUN", "ADJ", "PROPN") or not doc[i].is_lower:
            return None
        if not self._reporting_finite_form(doc[i].lower_):
            return None
        k = i + 1 + self.lexicon.aside_at(doc, i + 1)  # « juge pour sa part X »
        if doc[k].text == ",":  # « lâche, amère, Sophie X », « martèle, dans un entretien au Parisien, X »:
            # past how or where it was said, set off by commas
            k = next((j + 1 for j in range(k + 1, min(k + 9, len(doc) - 1)) if doc[j].text == ","), k)
        nxt = doc[min(k, len(doc) - 1)]
        named = nxt.ent_iob_ == "B" and nxt.ent_type_ == "PER"  # « », tonne Marie X »
        if nxt.lower_ in self.determiners or nxt.text in HONORIFICS or named:
            return "INCISE_MISTAGGED", i + 1
        return None

    def _incise_inside(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        """« Nous sommes prêts, a-t-il assuré, à négocier » : the cue sits between commas inside."""
        if quote.kind != "direct" or not para.parsed:
            return None
        tokens = para.tokens_between(quote.start, quote.end)
        if tokens is None:
            return None
        for tok in tokens[1:-1]:
            if tok.text == ",":
                found = self._incise_at(tok, tokens, para)
                if found is not None:
                    return found
        return None

    def _incise_at(self, comma: Token, quote: Span, para: Paragraph) -> CueMatch | None:
        """The incise that opens after ``comma`` inside the marks, up to the next comma or the
        end of the sentence, with what the journalist adds after the speaker:

            « A, a-t-il fini par répondre. B »          « A, a-t-elle lancé en se levant. B »
            « A, s'est défendu M. X à la reprise. B »    « A, sourit le pilier Marc X, dit “Tonton”. B »
            « A, poursuit celle qui a dirigé trois orchestres, B »
        """
        doc = comma.doc
        name, end = self._match_at(doc, comma.i + 1) or ("", 0)
        if end >= quote.end:
            return None
        relative = False
        if name.startswith("INCISE_CLITIC"):
            subject = next(t for t in doc[comma.i + 1:end] if t.lower_ in self.clitics)
            subject, k = doc[subject.i:subject.i + 1], end
        elif name == "INCISE_INVERTED" and self._is_reporting(doc[end - 1]):
            subject = self._incise_subject(doc, end, quote)
            if subject is None:
                return None
            k, relative = subject.end, subject[-1].lower_ == "qui"
            if subject[0].lower_ in _DEMONSTRATIVES:
                subject = subject[:1]
        else:
            return None
        k = self._incise_tail(doc, k, quote.end, relative)
        if k is None:
            return None
        if doc[k].text == "," and (self._role_follows(doc, k + 1) or _verbless_apposition(doc, k + 1)
                                   or doc[k + 1].lower_ in self.lexicon.nickname_words):
            k += 1  # « , arboriculteur à Y », « , dit “Titi” » : the apposition stays in the incise
            while k < quote.end - 1 and doc[k].text not in (",", ".", "!", "?"):
                k += 1
        if k >= quote.end - 1 or doc[k].text not in (",", ".", "!", "?"):
            return None
        if doc[k].text != "," and not (doc[k + 1].is_title or doc[k + 1].is_upper or doc[k + 1].text in _QUOTE_MARKS):
            return None  # after a full stop, the quote goes on with a new sentence
        interruption = (para.start + comma.idx, para.start + doc[k].idx + 1)
        return CueMatch("incise", para, doc[comma.i + 1:end], subject, interruption)

    def _incise_subject(self, doc: Doc, i: int, quote: Span) -> Span | None:
        """The inverted subject after an incise verb: a name (``M. Paul X``, ``le pilier Marc X``),
        a role (``la ministre``) or « celle qui … » / « celui qui … » (the words up to « qui »)."""
        if _opens_relative_demonstrative(doc, i, quote.end):
            return doc[i:i + 2]
        if _name_follows(doc, i):
            person = next(e for e in doc.ents if e.start >= i and e.label_ == "PER")
            return doc[i:person.end] if person.end < quote.end else None
        phrase = self.noun_phrase_after(doc[i - 1])
        if phrase is None or phrase.end >= quote.end or phrase[0].i != i or phrase[0].pos_ == "PRON":
            return None
        head = next((t for t in phrase if t.pos_ == "NOUN"), None)  # « témoigne ce garagiste »: by its ending
        agent = head is not None and self.lexicon.is_agent_noun(head.lower_)
        return phrase if agent or _looks_like_speaker(phrase, self.lexicon) else None

    @staticmethod
    def _incise_tail(doc: Doc, k: int, end: int, relative: bool) -> int | None:
        """Where the incise ends (the comma or full stop after it), past the adverbials, gerunds and
        complements the journalist adds: « à la reprise », « en se tournant vers les jurés »,
        « par répondre »; a finite verb outside a relative clause is the quote going on."""
        for j in range(k, min(end - 1, k + _MAX_INCISE_TAIL)):
            tok = doc[j]
            if tok.text in (",", ".", "!", "?"):
                return j
            if tok.lower_ in ("qui", "que", "qu'", "qu’", "dont", "où") and tok.pos_ == "PRON":
                relative = True
            elif tok.text in (";", ":") or (tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")
                                            and not relative):
                return None
        return None

    def _passive_agent(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        """« Des propos qualifiés de « honteux » par Paul X », « une position jugée « frileuse » par
        le président de …, Anne Y »: the agent after the quote speaks."""
        if quote.close_mark is None:
            return None
        doc = para.doc
        i = para.token_after(quote.open_mark)
        after = para.token_after(quote.close_mark + 1)
        if i is None or after is None or i == 0:
            return None
        j = i - 1
        if j > 0 and doc[j].lower_ in ("de", "d'", "d’", "comme"):
            j -= 1
        if not self._is_reporting_participle(doc[j]) or self._inside(para, doc[j]):
            return None
        while after < len(doc) and doc[after].text in _QUOTE_MARKS:
            after += 1
        if after >= len(doc) or doc[after].lower_ != "par":
            return None
        agent = self.noun_phrase_after(doc[after])
        if agent is None or not _looks_like_speaker(agent, self.lexicon):
            return None
        return CueMatch("governing", para, self._verb_group(doc[j]), agent)

    def _past_role_apposition(self, doc: Doc, i: int, reach: int = 10) -> int | None:
        """The comma closing a role set off from ``i`` (« aujourd'hui consultant pour une chaîne, »),
        after an adverb of when at most; ``None`` if no role or a finite verb comes first."""
        if i < len(doc) and doc[i].lower_ in ROLE_ADVERBS:
            i += 1
        if not self._role_follows(doc, i):
            return None
        for k in range(i, min(i + reach, len(doc))):
            if doc[k].text == ",":
                return k
            if doc[k].is_punct or doc[k].pos_ == "AUX" or "Fin" in doc[k].morph.get("VerbForm"):
                return None
        return None

    def _role_follows(self, doc: Doc, i: int) -> bool:
        while i < len(doc) and doc[i].lower_ in self.determiners:
            i += 1
        return i < len(doc) and (doc[i].lower_ in self.lexicon.role_nouns
                                     or (doc[i].lemma_ or "").lower() in self.lexicon.role_nouns)

    def _inverted_subject(self, verb: Token, para: Paragraph) -> Span | None:
        """The subject after an incise verb, past any adverbials:
        « … », a martelé mardi soir sur une radio le chef de l'État, Jean Dupont; « celle qui … »
        is the person just spoken of (« … », promet celle qui dirige la fédération)."""
        doc = verb.doc
        if _opens_relative_demonstrative(doc, verb.i + 1, len(doc)):
            return doc[verb.i + 1:verb.i + 2]
        anaphor = anaphor_at(doc[verb.i + 1], self.lexicon) if verb.i + 1 < len(doc) else None
        if anaphor is not None:  # « », a dit ce dernier », « », a assuré l'intéressée »; not « l'Américaine Coco X »
            words = doc[verb.i + 1:anaphor[1].i + 1]
            phrase = " ".join(t.lower_ for t in words)
            if phrase not in ("il", "elle") and phrase not in self.lexicon.demonym_anaphors:
                return words
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i > verb.i and not self._inside(para, child):
                phrase = self.noun_phrase(child, para)
                if _looks_like_speaker(phrase, self.lexicon):
                    return phrase
        nearest = self.noun_phrase_after(verb)
        if nearest is not None and _looks_like_speaker(nearest, self.lexicon):
            return nearest
        organisation = None
        for tok in doc[verb.i + 1:]:
            if tok.text in _SENTENCE_END or tok.text in _QUOTE_MARKS:
                break
            lemma = (tok.lemma_ or tok.lower_).lower()
            first = with_modifiers(tok, self.lexicon.prenominal_modifiers)  # « la vice-Première ministre »
            described = tok.pos_ == "NOUN" and (lemma in self.lexicon.role_nouns or lemma in self.lexicon.organisation_nouns) \
                and first.i > 0 and doc[first.i - 1].lower_ in self.determiners
            if tok.ent_iob_ == "B" and tok.ent_type_ == "PER" and tok.i > 0 and doc[tok.i - 1].lower_ == "à":
                continue  # « a indiqué à Rabat le gouverneur », « a dit à Paul X »: a place, the one told
            if (tok.ent_iob_ == "B" and tok.ent_type_ == "PER") or described:
                return self.noun_phrase(tok, para)
            if organisation is None and tok.ent_iob_ == "B" and tok.ent_type_ == "ORG":
                organisation = tok  # « sur France Inter » may only be where it was said
        return self.noun_phrase(organisation, para) if organisation is not None else nearest

    def _colon_before(self, quote: QuoteSpan, para: Paragraph, strong: bool,
                      previous: Paragraph | None = None) -> CueMatch | None:
        """« X a déclaré : « … » », also across a paragraph break: « Le juge aborde le vol : ⏎ « … » »."""
        doc = para.doc
        i = para.token_after(quote.open_mark)
        if i == 0 and previous is not None and previous.parsed and len(previous.doc) \
                and previous.doc[-1].text == ":":
            para, doc, i = previous, previous.doc, len(previous.doc)  # the quote opens the paragraph after the colon
        if i is None or i == 0 or doc[i - 1].text != ":":
            return None
        sent = self._sentence(para, i)
        aside = _bracketed(doc, sent.start, i - 1)
        before = [t for t in doc[sent.start:i - 1] if not self._inside(para, t) and t.i not in aside]
        verbs = [t for t in before if self._is_reporting(t) and not relative_clause_verb(t)
                 and not _asked_opener(t)]
        if strong and verbs:
            verb = verbs[-1]
            return CueMatch("colon", para, self._verb_group(verb), self.subject_of(verb, para))
        if strong and i >= 2 and self._mistagged_verb(doc[i - 2], before_colon=True):  # « Un témoin, …, raconte : « … » »
            subject = self._subject_of_mistagged(doc[i - 2], para, sent)
            if subject is not None:
                return CueMatch("colon", para, doc[i - 2:i - 1], subject)
        last_and = next((k for k in range(len(before) - 1, 0, -1) if before[k].lower_ in ("et", "mais", ";")), None)
        if not strong and last_and is not None and before[last_and - 1].text not in (",", ";") \
                and not _joins_names(before[last_and]):
            # « Paul X lâche un soupir et son avocat s'avance : « … » »: the last clause's subject
            tok = next((t for t in before[last_and + 1:] if not t.pos_ in ("DET", "ADJ")), None)
            if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
                phrase = self.noun_phrase(tok, para)
                if _looks_like_speaker(phrase, self.lexicon):
                    return CueMatch("colon", para, None, phrase)
        verbless = bool(before) and not any(t.pos_ in ("VERB", "AUX") for t in before)
        if not strong and verbless and before[0].i == sent.start and before[0].lower_ in self.determiners:
            head = next((t for t in before if t.pos_ == "NOUN"), None)  # « Les élèves de seconde : « … » »
            if head is not None and _looks_like_speaker(doc[head.i:head.i + 1], self.lexicon):
                return CueMatch("colon", para, None, self.noun_phrase(head, para))
        if not strong and verbless:
            # « Réaction immédiate de la maire, Anne X : « … » », « Même son de cloche chez Y : « … » »
            people = [e for e in doc.ents if e.label_ == "PER" and before[0].i <= e.start and e.end <= i - 1
                      and not self._inside(para, e[0])]
            if people:
                return CueMatch("colon", para, None, self.noun_phrase(people[-1][-1], para))
            # « Réaction immédiate de la CGT : « … » », « Même son de cloche chez Renault : »: whose
            bodies = [e for e in doc.ents if e.label_ == "ORG" and before[0].i < e.start and e.end == i - 1
                      and _after_whose(doc, e.start)]
            if bodies:
                return CueMatch("colon", para, None, doc[bodies[-1].start:bodies[-1].end])
            # « Réponse du ministre : « … » », « Colère de la maire : »: a noun, then whose words
            head = next((t for t in before[1:] if t.pos_ == "NOUN" and t.lower_ in self.lexicon.role_nouns
                         and _after_whose(doc, t.i)), None)
            if before[0].pos_ == "NOUN" and head is not None:
                start = with_modifiers(head, self.lexicon.prenominal_modifiers).i
                start -= start > 0 and doc[start - 1].lower_ in DEFINITE_ARTICLES  # « du », « des » are whose
                end = self._extend_right(head, para)
                if end == i - 1:
                    return CueMatch("colon", para, None, doc[start:end])
        if not strong:
            roots = [t for t in before if t.dep_ == "ROOT"]
            if roots:
                subject = self.subject_of(roots[0], para)  # not an impersonal « il » (« Il fallait … : »)
                if subject is not None and subject[0].dep_ != "expl:subj" and (
                        _looks_like_speaker(subject, self.lexicon) or _place_acting(subject, self.lexicon)):
                    return CueMatch("colon", para, None, subject)
            subjects = [t for t in before if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN")]
            if subjects:  # the parse hung the sentence on the quote: the last subject before the colon
                subject = self.noun_phrase(subjects[-1], para)
                if _looks_like_speaker(subject, self.lexicon) or _place_acting(subject, self.lexicon):
                    return CueMatch("colon", para, None, subject)
            # no subject that speaks (« Le texte a fait bondir un député : « … » »): the person the
            # sentence ends on, right before the colon, reacts
            last = doc[i - 2] if i >= 2 and before and before[-1].i == i - 2 else None
            if last is not None and last.pos_ in ("NOUN", "PROPN") and (last.ent_type_ == "PER" or (
                    last.pos_ == "NOUN" and doc[last.i - 1].lower_ in ("un", "une"))):
                phrase = self.noun_phrase(last, para)
                if _looks_like_speaker(phrase, self.lexicon) and not any(t.ent_type_ in ("ORG", "MISC") for t in phrase):
                    return CueMatch("colon", para, None, phrase)
        return None

    def _governing_verb_or_closing_source(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        """The verb the quote depends on, unless a source closes the sentence and the verb is a body's
        or tells a stance (``rules/attitude_verbs.txt``): « Le groupe espère que l'arrêt « ne dépassera
        pas un mois », selon un porte-parole », « X s'est dit « préoccupé », selon un communiqué de Y »:
        the source put it into words. « X a qualifié … de « clapotis », selon Y » stays X's. A verb
        with no subject leaves the quote to the sentence's source."""
        match = self._governing_verb(quote, para)
        if match is not None and (match.speaker is None or not _looks_like_speaker(match.speaker, self.lexicon)):
            # « Selon la préfecture, aucune dégradation n'a été constatée …, dont le nettoyage « … » »:
            # a verb with no one who speaks as its subject, in a sentence a source opens or closes
            closing = self._source_phrase(quote, para, trailing=True)
            if closing is not None:
                return closing
            source = self._source_phrase(quote, para)
            sentence = self._sentence(para, source.cue.start) if source is not None else None
            opens = sentence is not None and all(t.pos_ in ("ADV", "CCONJ") or t.is_punct
                                                 for t in para.doc[sentence.start:source.cue.start])
            return source if opens else match  # « Toujours selon X, … », not « 400 selon les organisateurs »
        if match is None or match.cue is None:
            return match
        head, verb = match.speaker.root, match.cue[-1]
        body = head.ent_type_ in ("ORG", "LOC") or (head.lemma_ or head.lower_).lower() in self.lexicon.organisation_nouns
        lemma = (verb.lemma_ or verb.lower_).lower()
        reflexive = any(c.lower_ in ("s'", "s’", "se") for c in verb.children)
        stance = lemma in self.lexicon.attitude_verbs or reflexive and f"se {lemma}" in self.lexicon.attitude_verbs
        if not stance and (not body or any(t.ent_type_ == "PER" for t in match.speaker)):
            return match
        return self._source_phrase(quote, para, trailing=True) or match

    def _governing_verb(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        if not para.parsed:
            return None
        tokens = para.tokens_between(quote.start, quote.end)
        if tokens is None:
            return None
        inside = {t.i for t in tokens}
        best: Token | None = None
        best_depth = 99
        for tok in tokens:
            if tok.head.i in inside and tok.head.i != tok.i:
                continue
            node, depth = tok, 0
            while node.head.i != node.i and depth < 12:
                if node.dep_.startswith("nsubj") and node.i not in inside:
                    break  # a quote inside a subject is not what its verb reports
                node, depth = node.head, depth + 1
                if node.i not in inside and self._is_reporting(node) and not self._inside(para, node):
                    if depth < best_depth:
                        best, best_depth = node, depth
                    break
        if best is not None and _closed_relative_before(best, tokens[0]):
            best = None
        if best is None:
            best = self._verb_before_quoted_saying(tokens, inside, para)
        if best is None:
            return None
        return CueMatch("governing", para, self._verb_group(best), self.subject_of(best, para))

    def _verb_before_quoted_saying(self, tokens: Span, inside: set[int], para: Paragraph) -> Token | None:
        """« Anne X a tenu à « saluer l'implication de tous » », « a voulu « rappeler que … » »: the
        quote opens on an infinitive of saying, so the subject of the verb it completes said it."""
        for tok in tokens:
            head = tok.head
            if head.i in inside and head.i != tok.i or "Inf" not in tok.morph.get("VerbForm"):
                continue
            if head.i >= tok.i or head.pos_ != "VERB":  # « a d'emblée tenu à « saluer » »: « tenu » lost
                head = _verb_right_before(tok)
            if self._is_reporting(tok) and head is not None and not self._inside(para, head):
                return head
            return None
        return None

    def _quoted_predicate(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        """« Le groupe « regrette » la décision et « étudie toutes les options » »: the quoted words
        are the subject's own verb (finite), so the subject said them; there is no cue."""
        if quote.kind != "partial" or not para.parsed:
            return None
        tokens = para.tokens_between(quote.start, quote.end)
        if tokens is None:
            return None
        inside = {t.i for t in tokens}
        tops = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        verb = tops[0] if len(tops) == 1 else None
        if verb is None or verb.pos_ != "VERB" or "Fin" not in verb.morph.get("VerbForm") or verb.i != tokens[0].i:
            return None
        subject = self.subject_of(verb, para)
        if subject is None or self._inside(para, subject[0]) \
                or subject[0].pos_ == "PRON" and subject[0].lower_ not in ("il", "elle") \
                or not _looks_like_speaker(subject, self.lexicon):
            return None
        return CueMatch("governing", para, None, subject)

    def _mistagged_main_verb(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        """« Anne Roy juge la réforme « brutale » », « La CFDT, par la voix de …, estime que « … » »:
        the tagger took the reporting verb for a noun (« juge ») and the sentence has no verb; it
        is recognised by its form, right after a name or a closing comma, before a determiner or
        « que »."""
        doc = para.doc
        i = para.token_after(quote.open_mark)
        if i is None or not para.parsed:
            return None
        sent = self._sentence(para, i)
        before = [t for t in doc[sent.start:i] if not self._inside(para, t)]
        if any(t.pos_ == "VERB" for t in before):
            return None
        for tok in before[1:]:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if not self._mistagged_verb(tok) or nxt is None \
                    or not (nxt.lower_ in self.determiners or nxt.lower_ in ("que", "qu'", "qu’") or nxt.text in _QUOTE_MARKS):
                continue
            subject = self._subject_of_mistagged(tok, para, sent)
            if subject is not None:
                return CueMatch("governing", para, doc[tok.i:tok.i + 1], subject)
        return None

    def _mistagged_verb(self, tok: Token, before_colon: bool = False) -> bool:
        """A finite reporting verb the tagger took for a noun or adjective (« juge », « raconte »),
        known by its form and by having no determiner or preposition before it; right before a
        colon, also after a noun with its determiner (« Une bénévole sourit : « … » »), and after a
        noun right before « que »."""
        doc = tok.doc
        prev = doc[tok.i - 1] if tok.i else None
        if prev is None or not (tok.pos_ in ("NOUN", "ADJ") and tok.is_lower and self._reporting_finite_form(tok.lower_)):
            return False
        if before_colon and prev.pos_ == "NOUN" and prev.i > 0 and doc[prev.i - 1].lower_ in self.determiners:
            return True
        if prev.pos_ in ("NOUN", "PROPN") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("que", "qu'", "qu’"):
            return True  # « La ministre juge que … »: no noun takes « que » right after it
        return prev.pos_ not in ("DET", "ADP", "ADJ", "NOUN") and prev.lower_ not in self.determiners

    def _subject_of_mistagged(self, verb: Token, para: Paragraph, sent: Span) -> Span | None:
        """The subject of a mistagged verb: the name just before it, or, after an apposition
        closed by a comma, the sentence's first noun phrase."""
        doc, prev = verb.doc, verb.doc[verb.i - 1]
        if prev.pos_ in ("PROPN", "NOUN"):
            if prev.dep_ == "nmod" and prev.head.i == prev.i - 1 and prev.head.pos_ == "NOUN":
                prev = prev.head  # « Le délégué CFDT pointe … »: the noun the name qualifies
            subject = self.noun_phrase(prev, para)
            subject = doc[subject.start:min(subject.end, verb.i)]  # not the verb taken for an adjective
        elif prev.text == ",":
            first = next((t for t in doc[sent.start:verb.i] if t.pos_ in ("NOUN", "PROPN")), None)
            subject = self.noun_phrase(first, para) if first is not None else None
        else:
            return None
        return subject if subject is not None and _looks_like_speaker(subject, self.lexicon) else None

    def _en_croire(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        """« À l'en croire, il reste « calme » », « à en croire le maire, « tout va bien » »: the
        source named (or pointed back to by « l' ») in the quote's sentence, before « croire »
        could be taken for a verb governing the quote."""
        i = para.token_after(quote.open_mark)
        if i is None or not para.parsed:
            return None
        doc = para.doc
        for tok in self._sentence(para, i):
            clitic = en_croire(tok) if tok.i < i and not self._inside(para, tok) else None
            if clitic is None:
                continue
            pronoun = doc[clitic].lower_ in ("l'", "l’")
            subject = doc[clitic:clitic + 1] if pronoun else self.noun_phrase_after(tok)
            if subject is not None and not self._inside(para, subject[0]) \
                    and (pronoun or _looks_like_speaker(subject, self.lexicon)):
                return CueMatch("source", para, doc[(clitic if pronoun else tok.i - 1) - 1:tok.i + 1], subject)
        return None

    def _source_phrase(self, quote: QuoteSpan, para: Paragraph, trailing: bool = False) -> CueMatch | None:
        """« Selon X, … « … » », « … « … », d'après X »; ``trailing``: only a source that closes the
        sentence after a comma."""
        doc = para.doc
        i = para.token_after(quote.open_mark)
        if i is None:
            return None
        for tok in self._sentence(para, i):
            if self._inside(para, tok):
                continue
            word = tok.lower_
            if word == "après" and tok.i > 0 and doc[tok.i - 1].lower_ in ("d'", "d’"):
                cue_start, word = tok.i - 1, "d'après"
            else:
                cue_start = tok.i
            if word not in self.lexicon.source_preps:
                continue
            if word == "pour" and not _opens_clause(tok):
                continue
            subject = self.noun_phrase_after(tok)
            if subject is None or self._inside(para, subject[0]) or not _looks_like_speaker(subject, self.lexicon):
                continue
            if word == "pour":
                subject = _with_complement_to_comma(subject)  # « Pour l'adjoint au maire, « … » »
            if word == "pour" and (subject.end >= len(doc) or doc[subject.end].text != ","):
                continue
            if trailing and not (cue_start > i and doc[cue_start - 1].text == ","
                                 and (subject.end >= len(doc) or doc[subject.end].text in _SENTENCE_END | {","})):
                continue
            return CueMatch("source", para, doc[cue_start:tok.i + 1], subject)
        return None

    def _preceding_verb(self, quote: QuoteSpan, para: Paragraph) -> CueMatch | None:
        if not para.parsed:
            return None
        doc = para.doc
        i = para.token_after(quote.open_mark)
        if i is None:
            return None
        sent = self._sentence(para, i)
        aside = _bracketed(doc, sent.start, i)
        verbs = [t for t in doc[sent.start:i] if t.pos_ == "VERB" and self._is_reporting(t) and not self._inside(para, t)
                 and t.i not in aside and not _asked_opener(t)]
        for verb in reversed(verbs):
            subject = self.subject_of(verb, para)
            if subject is not None:
                return CueMatch("preceding", para, self._verb_group(verb), subject)
        return None

    def _sentence(self, para: Paragraph, i: int) -> Span:
        """The sentence around token ``i`` by its punctuation (the parser's splits can fall
        inside a sentence), with quoted sentence ends ignored; at most ``_SENTENCE_WINDOW``
        tokens either side of ``i`` (no real sentence is longer, a run of quotes can be)."""
        doc = para.doc
        if self._sentence_ends_of != (doc, self.quoted):  # found once per paragraph, not per quote
            # a quote closing on its own sentence's end, then a capital, ends the sentence too:
            # « … ne décolère pas : « C'est inadmissible. » Sa voisine abonde : … »
            self._sentence_ends = [t.i for t in doc if t.text in _SENTENCE_END and not self._inside(para, t)
                                   or t.text in ("»", "”") and 0 < t.i < len(doc) - 1 and doc[t.i - 1].text in _SENTENCE_END
                                   and doc[t.i + 1].text[:1].isupper()]
            self._sentence_ends_of = (doc, self.quoted)
        ends = self._sentence_ends
        k = bisect_left(ends, i)
        start = ends[k - 1] + 1 if k else 0
        end = ends[k] + 1 if k < len(ends) else len(doc)
        return doc[max(start, i - _SENTENCE_WINDOW):min(end, i + _SENTENCE_WINDOW + 1)]

    # -- the speaker's words -------------------------------------------------------------------
    def subject_of(self, verb: Token, para: Paragraph, _depth: int = 0) -> Span | None:
        """The subject of a reporting verb: the parse first, then the clause it depends on."""
        doc = verb.doc
        agent = [c for c in verb.children if c.dep_ == "obl:agent"]
        if agent and (any(c.dep_ == "aux:pass" for c in verb.children) or "Part" in verb.morph.get("VerbForm")):
            return self.noun_phrase(agent[0], para)  # « a été jugée … par X », « une position jugée … par X »
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            if "Past" in verb.morph.get("Tense") and "Part" in verb.morph.get("VerbForm"):
                return None  # « une sortie jugée … »: the noun is what was judged, not who judged it
            clause = _detached_participle_clause(verb)
            if clause is None:  # « l'intéressé parlant de … »
                return self.noun_phrase(verb.head, para)
            if _depth < 3:  # « Il a déploré la baisse, qualifiant cette décision de … »: his words
                return self.subject_of(clause, para, _depth + 1)
        # « Émue, elle a déclaré », « Le ministre, lui, a dit »: of two subjects, the one next to the verb
        for child in sorted(verb.children, key=lambda c: -c.i if c.i < verb.i else c.i):
            if child.dep_ in SUBJECT_DEPS and not self._inside(para, child) and child.lower_ not in _NOT_SUBJECTS \
                    and not _detached_opener(child):
                if child.lower_ in ("qui", "que", "qu'", "qu’") and verb.dep_.startswith("acl"):
                    return self.noun_phrase(verb.head, para)
                if child.lower_ == "qui":  # « …, a rappelé la préfecture, qui promet … »
                    antecedent = _relative_antecedent(child)
                    if antecedent is not None:
                        return self.noun_phrase(antecedent, para)
                if child.lower_ == "on":
                    source = self._fronted_source(verb, para)
                    if source is not None:
                        return source
                phrase = self._with_names_joined(self.noun_phrase(child, para), para)
                return self._voice_of(phrase, para) or self._named_in_apposition(phrase, para)
        said = self.after_saying(verb)
        if said is None and verb.dep_ in ("advcl", "conj") and verb.head.i < verb.i and verb.head.pos_ == "VERB" \
                and self._is_reporting(verb.head):  # « a rappelé que …, précisant … »
            said = verb.head
        if _depth == 0 and said is not None:
            found = self.subject_of(said, para, _depth + 1)
            if found is not None:
                return found
        # participles and coordinated verbs share the subject of an earlier reporting verb of the
        # sentence, within _SHARED_REACH tokens: a hostile sentence of thousands of cues stays linear
        for other in reversed(doc[max(0, verb.i - _SHARED_REACH):verb.i] if _depth == 0 else []):
            if other.pos_ == "VERB" and self._is_reporting(other):
                found = self.subject_of(other, para, _depth + 1)
                if found is not None:
                    return found
            if other.is_sent_start:
                break
        if verb.dep_ in SHARED_SUBJECT_DEPS and verb.head.i != verb.i and _depth < 3:
            found = self.subject_of(verb.head, para, _depth + 1)
            if found is not None:
                return found
            governor = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if "Inf" in verb.morph.get("VerbForm") and governor is not None and governor != verb.head:
                # « X tient une parade toute prête pour balayer les critiques : « … » »: the
                # infinitive hangs on an adjective; its subject is the clause's
                found = self.subject_of(governor, para, _depth + 1)
                if found is not None:
                    return found
        if _depth > 0:
            return None
        return self._subject_on_the_left(verb, para) or self._subject_before_a_broken_sentence(verb, para)

    def after_saying(self, conj: Token) -> Token | None:
        """« a assuré que la piscine rouvrirait en juin et a promis … »: a verb the parser coordinated
        to the content of a verb of saying, with no subject of its own but that verb's auxiliary (or
        itself a verb of saying), is what the speaker did next: that verb of saying. Not « … rouvrirait
        en juin et serait rénovée », whose subject is the content's."""
        head = conj.head
        said = head.head
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or head.dep_ != "ccomp" or said.pos_ != "VERB" \
                or not self._is_reporting(said) or any(c.dep_.startswith("nsubj") for c in conj.children) \
                or not any(c.dep_.startswith("nsubj") for c in head.children):
            return None
        auxiliaries = {c.lower_ for c in said.children if c.dep_.startswith("aux")}
        own = {c.lower_ for c in conj.children if c.dep_.startswith("aux")}
        return said if auxiliaries & own or self._is_reporting(conj) else None

    def cited_source(self, medium: Span, para: Paragraph) -> Span | None:
        """« …, rapporte BFM, citant les secours », « selon Le Monde, qui cite un proche »: the words
        are the source's the medium cites; that source, else ``None``."""
        doc, k = medium.doc, medium.end
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k + 1 < len(doc) and doc[k].lower_ == "qui" and doc[k + 1].lower_ in ("cite", "citent"):
            k += 1
        elif not (k < len(doc) and doc[k].lower_ == "citant"):
            return None
        source = self.noun_phrase_after(doc[k])
        if source is None or self._inside(para, source[0]) or not _looks_like_speaker(source, self.lexicon):
            return None
        return source

    def _with_names_joined(self, phrase: Span, para: Paragraph) -> Span:
        """« Syna et Unia estiment », parsed with « Unia » alone as the subject: the names joined
        before it by « et » are the subject too; so are those after it, when the parser made them
        its conjuncts (« Anne X et Paul Y ont signé une tribune : »)."""
        doc, i = phrase.doc, phrase.start
        last = phrase[-1]
        if last.ent_type_ in ("PER", "ORG") and phrase.end + 1 < len(doc) and doc[phrase.end].lower_ == "et":
            other = doc[phrase.end + 1]
            if other.ent_iob_ == "B" and other.ent_type_ in ("PER", "ORG") and other.dep_ == "conj" \
                    and any(other.head.i == t.i for t in phrase) and not self._inside(para, other):
                return doc[phrase.start:next(e.end for e in doc.ents if e.start == other.i)]
        if i >= 2 and doc[i - 1].lower_ == "et" and doc[i - 2].ent_iob_ in ("B", "I") and phrase[0].ent_iob_ == "B" \
                and doc[i - 2].ent_type_ in ("PER", "ORG") and not self._inside(para, doc[i - 2]):
            first = next(e for e in doc.ents if e.start <= i - 2 < e.end)
            return doc[first.start:phrase.end]
        return phrase

    def _voice_of(self, phrase: Span, para: Paragraph) -> Span | None:
        """« L'opposition, par la voix de l'ancien ministre X, a dénoncé … », « a fait savoir le club par
        la voix de son avocat, Me X »: the one who spoke for it."""
        doc, k = phrase.doc, phrase.end
        k += k < len(doc) and doc[k].text == ","
        if k + 3 >= len(doc) or [t.lower_ for t in doc[k:k + 3]] != ["par", "la", "voix"] \
                or doc[k + 3].lower_ not in OF_WORDS:
            return None
        voice = self.noun_phrase_after(doc[k + 3])
        if voice is None or self._inside(para, voice[0]) or not _looks_like_speaker(voice, self.lexicon):
            return None
        return voice

    def _named_in_apposition(self, phrase: Span, para: Paragraph) -> Span:
        """« Karim X, l'enfant terrible, doit s'expliquer », « Le PS, principal parti d'opposition,
        dénonce »: a description set off by commas right after a name (an organisation's opening the
        sentence) is that name's apposition; the name is the subject. Not without the closing comma:
        « Interrogé sur le retour de Nikola X, le sélectionneur a répondu »."""
        doc, i = phrase.doc, phrase.start
        if phrase[0].lower_ in self.determiners or phrase[0].pos_ == "ADJ":
            closing = phrase.end if phrase.end < len(doc) and doc[phrase.end].text == "," else None
        elif phrase[0].is_lower and self._role_follows(doc, i):  # « Paul X, (également) candidat au Sénat, a dit »
            i -= i > 0 and doc[i - 1].lower_ in ROLE_ADVERBS
            closing = self._past_role_apposition(doc, i)
        else:
            closing = None
        if closing is None or i < 2 or doc[i - 1].text != "," \
                or doc[i - 2].ent_type_ not in ("PER", "ORG") or self._inside(para, doc[i - 2]):
            return phrase
        if doc[i - 2].ent_type_ == "ORG" and not _opens_sentence_with(doc, i - 2):
            return phrase  # « Le PS, principal parti d'opposition, dénonce »; not « Chez Renault, le directeur, … »
        return self.noun_phrase(doc[i - 2], para)

    def _subject_before_a_broken_sentence(self, verb: Token, para: Paragraph) -> Span | None:
        """« Dernier sur la sellette, Kamel X, l'enfant terrible, doit s'expliquer : « … » », which the
        parser cut before the comma: the sentence opening on « , » goes on with the one before, whose
        named person is the subject."""
        sent, doc = verb.sent, verb.doc
        if sent.start == 0 or doc[sent.start].text != ",":
            return None
        before = doc[sent.start - 1].sent
        people = [e for e in doc.ents if e.label_ == "PER" and before.start <= e.start and e.end <= before.end
                  and not self._inside(para, e[0])]
        return self.noun_phrase(people[-1][-1], para) if people else None

    def _subject_on_the_left(self, verb: Token, para: Paragraph) -> Span | None:
        doc, i = verb.doc, verb.i - 1
        while i >= verb.sent.start and (doc[i].pos_ in ("AUX", "ADV") or doc[i].lower_ in _SKIPPABLE_BEFORE_VERB
                                        or any(c.dep_ == "fixed" for c in doc[i].children)):  # « a d'emblée tenu »
            i -= 1
        if i > verb.sent.start and doc[i].text == ",":  # « La mère de la victime, présente à l'audience, a confié »
            i = _before_apposition(doc, i, verb.sent.start)
            if i is None:
                return None
        if i > verb.sent.start and f"{doc[i - 1].lower_} {doc[i].lower_}" in self.lexicon.anaphors \
                and not self._inside(para, doc[i]):
            return doc[i - 1:i + 1]  # « Ce dernier lui a répondu que … », parsed with no subject
        if i < verb.sent.start or doc[i].pos_ not in ("NOUN", "PROPN", "PRON") or self._inside(para, doc[i]):
            return None
        return self.noun_phrase(doc[i], para)

    def noun_phrase(self, head: Token, para: Paragraph) -> Span:
        """The noun phrase headed by ``head``, cut before relative clauses and quotes."""
        doc = head.doc
        if head.pos_ == "PRON":
            return doc[head.i:head.i + 1]
        start = head.i
        while start > 0 and (doc[start - 1].pos_ in ("DET", "ADJ") or doc[start - 1].like_num
                             or doc[start - 1].lower_ in self.determiners) \
                and not self._inside(para, doc[start - 1]) and doc[start - 1].sent == head.sent:
            start -= 1
        if head.ent_iob_ != "O" and head.ent_iob_:
            ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
            if ent is not None:
                start = min(start, ent.start)
        return doc[start:self._extend_right(head, para)]

    def noun_phrase_after(self, tok: Token) -> Span | None:
        """The noun phrase that starts after ``tok`` (an inverted subject, or ``selon X``)."""
        doc, i = tok.doc, tok.i + 1
        while i < len(doc) and doc[i].pos_ == "ADV" and doc[i].lower_ not in ("selon",):
            i += 1
        start = i
        while i < len(doc) and (doc[i].pos_ in ("DET", "ADJ", "NUM") or doc[i].lower_ in self.determiners):
            i += 1
        if i >= len(doc) or doc[i].pos_ not in ("NOUN", "PROPN", "PRON", "ADJ") and not doc[i].ent_type_:
            return None
        if doc[i].pos_ == "PRON":
            return doc[i:i + 1]
        return doc[start:self._extend_right(doc[i], None)]

    def _extend_right(self, head: Token, para: Paragraph | None) -> int:
        doc, end = head.doc, head.i + 1
        if head.ent_iob_ in ("B", "I"):
            ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
            if ent is not None:
                end = max(end, ent.end)
        while end < len(doc):
            tok = doc[end]
            if para is not None and self._inside(para, tok):
                break
            nxt = doc[end + 1] if end + 1 < len(doc) else None
            if tok.ent_iob_ == "B" and tok.ent_type_ == "PER":  # « le défenseur Yoann Le Gall »
                end = next(e.end for e in doc.ents if e.start == tok.i)
            elif tok.is_title and tok.lower_ in DEFINITE_ARTICLES and nxt is not None and nxt.is_title:
                end += 2  # a name with its article: « le quotidien Le Soir », « le journal La Presse »
            elif tok.lower_ in self.lexicon.time_words:
                break  # « a réagi l'entreprise romande samedi »
            elif nxt is not None and nxt.lower_ in ("que", "qu'", "qu’") and tok.pos_ in ("NOUN", "ADJ") \
                    and self._reporting_finite_form(tok.lower_):
                break  # « La ministre juge que … »: the verb the tagger took for a noun
            elif tok.dep_ == "case" and tok.lower_ not in OF_WORDS:
                break  # « a expliqué le ministre face aux journalistes »: a preposition, whatever its tag
            elif (tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.text not in _QUOTE_MARKS) \
                    or _is_participle_with_complement(tok) \
                    or (tok.pos_ == "NUM" and tok.dep_ == "nummod" and (tok.head.i == end - 1 or tok.head.i == end + 1
                                                                         and doc[end - 1].lower_ in OF_WORDS)):
                end += 1  # « le premier adjoint chargé des finances », « le numéro deux du gouvernement »
            elif tok.lower_ in OF_WORDS and nxt is not None and (nxt.pos_ in ("DET", "NOUN", "PROPN", "ADJ") or (
                    nxt.pos_ == "NUM" and end + 2 < len(doc) and doc[end + 2].lower_ not in ("ans", "an"))):
                end += 1  # « cette mère de trois enfants », not « l'entraîneur de 45 ans »
            elif tok.lower_ in DEFINITE_ARTICLES and doc[end - 1].lower_ in OF_WORDS:
                end += 1
            elif tok.lower_ == "et" and nxt is not None and nxt.lower_ in OF_WORDS:
                end += 1  # « le ministre de la Communication et des Médias »
            elif tok.text == "," and nxt is not None and _name_follows(doc, end + 1):
                # « le ministre de l'Intérieur, Jean Dupont, », « l'entraîneur, le Portugais Luis X, »
                ent = next(e for e in doc.ents if e.start >= end + 1 and e.label_ == "PER")
                if ent.end < len(doc) and (doc[ent.end].text in _QUOTE_MARKS or doc[ent.end].pos_ in ("VERB", "AUX")):
                    break  # « Selon son entourage, Marie X « n'en pouvait plus » »: the name opens the clause
                end = ent.end
            elif tok.text == "," and (comma := self._past_role_apposition(doc, end + 1)) is not None \
                    and _name_follows(doc, comma + 1):
                # « Ancien joueur du PSG, aujourd'hui consultant, Jérôme X »: two roles, then the name
                end = next(e.end for e in doc.ents if e.start >= comma + 1 and e.label_ == "PER")
            else:
                break
        return end

    def _verb_group(self, verb: Token) -> Span:
        """The verb with its auxiliaries: « a déclaré », « avait affirmé »."""
        doc = verb.doc
        start = verb.i
        while start > 0 and (doc[start - 1].pos_ == "AUX" or (doc[start - 1].lemma_ or "").lower() == "faire"
                             or (doc[start - 1].pos_ == "ADV" and start - 2 >= 0 and doc[start - 2].pos_ == "AUX")):
            start -= 1
        while start < verb.i and doc[start].pos_ == "ADV":
            start += 1
        noun = self._faire_noun(verb) if (verb.lemma_ or "").lower() == "faire" else None
        return doc[start:(noun or verb).i + 1]

    def _faire_noun(self, faire: Token) -> Token | None:
        """« fait état », « fait part »: the noun right after « faire » that makes it a reporting verb."""
        nxt = faire.doc[faire.i + 1] if faire.i + 1 < len(faire.doc) else None
        return nxt if nxt is not None and nxt.lower_ in self.lexicon.faire_verbs and nxt.pos_ != "VERB" else None


def _after_whose(doc: Doc, i: int) -> bool:
    """« de la CGT », « du Medef », « chez Renault »: the words before token ``i`` say whose it is."""
    j = i - 1 if i > 0 and doc[i - 1].lower_ in DEFINITE_ARTICLES else i
    return j > 0 and (doc[j - 1].lower_ in OF_WORDS or doc[j - 1].lower_ == "chez")


def _joins_names(word: Token) -> bool:
    """« Anne X et Paul Y »: « et » between two names, not between two clauses."""
    doc, i = word.doc, word.i
    return 0 < i < len(doc) - 1 and doc[i - 1].ent_type_ in ("PER", "ORG") and doc[i + 1].ent_iob_ == "B" \
        and doc[i + 1].ent_type_ in ("PER", "ORG")


def _verbless_apposition(doc: Doc, i: int) -> bool:
    """« , doctorant à l'université de X. »: a noun phrase without a verb up to the next stop."""
    if i >= len(doc) or not (doc[i].pos_ in ("NOUN", "DET", "ADJ") and doc[i].is_lower):
        return False
    for tok in doc[i:]:
        if tok.text in (".", ",", ";"):
            return tok.text == "."
        if tok.pos_ in ("VERB", "AUX", "SCONJ", "PRON"):
            return False
    return False


_DESCRIPTOR_DETERMINERS = {"le", "la", "l'", "l’", "un", "une"}


def _name_follows(doc: Doc, i: int) -> bool:
    """A person's name starts at ``i``, after an honorific (``Me Claire Dubois``) or a short
    descriptor with its determiner (``le comédien Jacques X``, ``le Portugais Luis X``,
    ``le Dr Alain X``)."""
    if i < len(doc) and doc[i].lower_ in _DESCRIPTOR_DETERMINERS:
        i += 1
        for _ in range(2):
            if i < len(doc) and doc[i].ent_type_ != "PER" and (doc[i].is_alpha or doc[i].text in HONORIFICS) \
                    and doc[i].pos_ not in ("VERB", "AUX", "ADP", "PRON", "DET"):
                i += 1
    elif i < len(doc) and doc[i].text in HONORIFICS:
        i += 1
    return i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PER"


def _is_participle_with_complement(tok: Token) -> bool:
    """« chargé des finances », « chargée de la culture »: a past participle opening a complement."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense") \
        and nxt is not None and nxt.lower_ in OF_WORDS | {"à", "au", "aux"}


def _verb_right_before(infinitive: Token) -> Token | None:
    """The verb an infinitive completes, read off the words: « tenu » in « tenu à « saluer » »."""
    doc, i = infinitive.doc, infinitive.i - 1
    while i >= 0 and (doc[i].text in _QUOTE_MARKS or doc[i].lower_ in ("à", "de", "d'", "d’")):
        i -= 1
    return doc[i] if i >= 0 and doc[i].pos_ == "VERB" else None


_REFLEXIVE_CLITICS = {"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"}


def _reflexive(verb: Token) -> bool:
    """« s'amuse », « s'est inquiétée », « ne s'en étonne pas »: the verb's « se », before it past
    auxiliaries and clitics."""
    doc, i = verb.doc, verb.i - 1
    while i >= 0 and i >= verb.i - 4:
        word = doc[i].lower_
        if word in _REFLEXIVE_CLITICS:
            return True
        if not (doc[i].pos_ == "AUX" or word in ("ne", "n'", "n’", "en", "y", "pas")):
            return False
        i -= 1
    return False


def _detached_participle_clause(verb: Token) -> Token | None:
    """A present participle set off by a comma speaks for the subject of the clause it hangs
    on, not for the noun the parser attached it to: the verb of that clause, else ``None``."""
    doc = verb.doc
    if "Pres" not in verb.morph.get("Tense") or "Part" not in verb.morph.get("VerbForm") \
            or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    node = verb.head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.i != verb.i:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _asked_opener(verb: Token) -> bool:
    """« Interrogé sur le sujet, le ministre a botté en touche : « … » »: a past participle opening
    the sentence says the subject was asked; it is not what reports the quote."""
    # by its form too: « Questionné » tagged an infinitive
    participle = "Part" in verb.morph.get("VerbForm") or verb.lower_.endswith(("é", "ée", "és", "ées"))
    return verb.i == verb.sent.start and participle and verb.dep_ in ("advcl", "acl")


def _detached_opener(tok: Token) -> bool:
    """« Sollicité, Bercy a indiqué … »: a lone word opening the sentence, set off by a comma, is a
    detached participle or adverb the parser took for the subject."""
    doc = tok.doc
    return tok.i == tok.sent.start and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," \
        and not tok.ent_type_ and tok.pos_ != "PRON"


_OBJECT_WORDS = 3  # words between a verb and the quote it reports: « a lâché un « … » », « a qualifié de « … » »


def _bracketed(doc, start: int, end: int) -> set[int]:
    """The tokens inside a parenthesis opened and closed between tokens ``start`` and ``end``: an
    aside, never the clause that reports a quote after it (« « … » (c'est ainsi que Paul X la
    définit), Anne Y a tenu à … : « … » »)."""
    inside, opened = set(), []
    for k in range(start, end):
        if doc[k].text == "(":
            opened.append(k)
        elif doc[k].text == ")" and opened:
            inside.update(range(opened.pop() + 1, k))
    return inside


def _opens_sentence_with(doc: Doc, last: int) -> bool:
    """The entity that ends at token ``last`` opens its sentence, after a determiner at most."""
    ent = next((e for e in doc.ents if e.start <= last < e.end), None)
    if ent is None:
        return False
    start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].pos_ == "DET" else ent.start
    return start == doc[last].sent.start


def _before_apposition(doc: Doc, comma: int, start: int, reach: int = 12) -> int | None:
    """The head of the noun phrase before the apposition that ends at ``comma``: « [La mère] de la
    victime, présente à l'audience, » -> « mère »; ``None`` if no such apposition (no comma before
    it within ``reach`` tokens, or a verb inside it)."""
    opening = next((k for k in range(comma - 1, max(start, comma - reach) - 1, -1) if doc[k].text == ","), None)
    if opening is None or opening <= start or any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                                                  for t in doc[opening + 1:comma]):
        return None
    tok = doc[opening - 1]
    # « [La mère] de la victime, … », « Son [homologue] lillois, Paulo X, … »
    while tok.dep_ in ("nmod", "amod") and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok.i


def _closed_relative_before(verb: Token, quoted: Token) -> bool:
    """« la valorisation, que ni le fonds ni l'entreprise n'ont souhaité dévoiler, est « … » »: the
    verb of a relative clause set off by commas, closed before the quote, reports nothing of it,
    whatever the parse made of the clause."""
    doc, sentence_start = verb.doc, verb.sent.start
    opening = next((k for k in range(verb.i - 1, max(sentence_start, verb.i - 15), -1) if doc[k].text == ","), None)
    if opening is None or opening == sentence_start or doc[opening + 1].lower_ not in _RELATIVE_OPENERS \
            or doc[opening - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    return any(t.text == "," for t in doc[verb.i + 1:quoted.i])


_RELATIVE_OPENERS = {"que", "qu'", "qu’", "qui", "dont", "où"}


def relative_clause_verb(verb: Token) -> bool:
    """« Un pompier, qui a requis l'anonymat, raconte : … »: « requis » says nothing of the quote.
    An auxiliary is its verb's (« a » of « qui a requis »)."""
    if verb.pos_ == "AUX" and verb.dep_.startswith(("aux", "cop")):
        verb = verb.head
    return verb.dep_ == "acl:relcl" or any(c.dep_.startswith("nsubj") and c.lower_ == "qui" for c in verb.children)


def past_aside(doc: Doc, i: int) -> int:
    """After the parenthesis that opens at ``i`` (« Pour Anne X (Ecolo), … », « la CGT (1er
    syndicat) et l'Unsa »), else ``i``."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    close = next((t.i for t in doc[i + 1:i + 12] if t.text == ")"), None)
    return close + 1 if close is not None else i


def en_croire(tok: Token) -> int | None:
    """« à en croire X » / « à l'en croire » ending at ``tok`` (« croire »): the index of « en »'s
    left neighbour that names the source: « l' » (a pronoun) or « en » itself (a phrase follows)."""
    doc, i = tok.doc, tok.i
    if tok.lower_ != "croire" or i < 2 or doc[i - 1].lower_ != "en":
        return None
    if doc[i - 2].lower_ in ("à", "a"):
        return i - 1
    if doc[i - 2].lower_ in ("l'", "l’") and i >= 3 and doc[i - 3].lower_ in ("à", "a"):
        return i - 2
    return None


def _relative_antecedent(qui: Token) -> Token | None:
    """The noun a relative « qui » stands for: the one right before it, past a comma."""
    doc, i = qui.doc, qui.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return doc[i] if i >= 0 and doc[i].pos_ in ("NOUN", "PROPN") else None


def _opens_clause(tok: Token) -> bool:
    """``Pour X, …``: the preposition opens the sentence (or follows a comma or a conjunction)."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is None or tok.is_sent_start or prev.is_punct or prev.lower_ in ("et", "mais", "or")


def _with_complement_to_comma(phrase: Span, most: int = 6) -> Span:
    """« l'adjoint au maire », « la déléguée aux sports »: a complement opened by « à » that runs to
    the comma ending the phrase is the phrase's; else the phrase as it was."""
    doc, k = phrase.doc, phrase.end
    if k >= len(doc) or doc[k].lower_ not in ("à", "au", "aux"):
        return phrase
    end = next((j for j in range(k + 1, min(k + most + 1, len(doc))) if not doc[j].is_alpha and doc[j].text not in "'’-"),
               None)
    if end is None or end == k + 1 or doc[end].text != ",":
        return phrase
    return doc[phrase.start:end]


def _place_acting(subject: Span, lexicon: Lexicon) -> bool:
    """« L'Élysée tient une parade toute prête : « … » »: a seat of power (rules/seats_of_power.txt)
    the subject of the clause before a colon stands for those who govern there."""
    words = [t.text for t in subject if t.lower_ not in DEFINITE_ARTICLES]
    return subject.root.dep_ == "nsubj" and name_key(" ".join(words)) in lexicon.seats_of_power


def _looks_like_speaker(span: Span, lexicon: Lexicon) -> bool:
    """A person, an organisation, a pronoun or a noun that names one."""
    for tok in span:
        if tok.ent_type_ in ("PER", "ORG", "MISC"):
            return True
        lemma = (tok.lemma_ or tok.lower_).lower()
        if tok.pos_ in ("NOUN", "PROPN") and (lemma in lexicon.role_nouns or lemma in lexicon.organisation_nouns
                                              or tok.lower_ in lexicon.role_nouns or lemma in lexicon.people_nouns):
            return True
        if tok.pos_ == "PRON" and tok.lower_ in ("il", "elle", "lui", "eux", "elles", "ils"):
            return True
    return " ".join(t.lower_ for t in span) in lexicon.anaphors
