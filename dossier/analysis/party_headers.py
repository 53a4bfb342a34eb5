"""The people of an email's or a printed memo's headers (From, To, Cc): display names, addresses
turned into names, folded header lines. Read by the metadata finder beside the letter's layout."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dossier.analysis.names import (
    NOT_NAME_WORDS,
    canonical_name,
    is_honorific,
    name_from_address,
    person_name,
    surname_first,
)
from dossier.analysis.parties import (
    EMAIL_ADDRESS,
    HEADER_LABEL_LINE,
    PARENS,
    PARTY_POST_WORDS,
    Layout,
    is_post_word,
    is_prose,
    unique,
)
from dossier.analysis.vocab import GIVEN_NAMES
from dossier.domain.records import MessageHeaders


# ---- email and printed headers ------------------------------------------------------------------
def _split_part(part: str) -> list[tuple[str, str]]:
    """(display name, address) pairs from one ";"-separated part of a header value."""
    if "@" in part:
        pairs: list[tuple[str, str]] = []
        pos = 0
        for m in EMAIL_ADDRESS.finditer(part):
            display = part[pos: m.start()].strip().strip(",;").strip().strip("\"'")
            pairs.append((display, m.group(1) or m.group(2) or m.group(3)))
            pos = m.end()
        return pairs
    items = [p.strip() for p in part.split(",") if p.strip()]
    if len(items) == 2 and surname_first(part):
        return [(part.strip(), "")]  # "Roe, Ann"
    return [(p, "") for p in items]


def _display_name(display: str, *, strict: bool) -> str | None:
    """A display name as a canonical name: "Roe, Ann (Org)" -> "Ann Roe"; "Team" stays "Team"
    unless `strict` (a printed memo header, where "To: Ann Roe, Chief Executive" names one person)."""
    cleaned = PARENS.sub(" ", display).strip().strip("\"'").strip()
    if cleaned.count(",") == 1:  # "Roe, Ann"; "Wood, Nora" has a surname that is also a word
        surname, given = (part.strip() for part in cleaned.split(","))
        cleaned = surname_first(cleaned) or _name_with_word(f"{given} {surname}") or cleaned
    name = person_name(cleaned, min_tokens=1) or _name_with_word(cleaned)
    return name if name or strict else canonical_name(cleaned) or None


# words that mark a line as an address or a document part elsewhere, but are also surnames
# ("Nora Page", "Tom Best") or given names ("April Roe"): in a header's display name they name a person
_SURNAME_WORDS = frozenset({"page", "best", "house", "law", "lane", "street", "way", "home", "court", "bill",
                            "square"})
_GIVEN_WORDS = frozenset({"april", "june", "august"})


def _name_with_word(display: str) -> str | None:
    """"Nora Page": two or three capitalised words, a person's name but for one word that is also a surname
    (or given name)."""
    tokens = display.split()
    if not 2 <= len(tokens) <= 3 or not all(t[:1].isupper() and t.isalpha() for t in tokens):
        return None
    if tokens[-1].lower() in _SURNAME_WORDS:
        probe = [*tokens[:-1], "Roe"]
    elif tokens[0].lower() in _GIVEN_WORDS:
        probe = ["Ann", *tokens[1:]]
    else:
        return None
    return " ".join(tokens) if person_name(" ".join(probe)) else None


def people_in_header(values: Iterable[str], *, prettify_address: bool, strict: bool = False) -> list[str]:
    """Names from From/To/Cc values: display names, else the address (or its prettified local part).

    Values may hold several people separated by "," or ";" (Outlook prints "Roe, Ann; Bee, Al").
    `strict` (for headers printed in a text) keeps only display names that are person names.
    """
    out: list[str] = []
    for value in values:
        for part in (value or "").split(";"):
            for display, address in _split_part(part):
                name = _display_name(display, strict=strict and not address) if display else None
                if name and _names_posts(name):
                    continue  # "Chief Executives of Wessex councils <ce@...>": posts, not a person
                if not name and address:
                    name = name_from_address("", address) if prettify_address else _address_name(address)
                if name:
                    out.append(name)
    return unique(out)


_ADDRESS_PART = re.compile(r"[A-Za-z][A-Za-z'-]*")
_MAC = re.compile(r"^(Mc)([a-z])(?=[a-z])")  # "mcbride" -> "McBride" (not "Mac": "Machin")


def _address_name(address: str) -> str:
    """A bare To/Cc address whose mailbox is a given name, a dot and a surname, as the name:
    "ann.roe@wessex.gov.uk", "cllr.ann.roe@..." -> "Ann Roe" (a title before the name dropped); any other
    address stays as it is ("planning.policy@...", "ann@...", "a.roe@...")."""
    parts = address.split("@")[0].split(".")
    if parts and is_honorific(parts[0]):
        parts = parts[1:]
    if not 2 <= len(parts) <= 3 or not all(_ADDRESS_PART.fullmatch(p) and len(p) >= 2 for p in parts):
        return address
    if parts[0].lower() not in GIVEN_NAMES:
        return address
    if any(p.lower() in NOT_NAME_WORDS or is_post_word(p) for p in parts):
        return address
    words = ("-".join(_MAC.sub(lambda m: m.group(1) + m.group(2).upper(), w.capitalize()) for w in p.split("-"))
             for p in parts)
    return person_name(" ".join(words)) or address


def _names_posts(display: str) -> bool:
    """A display name that is a post or a group of posts ("All Heads of Service"), not a person's name."""
    if person_name(display, min_tokens=1):
        return False
    words = (w.strip(".,'’()").lower() for w in display.split())
    return any(w in PARTY_POST_WORDS or (w.endswith("s") and w[:-1] in PARTY_POST_WORDS) for w in words)


_FOLDED_LABELS = frozenset({"from", "to", "cc", "bcc"})


def printed_headers(layout: Layout) -> MessageHeaders | None:
    """From/To/Cc/Sent/Subject lines at the top of a printed email or memo, as headers.

    A From/To/Cc value folded onto the next line ("Cc: Ann Roe, Al" / "Bee, Tom Vale") is joined up
    when the folded line sits between two header lines or the value ends with "," or ";"."""
    found: dict[str, str] = {}
    lines = layout.lines
    last: tuple[int, str] | None = None  # the line and label of the header line just read
    for i in layout.nonblank[:15]:
        m = HEADER_LABEL_LINE.match(lines[i])
        if not m:
            if last is not None and last[0] == i - 1 and last[1] in _FOLDED_LABELS and _folded(lines, i, found[last[1]]):
                found[last[1]] = _unfold(found[last[1]], lines[i])
                last = (i, last[1])
                continue
            if found and len(found) >= 2:
                break
            last = None
            continue
        label = m.group("label").lower()
        label = {"re": "subject", "attachment": "attachments"}.get(label, label)
        if label not in found:
            found[label] = m.group("value").strip()
            last = (i, label)
        else:
            last = None
    if "from" not in found or not ({"to", "sent", "date", "subject"} & found.keys()):
        return None
    return MessageHeaders(
        sender=found["from"] or None,
        to=(found["to"],) if found.get("to") else (),
        cc=(found["cc"],) if found.get("cc") else (),
        date=found.get("sent") or found.get("date"),
        subject=found.get("subject"),
    )


def _unfold(value: str, more: str) -> str:
    """A header value and its continuation line: one name broken by the fold ("Cc: Al Bee, Vince" +
    "J Okafor, Ann Roe") joins with a space; a list of one entry a line ("To: Ann Roe, Chief Executive"
    + "Tom Vale, Director") with "; ", so that each line stays one entry."""
    last = value.rstrip().rsplit(",", 1)[-1].split()
    if value.rstrip().endswith((",", ";")) or (len(last) == 1 and last[0].lower() not in PARTY_POST_WORDS):
        return f"{value} {more}"
    return f"{value}; {more}"


def _folded(lines: Sequence[str], i: int, value: str) -> bool:
    """Line `i` goes on with the header value above it (not the start of the message's body)."""
    if not value or is_prose(lines[i]):
        return False
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return value.endswith((",", ";")) or bool(HEADER_LABEL_LINE.match(following))


