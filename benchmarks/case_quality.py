"""The acceptance measurement of "briefing-ready facts" on an invented case, as a new user would try it.

    python -m benchmarks.case_quality CASE_DIR [--json] [--keep DIR]

CASE_DIR is a case folder (see `benchmarks.case_build`): its papers, `sources/` for the Word and
PDF papers, and `gold.json`. The run builds the papers into a fresh folder, files them into a fresh
dossier through the services (as `dossier import` does), accepts every suggestion (as
`dossier accept --all` does, again while accepting brings new ones), exports the default briefing as
at the case's last date, and reports each criterion against its bar:

- third person: the share of action summaries and chronology descriptions with no first- or
  second-person word (bar 95%);
- owners: the share of the gold's deadlines matched by an action with the same due date whose
  owner is the right person or body (bar 80%), and how many were matched at all. Of the actions due
  that day, the one that stands for the deadline is the one from its letter (else a letter restating
  it) whose summary shares most words with the gold's;
- post change: the person who changed post holds two tenures, the old one ending and the new one
  starting; and the who's who as at the last date shows the new post ("not measurable" while
  Dossier has no who's who as at a date);
- conflict: the two accounts that date one event differently are flagged as a conflict;
- titles: no title in the documents listing, the chronology or the briefing's text is a file name;
- pages: the briefing runs to at most 12 pages.

Exit status: 0 when every measurable criterion meets its bar, 1 when one does not, 2 when the case
cannot be read.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import inspect
import json
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.case_build import GOLD_FILE, build

BARS = {"third_person": 0.95, "owners": 0.80, "pages": 12}
PERSONAL = re.compile(r"\bI\b|\b(?i:me|my|mine|myself|we|us|our|ours|you|your|yours)\b")
HONORIFIC = re.compile(
    r"^(?:the\s+)?(?:(?:rt\.?\s+)?hon\.?\s+|right\s+honourable\s+|councillor\s+|cllr\.?\s+|dame\s+|sir\s+|lord\s+|"
    r"lady\s+|baroness\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+|miss\s+|dr\.?\s+|professor\s+|prof\.?\s+)+")
POST_NOMINALS = re.compile(r"(?:[\s,]+(?:mp|dbe|cbe|obe|mbe|kbe|qpm|dl|kc|qc|frs|jp))+$")
PLACEHOLDER = re.compile(r"^\s*(?:\(?(?:anonymous|untitled|no title)\)?|microsoft (?:word|powerpoint) - .*|document\d*)\s*$",
                         re.IGNORECASE)
STOPWORDS = frozenset(("the", "a", "an", "of", "to", "on", "for", "and", "in", "by", "with", "its", "it", "be", "is",
                       "that", "this", "from", "at", "as", "their", "his", "her"))


@dataclass
class Criterion:
    name: str
    what: str
    value: float | int | bool | None  # None: not measurable yet
    bar: str
    passed: bool | None
    detail: dict[str, Any] = field(default_factory=dict)


# -- matching helpers ------------------------------------------------------------------------------

def norm_name(name: str | None) -> str:
    """A person's or body's name as compared: case, apostrophes, honorifics and post-nominals left out."""
    if not name:
        return ""
    s = " ".join(name.replace("\u2019", "'").replace("\u2018", "'").casefold().split())
    s = HONORIFIC.sub("", s)
    s = POST_NOMINALS.sub("", s)
    return s.strip(" .,;:")


def norm_post(title: str | None) -> str:
    s = norm_name(title)
    return re.sub(r"^the\s+", "", s)


def holds(title: str, post: str) -> bool:
    """True when a post title is the gold post, allowing an organisation after a comma or "of"."""
    t, p = norm_post(title), norm_post(post)
    return t == p or t.startswith(p + ",") or t.startswith(p + " (") or t.startswith(p + " of ") or \
        t.startswith(p + " -") or t.startswith(p + " \u2013")


def personal_words(text: str) -> list[str]:
    """The first- and second-person words of a text ("I" in capitals only, and "US" is a country)."""
    return [m.group(0) for m in PERSONAL.finditer(text or "") if m.group(0) != "US"]


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.casefold().replace("\u2019", "'")) if w not in STOPWORDS and len(w) > 2}


def _iso(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _display(date: Any) -> str | None:
    return date.display() if date is not None else None


# -- the run ---------------------------------------------------------------------------------------

def load_gold(case_dir: Path) -> dict[str, Any]:
    path = case_dir / GOLD_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"cannot read {path}: {exc}") from exc


def accept_all(services: Any, rounds: int = 3) -> tuple[int, int]:
    """Accept every pending suggestion as `dossier accept --all` does; again while that brings new ones.
    Returns (suggestions accepted, rounds run)."""
    accepted = 0
    for n in range(1, rounds + 1):
        pending = len(services.suggestions.pending(None))
        if not pending:
            return accepted, n - 1
        done = len(services.suggestions.accept_all().value)  # the service `dossier accept --all` calls
        accepted += done
        if not done:
            return accepted, n
    return accepted, rounds


def run_case(case_dir: Path | str, work: Path | str) -> dict[str, Any]:
    """Build, file, accept all, export; measure each criterion. Everything is written under `work`."""
    from benchmarks.common import open_fresh
    from dossier.domain.briefing import BriefingOptions

    case_dir, work = Path(case_dir), Path(work)
    gold = load_gold(case_dir)
    last = _iso(gold["last_date"])
    papers = work / "papers"
    files = build(case_dir, papers)
    services = open_fresh(work / "case.dossier")
    try:
        results = services.documents.file_paths([papers])
        failed = [r.path for r in results if r.outcome.value == "failed"]
        accepted, rounds = accept_all(services)
        pdf = work / "briefing.pdf"
        exported = services.briefing.export(BriefingOptions(as_at=last), pdf).value
        facts = _facts(services, last)
    finally:
        services.close()
    pdf_text = _pdf_text(pdf)
    criteria = [
        _third_person(facts),
        _owners(gold, facts),
        _tenures(gold, facts),
        _whos_who(gold, facts),
        _conflict(gold, facts),
        _titles(files, facts, pdf_text),
        _pages(exported.pages),
    ]
    return {
        "case": gold.get("name", case_dir.name), "as_at": last.isoformat(), "papers": len(files),
        "filed": sum(r.outcome.value == "filed" for r in results), "failed": failed,
        "suggestions_accepted": accepted, "accept_rounds": rounds,
        "actions": len(facts["actions"]), "open_actions": sum(a["status"] == "open" for a in facts["actions"]),
        "overdue_as_at": sum(bool(a["overdue"]) for a in facts["actions"]),
        "chronology_rows": len(facts["chronology"]),
        "briefing": {"pages": exported.pages, "tool_words": _tool_words(pdf_text)},
        "metadata": _metadata(gold, facts),
        "criteria": [asdict(c) for c in criteria],
    }


def _facts(services: Any, as_at: dt.date) -> dict[str, Any]:
    """What the register holds after accepting, read through the services as plain data."""
    docs = services.documents.rows(services.documents.ids(sort="date"))
    actions = services.actions.rows(services.actions.ids(as_at=as_at), as_at=as_at)
    chron = services.chronology.rows(services.chronology.keys())
    actor_names: dict[int, set[str]] = {}
    for a in actions:
        if a.owner_id is not None and a.owner_id not in actor_names:
            row = services.actors.rows([a.owner_id])
            actor_names[a.owner_id] = {row[0].name, *row[0].aliases} if row else set()
    return {
        "services": services,
        "documents": [{"id": d.id, "file": d.file_name, "title": d.label, "kind": d.kind.value,
                       "date": d.date.to_json() if d.date else None, "sender": d.sender,
                       "recipients": list(d.recipients), "cc": list(d.cc)} for d in docs],
        "actions": [{"id": a.id, "summary": a.summary, "owner": a.owner, "owner_names": sorted(
            actor_names.get(a.owner_id, set()) | ({a.owner} if a.owner else set())),
            "due": a.due, "set": a.set_date, "status": a.status.value, "overdue": a.overdue,
            "document": a.document_id, "file": a.document_file} for a in actions],
        "chronology": [{"key": r.key, "date": _display(r.date), "kind": r.kind.value, "description": r.description,
                        "conflict": r.conflict, "conflict_with": list(r.conflict_with),
                        "sources": [{"document": s.document_id, "file": s.file_name, "title": s.title}
                                    for s in r.sources]} for r in chron],
        "whos_who": _whos_who_rows(services, as_at),
    }


def _whos_who_rows(services: Any, as_at: dt.date) -> dict[str, Any] | None:
    """The who's who as at a date, when the actor service offers one: `rows(ids, as_at=)` (with
    `ids(as_at=)` if it takes it), or a method named for it (`whos_who`, `as_at`, `rows_as_at`, ...)
    taking the date. None when it offers none."""
    actors = services.actors

    def table(rows: Iterable[Any], via: str) -> dict[str, Any]:
        out = []
        for r in rows:
            r = getattr(r, "row", r)
            posts = getattr(r, "posts", None)
            if posts is None:
                post = getattr(r, "post", None)
                posts = [post] if post else []
            out.append((r.name, [p if isinstance(p, str) else str(getattr(p, "title", p)) for p in posts]))
        return {"via": via, "rows": out}

    def takes(method: Any, name: str) -> bool:
        try:
            return name in inspect.signature(method).parameters
        except (TypeError, ValueError):
            return False

    if takes(actors.rows, "as_at"):
        ids = actors.ids(as_at=as_at) if takes(actors.ids, "as_at") else actors.ids()
        return table(actors.rows(ids, as_at=as_at), "actors.rows(as_at=)")
    for name in sorted(dir(actors)):
        if name.startswith("_") or not any(w in name for w in ("as_at", "whos_who", "on_date", "held_on")):
            continue
        method = getattr(actors, name)
        if not callable(method):
            continue
        try:
            rows = method(as_at=as_at) if takes(method, "as_at") else method(as_at)
            return table(rows, f"actors.{name}")
        except (TypeError, AttributeError):
            continue
    return None


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _tool_words(text: str) -> list[str]:
    found = re.findall(r"[^.\n]*\b(?:Dossier|await(?:s|ing)? review|suggestion[s]?)\b[^.\n]*", text)
    return [" ".join(f.split())[:120] for f in found][:10]


# -- the criteria ----------------------------------------------------------------------------------

def _third_person(facts: dict[str, Any]) -> Criterion:
    texts = [("action", a["summary"]) for a in facts["actions"]]
    texts += [(f"chronology {r['kind']}", r["description"]) for r in facts["chronology"]]
    offenders = [(where, text) for where, text in texts if personal_words(text)]
    total = len(texts)
    share = (total - len(offenders)) / total if total else 1.0
    by_kind: dict[str, list[int]] = {}
    for where, text in texts:
        counts = by_kind.setdefault(where, [0, 0])
        counts[0] += 1
        counts[1] += bool(personal_words(text))
    return Criterion(
        "third_person", "action summaries and chronology descriptions with no first- or second-person word",
        round(share, 4), f">= {BARS['third_person']:.0%}", share >= BARS["third_person"],
        {"texts": total, "with_personal_words": len(offenders),
         "by_kind": {k: {"texts": v[0], "personal": v[1]} for k, v in sorted(by_kind.items())},
         "examples": [f"{w}: {t[:140]}" for w, t in offenders[:25]]})


def _gold_names(gold: dict[str, Any], owners: Iterable[str]) -> set[str]:
    aliases = gold.get("actors", {})
    names: set[str] = set()
    for owner in owners:
        names.add(norm_name(owner))
        names.update(norm_name(a) for a in aliases.get(owner, ()))
    names.discard("")
    return names


def _due_matches(due: Any, day: dt.date) -> bool:
    return due is not None and due.earliest() <= day <= due.latest()


def _owners(gold: dict[str, Any], facts: dict[str, Any]) -> Criterion:
    rows, matched, right = [], 0, 0
    for d in gold["deadlines"]:
        day = _iso(d["due"])
        candidates = [a for a in facts["actions"] if _due_matches(a["due"], day)]
        words = content_words(d["what"])
        sources = {d.get("file"), *d.get("also_in", ())}
        # the action that stands for this deadline: from its letter (or one restating it), closest in words
        ranked = sorted(candidates, key=lambda a: (a["file"] == d.get("file"), a["file"] in sources, len(content_words(a["summary"]) & words)),
                        reverse=True)
        names = _gold_names(gold, d["owner"])

        rights = [bool({norm_name(n) for n in a["owner_names"]} & names) for a in ranked]
        good = bool(rights) and rights[0]
        matched += bool(candidates)
        right += good
        rows.append({"due": d["due"], "gold_owner": d["owner"], "what": d["what"],
                     "matched": bool(candidates), "right": good, "any_right": any(rights),
                     "actions": [{"owner": a["owner"], "summary": a["summary"][:140], "file": a["file"]}
                                 for a in ranked[:4]]})
    total = len(gold["deadlines"])
    share = right / total if total else 1.0
    return Criterion(
        "owners", "gold deadlines matched by an action (same due date) whose owner is right",
        round(share, 4), f">= {BARS['owners']:.0%}", share >= BARS["owners"],
        {"deadlines": total, "matched": matched, "right_owner": right,
         "right_of_matched": round(right / matched, 4) if matched else None, "per_deadline": rows})


def _person_posts(facts: dict[str, Any], person: str) -> tuple[int | None, list[dict[str, Any]]]:
    services = facts["services"]
    actor_id = services.actors.find(person)
    if actor_id is None:
        return None, []
    detail = services.actors.get(actor_id)
    return actor_id, [{"title": p.title, "start": p.start, "end": p.end} for p in detail.posts]


def _tenures(gold: dict[str, Any], facts: dict[str, Any]) -> Criterion:
    change = gold["post_change"]
    actor_id, posts = facts.setdefault("_posts", _person_posts(facts, change["person"]))
    old = [p for p in posts if holds(p["title"], change["old_post"])]
    new = [p for p in posts if holds(p["title"], change["new_post"])]
    old_ends = any(p["end"] for p in old)
    new_starts = any(p["start"] for p in new)
    passed = bool(old and new and old_ends and new_starts)
    return Criterion(
        "post_change", f"{change['person']}: {change['old_post']} ending and {change['new_post']} starting "
        f"({change['date']})", passed, "two tenures, the old ending and the new starting", passed,
        {"actor_found": actor_id is not None, "posts": posts, "distinct_titles": len({p["title"] for p in posts}),
         "old_tenure": bool(old), "old_has_end": old_ends, "new_tenure": bool(new), "new_has_start": new_starts,
         "new_start_right": any(p["start"] and p["start"].startswith(change["date"]) for p in new)})


def _whos_who(gold: dict[str, Any], facts: dict[str, Any]) -> Criterion:
    change = gold["post_change"]
    services = facts["services"]
    holder = None
    with contextlib.suppress(Exception):  # informative only: who holds the new post as at the last date
        from dossier.domain.dates import PartialDate

        holder_id = services.actors.holder_on(change["new_post"], PartialDate.parse(gold["last_date"]))
        if holder_id is not None:
            holder = services.actors.rows([holder_id])[0].name
    detail: dict[str, Any] = {"holder_of_new_post_as_at": holder}
    table = facts["whos_who"]
    what = f"the who's who as at {gold['last_date']} shows {change['person']} as {change['new_post']}"
    if table is None:
        detail["note"] = "not measurable: Dossier has no who's who as at a date"
        return Criterion("whos_who_as_at", what, None, "shows the new post", None, detail)
    person = norm_name(change["person"])
    shown = [posts for name, posts in table["rows"] if norm_name(name) == person]
    passed = any(holds(p, change["new_post"]) for posts in shown for p in posts)
    detail.update({"via": table["via"], "posts_shown": shown})
    return Criterion("whos_who_as_at", what, passed, "shows the new post", passed, detail)


def _conflict(gold: dict[str, Any], facts: dict[str, Any]) -> Criterion:
    file_a, file_b = gold["conflict"]["files"]
    by_key = {r["key"]: r for r in facts["chronology"]}

    def cites(row: dict[str, Any], name: str) -> bool:
        return any(s["file"] == name for s in row["sources"])

    pairs = []
    for row in facts["chronology"]:
        if not row["conflict"]:
            continue
        for other in row["conflict_with"]:
            o = by_key.get(other)
            if o and ((cites(row, file_a) and cites(o, file_b)) or (cites(row, file_b) and cites(o, file_a))):
                pairs.append((f"{row['date']}: {row['description'][:100]}", f"{o['date']}: {o['description'][:100]}"))
    flagged = sum(r["conflict"] for r in facts["chronology"])
    return Criterion(
        "conflict", f"the two accounts of \"{gold['conflict']['event']}\" are flagged as a conflict",
        bool(pairs), "flagged", bool(pairs), {"pairs": pairs[:4], "rows_flagged_in_all": flagged})


def _titles(files: list[Path], facts: dict[str, Any], pdf_text: str) -> Criterion:
    names = {p.name.casefold() for p in files} | {p.stem.casefold() for p in files}

    def file_named(title: str | None) -> bool:
        t = (title or "").casefold()
        return not t or any(n in t for n in names)

    bad: list[str] = []
    for d in facts["documents"]:
        shown = d["title"] or d["file"]
        if file_named(shown):
            bad.append(f"documents: {shown}")
    for r in facts["chronology"]:
        if r["kind"] == "document" and file_named(r["description"]):
            bad.append(f"chronology: {r['description'][:100]}")
        bad.extend(f"chronology source: {s['title']}" for s in r["sources"] if file_named(s["title"]))
    squashed = re.sub(r"\s+", "", pdf_text).casefold()
    in_pdf = sorted(p.stem for p in files if re.sub(r"\s+", "", p.stem).casefold() in squashed)
    bad.extend(f"briefing: {stem}" for stem in in_pdf)
    unique = sorted(set(bad))
    # not a file name, so not counted, but no title either: what a PDF's producer left in its metadata
    placeholders = sorted({d["title"] for d in facts["documents"] if d["title"] and PLACEHOLDER.match(d["title"])})
    return Criterion("titles", "titles (documents, chronology, briefing) that are or contain a file name",
                     len(unique), "0", not unique,
                     {"examples": unique[:25], "in_briefing": in_pdf, "placeholder_titles": placeholders})


def _pages(pages: int) -> Criterion:
    return Criterion("pages", "pages of the default briefing as at the case's last date", pages,
                     f"<= {BARS['pages']}", pages <= BARS["pages"])


def _metadata(gold: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    """How many documents Dossier read right (kind, date, sender, recipients): context, not a criterion."""
    by_file = {d["file"]: d for d in facts["documents"]}
    right = {"kind": 0, "date": 0, "sender": 0, "recipients": 0}
    wrong: list[str] = []
    for g in gold["documents"]:
        d = by_file.get(g["file"])
        if d is None:
            wrong.append(f"{g['file']}: not filed")
            continue
        checks = {
            "kind": d["kind"] == g["kind"],
            "date": bool(d["date"]) and d["date"].get("value") == g["date"],
            "sender": norm_name(d["sender"]) == norm_name(g["sender"]),
            "recipients": {norm_name(r) for r in d["recipients"]} == {norm_name(r) for r in g["recipients"]},
        }
        for k, ok in checks.items():
            right[k] += ok
            if not ok:
                wrong.append(f"{g['file']} {k}: {d.get(k)!r} (gold {g.get(k)!r})")
    return {"documents": len(gold["documents"]), "right": right, "wrong": wrong[:30]}


# -- the command -----------------------------------------------------------------------------------

def _print(report: dict[str, Any], out: Any) -> None:
    out.write(f"{report['case']}: {report['papers']} papers, {report['filed']} filed, as at {report['as_at']}\n")
    if report["failed"]:
        out.write(f"  not filed: {', '.join(report['failed'])}\n")
    out.write(f"  {report['suggestions_accepted']} suggestions accepted ({report['accept_rounds']} rounds); "
              f"{report['actions']} actions, {report['open_actions']} open, {report['overdue_as_at']} overdue; "
              f"{report['chronology_rows']} chronology rows\n")
    m = report["metadata"]
    out.write("  documents read right: " + ", ".join(f"{k} {v}/{m['documents']}" for k, v in m["right"].items()) + "\n\n")
    for c in report["criteria"]:
        mark = {True: "PASS", False: "FAIL", None: "n/a "}[c["passed"]]
        value = c["value"]
        shown = "not measurable" if value is None else f"{value:.0%}" if isinstance(value, float) else str(value)
        out.write(f"  {mark}  {c['name']:<15} {shown:<15} (bar {c['bar']})  {c['what']}\n")
        d = c["detail"]
        if c["name"] == "owners":
            out.write(f"        matched {d['matched']}/{d['deadlines']}, right owner {d['right_owner']}/{d['deadlines']}\n")
            for row in d["per_deadline"]:
                if not row["right"]:
                    got = "; ".join(f"{a['owner'] or '(no owner)'}: {a['summary'][:70]}" for a in row["actions"]) or "none"
                    out.write(f"          {row['due']} {'/'.join(row['gold_owner'])}: {got}\n")
        elif c["name"] == "third_person":
            for e in d["examples"][:8]:
                out.write(f"          {e}\n")
        elif c["name"] in ("post_change", "whos_who_as_at", "conflict", "titles"):
            shown_detail = {k: v for k, v in d.items() if k not in ("examples",)}
            out.write(f"        {json.dumps(shown_detail, ensure_ascii=False, default=str)[:400]}\n")
            for e in d.get("examples", [])[:6]:
                out.write(f"          {e}\n")
    words = report["briefing"]["tool_words"]
    if words:
        out.write(f"\n  words about the tool in the briefing: {words[:3]}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure briefing-ready facts on an invented case.")
    parser.add_argument("case_dir", type=Path, help="a case folder with gold.json")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep the dossier and briefing")
    args = parser.parse_args(argv)
    if not (args.case_dir / GOLD_FILE).is_file():
        print(f"{args.case_dir} is not a case folder: it has no {GOLD_FILE}", file=sys.stderr)
        return 2
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report = run_case(args.case_dir, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="case-quality-") as work:
            report = run_case(args.case_dir, work)
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    else:
        _print(report, sys.stdout)
    failed = [c for c in report["criteria"] if c["passed"] is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
