"""Re-anchoring annotations on a long document whose text changed: rapidfuzz against difflib.

    python -m benchmarks.bench_anchoring [--paragraphs 2000] [--annotations 50] [--seed 0]

Builds an invented document of about 2,000 paragraphs, anchors annotations on it, then mends one
word in each quoted passage and drops their context, and times the fuzzy match (the step of
re-anchoring that finds words that changed) on each. The same anchors are also placed with the
window search as it was before rapidfuzz (difflib's SequenceMatcher over the windows around the
candidate places). Each figure is the median of three runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from difflib import SequenceMatcher

from dossier.analysis import anchoring
from dossier.analysis.anchoring import anchor_at
from dossier.domain.annotations import Anchor

_WORDS = [
    "the", "council", "panel", "board", "trust", "review", "figures", "staffing", "housing", "plan",
    "report", "progress", "committee", "response", "letter", "decision", "budget", "schools", "roads",
    "care", "funding", "meeting", "minutes", "officer", "quarter", "spring", "autumn", "office",
    "record", "proposal"
]
_VERBS = ["will", "send", "must", "publish", "agreed", "to", "consider", "has", "asked", "should", "confirm"]


def _document(rng: random.Random, paragraphs: int) -> str:
    def sentence() -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 14))]
        words.insert(2, rng.choice(_VERBS))
        return " ".join(words).capitalize() + "."
    return "\n\n".join(" ".join(sentence() for _ in range(rng.randint(2, 5))) for _ in range(paragraphs))


def _mend(quote: str, rng: random.Random) -> str:
    """The quote with two neighbouring letters of one word swapped (a typo put right, or made)."""
    at = rng.randrange(1, len(quote) - 2)
    while not (quote[at].isalpha() and quote[at + 1].isalpha()):
        at = rng.randrange(1, len(quote) - 2)
    return quote[:at] + quote[at + 1] + quote[at] + quote[at + 2:]


def _difflib_fuzzy(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """The fuzzy step as it was: SequenceMatcher over windows around each candidate place."""
    quote = anchor.quote
    n = len(quote)
    best: tuple[float, int, int] | None = None
    for start in anchoring._candidates(text, anchor):
        slack = max(2, n // 5)
        for s in range(max(0, start - slack), min(len(text), start + slack) + 1, max(1, slack // 4)):
            for length in (n - slack, n, n + slack):
                e = min(len(text), s + max(1, length))
                ratio = SequenceMatcher(None, text[s:e], quote, autojunk=False).ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, s, e)
    if best is None or best[0] < anchoring.FUZZY_THRESHOLD:
        return None
    return anchoring._trim_to_words(text, best[1], best[2])


def _median_seconds(run: Callable[[], int], repeats: int = 3) -> tuple[float, int]:
    times, placed = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        placed = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), placed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--annotations", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    text = _document(rng, args.paragraphs)
    anchors, new = [], text
    for _ in range(args.annotations):
        start = rng.randrange(0, len(text) - 200)
        start = text.index(" ", start) + 1
        end = text.rindex(" ", start, start + rng.randint(60, 160))
        anchor = anchor_at(text, start, end)
        anchors.append(anchor)
        new = new.replace(anchor.quote, _mend(anchor.quote, rng), 1)
    # the context is rewritten too: the quote alone places them
    anchors = [Anchor(a.start, a.end, a.quote, "", "") for a in anchors]

    def with_rapidfuzz() -> int:
        return sum(anchoring._fuzzy_match(new, anchor) is not None for anchor in anchors)

    def with_difflib() -> int:
        return sum(_difflib_fuzzy(new, anchor) is not None for anchor in anchors)

    fast, fast_placed = _median_seconds(with_rapidfuzz)
    slow, slow_placed = _median_seconds(with_difflib)
    count = len(anchors)
    print(f"document: {len(new):,} characters, {count} annotations placed by the fuzzy match")
    print(f"fuzzy match (rapidfuzz), median of 3      {1000 * fast / count:8.2f} ms per annotation "
          f"({fast_placed}/{count} placed)")
    print(f"fuzzy match (difflib, before), median of 3 {1000 * slow / count:8.2f} ms per annotation "
          f"({slow_placed}/{count} placed)")
    print(f"speed-up {slow / fast:.1f}x")


if __name__ == "__main__":
    main()
