"""What the commands print, shared: JSON, the import results table, progress on a terminal and the
line about suggestions waiting for review. Every command group writes through these."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dossier.domain.dates import PartialDate
from dossier.domain.records import ImportOutcome, ImportResult

if TYPE_CHECKING:
    from dossier.services import Services


def print_json(out: TextIO, data: Any) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def date_json(date: PartialDate | None) -> dict[str, Any] | None:
    return date.to_json() if date else None


def result_json(result: ImportResult) -> dict[str, Any]:
    return {"path": result.path, "outcome": result.outcome.value, "id": result.document_id,
            "message": result.message, "copy_of": result.copy_of}


def print_results(results: Sequence[ImportResult], as_json: bool, out: TextIO, waiting: str = "") -> None:
    if as_json:
        print_json(out, [result_json(r) for r in results])
        return
    for r in results:
        if r.outcome is ImportOutcome.FAILED:
            out.write(f"failed     {r.message}\n")
        elif r.outcome is ImportOutcome.SKIPPED:  # no document, by design: said, but not a failure
            out.write(f"skipped    {r.message}\n")
        else:
            out.write(f"{r.outcome.value:<10} D{r.document_id}  {Path(r.path).name}  ({r.message})\n")
    filed = sum(r.outcome is ImportOutcome.FILED for r in results)
    dup = sum(r.outcome is ImportOutcome.DUPLICATE for r in results)
    failed = sum(r.outcome is ImportOutcome.FAILED for r in results)
    skipped = sum(r.outcome is ImportOutcome.SKIPPED for r in results)
    passed = f", {skipped} skipped (not documents)" if skipped else ""
    if waiting:  # before the counts, which stay the last line
        out.write(f"{waiting}; `dossier suggestions` lists them\n")
    out.write(f"{filed} filed, {dup} already filed, {failed} failed{passed}\n")


def progress_on_terminal(done_word: str) -> Callable[[int, int], None] | None:
    """A long run's progress on stderr, on one line rewritten, when stderr is a terminal."""
    if sys.stderr is None or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{done:,} of {total:,} {done_word}", end=end, file=sys.stderr, flush=True)
    return show


def write_waiting(services: Services, out: TextIO) -> None:
    from dossier.services.suggestions import waiting_line

    line = waiting_line(services.suggestions.pending_counts())
    if line:
        out.write(f"{line}; `dossier suggestions` lists them\n")


def error_line(exc: BaseException) -> str:
    """A refusal as the user sees it: one line on stderr, never a traceback."""
    return f"dossier: {exc}"
