"""One declarative base, a constraint naming convention, and the sync metadata every synced row carries."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, Boolean, MetaData, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))


SYNC_META_COLUMNS = ("id", "created_by", "owner_office_id", "hlc", "deleted")


def synced_tables() -> list:
    """Tables of synced models, parents before children (the order sync applies inserts in)."""
    synced = {m.class_.__table__ for m in Base.registry.mappers if getattr(m.class_, "__synced__", False)}
    return [t for t in Base.metadata.sorted_tables if t in synced]


def model_for_table(name: str):
    for mapper in Base.registry.mappers:
        if mapper.class_.__tablename__ == name:
            return mapper.class_
    raise KeyError(name)
