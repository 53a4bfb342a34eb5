"""How long analysing one letter takes: metadata, actors, dated references and actions.

    python -m benchmarks.bench_analysis [--count 300]

Target (actors issue): a typical two-page letter in at most 20 ms (median). The letters are the
generator's text letters read and normalised as filing does; reading is not timed.

Each stage is also timed alone on the two-page letters, against the limits the unit tests used to
assert (a busy machine broke them there): metadata 5 ms, actors 20 ms, dated references 25 ms, dated
references and actions together 50 ms (medians). Beside them, the floor: one pass of a word pattern
over the same text.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate
from dossier.analysis.actions import find_actions
from dossier.analysis.actors import find_actors
from dossier.analysis.metadata import detect_metadata
from dossier.analysis.temporal import find_dates
from dossier.ingest import read_path
from dossier.services.filing import analyse_extracted, metadata_from_detection
from dossier.services.suggest import analyse_document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = generate(Path(tmp), args.count, formats=("txt",), seed=1)
        texts = [(p.name, read_path(p, max_bytes=10**8)[1]) for p in files if p.suffix == ".txt"]
    timings, sizes = [], []
    for name, extracted in texts:
        t0 = time.perf_counter()
        found = analyse_extracted(name, extracted)
        analyse_document(extracted.text, metadata_from_detection(found, extracted))
        timings.append((time.perf_counter() - t0) * 1000)
        sizes.append(len(extracted.text))
    two_page = [t for t, n in zip(timings, sizes, strict=True) if 3500 <= n <= 9000]
    q = statistics.quantiles(timings, n=20)
    print(f"{len(timings)} letters, {statistics.median(sizes):,.0f} characters median")
    print(f"analysis per letter: median {statistics.median(timings):.1f} ms, p95 {q[-1]:.1f} ms, "
          f"max {max(timings):.1f} ms")
    if two_page:
        med = statistics.median(two_page)
        print(f"two-page letters (3,500-9,000 characters, {len(two_page)} of them): median {med:.1f} ms "
              f"-> {'PASS' if med <= 20 else 'FAIL'} (target 20 ms)")
        stages(texts, sizes)


STAGE_TARGETS_MS = {"metadata": 5, "actors": 20, "dated references": 25, "dated references and actions": 50}
WORD = re.compile(r"\w+")


def stages(texts: list, sizes: list[int]) -> None:
    """Each stage alone on the two-page letters, beside one pass of a word pattern (the floor)."""
    times: dict[str, list[float]] = {name: [] for name in (*STAGE_TARGETS_MS, "floor")}

    def timed(name: str, run, *args, **kwargs):
        t0 = time.perf_counter()
        out = run(*args, **kwargs)
        times[name].append((time.perf_counter() - t0) * 1000)
        return out

    def dates_and_actions(text: str, found) -> list:
        return find_actions(text, document_date=found.date, dates=find_dates(text, found.date), actors=[],
                            sender=found.sender, recipients=found.recipients)

    for (_name, extracted), size in zip(texts, sizes, strict=True):
        if not 3500 <= size <= 9000:
            continue
        text = extracted.text
        found = timed("metadata", detect_metadata, text)
        timed("actors", find_actors, text)
        timed("dated references", find_dates, text, found.date)
        timed("dated references and actions", dates_and_actions, text, found)
        timed("floor", WORD.findall, text)
    for name, target in STAGE_TARGETS_MS.items():
        med = statistics.median(times[name])
        print(f"stage {name}: median {med:.1f} ms -> {'PASS' if med <= target else 'FAIL'} (target {target} ms)")
    print(f"floor, one pass of a word pattern: median {statistics.median(times['floor']):.2f} ms")


if __name__ == "__main__":
    main()
