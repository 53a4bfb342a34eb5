"""The whole benchmark suite: one line per figure, against its target, recorded in BENCHMARKS.md.

    python -m benchmarks --letters 20000 [--import-count 1000] [--no-record]

Each benchmark runs in its own process (so one's caches and memory do not flatter the next), on
synthetic letters from `benchmarks.generate` or dossiers filled straight through the repository.
The suite reads the figures from each benchmark's output, prints them with their targets, notes
each process's peak memory (resident set), and appends the run, dated, to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "BENCHMARKS.md"
MEMORY_TARGET_MB = 500


@dataclass(frozen=True)
class Figure:
    name: str
    value: str
    target: str = ""
    ok: bool | None = None  # None: no target

    def line(self) -> str:
        verdict = "" if self.ok is None else ("ok" if self.ok else "MISSED")
        return f"{self.name:<44} {self.value:>16}   {self.target:<22} {verdict}".rstrip()


@dataclass
class Stage:
    name: str
    args: list[str]
    output: str = ""
    seconds: float = 0.0
    peak_mb: float = 0.0
    failed: str = ""


def _number(pattern: str, text: str, group: int = 1) -> float | None:
    m = re.search(pattern, text, re.MULTILINE)
    return float(m.group(group).replace(",", "")) if m else None


def _ms(value: float | None, target: float | None = None, *, name: str, what: str = "") -> Figure:
    if value is None:
        return Figure(name, "not measured", f"<= {target:g} ms" if target else "", False if target else None)
    return Figure(name, f"{value:,.1f} ms" + (f" {what}" if what else ""), f"<= {target:g} ms" if target else "",
                  (value <= target) if target else None)


def figures_of(stage: Stage) -> list[Figure]:
    out = stage.output
    if stage.failed:
        return [Figure(f"{stage.name}: failed", stage.failed[:60], "", False)]
    if stage.name == "import":
        rate = _number(r"^\s+txt\s+\d+\s+[\d.]+\s+([\d.]+)", out)
        return [Figure("import rate (text letters)", f"{rate:,.1f} letters/s" if rate else "not measured",
                       ">= 100 letters/s", rate is not None and rate >= 100)]
    if stage.name == "analysis":
        found = [_ms(_number(r"analysis per letter: median ([\d.]+) ms", out), 20, name="analysis per letter (median)")]
        for label, value, target in re.findall(r"^stage (.+?): median ([\d.]+) ms .*?\(target (\d+) ms\)", out,
                                               re.MULTILINE):
            found.append(_ms(float(value), float(target), name=f"analysis: {label}"))
        found.append(_ms(_number(r"^floor, one pass of a word pattern: median ([\d.]+) ms", out),
                         name="analysis: floor (word pattern)"))
        return found
    if stage.name == "search":
        found = [_ms(_number(r"^overall: median ([\d.]+) ms", out), 50, name="search median (typical queries)"),
                 _ms(_number(r"^overall: median [\d.]+ ms, p95 ([\d.]+) ms", out), 150, name="search p95")]
        floors = [float(v) for v in re.findall(r"^\S.*?\s[\d.]+ms\s+[\d.]+ms\s+([\d.]+)ms", out, re.MULTILINE)]
        if floors:
            floors.sort()
            found.append(_ms(floors[len(floors) // 2], name="search: raw FTS5 MATCH floor (median of queries)"))
        ratio = _number(r"against the bare FTS5 query: median ([\d.]+)x", out)
        found.append(Figure("search over the floor (median ratio)", f"{ratio:.1f}x" if ratio else "not measured",
                            "aim: within 2x", ratio is not None and ratio <= 2))
        return found
    if stage.name == "chronology":
        found = []
        for label, first, best in re.findall(
                r"^(open \(all entries\)|filter: .+?)\s{2,}.*?first\s+([\d.,]+) ms, best of 5\s+([\d.,]+) ms",
                out, re.MULTILINE):
            name = "chronology open" if label.startswith("open") else f"chronology {label}"
            target = 500 if label.startswith("open") else 100
            value = float(first.replace(",", ""))
            found.append(Figure(name, f"{value:,.0f} ms (best {float(best.replace(',', '')):,.0f})",
                                f"<= {target} ms", value <= target))
        return found or [_ms(None, 500, name="chronology open")]
    if stage.name == "gui":
        found = [_ms(_number(r"window usable \(.*?\)\s+([\d.]+) ms", out), 1500, name="GUI: dossier open to usable window"),
                 _ms(_number(r"Qt and Dossier imported\s+([\d.]+) ms", out), name="GUI: start-up imports (Qt, Dossier)")]
        for view, value in re.findall(r"first switch to (.+?)\s+([\d.]+) ms", out):
            found.append(_ms(float(value), name=f"GUI: first open of {view.strip()}"))
        for label, value in re.findall(r"chronology filter: (.+?)\s+(\d+) ms, table and timeline", out):
            found.append(_ms(float(value), 100, name=f"GUI: chronology filter, {label.strip()}"))
        return found
    if stage.name == "briefing":
        whole = _number(r"^export, all in.*?([\d.]+) s", out)
        floor = _number(r"^ReportLab floor.*?([\d.]+) s", out)
        return [Figure("briefing export (500 entries, 100 actors, 200 extracts)",
                       f"{whole:.2f} s" if whole is not None else "not measured", "<= 5 s",
                       whole is not None and whole <= 5),
                Figure("briefing: ReportLab alone (floor)", f"{floor:.2f} s" if floor is not None else "not measured")]
    if stage.name == "readers":
        worst = _number(r"^eml reader: median [\d.]+ ms, worst ([\d.]+) ms", out)
        return [_ms(_number(r"^eml reader: median ([\d.]+) ms", out), name="email + 8 MB attachment: read"),
                Figure("email + 8 MB attachment: worst", f"{worst:.1f} ms" if worst is not None
                       else "not measured", "<= 5 s", worst is not None and worst <= 5000),
                _ms(_number(r"^floor, one pass over the bytes: median ([\d.]+) ms", out),
                    name="email + 8 MB attachment: floor")]
    return []


def run_stage(stage: Stage) -> None:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "benchmarks._peak", *stage.args], cwd=ROOT, capture_output=True,
                          text=True)
    stage.seconds = time.perf_counter() - start
    stage.output = done.stdout
    peak = _number(r"^PEAK_RSS_MB=(\d+)", done.stderr)
    stage.peak_mb = peak or 0.0
    if done.returncode not in (0, 1):  # some benchmarks exit 1 to say a target was missed
        lines = [line for line in done.stderr.strip().splitlines() if not line.startswith("PEAK_RSS_MB=")]
        stage.failed = (lines or ["exit " + str(done.returncode)])[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=20_000, help="size of the big dossiers (default 20,000)")
    parser.add_argument("--import-count", type=int, default=1000, help="letters filed for the import rate")
    parser.add_argument("--no-record", action="store_true", help="do not append the run to BENCHMARKS.md")
    args = parser.parse_args(argv)
    n = str(args.letters)
    stages = [
        Stage("import", ["benchmarks.bench_import", "--count", str(args.import_count)]),
        Stage("analysis", ["benchmarks.bench_analysis", "--count", "300"]),
        Stage("search", ["benchmarks.bench_search", "--letters", n]),
        Stage("chronology", ["benchmarks.bench_chronology", "--letters", n]),
        Stage("gui", ["benchmarks.bench_gui", "--letters", n]),
        Stage("briefing", ["benchmarks.bench_briefing"]),
        Stage("readers", ["benchmarks.bench_readers"]),
    ]
    lines: list[str] = []
    for stage in stages:
        print(f"running {stage.name}…", file=sys.stderr, flush=True)
        run_stage(stage)
        for figure in figures_of(stage):
            lines.append(figure.line())
            print(figure.line(), flush=True)
    for stage in stages:
        line = Figure(f"peak memory: {stage.name}", f"{stage.peak_mb:,.0f} MB", f"< {MEMORY_TARGET_MB} MB",
                      stage.peak_mb < MEMORY_TARGET_MB).line()
        lines.append(line)
        print(line)
    if not args.no_record:
        record(lines, stages, args)
    return 0


def record(lines: list[str], stages: list[Stage], args: argparse.Namespace) -> None:
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    head = "# Benchmarks\n\nEach run of `python -m benchmarks` appends its figures here.\n"
    text = RECORD.read_text(encoding="utf-8") if RECORD.exists() else head
    text += (f"\n## {when}: {args.letters:,} letters, import over {args.import_count:,}\n\n"
             f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
             f"{_cpus()} CPUs.\n\n```\n" + "\n".join(lines) + "\n```\n")
    text += "\nStage times: " + ", ".join(f"{s.name} {s.seconds:.0f} s" for s in stages) + "\n"
    RECORD.write_text(text, encoding="utf-8")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


if __name__ == "__main__":
    sys.exit(main())
