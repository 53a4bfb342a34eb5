"""Layouts that name people, as a table of named rules.

Each rule is a pattern over the text (its line breaks inside running text flattened) and a resolver
that reads a match into the mentions of people it names: `Named(start, name_start, end)`, where
[start, end) is the mention as written (with a title or a post before the name, "TRIBUNAL MEMBER
ROE") and [name_start, end) the name. `apply_layouts` makes those mentions people, saying which rule
read them. Only generic vocabulary and structure are used; no name is known in advance.

    attendance-list    "Present: Cllrs A Roe (Chair), T Vale and Mrs L Dee" (and "Apologies –",
                       "In attendance:", a line opened by "Councillors"), the list on the label's
                       line or in the paragraph under it
    attendance-run     "... Members: Ann Roe Tom Vale Dr Lucy Dee In Attendance: ...": a label inside a line
                       (columns read flat), its names one after another with only spaces between them
    apologies-from     "apologies were received from Mrs C Dee and Tom Vale."
    name-dash-post-inline  "Staff Officials Ann Roe – Head of Finance": a given name and a surname before a
                       dash and a post, without the capitalised heading before them
    labelled-name      a field label naming a role, then the name: "Complainant: Ann Roe",
                       "REPORTING OFFICER: Ann Roe Head of Finance", "Picture: Tom Vale"
    post-then-surname  a post, then a surname alone: "President Roe", "TRIBUNAL MEMBER ROE",
                       "HMI Roe", "communities secretary Roe"
    post-of-before-name  a lower-case post with its "of/for" complement, then the name:
                       "director of children's services Ann Roe"
    post-comma-name    a line opening with a post, a comma or a dash, then the name:
                       "Chief Inspector, Ann Roe", "Report of the Strategic Director – Ann Roe"
    byline-date        a line that is a name and a date, or "By" and a name, as news pages sign
                       their stories: "Ann Roe 17 December 2014", "By Ann Roe, Local Reporter",
                       "Posted by Ann Roe on 3 May 2022"
    post-bracket-name  a post, then its holder in brackets: "The Minister for Housing (Ann Roe)"
    address-name       an e-mail address made of a given name and a surname: "ann.roe@wessex.gov.uk"
    notes-address      an office mail system's address: "Ann Roe/WXM/WEXCO@WEXCO"
    contact-name       who to contact, a number or an address after: "contact Ann Roe on 01234 567890"
    speaker-label      a speaker in a debate's record: "Ann Roe (Wexcombe North) (Con):"
    party-role-line    a name on its own line over its role in a case: "ANN ROE / Appellant"
    name-comma-post    a line that is a name, a comma or a dash, then a post: "A Roe, Deputy Parish Clerk"
    name-role-table    a row of a table of names and roles, its cells parted by a tab, a bar or
                       two spaces: "Ann Roe      Chair", "| Ann Roe | Treasurer |"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dossier.analysis.actors_people import Candidate, TextInfo, Token, line_bounds
from dossier.analysis.names import canonical_name
from dossier.analysis.parties import is_post_line
from dossier.analysis.vocab import COMMON_WORDS, GIVEN_NAMES, HONORIFICS, POST_ACRONYMS, POST_WORDS


@dataclass(frozen=True, slots=True)
class Named:
    """A mention a layout reads as a person: [start, end) as written, the name from `name_start`."""

    start: int
    name_start: int
    end: int
    canonical: str = ""  # the name, where the mention does not write it as words ("ann.roe@...")


@dataclass(frozen=True, slots=True)
class PersonRule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[TextInfo, re.Match[str]], Iterator[Named]]
    on_lines: bool = False  # read the text as laid out in lines, not with wrapped lines joined


_NAME_KINDS = frozenset({"N", "I", "L"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "our", "your", "their", "its", "his", "her", "my"})


# ---- helpers ----------------------------------------------------------------------------------------
def _tokens_in(info: TextInfo, start: int, end: int) -> list[Token]:
    toks = info.tokens
    k = _bisect(toks, start)
    out = []
    while k < len(toks) and toks[k].start < end:
        if toks[k].end <= end:
            out.append(toks[k])
        k += 1
    return out


def _bisect(toks: tuple[Token, ...], pos: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _name_like(tok: Token) -> bool:
    return tok.kind in _NAME_KINDS or (tok.text in ("A", "I") and tok.kind == "X")


def _is_post_word(tok: Token) -> bool:
    return tok.text.lower() in POST_WORDS or tok.text in POST_ACRONYMS


def _name_at_end(info: TextInfo, start: int, end: int, *, surname_alone: bool = False) -> Named | None:
    """The name that ends an item of a list ("PSCO Ann Roe", "Cllrs A Roe", "Mrs Ann Roe MP"): name
    words at its end, with the titles, posts and capitals before them as its mention."""
    text = info.text
    toks = _tokens_in(info, start, end)
    while toks and toks[-1].kind == "P":
        toks = toks[:-1]
    if not toks or text[toks[-1].full_end:end].strip(" \t\n.,;:"):
        return None  # the item goes on in lower case ("3 members of the public")
    k = len(toks)
    while k > 0 and _name_like(toks[k - 1]):
        k -= 1
    while k < len(toks) and toks[k].kind == "L":
        k += 1
    names = toks[k:]
    if not names or not any(t.kind == "N" for t in names) or names[-1].kind != "N":
        return None
    titles = toks[:k]
    if titles and text[start:titles[0].start].strip(" \t\n"):
        return None
    if not titles and text[start:names[0].start].strip(" \t\n"):
        return None
    if any((t.kind not in ("H", "X", "O") and t.text not in POST_ACRONYMS) or t.text.lower() in _DETERMINERS
           for t in titles):
        return None
    if len(names) < 2 and not surname_alone and not any(t.kind == "H" or _is_post_word(t) for t in titles):
        return None
    return Named(titles[0].start if titles else names[0].start, names[0].start, names[-1].end)


_PLURAL_TITLES = frozenset({"councillors", "cllrs", "clls", "messrs", "drs"})
_ITEM_SPLIT = re.compile(r"\s*(?:[,;]|\band\b|&|\n)\s*")
_PARENS = re.compile(r"\([^()\n]*\)")
_DASH_TAIL = re.compile(r"[ \t]+[–—-][ \t]+")


def _list_items(info: TextInfo, start: int, end: int) -> Iterator[Named]:
    """The people of a list of names between `start` and `end` (roles in brackets set aside)."""
    body = _PARENS.sub(lambda m: " " * len(m.group()), info.text[start:end])
    pos = 0
    plural = False  # "Councillors Roe, Vale and Dee": the title stands for every name of the list
    for m in _ITEM_SPLIT.finditer(body + "\n"):
        if m.start() > pos:
            dash = _DASH_TAIL.search(body, pos, m.start())  # "T Vale – North Ward": the name before the dash
            named = _name_at_end(info, start + pos, start + (dash.start() if dash else m.start()), surname_alone=plural)
            if named is not None:
                plural = plural or info.text[named.start:named.name_start].strip().lower() in _PLURAL_TITLES
                yield named
            elif not dash:
                yield from _name_run(info, start + pos, start + m.start())
        pos = m.end()


_RUN_GAP = re.compile(r"[ \t]+")


def _name_run(info: TextInfo, start: int, end: int, *, alone: bool = False) -> Iterator[Named]:
    """"Ann Roe Tom Vale Dr Lucy Dee Chair ...": names written one after another with only spaces
    between them, as a list laid out in columns reads once flattened. A title opens a name; between
    titles, an even run of words is read as pairs, an odd one is cut before each given name. The run
    ends at the first word that is not a name (a post, a label, a word in lower case)."""
    text = info.text
    toks = _tokens_in(info, start, end)
    if not toks or text[start:toks[0].start].strip():
        return
    segments: list[tuple[Token | None, list[Token]]] = [(None, [])]
    for k, tok in enumerate(toks):
        if k and not _RUN_GAP.fullmatch(text[toks[k - 1].full_end:tok.start]):
            break
        if tok.kind == "H":
            if not segments[-1][1] and segments[-1][0] is not None:
                break
            segments.append((tok, []))
            continue
        if tok.kind != "N" or tok.possessive or _is_post_word(tok) or tok.text.lower() in COMMON_WORDS:
            break
        segments[-1][1].append(tok)
    names: list[tuple[Token | None, list[Token]]] = []
    for title, words in segments:
        if len(words) % 2 == 0:
            pairs = [words[i:i + 2] for i in range(0, len(words), 2)]
        else:
            pairs = []
            for tok in words:
                if not pairs or (len(pairs[-1]) >= 2 and tok.text.lower() in GIVEN_NAMES):
                    pairs.append([tok])
                else:
                    pairs[-1].append(tok)
        names.extend((title if i == 0 else None, pair) for i, pair in enumerate(pairs))
    names = [(title, words) for title, words in names if words]
    if len(names) < 2 and not alone:
        return  # one name alone is the other rules' to read
    known = sum(1 for title, words in names if title is not None or words[0].text.lower() in GIVEN_NAMES)
    if not names or known * 2 < len(names):
        return  # most names of a list open with a given name or a title
    for title, words in names:
        if not 2 <= len(words) <= 3:
            continue
        yield Named(title.start if title else words[0].start, words[0].start, words[-1].end)


# ---- attendance-list --------------------------------------------------------------------------------
_ATTENDANCE = re.compile(
    r"(?im)^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]*)?"
    r"(?:(?:(?:councillors|members|cllrs|officers|those|the[ \t]+following(?:[ \t]+[a-z]+){0,2}[ \t]+(?:were|was))"
    r"[ \t]+)?(?:present|in[ \t]+attendance|also[ \t]+present"
    r"|also[ \t]+in[ \t]+attendance|apologies(?:[ \t]+for[ \t]+absence)?|absent|attendees|attending"
    r"|officers|members|councillors|cllrs|panel|(?:officers|members)[ \t]+attending)"
    r"[ \t]*(?:[:–—-]|(?=\n))|(?-i:councillors|cllrs|Councillors|Cllrs|COUNCILLORS)(?=[ \t]+[A-Z]))[ \t]*")


_LIST_END = re.compile(  # a full stop after a word (not an initial nor a title), then a capital
    r"(?<=[a-z]{3})(?<!Cllr)(?<!Revd)(?<!Coun)(?<!Prof)(?<!Supt)(?<!Insp)(?<!Capt)\.[ \t]+(?=[A-Z])")
_GOES_ON = re.compile(r"(?:[,;&]|\band)[ \t]*$")
_BLANK = re.compile(r"\s*")


def _attendance(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    """The list on the label's line, going on on the lines after while a line ends in a comma or
    "and"; or, under a label alone on its line, the lines under it while each names someone (one
    name a line, "T Vale – Ward", or a wrapped list), up to a blank line."""
    text = info.text
    start = m.end()
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    under = not text[start:line_end].strip()
    if under:
        blank = _BLANK.match(text, line_end)  # \s* always matches
        start = blank.end() if blank else line_end
    for _ in range(80):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        stop = _LIST_END.search(text, start, end)
        if stop:  # "Cllrs Roe and Vale. Absent: Cllr Dee": the list ends with its sentence
            yield from _list_items(info, start, stop.start())
            return
        found = list(_list_items(info, start, end))
        if under and not found:
            return
        yield from found
        if end >= len(text) or (not under and not _GOES_ON.search(text, start, end)):
            return
        if text.startswith("\n", end + 1) or not text[end + 1:end + 2].strip():
            return  # a blank line ends the list
        start = end + 1


# ---- attendance-run ---------------------------------------------------------------------------------
_ATTENDANCE_INLINE = re.compile(
    r"(?<![\w'’-])(?:Members|MEMBERS|Present|PRESENT|In[ \t]+[Aa]ttendance|IN[ \t]+ATTENDANCE|Also[ \t]+[Pp]resent"
    r"|Attendees|ATTENDEES|Secretariat|Apologies)[ \t]*:[ \t]*(?=[A-Z])")


def _attendance_inline(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    """"... Members: Ann Roe Tom Vale Dr Lucy Dee In Attendance: ...": an attendance label inside a
    line (a page of columns read flat), then its names one after another with only spaces between."""
    end = info.flat.find("\n", m.end())
    yield from _name_run(info, m.end(), len(info.flat) if end < 0 else end, alone=True)


# ---- name-dash-post-inline -------------------------------------------------------------------------
_INLINE_DASH = re.compile(r"(?<=[\w'’.])[ \t]+[–—][ \t]+(?=[A-Z])")
_WORDS_AFTER = re.compile(r"[A-Za-z][\w'’-]*")


def _name_dash_post_inline(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    """"Staff Officials Ann Roe – Head of Finance Tom Vale – Director": a given name and a surname before
    a dash and a post, inside a line (a list of attendees read flat), without the heading before them."""
    words = _WORDS_AFTER.findall(info.flat, m.end(), m.end() + 60)[:4]
    if not any(w[0].isupper() and w.lower() in POST_WORDS for w in words[:3]):
        return
    run: list[Token] = []
    edge = m.start()
    for tok in reversed(_tokens_in(info, max(0, m.start() - 80), m.start())):
        if len(run) >= 4 or tok.kind != "N" or tok.possessive \
                or not (tok.full_end == edge or _RUN_GAP.fullmatch(info.flat[tok.full_end:edge])):
            break
        run.insert(0, tok)
        edge = tok.start
    for i, tok in enumerate(run):
        if tok.text.lower() in GIVEN_NAMES and 2 <= len(run) - i <= 3:
            yield Named(tok.start, tok.start, run[-1].end)
            return


# ---- apologies-from ---------------------------------------------------------------------------------
_APOLOGIES_FROM = re.compile(
    r"(?i)\bapolog(?:y|ies)(?:[ \t]+for[ \t]+(?:absence|lateness))?(?:[ \t]+(?:(?:was|were|had[ \t]+been"
    r"|have[ \t]+been)[ \t]+)?received)?[ \t]+from[ \t]+")
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n|$")


def _apologies_from(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    stop = _SENTENCE_END.search(info.flat, m.end())  # always found: it ends at $ at the latest
    end = stop.start() if stop else len(info.flat)
    if end - m.end() <= 300:
        yield from _list_items(info, m.end(), end)


# ---- labelled-name ----------------------------------------------------------------------------------
# Labels only a person is given ("Complainant:", "Picture:", "Signed:"); a name after one may run on
# after a comma ("Complainant: Ann Roe, of Wexcombe").
_PERSON_LABELS = frozenset({
    "author", "authors", "complainant", "applicant", "appellant", "respondent", "claimant", "picture", "photo",
    "photograph", "image", "credit", "reporter", "correspondent", "by", "presenter", "interviewee", "witness",
    "signatory", "signed",
})
# Labels for a role a person or a team may fill ("Contact:", "Lead Officer:"): the name must end the field,
# stand before a post or a bracket, or open with a given name.
_LABEL_WORDS = _PERSON_LABELS | frozenset({
    "officer", "chair", "chairman", "chairperson", "clerk", "contact", "name", "member", "holder", "lead", "owner",
    "director", "manager", "minister", "secretary",
})
_LABEL = re.compile(r"(?<=[A-Za-z]):[ \t]*(?=[A-Z])")  # the colon of "Label: Name"; the label is read back
_LABEL_BEFORE = re.compile(r"(?:^|(?<=[ \t\n]))((?:[A-Za-z][\w'’-]*[ \t]+)?[A-Za-z][\w'’-]*)$")
_NEXT_LABEL = re.compile(r"(?<![\w'’-])[A-Za-z][\w'’-]*[ \t]*:(?!\d)|\n")


def _labelled(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    text = info.text
    lm = _LABEL_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if lm is None:
        return
    label = lm.group(1).split()
    if label[-1].lower() not in _LABEL_WORDS or not any(w[0].isupper() for w in label):
        return
    stop = _NEXT_LABEL.search(text, m.end())
    end = stop.start() if stop else len(text)
    toks = _tokens_in(info, m.end(), end)
    run: list[Token] = []
    for tok in toks:
        if run and not re.fullmatch(r"[ \t]+", text[run[-1].full_end:tok.start]):
            break
        if not _name_like(tok) or tok.possessive:
            break
        run.append(tok)
    if not run or run[0].start != m.end() or not (run[0].kind in ("N", "I") or (
            run[0].text in ("A", "I") and len(run) > 1 and run[1].kind == "N")):
        return  # "Signed: A Roe": a capital A opening the field before a name is an initial
    for cut in range(min(len(run), 4), 1, -1):
        names = run[:cut]
        if names[-1].kind != "N":
            continue
        after = text[names[-1].end:end]
        rest = after.strip(" \t,–—-")
        comma = after.lstrip(" \t").startswith(",") and (
            label[-1].lower() in _PERSON_LABELS or names[0].text.lower() in GIVEN_NAMES)
        if not rest or rest.startswith("(") or comma or is_post_line(rest):
            yield Named(names[0].start, names[0].start, names[-1].end)
            return


# ---- post-then-surname ------------------------------------------------------------------------------
_POST_SURNAME = re.compile(
    r"(?<![\w'’.-])(?P<post>[A-Za-z][\w-]*)[ \t]+(?P<name>[A-Z][\w'’-]*[a-zA-Z])(?![\w'’-])"
    r"(?![ \t]+(?:[A-Z]|of\b|for\b))")


# Posts that, written in lower case, still stand as a title before a surname ("communities secretary
# Roe"); other post words only do so capitalised ("Tribunal Member Roe", not "delivery partner Roe").
_TITLE_POSTS = frozenset({"secretary", "minister", "president", "chancellor", "commissioner", "inspector", "judge",
                          "mayor", "governor", "chair", "chairman", "director", "superintendent", "constable",
                          "councillor", "leader", "senator", "ambassador"})


def _post_surname(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    post = m.group("post")
    key = post.lower()
    if post not in POST_ACRONYMS and not (key in _TITLE_POSTS or (key in POST_WORDS and post[0].isupper())):
        return
    name_toks = _tokens_in(info, m.start("name"), m.end("name"))
    if len(name_toks) != 1 or name_toks[0].kind != "N":
        return
    tok = name_toks[0]
    key = tok.text.lower()
    if key in info.lower_words or key in COMMON_WORDS or key.rstrip("s") in POST_WORDS:
        return  # "Chief Executives", "Member Survey" where the text writes "survey"
    text = info.flat
    start = m.start("post")
    # the post's capitalised words before it ("Tribunal Member", "Home Secretary")
    before = _tokens_in(info, max(0, start - 60), start)
    if post[0].isupper():
        k = len(before)
        while k > 0 and before[k - 1].text[0].isupper() and before[k - 1].kind in ("X", "N", "O", "H") \
                and before[k - 1].text.lower() not in _DETERMINERS \
                and re.fullmatch(r"[ \t]+", text[before[k - 1].full_end:(before[k].start if k < len(before) else start)]):
            k -= 1
        if k < len(before):
            start = before[k].start
    if any(t.text.lower() in COMMON_WORDS for t in _tokens_in(info, start, m.start("post"))):
        return  # "All Member Workshop": a post does not open with a common word
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 24):start])[-2 if post[0].isupper() else -1:]
    if any(w.lower() in _DETERMINERS for w in words):
        return  # "the President Roe administration", "a further Member Workshop": not a name
    yield Named(start, tok.start, tok.end)


# ---- post-of-before-name ----------------------------------------------------------------------------
_POST_OF_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<post>[a-z][\w-]*)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[a-z][\w'’-]*[ \t]+){1,3}?"
    r"(?P<name>[A-Z][\w'’-]*[ \t]+[A-Z])")


_AMPERSAND_NEXT = re.compile(r"[ \t]*&[ \t]*[A-Z]")


def _post_of_before(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    if m.group("post").lower() not in POST_WORDS:
        return
    between = info.flat[m.end("post"):m.start("name")]
    if any(w[0].isupper() for w in between.split()):
        return
    yield Named(m.start("name"), m.start("name"), -2)  # the name is the candidate that starts there, if it
    # ends a body's name neither by "&" nor by words the text writes in lower case


# ---- post-comma-name --------------------------------------------------------------------------------
_POST_COMMA = re.compile(
    r"(?m)^[ \t]*(?P<post>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|for|and|the|&)){0,6})(?:,|[ \t]+[–—-])[ \t]+"
    r"(?=[A-Z])")


def _post_comma(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    words = m.group("post").split()
    if words[0].lower() in _DETERMINERS or not any(w[0].isupper() and w.lower() in POST_WORDS for w in words):
        return
    if words[-1].lower() in ("of", "for", "and", "the", "&"):
        return
    yield Named(m.end(), m.end(), -1)


# ---- byline-date ------------------------------------------------------------------------------------
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_BYLINE = re.compile(
    rf"(?m)^[ \t]*(?:(?P<by>By|(?:Posted|Written|Published|Blog[ \t]+post|Article)[ \t]+by)[ \t]+)?"
    rf"(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){{1,3}})(?:[ \t]*(?:[,|•·–—-][ \t]*|[ \t]on[ \t]+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}[ \t]+\d{{4}}|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})"
    rf"|(?(by)(?:[ \t]*[,–—-][ \t]*[^\n]{{0,60}})?|(?!)))[ \t]*$")


_DATE_BYLINE = re.compile(
    rf"(?m)^[ \t]*(?:(?:Posted|Published|Written|Updated)[ \t]+)?(?:on[ \t]+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}[ \t]+\d{{4}}|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})"
    rf"[ \t]*(?:[,|•·–—-][ \t]*)?[Bb]y[ \t]+(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){{1,3}})[ \t]*$")


def _plain_name(info: TextInfo, start: int, end: int, *, opens_with_name: bool = False) -> Named | None:
    """Two to four name words (names, initials, particles) ending in a name, with nothing else."""
    toks = _tokens_in(info, start, end)
    if not 2 <= len(toks) <= 4 or toks[-1].kind != "N" or any(t.kind not in _NAME_KINDS for t in toks):
        return None
    if opens_with_name and toks[0].kind != "N":
        return None
    return Named(toks[0].start, toks[0].start, toks[-1].end)


def _byline(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    named = _plain_name(info, m.start("name"), m.end("name"), opens_with_name=True)
    if named is not None:
        yield named


# ---- name-role-table --------------------------------------------------------------------------------
_TABLE_ROW = re.compile(
    r"(?m)^[ \t|]*(?P<name>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){1,3})(?:[ \t]*\|[ \t]*|\t[ \t]*|[ \t]{2,})"
    r"(?P<role>[A-Z](?:[^\n|\t ]|[ ](?=[^ \t\n|])){0,80})[ \t]*(?:$|\||\t|[ ]{2})")


def _table_row(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    if not is_post_line(m.group("role").strip()):
        return
    named = _plain_name(info, m.start("name"), m.end("name"))
    if named is not None:
        yield named


# ---- name-comma-post --------------------------------------------------------------------------------
_NAME_POST_LINE = re.compile(
    r"(?m)^[ \t•*-]*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,4})[ \t]*(?:,|[ \t][–—-])[ \t]*"
    r"(?P<post>[A-Z][^\n]{1,80}?)[ \t]*$")


def _name_post_line(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    """"A Roe, Deputy Parish Clerk", "Tom Vale – Head of Planning": a line that is a name, then a comma
    or a dash and its post, as minutes list their officers."""
    if not is_post_line(m.group("post")):
        return
    toks = _tokens_in(info, m.start("name"), m.end("name"))
    titles = []
    while toks and toks[0].kind == "H":
        titles.append(toks.pop(0))
    if not 2 <= len(toks) <= 4 or toks[-1].kind != "N" or not all(_name_like(t) for t in toks):
        return
    if not titles and _ordinary_words(info, [t for t in toks if t.kind == "N"]):
        return
    yield Named(m.start("name"), toks[0].start, toks[-1].end)


# ---- party-role-line --------------------------------------------------------------------------------
_PARTY_ROLE = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,4})[ \t]*\n(?:[ \t]*\n)*[ \t]*\(?"
    r"(?:(?:First|Second|Third)[ \t]+)?(?P<role>Appellants?|Respondents?|Claimants?|Applicants?|Defendants?"
    r"|Complainants?|Petitioners?|Interested[ \t]+Party|APPELLANTS?|RESPONDENTS?|CLAIMANTS?|APPLICANTS?"
    r"|DEFENDANTS?)\)?[ \t]*$")


def _party_role(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    """"ANN ROE / Appellant": a name on its own line over the role it has in a case."""
    toks = _tokens_in(info, m.start("name"), m.end("name"))
    while toks and toks[0].kind == "H":
        toks = toks[1:]
    if not 2 <= len(toks) <= 4 or toks[-1].kind != "N" or any(t.kind not in _NAME_KINDS for t in toks):
        return
    yield Named(m.start("name"), toks[0].start, toks[-1].end)


# ---- speaker-label ----------------------------------------------------------------------------------
_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,4})(?:[ \t]*\([^()\n]{1,60}\)){1,2}[ \t]*:")


def _speaker(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    """"Ann Roe (Wexcombe North) (Con):": a speaker in a debate's record, with seat and party."""
    toks = _tokens_in(info, m.start("name"), m.end("name"))
    titles = []
    while toks and toks[0].kind == "H":
        titles.append(toks.pop(0))
    if not toks or len(toks) > 4 or toks[-1].kind != "N" or any(t.kind not in _NAME_KINDS for t in toks):
        return
    if len(toks) < 2 and not titles:
        return
    yield Named(m.start("name"), toks[0].start, toks[-1].end)


# ---- post-bracket-name ------------------------------------------------------------------------------
_BRACKET_NAME = re.compile(r"\((?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})\)")


def _post_bracket(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    """"The Minister for Housing (Ann Roe)": a post, then the name of who holds it in brackets."""
    before = info.flat[max(0, m.start() - 80):m.start()]
    cut = max(before.rfind(c) for c in ".;:()\n!?,")
    words = before[cut + 1:].split()[-6:]
    if not words or not any(w.strip(".,'’").lower() in POST_WORDS for w in words):
        return
    base = m.start() - len(before)
    lo = base + cut - 40 if before[cut:cut + 1] == "," else base + cut + 1  # a name before the post's comma
    if any(t.kind == "H" for t in _tokens_in(info, max(0, lo), m.start())):
        return  # "Cllr Ann Roe, Deputy Leader (Wexcombe)": the post has its holder, the bracket its place
    toks = _tokens_in(info, m.start("name"), m.end("name"))
    if not 2 <= len(toks) <= 4 or toks[-1].kind != "N" or any(t.kind not in _NAME_KINDS for t in toks):
        return
    yield Named(toks[0].start, toks[0].start, toks[-1].end)


# ---- address-name -----------------------------------------------------------------------------------
_ADDRESS_NAME = re.compile(r"@[\w-]+\.[\w.-]+")  # the domain; the local part is read back from the "@"
_LOCAL_PART = re.compile(
    r"(?<![\w.+'’-])(?:(?P<title>[A-Za-z]{2,10})\.)?(?P<given>[A-Za-z]{2,})[._](?P<surname>[A-Za-z][A-Za-z'’-]*[A-Za-z])$")


def _address_name(info: TextInfo, at: re.Match[str]) -> Iterator[Named]:
    """"ann.roe@wessex.gov.uk", "Cllr.Tom.Vale@...": an address whose local part is a given name and a
    surname (behind a title at most) names that person."""
    m = _LOCAL_PART.search(info.flat, max(0, at.start() - 60), at.start())
    if m is None:
        return
    title, given, surname = m.group("title"), m.group("given"), m.group("surname")
    if title and title.lower() not in HONORIFICS:
        return
    if given.lower() not in GIVEN_NAMES or surname.lower() in POST_WORDS:
        return
    name = " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in (given, surname))
    yield Named(m.start("given"), m.start("given"), m.end("surname"), name)


# ---- contact-name -----------------------------------------------------------------------------------
_CONTACT = re.compile(
    r"(?<![\w-])(?:[Cc]ontact|CONTACT)(?:[ \t]+(?i:officer|person|name|details))?[ \t]*:?[ \t]+"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,4})(?P<tail>[^\n]{0,90})")
_CONTACT_TAIL = re.compile(r"[ \t]*(?:,|\(|[–—-]|on\b|at\b|via\b|by\b|tel|phone|telephone|email|e-mail|mobile)",
                           re.IGNORECASE)
_PHONE_OR_ADDRESS = re.compile(r"\d[\d \t()-]{5,}\d|[\w.+-]+@[\w-]+\.\w")


def _contact(info: TextInfo, m: re.Match[str]) -> Iterator[Named]:
    """"please contact Ann Roe on 01234 567890", "Contact: Ann Roe, Planning, ann.roe@...": a name given
    as who to contact, with a telephone number or an e-mail address right after it."""
    tail = m.group("tail")
    if not _CONTACT_TAIL.match(tail) or not _PHONE_OR_ADDRESS.search(tail):
        return
    toks = _tokens_in(info, m.start("name"), m.end("name"))
    titles = []
    while toks and toks[0].kind == "H":
        titles.append(toks.pop(0))
    if not 2 <= len(toks) <= 4 or toks[-1].kind != "N" or not all(_name_like(t) for t in toks):
        return
    if not titles and _ordinary_words(info, [t for t in toks if t.kind == "N"]):
        return
    yield Named(m.start("name"), toks[0].start, toks[-1].end)


# ---- notes-address ----------------------------------------------------------------------------------
_NOTES_ADDRESS = re.compile(r"/[A-Z][\w&-]*(?:/[A-Z][\w&-]*)*@[A-Za-z]")  # the name is read back from it
_NOTES_NAME = re.compile(r"(?<![\w'’./@-])(?P<name>[A-Z][\w'’.-]*(?:[ \t]*\n?[ \t]*[A-Z][\w'’.-]*){1,3})$")


def _notes_address(info: TextInfo, at: re.Match[str]) -> Iterator[Named]:
    """"Ann Roe/WXM/WEXCO@WEXCO": an address of an office mail system, the person's name before its
    first slash (the name may wrap onto the next line)."""
    m = _NOTES_NAME.search(info.text, max(0, at.start() - 60), at.start())
    if m is None:
        return
    toks = _tokens_in(info, m.start("name"), m.end("name"))
    if not 2 <= len(toks) <= 4 or toks[0].kind != "N":
        return  # the surname may be an ordinary word ("Ann Meadow/WXM/...")
    if not all(_name_like(t) or (t.kind == "X" and t.text[1:].islower() and t.text.lower() not in POST_WORDS)
               for t in toks):
        return
    yield Named(toks[0].start, toks[0].start, toks[-1].end)


PERSON_RULES: tuple[PersonRule, ...] = (
    PersonRule("attendance-list", _ATTENDANCE, _attendance, on_lines=True),
    PersonRule("attendance-run", _ATTENDANCE_INLINE, _attendance_inline),
    PersonRule("apologies-from", _APOLOGIES_FROM, _apologies_from),
    PersonRule("name-dash-post-inline", _INLINE_DASH, _name_dash_post_inline),
    PersonRule("labelled-name", _LABEL, _labelled, on_lines=True),
    PersonRule("post-then-surname", _POST_SURNAME, _post_surname),
    PersonRule("post-of-before-name", _POST_OF_BEFORE, _post_of_before),
    PersonRule("post-comma-name", _POST_COMMA, _post_comma, on_lines=True),
    PersonRule("byline-date", _BYLINE, _byline, on_lines=True),
    PersonRule("byline-date", _DATE_BYLINE, _byline, on_lines=True),  # "Posted on 3 May 2022 by Ann Roe"
    PersonRule("name-role-table", _TABLE_ROW, _table_row, on_lines=True),
    PersonRule("name-comma-post", _NAME_POST_LINE, _name_post_line, on_lines=True),
    PersonRule("party-role-line", _PARTY_ROLE, _party_role, on_lines=True),
    PersonRule("speaker-label", _SPEAKER, _speaker, on_lines=True),
    PersonRule("post-bracket-name", _BRACKET_NAME, _post_bracket),
    PersonRule("address-name", _ADDRESS_NAME, _address_name),
    PersonRule("contact-name", _CONTACT, _contact),
    PersonRule("notes-address", _NOTES_ADDRESS, _notes_address, on_lines=True),
)


# ---- applying the rules -----------------------------------------------------------------------------
def apply_layouts(info: TextInfo, cands: list[Candidate]) -> list[Candidate]:
    """The candidates with the people every layout rule reads accepted (a mention the rule reads
    differently from the capitalised runs replaces the candidates it overlaps)."""
    found: list[tuple[Named, str]] = []
    for rule in PERSON_RULES:
        for m in rule.pattern.finditer(info.text if rule.on_lines else info.flat):
            found.extend((named, rule.name) for named in rule.resolve(info, m))
    if not found:
        return cands
    starts = {c.start: c for c in cands}
    out = list(cands)
    for named, rule_name in found:
        if named.end < 0:  # the candidate that starts at the name, if it is a name on its own
            cand = starts.get(named.name_start)
            if cand is not None and len(cand.names) >= 2 and not cand.followed_by_other and not cand.possessive \
                    and not (named.end == -2 and (_AMPERSAND_NEXT.match(info.flat, cand.end) or cand.ordinary)):
                cand.accept(rule_name)
            continue
        out = _accept_span(info, out, named, rule_name)
    return out


def _ordinary_words(info: TextInfo, names: list[Token]) -> bool:
    """Words the text also writes in lower case ("Housing Options"), not opened by a given name."""
    return names[0].text.lower() not in GIVEN_NAMES and all(t.text.lower() in info.lower_words for t in names)


def _accept_span(info: TextInfo, cands: list[Candidate], named: Named, rule: str) -> list[Candidate]:
    over = [c for c in cands if c.start < named.end and c.end > named.name_start]
    if len(over) == 1 and over[0].blocked and named.start == named.name_start and _ordinary_words(
            info, [t for t in over[0].tokens if t.start >= named.name_start]):
        return cands
    if len(over) == 1:
        c = over[0]
        if c.end == named.end and named.start <= c.start <= named.name_start:
            c.blocked = c.followed_by_other = False
            c.accept(rule)
            if named.start < c.start and c.start == named.name_start:
                c.start = named.start  # the title read with it ("PSCO Ann Roe")
            return cands
    toks = _tokens_in(info, named.start, named.end)
    names = [t for t in toks if t.start >= named.name_start]
    titles = [t for t in toks if t.start < named.name_start]
    if named.canonical:
        return [c for c in cands if c not in over] + [_written_apart(info, named, rule)]
    if not names or (not titles and _ordinary_words(info, names)):
        return cands
    line_start, _ = line_bounds(info.text, named.start)
    cand = Candidate(
        tokens=toks,
        honorifics=[t.text for t in titles],
        names=[t.text for t in names],
        post_nominals=[],
        start=named.start,
        end=named.end,
        possessive=names[-1].possessive and names[-1].end == named.end,
        sentence_initial=False,
        followed_by_other=False,
        headline=line_start in info.headline_lines,
        line_only=False,
    )
    cand.canonical = canonical_name(info.flat[named.name_start:named.end]) or " ".join(cand.names)
    cand.posts = [p for c in over for p in c.posts]
    cand.accept(rule)
    return [c for c in cands if c not in over] + [cand]


def _written_apart(info: TextInfo, named: Named, rule: str) -> Candidate:
    """A person whose name the mention does not write as words ("ann.roe@wessex.gov.uk")."""
    line_start, _ = line_bounds(info.text, named.start)
    cand = Candidate(
        tokens=[], honorifics=[], names=named.canonical.split(), post_nominals=[], start=named.start,
        end=named.end, possessive=False, sentence_initial=False, followed_by_other=False,
        headline=line_start in info.headline_lines, line_only=False,
    )
    cand.canonical = named.canonical
    cand.accept(rule)
    return cand
