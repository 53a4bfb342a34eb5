"""`dossier analyse FILE`: what the analysis finds in one file, as JSON, without a dossier."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from dossier.cli.arguments import parse_date
from dossier.cli.output import print_json


def cmd_analyse(args: argparse.Namespace, out: TextIO) -> int:
    from dossier.services.analyse import analyse_file

    context = parse_date(args.date) if args.date else None
    print_json(out, analyse_file(Path(args.file), context))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyse", aliases=["analyze"], help="analyse one file without a dossier")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--date", help="the document's date, where its text does not state one")
    p.add_argument("--json", action="store_true", help="print JSON (the only output form)")


COMMANDS: dict[str, Callable[..., int]] = {}  # none over an opened dossier
STANDALONE_COMMANDS = {"analyse": cmd_analyse, "analyze": cmd_analyse}
"""Commands run without opening a dossier: `fn(args, out) -> int`."""
