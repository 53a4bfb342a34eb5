"""Annotations (highlights with notes) and reviewed status, as plain records."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Colour(StrEnum):
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    ORANGE = "orange"


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits: offsets in the document's text, the quoted words, and context."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class AnnotationRow:
    id: int
    document_id: int
    start: int | None  # None: an orphan, whose words could not be found after re-extraction
    end: int | None
    quote: str
    prefix: str
    suffix: str
    colour: Colour
    note: str
    tags: tuple[str, ...]
    author: str
    created_at: str
    changed_at: str
    # for lists across the dossier
    document_title: str = ""
    document_file: str = ""
    document_date: str = ""  # the document's date as displayed ("" when undated)
    paragraph: int | None = None
    page: int | None = None
    needs_check: bool = False  # a re-file moved it onto different words: the user should check it

    @property
    def orphan(self) -> bool:
        return self.start is None


@dataclass(frozen=True)
class AnnotationFields:
    """What a person sets on an annotation."""

    colour: Colour = Colour.YELLOW
    note: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnnotationFilter:
    tag: str | None = None
    colour: Colour | None = None
    author: str | None = None
    document_id: int | None = None
    changed_from: str | None = None  # ISO date, inclusive
    changed_to: str | None = None
    text: str | None = None  # in the quote or the note
    orphans_only: bool = False


@dataclass(frozen=True)
class ReviewStatus:
    document_id: int
    reviewed_by: str
    reviewed_at: str


@dataclass(frozen=True)
class ReviewProgress:
    reviewed: int
    total: int

    def __str__(self) -> str:
        return f"{self.reviewed:,} of {self.total:,} reviewed"


@dataclass(frozen=True)
class ReanchorReport:
    """What re-extracting a document did to its annotations."""

    document_id: int
    kept: int  # found at the same offsets
    moved: int  # found elsewhere, by quote and context
    orphans: tuple[AnnotationRow, ...]
    changed_words: tuple[AnnotationRow, ...] = ()  # moved onto different words: flagged for a check
    review_cleared: ReviewStatus | None = None  # the reviewed mark the re-file cleared (for an undo)


@dataclass(frozen=True)
class RecordDocument:
    """One document of a review record: its reviewed status and its annotations."""

    id: int
    title: str
    file_name: str
    date: str  # as displayed; "" when undated
    reviewed_by: str | None
    reviewed_at: str | None
    annotations: tuple[AnnotationRow, ...]
