"""the catalogue's words: Chinese descriptions, terms, dimension labels, search words

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 15:00:00

The service searches the catalogue by its words and serves it in English or Chinese, and it
reads nothing but the database: the seed now writes what the catalogue says beyond the
indicators' names. An indicator keeps its Chinese description (if written) and its terms; each
dimension value its Chinese label and its names; the search section its stop words and
synonyms. The data already there gets them at the next seed: until then the indicators have no
terms and the labels are the values themselves.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("indicators", sa.Column("description_zh", sa.Text(), nullable=True))
    op.add_column("indicators", sa.Column("terms", sa.JSON(), nullable=False, server_default="[]"))
    # A release names the indicators whose catalogue entry it changed, and whether the labels
    # or the search words changed: the releases before this knew of no such words.
    op.add_column(
        "releases",
        sa.Column("indicators_changed", sa.JSON(), nullable=False, server_default="[]"),
    )
    op.add_column(
        "releases",
        sa.Column("vocabulary_changed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "dimension_labels",
        sa.Column("dimension", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=256), nullable=False),
        sa.Column("label_zh", sa.Text(), nullable=True),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("dimension", "value"),
    )
    op.create_table(
        "search_words",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("phrase", sa.String(length=256), nullable=False),
        sa.Column("means", sa.JSON(), nullable=False),
        sa.CheckConstraint("kind IN ('stop', 'synonym')", name="ck_search_word_kind"),
        sa.PrimaryKeyConstraint("kind", "phrase"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("search_words")
    op.drop_table("dimension_labels")
    op.drop_column("releases", "vocabulary_changed")
    op.drop_column("releases", "indicators_changed")
    op.drop_column("indicators", "terms")
    op.drop_column("indicators", "description_zh")
