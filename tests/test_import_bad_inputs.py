"""The bad-input set filed as one batch through the import service, beside good letters."""

import sqlite3
from pathlib import Path

from badinput import EXPECTED_REASONS, OVERSIZE_MAX_BYTES, READABLE, make_bad_inputs

from dossier.domain.records import DocumentStatus, ImportOutcome

GOOD = "Ms Ada Lovelace\nAnalytical Society\n\n1 June 2016\n\nDear Ms Lovelace,\n\nThank you.\n\nYours sincerely,\n\nCharles Babbage\n"


def snapshot(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT d.id, d.sha256, d.title, d.date_value, d.text, length(b.data) "
                           "FROM documents d JOIN document_blobs b ON b.document_id = d.id ORDER BY d.id").fetchall()
    finally:
        con.close()


def test_each_bad_file_fails_alone_with_its_reason(services, tmp_path):
    earlier = tmp_path / "earlier.txt"
    earlier.write_text(GOOD.replace("1 June", "2 June"), encoding="utf-8")
    assert services.documents.file_path(earlier).outcome is ImportOutcome.FILED
    before = snapshot(services.path)

    cases = make_bad_inputs(tmp_path / "bad")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    services.documents.max_bytes = OVERSIZE_MAX_BYTES * 4000  # big enough for every readable case
    # a folder named like a text file is walked as a folder on import, so it is not a batch member
    skip = {"oversize", "directory"}
    batch = [p for name, p in cases.items() if name not in skip] + [tmp_path / "good.txt"]
    results = {Path(r.path).name: r for r in services.documents.file_paths(batch)}

    assert results["good.txt"].outcome is ImportOutcome.FILED
    for name, path in cases.items():
        if name in skip:
            continue
        result = results[path.name]
        if name in READABLE:
            assert result.outcome is ImportOutcome.FILED, (name, result.message)
        else:
            assert result.outcome is ImportOutcome.FAILED, name
            assert result.message == f"{path}: {EXPECTED_REASONS[name]}"
            assert "\n" not in result.message
    no_text = services.documents.get(results[cases["no_text_pdf"].name].document_id)
    assert no_text.row.status is DocumentStatus.NO_TEXT_LAYER

    # nothing already in the dossier changed
    assert snapshot(services.path)[: len(before)] == before


def test_oversize_is_refused_by_the_configured_limit(services, tmp_path):
    cases = make_bad_inputs(tmp_path / "bad")
    services.documents.max_bytes = OVERSIZE_MAX_BYTES
    [result] = services.documents.file_paths([cases["oversize"]])
    assert result.outcome is ImportOutcome.FAILED
    assert result.message.endswith("file is larger than the 1 KB limit")
    assert services.documents.stats().documents == 0
