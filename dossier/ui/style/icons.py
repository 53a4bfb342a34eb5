"""Small icons drawn at run time, so they look the same everywhere; the app's own icon is a file (resources/icons)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from dossier.paths import resources_dir
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
    """The app's icon (resources/icons: the SVG and its PNG), else the same mark drawn here."""
    icon = QIcon()
    for name in ("dossier.svg", "dossier.png"):
        path = resources_dir() / "icons" / name
        if path.is_file():
            icon.addFile(str(path))
    return icon if not icon.isNull() else _drawn_app_icon()


def _drawn_app_icon() -> QIcon:
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


@cache
def chronology_icon() -> QIcon:
    """A timeline: a horizontal line with three marks of different lengths."""
    pix, p = _canvas()
    p.setPen(_ink_pen(2.4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(QPointF(4, 25), QPointF(28, 25))
    p.drawRoundedRect(QRectF(5, 6, 11, 5), 2, 2)
    p.drawRoundedRect(QRectF(12, 15, 14, 5), 2, 2)
    p.end()
    return QIcon(pix)


def annotations_icon() -> QIcon:
    """A highlighter stroke under two lines of text."""
    pix, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(theme.ANNOTATION_FILL["yellow"].darker(108))
    p.drawRoundedRect(QRectF(4, 14, 24, 8), 2, 2)
    p.setPen(_ink_pen(2.4))
    p.drawLine(QPointF(5, 9), QPointF(27, 9))
    p.drawLine(QPointF(7, 18), QPointF(25, 18))
    p.drawLine(QPointF(5, 26), QPointF(19, 26))
    p.end()
    return QIcon(pix)


_KIND_COLOURS = {"document": (theme.DOCUMENT_BG, theme.DOCUMENT_LINE), "event": (theme.EVENT_BG, theme.EVENT_LINE),
                 "deadline": (theme.DEADLINE_BG, theme.DEADLINE_LINE), "own": (theme.OWN_BG, theme.OWN_LINE)}


def kind_colours(kind: str) -> tuple[QColor, QColor]:
    """The soft fill and the line of a kind of chronology entry ("document", "event", ...)."""
    return _KIND_COLOURS.get(kind, (theme.DOCUMENT_BG, theme.DOCUMENT_LINE))


@cache
def entry_kind_icon(kind: str) -> QIcon:
    """The marker of a kind of chronology entry: a page, a disc, a diamond (deadline) or a square (own)."""
    fill, line = kind_colours(kind)
    pix, p = _canvas()
    p.setPen(QPen(line, 2.2))
    p.setBrush(fill)
    if kind == "document":
        p.drawRoundedRect(QRectF(9, 6, 14, 20), 2, 2)
        p.setPen(QPen(line, 1.8))
        for y in (12, 16, 20):
            p.drawLine(QPointF(12.5, y), QPointF(19.5, y))
    elif kind == "deadline":
        p.setBrush(line)
        p.drawPolygon([QPointF(16, 6), QPointF(26, 16), QPointF(16, 26), QPointF(6, 16)])
    elif kind == "own":
        p.drawRoundedRect(QRectF(8, 8, 16, 16), 4, 4)
        p.setPen(_ink_pen(2.2, line))
        p.drawLine(QPointF(12, 20), QPointF(20, 12))
    else:
        p.setBrush(line)
        p.drawEllipse(QRectF(9, 9, 14, 14))
    p.end()
    return QIcon(pix)


@cache
def conflict_icon() -> QIcon:
    """An amber triangle with an exclamation mark: the sources disagree."""
    pix, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e69a1c"))
    p.drawPolygon([QPointF(16, 4), QPointF(29, 27), QPointF(3, 27)])
    pen = QPen(QColor("#ffffff"), 3.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawLine(QPointF(16, 12), QPointF(16, 19))
    p.drawPoint(QPointF(16, 23.5))
    p.end()
    return QIcon(pix)
