"""Search over real dossier files: the sample case, filters, ranking, NOT, highlights, the command
line, and an index that is never stale (actors, annotations, and dossiers from before the index)."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.db.engine import make_engine
from dossier.db.migrate import migrate
from dossier.domain.annotations import AnnotationFields
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActorKind
from dossier.domain.query import HIT_END, HIT_START, QueryError, split_marked
from dossier.services import Services, open_services
from dossier.services.sample import build_sample

MINISTER_NOV_2013 = "000_79d4facf50142c17.txt"
LETTER_23_MAY_2014 = "001_0ea22981334a7455.txt"
NEWS_ARTICLE = "004_e71f9937f2b5a2c7.txt"


@pytest.fixture
def sample(services: Services, sample_dir: Path) -> Services:
    build_sample(services.documents, sample_dir)
    return services


def ids_by_file(services: Services) -> dict[str, int]:
    docs = services.documents
    return {r.file_name: r.id for r in docs.rows(docs.ids())}


def found(services: Services, query: str) -> list[int]:
    return [h.document_id for h in services.search.search(query)]


def file_texts(services: Services, tmp_path: Path, texts: dict[str, str]) -> dict[str, int]:
    """File small text documents; returns file name -> document id."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, body in texts.items():
        (folder / name).write_text(body, encoding="utf-8")
    results = services.documents.file_paths(sorted(folder / n for n in texts))
    assert all(r.document_id for r in results), results
    return {Path(r.path).name: r.document_id for r in results}  # type: ignore[misc]


# -- the checks on the sample case -------------------------------------------------------

def test_a_phrase_finds_the_ministers_letter_and_the_article_quoting_it(sample: Services) -> None:
    files = ids_by_file(sample)
    hits = sample.search.search('"inspection of progress"')
    assert {h.document_id for h in hits} == {files[MINISTER_NOV_2013], files[NEWS_ARTICLE]}
    for h in hits:
        plain, spans = split_marked(h.snippet)
        assert [plain[a:b].lower() for a, b in spans] == ["inspection of progress"]
        assert h.where == "text" and h.score > 0
    letter = next(h for h in hits if h.document_id == files[MINISTER_NOV_2013])
    assert letter.date is not None and letter.date.value == "2013-11"
    assert letter.title.startswith("Letter to the Council")


def test_from_and_after_find_the_letter_of_23_may_2014(sample: Services) -> None:
    files = ids_by_file(sample)
    hits = sample.search.search("from:Timpson after:2014-05")
    assert [h.document_id for h in hits] == [files[LETTER_23_MAY_2014]]
    assert hits[0].date is not None and hits[0].date.value == "2014-05-23"
    assert hits[0].where == "filter" and hits[0].score == 0
    # the day before the period still counts it in; the day after does not
    assert found(sample, "from:Timpson after:2014-05-23") == [files[LETTER_23_MAY_2014]]
    assert found(sample, "from:Timpson after:2014-05-24") == []
    # the words alone, without the filters, find more
    assert len(found(sample, "Timpson")) > 1


def test_bad_queries_give_a_plain_message_never_an_sql_error(sample: Services) -> None:
    for text in ["", "AND", "OR OR", "kind:poem", "after:soon", '"""', "😀", "( )"]:
        with pytest.raises(QueryError):
            sample.search.search(text)
    # FTS5 syntax typed by a user is read as words: no error, and sensible results
    for text in ['"inspection of progress', "inspection OR", "NEAR(inspection progress)", "title:Ofsted",
                 "^Ofsted", "Ofsted*)", "'; DROP TABLE documents; --", "{a b} : + -", "col:*",
                 "Ofsted NOT", "(Ofsted", "Ofsted)", "NOT NOT Ofsted", "-Ofsted", "x" * 500, "é*", "😀 Ofsted"]:
        sample.search.search(text)
    assert found(sample, '"inspection of progress') == found(sample, '"inspection of progress"')
    assert found(sample, "inspection OR") == found(sample, "inspection")


# -- filters ---------------------------------------------------------------------------------------

DATED = {  # file -> date
    "year.txt": PartialDate.parse_iso("2014"),
    "month.txt": PartialDate.parse_iso("2014-05"),
    "day.txt": PartialDate.parse_iso("2014-05-23"),
    "april.txt": PartialDate.parse_iso("2014-04-30"),
    "between.txt": PartialDate("2014-03", "month", "between", "March to June 2014", "2014-06"),
    "later.txt": PartialDate.parse_iso("2015-01-02"),
    "undated.txt": None,
}


@pytest.fixture
def dated(services: Services, tmp_path: Path) -> dict[str, int]:
    ids = file_texts(services, tmp_path, {name: f"A note about the budget, {name}.\n" for name in DATED})
    for name, date in DATED.items():
        services.documents.edit_metadata(ids[name], {"date": date, "kind": "note"})
    return ids


def names(ids: dict[str, int], found_ids: list[int]) -> set[str]:
    back = {v: k for k, v in ids.items()}
    return {back[i] for i in found_ids}


def test_dates_compare_ranges_inclusively(services: Services, dated: dict[str, int]) -> None:
    assert names(dated, found(services, "after:2014-05")) == {"year.txt", "month.txt", "day.txt", "between.txt",
                                                               "later.txt"}
    assert names(dated, found(services, "after:2014-05-24")) == {"year.txt", "month.txt", "between.txt",
                                                                  "later.txt"}
    assert names(dated, found(services, "before:2014-05")) == {"year.txt", "month.txt", "day.txt", "april.txt",
                                                                "between.txt"}
    assert names(dated, found(services, "before:2014-04-30")) == {"year.txt", "april.txt", "between.txt"}
    assert names(dated, found(services, "after:2014-07 before:2014-12")) == {"year.txt"}
    assert names(dated, found(services, "after:2015")) == {"later.txt"}
    assert names(dated, found(services, "budget NOT after:2014")) == {"undated.txt"}


def test_filters_alone_come_in_date_order_with_undated_last(services: Services, dated: dict[str, int]) -> None:
    order = [names(dated, [i]).pop() for i in found(services, "kind:note")]
    assert order == ["year.txt", "between.txt", "april.txt", "month.txt", "day.txt", "later.txt", "undated.txt"]
    assert found(services, "kind:letter") == []


def test_from_to_by_name_or_alias_and_word_start(services: Services, tmp_path: Path) -> None:
    ids = file_texts(services, tmp_path, {"a.txt": "First letter.\n", "b.txt": "Second letter.\n",
                                          "c.txt": "Third letter.\n"})
    docs = services.documents
    docs.edit_metadata(ids["a.txt"], {"sender": "Julian Le Grand", "recipients": ["Ann Roe"]})
    docs.edit_metadata(ids["b.txt"], {"sender": "Ann Roe", "recipients": ["Bob Stone"], "cc": ["Julian Le Grand"]})
    docs.edit_metadata(ids["c.txt"], {"sender": "Granville Smith", "recipients": ["Bob Stone"]})
    a, b, c = ids["a.txt"], ids["b.txt"], ids["c.txt"]
    assert found(services, 'from:"Le Grand"') == [a]
    assert set(found(services, "from:grand")) == {a}  # a word of the name starts with it: not Granville
    assert set(found(services, "from:gran")) == {a, c}
    assert set(found(services, 'to:"le grand"')) == {b}  # cc counts as "to"
    assert set(found(services, "to:Roe")) == {a}
    actors = services.actors
    roe = actors.find("Ann Roe")
    assert roe is not None
    services.actors.tag(ids["c.txt"], 0, 5, actor_id=roe)  # "Third" becomes an alias of Ann Roe
    assert set(found(services, "from:third")) == {b}


def test_tags_notes_and_reviewed(services: Services, tmp_path: Path) -> None:
    ids = file_texts(services, tmp_path, {"a.txt": "The funding plan is late.\n", "b.txt": "Nothing much.\n",
                                          "c.txt": "Another letter.\n"})
    a, b, c = ids["a.txt"], ids["b.txt"], ids["c.txt"]
    notes = services.annotations
    notes.create_at_quote(a, "funding plan", AnnotationFields(note="Who pays?", tags=("Unidentified risk",)))
    notes.create_at_quote(b, "Nothing", AnnotationFields(note="", tags=("funding",)))
    services.annotations.set_reviewed(c, True, by="me")
    assert found(services, "tag:funding") == [b]
    assert found(services, "tag:risk") == [a]  # a word of the tag
    assert found(services, 'tag:"unidentified risk"') == [a]
    assert found(services, "has:notes") == [a]
    assert set(found(services, "has:annotations")) == {a, b}
    assert found(services, "reviewed:yes") == [c]
    assert set(found(services, "reviewed:no")) == {a, b}
    assert set(found(services, "tag:funding OR reviewed:yes")) == {b, c}
    assert found(services, "funding tag:risk") == [a]  # a word of the text and a tag


def test_not_excludes_documents_matching_anywhere(services: Services, tmp_path: Path) -> None:
    ids = file_texts(services, tmp_path, {"a.txt": "The budget for housing.\n", "b.txt": "The budget for roads.\n",
                                          "c.txt": "Housing only.\n"})
    a, b, c = ids["a.txt"], ids["b.txt"], ids["c.txt"]
    assert found(services, "budget NOT housing") == [b]
    assert found(services, "budget -housing") == [b]
    assert set(found(services, "NOT housing")) == {b}  # a leading NOT: everything else
    assert set(found(services, "NOT roads")) == {a, c}
    assert set(found(services, "housing OR NOT budget")) == {a, c}
    # a note that says "roads" keeps its document out of "NOT roads" too
    services.annotations.create_at_quote(c, "Housing", AnnotationFields(note="see the roads plan"))
    assert set(found(services, "NOT roads")) == {a}
    assert found(services, "housing NOT roads") == [a]


def test_prefix_or_and_ranking_with_the_title_weighted(services: Services, tmp_path: Path) -> None:
    ids = file_texts(services, tmp_path, {
        "a.txt": "A letter that mentions regulation once among many other words of no interest at all.\n",
        "b.txt": "Another letter about something else entirely, with plenty of other words in it.\n",
        "c.txt": "Nothing relevant here at all.\n"})
    services.documents.edit_metadata(ids["b.txt"], {"title": "Regulations"})
    hits = services.search.search("regulation*")
    assert [h.document_id for h in hits] == [ids["b.txt"], ids["a.txt"]]
    assert hits[0].where == "title" and HIT_START + "Regulations" + HIT_END in hits[0].snippet
    assert hits[0].score > hits[1].score > 0
    assert set(found(services, "relevant OR interest")) == {ids["a.txt"], ids["c.txt"]}
    assert found(services, "relevant AND interest") == []
    assert found(services, "regul") == []  # a word is a whole word; regul* is the prefix


def test_a_note_or_an_actor_adds_to_a_documents_score(services: Services, tmp_path: Path) -> None:
    same = "The budget for the year, and other things.\n"
    ids = file_texts(services, tmp_path, {"a.txt": same, "b.txt": same + " ", "c.txt": same + "  ",
                                          "d.txt": "Nothing here.\n"})
    a, b, c, d = ids["a.txt"], ids["b.txt"], ids["c.txt"], ids["d.txt"]
    assert set(found(services, "budget")) == {a, b, c}
    services.annotations.create_at_quote(b, "budget", AnnotationFields(note="the budget is short"))
    assert found(services, "budget")[0] == b
    services.actors.tag(d, 0, 7, name="Budget Office", kind=ActorKind.ORGANISATION)
    services.actors.tag(c, 4, 10, name="Budget Office", kind=ActorKind.ORGANISATION)
    hits = services.search.search("budget")
    assert [h.document_id for h in hits][:2] in ([b, c], [c, b])
    assert {h.document_id: h.where for h in hits}[d] == "actor"  # found only by the actor's name
    assert set(found(services, "budget")) == {a, b, c, d}


def test_limit(services: Services, tmp_path: Path) -> None:
    file_texts(services, tmp_path, {f"{n}.txt": f"Letter number {n} about the budget.\n" for n in range(5)})
    assert len(services.search.search("budget", limit=3)) == 3
    assert services.search.search("budget", limit=0) == ()


# -- hits in the reader -----------------------------------------------------------------------------

def test_hit_spans_are_offsets_into_the_stored_text(services: Services, tmp_path: Path) -> None:
    body = "😀 Café budget: the BUDGET rises.\n\n𝒜 second paragraph, budgetary and budget again.\n"
    ids = file_texts(services, tmp_path, {"a.txt": body})
    doc = ids["a.txt"]
    text = services.documents.get(doc).text
    spans = services.search.hit_spans(doc, "budget")
    assert [text[a:b] for a, b in spans] == ["budget", "BUDGET", "budget"]
    assert [text[a:b] for a, b in services.search.hit_spans(doc, "budget* -nothing")] == \
        ["budget", "BUDGET", "budgetary", "budget"]
    assert [text[a:b] for a, b in services.search.hit_spans(doc, "cafe")] == ["Café"]
    assert [text[a:b] for a, b in services.search.hit_spans(doc, '"second paragraph" from:Nobody')] == \
        ["second paragraph"]
    assert services.search.hit_spans(doc, "absent") == ()
    assert services.search.hit_spans(doc, "NOT budget") == ()
    assert services.search.hit_spans(doc, "kind:poem") == ()  # a bad query: no hits, no error


# -- never stale ------------------------------------------------------------------------------------

def test_actor_names_and_aliases_are_found_as_soon_as_they_change(services: Services, tmp_path: Path) -> None:
    ids = file_texts(services, tmp_path, {"a.txt": "Dear Ms Roe, thank you.\n", "b.txt": "Minutes of the board.\n"})
    a, b = ids["a.txt"], ids["b.txt"]
    actors = services.actors
    record = actors.tag(a, 5, 11, name="Ann Roe").value  # "Ms Roe" names Ann Roe
    assert found(services, "Ann") == [a]
    hit = services.search.search("Ann")[0]
    assert hit.where == "actor" and HIT_START + "Ann" + HIT_END in hit.snippet

    actors.rename(record.actor_id, "Annabel Quixote")
    assert found(services, "Quixote") == [a]
    assert found(services, "Ann") == []

    actors.tag(b, 0, 7, actor_id=record.actor_id)  # "Minutes" becomes an alias
    assert set(found(services, "minutes")) == {a, b}  # in b's text, and a mentions the actor
    assert set(found(services, "Quixote")) == {a, b}  # b now mentions her

    other = actors.create("Zebedee Plum").value
    actors.tag(a, 0, 4, actor_id=other)  # "Dear": Zebedee's alias, mentioned in a
    assert found(services, "Zebedee") == [a]
    merge = actors.merge(record.actor_id, other).value  # Zebedee's name becomes Annabel's alias
    assert set(found(services, "Zebedee")) == {a, b}
    actors.unmerge(merge)
    assert found(services, "Zebedee") == [a]
    assert set(found(services, "Quixote")) == {a, b}

    new_id = actors.split_alias(record.actor_id, "Minutes").value
    assert actors.get(new_id).row.name == "Minutes"
    snapshot = actors.delete(other).value
    assert found(services, "Zebedee") == []
    actors.restore(snapshot)
    assert found(services, "Zebedee") == [a]


def test_parties_created_by_filing_are_found_by_name(services: Services, tmp_path: Path) -> None:
    ids = file_texts(services, tmp_path, {"a.txt": "A letter with no names in it.\n"})
    services.documents.edit_metadata(ids["a.txt"], {"sender": "Perpetua Quill"})
    assert found(services, "Quill") == [ids["a.txt"]]


def test_notes_and_tags_are_found_as_soon_as_they_change(services: Services, tmp_path: Path) -> None:
    ids = file_texts(services, tmp_path, {"a.txt": "The plan is late.\n", "b.txt": "Other words.\n"})
    a = ids["a.txt"]
    notes = services.annotations
    row = notes.create_at_quote(a, "plan", AnnotationFields(note="Ask about the zeppelin", tags=("airships",))).value
    hit = services.search.search("zeppelin")[0]
    assert (hit.document_id, hit.where) == (a, "note")
    assert HIT_START + "zeppelin" + HIT_END in hit.snippet
    assert found(services, "airships") == [a]
    notes.update(row.id, AnnotationFields(note="Ask about the balloon", tags=()))
    assert found(services, "zeppelin") == []
    assert found(services, "airships") == []
    assert found(services, "balloon") == [a]
    deleted = notes.delete(row.id).value
    assert found(services, "balloon") == []
    notes.restore(deleted)
    assert found(services, "balloon") == [a]


def test_a_dossier_from_before_the_index_is_indexed_on_upgrade(dossier_path: Path) -> None:
    engine = make_engine(dossier_path)
    migrate(engine, dossier_path, target="0006")  # annotations existed; their index and the actors' did not
    engine.dispose()
    con = sqlite3.connect(dossier_path)
    con.executescript("""
        INSERT INTO documents (id, sha256, file_name, media_type, size, kind, status, text, user_set, filed_at,
                               date_value, date_precision)
            VALUES (1, 'a', 'old.txt', 'text/plain', 9, 'letter', 'ok', 'Old words about a bridge.', '', 'now',
                    '2014-05-23', 'day'),
                   (2, 'b', 'other.txt', 'text/plain', 9, 'letter', 'ok', 'Nothing to see.', '', 'now', NULL, NULL);
        INSERT INTO actors (id, name, name_key, kind, created_at)
            VALUES (1, 'Hortensia Blake', 'hortensia blake', 'person', 'now');
        INSERT INTO actor_aliases (actor_id, alias, alias_key) VALUES (1, 'The Harbourmaster', 'the harbourmaster');
        INSERT INTO document_parties (document_id, actor_id, role, position) VALUES (2, 1, 'sender', 0);
        INSERT INTO annotations (id, document_id, start, "end", quote, prefix, suffix, colour, note, author,
                                 created_at, changed_at)
            VALUES (1, 1, 15, 21, 'bridge', '', '', 'yellow', 'The causeway question', 'me', 'now', 'now');
        INSERT INTO annotation_tags (annotation_id, tag) VALUES (1, 'crossings');
    """)
    con.commit()
    con.close()
    services = open_services(dossier_path)
    try:
        assert found(services, "bridge") == [1]
        assert found(services, "causeway") == [1]
        assert found(services, "crossings") == [1]
        assert found(services, "tag:crossings") == [1]
        assert found(services, "harbourmaster") == [2]
        assert found(services, "Hortensia") == [2]
        assert found(services, "from:Harbour") == [2]
    finally:
        services.close()


# -- the command line -------------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_cli_search_text_and_json(sample: Services, dossier_path: Path) -> None:
    files = ids_by_file(sample)
    sample.close()
    code, out = run("--dossier", str(dossier_path), "search", '"inspection of progress"')
    assert code == 0
    assert f"D{files[MINISTER_NOV_2013]} " in out and "Nov 2013" in out
    assert "«inspection of progress»" in out
    assert out.rstrip().endswith("2 documents found")
    code, out = run("--dossier", str(dossier_path), "search", "from:Timpson", "after:2014-05", "--json")
    assert code == 0
    data = json.loads(out)
    assert [d["id"] for d in data] == [files[LETTER_23_MAY_2014]]
    assert data[0]["date"]["value"] == "2014-05-23" and data[0]["title"] and data[0]["file"] == LETTER_23_MAY_2014
    assert set(data[0]) >= {"id", "title", "date", "snippet", "relevance", "highlights", "title_highlights", "where"}
    assert "score" not in data[0] and data[0]["relevance"] is None  # filters alone are not ranked
    code, out = run("--dossier", str(dossier_path), "search", "Ofsted", "--json", "--limit", "1")
    [hit] = json.loads(out)
    assert HIT_START not in hit["snippet"]
    assert all(hit["snippet"][a:b].lower() == "ofsted" for a, b in hit["highlights"]) and hit["highlights"]


def test_cli_bad_query_is_one_line_and_exit_2(sample: Services, dossier_path: Path, capsys) -> None:
    sample.close()
    code, out = run("--dossier", str(dossier_path), "search", "kind:poem")
    assert out == ""
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dossier: kind:poem is not a kind of document") and "\n" not in err
    assert "Traceback" not in err and "sqlite" not in err.lower()
