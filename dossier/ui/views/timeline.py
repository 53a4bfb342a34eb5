"""The chronology timeline: entries as bars on a time axis, in lanes by kind or by actor.

A QGraphicsView over a scene that holds only what is near the visible stretch of time: the items
are rebuilt (at most MAX_BARS of them) when the view is zoomed or panned past what was built.
Where more entries than that fall in view, each month is drawn as one bar whose height counts its
entries (the counts come from the table's group index, so nothing is fetched); zooming in shows
the entries themselves. The axis, the lane names and the "as at" line are painted over the scene
in the viewport's own coordinates, so they stay put while the scene scrolls.

The wheel zooms around the cursor, dragging the background pans, clicking a bar selects the
entry (the table follows), double-clicking a bar opens its source.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.chronology import ChronologyRow, EntryKind
from dossier.ui.models.chronology_groups import Run, group_span
from dossier.ui.models.chronology_model import KIND_LABEL, ChronologyModel, sources_text
from dossier.ui.style import icons, theme
from dossier.ui.views.actions_filters import date_edit, to_date, to_qdate
from dossier.ui.views.strip import Strip
from dossier.ui.views.timeline_scale import TimeScale, bulk_span

AXIS_HEIGHT = 48.0
GUTTER = 118.0  # the lane names, painted over the left edge
LEFT_PAD = GUTTER + 18.0
RIGHT_PAD = 190.0  # room for the words of the last bars
LANE_GAP = 0.0
LANE_PAD = 9.0
BAR_HEIGHT = 16.0
ROW_PITCH = 23.0
MIN_BAR = 5.0  # a day far out is still a visible mark
MAX_LABEL = 230.0
MAX_SUBROWS = 10
MAX_BARS = 2500
MAX_ACTOR_LANES = 10
AGGREGATE_HEIGHT = 130.0
MAX_PPD = 160.0
ZOOM_STEP = 1.6
TOOLTIP_CHARS = 1200  # a bar's tooltip holds its entry's whole description (up to this many letters)
FOOTER_ROW = 24.0  # a row of the band under the lanes (notes; markers and the "As at" badge)
BY_KIND, BY_ACTOR = "kind", "actor"
KIND_LANES = (EntryKind.DOCUMENT, EntryKind.EVENT, EntryKind.DEADLINE, EntryKind.OWN)
KIND_LANE_LABEL = {EntryKind.DOCUMENT: "Documents", EntryKind.EVENT: "Events", EntryKind.DEADLINE: "Deadlines",
                   EntryKind.OWN: "Own entries"}
OTHERS, NO_ACTOR = "Others", "No actor"
GRID = QColor("#eef0f3")
GRID_MAJOR = QColor("#e0e4ea")
LANE_ALT = QColor("#fafbfc")


def _font(factor: float = 1.0, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont()
    font.setPointSizeF(max(7.0, font.pointSizeF() * factor))
    font.setWeight(weight)
    return font


@dataclass
class Lane:
    name: str
    label: str
    top: float
    height: float
    count: int = 0


@dataclass
class Overlay:
    """Words painted over the scene, in viewport coordinates: "upper", "lower" or "corner" (the
    axis), "note", "as_at", "earlier" or "later" (the band under the lanes)."""

    kind: str
    rect: QRectF
    text: str


class EntryItem(QGraphicsItem):
    """One entry: a bar from the start of its first day to the end of its last, and its words."""

    def __init__(self, row: ChronologyRow, bar: QRectF, label: str, label_inside: bool, font: QFont) -> None:
        super().__init__()
        self.key = row.key
        self.kind = row.kind
        self.conflict = row.conflict
        self.bar_rect = QRectF(bar)
        self.label = label
        self.label_inside = label_inside
        self._font = font
        fm = QFontMetricsF(font)
        self._label_width = fm.horizontalAdvance(label) if label else 0.0
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(_tooltip(row))
        self._hover = False
        self.lane = ""

    @property
    def is_deadline(self) -> bool:
        return self.kind is EntryKind.DEADLINE

    def label_rect(self) -> QRectF:
        if not self.label:
            return QRectF()
        bar = self.bar_rect
        if self.label_inside:
            return QRectF(bar.left() + 6, bar.top(), bar.width() - 12, bar.height())
        left = bar.right() + (9 if self.is_deadline else 5)
        return QRectF(left, bar.top() - 1, self._label_width + 2, bar.height() + 2)

    def diamond(self) -> QPainterPath:
        """A deadline's mark: a diamond on its last day."""
        bar = self.bar_rect
        cx, cy, r = bar.right() - min(bar.width() / 2, 4.0), bar.center().y(), 6.0
        path = QPainterPath()
        path.moveTo(cx, cy - r)
        path.lineTo(cx + r, cy)
        path.lineTo(cx, cy + r)
        path.lineTo(cx - r, cy)
        path.closeSubpath()
        return path

    def boundingRect(self) -> QRectF:
        rect = self.bar_rect.adjusted(-3, -3, 3, 3)
        if self.is_deadline:
            rect = rect.united(self.diamond().boundingRect().adjusted(-2, -2, 2, 2))
        if self.label and not self.label_inside:
            rect = rect.united(self.label_rect())
        return rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # the diamond over the bar is not a hole
        path.addRect(self.bar_rect.adjusted(-2, -2, 2, 2))
        if self.is_deadline:
            path.addPath(self.diamond())
        if self.label and not self.label_inside:
            path.addRect(self.label_rect())
        return path

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        fill, line = icons.kind_colours(self.kind.value)
        bar = self.bar_rect
        selected = self.isSelected()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            halo = QColor(theme.ACCENT)
            halo.setAlpha(50)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(bar.adjusted(-3, -3, 3, 3), 5, 5)
        radius = 3.0 if bar.width() > 8 else 1.5
        edge = QPen(theme.ACCENT if selected else (theme.WARNING if self.conflict else line),
                    1.8 if selected or self.conflict or self.is_deadline else 1.1)
        if self.conflict and not selected:
            edge.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(edge)
        painter.setBrush(fill.darker(106) if self._hover else fill)
        painter.drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        if self.is_deadline:
            painter.setPen(QPen(QColor("#ffffff"), 1.4))
            painter.setBrush(theme.ACCENT if selected else line)
            painter.drawPath(self.diamond())
        if self.label:
            painter.setFont(self._font)
            painter.setPen(theme.INK if not self.label_inside else line.darker(170))
            painter.drawText(self.label_rect(), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self.label)


class AggregateItem(QGraphicsItem):
    """A month (or a year) with too many entries to draw one by one: a column as tall as its count."""

    def __init__(self, run: Run, rect: QRectF, whole_year: bool) -> None:
        super().__init__()
        self.run = run
        self.rect = QRectF(rect)
        self.whole_year = whole_year
        span = group_span(run.group)
        assert span is not None
        self.span = span
        what = str(run.group[0]) if whole_year else span[0].strftime("%B %Y")
        self.setToolTip(f"{what}: {run.count:,} entr{'y' if run.count == 1 else 'ies'}"
                        f"{' dated only to the year' if whole_year else ''}\nDouble-click to zoom in")
        self.setZValue(-1 if whole_year else 0)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(theme.EVENT_BG if not self.whole_year else theme.DOCUMENT_BG)
        painter.setPen(QPen(theme.EVENT_LINE if not self.whole_year else theme.DOCUMENT_LINE, 1.0))
        painter.setBrush(fill)
        painter.drawRoundedRect(self.rect.adjusted(0.5, 0.5, -0.5, 0), 2, 2)


def _tooltip(row: ChronologyRow) -> str:
    date = row.date.display() if row.date else "Undated"
    words = " ".join(row.description.split())
    words = words if len(words) <= TOOLTIP_CHARS else words[:TOOLTIP_CHARS].rstrip() + "…"
    lines = [f"{date}  ·  {KIND_LABEL[row.kind]}", *textwrap.wrap(words, 90)]
    if row.actors:
        lines.append(", ".join(row.actors))
    if row.sources:
        lines.append(sources_text(row))
    if row.conflict:
        lines.append("⚠ Other sources date this differently")
    return "\n".join(lines)


class TimelineView(QGraphicsView):
    entry_selected = Signal(object)  # str | None: the user picked an entry on the timeline
    entry_activated = Signal(str)  # double-click: open its source
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # always there: a bar that came and went with the lanes' height would change the width,
        # hence the fitted zoom, hence the lanes' height, and so on without end
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setMinimumWidth(240)
        self._model: ChronologyModel | None = None
        self._scale = TimeScale(dt.date(2000, 1, 1), 0.1, LEFT_PAD)
        self._first: dt.date | None = None  # the stretch of time the entries cover
        self._last: dt.date | None = None
        self._bulk: tuple[dt.date, dt.date] | None = None  # the stretch Fit shows (outliers left out)
        self._fitted = True
        self._lanes_by = BY_KIND
        self._lanes: list[Lane] = []
        self._items: dict[str, list[EntryItem]] = {}
        self._aggregates: list[AggregateItem] = []
        self._built: tuple[float, float] | None = None
        self._as_at: dt.date | None = None
        self._syncing = False
        self._moving = False
        self._label_font = _font(0.92)
        self._axis_font = _font(0.86)
        self._axis_bold = _font(0.9, QFont.Weight.DemiBold)
        self._lane_font = _font(0.86, QFont.Weight.DemiBold)
        self.scene().selectionChanged.connect(self._on_scene_selection)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self._on_scrolled())

    def sizeHint(self) -> QSize:
        return QSize(560, 420)

    # -- source ----------------------------------------------------------------------------------
    def set_model(self, model: ChronologyModel) -> None:
        self._model = model
        model.modelReset.connect(self.reset_data)
        model.dataChanged.connect(lambda *_a: self.rebuild())

    @property
    def model(self) -> ChronologyModel | None:
        return self._model

    def reset_data(self) -> None:
        """The entries changed (a filter, an edit): find their stretch of time and draw again."""
        runs = self._model.layout.dated_runs() if self._model is not None else []
        keep = None if self._fitted or self._first is None else self._scale.ordinal_at(self._centre_x())
        if runs:
            first, last = group_span(runs[0].group), group_span(runs[-1].group)
            assert first is not None and last is not None
            pad = max(10, (last[1] - first[0]).days // 40)
            self._first, self._last = first[0] - dt.timedelta(days=pad), last[1] + dt.timedelta(days=pad)
            spans = [(span[0], span[1], r.count) for r in runs if (span := group_span(r.group)) is not None]
            lo, hi = bulk_span(spans)
            pad = max(10, (spans[hi][1] - spans[lo][0]).days // 40)
            self._bulk = (max(self._first, spans[lo][0] - dt.timedelta(days=pad)),
                          min(self._last, spans[hi][1] + dt.timedelta(days=pad)))
        else:
            self._first = self._last = self._bulk = None
        self._scale.origin = self._first or dt.date(2000, 1, 1)
        if self._fitted or keep is None:
            self.fit_all()
        else:
            self._apply_zoom(max(self._scale.ppd, self.min_ppd()), keep, self.viewport().width() / 2)

    # -- zoom ------------------------------------------------------------------------------------
    @property
    def zoom_level(self) -> float:
        """Pixels per day."""
        return self._scale.ppd

    @property
    def time_scale(self) -> TimeScale:  # not `scale`: that is QGraphicsView's own method
        return self._scale

    @property
    def tick_unit(self) -> str:
        """What the axis counts at this zoom: "year", "month" or "day"."""
        return self._scale.unit

    def axis_labels(self) -> list[str]:
        """The lower tier's labels across the visible width (what a reader sees on the axis)."""
        x0 = self.horizontalScrollBar().value() + LEFT_PAD - 8
        return [t.label for t in self._scale.ticks(x0, self.horizontalScrollBar().value() + self.viewport().width())]

    def upper_labels(self) -> list[str]:
        x0 = self.horizontalScrollBar().value() + LEFT_PAD - 8
        return [t.label for t in
                self._scale.upper_ticks(x0, self.horizontalScrollBar().value() + self.viewport().width())]

    def min_ppd(self) -> float:
        if self._first is None or self._last is None:
            return 0.05
        days = (self._last - self._first).days + 2
        return min(MAX_PPD, max(1e-3, (self.viewport().width() - LEFT_PAD - self._right_pad()) / days))

    def _right_pad(self) -> float:
        return min(RIGHT_PAD, self.viewport().width() * 0.22)

    def fit_all(self) -> None:
        """Show the stretch of time that holds the bulk of the entries across the width: an entry
        years away from all the others is left beyond the edge, where a marker counts it."""
        self._fitted = True
        if self._bulk is None or self._first is None or self._bulk == (self._first, self._last):
            self._apply_zoom(self.min_ppd(), None, 0)
            return
        first, last = self._bulk
        days = (last - first).days + 2
        ppd = min(MAX_PPD, max(self.min_ppd(), (self.viewport().width() - LEFT_PAD - self._right_pad()) / days))
        self._apply_zoom(ppd, first.toordinal(), LEFT_PAD)

    def bulk_span(self) -> tuple[dt.date, dt.date] | None:
        """The days Fit shows across the width."""
        return self._bulk

    def beyond(self) -> tuple[int, int]:
        """How many dated entries lie before and after the visible stretch of time."""
        before, after = self._beyond()
        return before[0], after[0]

    def _beyond(self) -> tuple[tuple[int, str], tuple[int, str]]:
        """Before and after the visible stretch of time: how many dated entries, and their years
        ("1996", "1994–1996")."""
        if self._model is None or self._first is None:
            return (0, ""), (0, "")
        sx = self.horizontalScrollBar().value()
        first, last = self._scale.day_at(sx + LEFT_PAD), self._scale.day_at(sx + self.viewport().width())
        before: list[Run] = []
        after: list[Run] = []
        for run in self._model.layout.dated_runs():
            span = group_span(run.group)
            assert span is not None
            if span[1] < first:
                before.append(run)
            elif span[0] > last:
                after.append(run)

        def years(runs: list[Run]) -> str:
            if not runs:
                return ""
            lo, hi = runs[0].group[0], runs[-1].group[0]
            return str(lo) if lo == hi else f"{lo}–{hi}"

        return (sum(r.count for r in before), years(before)), (sum(r.count for r in after), years(after))

    def zoom_in(self, anchor: float | None = None) -> None:
        self.zoom_by(ZOOM_STEP, anchor)

    def zoom_out(self, anchor: float | None = None) -> None:
        self.zoom_by(1 / ZOOM_STEP, anchor)

    def zoom_by(self, factor: float, anchor: float | None = None) -> None:
        """Zoom keeping the day under `anchor` (a viewport x; the middle if None) where it is."""
        if self._first is None:
            return
        anchor = self.viewport().width() / 2 if anchor is None else anchor
        ordinal = self._scale.ordinal_at(self.horizontalScrollBar().value() + anchor)
        ppd = min(MAX_PPD, max(self.min_ppd(), self._scale.ppd * factor))
        self._fitted = (self._fitted and ppd == self._scale.ppd) or (self._bulk == (self._first, self._last)
                                                                     and ppd <= self.min_ppd() * 1.0001)
        self._apply_zoom(ppd, ordinal, anchor)

    def zoom_to(self, first: dt.date, last: dt.date) -> None:
        """Show from `first` to `last` across the width."""
        if self._first is None:
            return
        days = max(1, (last - first).days + 1)
        right = self._right_pad()
        ppd = min(MAX_PPD, max(self.min_ppd(), (self.viewport().width() - LEFT_PAD - right) / days))
        self._fitted = False
        self._apply_zoom(ppd, first.toordinal() + days / 2, self.viewport().width() / 2 + (LEFT_PAD - right) / 2)

    def _apply_zoom(self, ppd: float, ordinal: float | None, anchor: float) -> None:
        self._scale.ppd = ppd
        self._update_scene_rect()
        self._scroll_to(0 if ordinal is None else round(self._scale.x_of(ordinal) - anchor))
        self.rebuild()
        self.zoom_changed.emit(ppd)

    def _update_scene_rect(self, height: float | None = None) -> None:
        width = self._scale.x_of(self._last) + self._scale.ppd + self._right_pad() if self._last else 0.0
        width = max(width, float(self.viewport().width()))
        if height is None:
            height = self.sceneRect().height()
        self.scene().setSceneRect(QRectF(0, 0, width, max(height, float(self.viewport().height()))))

    def _centre_x(self) -> float:
        return self.horizontalScrollBar().value() + self.viewport().width() / 2

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if abs(delta.x()) > abs(delta.y()):  # a sideways wheel or trackpad swipe pans
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - delta.x())
            event.accept()
            return
        if delta.y() == 0:
            return
        self.zoom_by(1.25 ** (delta.y() / 120), event.position().x())
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit_all()
        else:
            self._update_scene_rect()
            self.rebuild()

    def _scroll_to(self, x: int) -> None:
        """Scroll without drawing again on the way (the caller rebuilds). The scroll bar's signal
        still goes out: the view moves its contents on it."""
        self._moving = True
        try:
            self.horizontalScrollBar().setValue(x)
        finally:
            self._moving = False

    def _on_scrolled(self) -> None:
        if self._built is None or self._moving:
            return
        x0 = self.horizontalScrollBar().value()
        if x0 < self._built[0] or x0 + self.viewport().width() > self._built[1]:
            self.rebuild()
        else:
            self.viewport().update()

    # -- lanes -----------------------------------------------------------------------------------
    @property
    def lanes_by(self) -> str:
        return self._lanes_by

    def set_lanes_by(self, mode: str) -> None:
        if mode != self._lanes_by:
            self._lanes_by = mode
            self.rebuild()

    def lanes(self) -> list[Lane]:
        return list(self._lanes)

    def set_as_at(self, day: dt.date | None) -> None:
        self._as_at = day
        self.viewport().update()

    @property
    def as_at(self) -> dt.date | None:
        return self._as_at

    # -- building the scene ----------------------------------------------------------------------
    @property
    def aggregated(self) -> bool:
        return bool(self._aggregates)

    def items_for(self, key: str) -> list[EntryItem]:
        return list(self._items.get(key, ()))

    def bar_for(self, key: str) -> EntryItem | None:
        items = self._items.get(key)
        return items[0] if items else None

    def entry_items(self) -> list[EntryItem]:
        return [i for items in self._items.values() for i in items]

    def selected_keys(self) -> list[str]:
        return list(dict.fromkeys(i.key for i in self.scene().selectedItems() if isinstance(i, EntryItem)))

    def rebuild(self) -> None:
        """Draw the entries near the visible stretch of time (or their monthly counts)."""
        selected = self.selected_keys()
        self._syncing = True
        try:
            self.scene().clear()
            self._items, self._aggregates, self._lanes = {}, [], []
            runs = self._model.layout.dated_runs() if self._model is not None else []
            if not runs or self._first is None:
                self._built = None
                self._update_scene_rect(0)
                return
            x0 = self.horizontalScrollBar().value()
            width = max(1, self.viewport().width())
            built = (x0 - width / 2, x0 + 1.5 * width)
            first, last = self._scale.day_at(built[0]), self._scale.day_at(built[1])
            near = [r for r in runs if _meets(r, first, last)]
            if sum(r.count for r in near) > MAX_BARS:
                bottom = self._build_aggregate(near)
            else:
                bottom = self._build_entries(near)
            self._built = built
            self._update_scene_rect(bottom + 24 + self.footer_height())
            for key in selected:
                for item in self._items.get(key, ()):
                    item.setSelected(True)
        finally:
            self._syncing = False
            self.viewport().update()

    def _build_aggregate(self, runs: Sequence[Run]) -> float:
        top = AXIS_HEIGHT + 10
        self._lanes = [Lane("all", "All entries", top, AGGREGATE_HEIGHT + 2 * LANE_PAD, sum(r.count for r in runs))]
        # a month's bar is as tall as its count; entries dated only to a year are spread over its
        # twelve months (a lower, wider bar behind), so they do not dwarf the months
        per_month = [r.count / 12 if r.group[1] == 0 else r.count for r in runs]
        most = max(per_month, default=1) or 1
        base = top + LANE_PAD + AGGREGATE_HEIGHT
        for run, density in zip(runs, per_month, strict=True):
            span = group_span(run.group)
            assert span is not None
            whole_year = run.group[1] == 0
            x0, x1 = self._scale.x_of(span[0]), self._scale.x_of(span[1]) + self._scale.ppd
            h = max(3.0, AGGREGATE_HEIGHT * density / most)
            gap = min(2.0, (x1 - x0) * 0.15)
            item = AggregateItem(run, QRectF(x0 + gap, base - h, max(1.0, x1 - x0 - 2 * gap), h), whole_year)
            self.scene().addItem(item)
            self._aggregates.append(item)
        return top + AGGREGATE_HEIGHT + 2 * LANE_PAD

    def _lane_names(self, rows: Sequence[ChronologyRow]) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
        """The lanes to draw, and for each entry the lanes it goes in."""
        placed: dict[str, list[str]] = {}
        if self._lanes_by == BY_KIND:
            kinds = self._model.kinds if self._model is not None and self._model.kinds else frozenset(EntryKind)
            lanes = [(k.value, KIND_LANE_LABEL[k]) for k in KIND_LANES if k in kinds]
            for row in rows:
                placed[row.key] = [row.kind.value]
            return lanes, placed
        counts = Counter(a for row in rows for a in dict.fromkeys(row.actors))
        top = [name for name, _n in sorted(counts.items(), key=lambda c: (-c[1], c[0].casefold()))][:MAX_ACTOR_LANES]
        chosen = set(top)
        others = none = False
        for row in rows:
            mine = [a for a in dict.fromkeys(row.actors) if a in chosen]
            if mine:
                placed[row.key] = [f"actor:{a}" for a in mine]
            elif row.actors:
                placed[row.key], others = [OTHERS], True
            else:
                placed[row.key], none = [NO_ACTOR], True
        lanes = [(f"actor:{a}", a) for a in top]
        if others:
            lanes.append((OTHERS, OTHERS))
        if none:
            lanes.append((NO_ACTOR, NO_ACTOR))
        return lanes, placed

    def _build_entries(self, runs: Sequence[Run]) -> float:
        assert self._model is not None
        rows: list[ChronologyRow] = []
        for run in runs:
            for position in range(run.start, run.end):
                row = self._model.record_at(position)
                if row is not None and row.date is not None:
                    rows.append(row)
        lanes, placed = self._lane_names(rows)
        fm = QFontMetricsF(self._label_font)
        by_lane: dict[str, list[tuple[float, float, ChronologyRow]]] = {name: [] for name, _label in lanes}
        for row in rows:
            assert row.date is not None
            x0, x1 = self._scale.span(row.date)
            if x1 - x0 < MIN_BAR:
                mid = (x0 + x1) / 2
                x0, x1 = mid - MIN_BAR / 2, mid + MIN_BAR / 2
            for name in placed.get(row.key, ()):
                if name in by_lane:
                    by_lane[name].append((x0, x1, row))
        top = AXIS_HEIGHT + 8
        labels: dict[str, tuple[str, float]] = {}  # each entry's words and their width, measured once
        for name, label in lanes:
            entries = sorted(by_lane[name], key=lambda e: (e[0], -e[1]))
            for _x0, _x1, row in entries:
                if row.key not in labels:
                    labels[row.key] = _label(row, fm)
            for room in (MAX_LABEL + 14, 130.0, 70.0, 0.0):  # less room for words until the lane fits
                placements, ends, crowded = _pack(entries, labels, fm, room)
                if not crowded:
                    break
            rows_used = max(1, len(ends))
            height = rows_used * ROW_PITCH + 2 * LANE_PAD - (ROW_PITCH - BAR_HEIGHT)
            height = max(height, 34.0)
            if not entries:  # an empty lane is not drawn
                continue
            self._lanes.append(Lane(name, label, top, height, len(entries)))
            for n, x0, x1, row, text, inside in placements:
                y = top + LANE_PAD + n * ROW_PITCH
                item = EntryItem(row, QRectF(x0, y, x1 - x0, BAR_HEIGHT), text, inside, self._label_font)
                item.lane = name
                self.scene().addItem(item)
                self._items.setdefault(row.key, []).append(item)
            top += height + LANE_GAP
        return top

    # -- selection -------------------------------------------------------------------------------
    def _on_scene_selection(self) -> None:
        if self._syncing:
            return
        keys = self.selected_keys()
        self.entry_selected.emit(keys[0] if keys else None)

    def select_key(self, key: str | None) -> bool:
        """Select an entry's bar (bringing its date into view); False if it has none."""
        self._syncing = True
        try:
            self.scene().clearSelection()
            if key is None or self._model is None:
                return False
            items = self._items.get(key)
            if not items:
                row = self._model.entry_by_key(key)
                if row is None or row.date is None or self._first is None:
                    return False
                x0, x1 = self._scale.span(row.date)
                self._scroll_to(round((x0 + x1) / 2 - (self.viewport().width() + LEFT_PAD) / 2))
                self._syncing = False
                self.rebuild()
                self._syncing = True
                items = self._items.get(key)
                if not items:
                    return False
            for item in items:
                item.setSelected(True)
            self._reveal(items[0])
            return True
        finally:
            self._syncing = False

    def _reveal(self, item: EntryItem) -> None:
        """Scroll so the bar is in view (clear of the lane names and the axis)."""
        rect = item.bar_rect
        bar = self.horizontalScrollBar()
        left, right = bar.value() + LEFT_PAD, bar.value() + self.viewport().width() - 12
        if rect.left() < left or rect.left() > right:
            bar.setValue(round(rect.left() - LEFT_PAD - 40))
        vbar = self.verticalScrollBar()
        top, bottom = vbar.value() + AXIS_HEIGHT, vbar.value() + self.viewport().height()
        if rect.top() < top or rect.bottom() > bottom:
            vbar.setValue(round(rect.top() - AXIS_HEIGHT - 30))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, EntryItem):
            self.entry_activated.emit(item.key)
            event.accept()
            return
        if isinstance(item, AggregateItem):
            self.zoom_to(*item.span)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # -- painting --------------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
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


LABEL_CHARS = 200  # more than the widest bar shows: a long description is measured only this far


SUMMARY_CHARS = 48  # a bar's words: the entry's first sentence, cut at a word to about this many letters


def summary(description: str) -> str:
    """An entry's short statement for its bar: its first sentence, cut at a word boundary to about
    SUMMARY_CHARS letters (the whole description is in the bar's tooltip)."""
    text = " ".join(description.split())
    first = re.split(r"(?<=[.;!?])\s+(?=\S)", text, maxsplit=1)[0]
    if len(first) > SUMMARY_CHARS:
        cut = first[:SUMMARY_CHARS + 1].rsplit(" ", 1)[0] if " " in first[:SUMMARY_CHARS + 1] else first[:SUMMARY_CHARS]
        first = cut.rstrip(" ,;:–—-") + "…"
    return first[:LABEL_CHARS]


def _label(row: ChronologyRow, fm: QFontMetricsF) -> tuple[str, float]:
    """An entry's short statement on one line, and its width up to MAX_LABEL."""
    text = summary(row.description)
    return text, min(fm.horizontalAdvance(text), MAX_LABEL)


def _pack(entries: Sequence[tuple[float, float, ChronologyRow]], labels: dict[str, tuple[str, float]],
          fm: QFontMetricsF, room: float) -> tuple[list[tuple[int, float, float, ChronologyRow, str, bool]],
                                                   list[float], bool]:
    """Rows for the bars of one lane, keeping up to `room` pixels after each bar for its words.

    Returns the placements (row, x0, x1, entry, words, words inside the bar), where each row ends,
    and whether some bars had to share a row (more than MAX_SUBROWS were needed). The words are
    then cut to the space there is before the next bar in their row (or left out).
    """
    ends: list[float] = []
    rows: list[int] = []
    crowded = False
    widths = []
    for x0, x1, row in entries:
        text, width = labels[row.key]
        widths.append((text, width))
        inside = x1 - x0 >= width + 14
        reach = x1 + (0.0 if inside else min(width + 14, room)) + 6
        n = next((i for i, end in enumerate(ends) if end <= x0), None)
        if n is None and len(ends) < MAX_SUBROWS:
            n = len(ends)
            ends.append(0.0)
        if n is None:  # no room left: share the least busy row
            crowded = True
            n = min(range(len(ends)), key=ends.__getitem__)
        ends[n] = max(ends[n], reach)
        rows.append(n)
    nexts: dict[int, float] = {}
    placements: list[tuple[int, float, float, ChronologyRow, str, bool]] = []
    for i in range(len(entries) - 1, -1, -1):  # from the right: how far each bar's words may go
        x0, x1, row = entries[i]
        n = rows[i]
        text, width = widths[i]
        if x1 - x0 >= width + 14:
            words, inside = fm.elidedText(text, Qt.TextElideMode.ElideRight, x1 - x0 - 12), True
        else:
            space = min(nexts.get(n, x1 + MAX_LABEL + 20) - x1 - 12, MAX_LABEL)
            words = fm.elidedText(text, Qt.TextElideMode.ElideRight, space) if space >= 40 else ""
            inside = False
        if words in ("…", "..."):
            words = ""
        nexts[n] = min(nexts.get(n, float("inf")), x0)
        placements.append((n, x0, x1, row, words, inside))
    placements.reverse()
    return placements, ends, crowded


def _meets(run: Run, first: dt.date, last: dt.date) -> bool:
    span = group_span(run.group)
    return span is not None and span[0] <= last and span[1] >= first


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
