"""document settings: per office and kind of document, the issuing body, signer and recipients

Revision ID: 0002_document_settings
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = '0002_document_settings'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('document_settings',
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_body', sa.String(length=200), nullable=True),
    sa.Column('issuing_body', sa.String(length=200), nullable=False),
    sa.Column('symbol', sa.String(length=50), nullable=True),
    sa.Column('authority', sa.String(length=200), nullable=True),
    sa.Column('cited_as', sa.String(length=200), nullable=True),
    sa.Column('bases', sa.Text(), nullable=True),
    sa.Column('proposal', sa.Text(), nullable=True),
    sa.Column('executors', sa.Text(), nullable=True),
    sa.Column('signer_authority', sa.String(length=100), nullable=True),
    sa.Column('signer_position', sa.String(length=200), nullable=True),
    sa.Column('signer_second_position', sa.String(length=200), nullable=True),
    sa.Column('signer_name', sa.String(length=150), nullable=True),
    sa.Column('recipients', sa.Text(), nullable=True),
    sa.Column('archive', sa.String(length=100), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=False),
    sa.Column('owner_office_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.BigInteger(), server_default=sa.text('0'), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint("kind IN ('decision', 'list', 'plan', 'invitation')", name=op.f('ck_document_settings_kind')),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_document_settings_office_id_offices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_settings'))
    )
    with op.batch_alter_table('document_settings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_settings_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_settings_owner_office_id'), ['owner_office_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('document_settings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_settings_owner_office_id'))
        batch_op.drop_index(batch_op.f('ix_document_settings_office_id'))
    op.drop_table('document_settings')
