"""Mentions of actors in the reader: a soft background per kind of actor, and a tooltip on hover.

The highlights are ExtraSelections over the verbatim text, placed with the reader's OffsetMap
(through `cursor_for`), so they never change the document itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Protocol

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from dossier.domain.findings import ActorKind
from dossier.domain.register import DocumentMention
from dossier.ui.style import theme


class HighlightTarget(Protocol):
    """What the layer draws on: the reader's text view (`ParagraphTextEdit`), named here by what it does
    so that the view can hold a layer without the two modules importing each other."""

    def set_highlight_layer(self, name: str, selections: Sequence[QTextEdit.ExtraSelection]) -> None: ...

    def cursor_for(self, start: int, end: int) -> QTextCursor: ...

KIND_LABEL = {ActorKind.PERSON: "Person", ActorKind.ORGANISATION: "Organisation"}


def kind_colours(kind: ActorKind) -> tuple[QColor, QColor]:
    """(background, line) for a kind of actor."""
    if kind is ActorKind.ORGANISATION:
        return theme.ORGANISATION_BG, theme.ORGANISATION_LINE
    return theme.PERSON_BG, theme.PERSON_LINE


def mention_format(kind: ActorKind) -> QTextCharFormat:
    background, line = kind_colours(kind)
    fmt = QTextCharFormat()
    fmt.setBackground(background)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(line)
    return fmt


class MentionLayer:
    """The mentions shown over one document, and what to say about each on hover."""

    def __init__(self, edit: HighlightTarget) -> None:
        self._edit = edit
        self._mentions: list[DocumentMention] = []
        self._posts: dict[int, tuple[str, ...]] = {}

    @property
    def mentions(self) -> list[DocumentMention]:
        return list(self._mentions)

    def clear(self) -> None:
        self._mentions, self._posts = [], {}
        self._edit.set_highlight_layer("mentions", [])

    def set_mentions(self, mentions: Sequence[DocumentMention],
                     posts: Mapping[int, tuple[str, ...]] | None = None) -> None:
        self._mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._posts = dict(posts or {})
        selections = []
        for m in self._mentions:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._edit.cursor_for(m.start, m.end)
            selection.format = mention_format(m.actor_kind)
            selections.append(selection)
        self._edit.set_highlight_layer("mentions", selections)

    def at(self, offset: int) -> DocumentMention | None:
        """The (innermost) mention covering a text offset."""
        hits = [m for m in self._mentions if m.start <= offset < m.end]
        return min(hits, key=lambda m: m.end - m.start) if hits else None

    def tooltip(self, mention: DocumentMention) -> str:
        lines = [f"<b>{escape(mention.actor_name)}</b>",
                 f"<span style='color:{theme.MUTED.name()}'>{KIND_LABEL[mention.actor_kind]}</span>"]
        posts = self._posts.get(mention.actor_id, ())
        if posts:
            lines.append(escape(", ".join(posts)))
        return "<br>".join(lines)
