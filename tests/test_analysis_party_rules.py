"""The party rule tables: each rule on invented documents in the layout it reads, and the near-misses
it must leave alone. Names, bodies and dates are invented."""

import re

import pytest

from dossier.analysis import detect_metadata
from dossier.analysis.parties import cc_from_sentence, parse_salutation, split_leading_name
from dossier.analysis.party_headers import people_in_header
from dossier.analysis.party_rules import CC_RULES, RECIPIENT_RULES, SENDER_RULES, lead_person, persons_in
from dossier.domain.records import DocumentKind, MessageHeaders

PROSE = ("The council has made steady progress since the spring and the board will meet again to review "
         "the plan in full before the end of the year.")


def rule_of(md, field: str) -> str:
    """The rule that found `field` ("sender", or "recipients:Ann Roe", "cc:Tom Vale")."""
    return next(e.rule for f, e in md.evidence if f == field)


# ---- the tables -------------------------------------------------------------------------------------
def test_rule_names_are_unique_kebab_case_and_say_what_they_read() -> None:
    rules = [*SENDER_RULES, *RECIPIENT_RULES, *CC_RULES]
    names = [rule.name for rule in rules]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", n) for n in names)
    assert all(rule.layout for rule in rules)


def test_sender_rules_put_the_signature_before_the_letterhead() -> None:
    order = [rule.name for rule in SENDER_RULES]
    assert order.index("header-from") < order.index("sign-off-signature") < order.index("letterhead")
    assert order.index("letterhead") < order.index("please-ask-for")


def test_evidence_spans_point_at_the_text_that_was_read() -> None:
    text = ("Tom Vale\nDirector of Housing\nWessex County Council\n\n3 March 2031\n\nDear Mr Vale,\n\n"
            f"{PROSE}\n\nI am copying this letter to Ben Hart.\n\nYours sincerely,\n\nAnn Roe\nChief Executive")
    md = detect_metadata(text)
    spans = {field: (e.rule, text[e.start:e.end]) for field, e in md.evidence}
    assert spans["sender"] == ("sign-off-signature", "Ann Roe")
    assert spans["recipients:Tom Vale"] == ("salutation", "Tom Vale")
    rule, read = spans["cc:Ben Hart"]
    assert rule == "copy-sentence" and "copying this letter to Ben Hart" in read


def test_evidence_from_an_email_header_has_no_span() -> None:
    headers = MessageHeaders(sender="Ann Roe <ann.roe@wessex.example>", to=("Tom Vale <tom@wessex.example>",))
    md = detect_metadata("Tom,\n\nThe figures are attached.\n\nAnn", headers=headers)
    ev = dict(md.evidence)
    assert (ev["sender"].rule, ev["sender"].start, ev["sender"].end) == ("header-from", -1, -1)
    assert ev["recipients:Tom Vale"].rule == "header-to"


# ---- heading-from / heading-to ----------------------------------------------------------------------
def test_heading_from_to_names_sender_and_recipient() -> None:
    text = (f"Letter from Ann Roe MP to Tom Vale, Leader of Wessex County Council\n\n4 May 2031\n\n{PROSE}\n\n"
            f"{PROSE}")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Ann Roe", ("Tom Vale",))
    assert rule_of(md, "sender") == "heading-from"
    assert rule_of(md, "recipients:Tom Vale") == "heading-to"


def test_heading_with_posts_before_the_names_and_a_title_salutation() -> None:
    text = ("Wessex House\n1 High Street\n\n4 May 2031\n\nDear Secretary of State\n\n"
            "Briefing note from the Chief Inspector, Sir Ben Hart, to the Secretary of State for Widgets, "
            f"Rt Hon. Ann Roe MP,on village schools\n\n{PROSE}")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Ben Hart", ("Ann Roe",))


def test_from_line_with_name_and_post_names_the_sender() -> None:
    text = ("From Ann Roe MP, Chair of the Widgets Committee\n\nRt Hon Tom Vale MP The Speaker Wessex Assembly "
            f"Wexcombe\n\n4 May 2031\n\nDear Mr Speaker,\n\n{PROSE}")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Ann Roe", ("Tom Vale",))
    assert "Speaker" not in md.recipients


def test_from_the_office_of() -> None:
    md = detect_metadata(f"From the Office of Ann Roe MS\n\n4 May 2031\n\n{PROSE}\n\n{PROSE}")
    assert md.sender == "Ann Roe"


@pytest.mark.parametrize("line", [
    "From 1 April the scheme will close to new applicants",
    "From the council's point of view the plan is sound",
    "I enclose a letter from Ann Roe to the council",
    "Letter from the Chief Executive to all staff",
])
def test_heading_from_near_misses(line: str) -> None:
    md = detect_metadata(f"{line}\n\n{PROSE}\n\n{PROSE}")
    assert md.sender is None
    assert md.recipients == ()


# ---- heading-by ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "Written statement by Ann Roe MS, Minister for Widgets",
    "Further memorandum submitted by Rt Hon Ann Roe OBE MP, Minister of State for Widgets",
    "Answered by Ann Roe Portrait",
])
def test_heading_by_names_the_author(line: str) -> None:
    md = detect_metadata(f"{line}\n\n{PROSE}\n\n{PROSE}")
    assert md.sender == "Ann Roe"
    assert rule_of(md, "sender") == "heading-by"


@pytest.mark.parametrize("line", [
    "Report by the Chief Executive",
    "Evidence submitted by Wessex County Council",
    "I was asked by Ann Roe to look again at the figures",
])
def test_heading_by_near_misses(line: str) -> None:
    assert detect_metadata(f"{line}\n\n{PROSE}\n\n{PROSE}").sender is None


# ---- speaker-label, name-post-line, post-name-line ------------------------------------------------
def test_speaker_label_names_the_minister() -> None:
    text = f"Widgets Update\n\nWritten Ministerial Statement\n\nThe Minister for Widgets (Ann Roe): {PROSE}\n\n{PROSE}"
    md = detect_metadata(text)
    assert md.sender == "Ann Roe" and md.sender_post == "The Minister for Widgets"
    assert rule_of(md, "sender") == "speaker-label"


def test_speaker_label_needs_a_post_and_a_name() -> None:
    assert detect_metadata(f"Widgets statement\n\nThe council (Wessex): {PROSE}\n\n{PROSE}").sender is None


@pytest.mark.parametrize("line", [
    "Ann Roe, Minister for Widgets",
    "Photo of Ann Roe Ann Roe The Secretary of State for Widgets",
    "Share this page Photo of Ann Roe Ann Roe The Secretary of State for Widgets",
])
def test_name_post_line_under_a_statement_title(line: str) -> None:
    md = detect_metadata(f"Widgets (Wessex)\n\nWritten statement published on 4 May 2031.\n\n{line}\n\n{PROSE}")
    assert md.sender == "Ann Roe"
    assert rule_of(md, "sender") == "name-post-line"


def test_name_post_line_is_not_read_in_a_list_or_a_letter() -> None:
    present = detect_metadata(f"Widgets Group\n\nPresent:\nAnn Roe, Chair of the Group\n\n{PROSE}\n\n{PROSE}")
    assert present.sender is None
    letter = detect_metadata(f"Ann Roe, Chief Executive\n\n4 May 2031\n\nDear Ann,\n\n{PROSE}")
    assert letter.sender is None


def test_post_name_line_under_a_title() -> None:
    text = f"Commissioner's update 4 May 2031\nChief Commissioner Sir Ann Roe\n\n{PROSE}\n\n{PROSE}"
    md = detect_metadata(text)
    assert md.sender == "Ann Roe"
    assert rule_of(md, "sender") == "post-name-line"


@pytest.mark.parametrize("line", ["Chief Executive Ann Roe said the council", "Housing Committee Wessex County"])
def test_post_name_line_near_misses(line: str) -> None:
    assert detect_metadata(f"Update\n{line}\n\n{PROSE}\n\n{PROSE}").sender is None


# ---- labelled senders ----------------------------------------------------------------------------------
def test_reporting_officer_label_on_a_run_together_cover_sheet() -> None:
    text = ("ITEM 4 REPORT TO: Cabinet DATE: 4 May 2031 REPORTING OFFICER: Ann Roe Corporate & "
            f"Widgets Director CONTACT OFFICER: Tom Vale (tel. 123456) SUBJECT: Widgets {PROSE}")
    md = detect_metadata(text)
    assert md.sender == "Ann Roe"
    assert rule_of(md, "sender") == "author-label"


def test_please_ask_for_with_the_name_on_the_next_line() -> None:
    text = ("Wessex County Council\n\nTom Vale\n\nWidgets Committee\n\nPlease ask for: Contact name:\n\nAnn Roe\n\n"
            f"Direct Line:\n\n01234 567890\n\n4 May 2031\n\nDear Mr Vale,\n\n{PROSE}")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Ann Roe", ("Tom Vale",))
    assert rule_of(md, "sender") == "please-ask-for"


def test_labelled_senders_do_not_read_minutes_or_organisations() -> None:
    minutes = ("Minutes of the meeting of the Widgets Committee\n\nResponsible Officer: Ann Roe\n\n"
               f"Present:\n\nTom Vale (Chair)\n\nApologies:\n\nBen Hart\n\n1. Matters arising\n\n{PROSE}")
    assert detect_metadata(minutes).sender is None
    assert detect_metadata(f"Author: Wessex County Council\n\n{PROSE}\n\n{PROSE}").sender is None


# ---- signatures ---------------------------------------------------------------------------------------
def test_co_signed_letter_is_from_the_first_signatory() -> None:
    text = f"Dear Colleague,\n\n{PROSE}\n\nWith best wishes,\n\nAnn Roe, Tom Vale and Ben Hart"
    md = detect_metadata(text)
    assert md.sender == "Ann Roe"


def test_a_signature_naming_a_person_and_a_body_is_not_co_signed() -> None:
    md = detect_metadata(f"Dear Colleague,\n\n{PROSE}\n\nBest wishes,\n\nAnn Roe and Wessex County Council")
    assert md.sender != "Wessex County Council"


def test_closing_name_after_the_last_paragraph() -> None:
    md = detect_metadata(f"Dear Tom,\n\n{PROSE}\n\n{PROSE}\n\nAnn Roe")
    assert md.sender == "Ann Roe"
    assert rule_of(md, "sender") == "closing-name"


def test_closing_name_needs_a_letter_and_a_paragraph_above() -> None:
    assert detect_metadata(f"{PROSE}\n\n{PROSE}\n\nAnn Roe").sender is None  # no salutation
    md = detect_metadata(f"Dear Tom,\n\n{PROSE}\n\nPresent:\nBen Hart\nAnn Roe")
    assert md.sender is None


# ---- recipients -------------------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["Dear Mr Speaker,", "Dear Chair,", "Dear Minister", "Dear Madam President,",
                                  "Dear Colleagues,"])
def test_a_title_in_the_salutation_is_not_a_person(line: str) -> None:
    salutation = parse_salutation(line)
    assert salutation is not None and salutation.names == ()


def test_a_surname_in_the_salutation_is_still_a_person() -> None:
    salutation = parse_salutation("Dear Mr Dean,")
    assert salutation is not None and salutation.names == ("Dean",)


def test_title_salutation_takes_the_address_block() -> None:
    text = (f"Rt Hon Ann Roe MP\nMinister for Widgets\nWidgets House\nLondon\n\n4 May 2031\n\nDear Minister,\n\n"
            f"{PROSE}\n\nYours sincerely,\n\nTom Vale")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Tom Vale", ("Ann Roe",))
    assert rule_of(md, "recipients:Ann Roe") == "address-block"


def test_salutation_surname_is_completed_from_the_address_block_under_the_letterhead() -> None:
    text = ("Wessex County Council\n\nTom Vale AM,\n\nChair of the Widgets Committee,\n\nCardiff Bay\n\n"
            f"4 May 2031\n\nDear Mr Vale AM,\n\n{PROSE}")
    assert detect_metadata(text).recipients == ("Tom Vale",)


def test_to_list_under_dear_colleagues() -> None:
    text = ("To: Ann Roe, Chief Executive, Wessex County Council\nTom Vale, Director of Widgets\n\n4 May 2031\n\n"
            f"Dear Colleagues,\n\n{PROSE}\n\nYours sincerely,\n\nBen Hart")
    md = detect_metadata(text)
    assert md.recipients == ("Ann Roe", "Tom Vale")
    assert rule_of(md, "recipients:Tom Vale") == "to-list"


def test_to_list_of_posts_names_nobody() -> None:
    text = (f"To: Chief Executives of Wessex councils\n\n4 May 2031\n\nDear Colleagues,\n\n{PROSE}\n\n"
            "Yours sincerely,\n\nBen Hart")
    assert detect_metadata(text).recipients == ()


def test_one_line_address_block_with_the_post_after_the_name() -> None:
    name, rest = split_leading_name("Rt Hon Ann Roe MP The Speaker Wessex Assembly Wexcombe")
    assert (name, rest) == ("Ann Roe", "The Speaker Wessex Assembly Wexcombe")
    assert split_leading_name("The Rt Hon The Lord Vale")[0] == "Vale"


# ---- copy lists -----------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "I have coped this to Ann Roe.",
    "I have copied this to Ann Roe.",
    "We are copying this to Ann Roe.",
    "I am also copying it to Ann Roe.",
])
def test_first_person_copy_sentences(sentence: str) -> None:
    assert cc_from_sentence(f"{PROSE} {sentence} {PROSE}") == ["Ann Roe"]


@pytest.mark.parametrize("sentence", [
    "I have copied this approach to Ann Roe's team.",
    "Ann Roe copied this to the council.",
    "We will copy this to the committee.",
])
def test_first_person_copy_sentence_near_misses(sentence: str) -> None:
    assert cc_from_sentence(f"{PROSE} {sentence}") == []


def test_copy_sentence_stops_at_the_paragraph_end() -> None:
    md = detect_metadata(f"Dear Tom,\n\n{PROSE} I am copying this letter to Ann Roe\n\nBen Hart\nChief Executive")
    assert md.cc == ("Ann Roe",)


def test_cc_in_document_order_with_a_rule_each() -> None:
    text = (f"Dear Tom,\n\n{PROSE} I am copying this letter to Ann Roe.\n\nYours sincerely,\n\nBen Hart\n\n"
            "Copies: Cy Marsh, Dee Fox")
    md = detect_metadata(text)
    assert md.cc == ("Ann Roe", "Cy Marsh", "Dee Fox")
    assert rule_of(md, "cc:Ann Roe") == "copy-sentence"
    assert rule_of(md, "cc:Dee Fox") == "copy-to-list"


def test_folded_printed_cc_header() -> None:
    text = ("From: Ann Roe\nTo: Tom Vale\nCc: Ben Hart, Cy Marsh, Dee\n   J Fox, Nora Quill\nSubject: Widgets\n\n"
            "Tom,\n\nThe figures are attached.\n\nAnn")
    md = detect_metadata(text)
    assert md.cc == ("Ben Hart", "Cy Marsh", "Dee J Fox", "Nora Quill")


def test_a_header_line_is_not_folded_into_the_body() -> None:
    text = "From: Ann Roe\nTo: Tom Vale\nThank you for the figures, which I have now read.\n\nAnn"
    assert detect_metadata(text).recipients == ("Tom Vale",)


def test_a_surname_that_is_also_a_common_word_in_a_header() -> None:
    assert people_in_header(["Nora Quill, Tom Best"], prettify_address=False, strict=True) == ["Nora Quill", "Tom Best"]
    assert people_in_header(["Widgets Team, Page"], prettify_address=False, strict=True) == []


# ---- helpers --------------------------------------------------------------------------------------
def test_lead_person_stops_before_a_post() -> None:
    assert lead_person("Rt Hon Ann Roe MBE MP, Minister of State for Widgets")[0] == "Ann Roe"
    assert lead_person("Ann Roe Strategic Director")[0] == "Ann Roe"
    assert lead_person("Ann Le Roe")[0] == "Ann Le Roe"
    assert lead_person("the Chief Executive")[0] is None


def test_persons_in_a_phrase_of_posts_and_names() -> None:
    assert persons_in("the Chief Inspector, Sir Ben Hart, and Ann Roe MP") == ["Ben Hart", "Ann Roe"]


def test_article_keeps_its_byline_and_no_recipients() -> None:
    text = ("Council told to act on widgets\n\nBy Ann Roe, Local Democracy Reporter\n\n"
            "Wessex County Council has been told to act, a report said. \"We will act,\" a spokesman said. "
            "The council said it agreed. Ministers warned it was failing, according to the report.\n\n"
            "Tom Vale\nChief Executive\nWessex County Council")
    md = detect_metadata(text)
    assert md.kind is DocumentKind.ARTICLE
    assert md.sender == "Ann Roe" and md.recipients == ()


# ---- more layouts ---------------------------------------------------------------------------------
def test_heading_to_then_from() -> None:
    md = detect_metadata(f"Letter to the Chair from Ann Roe MP\n\n4 May 2031\n\nDear Chair,\n\n{PROSE}\n\n{PROSE}")
    assert md.sender == "Ann Roe"
    assert md.recipients == ()  # "the Chair" is a post, and "Dear Chair" a title
    md = detect_metadata(f"Letter to Tom Vale from Ann Roe\n\n{PROSE}\n\n{PROSE}")
    assert (md.sender, md.recipients) == ("Ann Roe", ("Tom Vale",))


def test_speaker_made_the_following_statement() -> None:
    text = f"Widgets\n\nThe Secretary of State for Widgets (Ann Roe) made the following statement\n\n{PROSE}"
    assert detect_metadata(text).sender == "Ann Roe"


def test_a_post_alone_making_a_statement_names_nobody() -> None:
    assert detect_metadata(f"Widgets\n\nThe Secretary of State made the following statement\n\n{PROSE}").sender is None


def test_address_before_the_date_is_the_writers() -> None:
    text = ("Ann Roe\n12 Elm Road\nWexcombe WX1 2AB\n\n4 May 2031\n\nTom Vale\nWessex County Council\nCounty Hall\n\n"
            f"Dear Mr Vale,\n\n{PROSE}")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Ann Roe", ("Tom Vale",))
    assert rule_of(md, "sender") == "address-before-date"


def test_an_addressee_block_before_the_date_is_not_the_writers() -> None:
    text = f"Tom Vale\nWessex County Council\nCounty Hall\n\n4 May 2031\n\nDear Mr Vale,\n\n{PROSE}"
    md = detect_metadata(text)
    assert md.sender is None and md.recipients == ("Tom Vale",)


def test_folded_eml_headers_and_a_surname_first_display_name() -> None:
    from dossier.ingest.eml import read_eml

    raw = (b"From: Ann Roe <ann@wessex.example>\r\nTo: Tom Vale <tom@wessex.example>,\r\n Ben Hart <ben@wessex.example>"
           b"\r\nCc: \"Quill, Nora\" <nora@wessex.example>, Cy\r\n Marsh <cy@wessex.example>\r\nSubject: Widgets\r\n"
           b"Date: Mon, 4 May 2031 10:00:00 +0100\r\n\r\nTom,\r\n\r\nThe figures are attached.\r\n\r\nAnn\r\n")
    extracted = read_eml(raw)
    md = detect_metadata(extracted.text, headers=extracted.headers)
    assert (md.sender, md.recipients, md.cc) == ("Ann Roe", ("Tom Vale", "Ben Hart"), ("Nora Quill", "Cy Marsh"))


def test_memo_from_line_gives_the_post() -> None:
    text = f"MEMORANDUM\n\nTo: All Heads of Service\nFrom: Ann Roe, Chief Executive\nDate: 4 May 2031\nSubject: Widgets\n\n{PROSE}"
    md = detect_metadata(text)
    assert (md.sender, md.sender_post, md.recipients) == ("Ann Roe", "Chief Executive", ())


def test_salutation_first_name_is_completed_from_the_heading() -> None:
    text = (f"Letter from Ann Roe, Minister for Widgets, to Tom Vale, Chief Executive of Wessex County Council\n\n"
            f"Published 4 May 2031\n\nDear Tom,\n\n{PROSE}\n\nYours sincerely,\n\nAnn Roe MP\nMinister for Widgets")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Ann Roe", ("Tom Vale",))
    assert rule_of(md, "recipients:Tom Vale") == "salutation"


def test_heading_by_with_the_post_before_the_name() -> None:
    md = detect_metadata(f"Statement by the Leader of the Council, Cllr Ann Roe\n\n{PROSE}\n\n{PROSE}")
    assert md.sender == "Ann Roe"


def test_closing_name_above_a_copy_line() -> None:
    md = detect_metadata(f"Dear Tom,\n\n{PROSE}\n\nAnn Roe\n\ncc: Ben Hart")
    assert (md.sender, md.cc) == ("Ann Roe", ("Ben Hart",))


def test_a_header_naming_posts_names_no_recipient() -> None:
    assert people_in_header(["Chief Executives of Wessex councils <ce@wessex.example>"], prettify_address=False) == []
    assert people_in_header(["All Heads of Service"], prettify_address=False) == []
    assert people_in_header(["Widgets Team <team@wessex.example>"], prettify_address=False) == ["Widgets Team"]
    assert people_in_header(["Ann Roe (Director) <ann@wessex.example>"], prettify_address=False) == ["Ann Roe"]


def test_a_caption_under_a_news_headline_is_not_the_author() -> None:
    text = ("Council told to act on widgets\n\nAnn Roe, Leader of Wessex County Council\n\n"
            "Wessex County Council has been told to act, a report said. \"We will act,\" a spokesman said. "
            "The council said it agreed. Ministers warned it was failing, according to the report.\n\n"
            "Comments (3)\n\nRelated articles\n\nShare this")
    md = detect_metadata(text)
    assert md.kind is DocumentKind.ARTICLE
    assert md.sender is None


def test_a_statement_page_in_the_first_person_names_its_author() -> None:
    text = ("Widgets support\n\nAnn Roe, Minister for Widgets\n\nFirst published:\n4 May 2031\n\n"
            "We are all aware of the pressures on councils. I have asked my officials to act and our plan is set "
            "out below. Related articles\n\nShare this")
    md = detect_metadata(text)
    assert md.sender == "Ann Roe"


def test_cc_d_sentence() -> None:
    assert cc_from_sentence(f"{PROSE} I have cc'd this to Ann Roe.") == ["Ann Roe"]
    assert cc_from_sentence(f"{PROSE} I have cc'd the council on this.") == []


def test_printed_to_list_of_one_entry_a_line() -> None:
    text = ("MEMORANDUM\n\nTo: Ann Roe, Chief Executive\nTom Vale, Director of Widgets\nFrom: Ben Hart, Head of Legal\n"
            f"Date: 4 May 2031\nSubject: Widgets\n\n{PROSE}")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Ben Hart", ("Ann Roe", "Tom Vale"))


def test_a_from_line_running_into_a_sentence_names_nobody() -> None:
    md = detect_metadata(f"From Monday 4 May, Ann Roe will lead the review\n\n{PROSE}\n\n{PROSE}")
    assert md.sender is None


@pytest.mark.parametrize("text", [
    f"Letter from Ann Roe MP to Tom Vale\n\n{PROSE}",
    f"Dear Mr Vale,\n\n{PROSE}\n\nYours sincerely,\n\nAnn Roe\n\nCopy to:\nBen Hart, Chief Executive",
    f"REPORT TO: Cabinet REPORTING OFFICER: Ann Roe Director CONTACT OFFICER: Tom Vale\n\n{PROSE}",
    f"Widgets\n\nWritten statement\n\nThe Minister for Widgets (Ann Roe): {PROSE}",
])
def test_every_span_holds_the_name_it_found(text: str) -> None:
    md = detect_metadata(text)
    assert md.evidence
    for field, ev in md.evidence:
        name = md.sender if field == "sender" else field.split(":", 1)[1]
        assert name is not None and name.split()[-1] in text[ev.start:ev.end]


def test_from_label_on_a_web_page() -> None:
    text = (f"Press release\n\nWidgets funding announced\n\nFrom: Department for Widgets and The Rt Hon Ann Roe MP\n"
            f"Published 4 May 2031\n\n{PROSE}\n\n{PROSE}")
    md = detect_metadata(text)
    assert md.sender == "Ann Roe"
    assert rule_of(md, "sender") == "from-label"
    assert detect_metadata(f"Widgets\n\nFrom: Department for Widgets\n\n{PROSE}\n\n{PROSE}").sender is None


def test_capitals_byline_on_a_paper() -> None:
    md = detect_metadata(f"WIDGETS REVIEW\n\nBY ANN ROE, CHIEF EXECUTIVE\n\n{PROSE}\n\n{PROSE}")
    assert md.sender == "Ann Roe"


@pytest.mark.parametrize("line", ["By email only", "By way of background, Ann Roe wrote to the council",
                                  "By 4 May 2031 the council must reply"])
def test_by_lines_that_are_not_bylines(line: str) -> None:
    assert detect_metadata(f"Widgets\n\n{line}\n\n{PROSE}\n\n{PROSE}").sender is None


def test_email_signature_with_pipes() -> None:
    text = f"Hi Tom,\n\n{PROSE}\n\nKind regards\nAnn\n\nAnn Roe | Policy Officer | Wessex County Council | 01234 567890"
    md = detect_metadata(text)
    assert (md.sender, md.sender_post) == ("Ann Roe", "Policy Officer")


def test_signature_with_a_bracketed_title() -> None:
    md = detect_metadata(f"Dear Mr Vale,\n\n{PROSE}\n\nYours sincerely,\n\nAnn Roe (Mrs)\nClerk to the Council")
    assert (md.sender, md.sender_post) == ("Ann Roe", "Clerk to the Council")


def test_salutation_first_name_is_completed_from_a_to_list() -> None:
    text = f"To: Ann Roe, Chief Executive\n\n4 May 2031\n\nDear Ann,\n\n{PROSE}\n\nYours sincerely,\n\nTom Vale"
    assert detect_metadata(text).recipients == ("Ann Roe",)


def test_the_first_speaker_in_a_debate_is_no_sender() -> None:
    text = (f"Widgets Bill\n\nSecond Reading\n\nThe Deputy Speaker (Ann Roe): Order. {PROSE}\n\n"
            f"Tom Vale (Wessex North) (Lab): {PROSE}")
    assert detect_metadata(text).sender is None


def test_an_oral_statement_names_its_minister() -> None:
    text = (f"Widgets\n\n12.31 pm\n\nThe Secretary of State for Widgets (Ann Roe): With permission, I will make a "
            f"statement on widgets. {PROSE}")
    assert detect_metadata(text).sender == "Ann Roe"


def test_a_signature_is_kept_when_the_salutation_greets_the_same_first_name() -> None:
    md = detect_metadata(f"Dear Ann,\n\n{PROSE}\n\nYours sincerely,\n\nAnn Bee\nDirector of Widgets")
    assert md.sender == "Ann Bee"


def test_a_letterhead_greeted_by_the_salutation_is_the_addressee() -> None:
    md = detect_metadata(f"Ann Roe\nChief Executive\nWessex County Council\n\n4 May 2031\n\nDear Ann,\n\n{PROSE}")
    assert (md.sender, md.recipients) == (None, ("Ann Roe",))


@pytest.mark.parametrize(("text", "name"), [
    ("Ann Roe Corporate & Widgets Director", "Ann Roe"),
    ("Ann Roe Strategic Director", "Ann Roe"),
    ("Mary Ann Roe Director of Widgets", "Mary Ann Roe"),
    ("Ann Roe", "Ann Roe"),
    ("Wessex Corporate Services", None),
])
def test_lead_person_on_a_flattened_line(text: str, name: str | None) -> None:
    assert lead_person(text)[0] == name


# ---- round 2: references before headings, posts before names, labelled makers, web statements, addresses
def test_heading_after_a_reference_names_sender_and_its_post() -> None:
    text = (f"WX(AB) 12: Letter to the Chair of the Committee from Rt Hon Ann Roe MP, Minister for Widgets\n\n"
            f"{PROSE}\n\nI am copying this letter to the Widgets Secretary.\n\n4 May 2031\n\n"
            f"Letter from the Chair of the Committee to Rt Hon Ann Roe MP, Minister for Widgets\n\n{PROSE}")
    md = detect_metadata(text)
    assert md.sender == "Ann Roe" and md.sender_post == "Minister for Widgets"
    assert rule_of(md, "sender") == "heading-from"
    assert md.recipients == ()  # the first heading's "to" is a post; the second heads the reply


def test_a_later_heading_heads_a_reply_not_the_document() -> None:
    text = (f"Letter from the Chair to Tom Vale\n\n{PROSE}\n\n4 May 2031\n\n"
            f"Letter from Tom Vale to the Chair\n\n{PROSE}")
    md = detect_metadata(text)
    assert md.sender is None
    assert md.recipients == ("Tom Vale",)


@pytest.mark.parametrize("line", [
    "Item 4: the letter from the parish was noted",
    "12: From 1 April the scheme will close",
])
def test_a_reference_before_a_line_that_is_no_heading(line: str) -> None:
    md = detect_metadata(f"{line}\n\n{PROSE}\n\n{PROSE}")
    assert md.sender is None and md.recipients == ()


@pytest.mark.parametrize(("line", "post"), [
    ("A statement from HM Chief Inspector of Widgets Ann Roe:", "HM Chief Inspector of Widgets"),
    ("Statement by the Director of Housing Ann Roe", "the Director of Housing"),
])
def test_heading_with_a_post_before_the_name(line: str, post: str) -> None:
    md = detect_metadata(f"{line}\n\n{PROSE}\n\n{PROSE}")
    assert (md.sender, md.sender_post) == ("Ann Roe", post)


@pytest.mark.parametrize("line", [
    "A statement from the Chief Inspector:",
    "A statement from Wessex County Council Housing Team:",
    "Statement by the Chief Inspector on widgets",
])
def test_heading_with_a_post_and_no_name_names_nobody(line: str) -> None:
    assert detect_metadata(f"{line}\n\n{PROSE}\n\n{PROSE}").sender is None


def test_made_by_field_names_the_statement_maker() -> None:
    text = ("Statements to the Assembly\n\nSearch\nFilter\n\nSort by date\nPage 1 of 9\nPrint\nStatement\n"
            "Department for Widgets\nMade on: 4 May 2031\nMade by: Ann Roe (Secretary of State for Widgets)\n"
            f"Wessex Assembly\n\nWidgets\n\n{PROSE}\n\n{PROSE}")
    md = detect_metadata(text)
    assert (md.sender, md.sender_post) == ("Ann Roe", "Secretary of State for Widgets")
    assert rule_of(md, "sender") == "author-label"


@pytest.mark.parametrize("text", [
    f"Widgets\n\nThe plan was made by: the council in the spring.\n\n{PROSE}",
    f"Widgets\n\nMade by: Wessex County Council\n\n{PROSE}",
])
def test_made_by_near_misses(text: str) -> None:
    assert detect_metadata(text).sender is None


def test_name_post_line_over_a_published_label_without_the_first_person() -> None:
    text = ("Skip to main content\n\nAnn Roe, Cabinet Secretary for Widgets\n\nFirst published:\n4 May 2031\n"
            "Last updated:\n\nThe widgets scheme is required by law. A report on the scheme has been laid today. "
            "The report is available online.")
    md = detect_metadata(text)
    assert (md.sender, md.sender_post) == ("Ann Roe", "Cabinet Secretary for Widgets")
    assert rule_of(md, "sender") == "name-post-line"


def test_a_caption_over_a_date_line_is_still_no_author_without_a_published_label() -> None:
    text = ("Council told to act on widgets\n\nAnn Roe, Leader of Wessex County Council\n\n4 May 2031\n\n"
            "Wessex County Council has been told to act, a report said. The council said it agreed. "
            "Ministers warned it was failing, according to the report.\n\nComments (3)\n\nRelated articles")
    assert detect_metadata(text).sender is None


def test_copy_addresses_that_are_names_read_as_names() -> None:
    headers = MessageHeaders(sender="Ann Roe <ann.roe@wessex.gov.uk>",
                             cc=("cllr.tom.vale@wessex.gov.uk; Ben.McHale@wessex.gov.uk; planning.policy@wessex.gov.uk;"
                                 " ann@wessex.gov.uk; j.hart@wessex.gov.uk",))
    md = detect_metadata(f"Hello\n\n{PROSE}", headers=headers)
    assert md.cc == ("Tom Vale", "Ben McHale", "planning.policy@wessex.gov.uk", "ann@wessex.gov.uk",
                     "j.hart@wessex.gov.uk")


def test_minutes_have_no_sender_recipients_or_copies() -> None:
    text = ("Minutes of the Meeting of Wessex Town Council held on 4 May 2031\n\n"
            "Cllrs A Roe, T Vale (Deputy Mayor), B Hart and C Lane\n\n"
            "D Moss, Town Clerk\nE Lark, Finance Officer\n\n1 Apologies for Absence\n\n"
            f"Apologies were received from Cllr Wren. {PROSE}\n\nSigned\n\nAnn Roe\nChair")
    md = detect_metadata(text)
    assert md.kind is DocumentKind.MINUTES
    assert (md.sender, md.recipients, md.cc) == (None, (), ())


def test_minutes_sent_as_an_email_keep_the_email_parties() -> None:
    headers = MessageHeaders(sender="Ann Roe <ann.roe@wessex.gov.uk>", to=("Tom Vale <tom.vale@wessex.gov.uk>",))
    text = f"Minutes of the meeting of the Widgets Committee\n\nPresent:\nAnn Roe\nTom Vale\n\n{PROSE}"
    md = detect_metadata(text, headers=headers)
    assert (md.sender, md.recipients) == ("Ann Roe", ("Tom Vale",))


# ---- round 3: a page title before the heading, a post alone in a heading, a salutation greeting a body
@pytest.mark.parametrize("line", [
    "Review of widget licensing: letter from Ann Roe MP to councils (accessible)",
    "Widgets and village schools: Letter to all councils from Ann Roe MP",
])
def test_a_page_title_before_the_heading_noun(line: str) -> None:
    md = detect_metadata(f"Correspondence\n\n{line}\n\nPublished 4 May 2031\n\n{PROSE}\n\n{PROSE}")
    assert md.sender == "Ann Roe"
    assert rule_of(md, "sender") == "heading-from"


@pytest.mark.parametrize("line", [
    "Widget licensing: we discussed the letter from Ann Roe to councils",
    "Widget licensing: from Ann Roe to councils",
    "Widget licensing: Ann Roe wrote to councils",
])
def test_a_page_title_before_no_heading(line: str) -> None:
    assert detect_metadata(f"{line}\n\n{PROSE}\n\n{PROSE}").sender is None


@pytest.mark.parametrize("line", [
    "Letter from the Convener to the Minister for Widgets of 4 May 2031",
    "Letter from the Registrar to Wessex County Council",
])
def test_a_heading_naming_only_a_post_names_no_sender(line: str) -> None:
    md = detect_metadata(f"{line}\n\nDear Minister\n\n{PROSE}\n\n{PROSE}")
    assert md.sender is None


def test_lead_person_is_not_a_post_alone() -> None:
    assert lead_person("the Convener")[0] is None
    assert persons_in("the Convener, Ann Roe") == ["Ann Roe"]


@pytest.mark.parametrize(("greeting", "body"), [
    ("Dear Wessex County Council,", "Wessex County Council"),
    ("Dear Wexcombe Widgets Trust,", "Wexcombe Widgets Trust"),
    ("Dear Department for Widgets,", "Department for Widgets"),
])
def test_a_salutation_greeting_a_body_names_the_body(greeting: str, body: str) -> None:
    md = detect_metadata(f"Widget permits: emails\n\n{greeting}\n\n{PROSE}\n\nYours faithfully,\n\nTom Vale")
    assert (md.sender, md.recipients) == ("Tom Vale", (body,))
    assert rule_of(md, f"recipients:{body}") == "salutation-body"


@pytest.mark.parametrize("greeting", [
    "Dear Chief Executive,", "Dear Council,", "Dear friends of the park,", "Dear Sir or Madam,",
    "Dear Members of the Widgets Committee,", "Dear Colleagues,",
])
def test_salutation_body_near_misses(greeting: str) -> None:
    md = detect_metadata(f"{greeting}\n\n{PROSE}\n\nYours faithfully,\n\nTom Vale")
    assert md.recipients == ()


def test_a_greeted_first_name_completed_from_a_run_together_address_line() -> None:
    text = ("Rt Hon MP Chancellor of the Duchy of Wessex and Minister for the Rt Hon Tom Vale MP Secretary of State "
            f"for Widgets By email\n\n4 May 2031\n\nDear Ben and Tom,\n\n{PROSE}\n\nYours sincerely,\n\nAnn Roe")
    md = detect_metadata(text)
    assert md.recipients == ("Ben", "Tom Vale")
    assert rule_of(md, "recipients:Tom Vale") == "salutation"


@pytest.mark.parametrize("head", [
    "Tom Vale MP and Tom Hart MP Widgets Committee By email",  # two different Toms: not told which
    "Wessex Widgets Committee By email",  # no Tom in the head
])
def test_a_greeted_first_name_kept_when_the_head_does_not_say(head: str) -> None:
    text = f"{head}\n\n4 May 2031\n\nDear Tom,\n\n{PROSE}\n\nTom Quill wrote to us.\n\nYours sincerely,\n\nAnn Roe"
    md = detect_metadata(text)
    assert md.recipients == ("Tom",)
