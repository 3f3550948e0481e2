"""ix_quotes_kind_sort: ``GET /v1/quotes?kind=`` reads its kind's quotes in list order

Revision ID: 0008
Revises: 0007
"""
from alembic import op

revision = "0008"
down_revision = "0007"  # after 0007_quote_words
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_quotes_kind_sort", "quotes", ["kind", "sort_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_quotes_kind_sort", table_name="quotes")
