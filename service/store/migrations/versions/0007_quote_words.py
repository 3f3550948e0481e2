"""quote_words: the word index of ``GET /v1/quotes?q=``, in list order

Revision ID: 0007
Revises: 0006
"""
import re

from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"  # after 0006_webhook_outbox
branch_labels = None
depends_on = None

# service.store.queries.words_of as of this revision (stored quotes' text_key is name_key(text) already)
WORD = re.compile(r"[^\W_]+")


def upgrade() -> None:
    op.create_table(
        "quote_words",
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.Column("sort_at", sa.DateTime(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["quote_id"], ["quotes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("word", "sort_at", "quote_id"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_quote_words_quote_id", "quote_words", ["quote_id"])
    # the quotes stored before this revision, in batches
    connection = op.get_bind()
    quotes, words = sa.table("quotes", sa.column("id"), sa.column("sort_at"), sa.column("text_key")), \
        sa.table("quote_words", sa.column("word"), sa.column("sort_at"), sa.column("quote_id"))
    last = 0
    while True:
        batch = connection.execute(sa.select(quotes.c.id, quotes.c.sort_at, quotes.c.text_key)
                                   .where(quotes.c.id > last).order_by(quotes.c.id).limit(5000)).all()
        if not batch:
            break
        rows = [{"word": word, "sort_at": sort_at, "quote_id": quote_id} for quote_id, sort_at, text_key in batch
                for word in dict.fromkeys(w[:100] for w in WORD.findall(text_key))]
        if rows:
            connection.execute(words.insert(), rows)
        last = batch[-1][0]


def downgrade() -> None:
    op.drop_index("ix_quote_words_quote_id", table_name="quote_words")
    op.drop_table("quote_words")
