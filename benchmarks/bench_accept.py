"""Accepting every suggestion of a large dossier, as `dossier accept --all` does (target: 10 s for 1,000 letters).

    python -m benchmarks.bench_accept [--letters 1000] [--formats txt] [--runs 3] [--profile 30] [--keep DIR]
    python -m benchmarks.bench_accept --base DIR/base.dossier     # again, on the letters a --keep run filed

1. Generates `--letters` synthetic letters (`benchmarks.generate`) and files them into a new dossier
   through the services, as `dossier import` does. Not part of the figure.
2. Each run copies that dossier (every suggestion pending) and times what `dossier accept --all`
   does: list the pending suggestions, actors first, and accept them all (`accept_many`).
   The median of the runs (wall clock) is the figure; the process's CPU time is shown beside it.
3. The floor, in the same run: raw SQLite (the `sqlite3` module, WAL as a dossier is) inserting as
   many rows as accepting wrote (actors, aliases, mentions, posts, holders, actions and the
   suggestions' new status), one statement a row, in one transaction.

With `--profile N`, one more run under cProfile (timed in CPU seconds) prints the N slowest calls by
cumulative time.
Exit status 1 when the median misses the target.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import open_fresh

TARGET_S = 10.0
TARGET_LETTERS = 1000


def _copy_dossier(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dst}{suffix}")


def accept_all(services) -> tuple[int, int]:
    """What `dossier accept --all` does: (suggestions accepted, rows written)."""
    sug = services.suggestions
    ids = [s.id for s in sorted(sug.pending(None), key=lambda s: s.kind != "actor")]
    records = sug.accept_many(ids).value
    rows = sum(len(r.created) for r in records) + len(records)
    return len(records), rows


def timed_accept(base: Path, work: Path, n: int, profile: cProfile.Profile | None = None
                 ) -> tuple[float, float, int, int, int]:
    """One run on a copy of the base dossier: (wall seconds, CPU seconds, accepted, rows written,
    SQL statements run: the one figure a busy machine cannot change)."""
    from sqlalchemy import event

    path = work / f"run{n}.dossier"
    _copy_dossier(base, path)
    services = open_fresh(path)
    statements = 0

    def count(*_args: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(services.dossier.engine, "before_cursor_execute", count)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        accepted, rows = accept_all(services)
        if profile:
            profile.disable()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        services.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return seconds, cpu, accepted, rows, statements


def floor(work: Path, rows: int) -> float:
    """Raw SQLite writing `rows` rows, one statement each, in one transaction (WAL, like a dossier)."""
    path = work / "floor.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, document_id INTEGER, name TEXT, start INTEGER, "
                    "end INTEGER, created_at TEXT)")
        con.execute("CREATE INDEX t_doc ON t (document_id)")
        start = time.perf_counter()
        con.execute("BEGIN")
        for i in range(rows):
            con.execute("INSERT INTO t (document_id, name, start, end, created_at) VALUES (?, ?, ?, ?, ?)",
                        (i % 1000, f"Name {i}", i, i + 8, "2026-01-01T00:00:00+00:00"))
        con.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        con.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def file_letters(letters: int, formats: tuple[str, ...], work: Path) -> Path:
    """Generate the letters and file them into a new dossier (every suggestion left pending)."""
    from benchmarks.generate import generate

    src = work / "letters"
    generate(src, letters, formats, 0)
    base = work / "base.dossier"
    services = open_fresh(base)
    try:
        start = time.perf_counter()
        results = services.documents.file_paths([p for p in sorted(src.iterdir()) if p.suffix != ".json"])
        print(f"{len(results):,} letters filed in {time.perf_counter() - start:.1f} s (not timed below)")
    finally:
        services.close()
    return base


def run(letters: int, formats: tuple[str, ...], runs: int, profile_top: int, work: Path,
        base: Path | None = None) -> int:
    if base is None:
        base = file_letters(letters, formats, work)
    services = open_fresh(base)
    try:
        pending = services.suggestions.pending(None)
        letters = services.documents.stats().documents
    finally:
        services.close()
    kinds: dict[str, int] = {}
    for s in pending:
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    print(f"{len(pending):,} suggestions pending: " + ", ".join(f"{n:,} {k}" for k, n in sorted(kinds.items())))

    times, cpus, accepted, rows = [], [], 0, 0
    for n in range(1, runs + 1):
        seconds, cpu, accepted, rows, statements = timed_accept(base, work, n)
        times.append(seconds)
        cpus.append(cpu)
        print(f"run {n}: accepted {accepted:,} suggestions in {seconds:.2f} s, {cpu:.2f} s of CPU "
              f"({rows:,} rows written, {statements:,} SQL statements)")
    median = statistics.median(times)
    raw = floor(work, rows)
    # the target is for 1,000 letters: a smaller dossier is held to its share of it
    target = TARGET_S * min(1.0, letters / TARGET_LETTERS)
    verdict = "ok" if median <= target else "MISSED"
    print(f"accept all, {letters:,} letters: median {median:.2f} s of {runs} runs "
          f"(target <= {target:g} s: {TARGET_S:g} s for {TARGET_LETTERS:,} letters) {verdict}")
    print(f"raw SQLite floor: {rows:,} rows in {raw:.3f} s ({median / raw if raw else 0:,.0f}x under accept all)")
    per = median / accepted * 1000 if accepted else 0.0
    print(f"per suggestion: {per:.2f} ms; CPU median {statistics.median(cpus):.2f} s (on a busy machine the "
          "CPU time is the steadier figure)")

    if profile_top:
        profile = cProfile.Profile(time.process_time)  # CPU time: a busy machine does not skew it
        timed_accept(base, work, runs + 1, profile)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(profile_top)
        print(out.getvalue())
    return 0 if median <= target else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time accepting every suggestion of a synthetic dossier.")
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--formats", default="txt", help="comma-separated: txt,pdf,docx,eml (default txt)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="one more run under cProfile: top N")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep it (base.dossier included)")
    parser.add_argument("--base", type=Path, metavar="DOSSIER", help="a dossier filed by an earlier --keep run, "
                        "every suggestion pending: time accepting on copies of it (it is not changed)")
    args = parser.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.letters, formats, args.runs, args.profile, args.keep, args.base)
    with tempfile.TemporaryDirectory(prefix="bench-accept-") as work:
        return run(args.letters, formats, args.runs, args.profile, Path(work), args.base)


if __name__ == "__main__":
    sys.exit(main())
