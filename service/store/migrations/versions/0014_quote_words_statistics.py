"""PostgreSQL keeps statistics of the 1,000 most common words of quote_words (its default: 100),
so that the word a page of several walks is chosen from them, with no probe (issue 14:
``queries.StoreSpread``). SQLite keeps none: nothing to do.

Revision ID: 0014
Revises: 0013
"""
from alembic import op

revision = "0014"
down_revision = "0013"  # after 0013_quotes_listing_columns
branch_labels = None
depends_on = None

COMMON_WORDS = 1000  # queries.COMMON_WORDS when this migration was written


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE quote_words ALTER COLUMN word SET STATISTICS {COMMON_WORDS}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE quote_words ALTER COLUMN word SET STATISTICS -1")
