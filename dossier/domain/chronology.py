"""Records for the case chronology (what the chronology service returns)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dossier.domain.dates import PartialDate


class EntryKind(StrEnum):
    DOCUMENT = "document"  # a document, on the date it was sent
    EVENT = "event"  # a past or present event a document mentions
    DEADLINE = "deadline"  # a date by which something is to be done (references and actions)
    OWN = "own"  # the user's own entry


@dataclass(frozen=True, slots=True)
class EntrySource:
    """Where an entry comes from: a document, and the passage (paragraph, page) in it."""

    document_id: int
    file_name: str
    title: str
    paragraph: int | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None

    def citation(self) -> str:
        page = f" p{self.page}" if self.page else ""
        para = f" ¶{self.paragraph}" if self.paragraph else ""
        return f"[D{self.document_id}{page}{para}]"


@dataclass(frozen=True, slots=True)
class ChronologyRow:
    """One entry of the chronology.

    `key` is stable: "doc:12" (a document), "entry:7" (a dated reference or own entry, possibly
    with several sources), "action:5:due" / "action:5:set" (an action's dates).
    """

    key: str
    date: PartialDate | None
    description: str
    kind: EntryKind
    actors: tuple[str, ...]
    sources: tuple[EntrySource, ...]
    conflict: bool = False  # another source dates what looks like the same event differently
    conflict_with: tuple[str, ...] = ()  # keys of the conflicting entries
    conflict_note: str | None = None  # set when a person marked the conflict resolved
    editable: bool = False  # entries ("entry:N") can be edited, merged and split


@dataclass(frozen=True, slots=True)
class ChronologyListing:
    """The keys of the entries in order, and beside each its date as a partial ISO value ("2014",
    "2014-03", "2014-03-27"; None when undated): enough to lay out year and month headers for
    100,000 entries without reading a row."""

    keys: tuple[str, ...]
    values: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class EntryFields:
    """The editable fields of a chronology entry (what an edit and its undo carry)."""

    date: PartialDate | None
    description: str
    kind: EntryKind
    actors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkedDocument:
    """A dated document linked to another: it quotes it, cites its reference or attaches it, or the
    other way round. `later` is True when the linked document came after (it quotes the other)."""

    document_id: int
    title: str
    date: PartialDate
    relation: str  # how, in words: "quotes it", "cites its reference", "attaches it" (later);
    # "it quotes", "it cites the reference of", "it attaches" (earlier)
    later: bool


@dataclass(frozen=True, slots=True)
class DocumentText:
    """What linking documents needs of one: its text, quoted paragraphs, reference, file and date."""

    document_id: int
    title: str
    text: str
    quoted_spans: tuple[tuple[int, int], ...]
    reference: str | None
    file_name: str
    date: PartialDate | None


@dataclass(frozen=True, slots=True)
class DateProposal:
    """A date range proposed for an undated document, from its own evidence."""

    document_id: int
    after: PartialDate | None  # the latest past event it refers to, or the latest document it quotes
    before: PartialDate | None  # the earliest deadline it sets, or the earliest document that quotes it
    reasons: tuple[str, ...]
    links: tuple[LinkedDocument, ...] = ()  # the dated documents it is linked to
