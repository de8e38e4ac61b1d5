"""sync trust: key certificates down the enrolment chain, segments held during a key conflict, and the changes
of this office other offices refused (reported back in their bundles)

Revision ID: 0006_key_certificates
Revises: 0004_conferences
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_key_certificates"
down_revision = "0004_conferences"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_key_certificates",
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=100), nullable=False),
        sa.Column("issuer_id", sa.String(length=36), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("office_id", "public_key", name=op.f("pk_sync_key_certificates")),
    )
    op.create_table(
        "sync_held_segments",
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("first_seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("attachments", sa.Text(), nullable=False),
        sa.Column("public_key", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("origin", "first_seq", "signature", name=op.f("pk_sync_held_segments")),
    )
    op.create_table(
        "sync_refused_elsewhere",
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("tbl", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("office_id", "seq", name=op.f("pk_sync_refused_elsewhere")),
    )


def downgrade() -> None:
    op.drop_table("sync_refused_elsewhere")
    op.drop_table("sync_held_segments")
    op.drop_table("sync_key_certificates")
