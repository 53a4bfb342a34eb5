"""Who "I", "you" and "we" are in one document, and a clause rewritten in the third person.

The one place first and second person are resolved, for every statement Dossier writes from a
document: I, me and my are the sender; you and your the recipients; we and our the sender's
organisation (else the sender); "my officials" the sender's department.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.domain.findings import ActorFound, ActorKind


@dataclass(frozen=True, slots=True)
class Voice:
    """Who "I", "you" and "we" are in one document."""

    sender: str | None = None
    sender_post: str | None = None
    sender_org: str | None = None
    sender_department: str | None = None
    recipients: tuple[str, ...] = ()
    recipient_org: str | None = None


FIRST_SECOND = re.compile(
    r"\bI(?:['’](?:m|ve|ll|d))?\b(?!\.\w)"
    r"|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves|[Yy]ou|[Yy]our|[Yy]ours"
    r"|[Yy]ourself|[Yy]ourselves|ME|MY|WE|OUR|YOU|YOUR)\b")


def has_first_or_second_person(text: str) -> bool:
    """Whether `text` holds a first- or second-person word ("I", "me", "our", "you", "yours" ...)."""
    return FIRST_SECOND.search(text) is not None


def voice_of(text: str, sender: str | None, sender_post: str | None, recipients: Sequence[str],
             actors: Sequence[ActorFound]) -> Voice:
    """Who "I", "you" and "we" are in `text`, from its parties and the actors it names."""
    del text
    recipients = tuple(r for r in recipients if r)
    by_name = {a.name: a for a in actors}
    orgs = [r for r in recipients if r in by_name and by_name[r].kind is ActorKind.ORGANISATION]
    return Voice(sender=sender, sender_post=sender_post, recipients=recipients,
                 recipient_org=orgs[0] if orgs else None)


_AGREE = {"am": "is", "are": "is", "were": "was", "have": "has", "do": "does"}
_KEPT = frozenset(["will", "would", "shall", "should", "must", "can", "could", "may", "might", "had", "did", "was", "also", "then", "now", "not", "therefore", "still", "already", "never", "and", "or", "to", "too", "all", "both", "each", "at", "as", "in", "on", "for", "with", "by", "of", "that", "who", "the", "a", "an", "so", "but", "if", "when", "wrote", "sent", "met", "spoke", "gave", "took", "made", "said", "told", "saw", "held", "thought", "felt", "knew", "came", "went", "found", "put", "set", "read", "led", "left", "began", "brought", "bought", "chose"])


def _agrees(verb: str) -> str:
    """The verb after a singular third-person subject: "expect" -> "expects"."""
    if verb in _AGREE:
        return _AGREE[verb]
    if verb in _KEPT or not verb.isalpha() or verb.endswith(("ed", "ing", "s")) or len(verb) < 2:
        return verb
    if verb.endswith(("sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _sender(v: Voice) -> str:
    return v.sender or "the writer"


def _we(v: Voice) -> str:
    return v.sender_org or v.sender or "the writer"


def _you(v: Voice) -> str:
    if len(v.recipients) == 1:
        return v.recipients[0]
    return v.recipient_org or (" and ".join(v.recipients) if v.recipients else "the recipient")


def _possessive(name: str) -> str:
    return name + "'s"


_WORDS = re.compile(r"\b(?P<w>I|[Mm]e|[Mm]y|[Mm]yself|[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Yy]ou|[Yy]our|[Yy]ours"
                    r"|[Yy]ourself)\b(?!\.\w)(?P<after>\s+[a-z]+)?")


def third_person(clause: str, voice: Voice) -> str:
    """`clause` with every first- and second-person word put in the third person from `voice`."""
    def write(m: re.Match[str]) -> str:
        w, after = m.group("w"), m.group("after") or ""
        low = w.lower()
        if low == "my" and after.strip() == "officials" and voice.sender_department:
            return f"{voice.sender_department} officials"
        subject = {"i": _sender(voice), "we": _we(voice), "you": _you(voice)}.get(low) if w != "me" else None
        if subject is not None:
            verb = after.strip()
            if low == "i" or (low == "we" and not voice.sender_org):
                after = after.replace(verb, _agrees(verb))
            return subject + after
        name = {"me": _sender(voice), "myself": _sender(voice), "us": _we(voice), "yourself": _you(voice)}.get(low)
        if name is not None:
            return name + after
        owner = _sender(voice) if low == "my" else _we(voice) if low in ("our", "ours") else _you(voice)
        return _possessive(owner) + after

    out = _WORDS.sub(write, clause)
    return out[:1].upper() + out[1:] if clause[:1].isupper() else out
