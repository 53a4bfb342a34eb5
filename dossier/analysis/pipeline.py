"""One reading of a document, used by filing and by `dossier analyse` alike.

The stages, in order:
    detect_metadata(text, headers=...)            kind, own date, sender, recipients, copy list
    read_findings(text, metadata, document_date)  actors, dated references, actions

`document_date` is the date the references resolve against: the stated date, or one a user gave.
Each value found carries the named rule that produced it and the span it read (`Evidence`,
`DateFound.rule`, `ActorFound.rule`, `ActionFound.rule`).
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.analysis.actions import find_actions
from dossier.analysis.actors import find_actors
from dossier.analysis.metadata import detect_metadata
from dossier.analysis.temporal import find_dates
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound, ActorFound, DateFound
from dossier.domain.records import DetectedMetadata

__all__ = ["Findings", "detect_metadata", "read_findings"]


@dataclass(frozen=True, slots=True)
class Findings:
    """What a document's text says beyond its metadata."""

    actors: tuple[ActorFound, ...]
    dates: tuple[DateFound, ...]
    actions: tuple[ActionFound, ...]


def read_findings(text: str, metadata: DetectedMetadata, document_date: PartialDate | None) -> Findings:
    """The actors, dated references and actions in `text`, given its (perhaps corrected) metadata."""
    actors = find_actors(text, metadata=metadata)
    dates = find_dates(text, document_date)
    actions = find_actions(text, document_date=document_date, dates=dates, actors=actors,
                           sender=metadata.sender, recipients=metadata.recipients)
    return Findings(tuple(actors), tuple(dates), tuple(actions))
