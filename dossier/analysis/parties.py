"""Who a document is from, to and copied to, read from the layout of a letter or an email's headers.

These are the layout primitives; party_rules.py holds the table of named rules that use them, in
the order that decides which layout wins.

Layout rules (generic; no names are known in advance):
- the salutation ("Dear Ann,", also text-layer damage like "Den Ann.") ends the letter's head;
  without one the head ends at the first line of prose (or after 25 lines);
- the sender signs after a sign-off ("Yours sincerely", "Kind regards") or, when that was lost, in a
  name line near the end followed by post lines ("Ann Roe MP" / "Minister for ...");
- a letterhead puts the sender's name and post at the very top; the recipient's address block is a
  name line followed by organisation/address lines, before the date and salutation;
- the copy list is a sentence "I am copying this letter to ..." or a "cc:" line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dossier.analysis.names import (
    NOT_NAME_WORDS,
    PARTICLES,
    is_honorific,
    is_post_nominal,
    person_name,
    split_name,
)
from dossier.analysis.vocab import ABBREVIATED_TITLES, COURTESY_TITLES

HEAD_LINES = 25  # how far down a letter's head may reach when there is no salutation
SALUTATION_LINES = 80  # how far down a salutation is looked for
TAIL_LINES = 7  # how many last non-blank lines may hold a signature without a sign-off

_SALUTATION = re.compile(
    r"^(?:(?P<dear>(?:My\s+)?[Dd]ear(?:est)?)|(?P<damaged>Dcar|Deat|Dcat|Den|Deai|Deur|Oear)"
    r"|(?P<hi>Hi|Hello|Good\s+(?:morning|afternoon)))"
    r"\s+(?P<who>[^\s,.;:!][^,;:!]{0,60}?)\s*(?P<end>[,.;:!]?)\s*$")
_PER_PRO = re.compile(r"^(?:p\.?\s?p\.?|per\s+pro\.?|signed:?|\(signed\))\s+(?=[A-Z])", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"^(?:yours\s+(?:very\s+)?(?:sincere\w*|faithful\w*|truly|ever|aye)|yours|sincerely"
    r"|(?:with\s+)?(?:best|kind|kindest|warm|warmest|many)\s+(?:wishes|regards|thanks)"
    r"|(?:with\s+)?(?:best\s+)?regards|best|thanks|thank\s+you|cheers)\b[\s,.!]*(?P<rest>.*)$",
    re.IGNORECASE)
PARTY_POST_WORDS = frozenset({
    "minister", "secretary", "director", "chief", "executive", "commissioner", "chair", "chairman",
    "chairwoman", "chairperson", "president", "head", "officer", "manager", "leader", "member", "lead",
    "deputy", "assistant", "parliamentary", "permanent", "adviser", "advisor", "coordinator",
    "co-ordinator", "clerk", "principal", "governor", "treasurer", "registrar", "ombudsman", "mayor",
    "chancellor", "editor", "correspondent", "reporter", "consultant", "superintendent", "constable",
    "commander", "attorney", "solicitor", "counsel", "trustee", "lecturer", "professor", "inspector",
    "worker", "analyst", "councillor", "dean", "provost", "controller", "auditor", "regulator",
    "spokesperson", "spokesman", "spokeswoman", "partner", "fellow", "researcher", "specialist",
    "speaker", "convenor", "convener",
})
# Posts a salutation may name in place of a person ("Dear Mr Speaker", "Dear Madam President"): a title,
# not a name, whatever honorific comes with it. Words that are also common surnames are left out.
_SALUTATION_TITLES = frozenset({
    "speaker", "chair", "chairman", "chairwoman", "chairperson", "president", "minister", "mayor",
    "chancellor", "commissioner", "secretary", "ombudsman", "governor", "convenor", "convener",
    "deputy", "registrar", "inspector", "ambassador", "director", "colleague", "colleagues",
})
# Posts that end a name run in a list or an address line ("Ann Roe MP The Speaker Wessex Assembly")
_TITLE_BREAK = frozenset({"speaker", "convenor", "convener"})
HEADER_LABEL_LINE = re.compile(r"^(?P<label>from|to|cc|bcc|sent|date|subject|re|attachments?)\s*:\s*(?P<value>.*)$",
                         re.IGNORECASE)
REF_LINE = re.compile(r"^(?:our|your)?\s*ref(?:erence)?\b", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by)\s+(?P<who>[^,|•·–—]+?)\s*(?:[,|•·–—]\s*(?P<post>.*))?$",
                     re.IGNORECASE)
_CC_LINE = re.compile(r"^(?:cc|c\.c\.|copy\s+to|copies\s+to|copied\s+to|copy|copies|distribution)\s*[:.]\s*(?P<rest>.*)$"
                      r"|^(?:cc|CC)\s+(?P<rest2>[A-Z].*)$", re.IGNORECASE)
_CC_SENTENCE = re.compile(  # "copying this letter to", "a copy of this letter goes to"
    r"\b[Cc]op(?:ying|ied|y|ies)\s+(?P<of>of\s+)?(?:this|my|the|our)\s+"
    r"(?:letter|e-?mail|note|reply|response|minute|message)(?:\s+(?:also|too))?\s+"
    r"(?P<verb>(?:goes|go|is\s+going|are\s+going|(?:has|have)\s+been\s+sent|will\s+(?:go|be\s+sent)|"
    r"(?:is|are)\s+being\s+sent)\s+)?to\b\s*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENDING = re.compile(r"\b(?:send|sent|sending|forward(?:ed|ing)?)\s+(?:a\s+)?$", re.IGNORECASE)
# "I have copied this to", "We are copying it to", "I have cc'd this to", and the slip "I have coped this to"
_CC_FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:(?:have|am|are|will|shall|would|also|now)\s+){0,2}"
    r"(?:cop(?:ied|ying|y)|coped|copyed|coppied|copping|cc['’]?e?d|cc['’]?ing)\s+(?:this|it)"
    r"(?:\s+(?:letter|e-?mail|note|reply|response|minute|message))?\s+(?:(?:also|too)\s+)?to\b\s*")
_COPY_WORD = re.compile(r"[Cc]op(?:y|ie|ed|p)|\bcc['’]?e?(?:d|ing)\b")  # a cheap test before the full copy-list patterns
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’)]*(?:$|[A-Z\"“‘(]))")
_PIECE_SPLIT = re.compile(r"\s*[,;]\s*|\s+[–—-]+\s+|\s*[–—]\s*")  # a list line's entries and posts
_ITEM_SPLIT = re.compile(r"\s*(?:[,;]|\s(?:and|&)\s)\s*")
PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_DASH_POST = re.compile(r"\s+[–—-]+\s+|\s*[–—]\s*|\s*:\s+")
_PROPER_BREAK = re.compile(r"(?:I|A|An|The|To|At|Of|In|On|For|And|With|From|By)$")  # words that end a name run
_LEADING_FILLER = re.compile(r"^(?:(?:and|&|also|to|as\s+well\s+as|both)\s+)+", re.IGNORECASE)  # "and to Al Cee"
EMAIL_ADDRESS = re.compile(r"<\s*([^<>\s@]+@[^<>\s]+)\s*>|\[mailto:([^\]\s]+)\]|([^\s<>,;\"'\[\]()]+@[^\s<>,;\"'\[\]()]+)")
ATTENTION_LINE = re.compile(r"^(?:FAO|F\.A\.O\.|Attn|Attention|For\s+the\s+attention\s+of)\s*[:.]?\s*", re.IGNORECASE)
_UPPER_START = re.compile(r"[A-ZÀ-ÖØ-Þ]")
# a copy-list label or an email address in the middle of a line, followed by more text
_JOINED_HINTS = ("@", "cc:", "cc.", "CC:", "Cc:", "c.c.", "C.C.", "opy to", "opies to")  # cheap tests first
_JOIN_CUT = re.compile(
    r"(?<=\S)\s+(?P<label>(?:cc|CC|Cc|c\.c\.|[Cc]opy\s+to|[Cc]opies\s+to)\s*[:.]\s*(?=[A-ZÀ-ÖØ-Þ]|$))"
    r"|(?<=\s)[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[A-Za-z]{2,}(?=\s+[A-ZÀ-ÖØ-Þ0-9])")


# ---- lines and the letter's head ------------------------------------------------------------------
def _key(token: str) -> str:
    return token.strip(".,").lower()


def split_lines(text: str) -> list[str]:
    """The text's lines, stripped; blank lines kept as "".

    Paragraph joining can run a lower-case "cc: ..." line on from the signature above it, and a
    contact line ending in an email address on into the date or address block below it: such a
    line is cut again before the copy-list label, and after the address (with the blank line that
    was lost), unless what comes before the cut is running prose."""
    lines = [line.strip() for line in text.splitlines()]
    if not _may_be_joined(text):
        return lines
    out: list[str] = []
    for line in lines:
        if _may_be_joined(line) and _JOIN_CUT.search(line):
            _unjoin(line, out)
        else:
            out.append(line)
    return out


def _may_be_joined(text: str) -> bool:
    return any(hint in text for hint in _JOINED_HINTS)


def _unjoin(line: str, out: list[str]) -> None:
    """Append `line` to `out`, cut before an embedded copy-list label and after an email address."""
    pos = 0
    for m in _JOIN_CUT.finditer(line):
        label = m.group("label") is not None
        if label and is_prose(line[m.end():]):
            continue
        cut = m.start() if label else m.end()
        head = line[pos:cut].strip()
        if head and (head.split()[-1][0].isupper() if label else not is_prose(head)):
            out.extend((head,) if label else (head, ""))
            pos = cut
    out.append(line[pos:].strip())


def is_prose(line: str) -> bool:
    """A line of running text: many words, mostly starting lower case (address lines are capitalised).

    Judged on the first 40 words, so a paragraph-long line costs no more than a short one."""
    words = line.split(None, 40)[:40]
    if len(words) < 7:
        return len(words) >= 4 and line.endswith(".") and sum(w[0].islower() for w in words) * 2 > len(words)
    lower = sum(1 for w in words if w[0].islower())
    return lower * 5 >= len(words) * 2


def is_post_word(word: str) -> bool:
    """A word that names a post ("Director", "Commissioner,")."""
    return word.strip(".,'’()").lower() in PARTY_POST_WORDS


def is_post_line(line: str) -> bool:
    """A short line naming a post ("Parliamentary Under Secretary of State for ...", "Chief Executive")."""
    words = line.replace(",", " ").split()
    if not words or len(words) > 16 or len(line) > 130 or not _UPPER_START.match(line):
        return False
    if line.endswith(".") and len(words) > 3:
        return False
    return any(part in PARTY_POST_WORDS for w in words for part in w.strip(".,'’()").lower().split("-"))


@dataclass(frozen=True, slots=True)
class Salutation:
    index: int
    names: tuple[str, ...]  # empty for "Dear Sir/Madam", "Dear colleagues", "Dear Minister"


@dataclass(frozen=True, slots=True)
class Layout:
    """Where a letter's parts are: lines, salutation and the end of the head (exclusive)."""

    lines: tuple[str, ...]
    nonblank: tuple[int, ...]
    salutation: Salutation | None
    head_end: int

    def next_nonblank(self, index: int, *, max_gap: int = 1) -> int | None:
        """The next non-blank line after `index`, skipping at most `max_gap` blank lines."""
        j = index + 1
        while j < len(self.lines) and not self.lines[j] and j - index - 1 < max_gap:
            j += 1
        return j if j < len(self.lines) and self.lines[j] else None


def parse_salutation(line: str, next_line: str = "", index: int = -1) -> Salutation | None:
    """A salutation line and its names (honorifics dropped); None if the line is not one."""
    if len(line) > 70:
        return None
    m = _SALUTATION.match(line)
    if not m:
        return None
    if m.group("damaged") and (not m.group("end") or is_post_line(next_line) or person_name(next_line)):
        return None  # a damaged "Dear" needs its closing "," or "." and cannot head an address block
    if m.group("hi") and m.group("end") != ",":
        return None
    names = (person_name(part, min_tokens=1) for part in _ITEM_SPLIT.split(m.group("who")))
    return Salutation(index, tuple(name for name in names if name and not is_title(name)))


def is_title(name: str) -> bool:
    """A "name" that is only a post ("Speaker" from "Dear Mr Speaker"): a title, not a person."""
    return all(t.lower().strip(".,") in _SALUTATION_TITLES for t in name.split())


def build_layout(text: str) -> Layout:
    """Find the salutation and the head of the letter."""
    lines = tuple(split_lines(text))
    nonblank = tuple(i for i, line in enumerate(lines) if line)
    salutation: Salutation | None = None
    for n, i in enumerate(nonblank[:SALUTATION_LINES]):
        following = lines[nonblank[n + 1]] if n + 1 < len(nonblank) else ""
        salutation = parse_salutation(lines[i], following, i)
        if salutation:
            break
    if salutation is not None:
        head_end = salutation.index
    else:
        head_end = nonblank[HEAD_LINES] if len(nonblank) > HEAD_LINES else len(lines)
        for i in nonblank[:HEAD_LINES]:
            if is_prose(lines[i]):
                head_end = i
                break
    return Layout(lines, nonblank, salutation, head_end)


# ---- the sender's signature ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Signed:
    name: str
    post: str | None
    index: int


def post_after(layout: Layout, index: int, limit: int = 3) -> str | None:
    """The first post line among the few lines after `index` (blank lines allowed between)."""
    j: int | None = index
    for _ in range(limit):
        j = layout.next_nonblank(j, max_gap=2) if j is not None else None
        if j is None:
            return None
        line = layout.lines[j]
        if is_post_line(line):
            return line
        if is_prose(line) or _CC_LINE.match(line):
            return None
    return None


def _after_sign_off(layout: Layout, start: int, rest: str) -> Signed | None:
    """The signature after a sign-off line: prefer a full name over a signed first name."""
    if rest:
        name = person_name(rest, min_tokens=1)
        if name:
            return Signed(name, post_after(layout, start), start)
    found: list[Signed] = []
    j: int | None = start
    for _ in range(5):
        j = layout.next_nonblank(j, max_gap=4) if j is not None else None
        if j is None:
            break
        line = _PER_PRO.sub("", layout.lines[j])  # "pp Lord Bee": signed for him, but his letter
        if is_prose(line):
            break
        if "(" in line:
            line = PARENS.sub(" ", line).strip()  # "Ann Roe (Mrs)"
        single = person_name(line, min_tokens=1)
        named = (single, None) if single else name_and_post(line) or _co_signed(line)
        if named:
            found.append(Signed(named[0], named[1] or post_after(layout, j), j))
            if len(named[0].split()) > 1:
                break
    if not found:
        return None
    return max(found, key=lambda s: len(s.name.split()) > 1)


def _co_signed(line: str) -> tuple[str, None] | None:
    """A letter signed by several people on one line ("Ann Roe, Tom Vale and Al Bee"): the first signs."""
    if "," not in line and " and " not in line and "&" not in line:
        return None
    items = [item for item in _ITEM_SPLIT.split(line) if item]
    names = [person_name(item) for item in items]
    first = names[0] if names else None
    return (first, None) if first and len(names) >= 2 and all(names) else None


def find_sign_off_signature(layout: Layout) -> Signed | None:
    """The name signed below "Yours sincerely" / "Kind regards" (the first sign-off that has one)."""
    start = layout.salutation.index if layout.salutation else 0
    for i in layout.nonblank:
        if i <= start:
            continue
        line = layout.lines[i]
        if len(line) > 60:
            continue
        m = _SIGN_OFF.match(line)
        rest = _PER_PRO.sub("", m.group("rest").strip()) if m else ""
        if m and (not rest or person_name(rest, min_tokens=1)):
            signed = _after_sign_off(layout, i, rest)
            if signed:
                return signed
    return None


def find_closing_signature(layout: Layout) -> Signed | None:
    """A signature with no sign-off: a name line near the end, then only short lines (its post).

    The name must carry a post-nominal ("Ann Roe MP"), a title ("Professor", "Lord"; not a plain
    "Mr", which marks an address block) or be followed by a post line.
    """
    tail = layout.nonblank[-TAIL_LINES:]
    for pos, i in enumerate(tail):
        if i < layout.head_end:
            continue
        after = tail[pos + 1:]
        if len(after) > 4 or any(is_prose(layout.lines[j]) for j in after) or (i > 0 and layout.lines[i - 1]):
            continue  # a signature starts its own block: the line above it is blank
        line = _PER_PRO.sub("", layout.lines[i])
        named = name_and_post(line)
        if not named:
            continue
        parts = split_name(line)
        post = named[1] or post_after(layout, i)
        titled = any(_key(h) not in COURTESY_TITLES for h in parts.honorifics)
        if titled or parts.post_nominals or post:
            return Signed(named[0], post, i)
    return None


def find_byline(layout: Layout) -> Signed | None:
    """An article's byline near the top: "By Ann Roe" or "By Ann Roe, Political Editor"."""
    for i in layout.nonblank[:8]:
        m = _BYLINE.match(layout.lines[i]) if len(layout.lines[i]) <= 120 else None
        if m:
            name = person_name(m.group("who"))
            if name:
                post = (m.group("post") or "").strip() or None
                return Signed(name, post, i)
    return None


# ---- copy lists ---------------------------------------------------------------------------------
def split_leading_name(text: str) -> tuple[str | None, str]:
    """A person's name at the start of `text` and what follows it.

    "Councillor Ann Roe - Lead Member" -> ("Ann Roe", "Lead Member");
    "Ann Roe MP Minister for Widgets" -> ("Ann Roe", "Minister for Widgets").
    """
    parts = _DASH_POST.split(text, maxsplit=1)
    head, tail = parts[0], parts[1] if len(parts) > 1 else ""
    tokens = _LEADING_FILLER.sub("", head.strip()).split()
    kept = named = 0
    for token in tokens:
        bare = token.strip(".,'’").lower()
        if named >= 2 and (bare in _TITLE_BREAK or (bare == "the" and token[0] == "T")):
            break  # "Ann Roe MP The Speaker": a post follows the name
        titled = is_honorific(token) or is_post_nominal(token)
        named += not titled
        particle = bare in PARTICLES and token[0].islower()
        if not (titled or particle or (_UPPER_START.match(token) and bare not in NOT_NAME_WORDS)):
            if _UPPER_START.match(token) and bare not in PARTY_POST_WORDS and not _PROPER_BREAK.match(token):
                return None, text  # "Wexcombe Housing Board": the capitals run on into an organisation
            break
        kept += 1
        if token.endswith(",") and not titled:
            break  # "Ann Roe, Professor of Law": the comma ends the name
    name = person_name(" ".join(tokens[:kept])) if kept else None
    rest = " ".join([*tokens[kept:], tail]).strip(" ,;–—-")
    return name, rest


def _leading_name(item: str) -> str | None:
    """The person's name at the start of a list item ("Ann Roe – Chief Executive" -> "Ann Roe")."""
    return split_leading_name(PARENS.sub(" ", item))[0]


def name_and_post(line: str) -> tuple[str, str | None] | None:
    """A name line, or a name run together with its post on one line; None for anything else."""
    name = person_name(line)
    if name:
        return name, None
    if is_prose(line):
        return None
    if "|" in line:  # an email signature's "Ann Roe | Policy Officer | Wessex County Council"
        parts = [part.strip() for part in line.split("|")]
        name = person_name(parts[0])
        return (name, parts[1] if is_post_line(parts[1]) else None) if name else None
    name, rest = split_leading_name(line)
    if name and rest and is_post_line(rest) and not _DASH_POST.search(rest):
        return name, rest
    return None


def names_in_list(text: str) -> list[str]:
    """Person names in a list like "Ann Roe – Chief Executive, Lord Bee (Chair) and Al Cee"."""
    text = PARENS.sub(" ", text)
    if ":" in text:
        text = text.split(":", 1)[1]
    out = []
    for item in _ITEM_SPLIT.split(text):
        name = _leading_name(item)
        if name:
            out.append(name)
    return out


def _sentence(text: str) -> str:
    """`text` up to the end of its first sentence (not stopping after an initial or "Mr.")."""
    for m in _SENTENCE_END.finditer(text):
        before = text[max(0, m.start() - 40): m.start()].split()
        last = before[-1] if before else ""
        if len(last) == 1 or last.lower().strip("(") in ABBREVIATED_TITLES:
            continue
        return text[: m.start()]
    return text[:600]


def cc_from_sentence(flat: str) -> list[str]:
    """Names in "I am copying this letter to ..." sentences."""
    return [name for _start, _end, names in cc_sentences(flat) for name in names]


def cc_sentences(text: str) -> list[tuple[int, int, list[str]]]:
    """Copy sentences ("I am copying this letter to ...", "I have copied this to ...") as
    (start, end, names), the span running from the copy verb to the end of the sentence."""
    out: list[tuple[int, int, list[str]]] = []
    if not _COPY_WORD.search(text):
        return out
    found = [(m, True) for m in _CC_SENTENCE.finditer(text)] + [(m, False) for m in _CC_FIRST_PERSON.finditer(text)]
    for m, noun in sorted(found, key=lambda f: f[0].start()):
        if noun and m.group("of") and not m.group("verb") and not _SENDING.search(text[max(0, m.start() - 30): m.start()]):
            continue  # "a copy of my letter to X" is a letter addressed to X, not a copy list
        if out and m.start() < out[-1][1]:
            continue  # the same sentence, read by both patterns
        sentence = _PARAGRAPH_BREAK.split(_sentence(text[m.end(): m.end() + 800]), maxsplit=1)[0]
        out.append((m.start(), m.end() + len(sentence), names_in_list(" ".join(sentence.split()))))
    return out


def _trailing_name(text: str) -> str | None:
    """A person's name at the end of a post ("Director of Housing Ann Le Roe" -> "Ann Le Roe")."""
    tokens = text.split()
    k = 2
    while k < len(tokens) and k < 5 and (tokens[-k].lower() in PARTICLES or len(tokens[-k].strip(".")) == 1
                                         or is_honorific(tokens[-k - 1])):
        k += 1  # "Le Roe", "B. Roe" and "Dr Ann Roe" reach further back
    if k >= len(tokens) or not all(_UPPER_START.match(t) or t in PARTICLES for t in tokens[-k:]):
        return None
    return person_name(" ".join(tokens[-k:]))


def names_in_block_line(text: str) -> list[str]:
    """Names in one line of a copy list, where lines joined by a wrap can read
    "Ann Roe, Head of Policy Al Bee, Chief Executive": a post that runs into a name and is
    followed by another post gives up the name at its end."""
    pieces = _PIECE_SPLIT.split(PARENS.sub(" ", text))
    out: list[str] = []
    for n, piece in enumerate(pieces):
        if (n + 1 < len(pieces) and _leading_name(piece) is None and is_post_line(piece)
                and is_post_line(pieces[n + 1]) and _leading_name(pieces[n + 1]) is None):
            name = _trailing_name(piece)
            if name:
                out.append(name)
                continue
        out.extend(name for item in _ITEM_SPLIT.split(piece) if (name := _leading_name(item)))
    return out


def _next_filled(lines: Sequence[str], i: int, max_gap: int = 2) -> int | None:
    """The first non-blank line at or after `i`, skipping at most `max_gap` blank lines."""
    end = min(len(lines), i + max_gap + 1)
    return next((j for j in range(i, end) if lines[j]), None)


def _is_entry(line: str) -> bool:
    """A copy-list entry: a name followed by a post ("Ann Roe, Chief Executive", "Al Bee – Chair")."""
    name, rest = split_leading_name(PARENS.sub(" ", line))
    return bool(name and rest and is_post_line(rest))


def _list_resumes(lines: Sequence[str], i: int) -> int | None:
    """Where a copy list broken off by a blank line at `i` goes on: at an entry after the blank, or
    after one short line between blanks (a page's running header or footer); else None."""
    j = _next_filled(lines, i)
    if j is None:
        return None
    if _is_entry(lines[j]):
        return j
    if len(lines[j].split()) > 8 or is_prose(lines[j]) or j + 1 >= len(lines) or lines[j + 1]:
        return None
    k = _next_filled(lines, j + 1)
    return k if k is not None and _is_entry(lines[k]) else None


def cc_from_lines(lines: Sequence[str]) -> list[str]:
    """Names in "cc:" / "Copy to:" lines and in the list lines that follow them until a blank line."""
    return [name for _first, _last, names in cc_blocks(lines) for name in names]


def cc_blocks(lines: Sequence[str]) -> list[tuple[int, int, list[str]]]:
    """"cc:" / "Copy to:" / "Copies:" lists as (first line, last line, names): the label's line and the
    list lines that follow it until a blank line.

    A label alone on its line takes the list after the blank line below it; a list broken by a
    blank line goes on when name-and-post entries follow (perhaps after a page's running header)."""
    return labelled_blocks(lines, _CC_LINE)


_TO_LINE = re.compile(r"^(?:to|addressees?)\s*:\s*(?P<rest>.*)$(?P<rest2>)", re.IGNORECASE)


def to_blocks(lines: Sequence[str]) -> list[tuple[int, int, list[str]]]:
    """"To:" lists of names and posts in a letter's head (one addressee a line, or several on the line)."""
    return labelled_blocks(lines, _TO_LINE)


def labelled_blocks(lines: Sequence[str], label: re.Pattern[str]) -> list[tuple[int, int, list[str]]]:
    """Lists under a label (groups "rest"/"rest2" hold what follows it on its line), as
    (first line, last line, names)."""
    out: list[tuple[int, int, list[str]]] = []
    i = 0
    while i < len(lines):
        m = label.match(lines[i])
        if not m:
            i += 1
            continue
        first = i
        chunk = [m.group("rest") or m.group("rest2") or ""]
        i += 1
        if not chunk[0].strip():
            i = _next_filled(lines, i) or i
        while i < len(lines):
            if not lines[i]:
                resumed = _list_resumes(lines, i)
                if resumed is None:
                    break
                i = resumed
            if is_prose(lines[i]) or HEADER_LABEL_LINE.match(lines[i]):
                break
            chunk.append(lines[i])
            i += 1
        out.append((first, max(first, i - 1), [name for part in chunk for name in names_in_block_line(part)]))
    return out


def fuller_form(name: str, flat: str) -> str:
    """A one-word name ("Bee" from "Lord Bee") completed from a fuller form in the same text.

    Takes "Al Bee" where the text has "Lord Al Bee" or "... of Al Bee"; keeps the
    short form when there are none or several different ones.
    """
    if len(name.split()) != 1:
        return name
    firsts: set[str] = set()
    for m in re.finditer(rf"\b([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)\s+{re.escape(name)}\b", flat):
        first = m.group(1)
        if is_honorific(first) or first.lower() in NOT_NAME_WORDS or first.lower() in PARTICLES:
            continue
        before = flat[max(0, m.start() - 40): m.start()].split()
        prev = before[-1] if before else ""
        if is_honorific(prev) or (prev and prev[0].islower() and prev[-1] not in ".!?"):
            firsts.add(first)
    return f"{next(iter(firsts))} {name}" if len(firsts) == 1 else name


def unique(names: Iterable[str]) -> list[str]:
    """Names in order, without repeats (case-insensitive)."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.lower()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
