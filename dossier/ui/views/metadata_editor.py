"""The metadata editor under the reader: correct what analysis found about the current document.

The editor never writes anything itself. Apply (or Enter in a field) emits `apply_requested`
with the fields that changed; the window turns that into one undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.dates import PartialDate
from dossier.domain.records import MARKINGS, DocumentDetail, DocumentKind, DocumentMetadata
from dossier.ui.style import theme
from dossier.ui.views.fields import DateField, NameListEdit, name_completer, same_date

USER_SET_TIP = "You set this; re-analysis will keep it."
FIELD_LABELS = {
    "title": "Title", "date": "Date", "kind": "Kind", "sender": "From", "recipients": "To", "cc": "Cc",
    "reference": "Reference", "marking": "Marking",
}


class MetadataEditor(QWidget):
    apply_requested = Signal(int, dict)  # document id, {field: new value}
    proposal_requested = Signal(int)  # document id: propose a date from the document's own evidence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._detail: DocumentDetail | None = None
        self.names = QStringListModel(self)

        self._build_fields()
        self._build_layout()
        self._connect()

    def _build_fields(self) -> None:
        """The heading, the editable fields and the Revert and Apply buttons."""
        self.heading = QLabel("Details", self)
        self.heading.setObjectName("sectionTitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("fieldName")
        self.title = self._line("titleEdit")
        self.date = DateField(self)
        self.propose_button = QPushButton("Propose", self)
        self.propose_button.setObjectName("proposeDate")
        self.propose_button.setToolTip("Propose a date range from the events this document refers to "
                                       "and the deadlines it sets")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindCombo")
        for kind in DocumentKind:
            self.kind.addItem(kind.value.capitalize(), kind.value)
        self.sender_edit = self._line("senderEdit")
        self.sender_edit.setCompleter(name_completer(self.names, self.sender_edit))
        self.recipients = NameListEdit(self.names, self)
        self.recipients.setObjectName("recipientsEdit")
        self.cc = NameListEdit(self.names, self)
        self.cc.setObjectName("ccEdit")
        for names_edit in (self.recipients, self.cc):
            names_edit.setPlaceholderText("Names, separated by commas")
        self.reference = self._line("referenceEdit")
        self.marking = QComboBox(self)
        self.marking.setObjectName("markingCombo")
        self.marking.addItem("None", "")
        for marking in MARKINGS:
            self.marking.addItem(marking, marking)
        self.error = QLabel(self)
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        self.revert_button = QPushButton("Revert", self)
        self.apply_button = QPushButton("Apply", self)
        self.apply_button.setObjectName("primary")
        self.apply_button.setDefault(True)
        self.apply_button.setToolTip("Save the changed fields (Enter). Undo with Edit ▸ Undo.")

    def _build_layout(self) -> None:
        """The fields in a grid of two columns, under a heading row with the buttons."""
        self._captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnMinimumWidth(2, 70)
        self._place(grid, "title", self.title, 0, 0, span=3)
        date_row = QWidget(self)
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.setSpacing(6)
        date_layout.addWidget(self.date, 1)
        date_layout.addWidget(self.propose_button)
        self._place(grid, "date", date_row, 1, 0)
        self._place(grid, "kind", self.kind, 1, 2)
        self._place(grid, "sender", self.sender_edit, 2, 0)
        self._place(grid, "marking", self.marking, 2, 2)
        self._place(grid, "recipients", self.recipients, 3, 0)
        self._place(grid, "reference", self.reference, 3, 2)
        self._place(grid, "cc", self.cc, 4, 0)

        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.heading)
        head.addSpacing(6)
        head.addWidget(self.hint)
        head.addStretch(1)
        head.addWidget(self.revert_button)
        head.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _connect(self) -> None:
        """Edits update the buttons; Enter applies."""
        for edit in (self.title, self.sender_edit, self.reference, self.recipients, self.cc):
            edit.textEdited.connect(self._update_state)
            edit.returnPressed.connect(self.apply)
        self.date.edited.connect(self._update_state)
        self.date.returnPressed.connect(self.apply)
        self.kind.activated.connect(self._update_state)
        self.marking.activated.connect(self._update_state)
        self.apply_button.clicked.connect(self.apply)
        self.revert_button.clicked.connect(self.revert)
        self.propose_button.clicked.connect(self._request_proposal)
        self.load(None)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAcceptDrops(False)
        return edit

    def _place(self, grid: QGridLayout, field: str, widget: QWidget, row: int, column: int, span: int = 1) -> None:
        caption = QLabel(FIELD_LABELS[field], self)
        caption.setObjectName("fieldName")
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        caption.setBuddy(widget)
        grid.addWidget(caption, row, column)
        grid.addWidget(widget, row, column + 1, 1, span)
        self._captions[field] = caption

    # -- public ----------------------------------------------------------------------------------
    @property
    def document_id(self) -> int | None:
        return self._detail.row.id if self._detail else None

    def set_actor_names(self, names: list[str]) -> None:
        self.names.setStringList(names)

    def load(self, detail: DocumentDetail | None) -> None:
        """Show a document's metadata (or nothing) and forget any unsaved change."""
        self._detail = detail
        meta = detail.metadata if detail else DocumentMetadata()
        self.title.setText(meta.title or "")
        self.date.set_date(meta.date)
        self.kind.setCurrentIndex(max(0, self.kind.findData(meta.kind.value)))
        self.sender_edit.setText(meta.sender or "")
        self.recipients.set_names(meta.recipients)
        self.cc.set_names(meta.cc)
        self.reference.setText(meta.reference or "")
        self.marking.setCurrentIndex(max(0, self.marking.findData(meta.marking or "")))
        for edit in (self.title, self.sender_edit, self.recipients, self.cc, self.reference, self.date.line):
            edit.setCursorPosition(0)  # show the start of a long value, not its end
        user_set = detail.user_set if detail else frozenset()
        for field, caption in self._captions.items():
            mine = field in user_set
            caption.setText(FIELD_LABELS[field] + (" •" if mine else ""))
            caption.setStyleSheet(f"color: {theme.ACCENT.name()};" if mine else "")
            caption.setToolTip(USER_SET_TIP if mine else "")
        self.hint.setText(f"D{detail.row.id}  ·  • set by you" if detail and user_set else
                          f"D{detail.row.id}" if detail else "No document selected")
        self.setEnabled(detail is not None)
        self.propose_button.setVisible(detail is not None and meta.date is None)
        self.show_error("")
        self._update_state()

    def offer_date(self, date: PartialDate | None, reasons: Sequence[str]) -> None:
        """Put a proposed date in the date field; Apply saves it (and Undo takes it back)."""
        if date is None:
            self.show_error("The text gives no dated evidence to propose a date from.")
            return
        self.date.set_date(date)
        self.date.line.setToolTip("Proposed: " + "; ".join(reasons))
        self._update_state()

    def _request_proposal(self) -> None:
        if self._detail is not None:
            self.proposal_requested.emit(self._detail.row.id)

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the loaded document. Raises ValueError for an unreadable date."""
        if self._detail is None:
            return {}
        meta = self._detail.metadata
        new: dict[str, Any] = {}
        date = self.date.date()
        if not same_date(date, meta.date):
            new["date"] = date
        text_fields = {"title": self.title, "sender": self.sender_edit, "reference": self.reference}
        for field, edit in text_fields.items():
            value = edit.text().strip() or None
            if value != getattr(meta, field):
                new[field] = value
        kind = DocumentKind(self.kind.currentData())
        if kind is not meta.kind:
            new["kind"] = kind
        marking = self.marking.currentData() or None
        if marking != meta.marking:
            new["marking"] = marking
        for field, names in (("recipients", self.recipients), ("cc", self.cc)):
            if names.names() != getattr(meta, field):
                new[field] = names.names()
        return new

    def apply(self) -> None:
        if self._detail is None:
            return
        try:
            changes = self.changes()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        if changes:
            self.apply_requested.emit(self._detail.row.id, changes)

    def revert(self) -> None:
        self.load(self._detail)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # -- internals -------------------------------------------------------------------------------
    def _update_state(self, *_args: object) -> None:
        try:
            dirty = bool(self.changes())
            self.show_error("")
        except ValueError as exc:
            dirty = False
            self.show_error(str(exc))
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty or not self.date.is_valid())
