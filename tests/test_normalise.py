"""Normalisation rules, on snippets that imitate real damaged text layers (tests/ has no seeds)."""

from __future__ import annotations

import timeit

import pytest

from dossier.domain.records import ParagraphSpan
from dossier.ingest import read_document
from dossier.ingest.normalise import (
    Section,
    clean_text,
    fix_mojibake,
    normalise_pages,
    normalise_paragraphs,
    normalise_sections,
    normalise_text,
    tidy_paragraph,
)


def paragraphs(result: tuple[str, tuple[ParagraphSpan, ...]]) -> list[str]:
    """The paragraphs' texts, after checking the spans tile the text exactly."""
    text, spans = result
    texts = [text[span.start:span.end] for span in spans]
    assert "\n\n".join(texts) == text
    assert [span.number for span in spans] == list(range(1, len(spans) + 1))
    assert all(t and t == t.strip() and "\n\n" not in t for t in texts)
    return texts


# A hard-wrapped letter as pdftotext-like extraction gives it: trailing spaces, " " lines between
# paragraphs, and a page break (four empty lines) in the middle of a sentence.
PAGE_BREAK_IN_SENTENCE = (
    "I want that advice to be informed by independent views.  I have therefore asked \n"
    "Julius Le Fevre (Professor of Social Policy at Wessex) to lead a team with Anselm \n"
    "\n\n\n\n"
    "Wray (DCS in Fenwick) and the Chief Social Worker, Isolde Tremayne, to form a \n"
    "clear view on these issues and report back to me and the Secretary of State.  In \n"
    "doing so, I would expect them to involve other leading practitioners. \n"
    " \n"
    "As part of their work, having early access to the report of the proposed LGA peer \n"
    "review of safeguarding as soon as it is provided to you would be helpful. \n"
)


def test_a_page_break_inside_a_sentence_does_not_split_the_paragraph() -> None:
    texts = paragraphs(normalise_text(PAGE_BREAK_IN_SENTENCE))
    assert len(texts) == 2
    assert "to lead a team with Anselm Wray (DCS in Fenwick) and the Chief Social Worker" in texts[0]
    assert texts[0].endswith("other leading practitioners.")
    assert texts[1].startswith("As part of their work, having early access")
    assert "  " not in texts[0] and "\n" not in texts[0]


def test_a_bullet_broken_by_a_blank_line_after_a_title_is_joined() -> None:
    text = (
        "the next key actions I plan to take are:\n\n"
        "- to appoint a Commissioner for Children's Social Care in Elmbridge – Lord\n\n"
        "Norris Warden; and\n\n"
        " to appoint an expert panel comprising Isolde Tremayne and other experts.\n"
    )
    assert paragraphs(normalise_text(text)) == [
        "the next key actions I plan to take are:",
        "• to appoint a Commissioner for Children's Social Care in Elmbridge – Lord Norris Warden; and",
        "to appoint an expert panel comprising Isolde Tremayne and other experts.",
    ]


def test_bullet_items_split_by_a_blank_line_take_their_lower_case_continuation() -> None:
    text = (
        "I have therefore asked Julian, Alan and Isabelle to:  \n          \n"
        "• assess the Council’s plans and the options you are considering for securing \n\n"
        "and sustaining the necessary improvements in services; \n"
        "• consider and test the Council’s assessment of the current situation within \n\n"
        "children’s social care, recent progress and capacity to drive sustainable \n"
        "improvement; and \n\n"
        "• advise me on any DfE action needed to ensure improvement takes place.  \n"
    )
    assert paragraphs(normalise_text(text)) == [
        "I have therefore asked Julian, Alan and Isabelle to:",
        "• assess the Council’s plans and the options you are considering for securing and sustaining "
        "the necessary improvements in services;",
        "• consider and test the Council’s assessment of the current situation within children’s social "
        "care, recent progress and capacity to drive sustainable improvement; and",
        "• advise me on any DfE action needed to ensure improvement takes place.",
    ]


def test_signature_lines_separated_by_blank_lines_stay_separate_paragraphs() -> None:
    text = (
        "I am copying this letter to the following key people in Elmbridge, Councillor \n"
        "Bridget Jolliffe - Lead Member, Marcus Rowe – Chief Executive, Petra Hale – \n"
        "Director for People and Janet Holm – Elmbridge Children Safeguarding Board \n"
        "Chair. \n \n"
        "Edwin Thorley MP  \n\n"
        "Parliamentary Under Secretary of State for Children and Families \n\n"
        "Department for Education\n"
    )
    texts = paragraphs(normalise_text(text))
    assert texts[1:] == [
        "Edwin Thorley MP",
        "Parliamentary Under Secretary of State for Children and Families",
        "Department for Education",
    ]
    assert texts[0].endswith("Elmbridge Children Safeguarding Board Chair.")


def test_address_and_signature_blocks_keep_their_line_breaks() -> None:
    text = (
        "Professor Julius Le Fevre\nDepartment of Social Policy\nOld Building\n"
        "London School of Economics and Political Science\nHoughton Street\nLondon WC2A 2AE\n\n"
        "2 March 2014\n\n"
        "Yours sincerely,\nEdwin Thorley MP\n"
    )
    assert paragraphs(normalise_text(text)) == [
        "Professor Julius Le Fevre\nDepartment of Social Policy\nOld Building\n"
        "London School of Economics and Political Science\nHoughton Street\nLondon WC2A 2AE",
        "2 March 2014",
        "Yours sincerely,\nEdwin Thorley MP",
    ]


@pytest.mark.parametrize("label", ["cc", "cc:", "bcc:", "c.c."])
def test_a_lower_case_copy_list_label_starts_its_own_paragraph_or_line(label: str) -> None:
    """A block that opens lower-case goes on from the line above, but a copy list does not: "cc Ann
    Roe" after the signature was run on to the sender's post."""
    across_a_blank = f"Yours faithfully,\nAl Bee\nLeader of the Council\n\n{label} Ann Roe, Chair\nCy Dee\n"
    assert paragraphs(normalise_text(across_a_blank)) == [
        "Yours faithfully,\nAl Bee\nLeader of the Council", f"{label} Ann Roe, Chair\nCy Dee"]
    next_line = f"Yours faithfully,\nAl Bee\nLeader of the Council\n{label} Ann Roe\n"
    assert paragraphs(normalise_text(next_line)) == [
        f"Yours faithfully,\nAl Bee\nLeader of the Council\n{label} Ann Roe"]


def test_a_salutation_is_a_paragraph_of_its_own() -> None:
    assert paragraphs(normalise_text("Dear Julian,\nI am writing today to thank you.")) == [
        "Dear Julian,",
        "I am writing today to thank you.",
    ]


def test_short_finished_lines_without_blank_lines_are_paragraphs() -> None:
    text = "It follows a turbulent period for the council.\nThorley revealed the news in a letter."
    assert paragraphs(normalise_text(text)) == [
        "It follows a turbulent period for the council.",
        "Thorley revealed the news in a letter.",
    ]


WRAPPED = (
    "I know that you have been clear that the children of Elmbridge and their safety \n"
    "is an absolute priority and that you and your officials are committed to working \n"
    "with these decisions. I am pleased to be able to count on your continued co-\n"
    "operation and engagement. We need to work together to drive the many improve-\n"
    "ments which are vital to give the children and young people of the city a medium-\n"
    "term plan, which the Council sets out in its report with a rather Anglo-\n"
    "Saxon name, and the sums the Council will need for the financial years 2013-\n"
    "14 and beyond, all of it needed. \n"
)


def test_wrapped_lines_are_joined_and_line_end_hyphens_resolved() -> None:
    (text,) = paragraphs(normalise_text(WRAPPED))
    assert text.startswith("I know that you have been clear that the children of Elmbridge and their safety is an")
    assert "continued co-operation and engagement" in text
    assert "the many improvements which are vital" in text
    assert "a medium-term plan," in text
    assert "a rather Anglo-Saxon name," in text
    assert "the financial years 2013-14 and beyond, all of it needed." in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("elsewhere", "expected"),
    [("a report on decision-making", "decision-making"), ("better decisionmaking", "decisionmaking")],
)
def test_the_document_itself_decides_how_a_split_word_is_spelt(elsewhere: str, expected: str) -> None:
    text = f"This paragraph is about {elsewhere} in the council.\n\nIt describes the decision-\nmaking of officers."
    assert paragraphs(normalise_text(text))[1] == f"It describes the {expected} of officers."


def test_bullet_glyphs_become_one_bullet_and_a_lone_glyph_takes_the_next_line() -> None:
    text = "Actions:\n● first action\n▪second action\n\uf0b7 third action\n•\nfourth action.\n* fifth action"
    assert paragraphs(normalise_text(text)) == [
        "Actions:",
        "• first action",
        "• second action",
        "• third action",
        "• fourth action.",
        "• fifth action",
    ]


def test_a_dash_that_only_wrapped_to_a_line_start_is_not_a_bullet() -> None:
    text = "Marcus Rowe\n– Chief Executive\n\n- Work with the Panel."
    assert paragraphs(normalise_text(text)) == ["Marcus Rowe\n– Chief Executive", "• Work with the Panel."]


def test_spaces_line_ends_and_control_characters_are_cleaned_but_quotes_and_scripts_kept() -> None:
    text = "“Quoted”\u00a0 text\t with  tab\x07   \r\nand ‘more’ שלום 👍🏽 \ufb01ne\x00.\r\n"
    assert paragraphs(normalise_text(text)) == ["“Quoted” text\t with tab and ‘more’ שלום 👍🏽 fine."]


def test_clean_text_maps_invisible_and_special_characters() -> None:
    assert clean_text("a\x00b\u00a0c\ud800d\u2029e\x0cf\u200fg\u00ad\nh\u200bi\r\nj\rk") == (
        "ab c\ufffdd\n\ne\nf\u200fghi\nj\nk"
    )


def test_pages_give_each_paragraph_the_page_it_starts_on() -> None:
    pages = [
        "Summary\n\nThe first page ends in the middle of a sentence that",
        "carries on here on the second page.\n\nA new paragraph on page two.",
        "",
        "Page four.",
    ]
    text, spans = normalise_pages(pages)
    assert paragraphs((text, spans)) == [
        "Summary",
        "The first page ends in the middle of a sentence that carries on here on the second page.",
        "A new paragraph on page two.",
        "Page four.",
    ]
    assert [span.page for span in spans] == [1, 1, 2, 4]


def test_quoted_sections_flag_their_paragraphs_and_never_join_own_text() -> None:
    sections = [Section("Thanks, I agree with the"), Section("proposal below.\n\nIt is fine.", quoted=True)]
    text, spans = normalise_sections(sections)
    assert paragraphs((text, spans)) == ["Thanks, I agree with the", "proposal below.", "It is fine."]
    assert [span.quoted for span in spans] == [False, True, True]
    assert [span.page for span in spans] == [None, None, None]


def test_known_paragraphs_are_tidied_but_never_joined() -> None:
    result = normalise_paragraphs(["  First  one ", "", "second\n\n\nline", "– dash item", "\t"])
    assert paragraphs(result) == ["First one", "second\nline", "• dash item"]
    assert tidy_paragraph("●\u00a0item  one ") == "• item one"


def test_empty_and_blank_text_gives_no_paragraphs() -> None:
    assert normalise_text("") == ("", ())
    assert normalise_text(" \n\t\n \r\n") == ("", ())


def test_spans_are_exact_character_offsets() -> None:
    text, spans = normalise_text("One.\n\n\n\nTwo words.\n \nThree")
    assert text == "One.\n\nTwo words.\n\nThree"
    assert spans == (
        ParagraphSpan(1, 0, 4),
        ParagraphSpan(2, 6, 16),
        ParagraphSpan(3, 18, 23),
    )


def test_a_text_letter_is_read_and_normalised_in_well_under_two_milliseconds() -> None:
    letter = (PAGE_BREAK_IN_SENTENCE + " \n" + WRAPPED + " \n") * 4  # about 5 KB
    data = letter.encode("utf-8")
    assert len(read_document("letter.txt", data).paragraphs) == 12
    best = min(timeit.repeat(lambda: read_document("letter.txt", data), number=20, repeat=5)) / 20
    assert best < 0.002


def test_an_abbreviated_title_run_into_the_name_gets_its_space_back() -> None:
    assert clean_text("Rt Hon.Ann Roe MP and Dr.Tom Vale") == "Rt Hon. Ann Roe MP and Dr. Tom Vale"
    assert clean_text("see www.example.org/Hon.Pdf, the Act 2031 s.Ann, and MrX.Roe") == (
        "see www.example.org/Hon.Pdf, the Act 2031 s.Ann, and MrX.Roe")


# -- text mangled before it reached Dossier ------------------------------------------------------

CORRECT = ("Café naïve résumé, Zoë’s déjà vu — “quoted” and ‘single’, £250 and €40 … "
           "Łódź, Ørsted, ½, ＡＢ fullwidth, &amp; left alone, ﬁ spelled out elsewhere")


def test_correct_text_is_left_exactly_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import ftfy

    def refuse(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("ftfy was asked to look at correct text")

    monkeypatch.setattr(ftfy, "fix_text", refuse)  # correct text never even reaches ftfy
    assert clean_text(CORRECT) == CORRECT.replace("ﬁ", "fi")
    assert fix_mojibake(CORRECT) == CORRECT


@pytest.mark.parametrize(("mangled", "mended"), [
    ("The councilâ€™s view â€” it costs Â£250.", "The council’s view — it costs £250."),
    ("CafÃ© rÃ©sumÃ© for Ms ZoÃ« Quarrie", "Café résumé for Ms Zoë Quarrie"),
    ("â€œWe agreeâ€\x9d, said the panel.", "“We agree”, said the panel."),
    ("It\u00e2\u0080\u0099s late", "It’s late"),  # read as Latin-1 rather than Windows-1252
])
def test_utf8_read_as_windows_1252_is_mended(mangled: str, mended: str) -> None:
    assert clean_text(mangled) == mended


def test_a_filed_text_file_with_mojibake_reads_mended() -> None:
    body = "Dear Mr Pellow,\n\nThe trustâ€™s report is due â€” please reply by Friday.\n"
    extracted = read_document("mangled.txt", body.encode("utf-8"))
    assert extracted.text == "Dear Mr Pellow,\n\nThe trust’s report is due — please reply by Friday."
