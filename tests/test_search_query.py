"""The search query language: what a query means, read forgivingly; plain messages for the rest."""

from __future__ import annotations

import pytest

from dossier.db.search import any_of, fts_compilable, fts_expression
from dossier.domain.errors import DossierError
from dossier.domain.query import (
    HIT_END,
    HIT_START,
    MAX_DEPTH,
    MAX_TERMS,
    And,
    Field,
    Not,
    Or,
    QueryError,
    Term,
    parse,
    positive_terms,
    split_marked,
)


def root(text: str):
    return parse(text).root


@pytest.mark.parametrize(("text", "expected"), [
    ("inspection", Term("inspection")),
    ("Inspection of progress", And((Term("Inspection"), Term("of"), Term("progress")))),
    ('"inspection of progress"', Term("inspection of progress", phrase=True)),
    ("regul*", Term("regul", prefix=True)),
    ('"pay rise"*', Term("pay rise", phrase=True, prefix=True)),
    ("a AND b", And((Term("a"), Term("b")))),
    ("a OR b", Or((Term("a"), Term("b")))),
    ("a OR b OR (c OR d)", Or((Term("a"), Term("b"), Term("c"), Term("d")))),
    ("a b OR c", Or((And((Term("a"), Term("b"))), Term("c")))),
    ("a (b OR c)", And((Term("a"), Or((Term("b"), Term("c")))))),
    ("a NOT b", And((Term("a"), Not(Term("b"))))),
    ("NOT b", Not(Term("b"))),
    ("-draft budget", And((Not(Term("draft")), Term("budget")))),
    ("-(a OR b) c", And((Not(Or((Term("a"), Term("b")))), Term("c")))),
    ("NOT NOT x", Term("x")),
    ("well-known e-mail", And((Term("well-known"), Term("e-mail")))),
    ("and or not", And((Term("and"), Term("or"), Term("not")))),  # only upper case are operators
    ("foo:bar", Term("foo:bar")),  # not a filter: plain text
])
def test_words_phrases_prefixes_and_operators(text, expected) -> None:
    assert root(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("from:Smith", Field("from", "Smith")),
    ('from:"Le Grand"', Field("from", "Le Grand")),
    ("FROM:smith", Field("from", "smith")),
    ("to:Bore", Field("to", "Bore")),
    ("from:Timp*", Field("from", "Timp", prefix=True)),
    ('tag:"unidentified risk"', Field("tag", "unidentified risk")),
    ("kind:letter", Field("kind", "letter")),
    ("kind:Letters", Field("kind", "letter")),
    ("kind:art", Field("kind", "article")),
    ("after:2014-01", Field("after", "2014-01")),
    ("after:2014", Field("after", "2014")),
    ("before:2014-6-30", Field("before", "2014-06-30")),
    ("reviewed:no", Field("reviewed", "no")),
    ("reviewed:Yes", Field("reviewed", "yes")),
    ("has:notes", Field("has", "notes")),
    ("has:annotation", Field("has", "annotations")),
])
def test_filters(text, expected) -> None:
    assert root(text) == expected


def test_the_issues_queries() -> None:
    assert root('"inspection of progress"') == Term("inspection of progress", phrase=True)
    assert root("from:Timpson after:2014-05") == And((Field("from", "Timpson"), Field("after", "2014-05")))


def test_filters_mix_with_words_and_operators() -> None:
    assert root("budget -from:Smith (tag:funding OR kind:report)") == And((
        Term("budget"), Not(Field("from", "Smith")), Or((Field("tag", "funding"), Field("kind", "report")))))


@pytest.mark.parametrize(("text", "expected"), [
    ('"unclosed phrase', Term("unclosed phrase", phrase=True)),
    ('"unclosed OR phrase', Term("unclosed OR phrase", phrase=True)),  # operators are words inside quotes
    ("a OR", Term("a")),
    ("OR a", Term("a")),
    ("a NOT", Term("a")),
    ("a AND AND b", And((Term("a"), Term("b")))),
    ("AND a", Term("a")),
    ("(a b", And((Term("a"), Term("b")))),
    ("a)) b", And((Term("a"), Term("b")))),
    ("a () b", And((Term("a"), Term("b")))),
    ('a "" b', And((Term("a"), Term("b")))),
    ("a -— b", And((Term("a"), Term("b")))),  # punctuation alone is not a word
    ("a * b", And((Term("a"), Term("b")))),
    ("from: Timpson", Term("Timpson")),  # an empty filter is dropped
    ('from:"Le Grand', Field("from", "Le Grand")),
])
def test_forgiving(text, expected) -> None:
    assert root(text) == expected


@pytest.mark.parametrize(("text", "words"), [
    ("", "Nothing to search for"),
    ("   ", "Nothing to search for"),
    ("AND OR NOT", "Nothing to search for"),
    ("()", "Nothing to search for"),
    ('"', "Nothing to search for"),
    ("— * ...", "Nothing to search for"),
    ("kind:blah", "kind:blah is not a kind of document"),
    ("after:2014-13", "after: needs a date"),
    ("before:yesterday", "before: needs a date"),
    ("after:2014-02-30", "after: needs a date"),
    ("reviewed:maybe", "reviewed:maybe is not understood"),
    ("has:coffee", "has:coffee is not understood"),
])
def test_unusable_queries_get_a_plain_one_line_message(text, words) -> None:
    with pytest.raises(QueryError) as info:
        parse(text)
    assert words in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, DossierError)


def test_limits_give_a_message_not_a_crash() -> None:
    with pytest.raises(QueryError, match="too long"):
        parse(" ".join(f"w{i}" for i in range(MAX_TERMS + 1)))
    with pytest.raises(QueryError, match="nests too deeply"):
        parse("(" * (MAX_DEPTH + 1) + "a")
    assert root("(" * MAX_DEPTH + "a") == Term("a")
    assert root("NOT " * 500 + "a") == Term("a")
    assert root("NOT " * 501 + "a") == Not(Term("a"))


def test_str_round_trips_the_meaning() -> None:
    for text in ('a "b c"* (d OR -e) from:"Le Grand" kind:letter', "NOT x y", "a OR b c"):
        assert parse(str(parse(text))).root == root(text)


def test_positive_terms_are_what_to_highlight() -> None:
    terms = list(positive_terms(root('budget -draft (plan* OR "pay rise") from:Smith NOT (x y)')))
    assert terms == [Term("budget"), Term("plan", prefix=True), Term("pay rise", phrase=True)]


# -- the FTS5 expression (dossier.db.search) -----------------------------------------------------

def test_every_word_is_quoted_so_nothing_typed_is_fts_syntax() -> None:
    assert fts_expression(root('NEAR(a b) title:x "say ""hi"""')) == \
        '("NEAR") AND ("a") AND ("b") AND ("title:x") AND ("say") AND ("hi")'
    assert fts_expression(Term('he said "no"', phrase=True)) == '"he said ""no"""'
    assert fts_expression(root("^start col:* {a b}")) == '("^start") AND ("col:"*) AND ("{a") AND ("b}")'
    assert fts_expression(root("regul*")) == '"regul"*'


def test_not_becomes_fts5s_binary_not() -> None:
    assert fts_expression(root("a b -c NOT d")) == '(("a") AND ("b")) NOT (("c") OR ("d"))'
    assert fts_expression(root("(a NOT b) OR c")) == '((("a")) NOT (("b"))) OR ("c")'
    assert fts_compilable(root("a -b"))
    assert not fts_compilable(root("NOT b"))  # a NOT standing alone is done in SQL
    assert not fts_compilable(root("a OR NOT b"))
    assert not fts_compilable(root("a from:x"))


def test_any_of_joins_the_words_to_highlight() -> None:
    assert any_of(positive_terms(root("a -b c*"))) == '"a" OR "c"*'
    assert any_of(positive_terms(root("NOT b"))) is None


def test_split_marked_gives_plain_text_and_spans() -> None:
    text = f"one {HIT_START}two{HIT_END} three {HIT_START}four five{HIT_END}"
    plain, spans = split_marked(text)
    assert plain == "one two three four five"
    assert [plain[a:b] for a, b in spans] == ["two", "four five"]
    assert split_marked("plain") == ("plain", ())
