"""conferences: venue chairs, reply statuses as officers name them, received and done dates, checklist steps

Revision ID: 0004_conferences
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_conferences"
down_revision = "0003_tasks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conferences") as batch:
        batch.add_column(sa.Column("invitation_number_symbol", sa.String(length=50), nullable=True))
        batch.add_column(sa.Column("invitation_issued_on", sa.Date(), nullable=True))

    # venues is referenced by invitees and groups: a batch rebuild would DROP it under enforced foreign keys,
    # so the columns are added in place (SQLite accepts a nullable REFERENCES column in ADD COLUMN).
    op.execute("ALTER TABLE venues ADD COLUMN chair_person_id VARCHAR(36) "
               "CONSTRAINT fk_venues_chair_person_id_people REFERENCES people (id)")
    op.execute("ALTER TABLE venues ADD COLUMN chair_organization_id VARCHAR(36) "
               "CONSTRAINT fk_venues_chair_organization_id_organizations REFERENCES organizations (id)")
    op.execute("ALTER TABLE venues ADD COLUMN chair_text VARCHAR(300)")

    # "pending" becomes "invited": drop the old check, rename the value, then check the new vocabulary.
    with op.batch_alter_table("invitees") as batch:
        batch.drop_constraint(op.f("ck_invitees_status"), type_="check")
    op.execute("UPDATE invitees SET status = 'invited' WHERE status = 'pending'")
    with op.batch_alter_table("invitees") as batch:
        batch.create_check_constraint(
            "status", "status IN ('invited', 'confirmed', 'declined', 'attended')")

    with op.batch_alter_table("presentations") as batch:
        batch.add_column(sa.Column("received_on", sa.Date(), nullable=True))

    with op.batch_alter_table("preparation_duties") as batch:
        batch.add_column(sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False))

    op.create_table(
        "conference_milestones",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("owner_office_id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint("days_before >= 0", name=op.f("ck_conference_milestones_days_before_not_negative")),
        sa.ForeignKeyConstraint(["conference_id"], ["conferences.id"],
                                name=op.f("fk_conference_milestones_conference_id_conferences")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference_milestones")),
    )
    with op.batch_alter_table("conference_milestones") as batch:
        batch.create_index(batch.f("ix_conference_milestones_conference_id"), ["conference_id"], unique=False)
        batch.create_index(batch.f("ix_conference_milestones_owner_office_id"), ["owner_office_id"], unique=False)


def downgrade() -> None:
    op.drop_table("conference_milestones")
    with op.batch_alter_table("preparation_duties") as batch:
        batch.drop_column("done")
    with op.batch_alter_table("presentations") as batch:
        batch.drop_column("received_on")
    with op.batch_alter_table("invitees") as batch:
        batch.drop_constraint(op.f("ck_invitees_status"), type_="check")
    op.execute("UPDATE invitees SET status = 'pending' WHERE status = 'invited'")
    with op.batch_alter_table("invitees") as batch:
        batch.create_check_constraint(
            "status", "status IN ('pending', 'confirmed', 'declined', 'attended')")
    # venues keeps its chair columns: SQLite cannot drop a REFERENCES column in place, and unused they are harmless.
    with op.batch_alter_table("conferences") as batch:
        batch.drop_column("invitation_issued_on")
        batch.drop_column("invitation_number_symbol")
