"""The briefing PDF of the sample case, read back with pypdf: markings, footers, bookmarks, links,
order, metadata, fonts and determinism."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_briefing_support import (
    CITATION,
    build_sample_dossier,
    copy_dossier,
    lines,
    links,
    outline_items,
    page_runs,
    page_text,
    sample_options,
    text_in,
)

from dossier.domain.briefing import Marking, Section
from dossier.domain.chronology import EntryFields, EntryKind
from dossier.services import Services, open_services

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "resources" / "sample"
MONTHS = {m: n for n, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                      "Dec"), start=1)}
UNDATED_NOTE = "A meeting the office recalls but nobody dated"


@pytest.fixture(scope="module")
def sample_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("briefing-sample") / "sample.dossier"
    build_sample_dossier(path, SAMPLE_DIR)
    services = open_services(path)
    try:  # an entry of the office's own, with no date: it must come last
        services.chronology.add_entry(EntryFields(None, UNDATED_NOTE, EntryKind.OWN, ("Albert Bore",)))
    finally:
        services.close()
    return path


@pytest.fixture
def briefing_services(tmp_path: Path, sample_source: Path) -> Iterator[Services]:
    services = open_services(copy_dossier(sample_source, tmp_path / "case.dossier"))
    yield services
    services.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, sample_source: Path) -> tuple[Path, PdfReader]:
    folder = tmp_path_factory.mktemp("briefing-out")
    services = open_services(copy_dossier(sample_source, folder / "case.dossier"))
    try:
        result = services.briefing.export(sample_options(), folder / "briefing.pdf").value
    finally:
        services.close()
    reader = PdfReader(result.path)
    assert len(reader.pages) == result.pages
    return Path(result.path), reader


def _section_pages(reader: PdfReader) -> dict[str, int]:
    return {title: page for title, level, page in outline_items(reader) if level == 0}


def _annex_range(reader: PdfReader, heading: str) -> range:
    """The pages of a section, by its heading, or by an annex's title without its letter ("Chronology")."""
    pages = sorted(_section_pages(reader).items(), key=lambda kv: kv[1])
    found = dict(pages)
    if heading not in found:
        [heading] = [h for h in found if re.fullmatch(rf"Annex [A-Z]: {re.escape(heading)}", h)]
    start = found[heading]
    later = [p for _, p in pages if p > start]
    return range(start, later[0] if later else len(reader.pages))


# -- every page --------------------------------------------------------------------------------------

def test_marking_centred_at_the_top_and_bottom_of_every_page(exported):
    _, reader = exported
    width = float(reader.pages[0].mediabox.width)
    assert len(reader.pages) > 3
    for i in range(len(reader.pages)):
        runs = page_runs(reader, i)
        top = max(runs, key=lambda r: r.y)
        bottom = min(runs, key=lambda r: r.y)
        assert top.text == "OFFICIAL-SENSITIVE", f"page {i + 1} starts with {top.text!r}"
        assert bottom.text == "OFFICIAL-SENSITIVE", f"page {i + 1} ends with {bottom.text!r}"
        # centred: the same start either end, in the middle of the page
        assert abs(top.x - bottom.x) < 0.5
        assert width * 0.3 < top.x < width * 0.5


def test_page_x_of_y_and_the_reference_in_every_footer(exported):
    _, reader = exported
    total = len(reader.pages)
    for i in range(total):
        text = page_text(reader, i)
        assert re.findall(r"Page \d+ of \d+", text) == [f"Page {i + 1} of {total}"]
        assert "BRF/2014/031 \u00b7 1 August 2014" in text


def test_a_top_secret_marking_in_capitals(briefing_services, tmp_path):
    result = briefing_services.briefing.export(sample_options(marking=Marking.parse("top secret")),
                                               tmp_path / "ts.pdf").value
    reader = PdfReader(result.path)
    for i in range(len(reader.pages)):
        runs = page_runs(reader, i)
        assert max(runs, key=lambda r: r.y).text == "TOP SECRET"
        assert min(runs, key=lambda r: r.y).text == "TOP SECRET"


# -- structure -------------------------------------------------------------------------------------

def test_bookmarks_match_the_headings_in_order(exported):
    _, reader = exported
    items = outline_items(reader)
    top = [title for title, level, _ in items if level == 0]
    # no briefing was exported before: no "Changes since the last briefing"
    assert top == ["Children's services: progress of the intervention", "Lines to take", "Open actions",
                   "Annex A: Other open actions", "Annex B: Chronology", "Annex C: Who\u2019s who",
                   "Annex D: Annotated extracts", "Annex E: Sources"]
    subs = [title for title, level, _ in items if level == 1]
    assert subs == ["Issue", "Summary", "Recommendation", "Timing", "Key messages", "Commissioner", "Deadlines",
                    "Not tagged"]
    pages = [page for _, _, page in items]
    assert pages == sorted(pages)
    for title, _, page in items:
        # a heading is whole lines of its page (a long one wraps)
        page_lines = lines(reader, page)
        joined = {" ".join(page_lines[i:j]) for i in range(len(page_lines)) for j in range(i + 1, i + 4)}
        assert title in joined, f"no heading {title!r} on page {page + 1}"


def test_contents_lists_each_section_with_its_page_and_links_there(exported):
    _, reader = exported
    sections = _section_pages(reader)
    front = lines(reader, 0)
    for title, page in sections.items():
        if page == 0:
            continue
        assert any(" ".join(front[i:i + 2]) == f"{title} {page + 1}" for i in range(len(front))), title
    runs = page_runs(reader, 0)
    targets = {text_in(runs, link.rect): link.target_page for link in links(reader) if link.page == 0}
    for title, page in sections.items():
        if page:
            assert targets[title] == page


def test_annexes_start_on_a_new_page_and_header_rows_repeat(exported):
    _, reader = exported
    chronology = _annex_range(reader, "Chronology")
    assert len(chronology) >= 2, "the sample chronology should run over more than one page"
    for page in chronology:
        assert "Date Event Actors Source" in " ".join(lines(reader, page)), f"no header row on page {page + 1}"
    for title, page in _section_pages(reader).items():
        if title.startswith("Annex"):
            head = lines(reader, page)[:4]  # the marking, the running head (title, date), then the heading
            assert head[3] == title, head


def test_every_citation_is_a_link_to_its_entry_in_annex_d(exported):
    _, reader = exported
    sources = _annex_range(reader, "Sources")
    sections = set(_section_pages(reader).values())
    all_links = links(reader)
    assert all(link.target_page is not None for link in all_links), "a link goes nowhere"
    checked = 0
    for page in range(len(reader.pages)):
        cited = sorted(int(n) for n in CITATION.findall(page_text(reader, page)))
        landed = []
        for link in (x for x in all_links if x.page == page):
            if page == 0 and link.target_page in sections:
                continue  # the contents
            assert link.target_page in sources, f"a link on page {page + 1} does not go to Annex D"
            # the row the link lands on is the entry of a document: "D3", at the top of the view
            below = [r for r in page_runs(reader, link.target_page) if r.y <= link.target_y + 1]
            first = max(below, key=lambda r: (r.y, -r.x))
            assert re.fullmatch(r"D\d+", first.text.split()[0]), f"a link lands on {first.text!r}"
            landed.append(int(first.text.split()[0][1:]))
        # each citation on the page has a link, and the links land on the documents cited
        assert sorted(landed) == cited, f"page {page + 1}"
        checked += len(cited)
    assert checked > 30


def test_chronology_rows_in_date_order_undated_last(exported):
    _, reader = exported
    chronology = _annex_range(reader, "Chronology")
    dates: list[dt.date | None] = []
    for page in chronology:
        runs = sorted(page_runs(reader, page), key=lambda r: -r.y)
        left = min(r.x for r in runs if r.text.startswith(("Date", "Undated")) or r.text[:1].isdigit())
        for r in runs:
            if abs(r.x - left) > 2 or r.text.startswith("\u201c"):
                continue
            m = re.match(r"(?:(?:early|mid|late|end|by|before|after|c\.)\s+)?(?:(\d{1,2}) )?"
                         r"(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) )?(\d{4})$", r.text)
            if m and (m.group(1) or m.group(2)):
                day, month, year = m.groups()
                dates.append(dt.date(int(year), MONTHS[month] if month else 1, int(day) if day else 1))
            elif r.text == "Undated" and dates:
                dates.append(None)
    assert len(dates) > 20
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated)
    first_undated = dates.index(None)
    assert all(d is None for d in dates[first_undated:]), "a dated entry after the undated ones"
    assert UNDATED_NOTE in " ".join(page_text(reader, p) for p in chronology)


def test_conflicting_sources_are_marked(exported):
    _, reader = exported
    text = " ".join(page_text(reader, p) for p in _annex_range(reader, "Chronology"))
    assert text.count("Sources give different dates for this event") >= 2  # each side of a conflict


def test_open_actions_one_line_each_overdue_first_the_rest_counted_in_an_annex(exported):
    _, reader = exported
    page = _section_pages(reader)["Open actions"]
    text = " ".join(page_text(reader, page).split())
    body = text[text.index("Open actions"):]
    assert "As at 1 August 2014, 5 actions are overdue and none is due by 29 August 2014." in body
    others = re.search(r"(\d+) other open actions \(3 due later, (\d+) with no date set\)(?: and (\d+) decisions? "
                       r"or intentions?)? are listed in Annex A\.", body)
    assert others, body
    assert int(others.group(1)) == 3 + int(others.group(2))
    assert body.count("(overdue; set ") == 5
    # one statement per action: owner, what, due date and source together
    assert re.search(r"Norman Warner to make recommendations to Edward Timpson on any urgent actions required \u2014 due end "
                     r"May 2014 \(overdue; set 27 Mar 2014\) \[D3 ¶8\]", body)
    assert "await review" not in text and "Dossier" not in text
    annex = " ".join(" ".join(page_text(reader, p).split()) for p in _annex_range(reader, "Other open actions"))
    assert "Due after 29 August 2014 (3) Due Action Source" in annex
    assert f"No date set ({others.group(2)}) Action Source" in annex
    assert annex.index("Due after") < annex.index("No date set")


def test_whos_who_and_extracts(exported):
    _, reader = exported
    whos = " ".join(" ".join(page_text(reader, p).split()) for p in _annex_range(reader, "Who\u2019s who"))
    assert "Norman Warner" in whos and "Post on 1 August 2014" in whos
    assert "Commissioner for Children" in whos  # the post he held on the day
    assert "Organisations (" in whos and "Birmingham City Council" in whos
    extracts = " ".join(" ".join(page_text(reader, p).split())
                        for p in _annex_range(reader, "Annotated extracts"))
    assert "I will be appointing Lord Norman Warner as Commissioner" in extracts
    assert "The appointment the minister will be asked about." in extracts
    # an extract with two tags is listed under each
    assert extracts.count("by the end of May 2014, to make recommendations") == 2


def test_no_placeholder_text(exported):
    _, reader = exported
    text = "\n".join(page_text(reader, i) for i in range(len(reader.pages)))
    for bad in (r"\bNone\b", r"\bnull\b", r"\bnan\b", r"\bTODO\b", r"\bTBC\b", r"\bXXX\b", r"[Ll]orem",
                r"[{}]", r"\[\]", r"\?\?", r"Page 0\b", r"\bundefined\b", r"<[a-z/]", "&amp;", "&lt;"):
        assert not re.search(bad, text), f"{bad} in the briefing"


def test_metadata_language_and_embedded_fonts(exported):
    _, reader = exported
    meta = reader.metadata
    assert meta.title == "Children's services: progress of the intervention"
    assert meta.author == "Private Office"
    assert "1 August 2014" in meta.subject and "BRF/2014/031" in meta.subject
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert root["/PageMode"] == "/UseOutlines"
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"], f"{font['/BaseFont']} is not embedded"
            assert "DejaVu" in font["/BaseFont"]


def test_two_exports_are_byte_identical(briefing_services, tmp_path):
    one = briefing_services.briefing.export(sample_options(), tmp_path / "one.pdf").value
    two = briefing_services.briefing.export(sample_options(), tmp_path / "two.pdf").value
    assert Path(one.path).read_bytes() == Path(two.path).read_bytes()
    assert one.sha256 == two.sha256
    changed = briefing_services.briefing.export(sample_options(title="Another title"), tmp_path / "three.pdf").value
    assert changed.sha256 != one.sha256


def test_sections_left_out_are_not_shown_and_annexes_are_lettered_in_order(briefing_services, tmp_path):
    options = sample_options(sections=(Section.WHOS_WHO,), key_messages="", lines_to_take="")
    result = briefing_services.briefing.export(options, tmp_path / "short.pdf").value
    reader = PdfReader(result.path)
    top = [title for title, level, _ in outline_items(reader) if level == 0]
    assert top == ["Children's services: progress of the intervention", "Annex A: Who\u2019s who",
                   "Annex B: Sources"]
    text = "\n".join(page_text(reader, i) for i in range(len(reader.pages)))
    assert "Chronology" not in text and "Key messages" not in text


def test_long_cells_wrap_inside_the_margins(services, tmp_path):
    from reportlab.lib.units import mm

    from dossier.domain.annotations import AnnotationFields, Colour
    from dossier.domain.dates import PartialDate

    (tmp_path / "in").mkdir()
    body = "Word " * 200 + "x" * 700  # a word longer than any column
    (tmp_path / "in" / "long.txt").write_text(f"3 March 2014\n\nDear Ms Smith,\n\n{body}\n\nYours sincerely,\n\n"
                                              "John Brown\n", encoding="utf-8")
    [filed] = services.documents.file_paths([tmp_path / "in" / "long.txt"])
    names = tuple(f"Person Number{i:03d}" for i in range(40))
    services.documents.edit_metadata(filed.document_id, {"title": "T" * 400 + " end", "recipients": names})
    services.chronology.add_entry(EntryFields(PartialDate.parse_iso("2014-03-05"), "y" * 1990, EntryKind.OWN, names))
    services.annotations.create_at_quote(filed.document_id, "x" * 700, AnnotationFields(Colour.YELLOW, "n" * 900,
                                                                                         ("t",)))
    options = sample_options(title="Long " + "W" * 120, summary="S " * 3000, key_messages="- " + "k" * 900,
                             to="z" * 300)
    result = services.briefing.export(options, tmp_path / "long.pdf").value
    reader = PdfReader(result.path)
    width = float(reader.pages[0].mediabox.width)
    left, right = 22 * mm, width - 22 * mm
    for i in range(len(reader.pages)):
        for run in page_runs(reader, i):
            # (ReportLab may tighten a full line's word spaces by a point or two, which the width here ignores)
            assert left - 1 <= run.x and run.right() <= right + 6, f"page {i + 1}: {run.text[:40]!r} overflows"
    text = "".join(page_text(reader, i) for i in range(len(reader.pages)))
    assert text.count("y") >= 1990  # the whole entry, over as many lines (and pages) as it needs
    assert "and 36 others" in text  # 40 actors: the first 4 named
    assert "\u2026" not in text  # nothing cut short
    assert "z" * 300 in text.replace("\n", "") and "k" * 900 in text.replace("\n", "")
