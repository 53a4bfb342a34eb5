"""The briefing's typefaces: DejaVu Sans and DejaVu Sans Condensed, bundled with Dossier.

They are openly licensed TrueType fonts (see resources/fonts/LICENSE), found beside the package
(or inside the wheel), so a briefing looks the same on any machine. ReportLab embeds the subset
of each font a briefing uses.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dossier.domain.errors import DossierError
from dossier.paths import resources_dir

SANS = "DossierSans"
SANS_BOLD = "DossierSans-Bold"
SANS_ITALIC = "DossierSans-Italic"
SANS_BOLD_ITALIC = "DossierSans-BoldItalic"
COND = "DossierSansCondensed"
COND_BOLD = "DossierSansCondensed-Bold"
COND_ITALIC = "DossierSansCondensed-Italic"

FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    COND: "DejaVuSansCondensed.ttf",
    COND_BOLD: "DejaVuSansCondensed-Bold.ttf",
    COND_ITALIC: "DejaVuSansCondensed-Oblique.ttf",
}

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register the fonts with ReportLab once per process (thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for name, file_name in FILES.items():
            path = folder / file_name
            if not path.is_file():
                raise DossierError(f"The briefing font {file_name} is missing from {folder}; reinstall Dossier.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> and <i> in paragraph markup pick the right face. The condensed family has no bold
        # italic of its own and borrows the wide one; the wide family is mapped last so that face
        # still reads as its own.
        for family, regular, bold, italic, bold_italic in (
                (COND, COND, COND_BOLD, COND_ITALIC, SANS_BOLD_ITALIC),
                (SANS, SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC)):
            addMapping(family, 0, 0, regular)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, italic)
            addMapping(family, 1, 1, bold_italic)
        _registered = True
