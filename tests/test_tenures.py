"""Tenure rules: when a person started in a post and when they left it (invented sentences)."""

import pytest

from dossier.analysis.actors import find_actors
from dossier.analysis.temporal import find_dates
from dossier.analysis.tenures import END, HOLDS, LEFT, START, TENURE_RULES, find_tenures
from dossier.domain.dates import PartialDate

DATE = PartialDate.of(2014, 4, 2)


def tenures(sentence: str, sender: str | None = "Kay Sim"):
    text = f"Dear Mr Sim,\n\n{sentence}\n\nYours sincerely,\n\nKay Sim\nClerk to the Board\n"
    return find_tenures(text, find_actors(text), find_dates(text, DATE), sender=sender, document_date=DATE)


def one(sentence: str):
    found = [t for t in tenures(sentence) if t.person != "Kay Sim" or "I " in sentence]
    assert len(found) == 1, found
    t = found[0]
    return t.person, t.post, t.sets, t.date.value if t.date else None, t.rule


def test_every_rule_reads_its_examples():
    for rule in TENURE_RULES:
        for example in rule.examples:
            assert any(t.rule == rule.name for t in tenures(example)), (rule.name, example)


@pytest.mark.parametrize("sentence, expected", [
    ("Ann Roe joined the council as Director of Place on 3 March 2014.",
     ("Ann Roe", "Director of Place", START, "2014-03-03", "joined-as")),
    ("Sam Doe has been appointed Chief Executive with effect from 1 September.",
     ("Sam Doe", "Chief Executive", START, "2014-09-01", "appointed")),
    ("The board appointed Kim Lowe as Chief Executive from 1 May 2014.",
     ("Kim Lowe", "Chief Executive", START, "2014-05-01", "appointed-name-as")),
    ("Tom Bell took up post as Head of Planning in May 2013.",
     ("Tom Bell", "Head of Planning", START, "2013-05", "took-up-post")),
    ("Jo Fry started as Head of Housing on 2 June 2014.",
     ("Jo Fry", "Head of Housing", START, "2014-06-02", "started-as")),
    ("Ben Hart, acting Director of Finance from 1 May 2014, wrote to the panel.",
     ("Ben Hart", "Director of Finance", START, "2014-05-01", "acting-from")),
    ("Jo Fry will step down at the end of June.", ("Jo Fry", "", END, "2014-06", "will-step-down")),
    ("Jo Fry will step down as Head of Housing at the end of June.",
     ("Jo Fry", "Head of Housing", END, "2014-06", "will-step-down")),
    ("Ann Roe, formerly Head of Planning, now leads the team.",
     ("Ann Roe", "Head of Planning", LEFT, None, "formerly")),
    ("The former Chief Executive, Jo Fry, spoke at the meeting.",
     ("Jo Fry", "Chief Executive", LEFT, None, "former")),
    ("Former Chief Executive Jo Fry spoke at the meeting.",
     ("Jo Fry", "Chief Executive", LEFT, None, "former")),
    ("Ann Roe moved from Head of Planning to the new post.",
     ("Ann Roe", "Head of Planning", LEFT, None, "moved-from")),
    ("Ann Roe was Interim Director until 31 August 2014.",
     ("Ann Roe", "Interim Director", END, "2014-08-31", "until")),
    ("The outgoing Chair, Pat Moss, agreed the minutes.", ("Pat Moss", "Chair", HOLDS, None, "outgoing")),
    ("The newly appointed Chief Executive, Kim Lowe, said so.",
     ("Kim Lowe", "Chief Executive", START, "2014-04-02", "newly-appointed")),
])
def test_rules(sentence, expected):
    assert one(sentence) == expected


def test_a_left_post_with_a_date_is_an_end():
    [t] = [t for t in tenures("Jo Fry stepped down as Head of Housing on 30 June 2013.") if t.person == "Jo Fry"]
    assert (t.post, t.sets, t.date.value) == ("Head of Housing", END, "2013-06-30")


def test_i_is_the_sender():
    [t] = tenures("I will step down as Clerk to the Board at the end of June.")
    assert (t.person, t.post, t.sets, t.date.value) == ("Kay Sim", "Clerk to the Board", END, "2014-06")


def test_a_person_the_actor_analysis_left_out_is_named():
    found = tenures("I am pleased to say that Ann Roe has been appointed Director of Place from 1 May 2014.")
    [t] = [t for t in found if t.rule == "appointed"]
    assert t.person == "Ann Roe" and t.person_span is not None


@pytest.mark.parametrize("sentence", [
    "The council has appointed consultants to review the depot.",  # no person, no post
    "Ann Roe joined the meeting at 10am.",  # joined, but not as a post
    "Ann Roe joined us as we left the hall.",
    "The depot, formerly known as the Old Yard, is closed.",  # "formerly known as"
    "Ann Roe visited the former depot on 3 March.",  # "former" with no post
    "The former is better than the latter, Ann Roe said.",
    "Ann Roe was acting in good faith from the start.",  # "acting" is a verb
    "Ann Roe will step down the plans for the depot.",  # no date: nothing of a tenure
    "Ann Roe will retire to Anytown.",
    "The outgoing post was sent on Friday.",
    "Ann Roe remained calm until the end of the meeting.",
    "Ann Roe, who chaired the board until 2012, will attend the meeting in July.",
    "We have appointed a new contractor with effect from 1 May.",
    "Ann Roe was pleased to meet the Chief Executive on 3 March 2014.",
])
def test_sentences_left_alone(sentence):
    found = [t for t in tenures(sentence) if t.person != "Kay Sim"]
    assert found == [], found


def test_a_date_further_on_dates_something_else():
    [t] = [t for t in tenures("Ann Roe, formerly Head of Planning, will meet you in July.") if t.person == "Ann Roe"]
    assert (t.sets, t.date) == (LEFT, None)


def test_a_person_appointed_from_the_post_named_beside_the_name_leaves_it():
    found = {(t.person, t.post, t.sets, t.rule) for t in tenures(
        "Ann Roe, our Head of Planning, has been appointed Director of Place with effect from 1 May 2014.")}
    assert ("Ann Roe", "Head of Planning", LEFT, "moving-on-appointed") in found
    assert ("Ann Roe", "Director of Place", START, "appointed") in found


@pytest.mark.parametrize("sentence", [
    "Ann Roe, our Head of Planning, has been appointed to the board.",  # a seat, not a post that replaces hers
    "Ann Roe, our Head of Planning, met the panel on 3 March 2014.",
])
def test_a_post_beside_a_name_without_a_new_post_is_still_held(sentence):
    assert not [t for t in tenures(sentence) if t.sets == LEFT]
