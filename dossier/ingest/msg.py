"""Outlook messages (.msg): the OLE container read with olefile (BSD), the MAPI properties as
[MS-OXMSG] lays them out.

Each property is a stream named __substg1.0_<id><type> (type 001F: UTF-16; 001E: 8-bit in the
message's code page; 0102: bytes); fixed-size ones (numbers, times) sit in the
__properties_version1.0 stream. The parties, date and subject come out as an .eml's do:

- when the message kept the headers it travelled with (PR_TRANSPORT_MESSAGE_HEADERS, 007D), they
  are read by the .eml reader's own header handling;
- otherwise, and for anything those headers lack: the sender's name (0C1A) and address (5D01,
  else 0C1F or 0065 if it is an internet address), the recipients from each recipient's storage
  (name 3001, address 39FE or 3003, To or Cc by PR_RECIPIENT_TYPE) or else the display lists
  (0E04 To, 0E03 Cc), the subject (0037) and the time it was sent (0039, else delivered: 0E06).

The body is the plain text (1000), else the HTML (1013) read as a web page is, else the
compressed RTF (1009, unpacked with compressed-rtf, MIT) read as an .rtf file is. Quoted earlier
messages are flagged and attachments are named, not read, as for .eml.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
from email import policy
from email.message import EmailMessage
from email.parser import HeaderParser
from email.utils import format_datetime, formataddr

import olefile

from dossier.domain.records import Extracted
from dossier.ingest.base import ReadError
from dossier.ingest.eml import message_headers, quote_sections
from dossier.ingest.html import decode_html, html_to_text
from dossier.ingest.normalise import Section, normalise_sections
from dossier.ingest.text import decode_lenient

MEDIA_TYPE = "application/vnd.ms-outlook"

_STRING, _STRING8, _BINARY, _LONG, _SYSTIME = 0x001F, 0x001E, 0x0102, 0x0003, 0x0040
_TO, _CC = 1, 2
_TOP_HEADER = 32  # bytes before the first property entry in the message's own properties stream
_SUB_HEADER = 8  # ... in a recipient's or an attachment's
_FILETIME_EPOCH = dt.datetime(1601, 1, 1, tzinfo=dt.UTC)
_RECIPIENT = re.compile(r"__recip_version1\.0_#[0-9A-Fa-f]{8}")
_OFFICE_STREAMS = ("WordDocument", "Workbook", "Book", "PowerPoint Document", "VisioDocument", "EncryptedPackage")
_ATTACHMENT = re.compile(r"__attach_version1\.0_#[0-9A-Fa-f]{8}")


def read_msg(data: bytes) -> Extracted:
    if not olefile.isOleFile(data=data):
        raise ReadError("not an Outlook message")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            message = _Message(ole)
            if not message.is_message():
                raise ReadError("not an Outlook message (another kind of Office file)" if message.is_office_file()
                                else "cannot read Outlook message (damaged or incomplete file)")
            headers = message_headers(message.header_block())
            body = message.body()
            names = message.attachment_names()
    except ReadError:
        raise
    except (OSError, ValueError, TypeError, IndexError, KeyError, struct.error, NotImplementedError) as exc:
        raise ReadError("cannot read Outlook message (damaged file)") from exc
    sections = quote_sections(body)
    if names:  # the attachments are not read, but their names belong to the message's text
        sections.append(Section("Attachments: " + "; ".join(names), quoted=False))
    text, paragraphs = normalise_sections(sections)
    return Extracted(text=text, paragraphs=paragraphs, media_type=MEDIA_TYPE, title=headers.subject,
                     headers=headers)


class _Message:
    """The properties of one message in an OLE container (its root storage)."""

    def __init__(self, ole: olefile.OleFileIO) -> None:
        self._ole = ole
        self._fixed = _fixed_properties(self._stream([], "__properties_version1.0"), _TOP_HEADER)
        page = self._fixed.get((0x3FFD, _LONG)) or self._fixed.get((0x3FDE, _LONG))
        self._encoding = "utf-8" if page == 65001 else (f"cp{page}" if page else "cp1252")

    def is_message(self) -> bool:
        return any(entry[0].startswith("__substg1.0_") for entry in self._ole.listdir()) and (
            self._ole.exists("__properties_version1.0"))

    def is_office_file(self) -> bool:
        return any(self._ole.exists(name) for name in _OFFICE_STREAMS)

    # -- headers ---------------------------------------------------------------------------------

    def header_block(self) -> EmailMessage:
        """The transport headers, with what they lack filled in from the MAPI properties."""
        raw = self._string([], 0x007D) or ""
        message = HeaderParser(policy=policy.default).parsestr(raw.lstrip(), headersonly=True)
        assert isinstance(message, EmailMessage)
        to, cc = self._recipients()
        found = {
            "From": self._sender(),
            "To": ", ".join(to),
            "Cc": ", ".join(cc),
            "Date": self._date(),
            "Subject": self._string([], 0x0037),
        }
        for name, value in found.items():
            if value and not message.get_all(name):
                message[name] = " ".join(value.split())
        return message

    def _sender(self) -> str | None:
        name = self._string([], 0x0C1A) or self._string([], 0x0042)
        address = next((a for pid in (0x5D01, 0x5D02, 0x0C1F, 0x0065)
                        if (a := self._string([], pid)) and "@" in a), None)
        return _address(name, address) if name or address else None

    def _recipients(self) -> tuple[list[str], list[str]]:
        to: list[str] = []
        cc: list[str] = []
        storages = sorted(entry[0] for entry in self._ole.listdir(streams=False, storages=True)
                          if len(entry) == 1 and _RECIPIENT.fullmatch(entry[0]))
        for storage in storages:
            name = self._string([storage], 0x3001)
            address = next((a for pid in (0x39FE, 0x3003) if (a := self._string([storage], pid)) and "@" in a), None)
            kind = _fixed_properties(self._stream([storage], "__properties_version1.0"), _SUB_HEADER).get(
                (0x0C15, _LONG), _TO)
            if name or address:
                (cc if kind == _CC else to if kind == _TO else []).append(_address(name, address))
        if not storages:  # only the display lists: names, no addresses
            to = [_address(n.strip(), None) for n in (self._string([], 0x0E04) or "").split(";") if n.strip()]
            cc = [_address(n.strip(), None) for n in (self._string([], 0x0E03) or "").split(";") if n.strip()]
        return to, cc

    def _date(self) -> str | None:
        stamp = self._fixed.get((0x0039, _SYSTIME)) or self._fixed.get((0x0E06, _SYSTIME))
        if not stamp:
            return None
        try:
            return format_datetime(_FILETIME_EPOCH + dt.timedelta(microseconds=stamp // 10))
        except OverflowError:
            return None

    # -- body and attachments ----------------------------------------------------------------------

    def body(self) -> str:
        plain = self._string([], 0x1000)
        if plain and plain.strip():
            return plain
        html = self._stream([], "__substg1.0_10130102") or self._stream([], "__substg1.0_1013001F")
        if html:
            page = html.decode("utf-16-le", "replace") if self._ole.exists("__substg1.0_1013001F") else (
                decode_html(html) if b"charset" in html[:4096].lower() else decode_lenient(html, self._encoding))
            return html_to_text(page)
        packed = self._stream([], "__substg1.0_10090102")
        if packed:
            return _rtf_body(packed)
        return ""

    def attachment_names(self) -> list[str]:
        names: list[str] = []
        storages = sorted(entry[0] for entry in self._ole.listdir(streams=False, storages=True)
                          if len(entry) == 1 and _ATTACHMENT.fullmatch(entry[0]))
        for storage in storages:
            name = self._string([storage], 0x3707) or self._string([storage], 0x3704) or self._string([storage], 0x3001)
            name = " ".join((name or "").split())
            if name and name not in names:
                names.append(name)
        return names

    # -- streams -------------------------------------------------------------------------------------

    def _stream(self, storage: list[str], name: str) -> bytes:
        path = [*storage, name]
        if not self._ole.exists("/".join(path)) or self._ole.get_type(path) != olefile.STGTY_STREAM:
            return b""
        with self._ole.openstream(path) as handle:
            return handle.read()

    def _string(self, storage: list[str], pid: int) -> str | None:
        wide = self._stream(storage, f"__substg1.0_{pid:04X}{_STRING:04X}")
        if wide:
            return wide.decode("utf-16-le", "replace").rstrip("\0") or None
        narrow = self._stream(storage, f"__substg1.0_{pid:04X}{_STRING8:04X}")
        return decode_lenient(narrow, self._encoding).rstrip("\0") or None if narrow else None


def _fixed_properties(stream: bytes, header: int) -> dict[tuple[int, int], int]:
    """(property id, type) -> value of the fixed-size properties (numbers and times)."""
    found: dict[tuple[int, int], int] = {}
    for at in range(header, len(stream) - 15, 16):
        kind, pid, _flags, value = struct.unpack_from("<HHIQ", stream, at)
        if kind == _LONG:
            value &= 0xFFFFFFFF
        found.setdefault((pid, kind), value)
    return found


def _address(name: str | None, address: str | None) -> str:
    """A party as a header would carry it: "Name <address>", a bare address or a quoted name."""
    name = " ".join((name or "").split())
    if not address:
        return formataddr((name, "")).removesuffix(" <>") if name else ""
    return formataddr((name, address.strip())) if name and name != address else address.strip()


def _rtf_body(packed: bytes) -> str:
    from compressed_rtf import decompress

    from dossier.ingest.rtf import rtf_lines

    try:
        rtf = decompress(packed)
    except Exception as exc:  # the library's own errors are plain Exceptions
        raise ReadError("cannot read Outlook message (damaged RTF body)") from exc
    try:
        lines, _ = rtf_lines(rtf)
    except ReadError as exc:
        raise ReadError("cannot read Outlook message (damaged RTF body)") from exc
    return "\n".join(lines)
