"""Placing an annotation's words in a document's text, and finding them again after the text changes.

An anchor is three things, as in the W3C Web Annotation model's text-position and text-quote
selectors: the offsets of the quote, the quote itself, and some context either side. Re-anchoring
tries, in order:

1. the same offsets, if the words there are still the quote;
2. the quote exactly, choosing among several occurrences by how well the context matches and
   then by nearness to the old offsets;
3. the quote with whitespace and case ignored (re-extraction often rewraps lines);
4. a fuzzy match: the best window of about the quote's length whose similarity to the quote is
   high enough. rapidfuzz finds the best window of the quote's length anywhere in the text in one
   pass; that window, and the places where the context or long pieces of the quote survive, are
   then tried with their ends moved a little (words were inserted or dropped).

If none of these succeeds the annotation is an orphan: it is kept, with its quote and note, and
listed for the user to place by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from dossier.domain.annotations import Anchor

CONTEXT = 32
FUZZY_THRESHOLD = 0.8
_SPACE = re.compile(r"\s+")


def anchor_at(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """The anchor of text[start:end], with up to `context` characters either side."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"the span {start}-{end} is not inside the text (length {len(text)})")
    return Anchor(start, end, text[start:end], text[max(0, start - context):start], text[end:end + context])


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every occurrence of `quote` in `text`, where any run of whitespace matches any other."""
    words = quote.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [m.span() for m in pattern.finditer(text)]


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The span of the n-th (1-based) occurrence of `quote` (whitespace-tolerant), or None."""
    spans = quote_spans(text, quote)
    return spans[occurrence - 1] if 1 <= occurrence <= len(spans) else None


@dataclass(frozen=True)
class Placement:
    start: int
    end: int
    moved: bool  # False when the words are where they were


def reanchor(text: str, anchor: Anchor) -> Placement | None:
    """Where the anchored words are in `text` now, or None when they cannot be placed."""
    quote = anchor.quote
    if not quote:
        return None
    if text[anchor.start:anchor.end] == quote:
        return Placement(anchor.start, anchor.end, moved=False)
    exact = _occurrences(text, quote)
    if exact:
        start = _best_by_context(text, anchor, exact, len(quote))
        return Placement(start, start + len(quote), moved=True)
    loose = _loose_match(text, anchor)
    if loose:
        return Placement(*loose, moved=True)
    fuzzy = _fuzzy_match(text, anchor)
    return Placement(*fuzzy, moved=True) if fuzzy else None


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _context_score(text: str, anchor: Anchor, start: int, end: int) -> float:
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    score = 0.0
    if anchor.prefix:
        score += _similarity(before, anchor.prefix)
    if anchor.suffix:
        score += _similarity(after, anchor.suffix)
    return score


def _similarity(a: str, b: str) -> float:
    """2 * (longest common subsequence) / (total length), from 0 to 1."""
    return fuzz.ratio(a, b, processor=None) / 100


def _best_by_context(text: str, anchor: Anchor, starts: list[int], length: int) -> int:
    if len(starts) == 1:
        return starts[0]
    return max(starts, key=lambda s: (round(_context_score(text, anchor, s, s + length), 3),
                                      -abs(s - anchor.start)))


def _squeezed(text: str) -> tuple[str, list[int]]:
    """Text with runs of whitespace made one space and case folded, and each character's old index."""
    out: list[str] = []
    index: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(ch.lower())
            previous_space = False
        index.append(i)
    return "".join(out), index


def _loose_match(text: str, anchor: Anchor) -> tuple[int, int] | None:
    needle = _SPACE.sub(" ", anchor.quote.strip()).lower()
    if not needle:
        return None
    hay, index = _squeezed(text)
    starts = _occurrences(hay, needle)
    if not starts:
        return None
    spans = [(index[s], index[s + len(needle) - 1] + 1) for s in starts]
    best = max(spans, key=lambda sp: (round(_context_score(text, anchor, *sp), 3), -abs(sp[0] - anchor.start)))
    return best


def _candidates(text: str, anchor: Anchor) -> set[int]:
    """Likely start positions: just after the prefix's tail, just before the suffix's head, and
    where long pieces of the quote still occur."""
    quote, found = anchor.quote, set()
    if len(anchor.prefix) >= 8:
        tail = anchor.prefix[-12:]
        for at in _occurrences(text, tail):
            found.add(at + len(tail))
    if len(anchor.suffix) >= 8:
        head = anchor.suffix[:12]
        for at in _occurrences(text, head):
            found.add(at - len(quote))
    piece = max(8, len(quote) // 4)
    for offset in range(0, max(1, len(quote) - piece + 1), max(1, piece // 2)):
        for at in _occurrences(text, quote[offset:offset + piece])[:20]:
            found.add(at - offset)
    return {max(0, min(s, len(text))) for s in found}


def _fuzzy_match(text: str, anchor: Anchor) -> tuple[int, int] | None:
    quote = anchor.quote
    n = len(quote)
    starts = _candidates(text, anchor)
    # the window of the quote's length most like it, wherever it is
    window = fuzz.partial_ratio_alignment(quote, text, processor=None) if n <= len(text) else None
    starts.add(window.dest_start if window is not None else 0)
    cutoff = 100 * FUZZY_THRESHOLD
    # let the window's ends move a little (words were inserted or dropped), coarsely at first
    slack = max(2, n // 5)
    step = max(1, slack // 4)
    moves = range(-(slack // step) * step, slack + 1, step)
    best = _best_window(text, quote, ((start + ds, n + dn) for start in starts for ds in moves for dn in moves),
                        cutoff)
    if best is None:
        return None
    # then to the character
    _, s, e = best
    fine = range(-step + 1, step)
    _, s, e = _best_window(text, quote, ((s + ds, e - s + dn) for ds in fine for dn in fine), cutoff) or best
    return _trim_to_words(text, s, e)


def _best_window(text: str, quote: str, windows: Iterable[tuple[int, int]],
                 cutoff: float) -> tuple[float, int, int] | None:
    """The (score, start, end) of the window (start, length) most like the quote, at least `cutoff`."""
    best: tuple[float, int, int] | None = None
    for start, length in windows:
        s = max(0, min(start, len(text)))
        e = min(len(text), s + max(1, length))
        score = fuzz.ratio(text[s:e], quote, processor=None, score_cutoff=cutoff)
        if score and (best is None or score > best[0]):
            best = (score, s, e)
    return best


def _trim_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy window to whole words and drop whitespace at its ends."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
