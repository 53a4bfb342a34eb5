"""How long a large briefing PDF takes to build, against ReportLab's own floor.

    python -m benchmarks.bench_briefing [--entries 500] [--actors 100] [--extracts 200] [--keep]

Target (briefings issue): a briefing with 500 chronology entries, 100 actors and 200 annotated
extracts is exported in at most 5 s, all in: gathering from the dossier, both layout passes
("Page X of Y" needs the page count), writing the file and recording the export.

The floor is ReportLab alone: one `build` of the very same flowables, already made, with nothing
gathered and no page-counting pass. The gap between the two is what Dossier adds.

The dossier is filled with bulk inserts (letters with paragraphs, parties and mentions; chronology
entries with sources; actors with aliases and posts; annotations with tags and notes), so the
numbers measure the briefing, not the import.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from benchmarks.common import open_fresh
from dossier.db.models import (
    Action,
    Actor,
    ActorAlias,
    Annotation,
    AnnotationTag,
    ChronologyEntry,
    Document,
    DocumentParty,
    EntrySource,
    Mention,
    Paragraph,
    Post,
    PostHolder,
)

TARGET_S = 5.0
WORDS = ["review", "commissioner", "council", "panel", "inspection", "report", "plan", "improvement", "budget",
         "direction", "services", "children", "safeguarding", "recommendations", "minister", "officials",
         "capacity", "progress", "meeting", "letter", "evidence", "assessment", "performance", "timetable",
         "concerns", "support", "quality", "leadership"]
TAGS = ("Finance", "Governance", "Safeguarding", "Legal basis", "Deadlines", "Leadership", "Ofsted", "Media")


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def fill(services, *, entries: int, actors: int, extracts: int, seed: int = 0) -> None:
    """A dossier whose whole-dossier briefing has exactly `entries` chronology rows."""
    rng = random.Random(seed)
    now = "2020-01-01T00:00:00+00:00"
    letters = max(10, entries // 12)
    dated_actions = max(5, entries // 25)
    own = entries - letters - dated_actions
    start = dt.date(2012, 1, 1)
    docs, paras, parties, mentions = [], [], [], []
    for d in range(1, letters + 1):
        body = [_sentence(rng, rng.randint(25, 60)) for _ in range(8)]
        text = "\n\n".join(body)
        day = start + dt.timedelta(days=d * 9)
        docs.append({"id": d, "sha256": f"{d:064x}", "file_name": f"letter-{d:03d}.txt", "media_type": "text/plain",
                     "size": len(text), "kind": "letter", "status": "ok", "date_value": day.isoformat(),
                     "date_precision": "day", "date_text": day.strftime("%d %B %Y"),
                     "title": _sentence(rng, 8)[:-1], "text": text, "user_set": "", "filed_at": now,
                     "page_count": rng.randint(1, 4)})
        offset = 0
        for n, para in enumerate(body, start=1):
            paras.append({"document_id": d, "number": n, "start": offset, "end": offset + len(para),
                          "page": 1 + (n - 1) // 3, "quoted": False})
            offset += len(para) + 2
        who = rng.sample(range(1, actors + 1), 4)
        parties += [{"document_id": d, "actor_id": who[0], "role": "sender", "position": 0},
                    {"document_id": d, "actor_id": who[1], "role": "recipient", "position": 1}]
        mentions += [{"document_id": d, "actor_id": a, "start": k * 40, "end": k * 40 + 6, "text": "Person"}
                     for k, a in enumerate(who)]
    people = [{"id": i, "name": f"{rng.choice(['Ann', 'Ben', 'Cara', 'Dev', 'Eli'])} Person{i:03d}",
               "name_key": f"person {i:03d}", "kind": "person" if i % 6 else "organisation", "created_at": now}
              for i in range(1, actors + 1)]
    for p in people:
        p["name_key"] = p["name"].casefold()
    aliases = [{"actor_id": i, "alias": f"P{i}", "alias_key": f"p{i}", "document_id": 1}
               for i in range(1, actors + 1)]
    posts = [{"id": i, "title": f"Director of {rng.choice(WORDS).title()} {i}", "title_key": f"director {i}"}
             for i in range(1, actors // 2 + 1)]
    holders = [{"post_id": i, "actor_id": i, "start_value": "2012", "end_value": None, "document_id": 1}
               for i in range(1, actors // 2 + 1)]
    chron, sources = [], []
    for e in range(1, own + 1):
        day = start + dt.timedelta(days=rng.randint(0, 9 * letters))
        month = rng.random() < 0.3
        value = day.isoformat()[:7] if month else day.isoformat()
        chron.append({"id": e, "kind": rng.choice(["event", "event", "deadline"]), "date_value": value,
                      "date_precision": "month" if month else "day", "date_text": "",
                      "date_sort": value + "-01" if month else value, "date_rank": 1 if month else 2,
                      "description": _sentence(rng, rng.randint(15, 40)),
                      "actors": "; ".join(people[a - 1]["name"] for a in rng.sample(range(1, actors + 1), 2)),
                      "user_set": False, "created_at": now})
        sources.append({"entry_id": e, "document_id": rng.randint(1, letters), "start": 0, "end": 40,
                        "machine": True})
    actions = []
    for _ in range(dated_actions):
        due = start + dt.timedelta(days=rng.randint(0, 9 * letters))
        actions.append({"type": "request", "summary": _sentence(rng, 14), "owner_id": rng.randint(1, actors),
                        "document_id": rng.randint(1, letters), "start": 0, "end": 20, "due_value": due.isoformat(),
                        "due_precision": "day", "due_latest": due.isoformat(), "status": "open",
                        "created_at": now, "updated_at": now})
    notes, tags = [], []
    for n in range(1, extracts + 1):
        d = rng.randint(1, letters)
        notes.append({"id": n, "document_id": d, "start": 0, "end": 120, "quote": _sentence(rng, rng.randint(15, 45)),
                      "prefix": "", "suffix": "", "colour": "yellow", "note": _sentence(rng, rng.randint(6, 20)),
                      "author": "Reviewer", "created_at": now, "changed_at": now})
        tags.append({"annotation_id": n, "tag": TAGS[n % len(TAGS)]})
    with services.dossier.sessions.begin() as session:
        for model, rows in ((Actor, people), (Document, docs), (ActorAlias, aliases), (Paragraph, paras),
                            (DocumentParty, parties), (Mention, mentions), (Post, posts), (PostHolder, holders),
                            (ChronologyEntry, chron), (EntrySource, sources), (Action, actions),
                            (Annotation, notes), (AnnotationTag, tags)):
            if rows:
                session.execute(insert(model), rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--actors", type=int, default=100)
    parser.add_argument("--extracts", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (the best is reported)")
    parser.add_argument("--keep", action="store_true", help="keep the dossier and the PDF, and print where")
    args = parser.parse_args()

    from dossier.domain.briefing import BriefingOptions, Marking
    from dossier.export.briefing_pdf import Plan, build_once, build_story, render_briefing

    tmp = Path(tempfile.mkdtemp(prefix="bench-briefing-"))
    services = open_fresh(tmp / "briefing.dossier")
    try:
        t0 = time.perf_counter()
        fill(services, entries=args.entries, actors=args.actors, extracts=args.extracts)
        print(f"(filled the dossier in {time.perf_counter() - t0:.1f} s)")
        options = BriefingOptions(title="Benchmark briefing", reference="BENCH/1", marking=Marking.OFFICIAL_SENSITIVE,
                                  as_at=dt.date(2014, 8, 1), to="Secretary of State", from_="Private Office",
                                  timing="Routine", summary=_sentence(random.Random(1), 60),
                                  key_messages="- " + "\n- ".join(_sentence(random.Random(i), 20) for i in range(5)))
        out = tmp / "briefing.pdf"
        totals, result = [], None
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            result = services.briefing.export(options, out).value
            totals.append(time.perf_counter() - t0)
        data = services.briefing.gather(options)
        print(f"briefing: {len(data.chronology)} chronology entries, {len(data.actors)} actors, "
              f"{sum(len(g.items) for g in data.extracts)} extracts, {len(data.sources)} sources, "
              f"{len(data.actions)} open actions; {result.pages} pages, {result.size / 1000:.0f} kB")

        gathers, renders, floors = [], [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            services.briefing.gather(options)
            gathers.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            rendered = render_briefing(data)
            renders.append(time.perf_counter() - t0)
            # the floor: ReportLab building the same flowables once (made beforehand, pages already known)
            plan = Plan(total_pages=rendered.pages)
            story = build_story(data, plan)
            t0 = time.perf_counter()
            build_once(data, plan, story)
            floors.append(time.perf_counter() - t0)
        best = min(totals)
        print(f"export, all in (best of {args.repeat}):   {best:6.2f} s   target {TARGET_S:.0f} s: "
              f"{'PASS' if best <= TARGET_S else 'FAIL'}")
        print(f"  gathering from the dossier:      {min(gathers):6.2f} s")
        print(f"  rendering (two passes):          {min(renders):6.2f} s")
        print(f"ReportLab floor (one build):       {min(floors):6.2f} s")
        print(f"Dossier over the floor:            {best / min(floors):6.1f} x")
        if args.keep:
            print(f"kept: {tmp}")
    finally:
        services.close()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
