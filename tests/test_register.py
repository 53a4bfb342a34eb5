"""The actor register, suggestions and actions, through the services on a real dossier file."""

import datetime as dt

import pytest

from dossier.domain.dates import PartialDate
from dossier.domain.errors import NotFound
from dossier.domain.findings import ActionStatus, ActionType, ActorKind
from dossier.domain.register import ActionFields

LETTER = """Dr Miriam Achterberg
Director of Public Health
Wessex County Council

14 February 2019

Dear Dr Achterberg,

I have asked Professor Tobias Quennell to chair the review. Quennell will report to me.

Yours sincerely,

Rosalind Featherstone
Minister for Public Health
"""


@pytest.fixture
def doc(services, tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return services.documents.file_path(path).document_id


def span(services, doc_id, words):
    text = services.documents.get(doc_id).text
    start = text.index(words)
    return start, start + len(words)


def test_tag_creates_actor_alias_and_mention_and_untag_removes_them(services, doc):
    start, end = span(services, doc, "Tobias Quennell")
    record = services.actors.tag(doc, start, end, name="Tobias Quennell", kind=ActorKind.PERSON).value
    assert record.created_actor
    assert record.added_alias_id is None  # the words are the actor's name
    [m] = services.actors.document_mentions(doc)
    assert (m.start, m.end, m.actor_name, m.actor_kind) == (start, end, "Tobias Quennell", ActorKind.PERSON)

    q_start, _ = span(services, doc, "Quennell will")
    again = services.actors.tag(doc, q_start, q_start + len("Quennell"), actor_id=record.actor_id).value
    assert not again.created_actor and again.added_alias_id is not None
    detail = services.actors.get(record.actor_id)
    assert detail.row.aliases == ("Quennell",)
    assert [x.text for x in detail.mentions] == ["Tobias Quennell", "Quennell"]
    assert detail.mentions[0].after.startswith("to chair the review")
    assert detail.mentions[0].paragraph == 4  # address block, date, salutation, then the body

    services.actors.untag(again)
    services.actors.untag(record)
    assert services.actors.document_mentions(doc) == []
    assert services.actors.find("Tobias Quennell") is None


def test_merge_moves_everything_and_undo_puts_it_back(services, doc):
    a = services.actors.tag(doc, *span(services, doc, "Tobias Quennell"), name="Tobias Quennell").value
    q = span(services, doc, "Quennell will")
    b = services.actors.tag(doc, q[0], q[0] + len("Quennell"), name="T. Quennell").value
    action = services.actions.create(ActionFields(
        type=ActionType.REPORT_DUE, summary="report on the review", owner_id=b.actor_id, addressed_to_id=None,
        due=PartialDate.of(2019, 6), set_date=None, status=ActionStatus.OPEN, status_note=None,
        status_document_id=None), document_id=doc).value
    before_rows = services.actors.rows(services.actors.ids())

    record = services.actors.merge(a.actor_id, b.actor_id).value
    merged = services.actors.get(a.actor_id)
    assert set(merged.row.aliases) == {"Quennell", "T. Quennell"}
    assert len(merged.mentions) == 2
    assert services.actions.rows([action])[0].owner == "Tobias Quennell"
    with pytest.raises(NotFound):
        services.actors.get(b.actor_id)

    services.actors.unmerge(record)
    assert services.actors.rows(services.actors.ids()) == before_rows
    assert services.actions.rows([action])[0].owner == "T. Quennell"
    assert [m.actor_id for m in services.actors.document_mentions(doc)] == [a.actor_id, b.actor_id]


def test_split_alias_and_delete_with_restore(services, doc):
    a = services.actors.tag(doc, *span(services, doc, "Tobias Quennell"), name="Tobias Quennell").value
    q = span(services, doc, "Quennell will")
    services.actors.tag(doc, q[0], q[0] + len("Quennell"), actor_id=a.actor_id)
    new_id = services.actors.split_alias(a.actor_id, "Quennell").value
    assert services.actors.get(new_id).row.name == "Quennell"
    assert [m.text for m in services.actors.get(new_id).mentions] == ["Quennell"]
    assert services.actors.get(a.actor_id).row.aliases == ()

    sender = services.actors.find("Rosalind Featherstone")
    snap = services.actors.delete(sender).value
    assert services.documents.get(doc).row.sender is None
    services.actors.restore(snap)
    assert services.documents.get(doc).row.sender == "Rosalind Featherstone"
    assert services.documents.ids(sort="sender") == [doc]


def test_actions_overdue_as_at_and_status(services, doc):
    def fields(summary, due, status=ActionStatus.OPEN):
        return ActionFields(type=ActionType.REQUEST, summary=summary, owner_id=None, addressed_to_id=None,
                            due=due, set_date=PartialDate.of(2019, 2, 14), status=status, status_note=None,
                            status_document_id=None)

    july = services.actions.create(fields("explain the plan", PartialDate.of(2019, 7, 22, qualifier="by"))).value
    end_may = services.actions.create(fields("recommend actions", PartialDate.of(2019, 5, qualifier="end"))).value
    later = services.actions.create(fields("final report", PartialDate.of(2019, 12))).value
    undated = services.actions.create(fields("stay in touch", None)).value

    as_at = dt.date(2019, 8, 1)
    ids = services.actions.ids(as_at=as_at)
    assert ids[:2] == [end_may, july]  # overdue first, by due date
    assert ids[2:] == [later, undated]
    rows = {r.id: r for r in services.actions.rows(ids, as_at=as_at)}
    assert rows[july].overdue and rows[end_may].overdue and not rows[later].overdue
    # a month-precision deadline is not overdue until the month has ended
    assert not services.actions.rows([end_may], as_at=dt.date(2019, 5, 31))[0].overdue

    before = services.actions.set_status(july, ActionStatus.DONE, note="explained in D2", document_id=doc).value
    row = services.actions.rows([july], as_at=as_at)[0]
    assert (row.status, row.overdue, row.status_document_id) == (ActionStatus.DONE, False, doc)
    assert services.actions.ids(as_at=as_at, statuses=[ActionStatus.OPEN]) == [end_may, later, undated]
    services.actions.update(july, before)
    assert services.actions.rows([july], as_at=as_at)[0].overdue


def test_rejected_suggestions_are_never_made_again(services, tmp_path):
    from dossier.db import actions_repo

    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    doc = services.documents.file_path(path).document_id
    items = [("actor", "actor:person:tobias quennell", "Tobias Quennell",
              {"name": "Tobias Quennell", "kind": "person", "forms": ["Professor Tobias Quennell"], "posts": [],
               "mentions": []})]
    with services.dossier.sessions.begin() as session:
        actions_repo.replace_pending(session, doc, items)
    [s] = [x for x in services.suggestions.pending(doc) if x.label == "Tobias Quennell"]
    services.suggestions.reject(s.id)
    with services.dossier.sessions.begin() as session:
        assert actions_repo.replace_pending(session, doc, items) == 0
    assert all(x.label != "Tobias Quennell" for x in services.suggestions.pending(doc))
    services.suggestions.unreject(s.id)
    assert any(x.id == s.id for x in services.suggestions.pending(doc))


def _actor_item(name, kind="person", forms=()):
    return ("actor", f"actor:{kind}:{name.casefold()}", name,
            {"name": name, "kind": kind, "forms": list(forms), "posts": [], "mentions": []})


def test_a_fuller_name_absorbs_shorter_forms_across_the_dossier_and_undo_splits_them(services, tmp_path):
    from dossier.db import actions_repo

    docs = []
    for i in range(2):
        path = tmp_path / f"l{i}.txt"
        path.write_text(LETTER.replace("14 February", f"{14 + i} February"), encoding="utf-8")
        docs.append(services.documents.file_path(path).document_id)
    with services.dossier.sessions.begin() as session:
        actions_repo.replace_pending(session, docs[0], [_actor_item("Quennell", forms=["Lord Quennell"]),
                                                        _actor_item("the Council", "organisation")])
        actions_repo.replace_pending(session, docs[1], [_actor_item("Tobias Quennell"),
                                                        _actor_item("Wessex County Council", "organisation")])
    services.suggestions.accept_document(docs[0])
    assert services.actors.find("Quennell") is not None
    records = services.suggestions.accept_document(docs[1]).value

    names = {r.name: r for r in services.actors.rows(services.actors.ids())}
    assert "Quennell" not in names and "the Council" not in names
    assert set(names["Tobias Quennell"].aliases) == {"Lord Quennell", "Quennell"}
    assert "the Council" in names["Wessex County Council"].aliases

    services.suggestions.unaccept(records)
    names = {r.name for r in services.actors.rows(services.actors.ids())}
    assert {"Quennell", "the Council"} <= names
    assert "Tobias Quennell" not in names and "Wessex County Council" not in names


def test_a_post_resolves_to_whoever_held_it_on_the_letters_date(services, tmp_path):
    from dossier.db import actors_repo

    first = services.actors.create("Harriet Oduya").value
    second = services.actors.create("Lionel Brabazon").value
    with services.dossier.sessions.begin() as session:
        post_id, _ = actors_repo.get_or_create_post(session, "Chief Inspector of Bridges")
        actors_repo.add_holder(session, post_id, first, "2018-01", None)
        actors_repo.add_holder(session, post_id, second, "2019-09-01", None)
    assert services.actors.holder_on("Chief Inspector of Bridges", PartialDate.of(2019, 3, 2)) == first
    assert services.actors.holder_on("chief inspector of bridges", PartialDate.of(2020, 1)) == second
    assert services.actors.holder_on("Chief Inspector of Bridges", PartialDate.of(2017, 5)) is None
    assert services.actors.holder_on("Chief Inspector of Roads", None) is None


def test_a_form_said_from_a_letter_s_point_of_view_is_no_alias(services, doc):
    from dossier.db import actions_repo

    items = [_actor_item("Wessex County Council", "organisation",
                         ["Wessex County Council", "your Council", "Our Council", "the Council", "Wessex Council"])]
    with services.dossier.sessions.begin() as session:
        actions_repo.replace_pending(session, doc, items)
    [s] = [x for x in services.suggestions.pending(doc) if x.label == "Wessex County Council"]
    services.suggestions.accept(s.id)
    [row] = services.actors.rows([services.actors.find("Wessex County Council")])
    assert set(row.aliases) == {"the Council", "Wessex Council"}


def test_a_deleted_actor_is_kept_for_undo_as_typed_records(services, doc):
    from dossier.db import actors_repo
    from dossier.domain.register import ActorSaved, PointerKind

    sender = services.actors.find("Rosalind Featherstone")
    action = services.actions.create(ActionFields(
        type=ActionType.REPORT_DUE, summary="report on the review", owner_id=sender, addressed_to_id=sender,
        due=PartialDate.of(2019, 6), set_date=None, status=ActionStatus.OPEN, status_note=None,
        status_document_id=None), document_id=doc).value
    before = services.actions.rows([action])
    snap = services.actors.delete(sender).value
    assert isinstance(snap.actor, ActorSaved) and snap.actor.name == "Rosalind Featherstone"
    assert [p.role for p in snap.parties] == ["sender"]
    assert set(snap.pointers) == {(PointerKind.ACTION_OWNER, action), (PointerKind.ACTION_ADDRESSEE, action)}
    assert services.actions.rows([action])[0].owner is None
    services.actors.restore(snap)
    assert services.actions.rows([action]) == before
    # every row that points at an actor is kept, one way or the other
    kept = {(m, "actor_id") for m, _, _ in actors_repo.SAVED_ROWS} | set(actors_repo.POINTERS.values())
    assert kept == set(actors_repo.ACTOR_REFERENCES)
