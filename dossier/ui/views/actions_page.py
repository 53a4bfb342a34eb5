"""The Actions view: every action, overdue first as at a chosen date, with their sources.

New, edit, mark done and delete are undoable commands. Double-clicking the source opens the
passage in the reader; double-clicking anywhere else edits the action.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QVBoxLayout, QWidget

from dossier.domain.changes import Changes, Kind
from dossier.domain.errors import DossierError
from dossier.domain.findings import ActionStatus
from dossier.domain.register import ActionRow
from dossier.services import Services
from dossier.ui.commands.actions import (
    DeleteActionCommand,
    EditActionCommand,
    NewActionCommand,
    SetStatusCommand,
)
from dossier.ui.context import UiContext
from dossier.ui.dialogs.action_dialogs import ActionDialog, MarkDoneDialog
from dossier.ui.models.actions_model import (
    ADDRESSED,
    OWNER,
    SOURCE,
    STATUS,
    SUMMARY,
    ActionsModel,
    StatusRole,
    source_text,
)
from dossier.ui.models.documents_model import DocumentChoiceModel
from dossier.ui.views.actions_filters import ActionsFilterBar
from dossier.ui.views.detail_pane import DetailPane, over_detail
from dossier.ui.views.page import Page
from dossier.ui.views.status_pill import StatusPillDelegate
from dossier.ui.views.strip import Strip
from dossier.ui.views.tables import DataTable

AS_AT_KEY, STATUS_KEY = "actions/as_at", "actions/status"
WIDTHS_KEY = "actions/column_widths"


def day_text(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


class ActionsPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("panel")
        self.model = ActionsModel(self)

        self._build_actions()
        self._build_layout()
        self._restore_settings()
        self._connect()

    def _build_actions(self) -> None:
        """The page's actions (in the Actions menu, its toolbar and the table's context menu)."""
        self.new_action = self._action("&New Action…", lambda: self.new(), tip="Record an action")
        self.edit_action = self._action("&Edit…", self.edit_selected, tip="Edit the selected action")
        self.done_action = self._action("Mark &Done…", self.mark_done_selected, "Ctrl+D",
                                        "Mark the selected action done, superseded or withdrawn")
        self.delete_action = self._action("&Delete", self.delete_selected, QKeySequence.StandardKey.Delete,
                                          "Delete the selected action")
        self.source_action = self._action("Open &Source", self.open_source_selected,
                                          tip="Read the passage that set the action")

    def _build_layout(self) -> None:
        """The filters and the toolbar over the table, with the chosen action's detail below it."""
        self.filters = ActionsFilterBar(self)
        buttons = Strip(self)
        buttons.setStyleSheet("QFrame#toolbarStrip { background: #ffffff; }")
        for action, short in ((self.new_action, "New…"), (self.edit_action, "Edit…"), (self.done_action, "Mark Done…"),
                              (self.delete_action, "Delete")):
            action.setIconText(short)
            buttons.button(action)
        buttons.stretch()
        self.count_label = buttons.label("")
        self.count_label.setMinimumWidth(0)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons.row.setStretchFactor(self.count_label, 1)
        buttons.separator()
        buttons.label("As at")
        buttons.add(self.filters.as_at)
        buttons.add(self.filters.today)
        self.table = DataTable(self)
        self.table.setObjectName("actionsTable")
        self.table.setModel(self.model)
        self.table.apply_default_widths(SUMMARY)
        self.table.setItemDelegateForColumn(STATUS, StatusPillDelegate(StatusRole, self.table))
        self.table.fit_columns_to_contents(SUMMARY, keep=(OWNER, ADDRESSED))
        self.table.remember_widths(self.context.settings, WIDTHS_KEY)
        self.table.setup_sorting()
        self.detail = DetailPane(self, empty_text="Select an action to see the passage that set it and its history.")
        self.detail.setObjectName("actionDetail")
        self.splitter = over_detail(self, self.table, self.detail)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for action in (self.delete_action, self.done_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        layout.addWidget(buttons)
        layout.addWidget(self.splitter, 1)

    def _restore_settings(self) -> None:
        """The "as at" date and the statuses shown when the page was last used."""
        saved = self.context.settings.text(AS_AT_KEY, "")
        try:
            as_at = dt.date.fromisoformat(saved) if saved else dt.date.today()
        except ValueError:
            as_at = dt.date.today()
        self.filters.set_status_index(self.context.settings.number(STATUS_KEY, 0))
        self.filters.set_as_at(as_at)
        self.model.set_as_at(as_at)
        self.model.set_statuses(self.filters.statuses())

    def _connect(self) -> None:
        """Signals of the filters, the table and the window to the page's slots."""
        self.filters.filter_edit.filter_requested.connect(self.model.set_filter)
        self.filters.filter_edit.escaped.connect(lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.filters.status_changed.connect(self._set_statuses)
        self.filters.owner_changed.connect(self._set_owner)
        self.filters.due_range_changed.connect(self.model.set_due_range)
        self.filters.as_at_changed.connect(self.set_as_at)
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._restore)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_detail())
        self.detail.open_requested.connect(self.context.open_passage)
        self.table.activated.connect(self._activated)  # double-click or Enter
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.context.services_changed.connect(self._set_services)
        self.context.changed.connect(self._on_changed)
        self.context.as_at_changed.connect(self._on_shared_as_at)
        self._current: int | None = None
        self._update_actions()

    # -- showing ---------------------------------------------------------------------------------
    def _set_services(self, services: Services | None) -> None:
        self.filters.reset()
        self.model.set_service(services.actions if services else None)
        if services is not None:
            self.filters.set_names(services.actors.names())

    def _on_changed(self, changes: Changes) -> None:
        if self.services is None:
            return
        if changes.touches_any(Kind.ACTIONS, Kind.ACTORS):
            self.model.reload()
            self.show_detail()
        if changes.touches(Kind.ACTORS):
            self.filters.set_names(self.services.actors.names())

    def focus_filter(self) -> None:
        self.filters.filter_edit.focus()

    def set_as_at(self, day: dt.date) -> None:
        """Judge overdue as at this day (remembered; today is remembered as "today")."""
        if self.filters.as_at_date() != day:
            self.filters.set_as_at(day)  # comes back here through the signal
            return
        self.context.settings.set_text(AS_AT_KEY, "" if day == dt.date.today() else day.isoformat())
        self.model.set_as_at(day)
        self._update_count()
        self.context.as_at_changed.emit(day)

    def _on_shared_as_at(self, day: dt.date) -> None:
        """Another view (the chronology's timeline) picked the day."""
        if day != self.filters.as_at_date():
            self.set_as_at(day)

    def _set_statuses(self, statuses: tuple[ActionStatus, ...] | None) -> None:
        self.context.settings.set_number(STATUS_KEY, self.filters.status.currentIndex())
        self.model.set_statuses(statuses)

    def _set_owner(self, name: str) -> None:
        owner_id = self.services.actors.find(name) if self.services is not None and name else None
        self.filters.set_owner_valid(not name or owner_id is not None)
        if not name or owner_id is not None:
            self.model.set_owner(owner_id)

    def selected_row(self) -> ActionRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.action_row(index.row())

    def show_detail(self) -> None:
        """Show the selected action's passage and history in the pane under the table."""
        row = self.selected_row()
        if row is None or self.services is None:
            self.detail.show_detail(None)
            return
        try:
            self.detail.show_detail(self.services.actions.detail(row.id))
        except DossierError:  # deleted meanwhile
            self.detail.show_detail(None)

    def select_action(self, action_id: int) -> bool:
        return self.table.select_id(action_id)

    def _remember(self) -> None:
        row = self.selected_row()
        self._current = row.id if row else None

    def _restore(self) -> None:
        if self._current is not None:
            self.table.select_id(self._current)
        self._current = None
        self._update_count()
        self._update_actions()
        self.show_detail()

    def _update_count(self) -> None:
        n, late = self.model.rowCount(), self.model.overdue_count()
        text = f"{n:,} action{'s' if n != 1 else ''}"
        if late:
            text += f"  ·  <span style='color:#c0392b; font-weight:600'>{late} overdue</span>"
        self.count_label.setText(text)

    def _update_actions(self) -> None:
        row = self.selected_row()
        for action in (self.edit_action, self.delete_action):
            action.setEnabled(row is not None)
        self.done_action.setEnabled(row is not None and row.status is ActionStatus.OPEN)
        self.source_action.setEnabled(row is not None and row.document_id is not None)
        self.new_action.setEnabled(self.services is not None)

    def _activated(self, index: QModelIndex) -> None:
        if index.column() == SOURCE:
            self.open_source_selected()
        else:
            self.edit_selected()

    def open_source_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.document_id is not None:
            self.context.open_passage(row.document_id, row.start, row.end)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.edit_action, self.done_action, self.source_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- edits -----------------------------------------------------------------------------------
    def new(self, document_id: int | None = None, start: int | None = None, end: int | None = None,
            summary: str = "") -> ActionDialog | None:
        """Record an action, optionally from a passage of a document (the sentence that sets it)."""
        if self.services is None:
            return None
        source, set_date = "", None
        if document_id is not None:
            detail = self.services.documents.get(document_id)
            set_date = detail.metadata.date
            para = next((p.number for p in reversed(detail.paragraphs) if start is not None and p.start <= start),
                        None)
            source = f"D{document_id}{f' ¶{para}' if para else ''}  ·  {detail.row.label}"
        dialog = ActionDialog("New Action", self.services.actors.names(), self.services.actors.find, summary=summary,
                              source=source, set_date=set_date, ok_text="Add", parent=self.window())
        dialog.accepted.connect(lambda: self._create(dialog, document_id, start, end))
        self.dialogs.open(dialog)
        return dialog

    def _create(self, dialog: ActionDialog, document_id: int | None, start: int | None, end: int | None) -> None:
        if self.services is None:
            return
        command = NewActionCommand(self.services.actions, self.context.notify, dialog.result_fields(),
                                   document_id=document_id, start=start, end=end)
        if self.context.push(command) and command.action_id is not None and not self.select_action(command.action_id):
            self.context.status("Action added. The filters hide it.")

    def edit_selected(self) -> ActionDialog | None:
        row = self.selected_row()
        if self.services is None or row is None:
            return None
        fields = self.services.actions.fields(row.id)
        dialog = ActionDialog("Edit Action", self.services.actors.names(), self.services.actors.find, fields=fields,
                              owner=row.owner or "", addressed_to=row.addressed_to or "",
                              source=f"{source_text(row)}  ·  {row.document_title}" if row.document_id else "",
                              parent=self.window())
        dialog.accepted.connect(lambda: self._update(row.id, dialog))
        self.dialogs.open(dialog)
        return dialog

    def _update(self, action_id: int, dialog: ActionDialog) -> None:
        if self.services is not None:
            self.context.push(EditActionCommand(self.services.actions, self.context.notify, action_id,
                                                dialog.result_fields()))

    def mark_done_selected(self) -> MarkDoneDialog | None:
        row = self.selected_row()
        if self.services is None or row is None or row.status is not ActionStatus.OPEN:
            return None
        documents = DocumentChoiceModel()
        documents.set_service(self.services.documents)
        dialog = MarkDoneDialog(row.summary, documents, self.context.current_document_id, parent=self.window())
        documents.setParent(dialog)
        dialog.accepted.connect(lambda: self._set_status(row, dialog))
        self.dialogs.open(dialog)
        return dialog

    def _set_status(self, row: ActionRow, dialog: MarkDoneDialog) -> None:
        if self.services is not None:
            self.context.push(SetStatusCommand(
                self.services.actions, self.context.notify, row.id, dialog.status_value(), note=dialog.note_value(),
                document_id=dialog.document_id(), summary=row.summary))

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if self.services is None or row is None:
            return False
        done = self.context.push(DeleteActionCommand(self.services.actions, self.context.notify, row.id, row.summary))
        if done:
            self.context.status("Action deleted. Edit ▸ Undo brings it back.")
        return done
