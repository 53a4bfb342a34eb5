"""An action's life: a later letter that reports an action done, or moves its deadline.

Pure functions over a later document's text and the actions set before it. Rules as data: each
rule of PROGRESS_RULES has a name, a pattern, a resolver (which of the actions a sentence speaks of,
and what it proposes) and invented examples. Two rules:

- reported-done: a sentence in the past tense ("sent", "has now submitted", "was published") whose
  subject names the action's owner (or its organisation; "I"/"we" when the owner wrote the later
  letter; nobody, in a passive) and whose verb and object share the action's content words
  ("send its draft plan" ~ "sent its draft plan"). Left alone: a request repeated ("please send the
  draft"), a future ("will send"), a denial ("has not yet sent"), another owner ("the council sent").
- deadline-moved: "the deadline for the report is now 30 June", "we have agreed to extend ... to the
  end of July": the action that shares the most object words is superseded by the new date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.analysis.sentences import sentences
from dossier.analysis.temporal import find_dates
from dossier.analysis.vocab import GIVEN_NAMES, HONORIFICS, IRREGULAR_PAST, MONTHS, VERB_FAMILIES
from dossier.domain.dates import PartialDate
from dossier.domain.findings import DateFound


@dataclass(frozen=True, slots=True)
class OpenAction:
    """An action set before the later document, as the rules need it."""

    id: int
    summary: str
    owner_names: tuple[str, ...] = ()  # the owner, its aliases, its organisation's names
    due_value: str | None = None  # ISO, cut to its precision


@dataclass(frozen=True, slots=True)
class ProgressFound:
    """A sentence of a later document that proposes a status for an earlier action."""

    action_id: int
    status: str  # "done" or "superseded"
    quote: str
    start: int
    end: int
    rule: str
    new_due: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class ProgressRule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Context, Sequence[OpenAction]], list[tuple[int, PartialDate | None]]]
    status: str
    examples: tuple[str, ...] = ()
    leave_alone: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Context:
    """One sentence of the later document, with what the rules resolve against."""

    text: str  # the sentence
    start: int  # its offset in the document
    sender_names: tuple[str, ...]
    recipient_names: tuple[str, ...]
    document_date: PartialDate | None
    given: tuple[DateFound, ...] | None = None  # the document's dated references, if read already
    by_verb: dict[str, list[OpenAction]] | None = None  # the actions by each verb that may report them
    _dates: list[tuple[DateFound, ...]] = field(default_factory=list)

    def dates(self) -> tuple[DateFound, ...]:
        """The dated references inside the sentence, offsets in the document (read when first asked)."""
        if not self._dates:
            if self.given is not None:
                found = tuple(d for d in self.given if self.start <= d.start < self.start + len(self.text))
            else:
                found = tuple(DateFound(d.text, d.start + self.start, d.end + self.start, d.date, d.role, d.sentence)
                              for d in find_dates(self.text, self.document_date))
            self._dates.append(found)
        return self._dates[0]


# words that say nothing of what an action is about
_STOP = frozenset(["a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "to", "of", "for", "and", "or", "in", "on", "at", "by", "with", "from", "as", "be", "is", "are", "was", "were", "been", "has", "have", "had", "will", "would", "shall", "should", "must", "may", "might", "can", "could", "please", "also", "kindly", "further", "more", "any", "all", "some", "each", "other", "such", "into", "about", "over", "under", "up", "out", "then", "than", "so", "it", "we", "i", "you", "they", "he", "she", "them", "us", "me", "him", "which", "who", "what", "when", "where", "how", "there", "here", "now", "yet", "still", "already", "duly", "just", "very", "soon", "shortly", "end", "early", "late", "mid", "before", "after", "until", "within", "next", "last", "week", "weeks", "month", "months", "year", "years", "day", "days", "date", "time", "officials", "official", "department", "team", "colleagues", "letter", "email", "note"])
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NEGATION = re.compile(r"\b(?:not|n['’]t|never|yet\s+to|failed\s+to|no\s+longer)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|my|our|us)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_THIRD_PRONOUN = re.compile(r"^(?:it|they|he|she|this|that)$", re.IGNORECASE)


def content_words(text: str) -> set[str]:
    """The words of a phrase that say what it is about, lower-cased, plurals folded (not adverbs:
    "separately" says how, not what)."""
    out = set()
    for w in _WORD.findall(text):
        w = w.casefold().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 3 or w in _STOP or w in MONTHS or w in HONORIFICS or (w.endswith("ly") and len(w) > 5):
            continue
        if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
            w = w[:-1]
        out.add(w)
    return out


def past_lemmas(word: str) -> set[str]:
    """What verb a past form may be of: "sent" -> send, "submitted" -> submit, "agreed" -> agree."""
    w = word.casefold()
    if w in IRREGULAR_PAST:
        return {IRREGULAR_PAST[w]}
    if not w.endswith("ed") or len(w) < 5:
        return set()
    stem = w[:-2]
    out = {stem, w[:-1]}  # "published" -> publish; "agreed", "provided" -> agree, provide
    if w.endswith("ied"):
        out.add(w[:-3] + "y")  # "copied" -> copy
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.add(stem[:-1])  # "submitted" -> submit
    return out


def _family(verb: str) -> frozenset[str]:
    for family in VERB_FAMILIES:
        if verb in family:
            return family
    return frozenset({verb})


_FILLER = frozenset({"please", "also", "kindly", "to", "must", "should", "will", "shall", "would", "could",
                     "need", "needs", "now", "then", "urgently", "promptly", "still", "be", "asked",
                     "required", "expected", "is", "are"})


_OWNER_TO = re.compile(r"^(?:[A-Z][\w'’.&-]*\s+|of\s+|the\s+|and\s+){1,8}to\s+(?=[a-z])")


def verbs_reported(text: str) -> set[str]:
    """Every verb a past form in the text may report (with its family: "submitted" reports "send")."""
    out: set[str] = set()
    for m in _PAST.finditer(text):
        for lemma in past_lemmas(m.group("verb")):
            out |= _family(lemma)
    return out


def moves_a_deadline(text: str) -> bool:
    return bool(_MOVED.search(text))


def action_verb_and_object(action: OpenAction) -> tuple[str | None, frozenset[str]]:
    """The verb an action's summary opens with (past its owner and fillers) and its object's words."""
    return _verb_and_object(action.summary, action.owner_names)


@lru_cache(maxsize=65536)
def _verb_and_object(summary: str, owner_names: tuple[str, ...]) -> tuple[str | None, frozenset[str]]:
    summary = re.sub(r"\([^)]*\)", " ", summary)  # "(by end May 2014)"
    summary = _OWNER_TO.sub("", summary, count=1)  # "Wessex Trust to send ..." -> "send ..."
    owner_words = {w.casefold() for name in owner_names for w in _WORD.findall(name)}
    if " to " in f" {summary} " and summary.split(" to ", 1)[0].strip().casefold() in \
            {n.casefold() for n in owner_names}:
        summary = summary.split(" to ", 1)[1]  # "Wessex Trust to send ..." -> "send ..."
    words = _WORD.findall(summary)
    verb = None
    rest_at = 0
    for n, w in enumerate(words):
        low = w.casefold()
        if low in _FILLER or low in owner_words:
            continue
        verb, rest_at = low, n + 1
        break
    obj = content_words(" ".join(words[rest_at:])) - owner_words
    return verb, frozenset(obj)


# a past tense, perfect or passive: "sent", "has now sent", "have been published", "was submitted"
_PAST = re.compile(
    r"(?P<aux>\b(?:has|have|had)\s+(?:now\s+|already\s+|duly\s+|since\s+|recently\s+|also\s+){0,2}(?:been\s+)?"
    r"|\b(?:was|were)\s+(?:duly\s+|recently\s+|also\s+)?)?"
    r"\b(?P<verb>[a-z]+ed|" + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True)) + r")\b")


def _subject_names(subject: str, ctx: Context) -> tuple[str, ...] | None:
    """Who the subject of a clause is: names for I/we and you, the words themselves otherwise;
    None for a pronoun that cannot be resolved here."""
    words = subject.split()
    if words and _THIRD_PRONOUN.match(words[-1] if len(words) == 1 else words[0]):
        return None
    if _FIRST_PERSON.search(subject):
        return ctx.sender_names
    if _SECOND_PERSON.search(subject):
        return ctx.recipient_names
    return (subject,)


def _head(name: str) -> str | None:
    """A name's last word: a person's surname, an organisation's head noun ("trust", "council")."""
    words = sorted(content_words(name.split()[-1])) if name.split() else []
    return words[0] if words else None


def _names_owner(names: tuple[str, ...], action: OpenAction) -> bool:
    """The subject names the owner: it holds the head of one of the owner's names (a place or a
    qualifier they share with another body is not enough: "Wessex" in two councils' names), and a
    surname is not preceded by another given name ("Kit Roe" is not Ann Roe)."""
    for owner in action.owner_names:
        words = owner.split()
        head = _head(owner)
        if head is None:
            continue
        for name in names:
            for m in re.finditer(rf"(?:(?P<before>[\w'’-]+)\s+)?\b{re.escape(words[-1])}\b", name, re.IGNORECASE):
                before = m.group("before")
                others = {w.casefold() for w in words[:-1]}
                if (len(words) >= 2 and before and (before.casefold() in GIVEN_NAMES or before[:1].isupper())
                        and before.casefold() not in HONORIFICS and before.casefold() not in others):
                    continue  # "Peter Doe" is not Sam Doe
                return True
    return False



def _resolve_done(m: re.Match[str], ctx: Context, actions: Sequence[OpenAction]) -> list[tuple[int, PartialDate | None]]:
    verb = m.group("verb").casefold()
    lemmas = past_lemmas(verb)
    if not lemmas:
        return []
    cut = [(ctx.text.rfind(sep, 0, m.start()), sep) for sep in _CLAUSE_BREAKS]
    at, sep = max(cut)
    before = ctx.text[at + len(sep) if at >= 0 else 0:m.start()]
    if _NEGATION.search(ctx.text[max(0, m.start() - 30):m.end()]) or re.search(
            r"\b(?:asked|requested|invited|required|told|urged|expected|wanted)\b[^.]*\bto\s*$", before, re.IGNORECASE):
        return []
    aux = (m.group("aux") or "").split()
    passive = "been" in aux or aux[:1] in (["was"], ["were"])
    after = ctx.text[m.end():]
    ends = [i for i in (after.find(sep) for sep in _CLAUSE_BREAKS) if i >= 0]
    after = after[:min(ends)] if ends else after  # "advised my officials that ...": its own clause only
    agent = re.match(r"\s+by\s+(?P<agent>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", after)
    said = content_words(after)
    if passive:
        subject_names: tuple[str, ...] | None = (agent.group("agent"),) if agent else ()
        said |= content_words(before)  # "the draft plan was sent": the object stands before the verb
    else:
        subject = before.strip(" ,")
        subject_names = _subject_names(subject[-80:], ctx) if subject else None
    if ctx.by_verb is not None:  # only the actions whose verb this past form may report
        actions = list({a.id: a for lemma in sorted(lemmas) for a in ctx.by_verb.get(lemma, ())}.values())
    out: list[tuple[int, PartialDate | None]] = []
    for action in actions:
        verb0, obj = action_verb_and_object(action)
        if verb0 is None or not obj or not (lemmas & _family(verb0)):
            continue
        particle = _particle(action)
        if particle and not re.match(rf"\s+{particle}\b", ctx.text[m.end():], re.IGNORECASE):
            continue  # "set out" the options is not "set in train"
        shared = obj & said
        if len(shared) < min(2, len(obj)):
            continue
        if subject_names is None:
            continue
        if subject_names == ():  # a passive without its agent: only a close match of the object
            if len(shared) < 2:
                continue
        elif not _names_owner(subject_names, action):
            continue
        out.append((action.id, None))
    return out


_CLAUSE_BREAKS = (";", " and ", " but ", ", which", " that ", " whether ", " because ", " so that ")
_PARTICLES = frozenset({"out", "up", "down", "back", "forward", "off", "on", "in", "together", "through"})


@lru_cache(maxsize=4096)
def _particle(action: OpenAction) -> str | None:
    """The particle of a phrasal verb an action opens with: "set out", "draw up", "follow up"."""
    verb, _ = action_verb_and_object(action)
    if verb is None:
        return None
    m = re.search(rf"\b{re.escape(verb)}\s+(?P<p>\w+)", action.summary, re.IGNORECASE)
    word = m.group("p").casefold() if m else None
    return word if word in _PARTICLES else None


_MOVED = re.compile(
    r"\b(?:deadline|date|timetable|target\s+date|due\s+date|timescale)\b(?P<what>[^.;]{0,80}?)\b(?:is\s+now"
    r"|has\s+(?:now\s+)?been\s+(?:extended|moved|put\s+back|pushed\s+back|brought\s+forward|changed|revised|deferred)"
    r"|was\s+(?:extended|moved|put\s+back|deferred|changed)|will\s+now\s+be)\b"
    r"|\b(?:agreed|decided)\s+to\s+(?:extend|defer|postpone|put\s+back|move)\b(?P<what2>[^.;]{0,120}?)\b(?:to|until)\b"
    r"|\b(?P<what3>[^.;]{3,80}?)\b(?:is|are)\s+now\s+due\b",
    re.IGNORECASE)


def _resolve_moved(m: re.Match[str], ctx: Context, actions: Sequence[OpenAction]) -> list[tuple[int, PartialDate | None]]:
    new = [d for d in ctx.dates() if d.start >= ctx.start + m.start()]
    if not new:
        return []
    when = new[0].date
    what = content_words(m.group("what") or m.group("what2") or m.group("what3") or "")
    scored = []
    for action in actions:
        _, obj = action_verb_and_object(action)
        shared = len(obj & what)
        if shared and action.due_value != when.value:
            scored.append((shared, action.id))
    if not scored:
        return []
    best = max(s for s, _ in scored)
    return [(action_id, when) for s, action_id in scored if s == best]


PROGRESS_RULES: tuple[ProgressRule, ...] = (
    ProgressRule("deadline-moved", _MOVED, _resolve_moved, "superseded",
                 ("The deadline for the staffing report is now 30 June 2019.",
                  "We have agreed to extend the consultation to the end of July.",
                  "The transport review is now due on 4 May."),
                 ("The deadline for the report was 30 March.",)),
    ProgressRule("reported-done", _PAST, _resolve_done, "done",
                 ("The trust sent its draft improvement plan to your officials on 12 March.",
                  "We have now submitted the draft plan.", "The draft improvement plan was sent on 12 March."),
                 ("Please send the draft plan.", "The trust will send its draft plan in May.",
                  "The trust has not yet sent its draft plan.", "The council sent its draft plan.")),
)


def find_progress(text: str, actions: Sequence[OpenAction], *, document_date: PartialDate | None = None,
                  dates: Sequence[DateFound] | None = None, sender_names: Sequence[str] = (),
                  recipient_names: Sequence[str] = ()) -> list[ProgressFound]:
    """What a later document says of earlier actions: one finding per (action, status), first sentence
    wins. Dates a moved deadline gives are `dates` (the document's, if read already), else read from
    the sentence against `document_date`."""
    if not actions or not text:
        return []
    by_verb: dict[str, list[OpenAction]] = {}
    for action in actions:
        verb, _ = action_verb_and_object(action)
        for form in _family(verb) if verb else ():
            by_verb.setdefault(form, []).append(action)
    out: dict[tuple[int, str], ProgressFound] = {}
    for span in sentences(text):
        sentence = text[span.start:span.end]
        if len(sentence) > 1500:
            continue
        ctx = Context(sentence, span.start, tuple(sender_names), tuple(recipient_names), document_date,
                      tuple(dates) if dates is not None else None, by_verb)
        for rule in PROGRESS_RULES:
            matched = False
            for m in rule.pattern.finditer(sentence):
                for action_id, when in rule.resolve(m, ctx, actions):
                    matched = True
                    out.setdefault((action_id, rule.status), ProgressFound(
                        action_id, rule.status, " ".join(sentence.split()), span.start, span.end, rule.name, when))
            if matched:
                break  # a sentence that moves a deadline is not also a report that the action is done
    return list(out.values())
