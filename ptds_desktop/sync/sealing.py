"""Bundles sealed to their addressee (issue 15): a lost USB stick reveals nothing but whom a bundle is for.

Keys. Each office has an X25519 key pair for sealing beside its Ed25519 signing key (a PEM file in the same
folder, protected by the database's passphrase like the signing key). Its public half travels in a statement
signed by the office's own signing key ("office X seals with S"); a seal key is used only when that signature
verifies with X's accepted signing key, so a relay cannot substitute its own. After a signing key changes the
old statements no longer verify and the office signs its seal key again.

Envelope. Sign, then encrypt: the signed plain bundle (manifest naming sender and recipient, its signature,
segments, attachments) is written through `EncryptingWriter` under a random 256-bit content key, in chunks of
ChaCha20-Poly1305 (STREAM: the nonce numbers the chunk and marks the last, so chunks cannot be reordered, dropped
or cut off). The content key is wrapped to the addressee's seal key by ephemeral-static X25519 and HKDF-SHA256.
Every chunk and the wrapped key are authenticated with the header (recipient, keys, chunk size) as associated
data. Signing inside keeps the sender's name and key out of sight, and the inner manifest names the recipient,
so a sealed bundle re-sealed by its addressee to a third office is refused there ("not for this office").

Enrolment code. The new office's private keys travel in its enrolment file encrypted under a one-time code the
enrolling office reads out on the phone: 16 characters of a 32-symbol alphabet (80 bits), stretched by scrypt.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import re
import secrets
import struct
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import Connection

from ptds_desktop.config import keys_dir_for
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.cipher import passphrase_for
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.sync import keys
from ptds_desktop.sync.errors import BundleError

SEAL_FORMAT = "ptds-sealed-bundle"
SEAL_VERSION = 1
CHUNK = 256 << 10  # plaintext per chunk: small enough to decrypt on demand while zipfile seeks around
MIN_CHUNK, MAX_CHUNK = 1 << 10, 4 << 20  # what a reader accepts from a header (one chunk is held in memory)
TAG = 16
_WRAP_INFO = b"ptds-bundle-seal-v1"
_NOTE_INFO = b"ptds-sender-note-v1"


# --- this office's seal key -------------------------------------------------------------------------------------

def seal_key_path(db_path: Path, office_id: str) -> Path:
    return keys_dir_for(Path(db_path)) / f"seal-{office_id}.pem"


def seal_public_of(private: X25519PrivateKey) -> str:
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def seal_private_pem(private: X25519PrivateKey) -> str:
    return private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption()).decode("ascii")


def install_seal_key(db_path: Path, office_id: str, pem: str | None = None) -> str:
    """Store this office's seal key pair (made here when `pem` is None, or by the enrolling office); returns its
    public key. An existing key file is kept."""
    path = seal_key_path(db_path, office_id)
    if path.exists():
        return seal_public_of(keys.read_seal_key_file(path, passphrase_for(db_path)))
    if pem is None:
        private = X25519PrivateKey.generate()
    else:
        try:
            loaded = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
        except (ValueError, UnicodeEncodeError):
            raise PtdsError(translate("Core", "Khóa niêm phong trong tệp đăng ký bị hỏng.")) from None
        if not isinstance(loaded, X25519PrivateKey):
            raise PtdsError(translate("Core", "Khóa niêm phong trong tệp đăng ký không phải khóa X25519."))
        private = loaded
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path.parent, 0o700)
    keys.write_key_file(path, private, passphrase_for(db_path))
    return seal_public_of(private)


def load_seal_key(db_path: Path, office_id: str) -> X25519PrivateKey | None:
    """None when this office never made one (then no office can have sealed a bundle to it)."""
    path = seal_key_path(db_path, office_id)
    return keys.read_seal_key_file(path, passphrase_for(db_path)) if path.exists() else None


# --- statements: "office X seals with S", signed by X's signing key ----------------------------------------------

@dataclasses.dataclass(frozen=True)
class SealStatement:
    office_id: str
    seal_key: str
    issued: str
    signature: str

    def signed_bytes(self) -> bytes:
        return statement_bytes(self.office_id, self.seal_key, self.issued)

    def as_json(self) -> dict[str, str]:
        return dataclasses.asdict(self)


def statement_bytes(office_id: str, seal_key: str, issued: str) -> bytes:
    return f"ptds-seal-key\n{office_id}\n{seal_key}\n{issued}".encode()


def sign_statement(signing_key: Ed25519PrivateKey, office_id: str, seal_key: str) -> SealStatement:
    issued = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    return SealStatement(office_id, seal_key, issued,
                         keys.sign(signing_key, statement_bytes(office_id, seal_key, issued)))


def parse_statements(entries: Any) -> list[SealStatement]:
    """As a manifest or an enrolment file lists them; malformed entries are dropped (they prove nothing)."""
    result = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            statement = SealStatement(*(str(entry[k]) for k in ("office_id", "seal_key", "issued", "signature")))
            X25519PublicKey.from_public_bytes(base64.b64decode(statement.seal_key, validate=True))
        except (KeyError, TypeError, ValueError):
            continue
        result.append(statement)
    return result


def store_statements(conn: Connection, statements: list[SealStatement], signing_keys: Mapping[str, str]) -> int:
    """Keep the statements that verify with their office's accepted signing key: per office the newest, or any
    that verifies in place of one that no longer does (signed with a key since replaced, whatever date it claims).
    Returns how many were stored."""
    held = {row[0]: SealStatement(*row) for row in conn.exec_driver_sql(
        "SELECT office_id, seal_key, issued, signature FROM sync_seal_keys")}
    rows = []
    for statement in statements:
        key = signing_keys.get(statement.office_id)
        if key is None or not keys.verify(key, statement.signature, statement.signed_bytes()):
            continue
        current = held.get(statement.office_id)
        if (current is None or not keys.verify(key, current.signature, current.signed_bytes())
                or (statement.issued, statement.seal_key) > (current.issued, current.seal_key)):
            held[statement.office_id] = statement
            rows.append((statement.office_id, statement.seal_key, statement.issued, statement.signature))
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO sync_seal_keys(office_id, seal_key, issued, signature) VALUES (?,?,?,?) "
            "ON CONFLICT(office_id) DO UPDATE SET seal_key=excluded.seal_key, issued=excluded.issued, "
            "signature=excluded.signature", rows)
        record_changes(conn, "sync_seal_keys")
    return len(rows)


def proven_statements(conn: Connection, signing_keys: Mapping[str, str]) -> dict[str, SealStatement]:
    """Per office, its stored statement when it verifies with the office's accepted signing key now (a statement
    signed with a key since replaced proves nothing)."""
    result = {}
    for row in conn.exec_driver_sql("SELECT office_id, seal_key, issued, signature FROM sync_seal_keys"):
        statement = SealStatement(*row)
        key = signing_keys.get(statement.office_id)
        if key is not None and keys.verify(key, statement.signature, statement.signed_bytes()):
            result[statement.office_id] = statement
    return result


def own_statement(conn: Connection, db_path: Path, office_id: str, signing_key: Ed25519PrivateKey) -> SealStatement:
    """This office's statement, made (with its seal key, if it has none yet) or signed again after its signing key
    changed; kept in sync_seal_keys so that it stays the same from bundle to bundle."""
    seal_key = install_seal_key(db_path, office_id)
    mine = {office_id: keys.public_key_of(signing_key)}
    current = proven_statements(conn, mine).get(office_id)
    if current is not None and current.seal_key == seal_key:
        return current
    statement = sign_statement(signing_key, office_id, seal_key)
    conn.exec_driver_sql("INSERT INTO sync_seal_keys(office_id, seal_key, issued, signature) VALUES (?,?,?,?) "
                         "ON CONFLICT(office_id) DO UPDATE SET seal_key=excluded.seal_key, issued=excluded.issued, "
                         "signature=excluded.signature",
                         (statement.office_id, statement.seal_key, statement.issued, statement.signature))
    record_changes(conn, "sync_seal_keys")
    return statement


# --- the envelope ------------------------------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def header_aad(header: Mapping[str, Any]) -> bytes:
    """What every chunk and the wrapped key are bound to: the header but the wrapped key itself."""
    return json.dumps({k: v for k, v in header.items() if k != "wrapped_key"}, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _wrapping_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, ephemeral + recipient, _WRAP_INFO).derive(shared)


def own_note_key(private: X25519PrivateKey) -> bytes:
    """The key of the note a sender leaves itself in a sealed bundle's header (derived from its seal key): it
    recognises its own bundles on a stick, and what they carried, without naming itself to anyone else."""
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    return HKDF(hashes.SHA256(), 32, None, _NOTE_INFO).derive(raw)


def _sender_note(note_key: bytes, note: Mapping[str, int]) -> str:
    nonce = os.urandom(12)
    return _b64(nonce + ChaCha20Poly1305(note_key).encrypt(nonce, json.dumps(dict(note)).encode(), _NOTE_INFO))


def read_own_note(note_key: bytes, header: Mapping[str, Any]) -> dict[str, int] | None:
    """Per origin, the last sequence number a sealed bundle of ours carries; None when it is not ours."""
    try:
        sealed = base64.b64decode(str(header["sender_note"]), validate=True)
        note = json.loads(ChaCha20Poly1305(note_key).decrypt(sealed[:12], sealed[12:], _NOTE_INFO))
        return {str(o): int(n) for o, n in note.items()}
    except (KeyError, TypeError, ValueError, AttributeError, InvalidTag):
        return None


@dataclasses.dataclass(frozen=True)
class Envelope:
    header: dict[str, Any]  # written as seal.json
    content_key: bytes  # kept by the sender only to read back what it wrote

    @property
    def aad(self) -> bytes:
        return header_aad(self.header)


def new_envelope(recipient_id: str, recipient_seal_key: str, sender_seal_key: X25519PrivateKey,
                 carried: Mapping[str, int]) -> Envelope:
    """`carried`: per origin, the last sequence number the bundle holds (for the sender's note)."""
    content_key = ChaCha20Poly1305.generate_key()
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    recipient_raw = base64.b64decode(recipient_seal_key)
    header: dict[str, Any] = {
        "format": SEAL_FORMAT, "format_version": SEAL_VERSION, "cipher": "X25519-HKDF-SHA256/ChaCha20-Poly1305",
        "recipient": recipient_id, "recipient_key": keys.fingerprint(recipient_seal_key),
        "ephemeral_key": _b64(ephemeral_raw), "chunk": CHUNK,
    }
    header["sender_note"] = _sender_note(own_note_key(sender_seal_key), carried)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_raw))
    wrapping = _wrapping_key(shared, ephemeral_raw, recipient_raw)
    header["wrapped_key"] = _b64(ChaCha20Poly1305(wrapping).encrypt(bytes(12), content_key, header_aad(header)))
    return Envelope(header, content_key)


def open_envelope(header: Mapping[str, Any], private: X25519PrivateKey) -> bytes | None:
    """The content key, or None when it was not wrapped to this key (or the header was altered)."""
    try:
        ephemeral_raw = base64.b64decode(str(header["ephemeral_key"]), validate=True)
        wrapped = base64.b64decode(str(header["wrapped_key"]), validate=True)
        mine = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw))
        return ChaCha20Poly1305(_wrapping_key(shared, ephemeral_raw, mine)).decrypt(bytes(12), wrapped,
                                                                                    header_aad(header))
    except (KeyError, TypeError, ValueError, InvalidTag):
        return None


def _nonce(index: int, last: bool) -> bytes:
    return struct.pack(">IQ", 1 if last else 0, index)


class EncryptingWriter:
    """A write-only stream (zipfile writes to it as to an unseekable file) that encrypts chunk by chunk into
    `out`; `finish()` writes the last chunk. Holds at most one chunk."""

    def __init__(self, out: IO[bytes], content_key: bytes, aad: bytes) -> None:
        self._out = out
        self._aead = ChaCha20Poly1305(content_key)
        self._aad = aad
        self._buffer = bytearray()
        self._index = 0
        self._chunk = CHUNK  # as new_envelope wrote in the header

    def write(self, data: bytes) -> int:
        self._buffer += data
        start = 0
        with memoryview(self._buffer) as view:
            while len(view) - start > self._chunk:  # the last chunk is never empty unless everything is
                self._emit(bytes(view[start:start + self._chunk]), last=False)
                start += self._chunk
        del self._buffer[:start]  # once per write: a big member is not shifted chunk by chunk
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass  # `finish` ends the stream; the caller closes `out`

    def _emit(self, chunk: bytes, last: bool) -> None:
        self._out.write(self._aead.encrypt(_nonce(self._index, last), chunk, self._aad))
        self._index += 1

    def finish(self) -> None:
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()


class DecryptingReader(io.RawIOBase):
    """The sealed payload read at any position (zipfile seeks to the central directory, then to each member):
    chunks are decrypted on demand, one kept. A chunk that fails authentication stops the reading with
    `broken` (the caller's Vietnamese message)."""

    def __init__(self, source: BinaryIO, offset: int, size: int, content_key: bytes, aad: bytes,
                 broken: str, chunk: int = CHUNK) -> None:
        super().__init__()
        self._chunk_size = chunk
        self._source = source
        self._offset = offset
        self._aead = ChaCha20Poly1305(content_key)
        self._aad = aad
        self._broken = broken
        self._chunks = max(1, -(-size // (chunk + TAG)))
        self._last_size = size - (self._chunks - 1) * (chunk + TAG) - TAG
        if self._last_size < 0:
            raise BundleError(broken)
        self._size = (self._chunks - 1) * chunk + self._last_size
        self._position = 0
        self._cached: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise OSError(22, "negative seek position")
        self._position = base + offset
        return self._position

    def _chunk(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        last = index == self._chunks - 1
        self._source.seek(self._offset + index * (self._chunk_size + TAG))
        sealed = self._source.read((self._last_size if last else self._chunk_size) + TAG)
        try:
            plain = self._aead.decrypt(_nonce(index, last), sealed, self._aad)
        except InvalidTag:
            raise BundleError(self._broken) from None
        self._cached = (index, plain)
        return plain

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._position < self._size:
            index, start = divmod(self._position, self._chunk_size)
            piece = self._chunk(index)[start:start + len(view) - done]
            view[done:done + len(piece)] = piece
            done += len(piece)
            self._position += len(piece)
        return done

    def close(self) -> None:
        self._source.close()
        super().close()


# --- the one-time enrolment code ---------------------------------------------------------------------------------

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read on the phone
CODE_LENGTH = 16  # 80 bits
_SCRYPT = {"n": 1 << 15, "r": 8, "p": 1}


def new_code() -> str:
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return " ".join(code[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def bare_code(typed: str) -> str:
    return re.sub(r"[\s\-]", "", typed).upper()


def lock(code: str, data: bytes, aad: bytes) -> dict[str, Any]:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = Scrypt(salt, 32, _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"]).derive(bare_code(code).encode("ascii"))
    return {"kdf": "scrypt", **_SCRYPT, "salt": _b64(salt), "cipher": "ChaCha20-Poly1305", "nonce": _b64(nonce),
            "ciphertext": _b64(ChaCha20Poly1305(key).encrypt(nonce, data, aad))}


def unlock(code: str, box: Mapping[str, Any], aad: bytes) -> bytes | None:
    """The data, or None when the code is wrong (or the box altered)."""
    try:
        n, r, p = int(box["n"]), int(box["r"]), int(box["p"])
        if box.get("kdf") != "scrypt" or not (1 << 14 <= n <= 1 << 20 and 1 <= r <= 16 and 1 <= p <= 4):
            return None
        key = Scrypt(base64.b64decode(box["salt"]), 32, n, r, p).derive(
            bare_code(code).encode("ascii", errors="replace"))
        return ChaCha20Poly1305(key).decrypt(base64.b64decode(box["nonce"]), base64.b64decode(box["ciphertext"]),
                                             aad)
    except (KeyError, TypeError, ValueError, InvalidTag):
        return None
