"""Plain text files: UTF-8 (with or without BOM), UTF-16/32 with a BOM, BOM-less UTF-16, cp1252."""

from __future__ import annotations

import re

from dossier.domain.records import Extracted
from dossier.ingest.base import ReadError
from dossier.ingest.normalise import normalise_text

MEDIA_TYPE = "text/plain"

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_SAMPLE = 8192
# Characters no text file is made of: C0 controls other than tab, line ends and form feed, and DEL.
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_JUNK_SHARE = 0.05


def read_text(data: bytes) -> Extracted:
    text, paragraphs = normalise_text(decode_text(data))
    return Extracted(text=text, paragraphs=paragraphs, media_type=MEDIA_TYPE)


def decode_text(data: bytes) -> str:
    """Decode a text file's bytes; ReadError for binary content or bytes no encoding accepts."""
    encoding = _bom_encoding(data) or _bomless_utf16(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ReadError("cannot decode text") from exc
        _refuse_binary(text)
        return text
    _refuse_binary(data[:_SAMPLE].decode("latin-1"))
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("cannot decode text")


def decode_lenient(data: bytes, charset: str | None) -> str:
    """Decode bytes a sender labelled `charset` (maybe wrongly); never fails."""
    for encoding in (charset, "utf-8", "cp1252"):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("utf-8", errors="replace")


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a NUL in every other byte (for Latin text)."""
    half = min(len(data), _SAMPLE) // 2
    if half < 2:
        return None
    sample = data[: 2 * half]
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """Whether the start of `text` holds more control characters than any text file does."""
    sample = text[:_SAMPLE]
    return len(_JUNK.findall(sample)) > _JUNK_SHARE * len(sample)


def _refuse_binary(text: str) -> None:
    if looks_binary(text):
        raise ReadError("not a text file (binary content)")
