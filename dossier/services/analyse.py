"""`dossier analyse`: what Dossier would detect in one file, without a dossier (GUIDE §4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dossier.analysis.actions import find_actions
from dossier.analysis.actors import find_actors
from dossier.analysis.temporal import find_dates
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound, ActorFound, DateFound
from dossier.ingest import read_path
from dossier.services.documents import DEFAULT_MAX_BYTES
from dossier.services.filing import analyse_extracted, metadata_from_detection


def analyse_file(path: Path, context_date: PartialDate | None = None) -> dict[str, Any]:
    """Analyse one file. `context_date` is the user's date for a document whose text states none.

    Raises UnreadableFile with a one-line reason.
    """
    _data, extracted = read_path(path, max_bytes=DEFAULT_MAX_BYTES)
    found = analyse_extracted(path.name, extracted)
    meta = metadata_from_detection(found, extracted)
    date = meta.date or context_date
    text = extracted.text
    actors = find_actors(text, metadata=found)
    dates = find_dates(text, date)
    actions = find_actions(text, document_date=date, dates=dates, actors=actors, sender=meta.sender,
                           recipients=meta.recipients)
    return {
        "file": path.name,
        "kind": meta.kind.value,
        "date": date.to_json() if date else None,
        "date_stated": meta.date is not None,
        "sender": meta.sender,
        "sender_post": found.sender_post,
        "recipients": list(meta.recipients),
        "cc": list(meta.cc),
        "title": meta.title,
        "reference": meta.reference,
        "marking": meta.marking,
        "pages": extracted.page_count,
        "has_text_layer": extracted.has_text_layer,
        "actors": [actor_json(a) for a in actors],
        "dates": [date_json(d) for d in dates],
        "deadlines": [deadline_json(a) for a in actions if a.due is not None],
        "actions": [action_json(a) for a in actions],
    }


def actor_json(actor: ActorFound) -> dict[str, Any]:
    return {"name": actor.name, "kind": actor.kind.value, "forms": list(actor.forms),
            "role": actor.posts[0] if actor.posts else None, "posts": list(actor.posts),
            "mentions": len(actor.mentions)}


def date_json(found: DateFound) -> dict[str, Any]:
    out = found.date.to_json()
    out.update({"text": found.text, "role": found.role.value, "start": found.start, "end": found.end,
                "sentence": found.sentence})
    return out


def deadline_json(action: ActionFound) -> dict[str, Any]:
    assert action.due is not None
    out = action.due.to_json()
    out.update({"text": action.due_text or action.due.text, "owner": action.owner, "type": action.type.value,
                "sentence": action.sentence})
    return out


def action_json(action: ActionFound) -> dict[str, Any]:
    return {"type": action.type.value, "summary": action.summary, "owner": action.owner,
            "addressed_to": action.addressed_to, "due": action.due.to_json() if action.due else None,
            "sentence": action.sentence, "start": action.start, "end": action.end}
