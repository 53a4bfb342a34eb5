"""Accepting a dossier's suggestions in one batch gives the same register as accepting them one by one."""

import io
import json
import shutil
from pathlib import Path

from benchmarks.generate import generate
from dossier.cli import main
from dossier.services import open_services

CASE = Path(__file__).parent / "fixtures" / "case_valley"


def _cli(path: Path, *argv: str) -> object:
    out = io.StringIO()
    assert main(["--dossier", str(path), *argv], out=out) == 0
    return json.loads(out.getvalue())


def _accept_rounds(path: Path, one_by_one: bool) -> int:
    """Accept every pending suggestion, actors first, as `accept --all` does, until none is left
    (accepting actions proposes status suggestions from later letters)."""
    services = open_services(path)
    try:
        accepted = 0
        for _ in range(5):
            ids = [s.id for s in sorted(services.suggestions.pending(None), key=lambda s: s.kind != "actor")]
            if not ids:
                break
            if one_by_one:
                accepted += len([services.suggestions.accept(i).value for i in ids])
            else:
                accepted += len(services.suggestions.accept_many(ids).value)
        return accepted
    finally:
        services.close()


def _copy(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dst}{suffix}")


def test_accepting_in_bulk_and_one_by_one_give_the_same_register(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    for p in CASE.iterdir():  # the invented case's letters and emails
        if p.suffix in (".txt", ".eml"):
            shutil.copyfile(p, papers / p.name)
    generate(papers / "synthetic", 14, ("txt",), 3)  # and synthetic letters, with their shared names
    (papers / "synthetic" / "truth.json").unlink()
    base = tmp_path / "base.dossier"
    services = open_services(base)
    try:
        services.documents.file_paths(sorted(p for p in papers.rglob("*") if p.is_file()))
        pending = services.suggestions.pending(None)
    finally:
        services.close()
    assert {s.kind for s in pending} >= {"actor", "action"}
    bulk, single = tmp_path / "bulk.dossier", tmp_path / "single.dossier"
    _copy(base, bulk)
    _copy(base, single)

    assert _accept_rounds(bulk, one_by_one=False) == _accept_rounds(single, one_by_one=True) >= len(pending)

    for listing in (["actors", "--json"], ["actions", "--json"], ["suggestions", "--json"]):
        assert _cli(bulk, *listing) == _cli(single, *listing), listing
    assert _cli(bulk, "actors", "--json")


def test_a_bulk_acceptance_is_undone_as_a_whole(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    generate(papers, 6, ("txt",), 5)
    (papers / "truth.json").unlink()
    path = tmp_path / "d.dossier"
    services = open_services(path)
    try:
        services.documents.file_paths(sorted(papers.iterdir()))
        before = _snapshot(services)
        ids = [s.id for s in sorted(services.suggestions.pending(None), key=lambda s: s.kind != "actor")]
        records = services.suggestions.accept_many([*ids, ids[0]]).value  # an id twice is accepted once
        assert len(records) == len(ids)
        assert not services.suggestions.pending(None) or all(s.kind == "status" for s in services.suggestions.pending(None))
        services.suggestions.unaccept(records)
        assert _snapshot(services) == before
    finally:
        services.close()


def _snapshot(services) -> tuple:
    return (sorted(s.id for s in services.suggestions.pending(None)),
            services.actors.rows(services.actors.ids()), services.actions.rows(services.actions.ids()))
