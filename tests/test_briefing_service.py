"""The briefing service: the saved draft, gathering by scope, changes since the last briefing,
writing the file safely (failures, cancel) and escaping what documents say."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_briefing_support import AS_AT, build_sample_dossier, copy_dossier, page_text, sample_options

from dossier.domain.annotations import AnnotationFields, Colour
from dossier.domain.briefing import (
    BriefingOptions,
    BriefingScope,
    Marking,
    Section,
    parse_sections,
)
from dossier.domain.chronology import EntryFields, EntryKind
from dossier.domain.clock import FixedClock, SteppingClock
from dossier.domain.errors import DossierError
from dossier.domain.findings import ActionStatus
from dossier.export import files as writing  # where the briefing is written to disk
from dossier.services import Services, open_services
from dossier.services.briefing import SCALE, ExportCancelled

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "resources" / "sample"
FILED_AT = dt.datetime(2030, 5, 6, 9, 0, tzinfo=dt.UTC)  # when the sample is filed (an invented moment)
LATER = dt.datetime(2030, 5, 7, 9, 0, tzinfo=dt.UTC)  # where the tests' own stepping clock starts


@pytest.fixture(scope="module")
def sample_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("briefing-service") / "sample.dossier"
    ids = build_sample_dossier(path, SAMPLE_DIR, FixedClock(FILED_AT))
    return path, ids


@pytest.fixture
def sample(tmp_path: Path, sample_source) -> tuple[Services, dict[str, int]]:
    source, ids = sample_source
    services = open_services(copy_dossier(source, tmp_path / "case.dossier"), clock=SteppingClock(LATER))
    yield services, ids
    services.close()


def _all_text(path: str | Path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join(page_text(reader, i).split()) for i in range(len(reader.pages)))


def _folder_listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# -- options and the draft ---------------------------------------------------------------------------

def test_options_round_trip_through_json():
    options = sample_options(scope=BriefingScope(dt.date(2014, 1, 1), dt.date(2014, 6, 30), (3, 1), ("Deadlines",),
                                                 (2,)), sections=(Section.CHRONOLOGY, Section.ACTIONS))
    again = BriefingOptions.from_json(options.to_json())
    assert again == options
    assert again.sections == (Section.ACTIONS, Section.CHRONOLOGY, Section.SOURCES)  # order fixed; sources kept


def test_markings_and_sections_read_as_people_type_them():
    assert Marking.parse("official-sensitive") is Marking.OFFICIAL_SENSITIVE
    assert Marking.parse("Official Sensitive") is Marking.OFFICIAL_SENSITIVE
    assert Marking.parse("top secret") is Marking.TOP_SECRET
    with pytest.raises(ValueError, match="OFFICIAL-SENSITIVE"):
        Marking.parse("restricted")
    assert parse_sections("chronology, who's-who") == (Section.CHRONOLOGY, Section.WHOS_WHO, Section.SOURCES)
    assert parse_sections("all") == tuple(Section)
    with pytest.raises(ValueError, match="unknown section"):
        parse_sections("appendix")


def test_draft_is_kept_in_the_dossier(services: Services, dossier_path: Path):
    assert services.briefing.load_draft() is None
    options = sample_options(summary="First <summary> & more", scope=BriefingScope(tags=("Deadlines",)))
    services.briefing.save_draft(options)
    services.briefing.save_draft(options.with_changes(title="Second"))
    services.close()
    again = open_services(dossier_path)
    try:
        draft = again.briefing.load_draft()
        assert draft == options.with_changes(title="Second")
    finally:
        again.close()


def test_a_damaged_draft_is_ignored(services: Services):
    from dossier.db import briefing_repo

    with services.dossier.sessions.begin() as session:
        briefing_repo.save_draft(session, '{"marking": "CONFIDENTIAL"', "2024-01-01T00:00:00+00:00")
    assert services.briefing.load_draft() is None


# -- gathering ---------------------------------------------------------------------------------------

def test_gather_the_whole_dossier(sample):
    services, _ = sample
    data = services.briefing.gather(sample_options())
    assert len(data.sources) == 5 and [s.reference for s in data.sources] == ["D1", "D2", "D3", "D4", "D5"]
    assert data.actions[0].overdue and not data.actions[-1].overdue
    assert [a.overdue for a in data.actions] == sorted((a.overdue for a in data.actions), reverse=True)
    assert {g.tag for g in data.extracts} == {"Commissioner", "Deadlines", ""}
    assert data.citations() <= {s.document_id for s in data.sources}
    assert data.scope_note == ""
    warner = next(a for a in data.actors if a.name == "Norman Warner")
    assert "Lord Warner" in warner.aliases and warner.first_citation is not None


def test_scope_by_actor_dates_tags_and_documents(sample):
    services, ids = sample
    warner = services.actors.find("Norman Warner")
    data = services.briefing.gather(sample_options(scope=BriefingScope(actor_ids=(warner,))))
    assert 0 < len(data.sources) < 5
    first_seen = {a.first_citation.document_id for a in data.actors if a.first_citation}
    for source in data.sources:  # each paper names him, or is where someone in the who's who first appears
        assert "Warner" in services.documents.get(source.document_id).text or source.document_id in first_seen
    assert data.chronology and all("Norman Warner" in e.actors for e in data.chronology)
    assert {a.name for a in data.actors} >= {"Norman Warner"} and len(data.actors) < 26
    assert all(a.owner == "Norman Warner" or a.addressed_to == "Norman Warner" for a in data.actions)
    assert "naming Norman Warner" in data.scope_note

    data = services.briefing.gather(sample_options(scope=BriefingScope(date_from=dt.date(2014, 5, 1))))
    may = ids["001_0ea22981334a7455.txt"]  # the one paper dated after 1 May 2014
    cited = data.citations()
    assert [s.document_id for s in data.sources if s.document_id not in cited] in ([may], [])
    assert may in {s.document_id for s in data.sources}
    assert data.actions and {a.citation.document_id for a in data.actions} == {may}
    assert data.chronology and all(e.date[-4:] == "2014" and not e.date.startswith(("Mar", "Apr", "27 Mar"))
                                   for e in data.chronology)
    assert data.scope_note == "Papers dated from 1 May 2014."

    data = services.briefing.gather(sample_options(scope=BriefingScope(tags=("deadlines",))))
    assert [g.tag for g in data.extracts] == ["Deadlines"]
    assert {s.document_id for s in data.sources} >= {ids["001_0ea22981334a7455.txt"], ids["002_2ec54a10ba608b6c.txt"]}

    d3 = ids["002_2ec54a10ba608b6c.txt"]
    data = services.briefing.gather(sample_options(scope=BriefingScope(document_ids=(d3,))))
    assert d3 in {s.document_id for s in data.sources}
    assert [s.document_id for s in data.sources if s.document_id not in data.citations()] in ([d3], [])
    assert data.chronology and all(c.document_id == d3 for e in data.chronology for c in e.citations)
    assert all(x.citation.document_id == d3 for g in data.extracts for x in g.items)
    assert data.scope_note == f"Papers among D{d3}."


def test_changes_since_the_last_briefing(sample, tmp_path):
    services, _ = sample
    # the services' clock steps a second each time it is read: the export is stamped after the
    # sample was filed, and what is done next after the export (the dossier's stamps are to the second)
    first = services.briefing.export(sample_options(), tmp_path / "august.pdf").value
    assert services.briefing.last_export().sha256 == first.sha256
    # after it: a letter is filed and an action is done
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "new.txt").write_text(
        "12 August 2014\n\nDear Sir Albert,\n\nThank you for the improvement plan.\n\nYours sincerely,\n\n"
        "Edward Timpson\n", encoding="utf-8")
    [filed] = services.documents.file_paths([tmp_path / "in" / "new.txt"])
    action = services.briefing.gather(sample_options()).actions[0]
    action_id = next(r.id for r in services.actions.rows(services.actions.ids(as_at=AS_AT), as_at=AS_AT)
                     if r.summary.casefold().startswith(action.summary.casefold()[:30]))
    services.actions.set_status(action_id, ActionStatus.DONE, note="Recommendations received")

    september = sample_options(as_at=dt.date(2014, 9, 1))
    data = services.briefing.gather(september)
    assert data.previous is not None and data.previous.as_at == AS_AT
    whats = [(c.what, c.citation.document_id if c.citation else None) for c in data.changes]
    assert ("Filed", filed.document_id) in whats
    assert any(what == "Action done" for what, _ in whats)
    result = services.briefing.export(september, tmp_path / "september.pdf").value
    text = _all_text(result.path)
    assert "Since the last briefing" in text and "1 document filed and 1 action new or changed" in text

    # the August briefing issued again still has no earlier briefing: the September one is later
    assert services.briefing.gather(sample_options()).previous is None


def test_the_briefing_before_one_not_yet_dated_counts_from_today(services: Services):
    # options nobody has dated yet (as_at None) are a briefing of today, not a crash
    assert BriefingOptions().as_at is None
    assert services.briefing.previous_to(BriefingOptions()) is None


def test_reexport_is_byte_identical_after_other_exports(sample, tmp_path):
    services, _ = sample
    one = services.briefing.export(sample_options(), tmp_path / "one.pdf").value
    services.briefing.export(sample_options(as_at=dt.date(2014, 9, 1)), tmp_path / "later.pdf")
    two = services.briefing.export(sample_options(), tmp_path / "two.pdf").value
    assert Path(one.path).read_bytes() == Path(two.path).read_bytes()
    assert [e.as_at for e in services.briefing.exports()] == [AS_AT, dt.date(2014, 9, 1), AS_AT]


# -- escaping ----------------------------------------------------------------------------------------

MARKUP = 'Costs <font color="red" size="40">rose</font> & fell; a < b > c; &amp; <b>bold</b> <br/> <a href="x">'


def test_document_text_full_of_markup_comes_out_literally(services: Services, tmp_path: Path):
    (tmp_path / "in").mkdir()
    letter = (f"3 March 2014\n\nDear Ms Smith,\n\n{MARKUP}\n\nOn 3 February <i>we</i> met & agreed.\n\n"
              "Yours sincerely,\n\nJohn Brown\n")
    (tmp_path / "in" / "markup.txt").write_text(letter, encoding="utf-8")
    [filed] = services.documents.file_paths([tmp_path / "in" / "markup.txt"])
    doc = filed.document_id
    services.documents.edit_metadata(doc, {"title": "Title with <font name=Courier>markup</font> & more"})
    services.annotations.create_at_quote(doc, MARKUP, AnnotationFields(Colour.YELLOW, "Note <b>not bold</b> &amp;",
                                                                       ("<tag>",)))
    services.chronology.add_entry(EntryFields(None, "Own entry <font size=30>big</font> & small", EntryKind.OWN))
    options = BriefingOptions(title="A <b>briefing</b> & co", reference="REF<1>&2", as_at=dt.date(2014, 4, 1),
                              to="<to>", from_="A & B", summary="Summary <font color=red>red</font> &lt;",
                              key_messages="- key <i>message</i> &")
    result = services.briefing.export(options, tmp_path / "markup.pdf").value
    text = _all_text(result.path)
    for literal in ('<font color="red" size="40">rose</font> & fell; a < b > c; &amp; <b>bold</b> <br/>',
                    "Title with <font name=Courier>markup</font> & more", "Note <b>not bold</b> &amp;", "<tag>",
                    "Own entry <font size=30>big</font> & small", "A <b>briefing</b> & co", "REF<1>&2",
                    "Summary <font color=red>red</font> &lt;", "key <i>message</i> &", "<to>", "A & B"):
        assert literal in text, literal
    reader = PdfReader(result.path)
    assert reader.metadata.title == "A <b>briefing</b> & co"
    assert ("A <b>briefing</b> & co", 0) in [(i.title, 0) for i in reader.outline if not isinstance(i, list)]


# -- writing the file safely -------------------------------------------------------------------------

def test_a_missing_folder_gets_a_clear_message(sample, tmp_path):
    services, _ = sample
    target = tmp_path / "no such folder" / "briefing.pdf"
    with pytest.raises(DossierError, match="does not exist") as caught:
        services.briefing.export(sample_options(), target)
    assert str(target) in str(caught.value)
    (tmp_path / "a file").write_text("x")
    with pytest.raises(DossierError, match="is not a folder"):
        services.briefing.export(sample_options(), tmp_path / "a file" / "briefing.pdf")
    assert services.briefing.last_export() is None


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_gets_a_clear_message(sample, tmp_path):
    services, _ = sample
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DossierError, match="permission") as caught:
            services.briefing.export(sample_options(), folder / "briefing.pdf")
        assert str(folder / "briefing.pdf") in str(caught.value)
        assert _folder_listing(folder) == set()
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(("failing", "code", "words"), [
    ("mkstemp", errno.EACCES, "you do not have permission to write there"),
    ("fsync", errno.ENOSPC, "the disk is full"),
    ("replace", errno.EROFS, "the disk is read-only"),
])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(sample, tmp_path, monkeypatch, failing, code,
                                                                   words):
    services, _ = sample
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "briefing.pdf"
    target.write_bytes(b"the briefing from last week")
    before = _folder_listing(folder)

    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    if failing == "mkstemp":
        monkeypatch.setattr(writing.tempfile, "mkstemp", fail)
    else:
        monkeypatch.setattr(writing.os, failing, fail)
    with pytest.raises(DossierError) as caught:
        services.briefing.export(sample_options(), target)
    message = str(caught.value)
    assert str(target) in message and words in message
    assert _folder_listing(folder) == before, "a temporary file was left behind"
    assert target.read_bytes() == b"the briefing from last week"
    assert services.briefing.last_export() is None


def test_cancel_writes_nothing(sample, tmp_path):
    services, _ = sample
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 5  # part-way through the layout

    with pytest.raises(ExportCancelled):
        services.briefing.export(sample_options(), tmp_path / "briefing.pdf", cancelled=cancelled)
    assert len(calls) > 5
    assert {n for n in _folder_listing(tmp_path) if not n.startswith("case.dossier")} == set()
    assert services.briefing.last_export() is None


def test_progress_runs_up_to_the_end(sample, tmp_path):
    services, _ = sample
    seen: list[tuple[int, int, str]] = []
    result = services.briefing.export(sample_options(), tmp_path / "briefing.pdf",
                                      progress=lambda d, t, label: seen.append((d, t, label))).value
    done = [d for d, _, _ in seen]
    assert done == sorted(done) and done[-1] == SCALE and all(t == SCALE for _, t, _ in seen)
    assert any("Gathering" in label for _, _, label in seen)
    assert result.pages > 3
    new_file = tmp_path / "briefing.pdf"
    assert new_file.stat().st_mode & 0o077 == 0  # like a dossier, readable by its owner only
