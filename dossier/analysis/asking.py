"""Asking and writing: the phrases that tell a date was asked for ("the Clerk was asked to write in
July", "I would be grateful if you could reply by") or dates a letter ("your letter of 14 November").
Read by the tense of a date (tense.py) and by the deadline rules alike. Generic vocabulary only."""

from __future__ import annotations

import re

# where a that-clause with a subject of its own opens: "there was no doubt on 3 May | that the Board would"
_THAT_CLAUSE = re.compile(r"\bthat\s+(?=(?:the|this|these|those|a|an|I|we|you|he|she|they|it|its|their|our|my|your"
                          r"|[A-Z][a-z]+)\b)")


def that_clause(text: str, lo: int, hi: int) -> int | None:
    """Where a that-clause opens in text[lo:hi], if one does."""
    m = _THAT_CLAUSE.search(text, lo, hi)
    return m.start() if m else None


def asked_before(text: str, lo: int, start: int) -> bool:
    """Someone is asked, invited or required, in text[lo:start], to do what the date at `start` times
    ("the Clerk was asked to write in July", "invites X to a meeting on 3 May"): the date looks ahead
    of the asking, whatever its tense."""
    if ASKING_WORD.search(text, lo, start) is None:
        return False  # none of the verbs of asking: none of the request patterns can match
    return any(p.search(text, lo, start) is not None
               for p in (ASKED_TO, INVITED_TO_EVENT, REQUEST_THAT, GRATEFUL_IF))


# "Ann Roe's letter to the minister on Tuesday", "your email to the clerk on 3 May": someone's letter, dated
_OWNED_WRITING_TO_ON = re.compile(
    r"(?:['’]s?|(?<!send\s)(?<!submit\s)(?<!forward\s)(?<!write\s)(?<!return\s)(?<!deliver\s)(?<!give\s)"
    r"(?<!post\s)(?<!email\s)\b(?:my|your|his|her|their|our))\s+(?:\w+\s+)?(?:letter|e-?mail|note|memo|message|reply|response)"
    r"\s+to\s+(?:[\w'’.\-]+\s+){1,5}?(?P<on>on\s+)?\Z", re.IGNORECASE)
_ON = re.compile(r"on\s", re.IGNORECASE)


def writing_of(text: str, lo: int, start: int) -> bool:
    """The date at `start` dates a letter, email or report ("your letter of 14 November"): written before."""
    if _WRITING_OF.search(text, lo, start) is not None:
        return True
    owned = _OWNED_WRITING_TO_ON.search(text, lo, start)  # "on" before the date, or opening its words
    return owned is not None and (owned.group("on") is not None or _ON.match(text, start) is not None)


# a request that someone act, in the subjunctive: "the request that a representative attend on", "recommended
# that the Board review it in May"
REQUEST_THAT = re.compile(
    r"\b(?:request|requests|requested|asked|asks|require|requires|required|recommend|recommends|recommended"
    r"|propose|proposes|proposed|direct|directs|directed|insist|insists|insisted)\b[^.;]{0,80}?(?<!\bso\s)\bthat\s+"
    r"(?:(?!(?:could|would|should|will|shall|can|may|might|must|not|is|are|was|were|had|has|have|did|does)\b)"
    r"[\w'’\-]+\s+){1,8}?(?:attend|appear|provide|submit|send|reply|respond|give|make|publish|prepare|produce"
    r"|report|meet|write|consider|review|take(?!\s+place)|complete|confirm)\b", re.IGNORECASE)
# every verb of asking the three request patterns open with, as a cheap first test
ASKING_WORD = re.compile(r"\b(?:ask|invit|requir|request|direct|instruct|tell|told|summon|call|recommend|propos"
                          r"|insist|grateful|obliged|appreciat|helpful|pleased|glad)", re.IGNORECASE)
# a polite request: "I would be grateful if you could reply by", "I'd be grateful, therefore, if you could", "we'd appreciate it if the Trust were able to
# attend on", "it would be helpful if you would send": what is asked is still to be done
GRATEFUL_IF = re.compile(
    r"\b(?:grateful|obliged|appreciate\s+it|appreciated|helpful|pleased|glad)(?:\s*,\s*\w+(?:\s+\w+)?\s*,)?\s+if\s+(?:[\w'’\-]+\s+){1,5}?"
    r"(?:could|would|can|will|might|(?:were|are|was|is)\s+(?:\w+\s+)?(?:able|willing|prepared)\s+to)\b[^.;!?]{0,150}\Z",
    re.IGNORECASE)


# "asked the Clerk to", "invites Ann Roe to a meeting", "required councils to": someone is to act or attend
ASKED_TO = re.compile(
    r"(?<!\bto\s)(?<!\bnot\s)\b(?:ask|asks|asked|invite|invites|invited|inviting|require|requires|required|request|requests|requested"
    r"|direct|directs|directed|instruct|instructs|instructed|tell|tells|told|summon|summons|summoned|call(?:s|ed)?\s+on)"
    r"\s+(?:[\w'’\-]+\s+){0,6}?to\s+(?!(?:date|hand|mind|me|us|him|her|them|this|that|which|what|the|a|an|my|our"
    r"|your|his|its|their|these|those|all|any|each|every|some)\b)\w",
    re.IGNORECASE)
# "invites Ann Roe to a meeting on", "invited to the hearing in": someone is to attend
INVITED_TO_EVENT = re.compile(
    r"\b(?:invite|invites|invited|inviting|summon|summons|summoned|call(?:s|ed)?)\s+(?:[\w'’\-]+\s+){0,6}?to\s+"
    r"(?:a|an|the|its|their|our|your|his|her)\s+(?:[\w\-]+\s+){0,2}?(?:meeting|hearing|session|conference|interview"
    r"|workshop|seminar|event|discussion|briefing|summit)s?\b", re.IGNORECASE)


# "your letter of 14 November", "my email dated 3 May", "the note sent on 2 June", "my letter to him, also of
# 28 July": a reference to a writing
_WRITING_OF = re.compile(
    r"\b(?:letter|e-?mail|note|memo|memorandum|message|correspondence|reply|response|submission|report)s?"
    r"(?:\s+to\s+(?:me|us|you|him|her|them))?,?\s+(?:also\s+|too\s+)?"
    r"(?:of|dated|(?:sent|received|written)(?:\s+to\s+(?:me|us|you|him|her|them))?)\s+\Z", re.IGNORECASE)
