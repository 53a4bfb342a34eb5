"""What the machine suggests for the current document, grouped Actors / Actions, to accept or reject.

The panel only shows and asks: Accept, Reject and Accept All emit signals, and its owner turns
them into undoable commands. Enter accepts the selected suggestions, Delete rejects them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.findings import ActorKind
from dossier.domain.register import SuggestionRow
from dossier.ui.style import icons, theme
from dossier.ui.views.mentions import kind_colours

GROUPS = (("actor", "Actors"), ("action", "Actions"), ("status", "Progress on earlier actions"))
ALL_KINDS = "All kinds"
SuggestionRole = Qt.ItemDataRole.UserRole + 1


def suggestion_tooltip(s: SuggestionRow) -> str:
    p = s.payload
    if s.kind == "actor":
        lines = [f"<b>{escape(p.get('name', s.label))}</b> · {escape(str(p.get('kind', '')))}"]
        if p.get("forms"):
            lines.append("Written as: " + escape(", ".join(p["forms"])))
        if p.get("posts"):
            lines.append("Posts: " + escape(", ".join(p["posts"])))
        lines.append(f"{len(p.get('mentions', []))} mention(s) in this document")
        return "<br>".join(lines)
    if s.kind == "status":
        what = "Mark the action done" if p.get("status") == "done" else "Mark the action superseded"
        lines = [f"<b>{escape(what)}</b>: {escape(p.get('summary', ''))}"]
        if p.get("quote"):
            lines.append("This letter says: <i>“" + escape(p["quote"]) + "”</i>")
        return "<br>".join(lines)
    lines = [f"<b>{escape(s.label)}</b>"]
    if p.get("owner"):
        lines.append("Owner: " + escape(p["owner"]))
    else:
        lines.append("Owner: <b>to be confirmed</b>: the letter does not say who is to act")
    if p.get("sentence"):
        lines.append("<i>“" + escape(" ".join(p["sentence"].split())) + "”</i>")
    return "<br>".join(lines)


def suggestion_span(s: SuggestionRow) -> tuple[int, int] | None:
    """Where the suggestion is in the text: an actor's first mention, an action's sentence."""
    p = s.payload
    if s.kind == "actor" and p.get("mentions"):
        start, end, _text = p["mentions"][0]
        return int(start), int(end)
    if s.kind in ("action", "status") and p.get("start") is not None and p.get("end") is not None:
        return int(p["start"]), int(p["end"])
    return None


class SuggestionsPanel(QWidget):
    accept_requested = Signal(list)  # suggestion ids
    reject_requested = Signal(list)  # list[SuggestionRow]
    accept_all_requested = Signal()
    accept_dossier_requested = Signal(object)  # a kind ("actor", "action", "status") or None for all
    reject_dossier_requested = Signal(object)
    span_selected = Signal(int, int)  # show where a suggestion is in the reader

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._rows: list[SuggestionRow] = []

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("suggestions")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setMouseTracking(True)
        self.empty = QLabel("No pending suggestions for this document.", self)
        self.empty.setObjectName("emptyText")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)  # a narrow window wraps it rather than growing
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tree)

        self.accept_button = QPushButton("Accept", self)
        self.accept_button.setToolTip("Accept the selected suggestions (Enter)")
        self.reject_button = QPushButton("Reject", self)
        self.reject_button.setToolTip("Reject the selected suggestions; Dossier will not suggest them again (Delete)")
        self.accept_all_button = QPushButton("Accept All", self)
        self.accept_all_button.setObjectName("primary")
        self.accept_all_button.setToolTip("Accept every pending suggestion for this document")
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.accept_all_button)
        buttons.addSpacing(8)
        # review in bulk: every pending suggestion of a kind, across the whole dossier
        self.dossier_label = QLabel("Whole dossier", self)
        self.dossier_label.setObjectName("emptyText")
        self.dossier_label.setWordWrap(True)
        self.dossier_kind = QComboBox(self)
        self.dossier_kind.setToolTip("Which suggestions Accept or Reject in Dossier acts on")
        self.accept_dossier_button = QPushButton("Accept All in Dossier", self)
        self.accept_dossier_button.setToolTip("Accept every pending suggestion of this kind, in every document")
        self.reject_dossier_button = QPushButton("Reject All in Dossier", self)
        self.reject_dossier_button.setToolTip("Reject every pending suggestion of this kind, in every document "
                                              "(you can undo it)")
        buttons.addWidget(self.dossier_label)
        buttons.addWidget(self.dossier_kind)
        buttons.addWidget(self.accept_dossier_button)
        buttons.addWidget(self.reject_dossier_button)
        buttons.addStretch(1)
        self.set_dossier_counts({})

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 16, 10)
        layout.setSpacing(12)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_all_button.clicked.connect(self.accept_all_requested)
        self.accept_dossier_button.clicked.connect(lambda: self.accept_dossier_requested.emit(self.dossier_kind_chosen()))
        self.reject_dossier_button.clicked.connect(lambda: self.reject_dossier_requested.emit(self.dossier_kind_chosen()))
        self.dossier_kind.currentIndexChanged.connect(self._on_dossier_kind)
        self.tree.installEventFilter(self)  # Enter accepts, Delete rejects
        self.tree.itemSelectionChanged.connect(self._on_selection)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._accept_items([item]))
        self.show_suggestions([])

    # -- public ----------------------------------------------------------------------------------
    @property
    def rows(self) -> list[SuggestionRow]:
        return list(self._rows)

    def show_suggestions(self, rows: Sequence[SuggestionRow]) -> None:
        """Show a document's pending suggestions, keeping the selection's place where it can."""
        keep = self._selected_position()
        self._rows = list(rows)
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        for kind, title in GROUPS:
            members = [s for s in self._rows if s.kind == kind]
            if not members:
                continue
            group = QTreeWidgetItem([f"{title}  ·  {len(members)}"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(0, bold)
            group.setForeground(0, theme.MUTED)
            self.tree.addTopLevelItem(group)
            for s in members:
                item = QTreeWidgetItem([s.label])
                item.setData(0, SuggestionRole, s.id)
                item.setToolTip(0, suggestion_tooltip(s))
                if s.kind == "actor":
                    kind = ActorKind.ORGANISATION if s.payload.get("kind") == "organisation" else ActorKind.PERSON
                    item.setIcon(0, icons.dot_icon(kind_colours(kind)[1].name()))
                else:
                    item.setIcon(0, icons.actions_icon())
                group.addChild(item)
            group.setExpanded(True)
        self.tree.blockSignals(False)
        self.stack.setCurrentWidget(self.tree if self._rows else self.empty)
        items = self.suggestion_items()
        if items and keep is not None:
            items[min(keep, len(items) - 1)].setSelected(True)
            self.tree.setCurrentItem(items[min(keep, len(items) - 1)])
        self._on_selection()

    def set_dossier_counts(self, counts: dict[str, int]) -> None:
        """How many suggestions wait across the dossier, by kind: the kinds offered and the label."""
        chosen = self.dossier_kind_chosen()
        self.dossier_kind.blockSignals(True)
        self.dossier_kind.clear()
        self.dossier_kind.addItem(f"{ALL_KINDS} ({sum(counts.values())})", None)
        for kind, title in GROUPS:
            if counts.get(kind):
                self.dossier_kind.addItem(f"{title} ({counts[kind]})", kind)
        index = self.dossier_kind.findData(chosen)
        self.dossier_kind.setCurrentIndex(max(index, 0))
        self.dossier_kind.blockSignals(False)
        self._counts = dict(counts)
        total = sum(counts.values())
        self.dossier_label.setText(f"Whole dossier: {total} waiting" if total else "Whole dossier: none waiting")
        self._on_dossier_kind()

    def dossier_kind_chosen(self) -> str | None:
        return self.dossier_kind.currentData() if self.dossier_kind.count() else None

    def _on_dossier_kind(self) -> None:
        counts = getattr(self, "_counts", {})
        kind = self.dossier_kind_chosen()
        waiting = counts.get(kind, 0) if kind else sum(counts.values())
        self.accept_dossier_button.setEnabled(waiting > 0)
        self.reject_dossier_button.setEnabled(waiting > 0)

    def suggestion_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            if (group := self.tree.topLevelItem(g)) is not None:
                out.extend(item for n in range(group.childCount()) if (item := group.child(n)) is not None)
        return out

    def item_for(self, suggestion_id: int) -> QTreeWidgetItem | None:
        return next((i for i in self.suggestion_items() if i.data(0, SuggestionRole) == suggestion_id), None)

    def select(self, suggestion_ids: Sequence[int]) -> None:
        self.tree.clearSelection()
        for item in self.suggestion_items():
            if item.data(0, SuggestionRole) in suggestion_ids:
                item.setSelected(True)
                self.tree.setCurrentItem(item)

    def selected(self) -> list[SuggestionRow]:
        ids = {i.data(0, SuggestionRole) for i in self.tree.selectedItems()}
        return [s for s in self._rows if s.id in ids]

    def accept_selected(self) -> None:
        self._accept_items(self.tree.selectedItems())

    def reject_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            self.reject_requested.emit(chosen)

    # -- internals -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_selected()
                return True
            if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
                self.reject_selected()
                return True
        return super().eventFilter(watched, event)

    def _accept_items(self, items: Sequence[QTreeWidgetItem]) -> None:
        ids = [i.data(0, SuggestionRole) for i in items if i.data(0, SuggestionRole) is not None]
        if ids:
            self.accept_requested.emit(ids)

    def _selected_position(self) -> int | None:
        items = self.suggestion_items()
        chosen = [n for n, i in enumerate(items) if i.isSelected()]
        return chosen[0] if chosen else None

    def _on_selection(self) -> None:
        chosen = self.selected()
        self.accept_button.setEnabled(bool(chosen))
        self.reject_button.setEnabled(bool(chosen))
        self.accept_all_button.setEnabled(bool(self._rows))
        if len(chosen) == 1:
            span = suggestion_span(chosen[0])
            if span is not None:
                self.span_selected.emit(*span)
