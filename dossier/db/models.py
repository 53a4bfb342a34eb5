"""SQLAlchemy 2 typed models. Portable SQL only: SQLite-specific parts live in `dossier.db.search`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

if TYPE_CHECKING:
    from sqlalchemy import Table


class Base(DeclarativeBase):
    if TYPE_CHECKING:  # every model here is declared with columns, so its __table__ is a Table
        __table__: ClassVar[Table]


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(512))
    media_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="other")
    status: Mapped[str] = mapped_column(String(64), default="ok")
    page_count: Mapped[int | None] = mapped_column(Integer)
    # the document's own date, as a partial date
    date_value: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_qualifier: Mapped[str | None] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(String(200))
    date_end_value: Mapped[str | None] = mapped_column(String(10))  # second bound, for "between"
    title: Mapped[str | None] = mapped_column(String(1000))
    # what the document is shown as: its title, else one built from kind, parties and date (never
    # its file name); kept in step with the metadata (dossier.domain.headings)
    heading: Mapped[str] = mapped_column(String(1000), default="")
    reference: Mapped[str | None] = mapped_column(String(200))
    marking: Mapped[str | None] = mapped_column(String(32))
    sender_post: Mapped[str | None] = mapped_column(String(500))
    # sort keys kept in step with the parties, so sorting 100,000 rows by From or To is an index scan
    sender_sort: Mapped[str | None] = mapped_column(String(300), index=True)
    recipient_sort: Mapped[str | None] = mapped_column(String(300), index=True)
    # immutable once filed: annotations anchor on it
    text: Mapped[str] = mapped_column(Text, default="")
    # comma-separated names of metadata fields a user has set; analysis never overwrites them
    user_set: Mapped[str] = mapped_column(String(200), default="")
    filed_at: Mapped[str] = mapped_column(String(32))
    # an earlier document this one is a copy of (same words, other file); the user may say it is not.
    # No foreign key: adding one to SQLite rebuilds the table, and dropping the old one would cascade
    copy_of: Mapped[int | None] = mapped_column(Integer, index=True)
    not_a_copy: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # the file name it was first filed under, once it has been re-filed from another file
    first_file_name: Mapped[str | None] = mapped_column(String(512))
    # who had marked it reviewed when it was re-filed ("changed since reviewed"); cleared on review
    changed_since_review: Mapped[str | None] = mapped_column(String(200))

    paragraphs: Mapped[list[Paragraph]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Paragraph.number"
    )
    parties: Mapped[list[DocumentParty]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentParty.position"
    )

    __table_args__ = (
        CheckConstraint("date_precision IN ('year', 'month', 'day') OR date_precision IS NULL",
                        name="ck_documents_precision"),
    )


class DocumentSketch(Base):
    """The smallest shingle hashes of a document's text (dossier.analysis.copies): copies are found by them."""

    __tablename__ = "document_sketches"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, index=True)


class DocumentBlob(Base):
    """The original bytes, apart from the row so that listing documents never loads them."""

    __tablename__ = "document_blobs"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Paragraph(Base):
    __tablename__ = "paragraphs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    quoted: Mapped[bool] = mapped_column(Boolean, default=False)

    document: Mapped[Document] = relationship(back_populates="paragraphs")

    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_paragraphs_document_number"),)


class Actor(Base):
    """A person or organisation. The actors issue builds this out (aliases, posts, merges)."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # lower-cased name, for case-insensitive lookup on any back end
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="person")
    created_at: Mapped[str] = mapped_column(String(32))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))


class DocumentParty(Base):
    """A document's sender, recipients and copy list, in order, as links to actors."""

    __tablename__ = "document_parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)

    document: Mapped[Document] = relationship(back_populates="parties")
    actor: Mapped[Actor] = relationship()

    __table_args__ = (
        CheckConstraint("role IN ('sender', 'recipient', 'cc')", name="ck_parties_role"),
        Index("ix_parties_document", "document_id"),
        Index("ix_parties_actor", "actor_id"),
    )


class ActorAlias(Base):
    """A surface form of an actor, with the document where it was first seen."""

    __tablename__ = "actor_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))

    __table_args__ = (UniqueConstraint("actor_id", "alias_key", name="uq_aliases_actor_key"),)


class Post(Base):
    """A post, kept apart from the people who hold it ("Chief Social Worker")."""

    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    title_key: Mapped[str] = mapped_column(String(300), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))


class PostHolder(Base):
    """Who held a post, from one partial date to another (open-ended where unknown)."""

    __tablename__ = "post_holders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    start_value: Mapped[str | None] = mapped_column(String(10))
    end_value: Mapped[str | None] = mapped_column(String(10))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(String(40))  # "acting", "interim": a kind of tenure
    # the end is inferred (a letter said the person had left; the next post's start, or the letter's date)
    end_inferred: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Mention(Base):
    """A span of a document's text that names an actor."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))

    __table_args__ = (
        Index("ix_mentions_document", "document_id", "start"),
        UniqueConstraint("document_id", "start", "end", "actor_id", name="uq_mentions_span_actor"),
    )


class Suggestion(Base):
    """A machine suggestion (an actor or an action), kept apart from curated data until accepted."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # 'actor', 'action' or 'status' (of an action)
    key: Mapped[str] = mapped_column(String(400))  # what a rejection remembers
    label: Mapped[str] = mapped_column(String(500))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    status: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (
        CheckConstraint("kind IN ('actor', 'action', 'status')", name="ck_suggestions_kind"),
        CheckConstraint("status IN ('pending', 'accepted', 'rejected')", name="ck_suggestions_status"),
        UniqueConstraint("document_id", "key", name="uq_suggestions_document_key"),
    )


class Rejection(Base):
    """A suggestion a person rejected: it is never made again in this dossier."""

    __tablename__ = "rejections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    rejected_at: Mapped[str] = mapped_column(String(32))


class Action(Base):
    """Something someone must do: a direction, request, decision, commitment, ..."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(String(1000))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    addressed_to_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    set_value: Mapped[str | None] = mapped_column(String(10))
    set_precision: Mapped[str | None] = mapped_column(String(8))
    set_text: Mapped[str | None] = mapped_column(String(200))
    due_value: Mapped[str | None] = mapped_column(String(10), index=True)
    due_precision: Mapped[str | None] = mapped_column(String(8))
    due_qualifier: Mapped[str | None] = mapped_column(String(8))
    due_text: Mapped[str | None] = mapped_column(String(200))
    # the due date's latest bound (ISO day), so "overdue as at" is one indexed comparison
    due_latest: Mapped[str | None] = mapped_column(String(10), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    status_note: Mapped[str | None] = mapped_column(String(1000))
    status_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (
        CheckConstraint("status IN ('open', 'done', 'superseded', 'withdrawn')", name="ck_actions_status"),
        # the chronology hides deadlines an accepted action already carries: found by document and due date
        Index("ix_actions_document_due", "document_id", "due_value"),
    )


class ActionSource(Base):
    """A further document that sets the same action (the same deadline restated in a later letter)."""

    __tablename__ = "action_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (UniqueConstraint("action_id", "document_id", "start", name="uq_action_sources_passage"),)


class ChronologyEntry(Base):
    """A dated thing a document mentions (an event or a deadline), or the user's own entry.

    Entries found by analysis are refreshed when their document's date changes, unless a person
    edited them. One entry can have several sources: documents that mention the same event.
    """

    __tablename__ = "chronology_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_qualifier: Mapped[str | None] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(String(200))
    date_end_value: Mapped[str | None] = mapped_column(String(10))
    # earliest bound (ISO day) and precision rank, so the chronology sorts and filters in SQL
    date_sort: Mapped[str | None] = mapped_column(String(10), index=True)
    date_rank: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(2000))
    actors: Mapped[str] = mapped_column(String(2000), default="")  # "; "-joined names
    user_set: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(32))
    # touched by a batch import whose conflict refresh has not run yet (it runs once per batch; a
    # crash before it leaves this set, and the next import or opening of the dossier does it)
    conflicts_stale: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0", index=True)
    # a deadline an action carries (same document and due date, overlapping passages): the
    # chronology lists it once, as the action. Kept by every write that moves an action, a source
    # or an entry's date (db.chronology.entries.refresh_carried), so listing never has to work it out
    carried: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # what kind of event it reports (a domain.chronology.EventKind value, "" where none is known):
    # courtesies and housekeeping are kept, and left out of what a briefing shows
    event_kind: Mapped[str] = mapped_column(String(24), default="", server_default="")

    __table_args__ = (
        CheckConstraint("kind IN ('event', 'deadline', 'own')", name="ck_chronology_kind"),
        # the listing counts and orders entries by kind and date: from this index alone
        Index("ix_chronology_entries_listing", "kind", "carried", "date_value", "date_sort"),
        # filing a letter looks for the entries other letters give on its dates, to join them
        Index("ix_chronology_entries_date_value", "date_value"),
    )


class EntrySource(Base):
    """A passage of a document that an entry comes from."""

    __tablename__ = "entry_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("chronology_entries.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    machine: Mapped[bool] = mapped_column(Boolean, default=True)


class EntryConflict(Base):
    """Two entries that look like one event dated apart by different sources (found on writing)."""

    __tablename__ = "entry_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_a: Mapped[int] = mapped_column(ForeignKey("chronology_entries.id", ondelete="CASCADE"), index=True)
    entry_b: Mapped[int] = mapped_column(ForeignKey("chronology_entries.id", ondelete="CASCADE"), index=True)

    __table_args__ = (UniqueConstraint("entry_a", "entry_b", name="uq_entry_conflict"),)


class ConflictResolution(Base):
    """Two entries a person has looked at and marked as not (or no longer) in conflict."""

    __tablename__ = "conflict_resolutions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_a: Mapped[str] = mapped_column(String(40))
    key_b: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(String(2000), default="")
    resolved_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (UniqueConstraint("key_a", "key_b", name="uq_conflict_pair"),)


class Annotation(Base):
    """A highlight with a note, anchored in a document's text.

    The anchor is the character offsets in the document's text, the quoted words, and about 32
    characters either side; re-extracting the text re-anchors by them. An annotation that cannot
    be placed again is kept as an orphan (start and end are null), never dropped.
    """

    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(200), default="")
    colour: Mapped[str] = mapped_column(String(16), default="yellow")
    note: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[str] = mapped_column(String(32))
    changed_at: Mapped[str] = mapped_column(String(32))
    # re-filing moved it onto different words: the user should check it
    needs_check: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class AnnotationTag(Base):
    __tablename__ = "annotation_tags"

    annotation_id: Mapped[int] = mapped_column(ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


class DocumentReview(Base):
    """A document someone has marked reviewed (no row: not reviewed)."""

    __tablename__ = "document_reviews"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    reviewed_by: Mapped[str] = mapped_column(String(200))
    reviewed_at: Mapped[str] = mapped_column(String(32))


class BriefingDraft(Base):
    """The options, summary and key messages of the last briefing set up, so the next starts from them."""

    __tablename__ = "briefing_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    options: Mapped[str] = mapped_column(Text)  # JSON of the dialog's fields
    saved_at: Mapped[str] = mapped_column(String(32))


class BriefingExport(Base):
    """One briefing exported: what "changes since the last briefing" counts from."""

    __tablename__ = "briefing_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exported_at: Mapped[str] = mapped_column(String(32), index=True)
    as_at: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(500))
    reference: Mapped[str] = mapped_column(String(200), default="")
    file_name: Mapped[str] = mapped_column(String(512))
    sha256: Mapped[str] = mapped_column(String(64))
    options: Mapped[str] = mapped_column(Text)


class AuditRecord(Base):
    """One change to one row: written by triggers (see dossier.db.audit), never changed afterwards."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    who: Mapped[str] = mapped_column(String(200))
    table_name: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(8))
    row_id: Mapped[int | None] = mapped_column(Integer)
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action_id: Mapped[int | None] = mapped_column(Integer, index=True)
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
