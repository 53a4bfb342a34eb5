"""The briefing PDF, in the shape of a UK civil-service briefing (ReportLab platypus).

Takes `BriefingData` (plain values from the briefing service) and returns PDF bytes; it never sees
a database. The layout:

- every page: the protective marking centred in capitals at the top and the bottom; a footer with
  the briefing's reference and date, and "Page X of Y";
- a front sheet (title, reference, To / From / Date / Timing / Scope, summary, contents), then key
  messages, open actions, changes since the last briefing, and the annexes, each on a new page:
  chronology, who's who, annotated extracts and sources;
- citations such as [D3 p2 ¶4] link to the document's entry in the sources annex;
- a bookmark for every section and annex, with the heading's own words; title, author, subject,
  language (en-GB) and DisplayDocTitle in the metadata; the bundled DejaVu fonts embedded.

"Page X of Y" and the contents' page numbers need the page count, so the document is built twice:
once to count pages and find where each heading falls, then for real (the NumberedCanvas trick would
break the outline's targets). ReportLab's invariant mode makes the bytes depend on the data alone.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dossier import __version__
from dossier.domain.briefing import (
    ActionItem,
    ActorItem,
    BriefingData,
    ChangeItem,
    ChronologyItem,
    Citation,
    ExtractGroup,
    Section,
    SourceItem,
    long_date,
)
from dossier.export import fonts
from dossier.export.fonts import COND, COND_BOLD, SANS, SANS_BOLD, SANS_ITALIC
from dossier.export.markup import blocks, clean, esc, esc_lines, shorten

Progress = Callable[[int, int, str], None]

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

QUOTE_LIMIT = 1500  # characters of an annotated passage shown in Annex C
CELL_LIMIT = 2000  # characters of any one table cell (as long as a chronology entry can be)
MAX_PASSES = 4  # count, draw; a third if the count moved; one more if a row had to split
EXTRACT_INDENT = 11  # points from the quote's rule to the text of an extract


class RenderCancelled(Exception):
    """Raised inside the build when the caller's `cancelled()` says stop."""


# -- styles ----------------------------------------------------------------------------------------

def _styles() -> dict[str, ParagraphStyle]:
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
    s["cell"] = ParagraphStyle("cell", fontName=COND, fontSize=8.5, leading=11, textColor=INK, splitLongWords=1)
    s["cell_head"] = ParagraphStyle("cell_head", parent=s["cell"], fontName=COND_BOLD, textColor=INK)
    s["cell_group"] = ParagraphStyle("cell_group", parent=s["cell"], fontName=COND_BOLD, fontSize=9, leading=12)
    s["cell_small"] = ParagraphStyle("cell_small", parent=s["cell"], fontSize=7.5, leading=9.5, textColor=MUTED)
    s["quote"] = ParagraphStyle("quote", parent=base, fontName=SANS_ITALIC, fontSize=9.5, leading=14, spaceAfter=0)
    s["note"] = ParagraphStyle("note", parent=base, fontSize=9.5, leading=13.5, spaceBefore=4, spaceAfter=2,
                               leftIndent=EXTRACT_INDENT)
    s["meta"] = ParagraphStyle("meta", parent=base, fontSize=8, leading=11, textColor=MUTED, spaceAfter=0,
                               leftIndent=EXTRACT_INDENT)
    s["empty"] = ParagraphStyle("empty", parent=base, textColor=MUTED)
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
    heading: str  # "Key messages", "Annex A: Chronology"


def parts_of(data: BriefingData) -> list[Part]:
    """The sections the briefing will show, with their headings (annexes lettered in order)."""
    o = data.options
    out = []
    letter = ord("A")
    for section in o.sections:
        if section is Section.KEY_MESSAGES and not (o.key_messages.strip() or o.lines_to_take.strip()):
            continue
        heading = section.title
        if section.is_annex:
            heading = f"Annex {chr(letter)}: {section.title}"
            letter += 1
        out.append(Part(section, f"sec-{section.value}", heading))
    return out


class _Story:
    """Builds the flowables of one pass."""

    def __init__(self, data: BriefingData, plan: Plan) -> None:
        self.data = data
        self.o = data.options
        self.plan = plan
        self.s = _styles()
        # Rows are kept whole (a year's heading stays with its first entry). Only when a row is taller
        # than a page, which only freak data makes, is the briefing laid out again with rows that split.
        self.split_rows = plan.split_rows

    # -- helpers -------------------------------------------------------------------------------
    def heading(self, title: str, key: str, level: int = 0, style: str = "h1") -> Heading:
        return Heading(title, self.s[style], key, level, self.plan.found_pages)

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.s[style])

    def cell(self, markup: str, style: str = "cell") -> Paragraph:
        return Paragraph(markup, self.s[style])

    def text_blocks(self, text: str, lines_as: str | None = None) -> list[Flowable]:
        """A person's text as paragraphs and lists. With `lines_as` ("bullet" or "number"), each line
        of a plain paragraph is one point: key messages are points even when typed without markers."""
        out: list[Flowable] = []
        found = blocks(text)
        if lines_as is not None:
            points: list = []
            for b in found:
                if b.kind == "para":
                    points.extend(replace(b, kind=lines_as, text=line) for line in b.text.split("\n") if line.strip())
                else:
                    points.append(b)
            found = [replace(b, number=n) if b.kind == "number" else b for n, b in enumerate(points, 1)]
        for b in found:
            if b.kind == "bullet":
                out.append(Paragraph(esc_lines(b.text), self.s["bullet"], bulletText="\u2022"))
            elif b.kind == "number":
                out.append(Paragraph(esc_lines(b.text), self.s["number"], bulletText=f"{b.number}."))
            else:
                out.append(Paragraph(esc_lines(b.text), self.s["body"]))
        return out

    def table(self, header: Sequence[str], rows: list[list[Flowable]], widths: Sequence[float],
              extra: Sequence[tuple] = ()) -> Table:
        head = [self.cell(esc(h), "cell_head") for h in header]
        scale = TEXT_W / sum(widths)
        # a row taller than a page (a very long entry) breaks across pages rather than failing the layout
        table = Table([head, *rows], colWidths=[w * scale for w in widths], repeatRows=1, hAlign="LEFT",
                      splitInRow=int(self.split_rows))
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), COND, 8.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.35, HAIR),
            *extra,
        ]))
        return table

    def empty(self, text: str) -> Paragraph:
        return self.p(esc(text), "empty")

    # -- the whole ---------------------------------------------------------------------------
    def build(self) -> list[Flowable]:
        parts = parts_of(self.data)
        story: list[Flowable] = [*self.front_sheet(parts), NextPageTemplate("body")]
        for n, part in enumerate(parts):
            # the front sheet stands alone; each annex starts a page, unless it only says it is empty
            new_page = n == 0 or (part.section.is_annex and not self.data.is_empty(part.section))
            story.append(PageBreak() if new_page else CondPageBreak(45 * mm))  # no heading left at a page's foot
            story.append(self.heading(part.heading, part.key, style="annex" if new_page else "h1"))
            story.extend(getattr(self, "section_" + part.section.value.replace("-", "_"))())
        return story

    # -- front sheet ---------------------------------------------------------------------------
    def front_sheet(self, parts: list[Part]) -> list[Flowable]:
        o, d = self.o, self.data
        out: list[Flowable] = [Spacer(0, 4 * mm), self.heading(o.title.strip() or "Briefing", "front", style="title")]
        if o.reference.strip():
            out.append(self.p(f"Reference: {esc(o.reference.strip())}", "subtitle"))
        out.append(Spacer(0, 7 * mm))
        fields = [("To", o.to), ("From", o.from_), ("Date", long_date(o.as_at)), ("Timing", o.timing),
                  ("Scope", d.scope_note or "All the papers in this dossier.")]
        rows = [[self.p(esc(label), "label"), self.p(esc_lines(value.strip()), "field")]
                for label, value in fields if value and value.strip()]
        table = Table(rows, colWidths=[28 * mm, TEXT_W - 28 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), COND, 8.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LINEABOVE", (0, 0), (-1, 0), 0.9, INK),
            ("LINEBELOW", (0, 0), (-1, -2), 0.35, HAIR),
            ("LINEBELOW", (0, -1), (-1, -1), 0.9, INK),
        ]))
        out.append(table)
        if o.summary.strip():
            out.append(self.heading("Summary", "summary", level=1, style="h2"))
            out.extend(self.text_blocks(o.summary))
        if parts:
            out.append(self.p("CONTENTS", "contents_head"))
            rows = []
            for part in parts:
                page = self.plan.known_pages.get(part.key)
                rows.append([self.p(f'<a href="#{part.key}" color="{LINK}">{esc(part.heading)}</a>', "contents"),
                             self.p(str(page) if page else "", "contents_page")])
            contents = Table(rows, colWidths=[TEXT_W - 20 * mm, 20 * mm], hAlign="LEFT")
            contents.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, -1), SANS, 9.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.35, HAIR),
            ]))
            out.append(contents)
        return out

    # -- sections ------------------------------------------------------------------------------
    def section_key_messages(self) -> list[Flowable]:
        o = self.o
        out = self.text_blocks(o.key_messages, lines_as="bullet")
        if o.lines_to_take.strip():
            out.append(self.heading("Lines to take", "lines-to-take", level=1, style="h2"))
            out.extend(self.text_blocks(o.lines_to_take, lines_as="number"))
        return out

    def section_actions(self) -> list[Flowable]:
        items = self.data.actions
        day = long_date(self.o.as_at)
        pending = self.data.pending_actions
        further = " further" if items else ""
        waiting = (f"{pending}{further} action{'s' if pending != 1 else ''} found in the papers "
                   f"{'await' if pending != 1 else 'awaits'} review in Dossier and {'are' if pending != 1 else 'is'} "
                   "not listed here.") if pending else ""
        if not items:
            return [self.empty(f"No actions are recorded as open as at {day}. {waiting}".strip())]
        overdue = sum(a.overdue for a in items)
        n = len(items)
        intro = f"{n} action{'s are' if n != 1 else ' is'} open as at {day}"
        if overdue:
            intro += (f", of which {overdue} {'are' if overdue != 1 else 'is'} overdue; overdue actions are "
                      "listed first.")
        else:
            intro += "; none is overdue."
        if waiting:
            intro += " " + waiting
        rows, extra = [], []
        for i, a in enumerate(items, start=1):
            rows.append(self._action_row(a))
            if a.overdue:
                extra.append(("BACKGROUND", (0, i), (-1, i), OVERDUE_BG))
        return [self.p(esc(intro), "intro"),
                self.table(["Due", "Action", "Owner", "Source"], rows, [24, 86, 34, 22], extra)]

    def _action_row(self, a: ActionItem) -> list[Flowable]:
        due = esc(a.due) if a.due else "No date set"
        if a.overdue:
            due = f'<font name="{COND_BOLD}" color="{OVERDUE}">Overdue</font><br/>{due}'
        what = esc(_sentence(shorten(a.summary, CELL_LIMIT)))
        detail = [a.kind.capitalize()] if a.kind else []
        if a.addressed_to:
            detail.append(f"addressed to {a.addressed_to}")
        if detail:
            what += f'<br/><font size="7.5" color="#5a5f66">{esc(", ".join(detail))}</font>'
        return [self.cell(due), self.cell(what), self.cell(esc(a.owner) or "Not known"),
                self.cell(cite(a.citation) if a.citation else "")]

    def section_changes(self) -> list[Flowable]:
        d = self.data
        if d.previous is None:
            return [self.empty(f"No briefing dated before {long_date(self.o.as_at)} has been exported from this "
                               "dossier, so there is nothing to compare with.")]
        prev = d.previous
        name = f"\u201c{prev.title}\u201d" + (f" ({prev.reference})" if prev.reference else "")
        since = f"the last briefing, {name}, as at {long_date(prev.as_at)}"
        if not d.changes:
            return [self.empty(f"No documents have been filed and no actions have changed since {since}.")]
        filed = sum(c.what == "Filed" for c in d.changes)
        actions = len(d.changes) - filed
        counts = []
        if filed:
            counts.append(f"{filed} document{'s' if filed != 1 else ''} filed")
        if actions:
            counts.append(f"{actions} action{'s' if actions != 1 else ''} new or changed")
        intro = f"Since {since}: {' and '.join(counts)}."
        rows = [self._change_row(c) for c in d.changes]
        return [self.p(esc(intro), "intro"), self.table(["Change", "Dated", "What", "Source"], rows, [26, 24, 94, 22])]

    def _change_row(self, c: ChangeItem) -> list[Flowable]:
        return [self.cell(esc(c.what)), self.cell(esc(c.date) or "Undated"),
                self.cell(esc(shorten(c.description, CELL_LIMIT))),
                self.cell(cite(c.citation) if c.citation else "")]

    def section_chronology(self) -> list[Flowable]:
        items = self.data.chronology
        if not items:
            return [self.empty("No dated entries are in scope.")]
        conflicts = any(i.conflict for i in items)
        intro = ("Events, deadlines and papers in date order, earliest first; entries without a date come last. "
                 "Where a source put a date in other words, they are quoted under it.")
        if conflicts:
            intro += " \u2021 marks an event that sources date differently."
        rows: list[list[Flowable]] = []
        extra: list[tuple] = []
        group = None
        for item in items:
            g = _year_of(item)
            if g != group:
                group = g
                rows.append([self.cell(esc(g), "cell_group"), "", "", ""])
                extra += _group_row(len(rows))
            rows.append(self._chronology_row(item))
        return [self.p(esc(intro), "intro"), self.table(["Date", "Event", "Actors", "Source"], rows, [25, 89, 30, 22], extra)]

    def _chronology_row(self, item: ChronologyItem) -> list[Flowable]:
        date = esc(item.date) if item.date else "Undated"
        if item.written:
            date += f'<br/><font size="7.5" color="#5a5f66">\u201c{esc(shorten(item.written, 120))}\u201d</font>'
        event = esc(_sentence(shorten(item.event, CELL_LIMIT)))
        if item.kind == "document":  # the papers themselves stand out among what they mention
            event = f"<b>{event}</b>"
        if item.conflict:
            event += (f'<br/><font name="{COND_BOLD}" size="7.5" color="{CONFLICT}">\u2021 Sources give different '
                      "dates for this event</font>")
        elif item.conflict_note:
            event += (f'<br/><font size="7.5" color="#5a5f66">Sources differed on the date; resolved: '
                      f"{esc(shorten(item.conflict_note, 300))}</font>")
        actors = esc(_some(item.actors, 12, "; "))
        return [self.cell(date), self.cell(event), self.cell(actors), self.cell(cites(item.citations))]

    def section_whos_who(self) -> list[Flowable]:
        items = self.data.actors
        if not items:
            return [self.empty("No people or organisations are in scope.")]
        people = [a for a in items if a.kind == "person"]
        orgs = [a for a in items if a.kind != "person"]
        rows: list[list[Flowable]] = []
        extra: list[tuple] = []
        for label, group in (("People", people), ("Organisations", orgs)):
            if not group:
                continue
            if people and orgs:
                rows.append([self.cell(label, "cell_group"), "", "", ""])
                extra += _group_row(len(rows))
            rows.extend(self._actor_row(a) for a in group)
        intro = ("The people and organisations the papers in scope name, with their current posts, the other names "
                 "the papers use for them, and the first paper that names them.")
        return [self.p(esc(intro), "intro"),
                self.table(["Name", "Post and organisation", "Also known as", "First appears"], rows,
                           [36, 52, 44, 34], extra)]

    def _actor_row(self, a: ActorItem) -> list[Flowable]:
        post = "<br/>".join(esc(shorten(p, 300)) for p in a.posts[:6])
        if a.organisation:
            post = f"{post}<br/>{esc(a.organisation)}" if post else esc(a.organisation)
        first = esc(a.first_date) if a.first_date else ""
        if a.first_citation:
            first = f"{first} {cite(a.first_citation)}" if first else cite(a.first_citation)
        return [self.cell(f"<b>{esc(a.name)}</b>"), self.cell(post),
                self.cell(esc(_some(a.aliases, 30, "; "))), self.cell(first)]

    def section_extracts(self) -> list[Flowable]:
        groups = self.data.extracts
        if not groups:
            return [self.empty("No passages in the papers in scope have been annotated.")]
        out: list[Flowable] = [self.p(esc("Passages marked by reviewers, with their notes, grouped by tag. An "
                                          "extract with several tags appears under each."), "intro")]
        for n, group in enumerate(groups, start=1):
            out.extend(self._extract_group(n, group))
        return out

    def _extract_group(self, n: int, group: ExtractGroup) -> list[Flowable]:
        title = group.tag or "Not tagged"
        out: list[Flowable] = [self.heading(title, f"tag-{n}", level=1, style="h2")]
        for x in group.items:
            quote = Table([[self.p(f"\u201c{esc(shorten(x.quote, QUOTE_LIMIT))}\u201d", "quote")]],
                          colWidths=[TEXT_W], hAlign="LEFT", splitInRow=int(self.split_rows))
            quote.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, -1), SANS, 9.5), ("LINEBEFORE", (0, 0), (0, 0), 2, RULE), ("LEFTPADDING", (0, 0), (-1, -1), EXTRACT_INDENT),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
            block: list[Flowable] = [quote]
            if x.note.strip():
                block.append(self.p(f"<b>Note:</b> {esc_lines(x.note.strip())}", "note"))
            meta = [cite(x.citation), esc(x.document_title)]
            if x.document_date:
                meta.append(esc(x.document_date))
            if x.author:
                meta.append(f"noted by {esc(x.author)}")
            others = [t for t in x.tags if t != group.tag]
            if others:
                meta.append("also tagged " + esc(", ".join(others)))
            line = " \u00b7 ".join(meta)
            if x.orphan:
                line += " \u00b7 <i>this passage was not found again when the document was re-read</i>"
            block += [self.p(line, "meta"), Spacer(0, 9)]
            out.append(KeepTogether(block))
        return out

    def section_sources(self) -> list[Flowable]:
        items = self.data.sources
        if not items:
            return [self.empty("No documents are in scope.")]
        intro = ("The papers this briefing covers or cites, by reference. A citation in the text gives the "
                 "paper's reference, then the page where known and the paragraph, and links to its entry here.")
        rows = [self._source_row(x) for x in items]
        return [self.p(esc(intro), "intro"),
                self.table(["Ref.", "Date", "From \u2192 To", "Title", "Pages"], rows, [12, 21, 44, 75, 14],
                           [("ALIGN", (4, 0), (4, -1), "RIGHT")])]

    def _source_row(self, x: SourceItem) -> list[Flowable]:
        ref = f'<a name="{doc_key(x.document_id)}"/><b>{esc(x.reference)}</b>'
        parties = esc(x.sender) if x.sender else ""
        if x.recipients:
            to = esc(_some(x.recipients, 8, ", "))
            parties = f"{parties} \u2192 {to}" if parties else f"\u2192 {to}"
        title = esc(shorten(x.title, CELL_LIMIT))
        notes = [x.kind.capitalize()] if x.kind and x.kind != "other" else []
        if x.own_reference:
            notes.append(f"their ref. {x.own_reference}")
        if notes:
            title += f'<br/><font size="7.5" color="#5a5f66">{esc(", ".join(notes))}</font>'
        pages = str(x.pages) if x.pages else '<font color="#5a5f66">\u2013</font>'  # a text file has no pages
        return [self.cell(ref), self.cell(esc(x.date) or "Undated"), self.cell(parties), self.cell(title),
                Paragraph(pages, ParagraphStyle("pages", parent=self.s["cell"], alignment=TA_RIGHT))]


def _some(names: Sequence[str], most: int, sep: str) -> str:
    """Names joined, at most `most` of them: "A; B; C and 12 others"."""
    names = [shorten(n, 200) for n in names]
    if len(names) <= most:
        return sep.join(names)
    return f"{sep.join(names[:most])} and {len(names) - most} others"


def _sentence(text: str) -> str:
    """Text starting with a capital, as a table cell reads ("make recommendations" -> "Make ...")."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _group_row(r: int) -> list[tuple]:
    """Style a table row (r counts the header as 0) as a group heading kept with the row after it."""
    return [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_BG), ("NOSPLIT", (0, r), (-1, r + 1))]


def _year_of(item: ChronologyItem) -> str:
    if not item.date:
        return "Undated"
    for word in item.date.replace("\u2013", " ").split():
        if len(word) == 4 and word.isdigit():
            return word
    return "Undated"


# -- the document --------------------------------------------------------------------------------

class BriefingDocTemplate(BaseDocTemplate):
    """A4, the marking and footer drawn on every page, progress and cancel between flowables."""

    def __init__(self, out: io.BytesIO, data: BriefingData, plan: Plan, *,
                 on_flowable: Callable[[], None] | None = None) -> None:
        o = data.options
        reference = o.reference.strip()
        subject = f"Briefing as at {long_date(o.as_at)}" + (f", reference {reference}" if reference else "")
        super().__init__(
            out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=FRAME_TOP,
            bottomMargin=FRAME_BOTTOM, title=clean(o.title.strip() or "Briefing"),
            author=clean(o.from_.strip()) or "Dossier", subject=clean(subject),
            creator=f"Dossier {__version__}", keywords=[o.marking.value, "briefing"], invariant=1, lang="en-GB",
            displayDocTitle=1, pageCompression=1, initialFontName=SANS, initialFontSize=10)
        self.data = data
        self.plan = plan
        self._on_flowable = on_flowable
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="text",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("front", [frame], onPage=self._page_start, onPageEnd=self._page_end),
            PageTemplate("body", [frame], onPage=self._page_start, onPageEnd=self._page_end),
        ])
        self.footer = clean(reference or o.title.strip() or "Briefing") + " \u00b7 " + long_date(o.as_at)
        self.running_head = clean(o.title.strip() or "Briefing")

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._on_flowable is not None:
            self._on_flowable()

    def _page_start(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        if canv.getPageNumber() == 1:
            canv.showOutline()
        _marking(canv, self.data.options.marking.value, MARKING_TOP_Y)
        if canv.getPageNumber() > 1:
            canv.setFont(SANS, 7.5)
            canv.setFillColor(MUTED)
            right = f"As at {long_date(self.data.options.as_at)}"
            room = TEXT_W - stringWidth(right, SANS, 7.5) - 12 * mm
            canv.drawString(MARGIN_X, RUNNING_HEAD_Y, _fit(self.running_head, SANS, 7.5, room))
            canv.drawRightString(PAGE_W - MARGIN_X, RUNNING_HEAD_Y, right)
            canv.setStrokeColor(HAIR)
            canv.setLineWidth(0.5)
            canv.line(MARGIN_X, RUNNING_HEAD_Y - 2.5 * mm, PAGE_W - MARGIN_X, RUNNING_HEAD_Y - 2.5 * mm)
        canv.restoreState()

    def _page_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setStrokeColor(HAIR)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, FOOTER_RULE_Y, PAGE_W - MARGIN_X, FOOTER_RULE_Y)
        canv.setFont(SANS, 7.5)
        canv.setFillColor(MUTED)
        total = self.plan.total_pages
        page = f"Page {canv.getPageNumber()} of {total if total else canv.getPageNumber()}"
        room = TEXT_W - stringWidth(page, SANS, 7.5) - 12 * mm
        canv.drawString(MARGIN_X, FOOTER_Y, _fit(self.footer, SANS, 7.5, room))
        canv.drawRightString(PAGE_W - MARGIN_X, FOOTER_Y, page)
        _marking(canv, self.data.options.marking.value, MARKING_BOTTOM_Y)
        canv.restoreState()


def _marking(canv: Canvas, marking: str, y: float) -> None:
    canv.setFont(SANS_BOLD, 10)
    canv.setFillColor(INK)
    canv.drawCentredString(PAGE_W / 2, y, marking.upper())


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Text cut with an ellipsis to fit a width in points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


# -- building --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RenderedBriefing:
    pdf: bytes
    pages: int


def build_story(data: BriefingData, plan: Plan | None = None) -> list[Flowable]:
    """The flowables of a briefing (for one build: flowables are used up by building)."""
    fonts.register_fonts()
    return _Story(data, plan or Plan()).build()


def build_once(data: BriefingData, plan: Plan, story: list[Flowable] | None = None,
               on_flowable: Callable[[], None] | None = None) -> tuple[bytes, int]:
    """One ReportLab build: the PDF bytes and the page count."""
    fonts.register_fonts()
    out = io.BytesIO()
    doc = BriefingDocTemplate(out, data, plan, on_flowable=on_flowable)
    doc.build(story if story is not None else _Story(data, plan).build())
    return out.getvalue(), doc.page


def render_briefing(data: BriefingData, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> RenderedBriefing:
    """The briefing as PDF bytes: one pass to count pages and place headings, one to draw it all.

    `progress(done, total, label)` is called as flowables are laid out; `cancelled()` is asked as
    often, and RenderCancelled is raised when it says so.
    """
    fonts.register_fonts()
    plan = Plan()
    pdf, pages = b"", 0
    for n in range(MAX_PASSES):
        story = _Story(data, plan).build()
        estimate = max(1, len(story))  # flowables split across pages make a few more calls
        done = 0
        label = "Counting pages…" if n == 0 else "Laying out the briefing…"

        def tick(n: int = n, label: str = label, estimate: int = estimate) -> None:
            nonlocal done
            done += 1
            if cancelled is not None and cancelled():
                raise RenderCancelled
            if progress is not None:
                passes = max(2, n + 1)
                progress(n * estimate + min(done, estimate), passes * estimate, label)

        try:
            pdf, pages = build_once(data, plan, story, tick)
        except LayoutError:
            if plan.split_rows:
                raise
            plan = Plan(split_rows=True)  # a row taller than a page: start again, letting rows split
            continue
        if plan.total_pages == pages and plan.known_pages == plan.found_pages:
            break
        plan = Plan(total_pages=pages, known_pages=dict(plan.found_pages), split_rows=plan.split_rows)
    return RenderedBriefing(pdf=pdf, pages=pages)
