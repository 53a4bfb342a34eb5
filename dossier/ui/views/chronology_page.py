"""The Chronology view: every dated thing in the papers, grouped by year and month, beside a timeline.

The table lists documents, the events and deadlines they mention, actions' due dates and the
user's own entries, in date order (undated last). The timeline beside it draws the same entries
as bars; selecting in one selects in the other. Double-clicking an entry opens its source passage
in the reader. Own and analysed entries ("entry:N") can be corrected in place (date, words),
added, deleted, merged and split; conflicting dates can be compared and marked resolved. Every
edit is an undoable command.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.changes import Changes, Kind
from dossier.domain.chronology import ChronologyRow, EntryFields, EntryKind, EntrySource
from dossier.services import Services
from dossier.ui.commands.chronology import (
    AddEntryCommand,
    DeleteEntryCommand,
    EditEntryCommand,
    MergeEntriesCommand,
    ResolveConflictCommand,
    SplitSourceCommand,
    short,
)
from dossier.ui.context import UiContext
from dossier.ui.dialogs.chronology_dialogs import AddEntryDialog, CompareDialog
from dossier.ui.models.chronology_model import DATE, EVENT, ChronologyModel
from dossier.ui.views.actions_page import AS_AT_KEY
from dossier.ui.views.chronology_filters import ChronologyFilterBar
from dossier.ui.views.page import Page
from dossier.ui.views.strip import Strip
from dossier.ui.views.tables import DataTable
from dossier.ui.views.timeline_items import BY_ACTOR, BY_KIND
from dossier.ui.views.timeline_panel import TimelinePanel

KINDS_KEY, RANGE_KEY, LANES_KEY = "chronology/kinds", "chronology/range", "chronology/lanes"
MATTERS_KEY = "chronology/mattersOnly"  # "1": only the events that matter
# what the chronology shows (annotations: the tags it filters by)
REFRESH_ON = (Kind.CHRONOLOGY, Kind.DOCUMENTS, Kind.ACTORS, Kind.ACTIONS, Kind.ANNOTATIONS)


class ChronologyPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("panel")
        self.model = ChronologyModel(self)
        self.model.edit_handler = self._inline_edit
        self._stale = True  # the entries changed while the view was out of sight
        self._syncing = False
        self._remembered: list[str] = []
        self._current_key: str | None = None

        self._build_actions()
        self._build_layout()
        self._restore_filters()
        self._connect()

    def _build_actions(self) -> None:
        """The page's actions (in the Chronology menu, its toolbar and the table's context menu)."""
        self.add_action = self._action("&Add Entry…", self.add_entry, QKeySequence(Qt.Key.Key_Insert),
                                       "Add an entry of your own (Insert)")
        self.delete_action = self._action("&Delete Entry", self.delete_selected, QKeySequence.StandardKey.Delete,
                                          "Delete the selected entries (your own or found ones)")
        self.merge_action = self._action("&Merge Entries", self.merge_selected, None,
                                         "Make the two selected entries one, with the sources of both")
        self.split_menu = QMenu("&Split Source", self)
        self.split_menu.setToolTipsVisible(True)
        self.split_menu.aboutToShow.connect(self._fill_split_menu)
        self.split_action = self.split_menu.menuAction()
        self.split_action.setStatusTip("Make one source of the selected entry an entry of its own")
        self.compare_action = self._action("&Compare…", self.compare_selected, None,
                                           "Compare the selected entry with the entries that date it differently")
        self.source_action = self._action("Open &Source", self.open_selected_source, None,
                                          "Read the passage the selected entry comes from")
        self.edit_date_action = self._action("Edit &Date", lambda: self._edit_cell(DATE), None,
                                             "Correct the date of the selected entry (F2 in the table)")
        self.edit_event_action = self._action("Edit &Event", lambda: self._edit_cell(EVENT), None,
                                              "Correct the words of the selected entry")

    def _build_layout(self) -> None:
        """The filter bar over the table with its toolbar, beside the timeline."""
        self.filters = ChronologyFilterBar(self)
        buttons = Strip(self)
        buttons.setStyleSheet("QFrame#toolbarStrip { background: #ffffff; }")
        for action, text in ((self.add_action, "Add Entry…"), (self.delete_action, "Delete"),
                             (self.merge_action, "Merge"), (self.compare_action, "Compare…")):
            action.setIconText(text)
        buttons.button(self.add_action)
        buttons.button(self.compare_action)
        buttons.button(self.merge_action)
        split_button_action = QAction("Split Source ▾", self)
        split_button_action.setToolTip(self.split_action.statusTip())
        self.split_button = buttons.button(split_button_action, self.split_menu)
        buttons.button(self.delete_action)
        buttons.stretch()
        self.count_label = buttons.label("")
        self.count_label.setMinimumWidth(0)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons.row.setStretchFactor(self.count_label, 1)

        self.table = DataTable(self, multi_select=True)
        self.table.setObjectName("chronologyTable")
        self.table.setModel(self.model)
        self.table.apply_default_widths(EVENT)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().setSectionResizeMode(0, self.table.horizontalHeader().ResizeMode.Fixed)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.add_action)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(buttons)
        left_layout.addWidget(self.table, 1)
        self.timeline_panel = TimelinePanel(self)
        self.timeline = self.timeline_panel.view
        self.timeline.set_model(self.model)  # before the page's own handlers: it redraws first
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("chronologySplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.timeline_panel)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        for strip in (self.filters, buttons, self.timeline_panel.strip):  # a narrow window clips them
            strip.setMinimumWidth(0)
            strip.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        left.setMinimumWidth(280)

    def _connect(self) -> None:
        """Signals of the filters, the table, the timeline and the window to the page's slots."""
        self.filters.filter_edit.filter_requested.connect(self.model.set_filter)
        self.filters.filter_edit.escaped.connect(lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.filters.actor_changed.connect(self.model.set_actor)
        self.filters.kinds_changed.connect(self._set_kinds)
        self.filters.date_range_changed.connect(self._set_date_range)
        self.filters.tag_changed.connect(self.model.set_tag)
        self.filters.matters_changed.connect(self._set_matters_only)
        self.timeline_panel.by_kind.toggled.connect(
            lambda on: self.context.settings.set_text(LANES_KEY, BY_KIND if on else BY_ACTOR))
        self.timeline_panel.as_at_changed.connect(self._as_at_picked)
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._after_reset)
        self.model.edit_rejected.connect(self.context.status)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._on_table_selection())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._on_table_selection())
        self.table.activated.connect(self._activated)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.timeline.entry_selected.connect(self._on_timeline_selection)
        self.timeline.entry_activated.connect(self.open_source)
        self.context.services_changed.connect(self._set_services)
        self.context.changed.connect(self._on_changed)
        self.context.as_at_changed.connect(self._on_shared_as_at)
        self._update_actions()

    # -- remembered state ------------------------------------------------------------------------
    def _restore_filters(self) -> None:
        s = self.context.settings
        saved = [k for k in s.text(KINDS_KEY, "").split(",") if k in {e.value for e in EntryKind}]
        self.filters.set_kinds([EntryKind(k) for k in saved] if saved else None)
        bounds = s.text(RANGE_KEY, "")
        try:
            first, last = (dt.date.fromisoformat(v) for v in bounds.split("/")) if bounds else (None, None)
        except ValueError:
            first = last = None
        self.filters.set_date_range(first, last)
        self.filters.set_matters_only(s.text(MATTERS_KEY, "") == "1")
        self.timeline_panel.set_lanes_by(BY_ACTOR if s.text(LANES_KEY, BY_KIND) == BY_ACTOR else BY_KIND)
        self.timeline_panel.set_as_at(self._shared_as_at())

    def _shared_as_at(self) -> dt.date:
        saved = self.context.settings.text(AS_AT_KEY, "")
        try:
            return dt.date.fromisoformat(saved) if saved else dt.date.today()
        except ValueError:
            return dt.date.today()

    def _set_kinds(self, kinds: frozenset[EntryKind] | None) -> None:
        self.context.settings.set_text(KINDS_KEY, ",".join(sorted(k.value for k in kinds)) if kinds else "")
        self.model.set_kinds(kinds)

    def _set_matters_only(self, on: bool) -> None:
        self.context.settings.set_text(MATTERS_KEY, "1" if on else "")
        self.model.set_matters_only(on)

    def _set_date_range(self, first: dt.date | None, last: dt.date | None) -> None:
        self.context.settings.set_text(RANGE_KEY, f"{first.isoformat()}/{last.isoformat()}" if first and last else "")
        self.model.set_date_range(first, last)

    def _as_at_picked(self, day: dt.date) -> None:
        self.context.settings.set_text(AS_AT_KEY, "" if day == dt.date.today() else day.isoformat())
        self.context.as_at_changed.emit(day)

    def _on_shared_as_at(self, day: dt.date) -> None:
        if day != self.timeline.as_at:
            self.timeline_panel.set_as_at(day)

    # -- showing ---------------------------------------------------------------------------------
    def _set_services(self, services: Services | None) -> None:
        self.filters.reset()
        self.model.set_service(None)
        self._stale = services is not None
        self._refresh_if_shown()

    def _on_changed(self, changes: Changes) -> None:
        if self.services is not None and changes.touches_any(*REFRESH_ON):
            self._stale = True
            self._refresh_if_shown()

    def _in_sight(self) -> bool:
        """Shown, or about to be (a window not on screen yet, e.g. while it starts or under test)."""
        return self.isVisible() or not self.window().isVisible()

    def _refresh_if_shown(self) -> None:
        if not self._stale or self.services is None or not self._in_sight():
            return
        self._stale = False
        chronology = self.services.chronology
        self.filters.set_tags(chronology.tag_names())  # a tag no longer in use is dropped from the filter
        tag = self.filters.tag_name()
        if self.model.service is not chronology:
            first, last = self.filters.date_bounds()
            self.model.set_service(chronology, actor=self.filters.actor_name(), kinds=self.filters.kinds(),
                                   date_from=first, date_to=last, text=self.filters.filter_edit.text(), tag=tag,
                                   matters_only=self.filters.matters_only())
        elif (self.model.tag or "") != tag:
            self.model.set_tag(tag)
        else:
            self.model.reload()
        self.filters.set_names(chronology.actor_names())
        span = chronology.date_span()
        if span is not None:
            self.filters.set_default_range(*span)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timeline_panel.set_as_at(self._shared_as_at())
        self._refresh_if_shown()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShowToParent:
            self._refresh_if_shown()
        return super().event(event)

    def focus_filter(self) -> None:
        self.filters.filter_edit.focus()

    def _remember(self) -> None:
        self._remembered = self.selected_keys()
        current = self.model.id_at(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        self._current_key = current

    def _after_reset(self) -> None:
        self.table.clearSpans()
        columns = self.model.columnCount()
        for row in self.model.header_rows():
            self.table.setSpan(row, 0, 1, columns)
        kept = [k for k in self._remembered if self.model.position_of(k) is not None]
        if kept:
            self.select_keys(kept, current=self._current_key if self._current_key in kept else kept[0], scroll=False)
        self._remembered, self._current_key = [], None
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        n, undated = self.model.id_count, self.model.layout.undated_count
        text = f"{n:,} entr{'y' if n == 1 else 'ies'}"
        if undated:
            text += f"  ·  {undated:,} undated"
        self.count_label.setText(text)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(text) + 6)

    # -- selection -------------------------------------------------------------------------------
    def selected_keys(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [k for k in (self.model.id_at(r) for r in rows) if k is not None]

    def selected_rows(self) -> list[ChronologyRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.entry(n) for n in rows) if r is not None]

    def current_row(self) -> ChronologyRow | None:
        rows = self.selected_rows()
        if len(rows) == 1:
            return rows[0]
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return self.model.entry(index.row())
        return rows[0] if rows else None

    def select_key(self, key: str) -> bool:
        return self.select_keys([key], current=key)

    def select_keys(self, keys: list[str], *, current: str | None = None, scroll: bool = True) -> bool:
        rows = [r for r in (self.model.row_of(k) for k in keys) if r is not None]
        if not rows:
            return False
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        current_row = self.model.row_of(current) if current is not None else rows[0]
        selection.setCurrentIndex(self.model.index(current_row if current_row is not None else rows[0], 0),
                                  flags.ClearAndSelect | flags.Rows)
        for row in rows:
            selection.select(self.model.index(row, 0), flags.Select | flags.Rows)
        if scroll:
            self.table.scrollTo(self.model.index(current_row if current_row is not None else rows[0], DATE))
        return True

    def _on_table_selection(self) -> None:
        self._update_actions()
        if self._syncing:
            return
        row = self.current_row()
        self._syncing = True
        try:
            self.timeline.select_key(row.key if row is not None else None)
        finally:
            self._syncing = False

    def _on_timeline_selection(self, key: str | None) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            if key is None:
                self.table.clearSelection()
            elif not self.select_key(key):
                self.context.status("That entry is not in the table (the filters hide it).")
        finally:
            self._syncing = False
        self._update_actions()

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        one = rows[0] if len(rows) == 1 else None
        has = self.services is not None
        self.add_action.setEnabled(has)
        self.delete_action.setEnabled(bool(rows) and all(r.editable for r in rows))
        self.merge_action.setEnabled(len(rows) == 2 and all(r.editable for r in rows))
        splittable = one is not None and one.editable and len({s.document_id for s in one.sources}) > 1
        self.split_action.setEnabled(splittable)
        self.split_button.setEnabled(splittable)
        self.compare_action.setEnabled(one is not None and one.conflict)
        self.source_action.setEnabled(one is not None and bool(one.sources))
        for action in (self.edit_date_action, self.edit_event_action):
            action.setEnabled(one is not None and one.editable)

    # -- opening sources -------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        key = self.model.id_at(index.row())
        if key is not None:
            self.open_source(key)

    def open_selected_source(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_source(row.key)

    def open_source(self, key: str) -> bool:
        """Show the entry's first source in the reader, at its passage (a document opens at the top)."""
        row = self.model.entry_by_key(key)
        if row is None or not row.sources:
            if row is not None:
                self.context.status("This entry has no source: it is your own.")
            return False
        source = row.sources[0]
        has_span = source.start is not None and source.end is not None
        self.context.open_passage(source.document_id, source.start if has_span else None,
                                  source.end if has_span else None)
        return True

    def sentence_of(self, source: EntrySource) -> str:
        """The words of a source's passage (for comparing entries)."""
        if self.services is None or source.start is None or source.end is None:
            return ""
        return self.services.documents.get(source.document_id).text[source.start:source.end]

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.source_action, self.compare_action, None, self.edit_date_action, self.edit_event_action,
                       None, self.merge_action, self.split_action, None, self.add_action, self.delete_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- edits -----------------------------------------------------------------------------------
    def _edit_cell(self, column: int) -> None:
        row = self.current_row()
        if row is None or not row.editable:
            return
        r = self.model.row_of(row.key)
        if r is not None:
            index = self.model.index(r, column)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def _inline_edit(self, key: str, fields: EntryFields) -> bool:
        """What the model hands on from a table cell: one undoable edit, failures in the status bar."""
        if self.services is None:
            return False
        before = self.model.entry_by_key(key)
        what = "date" if before is not None and before.description == fields.description else "words"
        return self.context.push(EditEntryCommand(self.services.chronology, self.context.notify, key, fields, what),
                                 quiet=True)

    def edit_entry(self, key: str, fields: EntryFields) -> bool:
        if self.services is None:
            return False
        return self.context.push(EditEntryCommand(self.services.chronology, self.context.notify, key, fields))

    def add_entry(self) -> AddEntryDialog | None:
        if self.services is None:
            return None
        dialog = AddEntryDialog(self.services.chronology.actor_names(), parent=self.window())
        dialog.accepted.connect(lambda: self._create(dialog))
        self.dialogs.open(dialog)
        return dialog

    def _create(self, dialog: AddEntryDialog) -> None:
        if self.services is None:
            return
        command = AddEntryCommand(self.services.chronology, self.context.notify, dialog.result_fields())
        if self.context.push(command) and command.key is not None and not self.select_key(command.key):
            self.context.status("Entry added. The filters hide it.")

    def delete_selected(self) -> bool:
        rows = [r for r in self.selected_rows() if r.editable]
        if self.services is None or not rows:
            return False
        chronology, notify = self.services.chronology, self.context.notify
        commands = [DeleteEntryCommand(chronology, notify, r.key, r.description) for r in rows]
        if len(commands) == 1:
            done = self.context.push(commands[0])
        else:
            done = self.context.push_all(f"Delete {len(commands)} entries", commands) > 0
        if done:
            self.context.status("Deleted. Edit ▸ Undo brings it back.")
        return done

    def merge_selected(self) -> bool:
        """Merge the second selected entry into the first (the earlier one in the list)."""
        rows = self.selected_rows()
        if self.services is None or len(rows) != 2 or not all(r.editable for r in rows):
            return False
        keep, other = rows
        done = self.context.push(MergeEntriesCommand(self.services.chronology, self.context.notify, keep.key,
                                                     other.key, keep.description))
        if done:
            self.select_key(keep.key)
        return done

    def _fill_split_menu(self) -> None:
        self.split_menu.clear()
        row = self.current_row()
        if row is None or not row.editable:
            return
        seen: set[int] = set()
        for source in row.sources:
            if source.document_id in seen:
                continue
            seen.add(source.document_id)
            action = self.split_menu.addAction(f"{source.citation()}  {short(source.title, 50)}")
            action.setToolTip("Make this document's passage an entry of its own")
            action.setEnabled(len({s.document_id for s in row.sources}) > 1)
            action.triggered.connect(lambda _c=False, d=source.document_id: self.split_selected(d))

    def split_selected(self, document_id: int) -> str | None:
        """Make the selected entry's source in this document an entry of its own; its key."""
        row = self.current_row()
        if self.services is None or row is None or not row.editable:
            return None
        citation = next((s.citation() for s in row.sources if s.document_id == document_id), f"D{document_id}")
        command = SplitSourceCommand(self.services.chronology, self.context.notify, row.key, document_id, citation)
        if self.context.push(command) and command.new_key is not None:
            self.select_key(command.new_key)
            return command.new_key
        return None

    def compare_selected(self) -> CompareDialog | None:
        row = self.current_row()
        if self.services is None or row is None or not row.conflict_with:
            return None
        others = self.services.chronology.rows(list(row.conflict_with))
        if not others:
            return None
        dialog = CompareDialog(row, others, self.sentence_of, parent=self.window())
        dialog.resolve_requested.connect(self.resolve_conflict)
        self.dialogs.open(dialog)
        return dialog

    def resolve_conflict(self, key: str, other: str, note: str) -> bool:
        if self.services is None:
            return False
        return self.context.push(ResolveConflictCommand(self.services.chronology, self.context.notify, key, other,
                                                        note))
