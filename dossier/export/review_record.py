"""The review record: every annotation with its document, and each document's reviewed status.

Written as Markdown (to read or paste into a minute) or CSV (to sort and count). The file is
written beside its target and renamed into place, so the target never holds half a record.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from dossier.domain.annotations import RecordDocument
from dossier.domain.errors import DossierError
from dossier.export.files import write_atomically

CSV_COLUMNS = ("document", "file", "title", "document_date", "paragraph", "page", "quote", "note", "tags",
               "colour", "author", "changed_at", "reviewed", "reviewed_by", "reviewed_at")


def to_csv(documents: Sequence[RecordDocument]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for d in documents:
        reviewed = ("yes" if d.reviewed_by else "no", d.reviewed_by or "", d.reviewed_at or "")
        base = (f"D{d.id}", d.file_name, d.title, d.date)
        if not d.annotations:
            writer.writerow((*base, "", "", "", "", "", "", "", "", *reviewed))
        for a in d.annotations:
            writer.writerow((*base, a.paragraph or "", a.page or "", _safe_cell(a.quote), _safe_cell(a.note),
                             "; ".join(a.tags), a.colour.value, a.author, a.changed_at, *reviewed))
    return buffer.getvalue()


def _safe_cell(value: str) -> str:
    """Stop a spreadsheet reading a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _md_escape(text: str) -> str:
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def to_markdown(documents: Sequence[RecordDocument], title: str, progress: str) -> str:
    lines = [f"# {_md_escape(title)}", "", progress, ""]
    for d in documents:
        lines.append(f"## D{d.id} — {_md_escape(d.title)}")
        status = f"Reviewed by {_md_escape(d.reviewed_by)} on {d.reviewed_at[:10]}" if d.reviewed_by and d.reviewed_at \
            else "Not reviewed"
        lines += ["", f"{d.date or 'Undated'} · {_md_escape(d.file_name)} · {status}", ""]
        if not d.annotations:
            lines += ["_No annotations._", ""]
        for a in d.annotations:
            where = "orphan (words not found in the current text)" if a.orphan else \
                " ".join(x for x in (f"p{a.page}" if a.page else "", f"¶{a.paragraph}" if a.paragraph else "") if x)
            lines += [*(f"> {_md_escape(line)}" for line in a.quote.splitlines() or [""]), ""]
            if a.note:
                lines += [*(_md_escape(line) for line in a.note.splitlines()), ""]
            meta = [where] if where else []
            if a.tags:
                meta.append("tags: " + ", ".join(_md_escape(t) for t in a.tags))
            meta.append(f"{_md_escape(a.author)}, {a.changed_at[:10]}")
            lines += ["— " + " · ".join(meta), ""]
    return "\n".join(lines).rstrip() + "\n"


def write_record(path: Path, documents: Sequence[RecordDocument], title: str, progress: str) -> None:
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        content = to_csv(documents)
    elif suffix in (".md", ".markdown", ".txt"):
        content = to_markdown(documents, title, progress)
    else:
        raise DossierError(f"{Path(path).name}: a review record is written as .md or .csv.")
    write_atomically(Path(path), content.encode("utf-8"), what="the review record")
