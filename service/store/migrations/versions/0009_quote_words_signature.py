"""quote_words.signature: the bits of a quote's words, so that ``q=`` of several words tests most
quotes without looking up their other words

The table is built again (as 0007 built it), with each entry's signature computed from its
quote's text.

Revision ID: 0009
Revises: 0008
"""
import hashlib
import re
from functools import reduce
from operator import or_

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"  # after 0008_quotes_kind_sort
branch_labels = None
depends_on = None

# service.store.queries.words_of, word_bits and words_signature as of this revision (a stored quote's text_key is
# name_key(text) already)
WORD = re.compile(r"[^\W_]+")
SIGNATURE_BITS = 63


def word_bits(word: str) -> int:
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return 1 << int.from_bytes(digest[:4], "big") % SIGNATURE_BITS | 1 << int.from_bytes(digest[4:], "big") % SIGNATURE_BITS


def rebuild(with_signature: bool) -> None:
    op.drop_index("ix_quote_words_quote_id", table_name="quote_words")
    op.drop_table("quote_words")
    columns = [sa.Column("word", sa.String(length=100), nullable=False),
               sa.Column("sort_at", sa.DateTime(), nullable=False),
               sa.Column("quote_id", sa.Integer(), nullable=False)]
    if with_signature:
        columns.append(sa.Column("signature", sa.BigInteger(), nullable=False))
    op.create_table(
        "quote_words", *columns,
        sa.ForeignKeyConstraint(["quote_id"], ["quotes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("word", "sort_at", "quote_id",
                                postgresql_include=["signature"] if with_signature else []),
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
            signature = {"signature": reduce(or_, map(word_bits, said), 0)} if with_signature else {}
            rows += [{"word": word, "sort_at": sort_at, "quote_id": quote_id, **signature} for word in said]
        if rows:
            connection.execute(words.insert(), rows)
        last = batch[-1][0]


def upgrade() -> None:
    rebuild(with_signature=True)


def downgrade() -> None:
    rebuild(with_signature=False)
