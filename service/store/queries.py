"""Reads and writes of the store, as plain functions over a ``Session``."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Row, Select, delete, func, literal, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from ..nlp.normalize import name_key
from .models import MAX_ID, Article, Quote, Speaker, SpeakerAlias, SpeakerRole, SpeakerToken, StoreVersion


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
    tokens = sorted(set(name_key(query).split()))
    return (select(SpeakerToken.speaker_id).where(SpeakerToken.token.in_(tokens))
            .group_by(SpeakerToken.speaker_id).having(func.count(SpeakerToken.token) == len(tokens)))


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
    session.execute(delete(Quote).where(Quote.article_id == article.id))
    session.execute(delete(SpeakerRole).where(SpeakerRole.article_id == article.id))
    session.flush()
    sort_at = data.published_at or article.created_at or now
    for q in quotes:
        speaker = resolve_speaker(session, q.speaker.name, q.speaker.type) if q.speaker else None
        if speaker is not None and q.speaker.role:
            _insert_ignore(session, SpeakerRole, {
                "speaker_id": speaker.id, "article_id": article.id, "role": q.speaker.role,
                "key": name_key(q.speaker.role), "published_at": data.published_at})
        mention = q.speaker.mention if q.speaker else None
        session.add(Quote(
            article_id=article.id, speaker_id=speaker.id if speaker else None, text=q.text,
            text_key=name_key(q.text), start=q.start, end=q.end, kind=q.kind, confidence=q.confidence,
            speaker_name=q.speaker.name if q.speaker else None, speaker_type=q.speaker.type if q.speaker else None,
            role=q.speaker.role if q.speaker else None,
            role_key=name_key(q.speaker.role) if q.speaker and q.speaker.role else None,
            mention_text=mention.text if mention else None, mention_start=mention.start if mention else None,
            mention_end=mention.end if mention else None,
            cue_text=q.cue.text if q.cue else None, cue_start=q.cue.start if q.cue else None,
            cue_end=q.cue.end if q.cue else None, published_at=data.published_at, sort_at=sort_at))
    session.flush()
    from .corrections import reapply_corrections  # builds on this module
    reapply_corrections(session, article.id)  # people's corrections outlive re-extraction
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
    session.delete(article)
    bump_version(session)
    return True


def bump_version(session: Session) -> None:
    session.execute(update(StoreVersion).where(StoreVersion.id == 1).values(version=StoreVersion.version + 1))



# -- quotes --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuoteFilters:
    speaker: str | None = None
    q: str | None = None
    role: str | None = None
    article: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    kind: str | None = None  # one kind or a comma list: "direct,partial"
    include_rejected: bool = False
    speaker_ids: tuple[int, ...] | None = None  # the ids a speaker name names (resolve_speaker_name)


def resolve_speaker_name(session: Session, filters: QuoteFilters) -> QuoteFilters:
    """``filters`` with a speaker name replaced by the ids of the speakers it names, so that the
    page query reads each one's part of ``ix_quotes_speaker_sort`` whatever the planner would
    guess of a subquery (SQLite may otherwise walk the whole table in date order)."""
    if filters.speaker is None or speaker_id_given(filters.speaker) is not None:
        return filters
    return replace(filters, speaker=None, speaker_ids=tuple(session.scalars(speakers_matching(filters.speaker))))


# one listed quote: its columns, its speaker's current name and its article's reference
QUOTE_ROW_COLUMNS = (
    Quote.id, Quote.article_id, Quote.speaker_id, Quote.text, Quote.start, Quote.end, Quote.kind, Quote.confidence,
    Quote.speaker_name, Quote.speaker_type, Quote.role, Quote.mention_text, Quote.mention_start, Quote.mention_end,
    Quote.cue_text, Quote.cue_start, Quote.cue_end, Quote.published_at, Quote.sort_at, Quote.rejected,
    Quote.corrected_at, Quote.corrected_by, Speaker.name.label("speaker_current_name"),
    Article.title.label("article_title"), Article.url.label("article_url"), Article.outlet.label("article_outlet"),
    Article.published_at.label("article_published_at"))


# built once: a statement of 27 columns costs more to build than a page costs to read; of the tables,
# not of the ORM classes, so that executing it is Core's work only
_quotes, _articles, _speakers = Quote.__table__, Article.__table__, Speaker.__table__
_QUOTE_ROWS = (select(*(_quotes.c[c.key] for c in QUOTE_ROW_COLUMNS[:-5]), _speakers.c.name.label("speaker_current_name"),
                      _articles.c.title.label("article_title"), _articles.c.url.label("article_url"),
                      _articles.c.outlet.label("article_outlet"), _articles.c.published_at.label("article_published_at"))
               .select_from(Quote.__table__)
               .join(Article.__table__, Article.__table__.c.id == Quote.__table__.c.article_id)
               .outerjoin(Speaker.__table__, Speaker.__table__.c.id == Quote.__table__.c.speaker_id)
               .order_by(Quote.__table__.c.sort_at.desc(), Quote.__table__.c.id.desc()))


def quotes_query(filters: QuoteFilters) -> Select:
    """The quotes matching ``filters``, newest first, as flat rows of ``QUOTE_ROW_COLUMNS``: one
    query gives a page with each quote's article and speaker, and no ORM object is built."""
    return _QUOTE_ROWS.where(*quote_conditions(filters))


def quote_row(quote: Quote) -> tuple:
    """A ``Quote`` object (with its article and speaker) as a row of ``quotes_query``."""
    return (*(getattr(quote, column.key) for column in QUOTE_ROW_COLUMNS[:-5]),
            quote.speaker.name if quote.speaker else None, quote.article.title, quote.article.url,
            quote.article.outlet, quote.article.published_at)


def quote_conditions(filters: QuoteFilters) -> list:
    """The WHERE clauses of ``filters`` on ``Quote``, for lists and for counts."""
    conditions = [] if filters.include_rejected else [_quotes.c.rejected.is_(False)]
    if filters.speaker is not None:
        speaker_id = speaker_id_given(filters.speaker)  # an equality walks ix_quotes_speaker_sort in order
        conditions.append(_quotes.c.speaker_id == speaker_id if speaker_id is not None
                          else _quotes.c.speaker_id.in_(speakers_matching(filters.speaker)))
    if filters.speaker_ids is not None:
        conditions.append(_quotes.c.speaker_id == filters.speaker_ids[0] if len(filters.speaker_ids) == 1
                          else _quotes.c.speaker_id.in_(filters.speaker_ids))
    for word in name_key(filters.q or "").split():
        conditions.append(_quotes.c.text_key.contains(word, autoescape=True))
    if filters.role:
        conditions.append(_quotes.c.role_key.contains(name_key(filters.role), autoescape=True))
    if filters.article is not None:
        conditions.append(_quotes.c.article_id == filters.article)
    # a quote with a date sorts by it (sort_at == published_at), so the same bound on sort_at
    # selects nothing more and lets the database read a range of the keyset index
    if filters.since is not None:
        conditions += [_quotes.c.published_at >= filters.since, _quotes.c.sort_at >= filters.since]
    if filters.until is not None:
        conditions += [_quotes.c.published_at <= filters.until, _quotes.c.sort_at <= filters.until]
    if filters.kind:
        conditions.append(_quotes.c.kind.in_(filters.kind.split(",")))
    return conditions


def page(session: Session, stmt: Select, limit: int, cursor: str | None) -> tuple[list, str | None]:
    """One page of ``stmt`` (ordered by ``sort_at``, ``id`` descending) after ``cursor``."""
    if cursor:
        sort_at, last_id = decode_cursor(cursor)
        stmt = stmt.where(tuple_(_quotes.c.sort_at, _quotes.c.id) < tuple_(sort_at, last_id))
    rows = session.execute(stmt.limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1].sort_at, rows[-1].id) if more and rows else None


def stream(session: Session, stmt: Select, batch: int = 500) -> Iterator[Row]:
    """Every row of ``stmt``, fetched in batches, never all in memory."""
    yield from session.execute(stmt.execution_options(yield_per=batch))


def encode_cursor(sort_at: datetime, last_id: int) -> str:
    raw = json.dumps([sort_at.isoformat(), last_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """The ``(sort_at, id)`` a cursor holds; ``BadCursor`` unless it has exactly the shape
    ``encode_cursor`` gives (a naive date, an id within the id range), so that no value of
    the wrong type or range ever reaches the database."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_at, last_id = json.loads(raw)
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
    """Speakers (matching ``query`` when given) with their quote counts, most quoted first."""
    quote_count = (select(func.count(Quote.id)).where(Quote.speaker_id == Speaker.id, Quote.rejected.is_(False))
                   .correlate(Speaker).scalar_subquery().label("quote_count"))
    stmt = select(Speaker, quote_count).options(selectinload(Speaker.roles), selectinload(Speaker.aliases))
    if query:
        stmt = stmt.where(Speaker.id.in_(speakers_matching(query)))
    return stmt.order_by(quote_count.desc(), Speaker.id)


def speaker_ranking(session: Session, filters: QuoteFilters, limit: int) -> list[dict]:
    """The most quoted speakers among the quotes matching ``filters``: ``{"speaker",
    "quote_count", "by_kind"}``, most quoted first."""
    conditions = [*quote_conditions(filters), Quote.speaker_id.is_not(None)]
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
