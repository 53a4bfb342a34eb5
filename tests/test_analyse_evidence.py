"""`dossier analyse --json` says why it found each value: the named rule and the span it read."""

from __future__ import annotations

import io
import json

from dossier.analysis.pipeline import read_findings
from dossier.cli import main
from dossier.domain.records import DocumentMetadata
from dossier.ingest import read_path
from dossier.services.filing import analyse_extracted, metadata_from_detection
from dossier.services.suggest import analyse_document, findings_for

LETTER = """Ms Nell Aster
Director of Housing
Wessex County Council

14 March 2019

Dear Ms Aster,

Further to our meeting on 3 March, I am writing about the review of the lettings policy. The
Council published its draft in January 2019. Please send me your response by 30 April 2019.

Yours sincerely,

Tobias Quill
Head of Policy

cc: Lena Fenwick
"""


def analyse(tmp_path, text: str = LETTER, *extra: str) -> tuple[dict, str]:
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    assert main(["analyse", str(path), "--json", *extra], out=out) == 0
    return json.loads(out.getvalue()), read_path(path, max_bytes=10**6)[1].text


def test_every_date_names_its_rule_and_span(tmp_path):
    data, text = analyse(tmp_path)
    for words in ("3 March", "January 2019", "30 April 2019"):
        assert any(words in d["text"] for d in data["dates"]), words
    for d in data["dates"]:
        assert d["rule"], d
        assert text[d["start"]:d["end"]] == d["text"]


def test_the_documents_own_date_names_its_rule_and_span(tmp_path):
    data, text = analyse(tmp_path)
    assert data["date"]["value"] == "2019-03-14"
    assert data["date"]["rule"]
    assert "14 March 2019" in text[data["date"]["start"]:data["date"]["end"]]
    assert data["evidence"]["date"]["rule"] == data["date"]["rule"]


def test_a_date_the_user_gave_says_so(tmp_path):
    data, _text = analyse(tmp_path, LETTER.replace("14 March 2019\n", ""), "--date", "2019-03-14")
    assert data["date"]["value"] == "2019-03-14"
    assert data["date"]["rule"] == "given-date"
    assert data["date"]["start"] == -1


def test_parties_name_their_rules(tmp_path):
    data, text = analyse(tmp_path)
    assert data["sender"] == "Tobias Quill"
    sender = data["evidence"]["sender"]
    assert sender["rule"]
    assert "Tobias Quill" in text[sender["start"]:sender["end"]]
    assert data["recipients"] == ["Nell Aster"]
    assert all(r["rule"] for r in data["evidence"]["recipients"])
    assert data["cc"] == ["Lena Fenwick"]
    assert all(c["rule"] for c in data["evidence"]["cc"])


def test_actors_and_deadlines_name_their_rules_and_spans(tmp_path):
    data, text = analyse(tmp_path)
    people = {a["name"]: a for a in data["actors"] if a["kind"] == "person"}
    assert {"Nell Aster", "Tobias Quill", "Lena Fenwick"} <= set(people)
    for actor in data["actors"]:
        assert actor["rule"], actor
        assert text[actor["start"]:actor["end"]] in actor["forms"]
    [deadline] = data["deadlines"]
    assert deadline["value"] == "2019-04-30"
    assert deadline["rule"] and deadline["date_rule"]
    assert "30 April 2019" in text[deadline["start"]:deadline["end"]]


def test_filing_and_analyse_read_a_document_the_same_way(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    _data, extracted = read_path(path, max_bytes=10**6)
    found = analyse_extracted(path.name, extracted)
    meta: DocumentMetadata = metadata_from_detection(found, extracted)
    findings = findings_for(extracted.text, meta, found.sender_post)
    assert findings == read_findings(extracted.text, found.__class__(sender=meta.sender, sender_post=found.sender_post,
                                                                     recipients=meta.recipients, cc=meta.cc),
                                     meta.date)
    filed = analyse_document(extracted.text, meta, found.sender_post)
    assert [r.found for r in filed.references] == list(findings.dates)
