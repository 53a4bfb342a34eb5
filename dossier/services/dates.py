"""Reading a date a person types (a filter, a due date, an entry's date): the one entry point the
window and the command line use, whatever reads dates in documents underneath."""

from __future__ import annotations

from dossier.analysis.dates import parse_document_date
from dossier.domain.dates import PartialDate


def parse_user_date(text: str) -> PartialDate | None:
    """A date as typed: "27/03/2014", "27 Mar 2014", "March 2014", "2014", "2014-03-27"; None
    when it is no date."""
    return parse_document_date(text)
