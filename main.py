"""Thin launcher: `python main.py [ARGS]` is the same as the `dossier` command."""

import multiprocessing
import sys

from dossier.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen build (PyInstaller) starts its filing workers here
    sys.exit(main())
