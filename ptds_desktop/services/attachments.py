"""Attached files (a scanned decision, a report's evidence): stored once by content hash beside the database."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sqlalchemy.orm import Session

from ptds_desktop.config import attachments_dir_for
from ptds_desktop.db.session import write_context
from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.models import Attachment

_MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def store_attachment(session: Session, source: Path | str, owner_table: str, owner_row_id: str) -> Attachment:
    """Copy the file into the attachments folder (named by its SHA-256) and record it against its owner row."""
    source = Path(source)
    try:
        content = source.read_bytes()
    except OSError as exc:
        raise ValidationError(translate("Core", "Không đọc được tệp {source}: {reason}.").format(
            source=source, reason=exc.strerror or exc), "attachment") from None
    digest = hashlib.sha256(content).hexdigest()
    folder = attachments_dir_for(write_context(session).db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / digest
    if not target.exists():
        partial = target.with_suffix(".part")
        shutil.copyfile(source, partial)
        partial.replace(target)
    attachment = Attachment(
        sha256=digest,
        filename=source.name,
        size=len(content),
        media_type=_MEDIA_TYPES.get(source.suffix.lower(), "application/octet-stream"),
        owner_table=owner_table,
        owner_row_id=owner_row_id,
    )
    session.add(attachment)
    session.flush()
    return attachment
