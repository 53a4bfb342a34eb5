"""The actions model stays lazy: counting overdue actions must not fetch every row."""

from __future__ import annotations

import datetime as dt

from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import ActionFields
from dossier.services import Services
from dossier.ui.models.actions_model import ActionsModel
from dossier.ui.models.lazy_model import BLOCK_SIZE


def test_overdue_count_is_counted_not_fetched(qtbot, services: Services) -> None:
    due = PartialDate.from_date(dt.date(2020, 1, 1))
    total = BLOCK_SIZE * 3 + 7
    for n in range(total):
        services.actions.create(ActionFields(ActionType.REQUEST, f"send plan {n}", None, None, due, None,
                                             ActionStatus.OPEN if n % 4 else ActionStatus.DONE, None, None))
    fetched: list[int] = []
    rows = services.actions.rows

    def counting_rows(ids, **kwargs):
        fetched.extend(ids)
        return rows(ids, **kwargs)

    services.actions.rows = counting_rows  # type: ignore[method-assign]
    model = ActionsModel()
    model.set_service(services.actions)
    model.set_as_at(dt.date(2021, 1, 1))
    still_open = total - len(range(0, total, 4))  # the view lists open actions by default
    assert model.rowCount() == still_open
    fetched.clear()
    assert model.overdue_count() == still_open
    assert len(fetched) <= BLOCK_SIZE  # at most the block on screen, never all of them
