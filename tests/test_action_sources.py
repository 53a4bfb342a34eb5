"""One action, several sources: the same deadline restated in a later letter is one action, cited twice."""

from __future__ import annotations

from pathlib import Path

from dossier.analysis.statements import same_what
from dossier.domain.snapshots import ActionSnapshot

FIRST = """Department for Roads
12 Harbour Row

3 March 2021

Dear Mr Doe,

I have read the council's draft plan for the bypass. I expect you to send me the final recovery plan by 30 June 2021.

Yours sincerely,

Ann Roe
Minister for Roads
"""

SECOND = """Department for Roads
12 Harbour Row

12 April 2021

Dear Mr Doe,

Thank you for your letter. As I said in March, please submit the final recovery plan by 30 June 2021.
I would also like you to publish the consultation responses by 31 July 2021.

Yours sincerely,

Ann Roe
Minister for Roads
"""


def _file(services, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc_id = services.documents.file_path(path).document_id
    services.documents.edit_metadata(doc_id, {"recipients": ("Sam Doe",)})
    return doc_id


def _accept_all(services) -> list:
    pending = sorted(services.suggestions.pending(), key=lambda s: (s.document_id, s.kind != "actor", s.id))
    return services.suggestions.accept_many([s.id for s in pending]).value


def test_a_deadline_restated_in_a_later_letter_is_one_action_with_two_sources(services, tmp_path) -> None:
    first = _file(services, tmp_path, "first.txt", FIRST)
    second = _file(services, tmp_path, "second.txt", SECOND)
    records = _accept_all(services)
    rows = services.actions.rows(services.actions.ids())
    june = [r for r in rows if r.due is not None and r.due.value == "2021-06-30"]
    assert len(june) == 1, [(r.summary, r.owner) for r in rows]
    [plan] = june
    assert plan.owner == "Sam Doe"
    assert [s.document_id for s in plan.sources] == [first, second]
    assert all(s.paragraph is not None for s in plan.sources)
    july = [r for r in rows if r.due is not None and r.due.value == "2021-07-31"]
    assert len(july) == 1 and [s.document_id for s in july[0].sources] == [second]  # another thing to do

    # undoing the acceptance takes the second source away with it
    services.suggestions.unaccept(records)
    assert services.actions.ids() == []


def test_a_deleted_action_comes_back_with_its_sources(services, tmp_path) -> None:
    _file(services, tmp_path, "first.txt", FIRST)
    _file(services, tmp_path, "second.txt", SECOND)
    _accept_all(services)
    [plan] = [r for r in services.actions.rows(services.actions.ids()) if r.due and r.due.value == "2021-06-30"]
    snapshot = services.actions.delete(plan.id).value
    assert isinstance(snapshot, ActionSnapshot) and snapshot.id == plan.id and len(snapshot.sources) == 1
    services.actions.restore(snapshot)
    [again] = services.actions.rows([plan.id])
    assert [s.document_id for s in again.sources] == [s.document_id for s in plan.sources]
    assert again == plan


def test_different_things_due_the_same_day_stay_apart(services, tmp_path) -> None:
    text = FIRST.replace("send me the final recovery plan by 30 June 2021.",
                         "send me the final recovery plan by 30 June 2021. I also expect you to appoint a "
                         "finance director by 30 June 2021.")
    _file(services, tmp_path, "first.txt", text)
    _accept_all(services)
    june = [r for r in services.actions.rows(services.actions.ids()) if r.due and r.due.value == "2021-06-30"]
    assert len(june) == 2


def test_same_what() -> None:
    assert same_what("send Ann Roe the final recovery plan", "submit the final recovery plan")
    assert same_what("report to Ann Roe", "report")
    assert not same_what("send Ann Roe the final recovery plan", "appoint a finance director")
    assert not same_what("publish the consultation responses", "send Ann Roe the final recovery plan")


def test_the_cli_cites_every_source_and_lists_intentions_apart(services, tmp_path, dossier_path) -> None:
    import io

    from dossier.cli import main

    _file(services, tmp_path, "first.txt", FIRST)
    _file(services, tmp_path, "second.txt", SECOND.replace("Thank you for your letter.",
                                                           "I have decided to commission a review of the depot."))
    _accept_all(services)
    services.close()
    out = io.StringIO()
    assert main(["--dossier", str(dossier_path), "actions", "--as-at", "2021-05-01"], out=out) == 0
    text = out.getvalue()
    assert "Sam Doe to send Ann Roe the final recovery plan [D1 ¶4; D2 ¶4]" in text
    dated, undated = text.split("Without a due date (decisions and intentions, not deadlines):\n")
    assert "commission a review of the depot" in undated and "commission" not in dated
    out = io.StringIO()
    assert main(["--dossier", str(dossier_path), "actions", "--deadlines", "--as-at", "2021-05-01"], out=out) == 0
    assert "commission" not in out.getvalue() and "Without a due date" not in out.getvalue()
