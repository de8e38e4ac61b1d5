"""One declarative base, a constraint naming convention, and the sync metadata every synced row carries."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Dialect,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator, TypeEngine

from ptds_desktop.models.enums import Vocabulary

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


UUID = String(36)
# A change's sequence number: an epoch in bits 32 and up (db.incarnation), so 64-bit on PostgreSQL; SQLite's
# INTEGER is 64-bit already (and stays the rowid alias of the tables keyed by it).
SEQ_NUMBER = BigInteger().with_variant(Integer(), "sqlite")


class Flag(TypeDecorator[bool]):
    """Yes/no, held as 0/1 on every engine: SQLite's BOOLEAN is an integer, and on PostgreSQL a SMALLINT (not its
    BOOLEAN, which refuses integers), so SQL written as `deleted=0` and the sync format's 0/1 mean the same on both."""

    impl = Boolean
    cache_ok = True

    class comparator_factory(TypeDecorator.Comparator[bool]):  # noqa: N801 (SQLAlchemy's name)
        def operate(self, op: Any, *other: Any, **kwargs: Any) -> Any:
            # `deleted.is_(False)`: SQL's IS takes no integer on PostgreSQL; for a NOT NULL flag = is the same.
            if other and isinstance(other[0], bool) and op in (operators.is_, operators.is_not):
                op = operators.eq if op is operators.is_ else operators.ne
            return super().operate(op, *other, **kwargs)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(SmallInteger() if dialect.name == "postgresql" else Boolean())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return int(value) if value is not None and dialect.name == "postgresql" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> bool | None:
        return None if value is None else bool(value)

_VOCABULARY = "vocabulary"
_NOT_BLANK = "not_blank"


def coded(vocabulary: Vocabulary, length: int, **kwargs: Any) -> MappedColumn[Any]:
    """A column holding one code of `vocabulary`; the table gets the matching CHECK constraint."""
    return mapped_column(String(length), info={_VOCABULARY: vocabulary}, **kwargs)


def not_blank(type_: TypeEngine[Any] | type[TypeEngine[Any]], **kwargs: Any) -> MappedColumn[Any]:
    """A text column that must hold more than spaces; the table gets the matching CHECK constraint."""
    return mapped_column(type_, info={_NOT_BLANK: True}, **kwargs)


def vocabulary_of(column: Column[Any]) -> Vocabulary | None:
    vocabulary = column.info.get(_VOCABULARY)
    return vocabulary if isinstance(vocabulary, Vocabulary) else None


def is_not_blank(column: Column[Any]) -> bool:
    return bool(column.info.get(_NOT_BLANK))


@event.listens_for(Column, "after_parent_attach")
def _declared_checks(column: Column[Any], table: object) -> None:
    """The CHECK constraints of `coded` and `not_blank` columns, named as the migrations name them."""
    if not isinstance(table, Table):
        return
    vocabulary = vocabulary_of(column)
    if vocabulary is not None:
        table.append_constraint(CheckConstraint(vocabulary.check_sql(column.name), name=column.name))
    if is_not_blank(column):
        table.append_constraint(CheckConstraint(f"length(trim({column.name})) > 0", name=f"{column.name}_not_blank"))


@event.listens_for(ForeignKeyConstraint, "after_parent_attach")
def _deferrable(constraint: ForeignKeyConstraint, _table: Any) -> None:
    """Every foreign key may be checked at the commit instead (`db.engine.defer_foreign_keys`): SQLite can do so
    for any key, PostgreSQL only for keys declared DEFERRABLE (migration 0010, and every later migration's)."""
    constraint.deferrable = True
    constraint.initially = "IMMEDIATE"


class Synced:
    """Mixin for rows that travel between offices (DESIGN §2).

    `owner_office_id` is the only office (with its ancestors) allowed to change the row;
    `hlc` is the hybrid-logical-clock stamp of the newest field change; `deleted` is the tombstone.
    created_by/owner are filled from the session's office at flush when left empty.
    """

    __synced__ = True

    id: Mapped[str] = mapped_column(UUID, primary_key=True, default=new_id)
    created_by: Mapped[str] = mapped_column(UUID)
    owner_office_id: Mapped[str] = mapped_column(UUID, index=True)
    hlc: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    deleted: Mapped[bool] = mapped_column(Flag, default=False, server_default=text("0"))


SYNC_META_COLUMNS = ("id", "created_by", "owner_office_id", "hlc", "deleted")


def synced_tables() -> list[Any]:
    """Tables of synced models, parents before children (the order sync applies inserts in)."""
    synced = {m.class_.__table__ for m in Base.registry.mappers if getattr(m.class_, "__synced__", False)}
    return [t for t in Base.metadata.sorted_tables if t in synced]


def model_for_table(name: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if mapper.class_.__tablename__ == name:
            return mapper.class_
    raise KeyError(name)
