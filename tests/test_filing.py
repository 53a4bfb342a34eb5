"""Filing through the documents service, on real dossier files."""

import hashlib
import sqlite3

from sqlalchemy import func, select

from dossier.db import search
from dossier.db.models import Actor, Document, DocumentBlob, Paragraph
from dossier.domain.dates import PartialDate
from dossier.domain.records import DocumentKind, DocumentStatus, ImportOutcome

LETTER = """Department for Imaginary Affairs
1 Nowhere Street
London

Ms Harriet Vane
Chief Executive
Shrewsbury Borough Council

12 January 2015

Dear Ms Vane,

I write about the review of your services which we discussed last month. I should be grateful
for your response by the end of February 2015.

I am copying this letter to Peter Wimsey – Chair, and Mervyn Bunter – Director of Finance.

Yours sincerely,

Charles Parker
Minister for Local Services
"""


def write(folder, name, content):
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def test_a_letter_is_filed_whole(services, tmp_path):
    path = write(tmp_path, "vane.txt", LETTER)
    [result] = services.documents.file_paths([path])
    assert result.outcome is ImportOutcome.FILED
    detail = services.documents.get(result.document_id)
    assert detail.row.date == PartialDate("2015-01-12", "day", None, "12 January 2015")
    assert detail.row.kind is DocumentKind.LETTER
    assert detail.row.sender == "Charles Parker"
    assert detail.row.recipients == ("Harriet Vane",)
    assert detail.row.cc == ("Peter Wimsey", "Mervyn Bunter")
    assert detail.row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert detail.row.status is DocumentStatus.OK
    assert services.documents.original(result.document_id) == path.read_bytes()
    # paragraphs cover the text exactly, and the text is indexed
    assert detail.paragraphs[0].number == 1
    assert all(detail.text[p.start:p.end].strip() == detail.text[p.start:p.end] for p in detail.paragraphs)
    with services.dossier.sessions() as session:
        assert search.match_ids(session, "Shrewsbury") == [result.document_id]
        assert search.indexed_ids(session) == {result.document_id}


def test_the_same_file_again_files_nothing_new_and_says_so(services, tmp_path):
    path = write(tmp_path, "vane.txt", LETTER)
    first = services.documents.file_path(path)
    copy = write(tmp_path, "copy of vane.txt", LETTER)
    again = services.documents.file_path(copy)
    assert again.outcome is ImportOutcome.DUPLICATE
    assert again.document_id == first.document_id
    assert f"already filed as D{first.document_id} (vane.txt)" in again.message
    assert services.documents.stats().documents == 1


def test_corrections_stick_through_reanalysis_and_undo_restores(services, tmp_path):
    [result] = services.documents.file_paths([write(tmp_path, "vane.txt", LETTER)])
    doc_id = result.document_id
    edit = services.documents.edit_metadata(doc_id, {"date": PartialDate.of(2015, 1), "sender": "C. Parker",
                                                     "cc": ["Peter Wimsey"]}).value
    assert edit.before.date.value == "2015-01-12"
    assert edit.after_user_set == {"date", "sender", "cc"}
    services.documents.reanalyse(doc_id)
    detail = services.documents.get(doc_id)
    assert detail.row.date.value == "2015-01"
    assert detail.row.sender == "C. Parker"
    assert detail.row.cc == ("Peter Wimsey",)
    assert detail.row.recipients == ("Harriet Vane",)  # not set by the user: re-detected
    services.documents.restore_metadata(doc_id, edit.before, edit.before_user_set)
    detail = services.documents.get(doc_id)
    assert detail.row.date.value == "2015-01-12"
    assert detail.row.sender == "Charles Parker"
    assert detail.user_set == frozenset()


def test_title_edit_reindexes_search(services, tmp_path):
    [result] = services.documents.file_paths([write(tmp_path, "vane.txt", LETTER)])
    services.documents.edit_metadata(result.document_id, {"title": "Zanzibar review"})
    with services.dossier.sessions() as session:
        assert search.match_ids(session, "title:zanzibar") == [result.document_id]
        assert search.integrity_ok(session)


def test_bad_files_fail_alone_and_change_nothing(services, tmp_path):
    (tmp_path / "in").mkdir()
    write(tmp_path / "in", "good.txt", LETTER)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "junk.pdf").write_bytes(b"\x00\x01\x02 not a pdf at all" * 20)
    before = services.documents.file_path(write(tmp_path, "earlier.txt", LETTER.replace("Vane", "Climpson")))
    snapshot = sqlite3.connect(services.path).execute("SELECT id, title, date_value FROM documents").fetchall()

    results = services.documents.file_paths([tmp_path / "in", tmp_path / "vanished.txt"])
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in results}
    assert by_name["good.txt"].outcome is ImportOutcome.FILED
    for name in ("empty.txt", "junk.pdf", "vanished.txt"):
        assert by_name[name].outcome is ImportOutcome.FAILED
        assert name in by_name[name].message and "\n" not in by_name[name].message
    after = sqlite3.connect(services.path).execute(
        "SELECT id, title, date_value FROM documents WHERE id = ?", (before.document_id,)).fetchall()
    assert after == snapshot
    with services.dossier.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 2
        assert session.scalar(select(func.count()).select_from(DocumentBlob)) == 2
        assert session.scalar(select(func.count(func.distinct(Paragraph.document_id)))) == 2


def test_parties_link_to_one_actor_each(services, tmp_path):
    services.documents.file_paths([write(tmp_path, "a.txt", LETTER),
                                   write(tmp_path, "b.txt", LETTER.replace("12 January", "13 January"))])
    with services.dossier.sessions() as session:
        names = sorted(session.scalars(select(Actor.name)))
    assert names == ["Charles Parker", "Harriet Vane", "Mervyn Bunter", "Peter Wimsey"]
    assert services.documents.actor_names("pe") == ["Peter Wimsey"]


def test_cancel_keeps_what_was_filed(services, tmp_path):
    files = [write(tmp_path, f"l{i}.txt", LETTER.replace("12 January", f"{i + 1} March")) for i in range(5)]
    calls = []
    results = services.documents.file_paths(files, progress=lambda n, total, name: calls.append((n, total)),
                                            cancelled=lambda: len(calls) >= 2)
    assert len(results) == 2
    assert services.documents.stats().documents == 2
    assert calls[0] == (0, 5)


def test_sorting_and_filtering_requery_ids(services, tmp_path):
    a = services.documents.file_path(write(tmp_path, "a.txt", LETTER)).document_id
    b = services.documents.file_path(write(tmp_path, "b.txt", LETTER.replace("12 January 2015", "3 March 2014"))).document_id
    c = services.documents.file_path(write(tmp_path, "c.txt", "A note with no date about Zebedee.")).document_id
    assert services.documents.ids(sort="date") == [b, a, c]  # undated last
    assert services.documents.ids(sort="date", descending=True) == [a, b, c]
    assert services.documents.ids(text_filter="zebedee") == []  # the filter is over columns, not text
    assert services.documents.ids(text_filter="2014") == [b]
    assert services.documents.ids(text_filter="wimsey") == [b, a]
    services.documents.edit_metadata(a, {"sender": "Aaron Zed"})
    assert services.documents.ids(sort="sender") == [a, b, c]  # no sender last
    assert services.documents.ids(sort="sender", descending=True) == [b, a, c]
    rows = services.documents.rows([c, a])
    assert [r.id for r in rows] == [c, a]


def test_a_large_batch_is_prepared_in_parallel_and_filed_in_order(services, tmp_path):
    from dossier.services.filing import PARALLEL_MIN_FILES

    count = PARALLEL_MIN_FILES + 4
    files = [write(tmp_path, f"l{i:02d}.txt", LETTER.replace("12 January 2015", f"{i + 1} March 2016"))
             for i in range(count)]
    (tmp_path / "l07.txt").write_bytes(b"")  # a bad file in the middle of the batch
    seen = []
    results = services.documents.file_paths(files, progress=lambda n, total, name: seen.append((n, name)))
    assert [r.path for r in results] == [str(f) for f in files]
    assert [r.outcome for r in results].count(ImportOutcome.FAILED) == 1
    assert results[7].message.endswith("l07.txt: empty file")
    assert seen[0] == (0, "l00.txt") and seen[-1] == (count, "")
    dates = [r.date.value for r in services.documents.rows(services.documents.ids(sort="filed_at"))]
    assert dates == [f"2016-03-{i + 1:02d}" for i in range(count) if i != 7]


def test_cancelling_a_parallel_batch_keeps_what_was_filed(services, tmp_path):
    files = [write(tmp_path, f"l{i:02d}.txt", LETTER.replace("12 January", f"{i + 1} March")) for i in range(20)]
    calls = []
    results = services.documents.file_paths(files, progress=lambda n, t, name: calls.append(n),
                                            cancelled=lambda: len(calls) >= 5)
    assert len(results) == 5
    assert services.documents.stats().documents == 5


ADDRESSED_TO_AN_OFFICE = """From: "Nadia Brennan" <nadia.brennan@harbour.example>
To: "Private Office" <private.office@ministry.example>
Cc: "Press Office" <press@ministry.example>, "Tomas Lindqvist" <tomas@harbour.example>
Subject: Harbour wall repairs
Date: Tue, 12 Mar 2024 09:15:00 +0000
Content-Type: text/plain; charset="utf-8"

Dear Minister,

The Harbour Board met on 4 March and agreed the repair programme.

Yours sincerely,

Nadia Brennan
"""


def test_a_party_that_is_an_office_is_filed_as_an_organisation(services, tmp_path):
    """An email to "Private Office" was filed with a person of that name in the who's who."""
    result = services.documents.file_path(write(tmp_path, "office.eml", ADDRESSED_TO_AN_OFFICE))
    assert result.outcome is ImportOutcome.FILED
    with services.dossier.sessions() as session:
        kinds = {name: kind for name, kind in session.execute(select(Actor.name, Actor.kind))}
    assert kinds == {"Nadia Brennan": "person", "Private Office": "organisation",
                     "Press Office": "organisation", "Tomas Lindqvist": "person"}
    # a correction that names another office creates it as an organisation too
    meta = services.documents.get(result.document_id).metadata
    services.documents.edit_metadata(result.document_id, {"recipients": ["Correspondence Unit"]})
    with services.dossier.sessions() as session:
        assert session.scalar(select(Actor.kind).where(Actor.name == "Correspondence Unit")) == "organisation"
    assert meta.recipients == ("Private Office",)
