"""Text into ReportLab paragraph markup, safely.

Everything that comes from a document or a person (titles, names, quotes, notes, the summary) goes
through `esc`: `<`, `>` and `&` become entities, so "<font>" or "&amp;" in a letter are printed as
written and can never change the briefing's formatting. Characters a PDF cannot show (controls)
are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014\u25aa\u25cf]\s+)(?P<text>.*)$")
_NUMBER = re.compile(r"^\s*(?P<n>\d{1,3})[.)]\s+(?P<text>.*)$")


def clean(text: str | None) -> str:
    """Text without control characters, with Windows and old Mac line ends made plain."""
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def esc(text: str | None) -> str:
    """Plain text made safe for a ReportLab Paragraph (markup characters become entities)."""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_lines(text: str | None) -> str:
    """Like `esc`, keeping line breaks."""
    return "<br/>".join(esc(line) for line in clean(text).split("\n"))


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "para", "bullet" or "number"
    text: str  # plain text (not yet escaped); lines of a paragraph are joined with "\n"
    number: int = 0


def blocks(text: str | None) -> list[Block]:
    """A person's text as paragraphs and list items.

    A blank line ends a paragraph; a line starting with "-", "*" or "•" is a bullet, and one starting
    with "1." or "1)" a numbered point. Other lines that follow each other stay one paragraph, with
    their line breaks kept.
    """
    out: list[Block] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            out.append(Block("para", "\n".join(lines)))
            lines.clear()

    for raw in clean(text).split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet:
            flush()
            out.append(Block("bullet", bullet.group("text")))
        elif number:
            flush()
            out.append(Block("number", number.group("text"), int(number.group("n"))))
        elif out and out[-1].kind != "para" and not lines and raw[:1].isspace():
            # an indented line carries on the list item above it
            prev = out.pop()
            out.append(Block(prev.kind, f"{prev.text}\n{line}", prev.number))
        else:
            lines.append(line)
    flush()
    return out
