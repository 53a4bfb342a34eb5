"""An action's summary as a private secretary writes it: what the owner is to do, a whole clause in
the third person, under about 30 words ("make recommendations to Ann Roe on urgent actions").

`summarise(what, voice, owner=...)` takes the words of the obligation clause from its verb on (the
due date's words already out) and returns the summary, or None where the words are a fragment
rather than something to be done ("that a different approach is needed", "The deadline for
responses being"). The owner and the due date are not in the summary: the line shown is built by
`dossier.domain.register.action_line` ("Ann Roe to make recommendations ... (by end May 2019)").

Three tables of named rules, each with examples:
* OPENING_RULES put the opening in the bare verb ("to report" -> "report", "meeting him" ->
  "meet him", "a clear timetable" after "I wish to see" -> "provide a clear timetable");
* FRAGMENT_RULES say when the words are no clause to be done;
* the cut ends a long summary at the last clause boundary within the limit (never mid-phrase,
  never with "…").
Only generic English lives here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.analysis.voice import Voice, third_person

MAX_WORDS = 24


@dataclass(frozen=True, slots=True)
class OpeningRule:
    """Where `pattern` matches at the summary's start, `write` gives the opening in the bare verb."""

    name: str
    pattern: re.Pattern[str]
    write: Callable[[re.Match[str]], str]
    examples: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class FragmentRule:
    """Where `pattern` matches, the words are not a clause to be done: no summary."""

    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()


# verbs whose -ing form drops an "e" ("making" -> "make"); others just drop "ing" ("meeting" -> "meet")
_E_VERBS = frozenset({
    "make", "take", "provide", "produce", "prepare", "propose", "write", "issue", "continue", "ensure", "arrange",
    "involve", "use", "give", "have", "come", "serve", "consume", "charge", "engage", "manage", "organise",
    "organize", "decide", "conclude", "advise", "revise", "review", "agree", "secure", "change", "move", "improve",
    "approve", "remove", "resolve", "receive", "close", "raise", "release", "publicise", "promote", "share",
    "complete", "consolidate", "create", "delegate", "evaluate", "facilitate", "initiate", "investigate",
    "locate", "negotiate", "participate", "update", "validate", "circulate", "compile", "describe", "exercise",
    "guide", "include", "introduce", "assure", "care", "compare", "declare", "explore", "prioritise", "recognise",
    "summarise", "finalise", "authorise", "mobilise", "maximise", "minimise", "emphasise", "scrutinise",
    "supervise", "determine", "examine", "argue", "pursue", "rescue", "practise", "drive", "dispose", "oppose",
    "expose", "enforce", "reduce", "place", "replace", "announce", "enhance", "balance", "finance",
    "commence", "source", "judge", "acknowledge", "pledge", "bridge", "encourage", "leave", "believe", "achieve",
    "solve", "hire", "retire", "require", "acquire", "inspire", "welcome", "become", "restore", "store", "score",
})
_NOT_GERUNDS = frozenset({"being", "bring", "thing", "during", "morning", "evening", "ceiling", "nothing", "something",
                          "anything", "everything", "spring", "string", "sibling", "funding", "building", "meaning",
                          "briefing", "hearing", "according", "regarding", "concerning", "including", "following"})
_DOUBLED = re.compile(r"([bdgmnprt])\1$")


def bare_verb(gerund: str) -> str:
    """The bare verb of an -ing form: "meeting" -> "meet", "making" -> "make", "setting" -> "set"."""
    low = gerund.lower()
    if not low.endswith("ing") or len(low) < 5 or not re.search(r"[aeiouy]", low[:-3]) or low in _NOT_GERUNDS:
        return gerund
    stem = gerund[:-3]
    if stem.lower() + "e" in _E_VERBS:
        return stem + "e"
    if _DOUBLED.search(stem.lower()) and stem.lower() not in ("add", "call", "fill", "pass", "press", "sell", "tell",
                                                             "staff", "bill", "spell"):
        return stem[:-1]
    return stem


_IRREGULAR = {"made": "make", "taken": "take", "given": "give", "sent": "send", "written": "write", "drawn": "draw",
              "set": "set", "put": "put", "held": "hold", "met": "meet", "brought": "bring", "sought": "seek",
              "done": "do", "seen": "see", "told": "tell", "kept": "keep", "laid": "lay", "paid": "pay",
              "led": "lead", "run": "run", "undertaken": "undertake", "overseen": "oversee", "chosen": "choose",
              "spent": "spend", "read": "read", "built": "build", "shown": "show", "known": "know", "found": "find"}


def bare_of_participle(participle: str) -> str | None:
    """The bare verb of a past participle: "agreed" -> "agree", "submitted" -> "submit", "made" -> "make";
    None where the word is no participle."""
    low = participle.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if not low.endswith("ed") or len(low) < 4:
        return None
    stem = low[:-2]
    if low.endswith("ied"):
        return low[:-3] + "y"
    if low.endswith("eed"):
        return low[:-1]  # "agreed" -> "agree"
    if stem + "e" in _E_VERBS:
        return stem + "e"
    if _DOUBLED.search(stem) and stem not in ("add", "call", "fill", "pass", "press", "staff", "bill"):
        return stem[:-1]
    return stem


_DETERMINER = r"(?:a|an|the|these|those|some|any|all|every|each|his|her|its|their|further|full|clear|regular)"
_DEADLINE_NOUNS = {"responses": "respond", "response": "respond", "comments": "send comments",
                   "representations": "make representations", "applications": "apply", "submissions": "make submissions",
                   "nominations": "send nominations", "objections": "make objections", "evidence": "give evidence",
                   "bids": "send bids", "tenders": "send tenders", "replies": "reply", "views": "send views"}

OPENING_RULES: tuple[OpeningRule, ...] = (
    OpeningRule("to-infinitive", re.compile(r"^(?:in\s+order\s+)?to\s+(?=[a-z])"), lambda m: "",
                (("to report on progress", "report on progress"),)),
    OpeningRule("please", re.compile(r"^(?:please|kindly)\s+(?:also\s+|now\s+|therefore\s+)*", re.IGNORECASE),
                lambda m: "", (("Please confirm the date", "confirm the date"),)),
    OpeningRule("capitalised-verb", re.compile(r"^(?P<verb>[A-Z][a-z]+)\b(?=\s+(?:the|a|an|your|our|all|any|with|to"
                                               r"|for|on|in|up|out|back|me|us|them|him|her|it|this|that)\b)"),
                lambda m: m.group("verb").lower(), (("Send the report", "send the report"),)),
    OpeningRule("gerund", re.compile(r"^(?P<verb>[a-z]{2,}ing)\b(?!\s+(?:of|is|are|was|were|will|has|have)\b)"),
                lambda m: bare_verb(m.group("verb")),
                (("meeting him to discuss the plan", "meet him to discuss the plan"),
                 ("consulting the board", "consult the board"))),
    # "I wish to see a clear timetable", "we expect to receive a plan": the one asked is to provide it
    OpeningRule("thing-wished-for", re.compile(rf"^(?={_DETERMINER}\s|[a-z]+s\s+(?:of|for|on)\b)"),
                lambda m: "provide ", (("a clear timetable for the works", "provide a clear timetable for the works"),)),
    # "the deadline for responses is": those consulted are to respond
    OpeningRule("deadline-for", re.compile(r"^(?:The|the)\s+(?:deadline|closing\s+date)\s+for\s+(?P<what>"
                                           + "|".join(_DEADLINE_NOUNS) + r")\b.*$", re.DOTALL),
                lambda m: _DEADLINE_NOUNS[m.group("what").lower()],
                (("The deadline for responses being", "respond"),)),
)

_NOT_VERBS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "it", "they", "he", "she", "we", "i", "you", "there",
    "which", "who", "whom", "whose", "what", "whether", "if", "when", "as", "because", "since", "although",
    "though", "while", "whilst", "and", "or", "but", "of", "for", "from", "with", "by", "at", "on", "in", "into",
    "about", "be", "is", "are", "was", "were", "been", "being", "has", "had", "have", "having", "will", "would",
    "shall", "should", "must", "can", "could", "may", "might", "not", "no", "any", "all", "some", "each", "every",
    "his", "her", "its", "their", "my", "our", "your", "me", "us", "them", "him", "so", "then", "than", "also",
    "only", "very", "more", "most", "such", "other", "both", "either", "neither", "to", "up", "out", "over",
    "under", "after", "before", "during", "without", "within", "following", "further", "recent", "new",
})

FRAGMENT_RULES: tuple[FragmentRule, ...] = (
    FragmentRule("that-clause", re.compile(r"^(?:that|whether|which|who|because|if|when|as|although|since)\b",
                                           re.IGNORECASE),
                 ("that a slightly different approach is needed", "whether the plan works")),
    # "the report will be published as planned": a clause with a subject of its own, not a thing to provide
    FragmentRule("own-subject", re.compile(r"^(?:the|a|an|this|these|those|it|there)\s+(?:(?!that\b|which\b|who\b)"
                                           r"[\w'’\-]+\s+){0,6}(?:will|would|is|are|was|were|has|have|had|must|should"
                                           r"|can|could|may)\b", re.IGNORECASE),
                 ("the report will be published as planned", "it was agreed")),
    # what happens rather than what someone does: "take place in May", "continue unchecked"
    FragmentRule("happening", re.compile(r"^(?:take\s+place|happen|occur|arise|come\s+under|continue\s+unchecked"
                                         r"|go\s+some\s+way|remain|exist|apply\s+to)\b", re.IGNORECASE),
                 ("take place in late January", "continue unchecked", "come under intense pressure")),
    # "the action we will take following this advice": the verb's object went before it
    FragmentRule("object-before", re.compile(r"^(?:take|make|do|give|provide|send|have)\s+(?:following|in\s+relation"
                                             r"\s+to|in\s+respect\s+of|after|before|as|when|if|now|forward)\b"),
                 ("take following this advice", "take in relation to the request")),
    FragmentRule("gerund-left", re.compile(r"^[a-z]{2,}ing\b"), ("proposing has been developed",)),
    FragmentRule("no-verb-first", re.compile(r"^(?P<first>[A-Za-z][\w'’\-]*)"),
                 ("This will report", "The trust sent its draft", "All representations received will be considered")),
    FragmentRule("past-participle", re.compile(r"^(?!(?:need|proceed|succeed|exceed|feed|heed|embed|shed|speed)\b)"
                                               r"[a-z]+ed\b"), ("reviewed by an officer", "agreed at the meeting")),
    FragmentRule("dangling-end", re.compile(r"\b(?:being|the|a|an|of|to|and|or|for|by|with|at|on|in|that|is|are|be"
                                            r"|was|were|its|their|his|her|from)$", re.IGNORECASE),
                 ("take these steps of the",)),
    FragmentRule("unfinished-quote", re.compile(r"^[^“”\"]*[“\"][^”\"]*$"), ("say “we will",)),
)


def _is_fragment(words: str) -> str | None:
    """The name of the fragment rule the words fall under, or None where they are a clause to be done."""
    for rule in FRAGMENT_RULES:
        m = rule.pattern.search(words)
        if m is None:
            continue
        if rule.name == "no-verb-first":
            first = m.group("first")
            if first[:1].isupper() or first.lower() in _NOT_VERBS:
                return rule.name
            continue
        return rule.name
    return None


# where a clause may end: before these (the words before them are a whole clause)
_BOUNDARIES = re.compile(
    r"\s*(?:;|:|\s[–—]\s|\s-\s|\(|,\s+(?:which|who|where|while|whilst|so\s+that|and|but|as|with|including|in\s+order"
    r"|to\s+ensure|following|given|although|because|since|reflecting|building|taking)\b"
    r"|\s+(?:which|so\s+that|in\s+order\s+to|including|as\s+well\s+as|and\s+then|but|whilst|while|because|since"
    r"|although|given\s+that|and\s+(?:to|will|would|should|must|also)|following)\b|,)")
_PHRASE_BREAKS = re.compile(r"\s+(?=(?:and|with|for|on|in|to|about|under|through|by|from|at|across|into|between"
                            r"|within|over|towards?)\s)")


def cut(words: str, limit: int = MAX_WORDS) -> str:
    """The words, ended at the last clause boundary within `limit` words, or at a phrase boundary
    ("... with recommendations") where that keeps much more of them; never mid-phrase."""
    if len(words.split()) <= limit:
        return words
    clause = _last_head(words, _BOUNDARIES, limit)
    phrase = _last_head(words, _PHRASE_BREAKS, limit, tidy_end=True)
    best = clause
    if phrase is not None and (clause is None or len(clause.split()) < limit // 2 < len(phrase.split())):
        best = phrase
    if best is None:
        best = " ".join(words.split()[:limit])
    return best.rstrip(" ,;:–—-")


def _last_head(words: str, boundaries: re.Pattern[str], limit: int, *, tidy_end: bool = False) -> str | None:
    best = None
    for m in boundaries.finditer(words):
        head = words[:m.start()].rstrip(" ,;:")
        n = len(head.split())
        if n > limit:
            break
        if n >= 3 and not (tidy_end and re.search(r"\b(?:the|a|an|of|and|or|to)$", head)):
            if tidy_end and head.split()[-1][:1].isupper() and re.match(r"\s*\w+\s+[A-Z]", words[m.start():]):
                continue  # "Board for Rural Roads": inside a name
            best = head
    return best


_TIDY_DUE_LEFTOVERS = re.compile(
    r"\s*,?\s*\b(?:at\s+the\s+(?:very\s+)?latest|by|before|until|no\s+later\s+than|on\s+or\s+before)\s*(?=[,.;]|$)",
    re.IGNORECASE)


# what is left of "within 35 days of the date of this notice" once the count is taken out as the due date
_COUNT_FROM_LEFTOVER = re.compile(r"\s+(?:of|from|after)\s+the\s+date\s+of\s+(?:this|the|that)\s+(?:[\w\-]+\s+){0,2}?"
                                  r"(?:notice|letter|decision|direction|order|determination|judgment)\b(?!\s+(?:notice|letter|order))")


def tidy(words: str) -> str:
    """The words with long asides, stray punctuation, a due date's leftovers and what follows a
    semicolon or a colon (another clause) taken out."""
    words = re.split(r";|:(?!\d)", words, maxsplit=1)[0]
    words = re.sub(r"\([^)]{30,}\)", " ", words)
    words = re.sub(r",\s+which\s+[^,;]{3,100},", "", words)  # an aside: "the minutes, which the Board approved,"
    words = " ".join(words.split())
    words = re.sub(r"\s+([,.;:?!])", r"\1", words)
    words = re.sub(r",(?:\s*,)+", ",", words)
    words = re.sub(r"\(\s*\)", "", words)
    words = _TIDY_DUE_LEFTOVERS.sub("", words)
    words = _COUNT_FROM_LEFTOVER.sub("", words)
    words = words.strip(" ,;:–—-…")
    words = words.rstrip(".?!").rstrip(" ,;:")
    for opening, closing in (("“", "”"), ("‘", "’"), ("(", ")")):
        if words.endswith(closing) and opening not in words:
            words = words[:-1].rstrip(" ,;:.")
    if words.count('"') % 2 and words.endswith('"'):
        words = words[:-1].rstrip(" ,;:.")
    return words


def _open(words: str) -> str:
    for rule in OPENING_RULES:
        m = rule.pattern.search(words)
        if m is not None:
            words = rule.write(m) + words[m.end():]
    return words


def summarise(what: str, voice: Voice, *, owner: str | None = None) -> str | None:
    """What the owner is to do, in the third person, a whole clause under about 30 words; None where
    the words are a fragment, not something to be done."""
    words = tidy(what)
    if not words:
        return None
    if any(rule.pattern.search(words) for rule in FRAGMENT_RULES[:2]):  # a that-clause, a subject of its own
        return None
    words = _open(words)
    words = cut(words)
    if _is_fragment(words):
        return None
    words = third_person(words, voice, owner=owner)
    words = cut(tidy(words))
    if _is_fragment(words):
        return None
    return words


# -- one action restated ----------------------------------------------------------------------------
_LIGHT_WORDS = frozenset({
    "the", "a", "an", "and", "or", "of", "to", "for", "on", "in", "at", "by", "with", "from", "into", "about",
    "its", "their", "his", "her", "this", "that", "these", "those", "any", "all", "each", "some", "further",
    "also", "then", "now", "full", "final", "new", "please", "council", "councils", "minister", "writer",
})


def _stems(summary: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z][a-z\-]+", summary.casefold()) if w not in _LIGHT_WORDS and len(w) > 2}


def same_what(a: str, b: str) -> bool:
    """Whether two summaries say the same thing to be done, in different words ("send the recovery plan
    to the minister" / "submit the final recovery plan"): their first verbs agree and they share a
    content word, or half their content words are shared."""
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return False
    shared = len(sa & sb)
    if shared / min(len(sa), len(sb)) >= 0.5:
        return True
    first_a, first_b = a.split()[0].casefold(), b.split()[0].casefold()
    return first_a == first_b and shared >= 1
