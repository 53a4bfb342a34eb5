"""`dossier gui` (the default) and `dossier demo`: the window, on a dossier or on the sample case.

The command line imports Qt only here, once the display has been checked: Qt would abort the process."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from dossier.cli.arguments import dossier_path
from dossier.cli.output import print_results
from dossier.paths import sample_dossier

NO_DISPLAY_EXIT = 2


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from dossier.services.sample import build_sample, curate_sample

    path = Path(args.dossier) if args.dossier else sample_dossier()
    if not args.no_gui:  # say so before the sample is built, not after
        from dossier.startup import display_problem

        problem = display_problem()
        if problem is not None:
            print(f"{problem} (or dossier demo --no-gui)", file=sys.stderr)
            return NO_DISPLAY_EXIT
    from dossier.services import open_services

    services = open_services(path)
    try:
        results = build_sample(services.documents)
        curate_sample(services, results)
        print_results(results, False, out)
        out.write(f"sample dossier: {services.path}\n")
    finally:
        services.close()
    if args.no_gui:
        return 0
    return run_gui(path)


def cmd_gui(args: argparse.Namespace, out: TextIO) -> int:
    return run_gui(dossier_path(args))  # the window asks for an encrypted dossier's password itself


def run_gui(path: Path | None) -> int:
    from dossier.startup import display_problem, setup_logging

    problem = display_problem()
    if problem is not None:  # checked before Qt is imported: Qt would abort the process
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    setup_logging()
    from dossier.ui.app import run_gui

    return run_gui(path)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="build the sample dossier and open it")
    p.add_argument("--no-gui", action="store_true", help="build it but do not open the window")
    sub.add_parser("gui", help="open the window (the default)")


COMMANDS: dict[str, Callable[..., int]] = {}  # none over an opened dossier
STANDALONE_COMMANDS = {"demo": cmd_demo, "gui": cmd_gui}
"""Commands run without the command line opening a dossier: `fn(args, out) -> int`."""
