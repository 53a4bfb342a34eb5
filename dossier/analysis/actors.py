"""People and organisations named in a document, with aliases merged.

Public surface:
    find_actors(text, *, metadata=None) -> list[ActorFound]
    match_actor(name, known) -> str | None

How a person is found (see actors_people.py): capitalised runs are cut into name chunks
(honorifics + 1-4 name words + post-nominals). A chunk of two or more name words is a person when it
has a cue: an honorific or post-nominal, a post beside it ("(Professor of X)", ", director of X",
"the Chief Executive, ...", "education secretary ..."), a party the layout found (sender, recipients,
cc), a signature or address block, a speech verb ("said"), initials, a common given name, or a place
in a list beside another person. Two weak cues (possessive, a given name whose surname is also an
ordinary word, repetition) also do. A chunk that runs on into an organisation or a law ("Human Rights
Act", "Upper Mill Street") is not a person. Shorter forms ("Le Roux", "Lady Farquhar", "Tamsin",
"Achterberg") then join the one full name they can stand for ("Rob" a Robert, "A Roe" an Ann Roe); a
bare first name counts only where it is used as a name. Forms are the surface forms with white space
collapsed; mentions are exact spans.

Layouts that name people (attendance lists, "Complainant: Ann Roe", "President Roe", tables of names
and roles ...) are a table of named rules in actors_layouts.py. Each actor's `rule` names the cue or
the layout rule that read its first mention.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from dossier.analysis.actors_layouts import apply_layouts
from dossier.analysis.actors_orgs import Org, find_orgs, organisation_name
from dossier.analysis.actors_people import (
    LIST_GAP,
    Candidate,
    TextInfo,
    alias_of,
    candidates,
    name_key,
    scan,
    score,
    specificity,
)
from dossier.analysis.actors_posts import posts_after, posts_before, posts_on_lines
from dossier.analysis.names import NOT_NAME_WORDS, canonical_name, person_name
from dossier.analysis.vocab import (
    COMMON_WORDS,
    DIMINUTIVES,
    GIVEN_NAMES,
    PARTICLES,
    POST_WORDS,
    same_given_name,
)
from dossier.domain.findings import ActorFound, ActorKind, Mention
from dossier.domain.records import DetectedMetadata

_PREPOSITION = re.compile(r"\b(?:to|with|by|from|and|asked|told|thanked|met|meet)[ \t]+$")
_IMPERATIVE_NEXT = frozenset({"the", "a", "an", "your", "this", "that", "our", "my", "these", "those", "it"})


@dataclass(slots=True)
class _Person:
    key: tuple[str, ...]
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    rules: list[tuple[int, str]] = field(default_factory=list)  # (start of a mention, the rule that read it)

    def first_rule(self) -> str:
        return min(self.rules)[1] if self.rules else "party"


def find_actors(text: str, *, metadata: DetectedMetadata | None = None) -> list[ActorFound]:
    """The people and organisations named in `text`, one entry per actor, in order of first mention."""
    info = scan(text)
    party_names = _party_names(metadata)
    party_orgs = [n for n in party_names if organisation_name(n)]  # "Private Office", "X Council"
    party_names = [n for n in party_names if n not in party_orgs]
    parties = [name_key(n) for n in party_names]
    cands = candidates(info)
    stops = sorted(c.start for c in cands if (c.honorifics or len(c.names) > 1) and not c.followed_by_other)
    for cand in cands:
        flat = info.flat
        cand.posts = [*posts_before(flat, cand), *posts_after(flat, cand, stops), *posts_on_lines(info, cand)]
        score(info, cand, parties)
    cands = apply_layouts(info, cands)
    _repeat_cue(cands)
    _echo_cue(info.flat, cands)
    _list_cue(info.flat, cands)
    people = _people(info, cands, party_names)
    _add_post(people, metadata)
    person_spans = [s for p in people for s in p.spans]
    found_orgs = find_orgs(info, person_spans)
    acronyms = {o.name.casefold() for o in found_orgs if o.acronym and len(o.name) >= 3 and o.name.isupper()}
    if any(p.name.split()[0].casefold() in acronyms for p in people):
        # "HMP Thornfield" read as a person from a heading in capitals: the text writes "HMP" as
        # an acronym elsewhere, so it is a body's name
        people = [p for p in people if p.name.split()[0].casefold() not in acronyms]
        found_orgs = find_orgs(info, [s for p in people for s in p.spans])
    orgs = _initials_of_people(people, _add_party_orgs(text, found_orgs, party_orgs))
    out: list[tuple[int, ActorFound]] = []
    for p in people:
        spans = sorted(set(p.spans))
        out.append((spans[0][0] if spans else len(text),
                    _actor(text, p.name, ActorKind.PERSON, spans, p.posts, p.first_rule())))
    for org in orgs:
        spans = sorted(set(org.spans))
        out.append((spans[0][0] if spans else len(text),
                    _actor(text, org.name, ActorKind.ORGANISATION, spans, [], org.rule)))
    out.sort(key=lambda pair: pair[0])
    return [actor for _, actor in out]


def match_actor(name: str, known: Sequence[str], index: NameIndex | None = None) -> str | None:
    """The known actor `name` is an alias of ("Lord Bee" -> "Al Bee", "Al" -> "Al Bee" when no other
    known name starts with "Al", "A Bee" or "Rob Bee" -> "Robert Bee"; an acronym -> the organisation
    with those initials), else None.
    A fuller name is not an alias of a shorter known one ("Al Bee" does not match a known "Bee").
    With an `index` of the known names, only the names it offers are compared (the same answer)."""
    if index is not None:
        known = index.match_candidates(name)
    return _match(name, _keyed(name), [(k, _keyed(k)) for k in known])


@lru_cache(maxsize=65_536)
def _keyed(name: str) -> tuple[str, ...]:
    """The key a name is matched by (its canonical form, folded): one name's is worked out once,
    however many times a dossier's names are compared."""
    return name_key(canonical_name(name) or name)


def _match(name: str, key: tuple[str, ...], keys: Sequence[tuple[str, tuple[str, ...]]]) -> str | None:
    """match_actor over the known names with their keys."""
    if not key:
        return None
    folded = name.strip().casefold()
    for k, kk in keys:
        if kk == key or k.casefold() == folded:
            return k
    hits = [k for k, kk in keys if kk and alias_of(key, kk)]
    if len(hits) == 1:
        return hits[0]
    letters = name.strip()
    if 2 <= len(letters) <= 6 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2:
        caps = "".join(c for c in letters if c.isupper())
        orgs = [k for k, _kk in keys if _org_initials(k) == caps]
        if len(orgs) == 1:
            return orgs[0]
    return None


# ---- people ---------------------------------------------------------------------------------------
def _party_names(metadata: DetectedMetadata | None) -> list[str]:
    if metadata is None:
        return []
    names = [metadata.sender, *metadata.recipients, *metadata.cc]
    return [n for n in names if n and n.strip()]


def _n_names(cand: Candidate) -> int:
    return len(name_key(cand.canonical))


def _repeat_cue(cands: list[Candidate]) -> None:
    counts: dict[tuple[str, ...], int] = {}
    for c in cands:
        if _n_names(c) >= 2 and not c.followed_by_other:
            k = name_key(c.canonical)
            counts[k] = counts.get(k, 0) + 1
    for c in cands:
        if counts.get(name_key(c.canonical), 0) >= 2 and not c.followed_by_other and not c.blocked:
            c.weak += 1


def _echo_cue(flat: str, cands: list[Candidate]) -> None:
    """Weak cues for a full name: its first name or surname used alone elsewhere ("Marcus Feld ...
    Marcus wants"), and a place after a preposition in mid-sentence ("send it to Marcus Feld")."""
    singles = {name_key(c.canonical)[0] for c in cands
               if len(c.tokens) == 1 and not (c.sentence_initial and c.tokens[0].text.lower() in COMMON_WORDS)}
    for c in cands:
        if c.strong or _n_names(c) < 2 or c.followed_by_other or c.blocked:
            continue
        key = name_key(c.canonical)
        if key[0] in singles or key[-1] in singles:
            c.weak += 1
        if not c.sentence_initial and _PREPOSITION.search(flat[max(0, c.start - 12):c.start]):
            c.weak += 1


def _accepted(c: Candidate) -> bool:
    return c.strong or (c.weak >= 2 and not c.ordinary)


def _list_cue(flat: str, cands: list[Candidate]) -> None:
    """Names listed beside accepted people ("Ann Roe, Al Bee and Cy Dee") are people too, and so are
    the names in a list of three or more full names; a name accepted once is accepted everywhere."""
    ordered = sorted(cands, key=lambda c: c.start)
    pairs = [(a, b) for a, b in pairwise(ordered) if not a.possessive and LIST_GAP.fullmatch(flat[a.end:b.start])]
    chain: list[Candidate] = []
    for a, b in pairs:
        if chain and chain[-1] is a:
            chain.append(b)
            continue
        _strong_list(chain)
        chain = [a, b]
    _strong_list(chain)
    neighbours: dict[int, list[Candidate]] = {}
    for a, b in pairs:
        neighbours.setdefault(id(a), []).append(b)
        neighbours.setdefault(id(b), []).append(a)
    changed = True
    while changed:
        changed = False
        keys = {name_key(c.canonical) for c in cands if _accepted(c)}
        for c in cands:
            if not _accepted(c) and name_key(c.canonical) in keys and not c.followed_by_other and not c.blocked:
                c.accept("named-elsewhere")
                changed = True
        todo = [c for c in cands if _accepted(c) and id(c) in neighbours]
        while todo:
            x = todo.pop()
            for y in neighbours[id(x)]:
                if not _accepted(y) and _n_names(y) >= 2 and not y.followed_by_other and not y.blocked:
                    y.accept("list-beside-person")
                    changed = True
                    todo.append(y)


def _strong_list(chain: list[Candidate]) -> None:
    if len(chain) >= 3 and all(2 <= _n_names(c) <= 4 and not c.followed_by_other and not c.headline and not c.blocked
                                for c in chain):
        for c in chain:
            c.accept("list-of-names")


def _people(info: TextInfo, cands: list[Candidate], party_names: list[str]) -> list[_Person]:
    groups: dict[tuple[str, ...], _Person] = {}
    for c in cands:
        if not _accepted(c):
            continue
        key = name_key(c.canonical)
        person = groups.setdefault(key, _Person(key, c.canonical))
        person.spans.append((c.start, c.end))
        person.posts.extend(c.posts)
        person.rules.append((c.start, c.rule or "weak-cues"))
    final: list[_Person] = []
    index = _Index()
    for person in sorted(groups.values(), key=lambda p: (tuple(-n for n in specificity(p.key)), p.spans[0][0])):
        hits = [f for f in index.near(person.key) if alias_of(person.key, f.key)]
        if len(hits) == 1:
            hits[0].spans.extend(person.spans)
            hits[0].posts.extend(person.posts)
            hits[0].rules.extend(person.rules)
        else:
            final.append(person)
            index.add(person)
    _add_parties(final, party_names)
    index = _Index()
    for person in final:
        index.add(person)
    for c in cands:
        if _accepted(c):
            continue
        _join_alias(info, c, index)
    _first_name_pairs(info, cands, final)
    for p in final:
        p.posts = _unique(p.posts)
    return final


_PAIR_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+([A-Z][\w'’-]*)")
_PAIR_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+(?:and|&)[ \t]+$")


_PLACE_BEFORE = frozenset({"in", "at", "from", "to", "of", "near", "across", "around", "within", "for"})


def _place_like(flat: str, word: str) -> bool:
    """Whether the text uses `word` as a place or a body's name anywhere: after "in", "at", "of" ...,
    or in a longer capitalised name ("Wexcombe Council")."""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", flat):
        before = re.search(r"([A-Za-z]+)[ \t]+$", flat[max(0, m.start() - 16):m.start()])
        owners = re.match(r"[ \t]+(?:and|&)[ \t]+[A-Z][\w-]*['’]s\b", flat[m.end():m.end() + 40])
        if before and before.group(1).lower() in _PLACE_BEFORE and not owners:
            return True  # "in Wexcombe", but "in Ann and Tom's barn" names its owners
        pair = re.search(r"([A-Za-z]+)[ \t]+[A-Z][\w-]*[ \t]+(?:and|&)[ \t]+$", flat[max(0, m.start() - 40):m.start()])
        if pair and pair.group(1).lower() in _PLACE_BEFORE:
            return True  # "in Kent and Wexcombe"
        if re.match(r"(?:['’]s)?[ \t]+[A-Z]", flat[m.end():m.end() + 4]) or (
                before and before.group(1)[0].isupper() and flat[m.start() - 1] == " "
                and before.group(1).lower() not in COMMON_WORDS):
            return True
    return False


def _first_name_pairs(info: TextInfo, cands: list[Candidate], people: list[_Person]) -> None:
    """first-name-pair: a first name alone coordinated with the first name of a person named in full
    ("Ann and Tom's barn" where the text names Tom Vale) is a person's, named by that first name."""
    firsts: dict[str, list[_Person]] = {}
    for p in people:
        if len(p.key) >= 2:
            firsts.setdefault(p.key[0], []).append(p)
    if not firsts:
        return
    taken = {s for p in people for s in p.spans}
    known = {k for p in people for k in p.key}
    added: dict[str, _Person] = {}
    for c in cands:
        if len(c.tokens) != 1 or c.honorifics or c.tokens[0].kind != "N" or (c.start, c.end) in taken:
            continue
        word = c.tokens[0].text
        key = word.lower()
        if key in info.lower_words or key in COMMON_WORDS or key in known or c.followed_by_other:
            continue
        after = _PAIR_AFTER.match(info.flat, c.tokens[0].full_end)
        before = _PAIR_BEFORE.search(info.flat, max(0, c.start - 40), c.start)
        other = (after.group(1) if after else "") or (before.group(1) if before else "")
        other = other.lower()[:-2] if other.lower().endswith(("'s", "’s")) else other.lower()
        if len(firsts.get(other, ())) != 1 or _place_like(info.flat, word):
            continue
        person = added.get(key)
        if person is None:
            person = added[key] = _Person((key,), word)
            people.append(person)
        person.spans.append((c.start, c.end))
        person.rules.append((c.start, "first-name-pair"))


class _Index:
    """People by the first and the last word of their names: the only ones a form can stand for."""

    def __init__(self) -> None:
        self.by_word: dict[str, list[_Person]] = {}

    def add(self, person: _Person) -> None:
        for word in {person.key[0], person.key[-1]}:
            self.by_word.setdefault(word, []).append(person)

    def near(self, key: tuple[str, ...]) -> list[_Person]:
        words = {key[0], key[-1], *DIMINUTIVES.get(key[0], ())}  # "Rob" may stand for a Robert
        found = {id(p): p for word in words for p in self.by_word.get(word, ())}
        return list(found.values())


def _join_alias(info: TextInfo, cand: Candidate, index: _Index) -> None:
    """A form that is not a name on its own ("Le Roux", "Tamsin", "Achterberg") joins the one person it
    can stand for; a run that starts a sentence is tried again without its first word."""
    if cand.followed_by_other:
        return
    key = name_key(cand.canonical)
    if not key:
        return
    hits = [p for p in index.near(key) if alias_of(key, p.key)]
    if len(hits) == 1 and _used_as_name(info, cand, hits[0]):
        hits[0].spans.append((cand.start, cand.end))
        hits[0].rules.append((cand.start, "alias-of-named"))
        return
    if not hits and len(cand.tokens) >= 2 and cand.sentence_initial and not cand.honorifics:
        rest = cand.tokens[1:]
        sub = Candidate(rest, [], [t.text for t in rest if t.kind in ("N", "I", "L")],
                        list(cand.post_nominals), rest[0].start, cand.end, cand.possessive, False,
                        False, cand.headline, False)
        sub.canonical = canonical_name(info.text[sub.start:sub.end]) or " ".join(sub.names)
        if sub.names:
            _join_alias(info, sub, index)


def _used_as_name(info: TextInfo, cand: Candidate, person: _Person) -> bool:
    key = name_key(cand.canonical)
    if len(key) > 1 or cand.honorifics or cand.post_nominals:
        return True
    word = key[0]
    common = word in info.lower_words
    first_name = len(person.key) > 1 and same_given_name(word, person.key[0]) and person.key[-1] != word
    if first_name:
        if cand.headline or (cand.sentence_initial and common):
            return False
        nxt = info.text[cand.end:cand.end + 20].split()
        return not (cand.sentence_initial and nxt and nxt[0].lower() in _IMPERATIVE_NEXT)
    return not (cand.sentence_initial and common)


def _add_parties(people: list[_Person], names: list[str]) -> None:
    """Sender, recipients and copies are people in the document even where no mention was found;
    a party's fuller name (from headers or the layout) names the person it stands for."""
    for name in names:
        key = name_key(name)
        if not key:
            continue
        exact = [p for p in people if p.key == key]
        if exact:
            continue
        shorter = [p for p in people if alias_of(p.key, key)]
        if len(shorter) == 1 and len(key) > len(shorter[0].key):
            if not any(p is not shorter[0] and alias_of(p.key, key) for p in people):
                shorter[0].key, shorter[0].name = key, name
            continue
        if any(alias_of(key, p.key) for p in people):
            continue
        if len(key) >= 2 and _party_person(name):
            people.append(_Person(key, name))


def _party_person(name: str) -> bool:
    """Whether a sender's or recipient's name, as the layout gives it, is a person's: not a group
    of posts ("Chief Executives of the Councils"). A given name and a surname that is also an
    ordinary word ("Alice Court") is a person's."""
    if person_name(name):
        return True
    words = canonical_name(name).split()
    if not 2 <= len(words) <= 4 or words[0].lower() not in GIVEN_NAMES:
        return False
    rest = [w for w in words[1:] if w.lower() not in PARTICLES]
    return all(w[:1].isupper() and w.lower() not in POST_WORDS for w in rest) and not all(
        w.lower() in NOT_NAME_WORDS for w in words)


def _initials_of_people(people: list[_Person], orgs: list[Org]) -> list[Org]:
    """Initials that stand for a person named in full ("DP" for Daniel Petrov, as minutes write
    their actions) are that person's mentions, not an organisation's: two letters for a name of
    two words, three for three, and only where one person has them."""
    by_initials: dict[str, list[_Person]] = {}
    for p in people:
        words = [w for w in p.name.split() if w[:1].isupper()]
        if 2 <= len(words) <= 3:
            by_initials.setdefault("".join(w[0] for w in words), []).append(p)
    kept = []
    for org in orgs:
        named = by_initials.get(org.name, []) if org.acronym and org.name.isalpha() and org.name.isupper() else []
        if len(named) == 1:
            named[0].spans.extend(org.spans)
            named[0].rules.extend((s, "initials-of-member") for s, _e in org.spans)
        else:
            kept.append(org)
    return kept


def _add_party_orgs(text: str, orgs: list[Org], names: list[str]) -> list[Org]:
    """Senders and recipients that are organisations, as organisations of the document (with the
    places the text names them), unless the text's own organisations already include them."""
    known = {name_key(o.name) for o in orgs}
    for name in names:
        key = name_key(name)
        if not key or key in known:
            continue
        known.add(key)
        words = r"\s+".join(re.escape(w) for w in name.split())
        spans = [m.span() for m in re.finditer(rf"(?<!\w){words}(?!\w)", text)]
        orgs.append(Org(" ".join(name.split()), spans, rule="party-organisation"))
    return orgs


def _add_post(people: list[_Person], metadata: DetectedMetadata | None) -> None:
    """The sender's post from the signature, as the layout found it."""
    if metadata is not None and metadata.sender and metadata.sender_post:
        skey = name_key(metadata.sender)
        for p in people:
            if p.key == skey or (alias_of(p.key, skey) and len(p.key) > 1):
                p.posts = _unique([*p.posts, metadata.sender_post])
                break


# ---- output ---------------------------------------------------------------------------------------
def _actor(text: str, name: str, kind: ActorKind, spans: list[tuple[int, int]], posts: list[str],
           rule: str) -> ActorFound:
    mentions = tuple(Mention(s, e, text[s:e]) for s, e in spans)
    forms = list(dict.fromkeys(" ".join(m.text.split()) for m in mentions))
    return ActorFound(name=name, kind=kind, forms=tuple(forms), mentions=mentions, posts=tuple(posts), rule=rule)


def _unique(items) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        k = " ".join(item.split()).casefold()
        if k and k not in seen:
            seen.add(k)
            out.append(" ".join(item.split()))
    return out


def _org_initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


_GENERIC_REFERENCE = re.compile(r"^(?:the|your|our|this|that|their)\s+([A-Za-z][\w'-]*)$", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def generic_head(name: str) -> str | None:
    """The head noun of a generic reference ("the Council" -> "council"), else None."""
    m = _GENERIC_REFERENCE.match(" ".join(name.split()))
    return m.group(1).casefold() if m else None


def refers_to(name: str, known_organisations: Sequence[str], index: NameIndex | None = None) -> str | None:
    """The one organisation a generic reference can stand for ("the Council" -> the one "... Council")."""
    head = generic_head(name)
    if head is None:
        return None
    if index is not None:
        known_organisations = index.ordered(index.marked(("word", head)))
    hits = [k for k in known_organisations if generic_head(k) is None and k.split()[-1].casefold() == head]
    return hits[0] if len(hits) == 1 else None


def shorter_forms_of(name: str, known: Collection[str], *, organisation: bool = False,
                     index: NameIndex | None = None) -> list[str]:
    """Known names that are shorter forms of `name` and of no other known name.

    When a fuller name arrives ("Ann Roe" after "Roe", or "Wexcombe Council" after "the Council"),
    these are the actors it absorbs. A known name is first tried against `name` alone, which it
    must match in any case; only those that do are tried against all the others, so accepting a
    dossier's worth of names stays quick. With an `index` of the known names, only the names it
    offers are tried against `name` alone (the same answer, without reading every known name).
    """
    mine = (name, _keyed(name))
    first = index.shorter_candidates(name, organisation) if index is not None else dict.fromkeys(known)
    out = []
    keyed: list[tuple[str, tuple[str, ...]]] | None = None
    for short in first:
        if short == name:
            continue
        key = _keyed(short)
        alone = _match(short, key, [mine]) == name
        generic = organisation and refers_to(short, [name]) == name
        if not (alone or generic):
            continue
        if index is not None:  # of the other known names, those that can answer for `short`; `name` last
            near = set(index.match_candidates(short))
            if (head := generic_head(short)) is not None:
                near |= index.marked(("word", head))
            others = [(k, _keyed(k)) for k in index.ordered(near) if k not in (short, name)] + [mine]
        else:
            if keyed is None:
                keyed = [(k, _keyed(k)) for k in dict.fromkeys(known) if k != name]
            others = [pair for pair in keyed if pair[0] != short] + [mine]
        if (alone and _match(short, key, others) == name) or (
                generic and refers_to(short, [k for k, _kk in others]) == name):
            out.append(short)
    return out


def _acronym(name: str) -> str | None:
    """The capitals of a name that may be an acronym ("WCC"), as `_match` reads one."""
    letters = name.strip()
    if 2 <= len(letters) <= 6 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2:
        return "".join(c for c in letters if c.isupper())
    return None


class NameIndex:
    """Known names filed under what a name must share with another to match it (its key, its last
    or first word, its initials...), so that `match_actor`, `refers_to` and `shorter_forms_of` over
    thousands of known names compare only the few that can match, in the known names' order.

    Names are kept in the order they were added (the order of the `known` sequence they stand for).
    """

    def __init__(self, names: Sequence[str] = ()) -> None:
        self._marks: dict[tuple[str, ...], dict[str, None]] = {}
        self._position: dict[str, int] = {}
        self._next = 0
        for n in names:
            self.add(n)

    def __contains__(self, name: str) -> bool:
        return name in self._position

    def add(self, name: str) -> None:
        if name in self._position:
            return
        self._position[name] = self._next
        self._next += 1
        for mark in self._marks_of(name):
            self._marks.setdefault(mark, {})[name] = None

    def remove(self, name: str) -> None:
        if self._position.pop(name, None) is None:
            return
        for mark in self._marks_of(name):
            self._marks.get(mark, {}).pop(name, None)

    @staticmethod
    def _marks_of(name: str) -> set[tuple[str, ...]]:
        key = _keyed(name)
        marks: set[tuple[str, ...]] = {("fold", name.casefold()), ("fold", name.strip().casefold()),
                                        ("initials", _org_initials(name))}
        if key:
            marks |= {("key", *key), ("last", key[-1]), ("first", key[0])}
            if len(key) == 1:
                marks |= {("given", g) for g in (key[0], *DIMINUTIVES.get(key[0], ()))}
        if (caps := _acronym(name)) is not None:
            marks.add(("caps", caps))
        if generic_head(name) is not None:
            marks.add(("generic",))
        elif name.split():
            marks.add(("word", name.split()[-1].casefold()))
        return marks

    def marked(self, *marks: tuple[str, ...]) -> set[str]:
        out: set[str] = set()
        for mark in marks:
            out.update(self._marks.get(mark, ()))
        return out

    def ordered(self, names: set[str]) -> list[str]:
        return sorted(names, key=self._position.__getitem__)

    def match_candidates(self, name: str) -> list[str]:
        """The known names `_match(name, ...)` can return: the same key or folded name, a name
        `name` can be a shorter form of, an organisation whose initials it is."""
        key = _keyed(name)
        if not key:
            return []
        marks = [("key", *key), ("fold", name.strip().casefold()), ("last", key[-1])]
        if len(key) == 1:
            marks += [("first", g) for g in (key[0], *DIMINUTIVES.get(key[0], ()))]
        if (caps := _acronym(name)) is not None:
            marks.append(("initials", caps))
        return self.ordered(self.marked(*marks))

    def shorter_candidates(self, name: str, organisation: bool) -> list[str]:
        """The known names that can be shorter forms of `name` (matched against it alone), and
        for an organisation the generic references ("the Council")."""
        key = _keyed(name)
        marks: list[tuple[str, ...]] = [("fold", name.casefold()), ("caps", _org_initials(name))]
        if key:
            marks += [("key", *key), ("last", key[-1]), ("given", key[0])]
        if organisation:
            marks.append(("generic",))
        return self.ordered(self.marked(*marks))
