"""SQLAlchemy 2 typed models. Portable SQL only: SQLite-specific parts live in `dossier.db.search`."""

from __future__ import annotations

from sqlalchemy import (
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


class Base(DeclarativeBase):
    pass


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
    title: Mapped[str | None] = mapped_column(String(1000))
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
