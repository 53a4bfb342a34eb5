"""Copies of one letter: found when a document is filed, shown as "copy of D3", undone by "not a copy".

Finding one is an index lookup on the document's sketch (dossier.analysis.copies) and a full
comparison with the few candidates it returns, so filing stays fast in a dossier of thousands.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from dossier.analysis.copies import CANDIDATE_SHARED, THRESHOLD, shingles, similarity, sketch_similarity
from dossier.db import copies_repo
from dossier.db import documents_repo as repo
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.errors import DossierError

SKETCH_MARGIN = 0.2  # a sketch's estimate is rough: compare in full from this far under the threshold


@dataclass(frozen=True, slots=True)
class CopyState:
    """Whether a document is a copy of an earlier one, and whether the user said it is not."""

    document_id: int
    copy_of: int | None
    not_a_copy: bool


def find_copy(session: Session, text: str, hashes: tuple[int, ...], *, exclude: int | None = None) -> int | None:
    """The earliest document whose words this text repeats (following a copy to its original), if any."""
    if not hashes:
        return None
    mine: frozenset[int] | None = None
    originals = []
    for doc_id, _shared in copies_repo.candidates(session, hashes, at_least=CANDIDATE_SHARED, exclude=exclude):
        if sketch_similarity(hashes, copies_repo.sketch_of(session, doc_id)) < THRESHOLD - SKETCH_MARGIN:
            continue
        mine = mine if mine is not None else shingles(text)
        if similarity(mine, repo.document_text(session, doc_id)) >= THRESHOLD:
            copy_of, _ = copies_repo.copy_state(session, doc_id)
            originals.append(copy_of if copy_of is not None and copy_of != exclude else doc_id)
    return min(originals) if originals else None


class CopyService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def state(self, doc_id: int) -> CopyState:
        with self._sessions() as session:
            copy_of, not_a_copy = copies_repo.copy_state(session, doc_id)
        return CopyState(doc_id, copy_of, not_a_copy)

    def copies(self, doc_id: int) -> tuple[int, ...]:
        """The documents filed as copies of this one."""
        with self._sessions() as session:
            return tuple(copies_repo.copies_made_of(session, doc_id))

    def not_a_copy(self, doc_id: int) -> Changed[tuple[CopyState, CopyState]]:
        """The user says this document is no copy: it is shown, and briefed, as a document of its own.
        Returns (before, after) for undo."""
        with self._sessions.begin() as session:
            copy_of, flag = copies_repo.copy_state(session, doc_id)
            if copy_of is None:
                raise DossierError(f"D{doc_id} is not marked as a copy of another document.")
            copies_repo.set_copy_state(session, doc_id, None, True)
        return Changed((CopyState(doc_id, copy_of, flag), CopyState(doc_id, None, True)),
                       Changes.of(Kind.DOCUMENTS, [doc_id]))

    def restore(self, state: CopyState) -> Changed[None]:
        """Put a document's copy mark back as it was (the undo of "not a copy")."""
        with self._sessions.begin() as session:
            copies_repo.set_copy_state(session, state.document_id, state.copy_of, state.not_a_copy)
        return Changed(None, Changes.of(Kind.DOCUMENTS, [state.document_id]))
