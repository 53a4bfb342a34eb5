"""The pieces a briefing PDF is made of: the page's geometry and colours, the paragraph styles,
citations of documents, the plan of parts and annexes, and the small phrases the text is built
from. briefing_pdf.py lays them out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from dossier.domain.briefing import (
    ActionGroup,
    ActionItem,
    BriefingData,
    ChronologyItem,
    Citation,
    Section,
)
from dossier.export.fonts import COND, COND_BOLD, SANS, SANS_BOLD, SANS_ITALIC
from dossier.export.markup import clean, esc

# -- page geometry and colours ---------------------------------------------------------------------
PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
FRAME_TOP = 27 * mm  # from the top edge: marking, running head, then the text
FRAME_BOTTOM = 27 * mm  # from the bottom edge: footer rule, footer, marking
MARKING_TOP_Y = PAGE_H - 12 * mm
RUNNING_HEAD_Y = PAGE_H - 19.5 * mm
FOOTER_RULE_Y = 20 * mm
FOOTER_Y = 15.5 * mm
MARKING_BOTTOM_Y = 8.5 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5f66")
RULE = colors.HexColor("#9aa0a7")
HAIR = colors.HexColor("#d3d6da")
HEAD_BG = colors.HexColor("#e9ebee")
GROUP_BG = colors.HexColor("#f4f5f6")
LINK = "#1f4277"
OVERDUE = "#9b1c1c"
OVERDUE_BG = colors.HexColor("#f9eded")
CONFLICT = "#8a4b00"

MAX_PASSES = 4  # count, draw; a third if the count moved; one more if a row had to split
EXTRACT_INDENT = 11  # points from the quote's rule to the text of an extract



def some(names: Sequence[str], most: int, sep: str) -> str:
    """Names joined, at most `most` of them: "A; B; C and 12 others" (each name whole)."""
    names = [" ".join(clean(n).split()) for n in names]
    if len(names) <= most:
        return sep.join(names)
    return f"{sep.join(names[:most])} and {len(names) - most} others"


def how_many(n: int, one: str, many: str) -> str:
    """"1 action is overdue", "3 actions are overdue", "no action is overdue"."""
    if n == 0:
        return "no " + one
    return f"{n} {one if n == 1 else many}"


def others_sentence(others: Sequence[ActionItem], annex: str) -> str:
    """"5 other open actions (3 due later, 2 with no date set) and 1 decision are listed in Annex A."""
    later = sum(a.group is ActionGroup.LATER for a in others)
    undated = sum(a.group is ActionGroup.UNDATED for a in others)
    decisions = sum(a.group is ActionGroup.DECISION for a in others)
    actions = later + undated
    parts = []
    if actions:
        what = f"{actions} other open action{'s' if actions != 1 else ''}"
        if later and undated:
            what += f" ({later} due later, {undated} with no date set)"
        elif later:
            what += " due later"
        else:
            what += " with no date set"
        parts.append(what)
    if decisions:
        parts.append(f"{decisions} decision{'s' if decisions != 1 else ''} or intention{'s' if decisions != 1 else ''}")
    single = len(parts) == 1 and (actions == 1 or (not actions and decisions == 1))
    text = f"{' and '.join(parts)} {'is' if single else 'are'} listed{f' in {annex}' if annex else ''}."
    return sentence(text)


def sentence(text: str) -> str:
    """Text starting with a capital, as a table cell reads ("make recommendations" -> "Make ...")."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def group_row(r: int) -> list[tuple]:
    """Style a table row (r counts the header as 0) as a group heading kept with the row after it."""
    return [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_BG), ("NOSPLIT", (0, r), (-1, r + 1))]


def year_of(item: ChronologyItem) -> str:
    if not item.date:
        return "Undated"
    for word in item.date.replace("\u2013", " ").split():
        if len(word) == 4 and word.isdigit():
            return word
    return "Undated"


# -- styles ----------------------------------------------------------------------------------------

def briefing_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=14.5, textColor=INK, spaceAfter=7,
                          splitLongWords=1)
    s = {"body": base}
    s["title"] = ParagraphStyle("title", parent=base, fontName=SANS_BOLD, fontSize=19, leading=24, spaceAfter=4,
                                keepWithNext=1)
    s["subtitle"] = ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=14, textColor=MUTED,
                                   spaceAfter=0)
    s["h1"] = ParagraphStyle("h1", parent=base, fontName=SANS_BOLD, fontSize=13.5, leading=18, spaceBefore=16,
                             spaceAfter=7, keepWithNext=1)
    s["annex"] = ParagraphStyle("annex", parent=s["h1"], spaceBefore=0)
    s["h2"] = ParagraphStyle("h2", parent=base, fontName=SANS_BOLD, fontSize=11, leading=15, spaceBefore=12,
                             spaceAfter=5, keepWithNext=1)
    s["intro"] = ParagraphStyle("intro", parent=base, fontSize=9, leading=13, textColor=MUTED, spaceAfter=8)
    s["bullet"] = ParagraphStyle("bullet", parent=base, leftIndent=16, bulletIndent=3, bulletFontName=SANS,
                                 spaceAfter=5)
    s["number"] = ParagraphStyle("number", parent=s["bullet"], leftIndent=20, bulletIndent=0)
    s["label"] = ParagraphStyle("label", parent=base, fontName=SANS_BOLD, fontSize=9.5, leading=13.5,
                                textColor=MUTED, spaceAfter=0)
    s["field"] = ParagraphStyle("field", parent=base, fontSize=10, leading=13.5, spaceAfter=0)
    s["contents_head"] = ParagraphStyle("contents_head", parent=base, fontName=SANS_BOLD, fontSize=9,
                                        leading=12, textColor=MUTED, spaceBefore=14, spaceAfter=4)
    s["contents"] = ParagraphStyle("contents", parent=base, fontSize=9.5, leading=13, spaceAfter=0)
    s["contents_page"] = ParagraphStyle("contents_page", parent=s["contents"], alignment=TA_RIGHT)
    s["cell"] = ParagraphStyle("cell", fontName=COND, fontSize=8.2, leading=10.3, textColor=INK, splitLongWords=1)
    s["cell_head"] = ParagraphStyle("cell_head", parent=s["cell"], fontName=COND_BOLD, textColor=INK)
    s["cell_group"] = ParagraphStyle("cell_group", parent=s["cell"], fontName=COND_BOLD, fontSize=9, leading=12)
    s["cell_small"] = ParagraphStyle("cell_small", parent=s["cell"], fontSize=7.5, leading=9.5, textColor=MUTED)
    s["quote"] = ParagraphStyle("quote", parent=base, fontName=SANS_ITALIC, fontSize=9.5, leading=14, spaceAfter=0)
    s["note"] = ParagraphStyle("note", parent=base, fontSize=9.5, leading=13.5, spaceBefore=4, spaceAfter=2,
                               leftIndent=EXTRACT_INDENT)
    s["meta"] = ParagraphStyle("meta", parent=base, fontSize=8, leading=11, textColor=MUTED, spaceAfter=0,
                               leftIndent=EXTRACT_INDENT)
    s["front_label"] = ParagraphStyle("front_label", parent=base, fontName=SANS_BOLD, fontSize=10.5, leading=14,
                                      spaceBefore=9, spaceAfter=3, keepWithNext=1)
    s["h3"] = ParagraphStyle("h3", parent=base, fontName=SANS_BOLD, fontSize=10, leading=14, spaceBefore=8,
                             spaceAfter=3, keepWithNext=1)
    s["h3_table"] = ParagraphStyle("h3_table", parent=s["h3"], keepWithNext=0)
    s["action"] = ParagraphStyle("action", parent=base, fontSize=9.5, leading=13, leftIndent=12, bulletIndent=2,
                                 spaceAfter=4, bulletFontName=SANS)
    s["compact"] = ParagraphStyle("compact", parent=base, fontName=COND, fontSize=8.5, leading=11.5)
    return s


# -- pieces ----------------------------------------------------------------------------------------

def doc_key(document_id: int) -> str:
    """The named destination of a document's entry in the sources annex."""
    return f"doc-{document_id}"


def cite(c: Citation) -> str:
    """A citation as a link to the document's entry in the sources annex (spaces kept together)."""
    label = esc(c.label).replace(" ", "\u00a0")
    return f'<a href="#{doc_key(c.document_id)}" color="{LINK}">{label}</a>'


def cites(items: Sequence[Citation]) -> str:
    return " ".join(cite(c) for c in items)


class Heading(Paragraph):
    """A heading that puts itself in the outline (with its own words) and notes its page."""

    def __init__(self, title: str, style: ParagraphStyle, key: str, level: int, pages: dict[str, int]) -> None:
        super().__init__(esc(title), style)
        self.title = " ".join(clean(title).split())
        self.key = key
        self.level = level
        self._pages = pages

    def draw(self) -> None:
        super().draw()
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, self.height + self.style.spaceBefore / 2 + 2)
        canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        self._pages[self.key] = canv.getPageNumber()


@dataclass
class Plan:
    """What one build needs besides the data: the page count and heading pages from the pass before."""

    total_pages: int | None = None
    known_pages: dict[str, int] = field(default_factory=dict)
    found_pages: dict[str, int] = field(default_factory=dict)  # filled in while building
    split_rows: bool = False  # let table rows break across pages (when one is taller than a page)


@dataclass(frozen=True)
class Part:
    section: Section
    key: str
    heading: str  # "Open actions", "Annex A: Chronology"
    builder: str  # the _Story method that draws it
    annex: bool = False


PART_TITLES = {Section.KEY_MESSAGES: "Lines to take"}  # key messages are on the front sheet
OTHER_ACTIONS_TITLE = "Other open actions"


def parts_of(data: BriefingData) -> list[Part]:
    """The parts the briefing prints after its front sheet, with their headings (annexes lettered in
    order). A section with nothing to show is left out, and so is its entry in the contents and the
    bookmarks. Open actions not listed in the body (due later, undated, decisions) make an annex."""
    body: list[Part] = []
    annexes: list[tuple[Section, str, str, str]] = []
    for section in data.options.sections:
        if data.is_empty(section):
            continue
        builder = "section_" + section.value.replace("-", "_")
        title = PART_TITLES.get(section, section.title)
        if section is Section.ACTIONS:
            body.append(Part(section, f"sec-{section.value}", title, builder))
            if data.other_actions:
                annexes.append((section, "sec-other-actions", OTHER_ACTIONS_TITLE, "annex_other_actions"))
        elif section.is_annex:
            annexes.append((section, f"sec-{section.value}", title, builder))
        else:
            body.append(Part(section, f"sec-{section.value}", title, builder))
    lettered = [Part(section, key, f"Annex {chr(ord('A') + n)}: {title}", builder, annex=True)
                for n, (section, key, title, builder) in enumerate(annexes)]
    return body + lettered


def annex_letter(parts: Sequence[Part], key: str) -> str:
    """"Annex A" for the part with this key ("" if it is not printed)."""
    for part in parts:
        if part.key == key and part.annex:
            return part.heading.split(":", 1)[0]
    return ""


def draw_marking(canv: Canvas, marking: str, y: float) -> None:
    canv.setFont(SANS_BOLD, 10)
    canv.setFillColor(INK)
    canv.drawCentredString(PAGE_W / 2, y, marking.upper())


def draw_fitted(canv: Canvas, text: str, x: float, y: float, width: float) -> None:
    """A running head or footer, whole: in a smaller size if it is long, and if it is longer still, on
    two lines above its place. Text that would not fit in two lines is left off the margin altogether
    (the title and reference are on the front sheet), never cut short."""
    for size in (7.5, 7, 6.5, 6):
        if stringWidth(text, SANS, size) <= width:
            canv.setFont(SANS, size)
            canv.drawString(x, y, text)
            return
    lines = simpleSplit(text, SANS, 6, width)
    if len(lines) == 2 and all(stringWidth(line, SANS, 6) <= width for line in lines):
        canv.setFont(SANS, 6)
        canv.drawString(x, y + 6.5, lines[0])
        canv.drawString(x, y, lines[1])
