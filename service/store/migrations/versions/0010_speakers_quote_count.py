"""speakers.quote_count: each speaker's listed quotes (not rejected), kept by every write, so that
``GET /v1/speakers`` reads the most quoted first from an index instead of counting every quote

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"  # after 0009_quote_words_signature
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("speakers", sa.Column("quote_count", sa.Integer(), nullable=False, server_default="0"))
    speakers = sa.table("speakers", sa.column("id"), sa.column("quote_count"))
    quotes = sa.table("quotes", sa.column("speaker_id"), sa.column("rejected"))
    counts = (sa.select(quotes.c.speaker_id, sa.func.count().label("n")).where(quotes.c.rejected.is_(False))
              .group_by(quotes.c.speaker_id).subquery())
    # UPDATE … FROM (one pass over the quotes), in both databases
    op.execute(speakers.update().values(quote_count=counts.c.n).where(speakers.c.id == counts.c.speaker_id))
    op.create_index("ix_speakers_quote_count", "speakers", [sa.text("quote_count DESC"), "id"])


def downgrade() -> None:
    op.drop_index("ix_speakers_quote_count", table_name="speakers")
    with op.batch_alter_table("speakers") as batch:  # SQLite drops a column by copying the table
        batch.drop_column("quote_count")
