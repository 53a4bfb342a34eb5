"""Turn what analysis finds in a document into suggestions (kept apart until a person accepts)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dossier.analysis.events import read_event
from dossier.analysis.pipeline import Findings, read_findings
from dossier.analysis.post_titles import normalise_post
from dossier.analysis.tenures import TenureFound, find_tenures
from dossier.analysis.voice import Voice, voice_of
from dossier.domain.findings import ActionFound, ActorFound, ActorKind, DateFound, Mention
from dossier.domain.records import DetectedMetadata, DocumentMetadata
from dossier.domain.register import action_line, actor_key

Item = tuple[str, str, str, dict[str, Any]]  # kind, key, label, payload


def actor_item(actor: ActorFound, tenures: Sequence[TenureFound] = ()) -> Item:
    """An actor suggestion; its posts and the tenure evidence for them are applied when accepted."""
    payload = {
        "name": actor.name, "kind": actor.kind.value, "forms": list(actor.forms), "posts": list(actor.posts),
        "mentions": [[m.start, m.end, m.text] for m in actor.mentions],
        "tenures": [t.to_json() for t in tenures if t.person == actor.name],
    }
    post = _post_shown(actor, [t for t in tenures if t.person == actor.name])
    return "actor", f"actor:{actor.kind.value}:{actor_key(actor.name)}", f"{actor.name}{post}", payload


def _post_shown(actor: ActorFound, tenures: Sequence[TenureFound]) -> str:
    """What the suggestion's label says of the actor's post: the tenure the letter gives, else a post held."""
    for t in tenures:
        found = normalise_post(t.post) if t.post else None
        if found is None:
            continue
        when = t.date.display() if t.date else ""
        if t.sets == "start":
            return f" ({found.title}{f', from {when}' if when else ''})"
        if t.sets == "end":
            return f" ({found.title}{f', until {when}' if when else ''})"
        if t.sets == "left":
            return f" (formerly {found.title})"
    titles = [p for p in (normalise_post(raw) for raw in actor.posts) if p is not None]
    current = [p for p in titles if p.status != "left"] or titles
    return f" ({current[0].title})" if current else ""


def action_item(action: ActionFound) -> Item:
    digest = hashlib.sha1(" ".join(action.sentence.split()).casefold().encode()).hexdigest()[:12]
    due = action.due.value if action.due else "-"
    payload = {
        "type": action.type.value, "summary": action.summary, "sentence": action.sentence,
        "start": action.start, "end": action.end, "owner": action.owner, "addressed_to": action.addressed_to,
        "due": action.due.to_json() if action.due else None, "due_text": action.due_text,
    }
    when = f" — due {action.due.display()}" if action.due else ""
    label = f"{action.type.value.capitalize()}: {action_line(action.owner, action.summary)}{when}"
    return "action", f"action:{action.type.value}:{due}:{digest}", label, payload


@dataclass(frozen=True, slots=True)
class Reference:
    """A dated reference with the actors named in its sentence: chronology material. `description`
    is what it reports, in the third person ("" for the sentence as written); `event_kind` the kind
    of event (an EventKind value)."""

    found: DateFound
    actors: tuple[str, ...]
    description: str = ""
    event_kind: str = ""


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    suggestions: tuple[Item, ...]
    references: tuple[Reference, ...]


def _actors_in(span: tuple[int, int], actors: list[ActorFound]) -> tuple[str, ...]:
    start, end = span
    return tuple(a.name for a in actors if any(start <= m.start < end for m in a.mentions))


def _reference(found: DateFound, actors: list[ActorFound], voice: Voice) -> Reference:
    """A dated reference read as an event: its statement, kind, and the actors it names (with the
    parties its "I" and "you" stand for, once written in the third person)."""
    event = read_event(found, voice)
    names = _actors_in((found.sentence_start, found.sentence_end), actors)
    parties = [p for p in (voice.sender, *voice.recipients) if p and p not in names and p in event.description]
    return Reference(found, names + tuple(parties), event.description, event.kind)


def _named_by_tenures(text: str, tenures: Sequence[TenureFound], actors: list[ActorFound]) -> list[ActorFound]:
    """People a tenure names that the actor analysis left out ("Ann Roe has been appointed ...")."""
    known = {actor_key(a.name) for a in actors}
    out: dict[str, ActorFound] = {}
    for t in tenures:
        key = actor_key(t.person)
        if key in known or key in out or t.person_span is None:
            continue
        start, end = t.person_span
        out[key] = ActorFound(name=t.person, kind=ActorKind.PERSON, forms=(t.person,), rule=f"tenure:{t.rule}",
                              mentions=(Mention(start, end, text[start:end]),))
    return list(out.values())


def findings_for(text: str, metadata: DocumentMetadata, sender_post: str | None = None) -> Findings:
    """The one reading of a document's text (filing, re-analysis and `dossier analyse` all call it),
    against its metadata as corrected: references resolve against `metadata.date`."""
    found = DetectedMetadata(sender=metadata.sender, sender_post=sender_post, recipients=metadata.recipients,
                             cc=metadata.cc)
    return read_findings(text, found, metadata.date)


def analyse_document(text: str, metadata: DocumentMetadata, sender_post: str | None = None) -> DocumentAnalysis:
    """Suggestions and dated references for a document, resolved against its (corrected) metadata."""
    findings = findings_for(text, metadata, sender_post)
    actors = list(findings.actors)
    tenures = find_tenures(text, actors, findings.dates, sender=metadata.sender, document_date=metadata.date)
    actors += _named_by_tenures(text, tenures, actors)  # (their events name them too)
    voice = voice_of(text, metadata.sender, sender_post, metadata.recipients, actors)
    references = tuple(_reference(d, actors, voice) for d in findings.dates)
    return DocumentAnalysis(tuple(actor_item(a, tenures) for a in actors)
                            + tuple(action_item(a) for a in findings.actions), references)
