"""sync: tombstones purged everywhere (the ids whose late changes are dropped), and when each received segment
arrived (what a peer lacks is due to it from then)

Revision ID: 0008_tombstone_purge
Revises: 0007_key_rotation
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_tombstone_purge"
down_revision = "0007_key_rotation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_purged",
        sa.Column("tbl", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", name=op.f("pk_sync_purged")),
    )
    with op.batch_alter_table("sync_segments") as batch:
        batch.add_column(sa.Column("received_ms", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_segments") as batch:
        batch.drop_column("received_ms")
    op.drop_table("sync_purged")
