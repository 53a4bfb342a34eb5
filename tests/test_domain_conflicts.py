"""The conflict rule and the joining rule, pure (domain.conflicts): no database. And the database
layer holds none of their thresholds. Invented people and events only."""

from __future__ import annotations

import ast
from pathlib import Path

from dossier.domain import conflicts
from dossier.domain.conflicts import (
    Account,
    may_conflict,
    one_event_dated_differently,
    same_event,
    share_a_run,
)
from dossier.domain.dates import PartialDate

DB = Path(__file__).resolve().parent.parent / "dossier" / "db"


def acc(day: int, description: str, *actors: str, document: int, month: int = 3) -> Account:
    return Account(PartialDate.of(2021, month, day), description, frozenset(actors), frozenset({document}))


def test_two_shared_actors_within_seven_days_conflict_whatever_the_words() -> None:
    a = acc(2, "Opening of the harbour footbridge", "Tom Hale", "Rosa Penn", document=1)
    b = acc(9, "Quarterly talks on grazing rights", "Tom Hale", "Rosa Penn", document=2)
    assert one_event_dated_differently(a, b)
    assert one_event_dated_differently(b, a)


def test_one_shared_actor_and_similar_words_within_seven_days_conflict() -> None:
    a = acc(2, "Tom Hale opened the harbour footbridge", "Tom Hale", document=1)
    b = acc(6, "Tom Hale opened the harbour footbridge yesterday", "Tom Hale", document=2)
    assert conflicts.similar(a.description, b.description) >= conflicts.CONFLICT_SIMILARITY
    assert one_event_dated_differently(a, b)


def test_one_shared_actor_and_unlike_words_are_two_events() -> None:
    a = acc(2, "Tom Hale opened the harbour footbridge", "Tom Hale", document=1)
    b = acc(6, "Tom Hale chaired quarterly grazing talks", "Tom Hale", document=2)
    assert conflicts.similar(a.description, b.description) < conflicts.CONFLICT_SIMILARITY
    assert not one_event_dated_differently(a, b)


def test_eight_days_apart_is_no_conflict() -> None:
    a = acc(2, "Opening of the harbour footbridge", "Tom Hale", "Rosa Penn", document=1)
    b = acc(10, "Opening of the harbour footbridge", "Tom Hale", "Rosa Penn", document=2)
    assert not one_event_dated_differently(a, b)
    seven = acc(9, "Opening of the harbour footbridge", "Tom Hale", "Rosa Penn", document=2)
    assert one_event_dated_differently(a, seven)


def test_no_actor_in_common_or_one_document_or_the_same_day_is_no_conflict() -> None:
    a = acc(2, "Opening of the harbour footbridge", "Tom Hale", "Rosa Penn", document=1)
    assert not one_event_dated_differently(a, acc(4, "Opening of the harbour footbridge", "Ida Moss", document=2))
    assert not one_event_dated_differently(a, acc(4, a.description, "Tom Hale", "Rosa Penn", document=1))
    assert not one_event_dated_differently(a, acc(2, a.description, "Tom Hale", "Rosa Penn", document=2))


def test_only_dated_events_with_an_actor_may_conflict() -> None:
    day = PartialDate.of(2021, 3, 2)
    assert may_conflict("event", day, {"Tom Hale"})
    assert not may_conflict("event", day, set())
    assert not may_conflict("deadline", day, {"Tom Hale"})
    assert not may_conflict("event", None, {"Tom Hale"})
    assert not may_conflict("event", PartialDate.of(2021), {"Tom Hale"})


def test_a_reference_joins_an_entry_worded_alike_quoting_it_or_with_two_actors_in_common() -> None:
    assert same_event("The ferry timetable was revised", set(), "The ferry timetable was revised", set())
    assert same_event("Spring survey", {"Tom Hale", "Rosa Penn"}, "Autumn count", {"Tom Hale", "Rosa Penn"})
    assert not same_event("Spring survey", {"Tom Hale"}, "Autumn count", {"Tom Hale"})
    quoted = "the committee agreed that the old ferry slipway would close for repairs in spring"
    assert share_a_run("As noted, " + quoted + ".", quoted.upper())
    assert same_event("As noted, " + quoted, set(), "Minutes: " + quoted + " and more besides", set())


def _names_defined(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
    return names


def test_no_database_module_defines_the_conflict_rules_or_their_thresholds() -> None:
    rules = _names_defined(ast.parse(Path(conflicts.__file__).read_text(encoding="utf-8")))
    assert {"CONFLICT_WINDOW_DAYS", "CONFLICT_SIMILARITY", "JOIN_SIMILARITY", "SHARED_RUN", "share_a_run",
            "one_event_dated_differently"} <= rules
    for path in sorted(DB.rglob("*.py")):
        defined = _names_defined(ast.parse(path.read_text(encoding="utf-8")))
        assert not defined & rules, f"{path.name} defines {sorted(defined & rules)}"
