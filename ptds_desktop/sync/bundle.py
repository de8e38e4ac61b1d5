"""The bundle file (DESIGN §4): a ZIP with manifest.json, its signature, signed change segments and
attachments by hash. Written as *.part, fsynced, renamed, then read back and verified (USB sticks lie).
Reading checks the archive itself before anything else: names, sizes, compression ratio, hashes."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ptds_desktop.i18n import translate
from ptds_desktop.sync import keys
from ptds_desktop.sync.errors import BundleError, NewerFormatError, SyncCancelled
from ptds_desktop.sync.log import Segment

# progress(done, total, label); cancel: an Event, or a callable returning True to stop.
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool] | threading.Event

FORMAT = "ptds-sync-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
_MEMBER_NAME = re.compile(
    r"^(manifest\.json|manifest\.sig|segments/[0-9a-f-]{36}-[0-9]+-[0-9]+\.jsonl|attachments/[0-9a-f]{64})$"
)
MAX_MEMBERS = 100_000
MAX_TOTAL_BYTES = 4 << 30  # uncompressed
MAX_RATIO = 200  # change records compress ~14x; far more is a bomb
RATIO_FLOOR = 1 << 20  # small members may compress well without harm
READ_CHUNK = 1 << 20


@dataclasses.dataclass(frozen=True)
class BundleContent:
    path: Path
    sha256: str  # of the whole file: the receipt key
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: str
    segments: tuple[Segment, ...]
    attachments: dict[str, bytes]  # sha256 -> bytes


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and (cancel() if callable(cancel) else cancel.is_set()):
        raise SyncCancelled("Đã hủy.")


def write_bundle(target: Path, manifest: dict[str, Any], segments: list[Segment], attachments: dict[str, Path],
                 private_key: Ed25519PrivateKey, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> Path:
    """Write atomically; `attachments` maps sha256 -> file path. Returns the verified final path."""
    target = Path(target)
    part = target.with_name(target.name + ".part")
    members = {}
    total = len(segments) + len(attachments) + 1
    try:
        with open(part, "wb") as raw, zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED,
            compresslevel=1) as zf:
            for done, segment in enumerate(segments, start=1):
                check_cancel(cancel)
                zf.writestr(segment.name, segment.body)
                members[segment.name] = _sha(segment.body)
                if progress:
                    progress(done, total, segment.name)
            for done, (sha, path) in enumerate(sorted(attachments.items()), start=len(segments) + 1):
                check_cancel(cancel)
                data = Path(path).read_bytes()
                zf.writestr(f"attachments/{sha}", data, compress_type=zipfile.ZIP_STORED)
                members[f"attachments/{sha}"] = _sha(data)
                if progress:
                    progress(done, total, f"attachments/{sha}")
            manifest = dict(manifest, members=members)
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
            zf.writestr(MANIFEST, manifest_bytes)
            zf.writestr(SIGNATURE, keys.sign(private_key, manifest_bytes))
            zf.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(part, target)
        _fsync_folder(target.parent)
    except SyncCancelled:
        part.unlink(missing_ok=True)
        raise
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise BundleError(
            f"Không ghi được gói {target}: {exc.strerror or exc}. Kiểm tra chỗ trống và quyền ghi trên ổ đĩa."
        ) from None
    if progress:
        progress(total, total, MANIFEST)
    # Read back what the medium actually holds.
    content = read_bundle(target)
    if not keys.verify(manifest["sender"]["public_key"], content.signature, content.manifest_bytes):
        target.unlink(missing_ok=True)
        raise BundleError(f"Gói {target} đọc lại không khớp chữ ký: ổ đĩa ghi sai. Hãy thử ổ khác.")
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fail(path: Path, what: str) -> BundleError:
    return BundleError(f"Gói {path.name} bị hỏng: {what}. Không có gì được áp dụng; hãy xin gửi lại gói.")


def read_bundle(path: Path) -> BundleContent:
    """Open and check the archive and every member's hash. Signatures are checked by the caller,
    who knows the keys."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"Không đọc được gói {path}: {exc.strerror or exc}.") from None

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, struct.error, OSError, EOFError):
        raise _fail(path, "không phải tệp ZIP hoặc bị cắt cụt") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _fail(path, f"quá nhiều thành phần ({len(infos)})")
        names = set()
        total = 0
        for info in infos:
            name = info.filename
            if not _MEMBER_NAME.match(name) or name in names:
                raise _fail(path, f"thành phần không hợp lệ “{name}” (tên lạ hoặc đường dẫn ra ngoài)")
            names.add(name)
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise _fail(path, "tổng dung lượng giải nén vượt giới hạn")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _fail(path, f"thành phần {name} nén bất thường (nghi “bom nén”)")
        if MANIFEST not in names or SIGNATURE not in names:
            raise _fail(path, "thiếu manifest.json hoặc chữ ký")

        def read(name: str) -> bytes:
            info = zf.getinfo(name)
            chunks = []
            size = 0
            try:
                with zf.open(info) as handle:
                    while chunk := handle.read(READ_CHUNK):
                        size += len(chunk)
                        if size > info.file_size:
                            raise _fail(path, f"thành phần {name} dài hơn khai báo")
                        chunks.append(chunk)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, struct.error, NotImplementedError,
                RuntimeError) as exc:
                raise _fail(path, f"thành phần {name} không đọc được ({exc})") from None
            return b"".join(chunks)

        manifest_bytes = read(MANIFEST)
        try:
            manifest = json.loads(manifest_bytes)
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise ValueError("không phải gói đồng bộ PTDS")
        except (ValueError, UnicodeDecodeError) as exc:
            raise _fail(path, f"manifest.json không đọc được ({exc})") from None
        # Garbage in the signature is a signature that does not verify, reported as such by the caller.
        signature = read(SIGNATURE).decode("ascii", errors="replace").strip()
        format_version = manifest.get("format_version", 0)
        if not isinstance(format_version, int) or format_version > FORMAT_VERSION:
            raise NewerFormatError(
                translate("Core", "Gói {name} dùng định dạng mới hơn phiên bản này đọc được. "
                          "Hãy cập nhật ứng dụng.").format(name=path.name),
                manifest, manifest_bytes, signature)
        members = manifest.get("members", {})
        try:
            entries = [
                (str(e["origin"]), int(e["first_seq"]), int(e["last_seq"]), str(e["signature"]),
                    tuple(e.get("attachments", ())))
                for e in manifest.get("segments", [])
            ]
            if not isinstance(members, dict):
                raise TypeError("members")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _fail(path, f"manifest.json thiếu hoặc sai mục {exc}") from None
        if set(members) != names - {MANIFEST, SIGNATURE}:
            raise _fail(path, "danh sách thành phần không khớp manifest")
        segments = []
        for origin, first_seq, last_seq, segment_signature, attached in entries:
            name = f"segments/{origin}-{first_seq}-{last_seq}.jsonl"
            if name not in members:
                raise _fail(path, f"thiếu thành phần {name}")
            body = read(name)
            if _sha(body) != members[name]:
                raise _fail(path, f"thành phần {name} sai mã băm")
            segments.append(Segment(origin, first_seq, last_seq, body, segment_signature, attached))
        attachments = {}
        for name in members:
            if name.startswith("attachments/"):
                body = read(name)
                sha = name.split("/", 1)[1]
                if _sha(body) != members[name] or sha != members[name]:
                    raise _fail(path, f"thành phần {name} sai mã băm")
                attachments[sha] = body
        if len(segments) + len(attachments) != len(members):
            raise _fail(path, "có thành phần không được manifest mô tả")
    return BundleContent(path, _sha(data), manifest, manifest_bytes, signature, tuple(segments), attachments)
