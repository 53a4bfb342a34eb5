"""`dossier analyse`: what Dossier would detect in one file, without a dossier (GUIDE §4).

Every value found says why: the named rule that produced it and the character span of the text it
read ([start, end) in the document's text; -1 where it came from an email header).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound, ActorFound, DateFound, Evidence
from dossier.domain.records import DetectedMetadata
from dossier.ingest import DEFAULT_MAX_BYTES
from dossier.services.filing import read_document
from dossier.services.suggest import findings_for

GIVEN_DATE = "given-date"  # the rule name of a date the user gave (--date) for a text that states none


def analyse_file(path: Path, context_date: PartialDate | None = None) -> dict[str, Any]:
    """Analyse one file, as filing would. `context_date` is the user's date for a document whose
    text states none.

    Raises UnreadableFile with a one-line reason.
    """
    read = read_document(path, DEFAULT_MAX_BYTES)
    extracted, found, meta = read.extracted, read.found, read.metadata
    date = meta.date or context_date
    findings = findings_for(extracted.text, replace(meta, date=date), found.sender_post)
    evidence = metadata_evidence(found, given_date=meta.date is None and date is not None)
    date_json_ = date.to_json() if date else None
    if date_json_ is not None and "date" in evidence:
        date_json_.update(evidence["date"])
    return {
        "file": path.name,
        "kind": meta.kind.value,
        "date": date_json_,
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
        "evidence": evidence,
        "actors": [actor_json(a) for a in findings.actors],
        "dates": [date_json(d) for d in findings.dates],
        "deadlines": [deadline_json(a, findings.dates) for a in findings.actions if a.due is not None],
        "actions": [action_json(a) for a in findings.actions],
    }


def evidence_json(evidence: Evidence) -> dict[str, Any]:
    return {"rule": evidence.rule, "start": evidence.start, "end": evidence.end}


def metadata_evidence(found: DetectedMetadata, *, given_date: bool) -> dict[str, Any]:
    """Why each piece of metadata was read: {"date": {...}, "sender": {...}, "recipients": [{"name": ...,
    "rule": ...}], "cc": [...]}."""
    out: dict[str, Any] = {}
    for key, evidence in found.evidence:
        field, _, name = key.partition(":")
        if field in ("recipients", "cc"):
            out.setdefault(field, []).append({"name": name or None, **evidence_json(evidence)})
        else:
            out.setdefault(field, evidence_json(evidence))
    if given_date:
        out["date"] = evidence_json(Evidence(GIVEN_DATE))
    return out


def actor_json(actor: ActorFound) -> dict[str, Any]:
    first = actor.mentions[0] if actor.mentions else None
    return {"name": actor.name, "kind": actor.kind.value, "forms": list(actor.forms),
            "role": actor.posts[0] if actor.posts else None, "posts": list(actor.posts),
            "mentions": len(actor.mentions), "rule": actor.rule or None,
            "start": first.start if first else -1, "end": first.end if first else -1,
            "spans": [[m.start, m.end] for m in actor.mentions]}


def date_json(found: DateFound) -> dict[str, Any]:
    out = found.date.to_json()
    out.update({"text": found.text, "role": found.role.value, "rule": found.rule or None, "start": found.start,
                "end": found.end, "sentence": found.sentence})
    return out


def _due_found(action: ActionFound, dates: tuple[DateFound, ...]) -> DateFound | None:
    """The dated reference an action's due date was read from."""
    for d in dates:
        if action.start <= d.start < action.end and d.date == action.due:
            return d
    return None


def deadline_json(action: ActionFound, dates: tuple[DateFound, ...] = ()) -> dict[str, Any]:
    assert action.due is not None
    due = _due_found(action, dates)
    out = action.due.to_json()
    out.update({"text": action.due_text or action.due.text, "owner": action.owner, "type": action.type.value,
                "sentence": action.sentence, "rule": action.rule or None,
                "date_rule": (due.rule or None) if due else None,
                "start": due.start if due else action.start, "end": due.end if due else action.end})
    return out


def action_json(action: ActionFound) -> dict[str, Any]:
    return {"type": action.type.value, "summary": action.summary, "owner": action.owner,
            "addressed_to": action.addressed_to, "due": action.due.to_json() if action.due else None,
            "sentence": action.sentence, "rule": action.rule or None, "start": action.start, "end": action.end}
