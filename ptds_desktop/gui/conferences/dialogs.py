"""Dialogs of the conference screen: start one (template or copy), its main texts, add invitees, a reply,
a presentation or duty, and what to export where."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ptds_desktop.errors import StaleEditError, ValidationError
from ptds_desktop.gui.labels import CONFERENCE_FORMAT_LABELS, VENUE_KIND_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.reference_picker import Candidate, ReferencePicker
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.gui.stale_edit_dialog import StaleEditDialog
from ptds_desktop.services import conference_preparation as prep
from ptds_desktop.services import conference_templates as tpl
from ptds_desktop.services import conference_venues as ven
from ptds_desktop.services import conferences as conf
from ptds_desktop.services.boards import BoardData
from ptds_desktop.services.conference_documents import KINDS
from ptds_desktop.services.organizations import OrganizationData
from ptds_desktop.services.references import Reference
from ptds_desktop.text import fold

# The documents a conference exports (services.conference_documents.KINDS), as the interface names them.
DOCUMENT_LABELS = {
    "plan": QT_TRANSLATE_NOOP("Documents", "Kế hoạch tổ chức Hội nghị"),
    "invitations": QT_TRANSLATE_NOOP("Documents", "Giấy mời"),
    "attendees": QT_TRANSLATE_NOOP("Documents", "Danh sách đại biểu, ký tên"),
    "programme": QT_TRANSLATE_NOOP("Documents", "Chương trình Hội nghị"),
    "backdrop": QT_TRANSLATE_NOOP("Documents", "Maket trang trí"),
}


def document_label(code: str) -> str:
    return QCoreApplication.translate("Documents", DOCUMENT_LABELS.get(code, code))


def _error_label() -> QLabel:
    error = QLabel()
    error.setWordWrap(True)
    error.setStyleSheet("color: #b00020;")
    error.hide()
    return error


def _buttons() -> QDialogButtonBox:
    return QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)


def _to_datetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def _qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def _date_or_none(edit: QDateEdit) -> dt.date | None:
    d = edit.date()
    return None if d == edit.minimumDate() else dt.date(d.year(), d.month(), d.day())


def _optional_date_edit() -> QDateEdit:
    """A date that may stay empty: the minimum date shows as "—"."""
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setSpecialValueText("—")
    edit.setDate(edit.minimumDate())
    return edit


class StartDialog(ServiceDialog):
    """A new conference: from the review template (board, date), or a copy of the chosen one on a new date."""

    def __init__(self, ops: DatabaseOps, boards: Sequence[BoardData], source: conf.ConferenceData | None = None,
                 parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.source = source
        self.setWindowTitle(self.tr("Sao chép hội nghị") if source else self.tr("Hội nghị mới theo mẫu sơ kết"))
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        start = source.starts_at if source and source.starts_at else None
        base = start.replace(year=start.year + 1) if start else dt.datetime.combine(
            dt.date.today() + dt.timedelta(days=30), dt.time(8, 0))
        self.when.setDateTime(_qdatetime(base))
        self.board = QComboBox()
        for board in boards:
            self.board.addItem(board.name, board.id)
        self.title = QLineEdit(source.title if source else "")
        form = QFormLayout()
        form.addRow(self.tr("Ngày giờ họp:"), self.when)
        if source:
            form.addRow(self.tr("Tên hội nghị:"), self.title)
            note = QLabel(self.tr("Mọi hạn dời theo ngày mới; trả lời, tham luận đã nhận và việc đã xong được xóa."))
            note.setWordWrap(True)
            form.addRow(note)
        else:
            form.addRow(self.tr("Ban Chỉ huy:"), self.board)
        self.error_label = error = _error_label()
        buttons = _buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.bind_form(buttons, error, {"starts_at": self.when, "title": self.title, "board_id": self.board})

    def save_fn(self) -> WriteFn:
        starts_at = _to_datetime(self.when.dateTime())
        if self.source is not None:
            source_id, title = self.source.id, self.title.text()
            return lambda session: tpl.duplicate_conference(session, source_id, starts_at, title)
        board_id = self.board.currentData()
        return lambda session: tpl.create_review_conference(session, tpl.ReviewTemplateInput(starts_at, board_id))


class ConferenceDialog(ServiceDialog):
    """The conference's own fields: what the plan's sections print."""

    TEXTS = (("purpose", QT_TRANSLATE_NOOP("ConferenceDialog", "Mục đích:")),
             ("requirements", QT_TRANSLATE_NOOP("ConferenceDialog", "Yêu cầu:")),
             ("content", QT_TRANSLATE_NOOP("ConferenceDialog", "Nội dung:")),
             ("format_text", QT_TRANSLATE_NOOP("ConferenceDialog", "Hình thức (như in):")),
             ("backdrop_text", QT_TRANSLATE_NOOP("ConferenceDialog", "Maket (mỗi dòng một dòng chữ):")),
             ("logistics", QT_TRANSLATE_NOOP("ConferenceDialog", "Bảo đảm (mỗi dòng một mục):")),
             ("closing_text", QT_TRANSLATE_NOOP("ConferenceDialog", "Câu kết:")))

    def __init__(self, ops: DatabaseOps, existing: conf.ConferenceData, recipients: Sequence[conf.RecipientData],
                 signature: conf.SignatureData | None, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.existing = existing
        self.setWindowTitle(self.tr("Thông tin hội nghị"))
        self.title = QLineEdit()
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setDateTime(_qdatetime(existing.starts_at or dt.datetime.now().replace(second=0, microsecond=0)))
        self.duration = QLineEdit()
        self.format = QComboBox()
        for code in CONFERENCE_FORMAT_LABELS:
            self.format.addItem(label(CONFERENCE_FORMAT_LABELS, code), code)
        self.number = QLineEdit()
        self.contact = QLineEdit()
        self.line_edits = {"title": self.title, "duration_text": self.duration, "number_symbol": self.number,
                           "contact_text": self.contact}
        self.texts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Tên hội nghị:"), self.title)
        form.addRow(self.tr("Ngày giờ:"), self.when)
        form.addRow(self.tr("Thời lượng (như in):"), self.duration)
        form.addRow(self.tr("Hình thức:"), self.format)
        form.addRow(self.tr("Số, ký hiệu kế hoạch:"), self.number)
        form.addRow(self.tr("Liên hệ:"), self.contact)
        for field, caption in self.TEXTS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(54)
            self.texts[field] = edit
            form.addRow(self.tr(caption), edit)
        self._show(existing, [*self.line_edits, "starts_at", "format", *self.texts])
        self.recipients = QPlainTextEdit("\n".join(r.label for r in recipients))
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(70)
        form.addRow(self.tr("Nơi nhận (mỗi dòng một nơi):"), self.recipients)
        sig = signature or conf.SignatureData()
        self.signature = {name: QLineEdit(getattr(sig, name) or "") for name in
                          ("authority", "position", "second_position", "signer_name", "drafter_note")}
        signs = QHBoxLayout()
        for name, hint in (("authority", self.tr("KT. TRƯỞNG BAN")), ("position", self.tr("Chức vụ")),
                           ("second_position", self.tr("Chức vụ thứ hai")), ("signer_name", self.tr("Họ tên")),
                           ("drafter_note", self.tr("Ký hiệu người soạn"))):
            self.signature[name].setPlaceholderText(hint)
            signs.addWidget(self.signature[name])
        form.addRow(self.tr("Người ký:"), signs)
        self.error_label = error = _error_label()
        buttons = _buttons()
        buttons.rejected.connect(self.reject)
        # The form is taller than a 600-pixel screen: it scrolls, the buttons stay in view.
        page = QWidget()
        inner = QVBoxLayout(page)
        inner.addLayout(form)
        inner.addWidget(error)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        self.notice = QLabel()  # after taking someone else's values: what the form now shows
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.resize(760, 540)
        fields: dict[str, QWidget] = {**self.line_edits, "starts_at": self.when, "format": self.format}
        self.bind_form(buttons, error, {**fields, **self.texts, "recipients": self.recipients,
                                        "signer_name": self.signature["signer_name"]})
        self.stale_dialog: StaleEditDialog | None = None

    def save_fn(self) -> WriteFn:
        return self._save(overwrite=False)

    def _save(self, overwrite: bool) -> WriteFn:
        recipients = [_recipient(line) for line in self.recipients.toPlainText().splitlines() if line.strip()]
        signature = conf.SignatureData(**{name: edit.text() for name, edit in self.signature.items()})
        signed = any(v.strip() for v in dataclasses.asdict(signature).values() if v)
        data = self._input()
        started = self.existing  # only the fields changed from it are saved; someone else's since are asked about

        def save(session: Session) -> conf.ConferenceData:
            saved = conf.update_conference(session, started.id, data, started, overwrite=overwrite)
            conf.set_recipients(session, started.id, recipients)
            if signed:
                conf.set_signature(session, started.id, signature)
            return saved

        return save

    def _input(self) -> conf.ConferenceInput:
        texts: dict[str, Any] = {f: e.toPlainText() for f, e in self.texts.items()}
        return dataclasses.replace(
            conf.as_input(self.existing), title=self.title.text(), starts_at=_to_datetime(self.when.dateTime()),
            duration_text=self.duration.text(), format=self.format.currentData(), number_symbol=self.number.text(),
            contact_text=self.contact.text(), **texts)

    def handle_error(self, exc: Exception) -> bool:
        if not isinstance(exc, StaleEditError):
            return False
        self.stale_dialog = dialog = StaleEditDialog(exc, self)
        fields = [clash.field for clash in exc.clashes]
        dialog.accepted.connect(lambda: self._answer_stale(dialog.choice, fields))
        dialog.open()
        return True

    def _answer_stale(self, choice: str | None, fields: list[str]) -> None:
        if choice == StaleEditDialog.OVERWRITE:
            self.submit(self._save(overwrite=True))
        elif choice == StaleEditDialog.KEEP_THEIRS:
            conference_id = self.existing.id
            self.ops.read(lambda session: conf.get_conference(session, conference_id),
                          lambda fresh: self._take_theirs(fresh, fields))

    def _take_theirs(self, fresh: conf.ConferenceData, fields: list[str]) -> None:
        """The form now starts from the row as saved, showing the other person's values in the fields they
        changed and in those this user left alone; what this user changed elsewhere stays typed, saved by the
        next Save."""
        typed, started = self._input(), self.existing
        untouched = [f.name for f in dataclasses.fields(typed) if getattr(typed, f.name) == getattr(started, f.name)]
        self.existing = fresh
        self._show(fresh, [*fields, *untouched])
        self.notice.setText(self.tr("Đã lấy bản của người khác cho: {fields}. Bấm Lưu để lưu các thay đổi còn lại "
                                    "của bạn.").format(fields=", ".join(
                                        QCoreApplication.translate("Fields", conf.FIELD_LABELS.get(f, f))
                                        for f in fields)))
        self.notice.show()

    def _show(self, data: conf.ConferenceData, fields: list[str]) -> None:
        """Put these fields of the conference into the form (when it opens, and when taking someone else's)."""
        for field in fields:
            value = getattr(data, field)
            if field in self.texts:
                self.texts[field].setPlainText(value or "")
            elif field == "starts_at" and value is not None:
                self.when.setDateTime(_qdatetime(value))
            elif field == "format":
                self.format.setCurrentIndex(max(self.format.findData(value), 0))
            elif field in self.line_edits:
                self.line_edits[field].setText(value or "")


def _recipient(line: str) -> conf.RecipientData:
    """"Thường trực Tỉnh ủy (b/c)" → the text and its purpose, as the distribution list stores them."""
    text = line.strip().rstrip(";")
    if text.endswith(")") and "(" in text:
        head, _, purpose = text[:-1].rpartition("(")
        if len(purpose) <= 10:
            return conf.RecipientData(head.strip(), purpose.strip())
    return conf.RecipientData(text)


class VenueDialog(ServiceDialog):
    """A venue: the main hall or a bridge site, with who chairs it (an organization or person from the catalogue,
    or words as printed)."""

    def __init__(self, ops: DatabaseOps, conference_id: str, candidates: Sequence[Candidate],
                 parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.conference_id = conference_id
        self.setWindowTitle(self.tr("Thêm điểm cầu"))
        self.kind = QComboBox()
        for code in VENUE_KIND_LABELS:
            self.kind.addItem(label(VENUE_KIND_LABELS, code), code)
        self.kind.setCurrentIndex(1)
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.chair = ReferencePicker()
        self.chair.set_candidates(candidates)
        form = QFormLayout()
        form.addRow(self.tr("Loại:"), self.kind)
        form.addRow(self.tr("Tên điểm cầu:"), self.name)
        form.addRow(self.tr("Địa chỉ:"), self.address)
        form.addRow(self.tr("Chủ trì:"), self.chair)
        self.error_label = error = _error_label()
        buttons = _buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.bind_form(buttons, error, {"kind": self.kind, "name": self.name, "address": self.address,
                                        "chair": self.chair})

    def save_fn(self) -> WriteFn:
        data = ven.VenueInput(self.name.text(), self.kind.currentData(), self.address.text(),
                              chair=self.chair.reference() or Reference())
        cid = self.conference_id
        return lambda session: ven.add_venue(session, cid, data)


class AgendaDialog(ServiceDialog):
    """An agenda item: time (optional), what, who presents (from the catalogue or words as printed), minutes."""

    def __init__(self, ops: DatabaseOps, conference_id: str, candidates: Sequence[Candidate],
                 parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.conference_id = conference_id
        self.setWindowTitle(self.tr("Thêm mục chương trình"))
        self.time = QLineEdit()
        self.time.setPlaceholderText("14:00")
        self.title = QLineEdit()
        self.presenter = ReferencePicker()
        self.presenter.set_candidates(candidates)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setSpecialValueText("—")
        form = QFormLayout()
        form.addRow(self.tr("Giờ:"), self.time)
        form.addRow(self.tr("Nội dung:"), self.title)
        form.addRow(self.tr("Người thực hiện:"), self.presenter)
        form.addRow(self.tr("Số phút:"), self.minutes)
        self.error_label = error = _error_label()
        buttons = _buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.bind_form(buttons, error, {"start_time": self.time, "title": self.title, "presenter": self.presenter,
                                        "duration_minutes": self.minutes})

    def save_fn(self) -> WriteFn:
        data = ven.AgendaItemInput(self.title.text(), self.time.text(), self.minutes.value() or None,
                                   self.presenter.reference() or Reference())
        cid = self.conference_id
        return lambda session: ven.add_agenda_item(session, cid, data)


class PickDialog(ServiceDialog):
    """Choose several items from a list filtered as you type (organizations from the catalogue, a board)."""

    def __init__(self, ops: DatabaseOps, title: str, items: Sequence[tuple[str, str]],
                 make_write: Callable[[list[str]], WriteFn], many: bool = True, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.setWindowTitle(title)
        self._make_write = make_write
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Lọc, gõ không dấu cũng được"))
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection if many
                                   else QListWidget.SelectionMode.SingleSelection)
        for text, item_id in items:
            entry = QListWidgetItem(text)
            entry.setData(256, item_id)
            entry.setData(257, fold(text))
            self.list.addItem(entry)
        self.filter.textChanged.connect(self._filter)
        self.error_label = error = _error_label()
        buttons = _buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self.bind_form(buttons, error, {"ref": self.list, "organization_id": self.list})

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(w in item.data(257) for w in words))

    def save_fn(self) -> WriteFn:
        chosen = [item.data(256) for item in self.list.selectedItems() if not item.isHidden()]
        if not chosen:
            raise ValidationError(self.tr("Hãy chọn ít nhất một dòng."), "ref")
        return self._make_write(chosen)


def organization_items(organizations: Sequence[OrganizationData]) -> list[tuple[str, str]]:
    return [(o.name, o.id) for o in organizations]


class PresentationDialog(ServiceDialog):
    def __init__(self, ops: DatabaseOps, conference_id: str, organizations: Sequence[OrganizationData],
                 parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.conference_id = conference_id
        self.setWindowTitle(self.tr("Thêm tham luận"))
        self.org = QComboBox()
        self.org.addItem("—", None)
        for o in organizations:
            self.org.addItem(o.name, o.id)
        self.topic = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 60)
        self.minutes.setValue(prep.DEFAULT_PRESENTATION_MINUTES)
        self.due = _optional_date_edit()
        form = QFormLayout()
        form.addRow(self.tr("Cơ quan:"), self.org)
        form.addRow(self.tr("Chủ đề:"), self.topic)
        form.addRow(self.tr("Tối đa (phút):"), self.minutes)
        form.addRow(self.tr("Hạn gửi bài:"), self.due)
        self.error_label = error = _error_label()
        buttons = _buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.bind_form(buttons, error, {"organization_id": self.org, "topic": self.topic, "max_minutes": self.minutes})

    def save_fn(self) -> WriteFn:
        data = prep.PresentationInput(self.org.currentData(), self.topic.text(), self.minutes.value(),
                                      _date_or_none(self.due))
        cid = self.conference_id
        return lambda session: prep.add_presentation(session, cid, data)


class DutyDialog(ServiceDialog):
    def __init__(self, ops: DatabaseOps, conference_id: str, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.conference_id = conference_id
        self.setWindowTitle(self.tr("Thêm nhiệm vụ chuẩn bị"))
        self.who = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(80)
        self.due = _optional_date_edit()
        form = QFormLayout()
        form.addRow(self.tr("Cơ quan thực hiện:"), self.who)
        form.addRow(self.tr("Nội dung:"), self.content)
        form.addRow(self.tr("Hạn hoàn thành:"), self.due)
        self.error_label = error = _error_label()
        buttons = _buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.bind_form(buttons, error, {"organization_id": self.who, "content": self.content})

    def save_fn(self) -> WriteFn:
        data = prep.DutyInput(self.content.toPlainText(), organization_text=self.who.text(),
                              due_on=_date_or_none(self.due))
        cid = self.conference_id
        return lambda session: prep.add_duty(session, cid, data)


@dataclasses.dataclass(frozen=True)
class ExportChoice:
    what: str
    fmt: str
    per: str
    path: str


class ExportDialog(ServiceDialog):
    """Which document, which format, where (the file dialog opens from here)."""

    FORMATS = (("pdf", "PDF"), ("docx", "Word (DOCX)"), ("xlsx", "Excel (XLSX)"))
    TABULAR = ("attendees", "programme")

    def __init__(self, ops: DatabaseOps, folder: str, stem: str, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.setWindowTitle(self.tr("Xuất văn bản hội nghị"))
        self.folder, self.stem = folder, stem
        self.what = QComboBox()
        for code in KINDS:
            self.what.addItem(document_label(code), code)
        self.fmt = QComboBox()
        self.per = QComboBox()
        self.per.addItem(self.tr("Mỗi đại biểu một trang"), "invitee")
        self.per.addItem(self.tr("Mỗi cơ quan một trang"), "organization")
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Văn bản:"), self.what)
        form.addRow(self.tr("Định dạng:"), self.fmt)
        form.addRow(self.tr("Giấy mời:"), self.per)
        form.addRow(self.tr("Lưu vào:"), where)
        self.error_label = error = _error_label()
        buttons = _buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.what.currentIndexChanged.connect(self._what_changed)
        self.fmt.currentIndexChanged.connect(self._suggest_path)
        self.bind_form(buttons, error, {"path": self.path, "format": self.fmt})
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Xuất"))
        self._what_changed()

    def _what_changed(self) -> None:
        what = self.what.currentData()
        current = self.fmt.currentData()
        self.fmt.blockSignals(True)
        self.fmt.clear()
        for code, caption in self.FORMATS:
            if code != "xlsx" or what in self.TABULAR:
                self.fmt.addItem(caption, code)
        index = self.fmt.findData(current)
        self.fmt.setCurrentIndex(max(index, 0))
        self.fmt.blockSignals(False)
        self.per.setEnabled(what == "invitations")
        self._suggest_path()

    def _suggest_path(self) -> None:
        self.path.setText(f"{self.folder}/{self.what.currentData()}-{self.stem}.{self.fmt.currentData()}")

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu văn bản"), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def save_fn(self) -> WriteFn | None:
        path = self.path.text().strip()
        if not path:
            raise ValidationError(self.tr("Hãy chọn nơi lưu tệp."), "path")
        self.finish(ExportChoice(self.what.currentData(), self.fmt.currentData(), self.per.currentData(), path))
        return None
