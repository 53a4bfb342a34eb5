"""`dossier actors`, `actions`, `suggestions`, `accept` and `reject` over a real dossier."""

import io
import json

from dossier.cli import main
from dossier.db import actions_repo
from dossier.domain.dates import PartialDate
from dossier.services import open_services

LETTER = "Dear Ms Okafor,\n\nPlease send me the plan by 30 June 2021.\n\nYours sincerely,\n\nGideon Farrow\nMinister\n"


def run(*argv):
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_suggest_accept_reject_then_actors_and_actions(tmp_path, dossier_path):
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    run("--dossier", str(dossier_path), "import", str(tmp_path / "a.txt"))
    services = open_services(dossier_path)
    try:
        with services.dossier.sessions.begin() as session:
            actions_repo.replace_pending(session, 1, [
                ("actor", "actor:person:adaeze okafor", "Adaeze Okafor",
                 {"name": "Adaeze Okafor", "kind": "person", "forms": ["Ms Okafor"], "posts": ["Head of Planning"],
                  "mentions": [[8, 14, "Okafor"]]}),
                ("actor", "actor:person:nobody", "Nobody", {"name": "Nobody", "kind": "person", "forms": [],
                                                          "posts": [], "mentions": []}),
                ("action", "action:request:2021-06-30:x", "Request: send the plan",
                 {"type": "request", "summary": "send the plan", "sentence": "Please send me the plan by 30 June 2021.",
                  "start": 17, "end": 57, "owner": "Adaeze Okafor", "addressed_to": None,
                  "due": PartialDate("2021-06-30", "day", "by", "by 30 June 2021").to_json(),
                  "due_text": "by 30 June 2021"}),
            ])
        ids = {s.label: s.id for s in services.suggestions.pending(1)}
    finally:
        services.close()

    code, out = run("--dossier", str(dossier_path), "suggestions", "D1", "--json")
    assert code == 0 and {s["label"] for s in json.loads(out)} >= {"Adaeze Okafor", "Nobody"}
    assert run("--dossier", str(dossier_path), "reject", str(ids["Nobody"]))[0] == 0
    code, out = run("--dossier", str(dossier_path), "accept", "--all", "--document", "1")
    assert code == 0
    assert out == "2 suggestions accepted\n"

    code, out = run("--dossier", str(dossier_path), "actors", "--json")
    actors = {a["name"]: a for a in json.loads(out)}
    assert "Nobody" not in actors
    okafor = actors["Adaeze Okafor"]
    # the recipient "Okafor" filed from the salutation is absorbed by the fuller name
    assert okafor["aliases"] == ["Ms Okafor", "Okafor"]
    assert "Okafor" not in actors
    assert okafor["posts"] == [{"title": "Head of Planning", "organisation": None, "note": None, "from": None,
                                "from_stated": False, "to": None}]
    assert okafor["current_posts"] == ["Head of Planning"] and okafor["as_at"] is None
    assert okafor["documents"] == 1

    code, out = run("--dossier", str(dossier_path), "actions", "--json", "--open", "--as-at", "1 July 2021")
    [action] = json.loads(out)
    assert action["owner"] == "Adaeze Okafor"
    assert action["due"]["value"] == "2021-06-30"
    assert action["overdue"] is True
    assert action["source"] == {"document": 1, "file": "a.txt", "paragraph": 2,
                                "title": "Letter from Gideon Farrow to Adaeze Okafor, undated"}
    code, out = run("--dossier", str(dossier_path), "actions", "--as-at", "2021-06")
    assert "OVERDUE" not in out and "1 actions as at 2021-06-30" in out
