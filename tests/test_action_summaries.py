"""Action summaries: what the owner is to do, a whole clause in the third person, under about 30 words.

Every letter here is invented.
"""

from __future__ import annotations

import pytest

from dossier.analysis.actions import find_actions
from dossier.analysis.actors import find_actors
from dossier.analysis.statements import (
    FRAGMENT_RULES,
    MAX_WORDS,
    OPENING_RULES,
    bare_of_participle,
    bare_verb,
    cut,
    summarise,
)
from dossier.analysis.temporal import find_dates
from dossier.analysis.voice import Voice, has_first_or_second_person
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound, ActionType
from dossier.domain.register import action_line

ROE = Voice(sender="Ann Roe", recipients=("Sam Doe",), recipient_org="Wessex County Council")


def _letter(body: str, date: str = "2021-04-20") -> list[ActionFound]:
    text = f"Dear Mr Doe,\n\n{body}\n\nYours sincerely,\n\nAnn Roe\nMinister for Roads\n"
    day = PartialDate.parse_iso(date)
    return find_actions(text, document_date=day, dates=find_dates(text, day), actors=find_actors(text),
                        sender="Ann Roe", recipients=("Sam Doe",))


def _one(body: str) -> ActionFound:
    [action] = _letter(body)
    return action


@pytest.mark.parametrize(("body", "summary", "owner"), [
    ("You will report to me on progress by 30 June 2021.", "report to Ann Roe on progress", "Sam Doe"),
    ("I expect you to send me your recovery plan by 31 May 2021.", "send Ann Roe their recovery plan", "Sam Doe"),
    ("My officials will meet your finance team in two weeks' time.", "meet Sam Doe's finance team", "Ann Roe"),
    ("I will write to you again in July.", "write to Sam Doe again", "Ann Roe"),
    ("By 14 May 2021 I wish to see a clear timetable for the works.", "provide a clear timetable for the works",
     "Sam Doe"),
    ("I would be grateful if you could send me a copy of the minutes, which the Board approved on 2 March, by "
     "14 May 2021.", "send Ann Roe a copy of the minutes", "Sam Doe"),
])
def test_a_summary_is_a_third_person_clause(body: str, summary: str, owner: str) -> None:
    action = _one(body)
    assert (action.summary, action.owner) == (summary, owner)
    assert not has_first_or_second_person(action.summary)
    assert action.sentence.startswith(body.split()[0])  # the sentence as written stays beside it


def test_a_long_obligation_ends_at_a_clause_boundary_not_mid_phrase() -> None:
    action = _one("I would be grateful if you could send me the revised budget, the updated risk register, the "
                  "timetable for the procurement of the new depot and the names of the members of the scrutiny "
                  "panel together with the terms of reference of the panel and its programme of work for the "
                  "coming year, by 14 May 2021.")
    words = action.summary.split()
    assert len(words) <= MAX_WORDS
    assert not action.summary.endswith(("…", "the", "of", "and", ","))
    assert action.summary.startswith("send Ann Roe the revised budget")


@pytest.mark.parametrize("body", [
    "I am clear that a slightly different approach is needed.",  # a that-clause: no action
    "The trust sent its draft on 12 March.",  # a past event in an April letter
    "I look forward to discussing the plan with you.",  # a courtesy
    "Thank you for your letter of 3 March.",
    "We have decided that the report will be published as planned.",  # a clause with its own subject
    "The works are expected to take place in late June.",  # a happening, not a thing to do
])
def test_fragments_past_events_and_courtesies_are_no_actions(body: str) -> None:
    assert _letter(body) == []


def test_a_one_word_obligation_is_the_verb() -> None:
    text = ("Dear Mr Doe,\n\nI have asked Dr Rhona Vale to review the depot. She will report by the end of June "
            "2021.\n\nYours sincerely,\n\nAnn Roe\n")
    day = PartialDate.parse_iso("2021-04-20")
    found = find_actions(text, document_date=day, dates=find_dates(text, day), actors=find_actors(text),
                         sender="Ann Roe", recipients=("Sam Doe",))
    assert [(a.summary, a.owner) for a in found if a.due] == [("report", "Rhona Vale")]


def test_decisions_keep_their_kind() -> None:
    action = _one("I have decided to commission a review of the bypass.")
    assert (action.type, action.summary, action.due) == (ActionType.DECISION, "commission a review of the bypass",
                                                         None)


@pytest.mark.parametrize(("words", "expected"), [
    ("to report on progress", "report on progress"),
    ("Please confirm the date of the hearing", "confirm the date of the hearing"),
    ("meeting him to discuss the plan", "meet him to discuss the plan"),
    ("a clear timetable for the works", "provide a clear timetable for the works"),
    ("The deadline for responses being", "respond"),
    ("review your improvement plan", "review its improvement plan"),
])
def test_summarise(words: str, expected: str) -> None:
    assert summarise(words, ROE, owner="Wessex County Council") == expected


@pytest.mark.parametrize("words", [
    "that a slightly different approach is needed", "This will report", "The trust sent its draft",
    "the report will be published as planned", "take place in late January", "continue unchecked",
    "proposing has been developed", "take these steps of the", "whether the plan works",
])
def test_summarise_refuses_fragments(words: str) -> None:
    assert summarise(words, ROE) is None


def test_rule_examples() -> None:
    for rule in OPENING_RULES:
        for words, expected in rule.examples:
            assert summarise(words, ROE) == expected, rule.name
    for rule in FRAGMENT_RULES:
        for words in rule.examples:
            assert summarise(words, ROE) is None, rule.name


def test_cut_keeps_short_summaries_whole() -> None:
    short = "send Ann Roe the revised budget, the risk register and the timetable"
    assert cut(short) == short


@pytest.mark.parametrize(("verb", "bare"), [("meeting", "meet"), ("making", "make"), ("setting", "set"),
                                            ("consulting", "consult"), ("bring", "bring"), ("being", "being")])
def test_bare_verb(verb: str, bare: str) -> None:
    assert bare_verb(verb) == bare


@pytest.mark.parametrize(("participle", "bare"), [("agreed", "agree"), ("approved", "approve"),
                                                  ("submitted", "submit"), ("made", "make"), ("signed", "sign"),
                                                  ("ratified", "ratify"), ("budget", None)])
def test_bare_of_participle(participle: str, bare: str | None) -> None:
    assert bare_of_participle(participle) == bare


def test_the_line_says_the_owner_once() -> None:
    assert action_line("Ann Roe", "report to the minister") == "Ann Roe to report to the minister"
    assert action_line(None, "report to the minister") == "To report to the minister (owner to be confirmed)"
    assert action_line("the Board", "The works will start in May") == "The works will start in May (the Board)"
