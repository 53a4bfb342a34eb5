"""Dialogs of the chronology view: add an own entry, and compare two entries whose dates disagree.

Opened with open(); the owner acts on `accepted` (or on `resolve_requested`). They hand back plain
values and never call a service themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.chronology import ChronologyRow, EntryFields, EntryKind, EntrySource
from dossier.ui.dialogs.action_dialogs import error_label, note_edit
from dossier.ui.dialogs.host import ok_cancel
from dossier.ui.models.chronology_model import KIND_LABEL
from dossier.ui.style import icons
from dossier.ui.views.fields import DateField, NameListEdit

SentenceOf = Callable[[EntrySource], str]  # the words of a source's passage ("" if it has none)


class AddEntryDialog(QDialog):
    """The user's own entry: a date as people write it (any precision, or none), words, actors."""

    def __init__(self, actor_names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add Chronology Entry")
        self.setMinimumWidth(520)
        self._names = QStringListModel(list(actor_names), self)
        self.date = DateField(self)
        self.date.line.setPlaceholderText("e.g. 14/09/2021, Sep 2021, 2021")
        self.date.line.setToolTip("Any precision: a day, a month or a year; leave it blank for an undated entry")
        self.description = note_edit(self, lines=3)
        self.description.setObjectName("descriptionEdit")
        self.description.setPlaceholderText("What happened, or what is to happen")
        self.actors = NameListEdit(self._names, self)
        self.actors.setObjectName("actorsEdit")
        self.actors.setPlaceholderText("Names, separated by commas")
        kind = QLabel(KIND_LABEL[EntryKind.OWN], self)
        kind.setObjectName("fieldName")
        self.error = error_label(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(8)
        form.addRow("Date", self.date)
        form.addRow("Event", self.description)
        form.addRow("Actors", self.actors)
        form.addRow("Kind", kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, "Add"))
        self.date.line.setFocus()

    def result_fields(self) -> EntryFields:
        """The entry as filled in; raises ValueError saying what is wrong."""
        date = self.date.date()
        description = " ".join(self.description.toPlainText().split())
        if not description:
            raise ValueError("Write what happened.")
        return EntryFields(date, description, EntryKind.OWN, self.actors.names())

    def accept(self) -> None:
        try:
            self.result_fields()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class EntryCard(QFrame):
    """One entry, as the compare dialog shows it: date, words, actors, and each source's passage."""

    def __init__(self, title: str, row: ChronologyRow, sentence_of: SentenceOf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryCard")
        self.row = row
        heading = QLabel(title, self)
        heading.setObjectName("fieldName")
        self.date = QLabel(row.date.display() if row.date else "Undated", self)
        self.date.setObjectName("cardDate")
        self.description = QLabel(" ".join(row.description.split()), self)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        meta = [KIND_LABEL[row.kind]]
        if row.actors:
            meta.append(", ".join(row.actors))
        self.meta = QLabel("  ·  ".join(meta), self)
        self.meta.setObjectName("fieldName")
        self.meta.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.date)
        layout.addWidget(self.description)
        layout.addWidget(self.meta)
        self.sources: list[QLabel] = []
        for source in row.sources:
            sentence = " ".join(sentence_of(source).split())
            text = f"<b>{source.citation()}</b> {_html(source.title)}"
            if sentence and sentence != " ".join(row.description.split()):  # not the same words twice
                text += f"<br><span style='color:#6f7785'>“{_html(sentence)}”</span>"
            label = QLabel(text, self)
            label.setObjectName("cardSource")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.sources.append(label)
        layout.addStretch(1)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CompareDialog(QDialog):
    """Two entries side by side; a note marks their disagreement resolved."""

    resolve_requested = Signal(str, str, str)  # key, other key, note

    def __init__(self, row: ChronologyRow, others: Sequence[ChronologyRow], sentence_of: SentenceOf,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare Entries")
        self.setMinimumWidth(760)
        self.row = row
        self._others = list(others)
        self._sentence_of = sentence_of
        intro = QLabel("These entries look like one event, but their sources date it differently.", self)
        intro.setWordWrap(True)
        warn = QLabel(self)
        warn.setPixmap(icons.conflict_icon().pixmap(18, 18))
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(warn)
        top.addWidget(intro, 1)
        self.other = QComboBox(self)
        self.other.setObjectName("otherEntry")
        for other in self._others:
            self.other.addItem(f"{other.date.display() if other.date else 'Undated'} — "
                               f"{' '.join(other.description.split())[:70]}", other.key)
        self.other.setVisible(len(self._others) > 1)
        self.cards = QGridLayout()
        self.cards.setHorizontalSpacing(12)
        self.left = EntryCard("This entry", row, sentence_of, self)
        self.right: EntryCard | None = None
        self.cards.addWidget(self.left, 0, 0)
        self.note = QLineEdit(self)
        self.note.setObjectName("resolveNote")
        self.note.setPlaceholderText("Which date is right, and why (e.g. the minutes confirm the later date)")
        self.resolve_button = QPushButton("Mark Resolved", self)
        self.resolve_button.setObjectName("primary")
        self.resolve_button.setEnabled(False)
        self.resolve_button.setToolTip("Keep both entries and record why their dates differ (undoable)")
        resolve_row = QFormLayout()
        resolve_row.addRow("Note", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.other)
        layout.addLayout(self.cards, 1)
        layout.addLayout(resolve_row)
        layout.addWidget(buttons)
        self.setStyleSheet("QFrame#entryCard { background: #ffffff; border: 1px solid #dfe2e7; border-radius: 6px; }"
                           "QLabel#cardDate { color: #b26a00; font-weight: 600; font-size: 13pt; }")
        self.note.textChanged.connect(lambda text: self.resolve_button.setEnabled(bool(text.strip())))
        self.resolve_button.clicked.connect(self.resolve)
        self.other.currentIndexChanged.connect(self._show_other)
        self._show_other(0)

    def other_key(self) -> str | None:
        return self.other.currentData()

    def _show_other(self, index: int) -> None:
        if self.right is not None:
            self.cards.removeWidget(self.right)
            self.right.deleteLater()
            self.right = None
        if 0 <= index < len(self._others):
            self.right = EntryCard("Dated differently by", self._others[index], self._sentence_of, self)
            self.cards.addWidget(self.right, 0, 1)

    def resolve(self) -> None:
        note = " ".join(self.note.text().split())
        other = self.other_key()
        if not note or other is None:
            return
        self.resolve_requested.emit(self.row.key, other, note)
        self.accept()
