"""Chronology events as statements in the third person (analysis/events.py): one whole clause, the
date left out where it is a phrase of its own, first and second person resolved from the parties,
and never cut mid-phrase. Invented sentences only."""

from __future__ import annotations

import pytest

from dossier.analysis.events import MAX_WORDS, read_event
from dossier.analysis.temporal import find_dates
from dossier.analysis.voice import Voice, has_first_or_second_person
from dossier.domain.dates import PartialDate

LETTER_DATE = PartialDate.of(2020, 3, 2)
VOICE = Voice(sender="Ann Roe", recipients=("Sam Doe",))


def statements(text: str, voice: Voice = VOICE) -> dict[str, str]:
    """Each dated reference's words -> the statement it becomes."""
    return {d.text: read_event(d, voice).description for d in find_dates(text, LETTER_DATE)}


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("I wrote to you on 3 February about the state of the housing register.", "on 3 February",
     "Ann Roe wrote to Sam Doe about the state of the housing register"),
    ("I wrote to you on 3 September, setting out my worries about the bin collections.", "on 3 September",
     "Ann Roe wrote to Sam Doe, setting out worries about the bin collections"),
    ("On 12 February I sent my second progress report to the Board.", "On 12 February",
     "Ann Roe sent the second progress report to the Board"),
    ("Bo Li was appointed Director of Children's Services on 3 January 2020.", "on 3 January 2020",
     "Bo Li was appointed Director of Children's Services"),
    ("The Transport Board met on 14 January to discuss the bus contract.", "on 14 January",
     "The Transport Board met to discuss the bus contract"),
    ("In December 2019, after months of complaints about missed bin collections, Wessex County Council "
     "appointed Kit Vale as its adviser.", "In December 2019",
     "After months of complaints about missed bin collections, Wessex County Council appointed Kit Vale as its "
     "adviser"),
    ("I am writing to let you know that Bo Li, our Head of Planning, has been appointed Director of Place with "
     "effect from 1 April.", "from 1 April",
     "Bo Li, the Head of Planning, has been appointed Director of Place"),
    ("I am pleased to confirm that the Board agreed the bus contract on 14 January.", "on 14 January",
     "The Board agreed the bus contract"),
])
def test_a_dated_reference_reads_as_a_report(text: str, date: str, expected: str) -> None:
    assert statements(text)[date] == expected


def test_the_writer_speaking_of_the_letter_itself_is_in_the_past() -> None:
    found = statements("I have today written to the chair of the housing committee, Councillor Bo Li, asking for "
                       "a plan.")
    assert found["today"].startswith("Ann Roe wrote to the chair of the housing committee")


def test_an_object_relative_clause_that_carries_the_date_stands_on_its_own() -> None:
    found = statements("Thank you for the sampling audit, which Kit Vale and Bo Li presented to the water board "
                       "in January.")
    assert found["in January"] == "Kit Vale and Bo Li presented the sampling audit to the water board"
    found = statements("Thank you for your review of the register, which I ordered last November.")
    assert found["last November"] == "Ann Roe ordered Sam Doe's review of the register"


def test_a_date_that_belongs_to_a_noun_stays() -> None:
    found = statements("The committee considered your letter of 28 January 2020 about the register.")
    assert found["28 January 2020"] == "The committee considered Sam Doe's letter of 28 January 2020 about the register"


def test_courtesies_are_statements_too() -> None:
    assert statements("Thank you for the call on Friday.")["on Friday"] == "Ann Roe thanked Sam Doe for the call"
    assert statements("I look forward to seeing you on 12 March.")["on 12 March"] == \
        "Ann Roe looked forward to seeing Sam Doe"


def test_a_long_sentence_is_cut_at_a_clause_edge_never_mid_phrase() -> None:
    text = ("Inspectors visited the adult care teams of Wessex County Council on 20 February 2020 to look "
            "at how carers are assessed, including those carers who look after more than one person at home "
            "and those who have recently moved into the county from another part of the country.")
    [found] = [d for d in find_dates(text, LETTER_DATE) if d.text == "on 20 February 2020"]
    statement = read_event(found, VOICE).description
    assert len(statement.split()) <= MAX_WORDS
    assert statement == ("Inspectors visited the adult care teams of Wessex County Council to look at how carers "
                         "are assessed")


def test_a_clause_with_no_edge_is_kept_whole() -> None:
    text = ("The panel of the Wessex Institute for Rural Transport and Roads reported on 3 February on the "
            "state of every bridge on every road in every parish of the county of Wessex from the northern "
            "border down to the southern border of the county")
    [found] = [d for d in find_dates(text, LETTER_DATE) if d.text == "on 3 February"]
    statement = read_event(found, VOICE).description
    assert statement.endswith("southern border of the county")  # not cut mid-phrase


def test_statements_leave_third_person_sentences_alone() -> None:
    text = "The Wessex Trust sent its draft plan to the council on 12 February."
    assert statements(text)["on 12 February"] == "The Wessex Trust sent its draft plan to the council"


def test_a_page_heading_stays_as_written() -> None:
    assert statements("This page was last updated on 10 February 2020")["on 10 February 2020"] == \
        "This page was last updated on 10 February 2020"


def test_no_first_or_second_person_word_is_left_when_the_parties_are_known() -> None:
    text = ("I wrote to you on 3 February. We met on 10 February to discuss our plan. You replied on 14 "
            "February with your comments. My officials spoke to yours on 20 February.")
    voice = Voice(sender="Ann Roe", sender_org="Wessex County Council", sender_department="Wessex County Council",
                  recipients=("Sam Doe",))
    for statement in statements(text, voice).values():
        assert not has_first_or_second_person(statement), statement


def test_a_date_that_is_the_subject_stays_and_quotes_around_a_sentence_go() -> None:
    assert statements("'Today is the first day of a new budget for Wessex County Council.'")["Today"] == \
        "Today is the first day of a new budget for Wessex County Council"
    assert statements('"Last month the Licensing Committee met in the new council chamber."')["Last month"] == \
        "The Licensing Committee met in the new council chamber"


def test_writing_to_a_person_is_not_an_opener_to_leave_out() -> None:
    found = statements("I am writing to the Board on 3 March about the bus contract.")
    assert found["on 3 March"].startswith("Ann Roe wrote to the Board")


def test_a_long_sentence_is_not_cut_to_an_opening_phrase_with_no_verb() -> None:
    found = statements("In the light of all of that, while my worries about the state of the depot, of course, "
                       "remain, I have concluded that a rather different approach is needed from the one we "
                       "agreed in September.")
    assert found["in September"] != "In the light of all of that"
    assert "concluded that a rather different approach is needed" in found["in September"]
