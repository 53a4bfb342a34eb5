"""The look: Fusion with a quiet light palette, a few style-sheet touches and shared colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette

# Shared colours (the palette below uses them too).
INK = QColor("#1d2430")
MUTED = QColor("#6b7380")
FAINT = QColor("#9aa1ab")
RULE = QColor("#dfe2e7")
ACCENT = QColor("#2a62c9")
WARNING = QColor("#b26a00")
QUOTED = QColor("#6f7785")
MARGIN_BG = QColor("#f4f5f7")
WINDOW_BG = QColor("#f3f4f6")
DANGER = QColor("#c0392b")
OVERDUE_BG = QColor("#fdecea")
SUCCESS = QColor("#2e7d4f")

# Mentions in the reader: a soft background per kind of actor, with a deeper line beneath.
PERSON_BG = QColor("#dce8fc")
PERSON_LINE = QColor("#5b8ee0")
ORGANISATION_BG = QColor("#d9f1e3")
ORGANISATION_LINE = QColor("#3f9e6c")

# The chronology: one soft fill and a deeper line per kind of entry (table markers and timeline bars).
DOCUMENT_BG, DOCUMENT_LINE = QColor("#e8ebf0"), QColor("#7b8595")
EVENT_BG, EVENT_LINE = QColor("#dce8fc"), QColor("#4f84db")
DEADLINE_BG, DEADLINE_LINE = QColor("#fde4e0"), QColor("#c8463a")
OWN_BG, OWN_LINE = QColor("#dcf1e4"), QColor("#3f9e6c")
CONFLICT_BG = QColor("#fff4e0")
GROUP_YEAR_BG = QColor("#eef1f5")
GROUP_MONTH_BG = QColor("#f8f9fb")

# Annotation highlights: a fill in the reader, and a deeper chip for lists.
ANNOTATION_FILL = {"yellow": QColor("#fff0a8"), "green": QColor("#cdeec9"), "blue": QColor("#cfe0fb"),
                   "pink": QColor("#fbd3e4"), "orange": QColor("#ffdcb5")}
ANNOTATION_CHIP = {"yellow": QColor("#e0b400"), "green": QColor("#3f9e4c"), "blue": QColor("#3a73d6"),
                   "pink": QColor("#d9558e"), "orange": QColor("#e07a1f")}

READER_FONTS = ["Source Serif 4", "Charter", "Georgia", "Noto Serif", "Liberation Serif", "DejaVu Serif", "serif"]

STYLE_SHEET = """
QSplitter::handle { background: #dfe2e7; }
QSplitter::handle:horizontal { width: 1px; }
QSplitter::handle:vertical { height: 1px; }
QStatusBar { border-top: 1px solid #dfe2e7; background: #f3f4f6; }
QStatusBar QLabel { color: #4d5562; padding: 0 6px; }
QTableView::item { padding: 0 6px; }
QTableView { border: none; gridline-color: #eceef1; selection-background-color: #dbe6fb;
             selection-color: #1d2430; }
QTableView:focus { selection-background-color: #c9dbfa; }
QHeaderView::section { background: #f7f8fa; color: #4d5562; border: none;
                       border-bottom: 1px solid #dfe2e7; border-right: 1px solid #eceef1;
                       padding: 5px 6px; font-weight: 600; }
QLineEdit, QComboBox { padding: 4px 6px; border: 1px solid #cfd4db; border-radius: 4px; background: #ffffff; }
QLineEdit:focus, QComboBox:focus { border: 1px solid #2a62c9; }
QLineEdit[invalid="true"] { border: 1px solid #c0392b; background: #fff7f6; }
QLineEdit:disabled, QComboBox:disabled { background: #f3f4f6; color: #9aa1ab; }
QComboBox::drop-down, QDateEdit::drop-down { border: none; width: 20px; }
QPushButton { padding: 5px 14px; border: 1px solid #cfd4db; border-radius: 4px; background: #ffffff; }
QPushButton:hover { background: #f3f6fb; }
QPushButton:default { border: 1px solid #2a62c9; }
QPushButton#primary { background: #2a62c9; color: white; border: 1px solid #2456b3; }
QPushButton#primary:hover { background: #2456b3; }
QPushButton#primary:disabled { background: #a9bde6; border: 1px solid #a9bde6; }
QPushButton:disabled { color: #9aa1ab; }
QPlainTextEdit#reader { border: none; background: #ffffff; }
QWidget#panel { background: #ffffff; }
QWidget#readerHeader { background: #ffffff; border-bottom: 1px solid #eceef1; }
QLabel#documentTitle { color: #1d2430; }
QLabel#fieldName { color: #6b7380; }
QLabel#sectionTitle { color: #4d5562; font-weight: 600; }
QLabel#inlineError { color: #c0392b; }
QLabel#notice { background: #fff4e0; color: #7a4a00; border: 1px solid #f1d39c; border-radius: 4px;
                padding: 6px 10px; }
QLabel#emptyTitle { color: #1d2430; }
QLabel#emptyText { color: #6b7380; }
QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }
QFrame#toolbarStrip { background: #f7f8fa; border-bottom: 1px solid #dfe2e7; }
QTabWidget#workspace::pane { border: none; border-top: 1px solid #dfe2e7; top: -1px; }
QTabWidget#workspace > QTabBar { background: #f3f4f6; }
QTabBar#workspaceTabs::tab { background: transparent; color: #4d5562; border: none; padding: 8px 18px 7px 14px;
                             margin-left: 4px; border-bottom: 2px solid transparent; font-weight: 600; }
QTabBar#workspaceTabs::tab:selected { color: #1d2430; border-bottom: 2px solid #2a62c9; }
QTabBar#workspaceTabs::tab:hover:!selected { color: #1d2430; border-bottom: 2px solid #cfd4db; }
QTabWidget#bottomTabs::pane { border: none; border-top: 1px solid #eceef1; top: -1px; }
QTabWidget#bottomTabs > QTabBar { background: #ffffff; }
QTabBar#bottomTabBar::tab { background: transparent; color: #6b7380; border: none; padding: 6px 12px 5px 12px;
                            margin-left: 12px; border-bottom: 2px solid transparent; font-weight: 600; }
QTabBar#bottomTabBar::tab:selected { color: #1d2430; border-bottom: 2px solid #2a62c9; }
QToolButton#stripButton { padding: 4px 9px; border: 1px solid transparent; border-radius: 4px; color: #1d2430; }
QToolButton#stripButton:hover { background: #e9edf3; border: 1px solid #dfe2e7; }
QToolButton#stripButton:pressed { background: #dbe2ec; }
QToolButton#stripButton:disabled { color: #a3aab4; }
QToolButton#stripButton::menu-indicator { image: none; width: 0; }
QTreeWidget#suggestions { border: none; }
QTreeWidget#suggestions::item { padding: 3px 2px; }
QLabel#chip { border-radius: 9px; padding: 1px 9px; font-weight: 600; }
QLabel#actorName { color: #1d2430; }
QDateEdit { padding: 4px 6px; border: 1px solid #cfd4db; border-radius: 4px; background: #ffffff; }
QDateEdit:focus { border: 1px solid #2a62c9; }
QPlainTextEdit#noteEdit { border: 1px solid #cfd4db; border-radius: 4px; background: #ffffff; }
QToolButton#chipButton { padding: 3px 9px; border: 1px solid #dfe2e7; border-radius: 12px; background: #ffffff;
                         color: #4d5562; }
QToolButton#chipButton:hover { border: 1px solid #b9c3d3; }
QToolButton#chipButton:checked { background: #e6eefc; border: 1px solid #9db8ea; color: #1d2430; }
QToolButton#segment { padding: 3px 11px; border: 1px solid #cfd4db; background: #ffffff; color: #4d5562; }
QToolButton#segment:checked { background: #e6eefc; border: 1px solid #9db8ea; color: #1d2430; font-weight: 600; }
QGraphicsView#timeline { border: none; border-left: 1px solid #dfe2e7; background: #ffffff; }
"""


def light_palette() -> QPalette:
    p = QPalette()
    white = QColor("#ffffff")
    p.setColor(QPalette.ColorRole.Window, WINDOW_BG)
    p.setColor(QPalette.ColorRole.WindowText, INK)
    p.setColor(QPalette.ColorRole.Base, white)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8f9fb"))
    p.setColor(QPalette.ColorRole.Text, INK)
    p.setColor(QPalette.ColorRole.PlaceholderText, FAINT)
    p.setColor(QPalette.ColorRole.Button, QColor("#f7f8fa"))
    p.setColor(QPalette.ColorRole.ButtonText, INK)
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.ToolTipText, INK)
    p.setColor(QPalette.ColorRole.Highlight, ACCENT)
    p.setColor(QPalette.ColorRole.HighlightedText, white)
    p.setColor(QPalette.ColorRole.Link, ACCENT)
    p.setColor(QPalette.ColorRole.Light, white)
    p.setColor(QPalette.ColorRole.Midlight, QColor("#eceef1"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#cfd4db"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#a3aab4"))
    p.setColor(QPalette.ColorRole.Shadow, QColor("#7d848e"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, FAINT)
    return p


def reader_font(point_size: float = 11.5) -> QFont:
    font = QFont()
    font.setFamilies(READER_FONTS)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    out = QFont(font)
    out.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    if bold:
        out.setWeight(QFont.Weight.DemiBold)
    return out
