"""The table of date rules: every rule reads its own examples, and every date found names its rule.

Every sentence here is invented.
"""

from __future__ import annotations

import re

import pytest

from dossier.analysis.date_rules import RULES
from dossier.analysis.temporal import find_dates
from dossier.domain.dates import PartialDate

DOC = PartialDate.parse_iso("2019-06-12")


def test_rule_names_are_unique_kebab_case() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name) for name in names)


@pytest.mark.parametrize(("name", "example"), [(rule.name, ex) for rule in RULES for ex in rule.examples])
def test_each_rule_reads_its_examples(name: str, example: str) -> None:
    found = find_dates(f"We noted it {example}.", DOC)
    assert found and found[0].rule == name, [(d.text, d.rule) for d in found]
    # the rules that read several references in the same words name them too
    assert {d.rule for d in found} <= {name, "day-month-year"}, [(d.text, d.rule) for d in found]


def test_every_date_found_names_its_rule_and_span() -> None:
    text = ("Further to our meeting on 3 May, Ann Roe will report by the end of next month, "
            "and the panel met last week; the audit of 2017 closes between 4 and 9 July.")
    found = find_dates(text, DOC)
    assert found and all(d.rule for d in found)
    for d in found:
        assert " ".join(text[d.start:d.end].split()) == d.text


def test_a_bare_month_day_without_a_cue_is_read_as_the_month() -> None:
    found = find_dates("In March 15 schools closed early.", DOC)
    assert [(d.text, d.rule) for d in found] == [("In March", "month-name")]


def _read(text: str, doc: str | None = "2019-06-12") -> list[tuple[str, str, str]]:
    return [(d.text, d.date.value, d.rule) for d in find_dates(text, PartialDate.parse_iso(doc) if doc else None)]


# -- day-list: days that share a month -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The panel sat on 4 and 5 March 2018 in Exeter.",
         [("on 4 and 5 March 2018", "2018-03-04", "day-list"), ("5 March 2018", "2018-03-05", "day-list")]),
        ("Ann Roe called on 2, 8 and 15 May about the roof.",
         [("on 2, 8 and 15 May", "2019-05-02", "day-list"), ("8 and 15 May", "2019-05-08", "day-list"),
          ("15 May", "2019-05-15", "day-list")]),
        ("We wrote to Tom Vale on the 3rd and 17th of June 2010.",
         [("on the 3rd and 17th of June 2010", "2010-06-03", "day-list"),
          ("17th of June 2010", "2010-06-17", "day-list")]),
    ],
)
def test_listed_days_share_their_month_and_year(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    ["See paragraphs 4 and 5 May be read together.", "Rooms 4 and 5 march to the hall.",
     "Items 9 and 3 June were dropped."],
)
def test_numbers_that_are_no_list_of_days(text: str) -> None:
    assert [r for r in _read(text) if r[2] == "day-list"] == []


def test_a_year_written_once_goes_to_the_dates_listed_before_it() -> None:
    assert _read("Inspectors visited on 31 December and 1 January 2018.", "2018-04-02") == [
        ("on 31 December and 1 January 2018", "2017-12-31", "day-month-year"),
        ("1 January 2018", "2018-01-01", "day-month-year")]
    assert _read("The pilot ran in March and April 2015.")[0][:2] == ("in March and April 2015", "2015-03")


def test_a_year_is_not_shared_across_other_words() -> None:
    assert _read("We met on 31 December and agreed the plan for April 2015.", "2019-01-10")[0][:2] == \
        ("on 31 December", "2018-12-31")


# -- ranges: both ends -------------------------------------------------------------------------------
def test_each_end_of_a_range_is_a_reference() -> None:
    found = _read("The survey ran between 1 May and 31 October 2013.")
    assert found == [("between 1 May and 31 October 2013", "2013-05-01", "between-and"),
                     ("31 October 2013", "2013-10-31", "day-month-year")]
    assert _read("Inspectors were on site between 11 and 14 October.", "2015-11-02") == [
        ("between 11 and 14 October", "2015-10-11", "day-span"), ("14 October", "2015-10-14", "day-span")]


# -- deictic words ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("I have spoken to the clerk today about the fence.", "today", "2019-06-12"),
        ("Today the board agreed the budget.", "Today", "2019-06-12"),
        ("The minutes of today's meeting follow.", "today's", "2019-06-12"),
        ("The council confirmed this morning that it will appeal.", "this morning", "2019-06-12"),
        ("Last night the mayor opened the new bridge.", "Last night", "2019-06-11"),
        ("We spoke yesterday afternoon.", "yesterday afternoon", "2019-06-11"),
        ("The vote is tomorrow evening.", "tomorrow evening", "2019-06-13"),
    ],
)
def test_deictic_words_are_the_document_day_or_next_to_it(text: str, words: str, value: str) -> None:
    assert [(t, v) for t, v, _rule in _read(text)] == [(words, value)]


@pytest.mark.parametrize(
    "text",
    ["She spoke on the Today programme about it.", "The night shift starts later.",
     "Last morning prayers were said."],
)
def test_words_like_today_that_are_no_day(text: str) -> None:
    assert _read(text) == []


def test_today_needs_the_document_day() -> None:
    assert _read("I have written today to the clerk.", "2019-06") == []
    assert _read("I have written today to the clerk.", None) == []


# -- a year before a noun, financial years ---------------------------------------------------------------
def test_a_year_that_dates_the_noun_after_it() -> None:
    assert _read("As the 2007 audit found, costs rose.") == [("2007", "2007", "year-noun")]
    assert _read("He set this out in his 2015 review.") == [("2015", "2015", "year-noun")]


@pytest.mark.parametrize(
    "text",
    ["The 2000 people who signed were heard.", "It repeals parts of the 2007 Act.",
     "Under the 1988 Local Government Act it must act."],
)
def test_a_number_before_a_noun_or_a_title_is_no_year(text: str) -> None:
    assert [r for r in _read(text) if r[2] == "year-noun"] == []


def test_a_financial_year_spans_two_years() -> None:
    found = find_dates("Spending in 2013/14 fell, and the 2015-16 contract was signed.", DOC)
    assert [(d.text, d.date.value, d.date.end_value, d.rule) for d in found] == [
        ("in 2013/14", "2013", "2014", "financial-year"), ("2015-16", "2015", "2016", "financial-year")]


@pytest.mark.parametrize("text", ["Costs in 2013-2016 rose.", "See 2015/18 figures.", "Call 2015-16-17 now."])
def test_years_that_are_no_financial_year(text: str) -> None:
    assert [r for r in _read(text) if r[2] == "financial-year"] == []


# -- counting from a written day --------------------------------------------------------------------
def test_within_counts_from_the_day_written() -> None:
    found = find_dates("Within 28 days of 3 April 2021, the council must send the papers.", DOC)
    assert [(d.text, d.date.value, d.rule) for d in found] == [
        ("Within 28 days of 3 April 2021", "2021-05-01", "within-of-date"),
        ("3 April 2021", "2021-04-03", "day-month-year")]
    assert found[0].date.qualifier is not None


def test_calendar_days_are_days() -> None:
    assert _read("The trust must act within 30 calendar days of the date of this letter.", "2015-03-10") \
        == [("within 30 calendar days", "2015-04-09", "within")]
    assert _read("The authority must act within 5 business days.", "2019-06-14") \
        == [("within 5 business days", "2019-06-21", "within")]


# -- a year given by "this year", "last year" after a day or month -------------------------------------
def test_a_day_or_month_with_this_or_last_year() -> None:
    assert _read("I wrote to the trust on 12 April of this year.") == \
        [("on 12 April of this year", "2019-04-12", "day-month-year")]
    assert _read("It was inspected in October last year.") == \
        [("in October last year", "2018-10", "month-name")]


# -- the 18th, once the text has given the day or the month -------------------------------------------
def test_an_ordinal_takes_its_month_from_the_day_given_before() -> None:
    text = ("The form came on the 27th November. Ann Roe rang the clerk on the 27th to ask why. "
            "The review is on the 9th December and the board will sit on the 9th to hear us.")
    assert _read(text, "2013-12-02") == [
        ("on the 27th November", "2013-11-27", "day-month-year"), ("on the 27th", "2013-11-27", "ordinal-day"),
        ("on the 9th December", "2013-12-09", "day-month-year"), ("on the 9th", "2013-12-09", "ordinal-day")]


def test_an_ordinal_takes_the_month_of_its_sentence() -> None:
    assert _read("In May 2011 the board met on the 3rd and again on the 18th.")[1:] == [
        ("on the 3rd", "2011-05-03", "ordinal-day"), ("on the 18th", "2011-05-18", "ordinal-day")]


@pytest.mark.parametrize(
    "text",
    ["The office is on the 3rd floor since 3 May.", "We met in May. She was the 18th to sign.",
     "He came on the 18th.", "In the 21st century on 4 June we met."],
)
def test_ordinals_that_are_no_day(text: str) -> None:
    assert [r for r in _read(text) if r[2] == "ordinal-day"] == []


# -- tense from the words that govern the date ------------------------------------------------------
def test_a_letter_of_a_day_is_in_the_past() -> None:
    assert _read("Thank you. I refer to your letter of 21 October.", "2019-10-02")[0][1] == "2018-10-21"


def test_a_following_clause_in_the_future_keeps_the_date_ahead() -> None:
    assert _read("Following the vote in June, a new board will take office.", "2016-04-14")[0][1] == "2016-06"


def test_reported_plans_take_the_nearest_date() -> None:
    assert _read("The plan was to go to the board in March.", "2016-02-10")[0][1] == "2016-03"


def test_the_verb_before_a_that_clause_governs_the_date() -> None:
    assert _read("There was no agreement on the 5th March that the board would pay.", "2014-03-20")[0][1] \
        == "2014-03-05"


def test_reported_speech_takes_the_day_just_gone_or_the_next() -> None:
    text = "The clerk said that meetings would be held on 9th April in the hall."
    assert _read(text, "2019-04-25")[0][1] == "2019-04-09"
    assert _read(text, "2019-03-25")[0][1] == "2019-04-09"
    assert _read("We would like to meet on 9th April.", "2019-04-25")[0][1] == "2020-04-09"


def test_weekdays_listed_after_one_with_a_cue() -> None:
    assert _read("We met on Monday and Tuesday.", "2019-06-12") == [
        ("on Monday", "2019-06-10", "weekday"), ("Tuesday", "2019-06-11", "weekday")]
    assert _read("Ann Roe and Friday Street.", "2019-06-12") == []


def test_a_quoted_message_time_stamp_after_the_reply_is_a_reference() -> None:
    text = ("Tom,\n\nThanks for sending this over, I will read it tonight and come back to you with comments.\n\n"
            "Ann\n\nTom Vale\n03/14/2019 10:15 AM\n\nTo: Ann Roe\nSubject: Budget\n\nHere it is.")
    assert ("03/14/2019", "2019-03-14", "numeric-date") in _read(text, "2019-03-14")
    letter = "Wessex County Council\n\n14 March 2019\n\nDear Ms Roe,\n\nThank you."
    assert _read(letter, "2019-03-14") == []


# -- American spans, weekends, a weekday's noun -------------------------------------------------------
def test_an_american_span_of_days() -> None:
    found = find_dates("The hearing ran June 3-5, 2014 in Salem.", DOC)
    assert [(d.text, d.date.value, d.date.end_value, d.rule) for d in found] == [
        ("June 3-5, 2014", "2014-06-03", "2014-06-05", "month-day-span"),
        ("5, 2014", "2014-06-05", None, "month-day-span")]
    assert _read("Tom Vale scored June 5-3 in the final.") == []


@pytest.mark.parametrize(
    ("doc", "text", "value", "end"),
    [
        ("2019-06-12", "The pumps failed last weekend.", "2019-06-08", "2019-06-09"),  # a Wednesday
        ("2019-06-12", "We will fix it over the weekend.", "2019-06-15", "2019-06-16"),
        ("2019-06-16", "The pumps failed last weekend.", "2019-06-08", "2019-06-09"),  # a Sunday
        ("2019-06-16", "Crews worked through this weekend.", "2019-06-15", "2019-06-16"),
    ],
)
def test_weekends(doc: str, text: str, value: str, end: str) -> None:
    found = find_dates(text, PartialDate.parse_iso(doc))
    assert [(d.date.value, d.date.end_value, d.rule) for d in found] == [(value, end, "weekend")]


def test_the_weekend_as_a_thing_is_no_date() -> None:
    assert _read("The weekend rota is posted on the board.") == []


def test_a_weekday_that_dates_the_noun_after_it() -> None:
    assert _read("After Tuesday's meeting the board resigned.") == [("After Tuesday's", "2019-06-11", "weekday-of")]
    assert _read("Tuesday's Child is a charity.") == []


@pytest.mark.parametrize(
    "text", ["The match ended 2019-20.", "He scored 2012-13 in the final.", "Call 01234 2019-20 now."])
def test_a_score_or_a_number_is_no_financial_year(text: str) -> None:
    assert [r for r in _read(text) if r[2] == "financial-year"] == []


@pytest.mark.parametrize("text", ["The 2019-20 season ended.", "Its Annual Report 2019-20 is out.",
                                  "The 2017/2018 Annual Report was approved."])
def test_a_financial_year_that_names_a_thing(text: str) -> None:
    assert [r[2] for r in _read(text)] == ["financial-year"]


def test_days_before_a_street_name_are_an_address() -> None:
    assert _read("He lives at 3 and 5 March Street.") == []


def test_an_american_span_needs_a_year_cue_or_stop() -> None:
    assert _read("June 3-5 people came.") == []


def test_years_and_months_written_as_spans() -> None:
    found = find_dates("It was drawn up under the 2012 to 2017 council.", DOC)
    assert [(d.text, d.date.value, d.date.end_value, d.rule) for d in found] == [
        ("2012 to 2017", "2012", "2017", "year-noun")]
    found = find_dates("A further open day will be held in July/August.", DOC)
    assert [(d.text, d.date.value, d.date.end_value, d.rule) for d in found] == [
        ("in July/August", "2019-07", "2019-08", "month-name")]
    assert _read("The July/August issue is out.") == []


def test_in_a_count_of_days_in_a_future_clause() -> None:
    assert _read("I will reply in 10 days.") == [("in 10 days", "2019-06-22", "in-count")]
    assert _read("Please respond in three weeks.") == [("in three weeks", "2019-07-03", "in-count")]


@pytest.mark.parametrize(
    "text",
    ["In ten days we processed 300 claims.", "The works were done in three weeks.",
     "It will be finished in 10 days or less.", "A child aged in 5 years old will go."],
)
def test_a_length_of_time_is_no_date(text: str) -> None:
    assert [r for r in _read(text) if r[2] == "in-count"] == []


def test_a_very_long_line_is_read_only_at_its_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph joined into one line is tested for running text over its first 400 characters
    only: reading it whole made the letterhead's scan quadratic (minutes for a 10,000-line paragraph)."""
    from dossier.analysis import temporal

    reads: list[int] = []
    prose = temporal._PROSE

    class Counting:
        def search(self, s: str, pos: int = 0, endpos: int = 2**31):
            reads.append(min(endpos, len(s)) - pos)
            return prose.search(s, pos, endpos)

    monkeypatch.setattr(temporal, "_PROSE", Counting())
    line = " ".join(f"line {n:05d} of one long paragraph that keeps going without a break" for n in range(5_000))
    find_dates(line + "\n\nAnn Roe\n03/14/2019 10:15 AM\n", DOC)
    assert reads and max(reads) <= 400


def test_a_web_page_age_stamp_is_no_date() -> None:
    assert _read("Minutes of the board\n\n(2 years, 3 months ago)\n\nAnn Roe spoke.") == []
    assert _read("We spoke (two weeks ago) about it.") == [("two weeks ago", "2019-05-29", "ago")]


def test_a_year_given_by_its_own_words_is_kept() -> None:
    assert _read("It opens next March and May 2019.", "2019-06-12")[0][:2] == ("next March", "2020-03")
    assert _read("We met in June last year and 3 July 2019.", "2019-08-12")[0][:2] == ("in June last year", "2018-06")


def test_a_that_clause_after_the_date_does_not_set_its_year() -> None:
    assert _read("In February the board agreed that it would report in June.", "2016-03-14")[0][:2] == \
        ("In February", "2016-02")
    assert _read("We will confirm on 3 May that the plan is agreed.", "2016-06-14")[0][:2] == ("on 3 May", "2017-05-03")


def test_american_order_in_news_copy() -> None:
    doc = "2018-06-20"
    assert _read("The council voted on November 8 to close the library.", doc) == \
        [("on November 8", "2017-11-08", "month-day-year")]
    assert _read("The November 8 vote was close.", doc) == [("November 8", "2017-11-08", "month-day-year")]
    assert _read("In March 15 schools closed.", doc) == [("In March", "2018-03", "month-name")]
    assert _read("Please reply before 05/09/18 to the clerk.", doc) == [("before 05/09/18", "2018-09-05", "numeric-date")]


def test_a_letter_of_a_day_or_weekday_is_in_the_past() -> None:
    assert _read("The letter of 20 June set out the terms.", "2019-06-12")[0][:2] == ("20 June", "2018-06-20")
    assert _read("Thank you for your email of Monday.", "2019-06-12") == [("Monday", "2019-06-10", "weekday")]
    assert _read("The meeting of Monday will decide.", "2019-06-12") == []


def test_an_ordinal_suffix_set_apart_by_a_space() -> None:
    # a PDF's text gives a superscript "st" as a word of its own
    assert _read("On 3 rd March 2011 the trust wrote.", "2019-06-12") == \
        [("On 3 rd March 2011", "2011-03-03", "day-month-year")]
    assert _read("The panel met on 21 st October.", "2019-06-12") == [("on 21 st October", "2018-10-21", "day-month-year")]
    assert _read("It was sent on 4 th and 9 th May.", "2019-06-12")[1][:2] == ("9 th May", "2019-05-09")
    assert _read("Ann Roe lives at 3 St Mary Street.", "2019-06-12") == []
    assert _read("We ordered 3 st of flour in May.", "2019-06-12") == [("in May", "2019-05", "month-name")]


def test_the_month_of_a_month() -> None:
    assert _read("The month of March brought two new reports.", "2019-06-12") == \
        [("The month of March", "2019-03", "month-name")]
    assert _read("During the month of July we will close.", "2019-06-12")[0][:2] == ("During the month of July", "2019-07")
    assert _read("The month of rain ended.", "2019-06-12") == []


def test_a_weekday_with_a_part_of_the_day() -> None:
    # Wednesday 12 June 2019
    assert _read("Two inspectors arrived at the depot Monday morning.", "2019-06-12") == \
        [("Monday morning", "2019-06-10", "weekday")]
    assert _read("The panel will sit Friday afternoon.", "2019-06-12") == [("Friday afternoon", "2019-06-14", "weekday")]
    assert _read("The Tuesday Night Club met.", "2019-06-12") == []
    assert _read("Monday was busy.", "2019-06-12") == []


def test_this_calendar_year() -> None:
    assert _read("We will hold four reviews over the rest of this calendar year.", "2019-06-12") == \
        [("this calendar year", "2019", "relative-unit")]
    assert _read("It closed last calendar month.", "2019-06-12") == [("last calendar month", "2019-05", "relative-unit")]


def test_a_page_updated_after_its_own_date_is_a_reference() -> None:
    page = "Wessex County Council\n\nPublished on: 4 Mar, 2019\nUpdated on: 9 Apr, 2019\n\nThe depot will close.\n"
    assert _read(page) == [("9 Apr, 2019", "2019-04-09", "day-month-year")]
    # the update line alone is the page's own date
    assert _read("Wessex County Council\n\nLast updated: 9 Apr, 2019\n\nThe depot will close.\n") == []


def test_the_following_unit_counts_from_the_date_told_before() -> None:
    assert _read("The board met on Friday 3 May 2019; the following day Tom Vale resigned.") == \
        [("on Friday 3 May 2019", "2019-05-03", "day-month-year"), ("the following day", "2019-05-04", "following-unit")]
    assert _read("The audit began on 6 March 2018 and the report came the following month.")[1] == \
        ("the following month", "2018-04", "following-unit")
    # none told before: the one after the document's (Wednesday 12 June 2019)
    assert _read("Interviews are held in the following week.") == \
        [("in the following week", "2019-06-17", "following-unit")]
    assert _read("In the following year groups we teach French.") == []
    assert _read("The following day centres will close.") == []
    assert _read("The following week's rota is attached.") == []


def test_a_weekday_with_a_part_of_the_day_that_is_not_one_day() -> None:
    assert _read("The panel gives its view on the final Thursday afternoon of the audit.") == []
    assert _read("Surgeries are held every Monday morning.") == []
    assert _read("The hall is booked on a Friday evening.") == []


def test_the_following_week_commencing_a_day_is_that_day() -> None:
    assert _read("Visits follow in the following week commencing Monday 17 June.") == \
        [("Monday 17 June", "2019-06-17", "day-month-year")]


def test_a_short_month_after_a_cue_of_time() -> None:
    assert _read("Please reply by Jan.") == [("by Jan", "2020-01", "month-name")]
    assert _read("The survey is due in Sept. The board will meet.")[0][:2] == ("due in Sept", "2019-09")
    assert _read("It ran from Aug to Oct last year.")[0][1:] == ("2018-08", "between-and")
    # a name, a passive's agent, no cue
    assert _read("The report was written by Jan.") == []
    assert _read("The report came by Jan Roe.") == []
    assert _read("Tom Vale met Jan and Dec at the fair.") == []
    assert _read("We sat in Mar's garden.") == []


def test_a_decade() -> None:
    found = find_dates("In the 1990s the depot grew, and since the mid-1980s it has paid.", DOC)
    assert [(d.text, d.date.value, d.date.end_value, d.rule) for d in found] == [
        ("In the 1990s", "1990", "1999", "decade"), ("since the mid-1980s", "1984", "1986", "decade")]
    assert _read("It cost £1990s in fees.") == []
    assert _read("The 1990 season was wet.")[0][2] != "decade"


def test_a_letter_to_someone_of_a_day_is_in_the_past() -> None:
    assert _read("In his reply to my letter to him, also of 20 June, he said \"I will act\".")[0][:2] == \
        ("20 June", "2018-06-20")
    assert _read("Your letter to the Chief Executive of 20 June will be answered.")[0][:2] == ("20 June", "2018-06-20")
    assert _read("We will send a letter to him on 20 June.")[0][:2] == ("on 20 June", "2019-06-20")


def test_a_financial_or_academic_year_told_in_words() -> None:
    # Wednesday 12 June 2019: the financial year from April 2019, the academic year from September 2018
    found = find_dates("The fund closes next financial year; this academic year the school grew.", DOC)
    assert [(d.text, d.date.value, d.date.end_value, d.rule) for d in found] == [
        ("next financial year", "2020", "2021", "financial-year-words"),
        ("this academic year", "2018", "2019", "financial-year-words")]
    assert _read("Spending last financial year was high.", "2019-02-12")[0][:2] == ("last financial year", "2017")
    # a year counted from another, or several years: no date
    assert _read("Each report covers the previous financial year.") == []
    assert _read("Next financial years look hard.") == []


def test_cob_and_eod_are_times_before_a_day() -> None:
    assert _read("Please reply by COB Friday.") == [("by COB Friday", "2019-06-14", "weekday")]
    assert _read("Please reply by EOD on 14 June.") == [("by EOD on 14 June", "2019-06-14", "day-month-year")]
    assert _read("The cob Friday sale was busy.") == []


def test_a_season_of_last_or_next_year() -> None:
    assert _read("We met in the spring of last year.") == [("in the spring of last year", "2018-03", "season")]
    assert _read("It opens in the autumn of next year.")[0][:2] == ("in the autumn of next year", "2020-09")


def test_earlier_or_later_in_the_year_is_the_documents() -> None:
    assert _read("We met earlier in the year.") == [("earlier in the year", "2019", "the-unit")]
    assert _read("We will meet later in the month.") == [("later in the month", "2019-06", "the-unit")]
    assert _read("Later the year was bad.") == []
    assert _read("Earlier the month had been wet.") == []


def test_a_mail_server_stamp_reads_with_its_clock() -> None:
    # "day-month-year": the clock and zone of a machine stamp belong to the date's text
    assert _read("Bounce notice from the relay, Thu, 6 Jun 2019 03:41:09 +0100") == [
        ("Thu, 6 Jun 2019 03:41:09 +0100", "2019-06-06", "day-month-year")]
    assert _read("Logged 6 Jun 2019 03:41:09 GMT by the gateway.")[0][:2] == ("6 Jun 2019 03:41:09 GMT", "2019-06-06")
    # a clock without seconds is no stamp: the date reads alone
    assert _read("We met on 6 June 2019 10:30 in the hall.")[0][:2] == ("on 6 June 2019", "2019-06-06")


def test_a_year_before_an_acronym_dates_it() -> None:
    # "year-noun": the 2016 AGM, the 2015 APM
    assert _read("Tom Vale chaired the 2016 AGM.") == [("2016", "2016", "year-noun")]
    # a unit after the number: a quantity, not a year; an Act keeps its year to itself
    assert _read("The 2000 MW turbine was built.") == []
    assert _read("The 2011 Act applies.") == []


def test_a_year_after_of_that_closes_the_clause() -> None:
    # "bare-year": the first meeting of the panel of 2018.
    assert _read("Tom Vale chaired the last session of the Wessex Panel of 2018.") == [("2018", "2018", "bare-year")]
    # a count before "of", or a noun after the year: a number
    assert _read("He was one of 2019.") == []
    assert _read("A total of 2019.") == []
    assert _read("The first of 2019 entries arrived.") == []


def test_through_to_is_a_cue_for_the_end_of_a_period() -> None:
    assert _read("The trial will run through to September.") == [("through to September", "2019-09", "month-name")]
    assert _read("The grant lasts right through to 2021.") == [("right through to 2021", "2021", "bare-year")]
    # without "through to" a bare month name after "to" is no date
    assert _read("He walked to March Lane.") == []


def test_a_plan_told_up_to_its_end_looks_ahead_in_any_tense() -> None:
    # a timetable sent in a past-tense sentence still ends at the next October
    assert _read("Ann Roe sent round the building timetable through to October.", "2019-04-14")[0][:2] == (
        "through to October", "2019-10")
    assert _read("Tom Vale sent the timetable until August.", "2019-04-14")[0][:2] == ("until August", "2019-08")
    # near-miss: someone who worked up to a month: the one gone
    assert _read("Ann Roe worked through to September.", "2019-04-14")[0][:2] == (
        "through to September", "2018-09")


def test_a_web_pages_published_line_over_the_letters_own_date_is_a_reference() -> None:
    page = "Policy paper\n\nPublished 14 March 2019\n\nLetter from Ann Roe\n\nThursday 14 March 2019\n\nDear Tom,\nWe met.\n"
    assert [(d.text, d.date.value) for d in find_dates(page, DOC)] == [("14 March 2019", "2019-03-14")]
    # the page's only date line is its own date, not a reference
    alone = "Policy paper\n\nPublished 14 March 2019\n\nDear Tom,\nWe met.\n"
    assert find_dates(alone, DOC) == []
    # a date line labelled otherwise ("Sent") over another stays the document's own
    sent = "Sent 14 March 2019\n\nThursday 14 March 2019\n\nDear Tom,\nWe met.\n"
    assert find_dates(sent, DOC) == []


def test_on_the_weekday_and_part_of_day_is_one_day() -> None:
    # Wednesday 12 June 2019: "on the Thursday afternoon" of a plan told ahead is the next Thursday
    assert _read("The panel visits on Tuesday and reports its findings on the Thursday afternoon.")[1] == (
        "Thursday afternoon", "2019-06-13", "weekday")
    # near-misses: one weekday of a period, of several, or counted from another day
    assert _read("Feedback is given on the Thursday afternoon of the visit.") == []
    assert _read("We met on the final Thursday afternoon.") == []
    assert _read("The panel sat on the Monday morning after the vote.") == []


def test_a_named_meeting_or_report_and_its_year() -> None:
    # "bare-year": the year after a capitalised meeting, report or event that it names
    assert _read("Item 6: Accounts of the Annual Town Meeting 2016") == [("2016", "2016", "bare-year")]
    assert _read("The Annual Report 2015 is attached.") == [("2015", "2015", "bare-year")]
    # near-misses: a room or box number; the noun in lower case
    assert _read("It sits in Room 2017.") == []
    assert _read("Send it to the meeting 2017 times.") == []
