"""Briefings: the saved draft, gathering a briefing's content, and exporting it as a PDF.

`gather` reads everything a briefing shows in one session (one consistent snapshot of the
dossier) and returns plain `BriefingData`; the renderer in `dossier.export` turns that into PDF
bytes without touching the database. `export` writes the bytes to a temporary file beside the
target, syncs it and renames it into place, so the target never holds half a PDF, then records
the export: the next briefing lists what changed since.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from dossier.db import actions_repo, actors_repo, annotations_repo
from dossier.db import briefing_repo as repo
from dossier.db import documents_repo as documents_repo
from dossier.db.chronology import listing as chronology_listing
from dossier.db.chronology import rows as chronology_rows
from dossier.domain.annotations import AnnotationFilter, AnnotationRow
from dossier.domain.briefing import (
    ActionGroup,
    ActionItem,
    ActorItem,
    BriefingData,
    BriefingOptions,
    BriefingScope,
    ChangeItem,
    ChronologyItem,
    Citation,
    ExportRecord,
    ExportResult,
    ExtractGroup,
    ExtractItem,
    PreviousBriefing,
    Section,
    SourceItem,
    action_group,
    default_as_at,
)
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.chronology import ChronologyRow, EntryKind
from dossier.domain.clock import Clock, stamp
from dossier.domain.dates import PartialDate
from dossier.domain.errors import DossierError
from dossier.domain.findings import ActionStatus, ActorKind
from dossier.domain.register import ActionRow, action_line
from dossier.domain.safe_text import safe_text
from dossier.export.files import write_atomically

Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is happening)
Cancelled = Callable[[], bool]

# Progress runs over a fixed scale: gathering takes the first part, the rendering passes most of the
# rest, then the file is written.
SCALE = 1000
GATHERED = 100
RENDERED = 990
_YEAR = re.compile(r"\b\d{4}\b")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# "in July", "on 3 September", "by 22 July", "27 March": a date less its year, nothing relative in it
_PLAIN_DATE = re.compile(rf"(?:(?:in|on|by|from|until|till|to|since|of|the)\s+)*"
                         rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})|(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
                         rf"|{_MONTH})")


class ExportCancelled(DossierError):
    """The export was cancelled before the file was written; nothing was written."""


class BriefingService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self.clock = clock

    # -- the draft -------------------------------------------------------------------------------
    def load_draft(self) -> BriefingOptions | None:
        """The options saved last (summary and key messages included), or None."""
        with self._sessions() as session:
            text = repo.load_draft(session)
        if not text:
            return None
        try:
            return BriefingOptions.from_json(json.loads(text))
        except (ValueError, TypeError, KeyError):  # a draft from a future version, or damaged: start afresh
            return None

    def save_draft(self, options: BriefingOptions) -> Changed[None]:
        with self._sessions.begin() as session:
            repo.save_draft(session, _options_json(options), stamp(self.clock))
        return Changed(None, Changes.of(Kind.BRIEFINGS))

    # -- the briefing's date ---------------------------------------------------------------------
    def default_as_at(self, draft: BriefingOptions | None = None) -> dt.date:
        """The date a briefing is as at when nobody says: the draft's (the one given, else the saved
        one), else the latest paper's, else today."""
        if draft is None:
            draft = self.load_draft()
        if draft is not None and draft.as_at is not None:
            return draft.as_at
        with self._sessions() as session:
            latest = repo.latest_document_date(session)
        return default_as_at(None, latest, self.clock.today())

    def starting_options(self) -> BriefingOptions:
        """What a new briefing starts from: the saved draft, or the defaults, with its date settled."""
        draft = self.load_draft() or BriefingOptions()
        return draft.with_changes(as_at=self.default_as_at(draft))

    def settled(self, options: BriefingOptions) -> BriefingOptions:
        """The options with their date settled (see `default_as_at`)."""
        return options if options.as_at is not None else options.with_changes(as_at=self.default_as_at())

    # -- exports ---------------------------------------------------------------------------------
    def last_export(self) -> ExportRecord | None:
        """The briefing exported most recently."""
        with self._sessions() as session:
            return repo.last_export(session)

    def exports(self) -> list[ExportRecord]:
        with self._sessions() as session:
            return repo.exports(session)

    def previous_to(self, options: BriefingOptions) -> ExportRecord | None:
        """The briefing this one's "changes since the last briefing" counts from."""
        with self._sessions() as session:
            return repo.export_before(session, options.day)

    # -- what the dialog offers ------------------------------------------------------------------
    def tags(self) -> list[tuple[str, int]]:
        """Tags in use on annotations, with how many carry each."""
        with self._sessions() as session:
            return annotations_repo.tag_counts(session)

    # -- gathering -------------------------------------------------------------------------------
    def gather(self, options: BriefingOptions, *, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> BriefingData:
        """Everything the briefing shows, as plain data, read in one session."""
        options = self.settled(options)
        steps = [s for s in options.sections if s is not Section.KEY_MESSAGES]
        with self._sessions() as session:
            scope = options.scope
            docs = _scope_documents(session, scope)
            out: dict[str, Any] = {}  # BriefingData's fields by name, each section's own type
            for n, section in enumerate(steps):
                if cancelled and cancelled():
                    raise ExportCancelled("The briefing was not exported: cancelled.")
                if progress:
                    progress(GATHERED * n // max(len(steps), 1), SCALE, f"Gathering {section.title.lower()}…")
                if section is Section.ACTIONS:
                    out["actions"] = tuple(_actions(session, options, docs))
                elif section is Section.CHANGES:
                    out["previous"], out["changes"] = _changes(session, options, docs)
                elif section is Section.CHRONOLOGY:
                    out["chronology"] = tuple(_chronology(session, options, docs))
                elif section is Section.WHOS_WHO:
                    out["actors"] = tuple(_actors(session, options, docs))
                elif section is Section.EXTRACTS:
                    out["extracts"] = tuple(_extracts(session, scope, docs))
            data = BriefingData(options=options, scope_note=_scope_note(session, scope), **out)
            sources = tuple(_sources(session, docs, data.citations()))
            if progress:
                progress(GATHERED, SCALE, "Gathered")
            return dataclasses.replace(data, sources=sources)

    # -- export ----------------------------------------------------------------------------------
    def export(self, options: BriefingOptions, out_path: Path | str, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> Changed[ExportResult]:
        """Gather, render and write the briefing, then record the export.

        The PDF goes to a temporary file in the target's folder, is synced to disk and renamed over
        the target, so the target is either untouched or the whole new file. Raises DossierError
        with a message naming the path when the file cannot be written, and ExportCancelled (a
        DossierError) when cancelled; in both cases nothing is left behind.
        """
        from dossier.export.briefing_pdf import RenderCancelled, render_briefing

        target = Path(out_path).expanduser().absolute()
        _check_folder(target)
        options = self.settled(options)
        data = self.gather(options, progress=progress, cancelled=cancelled)

        shown = GATHERED

        def render_progress(done: int, total: int, label: str) -> None:
            nonlocal shown
            if progress:  # never backwards, even when the layout has to start again
                shown = max(shown, GATHERED + (RENDERED - GATHERED) * done // max(total, 1))
                progress(shown, SCALE, label)

        try:
            rendered = render_briefing(data, progress=render_progress, cancelled=cancelled)
        except RenderCancelled as exc:
            raise ExportCancelled("The briefing was not exported: cancelled.") from exc
        if cancelled and cancelled():
            raise ExportCancelled("The briefing was not exported: cancelled.")
        if progress:
            progress(RENDERED, SCALE, f"Writing {target.name}…")
        write_atomically(target, rendered.pdf, what="the briefing")
        digest = hashlib.sha256(rendered.pdf).hexdigest()
        with self._sessions.begin() as session:
            record_id = repo.record_export(
                session, exported_at=stamp(self.clock), as_at=options.day, title=options.title,
                reference=options.reference, file_name=safe_text(target.name), sha256=digest,
                options_json=_options_json(options))
        if progress:
            progress(SCALE, SCALE, "Exported")
        result = ExportResult(path=str(target), pages=rendered.pages, size=len(rendered.pdf), sha256=digest,
                              record_id=record_id)
        return Changed(result, Changes.of(Kind.BRIEFINGS, [record_id]))


def _options_json(options: BriefingOptions) -> str:
    return json.dumps(options.to_json(), ensure_ascii=False, sort_keys=True)


# -- writing the file ------------------------------------------------------------------------------

def _check_folder(target: Path) -> None:
    folder = target.parent
    if target.is_dir():
        raise DossierError(f"Cannot write the briefing to {target}: that is a folder.")
    if not folder.exists():
        raise DossierError(f"Cannot write the briefing to {target}: the folder {folder} does not exist.")
    if not folder.is_dir():
        raise DossierError(f"Cannot write the briefing to {target}: {folder} is not a folder.")



# -- gathering, section by section -----------------------------------------------------------------

def _scope_documents(session: Session, scope: BriefingScope) -> set[int] | None:
    """The documents in scope, or None for all of them. Parts of the scope narrow it together."""
    if scope.is_everything:
        return None
    docs: set[int] | None = None

    def narrow(found: set[int]) -> None:
        nonlocal docs
        docs = found if docs is None else docs & found

    if scope.document_ids:
        narrow(repo.existing_documents(session, scope.document_ids))
    if scope.actor_ids:
        narrow(repo.documents_naming(session, scope.actor_ids))
    if scope.tags:
        narrow(repo.documents_tagged(session, scope.tags))
    if scope.by_date:
        docs = repo.documents_dated_between(session, docs, scope.date_from, scope.date_to)
    return docs if docs is not None else set()


def _display(date: PartialDate | None) -> str:
    return date.display() if date else ""


def _page_of(pages: dict[tuple[int, int], int], doc_id: int, paragraph: int | None) -> int | None:
    return pages.get((doc_id, paragraph)) if paragraph else None


_GROUP_ORDER = {g: n for n, g in enumerate(ActionGroup)}


def _actions(session: Session, options: BriefingOptions, docs: set[int] | None) -> list[ActionItem]:
    """Open actions as at the briefing date, in the order the briefing gives them: the overdue, those
    due within the window, those due later (each by due date), the undated, then decisions."""
    as_at = options.day
    ids = actions_repo.action_ids(session, as_at=as_at.isoformat(), statuses=[ActionStatus.OPEN], sort="due")
    rows = actions_repo.action_rows(session, ids, as_at.isoformat())
    scope = options.scope
    kept = []
    for r in rows:
        if r.set_date is not None and r.set_date.earliest() > as_at:
            continue  # not yet set on the briefing's date
        if scope.actor_ids and not {r.owner_id, r.addressed_to_id} & set(scope.actor_ids):
            continue
        if docs is not None and r.document_id not in docs:
            continue  # from a paper outside the scope
        kept.append(r)
    pages = repo.paragraph_pages(session, [(r.document_id, r.paragraph) for r in kept
                                           if r.document_id and r.paragraph])
    items = [ActionItem(
        due=_display(r.due), summary=r.summary, owner=r.owner or "", addressed_to=r.addressed_to or "",
        kind=r.type.value, overdue=r.overdue,
        citation=Citation(r.document_id, r.paragraph, _page_of(pages, r.document_id, r.paragraph))
        if r.document_id else None, set_date=_display(r.set_date),
        group=action_group(r.type.value, r.due, as_at, options.due_by)) for r in kept]
    order = {id(item): n for n, item in enumerate(items)}  # the register's order: by due date
    return sorted(items, key=lambda a: (_GROUP_ORDER[a.group], order[id(a)]))


_STATUS_CHANGE = {ActionStatus.DONE: "Action done", ActionStatus.SUPERSEDED: "Action superseded",
                  ActionStatus.WITHDRAWN: "Action withdrawn", ActionStatus.OPEN: "Action changed"}


def _changes(session: Session, options: BriefingOptions, docs: set[int] | None
             ) -> tuple[PreviousBriefing | None, tuple[ChangeItem, ...]]:
    prev = repo.export_before(session, options.day)
    if prev is None:
        return None, ()
    previous = PreviousBriefing(as_at=prev.as_at, title=prev.title, reference=prev.reference,
                                exported_at=prev.exported_at)
    items: list[ChangeItem] = []
    filed = repo.documents_filed_since(session, prev.exported_at)
    if docs is not None:
        filed = [d for d in filed if d in docs]
    for row in documents_repo.document_rows(session, filed):
        parties = _from_to(row.sender, row.recipients)
        title = row.label
        items.append(ChangeItem(what="Filed", date=_display(row.date),
                                description=f"{row.kind.value.capitalize()}: {title}" + (f" ({parties})" if parties else ""),
                                citation=Citation(row.id)))
    changed = repo.actions_changed_since(session, prev.exported_at)
    created = dict(changed)
    scope = options.scope
    rows = actions_repo.action_rows(session, [i for i, _ in changed], options.day.isoformat())
    pages = repo.paragraph_pages(session, [(r.document_id, r.paragraph) for r in rows
                                           if r.document_id and r.paragraph])
    for r in rows:
        if scope.actor_ids and not {r.owner_id, r.addressed_to_id} & set(scope.actor_ids):
            continue
        if docs is not None and r.document_id not in docs:
            continue
        what = "New action" if created[r.id] and r.status is ActionStatus.OPEN else _STATUS_CHANGE[r.status]
        owner = f" ({r.owner})" if r.owner else ""
        items.append(ChangeItem(what=what, date=_display(r.due), description=f"{r.summary}{owner}",
                                citation=Citation(r.document_id, r.paragraph,
                                                  _page_of(pages, r.document_id, r.paragraph))
                                if r.document_id else None))
    return previous, tuple(items)


def _from_to(sender: str | None, recipients: tuple[str, ...]) -> str:
    if sender and recipients:
        return f"{sender} \u2192 {', '.join(recipients)}"
    if sender:
        return f"from {sender}"
    if recipients:
        return f"to {', '.join(recipients)}"
    return ""


def written_words(date: PartialDate | None) -> str:
    """The words a source used for a date, where they say more than the date itself.

    "last November" or "early next month" were resolved against the letter's own date, and a
    reader may want to check how; "27 March 2014", "in July" or "on 3 September" only say the date
    again (less its year).
    """
    if date is None or not date.text:
        return ""
    words = " ".join(date.text.split())
    if _YEAR.search(words) or _PLAIN_DATE.fullmatch(words.casefold()):
        return ""
    return words


def _chronology(session: Session, options: BriefingOptions, docs: set[int] | None) -> list[ChronologyItem]:
    """The events that matter, in date order. An action is shown once, as one statement ("Owner to do
    what"): at its due date, or at the date it was set when it has none (an open one with no date is
    left to the other open actions when the briefing lists them: it is no dated event). Courtesies and
    housekeeping (entries that do not matter) and superseded or withdrawn actions are left out."""
    scope = options.scope
    keys = chronology_listing.chronology_keys(session, date_from=scope.date_from, date_to=scope.date_to)
    if scope.actor_ids:
        allowed: set[str] = set()
        for row in actors_repo.actor_rows(session, list(scope.actor_ids)):
            allowed.update(chronology_listing.chronology_keys(session, actor=row.name, date_from=scope.date_from,
                                                           date_to=scope.date_to))
        keys = [k for k in keys if k in allowed]
    keys = _one_key_per_action(keys)
    rows: list[ChronologyRow] = [r for r in chronology_rows.chronology_rows(session, keys) if r.matters]
    if docs is not None and scope.picks_documents:
        rows = [r for r in rows if any(s.document_id in docs for s in r.sources)]
    action_ids = sorted({int(r.key.split(":")[1]) for r in rows if r.key.startswith("action:")})
    actions = {a.id: a for a in actions_repo.action_rows(session, action_ids, options.day.isoformat())}
    out = []
    for r in rows:
        event = _event(r)
        if r.key.startswith("action:"):
            action = actions.get(int(r.key.split(":")[1]))
            if action is None or action.status in (ActionStatus.SUPERSEDED, ActionStatus.WITHDRAWN):
                continue
            if action.due is None and action.status is ActionStatus.OPEN and options.includes(Section.ACTIONS):
                continue  # an open intention with no date is no dated event: it is listed with the other actions
            event = _action_event(action, at_due=r.key.endswith(":due"))
        citations = tuple(dict.fromkeys(Citation(s.document_id, s.paragraph, s.page) for s in r.sources))
        out.append(ChronologyItem(
            date=_display(r.date), written=written_words(r.date), event=event, actors=r.actors,
            citations=citations, conflict=r.conflict, conflict_note=r.conflict_note or "", kind=r.kind.value))
    return out


def _one_key_per_action(keys: list[str]) -> list[str]:
    """An action's due date only, or the date it was set when it has no due date."""
    due = {k[:-len(":due")] for k in keys if k.startswith("action:") and k.endswith(":due")}
    return [k for k in keys if not (k.startswith("action:") and k.endswith(":set") and k[:-len(":set")] in due)]


def _action_event(action: ActionRow, *, at_due: bool) -> str:
    """An action in the chronology, once: "Owner to do what (set 27 Mar 2014)" at its due date."""
    line = action_line(action.owner, action.summary, with_when=False)
    notes = []
    if at_due and action.set_date is not None:
        notes.append(f"set {action.set_date.display()}")
    if not at_due:
        notes.append("no date set")
    if action.status is ActionStatus.DONE:
        notes.append("done")
    return f"{line} ({'; '.join(notes)})" if notes else line


def _event(row: ChronologyRow) -> str:
    """An entry's words. A paper's own entry reads "Letter: <title>", unless the title says it already."""
    if row.kind is EntryKind.DOCUMENT and row.sources:
        kind, _, title = row.description.partition(": ")
        if title and title.casefold().startswith(kind.casefold()):
            return title
    return row.description


def _actors(session: Session, options: BriefingOptions, docs: set[int] | None) -> list[ActorItem]:
    """The who's who: each person or body, with the posts they held on the briefing's date."""
    scope = options.scope
    if scope.is_everything:
        ids = actors_repo.actor_ids(session, sort="name")
    else:
        wanted = repo.actors_in_documents(session, docs) | set(scope.actor_ids)
        ids = [i for i in actors_repo.actor_ids(session, sort="name") if i in wanted]
    rows = actors_repo.actor_rows(session, ids, options.day)
    first = repo.first_appearances(session, ids)
    pages = repo.paragraph_pages(session, [(d, n) for d, n in first.values() if n])
    doc_rows = {d.id: d for d in documents_repo.document_rows(session, sorted({d for d, _ in first.values()}))}
    # people first, then organisations: a who's who reads as people
    rows.sort(key=lambda r: r.kind is not ActorKind.PERSON)
    out = []
    for r in rows:
        seen = first.get(r.id)
        citation = None
        first_date = ""
        if seen is not None:
            doc_id, para = seen
            citation = Citation(doc_id, para, _page_of(pages, doc_id, para))
            doc = doc_rows.get(doc_id)
            first_date = _display(doc.date) if doc else ""
        name_key = r.name.casefold()
        aliases = tuple(dict.fromkeys(a for a in r.aliases if a.casefold() != name_key))
        out.append(ActorItem(name=r.name, posts=r.posts, organisation=r.organisation or "", aliases=aliases,
                             kind=r.kind.value, first_date=first_date, first_citation=citation))
    return out


def _extracts(session: Session, scope: BriefingScope, docs: set[int] | None) -> list[ExtractGroup]:
    rows: list[AnnotationRow] = annotations_repo.listing(session, AnnotationFilter())
    if docs is not None:
        rows = [a for a in rows if a.document_id in docs]
    wanted = {t.casefold() for t in scope.tags}
    groups: dict[str, list[ExtractItem]] = defaultdict(list)
    names: dict[str, str] = {}
    for a in rows:
        item = ExtractItem(quote=a.quote, note=a.note, tags=a.tags, author=a.author,
                           document_title=a.document_title, document_date=a.document_date,
                           citation=Citation(a.document_id, a.paragraph, a.page), orphan=a.orphan)
        tags = [t for t in a.tags if not wanted or t.casefold() in wanted]
        if not tags and not wanted:
            groups[""].append(item)
        for t in tags:
            key = t.casefold()
            names.setdefault(key, t)
            groups[key].append(item)
    ordered = sorted((k for k in groups if k), key=lambda k: (names[k].casefold(), names[k]))
    out = [ExtractGroup(tag=names[k], items=tuple(groups[k])) for k in ordered]
    if groups.get(""):
        out.append(ExtractGroup(tag="", items=tuple(groups[""])))
    return out


def _sources(session: Session, docs: set[int] | None, cited: set[int]) -> list[SourceItem]:
    ids = set(repo.all_document_ids(session)) if docs is None else set(docs)
    ids |= cited
    rows = documents_repo.document_rows(session, sorted(ids))
    refs = repo.own_references(session, [r.id for r in rows])
    return [SourceItem(document_id=r.id, date=_display(r.date), sender=r.sender or "", recipients=r.recipients,
                       title=r.label, pages=r.page_count, kind=r.kind.value,
                       own_reference=refs.get(r.id, "")) for r in rows]


def _scope_note(session: Session, scope: BriefingScope) -> str:
    """The scope in words, for the front sheet; "" when the briefing covers the whole dossier."""
    if scope.is_everything:
        return ""
    parts = []
    if scope.date_from and scope.date_to:
        parts.append(f"dated {PartialDate.from_date(scope.date_from).display()} to "
                     f"{PartialDate.from_date(scope.date_to).display()}")
    elif scope.date_from:
        parts.append(f"dated from {PartialDate.from_date(scope.date_from).display()}")
    elif scope.date_to:
        parts.append(f"dated up to {PartialDate.from_date(scope.date_to).display()}")
    if scope.actor_ids:
        names = [r.name for r in actors_repo.actor_rows(session, list(scope.actor_ids))]
        parts.append("naming " + _either(names))
    if scope.tags:
        parts.append("with extracts tagged " + _either([f"\u201c{t}\u201d" for t in scope.tags]))
    if scope.document_ids:
        ids = sorted(set(scope.document_ids))
        parts.append("among " + ", ".join(f"D{i}" for i in ids))
    return "Papers " + "; ".join(parts) + "."


def _either(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
