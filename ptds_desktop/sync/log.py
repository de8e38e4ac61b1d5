"""The change log as it travels: signed segments of one origin's changes, version vectors, and
receiving segments (store byte for byte for relaying, then merge the changes not seen before)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import defaultdict
from operator import itemgetter
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection

from ptds_desktop.db import clock
from ptds_desktop.db.capture import last_seq
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.engine import sql_json_string
from ptds_desktop.db.incarnation import stream_base, stream_key
from ptds_desktop.i18n import translate
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


def _outbox_lines(conn: Connection) -> str:
    """Each change's JSON line, built by the database in one pass (value is stored as JSON already). The sha256
    of an attachment is picked out on the way."""
    tbl, row_id, field, base_origin = (sql_json_string(conn, c) for c in ("tbl", "row_id", "field", "base_origin"))
    return (f"SELECT seq, '[' || seq || ',' || {tbl} || ',' || {row_id} || ',' || {field} || ',' || value || ','"
            f" || hlc || ',' || base_hlc || ',' || {base_origin} || ']',"
            " CASE WHEN tbl='attachments' AND field='sha256' THEN value END FROM sync_outbox ORDER BY seq")


def seal_outbox(conn: Connection, office_id: str, private_key: Ed25519PrivateKey) -> list[Segment]:
    """Turn this office's unsent changes into signed segments, one per run of consecutive numbers (a new
    incarnation starts a new run). Done once; relays forward them as they are."""
    cursor = conn.connection.cursor()  # plain tuples: 100,000 rows are read here at every export
    try:
        cursor.execute(_outbox_lines(conn))
        rows = list(cursor.fetchall())
    finally:
        cursor.close()
    if not rows:
        return []
    if rows[-1][0] - rows[0][0] + 1 == len(rows):  # numbers are unique: one run, the common case
        runs = [rows]
    else:
        runs = [[rows[0]]]
        for row in rows[1:]:
            if row[0] == runs[-1][-1][0] + 1:
                runs[-1].append(row)
            else:
                runs.append([row])
    segments = [_seal_run(office_id, private_key, run) for run in runs]
    _store(conn, segments)
    # Every row was read in this transaction: emptied whole, SQLite frees the pages without visiting each row.
    conn.exec_driver_sql("DELETE FROM sync_outbox")
    record_changes(conn, "sync_outbox", "sync_segments")
    return segments


def _seal_run(office_id: str, private_key: Ed25519PrivateKey, rows: list[Any]) -> Segment:
    """rows: (seq, JSON line, sha256 of an attachment or None), consecutive."""
    body = ("\n".join(map(itemgetter(1), rows)) + "\n").encode("utf-8")
    attachments = {json.loads(sha) for sha in map(itemgetter(2), rows) if sha is not None}
    first, last = rows[0][0], rows[-1][0]
    signature = keys.sign(private_key, signed_bytes(office_id, first, last, body))
    return Segment(office_id, first, last, body, signature, tuple(sorted(attachments)))


def _store(conn: Connection, segments: list[Segment], received_ms: int | None = None) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_segments(origin, first_seq, last_seq, body, signature, attachments, received_ms) "
        "VALUES (?,?,?,?,?,?,?)",
        [(s.origin, s.first_seq, s.last_seq, s.body, s.signature, json.dumps(list(s.attachments)), received_ms)
         for s in segments],
    )


def _well_formed(records: Any, first_seq: int) -> bool:
    """Every record a list of 8 with sequence numbers first_seq, first_seq + 1, … and integer stamps: checked
    column by column (C loops), not record by record: a segment holds up to hundreds of thousands."""
    return (
        type(records) is list
        and set(map(type, records)) <= {list}
        and set(map(len, records)) <= {8}
        and list(map(itemgetter(0), records)) == list(range(first_seq, first_seq + len(records)))
        and set(map(type, map(itemgetter(5), records))) <= _INTEGER
        and set(map(type, map(itemgetter(6), records))) <= _INTEGER
    )


_INTEGER = {int, bool}  # what isinstance(value, int) accepts among JSON's types


def parse_segment(segment: Segment, where: str) -> list[Change]:
    """The changes of a verified segment, checked for shape: every sequence number first..last, once."""
    changes = []
    origin = segment.origin
    try:
        # One decode for the whole segment (JSON escapes newlines inside values, so lines are records).
        records = json.loads("[" + segment.body.decode("utf-8").strip().replace("\n", ",") + "]")
        if _well_formed(records, segment.first_seq):
            changes = [(origin, *record) for record in records]
            records = []
        for expected, record in enumerate(records, start=segment.first_seq):  # finds and names what is wrong
            seq, tbl, row_id, field, value, hlc, base_hlc, base_origin = record
            if seq != expected or not isinstance(hlc, int) or not isinstance(base_hlc, int):
                raise ValueError(translate("Core", "số thứ tự {seq}").format(seq=seq))
            changes.append((origin, seq, tbl, row_id, field, value, hlc, base_hlc, base_origin))
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise BundleError(translate(
            "Core", "{where} bị hỏng: đoạn thay đổi {segment} sai định dạng ({problem}).").format(
            where=where, segment=segment.name, problem=exc)) from None
    if len(changes) != segment.count:
        raise BundleError(translate(
            "Core", "{where} bị hỏng: đoạn thay đổi {segment} thiếu dòng ({found}/{expected}).").format(
            where=where, segment=segment.name, found=len(changes), expected=segment.count))
    return changes


def vector(conn: Connection) -> dict[str, int]:
    """Per stream (an origin's epoch, `db.incarnation`), the greatest sequence number up to which this office
    holds every change."""
    result: dict[str, int] = {}
    for origin, first, last in conn.exec_driver_sql(
        "SELECT origin, first_seq, last_seq FROM sync_segments ORDER BY origin, first_seq"
    ):
        key = stream_key(origin, first)
        held = result.get(key, stream_base(first))
        if first <= held + 1:
            result[key] = max(held, last)
    return {k: v for k, v in result.items() if v != stream_base(v)}


def own_vector(conn: Connection, office_id: str) -> dict[str, int]:
    result = vector(conn)
    newest = last_seq(conn)
    if newest:
        key = stream_key(office_id, newest)
        result[key] = max(result.get(key, 0), newest)
    return result


def _acked(acked: dict[str, int], origin: str, first: int) -> int:
    return acked.get(stream_key(origin, first), stream_base(first))


def segments_for(conn: Connection, acked: dict[str, int] | None) -> list[Segment]:
    """Every stored segment holding a change the peer has not acknowledged (all when `acked` is None)."""
    result = []
    for origin, first, last, body, signature, attachments in conn.exec_driver_sql(
        "SELECT origin, first_seq, last_seq, body, signature, attachments FROM sync_segments ORDER BY origin, first_seq"
    ):
        if acked is None or last > _acked(acked, origin, first):
            result.append(Segment(origin, first, last, bytes(body), signature, tuple(json.loads(attachments))))
    return result


def pending_count(conn: Connection, acked: dict[str, int]) -> int:
    count = 0
    for origin, first, last in conn.exec_driver_sql("SELECT origin, first_seq, last_seq FROM sync_segments"):
        count += max(0, last - max(first - 1, _acked(acked, origin, first)))
    outbox = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one()
    return count + int(outbox)


def merge_acknowledgement(acked: dict[str, int], vector: Any, sender: str) -> dict[str, int]:
    """What the sender holds, from the vector in its bundle. A replayed old bundle never moves an entry back,
    except when the sender shows a new incarnation of itself (a restored copy): then what it says it holds is
    the truth, of its own changes and of everyone else's, so the changes it lost are sent back to it and no
    tombstone is purged on the word of the copy it replaced (sync.purge)."""
    if not isinstance(vector, dict):
        return acked
    vector = {k: v for k, v in vector.items() if isinstance(k, str) and isinstance(v, int)}
    own = {k for k in {*vector, *acked} if k == sender or k.startswith(sender + "~")}
    restarted = any(k not in acked for k in own & set(vector) if k != sender)
    result = {} if restarted else dict(acked)
    for key, seq in vector.items():
        if seq > result.get(key, 0):
            result[key] = seq
    return result


@dataclasses.dataclass(frozen=True)
class Incoming:
    segments: list[Segment]  # to store
    changes: list[Change]  # not held here before
    refused: list[tuple[str, str]]  # (origin, what): a held range reused with other content; shown, not applied


def new_segments(conn: Connection, segments: list[Segment], parsed: dict[tuple[str, int], list[Change]]) -> Incoming:
    """The segments and changes not held here yet, this office's own included (a restored copy gets back what
    it made after the backup). A range overlapping one held here must hold the same changes on the overlap:
    then only its new changes apply; otherwise it is refused and named, never silently dropped."""
    held: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    signatures: dict[tuple[str, int, int], str] = {}
    for origin, first, last, signature in conn.exec_driver_sql(
        "SELECT origin, first_seq, last_seq, signature FROM sync_segments"
    ):
        held[origin].append((first, last))
        signatures[(origin, first, last)] = signature
    result = Incoming([], [], [])
    for segment in segments:
        if signatures.get((segment.origin, segment.first_seq, segment.last_seq)) == segment.signature:
            continue  # the very segment held here (signatures are deterministic): the common case, made cheap
        changes = parsed[(segment.origin, segment.first_seq)]
        ranges = held[segment.origin]
        overlapping = [(f, la) for f, la in ranges if f <= segment.last_seq and segment.first_seq <= la]
        if not overlapping:
            ranges.append((segment.first_seq, segment.last_seq))
            result.segments.append(segment)
            result.changes.extend(changes)
            continue
        known = _held_changes(conn, segment.origin, overlapping, result.segments, parsed)
        if any(known.get(c[1], c) != c for c in changes):
            result.refused.append((segment.origin, translate(
                "Core", "số {first}–{last}: trùng số với thay đổi đã có nhưng khác nội dung "
                "(một bản sao cơ sở dữ liệu của văn phòng đó đã dùng lại số)").format(
                first=segment.first_seq, last=segment.last_seq)))
            continue
        fresh = [c for c in changes if c[1] not in known]
        if not fresh:
            continue
        ranges.append((segment.first_seq, segment.last_seq))
        result.changes.extend(fresh)
        if not any(f == segment.first_seq for f, _la in overlapping):
            result.segments.append(segment)  # stored beside the shorter range it extends
        else:  # same first number, longer: it replaces the one held (same changes where they meet)
            conn.exec_driver_sql("DELETE FROM sync_segments WHERE origin=? AND first_seq=?",
                                 (segment.origin, segment.first_seq))
            result.segments.append(segment)
    return result


def _held_changes(conn: Connection, origin: str, ranges: list[tuple[int, int]], taken: list[Segment],
                  parsed: dict[tuple[str, int], list[Change]]) -> dict[int, Change]:
    known: dict[int, Change] = {}
    for first, _last in ranges:
        earlier = next((s for s in taken if s.origin == origin and s.first_seq == first), None)
        if earlier is not None:
            changes = parsed[(origin, first)]
        else:
            row = conn.exec_driver_sql(
                "SELECT origin, first_seq, last_seq, body, signature FROM sync_segments WHERE origin=? AND first_seq=?",
                (origin, first)).fetchone()
            if row is None:
                continue
            changes = parse_segment(Segment(row[0], row[1], row[2], bytes(row[3]), row[4]),
                                    translate("Core", "Dữ liệu đồng bộ"))
        known.update((c[1], c) for c in changes)
    return known


def receive(conn: Connection, segments: list[Segment], changes: list[Change]) -> MergeStats:
    """Store new, verified segments and merge their changes, in the caller's transaction. Only the stamps of
    accepted changes move the local clock; a change stamped far ahead of this computer's clock is held."""
    if segments:
        _store(conn, segments, clock.clock_for(conn.engine).now_ms())
    stats = apply_changes(conn, changes, clock.acceptable_limit(conn.engine))
    clock.observe(conn, stats.newest_accepted)
    return stats
