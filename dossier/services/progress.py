"""An action's life, as suggestions: a later letter reports an action done, or moves its deadline.

Run when a document is filed or re-analysed (its sentences against the open actions set before its
date) and when actions are accepted (each new action against the later documents that share its
words). What it proposes is a suggestion of kind "status": a person accepts or rejects it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from dossier.analysis.progress import (
    OpenAction,
    ProgressFound,
    action_verb_and_object,
    content_words,
    find_progress,
    moves_a_deadline,
    verbs_reported,
)
from dossier.db import documents_repo as docs_repo
from dossier.db import progress_repo
from dossier.db.chronology import links as chronology_links

CANDIDATES = 200  # later documents read for one new action, at most

Item = tuple[str, str, str, dict[str, Any]]


def status_item(found: ProgressFound, action: OpenAction, document_id: int) -> Item:
    digest = hashlib.sha1(found.quote.casefold().encode()).hexdigest()[:12]
    payload = {"action_id": action.id, "status": found.status, "summary": action.summary,
               "quote": found.quote, "start": found.start, "end": found.end, "rule": found.rule,
               "document_id": document_id, "new_due": found.new_due.to_json() if found.new_due else None}
    if found.status == "done":
        label = f"Done: {action.summary} (reported in D{document_id})"
    else:
        when = f", now {found.new_due.display()}" if found.new_due else ""
        label = f"Superseded: {action.summary}{when} (D{document_id})"
    return "status", f"status:{action.id}:{found.status}:{digest}", label, payload


def _relevant(session: Session, rows: list[tuple], text: str | None = None) -> list[OpenAction]:
    """Open actions with their owners' names; with `text`, only those whose object it may speak of
    (their content words in it), so a dossier of thousands of actions reads few owners' names."""
    if text is not None:
        words, verbs, moved = content_words(text), verbs_reported(text), moves_a_deadline(text)
        rows = [r for r in rows if _could_speak_of(OpenAction(r[0], r[1]), words, verbs, moved)]
    names = progress_repo.owner_names(session, [r[2] for r in rows])
    return [OpenAction(i, summary, names.get(owner, ()) if owner is not None else (), due)
            for i, summary, owner, due, _set in rows]


def _could_speak_of(action: OpenAction, words: set[str], verbs: set[str], moved: bool) -> bool:
    """The text holds a word of the action's object, and a past form of its verb or a moved deadline
    (read here without the owner's names: a loose first sieve, the rules decide)."""
    verb, obj = action_verb_and_object(action)
    return bool(obj & words) and (moved or verb in verbs)


def _propose(session: Session, document_id: int, actions: list[OpenAction]) -> int:
    if not actions:
        return 0
    meta, _ = docs_repo.metadata_of(session, document_id)
    text = docs_repo.document_text(session, document_id)
    sender, recipients = progress_repo.parties(session, document_id)
    found = find_progress(text, actions, document_date=meta.date, sender_names=sender,
                          recipient_names=recipients)
    by_id = {a.id: a for a in actions}
    return progress_repo.add_suggestions(session, document_id,
                                         [status_item(f, by_id[f.action_id], document_id) for f in found])


def propose_for_document(session: Session, document_id: int) -> int:
    """Status suggestions from a (newly filed or re-read) document for the actions set before it."""
    date = progress_repo.document_date_value(session, document_id)
    if date is None:
        return 0
    rows = progress_repo.open_actions(session, set_before=date, exclude_document=document_id)
    if not rows:
        return 0
    return _propose(session, document_id, _relevant(session, rows, docs_repo.document_text(session, document_id)))


def propose_for_actions(session: Session, action_ids: Iterable[int]) -> int:
    """Status suggestions for newly accepted actions, from documents dated after them that share
    their words (found through the search index, not by reading every document)."""
    made = 0
    for doc_id, actions in sorted(later_documents(session, action_ids).items()):
        made += propose_in(session, doc_id, actions)
    return made


def propose_in(session: Session, document_id: int, actions: list[OpenAction]) -> int:
    """Status suggestions from one document for these actions (`later_documents` finds them)."""
    return _propose(session, document_id, actions)


def later_documents(session: Session, action_ids: Iterable[int]) -> dict[int, list[OpenAction]]:
    """The documents dated after these open actions that may speak of them, each with its actions:
    the reading `propose_for_actions` does, which a long acceptance does in short transactions."""
    by_document: dict[int, list[OpenAction]] = {}
    rows = progress_repo.open_actions(session, ids=list(action_ids))
    set_values = {r[0]: r[4] for r in rows}
    with_word: dict[str, list[int]] = {}  # a word -> the documents holding it, looked up once
    dates: dict[int, str | None] = {}  # a document's date, read once
    for action in _relevant(session, rows):
        set_value = set_values[action.id]
        if set_value is None:
            continue
        _, words = action_verb_and_object(action)
        if not words:
            continue
        longest = sorted(words, key=lambda w: (-len(w), w))[0]
        if longest not in with_word:
            with_word[longest] = chronology_links.documents_with_words(session, [longest], CANDIDATES)
            dates.update(progress_repo.date_values(session, [d for d in with_word[longest] if d not in dates]))
        for doc_id in sorted(set(with_word[longest])):
            value = dates.get(doc_id)
            if value and value > set_value and not value.startswith(set_value):  # dated after the action
                by_document.setdefault(doc_id, []).append(action)
    return by_document
