"""Services say what they changed: each writing method returns Changed[T], the value it returned
before with the Changes it made (the kinds of data, and the ids where the service knows them)."""

from __future__ import annotations

import dataclasses

import pytest

from dossier.domain.annotations import AnnotationFields
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.chronology import EntryFields, EntryKind
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import ActionFields

LETTER = """Harbourside Restoration Trust
4 Quay Lane

3 March 2022

Dear Mr Pellingham,

I have asked Ms Oriel Vantongeren to survey the slipway. Ms Vantongeren will report to me by 30 April 2022.

Yours sincerely,

Barnaby Quillfeather
Chair of the Trust
"""


@pytest.fixture
def doc(services, tmp_path) -> int:
    path = tmp_path / "slipway.txt"
    path.write_text(LETTER, encoding="utf-8")
    return services.documents.file_path(path).document_id


def span(services, doc_id: int, words: str) -> tuple[int, int]:
    start = services.documents.get(doc_id).text.index(words)
    return start, start + len(words)


# -- the value type ------------------------------------------------------------------------------
def test_changes_union_keeps_kinds_and_the_ids_known() -> None:
    one = Changes.of(Kind.ACTORS, [1]) | Changes.of(Kind.ACTORS, [2])
    assert one.touches(Kind.ACTORS) and not one.touches(Kind.DOCUMENTS)
    assert one.ids(Kind.ACTORS) == {1, 2}
    assert one.ids(Kind.DOCUMENTS) == frozenset()  # not touched at all
    some = one | Changes.of(Kind.ACTORS)  # "some actors, which not said" makes the ids unknown
    assert some.touches(Kind.ACTORS) and some.ids(Kind.ACTORS) is None
    both = one | Changes.of(Kind.MENTIONS, [7])
    assert both.kinds == {Kind.ACTORS, Kind.MENTIONS} and both.ids(Kind.MENTIONS) == {7}
    assert both.touches_any(Kind.DOCUMENTS, Kind.MENTIONS)
    assert not Changes.none() and Changes.none().kinds == frozenset()
    assert (Changes.none() | both) == both
    assert Changes.everything().kinds == frozenset(Kind)


def test_changed_is_frozen() -> None:
    done = Changed(3, Changes.of(Kind.ACTIONS, [3]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        done.value = 4  # type: ignore[misc]


# -- what the services report --------------------------------------------------------------------
def test_merging_actors_reports_both_actors_and_what_names_them(services, doc) -> None:
    a = services.actors.tag(doc, *span(services, doc, "Oriel Vantongeren"), name="Oriel Vantongeren").value
    b = services.actors.tag(doc, *span(services, doc, "Ms Vantongeren will"), name="O. Vantongeren").value
    done = services.actors.merge(a.actor_id, b.actor_id)
    assert done.value.keep_id == a.actor_id
    assert done.changes.ids(Kind.ACTORS) == {a.actor_id, b.actor_id}
    for kind in (Kind.MENTIONS, Kind.ACTIONS, Kind.CHRONOLOGY, Kind.DOCUMENTS):
        assert done.changes.touches(kind), kind
    assert not done.changes.touches_any(Kind.ANNOTATIONS, Kind.REVIEWS, Kind.SUGGESTIONS)
    undone = services.actors.unmerge(done.value)
    assert undone.value is None and undone.changes.ids(Kind.ACTORS) == {a.actor_id, b.actor_id}


def test_tagging_reports_the_actor_and_the_mention(services, doc) -> None:
    done = services.actors.tag(doc, *span(services, doc, "Barnaby Quillfeather"), name="Barnaby Quillfeather")
    assert done.changes.ids(Kind.ACTORS) == {done.value.actor_id}
    assert done.changes.ids(Kind.MENTIONS) == {done.value.mention_id}
    assert done.changes.kinds == {Kind.ACTORS, Kind.MENTIONS}


def test_accepting_a_suggestion_reports_it_and_the_register(services, doc) -> None:
    [suggestion] = [s for s in services.suggestions.pending(doc) if s.kind == "actor"][:1]
    done = services.suggestions.accept(suggestion.id)
    assert done.value.suggestion_id == suggestion.id
    assert done.changes.ids(Kind.SUGGESTIONS) == {suggestion.id}
    assert done.changes.touches_any(Kind.ACTORS) and done.changes.touches(Kind.MENTIONS)
    assert not done.changes.touches_any(Kind.ANNOTATIONS, Kind.REVIEWS, Kind.DOCUMENTS)
    rejected = services.suggestions.reject_all(None, doc)
    assert rejected.changes.kinds == {Kind.SUGGESTIONS}
    assert rejected.changes.ids(Kind.SUGGESTIONS) == set(rejected.value) and rejected.value


def test_setting_an_actions_status_reports_that_action_only(services, doc) -> None:
    fields = ActionFields(type=ActionType.REPORT_DUE, summary="survey the slipway", owner_id=None,
                          addressed_to_id=None, due=PartialDate.of(2022, 4, 30), set_date=PartialDate.of(2022, 3, 3),
                          status=ActionStatus.OPEN, status_note=None, status_document_id=None)
    action_id = services.actions.create(fields, document_id=doc).value
    done = services.actions.set_status(action_id, ActionStatus.DONE, note="surveyed", document_id=doc)
    assert done.value.status is ActionStatus.OPEN  # what it was, for undo, as before
    assert done.changes == Changes.of(Kind.ACTIONS, [action_id])
    assert services.actions.update(action_id, done.value).changes.ids(Kind.ACTIONS) == {action_id}


def test_annotating_reports_the_annotation_and_a_reviewed_mark_the_document(services, doc) -> None:
    done = services.annotations.create(doc, *span(services, doc, "survey the slipway"), AnnotationFields(note="when?"))
    assert done.changes == Changes.of(Kind.ANNOTATIONS, [done.value.id])
    assert services.annotations.delete(done.value.id).changes.ids(Kind.ANNOTATIONS) == {done.value.id}
    reviewed = services.annotations.set_reviewed(doc, True, by="kim")
    assert reviewed.changes == Changes.of(Kind.REVIEWS, [doc])


def test_editing_metadata_reports_the_document_and_what_analysis_redid(services, doc) -> None:
    title = services.documents.edit_metadata(doc, {"title": "The slipway survey"})
    assert title.changes.ids(Kind.METADATA) == {doc}
    assert not title.changes.touches(Kind.SUGGESTIONS)  # the title is nothing suggestions hang on
    dated = services.documents.edit_metadata(doc, {"date": PartialDate.of(2022, 3, 4)})
    assert dated.changes.touches(Kind.SUGGESTIONS) and dated.changes.touches(Kind.CHRONOLOGY)


def test_a_chronology_entry_is_reported_by_its_key(services) -> None:
    added = services.chronology.add_entry(EntryFields(PartialDate.of(2022, 5, 1), "Slipway reopened", EntryKind.OWN))
    assert added.changes == Changes.of(Kind.CHRONOLOGY, [added.value])
    assert services.chronology.delete_entry(added.value).changes.ids(Kind.CHRONOLOGY) == {added.value}


def test_kinds_are_their_names() -> None:
    assert Kind("actors") is Kind.ACTORS and str(Kind.REVIEWS) == "reviews"


def test_a_briefing_export_is_reported_by_its_record(services, doc, tmp_path) -> None:
    options = services.briefing.starting_options()
    done = services.briefing.export(options, tmp_path / "slipway.pdf")
    assert done.changes == Changes.of(Kind.BRIEFINGS, [done.value.record_id])
    assert services.briefing.save_draft(options).changes.kinds == {Kind.BRIEFINGS}
