"""What sort of document a text is: email, minutes, note, letter, article, report or other.

Rules, strongest first: email headers or an .eml file make an email; headings such as "Minutes of"
with "Present:"/"Apologies" make minutes; "File note"/"Note of" at the top make a note; a salutation,
sign-off or first-person letter phrases make a letter; reporting verbs, quotations and web-page
furniture make an article; "Executive summary"/"Recommendations"/numbered sections make a report.
"""

from __future__ import annotations

import re

from dossier.domain.records import DocumentKind

_EMAIL_SUFFIXES = (".eml", ".msg", ".emlx", ".mbox")
# "Minutes of the Meeting of ...", after a reference ("AB(31)M04 Minutes of ..."), "MINUTES Parish Council
# Meeting ...", the same after a body's name on a flattened line ("Wessex Council Minutes of the Board
# Meeting ..."), a title ending in "Meeting Minutes" / "Committee 2031 Minutes", and a council web page's
# "Agenda, decisions and minutes" / "Agenda and minutes". ("Minutes
# from ... Meeting" is left out for now: read as minutes, its "during the summer" turns into deadlines.)
_MINUTES_HEAD = re.compile(
    r"^(?:(?=[\w()./-]*[A-Za-z])[\w()./-]*\d[\w()./-]*\s+"
    r"|(?-i:(?:[A-Z][\w&’'-]*\s+){0,7}(?:Council|Trust|Authority|Board|Committee|Society|Association|Partnership|"
    r"Group|Forum|Assembly|Commission|Agency|Services?|Limited|Ltd|plc|Company|Corporation|College|University|School)"
    r"\s+))?(?:draft\s+)?(?:(?:minutes|notes)\s+of\s+(?:the\s+)?|minutes\s*[:–—-]?\s+(?!from\b))"
    r"(?:\w+\s+){0,6}?(?:meeting|board|committee|panel|group)\b|^minutes$|^agenda(?:,\s*\w+)*\s+and\s+minutes$"
    r"|^(?:[\w&’'-]+\s+){0,6}(?:meeting|board|committee|council|panel|group)(?:\s+\d{4})?\s+minutes$",
    re.IGNORECASE | re.MULTILINE)
_MINUTES_MARK = re.compile(r"^(?:present|attendees|in\s+attendance|apologies(?:\s+for\s+absence)?|attending|"
                           r"action(?:s|\s+points?)?(?:\s*\([^)]*\))?|chair(?=[ \t]*[:\-–])|chaired\s+by|agenda\s+item\s+\d+|"
                           r"item\s+\d+|matters\s+arising|date\s+of\s+next\s+meeting|any\s+other\s+business)\b\s*[:.\-–]?",
                           re.IGNORECASE | re.MULTILINE)
_NOTE_HEAD = re.compile(r"^(?:file\s+note|note\s+for\s+(?:the\s+)?(?:record|file)|note\s+of\s+(?:a\s+|the\s+)?"
                        r"(?:meeting|call|conversation|discussion|telephone)|briefing\s+note|note\s+to\s+file)\b"
                        r"|^(?:note|memo|memorandum|read-?out)\s*:?\s*$",
                        re.IGNORECASE)
_REPORT_MARK = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:executive\s+summary|summary\s+of\s+recommendations|"
                          r"recommendations|table\s+of\s+contents|contents|introduction|background|methodology|"
                          r"findings|conclusions?|terms\s+of\s+reference|annex\s+[a-z0-9]|appendix\s+[a-z0-9])\s*$",
                          re.IGNORECASE | re.MULTILINE)
_NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*\.?\s+[A-Z][^.\n]{2,60}$", re.MULTILINE)
_LETTER_PHRASE = re.compile(  # case-sensitive on purpose: much faster than IGNORECASE
    r"\b(?:I\s+(?:am\s+(?:now\s+|also\s+)?(?:writing|copying\s+this|grateful\s+for\s+your)|write\s+(?:to|following|about|in|on|with|further|regarding)|"
    r"attach|enclose|look\s+forward\s+to)|[Tt]hank\s+you\s+for\s+your\s+(?:letter|e-?mail)|"
    r"[Ff]urther\s+to\s+your\s+letter|[Ii]n\s+your\s+letter|[Pp]lease\s+do\s+not\s+hesitate)\b")
# a heading that says the text is an open letter: "An open letter from Ann Roe, Chief Executive", "Open letter
# to residents". (A page headed "Letter from X to Y" may be a page about the letter, or a news item.)
_LETTER_HEAD = re.compile(r"^(?:an\s+)?open\s+letter\s+(?:from|to)\s+\S[^\n]{0,200}$", re.IGNORECASE)
_SIGN_OFF_LINE = re.compile(r"^(?:yours\s+(?:sincerely|faithfully|truly|ever)|kind\s+regards|best\s+wishes)\b",
                            re.IGNORECASE | re.MULTILINE)
_ARTICLE_FURNITURE = re.compile(
    r"^(?:related\s+(?:articles|stories|content|links)|comments\s+are\s+closed|comments?\s*\(\d+\)|"
    r"more\s+from\b|share\s+this\b|read\s+more\b|follow\s+us\b|sign\s+up\b|advertisement|"
    r"(?:first\s+)?published\b|last\s+updated\b|by\s+[A-Z][a-z]+\s+[A-Z])",
    re.IGNORECASE | re.MULTILINE)
_REPORTING = re.compile(r"\b(?:said|says|told|announced|added|according\s+to|revealed|warned|claimed|"
                        r"spokes(?:man|woman|person))\b")
_QUOTED = re.compile(r"[“\"][^”\"]{0,800}[”\"]")
_FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")
_SECOND_PERSON = re.compile(r"\b[Yy]our?s?\b")


def _headline(text: str) -> bool:
    """The first line is short, has no closing full stop and is followed by a blank line."""
    head = text.lstrip().split("\n", 2)
    first = head[0].strip()
    return (5 <= len(first) <= 160 and not first.endswith((".", ",", ":")) and len(head) > 1
            and not head[1].strip() and len(first.split()) >= 3)


def detect_kind(text: str, *, is_email: bool = False, has_salutation: bool = False,
                has_signature: bool = False, file_name: str = "", media_type: str = "") -> DocumentKind:
    """The document's kind, from headers, layout and vocabulary."""
    if is_email or file_name.lower().endswith(_EMAIL_SUFFIXES) or media_type.startswith("message/"):
        return DocumentKind.EMAIL
    top = "\n".join([line.strip() for line in text[:4000].splitlines() if line.strip()][:6])
    if _MINUTES_HEAD.search(top) or len(_MINUTES_MARK.findall(text)) >= 3:
        return DocumentKind.MINUTES
    first_lines = [line.strip() for line in text.lstrip().splitlines()[:4] if line.strip()]
    if any(_NOTE_HEAD.match(line) for line in first_lines[:3]) and not has_salutation:
        return DocumentKind.NOTE
    unquoted = _QUOTED.sub(" ", text)
    if (has_salutation or _SIGN_OFF_LINE.search(text) or _LETTER_PHRASE.search(unquoted)
            or any(_LETTER_HEAD.match(line) and not line.endswith(".") for line in first_lines[:3])):
        return DocumentKind.LETTER
    article = (2 * len(_ARTICLE_FURNITURE.findall(text)) + min(len(_REPORTING.findall(unquoted)), 4)
               + min(len(_QUOTED.findall(text)), 3) + (2 if _headline(text) else 0))
    words = max(len(text.split()), 1)
    first, second = len(_FIRST_PERSON.findall(unquoted)), len(_SECOND_PERSON.findall(unquoted))
    letter = (3 if has_signature else 0) + (2 if first * 100 >= words and second * 100 >= words else 0)
    if article >= 5 and article > letter:
        return DocumentKind.ARTICLE
    report = len(_REPORT_MARK.findall(text)) + len(_NUMBERED_HEADING.findall(text)) // 3
    if report >= 2 or (report >= 1 and words > 3000):
        return DocumentKind.REPORT
    if letter >= 2:
        return DocumentKind.LETTER
    if article >= 4:
        return DocumentKind.ARTICLE
    return DocumentKind.OTHER
