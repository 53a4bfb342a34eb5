"""Web pages (.html, .htm) saved from a browser, and HTML email bodies, through the standard library.

A news item saved as a page holds much besides the article: scripts and styles, the site's
navigation, banner and footer, side panels, forms. Those are dropped; headings, paragraphs, list
items and table rows become paragraphs and lines of the text. A page's header and footer are
dropped only outside its <article> or <main> (inside them they hold the headline and the byline).
Nothing remote is ever fetched: images, frames and links are never followed.

The title is the page's og:title, else its <title>. The date is the first of the meta tags that
record publication (article:published_time, date, DC.date, datePublished ...), as written, but an
ISO 8601 time ("2031-05-14T09:30:00+01:00") is given as an RFC 2822 date so that it reads like an
email's Date header, in its own time zone.

The bytes are decoded by their byte-order mark, else the charset the page declares, else UTF-8,
else Windows-1252.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import format_datetime
from html.parser import HTMLParser

from dossier.domain.records import Extracted
from dossier.ingest.base import ReadError
from dossier.ingest.normalise import normalise_text
from dossier.ingest.text import decode_lenient, looks_binary

MEDIA_TYPE = "text/html"

_WHITESPACE = re.compile(r"\s+")
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "dcterms.date", "dc.date.issued",
              "dcterms.issued", "dcterms.created", "publish-date", "publishdate", "pubdate", "og:published_time",
              "sailthru.date", "parsely-pub-date")
_TITLE_META = ("og:title", "twitter:title", "dc.title", "dcterms.title")


def read_html(data: bytes) -> Extracted:
    page = decode_html(data)
    if looks_binary(page):
        raise ReadError("not an HTML page (binary content)")
    parser = _HtmlText()
    parser.feed(page)
    parser.close()
    text, paragraphs = normalise_text(parser.text())
    return Extracted(text=text, paragraphs=paragraphs, media_type=MEDIA_TYPE, title=parser.title(),
                     date=parser.date())


def html_to_text(html: str) -> str:
    """Text of an HTML body: blocks on their own lines, blockquotes as "> " lines, no scripts."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.text()


def decode_html(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return decode_lenient(data, encoding)
    declared = _DECLARED.search(data[:4096])
    return decode_lenient(data, declared.group(1).decode("ascii") if declared else None)


def rfc2822(value: str) -> str:
    """An ISO 8601 date-time as an RFC 2822 date in its own time zone; anything else as it was."""
    text = " ".join(value.split())
    if "T" not in text:
        return text
    try:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return text
    return format_datetime(stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC))


class _HtmlText(HTMLParser):
    _SKIP = frozenset({"script", "style", "title", "template", "noscript", "head", "nav", "aside", "form",
                       "button", "select", "svg", "iframe", "object", "canvas", "dialog", "menu"})
    _FURNITURE = frozenset({"header", "footer"})  # skipped outside <article> and <main>
    _CONTENT = frozenset({"article", "main"})
    _PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre", "hr",
                            "blockquote", "dl", "address", "section", "article", "header", "footer",
                            "main", "figure", "figcaption"})
    _LINE = frozenset({"br", "div", "tr", "li", "dt", "dd"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._line: list[str] = []
        self._skip: list[str] = []  # the skipped elements open around the parser, innermost last
        self._content = 0  # <article> and <main> elements open
        self._quote = 0
        self._cells = 0  # cells so far in the current table row
        self._meta: dict[str, str] = {}
        self._title: list[str] = []
        self._in_title = False

    def parse_html_declaration(self, i: int) -> int:
        """As the standard parser does, but a malformed "<![" is skipped to its ">" as browsers do
        (Python 3.11's parser raises AssertionError on it)."""
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            end = self.rawdata.find(">", i + 2)
            return -1 if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._read_meta(attrs)
            return
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP or (tag in self._FURNITURE and not self._content):
            self._skip.append(tag)
        elif tag == "body":
            self._skip.clear()  # a <head> left open ends here
        elif self._skip:
            return
        elif tag in ("td", "th"):
            if self._cells:
                self._line.append(" | ")
            self._cells += 1
        else:
            self._block(tag)
            if tag in self._CONTENT:
                self._content += 1
            if tag == "li":
                self._line.append("• ")
            elif tag == "blockquote":
                self._quote += 1
        if tag in ("time", "span", "div", "p") and not self._skip:
            self._read_itemprop(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "br":  # <br/> arrives as a start and an end tag: one line break
            return
        if self._skip:
            if tag in self._skip:  # close it, and anything left open inside it
                del self._skip[len(self._skip) - 1 - self._skip[::-1].index(tag):]
            return
        if tag not in ("td", "th"):
            self._block(tag)
            if tag in self._CONTENT:
                self._content = max(0, self._content - 1)
            if tag == "blockquote":
                self._quote = max(0, self._quote - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if not self._skip:
            self._line.append(_WHITESPACE.sub(" ", data))

    def text(self) -> str:
        self._flush()
        return "\n".join(self._lines)

    def title(self) -> str | None:
        found = next((self._meta[name] for name in _TITLE_META if self._meta.get(name)), "".join(self._title))
        return " ".join(found.split()) or None

    def date(self) -> str | None:
        found = next((self._meta[name] for name in _DATE_META if self._meta.get(name)), None)
        return rfc2822(found) if found else None

    def _read_meta(self, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        name = (values.get("property") or values.get("name") or values.get("itemprop") or "").strip().lower()
        content = (values.get("content") or "").strip()
        if name and content and name not in self._meta:
            self._meta[name] = content

    def _read_itemprop(self, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if (values.get("itemprop") or "").lower() == "datepublished":
            content = (values.get("datetime") or values.get("content") or "").strip()
            if content:
                self._meta.setdefault("datepublished", content)

    def _block(self, tag: str) -> None:
        if tag in self._PARAGRAPH:
            self._flush()
            if self._lines and self._lines[-1]:
                self._lines.append("")
        elif tag in self._LINE:
            self._flush(keep_empty=tag == "br")
        if tag == "tr":
            self._cells = 0

    def _flush(self, *, keep_empty: bool = False) -> None:
        line = " ".join("".join(self._line).split())
        self._line = []
        if line:
            self._lines.append(("> " if self._quote else "") + line)
        elif keep_empty:
            self._lines.append("")
