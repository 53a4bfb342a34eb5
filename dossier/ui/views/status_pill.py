"""A status drawn as a small rounded pill (Open, Overdue, Done...), coloured by kind, not a row fill."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex

# kind -> (fill, text)
PILL_COLOURS: dict[str, tuple[QColor, QColor]] = {
    "overdue": (QColor("#c0392b"), QColor("#ffffff")),
    "open": (QColor("#dbe6fb"), QColor("#1f4f9e")),
    "done": (QColor("#d9f1e3"), QColor("#2e7d4f")),
    "superseded": (QColor("#eceef1"), QColor("#5b6472")),
    "withdrawn": (QColor("#eceef1"), QColor("#5b6472")),
}
DEFAULT_COLOURS = (QColor("#eceef1"), QColor("#4d5562"))
H_PAD, V_MARGIN = 8, 4


class StatusPillDelegate(QStyledItemDelegate):
    """Paints the cell's text in a pill whose colour the model gives by `kind_role`."""

    def __init__(self, kind_role: int, parent=None) -> None:
        super().__init__(parent)
        self.kind_role = kind_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        kind = index.data(self.kind_role) or ""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the row's background and selection, without the text
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text:
            return
        fill, ink = PILL_COLOURS.get(str(kind), DEFAULT_COLOURS)
        font = opt.font
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        font.setWeight(font.Weight.DemiBold)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        rect = QRectF(option.rect).adjusted(6, V_MARGIN, -4, -V_MARGIN)
        width = min(rect.width(), metrics.horizontalAdvance(text) + 2 * H_PAD)
        pill = QRectF(rect.left(), rect.center().y() - (metrics.height() + 4) / 2, width, metrics.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(ink)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(pill.width()) - 2 * H_PAD + 2)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * H_PAD, size.height())
