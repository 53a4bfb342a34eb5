"""The command line's shape: `dossier/cli/__init__.py` only builds the parser, parses and dispatches;
each command lives in a group module with `register(sub)` and the tables of its handlers."""

import argparse
import ast
import importlib
import pkgutil
from pathlib import Path

import dossier.cli
from dossier.cli import build_parser, groups

CLI_DIR = Path(dossier.cli.__file__).parent
HELPERS = {"output", "arguments", "groups", "briefing"}  # shared helpers, the registry, and an export target
TABLES = ("COMMANDS", "PATH_COMMANDS", "STANDALONE_COMMANDS")


def _functions(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in tree.body if isinstance(node, ast.FunctionDef)]


def test_the_package_module_holds_no_command_handlers():
    functions = _functions(CLI_DIR / "__init__.py")
    handlers = [f.name for f in functions if f.name.startswith("cmd_")]
    over_services = [f.name for f in functions if any(a.arg == "services" for a in f.args.args)]
    assert handlers == []
    assert over_services == []


def test_every_command_module_is_a_group_with_register():
    modules = {m.name for m in pkgutil.iter_modules([str(CLI_DIR)])}
    group_names = {g.__name__.rsplit(".", 1)[1] for g in groups.GROUPS}
    assert modules - HELPERS == group_names
    for group in groups.GROUPS:
        assert callable(getattr(group, "register", None)), group.__name__
        assert isinstance(group.COMMANDS, dict), group.__name__
        for table in TABLES:
            assert all(callable(fn) for fn in getattr(group, table, {}).values()), (group.__name__, table)
    assert importlib.import_module("dossier.cli.briefing").TARGET[0] == "briefing"  # `export briefing`


def test_every_command_on_the_parser_has_one_handler():
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    served: dict[str, list[str]] = {}
    for group in groups.GROUPS:
        for table in TABLES:
            for name in getattr(group, table, {}):
                served.setdefault(name, []).append(table)
    assert set(sub.choices) == set(served)
    # a name may be served both on the opened dossier and by path (check, restore), never twice by one kind
    assert all(len(kinds) == len(set(kinds)) for kinds in served.values())
    assert not any("STANDALONE_COMMANDS" in kinds and len(kinds) > 1 for kinds in served.values())


def test_no_group_imports_a_private_name_from_another_cli_module():
    for path in sorted(CLI_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dossier.cli"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert private == [], f"{path.name} imports {private} from {node.module}"
