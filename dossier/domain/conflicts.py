"""When two dated accounts are one event, and when they disagree: the rules that join a
document's dated reference to an entry another document gives, and that flag a conflict.

Pure: the database only finds the candidates (by date window and actor) and stores what these
rules decide (db/chronology/entries.py joins, db/chronology/conflicts.py flags).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dossier.domain.chronology import EntryKind, EventKind
from dossier.domain.dates import PartialDate, Precision

CONFLICT_WINDOW_DAYS = 7  # two dates this close for one event are a misdating, not two events
CONFLICT_SHARED_ACTORS = 2  # actors in common that make two accounts so dated one event, whatever their words
CONFLICT_SIMILARITY = 0.3  # or one actor in common and words this alike (see similar)
# a person starts in a post, an inspection or a meeting happens once: two writers who put it weeks
# apart disagree (a month-precision date on either side is measured from its nearest bound)
KIND_WINDOW_DAYS = 56
ONE_OFF_KINDS = frozenset({EventKind.APPOINTMENT.value, EventKind.START_IN_POST.value,
                           EventKind.LEAVING_POST.value, EventKind.PUBLICATION.value,
                           EventKind.INSPECTION.value})
SUBJECT_KINDS = frozenset({EventKind.MEETING.value})  # one of many: the same subject is needed too
_WORD = re.compile(r"[a-z]{4,}")
# words that say what kind of event it is, or nothing: a meeting's subject is in the others
_NO_SUBJECT = frozenset(str.split("""
meeting meetings meet met held hold holds attended attend attends discuss discussed discussion
consider considered considering session sessions which that this there their they them with from into
about also were have been having will would should could the and for following agreed agenda item
items said says told asked wrote letter members member chair chaired committee board cabinet council
panel group date dated took take place further first second last next week month january february march
april june july august september october november december monday tuesday wednesday thursday friday
"""))


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def similar(a: str, b: str) -> float:
    """How much two descriptions share: the Jaccard index of their words of four letters or more."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


@dataclass(frozen=True, slots=True)
class Account:
    """One document's (or several's) account of a dated event, as conflict detection weighs it."""

    date: PartialDate
    description: str
    actors: frozenset[str]
    documents: frozenset[int] = frozenset()
    writers: frozenset[str] = frozenset()  # the senders of its documents (none known: empty)
    event_kind: str = ""


def dates_apart(a: PartialDate, b: PartialDate) -> int | None:
    """Days between two dates' nearest bounds; None where they overlap (they may be one day)."""
    if a.earliest() <= b.latest() and b.earliest() <= a.latest():
        return None
    first, second = (a, b) if a.earliest() <= b.earliest() else (b, a)
    return (second.earliest() - first.latest()).days


def _subject_words(account: Account) -> set[str]:
    names = _words(" ".join(account.actors))
    return _words(account.description) - names - _NO_SUBJECT


def one_event_dated_differently(a: Account, b: Account) -> bool:
    """Whether two accounts give different dates for what is one event: a conflict to flag.

    Never for accounts from one document, for dates that overlap, or for a year-precision date.
    Two rules:

    * worded alike: an actor in common and similar words (or two actors in common), dated no more
      than a week apart;
    * worded differently: the same kind of one-off event (an appointment, a start in or a leaving
      of a post, a publication, an inspection; or a meeting on the same subject), an actor in
      common, dated within eight weeks, by different writers. One writer giving two dates is
      left alone (the later letter is taken to correct, or to mean another occasion).
    """
    if a.documents & b.documents or Precision.YEAR in (a.date.precision, b.date.precision):
        return False
    gap = dates_apart(a.date, b.date)
    if gap is None:
        return False
    shared = len(a.actors & b.actors)
    if not shared:
        return False
    if gap <= CONFLICT_WINDOW_DAYS and (shared >= CONFLICT_SHARED_ACTORS
                                       or similar(a.description, b.description) >= CONFLICT_SIMILARITY):
        return True
    if gap > KIND_WINDOW_DAYS or not a.event_kind or a.event_kind != b.event_kind:
        return False
    if not a.writers or not b.writers or a.writers & b.writers:
        return False
    if a.event_kind in ONE_OFF_KINDS:
        return True
    return a.event_kind in SUBJECT_KINDS and bool(_subject_words(a) & _subject_words(b))


# -- candidates: where the database looks ----------------------------------------------------------

CONFLICT_SEARCH_DAYS = 31 + KIND_WINDOW_DAYS  # a month-precision date, plus the widest window
CONFLICT_BATCH_DAYS = 62  # entries this close are checked together, against one query's candidates


def may_conflict(kind: str, date: PartialDate | None, actors: set[str] | frozenset[str]) -> bool:
    """Whether an entry can conflict with another at all: a dated event, finer than a year, with
    an actor (every rule above needs one in common)."""
    return kind == EntryKind.EVENT.value and date is not None and date.precision is not Precision.YEAR \
        and bool(actors)


def search_window(dates: list[PartialDate]) -> tuple[dt.date, dt.date]:
    """The dates within which the conflicts of events on these dates lie."""
    return (min(d.earliest() for d in dates) - dt.timedelta(days=CONFLICT_SEARCH_DAYS),
            max(d.latest() for d in dates) + dt.timedelta(days=CONFLICT_SEARCH_DAYS))


# -- one event in two documents: joining a reference to an entry ------------------------------------

JOIN_SIMILARITY = 0.5  # descriptions this alike, on the same date and of the same kind, are one event
JOIN_SHARED_ACTORS = 2  # or this many actors in common
SHARED_RUN = 8  # words in a row two passages share when one quotes the other
_ANY_WORD = re.compile(r"[^\W_]+")


def share_a_run(a: str, b: str, n: int = SHARED_RUN) -> bool:
    """Whether two passages share n words in a row (case and punctuation aside): one quotes the other."""
    wa, wb = _ANY_WORD.findall(a.casefold()), _ANY_WORD.findall(b.casefold())
    runs = {tuple(wa[i:i + n]) for i in range(len(wa) - n + 1)}
    return any(tuple(wb[i:i + n]) in runs for i in range(len(wb) - n + 1))


def same_event(description: str, actors: set[str] | frozenset[str], other_description: str,
               other_actors: set[str] | frozenset[str]) -> bool:
    """Whether a dated reference is the event an entry of the same kind and date already gives:
    similar descriptions, a passage one quotes from the other, or two actors in common."""
    return (similar(description, other_description) >= JOIN_SIMILARITY
            or len(set(actors) & set(other_actors)) >= JOIN_SHARED_ACTORS
            or share_a_run(description, other_description))
