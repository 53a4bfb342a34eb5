"""Build an invented case's papers into a folder, ready to file.

    python -m benchmarks.case_build CASE_DIR OUT

A case folder holds its plain papers as they are (`.txt`, `.eml`), a `gold.json` with what a careful
reader finds in them, and `sources/NAME.docx.txt` / `sources/NAME.pdf.txt`: the text of the papers
that come as Word documents or PDFs. Those are rendered here (python-docx, ReportLab), so no binary
file sits in the repository. In a source, a blank line ends a paragraph, the lines of a paragraph
stay apart (address blocks, signatures) and a paragraph of lines starting "- " is a bulleted list.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

GOLD_FILE = "gold.json"
SOURCES = "sources"
PLAIN_SUFFIXES = (".txt", ".eml")


def _paragraphs(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.rstrip() for line in block.strip("\n").split("\n") if line.strip()]
        if lines:
            blocks.append(lines)
    return blocks


def _is_list(lines: list[str]) -> bool:
    return all(line.startswith("- ") for line in lines)


def write_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for lines in _paragraphs(text):
        if _is_list(lines):
            for line in lines:
                document.add_paragraph(line[2:], style="List Bullet")
            continue
        paragraph = document.add_paragraph()
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    document.core_properties.author = ""
    document.save(str(path))


def write_pdf(text: str, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    body.fontSize, body.leading = 11, 14
    story: list = []
    for lines in _paragraphs(text):
        if _is_list(lines):
            items = [ListItem(Paragraph(escape(line[2:]), body)) for line in lines]
            story.append(ListFlowable(items, bulletType="bullet"))
        else:
            story.append(Paragraph("<br/>".join(escape(line) for line in lines), body))
        story.append(Spacer(1, 3 * mm))

    def footer(canvas: Any, doc: Any) -> None:  # ReportLab's page callback
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=25 * mm, bottomMargin=25 * mm, invariant=1)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


WRITERS = {".docx": write_docx, ".pdf": write_pdf}


def build(case_dir: Path | str, out: Path | str) -> list[Path]:
    """Copy the case's plain papers into `out` and render its Word and PDF sources there. Returns the
    files written, in name order (the gold's `file` names)."""
    case_dir, out = Path(case_dir), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(case_dir.iterdir()):
        if path.is_file() and path.suffix.lower() in PLAIN_SUFFIXES:
            target = out / path.name
            shutil.copyfile(path, target)
            written.append(target)
    for path in sorted((case_dir / SOURCES).glob("*.txt")) if (case_dir / SOURCES).is_dir() else []:
        name = path.name[: -len(".txt")]
        writer = WRITERS.get(Path(name).suffix.lower())
        if writer is None:
            raise ValueError(f"{path.name}: a source is NAME.docx.txt or NAME.pdf.txt")
        target = out / name
        writer(path.read_text(encoding="utf-8"), target)
        written.append(target)
    return sorted(written, key=lambda p: p.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case_dir", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if not (args.case_dir / GOLD_FILE).is_file():
        print(f"{args.case_dir} has no {GOLD_FILE}", file=sys.stderr)
        return 2
    for path in build(args.case_dir, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
