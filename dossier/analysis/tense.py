"""Tense around a date: whether its clause tells of the past or of what is to come, read from the
cue words, modals and verbs near it, and the checks the deadline rules share with the date finder
(a date of writing, a request made earlier, a state rather than an act). Generic vocabulary only."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

from dossier.analysis.asking import asked_before, that_clause, writing_of
from dossier.analysis.date_patterns import (
    AFTER_A_VERB,
    AHEAD,
    BE_FORMS,
    BEFORE_A_VERB,
    CLAUSE_BREAK,
    CONTRACTED_SUBJECTS,
    DETERMINERS,
    EXPECTED,
    FUTURE,
    FUTURE_STRONG,
    HAPPENINGS,
    INTENT_VERBS,
    MODALS,
    NOT_PAST_ED,
    NOUN_TOO,
    PAST,
    PAST_STRONG,
    PRESENT_ED,
    SUBJECTS,
    TO_DO_BY,
    TO_VERBS,
    TOKEN,
)
from dossier.analysis.sentences import Span
from dossier.domain.dates import PartialDate, Precision, Qualifier


def still_ahead(date: PartialDate, doc: PartialDate) -> bool:
    """Whether a "by" date ends more than a week after the document's date (however its sentence
    tells of it, a request made earlier for then is still open)."""
    end = date.latest()
    if date.precision is Precision.MONTH and date.qualifier in (Qualifier.EARLY, Qualifier.MID):
        end = end.replace(day=10 if date.qualifier is Qualifier.EARLY else 20)
    return end > doc.latest() + dt.timedelta(days=7)


def states(text: str, sentence: Span, i: int) -> bool:
    """A modal that only tells how things will be ("the office will be closed", "a chair will be appointed"):
    a scheduled state or event, not something someone is to do by then."""
    starts, ends, _cues = sentence_cues(text, sentence.start, sentence.end)
    words = [text[starts[k]:ends[k]].lower() for k in range(i, min(i + 3, len(starts)))]
    if len(words) >= 2 and words[0] == "to":  # "expected to take place in June", "to occur", "to be held"
        return (words[1] in ("happen", "occur") or (len(words) == 3 and (words[1], words[2]) in
                                                     (("take", "place"), ("be", "held"), ("be", "dissolved"),
                                                      ("be", "abolished"), ("be", "replaced"))))
    if len(words) < 2 or words[0] not in MODALS:
        return False
    if words[1] in HAPPENINGS:
        return True  # "the rules will come into force", "the scheme will end"
    return len(words) == 3 and words[1] == "be" and not words[2].endswith("ing")


# -- tense ----------------------------------------------------------------------------------------
def token_cue(tokens: list[str], i: int) -> tuple[str, int] | None:
    """(direction, strength) that token i gives its clause, if any; strength 2 strong, 1 weak."""
    word = tokens[i].lower().replace("’", "'")
    prev = tokens[i - 1].lower() if i > 0 else ""
    if word in FUTURE_STRONG:
        if word in ("need", "needs", "look", "going") and (i + 1 >= len(tokens) or tokens[i + 1].lower()
                                                           not in ("to", "forward")):
            return None
        if word in ("look", "looks") and tokens[i + 1].lower() == "to" and (
                i + 2 >= len(tokens) or not tokens[i + 2].islower() or tokens[i + 2].lower() in DETERMINERS):
            return None  # "we look to the Board for help": to someone, not to doing something
        if word in ("deadline", "deadlines"):
            return AHEAD, 2  # "its deadline on 8 March": the one just gone or the next, as the date says
        if word in NOUN_TOO and prev not in BEFORE_A_VERB:
            return None  # "a formal access request", "the plan": a noun, not an intention
        if word == "next" or word == "coming":
            return None  # a modifier of a noun, not of this date
        if word in INTENT_VERBS and prev in ("to", *DETERMINERS):
            return (FUTURE, 1) if prev == "to" else None  # an infinitive or a noun ("the plan")
        return FUTURE, 2
    if word == "to" and i + 1 < len(tokens) and tokens[i + 1].lower() in TO_VERBS and tokens[i + 1].islower():
        return FUTURE, 1
    if word in EXPECTED and prev in ("is", "are", "am", "be", "'s", "remains", "remain"):
        return FUTURE, 2  # "is expected in", "are scheduled for", "is due"
    if word in PAST_STRONG:
        if word == "last":
            return None  # "last" goes with its own noun ("last year")
        if prev in BE_FORMS or prev in ("to", "will", "would", "have", "has"):
            return (PAST, 1) if prev in ("have", "has") else None
        return PAST, 2
    if word.endswith("ed") and len(word) > 4 and word not in PRESENT_ED and tokens[i].islower():
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if prev.endswith(("'s", "’s")) and prev[:-2].replace("’", "'") not in CONTRACTED_SUBJECTS \
                and following and following not in AFTER_A_VERB:
            return None  # "the group's stated aim", "the Council's revised plan": an adjective, not a verb
        if prev in SUBJECTS:
            return PAST, 2  # "I intended", "you presented"
        if prev in BE_FORMS or prev in DETERMINERS or word in NOT_PAST_ED:
            return None
        return PAST, 1
    return None


def tense_at(text: str, sentence: Span, start: int, end: int, *, strong_only: bool = False) -> str | None:
    """"past", "future" or None: the tense the clause around text[start:end] gives it (see `tense_of`).

    With `strong_only`, only finite verbs and modals count ("was", "wrote", "I intended", "will").
    """
    return tense_of(text, sentence, start, end, 2 if strong_only else 1)


# a plan told up to its end ("the building timetable through to May"): the end is still to come, whatever the verb
_PLAN_UNTIL = re.compile(r"\b(?:programme|programmes|program|plan|plans|timetable|schedule|roadmap|work\s+plan)\s+\Z",
                         re.IGNORECASE)
_UNTIL_WORD = re.compile(r"(?:until|till|up\s+to|(?:right\s+)?through\s+to)\s", re.IGNORECASE)


def tense_of(text: str, sentence: Span, start: int, end: int, min_strength: int = 1) -> str | None:
    """Past or future, from the clause around [start, end) and then the whole sentence."""
    found = tense_cue_of(text, sentence, start, end, min_strength)
    return found[0] if found else None


@lru_cache(maxsize=256)
def tense_cue_of(text: str, sentence: Span, start: int, end: int, min_strength: int = 1) -> tuple[str, int] | None:
    """(direction, token index in the sentence) of the cue that decides the tense around [start, end)
    (kept: the year rules and the role rules both ask it of the same date)."""
    if writing_of(text, max(sentence.start, start - 50), start):
        _starts, ends, _cues = sentence_cues(text, sentence.start, sentence.end)
        return PAST, max(0, bisect.bisect_right(ends, start) - 1)  # "your letter of 14 November": written before
    clause_start, clause_end = sentence.start, sentence.end
    for brk in CLAUSE_BREAK.finditer(text, sentence.start, start):
        clause_start = brk.end()
    if asked_before(text, max(clause_start, start - 150), start):
        _starts, ends, _cues = sentence_cues(text, sentence.start, sentence.end)
        return AHEAD, max(0, bisect.bisect_right(ends, start) - 1)  # "was asked to write in July": still to come
    if _PLAN_UNTIL.search(text, max(sentence.start, start - 40), start) and _UNTIL_WORD.match(text, start, end):
        _starts, ends, _cues = sentence_cues(text, sentence.start, sentence.end)
        return AHEAD, max(0, bisect.bisect_right(ends, start) - 1)  # "sent round the timetable until May": still to come
    brk_after = CLAUSE_BREAK.search(text, end, sentence.end)
    if brk_after:
        clause_end = brk_after.start()
    that = that_clause(text, end, clause_end)  # "there was no doubt on 3 May | that the Board would act"
    if that is not None:
        clause_end = that
    for lo, hi in ((clause_start, clause_end), (sentence.start, sentence.end)):
        found = _nearest_cue(text, sentence, lo, hi, start, end, min_strength)
        if found:
            return found
    return None


@lru_cache(maxsize=64)
def sentence_cues(text: str, lo: int, hi: int) -> tuple[tuple[int, ...], tuple[int, ...],
                                                          tuple[tuple[int, str, int], ...]]:
    """A sentence's token starts and ends, and its tense cues as (token index, direction, strength)."""
    matches = list(TOKEN.finditer(text, lo, hi))
    tokens = [m.group() for m in matches]
    cues = tuple((i, cue[0], cue[1]) for i in range(len(tokens)) if (cue := token_cue(tokens, i)) is not None)
    return tuple(m.start() for m in matches), tuple(m.end() for m in matches), cues


def _nearest_cue(text: str, sentence: Span, lo: int, hi: int, start: int, end: int,
                 min_strength: int = 1) -> tuple[str, int] | None:
    starts, ends, cues = sentence_cues(text, sentence.start, sentence.end)
    before = bisect.bisect_right(ends, start) - 1  # the last token ending before the date
    after = bisect.bisect_left(starts, end)  # the first token starting after it
    best: tuple[int, int, str, int] | None = None  # (-strength, distance, direction, index)
    for i, direction, strength in cues:
        if strength < min_strength or starts[i] < lo or ends[i] > hi:
            continue
        if i <= before:
            distance = before - i
        elif i >= after:
            distance = i - after
        else:
            continue  # inside the date's own words
        key = (-strength, distance, direction, i)
        if best is None or key < best:
            best = key
    return (best[2], best[3]) if best else None


def by_direction(text: str, sentence: Span, start: int, end: int) -> str:
    """A "by" date looks ahead unless the nearest finite verb is in the past
    ("You were asked to reply by 30 April", "The plan was due by 1 May", but "a reply is due by 30 June")."""
    starts, ends, _cues = sentence_cues(text, sentence.start, sentence.end)
    before = bisect.bisect_right(ends, start) - 1
    if before >= 0:
        word = text[starts[before]:ends[before]].lower()
        if word in ("is", "are", "am", "remains", "remain"):
            return FUTURE
        if word in ("was", "were"):
            return PAST
    if TO_DO_BY.search(text, max(sentence.start, start - 60), start):
        return AHEAD  # "was on track to finish by 17 April", "you were asked to reply by 30 April"
    return PAST if tense_of(text, sentence, start, end, 2) == PAST else FUTURE
