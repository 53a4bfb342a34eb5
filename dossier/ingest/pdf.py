"""PDF files through pypdf: the text layer only, page by page.

Lines come from pypdf's plain extraction. pypdf reports where each piece of text sits; a line
whose baseline is further below the previous one than 1.3 times the document's usual line
pitch (or that jumps back up the page) starts after a blank line, so paragraph gaps survive.
Running headers, footers and page numbers are dropped before normalisation. Nothing else in the
file is looked at: JavaScript, embedded files, forms and links are neither run nor extracted.

A tiny file can hold a page whose content stream inflates to tens of megabytes, or millions of
drawing operations: pypdf's limits are tightened while a file is read (a letter's page holds a few
thousand operations), and a file that reaches one is refused as a possible decompression bomb.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdf
from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError

try:  # pypdf 5.x and later
    from pypdf.errors import LimitReachedError
except ImportError:  # pragma: no cover
    class LimitReachedError(Exception):  # type: ignore[no-redef]  # pypdf 4 has none: a stand-in never raised
        pass

from dossier.domain.records import Extracted
from dossier.ingest.base import ReadError
from dossier.ingest.normalise import clean_text, normalise_pages

MEDIA_TYPE = "application/pdf"

CORRUPT = "not a valid PDF (corrupt or truncated)"
BOMB = "refused: PDF content expands too far (possible decompression bomb)"

# pypdf's own limits, tightened while Dossier reads a file (see `_limits`).
LIMITS = {
    "zlib_maximum_output_length": 32_000_000,  # bytes one stream may inflate to
    "stream_decoding_work_maximum_length": 64_000_000,
    "stream_parsing_work_maximum_count": 1_000_000,  # operators and operands in one content stream
}

# pypdf logs every oddity of a damaged file (as warnings, some as errors even when it copes):
# noise for our users, who get one line when a file cannot be read.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

_GAP = 1.3  # a step down this many line pitches (or more) is a paragraph gap
_EDGE = 2  # running headers and footers are looked for in this many lines at each end of a page
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|page\s*\|\s*\d{1,4}|\d{1,4}\s*\|\s*page",
    re.IGNORECASE,
)
_FILE_TITLE = re.compile(r"^microsoft (?:word|excel|powerpoint) - |\.(?:docx?|pdf|rtf|odt|txt)$", re.IGNORECASE)


@contextlib.contextmanager
def _limits() -> Iterator[None]:
    """pypdf's resource limits, tightened (pypdf 6.6 and later have them as a configuration)."""
    apply = getattr(pypdf, "apply_configuration", None)
    known = getattr(pypdf, "Configuration", None)
    if apply is None or known is None:
        yield
        return
    fields = getattr(known, "__dataclass_fields__", {})
    with apply(**{k: v for k, v in LIMITS.items() if k in fields}):
        yield


def read_pdf(data: bytes) -> Extracted:
    with _limits():
        return _read_pdf(data)


def _read_pdf(data: bytes) -> Extracted:
    reader = _open(data)
    try:
        page_lines = [_page_lines(page) for page in reader.pages]
    except MemoryError:
        raise
    except LimitReachedError as exc:
        raise ReadError(BOMB) from exc
    except Exception as exc:  # pypdf fails on damaged files in many ways
        raise ReadError(CORRUPT) from exc
    pitch = _line_pitch(page_lines)
    pages = [page.text(pitch) for page in page_lines]
    text, paragraphs = normalise_pages(strip_running_lines(pages))
    return Extracted(
        text=text, paragraphs=paragraphs, media_type=MEDIA_TYPE, page_count=len(pages),
        has_text_layer=bool(text), title=_title(reader),
    )


def strip_running_lines(pages: list[str]) -> list[str]:
    """Drop page numbers and lines that recur at the top or bottom of most pages.

    Only the first and last two non-blank lines of a page are candidates. Lines are compared
    with their digits replaced ("Page 3 of 9" and "Page 4 of 9" recur); a line recurs when it is
    on at least two pages and on at least half of them. Bare page numbers ("3", "Page 3",
    "Page 3 of 5", "3/5", "- 3 -") go wherever they are at the edge of a page.
    """
    page_lines = [page.split("\n") for page in pages]
    edges = [_edge_indexes(lines) for lines in page_lines]
    counts = Counter(key for lines, edge in zip(page_lines, edges, strict=True)
                     for key in {_key(lines[i]) for i in edge})
    running = {key for key, n in counts.items() if n >= 2 and 2 * n >= len(pages)}
    return [
        "\n".join(line for i, line in enumerate(lines) if i not in edge or not _is_running(line, running))
        for lines, edge in zip(page_lines, edges, strict=True)
    ]


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("password-protected PDF")
        if len(reader.pages) == 0:
            raise ReadError("not a valid PDF (no pages)")
    except (ReadError, MemoryError):
        raise
    except LimitReachedError as exc:
        raise ReadError(BOMB) from exc
    except DependencyError as exc:  # AES needs the `cryptography` package
        raise ReadError("encrypted PDF (AES encryption is not supported)") from exc
    except Exception as exc:
        raise ReadError(CORRUPT) from exc
    return reader


def _title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except MemoryError:
        raise
    except Exception:  # a damaged info dictionary costs the title, not the document
        return None
    if not isinstance(title, str):
        return None
    title = " ".join(clean_text(title).split())
    if not title or title.lower() == "untitled" or _FILE_TITLE.search(title):
        return None
    return title


# -- lines and gaps ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _PageLines:
    lines: list[str]
    steps: list[float | None]  # how far below the previous line with text each line sits

    def text(self, pitch: float) -> str:
        """The lines, with a blank line before each that steps down a paragraph gap or jumps up.

        Pieces pypdf put on separate lines although they share a baseline (table cells, a
        bullet drawn apart from its item) are put back on one line.
        """
        out: list[str] = []
        for line, step in zip(self.lines, self.steps, strict=True):
            if step is not None and abs(step) < 0.5 and out and out[-1].strip():
                out[-1] += " " + line
                continue
            if pitch and step is not None and (step > _GAP * pitch or step < -0.5 * pitch):
                out.append("")
            out.append(line)
        return "\n".join(out)


@dataclass(slots=True)
class _Line:
    parts: list[str] = field(default_factory=list)
    baseline: float | None = None  # None when unknown or the text is not upright

    def has_text(self) -> bool:
        return any(part.strip() for part in self.parts)


class _LineCollector:
    """Receives pypdf's text pieces (as its `visitor_text`) and rebuilds its lines."""

    def __init__(self) -> None:
        self._lines = [_Line()]

    def visit(self, text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        first, *rest = text.split("\n")
        self._add(first, _baseline(cm, tm))
        for part in rest:  # a line that starts inside a piece: its baseline is unknown
            self._lines.append(_Line())
            self._add(part, None)

    def raw(self) -> str:
        return "\n".join("".join(line.parts) for line in self._lines)

    def page_lines(self) -> _PageLines:
        steps: list[float | None] = []
        above: float | None = None
        for line in self._lines:
            if not line.has_text():
                steps.append(None)
                continue
            steps.append(above - line.baseline if above is not None and line.baseline is not None else None)
            above = line.baseline
        return _PageLines(["".join(line.parts) for line in self._lines], steps)

    def _add(self, part: str, baseline: float | None) -> None:
        line = self._lines[-1]
        if part.strip() and not line.has_text():
            line.baseline = baseline
        line.parts.append(part)


def _baseline(cm: list[float], tm: list[float]) -> float | None:
    """The y of the text origin in user space, or None when the text is rotated or mirrored."""
    a = tm[0] * cm[0] + tm[1] * cm[2]
    b = tm[0] * cm[1] + tm[1] * cm[3]
    if a <= 0 or abs(b) > 1e-3 * a:
        return None
    return tm[4] * cm[1] + tm[5] * cm[3] + cm[5]


def _page_lines(page: PageObject) -> _PageLines:
    collector = _LineCollector()
    plain = page.extract_text(visitor_text=collector.visit)
    if collector.raw() != plain:  # pieces that do not add up: keep pypdf's text, without gaps
        lines = plain.split("\n")
        return _PageLines(lines, [None] * len(lines))
    return collector.page_lines()


def _line_pitch(pages: list[_PageLines]) -> float:
    """The document's usual line distance: the smallest step shared by a fifth of all steps.

    Paragraph gaps are larger steps, and a few lines closer together (a footnote in small type)
    are too few to count. Without such a step, the median step.
    """
    down = sorted(step for page in pages for step in page.steps if step is not None and step > 0.5)
    enough = max(2, len(down) // 5)
    for step in down:
        if bisect_right(down, 1.1 * step) - bisect_left(down, 0.9 * step) >= enough:
            return step
    return statistics.median(down) if down else 0.0


# -- running lines -------------------------------------------------------------------------------


def _edge_indexes(lines: list[str]) -> set[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return set(filled[:_EDGE] + filled[-_EDGE:])


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def _is_running(line: str, running: set[str]) -> bool:
    return _PAGE_NUMBER.fullmatch(" ".join(line.split())) is not None or _key(line) in running
