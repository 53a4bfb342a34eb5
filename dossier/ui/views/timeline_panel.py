"""The timeline with its own strip (lanes by kind or by actor, zoom, the "as at" date), as the
chronology page shows it beside its table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dossier.ui.views.actions_filters import date_edit, to_date, to_qdate
from dossier.ui.views.strip import Strip
from dossier.ui.views.timeline import TimelineView
from dossier.ui.views.timeline_items import BY_ACTOR, BY_KIND


class TimelinePanel(QWidget):
    """The timeline with its own strip: lanes by kind or by actor, zoom, and the "as at" date."""

    as_at_changed = Signal(object)  # dt.date: picked here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.view = TimelineView(self)
        strip = Strip(self)
        self.strip = strip
        strip.setStyleSheet("QFrame#toolbarStrip { background: #ffffff; }")
        strip.label("Lanes")
        self.by_kind = self._toggle(strip, "Kind", "One lane for each kind of entry")
        self.by_actor = self._toggle(strip, "Actor", "One lane for each actor (the busiest ten)")
        self.lanes_group = QButtonGroup(self)
        self.lanes_group.setExclusive(True)
        self.lanes_group.addButton(self.by_kind)
        self.lanes_group.addButton(self.by_actor)
        self.by_kind.setChecked(True)
        strip.separator()
        self.zoom_out_button = self._button(strip, "−", "Zoom out (or turn the wheel)", self.view.zoom_out)
        self.zoom_in_button = self._button(strip, "+", "Zoom in (or turn the wheel)", self.view.zoom_in)
        self.fit_button = self._button(strip, "Fit", "Show the bulk of the chronology (entries far from all the others"
                                      " are counted at the edge; zoom out to see them)", self.view.fit_all)
        strip.stretch()
        strip.label("As at")
        self.as_at = date_edit(strip, "chronologyAsAt", "The day the red line marks (shared with Actions)")
        strip.add(self.as_at)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(strip)
        layout.addWidget(self.view, 1)
        self.by_kind.toggled.connect(lambda on: self.view.set_lanes_by(BY_KIND if on else BY_ACTOR))
        self.as_at.dateChanged.connect(self._as_at_edited)

    def _toggle(self, strip: Strip, text: str, tip: str) -> QToolButton:
        button = QToolButton(strip)
        button.setObjectName("segment")
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        strip.add(button)
        return button

    def _button(self, strip: Strip, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(strip)
        button.setObjectName("stripButton")
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        strip.add(button)
        return button

    def set_as_at(self, day: dt.date) -> None:
        """Show this day (without saying it was picked here)."""
        self.as_at.blockSignals(True)
        self.as_at.setDate(to_qdate(day))
        self.as_at.blockSignals(False)
        self.view.set_as_at(day)

    def _as_at_edited(self) -> None:
        day = to_date(self.as_at.date())
        self.view.set_as_at(day)
        self.as_at_changed.emit(day)

    def set_lanes_by(self, mode: str) -> None:
        (self.by_actor if mode == BY_ACTOR else self.by_kind).setChecked(True)
