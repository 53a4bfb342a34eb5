"""Dialogs of the actions view: edit or add an action, and mark one done (or superseded, withdrawn).

Opened with open(); the owner acts on `accepted`. They validate what was typed and hand back plain
values (ActionFields, a status, a note, a document id); they never call a service themselves.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.dates import PartialDate, Qualifier
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import ActionFields
from dossier.services.dates import parse_user_date
from dossier.ui.dialogs.host import ok_cancel
from dossier.ui.models.documents_model import TITLE, DocumentChoiceModel
from dossier.ui.views.fields import name_completer

Resolve = Callable[[str], int | None]  # an actor's id from a name or alias, if the dossier knows it
QUALIFIERS: tuple[tuple[str, Qualifier | None], ...] = (
    ("—", None), ("by", Qualifier.BY), ("end", Qualifier.END), ("early", Qualifier.EARLY),
    ("mid", Qualifier.MID), ("late", Qualifier.LATE))
DUE_HINT = "Cannot read the due date. Write it as 14/09/2021, 14 September 2021, May 2021 or 2021."
_LEAD = re.compile(r"^\s*(?:(by)\s+)?(?:the\s+)?(?:(end|early|mid|late)(?:\s+of)?\s+)?(.*?)\s*$", re.IGNORECASE)


def parse_due(text: str, qualifier: Qualifier | None) -> PartialDate | None:
    """A due date as typed ("by end May 2014", "22/07/2014"); the qualifier chosen wins over words.

    Raises ValueError when the date cannot be read; empty text is no due date.
    """
    if not text.strip():
        return None
    m = _LEAD.match(text)
    by, part, rest = (m.group(1), m.group(2), m.group(3)) if m else (None, None, text)
    date = parse_user_date(rest)
    if date is None:
        raise ValueError(DUE_HINT)
    if qualifier is None:
        qualifier = Qualifier(part.lower()) if part else Qualifier.BY if by else None
    return PartialDate(date.value, date.precision, qualifier, " ".join(text.split()))


def note_edit(parent: QWidget, text: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text, parent)
    edit.setObjectName("noteEdit")
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("inlineError")
    label.setWordWrap(True)
    label.hide()
    return label


class ActionDialog(QDialog):
    """Type, summary, owner, addressed to, due date (with a qualifier) and status of one action."""

    def __init__(self, title: str, names: Sequence[str], resolve: Resolve, *, fields: ActionFields | None = None,
                 owner: str = "", addressed_to: str = "", summary: str = "", source: str = "",
                 set_date: PartialDate | None = None, ok_text: str = "Save", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._resolve = resolve
        self._original = fields
        self._set_date = fields.set_date if fields else set_date
        self._names = QStringListModel(list(names), self)

        self.type = QComboBox(self)
        self.type.setObjectName("typeCombo")
        for t in ActionType:
            self.type.addItem(t.value.capitalize(), t)
        self.summary = note_edit(self, fields.summary if fields else " ".join(summary.split()))
        self.summary.setObjectName("summaryEdit")
        self.owner = self._name_edit(owner, "ownerEdit")
        self.addressed_to = self._name_edit(addressed_to, "addressedEdit")
        self.due = QLineEdit(self)
        self.due.setObjectName("dueEdit")
        self.due.setPlaceholderText("e.g. 22/07/2014, May 2014")
        self.qualifier = QComboBox(self)
        self.qualifier.setObjectName("qualifierCombo")
        self.qualifier.setToolTip("by 22 Jul 2014 · end May 2014 · early / mid / late Jun 2014")
        for label, q in QUALIFIERS:
            self.qualifier.addItem(label, q)
        due_row = QHBoxLayout()
        due_row.setSpacing(6)
        due_row.addWidget(self.qualifier)
        due_row.addWidget(self.due, 1)
        self.status = QComboBox(self)
        self.status.setObjectName("statusCombo")
        for s in ActionStatus:
            self.status.addItem(s.value.capitalize(), s)
        self.error = error_label(self)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(8)
        if source:
            source_label = QLabel(source, self)
            source_label.setObjectName("fieldName")
            form.addRow("Source", source_label)
        form.addRow("Type", self.type)
        form.addRow("Summary", self.summary)
        form.addRow("Owner", self.owner)
        form.addRow("Addressed to", self.addressed_to)
        form.addRow("Due", due_row)
        form.addRow("Status", self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, ok_text))
        self._load(fields)

    def _name_edit(self, text: str, name: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setPlaceholderText("A name from the who's who")
        edit.setCompleter(name_completer(self._names, edit))
        return edit

    def _load(self, fields: ActionFields | None) -> None:
        kind = fields.type if fields else ActionType.OTHER
        self.type.setCurrentIndex(self.type.findData(kind))
        status = fields.status if fields else ActionStatus.OPEN
        self.status.setCurrentIndex(self.status.findData(status))
        due = fields.due if fields else None
        self.qualifier.setCurrentIndex(max(0, self.qualifier.findData(due.qualifier if due else None)))
        self.due.setText(PartialDate(due.value, due.precision).display() if due else "")
        self._initial_due = (self.due.text(), self.qualifier.currentIndex())

    # -- results ---------------------------------------------------------------------------------
    def due_value(self) -> PartialDate | None:
        if self._original is not None and (self.due.text(), self.qualifier.currentIndex()) == self._initial_due:
            return self._original.due  # untouched: keep it as written
        return parse_due(self.due.text(), self.qualifier.currentData())

    def _actor(self, edit: QLineEdit, role: str) -> int | None:
        name = " ".join(edit.text().split())
        if not name:
            return None
        actor_id = self._resolve(name)
        if actor_id is None:
            raise ValueError(f"No one called “{name}” is in the who's who. Choose the {role} from the list.")
        return actor_id

    def result_fields(self) -> ActionFields:
        """The action as filled in; raises ValueError saying what is wrong."""
        summary = " ".join(self.summary.toPlainText().split())
        if not summary:
            raise ValueError("Write what is to be done.")
        base = self._original or ActionFields(
            type=ActionType.OTHER, summary="", owner_id=None, addressed_to_id=None, due=None,
            set_date=self._set_date, status=ActionStatus.OPEN, status_note=None, status_document_id=None)
        status = ActionStatus(self.status.currentData())
        return dataclasses.replace(
            base, type=ActionType(self.type.currentData()), summary=summary, due=self.due_value(),
            owner_id=self._actor(self.owner, "owner"), addressed_to_id=self._actor(self.addressed_to, "addressee"),
            status=status, **({} if status is not ActionStatus.OPEN else {"status_note": None,
                                                                          "status_document_id": None}))

    def accept(self) -> None:
        try:
            self.result_fields()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class MarkDoneDialog(QDialog):
    """Close an action: done, superseded or withdrawn, with a note and the document that did it."""

    CLOSING = (ActionStatus.DONE, ActionStatus.SUPERSEDED, ActionStatus.WITHDRAWN)

    def __init__(self, summary: str, documents: DocumentChoiceModel, current_document_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark Action Done")
        self.setMinimumWidth(560)
        heading = QLabel(" ".join(summary.split()), self)
        heading.setWordWrap(True)
        heading.setObjectName("sectionTitle")
        self.status = QComboBox(self)
        self.status.setObjectName("statusCombo")
        for s in self.CLOSING:
            self.status.addItem(s.value.capitalize(), s)
        self.use_document = QCheckBox("Fulfilled by", self)
        self.document = QComboBox(self)
        self.document.setObjectName("documentCombo")
        self.document.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.document.setMinimumContentsLength(40)
        self.document.setModel(documents)
        self.document.setModelColumn(TITLE)
        view = self.document.view()
        if hasattr(view, "setUniformItemSizes"):
            view.setUniformItemSizes(True)
        self.documents = documents
        self.note = note_edit(self)
        self.note.setPlaceholderText("e.g. Report received; see the letter of 14 September")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(8)
        form.addRow("Status", self.status)
        form.addRow(self.use_document, self.document)
        form.addRow("Note", self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "Mark"))
        self.status.currentIndexChanged.connect(self._retitle)
        self.use_document.toggled.connect(self.document.setEnabled)
        self.set_document(current_document_id)

    def _retitle(self, _index: int = 0) -> None:
        self.setWindowTitle(f"Mark Action {self.status_value().value.capitalize()}")

    def set_document(self, document_id: int | None) -> None:
        row = self.documents.row_of(document_id) if document_id is not None else None
        self.use_document.setChecked(row is not None)
        self.document.setEnabled(row is not None)
        if row is not None:
            self.document.setCurrentIndex(row)

    def status_value(self) -> ActionStatus:
        return ActionStatus(self.status.currentData())

    def set_status(self, status: ActionStatus) -> None:
        self.status.setCurrentIndex(self.status.findData(status))

    def note_value(self) -> str | None:
        return " ".join(self.note.toPlainText().split()) or None

    def document_id(self) -> int | None:
        if not self.use_document.isChecked() or self.document.currentIndex() < 0:
            return None
        return self.documents.id_at(self.document.currentIndex())
