"""A database copied back in time must not reuse its sequence numbers (DESIGN §4).

An office numbers its changes 1, 2, 3…; peers keep the ranges they hold and skip any range they hold already.
A restored backup, a rolled-back disk image or the file copied to a second laptop would count again from
where the copy stopped, and its new changes would be skipped as "already held" while the changes made after
the copy never came back. So each open checks that this file is the one last opened here:

- `local_settings['instance']` records an instance id, the path, the computer and an open counter; the same
  id and counter are written beside the database (`<db>.instance`) at every open;
- every copy the app makes (backups, `ptds backup`, the file a restore writes) is marked as a copy.

A file that is not the one last opened here (marked, moved, on another computer, or behind the counter kept
beside it) starts a new *incarnation*: a random epoch in the high bits of its sequence numbers, so its new
numbers can never meet the ones any earlier copy used, and its unsent changes are renumbered into it. Peers
keep one acknowledgement per (office, epoch) stream (`sync.log`), and send back the changes of this office that
the copy does not hold. A false alarm only costs a new stream; a missed copy is what must not happen.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import secrets
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from ptds_desktop.db.capture import SEQ_KEY
from ptds_desktop.i18n import translate

log = logging.getLogger(__name__)

INSTANCE_KEY = "instance"
COPY_MARK_KEY = "copied_at"
NOTICE_KEY = "incarnation_notice"
EPOCH_SHIFT = 32  # sequence number = epoch << 32 | number within the epoch
EPOCH_LIMIT = 2**30  # keeps every sequence number below 2^62


def epoch_of(seq: int) -> int:
    return seq >> EPOCH_SHIFT


def stream_base(seq: int) -> int:
    """The number before the first sequence number of `seq`'s epoch."""
    return epoch_of(seq) << EPOCH_SHIFT


def stream_key(origin: str, seq: int) -> str:
    """The key of one origin's epoch in a version vector (the first epoch keeps the plain office id)."""
    epoch = epoch_of(seq)
    return origin if epoch == 0 else f"{origin}~{epoch}"


def beside_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".instance")


def _host() -> str:
    return platform.node() or "?"


def _get(conn: Connection, key: str) -> str | None:
    row = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key=?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        (key, value),
    )


def _read_beside(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def mark_copy(conn: Any) -> None:
    """Mark a copy of a database (a DB-API sqlite3 connection to the copy) so that opening it starts a new
    incarnation. A file without the settings table (not a PTDS database yet) has nothing to mark."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='local_settings'").fetchone():
        conn.execute(
            "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (COPY_MARK_KEY, dt.datetime.now().isoformat(timespec="seconds")),
        )
        conn.commit()


def _why_a_copy(conn: Connection, record: dict[str, Any], beside: dict[str, Any] | None, path: Path) -> str | None:
    if _get(conn, COPY_MARK_KEY):
        return translate("Core", "đây là một bản sao lưu được mở lại (khôi phục)")
    if record.get("host") != _host():
        return translate("Core", "tệp được chép từ máy khác (“{host}”)").format(host=record.get("host"))
    if record.get("path") != str(path.resolve()):
        return translate("Core", "tệp được chép từ chỗ khác ({path})").format(path=record.get("path"))
    if beside is None or beside.get("id") != record.get("id"):
        return translate("Core", "thiếu hoặc sai tệp nhận dạng đặt cạnh cơ sở dữ liệu")
    if beside.get("generation") != record.get("generation"):
        return translate("Core", "tệp cũ hơn lần mở gần nhất trên máy này (chép đè hoặc khôi phục ảnh đĩa)")
    return None


def new_epoch(conn: Connection) -> int:
    """Move this office's numbering to a fresh random epoch; unsent changes are renumbered into it."""
    epoch = secrets.randbelow(EPOCH_LIMIT - 1) + 1
    base = epoch << EPOCH_SHIFT
    rows = conn.exec_driver_sql("SELECT seq FROM sync_outbox ORDER BY seq").fetchall()
    for i, (seq,) in enumerate(rows, start=1):  # increasing old numbers to increasing new ones
        conn.exec_driver_sql("UPDATE sync_outbox SET seq=? WHERE seq=?", (base + i, seq))
    _set(conn, SEQ_KEY, str(base + len(rows)))
    return epoch


def start_new_incarnation(conn: Connection, reason: str) -> str:
    """A new epoch for this office's changes, and the notice saying why (kept for the Sync screen)."""
    new_epoch(conn)
    when = dt.datetime.now().strftime("%d/%m/%Y %H:%M")
    notice = translate(
        "Core", "Ngày {when}: cơ sở dữ liệu này là bản sao ({reason}). Văn phòng đã chuyển sang dãy số "
        "thay đổi mới để không trùng với bản gốc; các văn phòng khác sẽ gửi lại những thay đổi "
        "bản sao này chưa có. Nếu bản gốc vẫn đang được dùng ở máy khác, chỉ nên dùng một máy."
    ).format(when=when, reason=reason)
    _set(conn, NOTICE_KEY, notice)
    return notice


def check(engine: Engine, path: Path, office_key: str) -> str | None:
    """At every open: start a new incarnation if this file is a copy; returns the notice when it did.
    `office_key`: the setting naming this database's office (nothing to renumber before there is one)."""
    path = Path(path)
    beside = _read_beside(beside_path(path))
    notice = None
    with engine.begin() as conn:
        raw = _get(conn, INSTANCE_KEY)
        record: dict[str, Any] = {}
        if raw:
            try:
                record = json.loads(raw)
            except ValueError:
                record = {}
        reason = _why_a_copy(conn, record, beside, path) if record else None
        if reason is None and not record and _get(conn, COPY_MARK_KEY):
            reason = translate("Core", "đây là một bản sao lưu được mở lại (khôi phục)")
        if reason is not None:
            record = {}
            if _get(conn, office_key):
                notice = start_new_incarnation(conn, reason)
                log.warning("%s: %s", path, notice)
        conn.exec_driver_sql("DELETE FROM local_settings WHERE key=?", (COPY_MARK_KEY,))
        record = {"id": record.get("id") or str(uuid.uuid4()), "host": _host(), "path": str(path.resolve()),
                  "generation": int(record.get("generation") or 0) + 1}
        _set(conn, INSTANCE_KEY, json.dumps(record))
    target = beside_path(path)
    part = target.with_name(target.name + ".part")
    try:
        part.write_text(json.dumps({"id": record["id"], "generation": record["generation"]}), encoding="utf-8")
        os.replace(part, target)
    except OSError as exc:  # the next open then starts a new stream: harmless
        log.warning("%s not written: %s", target, exc)
    return notice


def notice(conn: Connection) -> str | None:
    return _get(conn, NOTICE_KEY)
