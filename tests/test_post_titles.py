"""One post is one post: the title normaliser (invented titles and bodies)."""

import pytest

from dossier.analysis.post_titles import normalise_post


def key(title: str) -> str:
    found = normalise_post(title)
    assert found is not None, title
    return found.key


@pytest.mark.parametrize("variant", [
    "Chief Executive", "chief executive", "CHIEF EXECUTIVE", "  Chief   Executive ", "the Chief Executive",
    "Chief Executive’s", "Chief Executive's", "Chief Executive, 1 High Street, Anytown",
    "Chief Executive, Civic Centre, Anytown AN1 2BC", "Chief Executive, Anytown", "Chief Executive (acting)",
    "Interim Chief Executive", "Acting Chief Executive", "Chief Executive (interim, until the spring)",
    "Chief Executive-designate", "formerly Chief Executive", "the former Chief Executive",
    "the outgoing Chief Executive", "newly appointed Chief Executive", "Chief Executive from 1",
])
def test_variants_of_one_post_share_a_key(variant):
    assert key(variant) == "chief executive"


@pytest.mark.parametrize("variant", [
    "Director of Children's Services", "Director of Children’s Services", "Director of Children‘s Services",
    "Director of Children`s Services", "DIRECTOR OF CHILDREN'S SERVICES", "director of children's services",
    "Director of Children's Services (acting)",
])
def test_quotes_and_apostrophes_fold(variant):
    assert key(variant) == "director of childrens services"


@pytest.mark.parametrize("a, b", [
    ("Chief Executive", "Deputy Chief Executive"),
    ("Chief Executive", "Chief Executive Officer"),
    ("Director of Place", "Director of Public Health"),
    ("Head of Planning", "Head of Planning Policy"),
    ("Director", "Assistant Director"),
    ("Chief Executive of Wessex County Council", "Chief Executive of Anytown Borough Council"),
    ("Chair", "Vice-Chair"),
])
def test_different_posts_stay_apart(a, b):
    assert key(a) != key(b)


def test_display_form_is_the_common_capitalised_one():
    assert normalise_post("chief executive").title == "Chief Executive"
    assert normalise_post("DIRECTOR OF PLACE").title == "Director of Place"
    assert normalise_post("Head of HR").title == "Head of HR"
    assert normalise_post("Director of Children’s Services").title == "Director of Children's Services"


def test_a_note_is_kept_apart_from_the_post():
    found = normalise_post("Interim Director (acting)")
    assert (found.title, found.note) == ("Director", "acting")
    assert normalise_post("Acting Director of Place").note == "acting"
    assert normalise_post("Director of Place").note is None


def test_a_trailing_organisation_is_the_post_s_organisation():
    found = normalise_post("Chief Executive of Wessex County Council")
    assert (found.title, found.organisation) == ("Chief Executive", "Wessex County Council")
    assert found.key == "chief executive @ wessex county council"
    assert normalise_post("the Chief Executive of the Wessex County Council").key == found.key
    assert normalise_post("Chief Executive, Wessex County Council").key == found.key
    prof = normalise_post("Professor of Public Policy at the University of Wessex")
    assert (prof.title, prof.organisation) == ("Professor of Public Policy", "University of Wessex")


@pytest.mark.parametrize("title", [
    "Director of Children's Services", "Secretary of State for Education", "Leader of the Council",
    "Chair of the Board", "Head of Service", "Minister for Schools, Children and Families",
])
def test_titles_that_name_no_particular_body_stay_whole(title):
    found = normalise_post(title)
    assert found.organisation is None
    assert found.title == title


def test_tenure_words_give_a_status():
    assert normalise_post("formerly Head of Planning").status == "left"
    assert normalise_post("Former Chief Executive").status == "left"
    assert normalise_post("the outgoing Chair").status == "outgoing"
    assert normalise_post("newly appointed Chief Executive").status == "new"
    assert normalise_post("Chief Executive").status is None
    assert normalise_post("Executive Director").status is None  # "Ex..." is no "ex-"


@pytest.mark.parametrize("text", ["", "   ", "(acting)", "—", "the"])
def test_nothing_of_a_post(text):
    found = normalise_post(text)
    assert found is None or found.title.casefold() != "the"


def test_what_is_not_part_of_a_title():
    from dossier.analysis.post_titles import without_name

    assert normalise_post(without_name("Dr Ann Roe Lead Commissioner", ["Ann Roe"])).title == "Lead Commissioner"
    assert without_name("Ann Roe", ["Ann Roe"]) == ""
    assert without_name("Head of Roe Services", ["Ann Roe"]) == "Head of Roe Services"
    assert normalise_post("Chair of the Committee › Documents › Page 2").title == "Chair of the Committee"
    assert normalise_post("to the Secretary of State for Transport") is None  # a recipient, not the writer's post


def test_the_organisation_is_the_body_named_last():
    found = normalise_post("Director of Place of Wessex County Council")
    assert (found.title, found.organisation) == ("Director of Place", "Wessex County Council")
