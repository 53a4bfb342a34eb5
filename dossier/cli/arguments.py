"""Reading the command line's values, shared by the command groups: which dossier, and a date as the
user writes it."""

from __future__ import annotations

import argparse
from pathlib import Path

from dossier.domain.dates import PartialDate
from dossier.domain.errors import DossierError
from dossier.paths import default_dossier


def dossier_path(args: argparse.Namespace) -> Path:
    """The dossier the command works on: --dossier, else $DOSSIER_FILE, else the default one."""
    return Path(args.dossier) if args.dossier else default_dossier()


def parse_date(text: str) -> PartialDate:
    from dossier.services.dates import parse_user_date

    date = parse_user_date(text)
    if date is None:
        raise DossierError(f"cannot read the date {text!r}; write it as 27/03/2014, March 2014 or 2014-03-27")
    return date
