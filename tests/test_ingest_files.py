"""Choosing files, reading them, and the bad-input set: every refusal is one precise line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier.domain.errors import UnreadableFile
from dossier.ingest import SUPPORTED_SUFFIXES, documents, expand_paths, read_document, read_path
from tests.badinput import (
    CONTROL_RTL_EMOJI_TEXT,
    EXPECTED_REASONS,
    LONG_PARAGRAPH_LINES,
    OVERSIZE_MAX_BYTES,
    READABLE,
    make_bad_inputs,
)


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_bad_inputs(tmp_path_factory.mktemp("bad"))


def reason_of(path: Path, *, max_bytes: int = documents.DEFAULT_MAX_BYTES) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_path(path, max_bytes=max_bytes)
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    return caught.value.reason


def test_supported_suffixes() -> None:
    assert {".txt", ".pdf", ".docx", ".eml", ".text", ".md", ".html", ".htm", ".rtf", ".msg"} == SUPPORTED_SUFFIXES


def test_folders_expand_recursively_sorted_and_without_hidden_or_unknown_files(tmp_path: Path) -> None:
    for name in ["b.txt", "A.PDF", "c.xyz", ".DS_Store", "~$lock.docx", "notes.md", ".git/config.txt",
                 "sub/z.eml", "sub/y.docx", "sub/.hidden.txt", ".hidden/letter.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "folder.pdf").mkdir()
    given = [tmp_path / "c.xyz", str(tmp_path), tmp_path / "b.txt", tmp_path / "missing.txt"]
    assert expand_paths(given) == [
        tmp_path / "c.xyz",
        tmp_path / "A.PDF",
        tmp_path / "b.txt",
        tmp_path / "notes.md",
        tmp_path / "sub" / "y.docx",
        tmp_path / "sub" / "z.eml",
        tmp_path / "missing.txt",
    ]


def test_read_path_gives_the_bytes_and_the_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"A short note.\r\n")
    data, extracted = read_path(path)
    assert (data, extracted.text, extracted.media_type) == (b"A short note.\r\n", "A short note.", "text/plain")


@pytest.mark.parametrize(("max_bytes", "limit"), [(10, "10 bytes"), (1536, "1.5 KB"), (OVERSIZE_MAX_BYTES, "1 KB")])
def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, max_bytes: int, limit: str
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (max_bytes + 1))
    monkeypatch.setattr(Path, "open", lambda *_a, **_k: pytest.fail("the file must not be opened"))
    assert reason_of(path, max_bytes=max_bytes) == f"file is larger than the {limit} limit"


def test_the_default_limit_is_50_mb() -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document("huge.txt", bytes(50 * 1024 * 1024 + 1))
    assert caught.value.reason == "file is larger than the 50 MB limit"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("notes.xyz", "unsupported file type .xyz"), ("Letter.DOC", "unsupported file type .doc"),
     ("README", "unsupported file type (no extension)")],
)
def test_unknown_types_are_refused_by_name(name: str, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document(name, b"some bytes")
    assert (caught.value.path, caught.value.reason) == (name, reason)


@pytest.mark.parametrize(
    ("error", "reason"),
    [(KeyError("x"), "cannot read file (unexpected KeyError)"),
     (MemoryError(), "not enough memory to read the file"),
     (RecursionError(), "cannot read file (nested too deeply)")],
)
def test_a_reader_surprise_still_gives_one_line(
    monkeypatch: pytest.MonkeyPatch, error: BaseException, reason: str
) -> None:
    def failing(_data: bytes) -> None:
        raise error

    monkeypatch.setattr(documents, "_reader", lambda _suffix: failing)
    with pytest.raises(UnreadableFile) as caught:
        read_document("a.txt", b"text")
    assert caught.value.reason == reason


@pytest.mark.parametrize("case", sorted(set(EXPECTED_REASONS) - {"unreadable"}))
def test_each_bad_input_is_refused_with_its_one_line_reason(bad_inputs: dict[str, Path], case: str) -> None:
    max_bytes = OVERSIZE_MAX_BYTES if case == "oversize" else documents.DEFAULT_MAX_BYTES
    reason = reason_of(bad_inputs[case], max_bytes=max_bytes)
    assert reason == EXPECTED_REASONS[case]
    assert "\n" not in reason and reason[0].islower()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_refused(bad_inputs: dict[str, Path]) -> None:
    assert reason_of(bad_inputs["unreadable"]) == "cannot read file (permission denied)"


@pytest.mark.parametrize(
    ("error", "reason"),
    [(PermissionError(13, "Permission denied"), "cannot read file (permission denied)"),
     (FileNotFoundError(2, "No such file or directory"), "file not found"),
     (IsADirectoryError(21, "Is a directory"), "not a file"),
     (OSError(5, "Input/output error"), "cannot read file (input/output error)")],
)
def test_errors_opening_a_file_become_reasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(b"text")

    def failing_open(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(Path, "open", failing_open)
    assert reason_of(path) == reason


def test_the_oversize_case_reads_under_the_default_limit(bad_inputs: dict[str, Path]) -> None:
    _data, extracted = read_path(bad_inputs["oversize"])
    assert extracted.text.startswith("A letter that is too long for a small limit. A letter")


def test_the_bad_input_set_is_complete(bad_inputs: dict[str, Path]) -> None:
    expected = (set(EXPECTED_REASONS) | READABLE) - {"unreadable"}
    assert set(bad_inputs) - {"unreadable"} == expected
    assert ("unreadable" in bad_inputs) == (os.geteuid() != 0)  # root reads whatever the mode


def test_a_pdf_without_text_is_read_without_a_text_layer(bad_inputs: dict[str, Path]) -> None:
    _data, extracted = read_path(bad_inputs["no_text_pdf"])
    assert (extracted.text, extracted.has_text_layer, extracted.page_count) == ("", False, 2)


def test_a_ten_thousand_line_paragraph_is_one_paragraph(bad_inputs: dict[str, Path]) -> None:
    _data, extracted = read_path(bad_inputs["long_paragraph"])
    assert len(extracted.paragraphs) == 1
    assert extracted.text.count("line ") == LONG_PARAGRAPH_LINES
    assert extracted.text.startswith("line 00000 of one very long paragraph that keeps going without a break line 00001")
    assert extracted.text.endswith("line 09999 of one very long paragraph that keeps going without a break")


def test_control_characters_go_but_right_to_left_text_and_emoji_stay(bad_inputs: dict[str, Path]) -> None:
    _data, extracted = read_path(bad_inputs["control_rtl_emoji"])
    assert extracted.text == CONTROL_RTL_EMOJI_TEXT
    assert len(extracted.paragraphs) == 3
