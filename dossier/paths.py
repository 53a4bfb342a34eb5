"""Where things live on this machine: the default dossier, the bundled sample case."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Dossier"
ORG_NAME = "Dossier"
DOSSIER_SUFFIX = ".dossier"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_dossier() -> Path:
    """DOSSIER_FILE if set, else default.dossier in the user data directory."""
    env = os.environ.get("DOSSIER_FILE")
    return Path(env).expanduser() if env else data_dir() / f"default{DOSSIER_SUFFIX}"


def sample_dossier() -> Path:
    return data_dir() / f"sample{DOSSIER_SUFFIX}"


def resources_dir() -> Path:
    """The bundled resources: inside the wheel, or beside the package in a checkout."""
    packaged = Path(__file__).resolve().parent / "_resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def sample_dir() -> Path:
    return resources_dir() / "sample"
