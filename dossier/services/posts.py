"""Posts and tenures as a suggestion writes them: one post per normalised title, and each tenure's
start and end from what the letters say (see analysis/tenures.py).

`apply_posts` runs inside the accepting transaction; every row it makes goes into `created` and
every row it changes into `updated` (with its old values), so that the acceptance can be undone.

A change of post is one tenure ending and another starting: where a letter says a person left a
post ("formerly", "former", "moved from") the tenure ends the day before the next post's start (or
on the letter's date, if nothing better is known); a later letter giving an earlier start for the
next post moves the end to the day before it. A stated end ("until 31 August") is never moved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from dossier.analysis.post_titles import PostTitle, normalise_post, without_name
from dossier.analysis.tenures import END, HOLDS, LEFT, START
from dossier.db import actors_repo
from dossier.domain.dates import PartialDate
from dossier.domain.tenures import covers, day_before, finer, same_post

Created = list[tuple[str, int]]
Updated = list[tuple[str, int, dict[str, Any]]]
ResolveOrganisation = Callable[[str], int]
Holder = dict[str, Any]

_ORDER = {HOLDS: 0, START: 1, END: 2, LEFT: 3}
_STATUS = {"left": LEFT, "outgoing": HOLDS, "new": START}


@dataclass(frozen=True, slots=True)
class Evidence:
    post: PostTitle | None  # None: whatever posts the person holds ("will step down at the end of June")
    sets: str  # START, END, LEFT or HOLDS
    date: str | None  # ISO partial value
    note: str | None = None
    weak: bool = False  # a start that is only the letter's date ("newly appointed")


def evidence_from(posts: Sequence[str], tenures: Sequence[dict[str, Any]], on: PartialDate | None,
                  names: Sequence[str] = ()) -> list[Evidence]:
    """What a suggestion's posts and tenure evidence say, normalised, in the order to apply it.
    `names` are the holder's name and forms, taken off the front of a title that carries them."""
    out: list[Evidence] = []
    for raw in posts:
        found = normalise_post(without_name(raw, names))
        if found is None:
            continue
        sets = _STATUS.get(found.status or "", HOLDS)
        weak = sets == START
        out.append(Evidence(found, sets, on.value if weak and on else None, found.note, weak))
    for t in tenures:
        found = normalise_post(t["post"]) if t.get("post") else None
        if t.get("post") and found is None:
            continue
        date = PartialDate.from_json(t.get("date"))
        note = t.get("note") or (found.note if found else None)
        out.append(Evidence(found, t["sets"], date.value if date else None, note, bool(t.get("weak"))))
    out.sort(key=lambda e: _ORDER.get(e.sets, 9))
    return out


def _start(h: Holder) -> str | None:
    """A tenure's start: as stated, else the date of the first letter naming the post."""
    return h["start_value"] or h["doc_date"]


class _Applier:
    def __init__(self, session: Session, actor_id: int, on: PartialDate | None, document_id: int,
                 created: Created, updated: Updated, resolve_organisation: ResolveOrganisation) -> None:
        self.session = session
        self.actor_id = actor_id
        self.on = on
        self.document_id = document_id
        self.created = created
        self.updated = updated
        self.resolve_organisation = resolve_organisation
        self._holders: list[Holder] | None = None

    def holders(self) -> list[Holder]:
        """The person's tenures (read once; `_set` keeps them up to date, a new one re-reads them)."""
        if self._holders is None:
            self._holders = actors_repo.holders_of(self.session, self.actor_id)
        return self._holders

    def _get(self, holder_id: int) -> Holder:
        return next(h for h in self.holders() if h["id"] == holder_id)

    def _set(self, h: Holder, **values: Any) -> None:
        values = {k: v for k, v in values.items() if h[k] != v}
        if values:
            old = actors_repo.update_holder(self.session, h["id"], values)
            self.updated.append(("post_holders", h["id"], old))
            h.update(values)
            if "document_id" in values:
                h["doc_date"] = actors_repo.document_date_value(self.session, values["document_id"])

    def _held_already(self, post: PostTitle) -> int | None:
        """A post the person holds that this title names too: the same title with or without its
        organisation, or with a place after it ("... in Anytown")."""
        return next((h["post_id"] for h in self.holders() if same_post(h["title_key"], post.key)), None)

    def holder_for(self, post: PostTitle, note: str | None) -> Holder:
        post_id = self._held_already(post)
        org_id = None
        if post_id is None:
            org_id = self.resolve_organisation(post.organisation) if post.organisation else None
            post_id, new = actors_repo.get_or_create_post(self.session, post.title, post.key, org_id)
            if new:
                self.created.append(("posts", post_id))
        if org_id is not None and actors_repo.set_organisation_if_none(self.session, self.actor_id, org_id):
            self.updated.append(("actors", self.actor_id, {"organisation_id": None}))
        holder_id = next((h["id"] for h in self.holders() if h["post_id"] == post_id), None)
        if holder_id is None:
            holder_id = actors_repo.add_holder(self.session, post_id, self.actor_id, None, self.document_id, note)
            assert holder_id is not None
            self.created.append(("post_holders", holder_id))
            self._holders = None
        h = self._get(holder_id)
        # a post with no stated start counts from the first letter that names it
        mine = self.on.value if self.on else None
        if mine and (h["document_id"] is None or (h["doc_date"] and mine < h["doc_date"])):
            self._set(h, document_id=self.document_id)
        if note and not h["note"]:
            self._set(h, note=note)
        return h

    def current(self) -> list[Holder]:
        """The tenures held at the letter's date (for "will step down" without a post)."""
        if self.on is None:
            return [h for h in self.holders() if h["end_value"] is None]
        return [h for h in self.holders() if covers(_start(h), h["end_value"], self.on.earliest())]

    def apply(self, e: Evidence) -> None:
        targets = [self.holder_for(e.post, e.note)] if e.post else (self.current() if e.sets in (END, LEFT) else [])
        for h in targets:
            if e.sets == START and e.date:
                if e.weak:
                    if h["start_value"] is None and not (h["doc_date"] and h["doc_date"] < e.date):
                        self._set(h, start_value=e.date)
                elif finer(e.date, h["start_value"]):
                    self._set(h, start_value=e.date)
            elif e.sets == END and e.date:
                if finer(e.date, h["end_value"]) or h["end_inferred"]:
                    self._set(h, end_value=e.date, end_inferred=False)
            elif e.sets == LEFT and h["end_value"] is None and self.on is not None:
                self._set(h, end_value=self._left_by(h), end_inferred=True)

    def _left_by(self, holder: Holder) -> str:
        """The end of a post a letter says the person left: the day before the next post's start,
        else the day before the letter's date."""
        assert self.on is not None
        mine = _start(holder) or ""
        later = sorted(s for h in self.holders() if h["id"] != holder["id"]
                       for s in [_start(h)] if s and mine < s <= self.on.value)
        end = day_before(later[0] if later else self.on.value)
        return end if end >= mine else self.on.value

    def settle(self) -> None:
        """A post the letters say the person left ends the day before the next post they took
        started, where that is earlier than the end inferred so far."""
        holders = self.holders()
        for h in holders:
            mine = _start(h)
            if not h["end_inferred"] or not mine or not h["end_value"]:
                continue
            following = [s for o in holders if o["id"] != h["id"] for s in [_start(o)] if s and s > mine]
            if following:
                end = day_before(min(following))
                if mine <= end < h["end_value"]:
                    self._set(h, end_value=end)


def apply_posts(session: Session, actor_id: int, posts: Sequence[str], tenures: Sequence[dict[str, Any]],
                on: PartialDate | None, document_id: int, created: Created, updated: Updated,
                resolve_organisation: ResolveOrganisation, names: Sequence[str] = ()) -> None:
    """Record the posts a suggestion gives an actor, and the tenure evidence it carries."""
    applier = _Applier(session, actor_id, on, document_id, created, updated, resolve_organisation)
    for e in evidence_from(posts, tenures, on, names):
        applier.apply(e)
    applier.settle()
