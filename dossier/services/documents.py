"""Use cases over documents: file, list, read, correct, re-analyse.

The GUI, the CLI and the tests all call these. Each user action is one short transaction; reading
and analysing a file happen before its transaction opens, so a write lock is held for milliseconds.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from dossier.analysis.actors_orgs import organisation_name
from dossier.analysis.anchoring import anchor_at, reanchor
from dossier.analysis.copies import sketch
from dossier.db import actions_repo, audit, copies_repo, detail_repo
from dossier.db import documents_repo as repo
from dossier.db.chronology import conflicts as chronology_conflicts
from dossier.db.chronology import entries as chronology_entries
from dossier.db.engine import WriterPace
from dossier.domain.annotations import ReanchorReport, ReviewStatus
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.clock import Clock, stamp
from dossier.domain.dates import PartialDate
from dossier.domain.detail import FieldCounts
from dossier.domain.errors import AlreadyStored, DiskFull, DossierError, UnreadableFile
from dossier.domain.records import (
    EDITABLE_FIELDS,
    MARKINGS,
    DocumentDetail,
    DocumentKind,
    DocumentMetadata,
    DocumentRow,
    DocumentStatus,
    DossierStats,
    Extracted,
    FileCopy,
    ImportOutcome,
    ImportResult,
)
from dossier.domain.safe_text import safe_text
from dossier.ingest import DEFAULT_MAX_BYTES, PassedOver, expand_paths, read_document, scan_paths
from dossier.ingest.documents import read_path
from dossier.services import progress
from dossier.services.copies import find_copy
from dossier.services.filing import (
    Prepared,
    Unreadable,
    analyse_extracted,
    metadata_from_detection,
    prepare,
    prepared_in_order,
)
from dossier.services.suggest import DocumentAnalysis, analyse_document

DISK_FULL = "not filed: the disk holding the dossier is full"  # the reason of each file a full disk stopped
CONFLICT_BATCH = 2000  # chronology entries touched before a batch import refreshes their conflicts
# formats whose reader finds more than the stored text holds: reanalyse reads the original again
_READ_AGAIN = frozenset({"message/rfc822", "application/vnd.ms-outlook", "text/html"})

Progress = Callable[[int, int, str], None]  # (files done, files in all, current file name)


@dataclass(frozen=True, slots=True)
class MetadataEdit:
    """Before and after of one metadata correction: what an undo step needs."""

    document_id: int
    before: DocumentMetadata
    before_user_set: frozenset[str]
    after: DocumentMetadata
    after_user_set: frozenset[str]


def _party_organisations(meta: DocumentMetadata) -> frozenset[str]:
    """The sender and recipients that name an organisation ("Private Office"), not a person."""
    return frozenset(n for n in (meta.sender, *meta.recipients, *meta.cc) if n and organisation_name(n))


class DocumentService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._sessions = sessions
        self.clock = clock
        self.max_bytes = max_bytes

    # -- filing ----------------------------------------------------------------------------------
    @staticmethod
    def expand(paths: Iterable[Path | str]) -> list[Path]:
        return expand_paths(paths)

    def file_path(self, path: Path | str) -> ImportResult:
        """File one file, atomically: either it is filed whole or nothing changes."""
        return self._store(prepare(Path(path), self.max_bytes))

    def file_paths(
        self,
        paths: Iterable[Path | str],
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[ImportResult]:
        """File files and folders (recursively). A cancel keeps what was already filed. Each entry
        of a folder that is not filed has a result too, after the files: SKIPPED (no document by
        design) or FAILED (named like a document, but a link to nothing, a pipe...)."""
        files, passed_over = scan_paths(paths)
        results: list[ImportResult] = []
        self.refresh_stale_conflicts()  # left by an earlier batch that did not finish
        touched: set[int] = set()  # chronology entries whose conflicts are refreshed once per batch
        pace = WriterPace()  # a window's edit gets its turn while a long batch files
        try:
            for n, prepared in enumerate(prepared_in_order(files, self.max_bytes)):
                if cancelled and cancelled():
                    break
                if progress:
                    progress(n, len(files), files[n].name)
                try:
                    results.append(self._store(prepared, touched))
                except DiskFull:  # what is filed stays filed; the rest is listed as not filed
                    results += [ImportResult(str(p), ImportOutcome.FAILED, message=f"{p}: {DISK_FULL}")
                                for p in files[n:]]
                    break
                pace()
                if len(touched) >= CONFLICT_BATCH:
                    self._refresh_conflicts(touched)
        finally:
            with contextlib.suppress(DiskFull):  # left marked stale: refreshed when the dossier next opens
                self._refresh_conflicts(touched)
        if progress:
            progress(len(results), len(files), "")
        return results + [_passed_over(p) for p in passed_over]

    def refresh_stale_conflicts(self) -> None:
        """Refresh the conflicts a batch import left undone (it was killed before its end)."""
        with self._sessions() as session:
            stale = chronology_entries.stale_entries(session)
        self._refresh_conflicts(stale)

    def _refresh_conflicts(self, entry_ids: set[int]) -> None:
        if entry_ids:
            with self._sessions.begin() as session:
                chronology_conflicts.refresh_conflicts(session, entry_ids)
            entry_ids.clear()

    def _store(self, prepared: Prepared | Unreadable, touched: set[int] | None = None) -> ImportResult:
        """Write one prepared file in its own transaction.

        With `touched`, the chronology entries it touched are added there for a later conflict refresh.
        """
        if isinstance(prepared, Unreadable):
            return ImportResult(prepared.path, ImportOutcome.FAILED, message=prepared.message)
        path, extracted = Path(prepared.path), prepared.extracted
        status = DocumentStatus.OK if extracted.has_text_layer else DocumentStatus.NO_TEXT_LAYER
        try:
            with self._sessions.begin() as session:
                existing = repo.find_by_sha(session, prepared.sha256)
                if existing:  # nothing was written: leaving the block ends the transaction
                    return _duplicate(path, *existing)
                audit.quiet(session)  # the log says the document was filed, not each row derived from it
                copy_of = find_copy(session, extracted.text, prepared.sketch)
                doc_id = repo.insert_document(
                    session, sha256=prepared.sha256, file_name=safe_text(path.name), media_type=extracted.media_type,
                    data=prepared.data, text=extracted.text, paragraphs=extracted.paragraphs,
                    page_count=extracted.page_count, status=status, metadata=prepared.metadata,
                    sender_post=prepared.found.sender_post, filed_at=stamp(self.clock),
                    organisations=_party_organisations(prepared.metadata), copy_of=copy_of,
                )
                copies_repo.write_sketch(session, doc_id, prepared.sketch)
                entries = _store_analysis(session, doc_id, prepared.analysis, stamp(self.clock), refresh=touched is None,
                                          new=True)
            if touched is not None:
                touched |= entries
        except AlreadyStored:
            # another window filed the same bytes between our check and our write
            with self._sessions() as session:
                existing = repo.find_by_sha(session, prepared.sha256)
            if existing:
                return _duplicate(path, *existing)
            raise
        message = "filed" if status is DocumentStatus.OK else f"filed: {status.value}"
        if copy_of is not None:
            message += f"; a copy of D{copy_of}"
        return ImportResult(str(path), ImportOutcome.FILED, doc_id, message, copy_of)

    # -- reading ---------------------------------------------------------------------------------
    def ids(self, *, sort: str = "date", descending: bool = False, text_filter: str = "") -> list[int]:
        with self._sessions() as session:
            return repo.document_ids(session, sort=sort, descending=descending, text_filter=text_filter)

    def rows(self, ids: Sequence[int]) -> list[DocumentRow]:
        with self._sessions() as session:
            return repo.document_rows(session, ids)

    def field_counts(self) -> FieldCounts:
        """How many documents there are, and how many name a sender and a recipient (counted, not read)."""
        with self._sessions() as session:
            return detail_repo.document_counts(session)

    def get(self, doc_id: int) -> DocumentDetail:
        with self._sessions() as session:
            return repo.document_detail(session, doc_id)

    def original(self, doc_id: int) -> bytes:
        with self._sessions() as session:
            return repo.original_bytes(session, doc_id)

    def actor_names(self, prefix: str = "") -> list[str]:
        with self._sessions() as session:
            return repo.actor_names(session, prefix)

    def stats(self) -> DossierStats:
        with self._sessions() as session:
            return repo.stats(session)

    # -- correcting ------------------------------------------------------------------------------
    def edit_metadata(self, doc_id: int, changes: Mapping[str, Any]) -> Changed[MetadataEdit]:
        """Set some metadata fields as the user's own; analysis will never overwrite them."""
        values = _validated(changes)
        with self._sessions.begin() as session:
            before, before_set = repo.metadata_of(session, doc_id)
            after = dataclasses.replace(before, **values)
            after_set = before_set | set(values)
            written = self._write(session, doc_id, before, after, after_set)
        return Changed(MetadataEdit(doc_id, before, before_set, after, frozenset(after_set)), written)

    def restore_metadata(self, doc_id: int, metadata: DocumentMetadata,
                         user_set: frozenset[str]) -> Changed[None]:
        """Put back metadata exactly as it was (the undo of an edit)."""
        with self._sessions.begin() as session:
            current, _ = repo.metadata_of(session, doc_id)
            written = self._write(session, doc_id, current, metadata, user_set)
        return Changed(None, written)

    def _write(self, session: Session, doc_id: int, before: DocumentMetadata, after: DocumentMetadata,
               user_set: Iterable[str]) -> Changes:
        """Write metadata; when what suggestions hang on changed, suggest afresh (pending ones only)."""
        now = stamp(self.clock)
        repo.write_metadata(session, doc_id, after, user_set, now, _party_organisations(after))
        written = Changes.of(Kind.METADATA, [doc_id]) | Changes.of(Kind.ACTORS)  # parties may be new actors
        if (before.date, before.sender, before.recipients, before.cc) != (after.date, after.sender,
                                                                           after.recipients, after.cc):
            text = repo.document_text(session, doc_id)
            _store_analysis(session, doc_id, analyse_document(text, after), now)
            written |= ANALYSED
        return written

    def refile(self, doc_id: int, path: Path | str) -> Changed[ReanchorReport]:
        """Replace a document's original and text with a better copy (say, one with a text layer).

        The metadata stays. Annotations, mentions, actions and chronology sources are moved onto
        the same words in the new text; annotations that cannot be placed become orphans, never lost.
        All in one transaction: if anything fails, the document is as it was.
        """
        return self.refile_copy(doc_id, self.read_copy(path))

    def read_copy(self, path: Path | str) -> FileCopy:
        """Read a file for a re-file. This reads the file only, not the dossier, so a window can
        run it off its GUI thread (a large PDF takes a while) and then call refile_copy."""
        try:
            data, extracted = read_path(path, max_bytes=self.max_bytes)
        except UnreadableFile as exc:
            raise DossierError(str(exc)) from exc
        return FileCopy(safe_text(Path(path).name), data, extracted)

    def current_copy(self, doc_id: int) -> FileCopy:
        """A document's original as it stands, with the text read from it when it was filed: what
        the undo of a re-file puts back, without reading the file again."""
        with self._sessions() as session:
            detail = repo.document_detail(session, doc_id)
            data = repo.original_bytes(session, doc_id)
        row = detail.row
        return FileCopy(row.file_name, data, Extracted(
            text=detail.text, paragraphs=detail.paragraphs, media_type=detail.media_type, page_count=row.page_count,
            has_text_layer=row.status is not DocumentStatus.NO_TEXT_LAYER, title=detail.metadata.title))

    def refile_copy(self, doc_id: int, copy: FileCopy, *,
                    review: ReviewStatus | None = None) -> Changed[ReanchorReport]:
        """`refile` with a copy already read (read_copy, or current_copy for an undo). `review`: the
        reviewed mark to put back with it (the undo of a re-file that cleared one)."""
        return self._refile(doc_id, copy.file_name, copy.data, copy.extracted, review)

    def _refile(self, doc_id: int, file_name: str, data: bytes, extracted: Extracted,
                restore: ReviewStatus | None = None) -> Changed[ReanchorReport]:
        """Put a new original and text in place. The title and metadata stay; the file name it was
        first filed under is kept beside the new one; a reviewed mark is cleared (the document has
        "changed since reviewed"). The log says the document was re-filed and, in one line, how its
        annotations moved: not each offset of each span and annotation."""
        from dossier.db.annotations_repo import review_of, set_review
        from dossier.services.reanchoring import reanchor_annotations

        sha256 = hashlib.sha256(data).hexdigest()
        status = DocumentStatus.OK if extracted.has_text_layer else DocumentStatus.NO_TEXT_LAYER
        with self._sessions.begin() as session:
            existing = repo.find_by_sha(session, sha256)
            if existing and existing[0] != doc_id:
                raise DossierError(f"{file_name} is already filed as D{existing[0]} ({existing[1]}).")
            review = review_of(session, doc_id)
            audit.quiet(session)  # the document's own change is logged; the spans moved are summed up below
            if review is not None:
                set_review(session, doc_id, None)
            spans = repo.spans_in(session, doc_id)
            old_text = repo.replace_text(
                session, doc_id, sha256=sha256, file_name=file_name, media_type=extracted.media_type,
                data=data, text=extracted.text, paragraphs=extracted.paragraphs,
                page_count=extracted.page_count, status=status, reviewed_by=review.reviewed_by if review else None,
                review_restored=restore is not None)
            for table, row_id, start, end in spans:
                placed = reanchor(extracted.text, anchor_at(old_text, start, end)) if start < end <= len(old_text) else None
                repo.move_span(session, table, row_id, *((placed.start, placed.end) if placed else (None, None)))
            report = reanchor_annotations(session, doc_id, extracted.text)
            copies_repo.write_sketch(session, doc_id, sketch(extracted.text))
            if report.moved or report.orphans:
                audit.note(session, "annotations", doc_id, {
                    "reanchored": report.moved, "changed_words": len(report.changed_words),
                    "orphaned": len(report.orphans)})
            if restore is not None:
                set_review(session, doc_id, restore)
            metadata, _ = repo.metadata_of(session, doc_id)
            _store_analysis(session, doc_id, analyse_document(extracted.text, metadata), stamp(self.clock))
        return Changed(dataclasses.replace(report, review_cleared=review), refiled(doc_id))

    def reanalyse(self, doc_id: int) -> Changed[DocumentMetadata]:
        """Run detection again over the stored text; fields the user set are left alone."""
        with self._sessions() as session:
            detail = repo.document_detail(session, doc_id)
        extracted = Extracted(text=detail.text, paragraphs=detail.paragraphs, media_type=detail.media_type,
                              title=detail.metadata.title)
        if detail.media_type in _READ_AGAIN:  # an email's parties live in its headers, a page's date in its meta tags
            with self._sessions() as session:
                data = repo.original_bytes(session, doc_id)
            extracted = read_document(detail.row.file_name, data)
        fresh = metadata_from_detection(analyse_extracted(detail.row.file_name, extracted), extracted)
        kept = {f: getattr(detail.metadata, f) for f in detail.user_set if f in EDITABLE_FIELDS}
        merged = dataclasses.replace(fresh, **kept)
        with self._sessions.begin() as session:
            now = stamp(self.clock)
            repo.write_metadata(session, doc_id, merged, detail.user_set, now, _party_organisations(merged))
            _store_analysis(session, doc_id, analyse_document(detail.text, merged), now)
        return Changed(merged, Changes.of(Kind.METADATA, [doc_id]) | Changes.of(Kind.ACTORS) | ANALYSED)


# what analysing a document again writes: its suggestions (status ones too) and its chronology entries
ANALYSED = Changes.kinds_of(Kind.SUGGESTIONS, Kind.CHRONOLOGY)


def refiled(doc_id: int) -> Changes:
    """What a re-file writes: the document, and all that is anchored in its text or derived from it."""
    return (Changes.of(Kind.DOCUMENTS, [doc_id]) | Changes.of(Kind.REVIEWS, [doc_id])
            | Changes.kinds_of(Kind.ANNOTATIONS, Kind.MENTIONS, Kind.ACTIONS) | ANALYSED)


def _store_analysis(session: Session, doc_id: int, analysis: DocumentAnalysis, now: str, *, refresh: bool = True,
                    new: bool = False) -> set[int]:
    """Suggestions (pending ones replaced) and the chronology entries analysis found, refreshed."""
    actions_repo.replace_pending(session, doc_id, analysis.suggestions, new=new)
    progress.propose_for_document(session, doc_id)  # what it says of earlier actions: done, or moved
    return chronology_entries.replace_machine_entries(session, doc_id, analysis.references, now,
                                                   refresh=refresh)


def _passed_over(entry: PassedOver) -> ImportResult:
    outcome = ImportOutcome.FAILED if entry.failed else ImportOutcome.SKIPPED
    return ImportResult(entry.path, outcome, message=f"{entry.path}: {entry.reason}")


def _duplicate(path: Path, doc_id: int, file_name: str) -> ImportResult:
    return ImportResult(str(path), ImportOutcome.DUPLICATE, doc_id,
                        f"already filed as D{doc_id} ({file_name}); nothing new filed")


def _validated(changes: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name!r} is not a field you can edit")
        if name == "kind":
            value = DocumentKind(value)
        elif name == "date":
            if value is not None and not isinstance(value, PartialDate):
                raise TypeError("date must be a PartialDate or None")
        elif name == "marking":
            value = (value or "").strip().upper() or None
            if value is not None and value not in MARKINGS:
                raise ValueError(f"marking must be one of {', '.join(MARKINGS)}")
        elif name in ("recipients", "cc"):
            value = tuple(n.strip() for n in value if n and n.strip())
        elif name in ("title", "reference", "sender"):
            value = (value or "").strip() or None
        out[name] = value
    return out
