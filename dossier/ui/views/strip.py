"""The grey strip above a table: filters on the left, buttons for the view's actions on the right."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget


class Strip(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolbarStrip")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(10, 8, 10, 8)
        self.row.setSpacing(8)

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.row.addWidget(widget, stretch)
        return widget

    def label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("fieldName")
        self.row.addWidget(label)
        return label

    def button(self, action: QAction, menu: QMenu | None = None) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("stripButton")
        button.setDefaultAction(action)
        if menu is not None:
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.row.addWidget(button)
        return button

    def separator(self) -> None:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setStyleSheet("color: #dfe2e7;")
        self.row.addWidget(line)

    def stretch(self) -> None:
        self.row.addStretch(1)
