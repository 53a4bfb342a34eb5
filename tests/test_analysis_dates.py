"""Date parsing: user input, a letter's date line (with text-layer damage) and email headers."""

import pytest

from dossier.analysis.dates import (
    date_from_header,
    date_spans,
    parse_date_line,
    parse_document_date,
    search_date,
    trailing_date,
)
from dossier.domain.dates import Precision


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("27/03/2014", "2014-03-27", Precision.DAY),
        ("03/04/2019", "2019-04-03", Precision.DAY),  # UK: day first
        ("12/25/2019", "2019-12-25", Precision.DAY),  # only month-first reading is possible
        ("27.03.2014", "2014-03-27", Precision.DAY),
        ("5-11-13", "2013-11-05", Precision.DAY),
        ("27 Mar 2014", "2014-03-27", Precision.DAY),
        ("27 Mar. 2014", "2014-03-27", Precision.DAY),
        ("27th March 2014", "2014-03-27", Precision.DAY),
        ("1st of September, 2022", "2022-09-01", Precision.DAY),
        ("Thursday 27 March 2014", "2014-03-27", Precision.DAY),
        ("Wed, 9 Sept 2020", "2020-09-09", Precision.DAY),
        ("March 27, 2014", "2014-03-27", Precision.DAY),
        ("2014-03-27", "2014-03-27", Precision.DAY),
        ("2014/3/7", "2014-03-07", Precision.DAY),
        ("March 2014", "2014-03", Precision.MONTH),
        ("Sep 2011", "2011-09", Precision.MONTH),
        ("2014-03", "2014-03", Precision.MONTH),
        ("07/2016", "2016-07", Precision.MONTH),
        ("2014", "2014", Precision.YEAR),
        ("  14 July 2021.  ", "2021-07-14", Precision.DAY),
    ],
)
def test_parse_document_date_forms(text: str, value: str, precision: Precision) -> None:
    found = parse_document_date(text)
    assert found is not None
    assert (found.value, found.precision) == (value, precision)


def test_parse_document_date_keeps_the_words_as_written() -> None:
    assert parse_document_date("27th March 2014").text == "27th March 2014"  # type: ignore[union-attr]
    assert parse_document_date("2014-03").text == "2014-03"  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["", "soon", "31/02/2014", "2014-13-01", "32 May 2014", "Marhc 2014",
                                  "on 3 September", "27 March", "next week", "12345"])
def test_parse_document_date_rejects_non_dates(text: str) -> None:
    assert parse_document_date(text) is None


@pytest.mark.parametrize(
    ("line", "value", "text"),
    [
        ("2-7 March 2014", "2014-03-27", "2-7 March 2014"),  # a text layer splitting "27"
        ("1 9 June 2018", "2018-06-19", "1 9 June 2018"),
        ("14 Novembcr 2019", "2019-11-14", "14 Novembcr 2019"),  # one wrong letter in the month
        ("Date: 3 February 2020", "2020-02-03", "3 February 2020"),
        ("Dated 3rd February 2020", "2020-02-03", "3rd February 2020"),
        ("Published 8 May 2017 at 10:42", "2017-05-08", "8 May 2017"),
        ("Sent: Tuesday, October 1, 2019 4:05 PM", "2019-10-01", "Tuesday, October 1, 2019"),
        ("Held on 4 April 2017", "2017-04-04", "4 April 2017"),
        ("11/08/2015", "2015-08-11", "11/08/2015"),
        ("l9 March 2014", "2014-03-19", "l9 March 2014"),  # a text layer reading 1 as l
        ("O3/O4/2019", "2019-04-03", "O3/O4/2019"),  # and 0 as O
        ("Published 2O March 2014 at 10:42", "2014-03-20", "2O March 2014"),
        ("1 st March 2014", "2014-03-01", "1 st March 2014"),  # a text layer parting the ordinal
        ("Apri1 2014", "2014-04", "Apri1 2014"),  # a text layer reading l as 1 inside the month
        ("4 Ju1y 2014", "2014-07-04", "4 Ju1y 2014"),
        ("9 Mar 17", "2017-03-09", "9 Mar 17"),  # a two-digit year after a month's name, the whole line
        ("Friday 9 March 17", "2017-03-09", "Friday 9 March 17"),
        ("Published 9 Mar 98", "1998-03-09", "9 Mar 98"),
    ],
)
def test_parse_date_line(line: str, value: str, text: str) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert (found.value, found.text) == (value, text)


@pytest.mark.parametrize("line", ["on 3 September", "published on 27 March showed", "By 22 July",
                                  "4-0 March 2014", "Room 2014", "The meeting on 4 May 2016 went well",
                                  "lO March 2014", "Room l9", "Old March 2014", "Apri11 2014", "A1 2014",
                                  "1 standard March 2014", "Mar 17", "9 Mxr 17", "9 Mar 17 delegates",
                                  "30 Feb 17", "9 Mar 173"])
def test_parse_date_line_rejects_partial_or_prose(line: str) -> None:
    assert parse_date_line(line) is None


def test_date_from_header_uses_the_headers_own_time_zone() -> None:
    late = date_from_header("Tue, 05 Nov 2013 23:30:00 -0800")
    assert late is not None and late.value == "2013-11-05"
    assert late.text == "Tue, 05 Nov 2013 23:30:00 -0800"
    early = date_from_header("Mon, 2 Mar 2020 00:15:00 +0100")
    assert early is not None and early.value == "2020-03-02"


def test_date_from_header_accepts_printed_sent_lines_and_rejects_junk() -> None:
    printed = date_from_header("Thursday, 12 June 2014 16:02")
    assert printed is not None and printed.value == "2014-06-12"
    assert date_from_header("") is None
    assert date_from_header("not a date") is None


def test_search_date_finds_a_date_inside_a_heading() -> None:
    found = search_date("Minutes of the meeting of the Oversight Group held on 19 January 2021")
    assert found is not None and (found.value, found.text) == ("2021-01-19", "19 January 2021")
    assert search_date("Note of a call, 07/05/2018") is not None
    assert search_date("Nothing dated here, only 2021") is None


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Tel: 0161 496 0732 4 Mar 2019", "2019-03-04"),
        ("Our ref: PW/2019/17 04/03/2019", "2019-03-04"),
        ("Fax 0161 496 0733 Monday, 4th March 2019", "2019-03-04"),
    ],
)
def test_trailing_date_after_a_contact_or_reference(line: str, value: str) -> None:
    found = trailing_date(line)
    assert found is not None and found.value == value


@pytest.mark.parametrize("line", ["4 March 2019", "Our ref: PW/4 March 2019", "The panel met on Monday 4 March 2019",
                                  "Tel: 0161 496 0732", "Annual report 2019", "Accounts 1 April 2018 – 31 March 2019"])
def test_trailing_date_rejects_prose_lone_dates_and_months(line: str) -> None:
    assert trailing_date(line) is None


def test_date_spans_gives_every_full_date_with_its_span_in_reading_order() -> None:
    text = "Held on Tuesday May 22nd 2018; next 3–5 June 2018, then CABINET: 22ND SEPTEMBER, 2018 (not 2018)"
    found = [(d.value, text[s:e]) for d, s, e in date_spans(text)]
    assert found == [("2018-05-22", "Tuesday May 22nd 2018"), ("2018-06-05", "5 June 2018"),
                     ("2018-09-22", "22ND SEPTEMBER, 2018")]
    assert date_spans("Ref AB/12/05/16, page 2019") == []


def test_a_two_digit_year_is_read_only_on_a_date_line_not_in_running_text() -> None:
    assert date_spans("The board met on 9 Mar 17 delegates from each ward.") == []
