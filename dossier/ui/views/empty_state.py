"""What the window shows when no dossier is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dossier.ui.style import icons, theme

MAX_SHOWN_RECENT = 5


class EmptyState(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        mark = QLabel(self)
        mark.setPixmap(icons.app_icon().pixmap(64, 64))
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel("Open or create a dossier", self)
        self.title.setObjectName("emptyTitle")
        self.title.setFont(theme.scaled(self.font(), 1.6, bold=True))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel("A dossier is one file that holds the letters of a case, their dates and the "
                      "people in them.", self)
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(440)
        text.setMinimumHeight(text.heightForWidth(440))  # the layout would not give a wrapped label its height
        self.new_button = QPushButton("New Dossier…", self)
        self.open_button = QPushButton("Open…", self)
        self.open_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.recent_heading = QLabel("Recent", self)
        self.recent_heading.setObjectName("sectionTitle")
        self.recent_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._recent_box = QVBoxLayout()
        self._recent_box.setSpacing(2)

        column = QVBoxLayout()
        column.setSpacing(12)
        column.addStretch(3)
        column.addWidget(mark)
        column.addWidget(self.title)
        column.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(6)
        column.addLayout(buttons)
        column.addSpacing(18)
        column.addWidget(self.recent_heading)
        column.addLayout(self._recent_box)
        column.addStretch(4)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(column, 2)
        layout.addStretch(1)
        self.set_recent([])

    def set_recent(self, paths: list[Path]) -> None:
        while self._recent_box.count():
            item = self._recent_box.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        shown = paths[:MAX_SHOWN_RECENT]
        for path in shown:
            link = QPushButton(path.name, self)
            link.setFlat(True)
            link.setToolTip(str(path))
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setStyleSheet("QPushButton { border: none; color: #2a62c9; padding: 2px; }"
                               "QPushButton:hover { text-decoration: underline; }")
            link.clicked.connect(lambda _checked=False, p=path: self.recent_requested.emit(p))
            self._recent_box.addWidget(link, 0, Qt.AlignmentFlag.AlignHCenter)
        self.recent_heading.setVisible(bool(shown))
