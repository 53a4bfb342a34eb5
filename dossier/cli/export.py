"""`dossier export TARGET OUT`: write something from the dossier to a file.

Each target lives with its own command group and is listed in TARGETS as
(name, help, add_arguments(parser), run(services, args, out) -> int).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dossier.export.review_record import write_record

if TYPE_CHECKING:
    from dossier.services import Services


def add_annotations_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT.md|OUT.csv", help="the review record; the suffix picks the form")
    p.add_argument("--annotated-only", action="store_true", help="leave out documents without annotations")
    p.add_argument("--title", default="Review record")


def run_annotations(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    documents = services.annotations.review_record(annotated_only=args.annotated_only)
    write_record(Path(args.out), documents, args.title, str(services.annotations.progress()))
    notes = sum(len(d.annotations) for d in documents)
    out.write(f"wrote {args.out}: {notes} annotation{'' if notes == 1 else 's'} over {len(documents)} documents\n")
    return 0


def _targets() -> list[tuple]:
    from dossier.cli import briefing

    return [("annotations", "the review record: annotations and reviewed status", add_annotations_arguments,
             run_annotations), briefing.TARGET]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write a review record or a briefing to a file")
    kinds = p.add_subparsers(dest="target", metavar="TARGET", required=True)
    for name, help_text, add_arguments, _run in _targets():
        add_arguments(kinds.add_parser(name, help=help_text))


def cmd_export(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    runs = {name: run for name, _h, _a, run in _targets()}
    return runs[args.target](services, args, out)


COMMANDS = {"export": cmd_export}
