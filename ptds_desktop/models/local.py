"""Tables that never leave this installation."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ptds_desktop.models.base import Base


class LocalSetting(Base):
    """Facts about this installation: its office id, the newest clock stamp seen, and so on."""

    __tablename__ = "local_settings"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
