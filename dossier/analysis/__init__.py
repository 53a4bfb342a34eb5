"""Pure functions over a document's text: metadata (kind, date, parties), dates and names.

Public surface:
    detect_metadata(text, *, headers=None, file_name="", media_type="", file_date=None) -> DetectedMetadata
    parse_document_date(text) -> PartialDate | None
"""

from dossier.analysis.dates import parse_document_date
from dossier.analysis.metadata import detect_metadata

__all__ = ["detect_metadata", "parse_document_date"]
