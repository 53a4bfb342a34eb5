"""Annotations follow their words when a document's text is replaced (a better copy, a re-read).

Apart from the annotation service because filing a better copy (services/documents) calls it
inside its own transaction, while the annotation service reads the documents service's clock.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from dossier.analysis.anchoring import anchor_at, reanchor
from dossier.db import annotations_repo as repo
from dossier.domain.annotations import ReanchorReport


def reanchor_annotations(session: Session, doc_id: int, new_text: str) -> ReanchorReport:
    """Re-anchor a document's annotations on its new text, inside the caller's transaction."""
    kept = moved = 0
    orphan_ids, changed_ids = [], []
    for ann_id, anchor in repo.anchors_of(session, doc_id):
        placed = reanchor(new_text, anchor)
        if placed is None:
            repo.move_anchor(session, ann_id, None, None)
            orphan_ids.append(ann_id)
            continue
        if placed.moved:
            moved += 1
            fresh = anchor_at(new_text, placed.start, placed.end)
            different = _words(fresh.quote) != _words(anchor.quote)
            repo.move_anchor(session, ann_id, fresh.start, fresh.end, fresh.quote, fresh.prefix, fresh.suffix,
                             needs_check=different)
            if different:
                changed_ids.append(ann_id)
        else:
            kept += 1
    orphans = tuple(repo.get(session, i) for i in orphan_ids)
    changed = tuple(repo.get(session, i) for i in changed_ids)
    return ReanchorReport(doc_id, kept, moved, orphans, changed)


def _words(text: str) -> tuple[str, ...]:
    """What a quote says: its words, whatever the spacing and line breaks of the copy it came from."""
    return tuple(text.split())
