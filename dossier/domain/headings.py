"""A document's heading: what every list, reader and briefing shows for it.

The title a user gave, or the subject line analysis found, is the heading. Without one, the heading is
built from what is known of the document: its kind, its parties and its date ("Letter from Ann Roe to
Sam Doe, 3 Mar 2019", "Minutes of the Transport Board, 9 Oct 2020", "Article, 3 Mar 2019"). A stored
file name is never a heading: a title that is only a file name is passed over, and a document of which
nothing is known reads "Letter, undated (D12)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.domain.dates import PartialDate
from dossier.domain.records import DocumentKind

_NOUN = {
    DocumentKind.LETTER: "Letter", DocumentKind.EMAIL: "Email", DocumentKind.ARTICLE: "Article",
    DocumentKind.MINUTES: "Minutes", DocumentKind.NOTE: "Note", DocumentKind.REPORT: "Report",
    DocumentKind.OTHER: "Document",
}
# the word before a sender: a letter is "from" its writer, an article or a report "by" its author
_BY = {DocumentKind.ARTICLE: "by", DocumentKind.REPORT: "by", DocumentKind.NOTE: "by"}
# what a file name looks like: a name ending in a document's extension, a word processor's
# "Microsoft Word - x.docx", or a run of hex digits ("000_79d4facf50142c17")
_FILE_NAME = re.compile(
    r"\.(?:txt|pdf|docx?|eml|msg|rtf|odt|html?|xlsx?|pptx?)\s*$|^microsoft\s+word\s*-|^[\w-]*[0-9a-f]{12,}[\w-]*$",
    re.IGNORECASE)
# a minutes heading that names the body but not the day: "Minutes of the Transport Board"
_MINUTES_OF = re.compile(r"^minutes\s+of\s+\S", re.IGNORECASE)


def is_file_name(title: str) -> bool:
    """A title that is only a file name (never a heading)."""
    return bool(_FILE_NAME.search(title.strip()))


def _names(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} and others"


def built_heading(kind: DocumentKind, *, sender: str | None = None, recipients: Sequence[str] = (),
                  date: PartialDate | None = None, number: int | None = None) -> str:
    """The heading of a document without a title, from its kind, parties and date."""
    noun = _NOUN.get(kind, "Document")
    recipients = [r for r in recipients if r and r.strip()]
    when = date.display() if date else "undated"
    if kind is DocumentKind.MINUTES:
        head = f"Minutes of {sender}" if sender else "Minutes"
    else:
        head = noun
        if sender:
            head += f" {_BY.get(kind, 'from')} {sender}"
        if recipients and kind not in (DocumentKind.ARTICLE, DocumentKind.REPORT):
            head += f" to {_names(recipients)}"
    if head == noun and date is None and number is not None:
        return f"{noun}, undated (D{number})"  # nothing known: the number tells two apart
    return f"{head}, {when}"


def document_heading(kind: DocumentKind, *, title: str | None = None, sender: str | None = None,
                     recipients: Sequence[str] = (), date: PartialDate | None = None,
                     number: int | None = None) -> str:
    """What a document is shown as: its title, else a heading built from kind, parties and date."""
    title = " ".join((title or "").split())
    if title and not is_file_name(title):
        if kind is DocumentKind.MINUTES and _MINUTES_OF.match(title) and not any(c.isdigit() for c in title) \
                and date is not None:
            return f"{title}, {date.display()}"  # "Minutes of the Transport Board, 9 Oct 2020"
        return title
    return built_heading(kind, sender=sender, recipients=recipients, date=date, number=number)
