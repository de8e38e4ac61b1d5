"""Parts shared by every issued document: distribution list (Nơi nhận) and signature block."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ptds_desktop.models.base import UUID, Base, Synced


class DistributionEntry(Synced, Base):
    __tablename__ = "distribution_entries"

    document_table: Mapped[str] = mapped_column(String(50))  # "plans", "conferences", "decisions"
    document_id: Mapped[str] = mapped_column(UUID, index=True)
    text: Mapped[str] = mapped_column(Text)  # "Thường trực Tỉnh ủy"
    purpose: Mapped[str | None] = mapped_column(String(50))  # "b/c"
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class SignatureBlock(Synced, Base):
    __tablename__ = "signature_blocks"

    document_table: Mapped[str] = mapped_column(String(50))
    document_id: Mapped[str] = mapped_column(UUID, index=True)
    authority: Mapped[str | None] = mapped_column(String(100))  # "KT. TRƯỞNG BAN", "TM. BAN CHỈ HUY"
    position: Mapped[str | None] = mapped_column(String(200))  # "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"
    second_position: Mapped[str | None] = mapped_column(String(200))  # "PHÓ CHỦ TỊCH UBND TỈNH"
    signer_name: Mapped[str | None] = mapped_column(String(150))
    drafter_note: Mapped[str | None] = mapped_column(String(100))  # "N_56"
