"""The life of an action: a later letter reports it done, or moves its deadline (invented sentences),
and the sentences each rule must leave alone."""

from __future__ import annotations

import pytest

from dossier.analysis.progress import (
    PROGRESS_RULES,
    OpenAction,
    action_verb_and_object,
    find_progress,
    past_lemmas,
    verbs_reported,
)
from dossier.analysis.temporal import find_dates
from dossier.domain.dates import PartialDate

LETTER_DATE = PartialDate.of(2019, 4, 20, text="20 April 2019")
TRUST = ("Wessex Children's Trust",)
PLAN = OpenAction(1, "send its draft improvement plan to my officials", ("Sam Doe", *TRUST), "2019-03-31")
REPORT = OpenAction(2, "Sam Doe to provide a report on staffing (by end Apr 2019)", ("Sam Doe", *TRUST), "2019-04")
ACTIONS = (PLAN, REPORT)


def found(sentence: str, *, sender=("Sam Doe", *TRUST), recipients=("Ann Roe", "Wessex County Council")):
    return [(f.action_id, f.status, f.rule, f.new_due.value if f.new_due else None)
            for f in find_progress(sentence, ACTIONS, dates=find_dates(sentence, LETTER_DATE),
                                   sender_names=sender, recipient_names=recipients)]


def test_rules_are_named_with_examples_and_sentences_to_leave_alone() -> None:
    assert {r.name for r in PROGRESS_RULES} == {"reported-done", "deadline-moved"}
    assert all(r.examples and r.leave_alone for r in PROGRESS_RULES)


def test_verbs_and_objects() -> None:
    assert past_lemmas("sent") == {"send"}
    assert "submit" in past_lemmas("submitted")
    assert "agree" in past_lemmas("agreed")
    assert "copy" in past_lemmas("copied")
    assert past_lemmas("send") == set()
    assert action_verb_and_object(PLAN) == ("send", {"draft", "improvement", "plan"})
    assert action_verb_and_object(REPORT) == ("provide", {"report", "staffing"})


@pytest.mark.parametrize("sentence", [
    "The trust sent its draft improvement plan to your officials on 12 March.",
    "We have now submitted the draft improvement plan.",
    "The draft improvement plan was sent to your officials on 12 March.",
    "Wessex Children's Trust shared its draft improvement plan with officials last month.",
])
def test_reported_done(sentence: str) -> None:
    assert found(sentence) == [(1, "done", "reported-done", None)]


def test_reported_done_by_the_person_who_owns_it() -> None:
    assert found("Sam Doe provided the staffing report on 2 April.") == [(2, "done", "reported-done", None)]


@pytest.mark.parametrize("sentence", [
    "Please send the draft improvement plan.",  # the request repeated
    "The trust will send its draft improvement plan in May.",  # a future
    "The trust has not yet sent its draft improvement plan.",  # a denial
    "The council sent its draft improvement plan to the trust.",  # another owner
    "I asked the trust to send its draft improvement plan.",  # the request reported
    "The trust sent its annual accounts on 12 March.",  # another thing
    "It sent the draft improvement plan on 12 March.",  # a pronoun this sentence cannot resolve
])
def test_reported_done_leaves_alone(sentence: str) -> None:
    assert found(sentence) == []


def test_we_is_the_owner_only_when_the_owner_wrote() -> None:
    council = ("Ann Roe", "Wessex County Council")
    assert found("We have now submitted the draft improvement plan.", sender=council, recipients=TRUST) == []


@pytest.mark.parametrize(("sentence", "value"), [
    ("The deadline for the staffing report is now 30 June 2019.", "2019-06-30"),
    ("We have agreed to extend the staffing report to the end of July 2019.", "2019-07"),
    ("The staffing report is now due on 14 June 2019.", "2019-06-14"),
])
def test_deadline_moved(sentence: str, value: str) -> None:
    assert found(sentence) == [(2, "superseded", "deadline-moved", value)]


@pytest.mark.parametrize("sentence", [
    "The deadline for the staffing report is the end of April 2019.",  # the same deadline, restated
    "The deadline for the annual accounts is now 30 June 2019.",  # another thing
    "Please provide the staffing report by the end of April 2019.",
])
def test_deadline_moved_leaves_alone(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Peter Doe provided the staffing report on 2 April.",  # another person of the same surname
    "Sam Doe provided assurances that the staffing report would follow.",  # the object of another clause
])
def test_reported_done_leaves_alone_other_people_and_clauses(sentence: str) -> None:
    assert found(sentence) == []


def test_a_phrasal_verb_keeps_its_particle() -> None:
    options = OpenAction(3, "set out the options for the depot", ("Sam Doe",))
    assert find_progress("Sam Doe set out the options for the depot on 2 April.", [options])[0].action_id == 3
    assert find_progress("Work has been set in train on the options for the depot.", [options]) == []


def test_an_owner_before_to_is_not_the_verb_and_a_letter_lists_the_verbs_it_reports() -> None:
    assert action_verb_and_object(OpenAction(4, "Wessex Children's Trust to send its draft plan")) \
        == ("send", frozenset({"draft", "plan"}))
    assert {"send", "submit"} <= verbs_reported("The trust submitted its plan. It will meet in May.")
    assert "meet" not in verbs_reported("It will meet in May.")
