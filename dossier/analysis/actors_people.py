"""People named in a text: capitalised runs, the name chunks inside them, and the cues that make a
chunk a person (honorific, post-nominal, a post beside it, a listed party, a given name, a list of
other people ...).

Only structure and generic vocabulary are used; no names are known in advance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dossier.analysis.names import (
    NOT_NAME_WORDS,
    ORG_ENDING,
    canonical_name,
    is_name_token,
)
from dossier.analysis.parties import is_post_line, is_prose
from dossier.analysis.vocab import (
    ABBREVIATED_TITLES,
    COMMON_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    ORG_TAIL_CUES,
    PARTICLES,
    POST_NOMINALS,
    POST_WORDS,
    SPEECH_VERBS,
    same_given_name,
)

_TOKEN = re.compile(r"(?<![\w'’\-])[^\W\d_](?:[\w'’\-]*[^\W_])?")
_NEWLINE = re.compile(r"\n")
_INLINE_GAP = re.compile(r"[ \t\u00a0]+")
_DOT_GAP = re.compile(r"\.[ \t\u00a0]*")
_BREAK = re.compile(r"[ \t\u00a0]*\n\s*")
_LOWER_PARTICLES = frozenset({"de", "du", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la",
                              "dos", "das", "ten", "ter", "bin", "al", "el"})
# lower-case words kept as tokens: particles, and the joints of organisation names and "the council"
_KEPT_LOWER = frozenset({"de", "du", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "dos",
                         "das", "ten", "ter", "bin", "al", "el", "of", "for", "the", "and", "council", "city",
                         "county", "borough", "district", "your", "our", "their", "this", "that", "its", "my",
                         "his", "her", "plc"})
HONORIFIC_WORDS = HONORIFICS - {"the"}
_OPENERS = " \t\u00a0\"“‘'(•*·-–—"
LIST_GAP = re.compile(r"\s*(?:,|;|,?\s+(?:and|&)|,\s+and)\s+|\s*,\s*")
_SIGN_OFF = re.compile(r"^(?:yours\b.*|(?:with\s+)?(?:best|kind|kindest|warm|warmest|many)\s+(?:wishes|regards|thanks)"
                       r"|(?:with\s+)?(?:best\s+)?regards|best|thanks|thank\s+you|cheers|all\s+the\s+best)[\s,.!]*$",
                       re.IGNORECASE)
_WRAP_JOINTS = frozenset({"of", "for", "and", "&", "in", "at", "on", "the", "a", "an", "to", "with", "by"})
_PERSONAL_NEXT = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and[ \t]+)?(?:who|whose|his|her|he|she|himself|herself)\b")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w\-]*)")
_DETERMINER_BEFORE = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "your", "their",
                                "its", "my", "his", "her"})
_BY_NEXT = re.compile(r"[ \t]+by\b")
_MORPH_COMMON = re.compile(r"(?:ly|ing|ed)$")
_IN_ADDRESS = re.compile(r"[.@_][A-Za-z0-9]")
_ADDRESS_MARKS = frozenset({"@", ".", "_", "/"})


@dataclass(slots=True)
class Token:
    start: int
    end: int  # end of the word without a possessive 's
    full_end: int
    text: str
    possessive: bool
    kind: str = "X"  # H honorific, P post-nominal, O organisation cue, N name word, I initial, L particle, X other
    initial_sentence: bool = False


@dataclass(slots=True)
class Candidate:
    """A chunk of a capitalised run that may be a person's name."""

    tokens: list[Token]
    honorifics: list[str]
    names: list[str]
    post_nominals: list[str]
    start: int
    end: int
    possessive: bool
    sentence_initial: bool
    followed_by_other: bool  # the capitalised run goes on into an organisation, a law or a place
    headline: bool
    line_only: bool
    post_follows: bool = False  # the capitalised run goes on into a post ("Housing Policy Manager")
    canonical: str = ""
    posts: list[str] = field(default_factory=list)
    strong: bool = False
    weak: int = 0
    rule: str = ""  # the named cue or layout rule that made the chunk a person
    blocked: bool = False  # read as a thing ("the Annual Return"): no weak cue makes it a person
    ordinary: bool = False  # a word of the name is one the text writes in lower case: weak cues do not do

    def accept(self, rule: str) -> None:
        """Mark the chunk a person, keeping the first rule that did so."""
        self.strong = True
        if not self.rule:
            self.rule = rule


@dataclass(frozen=True, slots=True)
class TextInfo:
    text: str
    flat: str  # `text` with line breaks inside wrapped running text turned into spaces (same offsets)
    tokens: tuple[Token, ...]
    lower_words: frozenset[str]
    line_starts: tuple[int, ...]
    headline_lines: frozenset[int]


# ---- tokens and lines -----------------------------------------------------------------------------
def line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _is_headline(line: str) -> bool:
    """A Title Case line: a headline or a heading, not prose (its names are weak evidence)."""
    stripped = line.strip()
    if not stripped or stripped[-1] in ".,;" or ", " in stripped or " – " in stripped or " - " in stripped:
        return False
    words = [w for w in _TOKEN.findall(stripped) if w.lower() not in _SMALL]
    if len(words) < 3:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital * 4 >= len(words) * 3 and len(stripped.split()) >= 4


_SMALL = frozenset({"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "from",
                    "as", "is", "its", "vs", "v"})


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in "\n.!?:;"


def _classify(token: Token, shouting: bool, lower_words: frozenset[str]) -> str:
    s = token.text
    if shouting and s.isupper() and len(s) > 1:
        s = s.title()
    key = s.lower().rstrip(".")
    if s == "MS" and token.start > 0:
        return "P"  # "Ann Roe MS", a member of the Senedd; "Ms" is the honorific
    if key in HONORIFIC_WORDS and s[0].isupper():
        return "H"
    if s in POST_NOMINALS:
        return "P"
    if s in ORG_TAIL_CUES:
        return "O"
    if s[0].islower():
        return "L" if key in _LOWER_PARTICLES else "x"
    if len(s) == 1:
        return "X" if s in "AI" else "I"
    if (key in NOT_NAME_WORDS or key in COMMON_WORDS or key in POST_WORDS or any(c.isdigit() for c in s)
            or ORG_ENDING.match(s) or (s.isupper() and len(s) > 1) or not is_name_token(s)):
        return "X"
    if token.initial_sentence and key not in GIVEN_NAMES and (key in lower_words or _MORPH_COMMON.search(key)):
        return "X"
    return "N"


def _is_wrapped(line: str) -> bool:
    """A long line of running text that goes on on the next line (not an address or a post line)."""
    stripped = line.strip()
    if len(stripped) < 40 or stripped[-1] in ".!?:;":
        return False
    if len(stripped) >= 70 or is_prose(stripped) or stripped[-1] in ",–—-":
        return True
    words = stripped.split()
    return words[-1] in _WRAP_JOINTS or (len(stripped) >= 60 and sum(1 for w in words if w[0].islower()) >= 3)


def _runs_on(line: str, text: str, nxt: int) -> bool:
    """Whether a line goes on across the blank line after it (a page break inside a sentence): the
    next line opens in lower case, the line ends in a comma, a dash or a joining word, or it is a
    full line of running text. A line of capitalised words ("... J Penn and T Wade" over a list of
    officers) or a heading ("Letter from the Chair to Ann Roe MP") over a blank line does not."""
    stripped = line.rstrip()
    if text[nxt:nxt + 1].islower() or stripped[-1:] in ",–—-" or stripped.rsplit(None, 1)[-1] in _WRAP_JOINTS:
        return True
    return len(stripped) >= 70 and sum(1 for w in stripped.split() if w[0].islower()) >= 4


def flatten(text: str) -> str:
    """`text` with each line break (and the blank lines after it) inside wrapped running text
    replaced by spaces, so names and posts broken across lines or pages read as one line."""
    if "\n" not in text:
        return text
    parts: list[str] = []
    pos = 0
    for m in _BREAK.finditer(text):
        if m.end() >= len(text):
            break
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start:m.start()]
        if _is_wrapped(line) and (text.count("\n", m.start(), m.end()) < 2 or _runs_on(line, text, m.end())):
            parts.append(text[pos:m.start()])
            parts.append(" " * (m.end() - m.start()))
            pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


_ADDRESS_AROUND = re.compile(r"[\w.+'’-]*@[\w-]+\.[\w.-]+")


def _inside_address(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) is part of an e-mail address."""
    i = start
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "._+-'’"):
        i -= 1
    m = _ADDRESS_AROUND.match(text, i)
    return m is not None and m.end() > end and "@" in text[i:m.end()] and text.find("@", i) >= end


def scan(text: str) -> TextInfo:
    """Tokens of `text` with their kinds, and facts about its lines."""
    flat = flatten(text)
    tokens: list[Token] = []
    lower: set[str] = set()
    for m in _TOKEN.finditer(text):
        word = m.group()
        poss = len(word) > 3 and word[-2] in "'’" and word[-1] == "s"
        core = word[:-2] if poss else word
        if word[0].islower():
            e = m.end()
            if not (text[e:e + 1] in _ADDRESS_MARKS and _IN_ADDRESS.match(text, e)) \
                    and text[m.start() - 1:m.start()] not in _ADDRESS_MARKS:
                lower.add(word.lower())  # not the "ann" of "ann.roe@example.org"
            if core not in _KEPT_LOWER:
                continue  # a lower-case word only breaks runs, and the gap test sees it
        if "@" in text[m.end():m.end() + 64] and _inside_address(text, m.start(), m.end()):
            continue  # "Ann.Roe@example.org": an address, read by the address-name rule, not a run of words
        tokens.append(Token(m.start(), m.start() + len(core), m.end(), core, poss))
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    headlines: set[int] = set()
    shouting: set[int] = set()
    for n, start in enumerate(line_starts):
        end = line_starts[n + 1] - 1 if n + 1 < len(line_starts) else len(text)
        if end - start < 4:
            continue
        line = text[start:end]
        if end - start < 200 and _is_headline(line):
            headlines.add(start)
        if line.isupper() and sum(c.isalpha() for c in line) > 3:
            shouting.add(start)
    lower_words = frozenset(lower)
    for tok in tokens:
        if tok.text[0].islower():
            tok.kind = "L" if tok.text in _LOWER_PARTICLES else "x"
            continue
        tok.initial_sentence = _sentence_initial(flat, tok.start)
        shout = bool(shouting) and text.rfind("\n", 0, tok.start) + 1 in shouting
        tok.kind = _classify(tok, shout, lower_words)
    _initial_a(flat, tokens)
    for tok in tokens:  # "Seconded by:", "Approved by Ann Roe": a participle before "by", not a name
        if tok.kind == "N" and tok.text.endswith("ed") and _BY_NEXT.match(flat, tok.full_end) \
                and tok.text.lower() not in GIVEN_NAMES:
            tok.kind = "X"
    _surname_after_initials(flat, tokens)
    return TextInfo(text, flat, tuple(tokens), lower_words, tuple(line_starts), frozenset(headlines))


def _initial_a(text: str, tokens: list[Token]) -> None:
    """"Mrs A Roe", "J A Roe", "Cllr A. Roe", "Mr J. A. Roe": a capital A (or I) between an honorific or
    an initial and a name is an initial, not an article."""
    for i in range(1, len(tokens) - 1):
        tok = tokens[i]
        if tok.text in ("A", "I") and tokens[i - 1].kind in ("H", "I") and tokens[i + 1].kind in ("N", "I") \
                and _joined(text, tokens[i - 1], tok) and _joined(text, tok, tokens[i + 1]):
            tok.kind = "I"


def _surname_after_initials(text: str, tokens: list[Token]) -> None:
    """"Mr T Canon", "P W Meadow": a capitalised word after an honorific and initials, or after two
    initials, ending the name, is a surname even where it is also a title or an ordinary word."""
    for i in range(1, len(tokens)):
        tok = tokens[i]
        if tok.kind not in ("X", "H") or not tok.text[1:].islower() or not text[tok.start:tok.start + 1].isupper():
            continue
        k = i
        while k > 0 and tokens[k - 1].kind == "I" and _joined(text, tokens[k - 1], tokens[k]):
            k -= 1
        initials = i - k
        if not initials or not (initials >= 2 or (k > 0 and tokens[k - 1].kind == "H"
                                                  and _joined(text, tokens[k - 1], tokens[k]))):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.text[0].isupper() and nxt.kind != "P" and _INLINE_GAP.fullmatch(
                text[tok.full_end:nxt.start] or "x"):
            continue  # "Mr A Housing Officer": the run goes on
        tok.kind = "N"


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.full_end:b.start]
    return bool(_INLINE_GAP.fullmatch(gap) or _DOT_GAP.fullmatch(gap))


def _joinable(text: str, prev: Token, cur: Token) -> bool:
    """Whether `cur` continues the capitalised run that `prev` ends (same line, or a wrapped line)."""
    if prev.possessive:
        return False
    gap = text[prev.full_end:cur.start]
    if _INLINE_GAP.fullmatch(gap):
        return True
    if _DOT_GAP.fullmatch(gap):
        return prev.kind == "I" or prev.text.lower() in ABBREVIATED_TITLES
    return False


_COLUMN_GAP = re.compile(r"[ \t\u00a0]*(?:\t|[ \u00a0]{3})[ \t\u00a0]*")


def _column_gap(text: str, prev: Token, cur: Token) -> bool:
    """A tab or three spaces on one line part two columns ("Proposed by: Cllr Roe      Seconded by:"),
    not two words of a name."""
    return bool(_COLUMN_GAP.fullmatch(text, prev.full_end, cur.start))


def runs(info: TextInfo) -> list[list[Token]]:
    """Maximal runs of capitalised words (lower-case particles inside them kept)."""
    out: list[list[Token]] = []
    current: list[Token] = []
    toks = info.tokens
    for i, tok in enumerate(toks):
        capital = tok.kind not in ("x", "L")
        if tok.kind == "L":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            capital = bool(current) and nxt is not None and nxt.kind in ("N", "L") and _joinable(info.flat, tok, nxt)
        if capital and current and _joinable(info.flat, current[-1], tok) and not _column_gap(info.text, current[-1], tok):
            current.append(tok)
            continue
        if current:
            out.append(current)
        current = [tok] if capital else []
    if current:
        out.append(current)
    return out


# ---- candidates -----------------------------------------------------------------------------------
def _the_before(tok: Token, run: list[Token], i: int) -> bool:
    """"The" of "The Rt Hon": an honorific only in front of another one."""
    return (tok.text == "The" and i + 1 < len(run) and run[i + 1].text.lower().rstrip(".") in {"rt", "right"})


def candidates(info: TextInfo) -> list[Candidate]:
    out: list[Candidate] = []
    text = info.text
    for run in runs(info):
        n = len(run)
        i = 0
        while i < n:
            tok = run[i]
            if tok.kind not in ("H", "N", "I") and not _the_before(tok, run, i):
                i += 1
                continue
            j = i
            hon: list[Token] = []
            while j < n and (run[j].kind == "H" or (j == i and _the_before(run[j], run, j))):
                hon.append(run[j])
                if run[j].possessive:
                    break
                j += 1
            name_start = j
            while j < n and run[j].kind in ("N", "I", "L") and not (j > name_start and run[j - 1].possessive):
                if run[j].kind == "L" and j == name_start and not hon:
                    break
                j += 1
            name_end = j
            while name_end > name_start and run[name_end - 1].kind == "L":
                name_end -= 1
            repeated = _repeated_half(run[name_start:name_end])
            if repeated:  # "Ann Roe Ann Roe": a caption and a name, two mentions read as one run
                name_end = name_start + repeated
            j = name_end
            if name_end == name_start:
                i = max(j, i + 1)
                continue
            pn: list[Token] = []
            while j < n and run[j].kind == "P" and not run[j - 1].possessive:
                pn.append(run[j])
                j += 1
            chunk = run[i:j]
            names = run[name_start:name_end]
            if sum(1 for t in names if t.kind != "L") > 4:
                i = j
                continue
            last = chunk[-1]
            after = run[j] if j < n else None
            followed = after is not None and not last.possessive and not repeated and (
                after.kind in ("O", "N") or (after.kind == "X" and after.text.lower() not in POST_WORDS))
            post_follows = after is not None and after.kind == "X" and after.text.lower() in POST_WORDS
            if last.possessive:  # "St Mary’s Hospital", "King’s College": an organisation's name
                m = _NEXT_WORD.match(info.flat, last.full_end)
                followed = m is not None and m.group(1) in ORG_TAIL_CUES
            line_start, line_end = line_bounds(text, chunk[0].start)
            line = text[line_start:line_end]
            rest = text[last.end:line_end].strip(" \t,.;:")
            start = chunk[0].start
            cand = Candidate(
                tokens=chunk,
                honorifics=[t.text for t in hon],
                names=[t.text for t in names],
                post_nominals=[t.text for t in pn],
                start=start,
                end=last.end,
                possessive=last.possessive,
                sentence_initial=_sentence_initial(info.flat, start),
                followed_by_other=followed,
                post_follows=post_follows,
                headline=line_start in info.headline_lines,
                line_only=not text[line_start:start].strip(" \t•*-–—") and not rest and len(line) < 80,
            )
            cand.canonical = canonical_name(info.flat[start:last.end]) or " ".join(cand.names)
            if repeated and not followed and not cand.sentence_initial:
                cand.accept("repeated-name")  # a photo's caption and then the name, as pages print them
            out.append(cand)
            i = j
    return out


def _repeated_half(names: list[Token]) -> int:
    """The length of the first half of a run of name words that says the same name twice ("Ann Roe
    Ann Roe", as a page writes a photo's caption and then the name), else 0."""
    n = len(names)
    if n < 4 or n % 2:
        return 0
    half = n // 2
    same = all(a.text.lower() == b.text.lower() for a, b in zip(names[:half], names[half:], strict=True))
    return half if same else 0


def name_key(name: str) -> tuple[str, ...]:
    return tuple(t.lower().strip(".") for t in name.replace("’", "'").split() if t.strip("."))


def alias_of(short: Sequence[str], full: Sequence[str]) -> bool:
    """True when the name `short` can be `full` cut down: "Ann" / "Roe" / "Le Roux" / "Ann Roe" for
    "Ann Bee Roe", "A. Roe" for "Ann Roe". Tokens are lower case without dots."""
    a, b = list(short), list(full)
    if not a or not b or len(a) > len(b) or a == b:
        return a == b and bool(a)
    if len(a) == 1:
        if same_given_name(a[0], b[0]):
            return True  # "Ann", or "Rob" for Robert Roe
        return a[0] == b[-1] and b[-2] not in PARTICLES
    if b[-len(a):] == a:
        return len(b) == len(a) or b[-len(a) - 1] not in PARTICLES
    if a[-1] != b[-1]:
        return False
    if len(a) == len(b):
        return same_length_alias(a, b)
    if same_given_name(a[0], b[0]):
        return True
    return len(a[0]) == 1 and b[0].startswith(a[0]) and len(a) <= len(b)


def same_length_alias(a: Sequence[str], b: Sequence[str]) -> bool:
    """"A Roe" or "Rob Roe" for "Robert Roe": names of as many words, each word of `a` the same as
    `b`'s, its initial, or (the first) a short form of it."""
    if len(a) != len(b) or list(a) == list(b):
        return False
    for n, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y or (len(x) == 1 and y.startswith(x)) or (n == 0 and same_given_name(x, y)):
            continue
        return False
    return True


def specificity(key: Sequence[str]) -> tuple[int, int]:
    """How fully a name is written: its words, then its words that are not initials ("Ann Roe"
    before "A Roe")."""
    return len(key), sum(1 for w in key if len(w) > 1)


# ---- cues -----------------------------------------------------------------------------------------
def _block_context(info: TextInfo, cand: Candidate) -> bool:
    """A name alone on its line inside a signature or address block."""
    text = info.text
    line_start, line_end = line_bounds(text, cand.start)
    if line_end < len(text) and text[line_end:line_end + 2] != "\n\n" and line_end + 1 < len(text):
        s, e = line_bounds(text, line_end + 1)
        nxt = text[s:e]
        if nxt.strip() and not is_prose(nxt) and _address_like(nxt):
            return True
    prev = text[max(0, line_start - 300):line_start].rstrip()
    prev_line = prev[prev.rfind("\n") + 1:].strip()
    return bool(prev_line) and bool(_SIGN_OFF.match(prev_line))


def _opens_block(info: TextInfo, cand: Candidate) -> bool:
    """Whether a name alone on its line opens its block (the text's first line, after a blank line or
    a sign-off), as a signature does, rather than sitting in a column of headings."""
    line_start, _ = line_bounds(info.text, cand.start)
    if line_start == 0:
        return True
    prev_start, _ = line_bounds(info.text, line_start - 1)
    prev = info.text[prev_start:line_start - 1].strip()
    return not prev or bool(_SIGN_OFF.match(prev)) or prev.endswith((",", "."))


def _address_like(line: str) -> bool:
    if any(c.isdigit() for c in line) or is_post_line(line.strip()):
        return True
    for w in _TOKEN.findall(line):
        if w[0].isupper() and (w in ORG_TAIL_CUES or (w.lower() in NOT_NAME_WORDS and w.lower() not in COMMON_WORDS)):
            return True
    return False


def _after_determiner(text: str, pos: int) -> bool:
    return _word_before(text, pos) in _DETERMINER_BEFORE and text[pos - 2:pos - 1].islower()


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _word_after(text: str, pos: int) -> str:
    m = re.match(r",?[ \t]+([A-Za-z]+)", text[pos:pos + 30])
    return m.group(1).lower() if m else ""


def score(info: TextInfo, cand: Candidate, parties: Sequence[tuple[str, ...]]) -> None:
    """Set `strong` and `weak` on a candidate from its own cues."""
    key = name_key(cand.canonical)
    n_names = sum(1 for t in cand.tokens if t.kind in ("N", "I") and t.text not in cand.honorifics)
    titled = [h for h in cand.honorifics if h.lower().rstrip(".") not in ("the",)]
    if (cand.followed_by_other or _after_determiner(info.flat, cand.start)) and not titled:
        cand.blocked = True
        return  # "the Grace Period", "Upper Mill Street": not a person
    if not titled and not cand.post_nominals and len(cand.names) >= 2 and cand.names[0].lower() not in GIVEN_NAMES \
            and all(w.lower() in info.lower_words for w in cand.names):
        cand.blocked = True
        return  # "Neighbourhood Planning", "Full Debate": words the text also writes in lower case
    if cand.post_follows and not titled and cand.names[0].lower() not in GIVEN_NAMES:
        cand.blocked = True
        return  # "Housing Policy Manager": the words of a post, not a name
    if len(key) == 1:
        if key in parties:
            cand.accept("party")  # a signed first name that is the sender ("Best, Tom")
    elif any(alias_of(key, p) or alias_of(p, key) for p in parties if len(p) >= 2):
        cand.accept("party")
    if titled:
        cand.accept("honorific")
    if cand.post_nominals:
        cand.accept("post-nominal")
    if n_names < 2:
        return
    if cand.posts:
        cand.accept("post-beside-name")
    if cand.line_only and _block_context(info, cand) and (
            _opens_block(info, cand) or cand.names[0].lower() in GIVEN_NAMES or any(t.kind == "I" for t in cand.tokens)):
        cand.accept("signature-block")
    if _word_before(info.flat, cand.start) in SPEECH_VERBS | {"dear"} or _word_after(info.flat, cand.end) in SPEECH_VERBS:
        cand.accept("speech-verb")
    if _PERSONAL_NEXT.match(info.flat, cand.end):  # "Ann Roe and her team", "Ann Roe, who ..."
        cand.accept("pronoun-after-name")
    if any(t.kind == "I" and info.text[t.end:t.end + 1] == "." for t in cand.tokens[:-1]):
        cand.accept("dotted-initial")
    first = cand.names[0].lower()
    surname_common = any(t.lower() in info.lower_words for t in cand.names[1:])
    if first in GIVEN_NAMES and not cand.headline:
        if surname_common:
            cand.weak += 1
        else:
            cand.accept("given-name")
    if cand.possessive:
        cand.weak += 1
    cand.ordinary = _ordinary_word_in(info, cand.names)


def _ordinary_word_in(info: TextInfo, names: Sequence[str]) -> bool:
    """"Review Visit" where the text writes "review visits", "Wexstead Auditors": a word before
    the surname that the text writes in lower case, or a post in the plural, where no given name opens
    the name ("Oriel Bell", a surname that is an ordinary word, may still be read from weak cues)."""
    lower = info.lower_words
    if not names or names[0].lower() in GIVEN_NAMES:
        return False
    if any(w.lower() in lower or w.lower() + "s" in lower for w in names[:-1]):
        return True
    last = names[-1].lower()
    return last.endswith("s") and last[:-1] in POST_WORDS
