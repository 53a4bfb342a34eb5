"""One post is one post: the title of a post as a letter writes it, reduced to the post itself.

A letter gives a post in many shapes: "Chief Executive’s", "CHIEF EXECUTIVE", "Chief Executive,
1 High Street, Anytown", "Interim Director (acting)", "Chief Executive of Wessex County Council".
`normalise_post` turns each into a `PostTitle`: the display title in its common capitalised form,
the key two spellings of one post share, the organisation named after the title (if any), and a
note ("acting", "interim") that qualifies a tenure without making another post.

Titles that differ in words stay apart: "Chief Executive" and "Deputy Chief Executive" are two posts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.analysis.actors_orgs import organisation_name
from dossier.analysis.vocab import HONORIFICS, ORG_WEAK_CUES, POST_ACRONYMS
from dossier.domain.tenures import fold_title, post_key

_PAREN = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_NOTE_WORDS = ("acting", "interim", "designate", "elect", "temporary", "seconded", "on secondment",
               "job share", "job-share", "locum")
_NOTE_OPENING = re.compile(r"^(acting|interim|temporary|locum)\s+", re.IGNORECASE)
_NOTE_CLOSING = re.compile(r"[\s-]+(designate|elect)$", re.IGNORECASE)
_ADDRESS = re.compile(
    r"\d|\b(?:street|st|road|rd|lane|avenue|ave|square|sq|place|way|close|drive|house|building|hall|court|"
    r"floor|suite|po box|p\.o\. box|crescent|terrace|parade|gardens|park|quay|wharf|walk|row|hill)\b",
    re.IGNORECASE)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
# Words before a title that say where the tenure stands, not what the post is:
# "formerly Head of Planning", "the outgoing Chair", "newly appointed Chief Executive".
TENURE_PREFIXES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("left", re.compile(r"^(?:(?:formerly|previously|until recently|former)\s+|ex-\s*)(?:the\s+|an?\s+)?",
                        re.IGNORECASE)),
    ("outgoing", re.compile(r"^(?:outgoing|retiring|departing)\s+", re.IGNORECASE)),
    ("new", re.compile(r"^(?:newly[\s-]+appointed|recently[\s-]+appointed|new(?:ly)?|incoming|in-?coming)\s+",
                       re.IGNORECASE)),
)
# What follows a title and dates its tenure: "acting Director of Finance from 1 May"
_TENURE_TAIL = re.compile(r"\s+(?:from|since|until|till|with effect|w\.e\.f\.?|as from|as of)(?:\s.*)?$",
                          re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s*[›»|·•]")  # what a web page's trail or a footer ran into the title
_NOT_A_POST = re.compile(r"^(?:to|from|for|by|with|and|or|cc|dear)\b", re.IGNORECASE)  # "to the Secretary of State"
_ORG_AFTER = re.compile(r"\s+(?:of|at)\s+(?=\S)")
_POSSESSIVE_END = re.compile(r"'s?$")
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "to", "in", "at", "on", "a", "an", "with", "by", "&"})
_TRAILING = " \t,;:.-–—/"


@dataclass(frozen=True, slots=True)
class PostTitle:
    title: str  # display form: "Chief Executive"
    key: str  # what two spellings of one post share: "chief executive", or "chief executive @ wessex county council"
    organisation: str | None = None  # "Wessex County Council", when the title names it
    note: str | None = None  # "acting", "interim": a kind of tenure, not another post
    title_key: str = ""  # the title's key without the organisation
    status: str | None = None  # "left" (formerly), "outgoing", "new" (newly appointed): see TENURE_PREFIXES


def _note_of(inner: str) -> str | None:
    low = inner.casefold()
    for word in _NOTE_WORDS:
        if re.search(rf"\b{re.escape(word)}\b", low):
            return word
    return None


def _cut_address(title: str) -> tuple[str, str | None]:
    """ "Chief Executive, 1 High Street, Anytown" -> "Chief Executive"; a named body after the
    comma is the post's organisation ("Director of Place, Wessex County Council")."""
    head, sep, rest = title.partition(",")
    if not sep:
        return title, None
    rest = rest.strip(_TRAILING)
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    first = parts[0] if parts else ""
    if first and organisation_name(first) and not _ADDRESS.search(rest) and not _POSTCODE.search(rest):
        return head, first
    if not rest or _ADDRESS.search(rest) or _POSTCODE.search(rest) or len(parts) > 1:
        return head, None
    # "Minister for Schools, Children and Families": a portfolio, not an address
    if re.search(r"\b(?:and|&)\b", rest):
        return title, None
    return head, None  # a town or an office name after the post


def _cut_organisation(title: str) -> tuple[str, str | None]:
    """ "Chief Executive of Wessex County Council" -> ("Chief Executive", "Wessex County Council"),
    but "Director of Children's Services" and "Secretary of State for Education" stay whole."""
    for m in reversed(list(_ORG_AFTER.finditer(title))):  # the body named last: "Director of Place of X Council"
        head, tail = title[:m.start()], title[m.end():]
        bare = tail[4:] if tail.casefold().startswith("the ") else tail
        words = bare.split()
        if not words or not head.strip() or not organisation_name(tail):
            continue
        weak = words[-1] in ORG_WEAK_CUES or _POSSESSIVE_END.sub("", words[-1]) in ORG_WEAK_CUES
        if weak and not tail.casefold().startswith("the "):
            continue  # "Director of Children's Services": a service named in the post
        if len(words) == 1:
            continue  # "Head of Service", "Leader of the Council": no particular body named
        return head.strip(), bare.strip()
    return title, None


def _capitalise(word: str, first: bool, shouting: bool) -> str:
    if word in POST_ACRONYMS or word in ("NHS", "HR", "IT", "CEO", "UK"):
        return word
    if not shouting and word.isupper() and len(word) <= 5:
        return word  # an acronym in a title written in mixed case
    low = word.lower()
    if not first and low in _SMALL_WORDS:
        return low
    return "-".join(p[:1].upper() + p[1:] if p else p for p in low.split("-"))


def display_form(title: str) -> str:
    """The common capitalised form: "chief EXECUTIVE" -> "Chief Executive", "Head of HR" kept."""
    words = title.split()
    if not words:
        return ""
    mixed = any(w[:1].isupper() for w in words) and not all(w.isupper() for w in words if w.isalpha())
    if mixed and all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for w in words):
        return " ".join(words)  # already capitalised as a title is: keep the writer's acronyms and forms
    shouting = all(w.isupper() for w in words if any(c.isalpha() for c in w))
    return " ".join(_capitalise(w, n == 0, shouting) for n, w in enumerate(words))


def without_name(raw: str, names: Sequence[str]) -> str:
    """A title with the holder's own name taken off its front ("Dr Ann Roe Lead Commissioner")."""
    words = raw.split()
    own = {w.casefold().strip(".,") for n in names for w in n.split()}
    if words and all(w.casefold().strip(".,") in own or w.casefold().rstrip(".") in HONORIFICS for w in words):
        return ""  # only the name: no post
    k = 0
    while k < len(words) - 1 and (words[k].casefold().strip(".,") in own or words[k].casefold().rstrip(".") in HONORIFICS):
        k += 1
    return " ".join(words[k:]) if k and any(words[j].casefold().strip(".,") in own for j in range(k)) else raw


def normalise_post(raw: str) -> PostTitle | None:
    """The post a written title names, or None when nothing of a post is left."""
    text = fold_title(raw)
    text = _BREADCRUMB.split(text, maxsplit=1)[0]
    if _NOT_A_POST.match(text):
        return None
    note: str | None = None
    m: re.Match[str] | None
    for m in list(_PAREN.finditer(text)):
        note = note or _note_of(m.group(1))
    text = _PAREN.sub("", text)
    text = text.replace('"', "").strip(_TRAILING)
    text, organisation = _cut_address(text)
    text = text.strip(_TRAILING)
    if text.casefold().startswith("the "):
        text = text[4:]
    status: str | None = None
    for name, pattern in TENURE_PREFIXES:
        m = pattern.match(text)
        if m and m.end() < len(text):
            status, text = name, text[m.end():]
            break
    text = _TENURE_TAIL.sub("", text) if len(text.split()) > 1 else text
    m = _NOTE_OPENING.match(text)
    if m:
        note = note or m.group(1).casefold()
        text = text[m.end():]
    m = _NOTE_CLOSING.search(text)
    if m and len(text.split()) > 1:
        note = note or m.group(1).casefold()
        text = text[:m.start()]
    if text.casefold().startswith("the "):
        text = text[4:]
    text = _POSSESSIVE_END.sub("", text) if text.endswith("'s") else text
    if organisation is None:
        text, organisation = _cut_organisation(text)
    text = text.strip(_TRAILING)
    if not text or not any(c.isalpha() for c in text) or text.casefold() in ("the", "a", "an", "our", "your"):
        return None
    title = display_form(text)
    tkey = post_key(title)
    org = " ".join(organisation.split()) if organisation else None
    key = f"{tkey} @ {post_key(org)}" if org else tkey
    return PostTitle(title=title, key=key, organisation=org, note=note, title_key=tkey, status=status)
