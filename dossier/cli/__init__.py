"""Command line: argparse -> services, the same calls the GUI makes.

Like calibre's `cmd_*` modules, each command is a thin function over the services, kept with its
group's other commands in a module of its own (listed in `groups.py`). Each group module has
`register(sub)`, which adds its sub-parsers, and tables of the handlers for them: `COMMANDS`
(`fn(services, args, out) -> int`, run on the opened dossier), `PATH_COMMANDS` (`fn(path, args, out)`,
for commands that must not open the dossier first) and `STANDALONE_COMMANDS` (`fn(args, out)`, for
commands without a dossier, and the window). What the commands print in common is in `output.py`,
the values they read in common in `arguments.py`. This module only builds the parser, parses and
dispatches. Qt is only imported when a command opens the GUI.
"""

from __future__ import annotations

import argparse
import getpass
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from dossier import __version__
from dossier.cli.arguments import dossier_path
from dossier.cli.output import error_line
from dossier.domain.errors import DossierError, UnreadableFile


def gui_main() -> int:
    """The `dossier-gui` entry point (a gui-script: no console window on Windows, so no stdout)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the process
    return main()


def read_password(password_file: str | None, path: Path) -> str | None:
    """The password for the dossier at `path`: the first line of `password_file`, else
    $DOSSIER_PASSWORD, else (for an encrypted dossier, at a terminal) asked for without echo."""
    from dossier.services.encryption import is_encrypted

    if password_file:
        try:
            lines = Path(password_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise DossierError(f"cannot read the password file {Path(password_file).name}: "
                               f"{getattr(exc, 'strerror', None) or exc}") from None
        if not lines or not lines[0]:
            raise DossierError(f"the password file {Path(password_file).name} has no password on its first line")
        return lines[0]
    if os.environ.get("DOSSIER_PASSWORD"):
        return os.environ["DOSSIER_PASSWORD"]
    if is_encrypted(path) and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Password for {path.name}: ") or None
    return None


# -- parser --------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description="Keep the papers of a case; brief on them.")
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    parser.add_argument("--dossier", metavar="FILE",
                        help="the dossier file (default: $DOSSIER_FILE, else default.dossier in your data folder)")
    parser.add_argument("--password-file", metavar="FILE",
                        help="an encrypted dossier's password: the first line of FILE (else $DOSSIER_PASSWORD, "
                             "else it is asked for); a new dossier opened with one is created encrypted")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in _groups():
        group.register(sub)
    return parser


def _groups() -> tuple[Any, ...]:
    """The command groups, one module each (see `dossier.cli.groups`)."""
    from dossier.cli import groups

    return groups.GROUPS


def _table(name: str) -> dict[str, Callable[..., int]]:
    """One kind of command, by name, from every group: COMMANDS, PATH_COMMANDS or STANDALONE_COMMANDS."""
    table: dict[str, Callable[..., int]] = {}
    for group in _groups():
        table.update(getattr(group, name, {}))
    return table


PATH_METAVARS = ("FILE", "PATH", "OUT", "BACKUP", "FOLDER", "DIR")


def _path_dests(parser: argparse.ArgumentParser) -> set[str]:
    """The arguments that name files (their metavar says so): these keep their bytes as given."""
    dests: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                dests |= _path_dests(sub)
        elif str(action.metavar or "").upper().startswith(PATH_METAVARS):
            dests.add(action.dest)
    return dests


def _safe_args(args: argparse.Namespace, path_dests: set[str]) -> None:
    """Text arguments (a query, a note, a name, a title) made valid Unicode: bytes that are not
    UTF-8 reach Python as lone surrogates, which the dossier cannot store (see safe_text)."""
    from dossier.domain.safe_text import safe_text

    for key, value in vars(args).items():
        if key in path_dests:
            continue
        if isinstance(value, str):
            setattr(args, key, safe_text(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, key, [safe_text(v) for v in value])


def _tolerant_streams() -> None:
    """A path that is not UTF-8 is printed with its odd bytes escaped, not as a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's filing workers start here, not as a second app
    _tolerant_streams()
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    _safe_args(args, _path_dests(parser))
    try:
        standalone = _table("STANDALONE_COMMANDS")  # analyse, demo and the window: no dossier opened here
        if (args.command or "gui") in standalone:
            return standalone[args.command or "gui"](args, out)
        path = dossier_path(args)
        args.password = read_password(args.password_file, path)
        path_commands = _table("PATH_COMMANDS")  # commands that must not open (create, upgrade) the dossier first
        if args.command in path_commands:
            return path_commands[args.command](path, args, out)
        from dossier.services import open_services

        services = open_services(path, args.password)
        try:
            return _table("COMMANDS")[args.command](services, args, out)
        finally:
            services.close()
    except (DossierError, UnreadableFile) as exc:
        print(error_line(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`dossier documents | head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
