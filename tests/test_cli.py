"""The command line, run in-process through `dossier.cli.main` and once as a real subprocess."""

import io
import json
import subprocess
import sys

from dossier.cli import main

LETTER = """Ms Harriet Vane
Chief Executive
Shrewsbury Borough Council

Thursday 12 March 2015

Dear Ms Vane,

Thank you for your letter. I look forward to meeting you.

Yours sincerely,

Charles Parker
Minister for Local Services
"""


def run(*argv):
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_import_documents_show_json(tmp_path, dossier_path):
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "one.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "letters" / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    code, out = run("--dossier", str(dossier_path), "import", str(tmp_path / "letters"), "--json")
    assert code == 1  # one file failed; the good one is filed all the same
    results = {r["path"].rsplit("/", 1)[-1]: r for r in json.loads(out)}
    assert results["one.txt"]["outcome"] == "filed"
    assert results["broken.pdf"]["outcome"] == "failed"
    assert "broken.pdf" in results["broken.pdf"]["message"]

    code, out = run("--dossier", str(dossier_path), "documents", "--json")
    assert code == 0
    [doc] = json.loads(out)
    assert doc["date"] == {"value": "2015-03-12", "precision": "day", "text": "Thursday 12 March 2015"}
    assert doc["sender"] == "Charles Parker"
    assert doc["recipients"] == ["Harriet Vane"]
    assert doc["kind"] == "letter"
    assert doc["status"] == "ok"
    assert len(doc["sha256"]) == 64

    code, out = run("--dossier", str(dossier_path), "show", f"D{doc['id']}", "--json")
    shown = json.loads(out)
    assert "I look forward to meeting you." in shown["text"]
    assert shown["paragraphs"][0]["n"] == 1

    code, out = run("--dossier", str(dossier_path), "import", str(tmp_path / "letters" / "one.txt"))
    assert code == 0
    assert "0 filed, 1 already filed, 0 failed" in out


def test_analyse_contract(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(LETTER.replace("Thursday 12 March 2015\n", ""), encoding="utf-8")
    code, out = run("analyse", str(path), "--date", "2015-03", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["file"] == "undated.txt"
    assert data["kind"] == "letter"
    assert data["date"]["value"] == "2015-03"
    assert data["date"]["precision"] == "month"
    assert data["sender"] == "Charles Parker"
    assert data["recipients"] == ["Harriet Vane"]
    for key in ("cc", "actors", "dates", "deadlines"):
        assert isinstance(data[key], list)


def test_unreadable_file_gets_one_line_and_exit_2(tmp_path, capsys):
    code, _ = run("analyse", str(tmp_path / "missing.txt"), "--json")
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dossier: ") and "missing.txt" in err and "\n" not in err


def test_demo_builds_the_sample_with_curated_dates(tmp_path):
    path = tmp_path / "sample.dossier"
    code, out = run("--dossier", str(path), "demo", "--no-gui")
    assert code == 0
    assert "5 filed, 0 already filed, 0 failed" in out
    code, out = run("--dossier", str(path), "documents", "--json")
    docs = {d["file"]: d for d in json.loads(out)}
    assert docs["001_0ea22981334a7455.txt"]["date"]["value"] == "2014-05-23"
    assert docs["003_ef472a73f93a180a.txt"]["date"]["value"] == "2014-03-27"
    assert docs["004_e71f9937f2b5a2c7.txt"]["kind"] == "article"
    assert docs["000_79d4facf50142c17.txt"]["date"] == {"value": "2013-11", "precision": "month",
                                                        "text": "November 2013"}


def test_the_console_script_runs(tmp_path):
    env_file = tmp_path / "env.dossier"
    proc = subprocess.run([sys.executable, "-m", "dossier", "--dossier", str(env_file), "documents"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "0 documents"


def test_analyse_does_not_load_the_database_layer(tmp_path):
    """`dossier analyse` needs no dossier: importing SQLAlchemy and Alembic cost it 1.6 s a file, and
    scoring a folder runs it once per file."""
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    script = ("import io, sys\nfrom dossier.cli import main\n"
              f"assert main(['analyse', {str(path)!r}, '--json'], out=io.StringIO()) == 0\n"
              "print(sorted(m for m in ('sqlalchemy', 'alembic', 'PySide6') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
