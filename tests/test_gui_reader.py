"""The reader pane: verbatim text, paragraph numbers, page markers, quoted paragraphs, the header."""

from __future__ import annotations

from PySide6.QtGui import QColor

from dossier.domain.dates import PartialDate
from dossier.domain.records import (
    DocumentDetail,
    DocumentKind,
    DocumentMetadata,
    DocumentRow,
    DocumentStatus,
    ParagraphSpan,
)
from dossier.ui.style import theme
from dossier.ui.views.paragraph_text import OffsetMap, ParagraphTextEdit
from dossier.ui.views.reader import ReaderView

TEXT = "First paragraph.\n\nSecond one,\non two lines.\n\n> quoted from before\n\nOn page two."


def spans() -> tuple[ParagraphSpan, ...]:
    out, start = [], 0
    for n, part in enumerate(TEXT.split("\n\n"), start=1):
        out.append(ParagraphSpan(n, start, start + len(part), page=1 if n < 4 else 2, quoted=n == 3))
        start += len(part) + 2
    return tuple(out)


def detail(status: DocumentStatus = DocumentStatus.OK) -> DocumentDetail:
    date = PartialDate.of(2014, 3, 27, text="27 March 2014")
    meta = DocumentMetadata(kind=DocumentKind.LETTER, date=date, title="Appointment of a Commissioner",
                            marking="OFFICIAL", sender="Edwin Thorley", recipients=("Alfred Bourne",),
                            cc=("Bridget Jolliffe", "Petra Hale"))
    row = DocumentRow(id=7, file_name="letter.pdf", kind=meta.kind, date=date, title=meta.title,
                      sender=meta.sender, recipients=meta.recipients, cc=meta.cc, status=status, page_count=2,
                      sha256="0" * 64, filed_at="2024-01-01T00:00:00+00:00")
    return DocumentDetail(row=row, metadata=meta, media_type="application/pdf", reference=None,
                          marking="OFFICIAL", text=TEXT, paragraphs=spans(), user_set=frozenset({"title"}))


def test_text_goes_in_verbatim_with_numbers_and_pages(qtbot) -> None:
    view = ParagraphTextEdit()
    qtbot.addWidget(view)
    view.set_document(TEXT, spans())
    assert view.toPlainText() == TEXT
    doc = view.document()
    labels = {b: view.paragraph_label(b) for b in range(doc.blockCount()) if view.paragraph_label(b)}
    # blocks: 0 First | 1 "" | 2 Second one, | 3 on two lines. | 4 "" | 5 > quoted | 6 "" | 7 On page two.
    assert labels == {0: "¶1", 2: "¶2", 5: "¶3", 7: "¶4"}
    assert view.page_label(0) == "p.1"
    assert view.page_label(2) is None
    assert view.page_label(7) == "p.2"
    selected = view.cursor_for(spans()[1].start, spans()[1].end).selectedText()
    assert selected == "Second one,\u2029on two lines."


def test_quoted_paragraphs_are_muted(qtbot) -> None:
    view = ParagraphTextEdit()
    qtbot.addWidget(view)
    view.set_document(TEXT, spans())
    quoted = spans()[2]
    inside = view.document().findBlock(quoted.start + 3)
    fmt = inside.begin().fragment().charFormat()
    assert fmt.foreground().color() == QColor(theme.QUOTED)
    plain = view.document().findBlock(0).begin().fragment().charFormat()
    assert plain.foreground().color() != QColor(theme.QUOTED)


def test_offsets_count_code_points_not_utf16() -> None:
    text = "a😀b😀c"
    offsets = OffsetMap(text)
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [offsets.from_qt(offsets.to_qt(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_cursor_for_selects_after_astral_characters(qtbot) -> None:
    view = ParagraphTextEdit()
    qtbot.addWidget(view)
    text = "Smile 😀 please.\n\nNext paragraph."
    view.set_document(text, (ParagraphSpan(1, 0, 16), ParagraphSpan(2, 18, 33)))
    start = text.index("please")
    assert view.cursor_for(start, start + len("please")).selectedText() == "please"


def test_header_shows_title_parties_and_marking(qtbot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_document(detail())
    header = reader.header
    assert header.title.text() == "Appointment of a Commissioner"
    assert header.values["Date"].text() == "27 Mar 2014"
    assert header.values["From"].text() == "Edwin Thorley"
    assert header.values["To"].text() == "Alfred Bourne"
    assert header.values["Cc"].text() == "Bridget Jolliffe, Petra Hale"
    assert header.marking.text() == "OFFICIAL"
    assert header.subtitle.text() == "Letter  ·  D7  ·  2 pages"
    assert header.notice.isHidden()
    assert reader.text.toPlainText() == TEXT


def test_needs_ocr_notice(qtbot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_document(detail(DocumentStatus.NO_TEXT_LAYER))
    assert not reader.header.notice.isHidden()
    assert "needs OCR" in reader.header.notice.text()
    reader.show_document(None)
    assert reader.currentIndex() == 0
