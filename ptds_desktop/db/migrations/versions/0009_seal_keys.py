"""sealed bundles: the seal keys (X25519) of offices, proven by statements signed with their signing keys

Revision ID: 0009_seal_keys
Revises: 0008_tombstone_purge
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_seal_keys"
down_revision = "0008_tombstone_purge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_seal_keys",
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("seal_key", sa.String(length=100), nullable=False),
        sa.Column("issued", sa.String(length=40), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("office_id", name=op.f("pk_sync_seal_keys")),
    )


def downgrade() -> None:
    op.drop_table("sync_seal_keys")
