"""The clock the services read the time from: given at start-up, never the wall clock in a test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dossier.db.engine import make_engine
from dossier.db.migrate import head_revision, migrate
from dossier.domain.clock import FixedClock, SteppingClock, SystemClock, file_stamp, stamp
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import ActionFields
from dossier.services import open_services

MORNING = dt.datetime(2031, 2, 4, 9, 30, 15, 123456, tzinfo=dt.UTC)


def test_a_fixed_clock_stays_and_a_stepping_clock_moves_on_each_reading() -> None:
    fixed = FixedClock(MORNING)
    assert fixed.now() == fixed.now() == MORNING and fixed.today() == dt.date(2031, 2, 4)
    stepping = SteppingClock(MORNING, dt.timedelta(seconds=2))
    assert [stepping.now(), stepping.now()] == [MORNING, MORNING + dt.timedelta(seconds=2)]
    assert stepping.today() == dt.date(2031, 2, 4)  # reading the day does not move it
    assert FixedClock(dt.datetime(2031, 2, 4, 9, 30)).now().tzinfo is dt.UTC  # a naive moment is UTC


def test_the_stamps_are_utc_to_the_second() -> None:
    assert stamp(FixedClock(MORNING)) == "2031-02-04T09:30:15+00:00"
    assert file_stamp(FixedClock(MORNING)) == "20310204T093015Z"
    east = dt.timezone(dt.timedelta(hours=5))
    assert stamp(FixedClock(dt.datetime(2031, 2, 4, 14, 30, 15, tzinfo=east))) == "2031-02-04T09:30:15+00:00"
    assert SystemClock().now().tzinfo is not None


def test_the_services_read_the_time_from_the_clock_they_are_given(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("3 March 2031\n\nDear Ms Quarrie,\n\nThe depot reopens next week.\n\nYours sincerely,\n\n"
                      "Bram Oduya\n", encoding="utf-8")
    services = open_services(tmp_path / "case.dossier", clock=FixedClock(MORNING))
    try:
        [filed] = services.documents.file_paths([letter])
        [row] = services.documents.rows([filed.document_id])
        assert row.filed_at == "2031-02-04T09:30:15+00:00"
        # "as at today" is the clock's day: an action due the day before is overdue, one due that day is not
        for day, summary in ((3, "send the plan"), (4, "send the budget")):
            services.actions.create(ActionFields(
                type=ActionType.REQUEST, summary=summary, owner_id=None, addressed_to_id=None,
                due=PartialDate.parse_iso(f"2031-02-0{day}"), set_date=None, status=ActionStatus.OPEN,
                status_note=None, status_document_id=None))
        rows = services.actions.rows(services.actions.ids())
        assert {r.summary: r.overdue for r in rows} == {"send the plan": True, "send the budget": False}
    finally:
        services.close()


def test_the_copy_made_before_a_migration_is_named_by_the_clock(tmp_path: Path) -> None:
    path = tmp_path / "old.dossier"
    engine = make_engine(path)
    migrate(engine, path, target="0001")  # a dossier made by an early version
    engine.dispose()
    services = open_services(path, clock=FixedClock(MORNING))
    services.close()
    assert [p.name for p in tmp_path.glob("*.bak")] == [f"old.dossier.before-{head_revision()}-20310204T093015Z.bak"]
