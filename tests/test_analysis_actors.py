"""Actor extraction on invented letters, emails and news articles (no names from any real case)."""

from __future__ import annotations

import pytest

from dossier.analysis.actors import find_actors
from dossier.analysis.name_matching import match_actor
from dossier.domain.findings import ActorFound, ActorKind
from dossier.domain.records import DetectedMetadata

LETTER = """Department for Rural Affairs
Civic Offices, Bell Lane
Portmere PM2 3CD

Councillor Priya Natarajan (Cabinet Member for Housing)
Wexcombe District Council
Town Hall
Wexcombe WX1 2AB

14 February 2021

Dear Priya,

Flood Recovery Funding For Coastal Towns

Thank you for your letter of 3 January. I have discussed it with Dr Amara Okafor, Director of Public \
Health, and with Sir Hugo Marchbanks KC, who chairs the Coastal Resilience Panel. Ms O'Neill from the \
Environment Agency (EA) will also attend.

Having considered the Council's proposals, I have asked Jean-Luc Moreau to lead the review. Mr van der \
Berg's report under the Children Act 1989 is also relevant. The Council will need to respond by March.

In December the Wexcombe Housing Board met with Tobias Venn, Ravindra
Kulkarni and Oksana Petrenko. Tobias, Ravindra and Oksana agreed to report. Okafor said the plan was sound.

I am copying this letter to Mark Ellery – Chief Executive, and Lucinda Faraday – Chair of the Housing Board.

Yours sincerely,

Rt Hon Gregory Nwosu MP
Minister for Rural Affairs
"""

ARTICLE = """Harbour review team to examine future of Portmere’s struggling housing services

Leading economist, chief planning officer and Eastmoor housing director will review Portmere's plans

The government has ended speculation about the future of Portmere council’s housing services.

The review, ordered by housing minister Rosalind Achterberg, replaces a planned inspection, which the \
Department for Housing recently warned would result in action.

Achterberg revealed the news in a letter to Portmere council leader Sir Desmond Allardyce, writing: \
“I have asked for a clear report on the council’s plans.”

The review will be carried out by Tamsin Ferreira-Lowe, professor of urban economics at the University of \
Northgate, with chief planning officer Kofi Mensah-Baird and Bryn Tallow, director of housing in Eastmoor.

In March, Ferreira-Lowe and Tallow recommended a new trust for Eastmoor.

Oswin Pryce, director of housing at Portmere, said he welcomed the review.

Related articles: Portmere admits its housing services have been underfunded

More from Housing Today
"""

# raw text-layer output: a name broken by a page break, blank lines inside a paragraph
RAW = """I wrote to you on 3 September about housing in Portmere. I think Oswin Pryce’s public \
acknowledgement of the problem has been helpful. I have therefore asked Tamsin Ferreira-Lowe \
(Professor of Urban Economics at the UNG) to lead a team with Bryn\x20



Tallow (DHS in Eastmoor) and the Chief Planning Officer, Kofi Mensah-Baird, to form a clear view \
and report back to me and the Secretary of State.

I have therefore asked Tamsin, Bryn and Kofi to:

• assess the Council’s plans; and

• advise me on any DfE action needed.

I would, in addition, want Tamsin, Bryn and Kofi to alert the Inspectorate if they identify concerns. \
Having considered this, Kofi will write to you. In December I will decide. Mark the date.
"""

COPY_LIST = """That is why I have asked Lady Farquhar to direct your improvement work as Commissioner for \
Portmere Housing. I have seen Lady Farquhar’s letter to the Secretary of State. Today’s report is clear. \
I will be appointing Lady
\x20
Imogen Farquhar as Commissioner for Housing in Portmere.

I am copying this letter to the following key people in Portmere, Councillor Bronwen Gale - Lead Member, \
Otto Brennan – Chief Executive, Asha Varma –\x20
Director for Place, Lady Farquhar – Commissioner for Housing, and Ciara O’Rourke – Portmere Tenants \
Board Chair.

Gregory Nwosu MP
Minister of State for Housing and Planning
"""

FORMAL = """OFFICIAL - SENSITIVE

MS JANET OKONKWO-SMITH
HEAD OF PLANNING
NORTHBRIDGE BOROUGH COUNCIL
1 HIGH STREET

Dear Sir/Madam,

Review Of Planning Services Under The Localism Act 2011

Following the meeting on Monday 4 May, the Secretary of State asked the Chief Inspector to visit. The Rt \
Hon Gregory Nwosu MP agreed. Baroness Hale of Kentmere and Mrs Asha Varma will join the visit. Mrs Varma \
will chair it.

Ann Roe and Ben Roe met the Local Government Association. Roe said little. Housing Minister Daniel \
Fairweather visited Northbridge. Northbridge Borough Council's Leader, Cllr Ifan Rhys, welcomed him. The \
Local Government Act 1972 applies. The Planning Inspectorate was told. Will the Council respond? Mark the \
date.

Yours faithfully,

J. R. Oduya
Head of Planning Policy
"""

NEWS = """Minister Backs New Plan For Harbour Towns

By Sally Kerrigan, Political Correspondent

The health secretary Wendell Ashby has told councils to act. Speaking in Leeds, Ashby said the Northern \
Care Trust would lead the work.

"We will not wait," said Dr Chen. Dr Chen added that the trust's board had met. Professor Ingrid \
Halvorsen, head of nursing at the University of Eastmoor, welcomed the news.

Grace Period Ends For Landlords

Related articles: Harbour Council Admits Failings

More from Care Weekly
"""

EMAIL = """Hi Ann,

Could you send the papers to Marcus Feld before Monday? Marcus wants to check the figures with the LGA \
and DfE first.

Best,
Tom
"""


def people(actors: list[ActorFound]) -> set[str]:
    return {a.name for a in actors if a.kind is ActorKind.PERSON}


def organisations(actors: list[ActorFound]) -> set[str]:
    return {a.name for a in actors if a.kind is ActorKind.ORGANISATION}


def actor(actors: list[ActorFound], name: str) -> ActorFound:
    found = [a for a in actors if a.name == name]
    assert len(found) == 1, [a.name for a in actors]
    return found[0]


# ---- people ---------------------------------------------------------------------------------------
def test_letter_people_with_honorifics_appositions_and_lists() -> None:
    actors = find_actors(LETTER)
    assert people(actors) == {
        "Priya Natarajan", "Amara Okafor", "Hugo Marchbanks", "O'Neill", "Jean-Luc Moreau", "van der Berg",
        "Tobias Venn", "Ravindra Kulkarni", "Oksana Petrenko", "Mark Ellery", "Lucinda Faraday",
        "Gregory Nwosu",
    }
    assert actor(actors, "Priya Natarajan").forms == ("Councillor Priya Natarajan", "Priya")
    assert actor(actors, "Priya Natarajan").posts == ("Cabinet Member for Housing",)
    assert actor(actors, "Amara Okafor").forms == ("Dr Amara Okafor", "Okafor")
    assert actor(actors, "Amara Okafor").posts == ("Director of Public Health",)
    assert actor(actors, "Hugo Marchbanks").forms == ("Sir Hugo Marchbanks KC",)
    assert actor(actors, "van der Berg").forms == ("Mr van der Berg",)  # possessive 's left out
    assert actor(actors, "Ravindra Kulkarni").forms == ("Ravindra Kulkarni", "Ravindra")  # across a line break
    assert actor(actors, "Mark Ellery").posts == ("Chief Executive",)
    assert actor(actors, "Lucinda Faraday").posts == ("Chair of the Housing Board",)
    assert actor(actors, "Gregory Nwosu").forms == ("Rt Hon Gregory Nwosu MP",)
    assert actor(actors, "Gregory Nwosu").posts == ("Minister for Rural Affairs",)


def test_news_article_posts_before_and_after_names_and_bare_surnames() -> None:
    actors = find_actors(ARTICLE)
    assert people(actors) == {"Rosalind Achterberg", "Desmond Allardyce", "Tamsin Ferreira-Lowe",
                              "Kofi Mensah-Baird", "Bryn Tallow", "Oswin Pryce"}
    assert actor(actors, "Rosalind Achterberg").forms == ("Rosalind Achterberg", "Achterberg")
    assert actor(actors, "Rosalind Achterberg").posts == ("housing minister",)
    assert actor(actors, "Desmond Allardyce").posts == ("Portmere council leader",)
    assert actor(actors, "Tamsin Ferreira-Lowe").forms == ("Tamsin Ferreira-Lowe", "Ferreira-Lowe")
    assert actor(actors, "Tamsin Ferreira-Lowe").posts == (
        "professor of urban economics at the University of Northgate",)
    assert actor(actors, "Kofi Mensah-Baird").posts == ("chief planning officer",)
    assert actor(actors, "Bryn Tallow").forms == ("Bryn Tallow", "Tallow")
    assert actor(actors, "Bryn Tallow").posts == ("director of housing in Eastmoor",)
    assert actor(actors, "Oswin Pryce").posts == ("director of housing at Portmere",)


def test_raw_text_names_broken_by_page_breaks_and_bare_first_names_in_lists() -> None:
    actors = find_actors(RAW)
    # "Oswin Pryce’s" alone is too little: an unknown given name in a possessive looks like a place
    # ("Waltham Forest’s"); with a listed party it is found (see below)
    assert people(actors) == {"Tamsin Ferreira-Lowe", "Bryn Tallow", "Kofi Mensah-Baird"}
    bryn = actor(actors, "Bryn Tallow")
    assert bryn.forms == ("Bryn Tallow", "Bryn")
    assert bryn.mentions[0].text == "Bryn \n\n\n\nTallow"  # exact span; the form has its spaces joined
    assert bryn.posts == ("DHS in Eastmoor",)
    assert actor(actors, "Tamsin Ferreira-Lowe").forms == ("Tamsin Ferreira-Lowe", "Tamsin")
    assert actor(actors, "Tamsin Ferreira-Lowe").posts == ("Professor of Urban Economics at the UNG",)
    kofi = actor(actors, "Kofi Mensah-Baird")
    assert kofi.posts == ("Chief Planning Officer",)
    assert len(kofi.mentions) == 4  # full name, two lists and "Kofi will write"
    assert organisations(actors) == {"UNG", "the Council", "DfE"}  # "(DHS in Eastmoor)" is a post
    with_party = find_actors(RAW, metadata=DetectedMetadata(cc=("Oswin Pryce",)))
    assert actor(with_party, "Oswin Pryce").mentions[0].text == "Oswin Pryce"  # not "Oswin Pryce’s"


def test_honorific_broken_across_lines_and_copy_list_posts() -> None:
    actors = find_actors(COPY_LIST)
    assert people(actors) == {"Imogen Farquhar", "Bronwen Gale", "Otto Brennan", "Asha Varma", "Ciara O'Rourke",
                              "Gregory Nwosu"}
    farquhar = actor(actors, "Imogen Farquhar")
    assert farquhar.forms == ("Lady Farquhar", "Lady Imogen Farquhar")
    assert len(farquhar.mentions) == 4
    assert farquhar.posts == ("Commissioner for Housing in Portmere", "Commissioner for Housing")
    assert actor(actors, "Bronwen Gale").posts == ("Lead Member",)
    assert actor(actors, "Asha Varma").posts == ("Director for Place",)  # the post wraps onto the next line
    assert actor(actors, "Ciara O'Rourke").forms == ("Ciara O’Rourke",)
    assert actor(actors, "Ciara O'Rourke").posts == ("Portmere Tenants Board Chair",)
    assert actor(actors, "Gregory Nwosu").posts == ("Minister of State for Housing and Planning",)


def test_formal_letter_titles_initials_capitals_and_ambiguous_surnames() -> None:
    actors = find_actors(FORMAL)
    assert people(actors) == {"Janet Okonkwo-Smith", "Gregory Nwosu", "Hale", "Asha Varma", "Ann Roe", "Ben Roe",
                              "Daniel Fairweather", "Ifan Rhys", "J. R. Oduya"}
    assert actor(actors, "Janet Okonkwo-Smith").forms == ("MS JANET OKONKWO-SMITH",)
    assert actor(actors, "Gregory Nwosu").forms == ("The Rt Hon Gregory Nwosu MP",)
    assert actor(actors, "Asha Varma").forms == ("Mrs Asha Varma", "Mrs Varma")
    assert actor(actors, "Daniel Fairweather").posts == ("Housing Minister",)
    assert actor(actors, "J. R. Oduya").posts == ("Head of Planning Policy",)
    # "Roe said little": two people share the surname, so the bare surname joins neither
    assert actor(actors, "Ann Roe").forms == ("Ann Roe",)
    assert actor(actors, "Ben Roe").forms == ("Ben Roe",)


def test_news_byline_speech_verbs_and_headlines() -> None:
    actors = find_actors(NEWS)
    assert people(actors) == {"Sally Kerrigan", "Wendell Ashby", "Chen", "Ingrid Halvorsen"}
    assert actor(actors, "Sally Kerrigan").posts == ("Political Correspondent",)
    assert actor(actors, "Wendell Ashby").forms == ("Wendell Ashby", "Ashby")
    assert actor(actors, "Wendell Ashby").posts == ("health secretary",)
    assert actor(actors, "Chen").forms == ("Dr Chen",)
    assert len(actor(actors, "Chen").mentions) == 2
    assert actor(actors, "Ingrid Halvorsen").posts == ("head of nursing at the University of Eastmoor",)


def test_email_names_from_an_echoed_first_name_and_the_parties() -> None:
    meta = DetectedMetadata(sender="Tom Hughes", recipients=("Ann Roe",))
    actors = find_actors(EMAIL, metadata=meta)
    assert people(actors) == {"Tom Hughes", "Ann Roe", "Marcus Feld"}
    assert actor(actors, "Tom Hughes").forms == ("Tom",)  # the signed first name; the full name from headers
    assert actor(actors, "Ann Roe").forms == ("Ann",)
    assert actor(actors, "Marcus Feld").forms == ("Marcus Feld", "Marcus")


def test_a_greeting_gives_the_recipient_named_in_the_parties() -> None:
    actors = find_actors("Hi Ann,\n\nThe figures are attached.", metadata=DetectedMetadata(recipients=("Ann Roe",)))
    assert [(a.name, a.forms) for a in actors] == [("Ann Roe", ("Ann",))]


def test_a_party_does_not_make_a_bare_first_name_a_mention() -> None:
    meta = DetectedMetadata(recipients=("Mark Ellery",))
    actors = find_actors("Dear Mark Ellery,\n\nMark the date in your diary.", metadata=meta)
    assert [(a.name, a.forms) for a in actors] == [("Mark Ellery", ("Mark Ellery",))]


def test_a_signed_first_name_that_is_the_sender() -> None:
    actors = find_actors("Thanks for the figures.\n\nBest,\nTom", metadata=DetectedMetadata(sender="Tom"))
    assert [(a.name, a.forms) for a in actors] == [("Tom", ("Tom",))]


def test_a_party_never_mentioned_is_still_a_person_with_no_mentions() -> None:
    meta = DetectedMetadata(sender="Ann Roe", sender_post="Chief Executive", cc=("Oluwaseun Adeyemi",))
    actors = find_actors("Ann Roe\nChief Executive\n\nThe plan is agreed.", metadata=meta)
    assert people(actors) == {"Ann Roe", "Oluwaseun Adeyemi"}
    assert actor(actors, "Oluwaseun Adeyemi").mentions == ()
    assert actor(actors, "Ann Roe").posts == ("Chief Executive",)


def test_mentions_are_exact_spans_of_the_text() -> None:
    for text in (LETTER, ARTICLE, RAW, COPY_LIST, FORMAL, NEWS, EMAIL):
        for found in find_actors(text):
            assert found.mentions
            for m in found.mentions:
                assert text[m.start:m.end] == m.text
            assert {" ".join(m.text.split()) for m in found.mentions} == set(found.forms)


@pytest.mark.parametrize(
    "text",
    [
        "Flood Recovery Funding For Coastal Towns\n\nThe council met on Monday.",
        "Having Considered the Options, we agree. In December the work starts.",
        "The Children Act 1989 and the Human Rights Act 1998 apply.",
        "Dear Sir/Madam,\n\nThe Secretary of State asked the Chief Inspector to review the Improvement Plan.",
        "Related articles: Harbour Admits Failings\n\nMore from Housing Weekly",
        "Our offices at Great Tanner Street and Riverside Buildings are closed in May and June.",
        "Grace Period Ends For Landlords In Coastal Towns",
        "Wexcombe and Portmere both declined. Social Care and Public Health teams will help.",
        "Support the Commissioner. Mark the date. Will the Board agree?",
        "Wexcombe City Council and the Local Government Association wrote to the Expert Panel.",
        "We reviewed the Grace Period rules and met at Victoria Station.",
        "The report went to St Mary’s Hospital and to King’s College.",
        "Dear Colleague,\n\nThe Annual Conference in Harrogate discussed the Pupil Premium.",
    ],
)
def test_no_false_persons(text: str) -> None:
    assert people(find_actors(text)) == set()


def test_a_given_name_with_a_surname_that_is_an_ordinary_word_needs_more() -> None:
    text = "The bell rang twice. Tessa Bell was not consulted."
    assert people(find_actors(text)) == set()
    text += " Tessa Bell’s view was clear."  # a second use and a possessive
    assert people(find_actors(text)) == {"Tessa Bell"}


def test_a_pronoun_after_a_name_marks_a_person() -> None:
    text = "Oswin Pryce and his team reported in March. Tiago Valdemar, who chairs it, agreed."
    assert people(find_actors(text)) == {"Oswin Pryce", "Tiago Valdemar"}


def test_a_list_of_three_full_names_is_a_list_of_people() -> None:
    text = "The panel heard from Oksana Petrenko, Tiago Valdemar and Ilse Brandvold on the proposals."
    assert people(find_actors(text)) == {"Oksana Petrenko", "Tiago Valdemar", "Ilse Brandvold"}


def test_bare_first_name_only_counts_when_used_as_a_name() -> None:
    text = "I met Mark Ellery, Chief Executive, today. Mark the date: Mark will write on Friday."
    ellery = actor(find_actors(text), "Mark Ellery")
    assert [m.text for m in ellery.mentions] == ["Mark Ellery", "Mark"]
    assert ellery.mentions[1].start == text.index("Mark will")


def test_bare_first_name_shared_by_two_people_joins_neither() -> None:
    text = "Dr Ann Roe and Dr Ann Bee met. Ann agreed to write."
    actors = find_actors(text)
    assert actor(actors, "Ann Roe").forms == ("Dr Ann Roe",)
    assert actor(actors, "Ann Bee").forms == ("Dr Ann Bee",)


def test_damaged_salutation_still_gives_the_first_name() -> None:
    text = "Professor Ingrid Halvorsen\nDepartment of Nursing\n\nDen Ingrid.\n\nThank you for your report."
    found = actor(find_actors(text), "Ingrid Halvorsen")
    assert found.forms == ("Professor Ingrid Halvorsen", "Ingrid")


# ---- organisations --------------------------------------------------------------------------------
def test_letter_organisations() -> None:
    actors = find_actors(LETTER)
    assert organisations(actors) == {"Department for Rural Affairs", "Wexcombe District Council",
                                     "Coastal Resilience Panel", "Environment Agency", "Wexcombe Housing Board"}
    assert actor(actors, "Wexcombe District Council").forms == ("Wexcombe District Council", "the Council",
                                                                "The Council")
    assert actor(actors, "Environment Agency").forms == ("Environment Agency", "EA")
    assert actor(actors, "Wexcombe Housing Board").forms == ("Wexcombe Housing Board", "Housing Board")


def test_article_organisations_and_a_lower_case_council() -> None:
    actors = find_actors(ARTICLE)
    assert organisations(actors) == {"Portmere council", "Department for Housing", "University of Northgate"}
    assert actor(actors, "Portmere council").forms == ("Portmere council", "the council")


def test_the_council_stays_as_written_without_exactly_one_council() -> None:
    none = find_actors("We wrote to the Council and your Council replied.")
    assert [(a.name, a.forms) for a in none] == [("the Council", ("the Council", "your Council"))]
    two = find_actors("Wexcombe District Council and Portmere City Council met. The Council agreed.")
    assert organisations(two) == {"Wexcombe District Council", "Portmere City Council", "the Council"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The LGA and the DfE agreed; so did the NHS.", {"LGA", "DfE", "NHS"}),
        ("Ann Roe MP CBE met the DCS on Monday.", set()),
        ("OFFICIAL - SENSITIVE\n\nPRIVATE AND CONFIDENTIAL\n\nThe plan is agreed.", set()),
        ("See Part II and Annex IV. I agree.", set()),
        ("The Local Government Act 1972 and the Children and Families Act 2014 apply.", set()),
        ("Your Chief Executive and the Secretary of State agreed.", set()),
        ("The Department for Culture, Media and Sport and the London School of Hygiene wrote.",
         {"Department for Culture, Media and Sport", "London School of Hygiene"}),
        ("The Local Government Association (LGA) wrote. The LGA then met the Northern Care Trust.",
         {"Local Government Association", "Northern Care Trust"}),
        ("Review Of Planning Services Under The New Rules", set()),
    ],
)
def test_organisations(text: str, names: set[str]) -> None:
    assert organisations(find_actors(text)) == names


def test_acronym_before_its_full_name_is_merged() -> None:
    actors = find_actors("The DfE wrote first. Later the Department for Education confirmed it.")
    assert actor(actors, "Department for Education").forms == ("DfE", "Department for Education")


# ---- match_actor ----------------------------------------------------------------------------------
KNOWN = ["Imogen Farquhar", "Tamsin Le Roux", "Tamsin Ferreira-Lowe", "Bryn Tallow", "Department for Housing"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Lady Farquhar", "Imogen Farquhar"),
        ("Lady Imogen Farquhar", "Imogen Farquhar"),
        ("Le Roux", "Tamsin Le Roux"),
        ("Professor Le Roux", "Tamsin Le Roux"),
        ("Professor Tamsin Le Roux", "Tamsin Le Roux"),
        ("Tamsin", None),  # two known people are called Tamsin
        ("Bryn", "Bryn Tallow"),
        ("Mr Tallow's", "Bryn Tallow"),
        ("B. Tallow", "Bryn Tallow"),
        ("Roux", None),  # a particle's surname is "Le Roux"
        ("Otto Brennan", None),
        ("Bryn Tallow-Hughes", None),
        ("DfH", "Department for Housing"),
        ("department for housing", "Department for Housing"),
    ],
)
def test_match_actor(name: str, expected: str | None) -> None:
    assert match_actor(name, KNOWN) == expected


def test_match_actor_does_not_shorten_a_fuller_name() -> None:
    assert match_actor("Adaeze Okafor", ["Okafor"]) is None
    assert match_actor("Okafor", ["Adaeze Okafor"]) == "Adaeze Okafor"


def _shorter_forms_by_brute_force(name: str, known: list[str], organisation: bool) -> list[str]:
    """The definition, tried against every other name in turn (what shorter_forms_of must agree with)."""
    from dossier.analysis.name_matching import refers_to

    out = []
    for short in known:
        if short == name:
            continue
        others = [k for k in known if k != short and k != name] + [name]
        if match_actor(short, others) == name or (organisation and refers_to(short, others) == name):
            out.append(short)
    return out


@pytest.mark.parametrize("organisation", [False, True])
def test_shorter_forms_agree_with_trying_every_other_name(organisation: bool) -> None:
    import random

    from dossier.analysis.name_matching import shorter_forms_of

    rng = random.Random(5)
    firsts = ["Ann", "Alan", "Priya", "Tobias", "Nadia", "Owen"]
    lasts = ["Roe", "Marsh", "Pellow", "Quennell", "Tralee", "Okafor"]
    people = [f"{first} {last}" for first in firsts for last in lasts] + lasts + firsts + ["Dr Roe", "Professor Marsh", "AR"]
    orgs = ["Harrowfield Council", "the Council", "Wessex Institute", "the Institute", "HC", "Department for Tests"]
    names = orgs if organisation else people
    absorbed = 0
    for _ in range(200):
        known = rng.sample(names, rng.randint(2, min(8, len(names))))
        name = rng.choice(names)
        found = shorter_forms_of(name, known, organisation=organisation)
        assert found == _shorter_forms_by_brute_force(name, known, organisation), (name, known)
        absorbed += len(found)
    assert absorbed > 5  # the names do absorb one another, so the comparison says something


@pytest.mark.parametrize("name, organisation", [
    ("Private Office", True), ("Press Office", True), ("Children's Services Team", True),
    ("Correspondence Unit", True), ("Department for Transport", True), ("the Council", True),
    ("Wexcombe District Council", True),
    ("Ann Roe", False), ("Dr Ann Council", False), ("Margaret Court", False),
    ("The Rt Hon Ann Roe MP", False), ("Lord Marchbanks", False),
])
def test_a_party_named_for_an_office_is_an_organisation(name: str, organisation: bool) -> None:
    from dossier.analysis.actors_orgs import organisation_name

    assert organisation_name(name) is organisation


def test_parties_that_are_offices_are_organisations_found_where_the_text_names_them() -> None:
    text = "Dear Minister,\n\nThe Press Office has the figures. Ann Roe will call.\n"
    meta = DetectedMetadata(sender="Tom Hughes", recipients=("Private Office",), cc=("Press Office",))
    found = {a.name: a for a in find_actors(text, metadata=meta)}
    assert {n: a.kind for n, a in found.items()} == {
        "Tom Hughes": ActorKind.PERSON, "Private Office": ActorKind.ORGANISATION,
        "Press Office": ActorKind.ORGANISATION, "Ann Roe": ActorKind.PERSON}
    assert [m.text for m in found["Press Office"].mentions] == ["Press Office"]
    assert found["Private Office"].mentions == ()


def test_an_acronym_and_a_proper_word_after_it_are_one_body() -> None:
    text = ("Dear Ann,\n\nHM Treasury has agreed the bid, and Harbour Improvement will meet the Trust in May. "
            "The NHS Plan sets the targets; NHS Digital will publish the data, and the EA Chair will attend.\n")
    names = [a.name for a in find_actors(text) if a.kind is ActorKind.ORGANISATION]
    assert "HM Treasury" in names and "NHS Digital" in names
    assert "NHS Plan" not in names and "EA Chair" not in names


def test_letters_of_a_reference_are_not_an_organisation() -> None:
    text = "Our ref: ASC/2020/114\nYour ref: MIN-4471\n\nDear Ann,\n\nThe LGA has written to us about the DfE grant.\n"
    names = [a.name for a in find_actors(text) if a.kind is ActorKind.ORGANISATION]
    assert names == ["LGA", "DfE"]


def test_initials_in_minutes_are_the_person_named_in_full() -> None:
    text = ("Present: Mrs Helen Achebe (Chair), Mr Daniel Petrov, Ms Joanna Fields\n\n"
            "DP reported on the audit.\nACTION: DP to send the findings to JF.\nThe NHS was represented.\n")
    found = {a.name: a for a in find_actors(text)}
    assert found["Daniel Petrov"].forms == ("Mr Daniel Petrov", "DP")
    assert found["Joanna Fields"].forms == ("Ms Joanna Fields", "JF")
    assert "DP" not in found and "JF" not in found
    assert found["NHS"].kind is ActorKind.ORGANISATION  # no one here has those initials


def test_a_department_named_with_a_list_and_a_venue_that_is_no_body() -> None:
    names = [a.name for a in find_actors("Lucy Hart at the Department for Levelling Up, Housing and Communities wrote.")]
    assert names == ["Lucy Hart", "Department for Levelling Up, Housing and Communities"]
    assert find_actors("We met at the Civic Centre and then at the Conference Centre.") == []
    assert [a.name for a in find_actors("The Kestrel Community Centre closed.")] == ["Kestrel Community Centre"]
