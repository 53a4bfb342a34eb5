"""Readers per format -> normalised text with page and paragraph offsets.

Public surface:
    SUPPORTED_SUFFIXES
    expand_paths(paths) -> list[Path]        folders recursively, files as given, sorted
    read_document(name, data) -> Extracted   raises UnreadableFile with a one-line reason
"""
