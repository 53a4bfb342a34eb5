"""`dossier analyse`: what Dossier would detect in one file, without a dossier (GUIDE §4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dossier.domain.dates import PartialDate
from dossier.ingest import read_path
from dossier.services.documents import DEFAULT_MAX_BYTES, analyse_extracted, metadata_from_detection


def analyse_file(path: Path, context_date: PartialDate | None = None) -> dict[str, Any]:
    """Analyse one file. `context_date` is the user's date for a document whose text states none.

    Raises UnreadableFile with a one-line reason.
    """
    _data, extracted = read_path(path, max_bytes=DEFAULT_MAX_BYTES)
    found = analyse_extracted(path.name, extracted)
    meta = metadata_from_detection(found, extracted)
    date = meta.date or context_date
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
        "actors": [],
        "dates": [],
        "deadlines": [],
    }
