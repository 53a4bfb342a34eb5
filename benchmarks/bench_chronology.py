"""How fast the chronology opens and filters on a large dossier.

    python -m benchmarks.bench_chronology [--letters 20000]

Targets (chronology issue): over 20,000 letters the chronology opens in at most 500 ms (the ordered
keys plus the first block of rows, as the lazy model does) and a filter applies in at most 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from benchmarks.bench_register import BLOCK, _fill, _timed
from dossier.db.models import ChronologyEntry, EntrySource
from dossier.services import open_services


def _fill_entries(services, letters: int, per_letter: int = 3, seed: int = 0) -> None:
    rng = random.Random(seed)
    entries, sources = [], []
    start = dt.date(2010, 1, 1)
    entry_id = 0
    for d in range(1, letters + 1):
        for _ in range(per_letter):
            entry_id += 1
            day = start + dt.timedelta(days=rng.randint(0, 3650))
            month = rng.random() < 0.4
            value = day.isoformat()[:7] if month else day.isoformat()
            entries.append({"id": entry_id, "kind": rng.choice(["event", "event", "deadline"]),
                            "date_value": value, "date_precision": "month" if month else "day",
                            "date_sort": value + "-01" if month else value, "date_rank": 1 if month else 2,
                            "description": f"The panel met to consider item {entry_id}.",
                            "actors": f"Person {rng.randint(1, letters // 10):05d}", "user_set": False,
                            "created_at": "2020-01-01T00:00:00+00:00"})
            sources.append({"entry_id": entry_id, "document_id": d, "start": 0, "end": 20, "machine": True})
    with services.dossier.sessions.begin() as session:
        session.execute(insert(ChronologyEntry), entries)
        session.execute(insert(EntrySource), sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(Path(tmp) / "chronology.dossier")
        try:
            t0 = time.perf_counter()
            _fill(services, args.letters, actors=max(50, args.letters // 10))
            _fill_entries(services, args.letters)
            print(f"(filled {args.letters:,} letters and {3 * args.letters:,} entries in "
                  f"{time.perf_counter() - t0:.1f} s)")
            chron = services.chronology
            for label, call in (
                ("open (all entries)", lambda: chron.keys()),
                ("filter: one actor", lambda: chron.keys(actor="Person 00042")),
                ("filter: deadlines only", lambda: chron.keys(kinds=["deadline"])),
                ("filter: one year", lambda: chron.keys(date_from=dt.date(2014, 1, 1), date_to=dt.date(2014, 12, 31))),
                ("filter: text", lambda: chron.keys(text="item 4242")),
            ):
                keys, ms_keys = _timed(call)
                _, ms_rows = _timed(lambda keys=keys: chron.rows(keys[:BLOCK]))
                print(f"{label:<24} {len(keys):>7,} entries: keys {ms_keys:6.0f} ms + first {BLOCK} rows "
                      f"{ms_rows:5.0f} ms = {ms_keys + ms_rows:6.0f} ms")
        finally:
            services.close()


if __name__ == "__main__":
    main()
