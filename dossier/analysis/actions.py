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

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.analysis import deadline_rules
from dossier.analysis.names import person_name
from dossier.analysis.sentences import SentenceIndex, Span, paragraphs
from dossier.analysis.statements import bare_of_participle, cut, summarise, tidy
from dossier.analysis.temporal import PAST, tense_at
from dossier.analysis.vocab import POSSESSIVE, POST_WORDS
from dossier.analysis.voice import third_person, voice_of
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionFound, ActionType, ActorFound, ActorKind, DateFound, DateRole

# -- vocabulary -----------------------------------------------------------------------------------
_MODAL = re.compile(
    r"\b(?:will|shall|must|should|would|(?:is|are|am)\s+(?:to|due\s+to|expected\s+to|required\s+to|asked\s+to"
    r"|going\s+to|invited\s+to|minded\s+to)|(?:has|have)\s+to|needs?\s+to)\b|(?<=\w)['’]ll\b"
    r"|\b(?:am|are)(?=\s+(?:now\s+|therefore\s+|also\s+)*(?:appointing|directing|commissioning|asking|requiring"
    r"|instructing|inviting|establishing|setting\s+up|launching|extending|withdrawing|arranging|proposing|providing"
    r"|sending|issuing|publishing|convening|meeting|visiting)\b)")
_TO_VERB = re.compile(r"\bto\s+(?P<verb>[a-z][a-z\-]+)\b")
_FOR_TO = re.compile(r"\bfor\s+(?P<np>(?:the|your|our|their|its)\s+[a-z][\w\-]*|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,5})\s+$")
# the label minutes give an action point: "ACTION: DP to circulate ...", "Action - All to ..."
_ACTION_LABEL = re.compile(r"\s*(?:ACTIONS?|Actions?|AP)\s*[:\-–—]\s*")
_DETERMINERS_AFTER_TO = frozenset({"our", "your", "my", "the", "their", "his", "her", "its", "this", "that", "these",
                                   "those", "a", "an", "all", "each", "every", "some", "any"})
_REQUEST_VERB = re.compile(
    r"\b(?P<req>ask|asks|asked|asking|invite|invites|invited|inviting|expect|expects|expected|expecting|like|want"
    r"|wants|wanted|wanting|direct|directs|directed|directing|require|requires|required|requiring|instruct"
    r"|instructs|instructed|instructing|urge|urges|urged|urging|encourage|encourages|encouraged|encouraging"
    r"|request|requests|requested|requesting|commission|commissioned|commissioning|need|needs|get|allow|appoint"
    r"|appointed|appointing|task|tasked|charge|charged|mandate|mandated|press|pressed|call\s+on|called\s+on)\b")
_WISH_TO_SEE = re.compile(
    r"\b(?:I|we)\s+(?:would\s+|should\s+|will\s+|now\s+|also\s+)*(?:wish|want|expect|like|need|hope|look\s+forward)"
    r"\s+to\s+(?:see|seeing|receive|receiving|have|hear|hearing|be\s+(?:sent|given|provided|told|informed|notified"
    r"|updated))\b",
    re.IGNORECASE)
_DECISION = re.compile(
    r"\b(?:I|we)\s+(?:have\s+)?(?:now\s+|therefore\s+|also\s+)*(?:decided|agreed|concluded|resolved|determined)\b"
    r"(?!\s+(?:with|by))", re.IGNORECASE)
_LIST_INTRO = re.compile(
    r"\b(?:ask|asked|asking|require|required|direct|directed|directing|expect|invite|invited|instruct|instructed"
    r"|would\s+like|want|urge|recommend(?:ed)?\s+that)\s+(?P<who>[^.;:]{1,80}?)\s+to\s*:\s*$"
    r"|\b(?P<self>I|we)\s+(?:will|shall|intend\s+to|plan\s+to)\s*:\s*$"
    r"|\b(?P<you>you)\s+(?:should|must|will\s+need\s+to|are\s+asked\s+to|need\s+to)\s*:\s*$",
    re.IGNORECASE)
_BY_AGENT = re.compile(
    r"\b(?:overseen|led|chaired|carried\s+out|conducted|undertaken|run|headed|managed|delivered|prepared|written"
    r"|supervised|coordinated|co-ordinated)\s+by\s+(?P<who>(?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*)")
_INVITE_TO_LEAD = re.compile(
    r"\b(?:invite|ask|asked|asking|invited|commission|commissioned)\s+(?P<who>you|(?:[A-Z][\w'’\-]*\s+){0,3}"
    r"[A-Z][\w'’\-]*)\b[^.]{0,120}?\bto\s+(?:form|lead|oversee|undertake|carry|conduct|commission|chair|produce"
    r"|prepare|run|head|manage)\b")
_BULLET = re.compile(r"^\s*(?:[•·●▪◦‣∙○■□➢►*]|[-–—](?=\s)|\(?[a-z0-9]{1,3}[.)](?=\s))\s*")
_NEGATION = re.compile(r"\b(?:not|no\s+longer|never|won['’]t|shan['’]t|cannot|can['’]t|rather\s+than|instead\s+of"
                       r"|whether)\b", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_ORG_HEADS = ("Council", "Authority", "Board", "Trust", "Department", "Ministry", "Agency", "Committee",
              "Partnership", "Commission", "Company", "Service", "Services", "School", "College", "University",
              "Inspectorate", "Directorate", "Association", "Organisation", "Corporation")
_ORG_WORDS = frozenset(h.lower() for h in _ORG_HEADS)
_ADDRESSED_ORG = re.compile(rf"\b(?:(?P<your>[Yy]our)\s+(?P<yhead>(?i:{'|'.join(_ORG_HEADS)}))"
                            rf"|(?:the|The)\s+(?P<head>{'|'.join(_ORG_HEADS)}))\b")
_TO_ME = re.compile(r"\bto\s+(?:me|us)\b", re.IGNORECASE)
_REPORT_NEAR_DATE = re.compile(r"\b(?:report|reports|reporting|recommendations?|findings|advice)\b[\w\s,]{0,20}\Z",
                               re.IGNORECASE)
_NAME = r"(?P<name>(?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*)"
_HOLDER_BEFORE = re.compile(  # "Lord X as (Improvement) Commissioner", "Lord X – Commissioner", "Lord X (Commissioner"
    rf"{_NAME}(?:\s+as\s+(?:the\s+|our\s+|its\s+|your\s+|an?\s+)?(?:new\s+|interim\s+|acting\s+)?"
    rf"|\s*[–—-]\s*(?:the\s+)?|\s*\(\s*(?:the\s+)?|,\s+(?:the\s+)?)(?:[A-Z][\w'’\-]*\s+){{0,3}}\Z")
_HOLDER_AFTER = re.compile(rf",\s+{_NAME}\b")  # "the Commissioner, Lord X"
_CAPITALS_BEFORE = re.compile(r"(?:[A-Z][\w'’&\-]*\s+){1,4}\Z")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’\-]*\s+){1,3}\Z")
_WISH_WORDS = re.compile(r"wish|want|expect|like|need|hope|look")
_DECISION_WORDS = re.compile(r"decided|agreed|concluded|resolved|determined")
_COURTESY = re.compile(
    r"\b(?:I|we)\s+(?:would|should|will)\s+be\s+(?:most\s+|very\s+|extremely\s+)?grateful\s+"
    r"(?:if\s+(?P<who>you|your\s+[\w\s]{1,30}?|(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})\s+"
    r"(?:could|would|can|will|might)\s+(?:please\s+|also\s+|now\s+)*|for\s+(?:your\s+)?)(?P<verb>[a-z]+)")
_YOU_REQUEST = re.compile(r"\b(?:[Cc]ould|[Ww]ould|[Cc]an|[Ww]ill)\s+you\s+(?:please\s+|kindly\s+|also\s+|now\s+)*"
                          r"(?P<verb>(?!be\b|have\b|like\b|mind\b)[a-z]+)")
_MODAL_STARTS = ("will", "shall", "must", "should", "would", "is", "are", "am", "has", "have", "need")
_REQUEST_STARTS = ("ask", "invit", "expect", "like", "want", "direct", "requir", "instruct", "urg", "encourag",
                   "request", "commission", "need", "get", "allow", "appoint", "task", "charge", "mandate", "press",
                   "call")
_OBLIGATION_STARTS = ("grateful", "please", "kindly", "decided", "agreed", "concluded", "resolved", "determined",
                      "you to", "with", "wish", "hope", "look forward", "could you", "can you")
_OPENING_VERB = re.compile(r"[\s•·●▪◦‣∙○■□➢►*\-–—]*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?P<please>(?:[Pp]lease|[Kk]indly)\s+"
                           r"(?:also\s+|now\s+|could\s+you\s+|would\s+you\s+)*)?(?P<verb>[A-Za-z]+)")
_ORDER_GOES_ON = re.compile(r"\s+(?:the|a|an|your|all|any|me|us|them|him|her|it|this|that|with|to|on|for|and|out"
                            r"|up|back|in|by)\b")
_MODALS_OF_DUTY = frozenset({"must", "has to", "have to", "is required to", "are required to", "is to", "are to",
                             "need to", "needs to"})
_VERB_FORM = re.compile(r"(?:ed|ing)$")
_BRACKETS = re.compile(r"\([^)]*\)")
_CONJUNCTION = re.compile(r",|\s+and\s+|\s+or\s+")
_FIRST_PERSON_OPENING = re.compile(r"[\s•·*\-–—]*(?:\w+,\s+)?(I|We|we)\b")
_OBJECT_BREAK = re.compile(r"[.;:]|\bto\b")
_LEADING_DETERMINER = re.compile(r"^(?:the|your|our|its|their)\s+", re.IGNORECASE)
_PLEASE = re.compile(r"\b(?:please|kindly)\b", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")
_WORD = re.compile(r"[A-Za-z][\w'’\-]*|[,;:()–—.&]")

# "I intend to", "we look to return", "the Trust hopes to open": an intention of the one named before it
_INTEND_TO = re.compile(r"\b(?:intends?|plans?|proposes?|expects?|aims?|looks?|hopes?|seeks?)\s+to\b", re.IGNORECASE)
_SKIP_AFTER_MODAL = frozenset({
    "also", "then", "now", "subsequently", "shortly", "jointly", "therefore", "of", "course", "further", "again",
    "soon", "first", "immediately", "promptly", "in", "addition", "both", "all", "each", "still", "kindly", ",",
    "able", "to", "please", "be", "certainly", "personally", "duly", "formally", "happy", "pleased", "glad",
})
_BEFORE_TO = frozenset({"need", "needs", "want", "wish", "seek", "look", "like", "continue", "aim", "try", "hope",
                        "intend", "plan", "expect", "propose", "wants", "wishes"})
_NOT_ACTIONS = frozenset({  # verbs of state, thought or courtesy: "you will share my view", "this will be"
    "share", "welcome", "know", "agree", "understand", "appreciate", "recognise", "recognize", "accept", "note",
    "see", "feel", "think", "believe", "hope", "remain", "be", "have", "seem", "like", "want", "wish", "expect",
    "count", "mean", "say", "help", "depend", "involve", "include", "need", "benefit", "result", "lead", "appear",
    "become", "find", "get", "join", "thank", "recall", "remember", "realise", "realize", "enjoy", "value",
})
_NOT_ACTION_PHRASE = re.compile(r"\b(?:would\s+be\s+(?:helpful|grateful|useful|good|happy|pleased|glad)"
                                r"|(?:I|we)\s+(?:am|are)\s+sure|I\s+know|we\s+know|as\s+you\s+know)\b",
                                re.IGNORECASE)
_REQUESTS_DIRECT = frozenset({"direct", "directs", "directed", "directing", "instruct", "instructs", "instructed",
                              "instructing", "require", "requires", "required", "requiring", "mandate", "mandated"})
_COLLAB_VERBS = frozenset({"work", "working", "works", "liaise", "liaising", "engage", "engaging", "cooperate",
                           "co-operate", "collaborate", "partner", "consult", "consulting", "together", "meet",
                           "meeting", "discuss", "agree", "share"})
_NP_STOP = frozenset({"of", "for", "by", "from", "about", "on", "at", "into", "than", "in", "under", "over", "via",
                      "upon", "against", "like", "between", "among", "through", "to"})
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "that"})
_OBJECT_PRONOUNS = frozenset({"you", "him", "her", "them", "us", "me", "it", "this", "that", "everyone"})
_ORDINALS = frozenset({"further", "second", "new", "final", "first", "next", "third", "last", "fresh", "separate"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "your", "our", "my", "their",
                          "his", "her", "its", "further", "second", "new", "final", "first", "next", "each", "any"})
_AGENT_NOUNS = frozenset({"team", "panel", "review", "study", "report", "work", "group", "board", "office",
                          "officials", "inquiry", "commission", "assessment", "evaluation", "plan", "piece",
                          "council", "authority", "trust", "committee", "department", "service", "project",
                          "consultation", "programme", "officers", "staff", "contractor", "consultants"})
_NOT_IN_NAMES = frozenset({"i", "please", "support", "work", "ensure", "provide", "ask", "invite", "appoint",
                           "thank", "dear", "whilst", "while", "if", "when", "as", "so", "but", "also"})
_NP_INNER = frozenset({"le", "la", "de", "du", "van", "von", "der", "den", "of", "for", "and", "&", "the", "on"})
_IMPERATIVE_VERBS = frozenset({
    "work", "support", "ensure", "provide", "review", "submit", "assess", "consider", "advise", "prepare", "develop",
    "agree", "produce", "set", "make", "take", "publish", "send", "confirm", "report", "identify", "deliver",
    "establish", "implement", "engage", "complete", "appoint", "please", "write", "respond", "reply", "arrange",
    "meet", "share", "inform", "notify", "tell", "let", "give", "put", "bring", "update", "undertake", "carry",
    "conduct", "commission", "strengthen", "address", "explain", "test", "draw", "monitor", "continue",
    "improve", "present", "return", "act", "hold", "attend", "begin", "start", "stop", "cease", "secure", "draft",
    "seek", "obtain", "evaluate", "audit", "inspect", "check", "remove", "replace", "recruit", "alert", "involve",
    "keep", "maintain", "record", "adopt", "apply", "nominate", "circulate", "organise", "organize", "schedule",
    "contact", "liaise", "forward", "sign", "pay", "file", "lodge", "resolve", "reconsider",
})
_OPENING_VERB_OR_PLEASE = re.compile(rf"[\s•·*\-–—]*(?:[Pp]lease|[Kk]indly|(?i:{'|'.join(sorted(_IMPERATIVE_VERBS))}))\b")
_TYPE_BY_VERB = (
    (re.compile(r"^appoint", re.I), ActionType.APPOINTMENT),
    (re.compile(r"^inspect", re.I), ActionType.INSPECTION),
    (re.compile(r"^(?:meet|meeting|visit|discuss)", re.I), ActionType.MEETING),
    (re.compile(r"^(?:report|recommend|advise|advising)", re.I), ActionType.REPORT_DUE),
    (re.compile(r"^(?:direct|instruct|require)", re.I), ActionType.DIRECTION),
    (re.compile(r"^(?:decid|determin)", re.I), ActionType.DECISION),
)
_TYPE_BY_OBJECT = (
    (re.compile(r"\binspect(?:ion|ions|s|ing)?\b", re.I), ActionType.INSPECTION),
    (re.compile(r"\b(?:appointment|appoint)\b", re.I), ActionType.APPOINTMENT),
    (re.compile(r"\bmeetings?\b", re.I), ActionType.MEETING),
    (re.compile(r"\b(?:report|reports|reporting|recommendations?|findings|advice)\b", re.I), ActionType.REPORT_DUE),
)


@dataclass(frozen=True, slots=True)
class Agent:
    """Who is to act in a clause, and the verb of what they are to do (offsets into the text)."""

    np: str  # the noun phrase as written: "the Commissioner", "you", "Lord Quennell", "This"
    np_start: int
    verb: str  # "report", "make", "meeting"
    verb_start: int
    trigger_start: int  # the modal or "to" that carries the obligation
    request: str | None = None  # the request verb that governs it ("like", "directing", "asked")
    request_start: int | None = None
    modal: str | None = None  # "will", "must", "to" ...


# -- owners ---------------------------------------------------------------------------------------
class Owners:
    """Turns a noun phrase of the text into an owner's canonical name. Improve here, on its own."""

    def __init__(self, text: str, actors: Sequence[ActorFound], sender: str | None,
                 recipients: Sequence[str]) -> None:
        self.text = text
        self._low = text.lower()
        self.actors = list(actors)
        self.sender = sender
        self.recipients = [r for r in recipients if r]
        self._addressee: str | None = None
        self._addressee_known = False
        self._holders: dict[str, str | None] = {}
        self._fullest: dict[str, str] = {}
        self._leads: tuple[list[re.Match[str]], list[re.Match[str]]] | None = None
        voice = voice_of(text, sender, None, self.recipients, self.actors)
        if voice.recipient_org is None and not self.recipients and _YOU.search(text):
            voice = dataclasses.replace(voice, recipient_org=self.addressee())  # "your Council", named in the text
        self.voice = voice

    def addressee(self) -> str | None:
        """The first recipient, else the organisation the letter addresses ("your Council")."""
        if not self._addressee_known:
            self._addressee = self._find_addressee()
            self._addressee_known = True
        return self._addressee

    def _find_addressee(self) -> str | None:
        if self.recipients:
            return self.recipients[0]
        if _YOU.search(self.text) is None:
            return None  # not written to anyone (an article, a note)
        yours: dict[str, int] = {}
        others: dict[str, int] = {}
        for m in _ADDRESSED_ORG.finditer(self.text):
            bucket, head = (yours, m.group("yhead").title()) if m.group("your") else (others, m.group("head"))
            bucket[head] = bucket.get(head, 0) + 1
        counts = yours or others
        for head in sorted(counts, key=lambda h: -counts[h]):
            found = self.organisation(head)
            if found:
                return found
        return f"the {max(counts, key=lambda h: counts[h])}" if counts else None

    def organisation(self, head: str) -> str | None:
        """The organisation a bare head noun ("Council") stands for: an actor, else a full name in the text."""
        low = head.lower()
        for actor in self.actors:
            if actor.kind is ActorKind.ORGANISATION:
                forms = {f.lower() for f in (actor.name, *actor.forms)}
                if forms & {low, f"the {low}", f"your {low}"}:
                    return actor.name
        for actor in self.actors:
            if actor.kind is ActorKind.ORGANISATION and actor.name.lower().endswith(" " + low):
                return actor.name
        i = self._low.find(low)
        while i >= 0:  # look before each mention of the head noun, not through the whole text
            end = i + len(low)
            if end == len(self.text) or not self.text[end].isalnum():
                m = _CAPITALS_BEFORE.search(self.text, max(0, i - 80), i)
                words = m.group(0).split() if m else []
                while words and words[0] in ("The", "Your", "Our", "This", "That", "Dear", "A", "An"):
                    words.pop(0)
                if words:
                    return " ".join([*words, self.text[i:end]])
            i = self._low.find(low, i + 1)
        return None

    def defined(self, phrase: str) -> str | None:
        """The body a document defines by a common noun: "Public Authority: Borough of Eastvale" or
        "Eastvale Borough Council ("the council")" define "the public authority", "the council"."""
        words = r"\s+".join(re.escape(w) for w in phrase.split())
        label = re.search(rf"(?im)^[ \t]*(?:the\s+)?{words}[ \t]*:[ \t]*(?P<name>[A-Z][^\n:]{{2,80}}?)"
                          r"(?=[ \t]{2,}|[ \t]+(?:Address|Date|Tel|Ref|Reference)\b|[ \t]*$)", self.text)
        if label is not None:
            return " ".join(label.group("name").split()).rstrip(" ,.")
        named = re.search(rf"(?P<name>(?:[A-Z][\w'’&\-]*\s+(?:of\s+|and\s+|for\s+|the\s+)?){{1,6}})\(\s*(?:hereafter\s+)?"
                          rf"[“\"‘']?the\s+(?i:{words})[”\"’']?\s*\)", self.text)
        if named is not None:
            return " ".join(named.group("name").split())
        return None

    def resolve(self, np: str, np_start: int | None = None) -> str | None:
        """A noun phrase as written ("the Commissioner", "you", "Lord Quennell") -> canonical owner."""
        np = " ".join(_BRACKETS.sub(" ", np).split()).strip(" ,")
        low = np.lower()
        if low in ("i", "me", "my"):
            return self.sender
        if low in ("we", "us", "our"):  # the organisation the sender writes for, where the text names it
            return self.voice.sender_org or self.sender
        if low in ("you", "your", "yourself", "yourselves"):
            return self.addressee()
        if not np or low in _SUBJECT_PRONOUNS | _OBJECT_PRONOUNS:
            return None
        if np_start is not None:
            actor = self._actor_at(np_start, np_start + len(np))
            if actor:
                return actor
        words = np.split()
        det = words[0].lower() if words[0].lower() in ("the", "your", "our", "my", "this", "that", "a", "an") else None
        head = " ".join(words[1:]) if det else np
        if det in ("our", "my") and head.split()[-1] in _ORG_HEADS:  # "our Department": the sender's body
            return self.voice.sender_org or self.organisation(head) or self.sender
        if det in ("your", "our", "my") and head[:1].islower():
            return self.addressee() if det == "your" else self.sender  # "your officers", "my officials"
        if not head or head[0].islower():
            return None  # "the study", "a further report": work, not an actor
        by_form = self._actor_by_form(np) or self._actor_by_form(head)
        if by_form:
            return by_form
        if det:
            holder = self.post_holder(head)
            if holder:
                return holder
            if det == "your" and head.split()[-1] in _ORG_HEADS and self.addressee():
                return self.addressee()
            if det == "that":  # "noted that Cabinet would": a conjunction, not "that Cabinet"
                return self.organisation(head) or head
            return self.organisation(head) or f"{det} {head}"
        if head.split()[-1].lower() in POST_WORDS and all(w[:1].isupper() for w in head.split()):
            # "Chief Executive to circulate" in minutes: the holder the document names, else the post itself
            return self.post_holder(head) or f"the {head}"
        if head in _ORG_HEADS:  # "at full Council", "Board to decide": the body of that kind the text names
            return self.organisation(head) or head
        name = person_name(head, min_tokens=1)
        return self._fuller(name) if name else head

    def _actor_at(self, start: int, end: int) -> str | None:
        for actor in self.actors:
            for m in actor.mentions:
                if m.start < end and start < m.end:
                    return actor.name
        return None

    def _actor_by_form(self, surface: str) -> str | None:
        key = surface.lower()
        for actor in self.actors:
            if key == actor.name.lower() or key in (f.lower() for f in actor.forms):
                return actor.name
        return None

    def post_holder(self, post: str) -> str | None:
        """Who holds a post ("Commissioner"): from the actors' posts, else "X as Commissioner" in the text."""
        if post not in self._holders:
            self._holders[post] = self._find_holder(post)
        return self._holders[post]

    def _find_holder(self, post: str) -> str | None:
        key = re.compile(rf"\b{re.escape(post.lower())}\b")
        for actor in self.actors:
            if actor.kind is ActorKind.PERSON and any(key.search(p.lower()) for p in actor.posts):
                return actor.name
        post_re = re.compile(re.escape(post).replace(r"\ ", r"\s+") + r"\b")
        for m in post_re.finditer(self.text):  # look beside each mention of the post, not through the text
            before = self.text[max(0, m.start() - 60):m.start()]
            after = self.text[m.end():m.end() + 60]
            found = _HOLDER_BEFORE.search(before) or _HOLDER_AFTER.match(after)
            if found:
                name = person_name(found.group("name"), min_tokens=1)
                if name:
                    return self._fuller(name)
        return None

    def _fuller(self, name: str) -> str:
        """The fullest form of a name among the actors or in the text ("Quennell" -> "Tobias Quennell")."""
        if name in self._fullest:
            return self._fullest[name]
        best = name
        for actor in self.actors:
            if actor.kind is ActorKind.PERSON and (name == actor.name or name in actor.forms
                                                   or actor.name.endswith(" " + name)
                                                   or actor.name.startswith(name + " ")):
                best = actor.name
                break
        else:
            i = self.text.find(name)
            while i >= 0:
                m = _NAME_BEFORE.search(self.text, max(0, i - 50), i)
                if m and m.group(0).split()[0].rstrip(".") != "Coun":
                    full = person_name(m.group(0) + name)
                    if full and full.endswith(name) and len(full) > len(best):
                        best = full
                i = self.text.find(name, i + 1)
        self._fullest[name] = best
        return best

    def person_before(self, pos: int, within: int = 400) -> str | None:
        """Who "he" or "she" at `pos` most likely is: the person last named in the `within`
        characters before it (not the writer, who would say "I")."""
        best: tuple[int, str] | None = None
        for actor in self.actors:
            if actor.kind is not ActorKind.PERSON or actor.name == self.sender:
                continue
            ends = [m.end for m in actor.mentions if pos - within <= m.end <= pos]
            if ends and (best is None or max(ends) > best[0]):
                best = (max(ends), actor.name)
        return best[1] if best else None

    def by_agent(self, start: int, end: int) -> str | None:
        """Who a piece of work is "overseen by"/"led by" in text[start:end], else who was asked to lead it."""
        if self._leads is None:
            self._leads = ([m for m in _BY_AGENT.finditer(self.text)], [m for m in _INVITE_TO_LEAD.finditer(self.text)])
        for found in self._leads:
            inside = [m for m in found if start <= m.start() and m.end() <= end]
            if inside:
                m = inside[-1]
                return self.resolve(m.group("who"), m.start("who"))
        return None


# -- grammar --------------------------------------------------------------------------------------
def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, start, end))


def _np_ending_at(text: str, lo: int, pos: int) -> tuple[str, int] | None:
    """The subject noun phrase that ends just before `pos`: "the Commissioner (who)", "This", "Lord X"."""
    toks = _tokens(text, max(lo, pos - 160), pos)
    i = len(toks) - 1

    def word(k: int) -> str:
        return toks[k].group() if 0 <= k < len(toks) else ""

    while i >= 0 and (word(i) == "," or word(i).lower() in ("then", "also", "now", "both", "in", "turn",
                                                             "subsequently", "therefore", "jointly")):
        if word(i).lower() == "in" and word(i + 1).lower() != "turn":
            break
        i -= 1
    if word(i).lower() in ("who", "which", "that") and i > 0:
        i -= 1
        if word(i) == ",":
            i -= 1
    if word(i) == ")":
        while i >= 0 and word(i) != "(":
            i -= 1
        i -= 1
    if i < 0:
        return None
    w = word(i)
    if w.lower() in _SUBJECT_PRONOUNS:
        return w, toks[i].start()
    first = i
    if w[0].isupper():
        if _VERB_FORM.search(w) and (i == 0 or word(i - 1) in ".;:"):
            return None  # "Linked to that plan", "Following the meeting"
        while first - 1 >= 0 and (word(first - 1)[0].isupper() or word(first - 1).lower() in _NP_INNER) \
                and word(first - 1) not in ",;:()–—." and word(first - 1).lower() not in _NOT_IN_NAMES:
            if word(first - 1).lower() == "the" and word(first - 2).lower() not in ("of", "for", "and", "on"):
                break  # "In July the Council": the name starts at "the"
            first -= 1
        while first < i and word(first).lower() in _NP_INNER:
            first += 1
        if word(first - 1).lower() in ("the", "your", "our", "its", "their", "this", "that"):
            first -= 1
    elif w.lower() in _AGENT_NOUNS:
        while first - 1 >= 0 and first > i - 4 and word(first - 1)[:1].islower() \
                and word(first - 1).lower() not in _DETERMINERS and word(first - 1).lower() not in _NP_STOP - {"of"}:
            first -= 1
        if word(first - 1).lower() in _DETERMINERS or POSSESSIVE.search(word(first - 1)):
            first -= 1
            if word(first).lower() in _ORDINALS and word(first - 1).lower() in ("a", "an", "the", "this", "that"):
                first -= 1  # "a further report", "the second study"
        else:
            return None
    else:
        return None
    before = word(first - 1).lower()
    if before in _NP_STOP:
        return None
    if before == "with" and (word(first - 2).lower() in _COLLAB_VERBS or first < 2):
        return None
    return text[toks[first].start():toks[i].end()], toks[first].start()


def _verb_after(text: str, pos: int, hi: int) -> tuple[str, int] | None:
    """The verb of what is to be done after a modal: "will [also be] report(ing)", "to make"."""
    toks = _tokens(text, pos, min(hi, pos + 150))
    for j, tok in enumerate(toks):
        w = tok.group().lower()
        if w in ".;:()–—":
            return None
        if w == "be" and j + 1 < len(toks):
            nxt = toks[j + 1].group().lower()
            if nxt.endswith("ing") and nxt not in ("being", "bring"):
                return toks[j + 1].group(), toks[j + 1].start()
            if nxt in _SKIP_AFTER_MODAL:
                continue
            return "be", tok.start()
        if w in _BEFORE_TO:
            if j + 1 < len(toks) and toks[j + 1].group().lower() == "to":
                continue
            return tok.group(), tok.start()
        if w in _SKIP_AFTER_MODAL or (w.endswith("ly") and len(w) > 4 and w not in ("apply", "supply", "reply")):
            continue
        return tok.group(), tok.start()
    return None


def _first_conjunct(np: str) -> str:
    np = _BRACKETS.sub(" ", np)
    return " ".join(_CONJUNCTION.split(np)[0].split())


def agents(text: str, span: Span, modals: Sequence[re.Match[str]] | None = None,
           requests: Sequence[re.Match[str]] | None = None) -> list[Agent]:
    """Every obligation clause in a sentence: (who, modal or request, verb), in order of the text.

    `text` may have dates blanked out; offsets are into it. `modals` and `requests` are the sentence's
    matches of _MODAL and _REQUEST_VERB when the caller has them already.
    """
    if modals is None:
        modals = list(_MODAL.finditer(text, span.start, span.end))
    if requests is None:
        requests = list(_REQUEST_VERB.finditer(text, span.start, span.end))
    out: list[Agent] = []
    first_subject: tuple[str, int] | None = None
    sub = _FIRST_PERSON_OPENING.match(text, span.start, span.end)
    if sub:
        first_subject = (sub.group(1), sub.start(1))
    for m in modals:
        np = _np_ending_at(text, span.start, m.start())
        if np is None:
            before = _tokens(text, max(span.start, m.start() - 12), m.start())
            if before and before[-1].group().lower() in ("and", "but", "or") and first_subject:
                np = first_subject  # "I have accepted ... and will be directing"
            else:
                continue
        if first_subject is None and np[0].lower() in _SUBJECT_PRONOUNS:
            first_subject = np
        verb = _verb_after(text, m.end(), span.end)
        if verb is not None:
            out.append(Agent(np[0], np[1], verb[0], verb[1], m.start(), modal=" ".join(m.group().lower().split())))
    for m in _INTEND_TO.finditer(text, span.start, span.end):  # "I intend to make a statement"
        np = _np_ending_at(text, span.start, m.start())
        if np is None and first_subject is not None:
            before = _tokens(text, max(span.start, m.start() - 12), m.start())
            if before and before[-1].group().lower() in ("and", "but", "or"):
                np = first_subject  # "we have restored some and look to return others"
        verb = _verb_after(text, m.end(), span.end) if np is not None else None
        if np is not None and verb is not None and verb[0].lower() not in _NOT_ACTIONS:
            out.append(Agent(np[0], np[1], verb[0], verb[1], m.start(), modal=" ".join(m.group().lower().split())))
    for m in _TO_VERB.finditer(text, span.start, span.end):
        found = _to_agent(text, span, m, requests)
        if found is not None:
            out.append(found)
    out.sort(key=lambda a: a.trigger_start)
    # "I would like the Commissioner to work": the one asked acts, under the request's verb
    kept: list[Agent] = []
    for agent in out:
        if kept and agent.request and kept[-1].verb.lower() == agent.request.lower() \
                and kept[-1].np.lower() in ("i", "we") and agent.np_start > kept[-1].verb_start:
            kept[-1] = agent
            continue
        kept.append(agent)
    return kept


def _to_agent(text: str, span: Span, m: re.Match[str], requests: Sequence[re.Match[str]]) -> Agent | None:
    """The one who is "to" do something: the object of a request before it, or "with X (then), to"."""
    if m.group("verb") in _DETERMINERS_AFTER_TO:
        return None  # "Further to our meeting": "to" before a noun phrase, not a verb
    lo = max(span.start, m.start() - 160)
    reqs = [r for r in requests if r.start() >= lo and r.end() <= m.start()]
    for req in reversed(reqs):
        obj = text[req.end():m.start()]
        if not obj.strip() or _OBJECT_BREAK.search(obj):
            break
        who = _first_conjunct(obj)
        if not who or len(who.split()) > 6:
            break
        if who.split()[0].lower() not in _OBJECT_PRONOUNS and not who[0].isupper() \
                and who.split()[0].lower() not in ("the", "your", "our", "this", "that", "their", "its", "his", "her"):
            break
        return Agent(who, req.end() + obj.find(who.split()[0]), m.group("verb"), m.start("verb"), m.start(),
                     req.group("req"), req.start())
    for_to = _FOR_TO.search(text, max(span.start, m.start() - 80), m.start())
    if for_to is not None:  # "content for the trust to respond": the trust is to respond
        return Agent(for_to.group("np"), for_to.start("np"), m.group("verb"), m.start("verb"), m.start())
    np = _np_ending_at(text, span.start, m.start())
    if np is None or np[0].lower() in _SUBJECT_PRONOUNS:
        return None
    head = _LEADING_DETERMINER.sub("", np[0])
    if not head[:1].isupper():
        return None
    before = _tokens(text, max(span.start, np[1] - 20), np[1])
    lead = before[-1].group().lower() if before else ""
    lead_in = text[span.start:np[1]]
    at_start = not lead_in.strip(" \t\n•·-–—*") or _ACTION_LABEL.fullmatch(lead_in) is not None
    if lead == "with" or at_start:
        return Agent(np[0], np[1], m.group("verb"), m.start("verb"), m.start())
    return None


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
        bullet = _BULLET.match(body)
        first = _FIRST_WORD.match(body, bullet.end() if bullet else 0)
        imperative = bool(first and first.group(1).lower() in _IMPERATIVE_VERBS)
        lower_start = bool(first and first.group(1)[0].islower())
        if current is not None and (bullet or imperative or lower_start):
            out[para.start] = current
        else:
            current = None
        intro = _LIST_INTRO.search(body.rstrip()) if body.rstrip().endswith(":") else None
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
    scans = _Scans(masked)

    para_starts = [p.start for p in paras]

    def list_of(span: Span) -> tuple[_ListInfo | None, bool]:
        """The list a sentence is an item of, and whether it opens the item."""
        k = bisect_right(para_starts, span.start) - 1
        if k < 0 or span.start >= paras[k].end:
            return None, False
        para = paras[k]
        info = lists.get(para.start)
        opens = info is not None and (span.start == para.start
                                      or bool(_BULLET.fullmatch(text[para.start:span.start])))
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
        if in_list is None and not scans.any_in(span) and not _OPENING_VERB_OR_PLEASE.match(masked, span.start):
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


def _word_starts(low: str, words: Sequence[str]) -> list[int]:
    """Offsets where one of `words` starts a word in lower-cased text (str.find beats a regex scan here)."""
    out: set[int] = set()
    for word in words:
        i = low.find(word)
        while i >= 0:
            if i == 0 or not low[i - 1].isalpha():
                out.add(i)
            i = low.find(word, i + 1)
    return sorted(out)


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for i in starts:
        if out and i < out[-1].end():
            continue
        m = pattern.match(text, i)
        if m is not None:
            out.append(m)
    return out


class _Scans:
    """The whole text's modals, request verbs and other obligation words, found once."""

    def __init__(self, masked: str) -> None:
        low = masked.lower()
        self.modals = _matches_at(_MODAL, masked, _word_starts(low, _MODAL_STARTS)
                                  + [i - 1 for i in _word_starts(low, ("ll",)) if i > 0 and low[i - 1] in "'’"])
        self.modals.sort(key=lambda m: m.start())
        self.requests = _matches_at(_REQUEST_VERB, masked, _word_starts(low, _REQUEST_STARTS))
        self.others = _word_starts(low, _OBLIGATION_STARTS)
        self._modal_starts = [m.start() for m in self.modals]
        self._request_starts = [m.start() for m in self.requests]

    def modals_in(self, span: Span) -> list[re.Match[str]]:
        return self.modals[bisect_left(self._modal_starts, span.start):bisect_left(self._modal_starts, span.end)]

    def requests_in(self, span: Span) -> list[re.Match[str]]:
        lo, hi = bisect_left(self._request_starts, span.start), bisect_left(self._request_starts, span.end)
        return self.requests[lo:hi]

    def any_in(self, span: Span) -> bool:
        for starts in (self._modal_starts, self._request_starts, self.others):
            i = bisect_left(starts, span.start)
            if i < len(starts) and starts[i] < span.end:
                return True
        return False


def _action(text: str, masked: str, span: Span, owners: Owners, in_list: _ListInfo | None, opens_item: bool,
            *, due: DateFound | None, scans: _Scans | None = None) -> ActionFound | None:
    body = masked[span.start:span.end]
    low = body.lower()
    wish = _WISH_TO_SEE.search(body) if " to " in low and _WISH_WORDS.search(low) else None
    courtesy = _COURTESY.search(body) if "grateful" in low else None
    if due is None and not wish and not courtesy and ("would be" in low or " sure" in low or "know" in low) \
            and _NOT_ACTION_PHRASE.search(body):
        return None
    clauses: list[_Clause] = []
    if wish:
        clauses.append(_Clause(span.start + wish.start(), span.start + wish.end(), owners.addressee(),
                               ActionType.REQUEST, span.start + wish.end(), rule="wish-to-see"))
    if courtesy is None and "you" in low:
        courtesy = _YOU_REQUEST.search(body)
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
        if agent.verb.lower() in _NOT_ACTIONS and not agent.request and (wish or courtesy):
            continue  # "I would be grateful if ...": the request carries it
        end = _clause_end(masked, span, agent.verb_start + len(agent.verb), found)
        kind = _type_of(agent.verb, agent.request, masked[agent.verb_start:end], in_list if opens_item else None)
        if agent.modal in _MODALS_OF_DUTY and agent.np.lower() not in ("i", "we") and kind is ActionType.COMMITMENT:
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
    if not clauses and _DECISION_WORDS.search(low):
        decision = _DECISION.search(body)
        if decision and not _NEGATION.search(body[max(0, decision.start() - 30):decision.end()]):
            then = _TO_VERB.match(body, decision.end() + 1)
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
    clause = _nearest(clauses, due)
    if clause is None:
        if due is None:
            return None
        clause = _Clause(span.start, span.start, owners.addressee() if _YOU.search(body) else None,
                         ActionType.OTHER, span.start, rule="dated-sentence")
    kind = clause.kind
    if due is not None and kind in (ActionType.COMMITMENT, ActionType.OTHER, ActionType.REQUEST) \
            and _REPORT_NEAR_DATE.search(masked, max(span.start, due.start - 40), due.start):
        kind = ActionType.REPORT_DUE
    if due is None and clause.owner is None and clause.rule == "imperative" and not _PLEASE.search(body):
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
    return "intend-to" if _INTEND_TO.fullmatch(agent.modal) else "modal-subject"


def _imperative(body: str, in_list: _ListInfo | None, opens_item: bool) -> re.Match[str] | None:
    """The order a sentence opens with ("Please confirm", "Send", a list item's verb), if it is one."""
    m = _OPENING_VERB.match(body)
    if m is None:
        return None
    verb = m.group("verb")
    if m.group("please"):
        return m
    if in_list is not None and opens_item and (verb.lower() in _IMPERATIVE_VERBS or verb[:1].islower()):
        return m
    if in_list is None and verb.lower() in _IMPERATIVE_VERBS and verb[:1].isupper() \
            and _looks_imperative(body[m.end("verb"):]):
        return m
    return None


def _looks_imperative(rest: str) -> bool:
    """What follows an opening verb reads like an order: "Send the report to ...", "Work with ..."."""
    return bool(_ORDER_GOES_ON.match(rest))


def _is_action(masked: str, span: Span, agent: Agent) -> bool:
    """An undated clause that really carries something to be done (not a state, a negation or the past)."""
    verb = agent.verb.lower()
    if verb == "be" or (verb in _NOT_ACTIONS and not agent.request):
        return False
    if agent.request_start is not None:
        if _NEGATION.search(masked, max(span.start, agent.request_start - 25), agent.request_start):
            return False
        if tense_at(masked, span, agent.request_start, agent.np_start, strong_only=True) == PAST:
            return False  # "I said that I intended to ask X to ..."
    if agent.request and agent.request.lower().endswith("ed"):
        before = _tokens(masked, max(span.start, agent.trigger_start - 200), agent.np_start)
        req_at = [k for k, t in enumerate(before) if t.group().lower() == agent.request.lower()]
        if req_at and (req_at[-1] == 0 or before[req_at[-1] - 1].group().lower() not in ("have", "has", "having")):
            return False  # "I appointed X to ...", "I asked you to ...": what was asked before
    if _NEGATION.search(masked, max(span.start, agent.trigger_start - 25), agent.verb_start):
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
    head = words[1:] if words[0].lower() in _DETERMINERS and len(words) > 1 else words
    if low in ("this", "it", "that", "these", "those") or head[0][:1].islower() or re.search(r"['’]s\s+\w+$", np):
        possessor = re.match(r"(.+?)['’]s\s+\w+$", np)
        if possessor:  # "Professor Y's team"
            return owners.resolve(possessor.group(1), agent.np_start)
        if head[-1].lower() in _ORG_WORDS and all(w[:1].islower() for w in head):
            # "the council", "the public authority": the body the text defines so, else the one it names
            return owners.defined(" ".join(head)) or owners.organisation(head[-1])
        return owners.by_agent(max(0, span.start - 1500), agent.np_start)
    return owners.resolve(_first_conjunct(np), agent.np_start)


def _list_owner(info: _ListInfo, owners: Owners) -> str | None:
    if info.who is None:
        return owners.addressee()
    return owners.resolve(_first_conjunct(info.who), info.who_start)


def _type_of(verb: str, request: str | None, clause: str, in_list: _ListInfo | None) -> ActionType:
    for pattern, kind in _TYPE_BY_VERB:
        if pattern.match(verb):
            return kind
    head = " ".join(clause.split()[:8])
    for pattern, kind in _TYPE_BY_OBJECT:
        if pattern.search(head):
            return kind
    if request:
        return ActionType.DIRECTION if request.lower() in _REQUESTS_DIRECT else ActionType.REQUEST
    if in_list is not None:
        return ActionType.COMMITMENT if in_list.verb == "will" else ActionType.DIRECTION
    return ActionType.COMMITMENT


def _addressed_to(owner: str | None, owners: Owners, sentence: str) -> str | None:
    if _TO_ME.search(sentence) and owner != owners.sender:
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
