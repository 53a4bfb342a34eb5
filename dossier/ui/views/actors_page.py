"""The Who's Who view: every actor in a lazy table, the selected one's tenures and mentions in
context below. The posts column shows the post each actor held on the "as at" date.

Merge, split an alias, rename, change kind and delete are undoable commands; double-clicking a
mention opens the passage in the reader.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.changes import Changes, Kind
from dossier.domain.errors import NotFound
from dossier.domain.findings import ActorKind
from dossier.domain.register import ActorRow
from dossier.services import Services
from dossier.ui.commands.actors import (
    DeleteActorCommand,
    MergeCommand,
    NewActorCommand,
    RenameCommand,
    SetKindCommand,
    SplitAliasCommand,
)
from dossier.ui.context import UiContext
from dossier.ui.dialogs.actor_dialogs import ActorDialog, MergeDialog, RenameDialog, SplitAliasDialog
from dossier.ui.models.actors_model import ALIASES, NAME, ActorsModel
from dossier.ui.views.actions_filters import date_edit, to_date, to_qdate
from dossier.ui.views.actor_detail import ActorDetailPanel
from dossier.ui.views.mentions import KIND_LABEL
from dossier.ui.views.page import Page
from dossier.ui.views.strip import Strip
from dossier.ui.views.tables import DataTable, FilterEdit

AS_AT_KEY = "actors/as_at"
KIND_FILTERS: tuple[tuple[str, ActorKind | None], ...] = (
    ("All kinds", None), ("People", ActorKind.PERSON), ("Organisations", ActorKind.ORGANISATION))


class ActorsPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("panel")
        self.model = ActorsModel(self)
        self._selected: list[int] = []

        self._build_actions()
        self._build_layout()
        self._connect()

    def _build_actions(self) -> None:
        """The page's actions (in the Actors menu, its toolbar and the table's context menu)."""
        self.new_action = self._action("&New Actor…", self.new_actor, tip="Add a person or organisation")
        self.merge_action = self._action("&Merge Into…", self.merge_selected, tip="Merge the selected actors into one")
        self.split_action = self._action("&Split Alias…", self.split_selected,
                                         tip="Make an alias of the selected actor an actor of its own")
        self.rename_action = self._action("&Rename…", self.rename_selected, "F2", "Rename the selected actor")
        self.delete_action = self._action("&Delete", self.delete_selected, QKeySequence.StandardKey.Delete,
                                          "Delete the selected actor (their mentions go too)")
        self.kind_menu = QMenu("Change &Kind", self)
        self.kind_group = QActionGroup(self)
        self.kind_actions: dict[ActorKind, QAction] = {}
        for kind in ActorKind:
            action = self.kind_menu.addAction(KIND_LABEL[kind])
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=kind: self.set_kind_selected(k))
            self.kind_group.addAction(action)
            self.kind_actions[kind] = action
        self.kind_button_action = QAction("Kind", self)

    def _build_layout(self) -> None:
        """The filter strip and the toolbar over the table, with the detail of the actor chosen below it."""
        strip = Strip(self)
        self.filter_edit = FilterEdit("Filter people and organisations", strip,
                                      tip="Show actors whose name or an alias matches every word")
        self.kind_filter = QComboBox(strip)
        self.kind_filter.setObjectName("kindFilter")
        for label, shown_kind in KIND_FILTERS:
            self.kind_filter.addItem(label, shown_kind)
        strip.add(self.filter_edit, 1)
        strip.add(self.kind_filter)
        # the actions and the "as at" date on a row of their own, as in the Actions view
        buttons = Strip(self)
        for action, short in ((self.merge_action, "Merge Into…"), (self.split_action, "Split Alias…"),
                              (self.rename_action, "Rename…"), (self.delete_action, "Delete")):
            action.setIconText(short)
        self.kind_button_action.setIconText("Kind ▾")
        self.kind_button_action.setToolTip("Change whether the selected actor is a person or an organisation")
        buttons.button(self.merge_action)
        buttons.button(self.split_action)
        buttons.button(self.rename_action)
        self.kind_button = buttons.button(self.kind_button_action, self.kind_menu)
        buttons.button(self.delete_action)
        buttons.stretch()
        self.count_label = buttons.label("")
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons.row.setStretchFactor(self.count_label, 1)
        buttons.separator()
        buttons.label("As at")
        self.as_at_edit = date_edit(buttons, "actorsAsAt", "Show the posts each actor held on this date")
        buttons.add(self.as_at_edit)
        self.today_button = QToolButton(buttons)
        self.today_button.setObjectName("stripButton")
        self.today_button.setText("Today")
        self.today_button.setToolTip("As at today")
        buttons.add(self.today_button)

        self.table = DataTable(self, multi_select=True)
        self.table.setObjectName("actorsTable")
        self.table.setModel(self.model)
        self.table.apply_default_widths(ALIASES)  # the posts column keeps its room
        self.table.fit_columns_to_contents(ALIASES, keep=(NAME,))
        self.table.remember_widths(self.context.settings, "actors/column_widths")
        self.table.setup_sorting()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for action in (self.rename_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        self.detail = ActorDetailPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(strip)
        layout.addWidget(buttons)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        """Signals to the page's slots, and the "as at" date the page last showed."""
        self.filter_edit.filter_requested.connect(self.model.set_filter)
        self.filter_edit.escaped.connect(lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.kind_filter.activated.connect(lambda i: self.model.set_kind_filter(KIND_FILTERS[i][1]))
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._on_selection())
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.detail.passage_requested.connect(self.context.open_passage)
        self.context.services_changed.connect(self._set_services)
        self.context.changed.connect(self._on_changed)
        saved = self.context.settings.text(AS_AT_KEY, "")
        try:
            as_at = dt.date.fromisoformat(saved) if saved else dt.date.today()
        except ValueError:
            as_at = dt.date.today()
        self.as_at_edit.setDate(to_qdate(as_at))
        self.model.set_as_at(as_at)
        self.as_at_edit.dateChanged.connect(lambda d: self.set_as_at(to_date(d)))
        self.today_button.clicked.connect(lambda: self.set_as_at(dt.date.today()))
        self.context.as_at_changed.connect(self._on_shared_as_at)
        self._on_selection()

    # -- showing ---------------------------------------------------------------------------------
    def _set_services(self, services: Services | None) -> None:
        self.filter_edit.clear_silently()
        self.kind_filter.setCurrentIndex(0)
        self.model.set_service(services.actors if services else None)
        self._update_count()

    def _on_changed(self, changes: Changes) -> None:
        if self.services is not None and changes.touches_any(Kind.ACTORS, Kind.MENTIONS):
            self.model.reload()

    def focus_filter(self) -> None:
        self.filter_edit.focus()

    def as_at(self) -> dt.date:
        return to_date(self.as_at_edit.date())

    def set_as_at(self, day: dt.date) -> None:
        """Show the posts held on this day (remembered; today is remembered as "today")."""
        if self.as_at() != day:
            self.as_at_edit.setDate(to_qdate(day))  # comes back here through the signal
            return
        self.context.settings.set_text(AS_AT_KEY, "" if day == dt.date.today() else day.isoformat())
        self.model.set_as_at(day)
        self._on_selection()

    def _on_shared_as_at(self, day: dt.date) -> None:
        """The Actions view or the chronology's timeline picked the day."""
        if day != self.as_at():
            self.set_as_at(day)

    def show_actor(self, actor_id: int) -> bool:
        """Select an actor, clearing the filters if they hide it."""
        if self.table.select_id(actor_id):
            return True
        self.filter_edit.clear_silently()
        self.kind_filter.setCurrentIndex(0)
        self.model.set_kind_filter(None)
        self.model.set_filter("")
        return self.table.select_id(actor_id)

    def selected_rows(self) -> list[ActorRow]:
        rows = self.services.actors.rows(self.table.selected_ids()) if self.services else []
        return rows

    def _remember_selection(self) -> None:
        self._selected = self.table.selected_ids()
        current = self.model.id_at(self.table.currentIndex().row())
        if current is not None and current in self._selected:
            self._selected.remove(current)
            self._selected.insert(0, current)

    def _restore_selection(self) -> None:
        wanted, self._selected = self._selected, []
        kept = [i for i in wanted if self.model.row_of(i) is not None]
        if kept:
            self.table.select_id(kept[0])
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for actor_id in kept[1:]:
                self.table.selectionModel().select(self.model.index(self.model.row_of(actor_id) or 0, 0), flags)
        self._update_count()
        self._on_selection()

    def _on_selection(self) -> None:
        ids = self.table.selected_ids()
        one = len(ids) == 1
        row = self.model.actor_row(self.model.row_of(ids[0]) or 0) if one else None
        self.merge_action.setEnabled(len(ids) >= 2)
        self.split_action.setEnabled(row is not None and bool(row.aliases))
        self.rename_action.setEnabled(one)
        self.delete_action.setEnabled(bool(ids))
        self.kind_button_action.setEnabled(one)
        self.kind_menu.setEnabled(one)
        if row is not None:
            self.kind_actions[row.kind].setChecked(True)
        detail = None
        if one and self.services is not None:
            try:
                detail = self.services.actors.get(ids[0], self.model.as_at)
            except NotFound:
                detail = None
        self.detail.show_actor(detail)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(f"{n:,} {'actor' if n == 1 else 'actors'}")

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.merge_action, self.split_action, self.rename_action):
            menu.addAction(action)
        menu.addMenu(self.kind_menu)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- edits -----------------------------------------------------------------------------------
    def new_actor(self) -> ActorDialog | None:
        if self.services is None:
            return None
        actors = self.services.actors

        def lookup(name: str) -> ActorKind | None:
            actor_id = actors.find(name)
            return actors.rows([actor_id])[0].kind if actor_id is not None else None

        dialog = ActorDialog("New Actor", self.filter_edit.text(), actors.names(), lookup, ok_text="Add",
                             parent=self.window())
        dialog.accepted.connect(lambda: self._create(dialog))
        self.dialogs.open(dialog)
        return dialog

    def _create(self, dialog: ActorDialog) -> None:
        if self.services is None:
            return
        if dialog.existing_kind() is not None:
            self.show_actor(self.services.actors.find(dialog.name()) or 0)
            return
        command = NewActorCommand(self.services.actors, self.context.notify, dialog.name(), dialog.kind_value())
        if self.context.push(command) and command.actor_id is not None:
            self.show_actor(command.actor_id)

    def merge_selected(self) -> MergeDialog | None:
        rows = self.selected_rows()
        if len(rows) < 2:
            return None
        dialog = MergeDialog(rows, parent=self.window())
        dialog.accepted.connect(lambda: self.merge(dialog.keep_id(), [r.id for r in rows if r.id != dialog.keep_id()]))
        self.dialogs.open(dialog)
        return dialog

    def merge(self, keep_id: int, drop_ids: list[int]) -> int:
        if self.services is None or not drop_ids:
            return 0
        actors, notify = self.services.actors, self.context.notify
        names = {r.id: r.name for r in actors.rows([keep_id, *drop_ids])}
        commands = [MergeCommand(actors, notify, keep_id, d, f"Merge “{names.get(d, d)}” into “{names.get(keep_id)}”")
                    for d in drop_ids]
        made = (int(self.context.push(commands[0])) if len(commands) == 1
                else self.context.push_all(f"Merge {len(commands) + 1} actors into “{names.get(keep_id)}”", commands))
        self.show_actor(keep_id)
        return made

    def split_selected(self) -> SplitAliasDialog | None:
        rows = self.selected_rows()
        if len(rows) != 1 or not rows[0].aliases:
            return None
        dialog = SplitAliasDialog(rows[0], parent=self.window())
        dialog.accepted.connect(lambda: self._split(dialog.actor_id, dialog.alias_value()))
        self.dialogs.open(dialog)
        return dialog

    def _split(self, actor_id: int, alias: str) -> None:
        if self.services is None or not alias:
            return
        command = SplitAliasCommand(self.services.actors, self.context.notify, actor_id, alias)
        if self.context.push(command) and command.new_id is not None:
            self.show_actor(command.new_id)

    def rename_selected(self) -> RenameDialog | None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        dialog = RenameDialog(rows[0], parent=self.window())
        dialog.accepted.connect(lambda: self._rename(dialog.actor_id, dialog.name()))
        self.dialogs.open(dialog)
        return dialog

    def _rename(self, actor_id: int, name: str) -> bool:
        if self.services is None or not name:
            return False
        other = self.services.actors.find(name)
        if other is not None and other != actor_id:
            self.context.error("The name is taken", f"“{name}” is already in the who's who.",
                               "If they are the same person, select both and use Merge Into… instead.")
            return False
        return self.context.push(RenameCommand(self.services.actors, self.context.notify, actor_id, name))

    def set_kind_selected(self, kind: ActorKind) -> bool:
        rows = self.selected_rows()
        if self.services is None or len(rows) != 1 or rows[0].kind is kind:
            return False
        return self.context.push(SetKindCommand(self.services.actors, self.context.notify, rows[0].id, kind,
                                                rows[0].name))

    def delete_selected(self) -> QMessageBox | None:
        rows = self.selected_rows()
        if not rows:
            return None
        what = f"“{rows[0].name}”" if len(rows) == 1 else f"these {len(rows)} actors"
        box = QMessageBox(QMessageBox.Icon.Question, "Delete Actor", f"Delete {what} from the who's who?",
                          QMessageBox.StandardButton.Cancel, self.window())
        box.setInformativeText("Their mentions and posts go too; actions they own keep no owner. "
                               "You can undo this with Edit ▸ Undo.")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        ids = [(r.id, r.name) for r in rows]
        box.buttonClicked.connect(lambda button: self._delete(ids) if button is delete else None)
        self.dialogs.open(box)
        return box

    def _delete(self, ids: list[tuple[int, str]]) -> int:
        if self.services is None:
            return 0
        commands = [DeleteActorCommand(self.services.actors, self.context.notify, i, name) for i, name in ids]
        if len(commands) == 1:
            return int(self.context.push(commands[0]))
        return self.context.push_all(f"Delete {len(commands)} actors", commands)
