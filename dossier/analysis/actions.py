"""Sentences that carry an obligation or a deadline: who is to do what, and by when.

`find_actions(text, document_date=..., dates=..., actors=..., sender=..., recipients=...)` returns:

* one action for each (sentence, due date) where a dated reference has the DEADLINE role
  ("By 14 September I expect to see ...", "This will report by October 2021", "I will be meeting him
  early next month", each bullet of "I ask you to: - ... by June 2021");
* one action for each other sentence that carries an obligation without a date: a direction
  ("I will be directing the Council to ..."), a request ("I have asked X to ..."), a decision
  ("I have decided to commission ..."), an appointment, an inspection, a commitment ("I will ...").

The owner is who must act, found from the grammar of the obligation clause:
* the subject of the modal nearest the date ("the Commissioner who will report", "This will report");
* the object of a request or direction ("I would like the Commissioner to ...", "I have asked Lord X
  to ...", "directing the Council to ..."), or "with the Commissioner then, by ..., to make";
* the addressee for "you", for imperatives and for the bullets under "I ask you to:";
* the sender for "I"/"we".
`Owners` turns what the grammar found into a canonical name: posts ("the Commissioner") become the
person the actors or the text name as holding them ("appointing Lord X as Commissioner"); "this",
"the study" become the person the work is "overseen by"/"led by" (or who was invited to lead it);
"you" becomes the first recipient, else the organisation addressed ("your Council").
Only generic vocabulary of obligation lives here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.analysis import deadline_rules
from dossier.analysis.action_grammar import Agent, Scans, agents, first_conjunct, tokens
from dossier.analysis.action_owners import Owners
from dossier.analysis.action_vocab import (
    BULLET,
    COURTESY,
    DECISION,
    DECISION_WORDS,
    DETERMINERS,
    FIRST_WORD,
    IMPERATIVE_VERBS,
    INTEND_TO,
    LIST_INTRO,
    MODALS_OF_DUTY,
    NEGATION,
    NOT_ACTION_PHRASE,
    NOT_ACTIONS,
    OPENING_VERB,
    OPENING_VERB_OR_PLEASE,
    ORDER_GOES_ON,
    ORG_WORDS,
    PLEASE,
    REPORT_NEAR_DATE,
    REQUESTS_DIRECT,
    TO_ME,
    TO_VERB,
    TYPE_BY_OBJECT,
    TYPE_BY_VERB,
    WISH_TO_SEE,
    WISH_WORDS,
    YOU,
    YOU_REQUEST,
)
from dossier.analysis.date_patterns import PAST
from dossier.analysis.sentences import SentenceIndex, Span, paragraphs
from dossier.analysis.statements import bare_of_participle, cut, summarise, tidy
from dossier.analysis.tense import tense_at
from dossier.analysis.voice import third_person
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound, ActionType, ActorFound, DateFound, DateRole


# -- lists ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _ListInfo:
    who: str | None  # whom the intro asks: "you", "Ann, Bryn and Cara", "I"
    who_start: int | None
    verb: str  # the intro's verb: "ask", "direct", "will"


def _lists(text: str, paras: list[Span]) -> dict[int, _ListInfo]:
    """Paragraph start -> the list it is an item of (bullets or imperatives after an intro ending in ':')."""
    out: dict[int, _ListInfo] = {}
    current: _ListInfo | None = None
    for para in paras:
        body = text[para.start:para.end]
        bullet = BULLET.match(body)
        first = FIRST_WORD.match(body, bullet.end() if bullet else 0)
        imperative = bool(first and first.group(1).lower() in IMPERATIVE_VERBS)
        lower_start = bool(first and first.group(1)[0].islower())
        if current is not None and (bullet or imperative or lower_start):
            out[para.start] = current
        else:
            current = None
        intro = LIST_INTRO.search(body.rstrip()) if body.rstrip().endswith(":") else None
        if intro:
            if intro.group("self"):
                current = _ListInfo(intro.group("self"), para.start + intro.start("self"), "will")
            elif intro.group("you"):
                current = _ListInfo("you", para.start + intro.start("you"), "should")
            else:
                current = _ListInfo(intro.group("who"), para.start + intro.start("who"),
                                    intro.group(0).split()[0].lower())
    return out


# -- the finder -----------------------------------------------------------------------------------
def find_actions(
    text: str,
    *,
    document_date: PartialDate | None,
    dates: Sequence[DateFound],
    actors: Sequence[ActorFound],
    sender: str | None = None,
    recipients: Sequence[str] = (),
) -> list[ActionFound]:
    """Actions in `text`: one per (sentence, due date) of each deadline, then undated obligations.

    `dates` are `find_dates(text, document_date)`: already resolved, so `document_date` is not read again.
    """
    if not text:
        return []
    index = SentenceIndex(text)
    owners = Owners(text, actors, sender, recipients)
    masked = _blank(text, dates)
    paras = paragraphs(text)
    lists = _lists(text, paras)
    out: list[ActionFound] = []
    seen: set[tuple[int, str]] = set()
    dated_sentences: set[int] = set()
    scans = Scans(masked)

    para_starts = [p.start for p in paras]

    def list_of(span: Span) -> tuple[_ListInfo | None, bool]:
        """The list a sentence is an item of, and whether it opens the item."""
        k = bisect_right(para_starts, span.start) - 1
        if k < 0 or span.start >= paras[k].end:
            return None, False
        para = paras[k]
        info = lists.get(para.start)
        opens = info is not None and (span.start == para.start
                                      or bool(BULLET.fullmatch(text[para.start:span.start])))
        return info, opens

    for d in dates:
        if d.role is not DateRole.DEADLINE:
            continue
        span = Span(d.sentence_start, d.sentence_end) if d.sentence_end > d.sentence_start else index.at(d.start)
        key = (span.start, d.date.value)
        if key in seen:
            continue
        seen.add(key)
        dated_sentences.add(span.start)
        action = _action(text, masked, span, owners, *list_of(span), due=d, scans=scans)
        if action is not None:
            out.append(action)
    for span in index.spans:
        if span.start in dated_sentences:
            continue
        in_list, opens_item = list_of(span)
        if in_list is None and not scans.any_in(span) and not OPENING_VERB_OR_PLEASE.match(masked, span.start):
            continue  # nothing in it that could carry an obligation
        action = _action(text, masked, span, owners, in_list, opens_item, due=None, scans=scans)
        if action is not None:
            out.append(action)
    out.sort(key=lambda a: (a.start, a.due.sort_key() if a.due else (a.start, 0)))
    return out


def _blank(text: str, dates: Sequence[DateFound]) -> str:
    """The text with every dated reference blanked out (same length, same offsets)."""
    chars = list(text)
    for d in dates:
        for k in range(d.start, min(d.end, len(chars))):
            if not chars[k].isspace():
                chars[k] = " "
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class _Clause:
    """One way of reading who is to do what in a sentence, placed where its verb stands."""

    verb_start: int
    verb_end: int
    owner: str | None
    kind: ActionType
    what: int  # where the summary starts
    end: int | None = None  # where the clause ends, if before the sentence's end
    who: int | None = None  # where its subject stands
    rule: str = ""  # the named way it was read (see CLAUSE_RULES and `_agent_rule`)
    said: str | None = None  # the summary's words where the text does not say them in order (a passive)


# a passive with its agent: "It must be agreed by Cabinet", "the plan will be signed off by the Board"
_PASSIVE = re.compile(
    r"\b(?:will|shall|must|should|(?:is|are)\s+to|needs?\s+to|has\s+to|have\s+to)\s+(?:also\s+|then\s+|now\s+|first\s+)?"
    r"be\s+(?P<verb>[a-z]+)(?P<particle>\s+(?:up|off|out|on|back))?\s+(?:[a-z]+\s+){0,3}?by\s+"
    r"(?P<who>(?:the\s+|its\s+|their\s+|your\s+)?(?:[A-Z][\w'’\-]*\s+){0,4}[A-Z][\w'’\-]*"
    r"|(?:the|its|their|your|our)\s+[a-z]+(?:\s+[a-z]+)?(?=[\s,.;]))")
# what "it"/"this" stands for: the last thing named before it that can be agreed, signed or sent
_THING_BEFORE = re.compile(
    r"\b(?i:the|this|that|your|our|its|their)\s+(?:[\w\-]+\s+){0,3}?(?:plans?|reports?|proposals?|strateg(?:y|ies)"
    r"|budgets?|polic(?:y|ies)|directions?|schemes?|documents?|reviews?|responses?|accounts|agreements?|decisions?"
    r"|applications?|notices?|recommendations?|drafts?|bids?|cases?|timetables?|contracts?|business\s+case"
    r"|framework|protocol|minutes|terms\s+of\s+reference|statement|letter|consultation)\b")


_NOT_PASSIVE_ACTIONS = frozenset({"be", "see", "know", "feel", "think", "like", "want", "need", "expect", "welcome",
                                  "affect", "impact", "follow", "accompany", "surround", "influence", "appreciate"})


def _passive_clause(masked: str, text: str, span: Span, owners: Owners) -> _Clause | None:
    """"It must be agreed by Cabinet": the agent acts; "agree the plan" (it: the thing named before)."""
    m = _PASSIVE.search(masked, span.start, span.end)
    if m is None:
        return None
    verb = bare_of_participle(m.group("verb"))
    if verb is None or verb in _NOT_PASSIVE_ACTIONS:
        return None
    who = m.group("who")
    if who.split()[-1].lower() in ("which", "who", "then") or who.split()[0] in ("I", "We"):
        return None
    owner = owners.resolve(who, m.start("who"))
    if owner is None:
        return None
    subject = " ".join(masked[span.start:m.start()].split())
    subject = re.sub(r"^(?:[\w\s,]{0,40},\s+)", "", subject)  # "In May, the plan": the plan
    thing = subject if len(subject.split()) <= 6 and re.match(r"(?i)(?:the|this|that|these|those|its|their|your|our|it|they)\b",
                                                              subject) else ""
    if thing.lower() in ("it", "this", "that", "they", "these", "those", ""):
        before = list(_THING_BEFORE.finditer(text, max(0, span.start - 600), span.start))
        thing = before[-1].group() if before else ("it" if thing.lower() in ("it", "this", "that") else "them")
    thing = re.sub(r"^(?:This|That|this|that|The|its|their|Its|Their)\b", "the", thing)
    particle = m.group("particle") or ""
    kind = _type_of(verb, None, thing, None)
    if kind is ActionType.COMMITMENT and re.match(r"must|needs?|has|have|is|are", m.group()):
        kind = ActionType.DIRECTION
    return _Clause(m.start("verb"), m.end("verb"), owner, kind, m.start("verb"),
                   rule="passive-agent", said=f"{verb}{particle} {thing}".strip())


def _action(text: str, masked: str, span: Span, owners: Owners, in_list: _ListInfo | None, opens_item: bool,
            *, due: DateFound | None, scans: Scans | None = None) -> ActionFound | None:
    body = masked[span.start:span.end]
    low = body.lower()
    wish = WISH_TO_SEE.search(body) if " to " in low and WISH_WORDS.search(low) else None
    courtesy = COURTESY.search(body) if "grateful" in low else None
    if due is None and not wish and not courtesy and ("would be" in low or " sure" in low or "know" in low) \
            and NOT_ACTION_PHRASE.search(body):
        return None
    clauses: list[_Clause] = []
    if wish:
        clauses.append(_Clause(span.start + wish.start(), span.start + wish.end(), owners.addressee(),
                               ActionType.REQUEST, span.start + wish.end(), rule="wish-to-see"))
    if courtesy is None and "you" in low:
        courtesy = YOU_REQUEST.search(body)
    if courtesy:
        who = courtesy.groupdict().get("who")
        owner = owners.resolve(who, span.start + courtesy.start("who")) if who else owners.addressee()
        verb_at = span.start + courtesy.start("verb")
        clauses.append(_Clause(verb_at, verb_at + len(courtesy.group("verb")), owner, ActionType.REQUEST, verb_at,
                               rule="grateful-if" if "who" in courtesy.groupdict() else "could-you"))
    found = agents(masked, span, scans.modals_in(span), scans.requests_in(span)) if scans else agents(masked, span)
    for agent in found:
        if due is None and not _is_action(masked, span, agent):
            continue
        if agent.verb.lower() in NOT_ACTIONS and not agent.request and (wish or courtesy):
            continue  # "I would be grateful if ...": the request carries it
        end = _clause_end(masked, span, agent.verb_start + len(agent.verb), found)
        kind = _type_of(agent.verb, agent.request, masked[agent.verb_start:end], in_list if opens_item else None)
        if agent.modal in MODALS_OF_DUTY and agent.np.lower() not in ("i", "we") and kind is ActionType.COMMITMENT:
            kind = ActionType.DIRECTION
        clauses.append(_Clause(agent.verb_start, agent.verb_start + len(agent.verb), _owner_of(agent, owners, span),
                               kind, agent.verb_start, end, agent.np_start if agent.request is None else None,
                               _agent_rule(agent)))
    imperative = _imperative(body, in_list, opens_item)
    if imperative is not None:
        verb_at = span.start + imperative.start("verb")
        verb = imperative.group("verb")
        owner = _list_owner(in_list, owners) if in_list is not None else owners.addressee()
        kind = _type_of(verb, None, masked[verb_at:span.end], in_list)
        if kind is ActionType.COMMITMENT and (in_list is None or in_list.verb != "will"):
            kind = ActionType.DIRECTION if in_list is not None else ActionType.REQUEST
        what = span.start + (imperative.start("please") if imperative.group("please") else verb_at - span.start)
        clauses.append(_Clause(verb_at, verb_at + len(verb), owner, kind, what,
                               rule="list-item" if in_list is not None else "imperative"))
    if not clauses and DECISION_WORDS.search(low):
        decision = DECISION.search(body)
        if decision and not NEGATION.search(body[max(0, decision.start() - 30):decision.end()]):
            then = TO_VERB.match(body, decision.end() + 1)
            kind = _type_of(then.group("verb"), None, "", None) if then else ActionType.DECISION
            if kind is ActionType.COMMITMENT:
                kind = ActionType.DECISION
            clauses.append(_Clause(span.start + decision.start(), span.start + decision.end(), owners.sender, kind,
                                   span.start + decision.end(), rule="decision"))
    if due is not None:
        clauses.extend(_rule_clauses(masked, span, owners, due))
    if " by " in low and " be " in low:
        passive = _passive_clause(masked, text, span, owners)
        if passive is not None:  # the agent acts, not the subject of "must be"
            clauses = [c for c in clauses if not (c.verb_start < passive.verb_start and
                                                  masked[c.verb_start:c.verb_end].lower() == "be")]
            clauses.append(passive)
    return _to_action(text, masked, span, owners, clauses, due, body)


def _to_action(text: str, masked: str, span: Span, owners: Owners, clauses: list[_Clause],
               due: DateFound | None, body: str) -> ActionFound | None:
    """The action of the clause nearest the due date (or the whole dated sentence), summed up."""
    clause = _nearest(clauses, due)
    if clause is None:
        if due is None:
            return None
        clause = _Clause(span.start, span.start, owners.addressee() if YOU.search(body) else None,
                         ActionType.OTHER, span.start, rule="dated-sentence")
    kind = clause.kind
    if due is not None and kind in (ActionType.COMMITMENT, ActionType.OTHER, ActionType.REQUEST) \
            and REPORT_NEAR_DATE.search(masked, max(span.start, due.start - 40), due.start):
        kind = ActionType.REPORT_DUE
    if due is None and clause.owner is None and clause.rule == "imperative" and not PLEASE.search(body):
        return None  # an order to no one: a web page's "Sign up for emails", an article's headline
    said = clause.said if clause.said is not None else _words(text, due, clause.what, clause.end or span.end)
    summary = summarise(said, owners.voice, owner=clause.owner)
    if summary is None:
        if due is None:
            return None  # a fragment ("that a different approach is needed"), not something to be done
        # a dated sentence whose clause is no statement of what to do: the sentence, in the third person
        summary = cut(tidy(third_person(_words(text, due, span.start, span.end), owners.voice)))
        summary = summary[:1].upper() + summary[1:]
    return ActionFound(
        type=kind, summary=summary, sentence=" ".join(text[span.start:span.end].split()), start=span.start,
        end=span.end, owner=clause.owner, addressed_to=_addressed_to(clause.owner, owners, body),
        due=due.date if due else None, due_text=due.text if due else None,
        rule=(deadline_rules.rule_for(text, due.start, due.end) or clause.rule) if due else clause.rule)


@dataclass(frozen=True, slots=True)
class ClauseRule:
    """A named layout of a dated obligation whose subject the modal grammar does not see: where `pattern`
    matches in the sentence, group "who" must act (without one: the addressee) and group "verb" is what
    they are to do."""

    name: str
    pattern: re.Pattern[str]
    kind: ActionType
    due_words: tuple[str, ...] = ()  # if given: only for a due date whose words open with one of these


_WHO = r"(?P<who>you|him|her|them|(?:the\s+)?(?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]*)"
_COUN = re.compile(r"^Coun\.?\s+(?=[A-Z])")
_BODY_OF = re.compile(r"^(?:a|an|the)\s+[a-z][\w\-]*\s+(?:of|from|for|on)\s+(?:the\s+(?=[A-Z]\S*\s+[A-Z]))?"
                      r"(?P<body>(?:the\s+)?[A-Z][\w'’\- ]*)$")
CLAUSE_RULES: tuple[ClauseRule, ...] = (
    # "... and invites Coun Ann Roe to a meeting on 3 May": the one invited is to attend
    ClauseRule("invited-to-event", re.compile(
        rf"\b(?:invite|invites|invited|inviting|summon|summons|summoned)\s+{_WHO}\s+to\s+(?:a|an|the|its|their|our"
        r"|your)\s+(?:[\w\-]+\s+){0,2}?(?P<verb>meeting|hearing|session|conference|interview|workshop|seminar"
        r"|event|discussion|briefing|summit)s?\b"), ActionType.MEETING),
    # a resolution in minutes: "2. That Cabinet refer this report to Council on 30 May"
    ClauseRule("resolution-that", re.compile(
        r"^[\s\d.()•·*\-–—]*(?:(?:RESOLVED|Resolved|AGREED|Agreed|RECOMMENDED|Recommended)\s*[:\-–—]?\s*)?"
        r"(?:That|that)\s+(?P<who>(?:the\s+|all\s+)?(?:[A-Z][\w'’\-]*\s+(?:and\s+|of\s+)?){0,3}[A-Z][\w'’\-]*)\s+"
        r"(?:be\s+(?:asked|invited|instructed|requested|authorised|authorized)\s+to\s+)?"
        r"(?P<verb>(?!be\b|is\b|are\b|was\b|were\b|has\b|had\b)[a-z]+)\b"), ActionType.DIRECTION),
    # "Further to your letter of 2 May, please reply by 30 May": the addressee, wherever "please" stands
    ClauseRule("please-mid-sentence", re.compile(r"(?<=\S)\s+(?:please|kindly)\s+(?P<verb>[a-z]+)\b"),
               ActionType.REQUEST),
    # "Ann Roe has been appointed as Chair until June 2021": the one appointed serves until then
    ClauseRule("appointed-until", re.compile(
        rf"{_WHO}\s+(?:has\s+been|have\s+been|was|were|is|are|will\s+be)\s+(?:re-?)?(?P<verb>appointed)\b"),
               ActionType.APPOINTMENT, ("until", "till", "up to")),
    # a request that someone act, in the subjunctive: "the request that a representative of the Council
    # attend the hearing on 3 May", "recommended that the Board review it by June"
    ClauseRule("request-that", re.compile(
        r"\b(?:request|requests|requested|asked|asks|require|requires|required|recommend|recommends|recommended"
        r"|propose|proposes|proposed|direct|directs|directed|insist|insists|insisted)\b[^.;]{0,80}?\bthat\s+"
        r"(?P<who>(?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*|(?:(?:a|an|the|its|their|your|our)\s+)?[\w'’\-]+"
        r"(?:\s+(?:of|from|for|on)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*)?)\s+(?P<verb>attend|appear|provide|submit|send|reply|respond"
        r"|give|make|publish|prepare|produce|report|meet|write|consider|review|take|complete|confirm)\b"),
        ActionType.REQUEST),
    # "the chance of agreeing a plan at full Council in December": the body that meets is to decide
    ClauseRule("decided-at-meeting", re.compile(
        r"\b(?P<verb>agree|agrees|agreeing|approve|approves|approving|decide|decides|deciding|adopt|adopts|adopting"
        r"|ratify|ratifies|ratifying|determine|determines|determining|vote|votes|voting)\b[^.;]{0,80}?\bat\s+"
        r"(?:(?:the|its|their|a|an)\s+)?(?:(?:next|full|special|annual|extraordinary|final)\s+)?"
        r"(?P<who>Council|Cabinet|Board|Committee|Executive|Assembly)\b"), ActionType.DECISION),
    # reported in minutes or news: "the Clerk was asked to write to the Trust by 3 May"
    ClauseRule("was-asked-to", re.compile(
        rf"{_WHO}\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:asked|invited|instructed|requested"
        r"|required|directed|tasked|told)\s+to\s+(?P<verb>[a-z]+)\b"), ActionType.REQUEST),
)


def _rule_clauses(masked: str, span: Span, owners: Owners, due: DateFound) -> list[_Clause]:
    """The clauses the named layouts of CLAUSE_RULES read in a dated sentence."""
    out: list[_Clause] = []
    body = masked[span.start:span.end]
    due_words = due.text.lower()
    for rule in CLAUSE_RULES:
        if rule.due_words and not due_words.startswith(rule.due_words):
            continue
        m = rule.pattern.search(body)
        if m is None:
            continue
        verb_at = span.start + m.start("verb")
        if "who" in rule.pattern.groupindex:
            who_at = span.start + m.start("who")
            who = _COUN.sub("", m.group("who"))  # "Coun Ann Roe": a councillor
            body_of = _BODY_OF.search(who)  # "a representative of the Council": the Council acts
            if body_of is not None:
                who, who_at = body_of.group("body"), who_at + body_of.start("body")
            owner = owners.resolve(who, who_at)
        else:
            who_at, owner = verb_at, owners.addressee()
        out.append(_Clause(verb_at, span.start + m.end("verb"), owner, rule.kind,
                           verb_at, rule=rule.name))
    return out


def _agent_rule(agent: Agent) -> str:
    """The name of the grammar that read an agent: "I have asked X to" (request-object), "X will"
    (modal-subject), "I intend to" (intend-to), "with X, by ..., to" / "X to" at a sentence's start (to-infinitive)."""
    if agent.request is not None:
        return "request-object"
    if agent.modal is None:
        return "to-infinitive"
    return "intend-to" if INTEND_TO.fullmatch(agent.modal) else "modal-subject"


def _imperative(body: str, in_list: _ListInfo | None, opens_item: bool) -> re.Match[str] | None:
    """The order a sentence opens with ("Please confirm", "Send", a list item's verb), if it is one."""
    m = OPENING_VERB.match(body)
    if m is None:
        return None
    verb = m.group("verb")
    if m.group("please"):
        return m
    if in_list is not None and opens_item and (verb.lower() in IMPERATIVE_VERBS or verb[:1].islower()):
        return m
    if in_list is None and verb.lower() in IMPERATIVE_VERBS and verb[:1].isupper() \
            and _looks_imperative(body[m.end("verb"):]):
        return m
    return None


def _looks_imperative(rest: str) -> bool:
    """What follows an opening verb reads like an order: "Send the report to ...", "Work with ..."."""
    return bool(ORDER_GOES_ON.match(rest))


def _is_action(masked: str, span: Span, agent: Agent) -> bool:
    """An undated clause that really carries something to be done (not a state, a negation or the past)."""
    verb = agent.verb.lower()
    if verb == "be" or (verb in NOT_ACTIONS and not agent.request):
        return False
    if agent.request_start is not None:
        if NEGATION.search(masked, max(span.start, agent.request_start - 25), agent.request_start):
            return False
        if tense_at(masked, span, agent.request_start, agent.np_start, strong_only=True) == PAST:
            return False  # "I said that I intended to ask X to ..."
    if agent.request and agent.request.lower().endswith("ed"):
        before = tokens(masked, max(span.start, agent.trigger_start - 200), agent.np_start)
        req_at = [k for k, t in enumerate(before) if t.group().lower() == agent.request.lower()]
        if req_at and (req_at[-1] == 0 or before[req_at[-1] - 1].group().lower() not in ("have", "has", "having")):
            return False  # "I appointed X to ...", "I asked you to ...": what was asked before
    if NEGATION.search(masked, max(span.start, agent.trigger_start - 25), agent.verb_start):
        return False
    if agent.np.lower() in ("it", "that", "this") and not agent.request and verb in ("be", "is"):
        return False
    return agent.request is not None or tense_at(masked, span, agent.trigger_start, agent.verb_start) != PAST


# a conjunction that opens a clause with a subject of its own: "... next week | and I expect her to ..."
_CLAUSE_JOIN = re.compile(r"(?:[,;]?\s+(?:and|but|while|whereas)|;)\s+(?:\S+\s+){0,2}?$")


def _clause_end(text: str, span: Span, after: int, found: Sequence[Agent]) -> int:
    """Where the clause whose verb ends at `after` ends: before a conjunction that opens another
    clause with its own subject, else at the sentence's end."""
    for agent in found:
        head = agent.np_start if agent.request_start is None else min(agent.np_start, agent.request_start)
        if head <= after:
            head = agent.trigger_start  # the subject said once for both: "We expect to ..., and will ..."
            if head <= after:
                continue
        m = _CLAUSE_JOIN.search(text, after, head)
        if m is not None:
            return m.start()
    return span.end


def _nearest(clauses: list[_Clause], due: DateFound | None) -> _Clause | None:
    """The clause that carries the date: the one whose verb is nearest it (without a date, the first)."""
    if not clauses:
        return None
    if due is None:
        return min(clauses, key=lambda c: c.verb_start)

    def distance(c: _Clause) -> tuple[bool, int]:
        holds = c.end is not None and c.verb_end <= due.start and due.end <= c.end  # the date is in its clause
        if c.verb_start >= due.end:
            return not holds, c.verb_start - due.end
        return not holds, max(0, due.start - c.verb_end)

    return min(clauses, key=distance)


def _owner_of(agent: Agent, owners: Owners, span: Span) -> str | None:
    np = agent.np
    words = np.split()
    low = np.lower()
    if low in ("i", "we", "you") or words[0].lower() in ("your", "our", "my"):
        return owners.resolve(np, agent.np_start)
    if low in ("he", "she", "him", "her"):  # "She will begin", "I expect her to report"
        return owners.person_before(agent.np_start)
    head = words[1:] if words[0].lower() in DETERMINERS and len(words) > 1 else words
    if low in ("this", "it", "that", "these", "those") or head[0][:1].islower() or re.search(r"['’]s\s+\w+$", np):
        possessor = re.match(r"(.+?)['’]s\s+\w+$", np)
        if possessor:  # "Professor Y's team"
            return owners.resolve(possessor.group(1), agent.np_start)
        if head[-1].lower() in ORG_WORDS and all(w[:1].islower() for w in head):
            # "the council", "the public authority": the body the text defines so, else the one it names
            return owners.defined(" ".join(head)) or owners.organisation(head[-1])
        return owners.by_agent(max(0, span.start - 1500), agent.np_start)
    return owners.resolve(first_conjunct(np), agent.np_start)


def _list_owner(info: _ListInfo, owners: Owners) -> str | None:
    if info.who is None:
        return owners.addressee()
    return owners.resolve(first_conjunct(info.who), info.who_start)


def _type_of(verb: str, request: str | None, clause: str, in_list: _ListInfo | None) -> ActionType:
    for pattern, kind in TYPE_BY_VERB:
        if pattern.match(verb):
            return kind
    head = " ".join(clause.split()[:8])
    for pattern, kind in TYPE_BY_OBJECT:
        if pattern.search(head):
            return kind
    if request:
        return ActionType.DIRECTION if request.lower() in REQUESTS_DIRECT else ActionType.REQUEST
    if in_list is not None:
        return ActionType.COMMITMENT if in_list.verb == "will" else ActionType.DIRECTION
    return ActionType.COMMITMENT


def _addressed_to(owner: str | None, owners: Owners, sentence: str) -> str | None:
    if TO_ME.search(sentence) and owner != owners.sender:
        return owners.sender
    addressee = owners.addressee()
    if owner is not None and owner == addressee:
        return owners.sender
    return addressee


def _words(text: str, due: DateFound | None, start: int, end: int) -> str:
    """The words of text[start:end], without the due date's words."""
    words = text[start:end]
    if due is not None and start <= due.start < end:
        words = words[:due.start - start] + " " + words[due.end - start:]
    return words
