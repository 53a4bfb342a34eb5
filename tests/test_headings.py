"""A document's heading: its title, else built from kind, parties and date; never a file name."""

from __future__ import annotations

from dossier.domain.dates import PartialDate
from dossier.domain.headings import built_heading, document_heading, is_file_name
from dossier.domain.records import DocumentKind

MARCH_3 = PartialDate.of(2019, 3, 3, text="3 March 2019")


def test_a_letter_from_and_to() -> None:
    assert document_heading(DocumentKind.LETTER, sender="Ann Roe", recipients=("Sam Doe",), date=MARCH_3) \
        == "Letter from Ann Roe to Sam Doe, 3 Mar 2019"


def test_two_and_more_recipients() -> None:
    assert built_heading(DocumentKind.LETTER, sender="Ann Roe", recipients=("Sam Doe", "Kit Lee"), date=MARCH_3) \
        == "Letter from Ann Roe to Sam Doe and Kit Lee, 3 Mar 2019"
    assert built_heading(DocumentKind.EMAIL, sender="Ann Roe", recipients=("Sam Doe", "Kit Lee", "Jo Hale"),
                         date=MARCH_3) == "Email from Ann Roe to Sam Doe and others, 3 Mar 2019"


def test_undated_and_partly_known() -> None:
    assert document_heading(DocumentKind.LETTER, sender="Ann Roe") == "Letter from Ann Roe, undated"
    assert document_heading(DocumentKind.LETTER, recipients=("Sam Doe",), date=MARCH_3) \
        == "Letter to Sam Doe, 3 Mar 2019"
    assert document_heading(DocumentKind.ARTICLE, date=MARCH_3) == "Article, 3 Mar 2019"
    assert document_heading(DocumentKind.ARTICLE, sender="Kit Lee", recipients=("Sam Doe",), date=MARCH_3) \
        == "Article by Kit Lee, 3 Mar 2019"
    assert document_heading(DocumentKind.MINUTES, sender="the Transport Board", date=MARCH_3) \
        == "Minutes of the Transport Board, 3 Mar 2019"


def test_nothing_known_gives_the_kind_and_the_number() -> None:
    assert document_heading(DocumentKind.LETTER, number=12) == "Letter, undated (D12)"
    assert document_heading(DocumentKind.OTHER, number=3) == "Document, undated (D3)"


def test_a_title_is_the_heading() -> None:
    assert document_heading(DocumentKind.LETTER, title="School transport review", sender="Ann Roe",
                            date=MARCH_3) == "School transport review"


def test_a_minutes_heading_without_its_day_gets_the_date() -> None:
    assert document_heading(DocumentKind.MINUTES, title="Minutes of the Transport Board", date=MARCH_3) \
        == "Minutes of the Transport Board, 3 Mar 2019"
    assert document_heading(DocumentKind.MINUTES, title="Minutes of the Transport Board held on 3 March 2019",
                            date=MARCH_3) == "Minutes of the Transport Board held on 3 March 2019"


def test_a_file_name_is_never_the_heading() -> None:
    for name in ("000_79d4facf50142c17.txt", "letter to council.docx", "Microsoft Word - draft.doc",
                 "3f9a0c1d2e4b5a6c"):
        assert is_file_name(name)
        assert document_heading(DocumentKind.LETTER, title=name, sender="Ann Roe", date=MARCH_3) \
            == "Letter from Ann Roe, 3 Mar 2019"
    for title in ("School transport review", "Minutes of the Transport Board", "Decided: a new depot"):
        assert not is_file_name(title)
