"""The chronology service and `dossier chronology`, on real dossier files with invented letters."""

import datetime as dt
import io
import json

import pytest

from dossier.cli import main
from dossier.domain.chronology import EntryFields, EntryKind
from dossier.domain.dates import PartialDate
from dossier.domain.snapshots import EntryMerge, EntrySnapshot

FIRST = """Dr Amara Okafor
Director of Housing
Wexcombe Borough Council

12 May 2020

Dear Dr Okafor,

I wrote to you on 3 February about the state of the housing register. In March, Amara Okafor and
Tobias Quennell presented the review of the register to the housing committee.

By 15 June I expect a plan for clearing the backlog.

Yours sincerely,

Gideon Farrow
Minister for Housing
"""

SECOND = """Professor Tobias Quennell
Wessex Institute

20 May 2020

Dear Professor Quennell,

Thank you for the review of the register, which Amara Okafor and Tobias Quennell presented to the
committee in February.

Yours sincerely,

Gideon Farrow
Minister for Housing
"""


@pytest.fixture
def filed(services, tmp_path):
    ids = []
    for name, text in (("first.txt", FIRST), ("second.txt", SECOND)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        ids.append(services.documents.file_path(path).document_id)
    return ids


def test_documents_references_and_deadlines_in_order_with_sources(services, filed):
    rows = services.chronology.rows(services.chronology.keys())
    listed = [(r.date.value if r.date else None, r.kind) for r in rows]
    assert listed == [
        ("2020-02", EntryKind.EVENT),
        ("2020-02-03", EntryKind.EVENT),
        ("2020-03", EntryKind.EVENT),
        ("2020-05-12", EntryKind.DOCUMENT),
        ("2020-05-20", EntryKind.DOCUMENT),
        ("2020-06-15", EntryKind.DEADLINE),
    ]
    wrote = rows[1]
    assert wrote.description == "Gideon Farrow wrote to Amara Okafor about the state of the housing register"
    [source] = wrote.sources
    assert (source.document_id, source.paragraph) == (filed[0], 4)
    assert source.citation() == f"[D{filed[0]} ¶4]"
    assert rows[5].description.startswith("Gideon Farrow ")  # the date left out


def test_the_same_event_dated_apart_by_two_sources_is_a_conflict_until_resolved(services, filed):
    rows = {r.date.value: r for r in services.chronology.rows(services.chronology.keys())
            if r.kind is EntryKind.EVENT}
    march, february = rows["2020-03"], rows["2020-02"]
    assert march.conflict and march.conflict_with == (february.key,)
    assert february.conflict and february.conflict_with == (march.key,)
    assert not rows["2020-02-03"].conflict

    services.chronology.resolve_conflict(march.key, february.key, "The committee met in March; the letter is wrong.")
    again = services.chronology.rows([march.key])[0]
    assert not again.conflict and again.conflict_note == "The committee met in March; the letter is wrong."
    services.chronology.unresolve_conflict(february.key, march.key)
    assert services.chronology.rows([march.key])[0].conflict


def test_filters_by_actor_kind_date_and_text(services, filed):
    chron = services.chronology
    by_actor = chron.rows(chron.keys(actor="Quennell"))
    assert {r.date.value for r in by_actor} == {"2020-02", "2020-03", "2020-05-20"}
    assert [r.kind for r in chron.rows(chron.keys(kinds=[EntryKind.DEADLINE]))] == [EntryKind.DEADLINE]
    ranged = chron.rows(chron.keys(date_from=dt.date(2020, 3, 1), date_to=dt.date(2020, 5, 31)))
    assert [r.date.value for r in ranged] == ["2020-03", "2020-05-12", "2020-05-20"]
    assert [r.date.value for r in chron.rows(chron.keys(text="backlog"))] == ["2020-06-15"]


def test_own_entries_edit_merge_split_and_undo(services, filed):
    chron = services.chronology
    key = chron.add_entry(EntryFields(PartialDate.of(2020, 4, 1), "Site visit to the register office", EntryKind.OWN)).value
    assert chron.keys(kinds=[EntryKind.OWN]) == [key]
    snapshot = chron.delete_entry(key).value
    assert chron.keys(kinds=[EntryKind.OWN]) == []
    chron.restore_entry(snapshot)
    assert chron.rows([key])[0].description == "Site visit to the register office"

    before = chron.edit_entry(key, EntryFields(PartialDate.of(2020, 4), "Site visit", EntryKind.OWN)).value
    assert chron.rows([key])[0].date.display() == "Apr 2020"
    chron.edit_entry(key, before)
    assert chron.rows([key])[0].date.display() == "1 Apr 2020"

    events = {r.date.value: r.key for r in chron.rows(chron.keys(kinds=[EntryKind.EVENT]))}
    record = chron.merge_entries(events["2020-03"], events["2020-02"]).value
    merged = chron.rows([events["2020-03"]])[0]
    assert sorted(s.document_id for s in merged.sources) == sorted(filed)
    listed = chron.keys()
    assert events["2020-02"] not in listed
    chron.unmerge(record)
    assert len(chron.rows([events["2020-03"]])[0].sources) == 1
    listed = chron.keys()
    assert events["2020-02"] in listed


def test_a_deleted_or_merged_entry_comes_back_whole_from_a_typed_record(services, filed):
    chron = services.chronology
    events = {r.date.value: r for r in chron.rows(chron.keys(kinds=[EntryKind.EVENT]))}
    march, february = events["2020-03"], events["2020-02"]
    assert march.conflict_with == (february.key,)
    snapshot = chron.delete_entry(march.key).value
    assert isinstance(snapshot, EntrySnapshot) and snapshot.key == march.key
    assert [s.document_id for s in snapshot.sources] == [filed[0]] and snapshot.sources[0].machine
    assert set(snapshot.fields.actors) == {"Amara Okafor", "Tobias Quennell"}
    assert chron.rows([february.key])[0].conflict_with == ()
    chron.restore_entry(snapshot)
    assert chron.rows([march.key, february.key]) == [march, february]

    record = chron.merge_entries(march.key, february.key).value
    assert isinstance(record, EntryMerge) and record.merged.key == february.key
    chron.unmerge(record)
    assert chron.rows([march.key, february.key]) == [march, february]


def test_a_corrected_document_date_re_resolves_its_references(services, filed):
    services.documents.edit_metadata(filed[0], {"date": PartialDate.of(2021, 5, 12)})
    values = [r.date.value for r in services.chronology.rows(services.chronology.keys())
              if r.sources and r.sources[0].document_id == filed[0] and r.kind is not EntryKind.DOCUMENT]
    assert values == ["2021-02-03", "2021-03", "2021-06-15"]


def test_undated_document_gets_a_proposed_range(services, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Dear Colleague,\n\nThe panel met in January 2020 and again in March 2020. Please reply "
                    "by the end of July 2020.\n\nYours faithfully,\n\nGideon Farrow\n", encoding="utf-8")
    doc = services.documents.file_path(path).document_id
    proposal = services.chronology.propose_date(doc)
    assert proposal.after.value == "2020-03" and proposal.before.value == "2020-07"
    assert len(proposal.reasons) == 2


def test_cli_chronology_json(filed, dossier_path):
    out = io.StringIO()
    assert main(["--dossier", str(dossier_path), "chronology", "--json", "--actor", "Quennell",
                 "--from", "2020-03"], out=out) == 0
    entries = json.loads(out.getvalue())
    assert [e["date"]["value"] for e in entries] == ["2020-03", "2020-05-20"]
    assert entries[0]["conflict"] is True
    assert entries[0]["sources"][0]["citation"].endswith("¶4]")


def test_a_batch_import_refreshes_conflicts_once_at_the_end(services, tmp_path):
    paths = []
    for name, text in (("first.txt", FIRST), ("second.txt", SECOND)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    services.documents.file_paths(paths)
    conflicted = [r.date.value for r in services.chronology.rows(services.chronology.keys()) if r.conflict]
    assert conflicted == ["2020-02", "2020-03"]


def test_an_action_is_one_statement_on_its_due_date_else_on_the_day_it_was_set(services, filed):
    from dossier.domain.findings import ActionStatus, ActionType
    from dossier.domain.register import ActionFields

    action = services.actions.create(ActionFields(
        type=ActionType.REQUEST, summary="send the backlog plan", owner_id=None, addressed_to_id=None,
        due=PartialDate.of(2020, 6, 30, qualifier="by"), set_date=PartialDate.of(2020, 5, 12),
        status=ActionStatus.OPEN, status_note=None, status_document_id=None), document_id=filed[0]).value
    undated = services.actions.create(ActionFields(
        type=ActionType.COMMITMENT, summary="review the register", owner_id=None, addressed_to_id=None,
        due=None, set_date=PartialDate.of(2020, 5, 12),
        status=ActionStatus.OPEN, status_note=None, status_document_id=None), document_id=filed[0]).value
    chron = services.chronology
    keys = chron.keys()
    assert f"action:{action}:due" in keys and f"action:{action}:set" not in keys
    assert f"action:{undated}:set" in keys and f"action:{undated}:due" not in keys
    rows = {r.key: r for r in chron.rows(keys)}
    assert rows[f"action:{action}:due"].description == "To send the backlog plan (owner to be confirmed)"
    assert rows[f"action:{action}:due"].date.display() == "by 30 Jun 2020"
    assert rows[f"action:{undated}:set"].kind is EntryKind.EVENT
    assert rows[f"action:{undated}:set"].description == "To review the register (owner to be confirmed)"
    assert f"action:{undated}:set" not in chron.keys(kinds=[EntryKind.DEADLINE])


def _tag(services, doc_id: int, words: str, *tags: str) -> None:
    """Annotate the first occurrence of some words of a document with tags."""
    from dossier.domain.annotations import AnnotationFields

    text = services.documents.get(doc_id).text
    start = text.index(words)
    services.annotations.create(doc_id, start, start + len(words), AnnotationFields(tags=tags))


def test_tag_filter_keeps_entries_whose_passage_carries_the_tag(services, filed):
    chron = services.chronology
    assert chron.tag_names() == []
    _tag(services, filed[0], "presented the review of the register", "Committee")  # the March event
    _tag(services, filed[1], "Thank you for the review", "thanks")  # a passage of the second letter
    _tag(services, filed[0], "Gideon Farrow", "committee")  # the signature: no entry's passage
    assert chron.tag_names() == ["Committee", "thanks"]

    committee = chron.rows(chron.keys(tag="committee"))  # any case
    assert [(r.kind, r.date.value) for r in committee] == [(EntryKind.EVENT, "2020-03"),
                                                            (EntryKind.DOCUMENT, "2020-05-12")]
    thanks = chron.rows(chron.keys(tag="thanks"))
    assert [(r.kind, r.date.value) for r in thanks] == [(EntryKind.EVENT, "2020-02"),
                                                         (EntryKind.DOCUMENT, "2020-05-20")]
    assert chron.keys(tag="thanks", kinds=[EntryKind.EVENT]) == [thanks[0].key]
    assert chron.keys(tag="thanks", actor="Okafor") == [thanks[0].key]  # filters combine
    assert chron.keys(tag="thanks", text="register") == [thanks[0].key]
    assert chron.keys(tag="no such tag") == []


def test_tag_filter_matches_an_actions_passage(services, filed):
    from dossier.domain.findings import ActionStatus, ActionType
    from dossier.domain.register import ActionFields

    text = services.documents.get(filed[0]).text
    start = text.index("By 15 June")
    action = services.actions.create(ActionFields(
        type=ActionType.REQUEST, summary="a plan for clearing the backlog", owner_id=None, addressed_to_id=None,
        due=PartialDate.of(2020, 6, 15), set_date=None, status=ActionStatus.OPEN, status_note=None,
        status_document_id=None), document_id=filed[0], start=start, end=text.index("backlog.", start) + 8).value
    _tag(services, filed[0], "a plan for clearing", "plans")
    assert services.chronology.keys(tag="plans", kinds=[EntryKind.DEADLINE]) == [f"action:{action}:due"]


def test_cli_chronology_tag(services, filed, dossier_path):
    _tag(services, filed[1], "Thank you for the review", "thanks")
    out = io.StringIO()
    assert main(["--dossier", str(dossier_path), "chronology", "--json", "--tag", "thanks"], out=out) == 0
    assert [(e["kind"], e["date"]["value"]) for e in json.loads(out.getvalue())] == [
        ("event", "2020-02"), ("document", "2020-05-20")]


def test_a_quoted_sentence_joins_the_entry_of_the_letter_it_quotes(services, tmp_path):
    first = ("Dr Amara Okafor\nWexcombe Borough Council\n\n12 May 2020\n\nDear Dr Okafor,\n\n"
             "After the inspectors found the waiting list in disorder in March 2020 I decided to rebuild the "
             "register.\n\nYours sincerely,\n\nGideon Farrow\n")
    second = ("Housing register to be rebuilt\n\n30 May 2020\n\nThe minister, Gideon Farrow, wrote to the council: "
              "\u201cthe inspectors found the waiting list in disorder in March 2020\u201d, he said.\n")
    ids = []
    for name, text in (("first.txt", first), ("second.txt", second)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        ids.append(services.documents.file_path(tmp_path / name).document_id)
    events = services.chronology.rows(services.chronology.keys(kinds=[EntryKind.EVENT]))
    assert [(r.date.value, sorted(s.document_id for s in r.sources)) for r in events] == [("2020-03", ids)]


def test_a_batch_marks_the_entries_it_touches_until_their_conflicts_are_refreshed(services, filed, dossier_path):
    from dossier.db.chronology import entries as chronology_entries
    from dossier.services import open_services
    from dossier.services.documents import _store_analysis
    from dossier.services.suggest import analyse_document

    conflicted = sorted(r.key for r in services.chronology.rows(services.chronology.keys()) if r.conflict)
    assert conflicted
    detail = services.documents.get(filed[1])
    with services.dossier.sessions.begin() as session:  # as a batch import writes a letter
        touched = _store_analysis(session, filed[1], analyse_document(detail.text, detail.metadata),
                                  "2030-05-06T09:00:00+00:00", refresh=False)
        assert touched and chronology_entries.stale_entries(session) == touched
    services.close()  # killed before the batch's refresh
    reopened = open_services(dossier_path)
    try:
        with reopened.dossier.sessions() as session:
            assert chronology_entries.stale_entries(session) == set()
        chron = reopened.chronology
        assert sorted(r.key for r in chron.rows(chron.keys()) if r.conflict)
    finally:
        reopened.close()


def test_an_action_reads_as_its_owner_to_do_what() -> None:
    from dossier.domain.chronology import action_statement

    assert action_statement("Ann Roe", "report to the board on the plan") == "Ann Roe to report to the board on the plan"
    assert action_statement("Ann Roe", "to report on the plan") == "Ann Roe to report on the plan"
    assert action_statement("Ann Roe", "Ann Roe to report on the plan (by end May 2020)") == \
        "Ann Roe to report on the plan (by end May 2020)"
    assert action_statement("Ann Roe", "the report will be published as planned") == \
        "The report will be published as planned (Ann Roe)"  # no verb to give her
    assert action_statement(None, "report on the plan", "done") == "To report on the plan (owner to be confirmed) (done)"
