"""Step 4 — resolve references to the full canonical name used elsewhere in the article.

    Le président russe Vladimir Poutine est arrivé. … « … », a déclaré Poutine.  -> Vladimir Poutine
    … a souligné le président russe.                                        -> Vladimir Poutine (by role)
    Marie Dupont a déclaré que … « … », a-t-elle ajouté.                   -> Marie Dupont (subject first)
    Le ministère de la Santé a indiqué … « … », a précisé le ministère.     -> ministère de la Santé
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .normalize import name_key
from .roles import RoleMention

PERSON, ORGANISATION = "person", "organisation"


@dataclass(frozen=True)
class NameMention:
    """A name (or resolved speaker) at article offset ``start``, in sentence number ``sentence``."""

    name: str
    type: str  # person | organisation
    start: int
    sentence: int
    subject: bool


class EntityIndex:
    """The people and organisations of one article, their canonical names and roles."""

    def __init__(self, mentions: list[NameMention], roles: list[RoleMention],
                 organisations: list[tuple[int, str, str]] = ()):
        mentions = _clean_person_names([m for m in mentions if name_key(m.name)])
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._canonical = self._cluster([m.name for m in mentions if m.type == PERSON])
        self._org_nouns = list(organisations)  # (start, head noun, full description)
        counts: dict[str, Counter] = defaultdict(Counter)
        first_seen: dict[tuple[str, str], int] = {}
        for r in roles:
            name = self.canonical(r.name) if r.label == "PER" else r.name
            counts[name_key(name)][r.role] += 1
            first_seen.setdefault((name_key(name), r.role), r.start)
        self._roles = {k: max(c, key=lambda role: (c[role], -first_seen[(k, role)])) for k, c in counts.items()}

    @staticmethod
    def _cluster(names: list[str]) -> dict[str, str]:
        """Map each person-name key to the longest name it is a prefix or suffix of."""
        forms: dict[str, str] = {}
        for n in names:
            forms.setdefault(name_key(n), n)
        freq = Counter(name_key(n) for n in names)
        longest_first = sorted(forms, key=lambda k: -len(k.split()))
        canonical: dict[str, str] = {}
        for key in longest_first:
            toks = key.split()
            fits = [c for c in longest_first if len(c.split()) > len(toks)
                    and (c.split()[: len(toks)] == toks or c.split()[-len(toks):] == toks)]
            target = max(fits, key=lambda c: freq[c]) if fits else key
            canonical[key] = canonical.get(target, forms[target]) if fits else forms[key]
        return canonical

    # -- names -----------------------------------------------------------------------------
    def canonical(self, name: str) -> str:
        """``Poutine`` -> ``Vladimir Poutine`` when the article gives the full name."""
        key = name_key(name)
        if key in self._canonical:
            return self._canonical[key]
        self._canonical.update(self._cluster([*self._canonical.values(), name]))
        return self._canonical.get(key, name)

    def role_of(self, name: str) -> str | None:
        return self._roles.get(name_key(name))

    def add(self, mention: NameMention) -> None:
        """Record a resolved speaker, so that later pronouns can point back to it."""
        self.mentions.append(mention)
        self.mentions.sort(key=lambda m: m.start)

    def add_organisation(self, start: int, head: str, name: str) -> None:
        self._org_nouns.append((start, head.lower(), name))

    # -- references ------------------------------------------------------------------------
    def antecedent(self, position: int, sentence: int, window: int = 6) -> NameMention | None:
        """The person a pronoun at ``position`` most likely names.

        The nearest earlier subject of the same sentence, then the subject of the nearest
        earlier sentence that has one, then the nearest person at all.
        """
        earlier = [m for m in self.mentions
                   if m.type == PERSON and m.start < position and sentence - m.sentence <= window]
        for m in reversed(earlier):
            if m.sentence == sentence and m.subject:
                return m
        by_sentence = [m for m in earlier if m.sentence < sentence and m.subject]
        if by_sentence:
            last = by_sentence[-1].sentence
            return next(m for m in by_sentence if m.sentence == last)
        return earlier[-1] if earlier else None

    def person_by_role(self, role: str, position: int) -> str | None:
        """``le président russe`` -> the person the article calls so, nearest before first."""
        wanted = name_key(role).split()
        if not wanted:
            return None
        matches = [k for k, r in self._roles.items() if self._role_matches(wanted, name_key(r).split())]
        people = {name_key(self.canonical(m.name)) for m in self.mentions if m.type == PERSON}
        matches = [k for k in matches if k in people]
        if not matches:
            return None
        last_seen = {name_key(self.canonical(m.name)): m.start for m in self.mentions
                     if m.type == PERSON and m.start < position}
        best = max(matches, key=lambda k: last_seen.get(k, -1))
        return next(self.canonical(m.name) for m in self.mentions if name_key(self.canonical(m.name)) == best)

    @staticmethod
    def _role_matches(wanted: list[str], role: list[str]) -> bool:
        if role[: len(wanted)] == wanted:
            return True
        return wanted[0] == role[0] and set(wanted) <= set(role)

    def organisation_by_head(self, head: str, position: int) -> str | None:
        """``le ministère`` -> the last fuller organisation name with that head noun."""
        named = [name for start, h, name in self._org_nouns if h == head.lower() and start < position]
        longer = [n for n in named if len(n.split()) > 1]
        return longer[-1] if longer else None


def _clean_person_names(mentions: list[NameMention]) -> list[NameMention]:
    """Drop what the recogniser took for a person but the article shows is not one.

    ``Kim de Corée du Nord`` -> ``Kim`` when ``Corée du Nord`` is a place of the article;
    ``Dupont-Martin`` is left out when ``Dupont`` and ``Martin`` are both people of the article.
    """
    places = {name_key(m.name) for m in mentions if m.type == ORGANISATION}
    people = [name_key(m.name).split() for m in mentions if m.type == PERSON and "-" not in m.name]
    edges = {toks[0] for toks in people} | {toks[-1] for toks in people}
    cleaned = []
    for m in mentions:
        if m.type != PERSON:
            cleaned.append(m)
            continue
        words = m.name.split()
        for i, word in enumerate(words[1:], start=1):
            if word.lower() in ("de", "du", "des", "d'", "d’") and name_key(" ".join(words[i + 1:])) in places:
                m = NameMention(" ".join(words[:i]), m.type, m.start, m.sentence, m.subject)
                break
        parts = [name_key(p) for p in m.name.split("-")]
        if len(parts) > 1 and all(p in edges for p in parts) or not name_key(m.name):
            continue
        cleaned.append(m)
    return cleaned
