"""PostgreSQL: what SQLite has by other means (nothing changes in a SQLite database)

- yes/no columns as SMALLINT 0/1 (models.base.Flag), as SQLite holds them;
- sequence numbers as BIGINT (models.base.SEQ_NUMBER): a new epoch (db.incarnation) puts them past 2^32, which
  SQLite's INTEGER holds and PostgreSQL's does not;
- foreign keys deferrable, so `db.engine.defer_foreign_keys` can hold their check to the commit as SQLite's
  `PRAGMA defer_foreign_keys` does;
- `ptds_fold(text)`, the accent-insensitive key of search (SQLite registers it from Python on each connection),
  built on the `unaccent` extension, with indexes on the names searched and sorted by it.

Revision ID: 0010_postgresql
Revises: 0009_seal_keys
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_postgresql"
down_revision = "0009_seal_keys"
branch_labels = None
depends_on = None

# lower() after unaccent: unaccent maps Đ/đ to D/d and strips Vietnamese tone marks, as text.fold does.
_FOLD = """
CREATE OR REPLACE FUNCTION ptds_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(lower(regexp_replace(btrim(public.unaccent('public.unaccent'::regdictionary, value)),
                                     '\\s+', ' ', 'g')), '')
"""
_SEQ_COLUMNS = (("sync_outbox", "seq"), ("sync_segments", "first_seq"), ("sync_segments", "last_seq"),
                ("sync_pending", "seq"), ("sync_rejections", "seq"), ("sync_held_segments", "first_seq"),
                ("sync_held_segments", "last_seq"), ("sync_refused_elsewhere", "seq"))
_FOLD_INDEXES = (("organizations", "name"), ("organizations", "short_name"), ("people", "full_name"),
                 ("plans", "title"))


def _is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _is_postgresql():
        return
    conn = op.get_bind()
    inspector = sa.inspect(conn)
    for table in inspector.get_table_names():
        for column in inspector.get_columns(table):
            if isinstance(column["type"], sa.Boolean):
                name = column["name"]
                op.execute(f'ALTER TABLE {table} ALTER COLUMN {name} DROP DEFAULT, '
                           f'ALTER COLUMN {name} TYPE SMALLINT USING CASE WHEN {name} THEN 1 ELSE 0 END')
                if column.get("default") is not None:
                    op.execute(f"ALTER TABLE {table} ALTER COLUMN {name} SET DEFAULT 0")
        for fk in inspector.get_foreign_keys(table):
            op.execute(f"ALTER TABLE {table} ALTER CONSTRAINT {fk['name']} DEFERRABLE INITIALLY IMMEDIATE")
    for table, column in _SEQ_COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT")
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public")
    op.execute(_FOLD)
    for table, column in _FOLD_INDEXES:
        op.execute(f"CREATE INDEX ix_{table}_{column}_folded ON {table} (ptds_fold({column}))")


def downgrade() -> None:
    if not _is_postgresql():
        return
    for table, column in _FOLD_INDEXES:
        op.execute(f"DROP INDEX ix_{table}_{column}_folded")
    op.execute("DROP FUNCTION ptds_fold(text)")
