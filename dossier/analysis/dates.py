"""Parsing single dates as people write them in UK correspondence.

Two entry points:
    parse_document_date(text)   one date string typed by a user or found in a header
                                ("27/03/2014", "27 Mar 2014", "March 2014", "2014", "2014-03-27")
    parse_date_line(line)       a line that is nothing but a date, perhaps labelled ("Date: ...")
                                and perhaps damaged by a text layer ("1-4 September 2021", "14 Septembcr 2021")
plus date_from_header(value) for an email Date/Sent header.

Numeric dates are read day first (UK), unless only the month-first reading is possible.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from dossier.analysis.vocab import MONTH_NAMES, MONTHS, WEEKDAY_STEM
from dossier.domain.dates import PartialDate, Precision

_WEEKDAY = rf"{WEEKDAY_STEM}\.?,?"
_DAY = r"(?P<day>[0-3]?\d|[1-3][-\s][0-9])(?:\s?(?:st|nd|rd|th)\b)?"  # "1st", or "1 st" as a text layer splits it
_MONTH_WORD = r"(?P<month>[a-z]{3,9})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:gmt|bst|utc|[+-]\d{4})\)?)?)?"
_DATE_FORMS = (
    # Thursday 27th of March 2014 / 27 Mar. 2014 / 27 March, 2014 / this 27th day of March 2014
    rf"(?:{_WEEKDAY}\s*)?(?:(?:the|this)\s+)?{_DAY}(?:\s+day)?(?:\s+of)?\s+{_MONTH_WORD},?\s+{_YEAR}",
    # Thursday, March 27, 2014
    rf"(?:{_WEEKDAY}\s*)?{_MONTH_WORD}\s+{_DAY},?\s+{_YEAR}",
    # 27/03/2014, 27.03.2014, 27-03-14
    rf"(?:{_WEEKDAY}\s*)?(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)",
    # 2014-03-27, 2014/03/27
    r"(?P<iy>(?:19|20)\d\d)(?P<isep>[-/])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)",
    # March 2014, Mar 2014
    rf"{_MONTH_WORD},?\s+{_YEAR}",
    # 2014-03
    r"(?P<my>(?:19|20)\d\d)-(?P<mm>[01]\d)",
    # 03/2014
    r"(?P<mm>[01]?\d)/(?P<my>(?:19|20)\d\d)",
    # 04-Mar-2019 (a system's print of a date)
    rf"(?:{_WEEKDAY}\s*)?(?P<day>[0-3]?\d)-(?P<month>[a-z]{{3,9}})-{_YEAR}",
)
_DATES = tuple(re.compile(rf"(?P<date>{form}){_TIME}", re.IGNORECASE) for form in _DATE_FORMS)
_SEARCHES = tuple(re.compile(rf"(?<![\w/.\-])(?P<date>{form})(?![\w/\-])", re.IGNORECASE)
                  for form in _DATE_FORMS[:3] + _DATE_FORMS[4:5] + _DATE_FORMS[7:])
# a date line with a two-digit year after a month's name: "5 Dec 16", "Monday 5 December 16" (read only
# when the whole line is the date: in running text "5 Dec 16" may be a day and a count)
_SHORT_YEAR_LINE = re.compile(rf"(?P<date>(?:{_WEEKDAY}\s*)?{_DAY}\s+{_MONTH_WORD},?\s+(?P<y>\d\d))", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
_LABEL = re.compile(
    r"^(?:(?:date[d]?|sent|published|posted|first\s+published|last\s+updated|updated|held)\s*(?:on\s*)?[:.\-–]?\s*)",
    re.IGNORECASE)
_TRAIL = re.compile(r"[\s.,;:]+$")
# a number in which a text layer read a digit as a letter: "l9" (19), "O3" (03), "2O14" (2014);
# only a token of 1-4 characters that holds at least one real digit, so words are never touched
_DAMAGED_NUMBER = re.compile(r"(?<![\w])(?=[lIOo]*\d)[\dlIOo]{2,4}(?=st\b|nd\b|rd\b|th\b|[^\w]|$)")
_DIGIT_FOR = str.maketrans("lIOo", "1100")
# a letter read as a digit inside a word: "Apri1", "Ju1y", "Octo0er" is not repaired (two letters)
_DAMAGED_WORD = re.compile(r"(?<=[A-Za-z])[10](?=[A-Za-z]|\b)(?!\d)")
_LETTER_FOR = str.maketrans("10", "lo")


def _month_number(word: str, *, fuzzy: bool) -> int | None:
    """A month name or abbreviation; with `fuzzy`, also a full name with one wrong letter."""
    word = word.lower()
    if word in MONTHS:
        return MONTHS[word]
    if not fuzzy or len(word) < 4:
        return None
    for i, name in enumerate(MONTH_NAMES):
        same_shape = len(name) == len(word) and name[0] == word[0]
        if same_shape and sum(a != b for a, b in zip(name, word, strict=True)) == 1:
            return i + 1
    return None


def _day_number(raw: str, *, fuzzy: bool) -> int | None:
    """A day of the month; with `fuzzy`, "2-7" or "2 7" (a damaged 27) too."""
    if raw.isdigit():
        return int(raw)
    if fuzzy and len(raw) == 3:
        return int(raw[0] + raw[2])
    return None


def _two_digit_year(raw: str) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _build(year: int, month: int | None, day: int | None, text: str) -> PartialDate | None:
    if month is not None and not 1 <= month <= 12:
        return None
    try:
        if day is not None:
            dt.date(year, month or 1, day)
    except ValueError:
        return None
    return PartialDate.of(year, month, day, text=text)


def _from_match(m: re.Match[str], *, fuzzy: bool) -> PartialDate | None:
    text = m.group("date")
    g = m.groupdict()
    month: int | None
    day: int | None
    if g.get("iy"):
        return _build(int(g["iy"]), int(g["im"]), int(g["id"]), text)
    if g.get("my"):
        return _build(int(g["my"]), int(g["mm"]), None, text)
    if g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        day, month = (b, a) if b > 12 >= a else (a, b)
        return _build(_two_digit_year(g["y"]), month, day, text)
    month = _month_number(g["month"], fuzzy=fuzzy)
    if month is None:
        return None
    day = _day_number(g["day"], fuzzy=fuzzy) if g.get("day") else None
    if g.get("day") and day is None:
        return None
    return _build(int(g["year"]), month, day, text)


def _match(s: str, *, fuzzy: bool) -> PartialDate | None:
    """The first date form that matches all of `s` and gives a real date."""
    for pattern in _DATES:
        m = pattern.fullmatch(s)
        if m:
            found = _from_match(m, fuzzy=fuzzy)
            if found is not None:
                return found
    return None


def _clean(text: str) -> str:
    return _TRAIL.sub("", " ".join(text.split()))


def parse_document_date(text: str) -> PartialDate | None:
    """One date string: "27/03/2014", "27 Mar 2014", "March 2014", "2014", ISO "2014-03-27"."""
    s = _clean(text)
    if not s:
        return None
    if _YEAR_ONLY.fullmatch(s):
        return PartialDate.of(int(s), text=s)
    return _match(s, fuzzy=False)


def parse_date_line(line: str) -> PartialDate | None:
    """A line that holds only a date, optionally labelled ("Date:", "Sent:") and followed by a time.

    Tolerates text-layer damage: a split day ("1-4 September 2021", "1 st September 2021"), one wrong
    letter in a month name, a digit for a letter in one ("Apri1 2016") or a letter for a digit ("2O16").
    """
    s = _LABEL.sub("", _clean(line))
    if not s or len(s) > 60 or not any(c.isdigit() for c in s):
        return None
    found = _match(s, fuzzy=True)
    if found is None:
        repaired = _DAMAGED_NUMBER.sub(lambda m: m.group().translate(_DIGIT_FOR), s)
        repaired = _DAMAGED_WORD.sub(lambda m: m.group().translate(_LETTER_FOR), repaired)
        if repaired != s:
            found = _match(repaired, fuzzy=True)
            if found is not None:  # keep the words as written (the repair keeps every offset)
                at = max(repaired.find(found.text), 0)
                found = PartialDate(found.value, found.precision, text=s[at:at + len(found.text)])
    if found is None:
        found = _short_year(s)
    return found


def _short_year(s: str) -> PartialDate | None:
    """"5 Dec 16": a day, a month's name (exactly) and a two-digit year, the whole line."""
    m = _SHORT_YEAR_LINE.fullmatch(s)
    if m is None:
        return None
    month = _month_number(m.group("month"), fuzzy=False)
    day = _day_number(m.group("day"), fuzzy=False)
    if month is None or day is None:
        return None
    return _build(_two_digit_year(m.group("y")), month, day, m.group("date"))


def trailing_date(line: str) -> PartialDate | None:
    """A full date (with its day) that ends a line after something else: a contact line or a
    reference run together with the date below or beside it ("Tel: 0161 496 0000 3 May 2016",
    "Our ref: AB/12 03/05/2016"). Not after a lower-case word: "... held on 3 May 2016" is prose;
    not after a dash: "1 April 2015 – 31 March 2016" is a range."""
    words = line.split()
    if len(words) < 2 or not words[-1].rstrip(".,")[-2:].isdigit():
        return None
    for k in range(min(len(words) - 1, 5), 0, -1):
        found = _match(_clean(" ".join(words[-k:])), fuzzy=False)
        if found is not None:
            before = words[-k - 1]
            if found.precision is not Precision.DAY or (before.isalpha() and before[0].islower()):
                return None
            if before in ("-", "–", "—", "to"):  # the end of a range: "1 April 2015 – 31 March 2016"
                return None
            return found
    return None


def date_from_header(value: str | None) -> PartialDate | None:
    """An email Date (RFC 2822) or a printed "Sent:" value, in the header's own time zone."""
    if not value or not value.strip():
        return None
    raw = " ".join(value.split())
    try:
        stamp = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return parse_date_line(raw)
    return PartialDate.from_date(stamp.date(), text=raw)


def date_spans(text: str) -> list[tuple[PartialDate, int, int]]:
    """Every full date (day or month precision, with a year) in `text`, with its [start, end) span,
    in reading order; where two forms overlap the earlier (then longer) one is kept."""
    found: list[tuple[PartialDate, int, int]] = []
    for pattern in _SEARCHES:
        for m in pattern.finditer(text):
            date = _from_match(m, fuzzy=False)
            if date is not None:
                found.append((date, m.start(), m.end()))
    found.sort(key=lambda f: (f[1], -f[2]))
    out: list[tuple[PartialDate, int, int]] = []
    for item in found:
        if not out or item[1] >= out[-1][2]:
            out.append(item)
    return out


def search_date(text: str) -> PartialDate | None:
    """The first full date (day or month precision, with a year) anywhere in `text`.

    For headings like "Minutes of the meeting held on 4 April 2017"; not for running prose.
    """
    best: tuple[int, PartialDate] | None = None
    for pattern in _SEARCHES:
        for m in pattern.finditer(text):
            found = _from_match(m, fuzzy=False)
            if found is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), found)
                break
    return best[1] if best else None
