"""The filters above the chronology: words, an actor, an annotation tag, the kinds of entry, only
the events that matter, and a date range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QToolButton, QWidget

from dossier.domain.chronology import EntryKind
from dossier.ui.style import icons
from dossier.ui.views.actions_filters import date_edit, to_date, to_qdate
from dossier.ui.views.fields import name_completer
from dossier.ui.views.strip import Strip
from dossier.ui.views.tables import FilterEdit

KIND_CHIPS: tuple[tuple[EntryKind, str, str], ...] = (
    (EntryKind.DOCUMENT, "Documents", "Documents, on the date they were sent"),
    (EntryKind.EVENT, "Events", "Events the papers mention"),
    (EntryKind.DEADLINE, "Deadlines", "Dates by which something is to be done (and actions' due dates)"),
    (EntryKind.OWN, "Own", "Entries you added yourself"),
)


class ChronologyFilterBar(Strip):
    actor_changed = Signal(str)  # "" for anyone
    kinds_changed = Signal(object)  # frozenset[EntryKind] | None (None: all)
    date_range_changed = Signal(object, object)  # dt.date | None, dt.date | None
    tag_changed = Signal(str)  # "" for any tag
    matters_changed = Signal(bool)  # only the events that matter (no courtesies or housekeeping)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = FilterEdit("Filter events", self, tip="Show entries whose words match every word typed")
        self._names = QStringListModel(self)
        self.actor = QComboBox(self)
        self.actor.setObjectName("actorFilter")
        self.actor.setEditable(True)
        self.actor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.actor.setModel(self._names)
        actor_completer = name_completer(self._names, self.actor)
        self.actor.setCompleter(actor_completer)
        actor_edit = self.actor.lineEdit()
        assert actor_edit is not None  # an editable combo box has its line edit
        self.actor_edit: QLineEdit = actor_edit
        self.actor_edit.setPlaceholderText("Any actor")
        self.actor_edit.setClearButtonEnabled(True)
        self.actor.setToolTip("Only entries that name this actor (part of a name will do)")
        self.actor.setMinimumWidth(120)
        self.actor.setMaximumWidth(200)
        self.actor.setMinimumContentsLength(16)
        self.actor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter_edit.setMinimumWidth(160)
        self.actor.setCurrentIndex(-1)
        self.tag = QComboBox(self)
        self.tag.setObjectName("tagFilter")
        self.tag.setMinimumWidth(110)
        self.tag.setMaximumWidth(180)
        self.tag.setMinimumContentsLength(10)
        self.tag.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_tags(())
        self.all_kinds = self._chip("All", "Every kind of entry")
        self.kind_buttons: dict[EntryKind, QToolButton] = {}
        for kind, label, tip in KIND_CHIPS:
            button = self._chip(label, tip)
            button.setIcon(icons.entry_kind_icon(kind.value))
            self.kind_buttons[kind] = button
        self.matters = QCheckBox("Only events that matter", self)
        self.matters.setObjectName("mattersFilter")
        self.matters.setToolTip("Leave out courtesies and housekeeping (thanks, apologies, “last updated on”):"
                                " the dossier keeps them")
        self.date_range = QCheckBox("From", self)
        self.date_range.setToolTip("Only entries dated between these days")
        self.date_from = date_edit(self, "chronologyFrom", "Dated on or after")
        self.date_to = date_edit(self, "chronologyTo", "Dated on or before")
        self.date_from.setDate(QDate.currentDate().addYears(-1))

        self.add(self.filter_edit, 1)
        self.add(self.actor)
        self.add(self.tag)
        self.separator()
        self.add(self.all_kinds)
        for button in self.kind_buttons.values():
            self.add(button)
        self.add(self.matters)
        self.separator()
        self.add(self.date_range)
        self.add(self.date_from)
        self.label("to")
        self.add(self.date_to)
        self._sync_kinds()
        self._sync_range_enabled()

        self.actor.activated.connect(lambda _i: self.actor_changed.emit(self.actor_name()))
        self.actor_edit.editingFinished.connect(lambda: self.actor_changed.emit(self.actor_name()))
        self.actor_edit.textChanged.connect(lambda text: self.actor_changed.emit("") if not text else None)
        actor_completer.activated.connect(lambda name: self.actor_changed.emit(" ".join(name.split())))
        self.tag.activated.connect(lambda _i: self.tag_changed.emit(self.tag_name()))
        self.all_kinds.clicked.connect(lambda _c=False: self.set_kinds(None, emit=True))
        for button in self.kind_buttons.values():
            button.clicked.connect(lambda _c=False, b=button: self._kind_clicked(b))
        self.matters.toggled.connect(self.matters_changed.emit)
        self.date_range.toggled.connect(lambda _on: self._range_changed())
        self.date_from.dateChanged.connect(lambda _d: self._range_changed())
        self.date_to.dateChanged.connect(lambda _d: self._range_changed())

    def _chip(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("chipButton")
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    # -- values ----------------------------------------------------------------------------------
    def actor_name(self) -> str:
        return " ".join(self.actor.currentText().split())

    def set_actor(self, name: str) -> None:
        self.actor.setEditText(name)
        self.actor_changed.emit(self.actor_name())

    def set_names(self, names: Sequence[str]) -> None:
        text = self.actor.currentText()
        self.actor.blockSignals(True)
        self._names.setStringList(list(names))
        self.actor.setCurrentIndex(-1)
        self.actor.setEditText(text)
        self.actor.blockSignals(False)

    def tag_name(self) -> str:
        """The tag chosen ("" for any)."""
        return self.tag.currentData() or ""

    def set_tags(self, tags: Sequence[str]) -> None:
        """The tags in use in the dossier; the one chosen stays chosen while it is still in use
        (else the filter goes back to any tag, silently: the caller reloads)."""
        chosen = self.tag_name()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("Any tag" if tags else "No tags", "")
        for tag in tags:
            self.tag.addItem(tag, tag)
        at = self.tag.findData(chosen) if chosen else 0
        self.tag.setCurrentIndex(max(at, 0))
        self.tag.setEnabled(bool(tags))
        self.tag.setToolTip("Only entries whose passage carries an annotation with this tag" if tags else
                            "Tag passages in the reader to filter the chronology by them")
        self.tag.blockSignals(False)

    def set_tag(self, tag: str) -> None:
        """Choose a tag ("" for any) as if picked from the list."""
        at = self.tag.findData(tag) if tag else 0
        self.tag.setCurrentIndex(max(at, 0))
        self.tag_changed.emit(self.tag_name())

    def kinds(self) -> frozenset[EntryKind] | None:
        """The kinds ticked (None when all are)."""
        chosen = frozenset(k for k, b in self.kind_buttons.items() if b.isChecked())
        return None if chosen == frozenset(EntryKind) or not chosen else chosen

    def set_kinds(self, kinds: Iterable[EntryKind] | None, *, emit: bool = False) -> None:
        chosen = frozenset(kinds) if kinds is not None else frozenset(EntryKind)
        for kind, button in self.kind_buttons.items():
            button.setChecked(kind in chosen or not chosen)
        self._sync_kinds()
        if emit:
            self.kinds_changed.emit(self.kinds())

    def _kind_clicked(self, button: QToolButton) -> None:
        if self.all_kinds.isChecked():  # from "all", a click picks that kind alone
            for other in self.kind_buttons.values():
                other.setChecked(other is button)
        elif not any(b.isChecked() for b in self.kind_buttons.values()):
            button.setChecked(True)  # never none: the last one stays on
        self._sync_kinds()
        self.kinds_changed.emit(self.kinds())

    def _sync_kinds(self) -> None:
        self.all_kinds.setChecked(self.kinds() is None)

    def matters_only(self) -> bool:
        return self.matters.isChecked()

    def set_matters_only(self, on: bool, *, emit: bool = False) -> None:
        self.matters.blockSignals(True)
        self.matters.setChecked(on)
        self.matters.blockSignals(False)
        if emit:
            self.matters_changed.emit(on)

    def date_bounds(self) -> tuple[dt.date | None, dt.date | None]:
        if not self.date_range.isChecked():
            return None, None
        return to_date(self.date_from.date()), to_date(self.date_to.date())

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None, *, emit: bool = False) -> None:
        for widget in (self.date_range, self.date_from, self.date_to):
            widget.blockSignals(True)
        self.date_range.setChecked(date_from is not None and date_to is not None)
        if date_from is not None:
            self.date_from.setDate(to_qdate(date_from))
        if date_to is not None:
            self.date_to.setDate(to_qdate(date_to))
        for widget in (self.date_range, self.date_from, self.date_to):
            widget.blockSignals(False)
        self._sync_range_enabled()
        if emit:
            self.date_range_changed.emit(*self.date_bounds())

    def set_default_range(self, date_from: dt.date, date_to: dt.date) -> None:
        """The case's own range (earliest to latest dated entry): what the days show while the
        range is off, so ticking "From" starts from the whole case, not from a year ago."""
        if self.date_range.isChecked():
            return
        for widget in (self.date_from, self.date_to):
            widget.blockSignals(True)
        self.date_from.setDate(to_qdate(date_from))
        self.date_to.setDate(to_qdate(date_to))
        for widget in (self.date_from, self.date_to):
            widget.blockSignals(False)

    def _range_changed(self) -> None:
        self._sync_range_enabled()
        self.date_range_changed.emit(*self.date_bounds())

    def _sync_range_enabled(self) -> None:
        on = self.date_range.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    def reset(self) -> None:
        """A new dossier: no words, no actor, no tag (kinds and the date range are kept)."""
        self.filter_edit.clear_silently()
        self.set_tags(())
        self.actor.blockSignals(True)
        self.actor_edit.blockSignals(True)
        self.actor.setCurrentIndex(-1)
        self.actor.setEditText("")
        self.actor_edit.blockSignals(False)
        self.actor.blockSignals(False)
