"""Dating undated documents by the documents that quote, cite or attach them, on letters never seen.

    python -m benchmarks.bench_chronology_links [--count 300] [--seed 11] [--keep DIR]

Generates letters (generate.py), then writes, for some of them, a later document that quotes,
cites or attaches it, each in one of these shapes:

- an email reply (.eml) whose quoted part is the whole letter ("On ..., X wrote:" and "> " lines);
- a news item quoting one long sentence of the letter in quotation marks;
- a reply letter giving the letter's reference ("Your ref: ...");
- a covering email attaching the letter by its file name ("Attachments: bench_00012.txt").

Everything is filed into a fresh dossier. For every document, the date proposal's links are then
compared with what was written: recall (the links found of those made) and precision (links found
that were made), with the time per proposal. The generator builds letters from stock sentences, so
precision says whether common wording is mistaken for a quote; and a news item's sentence that
several letters hold word for word cannot be traced to one of them (by design it is left
unlinked): the news items are also counted apart for sentences only their letter holds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import tempfile
import time
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from benchmarks.generate import generate
from dossier.analysis.quoting import words
from dossier.services import open_services

SHAPES = ("email reply", "news item", "reply citing the reference", "covering email")
_SENTENCE = re.compile(r"[^.!?]*[.!?]")


def _body(text: str) -> str:
    """The letter from its salutation on (a news item quotes from there)."""
    start = text.find("Dear ")
    return text[start:] if start >= 0 else text


def _long_sentence(text: str, rng: random.Random) -> str | None:
    sentences = [" ".join(s.split()) for s in _SENTENCE.findall(_body(text))]
    sentences = [s for s in sentences if len(s.split()) >= 20]
    return rng.choice(sentences) if sentences else None


def _write_later(folder: Path, n: int, name: str, text: str, truth: dict, shape: str,
                 rng: random.Random) -> str | None:
    """Write a document made after letter `name` in one shape; its file name, or None if the
    letter offers nothing for that shape (no reference, no sentence long enough)."""
    sent = dt.date.fromisoformat(truth["date"]["value"]) if truth["date"]["precision"] == "day" else None
    if sent is None:
        return None
    later = sent + dt.timedelta(days=rng.randint(3, 40))
    sender, recipient = truth["sender"] or "The Minister", (truth["recipients"] or ["The Council"])[0]
    if shape in ("email reply", "covering email"):
        msg = EmailMessage()
        msg["From"] = f"{recipient} <{recipient.lower().replace(' ', '.')}@council.example>"
        msg["To"] = f"{sender} <{sender.lower().replace(' ', '.')}@dept.example>"
        msg["Date"] = format_datetime(dt.datetime.combine(later, dt.time(9, 30), dt.UTC))
        if shape == "email reply":
            msg["Subject"] = f"RE: {truth['subject'] or 'your letter'}"
            quoted = "\n".join("> " + line for line in text.splitlines())
            body = (f"Thank you for your letter, which I have shared with the cabinet.\n\n{recipient}\n\n"
                    f"On {sent:%d %b %Y}, {sender} wrote:\n{quoted}\n")
        else:
            msg["Subject"] = "Papers for the scrutiny committee"
            body = (f"Attachments: {name}\n\nDear colleagues,\n\nPlease find the Minister's letter attached for "
                    f"the committee's papers.\n\n{recipient}\n")
        msg.set_content(body)
        out = f"later_{n:05d}.eml"
        (folder / out).write_bytes(msg.as_bytes())
        return out
    if shape == "news item":
        sentence = _long_sentence(text, rng)
        if sentence is None:
            return None
        body = (f"Council told to speed up improvement\n\n{later.day} {later:%B %Y}\n\n"
                f"{sender} told the council in a letter: \u201c{sentence}\u201d\n\n"
                "A council spokesperson said it would respond in due course.\n")
    else:
        if not truth.get("reference"):
            return None
        body = (f"Your ref: {truth['reference']}\n\n{later.day} {later:%B %Y}\n\nDear {sender},\n\n"
                f"Thank you for your letter. The cabinet will consider it at its next meeting.\n\n"
                f"Yours sincerely,\n\n{recipient}\n")
    out = f"later_{n:05d}.txt"
    (folder / out).write_text(body, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300, help="letters to generate")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep the letters and the dossier")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or Path(scratch)
        folder = Path(tmp) / "letters"
        generate(folder, args.count, formats=("txt",), seed=args.seed)
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["documents"]
        made: dict[tuple[str, str], str] = {}  # (letter, later document) -> shape
        for n, name in enumerate(sorted(truth)):
            if rng.random() < 0.5:
                shape = SHAPES[n % len(SHAPES)]
                later = _write_later(folder, n, name, (folder / name).read_text(encoding="utf-8"), truth[name],
                                     shape, rng)
                if later:
                    made[(name, later)] = shape
        services = open_services(Path(tmp) / "links.dossier")
        try:
            results = services.documents.file_paths(sorted(p for p in folder.iterdir() if p.name != "truth.json"))
            doc_of = {Path(r.path).name: r.document_id for r in results if r.document_id}
            name_of = {v: k for k, v in doc_of.items()}
            found: set[tuple[str, str]] = set()
            wrong: list[str] = []
            t0 = time.perf_counter()
            for name, doc_id in doc_of.items():
                for link in services.chronology.propose_date(doc_id).links:
                    pair = (name, name_of[link.document_id]) if link.later else (name_of[link.document_id], name)
                    if pair in made:
                        found.add(pair)
                    else:
                        wrong.append(f"{name} {link.relation} {name_of[link.document_id]}")
            per = (time.perf_counter() - t0) * 1000 / max(1, len(doc_of))
            letters = {n: " " + " ".join(w for w, _ in words((folder / n).read_text(encoding="utf-8"))) + " "
                       for n in truth}
            unique = []  # news items whose sentence no other letter holds
            for (letter, later), shape in made.items():
                if shape == "news item":
                    quote = (folder / later).read_text(encoding="utf-8").split("\u201c")[1].split("\u201d")[0]
                    phrase = " " + " ".join(w for w, _ in words(quote)) + " "
                    if sum(1 for text in letters.values() if phrase in text) == 1:
                        unique.append((letter, later))
            print(f"{len(doc_of)} documents filed; {len(made)} later documents quote, cite or attach a letter")
            for shape in SHAPES:
                pairs = [p for p, s in made.items() if s == shape]
                hits = sum(1 for p in pairs if p in found)
                print(f"  {shape:<28} {hits:>4} of {len(pairs):>4} found")
            print(f"  {'(news, one letter holds it)':<28} {sum(1 for p in unique if p in found):>4} of "
                  f"{len(unique):>4} found")
            recall = len(found) / max(1, len(made))
            print(f"recall {recall:.1%}; links found that were not made: {len(wrong)}; "
                  f"{per:.0f} ms per proposal on average")
            for line in wrong[:10]:
                print("  not made:", line)
        finally:
            services.close()


if __name__ == "__main__":
    main()
