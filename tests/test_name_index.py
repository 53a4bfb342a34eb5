"""The index of known names gives `match_actor`, `refers_to` and `shorter_forms_of` the same answers
as reading every known name."""

import itertools

import pytest

from dossier.analysis.name_matching import NameIndex, match_actor, refers_to, shorter_forms_of

PEOPLE = ["Ann Roe", "Roe", "Ann", "A Roe", "Robert Bee", "Rob Bee", "Bee", "Al Bee", "Lord Bee", "Kit Vane",
          "Christopher Vane", "Chris", "Ann Le Roux", "Le Roux", "Roux", "Dr Ann Roe", "ann roe", "Mary Ann Roe",
          "Ben Okoro", "Okoro", "B. Okoro", "Jo Frame"]
ORGANISATIONS = ["Wessex County Council", "the Council", "WCC", "Wessex Health Board", "the Board", "WHB",
                 "Council", "Anytown Borough Council", "Department for Roads", "DfR", "your Department"]


@pytest.mark.parametrize("known", [PEOPLE, ORGANISATIONS, PEOPLE + ORGANISATIONS])
def test_matching_through_the_index_gives_the_same_answer(known: list[str]) -> None:
    index = NameIndex(known)
    for name in [*known, "Roe", "Rob", "Kit", "Christopher", "Vane", "Anne Roe", "WCC", "WHB", "the Council",
                 "the Board", "the Trust", "Jo", "Frame", "Nobody Else", "", "  Ann Roe "]:
        assert match_actor(name, known, index) == match_actor(name, known), name
        assert refers_to(name, known, index) == refers_to(name, known), name


@pytest.mark.parametrize("organisation", [False, True])
def test_shorter_forms_through_the_index_are_the_same(organisation: bool) -> None:
    known = ORGANISATIONS if organisation else PEOPLE
    index = NameIndex(known)
    for name in known:
        assert (shorter_forms_of(name, known, organisation=organisation, index=index)
                == shorter_forms_of(name, known, organisation=organisation)), name


def test_shorter_forms_are_found_and_an_ambiguous_one_left_alone() -> None:
    known = ["Roe", "Ann Roe", "Bee", "Al Bee", "Ray Bee"]
    index = NameIndex(known)
    assert shorter_forms_of("Ann Roe", known, index=index) == ["Roe"]
    assert shorter_forms_of("Al Bee", known, index=index) == []  # "Bee" may be Ray Bee too


def test_the_index_follows_names_added_and_removed_in_order() -> None:
    index = NameIndex(["Ann Roe", "Bob Roe"])
    assert match_actor("Roe", ["Ann Roe", "Bob Roe"], index) is None  # two people named Roe
    index.remove("Bob Roe")
    assert match_actor("Roe", ["Ann Roe"], index) == "Ann Roe"
    index.add("Ben Okoro")
    index.add("Ann Roe")  # already known: its place is kept
    assert index.ordered({"Ben Okoro", "Ann Roe"}) == ["Ann Roe", "Ben Okoro"]
    assert "Bob Roe" not in index and "Ben Okoro" in index


def test_every_order_of_a_few_names_agrees() -> None:
    for known in itertools.permutations(["Ann Roe", "Roe", "A Roe", "ann roe", "Ann"]):
        index = NameIndex(known)
        for name in known:
            assert match_actor(name, list(known), index) == match_actor(name, list(known))
            assert shorter_forms_of(name, known, index=index) == shorter_forms_of(name, known)
