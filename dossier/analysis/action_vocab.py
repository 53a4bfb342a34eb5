"""The generic vocabulary of obligation the action finder reads: modals, requests, decisions,
list openings, addressees, and the words that are not actions."""

from __future__ import annotations

import re

from dossier.domain.findings import ActionType

# -- vocabulary -----------------------------------------------------------------------------------
MODAL = re.compile(
    r"\b(?:will|shall|must|should|would|(?:is|are|am)\s+(?:to|due\s+to|expected\s+to|required\s+to|asked\s+to"
    r"|going\s+to|invited\s+to|minded\s+to)|(?:has|have)\s+to|needs?\s+to)\b|(?<=\w)['’]ll\b"
    r"|\b(?:am|are)(?=\s+(?:now\s+|therefore\s+|also\s+)*(?:appointing|directing|commissioning|asking|requiring"
    r"|instructing|inviting|establishing|setting\s+up|launching|extending|withdrawing|arranging|proposing|providing"
    r"|sending|issuing|publishing|convening|meeting|visiting)\b)")
TO_VERB = re.compile(r"\bto\s+(?P<verb>[a-z][a-z\-]+)\b")
FOR_TO = re.compile(r"\bfor\s+(?P<np>(?:the|your|our|their|its)\s+[a-z][\w\-]*|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,5})\s+$")
# the label minutes give an action point: "ACTION: DP to circulate ...", "Action - All to ..."
ACTION_LABEL = re.compile(r"\s*(?:ACTIONS?|Actions?|AP)\s*[:\-–—]\s*")
DETERMINERS_AFTER_TO = frozenset({"our", "your", "my", "the", "their", "his", "her", "its", "this", "that", "these",
                                   "those", "a", "an", "all", "each", "every", "some", "any"})
REQUEST_VERB = re.compile(
    r"\b(?P<req>ask|asks|asked|asking|invite|invites|invited|inviting|expect|expects|expected|expecting|like|want"
    r"|wants|wanted|wanting|direct|directs|directed|directing|require|requires|required|requiring|instruct"
    r"|instructs|instructed|instructing|urge|urges|urged|urging|encourage|encourages|encouraged|encouraging"
    r"|request|requests|requested|requesting|commission|commissioned|commissioning|need|needs|get|allow|appoint"
    r"|appointed|appointing|task|tasked|charge|charged|mandate|mandated|press|pressed|call\s+on|called\s+on)\b")
WISH_TO_SEE = re.compile(
    r"\b(?:I|we)\s+(?:would\s+|should\s+|will\s+|now\s+|also\s+)*(?:wish|want|expect|like|need|hope|look\s+forward)"
    r"\s+to\s+(?:see|seeing|receive|receiving|have|hear|hearing|be\s+(?:sent|given|provided|told|informed|notified"
    r"|updated))\b",
    re.IGNORECASE)
DECISION = re.compile(
    r"\b(?:I|we)\s+(?:have\s+)?(?:now\s+|therefore\s+|also\s+)*(?:decided|agreed|concluded|resolved|determined)\b"
    r"(?!\s+(?:with|by))", re.IGNORECASE)
LIST_INTRO = re.compile(
    r"\b(?:ask|asked|asking|require|required|direct|directed|directing|expect|invite|invited|instruct|instructed"
    r"|would\s+like|want|urge|recommend(?:ed)?\s+that)\s+(?P<who>[^.;:]{1,80}?)\s+to\s*:\s*$"
    r"|\b(?P<self>I|we)\s+(?:will|shall|intend\s+to|plan\s+to)\s*:\s*$"
    r"|\b(?P<you>you)\s+(?:should|must|will\s+need\s+to|are\s+asked\s+to|need\s+to)\s*:\s*$",
    re.IGNORECASE)
BY_AGENT = re.compile(
    r"\b(?:overseen|led|chaired|carried\s+out|conducted|undertaken|run|headed|managed|delivered|prepared|written"
    r"|supervised|coordinated|co-ordinated)\s+by\s+(?P<who>(?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*)")
INVITE_TO_LEAD = re.compile(
    r"\b(?:invite|ask|asked|asking|invited|commission|commissioned)\s+(?P<who>you|(?:[A-Z][\w'’\-]*\s+){0,3}"
    r"[A-Z][\w'’\-]*)\b[^.]{0,120}?\bto\s+(?:form|lead|oversee|undertake|carry|conduct|commission|chair|produce"
    r"|prepare|run|head|manage)\b")
BULLET = re.compile(r"^\s*(?:[•·●▪◦‣∙○■□➢►*]|[-–—](?=\s)|\(?[a-z0-9]{1,3}[.)](?=\s))\s*")
NEGATION = re.compile(r"\b(?:not|no\s+longer|never|won['’]t|shan['’]t|cannot|can['’]t|rather\s+than|instead\s+of"
                       r"|whether)\b", re.IGNORECASE)
YOU = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
ORG_HEADS = ("Council", "Authority", "Board", "Trust", "Department", "Ministry", "Agency", "Committee",
              "Partnership", "Commission", "Company", "Service", "Services", "School", "College", "University",
              "Inspectorate", "Directorate", "Association", "Organisation", "Corporation")
ORG_WORDS = frozenset(h.lower() for h in ORG_HEADS)
ADDRESSED_ORG = re.compile(rf"\b(?:(?P<your>[Yy]our)\s+(?P<yhead>(?i:{'|'.join(ORG_HEADS)}))"
                            rf"|(?:the|The)\s+(?P<head>{'|'.join(ORG_HEADS)}))\b")
TO_ME = re.compile(r"\bto\s+(?:me|us)\b", re.IGNORECASE)
REPORT_NEAR_DATE = re.compile(r"\b(?:report|reports|reporting|recommendations?|findings|advice)\b[\w\s,]{0,20}\Z",
                               re.IGNORECASE)
NAME = r"(?P<name>(?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*)"
HOLDER_BEFORE = re.compile(  # "Lord X as (Improvement) Commissioner", "Lord X – Commissioner", "Lord X (Commissioner"
    rf"{NAME}(?:\s+as\s+(?:the\s+|our\s+|its\s+|your\s+|an?\s+)?(?:new\s+|interim\s+|acting\s+)?"
    rf"|\s*[–—-]\s*(?:the\s+)?|\s*\(\s*(?:the\s+)?|,\s+(?:the\s+)?)(?:[A-Z][\w'’\-]*\s+){{0,3}}\Z")
HOLDER_AFTER = re.compile(rf",\s+{NAME}\b")  # "the Commissioner, Lord X"
CAPITALS_BEFORE = re.compile(r"(?:[A-Z][\w'’&\-]*\s+){1,4}\Z")
NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’\-]*\s+){1,3}\Z")
WISH_WORDS = re.compile(r"wish|want|expect|like|need|hope|look")
DECISION_WORDS = re.compile(r"decided|agreed|concluded|resolved|determined")
COURTESY = re.compile(
    r"\b(?:I|we)\s+(?:would|should|will)\s+be\s+(?:most\s+|very\s+|extremely\s+)?grateful\s+"
    r"(?:if\s+(?P<who>you|your\s+[\w\s]{1,30}?|(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})\s+"
    r"(?:could|would|can|will|might)\s+(?:please\s+|also\s+|now\s+)*|for\s+(?:your\s+)?)(?P<verb>[a-z]+)")
YOU_REQUEST = re.compile(r"\b(?:[Cc]ould|[Ww]ould|[Cc]an|[Ww]ill)\s+you\s+(?:please\s+|kindly\s+|also\s+|now\s+)*"
                          r"(?P<verb>(?!be\b|have\b|like\b|mind\b)[a-z]+)")
MODAL_STARTS = ("will", "shall", "must", "should", "would", "is", "are", "am", "has", "have", "need")
REQUEST_STARTS = ("ask", "invit", "expect", "like", "want", "direct", "requir", "instruct", "urg", "encourag",
                   "request", "commission", "need", "get", "allow", "appoint", "task", "charge", "mandate", "press",
                   "call")
OBLIGATION_STARTS = ("grateful", "please", "kindly", "decided", "agreed", "concluded", "resolved", "determined",
                      "you to", "with", "wish", "hope", "look forward", "could you", "can you")
OPENING_VERB = re.compile(r"[\s•·●▪◦‣∙○■□➢►*\-–—]*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?P<please>(?:[Pp]lease|[Kk]indly)\s+"
                           r"(?:also\s+|now\s+|could\s+you\s+|would\s+you\s+)*)?(?P<verb>[A-Za-z]+)")
ORDER_GOES_ON = re.compile(r"\s+(?:the|a|an|your|all|any|me|us|them|him|her|it|this|that|with|to|on|for|and|out"
                            r"|up|back|in|by)\b")
MODALS_OF_DUTY = frozenset({"must", "has to", "have to", "is required to", "are required to", "is to", "are to",
                             "need to", "needs to"})
VERB_FORM = re.compile(r"(?:ed|ing)$")
BRACKETS = re.compile(r"\([^)]*\)")
CONJUNCTION = re.compile(r",|\s+and\s+|\s+or\s+")
FIRST_PERSON_OPENING = re.compile(r"[\s•·*\-–—]*(?:\w+,\s+)?(I|We|we)\b")
OBJECT_BREAK = re.compile(r"[.;:]|\bto\b")
LEADING_DETERMINER = re.compile(r"^(?:the|your|our|its|their)\s+", re.IGNORECASE)
PLEASE = re.compile(r"\b(?:please|kindly)\b", re.IGNORECASE)
FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")
WORD = re.compile(r"[A-Za-z][\w'’\-]*|[,;:()–—.&]")

# "I intend to", "we look to return", "the Trust hopes to open": an intention of the one named before it
INTEND_TO = re.compile(r"\b(?:intends?|plans?|proposes?|expects?|aims?|looks?|hopes?|seeks?)\s+to\b", re.IGNORECASE)
SKIP_AFTER_MODAL = frozenset({
    "also", "then", "now", "subsequently", "shortly", "jointly", "therefore", "of", "course", "further", "again",
    "soon", "first", "immediately", "promptly", "in", "addition", "both", "all", "each", "still", "kindly", ",",
    "able", "to", "please", "be", "certainly", "personally", "duly", "formally", "happy", "pleased", "glad",
})
BEFORE_TO = frozenset({"need", "needs", "want", "wish", "seek", "look", "like", "continue", "aim", "try", "hope",
                        "intend", "plan", "expect", "propose", "wants", "wishes"})
NOT_ACTIONS = frozenset({  # verbs of state, thought or courtesy: "you will share my view", "this will be"
    "share", "welcome", "know", "agree", "understand", "appreciate", "recognise", "recognize", "accept", "note",
    "see", "feel", "think", "believe", "hope", "remain", "be", "have", "seem", "like", "want", "wish", "expect",
    "count", "mean", "say", "help", "depend", "involve", "include", "need", "benefit", "result", "lead", "appear",
    "become", "find", "get", "join", "thank", "recall", "remember", "realise", "realize", "enjoy", "value",
})
NOT_ACTION_PHRASE = re.compile(r"\b(?:would\s+be\s+(?:helpful|grateful|useful|good|happy|pleased|glad)"
                                r"|(?:I|we)\s+(?:am|are)\s+sure|I\s+know|we\s+know|as\s+you\s+know)\b",
                                re.IGNORECASE)
REQUESTS_DIRECT = frozenset({"direct", "directs", "directed", "directing", "instruct", "instructs", "instructed",
                              "instructing", "require", "requires", "required", "requiring", "mandate", "mandated"})
COLLAB_VERBS = frozenset({"work", "working", "works", "liaise", "liaising", "engage", "engaging", "cooperate",
                           "co-operate", "collaborate", "partner", "consult", "consulting", "together", "meet",
                           "meeting", "discuss", "agree", "share"})
NP_STOP = frozenset({"of", "for", "by", "from", "about", "on", "at", "into", "than", "in", "under", "over", "via",
                      "upon", "against", "like", "between", "among", "through", "to"})
SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "that"})
OBJECT_PRONOUNS = frozenset({"you", "him", "her", "them", "us", "me", "it", "this", "that", "everyone"})
ORDINALS = frozenset({"further", "second", "new", "final", "first", "next", "third", "last", "fresh", "separate"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "your", "our", "my", "their",
                          "his", "her", "its", "further", "second", "new", "final", "first", "next", "each", "any"})
AGENT_NOUNS = frozenset({"team", "panel", "review", "study", "report", "work", "group", "board", "office",
                          "officials", "inquiry", "commission", "assessment", "evaluation", "plan", "piece",
                          "council", "authority", "trust", "committee", "department", "service", "project",
                          "consultation", "programme", "officers", "staff", "contractor", "consultants"})
NOT_IN_NAMES = frozenset({"i", "please", "support", "work", "ensure", "provide", "ask", "invite", "appoint",
                           "thank", "dear", "whilst", "while", "if", "when", "as", "so", "but", "also"})
NP_INNER = frozenset({"le", "la", "de", "du", "van", "von", "der", "den", "of", "for", "and", "&", "the", "on"})
IMPERATIVE_VERBS = frozenset({
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
OPENING_VERB_OR_PLEASE = re.compile(rf"[\s•·*\-–—]*(?:[Pp]lease|[Kk]indly|(?i:{'|'.join(sorted(IMPERATIVE_VERBS))}))\b")
TYPE_BY_VERB = (
    (re.compile(r"^appoint", re.I), ActionType.APPOINTMENT),
    (re.compile(r"^inspect", re.I), ActionType.INSPECTION),
    (re.compile(r"^(?:meet|meeting|visit|discuss)", re.I), ActionType.MEETING),
    (re.compile(r"^(?:report|recommend|advise|advising)", re.I), ActionType.REPORT_DUE),
    (re.compile(r"^(?:direct|instruct|require)", re.I), ActionType.DIRECTION),
    (re.compile(r"^(?:decid|determin)", re.I), ActionType.DECISION),
)
TYPE_BY_OBJECT = (
    (re.compile(r"\binspect(?:ion|ions|s|ing)?\b", re.I), ActionType.INSPECTION),
    (re.compile(r"\b(?:appointment|appoint)\b", re.I), ActionType.APPOINTMENT),
    (re.compile(r"\bmeetings?\b", re.I), ActionType.MEETING),
    (re.compile(r"\b(?:report|reports|reporting|recommendations?|findings|advice)\b", re.I), ActionType.REPORT_DUE),
)
