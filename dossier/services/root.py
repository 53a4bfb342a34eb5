"""The composition root: one open dossier and the services over it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossier.db import audit as audit_log
from dossier.db.engine import Dossier, open_dossier
from dossier.domain.clock import SYSTEM_CLOCK, Clock
from dossier.services.actions import ActionService
from dossier.services.actors import ActorService
from dossier.services.annotations import AnnotationService, system_user
from dossier.services.audit import AuditService
from dossier.services.briefing import BriefingService
from dossier.services.chronology import ChronologyService
from dossier.services.copies import CopyService
from dossier.services.documents import DocumentService
from dossier.services.maintenance import MaintenanceService
from dossier.services.search import SearchService
from dossier.services.suggestions import SuggestionService


@dataclass(frozen=True)
class Services:
    """Everything one open dossier offers. Built once per open file (the composition root)."""

    dossier: Dossier
    audit: AuditService
    documents: DocumentService
    actors: ActorService
    suggestions: SuggestionService
    actions: ActionService
    chronology: ChronologyService
    search: SearchService
    annotations: AnnotationService
    briefing: BriefingService
    clock: Clock  # where every service reads the time: the system's, or a test's

    @property
    def path(self) -> Path:
        return self.dossier.path

    @property
    def copies(self) -> CopyService:
        return CopyService(self.dossier.sessions)

    @property
    def maintenance(self) -> MaintenanceService:
        return MaintenanceService(self.dossier.path, self.dossier.password)

    def close(self) -> None:
        self.dossier.close()


def open_services(path: Path | str, password: str | None = None, *, read_only: bool | None = None,
                  clock: Clock | None = None) -> Services:
    """Open (creating and migrating as needed) a dossier and build its services. With a password,
    a new dossier is created encrypted and an encrypted one is opened (see `open_dossier`). A dossier
    this user cannot change is opened read-only (unless `read_only` says otherwise). Every service
    reads the time from `clock` (the computer's clock unless a test gives a fixed or stepping one)."""
    clock = clock or SYSTEM_CLOCK
    dossier = open_dossier(path, password, read_only=read_only, clock=clock)
    sessions = dossier.sessions
    context = audit_log.AuditContext(system_user())
    audit_log.install(sessions, context)
    services = Services(
        dossier=dossier, audit=AuditService(sessions, context), documents=DocumentService(sessions, clock),
        actors=ActorService(sessions, clock), suggestions=SuggestionService(sessions, clock),
        actions=ActionService(sessions, clock), chronology=ChronologyService(sessions, clock),
        annotations=AnnotationService(sessions, clock), search=SearchService(sessions),
        briefing=BriefingService(sessions, clock), clock=clock)
    if not dossier.read_only:
        services.documents.refresh_stale_conflicts()  # a batch import killed before its end left some
    return services
