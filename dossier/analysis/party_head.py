"""Names in a letter's head: the letterhead and the address block, the sender a letterhead names,
the recipients the address block names, and names at the foot. Read by the party rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossier.analysis.dates import parse_date_line
from dossier.analysis.names import (
    person_name,
    same_person,
)
from dossier.analysis.parties import (
    ATTENTION_LINE,
    HEADER_LABEL_LINE,
    REF_LINE,
    TAIL_LINES,
    Layout,
    name_and_post,
    post_after,
    unique,
)


# ---- names in the head: letterhead and address block ---------------------------------------------
@dataclass(frozen=True, slots=True)
class HeadName:
    index: int
    name: str
    post: str | None
    block: int  # how many lines follow it without a blank line between


def head_names(layout: Layout) -> list[HeadName]:
    """Name lines in the head that start a block (after a blank, a date, a reference or a capitals
    label like "PRIVATE AND CONFIDENTIAL"); "FAO"/"For the attention of" is dropped."""
    lines = layout.lines
    top = set(layout.nonblank[:3])
    found: list[HeadName] = []
    for i in layout.nonblank:
        if i >= layout.head_end:
            break
        prev = lines[i - 1] if i > 0 else ""
        if prev and i not in top and not (prev.isupper() or parse_date_line(prev) or REF_LINE.match(prev)):
            continue
        if prev.endswith(":"):
            continue  # an entry in a labelled list ("Present:"), not a name block
        line = ATTENTION_LINE.sub("", lines[i])
        named = name_and_post(line) if not (HEADER_LABEL_LINE.match(line) or line.endswith(":")) else None
        if not named:
            continue
        block = 0
        while i + block + 1 < len(lines) and lines[i + block + 1]:
            block += 1
        found.append(HeadName(i, named[0], named[1] or post_after(layout, i, limit=1), block))
    return found


def footer_names(layout: Layout, start: int) -> list[HeadName]:
    """Name lines starting a block after `start` near the end (an address block put at the foot)."""
    lines = layout.lines
    found = []
    for i in layout.nonblank[-2 * TAIL_LINES:]:
        if i > start and not lines[i - 1]:
            name = person_name(lines[i])
            if name:
                found.append(HeadName(i, name, None, 0))
    return found


def letterhead_sender(layout: Layout, names: Sequence[HeadName]) -> HeadName | None:
    """The first head name, if it sits in the first lines with a post below it."""
    if not names:
        return None
    first = names[0]
    if first.index in layout.nonblank[:4] and first.post:
        return first
    return None


def recipients_from_head(layout: Layout, names: Sequence[HeadName], sender: str | None,
                         footer: Sequence[HeadName] = ()) -> list[str]:
    """The addressee: the salutation's name completed from an address block (in the head, else at the
    foot), else the last address block in the head; the sender's own lines do not count."""
    others = [h for h in names if not (sender and (same_person(h.name, sender) or same_person(sender, h.name)))]
    if sender is None and len(others) > 1 and letterhead_sender(layout, others):
        others = others[1:]
    salutation = layout.salutation
    if salutation and salutation.names:
        out = []
        for short in salutation.names:
            match = next((h.name for h in [*others, *footer] if same_person(short, h.name)), None)
            out.append(match or short)
        return unique(out)
    if not others:
        return []
    if sender is None and len(others) == 1 and letterhead_sender(layout, others) and not salutation:
        return []  # a lone name with its post at the top of an unsigned letter is the letterhead
    last = others[-1]
    if last.block == 0 and not last.post and salutation is None:
        return []  # a name on its own line, not an address block
    return [last.name]
