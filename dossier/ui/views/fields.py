"""Input widgets for the metadata editor: a partial-date field and a comma-separated names field."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QWidget

from dossier.domain.dates import PartialDate, Precision
from dossier.services.dates import parse_user_date

DATE_HINT = "Cannot read this date. Write it as 27/03/2014, March 2014 or 2014."
_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR)
_RANK = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}


def truncate(date: PartialDate, precision: Precision) -> PartialDate:
    """The same date told only to `precision` (which must not be finer than the date's own)."""
    if _RANK[precision] >= _RANK[date.precision]:
        return date
    length = 4 if precision is Precision.YEAR else 7
    end = date.end_value[:length] if date.end_value else None
    cut = PartialDate(date.value[:length], precision, date.qualifier, "", end)
    return PartialDate(cut.value, precision, date.qualifier, cut.display(), end)


def same_date(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Equal as dates: the words they were written in do not matter."""
    if a is None or b is None:
        return a is b
    return (a.value, a.precision, a.qualifier, a.end_value) == (b.value, b.precision, b.qualifier, b.end_value)


class DateField(QWidget):
    """A line edit that reads dates as people write them, and a day/month/year precision combo.

    The combo shows the precision of what was typed; it can make the date coarser (27 Mar 2014 ->
    Mar 2014), never finer than what was typed.
    """

    edited = Signal()
    validity_changed = Signal(bool)
    returnPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setObjectName("dateEdit")
        self.line.setPlaceholderText("e.g. 27/03/2014, March 2014, 2014")
        self.line.setAcceptDrops(False)
        self.precision = QComboBox(self)
        self.precision.setObjectName("precisionCombo")
        for p in _PRECISIONS:
            self.precision.addItem(p.value.capitalize(), p)
        self.precision.setToolTip("How precisely the date is known")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.precision)
        self._typed: PartialDate | None = None  # the date as typed, at its own precision
        self._current: PartialDate | None = None  # the date after the precision combo
        self._valid = True
        self.line.textEdited.connect(self._on_text_edited)
        self.line.returnPressed.connect(self.returnPressed)
        self.precision.activated.connect(self._on_precision)
        self._sync_combo()

    # -- public ----------------------------------------------------------------------------------
    def set_date(self, date: PartialDate | None) -> None:
        self._typed = self._current = date
        self.line.setText(date.display() if date else "")
        self._set_valid(True)
        self._sync_combo()

    def date(self) -> PartialDate | None:
        """The date as it stands; raises ValueError when the text cannot be read."""
        if not self._valid:
            raise ValueError(DATE_HINT)
        return self._current

    def is_valid(self) -> bool:
        return self._valid

    # -- internals -------------------------------------------------------------------------------
    def _on_text_edited(self, text: str) -> None:
        if not text.strip():
            self._typed = self._current = None
            self._set_valid(True)
        else:
            parsed = parse_user_date(text)
            self._typed = self._current = parsed
            self._set_valid(parsed is not None)
        self._sync_combo()
        self.edited.emit()

    def _on_precision(self, _index: int) -> None:
        if self._typed is None:
            return
        self._current = truncate(self._typed, self.precision.currentData())
        self.line.setText(self._current.display())
        self.edited.emit()

    def _sync_combo(self) -> None:
        shown = self._current or self._typed
        self.precision.setEnabled(shown is not None and self._valid)
        model = self.precision.model()
        finest = _RANK[self._typed.precision] if self._typed else 2
        if isinstance(model, QStandardItemModel):
            for row, p in enumerate(_PRECISIONS):
                item = model.item(row)
                if item is not None:
                    item.setEnabled(_RANK[p] <= finest)
        if shown is not None:
            self.precision.setCurrentIndex(_PRECISIONS.index(shown.precision))

    def _set_valid(self, valid: bool) -> None:
        changed = valid != self._valid
        self._valid = valid
        self.line.setProperty("invalid", not valid)
        self.line.style().unpolish(self.line)
        self.line.style().polish(self.line)
        self.line.setToolTip("" if valid else DATE_HINT)
        if changed:
            self.validity_changed.emit(valid)


def names_model(parent: QWidget) -> QStringListModel:
    return QStringListModel(parent)


def name_completer(model: QStringListModel, parent: QWidget) -> QCompleter:
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(10)
    return completer


def split_names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


class NameListEdit(QLineEdit):
    """Comma-separated names; the completer completes the name under the cursor."""

    def __init__(self, model: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(False)
        self._completer = name_completer(model, self)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._update_completion)

    @property
    def completer_(self) -> QCompleter:
        return self._completer

    def names(self) -> tuple[str, ...]:
        return split_names(self.text())

    def set_names(self, names: tuple[str, ...]) -> None:
        self.setText(", ".join(names))

    def _current_item(self) -> tuple[int, str]:
        head = self.text()[: self.cursorPosition()]
        start = head.rfind(",") + 1
        return start, head[start:].lstrip()

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _update_completion(self, _text: str) -> None:
        _start, prefix = self._current_item()
        if len(prefix) < 1:
            self._hide_popup()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._hide_popup()

    def _insert_completion(self, name: str) -> None:
        start, _prefix = self._current_item()
        text, cursor = self.text(), self.cursorPosition()
        tail = text[cursor:]
        end = tail.find(",")
        rest = tail[end:] if end >= 0 else ""
        lead = text[:start] + (" " if start else "")
        self.setText(lead + name + rest)
        self.setCursorPosition(len(lead + name))
