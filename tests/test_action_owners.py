"""Action owners: the person or body that must act, through pronouns, passives, posts and bodies.

Every letter and minute here is invented.
"""

from __future__ import annotations

import pytest

from dossier.analysis.actions import find_actions
from dossier.analysis.actors import find_actors
from dossier.analysis.temporal import find_dates
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound


def _found(text: str, *, sender: str | None = "Ann Roe", recipients: tuple[str, ...] = ("Sam Doe",),
           date: str = "2021-04-20") -> list[ActionFound]:
    day = PartialDate.parse_iso(date)
    return find_actions(text, document_date=day, dates=find_dates(text, day), actors=find_actors(text),
                        sender=sender, recipients=recipients)


def _letter(body: str, **kw) -> list[tuple[str | None, str]]:
    text = f"Dear Mr Doe,\n\n{body}\n\nYours sincerely,\n\nAnn Roe\nMinister for Roads\n"
    return [(a.owner, a.summary) for a in _found(text, **kw)]


@pytest.mark.parametrize(("body", "expected"), [
    # a passive: the agent acts, on what "it" stands for
    ("The recovery plan is now complete. It must be agreed by Cabinet by 30 June 2021.",
     [("Cabinet", "agree the recovery plan")]),
    ("The budget will be signed off by the Board in May.", [("the Board", "sign off the budget")]),
    # "you" is the recipient, "I" the sender
    ("You will report to me on progress by 30 June 2021.", [("Sam Doe", "report to Ann Roe on progress")]),
    ("I will write to you again in July.", [("Ann Roe", "write to Sam Doe again")]),
    # a post the letter names a holder for is that person
    ("I have appointed Tom Vale as Commissioner. The Commissioner will report to me by 30 September 2021.",
     [("Tom Vale", "report to Ann Roe")]),
    # a post nobody in the letter holds: the post itself, for acceptance to resolve to its holder on the day
    ("The Commissioner will report to me by 30 September 2021.", [("the Commissioner", "report to Ann Roe")]),
    # the letter asks the body, not the leader it writes to
    ("I expect your Council to publish its improvement plan by 31 May 2021.",
     [("the Council", "publish its improvement plan")]),
])
def test_owners(body: str, expected: list[tuple[str | None, str]]) -> None:
    assert _letter(body) == expected


def test_an_owner_that_cannot_be_resolved_is_none_never_guessed() -> None:
    assert _letter("This will report by the end of June 2021.") == [(None, "report")]


def test_a_passive_without_an_agent_is_left_alone() -> None:
    assert _letter("The plan will be published in May.") == []


def test_by_a_date_is_no_agent() -> None:
    # "by 30 June" is the due date, not who is to agree it: no owner is made of it
    found = _letter("The recovery plan must be agreed by 30 June 2021.")
    assert all(owner != "30 June" for owner, _ in found)


def test_we_is_the_organisation_the_sender_writes_for() -> None:
    text = ("Department for Roads\n12 Harbour Row\n\n3 March 2021\n\nDear Mr Doe,\n\n"
            "Our Department will publish the guidance by 30 June 2021. We will consult the councils in May.\n\n"
            "Yours sincerely,\n\nAnn Roe\n")
    owners = {a.owner for a in _found(text, date="2021-03-03")}
    assert owners == {"Department for Roads"}


def test_a_post_in_a_minutes_action_line_is_its_holder() -> None:
    text = ("Minutes of the Wessex Transport Board, 20 April 2021\n\n"
            "Present: Cllr Ann Roe (Chair), Tom Vale (Chief Executive)\n\n"
            "3. Budget\nThe Board noted the revised budget.\n"
            "ACTION: Chief Executive to circulate the revised budget to members by 3 May 2021.\n"
            "ACTION: The Commissioner to report on the depot by 30 June 2021.\n")
    found = [(a.owner, a.summary) for a in _found(text, sender=None, recipients=())]
    assert found == [("Tom Vale", "circulate the revised budget to members"),
                     ("the Commissioner", "report on the depot")]


def test_a_body_the_document_defines_by_a_common_noun() -> None:
    text = ("Decision notice\n\nPublic Authority: Borough of Eastvale   Address: Town Hall\n\n"
            "1. The public authority must take these steps within 35 calendar days of the date of this notice.\n"
            "2. The public authority must publish the report by 30 June 2021.\n")
    found = [(a.owner, a.summary) for a in _found(text, sender=None, recipients=()) if a.due is not None]
    assert found == [("Borough of Eastvale", "take these steps"), ("Borough of Eastvale", "publish the report")]
