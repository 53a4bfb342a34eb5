"""Dossier: keep the papers of a long-running case and turn them into briefings."""

__version__ = "0.1.0"
