"""The filing pipeline: read and analyse files (in worker processes for a batch), in order.

The stages, one place for each, shared by filing (`prepare`) and `dossier analyse` (services/analyse):
    read_document(path)       read and normalise the file (ingest), detect its metadata (analysis.metadata)
    analyse_document(...)     what to store: suggestions and dated references (services/suggest)
    findings_for(...)         the reading both rest on: actors, dates, actions (analysis.pipeline)

Reading, normalising and analysing a letter is pure CPU work with no database, so a batch spreads
it over the machine's cores; the caller writes each prepared file in its own short transaction,
in the order the files were given. Memory stays bounded: only a few files are in flight at once.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dossier.analysis.copies import sketch
from dossier.analysis.metadata import detect_metadata
from dossier.domain.errors import UnreadableFile
from dossier.domain.records import DetectedMetadata, DocumentMetadata, Extracted
from dossier.domain.safe_text import safe_text
from dossier.ingest import read_path
from dossier.services.suggest import DocumentAnalysis, analyse_document

PARALLEL_MIN_FILES = 16  # below this, starting worker processes costs more than it saves
IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file read and analysed, ready to be written."""

    path: str
    data: bytes
    sha256: str
    extracted: Extracted
    found: DetectedMetadata
    metadata: DocumentMetadata
    analysis: DocumentAnalysis
    sketch: tuple[int, ...] = ()  # its words' smallest shingle hashes: how copies of it are found


@dataclass(frozen=True, slots=True)
class Unreadable:
    path: str
    message: str


def metadata_from_detection(found: DetectedMetadata, extracted: Extracted) -> DocumentMetadata:
    return DocumentMetadata(
        kind=found.kind, date=found.date, title=found.title or extracted.title, reference=found.reference,
        marking=found.marking, sender=found.sender, recipients=found.recipients, cc=found.cc,
    )


def analyse_extracted(file_name: str, extracted: Extracted) -> DetectedMetadata:
    return detect_metadata(extracted.text, headers=extracted.headers, file_name=file_name,
                           media_type=extracted.media_type, file_date=extracted.date)


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """A file read and normalised, with the metadata detected in it (before anything is stored)."""

    data: bytes
    extracted: Extracted
    found: DetectedMetadata
    metadata: DocumentMetadata


def read_document(path: Path, max_bytes: int) -> ReadDocument:
    """The first stages, as filing and `dossier analyse` both run them. Raises UnreadableFile."""
    data, extracted = read_path(path, max_bytes=max_bytes)
    found = analyse_extracted(safe_text(path.name), extracted)
    return ReadDocument(data, extracted, found, metadata_from_detection(found, extracted))


def prepare(path: Path, max_bytes: int) -> Prepared | Unreadable:
    """Read, normalise and analyse one file. Never raises for a bad file."""
    try:
        read = read_document(path, max_bytes)
    except UnreadableFile as exc:
        return Unreadable(str(path), str(exc))
    data, extracted, found, metadata = read.data, read.extracted, read.found, read.metadata
    return Prepared(str(path), data, hashlib.sha256(data).hexdigest(), extracted, found, metadata,
                    analyse_document(extracted.text, metadata, found.sender_post), sketch(extracted.text))


def _workers() -> int:
    # the calling process writes while the workers analyse: leave it a core of its own
    return max(1, min(4, (os.cpu_count() or 1) - 1))


def prepared_in_order(files: Sequence[Path], max_bytes: int) -> Iterator[Prepared | Unreadable]:
    """Prepare files in order; a large batch is prepared in worker processes.

    Stopping the iteration (a cancel) cancels what is still queued.
    """
    workers = _workers()
    if len(files) < PARALLEL_MIN_FILES or (os.cpu_count() or 1) < 2:
        for path in files:
            yield prepare(path, max_bytes)
        return
    # spawn, not fork: the caller may be a Qt application with threads
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[Prepared | Unreadable]] = deque()
        queue = iter(files)
        try:
            for path in queue:
                pending.append(pool.submit(prepare, path, max_bytes))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    break
            while pending:
                result = pending.popleft().result()
                following = next(queue, None)
                if following is not None:
                    pending.append(pool.submit(prepare, following, max_bytes))
                yield result
        finally:
            for future in pending:
                future.cancel()
