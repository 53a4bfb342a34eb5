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

from dossier.analysis.dates import parse_date_line
from dossier.analysis.names import (
    NOT_NAME_WORDS,
    PARTICLES,
    canonical_name,
    is_honorific,
    is_post_nominal,
    name_from_address,
    person_name,
    same_person,
    split_name,
    surname_first,
)
from dossier.analysis.vocab import ABBREVIATED_TITLES, COURTESY_TITLES, GIVEN_NAMES
from dossier.domain.records import MessageHeaders

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
_POST_WORDS = frozenset({
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
_LABEL_LINE = re.compile(r"^(?P<label>from|to|cc|bcc|sent|date|subject|re|attachments?)\s*:\s*(?P<value>.*)$",
                         re.IGNORECASE)
_REF_LINE = re.compile(r"^(?:our|your)?\s*ref(?:erence)?\b", re.IGNORECASE)
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
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_DASH_POST = re.compile(r"\s+[–—-]+\s+|\s*[–—]\s*|\s*:\s+")
_PROPER_BREAK = re.compile(r"(?:I|A|An|The|To|At|Of|In|On|For|And|With|From|By)$")  # words that end a name run
_LEADING_FILLER = re.compile(r"^(?:(?:and|&|also|to|as\s+well\s+as|both)\s+)+", re.IGNORECASE)  # "and to Al Cee"
_ADDRESS = re.compile(r"<\s*([^<>\s@]+@[^<>\s]+)\s*>|\[mailto:([^\]\s]+)\]|([^\s<>,;\"'\[\]()]+@[^\s<>,;\"'\[\]()]+)")
_ATTENTION = re.compile(r"^(?:FAO|F\.A\.O\.|Attn|Attention|For\s+the\s+attention\s+of)\s*[:.]?\s*", re.IGNORECASE)
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
    return word.strip(".,'’()").lower() in _POST_WORDS


def is_post_line(line: str) -> bool:
    """A short line naming a post ("Parliamentary Under Secretary of State for ...", "Chief Executive")."""
    words = line.replace(",", " ").split()
    if not words or len(words) > 16 or len(line) > 130 or not _UPPER_START.match(line):
        return False
    if line.endswith(".") and len(words) > 3:
        return False
    return any(part in _POST_WORDS for w in words for part in w.strip(".,'’()").lower().split("-"))


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


def _post_after(layout: Layout, index: int, limit: int = 3) -> str | None:
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
            return Signed(name, _post_after(layout, start), start)
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
            line = _PARENS.sub(" ", line).strip()  # "Ann Roe (Mrs)"
        single = person_name(line, min_tokens=1)
        named = (single, None) if single else name_and_post(line) or _co_signed(line)
        if named:
            found.append(Signed(named[0], named[1] or _post_after(layout, j), j))
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
        post = named[1] or _post_after(layout, i)
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
        if prev and i not in top and not (prev.isupper() or parse_date_line(prev) or _REF_LINE.match(prev)):
            continue
        if prev.endswith(":"):
            continue  # an entry in a labelled list ("Present:"), not a name block
        line = _ATTENTION.sub("", lines[i])
        named = name_and_post(line) if not (_LABEL_LINE.match(line) or line.endswith(":")) else None
        if not named:
            continue
        block = 0
        while i + block + 1 < len(lines) and lines[i + block + 1]:
            block += 1
        found.append(HeadName(i, named[0], named[1] or _post_after(layout, i, limit=1), block))
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
            if _UPPER_START.match(token) and bare not in _POST_WORDS and not _PROPER_BREAK.match(token):
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
    return split_leading_name(_PARENS.sub(" ", item))[0]


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
    text = _PARENS.sub(" ", text)
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
    pieces = _PIECE_SPLIT.split(_PARENS.sub(" ", text))
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
    name, rest = split_leading_name(_PARENS.sub(" ", line))
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
            if is_prose(lines[i]) or _LABEL_LINE.match(lines[i]):
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


# ---- email and printed headers ------------------------------------------------------------------
def _split_part(part: str) -> list[tuple[str, str]]:
    """(display name, address) pairs from one ";"-separated part of a header value."""
    if "@" in part:
        pairs: list[tuple[str, str]] = []
        pos = 0
        for m in _ADDRESS.finditer(part):
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
    cleaned = _PARENS.sub(" ", display).strip().strip("\"'").strip()
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
    return any(w in _POST_WORDS or (w.endswith("s") and w[:-1] in _POST_WORDS) for w in words)


_FOLDED_LABELS = frozenset({"from", "to", "cc", "bcc"})


def printed_headers(layout: Layout) -> MessageHeaders | None:
    """From/To/Cc/Sent/Subject lines at the top of a printed email or memo, as headers.

    A From/To/Cc value folded onto the next line ("Cc: Ann Roe, Al" / "Bee, Tom Vale") is joined up
    when the folded line sits between two header lines or the value ends with "," or ";"."""
    found: dict[str, str] = {}
    lines = layout.lines
    last: tuple[int, str] | None = None  # the line and label of the header line just read
    for i in layout.nonblank[:15]:
        m = _LABEL_LINE.match(lines[i])
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
    if value.rstrip().endswith((",", ";")) or (len(last) == 1 and last[0].lower() not in _POST_WORDS):
        return f"{value} {more}"
    return f"{value}; {more}"


def _folded(lines: Sequence[str], i: int, value: str) -> bool:
    """Line `i` goes on with the header value above it (not the start of the message's body)."""
    if not value or is_prose(lines[i]):
        return False
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return value.endswith((",", ";")) or bool(_LABEL_LINE.match(following))


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
