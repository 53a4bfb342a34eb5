"""detect_metadata: a document's kind, own date, parties, title, reference and protective marking.

Pure and fast: one pass of line-level rules over the text (the party rules are a table in
party_rules.py, their layout primitives in parties.py).
Email headers (or From/To/Sent lines printed at the top of the text) take precedence over the body.
"""

from __future__ import annotations

import re

from dossier.analysis.dates import parse_date_line
from dossier.analysis.docdate import document_date
from dossier.analysis.kind import detect_kind
from dossier.analysis.parties import (
    Layout,
    build_layout,
    find_closing_signature,
    find_sign_off_signature,
    printed_headers,
)
from dossier.analysis.party_rules import Reading, read_parties
from dossier.domain.records import DetectedMetadata, DocumentKind, MessageHeaders

_MARKING = re.compile(
    r"^(?P<base>TOP\s+SECRET|SECRET|OFFICIAL(?:\s*[-–—:]?\s*SENSITIVE)?|RESTRICTED|CONFIDENTIAL|PROTECT)"
    r"(?:\s*[-–—:]\s*[A-Z][A-Z ]{2,30})?$")
_REFERENCE = re.compile(
    r"^(?:our\s+ref(?:erence)?|ref(?:erence)?(?:\s+no\.?|\s+number)?|case\s+ref(?:erence)?|file\s+ref)"
    r"\s*[:.]?\s*(?P<ref>\S.*?)\s*$", re.IGNORECASE)
_REF_STOP = re.compile(r"\s{2,}|\t|\s+your\s+ref|\s+date\b", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:re|subject|subj)\s*[:.\-–]\s*(?P<title>\S.{2,200})$", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")


def find_marking(layout: Layout) -> str | None:
    """A protective marking in capitals alone on one of the first or last lines."""
    edge = layout.nonblank[:3] + layout.nonblank[-3:]
    for i in edge:
        m = _MARKING.match(layout.lines[i])
        if m:
            base = " ".join(m.group("base").split())
            if base.startswith("OFFICIAL") and "SENSITIVE" in base:
                return "OFFICIAL-SENSITIVE"
            return base
    return None


def find_reference(layout: Layout) -> str | None:
    """"Our ref: X" / "Ref: X" / "Reference: X" in the head or the last lines (not "Your ref")."""
    for i in layout.nonblank[:40] + layout.nonblank[-10:]:
        m = _REFERENCE.match(layout.lines[i])
        if not m:
            continue
        ref = _REF_STOP.split(m.group("ref"), maxsplit=1)[0].strip(" .,;")
        if ref and len(ref) <= 40 and len(ref.split()) <= 4 and any(c.isdigit() or c == "/" for c in ref):
            return ref
    return None


def find_title(layout: Layout, kind: DocumentKind, headers: MessageHeaders | None) -> str | None:
    """The email subject, a "Re:"/"Subject:" line, or the heading of an article, minutes, note or report."""
    if headers is not None and headers.subject:
        return " ".join(headers.subject.split())
    zone = [i for i in layout.nonblank if i < layout.head_end]
    if layout.salutation is not None:
        zone += [i for i in layout.nonblank if i > layout.salutation.index][:3]
    for i in zone:
        m = _SUBJECT.match(layout.lines[i])
        if m:
            return m.group("title").strip()
    if kind in (DocumentKind.ARTICLE, DocumentKind.MINUTES, DocumentKind.NOTE, DocumentKind.REPORT):
        for i in layout.nonblank[:3]:
            line = layout.lines[i]
            if _MARKING.match(line) or parse_date_line(line):
                continue
            if len(line) <= 200 and not line.endswith("."):
                return line
            break
    return None


def _is_email_like(headers: MessageHeaders) -> bool:
    """Printed headers are an email's (not a memo's) when they carry an address or a send time."""
    values = " ".join(v for v in (headers.sender, *headers.to, *headers.cc) if v)
    return "@" in values or bool(headers.date and _CLOCK.search(headers.date))


def detect_metadata(text: str, *, headers: MessageHeaders | None = None, file_name: str = "",
                    media_type: str = "") -> DetectedMetadata:
    """Everything analysis can tell about a document from its text (and email headers, if any)."""
    layout = build_layout(text)
    printed = printed_headers(layout) if headers is None else None
    source = headers or printed
    is_email = headers is not None or (printed is not None and _is_email_like(printed))
    sign_off = find_sign_off_signature(layout)
    closing = None if sign_off else find_closing_signature(layout)
    signed = sign_off or closing
    kind = detect_kind(text, is_email=is_email, has_salutation=layout.salutation is not None,
                       has_signature=signed is not None, file_name=file_name, media_type=media_type)
    header = source.date if source is not None else None
    dated = document_date(text, layout, kind, header=header, printed=headers is None)
    parties = read_parties(Reading(text, layout, kind, source, printed=headers is None, sign_off=sign_off,
                                   closing=closing))
    return DetectedMetadata(
        kind=kind,
        date=dated.date if dated else None,
        sender=parties.sender,
        sender_post=parties.sender_post,
        recipients=parties.recipients,
        cc=parties.cc,
        title=find_title(layout, kind, source),
        reference=find_reference(layout),
        marking=find_marking(layout),
        evidence=((("date", dated.evidence),) if dated else ()) + parties.evidence,
    )
