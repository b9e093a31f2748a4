"""how each value was read (by the engine, or corrected or added by a reviewer); a source's address

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 06:00:00

The data are now the reviewed readings of each text (seeds/readings/): each citation is one
reading, and says whether the engine proposed it unchanged, a reviewer corrected it (and which
fields), or a reviewer added it; each observation says the same of its readings together. A
source found on the web keeps its address.

The columns are added in place, as in 0002; the data already there was read by the engine, which
is what `read_by` says by default.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    for table in ("citations", "observations"):
        op.add_column(
            table, sa.Column("read_by", sa.String(16), nullable=False, server_default="engine")
        )
    op.add_column("citations", sa.Column("corrected", sa.JSON(), nullable=True))
    op.add_column("sources", sa.Column("address", sa.Text(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("sources", "address")
    op.drop_column("citations", "corrected")
    for table in ("observations", "citations"):
        op.drop_column(table, "read_by")
