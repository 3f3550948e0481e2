"""quotes.speaker_canonical_name, article_title, article_url, article_outlet: what a list shows of
a quote's speaker and article, written with the quote, so that a page of quotes reads ``quotes``
alone (issue 14: the two joins of each listed row were a third of PostgreSQL's work on a page)

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"  # after 0012_quote_words_names
branch_labels = None
depends_on = None

COLUMNS = [("speaker_canonical_name", sa.String(512)), ("article_title", sa.Text()),
           ("article_url", sa.String(2048)), ("article_outlet", sa.String(256))]


def upgrade() -> None:
    for name, type_ in COLUMNS:
        op.add_column("quotes", sa.Column(name, type_, nullable=True))
    quotes = sa.table("quotes", sa.column("article_id"), sa.column("speaker_id"),
                      *(sa.column(name) for name, _ in COLUMNS))
    articles = sa.table("articles", sa.column("id"), sa.column("title"), sa.column("url"), sa.column("outlet"))
    speakers = sa.table("speakers", sa.column("id"), sa.column("name"))
    # UPDATE … FROM (one pass over the quotes), in both databases; then the speakers' names
    op.execute(quotes.update().where(articles.c.id == quotes.c.article_id).values(
        article_title=articles.c.title, article_url=articles.c.url, article_outlet=articles.c.outlet))
    op.execute(quotes.update().where(speakers.c.id == quotes.c.speaker_id).values(
        speaker_canonical_name=speakers.c.name))


def downgrade() -> None:
    with op.batch_alter_table("quotes") as batch:  # SQLite drops a column by copying the table
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
