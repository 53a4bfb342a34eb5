"""How long a reader takes over a file that is mostly what it must not read: an email with a big attachment.

    python -m benchmarks.bench_readers [--attachment-mb 8] [--runs 5]

The email reader drops attachments before it parses a message (only their names are kept), so a
covering email with an 8 MB attachment reads as fast as one without. Target: at most 5 s (a claim
that used to sit in a unit test, where a busy machine could break it); on an idle machine it takes
milliseconds. Beside it, the floor: one pass over the message's bytes (counting its lines, which
finding where the attachments start cannot do with less); and the standard library's parser reading the message whole,
attachments and all: what the reader would cost if it read them. Exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import email
import statistics
import sys
import time
from email import policy
from email.message import EmailMessage

from dossier.ingest import read_document

TARGET_S = 5.0


def covering_email(attachment_mb: int) -> bytes:
    """An invented covering email: a plain and an HTML body, a text attachment and a big binary one."""
    msg = EmailMessage()
    msg["From"] = "Orla Penhallow <orla.penhallow@example.org>"
    msg["To"] = "Tamsin Vey <t.vey@example.gov.uk>"
    msg["Date"] = "Tue, 04 Feb 2031 10:20:00 +0000"
    msg["Subject"] = "The survey you asked for"
    msg.set_content("Dear Tamsin,\n\nThe survey of the east wing is attached.\n\nOrla\n")
    msg.add_alternative("<p>Dear Tamsin,</p><p>The survey of the east wing is attached.</p><p>Orla</p>",
                        subtype="html")
    msg.add_attachment("NOTES THAT ARE NEVER READ", filename="notes.txt")
    msg.add_attachment(b"\x00" * (attachment_mb * 1024 * 1024), maintype="application",
                       subtype="octet-stream", filename="survey.bin")
    return msg.as_bytes()


def timed(run, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        out.append(time.perf_counter() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attachment-mb", type=int, default=8)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    data = covering_email(args.attachment_mb)
    extracted = read_document("covering.eml", data)
    if "NEVER READ" in extracted.text:
        print("the reader read an attachment", file=sys.stderr)
        return 1
    reader = timed(lambda: read_document("covering.eml", data), args.runs)
    floor = timed(lambda: data.count(b"\n"), args.runs)
    whole = timed(lambda: email.message_from_bytes(data, policy=policy.default).get_body(), args.runs)
    median = statistics.median(reader)
    print(f"email of {len(data) / 2**20:.1f} MB ({args.attachment_mb} MB attachment), {args.runs} runs")
    print(f"eml reader: median {median * 1000:.1f} ms, worst {max(reader) * 1000:.1f} ms "
          f"-> {'PASS' if max(reader) <= TARGET_S else 'FAIL'} (target {TARGET_S:.0f} s)")
    print(f"floor, one pass over the bytes: median {statistics.median(floor) * 1000:.1f} ms")
    print(f"standard library parsing it whole (attachments read): median {statistics.median(whole) * 1000:.1f} ms")
    return 0 if max(reader) <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
