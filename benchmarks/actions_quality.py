"""How actions read after "file the folder, accept every suggestion": a user's first test.

    python -m benchmarks.actions_quality GOLD [DOCS] [-v]
    python -m benchmarks.actions_quality ../shared/gold/seeds.json ../shared/seeds
    python -m benchmarks.actions_quality ../shared/corpus/gold.json ../shared/corpus/docs

Files the gold file's documents into a fresh dossier (entering the context date the gold file gives
where a document states none, as a user would), accepts every suggestion, and prints:

* actions: how many the register holds, how many are dated, how many count as open deadlines;
* first/second person: the share of action summaries (and of the lines "Owner to ..." shown for
  them) holding a first- or second-person word (`dossier.analysis.voice.has_first_or_second_person`);
* owner: of the gold deadlines an action matches (same document, same due date at the gold
  precision), the share whose owner is the gold owner;
* sources: actions with more than one source document.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import open_fresh

_HONORIFIC = re.compile(r"^(?:the|mr|mrs|ms|dr|lord|lady|sir|dame|professor|prof|cllr|councillor|baroness)\s+")


def _norm(name: str | None) -> str:
    text = re.sub(r"[^\w\s]", " ", (name or "").casefold())
    text = " ".join(text.split())
    while _HONORIFIC.match(text):
        text = _HONORIFIC.sub("", text)
    return text


def same_owner(got: str | None, gold: str | None) -> bool:
    a, b = _norm(got), _norm(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a.split(), b.split()), key=len)
    return len(short) >= 2 and set(short) <= set(long_)


def _due_matches(due: Any, gold: dict[str, Any]) -> bool:
    if due is None:
        return False
    value, precision = gold.get("value") or "", gold.get("precision") or ""
    cut = {"year": 4, "month": 7, "day": 10}.get(precision, len(value))
    return due.value[:cut] == value[:cut] and len(due.value) >= min(cut, len(value))


def measure(gold_path: Path, docs: Path, *, verbose: bool = False) -> dict[str, Any]:
    from dossier.analysis.voice import has_first_or_second_person
    from dossier.domain.dates import PartialDate
    from dossier.domain.findings import ActionType
    from dossier.domain.register import action_line

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        services = open_fresh(Path(tmp) / "quality.dossier")
        try:
            by_file: dict[str, int] = {}
            for doc in gold["documents"]:
                path = docs / doc["file"]
                if not path.is_file():
                    continue
                result = services.documents.file_path(path)
                if result.document_id is None:
                    continue
                by_file[doc["file"]] = result.document_id
                context = doc.get("context_date")
                if not doc.get("stated_date") and context:
                    date = PartialDate(context["value"], context["precision"])
                    services.documents.edit_metadata(result.document_id, {"date": date})
            pending = services.suggestions.pending()
            actors_first = sorted(pending, key=lambda s: (s.document_id, s.kind != "actor", s.id))
            services.suggestions.accept_many([s.id for s in actors_first])
            rows = services.actions.rows(services.actions.ids())
        finally:
            services.close()
    open_kinds = {t for t in ActionType if t not in (ActionType.DECISION, ActionType.COMMITMENT)}
    dated = [r for r in rows if r.due is not None]
    deadlines = [r for r in dated if r.type in open_kinds]
    lines = [action_line(r.owner, r.summary) for r in rows]
    first_second = [r for r in rows if has_first_or_second_person(r.summary)]
    first_second_lines = [line for line in lines if has_first_or_second_person(line)]
    matched = right = 0
    for doc in gold["documents"]:
        doc_id = by_file.get(doc["file"])
        if doc_id is None:
            continue
        candidates = [r for r in dated if doc_id in {src.document_id for src in r.sources}]
        for deadline in doc.get("deadlines", []):
            hits = [r for r in candidates if _due_matches(r.due, deadline)]
            if not hits:
                if verbose:
                    print(f"  no action: {doc['file'][:40]} {deadline['value']} {deadline['text']!r}")
                continue
            matched += 1
            best = next((r for r in hits if same_owner(r.owner, deadline.get("owner"))), hits[0])
            if same_owner(best.owner, deadline.get("owner")):
                right += 1
            elif verbose:
                print(f"  owner: {doc['file'][:40]} {deadline['value']}: got {best.owner!r}, gold"
                      f" {deadline.get('owner')!r} ({best.summary!r})")
    if verbose:
        for r in rows:
            mark = "*" if has_first_or_second_person(r.summary) else " "
            due = r.due.display() if r.due else "-"
            print(f" {mark} [{r.type.value:>11}] {action_line(r.owner, r.summary)} ({due})")
    return {
        "actions": len(rows), "dated": len(dated), "deadlines": len(deadlines),
        "first_second_summaries": len(first_second) / len(rows) if rows else 0.0,
        "first_second_lines": len(first_second_lines) / len(rows) if rows else 0.0,
        "several_sources": sum(1 for r in rows if len(r.sources) > 1), "gold_deadlines_matched": matched, "owner_right": right / matched if matched else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("docs", type=Path, nargs="?")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    docs = a.docs or (a.gold.parent / "docs" if (a.gold.parent / "docs").is_dir() else a.gold.parent.parent / "seeds")
    if not a.gold.is_file() or not docs.is_dir():
        print(f"cannot find {a.gold} and its documents {docs}", file=sys.stderr)
        return 2
    m = measure(a.gold, docs, verbose=a.verbose)
    print(f"actions {m['actions']} (dated {m['dated']}, open deadlines {m['deadlines']}); "
          f"first/second person: summaries {m['first_second_summaries']:.0%}, lines {m['first_second_lines']:.0%}; "
          f"owner right {m['owner_right']:.0%} of {m['gold_deadlines_matched']} matched gold deadlines; "
          f"{m['several_sources']} with several sources")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
