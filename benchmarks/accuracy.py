"""Score `dossier analyse` against a gold file in one process: the shared scorer, without a
process per document.

    python -m benchmarks.accuracy                   # the development corpus, then the sample
    python -m benchmarks.accuracy -v corpus         # one set, with every miss listed
    python -m benchmarks.accuracy --bars            # exit 1 where a set misses its bars (as CI does)
    python -m benchmarks.accuracy --gold G --docs D # any other gold file and its documents

The scoring itself is the shared tool's (`../shared/tools/score_extraction.py`): this script only
replaces its "run the command" step with a call to the same service the command calls, so the
figures are the ones `score_extraction.py --cmd dossier` prints. The gold files and documents are
real public documents kept beside the checkout (`../shared/`), never in it.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# name -> (gold file, documents folder, the bars the set must clear)
SETS: dict[str, tuple[Path, Path, dict[str, float]]] = {
    "corpus": (SHARED / "corpus" / "gold.json", SHARED / "corpus" / "docs",
               {"person_f1": 0.90, "date_recall": 0.88, "deadline_f1": 0.75, "stated": 0.90, "parties": 0.85}),
    "sample": (SHARED / "gold" / "seeds.json", SHARED / "seeds",
               {"person_f1": 1.0, "date_recall": 1.0, "deadline_f1": 1.0, "stated": 1.0, "parties": 1.0}),
}
_FLAGS = {"person_f1": "--min-person-f1", "date_recall": "--min-date-recall", "deadline_f1": "--min-deadline-f1",
          "stated": "--min-stated", "parties": "--min-parties"}


def available(name: str) -> bool:
    """Whether a set's gold file, documents and the shared scorer are beside the checkout."""
    gold, docs, _bars = SETS[name]
    return gold.is_file() and docs.is_dir() and (SHARED / "tools" / "score_extraction.py").is_file()


def load_scorer() -> ModuleType:
    path = SHARED / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _analyse_in_process(_cmd: list[str], path: Path, date: str | None) -> dict[str, Any]:
    from dossier.analysis.dates import parse_document_date
    from dossier.services.analyse import analyse_file

    context = parse_document_date(date) if date else None
    return analyse_file(path, context)


def score(name: str, *, verbose: bool, bars: bool) -> int:
    """Run the shared scorer on one set; its exit status (1 where a bar is missed)."""
    gold, docs, minimums = SETS[name]
    return score_files(gold, docs, verbose=verbose, minimums=minimums if bars else {})


def score_files(gold: Path, docs: Path, *, verbose: bool, minimums: dict[str, float]) -> int:
    scorer = load_scorer()
    scorer.run_analyse = _analyse_in_process
    argv = [str(gold), str(docs)] + (["-v"] if verbose else [])
    for key, value in minimums.items():
        argv += [_FLAGS[key], str(value)]
    saved = sys.argv
    sys.argv = ["score_extraction.py", *argv]
    try:
        return int(scorer.main())
    finally:
        sys.argv = saved


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", help=f"which sets: {', '.join(SETS)} (default: all)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--bars", action="store_true", help="exit 1 where a set misses its bars")
    ap.add_argument("--gold", type=Path, help="score another gold file (with --docs) instead of the sets")
    ap.add_argument("--docs", type=Path, help="the folder of the documents --gold describes")
    a = ap.parse_args()
    if a.gold or a.docs:
        if not (a.gold and a.docs):
            ap.error("--gold and --docs go together")
        return score_files(a.gold, a.docs, verbose=a.verbose, minimums={})
    unknown = [s for s in a.sets if s not in SETS]
    if unknown:
        ap.error(f"unknown set {unknown[0]!r}: choose from {', '.join(SETS)}")
    status = 0
    for name in a.sets or list(SETS):
        print(f"== {name}")
        status |= score(name, verbose=a.verbose, bars=a.bars)
    return status


if __name__ == "__main__":
    sys.exit(main())
