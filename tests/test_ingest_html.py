"""Web pages saved from a browser (.html, .htm): the article's text, its title and its date."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from dossier.domain.errors import UnreadableFile
from dossier.domain.records import DocumentKind, ParagraphSpan
from dossier.ingest import SUPPORTED_SUFFIXES, read_document
from dossier.services import Services

PAGE = """<!doctype html>
<html><head><meta charset="{charset}">
<title>Bridge repairs delayed | The Wexcombe Courier</title>
<meta property="og:title" content="Bridge repairs delayed again">
<meta property="article:published_time" content="2031-05-14T23:30:00-04:00">
<script>document.write("never shown");</script><style>p {{ color: red }}</style>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav><div>Site banner text</div></header>
<main><article>
<header><h1>Bridge repairs delayed again</h1><p class="byline">By Ottilie Marchbank</p></header>
<p>The council said on Tuesday that repairs to the Millrace bridge would not
start before the autumn, at a cost of £40,000.</p>
<p>Councillor Ambrose Tillet said the delay was &ldquo;regrettable&rdquo; &mdash; but unavoidable.</p>
<aside>Read more: potholes on the ring road</aside>
<h2>What happens next</h2>
<p>A report is due to the cabinet in July.<img src="https://tracker.example.com/pixel.gif"></p>
</article></main>
<footer><p>Copyright notice</p><form><input name="q"><button>Subscribe</button></form></footer>
</body></html>
"""

ARTICLE = [
    "Bridge repairs delayed again",
    "By Ottilie Marchbank",
    "The council said on Tuesday that repairs to the Millrace bridge would not start before the autumn, "
    "at a cost of £40,000.",
    "Councillor Ambrose Tillet said the delay was “regrettable” — but unavoidable.",
    "What happens next",
    "A report is due to the cabinet in July.",
]


def page(charset: str = "utf-8") -> bytes:
    return PAGE.format(charset=charset).encode(charset)


def texts(text: str, spans: tuple[ParagraphSpan, ...]) -> list[str]:
    return [text[span.start:span.end] for span in spans]


def test_html_and_htm_are_supported() -> None:
    assert {".html", ".htm"} <= SUPPORTED_SUFFIXES


def test_the_article_is_read_without_scripts_navigation_or_page_furniture() -> None:
    extracted = read_document("item.html", page())
    assert texts(extracted.text, extracted.paragraphs) == ARTICLE
    assert extracted.media_type == "text/html"
    assert extracted.title == "Bridge repairs delayed again"
    assert extracted.date == "Wed, 14 May 2031 23:30:00 -0400"  # in the page's own time zone
    for furniture in ("never shown", "Home", "banner", "potholes", "Copyright", "Subscribe", "tracker"):
        assert furniture not in extracted.text


def test_the_declared_charset_is_honoured() -> None:
    extracted = read_document("item.htm", page("windows-1252"))
    assert texts(extracted.text, extracted.paragraphs) == ARTICLE


def test_without_meta_tags_the_title_element_names_it_and_no_date_is_given() -> None:
    html = b"<html><head><title>Notice of a meeting</title></head><body><p>The parish meets.</p></body></html>"
    extracted = read_document("notice.html", html)
    assert (extracted.title, extracted.date, extracted.text) == ("Notice of a meeting", None, "The parish meets.")


@pytest.mark.parametrize("meta", [
    '<meta name="date" content="2031-05-14">',
    '<meta name="DC.date" content="2031-05-14">',
    '<span itemprop="datePublished" content="2031-05-14T08:00:00Z"></span>',
])
def test_other_date_tags(meta: str) -> None:
    extracted = read_document("item.html", f"<html><head></head><body>{meta}<p>Text.</p></body></html>".encode())
    assert extracted.date in ("2031-05-14", "Wed, 14 May 2031 08:00:00 +0000")


def test_binary_content_is_refused_in_one_line() -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document("broken.html", bytes(range(32)) * 64)
    assert str(caught.value) == "broken.html: not an HTML page (binary content)"


def test_a_filed_page_has_its_title_date_and_kind(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_bytes(page())
    [result] = services.documents.file_paths([path])
    document = services.documents.get(result.document_id)
    assert document.metadata.title == "Bridge repairs delayed again"
    assert document.metadata.date is not None and document.metadata.date.value == "2031-05-14"
    assert document.metadata.kind is DocumentKind.ARTICLE
    assert "Ottilie Marchbank" in document.text and "never shown" not in document.text
    # analysis run again reads the page's meta tags again
    assert services.documents.reanalyse(result.document_id).value.date.value == "2031-05-14"


def test_an_email_whose_only_body_is_html_reads_through_the_same_path() -> None:
    msg = EmailMessage()
    msg["From"] = "Ottilie Marchbank <ottilie@example.org>"
    msg["To"] = "Ambrose Tillet <ambrose@example.gov.uk>"
    msg["Date"] = "Thu, 15 May 2031 10:00:00 +0100"
    msg["Subject"] = "Bridge"
    msg.set_content(PAGE.format(charset="utf-8"), subtype="html")
    extracted = read_document("page.eml", msg.as_bytes())
    assert texts(extracted.text, extracted.paragraphs) == ARTICLE
    assert extracted.headers is not None and extracted.headers.subject == "Bridge"


@pytest.mark.parametrize("name", ["page.html", "mail.eml"])
def test_a_malformed_marked_section_is_skipped_not_fatal(name: str) -> None:
    html = "<html><body><p>Before.</p><![ \u00f0DATA[ junk ]]><p>After.</p><![</body></html>"
    if name.endswith(".eml"):
        msg = EmailMessage()
        msg["From"], msg["Subject"] = "Ottilie Marchbank <ottilie@example.org>", "Note"
        msg.set_content(html, subtype="html")
        data = msg.as_bytes()
    else:
        data = html.encode("utf-8")
    extracted = read_document(name, data)
    assert extracted.text.startswith("Before.") and "After." in extracted.text
