"""observations carry their edition and a preferred flag, indexed in the paging order

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 04:00:00

A page of observations was read by comparing every candidate with the other vintages of its
value and sorting them all before the limit; on millions of rows that took seconds. Now each
observation carries its report's edition and whether it is the vintage served by default (at
most one per value, by a partial unique index), and two indexes hold the paging order, for
every vintage and for the preferred ones. On PostgreSQL the two text columns of that order take
the "C" collation, so that the indexes order them byte by byte, as SQLite does.

The columns are added in place (SQLite's ALTER TABLE ADD COLUMN), not by rebuilding the table:
a rebuild drops the table, which would cascade to the citations and notes of every row. SQLite
keeps the defaults the new columns needed to be added; PostgreSQL drops them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER_COLUMNS = ["indicator_code", "dimensions_key", "period_start", "edition", "id"]
TEXT_COLUMNS = {"indicator_code": 96, "dimensions_key": 512}

# The preferred vintage: no other of the same value is better (reported before derived, then
# the later edition, then the greater report id). The same rule as app.seed.vintages.
MARK_PREFERRED = """
UPDATE observations SET preferred = NOT EXISTS (
    SELECT 1 FROM observations AS other
    WHERE other.indicator_code = observations.indicator_code
      AND other.dimensions_key = observations.dimensions_key
      AND other.period = observations.period
      AND (CASE WHEN other.status = 'reported' THEN 1 ELSE 0 END, other.edition, other.report_id)
        > (CASE WHEN observations.status = 'reported' THEN 1 ELSE 0 END, observations.edition,
           observations.report_id)
)
"""


def upgrade() -> None:
    """Upgrade schema."""
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.add_column(
        "observations", sa.Column("edition", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column(
        "observations",
        sa.Column("preferred", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(
        "UPDATE observations SET edition = "
        "(SELECT reports.edition FROM reports WHERE reports.id = observations.report_id)"
    )
    op.execute(MARK_PREFERRED)
    if postgresql:
        op.alter_column("observations", "edition", server_default=None)
        op.alter_column("observations", "preferred", server_default=None)
        for name, length in TEXT_COLUMNS.items():
            op.alter_column(
                "observations",
                name,
                existing_type=sa.String(length=length),
                type_=sa.String(length=length, collation="C"),
            )
    op.create_index("ix_observation_order", "observations", ORDER_COLUMNS)
    op.create_index(
        "ix_observation_preferred_order",
        "observations",
        ORDER_COLUMNS,
        sqlite_where=sa.text("preferred"),
        postgresql_where=sa.text("preferred"),
    )
    op.create_index(
        "uq_observation_preferred",
        "observations",
        ["indicator_code", "dimensions_key", "period"],
        unique=True,
        sqlite_where=sa.text("preferred"),
        postgresql_where=sa.text("preferred"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("uq_observation_preferred", table_name="observations")
    op.drop_index("ix_observation_preferred_order", table_name="observations")
    op.drop_index("ix_observation_order", table_name="observations")
    if op.get_bind().dialect.name == "postgresql":
        for name, length in TEXT_COLUMNS.items():
            op.alter_column(
                "observations",
                name,
                existing_type=sa.String(length=length, collation="C"),
                type_=sa.String(length=length),
            )
    op.drop_column("observations", "preferred")
    op.drop_column("observations", "edition")
