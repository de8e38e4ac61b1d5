"""Administrative documents as plain data: the model (`documents.model`) and the words every renderer prints
the same way (`documents.text`). Services build documents; `ptds_desktop.exports` draws them. This package
imports no service, no storage and no drawing library.

Building a document (a service, e.g. services/roster_documents.py):

    settings = services.documents.document_settings(session, "plan")     # this office's defaults per kind
    heading = Heading(settings.issuer, settings.symbol, number=None, place=settings.place_name,
                      date=None, year=2026)                               # a draft: number and date open
    blocks = [Paragraph("Căn cứ …;", "basis"), SectionHeading(1, "I", "Mục đích, yêu cầu"),
              SectionHeading(2, "1", "Mục đích"), Paragraph("…"), ListItem("…"), Article(1, "…")]
    blocks = text.with_end_mark(blocks) + [Closing(settings.signature, settings.recipients_block("N_56"))]
    matrix = Table((Column("TT", 0.5, centred=True), Column("Nội dung", 4),
                    Column("Thời gian thực hiện", children=(Column("Giai đoạn 1", 1.2, True), …))),
                   rows=(SectionRow("I. …"), (1, "…", …), …))
    Document("Kế hoạch …", (
        Section(tuple(blocks), heading, Title("Kế hoạch", "Tổ chức …")),
        Section((matrix,), title=Title("Ma trận nhiệm vụ", note="(Kèm theo Kế hoạch số …)", label="Phụ lục"),
                page=PageSetup(orientation="landscape"), restart_page_numbers=True),
    ))

Repeated parts (one invitation per invitee) are one Section each with `restart_page_numbers=True`; a
backdrop is a Section with `PageSetup("A3", "landscape")`, `page_numbers=False` and Paragraph(size=…);
a sign-in sheet is a Table with an empty "Ký tên" column and `row_height` in mm.

Rendering: `exports.files.write_document(document, path, fmt=None)` (pdf/docx/xlsx from the suffix, written
beside and renamed), or `exports.pdf.document.render_pdf`, `exports.docx.document.render_docx`,
`exports.excel.document.render_xlsx` (tabular sections only) on a path or a binary stream.
"""

from ptds_desktop.documents.model import (
    Align,
    Article,
    Block,
    Cell,
    Closing,
    Column,
    Document,
    Heading,
    IssuingBody,
    ListItem,
    PageBreak,
    PageSetup,
    Paragraph,
    Recipients,
    Row,
    Run,
    Section,
    SectionHeading,
    SectionRow,
    Signature,
    Span,
    Table,
    Text,
    Title,
)

__all__ = [
    "Align", "Article", "Block", "Cell", "Closing", "Column", "Document", "Heading", "IssuingBody", "ListItem",
    "PageBreak", "PageSetup", "Paragraph", "Recipients", "Row", "Run", "Section", "SectionHeading", "SectionRow",
    "Signature", "Span", "Table", "Text", "Title",
]
