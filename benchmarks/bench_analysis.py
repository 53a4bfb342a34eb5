"""How long analysing one letter takes: metadata, actors, dated references and actions.

    python -m benchmarks.bench_analysis [--count 300]

Target (actors issue): a typical two-page letter in at most 20 ms (median). The letters are the
generator's text letters read and normalised as filing does; reading is not timed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate
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


if __name__ == "__main__":
    main()
