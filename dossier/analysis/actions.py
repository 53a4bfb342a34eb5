"""Sentences that carry an obligation or a deadline (stub: being written)."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound, ActorFound, DateFound


def find_actions(
    text: str,
    *,
    document_date: PartialDate | None,
    dates: Sequence[DateFound],
    actors: Sequence[ActorFound],
    sender: str | None = None,
    recipients: Sequence[str] = (),
) -> list[ActionFound]:
    return []
