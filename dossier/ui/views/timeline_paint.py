"""What the timeline paints over its scene (the axis, the lane names, the notes and markers under
the lanes, the "as at" line), laid out so that nothing overprints. A part of TimelineView."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QGraphicsView

from dossier.ui.style import theme
from dossier.ui.views.timeline_items import (
    AXIS_HEIGHT,
    FOOTER_ROW,
    GRID,
    GRID_MAJOR,
    GUTTER,
    LANE_ALT,
    LANE_PAD,
    LEFT_PAD,
    Overlay,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

    from dossier.ui.models.chronology_model import ChronologyModel
    from dossier.ui.views.timeline_items import AggregateItem, EntryItem, Lane
    from dossier.ui.views.timeline_scale import TimeScale


class TimelineCanvas(QGraphicsView):
    """TimelineView's painting over the scene (and a click on a marker it painted). TimelineView sets
    the state declared here (the scale, the lanes and the fonts) and lays out the items."""

    _model: ChronologyModel | None
    _scale: TimeScale
    _first: dt.date | None
    _fitted: bool
    _lanes: list[Lane]
    _aggregates: list[AggregateItem]
    _as_at: dt.date | None
    _axis_font: QFont
    _axis_bold: QFont
    _lane_font: QFont

    if TYPE_CHECKING:  # TimelineView's own
        def entry_items(self) -> list[EntryItem]: ...
        def beyond(self) -> tuple[int, int]: ...
        def _beyond(self) -> tuple[tuple[int, str], tuple[int, str]]: ...

    # -- painting --------------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        painter.fillRect(rect, QColor("#ffffff"))
        for n, lane in enumerate(self._lanes):
            if n % 2:
                painter.fillRect(QRectF(rect.left(), lane.top, rect.width(), lane.height), LANE_ALT)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(rect.left(), lane.top + lane.height), QPointF(rect.right(), lane.top + lane.height))
        if self._first is None:
            return
        painter.setPen(QPen(GRID, 1))
        for x in self._scale.boundaries(rect.left(), rect.right()):
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        painter.setPen(QPen(GRID_MAJOR, 1))
        for tick in self._scale.upper_ticks(rect.left(), rect.right()):
            painter.drawLine(QPointF(tick.x, rect.top()), QPointF(tick.x, rect.bottom()))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.viewport().width(), self.viewport().height()
        sx, sy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        overlays = self.overlays()
        self._paint_as_at_line(painter, sx, height - self.footer_height())
        self._paint_gutter(painter, sy, height - self.footer_height())
        self._paint_axis(painter, sx, width, overlays)
        self._paint_footer(painter, width, height, overlays)
        painter.restore()

    # -- what is painted over the scene, laid out so that nothing overprints -----------------------
    def footer_height(self) -> float:
        """The band under the lanes for the notes, the "As at" badge and the markers of entries
        beyond the edges: two rows when there is a note, else one."""
        return FOOTER_ROW * (2 if self._notes() else 1)

    def _notes(self) -> list[str]:
        notes = []
        if self._aggregates:
            notes.append("Each bar counts a month's entries: zoom in, or double-click a bar, to see them")
        if self._model is not None and self._model.layout.undated_count:
            n = self._model.layout.undated_count
            notes.append(f"{n:,} undated entr{'y is' if n == 1 else 'ies are'} listed in the table only")
        return notes

    def overlays(self) -> list[Overlay]:
        """Everything painted over the scene with its place in the viewport: the axis labels (upper
        and lower tier, and the corner's unit), the notes, the "As at" badge and the markers of
        entries beyond the edges. No two of their rects intersect."""
        width, height = self.viewport().width(), self.viewport().height()
        return self._axis_overlays(self.horizontalScrollBar().value(), width) + self._footer_overlays(width, height)

    def _axis_overlays(self, sx: int, width: int) -> list[Overlay]:
        out: list[Overlay] = []
        fm_unit = QFontMetricsF(self._lane_font)
        unit = {"year": "Years", "month": "Months", "day": "Days"}[self._scale.unit]
        out.append(Overlay("corner", QRectF(12, 0, fm_unit.horizontalAdvance(unit) + 2, AXIS_HEIGHT), unit))
        if self._first is None:
            return out
        x0, x1 = sx + LEFT_PAD - 8, sx + width
        mid = AXIS_HEIGHT * 0.44
        upper = self._scale.upper_ticks(x0 - width, x1)
        fm = QFontMetricsF(self._axis_bold)
        kept: list[QRectF] = []
        for n, tick in enumerate(upper):
            left = tick.x - sx
            nxt = upper[n + 1].x - sx if n + 1 < len(upper) else float(width) + 1e6
            if nxt <= LEFT_PAD:
                continue
            left = max(left, LEFT_PAD - 8)  # the current year or month sticks to the left
            left = min(left, nxt - fm.horizontalAdvance(tick.label) - 10)  # until the next pushes it out
            rect = QRectF(left + 4, 4, fm.horizontalAdvance(tick.label) + 2, mid - 4)
            if rect.left() < LEFT_PAD - 4 or rect.right() > width or any(rect.intersects(k) for k in kept):
                continue  # pushed under the lane names, or onto another: left out rather than overprinted
            kept.append(rect)
            out.append(Overlay("upper", rect, tick.label))
        lower_top = mid if upper else 4.0
        fm = QFontMetricsF(self._axis_font if upper else self._axis_bold)
        previous: QRectF | None = None
        for tick in self._scale.ticks(x0, x1):
            rect = QRectF(tick.x - sx + 4, lower_top, fm.horizontalAdvance(tick.label) + 2,
                          AXIS_HEIGHT - lower_top - 4)
            if rect.left() < GUTTER + 4 or rect.right() > width or (previous is not None and rect.intersects(previous)):
                continue  # under the lane names, or onto the one before
            previous = rect
            out.append(Overlay("lower", rect, tick.label))
        return out

    def _footer_overlays(self, width: int, height: int) -> list[Overlay]:
        if self._first is None:
            return []
        out: list[Overlay] = []
        row = QRectF(GUTTER + 6, height - FOOTER_ROW + 3, width - GUTTER - 12, FOOTER_ROW - 6)
        fm = QFontMetricsF(self._axis_bold)
        left, right = row.left(), row.right()
        (before, before_years), (after, after_years) = self._beyond()
        if before:
            text = f"◀ {before:,} earlier ({before_years})"
            rect = QRectF(left, row.top(), fm.horizontalAdvance(text) + 16, row.height())
            out.append(Overlay("earlier", rect, text))
            left = rect.right() + 6
        if after:
            text = f"{after:,} later ({after_years}) ▶"
            w = fm.horizontalAdvance(text) + 16
            rect = QRectF(right - w, row.top(), w, row.height())
            if rect.left() >= left:
                out.append(Overlay("later", rect, text))
                right = rect.left() - 6
        if self._as_at is not None:
            x = self._scale.x_of(self._as_at) + self._scale.ppd / 2 - self.horizontalScrollBar().value()
            if GUTTER <= x <= width:
                text = f"As at {self._as_at.day} {self._as_at:%b %Y}"
                w = fm.horizontalAdvance(text) + 14
                chip_left = min(max(x - w / 2, left), right - w)
                if chip_left >= left:  # no room between the markers: the dashed line alone says it
                    out.append(Overlay("as_at", QRectF(chip_left, row.top(), w, row.height()), text))
        notes = self._notes()
        if notes:
            fm = QFontMetricsF(self._axis_font)
            top = height - 2 * FOOTER_ROW + 3
            text = fm.elidedText("   ·   ".join(notes), Qt.TextElideMode.ElideRight, width - GUTTER - 20)
            w = fm.horizontalAdvance(text) + 2
            out.append(Overlay("note", QRectF(width - 10 - w, top, w, FOOTER_ROW - 6), text))
        return out

    def _paint_axis(self, painter: QPainter, sx: int, width: int, overlays: list[Overlay]) -> None:
        painter.fillRect(QRectF(0, 0, width, AXIS_HEIGHT), QColor("#ffffff"))
        painter.setPen(QPen(theme.RULE, 1))
        painter.drawLine(QPointF(0, AXIS_HEIGHT - 0.5), QPointF(width, AXIS_HEIGHT - 0.5))
        if self._first is not None:
            for tick in self._scale.ticks(sx + LEFT_PAD - 8, sx + width):
                x = tick.x - sx
                painter.drawLine(QPointF(x, AXIS_HEIGHT - 6), QPointF(x, AXIS_HEIGHT - 1))
        upper = any(o.kind == "upper" for o in overlays)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.fillRect(QRectF(0, 0, GUTTER, AXIS_HEIGHT - 1), QColor("#ffffff"))
        for o in overlays:
            if o.kind == "upper":
                painter.setFont(self._axis_bold)
                painter.setPen(theme.INK)
            elif o.kind == "lower":
                painter.setFont(self._axis_font if upper else self._axis_bold)
                painter.setPen(theme.MUTED if upper else theme.INK)
            elif o.kind == "corner":
                painter.setFont(self._lane_font)
                painter.setPen(theme.FAINT)
            else:
                continue
            painter.drawText(o.rect, align, o.text)

    def _paint_footer(self, painter: QPainter, width: int, height: int, overlays: list[Overlay]) -> None:
        if self._first is None:
            painter.setFont(self._axis_font)
            painter.setPen(theme.FAINT)
            painter.drawText(QRectF(0, AXIS_HEIGHT, width, height - AXIS_HEIGHT), Qt.AlignmentFlag.AlignCenter,
                             "No dated entries to show")
            return
        top = height - self.footer_height()
        painter.fillRect(QRectF(0, top, width, height - top), QColor("#ffffff"))
        painter.setPen(QPen(theme.RULE, 1))
        painter.drawLine(QPointF(0, top + 0.5), QPointF(width, top + 0.5))
        for o in overlays:
            if o.kind == "note":
                painter.setFont(self._axis_font)
                painter.setPen(theme.MUTED)
                painter.drawText(o.rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, o.text)
            elif o.kind == "as_at":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(theme.DANGER)
                painter.drawRoundedRect(o.rect, o.rect.height() / 2, o.rect.height() / 2)
                painter.setFont(self._axis_bold)
                painter.setPen(QColor("#ffffff"))
                painter.drawText(o.rect, Qt.AlignmentFlag.AlignCenter, o.text)
            elif o.kind in ("earlier", "later"):
                painter.setPen(QPen(theme.RULE, 1))
                painter.setBrush(QColor("#f3f5f8"))
                painter.drawRoundedRect(o.rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
                painter.setFont(self._axis_bold)
                painter.setPen(theme.INK)
                painter.drawText(o.rect, Qt.AlignmentFlag.AlignCenter, o.text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a marker of entries beyond the edge scrolls to them."""
        pos = event.position()
        for o in self._footer_overlays(self.viewport().width(), self.viewport().height()):
            if o.kind in ("earlier", "later") and o.rect.contains(pos):
                bar = self.horizontalScrollBar()
                bar.setValue(bar.minimum() if o.kind == "earlier" else bar.maximum())
                event.accept()
                return
        super().mousePressEvent(event)

    def _paint_gutter(self, painter: QPainter, sy: int, height: float) -> None:
        if not self._lanes:
            return
        painter.fillRect(QRectF(0, AXIS_HEIGHT, GUTTER, height - AXIS_HEIGHT), QColor("#ffffff"))
        visible = self._visible_counts()
        some_beyond = self.beyond() != (0, 0)
        painter.setPen(QPen(theme.RULE, 1))
        painter.drawLine(QPointF(GUTTER - 0.5, AXIS_HEIGHT), QPointF(GUTTER - 0.5, height))
        fm = QFontMetricsF(self._lane_font)
        for lane in self._lanes:
            top = lane.top - sy
            if top + lane.height < AXIS_HEIGHT or top > height:
                continue
            y = max(top, AXIS_HEIGHT)
            painter.setFont(self._lane_font)
            painter.setPen(theme.INK if lane.count else theme.FAINT)
            label = fm.elidedText(lane.label, Qt.TextElideMode.ElideRight, GUTTER - 24)
            painter.drawText(QRectF(12, y + LANE_PAD - 3, GUTTER - 20, 20), Qt.AlignmentFlag.AlignVCenter, label)
            painter.setFont(self._axis_font)
            painter.setPen(theme.FAINT)
            shown = visible.get(lane.name, lane.count)
            painter.drawText(QRectF(12, y + LANE_PAD + 14, GUTTER - 20, 16), Qt.AlignmentFlag.AlignVCenter,
                             f"{shown:,} in view" if shown != lane.count or not self._fitted or some_beyond else f"{shown:,}")

    def _visible_counts(self) -> dict[str, int]:
        """How many entries of each lane are in the visible stretch of time."""
        x0 = self.horizontalScrollBar().value() + GUTTER
        x1 = self.horizontalScrollBar().value() + self.viewport().width()
        if self._aggregates:
            return {"all": sum(a.run.count for a in self._aggregates if a.rect.right() >= x0 and a.rect.left() <= x1)}
        counts: Counter[str] = Counter()
        for item in self.entry_items():
            if item.bar_rect.right() >= x0 and item.bar_rect.left() <= x1:
                counts[item.lane] += 1
        return {lane.name: counts.get(lane.name, 0) for lane in self._lanes}

    def _paint_as_at_line(self, painter: QPainter, sx: int, bottom: float) -> None:
        if self._as_at is None or self._first is None:
            return
        x = self._scale.x_of(self._as_at) + self._scale.ppd / 2 - sx
        if x < GUTTER or x > self.viewport().width():
            return
        pen = QPen(theme.DANGER, 1.4)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, AXIS_HEIGHT), QPointF(x, bottom))
