"""Conflicts between differently worded accounts of one event: a pure rule
(domain.conflicts.one_event_dated_differently) tested without a database, then on real dossier
files. Invented people and councils only."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.domain.conflicts import Account, one_event_dated_differently
from dossier.domain.dates import PartialDate


def account(date: PartialDate, description: str, actors: tuple[str, ...], document: int, writer: str | None,
            kind: str) -> Account:
    return Account(date, description, frozenset(actors), frozenset({document}),
                   frozenset({writer}) if writer else frozenset(), kind)


START_A = account(PartialDate.of(2020, 2, 1), "Claire Vale took up her post as chief executive", ("Claire Vale",), 1,
                  "Ann Roe", "start in post")
START_B = account(PartialDate.of(2020, 2, 24), "Claire Vale joined Wessex County Council as its new head of paid "
                  "service", ("Claire Vale", "Wessex County Council"), 2, "Bo Li", "start in post")


def test_two_writers_dating_one_start_in_post_weeks_apart_conflict_however_worded() -> None:
    assert one_event_dated_differently(START_A, START_B)
    assert one_event_dated_differently(START_B, START_A)


@pytest.mark.parametrize("kind", ["appointment", "start in post", "leaving post", "publication", "inspection"])
def test_one_off_events_conflict_within_eight_weeks(kind: str) -> None:
    a = account(PartialDate.of(2020, 2, 1), "Claire Vale event one", ("Claire Vale",), 1, "Ann Roe", kind)
    b = account(PartialDate.of(2020, 3, 20), "Claire Vale other words", ("Claire Vale",), 2, "Bo Li", kind)
    assert one_event_dated_differently(a, b)
    far = account(PartialDate.of(2020, 5, 1), "Claire Vale other words", ("Claire Vale",), 2, "Bo Li", kind)
    assert not one_event_dated_differently(a, far)  # over eight weeks: two events


def test_a_month_precision_date_is_measured_from_its_nearest_bound() -> None:
    a = account(PartialDate.of(2020, 1), "Claire Vale was appointed", ("Claire Vale",), 1, "Ann Roe", "appointment")
    b = account(PartialDate.of(2020, 3, 15), "Claire Vale took the job", ("Claire Vale",), 2, "Bo Li", "appointment")
    assert one_event_dated_differently(a, b)  # 31 Jan to 15 Mar: six weeks


def test_the_same_writer_giving_two_dates_is_left_alone() -> None:
    later = account(START_B.date, START_B.description, tuple(START_B.actors), 2, "Ann Roe", "start in post")
    assert not one_event_dated_differently(START_A, later)


def test_unknown_writers_are_left_alone_by_the_wider_rule() -> None:
    unknown = account(START_B.date, START_B.description, tuple(START_B.actors), 2, None, "start in post")
    assert not one_event_dated_differently(START_A, unknown)


def test_two_meetings_of_one_committee_a_month_apart_on_different_subjects_are_two_meetings() -> None:
    january = account(PartialDate.of(2020, 1, 14), "The Transport Board met to discuss the bus contract",
                      ("Transport Board",), 1, "Ann Roe", "meeting")
    february = account(PartialDate.of(2020, 2, 11), "The Transport Board met to consider the winter gritting "
                       "budget", ("Transport Board",), 2, "Bo Li", "meeting")
    assert not one_event_dated_differently(january, february)


def test_one_meeting_on_one_subject_dated_weeks_apart_by_two_writers_conflicts() -> None:
    a = account(PartialDate.of(2020, 1, 14), "The Transport Board met to discuss the bus contract",
                ("Transport Board",), 1, "Ann Roe", "meeting")
    b = account(PartialDate.of(2020, 2, 4), "Members of the Transport Board considered the bus contract at "
                "length", ("Transport Board",), 2, "Bo Li", "meeting")
    assert one_event_dated_differently(a, b)


def test_different_kinds_or_no_actor_in_common_are_left_alone() -> None:
    other_kind = account(START_B.date, START_B.description, tuple(START_B.actors), 2, "Bo Li", "appointment")
    assert not one_event_dated_differently(START_A, other_kind)
    other_person = account(START_B.date, "Lee Hart joined the council", ("Lee Hart",), 2, "Bo Li", "start in post")
    assert not one_event_dated_differently(START_A, other_person)


def test_overlapping_dates_one_document_or_a_year_are_never_a_conflict() -> None:
    same_month = account(PartialDate.of(2020, 2), START_B.description, tuple(START_B.actors), 2, "Bo Li",
                         "start in post")
    assert not one_event_dated_differently(START_A, same_month)  # 1 Feb lies in Feb 2020
    same_doc = account(START_B.date, START_B.description, tuple(START_B.actors), 1, "Bo Li", "start in post")
    assert not one_event_dated_differently(START_A, same_doc)
    year = account(PartialDate.of(2019), START_B.description, tuple(START_B.actors), 2, "Bo Li", "start in post")
    assert not one_event_dated_differently(START_A, year)


def test_worded_alike_and_a_week_apart_still_conflicts_without_a_kind_or_writers() -> None:
    a = Account(PartialDate.of(2020, 2, 3), "Claire Vale presented the review of the register",
                frozenset({"Claire Vale"}), frozenset({1}))
    b = Account(PartialDate.of(2020, 2, 8), "Claire Vale presented the review of the register to members",
                frozenset({"Claire Vale"}), frozenset({2}))
    assert one_event_dated_differently(a, b)


# -- on a dossier --------------------------------------------------------------------------------

FROM_ANN = """Sam Doe
Director of Housing
Wessex County Council

2 March 2020

Dear Sam,

Claire Vale took up her post as chief executive of Wessex County Council on 1 February 2020.
{more}
Yours sincerely,

Ann Roe
Minister for Housing
"""

FROM_BO = """Sam Doe
Director of Housing
Wessex County Council

9 March 2020

Dear Sam,

Claire Vale joined Wessex County Council as its new head of paid service on 24 February 2020.

Yours sincerely,

{writer}
Chair of the Wessex Housing Board
"""


def _file(services, tmp_path: Path, letters: dict[str, str]) -> None:
    paths = []
    for name, text in letters.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    services.documents.file_paths(paths)


def _conflicted(services) -> list[str]:
    chron = services.chronology
    return sorted(r.date.value for r in chron.rows(chron.keys()) if r.conflict)


def test_two_letters_dating_a_start_in_post_differently_are_flagged(services, tmp_path) -> None:
    _file(services, tmp_path, {"ann.txt": FROM_ANN.format(more=""), "bo.txt": FROM_BO.format(writer="Bo Li")})
    assert _conflicted(services) == ["2020-02-01", "2020-02-24"]


def test_the_same_writer_dating_it_twice_is_not_flagged(services, tmp_path) -> None:
    _file(services, tmp_path, {"ann.txt": FROM_ANN.format(more=""), "bo.txt": FROM_BO.format(writer="Ann Roe")})
    assert _conflicted(services) == []


def test_two_meetings_a_month_apart_on_different_subjects_are_not_flagged(services, tmp_path) -> None:
    first = FROM_ANN.replace("Claire Vale took up her post as chief executive of Wessex County Council on 1 February "
                             "2020.", "The Wessex Housing Board met on 14 January 2020 to discuss the rent arrears.")
    second = FROM_BO.replace("Claire Vale joined Wessex County Council as its new head of paid service on 24 February "
                             "2020.", "The Wessex Housing Board met on 11 February 2020 to consider the repairs "
                             "backlog.").format(writer="Bo Li")
    _file(services, tmp_path, {"ann.txt": first.format(more=""), "bo.txt": second})
    assert _conflicted(services) == []
