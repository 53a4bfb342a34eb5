"""Benchmarks for the actor register and actions.

    python -m benchmarks.bench_register [--letters 20000] [--mentions 10000]

1. Merging an actor with N mentions into another (target: 1 s for 10,000), and undoing it.
2. Opening the who's who and the actions view on a dossier of N letters (target: 300 ms for
   20,000): the id query plus the first block of rows, as the lazy models do.

The dossier is filled with bulk inserts (setting up 20,000 letters through the import pipeline
would measure the import, which bench_import does); the timed calls go through the services.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from dossier.db.models import Action, Actor, ActorAlias, Document, DocumentParty, Mention, Paragraph
from dossier.services import open_services

BLOCK = 256


def _fill(services, letters: int, actors: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    now = "2020-01-01T00:00:00+00:00"
    text = "A letter about the review. " * 20
    with services.dossier.sessions.begin() as session:
        session.execute(insert(Actor), [
            {"id": i, "name": f"Person {i:05d}", "name_key": f"person {i:05d}",
             "kind": "person" if i % 5 else "organisation", "created_at": now} for i in range(1, actors + 1)])
        session.execute(insert(ActorAlias), [
            {"actor_id": i, "alias": f"P{i}", "alias_key": f"p{i}"} for i in range(1, actors + 1)])
        docs, paras, mentions, parties, actions = [], [], [], [], []
        start = dt.date(2010, 1, 1)
        for d in range(1, letters + 1):
            day = start + dt.timedelta(days=d % 3650)
            docs.append({"id": d, "sha256": f"{d:064x}", "file_name": f"l{d}.txt", "media_type": "text/plain",
                         "size": len(text), "kind": "letter", "status": "ok", "date_value": day.isoformat(),
                         "date_precision": "day", "text": text, "user_set": "", "filed_at": now})
            paras.append({"document_id": d, "number": 1, "start": 0, "end": len(text), "page": None,
                          "quoted": False})
            for k, who in enumerate(rng.sample(range(1, actors + 1), 5)):
                mentions.append({"document_id": d, "actor_id": who, "start": k * 27, "end": k * 27 + 6,
                                 "text": "Person"})
            parties.append({"document_id": d, "actor_id": rng.randint(1, actors), "role": "sender", "position": 0})
            for _ in range(2):
                due = day + dt.timedelta(days=rng.randint(10, 200))
                actions.append({"type": "request", "summary": "send the plan", "owner_id": rng.randint(1, actors),
                                "document_id": d, "start": 0, "end": 20, "due_value": due.isoformat(),
                                "due_precision": "day", "due_latest": due.isoformat(),
                                "status": rng.choice(["open", "open", "done"]), "created_at": now,
                                "updated_at": now})
        for table, rows in ((Document, docs), (Paragraph, paras), (Mention, mentions), (DocumentParty, parties),
                            (Action, actions)):
            session.execute(insert(table), rows)


def _timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - t0) * 1000


def bench_merge(folder: Path, mentions: int) -> None:
    services = open_services(folder / "merge.dossier")
    try:
        letters = mentions // 5
        _fill(services, letters, actors=5)
        # give actor 2 exactly `mentions` mentions (the fill spread them over three actors)
        with services.dossier.sessions.begin() as session:
            session.query(Mention).delete()
            session.execute(insert(Mention), [
                {"document_id": 1 + i // 5, "actor_id": 2, "start": (i % 5) * 27, "end": (i % 5) * 27 + 6,
                 "text": "Person"} for i in range(mentions)])
        record, ms = _timed(lambda: services.actors.merge(1, 2).value)
        print(f"merge an actor with {mentions:,} mentions: {ms:.0f} ms")
        _, ms = _timed(lambda: services.actors.unmerge(record))
        print(f"undo that merge:                      {ms:.0f} ms")
    finally:
        services.close()


def bench_views(folder: Path, letters: int) -> None:
    services = open_services(folder / "views.dossier")
    try:
        t0 = time.perf_counter()
        _fill(services, letters, actors=max(50, letters // 10))
        print(f"(filled {letters:,} letters in {time.perf_counter() - t0:.1f} s)")
        as_at = dt.date(2015, 1, 1)
        for label, ids_call, rows_call in (
            ("who's who (sort by name)", lambda: services.actors.ids(), services.actors.rows),
            ("who's who (sort by documents)", lambda: services.actors.ids(sort="documents"), services.actors.rows),
            ("actions (overdue first)", lambda: services.actions.ids(as_at=as_at),
             lambda ids: services.actions.rows(ids, as_at=as_at)),
            ("documents (sort by date)", lambda: services.documents.ids(), services.documents.rows),
        ):
            ids, ms_ids = _timed(ids_call)
            _, ms_rows = _timed(lambda ids=ids, rows_call=rows_call: rows_call(ids[:BLOCK]))
            print(f"open {label:<30} {len(ids):>7,} rows: ids {ms_ids:6.0f} ms + first {BLOCK} rows "
                  f"{ms_rows:5.0f} ms = {ms_ids + ms_rows:6.0f} ms")
    finally:
        services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=20_000)
    parser.add_argument("--mentions", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_merge(Path(tmp), args.mentions)
        bench_views(Path(tmp), args.letters)


if __name__ == "__main__":
    main()
