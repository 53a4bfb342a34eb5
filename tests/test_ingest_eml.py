"""Email: headers give the parties, bodies are plain or HTML, quoted messages are flagged."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from dossier.domain.errors import UnreadableFile
from dossier.domain.records import Extracted, MessageHeaders
from dossier.ingest import read_document
from dossier.ingest.eml import html_to_text, quote_sections


def texts(extracted: Extracted) -> list[str]:
    return [extracted.text[span.start:span.end] for span in extracted.paragraphs]


def quoted_flags(extracted: Extracted) -> list[bool]:
    return [span.quoted for span in extracted.paragraphs]


def message(body: str | None = None, **headers: str) -> EmailMessage:
    msg = EmailMessage()
    defaults = {
        "From": "Anselm Wray <anselm.wray@example.org>",
        "To": "Julius Le Fevre <j.lefevre@example.ac.uk>, isolde@example.gov.uk",
        "Cc": '"Thorley, Edwin" <edwin@example.gov.uk>',
        "Date": "Fri, 07 Mar 2014 09:15:00 +0000",
        "Subject": "Re: Elmbridge – panel report",
    }
    for name, value in {**defaults, **headers}.items():
        msg[name] = value
    if body is not None:
        msg.set_content(body)
    return msg


REPLY = (
    "Julian,\n\n"
    "Thanks for the draft. I agree with the recommendations\n"
    "and will send comments on the annex by Friday.\n\n"
    "Alan\n\n"
    "On Thu, 6 Mar 2014 at 17:02, Julius Le Fevre <j.lefevre@example.ac.uk> wrote:\n"
    "> Alan,\n"
    ">\n"
    "> Here is the draft report for the\n"
    "> panel to review.\n"
)


def test_headers_give_the_parties_date_and_subject() -> None:
    extracted = read_document("reply.eml", message(REPLY).as_bytes())
    assert extracted.headers == MessageHeaders(
        sender="Anselm Wray <anselm.wray@example.org>",
        to=("Julius Le Fevre <j.lefevre@example.ac.uk>", "isolde@example.gov.uk"),
        cc=("Thorley, Edwin <edwin@example.gov.uk>",),
        date="Fri, 07 Mar 2014 09:15:00 +0000",
        subject="Re: Elmbridge – panel report",
    )
    assert (extracted.title, extracted.media_type, extracted.page_count) == (
        "Re: Elmbridge – panel report", "message/rfc822", None,
    )


def test_a_quoted_earlier_message_is_kept_but_flagged() -> None:
    extracted = read_document("reply.eml", message(REPLY).as_bytes())
    assert texts(extracted) == [
        "Julian,",
        "Thanks for the draft. I agree with the recommendations and will send comments on the annex by Friday.",
        "Alan",
        "On Thu, 6 Mar 2014 at 17:02, Julius Le Fevre <j.lefevre@example.ac.uk> wrote:",
        "Alan,",
        "Here is the draft report for the panel to review.",
    ]
    assert quoted_flags(extracted) == [False, False, False, True, True, True]


def test_an_outlook_original_message_starts_the_quoted_part() -> None:
    body = (
        "Agreed, thank you.\n\n"
        "-----Original Message-----\n"
        "From: Petra Hale\nSent: 06 March 2014 17:02\nTo: Anselm Wray\nSubject: Plan\n\n"
        "Please see the plan attached.\n"
    )
    extracted = read_document("fwd.eml", message(body).as_bytes())
    assert texts(extracted)[0] == "Agreed, thank you."
    assert texts(extracted)[-1] == "Please see the plan attached."
    assert quoted_flags(extracted) == [False] + [True] * (len(extracted.paragraphs) - 1)


def test_an_outlook_header_block_after_a_rule_starts_the_quoted_part() -> None:
    lines = "Fine by me.\n\n________________________________\nFrom: Petra Hale\nSent: Thursday\nTo: Alan\n\nOld text."
    assert [(s.quoted, s.text) for s in quote_sections(lines)] == [
        (False, "Fine by me.\n"),
        (True, "________________________________\nFrom: Petra Hale\nSent: Thursday\nTo: Alan\n\nOld text."),
    ]


def test_interleaved_quotes_are_flagged_line_by_line() -> None:
    body = "> Can you attend on Monday?\nYes, I can.\n\n>> Earlier question\nAnswer."
    extracted = read_document("inline.eml", message(body).as_bytes())
    assert texts(extracted) == ["Can you attend on Monday?", "Yes, I can.", "Earlier question", "Answer."]
    assert quoted_flags(extracted) == [True, False, True, False]


HTML = """<html><head><title>ignored title</title><style>p {color: red}</style>
<script>document.write('never')</script></head>
<body><div>Dear Alan,</div><div><br></div>
<p>The <b>report</b> is&nbsp;attached.<img src="https://tracker.example.com/pixel.gif"></p>
<ul><li>first point</li><li>second point</li></ul>
<table><tr><th>Name</th><th>Role</th></tr><tr><td>Alan</td><td>DCS</td></tr></table>
<div>On Thu, Julian wrote:</div><blockquote><p>Earlier text</p></blockquote>
</body></html>"""


def test_an_html_only_message_is_turned_into_text_without_scripts_or_remote_content() -> None:
    msg = message()
    msg.set_content(HTML, subtype="html")
    extracted = read_document("html.eml", msg.as_bytes())
    assert texts(extracted) == [
        "Dear Alan,",
        "The report is attached.",
        "• first point",
        "• second point",
        "Name | Role\nAlan | DCS",
        "On Thu, Julian wrote:",
        "Earlier text",
    ]
    assert quoted_flags(extracted) == [False] * 5 + [True, True]
    assert "never" not in extracted.text and "tracker" not in extracted.text and "red" not in extracted.text


def test_html_blockquotes_become_quote_lines() -> None:
    assert html_to_text("<p>Mine</p><blockquote>Theirs<br/>more</blockquote>After") == (
        "Mine\n\n> Theirs\n> more\n\nAfter"
    )


def test_plain_text_is_preferred_and_attachments_are_never_read() -> None:
    msg = message("The body in plain text.")
    msg.add_alternative("<p>The body in HTML.</p>", subtype="html")
    msg.add_attachment("NOTES IN A TEXT ATTACHMENT", filename="notes.txt")
    msg.add_attachment(b"\x00" * (8 * 1024 * 1024), maintype="application", subtype="octet-stream",
                       filename="big.bin")
    # (how long the 8 MB attachment costs is measured by benchmarks.bench_readers, not here)
    extracted = read_document("attach.eml", msg.as_bytes())
    # the attachments are not read, but their names are part of the message (a covering email's
    # "Attachments:" line is what dates an undated attachment filed on its own)
    assert texts(extracted) == ["The body in plain text.", "Attachments: notes.txt; big.bin"]


def test_a_message_with_only_an_attachment_has_only_its_name() -> None:
    msg = message()
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="letter.pdf")
    extracted = read_document("only-attachment.eml", msg.as_bytes())
    assert (extracted.text, len(extracted.paragraphs), extracted.title) == (
        "Attachments: letter.pdf", 1, "Re: Elmbridge – panel report")


def test_encoded_headers_and_a_wrong_charset_are_decoded() -> None:
    data = (
        b"From: =?utf-8?q?Ren=C3=A9e_M=C3=BCller?= <renee@example.org>\r\n"
        b"Subject: =?utf-8?b?UmV2aWV3IOKAkyBFbG1icmlkZ2U=?=\r\n"
        b"Content-Type: text/plain; charset=no-such-charset\r\n\r\n"
        b"Caf\xc3\xa9 meeting.\r\n"
    )
    extracted = read_document("encoded.eml", data)
    assert extracted.headers == MessageHeaders(sender="Renée Müller <renee@example.org>", subject="Review – Elmbridge")
    assert extracted.text == "Café meeting."


def test_raw_8bit_headers_and_names_without_addresses_stay_readable() -> None:
    data = b"From: Caf\xe9 Bar <bar@example.org>\r\nTo: Department for Education, undisclosed-recipients:;\r\n\r\nHi"
    assert read_document("raw.eml", data).headers == MessageHeaders(
        sender="Café Bar <bar@example.org>", to=("Department for Education",)
    )


def test_a_headerless_text_is_read_as_a_body() -> None:
    extracted = read_document("note.eml", b"Just a note without headers.\n")
    assert (extracted.text, extracted.headers) == ("Just a note without headers.", MessageHeaders())


@pytest.mark.parametrize("data", [b"\n\n   \n", bytes(range(32)) * 100], ids=["blank", "junk"])
def test_something_that_is_not_an_email_is_refused(data: bytes) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document("junk.eml", data)
    assert caught.value.reason == "not an email message"


def test_a_covering_email_dates_the_undated_paper_it_attaches(tmp_path) -> None:
    """The attachment's name, kept in the email's text, links the two (issue #4's undated papers)."""
    from dossier.services import open_services

    paper = tmp_path / "recovery-plan-draft.txt"
    paper.write_text("Recovery plan\n\nThe service will be reorganised into three area teams.\n", encoding="utf-8")
    msg = message("Dear colleague,\n\nHere is the draft plan for comment.\n\nRegards,\nJo Price")
    msg.add_attachment(b"not read", maintype="text", subtype="plain", filename="recovery-plan-draft.txt")
    mail = tmp_path / "covering.eml"
    mail.write_bytes(msg.as_bytes())
    services = open_services(tmp_path / "case.dossier")
    try:
        results = services.documents.file_paths([paper, mail])
        paper_id = results[0].document_id
        assert services.documents.get(paper_id).metadata.date is None
        proposal = services.chronology.propose_date(paper_id)
        assert proposal.before is not None
        assert proposal.before.value == services.documents.get(results[1].document_id).metadata.date.value
    finally:
        services.close()
