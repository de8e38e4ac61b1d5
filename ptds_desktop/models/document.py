"""Parts shared by every issued document: distribution list (Nơi nhận) and signature block."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ptds_desktop.models.base import UUID, Base, Synced, coded
from ptds_desktop.models.enums import DOCUMENT_KINDS


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


class DocumentSetting(Synced, Base):
    """How an office issues one kind of document: the heading's issuing body, the symbol, the decision's
    competent authority, bases and proposal, the default signer, recipients and "Lưu:" line. A kind with no
    row uses defaults derived from the office's name and level (services/documents.py)."""

    __tablename__ = "document_settings"

    office_id: Mapped[str] = mapped_column(UUID, ForeignKey("offices.id"), index=True)
    kind: Mapped[str] = coded(DOCUMENT_KINDS, 20)
    parent_body: Mapped[str | None] = mapped_column(String(200))  # "UBND TỈNH ĐẮK LẮK"
    issuing_body: Mapped[str] = mapped_column(String(200))  # "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ"
    symbol: Mapped[str | None] = mapped_column(String(50))  # "KH-BCH"
    authority: Mapped[str | None] = mapped_column(String(200))  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    cited_as: Mapped[str | None] = mapped_column(String(200))  # "Chủ tịch UBND tỉnh" (… ngày … của …)
    bases: Mapped[str | None] = mapped_column(Text)  # "Căn cứ …" lines
    proposal: Mapped[str | None] = mapped_column(Text)  # "Theo đề nghị của …"
    executors: Mapped[str | None] = mapped_column(Text)  # who executes a decision (its last article)
    signer_authority: Mapped[str | None] = mapped_column(String(100))  # "KT. CHỦ TỊCH"
    signer_position: Mapped[str | None] = mapped_column(String(200))  # "PHÓ CHỦ TỊCH"
    signer_second_position: Mapped[str | None] = mapped_column(String(200))
    signer_name: Mapped[str | None] = mapped_column(String(150))
    recipients: Mapped[str | None] = mapped_column(Text)  # one per line
    archive: Mapped[str | None] = mapped_column(String(100))  # "VT, NC" after "Lưu:"
