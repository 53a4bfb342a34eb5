"""How many dated references of letters Dossier has never seen reach the chronology, correctly dated.

    python -m benchmarks.bench_chronology_accuracy [--count 200] [--seed 7]

Files the generator's letters (all four formats) into a fresh dossier and checks, per letter, each
dated reference in truth.json: is there a chronology entry (or an action's due date) sourced from
that letter whose value matches at the truth's precision? Target (chronology issue): 80%.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.generate import generate
from dossier.services import open_services


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "letters"
        generate(folder, args.count, formats=("txt", "pdf", "docx", "eml"), seed=args.seed)
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["documents"]
        services = open_services(Path(tmp) / "accuracy.dossier")
        try:
            results = services.documents.file_paths(sorted(p for p in folder.iterdir() if p.name != "truth.json"))
            doc_of = {Path(r.path).name: r.document_id for r in results}
            rows = services.chronology.rows(services.chronology.keys())
            by_doc: dict[int, list[str]] = {}
            for row in rows:
                if row.date is None or row.kind.value == "document":
                    continue
                for source in row.sources:
                    by_doc.setdefault(source.document_id, []).append(row.date.value)
            hits, total, per_format = 0, 0, Counter()
            totals = Counter()
            for name, expected in truth.items():
                found = list(by_doc.get(doc_of.get(name, -1), []))
                fmt = expected["format"]
                for ref in expected["dated_references"]:
                    total += 1
                    totals[fmt] += 1
                    match = next((v for v in found if v == ref["value"] or v.startswith(ref["value"] + "-")), None)
                    if match is not None:
                        found.remove(match)
                        hits += 1
                        per_format[fmt] += 1
            print(f"{total} dated references in {len(truth)} letters: {hits} in the chronology with the right "
                  f"date = {hits / total:.1%} (target 80%)")
            for fmt in sorted(totals):
                print(f"  {fmt:<5} {per_format[fmt] / totals[fmt]:.1%} of {totals[fmt]}")
        finally:
            services.close()


if __name__ == "__main__":
    main()
