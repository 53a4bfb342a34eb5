"""detect_metadata: a document's kind, own date, parties, title, reference and protective marking.

Pure and fast: one pass of line-level rules over the text (see parties.py for the layout rules).
Email headers (or From/To/Sent lines printed at the top of the text) take precedence over the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.analysis.dates import parse_date_line
from dossier.analysis.docdate import document_date
from dossier.analysis.kind import detect_kind
from dossier.analysis.names import same_person
from dossier.analysis.parties import (
    Layout,
    Signed,
    build_layout,
    cc_from_lines,
    cc_from_sentence,
    find_byline,
    find_closing_signature,
    find_sign_off_signature,
    footer_names,
    fuller_form,
    head_names,
    letterhead_sender,
    people_in_header,
    printed_headers,
    recipients_from_head,
    unique,
)
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


@dataclass(frozen=True, slots=True)
class Parties:
    sender: str | None = None
    sender_post: str | None = None
    recipients: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()


def _is_email_like(headers: MessageHeaders) -> bool:
    """Printed headers are an email's (not a memo's) when they carry an address or a send time."""
    values = " ".join(v for v in (headers.sender, *headers.to, *headers.cc) if v)
    return "@" in values or bool(headers.date and _CLOCK.search(headers.date))


def parties_from_headers(headers: MessageHeaders, signed: Signed | None, layout: Layout, flat: str, *,
                         printed: bool) -> Parties:
    """From/To/Cc headers; the body fills in the sender's post, a missing To and copy sentences.

    Headers `printed` in the text keep only person names ("To: Ann Roe, Chief Executive")."""
    senders = people_in_header([headers.sender] if headers.sender else [], prettify_address=True, strict=printed)
    sender = senders[0] if senders else (signed.name if signed else None)
    post = signed.post if signed and sender and same_person(signed.name, sender) else None
    recipients = people_in_header(headers.to, prettify_address=False, strict=printed)
    if not recipients and layout.salutation is not None:
        recipients = list(layout.salutation.names)
    cc = people_in_header(headers.cc, prettify_address=False, strict=printed)
    cc += [fuller_form(n, flat) for n in unique(cc_from_sentence(flat))]
    return Parties(sender, post, tuple(recipients), tuple(unique(cc)))


def parties_from_layout(layout: Layout, signed: Signed | None, flat: str) -> Parties:
    """Signature (else letterhead) for the sender, salutation and address block for the recipient,
    copy sentences and cc lines for the copy list."""
    names = head_names(layout)
    sender, post = (signed.name, signed.post) if signed else (None, None)
    if sender is None:
        top = letterhead_sender(layout, names)
        greeted = layout.salutation.names if layout.salutation else ()
        if top is not None and not any(same_person(g, top.name) for g in greeted):
            sender, post = top.name, top.post
    if sender is not None and post is None:
        post = next((h.post for h in names if h.post and same_person(sender, h.name)), None)
    footer = footer_names(layout, signed.index if signed else layout.head_end)
    recipients = recipients_from_head(layout, names, sender, footer)
    if sender is not None:
        recipients = [r for r in recipients if r != sender]
    cc = [fuller_form(n, flat) for n in unique(cc_from_sentence(flat) + cc_from_lines(layout.lines))]
    cc = [n for n in unique(cc) if n not in recipients]
    return Parties(sender, post, tuple(recipients), tuple(cc))


def detect_metadata(text: str, *, headers: MessageHeaders | None = None, file_name: str = "",
                    media_type: str = "") -> DetectedMetadata:
    """Everything analysis can tell about a document from its text (and email headers, if any)."""
    layout = build_layout(text)
    flat = " ".join(text.split())
    printed = printed_headers(layout) if headers is None else None
    source = headers or printed
    is_email = headers is not None or (printed is not None and _is_email_like(printed))
    signed = find_sign_off_signature(layout) or find_closing_signature(layout)
    kind = detect_kind(text, is_email=is_email, has_salutation=layout.salutation is not None,
                       has_signature=signed is not None, file_name=file_name, media_type=media_type)
    if source is not None:
        dated = document_date(text, layout, kind, header=source.date, printed=headers is None)
        parties = parties_from_headers(source, signed, layout, flat, printed=headers is None)
    elif kind is DocumentKind.ARTICLE:  # an article has an author (byline), not a sender
        dated = document_date(text, layout, kind)
        byline = find_byline(layout)
        parties = Parties(byline.name, byline.post) if byline else Parties()
    else:
        dated = document_date(text, layout, kind)
        parties = parties_from_layout(layout, signed, flat)
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
        evidence=(("date", dated.evidence),) if dated else (),
    )
