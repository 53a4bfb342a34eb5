"""Copies of one letter: the same words filed twice (as PDF and as Word, or re-sent with a new footer).

A document's words, lower-cased with punctuation dropped, are cut into overlapping runs of three
(shingles). Two copies of one letter share nearly all their shingles; two different letters, even
on the same subject, share few. The share is the Jaccard similarity of the two shingle sets.

Comparing every new letter with every filed one would not scale, so each document keeps a small
sketch: the SKETCH smallest hashes of its shingles (a bottom-k MinHash). Documents with many sketch
hashes in common are the candidates (an index lookup), and only those few are compared in full.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

SHINGLE = 3  # words per shingle
SKETCH = 64  # hashes kept per document
MIN_SHINGLES = 12  # shorter texts are too small to call copies of anything
CANDIDATE_SHARED = 8  # sketch hashes a candidate must share with the new document
THRESHOLD = 0.6  # Jaccard similarity from which two texts are copies of one letter
_MASK = (1 << 62) - 1  # hashes fit a signed 64-bit integer column

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of a text, normalised: case, accents and punctuation do not matter."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big") & _MASK


def shingles(text: str) -> frozenset[int]:
    """The hashed shingles of a text (empty for a text too short to compare)."""
    w = words(text)
    if len(w) < SHINGLE + MIN_SHINGLES - 1:
        return frozenset()
    return frozenset(_hash(" ".join(w[i:i + SHINGLE])) for i in range(len(w) - SHINGLE + 1))


def sketch(text: str) -> tuple[int, ...]:
    """The SKETCH smallest shingle hashes of a text, ascending (empty for a short text)."""
    return tuple(sorted(shingles(text))[:SKETCH])


def sketch_similarity(a: Iterable[int], b: Iterable[int]) -> float:
    """Jaccard similarity estimated from two sketches (bottom-k of the union)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    union = sorted(sa | sb)[:SKETCH]
    return sum(1 for h in union if h in sa and h in sb) / len(union)


def similarity(a: str | frozenset[int], b: str | frozenset[int]) -> float:
    """Jaccard similarity of two texts' shingles (0 when either is too short)."""
    sa = a if isinstance(a, frozenset) else shingles(a)
    sb = b if isinstance(b, frozenset) else shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def is_copy(a: str | frozenset[int], b: str | frozenset[int]) -> bool:
    return similarity(a, b) >= THRESHOLD
