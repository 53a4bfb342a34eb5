"""Whether a dated reference is a deadline: a table of named rules, tried in order (the first that
fires decides).

A deadline is a date that a deadline phrase governs: something someone is to do, attend or answer by
then ("please reply by 30 June", "you are invited to give evidence on Tuesday 9 March", "That the
Board refer the report to Council on 3 May", "appointed until June 2021", "the deadline for responses
is 12 June"). A date is NOT a deadline when it has gone, when it is only referred to ("your letter of
14 November"), when it starts a count ("within 28 days of 3 May"), when the obligation is denied or
hangs on a condition ("if needed, in August"), or when a future only tells how things will be
("the scheme will end in May", "the visit is expected to take place in June").

`decide(case)` returns (role, rule name). `temporal._role` builds the case and calls it; the name
of the rule that made a date a deadline is kept for `actions.find_actions` (`rule_for`), which
records it on the action it finds (`ActionFound.rule`).
Only generic vocabulary lives here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dossier.analysis.asking import (
    ASKED_TO,
    ASKING_WORD,
    GRATEFUL_IF,
    INVITED_TO_EVENT,
    REQUEST_THAT,
    writing_of,
)
from dossier.analysis.date_patterns import (
    AFTER_CUES,
    BY_CUES,
    CLAUSE_BREAK,
    FUTURE,
    PAST,
    SET_ASIDE,
    TO_VERBS,
)
from dossier.analysis.sentences import Span
from dossier.analysis.tense import by_direction, sentence_cues, states, still_ahead, tense_cue_of
from dossier.domain.dates import PartialDate, Precision, Qualifier
from dossier.domain.findings import DateRole

DEADLINE, EVENT = DateRole.DEADLINE, DateRole.EVENT


class Case:
    """One dated reference and what the rules may read about it (the costly parts found on demand)."""

    __slots__ = ("_asking", "_cue", "_latest", "_strength", "cue", "date", "direction", "doc", "end", "sentence", "start",
                 "text")

    def __init__(self, text: str, start: int, end: int, date: PartialDate, cue: str | None, direction: str | None,
                 sentence: Span, doc: PartialDate | None) -> None:
        self.text, self.start, self.end, self.date = text, start, end, date
        self.cue, self.direction, self.sentence, self.doc = cue, direction, sentence, doc
        self._cue: tuple[str, int] | bool | None = False
        self._strength = 0
        self._latest: dt.date | None = None
        self._asking: bool | None = None

    @property
    def asking(self) -> bool:
        """A verb of asking stands within 200 characters before the date (the request rules' cheap first test)."""
        if self._asking is None:
            self._asking = ASKING_WORD.search(self.text, max(self.sentence.start, self.start - 200), self.start) is not None
        return self._asking

    @property
    def latest(self) -> dt.date:
        """The last day the date may be (worked out once: several rules ask it)."""
        if self._latest is None:
            self._latest = self.date.latest()
        return self._latest

    @property
    def by_type(self) -> bool:
        return self.cue in BY_CUES or self.date.qualifier is Qualifier.BY

    @property
    def before(self) -> str:
        """The sentence's words before the reference."""
        return self.text[self.sentence.start:self.start]

    def near_before(self, width: int = 60) -> str:
        return self.text[max(self.sentence.start, self.start - width):self.start]

    def after(self, width: int = 40) -> str:
        return self.text[self.end:min(self.sentence.end, self.end + width)]

    @property
    def ahead(self) -> bool:
        """The date ends after the document's day (without a document date: it has a year, so it may be)."""
        return self.doc is None or self.latest > _doc_bounds(self.doc)[1]

    def tense_cue(self) -> tuple[str, int] | None:
        """(direction, token index) of the tense cue nearest the reference (see tense.tense_cue_of)."""
        if self._cue is False:
            self._cue = tense_cue_of(self.text, self.sentence, self.start, self.end, 1)
            if self._cue is not None:
                _starts, _ends, cues = sentence_cues(self.text, self.sentence.start, self.sentence.end)
                self._strength = next((s for i, _d, s in cues if i == self._cue[1]), 0)
        return self._cue  # type: ignore[return-value]  # False (not worked out yet) was replaced above

    def cue_strength(self) -> int:
        self.tense_cue()
        return self._strength

    def cue_word(self, offset: int = 0) -> str:
        found = self.tense_cue()
        if found is None:
            return ""
        starts, ends, _cues = sentence_cues(self.text, self.sentence.start, self.sentence.end)
        k = found[1] + offset
        return self.text[starts[k]:ends[k]].lower() if 0 <= k < len(starts) else ""


@lru_cache(maxsize=16)
def _doc_bounds(doc: PartialDate) -> tuple[dt.date, dt.date]:
    """The document date's first and last day (asked for every date it holds)."""
    return doc.earliest(), doc.latest()


@dataclass(frozen=True, slots=True)
class RoleRule:
    """A named way of deciding a date's role: where `test` holds, the date takes `role`."""

    name: str
    test: Callable[[Case], bool]
    role: DateRole


# -- the patterns the rules read -----------------------------------------------------------------
_COUNT_WORDS = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty)"
# "within 35 days of", "28 clear days after", "six weeks following": the date a count starts from
_COUNT_BEFORE = re.compile(
    rf"\b{_COUNT_WORDS}\s+(?:calendar\s+|working\s+|clear\s+|business\s+|school\s+)?"
    r"(?:days?|weeks?|fortnights?|months?|years?)(?P<prep>\s+(?:of|after|following|from))?\s*\Z", re.IGNORECASE)
_COUNT_UNITS = ("day", "week", "fortnight", "month", "year")
_AT_THE_LATEST = re.compile(r"\s*,?\s*at\s+the\s+(?:very\s+)?latest\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|cannot|n['’]t)(?!\s+(?:only|just|least|yet\s+known))\b"
                       r"|n['’]t\b", re.IGNORECASE)
_OWN_CLAUSE = re.compile(r"\b(?:why|which|who|whom|because|since|whereas|fact\s+that|so\s+that|and\s+that"
                         r"|(?:and|but)\s+(?:must|should|will|shall|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to))\b",
                         re.IGNORECASE)
_IF_OR_UNLESS = re.compile(r"\b(?:if|unless|whether|failure\s+to|failing)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|where|when|as)\s+(?:needed|necessary|required|appropriate|need\s+be)\b",
                        re.IGNORECASE)
_DEADLINE_NOUN = re.compile(r"\b(?:deadlines?|closing\s+date|cut-?off(?:\s+date)?)\b", re.IGNORECASE)
# "the consultation closes on", "applications will close at noon on": the last day to respond or apply
_CLOSES = re.compile(
    r"\b(?:consultations?|survey|call\s+for\s+(?:evidence|views|proposals)|applications?|nominations?|submissions?"
    r"|bids?|representations?|tenders?|entries|registration|responses?|comments?|objections?|(?:the\s+)?ballot)\b"
    r"[^.;]{0,60}?\b(?:closes?|will\s+close|(?:is|are)\s+due\s+to\s+close|ends?|will\s+end|runs?|will\s+run"
    r"|(?:is|are)\s+open|remains?\s+open|will\s+(?:remain|be)\s+open)\s+\Z", re.IGNORECASE)
# "councils to be dissolved on 1 April": a passive infinitive that only places what is done to something
_TO_BE_DONE = re.compile(r"\b(?P<prev>[a-z]+)\s+to\s+be\s+[a-z]+(?:ed|en|wn|ne)\s+\Z", re.IGNORECASE)
# "I want the plan to be sent in June", "we would like the report to be published in May": a request
_WRITER_WANTS = re.compile(r"\b(?:I|we|We)\s+(?:\w+\s+){0,2}?(?:want|wish|expect|like|need|require|ask|asked)\b")
_DUTY_BEFORE_TO = frozenset({"is", "are", "am", "was", "were", "be", "been", "need", "needs", "has", "have", "had",
                             "ought", "asked", "required", "requested", "instructed", "directed", "told", "invited"})
# "appointed until June 2021", "seconded until", "to serve until": the end of an appointment
_APPOINTED_UNTIL = re.compile(
    r"\b(?:appoint(?:s|ed|ment)?|re-?appointed|seconded|secondment|serve|serves|serving|term\s+of\s+office"
    r"|in\s+post|contract|tenure|co-?opted|elected)\b[^.;]{0,80}\Z", re.IGNORECASE)
# a resolution in minutes: "That Cabinet refer the report ...", "RESOLVED – that officers write to ..."
_RESOLUTION = re.compile(
    r"[\s\d.()•·*\-–—]*(?:(?:RESOLVED|Resolved|AGREED|Agreed|RECOMMENDED|Recommended)\s*[:\-–—]?\s*)?"
    r"(?:That|that)\s+(?:the\s+|all\s+)?(?:[A-Z][\w'’\-]*\s+(?:and\s+|of\s+)?){1,4}"
    r"(?:be\s+(?:asked|invited|instructed|requested|authorised|authorized)\s+to\s+)?(?P<verb>[a-z]+)\b")
# an action point in minutes: "Clerk to write to the Trust by ...", "ACTION: Ann Roe to circulate ..."
_ACTION_POINT = re.compile(
    r"[\s\d.()•·*\-–—]*(?:(?:ACTIONS?|Actions?)\s*[:\-–—]\s*)?(?:the\s+|The\s+)?(?:[A-Z][\w'’\-]*\s+){1,3}"
    r"to\s+(?P<verb>[a-z]+)\b")
_RESOLUTION_VERBS = TO_VERBS | frozenset({
    "refer", "write", "seek", "request", "invite", "delegate", "authorise", "authorize", "approve", "adopt",
    "endorse", "consult", "circulate", "contact", "obtain", "chase", "action", "investigate", "liaise", "order",
    "purchase", "book", "organise", "organize", "draft", "check", "forward", "respond", "bring", "table",
})
_EVENT_NOUN_BEFORE = re.compile(
    r"\b(?:meeting|consultation|event|visit|session|hearing|conference|workshop|seminar|election|day|days"
    r"|fair|festival|ceremony|celebration|exhibition|open\s+day|drop-in)s?\s*(?:,\s*(?:if|where|when|as)\s+"
    r"[a-z ]{3,20},\s*)?\Z", re.IGNORECASE)
_HAPPENS_BEFORE = re.compile(r"\b(?:to|will|shall|would)\s+(?:take\s+place|happen|occur|be\s+held)\s+\Z",
                             re.IGNORECASE)
# someone is to go to, hold or run the event: "attend its meeting on", "hold a hearing in"
_TO_THE_EVENT = re.compile(r"\b(?:attend|attends|attending|hold|holds|host|hosts|chair|chairs|convene|convenes|join"
                           r"|address|arrange|organise|organize|call|calls)\s+(?:[\w'’\-]+\s+){0,3}?[\w\-]+s?\s+\Z",
                           re.IGNORECASE)
# an event named by its date, after a preposition: "in the run-up to the conference next year", "the agenda for
# the meeting next week": the date places the event, not what is to be done around it (but "before the meeting
# next week", "ahead of", "until" time what is to be done: left to the other rules)
_EVENT_NAMED_BY_DATE = re.compile(
    r"\b(?:to|of|for|after|towards?)\s+(?:the|a|an|its|their|our|your|this|that)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:meeting|consultation|event|visit|session|hearing|conference|workshop|seminar|election"
    r"|summit|ceremony|celebration|exhibition|festival|review)s?\s+\Z", re.IGNORECASE)
# a decision to be taken at a meeting: "agreeing a plan at full Council in December", "will be approved at the
# next Cabinet meeting on 3 May": the day the body is to decide
_DECIDED_AT_MEETING = re.compile(
    r"\b(?:agree|agrees|agreeing|agreed|approve|approves|approving|approved|decide|decides|deciding|decided"
    r"|adopt|adopts|adopting|adopted|ratify|ratifies|ratifying|ratified|determine|determines|determining|determined"
    r"|vote|votes|voting|voted)\b[^.;]{0,80}?\bat\s+(?:(?:the|its|their|a|an)\s+)?"
    r"(?:(?:next|full|special|annual|extraordinary|final)\s+)?"
    r"(?:(?:Council|Cabinet|Board|Committee|Executive|Assembly)\b(?:\s+meeting)?|meeting)\s+\Z")
# an aside that only describes what goes on alongside: "we will start the audit, with further cases being chosen
# next week", "with the rest being sent in May"
_WITH_BEING = re.compile(
    r"\bwith\s+(?:[\w'’\-]+\s+){1,5}?being\s+[a-z]+(?:ed|en|wn|ne|lt|nt)\b[^,;.:]{0,40}\Z", re.IGNORECASE)
_AT_MEETING = re.compile(r"\bat\s+(?:[\w\-]+\s+){0,2}(?:Council|Cabinet|Board|Committee|Executive|Assembly|meeting)"
                         r"(?:\s+meeting)?\s+\Z")
_DUTY_MODALS = frozenset({"must", "should"})
_PERIOD_CUES = frozenset({"during", "throughout", "over"})


# -- the rules ------------------------------------------------------------------------------------
def _gone(c: Case) -> bool:
    return c.doc is not None and c.latest < _doc_bounds(c.doc)[0]


_LATER = re.compile(r"later\b", re.IGNORECASE)


def _own_day(c: Case) -> bool:
    """The document's own day, told without "by": the day it was written, not one to act by."""
    return (c.doc is not None and c.doc.precision is Precision.DAY and c.date.precision is Precision.DAY
            and c.date.value == c.doc.value and c.date.end_value is None and not c.by_type
            and _LATER.match(c.text, c.start) is None)  # "later today": still to come on the day of writing


def _set_aside(c: Case) -> bool:
    lo = max(c.sentence.start, c.start - 20)
    if c.text.find("than", lo, c.start) < 0 and c.text.find("of", lo, c.start) < 0:
        return False  # neither "rather than" nor "instead of" / "in place of": the cheap test first
    return SET_ASIDE.search(c.text, lo, c.start) is not None


def _count_start(c: Case) -> bool:
    before = c.near_before(50)
    if not any(unit in before.lower() for unit in _COUNT_UNITS):
        return False  # no "days", "weeks", "months": nothing counted (the cheap test first)
    m = _COUNT_BEFORE.search(before)
    return m is not None and (m.group("prep") is not None or c.cue in ("from", "after"))


def _writing_of(c: Case) -> bool:
    return c.cue in (None, "on") and writing_of(c.text, max(c.sentence.start, c.start - 50), c.start)


def _negated(c: Case) -> bool:
    """The obligation in the date's clause is denied ("need not reply by", "not appropriate that X should attend
    on"), unless a condition carries it ("if you do not reply by")."""
    before = c.before
    if _NEGATION.search(before) is None:
        return False  # no negation anywhere before the date (most sentences): nothing to deny
    lo = 0
    for brk in CLAUSE_BREAK.finditer(before):
        lo = brk.end()
    clause = before[lo:]
    denied = None
    for found in _NEGATION.finditer(clause):
        denied = found
    if denied is None or _IF_OR_UNLESS.search(before) is not None:
        return False
    # "not clear why | the Board is to attend on": a clause of its own after the negation is not denied
    return _OWN_CLAUSE.search(clause, denied.end()) is None


# "we estimate that by 2030 ...", "it is forecast that by May ...": a projection of how things will be, no task
_PROJECTION = re.compile(r"\b(?:estimates?|estimated|forecasts?|forecasted|projects?|projected|predicts?|predicted"
                         r"|anticipates?|anticipated)\s+that\s+\Z", re.IGNORECASE)
# "a lease meant to last until 2030", "the stock will last till May": how long a thing lasts, no task
_LASTS = re.compile(r"\b(?:last|lasts|lasting)\b(?:\s+[\w'’]+){0,3}\s+\Z", re.IGNORECASE)


def _projection(c: Case) -> bool:
    return _PROJECTION.search(c.text, max(c.sentence.start, c.start - 40), c.start) is not None


def _lasts_until(c: Case) -> bool:
    return c.cue in ("until", "till") and _LASTS.search(c.text, max(c.sentence.start, c.start - 40), c.start) is not None


def _at_the_latest(c: Case) -> bool:
    return _AT_THE_LATEST.match(c.text, c.end, c.sentence.end) is not None


def _by_still_ahead(c: Case) -> bool:
    return c.by_type and c.doc is not None and still_ahead(c.date, c.doc)


def _word_past(c: Case) -> bool:
    return c.direction == PAST


def _by_looking_ahead(c: Case) -> bool:
    return c.by_type and by_direction(c.text, c.sentence, c.start, c.end) != PAST


def _by_looking_back(c: Case) -> bool:
    return c.by_type


def _after_cue(c: Case) -> bool:
    return c.cue in AFTER_CUES


def _period(c: Case) -> bool:
    return c.cue in _PERIOD_CUES


def _possessive(c: Case) -> bool:
    return c.text.startswith(("'s ", "’s ", "' ", "’ "), c.end)


def _conditional(c: Case) -> bool:
    return _CONDITION.search(c.text, max(c.sentence.start, c.start - 40), min(c.sentence.end, c.end + 30)) is not None


def _appointed_until(c: Case) -> bool:
    return c.cue in ("until", "till", "up to") and c.ahead and _APPOINTED_UNTIL.search(c.near_before(100)) is not None


def _deadline_noun(c: Case) -> bool:
    return _DEADLINE_NOUN.search(c.near_before(80)) is not None


def _closes(c: Case) -> bool:
    return _CLOSES.search(c.near_before(100)) is not None


def _asked_to(c: Case) -> bool:
    """Someone was asked, invited, told or required to act or attend, for a day still ahead: reported in
    any tense, the request is still open ("the Clerk was asked to write by", "invites X to a meeting on")."""
    return c.asking and c.ahead and c.cue not in AFTER_CUES and ASKED_TO.search(c.near_before(150)) is not None


def _invited_to_event(c: Case) -> bool:
    return c.asking and c.ahead and INVITED_TO_EVENT.search(c.near_before(150)) is not None


def _done_to_noun(c: Case) -> bool:
    m = _TO_BE_DONE.search(c.near_before(60))
    return m is not None and m.group("prev").lower() not in _DUTY_BEFORE_TO and _WRITER_WANTS.search(c.before) is None


def _resolution(c: Case) -> bool:
    m = _RESOLUTION.match(c.text, c.sentence.start, c.start)
    return m is not None and m.group("verb") in _RESOLUTION_VERBS


def _action_point(c: Case) -> bool:
    m = _ACTION_POINT.match(c.text, c.sentence.start, c.start)
    return m is not None and m.group("verb") in _RESOLUTION_VERBS


def _future(c: Case) -> tuple[str, int] | None:
    cue = c.tense_cue()
    return cue if cue is not None and cue[0] == FUTURE else None


def _duty(c: Case) -> bool:
    """ "must be published before", "should be sent in May": a duty, even in the passive."""
    return _future(c) is not None and c.cue_word() in _DUTY_MODALS


def _scheduled(c: Case) -> bool:
    """ "the office will be closed in May", "the audit is expected to take place in June": how things will be."""
    if _HAPPENS_BEFORE.search(c.near_before(40)) is not None:
        return True
    cue = _future(c)
    return cue is not None and states(c.text, c.sentence, cue[1])


def _event_noun(c: Case) -> bool:
    """ "a further consultation day in May": a date that only places an event, under no stronger cue than an
    infinitive somewhere in the sentence (and no one to attend or hold it: "attend its meeting on")."""
    if c.cue not in (None, "on", "in") or c.cue_strength() >= 2:
        return False
    m = _EVENT_NOUN_BEFORE.search(c.near_before(60))
    return m is not None and _TO_THE_EVENT.search(c.text, max(c.sentence.start, m.start() - 40), m.end()) is None


def _grateful_if(c: Case) -> bool:
    """ "I'd be grateful if you were able to attend on 3 May": a polite request for a day still ahead, in
    whatever tense its conditional is put."""
    return c.asking and c.ahead and GRATEFUL_IF.search(c.near_before(200)) is not None


def _event_named_by_date(c: Case) -> bool:
    """ "in the run-up to the conference next year": a date written straight after an event's name, with no word
    of its own between ("next year", "this month"), names which event it is."""
    return c.cue is None and _EVENT_NAMED_BY_DATE.search(c.near_before(80)) is not None


def _decided_at_meeting(c: Case) -> bool:
    """ "the chance of agreeing a plan at full Council in December": a decision a body is to take at a meeting
    still ahead, in whatever form its verb is put."""
    if c.cue not in (None, "on", "in") or _AT_MEETING.search(c.near_before(60)) is None:
        return False  # not "at the <body> (meeting) on": the cheap test first
    return c.ahead and _DECIDED_AT_MEETING.search(c.near_before(150)) is not None


def _with_being(c: Case) -> bool:
    """ "..., with further cases being chosen next week": the date of an aside in the passive participle, which
    describes what goes on, not what anyone has undertaken."""
    return _WITH_BEING.search(c.near_before(120)) is not None


def _request_that(c: Case) -> bool:
    return c.asking and c.ahead and REQUEST_THAT.search(c.near_before(200)) is not None


def _future_cue(c: Case) -> bool:
    return _future(c) is not None


ROLE_RULES: tuple[RoleRule, ...] = (
    RoleRule("date-gone", _gone, EVENT),
    RoleRule("own-day", _own_day, EVENT),
    RoleRule("set-aside", _set_aside, EVENT),
    RoleRule("count-start", _count_start, EVENT),
    RoleRule("writing-of", _writing_of, EVENT),
    RoleRule("negated-duty", _negated, EVENT),
    RoleRule("projection-that", _projection, EVENT),
    RoleRule("lasts-until", _lasts_until, EVENT),
    RoleRule("at-the-latest", _at_the_latest, DEADLINE),
    RoleRule("by-still-ahead", _by_still_ahead, DEADLINE),
    RoleRule("grateful-if", _grateful_if, DEADLINE),
    RoleRule("told-as-past", _word_past, EVENT),
    RoleRule("by-looking-ahead", _by_looking_ahead, DEADLINE),
    RoleRule("by-looking-back", _by_looking_back, EVENT),
    RoleRule("after-cue", _after_cue, EVENT),
    RoleRule("during-period", _period, EVENT),
    RoleRule("possessive-date", _possessive, EVENT),
    RoleRule("if-needed", _conditional, EVENT),
    RoleRule("appointed-until", _appointed_until, DEADLINE),
    RoleRule("deadline-noun", _deadline_noun, DEADLINE),
    RoleRule("closes-on", _closes, DEADLINE),
    RoleRule("asked-to", _asked_to, DEADLINE),
    RoleRule("invited-to-event", _invited_to_event, DEADLINE),
    RoleRule("request-that", _request_that, DEADLINE),
    RoleRule("noun-to-be-done", _done_to_noun, EVENT),
    RoleRule("resolution-that", _resolution, DEADLINE),
    RoleRule("action-point", _action_point, DEADLINE),
    RoleRule("decided-at-meeting", _decided_at_meeting, DEADLINE),
    RoleRule("event-named-by-date", _event_named_by_date, EVENT),
    RoleRule("with-being-aside", _with_being, EVENT),
    RoleRule("duty-modal", _duty, DEADLINE),
    RoleRule("scheduled-state", _scheduled, EVENT),
    RoleRule("event-noun", _event_noun, EVENT),
    RoleRule("future-cue", _future_cue, DEADLINE),
)
NO_RULE = "no-future-cue"  # none fired: a date that only places something


def decide(case: Case) -> tuple[DateRole, str]:
    """The role of a dated reference and the name of the rule that decided it."""
    for rule in ROLE_RULES:
        if rule.test(case):
            _remember(case, rule.name)
            return rule.role, rule.name
    _remember(case, NO_RULE)
    return EVENT, NO_RULE


# the rule that decided each date's role, for the actions found from it (bounded; keyed by text and span)
_DECIDED: dict[tuple[int, int, int, int], str] = {}
_DECIDED_MAX = 4096


def _remember(case: Case, name: str) -> None:
    if len(_DECIDED) >= _DECIDED_MAX:
        _DECIDED.clear()
    _DECIDED[(hash(case.text), len(case.text), case.start, case.end)] = name


def rule_for(text: str, start: int, end: int) -> str | None:
    """The name of the rule that decided the role of the date at text[start:end] (None: not decided lately)."""
    return _DECIDED.get((hash(text), len(text), start, end))
