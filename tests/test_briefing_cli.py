"""`dossier export briefing OUT.pdf`, run in-process through `dossier.cli.main`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_briefing_support import build_sample_dossier, page_text

from dossier.cli import briefing as briefing_cli
from dossier.cli import export as export_cli
from dossier.cli import main
from dossier.services import open_services

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "resources" / "sample"


@pytest.fixture(autouse=True)
def briefing_target(monkeypatch: pytest.MonkeyPatch) -> None:
    """`export briefing` is listed by dossier.cli.export; until it is, list it here."""
    listed = export_cli._targets
    if not any(t[0] == "briefing" for t in listed()):
        monkeypatch.setattr(export_cli, "_targets", lambda: [*listed(), briefing_cli.TARGET])


@pytest.fixture(scope="module")
def sample_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("briefing-cli") / "sample.dossier"
    build_sample_dossier(path, SAMPLE_DIR)
    return path


@pytest.fixture
def dossier(tmp_path: Path, sample_source: Path) -> Path:
    from test_briefing_support import copy_dossier

    return copy_dossier(sample_source, tmp_path / "case.dossier")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_export_briefing_with_every_option(dossier: Path, tmp_path: Path):
    (tmp_path / "summary.txt").write_text("Where things stand.\n\nWhat is overdue.", encoding="utf-8")
    (tmp_path / "rec.txt").write_text("That you agree to write to the Council.", encoding="utf-8")
    out = tmp_path / "briefing.pdf"
    code, text = run("--dossier", str(dossier), "export", "briefing", str(out), "--title", "Intervention",
                     "--reference", "BRF/7", "--marking", "official-sensitive", "--as-at", "1/8/2014",
                     "--to", "Secretary of State", "--from", "Private Office", "--timing", "Routine",
                     "--from-date", "March 2014", "--to-date", "2014-12-31", "--actor", "Norman Warner",
                     "--tag", "commissioner", "--document", "D3", "--sections", "actions,chronology,whos-who",
                     "--summary-file", str(tmp_path / "summary.txt"), "--key-messages", "- One\\n- Two",
                     "--issue", "Whether to step in.", "--recommendation-file", str(tmp_path / "rec.txt"),
                     "--due-within", "8", "--json")
    assert code == 0, text
    result = json.loads(text)
    assert result["path"] == str(out) and result["pages"] == len(PdfReader(out).pages)
    options = result["options"]
    assert options["marking"] == "OFFICIAL-SENSITIVE" and options["as_at"] == "2014-08-01"
    assert options["scope"]["date_from"] == "2014-03-01" and options["scope"]["date_to"] == "2014-12-31"
    assert options["scope"]["tags"] == ["Commissioner"] and options["scope"]["document_ids"] == [3]
    assert options["sections"] == ["actions", "chronology", "whos-who", "sources"]
    assert options["key_messages"] == "- One\n- Two"
    assert options["issue"] == "Whether to step in." and options["recommendation"].startswith("That you agree")
    assert options["due_within_weeks"] == 8
    reader = PdfReader(out)
    front = " ".join(page_text(reader, 0).split())
    assert "Intervention" in front and "Secretary of State" in front and "Where things stand." in front
    assert "Whether to step in." in front and "That you agree to write to the Council." in front
    assert "Chronology" in front and "Key messages" not in front  # not chosen
    assert "Lines to take" not in front  # no text for it
    assert "Papers dated 1 Mar 2014 to 31 Dec 2014; naming Norman Warner; with extracts tagged" in front


def test_the_draft_carries_over_with_its_date(dossier: Path, tmp_path: Path):
    code, _ = run("--dossier", str(dossier), "export", "briefing", str(tmp_path / "one.pdf"), "--title", "Weekly",
                  "--as-at", "2014-08-01", "--summary", "Kept for next time", "--due-within", "2")
    assert code == 0
    code, text = run("--dossier", str(dossier), "export", "briefing", str(tmp_path / "two.pdf"), "--json")
    assert code == 0
    options = json.loads(text)["options"]
    assert options["title"] == "Weekly" and options["summary"] == "Kept for next time"
    assert options["as_at"] == "2014-08-01" and options["due_within_weeks"] == 2  # the draft's date and window
    code, text = run("--dossier", str(dossier), "export", "briefing", str(tmp_path / "three.pdf"), "--fresh",
                     "--no-save", "--json")
    options = json.loads(text)["options"]
    assert options["title"] == "Briefing" and options["due_within_weeks"] == 4
    assert options["as_at"] == "2014-05-23"  # no draft: the latest paper's date, not today
    services = open_services(dossier)
    try:
        assert services.briefing.load_draft().title == "Weekly"  # --no-save kept the draft
    finally:
        services.close()


def test_mistakes_get_one_line_and_exit_2(dossier: Path, tmp_path: Path, capsys):
    out = str(tmp_path / "b.pdf")
    for argv, words in ((["--actor", "Nobody Known"], "no one called 'Nobody Known'"),
                        (["--tag", "nonsense"], "no annotation is tagged 'nonsense'"),
                        (["--document", "D99"], "no document D99"),
                        (["--sections", "appendix"], "unknown section 'appendix'"),
                        (["--as-at", "the day after"], "cannot read the date"),
                        (["--from-date", "2014-06-01", "--to-date", "2014-01-01"], "start date is after")):
        code, _ = run("--dossier", str(dossier), "export", "briefing", out, *argv)
        assert code == 2, argv
        assert words in capsys.readouterr().err
    assert not Path(out).exists()
    with pytest.raises(SystemExit) as caught:
        run("--dossier", str(dossier), "export", "briefing", out, "--marking", "restricted")
    assert caught.value.code == 2
    for weeks in ("many", "-1", "53"):
        with pytest.raises(SystemExit) as caught:
            run("--dossier", str(dossier), "export", "briefing", out, "--due-within", weeks)
        assert caught.value.code == 2
        assert "whole number from 0 to 52" in capsys.readouterr().err
    code, _ = run("--dossier", str(dossier), "export", "briefing", str(tmp_path / "none" / "b.pdf"))
    assert code == 2
    assert "does not exist" in capsys.readouterr().err
