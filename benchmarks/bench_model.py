"""What opening a big documents table costs: fill a dossier with many tiny documents, then time the list.

    python -m benchmarks.bench_model [--count 100000] [--via services] [--dossier FILE] [--batch 2000]

Filling: by default through the repository (`dossier.db.documents_repo.insert_document`, the same write
the import service makes, full-text index included) in batches of --batch documents per transaction,
which skips reading and analysis so 100,000 documents take minutes, not an hour. `--via services`
files tiny .txt files through `services.documents.file_paths` instead (the real path, much slower).
`--dossier FILE` keeps the filled dossier there and reuses it on the next run.

Then, on a freshly opened dossier, it times what the documents table does when it opens and sorts:
`ids()` per sort key, `rows()` of the first block of 256 ids and of a block in the middle, a text filter,
and stats(); each as the first run and the best of 5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import file_size, first_and_best, megabytes, ms, open_fresh, timed
from benchmarks.generate import FEMALE, MALE, PLACES, SURNAMES, TOPICS

FIRST_BLOCK = 256


def tiny_letter(rng: random.Random, n: int) -> dict[str, Any]:
    """A few lines of text and the metadata analysis would give it."""
    def person() -> str:
        return f"{rng.choice(FEMALE + MALE)} {rng.choice(SURNAMES)}"

    day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(14 * 365))
    sender, recipients = person(), [person() for _ in range(rng.choice((1, 1, 1, 2)))]
    cc = [person() for _ in range(rng.choice((0, 0, 1, 2)))]
    topic = rng.choice(TOPICS)[0].format(place=rng.choice(PLACES))
    text = (f"{day.day} {day:%B} {day.year}\n\nDear {recipients[0].split()[0]},\n\n"
            f"I am writing about {topic} (note {n}).\n\nYours sincerely,\n\n{sender}")
    return {"day": day, "sender": sender, "recipients": recipients, "cc": cc, "title": topic[0].upper() + topic[1:],
            "text": text, "kind": rng.choice(("letter", "letter", "letter", "email", "note"))}


def fill_via_repository(services: Any, count: int, batch: int, seed: int) -> None:
    from dossier.db import documents_repo as repo
    from dossier.domain.dates import PartialDate
    from dossier.domain.records import DocumentKind, DocumentMetadata, DocumentStatus, ParagraphSpan

    rng = random.Random(f"bench-model:{seed}")
    sessions = services.dossier.sessions
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    start = time.perf_counter()
    for first in range(0, count, batch):
        with sessions.begin() as session:
            for n in range(first, min(count, first + batch)):
                t = tiny_letter(rng, n)
                data = t["text"].encode("utf-8")
                spans, pos = [], 0
                for number, para in enumerate(t["text"].split("\n\n"), 1):
                    spans.append(ParagraphSpan(number, pos, pos + len(para)))
                    pos += len(para) + 2
                meta = DocumentMetadata(
                    kind=DocumentKind(t["kind"]), date=PartialDate.from_date(t["day"], text=str(t["day"])),
                    title=t["title"], sender=t["sender"], recipients=tuple(t["recipients"]), cc=tuple(t["cc"]),
                )
                repo.insert_document(
                    session, sha256=hashlib.sha256(data).hexdigest(), file_name=f"tiny_{n:06d}.txt",
                    media_type="text/plain", data=data, text=t["text"], paragraphs=spans, page_count=None,
                    status=DocumentStatus.OK, metadata=meta, sender_post=None, filed_at=now,
                )
        done = min(count, first + batch)
        rate = done / (time.perf_counter() - start)
        print(f"\r  filled {done:>7} of {count} ({rate:.0f}/s)", end="", flush=True)
    print()


def fill_via_services(services: Any, count: int, folder: Path, seed: int) -> None:
    rng = random.Random(f"bench-model:{seed}")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"tiny_{n:06d}.txt"
        path.write_text(tiny_letter(rng, n)["text"], encoding="utf-8")
        paths.append(path)
    start = time.perf_counter()

    def progress(done: int, total: int, _name: str) -> None:
        if done % 1000 == 0 or done == total:
            rate = done / max(1e-9, time.perf_counter() - start)
            print(f"\r  filed {done:>7} of {total} ({rate:.0f}/s)", end="", flush=True)

    services.documents.file_paths(paths, progress=progress)
    print()


def print_timings(services: Any) -> None:
    docs = services.documents
    print(f"  {'':34}{'first':>11}{'best of 5':>13}")

    def show(label: str, fn: Any) -> Any:
        result, first, best = first_and_best(fn)
        print(f"  {label:<34}{ms(first):>11}{ms(best):>13}")
        return result

    ids = show("ids(sort='date')", lambda: docs.ids(sort="date"))
    show(f"rows(first {FIRST_BLOCK} ids)", lambda: docs.rows(ids[:FIRST_BLOCK]))
    middle = len(ids) // 2
    show(f"rows({FIRST_BLOCK} ids mid-table)", lambda: docs.rows(ids[middle:middle + FIRST_BLOCK]))
    show("ids(sort='date', descending)", lambda: docs.ids(sort="date", descending=True))
    for key in ("sender", "recipients", "title", "kind", "file_name"):
        show(f"ids(sort='{key}')", lambda key=key: docs.ids(sort=key))
    show("ids(text_filter='kellingford')", lambda: docs.ids(text_filter="kellingford"))
    show("stats()", docs.stats)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_model", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--via", choices=("repository", "services"), default="repository",
                        help="fill through the repository (fast, default) or by filing tiny .txt files")
    parser.add_argument("--batch", type=int, default=2000, help="documents per transaction when filling "
                        "through the repository")
    parser.add_argument("--dossier", type=Path, help="keep the filled dossier here; reuse it if it exists")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="dossier-bench-model-"))
    try:
        path = args.dossier or work / "model.dossier"
        if path.exists():
            print(f"Reusing {path.name} (delete it to fill again)")
        else:
            services = open_fresh(path)
            try:
                print(f"Filling a new dossier with {args.count:,} tiny documents via {args.via}")
                if args.via == "services":
                    _none, seconds = timed(lambda: fill_via_services(services, args.count, work / "tiny", args.seed))
                else:
                    _none, seconds = timed(lambda: fill_via_repository(services, args.count, args.batch,
                                                                       args.seed))
                print(f"  filled in {seconds:.1f} s ({args.count / seconds:.0f} documents/s)")
            finally:
                services.close()
        services, seconds = timed(lambda: open_fresh(path))
        try:
            n = services.documents.stats().documents
            print(f"Opening the documents table: {n:,} documents, {megabytes(file_size(path))}; "
                  f"dossier opened in {seconds * 1000:.0f} ms")
            print_timings(services)
        finally:
            services.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
