"""The briefing as a submission, on an invented case: the front sheet's fields, open actions one line
each within the window with the rest counted in an annex, empty sections left out (with their
bookmarks and contents lines), text that wraps and is never cut, no words about the tool, the
chronology's events that matter with each action once, and the date a briefing is as at."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_briefing_support import copy_dossier, outline_items, page_text

from dossier.db.chronology import rows as chronology_rows
from dossier.domain.briefing import (
    ActionGroup,
    BriefingOptions,
    Marking,
    Section,
    action_group,
    check_weeks,
    default_as_at,
)
from dossier.domain.chronology import EntryFields, EntryKind
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import NO_OWNER, ActionFields, action_line
from dossier.services import Services, open_services

AS_AT = dt.date(2021, 6, 1)
LETTERS = {
    "a.txt": ("3 March 2021\n\nDear Ms Roe,\n\nThank you for the call on Friday.\n\nI am writing about the "
              "county's plan for its libraries. I would be grateful for your views.\n\nYours sincerely,\n\n"
              "Sam Doe\nWessex County Council\n"),
    "b.txt": ("12 April 2021\n\nDear Mr Doe,\n\nThe board met on 9 April 2021 and agreed the plan in outline.\n\n"
              "Yours sincerely,\n\nAnn Roe\n"),
    "c.txt": ("20 May 2021\n\nDear Ms Roe,\n\nWe will publish the revised plan in the summer.\n\nYours "
              "sincerely,\n\nSam Doe\nWessex County Council\n"),
}
LONG_SUMMARY = ("set out for the board, in one paper, how each of the nine branch libraries will be staffed, "
                "funded and opened on the days the plan promises, with the costs of each option, the views of "
                "the staff and the parish councils, and what the county would do if the grant were not renewed "
                "in the spring, so that the board can take its decision with the whole picture before it")


def _day(iso: str) -> PartialDate:
    return PartialDate.parse_iso(iso)


def _fields(summary: str, owner: int | None, due: str | None, set_date: str, kind: ActionType = ActionType.REQUEST
            ) -> ActionFields:
    return ActionFields(type=kind, summary=summary, owner_id=owner, addressed_to_id=None,
                        due=_day(due) if due else None, set_date=_day(set_date), status=ActionStatus.OPEN,
                        status_note=None, status_document_id=None)


@pytest.fixture(scope="module")
def case_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three invented letters, and actions set by hand: overdue, due within four weeks, due later, with
    no date, a decision, one with no owner and one with a long summary."""
    folder = tmp_path_factory.mktemp("submission")
    (folder / "in").mkdir()
    for name, text in LETTERS.items():
        (folder / "in" / name).write_text(text, encoding="utf-8")
    path = folder / "case.dossier"
    services = open_services(path)
    try:
        filed = {Path(r.path).name: r.document_id for r in services.documents.file_paths(sorted((folder / "in").iterdir()))}
        # the actions are set by hand (the suggestions stay pending: a briefing never mentions them)
        roe = services.actors.find("Ann Roe") or services.actors.create("Ann Roe").value
        doe = services.actors.find("Sam Doe") or services.actors.create("Sam Doe").value
        a, b, c = filed["a.txt"], filed["b.txt"], filed["c.txt"]
        create = services.actions.create
        create(_fields("Send her views on the plan", roe, "2021-04-30", "2021-03-03"), document_id=a)
        create(_fields("Report to the board on the consultation", doe, "2021-06-20", "2021-04-12"), document_id=b)
        create(_fields("Publish the revised plan", doe, "2021-09-30", "2021-05-20"), document_id=c)
        create(_fields("Keep the parish councils informed", doe, None, "2021-04-12"), document_id=b)
        create(_fields("Decide on the branch closures", None, "2021-07-15", "2021-04-12", ActionType.DECISION),
               document_id=b)
        create(_fields("Confirm the grant for next year", None, "2021-05-14", "2021-03-03"), document_id=a)
        create(_fields(LONG_SUMMARY, roe, "2021-06-10", "2021-05-20"), document_id=c)
    finally:
        services.close()
    return path


@pytest.fixture
def case(tmp_path: Path, case_source: Path):
    services = open_services(copy_dossier(case_source, tmp_path / "case.dossier"))
    yield services
    services.close()


def _options(**changes) -> BriefingOptions:
    options = BriefingOptions(title="Wessex libraries", reference="LIB/21/4", marking=Marking.OFFICIAL,
                              as_at=AS_AT, to="Minister for Culture", from_="Private Office",
                              issue="Whether to support the county's plan for its libraries.",
                              summary="The county has consulted and will publish a revised plan.",
                              recommendation="That you agree to meet the county council.",
                              timing="Routine", key_messages="- The plan is agreed in outline.")
    return options.with_changes(**changes) if changes else options


def _export(services: Services, tmp_path: Path, name: str, options: BriefingOptions) -> tuple[PdfReader, str]:
    result = services.briefing.export(options, tmp_path / name).value
    reader = PdfReader(result.path)
    text = " ".join(" ".join(page_text(reader, i).split()) for i in range(len(reader.pages)))
    return reader, text


def _part(text: str, heading: str, following: str) -> str:
    """The words of one part of the briefing, from its heading to the next (past the contents)."""
    return text[text.rindex(heading):text.rindex(following)]


def _top(reader: PdfReader) -> list[str]:
    return [title for title, level, _ in outline_items(reader) if level == 0]


# -- rules, as pure functions ------------------------------------------------------------------------

def test_action_groups_by_the_window():
    due_by = AS_AT + dt.timedelta(weeks=4)  # 29 June 2021
    assert action_group("request", _day("2021-05-31"), AS_AT, due_by) is ActionGroup.OVERDUE
    assert action_group("request", _day("2021-06-01"), AS_AT, due_by) is ActionGroup.DUE_SOON  # due today
    assert action_group("request", _day("2021-05"), AS_AT, due_by) is ActionGroup.OVERDUE  # all of May is past
    assert action_group("request", _day("2021-06-29"), AS_AT, due_by) is ActionGroup.DUE_SOON  # the last day
    assert action_group("request", _day("2021-06-30"), AS_AT, due_by) is ActionGroup.LATER
    assert action_group("request", _day("2021-06"), AS_AT, due_by) is ActionGroup.DUE_SOON  # June has begun
    assert action_group("report due", None, AS_AT, due_by) is ActionGroup.UNDATED
    assert action_group("decision", _day("2021-06-10"), AS_AT, due_by) is ActionGroup.DECISION
    assert action_group("decision", None, AS_AT, due_by) is ActionGroup.DECISION
    assert [g.listed for g in ActionGroup] == [True, True, False, False, False]


def test_an_action_reads_owner_to_do_what():
    assert action_line("Ann Roe", "Send her views on the plan") == "Ann Roe to send her views on the plan"
    assert action_line("Ann Roe", "to send her views.") == "Ann Roe to send her views"
    assert action_line(None, "Confirm the grant") == f"To confirm the grant ({NO_OWNER})"
    assert action_line("", "Confirm the grant") == f"To confirm the grant ({NO_OWNER})"
    # a date in brackets at the end is the due date, which the briefing prints beside the line
    assert action_line("Sam Doe", "Sam Doe to publish the plan (by end Sep 2021)", with_when=False) == \
        "Sam Doe to publish the plan"
    assert action_line("Sam Doe", "publish the plan", status="done") == "Sam Doe to publish the plan (done)"


def test_action_lines_left_alone():
    # a summary that already leads with its owner, or another body as the subject, stays as written
    assert action_line("Wessex County Council", "The Council to publish its plan") == "The Council to publish its plan"
    assert action_line("Sam Doe", "Sam Doe to write to the board") == "Sam Doe to write to the board"
    # a name or an acronym at the start keeps its capitals
    assert action_line("Ann Roe", "Wessex Health Board figures to be sent") == "Wessex Health Board figures to be sent (Ann Roe)"
    assert action_line("Ann Roe", "Wessex Board minutes to be sent") == "Wessex Board minutes to be sent (Ann Roe)"
    assert action_line(None, "Ian explained that the audit could be done in two ways") == \
        "Ian explained that the audit could be done in two ways (owner to be confirmed)"
    # a sentence of its own is no verb to give the owner
    assert action_line("Ann Roe", "Sam Doe will want this to be followed by a review") == \
        "Sam Doe will want this to be followed by a review (Ann Roe)"
    # brackets that are not a date stay
    assert action_line("Ann Roe", "Send the plan (the second draft)") == "Ann Roe to send the plan (the second draft)"


def test_as_at_defaults_to_the_draft_then_the_latest_paper():
    today = dt.date(2030, 1, 1)
    assert default_as_at(dt.date(2021, 6, 1), _day("2021-05-20"), today) == dt.date(2021, 6, 1)
    assert default_as_at(None, _day("2021-05-20"), today) == dt.date(2021, 5, 20)
    assert default_as_at(None, _day("2021-05"), today) == dt.date(2021, 5, 31)  # the whole month is in
    assert default_as_at(None, _day("2021"), today) == dt.date(2021, 1, 1)
    assert default_as_at(None, None, today) == today


def test_new_options_round_trip_and_weeks_are_bounded():
    options = _options(due_within_weeks=6)
    assert BriefingOptions.from_json(options.to_json()) == options
    assert BriefingOptions.from_json({}).as_at is None and BriefingOptions.from_json({}).due_within_weeks == 4
    assert check_weeks(0) == 0 and check_weeks("52") == 52
    for bad in (-1, 53):
        with pytest.raises(ValueError, match="0 to 52"):
            check_weeks(bad)


# -- the PDF -----------------------------------------------------------------------------------------

def test_front_sheet_carries_the_submission_fields_in_order(case, tmp_path):
    reader, _ = _export(case, tmp_path, "b.pdf", _options())
    front = " ".join(page_text(reader, 0).split())
    order = ["To Minister for Culture", "From Private Office", "Date 1 June 2021", "Wessex libraries",
             "Reference: LIB/21/4", "Issue Whether to support", "Summary The county has consulted",
             "Recommendation That you agree", "Timing Routine", "Key messages", "The plan is agreed in outline"]
    at = [front.index(words) for words in order]
    assert at == sorted(at)


def test_empty_fields_and_sections_are_left_out_with_their_bookmarks(case, tmp_path):
    options = _options(issue="", recommendation="  ", timing="", key_messages="", lines_to_take="")
    reader, text = _export(case, tmp_path, "b.pdf", options)
    front = " ".join(page_text(reader, 0).split())
    for heading in ("Issue", "Recommendation", "Timing", "Key messages"):
        assert not re.search(rf"\b{heading}\b", front), heading
    # nothing annotated, no briefing before it, no lines to take: those sections are not printed at all
    top = _top(reader)
    assert top == ["Wessex libraries", "Open actions", "Annex A: Other open actions", "Annex B: Chronology",
                   "Annex C: Who\u2019s who", "Annex D: Sources"]
    for absent in ("Annotated extracts", "Changes since", "Lines to take", "nothing to compare", "No passages"):
        assert absent not in text
    # the contents list what is printed, with its page
    for title in top[1:]:
        assert re.search(rf"{re.escape(title)} \d+", front), title


def test_open_actions_list_the_overdue_and_those_due_within_the_window(case, tmp_path):
    _, text = _export(case, tmp_path, "b.pdf", _options())
    body = _part(text, "Open actions", "Annex A: Other open actions")
    assert "As at 1 June 2021, 2 actions are overdue and 2 are due by 29 June 2021." in body
    assert "2 other open actions (1 due later, 1 with no date set) and 1 decision or intention are listed in " \
           "Annex A." in body
    overdue, soon = body.split("Due by 29 June 2021", 1)
    assert "Ann Roe to send her views on the plan \u2014 due 30 Apr 2021 (overdue; set 3 Mar 2021) [D1]" in overdue
    assert f"To confirm the grant for next year ({NO_OWNER}) \u2014 due 14 May 2021 (overdue" in overdue
    assert "Sam Doe to report to the board on the consultation \u2014 due 20 Jun 2021 (set 12 Apr 2021) [D2]" in soon
    for elsewhere in ("publish the revised plan", "keep the parish councils", "branch closures"):
        assert elsewhere not in body
    annex = _part(text, "Annex A: Other open actions", "Annex B: Chronology")
    assert "Due after 29 June 2021 (1)" in annex and "Sam Doe to publish the revised plan" in annex
    assert "No date set (1)" in annex and "Sam Doe to keep the parish councils informed" in annex
    assert "Decisions and intentions (1)" in annex and f"To decide on the branch closures ({NO_OWNER})" in annex


def test_a_narrower_window_moves_actions_to_the_annex_and_the_counts_follow(case, tmp_path):
    _, text = _export(case, tmp_path, "b.pdf", _options(due_within_weeks=1))
    assert "2 actions are overdue and none is due by 8 June 2021." in text
    assert "4 other open actions (3 due later, 1 with no date set)" in text
    _, text = _export(case, tmp_path, "c.pdf", _options(due_within_weeks=0))
    assert "As at 1 June 2021, 2 actions are overdue." in text and "Due by" not in text


def test_long_text_wraps_whole_and_nothing_is_cut(case, tmp_path):
    _, text = _export(case, tmp_path, "b.pdf", _options(summary="A long summary. " * 60))
    assert "\u2026" not in text and "[\u2026]" not in text
    # the long action, whole, in the open actions list and again in the chronology
    assert text.count("with the whole picture before it") == 2
    assert text.count("A long summary.") == 60


def test_no_words_about_the_tool(case, tmp_path):
    _, text = _export(case, tmp_path, "b.pdf", _options())
    for word in ("Dossier", "dossier", "await review", "suggestion", "accepted", "Not known", "No date set "
                 "Direction"):
        assert word not in text, word


def test_the_chronology_shows_each_action_once_and_leaves_out_what_does_not_matter(case, tmp_path, monkeypatch):
    real = chronology_rows.chronology_rows

    def courtesies_marked(session, keys):  # what the analysis marks: a courtesy does not matter
        return [dataclasses.replace(r, matters=False) if "call on Friday" in r.description else r
                for r in real(session, keys)]

    case.chronology.add_entry(EntryFields(_day("2021-03-05"), "Sam Doe thanked Ann Roe for the call on Friday",
                                          EntryKind.EVENT, ("Sam Doe",)))
    case.chronology.add_entry(EntryFields(_day("2021-04-09"), "The board agreed the plan in outline",
                                          EntryKind.EVENT, ("Ann Roe",)))
    _, text = _export(case, tmp_path, "all.pdf", _options())
    chronology = _part(text, "Annex B: Chronology", "Annex C: Who")
    # set and due together: once, at the due date, with the date it was set
    assert chronology.count("Ann Roe to send her views on the plan") == 1
    assert "Ann Roe to send her views on the plan (set 3 Mar 2021)" in chronology
    assert "set:" not in chronology and "Due (" not in chronology
    # an open action with no due date is no dated event: it is listed with the other open actions...
    assert "keep the parish councils" not in chronology
    # ...unless the briefing does not list actions: then it shows once, at the date it was set
    _, text = _export(case, tmp_path, "chronology.pdf", _options(sections=(Section.CHRONOLOGY,)))
    assert text.count("Sam Doe to keep the parish councils informed (no date set)") == 1
    monkeypatch.setattr(chronology_rows, "chronology_rows", courtesies_marked)
    _, text = _export(case, tmp_path, "matters.pdf", _options())
    after = _part(text, "Annex B: Chronology", "Annex C: Who")
    assert "call on Friday" in chronology and "call on Friday" not in after  # a courtesy is left out
    assert "The board agreed the plan in outline" in after  # a decision stays
    assert after.count("to send her views on the plan") == 1


def test_as_at_defaults_in_the_service(case, tmp_path):
    # no draft: the latest paper's date
    assert case.briefing.load_draft() is None
    assert case.briefing.default_as_at() == dt.date(2021, 5, 20)
    data = case.briefing.gather(_options(as_at=None))
    assert data.options.as_at == dt.date(2021, 5, 20)
    # a draft: its date
    case.briefing.save_draft(_options(as_at=dt.date(2021, 7, 1)))
    assert case.briefing.default_as_at() == dt.date(2021, 7, 1)
    assert case.briefing.starting_options().as_at == dt.date(2021, 7, 1)
    result = case.briefing.export(_options(as_at=None), tmp_path / "b.pdf").value
    assert "1 July 2021" in page_text(PdfReader(result.path), 0)


def test_the_who_s_who_gives_the_post_held_on_the_day(case, tmp_path):
    from dossier.db.models import Post, PostHolder

    roe = case.actors.find("Ann Roe")
    with case.dossier.sessions.begin() as session:
        chair, clerk = Post(title="Chair of the Library Board", title_key="chair of the library board"), \
            Post(title="Clerk to the Board", title_key="clerk to the board")
        session.add_all([chair, clerk])
        session.flush()
        session.add_all([PostHolder(post_id=clerk.id, actor_id=roe, start_value="2019", end_value="2021-04"),
                         PostHolder(post_id=chair.id, actor_id=roe, start_value="2021-05", end_value=None)])
    _, text = _export(case, tmp_path, "june.pdf", _options())
    whos = _part(text, "Annex C: Who", "Annex D: Sources")
    assert "Post on 1 June 2021" in whos and "Ann Roe Chair of the Library Board" in whos
    assert "Clerk to the Board" not in whos
    _, text = _export(case, tmp_path, "march.pdf", _options(as_at=dt.date(2021, 3, 15)))
    whos = _part(text, "Annex C: Who", "Annex D: Sources")
    assert "Ann Roe Clerk to the Board" in whos and "Chair of the Library Board" not in whos


def test_sections_chosen_away_are_not_printed(case, tmp_path):
    reader, _ = _export(case, tmp_path, "b.pdf", _options(sections=(Section.CHRONOLOGY,)))
    assert _top(reader) == ["Wessex libraries", "Annex A: Chronology", "Annex B: Sources"]


def test_the_default_briefing_of_fourteen_synthetic_letters_stays_short(tmp_path):
    """Fourteen synthetic letters, filed and every suggestion accepted, exported as nobody set it up: as
    at the latest paper's date, every section. The generator's letters each set many more actions and
    dates than a real case does (over two hundred suggestions for fourteen letters), so this bar guards
    the layout's density; the twelve-page bar for a real case of fourteen letters is measured on the
    invented case of the acceptance tests."""
    from benchmarks.generate import generate

    papers = generate(tmp_path / "in", 14, ("txt",), seed=13)
    services = open_services(tmp_path / "fourteen.dossier")
    try:
        services.documents.file_paths(papers)
        pending = sorted(services.suggestions.pending(), key=lambda s: s.kind != "actor")  # as `accept --all`
        services.suggestions.accept_many([s.id for s in pending])
        result = services.briefing.export(services.briefing.starting_options(), tmp_path / "b.pdf").value
        reader = PdfReader(result.path)
        text = " ".join(page_text(reader, i) for i in range(len(reader.pages)))
    finally:
        services.close()
    assert result.pages <= 16, f"{result.pages} pages"  # 27 before the briefing became a submission
    assert _top(reader)[1:3] == ["Open actions", "Annex A: Other open actions"]
    assert "await review" not in text


def test_a_long_annex_table_keeps_its_heading_and_leaves_no_page_empty(case, tmp_path):
    doe = case.actors.find("Sam Doe")
    for n in range(1, 61):
        case.actions.create(_fields(f"Keep parish council number {n} informed", doe, None, "2021-04-12"))
    reader, text = _export(case, tmp_path, "b.pdf", _options())
    # the long table starts under its heading, on the annex's first page, and runs on over the next
    [first] = [i for i in range(len(reader.pages)) if "No date set (61)" in page_text(reader, i)]
    assert "Annex A: Other open actions" in page_text(reader, first)
    assert "parish council number 1 informed" in page_text(reader, first)
    assert "parish council number 60 informed" in page_text(reader, first + 1)
    assert "No date set (61)" in text and "Keep parish council number 60 informed" not in text
    assert "Sam Doe to keep parish council number 60 informed" in text
