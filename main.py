"""Thin launcher: `python main.py [ARGS]` is the same as the `dossier` command."""

import sys

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main())
