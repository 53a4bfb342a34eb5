"""The filters above the actions table: words, status, owner, a due range and the "as at" date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QStringListModel, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QToolButton, QWidget

from dossier.domain.findings import ActionStatus
from dossier.ui.views.fields import name_completer
from dossier.ui.views.strip import Strip
from dossier.ui.views.tables import FilterEdit

STATUS_FILTERS: tuple[tuple[str, tuple[ActionStatus, ...] | None], ...] = (
    ("Open", (ActionStatus.OPEN,)), ("Done", (ActionStatus.DONE,)), ("Superseded", (ActionStatus.SUPERSEDED,)),
    ("Withdrawn", (ActionStatus.WITHDRAWN,)), ("All", None))
DATE_FORMAT = "d MMM yyyy"


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(parent: QWidget, name: str, tip: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setToolTip(tip)
    edit.setDate(QDate.currentDate())
    return edit


class ActionsFilterBar(Strip):
    owner_changed = Signal(object)  # the owner's name ("" for anyone)
    status_changed = Signal(object)  # tuple[ActionStatus, ...] | None
    due_range_changed = Signal(object, object)  # dt.date | None, dt.date | None
    as_at_changed = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = FilterEdit("Filter actions", self, tip="Show actions whose summary or owner "
                                                                  "matches every word")
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        for label, statuses in STATUS_FILTERS:
            self.status.addItem(label, statuses)
        self.status.setToolTip("Which actions to list")
        self._names = QStringListModel(self)
        self.owner = QLineEdit(self)
        self.owner.setObjectName("ownerFilter")
        self.owner.setPlaceholderText("Any owner")
        self.owner.setClearButtonEnabled(True)
        self.owner.setCompleter(name_completer(self._names, self.owner))
        self.owner.setFixedWidth(140)
        self.due_range = QCheckBox("Due", self)
        self.due_range.setToolTip("Only actions due between these dates")
        self.due_from = date_edit(self, "dueFrom", "Due on or after")
        self.due_to = date_edit(self, "dueTo", "Due on or before")
        self.as_at = date_edit(self, "asAt", "Judge what is overdue as at this date")
        self.today = QToolButton(self)
        self.today.setObjectName("stripButton")
        self.today.setText("Today")
        self.today.setToolTip("As at today")

        self.add(self.filter_edit, 1)
        self.add(self.status)
        self.add(self.owner)
        self.separator()
        self.add(self.due_range)
        self.add(self.due_from)
        self.label("–")
        self.add(self.due_to)
        self._sync_due_enabled()  # the "as at" date and its Today button go where the owner puts them

        self.status.activated.connect(lambda _i: self.status_changed.emit(self.statuses()))
        self.owner.editingFinished.connect(lambda: self.owner_changed.emit(self.owner_name()))
        self.owner.textChanged.connect(lambda text: self.owner_changed.emit("") if not text else None)
        self.owner.completer().activated.connect(lambda name: self.owner_changed.emit(name))
        self.due_range.toggled.connect(lambda _on: self._due_changed())
        self.due_from.dateChanged.connect(lambda _d: self._due_changed())
        self.due_to.dateChanged.connect(lambda _d: self._due_changed())
        self.as_at.dateChanged.connect(self._as_at_edited)
        self.today.clicked.connect(lambda: self.set_as_at(dt.date.today()))

    # -- values ----------------------------------------------------------------------------------
    def statuses(self) -> tuple[ActionStatus, ...] | None:
        return STATUS_FILTERS[max(0, self.status.currentIndex())][1]

    def set_status_index(self, index: int) -> None:
        self.status.setCurrentIndex(max(0, min(index, self.status.count() - 1)))

    def owner_name(self) -> str:
        return " ".join(self.owner.text().split())

    def set_owner_valid(self, valid: bool) -> None:
        self.owner.setProperty("invalid", not valid)
        self.owner.style().unpolish(self.owner)
        self.owner.style().polish(self.owner)
        self.owner.setToolTip("" if valid else "No one of that name is in the who's who")

    def set_names(self, names: Sequence[str]) -> None:
        self._names.setStringList(list(names))

    def due_bounds(self) -> tuple[dt.date | None, dt.date | None]:
        if not self.due_range.isChecked():
            return None, None
        return to_date(self.due_from.date()), to_date(self.due_to.date())

    def as_at_date(self) -> dt.date:
        return to_date(self.as_at.date())

    def set_as_at(self, day: dt.date) -> None:
        self.as_at.setDate(to_qdate(day))
        self._follow_as_at()

    def _as_at_edited(self, day: QDate) -> None:
        self._follow_as_at()
        self.as_at_changed.emit(to_date(day))

    def _follow_as_at(self) -> None:
        """While the due range is off, keep it around the "as at" date, ready to be switched on."""
        if self.due_range.isChecked():
            return
        day = self.as_at.date()
        for edit, value in ((self.due_from, day.addMonths(-1)), (self.due_to, day.addMonths(1))):
            edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(False)

    def reset(self) -> None:
        self.filter_edit.clear_silently()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.blockSignals(False)
        self.set_owner_valid(True)
        self.due_range.blockSignals(True)
        self.due_range.setChecked(False)
        self.due_range.blockSignals(False)
        self._sync_due_enabled()

    def _due_changed(self) -> None:
        self._sync_due_enabled()
        self.due_range_changed.emit(*self.due_bounds())

    def _sync_due_enabled(self) -> None:
        on = self.due_range.isChecked()
        self.due_from.setEnabled(on)
        self.due_to.setEnabled(on)
