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
