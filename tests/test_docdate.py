"""The document's own date: each named rule on invented text in its layout, and the near-misses it
must not read (a date in prose, a print or upload stamp, a hearing date, a range, a list of dates)."""

import re

import pytest

from dossier.analysis.docdate import RULES, DocDate, document_date
from dossier.analysis.parties import build_layout
from dossier.domain.records import DocumentKind

PROSE = ("The council has agreed the plan and will report on progress to the board in the new year, "
         "as the panel asked when it met.")


def read(text: str, kind: DocumentKind = DocumentKind.OTHER, **kw: object) -> DocDate | None:
    return document_date(text, build_layout(text), kind, **kw)  # type: ignore[arg-type]


def check(text: str, value: str, rule: str, words: str, kind: DocumentKind = DocumentKind.OTHER) -> None:
    found = read(text, kind)
    assert found is not None, "no date read"
    assert (found.date.value, found.rule) == (value, rule)
    assert text[found.start:found.end] == words


# ---- the table ---------------------------------------------------------------------------------------
def test_every_rule_is_named_in_kebab_case_once_and_says_what_it_reads() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
        assert rule.reads and rule.weight > 0


def test_a_date_in_running_prose_is_not_the_documents_date() -> None:
    text = ("I am writing to follow up the points raised when we met on 3 May 2016 at the Town Hall.\n\n"
            "We agreed the report would follow by 14 June 2016.\n\n" + PROSE)
    assert read(text) is None


# ---- email-header ------------------------------------------------------------------------------------
def test_email_header_date_has_no_span_in_the_text() -> None:
    found = read("Ann,\n\nSee attached.\n\nTom", header="Tue, 05 Nov 2013 23:30:00 -0800")
    assert found is not None and (found.date.value, found.rule, found.start) == ("2013-11-05", "email-header", -1)


def test_printed_sent_line_is_read_with_its_span() -> None:
    text = ("From: Tom Vale <tom.vale@example.org>\nSent: 19 July 2016 09:41\nTo: Ann Roe\n"
            "Subject: Lease\n\nAnn,\n\nThanks.\n\nTom")
    found = read(text, header="19 July 2016 09:41", printed=True)
    assert found is not None and (found.date.value, found.rule) == ("2016-07-19", "printed-header")
    assert text[found.start:found.end] == "19 July 2016 09:41"


# ---- file-date ---------------------------------------------------------------------------------------
def test_a_web_pages_publication_date_has_no_span_and_outweighs_a_date_in_its_text() -> None:
    text = "Bridge repairs delayed\n\n3 March 2031\n\nThe council said the work would wait."
    found = read(text, DocumentKind.ARTICLE, file_date="Wed, 14 May 2031 23:30:00 -0400")
    assert found is not None and (found.date.value, found.rule, found.start) == ("2031-05-14", "file-date", -1)
    assert read(text, DocumentKind.ARTICLE, file_date="not a date").rule != "file-date"


# ---- labelled-date -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "value", "words"),
    [
        ("Date: 4 March 2019", "2019-03-04", "4 March 2019"),
        ("Dated 4th March 2019", "2019-03-04", "4th March 2019"),
        ("Decision date : 05 Mar 2019", "2019-03-05", "05 Mar 2019"),
        ("Date of decision: 10.01.2019", "2019-01-10", "10.01.2019"),
        ("Decision given on: 19/01/2015", "2015-01-19", "19/01/2015"),
        ("This question was answered on 11th July 2018", "2018-07-11", "11th July 2018"),
        ("Sent on 2 October 2024", "2024-10-02", "2 October 2024"),
    ],
)
def test_labelled_date(line: str, value: str, words: str) -> None:
    text = f"Wessex County Council\n\nDecision notice\n\n{line}\n\n{PROSE}"
    check(text, value, "labelled-date", words)


def test_labelled_date_label_alone_with_the_date_on_the_next_line() -> None:
    check(f"Notice\n\nDate of issue:\n\n4 March 2019\n\n{PROSE}", "2019-03-04", "labelled-date", "4 March 2019")


def test_decision_date_wins_over_the_hearing_date_above_it() -> None:
    text = f"Wessex Tribunal\n\nHeard on: 11 January 2024\nDecision given on: 16 May 2024\n\n{PROSE}"
    check(text, "2024-05-16", "labelled-date", "16 May 2024")


@pytest.mark.parametrize("line", ["Heard on: 11 January 2024", "Date of next meeting: 4 March 2019",
                                  "Closing date: 4 March 2019", "(asked on 2nd July 2018) - View Source",
                                  "Printed 4 March 2019", "Downloaded: 4 March 2019"])
def test_labels_that_do_not_name_the_documents_date(line: str) -> None:
    assert read(f"Wessex Tribunal\n\n{line}\n\n{PROSE}") is None


# ---- minutes-heading ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("opening", "value", "words"),
    [
        ("Minutes of the meeting of Wessex Parish Council held - Tuesday May 22nd 2018 in the Village Hall.",
         "2018-05-22", "Tuesday May 22nd 2018"),
        ("Minutes from Ordinary Meeting held at the Village Hall on Monday 18th April 2016 at 7.30pm",
         "2016-04-18", "Monday 18th April 2016"),
        ("MINUTES OF THE BOARD MEETING HELD ON WEDNESDAY 12TH SEPTEMBER 2012", "2012-09-12",
         "WEDNESDAY 12TH SEPTEMBER 2012"),
        ("Annual Parish Meeting – 3 May 2016", "2016-05-03", "3 May 2016"),
    ],
)
def test_minutes_heading(opening: str, value: str, words: str) -> None:
    check(f"{opening}\n\nPresent: Cllrs A Roe (Chair), T Vale\n\n1. Apologies – None", value, "minutes-heading", words)


def test_minutes_heading_prefers_the_held_date_to_an_item_stamp_above_it() -> None:
    text = ("Board Item 17th October 2012 3 12.30 pm Public\n\n"
            "MINUTES OF THE BOARD MEETING HELD ON WEDNESDAY 12TH SEPTEMBER 2012\n\nPresent: Mr A Roe")
    check(text, "2012-09-12", "minutes-heading", "WEDNESDAY 12TH SEPTEMBER 2012", DocumentKind.MINUTES)


def test_a_letter_opening_on_a_meeting_held_is_not_a_minutes_heading() -> None:
    text = f"Further to the meeting held on 3 May 2016, I write to confirm what we agreed.\n\n{PROSE}"
    assert read(text, DocumentKind.LETTER) is None


def test_a_later_item_about_earlier_minutes_is_not_read() -> None:
    text = ("Wessex Parish Council\n\nPresent: Cllrs A Roe, T Vale\n\nApologies: none\n\n"
            "4. The minutes from the meeting held on 14th March 2016 were signed and adopted.")
    assert read(text) is None


# ---- form-date-field ---------------------------------------------------------------------------------
def test_date_field_among_fields_run_into_one_line() -> None:
    text = ("AGENDA ITEM NO. 4 REPORT TO: Council REPORT NO: WX/04/19 DATE: 4 March 2019 REPORTING OFFICER: "
            "Ann Roe Director SUBJECT: Parks PURPOSE To ask the Council to note the plan agreed on 3 May 2018.")
    check(text, "2019-03-04", "form-date-field", "4 March 2019")


@pytest.mark.parametrize("field", ["CLOSING DATE: 4 March 2019", "Review Date: 4 March 2019",
                                   "the date: 4 March 2019"])
def test_qualified_or_prose_date_fields_are_not_read(field: str) -> None:
    text = f"REPORT TO: Council REPORT NO: WX/04/19 {field} SUBJECT: Parks PURPOSE To note the plan."
    assert read(text) is None


# ---- date-line ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("10.01.2019", "2019-01-10"),
        ("02/07/18", "2018-07-02"),
        ("12th October 2018", "2018-10-12"),
        ("Tuesday May 22nd 2018", "2018-05-22"),
        ("l9 March 2019", "2019-03-19"),  # a text layer reading 1 as l
        ("O3/04/2019", "2019-04-03"),  # and 0 as O
        ("2-7 March 2014", "2014-03-27"),  # splitting 27
        ("14 Septembcr 2021", "2021-09-14"),  # one wrong letter
    ],
)
def test_date_line_in_a_letters_head(line: str, value: str) -> None:
    text = f"Wessex County Council\nCounty Hall\nWexcombe WX1 1AA\n\n{line}\n\nDear Ms Roe,\n\n{PROSE}"
    check(text, value, "date-line", line)


def test_date_line_with_a_note_after_it() -> None:
    text = f"Wessex County Council\n\n4 March 2019 (by email)\n\nDear Ms Roe,\n\n{PROSE}"
    check(text, "2019-03-04", "date-line", "4 March 2019")
    assert read(f"Wessex County Council\n\nRoom 4 (March 2019)\n\nDear Ms Roe,\n\n{PROSE}") is None


def test_date_line_beside_a_reference_column() -> None:
    text = f"Wessex County Council\n\nOur ref: WX/19/4        4 March 2019\n\nDear Ms Roe,\n\n{PROSE}"
    check(text, "2019-03-04", "date-line", "4 March 2019")


@pytest.mark.parametrize("ref", ["Our ref: WX/12/05/16", "Case ref: 12/05/16", "Our ref:        12/05/16",
                                 "Reference 12/05/2016"])
def test_a_reference_with_slashes_is_not_a_date_line(ref: str) -> None:
    text = f"Wessex County Council\n\n{ref}\n\nDear Ms Roe,\n\n{PROSE}"
    assert read(text) is None


def test_an_updated_stamp_above_the_date_line_does_not_win() -> None:
    text = f"Last updated 5 June 2019\n\nWessex County Council\n\n4 March 2019\n\nDear Ms Roe,\n\n{PROSE}"
    check(text, "2019-03-04", "date-line", "4 March 2019")


# ---- published-date ----------------------------------------------------------------------------------
def test_published_line_on_a_page() -> None:
    text = ("Correspondence\n\nWessex County Council: letter to the Chief Executive\n\n" + PROSE +
            "\n\nUpdates to this page\n\nPublished 12 November 2024\n\nLast updated 20 November 2024\n\n"
            "Sign up for emails or print this page")
    check(text, "2024-11-12", "published-date", "12 November 2024")


def test_the_letters_own_date_line_wins_over_the_pages_published_date() -> None:
    text = ("Wessex County Council\n\n4 November 2024\n\nDear Ms Roe,\n\n" + PROSE +
            "\n\nYours sincerely\n\nTom Vale\n\nPublished 12 November 2024")
    check(text, "2024-11-04", "date-line", "4 November 2024")


# ---- byline-date -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("byline", "words"), [("By Ann Roe, 13 November 2018", "13 November 2018"),
                                               ("By Ann Roe | Political Editor | 13/11/2018", "13/11/2018")])
def test_byline_with_a_date(byline: str, words: str) -> None:
    check(f"Council tax to rise again\n\n{byline}\n\n{PROSE}", "2018-11-13", "byline-date", words,
          DocumentKind.ARTICLE)


def test_a_sentence_opening_with_by_and_a_date_is_not_a_byline() -> None:
    assert read(f"Council tax to rise again\n\nBy 22 July 2019 the council must set its budget.\n\n{PROSE}") is None


# ---- heading-tail-date -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("heading", "value", "words"),
    [
        ("Letter to the Chair of the Audit Committee, 4 March 2019", "2019-03-04", "4 March 2019"),
        ("Wessex County Council written statement – made on 2 June 2010.", "2010-06-02", "2 June 2010"),
        ("Wessex County Council written statement – made at on 2 June 2010.", "2010-06-02", "2 June 2010"),
        ("CABINET: 22ND SEPTEMBER, 2014", "2014-09-22", "22ND SEPTEMBER, 2014"),
        ("Letter from Ann Roe to the Parks Board dated 4 March 2019", "2019-03-04", "4 March 2019"),
        ("Letter to the Chair – 4 March 2019", "2019-03-04", "4 March 2019"),
    ],
)
def test_heading_ending_in_its_date(heading: str, value: str, words: str) -> None:
    check(f"Wessex Papers\n\n{heading}\n\n{PROSE}", value, "heading-tail-date", words)


@pytest.mark.parametrize("first", [
    "Thank you for your letter, dated 3 May 2016.",
    "Annual accounts for the period 1 April 2015 – 31 March 2016",
    "Conference programme 3–5 May 2016",
    "Consultation 3 May – 5 June 2016",
    "The inspection of the service ran until 3 May 2016",
    "I write about the decision we took – made on 3 May 2016.",
])
def test_sentences_and_ranges_ending_in_a_date_are_not_headings(first: str) -> None:
    assert read(f"{first}\n\n{PROSE}") is None


# ---- title-date --------------------------------------------------------------------------------------
NAV = ("Chair's bulletins\n\n1. Chair's bulletin 31 March 2017\n2. Chair's bulletin 18 November 2016\n"
       "3. Chair's bulletin 2 March 2016 (You are here)\n4. Chair's bulletin January 2016\n\n")


def test_title_naming_the_document_then_its_date() -> None:
    text = NAV + "Chair's bulletin 2 March 2016 ann roe\nLead Commissioner Ann Roe\n\n" + PROSE
    check(text, "2016-03-02", "title-date", "2 March 2016")


def test_a_numbered_list_of_titles_is_not_the_documents_title() -> None:
    assert read(NAV + PROSE) is None


def test_a_reply_to_an_earlier_letter_of_a_date_is_not_read() -> None:
    assert read(f"Reply to the letter of 3 May 2016 from Wessex County Council\n\n{PROSE}") is None


# ---- site-dateline -----------------------------------------------------------------------------------
def test_clipped_news_with_the_site_and_the_date() -> None:
    text = ("Council leaders write again www.wessexnews.example.co.uk 13/11/2018 They have sent another letter "
            "to the leader urging him to halt the plan, which was agreed on November 7.")
    check(text, "2018-11-13", "site-dateline", "13/11/2018", DocumentKind.ARTICLE)


def test_a_web_address_not_followed_by_the_date_is_not_a_dateline() -> None:
    text = "See www.wessex.example.org for the guidance published on 13/11/2018 about the plan for the parks."
    assert read(text) is None


# ---- head-trailing-date ------------------------------------------------------------------------------
def test_date_run_on_from_a_contact_line_in_the_head() -> None:
    text = f"Wessex County Council\nTel: 0161 496 0732 4 Mar 2019\n\nMs Ann Roe\n\nDear Ms Roe,\n\n{PROSE}"
    check(text, "2019-03-04", "head-trailing-date", "4 Mar 2019")


# ---- minutes-opening-date ----------------------------------------------------------------------------
def test_minutes_date_anywhere_in_the_opening_lines_only_for_minutes() -> None:
    text = "Improvement Board\nReview session 07/05/2018 at the Town Hall\n\nPresent: Ann Roe, Tom Vale"
    check(text, "2018-05-07", "minutes-opening-date", "07/05/2018", DocumentKind.MINUTES)
    assert read(text, DocumentKind.LETTER) is None


# ---- foot-date-line ----------------------------------------------------------------------------------
FOOT = ("Select Committee on Parks Written Evidence\n\nLetter to the Clerk from the Wessex Parks Team\n\n"
        f"{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\nAnn Roe\n\nWessex Parks Team, Department for Parks\n\n")


def test_date_under_the_signature_block() -> None:
    check(FOOT + "12 June 2006\n\nPrepared 2 July 2006", "2006-06-12", "foot-date-line", "12 June 2006")


def test_a_print_stamp_at_the_foot_is_never_the_date() -> None:
    assert read(FOOT + "Prepared 2 July 2006") is None


def test_a_list_of_dates_at_the_foot_is_not_a_signature_date() -> None:
    assert read(FOOT + "Meeting dates\n\n12 June 2006\n\n4 July 2006\n\n9 August 2006") is None


# ---- foot-labelled-date ------------------------------------------------------------------------------
def test_labelled_date_under_a_letters_signature() -> None:
    text = (f"Dear Tom,\n\nI write to confirm the terms below.\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n"
            "Yours sincerely\n\nAnn Roe\nDirector\n\nDate: 4 May 2015\n")
    check(text, "2015-05-04", "foot-labelled-date", "4 May 2015", DocumentKind.LETTER)


# ---- updated-stamp -----------------------------------------------------------------------------------
def test_last_updated_stamp_only_when_nothing_better() -> None:
    text = f"Wessex news\n\nThis page was last updated on 10 April 2024\n\n{PROSE}"
    check(text, "2024-04-10", "updated-stamp", "10 April 2024", DocumentKind.ARTICLE)
    dated = f"Wessex news\n\nWednesday, April 10, 2024\n\nThis page was last updated on 11 April 2024\n\n{PROSE}"
    check(dated, "2024-04-10", "date-line", "Wednesday, April 10, 2024", DocumentKind.ARTICLE)


# ---- label values as pages print them ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "rule", "words"),
    [
        ("Posted on 13 November 2018 by Ann Roe", "published-date", "13 November 2018"),
        ("Published 13 November 2018 Updated 14 November 2018", "published-date", "13 November 2018"),
        ("Published: 13:04, 13 November 2018", "published-date", "13 November 2018"),
        ("Made - - - - 13th November 2018", "labelled-date", "13th November 2018"),
        ("Date of meeting: 13 November 2018", "labelled-date", "13 November 2018"),
        ("Judgment date: 13-Nov-2018", "labelled-date", "13-Nov-2018"),
    ],
)
def test_label_values_with_a_time_leaders_or_a_tail(line: str, rule: str, words: str) -> None:
    check(f"Wessex County Council\n\n{line}\n\n{PROSE}", "2018-11-13", rule, words)


def test_a_labelled_range_is_not_a_date() -> None:
    assert read(f"Wessex County Council\n\nDate: 3 May 2016 – 5 May 2016\n\n{PROSE}") is None


def test_another_letters_date_in_a_column_is_not_ours() -> None:
    text = f"Wessex County Council\n\nYour letter dated        3 May 2016\n\nDear Ms Roe,\n\n{PROSE}"
    assert read(text) is None


# ---- lead-dateline -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("lead", "words"), [
    ("WEXCOMBE, 13 November 2018 – The council has agreed the plan for the parks.", "13 November 2018"),
    ("13 November 2018 | Ann Roe", "13 November 2018"),
])
def test_a_dateline_opening_the_lead(lead: str, words: str) -> None:
    check(f"Council agrees parks plan\n\n{lead}\n\n{PROSE}", "2018-11-13", "lead-dateline", words,
          DocumentKind.ARTICLE)


def test_a_timeline_of_dated_entries_is_not_a_dateline() -> None:
    text = ("Timeline of the parks plan\n\n13 November 2018 – the council agrees the plan\n"
            "4 March 2019 – the work starts\n\n" + PROSE)
    assert read(text, DocumentKind.ARTICLE) is None


# ---- minutes heading over two lines and a signed statement's foot --------------------------------------
def test_minutes_heading_with_held_on_its_own_line() -> None:
    text = ("WESSEX PARISH COUNCIL\n\nMINUTES\n\nof the Annual Meeting\n\nheld on Monday 3 May 2016 at 7pm\n\n"
            "Present: Cllrs A Roe, T Vale")
    check(text, "2016-05-03", "minutes-heading", "Monday 3 May 2016")


def test_date_field_beside_the_signature() -> None:
    text = (f"Witness statement of Ann Roe\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n"
            "I believe that the facts stated in this witness statement are true.\n\n"
            "Signed: Ann Roe     Date: 4 March 2019\n")
    check(text, "2019-03-04", "foot-labelled-date", "4 March 2019")


# ---- stamps and headlines that are not the document's date -----------------------------------------------
def test_a_browser_print_stamp_is_not_a_date_line() -> None:
    text = f"04/03/2019, 10:15\n\nWessex County Council\n\nDear Ms Roe,\n\n{PROSE}\n\nwww.wessex.example.org/letters/12"
    assert read(text) is None


def test_a_numeric_date_and_time_over_a_messages_header_lines_is_its_date() -> None:
    text = f"Ann Roe\n12/22/2000 11:31 AM\n\nTo: Tom Vale\ncc: Ivo Marsh\nSubject: Parks\n\n{PROSE}"
    check(text, "2000-12-22", "date-line", "12/22/2000")


def test_a_signature_date_with_a_clock_time_at_the_foot_is_a_stamp() -> None:
    assert read(FOOT + "12/06/2006 10:15") is None


@pytest.mark.parametrize("heading", ["Deadline for responses: 5 May 2016", "Year ending 31 March 2019",
                                     "Consultation closes, 5 May 2016", "Hearing, 5 May 2016"])
def test_a_heading_ending_in_another_kind_of_date(heading: str) -> None:
    assert read(f"Wessex County Council\n\n{heading}\n\n{PROSE}") is None


@pytest.mark.parametrize(("opening", "value"), [
    ("Meeting of the Parks Board, 3 May 2016", "2016-05-03"),
    ("Notes of a meeting with Ann Roe, 4 March 2019", "2019-03-04"),
])
def test_minutes_heading_without_held(opening: str, value: str) -> None:
    check(f"{opening}\n\nPresent: Ann Roe, Tom Vale\n\n1. Apologies", value, "minutes-heading",
          opening.split(", ")[-1])


def test_a_headline_opening_with_meeting_is_not_a_minutes_heading() -> None:
    assert read(f"Meeting on 3 May 2016 will decide future of the parks\n\n{PROSE}", DocumentKind.ARTICLE) is None


def test_a_month_under_the_signature_block() -> None:
    check(FOOT + "March 2019", "2019-03", "foot-date-line", "March 2019")


def test_minutes_date_opening_the_line_under_the_heading() -> None:
    text = ("WESSEX PARISH COUNCIL\n\nMinutes of the Parish Council Meeting\n"
            "Monday 4th March 2019 at 7.30pm in the Village Hall\n\nPresent: Cllrs A Roe, T Vale")
    check(text, "2019-03-04", "minutes-heading", "Monday 4th March 2019")


def test_an_item_under_a_minutes_heading_is_not_its_date() -> None:
    text = ("Minutes of the Parish Council Meeting\n1. The clerk reported on 4 March 2019 that the hall was let.\n\n"
            "Present: Cllrs A Roe, T Vale")
    assert read(text) is None


def test_an_event_block_in_the_body_is_not_the_documents_date() -> None:
    letter = (f"Wessex County Council\n\nDear Ms Roe,\n\n{PROSE}\n\n{PROSE}\n\nThe next meeting is:\n\n"
              f"Date: 12 March 2019\nTime: 7pm\nVenue: Town Hall\n\n{PROSE}\n\nYours sincerely\n\nTom Vale")
    assert read(letter, DocumentKind.LETTER) is None
    notice = f"Parks Open Day\n\n{PROSE}\n\nDate: 12 March 2019\nTime: 10am\nVenue: Town Park\n\n{PROSE}"
    assert read(notice) is None


def test_an_agenda_head_with_date_time_and_venue() -> None:
    text = f"Wessex Parks Board\n\nDate: 12 March 2019\nTime: 7pm\nVenue: Town Hall\n\nAgenda\n\n{PROSE}"
    check(text, "2019-03-12", "labelled-date", "12 March 2019")


def test_a_date_alone_in_a_letters_body_is_not_its_date() -> None:
    text = f"Wessex County Council\n\nDear Ms Roe,\n\n{PROSE}\n\n{PROSE}\n\nThe meeting will be on:\n\n12 March 2019\n\n{PROSE}"
    assert read(text, DocumentKind.LETTER) is None


# ---- round 2: layouts read more widely ---------------------------------------------------------------
def test_minutes_heading_after_the_papers_reference() -> None:
    text = ("Documents\n\nWPC(19)M07 Minutes of the Annual Meeting of Wessex Parish Council held on 8 May 2019\n\n"
            "Present: Cllrs A Roe (Chair), T Vale\n\n1. Apologies – None")
    check(text, "2019-05-08", "minutes-heading", "8 May 2019")


def test_a_numbered_item_about_earlier_minutes_is_not_a_paper_reference() -> None:
    text = ("12. Minutes of the meeting held on 14 March 2016 were approved\n\n"
            "Present: Cllrs A Roe, T Vale\n\nApologies: none")
    assert read(text) is None


def test_minutes_of_a_meeting_held_further_down_the_head() -> None:
    text = ("Documents\n\nWPC(19)M07\n\nWessex Parish Council\n\nUploaded on 20 May 2019\n\nPublic papers\n\n"
            "Minutes of the Annual Meeting of Wessex Parish Council held via video link on Wednesday 8 May 2019"
            " commencing at 19:00.\n\nPresent:\n\nCllr A Roe (Chair)")
    check(text, "2019-05-08", "minutes-heading", "Wednesday 8 May 2019")


def test_a_meeting_line_further_down_without_held_is_not_read() -> None:
    text = ("Documents\n\nWPC(19)M07\n\nWessex Parish Council\n\nPublic papers\n\nAgenda\n\n"
            "Minutes of the last meeting to be approved on 8 May 2019\n\nPresent:\n\nCllr A Roe (Chair)")
    assert read(text) is None


@pytest.mark.parametrize(("heading", "words"), [
    ("Parks Board - Tuesday 10 March 2020 6.00 pm", "Tuesday 10 March 2020"),
    ("Licensing Committee – 10 March 2020 at 7pm", "10 March 2020"),
    ("Parks Board, 10 March 2020 (19:00)", "10 March 2020"),
])
def test_a_meeting_heading_ending_in_its_date_and_time(heading: str, words: str) -> None:
    text = f"Agenda, decisions and minutes\n\n{heading}\n\nVenue: Town Hall\n\nItems\n\n{PROSE}"
    check(text, "2020-03-10", "heading-tail-date", words)


@pytest.mark.parametrize("heading", ["Parks Board - Tuesday 10 March 2020 6.00 pm to be confirmed",
                                     "Parks Board - Tuesday 10 March 2020 12"])
def test_a_date_with_more_than_a_time_after_it_does_not_end_a_heading(heading: str) -> None:
    assert read(f"Agenda, decisions and minutes\n\n{heading}\n\n{PROSE}") is None


def test_a_date_field_after_a_lower_case_title_word_when_another_field_follows() -> None:
    text = ("1 Freedom of Information Act 2000 (FOIA) Decision notice Date: 4 March 2019 Public Authority: "
            "Address: Wessex County Council County Hall Wexcombe Decision 1. The complainant asked for papers.")
    check(text, "2019-03-04", "form-date-field", "4 March 2019")


@pytest.mark.parametrize("field", ["notice Date: 4 March 2019 and then the papers",
                                   "the Date: 4 March 2019 Public Authority:"])
def test_a_date_field_after_a_lower_case_word_without_a_next_field(field: str) -> None:
    text = f"REPORT TO: Council REPORT NO: WX/04/19 decision {field} was read by the panel."
    assert read(text) is None


@pytest.mark.parametrize(("heading", "words"), [
    ("Letter to the Minister for Housing and the Chair of the Wessex Parks Board of Trustees, 4 March 2019",
     "4 March 2019"),
    ("Open letter from Ann Roe to the Leader of Wessex County Council on the local parks plan, 4 March 2019",
     "4 March 2019"),
])
def test_a_title_naming_the_document_then_a_comma_and_its_date(heading: str, words: str) -> None:
    text = f"{heading}\nI wrote on 12 February asking for the board's views on the plan.\n\n{PROSE}"
    check(text, "2019-03-04", "heading-tail-date", words, DocumentKind.LETTER)


@pytest.mark.parametrize("first", [
    "Letters to the board were answered in full by the chair and the clerk. They were sent, 4 March 2019",
    "The letter to the Minister for Housing and the Chair of the Wessex Parks Board was sent, 4 March 2019",
])
def test_a_sentence_about_a_letter_with_a_comma_and_a_date_is_not_a_title(first: str) -> None:
    assert read(f"{first}\n\n{PROSE}", DocumentKind.LETTER) is None


@pytest.mark.parametrize("line", [
    "Open letter to Ann Roe on the parks plan by tomvale on 6 March, 2019",
    "by tomvale on 6 March, 2019",
    "Posted by Tom Vale on 6 March 2019",
])
def test_a_blog_byline_by_the_writer_on_a_date(line: str) -> None:
    text = f"View more posts\n\n{line}\n\nDear Ms Roe,\n\n{PROSE}\n\nYours sincerely,\n\nTom Vale"
    check(text, "2019-03-06", "byline-date", line[line.rindex(" on ") + 4:], DocumentKind.LETTER)


@pytest.mark.parametrize("line", [
    "The parks plan was approved by the board on 6 March 2019",
    "Parks plan agreed by councillors on 6 March 2019",
    "The parks plan was set out by Ann Roe on 6 March 2019.",
])
def test_an_agent_after_by_is_not_a_byline(line: str) -> None:
    assert read(f"Wessex News\n\n{line}\n\n{PROSE}", DocumentKind.ARTICLE) is None


def test_a_split_ordinal_in_a_date_field() -> None:
    text = ("1 Freedom of Information Act 2000 (FOIA) Decision notice Date: 1 st March 2019 Public Authority: "
            "Address: Wessex County Council County Hall Wexcombe Decision 1. The complainant asked for papers.")
    check(text, "2019-03-01", "form-date-field", "1 st March 2019")


@pytest.mark.parametrize(("line", "rule", "words"), [
    ("Last updated 5 May 2016 | Published 3 May 2016", "published-date", "3 May 2016"),
    ("Share • Published 3 May 2016 • Ann Roe", "published-date", "3 May 2016"),
    ("Wessex News | Date: 3 May 2016", "labelled-date", "3 May 2016"),
])
def test_a_later_field_of_a_line_of_fields(line: str, rule: str, words: str) -> None:
    check(f"Council tax to rise again\n\n{line}\n\n{PROSE}", "2016-05-03", rule, words, DocumentKind.ARTICLE)


@pytest.mark.parametrize("line", ["Parks jobs | Closing date: 3 May 2016", "Last updated 5 May 2016 | Printed 3 May 2016",
                                  "Parks | Consultation | Hearing on 3 May 2016"])
def test_a_later_field_that_is_another_kind_of_date(line: str) -> None:
    found = read(f"Council tax to rise again\n\n{line}\n\n{PROSE}", DocumentKind.ARTICLE)
    assert found is None or found.rule == "updated-stamp"


def test_an_agenda_date_line_with_its_time_and_place() -> None:
    text = f"Wessex Parish Council\n\nAgenda\n\nThursday 4th March 2019 at 7.30pm in the Village Hall\n\n{PROSE}"
    check(text, "2019-03-04", "date-line", "Thursday 4th March 2019")


def test_a_sentence_opening_with_a_date_and_time_is_not_a_date_line() -> None:
    text = f"Wessex News\n\n4 March 2019 at 7pm the council met to agree its budget for the year ahead\n\n{PROSE}"
    assert read(text, DocumentKind.ARTICLE) is None


@pytest.mark.parametrize(("line", "words"), [
    ("Dated this 4th day of March 2019", "this 4th day of March 2019"),
    ("Decision taken on: 4 March 2019", "4 March 2019"),
])
def test_more_own_date_labels(line: str, words: str) -> None:
    check(f"NOTICE OF DECISION\n\n{line}\n\n{PROSE}", "2019-03-04", "labelled-date", words)


def test_fields_set_apart_by_a_wide_gap() -> None:
    check(f"Council tax to rise again\n\nUpdated: 5 March 2019    Published: 4 March 2019\n\n{PROSE}", "2019-03-04",
          "published-date", "4 March 2019", DocumentKind.ARTICLE)


@pytest.mark.parametrize("line", ["Ann Roe · 4 March 2019 · Politics", "Ann Roe | Political Editor | 4 March 2019 | Wessex"])
def test_a_date_that_is_one_field_of_a_line_of_fields(line: str) -> None:
    check(f"Council tax to rise again\n\n{line}\n\n{PROSE}", "2019-03-04", "field-line-date", "4 March 2019",
          DocumentKind.ARTICLE)


@pytest.mark.parametrize("line", ["Jobs | Closing date | 4 March 2019 | Apply", "Home | 4 March 2019 | 5 March 2019 | More",
                                  "Events | 4 March 2019 | Time: 7pm | Town Hall", "Home · News · March 2019 · More"])
def test_lines_of_fields_whose_date_is_not_the_pages(line: str) -> None:
    assert read(f"Council tax to rise again\n\n{line}\n\n{PROSE}", DocumentKind.ARTICLE) is None


@pytest.mark.parametrize("lead", ["February 5, 2021 by Ann Roe", "5 February 2021 By Ann Roe, Parks Editor"])
def test_a_dateline_then_the_writer(lead: str) -> None:
    check(f"Council tax to rise again\n\n{lead}\n\n{PROSE}", "2021-02-05", "lead-dateline", lead.split(" by ")[0]
          .split(" By ")[0], DocumentKind.ARTICLE)


def test_a_date_then_by_and_lower_case_words_is_not_a_dateline() -> None:
    text = f"Council tax to rise again\n\n5 February 2021 by the council's own order\n\n{PROSE}"
    assert read(text, DocumentKind.ARTICLE) is None


@pytest.mark.parametrize(("line", "rule", "words"), [
    ("Delivered on: 5 February 2021 (Original script, may differ from delivered version)", "labelled-date",
     "5 February 2021"),
    ("Release date: 5 February 2021", "published-date", "5 February 2021"),
    ("Volume 123: debated on Tuesday 5 February 2021", "heading-tail-date", "Tuesday 5 February 2021"),
    ("Statement by the Chair of the Parks Board (5 February 2021)", "heading-tail-date", "5 February 2021"),
])
def test_speeches_releases_debates_and_a_date_in_brackets(line: str, rule: str, words: str) -> None:
    check(f"Parks for all\n\n{line}\n\n{PROSE}", "2021-02-05", rule, words)


@pytest.mark.parametrize("line", ["Parks funding to be debated on 5 February 2021",
                                  "Consultation on the parks plan (closes 5 February 2021)",
                                  "Parks plan (1 April 2020 – 31 March 2021)"])
def test_a_debate_to_come_and_other_dates_in_brackets_are_not_read(line: str) -> None:
    assert read(f"Parks for all\n\n{line}\n\n{PROSE}") is None


@pytest.mark.parametrize("heading", ["Parks to reopen – 4 March 2019 | Share | 2 Comments",
                                     "Parks to reopen – 4 March 2019 3 min read"])
def test_a_headlines_date_then_page_furniture(heading: str) -> None:
    check(f"Wessex News\n\n{heading}\n\n{PROSE}", "2019-03-04", "heading-tail-date", "4 March 2019",
          DocumentKind.ARTICLE)


@pytest.mark.parametrize("heading", ["Parks to reopen – 4 March 2019 share prices fell",
                                     "Parks to reopen – 4 March 2019 Print this page for the council"])
def test_a_headlines_date_then_more_words_is_not_read(heading: str) -> None:
    assert read(f"Wessex News\n\n{heading}\n\n{PROSE}", DocumentKind.ARTICLE) is None


def test_a_date_field_after_a_lower_case_reference_value() -> None:
    text = f"Wessex County Council\n\nOur ref: ab/12/cd Date: 4 March 2019\n\nDear Ms Roe,\n\n{PROSE}"
    check(text, "2019-03-04", "form-date-field", "4 March 2019", DocumentKind.LETTER)


# ---- widened in round three: a date line with a two-digit year, "Publish date:", a title "... of <date>" --
def test_a_news_items_date_line_with_a_two_digit_year() -> None:
    text = f"Parks to reopen in the spring\n\n9 Mar 17\n\n{PROSE}"
    check(text, "2017-03-09", "date-line", "9 Mar 17", DocumentKind.ARTICLE)


def test_a_two_digit_year_wrapped_from_a_sentence_is_not_a_date_line() -> None:
    assert read(f"The parks will reopen on\n9 Mar 17\nwhen the works end and the board agrees.\n\n{PROSE}") is None


@pytest.mark.parametrize("label", ["Publish date: ", "Published date: ", "Publishing date "])
def test_a_publish_date_label(label: str) -> None:
    text = f"{label}9 March 2017\n\nTo: All staff in the Parks Service\n\n{PROSE}"
    check(text, "2017-03-09", "published-date", "9 March 2017")


def test_a_closing_date_is_not_a_publish_date() -> None:
    assert read(f"Closing date: 9 March 2017\n\nTo: All staff in the Parks Service\n\n{PROSE}") is None


@pytest.mark.parametrize("heading", [
    "Letter from the Chair to the Leader of Wessex County Council of 4 March 2019",
    "Letter from the Convener to the Minister for Parks of 4 March 2019",
    "Joint letter to the Secretary of State of 4 March 2019",
])
def test_a_letters_title_then_of_and_its_date(heading: str) -> None:
    check(f"Parks Committee\n\n{heading}\n\n{PROSE}", "2019-03-04", "heading-tail-date", "4 March 2019")


@pytest.mark.parametrize("heading", [
    "Reply to the Letter of 4 March 2019",
    "Response to the consultation of 4 March 2019",
    "Response to the Chair's Request of 4 March 2019",
    "Letter to the Chair about the Meeting of 4 March 2019",
    "Letter to the Chair. We thank the Board of 4 March 2019",
    "Letter from our Chair to the Board of 4 March 2019",
    "The Chair of the Board of 4 March 2019",
])
def test_another_things_date_after_of_in_a_title_is_not_read(heading: str) -> None:
    assert read(f"Parks Committee\n\n{heading}\n\n{PROSE}") is None


@pytest.mark.parametrize("opening", [
    "Wessex Community Health NHS Trust Minutes of the Board Meeting in Public Tuesday 3 May 2016",
    "North Wessex Parks and Leisure Trust Minutes of the Trustees Meeting in Private, 3 May 2016 10:00 – 12:00",
])
def test_minutes_heading_after_a_long_body_name_and_meeting_in_public(opening: str) -> None:
    found = read(f"{opening} Present: Ann Roe, Tom Vale\n\n1. Apologies")
    assert found is not None and (found.date.value, found.rule) == ("2016-05-03", "minutes-heading")


@pytest.mark.parametrize("opening", [
    "Residents of Wessex Angry After The Parks Meeting in which the board spoke on 3 May 2016",
    "Meeting in March will decide the future of the parks, 3 May 2016 report says",
])
def test_a_headline_about_a_meeting_in_public_is_not_a_minutes_heading(opening: str) -> None:
    assert read(f"{opening}\n\n{PROSE}", DocumentKind.ARTICLE) is None


# ---- closing-date-line -------------------------------------------------------------------------------
CLOSING = ("Select Committee on Parks Written Evidence\n\nLetter to the Clerk from Ann Roe, Wessex Parks Team\n\n"
           + f"{PROSE}\n\n" * 8 + "I am sorry that the board was not told sooner.\n\n")
NAV_FOOT = "\n\nHouse of Commons home page search page enquiries index\n\n© Copyright 2006\n\nPrepared 2 July 2006"


@pytest.mark.parametrize(("date_line", "words"), [
    ("12 June 2006", "12 June 2006"),
    ("12 June 2006 previous page contents next page", "12 June 2006"),
    ("12 June 2006\n\nprevious page contents next page", "12 June 2006"),
])
def test_a_date_after_a_letters_last_paragraph_then_only_page_furniture(date_line: str, words: str) -> None:
    check(CLOSING + date_line + NAV_FOOT, "2006-06-12", "closing-date-line", words, DocumentKind.LETTER)


@pytest.mark.parametrize("tail", [
    f"12 June 2006\n\n{PROSE}",  # the body goes on
    "12 June 2006\n\n4 July 2006",  # a list of dates
    "12 June 2006 and the board will meet again",  # not page navigation
])
def test_a_date_after_a_paragraph_with_more_after_it_is_not_a_closing_date(tail: str) -> None:
    assert read(CLOSING + tail, DocumentKind.LETTER) is None


def test_a_closing_date_line_is_read_only_in_a_letter() -> None:
    assert read(CLOSING + "12 June 2006" + NAV_FOOT, DocumentKind.ARTICLE) is None


# ---- title-date: a longer formal title ---------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "Parks Act 2008 (Section 12) Decision Notice 3 May 2016 Public Authority: Wessex County Council",
    "1 Parks Act 2008 (Section 12) Decision Notice 3 May 2016 Public Authority: Wessex County Council",
    "Register of Parks and Open Spaces for Wessex Annual Report 3 May 2016 Prepared by: Ann Roe",
])
def test_a_formal_title_naming_the_document_then_its_date(line: str) -> None:
    check(f"Parks Act 2008 (Section 12) Decision Notice\n\n{line}\n\n{PROSE}", "2016-05-03", "title-date",
          "3 May 2016")


@pytest.mark.parametrize("line", [
    "Appeal against the Decision Notice 3 May 2016 by Wessex County Council",
    "Review of the decision notice 3 May 2016 by Wessex County Council",
    "Parks Act 2008 (Section 12) Decision Notice Appeal Hearing 3 May 2016",
])
def test_another_documents_title_before_a_date_is_not_read(line: str) -> None:
    assert read(f"Parks Act 2008 (Section 12) Decision Notice\n\n{line}\n\n{PROSE}") is None
