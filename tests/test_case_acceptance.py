"""Acceptance of "briefing-ready facts" on an invented case a new user files whole.

The case (tests/fixtures/case_valley) is a dozen invented letters, minutes and emails: a person who
changes post midway, two letters that date his start in post differently, actions owned through
pronouns, posts and passives, later letters that report earlier actions done, letters without a
subject line and courtesies. `benchmarks.case_quality` files it into a fresh dossier, accepts every
suggestion and exports the default briefing as at the case's last date; each criterion is asserted
here against the bar the issue sets. The marks say which need work that has not landed yet.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benchmarks import case_quality
from benchmarks.case_build import GOLD_FILE, build

CASE = Path(__file__).parent / "fixtures" / "case_valley"


def gold() -> dict:
    return json.loads((CASE / GOLD_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return case_quality.run_case(CASE, tmp_path_factory.mktemp("case_valley"))


def criterion(report: dict, name: str) -> dict:
    return next(c for c in report["criteria"] if c["name"] == name)


# -- the case itself -------------------------------------------------------------------------------

def test_the_case_builds_its_word_and_pdf_papers(tmp_path: Path) -> None:
    files = build(CASE, tmp_path)
    names = [p.name for p in files]
    assert names == sorted(d["file"] for d in gold()["documents"])
    assert {p.suffix for p in files} == {".txt", ".eml", ".docx", ".pdf"}
    assert all(p.stat().st_size > 0 for p in files)


def test_the_gold_agrees_with_the_papers() -> None:
    g = gold()
    files = {d["file"] for d in g["documents"]}
    texts = {p.name.removesuffix(".txt") if p.parent.name == "sources" else p.name: p.read_text(encoding="utf-8")
             for p in [*CASE.iterdir(), *(CASE / "sources").iterdir()] if p.suffix in (".txt", ".eml")}
    assert set(texts) == files
    assert max(d["date"] for d in g["documents"]) == g["last_date"]
    assert len(g["documents"]) >= 12
    for d in g["deadlines"]:
        assert d["file"] in files and set(d.get("also_in", ())) <= files
        day = dt.date.fromisoformat(d["due"])
        assert f"{day.day} {day:%B}" in texts[d["file"]], d  # each deadline is written in its letter
        assert set(d["owner"]) <= set(g["actors"]), d
    change, conflict = g["post_change"], g["conflict"]
    assert "has been appointed" in texts[change["announced_in"]]
    assert set(conflict["files"]) <= files and len(set(conflict["dates"])) == 2
    assert sum(not d["subject"] for d in g["documents"]) >= 4  # letters without a subject line


def test_the_papers_are_filed_and_read(report: dict) -> None:
    assert report["filed"] == report["papers"] == 12 and not report["failed"]
    assert report["suggestions_accepted"] > 0 and report["actions"] > 0
    right = report["metadata"]["right"]
    assert right["date"] == right["kind"] == 12


# -- the bars ------------------------------------------------------------------------------

def test_summaries_and_descriptions_are_in_the_third_person(report: dict) -> None:
    c = criterion(report, "third_person")
    assert c["value"] >= 0.95, c["detail"]["examples"]


def test_dated_actions_have_the_right_owner(report: dict) -> None:
    c = criterion(report, "owners")
    assert c["detail"]["matched"] >= 0.8 * c["detail"]["deadlines"]
    assert c["value"] >= 0.80, [r for r in c["detail"]["per_deadline"] if not r["right"]]


def test_the_post_change_is_two_tenures(report: dict) -> None:
    c = criterion(report, "post_change")
    assert c["passed"], c["detail"]


def test_the_whos_who_as_at_the_last_date_shows_the_new_post(report: dict) -> None:
    c = criterion(report, "whos_who_as_at")
    assert c["passed"], c["detail"]


def test_the_two_accounts_are_a_conflict(report: dict) -> None:
    c = criterion(report, "conflict")
    assert c["passed"], c["detail"]


def test_no_title_is_a_file_name(report: dict) -> None:
    c = criterion(report, "titles")
    assert c["value"] == 0, c["detail"]["examples"]


def test_the_briefing_has_at_most_twelve_pages(report: dict) -> None:
    assert criterion(report, "pages")["value"] <= 12


# -- the measurement's own rules -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I will write to the Minister", "send me the plan", "Report to you by Friday", "our officers",
    "We’ll confirm", "at the request of yours truly", "as it suits us",
])
def test_a_first_or_second_person_word_is_found(text: str) -> None:
    assert case_quality.personal_words(text)


@pytest.mark.parametrize("text", [
    "Ann Roe to send the Minister the plan (by 3 Mar 2019)", "(i) the Council to publish its plan",
    "Wessex County Council wrote to the US embassy", "Yourston Trust met the Mayor", "the Council's own museum",
])
def test_third_person_text_is_left_alone(text: str) -> None:
    assert not case_quality.personal_words(text)


def test_names_compare_without_honorifics_and_post_nominals() -> None:
    assert case_quality.norm_name("Dame Ann Roe DBE") == case_quality.norm_name("Ann Roe")
    assert case_quality.norm_name("Councillor Sam Doe") == "sam doe"
    assert case_quality.norm_name("The Rt Hon Sam Doe MP") == "sam doe"
    assert case_quality.norm_name("Ann Roe") != case_quality.norm_name("Anne Roe")


def test_a_post_title_matches_with_its_organisation_but_not_another_post() -> None:
    assert case_quality.holds("Chief Executive, Wessex County Council", "Chief Executive")
    assert case_quality.holds("the Director of Children’s Services", "Director of Children's Services")
    assert not case_quality.holds("Deputy Chief Executive", "Chief Executive")
    assert not case_quality.holds("Chief Executive Officer's assistant", "Chief Executive")


def test_the_whos_who_as_at_is_read_from_whichever_call_the_actor_service_offers() -> None:
    from types import SimpleNamespace

    day = dt.date(2021, 9, 6)

    class ByRows:
        def ids(self, *, as_at: dt.date | None = None) -> list[int]:
            return [1]

        def rows(self, ids: list[int], *, as_at: dt.date | None = None) -> list[SimpleNamespace]:
            return [SimpleNamespace(name="Ann Roe", posts=("Chief Executive",) if as_at == day else ())]

    class ByMethod:
        def ids(self) -> list[int]:
            return [1]

        def rows(self, ids: list[int]) -> list[SimpleNamespace]:
            return []

        def whos_who(self, as_at: dt.date) -> list[SimpleNamespace]:
            return [SimpleNamespace(name="Ann Roe", post=SimpleNamespace(title="Chief Executive"))]

    class Without:
        def ids(self) -> list[int]:
            return []

        def rows(self, ids: list[int]) -> list[SimpleNamespace]:
            return []

    for actors in (ByRows(), ByMethod()):
        table = case_quality._whos_who_rows(SimpleNamespace(actors=actors), day)
        assert table is not None and table["rows"] == [("Ann Roe", ["Chief Executive"])], table
    assert case_quality._whos_who_rows(SimpleNamespace(actors=Without()), day) is None
