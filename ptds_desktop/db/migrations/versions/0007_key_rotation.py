"""sync keys over the years: rotation statements (an office's new key, signed by its old one) and revocations of
a lost laptop's key by the office that enrolled it

Revision ID: 0007_key_rotation
Revises: 0006_key_certificates
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_key_rotation"
down_revision = "0006_key_certificates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_key_rotations",
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("new_key", sa.String(length=100), nullable=False),
        sa.Column("old_key", sa.String(length=100), nullable=False),
        sa.Column("stamp", sa.BigInteger(), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("new_signature", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("office_id", "new_key", name=op.f("pk_sync_key_rotations")),
    )
    op.create_table(
        "sync_key_revocations",
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=100), nullable=False),
        sa.Column("issuer_id", sa.String(length=36), nullable=False),
        sa.Column("since", sa.BigInteger(), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("office_id", "public_key", "issuer_id", name=op.f("pk_sync_key_revocations")),
    )


def downgrade() -> None:
    op.drop_table("sync_key_revocations")
    op.drop_table("sync_key_rotations")
