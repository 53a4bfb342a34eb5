"""Search forgives a misspelt word ("Did you mean …?", from the index's own vocabulary), shows no raw
scores, and highlights the words found in titles too: in the service, the command line and the
search box. The letters are invented here and filed into a real dossier file."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from test_gui_support import file_letters

from dossier.cli import main
from dossier.domain.query import HIT_END, HIT_START, Suggestion, mark_terms, parse, positive_terms
from dossier.services import Services, open_services
from dossier.services import search as search_service
from dossier.ui.views.search_panel import HtmlRole, SearchPanel


def letter(day: str, to: str, body: str) -> str:
    return (f"{to}\nHarbour Trust of Kellow Sound\n\n{day}\n\nDear {to},\n\n{body}\n\n"
            "Yours sincerely,\n\nOswin Tarrant\nMinister for Harbours\n")


LETTERS = {
    "a.txt": letter("3 February 2021", "Ms Ines Valcourt", "The dredging survey of the eastern channel begins soon."),
    "b.txt": letter("19 May 2021", "Mr Teodor Blom", "Thank you for the survey of the eastern channel."),
    "c.txt": letter("8 September 2021", "Ms Ines Valcourt", "The channel works are paused for the winter storms."),
}


@pytest.fixture
def case(dossier_path: Path, tmp_path: Path) -> Path:
    file_letters(dossier_path, tmp_path / "letters", LETTERS)
    return dossier_path


@pytest.fixture
def services(case: Path):
    s = open_services(case)
    yield s
    s.close()


def run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0
    return out.getvalue()


def test_a_misspelt_word_gets_the_nearest_indexed_word(services: Services) -> None:
    search = services.search
    assert search.search("chanel") == ()
    assert search.suggestions("chanel") == (Suggestion("chanel", "channel"),)
    assert search.suggestions("survay dreging") == (Suggestion("survay", "survey"), Suggestion("dreging", "dredging"))
    assert search.suggestions("Valcuort") == (Suggestion("Valcuort", "valcourt"),)  # two letters swapped: one edit
    assert search.suggestions("hcannel") == (Suggestion("hcannel", "channel"),)  # the first two letters swapped
    assert search.suggestions("channel survey") == ()  # every word is found
    assert search.suggestions("xylophone") == ()  # nothing near enough
    assert search.suggestions("from:Tarrant chanel") == (Suggestion("chanel", "channel"),)
    assert search.corrected("from:Tarrant chanel", search.suggestions("from:Tarrant chanel")) == \
        "from:Tarrant channel"
    assert len(search.search(search.corrected("chanel", search.suggestions("chanel")))) == 3


@pytest.mark.parametrize("difflib_only", [False, True])
def test_nearest_word_ranks_by_edits_then_by_how_common(monkeypatch, difflib_only: bool) -> None:
    if difflib_only:
        monkeypatch.setattr(search_service, "_OSA", None)  # difflib's way, where rapidfuzz is not installed
    nearest = search_service.nearest_word
    assert nearest("survay", {"survey": 3, "surveys": 9, "sorbet": 40}) == "survey"
    assert nearest("chanel", {"channel": 1, "chapel": 5}) == "chapel"  # both one edit away: the commoner
    assert nearest("chanenl", {"channel": 1}) == "channel"
    assert nearest("harbor", {"sorbet": 2}) is None  # three edits: too far for a six-letter word
    assert nearest("harbour", {"harbour": 4}) is None  # the word itself is no suggestion


def test_titles_are_marked_where_the_query_words_are() -> None:
    terms = tuple(positive_terms(parse('valcourt "eastern channel" harb*').root))
    marked = mark_terms("Letter to Inès VALCOURT on the Eastern  Channel and the harbours", terms)
    assert re.findall(f"{HIT_START}(.*?){HIT_END}", marked) == ["VALCOURT", "Eastern  Channel", "harbours"]
    assert mark_terms("Nothing here", terms) == "Nothing here"


def test_cli_says_did_you_mean_shows_no_raw_score_and_marks_titles(case: Path) -> None:
    out = run("--dossier", str(case), "search", "chanel")
    assert out.splitlines() == ["0 documents found", "Did you mean: channel"]
    out = run("--dossier", str(case), "search", "Valcourt")
    assert "e-0" not in out and "score" not in out
    titles = [line for line in out.splitlines() if line.startswith("D")]
    assert len(titles) == 2 and all("«Valcourt»" in line for line in titles)
    data = json.loads(run("--dossier", str(case), "search", "channel survey", "--json"))
    assert data and all("score" not in d for d in data)
    assert data[0]["relevance"] == 1.0
    assert all(0 < d["relevance"] <= 1 and d["relevance"] == round(d["relevance"], 2) for d in data)
    data = json.loads(run("--dossier", str(case), "search", "Valcourt", "--json"))
    for d in data:
        assert [d["title"][a:b] for a, b in d["title_highlights"]] == ["Valcourt"]


def test_search_box_offers_the_correction_and_highlights_titles(qtbot, services: Services) -> None:
    panel = SearchPanel(source=services.search)
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    panel.line.setText("survay")
    assert panel.run_search() == ()
    assert panel.did_you_mean.isVisible() and "survey" in panel.did_you_mean.text()
    assert panel.suggestion == "survey"
    hits = panel.accept_suggestion()
    assert len(hits) == 2 and panel.line.text() == "survey"
    assert not panel.did_you_mean.isVisible()

    panel.line.setText("Valcourt")
    panel.run_search()
    html = panel.model.data(panel.model.index(0, 0), HtmlRole)
    title = re.search(r"<b>(.*?)</b>", html).group(1)
    assert re.search(r"<span style=\"[^\"]*\">Valcourt</span>", title)
    assert "e-0" not in html
