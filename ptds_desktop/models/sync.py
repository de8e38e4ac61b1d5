"""Sync bookkeeping (DESIGN §4). Local tables: they never travel, they record what travelled."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ptds_desktop.models.base import SEQ_NUMBER, UUID, Base, Flag


class SyncOutbox(Base):
    """This office's captured field changes not yet sealed into a signed segment."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(SEQ_NUMBER, primary_key=True, autoincrement=False)
    tbl: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[str] = mapped_column(UUID)
    field: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)  # JSON of the stored (database) representation
    hlc: Mapped[int] = mapped_column(BigInteger)
    base_hlc: Mapped[int] = mapped_column(BigInteger)
    base_origin: Mapped[str] = mapped_column(String(36))


class SyncSegment(Base):
    """A signed run of one origin's changes, kept byte for byte so it can be relayed untouched."""

    __tablename__ = "sync_segments"

    origin: Mapped[str] = mapped_column(UUID, primary_key=True)
    first_seq: Mapped[int] = mapped_column(SEQ_NUMBER, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(SEQ_NUMBER)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # JSONL, one change per line
    signature: Mapped[str] = mapped_column(String(100))  # base64 Ed25519 by the origin
    attachments: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of sha256 the segment names
    # When it arrived here (ms, this computer's clock): from then on it is due to every peer lacking it.
    # None for this office's own segments (due from each change's own stamp) and segments stored before 0008.
    received_ms: Mapped[int | None] = mapped_column(BigInteger)


class SyncFieldClock(Base):
    """Stamp of the value each field holds. field '*' is the stamp of the row's creation (every field
    without its own entry); rows written without capture fall back to the row's hlc."""

    __tablename__ = "sync_field_clock"

    tbl: Mapped[str] = mapped_column(String(50), primary_key=True)
    row_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    origin: Mapped[str] = mapped_column(String(36))
    base_hlc: Mapped[int] = mapped_column(BigInteger, default=0)  # for 'deleted': the row stamp the deleter saw


class SyncSeen(Base):
    """Stamps some change declared it had seen (its base, or a resolved conflict) that were not the
    field's current stamp when it arrived: such a value lost knowingly, so it is no conflict."""

    __tablename__ = "sync_seen"

    tbl: Mapped[str] = mapped_column(String(50), primary_key=True)
    row_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)


class SyncConflict(Base):
    """A value that lost to a change made without seeing it ('edit'), or an edit to a row someone
    deleted without seeing the edit ('delete'). Derived from the set of changes: same in every office."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tbl: Mapped[str] = mapped_column(String(50), index=True)
    row_id: Mapped[str] = mapped_column(UUID, index=True)
    field: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(Text)  # JSON, stored representation
    hlc: Mapped[int] = mapped_column(BigInteger)
    origin: Mapped[str] = mapped_column(String(36))


class SyncPending(Base):
    """Received changes that cannot be applied yet: their row or a row they point to has not arrived."""

    __tablename__ = "sync_pending"

    origin: Mapped[str] = mapped_column(UUID, primary_key=True)
    seq: Mapped[int] = mapped_column(SEQ_NUMBER, primary_key=True, autoincrement=False)
    tbl: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[str] = mapped_column(UUID)
    field: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)
    hlc: Mapped[int] = mapped_column(BigInteger)
    base_hlc: Mapped[int] = mapped_column(BigInteger)
    base_origin: Mapped[str] = mapped_column(String(36))


class SyncRejection(Base):
    """Received changes refused because their origin has no authority over the row."""

    __tablename__ = "sync_rejections"

    origin: Mapped[str] = mapped_column(UUID, primary_key=True)
    seq: Mapped[int] = mapped_column(SEQ_NUMBER, primary_key=True, autoincrement=False)
    tbl: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[str] = mapped_column(UUID)
    field: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str] = mapped_column(Text)


class SyncPeer(Base):
    """What each other office has acknowledged (its version vector) and when we last exchanged."""

    __tablename__ = "sync_peers"

    office_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    acked: Mapped[str] = mapped_column(Text, default="{}")  # JSON {origin: max contiguous seq}
    last_received_at: Mapped[str | None] = mapped_column(String(32))
    last_sent_at: Mapped[str | None] = mapped_column(String(32))


class SyncKey(Base):
    """Public keys this office trusts: from enrolment, confirmed by fingerprint, or vouched by an ancestor."""

    __tablename__ = "sync_keys"

    office_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    public_key: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(20))  # own, enrolment, confirmed, vouched
    name: Mapped[str | None] = mapped_column(String(200))


class SyncReceipt(Base):
    """One applied bundle: so a re-import says "already applied", and the user can see what came in."""

    __tablename__ = "sync_receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sender_office_id: Mapped[str] = mapped_column(UUID)
    applied_at: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text)  # JSON of the import report


class SyncKeyCertificate(Base):
    """"Office X's key is K", signed by the office that enrolled X (issuer). An office's key is trusted when its
    certificate's issuer key is, down from this office's own trust roots; a second key for one office is a key
    conflict until the user confirms one (the others are then refused)."""

    __tablename__ = "sync_key_certificates"

    office_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    public_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    issuer_id: Mapped[str] = mapped_column(UUID)
    signature: Mapped[str] = mapped_column(String(100))
    refused: Mapped[bool] = mapped_column(Flag, default=False)


class SyncHeldSegment(Base):
    """A segment signed with a disputed key of its origin: kept aside, neither applied nor acknowledged, until
    the user confirms which key is genuine."""

    __tablename__ = "sync_held_segments"

    origin: Mapped[str] = mapped_column(UUID, primary_key=True)
    first_seq: Mapped[int] = mapped_column(SEQ_NUMBER, primary_key=True, autoincrement=False)
    signature: Mapped[str] = mapped_column(String(100), primary_key=True)
    last_seq: Mapped[int] = mapped_column(SEQ_NUMBER)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    attachments: Mapped[str] = mapped_column(Text, default="[]")
    public_key: Mapped[str] = mapped_column(String(100))  # the disputed key it verifies with


class SyncRefusedElsewhere(Base):
    """This office's changes another office refused, as that office reported back in its next bundle here."""

    __tablename__ = "sync_refused_elsewhere"

    office_id: Mapped[str] = mapped_column(UUID, primary_key=True)  # the office that refused
    seq: Mapped[int] = mapped_column(SEQ_NUMBER, primary_key=True, autoincrement=False)
    tbl: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[str] = mapped_column(UUID)
    field: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str] = mapped_column(Text)


class SyncKeyRotation(Base):
    """"Office X now signs with `new_key`", signed by its previous key (and by the new one, proving it is held).
    Accepted while the old key is; the old key stays for checking what it signed before."""

    __tablename__ = "sync_key_rotations"

    office_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    new_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    old_key: Mapped[str] = mapped_column(String(100))
    stamp: Mapped[int] = mapped_column(BigInteger)  # HLC of the rotation
    signature: Mapped[str] = mapped_column(String(100))  # by old_key
    new_signature: Mapped[str] = mapped_column(String(100))  # by new_key


class SyncKeyRevocation(Base):
    """"Office X's key K is revoked since stamp S", signed by the office that enrolled X (or an ancestor): changes
    signed with K (or a key K rotated to) stamped after S are refused everywhere; earlier ones stay."""

    __tablename__ = "sync_key_revocations"

    office_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    public_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    issuer_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    since: Mapped[int] = mapped_column(BigInteger)
    signature: Mapped[str] = mapped_column(String(100))


class SyncPurged(Base):
    """A tombstone purged everywhere (sync.purge): the row is gone, and any change of it still on its way is
    dropped, so nothing brings it back."""

    __tablename__ = "sync_purged"

    tbl: Mapped[str] = mapped_column(String(50), primary_key=True)
    row_id: Mapped[str] = mapped_column(UUID, primary_key=True)


class SyncSealKey(Base):
    """An office's public seal key (X25519), proven by its statement signed with the office's signing key
    (sync/sealing.py); bundles to that office are sealed to it. This office's own statement is kept here too."""

    __tablename__ = "sync_seal_keys"

    office_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    seal_key: Mapped[str] = mapped_column(String(100))
    issued: Mapped[str] = mapped_column(String(40))
    signature: Mapped[str] = mapped_column(String(100))
