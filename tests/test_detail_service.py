"""What the detail pane is built from: an action's or annotation's passage and history, as frozen
records from the services, and the counts that say which columns no row fills."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from test_gui_support import file_letters, letter, span_of

from dossier.domain.annotations import AnnotationFields
from dossier.domain.dates import PartialDate
from dossier.domain.detail import ItemDetail
from dossier.domain.errors import NotFound
from dossier.domain.findings import ActionStatus, ActionType, ActorKind
from dossier.domain.register import ActionFields
from dossier.services import Services

MILL = letter("2 May 2022",
              "The mill race was cleared last week.\n\n"
              "The Trust will reopen the towpath by 1 August 2022. Volunteers will help.\n\n"
              "The footbridge stays closed.",
              greeting="Dear Mrs Abernethy-Soto,")
SENTENCE = "The Trust will reopen the towpath by 1 August 2022."


@pytest.fixture
def mill(services: Services, dossier_path: Path, tmp_path: Path) -> int:
    services.close()
    doc = file_letters(dossier_path, tmp_path / "in", {"mill.txt": MILL})["mill.txt"]
    return doc


def test_an_actions_detail_is_its_paragraph_and_its_history_in_words(dossier_path: Path, mill: int) -> None:
    from dossier.services import open_services

    s = open_services(dossier_path)
    try:
        text = s.documents.get(mill).text
        trust = s.actors.create("Riverside Heritage Trust", ActorKind.ORGANISATION).value
        keeper = s.actors.create("Ottilie Brannigan", ActorKind.PERSON).value
        start, end = span_of(text, SENTENCE)
        fields = ActionFields(type=ActionType.COMMITMENT, summary="reopen the towpath", owner_id=trust,
                              addressed_to_id=None, due=PartialDate.of(2022, 8, 1), set_date=PartialDate.of(2022, 5, 2),
                              status=ActionStatus.OPEN, status_note=None, status_document_id=None)
        action = s.actions.create(fields, document_id=mill, start=start, end=end).value
        s.actions.update(action, dataclasses.replace(fields, owner_id=keeper))
        s.actions.set_status(action, ActionStatus.DONE, note="reopened", document_id=mill)

        detail = s.actions.detail(action)
        assert isinstance(detail, ItemDetail) and dataclasses.is_dataclass(detail)
        with pytest.raises(dataclasses.FrozenInstanceError):
            detail.title = "x"  # type: ignore[misc]
        p = detail.passage
        assert p is not None and p.document_id == mill and p.paragraph is not None
        assert p.text == f"{SENTENCE} Volunteers will help."  # the paragraph, not the whole letter
        assert p.text[p.span_start:p.span_end] == SENTENCE
        assert (p.start, p.end) == (start, end)
        lines = [line.text for line in detail.history]  # newest first
        # the History dialog's words (one describer for both)
        assert lines[0] == (f"Action 'reopen the towpath' in D{mill} ¶{p.paragraph} now 'done' (was: 'open'); "
                            f"status note 'reopened' (was: none); status from D{mill} (was: none)")
        assert "owner now Ottilie Brannigan (was: Riverside Heritage Trust)" in lines[1]
        assert "added" in lines[-1]

        by_hand = s.actions.create(dataclasses.replace(fields, summary="paint the gate")).value
        assert s.actions.detail(by_hand).passage is None
        assert s.actions.detail(by_hand).note
        s.actions.delete(by_hand)
        with pytest.raises(NotFound):
            s.actions.detail(by_hand)
    finally:
        s.close()


def test_an_annotations_history_is_its_own_not_its_neighbours(dossier_path: Path, mill: int) -> None:
    from dossier.services import open_services

    s = open_services(dossier_path)
    try:
        towpath = s.annotations.create_at_quote(mill, "reopen the towpath", AnnotationFields(tags=("paths",))).value
        bridge = s.annotations.create_at_quote(mill, "footbridge stays closed", AnnotationFields(tags=("bridges",))).value
        detail = s.annotations.detail(towpath.id)
        assert detail.passage is not None and "Volunteers will help." in detail.passage.text
        lines = [line.text for line in detail.history]
        assert any(line.startswith("Tag 'paths'") for line in lines)
        assert any(line.startswith("Annotation on 'reopen the towpath'") for line in lines)
        assert not any("bridges" in line for line in lines)
        assert any("bridges" in line.text for line in s.annotations.detail(bridge.id).history)
        counts = s.annotations.field_counts()
        assert (counts.total, counts.count("note"), counts.count("tags")) == (2, 0, 2)
        assert counts.empty("note") and not counts.empty("tags")
    finally:
        s.close()
