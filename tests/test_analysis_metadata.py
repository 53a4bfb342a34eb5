"""detect_metadata end to end: invented letters, emails and articles, plus excerpts like the samples."""


import pytest

from dossier.analysis import detect_metadata
from dossier.domain.records import DocumentKind, MessageHeaders

FULL_LETTER = """OFFICIAL-SENSITIVE

Rt Hon Margaret Okafor MP
Minister of State for Rural Housing

2 Marsham Street
London SW1P 4DF

Our ref: MIN/2019/00417    Your ref: WDC/88

Mrs Priya Raman-Thorne
Chief Executive
Wexcombe District Council
Civic Offices, Bell Lane
Wexcombe WX1 2AB

Thursday 14th November 2019

Dear Priya,

Re: Temporary accommodation standards

I am writing to set out the steps I expect the Council to take. On 3 October 2019 your officers told
mine that a plan would follow. By 31 January 2020 I want to see it.

I am copying this letter to Cllr Owen Bickerstaff – Leader of the Council, Dr Hannah Lisle (Director
of Housing) and Sir Neville Grice - Chair, Wexcombe Housing Board.

Yours sincerely,

Margaret Okafor

Margaret Okafor MP
Minister of State for Rural Housing

OFFICIAL-SENSITIVE"""


def test_full_letter() -> None:
    md = detect_metadata(FULL_LETTER, file_name="letter.pdf", media_type="application/pdf")
    assert md.kind is DocumentKind.LETTER
    assert md.date is not None
    assert (md.date.value, md.date.text) == ("2019-11-14", "Thursday 14th November 2019")
    assert (md.sender, md.sender_post) == ("Margaret Okafor", "Minister of State for Rural Housing")
    assert md.recipients == ("Priya Raman-Thorne",)
    assert md.cc == ("Owen Bickerstaff", "Hannah Lisle", "Neville Grice")
    assert md.title == "Temporary accommodation standards"
    assert md.reference == "MIN/2019/00417"
    assert md.marking == "OFFICIAL-SENSITIVE"


def test_normalised_form_of_the_same_letter_gives_the_same_answer() -> None:
    paragraphs = [p.replace("\n", " ") if len(p) > 200 else p for p in FULL_LETTER.split("\n\n")]
    md = detect_metadata("\n\n".join(paragraphs))
    assert md.date is not None and md.date.value == "2019-11-14"
    assert (md.sender, md.recipients) == ("Margaret Okafor", ("Priya Raman-Thorne",))
    assert md.cc == ("Owen Bickerstaff", "Hannah Lisle", "Neville Grice")


@pytest.mark.parametrize(
    ("date_line", "value"),
    [
        ("27 June 2016", "2016-06-27"),
        ("27th June 2016", "2016-06-27"),
        ("27 Jun 2016", "2016-06-27"),
        ("27/06/2016", "2016-06-27"),
        ("27.06.2016", "2016-06-27"),
        ("Monday 27 June 2016", "2016-06-27"),
        ("June 27, 2016", "2016-06-27"),
        ("2016-06-27", "2016-06-27"),
        ("2-7 June 2016", "2016-06-27"),
        ("2 7 June 2016", "2016-06-27"),
        ("27 Junc 2016", "2016-06-27"),
        ("June 2016", "2016-06"),
    ],
)
def test_letter_date_forms(date_line: str, value: str) -> None:
    text = f"Ms Oona Threlfall\nHarbour Trust\nQuay Street\nPortmere PM2 3CD\n\n{date_line}\n\nDear Oona,\n\nI write to thank you."
    md = detect_metadata(text)
    assert md.date is not None
    assert (md.date.value, md.date.text) == (value, date_line)


def test_date_just_after_the_salutation() -> None:
    md = detect_metadata("Dear Oona,\n\n12 May 2015\n\nI write to thank you for your help.")
    assert md.date is not None and md.date.value == "2015-05-12"


def test_no_date_from_prose() -> None:
    text = ("I wrote to you on 3 September, expressing my concerns about the service. The report published\n"
            "on 27 March showed a similar picture. I expect the plan to be ready by\n"
            "June 2014.\n\nThe work will be done in December 2014 at the latest.")
    assert detect_metadata(text).date is None


def test_seed_like_damaged_letter() -> None:
    text = ("\n\nHester Lowe MP\n\nParliamentary Under Secretary of State for Coastal Communities\n\n"
            "Quayside House 4 Dock Road Portmere PM1 1AA tel: 0300 000 0000 www.example.gov.uk/contact\n\n"
            "Professor Amélie Le Roux\nDepartment of Marine Policy\nOld Building\nNorthmoor University\n"
            "Northmoor NM4 7QT\n\n1-9 May 2015\n\nDen Amélie.\n\n"
            "I am writing today to thank you and your panel for your Report, which I commissioned last "
            "November. I am copying this letter to those who supported you.\n\n"
            "Thank you again for your Report.\n\nHester Lowe MP\n\n"
            "Parliamentary Under Secretary of State for Coastal Communities")
    md = detect_metadata(text)
    assert md.kind is DocumentKind.LETTER
    assert md.date is not None and (md.date.value, md.date.text) == ("2015-05-19", "1-9 May 2015")
    assert md.sender == "Hester Lowe"
    assert md.sender_post == "Parliamentary Under Secretary of State for Coastal Communities"
    assert md.recipients == ("Amélie Le Roux",)
    assert md.cc == ()


def test_seed_like_unsigned_letter_with_copy_list_and_lord() -> None:
    text = ("In March, in the light of continued worries, I appointed Lord Otto \nBrennan as Commissioner for "
            "Adult Social Care in Eastvale. \n \nLord Brennan will be supported by a panel. \n \n"
            "I am copying this letter to the following key people in Eastvale, Councillor \n"
            "Bryn Tudor - Lead Member, Ola Ade – Chief Executive, Kay Moss – \nDirector for People, "
            "Lord Brennan – Commissioner, and \nJo Pike – Eastvale Adults Safeguarding Board Chair. \n")
    md = detect_metadata(text)
    assert md.kind is DocumentKind.LETTER
    assert (md.date, md.sender, md.recipients) == (None, None, ())
    assert md.cc == ("Bryn Tudor", "Ola Ade", "Kay Moss", "Otto Brennan", "Jo Pike")


def test_seed_like_signature_at_the_end_without_sign_off() -> None:
    text = ("I write following the publication this morning of the inspection report. \n\n"
            "I am copying this letter to Lord Pennant – Commissioner. \n\n \n"
            "Hester Lowe MP  \nParliamentary Under Secretary of State for Coastal Communities \n\n \n\n")
    md = detect_metadata(text)
    assert (md.sender, md.cc) == ("Hester Lowe", ("Pennant",))
    assert md.date is None


def test_dear_sir_madam_gives_no_recipient() -> None:
    md = detect_metadata("1 May 2015\n\nDear Sir/Madam,\n\nI write to object to the application.\n\n"
                         "Yours faithfully,\n\nTom Pike\n")
    assert md.recipients == ()
    assert md.sender == "Tom Pike"


@pytest.mark.parametrize("salutation", ["Dear colleagues,", "Dear all,", "Dear Sir,", "Dear Minister,"])
def test_generic_salutations_give_no_recipient(salutation: str) -> None:
    md = detect_metadata(f"{salutation}\n\nI am writing to update you on the programme.\n\nBest wishes\n\nOlu Adeyemi")
    assert md.recipients == ()
    assert md.sender == "Olu Adeyemi"


def test_generic_salutation_falls_back_to_the_address_block() -> None:
    text = ("The Rt Hon Gregory Nwosu MP\nSecretary of State for Justice\n102 Petty France\nLondon SW1H 9AJ\n\n"
            "12 Jan 2018\n\nDear Secretary of State,\n\nI write on behalf of the board.\n\n"
            "Yours faithfully\n\nHelen Marsh\nChair, Prison Monitoring Board\n")
    md = detect_metadata(text)
    assert md.recipients == ("Gregory Nwosu",)
    assert (md.sender, md.sender_post) == ("Helen Marsh", "Chair, Prison Monitoring Board")


def test_salutation_with_title_and_first_name_completed_from_the_address_block() -> None:
    text = ("Councillor Sir Desmond Allardyce\nLeader\nNorthfleet City Council\nCouncil House\nNorthfleet NF1 1AA\n\n"
            "9 February 2016\n\nDear Sir Desmond,\n\nI am writing about the budget.\n\nYours sincerely\n\nLucinda Farrow\n")
    md = detect_metadata(text)
    assert md.recipients == ("Desmond Allardyce",)
    assert md.sender == "Lucinda Farrow"


def test_salutation_only_gives_the_name_as_written() -> None:
    md = detect_metadata("Dear Mr Ashdown,\n\nThank you for your letter.\n\nKind regards\n\nTobias Venn\nHead of Legal Services")
    assert md.recipients == ("Ashdown",)
    assert (md.sender, md.sender_post) == ("Tobias Venn", "Head of Legal Services")


def test_letterhead_gives_the_sender_when_there_is_no_signature() -> None:
    text = ("Jane Quayle MP\nMinister for Coastal Communities\n\nMr Rohan Iyer\nHarbour Trust\nQuay Street\n"
            "Portmere PM2 3CD\n\n1 June 2017\n\nDear Mr Iyer,\n\nThank you for your letter. I will reply soon.")
    md = detect_metadata(text)
    assert (md.sender, md.sender_post) == ("Jane Quayle", "Minister for Coastal Communities")
    assert md.recipients == ("Rohan Iyer",)


def test_addressee_block_at_the_foot() -> None:
    text = ("Dear Mr Kettle,\n\nI am writing to thank you for your letter.\n\nYours sincerely,\n\nBea Lark\n\n"
            "Mr Simon Kettle\n14 Alder Road\nHexworth HX3 9PQ\n")
    md = detect_metadata(text)
    assert (md.sender, md.recipients) == ("Bea Lark", ("Simon Kettle",))


def test_cc_lines_after_the_signature() -> None:
    text = ("Dear Ravi,\n\nI write to confirm our meeting.\n\nYours ever,\n\nNgozi\n\nNgozi Eze CBE\nChief Executive\n\n"
            "Copy to:\nDr Felix Amadi, Medical Director\nMrs Joan Ferrier - Finance Director\n")
    md = detect_metadata(text)
    assert (md.sender, md.sender_post) == ("Ngozi Eze", "Chief Executive")
    assert md.recipients == ("Ravi",)
    assert md.cc == ("Felix Amadi", "Joan Ferrier")


def test_copy_to_supporters_gives_no_cc() -> None:
    md = detect_metadata("Dear Ingrid,\n\nI am copying this letter to those who supported you.\n\nYours sincerely\n\nAl Bee")
    assert md.cc == ()


def test_email_headers() -> None:
    headers = MessageHeaders(sender='"Bright, Jo" <jo.bright@example.org>',
                             to=("Lena Fischer <lena@example.org>, pavel@example.org",),
                             cc=("Kim Lo <kim@example.org>",), date="Tue, 05 Nov 2013 23:30:00 -0800",
                             subject="Weekly update")
    md = detect_metadata("Dear all,\n\nPlease see attached.\n\nJo", headers=headers, file_name="update.eml")
    assert md.kind is DocumentKind.EMAIL
    assert md.date is not None and md.date.value == "2013-11-05"
    assert md.sender == "Jo Bright"
    assert md.recipients == ("Lena Fischer", "pavel@example.org")
    assert md.cc == ("Kim Lo",)
    assert md.title == "Weekly update"


def test_email_headers_as_the_email_reader_gives_them() -> None:
    headers = MessageHeaders(sender="Okafor, Margaret <margaret.okafor@example.gov.uk>",
                             to=("Department for Widgets", "ann.roe@example.org"),
                             cc=("Ivo Marsh (Legal) <ivo.marsh@example.org>",),
                             date="Fri, 14 Nov 2019 08:05:00 +0000", subject="Next steps")
    md = detect_metadata("Dear Ann,\n\nMy comments follow.\n\nBest wishes\n\nMargaret\nMinister of State",
                         headers=headers, media_type="message/rfc822")
    assert md.kind is DocumentKind.EMAIL
    assert (md.sender, md.sender_post) == ("Margaret Okafor", "Minister of State")
    assert md.recipients == ("Department for Widgets", "Ann Roe")  # a bare "given.surname" address names its person
    assert md.cc == ("Ivo Marsh",)
    assert md.date is not None and md.date.value == "2019-11-14"


def test_printed_memo_header_keeps_only_person_names() -> None:
    text = "From: Ivo Marsh\nTo: Ann Roe, Chief Executive\nDate: 3 May 2016\nSubject: Lease\n\nThe lease ends soon."
    md = detect_metadata(text)
    assert (md.sender, md.recipients, md.title) == ("Ivo Marsh", ("Ann Roe",), "Lease")
    assert md.date is not None and md.date.value == "2016-05-03"
    assert md.kind is not DocumentKind.EMAIL


def test_email_sender_without_display_name_is_prettified() -> None:
    md = detect_metadata("Hello,\n\nSee below.", headers=MessageHeaders(sender="kwame.osei-bonsu@agency.example"))
    assert md.sender == "Kwame Osei-Bonsu"
    assert md.date is None


def test_printed_email_at_the_top_of_a_pdf() -> None:
    text = ("From: Hollis, Rebecca <rebecca.hollis@example.gov.uk>\nSent: 19 July 2016 09:41\n"
            "To: Marcus Delaney <m.delaney@example.org>; Ito, Kenji\nCc: sam.price@example.org\n"
            "Subject: RE: Draft direction\n\nMarcus,\n\nThanks for this.\n\nRebecca")
    md = detect_metadata(text)
    assert md.kind is DocumentKind.EMAIL
    assert md.date is not None and md.date.value == "2016-07-19"
    assert (md.sender, md.recipients, md.cc) == ("Rebecca Hollis", ("Marcus Delaney", "Kenji Ito"),
                                                 ("Sam Price",))
    assert md.title == "RE: Draft direction"


def test_article_with_byline_and_dateline() -> None:
    text = ("Council faces new inquiry into care failures\n\nBy Fiona McAllister, Social Affairs Correspondent\n\n"
            "Published 12 October 2015\n\nThe council was told it must improve, the minister said on Tuesday.\n\n"
            '"We will not tolerate this," a spokesman said.\n\nRelated articles: Harbour dues to rise\n')
    md = detect_metadata(text)
    assert md.kind is DocumentKind.ARTICLE
    assert md.title == "Council faces new inquiry into care failures"
    assert (md.sender, md.sender_post) == ("Fiona McAllister", "Social Affairs Correspondent")
    assert md.date is not None and md.date.value == "2015-10-12"
    assert (md.recipients, md.cc) == ((), ())


def test_seed_like_article_has_no_sender() -> None:
    text = ("Review team to assess future of the county’s troubled adult services\n\n"
            "The government has ended speculation, announcing a review of the troubled department.\n\n"
            "The review, ordered by care minister Hester Lowe, replaces a planned inspection.\n\n"
            "Kay Moss, director of adult services, said she welcomed the review. “Our focus remains on "
            "improving services.”\n\nLowe said no decisions have been made.\n\n"
            "Related articles: County admits underfunding\n\nMore from Care Weekly\n\nComments are closed.")
    md = detect_metadata(text)
    assert md.kind is DocumentKind.ARTICLE
    assert (md.sender, md.recipients, md.cc, md.date) == (None, (), (), None)
    assert md.title == "Review team to assess future of the county’s troubled adult services"


def test_minutes_title_and_date_from_heading() -> None:
    text = ("Minutes of the Improvement Board meeting held on 4 April 2017\n\n"
            "Present: Alice Grey (Chair), Tom Baker, Ruth Sim\n\nApologies: Ian Moss\n\nAction: TB to circulate.")
    md = detect_metadata(text)
    assert md.kind is DocumentKind.MINUTES
    assert md.title == "Minutes of the Improvement Board"
    assert md.date is not None and md.date.value == "2017-04-04"


@pytest.mark.parametrize(
    ("line", "marking"),
    [("OFFICIAL", "OFFICIAL"), ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"),
     ("OFFICIAL SENSITIVE", "OFFICIAL-SENSITIVE"), ("OFFICIAL – SENSITIVE", "OFFICIAL-SENSITIVE"),
     ("OFFICIAL-SENSITIVE - PERSONAL", "OFFICIAL-SENSITIVE"), ("SECRET", "SECRET"),
     ("TOP SECRET", "TOP SECRET"), ("RESTRICTED", "RESTRICTED"), ("CONFIDENTIAL", "CONFIDENTIAL")],
)
def test_marking_alone_at_top_or_bottom(line: str, marking: str) -> None:
    body = "Dear Ivo,\n\nI write about the audit.\n\nYours sincerely\n\nUte Berger"
    assert detect_metadata(f"{line}\n\n{body}").marking == marking
    assert detect_metadata(f"{body}\n\n{line}").marking == marking


def test_marking_only_in_capitals_on_its_own_line() -> None:
    assert detect_metadata("Official\n\nDear Ivo,\n\nThanks.").marking is None
    assert detect_metadata("This is OFFICIAL business.\n\nDear Ivo,").marking is None
    middle = "Dear Ivo,\n\nOne.\n\nTwo.\n\nSECRET\n\nThree.\n\nFour.\n\nFive.\n\nSix."
    assert detect_metadata(middle).marking is None


@pytest.mark.parametrize(
    ("line", "reference"),
    [("Our ref: MC/2014/0123", "MC/2014/0123"), ("Ref: ABC/12/345", "ABC/12/345"),
     ("Reference: 2019-0042", "2019-0042"), ("Our reference TO/77", "TO/77")],
)
def test_reference(line: str, reference: str) -> None:
    assert detect_metadata(f"{line}\n\n2 May 2016\n\nDear Ivo,\n\nThanks.").reference == reference


def test_no_reference_from_your_ref_or_prose() -> None:
    assert detect_metadata("Your ref: XY/1\n\nDear Ivo,\n\nThanks.").reference is None
    assert detect_metadata("Reference is made to the earlier letter.\n\nDear Ivo,").reference is None


def test_subject_line_after_salutation_is_the_title() -> None:
    md = detect_metadata("Dear Ivo,\n\nSubject: Audit of the 2015 accounts\n\nI write about the audit.")
    assert md.title == "Audit of the 2015 accounts"
    assert detect_metadata("Dear Ivo,\n\nI write about the audit.").title is None


def test_empty_text() -> None:
    md = detect_metadata("")
    assert (md.kind, md.date, md.sender, md.recipients, md.cc) == (DocumentKind.OTHER, None, None, (), ())


def test_date_in_the_last_column_of_a_reference_line_and_a_capitals_label_above_the_address() -> None:
    text = ("Ann Roe\nChief Executive\n\nOur ref: AB/1        27 March 2014\n\nPRIVATE AND CONFIDENTIAL\n"
            "Mr Al Bee\n1 High Street\nTown AB1 2CD\n\nDear Mr Bee,\n\nI write about the lease.\n\n"
            "Yours sincerely\n\nAnn Roe\n")
    md = detect_metadata(text)
    assert md.date is not None and (md.date.value, md.date.text) == ("2014-03-27", "27 March 2014")
    assert (md.reference, md.sender, md.sender_post, md.recipients) == ("AB/1", "Ann Roe", "Chief Executive",
                                                                         ("Al Bee",))


def test_for_the_attention_of_line_is_the_address_block() -> None:
    text = ("12 May 2015\n\nFAO: Dr Ola Ade\nBoard Secretary\nThe Hospital Trust\n\nDear Dr Ade,\n\n"
            "I write to you.\n\nRegards\n\nIvo Marsh")
    md = detect_metadata(text)
    assert (md.recipients, md.sender) == (("Ola Ade",), "Ivo Marsh")


def test_labelled_date_under_the_signature() -> None:
    text = ("Dear Ivo,\n\nI write to confirm the terms set out below are agreed by the board.\n\n"
            "Yours sincerely\n\nUte Berger\nDirector\n\nDate: 4 May 2015\n")
    md = detect_metadata(text)
    assert md.date is not None and md.date.value == "2015-05-04"
    assert (md.sender, md.sender_post, md.recipients) == ("Ute Berger", "Director", ("Ivo",))


def test_department_line_above_the_letterhead_name() -> None:
    text = ("Department for Widgets\nAnn Roe MP\nMinister for Widgets\n\n4 June 2018\n\nDear Mr Bee,\n\n"
            "Thank you for your letter about sprockets.\n")
    md = detect_metadata(text)
    assert (md.sender, md.sender_post, md.recipients) == ("Ann Roe", "Minister for Widgets", ("Bee",))


# ---- letters as the normaliser gives them: lines run together across a blank line -----------------
RUN_ON_LETTER = """Head of Estates
Dr Caspar Finch
Wexcombe Parks Trust
12 Alder Road
Wexcombe WX4 2QP
Tel: 0161 496 0732 Email: caspar.finch@wexcombeparks.example.org {after}

Ms Ines Mora
Director of Open Spaces
Hexworth Borough Council
Civic Centre
Hexworth HX3 9PQ

{date}

Dear Ms Mora,

I write to confirm that the plan for the river meadows is agreed. I am copying this letter to Omar Quist – Chief Inspector.

Yours sincerely,

NUALA O'KEEFE
Chair of Trustees cc: Pia Lund, Professor of Hydrology
Rafe Oduya, Vice-Chair"""


def test_date_run_on_from_the_contact_line() -> None:
    md = detect_metadata(RUN_ON_LETTER.format(after="4 Mar 2019", date=""))
    assert md.date is not None and (md.date.value, md.date.text) == ("2019-03-04", "4 Mar 2019")
    assert md.recipients == ("Ines Mora",)


def test_address_block_run_on_from_the_contact_line() -> None:
    text = RUN_ON_LETTER.format(after="Ms Ines Mora", date="Monday 4 March 2019").replace("\nMs Ines Mora\n", "\n", 1)
    md = detect_metadata(text)
    assert md.date is not None and md.date.value == "2019-03-04"
    assert md.recipients == ("Ines Mora",)


def test_capitals_signature_with_apostrophe_and_cc_block_run_on_from_the_post() -> None:
    md = detect_metadata(RUN_ON_LETTER.format(after="", date="4 March 2019"))
    assert (md.sender, md.sender_post) == ("Nuala O'Keefe", "Chair of Trustees")
    assert md.cc == ("Omar Quist", "Pia Lund", "Rafe Oduya")
    assert md.kind is DocumentKind.LETTER


def test_date_beside_a_reference_when_columns_collapsed_to_one_space() -> None:
    text = ("Wexcombe Parks Trust\n12 Alder Road\n\nOur ref: WPT/2019/88 04/03/2019\n\nMs Ines Mora\n"
            "Hexworth Borough Council\n\nDear Ms Mora,\n\nI write to confirm that the plan is agreed.\n")
    md = detect_metadata(text)
    assert md.date is not None and md.date.value == "2019-03-04"


def test_raw_letter_through_the_normaliser() -> None:
    from dossier.ingest.normalise import normalise_text

    raw = ("Wexcombe Parks Trust\nTel: 0161 496 0732   Email: info@wexcombeparks.example.org\n\n4 Mar 2019\n\n"
           "Ms Ines Mora\nHexworth Borough Council\n\nDear Ms Mora,\n\nI write to confirm that the plan is agreed.\n\n"
           "Yours sincerely,\n\nEWAN MCTAVISH\nDirector of Parks\n\ncc: Pia Lund – Professor of Hydrology\n"
           "    Rafe Oduya – Vice-Chair\n")
    md = detect_metadata(normalise_text(raw)[0])
    assert md.date is not None and md.date.value == "2019-03-04"
    assert (md.sender, md.sender_post, md.recipients) == ("Ewan McTavish", "Director of Parks", ("Ines Mora",))
    assert md.cc == ("Pia Lund", "Rafe Oduya")


def test_email_display_names_with_surname_first_and_a_particle() -> None:
    headers = MessageHeaders(sender="Van der Berg, Ilse <ilse.vanderberg@x.example>",
                             to=("De Vries, Ana <ana.devries@y.example>",),
                             cc=("La Touche, Remy <remy.latouche@y.example>", "Quist, Omar <o.quist@y.example>"),
                             date="Mon, 04 Mar 2019 10:15:00 +0000", subject="Meadows")
    md = detect_metadata("Ana,\n\nThe plan is agreed.\n\nIlse", headers=headers)
    assert (md.sender, md.recipients, md.cc) == ("Ilse Van der Berg", ("Ana De Vries",), ("Remy La Touche", "Omar Quist"))


def test_a_letter_signed_pp_is_the_named_signatory_s() -> None:
    """"pp" (signed on the signatory's behalf) opens the signature line: it was run on to the
    sign-off above it, and the letter had no sender."""
    from dossier.ingest import read_document

    text = ("Ministry of Harbours\n1 Quay Street\n\nDate: 03/04/2022\n\nMs Rachel Adeyemi\nGovernor\nHMP Thornfield\n"
            "Thornfield TF3 9PP\n\nDear Ms Adeyemi,\n\nHMP THORNFIELD: URGENT NOTIFICATION\n\n"
            "I would be grateful for an action plan by 14 April.\n\nYours sincerely,\n\npp Lord Stephen Marsh\n"
            "Minister of State for Harbours\n")
    extracted = read_document("letter.txt", text.encode())
    meta = detect_metadata(extracted.text)
    assert (meta.sender, meta.sender_post, meta.recipients) == (
        "Stephen Marsh", "Minister of State for Harbours", ("Rachel Adeyemi",))
    from dossier.analysis.actors import find_actors

    kinds = {a.name: a.kind.value for a in find_actors(extracted.text, metadata=meta)}
    assert kinds.get("HMP Thornfield") == "organisation" and "Hmp Thornfield" not in kinds


# ---- the date's evidence: which named rule read it, and where ----------------------------------------
def test_the_date_says_which_rule_read_it_and_where() -> None:
    md = detect_metadata(FULL_LETTER)
    evidence = dict(md.evidence)["date"]
    assert evidence.rule == "date-line"
    assert FULL_LETTER[evidence.start:evidence.end] == "Thursday 14th November 2019"


def test_email_header_date_evidence_has_no_span() -> None:
    headers = MessageHeaders(sender="Ann Roe <ann@example.org>", date="Tue, 05 Nov 2013 23:30:00 -0800")
    md = detect_metadata("Tom,\n\nSee attached.\n\nAnn", headers=headers)
    assert dict(md.evidence)["date"].rule == "email-header"
    assert (dict(md.evidence)["date"].start, dict(md.evidence)["date"].end) == (-1, -1)


def test_no_date_no_date_evidence() -> None:
    md = detect_metadata("I wrote to you on 3 September about the service.\n\nThe work is late.")
    assert md.date is None and "date" not in dict(md.evidence)


def test_a_web_page_with_a_published_line_and_a_later_update() -> None:
    text = ("Correspondence\n\nWessex County Council: letter to the Chief Executive\n\n"
            "A letter to the Chief Executive setting out the support package and inviting representations.\n\n"
            "Updates to this page\n\nPublished 12 November 2024\n\nLast updated 20 November 2024\n")
    md = detect_metadata(text)
    assert md.date is not None and md.date.value == "2024-11-12"
    assert dict(md.evidence)["date"].rule == "published-date"
