"""Briefings: the options an official sets, and the plain data a briefing PDF is rendered from.

`BriefingOptions` is what the export dialog and `dossier export briefing` set (and what the saved
draft holds). `BriefingData` is everything the renderer needs, gathered by the briefing service:
the renderer never sees a database session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from dossier.domain.dates import PartialDate, Precision
from dossier.domain.register import action_line

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DEFAULT_TITLE = "Briefing"
DEFAULT_DUE_WITHIN_WEEKS = 4  # open actions due this many weeks after the briefing's date are listed
MAX_DUE_WITHIN_WEEKS = 52


class Marking(StrEnum):
    """The protective marking, shown centred in capitals at the top and bottom of every page."""

    OFFICIAL = "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"
    SECRET = "SECRET"
    TOP_SECRET = "TOP SECRET"

    @classmethod
    def parse(cls, text: str) -> Marking:
        """Read a marking as people type it ("official-sensitive", "Top Secret", "OFFICIAL SENSITIVE")."""
        words = " ".join(text.replace("_", " ").split()).upper()
        for m in cls:
            if words in (m.value, m.value.replace("-", " ")):
                return m
        raise ValueError(f"the marking must be one of {', '.join(m.value for m in cls)}, not {text!r}")


class Section(StrEnum):
    """The parts of a briefing after the front sheet, in the order they appear."""

    KEY_MESSAGES = "key-messages"
    ACTIONS = "actions"
    CHANGES = "changes"
    CHRONOLOGY = "chronology"
    WHOS_WHO = "whos-who"
    EXTRACTS = "extracts"
    SOURCES = "sources"

    @property
    def title(self) -> str:  # type: ignore[override]  # a section's title is its heading, in place of str.title()
        return SECTION_TITLES[self]

    @property
    def is_annex(self) -> bool:
        return self in ANNEXES


SECTION_TITLES = {
    Section.KEY_MESSAGES: "Key messages",
    Section.ACTIONS: "Open actions",
    Section.CHANGES: "Changes since the last briefing",
    Section.CHRONOLOGY: "Chronology",
    Section.WHOS_WHO: "Who\u2019s who",
    Section.EXTRACTS: "Annotated extracts",
    Section.SOURCES: "Sources",
}
ANNEXES = (Section.CHRONOLOGY, Section.WHOS_WHO, Section.EXTRACTS, Section.SOURCES)
ALL_SECTIONS = tuple(Section)


def long_date(day: dt.date) -> str:
    """A date the way a briefing's front sheet gives it: "1 August 2014"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class BriefingScope:
    """What the briefing covers. Each part that is set narrows it; an empty scope is the whole dossier."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    document_ids: tuple[int, ...] = ()

    @property
    def by_date(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    @property
    def picks_documents(self) -> bool:
        """Whether actors, tags or chosen documents narrow the documents (a date range aside)."""
        return bool(self.actor_ids or self.tags or self.document_ids)

    @property
    def is_everything(self) -> bool:
        return not (self.by_date or self.picks_documents)

    def to_json(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "actor_ids": list(self.actor_ids), "tags": list(self.tags), "document_ids": list(self.document_ids),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> BriefingScope:
        data = data or {}
        return cls(
            date_from=_day(data.get("date_from")), date_to=_day(data.get("date_to")),
            actor_ids=tuple(int(i) for i in data.get("actor_ids") or ()),
            tags=tuple(str(t) for t in data.get("tags") or ()),
            document_ids=tuple(int(i) for i in data.get("document_ids") or ()),
        )


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class BriefingOptions:
    """Everything an official sets for one briefing (the dialog's fields, and the saved draft)."""

    title: str = DEFAULT_TITLE
    reference: str = ""
    marking: Marking = Marking.OFFICIAL
    # the briefing's date; None until it is settled (the briefing service then takes the draft's date,
    # else the latest paper's: see `default_as_at`)
    as_at: dt.date | None = None
    to: str = ""
    from_: str = ""
    timing: str = ""
    scope: BriefingScope = field(default_factory=BriefingScope)
    sections: tuple[Section, ...] = ALL_SECTIONS
    summary: str = ""
    key_messages: str = ""
    lines_to_take: str = ""
    issue: str = ""  # the front sheet's "Issue": what the submission is about, in a sentence or two
    recommendation: str = ""  # what the reader is asked to do or agree
    due_within_weeks: int = DEFAULT_DUE_WITHIN_WEEKS  # open actions listed: the overdue and those due this soon

    def __post_init__(self) -> None:
        object.__setattr__(self, "marking", Marking(self.marking))
        object.__setattr__(self, "sections", normalise_sections(self.sections))
        object.__setattr__(self, "due_within_weeks", check_weeks(self.due_within_weeks))

    @property
    def day(self) -> dt.date:
        """The briefing's date (today, only if nobody settled it: the service always does)."""
        return self.as_at or dt.date.today()

    @property
    def due_by(self) -> dt.date:
        """The last day of the window the open actions list covers."""
        return self.day + dt.timedelta(weeks=self.due_within_weeks)

    def includes(self, section: Section) -> bool:
        return section in self.sections

    def with_changes(self, **changes: Any) -> BriefingOptions:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title, "reference": self.reference, "marking": self.marking.value,
            "as_at": self.as_at.isoformat() if self.as_at else None, "to": self.to, "from": self.from_,
            "timing": self.timing, "scope": self.scope.to_json(), "sections": [s.value for s in self.sections],
            "issue": self.issue, "summary": self.summary, "recommendation": self.recommendation,
            "key_messages": self.key_messages, "lines_to_take": self.lines_to_take,
            "due_within_weeks": self.due_within_weeks,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BriefingOptions:
        """Read options back (a saved draft). Unknown keys are ignored; missing ones take defaults."""
        defaults = cls()
        sections = data.get("sections")
        return cls(
            title=str(data.get("title") or defaults.title), reference=str(data.get("reference") or ""),
            marking=Marking.parse(data["marking"]) if data.get("marking") else defaults.marking,
            as_at=_day(data.get("as_at")), to=str(data.get("to") or ""),
            from_=str(data.get("from") or ""), timing=str(data.get("timing") or ""),
            scope=BriefingScope.from_json(data.get("scope")),
            sections=tuple(Section(s) for s in sections if s in Section._value2member_map_)
            if sections is not None else ALL_SECTIONS,
            summary=str(data.get("summary") or ""), key_messages=str(data.get("key_messages") or ""),
            lines_to_take=str(data.get("lines_to_take") or ""), issue=str(data.get("issue") or ""),
            recommendation=str(data.get("recommendation") or ""),
            due_within_weeks=int(data.get("due_within_weeks") or DEFAULT_DUE_WITHIN_WEEKS),
        )


def check_weeks(weeks: Any) -> int:
    """The open actions' window in whole weeks, 0 (the overdue only) to a year."""
    n = int(weeks)
    if not 0 <= n <= MAX_DUE_WITHIN_WEEKS:
        raise ValueError(f"the weeks ahead must be from 0 to {MAX_DUE_WITHIN_WEEKS}, not {weeks}")
    return n


def default_as_at(draft: dt.date | None, latest_paper: PartialDate | None, today: dt.date) -> dt.date:
    """The date a briefing is as at when nobody says: the draft's, else the latest paper's, else today.

    The latest paper's date is its last day ("Mar 2014" is 31 March), so the paper itself is in the
    briefing; a year alone counts from its first day.
    """
    if draft is not None:
        return draft
    if latest_paper is not None:
        return latest_paper.earliest() if latest_paper.precision is Precision.YEAR else latest_paper.latest()
    return today


def normalise_sections(sections: Any) -> tuple[Section, ...]:
    """The sections in briefing order, each once. Sources is always there: every citation links to it."""
    chosen = {Section(s) for s in sections} | {Section.SOURCES}
    return tuple(s for s in ALL_SECTIONS if s in chosen)


def parse_sections(text: str) -> tuple[Section, ...]:
    """Sections from a comma-separated list ("key-messages,chronology", or "all")."""
    names = [n.strip().lower().replace("_", "-").replace(" ", "-") for n in text.split(",") if n.strip()]
    if names == ["all"]:
        return ALL_SECTIONS
    aliases = {"whos-who": Section.WHOS_WHO, "who's-who": Section.WHOS_WHO, "who": Section.WHOS_WHO,
               "key-messages": Section.KEY_MESSAGES, "messages": Section.KEY_MESSAGES,
               "changes": Section.CHANGES, "actions": Section.ACTIONS, "chronology": Section.CHRONOLOGY,
               "extracts": Section.EXTRACTS, "annotations": Section.EXTRACTS, "sources": Section.SOURCES}
    out = []
    for n in names:
        if n not in aliases:
            raise ValueError(f"unknown section {n!r}; choose from {', '.join(s.value for s in Section)} or all")
        out.append(aliases[n])
    return normalise_sections(out)


# -- what the renderer draws ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Citation:
    """A pointer to a passage of a filed document: [D3], [D3 ¶4] or [D3 p2 ¶4]."""

    document_id: int
    paragraph: int | None = None
    page: int | None = None

    @property
    def label(self) -> str:
        page = f" p{self.page}" if self.page else ""
        para = f" \u00b6{self.paragraph}" if self.paragraph else ""
        return f"[D{self.document_id}{page}{para}]"


class ActionGroup(StrEnum):
    """Where an open action goes in a briefing: the list (overdue, due soon) or the annex (the rest)."""

    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    LATER = "later"  # due after the window the list covers
    UNDATED = "undated"  # no date set: an intention, not a deadline
    DECISION = "decision"  # a decision to be taken or announced: not a deadline

    @property
    def listed(self) -> bool:
        """Whether the open actions list shows it (the rest are counted there and listed in the annex)."""
        return self in (ActionGroup.OVERDUE, ActionGroup.DUE_SOON)


DECISION_KINDS = frozenset({"decision", "intention"})


def action_group(kind: str, due: PartialDate | None, as_at: dt.date, due_by: dt.date) -> ActionGroup:
    """Which part of the briefing an open action belongs to, as at a date with the list's window ending
    on `due_by`. Overdue means due before the day (as the actions register counts it)."""
    if kind in DECISION_KINDS:
        return ActionGroup.DECISION
    if due is None:
        return ActionGroup.UNDATED
    if due.latest() < as_at:
        return ActionGroup.OVERDUE
    if due.earliest() <= due_by:
        return ActionGroup.DUE_SOON
    return ActionGroup.LATER


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One open action as at the briefing date."""

    due: str  # as people write it ("by 22 Jul 2014"), "" when no date was set
    summary: str
    owner: str
    addressed_to: str
    kind: str  # direction, request, ...
    overdue: bool
    citation: Citation | None
    set_date: str = ""  # when it was set (the date of the paper that set it), as people write it
    group: ActionGroup = ActionGroup.DUE_SOON

    @property
    def line(self) -> str:
        """"Owner to do what" (see `action_line`)."""
        return action_line(self.owner, self.summary, with_when=False)


@dataclass(frozen=True, slots=True)
class ChangeItem:
    """Something that changed since the last briefing: a document filed, an action set or changed."""

    what: str  # "Filed", "New action", "Action updated", "Action done", ...
    date: str  # the document's or the action's due date as written, "" if none
    description: str
    citation: Citation | None


@dataclass(frozen=True, slots=True)
class ChronologyItem:
    date: str  # as people write it ("early Jun 2014"); "" for an undated entry
    written: str  # the words the source used ("early next month"), when they say more than `date`
    event: str
    actors: tuple[str, ...]
    citations: tuple[Citation, ...]
    conflict: bool = False  # another source dates what looks like the same event differently
    conflict_note: str = ""  # a person's note on a conflict they resolved
    kind: str = "event"


@dataclass(frozen=True, slots=True)
class ActorItem:
    name: str
    posts: tuple[str, ...]  # the posts held on the briefing's date
    organisation: str
    aliases: tuple[str, ...]
    kind: str  # person or organisation
    first_date: str  # the date of the first document that names them, "" if undated or none
    first_citation: Citation | None


@dataclass(frozen=True, slots=True)
class ExtractItem:
    quote: str
    note: str
    tags: tuple[str, ...]
    author: str
    document_title: str
    document_date: str
    citation: Citation
    orphan: bool = False  # its words were not found again when the text was re-read


@dataclass(frozen=True, slots=True)
class ExtractGroup:
    tag: str  # "" for extracts with no tag
    items: tuple[ExtractItem, ...]


@dataclass(frozen=True, slots=True)
class SourceItem:
    document_id: int
    date: str
    sender: str
    recipients: tuple[str, ...]
    title: str
    pages: int | None
    kind: str
    own_reference: str = ""  # the document's own reference ("Our ref ..."), if it gives one

    @property
    def reference(self) -> str:
        return f"D{self.document_id}"


@dataclass(frozen=True, slots=True)
class PreviousBriefing:
    """The briefing "changes since" counts from."""

    as_at: dt.date
    title: str
    reference: str
    exported_at: str  # ISO 8601 UTC


@dataclass(frozen=True)
class BriefingData:
    """Everything one briefing PDF shows, in plain values. Built by the briefing service."""

    options: BriefingOptions
    actions: tuple[ActionItem, ...] = ()
    changes: tuple[ChangeItem, ...] = ()
    previous: PreviousBriefing | None = None
    chronology: tuple[ChronologyItem, ...] = ()
    actors: tuple[ActorItem, ...] = ()
    extracts: tuple[ExtractGroup, ...] = ()
    sources: tuple[SourceItem, ...] = ()
    scope_note: str = ""  # the scope in words, for the front sheet ("" for the whole dossier)

    @property
    def listed_actions(self) -> tuple[ActionItem, ...]:
        """The open actions the list shows: the overdue, then those due within the window."""
        return tuple(a for a in self.actions if a.group.listed)

    @property
    def other_actions(self) -> tuple[ActionItem, ...]:
        """The open actions counted in the list and set out in the annex: due later, undated, decisions."""
        return tuple(a for a in self.actions if not a.group.listed)

    def is_empty(self, section: Section) -> bool:
        """Whether a section has nothing to show: it is then left out of the briefing."""
        o = self.options
        return {Section.KEY_MESSAGES: not o.lines_to_take.strip(),
                Section.ACTIONS: not self.actions, Section.CHANGES: not self.changes,
                Section.CHRONOLOGY: not self.chronology, Section.WHOS_WHO: not self.actors,
                Section.EXTRACTS: not self.extracts, Section.SOURCES: not self.sources}.get(section, False)

    def citations(self) -> set[int]:
        """Every document the briefing cites."""
        found: set[int] = set()
        for a in self.actions:
            if a.citation:
                found.add(a.citation.document_id)
        for c in self.changes:
            if c.citation:
                found.add(c.citation.document_id)
        for e in self.chronology:
            found.update(c.document_id for c in e.citations)
        for p in self.actors:
            if p.first_citation:
                found.add(p.first_citation.document_id)
        for g in self.extracts:
            found.update(x.citation.document_id for x in g.items)
        return found


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One briefing exported (a row of the dossier's record of exports)."""

    id: int
    exported_at: str
    as_at: dt.date
    title: str
    reference: str
    file_name: str
    sha256: str


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: str
    pages: int
    size: int
    sha256: str
    record_id: int
