"""quote corrections: rejected flag, who corrected last, and the history of corrections

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("rejected", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column("corrected_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("corrected_by", sa.String(length=128), nullable=True))
    op.create_table(
        "quote_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("quote_text", sa.Text(), nullable=False),
        sa.Column("quote_start", sa.Integer(), nullable=False),
        sa.Column("quote_end", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=128), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_quote_corrections_article_id", "quote_corrections", ["article_id"])
    op.create_index("ix_quote_corrections_quote_id", "quote_corrections", ["quote_id"])


def downgrade() -> None:
    op.drop_index("ix_quote_corrections_quote_id", table_name="quote_corrections")
    op.drop_index("ix_quote_corrections_article_id", table_name="quote_corrections")
    op.drop_table("quote_corrections")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("corrected_by")
        batch.drop_column("corrected_at")
        batch.drop_column("rejected")
