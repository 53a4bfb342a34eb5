"""Posts and tenures through the services on a real dossier file: an invented person changes post
midway through a case, and the who's who as at a date shows the post held then."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.db import actions_repo
from dossier.db.engine import make_engine
from dossier.db.migrate import migrate
from dossier.domain.dates import PartialDate
from dossier.services import Services, open_services

HEAD = "Wessex County Council\nCounty Hall\nAnytown\n\n"
LETTERS = {
    "a.txt": HEAD + (
        "10 January 2014\n\nDear Mr Sim,\n\nThank you for your letter about the depot. I have asked our Head of "
        "Planning, Ann Roe, to look at the plans again.\n\nYours sincerely,\n\nAnn Roe\nHead of Planning\n"
        "Wessex County Council\n"),
    "b.txt": HEAD + (
        "3 March 2014\n\nDear Mr Sim,\n\nI am writing to let you know that Ann Roe has been appointed Director of "
        "Place with effect from 1 April 2014. Tom Bell will step down as Director of Place at the end of March."
        "\n\nYours sincerely,\n\nKim Lowe\nChief Executive\nWessex County Council\n"),
    "c.txt": HEAD + (
        "2 June 2014\n\nDear Mr Sim,\n\nThank you for your letter of 20 May. I have asked Ann Roe, formerly Head of "
        "Planning, to meet you in July.\n\nYours sincerely,\n\nAnn Roe\nDirector of Place\n"
        "Wessex County Council\n"),
}


def file_case(services: Services, folder: Path) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in LETTERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    results = services.documents.file_paths([folder / name for name in LETTERS])
    return {Path(r.path).name: r.document_id for r in results}


def accept_documents(services: Services, doc_ids: list[int]) -> list:
    records = []
    for doc_id in doc_ids:
        records.extend(services.suggestions.accept_document(doc_id).value)
    return records


def posts_on(services: Services, day: dt.date) -> dict[str, tuple[str, ...]]:
    return {r.name: r.posts for r in services.actors.whos_who(day)}


def tenures(services: Services, name: str) -> list[tuple[str, str | None, str | None, bool]]:
    actor_id = services.actors.find(name)
    assert actor_id is not None
    return [(p.title, p.start, p.end, p.start_stated) for p in services.actors.get(actor_id).posts]


CHANGE = [("Head of Planning", "2014-01-10", "2014-03-31", False), ("Director of Place", "2014-04-01", None, True)]


@pytest.fixture
def case(services: Services, tmp_path: Path) -> dict[str, int]:
    return file_case(services, tmp_path / "letters")


def test_a_change_of_post_is_one_tenure_ending_and_another_starting(services, case):
    accept_documents(services, [case["a.txt"], case["b.txt"], case["c.txt"]])
    assert tenures(services, "Ann Roe") == CHANGE
    assert tenures(services, "Tom Bell") == [("Director of Place", "2014-03-03", "2014-03", False)]

    before, after = posts_on(services, dt.date(2014, 3, 20)), posts_on(services, dt.date(2014, 6, 10))
    assert before["Ann Roe"] == ("Head of Planning",) and after["Ann Roe"] == ("Director of Place",)
    assert before["Tom Bell"] == ("Director of Place",) and after["Tom Bell"] == ()
    assert posts_on(services, dt.date(2014, 1, 5))["Ann Roe"] == ()  # before the first letter naming the post
    assert after["Kim Lowe"] == ("Chief Executive",)
    # "the Director of Place" is whoever held the post on a letter's date
    assert services.actors.holder_on("the Director of Place", PartialDate.of(2014, 3, 15)) == services.actors.find(
        "Tom Bell")
    assert services.actors.holder_on("Director of Place", PartialDate.of(2014, 5)) == services.actors.find("Ann Roe")
    # the person's organisation is the one their posts name
    assert {r.name: r.organisation for r in services.actors.whos_who()}["Ann Roe"] is None  # no "of" in the titles


def test_the_letters_give_the_same_tenures_in_any_order(services, case):
    accept_documents(services, [case["c.txt"], case["b.txt"], case["a.txt"]])
    assert tenures(services, "Ann Roe") == CHANGE


def test_undoing_the_acceptance_puts_the_tenures_back(services, case):
    accept_documents(services, [case["a.txt"], case["c.txt"]])
    left = tenures(services, "Ann Roe")
    assert left == [("Head of Planning", "2014-01-10", "2014-06-01", False), ("Director of Place", "2014-06-02", None,
                                                                              False)]
    records = accept_documents(services, [case["b.txt"]])
    assert tenures(services, "Ann Roe") == CHANGE
    services.suggestions.unaccept(records)
    assert tenures(services, "Ann Roe") == left


def test_variants_of_a_title_are_one_post(services, case):
    doc = case["a.txt"]
    variants = ["Head of Planning", "head of planning", "HEAD OF PLANNING", "Head of Planning, 1 High Street, Anytown",
                "Head of Planning (acting)", "the Head of Planning’s"]
    with services.dossier.sessions.begin() as session:
        actions_repo.replace_pending(session, doc, [
            ("actor", f"actor:person:v{n}", "Ann Roe", {"name": "Ann Roe", "kind": "person", "forms": [],
                                                        "posts": [v], "mentions": []})
            for n, v in enumerate(variants)])
    services.suggestions.accept_many([s.id for s in services.suggestions.pending(doc)])
    [held] = services.actors.get(services.actors.find("Ann Roe")).posts
    assert (held.title, held.note) == ("Head of Planning", "acting")


def test_the_posts_migration_merges_the_variants_already_in_a_dossier(tmp_path: Path):
    path = tmp_path / "old.dossier"
    engine = make_engine(path)
    migrate(engine, path, target="0014")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO actors (id, name, name_key, kind, created_at) VALUES (1, 'Ann Roe', 'ann roe', "
                "'person', 'then')")
    for n, title in enumerate(["Director of Children’s Services", "Director of Children's Services",
                               "Director of Children's Services (acting)", "Deputy Chief Executive",
                               "Chief Executive, 1 High Street, Anytown"], start=1):
        con.execute("INSERT INTO posts (id, title, title_key) VALUES (?, ?, ?)", (n, title, title.casefold()))
        con.execute("INSERT INTO post_holders (post_id, actor_id, start_value) VALUES (?, 1, ?)",
                    (n, f"2014-0{n}"))
    con.commit()
    con.close()
    engine = make_engine(path)
    migrate(engine, path)
    engine.dispose()
    con = sqlite3.connect(path)
    posts = con.execute("SELECT title, title_key FROM posts ORDER BY id").fetchall()
    holders = con.execute("SELECT post_id, start_value, note FROM post_holders ORDER BY post_id").fetchall()
    con.close()
    assert posts == [("Director of Children's Services", "director of childrens services"),
                     ("Deputy Chief Executive", "deputy chief executive"), ("Chief Executive", "chief executive")]
    assert holders == [(1, "2014-01", "acting"), (4, "2014-04", None), (5, "2014-05", None)]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_cli_actors_as_at(dossier_path: Path, tmp_path: Path):
    services = open_services(dossier_path)
    try:
        case = file_case(services, tmp_path / "letters")
        accept_documents(services, list(case.values()))
    finally:
        services.close()
    code, out = run("--dossier", str(dossier_path), "actors", "--as-at", "20/03/2014")
    assert code == 0
    assert "Ann Roe, Head of Planning:" in out and "Tom Bell, Director of Place:" in out
    assert out.rstrip().endswith("actors as at 20 Mar 2014")
    code, out = run("--dossier", str(dossier_path), "actors", "--as-at", "June 2014", "--json")
    assert code == 0
    ann = next(a for a in json.loads(out) if a["name"] == "Ann Roe")
    assert ann["as_at"] == "2014-06-30" and ann["current_posts"] == ["Director of Place"]
    assert [(p["title"], p["from"], p["to"], p["from_stated"]) for p in ann["posts"]] == [
        tuple(c) for c in CHANGE]
    code, out = run("--dossier", str(dossier_path), "actors", "--as-at", "the spring")
    assert code == 2 or code == 1


def test_the_briefing_s_who_s_who_gives_the_post_held_on_its_date(services, case):
    from dossier.domain.briefing import BriefingOptions, Section

    accept_documents(services, list(case.values()))

    def whos_who(day: dt.date) -> dict[str, tuple[str, ...]]:
        data = services.briefing.gather(BriefingOptions(as_at=day, sections=(Section.WHOS_WHO,)))
        return {a.name: a.posts for a in data.actors}

    assert whos_who(dt.date(2014, 3, 20))["Ann Roe"] == ("Head of Planning",)
    assert whos_who(dt.date(2014, 6, 10))["Ann Roe"] == ("Director of Place",)
    assert whos_who(dt.date(2014, 6, 10))["Tom Bell"] == ()


def test_merging_two_actors_keeps_one_tenure_of_a_post_they_both_hold(services, case):
    doc = case["a.txt"]
    with services.dossier.sessions.begin() as session:
        actions_repo.replace_pending(session, doc, [
            ("actor", "actor:person:ann roe", "Ann Roe", {"name": "Ann Roe", "kind": "person", "forms": [],
                                                         "posts": ["Head of Planning"], "mentions": []}),
            ("actor", "actor:person:nan lowe", "Nan Lowe", {"name": "Nan Lowe", "kind": "person", "forms": [],
                                                     "posts": ["Head of Planning in Anytown"], "mentions": []})])
    services.suggestions.accept_many([s.id for s in services.suggestions.pending(doc)])
    keep, drop = services.actors.find("Ann Roe"), services.actors.find("Nan Lowe")
    record = services.actors.merge(keep, drop).value
    assert [p.title for p in services.actors.get(keep).posts] == ["Head of Planning"]
    services.actors.unmerge(record)
    assert [p.title for p in services.actors.get(drop).posts] == ["Head of Planning in Anytown"]


def test_a_post_with_its_organisation_finds_the_holder_of_the_title(services, case):
    accept_documents(services, list(case.values()))
    ann = services.actors.find("Ann Roe")
    on = PartialDate.of(2014, 5, 1)
    assert services.actors.holder_on("the Director of Place of Wessex County Council", on) == ann
    assert services.actors.holder_on("Director of Place", PartialDate.of(2013, 5, 1)) is None
    assert services.actors.holder_on("Deputy Director of Place", on) is None
