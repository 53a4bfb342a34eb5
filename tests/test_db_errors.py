"""db/ turns the database's own errors into the project's (domain/errors.py), so that services
catch those and never import SQLAlchemy's exceptions. Real dossier files, real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from dossier.db import documents_repo as documents_repo
from dossier.db import search as fts
from dossier.db import search_repo
from dossier.db.models import Document
from dossier.domain.errors import AlreadyStored, IndexRefused
from dossier.domain.query import parse
from dossier.domain.records import DocumentMetadata, DocumentStatus
from dossier.services import Services


def _filed(services: Services, tmp_path: Path) -> int:
    note = tmp_path / "wall.txt"
    note.write_text("Dear Mr Brindle,\n\nThe garden wall on Quince Lane will be rebuilt by 4 June 2031.\n",
                    encoding="utf-8")
    result = services.documents.file_path(note)
    assert result.document_id is not None
    return result.document_id


def test_the_same_bytes_written_twice_raise_already_stored(services: Services, tmp_path: Path) -> None:
    _filed(services, tmp_path)
    with services.dossier.sessions() as session:
        sha = session.scalar(select(Document.sha256))
        with pytest.raises(AlreadyStored, match=r"again\.txt"):
            documents_repo.insert_document(
                session, sha256=sha, file_name="again.txt", media_type="text/plain", data=b"x", text="x",
                paragraphs=(), page_count=None, status=DocumentStatus.OK, metadata=DocumentMetadata(),
                sender_post=None, filed_at="2031-01-02T03:04:05+00:00")
        session.rollback()
    assert services.documents.ids() == [1]  # nothing else was written


def test_an_index_that_cannot_answer_raises_index_refused(services: Services, tmp_path: Path) -> None:
    doc = _filed(services, tmp_path)
    with services.dossier.sessions() as session:
        session.execute(text(f"DROP TABLE {fts.FTS_TABLE}"))  # as a damaged file might lack it
        with pytest.raises(IndexRefused):
            fts.word_found(session, "garden")
        with pytest.raises(IndexRefused):
            search_repo.hit_spans(session, doc, parse("garden"))
        session.rollback()


def test_the_search_service_says_so_plainly_when_the_index_refuses(services: Services, tmp_path: Path) -> None:
    _filed(services, tmp_path)
    with services.dossier.sessions.begin() as session:
        session.execute(text(f"DROP TABLE {fts.FTS_TABLE}"))
    assert services.search.suggestions("gardn wal") == ()  # no index to ask: no suggestion, no traceback
