"""`dossier import PATH...`, `dossier documents` and `dossier show ID`: filing papers and reading them."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli.output import date_json, print_json, print_results
from dossier.domain.records import DocumentDetail, DocumentRow, ImportOutcome
from dossier.ingest import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from dossier.services import Services


def row_json(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id, "file": row.file_name, "kind": row.kind.value, "date": date_json(row.date),
        "title": row.title, "heading": row.label, "sender": row.sender, "recipients": list(row.recipients), "cc": list(row.cc),
        "sha256": row.sha256, "pages": row.page_count, "status": row.status.value, "filed_at": row.filed_at,
        "copy_of": row.copy_of, "first_file": row.first_file_name, "reviewed_by": row.reviewed_by,
        "changed_since_review": row.changed_since_review is not None and row.reviewed_by is None,
    }


def detail_json(detail: DocumentDetail) -> dict[str, Any]:
    out = row_json(detail.row)
    out.update({
        "media_type": detail.media_type, "reference": detail.reference, "marking": detail.marking,
        "sender_post": detail.sender_post, "user_set": sorted(detail.user_set),
        "paragraphs": [{"n": p.number, "start": p.start, "end": p.end, "page": p.page, "quoted": p.quoted}
                       for p in detail.paragraphs],
        "text": detail.text,
    })
    return out


def cmd_import(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    services.documents.max_bytes = int(args.max_mb * 1024 * 1024)
    results = services.documents.file_paths(args.paths)
    from dossier.services.documents import DISK_FULL
    from dossier.services.suggestions import waiting_line

    disk_full = any(r.message.endswith(DISK_FULL) for r in results)
    show_waiting = not args.json and not disk_full and any(r.outcome is ImportOutcome.FILED for r in results)
    print_results(results, args.json, out,
                  waiting_line(services.suggestions.pending_counts()) if show_waiting else "")
    if disk_full:
        filed = sum(r.outcome is ImportOutcome.FILED for r in results)
        print(f"dossier: the disk holding {services.path.name} is full: the import stopped after filing {filed} "
              f"document{'' if filed == 1 else 's'}, which are kept; free some space and import the rest again",
              file=sys.stderr)
    return 1 if any(r.outcome is ImportOutcome.FAILED for r in results) else 0


def cmd_documents(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    docs = services.documents
    rows = docs.rows(docs.ids(sort="date"))
    if args.json:
        print_json(out, [row_json(r) for r in rows])
        return 0
    for r in rows:
        date = r.date.display() if r.date else "undated"
        to = ", ".join(r.recipients) or "-"
        copy = f"  ({r.copy_label})" if r.copy_of is not None else ""
        out.write(f"D{r.id:<5} {date:<14} {r.kind.value:<8} {r.label}{copy}\n"
                  f"       from {r.sender or '-'} to {to}\n")
    out.write(f"{len(rows)} documents\n")
    return 0


def cmd_show(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    detail = services.documents.get(args.id)
    copies = services.copies.copies(args.id)
    if args.json:
        print_json(out, {**detail_json(detail), "copies": list(copies)})
        return 0
    r = detail.row
    out.write(f"D{r.id}  {r.label}\n")
    out.write(f"  date:       {r.date.display() if r.date else 'undated'}\n")
    out.write(f"  kind:       {r.kind.value}\n  from:       {r.sender or '-'}\n")
    out.write(f"  to:         {', '.join(r.recipients) or '-'}\n  cc:         {', '.join(r.cc) or '-'}\n")
    first = f"; first filed as {r.first_file_name}" if r.first_file_name else ""
    out.write(f"  file:       {r.file_name} ({detail.media_type}, {r.status.value}{first})\n")
    if r.copy_of is not None:
        out.write(f"  copy of:    D{r.copy_of} (the same letter, filed again; `dossier not-a-copy D{r.id}` if not)\n")
    if copies:
        out.write(f"  copies:     {', '.join(f'D{c}' for c in copies)} (the same letter, filed again)\n")
    if r.review_label:
        out.write(f"  reviewed:   {r.review_label}\n")
    out.write("\n")
    for p in detail.paragraphs:
        page = f"p{p.page} " if p.page else ""
        out.write(f"[{page}¶{p.number}] {detail.text[p.start:p.end]}\n\n")
    return 0


def _doc_id(text: str) -> int:  # its name shows in argparse's message about a bad one
    return int(text.lstrip("Dd"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="file documents and folders of documents")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024, metavar="MB",
                   help="refuse files larger than this (default: %(default)g MB)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("documents", help="list the documents")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("show", help="show one document with its text")
    p.add_argument("id", type=_doc_id, metavar="ID")
    p.add_argument("--json", action="store_true")


COMMANDS = {"import": cmd_import, "documents": cmd_documents, "show": cmd_show}
