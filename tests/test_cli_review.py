"""`dossier annotate`, `annotations`, `review`, `refile` and `export annotations` over a real dossier."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dossier.cli import main

LETTER = ("Dear Mr Quill,\n\nThe budget for the outreach service is overspent. The budget must be reset\n"
          "before the spring.\n\nYours sincerely,\n\nMara Fenwick\n")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture
def filed(tmp_path: Path, dossier_path: Path) -> str:
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    code, _ = run("--dossier", str(dossier_path), "import", str(tmp_path / "a.txt"))
    assert code == 0
    return str(dossier_path)


def test_annotate_second_occurrence_then_list_as_json(filed: str) -> None:
    code, text = run("--dossier", filed, "annotate", "D1", "--quote", "The budget", "--occurrence", "2",
                     "--note", "Reset when?\nAsk finance", "--tag", "funding", "--tag", "risk", "--json")
    assert code == 0
    made = json.loads(text)
    assert made["quote"] == "The budget" and made["start"] == LETTER.index("The budget must")
    code, text = run("--dossier", filed, "annotations", "--tag", "funding", "--json")
    [listed] = json.loads(text)
    assert listed["note"] == "Reset when?\nAsk finance" and listed["tags"] == ["funding", "risk"]
    code, text = run("--dossier", filed, "annotations", "--tag", "nothing", "--json")
    assert json.loads(text) == []


def test_annotate_words_that_are_not_there_is_a_plain_error(filed: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("--dossier", filed, "annotate", "1", "--quote", "no such words")
    assert code == 2
    err = capsys.readouterr().err
    assert "no such words" in err and "Traceback" not in err


def test_review_and_export_record_in_both_forms(filed: str, tmp_path: Path) -> None:
    run("--dossier", filed, "annotate", "1", "--quote", "overspent", "--note", "=1+1", "--tag", "funding")
    code, text = run("--dossier", filed, "review", "1", "--by", "kim")
    assert code == 0 and "1 of 1 reviewed" in text
    md, table = tmp_path / "record.md", tmp_path / "record.csv"
    assert run("--dossier", filed, "export", "annotations", str(md))[0] == 0
    assert run("--dossier", filed, "export", "annotations", str(table))[0] == 0
    body = md.read_text(encoding="utf-8")
    assert "> overspent" in body and "Reviewed by kim" in body and "tags: funding" in body
    [row] = list(csv.DictReader(table.open(encoding="utf-8")))
    assert row["quote"] == "overspent" and row["reviewed"] == "yes" and row["reviewed_by"] == "kim"
    assert row["note"] == "'=1+1"  # never a formula in a spreadsheet
    assert not list(tmp_path.glob(".record*"))  # no temporary file left


def test_export_record_to_an_unknown_form_is_refused(filed: str, tmp_path: Path) -> None:
    code, _ = run("--dossier", filed, "export", "annotations", str(tmp_path / "record.pdf"))
    assert code == 2 and not (tmp_path / "record.pdf").exists()


def test_refile_reports_orphans(filed: str, tmp_path: Path) -> None:
    run("--dossier", filed, "annotate", "1", "--quote", "before the spring", "--note", "deadline")
    run("--dossier", filed, "annotate", "1", "--quote", "overspent")
    better = tmp_path / "better.txt"
    better.write_text("Dear Mr Quill,\n\nThe budget for the outreach service is overspent.\n\nMara Fenwick\n",
                      encoding="utf-8")
    code, text = run("--dossier", filed, "refile", "1", str(better))
    assert code == 0
    assert "1 in place, 0 moved, 1 could not be placed" in text and "before the spring" in text
