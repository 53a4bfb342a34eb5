"""What analysis finds in a document's text: actors, dated references and actions.

These are suggestions. They stay apart from curated data until a person accepts them. Offsets are
character offsets into the document's immutable text, [start, end).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dossier.domain.dates import PartialDate


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class ActionType(StrEnum):
    DIRECTION = "direction"
    REQUEST = "request"
    DECISION = "decision"
    COMMITMENT = "commitment"
    APPOINTMENT = "appointment"
    REPORT_DUE = "report due"
    MEETING = "meeting"
    INSPECTION = "inspection"
    OTHER = "other"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why analysis found a value: the named rule that produced it and the span of text it read,
    [start, end) in the document's text (-1 where the value came from outside the text, such as an
    email header)."""

    rule: str
    start: int = -1
    end: int = -1


class DateRole(StrEnum):
    EVENT = "event"  # something that happened, or happens, on that date
    DEADLINE = "deadline"  # something is to be done by that date


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an actor at a place in the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorFound:
    """One distinct actor in one document, with its aliases merged.

    `name` is canonical: a person without honorifics ("Miriam de Vries"), an organisation in
    full where the text gives it in full. `forms` holds the exact distinct surface forms found.
    `posts` holds the posts or roles the text gives the actor ("Chief Social Worker",
    "Professor of Public Policy at the University of Wessex").
    """

    name: str
    kind: ActorKind
    forms: tuple[str, ...]
    mentions: tuple[Mention, ...]
    posts: tuple[str, ...] = ()
    rule: str = ""  # the rule that found the actor's first mention


@dataclass(frozen=True, slots=True)
class DateFound:
    """A dated reference in the text, resolved against the document's date."""

    text: str  # the words as written, e.g. "last November", "by the end of May 2014"
    start: int
    end: int
    date: PartialDate
    role: DateRole
    sentence: str  # the clause or sentence that carries the date
    sentence_start: int = 0
    sentence_end: int = 0
    rule: str = ""  # the named date rule that read it (see analysis/temporal.py)


@dataclass(frozen=True, slots=True)
class ActionFound:
    """A sentence that carries an obligation or a deadline."""

    type: ActionType
    summary: str
    sentence: str
    start: int  # span of the sentence (or clause) in the text
    end: int
    owner: str | None = None  # canonical name of who must act
    addressed_to: str | None = None
    due: PartialDate | None = None
    due_text: str | None = None
    rule: str = ""  # the action rule that found it
