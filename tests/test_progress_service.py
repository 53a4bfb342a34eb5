"""An action's life on a real dossier file: letter 1 asks, letter 2 reports it done or moves its
deadline; status suggestions, accepted (the action done, with the passage and the letter as its
evidence) and undone. Invented letters."""

from __future__ import annotations

from pathlib import Path

from dossier.domain.findings import ActionStatus
from dossier.services import Services

ASKS = """Wessex County Council
County Hall
Wessex WX1 2AB

3 March 2019

Sam Doe
Chief Executive
Wessex Children's Trust

Dear Sam,

I am writing about the school transport review. The trust must send its draft improvement plan to my officials by 31 March 2019. Please also provide a report on staffing by the end of April 2019.

Yours sincerely,

Ann Roe
Director of Children's Services
"""

REPORTS = """Wessex Children's Trust
Trust House
Wessex WX3 4CD

20 April 2019

Ann Roe
Director of Children's Services
Wessex County Council

Dear Ann,

Thank you for your letter of 3 March. The trust sent its draft improvement plan to your officials on 12 March. The deadline for the staffing report is now 30 June 2019. We will send the final plan in May.

Yours sincerely,

Sam Doe
Chief Executive
"""


def file(services: Services, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = services.documents.file_path(path)
    assert result.document_id is not None
    return result.document_id


def accept_all(services: Services, doc_id: int) -> None:
    services.suggestions.accept_document(doc_id)


def statuses(services: Services, doc_id: int):
    return [s for s in services.suggestions.pending(doc_id) if s.kind == "status"]


def actions(services: Services):
    return {r.summary: r for r in services.actions.rows(services.actions.ids())}


def test_a_later_letter_proposes_done_and_accepting_sets_it_with_evidence(services: Services, tmp_path: Path) -> None:
    first = file(services, tmp_path, "asks.txt", ASKS)
    accept_all(services, first)
    second = file(services, tmp_path, "reports.txt", REPORTS)
    proposed = {s.payload["status"]: s for s in statuses(services, second)}
    assert set(proposed) == {"done", "superseded"}
    done = proposed["done"]
    assert done.payload["quote"] == "The trust sent its draft improvement plan to your officials on 12 March."
    assert done.label.startswith("Done: ")
    assert proposed["superseded"].payload["new_due"]["value"] == "2019-06-30"

    records = services.suggestions.accept_many([done.id]).value
    action = services.actions.rows([done.payload["action_id"]])[0]
    assert action.status is ActionStatus.DONE
    assert action.status_note == done.payload["quote"]
    assert action.status_document_id == second

    services.suggestions.unaccept(records)  # undo
    action = services.actions.rows([done.payload["action_id"]])[0]
    assert action.status is ActionStatus.OPEN and action.status_note is None and action.status_document_id is None
    assert done.id in {s.id for s in statuses(services, second)}


def test_an_action_accepted_after_the_later_letter_still_finds_it(services: Services, tmp_path: Path) -> None:
    first = file(services, tmp_path, "asks.txt", ASKS)
    second = file(services, tmp_path, "reports.txt", REPORTS)
    assert statuses(services, second) == []  # nothing accepted yet: nothing to report on
    records = services.suggestions.accept_many(
        [s.id for s in sorted(services.suggestions.pending(first), key=lambda s: s.kind != "actor")]).value
    assert {s.payload["status"] for s in statuses(services, second)} == {"done", "superseded"}
    services.suggestions.unaccept(records)  # the actions go, and the proposals about them
    assert statuses(services, second) == []


def test_a_rejected_status_is_not_proposed_again(services: Services, tmp_path: Path) -> None:
    first = file(services, tmp_path, "asks.txt", ASKS)
    accept_all(services, first)
    second = file(services, tmp_path, "reports.txt", REPORTS)
    done = next(s for s in statuses(services, second) if s.payload["status"] == "done")
    services.suggestions.reject(done.id)
    services.documents.reanalyse(second)
    assert all(s.payload["status"] != "done" for s in statuses(services, second))


def test_the_earlier_letter_says_nothing_of_the_later_one(services: Services, tmp_path: Path) -> None:
    second = file(services, tmp_path, "reports.txt", REPORTS)
    accept_all(services, second)  # its own "will send the final plan in May" is an action, set 20 April
    first = file(services, tmp_path, "asks.txt", ASKS)
    assert statuses(services, first) == []  # a letter of March cannot report on an action set in April


def test_deleting_the_action_drops_its_proposals_and_undo_brings_them_back(services: Services,
                                                                            tmp_path: Path) -> None:
    first = file(services, tmp_path, "asks.txt", ASKS)
    accept_all(services, first)
    second = file(services, tmp_path, "reports.txt", REPORTS)
    done = next(s for s in statuses(services, second) if s.payload["status"] == "done")
    snapshot = services.actions.delete(done.payload["action_id"]).value
    assert all(s.payload["action_id"] != done.payload["action_id"] for s in statuses(services, second))
    services.actions.restore(snapshot)
    assert any(s.payload["status"] == "done" for s in statuses(services, second))
