"""Who a document is from, to and copied to: a table of named rules, one per layout.

Each rule is data: a kebab-case name, the layout it reads, a finder and the documents it applies to.
For the sender and for the recipients the rules are tried in table order and the first that finds a
person wins, so the order is the priority (a signature before a letterhead, a salutation before an
address block); every copy rule adds its names. Each party found carries the rule that found it and
the character span it read ([start, end) in the document's text; -1 for an email header), which
`read_parties` returns as evidence. Adding a layout is one finder and one row in a table.

The layout primitives (salutation, signature, head names, copy lists) live in parties.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from dossier.analysis.actors_orgs import organisation_name
from dossier.analysis.dates import parse_date_line
from dossier.analysis.names import PARTICLES, is_honorific, person_name, same_person
from dossier.analysis.parties import (
    Layout,
    Signed,
    cc_blocks,
    cc_sentences,
    find_byline,
    fuller_form,
    is_post_line,
    is_post_word,
    is_prose,
    name_and_post,
    split_leading_name,
    to_blocks,
    unique,
)
from dossier.analysis.party_head import (
    HeadName,
    footer_names,
    head_names,
    letterhead_sender,
    recipients_from_head,
)
from dossier.analysis.party_headers import people_in_header
from dossier.domain.findings import Evidence
from dossier.domain.records import DocumentKind, MessageHeaders

HEADING_LINES = 8  # how far down a title, heading or byline naming a party may sit
LABEL_CHARS = 3000  # how far into the text a labelled author ("Reporting officer:") may sit


@dataclass(frozen=True, slots=True)
class Found:
    """A party a rule found, with the span it read."""

    name: str
    start: int = -1
    end: int = -1
    post: str | None = None


class Reading:
    """What the rules read: the text, its layout, its kind and any email headers."""

    def __init__(self, text: str, layout: Layout, kind: DocumentKind, headers: MessageHeaders | None, *,
                 printed: bool, sign_off: Signed | None, closing: Signed | None) -> None:
        self.text = text
        self.layout = layout
        self.kind = kind
        self.headers = headers
        self.printed = printed  # the headers were printed in the text (a memo or a printed email)
        self.sign_off = sign_off  # the signature under a sign-off
        self.closing = closing  # else a signature with no sign-off
        self.signed = sign_off or closing
        self.sender: str | None = None  # set once the sender rules have run

    @cached_property
    def flat(self) -> str:
        return " ".join(self.text.split())

    @cached_property
    def offsets(self) -> tuple[int, ...]:
        """Where each layout line starts in the text (lines are stripped, and may be cut in two);
        -1 for a blank line or one not found."""
        out = []
        pos = 0
        for line in self.layout.lines:
            at = self.text.find(line, pos) if line else -1
            out.append(at)
            if at >= 0:
                pos = at + len(line)
        return tuple(out)

    def span(self, first: int, last: int | None = None) -> tuple[int, int]:
        """The character span of layout lines `first`..`last`; (-1, -1) where they cannot be placed."""
        last = first if last is None else last
        if not 0 <= first <= last < len(self.layout.lines):
            return -1, -1
        start, end = self.offsets[first], self.offsets[last]
        if start < 0 or end < 0:
            return -1, -1
        return start, end + len(self.layout.lines[last])

    def found(self, name: str, line: int, post: str | None = None) -> Found:
        return Found(name, *self.span(line), post=post)

    @cached_property
    def heads(self) -> list[HeadName]:
        return head_names(self.layout)

    @property
    def greeted(self) -> tuple[str, ...]:
        return self.layout.salutation.names if self.layout.salutation else ()

    @cached_property
    def heading_zone(self) -> list[int]:
        """Lines that may hold a title or heading: the first lines, and the line or two after the salutation."""
        zone = list(self.layout.nonblank[:HEADING_LINES])
        if self.layout.salutation is not None:
            zone += [i for i in self.layout.nonblank if i > self.layout.salutation.index][:2]
        return list(dict.fromkeys(zone))


@dataclass(frozen=True, slots=True)
class PartyRule:
    name: str  # kebab-case, recorded as the evidence's rule
    layout: str  # the layout the rule reads, in words
    find: Callable[[Reading], Sequence[Found]]
    applies: Callable[[Reading], bool] = lambda r: True
    signed: bool = False  # the person signed: a salutation naming the same first name does not rule them out


@dataclass(frozen=True, slots=True)
class Parties:
    sender: str | None = None
    sender_post: str | None = None
    recipients: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    evidence: tuple[tuple[str, Evidence], ...] = field(default=())


# ---- when a rule applies --------------------------------------------------------------------------
def _headers(r: Reading) -> bool:
    return r.headers is not None


def _no_headers(r: Reading) -> bool:
    return r.headers is None


def _correspondence(r: Reading) -> bool:
    """A letter, note, report or other paper (an article has an author, not a sender)."""
    return r.headers is None and r.kind is not DocumentKind.ARTICLE


def _paper(r: Reading) -> bool:
    """A letter, note, report or other paper, not minutes (whose officers and members send nothing)."""
    return _correspondence(r) and r.kind is not DocumentKind.MINUTES


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Ww]e|[Oo]ur)\b")
_QUOTED = re.compile(r"[“\"][^”\"]{0,800}[”\"]")


def _own_words(r: Reading) -> bool:
    """Not an article, or an article written in the first person outside quotations (a minister's
    statement on a web page), where a name and post under the title is the author's, not a caption."""
    if r.kind is not DocumentKind.ARTICLE:
        return True
    return len(_FIRST_PERSON.findall(_QUOTED.sub(" ", r.text[:4000]))) >= 2


def _article(r: Reading) -> bool:
    return r.headers is None and r.kind is DocumentKind.ARTICLE


# ---- name helpers ---------------------------------------------------------------------------------
_IMAGE_ALT = re.compile(r"(?:^|\s)(?:Photo|Image|Picture|Portrait)\s+of\s+(?P<n>[^,]{3,60}?)\s+(?=(?P=n)\b)")
_IMAGE_TAIL = re.compile(r"\s+(?:Portrait|Photo|Headshot|Profile\s+picture)$")
_FIRST_PIECE = re.compile(r"\s*[,;(]\s*|\s+[–—-]+\s+|\s*[–—]\s*")
_LIST_SPLIT = re.compile(r"\s*(?:[,;]|\s(?:and|&)\s)\s*")
# words that start a post rather than continue a name run into it ("Ann Roe Strategic Director")
_POST_QUALIFIERS = frozenset({
    "strategic", "corporate", "senior", "interim", "acting", "joint", "associate", "managing", "operational",
    "operations", "programme", "project", "performance", "planning", "finance", "legal", "strategy",
    "commercial", "technical", "clinical", "medical", "nursing", "executive", "deputy", "assistant",
    "principal", "chief", "head", "lead",
})


def _without_image_text(line: str) -> str:
    """A web page's line from its picture's alternative text on ("... Photo of Ann Roe Ann Roe The
    Minister" -> "Ann Roe The Minister"), without a trailing "Portrait"."""
    line = line.strip()
    if "of" in line:
        m = _IMAGE_ALT.search(line)
        if m:
            line = line[m.end():]
    return _IMAGE_TAIL.sub("", line)


def lead_person(text: str) -> tuple[str | None, str]:
    """The person named at the start of `text` ("Rt Hon Ann Roe MP, Minister for X"), and the rest.

    A name run straight into its post ("Ann Roe Strategic Director") stops before the post."""
    text = _without_image_text(text)
    piece = _FIRST_PIECE.split(text, maxsplit=1)[0]
    name = person_name(piece)
    if name and all(is_post_word(t) for t in name.split()):
        return None, text  # "the Convener", "the Registrar": a post, not a person
    if name:
        return name, text[len(piece):].strip(" ,;–—-")
    name, rest = split_leading_name(piece)
    if name is None or (len(name.split()) > 2 and name.split()[-1].lower() in _POST_QUALIFIERS):
        return _name_before_post(piece) or (name, rest)
    return name, rest


def _name_before_post(piece: str) -> tuple[str, str] | None:
    """A name run straight into its post on a flattened line: the capitalised run cut where a post
    word or qualifier starts ("Ann Roe Corporate & Widgets Director" -> "Ann Roe")."""
    tokens = piece.split()
    run: list[str] = []
    for token in tokens[:6]:
        if not token[:1].isupper():
            break
        run.append(token)
    for k in range(len(run), 1, -1):
        if k < len(run) and not (run[k].lower().strip(",.") in _POST_QUALIFIERS or is_post_word(run[k])):
            continue  # the name ends where a post begins
        if run[k - 1].lower().strip(",.") in _POST_QUALIFIERS:
            continue  # and not on a word of the post
        name = person_name(" ".join(run[:k]))
        if name:
            return name, " ".join(tokens[k:])
    return None


def persons_in(text: str) -> list[str]:
    """People named in a phrase such as "the Chief Inspector, Sir Al Bee, and Ann Roe MP"."""
    out = []
    for piece in _LIST_SPLIT.split(text):
        name, rest = lead_person(piece) if piece else (None, "")
        if name and (not rest or is_post_line(rest)):  # not "Ann Roe will lead the review"
            out.append(name)
    return unique(out)


# ---- senders ----------------------------------------------------------------------------------------
def _header_from(r: Reading) -> list[Found]:
    assert r.headers is not None
    values = [r.headers.sender] if r.headers.sender else []
    names = people_in_header(values, prettify_address=True, strict=r.printed)
    return [Found(names[0])] if names else []


def _signed(signed: Signed | None, r: Reading) -> list[Found]:
    return [r.found(signed.name, signed.index, signed.post)] if signed else []


def _sign_off_signature(r: Reading) -> list[Found]:
    return _signed(r.sign_off, r)


def _closing_signature(r: Reading) -> list[Found]:
    return _signed(r.closing, r)


def _closing_name(r: Reading) -> list[Found]:
    """A letter signed with a bare name after its last paragraph, no sign-off, no post: the last line
    is a name, with a blank line and then a paragraph of prose above it."""
    nonblank = list(r.layout.nonblank)
    blocks = cc_blocks(r.layout.lines[nonblank[-4]:]) if len(nonblank) >= 4 else []
    if blocks:  # a copy list under the name
        cut = nonblank[-4] + blocks[0][0]
        nonblank = [i for i in nonblank if i < cut]
    if r.layout.salutation is None or len(nonblank) < 3:
        return []
    i = nonblank[-1]
    above = nonblank[-2]
    if i <= r.layout.salutation.index + 1 or above != i - 2 or not is_prose(r.layout.lines[above]):
        return []
    name = person_name(r.layout.lines[i])
    return [r.found(name, i)] if name else []


def _byline(r: Reading) -> list[Found]:
    byline = find_byline(r.layout)
    return _signed(byline, r)


_HEADING_NOUN = (r"(?:letter|note|memo(?:randum)?|message|advice|submission|e-?mail|response|reply|statement|"
                 r"representations?|minute)")
# a reference before a heading: "GS(NP) 91: Letter from ...", "Annex 15: Letter ...", "Item 4 – Note ..."
_HEADING_REF = r"(?P<ref>(?:[A-Za-z][\w()/.-]*\s+){0,2}[\w()/.-]*\d[\w()/.-]*\s*[:–—-]\s+)?"
# a page's title before a heading noun: "Review of widget licensing: letter from Ann Roe to councils"
_HEADING_TITLE = r"(?P<title>[^:]{3,160}:\s+(?=(?:[\w’'()-]+\s+){0,6}?" + _HEADING_NOUN + r"\s))?"
_HEADING_FROM = re.compile(
    rf"^{_HEADING_TITLE}{_HEADING_REF}(?P<lead>(?:[\w’'()-]+\s+){{0,6}}?{_HEADING_NOUN}\s+)?from\s+(?!:)(?:the\s+(?:private\s+)?office\s+of\s+)?"
    r"(?P<who>\S.*?)(?:,?\s+to\s+(?P<to>\S.*))?$",
    re.IGNORECASE)
_HEADING_TO_FROM = re.compile(  # "Letter to the Chair from Ann Roe MP"
    rf"^{_HEADING_TITLE}{_HEADING_REF}(?P<lead>(?:[\w’'()-]+\s+){{0,6}}?{_HEADING_NOUN}\s+)to\s+(?P<to>\S.*?),?\s+from\s+(?P<who>\S.*)$",
    re.IGNORECASE)
_NOT_A_HEADING = re.compile(r"\b(?:I|we|you|enclose\w*|attach\w*|see|seen|receive[ds]?|sent|wrote|forward\w*)\b",
                            re.IGNORECASE)


def _heading_from(r: Reading) -> list[tuple[int, str, str]]:
    """Heading lines "Letter from X to Y", "Letter to Y from X", "Briefing note from Post, Name, to Post, Name",
    "From Ann Roe MP, Chair of the Committee", "From the Office of Ann Roe", and a page's title before
    any of them ("Review of widgets: letter from X to Y"): (line, X, Y)."""
    out = []
    for i in r.heading_zone:
        line = r.layout.lines[i]
        if len(line) > 240 or line.endswith(".") or ("rom" not in line):
            continue
        m = _HEADING_TO_FROM.match(line) or _HEADING_FROM.match(line)
        if not m or (m.group("lead") and _NOT_A_HEADING.search(m.group("lead"))):
            continue
        if m.group("title") and (not m.group("lead") or _NOT_A_HEADING.search(m.group("title"))):
            continue  # a title before the heading noun, and the heading noun after it
        if not m.group("lead") and not line[m.end("ref") if m.group("ref") else 0:].startswith("From"):
            continue  # a bare "from ..." heading starts with the capitalised word
        out.append((i, m.group("who"), m.group("to") or ""))
    return out


def _heading_sender(r: Reading) -> list[Found]:
    """The "from" of the first heading: a later one heads another letter printed after it (a reply)."""
    for i, who, _to in _heading_from(r)[:1]:
        names = persons_in(who)
        if names:
            name, rest = lead_person(who)  # "from Rt Hon Ann Roe MP, Minister for Widgets": the post too
            post = rest if name == names[0] and rest and is_post_line(rest) else None
            return [r.found(names[0], i, post)]
        named = post_then_name(who)  # "A statement from HM Chief Inspector of Widgets Ann Roe:"
        if named:
            return [r.found(named[0], i, named[1])]
    return []


_HEADING_BY = re.compile(
    r"^(?:(?:(?:[\w’'()-]+\s+){0,5}?(?:statement|memorandum|letter|note|submission|evidence|report|paper|answer|"
    r"response|briefing|question|foreword|preface|article|blog|post)(?:\s+(?:submitted|written|made|sent|prepared|"
    r"presented|given|issued|laid))?|answered|written|submitted|prepared|presented|issued|made|posted|published)\s+)?"
    r"by:?\s+(?P<who>\S.*)$",
    re.IGNORECASE)


_FROM_LABEL = re.compile(r"^From\s*:\s*(?P<who>\S.*)$", re.IGNORECASE)


def _from_label(r: Reading) -> list[Found]:
    """A web page's "From: Department for Widgets and The Rt Hon Ann Roe MP" under its title (with no
    other header lines): the first person it names."""
    for i in r.heading_zone:
        m = _FROM_LABEL.match(r.layout.lines[i])
        if m:
            names = persons_in(m.group("who"))
            if names:
                return [r.found(names[0], i)]
    return []


def _heading_by(r: Reading) -> list[Found]:
    """A title naming its author: "Written statement by Ann Roe MS, Minister for X",
    "Further memorandum submitted by Rt Hon Ann Roe MP", "Answered by Ann Roe", "BY ANN ROE"."""
    for i in r.heading_zone:
        line = r.layout.lines[i]
        if len(line) > 240 or "by" not in line.lower() or (line.endswith(".") and is_prose(line)):
            continue
        m = _HEADING_BY.match(line)
        if m and not _NOT_A_HEADING.search(line[: m.start("who")]):
            name, rest = lead_person(m.group("who"))
            if name:
                return [r.found(name, i, rest if rest and is_post_line(rest) else None)]
            names = persons_in(m.group("who"))  # "Statement by the Leader of the Council, Cllr Ann Roe"
            if names:
                return [r.found(names[0], i)]
            named = post_then_name(m.group("who"))  # "Statement by HM Chief Inspector of Widgets Ann Roe"
            if named:
                return [r.found(named[0], i, named[1])]
    return []


_SPEAKER = re.compile(r"^(?P<post>(?:The\s+)?[A-Z][^():]{3,120}?)\s*\((?P<who>[^()]{3,60})\)"
                      r"\s*(?::|made\s+(?:the\s+following|a)\s+(?:written\s+|oral\s+)?(?:ministerial\s+)?statement)")


def _speaker_label(r: Reading) -> list[Found]:
    """A statement's speaker: "The Minister for Widgets (Ann Roe): I am announcing ...", "The Secretary
    of State for Widgets (Ann Roe) made the following statement". Only in a statement: the first
    speaker in a debate sends nothing."""
    if "statement" not in r.text[:2000].lower():
        return []
    for i in r.layout.nonblank[:40]:
        line = r.layout.lines[i]
        if "(" not in line or ("):" not in line and ") made" not in line):
            continue
        m = _SPEAKER.match(line)
        if m and is_post_line(m.group("post")):
            name = person_name(m.group("who"))
            if name:
                start = r.offsets[i]
                return [Found(name, start, start + m.end(), m.group("post"))]
    return []


def _name_post_line(r: Reading) -> list[Found]:
    """A statement or web page naming its author and post on one line of its own near the top:
    "Ann Roe, Minister for Widgets", "Ann Roe The Secretary of State for Widgets" (and a picture's
    alternative text before it). Not in a letter, where such a line is an address block."""
    if r.layout.salutation is not None:
        return []
    lines = r.layout.lines
    own = _own_words(r)
    nonblank = r.layout.nonblank
    previous = ""
    for n, i in enumerate(nonblank[:HEADING_LINES]):
        line, label = _without_image_text(lines[i]), previous.endswith(":")
        previous = line
        if len(line) > 160 or label or is_prose(line) or (i + 1 < len(lines) and lines[i + 1]):
            continue  # a name under "Present:" is a list's, not the author's
        if not own and not (n + 1 < len(nonblank) and _PUBLISHED.match(lines[nonblank[n + 1]])):
            continue  # in a news article, a caption; an author's line is followed by when it was published
        named = name_and_post(line)
        if named and named[1]:
            return [r.found(named[0], i, named[1])]
    return []


# the line under an author's name and post on a web page: "First published:", "Published on 4 May 2031"
_PUBLISHED = re.compile(r"^(?:first\s+)?(?:published|posted|issued)\b", re.IGNORECASE)


def _letterhead(r: Reading) -> list[Found]:
    top = letterhead_sender(r.layout, r.heads)
    if top is None or any(same_person(g, top.name) for g in r.greeted):
        return []
    return [r.found(top.name, top.index, top.post)]


def _address_before_date(r: Reading) -> list[Found]:
    """A writer's name and address printed above the date, the addressee's block below it:
    "Ann Roe / 12 Elm Road / Wessex" - "4 May 2031" - "Tom Vale / Wessex County Council" - "Dear Mr Vale"."""
    if r.layout.salutation is None:
        return []
    lines = r.layout.lines
    date_at = next((i for i in r.layout.nonblank if i < r.layout.head_end and parse_date_line(lines[i])), None)
    if date_at is None:
        return []
    before = [h for h in r.heads if h.index < date_at and h.block >= 1]
    after = [h for h in r.heads if h.index > date_at]
    greeted = r.greeted
    addressed = bool(after) or (greeted and not any(same_person(g, h.name) for g in greeted for h in before))
    if len(before) != 1 or not addressed:
        return []
    return [r.found(before[0].name, before[0].index, before[0].post)]


def post_then_name(phrase: str) -> tuple[str, str] | None:
    """A post and then the name that ends the phrase: "Chief Commissioner Sir Ann Roe",
    "HM Chief Inspector of Widgets Ann Roe:" -> (name, post); None where the words before the name
    are not a post in title case."""
    tokens = phrase.strip().rstrip(":").split()
    if not 3 <= len(tokens) <= 12:
        return None
    for k in range(2, min(5, len(tokens) - 1) + 1):
        head, tail = tokens[:-k], tokens[-k:]
        if is_honorific(head[-1]) or tail[0].lower() in PARTICLES:
            continue
        if not all(t[0].isupper() or t in ("of", "for", "and", "&", "the") for t in head):
            return None
        if not any(is_post_word(t) for t in head):
            return None
        name = person_name(" ".join(tail))
        return (name, " ".join(head)) if name else None
    return None


def _post_name_line(r: Reading) -> list[Found]:
    """A post and then a name on a short line under a title: "Chief Commissioner Sir Ann Roe",
    "Director of Housing Ann Roe"."""
    for i in r.layout.nonblank[:HEADING_LINES * 2]:
        line = r.layout.lines[i]
        if not 3 <= len(line.split()) <= 10 or line.endswith((".", ":", ",")) or is_prose(line):
            continue
        named = post_then_name(line)
        if named:
            return [r.found(named[0], i, named[1])]
    return []


_AUTHOR_LABEL = re.compile(
    r"(?:^|(?<=\s))(?:reporting\s+officer|report\s+(?:of|by|from|author)|author|lead\s+officer|signed|"
    r"(?:made|written|posted)\s+by)"
    r"\s*:[ \t]*", re.IGNORECASE)
_ASK_FOR_LABEL = re.compile(r"(?:^|(?<=\s))(?:please\s+ask\s+for|ask\s+for|enquiries\s+to)\s*:[ \t]*", re.IGNORECASE)
# the next label on a line of fields: "CONTACT OFFICER:" or "Contact officer:"
_NEXT_LABEL = re.compile(r"\s+(?:[A-Z]+(?:\s+[A-Z]+){0,3}|[A-Z][a-z]+(?:\s+[a-z]+){0,3})\s*:|\s{3,}|\n")
_OTHER_LABEL = re.compile(r"^(?:[A-Z][\w’']*(?:\s+[\w’']+){0,3}\s*:\s*)+")  # a second-language label beside the label


def _labelled(r: Reading, label: re.Pattern[str]) -> list[Found]:
    """The name after a label ("Reporting officer: Ann Roe Strategic Director"), on its line or,
    where the line holds only labels, on the next line with text."""
    head = r.text[:LABEL_CHARS]
    for m in label.finditer(head):
        value = _NEXT_LABEL.split(head[m.end(): m.end() + 200], maxsplit=1)[0]
        name, rest = lead_person(value) if value.strip() else (None, "")
        rest = rest.strip(" ()")  # "Made by: Ann Roe (Secretary of State for Widgets)"
        post = rest if name and rest and is_post_line(rest) else None
        end = m.end() + len(value)
        if name is None and not _OTHER_LABEL.sub("", value).strip():
            after = head[m.end() + len(value):].lstrip(" \t")
            blocks = after.split("\n\n", 2)
            for block in blocks[:2]:
                block = block.strip()
                if block:
                    first = block.split("\n", 1)[0].strip()
                    name = person_name(first)
                    end = head.find(first, m.end()) + len(first)
                    break
        if name:
            return [Found(name, m.start(), end, post)]
    return []


def _author_label(r: Reading) -> list[Found]:
    """A committee report's "Reporting officer:" / "Report of:" / "Author:" field."""
    return _labelled(r, _AUTHOR_LABEL)


def _ask_for_label(r: Reading) -> list[Found]:
    """A council letter's contact line, "Please ask for: Ann Roe", when nothing better names the sender."""
    return _labelled(r, _ASK_FOR_LABEL)


SENDER_RULES: tuple[PartyRule, ...] = (
    PartyRule("header-from", "an email's From header, or a From: line printed at the top of an email or memo",
              _header_from, _headers),
    PartyRule("sign-off-signature", "the name under \"Yours sincerely\" / \"Kind regards\"", _sign_off_signature,
              lambda r: r.kind is not DocumentKind.ARTICLE or r.headers is not None, signed=True),
    PartyRule("closing-signature", "a name with a post or post-nominals alone after the last paragraph",
              _closing_signature, lambda r: r.kind is not DocumentKind.ARTICLE or r.headers is not None, signed=True),
    PartyRule("closing-name", "a bare name alone after a letter's last paragraph", _closing_name, _correspondence,
              signed=True),
    PartyRule("byline", "\"By Ann Roe, Political Editor\" under an article's headline", _byline, _article),
    PartyRule("heading-from", "a heading \"Letter from Ann Roe to Tom Vale\" or \"From Ann Roe MP, Chair of ...\"",
              _heading_sender, _correspondence),
    PartyRule("from-label", "a \"From:\" line naming bodies and people under a page's title, with no other headers",
              _from_label, _no_headers),
    PartyRule("heading-by", "a title \"Written statement by Ann Roe MS, Minister for ...\" / \"Answered by Ann Roe\"",
              _heading_by, _no_headers),
    PartyRule("speaker-label", "a statement's \"The Minister for X (Ann Roe):\"", _speaker_label, _no_headers),
    PartyRule("name-post-line", "\"Ann Roe, Minister for X\" alone on a line under a statement's title",
              _name_post_line, lambda r: r.headers is None and r.kind is not DocumentKind.MINUTES),
    PartyRule("letterhead", "a name with its post at the very top of a letter", _letterhead, _correspondence),
    PartyRule("address-before-date", "the writer's name and address above the date, the addressee's below it",
              _address_before_date, _paper),
    PartyRule("post-name-line", "\"Chief Commissioner Sir Ann Roe\" under a title", _post_name_line, _paper),
    PartyRule("author-label", "a report's \"Reporting officer: Ann Roe\" / \"Report of:\" / \"Author:\", a statement's "
              "or a post's \"Made by:\" / \"Written by:\" / \"Posted by:\"",
              _author_label, lambda r: r.headers is None and r.kind is not DocumentKind.MINUTES),
    PartyRule("please-ask-for", "a council letter's \"Please ask for: Ann Roe\"", _ask_for_label, _paper),
)


# ---- recipients -------------------------------------------------------------------------------------
def _header_to(r: Reading) -> list[Found]:
    assert r.headers is not None
    return [Found(n) for n in people_in_header(r.headers.to, prettify_address=False, strict=r.printed)]


def _salutation(r: Reading) -> list[Found]:
    """The salutation's names ("Dear Ann and Tom"), completed from an address block in the head or at
    the foot, a heading "Letter from X to Ann Roe", a "To:" list ("Dear Ms Roe" -> "Ann Roe") or, for a first
    name, the one surname after it in a run-together head line; a title
    ("Dear Chair") names nobody."""
    salutation = r.layout.salutation
    if salutation is None or not salutation.names:
        return []
    if r.headers is not None:
        return [r.found(n, salutation.index) for n in salutation.names]
    sender = r.sender
    names = [h for h in r.heads if not (sender and same_person(sender, h.name))]
    footer = footer_names(r.layout, r.signed.index if r.signed else r.layout.head_end)
    heading = [HeadName(i, n, None, 0) for i, _who, to in _heading_from(r) for n in persons_in(to)]
    heading += [HeadName(first, n, None, 0) for first, _last, listed in to_blocks(r.layout.lines[:r.layout.head_end])
                for n in listed]
    out = []
    for short in salutation.names:
        match = next((h for h in [*names, *footer, *heading] if same_person(short, h.name)), None)
        if match is None and len(short.split()) == 1:
            match = _first_name_in_head(r, short)
        out.append(r.found(match.name, match.index) if match else r.found(short, salutation.index))
    return out


def _first_name_in_head(r: Reading, first: str) -> HeadName | None:
    """A first name greeted ("Dear Tom,") completed from the one surname that follows it in the letter's
    head, where the address line runs name, post and more together ("Rt Hon Tom Vale MP Secretary of
    State for Widgets By email"); none where the head has two different ones."""
    pattern = re.compile(rf"\b{re.escape(first)}\s+([A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?)\b")
    found: dict[str, int] = {}
    for i in r.layout.nonblank:
        if i >= r.layout.head_end:
            break
        for m in pattern.finditer(r.layout.lines[i]):
            surname = m.group(1)
            if surname.lower() in PARTICLES or is_honorific(surname) or is_post_word(surname):
                continue
            name = person_name(f"{first} {surname}")
            if name:
                found.setdefault(name, i)
    if len(found) != 1:
        return None
    name, i = next(iter(found.items()))
    return HeadName(i, name, None, 0)


def _to_list(r: Reading) -> list[Found]:
    """A "To:" list in a letter's head ("To: Ann Roe, Chief Executive" / "Tom Vale, Director"),
    as under "Dear Colleagues"."""
    end = r.layout.head_end
    return [Found(n, *r.span(first, last)) for first, last, names in to_blocks(r.layout.lines[:end]) for n in names]


def _heading_to(r: Reading) -> list[Found]:
    """The "to" of a heading "Letter from Ann Roe to Tom Vale" / "... to the Minister, Tom Vale MP"."""
    for i, _who, to in _heading_from(r)[:1]:  # the first heading's; a later one heads a reply
        names = persons_in(to)
        if names:
            return [r.found(n, i) for n in names]
    return []


def _address_block(r: Reading) -> list[Found]:
    """The last name block in the head of a letter (the addressee's), not the sender's own lines."""
    names = recipients_from_head(r.layout, r.heads, r.sender, ())
    by_name = {h.name: h.index for h in r.heads}
    return [r.found(n, by_name.get(n, -1)) for n in names]


_GREETED = re.compile(r"^(?:My\s+)?[Dd]ear\s+(?P<who>[A-Z][^,;:!.]{2,70}?)\s*[,:]?$")
_BODY_JOINERS = frozenset({"of", "for", "and", "&", "the", "on"})
_GROUP_WORDS = frozenset({"members", "all", "colleagues", "councillors", "residents", "friends", "staff", "trustees",
                          "directors", "governors", "officers", "partners", "parents", "neighbours"})


def _salutation_body(r: Reading) -> list[Found]:
    """A letter or request that greets a body by its name, "Dear Wessex County Council,", as a request
    made through a public website does: the body is the recipient. Not a post ("Dear Chief Executive"),
    a bare "Dear Council", a group ("Dear Members of the Board") or a phrase in lower case."""
    salutation = r.layout.salutation
    if salutation is None or salutation.names:
        return []
    m = _GREETED.match(r.layout.lines[salutation.index])
    if not m:
        return []
    who = m.group("who").strip()
    words = who.split()
    if words[0].lower() in _GROUP_WORDS:
        return []  # "Dear Members of the Widgets Committee": people, not named
    if len(words) < 2 or not all(w[:1].isupper() or w.lower() in _BODY_JOINERS for w in words):
        return []
    if is_post_line(who) or not organisation_name(who):
        return []
    name = who[4:] if who.startswith("The ") else who
    return [r.found(name, salutation.index)]


RECIPIENT_RULES: tuple[PartyRule, ...] = (
    PartyRule("header-to", "an email's To header, or a To: line printed at the top", _header_to, _headers),
    PartyRule("salutation", "\"Dear Ann Roe\" (completed from the address block)", _salutation),
    PartyRule("to-list", "a \"To:\" list of names and posts in a letter's head", _to_list, _correspondence),
    PartyRule("heading-to", "a heading \"Letter from Ann Roe to Tom Vale\"", _heading_to, _correspondence),
    PartyRule("address-block", "a name block before the date and salutation", _address_block,
              _correspondence),
    PartyRule("salutation-body", "\"Dear Wessex County Council,\": a salutation greeting a body by its name",
              _salutation_body, _no_headers),
)


# ---- copy lists -------------------------------------------------------------------------------------
def _header_cc(r: Reading) -> list[Found]:
    assert r.headers is not None
    return [Found(n) for n in people_in_header(r.headers.cc, prettify_address=False, strict=r.printed)]


def _copy_to_list(r: Reading) -> list[Found]:
    return [Found(n, *r.span(first, last)) for first, last, names in cc_blocks(r.layout.lines) for n in names]


def _copy_sentence(r: Reading) -> list[Found]:
    return [Found(n, start, end) for start, end, names in cc_sentences(r.text) for n in names]


CC_RULES: tuple[PartyRule, ...] = (
    PartyRule("header-cc", "an email's Cc header, or a Cc: line printed at the top", _header_cc, _headers),
    PartyRule("copy-to-list", "\"cc:\" / \"Copy to:\" / \"Copies:\" lines and the list under them", _copy_to_list,
              _correspondence),
    PartyRule("copy-sentence", "\"I am copying this letter to ...\", \"I have copied this to ...\"", _copy_sentence,
              lambda r: r.kind is not DocumentKind.ARTICLE or r.headers is not None),
)


# ---- reading the parties ----------------------------------------------------------------------------
def _first(rules: Sequence[PartyRule], r: Reading, *, greeted: Sequence[str] = ()) -> tuple[
        PartyRule | None, Sequence[Found]]:
    """The first rule that finds someone, and whom it finds (never someone the salutation greets)."""
    for rule in rules:
        if rule.applies(r):
            found = [f for f in rule.find(r) if rule.signed or not any(same_person(g, f.name) for g in greeted)]
            if found:
                return rule, found
    return None, ()


def read_parties(r: Reading) -> Parties:
    """Sender, recipients and copy list by the rule tables, each with the rule that found it.

    Minutes of a meeting (not sent as an email) have none: the names in their head are the attendance,
    and the name under them is the chair's who signs them as a true record."""
    if r.headers is None and r.kind is DocumentKind.MINUTES:
        return Parties()
    evidence: list[tuple[str, Evidence]] = []
    rule, found = _first(SENDER_RULES[:1], r) if r.headers is not None else (None, ())
    if not found:
        rule, found = _first(SENDER_RULES, r, greeted=r.greeted)
    sender = found[0] if found else None
    post = sender.post if sender else None
    if sender is not None and rule is not None:
        r.sender = sender.name
        evidence.append(("sender", Evidence(rule.name, sender.start, sender.end)))
        if r.headers is not None:
            post = r.signed.post if r.signed and same_person(r.signed.name, sender.name) else None
            if post is None and r.printed and r.headers.sender and "@" not in r.headers.sender:
                rest = lead_person(r.headers.sender)[1]  # a memo's "From: Ann Roe, Chief Executive"
                post = rest if rest and is_post_line(rest) else None
        elif post is None:
            post = next((h.post for h in r.heads if h.post and same_person(sender.name, h.name)), None)
    rule, found = _first(RECIPIENT_RULES, r)
    recipients: list[str] = []
    for f in found:
        if f.name not in recipients and f.name != r.sender:
            recipients.append(f.name)
            evidence.append((f"recipients:{f.name}", Evidence(rule.name if rule else "", f.start, f.end)))
    finds = [(rule, f) for rule in CC_RULES if rule.applies(r) for f in rule.find(r)]
    finds.sort(key=lambda pair: pair[1].start)  # header first, then in the order of the text
    cc: list[str] = []
    for rule, f in finds:
        name = fuller_form(f.name, r.flat) if rule.name != "header-cc" else f.name
        if name.lower() in (c.lower() for c in cc) or name in recipients:
            continue
        cc.append(name)
        evidence.append((f"cc:{name}", Evidence(rule.name, f.start, f.end)))
    return Parties(sender.name if sender else None, post, tuple(recipients), tuple(cc), tuple(evidence))
