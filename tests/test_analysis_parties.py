"""Salutations, signatures, address blocks and copy lists, on invented letters."""

import pytest

from dossier.analysis.parties import (
    build_layout,
    cc_from_lines,
    cc_from_sentence,
    find_closing_signature,
    find_sign_off_signature,
    fuller_form,
    names_in_list,
    parse_salutation,
    split_leading_name,
    split_lines,
)
from dossier.analysis.party_headers import people_in_header, printed_headers


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Dear Priya,", ("Priya",)),
        ("Dear Professor Halvorsen", ("Halvorsen",)),
        ("Dear Professor Le Roux,", ("Le Roux",)),
        ("Dear Sir Desmond,", ("Desmond",)),
        ("Dear Mr Ashdown,", ("Ashdown",)),
        ("Dear Dr. Whitaker:", ("Whitaker",)),
        ("Dear Tomasz and Ilse,", ("Tomasz", "Ilse")),
        ("Den Priya.", ("Priya",)),  # text-layer damage of "Dear Priya,"
        ("Deat Priya,", ("Priya",)),
        ("Dcar Priya,", ("Priya",)),
        ("Hi Marcus,", ("Marcus",)),
        ("Dear Sir/Madam,", ()),
        ("Dear Sir or Madam", ()),
        ("Dear Sir,", ()),
        ("Dear Madam", ()),
        ("Dear colleague,", ()),
        ("Dear Colleagues", ()),
        ("Dear all,", ()),
        ("Dear Minister,", ()),
        ("Dear Secretary of State,", ()),
    ],
)
def test_parse_salutation(line: str, names: tuple[str, ...]) -> None:
    found = parse_salutation(line)
    assert found is not None
    assert found.names == names


@pytest.mark.parametrize("line", ["Den Priya", "Dearly beloved friends of the river trust who gathered here",
                                  "Hi there everyone how are you", "Denholm Ellis"])
def test_parse_salutation_rejects(line: str) -> None:
    assert parse_salutation(line) is None


def test_damaged_salutation_cannot_start_an_address_block() -> None:
    assert parse_salutation("Den Harrow.", "Chief Executive") is None


def test_sign_off_signature_prefers_the_typed_full_name_and_reads_the_post() -> None:
    layout = build_layout("Dear Ravi,\n\nI write to confirm.\n\nYours ever,\n\nNgozi\n\nNgozi Eze CBE\nChief Executive\n")
    signed = find_sign_off_signature(layout)
    assert signed is not None
    assert (signed.name, signed.post) == ("Ngozi Eze", "Chief Executive")


def test_sign_off_with_name_on_the_same_line() -> None:
    layout = build_layout("Hi Jo,\n\nThanks for this.\n\nBest wishes, Caspar Lindqvist\n")
    signed = find_sign_off_signature(layout)
    assert signed is not None and signed.name == "Caspar Lindqvist"


def test_closing_signature_without_sign_off() -> None:
    text = ("I write following the publication of the report this morning. It is not unexpected.\n\n"
            "Hester Lowe MP\nMinister for Coastal Communities\n")
    signed = find_closing_signature(build_layout(text))
    assert signed is not None
    assert (signed.name, signed.post) == ("Hester Lowe", "Minister for Coastal Communities")


def test_closing_signature_with_name_and_post_run_together() -> None:
    text = "I write about the plan. It is late.\n\nHester Lowe MP Minister for Coastal Communities\n"
    signed = find_closing_signature(build_layout(text))
    assert signed is not None
    assert (signed.name, signed.post) == ("Hester Lowe", "Minister for Coastal Communities")


def test_closing_signature_ignores_a_name_inside_wrapped_prose() -> None:
    text = ("I am copying this letter to the following people in the county, Councillor \n"
            "Bryn Tudor - Lead Member, Ola Ade – Chief Executive, and Kay Moss – \n"
            "Director for Adults.\n")
    assert find_closing_signature(build_layout(text)) is None


def test_closing_signature_ignores_a_plain_addressee_block_at_the_foot() -> None:
    text = "I am writing to thank you for your letter.\n\nMr Simon Kettle\n14 Alder Road\nHexworth HX3 9PQ\n"
    assert find_closing_signature(build_layout(text)) is None


def test_split_leading_name() -> None:
    assert split_leading_name("Councillor Bryn Tudor - Lead Member") == ("Bryn Tudor", "Lead Member")
    assert split_leading_name("Ola Ade – Chief Executive") == ("Ola Ade", "Chief Executive")
    assert split_leading_name("Hester Lowe MP Minister for Ports") == ("Hester Lowe", "Minister for Ports")
    assert split_leading_name("Wexcombe Housing Board")[0] is None
    assert split_leading_name("those who supported you")[0] is None


def test_names_in_list_with_dashes_parentheses_and_and() -> None:
    text = ("the following key people in the county, Councillor Bryn Tudor - Lead Member, Ola Ade – Chief "
            "Executive, Lord Pennant – Commissioner for Adult Social Care, Dr Hana Kovac (Director of "
            "Public Health, Eastvale) and Kay Moss – Director for Children and Families")
    assert names_in_list(text) == ["Bryn Tudor", "Ola Ade", "Pennant", "Hana Kovac", "Kay Moss"]


def test_cc_from_sentence_reads_a_wrapped_copy_list() -> None:
    flat = ("By 30 June I wish to see a plan. I am copying this letter to the following key people in Eastvale, "
            "Councillor Bryn Tudor - Lead Member, Ola Ade – Chief Executive, Kay Moss – Director for People "
            "and Lord Pennant – Commissioner. I look forward to hearing from you.")
    assert cc_from_sentence(flat) == ["Bryn Tudor", "Ola Ade", "Kay Moss", "Pennant"]


@pytest.mark.parametrize(
    ("flat", "names"),
    [
        ("I am copying this letter to those who supported you.", []),
        ("I am copying this letter to the Secretary of State and to Ms Carla Dunne.", ["Carla Dunne"]),
        ("I have sent a copy of this letter to Mr Idris Benn, Regional Director.", ["Idris Benn"]),
        ("A copy of this letter goes to Dr Mei Tan.", ["Mei Tan"]),
        ("I attach a copy of my letter to Dr Mei Tan.", []),  # a letter addressed to her, not a copy
        ("We are copying this email to Sunil Rao and Lena Fischer.", ["Sunil Rao", "Lena Fischer"]),
        ("There is nothing copied here.", []),
    ],
)
def test_cc_from_sentence_forms(flat: str, names: list[str]) -> None:
    assert cc_from_sentence(flat) == names


def test_cc_from_lines_reads_a_multi_line_list() -> None:
    lines = ["Yours sincerely", "", "Pat Quinlan", "", "cc: Ms Felicity Ashdown-Reyes, Planning Inspectorate",
             "Gareth O'Donnell (Solicitor)", "", "Enc."]
    assert cc_from_lines(lines) == ["Felicity Ashdown-Reyes", "Gareth O'Donnell"]
    assert cc_from_lines(["Copy to:", "Dr Felix Amadi, Medical Director", "Mrs Joan Ferrier - Finance Director"]) == [
        "Felix Amadi", "Joan Ferrier"]
    assert cc_from_lines(["CC: Ivo Marsh; Ute Berger"]) == ["Ivo Marsh", "Ute Berger"]


def test_fuller_form_completes_a_title_and_surname_from_the_same_text() -> None:
    text = "I will be appointing Lord Otto Brennan as Commissioner. Lord Brennan will report to me."
    assert fuller_form("Brennan", text) == "Otto Brennan"
    assert fuller_form("Brennan", "Lord Brennan will report to me.") == "Brennan"
    assert fuller_form("Brennan", "Today Brennan said so. In Brennan's view it is fine.") == "Brennan"
    assert fuller_form("Otto Brennan", text) == "Otto Brennan"


def test_people_in_header_display_names_and_addresses() -> None:
    assert people_in_header(['"Bright, Jo" <jo.bright@x.org>'], prettify_address=True) == ["Jo Bright"]
    assert people_in_header(["kwame.osei@x.org"], prettify_address=True) == ["Kwame Osei"]
    # a bare To/Cc address names its person only where the mailbox is "given.surname"
    assert people_in_header(["kwame.osei@x.org"], prettify_address=False) == ["Kwame Osei"]
    assert people_in_header(["k.osei@x.org", "widgets.team@x.org"], prettify_address=False) == [
        "k.osei@x.org", "widgets.team@x.org"]
    assert people_in_header(["Lena Fischer <lena@x.org>, Pavel Novak <pavel@x.org>"], prettify_address=False) == [
        "Lena Fischer", "Pavel Novak"]
    assert people_in_header(["Marcus Delaney <m.d@x.org>; Ito, Kenji"], prettify_address=False) == [
        "Marcus Delaney", "Kenji Ito"]
    assert people_in_header(["Jane Doe, Chief Executive"], prettify_address=False, strict=True) == ["Jane Doe"]
    assert people_in_header(["Department for Widgets"], prettify_address=False) == ["Department for Widgets"]
    assert people_in_header(["Department for Widgets"], prettify_address=False, strict=True) == []


def test_printed_headers_at_the_top_of_a_printed_email() -> None:
    layout = build_layout("From: Hollis, Rebecca\nSent: 19 July 2016 09:41\nTo: Marcus Delaney\n"
                          "Subject: RE: Draft direction\n\nMarcus,\n\nThanks.")
    headers = printed_headers(layout)
    assert headers is not None
    assert (headers.sender, headers.to, headers.date, headers.subject) == (
        "Hollis, Rebecca", ("Marcus Delaney",), "19 July 2016 09:41", "RE: Draft direction")
    assert printed_headers(build_layout("To be or not to be.\n\nFrom the start.")) is None


# ---- copy lists after the signature, joined lines and email display names -------------------------
SIGNED = "Dear Ines,\n\nI write to confirm that the plan is agreed.\n\nYours sincerely,\n\nTobin Marsh\n"


def test_split_lines_cuts_a_copy_label_and_an_email_address_run_on_from_the_line_above() -> None:
    assert split_lines("Director of Roads cc: Ilse Varga, Head of Parks") == [
        "Director of Roads", "cc: Ilse Varga, Head of Parks"]
    assert split_lines("Director of Roads cc:") == ["Director of Roads", "cc:"]
    assert split_lines("Tel: 0161 496 0732 Email: t.marsh@roads.example.org 4 March 2019") == [
        "Tel: 0161 496 0732 Email: t.marsh@roads.example.org", "", "4 March 2019"]


@pytest.mark.parametrize("line", [
    "The old engine was rated at 500 cc. The new one is far smaller and runs on electricity alone.",
    "I sent the draft to ines.mora@parks.example.org on Friday and she has replied already today.",
    "Please email ines.mora@parks.example.org with any questions.",
])
def test_split_lines_leaves_prose_alone(line: str) -> None:
    assert split_lines(line) == [line]


@pytest.mark.parametrize("tail", [
    "Director of Roads cc: Ilse Varga, Head of Parks\nOmar Quist – Chief Engineer",  # run on by the normaliser
    "Director of Roads\n\ncc: Ilse Varga, Head of Parks\n    Omar Quist, Chief Engineer",
    "Director of Roads\n\nCopy to:\n\nIlse Varga – Head of Parks\nOmar Quist – Chief Engineer",
    "Director of Roads\n\nCopies to: Ilse Varga, Head of Parks\nOmar Quist, Chief Engineer",
    "Director of Roads cc. Ilse Varga, Head of Parks\nOmar Quist, Chief Engineer",
    "Director of Roads cc:\n\nIlse Varga – Head of Parks\nOmar Quist – Chief Engineer",
    "Director of Roads\n\nCC: Ilse Varga\nOmar Quist",
])
def test_cc_block_after_the_signature(tail: str) -> None:
    layout = build_layout(SIGNED + tail)
    assert cc_from_lines(layout.lines) == ["Ilse Varga", "Omar Quist"]
    signed = find_sign_off_signature(layout)
    assert signed is not None and (signed.name, signed.post) == ("Tobin Marsh", "Director of Roads")


def test_cc_entries_run_together_by_a_wrap() -> None:
    lines = ["cc: Ilse Varga, Head of Parks and Open Spaces Omar Quist, Chief Engineer",
             "Pia Lund – Director of Planning Rafe Oduya – Vice-Chair"]
    assert cc_from_lines(lines) == ["Ilse Varga", "Omar Quist", "Pia Lund", "Rafe Oduya"]
    lines = ["cc: Ilse Varga, Director of Housing Supply, Wexcombe Council"]  # a post, then an organisation
    assert cc_from_lines(lines) == ["Ilse Varga"]
    assert cc_from_lines(["cc: Ilse Varga, Head of Policy Ana de Lima, Chief Engineer"]) == [
        "Ilse Varga", "Ana de Lima"]


def test_cc_block_goes_on_after_a_page_header_but_stops_at_other_text() -> None:
    text = SIGNED + ("Director of Roads\n\ncc: Ilse Varga, Head of Parks\n\nWexcombe Borough Council\n\n"
                     "Omar Quist, Chief Engineer\nPia Lund, Vice-Chair")
    assert cc_from_lines(build_layout(text).lines) == ["Ilse Varga", "Omar Quist", "Pia Lund"]
    text = SIGNED + "Director of Roads\n\ncc: Ilse Varga, Head of Parks\n\nEnc. Survey results\n\nPage 2 of 2"
    assert cc_from_lines(build_layout(text).lines) == ["Ilse Varga"]


def test_copy_sentence_ends_at_a_post_with_a_title_word() -> None:
    flat = ("I am copying this letter to Ilse Varga – Chief Inspector. Yours sincerely, Tobin Marsh "
            "Director of Roads")
    assert cc_from_sentence(flat) == ["Ilse Varga"]
    flat = "I am copying this letter to Omar Quist – Head of Audit and Dr. Pia Lund. Yours ever, Tobin Marsh"
    assert cc_from_sentence(flat) == ["Omar Quist", "Pia Lund"]


def test_split_leading_name_stops_at_a_comma() -> None:
    assert split_leading_name("Pia Lund, Professor of Hydrology") == ("Pia Lund", "Professor of Hydrology")


def test_people_in_header_surname_first_with_a_particle() -> None:
    assert people_in_header(["Van der Berg, Ilse <ilse.vanderberg@x.org>"], prettify_address=True) == [
        "Ilse Van der Berg"]
    assert people_in_header(['"De Vries, Ana" <ana.devries@x.org>'], prettify_address=False) == ["Ana De Vries"]
    assert people_in_header(["Mora Diaz, Ines <i.moradiaz@x.org>"], prettify_address=False) == ["Ines Mora Diaz"]
    assert people_in_header(["La Touche, Remy; Quist, Omar"], prettify_address=False) == ["Remy La Touche",
                                                                                         "Omar Quist"]
    assert people_in_header(["Ines Mora, Omar Quist"], prettify_address=False) == ["Ines Mora", "Omar Quist"]


def test_cc_from_sentence_reads_and_to_name_at_a_body() -> None:
    flat = ("I am copying this letter to Kofi Adu, Chief Executive of the council, and to Mina Hart at the "
            "Department for Coastal Towns, Housing and Ports.")
    assert cc_from_sentence(flat) == ["Kofi Adu", "Mina Hart"]
