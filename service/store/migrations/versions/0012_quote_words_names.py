"""quote_words holds each quote's speaker's name words (``_`` and each token of ``speaker_tokens``),
so that ``speaker=`` a name walks its quotes in page order, however many speakers it names

A name word's row has its quote's signature (the bits of its text's words), taken from a word row
of the quote; a quote with no word row may hold any word (every bit), so it is looked up, never missed.

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"  # after 0011_quote_words_signature_high
branch_labels = None
depends_on = None

# service.store.queries.NAME_MARK, MAX_WORD and models.ANY_WORD as of this revision
NAME_MARK = "_"
MAX_WORD = 100
ANY_WORD = 2**63 - 1

words = sa.table("quote_words", sa.column("word"), sa.column("sort_at"), sa.column("quote_id"),
                 sa.column("signature"), sa.column("signature_high"))


def upgrade() -> None:
    quotes = sa.table("quotes", sa.column("id"), sa.column("sort_at"), sa.column("speaker_id"))
    tokens = sa.table("speaker_tokens", sa.column("speaker_id"), sa.column("token"))
    signed = words.alias("signed")

    def signature_of(column):  # the quote's, from any of its word rows (all have the same)
        found = sa.select(column).where(signed.c.quote_id == quotes.c.id).limit(1).scalar_subquery()
        return sa.func.coalesce(found, ANY_WORD)

    word = sa.literal(NAME_MARK) + sa.func.substr(tokens.c.token, 1, MAX_WORD - len(NAME_MARK))
    names = (sa.select(word.label("word"), quotes.c.sort_at, quotes.c.id, signature_of(signed.c.signature),
                       signature_of(signed.c.signature_high))
             .select_from(quotes.join(tokens, tokens.c.speaker_id == quotes.c.speaker_id)).distinct())
    op.get_bind().execute(words.insert().from_select(
        ["word", "sort_at", "quote_id", "signature", "signature_high"], names))


def downgrade() -> None:
    op.get_bind().execute(words.delete().where(words.c.word.startswith(NAME_MARK, autoescape=True)))
