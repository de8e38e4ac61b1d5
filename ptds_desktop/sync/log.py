"""The change log as it travels: signed segments of one origin's changes, version vectors, and
receiving segments (store byte for byte for relaying, then merge the changes not seen before)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import defaultdict
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection

from ptds_desktop.db import clock
from ptds_desktop.db.capture import last_seq
from ptds_desktop.db.changes import record_changes
from ptds_desktop.sync import keys
from ptds_desktop.sync.errors import BundleError
from ptds_desktop.sync.merge import Change, MergeStats, apply_changes


@dataclasses.dataclass(frozen=True)
class Segment:
    origin: str
    first_seq: int
    last_seq: int
    body: bytes
    signature: str
    attachments: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"segments/{self.origin}-{self.first_seq}-{self.last_seq}.jsonl"

    @property
    def count(self) -> int:
        return self.last_seq - self.first_seq + 1


def signed_bytes(origin: str, first_seq: int, last_seq: int, body: bytes) -> bytes:
    return f"ptds-segment\n{origin}\n{first_seq}\n{last_seq}\n{hashlib.sha256(body).hexdigest()}".encode()


def seal_outbox(conn: Connection, office_id: str, private_key: Ed25519PrivateKey) -> Segment | None:
    """Turn this office's unsent changes into one signed segment (done once; relays forward it as is)."""
    rows = conn.exec_driver_sql(
        "SELECT seq, tbl, row_id, field, value, hlc, base_hlc, base_origin FROM sync_outbox ORDER BY seq"
    ).fetchall()
    if not rows:
        return None
    quoted: dict[str, Any] = {}  # names and ids repeat a lot: encode each once

    def q(text: str) -> str:
        result = quoted.get(text)
        if result is None:
            result = quoted[text] = json.dumps(text, ensure_ascii=False)
        return result

    lines = []
    attachments = set()
    for seq, tbl, row_id, field, value, hlc, base_hlc, base_origin in rows:
        lines.append(f"[{seq},{q(tbl)},{q(row_id)},{q(field)},{value},{hlc},{base_hlc},{q(base_origin)}]")
        if tbl == "attachments" and field == "sha256":
            attachments.add(json.loads(value))
    body = ("\n".join(lines) + "\n").encode("utf-8")
    first, last = rows[0][0], rows[-1][0]
    signature = keys.sign(private_key, signed_bytes(office_id, first, last, body))
    segment = Segment(office_id, first, last, body, signature, tuple(sorted(attachments)))
    _store(conn, [segment])
    conn.exec_driver_sql("DELETE FROM sync_outbox WHERE seq <= ?", (last,))
    record_changes(conn, "sync_outbox", "sync_segments")
    return segment


def _store(conn: Connection, segments: list[Segment]) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_segments(origin, first_seq, last_seq, body, signature, attachments) VALUES (?,?,?,?,?,?)",
        [(s.origin, s.first_seq, s.last_seq, s.body, s.signature, json.dumps(list(s.attachments))) for s in segments],
    )


def parse_segment(segment: Segment, where: str) -> list[Change]:
    """The changes of a verified segment, checked for shape: every sequence number first..last, once."""
    changes = []
    origin = segment.origin
    try:
        # One decode for the whole segment (JSON escapes newlines inside values, so lines are records).
        records = json.loads("[" + segment.body.decode("utf-8").strip().replace("\n", ",") + "]")
        for expected, record in enumerate(records, start=segment.first_seq):
            seq, tbl, row_id, field, value, hlc, base_hlc, base_origin = record
            if seq != expected or not isinstance(hlc, int) or not isinstance(base_hlc, int):
                raise ValueError(f"số thứ tự {seq}")
            changes.append((origin, seq, tbl, row_id, field, value, hlc, base_hlc, base_origin))
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise BundleError(f"{where} bị hỏng: đoạn thay đổi {segment.name} sai định dạng ({exc}).") from None
    if len(changes) != segment.count:
        raise BundleError(f"{where} bị hỏng: đoạn thay đổi {segment.name} thiếu dòng ({len(changes)}/{segment.count}).")
    return changes


def vector(conn: Connection) -> dict[str, int]:
    """Per origin, the greatest sequence number up to which this office holds every change."""
    result: dict[str, int] = {}
    current = None
    for origin, first, last in conn.exec_driver_sql(
        "SELECT origin, first_seq, last_seq FROM sync_segments ORDER BY origin, first_seq"
    ):
        if origin != current:
            current = origin
            result[origin] = 0
        if first <= result[origin] + 1:
            result[origin] = max(result[origin], last)
    return result


def own_vector(conn: Connection, office_id: str) -> dict[str, int]:
    result = vector(conn)
    result[office_id] = max(result.get(office_id, 0), last_seq(conn))
    return {k: v for k, v in result.items() if v}


def segments_for(conn: Connection, acked: dict[str, int] | None) -> list[Segment]:
    """Every stored segment holding a change the peer has not acknowledged (all when `acked` is None)."""
    result = []
    for origin, first, last, body, signature, attachments in conn.exec_driver_sql(
        "SELECT origin, first_seq, last_seq, body, signature, attachments FROM sync_segments ORDER BY origin, first_seq"
    ):
        if acked is None or last > acked.get(origin, 0):
            result.append(Segment(origin, first, last, bytes(body), signature, tuple(json.loads(attachments))))
    return result


def pending_count(conn: Connection, acked: dict[str, int]) -> int:
    count = 0
    for origin, first, last in conn.exec_driver_sql("SELECT origin, first_seq, last_seq FROM sync_segments"):
        count += max(0, last - max(first - 1, acked.get(origin, 0)))
    outbox = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one()
    return count + int(outbox)


def new_segments(conn: Connection, segments: list[Segment], office_id: str) -> list[Segment]:
    """The segments not held here yet (an origin never cuts its sequence two ways, so a range says it)."""
    held: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for origin, first, last in conn.exec_driver_sql("SELECT origin, first_seq, last_seq FROM sync_segments"):
        held[origin].append((first, last))
    result = []
    for segment in segments:
        if segment.origin == office_id:
            continue
        if any(first <= segment.last_seq and segment.first_seq <= last for first, last in held[segment.origin]):
            continue
        held[segment.origin].append((segment.first_seq, segment.last_seq))
        result.append(segment)
    return result


def receive(conn: Connection, segments: list[Segment], changes: list[Change]) -> MergeStats:
    """Store new, verified segments and merge their changes, in the caller's transaction."""
    if segments:
        _store(conn, segments)
    stats = apply_changes(conn, changes)
    if changes:
        clock.observe(conn, max(c[6] for c in changes))
    return stats
