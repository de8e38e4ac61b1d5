"""`ptds docs settings …`: how this office issues each kind of document (issuing body, signer, recipients)."""

from __future__ import annotations

import argparse
import dataclasses

from ptds_desktop.cli.base import Context, add_json_flag, print_json, vocabulary_help
from ptds_desktop.i18n import translate
from ptds_desktop.models.enums import DOCUMENT_KINDS
from ptds_desktop.services import documents

# Option name → (field, help); lists (bases, recipients) are given with one entry a line or separated by "|".
FIELDS = {
    "parent-body": ("parent_body", "cơ quan chủ quản (dòng trên), ví dụ “UBND TỈNH ĐẮK LẮK”"),
    "issuing-body": ("issuing_body", "cơ quan ban hành, ví dụ “BAN CHỈ HUY PHÒNG THỦ DÂN SỰ”"),
    "symbol": ("symbol", "ký hiệu, ví dụ “KH-BCH”, “QĐ-UBND”"),
    "authority": ("authority", "thẩm quyền ban hành quyết định, ví dụ “CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK”"),
    "cited-as": ("cited_as", "tên cơ quan khi trích dẫn (… của Chủ tịch UBND tỉnh)"),
    "bases": ("bases", "các căn cứ, cách nhau bằng “|”"),
    "proposal": ("proposal", "dòng “Theo đề nghị của …”"),
    "executors": ("executors", "người thi hành quyết định (điều cuối)"),
    "signer-authority": ("signer_authority", "quyền hạn ký: TM./KT./Q./TL./TUQ. …"),
    "signer-position": ("signer_position", "chức vụ người ký"),
    "signer-second-position": ("signer_second_position", "chức vụ thứ hai của người ký"),
    "signer-name": ("signer_name", "họ và tên người ký"),
    "recipients": ("recipients", "nơi nhận, cách nhau bằng “|”"),
    "archive": ("archive", "dòng “Lưu:”, ví dụ “VT, NC”"),
}
LIST_FIELDS = ("bases", "recipients")


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("docs", help="thiết lập văn bản của văn phòng (cơ quan ban hành, người ký, nơi nhận)")
    sub = p.add_subparsers(dest="docs_command", metavar="LỆNH", title="lệnh", required=True)
    settings = sub.add_parser("settings", help="xem, sửa, đặt lại thiết lập văn bản")
    actions = settings.add_subparsers(dest="settings_command", metavar="LỆNH", title="lệnh", required=True)

    q = actions.add_parser("show", help="xem thiết lập (mọi loại văn bản, hoặc một loại)")
    q.add_argument("kind", nargs="?", choices=tuple(DOCUMENT_KINDS), metavar="LOẠI",
                   help=vocabulary_help("loại văn bản (bỏ trống: mọi loại)", DOCUMENT_KINDS))
    add_json_flag(q)
    q.set_defaults(handler=run_show)

    q = actions.add_parser("set", help="sửa thiết lập của một loại văn bản")
    q.add_argument("kind", choices=tuple(DOCUMENT_KINDS), metavar="LOẠI",
                   help=vocabulary_help("loại văn bản", DOCUMENT_KINDS))
    for option, (_, text) in FIELDS.items():
        q.add_argument(f"--{option}", metavar="CHỮ", help=text)
    q.add_argument("--place", metavar="CHỮ", help="địa danh ở dòng ngày tháng (chung cho mọi văn bản)")
    q.set_defaults(handler=run_set)

    q = actions.add_parser("reset", help="đặt lại mặc định (theo tên và cấp của văn phòng)")
    q.add_argument("kind", choices=tuple(DOCUMENT_KINDS), metavar="LOẠI",
                   help=vocabulary_help("loại văn bản", DOCUMENT_KINDS))
    q.set_defaults(handler=run_reset)


def _print(settings: documents.DocumentSettingsData) -> None:
    default = "" if settings.stored else translate("Core", " (mặc định)")
    print(f"[{settings.kind}] {settings.kind_label}{default}")
    rows = [("Địa danh", settings.place_name), ("Cơ quan chủ quản", settings.parent_body),
            ("Cơ quan ban hành", settings.issuing_body), ("Ký hiệu", settings.symbol),
            ("Thẩm quyền", settings.authority), ("Trích dẫn", settings.cited_as),
            ("Đề nghị", settings.proposal), ("Thi hành", settings.executors),
            ("Người ký", " / ".join(settings.signature.position_lines + ((settings.signer_name,)
                                                                         if settings.signer_name else ()))),
            ("Lưu", settings.archive)]
    for label, value in rows:
        if value:
            print(f"  {label}: {value}")
    for label, values in (("Căn cứ", settings.bases), ("Nơi nhận", settings.recipients)):
        if values:
            print(f"  {label}:")
            for value in values:
                print(f"    - {value}")


def run_show(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.db().unit_of_work() as s:
        rows = [documents.document_settings(s, args.kind)] if args.kind else documents.all_document_settings(s)
    if args.json:
        print_json(rows)
        return 0
    for settings in rows:
        _print(settings)
    return 0


def run_set(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.db().unit_of_work() as s:
        if args.place is not None:
            documents.set_place_name(s, args.place)
        current = documents.settings_input(documents.document_settings(s, args.kind))
        changes = {}
        for option, (field, _) in FIELDS.items():
            value = getattr(args, option.replace("-", "_"))
            if value is not None:
                changes[field] = "\n".join(value.split("|")) if field in LIST_FIELDS else value
        settings = documents.update_document_settings(s, args.kind, dataclasses.replace(current, **changes))
    _print(settings)
    return 0


def run_reset(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.db().unit_of_work() as s:
        settings = documents.reset_document_settings(s, args.kind)
    _print(settings)
    return 0
