"""tasks: agencies as references (organization, person or words), matrix shape of a plan, derived due date

Revision ID: 0003_tasks
Revises: 0002_document_settings
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_tasks"
down_revision = "0002_document_settings"
branch_labels = None
depends_on = None

_ONE_REFERENCE = (
    "(organization_id IS NOT NULL AND person_id IS NULL) OR "
    "(person_id IS NOT NULL AND organization_id IS NULL AND text IS NULL) OR "
    "(organization_id IS NULL AND person_id IS NULL AND length(trim(coalesce(text, ''))) > 0)"
)
_ROLES = "role IN ('directing', 'lead_advisory', 'lead', 'coordinating', 'implementing')"
_COPIED = "task_id, organization_id, role, sort_order, id, created_by, owner_office_id, hlc, deleted"


def _task_agencies(name: str, *, references: bool) -> None:
    columns = [
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=references),
    ]
    if references:
        columns += [
            sa.Column("person_id", sa.String(length=36), nullable=True),
            sa.Column("text", sa.Text(), nullable=True),
        ]
    constraints = [
        sa.CheckConstraint(_ROLES, name="ck_task_agencies_role"),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"], name="fk_task_agencies_organization_id_organizations"
        ),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name="fk_task_agencies_task_id_tasks"),
        sa.PrimaryKeyConstraint("id", name="pk_task_agencies"),
    ]
    if references:
        constraints += [
            sa.CheckConstraint(_ONE_REFERENCE, name="ck_task_agencies_one_reference"),
            sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_task_agencies_person_id_people"),
        ]
    op.create_table(
        name,
        *columns,
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("owner_office_id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        *constraints,
    )


def _swap_task_agencies(references: bool) -> None:
    """SQLite cannot relax NOT NULL or add a CHECK in place: build the new table, copy, swap, re-index."""
    op.drop_index("ix_task_agencies_organization_id", table_name="task_agencies")
    op.drop_index("ix_task_agencies_owner_office_id", table_name="task_agencies")
    op.drop_index("ix_task_agencies_task_id", table_name="task_agencies")
    _task_agencies("task_agencies_new", references=references)
    rows = "" if references else " WHERE organization_id IS NOT NULL"
    op.execute(f"INSERT INTO task_agencies_new ({_COPIED}) SELECT {_COPIED} FROM task_agencies{rows}")
    op.drop_table("task_agencies")
    op.rename_table("task_agencies_new", "task_agencies")
    op.create_index("ix_task_agencies_organization_id", "task_agencies", ["organization_id"])
    op.create_index("ix_task_agencies_owner_office_id", "task_agencies", ["owner_office_id"])
    op.create_index("ix_task_agencies_task_id", "task_agencies", ["task_id"])


def _relax_task_agencies_in_place() -> None:
    """PostgreSQL alters the table in place (its constraint names are per schema, so no second table may take
    them while the first exists)."""
    op.alter_column("task_agencies", "organization_id", existing_type=sa.String(length=36), nullable=True)
    op.add_column("task_agencies", sa.Column("person_id", sa.String(length=36), nullable=True))
    op.add_column("task_agencies", sa.Column("text", sa.Text(), nullable=True))
    op.create_check_constraint("ck_task_agencies_one_reference", "task_agencies", sa.text(_ONE_REFERENCE))
    op.create_foreign_key("fk_task_agencies_person_id_people", "task_agencies", "people", ["person_id"], ["id"])


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _relax_task_agencies_in_place()
    else:
        _swap_task_agencies(references=True)
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("matrix_roles", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("phase_labels", sa.Text(), nullable=True))
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch.create_index("ix_tasks_due_on", ["due_on"])


def downgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.drop_index("ix_tasks_due_on")
        batch.drop_column("due_on")
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("phase_labels")
        batch.drop_column("matrix_roles")
    # Agencies kept only as words or people have no place in the old table and are dropped.
    _swap_task_agencies(references=False)
