"""How a chronology entry is stored: its columns as the domain's fields, and back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.orm import Session

from dossier.db.models import (
    ChronologyEntry,
)
from dossier.domain.chronology import (
    EntryFields,
    EntryKind,
)
from dossier.domain.dates import PartialDate, Precision
from dossier.domain.errors import NotFound

RANK = {Precision.YEAR.value: 0, Precision.MONTH.value: 1, Precision.DAY.value: 2}


def partial_date(value, precision, qualifier=None, text=None, end_value=None) -> PartialDate | None:
    if not value or not precision:
        return None
    return PartialDate(value, precision, qualifier, text or "", end_value)


def split_actors(actors: str) -> set[str]:
    return {n for n in actors.split("; ") if n}


def entry_of(session: Session, key: str) -> ChronologyEntry:
    if not key.startswith("entry:"):
        raise ValueError(f"{key} is not an entry that can be edited")
    entry = session.get(ChronologyEntry, int(key.split(":")[1]))
    if entry is None:
        raise NotFound(f"There is no chronology entry {key}.")
    return entry


def field_values(fields: EntryFields) -> dict[str, Any]:
    """The columns an entry's editable fields are stored in."""
    d = fields.date
    return {"kind": fields.kind.value, "date_value": d.value if d else None,
            "date_precision": d.precision.value if d else None,
            "date_qualifier": d.qualifier.value if d and d.qualifier else None, "date_text": d.text if d else None,
            "date_end_value": d.end_value if d else None, "date_sort": d.earliest().isoformat() if d else None,
            "date_rank": RANK[d.precision.value] if d else None, "description": fields.description,
            "actors": "; ".join(fields.actors)}


def set_fields(entry: ChronologyEntry, fields: EntryFields) -> None:
    for column, value in field_values(fields).items():
        setattr(entry, column, value)


def fields_of(entry: ChronologyEntry) -> EntryFields:
    return EntryFields(
        date=partial_date(entry.date_value, entry.date_precision, entry.date_qualifier, entry.date_text,
                   entry.date_end_value),
        description=entry.description, kind=EntryKind(entry.kind), actors=tuple(sorted(split_actors(entry.actors))),
    )


def chunks(ids: Sequence[Any], size: int = 900) -> Iterator[Sequence[Any]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]
