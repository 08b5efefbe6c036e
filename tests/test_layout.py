"""The house rules the layout depends on: SQL only in storage/, storage free of bot/, channels free of storage."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_CALLS = {"execute", "executemany", "executescript", "query", "atomic"}


def _modules(*folders: str) -> list[Path]:
    found = []
    for folder in folders:
        path = ROOT / folder
        found += [path] if path.suffix == ".py" else [p for p in path.rglob("*.py") if "sandbox" not in p.parts]
    return found


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_sql_or_transactions_outside_storage():
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in _modules("bot", "main.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS
    ]
    assert offenders == []


def test_storage_imports_nothing_from_the_bot():
    offenders = {str(p.relative_to(ROOT)): sorted(n for n in _imports(p) if n.split(".")[0] == "bot") for p in _modules("storage")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_channels_import_neither_storage_nor_the_back_office():
    forbidden = ("storage", "bot.backoffice", "bot.services", "sqlite_utils", "sqlite3")
    offenders = {str(p.relative_to(ROOT)): sorted(n for n in _imports(p) if n.startswith(forbidden)) for p in _modules("bot/channels")}
    assert {k: v for k, v in offenders.items() if v} == {}
