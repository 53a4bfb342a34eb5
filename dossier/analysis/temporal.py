"""Dated references in a document, resolved against its date (stub: being written)."""

from __future__ import annotations

from dossier.domain.dates import PartialDate
from dossier.domain.findings import DateFound


def find_dates(text: str, document_date: PartialDate | None) -> list[DateFound]:
    return []
