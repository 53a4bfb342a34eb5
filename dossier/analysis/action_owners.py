"""Owners: turns a noun phrase of the text into an owner's canonical name (posts become the person
holding them, "this" the person leading the work, "you" the recipient). Improve here, on its own."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from dossier.analysis.action_vocab import (
    ADDRESSED_ORG,
    BRACKETS,
    BY_AGENT,
    CAPITALS_BEFORE,
    HOLDER_AFTER,
    HOLDER_BEFORE,
    INVITE_TO_LEAD,
    NAME_BEFORE,
    OBJECT_PRONOUNS,
    ORG_HEADS,
    SUBJECT_PRONOUNS,
    YOU,
)
from dossier.analysis.names import person_name
from dossier.analysis.vocab import POST_WORDS
from dossier.analysis.voice import voice_of
from dossier.domain.findings import ActorFound, ActorKind


# -- owners ---------------------------------------------------------------------------------------
class Owners:
    """Turns a noun phrase of the text into an owner's canonical name. Improve here, on its own."""

    def __init__(self, text: str, actors: Sequence[ActorFound], sender: str | None,
                 recipients: Sequence[str]) -> None:
        self.text = text
        self._low = text.lower()
        self.actors = list(actors)
        self.sender = sender
        self.recipients = [r for r in recipients if r]
        self._addressee: str | None = None
        self._addressee_known = False
        self._holders: dict[str, str | None] = {}
        self._fullest: dict[str, str] = {}
        self._leads: tuple[list[re.Match[str]], list[re.Match[str]]] | None = None
        voice = voice_of(text, sender, None, self.recipients, self.actors)
        if voice.recipient_org is None and not self.recipients and YOU.search(text):
            voice = dataclasses.replace(voice, recipient_org=self.addressee())  # "your Council", named in the text
        self.voice = voice

    def addressee(self) -> str | None:
        """The first recipient, else the organisation the letter addresses ("your Council")."""
        if not self._addressee_known:
            self._addressee = self._find_addressee()
            self._addressee_known = True
        return self._addressee

    def _find_addressee(self) -> str | None:
        if self.recipients:
            return self.recipients[0]
        if YOU.search(self.text) is None:
            return None  # not written to anyone (an article, a note)
        yours: dict[str, int] = {}
        others: dict[str, int] = {}
        for m in ADDRESSED_ORG.finditer(self.text):
            bucket, head = (yours, m.group("yhead").title()) if m.group("your") else (others, m.group("head"))
            bucket[head] = bucket.get(head, 0) + 1
        counts = yours or others
        for head in sorted(counts, key=lambda h: -counts[h]):
            found = self.organisation(head)
            if found:
                return found
        return f"the {max(counts, key=lambda h: counts[h])}" if counts else None

    def organisation(self, head: str) -> str | None:
        """The organisation a bare head noun ("Council") stands for: an actor, else a full name in the text."""
        low = head.lower()
        for actor in self.actors:
            if actor.kind is ActorKind.ORGANISATION:
                forms = {f.lower() for f in (actor.name, *actor.forms)}
                if forms & {low, f"the {low}", f"your {low}"}:
                    return actor.name
        for actor in self.actors:
            if actor.kind is ActorKind.ORGANISATION and actor.name.lower().endswith(" " + low):
                return actor.name
        i = self._low.find(low)
        while i >= 0:  # look before each mention of the head noun, not through the whole text
            end = i + len(low)
            if end == len(self.text) or not self.text[end].isalnum():
                m = CAPITALS_BEFORE.search(self.text, max(0, i - 80), i)
                words = m.group(0).split() if m else []
                while words and words[0] in ("The", "Your", "Our", "This", "That", "Dear", "A", "An"):
                    words.pop(0)
                if words:
                    return " ".join([*words, self.text[i:end]])
            i = self._low.find(low, i + 1)
        return None

    def defined(self, phrase: str) -> str | None:
        """The body a document defines by a common noun: "Public Authority: Borough of Eastvale" or
        "Eastvale Borough Council ("the council")" define "the public authority", "the council"."""
        words = r"\s+".join(re.escape(w) for w in phrase.split())
        label = re.search(rf"(?im)^[ \t]*(?:the\s+)?{words}[ \t]*:[ \t]*(?P<name>[A-Z][^\n:]{{2,80}}?)"
                          r"(?=[ \t]{2,}|[ \t]+(?:Address|Date|Tel|Ref|Reference)\b|[ \t]*$)", self.text)
        if label is not None:
            return " ".join(label.group("name").split()).rstrip(" ,.")
        named = re.search(rf"(?P<name>(?:[A-Z][\w'’&\-]*\s+(?:of\s+|and\s+|for\s+|the\s+)?){{1,6}})\(\s*(?:hereafter\s+)?"
                          rf"[“\"‘']?the\s+(?i:{words})[”\"’']?\s*\)", self.text)
        if named is not None:
            return " ".join(named.group("name").split())
        return None

    def resolve(self, np: str, np_start: int | None = None) -> str | None:
        """A noun phrase as written ("the Commissioner", "you", "Lord Quennell") -> canonical owner."""
        np = " ".join(BRACKETS.sub(" ", np).split()).strip(" ,")
        low = np.lower()
        if low in ("i", "me", "my"):
            return self.sender
        if low in ("we", "us", "our"):  # the organisation the sender writes for, where the text names it
            return self.voice.sender_org or self.sender
        if low in ("you", "your", "yourself", "yourselves"):
            return self.addressee()
        if not np or low in SUBJECT_PRONOUNS | OBJECT_PRONOUNS:
            return None
        if np_start is not None:
            actor = self._actor_at(np_start, np_start + len(np))
            if actor:
                return actor
        words = np.split()
        det = words[0].lower() if words[0].lower() in ("the", "your", "our", "my", "this", "that", "a", "an") else None
        head = " ".join(words[1:]) if det else np
        if det in ("our", "my") and head.split()[-1] in ORG_HEADS:  # "our Department": the sender's body
            return self.voice.sender_org or self.organisation(head) or self.sender
        if det in ("your", "our", "my") and head[:1].islower():
            return self.addressee() if det == "your" else self.sender  # "your officers", "my officials"
        if not head or head[0].islower():
            return None  # "the study", "a further report": work, not an actor
        by_form = self._actor_by_form(np) or self._actor_by_form(head)
        if by_form:
            return by_form
        if det:
            holder = self.post_holder(head)
            if holder:
                return holder
            if det == "your" and head.split()[-1] in ORG_HEADS and self.addressee():
                return self.addressee()
            if det == "that":  # "noted that Cabinet would": a conjunction, not "that Cabinet"
                return self.organisation(head) or head
            return self.organisation(head) or f"{det} {head}"
        if head.split()[-1].lower() in POST_WORDS and all(w[:1].isupper() for w in head.split()):
            # "Chief Executive to circulate" in minutes: the holder the document names, else the post itself
            return self.post_holder(head) or f"the {head}"
        if head in ORG_HEADS:  # "at full Council", "Board to decide": the body of that kind the text names
            return self.organisation(head) or head
        name = person_name(head, min_tokens=1)
        return self._fuller(name) if name else head

    def _actor_at(self, start: int, end: int) -> str | None:
        for actor in self.actors:
            for m in actor.mentions:
                if m.start < end and start < m.end:
                    return actor.name
        return None

    def _actor_by_form(self, surface: str) -> str | None:
        key = surface.lower()
        for actor in self.actors:
            if key == actor.name.lower() or key in (f.lower() for f in actor.forms):
                return actor.name
        return None

    def post_holder(self, post: str) -> str | None:
        """Who holds a post ("Commissioner"): from the actors' posts, else "X as Commissioner" in the text."""
        if post not in self._holders:
            self._holders[post] = self._find_holder(post)
        return self._holders[post]

    def _find_holder(self, post: str) -> str | None:
        key = re.compile(rf"\b{re.escape(post.lower())}\b")
        for actor in self.actors:
            if actor.kind is ActorKind.PERSON and any(key.search(p.lower()) for p in actor.posts):
                return actor.name
        post_re = re.compile(re.escape(post).replace(r"\ ", r"\s+") + r"\b")
        for m in post_re.finditer(self.text):  # look beside each mention of the post, not through the text
            before = self.text[max(0, m.start() - 60):m.start()]
            after = self.text[m.end():m.end() + 60]
            found = HOLDER_BEFORE.search(before) or HOLDER_AFTER.match(after)
            if found:
                name = person_name(found.group("name"), min_tokens=1)
                if name:
                    return self._fuller(name)
        return None

    def _fuller(self, name: str) -> str:
        """The fullest form of a name among the actors or in the text ("Quennell" -> "Tobias Quennell")."""
        if name in self._fullest:
            return self._fullest[name]
        best = name
        for actor in self.actors:
            if actor.kind is ActorKind.PERSON and (name == actor.name or name in actor.forms
                                                   or actor.name.endswith(" " + name)
                                                   or actor.name.startswith(name + " ")):
                best = actor.name
                break
        else:
            i = self.text.find(name)
            while i >= 0:
                m = NAME_BEFORE.search(self.text, max(0, i - 50), i)
                if m and m.group(0).split()[0].rstrip(".") != "Coun":
                    full = person_name(m.group(0) + name)
                    if full and full.endswith(name) and len(full) > len(best):
                        best = full
                i = self.text.find(name, i + 1)
        self._fullest[name] = best
        return best

    def person_before(self, pos: int, within: int = 400) -> str | None:
        """Who "he" or "she" at `pos` most likely is: the person last named in the `within`
        characters before it (not the writer, who would say "I")."""
        best: tuple[int, str] | None = None
        for actor in self.actors:
            if actor.kind is not ActorKind.PERSON or actor.name == self.sender:
                continue
            ends = [m.end for m in actor.mentions if pos - within <= m.end <= pos]
            if ends and (best is None or max(ends) > best[0]):
                best = (max(ends), actor.name)
        return best[1] if best else None

    def by_agent(self, start: int, end: int) -> str | None:
        """Who a piece of work is "overseen by"/"led by" in text[start:end], else who was asked to lead it."""
        if self._leads is None:
            self._leads = ([m for m in BY_AGENT.finditer(self.text)], [m for m in INVITE_TO_LEAD.finditer(self.text)])
        for found in self._leads:
            inside = [m for m in found if start <= m.start() and m.end() <= end]
            if inside:
                m = inside[-1]
                return self.resolve(m.group("who"), m.start("who"))
        return None
