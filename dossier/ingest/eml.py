"""Email messages (.eml) through the standard library's `email` package.

The headers give the parties (From, To, Cc as "Name <address>" strings), the raw Date and the
Subject (the title). The body is the text/plain part, else the HTML part turned into text
the way a saved web page is (ingest/html.py: scripts, styles and page furniture dropped; nothing
remote is ever fetched). Attachments are skipped unread: their bodies are cut out of the raw
bytes before the `email` package parses the message, which would otherwise hold several copies
of a large attachment in memory (the stored original keeps them).

Quoted earlier messages stay in the text, but their paragraphs are flagged `quoted`: lines that
start with ">" (the markers are removed), and everything from an attribution line ("On ...
wrote:"), an "-----Original Message-----" or forwarded-message line, or an Outlook "From: /
Sent:" header block onwards.
"""

from __future__ import annotations

import contextlib
import email
import re
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesHeaderParser

from dossier.domain.records import Extracted, MessageHeaders
from dossier.ingest.base import ReadError
from dossier.ingest.html import html_to_text
from dossier.ingest.normalise import Section, clean_text, normalise_sections
from dossier.ingest.text import decode_lenient, looks_binary

MEDIA_TYPE = "message/rfc822"

_QUOTE_MARKS = re.compile(r"^\s*(?:>\s?)+")
_ATTRIBUTION = re.compile(r"On\b.{0,300}\bwrote:", re.DOTALL)
_SEPARATOR = re.compile(r"-{2,}\s*(?:original message|forwarded message)\s*-{2,}", re.IGNORECASE)
_RULE = re.compile(r"_{10,}")
_FOLD = re.compile(r"\r?\n[ \t]+")


def read_eml(data: bytes) -> Extracted:
    message = email.message_from_bytes(without_attachments(data), policy=policy.default)
    body = _body_text(message)
    if not message.keys() and (not body.strip() or looks_binary(body)):
        raise ReadError("not an email message")
    headers = message_headers(message)
    sections = quote_sections(body)
    names = attachment_names(message)
    if names:  # the attachments are not read, but their names belong to the message's text
        sections.append(Section("Attachments: " + "; ".join(names), quoted=False))
    text, paragraphs = normalise_sections(sections)
    return Extracted(text=text, paragraphs=paragraphs, media_type=MEDIA_TYPE, title=headers.subject,
                     headers=headers)


def quote_sections(body: str) -> list[Section]:
    """The body cut into runs of own and quoted lines (quote markers removed)."""
    lines = clean_text(body).split("\n")
    tail = _quoted_tail(lines)
    sections: list[Section] = []
    run: list[str] = []
    quoted = False
    for index, line in enumerate(lines):
        is_quoted = quoted if not line.strip() else index >= tail or line.lstrip().startswith(">")
        if is_quoted != quoted and run:
            sections.append(Section("\n".join(run), quoted=quoted))
            run = []
        quoted = is_quoted
        run.append(_QUOTE_MARKS.sub("", line) if is_quoted else line)
    if run:
        sections.append(Section("\n".join(run), quoted=quoted))
    return sections


def _quoted_tail(lines: list[str]) -> int:
    """Index of the line where an earlier message starts, or len(lines)."""
    for index, raw in enumerate(lines):
        line = raw.strip()
        if line.startswith(">"):
            continue
        after = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if _SEPARATOR.fullmatch(line) or _ATTRIBUTION.fullmatch(line) or _ATTRIBUTION.fullmatch(f"{line} {after}"):
            return index
        if line.startswith("From:") and any(next_line.strip().startswith("Sent:") for next_line in lines[index + 1:index + 4]):
            return index - 1 if index and _RULE.fullmatch(lines[index - 1].strip()) else index
    return len(lines)


# -- attachments ---------------------------------------------------------------------------------

def attachment_names(message: EmailMessage) -> list[str]:
    """The file names of a message's attachments, in order, each once (bodies are never read)."""
    names: list[str] = []
    for part in message.walk():
        name = part.get_filename() if part.get_content_disposition() == "attachment" else None
        name = " ".join((name or "").split())
        if name and name not in names:
            names.append(name)
    return names


_MAX_DEPTH = 16  # multiparts nested deeper are left as they are
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_KEEP_TYPES = ("text/", "multipart/", "message/")


def without_attachments(data: bytes) -> bytes:
    """The message with the bodies of its attachments and non-text parts left out.

    The body text is always a text part that is not an attachment, so the message reads the same.
    Anything that does not parse as expected is left as it was. Parts are found by offsets into
    `data`, so a large attachment is never copied.
    """
    view = memoryview(data)
    try:
        return b"".join(view[start:end] for start, end in _entity(data, 0, len(data), 0))
    except MemoryError:
        raise
    except Exception:  # headers the parser will not take: the email package copes on its own
        return data
    finally:
        view.release()


Spans = list[tuple[int, int]]  # pieces of the message to keep, as [start, end) offsets


def _entity(data: bytes, start: int, end: int, depth: int) -> Spans:
    """A MIME entity (headers, blank line, body) in data[start:end], with unwanted bodies dropped."""
    if data[start : start + 1] in (b"\n", b"\r"):  # no headers: a text/plain body
        return [(start, end)]
    found = _HEADER_END.search(data, start, end)
    if found is None:
        return [(start, end)]
    body = found.end()
    headers = BytesHeaderParser(policy=policy.compat32).parsebytes(data[start:body])
    content_type = headers.get_content_type()
    disposition = (headers.get("Content-Disposition") or "").split(";")[0].strip().lower()
    if disposition == "attachment" or not content_type.startswith(_KEEP_TYPES):
        return [(start, body)]
    if content_type == "message/rfc822" and depth < _MAX_DEPTH:  # a message forwarded whole: its own parts
        return [(start, body), *_entity(data, body, end, depth + 1)]
    boundary = headers.get_param("boundary") if content_type.startswith("multipart/") else None
    if not isinstance(boundary, str) or not boundary or depth >= _MAX_DEPTH:
        return [(start, end)]
    return [(start, body), *_multipart(data, body, end, boundary.encode("ascii"), depth)]


def _multipart(data: bytes, start: int, end: int, boundary: bytes, depth: int) -> Spans:
    """A multipart body: preamble, then each part between its delimiter lines, then the epilogue."""
    marker = b"--" + boundary
    delimiters = []  # where each delimiter line starts
    at = data.find(marker, start, end)
    while at >= 0:
        if at == start or data[at - 1] == 0x0A:
            delimiters.append(at)
        at = data.find(marker, at + len(marker), end)
    if not delimiters:
        return [(start, end)]
    spans = [(start, delimiters[0])]
    for n, line in enumerate(delimiters):
        line_end = data.find(b"\n", line, end)
        line_end = end if line_end < 0 else line_end + 1
        spans.append((line, line_end))
        following = delimiters[n + 1] if n + 1 < len(delimiters) else end
        closing = data[line + len(marker) : line + len(marker) + 2] == b"--"
        if closing or n + 1 == len(delimiters):  # the epilogue (or a message cut short)
            spans.append((line_end, following))
            continue
        # the line break before the next delimiter belongs to the delimiter
        tail = following
        if data[tail - 1 : tail] == b"\n" and tail - 1 >= line_end:
            tail -= 1
            if data[tail - 1 : tail] == b"\r" and tail - 1 >= line_end:
                tail -= 1
        spans += _entity(data, line_end, tail, depth + 1)
        spans.append((tail, following))
    return spans


# -- headers -------------------------------------------------------------------------------------


def message_headers(message: EmailMessage) -> MessageHeaders:
    """From, To, Cc, Date and Subject of a parsed message (or of headers alone)."""
    senders = _addresses(message, "From")
    return MessageHeaders(
        sender=senders[0] if senders else None,
        to=_addresses(message, "To"),
        cc=_addresses(message, "Cc"),
        date=_raw(message, "Date"),
        subject=_decoded(message, "Subject"),
    )


def _addresses(message: EmailMessage, name: str) -> tuple[str, ...]:
    """Each address as "Name <address>" (or the bare address); raw values if they will not parse."""
    try:
        found = [_address_text(address) for header in message.get_all(name, []) for address in header.addresses]
    except Exception:  # a header the parser cannot make sense of: keep what it says
        found = _raw_values(message, name)
    return tuple(address for address in found if address)


def _address_text(address: Address) -> str:
    """ "Name <user@host>", "user@host" or a bare name; the name unquoted ("Farrow, Gideon <...>")."""
    name = _one_line(address.display_name)
    if not address.domain:  # "From: Department for Education": a name where an address should be
        return name or _one_line(address.username).strip('"')
    spec = _one_line(address.addr_spec)
    return f"{name} <{spec}>" if name else spec


def _decoded(message: EmailMessage, name: str) -> str | None:
    """A header's value with encoded words decoded (the raw value if it will not parse)."""
    try:
        value = message.get(name)
        text = _one_line(str(value)) if value is not None else ""
    except Exception:
        return _raw(message, name)
    return text or None


def _raw(message: EmailMessage, name: str) -> str | None:
    """A header's first value as written (unfolded), without parsing it."""
    return next(iter(_raw_values(message, name)), None)


def _raw_values(message: EmailMessage, name: str) -> list[str]:
    lowered = name.lower()
    values = (_one_line(_FOLD.sub(" ", value)) for key, value in message.raw_items() if key.lower() == lowered)
    return [value for value in values if value]


def _one_line(value: str) -> str:
    """A header value on one clean line; raw 8-bit bytes in it are read as UTF-8 or cp1252."""
    with contextlib.suppress(UnicodeEncodeError):  # other surrogates: clean_text replaces them
        value = decode_lenient(value.encode("utf-8", "surrogateescape"), "utf-8")
    return " ".join(clean_text(value).split())


# -- body ----------------------------------------------------------------------------------------


def _body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = decode_lenient(payload, part.get_content_charset())
    return html_to_text(text) if part.get_content_subtype() == "html" else text
