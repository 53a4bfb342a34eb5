"""Tenures from the letters: when a person started in a post, and when they left it.

Rules as data: each `TenureRule` is a name, a pattern over one sentence, what the match says of
the tenure (it starts, it ends, the person has left the post, the person holds it) and examples.
A rule's `post` group is the post as written; the date is the dated reference the analysis already
found in the words the rule read, or right after them ("has been appointed Chief Executive with
effect from 1 September"). The person is the one the sentence names next to the words (before
them, or after a "former Chief Executive"); "I" is the letter's sender.

    find_tenures(text, actors, dates, sender=...) -> [TenureFound]

A post written with tenure words beside a name ("Ann Roe, formerly Head of Planning", "the
outgoing Chair, Pat Moss") is read by `post_titles.normalise_post` (its `status`); `posts_status`
turns the actor's own posts into tenure evidence the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.analysis.post_titles import normalise_post
from dossier.analysis.sentences import sentences
from dossier.analysis.vocab import COMMON_WORDS, GIVEN_NAMES, POSSESSIVE, POST_WORDS
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActorFound, ActorKind, DateFound

START, END, LEFT, HOLDS = "start", "end", "left", "holds"

_DET = r"(?:(?:the|our|its|their|his|her|a|an|your)\s+)?"
# a post as written: up to ten words, ending before a date, a clause or the sentence
_POST = r"(?P<post>[A-Za-z][\w'’&-]*(?:[ \t]+(?!(?:on|with|from|in|until|till|at|by|when|after|before|and|but|since|as|who|which|last|next|this|following|effective)\b)[\w'’&-]+){0,9}?)"
_POST_END = r"(?=\s+(?:on|with\s+effect|from|in|until|till|at|by|when|after|before|and|but|since|last|next|this|following|effective|who|which|as\s+from)\b|\s*[,.;:()\n]|\s*$)"
_NAME_GAP = 3  # characters between a name and the words that follow it ("Ann Roe, formerly ...")


@dataclass(frozen=True, slots=True)
class TenureRule:
    name: str
    pattern: re.Pattern[str]
    sets: str  # START, END, LEFT or HOLDS
    examples: tuple[str, ...]
    person_after: bool = False  # the name follows the words ("the former Chief Executive, Ann Roe")
    note: str | None = None  # the tenure's kind, when the words give it ("acting")
    needs_date: bool = False  # without a date the words say nothing of the tenure


def _rule(name: str, pattern: str, sets: str, *examples: str, person_after: bool = False,
          note: str | None = None, needs_date: bool = False) -> TenureRule:
    return TenureRule(name, re.compile(pattern, re.IGNORECASE), sets, examples, person_after, note, needs_date)


TENURE_RULES: tuple[TenureRule, ...] = (
    _rule("joined-as", rf"\bjoin(?:ed|s|ing)?\b(?:\s+[\w'’-]+){{0,5}}?\s+as\s+{_DET}{_POST}{_POST_END}", START,
          "Ann Roe joined the council as Director of Place on 3 March 2014."),
    _rule("appointed", rf"\b(?:(?:has|have|had|having)\s+been|was|were|is|is\s+to\s+be|will\s+be|been)\s+"
          rf"(?:formally\s+|recently\s+|now\s+)?appointed\s+(?:as\s+)?{_DET}{_POST}{_POST_END}", START,
          "Sam Doe has been appointed Chief Executive with effect from 1 September."),
    _rule("appointed-name-as", rf"\bappointed\s+(?P<person>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})\s+as\s+{_DET}"
          rf"{_POST}{_POST_END}", START, "The board appointed Kim Lowe as Chief Executive from 1 May."),
    _rule("took-up-post", rf"\b(?:took|take|takes|taking|taken|will\s+take)\s+up\s+(?:the\s+|his\s+|her\s+|their\s+|"
          rf"my\s+)?(?:post|role|position|office|appointment|duties)\s+(?:as|of)\s+{_DET}{_POST}{_POST_END}", START,
          "Tom Bell took up post as Head of Planning in May."),
    _rule("started-as", rf"\b(?:started|starts|will\s+start|began|begins|will\s+begin|commenced|will\s+commence)\s+"
          rf"(?:work\s+|in\s+post\s+)?as\s+{_DET}{_POST}{_POST_END}", START,
          "Jo Fry started as Head of Housing on 2 June 2014."),
    _rule("acting-from", rf"\b(?P<note>acting|interim)\s+{_POST}(?=\s+(?:from|since|with\s+effect\s+from|as\s+from)\b)",
          START, "Ben Hart, acting Director of Finance from 1 May, wrote.", needs_date=True),
    _rule("will-step-down", r"\b(?:will|shall|is\s+to|is\s+due\s+to|has\s+decided\s+to|intends\s+to|plans\s+to|"
          r"is\s+going\s+to|has\s+announced\s+(?:that\s+)?(?:he|she|they)\s+will|expects\s+to)\s+"
          r"(?:step\s+down|stand\s+down|retire|leave\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+)?(?:post|role|council|"
          rf"authority|organisation|office))(?:\s+as\s+{_DET}{_POST}{_POST_END})?", END,
          "Jo Fry will step down at the end of June.", needs_date=True),
    _rule("stepped-down", r"\b(?:(?:stepped|stood)\s+down|retired|resigned|left\s+(?:the\s+|his\s+|her\s+|their\s+|"
          r"my\s+)?(?:post|role|position))(?:\s+(?:as|of|from)\s+(?:(?:the\s+|his\s+|her\s+|their\s+|my\s+)?"
          rf"(?:post|role|position)\s+(?:of|as)\s+)?{_DET}{_POST}{_POST_END})?", LEFT,
          "Jo Fry stepped down on 30 June 2014.", "Jo Fry stepped down as Head of Housing on 30 June 2014."),
    _rule("formerly", rf"\b(?:formerly|previously|until\s+recently)\s+(?!known\b|called\b|named\b|part\b){_DET}"
          rf"{_POST}{_POST_END}", LEFT, "Ann Roe, formerly Head of Planning, now leads the team."),
    # "Ann Roe, our Head of Planning, has been appointed Director of Place": a change of post, the old one left
    _rule("moving-on-appointed", rf",\s+(?:our|the|its|their|your|his|her)\s+{_POST}\s*,\s+(?:has|have|had)\s+been\s+"
          r"(?:formally\s+|recently\s+|now\s+)?appointed\s+(?:as\s+)?(?:(?:the|a|an)\s+)?(?-i:[A-Z])", LEFT,
          "Ann Roe, our Head of Planning, has been appointed Director of Place from 1 April."),
    _rule("former", rf"\b(?:the\s+)?(?:former\b|ex-)\s*{_POST}{_POST_END}", LEFT,
          "The former Chief Executive, Jo Fry, spoke.", person_after=True),
    _rule("moved-from", r"\bmoved\s+(?:(?:across|over|on)\s+)?(?:to\s+[^,.;]{2,60}?\s+)?from\s+"
          rf"(?:the\s+|his\s+|her\s+|their\s+)?(?:(?:post|role|position)\s+(?:of|as)\s+)?{_DET}{_POST}"
          rf"(?:(?=\s+to\b)|{_POST_END})", LEFT, "Ann Roe moved from Head of Planning to the new post."),
    _rule("until", rf"(?:\b(?:was|is|remains|remained|will\s+remain|served\s+as|serves\s+as|will\s+serve\s+as|"
          rf"continued\s+as|continues\s+as|will\s+continue\s+as)\s+|,\s+){_DET}{_POST}\s+(?=until\b|till\b)", END,
          "Ann Roe was Interim Director until 31 August 2014.", needs_date=True),
    _rule("outgoing", rf"\b(?:the\s+)?(?:outgoing|retiring|departing)\s+{_POST}{_POST_END}", HOLDS,
          "The outgoing Chair, Pat Moss, agreed.", person_after=True),
    _rule("newly-appointed", rf"\b(?:the\s+)?(?:newly|recently)[\s-]+appointed\s+{_POST}{_POST_END}", START,
          "The newly appointed Chief Executive, Kim Lowe, said so.", person_after=True),
)


@dataclass(frozen=True, slots=True)
class TenureFound:
    """What one passage says of a person's tenure of a post."""

    person: str  # the actor's canonical name
    post: str  # the post as written; "" for whatever post the person holds ("will step down")
    sets: str  # START, END, LEFT or HOLDS
    date: PartialDate | None  # the start or end date, where the passage gives one
    rule: str
    text: str  # the words read
    start: int
    end: int
    note: str | None = None  # "acting", "interim"
    weak: bool = False  # the start is the letter's own date ("newly appointed"): taken only if nothing better
    person_span: tuple[int, int] | None = None  # where the text names the person (None: "I", the sender)

    def to_json(self) -> dict[str, object]:
        return {"person": self.person, "post": self.post, "sets": self.sets,
                "date": self.date.to_json() if self.date else None, "rule": self.rule, "text": self.text,
                "start": self.start, "end": self.end, "note": self.note, "weak": self.weak}


def _is_post(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 10:
        return False
    keys = [POSSESSIVE.sub("", w.strip(".,;:'’")).casefold() for w in words]
    if keys[0] in ("the", "a", "an") or not any(k in POST_WORDS for k in keys):
        return False
    return normalise_post(phrase) is not None


_PRONOUN_SUBJECT = re.compile(r"(?:^|[\s,;:(])(I|he|she|they)\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)


Named = tuple[int, int, str]  # a person's mention: start, end, canonical name


def _person(text: str, rule: TenureRule, m: re.Match[str], sentence: tuple[int, int],
            people: Sequence[Named], sender: str | None) -> Named | None:
    """The person the words speak of: named inside them, before them in the sentence, after them
    (for a title before a name), or "I" (the sender), "he"/"she" (the last person named)."""
    s_start, s_end = sentence
    if "person" in m.groupdict() and m.group("person"):
        inside = [p for p in people if m.start("person") <= p[0] < m.end("person")]
        if inside:
            return inside[0]
    before = [p for p in people if s_start <= p[0] and p[1] <= m.start()]
    after = [p for p in people if m.end() <= p[0] < s_end]
    if rule.person_after:
        if after and after[0][0] - m.end() <= _NAME_GAP + 2:
            return after[0]
        if before and m.start() - before[-1][1] <= _NAME_GAP + 4:
            return before[-1]
        return None
    lead = text[s_start:m.start()]
    pronoun = _PRONOUN_SUBJECT.search(lead)
    if pronoun and (not before or before[-1][1] <= s_start + pronoun.start(1)):
        word = pronoun.group(1).casefold()
        if word == "i":
            return (-1, -1, sender) if sender else None
        if word in ("he", "she"):
            earlier = [p for p in people if p[1] <= s_start + pronoun.start(1)]
            return earlier[-1] if earlier else None
        return None
    if before:
        return before[-1]
    return None


_DATE_JOIN = re.compile(r"\s*(?:with\s+(?:immediate\s+)?effect|effective|as)?\s*", re.IGNORECASE)


def _date_for(m: re.Match[str], dates: Sequence[DateFound]) -> DateFound | None:
    """The dated reference in the words read, or one right after them ("... Director of Place on
    3 March 2014", "... with effect from 1 September"); a date further on dates something else."""
    for d in dates:
        if m.start() <= d.start < m.end():
            return d
        if d.start >= m.end() and _DATE_JOIN.fullmatch(m.string, m.end(), d.start):
            return d
    return None


_NAME = re.compile(r"\b([A-Z][a-z]+)[ \t]+((?:[A-Z]|Mc|Mac|O')[a-z'’-]+(?:-[A-Z][a-z]+)?)\b")


def _bare_names(text: str, start: int, end: int, known: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names the actor analysis left out of a sentence that a tenure speaks of ("Ann Roe has been
    appointed ..."): a common given name and a capitalised surname."""
    out = []
    for m in _NAME.finditer(text, start, end):
        given, surname = m.group(1), m.group(2)
        if given.casefold() not in GIVEN_NAMES or surname.casefold() in COMMON_WORDS:
            continue
        if surname.casefold() in POST_WORDS or any(k[0] < m.end() and m.start() < k[1] for k in known):
            continue
        out.append((m.start(), m.end(), f"{given} {surname}"))
    return out


def find_tenures(text: str, actors: Sequence[ActorFound], dates: Sequence[DateFound], *,
                 sender: str | None = None, document_date: PartialDate | None = None) -> list[TenureFound]:
    """What the text says of when people started in and left their posts."""
    people: list[Named] = sorted((mention.start, mention.end, a.name) for a in actors if a.kind is ActorKind.PERSON
                    for mention in a.mentions)
    if not people and not sender:
        return []
    out: list[TenureFound] = []
    seen: set[tuple[str, str, str]] = set()
    known = people
    for s_start, s_end in ((s.start, s.end) for s in sentences(text)):
        if not any(rule.pattern.search(text, s_start, s_end) for rule in TENURE_RULES):
            continue
        people = sorted([*known, *_bare_names(text, s_start, s_end, known)])
        for rule in TENURE_RULES:
            for m in rule.pattern.finditer(text, s_start, s_end):
                post = m.groupdict().get("post") or ""
                named: Named | None = None
                if post:  # a title before a name ("former Chief Executive Jo Fry") stops at the name
                    names = [p for p in people if m.start("post") < p[0] < m.end("post")]
                    if names:
                        post = text[m.start("post"):names[0][0]].strip()
                        named = names[0]
                if post and not _is_post(post):
                    continue
                if not post and rule.sets != END and rule.name != "stepped-down":
                    continue
                who = (named if named and rule.person_after
                       else _person(text, rule, m, (s_start, s_end), people, sender))
                if who is None:
                    continue
                person = who[2]
                found = _date_for(m, dates)
                if rule.needs_date and found is None:
                    continue
                date = found.date if found else None
                weak = False
                if rule.name == "newly-appointed" and date is None:
                    date, weak = document_date, True
                note = rule.note or (m.group("note").casefold() if "note" in m.groupdict() and m.group("note")
                                     else None)
                sets = rule.sets
                if sets == LEFT and date is not None:
                    sets = END
                title = normalise_post(post) if post else None  # a post _is_post accepted always has one
                key = (person, title.key if title else "", sets)
                if key in seen:
                    continue
                seen.add(key)
                out.append(TenureFound(person=person, post=post, sets=sets, date=date, rule=rule.name,
                                       text=" ".join(text[m.start():max(m.end(), found.end if found else 0)].split()),
                                       start=m.start(), end=m.end(), note=note, weak=weak,
                                       person_span=(who[0], who[1]) if who[0] >= 0 else None))
    return out
