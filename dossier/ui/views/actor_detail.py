"""The selected actor under the who's who: name, kind, posts, aliases, and every mention in context."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.dates import PartialDate
from dossier.domain.register import ActorDetail, PostHeld
from dossier.domain.tenures import post_label
from dossier.ui.models.mentions_model import BEFORE, WIDTHS, KwicModel
from dossier.ui.style import theme
from dossier.ui.views.mentions import KIND_LABEL, kind_colours


class _ElideLeft(QStyledItemDelegate):
    """The words just before a mention matter most: cut the start of the "before" column, not its end."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


def post_text(post: PostHeld) -> str:
    """ "Director of Place (acting), 1 Apr 2014 – 31 Aug 2016"; a start that is only the first letter
    naming the post reads "from Jan 2014 (first letter)"."""
    label = post_label(post.title, post.organisation, post.note)
    start = PartialDate.parse_iso(post.start).display() if post.start else ""
    end = PartialDate.parse_iso(post.end).display() if post.end else ""
    if not start and not end:
        return label
    if start and not post.start_stated:
        start = f"{start} (first letter)"
    if start and end:
        return f"{label}, {start} – {end}"
    return f"{label}, from {start}" if start else f"{label}, until {end}"


class ActorDetailPanel(QWidget):
    passage_requested = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.name = QLabel(self)
        self.name.setObjectName("actorName")
        self.name.setFont(theme.scaled(self.font(), 1.3, bold=True))
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = QLabel(self)
        self.kind.setObjectName("chip")
        self.facts = QLabel(self)
        self.facts.setObjectName("fieldName")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.mentions_title = QLabel(self)
        self.mentions_title.setObjectName("sectionTitle")

        self.kwic = KwicModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("kwicTable")
        self.table.setModel(self.kwic)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.setItemDelegateForColumn(BEFORE, _ElideLeft(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for n, width in enumerate(WIDTHS):
            self.table.setColumnWidth(n, width)
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BEFORE + 2, QHeaderView.ResizeMode.Stretch)
        self.placeholder = QLabel("Select someone in the who's who to see where they appear.", self)
        self.placeholder.setObjectName("emptyText")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.name)
        top.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(20, 12, 20, 0)
        body_layout.setSpacing(6)
        body_layout.addLayout(top)
        body_layout.addWidget(self.facts)
        body_layout.addSpacing(4)
        body_layout.addWidget(self.mentions_title)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(0)
        table_layout.addWidget(body)
        table_layout.addWidget(self.table, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(table_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.table.activated.connect(lambda index: self.open_mention(index.row()))  # double-click or Enter
        self.show_actor(None)

    def show_actor(self, detail: ActorDetail | None) -> None:
        if detail is None:
            self.kwic.set_mentions([])
            self.stack.setCurrentWidget(self.placeholder)
            return
        row = detail.row
        self.name.setText(row.name)
        background, line = kind_colours(row.kind)
        self.kind.setText(KIND_LABEL[row.kind])
        self.kind.setStyleSheet(f"background: {background.name()}; color: {line.darker(150).name()};")
        facts = []
        if detail.posts:
            held = "<br>".join("&nbsp;&nbsp;" + escape(post_text(p)) for p in detail.posts)
            facts.append(f"<b>{'Tenure' if len(detail.posts) == 1 else 'Tenures'}</b><br>{held}")
        if row.organisation:
            facts.append("<b>Organisation</b>&nbsp; " + escape(row.organisation))
        if row.aliases:
            facts.append("<b>Also written</b>&nbsp; " + escape(", ".join(row.aliases)))
        seen = " – ".join(d.display() for d in (row.first_seen, row.last_seen) if d)
        if seen:
            facts.append(f"<b>Seen</b>&nbsp; {escape(seen)} in {row.documents} document{'s' if row.documents != 1 else ''}")
        self.facts.setText("<br>".join(facts))
        self.facts.setVisible(bool(facts))
        n = len(detail.mentions)
        self.mentions_title.setText(f"Mentions  ·  {n}" if n else "No mentions tagged in the text")
        self.kwic.set_mentions(detail.mentions)
        self.stack.setCurrentIndex(1)

    def open_mention(self, row: int) -> None:
        m = self.kwic.mention(row)
        if m is not None:
            self.passage_requested.emit(m.document_id, m.start, m.end)
