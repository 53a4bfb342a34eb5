"""Putting the theme on the application: the palette, the style sheet, and the drawn arrows it needs.

Apart from `theme` (colours, fonts, the style sheet) because the arrows are drawn by `icons`,
which itself reads the theme's colours.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QStyleFactory

from dossier.ui.style.icons import chevron_file
from dossier.ui.style.theme import STYLE_SHEET, light_palette


def apply_theme(app: QApplication) -> None:
    """Fusion, a clean light palette and a readable UI font size."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(light_palette())
    font = QGuiApplication.font()
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(STYLE_SHEET + arrow_rules())


def arrow_rules() -> str:
    """Style-sheet arrows need an image file: draw the chevron once into the user's cache folder."""
    path = chevron_file()
    if not path:
        return ""
    return (f'QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url("{path}"); width: 10px; height: 10px; }}\n'
            "QComboBox::down-arrow:disabled, QDateEdit::down-arrow:disabled { image: none; }\n")
