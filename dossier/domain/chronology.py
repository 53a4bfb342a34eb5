"""Records for the case chronology (what the chronology service returns)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from dossier.domain.dates import PartialDate
from dossier.domain.register import action_line


class EntryKind(StrEnum):
    DOCUMENT = "document"  # a document, on the date it was sent
    EVENT = "event"  # a past or present event a document mentions
    DEADLINE = "deadline"  # a date by which something is to be done (references and actions)
    OWN = "own"  # the user's own entry


class EventKind(StrEnum):
    """What kind of event a dated reference reports (analysis/events.py names the rules)."""

    APPOINTMENT = "appointment"
    START_IN_POST = "start in post"
    LEAVING_POST = "leaving post"
    MEETING = "meeting"
    PUBLICATION = "publication"
    INSPECTION = "inspection"
    REPORT = "report"
    DECISION = "decision"
    LETTER = "letter"  # correspondence: a letter, an email, a call
    DEADLINE = "deadline"
    COURTESY = "courtesy"  # thanks, apologies, "I look forward to seeing you"
    HOUSEKEEPING = "housekeeping"  # a page's furniture: "last updated on", a timestamp, a heading
    OTHER = "other"


# what a briefing's chronology leaves out (the dossier keeps them)
NOT_MATTERING = frozenset({EventKind.COURTESY.value, EventKind.HOUSEKEEPING.value})


def event_matters(event_kind: str) -> bool:
    """Whether an event of this kind matters to a case ("" for an entry of no known kind does)."""
    return event_kind not in NOT_MATTERING


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
    event_kind: str = ""  # an EventKind's value, "" where none is known (documents, own entries)
    matters: bool = True  # False for courtesies and housekeeping, which a briefing's chronology leaves out


# An entry's key packed into one integer, as the database orders and counts them: its row id
# times four, plus what the row is (the index in KEY_FORMS).
KEY_FORMS = ("doc:{}", "entry:{}", "action:{}:due", "action:{}:set")
DOCUMENT_KEY, ENTRY_KEY, ACTION_DUE_KEY, ACTION_SET_KEY = range(4)


def key_of_code(code: int) -> str:
    return KEY_FORMS[code & 3].format(code >> 2)


def code_of_key(key: str) -> int | None:
    """The packed form of a key ("entry:7" -> 29), or None for what is no chronology key."""
    kind, _, rest = key.partition(":")
    ident, _, part = rest.partition(":")
    if not (ident.isascii() and ident.isdigit()) or (ident.startswith("0") and ident != "0"):
        return None
    form = {("doc", ""): DOCUMENT_KEY, ("entry", ""): ENTRY_KEY, ("action", "due"): ACTION_DUE_KEY,
            ("action", "set"): ACTION_SET_KEY}.get((kind, part))
    return None if form is None else int(ident) * 4 + form


@dataclass(frozen=True, slots=True)
class ChronologyFilter:
    """What the chronology is narrowed to: part of an actor's name, kinds (None for all), a date
    range on the earliest bound, words of the description, and an annotation tag."""

    actor: str | None = None
    kinds: frozenset[EntryKind] | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    tag: str | None = None
    matters_only: bool = False  # leave out courtesies and housekeeping

    @property
    def narrows_by_words(self) -> bool:
        """True when the filter tests each entry's words: an actor's name, text, or a tag."""
        return bool((self.actor or "").strip() or self.text.strip() or (self.tag or "").strip())

    @classmethod
    def of(cls, *, actor: str | None = None, kinds: Iterable[EntryKind | str] | None = None,
           date_from: dt.date | None = None, date_to: dt.date | None = None, text: str = "",
           tag: str | None = None, matters_only: bool = False) -> ChronologyFilter:
        return cls(actor, frozenset(EntryKind(k) for k in kinds) if kinds is not None else None, date_from,
                   date_to, text, tag, matters_only)


@dataclass(frozen=True, slots=True)
class ListingGroup:
    """A run of the ordered chronology that shares a group: `prefix` is the first seven characters
    of its entries' partial ISO dates ("2014-03" for a month, "2014" for a year-precision date), or
    None for the undated entries, which come last."""

    prefix: str | None
    count: int


@dataclass(frozen=True, slots=True)
class ChronologyListing:
    """How many entries a filter lists, in order, as runs of groups: enough to lay out year and
    month headers, and to fetch any stretch of keys (ChronologyService.window), without listing
    100,000 keys.

    `codes` holds every key, packed (KEY_FORMS), when the filter read them all at once: one that
    tests each entry's words (an actor, text, a tag) does its work in the test and lets few
    through, so it is read once, whole. A filter by kind or date is only counted, and its keys are
    read a window at a time.
    """

    filter: ChronologyFilter
    groups: tuple[ListingGroup, ...]
    codes: tuple[int, ...] | None = None

    @property
    def count(self) -> int:
        return sum(g.count for g in self.groups)


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


def action_statement(owner: str | None, summary: str, status: str = "open") -> str:
    """An action as the chronology states it: "Ann Roe to report on the plan", with its status
    where it is no longer open (one wording with every other view: `register.action_line`)."""
    return action_line(owner, summary, status=status)
