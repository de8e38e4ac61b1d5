"""Office signing keys (Ed25519). The private key lives in a PEM file beside the database (0600),
never inside it; public keys travel as base64 of the raw 32 bytes. When the database is encrypted the PEM is
encrypted with the same passphrase (PKCS#8, cryptography's best available scheme); plain files are still read."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
from pathlib import Path
from typing import cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ptds_desktop.config import keys_dir_for
from ptds_desktop.db.cipher import passphrase_for
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate


def key_path(db_path: Path, office_id: str) -> Path:
    return keys_dir_for(Path(db_path)) / f"office-{office_id}.pem"


def create_key(db_path: Path, office_id: str) -> str:
    """Generate and store this office's key pair; returns the public key. Refuses to overwrite one."""
    path = key_path(db_path, office_id)
    if path.exists():
        return public_key_of(load_private_key(db_path, office_id))
    return install_private_key(db_path, office_id, private_pem(Ed25519PrivateKey.generate()))


def private_pem(private: Ed25519PrivateKey) -> str:
    return private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def install_private_key(db_path: Path, office_id: str, pem: str) -> str:
    """Store a key pair made elsewhere (by the enrolling office, which certified its public key); returns the
    public key. An existing key file is kept."""
    path = key_path(db_path, office_id)
    if path.exists():
        return public_key_of(load_private_key(db_path, office_id))
    try:
        private = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    except (ValueError, UnicodeEncodeError):
        raise PtdsError(translate("Core", "Khóa ký trong tệp đăng ký bị hỏng.")) from None
    if not isinstance(private, Ed25519PrivateKey):
        raise PtdsError(translate("Core", "Khóa ký trong tệp đăng ký không phải khóa Ed25519."))
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path.parent, 0o700)
    write_key_file(path, private, passphrase_for(db_path))
    return public_key_of(private)


def replace_private_key(db_path: Path, office_id: str, private: Ed25519PrivateKey) -> str:
    """Store this office's new key pair in place of the old one (key rotation, sync.keyring), in one rename;
    returns the new public key. The old private key is not kept: what it signed is checked with its public half."""
    write_key_file(key_path(db_path, office_id), private, passphrase_for(db_path))
    return public_key_of(private)


def write_key_file(path: Path, private: Ed25519PrivateKey | X25519PrivateKey, passphrase: str | None) -> None:
    """A key file of this office (signing or seal key), protected by the database's passphrase when it has one
    (a lost laptop gives neither away), replaced in one rename."""
    protection: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
        else serialization.NoEncryption())
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, protection)
    part = path.with_name(path.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(part, path)


def load_private_key(db_path: Path, office_id: str) -> Ed25519PrivateKey:
    return cast(Ed25519PrivateKey, _read_key_file(key_path(db_path, office_id), passphrase_for(db_path),
                                                  Ed25519PrivateKey))


def read_seal_key_file(path: Path, passphrase: str | None) -> X25519PrivateKey:
    return cast(X25519PrivateKey, _read_key_file(path, passphrase, X25519PrivateKey))


def _read_key_file(path: Path, passphrase: str | None, kind: type) -> PrivateKeyTypes:
    key = _load_key_file(path, passphrase)
    if not isinstance(key, kind):
        raise PtdsError(translate("Core", "Tệp khóa {path} không phải khóa {kind}.").format(
            path=path, kind=kind.__name__.removesuffix("PrivateKey")))
    return key


def _load_key_file(path: Path, passphrase: str | None) -> PrivateKeyTypes:
    try:
        data = path.read_bytes()
        protected = data.lstrip().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY")
        if protected and passphrase is None:
            raise PtdsError(translate("Core", "Tệp khóa {path} được bảo vệ bằng mật khẩu nhưng cơ sở dữ liệu chưa "
                                              "được mở bằng mật khẩu.").format(path=path))
        return serialization.load_pem_private_key(
            data, password=passphrase.encode("utf-8") if protected and passphrase else None)
    except FileNotFoundError:
        raise PtdsError(
            translate("Core", "Không tìm thấy khóa ký của văn phòng này ({path}). Khóa nằm cạnh tệp cơ sở dữ liệu, "
            "trong thư mục .keys; hãy chép lại thư mục đó từ bản sao lưu.").format(path=path)
        ) from None
    except ValueError:
        if protected:
            raise PtdsError(translate("Core", "Mật khẩu không mở được tệp khóa {path} (khóa được bảo vệ bằng mật khẩu "
                                              "khác).").format(path=path)) from None
        raise PtdsError(translate("Core", "Tệp khóa {path} bị hỏng, không đọc được.").format(path=path)) from None


def protect_key_files(db_path: Path, old: str | None, new: str | None) -> list[Path]:
    """Store every key file of this database (signing and seal keys) again under `new` (None: plain), read with
    `old` (or plain): after `ptds encrypt` and `ptds passphrase`. Each file is replaced in one rename."""
    folder = keys_dir_for(Path(db_path))
    done = []
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else ():
        key = _load_key_file(path, old)
        if not isinstance(key, (Ed25519PrivateKey, X25519PrivateKey)):
            raise PtdsError(translate("Core", "Tệp khóa {path} bị hỏng, không đọc được.").format(path=path))
        write_key_file(path, key, new)
        done.append(path)
    return done


def public_key_of(private: Ed25519PrivateKey) -> str:
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def fingerprint(public_key: str) -> str:
    """Short, read aloud over the phone: 4 groups of 4 hex digits of SHA-256 of the raw key, "A1B2 C3D4 …"."""
    digest = hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def same_fingerprint(typed: str, expected: str) -> bool:
    """A fingerprint as someone typed it (any spacing, dashes, case) against the one shown."""
    def bare(text: str) -> str:
        return re.sub(r"[\s\-]", "", text).upper()

    return bare(typed) == bare(expected)


def sign(private: Ed25519PrivateKey, data: bytes) -> str:
    return base64.b64encode(private.sign(data)).decode("ascii")


def verify(public_key: str, signature: str, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key)).verify(base64.b64decode(signature), data)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False
