"""indicator_summaries: what each indicator's observations cover, written with them

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 04:00:00

The catalogue's coverage (count, first and last period, reports, dimension values) was computed
on request by scanning the observations; on millions of rows a search over the catalogue took
longer than a request may. Each indicator's breakdowns (its dimensions keys) are kept too: a
dimension filter becomes a list of keys, which the paging indexes serve. The seed now writes
the summaries (app.seed.summaries), and so does this migration for the data already there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from app.seed.summaries import summarise

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "indicator_summaries",
        sa.Column("indicator_code", sa.String(length=96), nullable=False),
        sa.Column("observations", sa.Integer(), nullable=False),
        sa.Column("first_period", sa.String(length=32), nullable=True),
        sa.Column("last_period", sa.String(length=32), nullable=True),
        sa.Column("reports", sa.JSON(), nullable=False),
        sa.Column("dimension_values", sa.JSON(), nullable=False),
        sa.Column("breakdowns", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["indicator_code"], ["indicators.code"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("indicator_code"),
    )
    summarise(Session(bind=op.get_bind()))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("indicator_summaries")
