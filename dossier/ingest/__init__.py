"""Readers per format -> normalised text with page and paragraph offsets.

Public surface:
    SUPPORTED_SUFFIXES
    expand_paths(paths) -> list[Path]                 folders recursively, files as given, sorted
    read_document(name, data) -> Extracted            raises UnreadableFile with a one-line reason
    read_path(path) -> (bytes, Extracted)             reads the file first; same errors
    scan_paths(paths) -> (files, [PassedOver])        expand_paths, and what it passed over and why
"""

from dossier.ingest.documents import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    PassedOver,
    expand_paths,
    read_document,
    read_path,
    scan_paths,
)

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "PassedOver", "expand_paths", "read_document", "read_path",
           "scan_paths"]
