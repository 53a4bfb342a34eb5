"""The command groups kept in modules of their own, in the order `dossier --help` lists them. Each
module has `register(sub)`, which adds its sub-parsers, and `COMMANDS`, a mapping of command name
to `fn(services, args, out) -> int`; some also have `PATH_COMMANDS` or `STANDALONE_COMMANDS` (see
`dossier.cli`)."""

from __future__ import annotations

from types import ModuleType

from dossier.cli import (
    analyse,
    documents,
    edit,
    export,
    history,
    maintenance,
    registers,
    review,
    search,
    suggestions,
    window,
)

GROUPS: tuple[ModuleType, ...] = (documents, registers, suggestions, analyse, window, review, export, history,
                                  search, maintenance, edit)
