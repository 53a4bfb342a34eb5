"""Which documents quote, cite or attach which: evidence for the date of an undated document.

Pure functions over text. A document that quotes another, cites its reference or attaches it was
written after it, so the dated documents linked to an undated one bound its date.

- Quoting: both texts share a passage of at least MIN_RUN words verbatim (case, punctuation and
  line breaks aside), and one of them marks it as quoted (inside quotation marks, or in an email's
  quoted paragraphs) while the other does not. The marks say who quotes whom. A passage that both
  or neither mark (a letterhead, a signature, words both took from a third source) says nothing.
- Citing: one text names the other's reference ("Your ref: CX/2019/0412"), and it is not its own.
- Attaching: one text names the other's file in an attachment or enclosure ("Attachments:
  audit-findings.pdf", "I enclose audit-findings.pdf").

Finding the candidates is the caller's job (a full-text index): `probes` gives a few word sets per
stretch of text to look them up by.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

MIN_RUN = 15  # words in a row two texts must share for one to quote the other
PROBE_SIZE = 8  # stretches of 8 words: a quote of 2 * 8 - 1 = 15 words always holds a whole one
PROBE_WORDS = 3  # the longest words of a stretch, looked up together
MAX_PROBES = 160
_GRAM = 6  # the shared-run search starts from word 6-grams
MIN_COVER = 0.8  # of a quote's words, those the quoted text must hold

_WORD = re.compile(r"[^\W_]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENING = "“«„"
_CLOSING = "”»"
_ATTACHMENT_LINE = re.compile(r"^\s*(?:attachments?|enclosures?|encl?s?\.?|annex(?:es)?)\s*:", re.IGNORECASE)
_ATTACHING = re.compile(r"\b(?:attach|enclos|append)\w*", re.IGNORECASE)
_OWN_REFERENCE = re.compile(r"\bour\s+ref(?:erence)?\b[\s.:]*$", re.IGNORECASE)


class Link(StrEnum):
    QUOTED_BY = "quoted_by"  # the other document quotes this one: it came later
    QUOTES = "quotes"  # this document quotes the other: it came earlier
    CITED_BY = "cited_by"  # the other names this one's reference
    CITES = "cites"  # this one names the other's reference
    ATTACHED_BY = "attached_by"  # the other attaches this one
    ATTACHES = "attaches"  # this one attaches the other

    @property
    def other_is_later(self) -> bool:
        return self in (Link.QUOTED_BY, Link.CITED_BY, Link.ATTACHED_BY)


@dataclass(frozen=True, slots=True)
class Text:
    """A document's words, with what marks parts of it as quoted."""

    text: str
    quoted_spans: tuple[tuple[int, int], ...] = ()  # an email's quoted paragraphs (character spans)
    reference: str | None = None
    file_name: str | None = None


# -- words ----------------------------------------------------------------------------------------

def _fold(word: str) -> str:
    """A word as a full-text index sees it: lower case, without accents."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[tuple[str, int]]:
    """The words of a text, folded, each with where it starts."""
    return [(_fold(m.group()), m.start()) for m in _WORD.finditer(text)]


def probes(text: str, *, size: int = PROBE_SIZE, limit: int = MAX_PROBES) -> list[tuple[str, ...]]:
    """Word sets to find candidate quoters by: for each stretch of `size` words, its distinct
    words of four letters or more, longest first (the caller looks up the first PROBE_WORDS, and
    more of them when those are too common).

    Every passage of 2 * size - 1 words holds one whole stretch, so a document that quotes that
    much has all the words of at least one probe. Stretches with too few long words (lists of
    numbers, short function words) give no probe.
    """
    folded = [w for w, _ in words(text)]
    found: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    for i in range(0, len(folded) - size + 1, size):
        stretch = {w for w in folded[i:i + size] if len(w) >= 4 and not w.isdigit()}
        if len(stretch) < 2:
            continue
        probe = tuple(sorted(stretch, key=lambda w: (-len(w), w)))
        if probe not in seen:
            seen.add(probe)
            found.append(probe)
    if len(found) > limit:  # a long document: stretches spread through it
        step = len(found) / limit
        found = [found[int(i * step)] for i in range(limit)]
    return found


def shared_passages(a: Sequence[tuple[str, int]], b: Sequence[tuple[str, int]],
                    min_run: int = MIN_RUN) -> list[tuple[int, int, int]]:
    """Runs of at least `min_run` words that two word lists share: (start in a, start in b, length)."""
    if len(a) < min_run or len(b) < min_run:
        return []
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(len(b) - _GRAM + 1):
        positions = index[tuple(w for w, _ in b[j:j + _GRAM])]
        if len(positions) < 8:  # a phrase repeated more often than that is no evidence anyway
            positions.append(j)
    runs = []
    i = 0
    while i <= len(a) - min_run:
        best = (0, 0)
        for j in index.get(tuple(w for w, _ in a[i:i + _GRAM]), ()):
            n = _GRAM
            while i + n < len(a) and j + n < len(b) and a[i + n][0] == b[j + n][0]:
                n += 1
            if n > best[0]:
                best = (n, j)
        if best[0] >= min_run:
            runs.append((i, best[1], best[0]))
            i += best[0]
        else:
            i += 1
    return runs


# -- quotation marks ------------------------------------------------------------------------------

def quoted_span(doc: Text, position: int) -> tuple[int, int] | None:
    """The quote a character of the text lies in, as a character span, or None.

    A quote is an email's run of quoted paragraphs, or words inside quotation marks opened earlier
    in their paragraph (up to the closing mark, else to the end of the paragraph: a quote running on
    across paragraphs often leaves its first paragraphs unclosed).
    """
    block: tuple[int, int] | None = None
    for start, end in sorted(doc.quoted_spans):
        if block is not None and not doc.text[block[1]:start].strip():
            block = (block[0], end)  # quoted paragraphs one after another make one quote
        elif block is not None and block[0] <= position < block[1]:
            break
        else:
            block = (start, end)
    if block is not None and block[0] <= position < block[1]:
        return block
    text = doc.text
    breaks = list(_PARAGRAPH_BREAK.finditer(text, 0, position))
    para_start = breaks[-1].end() if breaks else 0
    after = _PARAGRAPH_BREAK.search(text, position)
    para_end = after.start() if after else len(text)
    head = text[para_start:position]
    opened = max(head.rfind(c) for c in _OPENING)
    closed = max(head.rfind(c) for c in _CLOSING)
    if opened > closed:
        ends = [i for i in (text.find(c, position, para_end) for c in _CLOSING) if i >= 0]
        return para_start + opened, min(ends, default=para_end)
    if head.count('"') % 2 == 1:
        end = text.find('"', position, para_end)
        return para_start + head.rfind('"'), end if end >= 0 else para_end
    return None


def is_quoted(doc: Text, position: int) -> bool:
    """Whether a character of the text lies in a quote (see quoted_span)."""
    return quoted_span(doc, position) is not None


def quote_link(doc: Text, other: Text, *, doc_words: Sequence[tuple[str, int]] | None = None,
               is_common: Callable[[tuple[str, ...]], bool] = lambda _words: False) -> Link | None:
    """QUOTES or QUOTED_BY when the two share passages marked as quoted on one side only (and the
    sides agree); None when they share nothing, or nothing that says who quotes whom.

    - A quote must be nearly all the other text's words (MIN_COVER of it): an email's quoted
      message, or a sentence in quotation marks, that shares a stock phrase with an unrelated
      letter is quoting something else.
    - `is_common(words)` says whether a passage is common wording (the caller counts the documents
      that hold it: a letterhead, a standard paragraph). Common passages count towards covering a
      quote, but a quote made only of them says nothing of where it came from.
    - A rare passage that neither marks as quoted makes the two copies or drafts of one text,
      whose order the marks cannot tell: no link.
    """
    mine = doc_words if doc_words is not None else words(doc.text)
    theirs = words(other.text)
    shared_in: Counter[tuple[Link, tuple[int, int]]] = Counter()  # words shared inside each quote
    specific: set[tuple[Link, tuple[int, int]]] = set()  # quotes holding a passage that is not common
    for i, j, n in shared_passages(mine, theirs):
        # the middle of the passage: a quote may open a word or two into it
        here = quoted_span(doc, mine[i + n // 2][1])
        there = quoted_span(other, theirs[j + n // 2][1])
        if here and there:
            continue
        common = is_common(tuple(w for w, _ in mine[i:i + n]))
        if not here and not there:
            if common:
                continue
            return None
        side, start, span = (mine, i, here) if here else (theirs, j, there)
        assert span is not None
        key = (Link.QUOTES if here else Link.QUOTED_BY, span)
        shared_in[key] += sum(1 for w in side[start:start + n] if span[0] <= w[1] < span[1])
        if not common:
            specific.add(key)
    votes: Counter[Link] = Counter()
    for (link, span), shared in shared_in.items():
        side = mine if link is Link.QUOTES else theirs
        total = bisect_left(side, span[1], key=_start) - bisect_left(side, span[0], key=_start)
        if (link, span) in specific and shared >= MIN_COVER * total:
            votes[link] += shared
    if not votes:
        return None
    (top, count), *rest = votes.most_common()
    return top if not rest or count >= 3 * rest[0][1] else None


def _start(word: tuple[str, int]) -> int:
    return word[1]


# -- references and attachments -------------------------------------------------------------------

def distinctive_reference(reference: str | None) -> bool:
    """A reference that identifies one letter: at least five letters or digits, one of them a digit."""
    if not reference:
        return False
    compact = [c for c in reference if c.isalnum()]
    return len(compact) >= 5 and any(c.isdigit() for c in compact)


def _loose(phrase: str) -> re.Pattern[str]:
    """A pattern for a reference or file name as it may be typed: any case, spaces optional around
    separators, not inside a longer word."""
    parts = [re.escape(p) for p in re.split(r"\s+", phrase.strip()) if p]
    body = r"\s+".join(parts)
    body = re.sub(r"(\\[/\-.]|/)", r"\\s*\1\\s*", body)
    return re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)


def cites(text: str, reference: str | None) -> bool:
    """Whether a text names a reference other than on its own "Our ref" line."""
    if not distinctive_reference(reference):
        return False
    assert reference is not None
    for m in _loose(reference).finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _OWN_REFERENCE.search(text[max(line_start, m.start() - 40):m.start()]):
            return True
    return False


def distinctive_file_name(name: str | None) -> bool:
    """A file name that tells one file from another: an extension, and a stem of two words or more,
    or with a number ("audit-findings.pdf", "Report 2019.docx"; not "letter.pdf" or "scan.pdf")."""
    if not name or "." not in name:
        return False
    parts = _WORD.findall(name.rsplit(".", 1)[0])
    return sum(len(p) for p in parts) >= 5 and (len(parts) >= 2 or any(c.isdigit() for c in parts[0]))


def attaches(text: str, file_name: str | None) -> bool:
    """Whether a text names a file as attached or enclosed: on an "Attachments:" or "Enclosure:"
    line, or shortly after "attach", "enclose" or "append"."""
    if not distinctive_file_name(file_name):
        return False
    assert file_name is not None
    for m in _loose(file_name).finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _ATTACHMENT_LINE.match(text, line_start) or _ATTACHING.search(text, max(0, m.start() - 150), m.start()):
            return True
    return False


def attached_files(text: str, files: Iterable[tuple[int, str]]) -> list[int]:
    """Of (id, file name) pairs, the ids whose file the text names as attached or enclosed."""
    folded = text.casefold()
    return [doc_id for doc_id, name in files
            if distinctive_file_name(name) and name.casefold() in folded and attaches(text, name)]


def reference_words(phrase: str) -> list[str]:
    """The words a full-text index holds for a reference or file name."""
    return list(dict.fromkeys(w for w, _ in words(phrase)))


def cited_references(text: str, references: Iterable[tuple[int, str]]) -> list[int]:
    """Of (id, reference) pairs, the ids whose reference the text cites (a cheap filter first)."""
    compact = "".join(c for c in text.casefold() if c.isalnum())
    out = []
    for doc_id, reference in references:
        if not distinctive_reference(reference):
            continue
        if "".join(c for c in reference.casefold() if c.isalnum()) in compact and cites(text, reference):
            out.append(doc_id)
    return out
