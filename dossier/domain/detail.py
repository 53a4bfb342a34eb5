"""What a detail pane shows for one action or annotation: the passage it comes from and its history;
and how many rows of a table fill each column (so a view can hide a column no row fills)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Passage:
    """The paragraph of a document that holds a span (an action's sentence, an annotation's words)."""

    document_id: int
    document_label: str
    paragraph: int | None
    text: str  # the paragraph, as filed
    span_start: int  # the span within `text`
    span_end: int
    start: int  # the span within the document's text, to open the document there
    end: int

    @property
    def where(self) -> str:
        """ "D3 ¶4" """
        return f"D{self.document_id} ¶{self.paragraph}" if self.paragraph is not None else f"D{self.document_id}"


@dataclass(frozen=True, slots=True)
class HistoryLine:
    at: str  # ISO 8601 UTC
    who: str
    text: str  # "status: open → done"


@dataclass(frozen=True, slots=True)
class ItemDetail:
    title: str  # "Action 12: report on the review"
    passage: Passage | None
    history: tuple[HistoryLine, ...]
    note: str = ""  # shown when there is no passage ("not in the current text")


@dataclass(frozen=True, slots=True)
class FieldCounts:
    """How many rows a table has, and how many of them fill each of its optional fields."""

    total: int
    filled: tuple[tuple[str, int], ...]

    def count(self, name: str) -> int:
        return dict(self.filled).get(name, 0)

    def empty(self, name: str) -> bool:
        """True when there are rows and none of them fills this field."""
        return self.total > 0 and self.count(name) == 0
