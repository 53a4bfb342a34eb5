"""Chronology events: what a dated reference reports, as a short statement in the third person, and
what kind of event it is.

`read_event(found, voice)` turns a dated reference (`DateFound`: its sentence and the date's span)
into an `Event`: a description that reads as a report ("Ann Roe wrote to the council leader
about the housing register"), the kind of event (an `EventKind` value) and the rule that named it.

The description is one whole clause of the sentence: the clause that carries the date, without
the date where it is a phrase of its own (the chronology shows the date beside it), in the past
tense where the writer speaks of the letter itself ("I am writing", "I have today written"), and
with first- and second-person words resolved through `voice.third_person`. It is cut only at a
clause's edge, never mid-phrase.

The kinds are a table of named rules (`EVENT_RULES`), tried in order; the first that matches names
the kind. A rule reads either the words just before the date ("your letter of <date>", "the
meeting held on <date>") or the whole clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.analysis.vocab import IRREGULAR_PAST, MONTH_FULL_PATTERN
from dossier.analysis.voice import Voice, third_person
from dossier.domain.chronology import EventKind
from dossier.domain.findings import DateFound, DateRole

MAX_WORDS = 30  # a description is kept under about this many words
LONGEST = 45  # a clause longer than this is cut at its last clause edge before it


@dataclass(frozen=True, slots=True)
class Event:
    """What one dated reference reports."""

    description: str
    kind: str  # an EventKind value
    rule: str  # the EVENT_RULES rule that named the kind ("" for a deadline)


@dataclass(frozen=True, slots=True)
class EventRule:
    """A named rule: where `pattern` matches, the event is of kind `kind`.

    With `near` set, `pattern` is tried on the words just before the date (the noun a date
    belongs to: "your letter of", "the meeting held on"); otherwise on the whole clause.
    `examples` are clauses the rule names, `leaves` clauses it must leave alone.
    """

    name: str
    kind: EventKind
    pattern: re.Pattern[str]
    near: bool = False
    examples: tuple[str, ...] = ()
    leaves: tuple[str, ...] = ()


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_BEFORE_DATE = r"(?:\s+(?:of|on|dated|held\s+on|from|in|at))?(?:\s+the)?\s*\(?$"

EVENT_RULES: tuple[EventRule, ...] = (
    # -- what matters to nobody but the writer and the reader --------------------------------------
    EventRule("courtesy-thanks", EventKind.COURTESY,
              _rx(r"^(?:(?:and|but|so)\s+)?(?:(?:many\s+)?thanks?\b|thank\s+you\b|I\s+(?:am|was|remain)\s+(?:very\s+|most\s+|extremely\s+)?"
                  r"(?:grateful|obliged)\b|I\s+(?:am|was)\s+writing\s+(?:today\s+)?to\s+thank\b|we\s+are\s+grateful\b)"),
              examples=("Thank you for the call on Friday.", "I am writing today to thank you for your note."),
              leaves=("The council thanked its staff on 3 May.",)),
    EventRule("courtesy-look-forward", EventKind.COURTESY,
              _rx(r"\b(?:I|we)\s+(?:very\s+much\s+)?look\s+forward\s+to\b|\bit\s+was\s+(?:good|a\s+pleasure|nice|kind\s+of\s+you)\s+to\b"
                  r"|\bI\s+hope\s+(?:you|that\s+you)\b|\bI\s+(?:was|am)\s+(?:delighted|pleased|glad)\s+to\s+(?:meet|see|speak|hear)\b"),
              examples=("I look forward to seeing you on 3 May.", "It was good to meet you last week."),
              leaves=("The board looks forward to the review in May.",)),
    EventRule("courtesy-apology", EventKind.COURTESY,
              _rx(r"\b(?:I|we)\s+(?:do\s+)?apologi[sz]e\b|\bapologies\s+for\b|\b(?:I\s+am|I'm|we\s+are)\s+(?:very\s+|so\s+)?sorry\b"
                  r"|\baccept\s+(?:my|our)\s+apologies\b"),
              examples=("I apologise for the delay since my letter of 3 May.",),
              leaves=("Apologies were received from Ann Roe at the meeting on 3 May.",)),
    EventRule("housekeeping-page", EventKind.HOUSEKEEPING,
              _rx(r"\b(?:last\s+updated|page\s+was\s+(?:last\s+)?(?:updated|modified)|published\s+under\s+the|"
                  r"(?:first\s+)?published\s*:|date\s*:|decision\s+date\s*:|heard\s+on\s*:|decision\s+given\s+on\s*:|"
                  r"prepared\s+\d|asked\s+on\b.*view\s+source|this\s+question\s+was\s+answered|sign\s+up\s+for|"
                  r"print\s+this\s+page|bulletin\b|^from\s*:|^sent\s*:)"),
              examples=("This page was last updated on 3 May 2019", "Decision date : 11 Mar 2019"),
              leaves=("The council published its plan on 3 May.",)),
    EventRule("housekeeping-stamp", EventKind.HOUSEKEEPING,
              _rx(r"^(?:[A-Z][\w'’.-]*\s+){0,4}\d{1,2}/\d{1,2}/\d{2,4}(?:\s+\d{1,2}:\d{2}(?:\s*[AP]M)?)?\s*$"
                  r"|^\W*(?:\d{1,2}:\d{2}\s*(?:[AP]M)?\s*)?\d{1,2}/\d{1,2}/\d{2,4}\b"),
              examples=("Ann Roe 04/06/2019 08:15",),
              leaves=("Ann Roe wrote on 11/10/2019 to the board.",)),
    # -- the noun a date belongs to -----------------------------------------------------------------
    EventRule("near-letter", EventKind.LETTER,
              _rx(r"\b(?:letter|letters|e-?mail|e\s+mail|note|memo|correspondence|reply|response|request|submission)"
                  + _BEFORE_DATE), near=True,
              examples=("The committee considered your letter of 28 April.",)),
    EventRule("near-meeting", EventKind.MEETING,
              _rx(r"\b(?:meeting|meetings|workshop|session|hearing|conference|call|visit|discussion)"
                  r"(?:\s+(?:was|were))?(?:\s+held)?" + _BEFORE_DATE), near=True,
              examples=("The minutes of the meeting held on 14 March were agreed.",)),
    EventRule("near-report", EventKind.REPORT,
              _rx(r"\b(?:report|review|study|findings|evidence|answer|statement)(?:\s+(?:of|dated))(?:\s+the)?\s*\(?$"),
              near=True, examples=("She referred to the report of 3 May.",),
              leaves=("The board published its report on 3 May.",)),
    EventRule("near-inspection", EventKind.INSPECTION,
              _rx(r"\b(?:inspection|inspected|re-inspection|monitoring\s+visit)" + _BEFORE_DATE), near=True,
              examples=("Since the inspection in March, staff have changed.",)),
    # -- the clause's verb ----------------------------------------------------------------------------
    # an appointment "with effect from" a date dates the start in post, not the decision to appoint
    EventRule("appointed-with-effect", EventKind.START_IN_POST,
              _rx(r"\bappoint(?:ed|ment)\b[^.;]{0,120}?\b(?:with\s+effect\s+from|effective\s+from|to\s+start\s+on)\b"),
              examples=("Ann Roe has been appointed Chief Executive with effect from 1 June.",),
              leaves=("Ann Roe was appointed Commissioner on 3 May.",
                      "The appointment was confirmed on 3 May and takes effect in June.")),
    EventRule("appointment", EventKind.APPOINTMENT,
              _rx(r"\b(?:appoint(?:ed|s|ing)?|appointment\s+of|nominated|named\s+as|designated\s+as|elected\s+(?:as\s+)?(?:the\s+)?"
                  r"(?:chair|leader|mayor|president))\b"),
              examples=("Ann Roe was appointed Commissioner on 3 May.",),
              leaves=("Ann Roe took up the post of Commissioner on 3 May.",)),
    EventRule("start-in-post", EventKind.START_IN_POST,
              _rx(r"\b(?:took\s+up\s+(?:the|his|her|their|my|your|a)\s+(?:post|role|position|appointment|office)|"
                  r"takes?\s+up\s+(?:the|his|her|their|my|your)\s+(?:post|role|position)|join(?:ed|s)?\s+(?:[\w'’]+\s+){0,5}?as\b|"
                  r"start(?:ed|s)?\s+(?:in\s+(?:post|(?:the|his|her|my)\s+(?:post|role))|(?:work\s+)?as\b)|"
                  r"(?:came|comes)\s+into\s+post|took\s+office|assumed\s+(?:the\s+)?(?:post|role|office)|in\s+post\s+since)"),
              examples=("Ann Roe took up her post on 3 May.", "Bo Li joined the council as chief executive in May."),
              leaves=("The work started in May.",)),
    EventRule("leaving-post", EventKind.LEAVING_POST,
              _rx(r"\b(?:step(?:ped|s)?\s+down|resign(?:ed|s|ation)?|retire(?:d|s|ment)?|left\s+(?:the|his|her|my)\s+"
                  r"(?:post|role|council|department|office)|stood\s+down|leaves?\s+(?:the|his|her)\s+(?:post|role))\b"),
              examples=("Ann Roe stepped down at the end of June.",)),
    EventRule("inspection", EventKind.INSPECTION,
              _rx(r"\b(?:inspect(?:ed|ion|ions)|(?<!chief\s)inspectors?\b|monitoring\s+visit|re-inspection)"),
              examples=("Inspectors visited the county's care homes on 4 May.",),
              leaves=("The board found its meeting with the Chief Inspector on 4 May useful.",)),
    EventRule("publication", EventKind.PUBLICATION,
              _rx(r"\b(?:publish(?:ed|es|ing)?|publication|announc(?:ed|es|ing|ement)|laid\s+before\s+parliament|"
                  r"released|launched|made\s+a\s+(?:written\s+)?statement)\b"),
              examples=("The board published its report on 3 May.",)),
    EventRule("decision", EventKind.DECISION,
              _rx(r"\b(?:decid(?:ed|es)|decision\s+to|agreed|resolved|approved|endorsed|determined|accepted|rejected|"
                  r"signed|minded\s+to|direct(?:ed|ion)|intervene(?:d)?|judged|concluded|ruled|adopted|voted)\b"),
              examples=("The Cabinet agreed the plan on 3 May.",)),
    EventRule("report", EventKind.REPORT,
              _rx(r"\b(?:report(?:ed|s|ing)?|submitted|presented|findings|review)\b"),
              examples=("Ann Roe reported to the board on 3 May.",)),
    EventRule("meeting", EventKind.MEETING,
              _rx(r"\b(?:meeting|met|meet|workshop|hearing|session|visited|visit|attended|convened|discussed|"
                  r"considered|debate[ds]?|minutes)\b"),
              examples=("The Transport Board met on 3 May to discuss the bus contract.",)),
    EventRule("letter", EventKind.LETTER,
              _rx(r"\b(?:wrote|written|writing|write|letter|e-?mail(?:ed)?|e\s+mail|telephoned|phoned|rang|called|spoke|"
                  r"spoken|sent|replied|received|informed|told|asked|copied|correspondence|raised)\b"),
              examples=("Ann Roe wrote to the council on 3 May.",)),
)


def event_kind(clause: str, before_date: str = "", role: DateRole = DateRole.EVENT) -> tuple[EventKind, str]:
    """The kind of event a clause reports, and the rule that named it; `before_date` holds the
    words just before its date. A deadline is a deadline unless it is a courtesy."""
    for rule in EVENT_RULES:
        if role is DateRole.DEADLINE and rule.kind not in (EventKind.COURTESY, EventKind.HOUSEKEEPING):
            break
        text = before_date if rule.near else clause
        if text and rule.pattern.search(text):
            return rule.kind, rule.name
    return (EventKind.DEADLINE, "") if role is DateRole.DEADLINE else (EventKind.OTHER, "")


# -- the statement -------------------------------------------------------------------------------

_ENUMERATOR = re.compile(r"^(?:(?:page\s+\d+|\d+(?:\.\d+)+|\(?[0-9]{1,2}[.)]|\(?[ivx]{1,4}[.)]|\(?[a-h][.)]|[-•*–])\s+)+",
                         re.IGNORECASE)
# where one clause ends and another begins (cut at the start of the match)
_HARD_EDGES = re.compile(r";\s+|:\s+(?=[A-Z“\"'‘])|\s+[–—]\s+|—(?=\S)")
_SOFT_EDGES = re.compile(r",\s+(?=(?:which|who|where|whereas|while|whilst|following|because|as|and|but|including|"
                         r"in\s+order|so|although|though|since|with|to|after|before|when)\b)"
                         r"|\s+(?=(?:which|because|so\s+that|in\s+order\s+to|whereas|although|but|as\s+well\s+as|"
                         r"according\s+to|urging|to\s+(?:inform|establish|explain|try|ensure|discuss|consider|"
                         r"confirm|examine|look\s+at|make\s+clear))\b)|\s+\(")
_PRONOUN_CLAUSE = re.compile(r"\s+(?=(?:and|but)\s+(?:I|we|you|he|she|they)\s+[a-z])")
_TENSE = (
    (re.compile(r"^(?:many\s+)?thank(?:s|\s+you)\b", re.IGNORECASE), "I thanked you"),
    (re.compile(r"\b(I|we)\s+(?:very\s+much\s+)?look\s+forward\b"), None),
    (re.compile(r"\b(am|is|are)\s+(?:(?:also|now)\s+)?writing(\s+today)?\b"), "wrote"),
    (re.compile(r"\b(?:am|is|are)\s+(announc|publish|issu|confirm|ask|send|copy|attach)(?:ing)\b"), None),
    (re.compile(r"\b(?:have|has)\s+(?:(?:today|now|also|recently|this\s+\w+)\s+)?(written|sent|spoken|met|given|"
                r"taken|made|told|held|seen)\b"), None),
    (re.compile(r"\b(?:have|has)\s+(?:(?:today|now|also|recently)\s+)?(?!been\b)([a-z]+ed)\b"), None),
)
_IRREGULAR = {"written": "wrote", "spoken": "spoke", "given": "gave", "taken": "took", "seen": "saw",
              "send": "sent", "issu": "issued", "announc": "announced", "publish": "published", "confirm": "confirmed",
              "ask": "asked", "copy": "copied", "attach": "attached"}
_OWN_POSSESSIVE = re.compile(r"\b(express(?:ing|ed)?|set(?:ting)?\s+out|convey(?:ing|ed)?|reiterat(?:ing|ed)|"
                             r"record(?:ing|ed)?|shar(?:ing|ed))\s+(?:my|our)\s+", re.IGNORECASE)
_RELATIVE_WORDS = {"today", "yesterday", "tonight"}
# "I am writing to let you know that …", "I am pleased to confirm that …": the news is what follows
_NEWS_OPENER = re.compile(
    r"^(?:I|We)\s+(?:am|are)\s+(?:(?:also|now)\s+)?(?:writing|pleased|delighted|glad|sorry|happy)\s+to\s+"
    r"(?:let\s+you\s+know|inform\s+you|tell\s+you|advise\s+you|confirm|announce|report|say)\s+(?:to\s+you\s+)?"
    r"that\s+(?=\S)", re.IGNORECASE)


def _past(clause: str) -> str:
    for pattern, fixed in _TENSE:
        def put(m: re.Match[str], fixed: str | None = fixed) -> str:
            if fixed is not None:
                return fixed
            word = m.group(1)
            if m.group(0).endswith("forward"):
                return f"{word} looked forward"
            return _IRREGULAR.get(word, word)
        clause = pattern.sub(put, clause)
    return clause


def _date_out(clause: str, date_text: str) -> str:
    """The clause without its date where the date is a phrase of its own."""
    if not date_text or date_text not in clause:
        return clause
    core = re.sub(r"^(?:on|in|at|during|since|from|of)\s+(?:the\s+)?", "", date_text, flags=re.IGNORECASE)
    d = re.escape(core)
    prep = r"(?:on|in|at|during|since|from)\s+"
    prep = f"(?:{prep})?" if core != date_text else prep
    lead = re.compile(rf"^(?:(?:on|in|by|since|from|during|at|then|also|and|but|as\s+of|early|late|until)\s+)*(?:the\s+)?"
                      rf"{d}(?:\s+(?:this|last|next)\s+(?:year|week|month))?\s*(?:,\s*|\s+(?=(?-i:I\b|[A-Z]|we\b|the\b)))",
                      re.IGNORECASE)
    out = lead.sub("", clause, count=1)
    if out == clause:
        out = re.sub(rf"\s*\((?:in\s+)?{d}\)", "", clause, count=1)
    if out == clause:
        out = re.sub(rf",?\s+(?:with\s+effect\s+|effective\s+)?{prep}(?:the\s+)?{d}(?:\s+(?:this|last|next)\s+(?:year|week|month))?"
                     rf"(?=$|[\s,.;:)])", "", clause, count=1, flags=re.IGNORECASE)
    if out == clause and (core.casefold() in _RELATIVE_WORDS or re.fullmatch(
            rf"(?:this|last|next)\s+(?:{MONTH_FULL_PATTERN}|week|month|year|morning|night|friday|monday|tuesday|wednesday|thursday|"
            r"saturday|sunday|spring|summer|autumn|winter)|(?:this|yesterday)\s+(?:morning|afternoon|evening)",
            core, re.IGNORECASE)):
        at = clause.find(core)
        if re.search(r"[A-Za-z]", clause[:max(at, 0)]):  # a date that opens the clause may be its subject
            out = re.sub(rf",?\s*\b{d}\b,?", "", clause, count=1)
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    out = re.sub(r"\s{2,}", " ", out).strip(" ,")
    return out if len(out.split()) >= 2 else clause


def _clause(sentence: str, at: int) -> str:
    """The clause of `sentence` that carries offset `at` (a hard edge: ";", a dash, a colon before a
    new sentence)."""
    start, end = 0, len(sentence)
    for m in _HARD_EDGES.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    part = sentence[start:end]
    return part if len(part.split()) >= 4 else sentence


_RELATIVE = re.compile(r",?\s+(?:which|whom|that)\s+(?=(?:I|we|you|he|she|they|the|[A-Z]\w*)\s)")
_DETERMINER = re.compile(r"\b(?:the|your|my|our|his|her|their|its|a|an)\s", re.IGNORECASE)


def _antecedent(text: str) -> str | None:
    """The last noun phrase of `text`, from its determiner ("your review of the register")."""
    starts = [m.start() for m in _DETERMINER.finditer(text)
              if not re.search(r"\bof\s+$", text[:m.start()]) and "," not in text[m.start():]
              and ";" not in text[m.start():]]
    return text[starts[-1]:].strip() if starts else None


_PAST = frozenset({"wrote", "sent", "met", "gave", "made", "took", "held", "told", "saw", "led", "set", "began",
                   "brought", "chose", "spoke", "put", "found"})


def _relative(text: str, at: int) -> str | None:
    """Where the date lies in an object relative clause ("your Report, which I commissioned last
    November"), that clause as a statement of its own: "I commissioned your Report"."""
    for m in _RELATIVE.finditer(text):
        if m.end() > at:
            break
        rest = text[m.end():]
        end = next((e.start() for e in (_PRONOUN_CLAUSE.search(rest), re.search(r",\s|;\s", rest)) if e), len(rest))
        if m.end() + end < at:
            continue
        antecedent = _antecedent(text[:m.start()])
        words = rest[:end].split()
        if antecedent is None or len(words) < 2:
            return None
        first = 2 if words[0].lower() in ("the", "this", "that", "its", "his", "her", "their", "our", "your") else 1
        n = next((i for i, w in enumerate(words) if i >= first and w[:1].islower() and w not in ("and", "of", "the")),
                 0)
        verb = words[n] if n else ""
        if not verb or (not verb.endswith("ed") and verb not in _PAST):
            return None
        subject = " ".join(words[:n])
        tail = " ".join(words[n + 1:])
        return " ".join(p for p in (subject, verb, antecedent, tail) if p)
    return None


# a head that says something: a finite verb, an auxiliary or a past form ("In the light of all of that" does not)
_HAS_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|should|must|can|could|may|might|"
                       r"did|does|do|[a-z]{2,}ed|" + "|".join(sorted(IRREGULAR_PAST)) + r")\b", re.IGNORECASE)


def _cut(text: str) -> str:
    """`text` under MAX_WORDS words where a clause edge allows it, never cut mid-phrase, and never to a
    head with no verb (an opening phrase is no statement: the text is then kept whole)."""
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    edges = [m.start() for m in _SOFT_EDGES.finditer(text)] + [m.start() for m in _PRONOUN_CLAUSE.finditer(text)]
    edges = [e for e in edges if _HAS_VERB.search(text[:e])]
    fits = [e for e in edges if 4 <= len(text[:e].split()) <= MAX_WORDS]
    if fits:
        return text[:max(fits)]
    fits = [e for e in edges if 6 <= len(text[:e].split()) <= LONGEST]
    if fits:
        return text[:min(fits)]
    commas = [m.start() for m in re.finditer(r",\s", text) if 6 <= len(text[:m.start()].split()) <= LONGEST
              and _HAS_VERB.search(text[:m.start()])]
    if commas:
        return text[:max(commas)]
    return text


def _tidy(text: str) -> str:
    text = text.strip(" \"'’”").rstrip(" ,;:–—-").rstrip(".").strip()
    if text.count("(") > text.count(")"):
        text = text[:text.rfind("(")].rstrip(" ,")
    for opening, closing in (("“", "”"), ("‘", "’")):
        if text.count(opening) > text.count(closing):
            text = text.replace(opening, "", 1)
    if text.count('"') % 2:
        text = text.replace('"', "", 1)
    text = text.strip(" '")
    return text[:1].upper() + text[1:]


def read_event(found: DateFound, voice: Voice) -> Event:
    """The statement and the kind of event a dated reference reports."""
    sentence = found.sentence
    prefix = sentence[:max(0, found.start - found.sentence_start)]
    head = " ".join(prefix.split())
    text = " ".join(sentence.split())
    date_text = " ".join(found.text.split())
    at = len(head) + (1 if head and prefix[-1:].isspace() else 0)
    if text[at:at + len(date_text)] != date_text:
        at = max(0, text.find(date_text))
    stripped = _ENUMERATOR.sub("", text).lstrip("\"'‘“ ")
    at = max(0, at - (len(text) - len(stripped)))
    clause = _clause(stripped, at)
    before = stripped[max(0, at - 60):at] if at <= len(stripped) else ""
    # an object relative clause that carries the date stands on its own
    relative = _relative(clause, clause.find(date_text) if date_text in clause else 0)
    if relative is not None:
        clause = relative
    kind, rule = event_kind(clause, before, found.role)
    if kind is EventKind.HOUSEKEEPING:
        return Event(_tidy(clause), kind.value, rule)
    statement = _date_out(clause, date_text)
    statement = _NEWS_OPENER.sub("", statement)
    statement = _OWN_POSSESSIVE.sub(lambda m: m.group(1) + " ", statement)
    if re.match(r"I\s+[a-z]+", statement):  # "I submitted my report": the report
        statement = re.sub(r"\bmy\b(?!\s+officials)", "the", statement)
    statement = _past(statement)
    statement = _cut(statement)
    statement = re.sub(r"^(?:and|but|then|also|however|furthermore|moreover),?\s+", "", statement,
                       flags=re.IGNORECASE)
    statement = third_person(statement, voice)
    return Event(_tidy(statement) or _tidy(clause), kind.value, rule)
