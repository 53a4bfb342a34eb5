"""Records for the actor register, mentions, suggestions and actions (what services return)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType, ActorKind

NO_OWNER = "owner to be confirmed"


# "Ann Roe to write", "Wessex County Council to agree", "The Council to publish", "Wessex Health Board to": the owner
# leads already. One capitalised word alone ("Report to the board") is a verb, not a subject.
_CAP = r"[A-Z][\w'\u2019.&\-]*"
_OWNER_LED = re.compile(rf"^(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+{_CAP}|{_CAP}(?:\s+(?:of|the|and|for|on))*\s+{_CAP}"
                        rf"|[A-Z]{{2,}}\b)(?:\s+(?:{_CAP}|of|the|and|for|on))*\s+to\s+[a-z]")
# "(by end May 2014)" at the end of a summary: where the due date is printed beside the line
_TRAILING_WHEN = re.compile(r"\s*\((?:[^()]*\b\d{4}\b[^()]*|no date(?: set)?)\)$")
# the words a clause opens with that are no verb for an owner to do
_NOT_A_VERB = frozenset({"the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "their", "he",
                         "she", "his", "her", "all", "any", "each", "no", "there", "which", "who"})


# "Ian explained that ...", "Kit will send ...": a name before its verb, not a verb to lower
_A_VERB_AFTER_A_NAME = re.compile(r"(?:will|would|shall|should|must|can|could|may|might|is|are|was|were|has|have|"
                                  r"had|said|says|told|wrote|sent|met|[a-z]+ed)", re.IGNORECASE)


def action_line(owner: str | None, summary: str, *, status: str | None = None, with_when: bool = True) -> str:
    """An action as one reads it, the owner said once: "Ann Roe to report to the minister", "To reply
    to the council (owner to be confirmed)". A summary that already reads "Someone to do what" is kept;
    one that is a sentence of its own ("The board will decide ...") keeps its words, with the owner
    after it. `with_when=False` leaves out a date in brackets at the end (where the due date is printed
    beside the line); a status other than open follows in brackets."""
    text = " ".join(summary.split()).rstrip(" .;:,")
    if not with_when:
        text = _TRAILING_WHEN.sub("", text).rstrip(" .;:,")
    if not text:
        line = f"{owner or NO_OWNER.capitalize()}: no summary"
    elif owner and (text.casefold().startswith(owner.casefold() + " ") or _OWNER_LED.match(text)):
        line = text
    else:
        body = text[3:] if text.startswith("to ") else text
        body = _lower_first(body)
        if body[:1].islower() and body.split(" ", 1)[0] not in _NOT_A_VERB:
            line = f"{owner} to {body}" if owner else f"To {body} ({NO_OWNER})"
        else:
            line = f"{body[:1].upper()}{body[1:]} ({owner or NO_OWNER})"
    return line if not status or status == "open" else f"{line} ({status})"


def _lower_first(text: str) -> str:
    """"Make recommendations" -> "make recommendations"; "Wessex Health Board ...", "Ann Roe's ..." stay."""
    words = text.split(" ", 2)
    first = words[0]
    second = words[1] if len(words) > 1 else ""
    if first[:1].isupper() and (first[1:].islower() or first == "A") and not second[:1].isupper() \
            and first.casefold() not in _NOT_A_VERB and not _A_VERB_AFTER_A_NAME.fullmatch(second):
        return text[:1].lower() + text[1:]
    return text


# "your Council", "our Department", "my officials": a form said from one letter's point of view is a
# reference to the actor, not another name for it
_POINT_OF_VIEW = re.compile(r"^(?:your|our|my|their|his|her|its)\b", re.IGNORECASE)


def alias_forms(forms: Iterable[str]) -> list[str]:
    """The forms of an actor worth keeping as its aliases: not those said from a letter's point of view."""
    return [f for f in forms if not _POINT_OF_VIEW.match(f.strip())]


def actor_key(name: str) -> str:
    """The key two spellings of one actor share: white space folded, case ignored."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True, slots=True)
class PostHeld:
    post_id: int
    title: str
    start: str | None  # ISO partial values; the start is the first letter naming the post when none is stated
    end: str | None
    organisation: str | None = None
    note: str | None = None  # "acting", "interim"
    start_stated: bool = True  # False: `start` is the date of the first letter naming the post
    holder_id: int | None = None


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One row of the who's who."""

    id: int
    name: str
    kind: ActorKind
    posts: tuple[str, ...]  # current posts
    organisation: str | None
    aliases: tuple[str, ...]
    first_seen: PartialDate | None
    last_seen: PartialDate | None
    documents: int


@dataclass(frozen=True, slots=True)
class MentionRow:
    """A mention with its context (keyword in context)."""

    id: int
    actor_id: int
    document_id: int
    document_title: str
    document_date: PartialDate | None
    start: int
    end: int
    text: str
    before: str
    after: str
    paragraph: int | None


@dataclass(frozen=True, slots=True)
class ActorDetail:
    row: ActorRow
    posts: tuple[PostHeld, ...]
    mentions: tuple[MentionRow, ...]


@dataclass(frozen=True, slots=True)
class DocumentMention:
    """A mention as the reader shows it: a span, coloured by the actor's kind."""

    id: int
    start: int
    end: int
    actor_id: int
    actor_name: str
    actor_kind: ActorKind


@dataclass(frozen=True, slots=True)
class ActorSaved:
    """An actor as it was (for undo)."""

    id: int
    name: str
    name_key: str
    kind: str
    created_at: str
    organisation_id: int | None


@dataclass(frozen=True, slots=True)
class AliasSaved:
    id: int
    actor_id: int
    alias: str
    alias_key: str
    document_id: int | None


@dataclass(frozen=True, slots=True)
class MentionSaved:
    id: int
    document_id: int
    actor_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PartySaved:
    """An actor as a sender or recipient of a document."""

    id: int
    document_id: int
    actor_id: int
    role: str
    position: int


@dataclass(frozen=True, slots=True)
class TenureSaved:
    """An actor holding a post."""

    id: int
    post_id: int
    actor_id: int
    start_value: str | None
    end_value: str | None
    document_id: int | None
    note: str | None
    end_inferred: bool


class PointerKind(StrEnum):
    """What else points at an actor (a merge moves them; undo puts them back)."""

    ACTION_OWNER = "action owner"
    ACTION_ADDRESSEE = "action addressee"
    MEMBER = "member of an organisation"
    ORGANISATION_POST = "post of an organisation"


@dataclass(frozen=True, slots=True)
class ActorSnapshot:
    """Everything that points at one actor, as it was, so a merge or delete can be undone."""

    actor: ActorSaved
    aliases: tuple[AliasSaved, ...] = ()
    mentions: tuple[MentionSaved, ...] = ()
    parties: tuple[PartySaved, ...] = ()
    tenures: tuple[TenureSaved, ...] = ()
    pointers: tuple[tuple[PointerKind, int], ...] = ()  # (what points at the actor, its id)


@dataclass(frozen=True, slots=True)
class MergeRecord:
    keep_id: int
    dropped: ActorSnapshot
    added_alias_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TagRecord:
    mention_id: int
    actor_id: int
    created_actor: bool
    added_alias_id: int | None


@dataclass(frozen=True, slots=True)
class SuggestionRow:
    id: int
    document_id: int
    kind: str  # 'actor', 'action' or 'status' (a later letter on an action: done, or superseded)
    label: str
    status: str
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class AcceptRecord:
    """What accepting a suggestion created, so that it can be undone."""

    suggestion_id: int
    created: tuple[tuple[str, int], ...]  # (table, id) in creation order
    merges: tuple[MergeRecord, ...] = ()  # shorter forms already in the dossier that the actor absorbed
    updated: tuple[tuple[str, int, dict[str, Any]], ...] = ()  # (table, id, old values) of rows it changed
    statuses: tuple[tuple[int, ActionFields], ...] = ()  # (action id, its fields before) a status suggestion set


@dataclass(frozen=True, slots=True)
class ActionSourceRef:
    """A document that sets an action: its own, then each later letter that restates it."""

    document_id: int
    paragraph: int | None
    document_title: str | None
    start: int | None = None


@dataclass(frozen=True, slots=True)
class ActionRow:
    id: int
    type: ActionType
    summary: str
    owner_id: int | None
    owner: str | None
    addressed_to_id: int | None
    addressed_to: str | None
    set_date: PartialDate | None
    due: PartialDate | None
    status: ActionStatus
    status_note: str | None
    status_document_id: int | None
    document_id: int | None
    document_title: str | None
    document_file: str | None
    paragraph: int | None
    start: int | None
    end: int | None
    overdue: bool  # as at the date the rows were asked for
    sources: tuple[ActionSourceRef, ...] = ()  # every document that sets it, its own first


@dataclass(frozen=True, slots=True)
class ActionFields:
    """The editable fields of an action, as the edit and its undo carry them."""

    type: ActionType
    summary: str
    owner_id: int | None
    addressed_to_id: int | None
    due: PartialDate | None
    set_date: PartialDate | None
    status: ActionStatus
    status_note: str | None
    status_document_id: int | None
