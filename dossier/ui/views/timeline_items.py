"""What the timeline draws in its scene: a bar per entry (EntryItem), a band per run of many
(AggregateItem), the lanes, and the sizes, colours and words they are laid out with."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from dossier.domain.chronology import ChronologyRow, EntryKind
from dossier.ui.models.chronology_groups import Run, group_span
from dossier.ui.models.chronology_model import KIND_LABEL, sources_text
from dossier.ui.style import icons, theme

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


def bar_label(row: ChronologyRow, fm: QFontMetricsF) -> tuple[str, float]:
    """An entry's short statement on one line, and its width up to MAX_LABEL."""
    text = summary(row.description)
    return text, min(fm.horizontalAdvance(text), MAX_LABEL)


def pack_rows(entries: Sequence[tuple[float, float, ChronologyRow]], labels: dict[str, tuple[str, float]],
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


def run_meets(run: Run, first: dt.date, last: dt.date) -> bool:
    span = group_span(run.group)
    return span is not None and span[0] <= last and span[1] >= first


def timeline_font(factor: float = 1.0, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
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
        self.setToolTip(entry_tooltip(row))
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


def entry_tooltip(row: ChronologyRow) -> str:
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
