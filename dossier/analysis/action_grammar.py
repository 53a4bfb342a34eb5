"""The grammar of an obligation: who is to act (the agent) and the verb of what they are to do,
read from the noun phrases, modals and "to" clauses of a sentence. Used by actions.find_actions."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.analysis.action_vocab import (
    ACTION_LABEL,
    AGENT_NOUNS,
    BEFORE_TO,
    BRACKETS,
    COLLAB_VERBS,
    CONJUNCTION,
    DETERMINERS,
    DETERMINERS_AFTER_TO,
    FIRST_PERSON_OPENING,
    FOR_TO,
    INTEND_TO,
    LEADING_DETERMINER,
    MODAL,
    MODAL_STARTS,
    NOT_ACTIONS,
    NOT_IN_NAMES,
    NP_INNER,
    NP_STOP,
    OBJECT_BREAK,
    OBJECT_PRONOUNS,
    OBLIGATION_STARTS,
    ORDINALS,
    REQUEST_STARTS,
    REQUEST_VERB,
    SKIP_AFTER_MODAL,
    SUBJECT_PRONOUNS,
    TO_VERB,
    VERB_FORM,
    WORD,
)
from dossier.analysis.sentences import Span
from dossier.analysis.vocab import POSSESSIVE


# -- grammar --------------------------------------------------------------------------------------
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


def tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(WORD.finditer(text, start, end))


def _np_ending_at(text: str, lo: int, pos: int) -> tuple[str, int] | None:
    """The subject noun phrase that ends just before `pos`: "the Commissioner (who)", "This", "Lord X"."""
    toks = tokens(text, max(lo, pos - 160), pos)
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
    if w.lower() in SUBJECT_PRONOUNS:
        return w, toks[i].start()
    first = i
    if w[0].isupper():
        if VERB_FORM.search(w) and (i == 0 or word(i - 1) in ".;:"):
            return None  # "Linked to that plan", "Following the meeting"
        while first - 1 >= 0 and (word(first - 1)[0].isupper() or word(first - 1).lower() in NP_INNER) \
                and word(first - 1) not in ",;:()–—." and word(first - 1).lower() not in NOT_IN_NAMES:
            if word(first - 1).lower() == "the" and word(first - 2).lower() not in ("of", "for", "and", "on"):
                break  # "In July the Council": the name starts at "the"
            first -= 1
        while first < i and word(first).lower() in NP_INNER:
            first += 1
        if word(first - 1).lower() in ("the", "your", "our", "its", "their", "this", "that"):
            first -= 1
    elif w.lower() in AGENT_NOUNS:
        while first - 1 >= 0 and first > i - 4 and word(first - 1)[:1].islower() \
                and word(first - 1).lower() not in DETERMINERS and word(first - 1).lower() not in NP_STOP - {"of"}:
            first -= 1
        if word(first - 1).lower() in DETERMINERS or POSSESSIVE.search(word(first - 1)):
            first -= 1
            if word(first).lower() in ORDINALS and word(first - 1).lower() in ("a", "an", "the", "this", "that"):
                first -= 1  # "a further report", "the second study"
        else:
            return None
    else:
        return None
    before = word(first - 1).lower()
    if before in NP_STOP:
        return None
    if before == "with" and (word(first - 2).lower() in COLLAB_VERBS or first < 2):
        return None
    return text[toks[first].start():toks[i].end()], toks[first].start()


def _verb_after(text: str, pos: int, hi: int) -> tuple[str, int] | None:
    """The verb of what is to be done after a modal: "will [also be] report(ing)", "to make"."""
    toks = tokens(text, pos, min(hi, pos + 150))
    for j, tok in enumerate(toks):
        w = tok.group().lower()
        if w in ".;:()–—":
            return None
        if w == "be" and j + 1 < len(toks):
            nxt = toks[j + 1].group().lower()
            if nxt.endswith("ing") and nxt not in ("being", "bring"):
                return toks[j + 1].group(), toks[j + 1].start()
            if nxt in SKIP_AFTER_MODAL:
                continue
            return "be", tok.start()
        if w in BEFORE_TO:
            if j + 1 < len(toks) and toks[j + 1].group().lower() == "to":
                continue
            return tok.group(), tok.start()
        if w in SKIP_AFTER_MODAL or (w.endswith("ly") and len(w) > 4 and w not in ("apply", "supply", "reply")):
            continue
        return tok.group(), tok.start()
    return None


def first_conjunct(np: str) -> str:
    np = BRACKETS.sub(" ", np)
    return " ".join(CONJUNCTION.split(np)[0].split())


def agents(text: str, span: Span, modals: Sequence[re.Match[str]] | None = None,
           requests: Sequence[re.Match[str]] | None = None) -> list[Agent]:
    """Every obligation clause in a sentence: (who, modal or request, verb), in order of the text.

    `text` may have dates blanked out; offsets are into it. `modals` and `requests` are the sentence's
    matches of MODAL and REQUEST_VERB when the caller has them already.
    """
    if modals is None:
        modals = list(MODAL.finditer(text, span.start, span.end))
    if requests is None:
        requests = list(REQUEST_VERB.finditer(text, span.start, span.end))
    out: list[Agent] = []
    first_subject: tuple[str, int] | None = None
    sub = FIRST_PERSON_OPENING.match(text, span.start, span.end)
    if sub:
        first_subject = (sub.group(1), sub.start(1))
    for m in modals:
        np = _np_ending_at(text, span.start, m.start())
        if np is None:
            before = tokens(text, max(span.start, m.start() - 12), m.start())
            if before and before[-1].group().lower() in ("and", "but", "or") and first_subject:
                np = first_subject  # "I have accepted ... and will be directing"
            else:
                continue
        if first_subject is None and np[0].lower() in SUBJECT_PRONOUNS:
            first_subject = np
        verb = _verb_after(text, m.end(), span.end)
        if verb is not None:
            out.append(Agent(np[0], np[1], verb[0], verb[1], m.start(), modal=" ".join(m.group().lower().split())))
    for m in INTEND_TO.finditer(text, span.start, span.end):  # "I intend to make a statement"
        np = _np_ending_at(text, span.start, m.start())
        if np is None and first_subject is not None:
            before = tokens(text, max(span.start, m.start() - 12), m.start())
            if before and before[-1].group().lower() in ("and", "but", "or"):
                np = first_subject  # "we have restored some and look to return others"
        verb = _verb_after(text, m.end(), span.end) if np is not None else None
        if np is not None and verb is not None and verb[0].lower() not in NOT_ACTIONS:
            out.append(Agent(np[0], np[1], verb[0], verb[1], m.start(), modal=" ".join(m.group().lower().split())))
    for m in TO_VERB.finditer(text, span.start, span.end):
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
    if m.group("verb") in DETERMINERS_AFTER_TO:
        return None  # "Further to our meeting": "to" before a noun phrase, not a verb
    lo = max(span.start, m.start() - 160)
    reqs = [r for r in requests if r.start() >= lo and r.end() <= m.start()]
    for req in reversed(reqs):
        obj = text[req.end():m.start()]
        if not obj.strip() or OBJECT_BREAK.search(obj):
            break
        who = first_conjunct(obj)
        if not who or len(who.split()) > 6:
            break
        if who.split()[0].lower() not in OBJECT_PRONOUNS and not who[0].isupper() \
                and who.split()[0].lower() not in ("the", "your", "our", "this", "that", "their", "its", "his", "her"):
            break
        return Agent(who, req.end() + obj.find(who.split()[0]), m.group("verb"), m.start("verb"), m.start(),
                     req.group("req"), req.start())
    for_to = FOR_TO.search(text, max(span.start, m.start() - 80), m.start())
    if for_to is not None:  # "content for the trust to respond": the trust is to respond
        return Agent(for_to.group("np"), for_to.start("np"), m.group("verb"), m.start("verb"), m.start())
    np = _np_ending_at(text, span.start, m.start())
    if np is None or np[0].lower() in SUBJECT_PRONOUNS:
        return None
    head = LEADING_DETERMINER.sub("", np[0])
    if not head[:1].isupper():
        return None
    before = tokens(text, max(span.start, np[1] - 20), np[1])
    lead = before[-1].group().lower() if before else ""
    lead_in = text[span.start:np[1]]
    at_start = not lead_in.strip(" \t\n•·-–—*") or ACTION_LABEL.fullmatch(lead_in) is not None
    if lead == "with" or at_start:
        return Agent(np[0], np[1], m.group("verb"), m.start("verb"), m.start())
    return None


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


class Scans:
    """The whole text's modals, request verbs and other obligation words, found once."""

    def __init__(self, masked: str) -> None:
        low = masked.lower()
        self.modals = _matches_at(MODAL, masked, _word_starts(low, MODAL_STARTS)
                                  + [i - 1 for i in _word_starts(low, ("ll",)) if i > 0 and low[i - 1] in "'’"])
        self.modals.sort(key=lambda m: m.start())
        self.requests = _matches_at(REQUEST_VERB, masked, _word_starts(low, REQUEST_STARTS))
        self.others = _word_starts(low, OBLIGATION_STARTS)
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
