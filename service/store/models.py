"""SQLAlchemy 2 models: articles, their quotes, and speakers shared across articles."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (JSON, BigInteger, Boolean, DateTime, Float, ForeignKey, Index, Integer, PrimaryKeyConstraint, String,
                        Text, UniqueConstraint, false, func, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MAX_ID = 2**31 - 1  # ids are INTEGER in both databases; a larger one names no row


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(512), unique=True)
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(256))
    language: Mapped[str] = mapped_column(String(16), default="fr")
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))  # sha256 of text: unchanged re-sends are skipped
    published_at: Mapped[datetime | None] = mapped_column(DateTime())
    created_at: Mapped[datetime] = mapped_column(DateTime(), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(), server_default=func.now())

    quotes: Mapped[list[Quote]] = relationship(back_populates="article", cascade="all, delete-orphan",
                                               order_by="Quote.start", lazy="selectin")


class Speaker(Base):
    """One person or organisation, whatever spelling each article used."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    key: Mapped[str] = mapped_column(String(512), unique=True)  # service.nlp.normalize.name_key(name)
    type: Mapped[str] = mapped_column(String(16))
    # its quotes not rejected, moved by every write of quotes (queries.add_quote_counts): GET /v1/speakers
    # reads the most quoted first from ix_speakers_quote_count instead of counting every quote (0010)
    quote_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    aliases: Mapped[list[SpeakerAlias]] = relationship(back_populates="speaker", cascade="all, delete-orphan")
    roles: Mapped[list[SpeakerRole]] = relationship(back_populates="speaker", cascade="all, delete-orphan")


Index("ix_speakers_quote_count", Speaker.quote_count.desc(), Speaker.id)


class SpeakerAlias(Base):
    """A spelling an article used for a speaker: ``Kim Jong-un``, ``Poutine``."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(512))
    key: Mapped[str] = mapped_column(String(512), index=True)

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class SpeakerToken(Base):
    """Each word of a speaker's names and aliases (normalised), for indexed name search."""

    __tablename__ = "speaker_tokens"

    token: Mapped[str] = mapped_column(String(128), primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True, index=True)


class SpeakerRole(Base):
    """A role an article gave a speaker, with that article's date."""

    __tablename__ = "speaker_roles"
    __table_args__ = (UniqueConstraint("speaker_id", "article_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(1024))
    key: Mapped[str] = mapped_column(String(1024))
    published_at: Mapped[datetime | None] = mapped_column(DateTime())

    speaker: Mapped[Speaker] = relationship(back_populates="roles")


class Quote(Base):
    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_sort", "sort_at", "id"),
        Index("ix_quotes_speaker_sort", "speaker_id", "sort_at", "id"),
        Index("ix_quotes_kind_sort", "kind", "sort_at", "id"),  # kind=: its quotes in list order (0008)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    text_key: Mapped[str] = mapped_column(Text)  # normalised, for word search
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    speaker_name: Mapped[str | None] = mapped_column(String(512))  # as the article resolved it
    speaker_type: Mapped[str | None] = mapped_column(String(16))
    role: Mapped[str | None] = mapped_column(String(1024))
    role_key: Mapped[str | None] = mapped_column(String(1024))
    mention_text: Mapped[str | None] = mapped_column(String(1024))
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str | None] = mapped_column(String(512))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    published_at: Mapped[datetime | None] = mapped_column(DateTime())
    sort_at: Mapped[datetime] = mapped_column(DateTime())  # published_at, else ingestion time
    rejected: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # a person said: not a quote
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime())
    corrected_by: Mapped[str | None] = mapped_column(String(128))  # label of the API key
    # what a list shows of the quote's speaker and article, written with the quote (migration 0013),
    # so that a page reads quotes and nothing else: a speaker's name never changes, and an article
    # stored again has its quotes written again
    speaker_canonical_name: Mapped[str | None] = mapped_column(String(512))  # the stored speaker's name
    article_title: Mapped[str | None] = mapped_column(Text)
    article_url: Mapped[str | None] = mapped_column(String(2048))
    article_outlet: Mapped[str | None] = mapped_column(String(256))

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker: Mapped[Speaker | None] = relationship(lazy="joined")


ANY_WORD = 2**63 - 1  # a signature's half (63 bits, the sign bit clear) with every bit: may hold any word


class QuoteWord(Base):
    """One word of a quote (``queries.words_of`` of its text), or of its speaker's name
    (``queries.name_words``: ``_`` and a token of ``speaker_tokens``), at the quote's place in list
    order: the index of ``q=`` and of ``speaker=`` a name. Its key is in the order pages are read
    (newest first), so a page of quotes holding any word or said by anyone a name names (a first
    name names thousands), reads one page of this index. A correction of a quote's speaker writes
    its name words again (``queries.index_speaker_name``).

    ``signature`` and ``signature_high`` are the quote's ``queries.words_signature`` of its text's
    words (on its name words' rows too; two halves of 63 bits), kept in the key's index (SQLite's
    table is its key; PostgreSQL's key INCLUDEs them): a walk along one word of ``q=`` drops most of
    the quotes lacking another word by a test of its bits, before looking that word up. A row
    written without ``signature_high`` (by a node still running the code of before migration 0011,
    while nodes are upgraded one by one) has every bit: its quote may hold any word, and the words
    are looked up."""

    __tablename__ = "quote_words"
    __table_args__ = (PrimaryKeyConstraint("word", "sort_at", "quote_id",
                                           postgresql_include=["signature", "signature_high"]),
                      {"sqlite_with_rowid": False})

    word: Mapped[str] = mapped_column(String(100))
    sort_at: Mapped[datetime] = mapped_column(DateTime())  # the quote's sort_at
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    signature: Mapped[int] = mapped_column(BigInteger)
    signature_high: Mapped[int] = mapped_column(BigInteger, server_default=text(str(ANY_WORD)))


class QuoteCorrection(Base):
    """One correction a person made to a quote: the merge patch, the state before and after.

    The quote it applies to is found again by its words when the article is re-extracted
    (``quote_text``, nearest ``quote_start``); ``quote_id`` then follows the new row."""

    __tablename__ = "quote_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    quote_id: Mapped[int] = mapped_column(Integer, index=True)
    quote_text: Mapped[str] = mapped_column(Text)
    quote_start: Mapped[int] = mapped_column(Integer)
    quote_end: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime())
    by: Mapped[str] = mapped_column(String(128))
    changes: Mapped[dict] = mapped_column(JSON)
    before: Mapped[dict] = mapped_column(JSON)
    after: Mapped[dict] = mapped_column(JSON)


class StoreVersion(Base):
    """One row whose counter every write moves on: readers on any node can tell whether a
    response they computed earlier is still current."""

    __tablename__ = "store_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class Job(Base):
    """One article's trip through the queue (``Prefer: respond-async``, ``ingest --queue``),
    kept in the database so that every API node sees it."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # also the Celery task id
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued | running | done | failed
    batch: Mapped[str | None] = mapped_column(String(36), index=True)  # one `ingest --queue` run
    external_id: Mapped[str | None] = mapped_column(String(512), index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    callback_url: Mapped[str | None] = mapped_column(String(2048))
    webhook_status: Mapped[str | None] = mapped_column(String(16))  # pending | delivered | failed
    webhook_attempts: Mapped[int] = mapped_column(Integer, default=0)
    webhook_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime())
    updated_at: Mapped[datetime] = mapped_column(DateTime(), index=True)  # retention prunes by it


class WebhookDelivery(Base):
    """The outbox: one webhook to send, written in the transaction that stores its article, so
    that no crash between that commit and the publish of its delivery task loses it. A periodic
    sweep publishes again the deliveries nobody took (``service.tasks.sweep``)."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer)  # no foreign key: a deleted article fails its delivery
    url: Mapped[str] = mapped_column(String(2048))
    job_id: Mapped[str | None] = mapped_column(String(36))  # the job whose webhook state follows this
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | delivered | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(DateTime())  # the next attempt, not before
    leased_until: Mapped[datetime | None] = mapped_column(DateTime())  # an attempt in flight until then
    swept_at: Mapped[datetime | None] = mapped_column(DateTime())  # last published by the sweep
    created_at: Mapped[datetime] = mapped_column(DateTime())
    updated_at: Mapped[datetime] = mapped_column(DateTime(), index=True)
