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
from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from dossier.domain.chronology import ChronologyRow, EntryKind
from dossier.ui.models.chronology_groups import Run, group_span
from dossier.ui.models.chronology_model import ChronologyModel
from dossier.ui.views.timeline_items import (
    AGGREGATE_HEIGHT,
    AXIS_HEIGHT,
    BAR_HEIGHT,
    BY_KIND,
    KIND_LANE_LABEL,
    KIND_LANES,
    LANE_GAP,
    LANE_PAD,
    LEFT_PAD,
    MAX_ACTOR_LANES,
    MAX_BARS,
    MAX_LABEL,
    MAX_PPD,
    MIN_BAR,
    NO_ACTOR,
    OTHERS,
    RIGHT_PAD,
    ROW_PITCH,
    ZOOM_STEP,
    AggregateItem,
    EntryItem,
    Lane,
    bar_label,
    pack_rows,
    run_meets,
    timeline_font,
)
from dossier.ui.views.timeline_paint import TimelineCanvas
from dossier.ui.views.timeline_scale import TimeScale, bulk_span


class TimelineView(TimelineCanvas):
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
        self._label_font = timeline_font(0.92)
        self._axis_font = timeline_font(0.86)
        self._axis_bold = timeline_font(0.9, QFont.Weight.DemiBold)
        self._lane_font = timeline_font(0.86, QFont.Weight.DemiBold)
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
            near = [r for r in runs if run_meets(r, first, last)]
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
                    labels[row.key] = bar_label(row, fm)
            for room in (MAX_LABEL + 14, 130.0, 70.0, 0.0):  # less room for words until the lane fits
                placements, ends, crowded = pack_rows(entries, labels, fm, room)
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


