"""People and organisations in the layouts of minutes, reports, web pages and news (invented text)."""

from __future__ import annotations

from dossier.analysis.actors import find_actors
from dossier.analysis.name_matching import match_actor
from dossier.analysis.names import canonical_name
from dossier.domain.findings import ActorKind
from dossier.domain.records import DetectedMetadata


def _people(text: str, metadata: DetectedMetadata | None = None) -> dict[str, tuple[str, ...]]:
    return {a.name: a.forms for a in find_actors(text, metadata=metadata) if a.kind is ActorKind.PERSON}


def _orgs(text: str) -> set[str]:
    return {a.name for a in find_actors(text) if a.kind is ActorKind.ORGANISATION}


# ---- honorifics and forms of a name ----------------------------------------------------------------
def test_coun_and_plural_honorifics_are_dropped_from_the_name() -> None:
    assert canonical_name("Coun Tom Vale") == "Tom Vale"
    assert canonical_name("Cllrs A Roe") == "A Roe"
    assert canonical_name("Councillors Ann Roe") == "Ann Roe"
    text = ("Councillor Tom Vale of Wessex County Council wrote to the minister. "
            "Coun Vale said the plan was sound.")
    assert _people(text) == {"Tom Vale": ("Councillor Tom Vale", "Coun Vale")}


def test_a_list_of_members_opened_by_cllrs_keeps_the_honorific_off_the_first_name() -> None:
    text = "Councillors Present:\n\nCllrs T Vale (Chair), A Roe, K Dee and Mrs P Dee\n"
    assert set(_people(text)) == {"T Vale", "A Roe", "K Dee", "P Dee"}


def test_an_honorific_glued_to_the_name_by_its_dot() -> None:
    assert canonical_name("Rt Hon.Ann Roe MP") == "Ann Roe"
    text = "To: Rt Hon.Ann Roe MP\n\nI write about the report.\n\nRt Hon. Ann Roe MP replied."
    assert list(_people(text)) == ["Ann Roe"]


def test_a_capital_a_after_an_honorific_is_an_initial() -> None:
    text = "Present: Mr K Vale (Leader), Mrs A Roe and Mr S Dee\n\nA report was received."
    assert set(_people(text)) == {"K Vale", "A Roe", "S Dee"}


# ---- aliases ------------------------------------------------------------------------------------
def test_an_initial_and_a_surname_join_the_person_named_in_full() -> None:
    text = ("Hugo Vantry OBE\nDirector General\n\nThe direction was signed by Hugo Vantry on 3 May.\n\n"
            "Yours sincerely\n\nH Vantry\n")
    assert _people(text) == {"Hugo Vantry": ("Hugo Vantry OBE", "Hugo Vantry", "H Vantry")}


def test_a_short_form_of_a_given_name_is_the_same_person() -> None:
    text = "Robert Coyle KC, the chief inspector, met the panel. Rob Coyle said the review would go on."
    assert list(_people(text)) == ["Robert Coyle"]
    assert match_actor("Rob", ["Robert Coyle", "Ann Roe"]) == "Robert Coyle"
    assert match_actor("Rob", ["Richard Coyle"]) is None


def test_two_people_whose_first_names_differ_in_a_letter_stay_apart() -> None:
    text = "Tom Vale and Tim Vale, both of Wessex County Council, said they would attend."
    assert set(_people(text)) == {"Tom Vale", "Tim Vale"}


# ---- not people ---------------------------------------------------------------------------------
def test_headings_of_minutes_are_not_people() -> None:
    text = ("Minutes of the Ordinary Meeting of the Parish Council, Tuesday 5th May 2015\n\nCouncillors Present:\n\n"
            "Cllrs T Vale (Chair) and J Dee\n\nMatters Arising\n\nApologies – none\n")
    people = _people(text)
    assert "T Vale" in people
    assert not {"Ordinary Meeting", "Councillors Present", "Present", "Matters Arising", "Apologies"} & set(people)


def test_a_thing_after_the_is_not_made_a_person_by_repetition() -> None:
    text = ("The Council approved the Annual Return at its May meeting. The Clerk sent the Annual Return "
            "to the auditor. The Annual accounts were signed.")
    assert _people(text) == {}


def test_a_title_alone_is_not_a_person() -> None:
    assert _people("Dear Mr Speaker,\n\nI write about the motion.\n\nYours sincerely,\n\nAnn Roe MP\n") \
        == {"Ann Roe": ("Ann Roe MP",)}
    assert _people("Dear Madam Chair,\n\nThe Speaker will reply.\n") == {}


def test_a_party_that_names_a_group_of_posts_is_not_a_person() -> None:
    meta = DetectedMetadata(sender="Ann Roe", recipients=("Chief Executives of Wessex councils",))
    people = _people("Dear Chief Executives,\n\nThe direction follows.\n\nAnn Roe\n", meta)
    assert list(people) == ["Ann Roe"]


def test_a_party_and_a_locality_are_organisations() -> None:
    text = ("Ann Roe has asked about Liberal Party policy on housing. "
            "Tom Vale (Steward, Wexcombe Highways Locality) will attend.")
    assert {"Liberal Party", "Wexcombe Highways Locality"} <= _orgs(text)
    assert set(_people(text)) == {"Ann Roe", "Tom Vale"}


# ---- the layout rules ---------------------------------------------------------------------------
def _rules(text: str) -> dict[str, str]:
    return {a.name: a.rule for a in find_actors(text) if a.kind is ActorKind.PERSON}


MINUTES = """Minutes of the Parish Council meeting, Tuesday 5th May 2015, Village Hall

Councillors Present:

Cllrs A Roe (Chair), T Vale, K Dee and Mrs P Dee

In attendance: Noor Hask (Footpaths Officer), Ivo Brandt (Highways Steward, Wexcombe Highways) and 2 members of the public

1. Chairman's Announcements – None

2. Apologies – PCSO Oona Felt, County Cllr Bram Tolley and Mrs Kay Hume (Clerk)

3. Matters Arising – None
"""


def test_attendance_list_reads_each_name_of_the_list() -> None:
    rules = _rules(MINUTES)
    assert {"A Roe", "T Vale", "K Dee", "P Dee", "Noor Hask", "Ivo Brandt", "Oona Felt", "Bram Tolley",
            "Kay Hume"} == set(rules)
    assert rules["T Vale"] == "attendance-list"
    assert rules["Oona Felt"] == "attendance-list"
    forms = _people(MINUTES)
    assert forms["Oona Felt"] == ("PCSO Oona Felt",)


def test_attendance_list_under_the_label_and_on_a_line_opened_by_councillors() -> None:
    text = ("Present:\n\nMr T Vale (Leader) Mr B Dee, Mrs A Roe and Mr J Tarn-Hollis\n\n"
            "Councillors Ivo Brandt, Noor Hask and Parish Clerk Oona Felt\n")
    assert set(_rules(text)) == {"T Vale", "B Dee", "A Roe", "J Tarn-Hollis", "Ivo Brandt", "Noor Hask", "Oona Felt"}


def test_attendance_list_near_misses() -> None:
    # a label in running text, a list of bodies, a list that goes on in lower case
    text = ("Those present at the meeting agreed. Present: Wessex County Council and Wexcombe Town Council\n\n"
            "Apologies – none received\n\nAbsent: members of the public\n")
    assert _people(text) == {}


def test_apologies_from_reads_the_names_to_the_end_of_the_sentence() -> None:
    text = ("1. There were apologies from Oona Felt\n2. An apology for absence was received from Mrs P Dee "
            "and Bram Tolley. The Clerk read the report from Wessex Valley Trust.")
    rules = _rules(text)
    assert rules == {"Oona Felt": "apologies-from", "P Dee": "honorific", "Bram Tolley": "apologies-from"}
    assert _people("Apologies from Wessex County Council were noted.") == {}


def test_labelled_name_reads_a_name_after_a_role_label() -> None:
    text = ("Public Authority: Borough of Wexcombe Address: Town Hall, High Road WX1 2AB\n\n"
            "Complainant: Oona Felt Address: oona@example.org\n\n"
            "Responsible Officer: Noor Hask e-mail: noor.hask@example.org Tel: 01234 567890\n\n"
            "REPORTING OFFICER: Bram Tolley Finance & Resources Director CONTACT OFFICER: Ivo Brandt (tel. 1234)\n\n"
            "The council visits every school. Picture: Ysolde Hume\n")
    rules = _rules(text)
    assert {"Oona Felt", "Noor Hask", "Bram Tolley", "Ysolde Hume"} <= set(rules)
    assert rules["Ysolde Hume"] == rules["Oona Felt"] == rules["Noor Hask"] == "labelled-name"
    assert "Oona Felt Address" not in rules and "Bram Tolley Finance" not in rules


def test_labelled_name_near_misses() -> None:
    text = ("Contact Officer: Wessex Valley Trust\n\nSubject: Flood Defence Works\n\n"
            "Picture: Getty Images\n\nChair: the Mayor\n")
    assert _people(text) == {}


def test_post_then_surname() -> None:
    text = ("The Prime Minister met President Tolley in January.\n\nBefore\n\nTRIBUNAL JUDGE HUME\n\n"
            "TRIBUNAL MEMBER BRANDT\n\nTRIBUNAL MEMBER LEWIS\n\nThe inspection was led by HMI Felt.\n")
    forms = _people(text)
    assert forms["Tolley"] == ("President Tolley",)
    assert forms["Brandt"] == ("TRIBUNAL MEMBER BRANDT",)
    assert forms["Lewis"] == ("TRIBUNAL MEMBER LEWIS",)
    assert forms["Felt"] == ("HMI Felt",)
    assert _rules(text)["Felt"] == "post-then-surname"


def test_post_then_surname_near_misses() -> None:
    text = ("An All Member Workshop was held in March. A further Member Workshop followed. "
            "Dear Chief Executives, the Director Finance report is attached. The President Tolley era ended. "
            "The survey of every Member Survey response was read. Minister Ann Roe Street is closed.")
    assert set(_people(text)) <= {"Ann Roe"}
    assert "Workshop" not in _people(text) and "Executives" not in _people(text)


def test_post_of_before_name() -> None:
    text = "The letter was sent to Wexcombe Council's executive director for adult social care Oona Felt."
    rules = _rules(text)
    assert rules == {"Oona Felt": "post-of-before-name"}
    assert _people("It was sent to the director of public health Wessex Valley Trust.") == {}


def test_post_comma_name_at_the_start_of_a_line() -> None:
    text = "Copies to:\nChief Inspector, Oona Felt\nHead of Planning, Bram Tolley\n"
    assert set(_rules(text)) == {"Oona Felt", "Bram Tolley"}
    # in brackets after a name it is a post and a body: "Steward, Wexcombe Highways"
    assert set(_people("Ivo Brandt (Locality Steward, Wexcombe Highways) attended.")) == {"Ivo Brandt"}


def test_byline_date() -> None:
    text = "Oona Felt 17 December 2014\n\nCouncil sends in commissioners\n\nThe council was told on Monday.\n"
    assert _rules(text) == {"Oona Felt": "byline-date"}
    assert _people("Planning Committee 12 March 2019\n\nWexcombe Valley 3 May 2015\n") == {}


def test_a_name_said_twice_in_a_row_is_one_person_not_four_words() -> None:
    text = "Share this page Photo of Bram Tolley Bram Tolley The Secretary of State for Housing\n"
    assert _people(text) == {"Bram Tolley": ("Bram Tolley",)}
    assert _rules(text) == {"Bram Tolley": "repeated-name"}
    assert _people("The Wexcombe Valley Wexcombe Valley line is closed.") == {}


def test_words_of_a_post_after_an_appositive_comma_are_not_a_person() -> None:
    text = "It was sent by the Councillor to Ms Hume, Tenancy Support Manager at Wexcombe Council."
    assert set(_people(text)) == {"Hume"}


def test_every_actor_says_which_rule_found_it() -> None:
    text = ("Dear Ms Hume,\n\nI met Oona Felt, director of housing, and the Wexcombe Housing Trust.\n\n"
            "Yours sincerely,\n\nBram Tolley\n")
    actors = find_actors(text)
    assert all(a.rule for a in actors)
    rules = {a.name: a.rule for a in actors}
    assert rules["Hume"] == "honorific"
    assert rules["Wexcombe Housing Trust"] == "org-cue-word"


def test_lower_case_posts_that_are_no_title_do_not_make_a_surname() -> None:
    assert _people("The work went to our delivery partner Capstone last year.") == {}
    assert _people("The communities secretary Tolley said the council had failed.") == {"Tolley": (
        "secretary Tolley",)}


def test_a_labelled_thing_in_words_the_text_writes_in_lower_case_is_not_a_person() -> None:
    text = "Manager: Housing Options\n\nThe housing options team will reply.\n"
    assert _people(text) == {}


# ---- organisations --------------------------------------------------------------------------------
def test_a_body_whose_name_opens_with_a_list_is_not_cut_at_and() -> None:
    text = ("I have written to the Culture, Media and Sport Committee. The Environment, Food and Rural Affairs "
            "Committee met. Wexcombe and Dunmere Borough Council agreed, as did the Foreign and Colonial Office "
            "(FCO).")
    orgs = {a.name: a.rule for a in find_actors(text) if a.kind is ActorKind.ORGANISATION}
    assert orgs == {"Culture, Media and Sport Committee": "org-and-list",
                    "Environment, Food and Rural Affairs Committee": "org-and-list",
                    "Wexcombe and Dunmere Borough Council": "org-and-list",
                    "Foreign and Colonial Office": "org-and-list"}


def test_and_between_a_person_or_a_body_and_a_body_still_parts_them() -> None:
    text = ("Tom Vale and Wessex County Council met. Wexcombe Borough Council and Wessex County Council agreed. "
            "In Portmere, Culture and Sport Committee members met.")
    orgs = _orgs(text)
    assert {"Wessex County Council", "Wexcombe Borough Council"} <= orgs
    assert "Portmere, Culture and Sport Committee" not in orgs
    assert set(_people(text)) == {"Tom Vale"}


def test_a_company_written_with_plc_is_an_organisation() -> None:
    assert _orgs("The contract went to Wexcombe Builders Ltd and Tolley Holdings plc.") == {
        "Wexcombe Builders Ltd", "Tolley Holdings plc"}


def test_name_role_table_rows() -> None:
    spaced = "Members of the panel\n\nName            Role\nOona Felt       Chair\nBram Tolley     Treasurer\n"
    barred = "| Name | Role |\n|---|---|\n| Oona Felt | Chair |\n| Bram Tolley | Parish Councillor |\n"
    tabbed = "Oona Felt\tChair\nBram Tolley\tClerk\n"
    assert _rules(barred) == {"Oona Felt": "name-role-table", "Bram Tolley": "name-role-table"}
    for text in (spaced, tabbed):  # a wide gap parts the cells, so the post beside the name may read it first
        assert set(_rules(text).values()) <= {"name-role-table", "post-beside-name"}
        assert set(_rules(text)) == {"Oona Felt", "Bram Tolley"}


def test_name_role_table_near_misses() -> None:
    text = "Wessex Council      Member\nFinance Director    Head of Service\nTown Hall     Main Office\n"
    assert _people(text) == {}
    assert _people("Flood Defence     Wexcombe Valley\n") == {}


def test_ms_in_capitals_after_a_name_is_a_post_nominal() -> None:
    assert _people("Sara Dee MS wrote to Tom Vale AM.") == {"Sara Dee": ("Sara Dee MS",), "Tom Vale": ("Tom Vale AM",)}


def test_a_party_with_a_surname_that_is_an_ordinary_word_is_still_a_person() -> None:
    meta = DetectedMetadata(sender="Ann Roe", recipients=("Tom Vale",), cc=("Alice Court", "Chief Officers Group"))
    people = _people("Dear Tom,\n\nThe report follows.\n\nAnn\n", meta)
    assert set(people) == {"Ann Roe", "Tom Vale", "Alice Court"}


def test_a_plural_title_stands_for_every_surname_of_its_list() -> None:
    text = "1. Apologies for absence\nApologies for absence were received from Councillors Kemp, Holt and Marsh.\n"
    assert set(_people(text)) == {"Kemp", "Holt", "Marsh"}
    # without the plural title a surname alone in a list is no one
    assert _people("Apologies were received from Kemp and Marsh.") == {}


def test_a_rank_in_capitals_before_a_name_in_a_list() -> None:
    text = "IN ATTENDANCE: Mrs E Hume (Clerk), PC Ivo Brandt, 4 members of the public\n"
    assert _people(text) == {"E Hume": ("Mrs E Hume",), "Ivo Brandt": ("PC Ivo Brandt",)}


def test_a_by_line_names_the_writer() -> None:
    assert _rules("By Oona Felt\nLocal Democracy Reporter\n\nThe council met.") == {"Oona Felt": "byline-date"}
    assert _people("By Royal Mail\nBy Hand\nBy March 2021\nBy Email Only\n") == {}


def test_post_then_surname_in_a_pair_and_not_on_a_qualifier() -> None:
    assert set(_people("Commissioner Tolley and Inspector Hume visited.")) == {"Tolley", "Hume"}
    assert _people("As Chair Elect, she will take over. The Chair Designate spoke.") == {}


def test_party_role_line_in_a_tribunal_heading() -> None:
    text = "BETWEEN:\n\nOONA FELT\n\nAppellant\n\n-and-\n\nWEXCOMBE HOUSING TRUST\n\nRespondent\n"
    assert _rules(text) == {"Oona Felt": "party-role-line"}
    assert _people("Wexcombe Housing Trust\n\nApplicant\n\nThe Information Commissioner\n\nRespondent\n") == {}


def test_a_signed_label_names_the_signatory() -> None:
    assert _rules("Signed: Oona Felt\nDate: 3 May 2020\n") == {"Oona Felt": "labelled-name"}
    assert _people("Signed: Wexcombe Housing Trust\n") == {}


def test_a_first_name_paired_with_a_known_first_name_is_a_person() -> None:
    text = ("Minutes of the meeting held in Oona and Bram's Barn.\n\nPresent: Bram Tolley, Ivo Brandt\n\n"
            "Bram agreed. Later Ysolde and Ivo went home.")
    rules = _rules(text)
    assert rules["Oona"] == rules["Ysolde"] == "first-name-pair"
    assert set(rules) == {"Oona", "Ysolde", "Bram Tolley", "Ivo Brandt"}


def test_a_place_paired_with_a_first_name_is_not_a_person() -> None:
    text = "Ivo Brandt and Bram Tolley met in Kent and Dunmere. Dunmere and Bram went. Portmere Council and Bram met."
    assert set(_people(text)) == {"Ivo Brandt", "Bram Tolley"}


def test_a_signature_line_of_cells_parted_by_bars() -> None:
    text = "Kind regards\n\nOona Felt | Head of Policy | Wexcombe Borough Council\nT: 01234 567890\n"
    assert _rules(text) == {"Oona Felt": "name-role-table"}
    assert _people("Flood Defence | Capital Programme | Wexcombe Borough Council\n") == {}


def test_speaker_labels_of_a_debate() -> None:
    text = ("Oona Felt (Wexcombe North) (Con): Will the Minister meet me?\n\n"
            "Bram Tolley (Portmere) (Lab): I will.\n\nMr Speaker (Portmere): Order.\n\n"
            "Wexcombe Council (WBC): a note\n\nPlanning Policy (Draft): a heading\n")
    assert _rules(text) == {"Oona Felt": "speaker-label", "Bram Tolley": "speaker-label"}


def test_post_then_dash_then_name_at_the_start_of_a_line() -> None:
    assert _rules("Report of the Strategic Director – Oona Felt\n") == {"Oona Felt": "post-comma-name"}
    assert _people("Report of the Strategic Director – Wexcombe Housing Trust\n") == {}


def test_a_name_after_a_person_label_may_run_on_after_a_comma() -> None:
    text = ("Complainant: Bram Tolley, of Portmere\nContact: Housing Options, Civic Centre\n"
            "Contact: Ann Roe, Democratic Services, 01234 567890\n")
    assert set(_rules(text)) == {"Bram Tolley", "Ann Roe"}


def test_officers_and_members_labels_open_attendance_lists() -> None:
    assert set(_people("Officers: Oona Felt (Clerk), Bram Tolley (RFO)\n")) == {"Oona Felt", "Bram Tolley"}
    text = "Members:\nOona Felt (Chair)\nBram Tolley\nYsolde Marr\n\nThe panel met."
    assert set(_people(text)) == {"Oona Felt", "Bram Tolley", "Ysolde Marr"}
    assert _people("Members: the panel agreed the budget.\nPanel - Wexcombe Housing Trust\n") == {}


def test_post_then_its_holder_in_brackets() -> None:
    assert _rules("The Minister for Housing (Ysolde Marr): Yes.\n") == {"Ysolde Marr": "post-bracket-name"}
    assert _rules("It was approved by the Director (Bram Tolley).") == {"Bram Tolley": "post-bracket-name"}
    text = ("the Chief Executive (Wexcombe Council) and the Head of Planning (Local Plan) and the Department "
            "for Education (DfE). The panel met the council (Oona Felt).")
    assert _people(text) == {}


# ---- names broken by page layout, initials and surnames that are ordinary words -------------------
def test_a_line_of_names_over_a_blank_line_does_not_run_into_the_next_paragraph() -> None:
    text = ("Cllrs B Roe, D Vale, N Dee, P Poe (Deputy Mayor), M Lane, A Hart, M Lusk, L Kemp, H Dunn,\n"
            "K Holt, C Wren, T Moss (Mayor), J Penn and T Wade\n\n\n"
            "C Ames, Finance Officer\n")
    people = _people(text)
    assert "T Wade" in people and "T Moss" in people
    assert not any("Ames" in name and name != "C Ames" for name in people)


def test_a_sentence_broken_by_a_blank_line_still_reads_as_one() -> None:
    text = ("The committee agreed that the report prepared by the officers should go to\n\n"
            "Tom Vale, who would bring it to the next meeting of the board.\n")
    assert "Tom Vale" in _people(text)


def test_a_heading_over_a_blank_line_keeps_its_post_nominal_name() -> None:
    text = ("Annex 4\n\nLetter from the Chair of the Wessex Scrutiny Panel to Ann Roe MP\n\n"
            "  Thank you for your letter of 3 May.\n")
    assert "Ann Roe" in _people(text)


def test_a_title_word_after_an_honorific_and_an_initial_is_a_surname() -> None:
    text = "Attending: Mr T Canon (Chair), Mrs L Dee and Mr R Vale.\n"
    assert {"T Canon", "L Dee", "R Vale"} <= set(_people(text))


def test_a_capital_a_between_initials_and_a_dotted_initial_after_an_honorific() -> None:
    text = "Councillors\nMrs K A Roe (Chairman)\nMr T Vale\n\nAn apology was received from Cllr A. Dee, who was away.\n"
    people = _people(text)
    assert {"K A Roe", "A. Dee"} <= set(people)
    assert "K" not in people


def test_two_initials_before_an_ordinary_word_make_a_surname_but_not_a_running_heading() -> None:
    text = "Present: P W Meadow, Mrs A Roe\n\nSee Appendix B Housing Policy for the details.\n"
    people = _people(text)
    assert "P W Meadow" in people
    assert not any("Housing" in name for name in people)


def test_a_participle_before_by_is_no_surname() -> None:
    text = "Proposed by: Cllr Roe Seconded by: Cllr Vale\n\nAll agreed.\n"
    people = _people(text)
    assert not any("Seconded" in name for name in people)


def test_a_wide_gap_on_a_line_parts_two_columns() -> None:
    text = "Signed: Cllr Ann Roe      Witness: Tom Vale\n"
    people = _people(text)
    assert "Ann Roe" in people
    assert not any("Witness" in name for name in people)


# ---- attendance-list: lists that wrap, and one name a line under a label ---------------------------
def test_a_list_on_the_label_line_goes_on_after_a_comma() -> None:
    text = "Present: Cllrs B Roe, D Vale, N Dee,\nL Kemp, A Hart (Mayor) and T Wade\n\nThe meeting opened.\n"
    assert {"B Roe", "D Vale", "N Dee", "L Kemp", "A Hart", "T Wade"} <= set(_people(text))


def test_one_name_a_line_under_a_councillors_label_with_wards_after_a_dash() -> None:
    text = ("Wexbury Planning Committee, 4 March\n"
            "Councillors\nMrs K A Roe (Chairman)\nT Vale (Vice-Chairman)\nM J Dee\nP W Meadow\n"
            "J Kemp – North Ward\nOfficers\nMr R Hart – Head of Planning\n(12) MINUTES\n"
            "The Committee agreed the minutes.\n")
    people = _people(text)
    assert {"K A Roe", "T Vale", "M J Dee", "P W Meadow", "J Kemp", "R Hart"} <= set(people)
    assert not any("Ward" in name or "Planning" in name for name in people)


def test_a_members_label_over_prose_names_nobody() -> None:
    text = "Members\nEvery Member may Review the Local Plan.\nThe Forest Park was discussed.\n"
    assert _people(text) == {}


# ---- name-comma-post --------------------------------------------------------------------------------
def test_name_comma_post_lines_of_officers() -> None:
    text = ("Officers in attendance were as below.\n\n"
            "A Roe, Deputy Parish Clerk\nT Vale, Open Spaces Officer\nKerry Dunmore – Head of Finance\n")
    rules = _rules(text)
    assert {"A Roe", "T Vale", "Kerry Dunmore"} <= set(rules)
    assert rules["A Roe"] == "name-comma-post"


def test_name_comma_post_near_misses() -> None:
    text = ("Report Summary, Chief Executive\nWessex Parish Council, Clerk\nForest Lodge, Main Road\n"
            "Budget Update – Head of Finance\n")
    assert _people(text) == {}


# ---- address-name -----------------------------------------------------------------------------------
def test_an_address_of_a_given_name_and_a_surname_names_the_person() -> None:
    text = ("From: Planning Team\nCC: cllr.ann.roe@wessex.gov.uk; Tom.Vale@wessex.gov.uk; "
            "planning.enquiries@wessex.gov.uk\n\nHello\nTom Vale will reply.\n")
    rules = _rules(text)
    assert set(rules) == {"Ann Roe", "Tom Vale"}
    assert rules["Ann Roe"] == "address-name"
    assert len(next(a for a in find_actors(text) if a.name == "Tom Vale").mentions) == 2


def test_address_near_misses() -> None:
    text = "Write to info.desk@wessex.gov.uk or housing.officer@wessex.gov.uk or Cllr.Dee@wessex.gov.uk.\n"
    assert _people(text) == {}


# ---- weak cues do not make a person of ordinary words -----------------------------------------------
def test_repeated_heading_words_the_text_writes_in_lower_case_are_no_person() -> None:
    text = ("Second Wexstead Review Visit notes\n\n"
            "To send the board the notes from Wexstead after their second Review Visit held in May.\n\n"
            "b) Board accept the notes from Wexstead Auditors’ Review Visit letter, at annex b\n\n"
            "The trust will have review visits until the next audit.\n\n"
            "  • Second Wexstead Review Visit notes\n")
    people = _people(text)
    assert not any("Visit" in name or "Auditors" in name for name in people)


def test_weak_cues_still_read_an_unknown_first_name_with_an_ordinary_surname() -> None:
    text = "The bell rang twice. Oriel Bell was not consulted. Oriel Bell’s view was clear."
    assert set(_people(text)) == {"Oriel Bell"}


def test_post_of_before_name_does_not_read_a_body_joined_by_an_ampersand() -> None:
    text = ("Cllr Roe is a trustee of the old Wexbury Harmony Art & Music Centre. "
            "The trustee of the fund Oriel Vasco also spoke.\n")
    rules = _rules(text)
    assert not any("Harmony" in name for name in rules)
    assert rules.get("Oriel Vasco") == "post-of-before-name"


def test_a_profession_after_a_name_is_a_post_beside_it() -> None:
    text = "At the hearing Oriel Vasco, the Barrister for the trust, asked for costs.\n"
    assert _rules(text) == {"Oriel Vasco": "post-beside-name"}
    assert _people("The Barrister Review was published in May.\n") == {}


def test_a_police_rank_is_a_title_and_its_short_form_names_the_same_person() -> None:
    text = "Sergeant Oriel Vasco sent apologies. In addition to Sgt Vasco and Det Roe, PC Tom Vale attended.\n"
    people = _people(text)
    assert people["Oriel Vasco"] == ("Sergeant Oriel Vasco", "Sgt Vasco")
    assert "Sgt Vasco" not in people


# ---- contact-name -----------------------------------------------------------------------------------
def test_contact_name_with_a_number_or_an_address_after_it() -> None:
    assert _rules("For details please contact Oriel Vasco on 01234 567890.") == {"Oriel Vasco": "contact-name"}
    text = "Contact officer: Oriel Vasco, Democratic Services, Tel: 01234 567890\n"
    assert _rules(text) == {"Oriel Vasco": "contact-name"}
    assert _rules("Contact: Mrs K Dunmore (k.dunmore@wessex.gov.uk)\n") == {"K Dunmore": "honorific"}


def test_contact_name_near_misses() -> None:
    for text in ("Please contact Customer Services on 01234 567890.",
                 "Contact Wessex County Council at info@wessex.gov.uk.",
                 "Contact Oriel Vasco about the plan.\n",
                 "Please contact the Planning Team on 01234 567890."):
        assert _people(text) == {}, text


def test_dotted_initials_after_an_honorific_read_whole() -> None:
    assert set(_people("Mr J. A. Roe and Mrs T. Vale attended.")) == {"J. A. Roe", "T. Vale"}


def test_a_capital_a_opening_a_labelled_name_is_an_initial() -> None:
    assert _rules("Signed: A Roe (Chairman)\n") == {"A Roe": "labelled-name"}
    assert _people("Picture: A Wexcombe sunset\nWitness: A Local Resident\n") == {}


# ---- notes-address ----------------------------------------------------------------------------------
def test_office_mail_addresses_name_people_even_wrapped_or_with_an_ordinary_surname() -> None:
    text = ("To: Oriel Vasco/WXM/WEXCO@WEXCO\ncc: Kerry Dunmore/WXM/WEXCO@WEXCO, Pia\n"
            "Marsh/HOU/WEXCO@WEXCO, Lyle J\nPenhallow/HOU/WEXCO@WEXCO\n\nThe deal is done.\n")
    rules = _rules(text)
    assert set(rules) == {"Oriel Vasco", "Kerry Dunmore", "Pia Marsh", "Lyle J Penhallow"}
    assert rules["Pia Marsh"] == "notes-address"


def test_notes_address_near_misses() -> None:
    text = "See Planning Policy/Local Plan@Wessex and Housing/Team@WEXCO for the papers.\n"
    assert _people(text) == {}


def test_those_present_opens_an_attendance_list() -> None:
    assert set(_people("Those present: Councillors Roe, Vale and Dee\n")) == {"Roe", "Vale", "Dee"}


def test_a_column_of_headings_over_an_address_like_line_is_no_signature() -> None:
    text = "Chairman’s Report\nCommunity Wexbury Levy\nStreet Lighting\nPlanning Applications\n"
    assert _people(text) == {}
    signed = "Yours faithfully\n\nOriel Vasco\n12 High Street\nWexcombe\n"
    assert set(_people(signed)) == {"Oriel Vasco"}


def test_posted_by_bylines_before_or_after_the_date() -> None:
    assert _rules("Posted by Oriel Vasco on 3 May 2022\n\nThe scheme opens.\n") == {"Oriel Vasco": "byline-date"}
    assert _rules("Posted on 3 May 2022 by Oriel Vasco\n\nThe scheme opens.\n") == {"Oriel Vasco": "byline-date"}
    assert _people("Posted by Wexcombe Council on 3 May 2022\n3 May 2022 by Planning Services\n") == {}


def test_an_attendance_list_ends_with_its_sentence_and_may_follow_a_clause() -> None:
    rules = _rules("Apologies for absence: Cllrs Roe and Vale. Absent: Cllr Dee.\n")
    assert rules == {"Roe": "honorific", "Vale": "attendance-list", "Dee": "honorific"}
    text = "The following Councillors were present: A Roe, T Vale and K Dee.\n"
    assert set(_rules(text)) == {"A Roe", "T Vale", "K Dee"}
    dotted = "Present: Cllr A. Roe and Cllr T. Vale, Mrs. Dee and Cllr. Kemp\n"
    assert set(_people(dotted)) == {"A. Roe", "T. Vale", "Dee", "Kemp"}
    prose = "Present: Cllrs Roe and Vale. The Chairman thanked Wexcombe Youth Football for the loan.\n"
    assert set(_people(prose)) == {"Roe", "Vale"}


# ---- attendance-run: a list of names laid out in columns, read flat ---------------------------------
def test_attendance_run_reads_names_written_one_after_another() -> None:
    text = ("Wessex Valley Trust Minutes of the Board Meeting Members: Ann Roe Tom Vale Ivo Brandt Noor Hask "
            "Dr Lucy Dee In Attendance: Bram Tolley Jane Felt Interim Chair Non Executive Director "
            "Director of Finance Secretariat: Kay Hume Board Coordinator 1. Welcome\n")
    rules = _rules(text)
    assert {"Ann Roe", "Tom Vale", "Ivo Brandt", "Noor Hask", "Lucy Dee", "Bram Tolley", "Jane Felt",
            "Kay Hume"} == set(rules)
    assert rules["Ivo Brandt"] == "attendance-run"


def test_attendance_run_reads_an_odd_run_by_its_given_names() -> None:
    # five words: a three-word name among two-word names, cut before each given name
    text = "Board papers. Present: Ann Mary Roe Tom Vale Interim Clerk\n"
    assert {"Ann Mary Roe", "Tom Vale"} == set(_people(text))


def test_attendance_run_near_misses() -> None:
    # bodies after the label, and names that are mostly no given names, are not read as people
    text = ("Report. Present: Wessex County Council Wexcombe Town Council\n"
            "Notes. Members: Planning Policy Housing Options Local Plan Review\n")
    assert _people(text) == {}


# ---- name-dash-post-inline --------------------------------------------------------------------------
def test_name_dash_post_inline_drops_the_heading_before_the_name() -> None:
    text = ("ATTENDING\n\nWessex Officials Ann Roe – Special Adviser Tom Vale – Director, Housing "
            "Estates & Regeneration Partnerships Nadia Frost – Deputy Director, Capital Budgets\n")
    rules = _rules(text)
    assert rules.get("Ann Roe") == "name-dash-post-inline"
    assert rules.get("Nadia Frost") == "name-dash-post-inline"
    assert not any("Officials" in name or "Partnerships" in name for name in rules)


def test_name_dash_post_inline_near_misses() -> None:
    # no given name before the dash, or no post after it
    text = "Wessex Housing Options – Head of Service\nThe Ann Roe Centre – Wexcombe Road\n"
    assert "name-dash-post-inline" not in _rules(text).values()


def test_a_bracket_after_a_post_that_has_its_holder_is_a_place() -> None:
    text = "Cllr Ann Roe, Wessex Presiding Officer (Rhoss Cwm Taf) Cllr Tom Vale, Deputy Leader (Wexcombe)\n"
    assert set(_people(text)) == {"Ann Roe", "Tom Vale"}


def test_apologies_received_from_a_plural_title_list() -> None:
    text = "Apologies received from Clls Tarn, Hask and Felt. Reasons for absence were accepted.\n"
    assert set(_people(text)) == {"Tarn", "Hask", "Felt"}
    assert _rules(text)["Hask"] == "apologies-from"
    # near-miss: a letter received from a body is no list of people
    assert _people("A letter was received from Wessex County Council. Apologies were noted.\n") == {}


def test_a_post_of_two_post_words_is_not_a_surname() -> None:
    text = "Mrs Ann Roe, Head Teacher, spoke to the meeting. The Head Teacher agreed.\n"
    assert set(_people(text)) == {"Ann Roe"}


def test_a_run_opened_by_a_nationality_is_not_a_person() -> None:
    text = ("Letter to the Convener from the Cabinet Secretary for Farming, Ann Roe, about the Scottish Government "
            "draft budget\nDear Tom,\nThank you for the letter on budget scrutiny.\nThe panel will want to know "
            "that the Scottish Budget document will hold a scrutiny chapter.\nI look forward to the 2030-31 "
            "Scottish Budget process.\nYours sincerely,\nAnn Roe\n")
    assert set(_people(text)) == {"Ann Roe"}
