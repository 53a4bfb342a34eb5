"""Small helpers the benchmarks share: timing, a fresh dossier, and importing Dossier with a clear error."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def open_fresh(path: Path) -> Any:
    """Open services on a new dossier file; exit with a readable message if Dossier cannot be imported."""
    try:
        from dossier.services import open_services
    except ImportError as exc:  # another engineer's module is mid-way through being written
        sys.exit(f"cannot import Dossier ({exc}); the ingest or analysis modules may be incomplete.")
    return open_services(path)


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def first_and_best(fn: Callable[[], Any], repeat: int = 5) -> tuple[Any, float, float]:
    """Run fn `repeat` times: its first result, the first run's seconds and the best run's seconds."""
    result, first = timed(fn)
    best = first
    for _ in range(repeat - 1):
        best = min(best, timed(fn)[1])
    return result, first, best


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[min(98, max(0, round(q) - 1))]


def file_size(path: Path) -> int:
    """A SQLite file with its -wal and -shm companions."""
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"
