"""Text that can be stored and shown: what the file system or the command line gave, made valid.

A file name or an argument that is not valid UTF-8 (a Windows archive unzipped here, a name typed
in another encoding) reaches Python as a str with lone surrogates ("caf\\udce9.txt"), which SQLite,
Qt and a UTF-8 terminal all refuse. Where such text is stored or shown, each undecodable byte
becomes U+FFFD; paths used to open files keep their bytes as they are.
"""

from __future__ import annotations


def safe_text(text: str) -> str:
    """`text` unchanged if it is valid Unicode, else with each undecodable byte replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return text
    try:  # the bytes the system gave (surrogate-escaped), decoded as far as they go
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        return text.encode("utf-8", "replace").decode("utf-8")
