"""Posts given beside a person's name: "(Professor of X)", ", director of X,", " – Chief Executive",
" as Commissioner for X", "the Chief Social Worker, Ann Roe", "education secretary Ann Roe", and the
post line under a name in a signature block. Only generic post words are used."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from dossier.analysis.actors_people import (
    HONORIFIC_WORDS,
    Candidate,
    TextInfo,
    line_bounds,
)
from dossier.analysis.parties import is_post_line
from dossier.analysis.vocab import COMMON_WORDS, GIVEN_NAMES, POSSESSIVE, POST_WORDS

_MODIFIER_NOT = re.compile(r"(?:ly|ed)$")  # "planning officer" is a post, "appointed officer" is not
_ACRONYM_POST = re.compile(r"[A-Z]{2,5}\s+(?:in|at|of|for)\s+[A-Z]")  # "(DHS in Eastmoor)"
_PAREN_AFTER = re.compile(r"[ \t]*\(([^()\n]{2,90})\)")
_COMMA_AFTER = re.compile(r",[ \t]+")
_DASH_AFTER = re.compile(r"[ \t]+[-–—][ \t]+|[ \t]*[–—][ \t]*")
_AS_AFTER = re.compile(r"[ \t]+as[ \t]+(?:(?:the|a|an|its|our|their|his|her)[ \t]+)?")
_PHRASE_END = re.compile(r"[,;.()\[\]\n!?:]|[ \t][-–—][ \t]|[–—]")
_STOP_IN_POST = frozenset({"who", "which", "that", "will", "would", "shall", "should", "can", "could", "may",
                           "might", "must", "has", "have", "had", "is", "was", "are", "were", "be", "been",
                           "said", "says", "told", "and", "but", "since", "when", "while", "whilst", "after",
                           "before", "because", "if", "with"})
_DETERMINERS = frozenset({"the", "our", "your", "their", "its", "his", "her", "my"})
_CONNECTORS = frozenset({"of", "for", "and", "&", "in", "at", "on"})


def _has_post_word(words: Sequence[str], within: int = 99) -> bool:
    return any(_post_key(w) in POST_WORDS for w in words[:within])


def _post_key(word: str) -> str:
    return POSSESSIVE.sub("", word.strip(".,;:()'’\"“”")).lower()


def _phrase(text: str, start: int, limit: int = 160) -> str:
    chunk = text[start:start + limit]
    m = _PHRASE_END.search(chunk)
    return chunk[: m.start()] if m else chunk


def _trim_post(phrase: str) -> str:
    words = phrase.split()
    out: list[str] = []
    for n, w in enumerate(words):
        key = w.lower()
        if key in _STOP_IN_POST and n > 0:
            break
        if key == "to" and n + 1 < len(words) and words[n + 1][0].islower() and words[n + 1] not in ("the", "a", "an"):
            break
        out.append(w)
    while out and out[-1].lower() in _CONNECTORS | {"to", "the", "a", "an"}:
        out.pop()
    return " ".join(out)


def posts_after(text: str, cand: Candidate, stops: Sequence[int]) -> list[str]:
    """Posts given right after a name: "(Post)", ", post of X,", " – Post", " as Post"."""
    if cand.possessive:
        return []
    end = cand.end
    found: list[str] = []
    m = _PAREN_AFTER.match(text, end)
    if m:
        inner = m.group(1).strip()
        words = inner.split()
        if inner[0].isupper() and len(words) <= 12 and (_has_post_word(words) or _ACRONYM_POST.match(inner)):
            found.append(inner)
        return found
    k = bisect_right(stops, end)
    nxt = stops[k] if k < len(stops) else len(text)
    for pattern, first_only in ((_COMMA_AFTER, True), (_DASH_AFTER, False), (_AS_AFTER, True)):
        m = pattern.match(text, end)
        if not m:
            continue
        phrase = _phrase(text, m.end(), min(160, nxt - m.end()))
        words = phrase.split()
        if words and words[0].lower() in _DETERMINERS | {"a", "an"} and pattern is not _AS_AFTER:
            words = words[1:]
        if not words or len(words) > 14:
            continue
        if words[0].lower() in GIVEN_NAMES and words[0][0].isupper():
            continue
        if first_only and not (_has_post_word(words, 4) if pattern is _COMMA_AFTER else _post_key(words[0]) in POST_WORDS):
            continue
        if not first_only and not _has_post_word(words):
            continue
        post = _trim_post(" ".join(words))
        if post:
            found.append(post)
        break
    return found


def _walk_back_words(text: str, end: int, limit: int = 120) -> list[str]:
    before = text[max(0, end - limit):end]
    cut = max(before.rfind(c) for c in ".;:()\n\"“”!?")
    before = before[cut + 1:]
    return before.split()


def posts_before(text: str, cand: Candidate) -> list[str]:
    """A post just before a name: "the Chief Social Worker, Ann Roe", "education secretary Ann Roe"."""
    start = cand.start
    before = text[max(0, start - 2):start]
    if before.endswith(", "):
        return _post_before_comma(_walk_back_words(text, start - 2))
    if not before.endswith(" ") or (start >= 2 and text[start - 2] in ",;:–—-"):
        return []
    words = _walk_back_words(text, start - 1)[-9:]
    phrase: list[str] = []
    k = len(words) - 1
    while k >= 0:
        bare = words[k]
        if bare.rstrip(",") != bare:
            break
        key = _post_key(bare)
        if key in _CONNECTORS:
            left = words[k - 1] if k > 0 else ""
            if not (phrase and phrase[0][0].isupper() and left[:1].isupper()):
                break
        elif bare[0].isupper():
            if key in COMMON_WORDS or (key in HONORIFIC_WORDS and key not in POST_WORDS):
                break
        elif not (key in POST_WORDS or POSSESSIVE.search(bare)):
            common = key in COMMON_WORDS or key in _DETERMINERS or _MODIFIER_NOT.search(key) or len(key) < 3
            if common or not any(_post_key(p) in POST_WORDS for p in phrase[:3]):
                break
        phrase.insert(0, bare)
        k -= 1
    while phrase and phrase[0].lower() in _CONNECTORS:
        phrase.pop(0)
    if not phrase or not _has_post_word(phrase):
        return []
    last = phrase[-1]
    if _post_key(last) not in POST_WORDS and not last[0].isupper():
        return []
    return [" ".join(phrase)]


def _post_before_comma(words: list[str]) -> list[str]:
    """"the Chief Executive, Ann Roe": a determiner, then a phrase opening with a post."""
    phrase: list[str] = []
    for w in reversed(words[-9:]):
        if w.lower() in _DETERMINERS:
            if phrase and _has_post_word(phrase, 3):
                return [_strip_post(" ".join(phrase))]
            return []
        if w.endswith(",") or w in ("-", "–", "—"):
            return []
        phrase.insert(0, w)
    return []


def _strip_post(post: str) -> str:
    return post.strip(" ,;:–—-")


def posts_on_lines(info: TextInfo, cand: Candidate) -> list[str]:
    """A post on the rest of a name's line, or on the next line of a signature block."""
    text = info.text
    line_start, line_end = line_bounds(text, cand.start)
    rest = text[cand.end:line_end].strip(" \t,–—-")
    if text[line_start:cand.start].strip(" \t•*"):
        return []
    if rest:
        return [rest] if is_post_line(rest) and len(rest.split()) <= 12 else []
    nxt = line_end
    for _ in range(3):
        if nxt >= len(text):
            return []
        s, e = line_bounds(text, nxt + 1)
        line = text[s:e].strip()
        nxt = e
        if not line:
            continue
        return [line] if is_post_line(line) and len(line.split()) <= 12 else []
    return []
