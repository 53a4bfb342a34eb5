"""Shared fixtures. Qt runs offscreen with one QApplication per session (pytest-qt's qapp)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from dossier.services import Services, open_services

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "resources" / "sample"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user's data folder, settings and default dossier."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("DOSSIER_FILE", raising=False)


@pytest.fixture
def dossier_path(tmp_path: Path) -> Path:
    return tmp_path / "case.dossier"


@pytest.fixture
def services(dossier_path: Path) -> Iterator[Services]:
    """A real dossier file, migrated, with its services."""
    s = open_services(dossier_path)
    yield s
    s.close()


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE_DIR
