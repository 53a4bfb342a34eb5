"""Deadlines: the named rules that decide whether a dated reference is one (analysis/deadline_rules.py),
each with invented sentences in the layout it reads and the near-misses it must leave alone."""

from __future__ import annotations

import pytest

from dossier.analysis import deadline_rules
from dossier.analysis.actions import find_actions
from dossier.analysis.temporal import find_dates
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound, DateFound, DateRole

DEADLINE, EVENT = DateRole.DEADLINE, DateRole.EVENT


def _date(text: str, doc: str, words: str) -> DateFound:
    found = [d for d in find_dates(text, PartialDate.parse_iso(doc)) if d.text == words]
    assert len(found) == 1, [d.text for d in find_dates(text, PartialDate.parse_iso(doc))]
    return found[0]


def _decided(text: str, doc: str, words: str) -> tuple[DateRole, str, str | None]:
    """(role, value, name of the rule that decided it)."""
    d = _date(text, doc, words)
    return d.role, d.date.value, deadline_rules.rule_for(text, d.start, d.end)


def _deadlines(text: str, doc: str, **kw: object) -> list[ActionFound]:
    date = PartialDate.parse_iso(doc)
    return [a for a in find_actions(text, document_date=date, dates=find_dates(text, date), actors=(), **kw)
            if a.due is not None]


def test_every_rule_has_a_kebab_case_name_of_its_own() -> None:
    names = [r.name for r in deadline_rules.ROLE_RULES]
    assert len(names) == len(set(names))
    assert all(n == n.lower() and " " not in n and "_" not in n for n in names)


@pytest.mark.parametrize(
    ("doc", "text", "words", "value", "role", "rule"),
    [
        # the rules that were branches before: set-aside, told-as-past, by-looking-back, after-cue
        ("2021-03-01", "The hearing will be on 26 March rather than 19 March.", "19 March", "2021-03-19", EVENT,
         "set-aside"),
        ("2021-05", "Ann Roe has led the team since 3 May 2021.", "since 3 May 2021", "2021-05-03", EVENT,
         "told-as-past"),
        ("2016-05-20", "The report was due by 25 May 2016.", "due by 25 May 2016", "2016-05-25", EVENT,
         "by-looking-back"),
        ("2016-05-20", "The report is due by 25 May.", "due by 25 May", "2016-05-25", DEADLINE, "by-looking-ahead"),
        ("2021-05-20", "We will reply after 3 June.", "after 3 June", "2021-06-03", EVENT, "after-cue"),
        # projection-that: "we estimate that by ..." tells how things will be, no task; near-miss: an estimate
        # of when a task is done keeps its "by"
        ("2021-05-03", "We estimate that by 2024 the new line will carry 40 more trains a day.", "by 2024", "2024", EVENT,
         "projection-that"),
        ("2021-05-03", "It is forecast that by June the queue will have gone.", "by June", "2021-06", EVENT,
         "projection-that"),
        ("2021-05-03", "We estimate the survey will be done by 2024.", "by 2024", "2024", DEADLINE, None),
        ("2021-05-03", "Ann Roe must reply by 2 June, we estimate.", "by 2 June", "2021-06-02", DEADLINE, None),
        # lasts-until: how long a thing lasts, no task; near-miss: a consultation that runs until a day closes then
        ("2021-05-03", "The new lease is meant to last until 2030.", "until 2030", "2030", EVENT,
         "lasts-until"),
        ("2021-05-03", "The lease will last till 9 June.", "till 9 June", "2021-06-09", EVENT, "lasts-until"),
        ("2021-05-03", "The consultation will run until 9 June.", "until 9 June", "2021-06-09", DEADLINE, None),
        # own-day: the document's own day, told without "by", is when it was written
        # ... but "later today" is still to come on the day of writing; near-miss: plain "today" stays the writing's
        ("2021-05-03", "I intend to publish the draft order later today.", "later today",
         "2021-05-03", DEADLINE, "future-cue"),
        ("2021-05-03", "I published the draft order today.", "today", "2021-05-03", EVENT, "own-day"),
        ("2019-03-12", "Wessex Gazette 12/03/2019 Leaders should halt the plan.", "12/03/2019", "2019-03-12",
         EVENT, "own-day"),
        ("2019-03-12", "Please reply by 12 March 2019.", "by 12 March 2019", "2019-03-12", DEADLINE, None),
        # count-start: the day a count of days starts from
        ("2021-04-08", "Within 28 days of 8 April 2021, the Trust must send the records.", "8 April 2021",
         "2021-04-08", EVENT, "own-day"),
        ("2021-04-08", "Within 28 days of 20 April 2021, the Trust must send the records.", "20 April 2021",
         "2021-04-20", EVENT, "count-start"),
        ("2021-04-08", "Six weeks after 20 April 2021 the Trust must send the records.", "after 20 April 2021",
         "2021-04-20", EVENT, None),
        ("2021-04-08", "The Trust must send the records on 20 April 2021.", "on 20 April 2021", "2021-04-20",
         DEADLINE, "duty-modal"),
        # writing-of: "your letter of <date>" is always written before, even beside a real deadline
        ("2022-11-20", "In your letter of 14 November you ask me to reply by the end of the month.",
         "14 November", "2022-11-14", EVENT, "date-gone"),
        ("2022-11-20", "I will answer your email of 28 November and reply by 30 November.", "28 November",
         "2021-11-28", EVENT, "date-gone"),
        ("2022-11-20", "I will answer your email dated 28 November 2022 by 30 November.", "28 November 2022",
         "2022-11-28", EVENT, "writing-of"),
        ("2022-11-20", "We would like you to report on 28 November.", "on 28 November", "2022-11-28", DEADLINE,
         "future-cue"),
        # negated-duty: the obligation in the date's clause is denied
        ("2015-01-05", "We told them it was not sensible that the Trust should appear at the inquiry on 14 January.",
         "on 14 January", "2015-01-14", EVENT, "negated-duty"),
        ("2015-01-05", "You need not reply by 30 January.", "by 30 January", "2015-01-30", EVENT, "negated-duty"),
        ("2015-01-05", "If you do not reply by 30 January, we will close the case.", "by 30 January", "2015-01-30",
         DEADLINE, "by-still-ahead"),
        ("2015-01-05", "We do not see why the Board is to attend on 14 January.", "on 14 January", "2015-01-14",
         DEADLINE, "future-cue"),
        ("2015-01-05", "The Board has not yet replied and must do so by 30 January.", "by 30 January",
         "2015-01-30", DEADLINE, "by-still-ahead"),
        # at-the-latest: "from <date> at the latest" is a deadline whatever its cue
        ("2020-03-10", "Depots should plan to close the old yard from 3rd May at the latest.", "from 3rd May",
         "2020-05-03", DEADLINE, "at-the-latest"),
        # during-period: a stretch of time in which something goes on
        ("2016-04-18", "The contractor expects to repaint the benches during the summer.", "during the summer",
         "2016-06", EVENT, "during-period"),
        ("2016-04-18", "Tom Vale will cut the hedges by the summer.", "by the summer", "2016-06", DEADLINE, None),
        # possessive-date: "next year's budget" names a thing, not a time to act by
        ("2018-10-01", "Next year's budget will fall by two per cent.", "Next year", "2019", EVENT,
         "possessive-date"),
        # if-needed: a contingent event
        ("2019-05-02", "The panel will hold a further meeting, if needed, in August.", "in August", "2019-08",
         EVENT, "if-needed"),
        ("2019-05-02", "The panel will hold a further meeting in August.", "in August", "2019-08", DEADLINE,
         "future-cue"),
        # appointed-until: the end of an appointment
        ("2019-06-03", "Ann Roe has been appointed as interim Chair until June 2020.", "until June 2020",
         "2020-06", DEADLINE, "appointed-until"),
        ("2019-06-03", "The library was closed until June 2020.", "until June 2020", "2020-06", EVENT, None),
        # deadline-noun: "the deadline for responses being <date>"
        ("2018-05", "Bids are welcome, the deadline being 4 July 2018.", "4 July 2018", "2018-07-04", DEADLINE,
         "deadline-noun"),
        ("2018-05", "The closing date for comments: 4 July 2018.", "4 July 2018", "2018-07-04", DEADLINE,
         "deadline-noun"),
        ("2020-03-17", "Late comments were accepted after its deadline on 2 March.", "on 2 March", "2020-03-02",
         EVENT, "date-gone"),
        # closes-on: the day a consultation, a call or applications close
        ("2021-05-10", "The consultation closes on 12 June.", "on 12 June", "2021-06-12", DEADLINE, "closes-on"),
        ("2021-05-10", "Applications for the grant will close at noon on 4 June 2021.", "at noon on 4 June 2021",
         "2021-06-04", DEADLINE, "closes-on"),
        ("2021-05-10", "The library closes on 12 June for repairs.", "on 12 June", "2021-06-12", EVENT, None),
        ("2021-05-10", "The pilot scheme will cease in June.", "in June", "2021-06", EVENT, "scheduled-state"),
        # asked-to: a request reported in any tense, for a day still ahead
        ("2010-11", "The regulations required boards to survey tenants and then adopt a policy before the end "
         "of 2010.", "before the end of 2010", "2010-12", DEADLINE, "asked-to"),
        ("2018-06-04", "The Clerk was asked to write to the Trust in July.", "in July", "2018-07", DEADLINE,
         "asked-to"),
        ("2018-05-21", "I said at the time that I intended to ask the regulator to inspect the home this month.",
         "this month", "2018-05", EVENT, None),
        ("2018-05-21", "I wrote making a data request to the Trust on 8 March.", "on 8 March", "2018-03-08", EVENT,
         "date-gone"),
        # invited-to-event: someone is invited to attend a meeting on a day
        ("2018-10-05", "The note went out on October 2 and invites Coun Tom Vale to a hearing on October 30.",
         "on October 30", "2018-10-30", DEADLINE, "invited-to-event"),
        # request-that: a request in the subjunctive
        ("2012-01-09", "We received the request that a member of the Board attend the session in March.",
         "in March", "2012-03", DEADLINE, "request-that"),
        ("2012-01-09", "We received the report that a member of the Board chaired in March.", "in March",
         "2011-03", EVENT, None),
        ("2010-11", "The timing was required so that a vote could take place on the plan before May 2011.",
         "before May 2011", "2011-05", EVENT, None),
        # noun-to-be-done: "councils to be dissolved on <date>" only places what is done to them
        ("2024-05-10", "Boards to be merged on 1 October 2025 must consult the regulator before selling land.",
         "on 1 October 2025", "2025-10-01", EVENT, "noun-to-be-done"),
        ("2024-05-10", "Reports are to be submitted on 1 October 2025.", "on 1 October 2025", "2025-10-01",
         DEADLINE, None),
        ("2024-05-10", "I want the plan to be sent to me in June.", "in June", "2024-06", DEADLINE, None),
        # resolution-that: a resolution in minutes
        ("2019-06", "3. That the Executive refer the draft plan to the Assembly on 19 June for debate.",
         "on 19 June", "2019-06-19", DEADLINE, "resolution-that"),
        ("2019-06", "3. That the Executive noted the plan on 19 June.", "on 19 June", "2019-06-19", EVENT, None),
        # action-point: "Clerk to <verb> ... <date>" in minutes
        ("2018-05-14", "Clerk to contact the Trust in June.", "in June", "2018-06", DEADLINE, "action-point"),
        ("2018-05-14", "Welcome to the Trust fair in June.", "in June", "2018-06", EVENT, None),
        # duty-modal: "must be published before <date>" is a duty, even in the passive
        ("2019-08-01", "The notice must be displayed in the library before 14/09/19.", "before 14/09/19",
         "2019-09-14", DEADLINE, "duty-modal"),
        ("2019-08-01", "The notice will be displayed in the library before 14/09/19.", "before 14/09/19",
         "2019-09-14", EVENT, "scheduled-state"),
        # scheduled-state: "expected to take place in <date>" tells how things will be
        ("2022-11-20", "The chair expects the annual audit to take place in late March.", "in late March",
         "2023-03", EVENT, "scheduled-state"),
        ("2022-11-20", "Let's agree the switch happens December 1st and we will change the system.",
         "December 1st", "2022-12-01", DEADLINE, "future-cue"),
        # event-noun: a date that only places an event, under no more than an infinitive
        ("2016-04-18", "Members are waiting for the Trust to come back with an open day in June.", "in June",
         "2016-06", EVENT, "event-noun"),
        ("2016-04-18", "Members are waiting for the Trust to attend its open day in June.", "in June", "2016-06",
         DEADLINE, "future-cue"),
        # grateful-if: a polite request, whatever tense its conditional takes
        ("2021-05-03", "We would be grateful, therefore, if you were both able to attend on Thursday 20 May.",
         "on Thursday 20 May", "2021-05-20", DEADLINE, "grateful-if"),
        ("2021-05-03", "I'd be grateful if the Trust could send its plan to Ann Roe in June.", "in June", "2021-06",
         DEADLINE, "grateful-if"),
        ("2021-05-03", "It would be helpful if Tom Vale would let us have the figures by 28 May.", "by 28 May",
         "2021-05-28", DEADLINE, None),
        ("2021-05-03", "We are grateful for the invitation to the dinner on 20 May.", "on 20 May", "2021-05-20",
         EVENT, None),
        ("2021-05-03", "I would be grateful if you could tell me why the visit on 20 April was cancelled.",
         "on 20 April", "2021-04-20", EVENT, "date-gone"),
        # decided-at-meeting: a decision a body is to take at a meeting still ahead
        ("2017-09-06", "The split lowers the chance of us agreeing a budget at full Council in December.",
         "in December", "2017-12", DEADLINE, "decided-at-meeting"),
        ("2017-09-06", "The plan will be approved at the next Cabinet meeting on 3 October.", "on 3 October",
         "2017-10-03", DEADLINE, "decided-at-meeting"),
        ("2017-09-06", "The plan was approved at full Council in March.", "in March", "2017-03", EVENT,
         "date-gone"),
        ("2017-09-06", "The report on the budget agreed last year goes to the library in December.", "in December",
         "2017-12", EVENT, None),
        # with-being-aside: the date of a "with X being done" aside only describes what goes on
        ("2021-05-03", "The panel will pick the first ten files, with further files being chosen next week.",
         "next week", "2021-05-10", EVENT, "with-being-aside"),
        ("2021-05-03", "We will close the ward, with the rest of the beds being moved in June.", "in June",
         "2021-06", EVENT, "with-being-aside"),
        ("2021-05-03", "With the files being chosen today, the panel will report in June.", "in June", "2021-06",
         DEADLINE, "future-cue"),
        ("2021-05-03", "We will meet Tom Vale, with whom we are working, in June.", "in June", "2021-06", DEADLINE,
         "future-cue"),
        # event-named-by-date: a date straight after an event's name says which event it is
        ("2021-05-03", "We will keep the Board informed in the run-up to the summit next year.", "next year", "2022",
         EVENT, "event-named-by-date"),
        ("2021-05-03", "I will send you the agenda for the meeting next week.", "next week", "2021-05-10", EVENT,
         "event-named-by-date"),
        ("2021-05-03", "We will hold the conference next year.", "next year", "2022", DEADLINE, "future-cue"),
        ("2021-05-03", "I will send you the paper before the meeting next week.", "next week", "2021-05-10",
         DEADLINE, "future-cue"),
        ("2021-05-03", "I will send you the agenda for the meeting on 20 May.", "on 20 May", "2021-05-20",
         DEADLINE, "future-cue"),
    ],
)
def test_role_rules(doc: str, text: str, words: str, value: str, role: DateRole, rule: str | None) -> None:
    got_role, got_value, got_rule = _decided(text, doc, words)
    assert (got_role, got_value) == (role, value)
    if rule is not None:
        assert got_rule == rule


def test_a_deadline_noun_places_its_date_just_gone_or_next() -> None:
    assert _date("The deadline is 3 April.", "2020-03-17", "3 April").date.value == "2020-04-03"
    assert _date("We missed the deadline on 8 March.", "2020-03-17", "on 8 March").date.value == "2020-03-08"


def test_a_noun_like_request_or_plan_gives_no_tense() -> None:
    # "request" after a noun is a noun: the past verb decides the year
    past = _date("I wrote making a formal data request to the Board on 8 March.", "2022-06-27", "on 8 March")
    assert (past.date.value, past.role) == ("2022-03-08", EVENT)
    ahead = _date("We request that the Board reply on 8 July.", "2022-06-27", "on 8 July")
    assert (ahead.date.value, ahead.role) == ("2022-07-08", DEADLINE)


def test_a_request_sets_a_yearless_date_ahead_only_in_its_own_clause() -> None:
    asked = _date("The Clerk was asked to write to the Trust in July.", "2018-06-04", "in July")
    assert (asked.date.value, asked.role) == ("2018-07", DEADLINE)
    done = _date("The Board asked the Trust to report, and it reported on 3 May.", "2018-09-04", "on 3 May")
    assert (done.date.value, done.role) == ("2018-05-03", EVENT)


def test_a_letter_to_someone_also_of_a_date_was_written_before() -> None:
    also = _date("In his reply to my letter to him, also of 28 July, the Minister says he will act.", "2009-09-01",
                 "28 July")
    assert (also.date.value, also.role) == ("2009-07-28", EVENT)
    sent = _date("My letter to you of 28 October will reach the Board in time.", "2009-09-01", "28 October")
    assert sent.date.value == "2008-10-28"


def test_a_past_participle_after_a_possessive_is_an_adjective_not_a_past_tense() -> None:
    from dossier.analysis.date_patterns import PAST
    from dossier.analysis.tense import token_cue
    assert token_cue(["the", "Board's", "revised", "plan"], 2) is None
    assert token_cue(["the", "Board’s", "stated", "aim"], 2) is None
    assert token_cue(["it's", "closed"], 1) == (PAST, 1)  # "it's closed": "it has", not a possessive
    assert token_cue(["the", "Board's", "decided", "to", "meet"], 2) == (PAST, 1)  # "has decided"
    later = _date("The group's stated opposition lowers the chance of a vote at full Council in December.",
                  "2017-09-06", "in December")
    assert later.date.value == "2017-12"


def test_a_that_clause_after_the_date_does_not_set_its_tense() -> None:
    found = _date("Nobody knew on the 22nd December that the Board would reply.", "2012-01-09",
                  "on the 22nd December")
    assert (found.date.value, found.role) == ("2011-12-22", EVENT)


def test_deadline_actions_say_which_rule_found_them_and_who_must_act() -> None:
    invited = _deadlines("The note invites Coun Tom Vale to a hearing on October 30 to discuss the plan.",
                         "2018-10-05")
    assert [(a.due_text, a.owner, a.rule) for a in invited] == [("on October 30", "Tom Vale", "invited-to-event")]
    resolved = _deadlines("3. That the Executive refer the draft plan to the Assembly on 19 June.", "2019-06")
    assert [(a.due_text, a.owner, a.rule) for a in resolved] == [("on 19 June", "the Executive", "resolution-that")]
    asked = _deadlines("Ann Roe was asked to write to the Wessex County Council in July.", "2018-06-04")
    assert [(a.due_text, a.owner, a.summary, a.rule) for a in asked] == [
        ("in July", "Ann Roe", "write to the Wessex County Council", "asked-to")]
    minded = _deadlines("Inspectors are minded to recommend a new schedule by autumn.", "2016-03-14")
    assert [(a.due_text, a.owner) for a in minded] == [("by autumn", "Inspectors")]
    please = _deadlines("Further to your letter of 14 November, please reply by the end of the month.",
                        "2022-11-20", sender="Tom Vale", recipients=("Ann Roe",))
    assert [(a.due_text, a.due.value, a.owner, a.rule) for a in please] == [
        ("by the end of the month", "2022-11", "Ann Roe", "by-still-ahead")]


def test_clause_rules_find_who_must_act_where_the_modal_grammar_does_not() -> None:
    please = _deadlines("Further to our call on 2 May, please send the accounts by 30 May 2021.", "2021-05-10",
                        sender="Tom Vale", recipients=("Ann Roe",))
    assert [(a.due_text, a.owner) for a in please] == [("by 30 May 2021", "Ann Roe")]
    appointed = _deadlines("Mark Dunn has been appointed as interim chair until June 2022.", "2021-02-20")
    assert [(a.due_text, a.owner, a.rule) for a in appointed] == [("until June 2022", "Mark Dunn",
                                                                   "appointed-until")]
    # not for another date of the sentence: "appointed in May ... and will report by June" is a report
    later = _deadlines("Mark Dunn was appointed in May 2020 and will report by June 2021.", "2021-02-20")
    assert [(a.due_text, a.type.value) for a in later] == [("by June 2021", "report due")]


def test_a_decision_at_a_meeting_ahead_is_the_meeting_bodys() -> None:
    text = ("Dear Tom,\n\nWessex County Council has no majority, which lowers the chance of us agreeing a budget "
            "at full Council in December.\n")
    found = _deadlines(text, "2017-09-06", sender="Ann Roe", recipients=("Tom Vale",))
    assert [(a.due_text, a.owner, a.rule) for a in found] == [
        ("in December", "Wessex County Council", "decided-at-meeting")]


def test_request_that_someone_act_names_who_is_to_act() -> None:
    rep = _deadlines("I refer to the request from the Wessex Committee that a representative from the Northshire "
                     "Council attend its meeting on 18th January 2012 to give evidence.", "2012-01-09")
    assert [(a.due_text, a.owner) for a in rep] == [("on 18th January 2012", "Northshire Council")]
    named = _deadlines("The panel has recommended that Tom Vale reply by 30 January.", "2012-01-09")
    assert [(a.due_text, a.owner) for a in named] == [("by 30 January", "Tom Vale")]
    board = _deadlines("The panel recommended that the Board review the policy by June 2012.", "2012-01-09")
    assert [(a.due_text, a.owner, a.summary) for a in board] == [("by June 2012", "the Board", "review the policy")]


def test_undated_actions_name_the_grammar_that_read_them() -> None:
    date = PartialDate.parse_iso("2020-01-06")
    text = ("Please send me the plan. I have asked Ann Roe to review it. The Board will publish its accounts. "
            "We have decided to close the office.")
    found = find_actions(text, document_date=date, dates=find_dates(text, date), actors=(), sender="Tom Vale",
                         recipients=("Ann Roe",))
    assert [a.rule for a in found] == ["imperative", "request-object", "modal-subject", "decision"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # someone's letter to someone "on" a day: written before the document (Sunday 16 June 2019)
        ("The reply answers Ann Roe's letter to the minister on Tuesday.", "2019-06-11"),
        ("It answers your email to the Wessex clerk on Thursday.", "2019-06-13"),
        # near-misses: a letter still to be sent on a day; a reply asked for by a day
        ("We will send a letter to the minister on Tuesday.", "2019-06-18"),
        ("Please send your reply to the clerk on Tuesday.", "2019-06-18"),
        ("Please send your reply to the clerk by Tuesday.", "2019-06-18"),
    ],
)
def test_someones_letter_to_someone_on_a_day_was_written_before(text: str, value: str) -> None:
    found = [d for d in find_dates(text, PartialDate.parse_iso("2019-06-16")) if d.text.lower().endswith("day")]
    assert [d.date.value for d in found] == [value]
