"""Bundles sealed to their addressee (issue 15): a lost stick reveals nothing but whom a bundle is for; only the
addressee opens it; tampering is refused with nothing changed; plain bundles of earlier releases still import;
`--to all` seals one copy per addressee."""

from __future__ import annotations

import base64
import io
import json
import unicodedata
import zipfile
from pathlib import Path

import pytest
from netutil import craft_bundle, segments_of, unseal
from test_bundle_limits import PEAK_LIMIT, _run_measured, _zip_bomb_of_segments
from test_faults import everything

from ptds_desktop.services import people
from ptds_desktop.services.people import PersonInput
from ptds_desktop.sync import bundle, exchange, keys, sealing
from ptds_desktop.sync.bundle import BundleError
from ptds_desktop.sync.peers import known_keys

NAME = "Nguyễn Thị Hồng Nhung"
PHONE = "0819 449 153"


def _person(db, name: str = NAME, phone: str = PHONE) -> str:
    with db.unit_of_work() as session:
        return people.create_person(session, PersonInput(name, title="Chủ tịch", phone=phone)).phone


def _texts(name: str, phone: str) -> list[bytes]:
    """Every way the name and the phone could sit in a file: UTF-8 (NFC, NFD), JSON-escaped, digits alone."""
    forms = [name, unicodedata.normalize("NFD", name), json.dumps(name)[1:-1], phone, phone.replace(" ", ""),
             phone.replace(" ", "")[1:]]
    return [f.encode("utf-8") for f in forms] + [name.encode("utf-16-le")]


def _readable_parts(path: Path) -> dict[str, bytes]:
    """What anyone holding the file can read: the raw bytes, every member unpacked, and any member that is itself
    an archive, unpacked in turn."""
    parts = {"raw file": path.read_bytes()}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            parts[name] = data
            if zipfile.is_zipfile(io.BytesIO(data)):
                with zipfile.ZipFile(io.BytesIO(data)) as inner:
                    parts |= {f"{name}/{n}": inner.read(n) for n in inner.namelist()}
    return parts


def _leaks(path: Path, secrets: list[bytes]) -> list[str]:
    return [where for where, data in _readable_parts(path).items() for s in secrets if s in data]


@pytest.fixture
def net(network):
    return network(3)


def test_a_lost_sticks_bundle_shows_no_name_or_phone(net):
    province, commune = net.offices[:2]
    stored_phone = _person(province)
    (result,) = exchange.export_bundles(province, commune.office_id(), net.folder / "usb")
    assert result.sealed and result.warning == ""
    path = Path(result.path)
    secrets = _texts(NAME, PHONE) + [stored_phone.encode(), "Bộ CHQS tỉnh Đắk Lắk".encode(), b"Ch\xe1\xbb\xa7 t\xe1"]
    assert _leaks(path, secrets) == []
    # Nor who sent it: the sender's name and id are not in the file name or the header.
    assert "bo-chqs" not in path.name and province.office_id()[:8] not in path.name
    header = json.dumps(bundle.read_seal(path).header)
    assert province.office_id() not in header and "public_key" not in header
    # Whom it is for is all it shows.
    assert bundle.read_manifest(path)["recipient"] == commune.office_id()
    # The same check finds them in the plain bundle the seal carries (what a bundle of an earlier release showed).
    assert _leaks(unseal(path), secrets)


def test_a_bundle_for_one_commune_cannot_be_read_by_another(net):
    province, first, second = net.offices
    _person(province)
    path = net.send(0, 1)
    before = everything(second)
    with pytest.raises(BundleError) as refused:
        exchange.import_bundle(second, path)
    message = str(refused.value)
    assert "UBND xã 1" in message and "niêm phong" in message and first.office_id() not in message
    assert everything(second) == before
    # Not even with its own seal key, whatever it tries.
    header = bundle.read_seal(path).header
    assert sealing.open_envelope(header, sealing.load_seal_key(second.path, second.office_id())) is None
    assert sealing.open_envelope(header, sealing.load_seal_key(province.path, province.office_id())) is None
    # The addressee opens it.
    report = exchange.import_bundle(first, path)
    assert report.status == "applied" and report.sealed
    assert NAME in _names(first)


def _names(db) -> list[str]:
    with db.engine.connect() as conn:
        return [n for (n,) in conn.exec_driver_sql("SELECT full_name FROM people")]


def _tampered(path: Path, edit) -> Path:
    """The sealed bundle with its outer members changed by `edit(members)`."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    edit(members)
    out = path.with_name("tampered-" + path.name)
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out


def _flip(data: bytes, at: int) -> bytes:
    damaged = bytearray(data)
    damaged[at] ^= 0x01
    return bytes(damaged)


def _edit_header(key, value):
    def edit(members):
        header = json.loads(members[bundle.SEAL_HEADER])
        header[key] = value(header[key]) if callable(value) else value
        members[bundle.SEAL_HEADER] = json.dumps(header).encode()
    return edit


@pytest.mark.parametrize("how", ["first chunk", "middle", "last byte", "cut short", "chunk dropped",
                                 "wrapped key", "header", "other recipient key"])
def test_tampering_with_sealed_content_is_refused_and_nothing_changes(net, how, monkeypatch):
    province, commune = net.offices[:2]
    monkeypatch.setattr(sealing, "CHUNK", sealing.MIN_CHUNK)  # a small bundle of several chunks
    _person(province)
    path = net.send(0, 1)
    payload_size = len(_readable_parts(path)[bundle.SEAL_PAYLOAD])
    assert payload_size > 2 * sealing.CHUNK
    edits = {
        "first chunk": lambda m: m.update({bundle.SEAL_PAYLOAD: _flip(m[bundle.SEAL_PAYLOAD], 10)}),
        "middle": lambda m: m.update({bundle.SEAL_PAYLOAD: _flip(m[bundle.SEAL_PAYLOAD], payload_size // 2)}),
        "last byte": lambda m: m.update({bundle.SEAL_PAYLOAD: _flip(m[bundle.SEAL_PAYLOAD], payload_size - 1)}),
        "cut short": lambda m: m.update({bundle.SEAL_PAYLOAD: m[bundle.SEAL_PAYLOAD][:-(sealing.CHUNK + 16)]}),
        "chunk dropped": lambda m: m.update({bundle.SEAL_PAYLOAD: m[bundle.SEAL_PAYLOAD][sealing.CHUNK + 16:]}),
        "wrapped key": _edit_header("wrapped_key", lambda v: base64.b64encode(
            _flip(base64.b64decode(v), 3)).decode()),
        "header": _edit_header("cipher", "X25519-HKDF-SHA256/ChaCha20-Poly1305 "),  # bound to every chunk
        "other recipient key": _edit_header("recipient_key", "AAAA BBBB CCCC DDDD"),
    }
    target = _tampered(path, edits[how])
    before = everything(commune)
    with pytest.raises(BundleError) as refused:
        exchange.import_bundle(commune, target)
    assert target.name in str(refused.value) and "Không" in str(refused.value)
    assert NAME not in str(refused.value)
    assert everything(commune) == before
    assert exchange.import_bundle(commune, path).status == "applied"  # the genuine one still goes in


def test_a_sealed_bundle_forwarded_to_another_office_is_refused_there(net):
    """Signed, then sealed: the signed manifest names its addressee, so commune 1 cannot hand the province's
    bundle to commune 2 as if the province had written it for commune 2."""
    province, first, second = net.offices
    _person(province)
    plain = unseal(net.send(0, 1))
    with first.engine.connect() as conn:
        statement = sealing.proven_statements(conn, known_keys(conn))[second.office_id()]
    envelope = sealing.new_envelope(second.office_id(), statement.seal_key,
                                    sealing.load_seal_key(first.path, first.office_id()), {})
    forwarded = net.folder / "mail" / "forwarded.ptds.zip"
    with open(forwarded, "wb") as raw, zipfile.ZipFile(raw, "w") as outer:
        outer.writestr(bundle.SEAL_HEADER, json.dumps(envelope.header))
        with outer.open(zipfile.ZipInfo(bundle.SEAL_PAYLOAD), "w", force_zip64=True) as member:
            writer = sealing.EncryptingWriter(member, envelope.content_key, envelope.aad)
            writer.write(plain.read_bytes())
            writer.finish()
    before = everything(second)
    with pytest.raises(BundleError, match="văn phòng khác"):
        exchange.import_bundle(second, forwarded)
    assert everything(second) == before


def test_plain_bundles_of_earlier_releases_still_import(net):
    province, commune = net.offices[:2]
    _person(province)
    # A bundle as 0.1 wrote it: plain, no seal keys in its manifest.
    old = craft_bundle(net, 0, 1, segments_of(net.send(0, 1)), name="old-release")
    assert bundle.read_seal(old) is None
    report = exchange.import_bundle(commune, old)
    assert report.status == "applied" and not report.sealed


def test_a_peer_whose_seal_key_is_unknown_gets_a_plain_bundle_with_a_warning(net):
    province, commune = net.offices[:2]
    with province.engine.begin() as conn:  # as for a commune still on the release before sealing
        conn.exec_driver_sql("DELETE FROM sync_seal_keys WHERE office_id=?", (commune.office_id(),))
    _person(province)
    (result,) = exchange.export_bundles(province, commune.office_id(), net.folder / "mail")
    assert not result.sealed
    assert "KHÔNG được niêm phong" in result.warning and "UBND xã 1" in result.warning
    assert "giữ USB" in result.warning  # what to do meanwhile
    assert exchange.import_bundle(commune, result.path).status == "applied"
    # The commune's next bundle carries its seal key, signed with its certified signing key: sealed from then on.
    (back,) = exchange.export_bundles(commune, province.office_id(), net.folder / "mail")
    exchange.import_bundle(province, back.path)
    _person(province, "Trần Văn Bình", "0912 345 678")
    (later,) = exchange.export_bundles(province, commune.office_id(), net.folder / "mail")
    assert later.sealed and later.warning == ""
    assert exchange.import_bundle(commune, later.path).sealed


def test_a_seal_key_not_signed_by_its_office_is_never_used(net):
    """A relay cannot make an office's bundles sealed to a key of its own: the statement must verify with the
    office's accepted signing key."""
    province, commune, relay = net.offices
    with province.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_seal_keys WHERE office_id=?", (commune.office_id(),))
    own = sealing.load_seal_key(relay.path, relay.office_id())
    forged = sealing.sign_statement(keys.load_private_key(relay.path, relay.office_id()), commune.office_id(),
                                    sealing.seal_public_of(own))

    def slip_in(manifest):
        manifest["seal_keys"] = [forged.as_json()]

    path = craft_bundle(net, 2, 0, [], edit_manifest=slip_in, name="forged-seal-key")
    exchange.import_bundle(province, path)
    (result,) = exchange.export_bundles(province, commune.office_id(), net.folder / "mail")
    assert not result.sealed  # the forged key is not used
    with province.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_seal_keys WHERE office_id=?",
                                    (commune.office_id(),)).scalar_one() == 0


def test_to_all_seals_one_copy_per_addressee(network):
    net = network(4)
    province = net.offices[0]
    _person(province)
    results = exchange.export_bundles(province, "all", net.folder / "usb")
    communes = net.offices[1:]  # of the province's four communes
    assert len(results) == len({r.recipient_id for r in results}) == 4
    assert {c.office_id() for c in communes} <= {r.recipient_id for r in results}
    assert all(r.sealed and r.warning == "" for r in results)
    headers = [bundle.read_seal(Path(r.path)).header for r in results]
    assert [h["recipient"] for h in headers] == [r.recipient_id for r in results]
    assert len({h["ephemeral_key"] for h in headers}) == len({h["wrapped_key"] for h in headers}) == 4
    for commune in communes:
        mine = next(r for r in results if r.recipient_id == commune.office_id())
        for other in results:
            if other is mine:
                continue  # each addressee opens only its own copy
            with pytest.raises(BundleError, match="văn phòng khác"):
                exchange.import_bundle(commune, other.path)
        assert exchange.import_bundle(commune, mine.path).status == "applied"


def test_a_sealed_zip_bomb_is_refused_with_memory_bounded(net):
    """Anyone may seal to a public seal key: what is inside gets the same limits, read chunk by chunk."""
    province, commune = net.offices[:2]
    inner = net.folder / "mail" / "bomb-inside.zip"
    _zip_bomb_of_segments(inner, commune.office_id(), province.office_id(), 400)  # 400 MiB unpacked
    with commune.engine.connect() as conn:
        statement = sealing.proven_statements(conn, known_keys(conn))[province.office_id()]
    envelope = sealing.new_envelope(province.office_id(), statement.seal_key,
                                    sealing.load_seal_key(commune.path, commune.office_id()), {})
    path = net.folder / "mail" / "bom.ptds.zip"
    with open(path, "wb") as raw, zipfile.ZipFile(raw, "w") as outer:
        outer.writestr(bundle.SEAL_HEADER, json.dumps(envelope.header))
        with outer.open(zipfile.ZipInfo(bundle.SEAL_PAYLOAD), "w", force_zip64=True) as member:
            writer = sealing.EncryptingWriter(member, envelope.content_key, envelope.aad)
            writer.write(inner.read_bytes())
            writer.finish()
    before = everything(province)
    result = _run_measured(province, "import", path)
    assert result["peak"] < PEAK_LIMIT
    assert "bom.ptds.zip" in result["message"] and "vượt giới hạn" in result["message"]
    assert everything(province) == before


def test_a_seal_key_signed_with_a_replaced_signing_key_gives_way_whatever_date_it_claims(net):
    """A thief holding an old signing key may date a statement far ahead; once the office's key is replaced, that
    statement proves nothing and the office's genuine one takes its place. Among genuine ones the newest holds."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    province = net.offices[0]
    office = "00000000-0000-0000-0000-0000000000c1"
    old, new = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()

    def statement(signing, issued):
        seal = sealing.seal_public_of(X25519PrivateKey.generate())
        return sealing.SealStatement(office, seal, issued, keys.sign(signing, sealing.statement_bytes(
            office, seal, issued)))

    forged = statement(old, "2099-01-01T00:00:00+00:00")
    genuine = statement(new, "2026-12-02T08:00:00+00:00")
    older = statement(new, "2026-11-01T08:00:00+00:00")
    with province.engine.begin() as conn:
        assert sealing.store_statements(conn, [forged], {office: keys.public_key_of(old)}) == 1
        assert sealing.store_statements(conn, [genuine], {office: keys.public_key_of(old)}) == 0  # not yet its key
        after_rotation = {office: keys.public_key_of(new)}
        assert sealing.proven_statements(conn, after_rotation) == {}
        assert sealing.store_statements(conn, [genuine], after_rotation) == 1
        assert sealing.store_statements(conn, [older], after_rotation) == 0  # a replayed older one
        assert sealing.proven_statements(conn, after_rotation)[office].seal_key == genuine.seal_key
