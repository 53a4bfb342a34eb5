"""The bundled sample case: file its documents, then apply what a user entered by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.domain.annotations import AnnotationFields, Colour
from dossier.domain.briefing import BriefingOptions
from dossier.domain.dates import PartialDate
from dossier.domain.records import ImportOutcome, ImportResult
from dossier.paths import sample_dir
from dossier.services.documents import DocumentService

if TYPE_CHECKING:
    from dossier.services import Services

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


def curate_sample(services: Services, results: list[ImportResult], folder: Path | None = None) -> None:
    """Apply the sample's review layer to what was just filed: the register the user accepted
    (every actor, and the actions that carry a due date), their annotations, the documents they
    marked reviewed, and the briefing draft they were working on."""
    folder = folder or sample_dir()
    path = folder / CURATION_FILE
    review = json.loads(path.read_text(encoding="utf-8")).get("review") if path.exists() else None
    filed = {Path(r.path).name: r.document_id for r in results
             if r.outcome is ImportOutcome.FILED and r.document_id is not None}
    if not review or not filed:
        return
    services.audit.set_user(review.get("author", ""))
    pending = [s for s in services.suggestions.pending() if s.document_id in filed.values()]
    accept = review.get("accept", {})
    chosen = [s.id for s in pending if s.kind == "actor" and accept.get("actors") == "all"]
    chosen += [s.id for s in pending if s.kind == "action" and accept.get("actions") == "with a due date"
               and s.payload.get("due")]
    services.suggestions.accept_many(chosen)
    for a in review.get("annotations", []):
        if a["file"] in filed:
            fields = AnnotationFields(Colour(a.get("colour", "yellow")), a.get("note", ""), tuple(a.get("tags", ())))
            services.annotations.create_at_quote(filed[a["file"]], a["quote"], fields, author=services.audit.user)
    for name in review.get("reviewed", []):
        if name in filed:
            services.annotations.set_reviewed(filed[name], True, by=services.audit.user)
    if "briefing" in review:
        services.briefing.save_draft(BriefingOptions.from_json(review["briefing"]))
