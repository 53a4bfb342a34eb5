"""Use cases. The GUI, the CLI and the tests all call these; they return frozen records.

`Services` and `open_services` (the composition root, in `root.py`) are loaded on first use, so a
use case that needs no dossier (`dossier analyse`) does not pay for the database layer's imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dossier.services.root import Services, open_services

__all__ = ["Services", "open_services"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from dossier.services import root

        return getattr(root, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
