"""People and organisations named in a document, with aliases merged (stub: being written)."""

from __future__ import annotations

from dossier.domain.findings import ActorFound
from dossier.domain.records import DetectedMetadata


def find_actors(text: str, *, metadata: DetectedMetadata | None = None) -> list[ActorFound]:
    return []


def match_actor(name: str, known: list[str]) -> str | None:
    return None
