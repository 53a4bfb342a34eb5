"""Frozen records that services return. Never ORM objects; never Qt types."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from dossier.domain.dates import PartialDate
from dossier.domain.findings import Evidence


class DocumentKind(StrEnum):
    LETTER = "letter"
    EMAIL = "email"
    ARTICLE = "article"
    MINUTES = "minutes"
    NOTE = "note"
    REPORT = "report"
    OTHER = "other"


class DocumentStatus(StrEnum):
    OK = "ok"
    NO_TEXT_LAYER = "no text layer (needs OCR)"


MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET")

# Metadata fields a user can correct. Re-analysis never overwrites one a user set.
EDITABLE_FIELDS = ("date", "kind", "title", "reference", "marking", "sender", "recipients", "cc")


@dataclass(frozen=True, slots=True)
class ParagraphSpan:
    """A paragraph of a document's text: character offsets [start, end) and its page (1-based)."""

    number: int  # 1-based, across the whole document
    start: int
    end: int
    page: int | None = None
    quoted: bool = False  # part of an earlier message quoted in an email


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """What a user can correct about a document."""

    kind: DocumentKind = DocumentKind.OTHER
    date: PartialDate | None = None
    title: str | None = None
    reference: str | None = None
    marking: str | None = None
    sender: str | None = None
    recipients: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One row of the documents table."""

    id: int
    file_name: str
    kind: DocumentKind
    date: PartialDate | None
    title: str | None
    sender: str | None
    recipients: tuple[str, ...]
    cc: tuple[str, ...]
    status: DocumentStatus
    page_count: int | None
    sha256: str
    filed_at: str  # ISO 8601 UTC
    reviewed_by: str | None = None  # who marked it reviewed (None: not reviewed)
    annotations: int = 0
    heading: str = ""  # what it is shown as: the title, else built from kind, parties and date
    copy_of: int | None = None  # the earlier document this one is a copy of
    first_file_name: str | None = None  # the file it was first filed as, once re-filed from another
    changed_since_review: str | None = None  # who had reviewed it before it was re-filed

    @property
    def copy_label(self) -> str:
        """e.g. "copy of D3" ("" when it is no copy)."""
        return f"copy of D{self.copy_of}" if self.copy_of is not None else ""

    @property
    def review_label(self) -> str:
        """Who reviewed it, "changed since reviewed" after a re-file, or ""."""
        if self.reviewed_by is not None:
            return self.reviewed_by
        return "changed since reviewed" if self.changed_since_review else ""

    @property
    def label(self) -> str:
        """The heading (never the file name)."""
        return self.heading or self.title or f"{self.kind.value.capitalize()} D{self.id}"

    @property
    def reviewed(self) -> bool:
        return self.reviewed_by is not None


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    row: DocumentRow
    metadata: DocumentMetadata
    media_type: str
    reference: str | None
    marking: str | None
    text: str
    paragraphs: tuple[ParagraphSpan, ...]
    user_set: frozenset[str] = field(default_factory=frozenset)  # fields the user corrected
    sender_post: str | None = None


class ImportOutcome(StrEnum):
    FILED = "filed"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    SKIPPED = "skipped"  # an entry of a folder that is no document (another file type, hidden): by design


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: str
    outcome: ImportOutcome
    document_id: int | None = None
    message: str = ""  # for FAILED: the one-line reason; for DUPLICATE: which document it duplicates
    copy_of: int | None = None  # FILED as a copy of this earlier document (the same words in another file)


@dataclass(frozen=True, slots=True)
class DossierStats:
    documents: int
    actors: int
    no_text_layer: int


@dataclass(frozen=True, slots=True)
class MessageHeaders:
    """Parties and date as an email's headers give them (raw strings, as written)."""

    sender: str | None = None
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    date: str | None = None  # the raw Date header
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a reader gives back: normalised text with paragraph and page boundaries.

    `text` is the immutable text annotations will anchor on. Paragraphs are separated in it by a
    blank line ("\\n\\n"); `paragraphs` holds their character spans, in order.
    """

    text: str
    paragraphs: tuple[ParagraphSpan, ...]
    media_type: str
    page_count: int | None = None
    has_text_layer: bool = True
    title: str | None = None
    headers: MessageHeaders | None = None
    date: str | None = None  # the date the file itself records, as written (a web page's publication time)


@dataclass(frozen=True, slots=True)
class FileCopy:
    """A document's original bytes and what was read from them: what a re-file puts in place."""

    file_name: str
    data: bytes
    extracted: Extracted


@dataclass(frozen=True, slots=True)
class DetectedMetadata:
    """What analysis finds in a document's text. Names are canonical: no honorifics."""

    kind: DocumentKind = DocumentKind.OTHER
    date: PartialDate | None = None
    sender: str | None = None
    sender_post: str | None = None
    recipients: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    title: str | None = None
    reference: str | None = None
    marking: str | None = None
    # why each value was read: ("date", Evidence(...)), ("sender", ...), ("recipients", ...), ("cc", ...)
    evidence: tuple[tuple[str, Evidence], ...] = ()
