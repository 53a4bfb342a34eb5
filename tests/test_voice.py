"""The voice module: who "I", "you" and "we" are, and clauses rewritten in the third person."""

from __future__ import annotations

import pytest

from dossier.analysis.actors import find_actors
from dossier.analysis.voice import VOICE_RULES, Voice, has_first_or_second_person, third_person, voice_of

ROE = Voice(sender="Ann Roe", sender_org="Department for Roads", sender_department="Department for Roads",
            recipients=("Sam Doe",), recipient_org="Wessex County Council")


@pytest.mark.parametrize(("clause", "expected"), [
    ("report to your Council, your Chief Executive and me with recommendations",
     "report to Wessex County Council, the Chief Executive and Ann Roe with recommendations"),
    ("I expect you to send me the plan", "Ann Roe expects Sam Doe to send Ann Roe the plan"),
    ("I am writing to ask that you send a reply", "Ann Roe is writing to ask that Sam Doe send a reply"),
    ("we will publish our plan", "The Department for Roads will publish the Department for Roads's plan"),
    ("I'll write to you", "Ann Roe will write to Sam Doe"),
    ("send you details", "send Sam Doe details"),
    ("my officials will meet you", "Ann Roe's officials will meet Sam Doe"),
    ("I hope you agree", "Ann Roe hopes Sam Doe agrees"),
    ("if you have any questions", "if Sam Doe has any questions"),
    ("copy to your Chief Executive", "copy to the Chief Executive"),
])
def test_third_person(clause: str, expected: str) -> None:
    written = third_person(clause, ROE)
    assert written == expected
    assert not has_first_or_second_person(written)


@pytest.mark.parametrize("clause", [
    "the trust to publish the plan by June",  # nothing to rewrite
    "US trade policy",  # a country, not "us"
    "Part I of the report",  # a numeral
    "the Wessex Youth Board",  # "you" inside a word
])
def test_leaves_alone(clause: str) -> None:
    assert third_person(clause, ROE) == clause
    assert not has_first_or_second_person(clause)


def test_unknown_parties_never_leave_a_first_or_second_person_word() -> None:
    written = third_person("I ask you and your Council to write to us and our team", Voice())
    assert not has_first_or_second_person(written)
    assert written.startswith("The writer asks the recipient")


def test_several_recipients_without_a_body() -> None:
    v = Voice(sender="Ann Roe", recipients=("Sam Doe", "Tom Vale"))
    assert third_person("you will reply", v) == "Sam Doe and Tom Vale will reply"


def test_rule_examples() -> None:
    for rule in VOICE_RULES:
        for clause, expected in rule.examples:
            written = third_person(clause, ROE)
            assert not has_first_or_second_person(written), rule.name
            assert expected.split()[-1] in written, (rule.name, written)


def test_voice_of_a_letter() -> None:
    text = ("Department for Roads\n12 Harbour Row\n\n3 March 2019\n\nDear Sam,\n\n"
            "I am writing about the plan of Wessex County Council. I expect your Council to agree it, and our "
            "officials will help.\n\nYours sincerely\n\nAnn Roe\nMinister for Roads\n")
    actors = find_actors(text)
    v = voice_of(text, "Ann Roe", None, ["Sam Doe"], actors)
    assert v.sender == "Ann Roe"
    assert v.recipients == ("Sam Doe",)
    assert v.recipient_org == "Wessex County Council"
    assert v.sender_org == "Department for Roads"
    assert v.sender_department == "Department for Roads"


def test_the_signature_block_names_the_organisation_we_speak_for() -> None:
    text = ("Dear Professor Roe,\n\nWe will publish a summary of the review on our website by 2 December.\n\n"
            "Kind regards,\n\nDr Kit Lee\nMedical Director\nWessex Vale NHS Trust\n")
    v = voice_of(text, "Kit Lee", None, ["Ann Roe"], find_actors(text))
    assert v.sender_org == "Wessex Vale NHS Trust"


def test_an_organisation_far_from_the_signature_is_not_the_one_we_speak_for() -> None:
    text = ("Dear Professor Roe,\n\nWe met Wessex Vale NHS Trust last week and will write again soon.\n\n"
            "Kind regards,\n\nDr Kit Lee\n")
    v = voice_of(text, "Kit Lee", None, ["Ann Roe"], find_actors(text))
    assert v.sender_org is None
