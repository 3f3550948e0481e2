"""Reads and writes of the store, as plain functions over a ``Session``."""
from __future__ import annotations

import base64
import hashlib
import re
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import orjson
from sqlalchemy import (ARRAY, Connection, Row, Select, Text, bindparam, cast, column, delete, exists, false, func,
                        insert, literal, or_, select, table, tuple_, union_all, update)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.expression import Alias, ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from ..nlp.normalize import name_key
from .models import ANY_WORD, MAX_ID, Article, Quote, QuoteWord, Speaker, SpeakerAlias, SpeakerRole, SpeakerToken, StoreVersion
from .reads import DriverReads

# the tables, for statements that are Core's work only (no ORM objects)
_quotes, _articles, _speakers = Quote.__table__, Article.__table__, Speaker.__table__
_words = QuoteWord.__table__


class BadCursor(ValueError):
    """A pagination cursor this service did not make."""


# -- speakers ------------------------------------------------------------------------------------
def _insert_ignore(session: Session, model, values: dict) -> None:
    """INSERT … ON CONFLICT DO NOTHING, in the dialect of the session's database."""
    dialect = postgresql if session.bind.dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(model).values(**values).on_conflict_do_nothing())


def resolve_speaker(session: Session, name: str, type_: str) -> Speaker:
    """The stored speaker for ``name``, created if new: same key, a known alias, or a surname
    that names exactly one known person (``Poutine`` -> ``Vladimir Poutine``)."""
    key = name_key(name)
    found = session.scalar(select(Speaker).where(Speaker.key == key))
    if found is None and type_ == "person" and " " not in key:
        # a name may hold « % » or « _ »: escaped, they are letters, never wildcards
        namesakes = session.scalars(select(Speaker).where(Speaker.type == "person", or_(
            Speaker.key.endswith(f" {key}", autoescape=True),
            Speaker.key.startswith(f"{key} ", autoescape=True)))).all()
        if len(namesakes) == 1:
            found = namesakes[0]
    elif found is None:  # another spelling seen before: « Kim Jong-un » for « Kim Jong Un »
        ids = set(session.scalars(select(SpeakerAlias.speaker_id).join(Speaker)
                                  .where(SpeakerAlias.key == key, Speaker.type == type_)))
        if len(ids) == 1:
            found = session.get(Speaker, ids.pop())
    if found is None:
        _insert_ignore(session, Speaker, {"name": name, "key": key, "type": type_})
        found = session.scalar(select(Speaker).where(Speaker.key == key))
    _insert_ignore(session, SpeakerAlias, {"speaker_id": found.id, "alias": name, "key": key})
    for token in set(key.split()):
        _insert_ignore(session, SpeakerToken, {"speaker_id": found.id, "token": token[:128]})
    return found


def speaker_id_given(query: str) -> int | None:
    """The speaker id ``query`` spells (ASCII digits only: « ³ » is a word), else None; capped so
    that the database never sees an out-of-range integer (MAX_ID + 1 names no row)."""
    return min(int(query), MAX_ID + 1) if re.fullmatch(r"[0-9]+", query.strip()) else None


def speakers_matching(query: str) -> Select:
    """Ids of the speakers whose names or aliases hold every word of ``query`` (accent-, case-
    and hyphen-insensitive): ``zelensky`` finds ``Volodymyr Zelensky``. An id matches itself."""
    if (speaker_id := speaker_id_given(query)) is not None:
        return select(literal(speaker_id).label("speaker_id"))
    tokens = name_tokens(query)
    return _SPEAKERS_WITH_TOKENS.params(tokens=tokens, token_count=len(tokens))


def name_tokens(name: str) -> list[str]:
    """The words of a name as ``speaker_tokens`` holds them: « Jean-Marie Le Pen » -> ``jean``,
    ``le``, ``marie``, ``pen``."""
    return sorted(set(name_key(name).split()))


# built once (bound parameters): the speakers' list asks it for every name searched
_SPEAKERS_WITH_TOKENS = (select(SpeakerToken.speaker_id)
                         .where(SpeakerToken.token.in_(bindparam("tokens", expanding=True)))
                         .group_by(SpeakerToken.speaker_id)
                         .having(func.count(SpeakerToken.token) == bindparam("token_count")))


# -- articles ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ArticleInput:
    text: str
    title: str | None = None
    url: str | None = None
    external_id: str | None = None
    published_at: datetime | None = None
    outlet: str | None = None
    language: str = "fr"


class ArticleConflict(Exception):
    """The ``external_id`` and the ``url`` sent name two different stored articles."""


def save_article(session: Session, data: ArticleInput, quotes: list, now: datetime) -> tuple[Article, bool]:
    """Create or update (same ``external_id``, else same ``url``) the article and replace its
    quotes, in the caller's transaction. Returns the article and whether it was created.
    Raises ``ArticleConflict`` rather than move or rewrite an identifier."""
    article = _lock_existing(session, data)
    created = article is None
    if created:
        try:
            with session.begin_nested():
                article = Article(text=data.text, external_id=data.external_id, url=data.url, created_at=now)
                session.add(article)
                session.flush()
        except IntegrityError:  # another request created it first: update that one
            article = _lock_existing(session, data)
            created = False
    _refuse_identifier_taken(session, article, data)
    for field in ("text", "title", "url", "external_id", "published_at", "outlet", "language"):
        value = getattr(data, field)
        if value is not None or field in ("title", "published_at", "outlet"):
            setattr(article, field, value)
    article.updated_at = now
    article.content_hash = content_hash(data.text)
    lost = _delete_quotes(session, article.id)
    session.execute(delete(SpeakerRole).where(SpeakerRole.article_id == article.id))
    session.flush()
    sort_at = data.published_at or article.created_at or now
    # each person once, in one order whatever the article's: two articles naming the same new people,
    # stored at once, create them in the same order, so that PostgreSQL never finds each waiting for
    # the other's. Full names before lone surnames, which resolve_speaker links to a full name it knows
    people = {(q.speaker.name, q.speaker.type) for q in quotes if q.speaker}
    in_order = sorted(people, key=lambda person: (" " not in name_key(person[0]), name_key(person[0]), person))
    speakers = {person: resolve_speaker(session, *person) for person in in_order}
    stored = []
    for q in quotes:
        speaker = speakers[q.speaker.name, q.speaker.type] if q.speaker else None
        if speaker is not None and q.speaker.role:
            _insert_ignore(session, SpeakerRole, {
                "speaker_id": speaker.id, "article_id": article.id, "role": q.speaker.role,
                "key": name_key(q.speaker.role), "published_at": data.published_at})
        mention = q.speaker.mention if q.speaker else None
        stored.append(Quote(
            article_id=article.id, speaker_id=speaker.id if speaker else None, text=q.text,
            text_key=name_key(q.text), start=q.start, end=q.end, kind=q.kind, confidence=q.confidence,
            speaker_name=q.speaker.name if q.speaker else None, speaker_type=q.speaker.type if q.speaker else None,
            role=q.speaker.role if q.speaker else None,
            role_key=name_key(q.speaker.role) if q.speaker and q.speaker.role else None,
            mention_text=mention.text if mention else None, mention_start=mention.start if mention else None,
            mention_end=mention.end if mention else None, **listing_columns(article, speaker),
            cue_text=q.cue.text if q.cue else None, cue_start=q.cue.start if q.cue else None,
            cue_end=q.cue.end if q.cue else None, published_at=data.published_at, sort_at=sort_at))
    session.add_all(stored)
    session.flush()
    from .corrections import reapply_corrections  # builds on this module
    reapply_corrections(session, article.id)  # people's corrections outlive re-extraction
    names = speaker_name_words(session, [quote.speaker_id for quote in stored])
    words = [row for quote in stored for row in quote_word_rows(quote, names.get(quote.speaker_id, []))]
    if words:
        session.execute(insert(QuoteWord), words)
    add_quote_counts(session, listed_by_speaker(stored), lost)
    bump_version(session)
    session.flush()
    session.expire(article, ["quotes"])
    return article, created


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def already_stored(session: Session, records: list[ArticleInput]) -> set[str]:
    """The external ids of ``records`` stored with the same text already (to resume a bulk load)."""
    ids = [r.external_id for r in records if r.external_id]
    if not ids:
        return set()
    rows = session.execute(select(Article.external_id, Article.content_hash).where(Article.external_id.in_(ids)))
    stored = dict(rows.all())
    return {r.external_id for r in records if r.external_id and stored.get(r.external_id) == content_hash(r.text)}


def _refuse_identifier_taken(session: Session, article: Article, data: ArticleInput) -> None:
    """An identifier is never moved nor rewritten: one that names another article, or a new
    value for one the article has, is a conflict (a missing one is filled in)."""
    for column, value in ((Article.external_id, data.external_id), (Article.url, data.url)):
        if value:
            owner = session.scalar(select(Article.id).where(column == value, Article.id != article.id))
            if owner is not None:
                raise ArticleConflict(f"The {column.key} {value!r} belongs to article {owner}, "
                                      f"not to article {article.id}.")
            stored = getattr(article, column.key)
            if stored is not None and stored != value:
                raise ArticleConflict(f"Article {article.id} has the {column.key} {stored!r}, which is never "
                                      f"changed: delete the article to store it under {value!r}.")


def _lock_existing(session: Session, data: ArticleInput) -> Article | None:
    for column, value in ((Article.external_id, data.external_id), (Article.url, data.url)):
        if value:
            found = session.scalar(select(Article).where(column == value).with_for_update())
            if found is not None:
                return found
    return None


def delete_article(session: Session, article_id: int) -> bool:
    article = session.get(Article, article_id)
    if article is None:
        return False
    add_quote_counts(session, Counter(), _delete_quotes(session, article_id))
    session.expire(article, ["quotes"])
    session.delete(article)
    bump_version(session)
    return True


def _delete_quotes(session: Session, article_id: int) -> Counter[int]:
    """Deletes the article's quotes. Returns the listed quotes each speaker lost, as the rows were
    when deleted: a correction committed in the meantime is counted as it left them."""
    deleted = session.execute(delete(Quote).where(Quote.article_id == article_id)
                              .returning(Quote.speaker_id, Quote.rejected))
    return listed_by_speaker(deleted)


def listed_by_speaker(quotes: Iterable) -> Counter[int]:
    """How many of ``quotes`` (objects or rows with ``speaker_id`` and ``rejected``) each speaker
    has in lists, that is not rejected."""
    return Counter(q.speaker_id for q in quotes if q.speaker_id is not None and not q.rejected)


# of the table, not the class: run for a list of speakers at once (executemany)
_MOVE_QUOTE_COUNT = (update(_speakers).where(_speakers.c.id == bindparam("speaker"))
                     .values(quote_count=_speakers.c.quote_count + bindparam("change")))


def add_quote_counts(session: Session, gained: Counter[int], lost: Counter[int]) -> None:
    """Moves each speaker's ``quote_count`` by what it ``gained`` less what it ``lost``, in the
    order of the speakers' ids: writers that change the same speakers lock them in the same order,
    so that PostgreSQL never finds two waiting for each other. An increment, not a recount: two
    transactions that each add theirs add up whatever their order."""
    change = Counter(gained)
    change.subtract(lost)
    moves = [{"speaker": speaker_id, "change": n} for speaker_id, n in sorted(change.items()) if n]
    if moves:
        session.execute(_MOVE_QUOTE_COUNT, moves)


def bump_version(session: Session) -> None:
    session.execute(update(StoreVersion).where(StoreVersion.id == 1).values(version=StoreVersion.version + 1))



# -- quotes --------------------------------------------------------------------------------------
WORD = re.compile(r"[^\W_]+")
MAX_WORD = 100  # characters of a word kept in the index (a longer one is matched on these)
PROBE = 200  # quote_words entries read at most for each word of q= to find the rarest (see StoreSpread.rarest)
WALK_CHOICES = 8  # words of q= (the longest) of which the rarest is walked: the others are looked up
COMMON_WORDS = 1000  # words of quote_words whose share PostgreSQL's statistics keep (migration 0014)
SIGNATURE_BITS = 63  # of each of the signature's two 64-bit columns, the sign bit left clear: one value in both databases


def words_of(text: str) -> list[str]:
    """The words ``q=`` finds in ``text``, in order, once: runs of letters and digits after case,
    accents, hyphens and apostrophes are set aside (``name_key``): « L'État » has ``l`` and ``etat``."""
    return list(dict.fromkeys(word[:MAX_WORD] for word in WORD.findall(name_key(text))))


def _two_bits(digest: bytes) -> int:
    return 1 << int.from_bytes(digest[:4], "big") % SIGNATURE_BITS | 1 << int.from_bytes(digest[4:], "big") % SIGNATURE_BITS


def word_bits(word: str) -> int:
    """The bits a hash of ``word`` sets in a signature of ``2 * SIGNATURE_BITS`` bits: two in each
    half (of two hashes: the low half's is the one of migration 0009). Stored in ``quote_words``:
    changing it needs a migration that computes the signatures again."""
    data = word.encode("utf-8", "surrogatepass")
    low = hashlib.blake2b(data, digest_size=8).digest()
    high = hashlib.blake2b(data, digest_size=8, person=b"high").digest()
    return _two_bits(low) | _two_bits(high) << SIGNATURE_BITS


def words_signature(words: list[str]) -> int:
    """The bits of every word of ``words`` (a superimposed code): a quote whose signature lacks one
    bit of another word's cannot hold that word; one that has them all may, so the word is then
    looked up. Of 516 quotes of real news articles (thirteen words each at the median), one in 5.7
    of those lacking a word has its bits in the low half (all there was before migration 0011), one
    in 17 in both halves (one in 15 and one in 170 of ``bench/api.py``'s quotes of 6 to 14 words).
    ``words_signature(words_of("Le budget voté"))``."""
    signature = 0
    for word in words:
        signature |= word_bits(word)
    return signature


def signature_columns(words: list[str]) -> dict[str, int]:
    """``words_signature(words)`` as ``quote_words`` stores it: ``signature`` (its low half) and
    ``signature_high``."""
    signature = words_signature(words)
    return {"signature": signature & ANY_WORD, "signature_high": signature >> SIGNATURE_BITS}


NAME_MARK = "_"  # opens a name word in quote_words: never a word of text, which has no « _ » (WORD)


def name_words(tokens: Iterable[str]) -> list[str]:
    """A speaker's name tokens (``name_tokens``, ``speaker_tokens``) as ``quote_words`` holds them for
    each of the speaker's quotes: ``macron`` -> ``_macron``."""
    return list(dict.fromkeys(NAME_MARK + token[:MAX_WORD - len(NAME_MARK)] for token in tokens))


def speaker_name_words(session: Session, speaker_ids: Iterable[int | None]) -> dict[int, list[str]]:
    """The ``name_words`` of each speaker's tokens, for the quotes they are written with."""
    ids = sorted({speaker_id for speaker_id in speaker_ids if speaker_id is not None})
    tokens: dict[int, list[str]] = {}
    if ids:
        for speaker_id, token in session.execute(select(SpeakerToken.speaker_id, SpeakerToken.token)
                                                 .where(SpeakerToken.speaker_id.in_(ids))):
            tokens.setdefault(speaker_id, []).append(token)
    return {speaker_id: name_words(found) for speaker_id, found in tokens.items()}


def quote_word_rows(quote: Quote | Row, names: list[str], text: bool = True) -> list[dict]:
    """The ``quote_words`` rows of a quote: its words (unless ``text`` is false) and its speaker's
    ``names``, each with the signature of its words."""
    said = words_of(quote.text)
    signature = signature_columns(said)
    return [{"word": word, "sort_at": quote.sort_at, "quote_id": quote.id, **signature}
            for word in (said if text else []) + names]


def _write_name_words(session: Session, quotes: list[Quote | Row]) -> None:
    """Inserts the name words of ``quotes`` (each with its quote's signature)."""
    names = speaker_name_words(session, [quote.speaker_id for quote in quotes])
    rows = [row for quote in quotes for row in quote_word_rows(quote, names.get(quote.speaker_id, []), text=False)]
    if rows:
        session.execute(insert(QuoteWord), rows)


def index_speaker_name(session: Session, quote: Quote) -> None:
    """Writes again the name words of a quote whose speaker changed (a correction)."""
    session.execute(delete(QuoteWord).where(QuoteWord.quote_id == quote.id,
                                            QuoteWord.word.startswith(NAME_MARK, autoescape=True)))
    _write_name_words(session, [quote])


def index_missing_name_words(session: Session, batch: int = 5000) -> int:
    """Writes the name words of the quotes that have a speaker and none: quotes stored, once
    migration 0012 had run, by a node still running the code of before it (a rolling upgrade).
    Returns how many quotes it completed (``python -m service db complete-quotes``)."""
    has_names = exists(select(QuoteWord.quote_id).where(QuoteWord.quote_id == _quotes.c.id,
                                                        QuoteWord.word.startswith(NAME_MARK, autoescape=True)))
    missing = (select(_quotes.c.id, _quotes.c.sort_at, _quotes.c.text, _quotes.c.speaker_id)
               .where(_quotes.c.speaker_id.is_not(None), _quotes.c.id > bindparam("after"), ~has_names)
               .order_by(_quotes.c.id).limit(batch))
    done, after = 0, 0
    while quotes := session.execute(missing, {"after": after}).all():
        _write_name_words(session, quotes)
        done, after = done + len(quotes), quotes[-1].id
    return done


@dataclass(frozen=True)
class QuoteFilters:
    speaker: str | None = None  # an id, or words of a name
    q: str | None = None
    role: str | None = None
    article: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    kind: str | None = None  # one kind or a comma list: "direct,partial"
    include_rejected: bool = False


@dataclass(frozen=True)
class Shape:
    """Which filters a list query has, not their values: one statement is built per shape and
    kept, so that a page costs the binding of its values only."""

    include_rejected: bool = False
    speaker_id: bool = False  # one speaker, by id: an equality, walked in ix_quotes_speaker_sort
    words: int = 0  # words of quote_words each quote must have (word0, word1, …): q='s and a speaker name's
    no_words: bool = False  # q= or a speaker name has no word at all: nothing matches
    by_words: bool = False  # the walk follows quote_words of word0 instead of a quotes index
    signed: bool = False  # the walk tests the bits of q='s words (words_signature) before looking words up
    by_kind: bool = False  # the walk follows ix_quotes_kind_sort: one kind, nothing more selective
    role: bool = False
    article: bool = False
    since: bool = False
    until: bool = False
    kind: bool = False


@dataclass(frozen=True)
class QuoteQuery:
    """A list of quotes to read: its shape and the values of its parameters."""

    shape: Shape
    params: dict


# one listed quote, with its speaker's name and its article's reference: columns of quotes alone
# (the article's date is the quote's published_at)
QUOTE_ROW_COLUMNS = tuple(_quotes.c[name] for name in (
    "id", "article_id", "speaker_id", "text", "start", "end", "kind", "confidence", "speaker_name", "speaker_type",
    "role", "mention_text", "mention_start", "mention_end", "cue_text", "cue_start", "cue_end", "published_at",
    "sort_at", "rejected", "corrected_at", "corrected_by", "speaker_canonical_name", "article_title", "article_url",
    "article_outlet"))


def quotes_query(db: Session | Connection | DriverReads, filters: QuoteFilters,
                 spread: StoreSpread | None = None) -> QuoteQuery:
    """The quotes matching ``filters``, newest first. The words of ``q`` and of a speaker name are
    words of ``quote_words`` (a name's: ``name_words``, each quote's speaker's tokens), whose key is
    in page order: a page walks the rarest of them, and tests on each entry the bits of ``q``'s
    words (``words_signature``) before looking the others up. Which is rarest comes from ``spread``:
    PostgreSQL's statistics, else known from earlier pages of this process, else probed now (a single
    word needs no choice). On
    SQLite, which has no statistics of a store the service fills, the index walked is the shape's
    choice: a speaker's (by id), an article's, the rarest word's, else one kind's, else
    ``ix_quotes_sort``."""
    spread = spread or StoreSpread(seconds=0)
    params: dict = {}
    shape: dict = {"include_rejected": filters.include_rejected}
    said = words_of(filters.q) if filters.q is not None else []
    speaker_id = speaker_id_given(filters.speaker) if filters.speaker is not None else None
    by_name = filters.speaker is not None and speaker_id is None
    named = name_words(name_tokens(filters.speaker)) if by_name else []
    if speaker_id is not None:
        shape["speaker_id"], params["speaker_id"] = True, speaker_id
    # a q= or a name without a word (« ?! ») matches nothing
    shape["no_words"] = (filters.q is not None and not said) or (by_name and not named)
    words = said + named
    if words:
        shape["words"] = len(words)
        # the index of a word is in page order: it drives the walk unless a speaker's or an article's does
        shape["by_words"] = speaker_id is None and filters.article is None
        if shape["by_words"] and len(words) > 1:  # the walk is one word's (word0): the others are looked up.
            # The longest are candidates: in a language, the longer a word the rarer it tends to be
            walked = spread.rarest(db, sorted(words, key=len, reverse=True)[:WALK_CHOICES])
            words = [walked, *(word for word in words if word != walked)]
            if said:  # the bits of q='s words, tested on each entry before the lookups
                bits = signature_columns(said)
                shape["signed"], params["words_bits"], params["words_bits_high"] = \
                    True, bits["signature"], bits["signature_high"]
        params.update((f"word{i}", word) for i, word in enumerate(words))
    if filters.role:
        shape["role"], params["role"] = True, "%" + _like_escaped(name_key(filters.role)) + "%"
    for name in ("article", "since", "until"):
        if getattr(filters, name) is not None:
            shape[name], params[name] = True, getattr(filters, name)
    if filters.kind:
        kinds = list(dict.fromkeys(filters.kind.split(",")))
        shape["kind"], params["kinds"] = True, kinds
        # one kind's quotes are a range of ix_quotes_kind_sort in page order; a speaker, an
        # article or a word has far fewer quotes than a kind, and several kinds would need a sort
        shape["by_kind"] = len(kinds) == 1 and filters.speaker is None and filters.article is None \
            and filters.q is None
    return QuoteQuery(Shape(**shape), params)


class StoreSpread:
    """How the store's quotes spread over the words of ``quote_words`` (``q=``'s and names'), as this
    process found it lately: which word a page of several walks (``rarest``).

    On PostgreSQL, once it has analysed ``quote_words`` (autovacuum does), its statistics say:
    the most common words and their share of the entries (``COMMON_WORDS`` of them, migration 0014),
    read once per ``seconds``, so that no page sends a statement to choose. Without statistics
    (SQLite, which the service never analyses; PostgreSQL before its first ``ANALYZE``), or with
    ``statistics=False``, each word's newest entries are probed, and what a probe found is kept for
    ``seconds`` (at most ``size`` words, least recently used dropped first), so that a page of
    words seen lately sends no probe. A spread moves slowly, and a stale one costs a longer walk,
    never a wrong page: every word is still required. One per app (``create_app``); ``seconds=0``
    keeps nothing."""

    def __init__(self, seconds: float = 300.0, size: int = 20_000, clock: Callable[[], float] = time.monotonic,
                 statistics: bool = True):
        self.seconds, self.size, self.clock, self.statistics = seconds, size, clock, statistics
        # a word: (when probed, what was found)
        self._known: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        # when PostgreSQL's statistics were read, and what they hold (None: none)
        self._common: tuple[float, dict[str, float] | None] | None = None
        self._lock = threading.Lock()

    def _recall(self, keys: Iterable[str]) -> dict:
        """What is known of ``keys`` and not stale."""
        now, found = self.clock(), {}
        with self._lock:
            for key in keys:
                known = self._known.get(key)
                if known is not None and now - known[0] < self.seconds:
                    found[key] = known[1]
                    self._known.move_to_end(key)
        return found

    def _keep(self, found: dict) -> None:
        if self.seconds > 0:
            now = self.clock()
            with self._lock:
                for key, value in found.items():
                    self._known[key] = (now, value)
                    self._known.move_to_end(key)
                while len(self._known) > self.size:
                    self._known.popitem(last=False)

    def rarest(self, db: Session | Connection | DriverReads, words: list[str]) -> str:
        """The word of ``words`` (distinct) a walk should follow: the rarest where pages start (the
        newest quotes), from each word's newest ``PROBE`` entries of ``quote_words`` (at most): a
        word no quote has (its empty range ends the walk at once), then the fewest entries, then, of
        words with ``PROBE`` or more, the one whose ``PROBE`` newest go back furthest, then the
        order given. The words not known are probed in one statement. With PostgreSQL's statistics,
        the word of the smallest share, a word they do not list counting as rarer than all they do."""
        shares = self.common_words(db) if self.statistics else None
        if shares is not None:
            return min(words, key=lambda word: shares.get(word, 0.0))  # of equal shares, the first given
        ranks = self._recall(words)
        missing = [word for word in words if word not in ranks]
        if missing:
            params = {"probe": PROBE, **{f"word{i}": word for i, word in enumerate(missing)}}
            probed = {missing[position]: (entries, oldest or datetime.min)
                      for position, entries, oldest in _rows(db, _word_probes(len(missing)), params)}
            self._keep(probed)
            ranks.update(probed)
        return min(words, key=ranks.__getitem__)  # of equal ranks, the first given


    def common_words(self, db: Session | Connection | DriverReads) -> dict[str, float] | None:
        """PostgreSQL's most common words of ``quote_words`` and their share of its entries, as its
        last ``ANALYZE`` found them (read again after ``seconds``); None on SQLite, or before then."""
        if _dialect_name(db) != "postgresql":
            return None
        now = self.clock()
        with self._lock:
            if self._common is not None and now - self._common[0] < self.seconds:
                return self._common[1]
        rows = _rows(db, _COMMON_WORDS, {})
        common = dict(zip(rows[0][0], rows[0][1])) if rows and rows[0][0] else None
        with self._lock:
            self._common = (now, common)
        return common


def _dialect_name(db: Session | Connection | DriverReads) -> str:
    return (db.get_bind() if isinstance(db, Session) else db).dialect.name


# PostgreSQL's statistics of quote_words.word in this schema: its most common values (an anyarray,
# read as text[]) and their frequencies
_pg_stats = table("pg_stats", column("schemaname"), column("tablename"), column("attname"),
                  column("most_common_vals"), column("most_common_freqs"))
_COMMON_WORDS = (select(cast(cast(_pg_stats.c.most_common_vals, Text), ARRAY(Text)), _pg_stats.c.most_common_freqs)
                 .where(_pg_stats.c.schemaname == func.current_schema(), _pg_stats.c.tablename == _words.name,
                        _pg_stats.c.attname == _words.c.word.name))


@lru_cache(maxsize=WALK_CHOICES)
def _word_probes(words: int) -> Select:
    """``(position, entries, oldest)`` of ``word0``, ``word1``… (``words`` of them): each one's
    newest ``:probe`` entries of ``quote_words`` (at most), read in its part of the key."""
    probes = []
    for i in range(words):
        newest = (select(_words.c.sort_at).where(_words.c.word == bindparam(f"word{i}"))
                  .order_by(_words.c.sort_at.desc(), _words.c.quote_id.desc()).limit(bindparam("probe"))
                  .subquery(f"newest{i}"))
        probes.append(select(literal(i).label("position"), func.count().label("entries"),
                             func.min(newest.c.sort_at).label("oldest")).select_from(newest))
    return probes[0] if words == 1 else union_all(*probes)


def _rows(db: Session | Connection | DriverReads, statement: Select, params: dict) -> list:
    """The rows of ``statement``, by position (``DriverReads`` gives the driver's rows)."""
    return db.all(statement, params) if isinstance(db, DriverReads) else db.execute(statement, params).all()


def _like_escaped(text: str) -> str:
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


_walk = _words.alias("w0")  # the word a by_words walk follows


@lru_cache(maxsize=None)
def _word_lookup(i: int) -> Alias:
    """``quote_words`` as ``w1``, ``w2``… for the lookup of ``word0``, ``word1``…: an alias is
    built once (each costs its columns' copies), whatever the statements it serves."""
    return _words.alias(f"w{i + 1}")


def _conditions(shape: Shape) -> list:
    """The WHERE clauses of ``shape`` on ``quotes``, with named parameters."""
    # the other words are looked up for the quote's key: the walk's entry when it walks a word (so
    # that an entry is dropped before its quote is read), else the quote's own columns
    key_at, key_id = (_walk.c.sort_at, _walk.c.quote_id) if shape.by_words else (_quotes.c.sort_at, _quotes.c.id)
    conditions = [] if shape.include_rejected else [_quotes.c.rejected.is_(False)]
    if shape.speaker_id:  # an equality walks ix_quotes_speaker_sort in page order
        conditions.append(_quotes.c.speaker_id == bindparam("speaker_id"))
    if shape.no_words:
        conditions.append(false())
    if shape.signed:  # before the lookups: it spares most of them
        for column, name in ((_walk.c.signature, "words_bits"), (_walk.c.signature_high, "words_bits_high")):
            bits = bindparam(name, type_=column.type)
            conditions.append(column.bitwise_and(bits) == bits)
    # a walk along word0 needs no lookup of it: the walk is its entries
    for i in range(1 if shape.by_words else 0, shape.words):
        index = _word_lookup(i)
        # a lookup of the word's key for each quote walked; OFFSET 0 keeps PostgreSQL from making it
        # a join, which would read the whole list of a common word into a hash
        conditions.append(exists(select(index.c.quote_id).where(
            index.c.word == bindparam(f"word{i}"), index.c.sort_at == key_at, index.c.quote_id == key_id).offset(0)))
    if shape.role:
        conditions.append(_quotes.c.role_key.like(bindparam("role"), escape="/"))
    if shape.article:
        conditions.append(_quotes.c.article_id == bindparam("article"))
    # a quote with a date sorts by it (sort_at == published_at, save_article): a dated quote's
    # sort_at in the range is its date in the range, read as a range of the keyset index. Not
    # bounding published_at too keeps PostgreSQL's generic plan from counting two ranges, whose
    # product made it expect one row and sort a kind's every quote of a wide range instead
    if shape.since or shape.until:
        conditions.append(_quotes.c.published_at.is_not(None))
    if shape.since:
        conditions.append(_quotes.c.sort_at >= bindparam("since"))
    if shape.until:
        conditions.append(_quotes.c.sort_at <= bindparam("until"))
    if shape.kind:
        # unless the kind drives the walk, it is tested on the rows another index gives, so that
        # SQLite never walks a kind's hundreds of thousands of quotes to find a speaker's few
        kind = _quotes.c.kind if shape.by_kind else _NoIndex(_quotes.c.kind)
        conditions.append(kind.in_(bindparam("kinds", expanding=True)))
    return conditions


class _NoIndex(ColumnElement):
    """A column that SQLite tests on each row but never looks up in an index: its unary ``+``,
    the documented way to keep a term from choosing the index. SQLite has no statistics of a
    store the service fills (it never runs ``ANALYZE``) and guesses that an equality on any
    index finds few rows, a kind's as a speaker's. PostgreSQL gets the column: its planner
    knows from its statistics how many quotes a kind has (an expression would hide them)."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column):
        self.column = column
        self.type = column.type


@compiles(_NoIndex)
def _column_itself(element: _NoIndex, compiler, **kw) -> str:
    return compiler.process(element.column, **kw)


@compiles(_NoIndex, "sqlite")
def _unary_plus(element: _NoIndex, compiler, **kw) -> str:
    return "+" + compiler.process(element.column, **kw)


@lru_cache(maxsize=512)
def rows_statement(shape: Shape, paged: bool = False, after_cursor: bool = False) -> Select:
    """The statement of a list of ``shape``, built once: flat rows of ``QUOTE_ROW_COLUMNS``, read
    from ``quotes`` (and the walked word's ``quote_words``) alone, with no ORM object. Of the tables, not of
    the ORM classes, so that executing it is Core's work only; kept, so that SQLAlchemy's cache key
    of it is computed once. ``paged``: ``LIMIT :limit``; ``after_cursor``: after ``(:after_at,
    :after_id)``."""
    if shape.by_words:  # the quotes holding one word of q=, in page order: a range of quote_words' key
        walk = _walk
        stmt = (select(*QUOTE_ROW_COLUMNS).select_from(walk).join(_quotes, _quotes.c.id == walk.c.quote_id)
                .where(walk.c.word == bindparam("word0")))
        keys = (walk.c.sort_at, walk.c.quote_id)
        if shape.since:
            stmt = stmt.where(walk.c.sort_at >= bindparam("since"))
        if shape.until:
            stmt = stmt.where(walk.c.sort_at <= bindparam("until"))
    else:
        stmt, keys = select(*QUOTE_ROW_COLUMNS).select_from(_quotes), (_quotes.c.sort_at, _quotes.c.id)
    stmt = stmt.where(*_conditions(shape)).order_by(keys[0].desc(), keys[1].desc())
    if after_cursor:
        stmt = stmt.where(tuple_(*keys) < tuple_(bindparam("after_at", type_=keys[0].type),
                                                 bindparam("after_id", type_=keys[1].type)))
    return stmt.limit(bindparam("limit")) if paged else stmt


def quote_conditions(filters: QuoteFilters) -> list:
    """The WHERE clauses of ``filters`` on ``quotes`` with their values, for counts: filters that
    need no lookup first (a speaker given by id, dates, kinds, a role), not ``q`` nor a name."""
    if filters.q is not None or (filters.speaker is not None and speaker_id_given(filters.speaker) is None):
        raise ValueError("quote_conditions takes no q= and no speaker name: use quotes_query")
    query = quotes_query(None, filters)
    return [condition.params(query.params) for condition in _conditions(query.shape)]


def quote_row(quote: Quote) -> tuple:
    """A ``Quote`` object as a row of ``QUOTE_ROW_COLUMNS``."""
    return tuple(getattr(quote, column.key) for column in QUOTE_ROW_COLUMNS)


def listing_columns(article: Article, speaker: Speaker | None) -> dict:
    """What a list shows of a quote's speaker and article, as the quote stores it."""
    return {"speaker_canonical_name": speaker.name if speaker else None, "article_title": article.title,
            "article_url": article.url, "article_outlet": article.outlet}


def fill_listing_columns(session: Session) -> int:
    """Writes ``listing_columns`` where a quote's differ from its article's and speaker's: quotes
    stored, once migration 0013 had run, by a node still running the code of before it (a rolling
    upgrade). Returns how many it wrote, a quote's speaker name and its article reference
    counted apart (``python -m service db complete-quotes``)."""
    done = 0
    for owner, values in ((_articles.c.id == _quotes.c.article_id,
                           {"article_title": _articles.c.title, "article_url": _articles.c.url,
                            "article_outlet": _articles.c.outlet}),
                          (_speakers.c.id == _quotes.c.speaker_id, {"speaker_canonical_name": _speakers.c.name})):
        differ = or_(*(_quotes.c[name].is_distinct_from(value) for name, value in values.items()))
        done += session.execute(update(_quotes).where(owner, differ).values(values)).rowcount
    return done


_ID, _SORT_AT = ([column.key for column in QUOTE_ROW_COLUMNS].index(name) for name in ("id", "sort_at"))


def page(db: Session | Connection | DriverReads, query: QuoteQuery, limit: int, cursor: str | None) -> tuple[list, str | None]:
    """One page of ``query`` (newest first) after ``cursor``, and the cursor of the next page: rows
    of ``QUOTE_ROW_COLUMNS`` (by position: ``DriverReads`` gives the driver's rows, not ``Row`` objects)."""
    params = {**query.params, "limit": limit + 1}
    if cursor:
        params["after_at"], params["after_id"] = decode_cursor(cursor)
    statement = rows_statement(query.shape, paged=True, after_cursor=bool(cursor))
    rows = _rows(db, statement, params)
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1][_SORT_AT], rows[-1][_ID]) if more and rows else None


def stream(db: Session | Connection, query: QuoteQuery, batch: int = 500) -> Iterator[Row]:
    """Every row of ``query``, fetched in batches, never all in memory."""
    yield from db.execute(rows_statement(query.shape).execution_options(yield_per=batch), query.params)


def encode_cursor(sort_at: datetime, last_id: int) -> str:
    """``["2024-05-03T10:11:12", 123]`` in URL-safe base64 (orjson writes a naive date as
    ``isoformat`` does, at a fifth of ``json``'s cost: a cursor is made for every page)."""
    return base64.urlsafe_b64encode(orjson.dumps([sort_at, last_id])).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """The ``(sort_at, id)`` a cursor holds; ``BadCursor`` unless it has exactly the shape
    ``encode_cursor`` gives (a naive date, an id within the id range), so that no value of
    the wrong type or range ever reaches the database."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_at, last_id = orjson.loads(raw)
        if not isinstance(sort_at, str) or type(last_id) is not int or not 1 <= last_id <= MAX_ID:
            raise ValueError("not a (date, id) pair")
        when = datetime.fromisoformat(sort_at)
        if when.tzinfo is not None:
            raise ValueError("dates are stored naive")
        return when, last_id
    except (ValueError, TypeError, RecursionError) as error:
        raise BadCursor("The cursor is not one this service gave.") from error


# -- speakers listing ----------------------------------------------------------------------------
def speakers_query(query: str | None) -> Select:
    """``(Speaker, quote count)`` rows of the speakers (matching ``query`` when given), most quoted
    first: the counts every write keeps (``add_quote_counts``), read in ``ix_speakers_quote_count``."""
    stmt = select(Speaker, Speaker.quote_count).options(selectinload(Speaker.roles), selectinload(Speaker.aliases))
    if query:
        stmt = stmt.where(Speaker.id.in_(speakers_matching(query)))
    return stmt.order_by(Speaker.quote_count.desc(), Speaker.id)


def speaker_ranking(session: Session, filters: QuoteFilters, limit: int) -> list[dict]:
    """The most quoted speakers among the quotes matching ``filters``: ``{"speaker",
    "quote_count", "by_kind"}``, most quoted first."""
    conditions = [*quote_conditions(filters), Quote.speaker_id.is_not(None)]
    if filters == QuoteFilters():  # every quote: the counts every write keeps, not a count of them all
        top = session.execute(select(Speaker.id, Speaker.quote_count).where(Speaker.quote_count > 0)
                              .order_by(Speaker.quote_count.desc(), Speaker.id).limit(limit)).all()
    else:
        total = func.count(Quote.id)
        top = session.execute(select(Quote.speaker_id, total).where(*conditions).group_by(Quote.speaker_id)
                              .order_by(total.desc(), Quote.speaker_id).limit(limit)).all()
    ids = [speaker_id for speaker_id, _ in top]
    by_kind: dict[int, dict[str, int]] = {speaker_id: {} for speaker_id in ids}
    for speaker_id, kind, count in session.execute(
            select(Quote.speaker_id, Quote.kind, func.count(Quote.id)).where(*conditions, Quote.speaker_id.in_(ids))
            .group_by(Quote.speaker_id, Quote.kind)):
        by_kind[speaker_id][kind] = count
    speakers = {s.id: s for s in session.scalars(select(Speaker).where(Speaker.id.in_(ids)))}
    return [{"speaker": speakers[i], "quote_count": n, "by_kind": by_kind[i]} for i, n in top]


def quotes_per_month(session: Session, filters: QuoteFilters) -> dict[str, int]:
    """``{"2024-06": 12, …}``: how many quotes matching ``filters`` each month (by publication date,
    else ingestion date), in date order."""
    months: dict[str, int] = {}
    for when in session.scalars(select(Quote.sort_at).where(*quote_conditions(filters)).order_by(Quote.sort_at)):
        month = f"{when.year:04d}-{when.month:02d}"
        months[month] = months.get(month, 0) + 1
    return months
