"""quote_words.signature_high: 63 more bits of a quote's words, so that ``q=`` of several words
looks up far fewer of the quotes that lack one of them

The table is built again (as 0009 built it), with both halves of each entry's signature computed
from its quote's text. ``signature_high`` defaults to every bit, so that a node still running the
code of before this revision writes rows whose quotes may hold any word (they are looked up).

Revision ID: 0011
Revises: 0010
"""
import hashlib
import re
from functools import reduce
from operator import or_

from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"  # after 0010_speakers_quote_count
branch_labels = None
depends_on = None

# service.store.queries.words_of and word_bits as of this revision, a half each (a stored quote's
# text_key is name_key(text) already)
WORD = re.compile(r"[^\W_]+")
SIGNATURE_BITS = 63
ANY_WORD = (1 << SIGNATURE_BITS) - 1


def half_bits(word: str, person: bytes) -> int:
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8, person=person).digest()
    return 1 << int.from_bytes(digest[:4], "big") % SIGNATURE_BITS | 1 << int.from_bytes(digest[4:], "big") % SIGNATURE_BITS


def rebuild(with_high: bool) -> None:
    op.drop_index("ix_quote_words_quote_id", table_name="quote_words")
    op.drop_table("quote_words")
    columns = [sa.Column("word", sa.String(length=100), nullable=False),
               sa.Column("sort_at", sa.DateTime(), nullable=False),
               sa.Column("quote_id", sa.Integer(), nullable=False),
               sa.Column("signature", sa.BigInteger(), nullable=False)]
    if with_high:
        columns.append(sa.Column("signature_high", sa.BigInteger(), nullable=False, server_default=sa.text(str(ANY_WORD))))
    op.create_table(
        "quote_words", *columns,
        sa.ForeignKeyConstraint(["quote_id"], ["quotes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("word", "sort_at", "quote_id", postgresql_include=[c.name for c in columns[3:]]),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_quote_words_quote_id", "quote_words", ["quote_id"])
    connection = op.get_bind()
    quotes = sa.table("quotes", sa.column("id"), sa.column("sort_at"), sa.column("text_key"))
    words = sa.table("quote_words", *(sa.column(c.name) for c in columns))
    last = 0
    while True:  # the stored quotes, in batches
        batch = connection.execute(sa.select(quotes.c.id, quotes.c.sort_at, quotes.c.text_key)
                                   .where(quotes.c.id > last).order_by(quotes.c.id).limit(5000)).all()
        if not batch:
            break
        rows = []
        for quote_id, sort_at, text_key in batch:
            said = list(dict.fromkeys(w[:100] for w in WORD.findall(text_key)))
            signature = {"signature": reduce(or_, (half_bits(w, b"") for w in said), 0)}
            if with_high:
                signature["signature_high"] = reduce(or_, (half_bits(w, b"high") for w in said), 0)
            rows += [{"word": word, "sort_at": sort_at, "quote_id": quote_id, **signature} for word in said]
        if rows:
            connection.execute(words.insert(), rows)
        last = batch[-1][0]


def upgrade() -> None:
    rebuild(with_high=True)


def downgrade() -> None:
    rebuild(with_high=False)
