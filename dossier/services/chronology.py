"""Use cases over the case chronology: list, filter, edit, merge, split, resolve conflicts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy.orm import Session, sessionmaker

from dossier.analysis import quoting
from dossier.db.chronology import conflicts as conflicts_repo
from dossier.db.chronology import editing as editing_repo
from dossier.db.chronology import links as links_repo
from dossier.db.chronology import listing as listing_repo
from dossier.db.chronology import rows as rows_repo
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.chronology import (
    ChronologyFilter,
    ChronologyListing,
    ChronologyRow,
    DateProposal,
    DocumentText,
    EntryFields,
    EntryKind,
    LinkedDocument,
    code_of_key,
    key_of_code,
)
from dossier.domain.clock import Clock, stamp
from dossier.domain.dates import PartialDate, Qualifier
from dossier.domain.snapshots import EntryMerge, EntrySnapshot


class ChronologyService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self.clock = clock

    def keys(self, *, actor: str | None = None, kinds: Iterable[EntryKind] | None = None,
             date_from: dt.date | None = None, date_to: dt.date | None = None, text: str = "",
             tag: str | None = None, matters_only: bool = False) -> list[str]:
        """Every entry in order (earliest bound, then precision); undated entries last.

        Filters: an actor (part of a name), kinds, a date range (on the earliest bound), words of
        the description, an annotation tag (an entry matches when an annotation with that tag
        lies in one of its source passages; a document, anywhere in it), and only the events that
        matter (no courtesies or housekeeping).

        This lists them all; a view of a large dossier takes a listing() and reads a window() of it.
        """
        with self._sessions() as session:
            return listing_repo.chronology_keys(session, actor=actor, kinds=kinds, date_from=date_from, date_to=date_to,
                                        text=text, tag=tag, matters_only=matters_only)

    def listing(self, *, actor: str | None = None, kinds: Iterable[EntryKind] | None = None,
                date_from: dt.date | None = None, date_to: dt.date | None = None, text: str = "",
                tag: str | None = None, matters_only: bool = False) -> ChronologyListing:
        """What keys() would list, filtered the same way, as counts by year and month: the layout
        of a view, whose keys are then read a stretch at a time with window()."""
        f = ChronologyFilter.of(actor=actor, kinds=kinds, date_from=date_from, date_to=date_to, text=text, tag=tag,
                                matters_only=matters_only)
        with self._sessions() as session:
            groups, codes = listing_repo.chronology_listing(session, f)
        return ChronologyListing(f, groups, codes)

    def window(self, listing: ChronologyListing, start: int, stop: int) -> list[str]:
        """The keys at positions [start, stop) of a listing."""
        if listing.codes is not None:
            return [key_of_code(code) for code in listing.codes[max(0, start):max(0, stop)]]
        with self._sessions() as session:
            return listing_repo.listing_window(session, listing.filter, listing.groups, start, stop)

    def position(self, listing: ChronologyListing, key: str) -> int | None:
        """Where a key stands in a listing; None when its filter leaves the key out."""
        if listing.codes is not None:
            try:
                return listing.codes.index(code_of_key(key))
            except ValueError:
                return None
        with self._sessions() as session:
            return listing_repo.listing_position(session, listing.filter, listing.groups, key)

    def rows(self, keys: Sequence[str]) -> list[ChronologyRow]:
        with self._sessions() as session:
            return rows_repo.chronology_rows(session, keys)

    def date_span(self) -> tuple[dt.date, dt.date] | None:
        """The case's own stretch of time: from the earliest bound of its first dated entry to the
        latest bound of its last (None when nothing is dated). What a date filter starts from."""
        listing = self.listing()
        dated = sum(g.count for g in listing.groups if g.prefix is not None)
        if not dated:
            return None
        keys = self.window(listing, 0, 1) + self.window(listing, dated - 1, dated)
        dates = [row.date for row in self.rows(keys) if row.date is not None]
        if not dates:
            return None
        return min(d.earliest() for d in dates), max(d.latest() for d in dates)

    def actor_names(self) -> list[str]:
        with self._sessions() as session:
            return rows_repo.actor_names(session)

    def tag_names(self) -> list[str]:
        """The annotation tags in use, to filter by."""
        with self._sessions() as session:
            return rows_repo.tag_names(session)

    def add_entry(self, fields: EntryFields) -> Changed[str]:
        """Add the user's own entry; returns its key."""
        with self._sessions.begin() as session:
            key = editing_repo.add_entry(session, fields, stamp(self.clock))
            return Changed(key, _entries(key))

    def edit_entry(self, key: str, fields: EntryFields) -> Changed[EntryFields]:
        """Edit an entry (re-analysis leaves it alone afterwards); returns the fields before."""
        with self._sessions.begin() as session:
            return Changed(editing_repo.edit_entry(session, key, fields), _entries(key))

    def delete_entry(self, key: str) -> Changed[EntrySnapshot]:
        """Delete an entry; returns it as it was (for undo: restore_entry)."""
        with self._sessions.begin() as session:
            return Changed(editing_repo.delete_entry(session, key), _entries(key))

    def restore_entry(self, snapshot: EntrySnapshot) -> Changed[None]:
        with self._sessions.begin() as session:
            editing_repo.restore_entry(session, snapshot)
            return Changed(None, Changes.of(Kind.CHRONOLOGY))

    def merge_entries(self, keep: str, other: str) -> Changed[EntryMerge]:
        """Merge two entries into one with the sources of both."""
        with self._sessions.begin() as session:
            return Changed(editing_repo.merge_entries(session, keep, other), _entries(keep, other))

    def unmerge(self, record: EntryMerge) -> Changed[None]:
        with self._sessions.begin() as session:
            editing_repo.unmerge(session, record)
            return Changed(None, Changes.of(Kind.CHRONOLOGY))

    def split_source(self, key: str, document_id: int) -> Changed[str]:
        """Make one source of an entry an entry of its own; undo with merge_entries(key, new_key)."""
        with self._sessions.begin() as session:
            new_key = editing_repo.split_source(session, key, document_id, stamp(self.clock))
            return Changed(new_key, _entries(key, new_key))

    def resolve_conflict(self, key: str, other: str, note: str) -> Changed[None]:
        with self._sessions.begin() as session:
            conflicts_repo.resolve_conflict(session, key, other, note, stamp(self.clock))
            return Changed(None, _entries(key, other))

    def unresolve_conflict(self, key: str, other: str) -> Changed[None]:
        with self._sessions.begin() as session:
            conflicts_repo.unresolve_conflict(session, key, other)
            return Changed(None, _entries(key, other))

    def propose_date(self, document_id: int) -> DateProposal:
        """A date range for an undated document, from its own evidence: after the latest past
        event it refers to and any dated document it quotes, cites or attaches; before the earliest
        deadline it sets and any dated document that quotes, cites or attaches it."""
        with self._sessions() as session:
            refs = links_repo.document_references(session, document_id)
            links = linked_documents(session, document_id)
        events = [(d, f"it refers to {d.display()} as past (\u201c{d.text}\u201d)")
                  for kind, d in refs if kind == EntryKind.EVENT.value]
        deadlines = [(d, f"it sets a deadline of {d.display()} (\u201c{d.text}\u201d)")
                     for kind, d in refs if kind == EntryKind.DEADLINE.value]
        earlier = [(link.date, f"{link.relation} D{link.document_id} of {link.date.display()}")
                   for link in links if not link.later]
        later = [(link.date, f"D{link.document_id} of {link.date.display()} {link.relation}")
                 for link in links if link.later]
        after = max(events + earlier, key=lambda item: item[0].latest(), default=None)
        before = min(deadlines + later, key=lambda item: item[0].earliest(), default=None)
        reasons = tuple(item[1] for item in (after, before) if item is not None)
        return DateProposal(document_id, after[0] if after else None, before[0] if before else None, reasons,
                            tuple(links))


# -- linked documents ------------------------------------------------------------------------------

MAX_QUOTE_CANDIDATES = 40  # documents sharing the most probe words, whose texts are then compared
COMMON_WORDING = 6  # probe words found in more documents than this are common wording, not a quote
MAX_NAMED = 50  # documents to check for naming a reference or a file
COMMON_PASSAGE = 3  # a passage in more documents than a source and two quoters is common wording, no quote
MANY_HOLD_THE_WORDS = 12  # documents holding a stretch's longest words: past this, it is common wording
MAX_STRETCHES = 8  # stretches of a long passage looked up to tell whether it is common wording

_RELATION = {
    quoting.Link.QUOTED_BY: "quotes it", quoting.Link.QUOTES: "it quotes",
    quoting.Link.CITED_BY: "cites its reference", quoting.Link.CITES: "it cites the reference of",
    quoting.Link.ATTACHED_BY: "attaches it", quoting.Link.ATTACHES: "it attaches",
}


def _text(doc: DocumentText) -> quoting.Text:
    return quoting.Text(doc.text, doc.quoted_spans, doc.reference, doc.file_name)


def linked_documents(session: Session, document_id: int) -> list[LinkedDocument]:
    """The dated documents that quote, cite or attach a document, or that it quotes, cites or attaches.

    Candidates come from the full-text index, never from reading every document: documents that
    hold all the longest words of some stretch of this one's text (a quote of it would), and
    documents holding the words of its reference or file name. Only those few texts are compared.
    """
    found = links_repo.document_texts(session, [document_id])
    if not found:
        return []
    me = found[0]
    doc = _text(me)
    doc_words = quoting.words(me.text)
    hits: defaultdict[int, float] = defaultdict(float)
    for probe in quoting.probes(me.text):
        # the longest words of a stretch first; all of them when those are too common
        for words in (probe[:quoting.PROBE_WORDS], probe) if len(probe) > quoting.PROBE_WORDS else (probe,):
            ids = [i for i in links_repo.documents_with_words(session, words, COMMON_WORDING + 2) if i != document_id]
            if len(ids) <= COMMON_WORDING:
                for i in ids:  # words few documents share say more than words many share
                    hits[i] += 1 / len(ids)
                break
    quoting_ids = set(sorted(hits, key=lambda i: (-hits[i], i))[:MAX_QUOTE_CANDIDATES])
    naming_ids: set[int] = set()
    for phrase, distinctive in ((me.reference, quoting.distinctive_reference),
                                (me.file_name, quoting.distinctive_file_name)):
        if phrase and distinctive(phrase):
            naming_ids |= set(links_repo.documents_with_words(session, quoting.reference_words(phrase), MAX_NAMED))
    named_ids = set(quoting.cited_references(me.text, links_repo.dated_references(session, document_id)))
    named_ids |= set(quoting.attached_files(me.text, links_repo.dated_file_names(session, document_id)))
    common: dict[tuple[str, ...], bool] = {}
    folded: dict[int, str] = {}  # documents' words, folded and joined, as compared so far

    def common_stretch(stretch: tuple[str, ...]) -> bool:
        """Whether more than COMMON_PASSAGE documents hold these words in this order: the index
        finds those holding the longest of them, and their texts are then searched."""
        if stretch not in common:
            probe = tuple(sorted(sorted({w for w in stretch if len(w) >= 4}, key=len, reverse=True)[:6]))
            ids = links_repo.documents_with_words(session, probe, MANY_HOLD_THE_WORDS)
            if len(ids) >= MANY_HOLD_THE_WORDS:  # stock words, in stock order no doubt
                common[stretch] = True
            else:
                unseen = [i for i in ids if i not in folded]
                folded.update((i, " " + " ".join(w for w, _ in quoting.words(t)) + " ")
                              for i, t in links_repo.texts(session, unseen).items())
                phrase = " " + " ".join(stretch) + " "
                common[stretch] = sum(1 for i in ids if phrase in folded.get(i, "")) > COMMON_PASSAGE
        return common[stretch]

    def is_common(passage: tuple[str, ...]) -> bool:
        """Whether a passage is common wording (a letterhead, a standard paragraph): every
        stretch of it is in more documents than a quote's source and a few quoters. A long passage
        is specific as soon as one stretch is (a name, an address, a figure)."""
        stretches = [passage[i:i + quoting.MIN_RUN] for i in range(0, len(passage), quoting.MIN_RUN)]
        if len(stretches) > 1 and len(stretches[-1]) < quoting.MIN_RUN:
            stretches[-1] = passage[-quoting.MIN_RUN:]
        if len(stretches) > MAX_STRETCHES:  # a long quote: stretches spread through it
            stretches = [stretches[i * len(stretches) // MAX_STRETCHES] for i in range(MAX_STRETCHES)]
        return all(common_stretch(tuple(stretch)) for stretch in stretches)

    links = []
    for other in links_repo.document_texts(session, (quoting_ids | naming_ids | named_ids) - {document_id},
                                     dated_only=True):
        assert other.date is not None
        link = _link(doc, doc_words, _text(other), other.document_id in quoting_ids, is_common)
        if link is not None:
            links.append(LinkedDocument(other.document_id, other.title, other.date, _RELATION[link],
                                        link.other_is_later))
    return sorted(links, key=lambda link: (link.date.earliest(), link.document_id))


def _link(doc: quoting.Text, doc_words: list[tuple[str, int]], other: quoting.Text, compare_texts: bool,
          is_common: Callable[[tuple[str, ...]], bool]) -> quoting.Link | None:
    """How two documents are linked, strongest evidence first (a quote, then a reference, then a file)."""
    if compare_texts:
        link = quoting.quote_link(doc, other, doc_words=doc_words, is_common=is_common)
        if link is not None:
            return link
    same_reference = bool(doc.reference and other.reference
                          and doc.reference.casefold() == other.reference.casefold())
    if not same_reference:
        if quoting.cites(other.text, doc.reference):
            return quoting.Link.CITED_BY
        if quoting.cites(doc.text, other.reference):
            return quoting.Link.CITES
    if quoting.attaches(other.text, doc.file_name):
        return quoting.Link.ATTACHED_BY
    if quoting.attaches(doc.text, other.file_name):
        return quoting.Link.ATTACHES
    return None


def proposal_as_date(proposal: DateProposal) -> PartialDate | None:
    """The proposal as one partial date a user can accept: between, after or before; or the date
    itself when both bounds are the same (after and before Nov 2013: Nov 2013)."""
    a, b = proposal.after, proposal.before
    if a and b and a.value == b.value and a.precision is b.precision and a.qualifier is None \
            and b.qualifier is None:
        return PartialDate(a.value, a.precision, None, "")
    if a and b and a.latest() <= b.earliest():
        return PartialDate(a.value, a.precision, Qualifier.BETWEEN, "", b.value)
    if a:
        return PartialDate(a.value, a.precision, Qualifier.AFTER, "")
    if b:
        return PartialDate(b.value, b.precision, Qualifier.BEFORE, "")
    return None


def _entries(*keys: str) -> Changes:
    return Changes.of(Kind.CHRONOLOGY, keys)
