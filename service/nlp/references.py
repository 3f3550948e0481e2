"""Step 4 — resolve references to the full canonical name used elsewhere in the article.

    Le président russe Vladimir Poutine est arrivé. … « … », a déclaré Poutine.  -> Vladimir Poutine
    … a souligné le président russe.                                        -> Vladimir Poutine (by role)
    Marie Dupont a déclaré que … « … », a-t-elle ajouté.                   -> Marie Dupont (subject first)
    Le ministère de la Santé a indiqué … « … », a précisé le ministère.     -> ministère de la Santé
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable

from .gender import first_name_gender
from .lexicon import OF_WORDS, load_lexicon
from .names import HONORIFICS
from .normalize import name_key
from .roles import RoleMention

PERSON, ORGANISATION = "person", "organisation"
_ROLE_LINKS = {"de", "du", "des", "d", "l", "la", "le", "les", "à", "au", "aux"}
# a seat in a body, held beside a function: « membre du conseil des gouverneurs » may be « le gouverneur de … »
_MEMBERSHIPS = {"membre"}


@dataclass(frozen=True)
class NameMention:
    """A name (or resolved speaker) at article offset ``start``, in sentence number ``sentence``."""

    name: str
    type: str  # person | organisation
    start: int
    sentence: int
    subject: bool
    quoted: bool = False  # said inside a quotation: never the antecedent of the quoter's pronoun
    body: bool = False  # an organisation by the recogniser's label (ORG), not a place


LATTER = frozenset({"ce dernier", "cette dernière", "celui-ci", "celle-ci"})  # the last one spoken of, subject or not


def _role_head(words: list[str], modifiers: frozenset[str]) -> str | None:
    """The search key of a role's head noun, past its modifiers: « ancien ministre » -> ``ministre``,
    « vice-Première ministre » -> ``ministre``; a prefixed noun is another office: « sous-préfète » ->
    ``sous-prefete``."""
    for word in words:
        key = "-".join(name_key(word).split())
        if not all(part in modifiers for part in key.split("-")):
            return key
    return None


class EntityIndex:
    """The people and organisations of one article, their canonical names and roles."""

    def __init__(self, mentions: list[NameMention], roles: list[RoleMention],
                 organisations: list[tuple[int, str, str]] = (), acronyms: dict[str, str] | None = None,
                 party: Callable[[str], frozenset[str] | None] = lambda role: None):
        self.party_of_role = party  # Lexicon.party: « la procureure » -> {prosecution}
        self._parties: dict[str, frozenset[str]] = {}  # person key -> party the article gives outright (« Me X »)
        self._described: set[str] = set()  # keys of people the article never names (« le procureur »)
        self._acronyms = {name_key(k): v for k, v in (acronyms or {}).items()}  # « ONEE » -> its full name
        mentions = _clean_person_names([m for m in mentions if name_key(m.name)])
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._first_person = next((m for m in self.mentions if m.type == PERSON), None)  # the first one named
        self._canonical = self._cluster([m.name for m in mentions if m.type == PERSON])
        self._people: dict[str, list[int]] = defaultdict(list)  # person key -> offsets of its mentions
        for m in self.mentions:
            if m.type == PERSON:
                self._people[name_key(self.canonical(m.name))].append(m.start)
        self._org_nouns = list(organisations)  # (start, head noun, full description)
        counts: dict[str, Counter] = defaultdict(Counter)
        first_seen: dict[tuple[str, str], int] = {}
        self._predicates: dict[str, set[str]] = defaultdict(set)  # « X est accusé » -> {"accusé"}
        for r in roles:
            if r.predicate:
                self._predicates[name_key(self.canonical(r.name))].add(name_key(r.role))
        for r in roles:
            if not r.role or r.predicate:
                continue
            name = self.canonical(r.name) if r.label == "PER" else r.name
            counts[name_key(name)][r.role] += 1
            first_seen.setdefault((name_key(name), r.role), r.start)
        # the role given most, a fuller form counting its shorter ones (« ministre » twice, « ministre de la
        # Santé » once: the latter, three times), then the first given
        self._roles = {k: max(c, key=lambda role: (c[role] + sum(c[s] for s in c if self.fuller_role(role, s)),
                                                   -first_seen[(k, role)])) for k, c in counts.items()}
        self._genders: dict[str, Counter] = defaultdict(Counter)
        for r in roles:  # « la procureure X », « M. X »: the gender the article gives each person
            if r.label == "PER" and r.gender:
                self.add_gender(r.name, r.gender)
        forms_of = Counter(name_key(name) for name in self._canonical.values())  # how many keys each person has
        for key in self._people:  # a weak vote of the first name, where the words say nothing
            if not self._genders.get(key):
                gender = first_name_gender(self.canonical(key), alone=forms_of[name_key(self.canonical(key))] == 1)
                if gender:
                    self.add_gender(key, gender)

    @staticmethod
    def _cluster(names: list[str]) -> dict[str, str]:
        """Map each person-name key to the longest name it is a prefix or suffix of."""
        forms: dict[str, str] = {}
        for n in names:
            forms.setdefault(name_key(n), n)
        freq = Counter(name_key(n) for n in names)
        spelled = _misspellings(list(forms), freq)
        for wrong, right in spelled.items():
            freq[right] += freq.pop(wrong)
            del forms[wrong]
        longest_first = sorted(forms, key=lambda k: -len(k.split()))
        order = {k: i for i, k in enumerate(longest_first)}
        longer: dict[tuple, set[str]] = defaultdict(set)  # a token prefix or suffix -> the names that have it
        for c in longest_first:
            toks = tuple(c.split())
            for j in range(1, len(toks)):
                longer[toks[:j]].add(c)
                longer[toks[len(toks) - j:]].add(c)
        canonical: dict[str, str] = {}
        for key in longest_first:
            toks = tuple(key.split())
            fits = sorted((c for c in longer.get(toks, ()) if len(c.split()) > len(toks)), key=order.__getitem__)
            target = max(fits, key=lambda c: freq[c]) if fits else key
            canonical[key] = canonical.get(target, forms[target]) if fits else forms[key]
        for wrong, right in spelled.items():
            canonical[wrong] = canonical[right]
        return canonical

    # -- names -----------------------------------------------------------------------------
    def canonical(self, name: str) -> str:
        """``Poutine`` -> ``Vladimir Poutine`` when the article gives the full name."""
        name = _GLUED_HONORIFIC.sub("", name)  # « M.Jouahri »
        key = name_key(name)
        if key in self._canonical:
            return self._canonical[key]
        self._canonical.update(self._cluster([*self._canonical.values(), name]))
        return self._canonical.get(key, name)

    def main_person(self) -> str | None:
        """The person the article is about: the one it names most often, first named on a tie; never
        one it names only inside quotations (« « Il y a un petit côté Mao » »)."""
        if not self._people:
            return None
        outside = {name_key(self.canonical(m.name)) for m in self.mentions if m.type == PERSON and not m.quoted}
        named = [k for k in self._people if k not in self._described and k in outside]
        if not named:
            return None
        key = max(named, key=lambda k: (len(self._people[k]), -self._people[k][0]))
        return self.canonical(key)

    def organisation_name(self, name: str) -> str:
        """``ONEE`` -> ``Office national de l'électricité et de l'eau potable`` when the article
        spelled the acronym out; ``syndicat socialiste`` -> ``FGTB`` when it glossed the acronym."""
        return self._acronyms.get(name_key(name), name)

    def role_of(self, name: str) -> str | None:
        return self._roles.get(name_key(name))

    def add_role(self, name: str, role: str) -> None:
        """« …, résume la cheffe du service, … » resolved to Anne X: the role the article gives her,
        for « la cheffe de service » later on and her next quotes, unless she already has one (of
        which ``role`` is not a fuller form)."""
        key = name_key(self.canonical(name))
        held = self._roles.get(key)
        if held is None or self.fuller_role(role, held) or bare_kinship(held) and not bare_kinship(role) \
                or membership(held) and not membership(role):
            # « son mari, Raymond X … Ancien clown blanc, il … », « X, membre du conseil des gouverneurs
            # de la BCE … le gouverneur de la Banque de France »: what he does
            self._roles[key] = role

    @staticmethod
    def fuller_role(role: str, than: str) -> bool:
        """« ministre de la Santé publique » is a fuller form of « ministre », « cheffe du service
        des urgences » of « cheffe de service »: the same head, more words."""
        longer, shorter = name_key(role).split(), name_key(than).split()
        return len(longer) > len(shorter) > 0 and EntityIndex._role_matches(shorter, longer)

    def add_party(self, name: str, party: frozenset[str]) -> None:
        """« Me X » is a lawyer, whatever role the article gives him later."""
        self._parties[name_key(self.canonical(name))] = party

    def party_of(self, name: str) -> frozenset[str] | None:
        key = name_key(self.canonical(name))
        role = self._roles.get(key)
        return self._parties.get(key) or (self.party_of_role(role) if role else None)

    def describe(self, description: str, start: int, sentence: int, subject: bool, gender: str | None) -> str:
        """A person the article never names, known by a description: « Le procureur a répliqué.
        « … », a-t-il dit. » Later pronouns point back to it, and so does the same description or
        one of the same party (« la juge » after « la présidente »)."""
        key = name_key(description)
        self._canonical.setdefault(key, description)
        self._described.add(key)
        self._roles.setdefault(key, description)
        if gender:
            self.add_gender(description, gender)
        self.add(NameMention(description, PERSON, start, sentence, subject))
        return self.canonical(description)

    def nobody_named_could_be(self, role: str, position: int, gender: str | None) -> bool:
        """Every person named before ``position`` is of another gender or another party than
        ``role``: « le prévenu » when the only names so far are the president's and the prosecutor's."""
        party = self.party_of_role(role) or frozenset()
        return not any(self._gender_fits(k, gender) and (self.party_of(k) or party) & party
                       for k, starts in self._people.items() if k not in self._described and starts[0] < position)

    def is_description(self, name: str) -> bool:
        """``name`` is a description of someone the article does not name (``describe``)."""
        return name_key(name) in self._described

    def gender_as_owner(self, name: str) -> str | None:
        """The gender of the article a description takes after « de » (« l'avocat du prévenu »), its
        own gender or ``Masc``; ``None`` for a name, which takes none (``roles.role_of_person``)."""
        return (self.gender_of(name) or "Masc") if self.is_description(name) else None

    def may_be_described_as(self, name: str, description: str) -> bool:
        """« Paul X » may be « le président » unless the article gives him another role."""
        role = self.role_of(name)
        return role is None or self._role_matches(name_key(description).split(), name_key(role).split())

    def named_later(self, name: str) -> str | None:
        """« Le procureur a annoncé … » and only later « Anne X, procureure de la République »: the
        one named person the article gives the description of an unnamed one, else ``None``."""
        return self.named_with_role(name) if name_key(name) in self._described else None

    def named_with_role(self, role: str) -> str | None:
        """The one named person the whole article gives ``role``: « son avocate » when « Anne X,
        avocate de … » comes later."""
        wanted = name_key(role).split()
        named = {self.canonical(k) for k, given in self._roles.items()
                 if k not in self._described and k in self._people and self._role_matches(wanted, name_key(given).split())}
        return named.pop() if len(named) == 1 else None

    def person_by_party(self, role: str, position: int, gender: str | None = None) -> str | None:
        """« la juge » after « la présidente » (the same bench), « le maître des poursuites » after
        « le procureur »: the person last spoken of in the same party of a trial."""
        party = self.party_of_role(role)
        if party is None:
            return None
        matches = [k for k in self._people if party & (self.party_of(k) or set()) and self._gender_fits(k, gender)
                   and self._people[k][0] < position and not self._described_otherwise(k, role)]
        if not matches:
            return None
        return self.canonical(max(matches, key=lambda k: self._people[k][bisect_left(self._people[k], position) - 1]))

    def _described_otherwise(self, key: str, role: str) -> bool:
        """« le coach lensois » is not the coach the article called « le technicien breton »: the
        same party, but each with an adjective of its own (two teams have two coaches)."""
        theirs = name_key(self._roles.get(key) or "").split()
        wanted = name_key(role).split()
        return len(wanted) == 2 and len(theirs) == 2 and not {wanted[1], theirs[1]} & _ROLE_LINKS \
            and wanted[1] != theirs[1]

    def knows(self, name: str) -> bool:
        """``name`` is (a form of) a person named in the article."""
        return name_key(self.canonical(name)) in self._people

    def add_gender(self, name: str, gender: str) -> None:
        """Record that the article speaks of ``name`` in ``gender`` (« la procureure », « M. »)."""
        self._genders[name_key(self.canonical(name))][gender] += 1

    def gender_of(self, name: str) -> str | None:
        """``Masc``/``Fem`` when the article's words agree on it, else ``None``."""
        votes = self._genders.get(name_key(self.canonical(name)))
        if not votes:
            return None
        (best, n), *rest = votes.most_common()
        return best if not rest or rest[0][1] < n else None

    def add(self, mention: NameMention) -> None:
        """Record a resolved speaker, so that later pronouns can point back to it."""
        i = bisect_right(self._starts, mention.start)
        self._starts.insert(i, mention.start)
        self.mentions.insert(i, mention)
        if mention.type == PERSON:
            insort(self._people[name_key(self.canonical(mention.name))], mention.start)

    def subject_in_sentence(self, sentence: int, before: int, not_before: int) -> NameMention | None:
        """The named person subject of sentence number ``sentence``, mentioned between
        ``not_before`` and ``before`` (article offsets), else ``None``."""
        for i in range(bisect_left(self._starts, before) - 1, -1, -1):
            m = self.mentions[i]
            if m.sentence < sentence or m.start < not_before:
                return None
            if m.sentence == sentence and m.type == PERSON and m.subject and not m.quoted:
                return m
        return None

    def subject_of_last_naming_sentence(self, before: int, not_before: int) -> NameMention | None:
        """The named person subject of the last sentence before ``before`` that names a person
        (not before ``not_before``): « Alicia X y est affectée. Et tout s'est emballé : « … » »."""
        last = self._last_person_named(before, not_before)
        return None if last is None else self.subject_in_sentence(last.sentence, before, not_before)

    def introduced_in_last_naming_sentence(self, before: int, not_before: int) -> NameMention | None:
        """The person last named in the last sentence before ``before`` that names one (not before
        ``not_before``), when it is the first time the article names them: someone brought in."""
        last = self._last_person_named(before, not_before)
        if last is None:
            return None
        first = self._people.get(name_key(self.canonical(last.name)), [last.start])[0]
        return last if first >= last.start else None

    def _last_person_named(self, before: int, not_before: int) -> NameMention | None:
        """The last unquoted mention of a person between ``not_before`` and ``before``."""
        for i in range(bisect_left(self._starts, before) - 1, -1, -1):
            m = self.mentions[i]
            if m.start < not_before:
                return None
            if m.type == PERSON and not m.quoted:
                return m
        return None

    def add_organisation(self, start: int, head: str, name: str) -> None:
        self._org_nouns.append((start, head.lower(), name))

    # -- references ------------------------------------------------------------------------
    def antecedent(self, position: int, sentence: int, window: int = 6, gender: str | None = None,
                   salient: bool = False, nearest: bool = False) -> NameMention | None:
        """The person a pronoun at ``position`` most likely names.

        The nearest earlier subject of the same sentence, then the subject of the nearest
        earlier sentence that has one, then the nearest person at all; names said inside a
        quotation and people of the other gender are left out (« elle » is not « M. Dupont »).
        ``salient``: with no subject to point to, « l'intéressé » is the person the article has
        spoken of most so far, not the nearest name.
        ``nearest``: a description (« le coach », « la scientifique ») names the person just spoken of.
        """
        earlier = self._people_before(position, lambda m: sentence - m.sentence > window, gender)
        if nearest:
            return earlier[-1] if earlier else None
        for m in reversed(earlier):
            if m.sentence == sentence and m.subject:
                return m
        before = [m for m in earlier if m.sentence < sentence] if not salient else []
        if before:  # the sentence just before names one person only, as no subject (« c'est X qui … »): X
            last = [m for m in before if m.sentence == before[-1].sentence]
            if not any(m.subject for m in last) and len({name_key(self.canonical(m.name)) for m in last}) == 1 \
                    and before[-1].sentence == sentence - 1:
                return last[-1]
        by_sentence = [m for m in earlier if m.sentence < sentence and m.subject]
        if by_sentence:
            last = by_sentence[-1].sentence
            return next(m for m in by_sentence if m.sentence == last)
        before = self._people_before(position, lambda m: False, gender) if salient else []
        if before:  # every mention counts, quoted ones too: « M. X a menti », says the judge
            counts = {key: bisect_left(starts, position) for key, starts in self._people.items()}
            return max(reversed(before), key=lambda m: counts.get(name_key(self.canonical(m.name)), 0))
        return earlier[-1] if earlier else None

    def person_referred_to(self, words: str, position: int, sentence: int, gender: str | None) -> str | None:
        """« elle », « ce dernier », « l'intéressée » at ``position`` -> the canonical name of the
        person meant; « l'intéressé » with no subject to point to is the person the article is about."""
        found = self.antecedent(position, sentence, gender=gender, salient=words.endswith(("intéressé", "intéressée")),
                                nearest=words in LATTER)
        return self.canonical(found.name) if found is not None else None

    def counterpart(self, position: int, sentence: int, window: int = 6) -> str | None:
        """« « Vous mentez », a lancé la candidate. « C'est faux », a répondu son adversaire »: of the
        people named lately, the last one who is not the person « son » points to."""
        owner = self.antecedent(position, sentence)
        if owner is None:
            return None
        theirs = name_key(self.canonical(owner.name))
        others = [m for m in self._people_before(position, lambda m: sentence - m.sentence > window, None)
                  if name_key(self.canonical(m.name)) != theirs and not self.is_description(m.name)]
        return self.canonical(others[-1].name) if others else None

    def person_just_described(self, position: int, sentence: int, gender: str | None, role: str = "",
                              source: bool = False) -> str | None:
        """« L'élu a qualifié … », « la magistrate » with no role of that name in the article: the
        person just spoken of, looking further back when the gender (« la chercheuse ») rules
        out the people in between; never one of another party (« le procureur » is not « Me X »), nor
        one its own sentence names other than as a subject (« Questionné sur le retour de Paul X, le
        sélectionneur a … »: had the page meant X, it would have said « il »), nor for a relative
        (``relative_of_another``)."""
        if role and relative_of_another(role):
            return None  # « Me X … La mère de la victime a confié »: someone else's mother
        earlier = self._people_before(position, lambda m: sentence - m.sentence > (8 if gender else 3), gender)
        # a source (« …, selon le médecin de l'équipe ») speaks of its own sentence's subject, it is not them
        candidates = [m for m in earlier if m.sentence < sentence or m.subject and not source]
        if not candidates:
            return None
        # of the last sentence naming someone, its subject: « X a confié, lui qui incarne Y, … L'acteur »
        last = [m for m in candidates if m.sentence == candidates[-1].sentence]
        found = next((m for m in reversed(last) if m.subject), last[-1])
        party, theirs = self.party_of_role(role) if role else None, self.party_of(found.name)
        if party and theirs and not party & theirs or self._holds_another_role(found.name, role):
            return None
        return self.canonical(found.name)

    def person_introduced_after(self, position: int, sentence: int, gender: str | None, until: int,
                                reach: int = 2) -> str | None:
        """« La Première ministre québécoise a annoncé sa démission. « … », a expliqué Pauline X »: a
        description the article opens with, before it names anyone, and the first person it then
        names as a subject before ``until`` and within ``reach`` sentences, of a gender that fits: the
        same person."""
        after = self._first_person
        if after is None or after.start < position or after.quoted or not after.subject or after.start > until \
                or after.sentence - sentence > reach \
                or not self._gender_fits(after.name, gender):
            return None
        return self.canonical(after.name)

    def _holds_another_role(self, name: str, office: str) -> bool:
        """« Le directeur de l'usine, Marc X, … Le préfet se veut rassurant »: an office that names
        one holder (``rules/office_nouns.txt``) is not the person the article gave a role of another
        head (« le ministre de la Santé » may well be « le ministre X »)."""
        lexicon = load_lexicon()
        words = name_key(office).split()
        theirs = self._roles.get(name_key(self.canonical(name)))
        if not words or not theirs or words[0] not in lexicon.office_nouns:
            return False
        modifiers, synonyms = lexicon.prenominal_modifiers, lexicon.role_synonyms
        offices = {words[0], *(_role_head(list(role), modifiers) for role in synonyms.get(words[0], ()))}
        heads = set()
        for part in theirs.lower().split(" et "):  # « ministre … et porte-parole »: either
            head = _role_head(part.split(), modifiers)
            if head in _MEMBERSHIPS:
                continue  # « membre du conseil des gouverneurs de la BCE … le gouverneur de la Banque de France »
            if head is not None:  # « chef du gouvernement » stands for « premier ministre »
                heads.add(head)
                heads.update(_role_head(list(role), modifiers) for key in (head, name_key(part))
                             for role in synonyms.get(key, ()))
        return bool(heads - {None}) and not offices & heads

    def _people_before(self, position: int, too_far, gender: str | None) -> list[NameMention]:
        """Unquoted people of ``gender`` (or of no known gender) before ``position``, in text
        order, walking back until ``too_far(mention)``."""
        found = []
        for i in range(bisect_left(self._starts, position) - 1, -1, -1):
            m = self.mentions[i]
            if too_far(m):
                break
            if m.type == PERSON and not m.quoted and self._gender_fits(m.name, gender):
                found.append(m)
        found.reverse()
        return found

    def _gender_fits(self, name: str, gender: str | None) -> bool:
        known = self.gender_of(name) if gender else None
        return known is None or known == gender

    def person_by_role(self, role: str, position: int, gender: str | None = None) -> str | None:
        """``le président russe`` -> the person the article calls so, nearest before first;
        « la présidente » is not the « président » of an earlier paragraph."""
        wanted = name_key(role).split()
        if not wanted:
            return None
        synonyms = load_lexicon().role_synonyms  # « l'édile » is the one the article calls « maire »
        alternatives = [wanted, *synonyms.get(" ".join(wanted), synonyms.get(wanted[0], ()))]
        matches = [k for k, r in self._roles.items()
                   if any(self._role_matches(list(words), name_key(r).split()) for words in alternatives)]
        matches += [k for k, said in self._predicates.items() if " ".join(wanted) in said and k not in matches]
        matches = [k for k in matches if k in self._people and self._gender_fits(k, gender)]
        if not matches:
            return None
        matches = [k for k in matches if k not in self._described] or matches  # a name first

        def last_seen(key: str) -> int:
            starts = self._people[key]
            i = bisect_left(starts, position)
            return starts[i - 1] if i else -1

        return self.canonical(max(matches, key=last_seen))

    @staticmethod
    def _role_matches(wanted: list[str], role: list[str]) -> bool:
        """« cheffe de service » matches « cheffe du service des urgences »: the same head and
        the same content words, whatever the articles and prepositions between them."""
        if "et" in role:  # « ministre de la Communication et porte-parole du gouvernement »: either
            cut = role.index("et")
            if EntityIndex._role_matches(wanted, role[:cut]) or EntityIndex._role_matches(wanted, role[cut + 1:]):
                return True
        if not role:
            return False
        if role[: len(wanted)] == wanted:
            return True
        return wanted[0] == role[0] and set(wanted) - _ROLE_LINKS <= set(role)

    def organisation_by_head(self, head: str, position: int) -> str | None:
        """``le ministère`` -> the last fuller organisation name with that head noun; ``le groupe``
        after « le groupe alimentaire Nestlé » -> ``Nestlé`` (a description, then the name), after
        « le groupe Hestiane » -> ``groupe Hestiane`` (the name with its kind)."""
        named = [name for start, h, name in self._org_nouns if h == head.lower() and start < position]
        longer = [n for n in named if len(n.split()) > 1]
        if not longer:
            return None
        words = longer[-1].split()
        proper = next((i for i in range(1, len(words)) if all(w[:1].isupper() for w in words[i:])), None)
        described = proper is not None and proper >= 2 and words[proper - 1][:1].islower()  # not « groupe Hestiane »
        return " ".join(words[proper:]) if described else longer[-1]

    def organisation_of_sentence(self, sentence: int, position: int) -> str | None:
        """« La FIFA a suspendu la fédération …, a annoncé l'instance dirigeante du football »: the
        organisation subject of the sentence before ``position``, or the only one it names."""
        named = [m for m in self.mentions
                 if m.sentence == sentence and m.start < position and m.type == ORGANISATION and m.body and not m.quoted]
        subjects = {self.organisation_name(m.name) for m in named if m.subject}
        names = subjects or {self.organisation_name(m.name) for m in named}
        return names.pop() if len(names) == 1 else None

    def salient_organisation(self, position: int) -> str | None:
        """``la compagnie``, ``l'entreprise`` with no fuller name of that head: the organisation the
        article has named most so far (the last named, on a tie)."""
        counts: Counter = Counter()
        last: dict[str, int] = {}
        for m in self.mentions:
            if m.start >= position:
                break
            if m.type == ORGANISATION and m.body and not m.quoted:
                name = self.organisation_name(m.name)
                counts[name] += 1
                last[name] = m.start
        return max(counts, key=lambda n: (counts[n], last[n])) if counts else None


_DEFINITE_COMPLEMENT = re.compile(r"^(?:de|d['’])\s*(?:la|le|l['’]|les)\b|^(?:du|des)\b|^(?:de|d['’])\s*[A-ZÀ-Ý]")


def bare_kinship(role: str) -> bool:
    """« mari », « sœur », « mère »: a relative noun alone, which says how the person is related
    to someone, not what they do."""
    words = role.lower().split()
    return len(words) == 1 and words[0] in load_lexicon().relative_nouns


def membership(role: str) -> bool:
    """« membre du conseil des gouverneurs de la BCE »: a seat in a body, which a function the
    article gives the person (« le gouverneur de la Banque de France ») tells better."""
    words = role.lower().split()
    return bool(words) and words[0] in _MEMBERSHIPS


def relative_of_another(role: str) -> bool:
    """« mère de la victime », « le frère de l'accusé », « la voisine du couple »: a relative or a
    close one (``rules/relative_nouns.txt``) of someone else, not the person just named; « mère de
    deux enfants », « père de famille », « mère d'une fillette » describe the person themself, and
    so may « la mère » alone."""
    lexicon = load_lexicon()
    words = role.split()
    while words and words[0].lower() in lexicon.prenominal_modifiers:
        words = words[1:]
    if not words or words[0].lower() not in lexicon.relative_nouns:
        return False
    return bool(_DEFINITE_COMPLEMENT.match(" ".join(words[1:])))


_GLUED_HONORIFIC = re.compile("^(?:" + "|".join(re.escape(h.rstrip(".")) for h in sorted(HONORIFICS)) + r")\.(?=[A-ZÀ-Ý])")


def _neighbourhood(token: str) -> set[tuple]:
    """Keys two tokens one letter apart (substitution, insertion, deletion) share."""
    keys = {("del", token)}
    for i in range(len(token)):
        keys.add(("sub", i, token[:i] + token[i + 1:]))  # the same word but letter i
        keys.add(("del", token[:i] + token[i + 1:]))     # a letter more than the shorter word
    return keys


def _misspellings(keys: list[str], freq: Counter) -> dict[str, str]:
    """Full names the article spells once otherwise, one letter apart: the rarer form -> the commoner
    (the first written, on a tie)."""
    keyset, position = set(keys), {k: i for i, k in enumerate(keys)}
    support = {}
    for k in keys:  # « Dinart » alone backs « Didier Dinart »: its token prefixes and suffixes
        toks = k.split()
        parts = {" ".join(toks[j:]) for j in range(1, len(toks))} | {" ".join(toks[:j]) for j in range(1, len(toks))}
        support[k] = freq[k] + sum(freq[o] for o in parts if o in keyset and o != k)
    buckets: dict[tuple, list[str]] = defaultdict(list)
    split = {k: k.split() for k in keys}
    for k in keys:
        toks = split[k]
        if len(toks) < 2:
            continue
        for j, tok in enumerate(toks):
            if len(tok) < 4:
                continue  # _one_letter_apart needs both words of 5 letters or more (4 after a deletion)
            rest = (len(toks), j, tuple(toks[:j]), tuple(toks[j + 1:]))
            for n in _neighbourhood(tok):
                buckets[rest + n].append(k)
    found: dict[str, str] = {}
    for a in keys:
        ta = split[a]
        if len(ta) < 2:
            continue
        candidates = set()
        for j, tok in enumerate(ta):
            if len(tok) < 4:
                continue
            rest = (len(ta), j, tuple(ta[:j]), tuple(ta[j + 1:]))
            for n in _neighbourhood(tok):
                candidates.update(buckets.get(rest + n, ()))
        for b in sorted(candidates, key=position.__getitem__):
            if a == b or a in found or b in found or (support[a], -position[a]) > (support[b], -position[b]):
                continue
            tb = split[b]
            if len(ta) == len(tb) >= 2 and sum(x != y for x, y in zip(ta, tb)) == 1 \
                    and all(_one_letter_apart(x, y) for x, y in zip(ta, tb) if x != y):
                found[a] = b
    return found


def _one_letter_apart(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _clean_person_names(mentions: list[NameMention]) -> list[NameMention]:
    """Drop what the recogniser took for a person but the article shows is not one.

    ``Kim de Corée du Nord`` -> ``Kim`` when ``Corée du Nord`` is a place of the article;
    ``Dupont-Martin`` is left out when ``Dupont`` and ``Martin`` are both people of the article;
    a one-word ``Montaubrac`` is left out when ``US Montaubrac`` is an organisation of the article.
    """
    places = {name_key(m.name) for m in mentions if m.type == ORGANISATION}
    place_words = {name_key(m.name).split()[-1] for m in mentions if m.type == ORGANISATION and name_key(m.name)}
    people = [name_key(m.name).split() for m in mentions if m.type == PERSON and "-" not in m.name]
    edges = {toks[0] for toks in people} | {toks[-1] for toks in people}
    cleaned = []
    for m in mentions:
        if m.type != PERSON:
            cleaned.append(m)
            continue
        words = m.name.split()
        for i, word in enumerate(words[1:], start=1):
            if word.lower() in OF_WORDS and name_key(" ".join(words[i + 1:])) in places:
                m = NameMention(" ".join(words[:i]), m.type, m.start, m.sentence, m.subject, m.quoted, m.body)
                break
        if len(name_key(m.name).split()) == 1 and name_key(m.name) in place_words:
            continue  # « l'entraîneur de Montaubrac » after « l'US Montaubrac »: a club, not a person
        parts = [name_key(p) for p in m.name.split("-")]
        if len(parts) > 1 and all(p in edges for p in parts) or not name_key(m.name):
            continue
        cleaned.append(m)
    return cleaned


_ACRONYM = re.compile(r"\(([A-ZÀ-Ý][A-ZÀ-Ý0-9&-]{1,9})\)")
_NAME_LINKS = {"de", "du", "des", "d", "l", "la", "le", "les", "et", "pour", "en", "à", "au", "aux"}


def find_acronyms(text: str) -> dict[str, str]:
    """What the article's parenthesised acronyms stand for, and the descriptions they gloss::

        >>> find_acronyms("l’Office national de l’électricité et de l’eau potable (ONEE) a démenti")
        {'ONEE': 'Office national de l’électricité et de l’eau potable'}
        >>> find_acronyms("le syndicat socialiste (FGTB) appelle à la grève")
        {'syndicat socialiste': 'FGTB'}
    """
    found: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        words = list(re.finditer(r"[\w’'-]+", text[max(0, m.start() - 160):m.start()]))[-12:]
        offset = max(0, m.start() - 160)
        letters = _initials(acronym)
        for i, first in enumerate(words):
            head = _after_elision(first.group())
            if not head[:1].isupper() or head.lower() in _NAME_LINKS:
                continue
            content = [w.group() for w in words[i:] if _bare(w.group()) not in _NAME_LINKS]
            if "".join(_initials(w)[:1] for w in content).startswith(letters) and len(content) >= len(letters) - 1:
                start = offset + first.end() - len(head)
                found[acronym] = text[start:offset + words[-1].end()]
                break
        else:
            gloss = [w.group() for w in words[-3:]]
            if len(gloss) == 3 and gloss[0].lower() in ("le", "la", "les") and all(
                    w[:1].islower() and "-" not in w and "’" not in w and "'" not in w for w in gloss[1:]):
                found[" ".join(gloss[1:])] = acronym  # « le syndicat socialiste (FGTB) »
    return found


def _after_elision(word: str) -> str:
    """``l’Office`` -> ``Office``."""
    for mark in ("’", "'"):
        if mark in word:
            word = word.split(mark, 1)[1]
    return word


def _bare(word: str) -> str:
    return word.lower().split("’")[-1].split("'")[-1] if ("’" in word or "'" in word) else word.lower()


def _initials(word: str) -> str:
    word = word.split("’")[-1].split("'")[-1]
    return "".join(c for c in unicodedata.normalize("NFKD", word.upper()) if c.isalnum())
