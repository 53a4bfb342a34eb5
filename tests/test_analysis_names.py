"""Person names: canonical forms and recognising a line that is just a name."""

import pytest

from dossier.analysis.names import (
    canonical_name,
    name_from_address,
    person_name,
    same_person,
    split_name,
    surname_first,
)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Lord Hartwell", "Hartwell"),
        ("Lady Imogen Farquhar", "Imogen Farquhar"),
        ("Sir Rupert Ainsley-Vane", "Rupert Ainsley-Vane"),
        ("Dame Olwen Pryce DBE", "Olwen Pryce"),
        ("Professor Tamsin Achterberg", "Tamsin Achterberg"),
        ("Prof. Tamsin Achterberg", "Tamsin Achterberg"),
        ("Dr Kofi Mensah-Baird", "Kofi Mensah-Baird"),
        ("Councillor Sir Desmond Allardyce", "Desmond Allardyce"),
        ("Cllr Bronwen Gale", "Bronwen Gale"),
        ("Mr Ifan Rhys", "Ifan Rhys"),
        ("Mrs Asha Varma", "Asha Varma"),
        ("Ms Lotte van der Berg", "Lotte van der Berg"),
        ("Miss Ciara O'Rourke", "Ciara O'Rourke"),
        ("The Rt Hon Gregory Nwosu MP", "Gregory Nwosu"),
        ("Rt. Hon. Gregory Nwosu MP", "Gregory Nwosu"),
        ("Alasdair McTavish CBE", "Alasdair McTavish"),
        ("Priya Raman QC", "Priya Raman"),
        ("Priya Raman KC", "Priya Raman"),
        ("Hugo Lemaire, OBE, FRS", "Hugo Lemaire"),
        ("Professor Amélie Le Roux", "Amélie Le Roux"),
        ("Otto Brennan's", "Otto Brennan"),
        ("Otto Brennan’s", "Otto Brennan"),
        ("JANET OKONKWO-SMITH", "Janet Okonkwo-Smith"),
    ],
)
def test_canonical_name_drops_honorifics_post_nominals_and_possessive(written: str, canonical: str) -> None:
    assert canonical_name(written) == canonical


def test_split_name_keeps_the_parts() -> None:
    parts = split_name("Councillor Sir Desmond Allardyce MP")
    assert parts.honorifics == ("Councillor", "Sir")
    assert parts.name == ("Desmond", "Allardyce")
    assert parts.post_nominals == ("MP",)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Professor Ingrid Halvorsen", "Ingrid Halvorsen"),
        ("Rt Hon Margaret Okafor MP", "Margaret Okafor"),
        ("Lord Hartwell", "Hartwell"),  # an honorific makes one word enough
        ("Anne-Marie de Vries", "Anne-Marie de Vries"),
        ("Seán Mac Giolla Phádraig", "Seán Mac Giolla Phádraig"),
        ("J. R. Oduya", "J. R. Oduya"),
        ("Tobias Venn", "Tobias Venn"),
    ],
)
def test_person_name_accepts_name_lines(line: str, name: str) -> None:
    assert person_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Department for Rural Affairs",
        "Wexcombe District Council",
        "Civic Offices, Bell Lane",
        "Portmere PM2 3CD",
        "Chief Executive",
        "Planning Inspectorate",
        "Hartwell",  # one bare word is not enough
        "Dear Sir",
        "Yours sincerely",
        "the following key people",
        "Sir",
        "Sir/Madam",
    ],
)
def test_person_name_rejects_other_lines(line: str) -> None:
    assert person_name(line) is None


def test_person_name_single_word_when_allowed() -> None:
    assert person_name("Julian", min_tokens=1) == "Julian"
    assert person_name("Minister", min_tokens=1) is None
    assert person_name("colleagues", min_tokens=1) is None


def test_same_person_matches_first_name_and_surname() -> None:
    assert same_person("Ingrid", "Ingrid Halvorsen")
    assert same_person("Le Roux", "Amélie Le Roux")
    assert same_person("Amélie Le Roux", "Amélie Le Roux")
    assert not same_person("Roux Amélie", "Amélie Le Roux")
    assert not same_person("Ingrid Halvorsen", "Ingrid")


def test_name_from_address() -> None:
    assert name_from_address("Hollis, Rebecca (DfX)", "rebecca.hollis@example.gov.uk") == "Rebecca Hollis"
    assert name_from_address('"Dr Kofi Mensah"', "k@example.org") == "Kofi Mensah"
    assert name_from_address("", "kwame.osei-bonsu@agency.example") == "Kwame Osei-Bonsu"
    assert name_from_address("", "") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("NUALA O'KEEFE", "Nuala O'Keefe"),
        ("NUALA O’KEEFE", "Nuala O'Keefe"),
        ("ORLA D'ANGELO MBE", "Orla D'Angelo"),
        ("EWAN MCTAVISH", "Ewan McTavish"),
        ("IONA MACLEAN", "Iona Maclean"),
        ("ROSA PENRY-O'HARE", "Rosa Penry-O'Hare"),
        ("DR CASPAR FINCH-HOLLOWAY", "Caspar Finch-Holloway"),
        ("NUALA O'KEEFE'S", "Nuala O'Keefe"),
    ],
)
def test_person_name_title_cases_capitals_with_apostrophes_and_mc(line: str, name: str) -> None:
    assert person_name(line) == name


def test_surname_first() -> None:
    assert surname_first("Mora, Ines") == "Ines Mora"
    assert surname_first("Van der Berg, Ilse") == "Ilse Van der Berg"
    assert surname_first("De Vries, Ana") == "Ana De Vries"
    assert surname_first("De Vries, Ana Sofia") == "Ana Sofia De Vries"
    assert surname_first("Ines Mora, Omar Quist") is None  # two people
    assert surname_first("Mora, CBE") is None
    assert surname_first("Ines Mora") is None
    assert surname_first("Parks Department, Wexcombe") is None


def test_name_from_address_turns_a_surname_with_a_particle() -> None:
    assert name_from_address("La Touche, Remy", "remy.latouche@example.org") == "Remy La Touche"
