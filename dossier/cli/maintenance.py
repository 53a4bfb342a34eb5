"""`dossier backup OUT`, `dossier check [--json] [--repair]` and `dossier restore BACKUP`.

`backup` works on an open dossier, so it goes through the services like any command. `check` and
`restore` must not open the dossier first (opening creates a missing file and upgrades an older
one, and a damaged file may not open at all), so they are also offered as PATH_COMMANDS,
`fn(path, args, out) -> int`, which the command line calls with the dossier's path when it knows
them. Where it does not, COMMANDS runs them on the opened dossier instead.

Exit codes of `check`: 0 no problems (notes allowed), 1 problems found, 2 the check could not run.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli.output import print_json

if TYPE_CHECKING:
    from dossier.services import Services
    from dossier.services.maintenance import CheckReport, Finding


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="copy the dossier to OUT, consistently, even while it is in use")
    p.add_argument("out", metavar="OUT", help="the backup file to write (replaced if it exists)")
    p = sub.add_parser("check", help="check the file: its pages, documents, stored originals and search index",
                       description="Exit code: 0 no problems, 1 problems found, 2 the check could not run.")
    p.add_argument("--json", action="store_true")
    p.add_argument("--repair", action="store_true",
                   help="rebuild the search index if it is the only thing out of step")
    p = sub.add_parser("restore", help="replace the dossier with a backup (the dossier is copied aside first)")
    p.add_argument("backup", metavar="BACKUP", help="a backup made by `dossier backup` or before an upgrade")


# -- commands ------------------------------------------------------------------------------------

def cmd_backup(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    result = services.maintenance.backup(args.out)  # an encrypted dossier's backup is encrypted too
    out.write(f"backed up {result.source.name} to {result.path} ({_size(result.size)})\n")
    return 0


def check_path(path: Path, args: argparse.Namespace, out: TextIO) -> int:
    from dossier.services.maintenance import check_file, repair_search_index  # the database layer, on use

    password = getattr(args, "password", None)
    report = check_file(path, password)
    repaired = False
    if args.repair and report.repairable:
        report, repaired = repair_search_index(path, password), True
    if args.json:
        print_json(out, {**report_json(report), "repaired": repaired})
    else:
        if repaired:
            out.write("repaired: the search index was rebuilt\n")
        for f in report.findings:
            out.write(f"{f.severity.value:<8} {f.area:<13} {f.message}\n")
        out.write(report.summary() + "\n")
        if report.repairable:
            out.write("Run `dossier check --repair` to rebuild the search index.\n")
    return 0 if report.ok else 1


def restore_path(path: Path, args: argparse.Namespace, out: TextIO) -> int:
    from dossier.services.maintenance import restore

    result = restore(args.backup, path, getattr(args, "password", None))
    if result.safety_copy is not None:
        out.write(f"the dossier that was there is kept as {result.safety_copy}\n")
    out.write(f"restored {result.target.name} from {result.backup.name} ({result.documents:,} documents)\n")
    if result.warnings:
        out.write("its search index is out of step: run `dossier check --repair` to rebuild it\n")
    return 0


def report_json(report: CheckReport) -> dict[str, Any]:
    return {
        "file": str(report.path), "ok": report.ok, "revision": report.revision, "documents": report.documents,
        "originals_checked": report.originals_checked, "summary": report.summary(),
        "findings": [finding_json(f) for f in report.findings],
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {"severity": finding.severity.value, "area": finding.area, "message": finding.message,
            "document": finding.document_id}


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


PathCommand = Callable[[Path, argparse.Namespace, TextIO], int]


def _on_open_dossier(run: PathCommand) -> Callable[[Services, argparse.Namespace, TextIO], int]:
    """A PATH command run on a dossier the command line has opened already (see the module notes)."""
    def command(services: Services, args: argparse.Namespace, out: TextIO) -> int:
        path = services.path
        if args.command == "restore":
            services.close()  # our own connections would count as "in use"
        return run(path, args, out)
    return command


PATH_COMMANDS: dict[str, PathCommand] = {"check": check_path, "restore": restore_path}
COMMANDS = {"backup": cmd_backup, "check": _on_open_dossier(check_path), "restore": _on_open_dossier(restore_path)}
