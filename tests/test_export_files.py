"""Writing exported files safely (dossier/export/files.py), on real files."""

from pathlib import Path

import pytest

from dossier.domain.errors import DossierError
from dossier.export.files import write_atomically


@pytest.mark.parametrize("name", ["briefing.pdf", "brief [draft] *1*.pdf"])
def test_a_write_removes_what_a_killed_write_of_the_same_file_left(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(b"old")
    killed = tmp_path / f".{name}.k1ll3d_x.part"  # as mkstemp names them: a write killed before its rename
    killed.write_bytes(b"half a fi")
    others = [tmp_path / ".notes.md.a1b2c3d4.part", tmp_path / f".{name}x.a1b2c3d4.part",
              tmp_path / f".{name}.v2.a1b2c3d4.part", tmp_path / "keep.part"]  # ".v2": a file "{name}.v2"'s
    for other in others:
        other.write_bytes(b"not ours")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert not killed.exists()
    assert all(other.exists() for other in others)  # another file's, or no temporary file at all
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, *(o.name for o in others)])


def test_a_failed_write_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "briefing.pdf"
    with pytest.raises(DossierError, match="the folder does not exist"):
        write_atomically(target, b"new", "the briefing")
    assert list(tmp_path.iterdir()) == []
