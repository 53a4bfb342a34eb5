"""The benchmark generator writes parseable files of every format, and truth.json describes them."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import re
import unicodedata
from pathlib import Path

import docx
import pypdf
import pytest

from benchmarks.generate import FORMATS, TRUTH_FILE, generate


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).casefold()


def _text_of(path: Path) -> str:
    if path.suffix == ".txt":
        return path.read_bytes().decode("utf-8")
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return "\n".join(f"{k}: {v}" for k, v in msg.items()) + "\n" + msg.get_body(("plain",)).get_content()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], dict]:
    out = tmp_path_factory.mktemp("letters")
    paths = generate(out, 8, FORMATS, seed=3)
    truth = json.loads((out / TRUTH_FILE).read_text(encoding="utf-8"))
    return out, paths, truth


def test_every_format_is_written_and_described(generated: tuple[Path, list[Path], dict]) -> None:
    out, paths, truth = generated
    assert sorted(p.suffix.lstrip(".") for p in paths) == sorted(FORMATS * 2)
    assert {p.name for p in out.iterdir() if p.name != TRUTH_FILE} == set(truth["documents"]) == {p.name for p in paths}
    for path in paths:
        entry = truth["documents"][path.name]
        assert entry["format"] == path.suffix.lstrip(".")
        assert entry["kind"] == ("email" if path.suffix == ".eml" else "letter")
        assert entry["date"]["precision"] in ("day", "month")
        assert entry["sender"] and entry["recipients"]


def test_files_parse_and_state_what_truth_says(generated: tuple[Path, list[Path], dict]) -> None:
    _out, paths, truth = generated
    for path in paths:
        entry = truth["documents"][path.name]
        text = _fold(_text_of(path))
        for name in [entry["sender"], *entry["recipients"], *entry["cc"]]:
            first, last = name.split(" ", 1)
            assert _fold(last) in text, (path.name, name)
            assert _fold(first) in text, (path.name, name)
        assert _fold(entry["date"]["text"]) in text, path.name
        value = entry["date"]["value"]
        assert dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
        if path.suffix == ".pdf":
            reader = pypdf.PdfReader(path)
            assert len(reader.pages) == entry["pages"]
            assert f"page {entry['pages']} of {entry['pages']}" in text
        if path.suffix == ".eml":
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            assert msg["Date"].datetime.date().isoformat() == value
            assert len(msg["To"].addresses) == len(entry["recipients"])
            assert len(msg["Cc"].addresses if msg["Cc"] else ()) == len(entry["cc"])
        for ref in entry["dated_references"]:
            assert _fold(ref["text"]) in text, (path.name, ref)


def test_generation_is_deterministic(tmp_path: Path, generated: tuple[Path, list[Path], dict]) -> None:
    out, paths, _truth = generated
    again = generate(tmp_path, 8, FORMATS, seed=3)
    for a, b in zip(paths, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert (out / TRUTH_FILE).read_bytes() == (tmp_path / TRUTH_FILE).read_bytes()
    other = generate(tmp_path / "other", 4, FORMATS, seed=4)
    assert other[0].read_bytes() != paths[0].read_bytes()
