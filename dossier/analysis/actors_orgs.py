"""Organisations named in a text: "X Council", "X Board", "Department for X", "University of X",
acronyms ("WHA", "DfT"), and "the Council" resolved to the one council the text names in full.

Only cue words and structure are used; no organisation is known in advance.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from dossier.analysis.actors_people import TextInfo, Token
from dossier.analysis.vocab import (
    COMMON_WORDS,
    COUNCIL_KIND_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    LEGISLATION_WORDS,
    MONTH_NAMES,
    NOT_ACRONYMS,
    ORG_HEAD_CUES,
    ORG_TAIL_CUES,
    ORG_WEAK_CUES,
    POST_NOMINALS,
    POST_WORDS,
    WEEKDAY_NAMES,
)

_INLINE = re.compile(r"[ \t\u00a0]+")
_POST_OPENING = re.compile(r"\(\s*$")
_IN_CODE = re.compile(r"[/_]\w|-\d")
_ROMAN = re.compile(r"[IVXLCDM]+")
_ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,5}")
_CALENDAR = frozenset((*MONTH_NAMES, *WEEKDAY_NAMES))
_PLACE_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                          "greater", "central", "upper", "lower", "new", "old"})
# Words that, after an acronym, name a thing the body has rather than the body itself
# ("the NHS Plan", "DfE Guidance"); "NHS Improvement", "HM Treasury" are bodies.
_DOCUMENT_NOUNS = frozenset({"Plan", "Report", "Review", "Guidance", "Strategy", "Framework", "Programme",
                             "Policy", "Standards", "Survey", "Budget", "Data", "Statistics", "Consultation",
                             "Contract", "Scheme", "Charter", "Code", "Website", "Portal", "System", "Funding",
                             "Grant", "Target", "Targets", "Rating", "Inspection", "Letter", "Meeting",
                             "Visit", "Team", "Staff", "Officials", "Number"})
_COUNCIL_DETERMINERS = frozenset({"the", "your", "our", "their", "this", "that", "its", "my", "his", "her"})


@dataclass(slots=True)
class Org:
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    acronym: bool = False
    council: bool = False
    generic: bool = False  # "the Council" as written, for want of a council named in full
    rule: str = "org-cue-word"  # the rule that read its first mention


# Words that with "Centre" name a kind of building ("Civic Centre"), not one body
_VENUE_WORDS = frozenset({"civic", "community", "conference", "leisure", "business", "sports", "shopping", "visitor",
                          "medical", "health", "day", "town", "city", "county", "arts", "youth", "resource", "contact",
                          "call", "data", "exhibition", "garden", "training", "the"})
# What else names a team rather than a person in a letter's or an email's address lines.
_ADDRESS_ORG_WORDS = frozenset({"Team", "Inbox", "Mailbox", "Enquiries", "Correspondence", "Helpdesk", "Desk",
                                "Secretariat", "Division", "Branch", "Directorate", "Unit", "Office"})
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019&-]*")


def organisation_name(name: str) -> bool:
    """Whether a name as given for a sender or recipient ("Private Office", "Children's Services
    Team", "Department for Education") names an organisation rather than a person.

    A name that opens with an honorific, or is a common given name and one other word, is a
    person's however it ends ("Dr Ann Council", "Margaret Court")."""
    words = _NAME_WORD.findall(name)
    if words and words[0].casefold() == "the":  # "the Council"; "The Rt Hon ..." is a person's
        words = words[1:]
    if not words or words[0].casefold().rstrip(".") in HONORIFICS:
        return False
    if len(words) == 2 and words[0].casefold() in GIVEN_NAMES:
        return False
    last = words[-1]
    if last in ORG_TAIL_CUES or last in _ADDRESS_ORG_WORDS:
        return True
    # "Department for Education", "Office of the Schools Adjudicator"
    return len(words) > 2 and words[0] in ORG_HEAD_CUES and words[1] in ("of", "for")


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    """`a` and `b` sit next to each other on a line (`text` is the flattened text)."""
    return not a.possessive and _INLINE.fullmatch(text[a.full_end:b.start]) is not None


def _left_word_ok(tok: Token, info: TextInfo) -> bool:
    s = tok.text
    key = s.lower()
    if not s[0].isupper() or tok.possessive:
        return False
    if (key in COMMON_WORDS and key not in _PLACE_WORDS) or key in POST_WORDS or key in HONORIFICS or key in _CALENDAR:
        return False
    if s in POST_NOMINALS or any(c.isdigit() for c in s):
        return False
    return not (tok.initial_sentence and key in info.lower_words)


def _right_word_ok(tok: Token) -> bool:
    s = tok.text
    key = s.lower()
    return (s[0].isupper() and key not in COMMON_WORDS and key not in _CALENDAR and key not in POST_WORDS
            and not any(c.isdigit() for c in s))


def _right_extension(info: TextInfo, toks: tuple[Token, ...], k: int) -> int:
    """Index of the last token of "of/for [the] X Y, Z and W" after the head cue at `k` (or `k`)."""
    text = info.flat
    n = len(toks)
    j = k + 1
    if j >= n or toks[k].possessive or toks[j].text not in ("of", "for") or not _gap_ok(text, toks[k], toks[j]):
        return k
    j += 1
    if j < n and toks[j].text == "the" and _gap_ok(text, toks[j - 1], toks[j]):
        j += 1
    if j >= n or not _right_word_ok(toks[j]) or not _gap_ok(text, toks[j - 1], toks[j]):
        return k
    last = j
    while True:
        nxt = last + 1
        if nxt < n and _right_word_ok(toks[nxt]) and _gap_ok(text, toks[last], toks[nxt]):
            last = nxt
            continue
        if nxt < n and _gap_ok(text, toks[last], toks[nxt]) and toks[nxt].text[:1].isupper() \
                and not toks[nxt].initial_sentence and toks[nxt].text.lower() in COMMON_WORDS \
                and text[toks[nxt].end:toks[nxt].end + 2] == ", " and _list_then_and(info, toks, nxt) is not None:
            last = nxt  # "Levelling Up, Housing and Communities": a common word the list goes on from
            continue
        if (nxt + 1 < n and toks[nxt].text in ("and", "of") and _gap_ok(text, toks[last], toks[nxt])
                and _right_word_ok(toks[nxt + 1]) and _gap_ok(text, toks[nxt], toks[nxt + 1])):
            last = nxt + 1
            continue
        if text[toks[last].end:toks[last].end + 2] == ", ":
            m = _list_then_and(info, toks, last)
            if m is not None:
                last = m
                continue
        return last


def _left_list(info: TextInfo, toks: tuple[Token, ...], first: int, people: _Spans) -> int:
    """Where a body's name starts that opens with a list closed by "and" ("Culture, Media and Sport
    Committee", "Planning and Housing Board"): over "X and", then over "Y, " words as far as a
    "the", "of" or "for", or the start of a line."""
    text = info.flat

    def ok(t: Token) -> bool:
        return _left_word_ok(t, info) and t.text not in ORG_TAIL_CUES and not people.overlaps(t.start, t.end)

    if first < 2 or toks[first - 1].text != "and" or not _gap_ok(text, toks[first - 1], toks[first]):
        return first
    if not _gap_ok(text, toks[first - 2], toks[first - 1]) or not ok(toks[first - 2]):
        return first
    j = first - 2
    while j > 0 and _gap_ok(text, toks[j - 1], toks[j]) and ok(toks[j - 1]) and first - j < 4:
        j -= 1
    k = j
    while k > 0 and text[toks[k - 1].full_end:toks[k].start] == ", " and ok(toks[k - 1]) and first - k < 8:
        k -= 1
    if k < j:
        before = toks[k - 1] if k > 0 else None
        opened = before is None or before.text.lower() in ("the", "of", "for") or "\n" in text[before.full_end:toks[k].start]
        if opened:
            j = k
    return j


def _list_then_and(info: TextInfo, toks: tuple[Token, ...], last: int) -> int | None:
    """"Culture, Media and Sport": commas inside a name only when an "and" closes the list."""
    text = info.flat
    j = last + 1
    while j < len(toks) and j - last < 12:
        tok = toks[j]
        if tok.text == "and":
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and _right_word_ok(nxt) and _gap_ok(text, tok, nxt):
                return j + 1
            return None
        if not _right_word_ok(tok):
            return None
        gap = text[toks[j - 1].full_end:tok.start]
        if gap not in (", ", " "):
            return None
        j += 1
    return None


class _Spans:
    """Person mentions, sorted, to test quickly whether a place in the text is inside one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)
        return any(self.spans[i][1] > start for i in range(max(0, k - 3), k))

    def ends_just_before(self, pos: int, gap: int) -> bool:
        k = bisect_left(self.starts, pos)
        return any(0 <= pos - self.spans[i][1] <= gap for i in range(max(0, k - 3), k))


def find_orgs(info: TextInfo, person_spans: list[tuple[int, int]]) -> list[Org]:
    text = info.flat
    people = _Spans(person_spans)
    toks = info.tokens
    n = len(toks)
    found: list[Org] = []
    covered_to = -1
    generic: list[tuple[int, int]] = []
    for k, tok in enumerate(toks):
        if tok.start < covered_to:
            continue
        is_cue = tok.text in ORG_TAIL_CUES or tok.text == "council"
        if not is_cue:
            continue
        # the tail is the last cue word of the capitalised stretch that starts here
        tail = k
        j = k
        while j + 1 < n and toks[j + 1].text[0].isupper() and _gap_ok(text, toks[j], toks[j + 1]):
            j += 1
            if toks[j].text in ORG_TAIL_CUES:
                tail = j
            if toks[j].possessive:
                break
        after = toks[tail + 1] if tail + 1 < n else None
        if after is not None and after.text in LEGISLATION_WORDS and _gap_ok(text, toks[tail], after):
            covered_to = after.end
            continue
        first = k
        while first > 0 and _gap_ok(text, toks[first - 1], toks[first]) and (
                _left_word_ok(toks[first - 1], info) or toks[first - 1].text in ORG_TAIL_CUES
                or (tok.text == "council" and toks[first - 1].text in ("city", "county", "borough", "district"))):
            first -= 1
            if k - first >= 6:
                break
        listed = False
        if first < k:
            listed = (new_first := _left_list(info, toks, first, people)) < first
            first = new_first
        last = _right_extension(info, toks, tail) if toks[tail].text in ORG_HEAD_CUES else tail
        own_words = [t.text.lower() for t in toks[first:k] if t.text != "and"]
        council = toks[tail].text.lower() == "council"
        specific = bool(own_words) and not (council and all(w in COUNCIL_KIND_WORDS for w in own_words))
        if last == tail and not specific:
            if council:
                det = toks[first - 1] if first > 0 else None
                if det is not None and det.text.lower() in _COUNCIL_DETERMINERS and _gap_ok(text, det, toks[first]):
                    generic.append((det.start, toks[tail].end))
            covered_to = toks[tail].full_end
            continue
        start, end = toks[first].start, toks[last].end
        if last == tail and toks[tail].text in ("Centre", "Center") and all(w in _VENUE_WORDS for w in own_words):
            covered_to = toks[last].full_end
            continue  # "the Civic Centre", "a Conference Centre": a building, not a body
        if last == tail and toks[tail].text in ORG_WEAK_CUES and text.rfind("\n", 0, start) + 1 in info.headline_lines:
            covered_to = toks[last].full_end
            continue  # "Review Of Planning Services": a heading in Title Case, not an organisation
        if people.overlaps(start, end):
            covered_to = toks[last].full_end
            continue
        name = " ".join(text[start:end].split())
        # "Department for X" / "Culture, Media and Sport Committee" / "X Council"
        rule = "org-head-of" if last != tail else "org-and-list" if listed else "org-cue-word"
        found.append(Org(name, [(start, end)], council=council and last == tail, rule=rule))
        covered_to = toks[last].full_end
    found.extend(_acronyms(info, people))
    found.sort(key=lambda o: o.spans[0][0])
    merged = _merge(found, text)
    return _resolve_councils(merged, generic, text)


def _acronyms(info: TextInfo, people: _Spans) -> list[Org]:
    text = info.text
    toks = info.tokens
    out = []
    for k, tok in enumerate(toks):
        s = tok.text
        if not _ACRONYM.fullmatch(s) or s in NOT_ACRONYMS or s in POST_NOMINALS or _ROMAN.fullmatch(s):
            continue
        if _IN_CODE.match(text, tok.end) or (tok.start and text[tok.start - 1] in "/-_"):
            continue  # "ASC/2020/114", "MIN-4471": a reference, not a body
        letters = [c for c in s if c.isalpha()]
        upper = sum(1 for c in letters if c.isupper())
        if upper < 2 or upper * 5 < len(letters) * 3:
            continue
        line_start = text.rfind("\n", 0, tok.start) + 1
        line_end = text.find("\n", tok.start)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if not any(c.islower() for c in line):
            continue  # a line in capitals: a heading or a marking
        neighbours = [toks[i] for i in (k - 1, k + 1) if 0 <= i < len(toks)]
        if any(len(t.text) > 1 and t.text.isupper() and _INLINE.fullmatch(
                text[min(t.full_end, tok.full_end):max(t.start, tok.start)] or " ") for t in neighbours):
            continue
        if people.overlaps(tok.start, tok.start + 1):
            continue
        if _POST_OPENING.search(text[max(0, tok.start - 4):tok.start]) and people.ends_just_before(tok.start, 4):
            continue  # "Ann Roe (DHS in Eastmoor)": a post, not an organisation
        named = _acronym_and_name(info, k, people)
        if named is not None:
            out.append(named)
            continue
        out.append(Org(s, [(tok.start, tok.end)], acronym=True, rule="acronym"))
    return out


def _acronym_and_name(info: TextInfo, k: int, people: _Spans) -> Org | None:
    """An acronym and the one proper word after it as one body ("NHS Improvement", "HM Treasury"):
    not a thing the body has ("NHS Plan"), a common or calendar word, or the start of a longer run."""
    toks, text = info.tokens, info.text
    if k + 1 >= len(toks):
        return None
    tok, word = toks[k], toks[k + 1]
    w = word.text
    if not _gap_ok(text, tok, word) or len(w) < 3 or not (w[0].isupper() and w[1:].islower()):
        return None
    key = w.lower()
    if (key in COMMON_WORDS or key in POST_WORDS or key in _CALENDAR or key in HONORIFICS or w in _DOCUMENT_NOUNS
            or w in ORG_TAIL_CUES or w in LEGISLATION_WORDS):
        return None
    if k + 2 < len(toks) and _gap_ok(text, word, toks[k + 2]):
        return None  # a longer capitalised run: not read as acronym and name
    if people.overlaps(word.start, word.end):
        return None
    return Org(f"{tok.text} {w}", [(tok.start, word.end)], rule="acronym-and-name")


def _initials(name: str) -> tuple[str, str]:
    words = name.split()
    caps = [w for w in words if w[0].isupper()]
    head = name.split(" and ")[0].split()
    return "".join(w[0] for w in caps), "".join(w[0] for w in head if w[0].isupper())


def _council_key(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.lower().split() if w not in COUNCIL_KIND_WORDS and w != "council")


def _merge(orgs: list[Org], text: str) -> list[Org]:
    out: list[Org] = []
    for org in orgs:
        target = None
        for other in out:
            same = other.name.lower() == org.name.lower()
            spelt = org.acronym and not other.acronym and _acronym_of(org, other, text)
            council = org.council and other.council and _council_key(org.name) == _council_key(other.name)
            if same or spelt or council:
                target = other
            if target is not None:
                break
        if target is None and not org.acronym and len(org.name.split()) >= 2:
            longer = [o for o in out if not o.acronym and _ends_with(o.name, org.name)]
            if len(longer) == 1:
                target = longer[0]
        if target is None and not org.acronym:
            # an acronym met before the full name ("WHA ... Wessex Housing Association")
            for other in out:
                if other.acronym and _acronym_of(other, org, text):
                    org.spans, org.rule = other.spans + org.spans, other.rule
                    out.remove(other)
                    break
        if target is None:
            out.append(org)
            continue
        target.spans.extend(org.spans)
        if not org.acronym and (len(org.name) > len(target.name) or target.acronym) and (
                not target.council or "Council" in org.name):
            target.name = org.name
            target.acronym = False
    return out


def _ends_with(longer: str, shorter: str) -> bool:
    """"Housing Board" is "Wexcombe Housing Board" cut short."""
    a, b = longer.lower().split(), shorter.lower().split()
    return len(a) > len(b) and a[-len(b):] == b


def _acronym_of(acr: Org, full: Org, text: str) -> bool:
    letters = "".join(c for c in acr.name if c.isupper())
    if letters in _initials(full.name):
        return True
    e = full.spans[0][1]
    return bool(re.match(rf"\s*\(\s*{re.escape(acr.name)}\s*\)", text[e:e + 20]))


def _resolve_councils(orgs: list[Org], generic: list[tuple[int, int]], text: str) -> list[Org]:
    if not generic:
        return orgs
    councils = [o for o in orgs if o.council]
    if len(councils) == 1:
        councils[0].spans.extend(generic)
        return orgs
    orgs.append(Org("the Council", list(generic), council=True, generic=True, rule="the-council"))
    return orgs
