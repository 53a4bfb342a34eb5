"""Import benchmark: how fast Dossier files letters, how fast the documents list opens, and how right it is.

    python -m benchmarks.bench_import [--count 1000] [--formats txt] [--keep] [--accuracy]
                                      [--misses 5] [--profile 30] [--seed 0] [--letters DIR]

Generates synthetic letters into a temporary folder (not timed), files them into a fresh dossier
with `services.documents.file_paths(...)` (reading, normalisation, analysis, database writes and
full-text indexing: all timed), then times what opening the documents list costs: `ids(sort="date")`,
`rows()` of the first 256 ids, and `ids(sort="sender")`. With --accuracy it compares what was filed
(date, sender, recipients, cc, kind) with the generator's truth.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import file_size, first_and_best, megabytes, ms, open_fresh, percentile, timed
from benchmarks.generate import FORMATS, TRUTH_FILE, generate, parse_formats

TARGET_TXT_RATE = 100.0  # letters per second, text letters, 1,000 of them (the target)
FIRST_BLOCK = 256  # rows the documents table asks for first
FIELDS = ("date", "sender", "recipients", "cc", "kind")

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "baroness",
    "cllr", "councillor", "rt", "hon", "the", "mp", "cbe", "obe", "mbe", "kbe", "dbe", "qc", "kc",
}


# -- names as compared -------------------------------------------------------------------------

def fold(name: str | None) -> str:
    text = unicodedata.normalize("NFKC", name or "").replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def lenient(name: str | None) -> str:
    """A name with honorifics, post-nominals and punctuation dropped ("Cllr A. Smith MP" -> "a smith")."""
    words = re.findall(r"[a-z][a-z'\-]*", fold(name))
    return " ".join(w for w in words if w not in HONORIFICS)


# -- import --------------------------------------------------------------------------------------

def run_import(services: Any, paths: Sequence[Path], profile: int) -> tuple[list[Any], float, dict[str, float],
                                                                              str | None]:
    """File `paths`; return results, seconds, seconds per file name and (if asked) a profile report."""
    marks: list[tuple[float, str]] = []

    def progress(_done: int, _total: int, name: str) -> None:
        marks.append((time.perf_counter(), name))

    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    results = services.documents.file_paths(paths, progress=progress)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    per_file = {name: marks[i + 1][0] - t for i, (t, name) in enumerate(marks[:-1])}
    report = None
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(profile)
        report = out.getvalue()
    return results, seconds, per_file, report


def print_import(paths: Sequence[Path], results: Sequence[Any], seconds: float, per_file: dict[str, float],
                 formats: Sequence[str]) -> None:
    by_format: dict[str, list[float]] = defaultdict(list)
    for path in paths:
        if path.name in per_file:
            by_format[path.suffix.lstrip(".")].append(per_file[path.name])
    print("Import  (file_paths: read, normalise, analyse, write, index)")
    print(f"  {'format':<7}{'letters':>8}{'seconds':>10}{'letters/s':>11}{'median':>10}{'p95':>10}   slowest")
    rows = [(f, by_format[f]) for f in formats if by_format[f]]
    for fmt, times in rows:
        slowest = max((per_file[p.name], p.name) for p in paths if p.name in per_file and p.suffix == f".{fmt}")
        total = sum(times)
        print(f"  {fmt:<7}{len(times):>8}{total:>10.2f}{len(times) / total:>11.1f}"
              f"{statistics.median(times) * 1000:>8.1f}ms{percentile(times, 95) * 1000:>8.1f}ms"
              f"   {slowest[1]} ({slowest[0] * 1000:.0f} ms)")
    if len(rows) > 1 or not rows:
        print(f"  {'all':<7}{len(results):>8}{seconds:>10.2f}{len(results) / seconds if seconds else 0:>11.1f}")
    outcomes = Counter(r.outcome.value for r in results)
    print("  outcomes: " + ", ".join(f"{outcomes.get(k, 0)} {k}" for k in ("filed", "duplicate", "failed")))
    for r in [r for r in results if r.outcome.value == "failed"][:5]:
        print(f"    failed: {Path(r.path).name}: {r.message}")


def print_target(paths: Sequence[Path], per_file: dict[str, float]) -> None:
    txt = [per_file[p.name] for p in paths if p.suffix == ".txt" and p.name in per_file]
    if not txt:
        return
    rate = len(txt) / sum(txt)
    verdict = "PASS" if rate >= TARGET_TXT_RATE else "FAIL"
    note = "" if len(txt) >= 1000 else f" (over {len(txt)} letters; the target is stated over 1,000)"
    print(f"  target: >= {TARGET_TXT_RATE:.0f} text letters/s -> {rate:.1f}/s {verdict}{note}")


# -- opening the list ----------------------------------------------------------------------------

def print_list_timings(services: Any) -> None:
    docs = services.documents
    ids, first, best = first_and_best(lambda: docs.ids(sort="date"))
    print(f"Opening the documents list  ({len(ids)} documents; first run, best of 5)")
    print(f"  ids(sort='date')          {ms(first)}  {ms(best)}")
    block = ids[:FIRST_BLOCK]
    _rows, first, best = first_and_best(lambda: docs.rows(block))
    print(f"  rows(first {len(block):>3} ids)      {ms(first)}  {ms(best)}")
    _ids, first, best = first_and_best(lambda: docs.ids(sort="sender"))
    print(f"  ids(sort='sender')        {ms(first)}  {ms(best)}")


# -- accuracy ------------------------------------------------------------------------------------

def all_rows(services: Any) -> dict[str, Any]:
    ids = services.documents.ids(sort="file_name")
    rows: dict[str, Any] = {}
    for i in range(0, len(ids), 500):
        for row in services.documents.rows(ids[i:i + 500]):
            rows[row.file_name] = row
    return rows


def compare(expected: dict[str, Any], row: Any) -> dict[str, tuple[bool, bool, Any, Any]]:
    """Per field: (right, right once honorifics are dropped, expected, found)."""
    out: dict[str, tuple[bool, bool, Any, Any]] = {}
    got_date = row.date.value if row.date else None
    want_date = expected["date"]["value"]
    out["date"] = (got_date == want_date, got_date == want_date, want_date,
                   f"{got_date} ({row.date.text!r})" if row.date else None)
    out["sender"] = (fold(row.sender) == fold(expected["sender"]),
                     lenient(row.sender) == lenient(expected["sender"]), expected["sender"], row.sender)
    for name, field in (("recipients", "recipients"), ("cc", "cc")):
        got, want = list(getattr(row, field)), expected[field]
        out[name] = (sorted(map(fold, got)) == sorted(map(fold, want)),
                     sorted(map(lenient, got)) == sorted(map(lenient, want)), want, got)
    kind = row.kind.value
    out["kind"] = (kind == expected["kind"], kind == expected["kind"], expected["kind"], kind)
    return out


def name_scores(pairs: Iterable[tuple[list[str], list[str]]]) -> tuple[float, float]:
    """Micro precision and recall over names (honorifics dropped)."""
    tp = fp = fn = 0
    for want, got in pairs:
        w, g = Counter(map(lenient, want)), Counter(map(lenient, got))
        hit = sum((w & g).values())
        tp, fp, fn = tp + hit, fp + sum(g.values()) - hit, fn + sum(w.values()) - hit
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def print_accuracy(services: Any, truth: dict[str, Any], formats: Sequence[str], misses: int) -> None:
    rows = all_rows(services)
    docs = truth["documents"]
    checked: dict[str, dict[str, tuple[bool, bool, Any, Any]]] = {
        name: compare(entry, rows[name]) for name, entry in docs.items() if name in rows
    }
    missing = len(docs) - len(checked)
    print(f"Accuracy against {TRUTH_FILE}  ({len(checked)} documents filed of {len(docs)}"
          f"{'' if not missing else f'; {missing} not filed'}; strict, and with honorifics dropped in brackets)")
    fmts = [f for f in formats if any(docs[n]["format"] == f for n in checked)]
    columns = [*fmts, "all"] if len(fmts) > 1 else fmts

    def pct(names: list[str], field: str | None, loose: bool) -> str:
        if not names:
            return "-"
        if field is None:
            ok = sum(all(v[1 if loose else 0] for v in checked[n].values()) for n in names)
        else:
            ok = sum(checked[n][field][1 if loose else 0] for n in names)
        return f"{100 * ok / len(names):.1f}%"

    groups = {c: [n for n in checked if c == "all" or docs[n]["format"] == c] for c in columns}
    print(f"  {'field':<12}" + "".join(f"{c:>18}" for c in columns))
    for field in (*FIELDS, None):
        cells = []
        for c in columns:
            strict, loose = pct(groups[c], field, False), pct(groups[c], field, True)
            cells.append(f"{strict} ({loose})" if loose != strict else strict)
        print(f"  {field or 'all five':<12}" + "".join(f"{cell:>18}" for cell in cells))
    for field in ("recipients", "cc"):
        p, r = name_scores((docs[n][field], list(getattr(rows[n], field))) for n in checked)
        print(f"  {field} names: precision {100 * p:.1f}%, recall {100 * r:.1f}%")
    dates = Counter()
    for n in checked:
        got = rows[n].date
        want = docs[n]["date"]
        if got is None:
            dates["none found"] += 1
        elif got.value != want["value"]:
            dates["precision differs" if got.value[:7] == want["value"][:7] else "other date"] += 1
    if dates:
        print("  date misses: " + ", ".join(f"{v} {k}" for k, v in dates.most_common()))
    if misses:
        for field in FIELDS:
            wrong = [(n, v[field]) for n, v in checked.items() if not v[field][0]]
            if wrong:
                print(f"  {field} misses ({len(wrong)}; first {min(misses, len(wrong))}):")
                for n, (_ok, _loose, want, got) in wrong[:misses]:
                    print(f"    {n}: expected {want!r}, found {got!r}")


# -- main ----------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_import", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="letters to generate and file (default 1000)")
    parser.add_argument("--formats", type=parse_formats, default=("txt",), help="comma-separated, from "
                        f"{','.join(FORMATS)} (default txt); formats are dealt in turn")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary letters and dossier")
    parser.add_argument("--accuracy", action="store_true", help="compare filed metadata with truth.json")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="with --accuracy: show N misses per field")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile the import (cProfile) and print the top N functions by cumulative time")
    parser.add_argument("--letters", type=Path, help="file this folder of generated letters (with truth.json) "
                        "instead of generating")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        if args.letters:
            folder = args.letters
            truth = json.loads((folder / TRUTH_FILE).read_text(encoding="utf-8"))
            paths = [folder / n for n in truth["documents"]]
            formats = tuple(f for f in FORMATS if any(p.suffix == f".{f}" for p in paths))
            gen_seconds = None
        else:
            folder = work / "letters"
            formats = args.formats
            paths, gen_seconds = timed(lambda: generate(folder, args.count, formats, args.seed))
            truth = json.loads((folder / TRUTH_FILE).read_text(encoding="utf-8"))
        dossier = work / "bench.dossier"
        services, open_seconds = timed(lambda: open_fresh(dossier))
        try:
            what = f"{len(paths)} letters ({', '.join(formats)})"
            print(f"Dossier import benchmark: {what}, seed {truth.get('seed')}")
            made = f"generated in {gen_seconds:.1f} s (not timed)" if gen_seconds is not None else "pre-generated"
            print(f"  {made}; new dossier opened and migrated in {open_seconds:.2f} s")
            results, seconds, per_file, report = run_import(services, paths, args.profile)
            if report:
                print("  (timed under cProfile: rates below are slower than without it)")
            print_import(paths, results, seconds, per_file, formats)
            print_target(paths, per_file)
            print(f"  dossier file: {megabytes(file_size(dossier))} for {megabytes(sum(p.stat().st_size for p in paths))}"
                  " of letters")
            print_list_timings(services)
            if args.accuracy:
                print_accuracy(services, truth, formats, args.misses)
            if report:
                print(f"Profile of the import (top {args.profile} by cumulative time)")
                print(report)
        finally:
            services.close()
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
