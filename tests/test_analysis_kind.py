"""Document kinds from layout and vocabulary."""

import pytest

from dossier.analysis.kind import detect_kind
from dossier.domain.records import DocumentKind

LETTER_NO_SALUTATION = """I wrote to you last month about the condition of the county's bridges. I am now writing to
update you on my plans, which you will want to discuss with your officers.

I would expect your team to report to me by the spring."""

ARTICLE = """Ferry operator faces review after winter cancellations

Islanders say the timetable has failed them for three years

The ministry has announced a review of the ferry contract, the transport minister said on Monday.

"We have heard the concerns of residents," a spokeswoman said. The operator told reporters it welcomed it.

Related articles: Harbour dues to rise

Comments are closed."""

MINUTES = """Minutes of the Estates Committee meeting held on 4 April 2017

Present: Alice Grey (Chair), Tom Baker, Ruth Sim
Apologies: Ian Moss

1. Matters arising
Action: TB to circulate the plan."""

REPORT = """Independent review of youth services

Executive summary

1. Introduction
The review considered the service.

2. Findings
The service is weak.

3. Recommendations
The council should act."""


def test_email_from_headers_or_file_name() -> None:
    assert detect_kind("Dear Jo,", is_email=True) is DocumentKind.EMAIL
    assert detect_kind("hello", file_name="Re_ budget.eml") is DocumentKind.EMAIL
    assert detect_kind("hello", media_type="message/rfc822") is DocumentKind.EMAIL


def test_letter_from_salutation_sign_off_or_letter_phrases() -> None:
    assert detect_kind("Some text.", has_salutation=True) is DocumentKind.LETTER
    assert detect_kind("Thanks for your help.\n\nYours sincerely\n\nAl Bee") is DocumentKind.LETTER
    assert detect_kind("I write following the announcement this morning.") is DocumentKind.LETTER
    assert detect_kind("I am copying this letter to the board.") is DocumentKind.LETTER
    assert detect_kind(LETTER_NO_SALUTATION) is DocumentKind.LETTER


def test_article_from_reporting_style() -> None:
    assert detect_kind(ARTICLE) is DocumentKind.ARTICLE


def test_article_quoting_a_letter_is_still_an_article() -> None:
    quoting = ARTICLE.replace('"We have heard', '"I am writing to say we have heard')
    assert detect_kind(quoting) is DocumentKind.ARTICLE


def test_minutes_note_report_other() -> None:
    assert detect_kind(MINUTES) is DocumentKind.MINUTES
    assert detect_kind("File note\n\nCall with the auditor on budgets.") is DocumentKind.NOTE
    assert detect_kind("Note for the record\n\nThe panel met.") is DocumentKind.NOTE
    assert detect_kind("Note of a meeting with the regulator\n\nPoints made.") is DocumentKind.NOTE
    assert detect_kind(REPORT) is DocumentKind.REPORT
    assert detect_kind("Schedule of payments\nItem 1 £400\nItem 2 £300") is DocumentKind.OTHER


def test_note_heading_must_be_a_heading() -> None:
    assert detect_kind("Memo\n\nTo: the board\n\nThe figures follow.") is DocumentKind.NOTE
    assert detect_kind("Note: the figures below are provisional.\n\nTable 1") is DocumentKind.OTHER
    assert detect_kind("Memorandum of understanding between the parties\n\nClause 1") is not DocumentKind.NOTE


def test_signature_posts_starting_with_chair_do_not_make_minutes() -> None:
    text = ("Chair\nWexcombe Parks Trust\n\nDear Ines,\n\nI write about the plan.\n\nYours sincerely,\n\n"
            "Tobin Marsh\nChair cc: Omar Quist, Chair of Governors\nChair of the Audit Panel, Pia Lund")
    assert detect_kind(text, has_salutation=True) is DocumentKind.LETTER
    assert detect_kind("Present: Ann Lee, Bo Tam\nChair: Ann Lee\nApologies: Cy Moss") is DocumentKind.MINUTES


@pytest.mark.parametrize("head", [
    "WTC(31)M04 Minutes of the Annual Meeting of Wessex Town Council held on 4 May 2031",
    "MINUTES Parish Council Meeting held in the Church Rooms on 4 May 2031 at 7pm",
    "Minutes – Widgets Committee meeting, 4 May 2031",
    "Agenda, decisions and minutes",
    "Agenda and minutes",
    "Wexcombe Widgets NHS Trust Minutes of the Board Meeting in Public Tuesday 4 May 2031 Members: Ann Roe",
    "Wessex Town Council Minutes of the Planning Committee held on 4 May 2031",
    "Annual Parish Meeting 2031 Minutes",
    "Widgets Committee Minutes",
])
def test_minutes_headings_in_more_layouts(head: str) -> None:
    text = f"{head}\n\nThe Chair welcomed everyone. The council noted the report and agreed the budget."
    assert detect_kind(text) is DocumentKind.MINUTES


@pytest.mark.parametrize("head", [
    "Minutes of evidence are published separately",
    "Agenda and papers for the next session",
    "Ten minutes later the meeting was interrupted",
    "10 minutes later the meeting was interrupted",
    "The Minutes of the Board meeting were agreed",
    "Please find the Minutes of the Board meeting attached",
    "Ann Roe Minutes of the Board meeting",
])
def test_minutes_heading_near_misses(head: str) -> None:
    text = f"{head}\n\nThe council noted the report and agreed the budget."
    assert detect_kind(text) is not DocumentKind.MINUTES


def test_a_minutes_heading_below_blank_lines_and_furniture() -> None:
    text = ("Annual meeting\n\n\n\nDownload a copy here (PDF file).\n\n\n\nWessex Town Council\n\n\n\n"
            "Minutes of the Annual Meeting held at the Village Hall on 4 May 2031.\n\n"
            "The Chair welcomed everyone. The council noted the report and agreed the budget.")
    assert detect_kind(text) is DocumentKind.MINUTES


@pytest.mark.parametrize("head", [
    "An open letter from Ann Roe OBE, Chief Executive",
    "Open letter to the residents of Wexcombe",
])
def test_an_open_letter_heading_makes_a_letter(head: str) -> None:
    text = f"{head}\n\nThe board has made steady progress and the service will reopen in the spring."
    assert detect_kind(text) is DocumentKind.LETTER


@pytest.mark.parametrize("head", [
    "The open letter from Ann Roe was published on Monday.",
    "Residents respond to the open letter",
])
def test_open_letter_near_misses(head: str) -> None:
    text = f"{head}\n\nThe board has made steady progress and the service will reopen in the spring."
    assert detect_kind(text) is not DocumentKind.LETTER
