"""The Annotate dialog: the quoted words, a highlight colour, a note and free tags."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.annotations import AnnotationFields, Colour
from dossier.ui.dialogs.host import ok_cancel
from dossier.ui.style import theme


def colour_icon(colour: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(theme.ANNOTATION_CHIP[colour])
    painter.setBrush(theme.ANNOTATION_FILL[colour])
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 4, 4)
    painter.end()
    return QIcon(pixmap)


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


class _TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma."""

    def pathFromIndex(self, index) -> str:
        edit = self.widget()
        text = edit.text() if isinstance(edit, QLineEdit) else ""
        done = text.rsplit(",", 1)[0] if "," in text else ""
        tag = super().pathFromIndex(index)
        return f"{done}, {tag}" if done else tag

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]


class AnnotationDialog(QDialog):
    def __init__(self, title: str, quote: str, known_tags: Sequence[str], fields: AnnotationFields | None = None,
                 *, ok_text: str = "Annotate", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        fields = fields or AnnotationFields()

        self.quote = QLabel(self)
        self.quote.setObjectName("quote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        words = " ".join(quote.split())
        self.quote.setText(f"“{words if len(words) <= 400 else words[:399] + '…'}”")
        self.quote.setStyleSheet(
            f"QLabel#quote {{ font-style: italic; color: {theme.INK.name()}; background: #fbfaf5; "
            f"border-left: 3px solid {theme.ANNOTATION_CHIP[fields.colour.value].name()}; padding: 8px 10px; }}")

        self.colours = QButtonGroup(self)
        swatches = QHBoxLayout()
        swatches.setSpacing(4)
        for n, colour in enumerate(Colour):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setIcon(colour_icon(colour.value, 18))
            button.setToolTip(f"{colour.value.capitalize()} (Alt+{n + 1})")
            button.setShortcut(QKeySequence(f"Alt+{n + 1}"))
            button.setAutoRaise(True)
            button.setProperty("colour", colour.value)
            self.colours.addButton(button, n)
            swatches.addWidget(button)
            if colour is fields.colour:
                button.setChecked(True)
        swatches.addStretch(1)

        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText("Why this matters, what to ask, what to check…")
        self.note.setTabChangesFocus(True)
        self.note.setPlainText(fields.note)
        self.note.setMinimumHeight(110)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText("funding, unidentified risk")
        self.tags.setText(", ".join(fields.tags))
        completer = _TagCompleter(QStringListModel(sorted(known_tags, key=str.casefold), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tags.setCompleter(completer)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("Colour", swatches)
        form.addRow("Note", self.note)
        form.addRow("Tags", self.tags)
        hint = QLabel("Separate tags with commas. Ctrl+Return saves.", self)
        hint.setObjectName("fieldName")
        form.addRow("", hint)
        buttons = ok_cancel(self, ok_text)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()

    def fields(self) -> AnnotationFields:
        checked = self.colours.checkedButton()
        colour = Colour(checked.property("colour")) if checked else Colour.YELLOW
        return AnnotationFields(colour, self.note.toPlainText().strip(), split_tags(self.tags.text()))

    def set_colour(self, colour: Colour) -> None:
        for button in self.colours.buttons():
            button.setChecked(button.property("colour") == colour.value)


