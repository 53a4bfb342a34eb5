"""The command groups kept in modules of their own. Each module has `register(sub)`, which adds
its sub-parsers, and `COMMANDS`, a mapping of command name to `fn(services, args, out) -> int`."""

from __future__ import annotations

from dossier.cli import edit, export, history, maintenance, review, search

GROUPS: tuple = (review, export, history, search, maintenance, edit)
