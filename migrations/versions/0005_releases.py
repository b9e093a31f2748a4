"""releases: what each seed changed, observation by observation; when each observation changed

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 06:00:00

Every seed that changes the data now records a release (app.seed.releases): its data version,
when it was seeded, the reports and sources it added or removed, and each observation it added,
revised (with the value before, and why) or withdrew, by natural key. Each observation says
which release last added or revised it (`changed_in`), so that `changed_since` is a filter on
one column.

The data already there becomes release 1, everything in it added, with its data version and
seed time: the history starts with it, and the next seed is compared with it. The column is
added in place, as in 0002.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What the first release's row is written through (the JSON columns encoded by their type).
RELEASES = sa.table(
    "releases",
    *(sa.column(name, sa.Integer()) for name in ("number", "added", "revised", "withdrawn")),
    *(sa.column(name, sa.String()) for name in ("data_version", "previous_version", "seeded_at")),
    *(
        sa.column(name, sa.JSON())
        for name in ("reports_added", "reports_removed", "sources_added", "sources_removed")
    ),
)

FIRST_CHANGES = """
INSERT INTO release_changes
    (release_number, kind, indicator_code, dimensions_key, period, report_id, value)
SELECT 1, 'added', indicator_code, dimensions_key, period, report_id, value
FROM observations
ORDER BY indicator_code, dimensions_key, period, report_id
"""


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "releases",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data_version", sa.String(length=64), nullable=False),
        sa.Column("previous_version", sa.String(length=64), nullable=True),
        sa.Column("seeded_at", sa.String(length=40), nullable=False),
        sa.Column("reports_added", sa.JSON(), nullable=False),
        sa.Column("reports_removed", sa.JSON(), nullable=False),
        sa.Column("sources_added", sa.JSON(), nullable=False),
        sa.Column("sources_removed", sa.JSON(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("revised", sa.Integer(), nullable=False),
        sa.Column("withdrawn", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("number"),
    )
    op.create_index("ix_releases_data_version", "releases", ["data_version"])
    op.create_table(
        "release_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("release_number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("indicator_code", sa.String(length=96), nullable=False),
        sa.Column("dimensions_key", sa.String(length=512), nullable=False),
        sa.Column("period", sa.String(length=32), nullable=False),
        sa.Column("report_id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("previous_value", sa.Float(), nullable=True),
        sa.Column("previous_report_id", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "kind IN ('added', 'revised', 'withdrawn')", name="ck_release_change_kind"
        ),
        sa.ForeignKeyConstraint(["release_number"], ["releases.number"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_release_change_order", "release_changes", ["release_number", "id"])
    op.add_column("observations", sa.Column("changed_in", sa.Integer(), nullable=True))
    _record_the_data_already_there()


def _record_the_data_already_there() -> None:
    connection = op.get_bind()
    current = connection.execute(
        sa.text("SELECT version, seeded_at FROM dataset_version ORDER BY id LIMIT 1")
    ).first()
    if current is None:
        return  # nothing seeded yet: the first seed records release 1
    reports = connection.execute(sa.text("SELECT id FROM reports ORDER BY id")).scalars().all()
    sources = connection.execute(sa.text("SELECT id FROM sources ORDER BY id")).scalars().all()
    count = connection.execute(sa.text("SELECT count(*) FROM observations")).scalar_one()
    connection.execute(
        sa.insert(RELEASES).values(
            number=1,
            data_version=current.version,
            previous_version=None,
            seeded_at=current.seeded_at,
            reports_added=list(reports),
            reports_removed=[],
            sources_added=list(sources),
            sources_removed=[],
            added=count,
            revised=0,
            withdrawn=0,
        )
    )
    connection.execute(sa.text(FIRST_CHANGES))
    connection.execute(sa.text("UPDATE observations SET changed_in = 1"))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("observations", "changed_in")
    op.drop_index("ix_release_change_order", table_name="release_changes")
    op.drop_table("release_changes")
    op.drop_index("ix_releases_data_version", table_name="releases")
    op.drop_table("releases")
