"""detect_metadata: a document's kind, own date, parties, title, reference and protective marking.

Pure and fast: one pass of line-level rules over the text (the party rules are a table in
party_rules.py, their layout primitives in parties.py).
Email headers (or From/To/Sent lines printed at the top of the text) take precedence over the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.analysis.dates import parse_date_line
from dossier.analysis.docdate import document_date
from dossier.analysis.kind import detect_kind
from dossier.analysis.parties import Layout, build_layout, find_closing_signature, find_sign_off_signature
from dossier.analysis.party_headers import printed_headers
from dossier.analysis.party_rules import Reading, read_parties
from dossier.analysis.vocab import GIVEN_NAMES, HONORIFICS
from dossier.domain.records import DetectedMetadata, DocumentKind, MessageHeaders

_MARKING = re.compile(
    r"^(?P<base>TOP\s+SECRET|SECRET|OFFICIAL(?:\s*[-–—:]?\s*SENSITIVE)?|RESTRICTED|CONFIDENTIAL|PROTECT)"
    r"(?:\s*[-–—:]\s*[A-Z][A-Z ]{2,30})?$")
_REFERENCE = re.compile(
    r"^(?:our\s+ref(?:erence)?|ref(?:erence)?(?:\s+no\.?|\s+number)?|case\s+ref(?:erence)?|file\s+ref)"
    r"\s*[:.]?\s*(?P<ref>\S.*?)\s*$", re.IGNORECASE)
_REF_STOP = re.compile(r"\s{2,}|\t|\s+your\s+ref|\s+date\b", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:re|subject|subj)\s*[:.\-–]\s*(?P<title>\S.{2,200})$", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")


def find_marking(layout: Layout) -> str | None:
    """A protective marking in capitals alone on one of the first or last lines."""
    edge = layout.nonblank[:3] + layout.nonblank[-3:]
    for i in edge:
        m = _MARKING.match(layout.lines[i])
        if m:
            base = " ".join(m.group("base").split())
            if base.startswith("OFFICIAL") and "SENSITIVE" in base:
                return "OFFICIAL-SENSITIVE"
            return base
    return None


def find_reference(layout: Layout) -> str | None:
    """"Our ref: X" / "Ref: X" / "Reference: X" in the head or the last lines (not "Your ref")."""
    for i in layout.nonblank[:40] + layout.nonblank[-10:]:
        m = _REFERENCE.match(layout.lines[i])
        if not m:
            continue
        ref = _REF_STOP.split(m.group("ref"), maxsplit=1)[0].strip(" .,;")
        if ref and len(ref) <= 40 and len(ref.split()) <= 4 and any(c.isdigit() or c == "/" for c in ref):
            return ref
    return None


# -- titles: a table of named rules, strongest first ------------------------------------------------

# web-page furniture at the top of a saved page: never a title
_FURNITURE = re.compile(
    r"^(?:skip\s+to\s+(?:main\s+)?content|skip\s+(?:to\s+)?navigation|jump\s+to\b|cookies?\s+on\b|"
    r"(?:we\s+use|this\s+site\s+uses)\s+cookies|accept\s+(?:all\s+)?(?:additional\s+)?cookies|reject\s+"
    r"(?:all\s+)?(?:additional\s+)?cookies|cookie\s+(?:settings|policy|preferences)|manage\s+cookies|"
    r"menu|search|home|top|sign\s+in|log\s*in|main\s+navigation|breadcrumbs?|you\s+are\s+here\b|"
    r"print(?:\s+this\s+page)?|share(?:\s+this\s+page)?|back\s+to\s+top|this\s+site\s+is\s+intended\b|"
    r"(?:total\s+)?page\s*:?\s*\d+|title\s+\d+\b)",
    re.IGNORECASE)
# "RE SCHOOL TRANSPORT REVIEW" / "RE Ann Roe's complaint": "RE" in capitals, then words
_RE_CAPS = re.compile(r"^RE\s+(?P<title>[A-Z0-9][^\n]{2,200})$")
# an address line: a house number and a street, or a postcode
_ADDRESS = re.compile(r"^\d+[a-z]?\s+\w|\b(?:street|road|lane|avenue|square|house|place|way|close|drive|court)\b"
                      r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class TitleRule:
    """A named way of reading a document's title; `examples` are invented."""

    name: str
    description: str
    find: Callable[[Layout, DocumentKind, MessageHeaders | None], str | None]
    examples: tuple[str, ...] = ()


def _email_subject(layout: Layout, kind: DocumentKind, headers: MessageHeaders | None) -> str | None:
    if headers is not None and headers.subject:
        return " ".join(headers.subject.split())
    return None


def _subject_zone(layout: Layout) -> list[int]:
    """The head of a letter, and the first lines after its salutation."""
    zone = [i for i in layout.nonblank if i < layout.head_end]
    if layout.salutation is not None:
        zone += [i for i in layout.nonblank if i > layout.salutation.index][:3]
    return zone


def _subject_line(layout: Layout, kind: DocumentKind, headers: MessageHeaders | None) -> str | None:
    for i in _subject_zone(layout):
        line = layout.lines[i]
        m = _SUBJECT.match(line) or _RE_CAPS.match(line)
        if m:
            return m.group("title").strip()
    return None


def _names_a_person(line: str) -> bool:
    """"ANN ROE", "Dr Ann Roe": a name (a given name or a title first), not a subject."""
    words = [w.strip(".,").casefold() for w in line.split()]
    return len(words) <= 4 and bool(words) and (words[0] in GIVEN_NAMES or words[0] in HONORIFICS)


def _capitals_after_salutation(layout: Layout, kind: DocumentKind, headers: MessageHeaders | None) -> str | None:
    """"Dear Ann," then "SCHOOL TRANSPORT REVIEW": the first line after the salutation, in capitals."""
    if layout.salutation is None:
        return None
    following = [i for i in layout.nonblank if i > layout.salutation.index][:1]
    for i in following:
        line = layout.lines[i].strip()
        letters = _LETTERS.findall(line)
        if (len(line) > 120 or len(line.split()) < 2 or line.endswith((".", ",", ":", ";")) or len(letters) < 6
                or sum(c.isupper() for c in letters) < 0.9 * len(letters)):
            return None
        if _names_a_person(line) or _ADDRESS.search(line) or parse_date_line(line) or _MARKING.match(line):
            return None
        return line
    return None


def _heading_line(layout: Layout, kind: DocumentKind, headers: MessageHeaders | None) -> str | None:
    """The heading of an article, minutes, note or report: its first line that is not a marking, a
    date or a web page's furniture, when it reads as a heading (no closing full stop)."""
    if kind not in (DocumentKind.ARTICLE, DocumentKind.MINUTES, DocumentKind.NOTE, DocumentKind.REPORT):
        return None
    seen = 0
    for i in layout.nonblank[:8]:
        line = layout.lines[i]
        if _FURNITURE.match(line.strip()) and len(line) <= 80:
            continue
        seen += 1
        if seen > 3:
            break
        if _MARKING.match(line) or parse_date_line(line):
            continue
        if len(line) <= 200 and not line.endswith("."):
            return line
        break
    return None


_MINUTES_OF = re.compile(
    r"^minutes\s+of\s+(?:the\s+)?(?:(?:public|extraordinary|annual|ordinary|special|virtual|remote|formal)\s+)*"
    r"(?:meeting\s+of\s+(?:the\s+)?)?(?P<body>.+?)(?=\s+(?:held|which\s+took|taken|on|at|in|via)\b|\s*[,(:]|\s*$)",
    re.IGNORECASE)
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"})


def _title_case(text: str) -> str:
    """"BOARD OF DIRECTORS" -> "Board of Directors" (a heading in capitals, as a title reads); a short
    word keeps its capitals, as an acronym does ("WESSEX NHS TRUST" -> "Wessex NHS Trust")."""
    out = []
    for k, word in enumerate(text.split()):
        low = word.lower()
        if k and low in _SMALL_WORDS:
            out.append(low)
        elif len(word) <= 3 and word.isalpha():
            out.append(word)  # an acronym keeps its capitals ("NHS", "UK")
        else:
            out.append(low[:1].upper() + low[1:])
    return " ".join(out)


def _minutes_line(layout: Layout, kind: DocumentKind, headers: MessageHeaders | None) -> str | None:
    """Minutes by the body that met: "MINUTES OF THE MEETING OF THE CABINET HELD ON ..." under the
    council's name reads "Minutes of the Cabinet, Wessex County Council"; "Minutes of the meeting held
    on ..." under "CABINET" takes the body from the line above."""
    if kind is not DocumentKind.MINUTES:
        return None
    heads: list[str] = []  # the heading lines above, in order (no figures: an item number or a time is none)
    for i in layout.nonblank[:8]:
        line = " ".join(layout.lines[i].split())
        m = _MINUTES_OF.match(line)
        if m is None:
            if not _FURNITURE.match(line) and not _MARKING.match(line) and not parse_date_line(line) \
                    and len(line) <= 80 and not line.endswith(".") and not any(c.isdigit() for c in line):
                heads.append(_title_case(line) if line.isupper() else line)
            continue
        body = re.sub(r"\s+meeting$", "", m.group("body").strip(" .:-"), flags=re.IGNORECASE)
        if len(body) > 100:
            return None
        body = _title_case(body) if body.isupper() else body
        if body.casefold() in ("", "meeting"):
            if not heads:
                return None
            body = heads.pop()
        title = f"Minutes of the {body}" if not body.casefold().startswith("the ") else f"Minutes of {body}"
        if heads and heads[-1].casefold() not in title.casefold():
            title += f", {heads[-1]}"
        return title
    return None

TITLE_RULES: tuple[TitleRule, ...] = (
    TitleRule("email-subject", "an email's Subject header", _email_subject),
    TitleRule("subject-line", "a Re:/Subject: line (or RE in capitals) in a letter's head or just after its"
              " salutation", _subject_line,
              ("Re: School transport review", "Subject: Parking permits", "RE SCHOOL TRANSPORT REVIEW")),
    TitleRule("capitals-after-salutation", "the line after Dear ..., in capitals (not a name, an address,"
              " a date or a marking)", _capitals_after_salutation, ("Dear Ann,\n\nSCHOOL TRANSPORT REVIEW",)),
    TitleRule("minutes-of", "a \"Minutes of the meeting of ...\" line: the body that met, with the organisation"
              " named above it", _minutes_line,
              ("WESSEX COUNTY COUNCIL\n\nMINUTES OF THE MEETING OF THE CABINET HELD ON 3 MARCH 2020",)),
    TitleRule("heading", "the first line of an article, minutes, note or report that reads as a heading,"
              " past a web page's furniture (Skip to main content, Cookies on ...)", _heading_line,
              ("Minutes of the Transport Board",)),
)


def find_title(layout: Layout, kind: DocumentKind, headers: MessageHeaders | None) -> str | None:
    """The document's title by the first rule of TITLE_RULES that finds one; None if none does."""
    for rule in TITLE_RULES:
        title = rule.find(layout, kind, headers)
        if title:
            return title
    return None


def _is_email_like(headers: MessageHeaders) -> bool:
    """Printed headers are an email's (not a memo's) when they carry an address or a send time."""
    values = " ".join(v for v in (headers.sender, *headers.to, *headers.cc) if v)
    return "@" in values or bool(headers.date and _CLOCK.search(headers.date))


def detect_metadata(text: str, *, headers: MessageHeaders | None = None, file_name: str = "",
                    media_type: str = "", file_date: str | None = None) -> DetectedMetadata:
    """Everything analysis can tell about a document from its text (and email headers, if any)."""
    layout = build_layout(text)
    printed = printed_headers(layout) if headers is None else None
    source = headers or printed
    is_email = headers is not None or (printed is not None and _is_email_like(printed))
    sign_off = find_sign_off_signature(layout)
    closing = None if sign_off else find_closing_signature(layout)
    signed = sign_off or closing
    kind = detect_kind(text, is_email=is_email, has_salutation=layout.salutation is not None,
                       has_signature=signed is not None, file_name=file_name, media_type=media_type)
    header = source.date if source is not None else None
    dated = document_date(text, layout, kind, header=header, printed=headers is None, file_date=file_date)
    parties = read_parties(Reading(text, layout, kind, source, printed=headers is None, sign_off=sign_off,
                                   closing=closing))
    return DetectedMetadata(
        kind=kind,
        date=dated.date if dated else None,
        sender=parties.sender,
        sender_post=parties.sender_post,
        recipients=parties.recipients,
        cc=parties.cc,
        title=find_title(layout, kind, source),
        reference=find_reference(layout),
        marking=find_marking(layout),
        evidence=((("date", dated.evidence),) if dated else ()) + parties.evidence,
    )
