"""Actions: obligations and deadlines, with owners worked out from the grammar, the parties and the actors.

Every letter here is invented; none of its names, dates or phrases come from the sample documents.
"""

from __future__ import annotations

from dossier.analysis.action_owners import Owners
from dossier.analysis.actions import find_actions
from dossier.analysis.temporal import find_dates
from dossier.domain.dates import PartialDate, Qualifier
from dossier.domain.findings import ActionFound, ActionType, ActorFound, ActorKind, Mention


def _actions(text: str, doc: str, *, sender: str | None = None, recipients: tuple[str, ...] = (),
             actors: tuple[ActorFound, ...] = ()) -> list[ActionFound]:
    date = PartialDate.parse_iso(doc)
    return find_actions(text, document_date=date, dates=find_dates(text, date), actors=actors, sender=sender,
                        recipients=recipients)


def _deadlines(actions: list[ActionFound]) -> list[tuple[str | None, str, str | None, ActionType]]:
    return [(a.due_text, a.due.value, a.owner, a.type) for a in actions if a.due is not None]


RIVER_LETTER = """Department for Rural Affairs
12 Harbour Road
Kelso TD5 7AB

Ms Fiona Drummond
Chief Executive
Tweedside District Council

14 November 2019

Dear Ms Drummond,

Thank you for your letter of 2 October about the river defences. I was sorry to hear that the survey you
commissioned in August found further erosion.

As you know, the Environment Board met on 30 October and agreed that urgent work is needed. I have
therefore decided to appoint Dr Hamish Reid as Flood Recovery Adviser for the district. Dr Reid will report
to me by 31 January 2020 on the options for repair.

I would be grateful if your council could provide a full costed plan no later than 20 December. Please also
confirm by Friday 29 November that your officers will attend the workshop.

I will visit Kelso early in the new year to see the work for myself. The Inspectorate will carry out an
inspection of the defences in the spring.

Under the Flood Risk Management Act 2009 you must publish a local strategy.

Yours sincerely,

Andrew Blake
Minister for Rural Affairs
"""


def test_deadlines_in_a_letter_with_their_owners() -> None:
    actions = _actions(RIVER_LETTER, "2019-11-14", sender="Andrew Blake", recipients=("Fiona Drummond",))
    assert _deadlines(actions) == [
        ("by 31 January 2020", "2020-01-31", "Hamish Reid", ActionType.REPORT_DUE),
        ("no later than 20 December", "2019-12-20", "Fiona Drummond", ActionType.REQUEST),
        ("by Friday 29 November", "2019-11-29", "Fiona Drummond", ActionType.REQUEST),
        ("early in the new year", "2020", "Andrew Blake", ActionType.MEETING),
        ("in the spring", "2020-03", "the Inspectorate", ActionType.INSPECTION),
    ]
    report = actions[[a.due_text for a in actions].index("by 31 January 2020")]
    assert report.summary == "report to Andrew Blake on the options for repair"
    assert report.addressed_to == "Andrew Blake"
    assert report.sentence == "Dr Reid will report to me by 31 January 2020 on the options for repair."
    assert RIVER_LETTER[report.start:report.end].startswith("Dr Reid will report")
    plan = actions[[a.due_text for a in actions].index("no later than 20 December")]
    assert plan.summary == "provide a full costed plan"
    assert plan.due is not None and plan.due.qualifier is Qualifier.BY


def test_undated_obligations_are_actions_too() -> None:
    actions = _actions(RIVER_LETTER, "2019-11-14", sender="Andrew Blake", recipients=("Fiona Drummond",))
    undated = [(a.type, a.owner) for a in actions if a.due is None]
    assert (ActionType.APPOINTMENT, "Andrew Blake") in undated  # "I have decided to appoint"
    assert (ActionType.DIRECTION, "Fiona Drummond") in undated  # "you must publish"
    assert all(a.due is None or a.due.latest().year >= 2019 for a in actions)
    assert not any("survey" in a.sentence or "met on 30 October" in a.sentence for a in actions)


def test_each_bullet_under_an_order_is_its_own_action() -> None:
    letter = (
        "Dear Chief Executive,\n\n"
        "The position at Northmoor Borough Council remains serious and I therefore direct your council to:\n\n"
        "• Agree a recovery plan with the Improvement Panel by 30 September 2021.\n\n"
        "• Appoint a permanent finance director by 30 September 2021.\n\n"
        "• Review the capital programme, with the Panel then, by 31 December 2021, to advise me on any "
        "further savings.\n\n"
        "Yours faithfully,\n\nKaren Ojo\n"
    )
    actions = _actions(letter, "2021-07-01", sender="Karen Ojo")
    assert _deadlines(actions) == [
        ("by 30 September 2021", "2021-09-30", "Northmoor Borough Council", ActionType.DIRECTION),
        ("by 30 September 2021", "2021-09-30", "Northmoor Borough Council", ActionType.APPOINTMENT),
        ("by 31 December 2021", "2021-12-31", "Improvement Panel", ActionType.REPORT_DUE),
    ]
    assert [a.summary for a in actions if a.due is not None][:2] == [
        "agree a recovery plan with the Improvement Panel",
        "appoint a permanent finance director",
    ]


def test_a_post_resolves_to_the_person_named_as_holding_it() -> None:
    letter = (
        "Dear Mr Pike,\n\nI am appointing Dame Olivia Marsh as Improvement Commissioner for the trust. "
        "The Commissioner will report to me by 31 March 2022 on the governance of the trust.\n"
    )
    actions = _actions(letter, "2021-11-02", sender="Sam Reeve", recipients=("Colin Pike",))
    assert _deadlines(actions) == [("by 31 March 2022", "2022-03-31", "Olivia Marsh", ActionType.REPORT_DUE)]
    appointment = [a for a in actions if a.type is ActionType.APPOINTMENT]
    assert [(a.owner, a.due) for a in appointment] == [("Sam Reeve", None)]


def test_posts_resolve_through_the_actors_when_given() -> None:
    text = "Dear Ms Vale,\n\nThe Chief Inspector will publish her findings by 1 March.\n"
    inspector = ActorFound(name="Ruth Ellis", kind=ActorKind.PERSON, forms=("Ms Ellis",), mentions=(),
                           posts=("Chief Inspector of Prisons",))
    actions = _actions(text, "2020-01-15", actors=(inspector,), recipients=("Ann Vale",))
    assert _deadlines(actions) == [("by 1 March", "2020-03-01", "Ruth Ellis", ActionType.REPORT_DUE)]


def test_work_resolves_to_whoever_leads_it() -> None:
    letter = (
        "Dear Colleague,\n\nI have commissioned an independent review of the service, led by Professor Amara "
        "Nwosu. It will report by June 2022. A second study will then make recommendations by the end of the "
        "year.\n"
    )
    actions = _actions(letter, "2022-02-14", sender="Lee Hart")
    assert _deadlines(actions) == [
        ("by June 2022", "2022-06", "Amara Nwosu", ActionType.REPORT_DUE),
        ("by the end of the year", "2022-12", "Amara Nwosu", ActionType.REPORT_DUE),
    ]
    assert actions[-1].due is not None and actions[-1].due.qualifier is Qualifier.END


def test_first_person_is_the_sender_and_you_the_organisation_addressed() -> None:
    letter = (
        "Dear Councillor Byrne,\n\nI have read your council's plan. I will be meeting the leader early next "
        "month to discuss it. By 14 August I wish to see a clear timetable for each of the measures in your "
        "plan. Your Council must also publish its accounts. Ashdown County Council has not done so since "
        "2019.\n"
    )
    actions = _actions(letter, "2023-06-20", sender="Maya Gill")
    assert _deadlines(actions) == [
        ("early next month", "2023-07", "Maya Gill", ActionType.MEETING),
        ("By 14 August", "2023-08-14", "Ashdown County Council", ActionType.REQUEST),
    ]
    meeting, request = [a for a in actions if a.due is not None]
    assert meeting.due is not None and meeting.due.qualifier is Qualifier.EARLY
    assert request.summary == "provide a clear timetable for each of the measures in its plan"
    assert request.addressed_to == "Maya Gill"


def test_minutes_name_who_is_to_act() -> None:
    minutes = (
        "MINUTES OF THE RECOVERY BOARD\nHeld on 4 April 2017\n\nPresent: Jane Okafor (Chair), Tom Willis\n\n"
        "1. The minutes of the meeting held on 7 March were agreed.\n\n"
        "2. Actions:\n"
        "- Tom Willis to circulate the revised workforce plan by 21 April.\n"
        "- The Chair will write to the Director by the end of the week.\n"
    )
    actions = _actions(minutes, "2017-04-04")
    assert _deadlines(actions) == [
        ("by 21 April", "2017-04-21", "Tom Willis", ActionType.COMMITMENT),
        ("by the end of the week", "2017-04-07", "Jane Okafor", ActionType.COMMITMENT),
    ]


def test_no_action_for_the_past_a_negation_or_a_courtesy() -> None:
    letter = (
        "Dear Mr Lamb,\n\nYou were asked to reply by 30 April. I said at the time that I intended to ask the "
        "regulator to inspect the home this month. We no longer intend to ask the regulator to inspect it. "
        "I am sure you will share my concern. It would be helpful to hear your views.\n"
    )
    actions = _actions(letter, "2018-05-21", sender="Nia Shaw", recipients=("Peter Lamb",))
    assert actions == []


def test_one_action_per_sentence_and_due_date() -> None:
    text = "The trust will submit a draft by 1 May 2024 and a final plan by 1 July 2024. Reply by 1 May 2024."
    actions = _actions(text, "2024-02-01", recipients=("Jo Finch",))
    assert [(a.due_text, a.start) for a in actions] == [("by 1 May 2024", 0), ("by 1 July 2024", 0),
                                                       ("by 1 May 2024", text.index("Reply"))]
    assert all(len(a.summary) <= 120 and a.due_text not in a.summary for a in actions)


def test_empty_and_dateless_text() -> None:
    assert _actions("", "2020-01-01") == []
    assert find_actions("Nothing to do here.", document_date=None, dates=[], actors=[]) == []


def test_owners_on_their_own() -> None:
    text = "Dear Ms Hay,\n\nI have asked your Council and Lord Bream to act. Lord Anton Bream chairs the board."
    owners = Owners(text, [], "Kit Moss", [])
    assert owners.resolve("I") == "Kit Moss"
    assert owners.resolve("you") == "the Council"
    assert owners.resolve("Lord Bream") == "Anton Bream"
    assert owners.resolve("the study") is None
    council = ActorFound(name="Fenwick City Council", kind=ActorKind.ORGANISATION, forms=("your Council",),
                         mentions=(Mention(text.index("your Council"), text.index("your Council") + 12,
                                           "your Council"),))
    assert Owners(text, [council], "Kit Moss", []).resolve("you") == "Fenwick City Council"


def _person(name: str, text: str, form: str) -> ActorFound:
    at = text.index(form)
    return ActorFound(name=name, kind=ActorKind.PERSON, forms=(form,), mentions=(Mention(at, at + len(form), form),))


def test_each_clause_of_a_sentence_carries_its_own_date_and_owner() -> None:
    text = ("Dear Ann,\n\nI have asked Dr Rhona Vale to review the service. She will begin work next week and I "
            "expect her to report to me by the end of March 2019. I intend to make a statement in the spring. "
            "We expect to complete the audit within six weeks, and will share the results with you by 30 April.\n")
    actors = (_person("Rhona Vale", text, "Dr Rhona Vale"),)
    found = _actions(text, "2019-01-14", sender="Cy Dee", recipients=("Ann Roe",), actors=actors)
    dated = {a.due_text: (a.summary, a.owner, a.type) for a in found if a.due is not None}
    assert dated == {
        "next week": ("begin work", "Rhona Vale", ActionType.COMMITMENT),  # "she": the person named before
        "by the end of March 2019": ("report to Cy Dee", "Rhona Vale", ActionType.REPORT_DUE),
        "in the spring": ("make a statement", "Cy Dee", ActionType.COMMITMENT),  # "I intend to"
        "within six weeks": ("complete the audit", "Cy Dee", ActionType.COMMITMENT),  # its own clause's date
        "by 30 April": ("share the results with Ann Roe", "Cy Dee", ActionType.COMMITMENT),
    }


def test_we_look_to_or_hope_to_act_is_an_intention_of_the_writer() -> None:
    text = ("Dear Ann,\n\nWe have handed some duties back to the Board and look to return others by summer 2031. "
            "The Trust hopes to open the ward in June. We look to the Board for its help in May.\n")
    found = _actions(text, "2031-03-01", sender="Cy Dee", recipients=("Ann Roe",))
    dated = {a.due_text: (a.owner, a.rule) for a in found if a.due is not None}
    assert dated["by summer 2031"] == ("Cy Dee", "by-still-ahead")
    assert dated["in June"][0] == "the Trust"
    assert "in May" not in dated  # "look to the Board": no verb, no intention


def test_further_to_is_no_action_and_my_officials_are_the_writers() -> None:
    text = ("Dear Ann,\n\nFurther to our meeting on Tuesday, I am writing to set out the next steps. "
            "My officials will meet your finance team in two weeks' time.\n")
    found = _actions(text, "2021-10-21", sender="Cy Dee", recipients=("Ann Roe",))
    assert [(a.summary, a.owner, a.type, a.due_text) for a in found] == [
        ("meet Ann Roe's finance team", "Cy Dee", ActionType.MEETING, "in two weeks' time")]


def test_for_someone_to_do_something_makes_them_the_owner() -> None:
    text = ("Dear Ann,\n\nThe Commissioner is content for Eastvale Academy Trust to respond to the notice by 26 March.\n")
    found = _actions(text, "2021-03-05", sender="Cy Dee", recipients=("Ann Roe",))
    assert [(a.owner, a.due_text) for a in found] == [("Eastvale Academy Trust", "by 26 March")]


def test_action_points_in_minutes_name_their_owner() -> None:
    text = ("Present: Mr Daniel Petrov, Councillor Margaret Olsen\n\n"
            "The Board noted that Cabinet would consider the revised budget on 16 June.\n"
            "ACTION: DP to circulate the interim findings to members by 3 April.\n")
    from dossier.analysis.actors import find_actors

    found = _actions(text, "2020-03-24", actors=tuple(find_actors(text)))
    assert [(a.owner, a.summary, a.due_text) for a in found] == [
        ("Cabinet", "consider the revised budget", "on 16 June"),
        ("Daniel Petrov", "circulate the interim findings to members", "by 3 April")]


def test_a_one_word_summary_is_the_verb_and_the_owner_is_the_clause_s_subject() -> None:
    text = "Dear Ann,\n\nI have asked Dr Rhona Vale to review the unit. We understand she expects to report in late March.\n"
    found = _actions(text, "2019-02-14", sender="Cy Dee", recipients=("Ann Roe",),
                     actors=(_person("Rhona Vale", text, "Dr Rhona Vale"),))
    assert [(a.summary, a.owner) for a in found if a.due is not None] == [("report", "Rhona Vale")]
