"""The bundled sample case: file its documents, then apply what a user entered by hand."""

from __future__ import annotations

import json
from pathlib import Path

from dossier.domain.dates import PartialDate
from dossier.domain.records import ImportOutcome, ImportResult
from dossier.paths import sample_dir
from dossier.services.documents import DocumentService

CURATION_FILE = "curation.json"


def load_curation(folder: Path) -> dict[str, dict]:
    path = folder / CURATION_FILE
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


def build_sample(documents: DocumentService, folder: Path | None = None) -> list[ImportResult]:
    """File the sample documents (not the curation file) and apply the curation to new ones."""
    folder = folder or sample_dir()
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != CURATION_FILE)
    results = documents.file_paths(files)
    curation = load_curation(folder)
    for result in results:
        entry = curation.get(Path(result.path).name)
        if result.outcome is ImportOutcome.FILED and entry and result.document_id is not None:
            changes = dict(entry)
            if "date" in changes:
                changes["date"] = PartialDate.from_json(changes["date"])
            documents.edit_metadata(result.document_id, changes)
    return results
