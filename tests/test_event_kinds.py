"""Kinds of chronology event (analysis/events.py EVENT_RULES): each rule's examples and the
sentences it must leave alone, the kind stored on the entry, and what matters to a case. Invented
sentences only."""

from __future__ import annotations

import pytest

from dossier.analysis.events import EVENT_RULES, event_kind, read_event
from dossier.analysis.temporal import find_dates
from dossier.analysis.voice import Voice
from dossier.domain.chronology import EventKind, event_matters
from dossier.domain.dates import PartialDate
from dossier.domain.findings import DateRole

LETTER_DATE = PartialDate.of(2020, 3, 2)


def kind_of(text: str, date_words: str | None = None) -> EventKind:
    found = [d for d in find_dates(text, LETTER_DATE) if date_words is None or d.text == date_words]
    assert found, text
    return EventKind(read_event(found[0], Voice(sender="Ann Roe", recipients=("Sam Doe",))).kind)


@pytest.mark.parametrize("rule", EVENT_RULES, ids=lambda r: r.name)
def test_each_rule_names_its_examples(rule) -> None:
    for example in rule.examples:
        assert kind_of(example) is rule.kind, example


@pytest.mark.parametrize("rule", [r for r in EVENT_RULES if r.leaves], ids=lambda r: r.name)
def test_each_rule_leaves_its_counter_examples_alone(rule) -> None:
    for sentence in rule.leaves:
        assert kind_of(sentence) is not rule.kind, sentence


@pytest.mark.parametrize(("text", "kind"), [
    ("Thank you for the call on Friday.", EventKind.COURTESY),
    ("I look forward to seeing you on 12 March.", EventKind.COURTESY),
    ("I apologise for not replying to your letter of 3 February sooner.", EventKind.COURTESY),
    ("This page was last updated on 10 February 2020", EventKind.HOUSEKEEPING),
    ("Kit Vale was appointed chief executive of Wessex County Council on 3 January.", EventKind.APPOINTMENT),
    ("Kit Vale took up her post as chief executive on 1 February.", EventKind.START_IN_POST),
    ("Bo Li joined the council as director of housing in January.", EventKind.START_IN_POST),
    ("Bo Li stepped down as leader of the council on 14 February.", EventKind.LEAVING_POST),
    ("The Transport Board met on 14 January to discuss the bus contract.", EventKind.MEETING),
    ("Inspectors visited the Wessex care homes on 20 and 21 January.", EventKind.INSPECTION),
    ("The Wessex Trust published its annual report on 3 February.", EventKind.PUBLICATION),
    ("The Cabinet agreed the recovery plan on 12 February.", EventKind.DECISION),
    ("Kit Vale reported to the scrutiny committee on 5 February.", EventKind.REPORT),
    ("I wrote to the council leader on 3 February.", EventKind.LETTER),
    ("The committee considered your letter of 28 January about the register.", EventKind.LETTER),
    ("The roof of the depot collapsed in January.", EventKind.OTHER),
])
def test_a_reference_has_the_kind_of_event_it_reports(text: str, kind: EventKind) -> None:
    assert kind_of(text) is kind


def test_the_date_s_own_noun_names_the_kind_before_the_clause_s_verb() -> None:
    # the clause is about a meeting, the date belongs to the letter it considered
    assert kind_of("At its meeting the committee considered your letter of 28 January.", "28 January") \
        is EventKind.LETTER


def test_a_deadline_is_a_deadline_unless_it_is_a_courtesy() -> None:
    assert event_kind("The council must send its plan by 30 June.", role=DateRole.DEADLINE)[0] is EventKind.DEADLINE
    assert event_kind("I look forward to your reply by 30 June.", role=DateRole.DEADLINE)[0] is EventKind.COURTESY


def test_courtesies_and_housekeeping_do_not_matter_everything_else_does() -> None:
    assert not event_matters(EventKind.COURTESY.value) and not event_matters(EventKind.HOUSEKEEPING.value)
    assert all(event_matters(k.value) for k in EventKind if k not in (EventKind.COURTESY, EventKind.HOUSEKEEPING))
    assert event_matters("")  # an own entry, or one filed before kinds were known


LETTER = """Sam Doe
Director of Housing
Wessex County Council

2 March 2020

Dear Sam,

Thank you for the call on Friday.

I wrote to you on 3 February about the state of the housing register. Kit Vale took up her post as
chief executive on 1 February.

Yours sincerely,

Ann Roe
Minister for Housing
"""


def test_the_kind_is_stored_on_the_entry_and_the_dossier_keeps_courtesies(services, tmp_path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    services.documents.file_path(path)
    chron = services.chronology
    rows = {r.description: r for r in chron.rows(chron.keys()) if r.key.startswith("entry:")}
    thanks = next(r for d, r in rows.items() if d.startswith("Ann Roe thanked"))
    assert thanks.event_kind == "courtesy" and not thanks.matters
    wrote = rows["Ann Roe wrote to Sam Doe about the state of the housing register"]
    assert wrote.event_kind == "letter" and wrote.matters
    start = next(r for d, r in rows.items() if d.startswith("Kit Vale took up"))
    assert start.event_kind == "start in post"
    # the dossier keeps everything; "only what matters" leaves the courtesy out
    everything = chron.keys()
    assert thanks.key in everything
    assert thanks.key not in chron.keys(matters_only=True) and wrote.key in chron.keys(matters_only=True)
    listing = chron.listing(matters_only=True)
    assert listing.count == len(chron.keys(matters_only=True)) == len(chron.keys()) - 1
