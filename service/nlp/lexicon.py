"""The data files under ``rules/``, loaded once: reporting verbs, role and organisation nouns, anaphors."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from .gender import FEM, MASC, pronoun_gender
from .normalize import name_key

# closed-class words several steps test for; the open classes are the data files in rules/
OF_WORDS = frozenset({"de", "du", "des", "d'", "d’", "d"})  # « ministre de la Santé », « porte-parole du parti »
VOWELS = frozenset("aeiouyàâéèêëîïôöûü")  # a word opening on one takes « l' », « d' »
DEFINITE_SINGULAR = frozenset({"le", "la", "l'", "l’"})  # « la magistrate »
DEFINITE_ARTICLES = DEFINITE_SINGULAR | {"les"}
# parties of rules/role_groups.tsv who act for the court, not for themselves: no one is « son avocat »,
# « son conseil » of the judge or the prosecutor
COURT_PARTIES = frozenset({"bench", "prosecution"})
DEMONSTRATIVES_SINGULAR = frozenset({"ce", "cet", "cette"})  # « ce responsable »: the one just spoken of


@dataclass(frozen=True)
class Lexicon:
    reporting_verbs: dict[str, str]  # lemma -> class (say, qualify, evaluate, request, commit)
    seats_of_power: frozenset[str]  # name_key of places that stand for who governs there: « l'Élysée », « Matignon »
    reflexive_verbs: frozenset[str]  # reporting only as « s'amuser », « s'inquiéter »: « amuser un député » is not
    faire_verbs: frozenset[str]  # infinitives of "faire X" cues: faire valoir, faire savoir …
    role_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    anaphors: frozenset[str]  # lower-cased, tokens joined by one space: "ce dernier", "l’ intéressé"
    source_preps: frozenset[str]  # "selon X", "d'après X"
    cue_patterns: dict[str, list]  # spaCy Matcher patterns, by name
    time_words: frozenset[str]  # « lundi », « hier »: when, never part of who (« a réagi l'entreprise samedi »)
    asides: tuple[tuple[str, ...], ...]  # « pour sa part »: between a verb and its subject, never a role
    nickname_words: frozenset[str] = frozenset()  # « dit », « surnommé »: a name follows, not speech
    naming_nouns: frozenset[str] = frozenset()  # « affaire », « banderole »: their quoted complement is a name
    inscription_nouns: frozenset[str] = frozenset()  # « banderole », « pancarte »: what they « say » is a slogan
    prenominal_modifiers: frozenset[str] = frozenset()  # « ancien », « premier »: before a role noun
    title_nouns: frozenset[str] = frozenset()  # « traité », « accord »: a quote opening on one with no cue is a name
    people_nouns: frozenset[str] = frozenset()  # « les habitants », « la famille »: people with no title
    agent_suffixes: tuple[str, ...] = ()  # « -logue », « -iste »: a person by what they do
    anonymous_nouns: frozenset[str] = frozenset()  # « le boulanger », « un témoin »: someone new, unnamed
    anonymous_functions: frozenset[str] = frozenset()  # « un porte-parole »: unnamed, with a role all the same
    counterpart_nouns: frozenset[str] = frozenset()  # « son adversaire »: the other one of a pair
    relative_nouns: frozenset[str] = frozenset()  # « la mère de la victime »: someone else's relative
    document_nouns: frozenset[str] = frozenset()  # « le communiqué »: its author speaks, not the document
    claim_nouns: frozenset[str] = frozenset()  # « …, un chiffre contesté par … »: the journalist's comment on a claim
    medium_nouns: frozenset[str] = frozenset()  # « sur son compte X »: where words are said, not who says them
    parties: dict[str, frozenset[str]] = field(default_factory=dict)  # « procureure » -> {prosecution}
    lone_parties: dict[str, frozenset[str]] = field(default_factory=dict)  # « président » alone -> {bench}
    passive_parties: dict[str, frozenset[str]] = field(default_factory=dict)  # « jugé » -> {defendant}
    continuation_verbs: frozenset[str] = frozenset()  # « ajouter »: the speaker spoke just before
    attitude_verbs: frozenset[str] = frozenset()  # « espérer », « se dire »: a stance a source may word
    # « edile » -> (("maire",), ("bourgmestre",), …): search keys of a word or phrase and of the roles it stands for
    role_synonyms: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # « qui préside » -> ("président", "présidente"); « à la tête de » -> None: a function told without a role noun
    role_clauses: dict[tuple[str, ...], tuple[str, str] | None] = field(default_factory=dict)
    # « préside » -> ("président", "présidente"): the same said by the clause's verb (« Marie X préside … »)
    role_verbs: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    # « présidée par » -> ("président", "présidente"): the name after it heads the noun phrase before it
    role_passives: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    # « est », « a été nommée », « travaille comme »: the role noun after them is the person's
    role_copulas: tuple[tuple[str, ...], ...] = (("est",), ("était",))
    workplace_nouns: frozenset[str] = frozenset()  # « chercheuse au CNRS »: « à » after them is where they work
    office_nouns: frozenset[str] = frozenset()  # search keys of « préfet », « maire »: an office that names one holder
    # « colère », « coup de gueule »: after a headline's quote and a colon, whose words they are follows
    utterance_nouns: tuple[tuple[str, ...], ...] = ()
    # « le portugais » -> Masc, « l' américaine » -> Fem, « l' islandais » -> Masc: a nationality as an anaphor
    demonym_anaphors: dict[str, str | None] = field(default_factory=dict)
    demonyms: frozenset[str] = frozenset()  # « québécoise », « ivoirien »: the nationalities, as adjectives too
    public_bodies: frozenset[str] = frozenset()  # « la préfecture », « le parquet »: itself, not a body named before

    def anaphor_gender(self, phrase: str) -> str | None:
        """The gender an anaphor (lower-cased, tokens joined by one space) tells: « le portugais », « elle »."""
        return self.demonym_anaphors[phrase] if phrase in self.demonym_anaphors else pronoun_gender(phrase)

    @cached_property  # asked for every token of every paragraph
    def anaphor_openers(self) -> frozenset[str]:
        """First words of the anaphors: « ce » of « ce dernier »."""
        return _first_words(self.anaphors)

    def party(self, role: str) -> frozenset[str] | None:
        """The parties a role may belong to (``rules/role_groups.tsv``), by its longest known opening
        words: « avocate générale près la cour » -> {prosecution}, « avocate de la famille » ->
        {defence}, « le magistrat » -> {bench, prosecution}."""
        words = [w for w in name_key(role).split() if not _ORDINAL.fullmatch(w)]  # « de la 12e chambre »
        if len(words) == 1 and words[0] in self.lone_parties:  # « président » alone, not « président du club »
            return self.lone_parties[words[0]]
        for size in range(len(words), 0, -1):
            found = self.parties.get(" ".join(words[:size]))
            if found is not None:
                return found
        return None

    def aside_ending_at(self, doc, i: int) -> int:
        """How many words of an aside (« pour sa part ») end at token ``i`` (0: none)."""
        return next((len(a) for a in self.asides
                     if i + 1 >= len(a) and self.aside_at(doc, i + 1 - len(a)) == len(a)), 0)

    def aside_at(self, doc, i: int) -> int:
        """How many words of an aside (« de son côté ») start at token ``i`` (0: none)."""
        if not 0 <= i < len(doc) or doc[i].lower_ not in self._aside_openers:
            return 0  # asked for every entity: most tokens open no aside
        return next((len(a) for a in self.asides if i + len(a) <= len(doc)
                     and all(doc[i + k].lower_ == word for k, word in enumerate(a))), 0)

    @cached_property
    def _aside_openers(self) -> frozenset[str]:
        return frozenset(a[0] for a in self.asides if a)

    def is_agent_noun(self, word: str) -> bool:
        """« le glaciologue », « l'urbaniste », « le garagiste »: a person by what they do, by the
        noun's ending (``rules/agent_suffixes.txt``), when no list holds the noun."""
        return word.lower().rstrip("s").endswith(self.agent_suffixes)

    def is_reporting(self, lemma: str, after_faire: bool = False) -> bool:
        lemma = lemma.lower()
        return lemma in self.faire_verbs if after_faire else lemma in self.reporting_verbs


_ORDINAL = re.compile(r"\d+(e|er|re|ere|eme|ème)|[ivxlc]+(e|eme|ème)")  # « 12e », « XIe »


@lru_cache(maxsize=4)
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in phrases)


def _with_prefixes(nouns: frozenset[str], prefixes: list[str], modifiers: frozenset[str]) -> frozenset[str]:
    """The role nouns and their hyphenated forms: « ministre » -> « ex-ministre », « co-présidente ».
    Not a noun that is also a modifier: « la vice-Première ministre » is a « ministre »."""
    return nouns | {f"{prefix}-{noun}" for prefix in prefixes for noun in nouns
                    if "-" not in noun and noun not in modifiers}


def _lines(name: str) -> list[str]:
    text = resources.files("service.nlp").joinpath("rules", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    rows = list(csv.reader(_lines("reporting_verbs.tsv")[1:], delimiter="\t"))
    verbs = {lemma.strip().lower(): cls.strip() for lemma, cls, *_ in rows}
    faire = frozenset(lemma.split(" ", 1)[1] for lemma in verbs if lemma.startswith("faire "))
    groups = list(csv.reader(_lines("role_groups.tsv")[1:], delimiter="\t"))
    naming = list(csv.reader(_lines("naming_words.tsv")[1:], delimiter="\t"))
    anonymous = [line.split("\t") for line in _lines("anonymous_nouns.txt")]  # a noun, « function » or nothing
    clauses = list(csv.reader(_lines("role_clauses.tsv")[1:], delimiter="\t"))
    rules = json.loads(resources.files("service.nlp").joinpath("rules", "cue_patterns.json").read_text("utf-8"))
    modifiers = frozenset(rules["prenominal_modifiers"])
    nationalities = list(csv.reader(_lines("demonyms.tsv")[1:], delimiter="\t"))
    demonyms = _demonym_anaphors(nationalities)
    return Lexicon(
        reporting_verbs={k: v for k, v in verbs.items() if " " not in k},
        seats_of_power=frozenset(name_key(w) for w in _lines("seats_of_power.txt")),
        reflexive_verbs=frozenset(lemma.strip().lower() for lemma, _, *use in rows if use == ["reflexive"]),
        faire_verbs=faire,
        continuation_verbs=frozenset(w.lower() for w in _lines("continuation_verbs.txt")),
        attitude_verbs=frozenset(w.lower() for w in _lines("attitude_verbs.txt")),
        role_nouns=_with_prefixes(frozenset(w.lower() for w in _lines("role_nouns.txt")), rules["role_prefixes"],
                                  modifiers),
        organisation_nouns=frozenset(w.lower() for w in _lines("organisation_nouns.txt")),
        anaphors=frozenset(" ".join(w.lower().split()) for w in _lines("anaphors.txt")) | frozenset(demonyms),
        source_preps=frozenset(rules["source_prepositions"]),
        cue_patterns=rules["patterns"],
        time_words=frozenset(rules["time_words"]),
        asides=tuple(tuple(a.split()) for a in rules["asides"]),
        nickname_words=frozenset(w.strip().lower() for w, kind in naming if kind.strip() == "verb"),
        naming_nouns=frozenset(w.strip().lower() for w, kind in naming if kind.strip() in ("noun", "inscription")),
        inscription_nouns=frozenset(w.strip().lower() for w, kind in naming if kind.strip() == "inscription"),
        prenominal_modifiers=modifiers,
        title_nouns=frozenset(w.strip().lower() for w, kind in naming if kind.strip() in ("noun", "title")),
        people_nouns=frozenset(w.lower() for w in _lines("people_nouns.txt")),
        agent_suffixes=tuple(w.lower() for w in _lines("agent_suffixes.txt")),
        anonymous_nouns=frozenset(noun.lower() for noun, *_ in anonymous),
        anonymous_functions=frozenset(noun.lower() for noun, *use in anonymous if use == ["function"]),
        counterpart_nouns=frozenset(w.lower() for w in _lines("counterpart_nouns.txt")),
        relative_nouns=frozenset(w.lower() for w in _lines("relative_nouns.txt")),
        document_nouns=frozenset(w.lower() for w in _lines("document_nouns.txt")),
        claim_nouns=frozenset(w.lower() for w in _lines("claim_nouns.txt")),
        medium_nouns=frozenset(w.lower() for w in _lines("medium_nouns.txt")),
        parties={name_key(words): frozenset(party.split()) for words, party, *use in groups if not use},
        lone_parties={name_key(words): frozenset(party.split()) for words, party, *use in groups if use == ["alone"]},
        passive_parties={words: frozenset(party.split()) for words, party, *use in groups if use == ["passive"]},
        role_synonyms=_synonyms(csv.reader(_lines("role_synonyms.tsv")[1:], delimiter="\t")),
        role_copulas=tuple(sorted({tuple(w.lower().split()) for w in _lines("role_copulas.txt")}, key=len, reverse=True)),
        workplace_nouns=frozenset(w.lower() for w in _lines("workplace_nouns.txt")),
        office_nouns=frozenset(name_key(w) for w in _lines("office_nouns.txt")),
        role_clauses={tuple(opening.lower().split()): None if masculine == "-" else (masculine, feminine)
                      for opening, masculine, feminine, *use in clauses if use != ["passive"]},
        role_verbs={tuple(opening.lower().split()[1:]): (masculine, feminine)
                    for opening, masculine, feminine, *use in clauses if use == ["verb"]},
        role_passives={tuple(opening.lower().split()): (masculine, feminine)
                       for opening, masculine, feminine, *use in clauses if use == ["passive"]},
        demonym_anaphors=demonyms,
        demonyms=frozenset(form for row in nationalities for form in row),
        public_bodies=frozenset(_lines("public_bodies.txt")),
        utterance_nouns=tuple(sorted({tuple(w.lower().split()) for w in _lines("utterance_nouns.txt")},
                                     key=len, reverse=True)),
    )


def _demonym_anaphors(rows) -> dict[str, str | None]:
    """« le portugais » and « la portugaise », « l' américain » and « l' américaine » (both
    apostrophes) with their gender; an epicene after « l' » (« l' islandais », « l' ukrainien »
    excepted) tells none."""
    found: dict[str, str | None] = {}
    for masculine, feminine in rows:
        for noun, gender, article in ((masculine, MASC, "le"), (feminine, FEM, "la")):
            if noun[:1] in VOWELS or noun[:1] == "h":  # « l'Haïtien »
                for apostrophe in ("l'", "l’"):
                    found[f"{apostrophe} {noun}"] = gender if masculine != feminine else None
            else:
                found[f"{article} {noun}"] = gender
    return found


def _synonyms(rows) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase, role in rows:
        found.setdefault(name_key(phrase), []).append(tuple(name_key(role).split()))
    return {phrase: tuple(roles) for phrase, roles in found.items()}
