"""Services hand out frozen records, never rows as dicts; the database gives the domain's record
where one exists rather than a twin the services copy field by field."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

from dossier.db import search_repo
from dossier.domain.query import SearchHit

SERVICES = Path(__file__).resolve().parent.parent / "dossier" / "services"


def test_no_service_method_returns_or_takes_a_dict_of_values() -> None:
    found = []
    for path in sorted(SERVICES.glob("*.py")):
        for cls in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(cls, ast.ClassDef) and cls.name.endswith("Service")):
                continue
            for fn in cls.body:
                if not isinstance(fn, ast.FunctionDef) or fn.name.startswith("_"):
                    continue
                for ann in [fn.returns, *(a.annotation for a in fn.args.args)]:
                    if ann is not None and "dict[str, Any]" in ast.unparse(ann):
                        found.append(f"{path.name}: {cls.name}.{fn.name}")
    assert found == []


def test_the_search_repository_gives_the_domains_search_hit() -> None:
    assert not hasattr(search_repo, "Found")
    hints = typing.get_type_hints(search_repo.search_documents)
    assert hints["return"] == list[SearchHit]
