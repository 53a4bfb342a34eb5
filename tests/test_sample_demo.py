"""The demo: the sample case filed, then the reviewer's layer its curation file describes."""

from __future__ import annotations

import io
from pathlib import Path

from dossier.cli import main
from dossier.domain.briefing import Marking
from dossier.services import open_services


def test_demo_builds_the_reviewed_sample(dossier_path: Path) -> None:
    assert main(["--dossier", str(dossier_path), "demo", "--no-gui"], out=io.StringIO()) == 0
    services = open_services(dossier_path)
    try:
        notes = services.annotations.list()
        assert len(notes) == 4 and all(not a.orphan for a in notes)
        assert {t for t, _n in services.annotations.tags()} == {"Commissioner", "Deadlines", "Legal basis"}
        assert str(services.annotations.progress()) == "2 of 5 reviewed"
        draft = services.briefing.load_draft()
        assert draft is not None and draft.marking is Marking.OFFICIAL_SENSITIVE and draft.key_messages
        actions = services.actions.rows(services.actions.ids())
        assert actions and all(a.due is not None for a in actions)  # only actions with a due date accepted
        assert any(a.name == "Julian Le Grand" for a in services.actors.rows(services.actors.ids()))
    finally:
        services.close()
