"""The search query language, parsed into a small tree. Pure: no SQL, no Qt.

    inspection "exact phrase" regul* (budget OR funding) NOT draft -withdrawn
    from:Smith to:"Le Grand" kind:letter tag:funding after:2014-01 before:2014-06-30 reviewed:no has:notes

Words next to each other must all match (AND); OR, NOT and parentheses combine them; `-word` is
`NOT word`. Only upper-case AND, OR and NOT are operators, so "and" is an ordinary word.

The parser is forgiving: an unclosed quote or parenthesis is closed at the end, a lone or trailing
operator is dropped, empty parentheses are ignored and a stray ")" is skipped. What cannot be
read at all (nothing to search for, an unknown kind, a date that is not a date) raises QueryError,
whose message is one plain line.

Search results carry snippets with the matched words between HIT_START and HIT_END.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dossier.domain.dates import PartialDate
from dossier.domain.errors import DossierError
from dossier.domain.records import DocumentKind

DEFAULT_LIMIT = 200  # hits a search returns unless asked for more

HIT_START = "\x02"
HIT_END = "\x03"

MAX_TERMS = 64  # words, phrases and filters in one query
MAX_DEPTH = 16  # nested parentheses and NOTs

TEXT_FIELDS = ("from", "to", "tag")
FIELDS = (*TEXT_FIELDS, "kind", "after", "before", "reviewed", "has")
HAS_VALUES = ("notes", "annotations")
_YES = ("yes", "y", "true", "1")
_NO = ("no", "n", "false", "0")
_DATE = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")


class QueryError(DossierError):
    """A query that cannot be read. The message says why, in one line."""


# -- the tree ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Term:
    """A word, or an exact phrase (several words in a row); `prefix`: its last word may go on."""

    text: str
    phrase: bool = False
    prefix: bool = False

    def __str__(self) -> str:
        quoted = f'"{self.text}"' if self.phrase else self.text
        return quoted + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class Field:
    """A filter on the document: `name` is one of FIELDS, `value` is normalised.

    from/to/tag: the text as typed (`prefix` when it ended with "*"); kind: a DocumentKind value;
    after/before: an ISO partial date ("2014", "2014-05", "2014-05-23"); reviewed: "yes" or "no";
    has: one of HAS_VALUES.
    """

    name: str
    value: str
    prefix: bool = False

    def __str__(self) -> str:
        value = f'"{self.value}"' if " " in self.value else self.value
        return f"{self.name}:{value}{'*' if self.prefix else ''}"


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]

    def __str__(self) -> str:
        return " ".join(_wrap(i) for i in self.items)


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]

    def __str__(self) -> str:
        return " OR ".join(_wrap(i) for i in self.items)


@dataclass(frozen=True, slots=True)
class Not:
    item: Node

    def __str__(self) -> str:
        return f"NOT {_wrap(self.item)}"


Node = Term | Field | And | Or | Not


def _wrap(node: Node) -> str:
    return f"({node})" if isinstance(node, And | Or) else str(node)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: the text as typed and its tree (never None: an empty query raises)."""

    text: str
    root: Node

    def __str__(self) -> str:
        return str(self.root)


# -- walking the tree --------------------------------------------------------------------------

def conjuncts(node: Node) -> tuple[Node, ...]:
    """The parts that must all hold: the items of a top-level AND, else the node itself."""
    return node.items if isinstance(node, And) else (node,)


def has_fields(node: Node) -> bool:
    if isinstance(node, Field):
        return True
    if isinstance(node, Term):
        return False
    if isinstance(node, Not):
        return has_fields(node.item)
    return any(has_fields(i) for i in node.items)


def positive_terms(node: Node) -> Iterator[Term]:
    """The words and phrases the results are about (not those under a NOT): what to highlight."""
    if isinstance(node, Term):
        yield node
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from positive_terms(item)


def fields(node: Node) -> Iterator[Field]:
    if isinstance(node, Field):
        yield node
    elif isinstance(node, Not):
        yield from fields(node.item)
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from fields(item)


def searchable(text: str) -> bool:
    """Whether text holds anything the full-text index can match (a letter or a digit)."""
    return any(ch.isalnum() for ch in text)


# -- reading -----------------------------------------------------------------------------------

_LPAREN, _RPAREN, _AND, _OR, _NOT, _LEAF = "(", ")", "AND", "OR", "NOT", "leaf"
_OPERATORS = {"AND": _AND, "OR": _OR, "NOT": _NOT, "&&": _AND, "||": _OR}
_BREAKS = '()"'  # a word runs up to one of these or a space (a "-" inside a word stays)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    leaf: Term | Field | None = None


def _read_quoted(text: str, i: int) -> tuple[str, int, bool]:
    """From just after an opening quote: (the words, index after the closing quote, closed?)."""
    end = text.find('"', i)
    if end < 0:  # an unclosed quote runs to the end
        return text[i:], len(text), False
    return text[i:end], end + 1, True


def _spaces(text: str) -> str:
    return " ".join(text.split())


def _field(name: str, raw: str, quoted: bool) -> Field | None:
    """A filter from its name and the value as typed; None when the value is empty (dropped)."""
    value = _spaces(raw)
    prefix = False
    if not quoted and value.endswith("*"):
        value, prefix = value.rstrip("*").strip(), True
    if not value:
        return None
    if name in TEXT_FIELDS:
        return Field(name, value, prefix)
    lowered = value.casefold()
    if name == "kind":
        kinds = [k.value for k in DocumentKind]
        if lowered in kinds:
            return Field(name, lowered)
        found = [k for k in kinds if k.startswith(lowered) or lowered.rstrip("s") == k]
        if len(found) == 1:
            return Field(name, found[0])
        raise QueryError(f"kind:{value} is not a kind of document; use one of {', '.join(kinds)}.")
    if name in ("after", "before"):
        return Field(name, _iso_date(name, value))
    if name == "reviewed":
        if lowered in _YES:
            return Field(name, "yes")
        if lowered in _NO:
            return Field(name, "no")
        raise QueryError(f"reviewed:{value} is not understood; use reviewed:yes or reviewed:no.")
    if name == "has":
        if lowered in ("note", "notes"):
            return Field(name, "notes")
        if lowered in ("annotation", "annotations", "highlight", "highlights"):
            return Field(name, "annotations")
        raise QueryError(f"has:{value} is not understood; use has:notes or has:annotations.")
    raise AssertionError(name)


def _iso_date(name: str, value: str) -> str:
    hint = f"{name}: needs a date written like 2014, 2014-05 or 2014-05-23 (not {value!r})."
    if not _DATE.match(value):
        raise QueryError(hint)
    parts = value.split("-")
    iso = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
    try:
        date = PartialDate.parse_iso(iso)
    except ValueError:
        raise QueryError(hint) from None
    try:
        date.earliest(), date.latest()  # year 0 parses but is no day of the calendar
    except ValueError:
        raise QueryError(f"{name}:{value} is not a valid date; write it like 2014, 2014-05 or 2014-05-23.") from None
    return date.value


def _tokens(text: str) -> Iterator[_Token]:
    n = len(text)
    negate = False  # a "-" just before a word, phrase, filter or "(": NOT it
    for token, i in _raw_tokens(text):
        if token is None:  # whitespace
            negate = False
        elif token.kind == "-":
            negate = i < n and not text[i].isspace()
        else:
            if negate and token.kind in (_LEAF, _LPAREN):
                yield _Token(_NOT)
            negate = False
            yield token


def _raw_tokens(text: str) -> Iterator[tuple[_Token | None, int]]:
    """(token, index after it); None for a run of whitespace."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            while i < n and text[i].isspace():
                i += 1
            yield None, i
        elif ch in "()":
            i += 1
            yield _Token(_LPAREN if ch == "(" else _RPAREN), i
        elif ch == "-":
            i += 1
            yield _Token("-"), i
        elif ch == '"':
            words, i, closed = _read_quoted(text, i + 1)
            prefix = closed and i < n and text[i] == "*"
            while i < n and text[i] == "*":
                i += 1
            words = _spaces(words)
            if searchable(words):
                yield _Token(_LEAF, Term(words, phrase=True, prefix=prefix)), i
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in _BREAKS:
                i += 1
            word = text[start:i]
            name, colon, rest = word.partition(":")
            if colon and name.casefold() in FIELDS:
                quoted = not rest and i < n and text[i] == '"'
                if quoted:
                    rest, i, _closed = _read_quoted(text, i + 1)
                leaf = _field(name.casefold(), rest, quoted)
                if leaf is not None:
                    yield _Token(_LEAF, leaf), i
            elif word in _OPERATORS:
                yield _Token(_OPERATORS[word]), i
            else:
                for token in _word(word):
                    yield token, i


def _word(word: str) -> Iterator[_Token]:
    prefix = word.endswith("*")
    word = word.rstrip("*")
    if searchable(word):
        yield _Token(_LEAF, Term(word, prefix=prefix))


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.i].kind if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def query(self) -> Node | None:
        parts: list[Node] = []
        while self.peek() is not None:
            node = self.or_()
            if node is not None:
                parts.append(node)
            if self.peek() == _RPAREN:  # a stray ")": skip it and read on
                self.take()
        return _and(parts)

    def or_(self) -> Node | None:
        options: list[Node] = []
        first = self.and_()
        if first is not None:
            options.append(first)
        while self.peek() == _OR:
            self.take()
            nxt = self.and_()
            if nxt is not None:  # "a OR" and "OR a": the lone OR is dropped
                options.append(nxt)
        if not options:
            return None
        if len(options) == 1:
            return options[0]
        flat: list[Node] = []
        for option in options:
            flat.extend(option.items if isinstance(option, Or) else (option,))
        return Or(tuple(dict.fromkeys(flat)))

    def and_(self) -> Node | None:
        parts: list[Node] = []
        while (kind := self.peek()) not in (None, _RPAREN, _OR):
            if kind == _AND:  # AND is what juxtaposition means anyway; a lone one is dropped
                self.take()
                continue
            node = self.unary()
            if node is not None:
                parts.append(node)
        return _and(parts)

    def unary(self) -> Node | None:
        negate = False
        while self.peek() == _NOT:  # NOT NOT x is x (read in a loop: no depth to run out of)
            self.take()
            negate = not negate
        if self.peek() in (None, _RPAREN, _OR, _AND):  # a trailing NOT is dropped
            return None
        inner = self.primary()
        if inner is None or not negate:
            return inner
        return inner.item if isinstance(inner, Not) else Not(inner)

    def primary(self) -> Node | None:
        token = self.take()
        if token.kind == _LEAF:
            return token.leaf
        if token.kind == _LPAREN:
            self._enter()
            try:
                inner = self.or_()
            finally:
                self.depth -= 1
            if self.peek() == _RPAREN:
                self.take()  # an unclosed "(" is closed at the end
            return inner  # "()" gives None: ignored
        raise AssertionError(token.kind)

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(f"The search nests too deeply; use at most {MAX_DEPTH} levels of brackets.")


def _and(parts: list[Node]) -> Node | None:
    flat: list[Node] = []
    for part in parts:
        flat.extend(part.items if isinstance(part, And) else (part,))
    flat = list(dict.fromkeys(flat))
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else And(tuple(flat))


def parse(text: str) -> Query:
    """Read a query. Raises QueryError when nothing in it can be searched for."""
    tokens = list(_tokens(text or ""))
    leaves = sum(t.kind == _LEAF for t in tokens)
    if leaves > MAX_TERMS:
        raise QueryError(f"The search is too long; use at most {MAX_TERMS} words, phrases and filters.")
    root = _Parser(tokens).query()
    if root is None:
        raise QueryError('Nothing to search for: type a word, a "phrase", or a filter such as from:Name.')
    return Query(text=text, root=root)


# -- results -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SearchHit:
    """One document found: `snippet` has the matched words between HIT_START and HIT_END.

    `where` says what matched: "text", "title", "note" (an annotation's quote, note or tags),
    "actor" (the name or an alias of one of its parties or of an actor it mentions), or "filter"
    (a query of filters only; then `score` is 0 and results come in date order).
    """

    document_id: int
    title: str
    file_name: str
    date: PartialDate | None
    snippet: str
    score: float
    where: str
    title_marked: str = ""  # the title with HIT_START/HIT_END around the words the query looks for


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A word of a query that nothing in the dossier holds, and the nearest indexed word."""

    word: str
    suggestion: str


def fold(word: str) -> str:
    """A word as the index compares it: case folded, accents taken off ("Café" -> "cafe")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


_TOKEN = re.compile(r"[^\W_]+")


def mark_terms(text: str, terms: Iterable[Term]) -> str:
    """`text` with HIT_START/HIT_END around every word or phrase of `terms` in it, compared as the
    index compares words (case and accents aside; a prefix term's last word may go on)."""
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    for term in terms:
        words = [fold(w) for w in _TOKEN.findall(term.text)]
        n = len(words)
        if not n:
            continue
        for i in range(len(tokens) - n + 1):
            head = all(tokens[i + k][2] == words[k] for k in range(n - 1))
            last = tokens[i + n - 1][2]
            if head and (last.startswith(words[-1]) if term.prefix else last == words[-1]):
                spans.append((tokens[i][0], tokens[i + n - 1][1]))
    if not spans:
        return text
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:  # overlapping another: already marked
            continue
        out += [text[at:start], HIT_START, text[start:end], HIT_END]
        at = end
    out.append(text[at:])
    return "".join(out)


def split_marked(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Text with HIT_START/HIT_END markers -> (the plain text, the marked spans in it)."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for ch in text:
        if ch == HIT_START:
            start = length
        elif ch == HIT_END:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), tuple(spans)
