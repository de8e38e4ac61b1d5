"""The bundle file (DESIGN §4): a ZIP with manifest.json, its signature, signed change segments and
attachments by hash. Written as *.part, fsynced, renamed, then read back and verified (USB sticks lie).
Reading checks the archive itself before anything else: names, sizes, compression ratio, hashes."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import io
import json
import os
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ptds_desktop.i18n import translate
from ptds_desktop.sync import keys, sealing
from ptds_desktop.sync.errors import BundleError, NewerFormatError, SyncCancelled
from ptds_desktop.sync.log import Segment

# progress(done, total, label); cancel: an Event, or a callable returning True to stop.
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool] | threading.Event

FORMAT = "ptds-sync-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SEAL_HEADER = "seal.json"  # a sealed bundle: this header and the encrypted plain bundle (sync/sealing.py)
SEAL_PAYLOAD = "sealed.bin"
MAX_SEAL_HEADER_BYTES = 1 << 20  # the sender's note lists the origins it carries
_MEMBER_NAME = re.compile(
    r"^(manifest\.json|manifest\.sig|segments/[0-9a-f-]{36}-[0-9]+-[0-9]+\.jsonl|attachments/[0-9a-f]{64})$"
)
MAX_MEMBERS = 100_000
MAX_FILE_BYTES = 2 << 30  # on disk: a bigger file is refused before it is read
MAX_TOTAL_BYTES = 4 << 30  # uncompressed
MAX_MANIFEST_BYTES = 16 << 20  # ~320 bytes per segment (its entry and its hash): some 50,000 segments
MAX_MANIFEST_VALUES = 1_000_000  # JSON values in it, ~8 per segment: at most ~70 MB of Python objects
MAX_SIGNATURE_BYTES = 1 << 10
MAX_SEGMENT_BYTES = 128 << 20  # change segments are held in memory to be verified: ~1 million changes
MAX_ATTACHMENT_BYTES = 1 << 30  # streamed, never held
MAX_RATIO = 200  # change records compress ~14x; far more is a bomb
RATIO_FLOOR = 1 << 20  # small members may compress well without harm
READ_CHUNK = 1 << 20


# Opens the plain archive a sealed bundle carries, decrypting as it is read.
Opener = Callable[[], BinaryIO]


@dataclasses.dataclass(frozen=True)
class BundleContent:
    path: Path
    sha256: str  # of the whole file: the receipt key
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: str
    segments: tuple[Segment, ...]
    attachments: tuple[str, ...]  # sha256 of each attachment, checked; copied out by `extract_attachment`
    opener: Opener | None = None  # a sealed bundle: opens its decrypted inner archive


@dataclasses.dataclass(frozen=True)
class SealedFile:
    """A sealed bundle as anyone sees it: whom it is for, and where its encrypted content lies."""

    path: Path
    header: dict[str, Any]
    offset: int
    size: int

    @property
    def recipient(self) -> str:
        return str(self.header.get("recipient", ""))

    def opener(self, content_key: bytes) -> Opener:
        broken = _fail(self.path, translate(
            "Core", "phần nội dung niêm phong không giải mã được (đã bị sửa, bị cắt hoặc hỏng khi chép)"))

        def open_inner() -> BinaryIO:
            # Closed with the reader, by whoever opened the archive (bundle._archive).
            source = open(self.path, "rb")  # noqa: SIM115
            reader = sealing.DecryptingReader(source, self.offset, self.size, content_key,
                                              sealing.header_aad(self.header), str(broken),
                                              int(self.header["chunk"]))
            return io.BufferedReader(reader, READ_CHUNK)

        return open_inner


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and (cancel() if callable(cancel) else cancel.is_set()):
        raise SyncCancelled(translate("Core", "Đã hủy."))


def write_bundle(target: Path, manifest: dict[str, Any], segments: list[Segment], attachments: dict[str, Path],
                 private_key: Ed25519PrivateKey, progress: Progress | None = None,
                 cancel: Cancel | None = None, *, envelope: sealing.Envelope | None = None,
                 part: Path | None = None) -> Path:
    """Write atomically; `attachments` maps sha256 -> file path. Returns the verified final path. With an
    `envelope` the signed bundle is sealed to its addressee (sync/sealing.py); `part` names the file while it is
    being written (by default the target's name + ".part")."""
    target = Path(target)
    part = part or target.with_name(target.name + ".part")
    total = len(segments) + len(attachments) + 1
    try:
        with open(part, "wb") as raw:
            if envelope is None:
                with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                    _write_members(zf, manifest, segments, attachments, private_key, progress, cancel)
            else:
                with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as outer:
                    outer.writestr(SEAL_HEADER, json.dumps(envelope.header, sort_keys=True, indent=1))
                    payload = zipfile.ZipInfo(SEAL_PAYLOAD, date_time=(1980, 1, 1, 0, 0, 0))
                    with outer.open(payload, "w", force_zip64=True) as member:
                        writer = sealing.EncryptingWriter(member, envelope.content_key, envelope.aad)
                        # zipfile sees an unseekable stream: members get data descriptors, read as usual.
                        with zipfile.ZipFile(writer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                            _write_members(zf, manifest, segments, attachments, private_key, progress, cancel)
                        writer.finish()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(part, target)
        _fsync_folder(target.parent)
    except SyncCancelled:
        part.unlink(missing_ok=True)
        raise
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise BundleError(translate(
            "Core", "Không ghi được gói {target}: {problem}. Kiểm tra chỗ trống và quyền ghi trên ổ đĩa."
        ).format(target=target, problem=exc.strerror or exc)) from None
    if progress:
        progress(total, total, MANIFEST)
    # Read back what the medium actually holds (a sealed one with the content key only the writer still has).
    opener = None
    if envelope is not None:
        sealed = read_seal(target)
        opener = sealed.opener(envelope.content_key) if sealed is not None else None
    content = read_bundle(target, opener)
    if not keys.verify(manifest["sender"]["public_key"], content.signature, content.manifest_bytes):
        target.unlink(missing_ok=True)
        raise BundleError(translate("Core", "Gói {target} đọc lại không khớp chữ ký: ổ đĩa ghi sai. Hãy thử ổ khác.")
                          .format(target=target))
    return target


def _write_members(zf: zipfile.ZipFile, manifest: dict[str, Any], segments: list[Segment],
                   attachments: dict[str, Path], private_key: Ed25519PrivateKey, progress: Progress | None,
                   cancel: Cancel | None) -> None:
    members = {}
    total = len(segments) + len(attachments) + 1
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
    return BundleError(translate("Core", "Gói {name} bị hỏng: {what}. Không có gì được áp dụng; hãy xin gửi lại gói.")
                       .format(name=path.name, what=what))


def _size_text(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GB".replace(".", ",")
    return f"{max(size, 1) / (1 << 20):.1f} MB".replace(".", ",")


def _os_problem(exc: OSError) -> str:
    """What the disk said, in Vietnamese (the OS text is English on most machines)."""
    code = exc.errno
    if code == errno.ENOENT:
        return translate("Core", "không còn thấy tệp (đã bị xóa, đổi tên hoặc USB đã rút)")
    if code in (errno.EACCES, errno.EPERM):
        return translate("Core", "tài khoản này không có quyền đọc tệp")
    if code == errno.ENOSPC:
        return translate("Core", "ổ đĩa đã đầy")
    if code == errno.EROFS:
        return translate("Core", "ổ đĩa chỉ cho đọc")
    if code == errno.EISDIR:
        return translate("Core", "đây là thư mục, không phải tệp")
    return translate("Core", "ổ đĩa báo lỗi khi đọc hoặc ghi (USB lỏng, hỏng hoặc bị rút giữa chừng)")


def _member_problem(name: str, exc: BaseException) -> str:
    """A library's English error while unpacking one member, as what went wrong in which member."""
    if isinstance(exc, zipfile.BadZipFile) and "CRC" in str(exc):
        return translate("Core", "dữ liệu thành phần {name} không khớp mã kiểm tra CRC (tệp bị hỏng khi chép)").format(
            name=name)
    if isinstance(exc, (zlib.error, EOFError)):
        return translate("Core", "dữ liệu nén của thành phần {name} bị hỏng, không giải nén được").format(name=name)
    if isinstance(exc, NotImplementedError):
        return translate("Core", "thành phần {name} dùng kiểu nén mà PTDS không dùng").format(name=name)
    if isinstance(exc, RuntimeError):  # zipfile: "File ... is encrypted, password required"
        return translate("Core", "thành phần {name} bị đặt mật khẩu").format(name=name)
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return translate("Core", "không đọc được thành phần {name}: {problem}").format(
            name=name, problem=_os_problem(exc))
    return translate("Core", "cấu trúc ZIP quanh thành phần {name} bị hỏng").format(name=name)


_UNPACK_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, struct.error, NotImplementedError,
                  RuntimeError)


def _stream(path: Path, zf: zipfile.ZipFile, name: str, limit: int, too_big: str,
            sink: Callable[[bytes], object] | None = None) -> tuple[str, int]:
    """Unpack one member chunk by chunk, hashing it and stopping at `limit` bytes (counted as they come:
    the header's size is not trusted; `too_big` says which limit). Returns (sha256, size); each chunk goes to
    `sink` if given."""
    info = zf.getinfo(name)
    digest = hashlib.sha256()
    size = 0
    try:
        with zf.open(info) as handle:
            while chunk := handle.read(READ_CHUNK):
                size += len(chunk)
                if size > info.file_size:
                    raise _fail(path, translate("Core", "thành phần {name} dài hơn khai báo").format(name=name))
                if size > limit:
                    raise _fail(path, translate("Core", "{too_big} (ở thành phần {name})").format(
                        too_big=too_big, name=name))
                digest.update(chunk)
                if sink is not None:
                    sink(chunk)
    except _UNPACK_ERRORS as exc:
        raise _fail(path, _member_problem(name, exc)) from None
    return digest.hexdigest(), size


def file_sha(path: Path) -> str:
    """The receipt key of a bundle file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def _archive(path: Path, opener: Opener | None = None) -> Iterator[zipfile.ZipFile]:
    """The bundle's archive: the file itself, or the plain archive a sealed one carries (`opener`)."""
    if opener is None:
        with _open_archive(path) as zf:
            yield zf
        return
    source = opener()
    try:
        with _open_archive(path, source) as zf:
            yield zf
    finally:
        source.close()


def _open_archive(path: Path, source: BinaryIO | None = None) -> zipfile.ZipFile:
    """The archive, refused early when the file on disk is too big to be a bundle."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BundleError(translate(
                "Core", "Tệp {name} nặng {size}, quá giới hạn {limit} của một gói "
                "đồng bộ: đây không phải gói PTDS hoặc đã bị hỏng. Không có gì được áp dụng."
            ).format(name=path.name, size=_size_text(size), limit=_size_text(MAX_FILE_BYTES)))
        return zipfile.ZipFile(source if source is not None else path)
    except (zipfile.BadZipFile, ValueError, struct.error, EOFError):
        raise _fail(path, translate("Core", "không phải tệp ZIP hoặc bị cắt cụt")) from None
    except OSError as exc:
        if exc.errno == errno.EINVAL:  # a seek before the start: the directory at the end is garbage
            raise _fail(path, translate("Core", "không phải tệp ZIP hoặc bị cắt cụt")) from None
        raise BundleError(translate("Core", "Không đọc được gói {path}: {problem}.").format(
            path=path, problem=_os_problem(exc))) from None


def _read_small(path: Path, zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    buffer = io.BytesIO()
    _stream(path, zf, name, limit, translate("Core", "{name} quá lớn (hơn {limit})").format(
        name=name, limit=_size_text(limit)), buffer.write)
    return buffer.getvalue()


def _json_problem(name: str, exc: ValueError) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return translate("Core", "{name} không phải văn bản UTF-8 (byte lạ ở vị trí {position})").format(
            name=name, position=exc.start + 1)
    if isinstance(exc, json.JSONDecodeError):
        return translate("Core", "{name} không phải JSON hợp lệ (dòng {line}, cột {column})").format(
            name=name, line=exc.lineno, column=exc.colno)
    return translate("Core", "{name} không phải JSON hợp lệ").format(name=name)


def read_manifest(path: Path) -> dict[str, Any]:
    """Only the manifest, read with the same small cap (to choose the bundles addressed here)."""
    path = Path(path)
    with _open_archive(path) as zf:
        if SEAL_HEADER in zf.namelist():  # sealed: only whom it is for shows
            header = _parse_seal_header(path, _read_small(path, zf, SEAL_HEADER, MAX_SEAL_HEADER_BYTES))
            return {"format": FORMAT, "sealed": True, "recipient": header.get("recipient"), "seal": header}
        try:
            zf.getinfo(MANIFEST)
        except KeyError:
            raise _fail(path, translate("Core", "thiếu manifest.json hoặc chữ ký")) from None
        return _parse_manifest(path, _read_small(path, zf, MANIFEST, MAX_MANIFEST_BYTES))


def _parse_manifest(path: Path, manifest_bytes: bytes) -> dict[str, Any]:
    # Bytes alone do not bound memory: "[{},{},…]" makes a Python object of every 3 bytes. Count the values
    # (each but the first in a container follows a comma) before building them; a real manifest has ~1 per 40 bytes.
    values = manifest_bytes.count(b",") + manifest_bytes.count(b"{") + manifest_bytes.count(b"[")
    if values > MAX_MANIFEST_VALUES:
        raise _fail(path, translate("Core", "manifest.json có quá nhiều mục ({values}, giới hạn {limit})").format(
            values=values, limit=MAX_MANIFEST_VALUES))
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise _fail(path, _json_problem(MANIFEST, exc)) from None
    except RecursionError:
        raise _fail(path, translate("Core", "manifest.json lồng nhau quá sâu")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _fail(path, translate("Core", "manifest.json không phải của gói đồng bộ PTDS"))
    return manifest


def _segment_entries(path: Path, manifest: dict[str, Any]) -> list[tuple[str, int, int, str, tuple[str, ...]]]:
    entries = manifest.get("segments", [])
    if not isinstance(entries, list):
        raise _fail(path, translate("Core", "manifest.json: mục “segments” phải là một danh sách"))
    result = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise _fail(path, translate(
                "Core", "manifest.json: đoạn thứ {number} trong “segments” không phải một đối tượng").format(
                number=number))
        missing = [k for k in ("origin", "first_seq", "last_seq", "signature") if k not in entry]
        if missing:
            raise _fail(path, translate("Core", "manifest.json: đoạn thứ {number} thiếu mục “{key}”").format(
                number=number, key=missing[0]))
        first, last, attached = entry["first_seq"], entry["last_seq"], entry.get("attachments", ())
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (first, last)) or not isinstance(
                attached, (list, tuple)):
            raise _fail(path, translate(
                "Core", "manifest.json: đoạn thứ {number} có số thứ tự hoặc danh sách đính kèm sai kiểu").format(
                number=number))
        result.append((str(entry["origin"]), first, last, str(entry["signature"]), tuple(map(str, attached))))
    return result


def read_seal(path: Path) -> SealedFile | None:
    """The header of a sealed bundle and where its encrypted content lies; None for a plain bundle."""
    path = Path(path)
    with _open_archive(path) as zf:
        names = zf.namelist()
        if SEAL_HEADER not in names:
            return None
        if sorted(names) != [SEAL_HEADER, SEAL_PAYLOAD]:
            raise _fail(path, translate("Core", "gói niêm phong có thành phần lạ"))
        header = _parse_seal_header(path, _read_small(path, zf, SEAL_HEADER, MAX_SEAL_HEADER_BYTES))
        info = zf.getinfo(SEAL_PAYLOAD)
    if info.compress_type != zipfile.ZIP_STORED:
        raise _fail(path, translate("Core", "phần nội dung niêm phong được lưu sai cách"))
    try:  # the content is read in place, by offset (the local header's own name and extra lengths)
        with open(path, "rb") as raw:
            raw.seek(info.header_offset)
            local = raw.read(30)
            size = os.fstat(raw.fileno()).st_size
    except OSError as exc:
        raise BundleError(translate("Core", "Không đọc được gói {path}: {problem}.").format(
            path=path, problem=_os_problem(exc))) from None
    if len(local) != 30 or local[:4] != b"PK\x03\x04":
        raise _fail(path, translate("Core", "cấu trúc ZIP quanh thành phần {name} bị hỏng").format(name=SEAL_PAYLOAD))
    name_length, extra_length = struct.unpack("<HH", local[26:30])
    offset = info.header_offset + 30 + name_length + extra_length
    if offset + info.compress_size > size:
        raise _fail(path, translate("Core", "không phải tệp ZIP hoặc bị cắt cụt"))
    return SealedFile(path, header, offset, info.compress_size)


def _parse_seal_header(path: Path, data: bytes) -> dict[str, Any]:
    try:
        header = json.loads(data.decode("utf-8"))
    except ValueError as exc:
        raise _fail(path, _json_problem(SEAL_HEADER, exc)) from None
    if not isinstance(header, dict) or header.get("format") != sealing.SEAL_FORMAT:
        raise _fail(path, translate("Core", "seal.json không phải của gói đồng bộ PTDS"))
    version, chunk = header.get("format_version"), header.get("chunk")
    if not isinstance(chunk, int) or not sealing.MIN_CHUNK <= chunk <= sealing.MAX_CHUNK:
        raise _fail(path, translate("Core", "seal.json: cỡ khối mã hóa không hợp lệ"))
    if not isinstance(version, int) or version > sealing.SEAL_VERSION:
        raise BundleError(translate("Core", "Gói {name} được niêm phong theo cách mới hơn phiên bản này đọc được. "
                                    "Hãy cập nhật ứng dụng.").format(name=path.name))
    return header


def read_bundle(path: Path, opener: Opener | None = None) -> BundleContent:
    """Open and check the archive and every member's hash, streaming: only the manifest (capped) and the change
    segments (capped in total) are held in memory; attachments are hashed here and copied later by
    `extract_attachment`. Signatures are checked by the caller, who knows the keys. A sealed bundle is read
    through `opener` (its content decrypted as it is read; see SealedFile.opener)."""
    path = Path(path)
    with _archive(path, opener) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _fail(path, translate("Core", "quá nhiều thành phần ({count})").format(count=len(infos)))
        names = set()
        declared = 0
        for info in infos:
            name = info.filename
            if not _MEMBER_NAME.match(name) or name in names:
                raise _fail(path, translate(
                    "Core", "thành phần không hợp lệ “{name}” (tên lạ hoặc đường dẫn ra ngoài)").format(name=name))
            names.add(name)
            declared += info.file_size
            if declared > MAX_TOTAL_BYTES:
                raise _fail(path, translate("Core", "tổng dung lượng giải nén vượt giới hạn"))
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _fail(path, translate("Core", "thành phần {name} nén bất thường (nghi “bom nén”)").format(
                    name=name))
        if MANIFEST not in names or SIGNATURE not in names:
            raise _fail(path, translate("Core", "thiếu manifest.json hoặc chữ ký"))

        manifest_bytes = _read_small(path, zf, MANIFEST, MAX_MANIFEST_BYTES)
        manifest = _parse_manifest(path, manifest_bytes)
        # Garbage in the signature is a signature that does not verify, reported as such by the caller.
        signature = _read_small(path, zf, SIGNATURE, MAX_SIGNATURE_BYTES).decode("ascii", errors="replace").strip()
        format_version = manifest.get("format_version", 0)
        if not isinstance(format_version, int) or format_version > FORMAT_VERSION:
            raise NewerFormatError(
                translate("Core", "Gói {name} dùng định dạng mới hơn phiên bản này đọc được. "
                          "Hãy cập nhật ứng dụng.").format(name=path.name),
                manifest, manifest_bytes, signature)
        members = manifest.get("members", {})
        if not isinstance(members, dict):
            raise _fail(path, translate("Core", "manifest.json: mục “members” phải là một bảng tên → mã băm"))
        entries = _segment_entries(path, manifest)
        if set(members) != names - {MANIFEST, SIGNATURE}:
            raise _fail(path, translate("Core", "danh sách thành phần không khớp manifest"))
        unpacked = 0  # counted while streaming, not from the headers

        def check(name: str, room: int, limit: int, what: str, sink: Callable[[bytes], object] | None = None) -> None:
            """Stream one member within `room` of its own `limit` and within the total still allowed."""
            nonlocal unpacked
            too_big = translate("Core", "{what} vượt giới hạn {limit}").format(what=what, limit=_size_text(limit))
            if MAX_TOTAL_BYTES - unpacked < room:
                room, too_big = MAX_TOTAL_BYTES - unpacked, translate("Core", "tổng dung lượng giải nén vượt giới hạn")
            sha, size = _stream(path, zf, name, room, too_big, sink)
            if sha != members[name]:
                raise _fail(path, translate("Core", "thành phần {name} sai mã băm").format(name=name))
            unpacked += size

        segments = []
        segment_bytes = 0
        for origin, first_seq, last_seq, segment_signature, attached in entries:
            name = f"segments/{origin}-{first_seq}-{last_seq}.jsonl"
            if name not in members:
                raise _fail(path, translate("Core", "thiếu thành phần {name}").format(name=name))
            buffer = io.BytesIO()
            check(name, MAX_SEGMENT_BYTES - segment_bytes, MAX_SEGMENT_BYTES,
                  translate("Core", "tổng dung lượng các đoạn thay đổi"), buffer.write)
            body = buffer.getvalue()
            segment_bytes += len(body)
            segments.append(Segment(origin, first_seq, last_seq, body, segment_signature, attached))
        attachments = []
        for name in members:
            if name.startswith("attachments/"):
                sha = name.split("/", 1)[1]
                if sha != members[name]:
                    raise _fail(path, translate("Core", "thành phần {name} sai mã băm").format(name=name))
                check(name, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES, translate("Core", "tệp đính kèm"))
                attachments.append(sha)
        if len(segments) + len(attachments) != len(members):
            raise _fail(path, translate("Core", "có thành phần không được manifest mô tả"))
    try:
        sha256 = file_sha(path)
    except OSError as exc:
        raise BundleError(translate("Core", "Không đọc được gói {path}: {problem}.").format(
            path=path, problem=_os_problem(exc))) from None
    return BundleContent(path, sha256, manifest, manifest_bytes, signature, tuple(segments), tuple(attachments),
                         opener)


def extract_attachment(content: BundleContent, sha: str, target: Path) -> None:
    """Copy one attachment checked by `read_bundle` to `target`, streaming, through a .part file; its hash is
    checked again (the stick may have changed since) before the rename."""
    part = target.with_name(target.name + ".part")
    path = content.path
    try:
        with _archive(path, content.opener) as zf, open(part, "wb") as out:
            name = f"attachments/{sha}"
            if name not in zf.namelist():
                raise _fail(path, translate("Core", "thiếu thành phần {name}").format(name=name))
            too_big = translate("Core", "{what} vượt giới hạn {limit}").format(
                what=translate("Core", "tệp đính kèm"), limit=_size_text(MAX_ATTACHMENT_BYTES))
            digest, _size = _stream(path, zf, name, MAX_ATTACHMENT_BYTES, too_big, out.write)
        if digest != sha:
            raise _fail(path, translate("Core", "thành phần {name} sai mã băm").format(name=name))
        part.replace(target)
    except OSError as exc:
        raise BundleError(translate("Core", "Không chép được tệp đính kèm {sha}… vào {folder}: {problem}.").format(
            sha=sha[:12], folder=target.parent, problem=_os_problem(exc))) from None
    finally:
        part.unlink(missing_ok=True)
