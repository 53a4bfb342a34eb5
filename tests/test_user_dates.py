"""A date a person types is read through one entry point (services.dates), which the window and the
command line use instead of reaching into analysis."""

from __future__ import annotations

import ast
from pathlib import Path

from dossier.domain.dates import Precision
from dossier.services.dates import parse_user_date

ROOT = Path(__file__).resolve().parent.parent / "dossier"


def test_a_typed_date_is_read_at_its_precision_and_no_date_is_none() -> None:
    day = parse_user_date("5/11/2019")
    assert day is not None and day.value == "2019-11-05" and day.precision is Precision.DAY
    month = parse_user_date("November 2019")
    assert month is not None and month.value == "2019-11" and month.precision is Precision.MONTH
    assert parse_user_date("next Tuesday-ish") is None
    assert parse_user_date("  ") is None


def test_the_window_and_the_command_line_read_dates_through_the_service() -> None:
    offenders = []
    for path in sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "cli").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dossier.analysis"):
                offenders.append(f"{path.relative_to(ROOT)}: {node.module}")
    assert offenders == []
