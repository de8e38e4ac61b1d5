"""Helpers for sync tests: a small network of offices (one province, communes enrolled under it, keys exchanged),
built once
and copied for each test, with a fake clock per office so stamps are deterministic."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import delete, select

from ptds_desktop.config import keys_dir_for, user_data_dir
from ptds_desktop.db.clock import FakeClock, use_clock
from ptds_desktop.db.copy import copy_database
from ptds_desktop.db.database import Database, open_database
from ptds_desktop.db.incarnation import INSTANCE_KEY, NOTICE_KEY
from ptds_desktop.models import Base
from ptds_desktop.models.base import synced_tables
from ptds_desktop.services import enrolment
from ptds_desktop.services.offices import init_office
from ptds_desktop.sync import exchange, peers

COMMUNES = 4
START_MS = 1_767_225_600_000


def build_template(folder: Path, communes: int = COMMUNES) -> None:
    province = open_database(folder / "p.db")
    use_clock(province, FakeClock(START_MS))
    init_office(province, "Bộ CHQS tỉnh Đắk Lắk", "province")
    enrolled = []
    for i in range(communes):
        info = enrolment.make_enrolment_file(province, f"UBND xã {i + 1}", "commune", folder / f"c{i}.enrol")
        db = open_database(folder / f"c{i}.db")
        use_clock(db, FakeClock(START_MS))
        enrolment.enrol(db, folder / f"c{i}.enrol", info.code)
        enrolled.append(db)
    for db in enrolled:
        (bundle,) = exchange.export_bundles(db, province.office_id(), folder / "mail")
        fingerprint = peers.identity(db).fingerprint
        exchange.import_bundle(province, bundle.path, trust=fingerprint)
    for db in enrolled:
        (bundle,) = exchange.export_bundles(province, db.office_id(), folder / "mail")
        exchange.import_bundle(db, bundle.path)
    for db in [province, *enrolled]:
        db.close()
    shutil.rmtree(folder / "mail")


def _as_if_set_up_here(path: Path) -> None:
    """A copy of the template stands for an office set up in this folder, not for a copied database (which
    db.incarnation would rightly give a new sequence epoch: tests of that make their copies themselves). Read
    without opening it as an office database, which would record this copy's place."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM local_settings WHERE key IN (?, ?)", (INSTANCE_KEY, NOTICE_KEY))
    conn.close()


def province_on_server(province: Path, url: str) -> Path:
    """The template's province copied into the empty server database `url`, as if set up there; returns the
    folder of its keys (beside the database's local stand-in)."""
    copy_database(province, url)
    target = open_database(url, backup_daily=False)
    settings = Base.metadata.tables["local_settings"]
    with target.engine.begin() as conn:
        conn.execute(delete(settings).where(settings.c.key.in_([INSTANCE_KEY, NOTICE_KEY])))
    target.close()
    return keys_dir_for(target.path)


class Network:
    """Copies of the template: `offices[0]` is the province, the rest communes. With `server_province` (which
    makes a copy of the province on a PostgreSQL server and returns its URL) the province lives there."""

    def __init__(self, template: Path, size: int, server_province: Callable[[], str] | None = None):
        self.folder = Path(tempfile.mkdtemp(prefix="ptds-net-"))
        names = ["p.db"] + [f"c{i}.db" for i in range(size - 1)]
        self.offices: list[Database] = []
        self.clocks: list[FakeClock] = []
        for name in names:
            location: Path | str = self.folder / name
            if name == "p.db" and server_province is not None:
                location = server_province()
            else:
                shutil.copy(template / name, self.folder / name)
                shutil.copytree(template / (name + ".keys"), self.folder / (name + ".keys"))
                _as_if_set_up_here(self.folder / name)
            db = open_database(location)
            clock = FakeClock(START_MS + 1000)
            use_clock(db, clock)
            self.offices.append(db)
            self.clocks.append(clock)
        (self.folder / "mail").mkdir()

    def close(self) -> None:
        for db in self.offices:
            db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def send(self, sender: int, recipient: int, full: bool = False, plain: bool = False) -> Path:
        """The bundle `sender` writes for `recipient` (sealed to it); `plain`: opened, as the signed plain bundle
        it carries (to tamper with its members)."""
        (result,) = exchange.export_bundles(
            self.offices[sender], self.offices[recipient].office_id(), self.folder / "mail", full=full
        )
        return unseal(Path(result.path)) if plain else Path(result.path)


def unseal(path: Path) -> Path:
    """Replace a sealed bundle in a network's mail folder by the plain bundle inside it, opened with its
    addressee's seal key (found beside the network's databases). A plain bundle is returned as it is."""
    from ptds_desktop.sync import bundle, keys, sealing

    sealed = bundle.read_seal(path)
    if sealed is None:
        return path
    pattern = f"*.keys/seal-{sealed.recipient}.pem"
    (key_file,) = [*path.parent.parent.glob(pattern), *(user_data_dir() / "servers").glob(pattern)]
    private = keys.read_seal_key_file(key_file, None)
    content_key = sealing.open_envelope(sealed.header, private)
    assert content_key is not None
    with sealed.opener(content_key)() as inner:
        data = inner.read()
    path.write_bytes(data)
    return path


def location(db: Database) -> Path | str:
    """What opens this office again (`open_database`, the CLI's --db): the file, or the server database's URL."""
    return db.url or db.path


def canonical_dump(db: Database) -> dict:
    """Every synced row, as Python values (a date is a date whichever engine holds it)."""
    with db.engine.connect() as conn:
        return {t.name: [tuple(row) for row in conn.execute(select(t).order_by(t.c.id))] for t in synced_tables()}


def conflict_set(db: Database) -> set:
    conflicts = Base.metadata.tables["sync_conflicts"]
    columns = [conflicts.c[name] for name in ("tbl", "row_id", "field", "kind", "value", "hlc", "origin")]
    with db.engine.connect() as conn:
        return {tuple(row) for row in conn.execute(select(*columns))}


def craft_bundle(net: Network, sender: int, recipient: int, segments, *, edit_manifest=None, name="crafted") -> Path:
    """A bundle signed by `sender` with exactly `segments` (to forge relays and other attacks)."""
    from ptds_desktop.db.database import head_revision
    from ptds_desktop.sync import bundle, keys

    db = net.offices[sender]
    me = peers.identity(db)
    private = keys.load_private_key(db.path, me.office_id)
    manifest = {
        "format": bundle.FORMAT, "format_version": 1, "schema_version": head_revision(), "app_version": "0.1.0",
        "created_at": "2026-01-01T00:00:00", "full": False,
        "sender": {"office_id": me.office_id, "name": me.name, "public_key": me.public_key,
            "fingerprint": me.fingerprint},
        "recipient": net.offices[recipient].office_id(), "vector": {}, "keys": {},
        "segments": [{"origin": s.origin, "first_seq": s.first_seq, "last_seq": s.last_seq, "signature": s.signature,
                      "attachments": list(s.attachments)} for s in segments],
        "counts": {},
    }
    if edit_manifest:
        edit_manifest(manifest)
    target = net.folder / "mail" / f"{name}.ptds.zip"
    return bundle.write_bundle(target, manifest, list(segments), {}, private)


def segments_of(path: Path):
    from ptds_desktop.sync.bundle import read_bundle

    return list(read_bundle(unseal(path)).segments)
