"""A plan as `documents.Document`: heading, title, the documents it implements (căn cứ), purpose and
requirements, its body sections, the closing, and its task matrix as the landscape appendix
"(Kèm theo Kế hoạch số … ngày …)".

    write_document(plan_document(session, plan_id), "ke-hoach.pdf")     # ptds_desktop.exports.files

The Excel export draws the appendix alone (`matrix_document`) with the one XLSX renderer; the importer
(imports/task_matrix.py) reads its header names back.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.documents.model import (
    Block,
    Cell,
    Closing,
    Column,
    Document,
    Heading,
    IssuingBody,
    ListItem,
    PageSetup,
    Paragraph,
    Recipients,
    Row,
    Section,
    SectionHeading,
    SectionRow,
    Signature,
    Span,
    Table,
    Title,
)
from ptds_desktop.documents.text import split_number_symbol, with_end_mark
from ptds_desktop.models import DistributionEntry, SignatureBlock
from ptds_desktop.models.enums import TASK_AGENCY_ROLES
from ptds_desktop.services.documents import document_settings
from ptds_desktop.services.plans import PlanData, PlanMatrix, TaskData, plan_matrix
from ptds_desktop.text import fold, format_long_date

PHASE_MARK = "x"
TIME_LABEL = "Thời gian thực hiện"  # header names the importer (imports/task_matrix.py) reads back
DELIVERABLE_LABEL = "Sản phẩm nhiệm vụ"
_ROMAN_LINE = re.compile(r"^([IVXLC]+)\.\s+(\S.*)$")
_LETTER_LINE = re.compile(r"^([A-ZĐ])\.\s+(\S.*)$")
_NUMBER_LINE = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(\S.*)$")


def appendix_note(plan: PlanData) -> str | None:
    """"(Kèm theo Chương trình hành động số 04/CTr-UBND ngày 31 tháng 12 năm 2024 của UBND thành phố …)"."""
    if not plan.number_symbol and not plan.issued_on:
        return None
    words = f"(Kèm theo {plan.kind_label}"
    if plan.number_symbol:
        words += f" số {plan.number_symbol}"
    if plan.issued_on:
        words += f" {format_long_date(plan.issued_on)}"
    if plan.issuer_name:
        words += f" của {plan.issuer_name}"
    return words + ")"


def matrix_table(matrix: PlanMatrix) -> Table:
    """The task matrix as a table: TT, content, one column per agency role, the timeframe (over the phase
    columns when the plan has phases), the deliverable; a spanning row per section."""
    plan = matrix.plan
    roles = matrix.roles
    phases = plan.phase_labels
    with_deliverable = bool(phases) or any(t.deliverable for t in matrix.tasks)
    columns = [Column("TT", 0.5, centred=True), Column("Nội dung", 4.2 if len(roles) <= 2 else 3.6)]
    columns += [Column(TASK_AGENCY_ROLES[r], 2.0) for r in roles]
    if phases:
        columns.append(Column(TIME_LABEL, children=tuple(Column(p, 1.15, centred=True) for p in phases)))
    else:
        columns.append(Column(TIME_LABEL, 1.4, centred=True))
    if with_deliverable:
        columns.append(Column(DELIVERABLE_LABEL, 2.0))

    def cells(task: TaskData) -> tuple[Cell, ...]:
        out: list[Cell] = [task.code, task.content, *(task.agencies_text(r) or None for r in roles)]
        if phases:
            marks = set(task.timeframe.phases)
            if marks:
                out += [PHASE_MARK if i in marks else None for i in range(1, len(phases) + 1)]
            elif task.timeframe.text and len(phases) > 1:  # the words span the phase columns
                out += [Span(task.timeframe.text, len(phases))] + [None] * (len(phases) - 1)
            else:
                out += [task.timeframe.text] + [None] * (len(phases) - 1)
        else:
            out.append(task.timeframe.text)
        if with_deliverable:
            out.append(task.deliverable)
        return tuple(out)

    rows: list[Row] = [cells(t) for t in matrix.tasks_of(None)]
    for section in matrix.sections:
        rows.append(SectionRow(section.title, section.code))
        rows += [cells(t) for t in matrix.tasks_of(section.id)]
    return Table(tuple(columns), tuple(rows), empty_text="Kế hoạch chưa có nhiệm vụ nào.")


def matrix_section(matrix: PlanMatrix) -> Section:
    """The matrix as the plan's landscape appendix: "Phụ lục", its heading lines, "(Kèm theo …)", the table."""
    plan = matrix.plan
    appendix_lines = [line for line in (plan.appendix_title or "").splitlines() if line.strip()]
    printed_note = next((line for line in appendix_lines if line.startswith("(")), None)
    lines = [line for line in appendix_lines if line != printed_note] or ["NHIỆM VỤ VÀ GIẢI PHÁP", plan.title]
    kind, summary = lines[0], "\n".join(lines[1:]) or None
    return Section(
        (matrix_table(matrix),),
        title=Title(kind, summary, printed_note or appendix_note(plan), label="Phụ lục"),
        page=PageSetup(orientation="landscape"), restart_page_numbers=True,
    )


def matrix_document(matrix: PlanMatrix) -> Document:
    """The appendix alone, as the Excel export draws it (`write_document(matrix_document(m), "pl.xlsx")`); read
    back by imports/task_matrix.py."""
    plan = matrix.plan
    return Document(f"Phụ lục nhiệm vụ - {plan.title}", (matrix_section(matrix),), subject=plan.title,
                    name="Phụ lục nhiệm vụ")


def _text_blocks(text: str | None) -> list[Block]:
    """Stored multi-line text as printed: Roman headings, lettered and numbered headings, "- " items, paragraphs.
    A numbered line that reads as a sentence (long, or ending with a full stop) stays a numbered paragraph."""
    blocks: list[Block] = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if m := _ROMAN_LINE.match(line):
            blocks.append(SectionHeading(1, m.group(1), m.group(2)))
        elif (m := _LETTER_LINE.match(line)) and len(line) <= 140:  # noqa: SIM114
            blocks.append(SectionHeading(2, m.group(1), m.group(2)))
        elif (m := _NUMBER_LINE.match(line)) and len(line) <= 100 and not line.endswith((".", ";", ":")):
            blocks.append(SectionHeading(2, m.group(1), m.group(2)))
        elif line.startswith(("- ", "+ ")):
            blocks.append(ListItem(line[2:], marker=line[0]))
        else:
            blocks.append(Paragraph(line))
    return blocks


def _closing(session: Session, plan: PlanData, default: Closing) -> Closing:
    block = session.scalars(select(SignatureBlock).where(
        SignatureBlock.document_table == "plans", SignatureBlock.document_id == plan.id,
        SignatureBlock.deleted.is_(False),
    )).first()
    entries = session.scalars(select(DistributionEntry).where(
        DistributionEntry.document_table == "plans", DistributionEntry.document_id == plan.id,
        DistributionEntry.deleted.is_(False),
    ).order_by(DistributionEntry.sort_order)).all()
    signature = default.signature
    if block is not None:
        signature = Signature(block.position, block.signer_name, block.authority, block.second_position)
    recipients = default.recipients
    if entries:
        # "Lưu: VT, QS." transcribed as an entry is the archive line, printed last by the renderer.
        archived = [e for e in entries if fold(e.text).startswith("luu")]
        listed = [e for e in entries if e not in archived]
        default_archive = recipients.archive if recipients else "VT"
        archive = archived[0].text.split(":", 1)[-1].strip(" .;") if archived else default_archive
        recipients = Recipients(tuple(f"{e.text} ({e.purpose})" if e.purpose else e.text for e in listed), archive,
                                block.drafter_note if block else None)
    return Closing(signature, recipients)


def plan_document(session: Session, plan_id: str) -> Document:
    matrix = plan_matrix(session, plan_id)
    plan = matrix.plan
    settings = document_settings(session, "plan")
    number, symbol = None, settings.symbol
    if plan.number_symbol:
        try:
            number, symbol = split_number_symbol(plan.number_symbol)
        except ValueError:
            number, symbol = None, settings.symbol
    issuer = settings.issuer
    if plan.issuer_name:  # the plan's own issuer; this office's parent body is not necessarily its parent
        issuer = IssuingBody(plan.issuer_name, plan.parent_issuer_text)
    year = plan.issued_on.year if plan.issued_on else dt.date.today().year
    heading = Heading(issuer, symbol, number, plan.place_name or settings.place_name, plan.issued_on, year)

    bases = [line.strip() for line in (plan.legal_bases or "").splitlines() if line.strip()]
    blocks: list[Block] = [Paragraph(line, "basis") for line in bases]
    blocks += [Paragraph(line) for line in (plan.preamble or "").splitlines() if line.strip()]
    if plan.purpose or plan.requirements:
        blocks.append(SectionHeading(1, "I", "Mục đích, yêu cầu"))
        if plan.purpose:
            blocks.append(SectionHeading(2, "1", "Mục đích"))
            blocks += _text_blocks(plan.purpose)
        if plan.requirements:
            blocks.append(SectionHeading(2, "2", "Yêu cầu"))
            blocks += _text_blocks(plan.requirements)
    blocks += _text_blocks(plan.body)
    blocks = with_end_mark(blocks)
    blocks.append(_closing(session, plan, Closing(settings.signature, settings.recipients_block())))
    main = Section(tuple(blocks), heading, Title(plan.kind_label.upper(), plan.title))

    sections = [main]
    if matrix.tasks:
        sections.append(matrix_section(matrix))
    return Document(f"{plan.citation}: {plan.title}", tuple(sections), subject=plan.title, name="Phụ lục nhiệm vụ")
