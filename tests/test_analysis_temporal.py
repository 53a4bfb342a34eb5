"""Dated references: finding them, resolving them against the document's date with tense, and roles.

Every letter here is invented; none of its names, dates or phrases come from the sample documents.
"""

from __future__ import annotations

import pytest

from dossier.analysis.sentences import SentenceIndex, paragraphs, sentences
from dossier.analysis.temporal import find_dates
from dossier.domain.dates import PartialDate, Precision, Qualifier
from dossier.domain.findings import DateFound, DateRole

DEADLINE, EVENT = DateRole.DEADLINE, DateRole.EVENT


def _doc(value: str | None) -> PartialDate | None:
    return PartialDate.parse_iso(value) if value else None


def _one(text: str, doc: str | None, words: str) -> DateFound:
    found = [d for d in find_dates(text, _doc(doc)) if d.text == words]
    assert len(found) == 1, [d.text for d in find_dates(text, _doc(doc))]
    return found[0]


@pytest.mark.parametrize(
    ("doc", "text", "words", "value", "qualifier", "role"),
    [
        # a deadline with its own year, however it is introduced
        ("2021-05-10", "Please send your response no later than 30 June 2021.", "no later than 30 June 2021",
         "2021-06-30", Qualifier.BY, DEADLINE),
        ("2023-02-20", "Submissions must arrive by 5pm on Friday 3 March 2023.", "by 5pm on Friday 3 March 2023",
         "2023-03-03", Qualifier.BY, DEADLINE),
        ("2019-06-11", "The trust must submit its accounts by the end of October 2019.",
         "by the end of October 2019", "2019-10", Qualifier.END, DEADLINE),
        ("2019-06-11", "A revised scheme is due by 22/07/2019.", "due by 22/07/2019", "2019-07-22", Qualifier.BY,
         DEADLINE),
        ("2019-06-11", "The consultation opened on 2019-05-01.", "on 2019-05-01", "2019-05-01", None, EVENT),
        # year boundaries, both ways
        ("2014-11-20", "I would be grateful for your reply by 15 January.", "by 15 January", "2015-01-15",
         Qualifier.BY, DEADLINE),
        ("2015-01-10", "As I explained last December, the funds are committed.", "last December", "2014-12", None,
         EVENT),
        ("2016-02-15", "Inspectors visited the service in November.", "in November", "2015-11", None, EVENT),
        ("2016-10-15", "The trust will publish its accounts in February.", "in February", "2017-02", None, DEADLINE),
        ("2017-12-04", "We will review the scheme in the new year.", "in the new year", "2018", Qualifier.EARLY,
         DEADLINE),
        # tense decides which year a bare day or month is in
        ("2018-08-20", "The figures we published on 27 September showed a fall.", "on 27 September", "2017-09-27",
         None, EVENT),
        ("2018-08-20", "The panel is to report in September.", "in September", "2018-09", None, DEADLINE),
        ("2018-03-27", "I have asked the panel to report in September.", "in September", "2018-09", None, DEADLINE),
        ("2018-03-27", "I will want a second study, reporting in December, on the longer term.", "in December",
         "2018-12", None, DEADLINE),
        ("2018-03-27", "You presented your findings to the board in February.", "in February", "2018-02", None,
         EVENT),
        ("2015-02-02", "Thank you for attending the meeting on 14 January.", "on 14 January", "2015-01-14", None,
         EVENT),
        # a document dated only to the month
        ("2018-03", "I wrote to you on 12 February about the waiting lists.", "on 12 February", "2018-02-12", None,
         EVENT),
        # relative to the document's date
        ("2016-05-16", "I will be visiting the unit early next month.", "early next month", "2016-06",
         Qualifier.EARLY, DEADLINE),
        ("2016-12-12", "A final report will follow by the end of the year.", "by the end of the year", "2016-12",
         Qualifier.END, DEADLINE),
        ("2016-12-12", "The board agreed the budget last month.", "last month", "2016-11", None, EVENT),
        ("2019-04-03", "We will respond within 28 days.", "within 28 days", "2019-05-01", Qualifier.BY, DEADLINE),
        ("2019-04-03", "Please let me know by Friday.", "by Friday", "2019-04-05", Qualifier.BY, DEADLINE),
        ("2019-04-03", "We spoke last Monday about staffing.", "last Monday", "2019-04-01", None, EVENT),
        ("2015-06-10", "We spoke two weeks ago about the budget.", "two weeks ago", "2015-05-27", None, EVENT),
        ("2015-06-10", "The service has been in special measures since April.", "since April", "2015-04",
         Qualifier.AFTER, EVENT),
        ("2019-11-02", "Costs were rising earlier this year.", "earlier this year", "2019", None, EVENT),
        # quarters, seasons, parts of years
        ("2023-02-20", "We expect the plan to be agreed by end of Q2.", "by end of Q2", "2023-06", Qualifier.END,
         DEADLINE),
        ("2022-01-05", "The decision is expected in mid-2023.", "in mid-2023", "2023", Qualifier.MID, DEADLINE),
        ("2022-01-05", "Numbers fell sharply in late 2020.", "in late 2020", "2020", Qualifier.LATE, EVENT),
        ("2022-01-05", "Around 2010 the register was closed.", "Around 2010", "2010", Qualifier.ABOUT, EVENT),
    ],
)
def test_resolves_against_the_document_date(doc: str, text: str, words: str, value: str,
                                            qualifier: Qualifier | None, role: DateRole) -> None:
    found = _one(text, doc, words)
    assert found.date.value == value
    assert found.date.qualifier == qualifier
    assert found.role is role


def test_ranges_keep_both_bounds() -> None:
    autumn = _one("The review will conclude in the autumn.", "2023-02-20", "in the autumn")
    assert (autumn.date.value, autumn.date.qualifier, autumn.date.end_value) == ("2023-09", Qualifier.BETWEEN,
                                                                                 "2023-11")
    quarter = _one("Returns for Q3 2020 are awaited.", "2020-07-01", "Q3 2020")
    assert (quarter.date.value, quarter.date.end_value) == ("2020-07", "2020-09")
    summer = _one("Visits fell in summer 2019.", "2020-07-01", "in summer 2019")
    assert (summer.date.value, summer.date.end_value) == ("2019-06", "2019-08")
    week = _one("The panel will sit next week.", "2019-04-03", "next week")
    assert (week.date.value, week.date.qualifier, week.date.end_value) == ("2019-04-08", Qualifier.BETWEEN,
                                                                           "2019-04-14")
    between = _one("Hearings will run between 3 June and 7 June 2014.", "2014-05-02",
                   "between 3 June and 7 June 2014")
    assert (between.date.value, between.date.qualifier, between.date.end_value) == ("2014-06-03",
                                                                                    Qualifier.BETWEEN, "2014-06-07")


def test_lists_ranges_and_other_orders() -> None:
    found = find_dates("Inspectors visited the homes in January and February. The pilot ran from May to July 2015.",
                       _doc("2021-06-10"))
    assert [(d.text, d.date.value, d.date.end_value) for d in found] == [
        ("in January", "2021-01", None), ("February", "2021-02", None),
        ("from May to July 2015", "2015-05", "2015-07"), ("July 2015", "2015-07", None),
    ]
    us = find_dates("We met on March 3 and will meet again by April 10. In March 15 schools closed.",
                    _doc("2014-02-10"))
    assert [(d.text, d.date.value) for d in us] == [("on March 3", "2013-03-03"), ("by April 10", "2014-04-10"),
                                                    ("In March", "2013-03")]


def test_a_weekday_picks_the_year() -> None:
    assert _one("On Friday, March 7 we agreed the terms.", "2014-02-10", "On Friday, March 7").date.value \
        == "2014-03-07"
    assert _one("On Thursday 7 March we agreed the terms.", "2014-02-10", "On Thursday 7 March").date.value \
        == "2013-03-07"


def test_scheduled_happenings_are_events_not_deadlines() -> None:
    text = ("The new rules will come into force on 1 April 2015. The office will be closed from 24 December to "
            "2 January. I will meet the board on 3 March.")
    found = find_dates(text, _doc("2014-11-20"))
    assert [(d.text, d.role) for d in found] == [("on 1 April 2015", EVENT),
                                                ("from 24 December to 2 January", EVENT),
                                                ("2 January", EVENT), ("on 3 March", DEADLINE)]
    assert found[1].date.value == "2014-12-24" and found[1].date.end_value == "2015-01-02"


def test_precision_follows_the_words() -> None:
    found = find_dates("In March 2015 the council will report; in 2012 it failed. On 4 May 2013 it met.",
                       _doc("2014-05-23"))
    assert [(d.text, d.date.value, d.date.precision) for d in found] == [
        ("In March 2015", "2015-03", Precision.MONTH),
        ("in 2012", "2012", Precision.YEAR),
        ("On 4 May 2013", "2013-05-04", Precision.DAY),
    ]


def test_a_deadline_in_the_past_is_an_event() -> None:
    asked = _one("You were asked to reply by 30 April.", "2016-05-20", "by 30 April")
    assert (asked.date.value, asked.role) == ("2016-04-30", EVENT)
    missed = _one("The plan was due by 1 May but has not arrived.", "2016-05-20", "due by 1 May")
    assert (missed.date.value, missed.role) == ("2016-05-01", EVENT)


def test_a_reported_intention_is_not_a_deadline() -> None:
    found = _one("I said then that I intended to ask the regulator to inspect the service this month.",
                 "2017-06", "this month")
    assert (found.date.value, found.role) == ("2017-06", EVENT)


def test_without_a_document_date_only_dates_with_a_year_resolve() -> None:
    found = find_dates("The report was published on 27 October 2011 and a reply is due by 30 January 2012. "
                       "In July we meet, and next month we decide.", None)
    assert [(d.text, d.date.value, d.role) for d in found] == [
        ("on 27 October 2011", "2011-10-27", EVENT),
        ("due by 30 January 2012", "2012-01-30", DEADLINE),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Under the Children and Families Act 2014 and the Housing Act 1996 we must act.",
        "Call 0161 200 2014 or 020 7946 0958 for advice.",
        "Page 3 of 5",
        "Write to 14 Mill Lane, Leeds LS1 4AB.",
        "The meeting starts at 10.30 in Room 2015.",
        "May I thank you for your letter. Mrs May said the board may need to act.",
        "Concerns had sharpened over the previous few months and the past few weeks.",
        "See clause 12.1.2014 and version 1.2.10 of the contract.",
        "Spending in 2013-2016 and in 2015/18 rose by 2,013 pounds.",
        "It was a five year plan for the year ahead.",
    ],
)
def test_not_dated_references(text: str) -> None:
    assert find_dates(text, _doc("2016-03-01")) == []


def test_the_letterhead_date_is_the_document_date_not_a_reference() -> None:
    letter = ("Office of the Regulator\n1 Quay Street\nBristol BS1 4ZZ\n\n9 September 2020\n\nDear Mr Amos,\n\n"
              "Since our meeting on 9 September 2020 I have reviewed the file. Please reply by 30 September.\n")
    found = find_dates(letter, _doc("2020-09-09"))
    assert [(d.text, d.date.value) for d in found] == [("on 9 September 2020", "2020-09-09"),
                                                      ("by 30 September", "2020-09-30")]
    assert found[0].start > letter.index("Dear")
    labelled = "Ref: AB/12\nDate: 3 March 2019\n\nWe met in February."
    assert [d.text for d in find_dates(labelled, _doc("2019-03-03"))] == ["in February"]


def test_offsets_and_sentence() -> None:
    text = "Dear Ms Cole,\n\nThank you for your note. The board will report to you by\n30 June 2022. Regards."
    found = _one(text, "2022-04-01", "by 30 June 2022")
    assert " ".join(text[found.start:found.end].split()) == "by 30 June 2022"
    assert found.sentence == "The board will report to you by 30 June 2022."
    assert text[found.sentence_start:found.sentence_end].startswith("The board will report")
    assert found.date.text == "by 30 June 2022"


def test_every_date_in_a_letter() -> None:
    letter = (
        "Dear Councillor Hale,\n\n"
        "I wrote to you on 4 February about the care homes in your borough. Inspectors rated two of them "
        "inadequate in January, and the commissioner you appointed last autumn has now reported.\n\n"
        "I have therefore asked the commissioner to report to me again by 31 May, and I would like your "
        "council to publish an action plan no later than 30 June 2016. I will be meeting the commissioner "
        "later this month, and Ofsted will inspect the homes again in September.\n\n"
        "Under the Care Act 2014 you must also consult residents.\n"
    )
    found = find_dates(letter, _doc("2016-04-11"))
    assert [(d.text, d.date.value, d.role) for d in found] == [
        ("on 4 February", "2016-02-04", EVENT),
        ("in January", "2016-01", EVENT),
        ("last autumn", "2015-09", EVENT),
        ("by 31 May", "2016-05-31", DEADLINE),
        ("no later than 30 June 2016", "2016-06-30", DEADLINE),
        ("later this month", "2016-04", DEADLINE),
        ("in September", "2016-09", DEADLINE),
    ]


def test_sentences_and_paragraphs_keep_offsets() -> None:
    text = "Dear Mr Roe,\n\nWe met on 3 May. Dr. Hill was there, c. 40 people too.\n\n- Send the plan.\n- Agree it."
    spans = [s.text(text) for s in sentences(text)]
    assert spans == ["Dear Mr Roe,", "We met on 3 May.", "Dr. Hill was there, c. 40 people too.",
                     "- Send the plan.", "- Agree it."]
    assert [p.text(text) for p in paragraphs(text)][-2:] == ["- Send the plan.", "- Agree it."]
    index = SentenceIndex(text)
    assert index.at(text.index("Hill")).text(text).startswith("Dr. Hill")


def test_christmas_and_easter_in_names_are_not_dates() -> None:
    for text in ("He flew to Christmas Island.", "The Easter Road stadium was full.", "easter eggs were given out."):
        assert find_dates(text, _doc("2019-01-14")) == [], text


def test_a_deadline_set_earlier_and_still_ahead_is_a_deadline() -> None:
    """Told in the past tense ("you asked us to ... by"), a date still ahead of the letter is open."""
    text = "In your letter of 17 February you asked the Council to confirm the arrangements by the end of this month."
    found = _one(text, "2020-03-03", "by the end of this month")
    assert (found.date.value, found.date.qualifier, found.role) == ("2020-03", Qualifier.END, DEADLINE)
    # what was done by a date about the letter's own is still an event
    assert _one("We had completed the audit by early March.", "2020-03-03", "by early March").role is EVENT
    assert _one("The audit was finished by 20 February.", "2020-03-03", "by 20 February").role is EVENT


@pytest.mark.parametrize(("text", "words", "value", "end_value", "role"), [
    # what a letter follows up took place before it
    ("Further to our meeting on Tuesday, I set out the next steps.", "on Tuesday", "2021-10-19", None, EVENT),
    ("Following our conversation on Monday, I enclose the plan.", "on Monday", "2021-10-18", None, EVENT),
    ("I will see you on Tuesday.", "on Tuesday", "2021-10-26", None, DEADLINE),
    # a day of a month named relative to the letter's
    ("The officer issued a notice on the 4th of this month.", "on the 4th of this month", "2021-10-04", None, EVENT),
    ("The payment was made on the 20th of last month.", "on the 20th of last month", "2021-09-20", None, EVENT),
    # a time from now
    ("My officials will meet your team in two weeks' time.", "in two weeks' time", "2021-11-04", None, DEADLINE),
    ("We will decide three months from now.", "three months from now", "2022-01", None, DEADLINE),
    # a financial year's quarters run from April
    ("We will report in the fourth quarter of 2021/22.", "in the fourth quarter of 2021/22", "2022-01", "2022-03",
     DEADLINE),
    ("I expect a decision before the end of Q4 2021/22.", "before the end of Q4 2021/22", "2022-03", None, DEADLINE),
    ("The audit will finish in Q3 2021.", "in Q3 2021", "2021-07", "2021-09", EVENT),
])
def test_follow_ups_days_of_a_month_times_from_now_and_financial_quarters(
        text: str, words: str, value: str, end_value: str | None, role: DateRole) -> None:
    found = _one(text, "2021-10-21", words)
    assert (found.date.value, found.date.end_value, found.role) == (value, end_value, role)


def test_a_span_counted_from_something_else_than_the_letter_has_no_date() -> None:
    doc = _doc("2021-10-21")
    assert find_dates("CIPFA will report within a fortnight of completing the review.", doc) == []
    assert find_dates("It took two weeks' time to agree.", doc) == []
    for text in ("Please reply within 28 days of the date of this letter.", "Please reply within 28 days of receipt."):
        assert [d.date.value for d in find_dates(text, doc)] == ["2021-11-18"], text


def test_a_participle_dates_what_it_qualifies_and_a_date_given_up_is_no_deadline() -> None:
    doc = "2021-03-05"
    text = "We will need more time to respond to the warning notice issued on 12 February."
    assert (_one(text, doc, "on 12 February").date.value, _one(text, doc, "on 12 February").role) == ("2021-02-12", EVENT)
    assert _one("The decision is expected in mid-2023.", doc, "in mid-2023").role is DEADLINE
    assert _one("The meeting planned for 12 April will go ahead.", doc, "planned for 12 April").date.value == "2021-04-12"
    text = "The trust may respond by 26 March rather than 19 March, given the Easter break."
    assert [(d.text, d.role) for d in find_dates(text, _doc(doc))] == [("by 26 March", DEADLINE), ("19 March", EVENT)]


def test_a_sentence_of_clauses_with_dates_of_their_own_gives_each_date_its_clause() -> None:
    doc = _doc("2019-01-14")
    text = "She will begin work next week and I expect her to report to me by the end of March 2019."
    assert [(d.text, d.sentence) for d in find_dates(text, doc)] == [
        ("next week", "She will begin work next week"),
        ("by the end of March 2019", "I expect her to report to me by the end of March 2019.")]
    text = "The board met on 26 February; it will meet again on 24 March."
    assert [d.sentence for d in find_dates(text, doc)] == ["The board met on 26 February",
                                                          "It will meet again on 24 March."]
    # one clause, or one date: the whole sentence, which says best what the date is about
    text = "The Commission rated the unit inadequate in November 2018, following its inspection in August."
    assert {d.sentence for d in find_dates(text, doc)} == {text}
    text = "I wrote to you on 5 December and you replied promptly."
    assert [d.sentence for d in find_dates(text, doc)] == [text]


def test_what_someone_is_to_do_by_a_date_takes_the_nearest_such_day_whatever_the_tense() -> None:
    text = "DP reported that the audit had begun on 9 March and was on track to finish by 17 April."
    assert _one(text, "2020-03-24", "by 17 April").date.value == "2020-04-17"
    found = _one("You were asked to reply by 30 April.", "2020-05-03", "by 30 April")
    assert (found.date.value, found.role) == ("2020-04-30", EVENT)


def test_a_day_to_do_something_by_half_a_year_off_is_the_next_one() -> None:
    found = _one("I would ask you to let me have your response by 22 September.", "2013-03-22", "by 22 September")
    assert (found.date.value, found.role) == ("2013-09-22", DEADLINE)


def test_after_a_day_may_i_is_the_month() -> None:
    assert _one("On 3 May I wrote to you.", "2021-09-03", "On 3 May").date.value == "2021-05-03"
    assert _one("By 9 May we wish to see a plan.", "2021-03-03", "By 9 May").date.value == "2021-05-09"
    assert find_dates("Paragraph 3 May be amended.", _doc("2021-09-03")) == []


@pytest.mark.parametrize(("text", "words", "value", "end_value"), [
    ("The inspection carried out between 7 and 18 March found problems.", "between 7 and 18 March",
     "2022-03-07", "2022-03-18"),
    ("The inspection ran 7-18 March 2021.", "7-18 March 2021", "2021-03-07", "2021-03-18"),
    ("We visited from 7 to 18 March.", "from 7 to 18 March", "2022-03-07", "2022-03-18"),
])
def test_a_span_of_days_in_one_month(text: str, words: str, value: str, end_value: str) -> None:
    found = _one(text, "2022-04-03", words)
    assert (found.date.value, found.date.end_value, found.date.qualifier) == (value, end_value, Qualifier.BETWEEN)


@pytest.mark.parametrize(("text", "words", "value", "qualifier"), [
    ("Please reply by end-March.", "by end-March", "2023-03", Qualifier.END),
    ("Please reply by end March 2023.", "by end March 2023", "2023-03", Qualifier.END),
    ("The board meets in the second week of March.", "in the second week of March", "2023-03", Qualifier.MID),
    ("We met in the last week of January.", "in the last week of January", "2023-01", Qualifier.END),
])
def test_end_march_and_weeks_of_a_month(text: str, words: str, value: str, qualifier: Qualifier) -> None:
    found = _one(text, "2023-02-14", words)
    assert (found.date.value, found.date.qualifier) == (value, qualifier)
