"""Helpers shared by the briefing tests (no tests here): the sample dossier made ready to brief on,
and reading a briefing PDF back with pypdf (text with positions, outline, links)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, IndirectObject

from dossier.domain.annotations import AnnotationFields, Colour
from dossier.domain.briefing import BriefingOptions, Marking
from dossier.domain.clock import Clock
from dossier.services import open_services
from dossier.services.sample import build_sample

AS_AT = dt.date(2014, 8, 1)

# What a reviewer of the sample case marked: (document file, words, note, tags)
ANNOTATIONS = (
    ("002_2ec54a10ba608b6c.txt", "I will be appointing Lord Norman Warner as Commissioner",
     "The appointment the minister will be asked about.", ("Commissioner",)),
    ("002_2ec54a10ba608b6c.txt", "by the end of May 2014, to make recommendations to me on any urgent actions required",
     "First deadline for the Commissioner.", ("Commissioner", "Deadlines")),
    ("001_0ea22981334a7455.txt", "By 22 July I wish to see a clear explanation",
     "The Council's explanation is overdue.", ("Deadlines",)),
    ("000_79d4facf50142c17.txt", "I wrote to you on 3 September", "", ()),
)


def sample_options(**changes) -> BriefingOptions:
    options = BriefingOptions(
        title="Children's services: progress of the intervention", reference="BRF/2014/031",
        marking=Marking.OFFICIAL_SENSITIVE, as_at=AS_AT, to="Secretary of State", from_="Private Office",
        timing="Routine: before the meeting on 5 August",
        issue="Where the intervention stands before the meeting on 5 August.",
        summary="This note brings the correspondence together.\n\nIt lists the actions that remain open.",
        recommendation="That you note the overdue explanation and press for the recommendations.",
        key_messages="- The Commissioner is in place.\n- The Council must explain the issues by 22 July.",
        lines_to_take="1. We want rapid improvement.\n2. We will act if we must.")
    return options.with_changes(**changes) if changes else options


def build_sample_dossier(path: Path, sample_dir: Path, clock: Clock | None = None) -> dict[str, int]:
    """File the sample case, accept every suggestion and annotate a few passages; file name -> id."""
    services = open_services(path, clock=clock)
    try:
        results = build_sample(services.documents, sample_dir)
        ids = {Path(r.path).name: r.document_id for r in results if r.document_id is not None}
        pending = sorted(services.suggestions.pending(), key=lambda s: s.kind != "actor")
        services.suggestions.accept_many([s.id for s in pending])
        for file_name, words, note, tags in ANNOTATIONS:
            services.annotations.create_at_quote(ids[file_name], words, AnnotationFields(Colour.YELLOW, note, tags),
                                                 author="A. Reviewer")
        return ids
    finally:
        services.close()


def copy_dossier(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


# -- reading a PDF back ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    """A piece of text on a page, with where it starts and the font it is set in."""

    text: str
    x: float
    y: float
    font: str = ""  # the embedded font's name, without its subset tag ("DejaVuSansCondensed-Bold")
    size: float = 0.0

    def right(self) -> float:
        """Where the text ends, measured with the bundled font it is set in."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from dossier.export import fonts

        fonts.register_fonts()
        name = {v[:-4]: k for k, v in fonts.FILES.items()}[self.font]
        return self.x + stringWidth(self.text, name, self.size)


def page_runs(reader: PdfReader, index: int) -> list[Run]:
    runs: list[Run] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1] if font else ""
            runs.append(Run(text.strip(), x, y, name, float(size) * tm[0] * cm[0]))

    reader.pages[index].extract_text(visitor_text=visit)
    return runs


def page_text(reader: PdfReader, index: int) -> str:
    return reader.pages[index].extract_text()


def lines(reader: PdfReader, index: int) -> list[str]:
    return [line.strip() for line in page_text(reader, index).splitlines() if line.strip()]


def outline_items(reader: PdfReader) -> list[tuple[str, int, int]]:
    """(title, level, page index) of every bookmark, in order."""
    out: list[tuple[str, int, int]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((item.title, level, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


@dataclass(frozen=True)
class Link:
    page: int  # where the link is
    rect: tuple[float, float, float, float]
    target_page: int | None  # where it goes (None: nowhere in this file)
    target_y: float | None


def links(reader: PdfReader) -> list[Link]:
    page_ids = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    out: list[Link] = []
    for i, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            dest = annot.get("/Dest")
            if dest is None and "/A" in annot:
                dest = annot["/A"].get("/D")
            target = target_y = None
            if isinstance(dest, ArrayObject) and dest and isinstance(dest[0], IndirectObject):
                target = page_ids.get(dest[0].idnum)
                if len(dest) >= 4 and dest[1] == "/XYZ":
                    target_y = float(dest[3])
            elif dest is not None:  # a named destination
                named = reader.named_destinations.get(str(dest))
                if named is not None:
                    target = reader.get_destination_page_number(named)
                    target_y = float(named.top) if named.top is not None else None
            rect = tuple(float(v) for v in annot["/Rect"])
            out.append(Link(i, rect, target, target_y))  # type: ignore[arg-type]
    return out


def text_in(runs: list[Run], rect: tuple[float, float, float, float], slack: float = 2.0) -> str:
    """The text that starts inside a rectangle (a link's area)."""
    x0, y0, x1, y1 = rect
    return " ".join(r.text for r in runs if x0 - slack <= r.x <= x1 + slack and y0 - slack <= r.y <= y1 + slack)


CITATION = re.compile(r"\[D(\d+)(?: p\d+)?(?: ¶\d+)?\]")
