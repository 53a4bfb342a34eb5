"""Who "I", "you" and "we" are in one document, and a clause rewritten in the third person.

The one place first and second person are resolved, for every statement Dossier writes from a
document (an action's summary, a chronology event's description):

* I, me, my, mine, myself: the sender ("Ann Roe"); "my officials" are the sender's department
  where the document names it, else "Ann Roe's officials";
* we, us, our, ours, ourselves: the organisation the sender writes for, else the sender;
* you, your, yours, yourself: the recipient (singular), else the organisation addressed; "your
  Council" is the council addressed; "your Chief Executive" is the post ("the Chief Executive").

`voice_of(text, sender, sender_post, recipients, actors)` builds a `Voice` from what the analysis
found; `third_person(clause, voice)` rewrites a clause; `has_first_or_second_person(text)` is the
test every written statement must pass. The rewriting is a table of named rules (`VOICE_RULES`),
tried in order at each first- or second-person word.
Only generic English lives here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dossier.analysis.vocab import IRREGULAR_PAST
from dossier.domain.findings import ActorFound, ActorKind


@dataclass(frozen=True, slots=True)
class Voice:
    """Who "I", "you" and "we" are in one document."""

    sender: str | None = None  # "Ann Roe"
    sender_post: str | None = None  # "Minister for Children"
    sender_org: str | None = None  # the organisation the sender writes for ("we", "our")
    sender_department: str | None = None  # "my officials" -> the department, where the document names it
    recipients: tuple[str, ...] = ()  # "you", "your"
    recipient_org: str | None = None  # "your Council"


# the words counted as first or second person ("US" in capitals is a country, "I" only in capitals)
# a roman numeral after a part's name ("Part I", "Annex I") is not the writer
_NUMERAL_BEFORE = "".join(rf"(?<!\b{w}\s)" for w in ("Part", "Annex", "Phase", "Stage", "Schedule", "Section",
                                                     "Chapter", "Appendix", "Volume", "Tier", "Level", "Article",
                                                     "Book", "Type", "Class", "War", "Category", "Key Stage"))
FIRST_SECOND = re.compile(
    rf"{_NUMERAL_BEFORE}\bI(?:['’](?:m|ve|ll|d))?\b(?!\.\w)"
    r"|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves|[Yy]ou|[Yy]our|[Yy]ours"
    r"|[Yy]ourself|[Yy]ourselves|ME|MY|WE|OUR|YOU|YOUR)\b")


def has_first_or_second_person(text: str) -> bool:
    """Whether `text` holds a first- or second-person word ("I", "me", "our", "you", "yours" ...)."""
    return FIRST_SECOND.search(text) is not None


# -- building a voice from what the analysis found ------------------------------------------------
_ORG_HEADS = ("Council", "Authority", "Board", "Trust", "Department", "Ministry", "Agency", "Committee",
              "Partnership", "Commission", "Company", "Service", "Services", "School", "College", "University",
              "Inspectorate", "Directorate", "Association", "Organisation", "Corporation", "Office", "Cabinet",
              "Executive", "Government", "Panel", "Group", "Team", "Society", "Foundation", "Institute")
_DEPARTMENT_HEADS = ("Department", "Ministry", "Office", "Directorate", "Executive", "Government")
_YOUR_ORG = re.compile(rf"\b[Yy]our\s+(?:(?:[A-Z][\w'’\-]*|[a-z]+)\s+){{0,2}}?(?P<head>{'|'.join(_ORG_HEADS)})\b")
_OUR_ORG = re.compile(rf"\b(?:[Oo]ur|[Mm]y)\s+(?:(?:[A-Z][\w'’\-]*|[a-z]+)\s+){{0,2}}?(?P<head>{'|'.join(_ORG_HEADS)})\b")
_POST_AT = re.compile(r"\b(?:at|of|for|in)\s+(?:the\s+)?(?P<org>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w'’\-]*){0,5})\s*$")


def _organisations(actors: Sequence[ActorFound]) -> list[ActorFound]:
    return [a for a in actors if a.kind is ActorKind.ORGANISATION]


def _org_with_head(actors: Sequence[ActorFound], head: str, near: int | None = None) -> str | None:
    """The organisation actor whose name ends with `head` ("Wessex County Council" for "Council"), the
    one mentioned nearest `near` where there are several."""
    low = head.lower()
    found = [a for a in _organisations(actors) if a.name.lower().split()[-1:] == [low]
             or any(w.lower() == low for w in a.name.split()[:1])]
    if not found:
        return None
    if near is None or len(found) == 1:
        return found[0].name

    def distance(actor: ActorFound) -> int:
        return min((abs(m.start - near) for m in actor.mentions), default=1 << 30)

    return min(found, key=distance).name


_LEADING = frozenset({"The", "Your", "Our", "My", "This", "That", "Dear", "A", "An", "To", "From", "Cc", "Re"})


def _fuller(text: str, name: str) -> str:
    """A body's fuller name where the actors only give it by its head ("the Council" ->
    "Wessex County Council", the first capitalised name in the text ending with that head)."""
    words = name.split()
    if not words or (len(words) > 1 and words[0].lower() != "the") or len(words) > 2:
        return name
    head = words[-1]
    for m in re.finditer(rf"((?:[A-Z][\w'’&\-]*\s+){{1,4}}){re.escape(head)}\b", text):
        lead = m.group(1).split()
        while lead and lead[0] in _LEADING:
            lead.pop(0)
        if lead:
            return " ".join([*lead, head])
    return name


def _signed_for(text: str, sender: str, actors: Sequence[ActorFound], recipients: Sequence[str]) -> str | None:
    """The organisation a signature block names under the sender's name ("Ann Roe / Medical Director /
    Wessex Health NHS Trust"): an organisation within a few lines after the sender's last mention, at
    the end of the text."""
    surname = sender.split()[-1]
    at = text.rfind(surname)
    if at < 0 or at < len(text) - 600:
        return None
    block = at + len(surname)
    near = [a for a in _organisations(actors) if a.name not in recipients
            and {a.name.split()[0], a.name.split()[-1]} & set(_ORG_HEADS)
            and any(block <= m.start <= block + 200 and "\n\n" not in text[block:m.start] for m in a.mentions)]
    return near[0].name if near else None


def voice_of(text: str, sender: str | None, sender_post: str | None, recipients: Sequence[str],
             actors: Sequence[ActorFound]) -> Voice:
    """Who "I", "you" and "we" are in `text`, from its parties and the actors it names."""
    recipients = tuple(r for r in recipients if r)
    by_name = {a.name: a for a in actors}
    if sender_post is None and sender in by_name and by_name[sender].posts:
        sender_post = by_name[sender].posts[0]
    # the sender's organisation: named in the sender's post ("Professor at the University of Wessex"), else
    # "our Department", else an organisation named in the letter head (before the salutation)
    sender_org: str | None = None
    if sender_post:
        m = _POST_AT.search(sender_post)
        if m is not None:
            org = m.group("org")
            named = [a.name for a in _organisations(actors) if a.name.endswith(org) or org.endswith(a.name)]
            sender_org = named[0] if named else None
    if sender_org is None:
        for m in _OUR_ORG.finditer(text):
            sender_org = _org_with_head(actors, m.group("head"), m.start())
            if sender_org:
                break
    if sender_org is None:
        head_end = _salutation_at(text)
        first = [a for a in _organisations(actors) if a.mentions and a.mentions[0].start < head_end
                 and a.name not in recipients and {a.name.split()[0], a.name.split()[-1]} & set(_ORG_HEADS)]
        if first:
            sender_org = min(first, key=lambda a: a.mentions[0].start).name
    if sender_org is None and sender:
        sender_org = _signed_for(text, sender, actors, recipients)
    sender_org = _fuller(text, sender_org) if sender_org else None
    sender_department = None
    if sender_org and (sender_org.split()[0] in (*_DEPARTMENT_HEADS, "HM")
                       or sender_org.split()[-1] in _DEPARTMENT_HEADS):
        sender_department = sender_org
    recipient_org: str | None = None
    counts: dict[str, int] = {}
    for m in _YOUR_ORG.finditer(text):
        org = _org_with_head(actors, m.group("head"), m.start())
        if org and org != sender_org:
            counts[org] = counts.get(org, 0) + 1
    if counts:
        recipient_org = _fuller(text, max(counts, key=lambda k: counts[k]))
    else:
        orgs = [r for r in recipients if r in by_name and by_name[r].kind is ActorKind.ORGANISATION]
        recipient_org = orgs[0] if orgs else None
    return Voice(sender=sender, sender_post=sender_post, sender_org=sender_org,
                 sender_department=sender_department, recipients=recipients, recipient_org=recipient_org)


def _salutation_at(text: str) -> int:
    m = re.search(r"^\s*Dear\b", text, re.MULTILINE)
    return m.start() if m else min(len(text), 600)


# -- the third person -----------------------------------------------------------------------------
def _possessive(name: str) -> str:
    return name + ("’" if name.endswith("’") else "'s")


def _the(name: str) -> str:
    """A body's name as a sentence writes it: "the Department for Roads", "Wessex County Council"."""
    first = name.split()[0] if name.split() else ""
    if first in _ORG_HEADS or first in ("HM", "National", "Royal"):
        return "the " + name
    return name


def _sender(v: Voice) -> str:
    return v.sender or "the writer"


def _org_or_sender(v: Voice) -> str:
    return _the(v.sender_org) if v.sender_org else v.sender or "the writer"


def _recipient(v: Voice) -> str:
    if len(v.recipients) == 1:
        return v.recipients[0]
    if v.recipient_org:
        return _the(v.recipient_org)
    if v.recipients:
        return " and ".join((", ".join(v.recipients[:-1]), v.recipients[-1]))
    return "the recipient"


def _body(head: str, named: str | None) -> str:
    """The body a possessive stands for: the one named ("Wessex County Council") if it has that head,
    else the body by its head ("the council")."""
    if named and head.lower() in (w.lower() for w in named.split()):
        return _the(named)
    return f"the {head.lower()}" if head[:1].isupper() and head not in ("Department", "Ministry") else f"the {head}"


# (person, case) -> the verb forms that follow a singular third-person subject
_BE_HAVE = {"am": "is", "are": "is", "were": "was", "have": "has", "do": "does", "'m": " is", "’m": " is",
            "'ve": " has", "’ve": " has", "'re": " is", "’re": " is"}
_NO_S = frozenset({"will", "would", "shall", "should", "must", "can", "could", "may", "might", "also", "then",
                   "now", "had", "did", "was", "therefore", "still", "already", "recently", "previously", "never",
                   "not", "and", "or", "to", "personally", "too", "all", "both", "each", "at", "as", "in", "on",
                   "for", "with", "by", "of", "that", "who", "the", "a", "an", "so", "but", "if", "when"})


def _third_singular(verb: str) -> str:
    """The verb a singular third-person subject takes: "expect" -> "expects", "ask" -> "asks"."""
    low = verb.lower()
    if low in _BE_HAVE:
        return _BE_HAVE[low]
    if low in _NO_S or low in IRREGULAR_PAST or not low.isalpha() or low.endswith(("ed", "ing")) or len(low) < 2:
        return verb
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if low.endswith("y") and low[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


@dataclass(frozen=True, slots=True)
class VoiceRule:
    """A named rewriting: where `pattern` matches at a first- or second-person word, `write` gives what
    stands in its place (the verb after a subject agrees with it)."""

    name: str
    pattern: re.Pattern[str]
    write: Callable[[re.Match[str], Voice], str]
    examples: tuple[tuple[str, str], ...] = ()


_WORD_AFTER = r"(?P<after>\s+(?:[a-z]+|I))?"
_NEXT_VERB = re.compile(r"(\s+)(?:(?:also|now|then|therefore|still|personally|already)\s+)*([a-z]+)")


_BEFORE_SUBJECT = re.compile(r"(?:^|[,;:(—–]|\b(?:that|if|when|as|and|but|because|whether|so|unless|once|until"
                             r"|since|which|who|where|how|why|what|while|whilst|then|now|also|hope|trust|expect|know|think|believe"
                             r"|understand|note|see))\s*$", re.IGNORECASE)


_SUBJUNCTIVE = re.compile(r"\b(?:ask|asks|asked|request|requests|requested|recommend|recommends|recommended|propose"
                          r"|proposes|proposed|insist|insists|require|requires|required|suggest|suggests|suggested)"
                          r"\s+that\s*$", re.IGNORECASE)


def _subject(name: str, m: re.Match[str], agrees: bool = True) -> str:
    """A subject put in the third person, and the verb after it made to agree (only where the word
    stands as a subject: "that you send" agrees, "to send you details" does not)."""
    after = m.group("after") or ""
    aux = (m.group("after") or "").strip().lower() in ("are", "have", "were", "do")
    if agrees and not aux and (not _BEFORE_SUBJECT.search(m.string, 0, m.start()) or _SUBJUNCTIVE.search(m.string, 0, m.start())):
        agrees = False
    if not after or not agrees:
        return name + after
    word = after.strip()
    return name + after[:len(after) - len(after.lstrip())] + _third_singular(word)


def _contraction(name: str, m: re.Match[str]) -> str:
    tail = m.group("tail").lower().replace("’", "'")
    return name + {"'m": " is", "'ve": " has", "'ll": " will", "'d": " would", "'re": " is"}[tail]


_POSSESSIVE_BODY = rf"(?P<head>{'|'.join(_ORG_HEADS)})\b"

VOICE_RULES: tuple[VoiceRule, ...] = (
    # "my officials", "my department": the sender's department, else the sender's officials
    VoiceRule("my-officials", re.compile(r"\b[Mm]y\s+(?P<what>officials|department|officers|team|office)\b"),
              lambda m, v: (_the(v.sender_department) if v.sender_department and m.group("what") in ("department", "office")
                            else f"{_possessive(_sender(v))} {m.group('what')}"),
              (("send my officials", "send Ann Roe's officials"),)),
    # "your Council", "your Board": the body addressed
    VoiceRule("your-body", re.compile(rf"\b[Yy]our\s+(?:own\s+)?{_POSSESSIVE_BODY}"),
              lambda m, v: _body(m.group("head"), v.recipient_org),
              (("report to your Council", "report to Wessex County Council"),)),
    # "our Department", "our Trust": the sender's body
    VoiceRule("our-body", re.compile(rf"\b(?:[Oo]ur|[Mm]y)\s+(?:own\s+)?{_POSSESSIVE_BODY}"),
              lambda m, v: _body(m.group("head"), v.sender_org),
              (("our Department", "the Department for Roads"),)),
    # "your Chief Executive", "my Private Secretary": a post, named by its title
    VoiceRule("possessive-post", re.compile(r"\b(?:[Yy]our|[Mm]y|[Oo]ur)\s+(?P<post>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)"),
              lambda m, v: f"the {m.group('post')}",
              (("copy to your Chief Executive", "copy to the Chief Executive"),)),
    # contractions: "I'll", "I've", "we're", "you'll"
    VoiceRule("contraction", re.compile(r"\b(?P<who>I|[Ww]e|[Yy]ou)(?P<tail>['’](?:m|ve|ll|d|re))\b"),
              lambda m, v: _contraction(_sender(v) if m.group("who") == "I" else
                                        _org_or_sender(v) if m.group("who").lower() == "we" else _recipient(v), m),
              (("I'll write", "Ann Roe will write"),)),
    VoiceRule("i", re.compile(rf"{_NUMERAL_BEFORE}\bI\b(?!\.\w){_WORD_AFTER}"), lambda m, v: _subject(_sender(v), m),
              (("I expect a reply", "Ann Roe expects a reply"), ("I am writing", "Ann Roe is writing"))),
    VoiceRule("me-myself", re.compile(r"\b(?:[Mm]e|[Mm]yself)\b"), lambda m, v: _sender(v),
              (("report to me", "report to Ann Roe"),)),
    VoiceRule("my-mine", re.compile(r"\b(?:[Mm]y|[Mm]ine)\b"), lambda m, v: _possessive(_sender(v)),
              (("my letter", "Ann Roe's letter"),)),
    VoiceRule("we", re.compile(rf"\b[Ww]e\b{_WORD_AFTER}"),
              lambda m, v: _subject(_org_or_sender(v), m),
              (("we will publish", "the Department will publish"),)),
    VoiceRule("us-ourselves", re.compile(r"\b(?:[Uu]s|[Oo]urselves)\b"), lambda m, v: _org_or_sender(v),
              (("write to us", "write to the Department"),)),
    VoiceRule("our-ours", re.compile(r"\b(?:[Oo]ur|[Oo]urs)\b"), lambda m, v: _possessive(_org_or_sender(v)),
              (("our plan", "the Department's plan"),)),
    VoiceRule("you-subject", re.compile(rf"\b[Yy]ou\b(?=\s+(?:[a-z]+)){_WORD_AFTER}"),
              lambda m, v: _subject(_recipient(v), m, agrees=len(v.recipients) <= 1),
              (("you are asked", "Sam Doe is asked"),)),
    VoiceRule("you", re.compile(r"\b(?:[Yy]ou|[Yy]ourself|[Yy]ourselves)\b"), lambda m, v: _recipient(v),
              (("I ask you to", "Ann Roe asks Sam Doe to"),)),
    VoiceRule("your-yours", re.compile(r"\b(?:[Yy]our|[Yy]ours)\b"), lambda m, v: _possessive(_recipient(v)),
              (("your letter", "Sam Doe's letter"),)),
)


_OWN_YOUR = re.compile(rf"\b[Yy]our\b(?!\s+(?:own\s+)?{_POSSESSIVE_BODY})|\b[Yy]ourself\b|\b[Yy]ourselves\b")
_OWN_MY = re.compile(rf"\b(?:[Mm]y|[Oo]ur)\b(?!\s+(?:own\s+)?{_POSSESSIVE_BODY})|\b(?:[Mm]yself|[Oo]urselves)\b")


def _own(word: str, body: bool) -> str:
    if word.lower().endswith(("self", "selves")):
        return "itself" if body else "themselves"
    return "its" if body else "their"


def third_person(clause: str, voice: Voice, *, owner: str | None = None) -> str:
    """`clause` with every first- and second-person word put in the third person from `voice`:
    "report to your Council and me" -> "report to Wessex County Council and Ann Roe".

    With `owner` (the one the clause is about, said before it: "Sam Doe to ..."), the owner's own
    possessives read "its"/"their" ("review your plan" -> "review its plan"), not the name again."""
    if not has_first_or_second_person(clause):
        return clause
    if owner:
        if owner in (_recipient(voice), voice.recipient_org, *voice.recipients):
            body = owner in (voice.recipient_org, _recipient(voice)) and owner not in voice.recipients
            clause = _OWN_YOUR.sub(lambda m: _own(m.group(), body), clause)
        elif owner in (voice.sender, voice.sender_org):
            body = owner == voice.sender_org
            clause = _OWN_MY.sub(lambda m: _own(m.group(), body), clause)
    out: list[str] = []
    at = 0
    while at < len(clause):
        best: tuple[int, int, re.Match[str]] | None = None
        for k, rule in enumerate(VOICE_RULES):
            m = rule.pattern.search(clause, at)
            if m is not None and (best is None or m.start() < best[2].start()):
                best = (m.start(), k, m)
        if best is None:
            break
        _start, k, m = best
        written = VOICE_RULES[k].write(m, voice)
        if m.start() == 0 or clause[:m.start()].rstrip().endswith((".", "!", "?", ":")):
            written = written[:1].upper() + written[1:]
        out.append(clause[at:m.start()])
        out.append(written)
        at = m.end()
    out.append(clause[at:])
    return "".join(out)
