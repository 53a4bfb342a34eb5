"""The reviewer's commands: annotate, list annotations, mark reviewed, re-file a better copy."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli.output import print_json
from dossier.domain.annotations import AnnotationFields, AnnotationFilter, AnnotationRow, Colour

if TYPE_CHECKING:
    from dossier.services import Services


def annotation_json(a: AnnotationRow) -> dict[str, Any]:
    return {
        "id": a.id, "document": a.document_id, "file": a.document_file, "title": a.document_title,
        "document_date": a.document_date, "start": a.start, "end": a.end, "paragraph": a.paragraph, "page": a.page,
        "quote": a.quote, "note": a.note, "tags": list(a.tags), "colour": a.colour.value, "author": a.author,
        "created_at": a.created_at, "changed_at": a.changed_at, "orphan": a.orphan, "needs_check": a.needs_check,
    }


def cmd_annotate(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    fields = AnnotationFields(Colour(args.colour), args.note or "", tuple(args.tag or ()))
    row = services.annotations.create_at_quote(args.document, args.quote, fields, author=args.author or "",
                                               occurrence=args.occurrence).value
    if args.json:
        print_json(out, annotation_json(row))
    else:
        where = f"¶{row.paragraph}" if row.paragraph else f"{row.start}-{row.end}"
        out.write(f"annotation {row.id} on D{row.document_id} {where}: \"{row.quote}\"\n")
    return 0


def cmd_annotations(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    f = AnnotationFilter(tag=args.tag, author=args.author, document_id=args.document,
                         colour=Colour(args.colour) if args.colour else None, orphans_only=args.orphans)
    rows = services.annotations.list(f)
    if args.json:
        print_json(out, [annotation_json(a) for a in rows])
        return 0
    for a in rows:
        where = "orphan" if a.orphan else (f"¶{a.paragraph}" if a.paragraph else f"@{a.start}")
        tags = f"  [{', '.join(a.tags)}]" if a.tags else ""
        check = "  (check: re-filing moved it onto different words)" if a.needs_check else ""
        out.write(f"{a.id:>5}  D{a.document_id} {where:<7} \"{_short(a.quote)}\"{tags}{check}\n")
        if a.note:
            for line in a.note.splitlines():
                out.write(f"{'':>7}{line}\n")
    out.write(f"{len(rows)} annotation{'' if len(rows) == 1 else 's'}\n")
    return 0


def cmd_review(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    for doc_id in args.documents:
        _, after = services.annotations.set_reviewed(doc_id, not args.clear, by=args.by or "").value
        state = f"reviewed by {after.reviewed_by}" if after else "not reviewed"
        out.write(f"D{doc_id}: {state}\n")
    out.write(f"{services.annotations.progress()}\n")
    return 0


def cmd_refile(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    report = services.documents.refile(args.document, args.file).value
    out.write(f"D{args.document}: text replaced; annotations: {report.kept} in place, {report.moved} moved, "
              f"{len(report.orphans)} could not be placed\n")
    for a in report.orphans:
        out.write(f"  orphan {a.id}: \"{_short(a.quote)}\"" + (f" — {_short(a.note)}" if a.note else "") + "\n")
    for a in report.changed_words:
        out.write(f"  check {a.id}: now on different words, \"{_short(a.quote)}\"\n")
    if report.review_cleared is not None:
        out.write(f"D{args.document}: changed since reviewed by {report.review_cleared.reviewed_by}; "
                  "its reviewed mark is cleared\n")
    return 0


def cmd_not_a_copy(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    for doc_id in args.documents:
        before, _ = services.copies.not_a_copy(doc_id).value
        out.write(f"D{doc_id}: not a copy of D{before.copy_of}; shown and briefed as a document of its own\n")
    return 0


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _doc_id(text: str) -> int:
    return int(text.lstrip("Dd"))


def register(sub: argparse._SubParsersAction) -> None:
    colours = [c.value for c in Colour]
    p = sub.add_parser("annotate", help="highlight some exact words of a document, with a note")
    p.add_argument("document", type=_doc_id, metavar="DOC_ID")
    p.add_argument("--quote", required=True, help="the exact words (any run of spaces matches any other)")
    p.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence (default: the first)")
    p.add_argument("--note", default="")
    p.add_argument("--tag", action="append", metavar="TAG", help="a tag (repeat for several)")
    p.add_argument("--colour", "--color", choices=colours, default=Colour.YELLOW.value)
    p.add_argument("--author", help="default: your user name")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("annotations", help="the annotations across the dossier")
    p.add_argument("--tag", metavar="TAG")
    p.add_argument("--author")
    p.add_argument("--document", type=_doc_id, metavar="DOC_ID")
    p.add_argument("--colour", "--color", choices=colours)
    p.add_argument("--orphans", action="store_true", help="only annotations whose words could not be found")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("review", help="mark documents reviewed (or, with --clear, not reviewed)")
    p.add_argument("documents", nargs="+", type=_doc_id, metavar="DOC_ID")
    p.add_argument("--clear", action="store_true")
    p.add_argument("--by", help="who reviewed them (default: your user name)")
    p = sub.add_parser("refile", help="replace a document's text with a better copy; annotations follow")
    p.add_argument("document", type=_doc_id, metavar="DOC_ID")
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser("not-a-copy", help="say a document found to be a copy of an earlier one is not")
    p.add_argument("documents", nargs="+", type=_doc_id, metavar="DOC_ID")


COMMANDS = {"annotate": cmd_annotate, "annotations": cmd_annotations, "review": cmd_review, "refile": cmd_refile,
            "not-a-copy": cmd_not_a_copy}
