"""Title rules: a subject line in the body, a line in capitals after the salutation, a heading past a
web page's furniture; and the lines they leave alone. Invented letters."""

from __future__ import annotations

from dossier.analysis.metadata import TITLE_RULES, detect_metadata

HEAD = "Wessex County Council\nCounty Hall\nWessex WX1 2AB\n\n3 March 2019\n\nSam Doe\nWessex Children's Trust\n\n"
BODY = "\n\nI am writing about the buses that serve the county's schools and the changes we propose.\n\n" \
       "Yours sincerely,\n\nAnn Roe\nDirector of Children's Services\n"


def title_of(text: str) -> str | None:
    return detect_metadata(text).title


def test_rules_are_named_with_examples() -> None:
    assert [r.name for r in TITLE_RULES] == ["email-subject", "subject-line", "capitals-after-salutation", "minutes-of",
                                             "heading"]
    assert all(r.description for r in TITLE_RULES)


def test_re_and_subject_lines() -> None:
    assert title_of(HEAD + "Dear Sam,\n\nRe: School transport review" + BODY) == "School transport review"
    assert title_of(HEAD + "Subject: Parking permits\n\nDear Sam," + BODY) == "Parking permits"
    assert title_of(HEAD + "Dear Sam,\n\nRE SCHOOL TRANSPORT REVIEW" + BODY) == "SCHOOL TRANSPORT REVIEW"


def test_a_line_in_capitals_after_the_salutation() -> None:
    assert title_of(HEAD + "Dear Sam,\n\nSCHOOL TRANSPORT REVIEW" + BODY) == "SCHOOL TRANSPORT REVIEW"


def test_leaves_alone_the_salutation_an_address_and_a_name() -> None:
    assert title_of(HEAD + "Dear Sam," + BODY) is None  # "Dear Sam," itself is no title
    assert title_of(HEAD + "Dear Sam,\n\n12 HIGH STREET, WESSEX" + BODY) is None
    assert title_of(HEAD + "Dear Sam,\n\nANN ROE" + BODY) is None
    assert title_of(HEAD + "Dear Sam,\n\nI AM WRITING TO YOU TODAY." + BODY) is None  # a sentence


def test_web_page_furniture_is_never_a_title() -> None:
    page = ("Skip to main content\n\nCookies on the Wessex site\n\nCouncil reviews its school buses\n\n"
            "The council said on Monday that it would review the buses. A spokesman said: \"We will listen.\" "
            "Related articles\n\nRead more\n\nShare this\n")
    found = detect_metadata(page)
    assert found.kind.value == "article"
    assert found.title == "Council reviews its school buses"


MINUTES = ("\n\nPresent: Councillor Ann Roe (Chair), Councillor Sam Doe\n\n1. Apologies\n\nApologies were received "
           "from Councillor Kit Lee.\n\n2. Minutes\n\nThe minutes of the last meeting were agreed.\n")


def test_minutes_are_titled_by_the_body_that_met() -> None:
    assert title_of("WESSEX COUNTY COUNCIL\n\nMINUTES OF THE MEETING OF THE CABINET HELD ON WEDNESDAY 3 MARCH 2021 "
                    "AT 2.00 PM IN THE COUNCIL CHAMBER" + MINUTES) == "Minutes of the Cabinet, Wessex County Council"
    assert title_of("Minutes of the Transport Board held on 9 October 2020 at County Hall" + MINUTES) == \
        "Minutes of the Transport Board"
    assert title_of("WESSEX HEALTH NHS TRUST\n\nMINUTES OF THE PUBLIC MEETING OF THE BOARD OF DIRECTORS HELD ON 27 "
                    "JULY 2022" + MINUTES) == "Minutes of the Board of Directors, Wessex Health NHS Trust"


def test_minutes_of_a_meeting_take_the_body_from_the_heading_above() -> None:
    assert title_of("WESSEX COUNTY COUNCIL\n\nCABINET\n\nMinutes of the meeting held on 16 June 2021 in the Council "
                    "Chamber" + MINUTES) == "Minutes of the Cabinet, Wessex County Council"
    assert title_of("Cabinet Item 4 3 March 2021 12.30 pm\n\nMINUTES OF THE CABINET MEETING HELD ON WEDNESDAY 3 MARCH "
                    "2021" + MINUTES) == "Minutes of the Cabinet"


def test_minutes_of_an_earlier_meeting_in_the_body_are_no_title() -> None:
    # "The minutes of the last meeting were agreed" is an item, far below the head
    assert title_of("Wessex Parish Council\n\nMeeting of 3 March 2021" + MINUTES) != "Minutes of the last meeting"
