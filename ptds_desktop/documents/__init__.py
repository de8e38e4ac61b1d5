"""Administrative documents as plain data: the model (`documents.model`) and the words every renderer prints
the same way (`documents.text`). Services build documents; `ptds_desktop.exports` draws them. This package
imports no service, no storage and no drawing library."""

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
    Table,
    Text,
    Title,
)

__all__ = [
    "Align", "Article", "Block", "Cell", "Closing", "Column", "Document", "Heading", "IssuingBody", "ListItem",
    "PageBreak", "PageSetup", "Paragraph", "Recipients", "Row", "Run", "Section", "SectionHeading", "SectionRow",
    "Signature", "Table", "Text", "Title",
]
