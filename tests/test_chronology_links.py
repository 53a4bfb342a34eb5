"""Dating an undated document by the documents linked to it: quotes, cited references, attachments.

The pure rules (dossier.analysis.quoting) on short invented texts, then the service's proposal on
real dossier files.
"""

from __future__ import annotations

from pathlib import Path

from dossier.analysis import quoting
from dossier.analysis.quoting import Link, Text

DECISION = ("Having considered the evidence the team gathered, I have decided that the council's fostering "
            "service must be placed under formal supervision until its recruitment of carers recovers.")

UNDATED = f"""Our ref: CX/2019/0412

Dear Ms Okonjo,

Thank you for meeting the inspection team last week. {DECISION}

I am copying this letter to the chair of the scrutiny committee.

Yours sincerely,

Marcus Feltham
Director of Children's Services
"""

CURLY = DECISION.replace("council's", "council\u2019s")  # a quote may change the apostrophes
ARTICLE = f"""Fostering service put under supervision

14 March 2019

The director, Marcus Feltham, told the council in a letter: \u201c{CURLY}\u201d
The council said it would respond in due course.
"""


# -- the pure rules --------------------------------------------------------------------------------

def test_a_passage_in_quotation_marks_on_one_side_only_says_who_quotes_whom() -> None:
    letter, article = Text(UNDATED), Text(ARTICLE)
    assert quoting.quote_link(letter, article) is Link.QUOTED_BY
    assert quoting.quote_link(article, letter) is Link.QUOTES
    assert Link.QUOTED_BY.other_is_later and not Link.QUOTES.other_is_later


def test_shared_words_that_neither_or_both_mark_as_quoted_say_nothing() -> None:
    plain = "The director wrote to the council. " + DECISION
    assert quoting.shared_passages(quoting.words(UNDATED), quoting.words(plain))  # they do share it
    assert quoting.quote_link(Text(UNDATED), Text(plain)) is None
    both = f"\u201c{DECISION}\u201d"
    assert quoting.quote_link(Text(both), Text(ARTICLE)) is None


def test_a_short_common_phrase_is_not_a_quote() -> None:
    other = "Minutes\n\nThe chair said: \u201cI am copying this letter to the chair of the scrutiny committee.\u201d"
    # twelve words in common, a set phrase: fewer than a quote needs
    assert quoting.quote_link(Text(UNDATED), Text(other)) is None


def test_an_emails_quoted_paragraphs_count_as_quoted() -> None:
    reply = "Thanks, noted.\n\nOn Tuesday, Marcus Feltham wrote:\n\n" + DECISION
    start = reply.index("On Tuesday")
    assert quoting.quote_link(Text(UNDATED), Text(reply, quoted_spans=((start, len(reply)),))) is Link.QUOTED_BY
    assert quoting.quote_link(Text(UNDATED), Text(reply)) is None  # the same words, not marked as quoted


def test_a_quote_must_be_mostly_the_other_texts_words() -> None:
    earlier = ("On Monday, Ada Okonjo wrote:\n\n"
               "We met the inspectors on Friday and went through the recruitment figures for the last "
               "quarter, which are better than the spring figures but still short of the plan. " + DECISION +
               " The chair of the scrutiny committee has asked for a further report in the autumn, and the "
               "finance team will set out the cost of the additional carers in that report.\n")
    reply = "Noted, thank you.\n\n" + earlier
    quoted = ((reply.index("On Monday"), len(reply)),)
    # the reply quotes a message that holds the letter's sentence among much else: not the letter
    assert quoting.quote_link(Text(UNDATED), Text(reply, quoted_spans=quoted)) is None
    assert quoting.quoted_span(Text(reply, quoted_spans=quoted), reply.index("We met")) == quoted[0]


def test_common_wording_is_no_evidence_of_a_quote() -> None:
    assert quoting.quote_link(Text(UNDATED), Text(ARTICLE)) is Link.QUOTED_BY
    assert quoting.quote_link(Text(UNDATED), Text(ARTICLE), is_common=lambda _words: True) is None


def test_probes_hold_the_words_of_any_long_enough_quote() -> None:
    probes = quoting.probes(UNDATED)
    quoted = {w for w, _ in quoting.words(ARTICLE)}
    assert any(set(p) <= quoted for p in probes)
    assert all(len(p) >= 2 and [len(w) for w in p] == sorted((len(w) for w in p), reverse=True) for p in probes)
    assert not any(set(p) <= {w for w, _ in quoting.words("The council said it would respond.")} for p in probes)


def test_references_are_cited_but_not_on_the_writers_own_line() -> None:
    assert quoting.cites("Your ref: CX/2019/0412\n\nDear Mr Feltham,", "CX/2019/0412")
    assert quoting.cites("Thank you for your letter (reference cx / 2019 / 0412).", "CX/2019/0412")
    assert not quoting.cites("Our ref: CX/2019/0412\n\nDear Mr Feltham,", "CX/2019/0412")
    assert not quoting.cites("Your ref: CX/2019/04123", "CX/2019/0412")  # a longer reference
    assert not quoting.cites("Your ref: MF", "MF")  # too short to tell one letter from another
    assert quoting.cited_references("Your ref: CX/2019/0412", [(7, "CX/2019/0412"), (8, "CX/2019/0413")]) == [7]


def test_attachments_are_named_on_an_attachment_line_or_after_attach_or_enclose() -> None:
    assert quoting.attaches("From: A\nTo: B\nAttachments: audit-findings.pdf\n\nSee attached.", "audit-findings.pdf")
    assert quoting.attaches("I enclose a copy of Audit Findings 2019.pdf for the committee.", "audit findings 2019.PDF")
    assert not quoting.attaches("The file audit-findings.pdf was lost last year.", "audit-findings.pdf")
    assert not quoting.attaches("Attachments: letter.pdf", "letter.pdf")  # too common a name to tell
    assert quoting.attached_files("Enclosures: budget-outturn.docx, letter.pdf",
                                  [(3, "letter.pdf"), (4, "Budget-Outturn.docx"), (5, "budget.docx")]) == [4]


# -- the proposal, on dossier files ----------------------------------------------------------------

def _file(services, folder: Path, name: str, text: str) -> int:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return services.documents.file_path(path).document_id


def test_an_undated_letter_is_dated_before_the_article_that_quotes_it(services, tmp_path) -> None:
    letter = _file(services, tmp_path, "letter.txt", UNDATED)
    article = _file(services, tmp_path, "article.txt", ARTICLE)
    proposal = services.chronology.propose_date(letter)
    assert proposal.before is not None and proposal.before.value == "2019-03-14"
    [link] = proposal.links
    assert (link.document_id, link.later, link.relation) == (article, True, "quotes it")
    assert f"D{article} of 14 Mar 2019 quotes it" in proposal.reasons


def test_an_undated_article_is_dated_after_the_letter_it_quotes(services, tmp_path) -> None:
    dated_letter = UNDATED.replace("Our ref: CX/2019/0412\n", "Our ref: CX/2019/0412\n\n2 March 2019\n")
    letter = _file(services, tmp_path, "letter.txt", dated_letter)
    article = _file(services, tmp_path, "article.txt", ARTICLE.replace("14 March 2019\n", ""))
    proposal = services.chronology.propose_date(article)
    assert proposal.after is not None and proposal.after.value == "2019-03-02"
    assert [(link.document_id, link.later) for link in proposal.links] == [(letter, False)]


def test_a_reply_citing_the_reference_and_an_email_attaching_the_file_bound_the_date(services, tmp_path) -> None:
    letter = _file(services, tmp_path, "feltham-supervision-letter.txt", UNDATED)
    reply = _file(services, tmp_path, "reply.txt", "Your ref: CX/2019/0412\n\n30 April 2019\n\nDear Mr Feltham,\n\n"
                  "Thank you for your letter. We accept supervision.\n\nYours sincerely,\n\nAda Okonjo\n")
    email = _file(services, tmp_path, "forward.txt", "From: Ada Okonjo\nTo: Scrutiny Committee\n"
                  "Sent: 9 April 2019\nSubject: Supervision\nAttachments: feltham-supervision-letter.txt\n\n"
                  "For the committee's papers.\n")
    proposal = services.chronology.propose_date(letter)
    assert {(link.document_id, link.relation) for link in proposal.links} == {
        (reply, "cites its reference"), (email, "attaches it")}
    assert proposal.before is not None and proposal.before.value == "2019-04-09"  # the earlier of the two


def test_an_undated_email_that_attaches_a_dated_document_comes_after_it(services, tmp_path) -> None:
    report = _file(services, tmp_path, "inspection-report.txt", "Inspection report\n\n5 February 2019\n\n"
                   "The service was found to require improvement.\n")
    email = _file(services, tmp_path, "covering-note.txt",
                  "Dear colleagues,\n\nI attach inspection-report.txt for the meeting.\n\nMarcus\n")
    proposal = services.chronology.propose_date(email)
    assert [(link.document_id, link.relation) for link in proposal.links] == [(report, "it attaches")]
    assert proposal.after is not None and proposal.after.value == "2019-02-05"


def test_documents_that_only_share_a_letterhead_are_not_linked(services, tmp_path) -> None:
    head = ("Department for Coastal Resilience\nHarbour House, 4 Quay Street, Portmere PM1 2AB\n"
            "Telephone 01632 960 123 Email enquiries@coastal.example\n\n")
    _file(services, tmp_path, "one.txt", head + "3 May 2019\n\nDear Sir,\n\nThe sea wall survey is complete.\n")
    undated = _file(services, tmp_path, "two.txt", head + "Dear Madam,\n\nThe dredging contract is let.\n")
    assert services.chronology.propose_date(undated).links == ()


def test_sample_letter_is_dated_by_the_article_that_quotes_it(services, sample_dir) -> None:
    """The sample's first letter states no date; the news article (dated by hand) quotes it."""
    from dossier.domain.dates import PartialDate

    letter = services.documents.file_path(sample_dir / "000_79d4facf50142c17.txt").document_id
    article = services.documents.file_path(sample_dir / "004_e71f9937f2b5a2c7.txt").document_id
    services.documents.edit_metadata(article, {"date": PartialDate.of(2013, 11)})
    assert services.documents.get(letter).row.date is None
    proposal = services.chronology.propose_date(letter)
    assert [(link.document_id, link.relation) for link in proposal.links] == [(article, "quotes it")]
    assert proposal.before is not None and proposal.before.value == "2013-11"
    assert f"D{article} of Nov 2013 quotes it" in proposal.reasons


def test_the_proposal_as_one_date() -> None:
    from dossier.domain.chronology import DateProposal
    from dossier.domain.dates import PartialDate
    from dossier.services.chronology import proposal_as_date

    march, july = PartialDate.of(2020, 3), PartialDate.of(2020, 7)
    assert proposal_as_date(DateProposal(1, march, july, ())).display() == "Mar 2020 – Jul 2020"
    assert proposal_as_date(DateProposal(1, march, None, ())).display() == "after Mar 2020"
    assert proposal_as_date(DateProposal(1, None, july, ())).display() == "before Jul 2020"
    assert proposal_as_date(DateProposal(1, march, PartialDate.of(2020, 3, text="March"), ())).display() == "Mar 2020"
    assert proposal_as_date(DateProposal(1, None, None, ())) is None


def test_a_quoted_sentence_that_many_letters_hold_is_traced_to_none(services, tmp_path) -> None:
    letters = [_file(services, tmp_path, f"letter{n}.txt", f"{n + 1} March 2019\n\nDear Colleague,\n\n{DECISION}\n\n"
                     "Yours faithfully,\n\nMarcus Feltham\n") for n in range(4)]
    _file(services, tmp_path, "article.txt", ARTICLE)
    assert all(services.chronology.propose_date(letter).links == () for letter in letters)
