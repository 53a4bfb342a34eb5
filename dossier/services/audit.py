"""The audit trail: who changed what, when; viewed for a document, an actor or an action, or exported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from dossier.db import audit
from dossier.domain.audit import AuditEntry
from dossier.domain.audit_words import describe
from dossier.domain.detail import HistoryLine
from dossier.export.files import write_atomically

CSV_COLUMNS = ("at", "who", "what", "table", "row", "document", "actor", "action", "field", "old", "new")


class AuditService:
    def __init__(self, sessions: sessionmaker[Session], context: audit.AuditContext) -> None:
        self._sessions = sessions
        self._context = context

    @property
    def user(self) -> str:
        return self._context.who

    def set_user(self, name: str) -> None:
        """Whose name goes on the changes made from now on in this open dossier."""
        self._context.who = " ".join(name.split()) or audit.SYSTEM

    def history(self, *, document_id: int | None = None, actor_id: int | None = None,
                action_id: int | None = None, since: str | None = None,
                limit: int | None = None) -> tuple[AuditEntry, ...]:
        """Changes, newest first, to a document, an actor or an action (to everything if none given)."""
        with self._sessions() as session:
            return tuple(audit.history(session, document_id=document_id, actor_id=actor_id, action_id=action_id,
                                       since=since, limit=limit))

    def describe(self, entries: tuple[AuditEntry, ...]) -> tuple[str, ...]:
        """Each change in words, e.g. "Mention of 'J. Smith' in D3 ¶4 linked to John Smith (was: Smith)":
        documents by label, actors by name, paragraphs by number (the names as they are now)."""
        with self._sessions() as session:
            names = audit.names_for(session, entries)
        return tuple(describe(e, names) for e in entries)

    def to_csv(self, entries: tuple[AuditEntry, ...]) -> str:
        """One line per changed field (a row with no changed field still gets one line)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for e in entries:
            base = (e.at, e.who, e.what, e.table, e.row_id, e.document_id, e.actor_id, e.action_id)
            for change in e.changes or (None,):
                if change is None:
                    writer.writerow((*base, "", "", ""))
                else:
                    writer.writerow((*base, change.field, _cell(change.old), _cell(change.new)))
        return buffer.getvalue()



def save_history_csv(path: Path, csv_text: str) -> None:
    """Write the history as CSV (AuditService.to_csv) in one step: a failed write leaves any old file
    whole and raises a DossierError naming the file. The history window and `dossier history --csv` share it."""
    write_atomically(path, csv_text.encode("utf-8"), what="the history")


def history_lines(session: Session, entries: tuple[AuditEntry, ...]) -> tuple[HistoryLine, ...]:
    """Log rows in the words the History dialog uses, for a detail pane (one describer for both)."""
    names = audit.names_for(session, entries)
    return tuple(HistoryLine(at=e.at, who=e.who, text=describe(e, names)) for e in entries)


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
