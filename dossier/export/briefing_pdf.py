"""The briefing PDF, in the shape of a UK civil-service briefing (ReportLab platypus).

Takes `BriefingData` (plain values from the briefing service) and returns PDF bytes; it never sees
a database. The layout:

- every page: the protective marking centred in capitals at the top and the bottom; a footer with
  the briefing's reference and date, and "Page X of Y";
- a front sheet as a submission has it (To / From / Date, title and reference, then the issue,
  summary, recommendation, timing and key messages, and the contents), then the lines to take, the
  open actions (overdue and due soon, one line each), changes since the last briefing, and the
  annexes, each on a new page: other open actions, chronology, who's who, annotated extracts and
  sources;
- a section with nothing to show is left out, with its contents line and bookmark; text in cells
  wraps and is never cut short;
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
from dataclasses import dataclass, replace

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
from reportlab.platypus.flowables import HRFlowable

from dossier import __version__
from dossier.domain.briefing import (
    ActionGroup,
    ActionItem,
    ActorItem,
    BriefingData,
    ChangeItem,
    ChronologyItem,
    ExtractGroup,
    Section,
    SourceItem,
    long_date,
)
from dossier.domain.register import NO_OWNER
from dossier.export import fonts
from dossier.export.briefing_pieces import (
    CONFLICT,
    EXTRACT_INDENT,
    FOOTER_RULE_Y,
    FOOTER_Y,
    FRAME_BOTTOM,
    FRAME_TOP,
    HAIR,
    HEAD_BG,
    INK,
    LINK,
    MARGIN_X,
    MARKING_BOTTOM_Y,
    MARKING_TOP_Y,
    MAX_PASSES,
    MUTED,
    OVERDUE,
    PAGE_W,
    RULE,
    RUNNING_HEAD_Y,
    TEXT_W,
    Heading,
    Part,
    Plan,
    annex_letter,
    briefing_styles,
    cite,
    cites,
    doc_key,
    draw_fitted,
    draw_marking,
    group_row,
    how_many,
    others_sentence,
    parts_of,
    sentence,
    some,
    year_of,
)
from dossier.export.fonts import COND, COND_BOLD, SANS, SANS_BOLD
from dossier.export.markup import blocks, clean, esc, esc_lines

Progress = Callable[[int, int, str], None]


class RenderCancelled(Exception):
    """Raised inside the build when the caller's `cancelled()` says stop."""


class _Story:
    """Builds the flowables of one pass."""

    def __init__(self, data: BriefingData, plan: Plan) -> None:
        self.data = data
        self.o = data.options
        self.plan = plan
        self.s = briefing_styles()
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

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Flowable | str]], widths: Sequence[float],
              extra: Sequence[tuple] = ()) -> Table:
        head = [self.cell(esc(h), "cell_head") for h in header]
        scale = TEXT_W / sum(widths)
        # a row taller than a page (a very long entry) breaks across pages rather than failing the layout
        table = Table([head, *map(list, rows)], colWidths=[w * scale for w in widths], repeatRows=1, hAlign="LEFT",
                      splitInRow=int(self.split_rows))
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), COND, 8.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.35, HAIR),
            *extra,
        ]))
        return table

    # -- the whole ---------------------------------------------------------------------------
    def build(self) -> list[Flowable]:
        parts = parts_of(self.data)
        self.parts = parts
        story: list[Flowable] = [*self.front_sheet(parts), NextPageTemplate("body")]
        for n, part in enumerate(parts):
            # the front sheet stands alone; each annex starts a page
            new_page = n == 0 or part.annex
            story.append(PageBreak() if new_page else CondPageBreak(45 * mm))  # no heading left at a page's foot
            story.append(self.heading(part.heading, part.key, style="annex" if new_page else "h1"))
            story.extend(getattr(self, part.builder)())
        return story

    # -- front sheet ---------------------------------------------------------------------------
    def front_sheet(self, parts: list[Part]) -> list[Flowable]:
        """The submission's front sheet: To / From / Date, the title and reference, then the issue,
        summary, recommendation, timing and key messages (each left out when empty), and the contents."""
        o, d = self.o, self.data
        fields = [("To", o.to), ("From", o.from_), ("Date", long_date(o.day)), ("Scope", d.scope_note)]
        rows = [[self.p(esc(label), "label"), self.p(esc_lines(value.strip()), "field")]
                for label, value in fields if value and value.strip()]
        table = Table(rows, colWidths=[24 * mm, TEXT_W - 24 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), COND, 8.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        out: list[Flowable] = [Spacer(0, 2 * mm), table, Spacer(0, 5 * mm),
                               self.heading(o.title.strip() or "Briefing", "front", style="title")]
        if o.reference.strip():
            out.append(self.p(f"Reference: {esc(o.reference.strip())}", "subtitle"))
        out.append(HRFlowable(width="100%", thickness=0.9, color=INK, spaceBefore=6, spaceAfter=2))
        for key, label, text, lines_as in (("issue", "Issue", o.issue, None), ("summary", "Summary", o.summary, None),
                                           ("recommendation", "Recommendation", o.recommendation, None),
                                           ("timing", "Timing", o.timing, None),
                                           ("key-messages", "Key messages",
                                            o.key_messages if o.includes(Section.KEY_MESSAGES) else "", "bullet")):
            if text.strip():
                out.append(self.heading(label, key, level=1, style="front_label"))
                out.extend(self.text_blocks(text, lines_as=lines_as))
        if parts:
            out.append(self.p("CONTENTS", "contents_head"))
            rows = []
            for part in parts:
                page = self.plan.known_pages.get(part.key)
                rows.append([self.p(f'<a href="#{part.key}" color="{LINK}">{esc(part.heading)}</a>', "contents"),
                             self.p(str(page) if page else "", "contents_page")])
            contents = Table(rows, colWidths=[TEXT_W - 20 * mm, 20 * mm], hAlign="LEFT")
            contents.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, -1), SANS, 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.35, HAIR),
            ]))
            out.append(contents)
        return out

    # -- sections ------------------------------------------------------------------------------
    def section_key_messages(self) -> list[Flowable]:
        """The lines to take (the key messages are on the front sheet)."""
        return self.text_blocks(self.o.lines_to_take, lines_as="number")

    def section_actions(self) -> list[Flowable]:
        """The overdue actions and those due within the window, one line each; the rest counted."""
        d, o = self.data, self.o
        listed, others = d.listed_actions, d.other_actions
        overdue = [a for a in listed if a.group is ActionGroup.OVERDUE]
        soon = [a for a in listed if a.group is ActionGroup.DUE_SOON]
        by = long_date(o.due_by)
        if o.due_within_weeks:
            late = how_many(len(overdue), "action is overdue", "actions are overdue")
            due = f"{len(soon)} {'is' if len(soon) == 1 else 'are'}" if soon else "none is"
            intro = f"As at {long_date(o.day)}, {late} and {due} due by {by}."
        else:
            intro = f"As at {long_date(o.day)}, {how_many(len(overdue), 'action is overdue', 'actions are overdue')}."
        if others:
            intro += " " + others_sentence(others, annex_letter(self.parts, "sec-other-actions"))
        out: list[Flowable] = [self.p(esc(intro), "intro")]
        for title, items in (("Overdue", overdue), (f"Due by {by}", soon)):
            if items:
                out.append(self.p(esc(title), "h3"))
                out.extend(Paragraph(self._action_markup(a), self.s["action"], bulletText="\u2022") for a in items)
        return out

    def _action_markup(self, a: ActionItem, *, due: bool = True, cited: bool = True) -> str:
        """"<b>Owner</b> to do what — due 30 Jun 2019 (overdue; set 3 Mar 2019) [D3 ¶4]"."""
        line = a.line
        if a.owner and line.startswith(a.owner):
            text = f"<b>{esc(a.owner)}</b>{esc(line[len(a.owner):])}"
        elif line.endswith(f"({NO_OWNER})"):
            text = f"{esc(sentence(line[:-len(NO_OWNER) - 2]))}<i>({esc(NO_OWNER)})</i>"
        else:
            text = esc(sentence(line))
        notes = []
        if a.overdue:
            notes.append(f'<font name="{SANS_BOLD}" color="{OVERDUE}">overdue</font>')
        if a.set_date:
            notes.append(f"set {esc(a.set_date)}")
        when = ""
        if due and a.due:
            when = f" \u2014 due {esc(a.due)}"
        if notes:
            when += f" ({'; '.join(notes)})"
        cite_text = f" {cite(a.citation)}" if a.citation and cited else ""
        return f"{text}{when}{cite_text}"

    def annex_other_actions(self) -> list[Flowable]:
        """The open actions the body only counts, a compact table for each kind: due later (with their
        dates), with no date set, and decisions."""
        items = self.data.other_actions
        o = self.o
        out: list[Flowable] = [self.p(esc(f"The other actions open as at {long_date(o.day)}."), "intro")]
        groups = ((ActionGroup.LATER, f"Due after {long_date(o.due_by)}"), (ActionGroup.UNDATED, "No date set"),
                  (ActionGroup.DECISION, "Decisions and intentions"))
        for group, label in groups:
            members = [a for a in items if a.group is group]
            if not members:
                continue
            # a long table would take its heading to the next page with it: keep room for a few rows instead
            out += [CondPageBreak(30 * mm), self.p(esc(f"{label} ({len(members)})"), "h3_table")]
            dated = any(a.due for a in members)
            rows = []
            for a in members:
                row = [self.cell(self._action_markup(a, due=False, cited=False)),
                       self.cell(cite(a.citation) if a.citation else "")]
                rows.append([self.cell(esc(a.due) if a.due else "\u2013"), *row] if dated else row)
            header = ["Due", "Action", "Source"] if dated else ["Action", "Source"]
            out.append(self.table(header, rows, [22, 124, 20] if dated else [146, 20]))
        return out

    def section_changes(self) -> list[Flowable]:
        d = self.data
        prev = d.previous
        assert prev is not None  # a briefing with changes has a previous one
        name = f"\u201c{prev.title}\u201d" + (f" ({prev.reference})" if prev.reference else "")
        since = f"the last briefing, {name}, as at {long_date(prev.as_at)}"
        filed = sum(c.what == "Filed" for c in d.changes)
        actions = len(d.changes) - filed
        counts = []
        if filed:
            counts.append(f"{filed} document{'s' if filed != 1 else ''} filed")
        if actions:
            counts.append(f"{actions} action{'s' if actions != 1 else ''} new or changed")
        intro = f"Since {since}: {' and '.join(counts)}."
        rows = [self._change_row(c) for c in d.changes]
        return [self.p(esc(intro), "intro"), self.table(["Change", "Dated", "What", "Source"], rows, [24, 22, 98, 22])]

    def _change_row(self, c: ChangeItem) -> list[Flowable]:
        return [self.cell(esc(c.what)), self.cell(esc(c.date) or "Undated"), self.cell(esc(c.description)),
                self.cell(cite(c.citation) if c.citation else "")]

    def section_chronology(self) -> list[Flowable]:
        items = self.data.chronology
        conflicts = any(i.conflict for i in items)
        intro = ("Papers, events and deadlines in date order; entries without a date come last. An action "
                 "appears once, at its due date.")
        if conflicts:
            intro += " \u2021 marks an event that sources date differently."
        rows: list[Sequence[Flowable | str]] = []  # a year's row: its heading cell, the others empty
        extra: list[tuple] = []
        group = None
        for item in items:
            g = year_of(item)
            if g != group:
                group = g
                rows.append([self.cell(esc(g), "cell_group"), "", "", ""])
                extra += group_row(len(rows))
            rows.append(self._chronology_row(item))
        return [self.p(esc(intro), "intro"),
                self.table(["Date", "Event", "Actors", "Source"], rows, [21, 97, 28, 20], extra)]

    def _chronology_row(self, item: ChronologyItem) -> list[Flowable]:
        date = esc(item.date) if item.date else "Undated"
        if item.written:
            date += f'<br/><font size="7" color="#5a5f66">\u201c{esc(item.written)}\u201d</font>'
        event = esc(sentence(item.event))
        if item.kind == "document":  # the papers themselves stand out among what they mention
            event = f"<b>{event}</b>"
        if item.conflict:
            event += (f'<br/><font name="{COND_BOLD}" size="7" color="{CONFLICT}">\u2021 Sources give different '
                      "dates for this event</font>")
        elif item.conflict_note:
            event += (f'<br/><font size="7" color="#5a5f66">Sources differed on the date; resolved: '
                      f"{esc(item.conflict_note)}</font>")
        actors = esc(some(item.actors, 4, "; "))
        return [self.cell(date), self.cell(event), self.cell(actors), self.cell(cites(item.citations))]

    def section_whos_who(self) -> list[Flowable]:
        """People with the posts they held on the briefing's date, then, in a line each, the people with
        no post known on that day and the organisations."""
        items = self.data.actors
        day = long_date(self.o.day)
        people = [a for a in items if a.kind == "person"]
        posted = [a for a in people if a.posts or a.organisation]
        others = [a for a in people if not (a.posts or a.organisation)]
        orgs = [a for a in items if a.kind != "person"]
        out: list[Flowable] = [self.p(esc(f"The people the papers name, with the posts they held on {day}, "
                                          "and the organisations."), "intro")]
        if posted:
            if any(a.organisation for a in posted):
                rows = [self._actor_row(a) for a in posted]
                out.append(self.table(["Name", f"Post on {day}", "Organisation"], rows, [40, 82, 44]))
            else:  # no organisation is known for anyone: no empty column
                rows = [self._actor_row(a)[:2] for a in posted]
                out.append(self.table(["Name", f"Post on {day}"], rows, [44, 122]))
        for label, group in ((f"Also named, with no post known on {day}" if posted else "People", others),
                             ("Organisations", orgs)):
            if group:
                names = "; ".join(esc(a.name) for a in group)
                out += [Spacer(0, 5), self.p(f"<b>{esc(label)}</b> ({len(group)}): {names}.", "compact")]
        return out

    def _actor_row(self, a: ActorItem) -> list[Flowable]:
        post = "; ".join(esc(sentence(p)) for p in a.posts)
        return [self.cell(f"<b>{esc(a.name)}</b>"), self.cell(post), self.cell(esc(a.organisation))]

    def section_extracts(self) -> list[Flowable]:
        groups = self.data.extracts
        out: list[Flowable] = [self.p(esc("Passages marked by reviewers, with their notes, grouped by tag. An "
                                          "extract with several tags appears under each."), "intro")]
        for n, group in enumerate(groups, start=1):
            out.extend(self._extract_group(n, group))
        return out

    def _extract_group(self, n: int, group: ExtractGroup) -> list[Flowable]:
        title = group.tag or "Not tagged"
        out: list[Flowable] = [self.heading(title, f"tag-{n}", level=1, style="h2")]
        for x in group.items:
            quote = Table([[self.p(f"\u201c{esc(' '.join(clean(x.quote).split()))}\u201d", "quote")]],
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
        intro = ("The papers this briefing covers or cites. A citation gives the paper's reference, then the "
                 "page where known and the paragraph, and links to its entry here.")
        rows = [self._source_row(x) for x in items]
        return [self.p(esc(intro), "intro"),
                self.table(["Ref.", "Date", "From \u2192 To", "Title", "Pages"], rows, [11, 20, 46, 77, 12],
                           [("ALIGN", (4, 0), (4, -1), "RIGHT")])]

    def _source_row(self, x: SourceItem) -> list[Flowable]:
        ref = f'<a name="{doc_key(x.document_id)}"/><b>{esc(x.reference)}</b>'
        parties = esc(x.sender) if x.sender else ""
        if x.recipients:
            to = esc(some(x.recipients, 8, ", "))
            parties = f"{parties} \u2192 {to}" if parties else f"\u2192 {to}"
        title = esc(x.title)
        notes = [x.kind.capitalize()] if x.kind and x.kind != "other" else []
        if x.own_reference:
            notes.append(f"their ref. {x.own_reference}")
        if notes:
            title += f'<br/><font size="7" color="#5a5f66">{esc(", ".join(notes))}</font>'
        pages = str(x.pages) if x.pages else '<font color="#5a5f66">\u2013</font>'  # a text file has no pages
        return [self.cell(ref), self.cell(esc(x.date) or "Undated"), self.cell(parties), self.cell(title),
                Paragraph(pages, ParagraphStyle("pages", parent=self.s["cell"], alignment=TA_RIGHT))]


# -- the document --------------------------------------------------------------------------------

class BriefingDocTemplate(BaseDocTemplate):
    """A4, the marking and footer drawn on every page, progress and cancel between flowables."""

    def __init__(self, out: io.BytesIO, data: BriefingData, plan: Plan, *,
                 on_flowable: Callable[[], None] | None = None) -> None:
        o = data.options
        reference = o.reference.strip()
        subject = f"Briefing as at {long_date(o.day)}" + (f", reference {reference}" if reference else "")
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
        self.footer = clean(reference or o.title.strip() or "Briefing") + " \u00b7 " + long_date(o.day)
        self.running_head = clean(o.title.strip() or "Briefing")

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._on_flowable is not None:
            self._on_flowable()

    def _page_start(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        if canv.getPageNumber() == 1:
            canv.showOutline()
        draw_marking(canv, self.data.options.marking.value, MARKING_TOP_Y)
        if canv.getPageNumber() > 1:
            canv.setFont(SANS, 7.5)
            canv.setFillColor(MUTED)
            right = f"As at {long_date(self.data.options.day)}"
            room = TEXT_W - stringWidth(right, SANS, 7.5) - 12 * mm
            draw_fitted(canv, self.running_head, MARGIN_X, RUNNING_HEAD_Y, room)
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
        draw_fitted(canv, self.footer, MARGIN_X, FOOTER_Y, room)
        canv.drawRightString(PAGE_W - MARGIN_X, FOOTER_Y, page)
        draw_marking(canv, self.data.options.marking.value, MARKING_BOTTOM_Y)
        canv.restoreState()


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
