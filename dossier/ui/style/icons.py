"""Small icons drawn at run time, so the app ships no image files and looks the same everywhere."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from dossier.ui.style import theme


def _canvas(size: int = 32) -> tuple[QPixmap, QPainter]:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pix, painter


@cache
def search_icon() -> QIcon:
    pix, p = _canvas()
    pen = QPen(theme.MUTED, 3.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawEllipse(QRectF(6, 6, 15, 15))
    p.drawLine(QPointF(19, 19), QPointF(26, 26))
    p.end()
    return QIcon(pix)


@cache
def needs_ocr_icon() -> QIcon:
    """An amber disc with an exclamation mark: the document has no text layer."""
    pix, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e69a1c"))
    p.drawEllipse(QRectF(5, 5, 22, 22))
    pen = QPen(QColor("#ffffff"), 3.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawLine(QPointF(16, 10.5), QPointF(16, 17.5))
    p.drawPoint(QPointF(16, 22))
    p.end()
    return QIcon(pix)


@cache
def app_icon() -> QIcon:
    """A folder-like dossier mark in the accent colour."""
    pix, p = _canvas(64)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(theme.ACCENT.darker(115))
    p.drawRoundedRect(QRectF(6, 10, 26, 12), 3, 3)
    p.setBrush(theme.ACCENT)
    p.drawRoundedRect(QRectF(6, 16, 52, 40), 5, 5)
    p.setBrush(QColor("#ffffff"))
    for y in (27, 35, 43):
        p.drawRoundedRect(QRectF(15, y, 34 if y != 43 else 22, 3.5), 1.5, 1.5)
    p.end()
    return QIcon(pix)


def _ink_pen(width: float = 2.6, color: QColor | None = None) -> QPen:
    pen = QPen(color or theme.MUTED, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


@cache
def documents_icon() -> QIcon:
    """A page with a folded corner and lines of text."""
    pix, p = _canvas()
    p.setPen(_ink_pen())
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(7, 4, 18, 24), 2.5, 2.5)
    for y, w in ((11, 10), (16, 10), (21, 6)):
        p.drawLine(QPointF(11, y), QPointF(11 + w, y))
    p.end()
    return QIcon(pix)


@cache
def people_icon() -> QIcon:
    """Two people, one behind the other."""
    pix, p = _canvas()
    p.setPen(_ink_pen(2.4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QRectF(17, 6, 8, 8))
    p.drawArc(QRectF(14, 16, 14, 14), 20 * 16, 140 * 16)
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(QRectF(7, 8, 10, 10))
    p.drawChord(QRectF(3, 20, 18, 16), 0, 180 * 16)
    p.end()
    return QIcon(pix)


@cache
def actions_icon() -> QIcon:
    """A checklist: a ticked box and two lines."""
    pix, p = _canvas()
    p.setPen(_ink_pen(2.4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(4, 6, 9, 9), 2, 2)
    p.drawLine(QPointF(6.5, 10.5), QPointF(8.5, 12.5))
    p.drawLine(QPointF(8.5, 12.5), QPointF(12, 8))
    p.drawRoundedRect(QRectF(4, 19, 9, 9), 2, 2)
    p.drawLine(QPointF(17, 10.5), QPointF(28, 10.5))
    p.drawLine(QPointF(17, 23.5), QPointF(28, 23.5))
    p.end()
    return QIcon(pix)


@cache
def dot_icon(color: str) -> QIcon:
    """A small filled disc (overdue marker, kind of actor)."""
    pix, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(color))
    p.drawEllipse(QRectF(9, 9, 14, 14))
    p.end()
    return QIcon(pix)


def overdue_icon() -> QIcon:
    return dot_icon(theme.DANGER.name())


def chevron_pixmap(size: int = 20) -> QPixmap:
    pix, p = _canvas(size)
    pen = _ink_pen(size / 9, theme.MUTED)
    p.setPen(pen)
    p.drawPolyline([QPointF(size * 0.22, size * 0.38), QPointF(size * 0.5, size * 0.66), QPointF(size * 0.78, size * 0.38)])
    p.end()
    return pix


@cache
def chevron_file() -> str:
    """The drop-down chevron as a PNG in the cache folder (style sheets take images by file name)."""
    from PySide6.QtCore import QDir, QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    if not folder or not QDir().mkpath(folder):
        return ""
    path = QDir(folder).filePath("chevron-down.png")
    return path if chevron_pixmap(40).save(path, "PNG") else ""
